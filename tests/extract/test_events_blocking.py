"""The event merge's blocking: one similarity search for every keyed item, pairs kept when they
share a key; the days a date reaches; and merge_into (adding reports) against a full merge.
Sentences and names are made up for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.events.extract import PRECISION_RANK, make_event, merge_events, merge_into, within_reach
from lib.records import Event, Span
from lib.text.similarity import TfIdf, candidate_pairs, cosine, terms

ALIKE = "The Corvane council reopened the Brell ferry crossing to lorries."


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    words = [terms(t) for t in texts]
    tfidf = TfIdf(words)
    return [tfidf.vector(w) for w in words]


@pytest.mark.parametrize(
    ("keys_a", "keys_b", "listed"),
    [
        (("corvane",), ("corvane",), True),  # one common key
        (("corvane", "brell"), ("brell", "corvane"), True),  # several: the pair is still listed once
        (("corvane", "brell", "osk"), ("osk",), True),
        (("corvane",), ("brell",), False),  # alike words, no common key: never compared
        ((), ("corvane",), False),  # an item without a key is in no block
        ((), (), False),
    ],
)
def test_a_pair_is_listed_once_when_it_shares_a_key(
    keys_a: tuple[str, ...], keys_b: tuple[str, ...], listed: bool
) -> None:
    vectors = _vectors([ALIKE, ALIKE, "Fishing quotas in the Tarn estuary were cut."])
    keys = [keys_a, keys_b, keys_a + keys_b]  # the third shares keys with both, not their words
    pairs = list(candidate_pairs(vectors, 0.25, keys))
    assert len(pairs) == len(set(pairs))
    assert ((0, 1) in pairs) == listed
    assert all(j != 2 for _, j in pairs)  # unlike words: no pair however many keys it shares


@pytest.mark.parametrize(
    ("reach", "listed"),
    [
        (((10, 20), (15, 30)), True),  # overlapping days
        (((10, 20), (20, 30)), True),  # touching on one day
        (((10, 20), (21, 30)), False),  # apart: never met
        (((40, 50), (10, 20)), False),  # apart, the later item first
    ],
)
def test_reaches_that_do_not_meet_are_not_compared(reach: tuple[tuple[int, int], ...], listed: bool) -> None:
    pairs = list(candidate_pairs(_vectors([ALIKE, ALIKE]), 0.25, [("corvane",)] * 2, list(reach)))
    assert (pairs == [(0, 1)]) == listed


def _ev(source: str, date: str, precision: Any, actors: tuple[str, ...], text: str) -> Event:
    return make_event(date, precision, actors, Span(source, 0, len(text), text), (source,))


@pytest.mark.parametrize(
    ("date", "precision", "near"),
    [
        ("2023-05-10", "day", True),  # the new event's own day
        ("2023-05-03", "day", True),  # a week before a bound of 10 May: it can be what the bound says
        ("2023-05-02", "day", False),  # eight days before: too old for the bound
        ("2023-05-11", "day", False),  # after the bound
        ("2023-05", "month", True),  # a month holding the day
        ("2023-04", "month", False),
        ("2023-05-16", "on_or_before", True),  # another bound within a week
        ("2023-05-25", "on_or_before", False),
        ("2023-07-01", "day", True),  # the second new event's day
        ("not a date", "day", True),  # an unreadable value reaches every day
    ],
)
def test_within_reach(date: str, precision: str, near: bool) -> None:
    new = [
        _ev("n1", "2023-05-10", "on_or_before", ("corvane",), ALIKE),
        _ev("n2", "2023-07-01", "day", ("corvane",), ALIKE),
    ]
    assert within_reach([(date, precision)], new) == [near]


def test_within_reach_of_no_new_event_is_nothing() -> None:
    assert within_reach([("2023-05-10", "day")], []) == [False]


STORIES = [
    # (source, date, precision, actors, text): three stories told by several outlets, and lone items
    ("alba", "2023-05-10", "day", ("corvane",), "The Corvane council reopened the Brell ferry crossing."),
    ("brio", "2023-05-11", "on_or_before", ("corvane",), "Corvane council reopens Brell ferry crossing."),
    ("cato", "2023-05-10", "day", ("corvane", "brell"), "Brell ferry crossing reopened by Corvane council."),
    ("alba", "2023-06-02", "day", ("osk",), "Osk miners ended their strike after a pay deal."),
    ("brio", "2023-06-02", "day", ("osk",), "Miners in Osk ended the strike with a pay deal."),
    ("dune", "2023-06-04", "on_or_before", ("osk",), "The Osk miners' strike is over after a pay deal."),
    ("cato", "2023-09-20", "day", ("tarn",), "Tarn port workers unloaded the first grain ship."),
    ("dune", "2023-09-20", "day", ("tarn",), "The first grain ship was unloaded by Tarn port workers."),
    ("alba", "2023-05-10", "day", ("tarn",), "Tarn announced a census of its fishing fleet."),
    ("brio", "2023-06-02", "day", ("corvane",), "Corvane opened a library in its old town hall."),
]


def _stories() -> list[Event]:
    return [_ev(*row) for row in STORIES]


def _incremental(events: list[Event], added: set[int]) -> list[Event]:
    """The events of every report but ``added`` merged, then those of ``added`` merged into them."""
    old = merge_events([e for k, e in enumerate(events) if k not in added])
    taken, replaced = merge_into(old, [events[k] for k in sorted(added)])
    kept = [e for k, e in enumerate(old) if k not in taken]
    return sorted([*kept, *replaced], key=lambda e: (e.date, PRECISION_RANK[e.precision], e.summary, e.id))


@pytest.mark.parametrize(
    "added",
    [
        {1},  # a bound joining a day's event
        {0, 4},  # one report of each of two stories
        {5},  # a bound two days after
        {7},  # the second report of a story
        {8},  # a lone item: joins nothing
        {9},  # same actor and day as a story, other words: joins nothing
        set(range(5, 10)),  # half the corpus at once
    ],
)
def test_merge_into_gives_the_full_merge(added: set[int]) -> None:
    events = _stories()
    full = merge_events(events)
    assert len(full) == 5  # three stories and two lone items: the merge is not vacuous
    assert _clusters(_incremental(events, added)) == _clusters(full)


def _clusters(events: list[Event]) -> set[tuple[object, ...]]:
    """What the merge decided: which reports' evidence is one event, on which date. Not the summary:
    of two reports stating the same day the first joined gives it, and adding reports changes
    which was joined first (the full merge's own order is kept as it was)."""
    return {(e.date, e.precision, e.sources, frozenset(e.actors), frozenset(e.evidence)) for e in events}


WIRE = "Corvane council reopens Brell ferry crossing to lorries."


@pytest.mark.parametrize(
    ("rows", "groups"),
    [
        # (source, date, precision, actors, text) -> the copies, by index
        (
            [("a", "2023-05-10", "day", ("corvane",), WIRE)] * 3,
            [[0, 1, 2]],
        ),  # one source thrice: still copies
        (
            [("a", "2023-05-10", "day", ("corvane",), WIRE), ("b", "2023-05-10", "day", ("corvane",), WIRE)],
            [[0, 1]],
        ),
        (  # another day, another date kind, other actors, other words: not copies
            [
                ("a", "2023-05-10", "day", ("corvane",), WIRE),
                ("b", "2023-05-11", "day", ("corvane",), WIRE),
                ("c", "2023-05-10", "on_or_before", ("corvane",), WIRE),
                ("d", "2023-05-10", "day", ("brell",), WIRE),
                ("e", "2023-05-10", "day", ("corvane",), WIRE.replace("lorries", "buses")),
                ("f", "2023-05-10", "day", ("corvane",), WIRE),
            ],
            [[0, 5], [1], [2], [3], [4]],
        ),
    ],
)
def test_copies_are_one_sentence_on_one_date_with_the_same_actors(
    rows: list[tuple[Any, ...]], groups: list[list[int]]
) -> None:
    from lib.extract.events.extract import _copies, _head_words

    events = [_ev(*row) for row in rows]
    assert _copies(events, [_head_words(e) for e in events]) == groups


@pytest.mark.parametrize("outlets", [2, 5, 12])
def test_wire_copies_merge_as_every_pair_scored(outlets: int) -> None:
    """A wire sentence in many reports (two of them from one outlet, which cannot join each other)
    beside a day's report in other words and an unrelated item: the merge with copies searched once
    equals the merge scoring every pair."""
    from lib.extract.events import extract as ev

    rows: list[tuple[str, str, str, tuple[str, ...], str]]
    rows = [(f"o{k}", "2023-05-12", "on_or_before", ("corvane",), WIRE) for k in range(outlets)]
    rows += [("o0", "2023-05-11", "on_or_before", ("corvane",), WIRE)]  # the same outlet again
    rows += [("day", "2023-05-10", "day", ("corvane", "brell"), "The Corvane council reopened the ferry.")]
    rows += [("x", "2023-05-12", "on_or_before", ("tarn",), "Tarn counted its fishing fleet.")]
    events = [_ev(*row) for row in rows]
    merged = merge_events(events)
    words = [ev._head_words(e) for e in events]
    tfidf = TfIdf(words)
    vectors = [tfidf.vector(w) for w in words]
    pairs = [
        (score, i, j)
        for i in range(len(events))
        for j in range(i + 1, len(events))
        if set(events[i].actors) & set(events[j].actors)
        and not set(events[i].sources) & set(events[j].sources)
        and ev._dates_compatible(events[i], events[j])
        and (score := cosine(vectors[i], vectors[j])) >= ev.merge_min(events[i], events[j])
    ]
    best_first = ((i, j) for _, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])))
    every = [ev._merge([events[k] for k in c.members]) for c in ev._clusters(events, best_first, vectors)]
    assert merged == sorted(every, key=lambda e: (e.date, PRECISION_RANK[e.precision], e.summary, e.id))
    assert len(merged) < len(events)  # the copies did merge
