"""A counterfactual that takes the target away credits or blames it with what would have followed
(lib/extract/targets.py: _counterfactual). Sentences and names are made up."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract import targets
from lib.records import Quote
from tests.extract.test_target_frames import _targeted


def _polarity_of(nlp: Any, said: str, actor: str = "tomas-orrin") -> str | None:
    text = f'Tomas Orrin led the rescue on Monday. "{said}" Ada Quell said.'
    quote = _targeted(nlp, text, said)
    return next(t.polarity for t in quote.targets if t.actor_id == actor)


@pytest.mark.parametrize(
    ("said", "want"),
    [
        # the target's absence would have brought harm: praise
        (
            "If Orrin was not there, we would have had no shelter, and who knows how bad it might have got,",
            "pos",
        ),
        ("Without Orrin, we would have lost everything in the flood,", "pos"),
        ("If it were not for Orrin, this town would be a disaster,", "pos"),
        # the target's absence would have brought good: blame
        ("Without Orrin, the rescue would have been a success,", "neg"),
    ],
)
def test_a_counterfactual_credits_the_target(nlp: Any, said: str, want: str) -> None:
    assert _polarity_of(nlp, said) == want


@pytest.mark.parametrize(
    "said",
    [
        # a denied misdeed in the protasis is left to the sentence's words
        "If Orrin had not lied, we would not be in this disaster,",
        # no modal of the unreal: "without" is no counterfactual
        "The rescue went ahead without Orrin and it was a disaster,",
        # the target is not what the protasis takes away
        "If the river had not risen, Orrin would have been a hero,",
    ],
)
def test_not_a_counterfactual(nlp: Any, said: str) -> None:
    text = f'Tomas Orrin led the rescue on Monday. "{said}" Ada Quell said.'
    start = text.rindex(said)
    quote = Quote("d1", "ada-quell", "Ada Quell", said, "direct", "said", start, start + len(said), 0.9)
    at = text.index("Orrin", start)
    assert targets._counterfactual(quote, nlp(text), at, said) == 0
