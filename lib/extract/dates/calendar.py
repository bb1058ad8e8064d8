"""Calendar arithmetic for the date tagger: ISO values, shifts by a unit, weekday resolution.

Values follow TimeML's TIMEX3 ``value`` forms (ISO-TimeML, Pustejovsky et al. 2010):
``YYYY-MM-DD``, ``YYYY-Www`` (ISO week), ``YYYY-MM`` and ``YYYY``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

Unit = Literal["day", "week", "month", "year"]
Tense = Literal["past", "future", "present"]


def parse_iso(value: str | None) -> dt.date | None:
    """The date of an ISO ``YYYY-MM-DD`` string, None when absent or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A real calendar date, or None ("February 30", "13/45/2001")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def value_of(day: dt.date, unit: Unit) -> str:
    """The TIMEX3 value of the ``unit``-sized period that contains ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def shift(day: dt.date, unit: Unit, n: int) -> dt.date:
    """``day`` moved by ``n`` units (month and year shifts clamp to the month's last day)."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * lw) // 433
    month, day = divmod(h + lw - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(spec: str, year: int) -> dt.date:
    """The day a holiday falls on in ``year``. ``spec`` is "MM-DD" for a fixed date,
    "MM/N/W" for the N-th (-1: last) ISO weekday W of month MM, with "+D" days after it
    ("11/1/1+1": the Tuesday after the first Monday of November), or "easter+D"."""
    base, _, days = spec.partition("+")
    after = dt.timedelta(days=int(days or 0))
    if base.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(base[6:] or 0)) + after
    if "/" not in base:
        month, day = (int(x) for x in base.split("-"))
        return dt.date(year, month, day) + after
    month, nth, weekday = (int(x) for x in base.split("/"))
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1)) + after
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7) + after


# A present-tense weekday at most this many days ahead is the coming one ("talks resume Friday").
NEAR_DAYS = 3


def weekday_near(anchor: dt.date, weekday: int, tense: Tense) -> dt.date:
    """The ``weekday`` (ISO, Monday=1) a news sentence means, given its tense.

    HeidelTime 2.2.1 (ResolveAmbiguousValues, news documents): in future-tense context the next
    such day on or after the document date, otherwise the most recent one on or before it.
    """
    diff = weekday - anchor.isoweekday()
    ahead = diff % 7
    if tense == "future" or (tense == "present" and 0 < ahead <= NEAR_DAYS):
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=(-diff) % 7)


NEAR_MONTHS = 2
HALF_YEAR = 6


def year_for_month(anchor: dt.date, month: int, tense: Tense) -> int:
    """The year of a year-less month ("in March", "Jan. 26") in a news document.

    HeidelTime 2.2.1 (news): the document's year, minus one when a past-tense sentence names a
    later month, plus one when a future-tense sentence names an earlier month. Unlike HeidelTime,
    a month at most ``NEAR_MONTHS`` ahead stays in the document's year even in a past-tense
    sentence: news reports deadlines set in the past ("the offer was extended to Nov. 16"). A
    present-tense sentence (no cue, or "is", "are") takes the occurrence nearest the document
    date, so "worth more in December" in a May report is last December (measured on TimeBank).
    """
    if tense == "past" and month - anchor.month > NEAR_MONTHS:
        return anchor.year - 1
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    if tense == "present" and abs(month - anchor.month) > HALF_YEAR:
        return anchor.year + (1 if month < anchor.month else -1)
    return anchor.year
