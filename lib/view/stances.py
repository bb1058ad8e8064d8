"""Who stands against whom, and how an actor's stance on an issue moves: frames of an Analysis.

Speaker x target: every statement (a Quote) whose speaker is an actor of the corpus gives one row per
actor it is about (Quote.targets, lib/extract/targets.py), with the polarity the words give it. Only
targets named in the statement or a pronoun in it count by default; those guessed from the sentence
around it ("context") or the report's main person ("topic") are weaker evidence and come in only
when asked for.

Over time: the statements behind an actor's position on an issue (Position.evidence), counted by
stance per ISO week of their report's date, and a one-line note when the stance said most often
changed between the first and the last half of those weeks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from lib.records import GROUP_PREFIX, Analysis
from lib.view.charts import LAYOUT, STANCE_COLORS, STANCE_ORDER, _height, _plain, _shortened, fit_matrix
from lib.view.filters import Filters, keeps
from lib.view.frames import PROVENANCE, actor_name, docs_in_view, sentence_lookup, statement_spans, table
from lib.view.urls import reader_link

STRONG_BASES = ("named", "description", "pronoun")  # the target is in the statement's own words
GUESSED_BASES = ("context", "topic")  # read from around it: shown only when asked for
POLARITY_WORDS = {"pos": "positive", "neg": "negative"}
NO_POLARITY = "none"
TARGET_COLUMNS = [
    "speaker_id",
    "speaker",
    "target_id",
    "target",
    "polarity",
    "basis",
    "text",
    "reader",
    *PROVENANCE,
]
PAIR_COLUMNS = ["speaker_id", "speaker", "target_id", "target", "statements", "positive", "negative", "net"]


def targets_frame(analysis: Analysis, filters: Filters, guessed: bool = False) -> pd.DataFrame:
    """One row per (statement, target) of the statements in view whose speaker is an actor, in corpus
    order; ``guessed``: also the targets read from the sentence or the report's main person."""
    docs = docs_in_view(analysis, filters)
    order = {d: i for i, d in enumerate(docs)}
    bases = STRONG_BASES + (GUESSED_BASES if guessed else ())
    sentence_of = sentence_lookup(analysis)
    quotes = sorted(
        (
            q
            for q in analysis.quotes
            if q.speaker_id and q.targets and q.doc_id in docs and keeps("quotes", q, filters)
        ),
        key=lambda q: (order[q.doc_id], q.start, q.end),
    )
    rows = (
        {
            "speaker_id": q.speaker_id,
            "speaker": actor_name(analysis, q.speaker_id),
            "target_id": t.key,  # a group (no actor id): "group:<name>"
            "target": t.name or actor_name(analysis, t.actor_id),
            "polarity": POLARITY_WORDS.get(t.polarity or "", NO_POLARITY),
            "basis": t.basis,
            "text": q.text,
            "reader": reader_link(q.doc_id, q.start, q.end),
            "doc_id": q.doc_id,
            "source": docs[q.doc_id].source,
            "date": docs[q.doc_id].date or "",
            "start": q.start,
            "end": q.end,
            "sentence": sentence_of(q.doc_id, q.start, q.end),
        }
        for q in quotes
        for t in q.targets
        if t.basis in bases and t.actor_id != q.speaker_id
    )
    return table(rows, TARGET_COLUMNS)


def net_polarity(positive: int, negative: int) -> float | None:
    """(pos - neg) / (pos + neg): +1 all praise, -1 all criticism; None when no statement judges."""
    judged = positive + negative
    return (positive - negative) / judged if judged else None


def pairs_frame(targets: pd.DataFrame) -> pd.DataFrame:
    """Speaker x target: statements, how many judge the target positively and negatively, and the
    net polarity (NaN when none judges)."""
    if targets.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    counted = targets.assign(
        statements=1,
        positive=(targets["polarity"] == "positive").astype(int),
        negative=(targets["polarity"] == "negative").astype(int),
    )
    return ranked_pairs(counted)


