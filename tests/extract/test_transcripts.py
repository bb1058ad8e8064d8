"""Speaker turns of a transcript run on in one paragraph (lib/extract/quotes/transcripts.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_quotes import _shown, _with_actors

from lib.extract.quotes.cues import load_cues
from lib.extract.quotes.transcripts import inline_turns

RUN_ON = (
    "Minister of Fisheries Ana Lopes: Good morning. We have three proposals for the coastal towns. "
    "Mark Oduya: Go on, please. Which comes first? "
    "Ana Lopes: The harbour fund, which needs a vote this spring. "
    "Mark Oduya: Thank you. We will take it to the council next week."
)


def _people(text: str, names: list[str]) -> list[tuple[int, int]]:
    """The spans of the given names in ``text``: what the actor extraction gives as person mentions."""
    return [m.span() for n in names for m in re.finditer(re.escape(n), text)]


def _turns(text: str, names: list[str]) -> list[tuple[str, str]]:
    return [
        (f.speaker.text, text[f.start : f.end])
        for f in inline_turns(text, load_cues(), _people(text, names))
        if f.speaker
    ]


def test_each_turn_is_its_labelled_speakers() -> None:
    assert _turns(RUN_ON, ["Ana Lopes", "Mark Oduya"]) == [
        ("Ana Lopes", "Good morning. We have three proposals for the coastal towns."),
        ("Mark Oduya", "Go on, please. Which comes first?"),
        ("Ana Lopes", "The harbour fund, which needs a vote this spring."),
        ("Mark Oduya", "Thank you. We will take it to the council next week."),
    ]


@pytest.mark.parametrize(
    ("name", "text", "names"),
    [
        # nobody takes the floor twice: a name before a colon once is a heading or a lead-in
        (
            "one label each",
            "Ana Lopes: a profile. Mark Oduya: the challenger's record in office.",
            ["Ana Lopes", "Mark Oduya"],
        ),
        # a table's rows and a list of links open with labels that name nobody
        (
            "field labels",
            "Scores were high. Bowling: Lopes 4-0-21-1, Oduya 3-0-30-0. "
            "Bowling: Oduya 5-1-12-2, Lopes 2-0-9-0.",
            ["Lopes", "Oduya"],
        ),
        # a colon inside a sentence is no turn: the label must follow a sentence's end
        (
            "mid-sentence",
            "Then Ana Lopes: she said it twice, and Ana Lopes: again it was said.",
            ["Ana Lopes"],
        ),
    ],
)
def test_no_turns(name: str, text: str, names: list[str]) -> None:
    assert _turns(text, names) == []


def test_a_long_official_title_after_a_lost_paragraph_break_is_a_label() -> None:
    """Copied records keep two spaces where a paragraph broke, and an official's title may run to a
    dozen capitalised words with a dash between two offices: the label still ends the turn before."""
    title = "First Deputy Chair of the Council of Ministers – Minister of Fisheries and Coast of Westria"
    text = (
        "Mark Oduya: Thank you all. I give the floor to Ana Lopes. Please.  "
        f"{title} Ana Lopes: Thank you. The harbour fund needs a vote this spring. "
        "Mark Oduya: Thank you. We will take it to the council next week."
    )
    assert _turns(text, ["Ana Lopes", "Mark Oduya"]) == [
        ("Mark Oduya", "Thank you all. I give the floor to Ana Lopes. Please."),
        ("Ana Lopes", "Thank you. The harbour fund needs a vote this spring."),
        ("Mark Oduya", "Thank you. We will take it to the council next week."),
    ]


def test_a_sentence_ending_before_a_label_is_not_part_of_it() -> None:
    text = (
        "Mark Oduya: We will hear the minister now. Please. Minister of Fisheries Ana Lopes: Thank you "
        "all. The fund needs a vote. Mark Oduya: Thank you. We will take it to the council."
    )
    turns = inline_turns(text, load_cues(), _people(text, ["Ana Lopes", "Mark Oduya"]))
    assert next(text[f.start : f.end] for f in turns) == "We will hear the minister now. Please."
    assert [f.speaker.text for f in turns if f.speaker][1] == "Ana Lopes"


def test_a_turn_stops_at_a_label_whose_name_the_parser_missed() -> None:
    text = RUN_ON + " Jo Prue: I object to the timing. Ana Lopes: Noted, and the vote stays in spring."
    turns = _turns(text, ["Ana Lopes", "Mark Oduya"])  # "Jo Prue" not found as a person
    assert ("Mark Oduya", "Thank you. We will take it to the council next week.") in turns
    assert all("I object" not in said for _, said in turns)


def test_turns_through_the_extraction(nlp: Any) -> None:
    text = (
        "President of Freedonia Rufus Firefly: Good afternoon. We are here to discuss the new bridge "
        "over the river. Governor Margaret Dumont: Thank you, Mr President. The bridge will be finished by "
        "the autumn, and the cost has not grown. Rufus Firefly: Good. Tell me about the ferry workers and "
        "what happens to their jobs. Margaret Dumont: They will be trained to run the bridge's toll booths."
    )
    quotes, actors = _with_actors(nlp, text)
    said = {(_shown(q, actors), q.text) for q in quotes}
    assert ("Margaret Dumont", "They will be trained to run the bridge's toll booths.") in said
    # the parser may fold the title's country into the name: the speaker is still the labelled one
    assert any(who.endswith("Rufus Firefly") and text.startswith("Good afternoon.") for who, text in said)


@pytest.mark.parametrize(
    "between",
    [
        "<…>",  # an elision in angle brackets: the turns left out between two kept ones
        "[...]",  # in square brackets, with three dots
        "(…)",
    ],
)
def test_a_turn_opens_after_an_elision(between: str) -> None:
    text = RUN_ON + f" {between} Ana Lopes: The harbour fund passed, and the towns will see it by June."
    turns = _turns(text, ["Ana Lopes", "Mark Oduya"])
    assert turns[-2] == ("Mark Oduya", "Thank you. We will take it to the council next week.")
    assert turns[-1] == ("Ana Lopes", "The harbour fund passed, and the towns will see it by June.")


@pytest.mark.parametrize("direction", [" (through an interpreter)", "(on the harbour fund)", " (laughs)"])
def test_a_stage_direction_between_name_and_colon(direction: str) -> None:
    text = RUN_ON + f" Ana Lopes{direction}: The harbour fund passed, and the towns will see it by June."
    turns = _turns(text, ["Ana Lopes", "Mark Oduya"])
    assert turns[-1] == ("Ana Lopes", "The harbour fund passed, and the towns will see it by June.")
    assert "harbour fund passed" not in turns[-2][1]
