"""Plotly figures built from the frames of lib.frames (one builder per chart, no Streamlit)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

# Marker per date precision: a filled circle is a known day; open shapes are vaguer; a
# left-pointing triangle is "on or before" (a report only dates the event by its own date).
PRECISION_SYMBOLS = {
    "day": "circle",
    "week": "diamond-open",
    "month": "square-open",
    "year": "hexagon-open",
    "on_or_before": "triangle-left",
}
STANCE_ORDER = ["supports", "conditional", "neutral", "demands", "threatens", "opposes"]
STANCE_COLORS = {
    "supports": "#4c9a6a",
    "conditional": "#c9b458",
    "neutral": "#b8bec6",
    "demands": "#d98b3a",
    "threatens": "#b5523b",
    "opposes": "#7d3c98",
}
STATUS_COLORS = {"same": "#6c9bc9", "related": "#a7c4df", "only": "#c9c9c9", "discrepancy": "#d98b3a"}
LAYOUT = {
    "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "right", "x": 1, "title": None},
}
DAY = pd.Timedelta(days=1)


def _plain(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Plotly reads a few HTML tags (links, bold) in labels and hovers: report text must stay text."""
    return frame.assign(**{c: frame[c].astype(str).map(html.escape) for c in columns if c in frame})


def _height(rows: int) -> int:
    return max(260, 60 + 38 * rows)


def timeline_figure(frame: pd.DataFrame, group: str = "actor") -> go.Figure:
    """Events over event time, one row per actor or source; marker symbol shows date precision."""
    frame = _plain(frame, "row", "summary", "sources", "reported")
    rows = sorted(frame["row"].unique()) if not frame.empty else []
    fig = px.scatter(
        frame,
        x="day",
        y="row",
        symbol="precision",
        symbol_map=PRECISION_SYMBOLS,
        category_orders={"row": rows, "precision": list(PRECISION_SYMBOLS)},
        hover_name="summary",
        hover_data={"event_date": True, "sources": True, "reported": True, "day": False, "row": False},
        labels={"day": "event date", "row": group, "precision": "date precision"},
    )
    fig.update_traces(marker={"size": 14, "line": {"width": 2}, "color": "#3d6fa5", "opacity": 0.75})
    if not frame.empty:  # days, not hours, even when every event falls on one or two days
        first, last = frame["day"].min() - DAY, frame["day"].max() + DAY
        fig.update_xaxes(range=[first, last], tickformat="%d %b %Y")
        if last - first < pd.Timedelta(days=40):
            fig.update_xaxes(dtick=DAY.total_seconds() * 1000)  # one tick a day, in milliseconds
    fig.update_layout(height=_height(len(rows)), title="Events by event date (not report date)", **LAYOUT)
    return fig


def _dominant(frame: pd.DataFrame) -> pd.DataFrame:
    """Per actor and issue: the stance said most often, all statements counted."""
    ranked = frame.sort_values("count", ascending=False, kind="stable")
    top = ranked.drop_duplicates(["actor", "issue_label"])[["actor", "issue_label", "stance"]]
    totals = frame.groupby(["actor", "issue_label"], as_index=False)["count"].sum()
    return top.merge(totals, on=["actor", "issue_label"])


def _stance_scale() -> list[list[float | str]]:
    """A stepped colourscale: integer code i of STANCE_ORDER gets STANCE_COLORS of that stance."""
    n = len(STANCE_ORDER)
    scale: list[list[float | str]] = []
    for i, stance in enumerate(STANCE_ORDER):
        scale += [[i / n, STANCE_COLORS[stance]], [(i + 1) / n, STANCE_COLORS[stance]]]
    return scale


def positions_figure(frame: pd.DataFrame) -> go.Figure:
    """Actor x issue heatmap: colour is the stance, the number is how many statements."""
    empty = pd.DataFrame(columns=["actor", "issue_label", "stance", "count"])
    cells = _dominant(_plain(frame, "actor", "issue_label")) if not frame.empty else empty
    code = cells.assign(code=cells["stance"].map(STANCE_ORDER.index))
    z = code.pivot(index="actor", columns="issue_label", values="code")
    text = code.pivot(index="actor", columns="issue_label", values="count")
    stance = code.pivot(index="actor", columns="issue_label", values="stance")
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(dtype=float),
            x=list(z.columns),
            y=list(z.index),
            text=text.map(lambda v: "" if pd.isna(v) else f"{int(v)}").to_numpy(),
            customdata=stance.fillna("").to_numpy(),
            texttemplate="%{text}",
            hovertemplate="%{y} on %{x}: %{customdata} (%{text} statements)<extra></extra>",
            zmin=0,
            zmax=len(STANCE_ORDER),
            colorscale=_stance_scale(),
            showscale=False,
            xgap=3,
            ygap=3,
        )
    )
    fig.update_layout(height=_height(len(z.index)), title="Stance by actor and issue", **LAYOUT)
    return fig


def stance_legend() -> list[tuple[str, str]]:
    return [(s, STANCE_COLORS[s]) for s in STANCE_ORDER]


def documents_figure(frame: pd.DataFrame) -> go.Figure:
    """Documents per report date, coloured by source."""
    counts = (
        _plain(frame, "source")
        .groupby(["date", "source"], as_index=False)
        .size()
        .rename(columns={"size": "documents"})
    )
    fig = px.bar(counts, x="date", y="documents", color="source", labels={"date": "report date"})
    fig.update_xaxes(type="category", categoryorder="category ascending")
    fig.update_yaxes(dtick=1)
    fig.update_layout(height=280, title="Documents by report date and source", **LAYOUT)
    return fig


def speakers_figure(frame: pd.DataFrame) -> go.Figure:
    """The most quoted speakers, most quoted on top."""
    fig = px.bar(_plain(frame, "speaker"), x="quotes", y="speaker", orientation="h", hover_data=["documents"])
    fig.update_traces(marker_color="#3d6fa5")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_layout(height=_height(len(frame)), title="Most quoted", **LAYOUT)
    return fig


def claims_figure(frame: pd.DataFrame) -> go.Figure:
    """How each report's claims split into aligned, only-here and discrepant."""
    counts = frame.groupby(["side", "status"], as_index=False).size().rename(columns={"size": "claims"})
    fig = px.bar(
        counts,
        x="claims",
        y="side",
        color="status",
        orientation="h",
        color_discrete_map=STATUS_COLORS,
        category_orders={"side": ["A", "B"], "status": list(STATUS_COLORS)},
    )
    fig.update_layout(height=220, title="Claims of A and B", **LAYOUT)
    return fig


def mentions_figure(frame: pd.DataFrame) -> go.Figure:
    fig = px.bar(_plain(frame, "actor"), x="mentions", y="actor", orientation="h")
    fig.update_traces(marker_color="#3d6fa5")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_layout(height=_height(len(frame)), title="Actors named in this document", **LAYOUT)
    return fig
