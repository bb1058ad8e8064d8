"""Numeric claims: an amount, what it counts and how it is hedged ("over 100 thousand soldiers").

A regular expression finds the amount (digits, scale words, a few number words, money and
percentages); spaCy's parse supplies what is counted, the first noun after the amount,
following the head-noun reading of quantity phrases in Huddleston & Pullum (2002, ch. 5).
Dates, times and ordinals (spaCy's DATE/TIME/ORDINAL entities) are not claims, nor figures in a
question. Vague
quantities ("dozens", "tens of thousands") are skipped: we bail out rather than guess.

Amounts are read in the report's language (Document.language): a separator followed by exactly
three digits groups thousands in English ("100,000") and is a decimal comma's partner in most
continental languages ("100.000", "1,5 millones"); any other separator is decimal whatever the
language, and a repeated one is always grouping. Scale words are read in the language too: a
"billion" is 10^12 in the long-scale languages. Each claim also keeps its frame, the words the
figure attaches to in the parse (what is paid, whose rate), so that two figures in the same unit
are compared only when they measure the same thing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.records import Document, NumberClaim, Span
from lib.text.nlp import doc_text
from lib.text.similarity import terms

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
# Scale words of the continental languages (singular and plural); "mil millones" is 10^9.
SCALES |= {"mil millones": 1e9, "mil": 1e3, "mila": 1e3, "mille": 1e3, "tausend": 1e3}
SCALES |= dict.fromkeys(("millón", "millon", "millones", "millions", "milioni", "milione"), 1e6)
SCALES |= dict.fromkeys(("millionen", "mio", "milhão", "milhões", "miljoen", "miljoner"), 1e6)
SCALES |= dict.fromkeys(("milliard", "milliards", "milliarden", "mrd", "miliardi", "miliardo"), 1e9)
SCALES |= dict.fromkeys(("bilhão", "bilhões", "miljard", "billions"), 1e9)
SCALES |= dict.fromkeys(("billón", "billones", "billionen"), 1e12)
# Where "billion" is a million millions (the long scale); Brazilian "bilhão" is short scale.
LONG_SCALE = frozenset({"de", "fr", "es", "it", "nl", "pl", "da", "sv", "no", "fi", "cs", "sk", "hu"})
# Languages whose decimal mark is a comma, so that ".", " " or a thin space groups thousands.
DECIMAL_COMMA = frozenset(
    """af bg ca cs da de el es et eu fi fr gl hr hu id is it lt lv nl no pl pt ro ru sk sl sq sr sv
    tr uk vi""".split()
)
GROUP_SPACE = frozenset({"fr", "ru", "pl", "sv", "no", "fi", "cs", "sk", "uk", "bg", "et", "lt", "lv"})
CURRENCIES = {"$": "dollars", "us$": "dollars", "usd": "dollars", "€": "euros", "eur": "euros", "£": "pounds"}
PERCENT = r"%|percent\b|per cent\b|por ciento\b|por cento\b|pour cent\b|per cento\b|prozent\b"
# Digits with "," "." or a no-break/thin space between groups; which one is decimal is decided
# later (amount_value), by the separators and the document's language.
DIGITS = r"\d+(?:[.,\u00a0\u202f]\d+)*"
SPACED_DIGITS = r"\d{1,3}(?: \d{3})+(?:,\d+)?(?!\d)|" + DIGITS  # "100 000" where a space groups


def _number_re(digits: str) -> re.Pattern[str]:
    scales = "|".join(sorted(SCALES, key=len, reverse=True))  # "mil millones" before "mil"
    return re.compile(
        rf"(?<![\w/#@.,-])(?:(?P<qual>{QUALIFIERS})\s+)?"
        r"(?P<cur>US\$|\$|€|£|USD\s?|EUR\s?)?"
        rf"(?P<num>{digits}|(?:{'|'.join(WORDS)})(?=\s))"
        rf"(?:\s?(?P<scale>{scales})\b)?"
        rf"(?P<pct>\s?(?:{PERCENT}))?"
        r"(?![\w/]|[.,]\d)",
        re.IGNORECASE,
    )


NUMBER_RE = _number_re(DIGITS)
SPACED_NUMBER_RE = _number_re(SPACED_DIGITS)
SEPARATOR_RE = re.compile(r"[.,\u00a0\u202f ]")
SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
SKIP_BEFORE = {"tens", "hundreds", "thousands", "millions", "dozens"}
WINDOW = 4  # tokens searched after the amount for what it counts
MODIFIER_DEPS = frozenset({"nummod", "compound", "nmod", "amod", "quantmod"})  # "$500" in "a $500 dinner"
PARSED_LANGUAGES = frozenset({"en", "", "und"})  # the languages whose tags and parse spaCy's model gives
PARTITIVE = frozenset({"of", "de", "di", "d'"})  # the preposition between a quantity and its noun
COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s"})


def extract_numbers(doc: Document, sdoc: SpacyDoc) -> list[NumberClaim]:
    """Every numeric claim in the document, in text order, read in the document's language."""
    starts = [t.idx for t in sdoc]  # token offsets, searched by bisection for each amount
    language = doc.language.lower()[:2]
    pattern = SPACED_NUMBER_RE if language in GROUP_SPACE else NUMBER_RE
    claims = (_claim(doc, sdoc, starts, m, language) for m in pattern.finditer(doc.text))
    return [c for c in claims if c is not None]


