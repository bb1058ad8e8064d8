"""One definition per filter and one reader of date values, checked on both sides: the Python
predicates against the SQL clauses over a store, ``period`` against the DuckDB macros."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from dashboard_fixtures import sample_analysis

from lib.extract.dates.calendar import Unit, value_of
from lib.extract.dates.values import PERIOD_MACROS, period
from lib.records import Analysis
from lib.store.parquet import read_analysis, write_analysis
from lib.store.query import connect
from lib.store.slices import QUOTE_JOIN
from lib.view import filters, urls
from lib.view.filters import Filters, Kind

PERIODS = [
    ("2022-01-26", (date(2022, 1, 26), date(2022, 1, 26))),
    ("2022-01", (date(2022, 1, 1), date(2022, 1, 31))),
    ("2022-12", (date(2022, 12, 1), date(2022, 12, 31))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2014", (date(2014, 1, 1), date(2014, 12, 31))),
    ("2022-W04", (date(2022, 1, 24), date(2022, 1, 30))),
    ("2020-W53", (date(2020, 12, 28), date(2021, 1, 3))),  # a 53-week year
    ("2022-W52", (date(2022, 12, 26), date(2023, 1, 1))),
    ("9999-12", (date(9999, 12, 1), date(9999, 12, 31))),
    ("2021-W53", None),  # 2021 has 52 weeks
    ("2022-W00", None),
    ("2022-13", None),
    ("2022-00", None),
    ("2022-02-30", None),
    ("0000", None),
    ("0000-W01", None),
    ("9999-W52", None),  # ends in year 10000
    ("someday", None),
    ("", None),
    ("2022-1-5", None),  # not a form the tagger writes
    ("2022-W4", None),
    (" 2014", None),
    ("2014\n", None),
    ("٢٠١٤", None),  # Arabic-Indic digits: Python's \d would take them
    ("2022-01-26T10:00", None),
    ("2022-Q1", None),  # quarters, seasons and PRESENT_REF are skipped by the tagger
    ("2022-SU", None),
    ("PRESENT_REF", None),
    ("20220126", None),
    ("2022-W04-1", None),
]


@pytest.mark.parametrize(("value", "expected"), PERIODS)
def test_period(value: str, expected: tuple[date, date] | None) -> None:
    assert period(value) == expected


def test_sql_period_macros_agree_with_period() -> None:
    con = duckdb.connect()
    for macro in PERIOD_MACROS:
        con.execute(macro)
    values = [v for v, _ in PERIODS]
    rows = con.execute("SELECT v, period_start(v), period_end(v) FROM unnest(?) AS t(v)", [values]).fetchall()
    assert {v: (None if s is None else (s, e)) for v, s, e in rows} == {v: period(v) for v in values}
    assert con.execute("SELECT period_start(NULL), period_end(NULL)").fetchone() == (None, None)


@pytest.mark.parametrize("unit", ["day", "week", "month", "year"])
def test_period_reads_what_the_tagger_writes(unit: Unit) -> None:
    for day in (date(2021, 1, 1), date(2020, 12, 31), date(2024, 2, 29), date(2022, 1, 3)):
        span = period(value_of(day, unit))
        assert span is not None and span[0] <= day <= span[1], (day, unit)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Analysis, Path]:
    store = tmp_path_factory.mktemp("filters")
    write_analysis(sample_analysis(), store, batch_size=1)
    return read_analysis(store), store


def _filter_table(analysis: Analysis) -> list[Filters]:
    actors = sorted({a.id for a in analysis.actors})
    sources = sorted({d.source for d in analysis.documents if d.source})
    return [
        Filters(),
        *(Filters(actors=(a,)) for a in actors),
        Filters(actors=tuple(actors[:2])),
        *(Filters(sources=(s,)) for s in sources),
        Filters(date_from=date(2023, 3, 15)),
        Filters(date_to=date(2023, 3, 14)),
        Filters(date_from=date(2019, 6, 1), date_to=date(2019, 6, 30)),
        Filters(date_to=date(2020, 1, 1)),
        Filters(actors=tuple(actors[:2]), sources=tuple(sources[:1]), date_from=date(2014, 1, 1)),
    ]


# What each kind of record is read from, and a key that names a record on both sides.
TABLES: dict[Kind, tuple[str, str, dict[str, str], tuple[str, ...]]] = {
    "documents": ("documents d", "d", {}, ("id",)),
    "events": ("events e", "e", {}, ("id",)),
    "quotes": (
        f"quotes t {QUOTE_JOIN}",
        "t",
        {"speaker_id": "coalesce(m.corpus_id, t.speaker_id)"},
        ("doc_id", "start"),
    ),
    "positions": ("positions p", "p", {}, ("actor_id", "issue", "stance")),
}


@pytest.mark.parametrize("kind", list(TABLES))
def test_python_predicates_and_sql_clauses_keep_the_same_records(
    stored: tuple[Analysis, Path], kind: Kind
) -> None:
    analysis, store = stored
    opened = connect(store)
    assert opened is not None
    con = opened[0]
    table, alias, columns, key = TABLES[kind]
    records = {"documents": analysis.documents, "events": analysis.events, "quotes": analysis.quotes}
    every = records.get(kind, analysis.positions)
    for f in _filter_table(analysis):
        where = filters.where(kind, f, alias, columns)
        sql = f"SELECT {', '.join(f'{alias}.{k}' for k in key)} FROM {table} WHERE {where.sql}"
        in_sql = set(con.execute(sql, list(where.params)).fetchall())
        in_python = {tuple(getattr(r, k) for k in key) for r in every if filters.keeps(kind, r, f)}
        assert in_sql == in_python, (kind, f)
        assert filters.restricts(kind, f) or in_python == {tuple(getattr(r, k) for k in key) for r in every}


def test_the_url_contract_takes_every_filter_parameter() -> None:
    """urls.py's parameters and fields come from the filter definitions."""
    assert set(urls.FILTER_PARAMS) == {p.name for f in filters.FILTERS for p in f.params}
    assert set(urls.PARAMS) >= set(urls.FILTER_PARAMS)
    assert {p.field for p in filters.PARAMS} == set(filters.FILTER_FIELDS)
    every = Filters(actors=("a", "b"), sources=("s",), date_from=date(2022, 1, 1), date_to=date(2022, 2, 1))
    choices = urls.Choices({"a": "A", "b": "B"}, ("s",), (), {})
    notices: list[str] = []
    assert filters.parse(filters.encode(every), choices, notices) == every and not notices
    assert filters.encode(Filters()) == {}


