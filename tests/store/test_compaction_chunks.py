"""Compaction and folder writing in parts (issue #19: memory at 10,000 documents): a compacted
folder's term index and sentence claims made a few sentences or documents at a time, and its rows
read from the batches holding them one new batch at a time, give the files made all at once."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lib.compare.corpus import corpus_claims
from lib.extract.pipeline import analyze_corpus
from lib.records import Corpus, Document
from lib.store import claim_rows, compaction, terms
from lib.store import parquet as st
from lib.store.compaction import compact
from lib.store.parallel import refresh_corpus
from lib.store.parquet import read_analysis, read_corpus, read_manifest, write_analysis

# fictional reports, written for this test
TEXTS = [
    (
        "Tern Gazette",
        "2033-05-01",
        "The Orlen bridge closed after a barge struck it. Minister Ivo Brask said 3 spans cracked.",
    ),
    (
        "Fen Herald",
        "2033-05-02",
        "A barge struck the Orlen bridge, which closed. Minister Ivo Brask said 5 spans cracked.",
    ),
    (
        "Quay Times",
        "2033-05-02",
        "The Orlen bridge stayed shut on Tuesday. Engineers from Halvik inspected the piers.",
    ),
    (
        "Tern Gazette",
        "2033-05-03",
        "Engineers from Halvik inspected the piers of the Orlen bridge. Repairs will take weeks.",
    ),
    (
        "Moor Daily",
        "2033-05-09",
        "Ferry crossings doubled while the Orlen bridge stayed closed, the port of Selby said.",
    ),
]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tuple(
        Document(f"d{i}", f"Report {i}", s, d, "metadata", "en", "", "", t)
        for i, (s, d, t) in enumerate(TEXTS)
    )
    analysis = analyze_corpus(Corpus(docs))
    store = tmp_path_factory.mktemp("source") / "store"
    write_analysis(analysis, store, batch_size=1, claims=corpus_claims(analysis))
    return store


def _compacted(source: Path, folder: Path) -> Path:
    store = folder / "store"
    shutil.copytree(source, store)
    compact(store)
    return store


def _files(store: Path) -> dict[str, bytes]:
    """Every Parquet file of the store by its path (the corpus generation's folder named 'corpus')."""
    manifest = read_manifest(store)
    out = {}
    for batch in manifest.batches:
        for f in (store / "batches" / batch.id).glob("*.parquet"):
            out[f"{batch.id}/{f.name}"] = f.read_bytes()
    for f in (store / "corpus" / manifest.corpus).glob("*.parquet"):
        out[f"corpus/{f.name}"] = f.read_bytes()
    return out


@pytest.mark.parametrize(
    ("claim_docs", "terms_chunk", "row_group", "take_rows"),
    [
        (1, 1, 16_384, 65_536),  # a document and a sentence at a time
        (2, 3, 16_384, 65_536),  # runs that end inside the folder
        (4, 7, 16_384, 65_536),
        (5, 10_000, 16_384, 65_536),  # every document in one run: the path an ingest batch takes
        (2, 3, 4, 8),  # the index's rows taken in order a few at a time, in several row groups
        (2, 3, 5, 5),  # one row group per take
        (2, 7, 3, 12),
    ],
)
def test_a_folder_made_in_parts_is_the_folder_made_at_once(
    source: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    claim_docs: int,
    terms_chunk: int,
    row_group: int,
    take_rows: int,
) -> None:
    monkeypatch.setattr(terms, "ROW_GROUP", row_group)
    monkeypatch.setattr(st, "ROW_GROUP", row_group)
    monkeypatch.setattr(compaction, "_derived", lambda *_: {})  # the index and claims made from the rows
    whole = _files(_compacted(source, tmp_path / "whole"))
    monkeypatch.setattr(st, "CLAIM_DOCS", claim_docs)
    monkeypatch.setattr(st, "TERMS_CHUNK", terms_chunk)
    monkeypatch.setattr(st, "TAKE_ROWS", take_rows)
    parts = _files(_compacted(source, tmp_path / "parts"))
    assert parts.keys() == whole.keys()
    assert {"claim_sentences.parquet", "terms.parquet"} <= {k.split("/")[1] for k in parts}
    assert [k for k in parts if parts[k] != whole[k]] == []


def _tables(store: Path) -> dict[str, pa.Table]:
    """Every Parquet file of the store as a table, by its path (the corpus generation's folder named
    'corpus'): files of the same table may differ in their bytes (statistics, pages)."""
    manifest = read_manifest(store)
    files = [*(p for b in manifest.batches for p in (store / "batches" / b.id).glob("*.parquet"))]
    out = {f"{p.parent.name}/{p.name}": pq.read_table(p) for p in files}
    out |= {
        f"corpus/{p.name}": pq.read_table(p) for p in (store / "corpus" / manifest.corpus).glob("*.parquet")
    }
    return out


def _same(a: pa.Table, b: pa.Table) -> bool:
    return a.schema.equals(b.schema, check_metadata=True) and a.equals(b)


def _settled_elsewhere(source: Path, store: Path) -> Path:
    """A copy of the store whose corpus settled every person of every batch to one id, and every
    other actor to an id of its own (as a larger corpus may): the ids the claims hold change, and
    several of a sentence's become one."""
    shutil.copytree(source, store)
    manifest = read_manifest(store)
    tables = read_corpus(store, manifest)
    kinds = {a.id: a.type for a in tables.actors}
    mentions = st.read_live(store, manifest, "mentions", ["doc_id", "batch", "actor_id"]).to_pylist()
    amap = {
        (m["batch"], m["doc_id"], m["actor_id"]): "one-person"
        if kinds.get(m["actor_id"]) == "person"
        else "x-" + m["actor_id"]
        for m in mentions
        if m["actor_id"]
    }
    assert len(set(amap.values())) < len(amap)
    st.write_corpus(store, replace(tables, actor_map=amap))
    return store


@pytest.mark.parametrize("batch_docs", [1, 2, 5])
def test_the_index_and_claims_taken_from_the_batches_are_those_made_again(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_docs: int
) -> None:
    """Compaction takes each new batch's term index and sentence claims from the batches it merges
    (their ids settled for the corpus), and they are the files made from its rows."""
    settled = _settled_elsewhere(source, tmp_path / "settled")
    taken = tmp_path / "taken"
    shutil.copytree(settled, taken)
    compact(taken, batch_docs=batch_docs)
    monkeypatch.setattr(compaction, "_derived", lambda *_: {})
    made = tmp_path / "made"
    shutil.copytree(settled, made)
    compact(made, batch_docs=batch_docs)
    found, expected = _tables(taken), _tables(made)
    assert found.keys() == expected.keys()
    assert {"claim_sentences.parquet", "terms.parquet"} <= {k.split("/")[1] for k in found}
    assert found["corpus/actor_map.parquet"].num_rows == 0  # the ids are the corpus's in the rows
    assert [k for k in found if not _same(found[k], expected[k])] == []


def test_stale_claims_or_index_in_a_batch_are_made_again(source: Path, tmp_path: Path) -> None:
    """A batch whose claims or index another version of the code made: the new batch's are made
    from its rows, not copied."""
    store = tmp_path / "store"
    shutil.copytree(source, store)
    first = read_manifest(store).batches[0].id
    for name, key, column in (
        (claim_rows.CLAIM_ROWS, claim_rows.VERSION_KEY, "text"),
        (terms.TERMS, terms.VERSION_KEY, "term"),
    ):  # what other code made differs: a column's values changed
        path = st.table_path(store, first, name)
        table = pq.read_table(path)
        i = table.schema.get_field_index(column)
        table = table.set_column(i, column, pa.array(["other"] * table.num_rows, pa.string()))
        pq.write_table(table.replace_schema_metadata({key: "other-code"}), path)
    compact(store)
    made = tmp_path / "made"
    shutil.copytree(source, made)
    compact(made)
    found, expected = _tables(store), _tables(made)
    assert found.keys() == expected.keys()
    assert [k for k in found if not _same(found[k], expected[k])] == []


def test_compaction_copies_the_corpus_tables_unchanged(source: Path, tmp_path: Path) -> None:
    before = read_corpus(source, read_manifest(source), tables=("actors", "events", "positions", "claims"))
    store = _compacted(source, tmp_path)
    after = read_corpus(store, read_manifest(store), tables=("actors", "events", "positions", "claims"))
    assert after.claims and after == before
    assert read_analysis(store) == read_analysis(source)


@pytest.mark.parametrize("batch_docs", [1, 2, 3, 5])
def test_each_new_batch_reads_only_its_documents(source: Path, tmp_path: Path, batch_docs: int) -> None:
    store = tmp_path / "store"
    shutil.copytree(source, store)
    assert compact(store, batch_docs=batch_docs) == -(-len(TEXTS) // batch_docs)
    manifest = read_manifest(store)
    assert [d for b in manifest.batches for d in b.docs] == [f"d{i}" for i in range(len(TEXTS))]
    assert read_analysis(store) == read_analysis(source)
    # a new batch's rows are its documents' only, under its id
    for batch in manifest.batches:
        documents = st.batch_rows(store, batch.id, "documents", list(batch.docs))
        assert set(documents.column("batch").to_pylist()) == {batch.id}
        assert documents.column("id").to_pylist() == list(batch.docs)


def test_a_refresh_leaves_one_corpus_generation_and_the_same_tables(source: Path, tmp_path: Path) -> None:
    """The corpus step writes its events and positions to a temporary folder while it clusters the
    claims (issue #19): the generation it makes holds them, and the folder is gone."""
    store = tmp_path / "store"
    shutil.copytree(source, store)
    every = ("actors", "events", "positions", "claims")
    refresh_corpus(store)
    first = read_corpus(store, read_manifest(store), tables=every)
    refresh_corpus(store)
    manifest = read_manifest(store)
    assert [f.name for f in (store / "corpus").iterdir()] == [manifest.corpus]
    again = read_corpus(store, manifest, tables=every)
    assert first.events and first.claims and again == first
