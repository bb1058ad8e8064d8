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

import yaml

from lib import LEXICONS

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
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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
        df = Counter(t for d in docs for t in set(d))
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
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def containment(a: Sequence[str], b: Sequence[str]) -> float:
    """The share of the shorter claim's terms found in the longer one (a fragment quoted in full)."""
    sa, sb = set(a), set(b)
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & large) / len(small) if small else 0.0


def candidate_pairs(
    vectors: Sequence[Vector],
    threshold: float,
    keys: Sequence[Iterable[str]],
    order: Sequence[str] = (),
    stretch: int = 0,
) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) with a common key whose cosine reaches ``threshold`` (within a float margin:
    a caller that needs the exact figure computes it with ``cosine``), each once, and no set of
    every pair ever held.

    With ``stretch``, a key held by more than twice that many items is searched in windows, the
    "sorted neighbourhood" of Hernández & Stolfo (1995, "The merge/purge problem for large
    databases"): its items ranked by ``order`` (then index), windows of ``2 * stretch`` consecutive
    items every ``stretch`` items. Two items ``stretch`` or fewer ranks apart always share a window;
    further apart, they may not: the search then grows with the items, not with their square.
    A pair is listed in the first window of the smallest common key holding both.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    keysets = [set(own) for own in keys]
    for i, own in enumerate(keysets):
        for key in own:
            groups[key].append(i)
    df = Counter(t for v in vectors for t in v)
    ranks: dict[str, dict[int, int]] = {}
    if stretch:
        for key, members in groups.items():
            if len(members) > 2 * stretch:
                ranked = sorted(members, key=lambda i: (order[i], i))
                ranks[key] = {i: r for r, i in enumerate(ranked)}
                groups[key] = ranked
    for key, members in groups.items():
        for window, part in _windows(members, ranks.get(key), stretch):
            for i, j in _all_pairs(vectors, part, threshold, df):
                alone = len(keysets[i]) == 1 and key not in ranks  # the pair's only common key, one window
                if alone or _first_cover(i, j, keysets, ranks, stretch) == (key, window):
                    yield i, j


def _windows(
    members: list[int], ranks: dict[int, int] | None, stretch: int
) -> Iterator[tuple[int, list[int]]]:
    """(window number, its items in index order): one window of all when the key is not ranked."""
    if ranks is None:
        yield 0, members
        return
    for w in range(_window_count(len(members), stretch)):
        yield w, sorted(members[w * stretch : (w + 2) * stretch])


def _window_count(items: int, stretch: int) -> int:
    """Windows start every ``stretch`` ranks, and the last one reaches the last item."""
    return max(1, -(-items // stretch) - 1)


def _first_cover(
    i: int, j: int, keysets: Sequence[set[str]], ranks: dict[str, dict[int, int]], stretch: int
) -> tuple[str, int] | None:
    """The smallest common key, and its first window, holding both items (None: none does)."""
    for key in sorted(keysets[i] & keysets[j]):
        rank = ranks.get(key)
        if rank is None:
            return key, 0
        p, q = sorted((rank[i], rank[j]))
        last = _window_count(len(rank), stretch) - 1
        for w in (p // stretch - 1, p // stretch):
            if 0 <= w <= last and w * stretch <= p and q < (w + 2) * stretch:
                return key, w
    return None


def _all_pairs(
    vectors: Sequence[Vector], members: list[int], threshold: float, df: Counter[str]
) -> Iterator[tuple[int, int]]:
    """The "AllPairs" search (Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search")
    on unit vectors (TfIdf.vector) within one group: a vector's most common terms, whose weights
    times the largest weight of the term in the group sum to less than the threshold, cannot make a
    match alone, so only its other terms are indexed. A probe adds up the indexed part of each dot
    product; the few unindexed terms complete it.
    """
    top: dict[str, float] = defaultdict(float)
    for i in members:
        for t, w in vectors[i].items():
            top[t] = max(top[t], w)
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    prefix: dict[int, list[str]] = {}
    for j in members:
        vector = vectors[j]
        acc: dict[int, float] = defaultdict(float)
        for t, w in vector.items():
            for i, x in index.get(t, ()):
                acc[i] += w * x
        for i, partial in acc.items():
            x_vec = vectors[i]
            if partial + sum(x_vec[t] * vector.get(t, 0.0) for t in prefix[i]) >= threshold - EPSILON:
                yield i, j
        prefix[j], indexed = _split(vector, df, top, threshold)
        for t in indexed:
            index[t].append((j, vector[t]))


def _split(
    vector: Vector, df: Counter[str], top: dict[str, float], threshold: float
) -> tuple[list[str], list[str]]:
    """A vector's common-term prefix, whose dot product with any unit vector of the group stays under
    the threshold, and its other terms (to index). The bound is the smaller of the weights times the
    group's largest weights and the prefix's L2 norm (Cauchy-Schwarz; Anastasiu & Karypis 2014, "L2AP")."""
    by_top = squares = 0.0
    ordered = sorted(vector, key=lambda t: (-df[t], t))
    for n, t in enumerate(ordered):
        by_top += vector[t] * top[t]
        squares += vector[t] * vector[t]
        if min(by_top, math.sqrt(squares)) >= threshold - EPSILON:
            return ordered[:n], ordered[n:]
    return ordered, []
