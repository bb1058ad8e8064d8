"""Compaction: rewrite a store's live rows into few large batches, dropping dead rows.

Ingest writes small batches (the unit of work and of replacement); after many ingests or edits
a store has many folders and dead rows, and every query opens each folder. Compaction is the
classic log-structured merge step (O'Neil et al. 1996, "The log-structured merge-tree"): the
live rows are copied into batches of ``batch_docs`` documents, actor ids are written as the
corpus settled them (so the new batches need no actor_map), then the manifest is swapped and
the old folders removed. Reads see either the old store or the new one, never a mix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa

from lib.store import claim_rows, terms
from lib.store.parquet import (
    FOLDER_TABLES,
    ActorMap,
    BatchEntry,
    CorpusTables,
    Manifest,
    batch_id_of,
    batch_rows,
    collect_garbage,
    corpus_path,
    read_corpus,
    read_manifest,
    table_path,
    write_corpus,
    write_folder,
    write_manifest,
)

ACTOR_COLUMNS = {"mentions": "actor_id", "quotes": "speaker_id", "events": "actors"}
BATCH_DOCS = 4096


def _settled(table: pa.Table, name: str, amap: ActorMap) -> pa.Table:
    """The table with its batch-level actor ids replaced by the corpus's."""
    column = ACTOR_COLUMNS.get(name)
    if column is None or not amap:
        return table
    keys = list(zip(table.column("batch").to_pylist(), table.column("doc_id").to_pylist(), strict=True))
    values: list[Any] = table.column(column).to_pylist()
    if name == "events":
        new: list[Any] = [[amap.get((b, d, a), a) for a in v] for (b, d), v in zip(keys, values, strict=True)]
    else:
        new = [amap.get((b, d, v), v) if v else v for (b, d), v in zip(keys, values, strict=True)]
    index = table.schema.get_field_index(column)
    kind = table.schema.field(column)
    table = table.set_column(index, kind, pa.array(new, kind.type))
    return _settled_targets(table, keys, amap) if name == "quotes" else table


def _settled_targets(table: pa.Table, keys: list[tuple[str, str]], amap: ActorMap) -> pa.Table:
    """A quotes table with its targets' batch-level actor ids replaced by the corpus's."""
    if "targets" not in table.schema.names:
        return table
    field = table.schema.field("targets")
    rows = table.column("targets").to_pylist()
    new = [
        [t | {"actor_id": amap.get((b, d, t["actor_id"]), t["actor_id"])} for t in row or []]
        for (b, d), row in zip(keys, rows, strict=True)
    ]
    return table.set_column(table.schema.get_field_index("targets"), field, pa.array(new, field.type))


def _chunk_rows(
    store: Path, manifest: Manifest, name: str, docs: set[str], amap: ActorMap, batch: str
) -> pa.Table:
    """The live rows of ``docs`` in table ``name``, in ingest order (as ``read_live`` orders them),
    actor ids settled, under the new ``batch`` id: read from the batches holding them only."""
    live = manifest.live()
    parts = []
    for entry in manifest.batches:
        own = [d for d in entry.docs if d in docs and live[d] == entry.id]
        if own:
            parts.append(batch_rows(store, entry.id, name, own))
    part = _settled(pa.concat_tables(parts), name, amap)
    index = part.schema.get_field_index("batch")
    return part.set_column(index, "batch", pa.array([batch] * part.num_rows, pa.string()))


