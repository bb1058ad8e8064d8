"""The store's term index (lib/store/terms.py) gives a search the hits a scan of every sentence gives.

A store is written from a hand-made corpus (one document per batch, so every query crosses
batches); each search of a table of queries and filters is run on the whole analysis
(lib/view/search.py, the definition) and on the store through its index, and on the store without
its index (the LIKE scan), and all three must agree. Then the index must follow a document replaced
by a newer batch, compaction, and a damaged or missing index file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lib.records import Analysis, Batch, Corpus, Document, Span
from lib.store.check import check_store, repair_store
from lib.store.compaction import compact
from lib.store.parquet import (
    BatchEntry,
    batch_id_of,
    commit_batch,
    document_key,
    read_analysis,
    read_manifest,
    write_analysis,
    write_batch,
)
from lib.store.slices import NO_INDEX, search_slice, store_index
from lib.store.terms import TERMS, VERSION_KEY, terms_table
from lib.view import search
from lib.view.urls import Filters

# Fictional reports, written for this test: accents, case, punctuation inside words, repeats.
TEXTS = {
    "r1": (
        "Minister Élodie Varga said the talks in Norrvik would resume. "
        "The TALKS stalled on Monday. Troops massed near the border crossing. "
        "Varga's deputy, Tomas Ek, said on Tuesday that the U.S. envoy had left."
    ),
    "r2": (
        "Elodie Varga denied the report. Talking points were circulated by the ministry. "
        "Border guards said on the radio that the crossing was closed. "
        "Café owners near the border said trade had stopped."
    ),
    "r3": (
        "The envoy from the U.S. arrived in Norrvik. Talks, talks and more talks: the summit opened. "
        "No troops were seen. The ministry said nothing on Tuesday."
    ),
    "r4": "Ödön Kallas, a farmer, said the border fence cut his field. Straße closures followed.",
}
SOURCES = {"r1": "Northern Daily", "r2": "Coastal Wire", "r3": "Northern Daily", "r4": "Valley Post"}
DATES = {"r1": "2024-03-01", "r2": "2024-03-02", "r3": "2024-04-10", "r4": "2024-05-20"}
QUERIES = [
    "talks",
    "TALKS norrvik",
    "talk*",
    '"said on"',
    '"u s" envoy',
    "elodie",
    "Élodie varga",
    "cafe",
    "odon",
    "strasse",
    "border said",
    '"border crossing"',
    "bord*",
    "nothing here",
    "varga s",
    "troops",
]
FILTERS = [
    Filters(),
    Filters(sources=("Northern Daily",)),
    Filters(date_from=date(2024, 3, 2), date_to=date(2024, 4, 30)),
]


def sentences_of(doc: Document) -> list[Span]:
    """The document's sentences, split after . : ! ? (the test's own, simple splitter)."""
    out, start = [], 0
    for i, char in enumerate(doc.text):
        if char in ".!?" and (i + 1 == len(doc.text) or doc.text[i + 1] == " "):
            out.append(Span(doc.id, start, i + 1, doc.text[start : i + 1]))
            start = i + 2
    return out


def analysis_of(texts: dict[str, str]) -> Analysis:
    docs = tuple(
        Document(d, f"Report {d}", SOURCES[d], DATES[d], "metadata", "en", "", "", t)
        for d, t in texts.items()
    )
    sentences = tuple(s for d in docs for s in sentences_of(d))
    return Analysis(Corpus(docs), (), (), (), (), (), (), (), sentences)


def hits(result: search.Result) -> list[tuple[str, int, int, int]]:  # (doc, start, end, score)
    return [(h.sentence.doc_id, h.sentence.start, h.sentence.end, h.score) for h in result.hits]


Hits = list[tuple[str, int, int, int]]


def store_hits(
    store: Path, q: str, filters: Filters, limit: int = search.LIMIT
) -> tuple[Hits, tuple[str, ...]]:
    found = search_slice(store_index(store), filters, q)
    return hits(search.search(found.analysis, filters, search.parse(q), limit)), found.notes


def store_matched(store: Path, q: str, filters: Filters) -> int:
    """How many sentences match, as the Search page says it (lib/view/search.py's count, or the
    index's when it ranked the query and handed over only the best)."""
    found = search_slice(store_index(store), filters, q)
    result = search.search(found.analysis, filters, search.parse(q))
    return found.matched if found.matched is not None else result.matched


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Analysis, Path]:
    analysis = analysis_of(TEXTS)
    write_analysis(analysis, tmp_path, batch_size=1)
    return analysis, tmp_path


def test_every_batch_has_an_index_sorted_by_term(stored: tuple[Analysis, Path]) -> None:
    _, store = stored
    for batch in read_manifest(store).batches:
        terms = pq.read_table(store / "batches" / batch.id / f"{TERMS}.parquet").column("term").to_pylist()
        assert terms and terms == sorted(terms)
    assert check_store(store).index == ()


