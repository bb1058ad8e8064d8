"""Mood and modality: whether a date dates a happening, and whether a sentence tells one.

The timeline shows what happened when. A date is the time of a happening only where its clause
asserts that something took place (realis); a date under a modal ("could meet on 3 May"), in the
complement of a verb or noun of wanting, planning, expecting or committing ("hope to meet again
next spring", "invited X to visit in May", "the plan to close the port on Monday") or in a scheduling
participle ("steps planned for January") dates what may come, not what came: FactBank's
non-factual contexts (Sauri & Pustejovsky 2009, "FactBank: a corpus annotated with event
factuality"), TimeML's modal SLINKs (Pustejovsky et al. 2003). Nor can a report tell as done what
falls after its own date (``after_report``): a date there is a schedule.

A plan is not placed on its future day, and the Timeline record carries no mark that would set it
apart from what happened, so a sentence whose only date is of that kind is treated as undated: the
announcement of a plan by a known speaker or actor is a statement on or before its report's date
(its words still say the day planned), and a plan nobody is known to have announced is no event.

In the speaker's own words (a sentence whose verbs lie inside a quotation or a transcript's turn,
or whose subject is "I" or "we", ``own_voice``), only a clause in the past or the perfect tells what
happened; the present tells how things are or what is being said ("We stand ready to help", "Today
the station airs four languages"), the future and the modals what may come. Expressive speech
acts in the first person present ("Thank you", "I wish you a good harvest", "We congratulate you")
are the saying itself (Searle 1976, "A classification of illocutionary acts"): talk at an
occasion, not a happening.
A narrator's report of them ("the President congratulated the team") tells that they took place.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from lib import LEXICONS, read_yaml
from lib.extract.dates.values import period
from lib.extract.polarity import base_forms

MODALITY_PATH = LEXICONS / "modality.yaml"
PAST_TAGS = {"VBD", "VBN"}  # a past verb, or a participle after "have" / "be" (perfect, passive)
PRESENT_TAGS = {"VBZ", "VBP", "VBG", "VB"}  # the present (simple, progressive), an imperative
FIRST_PERSON = {"i", "we"}
FIRST_PERSON_OBJECTS = {"me", "us"}  # after "let" only
CONDITIONS = {"if", "unless"}  # a conditional clause is not asserted
PRESENT_BE = {"is", "are", "am", "'s", "'re", "'m", "be", "being"}
CLAUSE_VERBS = {"VERB", "AUX"}
NOUNS = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Modality:
    modals: frozenset[str]
    verbs: frozenset[str]  # base forms whose infinitive complement has not happened
    nouns: frozenset[str]  # base forms whose infinitive complement has not happened
    planned: frozenset[str]  # participles that schedule what they modify
    expressives: frozenset[str]  # expressive speech acts (first person present)
    clause_verbs: frozenset[str] = frozenset()  # base forms whose finite clause has not happened
    topics: frozenset[str] = frozenset()  # prepositions of what is spoken of
    foreseeing: frozenset[str] = frozenset()  # base forms whose object or clause has not happened
    forward_nouns: frozenset[str] = frozenset()  # base forms a date before names the time looked at
    restraint: frozenset[str] = frozenset()  # base forms whose denial asserts the act (litotes)


@lru_cache(maxsize=4)
def load_modality(path: Path = MODALITY_PATH) -> Modality:
    data = read_yaml(path) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    keys = ["modals", "irrealis_verbs", "irrealis_nouns", "planned_participles", "expressives"]
    keys += ["irrealis_clause_verbs", "topic_prepositions", "foreseeing_verbs", "forward_nouns"]
    keys += ["restraint_words"]
    return Modality(*(words(k) for k in keys))


def _is(tok: Token, words: frozenset[str]) -> bool:
    """Whether a word is one of ``words`` in some inflection ("hoped", "invites", "plans")."""
    low = tok.text.lower()
    return low in words or not words.isdisjoint(base_forms(low))


def after_report(value: str, report_date: str | None) -> bool:
    """Whether a date value lies wholly after the report's date: a report cannot tell as done what
    comes after it was written ("next May" in a March report, "the 2040 games")."""
    span, report = period(value), period(report_date)
    return span is not None and report is not None and span[0] > report[1]


def irrealis(verb: Token, modality: Modality | None = None) -> bool:
    """Whether a clause (its verb) is not asserted as having taken place: under a modal or "going
    to", the infinitive complement of a verb or noun of wanting, planning or committing (up through
    a chain of them: "wants to try to meet"), a wish's clause, a condition ("if ..."), or a
    scheduling participle ("planned for January")."""
    lex = modality or load_modality()
    tok = verb
    for _ in range(8):  # a chain of clauses is short; a bound against a cyclic parse
        if any(c.dep_ == "aux" and c.text.lower() in lex.modals for c in tok.children):
            return True
        if tok.tag_ == "VBN" and _is(tok, lex.planned):
            return True
        head = tok.head
        if _complement(tok) and (
            head.text.lower() == "going" or _is(head, lex.nouns if head.pos_ in NOUNS else lex.verbs)
        ):
            return True
        if tok.dep_ == "ccomp" and head.pos_ in CLAUSE_VERBS and _is(head, lex.clause_verbs):
            return True  # "wished it was 1990 again"
        marks = [c.text.lower() for c in tok.children if c.dep_ == "mark"]
        if tok.dep_ == "advcl" and not CONDITIONS.isdisjoint(marks):
            return True  # a condition: "if his party takes the Senate this year"
        if head.i == tok.i or not _shares_mood(tok, head):
            return False
        tok = head  # "will meet and sign": a conjunct shares its first verb's auxiliaries
    return False


def foreseen(governor: Token, modality: Modality | None = None) -> bool:
    """Whether a date's governor lies in the object or the clause of a verb of foreseeing ("predicts
    a recession in 2023", "easy to envision a title coming in May"): foreseen, not taken place.
    The verb's own date ("predicted in 2019") is when the foreseeing happened, and a clause told in
    the past below it keeps its own."""
    lex = modality or load_modality()
    for tok in (governor, *governor.ancestors):
        if _foreseen_part(tok) and _is(tok.head, lex.foreseeing):
            return True
        if tok.tag_ == "VBD":
            return False  # a clause told in the past keeps its own ("the bank, which failed in 2008")
    return False


def _foreseen_part(tok: Token) -> bool:
    """An object or a clause of the verb above: "predicts a recession", "predicts that ...", and the
    participle the parser hangs after it ("envision a title coming in May")."""
    if tok.dep_ in ("dobj", "ccomp", "xcomp"):
        return True
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i


def looks_ahead(noun: Token, modality: Modality | None = None) -> bool:
    """Whether a noun looks ahead, so that a date written before it is the time looked at ("2023
    predictions", "the 2030 target"), not when anything took place."""
    return _is(noun, (modality or load_modality()).forward_nouns)


def _shares_mood(verb: Token, head: Token) -> bool:
    """Whether a clause takes the mood of the clause above it: a conjunct ("will meet and sign"), an
    infinitive complement ("wants to try to meet"), or an adverbial clause not in the past ("starting
    next month, pupils will get", "when the plant closes in May, workers will"); a past one keeps
    its own ("having lost in 2009, he would not run again")."""
    if head.pos_ not in CLAUSE_VERBS:
        return verb.dep_ == "conj"
    if verb.dep_ in ("conj", "xcomp"):
        return True
    return verb.dep_ == "advcl" and verb.tag_ not in PAST_TAGS


def _complement(verb: Token) -> bool:
    """An infinitive complement of the word above it ("hope to meet", "a bid to host")."""
    return verb.dep_ in ("xcomp", "acl", "ccomp") and any(c.tag_ == "TO" for c in verb.children)


def main_verbs(span: SpacySpan) -> tuple[list[Token], list[Token]]:
    """The heads of a unit's sentences (spaCy's ROOTs), and its verbs: what the functions below read."""
    roots, verbs = [], []
    for t in span:
        if t.dep_ == "ROOT":
            roots.append(t)
        elif t.pos_ == "VERB":
            verbs.append(t)
    return roots, verbs


def own_voice(
    roots: Sequence[Token], quoted: Collection[tuple[int, int]], verbs: Sequence[Token] = ()
) -> bool:
    """Whether a sentence is in a speaker's own words: its main verbs have a subject in the first
    person (a news narrator does not say "we"; a speech, a message or a transcript the quotation
    finder did not mark does: "Today we mark the holiday"), or they and every other verb of the
    sentence (``verbs``) lie inside quoted text (a quotation, a transcript's turn): a narrator's verb
    outside ("..., she said", "tried to deflect questions, saying that ...") keeps the sentence the
    narrator's, wherever the parser hung its root."""

    def first_person(root: Token) -> bool:
        subjects = [c.text.lower() for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if root.text.lower() == "let":  # "let us move on", "let me say": the speaker's own next step
            below = [g for c in root.children if c.dep_ in ("ccomp", "xcomp") for g in c.children]
            subjects += [t.text.lower() for t in (*root.children, *below) if t.dep_ in ("dobj", "nsubj")]
        return any(w in FIRST_PERSON | FIRST_PERSON_OBJECTS for w in subjects)

    def inside(tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in quoted)

    if not roots:
        return False
    if all(first_person(t) for t in roots):
        return True
    return all(inside(t) for t in (*roots, *verbs))


def told_as_past(verb: Token) -> bool:
    """A clause in the past or the perfect (a past verb; a participle after "have", or after a past
    "be"), not under a modal: it tells what took place. "Is held" is a present passive."""
    if verb.tag_ not in PAST_TAGS or irrealis(verb):
        return False
    auxes = [c.text.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or _perfect(verb) or not any(a in PRESENT_BE for a in auxes)


def expressive(roots: Sequence[Token], modality: Modality | None = None) -> bool:
    """A sentence whose main clause is an expressive speech act in the first person present or with
    no subject ("Thank you, Mr Chairman", "I wish you success", "Let me thank our hosts")."""
    lex = modality or load_modality()
    for root in roots:
        if root.tag_ not in PRESENT_TAGS:
            continue
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if root.text.lower() == "let":  # "let me thank", "let us welcome"
            acts = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and _is(c, lex.expressives)]
            if acts:
                return True
        first = all(s.text.lower() in FIRST_PERSON for s in subjects)
        if first and _is(root, lex.expressives):
            return True
    return False


def is_talk(roots: Sequence[Token], voice: bool, modality: Modality | None = None) -> bool:
    """Whether a sentence tells no happening of its own: an expressive speech act in anyone's words,
    or, in a speaker's own words, a main clause neither past nor perfect (the present, the future,
    a modal, a wish: "We hope to meet again", "It is important for us to cooperate")."""
    if expressive(roots, modality):
        return True
    if not voice:
        return False
    return bool(roots) and not any(told_as_past(r) for r in roots)


def asks_or_denies(
    roots: Sequence[Token],
    text: str,
    start: int = 0,
    quoted: Collection[tuple[int, int]] = (),
    modality: Modality | None = None,
) -> bool:
    """Whether a sentence tells no happening because it asks or denies one: a question ("Have you
    met the demand?") asserts nothing, and a main verb under negation ("We have never won a bid",
    "The minister did not attend") tells what did not take place. A denial inside a clause below
    the main verb ("said she had not seen it") leaves the main clause's happening, and so does one
    inside reported speech (``quoted``: a quotation, "according to X, ..."), where the parser may
    hang the sentence's root: the saying is the happening, whatever it says, and a question mark
    closing reported words asks nothing of the reader ("X asked: 'Why now?'"). A transcript's turn
    is the speaker's own record, not reported: its denials and questions count. A denied word of
    restraint asserts the act ("could not resist replying", "was not shy about it": a litotes).
    ``start``: the text's offset in its document, as ``quoted``'s spans."""
    lex = modality or load_modality()
    asked = text.rstrip(" \"”’'")
    if asked.endswith("?") and not any(s <= start + len(asked) - 1 < e for s, e in quoted):
        return True  # a question mark of reported speech closes what was asked: the asking took place

    def denied(root: Token) -> bool:
        inside = any(s <= root.idx < e for s, e in quoted)
        restraint = [root, *(c for c in root.children if c.dep_ in ("acomp", "xcomp", "prt"))]
        return (
            not inside
            and any(c.dep_ == "neg" for c in root.children)
            and not any(_is(t, lex.restraint) for t in restraint)
        )

    return bool(roots) and all(denied(r) for r in roots)


def spoken_of(date_root: Token, speech: Collection[str], modality: Modality | None = None) -> bool:
    """Whether a date is what a verb of saying speaks of ("spoke of 1990", "talked about the 2016
    race"): the object of a preposition of topic on that verb, or on a noun that is its object."""
    lex = modality or load_modality()
    tok = date_root
    while tok.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and tok.head.i != tok.i:
        tok = tok.head  # "the 2016 race": up to its noun
    prep = tok.head
    if tok.dep_ != "pobj" or prep.text.lower() not in lex.topics:
        return False
    verb = prep.head
    return verb.text.lower() in speech


def clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a word belongs to: the word itself, or the first verb above it (up
    from a noun or an adverb: "as soon as Wednesday", "three weeks later")."""
    if tok.pos_ in CLAUSE_VERBS:
        return tok
    return next((a for a in tok.ancestors if a.pos_ in CLAUSE_VERBS), None)


def dates_happening(
    governor: Token, voice: bool, names_noun: bool = False, modality: Modality | None = None
) -> bool:
    """Whether a date that hangs on ``governor`` (lib/extract/events/extract._governor) can be the
    time of a happening: not the time of an irrealis clause, nor, in a speaker's own words, of a
    clause in the present ("We open the bridge next week"). A date before its noun names that
    noun's time whatever the clause around it says (``names_noun``: "would improve on the 1994
    ban"); a date after a noun shares its clause's mood ("we plan to open 150 schools in 2022",
    "the decision on Monday closed the port")."""
    lex = modality or load_modality()
    if names_noun:
        return True
    verb = clause_verb(governor)
    if verb is None:
        return True
    if irrealis(verb, lex) or foreseen(governor, lex):
        return False
    return not voice or told_as_past(verb)


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.text.lower() in ("has", "have", "had", "'ve") for c in verb.children)
