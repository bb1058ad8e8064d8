"""A page's view model made once while it reruns on the same objects (ui.reads.per_view)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import replace

import pandas as pd
import pytest
from dashboard_fixtures import sample_analysis

from lib.records import Analysis
from lib.view.urls import Filters, View
from ui import reads
from ui.reads import VIEW_MODELS, per_view

BUILT: list[tuple[Analysis, View]] = []


def build(analysis: Analysis, view: View, *more: object) -> tuple[int, int]:
    BUILT.append((analysis, view))
    return len(analysis.documents), len(more)


@pytest.fixture(autouse=True)
def empty_memo() -> Iterator[None]:
    reads._VIEW_MODELS.clear()
    BUILT.clear()
    yield
    reads._VIEW_MODELS.clear()


def test_the_same_objects_and_view_are_built_once() -> None:
    analysis, view = sample_analysis(), View(group="source")
    first = per_view(build, analysis, view)
    assert per_view(build, analysis, View(group="source")) is first  # an equal view is the same view
    assert len(BUILT) == 1


def test_an_equal_but_other_analysis_is_built_again() -> None:
    """Two sessions' uploads of the same files are two corpora: nothing crosses between them."""
    analysis = sample_analysis()
    per_view(build, analysis, View())
    per_view(build, replace(analysis), View())
    assert len(BUILT) == 2


def test_another_view_or_other_inputs_are_built_again() -> None:
    analysis, counts = sample_analysis(), pd.DataFrame({"n": [1]})
    per_view(build, analysis, View())
    per_view(build, analysis, View(filters=Filters(sources=("Outlet A",))))
    per_view(build, analysis, View(), counts)
    per_view(build, analysis, View(), counts)
    per_view(build, analysis, View(), pd.DataFrame({"n": [1]}))  # dropped after the call
    per_view(build, analysis, View(), None)  # a dead reference is not None
    per_view(build, analysis, View(), None)
    assert len(BUILT) == 5


def test_another_builder_is_built_apart() -> None:
    def other(analysis: Analysis, view: View) -> str:
        return "other"

    analysis = sample_analysis()
    assert per_view(build, analysis, View()) != per_view(other, analysis, View())


def test_the_memo_keeps_neither_its_inputs_nor_more_than_its_latest_results() -> None:
    views = [View(rows=n) for n in range(VIEW_MODELS + 2)]
    analysis = sample_analysis()
    for view in views:
        per_view(build, analysis, view)
    assert len(reads._VIEW_MODELS) == VIEW_MODELS
    per_view(build, analysis, views[0])  # the oldest was let go: built again
    assert len(BUILT) == VIEW_MODELS + 3
    BUILT.clear()
    del analysis
    gc.collect()
    assert all(held() is None for inputs, _ in reads._VIEW_MODELS.values() for held in inputs)  # type: ignore[operator]
