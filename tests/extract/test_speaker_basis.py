"""The evidence a speaker rests on (lib/extract/quotes/speakers.Basis) and the certainty it gives.

Sentences written for these tests (fictional people and bodies); they pin which evidence each
kind of speaker is read from, they measure nothing about real news (docs/quality.md, issue 14's
sixth round, has the dev figures the certainties come from).
"""

from __future__ import annotations

from typing import Any

import pytest

import lib.extract.quotes.extract as quote_extract
from lib.extract.quotes.attribution import Found
from lib.extract.quotes.speakers import (
    BASIS_CERTAINTY,
    GUESS_BELOW,
    MACHINE_CEILING,
    UNLINKED_NAME_CERTAINTY,
    Basis,
    Name,
    via,
)
from lib.records import Actor, Mention, Quote
from lib.view.frames import CONFIDENT_SPEAKER, uncertain_speaker
from tests.extract.test_quotes import _doc, _with_actors


@pytest.fixture
def bases(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[int, int], Basis | None]:
    """The basis of each statement's speaker as the extraction records it, by statement span."""
    seen: dict[tuple[int, int], Basis | None] = {}
    record = quote_extract._record

    def recording(doc: Any, f: Found, *args: Any, **kwargs: Any) -> Quote:
        quote = record(doc, f, *args, **kwargs)
        seen[(quote.start, quote.end)] = f.speaker.basis if f.speaker is not None else None
        return quote

    monkeypatch.setattr(quote_extract, "_record", recording)
    return seen


def _speaker(
    nlp: Any, bases: dict[tuple[int, int], Basis | None], text: str, words: str
) -> tuple[Quote, Basis]:
    quotes, _ = _with_actors(nlp, text)
    quote = next(q for q in quotes if words in q.text)
    basis = bases[(quote.start, quote.end)]
    assert basis is not None
    return quote, basis


