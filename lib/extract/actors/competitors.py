"""Teams named after places: "CHICAGO 3 Atlanta 2", "Hampshire beat Surrey", a standings row.

Sports pages name clubs by their city or county; the name is then an organisation, not a place
(the CoNLL-2003 guidelines, Tjong Kim Sang & De Meulder 2003, tag such teams ORG). The cues are
layout and a few competition words, kept as data in actor_filters.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_SCORE_AFTER = re.compile(r"^[ \t]+\d+(?:[ \t]|$)")  # "CHICAGO 3", "CHICAGO 71 64 .526"
_SCORE_BEFORE = re.compile(r"\d+[ \t]+$")  # "... 3 Atlanta"


def _line_of(text: str, start: int, end: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end : len(text) if line_end < 0 else line_end]


def is_competitor(text: str, start: int, end: int, words: Iterable[str]) -> bool:
    """Whether the name at [start, end) stands as a competitor in a result, a fixture or a table."""
    before, after = _line_of(text, start, end)
    if _SCORE_AFTER.match(after) and (not before.strip() or _SCORE_BEFORE.search(before)):
        return True
    prev = [w.lower() for w in before.rsplit(None, 2)[-2:]]  # not every word of a long line
    nxt = [w.lower() for w in after.split(None, 2)[:2]]
    for parts in _split_words(tuple(words)):
        if prev[-len(parts) :] == parts or nxt[: len(parts)] == parts:
            return True
    return False


@lru_cache(maxsize=8)
def _split_words(words: tuple[str, ...]) -> tuple[list[str], ...]:
    """Each competition word split into its words, once per list (asked for every name)."""
    return tuple(word.split() for word in words)
