"""Roles in official readouts (issue 14, session 39).

Government and agency readouts write a long title before its holder's name with no comma ("The
Minister for Foreign Affairs of Eastland Ada Okafor said"), refer back to people by their office
("the President", "the Head of State", "the Deputy Prime Minister"), and name a foreign
counterpart in passing. Three conventions a careful reader applies, which the extraction broke:

- a capitalised title runs over its prepositions ("for", "at") up to the name that closes it:
  the name is the speaker, not the title's head resolved as a role to someone else;
- a rank ("deputy", "vice", "lieutenant", "former") makes another office in both directions:
  "the Deputy Prime Minister" is not the health minister named last, as "the governor" is not
  the lieutenant governor;
- a description of the role with what it is the role of ("the President of Eastland") keeps its
  holder in focus as a name does: "the President" after a paragraph about the President of
  Eastland is that president, not the foreign president whose title was written last.

Sentences written for these tests, with made-up people (real countries only where the small
tagger needs them to read a name as a person).
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

TWO_PRESIDENTS = (
    "President of Portugal Olena Marchenko hosted Canadian trade envoy Tom Weller in Lisbon on "
    "Thursday.\n\n"
    "“Our fishing fleets have been rivals for too long,” she said. Olena Marchenko thanked "
    "Canadian President Robert Hayes for lifting the tariff on sardines.\n\n"
    "“A shared quota would end the quarrel in a season,” said the President of Portugal. The Head "
    "of State added that the harbours of both countries stood to gain. The President of Portugal "
    "promised a draft within a month.\n\n"
    "Talks then turned to the cod stocks of the northern banks. The President of {country} "
    "pressed for a joint survey of the spawning grounds.\n\n"
    "“Nobody can count fish alone,” said the President. Olena Marchenko left for Porto in the "
    "evening."
)


def test_a_title_runs_over_its_prepositions_to_the_name(nlp: Any) -> None:
    # the title's head alone ("The Minister") went to the prime minister named before
    text = (
        "Prime Minister Ivo Marek opened the harbour fair on Monday. “The quays are full again,” "
        "said Ivo Marek.\n\n"
        "The Minister for Foreign Affairs of Norland Petra Valk turned to the herring dispute: "
        "“Our boats will keep to the old lines. The treaty is clear.”"
    )
    assert _speaker_shown(nlp, text, "keep to the old lines") == "Petra Valk"


def test_a_spokesman_for_a_titled_name_is_not_that_name(nlp: Any) -> None:
    # control: a description in lower case is no title of the name after it
    text = (
        "Foreign Minister Petra Valk left for the herring talks on Monday.\n\n"
        "A spokesman for Foreign Minister Petra Valk said that the boats would stay in port."
    )
    assert _speaker_shown(nlp, text, "boats would stay in port") != "Petra Valk"


def test_a_ranked_role_is_not_the_office_without_the_rank(nlp: Any) -> None:
    text = (
        "Health Minister Paul Ostrow described the new rural clinics.\n\n"
        "“Two more ferries will sail to the islands in May,” the Deputy Prime Minister said."
    )
    assert _speaker_shown(nlp, text, "ferries will sail") != "Paul Ostrow"


def test_a_ranked_role_goes_to_the_holder_of_the_rank(nlp: Any) -> None:
    text = (
        "Deputy Prime Minister Lena Varga visited the port on Monday. Health Minister Paul Ostrow "
        "described the new rural clinics.\n\n"
        "“Two more ferries will sail to the islands in May,” the Deputy Prime Minister said."
    )
    assert _speaker_shown(nlp, text, "ferries will sail") == "Lena Varga"


def test_a_described_holder_stays_in_focus(nlp: Any) -> None:
    text = TWO_PRESIDENTS.format(country="Portugal")
    assert _speaker_shown(nlp, text, "count fish alone") == "Olena Marchenko"
    assert _speaker_shown(nlp, text, "harbours of both countries") == "Olena Marchenko"


def test_the_other_described_holder_is_in_focus_when_the_text_turns_to_them(nlp: Any) -> None:
    # control: the paragraph before is about the Canadian president
    text = TWO_PRESIDENTS.format(country="Canada")
    assert _speaker_shown(nlp, text, "count fish alone") == "Robert Hayes"
