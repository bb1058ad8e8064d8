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

from lib.extract.dates.values import period
from lib.records import Analysis, Comparison, CorpusClaim, Span
from lib.view import charts, frames, pairlists, render, search, stances, timeline, urls
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
    uncertain: int  # quotes tied to an actor on evidence often wrong (frames.CONFIDENT_SPEAKER): not counted
    errors: pd.DataFrame  # the files the ingest skipped, and why


def home_view(analysis: Analysis, docs: pd.DataFrame, quotes: pd.DataFrame) -> HomeView:
    """The overview of the documents and quotes in view (``frames.documents_frame``, and the quotes
    as ``frames.quotes_frame`` or the store's ``slices.overview_quotes`` give them)."""
    speakers = frames.speakers_frame(quotes)
    return HomeView(
        docs=docs,
        docs_figure=None if docs.empty else _documents_figure(docs),
        quotes=len(quotes),
        speakers=speakers,
        speakers_figure=None if speakers.empty else charts.speakers_figure(speakers),
        unresolved=frames.unresolved_speakers(quotes),
        uncertain=frames.uncertain_quotes(quotes),
        errors=frames.errors_frame(analysis.corpus.errors),
    )


def overview_view(analysis: Analysis, view: View, quotes: pd.DataFrame) -> HomeView:
    """``home_view`` of the documents in ``view``'s filters (``frames.documents_frame``)."""
    return home_view(analysis, frames.documents_frame(analysis, view.filters), quotes)


_DOCUMENT_CHARTS: dict[int, Figure] = {}  # by the hash of their (date, source) rows, a few kept


def _documents_figure(docs: pd.DataFrame) -> Figure:
    """The documents chart, built once per set of (date, source) rows, all it depends on: Plotly
    Express takes about half a second for it at 1,000 documents, on every rerun otherwise. The figure
    is shared read-only (st.plotly_chart serialises it, never changes it)."""
    key = int(pd.util.hash_pandas_object(docs[["date", "source"]], index=False).sum())
    if key not in _DOCUMENT_CHARTS:
        if len(_DOCUMENT_CHARTS) >= 16:
            _DOCUMENT_CHARTS.clear()
        _DOCUMENT_CHARTS[key] = charts.documents_figure(docs)
    return _DOCUMENT_CHARTS[key]


@dataclass(frozen=True)
class ComparisonView:
    comparison: Comparison
    claims: pd.DataFrame
    claims_figure: Figure | None
    discrepancies: pd.DataFrame
    weak: pd.DataFrame  # flags too uncertain to call contradictions: shown apart
    texts: dict[str, str]  # side ("a", "b") -> the report as safe HTML with the comparison's marks
    quoted: pd.DataFrame  # who each report quotes
    aligned: pd.DataFrame  # one row per claim both make (pairlists.aligned_frame)
    only: dict[str, pd.DataFrame]  # side ("A", "B") -> the claims only that report makes


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
        aligned=pairlists.aligned_frame(claims),
        only={side: pairlists.only_frame(claims, side) for side in ("A", "B")},
    )


def pair_view(analysis: Analysis, view: View, comparison: Comparison) -> ComparisonView:
    """``comparison_view`` with the page's view beside it (the shape ui.per_view keys and calls)."""
    return comparison_view(analysis, comparison)


@dataclass(frozen=True)
class TimelineView:
    figure: Figure | None  # None when no event is in view
    note: str  # rows and events left out of the chart, dates folded off its axis
    events: pd.DataFrame  # one row per evidence sentence: the chart's dates first, then the rest
    count: int  # events in view (the Overview counts the same)
    outside: int = 0  # events in view whose day the chart's axis does not show (listed last)


