"""Frames and figures built from a hand-written analysis, filters applied, provenance kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from dashboard_fixtures import TEXT_A, TEXT_B, comparison, sample_analysis

from lib.records import Analysis, Corpus, Document
from lib.view import charts, frames, timeline
from lib.view.urls import Filters

ANALYSIS = sample_analysis()
EMPTY = Analysis(Corpus(()), (), (), (), (), (), (), ())
TEXTS = {"alpha-1": TEXT_A, "beta-1": TEXT_B}


def provenance_holds(frame: pd.DataFrame) -> bool:
    """Every row's span is a real span of its document and its sentence contains the span."""
    return all(
        0 <= r.start < r.end <= len(TEXTS[r.doc_id])
        and TEXTS[r.doc_id][r.start : r.end].strip() in r.sentence
        for r in frame.itertuples()
    )


FILTERS = [
    (Filters(), {"alpha-1", "beta-1"}),
    (Filters(sources=("Evening Post",)), {"beta-1"}),
    (Filters(date_from=date(2023, 3, 15)), {"beta-1"}),
    (Filters(date_to=date(2023, 3, 14)), {"alpha-1"}),
    (Filters(date_to=date(2020, 1, 1)), set()),
]


@pytest.mark.parametrize(("filters", "docs"), FILTERS)
def test_documents_frame_filters(filters: Filters, docs: set[str]) -> None:
    assert set(frames.documents_frame(ANALYSIS, filters)["doc_id"]) == docs


@pytest.mark.parametrize(
    ("filters", "speakers"),
    [
        (Filters(), ["Rufus Firefly", "Rufus Firefly", "Trentino"]),
        (Filters(actors=("trentino",)), ["Trentino"]),
        (Filters(actors=("sylvania",)), []),
        (Filters(sources=("Daily Ledger",)), ["Rufus Firefly"]),
    ],
)
def test_quotes_frame(filters: Filters, speakers: list[str]) -> None:
    quotes = frames.quotes_frame(ANALYSIS, filters)
    assert sorted(quotes["speaker"]) == speakers
    assert provenance_holds(quotes)
    assert list(quotes.columns[-6:]) == frames.PROVENANCE


def test_speakers_frame_ranks_by_quotes() -> None:
    top = frames.speakers_frame(frames.quotes_frame(ANALYSIS, Filters()))
    assert top.to_dict("records")[0] == {"speaker": "Rufus Firefly", "quotes": 2, "documents": 2}
    assert frames.speakers_frame(frames.quotes_frame(EMPTY, Filters())).empty


def quotes_by(*speakers: tuple[str, str, str]) -> pd.DataFrame:
    """A quotes frame with one quote per (speaker, speaker_id, doc_id)."""
    rows = [{"speaker": s, "speaker_id": i, "doc_id": d, "quote": "…"} for s, i, d in speakers]
    return pd.DataFrame(rows, columns=["speaker", "speaker_id", "doc_id", "quote"])


@pytest.mark.parametrize(
    ("quotes", "resolved", "unresolved"),
    [
        (quotes_by(("Ann Lee", "ann", "d1"), ("Both leaders", "", "d1")), ["Ann Lee"], ["Both leaders"]),
        (
            quotes_by(("Both parties", "", "d1"), ("Both parties", "", "d2"), ("it", "", "d1")),
            [],
            ["Both parties", "it"],
        ),
        (quotes_by(("Ann Lee", "ann", "d1"), ("Bo Ek", "bo", "d2")), ["Ann Lee", "Bo Ek"], []),
        # capitalised only where it opens a sentence: one phrase, as most often written
        (
            quotes_by(
                ("the mayor", "", "d1"), ("The mayor", "", "d2"), ("it", "", "d1"), ("the mayor", "", "d3")
            ),
            [],
            ["the mayor", "it"],
        ),
        (quotes_by(), [], []),
    ],
)
def test_most_quoted_counts_resolved_speakers_only(
    quotes: pd.DataFrame, resolved: list[str], unresolved: list[str]
) -> None:
    assert list(frames.speakers_frame(quotes)["speaker"]) == resolved
    assert frames.unresolved_speakers(quotes) == unresolved


def doc(source: str = "", title: str = "", when: str | None = "2023-03-14") -> Document:
    return Document("doc-7", title, source, when, "header", "en", "", "", "text")


