"""Lexical similarity of two claims: TF-IDF cosine over light-stemmed content words.

No embedding model (the app must fit in 1 GB without torch). Terms are lower-cased content
words stripped of a few English suffixes, the "S-stemmer" of Harman (1991, "How effective is
suffixing?", JASIS 42) plus -ing/-ed, then mapped onto synonym groups kept as data
(lib/lexicons/synonyms.yaml). Weighting is the classic TF-IDF cosine of Salton & Buckley
(1988, "Term-weighting approaches in automatic text retrieval"), with a smoothed IDF.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from lib import LEXICONS, read_yaml

SYNONYMS_PATH = LEXICONS / "synonyms.yaml"
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
# A short English function-word list (after the SMART stop list, Salton 1971) plus reporting filler.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself
    no nor not now of off on once only or other our ours ourselves out over own same she should so some
    such than that the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your yours
    yourself yourselves us one two may might must shall upon within without per via whether yet still
    already mr mrs ms""".split()
)


Vector = dict[str, float]
EPSILON = 1e-9  # float margin on similarity bounds: a cosine is summed in another order


def terms(text: str) -> list[str]:
    """The content terms of a text, stemmed and mapped onto synonym groups."""
    out = []
    for word in WORD_RE.findall(text):
        low = word.lower().replace("’", "'")
        if low in STOPWORDS and not (word.isupper() and len(word) > 1):
            continue
        out.append(normalize(low))
    return [t for t in out if t]


@lru_cache(maxsize=1 << 16)
def normalize(word: str) -> str:
    """One word as a term: digits without separators, synonyms onto their group's head."""
    if word[0].isdigit():
        return word.replace(",", "")
    groups = synonym_map()
    return groups.get(word) or groups.get(stem(word)) or stem(word)


def stem(word: str) -> str:
    """Harman's S-stemmer plus -ing/-ed, on a possessive-free lower-case word."""
    word = re.sub(r"'s?$", "", word)
    if len(word) > 4 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "aes", "ees", "oes")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    return word


@lru_cache(maxsize=4)
def synonym_map(path: Path = SYNONYMS_PATH) -> dict[str, str]:
    """Each group member (and its stem) onto the group's first word."""
    data = read_yaml(path) or {}
    out: dict[str, str] = {}
    for group in data.get("groups") or []:
        head = stem(str(group[0]).lower())
        for member in group:
            low = str(member).lower()
            out.setdefault(low, head)
            out.setdefault(stem(low), head)
    return out


class TfIdf:
    """IDF fitted on the claims of the reports being compared; vectors are L2-normalised."""

    def __init__(self, documents: Iterable[Sequence[str]]) -> None:
        docs = list(documents)
        # each distinct wording object's terms read once, with the number of documents that hold
        # it: a claim of wire copy holds one wording hundreds of times (issue #19)
        times = Counter(map(id, docs))
        distinct = {id(d): d for d in docs}
        df: Counter[str] = Counter()
        for k, m in times.items():
            for t in set(distinct[k]):
                df[t] += m
        n = len(docs)
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self.default_idf = math.log(1 + n) + 1.0

    def vector(self, words: Sequence[str]) -> Vector:
        counts = Counter(words)
        raw = {t: c * self.idf.get(t, self.default_idf) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        return {t: v / norm for t, v in raw.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    # the products of the terms both hold, summed in the shorter vector's order (a term the other
    # lacks would add 0.0, which leaves a sum of non-negative weights as it is); a list, not a
    # generator with a ``get`` per term: two and a half times faster (issue #19)
    return sum([v * b[t] for t, v in a.items() if t in b], 0.0)


def containment(a: Sequence[str], b: Sequence[str]) -> float:
    """The share of the shorter claim's terms found in the longer one (a fragment quoted in full)."""
    sa, sb = set(a), set(b)
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & large) / len(small) if small else 0.0


Reach = tuple[int, int]  # the first and last position an item can take (day ordinals, for events)


def candidate_pairs(
    vectors: Sequence[Vector],
    threshold: float,
    keys: Sequence[Iterable[str]],
    reach: Sequence[Reach] | None = None,
) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) with a common key whose cosine reaches ``threshold`` (within a float margin:
    a caller that needs the exact figure computes it with ``cosine``), each once, and no set of
    every pair ever held.

    With ``reach``, only pairs whose reaches overlap (an interval join): each key's items are swept
    in order of their first position, and an item stays in the search until the sweep passes its
    last one, so an item meets the items that can lie where it lies, not every item of its key.
    Of two overlapping reaches, the one that starts later starts inside the other: each such pair is
    met. A pair is listed under the smallest key the two share.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    keysets = [frozenset(own) for own in keys]
    for i, own in enumerate(keysets):
        for key in own:
            groups[key].append(i)
    df = Counter(t for v in vectors for t in v)
    starts = [first for first, _ in reach] if reach is not None else []
    ordered: dict[int, list[str]] = {}  # an item's terms, most common first: one order in every group
    for key, members in groups.items():
        if reach is not None:
            members.sort(key=starts.__getitem__)  # stable: items of one start stay in index order
        for i, j in _all_pairs(vectors, members, threshold, df, reach, ordered):
            if len(keysets[i]) == 1 or len(keysets[j]) == 1 or min(keysets[i] & keysets[j]) == key:
                yield (i, j) if i < j else (j, i)


