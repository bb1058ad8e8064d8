"""Who quotes whom: each source's speakers, and the actors whose quotes name other actors."""

from __future__ import annotations

import streamlit as st

import ui
from lib.view import network
from lib.view.render import plain_md

PAGE = "Network"
PICKED = "tg_network_picked"  # the chart click last applied: a click is applied once

analysis, view = ui.page(
    "Who quotes whom",
    PAGE,
    "Above, whom each source quotes: quotes per source and actor, how many actors and how much of its "
    "quoting goes to its three most quoted. Below, an arrow A → B when a quote by A names B; its width "
    "is the number of such quotes. Click an actor or an arrow's middle dot to read the quotes.",
)
diversity, per_source = ui.source_diversity(analysis, view)
st.subheader("Whom each source quotes")
if per_source.empty:
    st.info("No quotes tied to an actor with these filters — widen the date range or clear the filters.")
else:
    st.plotly_chart(network.diversity_figure(per_source), key="diversity_chart")
    st.dataframe(
        diversity,
        hide_index=True,
        column_config={
            "attributed": st.column_config.NumberColumn("quotes of actors", help="quotes tied to an actor"),
            "speakers": st.column_config.NumberColumn("actors quoted"),
            "top_speakers": st.column_config.TextColumn("most quoted", width=320),
            "top_share": st.column_config.NumberColumn(
                "top-3 share",
                help="share of the actors' quotes going to the three most quoted",
                format="%.2f",
            ),
        },
    )
    ui.export_buttons(per_source, "source-speakers")

st.subheader("Who speaks about whom")
found = network.exchanges(analysis, view.filters)  # on a store: those of the actors picked
edges = ui.network_edges(analysis, view)
if edges.empty:
    st.info("No quote by one actor names another with these filters — widen the filters.")
    ui.share_box(view, PAGE)
    st.stop()
nodes = network.nodes_frame(edges)
st.caption(
    f"{len(edges)} exchanges between {len(set(edges['speaker_id']) | set(edges['about_id']))} actors; "
    f"the {len(nodes)} actors in most exchanges and the {network.TOP_EDGES} heaviest arrows between them "
    "are drawn; the table at the bottom lists every exchange."
)
event = st.plotly_chart(
    network.network_figure(edges, nodes), key="network_chart", on_select="rerun", selection_mode="points"
)
clicked = network.picked(event)
if clicked and clicked != st.session_state.get(PICKED):
    st.session_state[PICKED] = clicked
    kind, first, second = clicked
    ui.set_view("node", first if kind == "node" else None)
    ui.set_view("speaker", first if kind == "edge" else None)
    ui.set_view("about", second if kind == "edge" else None)
    view = st.session_state[ui.VIEW]

names = dict(zip(edges["speaker_id"], edges["speaker"], strict=True)) | dict(
    zip(edges["about_id"], edges["about"], strict=True)
)
pairs = {
    f"{s}\t{a}": f"{sn} → {an} ({n})"
    for s, a, sn, an, n in edges[["speaker_id", "about_id", "speaker", "about", "quotes"]].itertuples(
        index=False
    )
}
left, right = st.columns(2)
ui.synced(
    left.selectbox,
    "node",
    view.node if view.node in names else None,
    label="Actor",
    index=None,
    options=sorted(names, key=lambda a: names[a].casefold()),
    format_func=lambda a: names.get(a, a),
    placeholder="Pick an actor",
)
chosen = f"{view.speaker}\t{view.about}" if f"{view.speaker}\t{view.about}" in pairs else None


def pick_exchange() -> None:
    value = st.session_state["w_exchange"]
    speaker, about = value.split("\t") if value else (None, None)
    ui.set_view("speaker", speaker)
    ui.set_view("about", about)
    ui.set_view("node", None)


st.session_state["w_exchange"] = chosen
right.selectbox(
    "Exchange",
    options=list(pairs),
    index=None,
    key="w_exchange",
    format_func=lambda p: pairs.get(p, p),
    on_change=pick_exchange,
    placeholder="Pick an exchange (speaker → named)",
)
view = st.session_state[ui.VIEW]

shown = network.exchanges_frame(analysis, network.selected(found, view.node, view.speaker, view.about))
if view.speaker and view.about:
    title = f"Quotes by {names.get(view.speaker, view.speaker)} naming {names.get(view.about, view.about)}"
elif view.node:
    title = f"Exchanges of {names.get(view.node, view.node)}: its quotes naming others, others' naming it"
else:
    title = ""
if not title:
    st.caption("Pick an actor or an exchange (or click one in the chart) to read its quotes.")
else:
    st.markdown(f"**{plain_md(title)}** ({len(shown)})")
    st.dataframe(
        shown,
        hide_index=True,
        row_height=78,
        column_order=["speaker", "about", "quote", "reader", "source", "date", "sentence"],
        column_config={
            "about": st.column_config.TextColumn("names", width=130),
            "quote": st.column_config.TextColumn("quote", width=380),
            "reader": st.column_config.LinkColumn("reader", display_text="Open", width=60),
            "sentence": st.column_config.TextColumn("sentence", width=320),
        },
    )
    lines = shown["speaker"] + " on " + shown["about"] + ": “" + shown["quote"] + "”"
    ui.export_with_brief(analysis, view, PAGE, shown, "exchanges", title, lines)
st.markdown("**Every exchange**")
st.dataframe(edges, hide_index=True, column_order=["speaker", "about", "quotes", "documents", "sources"])
ui.export_buttons(edges, "exchanges-all")
ui.share_box(view, PAGE)
