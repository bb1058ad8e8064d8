"""Numeric claims: amount, counted noun, qualifier and provenance."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.numbers import extract_numbers
from lib.records import Document


def _doc(text: str, doc_id: str = "t") -> Document:
    return Document(doc_id, "", "", None, "unknown", "en", "", "", text)


def _claims(nlp: Any, text: str) -> list[tuple[float, str, str]]:
    doc = _doc(text)
    return [(c.amount, c.counted, c.qualifier) for c in extract_numbers(doc, nlp(text))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The army has gathered over 100 thousand soldiers near the river.", [(100000, "soldiers", "over")]),
        ("Officials counted more than 10,000 soldiers in the camp.", [(10000, "soldiers", "more than")]),
        ("About 1.5 million people left the region.", [(1.5e6, "people", "about")]),
        ("Some 100k protesters gathered downtown.", [(1e5, "protesters", "some")]),
        ("The fund received $2.5 billion last year.", [(2.5e9, "dollars", "")]),
        ("Turnout reached nearly 40 percent in the city.", [(40, "percent", "nearly")]),
        ("Prices rose by 12% in a month.", [(12, "percent", "")]),
        ("The plan has three main points.", [(3, "points", "")]),
        ("They deployed 3 new air defence systems.", [(3, "systems", "")]),
        ("They sent 2,000 of their best troops.", [(2000, "troops", "")]),
    ],
)
def test_extracts_claims(nlp: Any, text: str, want: list[tuple[float, str, str]]) -> None:
    assert _claims(nlp, text) == want


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 2014.",  # a year is a date, not a count
        "They met on January 26, 2022 at 10:30.",
        "Dozens of tanks and tens of thousands of troops moved.",  # vague
        "The first ship arrived.",
        "Read more at https://t.co/4dQcLYEsK6 today.",
        "The G7 leaders met.",
        "He was one of the speakers.",
        "The score was 3 to the delight of fans.",
    ],
)
def test_skips_non_claims(nlp: Any, text: str) -> None:
    assert _claims(nlp, text) == []


def test_span_and_sentence_provenance(nlp: Any) -> None:
    text = "Calm day. Officials counted more than 10,000 soldiers in the camp."
    doc = _doc(text, "p")
    (claim,) = extract_numbers(doc, nlp(text))
    assert claim.text == text[claim.start : claim.end] == "more than 10,000 soldiers"
    assert claim.sentence is not None and claim.sentence.text.startswith("Officials counted")
    assert claim.sentence.text == text[claim.sentence.start : claim.sentence.end]
    assert claim.doc_id == "p"


@pytest.mark.parametrize(
    ("doc_id", "snippet", "amount", "qualifier"),
    [
        ("seed-000", "over 100 thousand soldiers", 100000, "over"),
        ("seed-001", "more than 10,000 soldiers", 10000, "more than"),
    ],
)
def test_seed_headline_numbers(
    nlp: Any, seed_gold: dict[str, Any], doc_id: str, snippet: str, amount: float, qualifier: str
) -> None:
    from tests.conftest import DATA

    text = (DATA / f"{doc_id}.txt").read_text(encoding="utf-8")
    claims = extract_numbers(_doc(text, doc_id), nlp(text))
    assert (amount, "soldiers", qualifier, snippet) in [
        (c.amount, c.counted, c.qualifier, c.text) for c in claims
    ]
    assert seed_gold["discrepancies"][0][doc_id] == snippet
    assert not [c for c in claims if c.amount == 2014]  # "in 2014" is a date


def test_the_tokens_of_a_span_found_by_bisection_are_those_a_scan_finds(nlp: Any) -> None:
    from lib.extract.numbers import _tokens_in

    text = "Over 100 thousand  soldiers, i.e. 10,000 more,\n\nwere seen (near Kyiv) on 3 March."
    sdoc = nlp(text)
    starts = [t.idx for t in sdoc]
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            scan = [t.i for t in sdoc if t.idx < end and t.idx + len(t.text) > start]
            assert [t.i for t in _tokens_in(sdoc, starts, start, end)] == scan, (start, end)
