"""Dated statements and actions for the timeline, merged across sources.

A sentence with a date expression gives an event on that date; a reported statement or an
action by a known actor with no date of its own is dated by its report ("on or before" the
document's date), the convention TimeML calls anchoring to the document creation time
(Pustejovsky et al. 2003, "TimeML: Robust specification of event and temporal expressions").
When a date hangs on a noun or a subordinate verb ("given the annexation of Crimea in 2014")
the event is that phrase, not the sentence around it.
Events from different sources merge when their dates are compatible, they share an actor
and their words are alike (lib/text/similarity.py); an explicit date beats an "on or before".
The less the dates pin an event, the more alike its words must be, and an "on or before R" only
meets dates in the days before R: news tells what is new (the recency of news values, Galtung &
Ruge 1965, "The Structure of Foreign News"), so an undated statement in a 2017 report is not a
2012 happening.
A report that repeats a paragraph (a live blog's "key events" summary, a wire story's recap)
repeats an event, not a new one: identical or near-identical sentences of one document are one.
Captions, embedded posts and headings are events only when they report one: a completed action
by a known actor. A caption in the present tense describes its picture (AP style).
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain, pairwise
from pathlib import Path

import numpy as np
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from lib import LEXICONS, read_yaml
from lib.extract.dates.values import period
from lib.extract.events.links import (
    RECENT_DAYS,
    STANDALONE,
    Draft,
    is_anterior,
    is_recent,
    linked_drafts,
    unit_words,
    verb_features,
)
from lib.extract.events.mood import (
    NOUNS,
    after_report,
    asks_or_denies,
    clause_verb,
    dates_happening,
    expressive,
    is_talk,
    looks_ahead,
    main_verbs,
    own_voice,
    spoken_of,
    told_as_past,
)
from lib.extract.polarity import base_forms
from lib.extract.quotes.cues import LEXICON as CUES_LEXICON
from lib.extract.quotes.cues import inflect, load_cues
from lib.read.blocks import paragraph_parts
from lib.records import DateMention, Document, Event, Mention, Precision, Quote, Span
from lib.text.nlp import doc_sentences, doc_text
from lib.text.similarity import Reach, TfIdf, Vector, candidate_pairs, cosine, terms

PRECISION_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3, "on_or_before": 4}
SUMMARY_CHARS = 160
CLAUSE_HEADS = {"ROOT", "conj", "ccomp", "advcl", "parataxis"}
ACTION_TAGS = {"VBD", "VBN", "VBZ"}  # a past, perfect or reporting-present main verb (not a copula)
MERGE_MIN = 0.25  # cosine of two events' words from which they are one event
# Same day, stated by both: the date already says much, so fewer shared words suffice; a bound
# or a vaguer date says little, so more are needed. Scores lie in [0, 1] (unit TF-IDF vectors).
MERGE_SAME_DAY = 0.18
MERGE_IMPRECISE = 0.35
HEAD_MIN = MERGE_SAME_DAY  # cosine of any two events of one merged event dated vaguely (_clusters)
VAGUE = {"month", "year"}  # precisions too coarse to pin an event: its words must (_clusters)
EVERY_DAY = (date.min.toordinal(), date.max.toordinal())  # the reach of a date that names no day
NEAR_DUPLICATE = 0.85  # Jaccard of two sentences' term sets from which one repeats the other
NEAR_DUPLICATE_TERMS = 6  # fewer terms than this: only an identical sentence is a repeat
# "at / during / after a press conference", up to three words between (determiners, adjectives).
SETTING = r"\b(?:at|during|after|following|on the sidelines of)\s+(?:[\w’'-]+\s+){{0,3}}{}s?\b"
OCCASIONS_PATH = LEXICONS / "occasions.yaml"
# "between June 2011 and July 2012", "from 2016 to 2018": two dates that bound a period
RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")
RANGE_JOIN = re.compile(r"(?i)^\s*(?:and|to|until|till|through|-|–|—)\s*$")
RANGE_POINT_DAYS = 31  # a longer period dates no point on the timeline by its first day
COMPLETED = {"VBD", "VBN"}  # a past or perfect verb
# nouns of a stretch of time or a part of one: a phrase they head is a time, not what happened in it
TIME_NOUNS = frozenset(
    f"{w}{s}"
    for w in ("time", "day", "week", "month", "year", "decade", "season", "quarter", "half", "weekend",
              "hour", "night", "morning", "afternoon", "evening", "period", "beginning", "end", "start",
              "middle", "rest")
    for s in ("", "s")
) | {"century", "centuries"}  # fmt: skip
PREMODIFIERS = {"nummod", "compound", "amod"}  # "the 1994 ban", "a 2016 bid": the date is the noun's
STATES_PATH = LEXICONS / "states.yaml"
# A web page's publication stamp ("Published: <date>", "Posted on <date>", "Last Updated: <weekday>,
# <date>", "First Posted <time> <date>"), on a line of its own or after another stamp: it dates
# the page, which the report's date already holds, not anything the page tells. Read as an event
# date it puts the headline (the unit it joins) on the publication day, a day or more after the
# happening the lead dates itself. The stamp word opens its line or follows a time or a date.
STAMP_BEFORE = re.compile(
    r"(?im)(?:^|[|\d]|\b[ap]\.?m\.?|\b(?:GMT|BST|UTC|[ECMP][DS]?T))[ \t]*(?:first[ \t]+|last[ \t]+)?"
    r"(?:published|posted|updated|edited)(?:[ \t]+(?:time|on|at))?[ \t]*:?"
)
# What may stand between a stamp's word and a date of it: other parts of a date and a time
_STAMP_WORDS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
    "apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|"
    "tues?|wed|thu(?:rs?)?|fri|sat|sun|at|on|[ECMP][DS]?T|GMT|BST|UTC"
)
STAMP_FILLER = re.compile(rf"(?i)(?:[ \t\d,:./|()+-]|\b[ap]\.?m\b\.?|\b(?:{_STAMP_WORDS})\b\.?)*")


@lru_cache(maxsize=4)
def _occasion_nouns(path: Path = OCCASIONS_PATH) -> tuple[str, ...]:
    data = read_yaml(path) or {}
    return tuple(str(n).lower() for n in data.get("occasions") or ())


@lru_cache(maxsize=4)
def _occasion_patterns(path: Path = OCCASIONS_PATH) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each occasion noun with its SETTING, compiled once (not looked up in re's cache per sentence)."""
    return tuple((n, re.compile(SETTING.format(re.escape(n)))) for n in _occasion_nouns(path))


