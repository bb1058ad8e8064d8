"""Surface forms of names: folding, slugs, a case-aware phrase scanner and fuzzy name matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

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


_RUN = re.compile(r"\w+")
# phrases; below, one alternation scans faster (measured on 34,000 characters: 146 names 8.9 ms
# as one alternation, 4.4 bucketed; 11 seats 1.2 and 3.3; 687 places 37 and 5)
BUCKETED_FROM = 50
_BEFORE, _AFTER = r"(?<![\w#@])", r"(?![\w])"  # a hit is whole words, not a handle's or hashtag's


@dataclass(frozen=True)
class PhraseIndex:
    """A scanner for a fixed list of phrases, each mapped to a value (an actor id or a tag).

    One alternation of every phrase, tried at each word start, costs the number of phrases at
    every word of the text (a 700-place gazetteer: 1 ms per 1,000 characters). So the phrases are
    bucketed by their first word's length and first letter (``_bucket``, which never parts two
    words a case-insensitive match takes as equal) and each word start tries its bucket alone;
    phrases that do not start with a word character keep the whole-text scan (``rest``), as does
    a list of fewer than BUCKETED_FROM phrases. The hits are the ones the single alternation,
    longest phrase first, gives (tests/text/test_aliases.py)."""

    buckets: Mapping[tuple[int, str], re.Pattern[str]]
    rest: re.Pattern[str] | None
    values: Mapping[str, str]  # folded phrase -> value
    forms: Mapping[str, str]  # folded phrase -> the phrase as listed

    def scan(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, value) of every hit whose case agrees with the listed form."""
        for m in self._matches(text):
            key = fold(m.group(0))
            if key in self.values and words_match(m.group(0), self.forms[key]):
                yield m.start(), m.end(), self.values[key]

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        """The leftmost-first, non-overlapping matches of the phrases, as ``re.finditer`` gives."""
        if not self.buckets:  # a short list: one alternation is quicker than a look per word
            yield from self.rest.finditer(text) if self.rest is not None else ()
            return
        found = []
        for start, bucket in _word_buckets(text):
            pattern = self.buckets.get(bucket)
            if pattern is not None and (m := pattern.match(text, start)):
                found.append(m)
        if self.rest is not None:  # every place it matches, overlaps settled below with the rest
            pos = 0
            while m := self.rest.search(text, pos):
                found.append(m)
                pos = m.start() + 1
            found.sort(key=lambda m: m.start())
        end = 0
        for m in found:
            if m.start() >= end:
                yield m
                end = m.end()

    def get(self, surface: str) -> str | None:
        key = fold(surface)
        if key in self.values and words_match(surface, self.forms[key]):
            return self.values[key]
        return None


@lru_cache(maxsize=2)  # the text at hand (and one more): a long text's list is not kept long
def _word_buckets(text: str) -> tuple[tuple[int, tuple[int, str]], ...]:
    """Each word start of ``text`` with its bucket, found once for the indexes that scan one text
    in turn (a report's names, seats, places and adjectives)."""
    return tuple((word.start(), _bucket(word.group(0))) for word in _RUN.finditer(text))


def _bucket(word: str) -> tuple[int, str]:
    """A word's length and its first letter folded the way a case-insensitive regex equates
    letters ("É"/"é"/"E", "ſ"/"s", "İ"/"ı"/"i" together; checked over every word character)."""
    if word[0].isascii():
        return len(word), word[0].lower()
    first = unicodedata.normalize("NFKD", word[0])[:1].casefold()
    return len(word), "i" if first == "ı" else first


def _alternation(forms: Iterable[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"{_BEFORE}(?:{alternation}){_AFTER}", re.IGNORECASE)


def phrase_index(pairs: Iterable[tuple[str, str]]) -> PhraseIndex:
    """An index of (phrase, value) pairs; the first value listed for a phrase wins."""
    values: dict[str, str] = {}
    forms: dict[str, str] = {}
    for phrase, value in pairs:
        key = fold(phrase)
        if phrase.strip() and key not in values:
            values[key], forms[key] = value, phrase
    if len(forms) < BUCKETED_FROM:
        return PhraseIndex({}, _alternation(forms.values()) if forms else None, values, forms)
    grouped: dict[tuple[int, str], list[str]] = {}
    rest = []
    for form in forms.values():
        first = _RUN.match(form)
        if first is None:
            rest.append(form)
        else:
            grouped.setdefault(_bucket(first.group(0)), []).append(form)
    buckets = {key: _alternation(group) for key, group in grouped.items()}
    return PhraseIndex(buckets, _alternation(rest) if rest else None, values, forms)


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
