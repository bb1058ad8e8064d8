"""A quotation over several paragraphs, a reply to a question put to a person, and a statement
someone was made to give (issue 14, session 37: speakers on news nobody tuned on).

A quotation that runs over paragraphs opens each paragraph with a mark and closes only at the end
of the last; its cue often comes only there ('“...,” she said.'), so the paragraphs before it had no
speaker. And news puts a question to its subject ("X was asked whether ...") and quotes the reply
next, with no verb of saying. "X forced Y to admit that ..." and "Y was forced to admit that ...":
Y admitted (object control; a verb of forcing is implicative). A reporting clause set off by
commas mid-sentence ("..., Y said, ...") is its own subject's, not the noun before its comma's.
Sentences written for these tests, with fictional people and places.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_quotes import _speaker_shown

# (name, text, words of the quotation, the speaker shown)
ATTRIBUTED = [
    (
        "a quotation continued in the next paragraph, its cue at the end",
        "Councillor Maria Lind opened the hearing on Monday.\n\n“We were promised a new bridge three years "
        "ago. The money was set aside and then it vanished.\n\n“Nobody at city hall has explained where "
        "it went,” she said.",
        "We were promised",
        "Maria Lind",
    ),
    (
        "three paragraphs of one quotation",
        "The harbour master gave evidence on Tuesday.\n\n“The pier was closed twice last winter after the "
        "storms.\n\n“Each time the repairs were patched together with what we had in the shed.\n\n“It "
        "cannot go on like this,” said Paul Okoro, who has run the harbour since 2009.",
        "The pier was closed",
        "Paul Okoro",
    ),
    (
        "a reply after the question put to a named person",
        "Mayor Maria Lind was asked on Monday whether the bridge would be finished this year.\n\n“No. We "
        "were promised the steel in March and it has not arrived. I will not pretend otherwise.”",
        "We were promised the steel",
        "Maria Lind",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "speaker"), ATTRIBUTED, ids=[c[0] for c in ATTRIBUTED])
def test_the_speaker_named_at_the_end_or_asked_before(
    nlp: Any, name: str, text: str, words: str, speaker: str
) -> None:
    assert _speaker_shown(nlp, text, words) == speaker


# (name, text, words of the quotation, a speaker it must not be given)
NOT_ATTRIBUTED = [
    (
        "a paragraph left open, the next one the reporter's",
        "The ferry was cancelled again on Friday.\n\n“We have waited three weeks for a boat that never "
        "comes\n\nThe operator, Nordlys Lines, said in a statement that the engine would be repaired.",
        "We have waited",
        "Nordlys Lines",
    ),
    (
        "a quotation closed in its paragraph is not continued by the next",
        "The ferry was cancelled again on Friday.\n\n“We have waited three weeks for a boat that never "
        "comes.”\n\n“The engine will be repaired by Monday,” said Hana Sato, a spokeswoman for the "
        "operator.",
        "We have waited",
        "Hana Sato",
    ),
    (
        "a person asked something in a relative clause is not the sentence's subject",
        "Tomas Berg, who was asked to stay on as treasurer, left the meeting early.\n\n“The accounts "
        "have not balanced for two years and nobody wants to say so.”",
        "The accounts have not balanced",
        "Tomas Berg",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words", "other"), NOT_ATTRIBUTED, ids=[c[0] for c in NOT_ATTRIBUTED]
)
def test_no_speaker_from_another_paragraph_or_clause(
    nlp: Any, name: str, text: str, words: str, other: str
) -> None:
    assert _speaker_shown(nlp, text, words) != other


# (name, text, words of the statement, the speaker shown)
FORCED = [
    (
        "the object of an active verb of forcing admits",
        "Senator Maria Okafor forced the bank's chief executive, Paul Grant, to admit that no senior "
        "manager had been fired.",
        "no senior manager",
        "Paul Grant",
    ),
    (
        "the subject of a passive verb of forcing admits",
        "Under questioning, Paul Grant was forced to admit that no senior manager had been fired.",
        "no senior manager",
        "Paul Grant",
    ),
    (
        "a verb that only urges says nothing of who spoke: its subject's reading stays",
        "Maria Okafor urged the minister to announce that the plant would stay open.",
        "the plant would stay open",
        "Maria Okafor",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "speaker"), FORCED, ids=[c[0] for c in FORCED])
def test_who_is_made_to_say_it_says_it(nlp: Any, name: str, text: str, words: str, speaker: str) -> None:
    assert _speaker_shown(nlp, text, words) == speaker


# (name, text, words of the statement, the speaker shown)
COMMENT_CLAUSES = [
    (
        "a comment clause after a phrase ending in a name",
        "To find the true Barnes, Chief Justice Okafor said, a student should read the trial record.",
        "a student should read the trial record",
        "Okafor",
    ),
    (
        "an appositive no comma closes before the verb is the same person",
        "The plan, its chief architect, Paul Grant said, would cost too much.",
        "would cost too much",
        "Paul Grant",
    ),
    (
        "two speakers joined by 'and' stay a group",
        "The plan, Maria Okafor and Paul Grant said, would cost too much.",
        "would cost too much",
        "Maria Okafor and Paul Grant",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words", "speaker"), COMMENT_CLAUSES, ids=[c[0] for c in COMMENT_CLAUSES]
)
def test_a_comment_clause_names_its_own_subject(
    nlp: Any, name: str, text: str, words: str, speaker: str
) -> None:
    assert _speaker_shown(nlp, text, words) == speaker
