"""Tidy pandas frames of an Analysis, filtered by the view's Filters, with provenance columns.

Every frame an analyst can export carries PROVENANCE (document, source, report date, character
span and the sentence it comes from), so a row can always be traced back to what was said.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from lib.extract.dates.values import period
from lib.records import SURE_SPEAKER, Analysis, Comparison, Document, IngestError, Position, Quote, Span
from lib.view.filters import Filters, keeper, keeps, restricts

PROVENANCE = ["doc_id", "source", "date", "start", "end", "sentence"]
MAX_ROWS = 1000  # rows a page lists at most (events, statements, an actor's quotes); a note says so
SentenceOf = Callable[[str, int, int], str]


def doc_in_view(doc: Document, filters: Filters) -> bool:
    return keeps("documents", doc, filters)


def docs_in_view(analysis: Analysis, filters: Filters) -> dict[str, Document]:
    if not restricts("documents", filters):
        return {d.id: d for d in analysis.documents}
    kept = keeper("documents", filters)
    return {d.id: d for d in analysis.documents if kept(d)}


REPORT_CHOICES = 500  # reports a picker offers: at 10,000 the labels alone were ~0.9 MB per visit


@dataclass(frozen=True)
class ReportChoices:
    """The reports a picker offers (ids) and how many reports in view it leaves out."""

    ids: list[str]
    left_out: int


def report_choices(
    analysis: Analysis, filters: Filters, picked: Sequence[str | None], limit: int | None = None
) -> ReportChoices:
    """Every report while the corpus has at most ``limit``; above that, the reports in view (the
    sidebar's sources and dates) newest first, up to ``limit``, and always the ``picked`` ones (a
    shared link's pair may lie outside the filters). A list of thousands is one nobody scrolls,
    and every visit sends all its labels to the browser."""
    docs, limit = analysis.documents, REPORT_CHOICES if limit is None else limit
    if len(docs) <= limit:
        return ReportChoices([d.id for d in docs], 0)
    in_view = sorted(docs_in_view(analysis, filters).values(), key=lambda d: d.date or "", reverse=True)
    kept = [d.id for d in in_view[:limit]]
    known, offered = {d.id for d in docs}, set(kept)
    extra = [i for i in dict.fromkeys(picked) if i is not None and i in known and i not in offered]
    return ReportChoices(extra + kept, max(0, len(in_view) - limit))


def reports_in_view(
    analysis: Analysis, filters: Filters, picked: Sequence[str | None] = (), limit: int | None = None
) -> ReportChoices:
    """The reports in view (the sidebar's sources and dates), in corpus order, while they are at
    most ``limit``; above that ``report_choices``: the newest ``limit`` and the ``picked`` ones."""
    limit = REPORT_CHOICES if limit is None else limit
    in_view = [d.id for d in analysis.documents if doc_in_view(d, filters)]
    if len(in_view) <= limit:
        return ReportChoices(in_view, 0)
    return report_choices(analysis, filters, picked, limit)


def report_choices_note(offered: ReportChoices, limit: int | None = None) -> str:
    """What a picker that leaves reports out (``report_choices`` with the same ``limit``) says of
    them, and how to reach them."""
    listed = REPORT_CHOICES if limit is None else limit
    return (
        f"Listed: the {listed:,} newest reports in view ({offered.left_out:,} more are in view): "
        "narrow the sidebar's sources or dates to reach them."
    )


def date_bounds(analysis: Analysis) -> tuple[date, date] | None:
    """The first and last day any document or event of the corpus speaks of."""
    values = [d.date for d in analysis.documents if d.date] + [e.date for e in analysis.events]
    periods = [p for p in (period(v) for v in values) if p]
    if not periods:
        return None
    return min(p[0] for p in periods), max(p[1] for p in periods)


def sentence_lookup(analysis: Analysis) -> SentenceOf:
    """A function (doc_id, start, end) -> the sentence(s) holding that span."""
    by_doc: dict[str, list[Span]] = {}
    for s in analysis.sentences:
        by_doc.setdefault(s.doc_id, []).append(s)
    starts = {k: [s.start for s in v] for k, v in by_doc.items()}

    def sentence_of(doc_id: str, start: int, end: int) -> str:
        spans = by_doc.get(doc_id, [])
        first = max(bisect_right(starts.get(doc_id, []), start) - 1, 0)
        hit = [s for s in spans[first:] if s.start < max(end, start + 1)]
        return " ".join(s.text.strip() for s in hit if s.end > start)

    return sentence_of


def actor_name(analysis: Analysis, actor_id: str | None) -> str:
    if actor_id is None:
        return ""
    actor = analysis.actor(actor_id)
    return actor.name if actor else actor_id


def provenance(doc: Document, start: int, end: int, sentence: str) -> dict[str, object]:
    return {
        "doc_id": doc.id,
        "source": doc.source,
        "date": doc.date or "",
        "start": start,
        "end": end,
        "sentence": sentence,
    }


def table(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(columns))


DOC_COLUMNS = ["doc_id", "title", "source", "date", "date_basis", "language", "chars"]


def future_dated(docs: pd.DataFrame, today: date, shown: int = 3) -> str:
    """A warning naming the documents (of a documents_frame) dated after ``today``, or "": a wrong
    date field (a scraper's clock, a typo) moves every relative date of its report with it."""
    if docs.empty:
        return ""
    late = docs[docs["date"].str.match(r"\d{4}-\d\d-\d\d$") & (docs["date"] > today.isoformat())]
    if late.empty:
        return ""
    named = ", ".join(f"{r.source} {r.date}" for r in late.head(shown).itertuples())
    more = f" and {len(late) - shown} more" if len(late) > shown else ""
    return (
        f"{len(late)} report date(s) lie after today ({named}{more}): check the files' date field; "
        "the dates of events in those reports are counted from it."
    )


def documents_frame(analysis: Analysis, filters: Filters) -> pd.DataFrame:
    docs = docs_in_view(analysis, filters).values()
    rows = (
        {
            "doc_id": d.id,
            "title": d.title,
            "source": d.source or "(unknown source)",
            "date": d.date or "undated",
            "date_basis": d.date_basis,
            "language": d.language,
            "chars": analysis.text_length(d),
        }
        for d in docs
    )
    return table(rows, DOC_COLUMNS)


def errors_frame(errors: Sequence[IngestError]) -> pd.DataFrame:
    rows = ({"file": e.path.replace("\\", "/").rsplit("/", 1)[-1], "reason": e.reason} for e in errors)
    return table(rows, ["file", "reason"])


QUOTE_COLUMNS = [
    "speaker",
    "speaker_id",
    "speaker_confidence",
    "cue",
    "kind",
    "quote",
    "confidence",
    *PROVENANCE,
]
# A speaker_confidence is how often speakers on the same evidence were right on the dev parts
# read (lib/extract/quotes/speakers.py, BASIS_CERTAINTY). From this one up a speaker is shown plain:
# a name at the cue, a pronoun whose gender agrees, a description resolved by its holder's title,
# the previous speaker of a floating quotation, the ranker's referent (0.83 to 0.95). Below it:
# a phrase kept as written with no actor (0.72), a pronoun two people fit or the ranker left (0.49),
# one nobody fits (0.2): shown, marked uncertain, and not counted among the most quoted. 0.0 with a
# speaker means no figure was given (a record built by hand), as lib/compare/discrepancies.py reads
# it: the speaker is shown as it is.
CONFIDENT_SPEAKER = SURE_SPEAKER
UNCERTAIN_MARK = " (uncertain)"


def uncertain_speaker(speaker: str, confidence: float) -> bool:
    """Whether a shown speaker rests on weak evidence (a pronoun, a guess, a kept phrase)."""
    return bool(speaker) and 0.0 < confidence < CONFIDENT_SPEAKER


def speaker_label(speaker: str, confidence: float) -> str:
    """The speaker as a page shows it: "he (uncertain)" below CONFIDENT_SPEAKER, never hidden."""
    return speaker + UNCERTAIN_MARK if uncertain_speaker(speaker, confidence) else speaker


def _speaker_of(analysis: Analysis, q: Quote) -> str:
    return speaker_label(actor_name(analysis, q.speaker_id) or q.speaker_text, q.speaker_confidence)


def quotes_frame(analysis: Analysis, filters: Filters) -> pd.DataFrame:
    docs = docs_in_view(analysis, filters)
    sentence_of = sentence_lookup(analysis)
    rows = (
        {
            "speaker": _speaker_of(analysis, q),
            "speaker_id": q.speaker_id or "",
            "speaker_confidence": q.speaker_confidence,
            "cue": q.cue or "",
            "kind": q.kind,
            "quote": q.text,
            "confidence": q.confidence,
            **provenance(docs[q.doc_id], q.start, q.end, sentence_of(q.doc_id, q.start, q.end)),
        }
        for q in analysis.quotes
        if q.doc_id in docs and keeps("quotes", q, filters)
    )
    return table(rows, QUOTE_COLUMNS)


def _uncertain_rows(quotes: pd.DataFrame) -> pd.Series:
    """Rows whose speaker is marked uncertain (none in a frame without speaker_confidence)."""
    if quotes.empty or "speaker_confidence" not in quotes:
        return pd.Series(False, index=quotes.index)
    conf = quotes["speaker_confidence"].fillna(0.0)
    return (quotes["speaker"] != "") & (conf > 0.0) & (conf < CONFIDENT_SPEAKER)


def speakers_frame(quotes: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The most quoted resolved speakers (actors of the corpus): quotes and documents quoting them.

    A speaker the attribution could not tie to an actor ("Both leaders") is left out (see
    unresolved_speakers), and so is one it is unsure of (see uncertain_quotes)."""
    resolved = quotes[(quotes["speaker_id"] != "") & ~_uncertain_rows(quotes)] if not quotes.empty else quotes
    if resolved.empty:
        return pd.DataFrame({"speaker": [], "quotes": [], "documents": []})
    return (
        resolved.groupby("speaker", as_index=False)
        .agg(quotes=("quote", "size"), documents=("doc_id", "nunique"))
        .sort_values(["quotes", "speaker"], ascending=[False, True])
        .head(top)
        .reset_index(drop=True)
    )


def uncertain_quotes(quotes: pd.DataFrame) -> int:
    """How many quotes tied to an actor are left out of the most quoted for an uncertain speaker."""
    if quotes.empty:
        return 0
    return int(((quotes["speaker_id"] != "") & _uncertain_rows(quotes)).sum())


def unresolved_speakers(quotes: pd.DataFrame) -> list[str]:
    """The speaker phrases not tied to any actor, most quoted first (without the uncertain mark).
    A phrase opening a sentence is capitalised there only: "The governor" and "the governor" are
    one phrase, shown as it is most often written."""
    if quotes.empty:
        return []
    phrases = quotes.loc[quotes["speaker_id"] == "", "speaker"].astype(str).str.removesuffix(UNCERTAIN_MARK)
    counts = phrases[phrases != ""].value_counts()
    folded = counts.index.str[:1].str.lower() + counts.index.str[1:]
    totals = counts.groupby(folded, sort=False).sum().sort_values(ascending=False, kind="stable")
    shown = {key: str(surface) for surface, key in zip(reversed(counts.index), reversed(folded), strict=True)}
    return [shown[key] for key in totals.index]


def document_label(doc: Document, width: int = 48) -> str:
    """A picker label: source (or the id when no source is known), a short title, the report date."""
    title = " ".join(doc.title.split())
    short = title if len(title) <= width else title[: width - 1].rsplit(" ", 1)[0] + "…"
    parts = [doc.source or doc.id, short, doc.date or "undated"]
    return " · ".join(p for p in parts if p)


POSITION_COLUMNS = ["actor_id", "actor", "issue", "issue_label", "stance", "count"]


def positions_frame(analysis: Analysis, filters: Filters) -> pd.DataFrame:
    """Actor x issue stances, counted over the evidence in the documents in view."""
    docs = docs_in_view(analysis, filters)
    kept = keeper("positions", filters)  # 2,200 positions at 10,000 reports: the tests found once
    rows = (
        {
            "actor_id": p.actor_id,
            "actor": actor_name(analysis, p.actor_id),
            "issue": p.issue,
            "issue_label": p.issue_label,
            "stance": p.stance,
            "count": sum(1 for s in p.evidence if s.doc_id in docs) if p.evidence else p.count,
        }
        for p in analysis.positions
        if kept(p)
    )
    frame = table(rows, POSITION_COLUMNS)
    return frame[frame["count"] > 0].reset_index(drop=True)


def top_position_actors(
    positions: pd.DataFrame, limit: int, keep: str | None = None
) -> tuple[pd.DataFrame, int]:
    """The position rows of the ``limit`` actors with the most statements (0: all; ties by name),
    with ``keep`` (a picked actor) among them wherever it ranks, and how many actors there are."""
    if positions.empty:
        return positions, 0
    totals: pd.DataFrame = positions.groupby(["actor_id", "actor"], as_index=False).agg(
        count=("count", "sum")
    )
    ordered = totals.sort_values(["count", "actor"], ascending=[False, True], kind="stable")
    ranked = [str(a) for a in ordered["actor_id"]]
    shown = set(ranked if limit <= 0 else ranked[:limit]) | ({keep} if keep else set())
    return positions[positions["actor_id"].isin(shown)].reset_index(drop=True), len(ranked)


def top_actors_note(shown: int, total: int) -> str:
    """What the heatmap's rows leave out, in words (empty when every actor is shown)."""
    if shown >= total:
        return ""
    return (
        f"The {shown} actors with the most statements of {total} are shown: pick more rows to see the others."
    )


STATEMENT_COLUMNS = [
    "actor",
    "issue_label",
    "stance",
    "speaker",
    "speaker_confidence",
    "cue",
    "text",
    *PROVENANCE,
]


def _quote_finder(analysis: Analysis) -> Callable[[Span], tuple[str, float, str]]:
    """A function span -> (speaker as shown, its confidence, cue) of the first quote (by position)
    overlapping it, if any."""
    by_doc: dict[str, list[Quote]] = {}
    for q in sorted(analysis.quotes, key=lambda q: (q.start, q.end)):
        by_doc.setdefault(q.doc_id, []).append(q)

    def quote_at(span: Span) -> tuple[str, float, str]:
        for q in by_doc.get(span.doc_id, ()):
            if q.start < span.end and span.start < q.end:
                return _speaker_of(analysis, q), q.speaker_confidence, q.cue or ""
        return "", 0.0, ""

    return quote_at


SHOWN_CHARS = 1000  # a table cell shows about 3 lines (~200 characters); the exports hold the whole text


def shown_columns(
    frame: pd.DataFrame, columns: Sequence[str], long: Sequence[str] = (), limit: int = SHOWN_CHARS
) -> pd.DataFrame:
    """What a table sends to the browser: ``columns`` only (st.dataframe sends every column, shown
    or not), and the text of ``long`` columns cut at ``limit`` characters with "…". Actor
    positions' 1,000 statements of the bench's 1,000-document store were 7.0 MB with the hidden
    sentence column (3.4 MB) and statements of up to 14,000 characters; the page took seconds to
    draw them. The exports keep ``frame`` whole."""
    kept = frame[[c for c in columns if c in frame.columns]]
    cut = {c: _cut(kept[c], limit) for c in long if c in kept.columns}
    return kept.assign(**cut) if cut else kept


def _cut(texts: pd.Series, limit: int) -> pd.Series:
    over = texts.str.len() > limit
    if not over.any():
        return texts
    return texts.where(~over, texts.str.slice(0, limit).str.rstrip() + " …")


def cut_note(shown: int, matched: int, what: str, which: str) -> str:
    """The note a page shows when it lists ``shown`` of ``matched`` rows."""
    return (
        f"{matched:,} {what} match these filters; {shown:,} are shown ({which}). "
        "Narrow the dates, actors or sources to see the rest."
    )


def statement_spans(
    analysis: Analysis,
    filters: Filters,
    actor: str | None,
    issue: str | None,
    docs: Collection[str] | None = None,
) -> list[tuple[Position, Span]]:
    """The statements behind the positions of one actor and/or issue (None: any), in view
    (``docs``: the ids of the documents in view, when the caller has them)."""
    return list(iter_statement_spans(analysis, filters, actor, issue, docs))


def iter_statement_spans(
    analysis: Analysis,
    filters: Filters,
    actor: str | None,
    issue: str | None,
    docs: Collection[str] | None = None,
) -> Iterator[tuple[Position, Span]]:
    """``statement_spans`` one at a time, for a caller wanting the first few: a store's open view
    holds ~29,000 statements at 10,000 reports, of which a page reads the first MAX_ROWS."""
    docs = docs_in_view(analysis, filters) if docs is None else docs
    kept = keeper("positions", filters)  # the tests found once: per position they took most of the call
    return (
        (p, s)
        for p in analysis.positions
        if (actor is None or p.actor_id == actor) and (issue is None or p.issue == issue) and kept(p)
        for s in p.evidence
        if s.doc_id in docs
    )


def said_statements(
    pairs: Iterable[tuple[Position, Span]], limit: int | None = None
) -> tuple[list[list[tuple[Position, Span]]], int]:
    """The statements of ``pairs`` one each, the first ``limit`` (None: all) in the order first met,
    and how many there are: an actor's statement filed under several issues (a turn of a meeting's
    transcript names many matters) is one statement, kept with every issue it is filed under, even
    those met after the limit was reached."""
    said: dict[tuple[str, str, int, int], list[tuple[Position, Span]]] = {}
    seen: set[tuple[str, str, int, int]] = set()
    for p, s in pairs:
        key = (p.actor_id, s.doc_id, s.start, s.end)
        if key in said:
            said[key].append((p, s))
        elif key not in seen:
            seen.add(key)
            if limit is None or len(said) < limit:
                said[key] = [(p, s)]
    return list(said.values()), len(seen)


def statements_count(analysis: Analysis, filters: Filters, actor: str | None, issue: str | None) -> int:
    """How many statements (rows of ``statements_frame`` without a limit) the choice matches."""
    return said_statements(iter_statement_spans(analysis, filters, actor, issue), 0)[1]


def _issues_of(said: Sequence[tuple[Position, Span]]) -> tuple[str, str]:
    """(issues, stance) of one statement: its issues' labels, each with its stance when they differ."""
    stances = list(dict.fromkeys(p.stance for p, _ in said))
    if len(stances) == 1:
        return "; ".join(p.issue_label for p, _ in said), stances[0]
    return "; ".join(f"{p.issue_label} ({p.stance})" for p, _ in said), ", ".join(stances)


def statements_frame(
    analysis: Analysis, filters: Filters, actor: str | None, issue: str | None, limit: int | None = None
) -> pd.DataFrame:
    """The statements behind the positions of one actor and/or issue (None: any), the first
    ``limit``: one row per statement, with every issue it is filed under."""
    return statements_counted(analysis, filters, actor, issue, limit)[0]


def statements_counted(
    analysis: Analysis, filters: Filters, actor: str | None, issue: str | None, limit: int | None = None
) -> tuple[pd.DataFrame, int]:
    """``statements_frame`` and ``statements_count`` from one walk over the positions."""
    docs = docs_in_view(analysis, filters)
    said, total = said_statements(iter_statement_spans(analysis, filters, actor, issue, docs), limit)
    sentence_of = sentence_lookup(analysis)
    quote_at = _quote_finder(analysis)
    rows = (
        {
            "actor": actor_name(analysis, p.actor_id),
            **dict(zip(("issue_label", "stance"), _issues_of(one), strict=True)),
            **dict(zip(("speaker", "speaker_confidence", "cue"), quote_at(s), strict=True)),
            "text": s.text,
            **provenance(docs[s.doc_id], s.start, s.end, sentence_of(s.doc_id, s.start, s.end)),
        }
        for one in said
        for p, s in one[:1]
    )
    return table(rows, STATEMENT_COLUMNS), total


def aliases_frame(analysis: Analysis, actor_id: str, filters: Filters) -> pd.DataFrame:
    """The surface forms an actor was seen under, with how often and in how many documents."""
    docs = docs_in_view(analysis, filters)
    seen = pd.DataFrame(
        [(m.text, m.doc_id) for m in analysis.mentions if m.actor_id == actor_id and m.doc_id in docs],
        columns=["alias", "doc_id"],
    )
    if seen.empty:
        return pd.DataFrame({"alias": [], "mentions": [], "documents": []})
    return (
        seen.groupby("alias", as_index=False)
        .agg(mentions=("doc_id", "size"), documents=("doc_id", "nunique"))
        .sort_values(["mentions", "alias"], ascending=[False, True])
        .reset_index(drop=True)
    )


def mentions_frame(analysis: Analysis, doc_id: str) -> pd.DataFrame:
    """How often each actor is named in one document."""
    names = [actor_name(analysis, m.actor_id) for m in analysis.mentions if m.doc_id == doc_id]
    counts = pd.Series(names, dtype="string").value_counts()
    return pd.DataFrame({"actor": counts.index.astype(str), "mentions": counts.to_numpy()})


def _span_row(analysis: Analysis, span: Span, sentence_of: SentenceOf) -> dict[str, object]:
    doc = analysis.document(span.doc_id)
    return {
        "text": span.text,
        **provenance(doc, span.start, span.end, sentence_of(doc.id, span.start, span.end)),
    }


CLAIM_COLUMNS = ["side", "status", "pair", "detail", "text", *PROVENANCE]


def claims_frame(analysis: Analysis, comparison: Comparison) -> pd.DataFrame:
    """Every claim of both reports: aligned (with its pair number), only in one, or in a discrepancy."""
    sentence_of = sentence_lookup(analysis)

    def row(side: str, status: str, pair: int, detail: str, span: Span) -> dict[str, object]:
        return {
            "side": side,
            "status": status,
            "pair": pair,
            "detail": detail,
            **_span_row(analysis, span, sentence_of),
        }

    rows = [row("A", p.relation, i, f"{p.score:.2f}", p.a) for i, p in enumerate(comparison.aligned)]
    rows += [row("B", p.relation, i, f"{p.score:.2f}", p.b) for i, p in enumerate(comparison.aligned)]
    rows += [row("A", "only", -1, "", s) for s in comparison.only_a]
    rows += [row("B", "only", -1, "", s) for s in comparison.only_b]
    for i, d in enumerate(comparison.discrepancies):
        rows += [
            row(side, "discrepancy", i, f"{d.kind}: {actor_name(analysis, d.about)}", s)
            for side, s in (("A", d.a), ("B", d.b))
        ]
    return table(rows, CLAIM_COLUMNS)


DISCREPANCY_COLUMNS = [
    "kind",
    "about",
    "reason",
    "confidence",
    "a_text",
    "a_sentence",
    "b_text",
    "b_sentence",
    "a_doc_id",
    "a_start",
    "a_end",
    "b_doc_id",
    "b_start",
    "b_end",
]


def discrepancies_frame(analysis: Analysis, comparison: Comparison, weak: bool = False) -> pd.DataFrame:
    """The flags of a comparison with both sides' sentences and spans; ``weak``: those too uncertain
    to show as contradictions (an update, a possible misattribution, a function word)."""
    sentence_of = sentence_lookup(analysis)
    rows = (
        {
            "kind": d.kind,
            "about": actor_name(analysis, d.about),  # an actor's name, not its id; else as said
            "reason": d.reason,
            "confidence": round(d.confidence, 2),
            "a_text": d.a.text,
            "a_sentence": sentence_of(d.a.doc_id, d.a.start, d.a.end),
            "b_text": d.b.text,
            "b_sentence": sentence_of(d.b.doc_id, d.b.start, d.b.end),
            **{
                f"{side}_{key}": getattr(getattr(d, side), key)
                for side in "ab"
                for key in ("doc_id", "start", "end")
            },
        }
        for d in (comparison.weak if weak else comparison.discrepancies)
    )
    return table(rows, DISCREPANCY_COLUMNS)


def quoted_frame(analysis: Analysis, comparison: Comparison) -> pd.DataFrame:
    """The actors each report quotes: in both, only in A, only in B."""
    groups = (
        ("both", comparison.quoted_both),
        ("only A", comparison.quoted_only_a),
        ("only B", comparison.quoted_only_b),
    )
    rows = ({"actor": actor_name(analysis, a), "quoted in": where} for where, ids in groups for a in ids)
    return table(rows, ["actor", "quoted in"])


def doc_short(analysis: Analysis, doc_id: str) -> str:
    """Source and report date of a document, or its id when no source is known (or when the
    analysis, a store's slice, does not hold the document)."""
    try:
        d = analysis.document(doc_id)
    except KeyError:
        return doc_id
    return f"{d.source or d.id}, {d.date or 'undated'}"
