"""A coordinated cue whose borrowed subject is its own object (issue 14, session 40).

"X said that Y misled the council and accused Y of lying": the parser joins "accused" to "misled",
so the cue borrowed Y, the subject of "misled", as its speaker, though Y is the one accused. A name
is never the object of its own subject's verb (only a reflexive is: binding theory's Principle C),
so the coordination is with the reporting clause: the accusation is X's, or no one's when no
reporting verb holds it. Sentences written for these tests, with made-up people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _shown, _with_actors


def _speakers(nlp: Any, text: str, words: str) -> list[str]:
    quotes, actors = _with_actors(nlp, text)
    return [_shown(q, actors) for q in quotes if words in q.text]


def test_the_accused_is_not_the_accuser(nlp: Any) -> None:
    text = (
        "Mayor Ada Lund said that Tom Brisk misled the council and accused Tom Brisk of being "
        "\u201ca liar\u201d and a \u201cfraud.\u201d"
    )
    shown = _speakers(nlp, text, "fraud")
    assert shown and "Tom Brisk" not in shown
    assert "Ada Lund" in shown


def test_a_coordinated_cue_with_another_object_keeps_the_shared_subject(nlp: Any) -> None:
    text = (
        "Tom Brisk misled the council and accused Ada Lund of being "
        "\u201ca liar\u201d and a \u201cfraud.\u201d"
    )
    assert _speakers(nlp, text, "fraud") == ["Tom Brisk"]
