"""Source comparison: two reports side by side, claim by claim."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

import ui
from lib.view import frames, render, urls
from lib.view.pages import ComparisonView, Contest, claims_view, pair_view, pairs_table
from lib.view.pairlists import (
    CARDS_HEAD,
    TEXT_HEIGHT,
    WRAPPED_ROW,
    Shortlist,
    few_shared_note,
    shortlist,
    table_height,
)

PAGE = "Source_comparison"


def listed(where: Any, short: Shortlist, key: str, **table: Any) -> None:
    """A list's first rows, the rest in an expander under them (nothing left out), built when
    opened: a closed expander's elements are sent all the same."""
    where.dataframe(short.head, hide_index=True, height=table_height(len(short.head)), **table)
    if short.rest_label:
        ui.on_demand(
            short.rest_label, f"rest_{key}", lambda: st.dataframe(short.rest, hide_index=True, **table), where
        )


def contest_cards(contests: Sequence[Contest]) -> None:
    """One card per contested claim: why, and both versions with where each is from."""
    for c in contests:
        with st.container(border=True):
            st.html(render.snippet_html(c.reason, label=f"{c.kind}:"))
            card_a, card_b = st.columns(2)
            card_a.html(render.snippet_html(c.a.sentence, c.a.part, label=f"{c.a.where}:"))
            card_b.html(render.snippet_html(c.b.sentence, c.b.part, label=f"{c.b.where}:"))
            st.caption(f"Confidence {c.confidence:.2f}")


def discrepancy_cards(rows: pd.DataFrame, where: tuple[str, str]) -> None:
    """One card per discrepancy: what it is about, why, and both reports' sentences."""
    for d in rows.to_dict("records"):
        with st.container(border=True):
            st.html(render.snippet_html(d["about"], label=f"{d['kind']}:"))
            st.html(render.snippet_html(d["reason"]))
            card_a, card_b = st.columns(2)
            card_a.html(render.snippet_html(d["a_sentence"], d["a_text"], label=where[0]))
            card_b.html(render.snippet_html(d["b_sentence"], d["b_text"], label=where[1]))
            st.caption(f"Confidence {d['confidence']:.2f}")


def claim_lists(shown: ComparisonView) -> None:
    """What both reports say, and what only A and only B say: three tables, their first rows."""
    link = st.column_config.LinkColumn
    st.markdown(f"**What both say ({len(shown.aligned)})**")
    st.caption("Claims aligned across the two reports (same, or related).")
    listed(
        st.container(),
        shortlist(shown.aligned),
        "aligned",
        column_order=["a_text", "a_reader", "b_text", "b_reader", "relation", "score"],
        column_config={
            "a_text": st.column_config.TextColumn("A says", width=340),
            "a_reader": link("A", display_text="Open", width=45),
            "b_text": st.column_config.TextColumn("B says", width=340),
            "b_reader": link("B", display_text="Open", width=45),
            "relation": st.column_config.TextColumn(width=60),
            "score": st.column_config.NumberColumn(
                "similarity",
                format="%.2f",
                width=50,
                help="How alike the two sentences' words are (cosine, 0-1), plus a small bonus "
                "for each actor both name: a pair naming the same actors can pass 1.",
            ),
        },
        row_height=WRAPPED_ROW,
    )

    only_a, only_b = st.columns(2)
    for col, side, name in ((only_a, "A", "Only in A"), (only_b, "B", "Only in B")):
        col.markdown(f"**{name} ({len(shown.only[side])})**")
        listed(
            col,
            shortlist(shown.only[side]),
            f"only_{side}",
            column_order=["text", "reader"],
            column_config={
                "text": st.column_config.TextColumn("claim", width=380),
                "reader": link("reader", display_text="Open", width=50),
            },
            row_height=WRAPPED_ROW,
        )


def weak_differences(weak: pd.DataFrame) -> None:
    st.caption("An update over time, a speaker attributed with little evidence, a function word.")
    st.dataframe(
        weak, hide_index=True, column_order=["kind", "reason", "confidence", "a_sentence", "b_sentence"]
    )


analysis, view = ui.page(
    "Source comparison",
    PAGE,
    "Two reports side by side: claims both make share a colour, claims only one makes are listed "
    "below, and where they disagree (a number, a date, a name) a card shows both sentences. The second "
    "tab lists every claim across the corpus: who reports it, since when, and where reports contest it.",
)
pairs = ui.pairs_worth_comparing(analysis, view)
suggested = (pairs[0][0], pairs[0][1]) if pairs else None
# Only the open tab is built and sent (a tab switch reruns the page): the corpus tab's 1,000 claims,
# cards and pairs were built, sent and drawn before the pair's chart on every visit.
# the open tab is part of the view, so a shared link opens the same one
TAB_LABELS = {"pair": "Two reports", "claims": "Claims across the corpus"}
pair_tab, corpus_tab = ui.open_tabs("tab", view.tab, TAB_LABELS)

