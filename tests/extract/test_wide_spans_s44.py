"""Session 44: where a wide attribution's object content ends (PolNeAR's definition).

Hand-written sentences with fictional names and places; negative cases included.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.extract import extract_attributions
from lib.records import Document, Quote


def _doc(text: str) -> Document:
    return Document("t", "", "", None, "unknown", "en", "", "", text, ())


def _wide(nlp: Any, text: str) -> list[Quote]:
    return extract_attributions(_doc(text), nlp(text), [], {})[1]


# (text, the wide content, what it must not take in)
APPENDED = [
    # a non-restrictive relative clause on the object: the writer's information about the thing
    (
        "Councillor Berit Anselm praised the new ferry timetable, which will take effect in May.",
        "the new ferry timetable",
        "effect in May",
    ),
    # an apposition after a comma
    (
        "Senator Oskar Vell endorsed the harbour levy, the third such charge in a decade.",
        "the harbour levy",
        "third such charge",
    ),
    # a single dash opening the writer's gloss
    (
        "Mayor Ilse Marren thanked the dock workers for their patience - a rare gesture from her office.",
        "the dock workers for their patience",
        "rare gesture",
    ),
]


@pytest.mark.parametrize(("text", "content", "appended"), APPENDED)
def test_an_object_content_ends_before_what_the_writer_appends(
    nlp: Any, text: str, content: str, appended: str
) -> None:
    wide = _wide(nlp, text)
    assert any(q.text == content for q in wide), [q.text for q in wide]
    assert not any(appended in q.text for q in wide), [q.text for q in wide]


KEPT = [
    # a pair of dashes around an aside stays inside the object
    (
        "Councillor Berit Anselm praised the new -- and much delayed -- ferry timetable.",
        "much delayed -- ferry timetable",
    ),
    # a restrictive relative clause (no comma) is part of what was praised
    ("Councillor Berit Anselm praised the plan that would widen the old pier.", "widen the old pier"),
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_an_aside_or_a_restrictive_clause_stays_in_the_content(nlp: Any, text: str, kept: str) -> None:
    wide = _wide(nlp, text)
    assert any(kept in q.text for q in wide), [q.text for q in wide]


def test_a_reported_clause_keeps_its_supplement(nlp: Any) -> None:
    # whose words a supplement inside a "that"-clause is cannot be told: it stays
    text = "Oskar Vell said that the levy would fund the pier, which the council had promised for years."
    statements = extract_attributions(_doc(text), nlp(text), [], {})[0]
    assert any("promised for years" in q.text for q in statements), [q.text for q in statements]
