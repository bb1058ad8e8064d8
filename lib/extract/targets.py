"""Whom a statement is about, and how it judges them: who stands against whom.

A statement's targets are the actors it speaks of other than its speaker (and the bodies the
speaker speaks for), taken from the strongest evidence there is, in this order:
  named    actors named inside the statement;
  pronoun  "he"/"she" inside it, read as the last person named before it who is not the speaker
           (the recency preference of Hobbs 1978 and Lappin & Leass 1994);
  context  actors named in the statement's own sentence outside the quoted words ("X said of Y",
           "X accused Y of ...": the reporting clause names the target);
  topic    the report's most-mentioned person, when it dominates the report: a quoted reaction
           in news is most often about the story's protagonist (news values: personification,
           Galtung & Ruge 1965). The weakest basis, kept apart so a reader can discount it.
Each target's polarity is read from the clause it is named in when that clause judges, else
from the whole statement and its reporting verb ("slammed", "praised"): lib/extract/polarity.py.
No evaluative word, no polarity (None): a wrong side is worse than none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc as SpacyDoc

from lib.extract import polarity
from lib.records import Actor, Document, Mention, Quote, Target, TargetBasis

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
TARGET_TYPES = frozenset({"person", "organization", "country"})
TOPIC_LEAST = 3  # mentions a person needs in a report to be one of its protagonists
MAX_TARGETS = 3
CUE_WEIGHT = 2  # the reporter's verb of the speaker's act ("condemned") is explicit evidence


def with_targets(
    doc: Document,
    sdoc: SpacyDoc,
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    actors: Mapping[str, Actor],
) -> list[Quote]:
    """The quotes of one document with their targets filled in."""
    own = sorted((m for m in mentions if m.doc_id == doc.id and _kept(m, actors)), key=lambda m: m.start)
    topics = topic_ranking(own, actors)
    return [replace(q, targets=quote_targets(q, sdoc, own, actors, topics)) for q in quotes]


def _kept(m: Mention, actors: Mapping[str, Actor]) -> bool:
    actor = actors.get(m.actor_id)
    return actor is not None and actor.type in TARGET_TYPES


def topic_ranking(mentions: Sequence[Mention], actors: Mapping[str, Actor]) -> list[str]:
    """The people of a report, most mentioned first (at least TOPIC_LEAST mentions): the report's
    protagonists, in the order a reader meets them most."""
    counts = Counter(m.actor_id for m in mentions if (a := actors.get(m.actor_id)) and a.type == "person")
    return [a for a, n in counts.most_common() if n >= TOPIC_LEAST]


def speaker_side(speaker_id: str | None, actors: Mapping[str, Actor]) -> set[str]:
    """The speaker and the bodies it speaks for: a statement is not about its own side."""
    side: set[str] = set()
    current = speaker_id
    while current and current not in side:
        side.add(current)
        actor = actors.get(current)
        current = actor.affiliation if actor else None
    return side


def quote_targets(
    quote: Quote,
    sdoc: SpacyDoc,
    mentions: Sequence[Mention],
    actors: Mapping[str, Actor],
    topics: Sequence[str],
) -> tuple[Target, ...]:
    side = speaker_side(quote.speaker_id, actors)
    topic = next((t for t in topics if t not in side), None)
    found = _found(quote, sdoc, mentions, side, topic)
    overall = (
        polarity.evaluation(quote.text)
        + CUE_WEIGHT * polarity.evaluation(quote.cue or "")
        + polarity.evaluation(_reporting_words(quote, sdoc))
    )
    targets = []
    for actor_id, basis, at in found[:MAX_TARGETS]:
        clause = _clause_at(quote, at) if at is not None else ""
        local = polarity.evaluation(clause) or polarity.demand_score(clause)
        targets.append(Target(actor_id, polarity.polarity(local or overall), basis))
    return tuple(targets)


Found = tuple[str, TargetBasis, int | None]  # actor, basis, offset of its mention in the quote


def _found(
    quote: Quote, sdoc: SpacyDoc, mentions: Sequence[Mention], side: set[str], topic: str | None
) -> list[Found]:
    inside = [m for m in mentions if quote.start <= m.start and m.end <= quote.end and m.actor_id not in side]
    ranked = sorted(inside, key=lambda m: (_role_rank(sdoc, m), m.start))
    found: list[Found] = [(m.actor_id, "named", m.start) for m in ranked if _role_rank(sdoc, m) < OBLIQUE]
    found += _pronoun_targets(quote, sdoc, mentions, side, topic)
    if topic:  # the protagonist, last: what a reaction quoted in a report most often answers
        found.append((topic, "topic", None))
    if not found:
        found += [(a, "context", None) for a in _sentence_actors(quote, sdoc, mentions, side)]
    return _unique(found)


SUBJECT, OBJECT, OTHER, OBLIQUE = 0, 1, 2, 3
ROLE_RANKS = {
    "nsubj": SUBJECT, "nsubjpass": SUBJECT, "poss": SUBJECT, "appos": OBJECT, "dobj": OBJECT,
    "attr": OBJECT, "dative": OBJECT, "conj": OTHER, "compound": OTHER,
}  # fmt: skip
LOCATIVE = frozenset({"in", "at", "on", "from", "across", "within", "inside", "into", "throughout", "to"})


def _role_rank(sdoc: SpacyDoc, m: Mention) -> int:
    """How central a mention is to its clause: subjects and possessors first, then objects, then the
    rest; a name governed by a locative preposition ("in the Senate", "to Congress") is a setting,
    not what the statement is about. The grammatical-role ranking of Centering theory (Grosz, Joshi &
    Weinstein 1995)."""
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return OTHER
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return OBLIQUE
    return ROLE_RANKS.get(root.dep_, OTHER)


def _unique(found: Iterable[Found]) -> list[Found]:
    seen: set[str] = set()
    out = []
    for f in found:
        if f[0] not in seen:
            seen.add(f[0])
            out.append(f)
    return out


def _pronoun_targets(
    quote: Quote, sdoc: SpacyDoc, mentions: Sequence[Mention], side: set[str], topic: str | None
) -> list[Found]:
    """A third-person pronoun in the statement, read as the report's protagonist when named before
    it, else as the last person named before it outside the speaker's side (salience: frequency
    then recency, as in Lappin & Leass 1994)."""
    out: list[Found] = []
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return out
    for token in span:
        if token.lower_ not in PERSON_PRONOUNS:
            continue
        before = [m for m in mentions if m.end <= token.idx and m.actor_id not in side]
        if topic and any(m.actor_id == topic for m in before):
            out.append((topic, "pronoun", token.idx))
        elif before:
            out.append((before[-1].actor_id, "pronoun", token.idx))
        break  # the first pronoun only: later ones are likelier to co-refer with it
    return out


def _sentence_actors(quote: Quote, sdoc: SpacyDoc, mentions: Sequence[Mention], side: set[str]) -> list[str]:
    """Actors named in the sentences the statement sits in, outside its quoted words."""
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    start, end = span[0].sent.start_char, span[-1].sent.end_char
    return [
        m.actor_id
        for m in mentions
        if start <= m.start
        and m.end <= end
        and not (quote.start <= m.start < quote.end)
        and m.actor_id not in side
        and not (
            quote.speaker_start is not None and quote.speaker_start <= m.start < (quote.speaker_end or 0)
        )
    ]


def _reporting_words(quote: Quote, sdoc: SpacyDoc) -> str:
    """The words of the statement's sentence outside the quoted ones: the reporter's frame
    ("in a scathing statement", "praised the decision")."""
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return ""
    sent_start, sent_end = span[0].sent.start_char, span[-1].sent.end_char
    text = sdoc.text
    return f"{text[sent_start : quote.start]} . {text[quote.end : sent_end]}"


def _clause_at(quote: Quote, offset: int) -> str:
    """The clause of the statement that holds ``offset`` (a mention's start)."""
    rel = offset - quote.start
    text = quote.text
    left = max((m.end() for m in polarity.CLAUSE_BREAK.finditer(text, 0, rel)), default=0)
    right = next((m.start() for m in polarity.CLAUSE_BREAK.finditer(text, rel)), len(text))
    return text[left:right]
