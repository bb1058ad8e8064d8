"""The filters every page applies, each defined once: its URL parameters and its tests on records.

A filter (actor, source, date range) names the URL parameters that carry it (urls.py parses,
checks and writes them from here) and, per kind of record, the test it makes: one test object
gives the Python predicate the in-memory pages use (frames.py, timeline.py) and the SQL clause the
store's queries use (lib/store/slices.py), so the two cannot drift; tests/view/test_filters.py runs
both on one corpus. Adding a filter is one Filters field and one Filter in FILTERS, plus its row
in README's Links table.

Records in view: a document by its "documents" tests; a quote or a position by its document and
its own tests; an event by its own tests and by being reported by a document the ``reports``
filters keep (an event is dated by when it happened, not by when it was reported); a claim across
the corpus by naming an actor, being reported by a source and reported within the date range.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Protocol

from lib.extract.dates.values import period

if TYPE_CHECKING:
    from lib.records import Event
    from lib.view.urls import Choices

Kind = Literal["documents", "events", "quotes", "positions", "claims"]
ECHO_CHARS = 60  # of a bad value quoted back in a notice: a link may carry 5,000 digits
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # fromisoformat alone also takes 20220101, 2022-W01


@dataclass(frozen=True)
class Filters:
    """What every page filters on. Empty tuples and None mean "everything"."""

    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None


FILTER_FIELDS = tuple(f.name for f in fields(Filters))


@dataclass(frozen=True)
class Clause:
    """A SQL condition and the values of its ``?`` placeholders, in order."""

    sql: str
    params: tuple[Any, ...] = ()


class Test(Protocol):
    """One comparison of a record's field with the filters, in Python and in SQL."""

    @property
    def attr(self) -> str:
        """The record's field (and, by default, its column)."""

    def active(self, f: Filters) -> bool: ...

    def keeps(self, record: object, f: Filters) -> bool: ...

    def clause(self, f: Filters, column: str) -> Clause: ...


@dataclass(frozen=True)
class OneOf:
    """The record's ``attr`` (a quote's speaker, a document's source) is one of the filter's values."""

    field: str
    attr: str

    def active(self, f: Filters) -> bool:
        return bool(getattr(f, self.field))

    def keeps(self, record: object, f: Filters) -> bool:
        return not self.active(f) or getattr(record, self.attr) in getattr(f, self.field)

    def clause(self, f: Filters, column: str) -> Clause:
        return Clause(f"list_contains(?, {column})", (list(getattr(f, self.field)),))


@dataclass(frozen=True)
class AnyOf(OneOf):
    """One of the record's ``attr`` values (an event's actors) is one of the filter's values."""

    def keeps(self, record: object, f: Filters) -> bool:
        return not self.active(f) or bool(set(getattr(record, self.attr)) & set(getattr(f, self.field)))

    def clause(self, f: Filters, column: str) -> Clause:
        return Clause(f"list_has_any({column}, ?)", (list(getattr(f, self.field)),))


@dataclass(frozen=True)
class InRange:
    """The period of the record's date value (lib/extract/dates/values.py) meets the date range;
    with ``last``, the span from its ``attr`` date to its ``last`` date does (a claim's first and
    last report). An undated record only passes an open range."""

    attr: str
    last: str = ""

    def active(self, f: Filters) -> bool:
        return f.date_from is not None or f.date_to is not None

    def keeps(self, record: object, f: Filters) -> bool:
        if not self.active(f):
            return True
        first = period(getattr(record, self.attr))
        last = period(getattr(record, self.last)) if self.last else first
        if first is None or last is None:
            return False
        return (f.date_from is None or last[1] >= f.date_from) and (
            f.date_to is None or first[0] <= f.date_to
        )

    def clause(self, f: Filters, column: str) -> Clause:
        last = column
        if self.last:
            last = column[: -len(self.attr)] + self.last if column.endswith(self.attr) else self.last
        bounds = [(f"period_end({last}) >= ?", f.date_from), (f"period_start({column}) <= ?", f.date_to)]
        kept = [(sql, day) for sql, day in bounds if day is not None]
        return Clause(" AND ".join(sql for sql, _ in kept), tuple(day for _, day in kept))


# --- the URL side --------------------------------------------------------------------------

Parse = Callable[[Sequence[str], "Choices", list[str]], Any]


@dataclass(frozen=True)
class Param:
    """A URL parameter carrying one Filters field."""

    name: str  # in the URL
    field: str  # of Filters
    meaning: str  # what README's Links table says of it (tests/view/test_links.py checks it is there)
    repeat: bool  # several values (actor=a&actor=b); else the last one counts
    parse: Parse  # the link's values -> the field's value; a notice per value dropped
    format: Callable[[Any], list[str]]  # the field's value -> the link's values ([] by default)