def _claim(
    doc: Document, sdoc: SpacyDoc, starts: list[int], match: re.Match[str], language: str
) -> NumberClaim | None:
    num_start = match.start("cur") if match.group("cur") else match.start("num")
    tokens = _tokens_in(sdoc, starts, num_start, match.end())
    if not tokens or any(t.ent_type_ in SKIP_ENTS for t in tokens):
        return None
    if not match.group("cur") and _names_it(sdoc, tokens[0]):
        return None
    counted, end, head = _counted(match, sdoc, starts, language)
    amount = _amount(match, language)
    if not counted or amount is None:
        return None
    sent = tokens[0].sent
    if _asked(doc.text, match.end(), sent.end_char):
        return None
    sentence = Span(doc.id, sent.start_char, sent.end_char, doc_text(sdoc)[sent.start_char : sent.end_char])
    qualifier = (match.group("qual") or "").lower()
    text = doc.text[match.start() : end]
    frame = _frame(head if head is not None else _root(tokens))
    return NumberClaim(
        doc.id, amount, counted, qualifier, text, match.start(), end, sentence, language, frame
    )


_SENTENCE_END = re.compile(r"[.?!](?=[\s\"'”’»)\]]|$)")


def _asked(text: str, start: int, end: int) -> bool:
    """A figure in a question is asked about, not claimed ("Why aren't we 30 points ahead?", a
    quoted "Did 5,000 walk out?" she asked): the first mark ending a sentence after it is "?"."""
    found = _SENTENCE_END.search(text, start, end)
    return found is not None and found.group(0) == "?"


def _names_it(sdoc: SpacyDoc, first: Token) -> bool:
    """A numeral right after a proper noun is part of a name ("the Nikkei 225 index", "a Boeing
    737", "Route 66"), not a quantity: an English name puts its number after the name word."""
    if first.i == 0 or not first.text[:1].isdigit():
        return False
    before = sdoc[first.i - 1]
    return before.pos_ == "PROPN" and before.text[:1].isupper() and not before.is_sent_start


def _tokens_in(sdoc: SpacyDoc, starts: list[int], start: int, end: int) -> list[Token]:
    """The tokens overlapping characters [start, end): from the last one starting at or before start."""
    first = max(bisect_right(starts, start) - 1, 0)
    return [t for t in sdoc[first : bisect_left(starts, end)] if t.idx + len(t.text) > start]


def _amount(match: re.Match[str], language: str) -> float | None:
    raw = match.group("num").lower()
    base = float(WORDS[raw]) if raw in WORDS else amount_value(raw, language)
    scale = (match.group("scale") or "").lower()
    if base is None or (raw in WORDS and not scale and match.group("cur")):
        return None
    return base * scale_value(scale, language)


def amount_value(raw: str, language: str = "en") -> float | None:
    """Digits with separators as a number, in the convention of ``language`` (ISO 639-1).

    A repeated separator groups thousands; of two different ones the last is decimal. A lone one
    is decimal when it is the language's decimal mark ("2.5" in English, "1,5" in Spanish) and
    groups thousands otherwise ("100,000" in English, "100.000" in Spanish). None when the groups
    are malformed: a version number ("1.2.3"), a list ("2014,2015").
    """
    parts = SEPARATOR_RE.split(raw)
    seps = SEPARATOR_RE.findall(raw)
    if not seps:
        return float(raw)
    whole, fraction = parts, ""
    if len(set(seps)) > 1 or (len(seps) == 1 and _is_decimal(seps[0], language)):
        if seps[-1] not in ".," or seps[-1] in seps[:-1]:
            return None
        whole, fraction = parts[:-1], parts[-1]
    if (len(whole[0]) > 3 and len(whole) > 1) or any(len(g) != 3 for g in whole[1:]):
        return None
    return float("".join(whole) + ("." + fraction if fraction else ""))


