"""Target candidates (lib/extract/targets.py): people the parser names that no actor mention
covers, as name-only candidates (lib/extract/groups.py: unlisted_people; the parser's entities are
set by hand: the names are invented, the model's tagging of them is not under test), and the
person a "he" / "she" is read as. The parse is the model's. Sentences written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.tokens import Span

from lib.extract import groups, targets
from lib.records import Actor, Document, Mention, Quote, Target

ACTORS = {
    "tomas-orrin": Actor("tomas-orrin", "Tomas Orrin", "person"),
    "ada-quell": Actor("ada-quell", "Ada Quell", "person"),
    "vell": Actor("vell", "Vell", "place"),  # a surname the gazetteer took for a town
}


def _parsed(nlp: Any, text: str, people: list[str]) -> Any:
    """The parse with the PERSON entities set to every occurrence of ``people``."""
    sdoc = nlp(text)
    spans = []
    for name in people:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            span = sdoc.char_span(m.start(), m.end(), label="PERSON")
            assert span is not None
            spans.append(span)
    taken: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not any(s.start < span.end and span.start < s.end for s in taken):
            taken.append(span)
    sdoc.ents = taken
    return sdoc


def _mentions(text: str, names: dict[str, str]) -> list[Mention]:
    return sorted(
        (
            Mention("d1", actor, m.group(0), m.start(), m.end())
            for name, actor in names.items()
            for m in re.finditer(rf"\b{re.escape(name)}\b", text)
        ),
        key=lambda m: m.start,
    )


@pytest.mark.parametrize(
    ("text", "people", "names", "want"),
    [
        # a surname after a title, then as a subject: a person
        ("Secretary Vell was asked about it. Vell said she had not seen it.", ["Vell"], {}, {"Vell": 2}),
        # after an honorific
        ("The panel heard Ms. Kael on Monday.", ["Kael"], {}, {"Kael": 1}),
        # a full name and its surname later: one person, named in full
        ("Ama Dale spoke first. Later, Dale left the room.", ["Ama Dale", "Dale"], {}, {"Ama Dale": 2}),
        # a one-word name never shown to be a person: a place, a modifier
        ("The fair came to a town called Marlo last spring.", ["Marlo"], {}, {}),
        ("Critics blamed the Dorn tax cuts for the deficit.", ["Dorn"], {}, {}),
        # a name an actor mention covers is the actor's
        ("Ada Quell said the vote would wait.", ["Ada Quell"], {"Ada Quell": "ada-quell"}, {}),
        # a surname an actor of the report holds is left to it (which one is meant is not known)
        (
            "Tomas Orrin arrived late. Mina Orrin said the hall was full.",
            ["Tomas Orrin", "Mina Orrin"],
            {"Tomas Orrin": "tomas-orrin"},
            {},
        ),
        # a number or a long run of words is no person's name
        ("Ledger 2024 said nothing new.", ["Ledger 2024"], {}, {}),
    ],
)
def test_unlisted_people(
    nlp: Any, text: str, people: list[str], names: dict[str, str], want: dict[str, int]
) -> None:
    sdoc = _parsed(nlp, text, people)
    found, pseudo = groups.unlisted_people(sdoc, "d1", _mentions(text, names), ACTORS)
    assert {a.name: sum(m.actor_id == k for m in found) for k, a in pseudo.items()} == want
    assert all(a.type == "person" and groups.is_group(k) for k, a in pseudo.items())
    assert all(text[m.start : m.end] == m.text for m in found)  # provenance: the words as written


def _doc(text: str) -> Document:
    return Document("d1", "", "Ledger", "2023-05-02", "header", "en", "", "", text)


def _quote(text: str, said: str, speaker: str) -> Quote:
    start = text.index(said)
    return Quote("d1", speaker, "Tomas Orrin", said, "direct", "said", start, start + len(said), 0.9)


@pytest.mark.parametrize(
    ("text", "said", "want"),
    [
        (  # the person the gazetteer typed as a place is read for "she" (a name-only target)
            "Secretary Vell testified on Monday. Vell said she never saw the cable. "
            '"I am surprised she did not read it," Tomas Orrin said.',
            "I am surprised she did not read it,",
            Target(None, None, "pronoun", "Vell"),
        ),
        (  # named in the statement as its subject
            'Tomas Orrin spoke after the hearing. "Secretary Vell has failed this city," Tomas Orrin said.',
            "Secretary Vell has failed this city,",
            Target(None, "neg", "named", "Vell"),
        ),
    ],
)
def test_an_unlisted_person_is_a_target(nlp: Any, text: str, said: str, want: Target) -> None:
    sdoc = _parsed(nlp, text, ["Vell", "Tomas Orrin"])
    mentions = _mentions(text, {"Tomas Orrin": "tomas-orrin", "Vell": "vell"})
    (quote,) = targets.with_targets(_doc(text), sdoc, [_quote(text, said, "tomas-orrin")], mentions, ACTORS)
    assert quote.targets[:1] == (want,)


def test_a_statement_about_nobody_unlisted_keeps_its_targets(nlp: Any) -> None:
    """No unlisted person in the report: the candidates are the actors' alone."""
    text = 'Ada Quell spoke. "Tomas Orrin has been a disgrace," Ada Quell said.'
    sdoc = _parsed(nlp, text, ["Ada Quell", "Tomas Orrin"])
    mentions = _mentions(text, {"Ada Quell": "ada-quell", "Tomas Orrin": "tomas-orrin"})
    quote = Quote(
        "d1",
        "ada-quell",
        "Ada Quell",
        "Tomas Orrin has been a disgrace,",
        "direct",
        "said",
        text.index("Tomas"),
        text.index("Tomas") + len("Tomas Orrin has been a disgrace,"),
        0.9,
    )
    (found,) = targets.with_targets(_doc(text), sdoc, [quote], mentions, ACTORS)
    assert [t.actor_id for t in found.targets][:1] == ["tomas-orrin"]


