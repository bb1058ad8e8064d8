"""The Timeline's rows (the most active first, a choice for more) and its time axis (fitted to
where the events are, tick labels apart), on invented frames."""

from __future__ import annotations

from itertools import pairwise

import pandas as pd
import pytest

from lib.view import axis, charts, timeline, urls


def _frame(rows: dict[str, int], day: str = "2022-07-27") -> pd.DataFrame:
    """``rows`` name -> number of events; event ids are unique per row and count."""
    records = [
        {
            "event_id": f"{name}-{i}",
            "day": pd.Timestamp(day),
            "event_date": day,
            "precision": "day",
            "row": name,
            "summary": f"event {i} of {name}",
            "sources": "Evening Post",
            "reported": "Evening Post: 2022-07-29",
        }
        for name, count in rows.items()
        for i in range(count)
    ]
    return pd.DataFrame(records, columns=timeline.TIMELINE_COLUMNS)


@pytest.mark.parametrize(
    ("limit", "shown", "hidden"),
    [
        (2, ["Valdoria", "Mara Holt"], 13),  # most events first; the rest counted
        (3, ["Valdoria", "Mara Holt", "ivo pax"], 11),  # a tie goes by name, case ignored
        (0, ["Valdoria", "Mara Holt", "ivo pax", "Norland", "(no actor)"], 0),  # all; "(no actor)" last
    ],
)
def test_top_rows(limit: int, shown: list[str], hidden: int) -> None:
    frame = _frame({"Norland": 2, "ivo pax": 2, "Valdoria": 5, "Mara Holt": 3, "(no actor)": 9})
    kept, choice = timeline.top_rows(frame, limit)
    assert choice.shown == shown and choice.total == 5
    assert set(kept["row"]) == set(shown)
    assert choice.hidden_events == hidden
    assert (timeline.rows_note(choice, "actor") == "") == (limit == 0)


def test_default_chart_is_short_and_ordered_by_activity() -> None:
    frame = _frame({f"Actor {i:03d}": 1 + i % 7 for i in range(240)})
    kept, choice = timeline.top_rows(frame, urls.DEFAULT_ROWS)
    fig = charts.timeline_figure(kept, choice.shown)
    assert len(choice.shown) == 15 and fig.layout.height <= 1500
    assert list(fig.layout.yaxis.ticktext) == choice.shown  # most active on top, not alphabetical
    assert fig.layout.xaxis2.side == "top" and fig.layout.xaxis.side == "bottom"


def _days(*spec: tuple[str, int]) -> list[pd.Timestamp]:
    return [pd.Timestamp(day) for day, count in spec for _ in range(count)]


@pytest.mark.parametrize(
    ("days", "first", "before", "after"),
    [
        # a 2014 background event among 100 July 2022 events is folded away and counted
        (_days(("2014-03-01", 1), ("2022-07-20", 50), ("2022-07-29", 49)), "2022-07-20", 1, 0),
        # a tail close to the rest (within a quiet stretch) is kept
        (_days(("2022-07-01", 1), ("2022-07-20", 50), ("2022-07-29", 49)), "2022-07-01", 0, 0),
        # few events: none folded
        (_days(("2014-03-01", 1), ("2022-07-20", 10)), "2014-03-01", 0, 0),
        # late tail
        (_days(("2022-07-20", 60), ("2022-07-29", 39), ("2023-05-01", 1)), "2022-07-20", 0, 1),
    ],
)
def test_fit_window_folds_far_tails(days: list[pd.Timestamp], first: str, before: int, after: int) -> None:
    window = axis.fit_window(days)
    assert (window.first, window.before, window.after) == (pd.Timestamp(first), before, after)


@pytest.mark.parametrize(
    ("days", "reported_from", "first", "before"),
    [
        # events recalled from before the reports (a minority) are background: folded and counted
        (
            _days(("1994-12-05", 3), ("2019-06-01", 4), ("2022-01-03", 40), ("2022-01-20", 30)),
            "2022-01-01",
            "2022-01-03",
            7,
        ),
        # within a month before the first report: the run-up, kept
        (_days(("2021-12-15", 5), ("2022-01-03", 40)), "2022-01-01", "2021-12-15", 0),
        # a history whose events are mostly older than its reports keeps them
        (_days(("1994-12-05", 30), ("2022-01-03", 20)), "2022-01-01", "1994-12-05", 0),
        # no report date known: only the far tail rule
        (_days(("1994-12-05", 3), ("2022-01-03", 40), ("2022-01-20", 30)), None, "1994-12-05", 0),
    ],
)
def test_background_older_than_the_reports_is_folded(
    days: list[pd.Timestamp], reported_from: str | None, first: str, before: int
) -> None:
    since = pd.Timestamp(reported_from) if reported_from else None
    window = axis.fit_window(days, reported_from=since)
    assert (window.first, window.before) == (pd.Timestamp(first), before)
    assert axis.fit_window(days, fold_start=False, reported_from=since).before == 0  # a set From date


