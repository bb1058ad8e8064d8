"""Direct quotations: which are statements, and when two of them are one (issue 14).

Sentences and names are invented for these tests. GGT keeps two quotations around their
attribution as two statements; PolNeAR joins them into one content ("join", the wide records),
unless a second verb of saying comes between them.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.extract import extract_attributions
from lib.records import Document, Quote


def _doc(text: str) -> Document:
    return Document("t", "", "", None, "unknown", "en", "", "", text, ())


def _run(nlp: Any, text: str) -> tuple[list[Quote], list[Quote]]:
    return extract_attributions(_doc(text), nlp(text), [], {})


# (case, text, the statement's exact text, a word of its speaker's surface)
SHORT = [
    (
        "a short sentence said by a description",
        '"We need change," the harbour master said, arguing that the fees were fair.',
        '"We need change,"',
        "master",
    ),
    (
        "a short sentence said by a body",
        "“Not this year.” the ferry company said on Monday.",
        "“Not this year.”",
        "company",
    ),
]


@pytest.mark.parametrize(("case", "text", "quote", "speaker"), SHORT, ids=[c[0] for c in SHORT])
def test_short_spoken_sentence(nlp: Any, case: str, text: str, quote: str, speaker: str) -> None:
    statements, _ = _run(nlp, text)
    match = [q for q in statements if q.text == quote]
    assert match, [q.text for q in statements]
    assert speaker in match[0].speaker_text


# short quoted words inside the reporter's sentence stay scare quotes or titles
NOT_SPOKEN = [
    ("a scare quote", 'The board called it a "fresh start" for the port, the mayor said.', '"fresh start"'),
    ("a title", "Ekdal's new film “Low Tide” opens on Friday, the studio said.", "“Low Tide”"),
    (
        "a long title no cue attributes",
        "The cast carry the film well. “The Night the Harbour Froze Over” opens on Friday.",
        "“The Night the Harbour Froze Over”",
    ),
    (
        "a linked story's title",
        "“We stayed all night,” Varga said.\n\nREAD MORE: ‘The ferry that never came’: a year on the island",
        "‘The ferry that never came’",
    ),
    (
        "a heading repeated in ordinary case",
        "Further Reading: How Ferries Are Built And Run\n\nThe crossing takes an hour.\n\n"
        "Further Reading: What The Harbour Board Decides Each Year",
        "How Ferries Are Built And Run",
    ),
]


@pytest.mark.parametrize(("case", "text", "absent"), NOT_SPOKEN, ids=[c[0] for c in NOT_SPOKEN])
def test_short_words_in_a_sentence_are_no_statement(nlp: Any, case: str, text: str, absent: str) -> None:
    statements, wide = _run(nlp, text)
    assert absent not in [q.text for q in statements + wide]


def test_a_transcript_label_repeated_names_its_speaker(nlp: Any) -> None:
    text = (
        "Partial transcript follows.\n\nMORSE: Will the ferry run this winter, minister?\n\n"
        "VARGA: It will run twice a day from the first of December.\n\n"
        "MORSE: And the fares, will they rise this year?"
    )
    statements, _ = _run(nlp, text)
    assert ("MORSE", "Will the ferry run this winter, minister?") in [
        (q.speaker_text, q.text) for q in statements
    ]


# (case, text, whether the two quotations are joined in the wide records)
JOINS = [
    ("one attribution between", "“The fees stay,” Varga said. “The ferries will run on time.”", True),
    (
        "a second verb of saying between",
        "“The fees stay,” Varga said, adding later, “The ferries will run on time.”",
        False,
    ),
]


@pytest.mark.parametrize(("case", "text", "joined"), JOINS, ids=[c[0] for c in JOINS])
def test_joined_quotations(nlp: Any, case: str, text: str, joined: bool) -> None:
    statements, wide = _run(nlp, text)
    assert [q.text for q in statements if q.kind == "direct"][:2] == [
        text[: text.index("”") + 1],
        text[text.rindex("“") :],
    ]
    whole = [q for q in wide if q.text.startswith("“The fees stay,”") and q.text.endswith("on time.”")]
    assert bool(whole) == joined
    parts = [q.scope for q in statements if q.kind == "direct"]
    assert parts == (["part", "part"] if joined else ["statement", "statement"])


def test_quoted_words_ending_an_acts_content_are_counted_once_in_the_wide_records(nlp: Any) -> None:
    """GGT: the quotation is a statement; PolNeAR: one attribution, the act's whole content."""
    text = "Varga promised to strictly fine “anyone who ignores the harbour rules.”"
    statements, wide = _run(nlp, text)
    quoted = [q for q in statements if q.text == "“anyone who ignores the harbour rules.”"]
    assert quoted and quoted[0].scope == "part"
    assert [q.text for q in wide] == ["to strictly fine “anyone who ignores the harbour rules"]


def test_two_quotations_coordinated_in_one_report_are_one_wide_content(nlp: Any) -> None:
    text = "Varga is claiming that the fee is “a real problem for the island” but “nobody dares to fix it.”"
    statements, wide = _run(nlp, text)
    assert "“nobody dares to fix it.”" in [q.text for q in statements]  # GGT: apart
    assert [q.text for q in wide] == [text[text.index("that") : -1] + "”"]
    assert {q.scope for q in statements} == {"part"}
