"""Settling a store's actors column by column gives what lib/extract/actors/extract.py's object-by-object
rule gives."""

from __future__ import annotations

from dataclasses import asdict, replace

import pyarrow as pa
import pytest

from lib.extract.actors import extract as actors
from lib.records import Actor, Mention
from lib.store.columns import arrow_type
from lib.store.parquet import ActorMap
from lib.store.settle import corpus_order, settle_columns

REG = actors.load_registry()
NATO = REG.actor("nato")
CHICAGO = Actor("chicago", "Chicago", "place")
CHICAGO_TEAM = Actor("chicago", "Chicago", "organization")
LOWTOWN = Actor("lowtown", "Lowtown", "place")
FREEDONIA = Actor("freedonia", "Freedonia", "country")
ADA = Actor("ada-quill", "Ada Quill", "person", ("Quill",), "freedonia", "mayor")
ADA_ORG = Actor("ada-quill", "Ada Quill", "organization")

# (batch, batch actor id, raw actor, agentive), in corpus order
Row = tuple[str, str, Actor, bool]
CASES: dict[str, list[Row]] = {
    "majority kind keeps the id, the other is suffixed": [
        ("b1", "chicago", CHICAGO, False),
        ("b1", "chicago", CHICAGO, False),
        ("b2", "chicago", CHICAGO_TEAM, False),
    ],
    "a tie goes to the kind seen first": [
        ("b1", "chicago", CHICAGO_TEAM, False),
        ("b2", "chicago", CHICAGO, False),
    ],
    "a place acting in another batch is a country everywhere": [
        ("b1", "lowtown", LOWTOWN, False),
        ("b2", "lowtown-country", replace(LOWTOWN, type="country"), True),
    ],
    "a country that never acts is a setting": [("b1", "freedonia", FREEDONIA, False)],
    "registry actors keep their entry": [("b1", "nato", replace(NATO, name="N.A.T.O."), False)]
    if NATO
    else [],
    "a person typed organisation elsewhere": [
        ("b1", "ada-quill", ADA, True),
        ("b2", "ada-quill", ADA_ORG, False),
        ("b2", "ada-quill", ADA_ORG, False),
    ],
    "nothing": [],
}


def reference(rows: list[Row]) -> tuple[list[Actor], ActorMap]:
    """lib/store/parallel.py's former corpus step: lib/extract/actors/extract.py's _settle over Python
    objects."""
    agentive = {a.id for _, _, a, flag in rows if flag}
    raw = [
        (
            Mention("d", "", "", 0, 0),
            replace(a, type="country") if a.id in agentive and a.type == "place" else a,
        )
        for _, _, a, _ in rows
    ]
    found, settled = actors._settle(raw, agentive, REG)
    amap = {(b, "d", i): m.actor_id for (b, i, _, _), m in zip(rows, settled, strict=True) if m.actor_id != i}
    return found, amap


def table(rows: list[Row]) -> pa.Table:
    return pa.table(
        {
            "batch": pa.array([r[0] for r in rows], pa.string()),
            "doc_id": pa.array(["d"] * len(rows), pa.string()),
            "actor_id": pa.array([r[1] for r in rows], pa.string()),
            "raw_actor": pa.array([asdict(r[2]) for r in rows], arrow_type(Actor)),
            "agentive": pa.array([r[3] for r in rows], pa.bool_()),
        }
    )


@pytest.mark.parametrize("case", list(CASES))
def test_settle_columns_equals_the_object_rule(case: str) -> None:
    rows = CASES[case]
    assert settle_columns(table(rows), REG) == reference(rows)


def test_corpus_order_sorts_by_document_and_keeps_rows_within_one() -> None:
    docs = pa.array(["b", "a", "b", "c", "a"])
    assert list(corpus_order(docs, ["a", "b", "c"])) == [1, 4, 0, 2, 3]


HOUSE = Actor("harbour-house", "Harbour House", "organization")
HOUSE_BOARD = Actor("house-board", "House Board", "organization")


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        # The batch joined two bodies under one id; the corpus keeps them apart. The id's mentions
        # in this report mostly name the body the batch called it: the map leaves the id alone.
        (
            [("b1", "harbour-house", HOUSE, False)] * 3 + [("b1", "harbour-house", HOUSE_BOARD, False)],
            {},
        ),
        # Mostly the other body: the id maps to it.
        (
            [("b1", "harbour-house", HOUSE_BOARD, False)] * 2 + [("b1", "harbour-house", HOUSE, False)],
            {("b1", "d", "harbour-house"): "house-board"},
        ),
        # A tie: the body its first mention names.
        (
            [("b1", "harbour-house", HOUSE_BOARD, False), ("b1", "harbour-house", HOUSE, False)],
            {("b1", "d", "harbour-house"): "house-board"},
        ),
    ],
    ids=["mostly-the-batch-s", "mostly-another", "tie"],
)
def test_a_batch_id_the_corpus_splits_maps_to_what_most_of_its_mentions_take(
    rows: list[Row], want: ActorMap
) -> None:
    assert settle_columns(table(rows), REG)[1] == want