def _all_pairs(
    vectors: Sequence[Vector],
    members: list[int],
    threshold: float,
    df: Counter[str],
    reach: Sequence[Reach] | None = None,
    ordered: dict[int, list[str]] | None = None,
) -> Iterator[tuple[int, int]]:
    """The "AllPairs" search (Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search")
    on unit vectors (TfIdf.vector) within one group: a vector's most common terms, whose weights
    times the largest weight of the term in the group sum to less than the threshold, cannot make a
    match alone, so only its other terms are indexed. A probe adds up the indexed part of each dot
    product; the few unindexed terms complete it. With ``reach`` (members in order of their first
    position), an indexed item whose reach ended before the probe's starts is dropped from the index
    (``_live``). ``ordered``: each item's terms, most common first (``_by_df``), kept across calls.
    """
    ordered = {} if ordered is None else ordered
    top: dict[str, float] = defaultdict(float)
    for i in members:
        for t, w in vectors[i].items():
            top[t] = max(top[t], w)
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    soonest: dict[str, int] = {}  # with reach: the earliest last position among a term's postings
    prefix: dict[int, tuple[list[str], float]] = {}  # unindexed terms, bound of their dot product
    for j in members:
        vector = vectors[j]
        acc: dict[int, float] = defaultdict(float)
        for t, w in vector.items():
            postings = index.get(t)
            if not postings:
                continue
            if reach is not None and soonest[t] < reach[j][0]:
                postings = _live(index, soonest, t, reach, reach[j][0])
            for i, x in postings:
                acc[i] += w * x
        for i, partial in acc.items():
            rest, bound = prefix[i]
            if partial + bound < threshold - EPSILON:  # the unindexed terms cannot make up the rest
                continue
            x_vec = vectors[i]
            if partial + sum(x_vec[t] * vector.get(t, 0.0) for t in rest) >= threshold - EPSILON:
                yield i, j
        if (terms_of := ordered.get(j)) is None:
            terms_of = ordered[j] = _by_df(vector, df)
        rest, bound, indexed = _split(vector, df, top, threshold, terms_of)
        prefix[j] = rest, bound
        last = reach[j][1] if reach is not None else 0
        for t in indexed:
            index[t].append((j, vector[t]))
            if reach is not None and last < soonest.get(t, last + 1):
                soonest[t] = last


def _live(
    index: dict[str, list[tuple[int, float]]],
    soonest: dict[str, int],
    term: str,
    reach: Sequence[Reach],
    now: int,
) -> list[tuple[int, float]]:
    """A term's postings whose reach lasts until ``now``, kept in the index, and their earliest end.
    Called only once the earliest end is passed, so a term's list is filtered once per end passed,
    not on every probe; each posting is dropped once."""
    live = [p for p in index[term] if reach[p[0]][1] >= now]
    index[term] = live
    soonest[term] = min((reach[i][1] for i, _ in live), default=now)
    return live


def _by_df(vector: Vector, df: Counter[str]) -> list[str]:
    """A vector's terms, most common first (ties by the term)."""
    return sorted(vector, key=lambda t: (-df[t], t))


def _split(
    vector: Vector,
    df: Counter[str],
    top: dict[str, float],
    threshold: float,
    ordered: list[str] | None = None,
) -> tuple[list[str], float, list[str]]:
    """A vector's common-term prefix, whose dot product with any unit vector of the group stays under
    the threshold, that bound, and its other terms (to index). The bound is the smaller of the
    weights times the group's largest weights and the prefix's L2 norm (Cauchy-Schwarz; Anastasiu &
    Karypis 2014, "L2AP")."""
    by_top = squares = bound = 0.0
    ordered = _by_df(vector, df) if ordered is None else ordered
    for n, t in enumerate(ordered):
        by_top += vector[t] * top[t]
        squares += vector[t] * vector[t]
        if (reached := min(by_top, math.sqrt(squares))) >= threshold - EPSILON:
            return ordered[:n], bound, ordered[n:]
        bound = reached
    return ordered, bound, []
