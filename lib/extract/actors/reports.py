"""Reports of one real-world event, grouped from their texts alone.

The reports that cover one event (a crash, a firing, an arrest) name its people and places by
variants of one name, and within them a surname or a last word is nearly always one entity; the
resolver (lib/extract/actors/corpus.py) links such variants more boldly inside a group than
across the corpus. Reports are compared as TF-IDF vectors of their content words (the
document-level context vectors of Bagga & Baldwin 1998, "Entity-based cross-document
coreferencing using the vector space model", who cluster the documents of one name the same
way) and grouped by single link above a cosine threshold, with enough words in common that two
short notes sharing one name do not make an event. Nothing but the texts is read: no file
order, no identifier, no metadata a dataset may carry.

The search is linear in the reports (the store's corpus step groups every report at once,
lib/store/links.py). Each report is compared with the reports read before it that share one of
its key terms, rarest key first, at most MAX_SCAN block entries read and MAX_LINKS candidates
scored (a term many reports share names no one event; the blocking of lib/compare/corpus.py);
and a report that is nearly a copy of one read before (wire copy, a story republished) is not
filed for later reports, which meet its original instead: a hundred copies of one story make
one block entry, not a block a hundred long searched all against all. On the ECB+, BASIL and
GGT development texts, and the benchmark's, the groups are those of comparing every pair of
reports that share a key (docs/benchmarks.md, issue #15).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import chain

import numpy as np

from lib.text.rows import against, vector_rows
from lib.text.similarity import EPSILON, TfIdf, terms

# Cosine of two reports' TF-IDF vectors at or above which they cover one event. Chosen on one
# half of the ECB+ development topics (by index, the half whose errors were read): at 0.3 no
# two reports of different topics met there, and about three in four pairs of one topic did;
# at 0.25 single link chained topics together.
SAME_EVENT = 0.3
# Distinct content terms two reports must share besides: a pair of one-line notes that share a
# name and a verb is no evidence of one event.
SHARED_TERMS = 5
# Terms of a report that block it for comparison (the heaviest by TF-IDF weight).
KEY_TERMS = 10
# Cosine at or above which a report is a copy of one read before (a wire story republished, lightly
# edited): it joins that report's group and is not compared against again, since a report like it
# is like the one read before too.
NEAR_COPY = 0.8
MAX_SCAN = 400  # block entries a report reads for its candidates, rarest keys first
MAX_LINKS = 40  # candidates scored per report (those sharing most keys with it)


class _ChunkTerms(dict[str, list[str]]):
    """A whitespace-delimited chunk of text -> its terms (``terms`` of the chunk), each distinct
    chunk read once."""

    def __missing__(self, chunk: str) -> list[str]:
        found = self[chunk] = terms(chunk)
        return found


def _texts_terms(texts: Sequence[str]) -> list[list[str]]:
    """``terms`` of each text, read chunk by chunk between whitespace, each distinct chunk once.
    No term spans whitespace and the word pattern looks at nothing outside its match, so a text's
    terms are its chunks' terms in order; a corpus writes the same words over and over, and the
    word pattern run over every character of 10,000 reports was 1.3 of grouping's 5 CPU-s (issue #19)."""
    chunks = _ChunkTerms()
    return [list(chain.from_iterable(map(chunks.__getitem__, text.split()))) for text in texts]


def report_groups(texts: Mapping[str, str], threshold: float = SAME_EVENT) -> dict[str, str]:
    """Doc id -> the id of its group (the first doc of the group, in the mapping's order; a report
    like no other is a group of its own). Single link over the pairs above the threshold."""
    ids = list(texts)
    words = _texts_terms([texts[d] for d in ids])
    model = TfIdf(words)
    vectors = [model.vector(w) for w in words]
    up = list(range(len(ids)))

    def find(i: int) -> int:
        while up[i] != i:
            up[i] = up[up[i]]
            i = up[i]
        return i

    # Blocked by each report's most distinctive terms that some other report has too (its
    # KEY_TERMS heaviest): two reports of one event share one of them (a name, a place), so that a
    # corpus of thousands of reports is not compared all against all. The reports read before are
    # filed under their keys (a near copy is not: see the module docstring).
    df: Counter[str] = Counter()  # reports per term: a vector has each of its report's terms once
    for vector in vectors:
        df.update(vector.keys())
    # the vectors as arrays, each report scored against its candidates at once (lib/text/rows.py):
    # a set intersection and a sum in Python per pair were 2.3 of the 5.4 CPU-s of grouping
    # 10,000 reports (issue #19)
    scores = against(vector_rows(vectors))
    blocks: dict[str, list[int]] = defaultdict(list)
    keys_of = [sorted((t for t in v if df[t] > 1), key=lambda t: (-v[t], t))[:KEY_TERMS] for v in vectors]
    for j, (vector, keys) in enumerate(zip(vectors, keys_of, strict=True)):
        shared: Counter[int] = Counter()  # candidates in the order first met, rarest keys first
        budget = MAX_SCAN
        for key in sorted(keys, key=lambda k: (len(blocks.get(k, ())), k)):
            block = blocks.get(key, [])[:budget]
            shared.update(block)
            budget -= len(block)
            if budget <= 0:
                break
        nearest = 0.0
        candidates = [i for i, _ in sorted(shared.items(), key=lambda p: -p[1])[:MAX_LINKS]]  # stable
        commons, cosines = scores(j, np.array(candidates, np.int64))
        for i, similar, common in zip(candidates, cosines.tolist(), commons.tolist(), strict=True):
            if abs(similar - threshold) <= EPSILON or abs(similar - NEAR_COPY) <= EPSILON:
                # at a threshold the order of the sum could decide: summed as the dicts sum it
                similar = sum(vector[t] * vectors[i][t] for t in set(words[i]) & set(words[j]))
            nearest = max(nearest, similar)
            if similar < threshold or common < SHARED_TERMS:
                continue
            a, b = find(i), find(j)
            if a != b:
                up[max(a, b)] = min(a, b)
        if nearest < NEAR_COPY:
            for key in keys:
                blocks[key].append(j)
    return {d: ids[find(i)] for i, d in enumerate(ids)}
