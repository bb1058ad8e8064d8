"""Every lexicon file reads as the words written in it.

YAML 1.1 reads a bare on, off, yes, no, true or false as a boolean: a word list holding one loses
that word silently (a reporting verb lost its preposition "on" this way)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

LEXICONS = sorted((Path(__file__).resolve().parents[2] / "lib" / "lexicons").glob("*.yaml"))


def booleans(node: Any, where: str = "") -> list[str]:
    """The places in a loaded YAML document where a boolean stands (as a key or a value)."""
    if isinstance(node, bool):
        return [where or "/"]
    if isinstance(node, dict):
        keys = [f"{where}/{k} (key)" for k in node if isinstance(k, bool)]
        return keys + [b for k, v in node.items() for b in booleans(v, f"{where}/{k}")]
    if isinstance(node, list):
        return [b for i, v in enumerate(node) for b in booleans(v, f"{where}[{i}]")]
    return []


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_a_lexicon_holds_no_boolean(path: Path) -> None:
    assert not booleans(yaml.safe_load(path.read_text(encoding="utf-8"))), path.name


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("verbs: {insist: [on]}", ["/verbs/insist[0]"]),
        ("words: [no, never]", ["/words[0]"]),
        ("yes: 1", ["/True (key)"]),
        ('verbs: {insist: ["on"]}', []),
        ("words: [never, none]", []),
    ],
)
def test_the_check_finds_a_bare_boolean(text: str, found: list[str]) -> None:
    assert booleans(yaml.safe_load(text)) == found
