"""Timeline: dated events over event time, one row per actor or per source, with their evidence."""

from __future__ import annotations

import streamlit as st

import ui
from lib.view import frames, urls
from lib.view.pages import timeline_view
from lib.view.render import plain_md

PAGE = "Timeline"

analysis, view = ui.page(
    "Timeline",
    PAGE,
    "Each marker is an event at the date it happened (not the date it was reported); its shape shows "
    "how precise that date is — a left triangle means “on or before” the report date. A number "
    "beside a marker is how many events fall on that day (on a long chart, in the days one marker "
    "groups: the note under the chart says how many): hover it for their summaries.",
)
left, right = st.columns([2, 1])
with left:
    ui.synced(
        st.radio,
        "group",
        view.group,
        label="Rows",
        options=list(urls.GROUPS),
        horizontal=True,
        format_func=lambda g: f"by {g}",
    )
with right:
    ui.rows_shown(st, "rows", view.rows, "Rows shown")
shown = ui.per_view(timeline_view, analysis, view)
if shown.figure is None:
    st.info("No events match these filters — widen the date range or clear the actor filter.")
else:
    st.plotly_chart(shown.figure, key="timeline_chart")
    st.caption(plain_md(shown.note))

events = shown.events
st.subheader(f"Events in view ({shown.count})")
st.caption(
    "One row per evidence sentence: event date and report date are kept apart. "
    "“Open” shows the sentence in the Reader."
    + (
        f" The events on the chart's dates come first, in date order; the {shown.outside} outside them "
        "(background the reports recall, or dates far off) follow."
        if shown.outside
        else ""
    )
)
if len(events) > frames.MAX_ROWS:  # 6,170 evidence rows at 10,000 reports: megabytes to send and draw
    kept = "the chart's events first" if shown.outside else "the earliest events"
    st.caption(
        frames.cut_note(frames.MAX_ROWS, len(events), "evidence sentences", f"{kept}; the exports hold all")
    )
if not events.empty:
    # what an analyst checks first (when, the link, when reported, by whom) fits 1,400 px
    shown_columns = ["event_date", "reader", "date", "source", "summary", "sentence", "actors", "precision"]
    st.dataframe(
        frames.shown_columns(events.head(frames.MAX_ROWS), [*shown_columns, "event_id"]),
        hide_index=True,
        row_height=78,  # three lines: summaries and sentences wrap instead of being cut
        column_order=shown_columns,
        column_config={
            "event_date": st.column_config.TextColumn("event date", width=90),
            "reader": st.column_config.LinkColumn("reader", display_text="Open", width=55),
            "date": st.column_config.TextColumn("report date", width=90),
            "source": st.column_config.TextColumn("source", width=100),
            "summary": st.column_config.TextColumn("summary", width=300),
            "sentence": st.column_config.TextColumn("evidence sentence", width=360),
            "actors": st.column_config.TextColumn("actors", width=180),
            "precision": st.column_config.TextColumn("precision", width=100),
        },
    )
    lines = events["event_date"] + " — " + events["summary"]
    ui.export_with_brief(analysis, view, PAGE, events, "events", "Timeline brief", lines, "event_id")
ui.share_box(view, PAGE)
