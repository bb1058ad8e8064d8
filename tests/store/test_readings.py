"""Statements read once at ingest (lib/store/readings.py) and issues found for every statement at once
(lib/extract/positions.py ``issue_starts``): the positions are those of reading each statement in
the corpus step, whether the store holds the readings, lacks them, or had documents added later."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.extract.pipeline import analyze_corpus
from lib.extract.positions import Issue, _issues_index, _normal, _sentence_flags, issue_starts, reading_of
from lib.records import Corpus, Document, Position, Quote
from lib.store import readings
from lib.store.parallel import ingest_corpus, refresh_corpus, stored_readings
from lib.store.parquet import live_records, read_corpus, read_manifest


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
    body = _normal(text)
    issues = [_issue(cues, whole), _issue(("levy",), True)]
    expected = _issues_index(tuple((i.cues, i.whole_words) for i in issues)).first_each(body)
    assert issue_starts([body, "nothing at all", body], issues) == [expected, [None, None], expected]


READING_CASES = [
    "If the levy stays, we will leave. We must act now!",
    "The levy is fair; it should stay. Unless it rises.",
    "Nothing here demands anything",
    "Stop. . Go; if so.",
    "They said: the levy must go.\nIt will.",
    "",
]


@pytest.mark.parametrize("text", READING_CASES)
def test_a_reading_gives_each_place_the_flags_of_its_sentence(text: str) -> None:
    """Wherever an issue may be named, the sentence's condition and demand are those the corpus
    step reads from the sentence around that place (a place on the space after a stop included)."""
    body, read = _normal(text), reading_of(text)
    assert len(read.conditional) == len(read.demand) == len(read.stops) + 1
    for at in range(len(body)):
        with_reading = [flag() for flag in _sentence_flags(body, at, read)]
        assert with_reading == [flag() for flag in _sentence_flags(body, at, None)], at


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


def _drop_readings(store: Path) -> int:
    gone = list(store.glob(f"batches/*/{readings.READINGS}.parquet"))
    for path in gone:
        path.unlink()
    return len(gone)


@pytest.mark.parametrize(
    ("first", "batch_size", "dropped"),
    [(4, 4, False), (4, 2, False), (4, 1, True), (2, 2, False), (1, 1, False), (3, 2, True)],
    ids=["one-batch", "batches", "no-readings", "two-added", "one-by-one", "added-no-readings"],
)
def test_store_positions_equal_the_pipeline_whatever_was_read_at_ingest(
    tmp_path: Path, expected: tuple[Position, ...], first: int, batch_size: int, dropped: bool
) -> None:
    """Incremental (``first`` reports, then the rest added) equals full; stored readings (every
    folder holds them) or none (removed: an older store) give the same positions."""
    ingest_corpus(_corpus(TEXTS[:first]), tmp_path, batch_size=batch_size)
    ingest_corpus(_corpus(), tmp_path, batch_size=batch_size)
    folders = len(read_manifest(tmp_path).batches)
    assert len(list(tmp_path.glob(f"batches/*/{readings.READINGS}.parquet"))) == folders
    if dropped:
        assert _drop_readings(tmp_path) == folders
        refresh_corpus(tmp_path)
    manifest = read_manifest(tmp_path)
    quotes = [q for _, q in live_records(tmp_path, manifest, "quotes", Quote)]
    stored = stored_readings(tmp_path, manifest, quotes)
    assert set(stored) == (set() if dropped else {q.text for q in quotes})
    assert all(stored[q.text] == reading_of(q.text) for q in quotes if q.text in stored)
    assert read_corpus(tmp_path, manifest).positions == expected


def test_readings_of_other_code_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest_corpus(_corpus(), tmp_path, batch_size=2)
    path = next(tmp_path.glob(f"batches/*/{readings.READINGS}.parquet"))
    assert readings.current(path)
    monkeypatch.setattr(readings, "readings_version", lambda: "another")
    assert not readings.current(path)
    assert not readings.current(tmp_path / "missing.parquet")
