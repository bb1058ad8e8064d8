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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from lib.text.similarity import TfIdf, candidate_pairs, cosine, terms

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


def report_groups(texts: Mapping[str, str], threshold: float = SAME_EVENT) -> dict[str, str]:
    """Doc id -> the id of its group (the first doc of the group, in the mapping's order; a report
    like no other is a group of its own). Single link over the pairs above the threshold."""
    ids = list(texts)
    words = [terms(texts[d]) for d in ids]
    model = TfIdf(words)
    vectors = [model.vector(w) for w in words]
    sets = [set(w) for w in words]
    up = list(range(len(ids)))

    def find(i: int) -> int:
        while up[i] != i:
            up[i] = up[up[i]]
            i = up[i]
        return i

    # Blocked by each report's most distinctive terms that some other report has too (its
    # KEY_TERMS heaviest): two reports of one event share one of them (a name, a place), so that a
    # corpus of thousands of reports is not compared all against all; AllPairs
    # (lib/text/similarity.py) prunes inside a block.
    df = Counter(t for own in sets for t in own)
    keys = [sorted((t for t in v if df[t] > 1), key=lambda t: (-v[t], t))[:KEY_TERMS] for v in vectors]
    for i, j in candidate_pairs(vectors, threshold, keys):
        if len(sets[i] & sets[j]) < SHARED_TERMS or cosine(vectors[i], vectors[j]) < threshold:
            continue
        a, b = find(i), find(j)
        if a != b:
            up[max(a, b)] = min(a, b)
    return {d: ids[find(i)] for i, d in enumerate(ids)}
