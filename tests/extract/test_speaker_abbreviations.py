"""A role refers back to the title abbreviated before a name (issue 14, session 38).

News abbreviates a title written before a name (AP style: "Gov. Ada Roe", "Sen. Ivo Lind", "Sgt.
Tom Bell") and then refers to the person by the role spelled out ("the governor said"). The role
went to a holder of the title written in full only, so "the governor" after "Gov. Ada Roe" was kept
as written, or went to someone the document later gives the word. With the abbreviations read, two
conventions keep the role from the wrong holder: a rank before the role makes it another office
("Lt. Gov.", "Vice President", "former Rep."), and an indefinite role ("a spokesman", "a Lind
representative") brings in someone new, no holder named before. A role someone owns ("the
mayor's transport director") is that owner's: its holder's title must name the owner too. Of two
holders, the role is the one the text last named in a later sentence (the one in focus), not the
one whose title was written last. Sentences written for these tests, with fictional people and
places.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_quotes import _speaker_shown

# (name, text, words of the quotation, the speaker shown)
CASES = [
    (
        "the governor after Gov.",
        "Gov. Ada Roe of Westmark spent Saturday answering critics of the new ferry tolls.\n\n"
        "Island residents will pay double in summer. Their council calls the tolls a tax on distance.\n\n"
        "“Nobody rides for free on a state boat,” the governor said. “The tolls fund the new hulls.”\n\n"
        "Ms. Roe took questions on a call-in show on Sunday, and its presenter, Tom Weller, pressed her "
        "on the summer rates.\n\n"
        "Asked about the tolls in separate calls by the station and by Mr. Weller, the governor pointed "
        "to the cost of fuel.",
        "Nobody rides for free",
        "Ada Roe",
    ),
    (
        "a qualified governor after a qualified Gov.",
        "Ohio Gov. Ivo Marek opened his re-election campaign at a county fair on Monday.\n\n"
        "“The fair is where I learned to shake hands,” says Marek.\n\n"
        "“Four more years means four more bridges,” the Ohio governor continues. “Ask any driver.”",
        "four more bridges",
        "Ivo Marek",
    ),
    (
        "the senator after Sen., another person named between",
        "Sen. Lena Varga voted against the budget on Thursday.\n\n"
        "The vote came a day after the treasurer, Paul Ostrow, warned of a shortfall.\n\n"
        "“This budget hides the bill from our children,” the senator said.",
        "hides the bill",
        "Lena Varga",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "shown"), CASES, ids=[c[0] for c in CASES])
def test_the_role_refers_back_to_the_abbreviated_title(
    nlp: Any, name: str, text: str, words: str, shown: str
) -> None:
    assert _speaker_shown(nlp, text, words) == shown


def test_an_abbreviated_title_of_another_place_is_not_the_role(nlp: Any) -> None:
    text = (
        "Ohio Gov. Ada Roe met farmers on Monday.\n\n"
        "“The canal will not be dug through our valley,” the Nevada governor said."
    )
    assert _speaker_shown(nlp, text, "canal will not be dug") != "Ada Roe"


def test_another_office_of_the_same_word_is_not_the_role(nlp: Any) -> None:
    # "Lt. Gov." is the lieutenant governor: "the governor" is Gov. Roe, named further back, though
    # the lieutenant governor was named last
    text = (
        "Gov. Ada Roe on Wednesday made Ivo Lind head of the port authority.\n\n"
        "“He knows every crane by name,” Lt. Gov. Paul Ostrow said at the ceremony.\n\n"
        "“I only ever taught him to be early,” the governor said."
    )
    assert _speaker_shown(nlp, text, "taught him to be early") == "Ada Roe"


def test_an_indefinite_role_brings_in_someone_new(nlp: Any) -> None:
    # "a Lind representative" speaks for Lind: not Rep. Ostrow, named before
    text = (
        "Rep. Paul Ostrow endorsed Ivo Lind for the school board on Tuesday.\n\n"
        "“The endorsement changes nothing about our plans,” a Lind representative said."
    )
    assert _speaker_shown(nlp, text, "changes nothing about our plans") != "Paul Ostrow"


def test_a_role_someone_owns_is_not_any_holder_of_it(nlp: Any) -> None:
    # "the mayor's transport director" is the mayor's: not the harbour authority's director
    text = (
        "Harbour authority planning director Ada Roe told reporters the old bridge must stay open.\n\n"
        "But the mayor's transport director told the council that the bridge would close for a year."
    )
    assert _speaker_shown(nlp, text, "close for a year") != "Ada Roe"


def test_of_two_holders_the_role_is_the_one_in_focus(nlp: Any) -> None:
    # Gov. Ostrow's title is written last, but the passage has turned back to Ms. Roe
    text = (
        "Gov. Ada Roe on Wednesday made Ivo Lind head of the port authority.\n\n"
        "Mr. Lind is the second dock worker to run a port in the region, after Tom Weller was "
        "picked by Gov. Paul Ostrow of the neighbouring state last year.\n\n"
        "Ms. Roe, who hired Mr. Lind as a clerk in 1998, spoke last.\n\n"
        "“I only ever taught him to be early,” the governor said."
    )
    assert _speaker_shown(nlp, text, "taught him to be early") == "Ada Roe"
