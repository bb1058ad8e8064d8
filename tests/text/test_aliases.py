"""The phrase scanner (lib/text/aliases.py): bucketed by first word, it finds exactly what one
case-insensitive alternation of every phrase, longest first, finds."""

from __future__ import annotations

import random
import re

import pytest

from lib.extract.actors.registry import load_registry
from lib.text.aliases import fold, phrase_index


def _reference(pairs: list[tuple[str, str]], text: str) -> list[tuple[int, int, str]]:
    """The scanner as it was: one alternation tried at every position (the oracle)."""
    index = phrase_index(pairs)
    forms = sorted(index.forms.values(), key=len, reverse=True)
    if not forms:
        return []
    pattern = re.compile(rf"(?<![\w#@])(?:{'|'.join(re.escape(f) for f in forms)})(?![\w])", re.IGNORECASE)
    return [
        (m.start(), m.end(), index.values[k])
        for m in pattern.finditer(text)
        if (k := fold(m.group(0))) in index.values and index.get(m.group(0)) is not None
    ]


PHRASES = [
    ("Port Vell", "city"),
    ("Port", "port"),
    ("Vell", "vell"),
    ("Vell Bay", "bay"),
    ("U.S.", "us"),
    ("U.S. Navy", "navy"),
    ("Éire", "eire"),
    ("İzmir", "izmir"),
    ("Ankor-Sud", "ankor"),
    ("(Vexo)", "vexo-paren"),
    ("'Ander Group'", "ander-quoted"),
    ("al-Tamar", "tamar"),
    ("the Council", "council"),
]
# enough phrases that the scanner buckets them (aliases.BUCKETED_FROM), some sharing a bucket
MANY = PHRASES + [(f"{w}town {i}", f"t{i}") for i, w in enumerate(["Port", "Vell", "Ankor", "Ost"] * 15)]
WORDS = [
    "Port", "PORT", "port", "Vell", "VELL", "Bay", "bay", "U.S.", "U.S", "Navy",
    "Éire", "ÉIRE", "EIRE", "eire",
    "İzmir", "izmir", "IZMIR", "Ankor-Sud", "Ankor", "(Vexo)", "Vexo", "'Ander", "Group'", "al-Tamar",
    "the", "Council", "#Vell", "@Port", "Portland", "Vells", "x", ",", ".", "\n",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ships left Port Vell on Monday.", [(11, 20, "city")]),  # the longest phrase wins
        ("Ships left Port Vell Bay.", [(11, 20, "city")]),  # leftmost first, then no overlap
        ("PORT VELL, a headline", [(0, 9, "city")]),  # capitals stand for any case
        ("a port vell", []),  # a capitalised form needs its capitals
        ("#Vell trends; @Port posts", []),  # hashtags and handles are no names
        ("Portland and Vells", []),  # whole words only
        ("the U.S. Navy said", [(4, 13, "navy")]),
        ("in Éire and ÉIRE, not EIRE", [(3, 7, "eire"), (12, 16, "eire")]),  # an accent is part of the letter
        ("from İzmir", [(5, 10, "izmir")]),
        ("the firm (Vexo) said", [(9, 15, "vexo-paren")]),
        ("al-Tamar spoke", [(0, 8, "tamar")]),
    ],
)
@pytest.mark.parametrize("phrases", [PHRASES, MANY], ids=["one-alternation", "bucketed"])
def test_scan_finds_whole_phrases_with_their_case(
    phrases: list[tuple[str, str]], text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert bool(phrase_index(phrases).buckets) == (phrases is MANY)
    assert list(phrase_index(phrases).scan(text)) == expected
    assert _reference(phrases, text) == expected


def test_scan_agrees_with_one_alternation_on_random_text() -> None:
    rng = random.Random(11)
    index = phrase_index(MANY)
    words = [*WORDS, "Porttown", "Velltown", "3", "Ost", "OSTTOWN", "17"]
    for _ in range(5000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        assert list(index.scan(text)) == _reference(MANY, text), text


def test_scan_agrees_with_one_alternation_on_the_registry() -> None:
    """The registry's indexes (hundreds of places), on text made of their own forms."""
    reg = load_registry()
    rng = random.Random(5)
    for idx in (reg.names, reg.seats, reg.gazetteer, reg.adjectives):
        pairs = [(form, idx.values[key]) for key, form in idx.forms.items()]
        forms = list(idx.forms.values())
        for _ in range(200):
            words = [rng.choice(forms) if rng.random() < 0.4 else rng.choice(WORDS) for _ in range(15)]
            text = " ".join(w.upper() if rng.random() < 0.1 else w for w in words)
            assert list(idx.scan(text)) == _reference(pairs, text), text


def test_no_phrases_find_nothing() -> None:
    assert list(phrase_index([]).scan("Port Vell")) == []
    assert phrase_index([("  ", "blank")]).get("  ") is None
