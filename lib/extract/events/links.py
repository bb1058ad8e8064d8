"""Within one report: undated events dated by the report's own dated statements, and events
that are one occasion joined.

A report dated R can only bound an undated event ("on or before R", TimeML's anchoring to the
document creation time, Pustejovsky et al. 2003). Its own dated statements often say more:
  1. Same action. A statement dated D that reports a completed action ("We have now conveyed
     our proposals", dated D) dates an undated event of the same report with the same action
     (a verb of the same synonym group, lib/lexicons/synonyms.yaml) and a common actor to D.
     This is within-document event coreference by predicate and argument overlap (Bejan &
     Harabagiu 2010, "Unsupervised event coreference resolution with rich linguistic features";
     Lee et al. 2012, "Joint entity and event coreference resolution across documents").
  2. Report of a dated action. A statement whose main verb is a verb of saying and which names
     the thing a dated action moved ("confirmed the response", after "sent their responses" on
     D) happened on or after D; bounded by the report's date R, it is on D when D == R (interval
     reasoning after Allen 1983, "Maintaining knowledge about temporal intervals"). When R is
     later, "on or before R" is all we know and the event keeps it.
Events are then joined: prose events of one report on the same date with a common actor and
the same action are one occasion; an undated statement that repeats the words of the event
before it in the same paragraph elaborates it (the lede-then-quote paragraph of news writing,
Bell 1991, "The Language of News Media"). Embedded posts and captions stand alone: posting is
an act of its own, and a caption dates a picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.extract.dates.values import period
from lib.extract.quotes.cues import load_cues
from lib.records import Event, Span
from lib.text.similarity import TfIdf, cosine, terms

# Heads of main and reported clauses; "acl" too, as the small model often hangs a reported
# clause on the noun before it ("confirmed in parallel that they sent": "sent" on "parallel").
CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "parataxis", "acl"}
STANDALONE = {"embedded_post", "caption", "heading"}
COMPLETED_TAGS = {"VBD", "VBN"}  # a past or perfect verb: the action has happened
OBJECT_DEPS = {"dobj", "nsubjpass"}  # what a verb acts on: "sent a letter", "a letter was sent"
ELABORATION_MIN = 0.25  # cosine of an undated statement's words with the event before it
RECENT_DAYS = 7  # an "on or before R" event meets only dates from R minus this many days on


@dataclass(frozen=True)
class Draft:
    """An event of one report with what its first unit of text says about it."""

    event: Event
    kind: str  # the block kind of its first unit: body, caption, embedded_post...
    block: int  # the start offset of that block (a paragraph)
    speakers: frozenset[str]  # who speaks (quotes) or, failing that, who acts in it
    actors: frozenset[str]  # its actors, places left out
    actions: frozenset[str]  # completed verbs that are not verbs of saying, as terms
    objects: frozenset[str]  # what those verbs act on, as terms
    reports: bool  # its main verb is a verb of saying ("confirmed", "said")
    occasion: bool  # it names an occasion of its own (a press conference, a summit)
    words: tuple[str, ...]  # the content terms of its first unit
    anterior: bool = False  # its main verb is in the past perfect ("had asked")


def is_anterior(sdoc: SpacyDoc, unit: Span) -> bool:
    """Whether the main verb of a unit is in the past perfect ("had asked")."""
    span = sdoc.char_span(unit.start, unit.end, alignment_mode="expand")
    roots = [t for t in span or () if t.dep_ == "ROOT" and t.tag_ == "VBN"]
    return any(c.dep_ == "aux" and c.text.lower() == "had" for t in roots for c in t.children)


def verb_features(sdoc: SpacyDoc, unit: Span) -> tuple[frozenset[str], frozenset[str], bool]:
    """Completed non-speech verbs of a unit, their objects, and whether its main verb is a saying."""
    span = sdoc.char_span(unit.start, unit.end, alignment_mode="expand")
    if span is None:
        return frozenset(), frozenset(), False
    speech = load_cues().speech
    verbs = [t for t in span if _is_action_verb(t, speech)]
    objects = {w for v in verbs for c in v.children if c.dep_ in OBJECT_DEPS for w in terms(c.text)}
    reports = any(t.dep_ == "ROOT" and t.text.lower() in speech for t in span)
    return frozenset(w for v in verbs for w in terms(v.lemma_ or v.text)), frozenset(objects), reports


def _is_action_verb(tok: Token, speech: frozenset[str]) -> bool:
    """A completed verb heading a main or reported clause, not a relative one ("answers it has asked for")."""
    if tok.pos_ != "VERB" or tok.tag_ not in COMPLETED_TAGS or tok.text.lower() in speech:
        return False
    return tok.dep_ in CLAUSE_DEPS


def linked_drafts(drafts: Sequence[Draft], report_date: str | None) -> list[Draft]:
    """The report's events, dated by its own dated statements and joined into occasions, each with
    its draft (the kind of block it comes from). The ids are the drafts' own: the caller rebuilds
    them with lib.extract.events.extract.make_event."""
    dated = [_same_action_date(d, drafts) for d in drafts]
    dated = [_reported_action_date(d, dated, report_date) for d in dated]
    return _elaborations(_reports_of_listed(_coreferent(dated)))


def is_recent(host: Event, bound: Event) -> bool:
    """Whether an undated statement of a report dated R (``bound``: on or before R) can be more of
    ``host``: the host's date meets the RECENT_DAYS before R (another bound: the same R). News tells
    what is new; a fact of the speaker's past ("lost a race in 2009") is background, and what the
    speaker says after it is said now, not then."""
    if host.precision == "on_or_before":
        return host.date == bound.date
    last, span = period(bound.date), period(host.date)
    if last is None or span is None:  # an unreadable value: only the old prefix test
        return host.date[: len(bound.date)] <= bound.date
    return span[0] <= last[1] and span[1] >= last[1] - timedelta(days=RECENT_DAYS)


def _shares_actor(a: Draft, b: Draft) -> bool:
    return bool(a.actors & b.actors)


def _redate(draft: Draft, date: str) -> Draft:
    return replace(draft, event=replace(draft.event, date=date, precision="day"))


def _same_action_date(draft: Draft, drafts: Sequence[Draft]) -> Draft:
    """Rule 1: an undated event takes the date of a dated statement of the same action."""
    if draft.event.precision != "on_or_before" or not draft.actions:
        return draft
    for other in drafts:
        e = other.event
        if e.precision != "day" or e.date > draft.event.date or not other.actions & draft.actions:
            continue
        if _shares_actor(draft, other):
            return _redate(draft, e.date)
    return draft


def _reported_action_date(draft: Draft, drafts: Sequence[Draft], report_date: str | None) -> Draft:
    """Rule 2: a statement naming what a dated action moved, on the report's own date."""
    if draft.event.precision != "on_or_before" or not draft.reports or draft.event.date != report_date:
        return draft
    words = set(draft.words)
    for other in drafts:
        e = other.event
        named = other is not draft and bool(other.objects & words) and _shares_actor(draft, other)
        if named and e.precision == "day" and e.date == report_date:
            return _redate(draft, e.date)
    return draft


