"""Titles before a name, offices named after another office, and the subject a pronoun continues
(session 33, the Actor positions read by hand on official statements).

Sentences and names written for these tests (fictional people, places and bodies); they pin the
behaviour, they measure nothing about real news (docs/quality.md has the dev figures).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_quotes import _speaker_shown, _with_actors

# (name, text, words of the statement, the speaker's actor name)
CASES = [
    (
        "a title closed by its holder's name is that person's, not its institution's namesake",
        "Mayor Tomek Brandvold opened the session on Monday, and Orvik Tansley read the agenda. "
        "Head of the Mayor's Office Orvik Tansley said the bridge would stay closed until the "
        "spring floods had passed.",
        "the bridge would stay closed",
        "Orvik Tansley",
    ),
    (  # a control: right before session 33 too
        "a role named inside another office's title is not its holder's role",
        "Head of the Office of the Mayor Orvik Tansley greeted the guests on Monday. Mayor Tomek "
        "Brandvold arrived later. Residents asked about the ferry. The Mayor said the ferry would "
        "run again in April.",
        "the ferry would run again",
        "Tomek Brandvold",
    ),
    (  # a control: right before session 33 too
        "a pronoun continues the titled subject of the sentence before, not a name inside it",
        "Director of the Coastal Rail Agency Orvik Tansley stressed that much work had been done "
        'to meet the order of Governor Peter Brandvold to open the line. "We have not opened a '
        'new line in eleven years," he said.',
        "We have not opened",
        "Orvik Tansley",
    ),
    (
        "a pronoun subject continues the previous sentence's subject, not the last speaker",
        "Governor Tomek Brandvold opened the talks, and Orvik Tansley took notes. "
        '"The line must stay open," Brandvold said. '
        "Head of the Governor's Office Orvik Tansley reaffirmed the province's plan on Tuesday. He "
        "said the old station would stay open during the works.",
        "the old station would stay open",
        "Orvik Tansley",
    ),
    (
        "of two holders of a role in one sentence, the subject is the one referred back to",
        "President Orvik Tansley of Eastmark held a call with President Tomek Brandvold of "
        "Westmark on Friday. The President said the talks had been useful and would go on.",
        "the talks had been useful",
        "Orvik Tansley",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "actor"), CASES, ids=[c[0] for c in CASES])
def test_titled_speakers(nlp: Any, name: str, text: str, words: str, actor: str) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next(q for q in quotes if words in q.text)
    found = actors[quote.speaker_id].name if quote.speaker_id else ""
    # the actor layer may name a person by the surname it saw alone
    assert found.split()[-1:] == actor.split()[-1:], (quote.speaker_text, found)


def test_a_spokesman_for_a_titled_person_is_not_that_person(nlp: Any) -> None:
    """The name after a role ("President X") has its own title: the spokesman is someone else."""
    text = "A spokesman for President Orvik Tansley said the border would stay open through the winter."
    quotes, actors = _with_actors(nlp, text)
    quote = next(q for q in quotes if "border would stay open" in q.text)
    found = actors[quote.speaker_id].name if quote.speaker_id else None
    assert found != "Orvik Tansley"


def test_a_title_after_a_lower_case_of_phrase_is_still_the_title(nlp: Any) -> None:
    # "in protest of President X's decision": the title runs over its own "of" ("Minister of
    # Defence"), not over the lower-case phrase it is the complement of (session 40)
    text = (
        "Tom Brisk resigned on Thursday in protest of President Ada Lund's decision to close the "
        "base.\n\nThe president said she would name a replacement soon."
    )
    assert _speaker_shown(nlp, text, "replacement") == "Ada Lund"
