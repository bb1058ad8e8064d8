"""``claim_score`` and ``same_claim`` (lib/compare/align.py) of many sentence pairs at once, as arrays.

The corpus's claims (lib/compare/corpus.py) score hundreds of thousands of candidate pairs; one
Python call per pair was most of the corpus step (docs/benchmarks.md). Here each sentence's terms,
actors, people, speakers and figures are rows of a sparse matrix (lib/text/rows.py), and the set
overlaps and dot products of all pairs are one vectorised lookup.

The cosine is summed in another order than ``lib.text.similarity.cosine`` sums it, so a score can
differ from it in the last bits: a pair whose score lies within ``EPSILON`` of a threshold of
``same_claim`` is decided by ``same_claim`` itself (``near_threshold``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lib.compare.align import ANCHOR_BONUS, ANCHORED_MIN, MIN_SHARED, SAME_MIN, SURE_SAME
from lib.text.rows import Bools, Floats, Ints, Rows, overlap, set_rows, vector_rows
from lib.text.similarity import EPSILON, Vector


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