def ranked_pairs(counted: pd.DataFrame) -> pd.DataFrame:
    """``pairs_frame`` of rows already counted (``speaker_id``, ``speaker``, ``target_id``, ``target``,
    ``statements``, ``positive``, ``negative``): summed per pair, ranked. A store counts its
    statements in SQL (lib/store/slices.py ``stance_pairs``) and ranks them here, as a folder's are."""
    if counted.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    pairs = counted.groupby(["speaker_id", "speaker", "target_id", "target"], as_index=False).agg(
        statements=("statements", "sum"), positive=("positive", "sum"), negative=("negative", "sum")
    )
    net = [net_polarity(int(p), int(n)) for p, n in zip(pairs["positive"], pairs["negative"], strict=True)]
    pairs["net"] = pd.Series(net, index=pairs.index, dtype="float64")
    ranked = pairs.sort_values(["statements", "speaker", "target"], ascending=[False, True, True])
    return ranked.reset_index(drop=True)[PAIR_COLUMNS]


def _ranked(pairs: pd.DataFrame, side: str) -> list[str]:
    """Actor ids on one side (speaker or target), the most statements first, then by name."""
    totals: pd.DataFrame = pairs.groupby([f"{side}_id", side], as_index=False).agg(
        statements=("statements", "sum")
    )
    ranked = totals.sort_values(["statements", side], ascending=[False, True], kind="stable")
    return [str(a) for a in ranked[f"{side}_id"]]


def top_pairs(pairs: pd.DataFrame, top: int) -> tuple[pd.DataFrame, int, int]:
    """The pairs among the ``top`` speakers and the ``top`` targets with the most statements
    (0: all), and how many speakers and targets there are in all."""
    if pairs.empty:
        return pairs, 0, 0
    speakers, targets = _ranked(pairs, "speaker"), _ranked(pairs, "target")
    if top > 0:
        kept = pairs[pairs["speaker_id"].isin(speakers[:top]) & pairs["target_id"].isin(targets[:top])]
    else:
        kept = pairs
    return kept.reset_index(drop=True), len(speakers), len(targets)


def pick_options(pairs: pd.DataFrame, side: str, picked: str | None) -> list[str]:
    """A pair picker's actor ids (``side``: speaker or target) by name, and the picked one even when
    no statement in view has it (a link from another view still shows its choice)."""
    named = dict(zip(pairs[f"{side}_id"], pairs[side], strict=True))
    ids = sorted(named, key=lambda a: str(named[a]).casefold())
    return [*ids, picked] if picked and picked not in named else ids


def label(actors: Mapping[str, str], key: str) -> str:
    """A picker's name for an actor id or a group key ("group:<name>")."""
    return actors.get(key) or key.removeprefix(GROUP_PREFIX)


def top_note(top: int, speakers: int, targets: int) -> str | None:
    """What the matrix leaves out when it shows the ``top`` speakers and targets (None: nothing)."""
    if top <= 0 or (speakers <= top and targets <= top):
        return None
    return (
        f"The {min(top, speakers)} of {speakers} speakers and {min(top, targets)} of {targets} actors "
        "spoken of with the most statements; show more with “Actors per side”."
    )


def pair_evidence(targets: pd.DataFrame, speaker: str | None, target: str | None) -> pd.DataFrame:
    """The statements of ``speaker`` about ``target`` (None: any)."""
    keep = pd.Series(True, index=targets.index)
    if speaker:
        keep &= targets["speaker_id"] == speaker
    if target:
        keep &= targets["target_id"] == target
    return targets[keep].reset_index(drop=True)


# --- over time ---------------------------------------------------------------------------------

