"""A quotation right after a colon closing the reporter's clause is the words of that clause's subject
(issue 14, session 34: speakers on news nobody tuned on).

A colon announces that what follows spells out the clause before it; news uses it to introduce a
person's words without a verb of saying ("X had a warning for Y:", "X did not hold back:"). The
parser often hangs the clause on the quotation's own verb, so the clause's main verb is read inside
the clause. A document named in the clause ("found a note:") is what the quotation reads, and a
subject that names no person ("the banner") names no speaker. Sentences written for these tests,
with fictional people and places.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.speakers import Basis
from tests.extract.test_quotes import _with_actors
from tests.extract.test_speaker_basis import bases, check_basis  # noqa: F401 (the fixture)

# (name, text, words of the statement, the speaker shown, its basis, whether it gets an actor)
CASES = [
    (
        "a named subject and a message announced by a colon",
        "Councillor Maria Duarte had a message for the roads department: “Fix the potholes before you "
        "paint new lines.”",
        "Fix the potholes",
        "Maria Duarte",
        Basis.SENTENCE_SUBJECT,
        True,
    ),
    (
        "a negated clause the parser hangs on the quotation's verb",
        "Opposition leader Karen Holt did not hold back on Tuesday: “This budget robs the young to pay "
        "the old.”",
        "This budget robs",
        "Karen Holt",
        Basis.SENTENCE_SUBJECT,
        True,
    ),
    (
        "a pronoun subject resolved by its gender",
        "Mrs. Ada Okafor chaired the meeting on Monday.\n\nShe had a blunt warning for the board: "
        "“Nobody leaves this room until the numbers add up.”",
        "Nobody leaves this room",
        "She",
        Basis.SENTENCE_SUBJECT,
        True,
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words", "surface", "basis", "actor"), CASES, ids=[c[0] for c in CASES]
)
def test_a_colon_gives_the_clause_subject_the_words(
    nlp: Any,
    bases: dict[tuple[int, int], Basis | None],  # noqa: F811 (the fixture)
    name: str,
    text: str,
    words: str,
    surface: str,
    basis: Basis,
    actor: bool,
) -> None:
    check_basis(nlp, bases, text, words, surface, basis, actor)


# (name, text, words of the statement): no speaker is guessed
NO_SPEAKER = [
    (
        "a document in the clause is what the quotation reads",
        "Karen Holt found a note from her landlord on the door: “Rent is due on Friday.”",
        "Rent is due",
    ),
    (
        "a subject that names no person",
        "The banner over the stage carried one line: “Our river, our future.”",
        "Our river",
    ),
]


@pytest.mark.parametrize(("name", "text", "words"), NO_SPEAKER, ids=[c[0] for c in NO_SPEAKER])
def test_a_colon_names_no_speaker_without_a_person(nlp: Any, name: str, text: str, words: str) -> None:
    quotes, _ = _with_actors(nlp, text)
    quote = next(q for q in quotes if words in q.text)
    assert (quote.speaker_text, quote.speaker_id) == ("", None)


def test_a_colon_after_another_clause_s_subject_names_no_speaker(nlp: Any) -> None:
    """'X was so pleased that I kept quiet about Y:': the colon spells out the clause right before
    it, whose subject is not the sentence's main one; which of the two speaks, the words do not say,
    so the main subject is not taken, by the colon rule nor by the main verb the parser may hang the
    quotation on (issue 14, session 42)."""
    text = (
        "Mr. Ivo Lind phoned after the match to ask how the club had done. He was so pleased with the "
        "draw, and kept cheering down the line so loudly, that I kept the news of the fine to myself: "
        "“Everything went well, I will tell you the rest tomorrow.”"
    )
    quotes, _ = _with_actors(nlp, text)
    quote = next(q for q in quotes if "Everything went well" in q.text)
    assert quote.speaker_text != "He" and quote.speaker_confidence < 0.75
