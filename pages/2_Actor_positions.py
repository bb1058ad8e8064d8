"""Actor positions: who stands where on which issue, down to the statements."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from lib.view import charts, frames, render, stances, urls
from lib.view.pages import positions_view, stances_view

PAGE = "Actor_positions"

analysis, view = ui.page(
    "Actor positions",
    PAGE,
    "Each cell is what an actor said on an issue: the colour is the stance said most often, the "
    "number how many statements. A country's or a body's row also counts what the people known to "
    "speak for it said (a head of state for the state; the speaker column names who spoke). Pick an "
    "actor or an issue below to read the statements.",
)
choices = urls.choices_of(analysis)
heatmap = st.container()  # drawn once the pickers below have set the view

left, right, rows = st.columns([2, 2, 1])
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
ui.rows_shown(rows, "arows", view.arows, "Actors shown")
view = st.session_state[ui.VIEW]
shown = ui.per_view(positions_view, analysis, view)
with heatmap:
    if shown.figure is None:
        st.info("No positions match these filters — clear the actor filter or widen the date range.")
    else:
        st.plotly_chart(shown.figure, key="positions_chart", width=charts.chart_width(shown.figure))
        if shown.rows_note:
            st.caption(shown.rows_note)
        st.html(render.chips_html(charts.stance_legend()))

if shown.weekly is not None:
    st.subheader("Over time")
    if shown.weekly_figure is None:
        st.caption("No dated statements for this actor on this issue.")
    else:
        st.plotly_chart(shown.weekly_figure, key="weekly_chart")
        undated = shown.undated
        st.caption(
            "Statements per week of their report's date, by stance."
            + (f" {undated} statement(s) from undated reports are left out." if undated else "")
        )
        if shown.change:
            st.info(render.plain_md(shown.change))

# One section at a time under the heatmap (a click on the other reruns the page): the statements
# table and the stance matrix, both built, sent and drawn before the heatmap, cost the browser's main
# thread 0.3 s of a 1.9 s warm view (Chromium's metrics, session 33).
SECTIONS = {"statements": "Statements", "stances": "Who stands against whom"}
statements_tab, stances_tab = ui.open_tabs("section", urls.open_section(view), SECTIONS)


def statements_table(statements: pd.DataFrame) -> None:
    shown_rows = ["actor", "stance", "issue_label", "text", "speaker", "cue", "source", "date"]
    st.dataframe(  # the columns shown, long statements cut: the exports below hold them whole
        frames.shown_columns(statements, shown_rows, long=["text"]),
        hide_index=True,
        column_order=shown_rows,
        row_height=78,  # three lines: a statement wraps instead of being cut
        column_config={
            "text": st.column_config.TextColumn("statement", width=460),
            "issue_label": st.column_config.TextColumn("issue", width=200),
        },
    )


with statements_tab:
    if statements_tab.open:
        statements, matched = shown.statements, shown.matched
        st.subheader(f"Statements ({matched:,})")
        if matched > len(statements):
            st.caption(
                frames.cut_note(len(statements), matched, "statements", "the first by actor and issue")
            )
        if statements.empty:
            st.info("No statements for this choice — pick another actor or issue, or clear the filters.")
        else:
            if view.focus or view.issue:
                statements_table(statements)
            else:  # every statement in view: listed when asked for, exported whole either way
                st.caption("Pick an actor or an issue above to read their statements, or list them here.")
                ui.on_demand(
                    f"List the {len(statements):,} statements",
                    "all_statements",
                    lambda: statements_table(statements),
                )
            lines = statements["actor"] + " " + statements["stance"] + " — " + statements["issue_label"]
            ui.export_with_brief(analysis, view, PAGE, statements, "statements", "Positions brief", lines)

        if view.focus:
            actor = analysis.actor(view.focus)
            st.subheader("Profile")
            if actor:
                affiliation = (
                    f", affiliated with {frames.actor_name(analysis, actor.affiliation)}"
                    if actor.affiliation
                    else ""
                )
                role = f", {actor.role}" if actor.role else ""
                st.html(render.snippet_html(f"{actor.type}{role}{affiliation}", label=f"{actor.name} —"))
            aliases, quotes = shown.aliases, shown.quotes
            assert aliases is not None and quotes is not None  # an actor is picked
            a_col, q_col = st.columns([1, 3])
            a_col.markdown("**Seen as**")
            a_col.dataframe(aliases, hide_index=True)
            q_col.markdown(f"**All statements ({len(quotes)})**")
            quote_columns = ["quote", "kind", "cue", "source", "date", "sentence"]
            q_col.dataframe(
                frames.shown_columns(quotes, quote_columns, long=["quote", "sentence"]),
                hide_index=True,
                column_order=quote_columns,
            )
            ui.export_buttons(quotes, f"quotes-{view.focus}")

with stances_tab:
    if stances_tab.open:
        st.subheader("Who stands against whom")
        basis = (
            'a target named in the statement, a pronoun or an office ("the president") in it, the sentence '
            "around it or one of the report's main actors (the last two are guesses: weaker evidence)"
            if view.guessed
            else 'only targets named in the statement, or a pronoun or an office ("the president") in it'
        )
        st.caption(
            "Each cell is what a speaker (row) said about another actor (column): the number is how "
            "many statements, the colour the net polarity (positive minus negative, over the statements "
            f"that judge: green for, purple against, grey when none judges). Counted: {basis}."
        )
        g_col, t_col = st.columns([3, 1])
        ui.synced(
            g_col.toggle,
            "guessed",
            view.guessed,
            label="Include guessed targets (sentence, report's main person)",
        )
        ui.synced(
            t_col.selectbox,
            "top",
            view.top,
            label="Actors per side",
            options=list(urls.TOP_CHOICES),
            format_func=lambda n: "all" if n == 0 else f"top {n}",
        )
        view = st.session_state[ui.VIEW]
        matrix = ui.per_view(stances_view, analysis, view, ui.stances_counts(view))
        if matrix.figure is None:
            st.info(
                "No statement in view is about another actor — include guessed targets or clear the filters."
            )
        else:
            if matrix.note:
                st.caption(matrix.note)
            st.plotly_chart(matrix.figure, key="stances_chart", width=charts.chart_width(matrix.figure))
        s_col, o_col = st.columns(2)
        speaker_ids = stances.pick_options(matrix.pairs, "speaker", view.by)
        target_ids = stances.pick_options(matrix.pairs, "target", view.target)
        ui.synced(
            s_col.selectbox,
            "by",
            view.by,
            label="Speaker",
            options=speaker_ids,
            index=None,
            format_func=lambda a: choices.actors.get(a, a),
            placeholder="Pick a speaker",
        )
        ui.synced(
            o_col.selectbox,
            "target",
            view.target,
            label="About",
            options=target_ids,
            index=None,
            format_func=lambda a: stances.label(choices.actors, a),
            placeholder="Pick an actor spoken of",
        )
        view = st.session_state[ui.VIEW]
        if view.by or view.target:
            evidence = stances.pair_evidence(matrix.targets, view.by, view.target)
            st.markdown(f"**Evidence: {len(evidence)} statement(s)**")
            if evidence.empty:
                st.info("No statement of this speaker about this actor in view.")
            else:
                evidence_columns = [
                    "speaker",
                    "target",
                    "polarity",
                    "basis",
                    "reader",
                    "text",
                    "date",
                    "source",
                ]
                st.dataframe(
                    frames.shown_columns(evidence.head(frames.MAX_ROWS), evidence_columns, long=["text"]),
                    hide_index=True,
                    column_order=evidence_columns,
                    row_height=78,
                    column_config={
                        "target": st.column_config.TextColumn("about"),
                        "text": st.column_config.TextColumn("statement", width=460),
                        "reader": st.column_config.LinkColumn("reader", display_text="Open", width=55),
                    },
                )
                ui.export_buttons(evidence, "stances")
ui.share_box(view, PAGE)
