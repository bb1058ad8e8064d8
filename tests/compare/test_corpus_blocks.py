"""The blocking of the corpus's claims as arrays (lib/compare/corpus.py ``blocking_keys``,
``linked_pairs``) finds the pairs, in the order and with the scores, that the same blocking with one
string per key and a dict of lists finds (the code before it, kept here as the reference): same
purging, same reading order (rarest block first, ties by the key's string), same budgets.
Sentences are drawn at random from made-up words, actors and figures."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest

from lib.compare import corpus as cc
from lib.compare.align import claim_score, same_claim
from lib.compare.claims import Claim, DocRows
from lib.records import DateMention, Document, Span
from lib.text.similarity import TfIdf, cosine

WORDS = [
    f"{a}{b}" for a in ("mar", "tol", "vex", "quin", "dor", "ashe") for b in ("an", "ek", "ul", "ia", "o")
]
ACTORS = ["odo-fenn", "lina-paskov", "velmora-council", "tomas-brell", "quenby-port"]
FIGURES = [12.0, 40.0, 1234567.0, 1234568.0, 3.5]  # the two millions print alike with :g
DAYS = ["2031-03-02", "2031-03-05", "2031-03-09", "2031-03-20", None]


def _reference(
    sentences: Sequence[cc._Sentence], sizes: Sequence[int] | None
) -> list[tuple[float, int, int]]:
    raw: list[list[str]] = []
    for s in sentences:
        own = [f"t:{t}" for t in set(s.claim.terms)]
        own += [f"a:{a}" for a in s.claim.actors] + [f"n:{n:g}" for n in s.claim.figures]
        windows = ["u"] if s.bucket is None else [str(s.bucket), str(s.bucket + 1)]
        raw.append([f"{k}|{w}" for k in own for w in windows])
    size: dict[str, int] = defaultdict(int)
    for keys in raw:
        for k in keys:
            size[k] += 1
    keys_of = [[k for k in keys if 1 < size[k] <= cc.MAX_BLOCK] for keys in raw]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, own in enumerate(keys_of):
        for k in own:
            blocks[k].append(i)
    rank = {k: r for r, k in enumerate(sorted(blocks, key=lambda k: (len(blocks[k]), k)))}
    found: set[tuple[int, int]] = set()
    out = []
    for i, own in enumerate(keys_of):
        met: dict[int, int] = defaultdict(int)
        read = 0
        for k in sorted(own, key=rank.__getitem__):
            if read >= cc.MAX_SCAN:
                break
            read += len(blocks[k])
            for j in blocks[k]:
                met[j] += 1
        met.pop(i, None)
        a = sentences[i]
        likely = sorted((j for j, n in met.items() if n >= 2), key=lambda j: (-met[j], j))
        for j in likely[: cc.MAX_LINKS]:
            pair = (i, j) if i < j else (j, i)
            b = sentences[j]
            if pair in found or (a.doc.id == b.doc.id and (sizes is None or sizes[i] == sizes[j] == 1)):
                continue
            score = claim_score(a.claim, b.claim, a.vector, b.vector)
            if same_claim(a.claim, b.claim, score, cc.UNNAMED_MIN):
                found.add(pair)
                out.append((score, *pair))
    return out


def _sentences(seed: int, n: int, actors: Sequence[str]) -> list[cc._Sentence]:
    rng = random.Random(seed)
    docs = [
        Document(f"d{k}", "", f"Outlet {k % 4}", rng.choice(DAYS), "metadata", "en", "", "", "")
        for k in range(max(1, n // 5))
    ]
    claims = []
    for i in range(n):
        doc = rng.choice(docs)
        words = tuple(rng.choice(WORDS[: 8 + i % 22]) for _ in range(rng.randint(2, 7)))
        named = frozenset(rng.sample(actors, rng.randint(0, 2)))
        figures = frozenset(rng.sample(FIGURES, rng.choice((0, 0, 1, 2))))
        claims.append((Claim(Span(doc.id, i, i + 1, ""), words, frozenset(), named, figures=figures), doc))
    tfidf = TfIdf(c.terms for c, _ in claims)
    return [
        cc._Sentence(c, tfidf.vector(c.terms), d, cc._bucket(d.date), row=i)
        for i, (c, d) in enumerate(claims)
    ]


@pytest.mark.parametrize(
    ("seed", "n", "budgets", "actors"),
    [
        (1, 120, (400, 600, 40), ACTORS),  # the real budgets: nothing purged at this size
        (2, 300, (12, 20, 4), ACTORS),  # small budgets: blocks purged, scans cut, links cut
        (3, 300, (30, 8, 2), ACTORS),
        (4, 200, (12, 20, 4), [*ACTORS, "odd|id", "odd"]),  # a "|" in an id: strings compared
        (5, 80, (8, 6, 1), ACTORS),
    ],
)
def test_array_blocking_finds_what_string_blocking_finds(
    seed: int, n: int, budgets: tuple[int, int, int], actors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    block, scan, links = budgets
    monkeypatch.setattr(cc, "MAX_BLOCK", block)
    monkeypatch.setattr(cc, "MAX_SCAN", scan)
    monkeypatch.setattr(cc, "MAX_LINKS", links)
    sentences = _sentences(seed, n, actors)
    sizes = [1 + (i % 3 == 0) for i in range(n)]
    expected = _reference(sentences, sizes)
    assert expected  # the draw has pairs to find
    assert list(cc.linked_pairs(sentences, sizes)) == expected
    assert list(cc.linked_pairs(sentences)) == _reference(sentences, None)


@pytest.mark.parametrize(
    ("seed", "n", "chunk", "budgets", "skips"),
    [
        (1, 120, 7, (400, 600, 40), True),  # many chunks: most pairs' reverse scored by an earlier one
        (2, 300, 50, (12, 20, 4), True),  # budgets cut: a reverse is often not listed at all
        (3, 300, 299, (30, 8, 2), None),  # one sentence in a chunk of its own at the end: may skip
        (6, 150, 1, (400, 600, 40), True),  # a chunk per sentence
        (7, 150, 4096, (400, 600, 40), False),  # one chunk: nothing decided before it
    ],
)
def test_pairs_decided_from_the_other_side_are_not_scored_again(
    seed: int,
    n: int,
    chunk: int,
    budgets: tuple[int, int, int],
    skips: bool | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Scanning in chunks, a pair whose reverse an earlier chunk decided is not scored again
    (``_Decided``); the pairs, their order and scores are the reference's all the same."""
    block, scan, links = budgets
    monkeypatch.setattr(cc, "MAX_BLOCK", block)
    monkeypatch.setattr(cc, "MAX_SCAN", scan)
    monkeypatch.setattr(cc, "MAX_LINKS", links)
    monkeypatch.setattr(cc, "SCAN_CHUNK", chunk)
    skipped: list[int] = []
    real = cc._Decided.reversed

    def counted(self: cc._Decided, *args: object) -> object:
        out = real(self, *args)  # type: ignore[arg-type]
        skipped.append(int(out.sum()))
        return out

    monkeypatch.setattr(cc._Decided, "reversed", counted)
    sentences = _sentences(seed, n, ACTORS)
    sizes = [1 + (i % 3 == 0) for i in range(n)]
    assert list(cc.linked_pairs(sentences, sizes)) == _reference(sentences, sizes)
    if skips is not None:
        assert (sum(skipped) > 0) == skips


