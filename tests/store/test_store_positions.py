"""Issues found for every statement at once (lib/extract/positions.py ``issue_starts``, the corpus
step's positions): where the word-start scan finds them, and a store's positions equal the
pipeline's whether its reports came at once, in batches or added later."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.extract.pipeline import analyze_corpus
from lib.extract.polarity import normal
from lib.extract.positions import Issue, _issues_index, issue_starts
from lib.records import Corpus, Document, Position
from lib.store.parallel import ingest_corpus, refresh_corpus
from lib.store.parquet import read_corpus, read_manifest


def _issue(cues: tuple[str, ...], whole_words: bool) -> Issue:
    return Issue("i", "i", "", cues, whole_words=whole_words)


CUE_CASES = [
    # (statement, cues, whole words)
    ("The toll levy must go.", ("toll levy", "toll levies"), True),
    ("They backed the toll levies on Monday.", ("toll levy", "toll levies"), True),
    ("No levy here, only a tollbooth.", ("toll levy",), True),  # negative: no cue
    ("The tolls rose.", ("toll",), True),  # negative: a longer word is not the whole word
    ("The tolls rose.", ("toll",), False),  # a pack cue matches a word start
    ("A re-tolling plan.", ("tolling",), False),  # after a hyphen: a word start
    ("Retolling is planned.", ("tolling",), False),  # negative: inside a word
    ("The ferry-port deal, then the port deal.", ("port deal",), True),
    ("Talks with the u.s. envoys went on.", ("u.s. envoy", "u.s. envoys"), True),
    ("Éport deal and then a port deal.", ("port deal",), True),  # a letter of another script
    ("The port dealé was signed; the port deal too.", ("port deal",), True),
    ("Café levy: the levy stays.", ("levy",), True),
    ("The côte levy is new; a levy.", ("côte levy", "levy"), True),  # a cue not in ASCII
    ("#levy trends; the levy too.", ("#levy", "levy"), False),  # a cue not starting a word
    ("", ("levy",), True),  # negative: no text
]


@pytest.mark.parametrize(("text", "cues", "whole"), CUE_CASES)
def test_issue_starts_equal_the_word_start_scan(text: str, cues: tuple[str, ...], whole: bool) -> None:
    body = normal(text)
    issues = [_issue(cues, whole), _issue(("levy",), True)]
    expected = _issues_index(tuple((i.cues, i.whole_words) for i in issues)).first_each(body)
    assert issue_starts([body, "nothing at all", body], issues) == [expected, [None, None], expected]


# Four reports written for this test (fictional town and people): statements on a toll levy
# and a ferry plan, some conditional, some demands, some opposing, in several reports.
TEXTS = [
    'Mayor Ada Quill said the toll levy must be scrapped. "If the toll levy stays, we will '
    'sue the council," Quill said. "The ferry plan is the only way," she added.',
    'Councillor Bo Reyes said he backed the toll levy. "We reject the ferry plan," Reyes said. '
    '"The toll levy should stay until the bridge is paid for," he told reporters.',
    'Ada Quill told a meeting that the ferry plan was ready. "The toll levy is a tax on '
    'workers," Quill said. "Unless the council drops the toll levy, we march," she said.',
    'Bo Reyes said the council opposed the ferry plan. "We will not accept the ferry plan," '
    'Reyes said. "The toll levy pays for the bridge," he said.',
]


def _corpus(texts: list[str] = TEXTS) -> Corpus:
    return Corpus(
        tuple(
            Document(
                f"r{i}", f"Report {i}", f"Outlet {i % 2}", f"2024-05-{10 + i}", "metadata", "en", "", "", t
            )
            for i, t in enumerate(texts)
        )
    )


@pytest.fixture(scope="module")
def expected() -> tuple[Position, ...]:
    found = analyze_corpus(_corpus()).positions
    assert found, "the reports were written to give positions"
    return found


@pytest.mark.parametrize(
    ("first", "batch_size"),
    [(4, 4), (4, 2), (4, 1), (2, 2), (1, 1), (3, 2)],
    ids=["one-batch", "batches", "one-report-batches", "two-added", "one-by-one", "one-added"],
)
def test_store_positions_equal_the_pipeline_incremental_or_full(
    tmp_path: Path, expected: tuple[Position, ...], first: int, batch_size: int
) -> None:
    """``first`` reports ingested, then the rest added (an update), equals the pipeline's
    positions over all four at once; and so does a full recompute of the same store."""
    ingest_corpus(_corpus(TEXTS[:first]), tmp_path, batch_size=batch_size)
    ingest_corpus(_corpus(), tmp_path, batch_size=batch_size)
    assert read_corpus(tmp_path, read_manifest(tmp_path)).positions == expected
    refresh_corpus(tmp_path)
    assert read_corpus(tmp_path, read_manifest(tmp_path)).positions == expected


# Reports of one fictional event that differ in a figure, a date and who said what: the claims'
# discrepancy checks run each finder only where both sentences hold what it compares.
DIFFERING = [
    "Harbor Works engineers said on 12 March 2024 that the Lowtown bridge repairs will cost $2 million. "
    '"The bridge is safe for now," said Ada Quill, the mayor.',
    "Harbor Works engineers said on 14 March 2024 that the Lowtown bridge repairs will cost $3 million. "
    '"The bridge is safe for now," said Bo Reyes, the council chairman.',
    "The Lowtown bridge repairs will cost $2 million, Harbor Works engineers said on 12 March 2024.",
]


@pytest.mark.parametrize("texts", [DIFFERING, TEXTS + DIFFERING], ids=["differing", "all"])
def test_claims_conflicts_skip_only_pairs_no_finder_could_flag(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The claims with the skip equal those of running every finder on every checked pair; the
    corpus has pairs of both kinds (a finder to run, none)."""
    from lib.compare import corpus

    analysis = analyze_corpus(_corpus(texts))
    chosen: list[tuple[bool, bool, bool]] = []
    finders = corpus._finders

    def recorded(a: corpus.Inside, b: corpus.Inside) -> tuple[bool, bool, bool]:
        chosen.append(finders(a, b))
        return chosen[-1]

    monkeypatch.setattr(corpus, "_finders", recorded)
    skipped = corpus.corpus_claims(analysis)
    assert any(map(any, chosen))
    monkeypatch.setattr(corpus, "_finders", lambda a, b: (True, True, True))  # every finder, every pair
    assert corpus.corpus_claims(analysis) == skipped