@pytest.mark.parametrize(
    ("days", "reported_to", "last", "after"),
    [
        # a month of reports naming targets years ahead (a minority): folded and counted
        (
            _days(
                ("2022-01-03", 40),
                ("2022-01-28", 30),
                ("2022-06-01", 2),
                ("2025-01-01", 3),
                ("2030-01-01", 2),
            ),
            "2022-01-31",
            "2022-01-28",
            7,
        ),
        # within a month after the last report: what comes next, kept
        (_days(("2022-01-03", 40), ("2022-02-20", 5)), "2022-01-31", "2022-02-20", 0),
        # a corpus mostly about what is planned keeps its plans
        (_days(("2022-01-03", 20), ("2024-05-01", 30)), "2022-01-31", "2024-05-01", 0),
        # no report date known: only the far tail rule
        (_days(("2022-01-03", 40), ("2022-06-01", 2), ("2022-07-01", 2)), None, "2022-07-01", 0),
    ],
)
def test_plans_later_than_the_reports_are_folded(
    days: list[pd.Timestamp], reported_to: str | None, last: str, after: int
) -> None:
    until = pd.Timestamp(reported_to) if reported_to else None
    window = axis.fit_window(days, reported_to=until)
    assert (window.last, window.after) == (pd.Timestamp(last), after)
    assert axis.fit_window(days, fold_end=False, reported_to=until).after == 0  # a set To date


def test_a_set_date_is_not_folded() -> None:
    days = _days(("2014-03-01", 1), ("2022-07-20", 99))
    assert axis.fit_window(days, fold_start=False).before == 0


SPANS = [
    _days(("2022-07-27", 3)),  # one day
    _days(("2022-07-25", 2), ("2022-07-29", 5)),  # days
    [pd.Timestamp("2022-07-01") + pd.Timedelta(days=i) for i in range(0, 60, 2)],  # weeks
    [pd.Timestamp("2022-01-01") + pd.Timedelta(days=i) for i in range(0, 360, 12)],  # months
    [pd.Timestamp(f"{y}-{m:02d}-15") for y in range(2010, 2020) for m in (3, 9)],  # years, cut stretches
    _days(("2010-05-01", 2), ("2014-03-01", 3), ("2018-11-01", 20), ("2022-07-29", 40)),  # far apart
]


@pytest.mark.parametrize("days", SPANS)
def test_ticks_are_apart_and_inside(days: list[pd.Timestamp]) -> None:
    window = axis.fit_window(days)
    runs = axis.stretches(days, window)
    values, labels = axis.ticks(runs)
    assert 1 <= len(values) <= axis.MAX_TICKS and len(labels) == len(values)
    scale = axis._Scale(runs)
    shares = [scale.share(v) for v in values]
    assert all(s is not None for s in shares)  # no tick in a cut stretch
    known = [s for s in shares if s is not None]
    assert all(b - a >= 1 / axis.MAX_TICKS - 1e-9 for a, b in pairwise(known))
    assert values == sorted(values)


@pytest.mark.parametrize("days", SPANS)
def test_room_around_stretches_keeps_end_markers_on_the_plot(days: list[pd.Timestamp]) -> None:
    """Each stretch keeps room around it (a marker's share of the axis, not a fixed day and a half
    that is a pixel on a decade), the cuts stay cuts, and the plot's ends leave room too."""
    runs = axis.stretches(days, axis.fit_window(days))
    room, ends = axis.edge(runs), axis.ends(runs)
    assert axis.EDGE <= room <= axis.GAP / 3 and ends >= room
    axis_days = sum(((b - a) + 2 * room for a, b, _ in runs), pd.Timedelta(0))
    assert ends >= axis_days * axis.ENDS_SHARE
    for cut in axis.breaks(runs):
        start, end = cut["bounds"]  # type: ignore[misc]
        assert start < end  # a cut never turns inside out


def test_room_grows_with_the_days_shown() -> None:
    weeks = axis.stretches(_days(("2022-02-01", 20)), axis.fit_window(_days(("2022-02-01", 20))))
    decade = [pd.Timestamp(f"{y}-{m:02d}-15") for y in range(2010, 2020) for m in range(1, 13)]
    years = axis.stretches(decade, axis.fit_window(decade))
    assert axis.edge(years) > axis.edge(weeks) and axis.ends(years) > pd.Timedelta(days=30)