@pytest.mark.parametrize(
    ("known", "pairs", "lo", "expected"),
    [
        ([], [(5, 1)], 4, [False]),  # nothing decided yet
        ([1 * 10 + 5], [(5, 1)], 4, [True]),  # (1, 5) decided: (5, 1) is not scored again
        ([1 * 10 + 6], [(5, 1)], 4, [False]),  # another pair of 1's
        ([1 * 10 + 5], [(5, 7)], 4, [False]),  # a partner after the chunk's start: not decided yet
        ([0 * 10 + 5, 1 * 10 + 5, 2 * 10 + 9], [(5, 0), (5, 2), (5, 1)], 4, [True, False, True]),
    ],
)
def test_decided_reverse_pairs(
    known: list[int], pairs: list[tuple[int, int]], lo: int, expected: list[bool]
) -> None:
    decided = cc._Decided()
    if known:
        decided.add(np.array(known, np.int64))
    a, b = (np.array(side, np.int64) for side in zip(*pairs, strict=True))
    assert decided.reversed(a, b, 10, lo).tolist() == expected


@pytest.mark.parametrize("n", [0, 1])
def test_too_few_sentences_have_no_pairs(n: int) -> None:
    assert list(cc.linked_pairs(_sentences(7, n, ACTORS))) == []


