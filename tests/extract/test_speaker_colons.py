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
    """'X grew so angry ... that Y took it back:': the colon spells out the clause right before it,
    whose subject is not the sentence's main one; which of the two speaks, the words do not say,
    so the main subject is not taken (issue 14, session 42)."""
    text = (
        "Mrs. Dora Lind asked about the orchard, and I joked that we had sold it for a parking lot. "
        "She grew so upset, and began pacing around the porch, that I quickly took the joke back: "
        "“The orchard is still ours, Dora, I was teasing you.”"
    )
    quotes, _ = _with_actors(nlp, text)
    quote = next(q for q in quotes if "The orchard is still ours" in q.text)
    assert quote.speaker_text != "She"


def test_the_main_verb_s_subject_is_not_sure_past_another_clause_before_a_colon(nlp: Any) -> None:
    """The same where the parser hangs the quotation on the sentence's main verb (whose subject
    gave the words by position): not shown as sure."""
    text = (
        "Mrs. Dora Lind once asked me about the orchard while we walked to church, and I joked that we "
        "had sold it. She grew so upset, and started to cry so hard, that I quickly took the joke back: "
        "“The orchard is still ours, I was teasing you.”"
    )
    quotes, _ = _with_actors(nlp, text)
    quote = next(q for q in quotes if "The orchard is still ours" in q.text)
    assert quote.speaker_text != "She" and quote.speaker_confidence < 0.75
