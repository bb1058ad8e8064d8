"""Sets and weighted sets of keys, one row each, as a sparse matrix of arrays: the members two rows
share and their dot product, for many pairs of rows at once.

Rows are in CSR form (numpy only: row offsets, sorted column ids, values). For pairs of rows
(``overlap``) each entry of one row is searched for among the other's (``np.searchsorted`` on the
row-major keys ``row * width + column``, sorted by construction); for one row against others in
turn (``against``) the others' entries read a dense copy of the one row. A dot product is summed in
column order, another order than a dict's (``lib.text.similarity.cosine``): it can differ from that
sum in the last bits, within ``EPSILON``. Used where one Python call per pair was most of the work:
the corpus's claim pairs (lib/compare/pair_scores.py) and the reports grouped by event
(lib/extract/actors/reports.py).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from lib.text.similarity import Vector

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Rows:
    """Sets (or weighted sets) of ids, one row per sentence or report, as a CSR matrix."""

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
    there are. Numbers are numbered by ``np.unique``; any other values in the order first met, by
    a dict filled and read in C loops (``dict.fromkeys``, ``map``): as fast as Arrow's dictionary
    encoding warm, and without its first calls' cost in a process (0.4-0.5 CPU-s over 1.8 million
    strings, session 35); a dict set per entry in a Python loop was most of making the rows."""
    if not values:
        return np.zeros(0, np.int64), 0
    if all(type(v) in (float, int) for v in values):  # stops at the first value that is not
        distinct, inverse = np.unique(np.asarray(values, np.float64), return_inverse=True)
        return inverse.astype(np.int64).reshape(-1), len(distinct)
    number = {v: n for n, v in enumerate(dict.fromkeys(values))}
    return np.fromiter(map(number.__getitem__, values), np.int64, len(values)), len(number)


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


def against(rows: Rows) -> Callable[[int, Ints], tuple[Ints, Floats]]:
    """``overlap`` of one row with each of some others, for one row after another (one report
    against its few dozen candidates): the row's weights spread over a dense array the width of the
    matrix, which each entry of the others reads, in place of a search per entry. The dot products
    are summed in the others' column order, so they may differ from ``overlap``'s in the last bits."""
    dense = np.zeros(rows.width, np.float64)  # the row's weights by column, while it is scored
    held = np.zeros(rows.width, np.float64)  # 1 at its columns

    def score(row: int, others: Ints) -> tuple[Ints, Floats]:
        own = slice(int(rows.at[row]), int(rows.at[row + 1]))
        mine = rows.ids[own]
        dense[mine] = rows.weights[own]
        held[mine] = 1.0
        sizes = rows.sizes(others)
        entry = np.repeat(rows.at[others] - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))
        theirs = rows.ids[entry]
        owner = np.repeat(np.arange(len(others)), sizes)
        shared = np.bincount(owner, held[theirs], len(others)).astype(np.int64)
        dot = np.bincount(owner, rows.weights[entry] * dense[theirs], len(others)).astype(np.float64)
        dense[mine] = 0.0
        held[mine] = 0.0
        return shared, dot

    return score
