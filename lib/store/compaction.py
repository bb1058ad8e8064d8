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
import pyarrow.compute as pc

from lib.store.parquet import (
    FOLDER_TABLES,
    ActorMap,
    BatchEntry,
    CorpusTables,
    Manifest,
    batch_id_of,
    collect_garbage,
    read_corpus,
    read_live,
    read_manifest,
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
    batches = table.column("batch").to_pylist()
    values: list[Any] = table.column(column).to_pylist()
    if name == "events":
        new: list[Any] = [[amap.get((b, a), a) for a in v] for b, v in zip(batches, values, strict=True)]
    else:
        new = [amap.get((b, v), v) if v else v for b, v in zip(batches, values, strict=True)]
    index = table.schema.get_field_index(column)
    kind = table.schema.field(column)
    table = table.set_column(index, kind, pa.array(new, kind.type))
    return _settled_targets(table, batches, amap) if name == "quotes" else table


def _settled_targets(table: pa.Table, batches: list[str], amap: ActorMap) -> pa.Table:
    """A quotes table with its targets' batch-level actor ids replaced by the corpus's."""
    if "targets" not in table.schema.names:
        return table
    field = table.schema.field("targets")
    rows = table.column("targets").to_pylist()
    new = [
        [t | {"actor_id": amap.get((b, t["actor_id"]), t["actor_id"])} for t in row or []]
        for b, row in zip(batches, rows, strict=True)
    ]
    return table.set_column(table.schema.get_field_index("targets"), field, pa.array(new, field.type))


def _chunk(table: pa.Table, name: str, docs: list[str], batch: str) -> pa.Table:
    key = "id" if name == "documents" else "doc_id"
    part = table.filter(pc.is_in(table.column(key), pa.array(docs, pa.string())))
    index = part.schema.get_field_index("batch")
    return part.set_column(index, "batch", pa.array([batch] * part.num_rows, pa.string()))


def compact(store: Path, batch_docs: int = BATCH_DOCS) -> int:
    """Rewrite the live rows into batches of ``batch_docs`` documents; returns the batch count."""
    manifest = read_manifest(store)
    corpus = read_corpus(store, manifest, tables=("actors", "events", "positions", "claims"))
    tables = {t: _settled(read_live(store, manifest, t), t, corpus.actor_map) for t in FOLDER_TABLES}
    keys = manifest.keys()
    order = list(manifest.live())
    entries = []
    for i in range(0, len(order), batch_docs):
        docs = order[i : i + batch_docs]
        entry = BatchEntry(
            batch_id_of(["compact", *(keys[d] for d in docs)]), tuple(docs), tuple(keys[d] for d in docs)
        )
        write_folder(
            store / "batches" / entry.id, {t: _chunk(data, t, docs, entry.id) for t, data in tables.items()}
        )
        entries.append(entry)
    complete = {b.id for b in manifest.batches} <= set(manifest.covers)  # else a refresh is still due
    write_manifest(store, Manifest(tuple(entries), manifest.corpus, manifest.errors, manifest.parsed))
    write_corpus(
        store,
        CorpusTables(corpus.actors, corpus.events, corpus.positions, claims=corpus.claims),
        manifest.errors,
        manifest.parsed,
        covers=None if complete else (),
    )
    collect_garbage(store, read_manifest(store))
    return len(entries)
