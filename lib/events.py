"""Dated statements and actions for the timeline, merged across sources.

A sentence with a date expression gives an event on that date; a reported statement or an
action by a known actor with no date of its own is dated by its report ("on or before" the
document's date), the convention TimeML calls anchoring to the document creation time
(Pustejovsky et al. 2003, "TimeML: Robust specification of event and temporal expressions").
When a date hangs on a noun or a subordinate verb ("given the annexation of Crimea in 2014")
the event is that phrase, not the sentence around it.
Events from different sources merge when their dates are compatible, they share an actor
and their words are alike (lib/similarity.py); an explicit date beats an "on or before".
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from lib.claims import paragraph_parts
from lib.records import DateMention, Document, Event, Mention, Precision, Quote, Span
from lib.similarity import TfIdf, cosine, terms

PRECISION_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3, "on_or_before": 4}
SUMMARY_CHARS = 160
CLAUSE_HEADS = {"ROOT", "conj", "ccomp", "advcl", "parataxis"}
ACTION_TAGS = {"VBD", "VBN", "VBZ"}  # a past, perfect or reporting-present main verb (not a copula)
MERGE_MIN = 0.25  # cosine of two events' words from which they are one event


def extract_events(
    doc: Document,
    sdoc: SpacyDoc,
    dates: Sequence[DateMention],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
) -> list[Event]:
    """The dated statements and actions of one document (the sequences hold the whole corpus)."""
    own_dates = [d for d in dates if d.doc_id == doc.id]
    own_mentions = [m for m in mentions if m.doc_id == doc.id]
    own_quotes = [q for q in quotes if q.doc_id == doc.id and q.speaker_id]
    events: list[tuple[Event, tuple[str, ...]]] = []
    for unit in _units(doc, sdoc):
        event = _event(doc, sdoc, unit, own_dates, own_mentions, own_quotes)
        if event is None:
            continue
        speakers = _speakers(doc, unit, own_quotes)
        if events and _continues(events[-1], (event, speakers)):
            event = _join(events.pop()[0], event)
        events.append((event, speakers))
    return [e for e, _ in events]


def _speakers(doc: Document, unit: Span, quotes: Sequence[Quote]) -> tuple[str, ...]:
    """Who speaks in a unit of prose (posts and captions stand alone: they continue nothing)."""
    block = doc.block_at(unit.start)
    if block and block.kind != "body":
        return ()
    return tuple(sorted({q.speaker_id or "" for q in quotes if q.start < unit.end and q.end > unit.start}))


def _continues(prev: tuple[Event, tuple[str, ...]], new: tuple[Event, tuple[str, ...]]) -> bool:
    """An undated statement right after another by the same speaker is the same occasion."""
    (a, speakers_a), (b, speakers_b) = prev, new
    if b.precision != "on_or_before" or not set(speakers_a) & set(speakers_b):
        return False
    return a.date == b.date if a.precision == "on_or_before" else a.date[: len(b.date)] <= b.date


def _join(a: Event, b: Event) -> Event:
    """The earlier event, with the later one's actors and evidence (and the earlier's date)."""
    actors = tuple(dict.fromkeys([*a.actors, *b.actors]))
    return make_event(a.date, a.precision, actors, (*a.evidence, *b.evidence), a.sources)


def _units(doc: Document, sdoc: SpacyDoc) -> list[Span]:
    """Sentences cut at paragraphs; an embedded post is one unit; credits are none."""
    units: list[Span] = []
    for sent in sdoc.sents:
        for part in paragraph_parts(Span(doc.id, sent.start_char, sent.end_char, sent.text)):
            block = doc.block_at(part.start)
            if block and block.kind == "credit":
                continue
            if block and block.kind == "embedded_post":
                part = Span(doc.id, block.start, block.end, doc.text[block.start : block.end])
            if not units or units[-1] != part:
                units.append(part)
    return units


def _event(
    doc: Document,
    sdoc: SpacyDoc,
    unit: Span,
    dates: Sequence[DateMention],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
) -> Event | None:
    inside = sorted(
        (d for d in dates if unit.start <= d.start < unit.end), key=lambda d: PRECISION_RANK[d.precision]
    )
    speakers = [q.speaker_id for q in quotes if unit.start <= q.start < unit.end and q.speaker_id]
    named = [m.actor_id for m in mentions if unit.start <= m.start < unit.end]
    actors = tuple(dict.fromkeys([*speakers, *named]))
    if inside:
        evidence = _date_phrase(doc, sdoc, unit, inside[0])
        return make_event(inside[0].value, inside[0].precision, actors, evidence, (doc.id,))
    block = doc.block_at(unit.start)
    prose = block is None or block.kind == "body"
    if doc.date and prose and (speakers or _is_action(sdoc, unit, mentions)):
        return make_event(doc.date, "on_or_before", actors, unit, (doc.id,))
    return None


def _date_phrase(doc: Document, sdoc: SpacyDoc, unit: Span, date: DateMention) -> Span:
    """The phrase a date belongs to: the whole sentence, unless it hangs on a noun or subordinate verb."""
    block = doc.block_at(unit.start)
    span = sdoc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or (block and block.kind != "body"):
        return unit
    governor = _governor(span)
    if governor.dep_ in CLAUSE_HEADS or governor.pos_ not in {"NOUN", "PROPN", "VERB"}:
        return unit
    sub = list(governor.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    beyond_date = start < date.start or end > date.end
    if len(sub) < 3 or not beyond_date or not unit.start <= start < end <= unit.end:
        return unit
    return Span(doc.id, start, end, doc.text[start:end])


def _governor(span: SpacySpan) -> Token:
    """The word a date expression modifies: up through prepositions and number modifiers."""
    tok = span.root
    while tok.dep_ in {"pobj", "nummod", "compound", "appos"} and tok.head is not tok:
        tok = tok.head
    return tok.head if tok.dep_ == "prep" else tok


def _is_action(sdoc: SpacyDoc, unit: Span, mentions: Sequence[Mention]) -> bool:
    """A main verb in the past or present whose subject (or passive agent) is a known actor."""
    span = sdoc.char_span(unit.start, unit.end, alignment_mode="expand")
    if span is None:
        return False
    doers = [t for t in span if _is_doer(t)]
    return any(m.start <= t.idx < m.end for t in doers for m in mentions)


def _is_doer(tok: Token) -> bool:
    """The subject of a main verb in the past or present, or the agent of a passive ("by X")."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.dep_ == "ROOT" and verb.pos_ == "VERB" and verb.tag_ in ACTION_TAGS