@dataclass(frozen=True)
class _Media:
    on_heads: frozenset[str]  # words after which "on" / "via" open a medium: inflected verbs, nouns
    to_heads: frozenset[str]  # inflected verbs after which "to" opens one ("took to", "posted to")
    presence: frozenset[str]  # nouns of a presence on a medium, singular and plural


MEDIUM_PREPOSITIONS = {"on", "via"}


@lru_cache(maxsize=4)
def _media(path: Path = OCCASIONS_PATH) -> _Media:
    data = read_yaml(path) or {}
    # the irregular verbs of the reporting-verb lexicon ("said", "spoke"), and those of the media lists
    listed = {**(read_yaml(CUES_LEXICON) or {}).get("irregular", {}), **(data.get("medium_irregular") or {})}
    irregular = {str(k).lower(): [str(f) for f in v] for k, v in listed.items()}

    def inflected(key: str) -> frozenset[str]:
        return frozenset(f for b in data.get(key) or () for f in inflect(str(b).lower(), irregular))

    def nouns(key: str) -> frozenset[str]:
        return frozenset(f for n in data.get(key) or () for f in (str(n).lower(), f"{str(n).lower()}s"))

    cues = load_cues()
    verbs = (cues.speech | cues.statement_acts | inflected("medium_verbs")) - inflected("not_medium_verbs")
    presence = nouns("medium_presence")
    return _Media(verbs | nouns("medium_messages") | presence, inflected("medium_to"), presence)


def media_mentions(sdoc: SpacyDoc, mentions: Sequence[Mention]) -> set[tuple[int, int]]:
    """The (start, end) of the mentions that name the medium a statement is made through
    (lib/lexicons/occasions.yaml): the object of "on" / "via" after a verb of saying or appearing
    or a noun of a message or a presence ("wrote on X", "in an interview on X", "on X's show"), of
    "to" after "took", or a name before a noun of presence that has an owner ("her X account")."""
    media = _media()
    found: set[tuple[int, int]] = set()
    for m in mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        if tok.dep_ in {"compound", "poss"} and tok.head.lower_ in media.presence:
            noun = tok.head
            if noun.dep_ != "pobj":
                owned = any(c.dep_ == "poss" for c in noun.children)
                if tok.dep_ == "compound" and owned:
                    found.add((m.start, m.end))
                continue
            tok = noun
        if tok.dep_ != "pobj":
            continue
        prep, head = tok.head.lower_, tok.head.head.lower_
        opens = media.on_heads if prep in MEDIUM_PREPOSITIONS else media.to_heads if prep == "to" else ()
        if head in opens:
            found.add((m.start, m.end))
    return found


@lru_cache(maxsize=4)
def _states(path: Path = STATES_PATH) -> frozenset[str]:
    data = read_yaml(path) or {}
    return frozenset(str(v).lower() for v in data.get("states") or ())


@lru_cache(maxsize=4)
def _seeming(path: Path = STATES_PATH) -> frozenset[str]:
    data = read_yaml(path) or {}
    return frozenset(str(v).lower() for v in data.get("states_before_infinitive") or ())


def names_occasion(text: str) -> bool:
    """Whether a text sets itself at an occasion (lib/lexicons/occasions.yaml): the noun after a
    preposition of setting ("at a press conference"), not one merely proposed ("urged a meeting")."""
    low = " ".join(text.lower().split())
    # a pattern holds its noun as written: only a text that holds the noun is searched
    return any(noun in low and p.search(low) for noun, p in _occasion_patterns())


