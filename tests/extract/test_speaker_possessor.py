"""A possessor is no agent: where a cue's speaker is the person named before it (the parse gave the
cue no subject of its own), a person written as the owner of something ("Y's jab") is passed over
for one named otherwise (issue 14, session 42).

"Y's jab" names what Y said or did, and the sentence's agent is elsewhere; a participle of saying
late in a long sentence ("..., treating Y's jab as praise and, when pressed, insisting, “...”") is
the main subject's. Sentences written for these tests, with fictional people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown


def test_a_possessor_before_a_participle_of_saying_is_passed_over(nlp: Any) -> None:
    text = (
        "Mayor Ben Okafor hardly settled the question, treating Ms. Varga's jab first as praise -- "
        "“That shows I plan ahead” -- and, when pressed after the meeting, insisting, “Of course I pay "
        "my bills.”"
    )
    assert _speaker_shown(nlp, text, "Of course I pay").endswith("Okafor")
