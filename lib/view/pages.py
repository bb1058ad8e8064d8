"""What each page builds for a view: one place, used by the pages and by the memory benchmark.

A page reads its state, asks for its view model here and renders it; tools/appmem.py builds the same
models to measure what a session holds. Where a store and an in-memory analysis differ (the home
page's quotes), the caller passes what it read.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd
from plotly.graph_objects import Figure

from lib.records import Analysis, Comparison, CorpusClaim, Span
from lib.view import charts, frames, render
from lib.view.filters import Filters, keeps
from lib.view.urls import View, view_link

MAX_PAIRS_DOCS = 12  # above this, the home page counts contested claims instead of every pair's discrepancies


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


VERDICT_ORDER = ("contested", "corroborated", "single-source")


def claims_in_memory(
    claims: Sequence[CorpusClaim], filters: Filters, verdict: str | None = None
) -> list[CorpusClaim]:
    """The claims the filters keep (as lib/store/slices.py claims_in_view does in SQL)."""
    return [c for c in claims if keeps("claims", c, filters) and (not verdict or c.verdict == verdict)]


def verdict_text(claim: CorpusClaim) -> str:
    """What the table says of a claim: contested, reported by N sources, or single-source."""
    if claim.verdict == "corroborated":
        return f"reported by {len(claim.sources)} sources"
    return claim.verdict


@dataclass(frozen=True)
class Version:
    """One side of a contested claim: the member sentence, the words that differ, where it is from."""

    sentence: str
    part: str
    where: str


@dataclass(frozen=True)
class Contest:
    claim: str
    kind: str
    reason: str
    confidence: float
    a: Version
    b: Version


@dataclass(frozen=True)
class PairLink:
    a: str  # where report A is from: source, report date
    b: str
    link: str  # Source comparison on the two reports, the view's filters kept
    shared: int


def pairs_table(pairs: Sequence[PairLink]) -> pd.DataFrame:
    """The pairs as a table whose link column opens them (links stay out of Markdown: a report's
    id in a URL is text a reader could take for a link of its own)."""
    rows = [{"report A": p.a, "report B": p.b, "shared claims": p.shared, "compare": p.link} for p in pairs]
    return pd.DataFrame(rows, columns=["report A", "report B", "shared claims", "compare"])


@dataclass(frozen=True)
class ClaimsView:
    table: pd.DataFrame  # one row a claim: verdict, claim, sources, first and last report, reports
    contests: list[Contest]  # the contested claims in view, both versions each
    pairs: list[PairLink]  # report pairs sharing the most claims: links to compare them
    matched: int  # claims the filters keep (the table may list fewer)


def _where(analysis: Analysis, doc_id: str) -> str:
    doc = next((d for d in analysis.documents if d.id == doc_id), None)
    return f"{doc.source or doc.id}, {doc.date or 'undated'}" if doc else doc_id


def _version(analysis: Analysis, claim: CorpusClaim, span: Span) -> Version:
    """The member sentence of the claim holding ``span`` (the differing figure, date or quote)."""
    member = next(
        (m for m in claim.members if m.doc_id == span.doc_id and m.start <= span.start < m.end),
        Span(span.doc_id, span.start, span.end, span.text),
    )
    return Version(member.text, span.text, _where(analysis, span.doc_id))


def claims_table(claims: Sequence[CorpusClaim]) -> pd.DataFrame:
    rows = [
        {
            "verdict": verdict_text(c),
            "claim": c.text,
            "sources": len(c.sources),
            "reported by": ", ".join(c.sources),
            "first report": c.first_date,
            "last report": c.last_date,
            "reports": len(c.docs),
            "id": c.id,
        }
        for c in claims
    ]
    columns = ["verdict", "claim", "sources", "reported by", "first report", "last report", "reports", "id"]
    return pd.DataFrame(rows, columns=columns)


def claims_view(
    analysis: Analysis,
    claims: Sequence[CorpusClaim],
    matched: int,
    pairs: Sequence[tuple[str, str, int]],
    view: View,
) -> ClaimsView:
    """The corpus claims section of Source comparison: the claims in view, the contested ones with
    both versions, and links to the pairs of reports that share the most claims."""
    contests = [
        Contest(
            c.text, d.kind, d.reason, d.confidence, _version(analysis, c, d.a), _version(analysis, c, d.b)
        )
        for c in claims
        if c.verdict == "contested"
        for d in c.conflicts[:1]
    ]
    links = [
        PairLink(
            _where(analysis, a),
            _where(analysis, b),
            view_link(replace(view, a=a, b=b), "Source_comparison"),
            n,
        )
        for a, b, n in pairs
    ]
    return ClaimsView(claims_table(claims), contests, links, matched)
