"""A document as the source and its author as the speaker (issue 14, ninth round).

Sentences written for these tests (fictional people and bodies). The property of news writing: a
report introduces a document with its author ("X filed a lawsuit", "a study by X", "X issued a
statement", "a complaint was filed by X") and later cites it by a noun alone, often another noun
of the same kind ("the suit", "the report", "the release", "the document"); the document's words
are its author's (the GGT annotation guidelines resolve such a source to the author). Where no
author is named, or the nearest document of that kind has none, the surface stays with no actor.
The page shows the document as written and the author as its actor. They pin behaviour; they
measure nothing about real news (docs/quality.md has the dev figures).
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.speakers import BASIS_CERTAINTY, Basis
from tests.extract.test_quotes import _with_actors

# (name, text, words of the statement, the speaker as written, the author's actor name or None)
DOCUMENTS = [
    (
        "the same kind of noun: a suit after a lawsuit",
        "The Harbour Tenants Union filed a lawsuit against the city on Monday. The suit says the rents "
        "were raised unlawfully.",
        "the rents were raised",
        "The suit",
        "Harbour Tenants Union",
    ),
    (
        "a report after a study by its author",
        "A study by the Coastal Research Institute looked at forty harbours. The report said the silt "
        "had doubled since 2010.",
        "the silt had doubled",
        "The report",
        "Coastal Research Institute",
    ),
    (
        "a release after a statement its author issued",
        "Northwind Freight issued a statement on Tuesday morning. The release says two hundred jobs "
        "will go by March.",
        "two hundred jobs will go",
        "The release",
        "Northwind Freight",
    ),
    (
        "a memo after a letter its author sent",
        "The Lakeside Residents Association sent a letter to the council on Friday. The memo says the "
        "noise rules were broken twice.",
        "the noise rules were broken",
        "The memo",
        "Lakeside Residents Association",
    ),
    (
        "the passive: a complaint filed by its author",
        "A complaint was filed by the Lakeside Residents Association in March. The complaint says the "
        "plant broke the noise rules.",
        "the plant broke the noise rules",
        "The complaint",
        "Lakeside Residents Association",
    ),
    (
        "a plural noun refers to its singular",
        "The Valdora Herald published two reports on the mine last week. The reports said the mine "
        "had flooded twice.",
        "the mine had flooded",
        "The reports",
        "Valdora Herald",
    ),
    (
        "a generic noun refers to the document of any kind before it",
        "The Harbour Tenants Union filed a lawsuit against the city on Monday. The document says the "
        "rents were raised unlawfully.",
        "the rents were raised",
        "The document",
        "Harbour Tenants Union",
    ),
    (
        "two documents by two authors: each noun finds its own",
        "The Harbour Tenants Union filed a lawsuit against the city in May. In June, the Coastal "
        "Research Institute published a study of the rents. The lawsuit says the increases were "
        "unlawful.",
        "the increases were unlawful",
        "The lawsuit",
        "Harbour Tenants Union",
    ),
    (
        "two documents by two authors: the other one",
        "The Harbour Tenants Union filed a lawsuit against the city in May. In June, the Coastal "
        "Research Institute published a study of the rents. The report said rents had doubled since "
        "2015.",
        "rents had doubled",
        "The report",
        "Coastal Research Institute",
    ),
    (
        "negative: a document with no author named keeps its surface",
        "A complaint filed on Monday gives the fullest account yet of the fire. The complaint says the "
        "fire began at noon.",
        "the fire began at noon",
        "The complaint",
        None,
    ),
    (
        "negative: the nearer document of the kind has no author named",
        "The Harbour Tenants Union filed a lawsuit against the city in May. A second lawsuit was filed "
        "in June. The suit says the rents were raised unlawfully.",
        "the rents were raised",
        "The suit",
        None,
    ),
    (
        "negative: a document of another kind lends no author",
        "Mayor Ida Brandt sent a letter to the council on Friday. The lawsuit says the rents were "
        "raised unlawfully.",
        "the rents were raised",
        "The lawsuit",
        None,
    ),
    (
        "an agent of an authoring verb in the document's phrase",
        "A study conducted by the Coastal Research Institute said the silt had doubled since 2010.",
        "the silt had doubled",
        "A study conducted by the Coastal Research Institute",
        "Coastal Research Institute",
    ),
    (
        "negative: who read the documents did not write them",
        "Emails combed through by the Valdora Herald say the mine had flooded twice.",
        "the mine had flooded",
        "Emails",
        None,
    ),
    (
        "negative: who paid for a study did not write it",
        "A study funded by Northwind Freight said the harbour was silting up.",
        "the harbour was silting up",
        "A study",
        None,
    ),
    (
        "negative: the paper (as often the newspaper) is no noun of a study's kind",
        "A study by the Coastal Research Institute looked at forty harbours. The paper said the silt "
        "had doubled since 2010.",
        "the silt had doubled",
        "The paper",
        None,
    ),
    (
        "negative: research a study used is not the study (a mass noun is no antecedent)",
        "The Coastal Research Institute study used research from Kestrel Analytics. The study said "
        "the silt had doubled.",
        "the silt had doubled",
        "The study",
        "Coastal Research Institute",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "words", "written", "author"), DOCUMENTS, ids=[c[0] for c in DOCUMENTS]
)
def test_a_document_speaks_for_its_author(
    nlp: Any, name: str, text: str, words: str, written: str, author: str | None
) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next(q for q in quotes if words in q.text)
    # the page shows the document as written (PolNeAR's source) and its author as the actor (GGT's)
    assert quote.speaker_text == written
    actor = actors.get(quote.speaker_id) if quote.speaker_id else None
    assert (actor.name if actor else None) == author


def test_an_author_found_earlier_is_less_sure_than_a_name() -> None:
    # the link runs through the text's reference to its document: weaker evidence than a name
    assert BASIS_CERTAINTY[Basis.AUTHOR_EARLIER] < BASIS_CERTAINTY[Basis.NAME]
