"""Plotly figures built from the frames of lib.view.frames (one builder per chart, no Streamlit)."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence
from typing import Literal

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from lib.view import axis

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


def _plain(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Plotly reads a few HTML tags (links, bold) in labels and hovers: report text must stay text."""
    return frame.assign(**{c: frame[c].astype(str).map(html.escape) for c in columns if c in frame})


def _height(rows: int, per_row: int = 38, least: int = 260) -> int:
    return max(least, 60 + per_row * rows)


HOVER_EVENTS = 5  # summaries listed in a marker's hover before "and N more"
HOVER_CHARS = 90


def _hover_list(summaries: pd.Series) -> str:
    short = [s if len(s) <= HOVER_CHARS else s[: HOVER_CHARS - 1] + "…" for s in summaries]
    more = len(short) - HOVER_EVENTS
    lines = short[:HOVER_EVENTS] + ([f"… and {more} more"] if more > 0 else [])
    return "<br>".join(f"• {line}" for line in lines)


def _joined(values: pd.Series) -> str:
    return ", ".join(dict.fromkeys(v for text in values for v in text.split(", ") if v))


# Markers side by side in a row: a 600 px wide page leaves the plot ~400 px, a marker with its
# count ~20 px (wider pages get more room, narrower ones cannot be known from here).
MARKER_SLOTS = 20
BIN_DAYS = (1, 7, 14, 28)  # what one marker may stand for: a day, a week, two, four


def marker_days(
    days: pd.Series,
    fold: tuple[bool, bool] = (True, True),
    reported_from: pd.Timestamp | None = None,
    reported_to: pd.Timestamp | None = None,
) -> int:
    """How many days one marker groups: a day while the days the axis shows (its quiet stretches
    cut, lib/view/axis.py) fit MARKER_SLOTS markers, else the shortest of BIN_DAYS that fits.
    Months of events at one marker per day drew markers over each other and over their counts."""
    known = [d for d in days if not pd.isna(d)]
    if not known:
        return 1
    runs = axis.stretches(known, axis.fit_window(known, *fold, reported_from, reported_to))
    shown = sum((last - first).days + 1 for first, last, _ in runs)
    return next((n for n in BIN_DAYS if shown / n <= MARKER_SLOTS), BIN_DAYS[-1])


