"""A quotation standing alone, with no cue, is the words of the speaker the very next sentence names
by pointing back at it (issue 14, session 34, second pass).

News sets a quotation apart for effect (opening a paragraph, or alone in one) and names its speaker
in the next sentence, which refers back to it: a demonstrative subject and a copula with "how" or
"what" and a verb of saying ("That was how X described it", "That is what X told reporters"), or with
a noun of saying ("Those were the words of X", "Such was X's verdict"); "so"/"thus" and a verb of
saying ("So said X"). A sentence that points back without saying ("That was the plan of X", "That
is why X resigned") names no speaker, and neither does one further on, nor a subject that is merely
someone's words ("X's comments, which came ...": news writes it of words quoted earlier, which the
quotation just given may answer). Sentences written for these tests, with fictional people and places.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.speakers import Basis
from tests.extract.test_quotes import _with_actors
from tests.extract.test_speaker_basis import bases, check_basis  # noqa: F401 (the fixture)

VOTE = "The council voted on Monday to close the old bridge.\n\n"
HOLT = "Karen Holt said the budget was fair.\n\n"
WORDS = "“We have run out of money and out of patience.”"

# (name, text, the speaker shown, its basis, whether it gets an actor)
CASES = [
    (
        "how a named person described it, the name long",
        VOTE + WORDS + " That was how Mayor Ada Okafor described the decision.",
        "Ada Okafor",
        Basis.NAME,
        True,
    ),
    (
        "the words of a person, opening the next paragraph",
        VOTE + WORDS + "\n\nThose were the words of Mayor Ada Okafor after the vote.",
        "Ada Okafor",
        Basis.NAME,
        True,
    ),
    (
        "a noun of saying owned through 'of'",
        VOTE + WORDS + " Such was the verdict of Mayor Ada Okafor.",
        "Ada Okafor",
        Basis.NAME,
        True,
    ),
    (
        "'so said' opening the next paragraph",
        VOTE + WORDS + "\n\nSo said Mayor Ada Okafor after the vote.",
        "Ada Okafor",
        Basis.NAME,
        True,
    ),
    (
        "the pointer's name over the speaker of the paragraph before",
        HOLT + WORDS + " That was how Mayor Ada Okafor described the decision.",
        "Ada Okafor",
        Basis.NAME,
        True,
    ),
    (
        "how a person put it, the idiom followed by its hearer",
        VOTE + WORDS + " That was how Mayor Ada Okafor put it to the reporters waiting outside.",
        "Ada Okafor",
        Basis.NAME,
        True,
    ),
    (
        "a noun of saying owned through a possessive",
        VOTE + WORDS + "\n\nThat was Mayor Ada Okafor's answer to the vote.",
        "Ada Okafor",
        Basis.NAME,
        True,
    ),
    (
        "a pronoun in the pointer resolved by its gender",
        "Mrs. Ada Okafor chaired the council on Monday.\n\n"
        + WORDS
        + " That was how she described the vote.",
        "she",
        Basis.PRONOUN_AGREED,
        True,
    ),
]


@pytest.mark.parametrize(("name", "text", "surface", "basis", "actor"), CASES, ids=[c[0] for c in CASES])
def test_the_next_sentence_points_back_at_the_speaker(
    nlp: Any,
    bases: dict[tuple[int, int], Basis | None],  # noqa: F811 (the fixture)
    name: str,
    text: str,
    surface: str,
    basis: Basis,
    actor: bool,
) -> None:
    check_basis(nlp, bases, text, "We have run out", surface, basis, actor)


# (name, text): the person the next sentence names is not the quotation's speaker
NOT_POINTERS = [
    ("a plan is no saying", HOLT + WORDS + " That was the plan of Mayor Ada Okafor."),
    ("a reason is no saying", HOLT + WORDS + " That is why Mayor Ada Okafor resigned."),
    ("a wish is no saying", HOLT + WORDS + " That is what Mayor Ada Okafor wanted."),
    ("a way of winning is no saying", HOLT + WORDS + " This is how Mayor Ada Okafor won the election."),
    (
        "a pointer one sentence too far",
        HOLT + WORDS + " The council met again on Tuesday. That was how Mayor Ada Okafor described it.",
    ),
    (
        "someone's words as a subject, not pointing back",
        "Mayor Ada Okafor said on Monday that the bridge would close. “We have no money left for it,” "
        "Karen Holt said on the radio. “We have run out of money and out of patience.”\n\nOkafor's "
        "comments, which came during a debate on the budget, drew criticism.",
    ),
    (
        "a quotation inside the reporter's sentence",
        "The council called the plan “a waste of money and of time.” That was how Mayor Ada Okafor "
        "described it.",
    ),
]


@pytest.mark.parametrize(("name", "text"), NOT_POINTERS, ids=[c[0] for c in NOT_POINTERS])
def test_a_sentence_that_points_back_without_saying_names_no_speaker(nlp: Any, name: str, text: str) -> None:
    quotes, _ = _with_actors(nlp, text)
    quote = next(q for q in quotes if "money" in q.text)
    assert "Okafor" not in quote.speaker_text
