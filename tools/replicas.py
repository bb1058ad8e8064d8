"""Grow a store for load tests by replicating its rows under new document ids.

Only the benchmark uses it (10,000 extracted documents copied ten times stand for 100,000:
extracting 100,000 on a laptop takes hours). Every copy is one batch holding all live rows of
the original with ids ``<id>~<copy>``; corpus tables follow: events are copied with their
sources renamed, the actor map for the new batches; actors and positions are unchanged
(the copies say the same things). A replicated store says so in its manifest's errors list.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from lib.records import Event, IngestError
from lib.store.parquet import (
    FOLDER_TABLES,
    BatchEntry,
    CorpusTables,
    Manifest,
    batch_id_of,
    read_corpus,
    read_live,
    read_manifest,
    write_corpus,
    write_folder,
    write_manifest,
)


def _renamed(table: pa.Table, key: str, suffix: str, batch: str) -> pa.Table:
    ids = pc.binary_join_element_wise(table.column(key), pa.scalar(suffix), "")
    table = table.set_column(table.schema.get_field_index(key), key, ids)
    return table.set_column(
        table.schema.get_field_index("batch"), "batch", pa.array([batch] * len(table), pa.string())
    )


def _copy_events(events: tuple[Event, ...], suffix: str) -> list[Event]:
    return [
        Event(
            e.id + suffix,
            e.date,
            e.precision,
            e.actors,
            e.summary,
            e.evidence,
            tuple(s + suffix for s in e.sources),
        )
        for e in events
    ]


def replicate(store: Path, copies: int) -> int:
    """Add ``copies - 1`` copies of every live row; returns the number of documents now live."""
    manifest = read_manifest(store)
    tables = {t: read_live(store, manifest, t) for t in FOLDER_TABLES}
    corpus = read_corpus(store, manifest)
    live = manifest.live()
    keys = manifest.keys()
    entries = list(manifest.batches)
    events = list(corpus.events)
    amap = dict(corpus.actor_map)
    for k in range(1, copies):
        suffix = f"~{k}"
        batch = batch_id_of([f"replica{suffix}", *keys.values()])
        write_folder(
            store / "batches" / batch,
            {
                t: _renamed(data, "id" if t == "documents" else "doc_id", suffix, batch)
                for t, data in tables.items()
            },
        )
        entries.append(BatchEntry(batch, tuple(d + suffix for d in live), tuple(keys[d] for d in live)))
        events += _copy_events(corpus.events, suffix)
        amap.update({(batch, a): c for (b, a), c in corpus.actor_map.items()})
    write_manifest(store, Manifest(tuple(entries), manifest.corpus, manifest.errors, manifest.parsed))
    note = IngestError("(benchmark)", f"rows replicated {copies} times under new ids")
    write_corpus(
        store, CorpusTables(corpus.actors, tuple(events), corpus.positions, amap), (*manifest.errors, note)
    )
    return len(live) * copies
