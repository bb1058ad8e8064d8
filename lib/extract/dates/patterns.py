"""Regular expressions for English news temporal expressions, built from lexicons/dates.yaml.

The pattern inventory follows HeidelTime 2.2.1's English date rules
(resources/english/rules/resources_rules_daterules.txt) and the TimeML TIMEX3 extent rules
(TimeML Annotation Guidelines 1.2.1, §2.2: the extent covers the whole expression including
pre-modifiers such as "early", "last", but not a governing preposition such as "in", "on").
A pattern whose group ``t`` matched uses that group as the expression's extent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants, _parser  # type: ignore[attr-defined]  # the parser CPython compiles with
from typing import Any

from lib import LEXICONS, read_yaml

LEXICON = LEXICONS / "dates.yaml"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The date lexicon, read once."""
    data: dict[str, Any] = read_yaml(LEXICON)
    return data


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so "Sept" wins over "Sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def month_names(full: bool) -> list[str]:
    """Full month names (full=True) or the abbreviations (full=False)."""
    months: dict[str, int] = lexicon()["months"]
    lengths = {m: max(len(n) for n, v in months.items() if v == m) for m in months.values()}
    return [n for n, v in months.items() if (len(n) == lengths[v]) == full]


def month_group(name: str) -> str:
    """A month name, or an abbreviation with its optional period, captured as ``name``."""
    return rf"(?P<{name}>(?:{alternation(month_names(True))})|(?:{alternation(month_names(False))})\b\.?)"


def weekday_group(name: str) -> str:
    return rf"(?P<{name}>{alternation(lexicon()['weekdays'])})(?!\w)"


def number_words() -> str:
    return alternation(lexicon()["numbers"])


DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?P<y>1[6-9]\d\d|20\d\d)(?!\w|[-–/.,]\d)"
WEEKDAY_PREFIX = rf"(?:{weekday_group('wd')},?\s+)?"
DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
CLOCK = r"\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
ZONE = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local\s+time))?"
APPROX = r"(?:(?:about|nearly|almost|some|more\s+than|over|roughly|just|only|less\s+than|exactly)\s+)?"
UNITS = r"(?P<u>day|week|month|year)s?"
# "a week or so ago": a trailing approximation keeps the value (TimeML 1.2.1 §2.2.1: the
# modifier goes in the "mod" attribute, the value is that of the bare expression).
OR_SO = r"(?:or\s+(?:so|more|less)\s+)?"
MONTH_MODIFIER = r"(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?"
PREPOSITIONS = r"in|since|until|till|by|from|to|of|on|during|through|before|after|throughout|between|and"


def compiled() -> dict[str, re.Pattern[str]]:
    """Every pattern by rule name (see timex_rules.RULES for what each one resolves to)."""
    return {name: re.compile(source) for name, source in _sources().items()}


def _sources() -> dict[str, str]:
    return _absolute_sources() | _relative_sources() | _blocker_sources()


def _absolute_sources() -> dict[str, str]:
    month = month_group("m")
    return {
        "month_day_year": rf"\b{WEEKDAY_PREFIX}{month}\s+{DAY}(?:\s*,\s*|\s+){YEAR}",
        "day_month_year": rf"\b{WEEKDAY_PREFIX}(?:the\s+)?{DAY}(?:\s+of)?\s+{month},?\s+{YEAR}",
        "iso_date": r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])",
        "us_date": r"(?<![\w/.-])(?P<m>1[0-2]|0?[1-9])/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![\w/])",
        "month_year": rf"\b(?P<t>{MONTH_MODIFIER}{month}(?:\s+of)?,?\s+{YEAR})",
        "month_rel_year": rf"\b(?P<t>{MONTH_MODIFIER}{month}(?:\s+{DAY})?,?\s+(?:of\s+)?"
        rf"(?P<rel>{THIS_LAST_NEXT})\s+year)(?!\w)",
        "spoken_year": rf"(?i)\b(?P<t>(?:(?-i:{month})\s+|the\s+year\s+)?{spoken_year()})",
        "holiday": rf"\b(?P<t>(?P<h>{alternation(lexicon()['holidays'])})(?:,?\s+{YEAR})?)(?!\w)"
        r"(?!\s+(?:Island|Islands|Rising)\b)",  # "Easter Island" is a place
        "year": rf"(?<![\w$£€.,/'’-])(?P<t>(?:fiscal\s+(?:year\s+)?|mid-)?{YEAR})",
    }


def spoken_year() -> str:
    """ "nineteen ninety-six", "two thousand and one" as group ``sy``."""
    lex = lexicon()
    tens, teens, ones = (alternation(lex[k]) for k in ("tens", "teens", "ones"))
    century = rf"nineteen[- ](?:(?:{tens})(?:[- ](?:{ones}))?|{teens}|o[- ](?:{ones}))"
    millennium = rf"two[- ]thousand(?:[- ](?:and[- ])?(?:{teens}|{ones}|{tens}))?"
    return rf"(?P<sy>{century}|{millennium})(?![\w-])"


