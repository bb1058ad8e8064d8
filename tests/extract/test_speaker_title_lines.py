"""A title before a name ends at a line break (issue 14, session 40).

A report's first line is often its headline, with no full stop, and the parser joins it to the
first sentence. The title before a name was read back over the line break into the headline's
words, and a title is read up to its first "of" ("Head of the Office of ..."): a headline ending
"... as part of a safety plan" over "President Ada Okafor proposed ..." cut the role off, so "the
president" of the next paragraphs found no holder and was kept as written, with no actor. A title
is written on its name's line. Sentences written for these tests, with made-up people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

BODY = (
    "President Ada Okafor on Thursday proposed a curfew on the sale of fireworks.\n\nFacing anger "
    "from shopkeepers, the president urged parliament to approve the curfew before July."
)


def test_the_president_after_a_headline_line_is_the_president_named(nlp: Any) -> None:
    text = "Okafor unveils fireworks curfew as part of summer safety drive\n\n" + BODY
    assert _speaker_shown(nlp, text, "approve the curfew") == "Ada Okafor"


def test_a_minister_after_a_headline_line_ending_in_a_noun(nlp: Any) -> None:
    text = (
        "Port budget cut by a third in spite of union protest\n\nFinance Minister Tomas Reyes "
        "announced the cuts on Monday.\n\nThe minister said the harbour would keep its ferries."
    )
    assert _speaker_shown(nlp, text, "keep its ferries") == "Tomas Reyes"


def test_without_a_headline_as_before(nlp: Any) -> None:
    assert _speaker_shown(nlp, BODY, "approve the curfew") == "Ada Okafor"
