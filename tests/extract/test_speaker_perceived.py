"""A participle of saying right after the person a recording shows, or a verb of perceiving takes
as its object, is that person's (issue 14, session 42).

"Footage of X saying", "the clip showed X telling", "heard her saying": the participle is
predicated of the person before it (a small clause: "heard her saying" is heard her say), so the
person speaks. The parser often hangs the participle on the sentence's main verb, whose subject
(the ad, the clip) then seemed to be the speaker. Only after a recording noun or a verb of
perceiving: "X praised Y saying ..." is X's (a comma left out), and stays so. Sentences written for
these tests, with fictional people.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_quotes import _speaker_shown

# (name, text, words of the statement, the last word of the speaker shown)
CASES = [
    (
        "footage of a person asking",
        "The commercial opens with footage of Ada Marek asking, “Why is nobody talking about the "
        "harbour debt?”",
        "Why is nobody talking",
        "Marek",
    ),
    (
        "a clip of a person asking",
        "The Lind campaign's commercial replays a clip of Ada Marek asking, “Why is nobody talking about the "
        "harbour debt?”",
        "Why is nobody talking",
        "Marek",
    ),
    (
        "video of a person telling",
        "Its last frame shows video of Ivo Lind telling a crowd in June, “Nobody in this town reads the "
        "harbour accounts.”",
        "Nobody in this town",
        "Lind",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "last"), CASES, ids=[c[0] for c in CASES])
def test_the_person_shown_speaking_is_the_speaker(
    nlp: Any, name: str, text: str, words: str, last: str
) -> None:
    assert _speaker_shown(nlp, text, words).endswith(last)


# a participle after any other object stays its clause's subject's
CONTROLS = [
    (
        "an object of praise, the comma left out",
        "Ada Marek praised Ivo Lind saying, “He kept every promise he made to this district.”",
        "He kept every promise",
        "Marek",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "last"), CONTROLS, ids=[c[0] for c in CONTROLS])
def test_other_objects_do_not_speak(nlp: Any, name: str, text: str, words: str, last: str) -> None:
    assert _speaker_shown(nlp, text, words).endswith(last)