def extract_events(
    doc: Document,
    sdoc: SpacyDoc,
    dates: Sequence[DateMention],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    places: Collection[str] = frozenset(),
) -> list[Event]:
    """The dated statements and actions of one document (the sequences hold the whole corpus).

    ``places`` are the ids of actors typed "place": settings, never actors of an event; nor is
    the medium a statement is made through (``media_mentions``).
    """
    own_dates = [d for d in dates if d.doc_id == doc.id]
    own_mentions = [m for m in mentions if m.doc_id == doc.id and m.actor_id not in places]
    media = media_mentions(sdoc, own_mentions)
    own_mentions = [m for m in own_mentions if (m.start, m.end) not in media]
    own_quotes = [q for q in quotes if q.doc_id == doc.id and q.speaker_id]
    voices = [(q.start, q.end) for q in quotes if q.doc_id == doc.id]  # quoted words, speaker known or not
    drafts: list[Draft] = []
    seen: list[tuple[str, frozenset[str]]] = []
    section = 0  # index of the first draft after the last heading: a statement runs on within one
    for unit in _units(doc, sdoc):
        block = doc.block_at(unit.start)
        if block and block.kind == "heading":
            section = len(drafts)
        fingerprint = _fingerprint(unit)
        if _repeats(fingerprint, seen):
            continue
        event = _event(doc, sdoc, unit, own_dates, own_mentions, own_quotes, voices)
        if event is not None:
            seen.append(fingerprint)
            new = _draft(doc, sdoc, unit, event, own_mentions, own_quotes)
            drafts = _continued(drafts, new, section)
    linked = [d.event for d in linked_drafts(drafts, doc.date) if reports_event(d)]
    return _one_per_id([make_event(e.date, e.precision, e.actors, e.evidence, e.sources) for e in linked])


def _one_per_id(events: Sequence[Event]) -> list[Event]:
    """Events of one report with the same date and summary (hence id) are one: their evidence joined."""
    kept: dict[str, Event] = {}
    for e in events:
        if e.id in kept:
            host = kept[e.id]
            actors = tuple(dict.fromkeys([*host.actors, *e.actors]))
            evidence = tuple(dict.fromkeys([*host.evidence, *e.evidence]))
            e = replace(host, actors=actors, evidence=evidence)
        kept[e.id] = e
    return list(kept.values())


def _fingerprint(unit: Span) -> tuple[str, frozenset[str]]:
    return " ".join(unit.text.casefold().split()), frozenset(terms(unit.text))


def _repeats(fingerprint: tuple[str, frozenset[str]], seen: Sequence[tuple[str, frozenset[str]]]) -> bool:
    """Whether a unit (its _fingerprint) repeats one that already gave an event: the same text, or
    (long enough to tell) nearly the same terms, as a live blog's recap repeats its entries."""
    text, words = fingerprint
    for other_text, other_words in seen:
        if text == other_text:
            return True
        long_enough = min(len(words), len(other_words)) >= NEAR_DUPLICATE_TERMS
        if long_enough and len(words & other_words) / len(words | other_words) >= NEAR_DUPLICATE:
            return True
    return False


def reports_event(draft: Draft) -> bool:
    """Prose is an event (extract_events decided); a caption, post or heading only when it tells a
    completed action by a known actor: "troops shelled the port on 3 March", not a picture's
    "the minister speaks in the capital on 3 March" nor a post's "great talks today"."""
    if draft.kind not in STANDALONE:
        return True
    return bool(draft.actions) and bool(draft.actors)


def _draft(
    doc: Document,
    sdoc: SpacyDoc,
    unit: Span,
    event: Event,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
) -> Draft:
    block = doc.block_at(unit.start)
    actions, objects, reports = verb_features(sdoc, unit)
    speakers = {q.speaker_id or "" for q in quotes if q.start < unit.end and q.end > unit.start}
    return Draft(
        event=event,
        kind=block.kind if block else "body",
        block=block.start if block else -1,
        speakers=frozenset(speakers or _doers(sdoc, unit, mentions)),
        actors=frozenset(event.actors),
        actions=actions,
        objects=objects,
        reports=reports,
        occasion=names_occasion(unit.text),
        words=unit_words(unit),
        anterior=is_anterior(sdoc, unit),
    )


def _continued(drafts: list[Draft], new: Draft, section: int = 0) -> list[Draft]:
    """Append a draft, or join it to the last prose one when it continues that statement.

    Posts and captions stand alone and do not break a run of prose around them; a heading does
    (drafts before ``section`` lie above it): it starts a new section, a live blog's next entry.
    """
    prose = [i for i, d in enumerate(drafts) if d.kind not in STANDALONE and i >= section]
    if new.kind in STANDALONE or not prose or not _continues(drafts[prose[-1]], new):
        return [*drafts, new]
    i = prose[-1]
    host = drafts[i]
    joined = _join(host.event, new.event)
    merged = replace(host, event=joined, actors=host.actors | new.actors)
    return [*drafts[:i], merged, *drafts[i + 1 :]]


def _continues(prev: Draft, new: Draft) -> bool:
    """An undated statement right after another by the same speaker is the same occasion,
    unless it names an occasion of its own, is told in the past perfect (an earlier time), or
    follows a fact of the speaker's past (``is_recent``: "lost a race in 2009. 'I will not ...'")."""
    a, b = prev.event, new.event
    earlier = new.anterior and not prev.anterior
    if b.precision != "on_or_before" or new.occasion or earlier or not prev.speakers & new.speakers:
        return False
    return is_recent(a, b)


def _join(a: Event, b: Event) -> Event:
    """The earlier event, with the later one's actors and evidence (and the earlier's date)."""
    actors = tuple(dict.fromkeys([*a.actors, *b.actors]))
    return make_event(a.date, a.precision, actors, (*a.evidence, *b.evidence), a.sources)