NAMES = {"a1": "Ada Vance", "a2": "Bo Lind", "a3": "Cy Park", "a4": "Di Moss"}


@pytest.mark.parametrize(
    ("kept", "said"),
    [
        (Filters(), {"Actors": ("all", False), "Sources": ("all", False), "Dates": ("any", False)}),
        (Filters(actors=("a2", "a1")), {"Actors": ("Bo Lind, Ada Vance", True)}),
        (
            Filters(actors=("a1", "a2", "a3", "a4")),
            {"Actors": ("Ada Vance, Bo Lind, Cy Park and 1 more", True)},
        ),
        (Filters(actors=("gone",)), {"Actors": ("gone", True)}),  # no name: the id, never dropped
        (Filters(sources=("North Wire",)), {"Sources": ("North Wire", True), "Actors": ("all", False)}),
        (
            Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31)),
            {"Dates": ("2022-01-01 to 2022-01-31", True)},
        ),
        (Filters(date_from=date(2022, 1, 1)), {"Dates": ("from 2022-01-01", True)}),
        (Filters(date_to=date(2022, 1, 31)), {"Dates": ("until 2022-01-31", True)}),
    ],
)
def test_summary_says_every_filter(kept: Filters, said: dict[str, tuple[str, bool]]) -> None:
    lines = filters.summary(kept, NAMES)
    assert [s.label for s in lines] == ["Actors", "Sources", "Dates"]
    got = {s.label: (s.text, s.on) for s in lines}
    assert {label: got[label] for label in said} == said


def test_a_brief_names_every_actor_of_the_narrowing_filters() -> None:
    """The sidebar counts what it does not name; an export's brief names every filter value."""
    many = Filters(actors=tuple(f"a{i}" for i in range(5)), date_from=date(2022, 1, 1))
    names = {f"a{i}": f"Name {i}" for i in range(5)}
    assert filters.narrowing(many, names) == [
        "actors: Name 0, Name 1, Name 2, Name 3, Name 4",
        "dates: from 2022-01-01",
    ]
    assert "and 2 more" in filters.summary(many, names)[0].text
    assert filters.narrowing(Filters(), names) == []
