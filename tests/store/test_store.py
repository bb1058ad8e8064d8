"""The columnar store: round trips, per-batch replacement, atomic writes, filtered queries
(through lib/store/slices.py, what the pages read)."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lib.records import (
    Actor,
    Analysis,
    Batch,
    Block,
    Corpus,
    DateMention,
    Document,
    Event,
    IngestError,
    Mention,
    NumberClaim,
    Position,
    Quote,
    Span,
    Target,
)
from lib.store import parquet as st
from lib.store.columns import records_table, table_records
from lib.store.compaction import compact
from lib.store.slices import documents_slice, overview_quotes, positions_slice, store_index, timeline_slice
from lib.view.frames import positions_frame
from lib.view.urls import Filters
from tools.replicas import replicate

TEXTS = {
    "a": "Mayor Ada Quill said on Monday that the bridge will close.",
    "b": "The council rejected the plan, said Bo Reyes.",
    "c": "Nothing happened in Lowtown on 3 May 2021.",
}
SOURCES = {"a": "Daily Ledger", "b": "Evening Post", "c": "Daily Ledger"}
DATES = {"a": "2021-05-03", "b": "2021-06-10", "c": None}


def _doc(doc_id: str, text: str | None = None) -> Document:
    body = text or TEXTS[doc_id]
    blocks = (Block("body", 0, len(body)),)
    return Document(
        doc_id, f"Title {doc_id}", SOURCES[doc_id], DATES[doc_id], "metadata", "en", "", "", body, blocks
    )


def _span(doc_id: str, start: int, end: int) -> Span:
    return Span(doc_id, start, end, TEXTS[doc_id][start:end])


def hand_analysis() -> Analysis:
    ada, bo = (
        Actor("ada-quill", "Ada Quill", "person", ("Quill",), "lowtown", "mayor"),
        Actor("bo-reyes", "Bo Reyes", "person"),
    )
    lowtown = Actor("lowtown", "Lowtown", "place")
    mentions = (Mention("a", "ada-quill", "Ada Quill", 6, 15), Mention("b", "bo-reyes", "Bo Reyes", 36, 44))
    mentions += (Mention("c", "lowtown", "Lowtown", 21, 28),)
    quotes = (
        Quote("a", "ada-quill", "Ada Quill", TEXTS["a"][37:58], "indirect", "said", 37, 58, 0.8, 0, 15),
        Quote("b", "bo-reyes", "Bo Reyes", TEXTS["b"][0:29], "indirect", "said", 0, 29, 0.7),
    )
    dates = (
        DateMention("a", "Monday", 25, 31, "2021-05-03", "day"),
        DateMention("c", "3 May 2021", 32, 42, "2021-05-03", "day"),
    )
    events = (
        Event(
            "e1", "2021-05-03", "day", ("ada-quill",), "the bridge will close", (_span("a", 0, 58),), ("a",)
        ),
        Event("e2", "2021-06-10", "on_or_before", ("bo-reyes",), "rejected", (_span("b", 0, 29),), ("b",)),
    )
    numbers = (  # per-document lists are in corpus order, as analyze_corpus makes them
        NumberClaim("a", 1.5, "x", "about", "x", 0, 1),
        NumberClaim("c", 3.0, "May", "", "3", 32, 33, _span("c", 0, 43)),
    )
    positions = (Position("ada-quill", "bridge", "The bridge", "supports", 1, (_span("a", 37, 58),)),)
    sentences = tuple(_span(d, 0, len(t)) for d, t in TEXTS.items())
    corpus = Corpus(tuple(_doc(d) for d in TEXTS), (IngestError("x.pdf", "unreadable"),), 3)
    return Analysis(
        corpus, (ada, bo, lowtown), mentions, quotes, dates, events, numbers, positions, sentences
    )


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_round_trip_of_a_hand_built_analysis(tmp_path: Path, batch_size: int) -> None:
    analysis = hand_analysis()
    st.write_analysis(analysis, tmp_path, batch_size=batch_size)
    assert st.read_analysis(tmp_path) == analysis


def test_round_trip_of_an_empty_analysis(tmp_path: Path) -> None:
    empty = Analysis(Corpus(()), (), (), (), (), (), (), (), ())
    st.write_analysis(empty, tmp_path)
    assert st.read_analysis(tmp_path) == empty


def test_a_changed_analysis_is_not_equal_after_reading(tmp_path: Path) -> None:
    analysis = hand_analysis()
    st.write_analysis(analysis, tmp_path)
    assert st.read_analysis(tmp_path) != replace(analysis, quotes=analysis.quotes[:1])


@pytest.mark.parametrize(
    ("cls", "record"),
    [
        (NumberClaim, NumberClaim("c", 3.0, "May", "", "3", 32, 33, None)),
        (NumberClaim, NumberClaim("c", 0.1, "May", "", "3", 32, 33, Span("c", 0, 1, "N"))),
        (Quote, Quote("a", None, "", "t", "direct", None, 0, 1, 0.33, None, None)),
        (  # a group target: a name and no actor id (lib/extract/groups.py)
            Quote,
            Quote(
                "a",
                None,
                "",
                "t",
                "direct",
                None,
                0,
                1,
                0.5,
                targets=(Target("x", "neg"), Target(None, "pos", "pronoun", "the media")),
            ),
        ),
        (Document, _doc("a")),
        (Actor, Actor("x", "X", "country", (), None, "")),
    ],
)
def test_columns_round_trip_each_record(cls: type, record: object) -> None:
    assert table_records(records_table([record], cls), cls) == [record]


def _batch_files(store: Path, batch_id: str) -> dict[str, bytes]:
    folder = store / "batches" / batch_id
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_manifest_is_written_as_its_fields_and_read_back(tmp_path: Path) -> None:
    manifest = st.Manifest(
        (st.BatchEntry("b1", ("a", "b"), ("k1", "k2")), st.BatchEntry("b2", ("c",), ("k3",))),
        "gen1",
        (IngestError("notes/é.txt", "no text"),),
        4,
        ("b1",),
    )
    st.write_manifest(tmp_path, manifest)
    expected = json.dumps({"format": st.FORMAT, **asdict(manifest)}, ensure_ascii=False)
    assert (tmp_path / st.MANIFEST).read_text(encoding="utf-8") == expected  # the text written before
    assert st.read_manifest(tmp_path) == manifest


def test_a_commit_given_the_manifest_is_the_commit_that_reads_it(tmp_path: Path) -> None:
    first = st.BatchEntry("b1", ("a",), ("k1",))
    again = st.BatchEntry("b1", ("a", "b"), ("k1", "k2"))  # a batch committed again replaces its entry
    given = st.commit_batch(tmp_path / "given", first)
    given = st.commit_batch(tmp_path / "given", again, given)
    given = st.commit_batch(tmp_path / "given", st.BatchEntry("b2", ("c",), ("k3",)), given)
    st.commit_batch(tmp_path / "read", first)
    st.commit_batch(tmp_path / "read", again)
    read = st.commit_batch(tmp_path / "read", st.BatchEntry("b2", ("c",), ("k3",)))
    assert given == read == st.read_manifest(tmp_path / "given") == st.read_manifest(tmp_path / "read")
    assert [b.id for b in given.batches] == ["b1", "b2"]


def test_replacing_one_document_writes_only_its_rows(tmp_path: Path) -> None:
    analysis = hand_analysis()
    st.write_analysis(analysis, tmp_path, batch_size=2)
    before = st.read_manifest(tmp_path)
    files = {b.id: _batch_files(tmp_path, b.id) for b in before.batches}
    new_b = _doc("b", "The council approved the plan.")
    key = st.document_key(new_b)
    st.write_batch(tmp_path, "new", st.Batch(documents=(new_b,)))
    st.commit_batch(tmp_path, st.BatchEntry("new", ("b",), (key,)))
    after = st.read_manifest(tmp_path)
    assert {b.id: _batch_files(tmp_path, b.id) for b in before.batches} == files  # old files untouched
    assert pq.read_table(st.table_path(tmp_path, "new", "documents")).column("id").to_pylist() == ["b"]
    docs = st.read_analysis(tmp_path).documents
    assert [d.id for d in docs] == ["a", "b", "c"]  # the replaced document keeps its place
    assert docs[1].text == "The council approved the plan."
    assert after.live()["b"] == "new" and after.live()["a"] == before.live()["a"]
    assert [q.doc_id for q in st.read_analysis(tmp_path).quotes] == ["a"]  # b's old quote is dead


def test_a_failed_batch_write_leaves_no_folder_and_no_manifest_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    st.write_analysis(hand_analysis(), tmp_path)
    before = st.read_manifest(tmp_path)
    calls = []

    def failing(table: object, path: Path) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        path.write_bytes(b"partial")

    monkeypatch.setattr(st.pq, "write_table", failing)
    with pytest.raises(OSError, match="disk full"):
        st.write_batch(tmp_path, "broken", st.Batch(documents=(_doc("a"),)))
    assert not (tmp_path / "batches" / "broken").exists()
    assert not [p for p in (tmp_path / "batches").iterdir() if p.name.startswith(".tmp")]
    assert st.read_manifest(tmp_path) == before


@pytest.mark.parametrize(
    ("content", "error"),
    [('{"format": 999, "batches": []}', ValueError), ("{not json", ValueError)],
)
def test_a_manifest_of_another_format_is_refused(tmp_path: Path, content: str, error: type) -> None:
    (tmp_path / st.MANIFEST).write_text(content)
    with pytest.raises(error):
        st.read_manifest(tmp_path)


def test_folder_tables_name_every_table_of_a_batch_folder() -> None:
    # compaction and replication copy FOLDER_TABLES: a table missing from it would be dropped
    assert tuple(st.batch_tables("b1", Batch((_doc("a"),)))) == st.FOLDER_TABLES


def test_a_missing_store_reads_as_empty(tmp_path: Path) -> None:
    assert st.read_manifest(tmp_path / "nothing") == st.Manifest()
    with pytest.raises(FileNotFoundError, match="holds no store"):
        store_index(tmp_path / "nothing")


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    st.write_analysis(hand_analysis(), tmp_path, batch_size=2)
    return tmp_path


def speakers(store: Path, filters: Filters) -> list[str]:
    return list(overview_quotes(store_index(store), filters)["speaker_id"])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["ada-quill", "bo-reyes"]),
        (Filters(actors=("bo-reyes",)), ["bo-reyes"]),
        (Filters(actors=("nobody",)), []),
        (Filters(sources=("Evening Post",)), ["bo-reyes"]),
        (Filters(sources=("Nowhere Times",)), []),
        (Filters(date_from=date(2021, 6, 1)), ["bo-reyes"]),
        (Filters(date_to=date(2021, 5, 31)), ["ada-quill"]),
        (Filters(date_from=date(2022, 1, 1)), []),
    ],
)
def test_quotes_in_view(filled: Path, filters: Filters, expected: list[str]) -> None:
    assert speakers(filled, filters) == expected


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (Filters(), ["e1", "e2"]),
        (Filters(actors=("ada-quill",)), ["e1"]),
        (Filters(sources=("Evening Post",)), ["e2"]),
        (Filters(date_from=date(2021, 6, 1), date_to=date(2021, 6, 30)), ["e2"]),
        (Filters(actors=("lowtown",)), []),
    ],
)
def test_events_in_view(filled: Path, filters: Filters, ids: list[str]) -> None:
    assert [e.id for e in timeline_slice(store_index(filled), filters).analysis.events] == ids


def test_mentions_and_positions(filled: Path) -> None:
    index = store_index(filled)
    part = positions_slice(index, Filters(sources=("Daily Ledger",)), "ada-quill", None).analysis
    assert [m.actor_id for m in part.mentions] == ["ada-quill"]
    assert list(positions_frame(index.base, Filters(actors=("ada-quill",)))["issue"]) == ["bridge"]


def test_actor_map_renames_ids_in_reads_and_queries(filled: Path) -> None:
    manifest = st.read_manifest(filled)
    tables = st.read_corpus(filled, manifest)
    batch_a = manifest.live()["a"]
    st.write_corpus(filled, replace(tables, actor_map={(batch_a, "a", "ada-quill"): "ada-quill-person"}))
    assert next(m.actor_id for m in st.read_analysis(filled).mentions) == "ada-quill-person"
    assert speakers(filled, Filters(actors=("ada-quill-person",))) == ["ada-quill-person"]


@pytest.mark.parametrize(
    ("doc_id", "quotes", "mentions"),
    [("a", ["ada-quill"], ["ada-quill"]), ("c", [], ["lowtown"]), ("zz", None, None)],
)
def test_a_document_slice_reads_one_document(
    filled: Path, doc_id: str, quotes: list[str] | None, mentions: list[str] | None
) -> None:
    part = documents_slice(store_index(filled), [doc_id]).analysis
    if quotes is None:
        assert not part.quotes and not part.mentions and not part.sentences
        return
    assert [d.id for d in part.documents if d.text] == [doc_id]
    assert [q.speaker_id for q in part.quotes] == quotes
    assert [m.actor_id for m in part.mentions] == mentions
    assert [s.text for s in part.sentences] == [TEXTS[doc_id]]


def test_queries_see_a_replaced_document_and_not_its_old_rows(filled: Path) -> None:
    assert speakers(filled, Filters(actors=("bo-reyes",))) == ["bo-reyes"]  # opens and keeps the store
    new_b = _doc("b", "The council approved the plan.")
    st.write_batch(filled, "new", st.Batch(documents=(new_b,)))
    st.commit_batch(filled, st.BatchEntry("new", ("b",), (st.document_key(new_b),)))
    index = store_index(filled)
    assert speakers(filled, Filters(actors=("bo-reyes",))) == []
    assert documents_slice(index, ["b"]).analysis.document("b").text == new_b.text
    assert [d.id for d in index.base.documents] == [d.id for d in st.read_analysis(filled).documents]


@pytest.mark.parametrize("copies", [1, 3])
def test_replicate_copies_every_live_row_under_new_ids(filled: Path, copies: int) -> None:
    assert replicate(filled, copies) == 3 * copies
    read = st.read_analysis(filled)
    assert len(read.documents) == len({d.id for d in read.documents}) == 3 * copies
    index = store_index(filled)
    # a copy is a corpus of its own: its actors have ids of their own (tools/replicas.py)
    assert speakers(filled, Filters(actors=("ada-quill",))) == ["ada-quill"]
    copied = [f"ada-quill~{i}" for i in range(1, copies)]
    assert not copied or sorted(speakers(filled, Filters(actors=tuple(copied)))) == copied
    assert len(timeline_slice(index, Filters(actors=("bo-reyes",))).analysis.events) == 1
    assert len(documents_slice(index, ["a~1"]).analysis.quotes) == (1 if copies > 1 else 0)


def test_replicate_renames_whom_statements_are_about(tmp_path: Path) -> None:
    hand = hand_analysis()
    about = (Target("bo-reyes", "neg"), Target(None, "neg", "named", "the media"))
    quotes = (replace(hand.quotes[0], targets=about), *hand.quotes[1:])
    st.write_analysis(replace(hand, quotes=quotes), tmp_path, batch_size=2)
    replicate(tmp_path, 2)
    targets = {q.doc_id: q.targets for q in st.read_analysis(tmp_path).quotes}
    # a copy's statements are about the copy's actors, as its speakers are; a group keeps its name
    assert [(t.actor_id, t.name) for t in targets["a~1"]] == [("bo-reyes~1", None), (None, "the media")]
    assert [t.actor_id for t in targets["a"]] == ["bo-reyes", None]


def test_compaction_keeps_what_reads_and_queries_see(filled: Path) -> None:
    manifest = st.read_manifest(filled)
    tables = st.read_corpus(filled, manifest)
    st.write_corpus(filled, replace(tables, actor_map={(manifest.live()["a"], "a", "ada-quill"): "ada-q"}))
    new_b = _doc("b", "The council approved the plan.")
    st.write_batch(filled, "new", st.Batch(documents=(new_b,)))
    st.commit_batch(filled, st.BatchEntry("new", ("b",), (st.document_key(new_b),)))
    before = st.read_analysis(filled)
    quotes = overview_quotes(store_index(filled), Filters())
    assert compact(filled, batch_docs=10) == 1
    assert [p.name for p in (filled / "batches").iterdir()] == [st.read_manifest(filled).batches[0].id]
    assert st.read_corpus(filled, st.read_manifest(filled)).actor_map == {}
    assert st.read_analysis(filled) == before
    assert overview_quotes(store_index(filled), Filters()).equals(quotes)


def test_a_new_extraction_version_makes_every_stored_document_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document("a", "", "", "2022-01-01", "metadata", "en", "", "", "Text.")
    before = st.document_key(doc)
    monkeypatch.setattr(st, "extraction_version", lambda: "other code")
    assert st.document_key(doc) != before