def _units(doc: Document, sdoc: SpacyDoc) -> list[Span]:
    """Sentences cut at paragraphs; an embedded post is one unit; credits are none."""
    units: list[Span] = []
    text = doc_text(sdoc)  # each sentence's text cut from it: spaCy's Span.text joins its tokens again
    for _, _, start, end in doc_sentences(sdoc):
        for part in paragraph_parts(Span(doc.id, start, end, text[start:end])):
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
    voices: Collection[tuple[int, int]] = (),
) -> Event | None:
    """The unit's event: dated by its most precise date, the narrator's before a quotation's (a
    deictic date in quoted words, "today's vote", is the speaker's, anchored to when they spoke);
    else, a statement or an action by a known actor, on or before the report's date.

    Only a date of a happening dates it (lib/extract/events/mood.py: not one after the report, nor
    of a clause that is wished, planned or in a speaker's present); when a speaker's "today" is the
    quotation's time, another date in it dates only its own phrase ("the treaty of 2015").
    Talk tells no happening of its own (``is_talk``: "Thank you", "We hope to meet again")."""
    quoted = [
        (q.start, q.end) for q in quotes if q.kind == "direct" and q.start < unit.end and q.end > unit.start
    ]
    own = [d for d in dates if unit.start <= d.start < unit.end and not _stamped(doc.text, d)]
    spans = _long_ranges(doc.text, own)
    in_quote = {d.start for d in own if any(s <= d.start < e for s, e in quoted)}
    now = [d for d in own if _speakers_now(d, doc.date, in_quote)]
    span = sdoc.char_span(unit.start, unit.end, alignment_mode="expand")
    roots, verbs = main_verbs(span) if span is not None else ([], [])
    if expressive(roots):  # "Thank you for the opportunity we have today"
        return None
    voice = own_voice(roots, voices, verbs)
    block = doc.block_at(unit.start)
    prose = block is None or block.kind == "body"
    inside = sorted(
        (
            d
            for d in own
            if d.start not in spans and d not in now and _dates_happening(sdoc, d, doc.date, voice, prose)
        ),
        key=lambda d: (d.start in in_quote, PRECISION_RANK[d.precision]),
    )
    speakers = [q.speaker_id for q in quotes if unit.start <= q.start < unit.end and q.speaker_id]
    named = [m.actor_id for m in mentions if unit.start <= m.start < unit.end]
    actors = tuple(dict.fromkeys([*speakers, *named]))
    for pick in inside:
        evidence = _date_phrase(doc, sdoc, unit, pick, inside)
        if now and pick.start in in_quote and evidence == unit:  # the quotation is of the speaker's
            continue  # day ("today"): another date of theirs dates only a phrase of it
        if prose and evidence == unit and not _tells(sdoc, unit):  # a stamp: "UPDATE 2:52 p.m. --"
            return None
        return make_event(pick.value, pick.precision, actors, evidence, (doc.id,))
    turns = {(q.start, q.end) for q in quotes if q.cue == ":"}  # a transcript's record, not reported
    reported = [(s, e) for s, e in voices if s < unit.end and e > unit.start and (s, e) not in turns]
    talk = is_talk(roots, voice) or asks_or_denies(roots, unit.text, unit.start, reported)
    if doc.date and prose and (speakers or _doers(sdoc, unit, mentions)) and _tells(sdoc, unit) and not talk:
        return make_event(doc.date, "on_or_before", actors, unit, (doc.id,))
    return None


def _stamped(text: str, date: DateMention) -> bool:
    """Whether the date is a publication stamp's (``STAMP_BEFORE``): it dates the page, no event."""
    line_start = text.rfind("\n", 0, date.start) + 1
    stamps = list(STAMP_BEFORE.finditer(text, line_start, date.start))
    return bool(stamps) and STAMP_FILLER.fullmatch(text, stamps[-1].end(), date.start) is not None


def _dates_happening(
    sdoc: SpacyDoc, date: DateMention, report_date: str | None, voice: bool, prose: bool = True
) -> bool:
    """Whether a date can date a happening told in its sentence (lib/extract/events/mood.py): on a
    clause or noun of what took place; not after the report's date unless its clause is told as
    past (a live blog's later entries outdate its first date). A post, a caption or a heading
    carries its own stamp (``reports_event`` reads those)."""
    span = sdoc.char_span(date.start, date.end, alignment_mode="expand")
    if not prose or span is None:
        return not prose or not after_report(date.value, report_date)
    root = span.root  # "the 1994 ban": the noun's date, whatever the clause around it says
    if spoken_of(root, _saying()) or _since(root):
        return False
    named = root.dep_ in PREMODIFIERS and root.head.pos_ in {"NOUN", "PROPN"}
    if named and looks_ahead(root.head):
        return False  # "2023 predictions": the time looked at
    governor = root.head if named else _governor(span)
    if after_report(date.value, report_date) and (governor.pos_ in NOUNS or not _told_as_past(governor)):
        return False  # a noun's date after the report is to come ("the March 14 vote")
    return dates_happening(governor, voice, named)