def test_busiest_stretch_gets_a_tick() -> None:
    days = _days(("2010-05-01", 2), ("2014-03-01", 3), ("2018-11-01", 20), ("2022-07-29", 400))
    runs = axis.stretches(days, axis.fit_window(days))
    values, _ = axis.ticks(runs)
    assert pd.Timestamp("2022-07-29") in values


@pytest.mark.parametrize(
    ("query", "rows", "notices"),
    [
        ({}, 15, 0),
        ({"rows": ["30"]}, 30, 0),
        ({"rows": ["all"]}, 0, 0),
        ({"rows": ["-4"]}, 15, 1),
        ({"rows": ["x"]}, 15, 1),
    ],
)
def test_rows_in_the_link(query: dict[str, list[str]], rows: int, notices: int) -> None:
    choices = urls.Choices({}, (), (), {})
    view, said = urls.parse_query(query, choices)
    assert view.rows == rows and len(said) == notices
    back = urls.query_params(view, "Timeline")
    assert back.get("rows") == (query.get("rows") if not notices else None)
    assert "rows" not in urls.query_params(view, "Reader")  # a Timeline choice only


def test_the_events_table_leads_with_the_charts_dates() -> None:
    """A crisis month's reports recall old background ("a battle in 1918"): the chart folds it off
    its axis, and the table lists the chart's events first, the background after, counted."""
    from dataclasses import replace

    from dashboard_fixtures import sample_analysis

    from lib.records import Event
    from lib.view.pages import timeline_view

    a = sample_analysis()
    recent = [
        Event(f"ev-r{d}", f"2023-03-{d:02d}", "day", ("freedonia",), f"Patrol {d}", (), ("alpha-1",))
        for d in range(1, 9)
    ]
    old = Event("ev-old", "1918", "year", ("sylvania",), "A battle long ago", (), ("beta-1",))
    shown = timeline_view(replace(a, events=(old, *a.events, *recent)), urls.View())
    ids = shown.events["event_id"].drop_duplicates().tolist()
    assert shown.outside >= 1 and ids[-shown.outside :][0] in {"ev-old", "ev-3"}
    assert ids[0] == "ev-r1" and "ev-old" in ids[-shown.outside :]  # the chart's first day leads
    assert sorted(ids) == sorted(e.id for e in (old, *a.events, *recent))  # nothing is dropped


@pytest.mark.parametrize(
    ("window", "first", "outside"),
    [
        (("2022-07-01", "2022-07-31"), "b", 2),  # only b's day is on the chart
        (("1900-01-01", "2030-01-01"), "a", 0),  # every day on it: date order kept
        (("2023-01-01", "2023-12-31"), "a", 3),  # none on it: all follow, in their order
    ],
)
def test_window_first(window: tuple[str, str], first: str, outside: int) -> None:
    rows = pd.DataFrame(
        {"event_id": ["a", "b", "c"], "day": pd.to_datetime(["1918-01-01", "2022-07-27", "2022-09-01"])}
    )
    events = pd.DataFrame(
        {"event_id": ["a", "b", "b", "c"], "event_date": ["1918", *["2022-07-27"] * 2, "2022-09"]}
    )
    ordered, n = timeline.window_first(events, rows, *window)
    assert ordered["event_id"].iloc[0] == first and n == outside and len(ordered) == len(events)


def test_rows_whose_events_the_axis_folds_away_come_after_drawn_ones() -> None:
    """A row whose events all lie in a folded tail (a founding a century before the reports) would
    be an empty line among the most active: the chart's rows are ranked by the events it draws."""
    recent = _frame({"Valdoria": 3, "Mara Holt": 2, **{f"Actor {i}": 1 for i in range(60)}})
    old = _frame({"Halden School": 4}, day="1925-09-01")
    frame = pd.concat([recent, old], ignore_index=True)
    window = charts.event_window(frame, (True, True), pd.Timestamp("2022-07-29"), pd.Timestamp("2022-07-29"))
    assert window is not None and window[0] > pd.Timestamp("2000-01-01")  # the background is folded
    _, choice = timeline.top_rows(frame, 2, window)
    assert choice.shown == ["Valdoria", "Mara Holt"]
    _, unwindowed = timeline.top_rows(frame, 2)
    assert unwindowed.shown == ["Halden School", "Valdoria"]  # by all events, as before
