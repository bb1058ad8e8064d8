"""Grow a store for load tests by replicating its rows under new document and actor ids.

Only the benchmark uses it (10,000 extracted documents copied ten times stand for 100,000:
extracting 100,000 on a laptop takes hours). Every copy is one batch holding all live rows of
the original with document ids ``<id>~<copy>`` and actor ids ``<corpus id>~<copy>`` (the rows
name their corpus actors directly, so a copy needs no actor map); every corpus table is copied
too: actors, merged events, positions (their evidence in the copy's documents). A copy is a
corpus of its own, as a larger corpus would have more actors, not the same ones more often.
A replicated store says so in its manifest's errors list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from lib.records import Actor, Event, IngestError, Position, Span
from lib.store.parquet import (
    FOLDER_TABLES,
    ActorMap,
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

CORPUS_TABLES = ("actors", "events", "positions", "actor_map")


def _renamed(table: pa.Table, key: str, suffix: str, batch: str) -> pa.Table:
    ids = pc.binary_join_element_wise(table.column(key), pa.scalar(suffix), "")
    table = table.set_column(table.schema.get_field_index(key), key, ids)
    return table.set_column(
        table.schema.get_field_index("batch"), "batch", pa.array([batch] * len(table), pa.string())
    )


def _actor_ids(table: str, data: pa.Table, rename: Callable[[tuple[str, str], str], str]) -> pa.Table:
    """The rows of a batch table naming corpus actors, ``rename((batch, document), batch id)`` giving them."""
    columns = {"mentions": ("actor_id",), "quotes": ("speaker_id",), "events": ("actors",)}.get(table, ())
    keys = (
        list(zip(data.column("batch").to_pylist(), data.column("doc_id").to_pylist(), strict=True))
        if columns and "batch" in data.column_names
        else []
    )
    for name in columns:
        if keys:
            # one batch's id may settle differently from another's: rename row by row
            rows = data.column(name).to_pylist()
            if name == "actors":
                renamed: list[object] = [[rename(k, a) for a in v] for k, v in zip(keys, rows, strict=True)]
                data = data.set_column(
                    data.schema.get_field_index(name), name, pa.array(renamed, pa.list_(pa.string()))
                )
            else:
                out = [v if not v else rename(k, v) for k, v in zip(keys, rows, strict=True)]
                data = data.set_column(data.schema.get_field_index(name), name, pa.array(out, pa.string()))
    if table == "quotes" and keys and "targets" in data.column_names:
        # whom each statement is about: actors of the copy too (a group target has no actor id)
        at = data.schema.get_field_index("targets")
        targets = [
            [{**t, "actor_id": t["actor_id"] and rename(k, t["actor_id"])} for t in ts or ()]
            for k, ts in zip(keys, data.column("targets").to_pylist(), strict=True)
        ]
        data = data.set_column(at, "targets", pa.array(targets, data.schema.field("targets").type))
    return data


def _key(table: str) -> str:
    return "id" if table == "documents" else "doc_id"


def _span(span: Span, suffix: str) -> Span:
    return replace(span, doc_id=span.doc_id + suffix)


def _copy_corpus(tables: CorpusTables, suffix: str) -> tuple[list[Actor], list[Event], list[Position]]:
    ids = {a.id for a in tables.actors}

    def actor(a: str) -> str:
        return a + suffix if a in ids else a

    actors = [
        replace(a, id=a.id + suffix, affiliation=actor(a.affiliation) if a.affiliation else a.affiliation)
        for a in tables.actors
    ]
    events = [
        Event(
            e.id + suffix,
            e.date,
            e.precision,
            tuple(actor(a) for a in e.actors),
            e.summary,
            tuple(_span(s, suffix) for s in e.evidence),
            tuple(s + suffix for s in e.sources),
        )
        for e in tables.events
    ]
    positions = [
        replace(p, actor_id=actor(p.actor_id), evidence=tuple(_span(s, suffix) for s in p.evidence))
        for p in tables.positions
    ]
    return actors, events, positions


def replicate(store: Path, copies: int) -> int:
    """Add ``copies - 1`` copies of every live row and corpus row; returns the documents now live."""
    manifest = read_manifest(store)
    tables = {t: read_live(store, manifest, t) for t in FOLDER_TABLES}
    corpus = read_corpus(store, manifest)
    live = manifest.live()
    keys = manifest.keys()
    entries = list(manifest.batches)
    actors, events, positions = list(corpus.actors), list(corpus.events), list(corpus.positions)
    amap: ActorMap = dict(corpus.actor_map)  # the copies' rows name corpus ids: nothing to add
    for k in range(1, copies):
        suffix = f"~{k}"
        batch = batch_id_of([f"replica{suffix}", *keys.values()])

        def rename(key: tuple[str, str], a: str, suffix: str = suffix) -> str:
            return corpus.actor_map.get((*key, a), a) + suffix

        write_folder(
            store / "batches" / batch,
            {
                t: _renamed(
                    _actor_ids(t, data, rename), "id" if t == "documents" else "doc_id", suffix, batch
                )
                for t, data in tables.items()
            },
        )
        entries.append(BatchEntry(batch, tuple(d + suffix for d in live), tuple(keys[d] for d in live)))
        more = _copy_corpus(corpus, suffix)
        actors += more[0]
        events += more[1]
        positions += more[2]
    write_manifest(store, Manifest(tuple(entries), manifest.corpus, manifest.errors, manifest.parsed))
    note = IngestError("(benchmark)", f"rows replicated {copies} times under new ids")
    write_corpus(
        store,
        CorpusTables(tuple(actors), tuple(events), tuple(positions), amap),
        (*manifest.errors, note),
    )
    return len(live) * copies
