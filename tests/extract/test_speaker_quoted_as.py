"""A participle of saying after a quotation whose speaker is written before it (issue 14, session 40).

'"...," X was quoted as saying' and '"...," the video showed X telling supporters' left the
quotation with no speaker: a participle after a quotation was never its cue, since one the closing
mark's comma leads into ('"...," urging X') continues the reporter's sentence. A participle is the
cue when its speaker stands before it: the subject of "quoted as", or a name right before it as
the object of a verb of perceiving. Sentences written for these tests, with made-up people.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_quotes import _speaker_shown, _with_actors

OPENING = "Ada Lund was sworn in on Thursday.\n\n"


@pytest.mark.parametrize(
    "after",
    [
        "Ada Lund was quoted as saying on Friday.",
        "the video showed Lund telling supporters.",
        "she was quoted as saying.",
    ],
)
def test_the_speaker_written_before_the_participle(nlp: Any, after: str) -> None:
    text = OPENING + "\u201cWe will not close the port this winter,\u201d " + after
    assert _speaker_shown(nlp, text, "close the port") == "Ada Lund"


@pytest.mark.parametrize(
    "after",
    [
        "read the sign, urging Tom Brisk to resign.",  # the participle continues the sentence
        "Lund said on Twitter, writing more later.",  # a cue found first; "Twitter" speaks not
    ],
)
def test_a_participle_with_no_speaker_before_it_is_no_cue(nlp: Any, after: str) -> None:
    text = OPENING + "\u201cWe will not close the port this winter,\u201d " + after
    quotes, _ = _with_actors(nlp, text)
    holding = [q for q in quotes if "close the port" in q.text]
    assert all(q.cue in (None, "said") for q in holding)