def _doc(k: int, day: str | None) -> Document:
    return Document(f"d{k}", "", f"Outlet {k}", day, "metadata", "en", "", "", "")


def _one(
    k: int, words: str, day: str | None, actors: tuple[str, ...] = (), figures: tuple[float, ...] = ()
) -> cc._Sentence:
    claim = Claim(
        Span(f"d{k}", 0, 1, ""),
        tuple(words.split()),
        frozenset(),
        frozenset(actors),
        figures=frozenset(figures),
    )
    return cc._Sentence(claim, {}, _doc(k, day), cc._bucket(day), row=k)


def _string_blocks(sentences: Sequence[cc._Sentence]) -> dict[str, list[int]]:
    """Each kept key's string ("t:word|window") and its sentences, one entry per time a sentence
    holds it: the blocking of one string per key, as it was written before the arrays."""
    held: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        c = s.claim
        own = [f"t:{t}" for t in set(c.terms)] + [f"a:{a}" for a in c.actors]
        own += [f"n:{n:g}" for n in c.figures]
        windows = ["u"] if s.bucket is None else [str(s.bucket), str(s.bucket + 1)]
        for key in own:
            for w in windows:
                held[f"{key}|{w}"].append(i)
    return {k: v for k, v in held.items() if 1 < len(v) <= cc.MAX_BLOCK}


def _in_rank_order(blocks: cc.Blocks) -> list[list[int]]:
    """The kept blocks' members, in the order the blocks are read (``rank``)."""
    kept = [k for k in range(len(blocks.size)) if blocks.member_at[k + 1] > blocks.member_at[k]]
    return [
        blocks.members[blocks.member_at[k] : blocks.member_at[k + 1]].tolist()
        for k in sorted(kept, key=lambda k: int(blocks.rank[k]))
    ]


W = str(cc._bucket("2031-03-02"))  # the window of 2 March 2031, and the next
W1 = str(int(W) + 1)

# (sentences, keys kept): each row one rule of the blocking
BLOCKING = [
    pytest.param(  # a term shared in one window: a key in that window and the next
        [_one(0, "flood bridge", "2031-03-02"), _one(1, "flood closed", "2031-03-03")],
        {f"t:flood|{W}", f"t:flood|{W1}"},
        id="shared-term",
    ),
    pytest.param(  # a week apart: they meet in the window between
        [_one(0, "flood bridge", "2031-03-02"), _one(1, "flood closed", "2031-03-10")],
        {f"t:flood|{W1}"},
        id="next-window",
    ),
    pytest.param(  # two weeks apart: never
        [_one(0, "flood bridge", "2031-03-02"), _one(1, "flood closed", "2031-03-20")],
        set(),
        id="windows-apart",
    ),
    pytest.param(  # undated reports meet undated ones only
        [_one(0, "flood bridge", None), _one(1, "flood closed", None), _one(2, "flood", "2031-03-02")],
        {"t:flood|u"},
        id="undated",
    ),
    pytest.param(  # a term a sentence repeats is one key of it; actors and figures are keys too
        [
            _one(0, "flood flood", "2031-03-02", ("ada-quill",), (12.0,)),
            _one(1, "flood", "2031-03-02", ("ada-quill",), (12.0,)),
        ],
        {f"{k}|{w}" for k in ("t:flood", "a:ada-quill", "n:12") for w in (W, W1)},
        id="terms-actors-figures",
    ),
    pytest.param(  # two figures that print alike (:g) are one key, held twice by the sentence
        [
            _one(0, "x", "2031-03-02", (), (1234567.0, 1234568.0)),
            _one(1, "y", "2031-03-02", (), (1234567.0,)),
        ],
        {f"n:1.23457e+06|{W}", f"n:1.23457e+06|{W1}"},
        id="figures-alike",
    ),
]


