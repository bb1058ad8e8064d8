"""A speaker brought back by "according to him/her" (issue 14, session 40).

"According to X, ... According to him, ...": the pronoun is the statement's source, written in
the object case only because the preposition governs it, and it continues the person who just
spoke as "he said" does. The ranker weighs subjects, so it left "him" to nobody even when one
person had spoken and no one else was named; the page showed "him". Now the pronoun takes the
previous statement's speaker when that is a person whose gender does not disagree and nobody
was named in between. Sentences written for these tests, with made-up people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

OPENING = "The cabinet met in Port Elin on Tuesday to discuss the harbour budget. "


def test_according_to_him_continues_the_man_who_just_spoke(nlp: Any) -> None:
    text = (
        OPENING + "According to Finance Minister Tomas Reyes, the port's revenue rose by a fifth last "
        "year. According to him, the new cranes will be delivered in March."
    )
    assert _speaker_shown(nlp, text, "new cranes") == "Tomas Reyes"


def test_according_to_her_continues_the_woman_who_just_spoke(nlp: Any) -> None:
    # a first name no lexicon holds: the gender is unknown, and does not disagree
    text = (
        OPENING + "According to Health Minister Ada Okafor, the clinics will stay open over the "
        "holidays. According to her, the vaccine stock will last until spring."
    )
    assert _speaker_shown(nlp, text, "vaccine stock") == "Ada Okafor"


def test_according_to_him_after_another_man_is_named_is_nobody_named(nlp: Any) -> None:
    # the harbour master may be the one meant: no actor rather than a guess
    text = (
        OPENING + "According to Finance Minister Tomas Reyes, the port's revenue rose by a fifth last "
        "year. The harbour master, Ivo Marek, inspected the new cranes on Monday. According to him, "
        "two of them will be delivered in March."
    )
    assert _speaker_shown(nlp, text, "two of them") != "Tomas Reyes"


def test_according_to_him_after_a_woman_spoke_is_not_hers(nlp: Any) -> None:
    text = (
        OPENING + "According to Health Minister Maria Okafor, the clinics will stay open over the "
        "holidays. According to him, the vaccine stock will last until spring."
    )
    assert _speaker_shown(nlp, text, "vaccine stock") != "Maria Okafor"
