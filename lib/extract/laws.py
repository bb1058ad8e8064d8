"""A law a statement judges: its target when no person or body is.

Political statements are often about a measure rather than a person: "the Harbour Act is a
disaster", "this bill will gut the pensions", "we oppose the levy law". A reader takes the law as
what is praised or blamed when the statement's own words make it the subject or the object of the
predicate that judges, and no person or body stands beside it there (as that predicate's subject
or object, or as the law's possessor: "Venn's bill" is Venn's). A law is named by the parser's
LAW entities of the report ("the Harbour Safety Act"); a definite description in the statement
("the law", "this bill", "the measure") refers to the last law the report named before it, and
any other definite noun to the last law whose name ends in it ("the programme" for "the Coastal
Jobs Programme"): the same-head resolution of definite descriptions (Vieira & Poesio 2000). A law
the report never names leaves the description unresolved: no target (a wrong one is worse).

Only the statement's own words count: a law the report is about but the statement does not name
is never its target (the failure of taking the report's bodies and laws as candidates ranked by
the report's prior, docs/target_model.md round 10).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.records import Mention, Quote
from lib.text.nlp import doc_ents

LAW_NOUNS = frozenset({"law", "bill", "legislation", "measure"})  # described laws, whatever the name's head
# (read as written: the pipeline's parse may carry no lemmas)
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})  # the predicate's subject or object
BESIDE = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})  # who else the predicate has
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "they", "them", "their"})
OPENING = frozenset({"the", "a", "an", "this", "that"})


@dataclass(frozen=True)
class Law:
    name: str  # as the report writes it, without a leading determiner
    start: int  # document offsets of its mention
    end: int


@dataclass(frozen=True)
class Judged:
    """A law the statement judges: its name and where the statement names or describes it."""

    name: str
    at: int  # document offset of the law's word in the statement
    score: int  # the judging clause's evaluation


def laws_of(sdoc: SpacyDoc) -> list[Law]:
    """The report's named laws (the parser's LAW entities with a capitalised word), in text order."""
    out: list[Law] = []
    for ent in doc_ents(sdoc):
        if ent.label_ != "LAW":
            continue
        words = list(ent)
        while words and words[0].lower_ in OPENING:
            words = words[1:]
        while words and (words[-1].is_punct or words[-1].lower_ in ("'s", "’s")):
            words = words[:-1]
        if not words or not any(w.is_title or w.is_upper for w in words):
            continue
        first, last = words[0], words[-1]
        out.append(Law(ent.doc[first.i : last.i + 1].text, first.idx, last.idx + len(last)))
    return out


def judged_law(
    quote: Quote,
    sdoc: SpacyDoc,
    mentions: Sequence[Mention],
    scope: tuple[int, int],
    clause_score: Callable[[int, bool, Sequence[tuple[int, int]]], int],
) -> Judged | None:
    """The first law the statement names or describes as the subject or object of a predicate
    that judges, with no person or body other than the speaker as that predicate's other
    argument or as the law's possessor; None when there is none. ``scope``: the document range
    of the sentences the statement stands in; a law outside the quoted words counts when the
    quoted words complete its predicate (the reporter's frame: 'said the law is "a disaster"',
    'called the bill "reckless"'). ``clause_score(offset, is_object, words)``: the evaluation of
    the predicate's words (document character ranges, ``predicate_words``); for an object, the
    side its verb takes on it first."""
    laws = laws_of(sdoc)
    if not laws:
        return None
    lo, hi = scope
    span = sdoc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    near = [m for m in mentions if lo <= m.start and m.end <= hi and m.actor_id != quote.speaker_id]
    for token in span:
        if token.dep_ not in ARGUMENTS or not lo <= token.idx < hi:
            continue
        law = _named(token, laws) or _described(token, laws)
        if law is None or _someone(token, near, law, quote):
            continue
        words = predicate_words(token.head, scope)
        if not quote.start <= token.idx < quote.end and not any(
            quote.start <= a < quote.end for a, _ in words
        ):
            continue  # outside the quoted words, which do not complete its predicate
        score = clause_score(token.idx, token.dep_ == "dobj", words)
        if score:
            return Judged(law.name, token.idx, score)
    return None


OWN_CLAUSES = frozenset({"conj", "cc", "ccomp", "advcl", "parataxis", "mark"})  # clauses of their own


def predicate_words(head: Token, scope: tuple[int, int]) -> list[tuple[int, int]]:
    """The character ranges of the predicate's own words inside ``scope``: its phrase in the
    parse without the clauses joined to it ("the law is a success, and the towns are safer":
    only "the law is a success" judges the law)."""
    out: list[tuple[int, int]] = []
    stack = [head]
    while stack:
        word = stack.pop()
        if scope[0] <= word.idx < scope[1]:
            out.append((word.idx, word.idx + len(word)))
        stack += [c for c in word.children if c.dep_ not in OWN_CLAUSES]
    return sorted(out)


def _named(token: Token, laws: Sequence[Law]) -> Law | None:
    """The law whose mention holds the token (the head of its name)."""
    return next((law for law in laws if law.start <= token.idx < law.end), None)


def _described(token: Token, laws: Sequence[Law]) -> Law | None:
    """The law a definite description refers to: a law noun to the last law named before it, any
    other noun to the last law named before it whose name ends in that noun."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # "the act of posturing", "the measure of a man"
    before = [law for law in laws if law.end <= token.idx]
    if token.lower_ in LAW_NOUNS:
        return before[-1] if before else None
    same = [law for law in before if law.name.split()[-1].lower() == token.lower_]
    return same[-1] if same else None


def _someone(token: Token, mentions: Sequence[Mention], law: Law, quote: Quote) -> bool:
    """A person or body stands beside the law: the predicate's other subject or object, or the
    law's possessor, is an actor's mention or a third-person pronoun."""
    beside = [c for c in token.head.children if c.dep_ in BESIDE and c.i != token.i]
    beside += [c for c in token.children if c.dep_ == "poss"]
    beside += [g for c in token.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for word in beside:
        if quote.speaker_start is not None and quote.speaker_start <= word.idx < (quote.speaker_end or 0):
            continue  # the speaker judging the law ("he called the bill reckless")
        if word.lower_ in THIRD_PERSON:
            return True
        lo, hi = word.left_edge.idx, word.right_edge.idx + len(word.right_edge)
        if any(lo <= m.start < hi and not (law.start <= m.start < law.end) for m in mentions):
            return True
    return False