def _join_hosts(drafts: Sequence[Draft], joins: Callable[[Draft, Draft], bool]) -> list[Draft]:
    """Each draft absorbed into the first kept draft it joins (joins(host, draft)), else kept."""
    out: list[Draft] = []
    for draft in drafts:
        host = next((d for d in out if joins(d, draft)), None)
        if host is None:
            out.append(draft)
        else:
            out[out.index(host)] = _absorb(host, draft)
    return out


def _coreferent(drafts: Sequence[Draft]) -> list[Draft]:
    """Prose events of one date, with a common actor and the same action, are one occasion."""
    return _join_hosts(drafts, _same_occasion)


def _same_occasion(a: Draft, b: Draft) -> bool:
    if a.kind in STANDALONE or b.kind in STANDALONE or b.occasion:
        return False
    ea, eb = a.event, b.event
    same_date = (ea.date, ea.precision) == (eb.date, eb.precision)
    return same_date and bool(a.actions & b.actions) and _shares_actor(a, b)


def _reports_of_listed(drafts: Sequence[Draft]) -> list[Draft]:
    """An undated statement that names what an earlier prose event of the report moved ("the US
    response ...", after "delivered the written answers") and has no action of its own is more
    said about that event: it joins it. Not when it sets itself at an occasion of its own, nor
    when it is told in the past perfect ("had asked"), which places it before (Reichenbach 1947)."""
    return _join_hosts(drafts, _reports_on)


def _reports_on(host: Draft, draft: Draft) -> bool:
    if draft.event.precision != "on_or_before" or draft.actions or draft.occasion or draft.anterior:
        return False
    if host.kind in STANDALONE or draft.kind in STANDALONE or not draft.reports:
        return False
    if not is_recent(host.event, draft.event):
        return False
    return bool(host.objects & set(draft.words)) and _shares_actor(host, draft)


def _elaborations(drafts: Sequence[Draft]) -> list[Draft]:
    """An undated statement that repeats the words of the event before it in its paragraph joins it."""
    tfidf = TfIdf(d.words for d in drafts)
    out: list[Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if prev is not None and _elaborates(prev, draft, tfidf):
            out[-1] = _absorb(prev, draft)
        else:
            out.append(draft)
    return out


def _elaborates(prev: Draft, draft: Draft, tfidf: TfIdf) -> bool:
    if draft.event.precision != "on_or_before" or draft.actions or draft.occasion or draft.anterior:
        return False
    if prev.kind in STANDALONE or draft.kind in STANDALONE or prev.block != draft.block:
        return False
    if not is_recent(prev.event, draft.event):
        return False
    return cosine(tfidf.vector(prev.words), tfidf.vector(draft.words)) >= ELABORATION_MIN


def _absorb(host: Draft, other: Draft) -> Draft:
    """The host event with the other's actors and evidence appended (the host's date and summary)."""
    h, o = host.event, other.event
    actors = tuple(dict.fromkeys([*h.actors, *o.actors]))
    event = replace(h, actors=actors, evidence=(*h.evidence, *o.evidence))
    return replace(host, event=event, actors=host.actors | other.actors)


def unit_words(unit: Span) -> tuple[str, ...]:
    return tuple(terms(unit.text))
