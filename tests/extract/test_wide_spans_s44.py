"""Session 44: where a wide attribution's object content ends (PolNeAR's definition).

Hand-written sentences with fictional names and places; negative cases included.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.extract import extract_attributions
from lib.records import Document, Quote


def _doc(text: str) -> Document:
    return Document("t", "", "", None, "unknown", "en", "", "", text, ())


def _wide(nlp: Any, text: str) -> list[Quote]:
    return extract_attributions(_doc(text), nlp(text), [], {})[1]


# (text, the wide content, what it must not take in)
APPENDED = [
    # a non-restrictive relative clause on the object: the writer's information about the thing
    (
        "Councillor Berit Anselm praised the new ferry timetable, which will take effect in May.",
        "the new ferry timetable",
        "effect in May",
    ),
    # an apposition after a comma
    (
        "Senator Oskar Vell endorsed the harbour levy, the third such charge in a decade.",
        "the harbour levy",
        "third such charge",
    ),
    # a single dash opening the writer's gloss
    (
        "Mayor Ilse Marren thanked the dock workers for their patience - a rare gesture from her office.",
        "the dock workers for their patience",
        "rare gesture",
    ),
]


@pytest.mark.parametrize(("text", "content", "appended"), APPENDED)
def test_an_object_content_ends_before_what_the_writer_appends(
    nlp: Any, text: str, content: str, appended: str
) -> None:
    wide = _wide(nlp, text)
    assert any(q.text == content for q in wide), [q.text for q in wide]
    assert not any(appended in q.text for q in wide), [q.text for q in wide]


KEPT = [
    # a pair of dashes around an aside stays inside the object
    (
        "Councillor Berit Anselm praised the new -- and much delayed -- ferry timetable.",
        "much delayed -- ferry timetable",
    ),
    # a restrictive relative clause (no comma) is part of what was praised
    ("Councillor Berit Anselm praised the plan that would widen the old pier.", "widen the old pier"),
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_an_aside_or_a_restrictive_clause_stays_in_the_content(nlp: Any, text: str, kept: str) -> None:
    wide = _wide(nlp, text)
    assert any(kept in q.text for q in wide), [q.text for q in wide]


def test_a_reported_clause_keeps_its_supplement(nlp: Any) -> None:
    # whose words a supplement inside a "that"-clause is cannot be told: it stays
    text = "Oskar Vell said that the levy would fund the pier, which the council had promised for years."
    statements = extract_attributions(_doc(text), nlp(text), [], {})[0]
    assert any("promised for years" in q.text for q in statements), [q.text for q in statements]


def _parts_and_whole(nlp: Any, text: str) -> tuple[list[Quote], list[Quote]]:
    statements, wide = extract_attributions(_doc(text), nlp(text), [], {})
    return statements, [q for q in wide if q.text.startswith('"') and q.text.endswith('"')]


def test_a_short_opening_before_the_cue_joins_the_long_rest(nlp: Any) -> None:
    # the second piece is most of the whole: the whole is still no duplicate of it
    text = (
        '"My worry," Ilse Marren said, "is that the harbour board will raise the mooring fees again '
        "before the fishing season opens, the smaller boats will have to leave the old pier, and the "
        'families who have kept them there for three generations will have nowhere else to go."'
    )
    statements, whole = _parts_and_whole(nlp, text)
    assert (
        len(whole) == 1
        and whole[0].text.startswith('"My worry," Ilse')
        and whole[0].speaker_text == "Ilse Marren"
    )
    assert [q.scope for q in statements] == ["part", "part"]


def test_a_long_description_of_the_speaker_still_interrupts_one_quotation(nlp: Any) -> None:
    # the attribution names the speaker at length; one paragraph, one speaker: one whole
    text = (
        '"The pier will not survive another winter," said Ilse Marren, an engineer who has inspected '
        "the harbour walls for the port authority since the storms of the last decade and now chairs "
        'its safety committee. "We need the money this year."'
    )
    statements, whole = _parts_and_whole(nlp, text)
    assert len(whole) == 1 and whole[0].text.endswith('this year."'), [q.text for q in whole]
    assert [q.scope for q in statements] == ["part", "part"]


def test_quotations_in_two_paragraphs_stay_apart(nlp: Any) -> None:
    text = '"The pier will not survive another winter," said Ilse Marren.\n\n"We need the money this year."'
    statements, whole = _parts_and_whole(nlp, text)
    assert whole == [] and all(q.scope == "statement" for q in statements)


# (text, the wide content, its speaker as written)
PASSIVE_ACTS = [
    ("The harbour levy was endorsed by the ferry union on Monday.", "The harbour levy", "the ferry union"),
    ("The new timetable is supported by most councillors.", "The new timetable", "most councillors"),
    ("Her view was echoed by several fishermen at the meeting.", "Her view", "several fishermen"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), PASSIVE_ACTS)
def test_an_act_in_the_passive_is_its_agents(nlp: Any, text: str, content: str, speaker: str) -> None:
    statements, wide = extract_attributions(_doc(text), nlp(text), [], {})
    assert statements == []  # an act, no words said
    assert [(q.text, q.speaker_text) for q in wide] == [(content, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "The pier was damaged by the storm.",  # no act of a source
        "It was backed by the ferry union.",  # a pronoun only points at what was backed
        "The plan was endorsed.",  # no agent named
    ],
)
def test_no_passive_attribution_without_an_act_an_agent_or_a_content(nlp: Any, text: str) -> None:
    assert extract_attributions(_doc(text), nlp(text), [], {})[1] == []
