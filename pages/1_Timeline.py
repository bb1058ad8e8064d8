"""Timeline: dated events over event time, one row per actor or per source, with their evidence."""

from __future__ import annotations

import streamlit as st

import ui
from lib.view import charts, timeline, urls

PAGE = "Timeline"

analysis, view = ui.page(
    "Timeline",
    PAGE,
    "Each marker is an event at the date it happened (not the date it was reported); its shape shows "
    "how precise that date is — a left triangle means “on or before” the report date. A number "
    "beside a marker is how many events fall on that day: hover it for their summaries.",
)
ui.synced(
    st.radio,
    "group",
    view.group,
    label="Rows",
    options=list(urls.GROUPS),
    horizontal=True,
    format_func=lambda g: f"by {g}",
)
rows = timeline.timeline_frame(analysis, view.filters, view.group)
if rows.empty:
    st.info("No events match these filters — widen the date range or clear the actor filter.")
else:
    st.plotly_chart(charts.timeline_figure(rows, view.group), key="timeline_chart")

events = timeline.events_frame(analysis, view.filters)
st.subheader(f"Events in view ({events['event_id'].nunique()})")
st.caption(
    "One row per evidence sentence: event date and report date are kept apart. "
    "“Open” shows the sentence in the Reader."
)
if not events.empty:
    st.dataframe(
        events,
        hide_index=True,
        row_height=78,  # three lines: summaries and sentences wrap instead of being cut
        column_order=["event_date", "precision", "summary", "sentence", "reader", "actors", "source", "date"],
        column_config={
            "event_date": st.column_config.TextColumn("event date", width=95),
            "precision": st.column_config.TextColumn("precision", width=110),
            "summary": st.column_config.TextColumn("summary", width=330),
            "actors": st.column_config.TextColumn("actors", width=200),
            "reader": st.column_config.LinkColumn("reader", display_text="Open", width=60),
            "source": st.column_config.TextColumn("source", width=90),
            "date": st.column_config.TextColumn("report date", width=95),
            "sentence": st.column_config.TextColumn("evidence sentence", width=380),
        },
    )
    lines = events["event_date"] + " — " + events["summary"]
    ui.export_with_brief(analysis, view, PAGE, events, "events", "Timeline brief", lines)
ui.share_box(view, PAGE)
