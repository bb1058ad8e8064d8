"""A law the statement judges is its target when no person or body stands beside it
(lib/extract/laws.py, lib/extract/targets.py: _with_law). The parser's LAW and PERSON entities are
set by hand (the names are invented; the model's tagging of them is not under test); the parse is
the model's. Sentences and names written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.tokens import Span

from lib.extract import targets
from lib.records import Actor, Document, Mention, Quote

LAW = "Harbour Safety Act"
PEOPLE = ("Tomas Orrin", "Ada Quell", "Lio Park")
ACTORS = {n.lower().replace(" ", "-"): Actor(n.lower().replace(" ", "-"), n, "person") for n in PEOPLE}


def _parsed(nlp: Any, text: str) -> Any:
    sdoc = nlp(text)
    spans: list[Span] = []
    for name, label in ((LAW, "LAW"), *((p, "PERSON") for p in PEOPLE)):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            span = sdoc.char_span(m.start(), m.end(), label=label)
            assert span is not None
            spans.append(span)
    sdoc.ents = sorted(spans, key=lambda s: s.start)
    return sdoc


def _mentions(text: str) -> list[Mention]:
    return sorted(
        (
            Mention("d1", name.lower().replace(" ", "-"), m.group(0), m.start(), m.end())
            for name in PEOPLE
            for pattern in (name, name.split()[-1])
            for m in re.finditer(rf"\b{pattern}\b(?! Quell| Orrin| Park)", text)
            if pattern == name or not text[max(0, m.start() - 5) : m.start()].strip().istitle()
        ),
        key=lambda m: m.start,
    )


def _targets(
    nlp: Any, text: str, said: str, speaker: str = "Tomas Orrin"
) -> list[tuple[str | None, str | None, str | None]]:
    start = text.rindex(said)
    at = text.rindex(speaker, 0, start) if speaker in text[:start] else text.index(speaker)
    quote = Quote(
        "d1",
        "tomas-orrin",
        speaker,
        said,
        "direct",
        "said",
        start,
        start + len(said),
        0.9,
        at,
        at + len(speaker),
    )
    doc = Document("d1", "", "Ledger", "2023-05-02", "header", "en", "", "", text)
    (found,) = targets.with_targets(doc, _parsed(nlp, text), [quote], _mentions(text), ACTORS)
    return [(t.name, t.actor_id, t.polarity) for t in found.targets]


INTRO = "Ada Quell signed the Harbour Safety Act in May. Quell defended it again. Quell spoke on Monday. "


@pytest.mark.parametrize(
    ("said", "want"),
    [
        # the named law as the subject of the judging predicate
        ("The Harbour Safety Act is a disaster for the fishing towns,", (LAW, None, "neg")),
        # a described law ("the law", "this bill") is the last law the report named
        ("This bill has been a failure from the start,", (LAW, None, "neg")),
        ("The law is a success, and the towns are safer for it,", (LAW, None, "pos")),
        # the object of the judging predicate, the speaker its subject
        ("I strongly oppose the law,", (LAW, None, "neg")),
        ("We have always backed this bill,", (LAW, None, "pos")),
    ],
)
def test_a_judged_law_is_the_target(nlp: Any, said: str, want: tuple[str, None, str]) -> None:
    text = INTRO + f'"{said}" Tomas Orrin said.'
    got = _targets(nlp, text, said)
    assert got[0] == want
    # the protagonist the statement does not name is not listed as judged beside the law
    assert all(actor != "ada-quell" for _, actor, _ in got)


@pytest.mark.parametrize(
    "said",
    [
        # a person beside the law: the subject of its predicate, or its possessor
        "Quell rammed the law through in a reckless rush,",
        "Quell's law is a disaster,",
        "She wrote this bill in a reckless rush,",
        # the clause says nothing of the law's worth
        "The law takes effect in June,",
        # the judging words are another clause's, not the law's predicate's
        "The old ferries were a disaster, and the law takes effect in June,",
        # the law is not named in the statement: the report's prior does not make it the target
        "Quell has been a disaster for the fishing towns,",
        # a law noun in another sense
        "The measure of a leader is a disaster like this one,",
    ],
)
def test_no_law_target(nlp: Any, said: str) -> None:
    text = INTRO + f'"{said}" Tomas Orrin said.'
    assert all(name != LAW for name, _, _ in _targets(nlp, text, said))


def test_a_described_law_needs_a_law_named_before(nlp: Any) -> None:
    """No law named in the report: "the law" refers to nothing the reader was given."""
    said = "The law is a disaster for the fishing towns,"
    text = f'Ada Quell spoke on Monday. Quell spoke again. "{said}" Tomas Orrin said.'
    assert all(name is None for name, _, _ in _targets(nlp, text, said))


@pytest.mark.parametrize(
    ("text", "said", "speaker", "want"),
    [
        # the reporter's frame: the quoted words complete the law's predicate
        (
            INTRO + 'Tomas Orrin said the law is "a disaster for the towns."',
            "a disaster for the towns.",
            "Tomas Orrin",
            "neg",
        ),
        (
            INTRO + 'Tomas Orrin called the bill "reckless and cruel."',
            "reckless and cruel.",
            "Tomas Orrin",
            "neg",
        ),
        # the speaker as a pronoun, subject of the reporting verb
        (INTRO + 'Tomas Orrin spoke. He called the bill "a great success."', "a great success.", "He", "pos"),
    ],
)
def test_a_framed_law(nlp: Any, text: str, said: str, speaker: str, want: str) -> None:
    assert _targets(nlp, text, said, speaker)[0] == (LAW, None, want)


def test_a_law_outside_the_quote_that_it_does_not_complete(nlp: Any) -> None:
    """The law in the reporter's sentence is no argument of the quoted predicate."""
    said = "a disaster for the towns."
    text = INTRO + f'Tomas Orrin, who voted for the law, said Quell was "{said}"'
    assert all(name != LAW for name, _, _ in _targets(nlp, text, said))
