"""Who quotes whom, and who speaks about whom: source diversity and the actors' network.

Source diversity counts, per source, the quotes of each speaker the attribution tied to an actor
(lib/extract/quotes): how many distinct actors a source quotes and how much of its quoting goes to
its three most quoted (a concentration measure in the spirit of the Gender Gap Tracker's and
the Reuters Institute's source counts: few voices, most of the quotes).

The network has an edge A → B when a quote attributed to actor A mentions actor B inside the
quoted words (an actor mention, lib/extract/actors, lying within the quote's span); its weight is
the number of such quotes and its evidence is the quotes themselves. A quote mentioning its own
speaker makes no edge. Places are not actors here (urls.ACTOR_TYPES), as in the sidebar.
"""

from __future__ import annotations

import html
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib.records import Analysis, Mention, Quote
from lib.view.filters import Filters
from lib.view.frames import PROVENANCE, actor_name, docs_in_view, provenance, sentence_lookup, table
from lib.view.urls import ACTOR_TYPES, reader_link

TOP_NODES = 15  # actors drawn by default: past that a circle of names stops being readable
TOP_EDGES = 30  # arrows drawn at most, the heaviest: more cross into a mesh no one can follow
TOP_SHARE = 3  # the "top speakers" whose share of a source's quotes is reported


@dataclass(frozen=True)
class Exchange:
    """A quote by ``quote.speaker_id`` that mentions actor ``about`` within its words."""

    quote: Quote
    about: str


def _is_actor(analysis: Analysis, actor_id: str | None) -> bool:
    actor = analysis.actor(actor_id) if actor_id else None
    return actor is not None and actor.type in ACTOR_TYPES


