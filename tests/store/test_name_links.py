"""lib/store/links.py: which stored mentions take the corpus's link (the end-to-end cases, against
the single pass, are in tests/store/test_parallel.py)."""

from __future__ import annotations

from dataclasses import asdict

import pyarrow as pa
import pytest

from lib.records import Actor
from lib.store import links
from lib.store.columns import arrow_type
from lib.store.links import _actors, _linker_order, _relinked

ADA = Actor("ada-quill", "Ada Quill", "person")
QUILL = Actor("quill", "Quill", "person")
QUILL_TEAM = Actor("quill", "Quill", "organization")
HOUSE = Actor("house", "House", "organization")


def mentions(rows: list[tuple[str, int, int, Actor]]) -> pa.Table:
    return pa.table(
        {
            "doc_id": pa.array([r[0] for r in rows], pa.string()),
            "start": pa.array([r[1] for r in rows], pa.int64()),
            "end": pa.array([r[2] for r in rows], pa.int64()),
            "raw_actor": pa.array([asdict(r[3]) for r in rows], arrow_type(Actor)),
        }
    )


def raw_ids(table: pa.Table) -> list[tuple[str, str]]:
    return [(a["id"], a["type"]) for a in table.column("raw_actor").to_pylist()]


def test_a_mention_takes_the_corpus_link_unless_a_later_pass_gave_it_another_actor_or_kind() -> None:
    table = mentions(
        [
            ("d1", 0, 5, QUILL),  # its batch left it alone: the corpus links it
            ("d2", 0, 5, HOUSE),  # a later pass of its batch gave it another actor: kept
            ("d3", 0, 5, QUILL_TEAM),  # a later pass typed it a club: the link, with that kind
            ("d4", 0, 5, QUILL),  # no link changed here
        ]
    )
    changes = {
        ("d1", 0, 5): ("quill", "person", ADA),
        ("d2", 0, 5): ("quill", "person", ADA),
        ("d3", 0, 5): ("quill", "person", ADA),
    }
    out = _relinked(table, changes)
    assert raw_ids(out.mentions) == [
        ("ada-quill", "person"),
        ("house", "organization"),
        ("ada-quill", "organization"),
        ("quill", "person"),
    ]
    assert (out.linked, out.changed) == (3, 2)


def test_the_linker_gets_found_mentions_report_by_report_then_the_propagated() -> None:
    links = pa.table(
        {
            "doc_id": pa.array(["b", "b", "a", "a", "b"], pa.string()),
            "propagated": pa.array([False, True, True, False, False]),
        }
    )
    assert list(_linker_order(links, ["a", "b"])) == [3, 0, 4, 2, 1]


@pytest.mark.parametrize("rows_at_once", [1, 2, 3, 65_536])
def test_the_actors_of_a_column_are_its_rows_equal_rows_one_record(
    monkeypatch: pytest.MonkeyPatch, rows_at_once: int
) -> None:
    monkeypatch.setattr(links, "ACTOR_ROWS", rows_at_once)
    described = Actor("ada-quill", "Ada Quill", "person", ("A. Quill",), "house", "speaker")
    rows = [ADA, QUILL, ADA, QUILL_TEAM, described, QUILL, described, HOUSE]
    column = pa.chunked_array([pa.array([asdict(a) for a in rows], arrow_type(Actor))])
    found = _actors(column)
    assert found == rows
    assert found[0] is found[2] and found[4] is found[6] and found[1] is found[5]
    assert found[1] is not found[3]  # the same id of another kind is another actor
