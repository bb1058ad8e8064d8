"""The store's stamp (lib/store/query.py): every change the code makes to a store changes it, so an
open database of its views is built anew; reading the store leaves it as it was."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from dashboard_fixtures import sample_analysis

from lib.store.check import check_store, repair_store
from lib.store.compaction import compact
from lib.store.parquet import (
    collect_garbage,
    read_corpus,
    read_manifest,
    write_analysis,
    write_corpus,
    write_manifest,
)
from lib.store.query import stamp
from lib.store.slices import NO_INDEX, search_slice, store_index, store_network_edges
from lib.store.terms import TERMS, write_index
from lib.view.urls import Filters


@pytest.fixture
def store(tmp_path: Path) -> Path:
    write_analysis(sample_analysis(), tmp_path / "store", batch_size=1)
    return tmp_path / "store"


def _first_batch(store: Path) -> Path:
    return store / "batches" / read_manifest(store).batches[0].id


def _refresh_corpus(store: Path) -> None:
    manifest = read_manifest(store)
    write_corpus(store, read_corpus(store, manifest), manifest.errors, manifest.parsed)


def _leftover(store: Path) -> None:
    """An interrupted ingest's folder, then garbage collection removing it."""
    (store / "batches" / "not-in-the-manifest").mkdir()
    collect_garbage(store, read_manifest(store))


CHANGES: dict[str, Callable[[Path], object]] = {
    "manifest rewritten": lambda s: write_manifest(s, read_manifest(s)),
    "corpus refreshed": _refresh_corpus,
    "compacted": compact,
    "term index rebuilt": lambda s: write_index(_first_batch(s)),
    "garbage collected": _leftover,
    "table deleted": lambda s: (_first_batch(s) / "quotes.parquet").unlink(),
    "batch folder deleted": lambda s: shutil.rmtree(_first_batch(s)),
    "manifest deleted": lambda s: (s / "manifest.json").unlink(),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_changes_the_stamp(store: Path, change: str) -> None:
    before = stamp(store)
    CHANGES[change](store)
    assert stamp(store) != before


def test_reading_leaves_the_stamp(store: Path) -> None:
    before = stamp(store)
    index = store_index(store)
    store_network_edges(index, Filters())
    search_slice(index, Filters(), "talks")
    check_store(store)
    assert stamp(store) == before


def test_an_open_store_sees_its_index_removed_then_rebuilt(store: Path) -> None:
    """The database is kept between queries, and built anew after a repair made outside an ingest."""
    index = store_index(store)
    assert NO_INDEX not in search_slice(index, Filters(), "talks").notes
    (_first_batch(store) / f"{TERMS}.parquet").unlink()
    assert NO_INDEX in search_slice(index, Filters(), "talks").notes
    repair_store(store, index.base.documents)
    assert NO_INDEX not in search_slice(index, Filters(), "talks").notes