PROTAGONIST_ACTORS = {
    "harbor-board": Actor("harbor-board", "Harbor Board", "organization"),
    "mina-sol": Actor("mina-sol", "Mina Sol", "person"),
    "lio-park": Actor("lio-park", "Lio Park", "person"),
    "ada-quell": Actor("ada-quell", "Ada Quell", "person"),
    "tomas-orrin": Actor("tomas-orrin", "Tomas Orrin", "person"),
}
PROTAGONIST_NAMES = {"Harbor Board": "harbor-board", "Mina Sol": "mina-sol", "Lio Park": "lio-park",
                     "Ada Quell": "ada-quell", "Tomas Orrin": "tomas-orrin"}  # fmt: skip


@pytest.mark.parametrize(
    ("second", "pronoun", "want"),
    [
        # the report's leading body cannot be "she": its leading person is, before the last one named
        ("Mina Sol", "she", "mina-sol"),
        # a protagonist of the other gender is not: the last person named before who can be
        ("Lio Park", "she", "ada-quell"),
        ("Lio Park", "he", "lio-park"),
    ],
)
def test_a_pronoun_is_the_leading_person_it_can_refer_to(
    nlp: Any, second: str, pronoun: str, want: str
) -> None:
    own = "she" if second == "Mina Sol" else "he"
    text = (
        f"The Harbor Board met on Monday. The Harbor Board voted to close the pier. {second} objected. "
        f"The Harbor Board ignored {second}. {second} said {own} would appeal. "
        "Later Ada Quell said she was ready. "
        f'"{pronoun.capitalize()} has no case," Tomas Orrin said.'
    )
    said = f"{pronoun.capitalize()} has no case,"
    start = text.index(said)
    quote = Quote("d1", "tomas-orrin", "Tomas Orrin", said, "direct", "said", start, start + len(said), 0.9)
    (found,) = targets.with_targets(
        _doc(text), nlp(text), [quote], _mentions(text, PROTAGONIST_NAMES), PROTAGONIST_ACTORS
    )
    assert [(t.actor_id, t.basis) for t in found.targets][:1] == [(want, "pronoun")]


SENTENCE_ACTORS = {
    "lio-park": Actor("lio-park", "Lio Park", "person"),
    "ned-vale": Actor("ned-vale", "Ned Vale", "person"),
    "tomas-orrin": Actor("tomas-orrin", "Tomas Orrin", "person"),
}
SENTENCE_NAMES = {"Lio Park": "lio-park", "Ned Vale": "ned-vale", "Tomas Orrin": "tomas-orrin"}


@pytest.mark.parametrize(
    ("said", "want"),
    [
        # a person named before the pronoun in its own sentence of the statement comes first
        ("Ned Vale broke his pledge, and everyone knows it.", "ned-vale"),
        ("The vote showed that Ned Vale, for all his talk, had no plan.", "ned-vale"),
        # named after it, or in another sentence: the report's protagonist, as before
        ("He broke the pledge, and Ned Vale knows it.", "lio-park"),
        ("Ned Vale knows it. He broke the pledge.", "lio-park"),
    ],
)
def test_a_pronoun_is_first_the_person_named_in_its_sentence(nlp: Any, said: str, want: str) -> None:
    text = (
        "Lio Park led the council. Lio Park spoke often. Lio Park said he would stay. "
        f'"{said}" Tomas Orrin said.'
    )
    start = text.index(said)
    quote = Quote("d1", "tomas-orrin", "Tomas Orrin", said, "direct", "said", start, start + len(said), 0.9)
    sdoc = nlp(text)
    report, everyone = targets.report_with_groups(
        _doc(text), _mentions(text, SENTENCE_NAMES), SENTENCE_ACTORS, sdoc
    )
    found = targets.candidates(quote, sdoc, report, everyone)
    assert [a for a, e in found.items() if e.anaphor == "pronoun"] == [want]