@pytest.mark.parametrize(
    ("document", "label"),
    [
        (doc("Daily Ledger", "Crossing closed"), "Daily Ledger · Crossing closed · 2023-03-14"),
        (doc("", "Crossing closed"), "doc-7 · Crossing closed · 2023-03-14"),
        (doc("", "", None), "doc-7 · undated"),
        (doc("Post", "A very long title that goes on and on about the river crossing"), None),
    ],
)
def test_document_label(document: Document, label: str | None) -> None:
    out = frames.document_label(document)
    assert "unknown source" not in out and out.count("doc-7") <= 1
    if label is None:  # a long title is cut at a word, with an ellipsis
        assert out == "Post · A very long title that goes on and on about… · 2023-03-14"
    else:
        assert out == label


@pytest.mark.parametrize(
    ("filters", "events"),
    [
        (Filters(), {"ev-1", "ev-2", "ev-3"}),  # ev-3 has no evidence sentence: a row without a span
        (Filters(actors=("trentino",)), {"ev-2"}),
        (Filters(date_to=date(2023, 3, 13)), {"ev-1", "ev-3"}),  # on event time, not report time
        (Filters(sources=("Daily Ledger",)), {"ev-1"}),
        (Filters(actors=("geneva",)), set()),
    ],
)
def test_events_frame(filters: Filters, events: set[str]) -> None:
    table = timeline.events_frame(ANALYSIS, filters)
    assert set(table["event_id"]) == events
    spanless = (table["start"] == 0) & (table["end"] == 0)
    assert provenance_holds(table[~spanless])
    assert (table[spanless]["sentence"] == "").all()  # counted and listed, nothing made up
    assert all(link.startswith("Reader?doc=") for link in table["reader"])


def test_events_keep_event_date_apart_from_report_date() -> None:
    row = timeline.events_frame(ANALYSIS, Filters()).set_index("event_id").loc["ev-1"]
    assert (row["event_date"], row["date"]) == ("2023-03-13", "2023-03-14")


@pytest.mark.parametrize(
    ("group", "filters", "rows"),
    [
        ("actor", Filters(), {"Freedonia", "Sylvania", "Trentino"}),
        ("actor", Filters(actors=("sylvania",)), {"Sylvania"}),
        ("source", Filters(), {"Daily Ledger", "Evening Post"}),
        ("source", Filters(date_from=date(2024, 1, 1)), set()),
    ],
)
def test_timeline_frame_rows(group: str, filters: Filters, rows: set[str]) -> None:
    assert set(timeline.timeline_frame(ANALYSIS, filters, group)["row"]) == rows


def test_year_event_spans_its_year() -> None:
    inside = timeline.timeline_frame(
        ANALYSIS, Filters(date_from=date(2019, 6, 1), date_to=date(2019, 6, 30)), "actor"
    )
    assert set(inside["event_id"]) == {"ev-3"}


def test_positions_and_statements() -> None:
    positions = frames.positions_frame(ANALYSIS, Filters())
    assert positions.set_index("actor_id").loc["rufus-firefly", "count"] == 2
    narrowed = frames.positions_frame(ANALYSIS, Filters(sources=("Daily Ledger",)))
    assert narrowed.to_dict("records") == [
        {
            "actor_id": "rufus-firefly",
            "actor": "Rufus Firefly",
            "issue": "withdrawal",
            "issue_label": "Troop withdrawal",
            "stance": "opposes",
            "count": 1,
        }
    ]
    said = frames.statements_frame(ANALYSIS, Filters(), "rufus-firefly", None)
    assert list(said["speaker"]) == ["Rufus Firefly"] * 2 and set(said["cue"]) == {"said"}
    assert provenance_holds(said)
    assert frames.statements_frame(ANALYSIS, Filters(), None, "talks")["actor"].tolist() == ["Trentino"]
    assert frames.statements_frame(ANALYSIS, Filters(), "sylvania", None).empty
    only = frames.statements_frame(ANALYSIS, Filters(actors=("trentino",)), None, None)
    assert only["actor"].tolist() == ["Trentino"]  # the actor filter holds with no actor picked


