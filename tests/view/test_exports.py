"""Exports: CSV and JSON of a frame, and the Markdown brief with footnotes to the sources."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from dashboard_fixtures import sample_analysis

from lib.view import exports, frames
from lib.view.urls import Filters


@pytest.fixture(scope="module")
def quotes() -> pd.DataFrame:
    return frames.quotes_frame(sample_analysis(), Filters())


def test_csv_round_trip(quotes: pd.DataFrame) -> None:
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(quotes)), keep_default_na=False)
    assert list(back.columns) == list(quotes.columns)
    assert back["quote"].tolist() == quotes["quote"].tolist()


def test_json_rows_keep_unicode_and_provenance(quotes: pd.DataFrame) -> None:
    data = exports.json_bytes(quotes)
    rows = json.loads(data)
    assert len(rows) == len(quotes)
    assert set(frames.PROVENANCE) <= set(rows[0])
    assert "“" in data.decode("utf-8") or all("\\u201c" not in r["sentence"] for r in rows)


def test_brief_footnotes_every_row(quotes: pd.DataFrame) -> None:
    brief = exports.markdown_brief("Quotes", "Reader?doc=alpha-1", ["actors: Rufus Firefly"], quotes, "quote")
    assert brief.startswith("# Quotes\n")
    assert "`Reader?doc=alpha-1`" in brief and "- actors: Rufus Firefly" in brief
    for i, row in enumerate(quotes.itertuples(), start=1):
        assert f"[^{i}]: {row.source} ({row.date}), {row.doc_id} chars {row.start}–{row.end}:" in brief
    assert brief.count("[^") == 2 * len(quotes)


# Invented evidence: one event told in two sentences of one report and one of another, a second
# event in one sentence, and a repeated row of the first (the same sentence twice).
EVIDENCE = pd.DataFrame(
    {
        "event_id": ["e1", "e1", "e1", "e1", "e2"],
        "line": ["2022-07-29 — Valdoria shelled the port"] * 4 + ["2022-07-30 — Norland closed the border"],
        "doc_id": ["d1", "d1", "d2", "d1", "d2"],
        "source": ["Evening Post", "Evening Post", "Morning Star", "Evening Post", "Morning Star"],
        "date": ["2022-07-29", "2022-07-29", "2022-07-30", "2022-07-29", "2022-07-30"],
        "start": [0, 40, 10, 0, 80],
        "end": [30, 70, 50, 30, 120],
        "sentence": ["one", "two", "three", "one", "four"],
    }
)


@pytest.mark.parametrize(
    ("group", "entries", "notes"),
    [("event_id", 2, 4), (None, 5, 5)],  # grouped: one entry per event, each sentence cited once
)
def test_brief_groups_evidence_by_finding(group: str | None, entries: int, notes: int) -> None:
    brief = exports.markdown_brief("Timeline brief", "Timeline", [], EVIDENCE, "line", group_column=group)
    findings = [line for line in brief.splitlines() if line.startswith("- 2022")]
    assert len(findings) == entries
    assert sum(line.startswith("[^") for line in brief.splitlines()) == notes
    if group:
        assert findings[0] == "- 2022-07-29 — Valdoria shelled the port[^1][^2][^3]"


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        (
            "http://localhost:8501/Timeline?group=source&rows=30",
            "View: <http://localhost:8501/Timeline?group=source&rows=30>",
        ),
        ("Timeline?rows=all", "View: `Timeline?rows=all`"),  # not a full link: shown as code
    ],
)
def test_brief_opens_with_the_view_link(link: str, shown: str) -> None:
    brief = exports.markdown_brief("Timeline brief", link, [], EVIDENCE, "line", group_column="event_id")
    assert brief.splitlines()[2] == shown


def test_brief_of_nothing_says_so(quotes: pd.DataFrame) -> None:
    brief = exports.markdown_brief("Quotes", "Timeline", [], quotes.head(0), "quote")
    assert "Nothing matches these filters" in brief and "no filter" in brief


def test_brief_needs_provenance() -> None:
    with pytest.raises(ValueError, match="sentence"):
        exports.markdown_brief("x", "y", [], pd.DataFrame({"quote": ["a"], "doc_id": ["d"]}), "quote")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a = b", "a = b"),  # only the first character makes a formula
        ("“=quoted”", "“=quoted”"),
        ("", ""),
        (-3, -3),  # a number stays a number
        (None, None),
    ],
)
def test_neutralised(cell: object, expected: object) -> None:
    assert exports.neutralised(cell) == expected


def test_csv_neutralises_formulas_and_json_keeps_them() -> None:
    frame = pd.DataFrame(
        {
            "title": ['=HYPERLINK("http://evil.example","x")', "calm"],
            "start": [-1, 2],
            "sentence": ["@a", "b"],
        }
    )
    back = pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), keep_default_na=False)
    assert back["title"].tolist() == ['\'=HYPERLINK("http://evil.example","x")', "calm"]
    assert back["start"].tolist() == [-1, 2] and back["sentence"].tolist() == ["'@a", "b"]
    rows = json.loads(exports.json_bytes(frame))
    assert rows[0]["title"] == '=HYPERLINK("http://evil.example","x")' and rows[0]["sentence"] == "@a"
    assert frame["title"][0].startswith("=")  # the page's own frame is left alone