def _derived(
    store: Path, manifest: Manifest, docs: set[str], amap: ActorMap, batch: str
) -> dict[str, pa.Table]:
    """The new batch's term index and sentence claims taken from the batches holding ``docs``
    rather than made again from its rows (most of the compaction's CPU), where every one of those
    batches has them made by this code (their version stamps); the others are left out (made by
    ``write_folder``). The index: each batch's rows of ``docs`` under the new batch id, one chunk
    per batch, each sorted as the index is (``write_folder`` sorts them together). The claims: in
    the new batch's order of documents, their actor and speaker ids as settled for the corpus, as
    the claims made from the settled rows hold them (a claim's ids are its mentions' and quotes'
    ids as a set, sorted)."""
    live = manifest.live()
    sources = [
        (e.id, own) for e in manifest.batches if (own := [d for d in e.docs if d in docs and live[d] == e.id])
    ]
    out: dict[str, pa.Table] = {}
    if all(_index_current(table_path(store, b, terms.TERMS)) for b, _ in sources):
        parts = [batch_rows(store, b, terms.TERMS, own) for b, own in sources]
        index = pa.concat_tables(parts)
        out[terms.TERMS] = index.set_column(
            index.schema.get_field_index("batch"), "batch", pa.array([batch] * index.num_rows, pa.string())
        )
    if all(claim_rows.current(table_path(store, b, claim_rows.CLAIM_ROWS)) for b, _ in sources):
        parts = [
            _settled_claims(batch_rows(store, b, claim_rows.CLAIM_ROWS, own), b, amap) for b, own in sources
        ]
        out[claim_rows.CLAIM_ROWS] = pa.concat_tables(parts)
    return out


def _index_current(path: Path) -> bool:
    """The batch's index file is there and was made by this code."""
    try:
        return terms.stale(path) is None
    except (OSError, pa.ArrowInvalid):
        return False


def _settled_claims(table: pa.Table, batch: str, amap: ActorMap) -> pa.Table:
    """A batch's sentence claims with its actor and speaker ids replaced by the corpus's."""
    if not any(k[0] == batch for k in amap):
        return table
    docs = table.column("doc_id").to_pylist()
    for column in ("actors", "speakers"):
        rows = table.column(column).to_pylist()
        new = [
            sorted({amap.get((batch, d, a), a) if a else a for a in ids})
            for d, ids in zip(docs, rows, strict=True)
        ]
        field = table.schema.field(column)
        table = table.set_column(table.schema.get_field_index(column), field, pa.array(new, field.type))
    return table


COPIED = ("events", "positions", "claims")  # the corpus tables compaction leaves as they are


def _corpus_files(store: Path, manifest: Manifest) -> dict[str, Path]:
    """The corpus tables that are copied as they are, as their files: read whole (as Arrow tables,
    or before that as records) they were the compaction's last peak at 10,000 documents, and a
    table read back and written again is the table read (issue #19)."""
    return {t: corpus_path(store, manifest, t) for t in COPIED}


def compact(store: Path, batch_docs: int = BATCH_DOCS) -> int:
    """Rewrite the live rows into batches of ``batch_docs`` documents; returns the batch count.

    One new batch at a time, its rows read from the batches holding them: the whole store's
    tables were held at once before, the ingest's peak at 10,000 documents (docs/benchmarks.md)."""
    manifest = read_manifest(store)
    corpus = read_corpus(store, manifest, tables=("actors",))
    keys = manifest.keys()
    order = list(manifest.live())
    entries = []
    for i in range(0, len(order), batch_docs):
        docs = order[i : i + batch_docs]
        entry = BatchEntry(
            batch_id_of(["compact", *(keys[d] for d in docs)]), tuple(docs), tuple(keys[d] for d in docs)
        )
        wanted = set(docs)
        write_folder(
            store / "batches" / entry.id,
            {t: _chunk_rows(store, manifest, t, wanted, corpus.actor_map, entry.id) for t in FOLDER_TABLES},
            derived=_derived(store, manifest, wanted, corpus.actor_map, entry.id),
        )
        pa.default_memory_pool().release_unused()  # one new batch's buffers, not reused by the next
        entries.append(entry)
    complete = {b.id for b in manifest.batches} <= set(manifest.covers)  # else a refresh is still due
    files = _corpus_files(store, manifest) if manifest.corpus else {}
    write_manifest(store, Manifest(tuple(entries), manifest.corpus, manifest.errors, manifest.parsed))
    write_corpus(
        store,
        CorpusTables(corpus.actors, (), (), claims=()),
        manifest.errors,
        manifest.parsed,
        files=files,
        covers=None if complete else (),
    )
    collect_garbage(store, read_manifest(store))
    return len(entries)