def test_a_statement_under_several_issues_is_one_row() -> None:
    """A statement filed under two issues (a long turn names many matters) is listed once, with
    both issues, and counted once; each issue picked still lists it."""
    withdrawal = next(p for p in ANALYSIS.positions if p.issue == "withdrawal")
    border = replace(withdrawal, issue="border", issue_label="Border crossing", stance="neutral", count=1)
    border = replace(border, evidence=withdrawal.evidence[:1])
    analysis = replace(ANALYSIS, positions=(*ANALYSIS.positions, border))
    said = frames.statements_frame(analysis, Filters(), "rufus-firefly", None)
    assert len(said) == 2 == frames.statements_count(analysis, Filters(), "rufus-firefly", None)
    both = said[said["start"] == withdrawal.evidence[0].start].iloc[0]
    assert both["issue_label"] == "Troop withdrawal (opposes); Border crossing (neutral)"
    assert both["stance"] == "opposes, neutral"
    one = said[said["start"] == withdrawal.evidence[1].start].iloc[0]
    assert (one["issue_label"], one["stance"]) == ("Troop withdrawal", "opposes")
    assert frames.statements_frame(analysis, Filters(), None, "border")["issue_label"].tolist() == [
        "Border crossing"
    ]


def test_the_limit_counts_statements_and_keeps_their_issues() -> None:
    """The first ``limit`` rows are statements, not (issue, statement) pairs, and a statement kept
    lists every issue it is filed under, even one whose position comes after the limit."""
    withdrawal = next(p for p in ANALYSIS.positions if p.issue == "withdrawal")
    first, second = withdrawal.evidence[:2]
    border = replace(withdrawal, issue="border", issue_label="Border crossing", stance="neutral", count=1)
    analysis = replace(ANALYSIS, positions=(*ANALYSIS.positions, replace(border, evidence=(first,))))
    said = frames.statements_frame(analysis, Filters(), "rufus-firefly", None, 1)
    assert said["start"].tolist() == [first.start]
    assert said["issue_label"].tolist() == ["Troop withdrawal (opposes); Border crossing (neutral)"]
    two = frames.statements_frame(analysis, Filters(), "rufus-firefly", None, 2)
    assert two["start"].tolist() == [first.start, second.start]
    frame, total = frames.statements_counted(analysis, Filters(), "rufus-firefly", None, 1)
    assert (len(frame), total) == (1, 2)
    assert frames.statements_count(analysis, Filters(), "rufus-firefly", None) == 2


def test_aliases_and_mentions() -> None:
    assert frames.aliases_frame(ANALYSIS, "trentino", Filters())["alias"].tolist() == ["Ambassador Trentino"]
    assert frames.aliases_frame(ANALYSIS, "nobody", Filters()).empty
    assert set(frames.mentions_frame(ANALYSIS, "alpha-1")["actor"]) == {
        "Freedonia",
        "Rufus Firefly",
        "Sylvania",
    }


def test_comparison_frames() -> None:
    claims = frames.claims_frame(ANALYSIS, comparison())
    assert sorted(claims["status"].unique()) == ["discrepancy", "only", "same"]
    assert provenance_holds(claims)
    cards = frames.discrepancies_frame(ANALYSIS, comparison())
    assert (cards.loc[0, "a_text"], cards.loc[0, "b_text"]) == ("2,000 troops", "20,000 troops")
    assert "20,000 troops at the border" in cards.loc[0, "b_sentence"]
    assert frames.quoted_frame(ANALYSIS, comparison())["quoted in"].tolist() == ["both", "only B"]
    assert cards.loc[0, "about"] == "troops at the border"  # what a number counts, as said


def test_a_discrepancy_about_an_actor_names_it() -> None:
    """A wording or speaker flag is about an actor: its card and claim rows give the name, not the id."""
    base = comparison()
    wording = replace(base.discrepancies[0], kind="wording", about="rufus-firefly")
    flagged = replace(base, discrepancies=(wording,))
    assert frames.discrepancies_frame(ANALYSIS, flagged).loc[0, "about"] == "Rufus Firefly"
    claims = frames.claims_frame(ANALYSIS, flagged)
    assert set(claims.loc[claims["status"] == "discrepancy", "detail"]) == {"wording: Rufus Firefly"}


def test_errors_frame_shows_file_names() -> None:
    assert frames.errors_frame(ANALYSIS.corpus.errors).to_dict("records") == [
        {"file": "broken.pdf", "reason": "not a text format"}
    ]


def test_date_bounds() -> None:
    assert frames.date_bounds(ANALYSIS) == (date(2019, 1, 1), date(2023, 3, 15))
    assert frames.date_bounds(EMPTY) is None


