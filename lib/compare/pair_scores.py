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

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt
import pyarrow as pa

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
    """Each set as a row (equal members: one column). A set's members are taken as they are (most
    of a corpus's sentences name no one: a dict per sentence and per kind of id was most of making
    these rows); other iterables through a dict, which keeps one of equal members."""
    own = [x if isinstance(x, set | frozenset) else dict.fromkeys(x) for x in sets]
    lengths = np.fromiter(map(len, own), np.int64, len(own))
    keys: list[Hashable] = list(chain.from_iterable(own))
    return _rows(lengths, keys, np.ones(len(keys), np.float64))


def vector_rows(vectors: Iterable[Vector]) -> Rows:
    return weighted_rows(vectors)


def weighted_rows(rows: Iterable[dict[str, float] | dict[Hashable, float]]) -> Rows:
    """The rows as a CSR matrix: keys numbered as arrays (``numbered``), each row's entries
    ordered by column. A Python dict numbering every entry was most of the CPU of making them."""
    own = list(rows)
    lengths = np.fromiter(map(len, own), np.int64, len(own))
    keys: list[Hashable] = list(chain.from_iterable(own))  # a dict iterates over its keys
    weights = np.fromiter(chain.from_iterable(r.values() for r in own), np.float64, len(keys))
    return _rows(lengths, keys, weights)


def _rows(lengths: Ints, keys: list[Hashable], weights: Floats) -> Rows:
    """Rows of ``lengths`` entries, their keys and weights flat, row after row."""
    columns, width = numbered(keys)
    width = max(width, 1)
    flat = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths) * width + columns
    order = np.argsort(flat, kind="stable")  # by row, then column (a row's keys are distinct)
    flat = flat[order]
    starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    return Rows(starts, flat % width, weights[order], width, flat)


def numbered(values: Sequence[Hashable]) -> tuple[Ints, int]:
    """Each value's number (equal values, as a dict's keys are equal: one number) and how many
    there are. Strings are numbered by Arrow's dictionary encoding and numbers by ``np.unique``;
    any other values by a dict."""
    if not values:
        return np.zeros(0, np.int64), 0
    try:
        encoded = pa.array(values, pa.string()).dictionary_encode()
        return encoded.indices.to_numpy().astype(np.int64), len(encoded.dictionary)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        pass
    if all(type(v) in (float, int) for v in values):
        distinct, inverse = np.unique(np.asarray(values, np.float64), return_inverse=True)
        return inverse.astype(np.int64).reshape(-1), len(distinct)
    number: dict[Hashable, int] = {}
    codes = np.fromiter((number.setdefault(v, len(number)) for v in values), np.int64, len(values))
    return codes, len(number)


def overlap(rows: Rows, a: Ints, b: Ints) -> tuple[Ints, Floats]:
    """For each pair (a[k], b[k]): the columns both rows hold, and the dot product of the rows.
    The shorter row of each pair is the one whose entries are looked up in the other."""
    pairs = len(a)
    if not pairs or not len(rows.ids):
        return np.zeros(pairs, np.int64), np.zeros(pairs, np.float64)
    counts, other = rows.sizes(a), rows.sizes(b)
    shorter = other < counts
    a, b = np.where(shorter, b, a), np.where(shorter, a, b)
    counts = np.minimum(counts, other)
    # the pairs by the row searched in, so that the keys wanted come ascending and each search
    # reads near the one before (at random, each read most of the search's path from memory);
    # a pair's entries stay together and in column order, so its sum is added in the same order
    live = np.flatnonzero(counts)  # pairs with entries on both sides (most name no one, give no figure)
    order = live[np.argsort(b[live])]  # (the order of pairs of one row does not matter)
    a, b, counts = a[order], b[order], counts[order]
    total = int(counts.sum())
    pair = np.repeat(order, counts)
    entry = np.repeat(rows.at[a] - (np.cumsum(counts) - counts), counts) + np.arange(total, dtype=np.int64)
    keys = rows.keys
    wanted = np.repeat(b, counts) * rows.width + rows.ids[entry]
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


def scores(rows: ClaimRows, a: Ints, b: Ints, unnamed_min: int = MIN_SHARED) -> tuple[Ints, Floats, Bools]:
    """The pairs (a[k], b[k]) that share MIN_SHARED terms (``same_claim`` wants as many: the others
    are not scored), by their place k; their ``claim_score``, and whether ``same_claim`` (told
    ``unnamed_min``) holds."""
    shared_terms, cosine = overlap(rows.vectors, a, b)
    kept = np.flatnonzero(shared_terms >= MIN_SHARED)
    a, b, cosine, shared_terms = a[kept], b[kept], cosine[kept], shared_terms[kept]
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
    people_differ = differ | ((cosine < SURE_SAME) & people)
    alike = (shared_terms == rows.vectors.sizes(a)) & (shared_terms == rows.vectors.sizes(b))
    enough = (shared_actors > 0) | (shared_figures > 0) | (shared_terms >= unnamed_min) | alike
    return kept, score, (score >= least) & enough & ~people_differ


def near_threshold(score: Floats) -> Bools:
    """Scores so close to a threshold of ``same_claim`` that the order of a sum could decide."""
    near = np.zeros(len(score), np.bool_)
    # SURE_SAME bounds the words' cosine: the score adds a bonus per shared actor, two at most
    sure = (SURE_SAME + k * ANCHOR_BONUS for k in range(3))
    for threshold in (ANCHORED_MIN, SAME_MIN, *sure):
        near |= np.abs(score - threshold) <= EPSILON
    return near