def _reported(analysis: Analysis) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The first day of the corpus's first dated report and the last of its last (read as
    frames.date_bounds reads dates)."""
    spans = [p for p in (period(d.date) for d in analysis.documents if d.date) if p]
    if not spans:
        return None, None
    return pd.Timestamp(min(p[0] for p in spans)), pd.Timestamp(max(p[1] for p in spans))


def timeline_view(analysis: Analysis, view: View) -> TimelineView:
    rows = timeline.timeline_frame(analysis, view.filters, view.group)
    events = timeline.events_frame(analysis, view.filters)
    figure, note, outside = None, "", 0
    if not rows.empty:
        fold = (view.filters.date_from is None, view.filters.date_to is None)  # a set date is the user's
        window = charts.event_window(rows, fold, *_reported(analysis))
        shown, choice = timeline.top_rows(rows, view.rows, window)
        figure = charts.timeline_figure(shown, choice.shown, fold, *_reported(analysis))
        notes = [timeline.rows_note(choice, view.group), str(figure.layout.meta["note"])]
        note = ". ".join(n[:1].upper() + n[1:] for n in notes if n) + "."
        if window := figure.layout.meta["window"]:
            events, outside = timeline.window_first(events, rows, *window)
    return TimelineView(
        figure=figure,
        note=note,
        events=events,
        count=timeline.event_count(analysis, view.filters),
        outside=outside,
    )


@dataclass(frozen=True)
class PositionsView:
    positions: pd.DataFrame  # actor x issue stances in view
    figure: Figure | None  # the heatmap of the most active actors' (view.arows)
    statements: pd.DataFrame  # of the picked actor and/or issue, the first MAX_ROWS
    matched: int  # how many statements the choice matched
    weekly: pd.DataFrame | None  # the picked actor's stance on the picked issue, by week
    weekly_figure: Figure | None
    undated: int  # statements of that pair from undated reports, left out of the weeks
    change: str  # "X moved from opposing to supporting Y", only on enough evidence
    aliases: pd.DataFrame | None  # the picked actor's names
    quotes: pd.DataFrame | None  # and its latest quotes
    rows_note: str = ""  # the actors the heatmap leaves out


def positions_view(analysis: Analysis, view: View) -> PositionsView:
    f, actor, issue = view.filters, view.focus, view.issue
    positions = frames.positions_frame(analysis, f)
    weekly = stances.weekly_frame(analysis, f, actor, issue) if actor and issue else None
    change = ""
    if weekly is not None and not weekly.empty and actor and issue:
        label = frames.actor_name(analysis, actor)
        change = stances.change_note(weekly, label, _issue_label(analysis, issue)) or ""
    quotes = None
    if actor:
        quotes = frames.quotes_frame(analysis, f)
        quotes = quotes[quotes["speaker_id"] == actor].sort_values("date", ascending=False, kind="stable")
        quotes = quotes.head(frames.MAX_ROWS)  # a store's slice holds the latest MAX_ROWS
    shown, total = frames.top_position_actors(positions, view.arows, actor)
    statements, matched = frames.statements_counted(analysis, f, actor, issue, frames.MAX_ROWS)
    return PositionsView(
        positions=positions,
        figure=None if shown.empty else charts.positions_figure(shown),
        statements=statements,
        matched=matched,
        weekly=weekly,
        weekly_figure=None if weekly is None or weekly.empty else stances.weekly_figure(weekly),
        undated=stances.undated_statements(analysis, f, actor, issue) if actor and issue else 0,
        change=change,
        aliases=frames.aliases_frame(analysis, actor, f) if actor else None,
        quotes=quotes,
        rows_note=frames.top_actors_note(shown["actor_id"].nunique() if not shown.empty else 0, total),
    )


def _issue_label(analysis: Analysis, issue: str) -> str:
    return next((p.issue_label for p in analysis.positions if p.issue == issue), issue)


@dataclass(frozen=True)
class StancesView:
    targets: pd.DataFrame  # one row per statement and actor it is about
    pairs: pd.DataFrame  # speaker x target counts and net polarity
    shown: pd.DataFrame  # the top pairs the matrix shows
    note: str  # what the top cut leaves out
    figure: Figure | None
    evidence: pd.DataFrame | None  # the picked pair's statements


def stances_view(analysis: Analysis, view: View, pairs: pd.DataFrame | None = None) -> StancesView:
    """Who stands against whom in view; ``pairs``: the matrix's counts when the caller has them (a
    store counts them in SQL, lib/store/slices.py ``stance_pairs``, and its slice then holds the
    statements of the picked pair only); else counted from ``analysis``'s statements."""
    targets = stances.targets_frame(analysis, view.filters, view.guessed)
    pairs = stances.pairs_frame(targets) if pairs is None else pairs
    shown, n_speakers, n_targets = stances.top_pairs(pairs, view.top)
    picked = view.by or view.target
    return StancesView(
        targets=targets,
        pairs=pairs,
        shown=shown,
        note=stances.top_note(view.top, n_speakers, n_targets) or "",
        figure=None if shown.empty else stances.stances_figure(shown),
        evidence=stances.pair_evidence(targets, view.by, view.target) if picked else None,
    )


