"""A name closing an introductory phrase holds no title of the clause after it (issue 14, session 38).

A title after a name's comma is the name's apposition ("Tom Weller, the host, asked"), and a role
refers back (or ahead) to its holder. But a phrase that opens the sentence may end on a name, and
the subject of the main clause follows its comma: "Asked about it by Mr. Weller, the governor
pointed to ..." gives Weller no governorship. Before, "the governor said"
earlier in the report went to him (a role the document gives one person later). Sentences
written for these tests, with fictional people and places.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

TEXT = (
    "Island residents will pay double ferry tolls in summer. Their council calls the tolls a tax on "
    "distance.\n\n"
    "“Nobody rides for free on a state boat,” the governor said. “The tolls fund the new hulls.”\n\n"
    "The presenter of a call-in show, Tom Weller, pressed for an answer on the summer rates.\n\n"
    "Asked about the tolls in separate calls by the station and by Mr. Weller, the governor pointed "
    "to the cost of fuel."
)


def test_the_subject_after_an_introductory_phrase_is_no_apposition(nlp: Any) -> None:
    assert _speaker_shown(nlp, TEXT, "Nobody rides for free") != "Tom Weller"


def test_an_apposition_after_the_name_still_gives_the_title(nlp: Any) -> None:
    text = (
        "“We will review the rules,” the commissioner said on Monday.\n\n"
        "Ada Roe, the commissioner, has led the agency since spring."
    )
    assert _speaker_shown(nlp, text, "review the rules") == "Ada Roe"
