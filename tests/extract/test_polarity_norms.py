"""A denied norm blames, a claim of unique ability praises (lib/extract/polarity.py: _denied_norms,
_unique_ability; lib/lexicons/evaluative.yaml: norms). Sentences and names are made up."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract import polarity
from tests.extract.test_target_frames import _targeted


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # denied: the conduct falls short of the norm
        ("Closing the ferry in winter is not acceptable", -1),
        ("When a pupil shouts over the teacher, it is not tolerated", -1),
        ("Nothing justifies closing the ferry in winter", -1),
        ("What the harbour board did cannot be justified", -1),
        ("I will not tolerate this from the lock keepers", -1),  # the speaker's own denial too
        ("Her remarks about the nurses were inappropriate", -1),  # the negative form itself
        # asserted: it says little
        ("The village has always tolerated the summer market", 0),
        ("The toll is acceptable to most drivers", 0),
        # supposed in a condition: not asserted
        ("If the council does not find the plan acceptable, it can vote it down", 0),
        ("Unless the fee is not justified, we will pay it", 0),
    ],
)
def test_denied_norms(text: str, want: int) -> None:
    assert polarity.evaluation(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a unique ability claimed: praise of the one it is claimed of
        ("Marta Venn is the only person who can bring both sides to the table", 1),
        ("He is probably the only candidate who could carry the northern valleys", 1),
        ("No one else can run the harbour the way she does", 1),
        ("Nobody else could keep that ferry afloat", 1),
        # denied or past ability: no praise from the claim
        ("She is the only one who can't see where this is going", 0),
        ("He was the only one who could have stopped the sale", 0),
        # the clause blames: the claim adds nothing
        ("He is the only man who can wreck this deal", -1),
        # supposed, not claimed
        ("If she is the only one who can fix it, we are in trouble", -1),
        # "only" in another use
        ("Only the harbour master can open the gate", 0),
    ],
)
def test_unique_ability(text: str, want: int) -> None:
    assert polarity.evaluation(text) == want


@pytest.mark.parametrize(
    ("said", "want"),
    [
        ("Orrin is the only person who can get the two unions to agree,", "pos"),
        ("What Orrin did to the night shift is not acceptable,", "neg"),
        ("If they do not find Orrin acceptable, they should say so,", None),
    ],
)
def test_a_target_is_judged_by_norms_and_unique_ability(nlp: Any, said: str, want: str | None) -> None:
    text = f'Tomas Orrin led the talks on Monday. "{said}" Ada Quell said.'
    quote = _targeted(nlp, text, said)
    assert next(t.polarity for t in quote.targets if t.actor_id == "tomas-orrin") == want