def _since(root: Token) -> bool:
    """A date after "since" ("since 2019", "since the start of 2015") opens a period that runs to
    the report: what the sentence tells lasts from then ("has chaired the board since May") or is
    measured against it ("the first win since 2019"); it did not happen on that date."""
    tok = root
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head  # "the start of 2015"
    return tok.dep_ == "pobj" and tok.head.lower_ == "since"


@lru_cache(maxsize=1)
def _saying() -> frozenset[str]:
    """Inflected verbs of saying and of making a statement ("said", "spoke", "wrote")."""
    cues = load_cues()
    return cues.speech | cues.statement_acts


def _told_as_past(governor: Token) -> bool:
    """Whether the clause of a date's governor is told as past ("three weeks later, she was ...")."""
    verb = clause_verb(governor)
    return verb is not None and told_as_past(verb)


def _long_ranges(text: str, dates: Sequence[DateMention]) -> set[int]:
    """The starts of dates that bound a period longer than RANGE_POINT_DAYS ("between June 2011 and
    July 2012"): the period dates no point of the timeline, and its first day is not when the
    sentence happened; a short one ("from March 1 to March 3") keeps its first day."""
    out: set[int] = set()
    ordered = sorted(dates, key=lambda d: d.start)
    for a, b in pairwise(ordered):
        if not RANGE_JOIN.match(text[a.end : b.start]) or not RANGE_OPEN.search(
            text[max(0, a.start - 12) : a.start]
        ):
            continue
        first, last = period(a.value), period(b.value)
        if first is None or last is None or (last[1] - first[0]).days > RANGE_POINT_DAYS:
            out |= {a.start, b.start}
    return out


def _speakers_now(date: DateMention, report_date: str | None, in_quote: Collection[int]) -> bool:
    """A quotation's "today" or "tonight": resolved to the report's day, but it is the speaker's day,
    which the report may not share ("which you mentioned tonight", quoted days later)."""
    return date.start in in_quote and date.precision == "day" and date.value == report_date


def _tells(sdoc: SpacyDoc, unit: Span) -> bool:
    """An undated sentence tells a happening only with a verb: a transcript's "Very well.",
    "Good afternoon." or "What about the budget?" is talk at the meeting, which is the event,
    and two meetings' "Very well." are no one event."""
    span = sdoc.char_span(unit.start, unit.end, alignment_mode="expand")
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


def _date_phrase(
    doc: Document, sdoc: SpacyDoc, unit: Span, date: DateMention, dates: Sequence[DateMention] = ()
) -> Span:
    """The phrase a date belongs to: the whole sentence, unless it hangs on a noun or subordinate verb
    and says more than dates (the unit's ``dates``: "Oct. 16 and Oct. 22" is no phrase of its own)."""
    block = doc.block_at(unit.start)
    span = sdoc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or (block and block.kind != "body"):
        return unit
    governor = _governor(span)
    hung = [c.dep_ for c in governor.children if not span.start <= c.i < span.end]
    if span.start <= governor.i < span.end and "appos" in hung and set(hung) <= {"appos", "punct"}:
        return unit  # a name in apposition to a date ("Thursday, Avery, 54, had said") is the parser's slip
    if governor.lower_ in TIME_NOUNS and not span.start <= governor.i < span.end:
        return unit  # "in the closing weeks of 2015", "on the morning of May 9": a time, not what happened
    if (noun := _relative_noun(governor)) is not None:
        governor = noun
    if governor.dep_ in CLAUSE_HEADS or governor.pos_ not in {"NOUN", "PROPN", "VERB"}:
        # a year or month before a noun is that noun's ("would improve on the 1994 ban"), not the
        # time of a clause in the present or future; a past clause may share it ("failed in a 2005
        # bid"); a day before a noun ("the Thursday vote") may be both
        root = span.root
        named = root.dep_ in PREMODIFIERS and root.head.pos_ in {"NOUN", "PROPN"}
        if not named or date.precision not in ("year", "month") or governor.tag_ in COMPLETED:
            return unit
        if root.head.lower_ in TIME_NOUNS:
            return unit  # "the 2019 season"
        governor = _relative_noun(root.head) or root.head
    sub = list(governor.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    outside = list(doc.text[start:end])
    for d in (date, *dates):
        first, last = max(d.start, start) - start, min(d.end, end) - start
        if first < last:
            outside[first:last] = " " * (last - first)
    beyond_date = any(len(t) > 2 for t in terms("".join(outside)))  # not just "'s", "and"
    if len(sub) < 3 or not beyond_date or not unit.start <= start < end <= unit.end:
        return unit
    return Span(doc.id, start, end, doc.text[start:end])


def _relative_noun(tok: Token) -> Token | None:
    """The noun whose relative clause holds a word, at any depth: "Krakatoa, which was destroyed in
    1883", "Y, who ran the fund until the council removed him in May": the clause is about its noun,
    and its date dates the clause, not the sentence around the noun. A clause of a participle or an
    infinitive after its noun is a relative clause too ("the conference held on May 3", "a handbook
    written by X", "the plan to close the port on Monday"): its phrase keeps its noun."""
    while tok.head.i != tok.i:  # spaCy makes a new Token at each .head: no identity test
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and _reduced(tok)):
            return tok.head
        tok = tok.head
    return None


