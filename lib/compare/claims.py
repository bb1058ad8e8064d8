"""The claims of one report, ready to compare: sentences and attributed quotes with their anchors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lib.read.blocks import paragraph_parts
from lib.records import Actor, DateMention, Mention, Quote, Span
from lib.text.similarity import terms

if TYPE_CHECKING:
    from lib.records import Analysis

MIN_TERMS = 2  # a sentence with fewer content words ("Europe.", a dateline) is not a claim


@dataclass(frozen=True)
class Claim:
    span: Span
    terms: tuple[str, ...]
    speakers: frozenset[str]  # actor ids of the quotes inside, with the bodies they speak for
    actors: frozenset[str]  # actor ids mentioned inside
    quote: Quote | None = None  # set when the claim is one quote rather than a sentence
    persons: frozenset[str] = frozenset()  # the people among the actors
    figures: frozenset[float] = frozenset()  # the amounts of the number claims inside


def sentence_claims(analysis: Analysis, doc_id: str) -> list[Claim]:
    """Each sentence of the body, captions and posts (credits are not claims)."""
    doc = analysis.document(doc_id)
    quotes = [q for q in analysis.quotes if q.doc_id == doc_id]
    mentions = [m for m in analysis.mentions if m.doc_id == doc_id]
    dates = [d for d in analysis.dates if d.doc_id == doc_id]
    numbers = [n for n in analysis.numbers if n.doc_id == doc_id]
    actors = {a.id: a for a in analysis.actors}
    out = []
    sentences = (s for s in analysis.sentences if s.doc_id == doc_id)
    for sent in (part for s in sentences for part in paragraph_parts(s)):
        block = doc.block_at(sent.start)
        named_here = [m for m in mentions if _overlaps(m.start, m.end, sent)]
        dated_here = [d for d in dates if _overlaps(d.start, d.end, sent)]
        words = tuple(terms(_blanked(sent, [*named_here, *dated_here])))
        if (block and block.kind == "credit") or len(words) < MIN_TERMS:
            continue
        inside = [q for q in quotes if _overlaps(q.start, q.end, sent)]
        speakers = frozenset(a for q in inside if q.speaker_id for a in speaker_chain(q.speaker_id, actors))
        named = frozenset(m.actor_id for m in named_here)
        persons = frozenset(a for a in named if a in actors and actors[a].type == "person")
        figures = frozenset(n.amount for n in numbers if _overlaps(n.start, n.end, sent))
        out.append(Claim(sent, words, speakers, named, persons=persons, figures=figures))
    return out


def quote_claims(analysis: Analysis, doc_id: str) -> list[Claim]:
    """Each attributed quote of the document as a claim of its own."""
    actors = {a.id: a for a in analysis.actors}
    out = []
    for q in analysis.quotes:
        if q.doc_id != doc_id or not q.speaker_id or not terms(q.text):
            continue
        span = Span(q.doc_id, q.start, q.end, q.text)
        speakers = frozenset(speaker_chain(q.speaker_id, actors))
        out.append(Claim(span, tuple(terms(q.text)), speakers, frozenset({q.speaker_id}), q))
    return out


def speaker_chain(actor_id: str, actors: Mapping[str, Actor]) -> list[str]:
    """The actor, then the bodies it speaks for (Stoltenberg, then NATO)."""
    chain = [actor_id]
    while (actor := actors.get(chain[-1])) and actor.affiliation and actor.affiliation not in chain:
        chain.append(actor.affiliation)
    return chain


def _blanked(span: Span, mentions: Sequence[Mention | DateMention]) -> str:
    """The span's text with actor and date mentions blanked: they are compared as ids and values."""
    chars = list(span.text)
    for m in mentions:
        for i in range(max(m.start, span.start), min(m.end, span.end)):
            chars[i - span.start] = " "
    return "".join(chars)


def _overlaps(start: int, end: int, span: Span) -> bool:
    return start < span.end and end > span.start


def inside(claims: Sequence[Claim], span: Span) -> list[Claim]:
    return [c for c in claims if _overlaps(span.start, span.end, c.span)]
