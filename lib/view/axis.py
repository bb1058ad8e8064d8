"""The Timeline's time axis: fitted to where the events are, with tick labels that never collide.

Plotly's automatic date ticks fail on an axis with cut-out stretches (rangebreaks): labels of
years pile up at the cuts and the busy weeks get none. So the axis is computed here:
  * the window: the 2nd to 98th percentile of the events' days, widened to every day within a
    quiet stretch of it, so only a far tail (a 2014 background event in a 2022 crisis) is folded
    away and counted;
  * the stretches: runs of days with events; a gap longer than GAP between two is cut out;
  * the ticks: first the start of each stretch, busiest stretch first, then evenly spaced calendar
    ticks (days, Mondays, months or years, by how much time the axis shows), each kept only when
    it lies at least 1/MAX_TICKS of the axis from every kept one, so no two labels overlap even on a
    narrow (600 px) screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

GAP = pd.Timedelta(days=30)  # a quiet stretch longer than this is cut out of the time axis
EDGE = pd.Timedelta(days=1.5)  # room around a marker at least: its count label sits to its right
ENDS_SHARE = 0.025  # of the axis, left before its first day and after its last at least
TAIL = 0.02  # the share of events at each end that may be folded away as a tail
# Events dated more than GAP before the first report are the background the reports recall (a
# treaty of 1994 in a 2022 crisis), those dated more than GAP after the last report the plans and
# forecasts they announce ("by 2030", "next autumn"): either is folded away while it is at most
# this share of the events
BACKGROUND_SHARE = 0.25
MAX_TICKS = 7  # labels on the axis at most: ~60 px each on a 400 px plot (a phone's width)
# (largest step in days, calendar frequency, label format) from the finest up.
TICK_STEPS: tuple[tuple[float, str, str], ...] = (
    (1.5, "D", "%-d %b<br>%Y"),
    (10, "W-MON", "%-d %b<br>%Y"),
    (45, "MS", "%b<br>%Y"),
    (140, "QS", "%b<br>%Y"),
    (400, "YS", "%Y"),
    (float("inf"), "5YS", "%Y"),
)
START_FORMAT = "%-d %b<br>%Y"  # a stretch starts on any day: say which


@dataclass(frozen=True)
class Window:
    """The days the axis shows, and how many events lie before and after it."""

    first: pd.Timestamp
    last: pd.Timestamp
    before: int = 0
    after: int = 0


def fit_window(
    days: Sequence[pd.Timestamp],
    fold_start: bool = True,
    fold_end: bool = True,
    reported_from: pd.Timestamp | None = None,
    reported_to: pd.Timestamp | None = None,
) -> Window:
    """The axis window over ``days`` (one per event): far tails folded at the ends asked for, and
    at the start the background older than the reports (``reported_from``: the first report's
    date) while it is a minority of the events: a crisis's timeline opens with the crisis, and the
    note says how many earlier events the From date would bring back. At the end, likewise, the
    plans and forecasts dated after the reports (``reported_to``: the last report's date): a month
    of reports naming a few targets years ahead drew the month on a fifth of the axis."""
    seen = sorted(pd.Timestamp(d) for d in days if not pd.isna(d))
    if not seen:
        raise ValueError("no days to fit an axis to")
    cut = int(len(seen) * TAIL)
    lo, hi = 0, len(seen) - 1
    if fold_start:
        lo = cut
        while lo > 0 and seen[lo] - seen[lo - 1] <= GAP:
            lo -= 1
        if reported_from is not None and not pd.isna(reported_from):
            older = bisect_left(seen, pd.Timestamp(reported_from) - GAP)
            if older < len(seen) and older <= len(seen) * BACKGROUND_SHARE:
                lo = max(lo, older)
    if fold_end:
        hi = len(seen) - 1 - cut
        while hi < len(seen) - 1 and seen[hi + 1] - seen[hi] <= GAP:
            hi += 1
        if reported_to is not None and not pd.isna(reported_to):
            later = bisect_right(seen, pd.Timestamp(reported_to) + GAP)
            if later > lo and len(seen) - later <= len(seen) * BACKGROUND_SHARE:
                hi = min(hi, later - 1)
    return Window(seen[lo], seen[hi], lo, len(seen) - 1 - hi)


def stretches(days: Sequence[pd.Timestamp], window: Window) -> list[tuple[pd.Timestamp, pd.Timestamp, int]]:
    """Runs of event days inside the window, split at gaps over GAP: (first, last, events)."""
    inside = sorted(pd.Timestamp(d) for d in days if window.first <= d <= window.last)
    runs: list[tuple[pd.Timestamp, pd.Timestamp, int]] = []
    for day in inside:
        if runs and day - runs[-1][1] <= GAP:
            first, _, count = runs[-1]
            runs[-1] = (first, day, count + 1)
        else:
            runs.append((day, day, 1))
    return runs


def edge(runs: Sequence[tuple[pd.Timestamp, pd.Timestamp, int]]) -> pd.Timedelta:
    """The room left on each side of a stretch, so a marker at its end (and the count beside it)
    is neither cut by the plot's edge nor run into the next stretch's first marker: a share of the
    days shown, smaller the more stretches there are (the room of all of them stays a part of the
    axis), never less than EDGE nor more than a third of the shortest cut (GAP). On a decade of
    reports a fixed day and a half was a pixel."""
    share = pd.Timedelta(days=_days_shown(runs) / (25 + 4 * len(runs)))
    return _whole_seconds(min(max(EDGE, share), GAP / 3))


def _whole_seconds(delta: pd.Timedelta) -> pd.Timedelta:
    """A room in whole seconds: a Timedelta with a nanosecond part moves any day it is added to
    into nanoseconds, whose range (1677-2262) an event of 1603 or of year 32 lies outside."""
    return delta.round("s").as_unit("s")


def ends(runs: Sequence[tuple[pd.Timestamp, pd.Timestamp, int]]) -> pd.Timedelta:
    """The room before the first day and after the last: a stretch's, or ENDS_SHARE of the axis
    when that is more (a long single stretch, whose markers at the ends the plot would cut)."""
    return _whole_seconds(max(edge(runs), _Scale(runs).total * ENDS_SHARE))


def breaks(runs: Sequence[tuple[pd.Timestamp, pd.Timestamp, int]]) -> list[dict[str, object]]:
    """Plotly rangebreaks for the quiet stretches between runs."""
    room = edge(runs)
    return [{"bounds": [a[1] + room, b[0] - room]} for a, b in pairwise(runs)]


class _Scale:
    """Where a day sits on the axis, as a share of its length (cut stretches take no room)."""

    def __init__(self, runs: Sequence[tuple[pd.Timestamp, pd.Timestamp, int]]) -> None:
        room = edge(runs)
        self.parts = [(a - room, b + room) for a, b, _ in runs]
        self.total = sum(((b - a) for a, b in self.parts), pd.Timedelta(0))

    def share(self, day: pd.Timestamp) -> float | None:
        offset = pd.Timedelta(0)
        for a, b in self.parts:
            if a <= day <= b:
                return float((offset + (day - a)) / self.total)
            offset += b - a
        return None


def _days_shown(runs: Sequence[tuple[pd.Timestamp, pd.Timestamp, int]]) -> int:
    return sum(((b - a).days + 1 for a, b, _ in runs), 0)


def _step(runs: Sequence[tuple[pd.Timestamp, pd.Timestamp, int]]) -> tuple[str, str]:
    per_tick = _days_shown(runs) / MAX_TICKS
    return next((freq, fmt) for most, freq, fmt in TICK_STEPS if per_tick <= most)


def _label(day: pd.Timestamp, fmt: str) -> str:
    return day.strftime(fmt)


def ticks(runs: Sequence[tuple[pd.Timestamp, pd.Timestamp, int]]) -> tuple[list[pd.Timestamp], list[str]]:
    """Tick days and labels: stretch starts (busiest first), then calendar ticks, none too close."""
    if not runs:
        return [], []
    scale = _Scale(runs)
    freq, fmt = _step(runs)
    wanted = [(a, START_FORMAT if len(runs) > 1 or fmt.startswith("%-d") else fmt) for a, _, _ in runs]
    wanted.sort(key=lambda t: -next(n for a, _, n in runs if a == t[0]))
    if len(runs) == 1:
        wanted = []
    for a, b, _ in runs:
        wanted += [(d, fmt) for d in pd.date_range(a.normalize(), b, freq=freq)]
    kept: list[tuple[pd.Timestamp, str, float]] = []
    for day, label_format in wanted:
        where = scale.share(day)
        if where is None:
            continue
        if all(abs(where - other) >= 1 / MAX_TICKS for _, _, other in kept):
            kept.append((day, _label(day, label_format), where))
    if not kept:  # one short stretch: its first day
        kept.append((runs[0][0], _label(runs[0][0], START_FORMAT), 0.0))
    kept.sort(key=lambda t: t[0])
    return [d for d, _, _ in kept], [label for _, label, _ in kept]


def span_note(window: Window, cut_runs: int) -> str:
    """What the axis leaves out, in words (empty when nothing)."""
    parts = []
    if window.before:
        parts.append(f"{window.before} event(s) before {window.first:%-d %b %Y}")
    if window.after:
        parts.append(f"{window.after} event(s) after {window.last:%-d %b %Y}")
    note = ""
    if parts:
        note = " and ".join(parts) + " lie outside the axis (set From / To to see them)"
    if cut_runs:
        note += ("; " if note else "") + "quiet stretches over 30 days are cut out"
    return note
