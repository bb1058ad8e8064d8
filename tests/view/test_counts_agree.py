"""The counts of a view are the same wherever they are shown: documents, quotes, events and
discrepancies on the Overview, on the page that lists them, and in the files exported from it,
for a table of filters, on the whole analysis and on a store of it.

Each count is taken as the page takes it (lib/view/pages.py's view models, the frames the pages
export through lib/view/exports.py, read back from the CSV), so a page that counted another way
than its export, or a store that counted another way than the memory path, fails here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from dashboard_fixtures import sample_analysis

from lib.compare.align import compare
from lib.extract.pipeline import analyze_paths
from lib.records import Analysis
from lib.store.parquet import write_analysis
from lib.store.slices import (
    StoreIndex,
    count_events,
    documents_slice,
    overview_quotes,
    store_index,
    timeline_slice,
)
from lib.view import exports, frames, network, timeline
from lib.view.pages import comparison_view, home_pairs, overview_view, timeline_view
from lib.view.urls import Filters, View

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Counts:
    documents: int
    quotes: int
    events: int
    discrepancies: int


def exported_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the CSV export gives it back."""
    return pd.read_csv(io.BytesIO(exports.csv_bytes(frame)), dtype=str, keep_default_na=False)


def filter_table(analysis: Analysis) -> list[Filters]:
    sources = sorted({d.source for d in analysis.documents if d.source})
    dates = sorted(d.date for d in analysis.documents if d.date)
    actors = sorted(a.id for a in analysis.actors)
    day = date.fromisoformat(dates[0][:10]) if dates else None
    return [
        Filters(),
        Filters(sources=tuple(sources[:1])),
        Filters(date_from=day, date_to=day),
        Filters(actors=tuple(actors[:1])),
        Filters(sources=("no such source",)),
    ]


def memory_counts(analysis: Analysis, filters: Filters) -> list[Counts]:
    """Every place each count shows on the memory path: Overview, page, export."""
    view = View(filters=filters)
    quotes = frames.quotes_frame(analysis, filters)
    home = overview_view(analysis, view, quotes)  # as the Overview builds it
    docs = home.docs
    shown = timeline_view(analysis, view)
    pairs = home_pairs(list(docs["doc_id"]))
    found = [compare(analysis, a, b) for a, b in pairs]
    listed = [comparison_view(analysis, c).discrepancies for c in found]
    diversity = network.diversity_frame(analysis, quotes, filters)
    return [
        Counts(
            len(docs),
            home.quotes,
            timeline.event_count(analysis, filters),
            sum(len(c.discrepancies) for c in found),
        ),
        Counts(
            len(exported_rows(docs)),
            int(diversity["quotes"].sum()) if not diversity.empty else 0,
            shown.count,
            sum(len(d) for d in listed),
        ),
        Counts(
            int(diversity["documents"].sum()) if not diversity.empty else 0,
            len(exported_rows(quotes)),
            exported_rows(shown.events)["event_id"].nunique() if not shown.events.empty else 0,
            sum(len(exported_rows(d)) for d in listed),
        ),
    ]


def store_counts(index: StoreIndex, filters: Filters) -> list[Counts]:
    """The same on a store: the Overview's SQL counts, each page's slice, its export."""
    view = View(filters=filters)
    quotes = overview_quotes(index, filters)
    home = overview_view(index.base, view, quotes)
    docs = home.docs
    shown = timeline_view(timeline_slice(index, filters).analysis, view)
    pairs = home_pairs(list(docs["doc_id"]))
    found = [(documents_slice(index, [a, b]).analysis, a, b) for a, b in pairs]
    listed = [comparison_view(part, compare(part, a, b)).discrepancies for part, a, b in found]
    diversity = network.diversity_frame(index.base, quotes, filters)
    return [
        Counts(len(docs), home.quotes, count_events(index, filters), sum(len(d) for d in listed)),
        Counts(
            len(exported_rows(docs)),
            int(diversity["quotes"].sum()) if not diversity.empty else 0,
            shown.count,
            sum(len(exported_rows(d)) for d in listed),
        ),
    ]


@pytest.fixture(scope="module", params=["seeds", "sample"])
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Analysis, StoreIndex]:
    analysis = analyze_paths([ROOT / "data"]) if request.param == "seeds" else sample_analysis()
    store = tmp_path_factory.mktemp(f"counts-{request.param}")
    write_analysis(analysis, store, batch_size=1)
    return analysis, store_index(store)


def test_counts_agree_across_pages_exports_and_the_store(stored: tuple[Analysis, StoreIndex]) -> None:
    analysis, index = stored
    seen = []
    for filters in filter_table(analysis):
        places = memory_counts(analysis, filters) + store_counts(index, filters)
        assert len(set(places)) == 1, (filters, places)
        seen.append(places[0])
    assert any(c.documents and c.quotes and c.events for c in seen)  # the table is not vacuous
    assert seen[-1] == Counts(0, 0, 0, 0)