def test_claims_conflicts_skip_updates_and_dissimilar_date_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Numbers are not compared between reports a week apart or more (their differences are
    updates, below SHOW_MIN) and dates not in pairs below DATE_PAIR_MIN: the claims equal those of
    comparing them. The reports are one and seven or eight days apart, so the skip is taken."""
    from lib.compare import corpus

    dates = ["2024-03-12", "2024-03-13", "2024-03-20"]
    analysis = analyze_corpus(
        Corpus(
            tuple(
                Document(f"r{i}", f"Report {i}", f"Outlet {i}", d, "metadata", "en", "", "", t)
                for i, (d, t) in enumerate(zip(dates, DIFFERING, strict=True))
            )
        )
    )
    apart: list[bool] = []
    days_apart = corpus._days_apart

    def recorded(a: Document, b: Document) -> bool:
        apart.append(days_apart(a, b))
        return apart[-1]

    monkeypatch.setattr(corpus, "_days_apart", recorded)
    skipped = corpus.corpus_claims(analysis)
    assert True in apart and False in apart
    monkeypatch.setattr(corpus, "_days_apart", lambda a, b: False)
    monkeypatch.setattr(corpus, "DATE_PAIR_MIN", 0.0)
    assert corpus.corpus_claims(analysis) == skipped
