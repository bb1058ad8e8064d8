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