def timeline_markers(
    frame: pd.DataFrame, order: Sequence[str] | None = None, bin_days: int = 1
) -> pd.DataFrame:
    """One marker per row, stretch of ``bin_days`` days and date precision, with how many events it
    stands for, at the stretch's first event day (an event day: never inside a cut of the axis).

    Rows are placed top down in ``order`` (by default by name). Markers that share a row and a day
    (different precisions) get a small vertical offset, stable across reruns, so none hides another."""
    plain_order = [html.escape(r) for r in order] if order is not None else None
    frame = _plain(frame, "row", "summary", "sources", "reported")
    since = (frame["day"] - pd.Timestamp("1970-01-05")).dt.days  # a Monday: weeks start on Mondays
    frame = frame.assign(stretch=since // bin_days)
    keys = ["row", "stretch", "precision"]
    markers = (
        frame.drop_duplicates(["event_id", "row"])
        .groupby(keys, as_index=False, sort=True)
        .agg(
            day=("day", "min"),
            events=("event_id", "size"),
            event_date=("event_date", "first"),
            summary=("summary", _hover_list),
            sources=("sources", _joined),
            reported=("reported", _joined),
        )
    )
    slot = markers.groupby(["row", "stretch"], dropna=False).cumcount()
    width = markers.groupby(["row", "stretch"], dropna=False)["precision"].transform("size")
    rows = {r: i for i, r in enumerate(plain_order or sorted(markers["row"].unique()))}
    markers = markers[markers["row"].isin(rows)]
    slot, width = slot[markers.index], width[markers.index]
    return markers.assign(y=markers["row"].map(rows) + (slot - (width - 1) / 2) * 0.3)


TIMELINE_ROW_PX = 40
# title, legend, then the top axis; on the right, room for the count beside a marker on the last day
TIMELINE_MARGIN = {"l": 10, "r": 34, "t": 124, "b": 50}


def day_axis(
    days: pd.Series,
    fold_start: bool = True,
    fold_end: bool = True,
    reported_from: pd.Timestamp | None = None,
    reported_to: pd.Timestamp | None = None,
) -> tuple[dict[str, object], str, axis.Window]:
    """The time axis over the event days (one per event), a note of what it leaves out (far tails
    folded, long quiet stretches cut: plotly rangebreaks; ticks that never overlap:
    lib/view/axis.py) and the days it shows."""
    known = [d for d in days if not pd.isna(d)]
    window = axis.fit_window(known, fold_start, fold_end, reported_from, reported_to)
    runs = axis.stretches(known, window)
    values, labels = axis.ticks(runs)
    settings: dict[str, object] = {
        "range": [window.first - axis.ends(runs), window.last + axis.ends(runs)],
        "rangebreaks": axis.breaks(runs),
        "tickvals": values,
        "ticktext": labels,
        "tickangle": 0,
        "showgrid": True,
        "title": None,
    }
    return settings, axis.span_note(window, len(runs) - 1), window


def event_window(
    frame: pd.DataFrame,
    fold: tuple[bool, bool] = (True, True),
    reported_from: pd.Timestamp | None = None,
    reported_to: pd.Timestamp | None = None,
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day the time axis would show for every event of a timeline frame (as
    ``day_axis`` fits it), or None when no event has a day."""
    days = [d for d in frame.drop_duplicates("event_id")["day"] if not pd.isna(d)]
    if not days:
        return None
    window = axis.fit_window(days, *fold, reported_from, reported_to)
    return window.first, window.last


def timeline_figure(
    frame: pd.DataFrame,
    order: Sequence[str] | None = None,
    fold: tuple[bool, bool] = (True, True),
    reported_from: pd.Timestamp | None = None,
    reported_to: pd.Timestamp | None = None,
) -> go.Figure:
    """Events over event time, one row per actor or source (top down in ``order``); marker
    symbol shows date precision, marker size and the number on it how many events fall on that
    day. The date axis is drawn above and below the rows, so it stays in sight on a long chart;
    ``fold`` says whether a far tail may be folded away at the start and at the end (an open
    date filter), and the background older than ``reported_from`` (the first report's date) and
    the plans later than ``reported_to`` (the last report's) with it. The figure's ``meta`` holds
    the note of what the axis leaves out."""
    days = frame.drop_duplicates("event_id")["day"] if not frame.empty else pd.Series([], dtype=object)
    bin_days = marker_days(days, fold, reported_from, reported_to)
    markers = timeline_markers(frame, order, bin_days) if not frame.empty else frame.assign(events=[], y=[])
    rows = [html.escape(r) for r in order] if order is not None else sorted(markers["row"].unique())
    fig = go.Figure()
    for precision, symbol in PRECISION_SYMBOLS.items():
        part = markers[markers["precision"] == precision]
        if not part.empty:
            fig.add_trace(_marker_trace(part, precision, symbol))
    note, window = "", None
    if not markers.empty:  # days, not hours, even when every event falls on one or two days
        settings, note, shown = day_axis(days, *fold, reported_from, reported_to)
        window = [f"{shown.first:%Y-%m-%d}", f"{shown.last:%Y-%m-%d}"]
        if bin_days > 1:
            grouped = "a week" if bin_days == 7 else f"{bin_days} days"
            note = ". ".join(
                n
                for n in (note, f"A marker groups a row's events of {grouped}, at its first event's day")
                if n
            )
        fig.update_layout(xaxis={**settings, "side": "bottom"})
        fig.update_layout(xaxis2={**settings, "side": "top", "overlaying": "x", "matches": "x"})
        first = markers.iloc[0]
        fig.add_trace(  # an invisible point: plotly draws an axis only when a trace uses it
            go.Scatter(
                x=[first["day"]],
                y=[first["y"]],
                xaxis="x2",
                mode="markers",
                showlegend=False,
                hoverinfo="skip",
                marker={"opacity": 0},
            )
        )
    fig.update_yaxes(
        tickvals=list(range(len(rows))), ticktext=rows, range=[len(rows) - 0.5, -0.5], title=None
    )
    height = TIMELINE_MARGIN["t"] + TIMELINE_MARGIN["b"] + TIMELINE_ROW_PX * max(len(rows), 3)
    fig.update_layout(
        height=height,
        margin=TIMELINE_MARGIN,
        meta={"note": note, "window": window},  # window: the first and last day the axis shows
        title={
            "text": "Events by event date (not report date)",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 8},
        },
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 1 - 34 / height,
            "yanchor": "top",
            "xanchor": "left",
            "x": 0,
            "title": {"text": "date precision"},
        },
    )
    return fig


def _marker_trace(part: pd.DataFrame, precision: str, symbol: str) -> go.Scatter:
    many = part["events"] > 1
    return go.Scatter(
        x=part["day"],
        y=part["y"],
        mode="markers+text",
        name=precision.replace("_", " "),
        marker={
            "symbol": symbol,
            "size": (10 + 3 * (part["events"] - 1).clip(upper=4)).tolist(),
            "color": "#3d6fa5",
            "opacity": 0.8,
            "line": {"width": 2, "color": "#3d6fa5"},
        },
        text=part["events"].where(many, "").astype(str).tolist(),
        textposition="middle right",
        textfont={"size": 13, "color": "#1f3b5c"},
        cliponaxis=False,  # a count beside a marker at the axis's end is drawn in the margin, not cut
        customdata=part[["events", "event_date", "row", "sources", "reported", "summary"]].to_numpy(),
        hovertemplate=(
            "<b>%{customdata[2]}</b>, %{customdata[1]}: %{customdata[0]} event(s)<br>"
            "%{customdata[5]}<br>sources: %{customdata[3]}<br>reported: %{customdata[4]}<extra></extra>"
        ),
    )


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
            textfont={"size": 15},
            xgap=3,
            ygap=3,
        )
    )
    # No fixed angle: plotly turns the labels when they would overlap (a narrow screen, many issues).
    fig.update_xaxes(side="bottom", tickvals=list(z.columns), ticktext=_shortened(z.columns), automargin=True)
    fig.update_yaxes(autorange="reversed", tickfont={"size": 13})
    height = _height(len(z.index), per_row=52, least=300) + 40  # room for two-line issue labels
    fig.update_layout(height=height, title="Stance by actor and issue", **LAYOUT)
    fit_matrix(fig, list(z.index), len(z.columns))
    return fig


CELL_PX = 110  # a matrix's cell at most this wide: an actor's three issues drew 300 px blocks
LABEL_PX = 7  # about a row label's character, at the axis font's size
FULL_WIDTH = 900  # a narrower matrix is drawn at its own width, a wider one at the page's


def matrix_width(row_labels: Iterable[str], columns: int, extra: int = 0) -> int | None:
    """The width of a matrix of ``columns`` cells of CELL_PX after its row labels (and ``extra``
    pixels, a colour bar's), when that is narrower than FULL_WIDTH; else None (the page's width).
    Streamlit draws a figure no wider than its column, so a narrow screen still gets it whole."""
    labels = max((len(label) for label in row_labels), default=0) * LABEL_PX + 40
    width = labels + CELL_PX * columns + extra
    return width if width < FULL_WIDTH else None


FEW_ROWS = 3  # a matrix of this many rows or fewer has square cells at any width


def fit_matrix(fig: go.Figure, row_labels: Sequence[str], columns: int, extra: int = 0) -> None:
    """A matrix drawn at its own width (``matrix_width``) with square cells when that is narrower
    than the page, or when it has FEW_ROWS rows or fewer: the least height kept for the labels
    made one row of three cells three towers, and one of nine on a phone nine sticks."""
    width = matrix_width(row_labels, columns, extra)
    if width or len(row_labels) <= FEW_ROWS:
        if width:
            fig.update_layout(width=width)
        fig.update_yaxes(scaleanchor="x", scaleratio=1, constrain="domain")


def chart_width(fig: go.Figure) -> int | Literal["stretch"]:
    """What st.plotly_chart is given as width: the figure's own when it has one."""
    return int(fig.layout.width) if fig.layout.width else "stretch"


def _shortened(labels: Iterable[str], width: int = 28) -> list[str]:
    """Issue labels on one line (plotly can turn one line, not two, when columns get narrow),
    cut at a word; the hover gives the whole label."""
    return [textwrap.shorten(label, width, placeholder="…") for label in labels]


def stance_legend() -> list[tuple[str, str]]:
    return [(s, STANCE_COLORS[s]) for s in STANCE_ORDER]


MAX_SOURCES = 10  # sources named in the documents chart; the rest are one "other sources" colour


def documents_figure(frame: pd.DataFrame) -> go.Figure:
    """Documents per report date, coloured by source (the ten largest; the rest as one)."""
    plain = _plain(frame, "source")
    top = plain["source"].value_counts().index[:MAX_SOURCES]
    plain = plain.assign(source=plain["source"].where(plain["source"].isin(top), "other sources"))
    counts = plain.groupby(["date", "source"], as_index=False).size().rename(columns={"size": "documents"})
    many_days = counts["date"].nunique() > 31
    shown = counts[counts["date"] != "undated"] if many_days else counts
    fig = px.bar(
        shown,
        x="date",
        y="documents",
        color="source",
        labels={"date": "report date"},
        color_discrete_map={"other sources": "#b8b8b8"},
    )
    if many_days:  # a time axis: one bar per day would be hundreds of category labels
        fig.update_xaxes(type="date")
        fig.update_traces(marker_line_width=0)
    else:
        fig.update_xaxes(type="category", categoryorder="category ascending")
    if counts.groupby("date")["documents"].sum().max() <= 10:
        fig.update_yaxes(dtick=1)
    legend_rows = 1 + counts["source"].nunique() // 5
    undated = int(counts.loc[counts["date"] == "undated", "documents"].sum()) if many_days else 0
    title = "Documents by report date and source" + (f" ({undated} undated not shown)" if undated else "")
    fig.update_layout(**LAYOUT)
    fig.update_layout(  # room above the plot for the title and a legend of several rows
        margin={"l": 10, "r": 10, "t": 60 + 22 * legend_rows, "b": 10},
        height=280 + 22 * legend_rows,
        title={"text": title, "y": 0.98, "yanchor": "top"},
        bargap=0.1,
    )
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
