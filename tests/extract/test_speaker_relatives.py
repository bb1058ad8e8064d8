"""Speakers written as a relative pronoun, and descriptions the tagger took for names (issue 14,
seventh round).

Sentences and names written for these tests (fictional people and bodies); they pin the
behaviour, they measure nothing about real news (docs/quality.md has the dev figures).
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Span

from lib.extract.quotes.speakers import Basis, Name, shown_span, speaker_tokens
from tests.extract.test_quotes import _with_actors

# (name, text, words of the statement, speaker as written, the actor's name or None)
RELATIVES = [
    (
        "a person's relative clause",
        "The plan was backed by Ada Okafor, who said the bridge would close in March.",
        "the bridge would close",
        "who",
        "Ada Okafor",
    ),
    (
        "an organisation's relative clause",
        "Northwind Freight, which said demand had fallen sharply, cut 200 jobs on Monday.",
        "demand had fallen",
        "which",
        "Northwind Freight",
    ),
    (
        "the object of the main clause",
        "The council met Kiran Osei, who warned that the harbour would silt up within a decade.",
        "the harbour would silt up",
        "who",
        "Kiran Osei",
    ),
    (
        "an unnamed antecedent keeps its description, no actor",
        "An aide who said the vote had been rigged left the hall before the count.",
        "the vote had been rigged",
        "An aide",
        None,
    ),
    (
        "a group described, not named",
        "Residents who spoke to the council said the road was unsafe.",
        "the road was unsafe",
        "Residents",
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words", "surface", "actor"), RELATIVES, ids=[c[0] for c in RELATIVES]
)
def test_a_relative_pronoun_speaks_for_its_antecedent(
    nlp: Any, name: str, text: str, words: str, surface: str, actor: str | None
) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next(q for q in quotes if words in q.text)
    assert quote.speaker_text == surface
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == surface  # provenance: where it is written
    found = actors[quote.speaker_id].name if quote.speaker_id else None
    assert found == actor


# a relative pronoun that is not the subject of the verb of saying names no speaker
NOT_RELATIVE_SPEAKERS = [
    (
        "the object of the reported clause",
        "The bridge that Ada Okafor said would close in March opened on Monday.",
        "would close",
    ),
    (
        "a relative after the cue's own subject",
        "Kiran Osei said the road, which flooded twice, was unsafe.",
        "unsafe",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words"), NOT_RELATIVE_SPEAKERS, ids=[c[0] for c in NOT_RELATIVE_SPEAKERS]
)
def test_a_relative_that_does_not_speak_is_no_speaker(nlp: Any, name: str, text: str, words: str) -> None:
    quotes, _ = _with_actors(nlp, text)
    quote = next(q for q in quotes if words in q.text)
    assert quote.speaker_text.lower() not in ("who", "which", "that")
    assert quote.speaker_text


def _name(text: str, surface: str, antecedent: str) -> Name:
    s, a = text.index(surface), text.index(antecedent)
    return Name(s, s + len(surface), antecedent, a, a + len(antecedent), True, True, 0.95, basis=Basis.NAME)


# (name, text, surface, antecedent, linked to an actor, what is shown)
SHOWN = [
    ("a relative linked to an actor shows the pronoun", "Okafor, who said so.", "who", "Okafor", True, "who"),
    (
        "a relative no actor holds shows its antecedent",
        "Okafor, who said so.",
        "who",
        "Okafor",
        False,
        "Okafor",
    ),
    ("a pronoun no actor holds stays a pronoun", "Okafor left. He said so.", "He", "Okafor", False, "He"),
    ("a name shows itself", "Okafor said so.", "Okafor", "Okafor", False, "Okafor"),
]


@pytest.mark.parametrize(
    ("name", "text", "surface", "antecedent", "linked", "shown"), SHOWN, ids=[c[0] for c in SHOWN]
)
def test_what_a_speaker_shows(
    name: str, text: str, surface: str, antecedent: str, linked: bool, shown: str
) -> None:
    start, end = shown_span(_name(text, surface, antecedent), text, linked)
    assert text[start:end] == shown


# (name, text, the entity's words, its label, whether the speaker phrase keeps the tag as a name)
TAGGED = [
    (
        "a description in lower case is no name",
        "the rookie goalie said it was over.",
        "the rookie goalie",
        "ORG",
        False,
    ),
    ("a proper name is a name", "Northwind Freight said it was over.", "Northwind Freight", "ORG", True),
    (
        "a name after its determiner",
        "The Coastal Institute said it was over.",
        "The Coastal Institute",
        "ORG",
        True,
    ),
    ("a person's name", "Ada Okafor said it was over.", "Ada Okafor", "PERSON", True),
]


@pytest.mark.parametrize(("name", "text", "words", "label", "named"), TAGGED, ids=[c[0] for c in TAGGED])
def test_an_entity_written_in_lower_case_is_a_description(
    nlp: Any, name: str, text: str, words: str, label: str, named: bool
) -> None:
    doc = nlp(text)
    n = len(words.split())
    doc.ents = [Span(doc, 0, n, label=label)]  # the tagger's reading, fixed here
    head = doc[n - 1]
    phrase = speaker_tokens(head)
    assert phrase.text == words
    assert (phrase.label_ == label) == named