BUILDERS = [
    lambda a: charts.timeline_figure(timeline.timeline_frame(a, Filters(), "actor")),
    lambda a: charts.positions_figure(frames.positions_frame(a, Filters())),
    lambda a: charts.documents_figure(frames.documents_frame(a, Filters())),
    lambda a: charts.speakers_figure(frames.speakers_frame(frames.quotes_frame(a, Filters()))),
    lambda a: charts.mentions_figure(frames.mentions_frame(a, "alpha-1")),
]


@pytest.mark.parametrize("build", BUILDERS)
@pytest.mark.parametrize("analysis", [ANALYSIS, EMPTY], ids=["full", "empty"])
def test_figures_build_on_full_and_empty_data(build, analysis: Analysis) -> None:  # type: ignore[no-untyped-def]
    fig = build(analysis)
    assert fig.layout.title.text


def test_timeline_symbols_show_precision() -> None:
    fig = charts.timeline_figure(timeline.timeline_frame(ANALYSIS, Filters(), "actor"))
    symbols = {t.name: t.marker.symbol for t in fig.data}
    assert symbols["on or before"] == "triangle-left" and symbols["day"] == "circle"


def test_heatmap_colours_stance_and_writes_counts() -> None:
    fig = charts.positions_figure(frames.positions_frame(ANALYSIS, Filters()))
    heat = fig.data[0]
    assert set(heat.y) == {"Rufus Firefly", "Trentino"}
    assert {t for row in heat.text for t in row if t} == {"1", "2"}
    assert {c for row in heat.customdata for c in row if c} == {"opposes", "demands"}


def test_figures_keep_report_text_as_text() -> None:
    """A label such as an actor name taken from a report never becomes a plotly link."""
    frame = pd.DataFrame(
        {"speaker": ["<a href='javascript:alert(1)'>x</a>"], "quotes": [1], "documents": [1]}
    )
    fig = charts.speakers_figure(frame)
    assert "<a " not in str(fig.to_plotly_json()) and "&lt;a href" in str(fig.data[0].y[0])


def timeline_rows(*events: tuple[str, str, str, str]) -> pd.DataFrame:
    """A timeline frame with one row per (event id, row, day, precision)."""
    rows = [
        {
            "event_id": e,
            "row": r,
            "day": pd.Timestamp(d),
            "event_date": d,
            "precision": p,
            "summary": f"summary {e}",
            "sources": "Post",
            "reported": "Post: 2023-03-14",
        }
        for e, r, d, p in events
    ]
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("events", "counts", "distinct_y"),
    [
        # three events on one actor's day: one marker saying 3
        (
            [
                ("e1", "A", "2023-03-13", "day"),
                ("e2", "A", "2023-03-13", "day"),
                ("e3", "A", "2023-03-13", "day"),
            ],
            [3],
            1,
        ),
        # two precisions on one day: two markers, offset so neither hides the other
        ([("e1", "A", "2023-03-13", "day"), ("e2", "A", "2023-03-13", "on_or_before")], [1, 1], 2),
        # different days or rows: nothing merged
        (
            [
                ("e1", "A", "2023-03-13", "day"),
                ("e2", "A", "2023-03-14", "day"),
                ("e3", "B", "2023-03-13", "day"),
            ],
            [1, 1, 1],
            2,
        ),
    ],
)
def test_timeline_markers_count_events_of_a_day(
    events: list[tuple[str, str, str, str]], counts: list[int], distinct_y: int
) -> None:
    markers = charts.timeline_markers(timeline_rows(*events))
    assert sorted(markers["events"]) == counts
    assert markers["y"].nunique() == distinct_y


def test_timeline_marker_shows_count_and_lists_summaries() -> None:
    events = [(f"e{i}", "A", "2023-03-13", "day") for i in range(7)]
    fig = charts.timeline_figure(timeline_rows(*events))
    assert list(fig.data[0].text) == ["7"]
    hover = fig.data[0].customdata[0][-1]
    assert "summary e0" in hover and "and 2 more" in hover


def test_a_count_beside_a_marker_on_the_last_day_is_not_cut() -> None:
    """The count stands right of its marker: on the axis's last day it is drawn in the right margin."""
    events = [(f"e{i}", "A", "2023-03-13", "day") for i in range(3)] + [("f", "A", "2023-03-01", "day")]
    fig = charts.timeline_figure(timeline_rows(*events))
    assert all(trace.cliponaxis is False for trace in fig.data if trace.mode == "markers+text")
    assert fig.layout.margin.r >= 30


