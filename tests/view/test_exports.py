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


def test_brief_of_nothing_says_so(quotes: pd.DataFrame) -> None:
    brief = exports.markdown_brief("Quotes", "Timeline", [], quotes.head(0), "quote")
    assert "Nothing matches these filters" in brief and "no filter" in brief


def test_brief_needs_provenance() -> None:
    with pytest.raises(ValueError, match="sentence"):
        exports.markdown_brief("x", "y", [], pd.DataFrame({"quote": ["a"], "doc_id": ["d"]}), "quote")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (([], [], "", ""), []),
        ((["NATO"], [], "", ""), ["actors: NATO"]),
        (([], ["Evening Post"], "2022-01-01", ""), ["sources: Evening Post", "dates: 2022-01-01 to end"]),
    ],
)
def test_describe_filters(args: tuple[list[str], list[str], str, str], expected: list[str]) -> None:
    assert exports.describe_filters(*args) == expected


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