with corpus_tab:
    if corpus_tab.open:
        found, matched = ui.view_claims(analysis, view)
        shown_claims = claims_view(analysis, found, matched, pairs, view)
        table = shown_claims.table
        counts = table["verdict"].str.startswith("reported by").sum(), (table["verdict"] == "contested").sum()
        st.caption(
            f"{matched:,} claims in view (sentences of several reports saying the same thing, clustered; "
            "single-source claims that name an actor or give a figure are kept too). Listed: "
            f"{len(table):,} — {counts[0]:,} reported by several sources, "
            f"{counts[1]:,} contested on this list."
        )
        st.subheader("Pairs worth comparing")
        if shown_claims.pairs:
            st.caption(
                "The report pairs that share the most claims (most likely the same event); "
                "Open compares them."
            )
            st.dataframe(
                pairs_table(shown_claims.pairs),
                hide_index=True,
                column_config={
                    "compare": st.column_config.LinkColumn("compare", display_text="Open", width=60)
                },
            )
        else:
            st.caption("No two reports in view share a claim.")
        st.subheader(f"Contested claims ({len(shown_claims.contests)})")
        contest_cards(shown_claims.contests[:CARDS_HEAD])
        if rest := shown_claims.contests[CARDS_HEAD:]:
            ui.on_demand(
                f"Show the other {len(rest):,} contested claims", "rest_contests", lambda: contest_cards(rest)
            )
        st.subheader("All claims in view")
        st.dataframe(
            table,
            hide_index=True,
            column_order=["verdict", "claim", "sources", "first report", "last report", "reported by"],
            column_config={"claim": st.column_config.TextColumn(width="large")},
        )
        if not table.empty:
            ui.export_buttons(table, "corpus-claims")

with pair_tab:
    if pair_tab.open:
        label = ui.doc_label(analysis)
        a, b = urls.default_docs(analysis, view, suggested)
        offered = frames.report_choices(analysis, view.filters, (a, b, *(suggested or ())))
        left, right = st.columns(2)
        ui.synced(left.selectbox, "a", a, label="Report A", options=offered.ids, format_func=label)
        ui.synced(right.selectbox, "b", b, label="Report B", options=offered.ids, format_func=label)
        if offered.left_out:
            st.caption(frames.report_choices_note(offered))
        view = st.session_state[ui.VIEW]
        a, b = urls.default_docs(analysis, view, suggested)
        if a is None or b is None or a == b:
            st.info("Pick two different reports — the corpus needs at least two documents to compare.")
            st.stop()
        if suggested == (a, b) and not (view.a or view.b):
            st.caption("Opened on the two reports that share the most claims; pick any others above.")

        ui.outside_filters_note(analysis, view, (a, b))
        compared = ui.cached_compare(ui.corpus_key(analysis), analysis, a, b)
        shown = ui.per_view(pair_view, analysis, view, compared)
        claims = shown.claims
        if shown.comparison.days_apart:
            st.info(
                f"These reports tell news of different days ({shown.comparison.days_apart}): only facts "
                "told with the same date, about the same person or in the same words count as shared, "
                "and differing figures are listed as updates, not contradictions."
            )
        if note := few_shared_note(shown.comparison):
            st.info(note)
        if shown.claims_figure is None:
            st.info("No claims were aligned or told apart for these two reports — try another pair.")
        else:
            st.plotly_chart(shown.claims_figure, key="claims_chart")

        st.subheader(f"Discrepancies ({len(shown.discrepancies)})")
        sides = (f"A · {frames.doc_short(analysis, a)}:", f"B · {frames.doc_short(analysis, b)}:")
        cards = shortlist(shown.discrepancies, CARDS_HEAD)
        discrepancy_cards(cards.head, sides)
        if cards.rest_label:
            ui.on_demand(
                f"{cards.rest_label} discrepancies",
                "rest_cards",
                lambda: discrepancy_cards(cards.rest, sides),
            )
        if not shown.weak.empty:
            weak_label = f"Weak differences, not counted as contradictions ({len(shown.weak)})"
            ui.on_demand(weak_label, "weak", lambda: weak_differences(shown.weak))

        # The lists and the quoted actors are built when opened: their four tables, sent and drawn
        # before the chart, cost the browser's main thread ~0.25 s of a 1.7 s warm view (session 33).
        both, only = len(shown.aligned), {side: len(rows) for side, rows in shown.only.items()}
        st.subheader("Claims, listed")
        st.caption(
            f"{both:,} both make, {only['A']:,} only A makes, {only['B']:,} only B makes: the colours "
            "of the chart above and of the texts below. Open shows a claim in the Reader."
        )
        ui.on_demand("List the claims", "claim_lists", lambda: claim_lists(shown))

        st.subheader("Texts")
        st.caption("Each report scrolls in its own box; the marks are the claims listed above.")
        text_a, text_b = st.columns(2)
        for col, doc_id, side in ((text_a, a, "a"), (text_b, b, "b")):
            doc = analysis.document(doc_id)
            where = f"{side.upper()} · {doc.source or doc.id} · {doc.date or 'undated'}:"
            col.html(render.snippet_html(doc.title or doc.id, label=where))
            col.container(height=TEXT_HEIGHT, border=True, key=f"text_{side}").html(shown.texts[side])

        st.subheader("Who each report quotes")
        if shown.quoted.empty:
            st.caption("No quoted actors found in these two reports.")
        else:
            ui.on_demand(
                f"List the {len(shown.quoted):,} quoted actors",
                "quoted",
                lambda: st.dataframe(shown.quoted, hide_index=True),
            )
        if not claims.empty:
            lines = claims["side"] + " (" + claims["status"] + "): " + claims["text"]
            ui.export_with_brief(
                analysis, view, PAGE, claims, f"claims-{a}-{b}", f"Comparison of {a} and {b}", lines
            )
ui.share_box(view, PAGE)
