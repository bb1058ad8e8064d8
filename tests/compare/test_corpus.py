"""Claims across the corpus (lib/compare/corpus.py): clustered across reports, verdicts, no chaining,
and blocking that finds what comparing every pair finds. Fictional reports written for these tests."""

from __future__ import annotations

from functools import cache
from itertools import combinations

import pytest

from lib.compare import corpus as cc
from lib.compare.align import claim_score, same_claim
from lib.compare.claims import DocRows, rows_by_doc
from lib.extract.pipeline import analyze_corpus
from lib.records import Actor, Analysis, Corpus, CorpusClaim, Document, Span
from lib.view.filters import Filters
from lib.view.pages import claims_in_memory

REPORTS = {
    # id: (source, date, text)
    "r1": (
        "Harbor Post",
        "2031-03-02",
        "The Velmora dam on the Ostrel river burst on Tuesday after days of heavy rain. "
        "Governor Lina Paskov ordered the evacuation of four villages downstream. "
        "The flood killed 12 people in the town of Marrowby, officials said. "
        "A local bakery handed out free bread to volunteers.",
    ),
    "r2": (
        "Valley Courier",
        "2031-03-03",
        "Governor Lina Paskov ordered four villages downstream to be evacuated. "
        "The Velmora dam on the Ostrel river burst after days of heavy rain. "
        "The flood killed 40 people in the town of Marrowby, officials said. "
        "The engineer Tomas Brell had warned about cracks in the concrete wall last year.",
    ),
    "r3": (
        "North Ledger",
        "2031-03-04",
        "The Velmora dam burst on the Ostrel river after heavy rain for days. "
        "Chess players in Dunmore opened their annual tournament with a record field of entrants.",
    ),
}


def _doc(doc_id: str) -> Document:
    source, day, text = REPORTS[doc_id]
    return Document(doc_id, f"Report {doc_id}", source, day, "metadata", "en", "", "", text)


@cache
def analysis() -> Analysis:
    return analyze_corpus(Corpus(tuple(_doc(d) for d in REPORTS)))


@cache
def claims() -> tuple[CorpusClaim, ...]:
    return tuple(cc.corpus_claims(analysis()))


def _claim_with(words: str) -> CorpusClaim:
    found = [c for c in claims() if any(words in m.text for m in c.members)]
    assert len(found) == 1, [c.members for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("words", "docs", "verdict"),
    [
        ("dam on the Ostrel river burst", ("r1", "r2", "r3"), "corroborated"),
        ("ordered the evacuation", ("r1", "r2"), "corroborated"),
        ("killed 12 people", ("r1", "r2"), "contested"),
        ("Tomas Brell had warned", ("r2",), "single-source"),
    ],
)
def test_claims_are_clustered_across_reports(words: str, docs: tuple[str, ...], verdict: str) -> None:
    claim = _claim_with(words)
    assert claim.docs == docs
    assert claim.verdict == verdict
    assert claim.first_date == REPORTS[docs[0]][1] and claim.last_date == REPORTS[docs[-1]][1]
    for m in claim.members:  # provenance: each member is its report's text at its span
        assert analysis().document(m.doc_id).text[m.start : m.end] == m.text


def test_contested_claim_shows_both_versions() -> None:
    claim = _claim_with("killed 12 people")
    (conflict,) = claim.conflicts
    assert conflict.kind == "number" and conflict.confidence >= 0.6
    assert {conflict.a.text, conflict.b.text} >= {"12"} or "12" in conflict.reason


def test_context_sentence_without_actor_or_figure_is_left_out() -> None:
    assert not [c for c in claims() if any("free bread" in m.text for m in c.members)]


def test_a_weak_discrepancy_does_not_contest() -> None:
    """A figure changed between reports seven days apart is an update (weak): corroborated, not contested."""
    later = {**REPORTS, "r2": ("Valley Courier", "2031-03-09", REPORTS["r2"][2])}
    docs = tuple(Document(d, d, s, day, "metadata", "en", "", "", t) for d, (s, day, t) in later.items())
    found = cc.corpus_claims(analyze_corpus(Corpus(docs)))
    flood = [c for c in found if any("killed 12" in m.text for m in c.members)]
    assert [c.verdict for c in flood] == ["corroborated"]


