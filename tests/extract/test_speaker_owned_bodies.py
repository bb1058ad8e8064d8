"""A body's organ whose owner is named is no reference back (issue 14, session 38).

"The company", "the board": a definite description of an organisation picks up the organisation
the text named last (Hobbs 1978). Two conventions of news override that:
- a description whose owner the phrase names ("The Daily Courier's editorial board") says itself
  whose it is: its "The" is the owner's name's, and it refers back to nobody;
- a description whose head noun a nearer phrase used for a body of its own ("The Daily Courier's
  editorial board was less kind. “...,” the board wrote.") refers back to that phrase, not to a
  body named further back (same-head antecedents, Poesio & Vieira 1998).
Both were given to the last named organisation (a senate, where a newspaper's board spoke). An
owned organ speaks for its owner, as a document for its author; a body brought in with "a" has no
name, so it is kept as written, with no actor. Sentences written for these tests, with fictional
bodies.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

SENATE = (
    "The Senate voted on Tuesday to delay the hearing. Senators from both parties welcomed the pause.\n\n"
)


def test_an_organ_with_a_named_owner_is_not_the_last_named_body(nlp: Any) -> None:
    text = SENATE + "“The delay serves no one but the lobbyists,” The Daily Courier’s editorial board wrote."
    shown = _speaker_shown(nlp, text, "serves no one")
    assert "Courier" in shown
    assert "Senate" not in shown


def test_the_board_refers_back_to_the_owned_board(nlp: Any) -> None:
    text = (
        SENATE + "The Daily Courier’s editorial board was less kind. “The delay serves no one but the "
        "lobbyists,” the board wrote."
    )
    assert "Senate" not in _speaker_shown(nlp, text, "serves no one")


def test_the_board_refers_back_to_a_board_named_as_such(nlp: Any) -> None:
    # a definite description before it refers back itself, to the body named: not a body of its own
    text = (
        "Westfield Bank cut its dividend on Monday. The bank’s shares fell.\n\n"
        "“We acted prudently,” the bank said."
    )
    assert _speaker_shown(nlp, text, "acted prudently") == "Westfield Bank"
