"""Search: terms, matching (case, accents, phrases, prefixes), ranking, filters and exact spans."""

from __future__ import annotations

import random
import unicodedata

import duckdb
import pytest
from dashboard_fixtures import sample_analysis

from lib.records import Analysis, Corpus, Document, Span
from lib.view import search
from lib.view.filters import Filters

# Invented sentences (a fictional river dispute), one document each unless said otherwise.
TEXTS = {
    "d1": "Mayor Zoë Okonkwo said the Lüdenbach bridge would reopen. The café stayed shut.",
    "d2": "The bridge talks resumed in Ostrava. Talks, talks and more talks, said the CAFE owner.",
    "d3": "Officials reopened the ferry. Peace talks were not mentioned; the bridges stayed closed.",
}
DATES = {"d1": "2024-05-02", "d2": "2024-05-09", "d3": None}
SOURCES = {"d1": "River Herald", "d2": "Valley Post", "d3": "River Herald"}


def sentences(doc_id: str, text: str) -> list[Span]:
    spans, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        spans.append(Span(doc_id, start, end, text[start:end]))
        start = end + 1
    return spans


def corpus() -> Analysis:
    docs = tuple(
        Document(d, f"Report {d}", SOURCES[d], DATES[d], "metadata", "en", "", "", t)
        for d, t in TEXTS.items()
    )
    sents = tuple(s for d, t in TEXTS.items() for s in sentences(d, t))
    return Analysis(Corpus(docs), (), (), (), (), (), (), (), sents)


def found(q: str, filters: Filters | None = None) -> list[tuple[str, str]]:
    result = search.search(corpus(), filters or Filters(), search.parse(q))
    return [(h.sentence.doc_id, h.sentence.text) for h in result.hits]


@pytest.mark.parametrize(
    ("q", "docs"),
    [
        ("bridge", ["d2", "d1"]),  # whole words: "bridges" is not "bridge"
        ("bridge*", ["d2", "d1", "d3"]),  # a prefix takes "bridges"
        ("BRIDGE", ["d2", "d1"]),  # case ignored
        ("zoe", ["d1"]),  # accents ignored in the text...
        ("Lüdenbach", ["d1"]),
        ("ludenbach", ["d1"]),
        ("cafe", ["d2", "d1"]),  # ...and in the search: "café" and "CAFE" alike
        ("café", ["d2", "d1"]),
        ('"peace talks"', ["d3"]),  # a phrase: words in a row
        ("“peace talks”", ["d3"]),  # curly quotes too
        ('"talks peace"', []),
        ("talks ostrava", ["d2"]),  # every term required
        ("talks nowhere", []),
        ("bri", []),  # a part of a word is not a word
        ("", []),
        ('"', []),
    ],
)
def test_matching(q: str, docs: list[str]) -> None:
    assert [d for d, _ in found(q)] == docs


def test_ranking_counts_occurrences_then_newer_reports() -> None:
    hits = search.search(corpus(), Filters(), search.parse("talks")).hits
    assert [(h.sentence.doc_id, h.score) for h in hits] == [("d2", 3), ("d2", 1), ("d3", 1)]  # capped at 3
    bridge = search.search(corpus(), Filters(), search.parse("bridge")).hits
    assert [h.sentence.doc_id for h in bridge] == ["d2", "d1"]  # a tie: the newer report first


@pytest.mark.parametrize(
    ("filters", "docs"),
    [
        (Filters(sources=("River Herald",)), ["d1", "d3"]),
        (Filters(sources=("Valley Post",)), ["d2"]),
        (Filters(date_from=__import__("datetime").date(2024, 5, 5)), ["d2"]),
    ],
)
def test_filters_apply(filters: Filters, docs: list[str]) -> None:
    assert sorted({d for d, _ in found("bridge*", filters)}) == docs


