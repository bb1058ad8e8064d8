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
        # a figure in a question is asked about, not claimed
        "Why are we not 30 points ahead in the polls?",
        "“Did 5,000 workers really walk out?” she asked.",
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


@pytest.mark.parametrize(
    ("raw", "language", "value"),
    [
        ("100.000", "es", 100000),  # a point groups thousands where the comma is decimal
        ("100.000", "de", 100000),
        ("100,000", "en", 100000),
        ("100.000", "en", 100.0),  # in English the point is decimal
        ("1,5", "es", 1.5),
        ("2.5", "en", 2.5),
        ("1.234.567", "it", 1234567),  # a repeated separator always groups
        ("1,234,567", "en", 1234567),
        ("1.234,5", "pt", 1234.5),  # of two different separators the last is decimal
        ("1,234.5", "en", 1234.5),
        ("100\u00a0000", "fr", 100000),  # a no-break space groups
        ("1.2.3", "en", None),  # a version number, not an amount
        ("2014,2015", "en", None),  # a list of years
        ("2.5", "es", None),  # a grouping point before two digits: malformed, no guess
    ],
)
def test_amount_value_reads_the_language_convention(raw: str, language: str, value: float | None) -> None:
    from lib.extract.numbers import amount_value

    assert amount_value(raw, language) == value


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        ("Vaskor ha reunido 100.000 soldados en la frontera.", "es", (100000, "soldados")),
        ("Vaskor ha reunido 100 mil soldados en la frontera.", "es", (100000, "soldados")),
        ("Llegaron 1,5 millones de refugiados al valle.", "es", (1.5e6, "refugiados")),
        ("Ostrava hat 2,5 Milliarden Euro ausgegeben.", "de", (2.5e9, None)),
        ("Ostrava a envoyé 100 000 soldats.", "fr", (100000, "soldats")),
        ("Ostrava gathered 100,000 soldiers near the river.", "en", (100000, "soldiers")),
        ("Ostrava raised 2.5 million dollars for roads.", "en", (2.5e6, "dollars")),
        ("Ostrava raised 100k dollars for roads.", "en", (1e5, "dollars")),
    ],
)
def test_numbers_in_the_document_language(
    nlp: Any, text: str, language: str, want: tuple[float, str | None]
) -> None:
    doc = Document("t", "", "", None, "unknown", language, "", "", text)
    (claim,) = extract_numbers(doc, nlp(text))
    assert claim.amount == want[0] and claim.language == language
    assert want[1] is None or claim.counted == want[1]


def test_long_scale_billion() -> None:
    from lib.extract.numbers import scale_value

    assert scale_value("billion", "en") == 1e9
    assert scale_value("Billion", "de") == 1e12  # a German Billion is a million millions
    assert scale_value("mil", "es") == 1e3


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("The council paid $40 million in fees.", {"paid", "fees"}),
        ("The turnout rate was 61 percent.", {"rate"}),
        ("The guild gave 10 percent of its income to schools.", {"gave", "income"}),
        ("They booked a $900 dinner at the harbour.", {"dinner"}),
    ],
)
def test_frame_says_what_a_figure_measures(nlp: Any, text: str, frame: set[str]) -> None:
    (claim,) = extract_numbers(_doc(text), nlp(text))
    assert frame <= set(claim.frame)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a numeral after a proper noun is part of a name, not a quantity
        ("The Varnex 300 index gained 12 points on the day.", [(12, "points", "")]),
        ("A Corvane 550 jet carried 90 passengers to the coast.", [(90, "passengers", "")]),
        # a numeral after a common word or a possessive is counted
        ("Eastland's 4,000 soldiers left the camp.", [(4000, "soldiers", "")]),
        ("Officials counted 300 boats in the harbour.", [(300, "boats", "")]),
    ],
)
def test_a_numeral_in_a_name_is_no_quantity(nlp: Any, text: str, want: list[tuple[float, str, str]]) -> None:
    assert _claims(nlp, text) == want