@pytest.mark.parametrize(
    ("days", "breaks"),
    [
        (["2014-01-01", "2022-01-25", "2022-01-27"], 1),  # a background year does not squeeze the crisis
        (["2022-01-25", "2022-01-27"], 0),
        (["2022-01-01", "2022-03-01", "2022-06-01"], 2),
    ],
)
def test_long_quiet_stretches_are_cut_from_the_time_axis(days: list[str], breaks: int) -> None:
    events = [(f"e{i}", "A", d, "day") for i, d in enumerate(days)]
    fig = charts.timeline_figure(timeline_rows(*events))
    assert len(fig.layout.xaxis.rangebreaks) == breaks


def test_heatmap_grows_with_actors_and_keeps_issue_labels_apart() -> None:
    def positions(actors: int) -> pd.DataFrame:
        rows = [
            {
                "actor": f"Actor {i}",
                "issue_label": "Russian de-escalation / troop withdrawal",
                "stance": "supports",
                "count": 1,
            }
            for i in range(actors)
        ]
        return pd.DataFrame(rows)

    small, large = charts.positions_figure(positions(2)), charts.positions_figure(positions(12))
    assert small.layout.height >= 300 and large.layout.height >= 12 * 40
    # one line, cut at a word, no fixed angle: plotly turns labels that would overlap (600 px)
    assert all("<br>" not in t and len(t) <= 28 for t in large.layout.xaxis.ticktext)
    assert large.layout.xaxis.tickangle is None


@pytest.mark.parametrize(
    ("actors", "issues", "narrow", "square"),
    [(1, 1, True, True), (1, 3, True, True), (1, 12, False, True), (8, 12, False, False), (8, 2, True, True)],
)
def test_a_heatmap_of_few_issues_is_drawn_narrow(
    actors: int, issues: int, narrow: bool, square: bool
) -> None:
    """A cell is at most CELL_PX wide: one actor's three issues filled a wide page with 300 px
    blocks; a matrix wide enough takes the page's width (and the page's column caps any). A narrow
    one, or one of few rows, has square cells, not towers as tall as the labels' room."""
    rows = [
        {"actor": f"Actor {a}", "issue_label": f"harbour fee {i}", "stance": "supports", "count": 1}
        for a in range(actors)
        for i in range(issues)
    ]
    fig = charts.positions_figure(pd.DataFrame(rows))
    if narrow:
        assert fig.layout.width <= charts.FULL_WIDTH
        assert charts.chart_width(fig) == fig.layout.width
    else:
        assert fig.layout.width is None and charts.chart_width(fig) == "stretch"
    assert (fig.layout.yaxis.scaleanchor == "x") is square


@pytest.mark.parametrize(("days", "expected"), [(5, 1), (20, 1), (100, 7), (180, 14), (1200, 28)])
def test_a_marker_groups_more_days_when_the_axis_spans_months(days: int, expected: int) -> None:
    every_day = pd.Series(pd.date_range("2022-01-03", periods=days, freq="D"))
    assert charts.marker_days(every_day, (False, False)) == expected


def test_week_markers_count_a_rows_events_of_a_week_at_its_first_event_day() -> None:
    events = [
        ("e1", "A", "2023-03-14", "day"),  # a Tuesday
        ("e2", "A", "2023-03-16", "day"),  # the same week
        ("e3", "A", "2023-03-20", "day"),  # the next Monday
        ("e4", "B", "2023-03-16", "day"),  # another row
    ]
    markers = charts.timeline_markers(timeline_rows(*events), bin_days=7)
    found = sorted(zip(markers["row"], markers["day"].dt.strftime("%m-%d"), markers["events"], strict=True))
    assert found == [("A", "03-14", 2), ("A", "03-20", 1), ("B", "03-16", 1)]


def _positions(counts: dict[str, int]) -> pd.DataFrame:
    rows = [
        {
            "actor_id": a.lower(),
            "actor": a,
            "issue": "i",
            "issue_label": "I",
            "stance": "supports",
            "count": n,
        }
        for a, n in counts.items()
    ]
    return pd.DataFrame(rows, columns=frames.POSITION_COLUMNS)


