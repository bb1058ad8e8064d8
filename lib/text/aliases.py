"""Surface forms of names: folding, slugs, a case-aware phrase scanner and fuzzy name matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

# Fuzzy thresholds (rapidfuzz ratio, 0-100) for spelling and transliteration variants
# ("Soltenberg" ~ "Stoltenberg", "Alexsandr Grushkó" ~ "Alexander Grushko"): high enough that
# different short surnames do not collide. Tuned on the registry itself, not on any corpus.
FUZZY_FULL = 86.0
FUZZY_SURNAME = 88.0
MIN_FUZZY_LEN = 6

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes made straight."""
    if text.isascii():
        return text.lower()
    nfkd = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch)).lower()


def slug(name: str) -> str:
    """The id of an actor from its canonical name: "Jens Stoltenberg" -> "jens-stoltenberg"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def words_match(surface: str, form: str) -> bool:
    """Whether a case-insensitive hit keeps the case of the listed form, word by word.

    A capitalised word of the form must be capitalised in the text, or the whole word in
    capitals (headlines and datelines); a lower-case word of the form may take any case.
    """
    sws, fws = surface.split(), form.split()
    if len(sws) != len(fws):
        return False
    return all(_word_ok(s, f) for s, f in zip(sws, fws, strict=True))


def _word_ok(surface: str, form: str) -> bool:
    if surface == form or form.islower():
        return True
    return surface.isupper() and len(surface) > 1 and fold(surface) == fold(form)


@dataclass(frozen=True)
class PhraseIndex:
    """A scanner for a fixed list of phrases, each mapped to a value (an actor id or a tag)."""

    pattern: re.Pattern[str] | None
    values: Mapping[str, str]  # folded phrase -> value
    forms: Mapping[str, str]  # folded phrase -> the phrase as listed

    def scan(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, value) of every hit whose case agrees with the listed form."""
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            key = fold(m.group(0))
            if key in self.values and words_match(m.group(0), self.forms[key]):
                yield m.start(), m.end(), self.values[key]

    def get(self, surface: str) -> str | None:
        key = fold(surface)
        if key in self.values and words_match(surface, self.forms[key]):
            return self.values[key]
        return None


def phrase_index(pairs: Iterable[tuple[str, str]]) -> PhraseIndex:
    """An index of (phrase, value) pairs; the first value listed for a phrase wins."""
    values: dict[str, str] = {}
    forms: dict[str, str] = {}
    for phrase, value in pairs:
        key = fold(phrase)
        if phrase.strip() and key not in values:
            values[key], forms[key] = value, phrase
    if not forms:
        return PhraseIndex(None, values, forms)
    alternation = "|".join(re.escape(f) for f in sorted(forms.values(), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w#@])(?:{alternation})(?![\w])", re.IGNORECASE)
    return PhraseIndex(pattern, values, forms)


def handle_key(handle: str) -> str:
    """A handle or hashtag reduced to letters and digits: "@JensStoltenberg" -> "jensstoltenberg"."""
    return re.sub(r"[^a-z0-9]", "", fold(handle))


def best_fuzzy(surface: str, names: Mapping[str, str]) -> str | None:
    """The value of the closest name (folded key) to a surface, if close enough to be a variant."""
    key = fold(surface)
    if len(key) < MIN_FUZZY_LEN:
        return None
    threshold = FUZZY_FULL if " " in key else FUZZY_SURNAME
    scored = ((fuzz.ratio(key, name), value) for name, value in names.items() if _comparable(key, name))
    best = max(scored, default=(0.0, ""))
    return best[1] if best[0] >= threshold else None


def _comparable(key: str, name: str) -> bool:
    """Only compare a surname with surnames and a full name with full names."""
    return (" " in key) == (" " in name) and abs(len(key) - len(name)) <= 3
