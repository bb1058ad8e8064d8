"""A role re-described with a state or a party its holder's title lacks (issue 14, session 41).

News refers back to the person it is about by a definite description that adds what it had not
said yet: "Ohio Gov. X ... the Republican governor", "Gov. X of Ohio ... the Ohio governor". A
role's qualifiers had to be in the holder's title, so such a description was kept as written
with no actor. It is now the holder when the text named only one person of the role and neither
the title nor its sentence names another place (or people) of the description's kind. Sentences
written for these tests, with made-up people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

TITLE_BEFORE = (
    "Ohio Gov. Ivo Lind signed the harbour bill on Monday.\n\n"
    "Critics said the bill would close two ferry lines.\n\n"
    "The {q} governor said the lines would stay open until spring."
)
TITLE_AFTER = TITLE_BEFORE.replace("Ohio Gov. Ivo Lind", "Gov. Ivo Lind of Ohio")


def test_a_party_the_title_does_not_name_is_news_about_the_one_governor(nlp: Any) -> None:
    assert _speaker_shown(nlp, TITLE_BEFORE.format(q="Republican"), "stay open") == "Ivo Lind"


def test_a_state_named_after_the_name_is_the_governors(nlp: Any) -> None:
    assert _speaker_shown(nlp, TITLE_AFTER.format(q="Ohio"), "stay open") == "Ivo Lind"


def test_another_state_is_another_governor(nlp: Any) -> None:
    assert _speaker_shown(nlp, TITLE_BEFORE.format(q="Nevada"), "stay open") != "Ivo Lind"
    assert _speaker_shown(nlp, TITLE_AFTER.format(q="Nevada"), "stay open") != "Ivo Lind"


def test_two_governors_leave_the_description_as_written(nlp: Any) -> None:
    text = (
        "Ohio Gov. Ivo Lind and Nevada Gov. Ada Roe signed the pact on Monday.\n\n"
        "The Republican governor said the ferries would run."
    )
    assert _speaker_shown(nlp, text, "ferries would run") == "The Republican governor"


def test_a_title_word_of_unknown_kind_may_say_otherwise(nlp: Any) -> None:
    # "Reform" qualifies the candidacy by something the tagger does not type: it may be the very
    # thing "Democratic" says otherwise, and the description stays as written
    text = (
        "Reform presidential candidate Ivo Lind released his tax returns on Monday.\n\n"
        "The Democratic presidential candidate said on Tuesday that a plan for national service "
        "would come first."
    )
    assert _speaker_shown(nlp, text, "national service") != "Ivo Lind"
