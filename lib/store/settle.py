"""The corpus's actor ids settled over a store's mentions, column by column.

This is lib/extract/actors/extract.py's ``_settle`` (one id per name and kind, by majority of mentions)
applied to
every live mention of a store, as lib/store/parallel.py's corpus step needs it. It works on Arrow columns:
the mentions are counted per (actor, kind) without building a Python object each, and only the
distinct actors (thousands, not the hundreds of thousands of mentions) pass through Python. At
10,000 documents the object-by-object version took 8 s and most of the refresh's memory.

The rules, as in lib/extract/actors/extract.py:
  * a "place" that is the subject or agent of a verb somewhere in the corpus is a "country";
  * votes per raw actor id: its kind family (country counts as place) over all mentions; the
    majority (ties: the family seen first) keeps the plain id, other kinds get ``id-kind``;
  * a "country" that never acts is a "place" (a setting); registry actors keep their own entry;
  * the actors come in first-seen order, each as its first mention's raw actor gave it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lib.extract.actors.extract import FAMILY
from lib.extract.actors.registry import Registry
from lib.records import Actor
from lib.store.parquet import ActorMap


def _family(kinds: pa.Array) -> pa.Array:
    out = kinds
    for kind, family in FAMILY.items():
        out = pc.if_else(pc.equal(out, kind), family, out)
    return out


def settle_columns(mentions: pa.Table, registry: Registry) -> tuple[list[Actor], ActorMap]:
    """Actors and the (batch, document, batch actor id) -> corpus id changes, from mentions in corpus
    order.

    ``mentions`` has columns batch, doc_id, actor_id (the id the batch settled), raw_actor (the
    Actor struct before settling) and agentive.
    """
    if mentions.num_rows == 0:
        return [], {}
    raw = mentions.column("raw_actor").combine_chunks()
    ids = pc.struct_field(raw, "id")
    agents = pc.unique(pc.filter(ids, mentions.column("agentive")))
    kinds = pc.if_else(
        pc.and_(pc.equal(pc.struct_field(raw, "type"), "place"), pc.is_in(ids, agents)),
        "country",
        pc.struct_field(raw, "type"),
    )
    order = pa.array(np.arange(mentions.num_rows))
    table = pa.table({"id": ids, "kind": kinds, "family": _family(kinds), "n": order})
    votes = table.group_by(["id", "family"], use_threads=False).aggregate([("n", "count"), ("n", "min")])
    majority: dict[str, tuple[int, int, str]] = {}  # id -> (count, -first, family): the largest wins
    for actor_id, family, count, first in zip(
        *(votes.column(c).to_pylist() for c in votes.column_names[:4]), strict=True
    ):
        best = (count, -first, family)
        if actor_id not in majority or best > majority[actor_id]:
            majority[actor_id] = best
    combos = table.group_by(["id", "kind"], use_threads=False).aggregate([("n", "min")])
    agentive = set(agents.to_pylist())
    settled_of: dict[tuple[str, str], str] = {}
    firsts: list[tuple[int, str, str, str]] = []  # (first mention, settled id, raw id, kind)
    for actor_id, kind, first in zip(
        *(combos.column(c).to_pylist() for c in ("id", "kind", "n_min")), strict=True
    ):
        known = registry.actor(actor_id)
        family = FAMILY.get(kind, kind)
        settled = (
            known.id if known else (actor_id if family == majority[actor_id][2] else f"{actor_id}-{kind}")
        )
        settled_of[(actor_id, kind)] = settled
        firsts.append((first, settled, actor_id, kind))
    actors: dict[str, Actor] = {}
    for first, settled, actor_id, kind in sorted(firsts):
        if settled in actors:
            continue
        known = registry.actor(actor_id)
        if known is not None:
            actors[settled] = known
            continue
        a = raw[first].as_py()
        final = "place" if kind == "country" and actor_id not in agentive else kind
        actors[settled] = Actor(settled, a["name"], final, tuple(a["aliases"]), a["affiliation"], a["role"])
    return list(actors.values()), _actor_map(mentions, ids, kinds, settled_of)


def _actor_map(
    mentions: pa.Table, ids: pa.Array, kinds: pa.Array, settled_of: dict[tuple[str, str], str]
) -> ActorMap:
    """(batch, document, batch id) -> corpus id wherever they differ. Where the corpus gives one
    batch id's mentions in one report two actors (the batch joined two names the corpus keeps
    apart), the map names the one most of those mentions take (the first in corpus order on a tie):
    the map, which quotes and events go through too, holds one actor per key."""
    pairs = pa.table(
        {
            "batch": mentions.column("batch"),
            "doc_id": mentions.column("doc_id"),
            "actor_id": mentions.column("actor_id"),
            "id": ids,
            "kind": kinds,
            "n": pa.array(np.arange(mentions.num_rows)),
        }
    )
    distinct = pairs.group_by(["batch", "doc_id", "actor_id", "id", "kind"], use_threads=False).aggregate(
        [("n", "count"), ("n", "min")]
    )
    best: dict[tuple[str, str, str], tuple[int, int, str]] = {}  # key -> (count, -first, settled)
    for batch, doc, batch_id, actor_id, kind, count, first in zip(
        *(
            distinct.column(c).to_pylist()
            for c in ("batch", "doc_id", "actor_id", "id", "kind", "n_count", "n_min")
        ),
        strict=True,
    ):
        vote = (count, -first, settled_of[(actor_id, kind)])
        key = (batch, doc, batch_id)
        if key not in best or vote[:2] > best[key][:2]:
            best[key] = vote
    return {key: settled for key, (_, _, settled) in best.items() if settled != key[2]}


def corpus_order(doc_ids: pa.ChunkedArray | pa.Array, live: Sequence[str]) -> np.ndarray:
    """The permutation that puts rows in corpus order: by document, stable within one."""
    position = pc.index_in(doc_ids, value_set=pa.array(list(live), pa.string()))
    return np.argsort(position.to_numpy(zero_copy_only=False), kind="stable")
