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
from lib.store.columns import _flat_tuples, _plain, arrow_type, records_table, table_records
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


@dataclass(frozen=True)
class _Said:
    who: str
    spans: tuple[Span, ...]


@pytest.mark.parametrize(
    "records",
    [
        [_Said("a", (A, B)), _Said("b", ()), _Said("c", (B,))],
        [_Said("a", ())],
        [],
    ],
)
def test_flat_record_tuples_read_back_per_field_as_per_record(records: list[_Said]) -> None:
    """The per-field read of a list of flat structs gives the records the dict per record gives,
    on a table in several chunks and on a slice of one (its list offsets not starting at 0)."""
    table = records_table(records, _Said)
    chunked = pa.concat_tables([table, table.slice(1), table.slice(0, 1)])
    expected = records + records[1:] + records[:1]
    assert table_records(chunked, _Said) == expected
    assert [r.spans for r in table_records(chunked, _Said)] == [r.spans for r in expected]
    assert all(type(s) is Span for r in table_records(chunked, _Said) for s in r.spans)


def test_flat_record_tuples_with_a_null_are_left_to_the_dict_path() -> None:
    """A null list or a null struct is not read per field (the records would shift): the reader
    declines it, and a column of another type too."""
    hint = tuple[Span, ...]
    null_list = pa.chunked_array([pa.array([None, [_plain(A)]], arrow_type(hint))])
    null_struct = pa.chunked_array([pa.array([[None, _plain(B)]], arrow_type(hint))])
    whole = pa.chunked_array([pa.array([[_plain(A)], [_plain(B), _plain(A)]], arrow_type(hint))])
    assert _flat_tuples(null_list, hint) is None
    assert _flat_tuples(null_struct, hint) is None
    assert _flat_tuples(whole, hint) == [(A,), (B, A)]
    assert _flat_tuples(pa.chunked_array([pa.array([["t"]])]), tuple[str, ...]) is None
