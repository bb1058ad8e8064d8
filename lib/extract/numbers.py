"""Numeric claims: an amount, what it counts and how it is hedged ("over 100 thousand soldiers").

A regular expression finds the amount (digits, scale words, a few number words, money and
percentages); spaCy's parse supplies what is counted, the first noun after the amount,
following the head-noun reading of quantity phrases in Huddleston & Pullum (2002, ch. 5).
Dates, times and ordinals (spaCy's DATE/TIME/ORDINAL entities) are not claims. Vague
quantities ("dozens", "tens of thousands") are skipped: we bail out rather than guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.records import Document, NumberClaim, Span

QUALIFIERS = (
    "more than|over|almost|nearly|about|around|approximately|roughly|at least|at most|up to|"
    "some|fewer than|less than|under|as many as|close to|upwards of|just over|just under"
)
WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9}
SCALES["trillion"] = 1e12
CURRENCIES = {"$": "dollars", "us$": "dollars", "usd": "dollars", "€": "euros", "eur": "euros", "£": "pounds"}
NUMBER_RE = re.compile(
    rf"(?<![\w/#@.,-])(?:(?P<qual>{QUALIFIERS})\s+)?"
    r"(?P<cur>US\$|\$|€|£|USD\s?|EUR\s?)?"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{'|'.join(WORDS)})(?=\s))"
    rf"(?:\s?(?P<scale>{'|'.join(SCALES)})\b)?"
    r"(?P<pct>\s?(?:%|percent\b|per cent\b))?"
    r"(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
SKIP_BEFORE = {"tens", "hundreds", "thousands", "millions", "dozens"}
WINDOW = 4  # tokens searched after the amount for what it counts


def extract_numbers(doc: Document, sdoc: SpacyDoc) -> list[NumberClaim]:
    """Every numeric claim in the document, in text order."""
    starts = [t.idx for t in sdoc]  # token offsets, searched by bisection for each amount
    claims = (_claim(doc, sdoc, starts, m) for m in NUMBER_RE.finditer(doc.text))
    return [c for c in claims if c is not None]


def _claim(doc: Document, sdoc: SpacyDoc, starts: list[int], match: re.Match[str]) -> NumberClaim | None:
    num_start = match.start("cur") if match.group("cur") else match.start("num")
    tokens = _tokens_in(sdoc, starts, num_start, match.end())
    if not tokens or any(t.ent_type_ in SKIP_ENTS for t in tokens):
        return None
    counted, end = _counted(match, sdoc, starts)
    amount = _amount(match)
    if not counted or amount is None:
        return None
    sent = tokens[0].sent
    sentence = Span(doc.id, sent.start_char, sent.end_char, sent.text)
    qualifier = (match.group("qual") or "").lower()
    text = doc.text[match.start() : end]
    return NumberClaim(doc.id, amount, counted, qualifier, text, match.start(), end, sentence)


def _tokens_in(sdoc: SpacyDoc, starts: list[int], start: int, end: int) -> list[Token]:
    """The tokens overlapping characters [start, end): from the last one starting at or before start."""
    first = max(bisect_right(starts, start) - 1, 0)
    return [t for t in sdoc[first : bisect_left(starts, end)] if t.idx + len(t.text) > start]


def _amount(match: re.Match[str]) -> float | None:
    raw = match.group("num").lower()
    base = float(WORDS[raw]) if raw in WORDS else float(raw.replace(",", ""))
    scale = (match.group("scale") or "").lower()
    if raw in WORDS and not scale and match.group("cur"):
        return None
    return base * SCALES.get(scale, 1.0)


def _counted(match: re.Match[str], sdoc: SpacyDoc, starts: list[int]) -> tuple[str, int]:
    """What the amount counts (a currency, "percent", or the noun after it) and where the claim ends."""
    end = match.end()
    if match.group("pct"):
        return "percent", end
    if match.group("cur"):
        return CURRENCIES[match.group("cur").strip().lower()], end
    before = match.string[: match.start()].split()[-2:]
    if before and before[-1].lower() == "of" and before[0].lower() in SKIP_BEFORE:
        return "", end
    after = bisect_left(starts, end)
    head = _head_noun(list(sdoc[after : after + WINDOW]))
    return (str(head.text).lower(), head.idx + len(head.text)) if head is not None else ("", end)


def _head_noun(tokens: list[Token]) -> Token | None:
    """The first noun after the amount, extended through a compound ("air defence systems")."""
    for i, tok in enumerate(tokens):
        if tok.pos_ in {"NOUN", "PROPN"}:
            rest = tokens[i:]
            while len(rest) > 1 and rest[0].dep_ == "compound" and rest[1].pos_ in {"NOUN", "PROPN"}:
                rest = rest[1:]
            return rest[0]
        of = tok.pos_ == "ADP" and tok.lower_ == "of"
        if not of and (tok.pos_ not in {"ADJ", "ADV", "DET", "PRON", "NUM"} or tok.is_punct):
            return None
    return None
