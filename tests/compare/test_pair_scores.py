"""Scoring sentence pairs as arrays (lib/compare/pair_scores.py) decides as ``claim_score`` and
``same_claim`` (lib/compare/align.py) do, pair by pair; and a blocking key held by too many
sentences (block purging, lib/compare/corpus.py) proposes no candidates. Made-up sentences."""

from __future__ import annotations

import random

import numpy as np
import pytest

from lib.compare import corpus as cc
from lib.compare.align import claim_score, same_claim
from lib.compare.claims import Claim
from lib.compare.pair_scores import claim_rows, near_threshold, scores
from lib.records import Document, Span
from lib.text.similarity import TfIdf, terms

NONE: frozenset[str] = frozenset()


def _claim(i: int, text: str, actors=NONE, persons=NONE, speakers=NONE, figures=frozenset()) -> Claim:  # type: ignore[no-untyped-def]
    return Claim(
        Span(f"d{i}", 0, len(text), text), tuple(terms(text)), speakers, actors, None, persons, figures
    )


# (a, b, same): each row one property same_claim reads
PAIRS = [
    (
        _claim(0, "Floodwater closed the Marrow bridge on Tuesday"),
        _claim(1, "Floodwater closed the Marrow bridge"),
        True,
    ),
    (
        _claim(0, "Floodwater closed the Marrow bridge"),
        _claim(1, "Ferries resumed across the Tallis strait"),
        False,
    ),
    (_claim(0, "The harbour reopened"), _claim(1, "The harbour council met"), False),  # one word shared
    (  # anchored by two actors: a lower bar
        _claim(0, "Envoys signed the grain accord at dawn", frozenset({"ostra", "velm"})),
        _claim(1, "The grain accord was finally agreed by negotiators", frozenset({"ostra", "velm"})),
        True,
    ),
    (  # anchored by a shared figure
        _claim(0, "Storm damage reached 40 homes near the coast", figures=frozenset({40.0})),
        _claim(1, "The coast storm left damage to houses", figures=frozenset({40.0})),
        True,
    ),
    (  # different speakers: never one claim
        _claim(0, "The strike will end on Friday", speakers=frozenset({"kessa-orn"})),
        _claim(1, "The strike will end on Friday", speakers=frozenset({"bram-tey"})),
        False,
    ),
    (  # a speaker in common (a body and its member)
        _claim(0, "The strike will end on Friday", speakers=frozenset({"kessa-orn", "dock-union"})),
        _claim(1, "The strike will end on Friday", speakers=frozenset({"dock-union"})),
        True,
    ),
    (  # each names a person the other does not, and the words barely agree
        _claim(0, "Thanks went to the rescue crews and volunteers", persons=frozenset({"ida-vell"})),
        _claim(
            1, "Thanks went to the rescue teams and medics from the valley", persons=frozenset({"olo-marsk"})
        ),
        False,
    ),
    (  # ... unless the words agree enough (SURE_SAME)
        _claim(0, "Thanks went to the rescue crews and volunteers", persons=frozenset({"ida-vell"})),
        _claim(1, "Thanks went to the rescue crews and volunteers", persons=frozenset({"olo-marsk"})),
        True,
    ),
    (_claim(0, "Talks talks talks"), _claim(1, "Talks talks"), False),  # one distinct word
    (  # two common words and nothing named in common: not enough
        _claim(0, "What can we say to the world?", frozenset({"norland"})),
        _claim(1, "The world will say thanks for the harbour pact", frozenset({"sudmark"})),
        False,
    ),
    (  # ... the same two words around an actor both name
        _claim(0, "What can we say to the world?", frozenset({"norland"})),
        _claim(1, "The world will say thanks for the harbour pact", frozenset({"norland"})),
        True,
    ),
    (  # ... or three words in common
        _claim(0, "The world will say thanks"),
        _claim(1, "The world will say thanks for the harbour pact"),
        True,
    ),
    (  # a readout's set phrase with another counterpart: the host both name undoes no difference
        _claim(
            0,
            "The president had a telephone call with the prime minister on fishing rights and ferries",
            frozenset({"arlen-voss", "ida-kemp", "norland"}),
            persons=frozenset({"arlen-voss", "ida-kemp"}),
        ),
        _claim(
            1,
            "The president had a telephone call with the chancellor about grain exports and gas",
            frozenset({"arlen-voss", "bo-lind"}),
            persons=frozenset({"arlen-voss", "bo-lind"}),
        ),
        False,
    ),
]