@pytest.mark.parametrize("filters", FILTERS, ids=["all", "source", "dates"])
@pytest.mark.parametrize("q", QUERIES)
def test_index_agrees_with_the_whole_analysis(
    stored: tuple[Analysis, Path], q: str, filters: Filters
) -> None:
    analysis, store = stored
    found, notes = store_hits(store, q, filters)
    expected = search.search(analysis, filters, search.parse(q))
    assert found == hits(expected)
    assert store_matched(store, q, filters) == expected.matched
    assert NO_INDEX not in notes


@pytest.mark.parametrize("q", ["talks", "talk*", "said border", "said"])
def test_the_index_ranks_a_query_of_words_as_search_does(
    stored: tuple[Analysis, Path], q: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for 2 hits, the 2 the index hands over are search's best 2 (score, newer, order)."""
    analysis, store = stored
    monkeypatch.setattr(search, "LIMIT", 2)
    expected = search.search(analysis, Filters(), search.parse(q), limit=2)
    assert expected.matched > 2  # there is a cut to make
    found = search_slice(store_index(store), Filters(), q)
    assert len(found.analysis.sentences) == 2 and found.matched == expected.matched
    assert hits(search.search(found.analysis, Filters(), search.parse(q), limit=2)) == hits(expected)


def test_some_queries_find_something(stored: tuple[Analysis, Path]) -> None:
    """The table above is not vacuous: most queries match, one matches nothing."""
    analysis, _ = stored
    matched = [search.search(analysis, Filters(), search.parse(q)).matched for q in QUERIES]
    assert sum(1 for m in matched if m) >= len(QUERIES) - 2 and 0 in matched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Élodie's CAFÉ, U.S.-made.", {"elodie", "s", "cafe", "u", "made"}),
        ("Straße 12", {"straße", "12"}),
        ("", set()),
        ("— … —", set()),
    ],
)
def test_index_holds_the_folded_words(text: str, expected: set[str]) -> None:
    row = {"doc_id": "d", "start": 0, "end": len(text), "text": text, "batch": "b"}
    sentences = pa.Table.from_pylist([row])
    assert set(terms_table(sentences).column("term").to_pylist()) == expected


def _replace_doc(store: Path, doc: Document) -> None:
    """A newer batch with one document's new text: its old rows (and old index) become dead."""
    key = document_key(doc)
    entry = BatchEntry(batch_id_of([key]), (doc.id,), (key,))
    part = analysis_of({doc.id: doc.text})
    write_batch(store, entry.id, Batch(documents=part.documents, sentences=part.sentences))
    commit_batch(store, entry)


def test_a_replaced_document_is_searched_in_its_new_text(stored: tuple[Analysis, Path]) -> None:
    analysis, store = stored
    old = analysis.document("r3")
    _replace_doc(store, replace(old, text="Quiet day in Norrvik. Nothing was said about troops."))
    now = read_analysis(store)
    for q in ("talks", "quiet", "troops", "norrvik", "envoy"):
        expected = hits(search.search(now, Filters(), search.parse(q)))
        assert store_hits(store, q, Filters())[0] == expected, q
    assert not any(d == "r3" for d, *_ in store_hits(store, "talks", Filters())[0])
    compact(store)  # dead rows dropped, batches merged: the index follows
    for q in ("talks", "quiet", "bord*"):
        assert store_hits(store, q, Filters())[0] == hits(search.search(now, Filters(), search.parse(q)))


@pytest.mark.parametrize("damage", ["missing", "zero-byte", "garbage", "stale"])
def test_a_damaged_or_stale_index_falls_back_with_a_note_then_is_rebuilt(
    stored: tuple[Analysis, Path], damage: str
) -> None:
    analysis, store = stored
    batch = read_manifest(store).batches[0].id
    path = store / "batches" / batch / f"{TERMS}.parquet"
    if damage == "missing":
        path.unlink()
    elif damage == "stale":  # made by other code: another fold would give other terms
        table = pq.read_table(path)
        pq.write_table(table.replace_schema_metadata({VERSION_KEY: "older"}), path)
    else:
        path.write_bytes(b"" if damage == "zero-byte" else b"not parquet at all")
    report = check_store(store)
    assert report.ok and report.index_batches == (batch,)  # the data is whole: nothing to re-extract
    assert any("search index" in line for line in report.lines())
    expected = hits(search.search(analysis, Filters(), search.parse("talks")))
    found, notes = store_hits(store, "talks", Filters())
    assert found == expected and NO_INDEX in notes
    repair = repair_store(store, analysis.documents)  # as an ingest starts: no document extracted again
    assert not repair.redo and any("search index rebuilt" in line for line in repair.lines())
    assert check_store(store).index == ()
    found, notes = store_hits(store, "talks", Filters())
    assert found == expected and NO_INDEX not in notes
