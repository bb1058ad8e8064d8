"""Actor positions: who stands where on which issue, down to the statements."""

from __future__ import annotations

import streamlit as st

import ui
from lib.view import charts, frames, render, urls

PAGE = "Actor_positions"

analysis, view = ui.page(
    "Actor positions",
    PAGE,
    "Each cell is what an actor said on an issue: the colour is the stance said most often, the "
    "number how many statements. Pick an actor or an issue below to read the statements.",
)
positions = frames.positions_frame(analysis, view.filters)
choices = urls.choices_of(analysis)
if positions.empty:
    st.info("No positions match these filters — clear the actor filter or widen the date range.")
else:
    st.plotly_chart(charts.positions_figure(positions), key="positions_chart")
    st.html(render.chips_html(charts.stance_legend()))

left, right = st.columns(2)
actor_ids = ui.actor_options(choices)
ui.synced(
    left.selectbox,
    "focus",
    view.focus,
    label="Actor",
    options=actor_ids,
    index=None,
    format_func=lambda a: choices.actors.get(a, a),
    placeholder="Any actor",
)
ui.synced(
    right.selectbox,
    "issue",
    view.issue,
    label="Issue",
    options=sorted(choices.issues),
    index=None,
    format_func=lambda i: choices.issues.get(i, i),
    placeholder="Any issue",
)
view = st.session_state[ui.VIEW]

statements = frames.statements_frame(analysis, view.filters, view.focus, view.issue, frames.MAX_ROWS)
matched = len(frames.statement_spans(analysis, view.filters, view.focus, view.issue))
st.subheader(f"Statements ({matched})")
if matched > len(statements):
    st.caption(frames.cut_note(len(statements), matched, "statements", "the first by actor and issue"))
if statements.empty:
    st.info("No statements for this choice — pick another actor or issue, or clear the filters.")
else:
    st.dataframe(
        statements,
        hide_index=True,
        column_order=["actor", "stance", "issue_label", "text", "speaker", "cue", "source", "date"],
        row_height=78,  # three lines: a statement wraps instead of being cut
        column_config={
            "text": st.column_config.TextColumn("statement", width=460),
            "issue_label": st.column_config.TextColumn("issue", width=200),
        },
    )
    lines = statements["actor"] + " " + statements["stance"] + " — " + statements["issue_label"]
    ui.export_with_brief(analysis, view, PAGE, statements, "statements", "Positions brief", lines)

if view.focus:
    actor = analysis.actor(view.focus)
    st.subheader("Profile")
    if actor:
        affiliation = (
            f", affiliated with {frames.actor_name(analysis, actor.affiliation)}" if actor.affiliation else ""
        )
        role = f", {actor.role}" if actor.role else ""
        st.html(render.snippet_html(f"{actor.type}{role}{affiliation}", label=f"{actor.name} —"))
    aliases = frames.aliases_frame(analysis, view.focus, view.filters)
    quotes = frames.quotes_frame(analysis, view.filters)
    quotes = quotes[quotes["speaker_id"] == view.focus].sort_values("date", ascending=False, kind="stable")
    quotes = quotes.head(frames.MAX_ROWS)  # a store's slice holds the latest MAX_ROWS
    a_col, q_col = st.columns([1, 3])
    a_col.markdown("**Seen as**")
    a_col.dataframe(aliases, hide_index=True)
    q_col.markdown(f"**All statements ({len(quotes)})**")
    q_col.dataframe(
        quotes, hide_index=True, column_order=["quote", "kind", "cue", "source", "date", "sentence"]
    )
    ui.export_buttons(quotes, f"quotes-{view.focus}")
ui.share_box(view, PAGE)
