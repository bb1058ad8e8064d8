"""A quoted fragment inside the reporter's own sentence is no floating quotation (issue 14, tenth round).

A floating quotation stands alone as its speaker's next sentence, and the statement before it names
the speaker (GGT annotation guidelines, "Floating quote"). A few quoted words inside a sentence the
reporter wrote, with no verb of saying, are the reporter's sentence quoting someone: the previous
statement's speaker is a guess there, kept as the surface shown but with no actor
(``Basis.INHERITED_FRAGMENT``, under ``GUESS_BELOW``). Sentences written for these tests, with
fictional people and places.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.direct import inside_sentence
from lib.extract.quotes.speakers import BASIS_CERTAINTY, GUESS_BELOW, Basis
from lib.view.frames import uncertain_speaker
from tests.extract.test_speaker_basis import bases, check_basis  # noqa: F401 (the fixture)

OPENING = "“The harbour will reopen in May,” said Paulo Reis.\n\n"

# (name, text, words of the statement, the speaker shown, its basis, whether it gets an actor)
CASES = [
    (
        "a fragment inside the reporter's sentence, a paragraph after the last speaker",
        OPENING + "Critics have since mocked the scheme as little more than “a bridge to nowhere.”",
        "a bridge to nowhere",
        "Paulo Reis",
        Basis.INHERITED_FRAGMENT,
        False,
    ),
    (
        "a fragment in the last speaker's own paragraph",
        "“The harbour will reopen in May,” said Paulo Reis. The port has long been known along the "
        "coast as “a museum with cranes.”",
        "a museum with cranes",
        "Paulo Reis",
        Basis.INHERITED_FRAGMENT,
        False,
    ),
    (
        "a whole quotation standing alone after its speaker's stays inherited",
        OPENING + "“Nobody will be left out of it, not one family.”",
        "Nobody will be left out",
        "Paulo Reis",
        Basis.INHERITED,
        True,
    ),
    (
        "one opening word is no reporter's sentence",
        OPENING + "Still, “nobody will be left out of it, not one family.”",
        "nobody will be left out",
        "Paulo Reis",
        Basis.INHERITED,
        True,
    ),
    (
        "a whole quotation after a guessed fragment continues the speaker as sure as before",
        OPENING + "Critics have since mocked the scheme as little more than “a bridge to nowhere.”\n\n"
        "“Every boat will have a berth by the autumn.”",
        "Every boat will have",
        "Paulo Reis",
        Basis.INHERITED,
        True,
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words", "surface", "basis", "actor"), CASES, ids=[c[0] for c in CASES]
)
def test_a_fragment_guesses_its_speaker_openly(
    nlp: Any,
    bases: dict[tuple[int, int], Basis | None],  # noqa: F811 (the fixture)
    name: str,
    text: str,
    words: str,
    surface: str,
    basis: Basis,
    actor: bool,
) -> None:
    quote = check_basis(nlp, bases, text, words, surface, basis, actor)
    # a guess is marked on the pages; an inheritance on evidence is not
    guessed = basis is Basis.INHERITED_FRAGMENT
    assert uncertain_speaker(quote.speaker_text, quote.speaker_confidence) == guessed


def test_a_fragments_guess_gives_no_actor() -> None:
    assert BASIS_CERTAINTY[Basis.INHERITED_FRAGMENT] < GUESS_BELOW <= BASIS_CERTAINTY[Basis.INHERITED]


# (text, where the quotation opens: the index of its opening mark, whether it is inside a sentence)
POSITIONS = [
    ("“We will win.”", 0, False),
    ("Okafor left. “We will win.”", 13, False),
    ("Then, “we will win.”", 6, False),
    ("The mayor called it “a win.”", 20, True),
    ("It drew scorn as “a win for nobody.”", 17, True),
    ("Okafor spoke.\n“We will win.”", 14, False),
]


@pytest.mark.parametrize(("text", "at", "inside"), POSITIONS, ids=[p[0] for p in POSITIONS])
def test_inside_sentence(text: str, at: int, inside: bool) -> None:
    assert text[at] == "“"
    assert inside_sentence(text, at) is inside