# (name, text, words of the statement, the speaker as written, its basis, whether it gets an actor)
BASES = [
    (
        "a name at the cue",
        "Ada Okafor said the bridge would close in March.",
        "the bridge would close",
        "Ada Okafor",
        Basis.NAME,
        True,
    ),
    (
        "a pronoun whose gender an honorific tells",
        "Mrs. Ada Okafor chaired the meeting on Monday. She said the bridge would close in March.",
        "the bridge would close",
        "She",
        Basis.PRONOUN_AGREED,
        True,
    ),
    (
        "a role an earlier title holds",
        "Finance Minister Lena Varga met the bankers on Monday. The minister said rates would rise in "
        "spring.",
        "rates would rise",
        "The minister",
        Basis.ROLE,
        True,
    ),
    (
        "a document whose author its phrase names",
        "A report by the Coastal Institute said the harbour was silting up.",
        "the harbour was silting up",
        "A report by the Coastal Institute",
        Basis.AUTHOR,
        True,
    ),
    (
        "a document someone filed earlier",
        "Ada Okafor filed a lawsuit against the city on Monday. The lawsuit says the permit was issued "
        "unlawfully.",
        "the permit was issued",
        "The lawsuit",
        Basis.AUTHOR_EARLIER,
        True,
    ),
    (
        "an organisation's description, weighed by the ranker",
        "Northwind Freight cut 200 jobs last week. The company said demand had fallen sharply.",
        "demand had fallen",
        "The company",
        Basis.RANKED,
        True,
    ),
    (
        "a floating quotation a paragraph after its speaker's",
        "“The harbour will reopen in May,” said Paulo Reis.\n\n“Nobody will be left out of it, not one "
        "family.”",
        "Nobody will be left out",
        "Paulo Reis",
        Basis.INHERITED,
        True,
    ),
    (
        "a quotation after a sentence about a named person",
        "Paulo Reis spoke to the farmers on Monday. “I was glad to come back to the valley.”",
        "I was glad",
        "Paulo Reis",
        Basis.SENTENCE_SUBJECT,
        True,
    ),
    (
        "a transcript's line label",
        "Paulo Reis: The farmers have waited long enough for this road.\nReis spoke later.",
        "The farmers have waited",
        "Paulo Reis",
        Basis.LABEL,
        True,
    ),
    (
        "a role no title holds, kept as written",
        "The ferry left at noon. The spokesman said that the harbour would reopen in May.",
        "the harbour would reopen",
        "The spokesman",
        Basis.SURFACE,
        False,
    ),
    (
        "a pronoun two people of unknown gender fit",
        "The council thanked Kiran Osei and Sasha Lind on Monday. “The harbour will reopen in May,” she "
        "said.",
        "The harbour will reopen",
        "she",
        Basis.AMBIGUOUS,
        False,
    ),
    (
        "a pronoun with nobody before it",
        "He said that the harbour would reopen in May.",
        "the harbour would reopen",
        "He",
        Basis.UNRESOLVED,
        False,
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words", "surface", "basis", "actor"), BASES, ids=[c[0] for c in BASES]
)
def test_each_speaker_names_its_evidence(
    nlp: Any,
    bases: dict[tuple[int, int], Basis | None],
    name: str,
    text: str,
    words: str,
    surface: str,
    basis: Basis,
    actor: bool,
) -> None:
    check_basis(nlp, bases, text, words, surface, basis, actor)


def check_basis(
    nlp: Any,
    bases: dict[tuple[int, int], Basis | None],
    text: str,
    words: str,
    surface: str,
    basis: Basis,
    actor: bool,
) -> Quote:
    """The statement holding ``words`` shows ``surface`` on ``basis``, with an actor or not; its
    confidence is the evidence's, and the pages mark what was often wrong."""
    quote, found = _speaker(nlp, bases, text, words)
    assert (quote.speaker_text, found, quote.speaker_id is not None) == (surface, basis, actor)
    assert quote.speaker_confidence == BASIS_CERTAINTY[basis]
    assert uncertain_speaker(quote.speaker_text, quote.speaker_confidence) == (
        BASIS_CERTAINTY[basis] < CONFIDENT_SPEAKER
    )
    return quote


# evidence a speaker must not be credited with (name, text, words, the basis it is not)
NOT_BASES = [
    (
        "'she' when the one person named is a man is not agreement",
        "Mr. Paulo Reis left the hall before the count. She said the vote had been rigged from the start.",
        "the vote had been rigged",
        Basis.PRONOUN_AGREED,
    ),
    (
        "a role nobody in the text holds is no role resolved",
        "The ferry left at noon. The spokesman said that the harbour would reopen in May.",
        "the harbour would reopen",
        Basis.ROLE,
    ),
    (
        "a quotation with its own cue inherits nothing",
        "“The harbour will reopen in May,” said Paulo Reis. “The farmers have waited long enough,” "
        "said Ada Okafor.",
        "The farmers have waited",
        Basis.INHERITED,
    ),
    (
        "a document nobody filed has no earlier author",
        "The city lost in court on Monday. The lawsuit says the permit was issued unlawfully.",
        "the permit was issued",
        Basis.AUTHOR_EARLIER,
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "basis"), NOT_BASES, ids=[c[0] for c in NOT_BASES])
def test_evidence_not_there_is_not_claimed(
    nlp: Any, bases: dict[tuple[int, int], Basis | None], name: str, text: str, words: str, basis: Basis
) -> None:
    quotes, _ = _with_actors(nlp, text)
    quote = next(q for q in quotes if words in q.text)
    assert bases[(quote.start, quote.end)] is not basis


def test_every_basis_has_a_certainty_no_machine_evidence_makes_sure() -> None:
    assert set(BASIS_CERTAINTY) == set(Basis)
    # 1.0 is an analyst's confirmation (lib/view/corrections.py), never the extraction's
    assert all(0.0 < c <= MACHINE_CEILING < 1.0 for c in BASIS_CERTAINTY.values())


@pytest.mark.parametrize("basis", [Basis.SURFACE, Basis.AMBIGUOUS, Basis.UNRESOLVED])
def test_speakers_left_without_an_actor_are_marked(basis: Basis) -> None:
    assert uncertain_speaker("the spokesman", BASIS_CERTAINTY[basis])


@pytest.mark.parametrize(
    ("source", "inherited"),
    [
        (Basis.NAME, BASIS_CERTAINTY[Basis.INHERITED]),  # the weaker link: the inheritance
        (Basis.SURFACE, BASIS_CERTAINTY[Basis.SURFACE]),  # the weaker link: the speaker inherited
    ],
)
def test_an_inherited_speaker_is_no_surer_than_either_link(source: Basis, inherited: float) -> None:
    name = Name(0, 4, "Reis", 0, 4, True, True, BASIS_CERTAINTY[source], basis=source)
    after = via(name, Basis.INHERITED)
    assert (after.basis, after.certainty) == (Basis.INHERITED, inherited)


# (the speaker as written, its basis, the certainty when no actor holds it: the pages then show
# the text as written, so it is as sure as that text)
UNLINKED = [
    ("Zephyr", Basis.NAME, UNLINKED_NAME_CERTAINTY),  # a name no actor holds: less sure
    ("Zephyr", Basis.LABEL, UNLINKED_NAME_CERTAINTY),
    ("He", Basis.RANKED, BASIS_CERTAINTY[Basis.UNRESOLVED]),  # "he" shown: names nobody
    ("He", Basis.PRONOUN_AGREED, BASIS_CERTAINTY[Basis.UNRESOLVED]),
    ("The firm", Basis.RANKED, BASIS_CERTAINTY[Basis.SURFACE]),  # a phrase shown as written
    ("The firm", Basis.INHERITED, BASIS_CERTAINTY[Basis.SURFACE]),
    ("The firm", Basis.SURFACE, BASIS_CERTAINTY[Basis.SURFACE]),  # measured as shown already
    ("Zephyr", Basis.GROUP, BASIS_CERTAINTY[Basis.GROUP]),
]


@pytest.mark.parametrize(("surface", "basis", "expected"), UNLINKED)
def test_a_speaker_no_actor_holds_is_as_sure_as_what_is_shown(
    surface: str, basis: Basis, expected: float
) -> None:
    text = f"{surface} said the pier would stay closed until June."
    end = len(surface)
    group = basis is Basis.GROUP
    name = Name(0, end, "Zephyr Quill", 0, end, True, True, BASIS_CERTAINTY[basis], group, basis)
    found = Found(end + 6, len(text) - 1, "indirect", "said", name, 0.75)
    quote = quote_extract._record(_doc(text), found, [], {})
    assert (quote.speaker_id, quote.speaker_text) == (None, surface)
    assert quote.speaker_confidence == expected


@pytest.mark.parametrize("basis", list(Basis))
def test_evidence_often_wrong_names_no_actor(basis: Basis) -> None:
    """A speaker on evidence right less often than GUESS_BELOW keeps its surface and no actor,
    whatever the mentions under it: a wrong speaker is worse than none."""
    text = "Ada Okafor said the pier would stay closed until June."
    certainty = BASIS_CERTAINTY[basis]
    name = Name(0, 10, "Ada Okafor", 0, 10, True, True, certainty, basis=basis)
    found = Found(16, len(text) - 1, "indirect", "said", name, 0.75)
    mention = Mention("t", "ada-okafor", "Ada Okafor", 0, 10)
    actors = {"ada-okafor": Actor("ada-okafor", "Ada Okafor", "person", ())}
    quote = quote_extract._record(_doc(text), found, [mention], actors)
    assert quote.speaker_text == "Ada Okafor"
    assert (quote.speaker_id is None) == (certainty < GUESS_BELOW)