@pytest.mark.parametrize("q", ["zoe okonkwo", "Lüdenbach", '"peace talks"', "bridge*", "CAFE talks"])
def test_spans_are_exact(q: str) -> None:
    analysis = corpus()
    result = search.search(analysis, Filters(), search.parse(q))
    assert result.hits
    for h in result.hits:
        text = analysis.document(h.sentence.doc_id).text
        assert text[h.sentence.start : h.sentence.end] == h.sentence.text
        for m in h.matches:
            assert text[m.start : m.end] == m.text
            assert h.sentence.start <= m.start < m.end <= h.sentence.end
            assert search.fold(m.text).replace(" ", "") != ""


def test_matches_keep_the_texts_own_spelling() -> None:
    hit = search.search(corpus(), Filters(), search.parse("zoe")).hits[0]
    assert [m.text for m in hit.matches] == ["Zoë"]


def test_decomposed_accents_map_back_to_the_text() -> None:
    text = "The mayor of Sme\u0301zy spoke."  # e + combining acute
    doc = Document("x", "", "", None, "unknown", "en", "", "", text)
    analysis = Analysis(Corpus((doc,)), (), (), (), (), (), (), (), (Span("x", 0, len(text), text),))
    hit = search.search(analysis, Filters(), search.parse("smezy")).hits[0]
    assert [m.text for m in hit.matches] == ["Sme\u0301zy"]


def test_doc_ids_search_one_document_whatever_the_filters() -> None:
    result = search.search(
        corpus(), Filters(sources=("Valley Post",)), search.parse("bridge*"), doc_ids=["d3"]
    )
    assert [h.sentence.doc_id for h in result.hits] == ["d3"]


def test_terms_are_capped() -> None:
    query = search.parse(" ".join(f"w{i}" for i in range(12)))
    assert len(query.terms) == search.MAX_TERMS and len(query.dropped) == 12 - search.MAX_TERMS


def test_hits_frame_has_provenance_and_reader_links() -> None:
    analysis = sample_analysis()
    result = search.search(analysis, Filters(), search.parse("retreat"))
    frame = search.hits_frame(analysis, result, Filters(), "retreat")
    assert {"doc_id", "source", "date", "start", "end", "sentence"} <= set(frame.columns)
    for row in frame.itertuples():
        assert f"doc={row.doc_id}&start={row.start}&end={row.end}&q=retreat" in row.reader


def test_fold_agrees_with_duckdb() -> None:
    """The store's LIKE folds with strip_accents(lower()): it must keep whatever search keeps."""
    ranges = [(0x20, 0x250), (0x370, 0x530), (0x1E00, 0x1F00), (0xAC00, 0xAC40)]
    chars = [chr(i) for lo, hi in ranges for i in range(lo, hi) if unicodedata.category(chr(i))[0] in "LNP"]
    rows = duckdb.sql(
        "SELECT c, strip_accents(lower(c)) FROM (SELECT unnest($1) AS c)", params=[chars]
    ).fetchall()
    assert [(c, d) for c, d in rows if d != search.fold_char(c)] == []


@pytest.mark.parametrize("q", ["a", "a a", "ab*", "b a*", "a b a", "a1"])
def test_spans_are_what_the_pattern_finds(q: str) -> None:
    """The spans found from the first word's occurrences are finditer's, overlaps and all."""
    rng = random.Random(q)
    pieces = ["a", "b", "ab", " ", "-", "é", "a1", "_"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        for term in search.parse(q).terms:
            expected = [m.span() for m in search._pattern(term).finditer(text)]
            assert search._spans(term, text) == expected, text


@pytest.mark.parametrize(
    "text",
    ["plain ascii", "Élodie’s café", "Straße İstanbul", "e\u0301tude", "ǅemal ﬁnal", "\u0301 alone", ""],
)
def test_offsets_map_each_folded_character_back(text: str) -> None:
    """Through the fast path (one folded character per character) or the slow one, alike."""
    folded, origin = search.folded_with_offsets(text)
    parts = [search.fold_char(c) for c in text]
    assert folded == "".join(parts)
    at = 0
    for i, part in enumerate(parts):
        for j in range(len(part)):
            assert origin(at + j) == i
        at += len(part)
