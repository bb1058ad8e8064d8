"""A demand word is a directive only in its directive sense (lib/extract/polarity.py is_demand):
the noun "demand" (a market's or a public's) and a modal before a verb of saying ("we must state
that") demand nothing. Sentences written for this test."""

from __future__ import annotations

import pytest

from lib.extract.polarity import is_demand


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # directives
        ("The ferry tolls must be scrapped now.", True),
        ("We demand that the council reopen the depot.", True),
        ("The mayor demanded a recount in Harrowgate.", True),
        ("Ministers should withdraw the levy before winter.", True),
        ("We need to stop the levy.", True),
        ("The union called for a strike at the Dunmore plant.", True),
        ("She demands answers from the harbour board.", True),
        # the noun: a market's or a public's demand
        ("Demand for coal fell sharply in the spring.", False),
        ("Weak demand hurt the Brackwater shipyard.", False),
        ("The growers' demand was ignored for years.", False),
        ("Fairness is the town's demand of its council.", False),
        # a modal before a verb of saying: a formula, no directive
        ("We must state that the talks have stalled.", False),
        ("I have to say the meeting went well.", False),
        ("It should be noted that the fund grew.", False),
        ("We must first thank the volunteers of Lowmere.", False),
        # ... but a modal of another's speech is a reproach, a directive
        ("That he should be saying that about the judges is a disgrace.", True),
        ("The minister must tell the harbour board what went wrong.", True),
    ],
)
def test_demand_is_a_directive(text: str, want: bool) -> None:
    assert is_demand(text) is want