def _mentions_by_doc(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    for found in by_doc.values():
        found.sort(key=lambda m: (m.start, m.end))
    return by_doc


def _within(mentions: list[Mention], start: int, end: int) -> Iterator[Mention]:
    i = bisect_left([m.start for m in mentions], start)
    for m in mentions[i:]:
        if m.start >= end:
            return
        if m.end <= end:
            yield m


def exchanges(analysis: Analysis, filters: Filters) -> list[Exchange]:
    """Every quote in view (its document kept by the filters) that mentions another actor; with an
    actor filter, those whose speaker or mentioned actor is one of the filter's."""
    docs = docs_in_view(analysis, filters)
    by_doc = _mentions_by_doc(analysis.mentions)
    chosen = set(filters.actors)
    found: list[Exchange] = []
    for q in analysis.quotes:
        if q.doc_id not in docs or not _is_actor(analysis, q.speaker_id):
            continue
        named = {m.actor_id for m in _within(by_doc.get(q.doc_id, []), q.start, q.end)}
        for about in sorted(a for a in named if a != q.speaker_id and _is_actor(analysis, a)):
            if not chosen or q.speaker_id in chosen or about in chosen:
                found.append(Exchange(q, about))
    return found


EXCHANGE_COLUMNS = ["speaker", "speaker_id", "about", "about_id", "quote", "kind", "reader", *PROVENANCE]


def exchanges_frame(analysis: Analysis, found: Sequence[Exchange]) -> pd.DataFrame:
    """One row per exchange: who speaks, whom the quote names, the quote and its provenance."""
    sentence_of = sentence_lookup(analysis)
    rows = (
        {
            "speaker": actor_name(analysis, e.quote.speaker_id),
            "speaker_id": e.quote.speaker_id or "",
            "about": actor_name(analysis, e.about),
            "about_id": e.about,
            "quote": e.quote.text,
            "kind": e.quote.kind,
            "reader": reader_link(e.quote.doc_id, e.quote.start, e.quote.end),
            **provenance(
                analysis.document(e.quote.doc_id),
                e.quote.start,
                e.quote.end,
                sentence_of(e.quote.doc_id, e.quote.start, e.quote.end),
            ),
        }
        for e in found
    )
    return table(rows, EXCHANGE_COLUMNS)


EDGE_COLUMNS = ["speaker", "about", "quotes", "documents", "sources", "speaker_id", "about_id"]


def edges_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per edge speaker → about: its quotes (the weight), documents and sources."""
    if frame.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    keys = ["speaker_id", "about_id", "speaker", "about"]
    edges = frame.drop_duplicates([*keys, "doc_id", "start", "end"]).groupby(keys, as_index=False)
    out = edges.agg(quotes=("quote", "size"), documents=("doc_id", "nunique"), sources=("source", "nunique"))
    out = out.sort_values(["quotes", "speaker", "about"], ascending=[False, True, True], kind="stable")
    return out[EDGE_COLUMNS].reset_index(drop=True)


def edges_of(analysis: Analysis, found: Sequence[Exchange]) -> pd.DataFrame:
    """``edges_frame(exchanges_frame(analysis, found))`` without a row per exchange: at 10,000
    reports the exchanges' frame (provenance, sentence, link per row) took a second, the edges
    need only who, whom, and which quote of which report (lib/store/slices.py
    store_network_edges counts the same in SQL)."""
    sources = {d.id: d.source for d in analysis.documents}
    pairs: dict[tuple[str, str], tuple[set[tuple[str, int, int]], set[str], set[str]]] = {}
    for e in found:
        q = e.quote
        spans, docs, outlets = pairs.setdefault((q.speaker_id or "", e.about), (set(), set(), set()))
        spans.add((q.doc_id, q.start, q.end))
        docs.add(q.doc_id)
        outlets.add(sources[q.doc_id])
    counts = [(s, a, len(q), len(d), len(o)) for (s, a), (q, d, o) in pairs.items()]
    return edges_table(analysis, counts)


def edges_table(analysis: Analysis, counts: Sequence[tuple[str, str, int, int, int]]) -> pd.DataFrame:
    """The edges frame of (speaker id, about id, quotes, documents, sources) counts, named and
    ranked as ``edges_frame`` ranks them."""
    if not counts:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    rows = [
        {
            "speaker": actor_name(analysis, speaker),
            "about": actor_name(analysis, about),
            "quotes": quotes,
            "documents": docs,
            "sources": outlets,
            "speaker_id": speaker,
            "about_id": about,
        }
        for speaker, about, quotes, docs, outlets in counts
    ]
    out = table(rows, EDGE_COLUMNS)
    out = out.sort_values(["speaker_id", "about_id"], kind="stable")  # ties as edges_frame's groups
    out = out.sort_values(["quotes", "speaker", "about"], ascending=[False, True, True], kind="stable")
    return out.reset_index(drop=True)


def selected(
    found: Sequence[Exchange], node: str | None, speaker: str | None, about: str | None
) -> list[Exchange]:
    """The exchanges ``evidence`` keeps, picked before any frame is built."""
    if speaker and about:
        return [e for e in found if e.quote.speaker_id == speaker and e.about == about]
    if node:
        return [e for e in found if node in (e.quote.speaker_id, e.about)]
    return []


def nodes_frame(edges: pd.DataFrame, top: int = TOP_NODES) -> pd.DataFrame:
    """The ``top`` actors in most exchanges (quotes by them naming others plus others' naming them)."""
    if edges.empty:
        return pd.DataFrame(columns=["actor_id", "name", "spoke", "named", "weight"])
    spoke = edges.groupby(["speaker_id", "speaker"])["quotes"].sum()
    named = edges.groupby(["about_id", "about"])["quotes"].sum()
    spoke.index.names = named.index.names = ["actor_id", "name"]
    nodes = pd.concat([spoke.rename("spoke"), named.rename("named")], axis=1).fillna(0).astype(int)
    nodes = nodes.reset_index().assign(weight=lambda f: f["spoke"] + f["named"])
    nodes = nodes.sort_values(["weight", "name"], ascending=[False, True], kind="stable").head(top)
    return nodes.reset_index(drop=True)


def evidence(frame: pd.DataFrame, node: str | None, speaker: str | None, about: str | None) -> pd.DataFrame:
    """The exchanges behind a selection: an edge (speaker and about) or every edge of a node."""
    if frame.empty:
        return frame
    if speaker and about:
        return frame[(frame["speaker_id"] == speaker) & (frame["about_id"] == about)]
    if node:
        return frame[(frame["speaker_id"] == node) | (frame["about_id"] == node)]
    return frame.iloc[0:0]


def circle_layout(ids: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle in the order given (most connected first, from the top, clockwise):
    deterministic, and no edge hides behind a node as in a force layout's crowded centre."""
    n = max(len(ids), 1)
    return {a: (math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n)) for i, a in enumerate(ids)}


def _shorten(p: tuple[float, float], q: tuple[float, float], by: float) -> tuple[float, float]:
    """``q`` moved ``by`` toward ``p``: an arrow ends at the edge of the node's marker, not its centre."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(dx, dy) or 1.0
    return q[0] - dx / length * by, q[1] - dy / length * by


def network_figure(edges: pd.DataFrame, nodes: pd.DataFrame) -> go.Figure:
    """The top actors on a circle, an arrow per edge between them (width by quotes); a marker at each
    edge's middle and each node carries what a click selects (customdata: kind, ids)."""
    ids = list(nodes["actor_id"])
    pos = circle_layout(ids)
    names = dict(zip(nodes["actor_id"], nodes["name"], strict=True))
    shown = edges[edges["speaker_id"].isin(pos) & edges["about_id"].isin(pos)].head(TOP_EDGES)
    fig = go.Figure()
    heaviest = max(int(shown["quotes"].max()), 1) if not shown.empty else 1
    mids_x, mids_y, mids_text, mids_data = [], [], [], []
    for e in shown.to_dict("records"):
        count = int(e["quotes"])
        a, b = pos[str(e["speaker_id"])], pos[str(e["about_id"])]
        # Both directions of a pair are drawn: bend each a little to its right so they do not overlap.
        mx, my = (a[0] + b[0]) / 2 + (b[1] - a[1]) * 0.08, (a[1] + b[1]) / 2 - (b[0] - a[0]) * 0.08
        end = _shorten((mx, my), b, 0.07)
        width = 1 + 5 * count / heaviest
        fig.add_trace(
            go.Scatter(
                x=[a[0], mx],
                y=[a[1], my],
                mode="lines",
                line={"width": width, "color": "#9bb3cc"},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        fig.add_annotation(
            x=end[0],
            y=end[1],
            ax=mx,
            ay=my,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=2,
            arrowsize=1,
            arrowwidth=width,
            arrowcolor="#9bb3cc",
            text="",
        )
        mids_x.append(mx)
        mids_y.append(my)
        speaker, about = (html.escape(names[str(e[k])]) for k in ("speaker_id", "about_id"))
        mids_text.append(f"{speaker} → {about}: {count} quote{'s' * (count != 1)}")
        mids_data.append(["edge", str(e["speaker_id"]), str(e["about_id"])])
    fig.add_trace(
        go.Scatter(
            x=mids_x,
            y=mids_y,
            mode="markers",
            marker={"size": 11, "color": "#3d6fa5", "opacity": 0.55},
            hovertext=mids_text,
            hoverinfo="text",
            customdata=mids_data,
            showlegend=False,
            name="exchanges",
        )
    )
    weight = nodes["weight"].astype(float)
    sizes: list[float] = list(14 + 26 * weight / max(float(weight.max()), 1.0)) if len(nodes) else []
    labels = [html.escape(n) for n in nodes["name"]]
    fig.add_trace(
        go.Scatter(
            x=[pos[a][0] for a in ids],
            y=[pos[a][1] for a in ids],
            mode="markers+text",
            text=labels,
            textposition=[label_side(*pos[a]) for a in ids],
            marker={"size": sizes, "color": "#d98b3a", "line": {"width": 1, "color": "#ffffff"}},
            hovertext=[
                f"{lbl}: quoted naming others {s}×, named in others' quotes {n}×"
                for lbl, s, n in zip(labels, nodes["spoke"], nodes["named"], strict=True)
            ],
            hoverinfo="text",
            customdata=[["node", a, ""] for a in ids],
            showlegend=False,
            name="actors",
        )
    )
    axis = {"visible": False, "range": [-1.45, 1.45]}
    fig.update_layout(
        xaxis=axis,
        yaxis={**axis, "scaleanchor": "x"},
        height=620,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        clickmode="event+select",
        dragmode=False,
        plot_bgcolor="#ffffff",
    )
    return fig


SIDE = 0.5  # a node this far from the vertical axis (of the unit circle) is on a side


def label_side(x: float, y: float) -> str:
    """Where a node's label goes on the circle: outward, away from the arrows inside it (to the
    left of a node on the left side, above one at the top), so that no label lies on a node or on
    the lines between them."""
    if x < -SIDE:
        return "middle left"
    if x > SIDE:
        return "middle right"
    return "top center" if y >= 0 else "bottom center"


def picked(selection: object) -> tuple[str, str, str] | None:
    """What a click on ``network_figure`` picked, from st.plotly_chart's selection state:
    ("node", id, "") or ("edge", speaker, about)."""
    points = getattr(selection, "get", lambda *_: None)("selection")
    points = (points or {}).get("points", []) if isinstance(points, dict) else []
    for point in points:
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, list | tuple) and len(data) == 3 and data[0] in ("node", "edge"):
            return str(data[0]), str(data[1]), str(data[2])
    return None


# --- source diversity ---------------------------------------------------------------------

DIVERSITY_COLUMNS = ["source", "documents", "quotes", "attributed", "speakers", "top_speakers", "top_share"]
SPEAKER_COLUMNS = ["source", "speaker", "speaker_id", "quotes"]
UNKNOWN_SOURCE = "(unknown source)"


def source_speakers_frame(analysis: Analysis, quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes per source × speaker actor, from a quotes frame (frames.quotes_frame, or the store's
    overview_quotes: speaker, speaker_id, doc_id); speakers not tied to an actor left out."""
    if quotes.empty:
        return pd.DataFrame(columns=SPEAKER_COLUMNS)
    sources = {d.id: d.source or UNKNOWN_SOURCE for d in analysis.documents}
    tied = quotes[quotes["speaker_id"] != ""].assign(source=lambda f: f["doc_id"].map(sources))
    if tied.empty:
        return pd.DataFrame(columns=SPEAKER_COLUMNS)
    out = (
        tied.groupby(["source", "speaker", "speaker_id"], as_index=False)
        .size()
        .rename(columns={"size": "quotes"})
    )
    return out.sort_values(
        ["source", "quotes", "speaker"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


def diversity_frame(analysis: Analysis, quotes: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Per source in view: documents, quotes, quotes tied to an actor, distinct actors quoted, the
    TOP_SHARE most quoted and their share of the source's attributed quotes."""
    source_of = {d.id: d.source or UNKNOWN_SOURCE for d in docs_in_view(analysis, filters).values()}
    # one pass over the quotes (a pass per source took 80 ms at 10,000 reports)
    quoted = quotes["doc_id"].map(source_of).value_counts() if not quotes.empty else pd.Series(dtype=int)
    counts = {str(s): int(n) for s, n in quoted.items()}
    return diversity_table(source_speakers_frame(analysis, quotes), counts, Counter(source_of.values()))


def diversity_table(
    per_source: pd.DataFrame, quoted: Mapping[str, int], documents: Mapping[str, int]
) -> pd.DataFrame:
    """``diversity_frame`` of its parts: ``source_speakers_frame``'s rows, the quotes per source and
    the documents per source in view (a store counts them in SQL, lib/store/slices.py)."""
    own_rows = {s: f for s, f in per_source.groupby("source", sort=False)} if not per_source.empty else {}
    rows = []
    for source in sorted(documents):
        own = own_rows.get(source, per_source.iloc[0:0])
        attributed = int(own["quotes"].sum())
        top = own.head(TOP_SHARE)
        rows.append(
            {
                "source": source,
                "documents": documents[source],
                "quotes": int(quoted.get(source, 0)),
                "attributed": attributed,
                "speakers": len(own),
                "top_speakers": ", ".join(
                    f"{s} ({n})" for s, n in zip(top["speaker"], top["quotes"], strict=True)
                ),
                "top_share": round(int(top["quotes"].sum()) / attributed, 2) if attributed else None,
            }
        )
    return table(rows, DIVERSITY_COLUMNS)


def speakers_table(rows: Sequence[tuple[str, str, str, int]]) -> pd.DataFrame:
    """``source_speakers_frame`` of (source, speaker, speaker id, quotes) counts (a store's, in SQL):
    ordered as it orders them."""
    if not rows:
        return pd.DataFrame(columns=SPEAKER_COLUMNS)
    out = pd.DataFrame(list(rows), columns=SPEAKER_COLUMNS)
    out = out.sort_values(["source", "speaker", "speaker_id"], kind="stable")  # as groupby's keys
    return out.sort_values(
        ["source", "quotes", "speaker"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


def diversity_figure(per_source: pd.DataFrame, top: int = TOP_NODES) -> go.Figure:
    """A heatmap source × the ``top`` most quoted actors: the number is the quotes."""
    speakers = list(
        per_source.groupby("speaker")["quotes"]
        .sum()
        .sort_values(ascending=False, kind="stable")
        .head(top)
        .index
    )
    grid = per_source[per_source["speaker"].isin(speakers)].pivot_table(
        index="source", columns="speaker", values="quotes", aggfunc="sum", fill_value=0
    )
    grid = grid.reindex(index=sorted(grid.index, key=reading_order), columns=speakers, fill_value=0)
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=[html.escape(str(s)) for s in grid.columns],
            y=[html.escape(str(s)) for s in grid.index],
            text=grid.to_numpy(),
            texttemplate="%{text}",
            colorscale="Blues",
            showscale=False,
            hovertemplate="%{y} quotes %{x}: %{z}<extra></extra>",
        )
    )
    fig.update_layout(
        height=max(240, 60 + 34 * len(grid.index)),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"side": "top", "tickangle": -30},
        yaxis={"autorange": "reversed"},  # the first source at the top, as a table reads
    )
    return fig


def reading_order(name: str) -> tuple[tuple[int, int | str], ...]:
    """A name's sort key as a reader sorts: case ignored, numbers by value ("Outlet 9" before
    "Outlet 16", where a string sort puts "16" first)."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", name.casefold()) if p)
