"""A relation owned by a possessive pronoun (issue 14, session 39).

News introduces a relative in apposition to the person they are related to ("X's father, Y,
says ...") and later refers to them through a pronoun standing for that person ("His father
said ..."). The speaker "His father" was kept as written with no actor. Now it is the person
introduced as that relation of the pronoun's referent, the person the narration last named, when
the text named one. A description nobody's relation fits ("his father" after a paragraph about
another man) stays as written: a wrong speaker is worse than none. Sentences written for these
tests, with made-up people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

INTRODUCED = "Daniel Harrow's father, Josef, remembers a boy who spent every summer on the trawlers.\n\n"


def test_his_father_is_the_father_named_in_apposition(nlp: Any) -> None:
    text = (
        INTRODUCED + "Daniel Harrow later founded a shipping firm. His father said the firm began "
        "with one rented trawler and a borrowed net."
    )
    assert _speaker_shown(nlp, text, "one rented trawler") == "Josef"


def test_his_father_after_another_man_is_nobody_named(nlp: Any) -> None:
    # the narration has turned to Tom Weller, whose father the text never names
    text = (
        INTRODUCED + "Daniel Harrow later founded a shipping firm. His partner, Tom Weller, ran the "
        "office.\n\n"
        "Tom Weller met his wife at the harbour. His father said the firm began "
        "with one rented trawler and a borrowed net."
    )
    assert _speaker_shown(nlp, text, "one rented trawler") != "Josef"


def test_a_first_name_another_full_name_opens_gets_no_actor(nlp: Any) -> None:
    # "Josef" alone may be linked to Josef Brandl by the actor layer: no actor beats that one
    text = (
        "Police chief Josef Brandl said the harbour was closed on Sunday.\n\n"
        + INTRODUCED
        + "Daniel Harrow later founded a shipping firm. His father said the firm began with one "
        "rented trawler and a borrowed net."
    )
    assert _speaker_shown(nlp, text, "one rented trawler") != "Josef Brandl"