WEEK_COLUMNS = ["week", "week_start", "stance", "count"]
COLOUR_BAR_PX = 110  # the net polarity's colour bar and its labels, right of the matrix
MIN_HALF = 2  # statements each half needs before a change is named: one statement is no trend
GERUNDS = {
    "supports": "supporting",
    "opposes": "opposing",
    "demands": "making demands on",
    "threatens": "threatening over",
    "conditional": "conditionally supporting",
    "neutral": "speaking neutrally of",
}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def weekly_frame(analysis: Analysis, filters: Filters, actor: str, issue: str) -> pd.DataFrame:
    """Statements of ``actor`` on ``issue`` per ISO week of their report's date and stance; the
    statements of undated reports are left out (undated_statements counts them)."""
    counts: Counter[tuple[date, str]] = Counter()
    for position, span in statement_spans(analysis, filters, actor, issue):
        day = _day(analysis.document(span.doc_id).date)
        if day:
            counts[(day - timedelta(days=day.weekday()), position.stance)] += 1
    rows = (
        {
            "week": f"{m.isocalendar().year}-W{m.isocalendar().week:02d}",
            "week_start": m,
            "stance": s,
            "count": n,
        }
        for (m, s), n in sorted(counts.items())
    )
    return table(rows, WEEK_COLUMNS)


def undated_statements(analysis: Analysis, filters: Filters, actor: str, issue: str) -> int:
    spans = statement_spans(analysis, filters, actor, issue)
    return sum(1 for _, s in spans if _day(analysis.document(s.doc_id).date) is None)


def _majority(part: pd.DataFrame) -> str | None:
    """The stance said most often, None on a tie or with fewer than MIN_HALF statements."""
    counts = part.groupby("stance")["count"].sum().sort_values(ascending=False)
    if counts.sum() < MIN_HALF or (len(counts) > 1 and counts.iloc[0] == counts.iloc[1]):
        return None
    return str(counts.index[0])


def change_note(weekly: pd.DataFrame, actor: str, issue: str) -> str | None:
    """ "X moved from opposing to supporting Y" when the stance said most often in the first half of
    the weeks differs from that of the last half (the middle week of an odd count in neither), each
    half with at least MIN_HALF statements and a clear majority; else None: a wrong alert is worse
    than none."""
    weeks = sorted(weekly["week_start"].unique())
    half = len(weeks) // 2
    if half == 0:
        return None
    before = _majority(weekly[weekly["week_start"].isin(weeks[:half])])
    after = _majority(weekly[weekly["week_start"].isin(weeks[len(weeks) - half :])])
    if before is None or after is None or before == after:
        return None
    return f"{actor} moved from {GERUNDS[before]} to {GERUNDS[after]} {issue}."


# --- figures -----------------------------------------------------------------------------------

# One colour axis: net polarity from -1 (all against: purple) through 0 (balanced: pale) to +1 (all
# for: green), and below it a grey band for the pairs no statement judges (their cells sit at UNJUDGED).
NET_MIN, UNJUDGED = -1.6, -1.3
_GREY_TOP = (-1 - NET_MIN) / (1 - NET_MIN)
NET_SCALE: list[list[float | str]] = [
    [0.0, STANCE_COLORS["neutral"]],
    [_GREY_TOP, STANCE_COLORS["neutral"]],
    [_GREY_TOP, STANCE_COLORS["opposes"]],
    [(0 - NET_MIN) / (1 - NET_MIN), "#f4f1ea"],
    [1.0, STANCE_COLORS["supports"]],
]


def _hover(row: pd.Series) -> str:
    net = "no statement judges" if pd.isna(row["net"]) else f"net {row['net']:+.2f}"
    return (
        f"<b>{row['speaker']}</b> on <b>{row['target']}</b>: {row['statements']} statement(s), "
        f"{row['positive']} positive, {row['negative']} negative ({net})"
    )


def _by_name(names: pd.Series) -> list[str]:
    return sorted(dict.fromkeys(str(n) for n in names), key=str.casefold)