def _reduced(verb: Token) -> bool:
    """A participle or an infinitive after a noun, a relative clause without its pronoun ("the
    report released on Friday", "the plan to close the port"); not a clause of what the noun says
    ("the chance that they will lose"), which is the noun's content, not a clause about it."""
    finite = ("nsubj", "nsubjpass", "mark", "expl", "aux", "auxpass")
    if any(c.dep_ in finite and c.tag_ != "TO" for c in verb.children):
        return False
    return verb.tag_ in ("VBN", "VBG") or any(c.tag_ == "TO" for c in verb.children)


def _governor(span: SpacySpan) -> Token:
    """The word a date expression modifies: up through prepositions and number modifiers."""
    tok = span.root
    while tok.dep_ in {"pobj", "nummod", "compound", "appos"} and tok.head is not tok:
        tok = tok.head
    return tok.head if tok.dep_ == "prep" else tok


def _doers(sdoc: SpacyDoc, unit: Span, mentions: Sequence[Mention]) -> set[str]:
    """The known actors that are the subject of a main verb in the past or present (or its
    passive agent) in a unit: the unit is an action of theirs."""
    span = sdoc.char_span(unit.start, unit.end, alignment_mode="expand")
    if span is None:
        return set()
    doers = [t for t in span if _is_doer(t)]
    return {m.actor_id for t in doers for m in mentions if m.start <= t.idx < m.end}


