"""A possessor is no agent: where a cue's speaker is the person named before it (the parse gave the
cue no subject of its own), a person written as the owner of something ("Y's column") is passed over
for one named otherwise (issue 14, session 42).

"Y's column" names what Y wrote or did, and the sentence's agent is elsewhere; a participle of
saying late in a long sentence ("..., reading Y's column aloud ... and, later, repeating, “...”") is
the main subject's. Sentences written for these tests, with fictional people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown


def test_a_possessor_before_a_participle_of_saying_is_passed_over(nlp: Any) -> None:
    text = (
        "Coach Ivo Lind barely addressed the defeat, reading Ms. Varga's column aloud as a joke -- "
        "“She must love us” -- and, once the cameras were gone, repeating, “We played well enough to win.”"
    )
    assert _speaker_shown(nlp, text, "We played well enough").endswith("Lind")