def _distinct_names(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs with a name two actors share followed by each one's id ("Ann Lee (ann-lee-2)"): the
    matrix's rows and columns are names, and two actors under one name would make one cell twice."""
    named = {}
    for side in ("speaker", "target"):
        ids = pairs.groupby(side)[f"{side}_id"].transform("nunique")
        shared = ids > 1
        named[side] = pairs[side].where(~shared, pairs[side].astype(str) + " (" + pairs[f"{side}_id"] + ")")
    return pairs.assign(**named)


def stances_figure(pairs: pd.DataFrame) -> go.Figure:
    """Speaker (rows) x target (columns): the colour is the net polarity, grey when no statement
    judges the target; the number is how many statements."""
    cells = _plain(_distinct_names(pairs), "speaker", "target")
    cells = cells.assign(
        z=cells["net"].astype("float64").fillna(UNJUDGED),
        hover=[_hover(r) for _, r in cells.iterrows()],
    )
    rows, columns = _by_name(cells["speaker"]), _by_name(cells["target"])

    def grid(column: str) -> pd.DataFrame:
        return cells.pivot(index="speaker", columns="target", values=column).reindex(
            index=rows, columns=columns
        )

    fig = go.Figure(
        go.Heatmap(
            z=grid("z").to_numpy(dtype=float),
            x=columns,
            y=rows,
            text=grid("statements").map(lambda v: "" if pd.isna(v) else f"{int(v)}").to_numpy(),
            customdata=grid("hover").fillna("").to_numpy(),
            texttemplate="%{text}",
            hovertemplate="%{customdata}<extra></extra>",
            zmin=NET_MIN,
            zmax=1,
            colorscale=NET_SCALE,
            colorbar={
                "title": {"text": "net"},
                "tickvals": [UNJUDGED, -1, 0, 1],
                "ticktext": ["not judged", "against", "balanced", "for"],
                "len": 0.8,
                "thickness": 14,
            },
            textfont={"size": 14},
            xgap=3,
            ygap=3,
        )
    )
    fig.update_xaxes(side="top", tickvals=columns, ticktext=_shortened(columns, 22), automargin=True)
    fig.update_yaxes(autorange="reversed", tickfont={"size": 13}, automargin=True)
    height = _height(len(rows), per_row=44, least=320) + 80  # room for the turned target names
    fig.update_layout(height=height, **{**LAYOUT, "margin": {"l": 10, "r": 10, "t": 30, "b": 10}})
    fit_matrix(fig, rows, len(columns), extra=COLOUR_BAR_PX)
    return fig


WEEKS_SHOWN = 8  # the least span of the weekly axis


def weekly_figure(weekly: pd.DataFrame) -> go.Figure:
    """Statements per ISO week, stacked by stance, in the heatmap's stance colours."""
    fig = go.Figure()
    for stance in STANCE_ORDER:
        part = weekly[weekly["stance"] == stance]
        if part.empty:
            continue
        fig.add_bar(
            x=[pd.Timestamp(d) + pd.Timedelta(days=3) for d in part["week_start"]],  # the week's middle
            y=part["count"],
            name=stance,
            marker_color=STANCE_COLORS[stance],
            customdata=part["week"],
            width=6 * 24 * 3600 * 1000,  # six days, in ms: a gap between weeks
            hovertemplate=f"{stance}: %{{y}} statement(s) in %{{customdata}}<extra></extra>",
        )
    fig.update_layout(barmode="stack", height=280, **LAYOUT)
    fig.update_yaxes(title="statements", rangemode="tozero", dtick=1 if weekly["count"].sum() <= 12 else None)
    # A week's bar stays a week wide however few weeks there are: the axis spans at least WEEKS_SHOWN
    # weeks around them, ticks on the bars' Thursdays named by ISO week ("2022-W04").
    first, last = pd.Timestamp(min(weekly["week_start"])), pd.Timestamp(max(weekly["week_start"]))
    pad = pd.Timedelta(days=7 * max(1, (WEEKS_SHOWN - (last - first).days // 7) // 2))
    weeks = (last - first).days // 7 + 1
    fig.update_xaxes(
        title="ISO week of the report",
        range=[first - pad, last + pd.Timedelta(days=7) + pad],
        tick0="2000-01-06",  # a Thursday
        dtick=7 * 24 * 3600 * 1000 * max(1, weeks // 8),
        tickformat="%G-W%V",
    )
    return fig