def _is_doer(tok: Token) -> bool:
    """The subject of a main verb of action in the past or present, or the agent of a passive
    ("was written by X"), not inside a relative clause ("a handbook, which was written by X")."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return _relative_noun(tok.head.head) is None
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.tag_ not in ACTION_TAGS:
        return False
    return not _is_state(verb)


def _is_state(verb: Token) -> bool:
    """A verb of state (lib/lexicons/states.yaml): "had a warm relationship", "owns two hotels"; not
    "have" with a clause ("had the minister removed") or an occasion ("had talks")."""
    forms = _verb_bases((verb.lemma_ or verb.text).lower())
    if not forms.isdisjoint(_seeming()):  # "appears to have been": a state; "appeared on TV": an act
        return any(c.dep_ == "xcomp" for c in verb.children)
    states = _states()
    if forms.isdisjoint(states):
        return False
    if "have" not in forms:
        return True
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return not any(names_occasion(f"at {o.text}") for o in objects)


def _verb_bases(word: str) -> frozenset[str]:
    """A verb form and its plausible bases (the small model gives no lemmas): "owns" -> "own",
    "remained" -> "remain", "lives" / "lived" -> "live" (polarity.base_forms), "has" / "had" ->
    "have"."""
    forms = frozenset(base_forms(word))
    return forms | {"have"} if word in ("has", "had", "having") else forms


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
    line = " ".join(text.split()).strip(" “”\"'«»").rstrip(",;:—–- ")
    return line if len(line) <= SUMMARY_CHARS else line[: SUMMARY_CHARS - 1].rstrip() + "…"


def merge_events(events: Sequence[Event]) -> list[Event]:
    """One event per real-world event, with every source that reports it, in date order.

    Best-first clustering (Ng & Cardie 2002, "Improving machine learning approaches to coreference
    resolution"): the most alike pair of events is joined first, so an event is not taken by a
    weaker match that happened to come first. Only pairs with a common actor, a shared indexed term
    and dates that can meet are scored (lib.text.similarity.candidate_pairs, blocked by ``_reach``):
    an event meets the events of its actors in the days its date allows, not every event of
    theirs, so the merge grows with the events, not with their square, while the days they are
    reported on stay as many (every pair the rules below can join is still scored: no date window
    is cut short).
    """
    words = _all_head_words(events)
    vectors = _vectors(words)
    merged = [
        _merge([events[k] for k in c.members])
        for c in _clusters(events, _candidate_pairs(events, vectors, words), vectors)
    ]
    return sorted(merged, key=lambda e: (e.date, PRECISION_RANK[e.precision], e.summary, e.id))


def _all_head_words(events: Sequence[Event]) -> list[list[str]]:
    """``_head_words`` of each event, each distinct text read once (reports that carry one wire
    story repeat its sentences); events of one text share one list, which no one changes."""
    seen: dict[str, list[str]] = {}
    out = []
    for e in events:
        text = e.evidence[0].text
        if (found := seen.get(text)) is None:
            found = seen[text] = terms(text)
        out.append(found)
    return out


def _vectors(words: Sequence[Sequence[str]]) -> list[Vector]:
    """The events' TF-IDF vectors, weighted over these events; one vector per distinct list of
    words, shared by the events that have it (no one changes a vector)."""
    tfidf = TfIdf(words)
    seen: dict[tuple[str, ...], Vector] = {}
    out = []
    for w in words:
        key = tuple(w)
        if (found := seen.get(key)) is None:
            found = seen[key] = tfidf.vector(w)
        out.append(found)
    return out


def _clusters(
    events: Sequence[Event], best_first: Iterable[tuple[int, int]], vectors: Sequence[Vector]
) -> list[_Cluster]:
    """Join the events of each pair, best pair first, when their clusters can be one event: when one
    of them is dated only by a month or a year (``VAGUE``), every event of one must be alike to every
    event of the other at least a little (``HEAD_MIN``).

    A pair alike enough joins its two clusters, but likeness is not transitive: without that test,
    short phrases that share a year and a word chain ("the 2016 election", "a 2016 candidate", "a
    crowded 2016 field") into one event that no two of its ends describe. Days pin an event (as in
    ``merge_min``): there the reports of one happening, told in other words, chain as before (and a
    story many outlets tell costs no comparison of every pair). Copies of one sentence share one
    vector (``_vectors``): each distinct vector is compared once."""
    clusters = {i: _Cluster.of(i, e) for i, e in enumerate(events)}
    words: dict[int, dict[int, Vector]] = {i: {id(v): v} for i, v in enumerate(vectors)}
    owner = list(range(len(events)))
    for i, j in best_first:
        a, b = owner[i], owner[j]
        if a == b or not clusters[a].joinable(clusters[b]):
            continue
        if not _pinned(clusters[a], clusters[b]) and not _all_alike(words[a], words[b]):
            continue
        gone = clusters.pop(b)
        clusters[a].absorb(gone)
        words[a].update(words.pop(b))
        for k in gone.members:
            owner[k] = a
    return list(clusters.values())


def _pinned(a: _Cluster, b: _Cluster) -> bool:
    """Whether the two clusters' dates all pin a few days (a day, a week, a report's "on or before"):
    only a month or a year says so little that words alone chain unrelated events."""
    return all(precision not in VAGUE for _, precision in a.dates | b.dates)


def _all_alike(a: dict[int, Vector], b: dict[int, Vector]) -> bool:
    """Every vector of one cluster is alike (``HEAD_MIN``) to every vector of the other."""
    return all(k == m or cosine(x, y) >= HEAD_MIN for k, x in a.items() for m, y in b.items())


def merge_into(merged: Sequence[Event], new: Sequence[Event]) -> tuple[set[int], list[Event]]:
    """New events (of documents just added) merged into events already merged: the indexes of
    ``merged`` that took part, and what replaces them (the new events included).

    The same best-first rule as ``merge_events``, but only pairs with a new event are scored, and the
    term weights come from these events alone: a full ``merge_events`` over every document's
    events may join or split a borderline pair differently (lib/store/parallel.py says when it runs).
    """
    if not new:
        return set(), []
    events = [*merged, *new]
    words = [_head_words(e) for e in events]
    tfidf = TfIdf(words)
    vectors = [tfidf.vector(w) for w in words]
    first_new = len(merged)
    reach = [_reach(e.date, e.precision) for e in events]
    actors = [frozenset(e.actors) for e in events]
    pairs = []
    for j in range(first_new, len(events)):
        (start, end), y = reach[j], events[j]
        for i in range(j):
            # the blocking of merge_events: reaches that overlap (compatible dates always do), a common actor
            if reach[i][0] > end or reach[i][1] < start or actors[i].isdisjoint(actors[j]):
                continue
            x = events[i]
            if set(x.sources) & set(y.sources) or not _dates_compatible(x, y):
                continue
            if (score := cosine(vectors[i], vectors[j])) >= merge_min(x, y):
                pairs.append((score, i, j))
    best_first = ((i, j) for _, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])))
    touched = [c for c in _clusters(events, best_first, vectors) if any(k >= first_new for k in c.members)]
    taken = {k for c in touched for k in c.members if k < first_new}
    return taken, [_merge([events[k] for k in sorted(c.members)]) for c in touched]


def within_reach(dates: Iterable[tuple[str, str]], new: Sequence[Event]) -> list[bool]:
    """Whether each (date, precision) can merge with one of the ``new`` events by its date: its reach
    (``_reach``) overlaps one of theirs. What merge_into needs of the merged events: those that
    cannot are left where they are, so adding a report reads the days its events reach, not the corpus."""
    spans: list[list[int]] = []
    for first, last in sorted(_reach(e.date, e.precision) for e in new):
        if spans and first <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], last)
        else:
            spans.append([first, last])
    starts = [first for first, _ in spans]
    out = []
    for value, precision in dates:
        first, last = _reach(value, precision)
        k = bisect_right(starts, last) - 1  # the last span starting on or before this reach ends
        out.append(k >= 0 and spans[k][1] >= first)
    return out


@dataclass
class _Cluster:
    """Events being merged: their indexes, their sources and their distinct (date, precision).

    A join checks every date of one cluster against every date of the other (``_compatible``):
    a cluster holds at most one event per source, so that is a few dates, not the events'.
    """

    members: list[int]
    sources: set[str]
    dates: set[tuple[str, str]]

    @classmethod
    def of(cls, index: int, event: Event) -> _Cluster:
        return cls([index], set(event.sources), {(event.date, event.precision)})

    def joinable(self, other: _Cluster) -> bool:
        """One source does not report one event twice, and every date must fit every other."""
        if self.sources & other.sources:
            return False
        return all(_compatible(x, y) for x in self.dates for y in other.dates)

    def absorb(self, other: _Cluster) -> None:
        self.members.extend(other.members)
        self.sources |= other.sources
        self.dates |= other.dates


def _candidate_pairs(
    events: Sequence[Event], vectors: Sequence[Vector], words: Sequence[Sequence[str]]
) -> Iterator[tuple[int, int]]:
    """Pairs from different sources, dates compatible, a common actor, alike words; best first
    (ties: by index). Held as three compact arrays, not a list of tuples: a wire story that many
    outlets carry makes millions of pairs.

    A wire sentence that many reports carry word for word, on one date with the same actors, is one
    event many times over (``_copies``): the search for alike words runs over one of each, and its
    pairs are listed for every copy of different sources, each with the cosine the pair itself has
    (the same words give the same vector, so the pairs are those the search over every event gives)."""
    scores, first, second = array("d"), array("q"), array("q")
    copies = _copies(events, words)
    heads = [c[0] for c in copies]
    keys = [events[h].actors for h in heads]
    reach = [_reach(events[h].date, events[h].precision) for h in heads]
    sources = [frozenset(e.sources) for e in events]
    within = ((c, c) for c in copies if len(c) > 1 and events[c[0]].actors)
    found = candidate_pairs([vectors[h] for h in heads], MERGE_SAME_DAY, keys, reach)
    for group_a, group_b in chain(within, ((copies[p], copies[q]) for p, q in found)):
        a, b = events[group_a[0]], events[group_b[0]]
        if not _dates_compatible(a, b):
            continue
        bar = merge_min(a, b)
        score: dict[bool, float] = {}  # by whether the pair's first event is of group_a: the cosine's order
        for n, i in enumerate(group_a):
            for j in group_a[n + 1 :] if group_a is group_b else group_b:
                if not sources[i].isdisjoint(sources[j]):
                    continue
                lead = i < j
                if lead not in score:
                    score[lead] = cosine(vectors[i], vectors[j]) if lead else cosine(vectors[j], vectors[i])
                if score[lead] >= bar:
                    scores.append(score[lead])
                    first.append(min(i, j))
                    second.append(max(i, j))
    order = np.lexsort((np.asarray(second), np.asarray(first), -np.asarray(scores)))
    for k in order.tolist():
        yield first[k], second[k]


def _copies(events: Sequence[Event], words: Sequence[Sequence[str]]) -> list[list[int]]:
    """The events grouped by what the merge reads of them (head words, date, precision, actors), each
    group in index order, groups in the order of their first member."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, (e, own) in enumerate(zip(events, words, strict=True)):
        groups.setdefault((tuple(own), e.date, e.precision, e.actors), []).append(i)
    return list(groups.values())