def make_event(
    date: str,
    precision: Precision,
    actors: Sequence[str],
    evidence: Span | Sequence[Span],
    sources: Sequence[str],
) -> Event:
    """An Event whose id hashes its date, summary and sources (stable across runs)."""
    spans = (evidence,) if isinstance(evidence, Span) else tuple(evidence)
    summary = _summary(spans[0].text)
    ordered = tuple(sorted(set(sources)))
    key = f"{date}|{summary}|{','.join(ordered)}".encode()
    return Event(hashlib.sha1(key).hexdigest()[:12], date, precision, tuple(actors), summary, spans, ordered)


def _summary(text: str) -> str:
    line = " ".join(text.split()).strip(" “”\"'«»")
    return line if len(line) <= SUMMARY_CHARS else line[: SUMMARY_CHARS - 1].rstrip() + "…"


def merge_events(events: Sequence[Event]) -> list[Event]:
    """One event per real-world event, with every source that reports it, in date order."""
    tfidf = TfIdf(_words(e) for e in events)
    clusters: list[list[Event]] = []
    for event in sorted(events, key=lambda e: (PRECISION_RANK[e.precision], e.date, e.id)):
        best = _best_cluster(event, clusters, tfidf)
        if best is None:
            clusters.append([event])
        else:
            best.append(event)
    merged = [_merge(c) for c in clusters]
    return sorted(merged, key=lambda e: (e.date, PRECISION_RANK[e.precision], e.summary))


def _best_cluster(event: Event, clusters: list[list[Event]], tfidf: TfIdf) -> list[Event] | None:
    vector = tfidf.vector(_words(event))
    scored = []
    for cluster in clusters:
        head = cluster[0]
        if set(event.sources) & {s for e in cluster for s in e.sources}:
            continue  # one source does not report one event twice
        if not (_dates_compatible(head, event) and (set(head.actors) & set(event.actors))):
            continue
        score = max(cosine(vector, tfidf.vector(_words(e))) for e in cluster)
        if score >= MERGE_MIN:
            scored.append((score, cluster))
    return max(scored, key=lambda t: t[0])[1] if scored else None


def _words(event: Event) -> list[str]:
    return [t for span in event.evidence for t in terms(span.text)]


def _dates_compatible(a: Event, b: Event) -> bool:
    if a.precision == "on_or_before" and b.precision == "on_or_before":
        return True
    if a.precision == "on_or_before" or b.precision == "on_or_before":
        exact, bound = (b, a) if a.precision == "on_or_before" else (a, b)
        return exact.date[: len(bound.date)] <= bound.date
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _merge(cluster: list[Event]) -> Event:
    """The most precise date wins; an "on or before" keeps the earliest bound."""
    if len(cluster) == 1:
        return cluster[0]
    best = min(cluster, key=lambda e: (PRECISION_RANK[e.precision], e.date))
    actors = tuple(dict.fromkeys(a for e in cluster for a in e.actors))
    evidence = tuple(span for e in cluster for span in e.evidence)
    ordered = (*best.evidence, *(s for s in evidence if s not in best.evidence))
    sources = [s for e in cluster for s in e.sources]
    return make_event(best.date, best.precision, actors, ordered, sources)
