"""Reports grouped by event (lib/extract/actors/reports.py): the linear search against the
definition (single link over every pair of reports above the threshold), wire copies, order."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import pytest

from lib.extract.actors import reports
from lib.extract.actors.reports import SAME_EVENT, SHARED_TERMS, report_groups
from lib.text.rows import Floats, Ints, Rows
from lib.text.similarity import TfIdf, cosine, terms

# Three made-up events, two or three reports each, and an unrelated note.
FLOOD = (
    "The Varrow river burst its banks near Elmsby on Thursday, flooding forty homes and the old "
    "mill road; volunteers filled sandbags through the night, the county engineer said."
)
FLOOD_2 = (
    "Forty homes in Elmsby were flooded when the Varrow river rose over its banks on Thursday, "
    "and volunteers worked through the night with sandbags along the mill road."
)
FLOOD_3 = (
    "The county engineer said the Varrow had not risen so high near Elmsby in thirty years, and "
    "the mill road stays closed until the sandbags are cleared."
)
THEFT = (
    "Thieves took three bronze masks from the Quarrel Hill museum before dawn on Sunday, cutting "
    "through a skylight while the alarm was being repaired, the curator told police."
)
THEFT_2 = (
    "Police are looking for the thieves who cut through a skylight of the Quarrel Hill museum and "
    "took three bronze masks on Sunday while its alarm was out of order."
)
VOTE = (
    "Members of the Tarn valley rowing club voted to paint their boathouse green and to hold the "
    "summer regatta a week later than usual."
)
VOTE_2 = (
    "The Tarn valley rowing club will hold its summer regatta a week later this year, members "
    "decided at a meeting that also chose a green coat of paint for the boathouse."
)
NOTE = "Lena Orvik spoke."


def _copy(text: str, n: int) -> str:
    """A wire copy: the story with one figure changed, as an outlet's edit would."""
    return text.replace("Thursday", f"Thursday ({n} reports)").replace("Sunday", f"Sunday ({n} reports)")


def _definition(texts: dict[str, str]) -> set[frozenset[str]]:
    """Single link over every pair of reports at or above SAME_EVENT sharing SHARED_TERMS terms."""
    ids = list(texts)
    words = [terms(texts[d]) for d in ids]
    model = TfIdf(words)
    vectors = [model.vector(w) for w in words]
    group = {d: {d} for d in ids}
    for i, j in itertools.combinations(range(len(ids)), 2):
        if (
            cosine(vectors[i], vectors[j]) >= SAME_EVENT
            and len(set(words[i]) & set(words[j])) >= SHARED_TERMS
        ):
            merged = group[ids[i]] | group[ids[j]]
            for d in merged:
                group[d] = merged
    return {frozenset(g) for g in group.values()}


def _partition(groups: dict[str, str]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for doc, g in groups.items():
        by.setdefault(g, set()).add(doc)
    return {frozenset(m) for m in by.values()}


CORPUS = {
    "f1": FLOOD,
    "t1": THEFT,
    "f2": FLOOD_2,
    "v1": VOTE,
    "n1": NOTE,
    "t2": THEFT_2,
    "f3": FLOOD_3,
    "v2": VOTE_2,
}


def test_the_events_are_grouped_as_the_definition_groups_them() -> None:
    want = {
        frozenset({"f1", "f2", "f3"}),
        frozenset({"t1", "t2"}),
        frozenset({"v1", "v2"}),
        frozenset({"n1"}),
    }
    assert _definition(CORPUS) == want
    assert _partition(report_groups(CORPUS)) == want


def test_wire_copies_are_one_group_with_their_story() -> None:
    """Sixty copies of each of two stories, then their events' other reports: every copy is in its
    story's group, and a report of the event read after the copies still meets the original."""
    texts = {"f1": FLOOD, "t1": THEFT}
    texts |= {f"f1-{n}": _copy(FLOOD, n) for n in range(60)}
    texts |= {f"t1-{n}": _copy(THEFT, n) for n in range(60)}
    texts |= {"f2": FLOOD_2, "f3": FLOOD_3, "t2": THEFT_2, "v1": VOTE, "v2": VOTE_2}
    got = _partition(report_groups(texts))
    assert got == _definition(texts)
    # (the third flood report, the least like the first, falls under the threshold here: sixty
    # copies make the story's words common, so they weigh less)
    flood = {"f1", "f2"} | {f"f1-{n}" for n in range(60)}
    theft = {"t1", "t2"} | {f"t1-{n}" for n in range(60)}
    assert frozenset(flood) in got
    assert frozenset(theft) in got
    assert frozenset({"v1", "v2"}) in got


@pytest.mark.parametrize("seed", range(4))
def test_the_partition_does_not_depend_on_the_order(seed: int) -> None:
    texts = CORPUS | {f"c{n}": _copy(FLOOD if n % 2 else THEFT, n) for n in range(12)}
    order = list(texts)
    order = order[seed:] + order[:seed] if seed % 2 else order[::-1][seed:] + order[::-1][:seed]
    shuffled = {d: texts[d] for d in order}
    assert _partition(report_groups(shuffled)) == _partition(report_groups(texts)) == _definition(texts)


def test_a_report_reads_few_block_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    """With MAX_SCAN at one entry a report meets at most one report read before it: the search
    stops where its bound says, so each report's work is bounded whatever the corpus's size."""
    monkeypatch.setattr(reports, "MAX_SCAN", 1)
    texts = {"f1": FLOOD, "f2": FLOOD_2, "f3": FLOOD_3}
    assert _partition(report_groups(texts)) == _definition(texts)  # a chain: each meets one before
    monkeypatch.setattr(reports, "MAX_LINKS", 0)
    assert len(_partition(report_groups(texts))) == 3


@pytest.mark.parametrize("above", [False, True])
def test_a_cosine_at_the_threshold_is_decided_as_the_vectors_sum_it(
    above: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A threshold equal to the pair's cosine as the dicts sum it links the pair; the next float
    up does not: the arrays' sum, in another order, may differ in its last bits (here made to,
    the wrong way each time)."""
    exact_scores = reports.against

    def off(rows: Rows) -> Callable[[int, Ints], tuple[Ints, Floats]]:
        scores = exact_scores(rows)

        def score(j: int, candidates: Ints) -> tuple[Ints, Floats]:
            shared, cosines = scores(j, candidates)
            return shared, cosines + (1e-12 if above else -1e-12)

        return score

    monkeypatch.setattr(reports, "against", off)
    texts = {"f1": FLOOD, "f3": FLOOD_3}
    words = [terms(t) for t in texts.values()]
    model = TfIdf(words)
    first, second = (model.vector(w) for w in words)
    exact = sum(second[t] * first[t] for t in set(words[0]) & set(words[1]))
    assert len(set(words[0]) & set(words[1])) >= SHARED_TERMS
    threshold = math.nextafter(exact, 1.0) if above else exact
    groups = len(_partition(report_groups(texts, threshold)))
    assert groups == (2 if above else 1)


@pytest.mark.parametrize(
    "text",
    [
        FLOOD + "\n\n" + THEFT,
        "It's the mayor's 1,250.5-tonne 'plan' — costs rose 3.4% to 12,000,\u00a0said Ann_Avery's aide.",
        "Tabs\tand\u2028odd\x1cspaces, 'quoted' words’ and a trailing dash- 7 8,9 ..10.",
        "",
        "   ",
    ],
)
def test_a_texts_terms_are_those_of_its_chunks(text: str) -> None:
    assert reports._texts_terms([text, text[::-1]]) == [terms(text), terms(text[::-1])]
