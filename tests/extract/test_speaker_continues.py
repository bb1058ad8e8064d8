"""A description that "continues" re-describes the person who was speaking (issue 14, session 38).

"Continue" as a verb of saying presupposes that its subject was speaking (Karttunen 1971: aspectual
verbs presuppose the activity before). News varies the words it names its speaker by: '“...,” says
Ivo Marek. / “...,” the former rancher continues.' The description, which nothing else resolved,
was kept as written with no actor; it is now the named person whose statement comes right before.
"Added" is not read so (a second source adds to a report as often), nor is a description a rule
already resolved. Sentences written for these tests, with fictional people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

TEXT = (
    "Ohio Senator Ivo Marek opened his campaign at a county fair on Monday.\n\n"
    "“The fair is where I learned to shake hands,” says Ivo Marek. “My father sold pumpkins two stalls "
    "down from here.”\n\n"
    "“Four more years means four more bridges,” the former rancher continues. “Ask any driver on "
    "Route 9.”\n\n"
    "“He has never built a bridge,” said Lena Varga, his rival. “I have.”\n\n"
    "“Nobody in this town believes him,” the young mechanic added."
)


def test_the_description_that_continues_is_the_person_speaking(nlp: Any) -> None:
    assert _speaker_shown(nlp, TEXT, "four more bridges") == "Ivo Marek"
    assert _speaker_shown(nlp, TEXT, "Ask any driver") == "Ivo Marek"


def test_a_description_that_adds_is_not_the_person_before(nlp: Any) -> None:
    assert _speaker_shown(nlp, TEXT, "Nobody in this town") != "Lena Varga"