SET_UNITS = r"day|week|month|year|morning|evening|night"
THIS_LAST_NEXT = r"last|next|this"
PART_OF = r"(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of"
PARTS_OF_DAY = r"(?:morning|afternoon|evening)"
DAY_WORDS = "|".join(
    [
        rf"(?:earlier|later)\s+(?:in\s+the\s+day|this\s+{PARTS_OF_DAY})",
        rf"(?:(?:earlier|later|early|late)\s+)?(?:today|tonight|yesterday|tomorrow){DAY_PART}",
        rf"this\s+{PARTS_OF_DAY}|last\s+night",
        r"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)",
        r"mid[\s-]?(?:day|morning|afternoon)(?:\s+(?:yesterday|today|tomorrow))?",
        r"(?<=\bin[ ])the\s+(?:morning|afternoon|evening)",
    ]
)
UNIT_RELATIONS = r"this|last|next|the\s+past|the\s+current|the\s+previous|the\s+following|the\s+same"
REF_DAYS = (
    r"that\s+(?:same\s+)?day|the\s+same\s+day"
    r"|the\s+(?P<dir>previous|next|following)\s+(?:day|morning|afternoon|evening|night)"
)


def _relative_sources() -> dict[str, str]:
    month = month_group("m")
    weekday = weekday_group("wd")
    return {
        "month_day": rf"\b(?:(?P<rel>(?i:last|next|this))\s+)?{WEEKDAY_PREFIX}{month}\s+{DAY}(?!\s*,?\s*\d)",
        # the second day of "April 24 and 25"
        "month_day_and": rf"\b{month}\s+{DAY}\s+(?:and|or)\s+(?P<t>[1-9]|[12]\d|3[01])(?!\w|[:.,]?\d)",
        "day_month": rf"\b(?:the\s+)?{DAY}(?:\s+of)?\s+{month}(?!\w)",
        "month": rf"\b(?:(?P<pre>(?i:{PREPOSITIONS}))\s+)?"
        rf"(?P<t>(?:(?P<rel>(?i:{THIS_LAST_NEXT}))\s+)?{MONTH_MODIFIER}{month}(?!\w))",
        "day_word": rf"(?i)\b(?P<t>{DAY_WORDS})(?!\w)",
        "weekday": rf"\b(?P<t>(?:(?P<rel>(?i:last|next|this|coming|past|the\s+(?:previous|following)))\s+)?"
        rf"(?:(?:{CLOCK}{ZONE}|noon|midnight)\s+)?(?:(?:early|late|earlier|later)\s+)?{weekday}{DAY_PART})",
        "unit_relative": rf"(?i)\b(?P<t>(?:(?:early|earlier|late|later|mid|{PART_OF})[\s-]+)?"
        rf"(?P<rel>{UNIT_RELATIONS})\s+(?P<u>week|month|year))(?!\w|-)",
        "ago": rf"(?i)\b(?P<t>{APPROX}(?P<n>\d+|{number_words()})\s+{UNITS}\s+{OR_SO}"
        r"(?P<dir>ago|earlier|later|from\s+now))(?!\w)",
        "ref_day": rf"(?i)\b(?P<t>{REF_DAYS}|the\s+day\s+(?P<dir2>before|after))(?!\w)",
        "clock_date": rf"(?<![\w:.])(?P<t>{CLOCK}{ZONE},?\s+(?:on\s+)?{month}\s+{DAY})(?!\s*,?\s*\d)",
        "in_the_unit": rf"(?i)\b(?P<t>(?:(?:earlier|later)\s+in|{PART_OF})\s+the\s+(?P<u>week|month|year))"
        r"(?!\w)",
        "ref_unit": r"(?i)\b(?P<t>that\s+(?:same\s+)?(?P<u>week|month|year))(?!\w)",
        "the_year": r"\b(?:(?P<pre>(?i:for|of|during|through|throughout))\s+)?(?P<t>(?i:the)\s+"
        r"(?:(?P<q>full|fiscal|current\s+fiscal|whole|entire)\s+)?year)"
        r"(?![\w-]|\s+(?:\d|before|after|earlier|later|ago|of\b|in\s+review))",
        "clock": rf"(?i)(?<![\w:.])(?P<t>(?:about\s+|around\s+)?{CLOCK}{ZONE})",
        "noon": r"(?i)\b(?:at|by|until|before|after|around)\s+(?P<t>noon|midnight)(?!\w)",
    }


