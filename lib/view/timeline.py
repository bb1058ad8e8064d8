"""Frames of the events in view: the evidence table and the timeline's rows (actor or source)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.extract.dates.values import period
from lib.records import Analysis, Document, Event
from lib.view.filters import Filters, event_doc_ids, keeps, reported_by, reporting
from lib.view.frames import (
    PROVENANCE,
    actor_name,
    doc_in_view,
    docs_in_view,
    provenance,
    sentence_lookup,
    table,
)
from lib.view.urls import ROW_CHOICES, View, reader_link, view_link


def event_in_view(event: Event, docs: dict[str, Document], filters: Filters) -> bool:
    """Kept by its own fields and reported by one of ``docs`` (event_docs)."""
    return keeps("events", event, filters) and reported_by(event, docs)


def event_docs(analysis: Analysis, filters: Filters) -> dict[str, Document]:
    """The reports an event may come from: filtered by source, not by report date (the event's
    own date is what the date range selects: a later report of an earlier event still counts)."""
    return docs_in_view(analysis, reporting(filters))


def events_in_view(analysis: Analysis, filters: Filters) -> list[Event]:
    docs = event_docs(analysis, filters)
    return [e for e in analysis.events if event_in_view(e, docs, filters)]


EVENT_COLUMNS = ["event_id", "event_date", "precision", "summary", "actors", "reader", *PROVENANCE]


def events_frame(analysis: Analysis, filters: Filters) -> pd.DataFrame:
    """One row per piece of evidence of each event in view; event date apart from report date.
    An event in view with no evidence sentence in the reports in view still gets a row (its first
    reporting document, no span): the export lists every event the pages count."""
    docs = event_docs(analysis, filters)
    sentence_of = sentence_lookup(analysis)
    rows = []
    for e in events_in_view(analysis, filters):
        head = {
            "event_id": e.id,
            "event_date": e.date,
            "precision": e.precision,
            "summary": e.summary,
            "actors": ", ".join(actor_name(analysis, a) for a in e.actors),
        }
        cited = [s for s in e.evidence if s.doc_id in docs]
        rows += [
            head
            | {"reader": reader_link(s.doc_id, s.start, s.end)}
            | provenance(docs[s.doc_id], s.start, s.end, sentence_of(s.doc_id, s.start, s.end))
            for s in cited
        ]
        if not cited:
            doc = docs[next(d for d in event_doc_ids(e) if d in docs)]
            rows.append(head | {"reader": view_link(View(doc=doc.id), "Reader")} | provenance(doc, 0, 0, ""))
    return table(rows, EVENT_COLUMNS).sort_values(["event_date", "event_id"], kind="stable")


def window_first(events: pd.DataFrame, rows: pd.DataFrame, first: str, last: str) -> tuple[pd.DataFrame, int]:
    """``events`` (events_frame) with the events the chart's axis shows (their day, ``rows``'
    ``day``, from ``first`` to ``last``) first, in date order, then those outside it: a crisis
    month's reports recall centuries of background ("a battle in 1918"), which would otherwise
    lead the table. Also how many events lie outside."""
    days = rows.drop_duplicates("event_id").set_index("event_id")["day"]
    inside = set(days[days.between(pd.Timestamp(first), pd.Timestamp(last))].index)
    outside = ~events["event_id"].isin(inside)
    ordered = pd.concat([events[~outside], events[outside]])
    return ordered, int(events.loc[outside, "event_id"].nunique())


TIMELINE_COLUMNS = ["event_id", "day", "event_date", "precision", "row", "summary", "sources", "reported"]


def _rows_of(analysis: Analysis, event: Event, group: str, filters: Filters) -> list[str]:
    if group == "source":
        docs = analysis.documents_of(event_doc_ids(event))
        return sorted({d.source or d.id for d in docs if doc_in_view(d, reporting(filters))})
    keep = [a for a in event.actors if not filters.actors or a in filters.actors]
    return [actor_name(analysis, a) for a in keep] or [NO_ACTOR]


def timeline_frame(analysis: Analysis, filters: Filters, group: str) -> pd.DataFrame:
    """One row per event and timeline row (an actor or a source), for a plotly scatter."""
    rows: list[dict[str, object]] = []
    for e in events_in_view(analysis, filters):
        span = period(e.date)
        doc_ids = e.sources or tuple(dict.fromkeys(s.doc_id for s in e.evidence))
        docs = analysis.documents_of(doc_ids)
        common = {
            "event_id": e.id,
            "day": pd.Timestamp(span[0]) if span else pd.NaT,
            "event_date": e.date,
            "precision": e.precision,
            "summary": e.summary,
            "sources": ", ".join(d.source or d.id for d in docs),
            "reported": ", ".join(f"{d.source or d.id}: {d.date or 'undated'}" for d in docs),
        }
        rows.extend({**common, "row": r} for r in _rows_of(analysis, e, group, filters))
    return table(rows, TIMELINE_COLUMNS)


def event_count(analysis: Analysis, filters: Filters) -> int:
    """The events in view, counted as every page counts them: distinct events."""
    return len({e.id for e in events_in_view(analysis, filters)})


NO_ACTOR = "(no actor)"


def ranked_rows(frame: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> list[str]:
    """The timeline's rows, most events first (ties by name, case ignored); "(no actor)" last.
    With the axis's ``window`` (first, last day), the events the chart draws count first: a row
    whose events all lie in a folded tail (a school's founding a century before the reports)
    would be an empty line among the most active."""
    unique = frame.drop_duplicates(["event_id", "row"])
    counts = unique.groupby("row")["event_id"].size()
    drawn = counts
    if window is not None:
        inside = unique["day"].between(*window)
        drawn = unique[inside].groupby("row")["event_id"].size().reindex(counts.index, fill_value=0)
    return sorted(
        counts.index, key=lambda r: (r == NO_ACTOR, -int(drawn[r]), -int(counts[r]), r.casefold(), r)
    )


@dataclass(frozen=True)
class RowChoice:
    """The rows a timeline shows and what the others hold."""

    shown: list[str]
    total: int  # rows there are
    hidden_events: int  # events in none of the rows shown


def top_rows(
    frame: pd.DataFrame, limit: int, window: tuple[pd.Timestamp, pd.Timestamp] | None = None
) -> tuple[pd.DataFrame, RowChoice]:
    """The ``limit`` most active rows of a timeline frame (0: all), in rank order (``ranked_rows``)."""
    ranked = ranked_rows(frame, window) if not frame.empty else []
    shown = ranked if limit <= 0 else ranked[:limit]
    kept = frame[frame["row"].isin(shown)]
    hidden = frame["event_id"].nunique() - kept["event_id"].nunique() if not frame.empty else 0
    return kept, RowChoice(shown, len(ranked), int(hidden))


def row_options(current: int) -> list[int]:
    """The Timeline's row counts to pick from, the link's own among them (0 last: all)."""
    counts = sorted({*(n for n in ROW_CHOICES if n > 0), *([current] if current > 0 else [])})
    return [*counts, 0]


def rows_note(choice: RowChoice, group: str) -> str:
    """What the rows shown leave out, in words (empty when every row is shown)."""
    if len(choice.shown) >= choice.total:
        return ""
    kind = "actors" if group == "actor" else "sources"
    note = f"the {len(choice.shown)} most active of {choice.total} {kind} are shown"
    if choice.hidden_events:
        note += f"; {choice.hidden_events} event(s) involve none of them (show more rows to see them)"
    return note