@pytest.mark.parametrize(("sentences", "kept"), BLOCKING)
def test_blocking_keys_as_arrays_are_the_string_keys(sentences: list[cc._Sentence], kept: set[str]) -> None:
    """The blocks kept, read in rank order (smallest first, then by the key's string), hold the
    sentences the string keys hold; and each sentence lists the keys whose blocks hold it."""
    reference = _string_blocks(sentences)
    assert set(reference) == kept
    ordered = sorted(reference, key=lambda k: (len(reference[k]), k))
    blocks = cc.blocking_keys(sentences)
    assert _in_rank_order(blocks) == [reference[k] for k in ordered]
    for i in range(len(sentences)):
        own = blocks.keys[blocks.keys_at[i] : blocks.keys_at[i + 1]].tolist()
        holding = [
            k
            for k in range(len(blocks.size))
            for m in blocks.members[blocks.member_at[k] : blocks.member_at[k + 1]].tolist()
            if m == i
        ]
        assert sorted(own) == sorted(holding)


@pytest.mark.parametrize(("held_by", "purged"), [(3, False), (4, False), (5, True), (9, True)])
def test_a_key_held_by_too_many_sentences_is_purged(
    held_by: int, purged: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Block purging: a term in more than MAX_BLOCK sentences of a window says too little to pick
    pairs; its key is dropped and proposes no candidates, while a rarer shared key still does."""
    monkeypatch.setattr(cc, "MAX_BLOCK", 4)
    sentences = [_one(k, f"flood word{k}", "2031-03-02") for k in range(held_by)]
    sentences += [_one(90, "quay level", "2031-03-02"), _one(91, "quay level", "2031-03-02")]
    tfidf = TfIdf(x.claim.terms for x in sentences)
    sentences = [replace(x, vector=tfidf.vector(x.claim.terms)) for x in sentences]
    blocks = _in_rank_order(cc.blocking_keys(sentences))
    flood = list(range(held_by))
    assert (flood not in blocks) is purged
    assert [held_by, held_by + 1] in blocks  # the quay's and the level's keys
    pairs = [(i, j) for _, i, j in cc.linked_pairs(sentences)]
    assert (held_by, held_by + 1) in pairs
    assert all(i >= held_by for i, _ in pairs)  # one shared word, purged or not, pairs none of the floods


def _dated(start: int, end: int) -> DateMention:
    return DateMention("d1", "x" * (end - start), start, end, "2031-03-02", "day")


@pytest.mark.parametrize(
    ("rows", "span", "expected"),
    [
        ([(5, 9), (0, 3), (12, 20)], (0, 10), [0, 1]),  # table order kept, not start order
        ([(5, 9), (0, 3), (12, 20)], (4, 11), [0]),
        ([(5, 9), (0, 3), (12, 20)], (21, 30), []),  # none inside
        ([(5, 9), (0, 3)], (6, 30), []),  # overlapping only: not inside
        ([(8, 9), (3, 4), (3, 9), (3, 4)], (3, 9), [0, 1, 2, 3]),  # equal starts, a repeated row
        ([(2, 5), (2, 12)], (2, 10), [0]),  # a row reaching past the end
        ([], (0, 10), []),
    ],
)
def test_rows_inside_a_sentence_in_table_order(
    rows: list[tuple[int, int]], span: tuple[int, int], expected: list[int]
) -> None:
    records = [_dated(a, b) for a, b in rows]
    sentence = Span("d1", span[0], span[1], "")
    found = cc.RowsInside(DocRows(dates=records)).of(sentence).dates
    assert list(found) == [records[k] for k in expected]
    assert list(found) == cc._inside(records, sentence)


def _member(k: int, figures: bool, speakers: bool, dated: bool) -> cc._Sentence:
    claim = Claim(
        Span(f"r{k}", 0, 10, ""),
        ("quay", "flood"),
        frozenset({"ada-quill"}) if speakers else frozenset(),
        frozenset(),
        figures=frozenset({12.0}) if figures else frozenset(),
    )
    return cc._Sentence(claim, {"quay": 1.0}, _doc(k, "2031-03-02"), 0, dated)


@pytest.mark.parametrize(
    "flags",
    [
        [(True, False, False), (False, True, False), (False, False, True)],  # one of each: no pair
        [(True, False, False), (True, False, False)],  # two give figures
        [(False, True, False), (False, False, False), (False, True, False)],  # two quote someone
        [(False, False, True), (False, False, True)],  # two dated
        [(False, False, False)] * 5,
        [(True, True, True)],  # one member alone
        [],
    ],
)
def test_checked_pairs_none_when_no_two_members_may_conflict(flags: list[tuple[bool, bool, bool]]) -> None:
    members = [_member(k, *f) for k, f in enumerate(flags)]
    every = [(a, b) for a, b in combinations(members, 2) if cc._may_conflict(a, b)]
    assert cc._two_may_conflict(members) == bool(every)
    if members:
        assert bool(cc._checked_pairs(members[0], members)) == bool(every)


def _components_reference(
    parts: cc.Parts, edges: cc.Edges, sentences: Sequence[cc._Sentence]
) -> list[tuple[cc.Parts, cc.Edges]]:
    """The components as union-find over the members finds them (the code before the arrays)."""
    parent = {m: m for p in parts for m in p}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for p in parts:
        for m in p[1:]:
            parent[find(m)] = find(p[0])
    for a, b in edges:
        pair = cc._across(parts[a], parts[b], sentences)
        if pair:
            parent[find(pair[0])] = find(pair[1])
    where: dict[int, list[int]] = defaultdict(list)
    for k, p in enumerate(parts):
        where[find(p[0])].append(k)
    new_index = {k: (root, n) for root, ks in where.items() for n, k in enumerate(ks)}
    inner: dict[int, cc.Edges] = defaultdict(list)
    for a, b in edges:
        (ra, na), (rb, nb) = new_index[a], new_index[b]
        if ra == rb:
            inner[ra].append((na, nb))
    return [([parts[k] for k in ks], inner[root]) for root, ks in where.items()]


def _random_parts(rng: random.Random, n: int) -> cc.Parts:
    """The ``n`` sentences shuffled into parts of one to three, in the order of their first."""
    order = list(range(n))
    rng.shuffle(order)
    parts: cc.Parts = []
    while order:
        size = min(len(order), rng.choice((1, 1, 1, 2, 3)))
        parts.append(sorted(order[:size]))
        order = order[size:]
    return sorted(parts, key=lambda p: p[0])


@pytest.mark.parametrize(
    ("seed", "n", "links"), [(1, 60, 0), (2, 60, 20), (3, 200, 90), (4, 200, 400), (5, 30, 60)]
)
def test_components_as_arrays_are_the_union_find_components(seed: int, n: int, links: int) -> None:
    """Parts of one to three sentences (two lone sentences of one report are not linked by an
    edge between them), random edges, some within a component already, some repeated."""
    rng = random.Random(seed)
    sentences = _sentences(seed, n, ACTORS)
    parts = _random_parts(rng, n)
    edges = [tuple(sorted(rng.sample(range(len(parts)), 2))) for _ in range(links)]
    found = cc._components(parts, [(a, b) for a, b in edges], sentences)
    assert found == _components_reference(parts, [(a, b) for a, b in edges], sentences)
    assert sorted(m for sub, _ in found for p in sub for m in p) == list(range(n))


@pytest.mark.parametrize(("seed", "n", "links"), [(6, 40, 0), (7, 40, 15), (8, 120, 70), (9, 120, 300)])
def test_few_components_joined_in_python_are_those_of_the_arrays(
    seed: int, n: int, links: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The union-find of a few parts gives the array path's components, parts and edges, in its
    order (edges between two lone sentences of one report included when they fall in one)."""
    rng = random.Random(seed)
    sentences = _sentences(seed, n, ACTORS)
    parts = _random_parts(rng, n)
    edges: cc.Edges = []
    for _ in range(links):
        a, b = sorted(rng.sample(range(len(parts)), 2))
        edges.append((a, b))
    few = cc._few_components(parts, edges, sentences)
    monkeypatch.setattr(cc, "SMALL_COMPONENTS", 0)
    assert few == cc._components(parts, edges, sentences)


def test_components_labels_are_the_smallest_node_of_each_component() -> None:
    a = np.array([5, 1, 7, 3, 8], np.int64)
    b = np.array([6, 5, 2, 4, 8], np.int64)  # 1-5-6, 2-7, 3-4, 8 alone (a loop), 0 and 9 alone
    assert cc._labels(10, a, b).tolist() == [0, 1, 2, 3, 3, 1, 1, 2, 8, 9]


@pytest.mark.parametrize(
    "codes",
    [[], [7], [3, 3], [1, 2, 3], [5, 1, 5, 2, 5, 2, 9], [4, 4, 4, 1], [0, 8, 8]],
    ids=["none", "one", "a pair", "all once", "mixed", "run first", "run last"],
)
def test_repeated_codes_are_the_counted_codes_found_twice(codes: list[int]) -> None:
    """``_repeated``: the codes ``_counted`` counts twice or more, with their counts, ascending."""
    for kind in (np.int32, np.int64):
        found, times = cc._repeated(np.array(codes, kind))
        counted, counts = cc._counted(np.array(codes, kind))
        assert found.tolist() == counted[counts >= 2].tolist()
        assert times.tolist() == counts[counts >= 2].tolist()


def test_repeated_codes_at_random() -> None:
    rng = np.random.default_rng(5)
    codes = rng.integers(0, 300, 1000)
    found, times = cc._repeated(codes)
    counted, counts = cc._counted(codes)
    assert found.tolist() == counted[counts >= 2].tolist() and times.tolist() == counts[counts >= 2].tolist()
    assert len(found) < len(counted)  # some codes found once were left out


@pytest.mark.parametrize(
    "names",
    [
        [],
        ["t:ab", "t:abc", "t:a", "a:ab", "n:2.5", "t:Ab"],
        ["t:café", "t:cafe", "t:caf", "t:ça", "t:€", "t:z", "t:𝔸"],  # beyond ASCII, beyond the BMP
        ["t:b", "t:a\udcff", "t:a"],  # a lone surrogate: no UTF-8, sorted by Python
    ],
    ids=["none", "prefixes", "unicode", "surrogate"],
)
def test_name_order_is_pythons_order_of_the_marked_names(names: list[str]) -> None:
    expected = sorted(range(len(names)), key=lambda n: names[n] + "|")
    assert list(cc._name_order(names)) == expected


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_cosine_is_the_sum_over_every_term_to_the_last_bit(seed: int) -> None:
    """``cosine`` sums only the products of terms both vectors hold: the same float as summing a
    product for every term of the shorter one (0.0 for a term the other lacks), in its order."""
    sentences = _sentences(seed, 80, ACTORS)
    for a, b in combinations(sentences, 2):
        for va, vb in ((a.vector, b.vector), (b.vector, a.vector)):
            short, long = (va, vb) if len(va) <= len(vb) else (vb, va)
            assert cosine(va, vb) == sum(v * long.get(t, 0.0) for t, v in short.items())


@pytest.mark.parametrize("seed", [21, 22, 23])
def test_tfidf_counts_a_repeated_wording_once_with_its_times(seed: int) -> None:
    """``TfIdf`` reads each distinct wording object once, times the documents holding it: the same
    document frequencies as counting every document (wordings repeated as one object and as equal
    copies, empty ones, repeated terms)."""
    rng = random.Random(seed)
    shared = [tuple(rng.choices(WORDS, k=rng.randint(0, 6))) for _ in range(5)]
    wordings = [
        rng.choice(shared) if rng.random() < 0.6 else tuple(rng.choices(WORDS, k=3)) for _ in range(40)
    ]
    wordings += [tuple(list(shared[0]))]  # equal to a shared one, another object
    made = TfIdf(wordings)
    df = Counter(t for w in wordings for t in set(w))
    n = len(wordings)
    assert made.idf == {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
    assert made.default_idf == math.log(1 + n) + 1.0


@pytest.mark.parametrize("seed", [31, 32, 33, 34])
def test_checked_pairs_are_those_of_every_member_pair_in_order(seed: int) -> None:
    """The pairs checked are the first MAX_CONFLICT_PAIRS of the medoid's pairs, then every other
    pair of members of different reports, that may conflict: members that give no figure, quote
    no one and are undated are passed over without changing the order or the pairs."""
    rng = random.Random(seed)
    flags = [(rng.random() < 0.15, rng.random() < 0.15, rng.random() < 0.15) for _ in range(60)]
    members = [_member(k // 2 if rng.random() < 0.3 else k, *f) for k, f in enumerate(flags)]
    for medoid in (members[0], members[7], next(m for m in members if m.claim.figures)):
        every = [(medoid, s) for s in members if s.doc.id != medoid.doc.id]
        every += [
            (a, b) for a, b in combinations(members, 2) if a is not medoid is not b and a.doc.id != b.doc.id
        ]
        expected = [p for p in every if cc._may_conflict(*p)][: cc.MAX_CONFLICT_PAIRS]
        assert cc._checked_pairs(medoid, members) == expected
