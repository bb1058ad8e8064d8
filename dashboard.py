"""Triangulate home: the corpus at a glance, the ingest report, and uploads for this session."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import ui
from lib.view import frames
from lib.view.pages import home_pairs, overview_view
from lib.view.render import plain_md


def documents_table(docs: pd.DataFrame) -> None:
    """The documents in view, latest first: listed when asked for (a grid's first draw costs the
    browser's main thread ~0.16 s, docs/benchmarks.md session 33); the exports hold all either way."""
    listed = docs.sort_values("date", ascending=False, kind="stable").head(frames.MAX_ROWS)
    if len(listed) < len(docs):
        st.caption(
            f"The {len(listed):,} latest of {len(docs):,} documents are listed; the CSV and JSON hold all."
        )
    st.dataframe(  # report date and source first: the id is long and would push them off screen
        listed,
        hide_index=True,
        column_order=["date", "source", "title", "doc_id", "date_basis", "language", "chars"],
        column_config={"date": st.column_config.TextColumn("report date", width=95)},
    )


analysis, view = ui.page(
    "Overview",
    "",
    "Triangulate reads many reports of the same crisis side by side. This overview (the first entry, "
    "“dashboard”, in the navigation) counts what is in view; open Timeline, Actor positions, Source "
    "comparison or Reader for the detail. Filters on the left apply to every page.",
)
home = ui.per_view(overview_view, analysis, view, ui.home_quotes(analysis, view))
docs = home.docs
events = ui.home_events(analysis, view)
pairs = home_pairs(list(docs["doc_id"]))  # the memory benchmark (tools.appmem) counts the same pairs
paired = ui.with_documents(analysis, sorted({d for pair in pairs for d in pair}))
key = ui.corpus_key(paired)
discrepancies = sum(len(ui.cached_compare(key, paired, a, b).discrepancies) for a, b in pairs)


cols = st.columns(5)
cols[0].metric("Documents", len(docs))
cols[1].metric("Sources", docs["source"].nunique())
cols[2].metric("Quotes", home.quotes)
cols[3].metric("Events", events)
if pairs or len(docs) < 2:
    cols[4].metric("Discrepancies", discrepancies, help="Between every pair of documents in view.")
else:  # too many documents to compare every pair: the claims the corpus step found contested
    cols[4].metric(
        "Contested claims",
        ui.contested_count(analysis, view),
        help="Too many documents in view to compare every pair: this counts the claims across the corpus "
        "that reports contradict each other on (a confident discrepancy between two of its reports; "
        "Source comparison, tab “Claims across the corpus”, shows both versions).",
    )

if docs.empty:
    st.info("No documents match these filters — widen the date range or clear the source filter.")
else:
    left, right = st.columns([3, 2])
    if home.docs_figure is not None:
        left.plotly_chart(home.docs_figure, key="docs_chart")
    if home.speakers_figure is None:
        right.info("No quoted speakers in view — clear the actor filter, or add documents.")
    else:
        right.plotly_chart(home.speakers_figure, key="speakers_chart")
    if home.uncertain:
        right.caption(
            f"Not counted: {home.uncertain} quote(s) whose speaker rests on evidence often wrong (a "
            "phrase kept as written, a pronoun the text does not settle); the tables mark them “(uncertain)”."
        )
    if unresolved := home.unresolved:
        right.caption(
            f"Not counted: {len(unresolved)} unresolved speaker(s), phrases not tied to an actor — "
            + ", ".join(f"“{plain_md(s)}”" for s in unresolved[:5])  # phrases from the reports
            + (" …" if len(unresolved) > 5 else "")
        )
    st.subheader("Documents")
    if late := frames.future_dated(docs, date.today()):
        st.warning(plain_md(late))  # sources come from the files
    ui.on_demand(f"List the {len(docs):,} documents", "doc_list", lambda: documents_table(docs))
    ui.export_buttons(docs, "documents")

st.subheader("Ingest report")
errors = home.errors
if errors.empty:
    st.caption("Every file was read.")
else:
    st.caption("These files were skipped; the rest of the corpus is shown.")
    st.dataframe(errors, hide_index=True)

st.subheader("Add documents")
if ui.reads_store():
    # An upload is analysed together with the whole corpus: on a large store that is every document.
    st.caption("This dashboard reads a store: add documents with `python -m lib ingest PATH --store DIR`.")
else:
    from lib.read.ingest import MAX_FILE_MB  # trafilatura and lxml: imported where files are read only

    st.caption("Uploaded reports stay in this browser session only: no other user sees them.")
    uploaded = st.file_uploader(
        "Text, HTML or JSONL reports",
        accept_multiple_files=True,
        key=ui.upload_key(),
        type=None,
        max_upload_size=MAX_FILE_MB,  # the server's maxUploadSize too (.streamlit/config.toml)
    )
    if ui.take_uploads(uploaded or []):
        st.rerun()  # analyse the new documents together with the corpus, under an empty box
    if names := ui.upload_names():
        st.text("In this session: " + ", ".join(names))
        st.button("Forget uploaded documents", on_click=ui.forget_uploads)
ui.share_box(view, "")
