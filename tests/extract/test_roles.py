"""Role phrases (lib/extract/actors/roles.py): a phrase's pattern runs only on a text holding its
longest word, and that test never skips a text the pattern would match."""

from __future__ import annotations

import pytest

from lib.extract.actors import roles
from lib.extract.actors.registry import load_registry


def _variants(phrase: str) -> list[str]:
    """The phrase as headlines, datelines and odd keyboards write it."""
    plain = phrase.replace("{aff}", "Vellmark")
    return [
        plain,
        plain.upper(),
        plain.title(),
        plain.replace("i", "İ").replace("I", "İ"),  # a dotted capital I (Turkish keyboards)
        plain.upper().replace("I", "ı"),  # a dotless i
        plain.replace("s", "ſ"),  # a long s, which a case-insensitive pattern takes for "s"
    ]


def test_every_text_a_role_pattern_matches_passes_the_word_test() -> None:
    reg = load_registry()
    phrases = [p for role in reg.roles for p in (*role.phrases, *role.short)]
    assert phrases
    for phrase in phrases:
        for text in _variants(phrase):
            if roles._phrase_pattern(phrase).search(f"Then {text} spoke."):
                assert all(w in roles._folded(text) for w in roles._literals(phrase)), (phrase, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The prime minister of Vellmark spoke.", True),
        ("THE PRIME MINISTER SPOKE.", True),
        ("The prime time show aired.", False),
    ],
)
def test_find_roles_reads_role_phrases_in_any_case(text: str, found: bool) -> None:
    hits = roles.find_roles(text, load_registry())
    assert any("minister" in text[h.start : h.end].lower() for h in hits) == found
