"""The Network page on a store: the edges the store counts in SQL and the evidence of a pick are
those lib/view/network.py gives on the whole analysis."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from dashboard_fixtures import sample_analysis

from lib.extract.pipeline import analyze_paths
from lib.records import Analysis
from lib.store.parquet import read_analysis, write_analysis
from lib.store.slices import (
    StoreIndex,
    network_slice,
    overview_quotes,
    page_slice,
    store_diversity,
    store_index,
    store_network_edges,
)
from lib.view import network
from lib.view.urls import Filters, View

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=["seeds", "sample"])
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Analysis, StoreIndex]:
    analysis = analyze_paths([ROOT / "data"]) if request.param == "seeds" else sample_analysis()
    store = tmp_path_factory.mktemp(request.param)
    write_analysis(analysis, store, batch_size=1)
    return read_analysis(store), store_index(store)


def filter_table(analysis: Analysis) -> list[Filters]:
    actors = sorted({a.id for a in analysis.actors})[:2]
    source = next((d.source for d in analysis.documents if d.source), "none")
    return [
        Filters(),
        Filters(actors=tuple(actors[:1])),
        Filters(sources=(source,)),
        Filters(sources=("none",)),
    ]


def test_edges_counted_by_the_store_are_the_analysis_edges(stored: tuple[Analysis, StoreIndex]) -> None:
    analysis, index = stored
    sizes = []
    for filters in filter_table(analysis):
        expected = network.edges_of(analysis, network.exchanges(analysis, filters))
        found = store_network_edges(index, filters)
        pd.testing.assert_frame_equal(found, expected, check_dtype=False)
        sizes.append(len(found))
    assert sizes[0] > 0 and sizes[-1] == 0  # the table is not vacuous


def test_the_evidence_of_a_pick_is_the_analysis_evidence(stored: tuple[Analysis, StoreIndex]) -> None:
    analysis, index = stored
    found = network.exchanges(analysis, Filters())
    if not found:
        pytest.skip("no exchange in this corpus")
    first = found[0]
    picks = [
        View(speaker=first.quote.speaker_id, about=first.about),
        View(node=first.about),
        View(node=first.quote.speaker_id),
        View(),
    ]
    for view in picks:
        expected = network.exchanges_frame(
            analysis, network.selected(found, view.node, view.speaker, view.about)
        )
        part = page_slice(index, "Network", view).analysis
        mine = network.selected(network.exchanges(part, Filters()), view.node, view.speaker, view.about)
        pd.testing.assert_frame_equal(network.exchanges_frame(part, mine), expected, check_dtype=False)


def test_every_exchange_without_a_pick(stored: tuple[Analysis, StoreIndex]) -> None:
    analysis, index = stored
    part = network_slice(index, Filters()).analysis
    expected = network.edges_of(analysis, network.exchanges(analysis, Filters()))
    pd.testing.assert_frame_equal(
        network.edges_of(part, network.exchanges(part, Filters())), expected, check_dtype=False
    )


def test_source_diversity_counted_by_the_store_is_the_analysis_diversity(
    stored: tuple[Analysis, StoreIndex],
) -> None:
    """The Network page's upper half: the same rows in the same order as from the store's quotes
    frame (``overview_quotes``, which the page read before; it names a low-confidence speaker
    plainly, as the home page does)."""
    analysis, index = stored
    sizes = []
    for filters in filter_table(analysis):
        quotes = overview_quotes(index, filters)
        diversity, per_source = store_diversity(index, filters)
        expected = network.source_speakers_frame(index.base, quotes)
        pd.testing.assert_frame_equal(per_source, expected, check_dtype=False)
        expected_div = network.diversity_frame(index.base, quotes, filters)
        pd.testing.assert_frame_equal(diversity, expected_div, check_dtype=False)
        sizes.append(len(per_source))
    assert sizes[0] > 0 and sizes[-1] == 0


def test_derived_tables_follow_the_store(tmp_path: Path) -> None:
    """The exchanges and speakers made once per store generation are made anew when the store
    changes: a store rewritten with fewer documents counts only those."""
    analysis = sample_analysis()
    store = tmp_path / "store"
    write_analysis(analysis, store, batch_size=1)
    index = store_index(store)
    before = store_network_edges(index, Filters()), store_diversity(index, Filters())[0]
    assert int(before[0]["quotes"].sum()) > 0
    whole = read_analysis(store)
    gone = network.exchanges(whole, Filters())[0].quote.doc_id  # a document with an exchange
    smaller = replace(
        whole,
        corpus=replace(whole.corpus, documents=tuple(d for d in whole.documents if d.id != gone)),
        quotes=tuple(q for q in whole.quotes if q.doc_id != gone),
        mentions=tuple(m for m in whole.mentions if m.doc_id != gone),
    )
    kept = smaller.documents
    write_analysis(smaller, store, batch_size=1)
    index = store_index(store)
    expected = network.edges_of(smaller, network.exchanges(smaller, Filters()))
    after = store_network_edges(index, Filters())
    pd.testing.assert_frame_equal(after, expected, check_dtype=False)
    assert int(after["quotes"].sum()) < int(before[0]["quotes"].sum())
    quotes = overview_quotes(index, Filters())  # read from the views, never derived
    assert set(quotes["doc_id"]) == {d.id for d in kept}
    pd.testing.assert_frame_equal(
        store_diversity(index, Filters())[0],
        network.diversity_frame(index.base, quotes, Filters()),
        check_dtype=False,
    )
