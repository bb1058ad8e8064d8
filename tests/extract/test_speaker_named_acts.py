"""A quotation that is the content of a speech act other than a verb of saying ("branded the plan
“...”", "called it “...”") is said by the act's subject when that subject is a name, a country or an
organisation as much as a person (issue 14, session 42).

A body speaks through its name at any cue ('“...,” the ministry said', "Portugal said that ..."); an
act of labelling is a statement of its subject in the GGT guidelines ("unusual quotative verbs"),
whoever the subject is. A sentence whose main verb reports no speech still gives its quotation only
to a person (by position alone, a name is no evidence), and a common noun ("the report") is no name.
Sentences written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_quotes import _with_actors


def _speaker(nlp: Any, text: str, words: str) -> str:
    quotes, _ = _with_actors(nlp, text)
    quote = next((q for q in quotes if words in q.text), None)
    return quote.speaker_text if quote is not None else "(no statement)"


def test_a_country_that_brands_another_speaks(nlp: Any) -> None:
    # after a person's statement: the quoted words are not hers, the country's act labels them
    text = (
        "Foreign minister Ana Ruiz said the talks had failed. Chile branded Peru an “unreliable partner "
        "in the whole region.”"
    )
    assert _speaker(nlp, text, "unreliable partner") == "Chile"


@pytest.mark.parametrize("verb", ["signed", "approved"])
def test_a_body_whose_verb_reports_no_speech_is_no_speaker(nlp: Any, verb: str) -> None:
    text = (
        "Ministers met in Lisbon on Monday to discuss the fishing quotas.\n\n"
        f"Portugal {verb} the pact “for the sake of the coastal towns and their fleets.”"
    )
    assert _speaker(nlp, text, "for the sake of the coastal") != "Portugal"
