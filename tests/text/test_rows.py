"""Sets and weighted sets as rows of arrays (lib/text/rows.py): the members two rows share and their
dot product, for pairs of rows (``overlap``) and for one row against others (``against``), as the
sets and dicts themselves give them. Made-up sentences."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import numpy as np
import pytest

from lib.text.rows import against, numbered, overlap, set_rows, vector_rows
from lib.text.similarity import TfIdf, cosine, terms

TEXTS = [
    "The Varrow ferry left Elmsby at dawn with forty passengers and a cargo of timber.",
    "Forty passengers crossed from Elmsby on the dawn ferry, the harbour master said.",
    "A storm closed the harbour at Elmsby; the ferry stayed moored until the wind dropped.",
    "Thieves took three bronze masks from a hill museum while its alarm was repaired.",
    "",
]


@pytest.mark.parametrize(
    ("sets_a", "sets_b", "shared"),
    [
        ([{"x", "y"}], [{"y", "z"}], [1]),
        ([set()], [{"y"}], [0]),
        ([{"x"}], [set()], [0]),
        ([{"x", "y", "z"}], [{"z", "y", "x"}], [3]),
        ([frozenset({2.0, 3.5})], [frozenset({3.5, 7.0})], [1]),  # figures
        ([["x", "x", "y"]], [("y", "y")], [1]),  # not sets: a member given twice is one column
        ([frozenset({1})], [{1.0}], [1]),  # an int and a float of one value: one column
    ],
)
def test_overlap_counts_shared_members(
    sets_a: list[Iterable[Hashable]], sets_b: list[Iterable[Hashable]], shared: list[int]
) -> None:
    rows = set_rows([*sets_a, *sets_b])
    count, dot = overlap(rows, np.array([0], np.int64), np.array([1], np.int64))
    assert count.tolist() == shared
    assert dot.tolist() == [float(x) for x in shared]


def test_one_row_against_others_gives_the_vectors_cosines_and_shared_terms() -> None:
    words = [terms(t) for t in TEXTS]
    model = TfIdf(words)
    vectors = [model.vector(w) for w in words]
    rows = vector_rows(vectors)
    scores = against(rows)
    found = 0
    for j in range(len(TEXTS)):
        others = np.array([i for i in range(len(TEXTS)) if i != j], np.int64)
        shared, cosines = scores(j, others)
        pairs, dots = overlap(rows, np.full(len(others), j, np.int64), others)
        assert shared.tolist() == pairs.tolist() == [len(set(words[i]) & set(words[j])) for i in others]
        found += int(shared.sum())
        for i, got, dot in zip(others.tolist(), cosines.tolist(), dots.tolist(), strict=True):
            assert got == pytest.approx(cosine(vectors[i], vectors[j]), abs=1e-12)
            assert got == pytest.approx(dot, abs=1e-12)
    assert found  # the texts do share terms: the counts are not all zero
    assert [len(a) for a in scores(0, np.zeros(0, np.int64))] == [0, 0]


@pytest.mark.parametrize(
    ("values", "codes", "count"),
    [
        ([], [], 0),
        (["ferry", "harbour", "ferry", "dawn"], [0, 1, 0, 2], 3),  # strings: in the order first met
        ([3.5, 1, 3.5, 1.0], [1, 0, 1, 0], 2),  # numbers: by value, an int equal to a float is one
        ([("a", 1), "a", ("a", 1)], [0, 1, 0], 2),  # any other hashable values, as dict keys
    ],
)
def test_numbered_gives_equal_values_one_number(values: list[Hashable], codes: list[int], count: int) -> None:
    got, width = numbered(values)
    assert got.tolist() == codes and width == count
