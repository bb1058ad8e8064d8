"""Case and accents folded away: the one definition a search and the store's term index share.

``fold_char`` folds a character as DuckDB's ``strip_accents(lower(c))`` does (tests/view/test_search.py
checks them against each other), so the store's LIKE scan keeps whatever lib/view/search.py keeps;
``words`` splits folded text into the words a search term and the term index
(lib/store/terms.py) are made of. lib/version.py's ``index_version`` is a digest of this file: a
change here makes every stored index stale, and the next ingest rebuilds them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """A character without case or accents: its canonical decomposition without marks, recomposed
    (Hangul) and lower-cased, character by character (no context: a final sigma folds as any
    sigma), as DuckDB's strip_accents(lower(c)) does."""
    bare = "".join(
        c for c in unicodedata.normalize("NFD", char) if not unicodedata.category(c).startswith("M")
    )
    return unicodedata.normalize("NFC", bare).lower()


class _FoldTable(dict[int, str]):
    """``fold_char`` of each code point, filled as characters are met, for ``str.translate`` (a
    lookup per character in C, where a call per character cost most of a search's time)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


class _ChangesLength(dict[int, str]):
    """ "" for a code point whose fold is one character, "x" for one whose fold is none or several."""

    def __missing__(self, code: int) -> str:
        odd = self[code] = "" if len(fold_char(chr(code))) == 1 else "x"
        return odd


_LENGTH = _ChangesLength()


def one_to_one(text: str) -> bool:
    """Whether every character of the text folds to one character (offsets then carry over)."""
    return text.isascii() or not text.translate(_LENGTH)


def fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def words(text: str) -> list[str]:
    """The folded words of a text, as ``parse`` splits a term and as a match's words stand in a
    sentence: the store's term index (lib/store/terms.py) holds a sentence's ``words``."""
    return _WORD.findall(fold(text))
