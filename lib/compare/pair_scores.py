"""``claim_score`` and ``same_claim`` (lib/compare/align.py) of many sentence pairs at once, as arrays.

The corpus's claims (lib/compare/corpus.py) score hundreds of thousands of candidate pairs; one
Python call per pair was most of the corpus step (docs/benchmarks.md). Here each sentence's terms,
actors, people, speakers and figures are rows of a sparse matrix in CSR form (numpy only: row
offsets, sorted column ids, values), and the set overlaps and dot products of all pairs are one
vectorised lookup: each entry of the first row is searched for among the second row's entries
(``np.searchsorted`` on the row-major keys ``row * width + column``, sorted by construction).

The cosine is summed in another order than ``lib.text.similarity.cosine`` sums it, so a score can
differ from it in the last bits: a pair whose score lies within ``EPSILON`` of a threshold of
``same_claim`` is decided by ``same_claim`` itself (``near_threshold``).
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from lib.compare.align import ANCHOR_BONUS, ANCHORED_MIN, MIN_SHARED, SAME_MIN, SURE_SAME
from lib.text.similarity import EPSILON, Vector

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Rows:
    """Sets (or weighted sets) of ids, one row per sentence, as a CSR matrix."""

    at: Ints  # where each row starts in ``ids`` (one more: the end)
    ids: Ints  # each row's column ids, ascending within the row
    weights: Floats  # each entry's value (1 for a set)
    width: int  # columns
    keys: Ints  # each entry as ``row * width + column``: ascending over the whole matrix

    def sizes(self, rows: Ints) -> Ints:
        return self.at[rows + 1] - self.at[rows]


def set_rows(sets: Iterable[Iterable[Hashable]]) -> Rows:
    """Each set as a row (equal members: one column)."""
    return weighted_rows({x: 1.0 for x in own} for own in sets)


def vector_rows(vectors: Iterable[Vector]) -> Rows:
    return weighted_rows(vectors)


def weighted_rows(rows: Iterable[dict[str, float] | dict[Hashable, float]]) -> Rows:
    columns: dict[Hashable, int] = {}
    at, ids, weights = array("q", [0]), array("q"), array("d")  # 8 bytes an entry, not a Python object
    for own in rows:
        numbered = sorted((columns.setdefault(k, len(columns)), w) for k, w in own.items())
        ids.extend(c for c, _ in numbered)
        weights.extend(w for _, w in numbered)
        at.append(len(ids))
    starts, columns_of = np.frombuffer(at, np.int64), np.frombuffer(ids, np.int64)
    width = max(len(columns), 1)
    keys = np.repeat(np.arange(len(starts) - 1, dtype=np.int64), np.diff(starts)) * width + columns_of
    return Rows(starts, columns_of, np.frombuffer(weights, np.float64), width, keys)


def overlap(rows: Rows, a: Ints, b: Ints) -> tuple[Ints, Floats]:
    """For each pair (a[k], b[k]): the columns both rows hold, and the dot product of the rows."""
    pairs = len(a)
    if not pairs or not len(rows.ids):
        return np.zeros(pairs, np.int64), np.zeros(pairs, np.float64)
    counts = rows.sizes(a)
    total = int(counts.sum())
    pair = np.repeat(np.arange(pairs, dtype=np.int64), counts)
    entry = np.repeat(rows.at[a] - (np.cumsum(counts) - counts), counts) + np.arange(total, dtype=np.int64)
    keys = rows.keys
    wanted = b[pair] * rows.width + rows.ids[entry]
    where = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    hit = keys[where] == wanted
    shared = np.bincount(pair[hit], minlength=pairs).astype(np.int64)
    products = rows.weights[entry[hit]] * rows.weights[where[hit]]
    dot = np.bincount(pair[hit], weights=products, minlength=pairs).astype(np.float64)
    return shared, dot


@dataclass(frozen=True)
class ClaimRows:
    """What ``claim_score`` and ``same_claim`` read of each sentence, as rows."""

    vectors: Rows
    actors: Rows
    persons: Rows
    speakers: Rows
    figures: Rows


def claim_rows(
    vectors: Sequence[Vector],
    actors: Sequence[frozenset[str]],
    persons: Sequence[frozenset[str]],
    speakers: Sequence[frozenset[str]],
    figures: Sequence[frozenset[float]],
) -> ClaimRows:
    return ClaimRows(
        vector_rows(vectors), set_rows(actors), set_rows(persons), set_rows(speakers), set_rows(figures)
    )


def scores(rows: ClaimRows, a: Ints, b: Ints) -> tuple[Ints, Floats, Bools]:
    """The pairs (a[k], b[k]) that share MIN_SHARED terms (``same_claim`` wants as many: the others
    are not scored), by their place k; their ``claim_score``, and whether ``same_claim`` holds."""
    shared_terms, cosine = overlap(rows.vectors, a, b)
    kept = np.flatnonzero(shared_terms >= MIN_SHARED)
    a, b, cosine = a[kept], b[kept], cosine[kept]
    shared_actors, _ = overlap(rows.actors, a, b)
    shared_figures, _ = overlap(rows.figures, a, b)
    shared_persons, _ = overlap(rows.persons, a, b)
    shared_speakers, _ = overlap(rows.speakers, a, b)
    score = cosine + ANCHOR_BONUS * np.minimum(2, shared_actors)
    anchored = (shared_actors >= 2) | (shared_figures > 0)
    least = np.where(anchored, ANCHORED_MIN, SAME_MIN)
    speakers_a, speakers_b = rows.speakers.sizes(a), rows.speakers.sizes(b)
    differ = (speakers_a > 0) & (speakers_b > 0) & (shared_speakers == 0)
    persons_a, persons_b = rows.persons.sizes(a), rows.persons.sizes(b)
    people = (persons_a > shared_persons) & (persons_b > shared_persons)
    people_differ = differ | ((score < SURE_SAME) & people)
    return kept, score, (score >= least) & ~people_differ


def near_threshold(score: Floats) -> Bools:
    """Scores so close to a threshold of ``same_claim`` that the order of a sum could decide."""
    near = np.zeros(len(score), np.bool_)
    for threshold in (ANCHORED_MIN, SAME_MIN, SURE_SAME):
        near |= np.abs(score - threshold) <= EPSILON
    return near