@dataclass(frozen=True)
class ReaderView:
    text: str  # the document as safe HTML with its marks (quotes, actors, dates, the linked span, hits)
    passage: str | None  # the linked span shown apart, as safe HTML
    notice: str | None  # a span from the link that did not fit the document
    hits: pd.DataFrame | None  # the sentences holding a search, when there is one
    matched: int  # how many sentences the search matched
    mentions: pd.DataFrame
    mentions_figure: Figure | None
    quotes: pd.DataFrame  # the quotes of the document in view


def reader_view(analysis: Analysis, view: View, doc_id: str) -> ReaderView:
    doc = analysis.document(doc_id)
    marks = render.document_marks(analysis, doc.id)
    span, notice = urls.span_within(view, len(doc.text))
    passage = None
    if span:
        start, end = span
        marks.append(render.Mark(start, end, "target", "linked span"))
        passage = render.passage_html(f"Linked passage (chars {start}–{end})", doc.text[start:end])
    query = search.parse(view.q)
    found = search.search(analysis, view.filters, query, doc_ids=[doc.id]) if query else None
    hits = None
    if found is not None:
        marks += [render.Mark(m.start, m.end, "hit", "search hit") for m in search.match_spans(found)]
        hits = search.hits_frame(analysis, found, view.filters, view.q).sort_values("start", kind="stable")
    mentions = frames.mentions_frame(analysis, doc.id)
    quotes = frames.quotes_frame(analysis, view.filters)
    return ReaderView(
        text=render.legend_html(hits=found is not None) + render.highlight_html(doc.text, marks),
        passage=passage,
        notice=notice,
        hits=hits,
        matched=found.matched if found is not None else 0,
        mentions=mentions,
        mentions_figure=None if mentions.empty else charts.mentions_figure(mentions),
        quotes=quotes[quotes["doc_id"] == doc.id],
    )


def claims_in_memory(
    claims: Sequence[CorpusClaim], filters: Filters, verdict: str | None = None
) -> list[CorpusClaim]:
    """The claims the filters keep, as listed (as lib/store/slices.py claims_in_view does in SQL)."""
    return [
        listed(c) for c in claims if keeps("claims", c, filters) and (not verdict or c.verdict == verdict)
    ]


def listed(claim: CorpusClaim) -> CorpusClaim:
    """The claim as a list shows it: its members only in the reports of its conflicts (the versions
    a contested claim shows; ``docs`` and ``sources`` still name every report)."""
    quoted = {s.doc_id for d in claim.conflicts for s in (d.a, d.b)}
    return replace(claim, members=tuple(m for m in claim.members if m.doc_id in quoted))


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


def _version(analysis: Analysis, claim: CorpusClaim, span: Span) -> Version:
    """The member sentence of the claim holding ``span`` (the differing figure, date or quote)."""
    member = next(
        (m for m in claim.members if m.doc_id == span.doc_id and m.start <= span.start < m.end),
        Span(span.doc_id, span.start, span.end, span.text),
    )
    return Version(member.text, span.text, frames.doc_short(analysis, span.doc_id))


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
    contests.sort(key=lambda c: -c.confidence)  # the surest first: only the first cards show open
    links = [
        PairLink(
            frames.doc_short(analysis, a),
            frames.doc_short(analysis, b),
            view_link(replace(view, tab="pair", a=a, b=b), "Source_comparison"),
            n,
        )
        for a, b, n in pairs
    ]
    return ClaimsView(claims_table(claims), contests, links, matched)