def _blocker_sources() -> dict[str, str]:
    """Expressions whose TimeML value no ISO date can hold, or that are durations or sets.

    Matching them (and emitting nothing) keeps a year or month inside them from being tagged
    alone: "the third quarter of 1998" is 1998-Q3, "the 1990s" is 199, "every Monday" is a SET.
    """
    weekdays = alternation(lexicon()["weekdays"])
    ordinal = (
        r"first|second|third|fourth|final|last|latest|current|previous|same|year-ago|year-earlier|fiscal"
        r"|corresponding|comparable|\d(?:st|nd|rd|th)"
    )
    owner = r"(?:the|its|this|that)\s+|(?:this|last|next)\s+year['’]s\s+|the\s+(?:19|20)\d\d\s+"
    after = r"\s+(?:(?:of|in|ended|ending)\s+(?:fiscal\s+)?\d{4}|last\s+year|a\s+year\s+(?:ago|earlier))"
    # A plural ("comparable periods in 1998") is no single period: the year after it is tagged
    # alone; a count of quarters ("the first two quarters of 1998") is a half, TimeML 1998-H1.
    return {
        "quarter": rf"(?i)\b(?:{owner})?(?:(?:{ordinal})[\s-]+)*(?:fiscal[\s-]+)?"
        rf"(?:(?:quarter|half|period|(?:two|three|four)\s+quarters)(?:{after})?|quarters|halves|periods)"
        r"(?!\w)",
        "season": r"(?i)\b(?:(?:this|last|next|the|early|late|mid|past)[\s-]+)*"
        r"(?:spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?\d{4})?(?!\w)",
        "decade": r"(?i)(?:\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:\d\d)?\d0'?s|'\d0s)(?!\w)",
        "year_range": r"\b\d{4}\s*[-–/]\s*\d{2,4}\b",
        "set": rf"(?i)\b(?:every|each)\s+(?:other\s+)?(?:{weekdays}|{SET_UNITS})",
        "span_duration": r"(?i)\bthe\s+(?:past|last|next|coming)\s+"
        r"(?:\w+\s+)(?:days|weeks|months|years|decades)(?!\w)",
        "year_ago_quarter": r"(?i)\byear-(?:ago|earlier)(?!\w)",
        # A house number is no year: "at 1900 Elm Street", "inside 2040 Grove Ave.", "the 1800 block
        # of" (a place named after "at", "inside" ... and ended by a street word, or a block).
        "street_address": r"(?i:\b(?:at|inside|outside|near|off|behind)\s+)\d{1,5}\s+"
        r"(?:[A-Z][\w'’-]*\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive)\b"
        r"|\b\d{1,5}\s+block\s+of\b",
    }


# The characters outside ASCII that a case-blind pattern takes for an ASCII letter ("ſ" for "s",
# the Kelvin sign for "k", the dotted and dotless i): ``str.lower`` does not map them onto those
# letters, so a text holding one is scanned by every rule (tests/test_dates.py derives the set).
CASE_BLIND_ASCII = frozenset("\u0130\u0131\u017f\u212a")


# One requirement of a pattern: one of these words is in each match, compared in lower case (True:
# the words are lower-cased, a case-blind part of the pattern) or as written (False).
Need = tuple[frozenset[str], bool]
NEEDS_KEPT = 3  # the most telling requirements of a pattern checked (longest shortest word first)


def required_words(pattern: re.Pattern[str]) -> tuple[Need, ...]:
    """What every match of ``pattern`` holds, read from its parse: for each requirement, one of its
    ASCII words, case aside or as written. A text that lacks one cannot match, and a rule need not
    scan it. Empty where the pattern requires no literal (``[0-9]+``)."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    needs = dict.fromkeys(_required(list(tree), tree.state.flags))
    return tuple(sorted(needs, key=_telling)[:NEEDS_KEPT])


def _telling(need: Need) -> tuple[int, int]:
    """Longer shortest word first, then fewer words."""
    return -min(map(len, need[0])), len(need[0])


def _required(items: list[tuple[Any, Any]], flags: int) -> list[Need]:
    """What a sequence of parsed items requires, all of it: each run of ASCII literals, and what
    its groups, its alternations whose every branch requires a word (that branch's most telling
    requirement, in one set) and its repeats of at least one require. Assertions, classes and
    optional parts require nothing."""
    out: list[Need] = []
    run: list[str] = []
    blind = bool(flags & re.IGNORECASE)
    for op, av in [*items, (None, None)]:  # a last item that ends the run
        if op is _constants.LITERAL and av < 128:
            run.append(chr(av))
            continue
        if run:
            word = "".join(run)
            out.append((frozenset({word.lower() if blind else word}), blind))
            run = []
        if op is _constants.SUBPATTERN:
            out += _required(list(av[3]), (flags | av[1]) & ~av[2])
        elif op is _constants.ATOMIC_GROUP:
            out += _required(list(av), flags)
        elif op is _constants.BRANCH:
            branches = [_required(list(alt), flags) for alt in av[1]]
            if all(branches):
                best = [min(b, key=_telling) for b in branches]
                either = any(b for _, b in best)  # one case-blind branch: every word in lower case
                words = frozenset(w.lower() if either else w for ws, _ in best for w in ws)
                out.append((words, either))
        elif (
            op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT) and av[0] >= 1
        ):
            out += _required(list(av[2]), flags)
    return out
