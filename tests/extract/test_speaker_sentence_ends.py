"""A quotation that ends the reporter's sentence takes no verb of saying from the next sentence
(issue 14, session 37: speakers on news nobody tuned on).

A quotation inside the reporter's sentence ("X branded the plan a “...”") whose marks close on a
full stop ends that sentence; a verb of saying right after it opens the next sentence and has its
own content ("Y insisted that ..."). Before, the quotation took that verb's subject, another
source. It still does when that subject is the quotation's sentence's own subject going on ("X
called it “...” X says ..."). A comma inside the marks ("...,” Y said") continues the sentence,
and a quotation that is a sentence of its own keeps the verb after it. Sentences written for these
tests, with fictional people and places.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_quotes import _shown, _speaker_shown, _with_actors

# (name, text, words of the quotation, a speaker it must not be given)
NEXT_SENTENCE = [
    (
        "a country's label, then another country's demand",
        "Norway branded the proposal a “reckless gamble with our coastline.” Sweden insisted that the "
        "talks go on.",
        "reckless gamble",
        "Sweden",
    ),
    (
        "residents' words, then their mayor's statement",
        "Residents described the flood as “the worst anyone here can remember.” Their mayor, Ada Lind, "
        "told reporters the town would rebuild.",
        "the worst anyone",
        "Ada Lind",
    ),
]


@pytest.mark.parametrize(("name", "text", "words", "other"), NEXT_SENTENCE, ids=[c[0] for c in NEXT_SENTENCE])
def test_a_quotation_closing_the_sentence_is_not_the_next_speakers(
    nlp: Any, name: str, text: str, words: str, other: str
) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next(q for q in quotes if words in q.text)
    assert _shown(quote, actors) != other
    assert other not in quote.speaker_text


# (name, text, words of the quotation, its speaker)
SAME_SENTENCE = [
    (
        "a comma inside the marks goes on to the verb of saying",
        "The council called the plan “a reckless gamble with our coastline,” Mayor Ada Lind said.",
        "reckless gamble",
        "Ada Lind",
    ),
    (
        "the next sentence's speaker is the sentence's own subject going on",
        "The scholars faulted the minister for his reading of the treaty as “a licence to do nothing.” "
        "The scholars say the text demands the opposite.",
        "a licence to do nothing",
        "The scholars",
    ),
    (
        "a quotation that is a sentence of its own keeps the verb after it",
        "“We will not move from this square until the decree is withdrawn.” Ada Lind said on Friday.",
        "We will not move",
        "Ada Lind",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words", "speaker"), SAME_SENTENCE, ids=[c[0] for c in SAME_SENTENCE]
)
def test_a_verb_of_saying_after_the_quotation_still_attributes_it(
    nlp: Any, name: str, text: str, words: str, speaker: str
) -> None:
    assert _speaker_shown(nlp, text, words) == speaker
