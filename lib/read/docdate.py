"""Document dates: normalise a metadata date, or infer one from the text.

A report that carries no date usually still gives full dates for what it reports (a
tweet's date stamp, a caption's "on Tuesday, January 25, 2022"): the latest of them is
the best estimate of when it was written, as in the "document creation time" fallback
of TempEval (UzZaman et al., 2013) systems. Only full dates count: "January 2022" or
"Tuesday" alone cannot date a document. A birth date ("was born in <town> on <date>") dates a
life, not the report, once the text names any later year: an obituary or profile gives it decades
after the fact, while a birth announced as news names no later year and keeps its date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# The three full-date shapes news English uses: US "January 26, 2022" (AP style),
# British "26 January 2022", and ISO 8601 "2022-01-26".
FULL_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
)


def _to_date(match: re.Match[str]) -> date | None:
    month_text = match.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:  # "February 30, 2022" is not a date
        return None


def _full_date_matches(text: str) -> Iterator[tuple[re.Match[str], date]]:
    """Every valid full calendar date written in the text, with where it stands."""
    for pattern in FULL_DATE_PATTERNS:
        for m in pattern.finditer(text):
            if (d := _to_date(m)) is not None:
                yield m, d


def full_dates(text: str) -> list[date]:
    """Every valid full calendar date written in the text, in no particular order."""
    return [d for _, d in _full_date_matches(text)]


# "born" earlier in the date's sentence, at most BORN_REACH characters before it and with no
# sentence end between ("was born Jane Roe in Springfield, Ohio, on May 2, 1931").
BORN_REACH = 80
_BORN = re.compile(r"\bborn\b[^.!?\n]*$", re.IGNORECASE)
_YEAR_ANYWHERE = re.compile(r"\b(?:19|20)\d\d\b")


def _report_dates(text: str) -> list[date]:
    """The full dates that may date the report: a birth date is left out when the text names a
    later year (see the module's docstring)."""
    latest_year = max((int(y) for y in _YEAR_ANYWHERE.findall(text)), default=0)
    return [
        d
        for m, d in _full_date_matches(text)
        if not (_BORN.search(text[max(0, m.start() - BORN_REACH) : m.start()]) and latest_year > d.year)
    ]


def infer_date(text: str) -> str | None:
    """The latest full date the text gives, as ISO YYYY-MM-DD, or None when it gives none (a
    birth date of a text naming a later year does not count)."""
    dates = _report_dates(text)
    return max(dates).isoformat() if dates else None


def normalize_date(value: object) -> str | None:
    """A metadata date (ISO string or timestamp, "January 26, 2022", a YAML date) as YYYY-MM-DD."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        dates = full_dates(value)
        return dates[0].isoformat() if len(dates) == 1 else None
