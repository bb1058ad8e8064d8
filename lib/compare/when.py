"""When a report's news happened: two reports must meet in time to be reports of one event.

Figures of reports about different days differ because the days do (two days' market closes, two
sessions of one body): a discrepancy, and a claim "the same" in both, needs one event. A news
report's lead says when its news happened: a date in its first sentences ("on Tuesday", resolved
against the report's date), a weekday in its headline ("Markets rose Thursday"). A date of the
lead more than a week before the report is background ("since 2015"), and one after it a plan
("will vote on Friday"). Without one the news is of the report's day or of the day before (a
morning paper reports the evening before). An undated report has only the weekdays its headline
and lead name. Two reports whose days cannot meet tell different events; a report with no time at
all is no evidence either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lib.records import Analysis, Document, Span

PAIRS_SCANNED = 30  # pairs ranked by shared claims, of which those of one event are offered
# Reports of one event share a good part of their claims: the same-event pairs of a US-politics dev
# set that the page opens on share 0.19-0.67 of the shorter report's claims; the best pairs of two
# dev sets that hold almost no two reports of one event share 0-0.14 (greetings, closings).
FEW_SHARED = 0.1  # reports saying the same in fewer of the shorter one's claims: not one event
FEW_SHARED_MIN = 10  # claims of the shorter report below which that share says little
LEAD_SENTENCES = 2  # the body sentences of a report's lead
BACKGROUND_DAYS = 7  # a lead's date further back than this is background, not the news's day
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class NewsDays:
    """The days a report's news may be of (a dated report), or the weekdays its lead names (an
    undated one); both empty: unknown."""

    days: frozenset[date] = frozenset()
    weekdays: frozenset[int] = frozenset()  # 0 = Monday

    def label(self) -> str:
        if self.days:
            return " or ".join(d.isoformat() for d in sorted(self.days))
        return " or ".join(WEEKDAYS[w].capitalize() for w in sorted(self.weekdays))


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def weekdays_named(text: str) -> frozenset[int]:
    """The weekdays a text names ("Thursday", "on Wednesday morning")."""
    return frozenset(WEEKDAYS.index(m.group(1).lower()) for m in _WEEKDAY.finditer(text))


def news_days(
    published: str | None, title: str | None, lead: str = "", lead_dates: Iterable[str] = ()
) -> NewsDays:
    """The days a report's news may be of: ``published`` its date, ``title`` its headline, ``lead``
    the text of its first sentences and ``lead_dates`` the values of the dates found there."""
    named = weekdays_named(f"{title or ''}\n{lead}")
    day = _day(published)
    if day is None:
        return NewsDays(weekdays=named)
    told = {d for v in lead_dates if (d := _day(v)) and timedelta(0) <= day - d <= timedelta(BACKGROUND_DAYS)}
    # a weekday of the headline is the latest such day on or before the report's date
    told |= {day - timedelta(days=(day.weekday() - w) % 7) for w in weekdays_named(title or "")}
    return NewsDays(days=frozenset(told or {day - timedelta(days=1), day}))


def apart(x: NewsDays, y: NewsDays) -> bool:
    """Whether two reports' news days cannot meet: different days, or (a report undated) different
    weekdays. Unknown on either side: not apart."""
    if x.days and y.days:
        return not x.days & y.days
    wx = x.weekdays or frozenset(d.weekday() for d in x.days)
    wy = y.weekdays or frozenset(d.weekday() for d in y.days)
    return bool(wx and wy) and not wx & wy


def headline_days(doc: Document) -> NewsDays:
    """A report's news days from its date and headline alone (a store's index holds no texts)."""
    return news_days(doc.date, doc.title)


def report_days(analysis: Analysis, doc_id: str) -> NewsDays:
    """A report's news days from its date, headline and lead (its first body sentences and the
    dates found in them)."""
    doc = analysis.document(doc_id)
    lead = lead_sentences(analysis, doc)
    end = lead[-1].end if lead else 0
    values = [d.value for d in analysis.dates if d.doc_id == doc_id and d.end <= end]
    return news_days(doc.date, doc.title, " ".join(s.text for s in lead), values)


def lead_sentences(analysis: Analysis, doc: Document) -> list[Span]:
    """The report's first LEAD_SENTENCES sentences of body prose (not a caption, credit or heading)."""
    own = sorted((s for s in analysis.sentences if s.doc_id == doc.id), key=lambda s: s.start)
    body = [s for s in own if (block := doc.block_at(s.start)) is None or block.kind == "body"]
    return body[:LEAD_SENTENCES]


def one_event_pairs(
    pairs: Sequence[tuple[str, str, int]],
    documents: Iterable[Document],
    limit: int,
    sizes: Mapping[str, int] | None = None,
) -> list[tuple[str, str, int]]:
    """The first ``limit`` pairs whose reports' headlines and dates can meet (``headline_days``):
    pairs worth comparing are reports of one event, not the same kind of news of two days. The
    callers rank PAIRS_SCANNED pairs, so a page's suggested pair and its slice's agree.

    Pairs of two sources come before pairs of one (the page compares sources; one outlet's two
    reports of an event, an update and its first version, share their wording more than two outlets
    do, and would head the list otherwise); a report without a source is no evidence of one.
    With each report's sentence count (``sizes``), pairs that share few of the shorter report's
    claims (``few_shared``) come after the others of their kind, in their order: two long reports
    (transcripts, digests) share more set phrases than two short reports of one event share facts,
    so a count alone ranks length, not sameness."""
    wanted = {doc for a, b, _ in pairs for doc in (a, b)}
    days: dict[str, NewsDays] = {}
    sources: dict[str, str] = {}
    for d in documents:
        if d.id in wanted:
            days[d.id], sources[d.id] = headline_days(d), d.source.strip().casefold()
    kept = [(a, b, n) for a, b, n in pairs if not (a in days and b in days and apart(days[a], days[b]))]
    counts = sizes or {}

    def later(pair: tuple[str, str, int]) -> tuple[bool, bool]:
        a, b, same = pair
        one_source = bool(sources.get(a)) and sources.get(a) == sources.get(b)
        few = bool(counts) and few_shared(same, min(counts.get(a, 0), counts.get(b, 0)))
        return one_source, few

    kept.sort(key=later)
    return kept[:limit]


def few_shared(same: int, shorter: int) -> bool:
    """Two reports saying the same thing in ``same`` of the ``shorter`` one's claims are most likely
    not reports of one event (reports of one event share a fifth to two thirds of them)."""
    return shorter >= FEW_SHARED_MIN and same < FEW_SHARED * shorter
