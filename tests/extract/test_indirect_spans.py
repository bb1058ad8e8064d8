"""Which reported statements are found, and where their spans start and end (issue 14).

Sentences and names are invented for these tests. Each case gives the exact content a reader
would mark (the GGT annotation guidelines: an indirect quote includes its "that", leaves out the
speaker, the cue and words external to the speech) and, for the negatives, words that must not
open or be part of any statement.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.extract import extract_attributions
from lib.records import Document, Quote


def _doc(text: str) -> Document:
    return Document("t", "", "", None, "unknown", "en", "", "", text, ())


def _statements(nlp: Any, text: str) -> list[Quote]:
    return extract_attributions(_doc(text), nlp(text), [], {})[0]


# (case, text, the statement's exact text, a word of its speaker's surface)
FOUND = [
    (
        "that opens reported speech",
        "Ilse Varga said that the bridge would reopen in May.",
        "that the bridge would reopen in May",
        "Varga",
    ),
    (
        "a lead-in after that is the reporter's framing",
        "Ilse Varga said that for her part the harbour board would wait.",
        "the harbour board would wait",
        "Varga",
    ),
    (
        "speaker phrase and hearer after the content",
        "Three wardens stayed behind to guard the archive, a volunteer present during the flood "
        "told reporters.",
        "Three wardens stayed behind to guard the archive",
        "volunteer",
    ),
    (
        "a body after the content",
        "The ferry to Holm Island left two hours late on Sunday, the regional transport agency said.",
        "The ferry to Holm Island left two hours late on Sunday",
        "agency",
    ),
    (
        "inverted cue with an apposition",
        "The northern bridge was also badly damaged, said Ilse Varga, a spokeswoman for the county.",
        "The northern bridge was also badly damaged",
        "Varga",
    ),
    (
        "a long content with names in apposition",
        "Varga left for Holm on a night ferry on Monday accompanied by her deputy, Tom Ekdal, and two "
        "senior wardens, including Ana Roe, a key negotiator in the harbour talks, the island's "
        "official news service said.",
        "Varga left for Holm on a night ferry on Monday accompanied by her deputy, Tom Ekdal, and two "
        "senior wardens, including Ana Roe, a key negotiator in the harbour talks",
        "service",
    ),
    (
        "when and to whom after the cue",
        "Two boats sank in the storm, the coast guard told the Holm Gazette on Monday.",
        "Two boats sank in the storm",
        "guard",
    ),
]


@pytest.mark.parametrize(("case", "text", "content", "speaker"), FOUND, ids=[c[0] for c in FOUND])
def test_statement_span(nlp: Any, case: str, text: str, content: str, speaker: str) -> None:
    statements = _statements(nlp, text)
    match = [q for q in statements if q.text == content]
    assert match, [q.text for q in statements]
    assert speaker in match[0].speaker_text
    assert text[match[0].start : match[0].end] == content


# (case, text, words that no statement may contain)
NOT_FOUND = [
    (
        "a time clause before a verb with its own object",
        "But when the council cut the grant two years later, the town said enough.",
        "the council cut the grant",
    ),
    (
        "a verb of saying that modifies a noun",
        "He also met Tom Ekdal, a ferry captain who became a judge, a career Ekdal described in his memoir.",
        "He also met",
    ),
    (
        "a verb that only looks like a cue",
        "Combined with the delays, rising costs only add to the strain.",
        "Combined with the delays",
    ),
    (
        "the speaker's own voice",
        "The harbour will stay closed until June, I said.",
        "The harbour will stay closed",
    ),
]


@pytest.mark.parametrize(("case", "text", "absent"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_no_statement(nlp: Any, case: str, text: str, absent: str) -> None:
    assert not [q.text for q in _statements(nlp, text) if absent in q.text]
