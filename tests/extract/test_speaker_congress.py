"""A member of the US House is "the congressman" (issue 14, session 40).

US news writes a House member's title before the name as "Rep." (AP style) and refers back to the
person as "the congressman" or "the congresswoman". Those nouns were no role at all, so such a
speaker was kept as written with no actor. They are now roles that a Representative's title
holds (the role lexicon's synonyms), with the ranks read as for any role: "former Rep. X" is no
sitting congressman, and a senator is none. Sentences written for these tests, with made-up
people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown


def test_the_congressman_is_the_representative_named(nlp: Any) -> None:
    text = (
        "Rep. Tomas Reyes told a radio host on Friday that his office had not leaked the memo.\n\n"
        "The congressman insisted that the budget office had the figures wrong."
    )
    assert _speaker_shown(nlp, text, "figures wrong") == "Tomas Reyes"


def test_the_congresswoman_is_the_representative_named(nlp: Any) -> None:
    text = (
        "Rep. Ada Okafor said on Monday that the port would stay open. The congresswoman added that "
        "the ferries would run twice a day."
    )
    assert _speaker_shown(nlp, text, "ferries would run") == "Ada Okafor"


def test_a_senator_is_no_congressman(nlp: Any) -> None:
    text = (
        "Sen. Ivo Marek said on Monday that the port would stay open. The congressman added that "
        "the ferries would run twice a day."
    )
    assert _speaker_shown(nlp, text, "ferries would run") != "Ivo Marek"


def test_a_former_representative_is_no_sitting_congressman(nlp: Any) -> None:
    text = (
        "Former Rep. Ivo Marek said on Monday that the port would stay open. The congressman added "
        "that the ferries would run twice a day."
    )
    assert _speaker_shown(nlp, text, "ferries would run") != "Ivo Marek"
