"""The names of every batch of a store linked together, as one pass over the corpus links them.

A worker links names over its batch only (lib/extract/actors/corpus.py ``resolve_corpus``: a bare
surname to the one full-named bearer, an acronym to its expansion, name variants, the rules of
one event's reports). Each batch keeps what its linker got and gave (the ``links`` table, one row
per mention: its span and text, its actor before linking, the id and kind it was linked to, a
short form two bodies share read by its report);
the corpus step (lib/store/parallel.py) runs the linker once more over every batch's rows with
the reports' texts, in the order a single pass gives them, and where the corpus links a mention
otherwise than its batch did, the mention's raw actor becomes the corpus's before settling
(lib/store/settle.py). So a bare surname in one batch takes the full name another batch writes,
and one whose two full-named bearers sit in two batches stays itself, as in memory.

Only the mentions whose batch link stood through the batch's later passes change (a pass that
gave a mention another actor, e.g. a shared short form read by its report, keeps its word), and a
mention keeps the kind a later pass gave it. Propagation of a name to an untagged repeat, and
the passes that need the parse, still see one batch (docs/store.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lib.extract.actors.corpus import resolve_corpus
from lib.extract.actors.extract import shared_forms_by_report
from lib.extract.actors.registry import Registry
from lib.records import Actor, Mention


@dataclass(frozen=True)
class Relinked:
    """What linking over the corpus changed: the mentions' table with raw actors replaced, and counts."""

    mentions: pa.Table
    linked: int  # rows of the batches' links whose corpus link differs from their batch's
    changed: int  # mentions whose raw actor changed


def link_corpus(
    mentions: pa.Table, links: pa.Table, texts: dict[str, str], live: Sequence[str], registry: Registry
) -> Relinked:
    """``mentions`` (columns doc_id, start, end, raw_actor, in corpus order) with each raw actor as
    the corpus's linking gives it. ``links``: every live batch's links rows; ``texts``: the
    reports' texts, in corpus order; ``live``: the documents in corpus order."""
    if links.num_rows == 0 or mentions.num_rows == 0:
        return Relinked(mentions, 0, 0)
    links = links.take(_linker_order(links, live))
    docs, starts, ends, texts_of = (links.column(c).to_pylist() for c in ("doc_id", "start", "end", "text"))
    found = [
        (Mention(d, a.id, t, s, e), a)
        for d, s, e, t, a in zip(docs, starts, ends, texts_of, _actors(links.column("actor")), strict=True)
    ]
    # as a single pass links them, then reads a short form two bodies share by its report
    corpus = shared_forms_by_report(texts, resolve_corpus(found, registry, texts), registry)
    batch_ids = links.column("linked_id").to_pylist()
    batch_kinds = links.column("linked_type").to_pylist()
    changes: dict[tuple[str, int, int], tuple[str, str, Actor]] = {}
    for (m, _), (_, actor), batch_id, batch_kind in zip(found, corpus, batch_ids, batch_kinds, strict=True):
        if (actor.id, actor.type) != (batch_id, batch_kind):
            changes[(m.doc_id, m.start, m.end)] = (batch_id, batch_kind, actor)
    del found, corpus  # every link row as records: not held beside the mentions' new column
    if not changes:
        return Relinked(mentions, 0, 0)
    return _relinked(mentions, changes)


ACTOR_ROWS = 65_536  # rows of a struct column read into Python at once by _actors


def _actors(column: pa.ChunkedArray) -> list[Actor]:
    """The actors of a struct column, read field by field (not as one dict per row), ACTOR_ROWS
    rows at a time; equal rows give one record. A corpus names each actor in many mentions: one
    record per row, and every row's fields at once, were a third of the corpus step's peak at
    10,000 documents (issue #19)."""
    seen: dict[tuple[object, ...], Actor] = {}
    out = []
    for lo in range(0, len(column), ACTOR_ROWS):
        part = column.slice(lo, ACTOR_ROWS)
        fields = (
            pc.struct_field(part, f).to_pylist()
            for f in ("id", "name", "type", "aliases", "affiliation", "role")
        )
        for i, n, k, a, f, r in zip(*fields, strict=True):
            key = (i, n, k, tuple(a) if a else (), f, r or "")
            actor = seen.get(key)
            if actor is None:
                actor = seen[key] = Actor(i, n, k, key[3], f, key[5])
            out.append(actor)
    return out


def _linker_order(links: pa.Table, live: Sequence[str]) -> np.ndarray:
    """The rows in the order one pass over the corpus gives its linker: the mentions found in the
    reports, report by report, then those propagated, report by report (each batch's rows in its
    own order within a report)."""
    position = pc.index_in(links.column("doc_id"), value_set=pa.array(list(live), pa.string()))
    propagated = links.column("propagated").to_numpy(zero_copy_only=False)
    return np.lexsort(
        (np.arange(links.num_rows), position.to_numpy(zero_copy_only=False), propagated.astype(np.int8))
    )


def _relinked(mentions: pa.Table, changes: dict[tuple[str, int, int], tuple[str, str, Actor]]) -> Relinked:
    """The mentions with the raw actors of the changed spans replaced (only the rows of the reports
    touched pass through Python)."""
    touched = pa.array(sorted({d for d, _, _ in changes}), pa.string())
    rows = np.flatnonzero(
        pc.is_in(mentions.column("doc_id"), value_set=touched).to_numpy(zero_copy_only=False)
    )
    part = mentions.select(["doc_id", "start", "end", "raw_actor"]).take(pa.array(rows, pa.int64()))
    raw = part.column("raw_actor")
    columns = [part.column(c).to_pylist() for c in ("doc_id", "start", "end")]
    columns += [pc.struct_field(raw, f).to_pylist() for f in ("id", "type")]
    replaced: list[int] = []
    new: list[dict[str, object]] = []
    for row, d, s, e, raw_id, raw_kind in zip(rows, *columns, strict=True):
        change = changes.get((d, s, e))
        if change is None or raw_id != change[0]:
            continue  # not a linked mention, or a later pass of its batch gave it another actor
        batch_kind, actor = change[1], change[2]
        kind = raw_kind if raw_kind != batch_kind else actor.type  # a later pass's kind stands
        replaced.append(int(row))
        new.append(
            {
                "id": actor.id,
                "name": actor.name,
                "type": kind,
                "aliases": list(actor.aliases),
                "affiliation": actor.affiliation,
                "role": actor.role,
            }
        )
    if not replaced:
        return Relinked(mentions, len(changes), 0)
    raw_column = mentions.column("raw_actor").combine_chunks()
    extra = pa.array(new, raw_column.type)
    index = np.arange(mentions.num_rows)
    index[replaced] = mentions.num_rows + np.arange(len(replaced))
    merged = pa.concat_arrays([raw_column, extra]).take(pa.array(index, pa.int64()))
    at = mentions.schema.get_field_index("raw_actor")
    return Relinked(mentions.set_column(at, mentions.schema.field(at), merged), len(changes), len(replaced))