@pytest.mark.parametrize("peel", [cc.MAX_PEEL, 2])
def test_no_chaining_of_unrelated_claims(peel: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chain a-b-c where a and c are unrelated: the medoid guard keeps them apart, and so do the
    stars that cut a large component (``peel`` 2: every component of three is large)."""
    monkeypatch.setattr(cc, "MAX_PEEL", peel)
    sentences, texts = cc._sentences(analysis(), *_grouped())
    idx = {texts[s.row]: i for i, s in enumerate(sentences)}
    dam = next(i for t, i in idx.items() if t.startswith("The Velmora dam burst"))
    chess = next(i for t, i in idx.items() if t.startswith("Chess players"))
    other = next(
        i for t, i in idx.items() if t.startswith("The Velmora dam on") and sentences[i].doc.id == "r1"
    )
    links = [(1.0, min(dam, other), max(dam, other)), (1.0, min(dam, chess), max(dam, chess))]
    groups = cc.cluster(len(sentences), links, sentences)
    assert not any(chess in g and other in g for g in groups)


def _grouped() -> tuple[dict[str, DocRows], dict[str, Actor]]:
    a = analysis()
    return rows_by_doc(a), {x.id: x for x in a.actors}


def test_blocking_finds_every_pair_all_pairs_finds() -> None:
    sentences, _ = cc._sentences(analysis(), *_grouped())
    every = set()
    for i, j in combinations(range(len(sentences)), 2):
        a, b = sentences[i], sentences[j]
        if a.doc.id != b.doc.id and same_claim(
            a.claim, b.claim, claim_score(a.claim, b.claim, a.vector, b.vector)
        ):
            every.add((i, j))
    assert every  # the corpus has same claims to find
    assert {(i, j) for _, i, j in cc.linked_pairs(sentences)} == every


def test_reports_outside_the_date_window_are_not_compared() -> None:
    far = {**REPORTS, "r3": ("North Ledger", "2031-06-30", REPORTS["r3"][2])}
    docs = tuple(Document(d, d, s, day, "metadata", "en", "", "", t) for d, (s, day, t) in far.items())
    found = cc.corpus_claims(analyze_corpus(Corpus(docs)))
    dam = [c for c in found if any("dam on the Ostrel river burst" in m.text for m in c.members)]
    assert [c.docs for c in dam] == [("r1", "r2")]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), 4),
        (Filters(sources=("North Ledger",)), 1),
        (Filters(date_from=__import__("datetime").date(2031, 3, 4)), 1),
        (Filters(sources=("Nobody",)), 0),
    ],
)
def test_claims_filtered(filters: Filters, expected: int) -> None:
    multi = [c for c in claims() if len(c.docs) > 1 or (c.verdict == "single-source" and "Brell" in c.text)]
    assert len(claims_in_memory(multi, filters)) == expected


def test_pairs_sharing_most_claims() -> None:
    top = cc.shared_pairs(claims(), 3)
    assert top[0][:2] == ("r1", "r2") and top[0][2] >= 3


def _copies(n: int, day: str | list[str]) -> Analysis:
    """``n`` reports of one wire sentence (a sentence each, no extraction needed), on ``day``
    (or each report on its day of a list)."""
    text = "Harbour pilots at Quenby refused to guide tankers through the narrow channel."
    days = day if isinstance(day, list) else [day] * n
    docs = tuple(
        Document(f"w{i:03d}", f"Wire {i}", f"Outlet {i}", days[i], "metadata", "en", "", "", text)
        for i in range(n)
    )
    spans = tuple(Span(d.id, 0, len(text), text) for d in docs)
    return Analysis(Corpus(docs), (), (), (), (), (), (), (), spans)


@pytest.mark.parametrize("copies", [2, 20, 200])
def test_copies_of_one_sentence_are_one_claim_in_bounded_comparisons(
    copies: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wire copy: a sentence in many reports of one week is one claim, and the pairwise work does
    not grow with the copies (an exact-duplicate pass groups them before any comparison)."""
    calls = 0

    def counted(*args: object) -> float:
        nonlocal calls
        calls += 1
        return claim_score(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cc, "claim_score", counted)
    (claim,) = cc.corpus_claims(_copies(copies, "2031-05-06"))
    assert len(claim.docs) == copies and claim.verdict == "corroborated"
    assert calls <= 4


@pytest.mark.parametrize(
    ("days", "claims"),
    [
        (["2031-05-06", "2031-05-07", "2031-05-12", "2031-05-19"], 1),  # windows in a row chain
        (["2031-01-06", "2031-01-07", "2031-09-06", "2031-09-07"], 2),  # months apart: two claims
    ],
)
def test_copies_are_clustered_within_date_windows(days: list[str], claims: int) -> None:
    found = cc.corpus_claims(_copies(len(days), days))
    assert len(found) == claims and sum(len(c.docs) for c in found) == len(days)


def test_a_report_repeating_a_sentence_counts_once() -> None:
    analysis = _copies(2, "2031-05-06")
    text = analysis.documents[0].text
    doubled = Document("w000", "Wire 0", "Outlet 0", "2031-05-06", "metadata", "en", "", "", f"{text} {text}")
    spans = (
        Span("w000", 0, len(text), text),
        Span("w000", len(text) + 1, 2 * len(text) + 1, text),
        analysis.sentences[1],
    )
    corpus = Corpus((doubled, analysis.documents[1]))
    (claim,) = cc.corpus_claims(Analysis(corpus, (), (), (), (), (), (), (), spans))
    assert claim.docs == ("w000", "w001") and len(claim.members) == 2


def test_stars_cluster_as_the_medoid_cut_does_on_small_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Star clustering (a component over MAX_PEEL members) finds the claims of the three reports."""
    monkeypatch.setattr(cc, "MAX_PEEL", 2)
    found = cc.corpus_claims(analysis())
    dam = [c for c in found if any("dam on the Ostrel river burst" in m.text for m in c.members)]
    assert [c.docs for c in dam] == [("r1", "r2", "r3")]
    assert all(len(set(c.docs)) == len(c.members) for c in found)  # a report once per claim


def _readouts(office_a: list[str], office_b: str) -> tuple[CorpusClaim, ...]:
    """Three readouts of one office on three days of a week, and one of another office."""
    docs = [
        Document(f"a{i}", f"Readout {i}", "Office A", f"2031-06-0{i + 2}", "metadata", "en", "", "", text)
        for i, text in enumerate(office_a)
    ]
    docs.append(Document("b0", "Readout", "Office B", "2031-06-03", "metadata", "en", "", "", office_b))
    return tuple(cc.corpus_claims(analyze_corpus(Corpus(tuple(docs)))))


def _shared_by_both(claims: tuple[CorpusClaim, ...], doc: str) -> list[CorpusClaim]:
    return [c for c in claims if doc in c.docs and {"Office A", "Office B"} <= set(c.sources)]


def test_a_set_phrase_of_one_office_corroborates_nothing_unnamed() -> None:
    """A wording an office gives to its readouts of different calls ("the leaders agreed to keep in
    close touch") tells no event apart: another office's sentence in those words, naming no actor
    or figure in common, is not the same claim."""
    claims = _readouts(
        [
            "Prime Minister Halvard Osk spoke by phone with President Mira Tavel. "
            "The two leaders agreed to keep in close touch.",
            "Prime Minister Halvard Osk received Chancellor Ivo Brandt. "
            "The leaders agreed to keep in close touch.",
            "Prime Minister Halvard Osk met King Orrin of Saltmere. "
            "Both leaders agreed to keep in close touch.",
        ],
        "President Dana Corve spoke with Premier Lio Varn. "
        "The sides agreed to keep in close touch at every level.",
    )
    assert _shared_by_both(claims, "b0") == []


def test_a_fact_one_office_repeats_with_its_names_still_corroborates() -> None:
    """Repeated across one office's updates, a sentence that names its actor and figure stays the
    same claim as another office's sentence naming them."""
    claims = _readouts(
        [
            "Officials said Dravia had moved 4,000 troops to the Kessel border.",
            "Dravia has moved 4,000 troops to the Kessel border, officials said again.",
            "Officials repeated that Dravia moved 4,000 troops to the Kessel border.",
        ],
        "Dravia moved 4,000 troops to the Kessel border, the office said.",
    )
    assert len(_shared_by_both(claims, "b0")) == 1


@pytest.mark.parametrize(("day_b", "together"), [("2031-06-03", True), ("2031-06-12", False)])
def test_words_alone_join_reports_of_about_the_same_days(day_b: str, together: bool) -> None:
    """Two outlets' sentences naming no actor and no figure in common are one claim only from
    reports written within UNANCHORED_DAYS of each other: without a shared name, only time says
    they tell of one event."""
    texts = {
        "p0": (
            "Outlet P",
            "2031-06-02",
            "The night ferry service across the strait was halted without warning.",
        ),
        "q0": (
            "Outlet Q",
            day_b,
            "Without warning, the night ferry across the strait was halted, leaving travellers stranded.",
        ),
    }
    docs = tuple(
        Document(k, k, src, day, "metadata", "en", "", "", text) for k, (src, day, text) in texts.items()
    )
    claims = cc.corpus_claims(analyze_corpus(Corpus(docs)))
    assert any(set(c.docs) == {"p0", "q0"} for c in claims) is together
