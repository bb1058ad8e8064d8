"""A verb of saying in an adverbial clause after a quotation is no attribution of it (issue 14,
session 42: wrong speakers shown as sure).

The words after a closing mark attribute the quotation when they are its speaker and cue
('“...,” X said', '“...,” said X': the GGT quote-speaker-cue pattern, Asr et al. 2021). When they
open with a subordinating conjunction ('“...,” when X mocked her', '“...” after Y asked'), they
are an adverbial clause of the reporter's own sentence: its verb tells when or why the words were
said, and its subject is another participant (often the one the words answer). The quotation is
then attributed by the sentence it stands in, as one with no cue after it. "As" is left out:
'“...,” as X put it' attributes. Sentences written for these tests, with fictional people.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_quotes import _speaker_shown

# (name, text, words of the statement, the speaker shown)
CASES = [
    (
        "a participle of saying before the quotation, a mocker's clause after it",
        "A union flyer reprints a recording of Senator Ada Marek saying at a dinner in May, “Overtime "
        "rules are a luxury the mills cannot afford,” when Governor Ivo Lind accused her of ignoring "
        "the workers.",
        "Overtime rules are a luxury",
        "Ada Marek",
    ),
    (
        "a reply given when asked, the one asked about named in the question",
        "Mayor Ben Okafor, leaving the depot after the inspection, gave a firm “we have not decided "
        "anything yet” when asked whether Councillor Tessa Varga would lead the review.",
        "we have not decided",
        "Ben Okafor",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "shown"), CASES, ids=[c[0] for c in CASES])
def test_a_subordinate_clause_after_a_quotation_is_no_cue(
    nlp: Any, name: str, text: str, words: str, shown: str
) -> None:
    assert _speaker_shown(nlp, text, words) == shown


# the usual pattern and "as" keep their speaker after the quotation
CONTROLS = [
    (
        "the speaker and cue right after the closing mark",
        "“We will reopen the bridge by spring,” Governor Ivo Lind said when asked about the delays.",
        "We will reopen the bridge",
        "Ivo Lind",
    ),
    (
        "as X put it",
        "The plan, the council heard, was “a bridge to nowhere built with borrowed money,” as "
        "Councillor Tessa Varga put it on Monday.",
        "a bridge to nowhere",
        "Tessa Varga",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "shown"), CONTROLS, ids=[c[0] for c in CONTROLS])
def test_the_speaker_after_a_quotation_stays(nlp: Any, name: str, text: str, words: str, shown: str) -> None:
    assert _speaker_shown(nlp, text, words).endswith(shown)
