"""What each page builds for a view: one place, used by the pages and by the memory benchmark.

A page reads its state, asks for its view model here and renders it; tools/appmem.py builds the same
models to measure what a session holds. Where a store and an in-memory analysis differ (the home
page's quotes), the caller passes what it read.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from plotly.graph_objects import Figure

from lib.records import Analysis, Comparison
from lib.view import charts, frames, render

MAX_PAIRS_DOCS = 12  # above this, the home page does not count discrepancies over every pair


def home_pairs(doc_ids: Sequence[str]) -> list[tuple[str, str]]:
    """The document pairs whose discrepancies the home page counts (none when there are too many)."""
    return list(itertools.combinations(doc_ids, 2)) if len(doc_ids) <= MAX_PAIRS_DOCS else []


@dataclass(frozen=True)
class HomeView:
    docs: pd.DataFrame
    docs_figure: Figure | None
    quotes: int  # the quotes in view, resolved or not
    speakers: pd.DataFrame
    speakers_figure: Figure | None
    unresolved: list[str]  # speaker phrases tied to no actor: not counted among the speakers
    uncertain: int  # quotes tied to an actor on weak evidence (a pronoun, an ambiguous match): not counted
    errors: pd.DataFrame  # the files the ingest skipped, and why


def home_view(analysis: Analysis, docs: pd.DataFrame, quotes: pd.DataFrame) -> HomeView:
    """The overview of the documents and quotes in view (``frames.documents_frame``, and the quotes
    as ``frames.quotes_frame`` or the store's ``slices.overview_quotes`` give them)."""
    speakers = frames.speakers_frame(quotes)
    return HomeView(
        docs=docs,
        docs_figure=None if docs.empty else charts.documents_figure(docs),
        quotes=len(quotes),
        speakers=speakers,
        speakers_figure=None if speakers.empty else charts.speakers_figure(speakers),
        unresolved=frames.unresolved_speakers(quotes),
        uncertain=frames.uncertain_quotes(quotes),
        errors=frames.errors_frame(analysis.corpus.errors),
    )


@dataclass(frozen=True)
class ComparisonView:
    comparison: Comparison
    claims: pd.DataFrame
    claims_figure: Figure | None
    discrepancies: pd.DataFrame
    weak: pd.DataFrame  # flags too uncertain to call contradictions: shown apart
    texts: dict[str, str]  # side ("a", "b") -> the report as safe HTML with the comparison's marks
    quoted: pd.DataFrame  # who each report quotes


def comparison_view(analysis: Analysis, comparison: Comparison) -> ComparisonView:
    claims = frames.claims_frame(analysis, comparison)
    sides = {"a": comparison.doc_a, "b": comparison.doc_b}
    return ComparisonView(
        comparison=comparison,
        claims=claims,
        claims_figure=None if claims.empty else charts.claims_figure(claims),
        discrepancies=frames.discrepancies_frame(analysis, comparison),
        weak=frames.discrepancies_frame(analysis, comparison, weak=True),
        texts={
            side: render.highlight_html(
                analysis.document(doc_id).text, render.comparison_marks(comparison, side)
            )
            for side, doc_id in sides.items()
        },
        quoted=frames.quoted_frame(analysis, comparison),
    )