@pytest.mark.parametrize(
    ("counts", "limit", "keep", "want", "noted"),
    [
        ({"Ann": 5, "Bo": 3, "Cy": 1}, 2, None, {"ann", "bo"}, True),  # the most statements first
        ({"Ann": 5, "Bo": 3, "Cy": 1}, 2, "cy", {"ann", "bo", "cy"}, True),  # a picked actor stays
        ({"Ann": 2, "Bo": 2, "Cy": 2}, 1, None, {"ann"}, True),  # ties by name
        ({"Ann": 5, "Bo": 3}, 0, None, {"ann", "bo"}, False),  # 0: all, nothing left out
        ({"Ann": 5, "Bo": 3}, 15, None, {"ann", "bo"}, False),  # fewer actors than the limit
    ],
)
def test_top_position_actors(
    counts: dict[str, int], limit: int, keep: str | None, want: set[str], noted: bool
) -> None:
    kept, total = frames.top_position_actors(_positions(counts), limit, keep)
    assert set(kept["actor_id"]) == want and total == len(counts)
    assert bool(frames.top_actors_note(min(limit, total) if limit > 0 else total, total)) == noted


@pytest.mark.parametrize(
    ("dates", "warned"),
    [
        (["2024-03-01", "2024-03-02"], ""),
        (["2024-03-01", "undated", "2024"], ""),  # undated and year-only dates are not compared
        (["2024-03-01", "2091-08-26"], "1 report date(s) lie after today (Coast Herald 2091-08-26)"),
        (["2090-01-01"] * 5, "5 report date(s) lie after today (Coast Herald 2090-01-01, "),
    ],
)
def test_future_dated(dates: list[str], warned: str) -> None:
    docs = pd.DataFrame({"source": ["Coast Herald"] * len(dates), "date": dates})
    got = frames.future_dated(docs, date(2024, 3, 5))
    assert got.startswith(warned) if warned else got == ""
    assert ("and 2 more" in got) == (len(dates) == 5)


def test_future_dated_on_no_documents() -> None:
    assert frames.future_dated(pd.DataFrame(columns=["source", "date"]), date(2024, 3, 5)) == ""


def _every(start: str, step_days: int, n: int) -> list[str]:
    return [(pd.Timestamp(start) + pd.Timedelta(days=step_days * k)).date().isoformat() for k in range(n)]


@pytest.mark.parametrize(
    "days",
    [
        # long stretches: the room around them is a share of the days shown, not whole seconds
        [*_every("1603-06-01", 20, 11), "2022-01-05", "2022-01-19"],  # before pandas' nanosecond range
        _every("0032-01-01", 25, 9) + _every("2022-01-05", 7, 5),
        [*_every("2022-01-05", 20, 11), "2290-01-01"],  # and after it
    ],
)
def test_timeline_axis_holds_days_outside_the_nanosecond_range(days: list[str]) -> None:
    events = [(f"e{i}", "A", d, "day") for i, d in enumerate(days)]
    fig = charts.timeline_figure(timeline_rows(*events), fold=(False, False))
    first, last = fig.layout.xaxis.range
    assert pd.Timestamp(first) < pd.Timestamp(days[0]) and pd.Timestamp(last) > pd.Timestamp(days[-1])


SHOWN = pd.DataFrame(
    {
        "text": ["short", "x" * 30, "y" * 12, ""],
        "source": ["Harbor Post", "Valley Courier", "Harbor Post", "Valley Courier"],
        "sentence": ["hidden"] * 4,
    }
)


@pytest.mark.parametrize(
    ("columns", "long", "limit", "texts"),
    [
        (["text", "source"], ["text"], 12, ["short", "x" * 12 + " …", "y" * 12, ""]),  # at the limit: kept
        (["text", "source"], [], 12, ["short", "x" * 30, "y" * 12, ""]),  # nothing named long: nothing cut
        (["text"], ["text"], 100, ["short", "x" * 30, "y" * 12, ""]),  # none over the limit
        (["source", "text", "missing"], ["text", "missing"], 12, ["short", "x" * 12 + " …", "y" * 12, ""]),
    ],
)
def test_shown_columns_keeps_the_columns_shown_and_cuts_long_text(
    columns: list[str], long: list[str], limit: int, texts: list[str]
) -> None:
    shown = frames.shown_columns(SHOWN, columns, long, limit)
    assert list(shown.columns) == [c for c in columns if c in SHOWN.columns]  # no hidden column sent
    assert shown["text"].tolist() == texts
    assert SHOWN["text"].tolist()[1] == "x" * 30  # the frame the exports write is left whole