def _is_decimal(sep: str, language: str) -> bool:
    """The language's decimal mark: a comma in most continental languages, a point elsewhere."""
    return sep == ("," if language in DECIMAL_COMMA else ".")


def scale_value(word: str, language: str = "en") -> float:
    """A scale word's factor in the language: "billion" is 10^12 on the long scale; in English
    "mil" is slang for a million, in Spanish and Portuguese it is a thousand."""
    word = word.lower()
    if word == "mil" and language not in {"es", "pt", "ca", "gl"}:
        return 1e6
    if word == "billion" and language in LONG_SCALE:
        return 1e12
    return SCALES.get(word, 1.0)


def _counted(
    match: re.Match[str], sdoc: SpacyDoc, starts: list[int], language: str
) -> tuple[str, int, Token | None]:
    """What the amount counts (a currency, "percent", or the noun after it), where the claim ends,
    and the counted noun's token (None for a unit: the frame is then read from the amount)."""
    end = match.end()
    if match.group("pct"):
        return "percent", end, None
    if match.group("cur"):
        return CURRENCIES[match.group("cur").strip().lower()], end, None
    before = match.string[: match.start()].split()[-2:]
    if before and before[-1].lower() == "of" and before[0].lower() in SKIP_BEFORE:
        return "", end, None
    after = bisect_left(starts, end)
    window = list(sdoc[after : after + WINDOW])
    head = _head_noun(window) if language in PARSED_LANGUAGES else _first_word(window)
    if head is None:
        return "", end, None
    return str(head.text).lower(), head.idx + len(head.text), head


def _root(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it (the phrase's syntactic head)."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])


def _frame(anchor: Token) -> tuple[str, ...]:
    """The content words a figure attaches to: the noun it modifies ("a $500 dinner"), the word
    governing it through prepositions ("paid", "rate of"), the subject of a copula ("the rate was"),
    and its own prepositional complements ("of their income", "for security")."""
    words = []
    node = anchor
    if node.dep_ in MODIFIER_DEPS and node.head.pos_ in {"NOUN", "PROPN"} and node.head.i != node.i:
        node = node.head
        words.append(node)
    governor = node.head
    while governor.dep_ == "prep" or (governor.pos_ == "ADP" and governor.head.i != governor.i):
        governor = governor.head
    if governor.i != node.i:
        copula = governor.pos_ == "AUX" or governor.lower_ in COPULAS
        words += [c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}] if copula else [governor]
    for prep in (c for c in anchor.children if c.dep_ == "prep"):
        words += [o for o in prep.children if o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"}]
    out = [t for w in words for t in terms(w.text)]
    # a noun's modifiers tell one measure from another ("federal taxes", "state taxes")
    for noun in (w for w in words if w.pos_ in {"NOUN", "PROPN"}):
        mods = [c for c in noun.children if c.dep_ in {"amod", "compound"}]
        out += [f"{m}>{n}" for c in mods for m in terms(c.text) for n in terms(noun.text)]
    return tuple(dict.fromkeys(out))


def _first_word(tokens: list[Token]) -> Token | None:
    """The counted noun in a language the parser was not trained on, whose tags are guesses: the
    first word after the amount and its partitive ("100.000 soldados", "1,5 millones de euros")."""
    words = [t for t in tokens if t.is_alpha and t.lower_ not in PARTITIVE]
    return words[0] if words and tokens[0].is_alpha else None


def _head_noun(tokens: list[Token]) -> Token | None:
    """The first noun after the amount, extended through a compound ("air defence systems")."""
    for i, tok in enumerate(tokens):
        if tok.pos_ in {"NOUN", "PROPN"}:
            rest = tokens[i:]
            while len(rest) > 1 and rest[0].dep_ == "compound" and rest[1].pos_ in {"NOUN", "PROPN"}:
                rest = rest[1:]
            return rest[0]
        of = tok.lower_ in PARTITIVE  # "2,000 of their best troops", "1,5 millones de euros"
        if not of and (tok.pos_ not in {"ADJ", "ADV", "DET", "PRON", "NUM"} or tok.is_punct):
            return None
    return None
