"""A small hand-written corpus with every kind of record, for the dashboard's tests.

The two reports are invented (a fictional border crisis), written for these tests; every span
is located with ``str.index`` so ``text == doc.text[start:end]`` holds by construction.
"""

from __future__ import annotations

import re

from lib.records import (
    Actor,
    AlignedPair,
    Analysis,
    Comparison,
    Corpus,
    DateMention,
    Discrepancy,
    Document,
    Event,
    IngestError,
    Mention,
    Position,
    Quote,
    Span,
)

TEXT_A = (
    "Freedonia closed the Sylvania crossing on Monday. "
    "“We will not retreat,” said Rufus Firefly, the Freedonian leader. "
    "Sylvania has 2,000 troops at the border, officials said. "
    "<script>alert('x')</script> appeared in the page source."
)
TEXT_B = (
    "Rufus Firefly said Freedonia would not retreat. "
    "Sylvania counted 20,000 troops at the border. "
    "Ambassador Trentino called for talks in Geneva."
)


def span(doc_id: str, text: str, part: str) -> Span:
    start = text.index(part)
    return Span(doc_id, start, start + len(part), part)


def sentence_spans(doc_id: str, text: str) -> list[Span]:
    return [Span(doc_id, m.start(), m.end(), m.group()) for m in re.finditer(r"\S[^.]*\.?", text)]


def documents() -> tuple[Document, Document]:
    a = Document(
        "alpha-1", "Crossing closed", "Daily Ledger", "2023-03-14", "header", "en", "", "a.txt", TEXT_A
    )
    b = Document(
        "beta-1", "Troops counted", "Evening Post", "2023-03-15", "metadata", "en", "", "b.txt", TEXT_B
    )
    return a, b


ACTORS = (
    Actor("freedonia", "Freedonia", "country", ("Freedonian",)),
    Actor("sylvania", "Sylvania", "country"),
    Actor("rufus-firefly", "Rufus Firefly", "person", ("Firefly",), "freedonia", "leader"),
    Actor("trentino", "Trentino", "person", (), "sylvania", "ambassador"),
    Actor("geneva", "Geneva", "place"),
)


def mentions() -> list[Mention]:
    found = [
        ("alpha-1", TEXT_A, "freedonia", "Freedonia"),
        ("alpha-1", TEXT_A, "rufus-firefly", "Rufus Firefly"),
        ("alpha-1", TEXT_A, "sylvania", "Sylvania"),
        ("beta-1", TEXT_B, "rufus-firefly", "Rufus Firefly"),
        ("beta-1", TEXT_B, "freedonia", "Freedonia"),
        ("beta-1", TEXT_B, "trentino", "Ambassador Trentino"),
    ]
    return [Mention(d, a, s.text, s.start, s.end) for d, t, a, p in found for s in [span(d, t, p)]]


def quotes() -> list[Quote]:
    qa = span("alpha-1", TEXT_A, "We will not retreat,")
    sa = span("alpha-1", TEXT_A, "Rufus Firefly")
    qb = span("beta-1", TEXT_B, "Freedonia would not retreat")
    sb = span("beta-1", TEXT_B, "Rufus Firefly")
    qc = span("beta-1", TEXT_B, "called for talks in Geneva")
    return [
        Quote(
            "alpha-1",
            "rufus-firefly",
            "Rufus Firefly",
            qa.text,
            "direct",
            "said",
            qa.start,
            qa.end,
            0.9,
            sa.start,
            sa.end,
        ),
        Quote(
            "beta-1",
            "rufus-firefly",
            "Rufus Firefly",
            qb.text,
            "indirect",
            "said",
            qb.start,
            qb.end,
            0.8,
            sb.start,
            sb.end,
        ),
        Quote(
            "beta-1",
            "trentino",
            "Ambassador Trentino",
            qc.text,
            "indirect",
            "called for",
            qc.start,
            qc.end,
            0.7,
        ),
    ]


def dates() -> list[DateMention]:
    monday = span("alpha-1", TEXT_A, "Monday")
    return [DateMention("alpha-1", monday.text, monday.start, monday.end, "2023-03-13", "day")]


def events() -> list[Event]:
    closed = span("alpha-1", TEXT_A, "Freedonia closed the Sylvania crossing on Monday.")
    talks = span("beta-1", TEXT_B, "Ambassador Trentino called for talks in Geneva.")
    return [
        Event(
            "ev-1",
            "2023-03-13",
            "day",
            ("freedonia", "sylvania"),
            "Freedonia closes the crossing",
            (closed,),
            ("alpha-1",),
        ),
        Event(
            "ev-2",
            "2023-03-15",
            "on_or_before",
            ("trentino",),
            "Trentino calls for talks",
            (talks,),
            ("beta-1",),
        ),
        Event("ev-3", "2019", "year", ("sylvania",), "Earlier border dispute", (), ("beta-1",)),
    ]


def positions() -> list[Position]:
    retreat_a = span("alpha-1", TEXT_A, "We will not retreat,")
    retreat_b = span("beta-1", TEXT_B, "Freedonia would not retreat")
    talks = span("beta-1", TEXT_B, "called for talks in Geneva")
    return [
        Position("rufus-firefly", "withdrawal", "Troop withdrawal", "opposes", 2, (retreat_a, retreat_b)),
        Position("trentino", "talks", "Negotiations", "demands", 1, (talks,)),
    ]


def comparison() -> Comparison:
    pair = AlignedPair(
        span("alpha-1", TEXT_A, "“We will not retreat,” said Rufus Firefly, the Freedonian leader."),
        span("beta-1", TEXT_B, "Rufus Firefly said Freedonia would not retreat."),
        0.82,
    )
    troops = Discrepancy(
        "number",
        "troops at the border",
        span("alpha-1", TEXT_A, "2,000 troops"),
        span("beta-1", TEXT_B, "20,000 troops"),
        "2000 vs 20000 troops",
    )
    return Comparison(
        "alpha-1",
        "beta-1",
        (pair,),
        (span("alpha-1", TEXT_A, "Freedonia closed the Sylvania crossing on Monday."),),
        (span("beta-1", TEXT_B, "Ambassador Trentino called for talks in Geneva."),),
        (troops,),
        (),
        ("trentino",),
        ("rufus-firefly",),
    )


def sample_analysis() -> Analysis:
    a, b = documents()
    return Analysis(
        corpus=Corpus((a, b), (IngestError("/in/broken.pdf", "not a text format"),), 2),
        actors=ACTORS,
        mentions=tuple(mentions()),
        quotes=tuple(quotes()),
        dates=tuple(dates()),
        events=tuple(events()),
        numbers=(),
        positions=tuple(positions()),
        sentences=tuple(sentence_spans("alpha-1", TEXT_A) + sentence_spans("beta-1", TEXT_B)),
    )
