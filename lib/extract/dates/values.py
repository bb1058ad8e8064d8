"""Reading a date value back: the days it covers, in Python and in the store's SQL.

The values are the TIMEX3 forms ``calendar.value_of`` writes (and a document's report date, an
ISO day): ``2022-01-26``, ``2022-W04``, ``2022-01``, ``2014``. The tagger skips quarters, seasons,
decades and PRESENT_REF, so nothing else is read: any other text covers no days (None, NULL).

``period`` serves the in-memory pages and the comparison; ``PERIOD_MACROS`` are the DuckDB
macros ``period_start``/``period_end`` the store's queries filter with. Both are built from FORMS,
and tests/view/test_filters.py checks they agree on a table of values, malformed ones included.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache

from lib.extract.dates.calendar import Unit

# One pattern per form, matched whole. [0-9], not \d: Python's \d takes any Unicode digit,
# DuckDB's (RE2) only ASCII ones, and the two readers must agree.
FORMS: dict[Unit, str] = {
    "day": "[0-9]{4}-[0-9]{2}-[0-9]{2}",
    "week": "[0-9]{4}-W[0-9]{2}",
    "month": "[0-9]{4}-[0-9]{2}",
    "year": "[0-9]{4}",
}
_COMPILED = {unit: re.compile(pattern) for unit, pattern in FORMS.items()}


def unit_of(value: str | None) -> Unit | None:
    """The form of a date value (``day``, ``week``, ``month``, ``year``), None for any other text."""
    return next((u for u, p in _COMPILED.items() if p.fullmatch(value or "")), None)


@lru_cache(maxsize=8192)  # a corpus has a few hundred distinct dates and pages ask for each often
def period(value: str | None) -> tuple[date, date] | None:
    """The first and last day a date value covers; None when it is not one (``2022-02-30``)."""
    unit = unit_of(value)
    if value is None or unit is None:
        return None
    try:
        first = _first_day(value, unit)
        return first, _last_day(first, unit)
    except ValueError:  # a form that names no day: month 13, week 53 of a 52-week year, year 0
        return None
    except OverflowError:  # 9999-W52 ends in year 10000, past Python's last day
        return None


def _first_day(value: str, unit: Unit) -> date:
    year = int(value[:4])
    if unit == "week":
        return date.fromisocalendar(year, int(value[6:]), 1)
    if unit == "day":
        return date.fromisoformat(value)
    return date(year, int(value[5:7]) if unit == "month" else 1, 1)


def _last_day(first: date, unit: Unit) -> date:
    if unit == "week":
        return first + timedelta(days=6)
    if unit == "month":
        return first.replace(day=monthrange(first.year, first.month)[1])
    return first.replace(month=12, day=31) if unit == "year" else first


# The same readings in SQL, form by form (v: the value). DuckDB's dates reach before year 1 and
# after 9999, and it builds week 53 of any year: where Python raises, the macros refuse explicitly.
_SQL_FIRST: dict[Unit, str] = {
    "day": "TRY_CAST(v AS DATE)",
    "week": "iso_week_monday(TRY_CAST(v[1:4] AS INTEGER), TRY_CAST(v[7:8] AS INTEGER))",
    "month": "TRY_CAST(v || '-01' AS DATE)",
    "year": "TRY_CAST(v || '-01-01' AS DATE)",
}
_SQL_LAST: dict[Unit, str] = {
    "day": "period_start(v)",
    "week": "period_start(v) + 6",
    "month": "last_day(period_start(v))",
    "year": "TRY_CAST(v || '-12-31' AS DATE)",
}


def _case(readings: dict[Unit, str]) -> str:
    whens = " ".join(f"WHEN regexp_full_match(v, '{FORMS[u]}') THEN {sql}" for u, sql in readings.items())
    return f"CASE WHEN v[1:4] = '0000' OR v = '9999-W52' THEN NULL {whens} END"


PERIOD_MACROS = (
    # The Monday of ISO week w (the week holding 4 January is week 1); December 28 is always in
    # the year's last week, so its week number is how many weeks the year has.
    "CREATE MACRO iso_week_monday(y, w) AS CASE WHEN w BETWEEN 1 AND week(make_date(y, 12, 28)) THEN "
    "make_date(y, 1, 4) - CAST(isodow(make_date(y, 1, 4)) - 1 AS INTEGER) + 7 * (w - 1) END",
    f"CREATE MACRO period_start(v) AS {_case(_SQL_FIRST)}",
    f"CREATE MACRO period_end(v) AS {_case(_SQL_LAST)}",
)