@pytest.mark.parametrize(
    ("filters", "actor", "issue"),
    [
        (Filters(), None, None),
        (Filters(), "rufus-firefly", None),
        (Filters(sources=("Evening Post",)), None, None),
        (Filters(), None, "talks"),
        (Filters(date_from=date(2030, 1, 1)), None, None),  # no report in view: none
        (Filters(), "nobody-at-all", None),  # an actor with no position: none
    ],
)
def test_statement_spans_one_at_a_time_are_the_list(
    filters: Filters, actor: str | None, issue: str | None
) -> None:
    """A store's slice takes the first few statements from ``iter_statement_spans``: the same ones,
    in the same order, as ``statement_spans`` lists."""
    listed = frames.statement_spans(ANALYSIS, filters, actor, issue)
    assert list(frames.iter_statement_spans(ANALYSIS, filters, actor, issue)) == listed
    first = frames.iter_statement_spans(ANALYSIS, filters, actor, issue)
    assert [next(first) for _ in listed[:1]] == listed[:1]


def _reports(n: int) -> Analysis:
    docs = tuple(
        Document(
            f"r{i}",
            f"Report {i}",
            "Post" if i % 2 else "Herald",
            f"2023-01-{i + 1:02d}",
            "header",
            "en",
            "",
            "",
            "x",
        )
        for i in range(n)
    )
    return Analysis(Corpus(docs), (), (), (), (), (), (), ())


@pytest.mark.parametrize(
    ("n", "filters", "picked", "limit", "ids", "left_out"),
    [
        # a corpus of at most `limit` reports: every report, in corpus order, whatever the filters
        (3, Filters(sources=("Post",)), (None, None), 3, ["r0", "r1", "r2"], 0),
        # above it: the reports in view, newest first, up to the limit
        (6, Filters(), (None, None), 3, ["r5", "r4", "r3"], 3),
        (6, Filters(sources=("Herald",)), (None, None), 2, ["r4", "r2"], 1),
        # the picked pair is offered even outside the filters or past the limit, once each
        (6, Filters(sources=("Herald",)), ("r1", "r1"), 2, ["r1", "r4", "r2"], 1),
        (6, Filters(), ("r0", "r5"), 3, ["r0", "r5", "r4", "r3"], 3),
        # an id the corpus does not hold is not offered
        (6, Filters(), ("gone", None), 3, ["r5", "r4", "r3"], 3),
    ],
)
def test_report_choices(
    n: int, filters: Filters, picked: tuple[str | None, ...], limit: int, ids: list[str], left_out: int
) -> None:
    assert frames.report_choices(_reports(n), filters, picked, limit) == frames.ReportChoices(ids, left_out)


def test_report_choices_note_says_how_many_are_left_out_and_how_to_reach_them() -> None:
    offered = frames.report_choices(_reports(6), Filters(), ("r0",), 3)
    note = frames.report_choices_note(offered, 3)
    assert note.startswith("Listed: the 3 newest reports in view (3 more are in view)")
    assert "sidebar's sources or dates" in note
    many = frames.report_choices_note(frames.ReportChoices(["r0"], 12_345), 1_000)
    assert "the 1,000 newest" in many and "(12,345 more" in many


@pytest.mark.parametrize(
    ("n", "filters", "picked", "limit", "ids", "left_out"),
    [
        # at most `limit` reports in view: those, in corpus order (the filters apply below the limit too)
        (6, Filters(sources=("Herald",)), (), 3, ["r0", "r2", "r4"], 0),
        (3, Filters(), (), 3, ["r0", "r1", "r2"], 0),
        # above it: the newest in view, and the picked one kept
        (6, Filters(sources=("Herald",)), ("r0",), 2, ["r0", "r4", "r2"], 1),
        (6, Filters(), (), 4, ["r5", "r4", "r3", "r2"], 2),
    ],
)
def test_reports_in_view(
    n: int, filters: Filters, picked: tuple[str, ...], limit: int, ids: list[str], left_out: int
) -> None:
    assert frames.reports_in_view(_reports(n), filters, picked, limit) == frames.ReportChoices(ids, left_out)
