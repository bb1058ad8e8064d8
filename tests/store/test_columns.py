"""Records as Arrow columns (lib/store/columns.py): a tuple of flat records (a claim's members, an
event's evidence) is built from one list per field, and gives the array the dict-per-record path
gives; records read back column by column are the records written. Made-up values."""

from __future__ import annotations

import gc
import typing
from dataclasses import dataclass, field

import pyarrow as pa
import pytest

from lib.records import CorpusClaim, Discrepancy, Span
from lib.store.columns import _plain, arrow_type, records_table, table_records
from lib.store.parallel import fewer_collections

A = Span("r1", 0, 24, "The quay flooded at dawn.")
B = Span("r2", 3, 30, "Water rose over the quay.")


def _claim(members: tuple[Span, ...], conflicts: tuple[Discrepancy, ...] = ()) -> CorpusClaim:
    return CorpusClaim(
        id="c-1",
        text="The quay flooded.",
        verdict="contested" if conflicts else "corroborated",
        docs=tuple(dict.fromkeys(s.doc_id for s in members)),
        sources=("Harbor Post",),
        first_date="2031-03-02",
        last_date="",
        members=members,
        actors=("ada-quill",),
        conflicts=conflicts,
    )


@dataclass(frozen=True)
class _Optional:
    id: str
    spans: tuple[Span, ...] | None = ()  # hinted optional: built as the hint's inner tuple
    tags: tuple[str, ...] = field(default_factory=tuple)


CASES = [
    pytest.param([_claim((A, B))], id="two-members"),
    pytest.param([_claim((A,)), _claim(()), _claim((B, A, B))], id="empty-and-repeated"),
    pytest.param(
        [_claim((A, B), (Discrepancy("number", "dead", A, B, "12 against 40", 0.9),))], id="conflict"
    ),
    pytest.param([], id="no-records"),
]


@pytest.mark.parametrize("records", CASES)
def test_flat_record_tuples_give_the_dict_path_table(records: list[CorpusClaim]) -> None:
    table = records_table(records, CorpusClaim)
    for name in ("members", "conflicts", "docs", "sources", "actors"):  # tuples of strings too
        hint = typing.get_type_hints(CorpusClaim)[name]
        dicts = pa.array([_plain(getattr(r, name)) for r in records], arrow_type(hint))
        assert table.column(name).combine_chunks().equals(dicts), name
    assert table_records(table, CorpusClaim) == records


@pytest.mark.parametrize(
    "records",
    [[_Optional("x", (A,), ("t",)), _Optional("y")], [_Optional("z", (), ())], [_Optional("w", (B, A))]],
)
def test_a_tuple_hinted_optional_round_trips(records: list[_Optional]) -> None:
    assert table_records(records_table(records, _Optional), _Optional) == records


@pytest.mark.parametrize("raises", [False, True])
def test_fewer_collections_restores_the_thresholds(raises: bool) -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError) if raises else _nothing(), fewer_collections(12_345):
        assert gc.get_threshold()[0] == max(12_345, before[0])
        if raises:
            raise RuntimeError("the corpus step failed")
    assert gc.get_threshold() == before


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