@lru_cache(maxsize=8192)  # a corpus has a few thousand distinct (date, precision)
def _reach(value: str, precision: str) -> Reach:
    """The days (ordinals, first and last) an event dated so can share with an event it merges with.

    The blocking's property: two (date, precision) that are ``_compatible`` have overlapping
    reaches, so an event never misses a merge by being searched only where its reach overlaps.
    A date's reach is its period: prefixes that nest (``2022``, ``2022-03``, ``2022-03-05``) are
    periods that nest, and an ISO week of a year always holds some day of that year (its Thursday).
    A bound R reaches the RECENT_DAYS before it (``_recent``): a date meets it when its period meets
    that window, another bound when the two windows meet (their ends at most RECENT_DAYS apart).
    An unreadable value is compared by its text (``_recent``, prefixes): it reaches every day.
    """
    span = period(value)
    if span is None:
        return EVERY_DAY
    first, last = span[0].toordinal(), span[1].toordinal()
    return (last - RECENT_DAYS if precision == "on_or_before" else first), last


def _head_words(event: Event) -> list[str]:
    """The words of an event's first evidence: what it is; the rest is what was said there."""
    return terms(event.evidence[0].text)


def _words(event: Event) -> list[str]:
    return [t for span in event.evidence for t in terms(span.text)]


def _dates_compatible(a: Event, b: Event) -> bool:
    return _compatible((a.date, a.precision), (b.date, b.precision))


@lru_cache(maxsize=1 << 16)  # pairs of a corpus's few thousand distinct (date, precision)
def _compatible(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two (date, precision) fit one event: prefixes nest; a bound R admits the dates of the
    RECENT_DAYS before it (and another bound within as many days)."""
    (date_a, prec_a), (date_b, prec_b) = a, b
    if prec_a == "on_or_before" or prec_b == "on_or_before":
        bound, other = (a, b) if prec_a == "on_or_before" else (b, a)
        return _recent(bound[0], other)
    return date_a.startswith(date_b) or date_b.startswith(date_a)


def _recent(bound: str, other: tuple[str, str]) -> bool:
    """Whether ``other`` (a date, or another bound) can lie within RECENT_DAYS before ``bound``."""
    last = period(bound)
    span = period(other[0])
    if last is None or span is None:  # an unreadable value: only the old prefix test
        return other[0][: len(bound)] <= bound
    window = (last[1] - timedelta(days=RECENT_DAYS), last[1])
    if other[1] == "on_or_before":
        return abs((span[1] - last[1]).days) <= RECENT_DAYS
    return span[0] <= window[1] and span[1] >= window[0]


def merge_min(a: Event, b: Event) -> float:
    """The cosine two events' words need to be one: less on a day both state, more on a bound
    or a vaguer date (the words must then say what the date does not). Never less than
    MERGE_SAME_DAY (``_candidate_pairs`` searches with that bar)."""
    if a.precision == b.precision == "day" and a.date == b.date:
        return MERGE_SAME_DAY
    if "on_or_before" in (a.precision, b.precision) or a.date != b.date:
        return MERGE_IMPRECISE
    return MERGE_MIN


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