@pytest.mark.parametrize(("a", "b", "same"), PAIRS)
def test_array_scores_decide_as_same_claim(a: Claim, b: Claim, same: bool) -> None:
    """The table holds for the corpus's claims (cc.UNNAMED_MIN: sentences of any two reports)."""
    tfidf = TfIdf(c.terms for x, y, _ in PAIRS for c in (x, y))  # IDF over the table's sentences
    va, vb = tfidf.vector(a.terms), tfidf.vector(b.terms)
    expected = claim_score(a, b, va, vb)
    assert same_claim(a, b, expected, cc.UNNAMED_MIN) is same  # the table says what same_claim says
    rows = claim_rows(
        [va, vb],
        [a.actors, b.actors],
        [a.persons, b.persons],
        [a.speakers, b.speakers],
        [a.figures, b.figures],
    )
    kept, score, decided = scores(rows, np.array([0], np.int64), np.array([1], np.int64), cc.UNNAMED_MIN)
    if not len(kept):  # too few shared terms: not scored, not the same claim
        assert not same
        return
    assert score[0] == pytest.approx(expected, abs=1e-12)
    assert bool(decided[0]) is same


def test_two_reports_side_by_side_need_fewer_words() -> None:
    """Two reports an analyst put side by side are likely of one event: two content words in common
    suffice there (MIN_SHARED), where the corpus's claims want cc.UNNAMED_MIN."""
    a, b, same = PAIRS[10]
    assert not same
    tfidf = TfIdf(c.terms for x, y, _ in PAIRS for c in (x, y))
    score = claim_score(a, b, tfidf.vector(a.terms), tfidf.vector(b.terms))
    assert same_claim(a, b, score) and not same_claim(a, b, score, cc.UNNAMED_MIN)


@pytest.mark.parametrize("unnamed_min", [2, cc.UNNAMED_MIN])
def test_random_pairs_decide_as_same_claim(unnamed_min: int) -> None:
    """Many drawn pairs, both orders: the array decision is same_claim's wherever a sum's order
    cannot decide (``near_threshold``)."""
    rng = random.Random(11)
    words = [f"{a}{b}" for a in ("kel", "mor", "tav", "sil") for b in ("ar", "in", "ot")]
    people = ["ana-brisk", "col-dern", "ev-halm"]
    claims = []
    for i in range(60):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 6)))
        claims.append(
            _claim(
                i,
                text,
                frozenset(rng.sample(people, rng.randint(0, 2))),
                frozenset(rng.sample(people, rng.randint(0, 1))),
                frozenset(rng.sample(people, rng.choice((0, 0, 1)))),
                frozenset(rng.sample([3.0, 12.0], rng.choice((0, 0, 1)))),
            )
        )
    tfidf = TfIdf(c.terms for c in claims)
    vectors = [tfidf.vector(c.terms) for c in claims]
    rows = claim_rows(
        vectors,
        [c.actors for c in claims],
        [c.persons for c in claims],
        [c.speakers for c in claims],
        [c.figures for c in claims],
    )
    a, b = np.array([(i, j) for i in range(60) for j in range(60) if i != j], np.int64).T
    kept, score, decided = scores(rows, a, b, unnamed_min)
    expected = {
        (i, j): same_claim(
            claims[i], claims[j], claim_score(claims[i], claims[j], vectors[i], vectors[j]), unnamed_min
        )
        for i, j in zip(a.tolist(), b.tolist(), strict=True)
    }
    got = dict.fromkeys(expected, False)
    sure = ~near_threshold(score)
    for k, s, d in zip(kept.tolist(), sure.tolist(), decided.tolist(), strict=True):
        got[(int(a[k]), int(b[k]))] = d if s else expected[(int(a[k]), int(b[k]))]
    assert sum(expected.values()) > 20  # the draw has same claims
    assert got == expected


def _sentences(texts: list[str]) -> list[cc._Sentence]:
    claims = [_claim(i, t) for i, t in enumerate(texts)]
    tfidf = TfIdf(c.terms for c in claims)
    doc = [
        Document(f"d{i}", "", f"Outlet {i}", "2031-04-02", "metadata", "en", "", "", "")
        for i in range(len(texts))
    ]
    return [
        cc._Sentence(c, tfidf.vector(c.terms), doc[i], cc._bucket(doc[i].date), row=i)
        for i, c in enumerate(claims)
    ]


@pytest.mark.parametrize(
    ("max_block", "candidates_of_first"),
    [
        (400, [1, 2, 3, 4, 5, 6]),  # nothing purged: every sentence sharing "harbour" is read
        (5, [1]),  # "harbour" in 7 sentences of the window: purged, only the rare word links
    ],
)
def test_a_purged_key_proposes_no_candidates(
    max_block: int, candidates_of_first: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cc, "MAX_BLOCK", max_block)
    texts = [
        "Harbour cranes halted zephyrine",
        "Harbour zephyrine",
        *[f"Harbour {w}" for w in ("alpha", "bravo", "delta", "echo", "foxtrot")],
    ]
    blocks = cc.blocking_keys(_sentences(texts))
    first, found = cc._likely_pairs(blocks, 0, 1, len(texts))
    assert set(first.tolist()) <= {0}
    assert sorted(found.tolist()) == candidates_of_first
