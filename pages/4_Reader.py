"""Reader: one document with its actors, quotes and dates highlighted; a linked span marked."""

from __future__ import annotations

import streamlit as st

import ui
from lib.view import frames, render, urls
from lib.view.pages import reader_view

PAGE = "Reader"

analysis, view = ui.page(
    "Reader",
    PAGE,
    "The report as it was read: quotes shaded, actors underlined, dates dotted. Hover a highlight "
    "to see who said it or what date it means; a link from another page marks its sentence in orange; "
    "a search marks its words in yellow.",
)
doc_id = urls.reader_doc(analysis, view)
if doc_id is None:
    st.info("No documents to read — add some on the home page.")
    st.stop()
offered = frames.report_choices(analysis, view.filters, (doc_id,))
pick, find = st.columns([3, 2])
ui.synced(
    pick.selectbox, "doc", doc_id, label="Document", options=offered.ids, format_func=ui.doc_label(analysis)
)
if offered.left_out:
    pick.caption(frames.report_choices_note(offered))
ui.synced(
    find.text_input, "q", view.q, ui.query_text, label="Find in this document", max_chars=urls.MAX_QUERY
)
view = st.session_state[ui.VIEW]
doc = analysis.document(view.doc or doc_id)
ui.outside_filters_note(analysis, view, (doc.id,))
source = doc.source or f"{doc.id} (no source given)"
about = f"{source}, {doc.date or 'undated'} ({doc.date_basis} date)"
translated = f", translated from {doc.translated_from}" if doc.translated_from else ""
st.html(render.snippet_html(about + translated, label=f"{doc.title or doc.id} —"))

shown = reader_view(analysis, view, doc.id)
if shown.notice:
    st.warning(shown.notice)
if shown.passage:
    st.html(shown.passage)

text_col, side_col = st.columns([3, 1])
with text_col:
    st.html(shown.text + render.SCROLL_SCRIPT, unsafe_allow_javascript=True)
with side_col:
    if shown.mentions_figure is None:
        st.caption("No actors found in this document.")
    else:
        st.plotly_chart(shown.mentions_figure, key="mentions_chart")

if (hits := shown.hits) is not None:
    st.subheader(f"Found in this document ({shown.matched})")
    if hits.empty:
        st.caption("No sentence of this document holds all these words.")
    else:
        st.dataframe(
            hits,
            hide_index=True,
            column_order=["sentence", "reader", "matched", "start", "end"],
            column_config={"reader": st.column_config.LinkColumn("reader", display_text="Open", width=60)},
        )

quotes = shown.quotes
st.subheader(f"Quotes in this document ({len(quotes)})")
if quotes.empty:
    st.caption("No quotes found here with these filters — clear the actor filter to see every speaker.")
else:
    st.caption("Shaded in the text above: hover one for its speaker.")
    ui.on_demand(
        f"List the {len(quotes):,} quotes",
        "quote_list",
        lambda: st.dataframe(
            quotes, hide_index=True, column_order=["speaker", "kind", "cue", "quote", "start", "end"]
        ),
    )
    lines = quotes["speaker"] + ": “" + quotes["quote"] + "”"
    ui.export_with_brief(analysis, view, PAGE, quotes, f"quotes-{doc.id}", f"Quotes in {doc.id}", lines)
ui.share_box(view, PAGE)