def _as_is(f: Filters, notices: list[str]) -> Filters:
    return f


@dataclass(frozen=True)
class Filter:
    name: str
    params: tuple[Param, ...]
    tests: Mapping[Kind, Test]  # the kinds of records it tests by their own fields
    reports: bool = False  # an event passes when one of its reporting documents passes
    settle: Callable[[Filters, list[str]], Filters] = _as_is  # a check across its parameters


def known_actor(value: str | None, choices: Choices) -> str | None:
    """The id an actor merged into another goes by now (``choices.aliases``), else ``value``."""
    if value is None or value in choices.actors:
        return value
    return choices.aliases.get(value, value)


def _resolve_actor(value: str, choices: Choices) -> str | None:
    """An actor id (an old one of an actor merged into another too), or a display name typed by
    hand (case-insensitive)."""
    if (known := known_actor(value, choices)) in choices.actors:
        return known
    by_name = {name.casefold(): aid for aid, name in choices.actors.items()}
    return by_name.get(value.strip().casefold())


def _parse_actors(values: Sequence[str], choices: Choices, notices: list[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for value in values:
        aid = _resolve_actor(value, choices)
        if aid is None:
            notices.append(f"Unknown actor “{echo(value)}” in the link: ignored.")
        elif aid not in kept:
            kept.append(aid)
    return tuple(kept)


def _parse_sources(values: Sequence[str], choices: Choices, notices: list[str]) -> tuple[str, ...]:
    unknown = [v for v in values if v not in choices.sources]
    notices.extend(f"Unknown source “{echo(v)}” in the link: ignored." for v in unknown)
    return tuple(dict.fromkeys(v for v in values if v in choices.sources))


def parse_date(text: str) -> date | None:
    """A YYYY-MM-DD day, else None (a malformed or impossible date: 2022-02-30)."""
    text = text.strip()
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def echo(value: str) -> str:
    """A bad value as a notice quotes it: cut, so a huge parameter does not fill the page."""
    return value if len(value) <= ECHO_CHARS else value[:ECHO_CHARS] + "…"


def _day_parser(name: str) -> Parse:
    def parse(values: Sequence[str], choices: Choices, notices: list[str]) -> date | None:
        if not values or not values[-1]:
            return None
        day = parse_date(values[-1])
        if day is None:
            notices.append(
                f"Malformed date “{echo(values[-1])}” for “{name}” (expected YYYY-MM-DD): ignored."
            )
        return day

    return parse


def _format_day(day: date | None) -> list[str]:
    return [day.isoformat()] if day else []


def _settle_range(f: Filters, notices: list[str]) -> Filters:
    if f.date_from and f.date_to and f.date_from > f.date_to:
        notices.append(f"The date range {f.date_from} – {f.date_to} is reversed: showing all dates.")
        return replace(f, date_from=None, date_to=None)
    return f


ACTOR = Filter(
    "actor",
    (
        Param(
            "actor",
            "actors",
            "actor id to keep (repeat for several); person, organization or country actors",
            repeat=True,
            parse=_parse_actors,
            format=list,
        ),
    ),
    {
        "events": AnyOf("actors", "actors"),
        "quotes": OneOf("actors", "speaker_id"),
        "positions": OneOf("actors", "actor_id"),
        "claims": AnyOf("actors", "actors"),
    },
)
SOURCE = Filter(
    "source",
    (
        Param(
            "source",
            "sources",
            "source (publication) to keep (repeat for several)",
            repeat=True,
            parse=_parse_sources,
            format=list,
        ),
    ),
    {"documents": OneOf("sources", "source"), "claims": AnyOf("sources", "sources")},
    reports=True,
)
DATES = Filter(
    "dates",
    tuple(
        Param(
            name,
            f"date_{name}",
            f"{which} day of the date range, YYYY-MM-DD",
            repeat=False,
            parse=_day_parser(name),
            format=_format_day,
        )
        for name, which in (("from", "first"), ("to", "last"))
    ),
    {"documents": InRange("date"), "events": InRange("date"), "claims": InRange("first_date", "last_date")},
    settle=_settle_range,
)
FILTERS = (ACTOR, SOURCE, DATES)
PARAMS = tuple(p for f in FILTERS for p in f.params)


def parse(params: Mapping[str, Sequence[str]], choices: Choices, notices: list[str]) -> Filters:
    """The filters a link names; a notice per value that had to be dropped."""

    def given(p: Param) -> Sequence[str]:
        values = params.get(p.name, ())
        return values if p.repeat else values[-1:]

    filters = Filters(**{p.field: p.parse(given(p), choices, notices) for p in PARAMS})
    for f in FILTERS:
        filters = f.settle(filters, notices)
    return filters


def encode(filters: Filters) -> dict[str, list[str]]:
    """The URL parameters of the filters, those left at their default left out."""
    out = {p.name: p.format(getattr(filters, p.field)) for p in PARAMS}
    return {name: values for name, values in out.items() if values}


# --- the record side -------------------------------------------------------------------------


def _tests(kind: Kind) -> list[Test]:
    return [t for f in FILTERS if (t := f.tests.get(kind)) is not None]


def keeps(kind: Kind, record: object, filters: Filters) -> bool:
    """Whether the filters keep a record of ``kind`` by its own fields (see the module's doc)."""
    return all(t.keeps(record, filters) for t in _tests(kind))


def keeper(kind: Kind, filters: Filters) -> Callable[[object], bool]:
    """``keeps`` for many records of ``kind``: the active tests found once (a filter left open
    keeps every record), so 10,000 documents under open filters cost a loop, not 30,000 tests."""
    active = [t for t in _tests(kind) if t.active(filters)]
    return lambda record: all(t.keeps(record, filters) for t in active)


def restricts(kind: Kind, filters: Filters) -> bool:
    """Whether the filters may drop a record of ``kind`` by its own fields."""
    return any(t.active(filters) for t in _tests(kind))


def where(kind: Kind, filters: Filters, alias: str, columns: Mapping[str, str] | None = None) -> Clause:
    """``keeps`` in SQL over the table of ``kind`` aliased ``alias``; ``columns`` gives the SQL of
    a field that is not a plain column (a speaker id mapped through the actor map). TRUE when open."""
    sql_of = columns or {}
    clauses = [
        t.clause(filters, sql_of.get(t.attr, f"{alias}.{t.attr}")) for t in _tests(kind) if t.active(filters)
    ]
    if not clauses:
        return Clause("TRUE")
    return Clause(" AND ".join(c.sql for c in clauses), tuple(p for c in clauses for p in c.params))


SUMMARY_NAMES = 3  # actors or sources named in a filter's summary line; the rest are counted


@dataclass(frozen=True)
class Summary:
    """One filter in words, for the line that says what is in view: ``on`` when it narrows it."""

    label: str
    text: str
    on: bool


def _named(values: Sequence[str], shown: int | None) -> str:
    if shown is None:
        return ", ".join(values)
    more = len(values) - shown
    return f"{', '.join(values[:shown])} and {more} more" if more > 0 else ", ".join(values)


def summary(
    filters: Filters, actor_names: Mapping[str, str], shown: int | None = SUMMARY_NAMES
) -> tuple[Summary, ...]:
    """Each filter in words (actors by name, ``actor_names``: id -> name, ``shown`` of them named and
    the rest counted; None: all), every filter said even when it keeps everything, so that a reader
    sees at a glance what narrows the view."""
    names = [actor_names.get(a, a) for a in filters.actors]
    start, end = filters.date_from, filters.date_to
    if start and end:
        dates = f"{start.isoformat()} to {end.isoformat()}"
    else:
        dates = f"from {start.isoformat()}" if start else f"until {end.isoformat()}" if end else "any"
    sources = filters.sources
    return (
        Summary("Actors", _named(names, shown) if names else "all", bool(names)),
        Summary("Sources", _named(sources, shown) if sources else "all", bool(sources)),
        Summary("Dates", dates, bool(start or end)),
    )


def narrowing(filters: Filters, actor_names: Mapping[str, str]) -> list[str]:
    """The filters that narrow the view, in words with every name ("actors: A, B"), for the head of
    an export's brief."""
    return [f"{s.label.lower()}: {s.text}" for s in summary(filters, actor_names, None) if s.on]


def reporting(filters: Filters) -> Filters:
    """The filters that pick the documents an event may be reported by (source, not date)."""
    names = [p.field for f in FILTERS if f.reports for p in f.params]
    return replace(Filters(), **{name: getattr(filters, name) for name in names})


def event_doc_ids(event: Event) -> tuple[str, ...]:
    """The documents reporting an event: its merged sources, else those of its evidence."""
    return event.sources or tuple(s.doc_id for s in event.evidence)


def reported_by(event: Event, doc_ids: Mapping[str, object]) -> bool:
    return any(d in doc_ids for d in event_doc_ids(event))


def reported_clause(alias: str, table: str) -> str:
    """``reported_by`` in SQL: the event (``alias``) is reported by a document of ``table``
    (a registered one-column table ``doc_id``). A semi-join: a list of thousands of ids as a
    parameter is scanned once per event."""
    docs = "CASE WHEN len(sources) > 0 THEN sources ELSE list_transform(evidence, lambda s: s.doc_id) END"
    return (
        f"{alias}.id IN (SELECT x.id FROM (SELECT id, unnest({docs}) AS doc FROM events) x "
        f"JOIN {table} o ON o.doc_id = x.doc)"
    )
