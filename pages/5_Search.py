"""Search: the sentences of the corpus holding every word of a search, the sidebar filters applied."""

from __future__ import annotations

import streamlit as st

import ui
from lib.view import search, urls
from lib.view.render import plain_md

PAGE = "Search"

analysis, view = ui.page(
    "Search",
    PAGE,
    "Every sentence of the reports in view that holds all the words, case and accents ignored: "
    "“quoted phrase” for words in a row, word* for words starting so. Sentences naming the words "
    "more often come first, then the newer reports. “Open” shows the sentence in the Reader.",
)
ui.synced(
    st.text_input,
    "q",
    view.q,
    ui.query_text,
    label="Search",
    placeholder="e.g. ceasefire “peace talks” sanction*",
    max_chars=urls.MAX_QUERY,
)
view = st.session_state[ui.VIEW]
query = search.parse(view.q)
if not query:
    st.info("Type words to find — every sentence holding all of them is listed with its report.")
else:
    if query.dropped:
        st.warning(
            plain_md(f"Searched the first {search.MAX_TERMS} terms; left out: {', '.join(query.dropped)}")
        )
    result = search.search(analysis, view.filters, query)
    hits = search.hits_frame(analysis, result, view.filters, view.q)
    terms = ", ".join(t.label for t in query.terms)
    docs = hits["doc_id"].nunique()
    matched = ui.search_matched(result.matched)
    in_docs = f"in {docs:,} report{'s' * (docs != 1)}"
    sentences = f"{matched:,} sentence{'s' * (matched != 1)}"
    if matched > len(result.hits):
        st.subheader(f"{sentences}: the best {len(result.hits):,}, {in_docs}")
    else:
        st.subheader(f"{sentences} {in_docs}")
    st.caption(plain_md(f"Holding every one of: {terms}."))
    if hits.empty:
        st.info("No sentence holds all these words with these filters — drop a word or widen the filters.")
    else:
        st.dataframe(
            hits,
            hide_index=True,
            row_height=78,
            column_order=["sentence", "reader", "source", "date", "title", "matched"],
            column_config={
                "sentence": st.column_config.TextColumn("sentence", width=520),
                "reader": st.column_config.LinkColumn("reader", display_text="Open", width=60),
                "source": st.column_config.TextColumn("source", width=120),
                "date": st.column_config.TextColumn("report date", width=95),
                "title": st.column_config.TextColumn("title", width=200),
                "matched": st.column_config.TextColumn("matched", width=120),
            },
        )
        lines = hits["source"] + ", " + hits["date"] + ": " + hits["sentence"]
        ui.export_with_brief(analysis, view, PAGE, hits, "search", f"Search: {view.q}", lines)
ui.share_box(view, PAGE)
