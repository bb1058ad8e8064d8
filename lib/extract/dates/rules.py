"""What each date pattern (lib/extract/dates/patterns.py) means: its TIMEX3 value given the anchor.

Normalisation follows HeidelTime 2.2.1 for news documents (Strötgen & Gertz 2013, "Multilingual
and cross-domain temporal tagging", LRE 47(2)): deictic expressions ("today", "last week",
"Tuesday") are resolved against the document creation time; anaphoric ones ("that day",
"two days later") against the reference time, the last date mentioned before them.
Values and granularity follow the TimeML Annotation Guidelines 1.2.1: "last week" is an ISO week,
"last month" a month, "two years ago" a year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from lib.extract.dates.calendar import (
    Tense,
    Unit,
    holiday_date,
    make_date,
    shift,
    weekday_near,
    year_for_month,
)
from lib.extract.dates.patterns import Need, compiled, lexicon, month_names, required_words


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides its match."""

    anchor: dt.date | None  # the document creation time
    ref: dt.date | None  # the reference time: the last date mentioned, else the anchor
    ref_unit: Unit  # the granularity of that last date
    tense: Tense  # of the sentence around the expression
    before: str  # the sentence and a few hundred characters before it, up to the expression


Value = tuple[dt.date, Unit]
Resolver = Callable[[re.Match[str], Context], Value | None]

# "today's world", "today's youth": the present in general, not a day (TimeML leaves them out)
GENERIC_DAY = re.compile(
    r"['’]s\s+(?:world|youth|society|generation|young|children|kids|economy|standards|technology|culture)\b"
)
EVENT_AFTER = re.compile(r"\s+[a-z]")
OF_BEFORE = re.compile(r"(?i)\bof\s+$")
FIRST_NAME_AFTER = re.compile(r"[ ][A-Z][a-z]")
# "quarter-century", "half-point" are no fiscal periods
FINANCIAL_PERIOD = re.compile(r"(?i)\b(?:quarter(?!-)|period|half(?!-)|fiscal|nine\s+months|a\s+share)\b")


def month_number(name: str) -> int:
    months: dict[str, int] = lexicon()["months"]
    return months[name.rstrip(".")]


def weekday_number(name: str) -> int:
    weekdays: dict[str, int] = lexicon()["weekdays"]
    return weekdays[name]


def number_value(word: str) -> int:
    numbers: dict[str, int] = lexicon()["numbers"]
    return int(word) if word.isdigit() else numbers[word.lower()]


def full_year(text: str) -> int:
    """A four-digit year from "1998" or a two-digit "98" (pivot as in dateutil: 19xx above 50)."""
    year = int(text)
    if len(text) == 2:
        return year + (1900 if year > 50 else 2000)
    return year


def resolve_full_date(m: re.Match[str], ctx: Context) -> Value | None:
    day = make_date(full_year(m["y"]), _month_of(m["m"]), int(m["d"]))
    return (day, "day") if day else None


def _month_of(text: str) -> int:
    return int(text) if text.isdigit() else month_number(text)


def resolve_month_year(m: re.Match[str], ctx: Context) -> Value | None:
    return dt.date(int(m["y"]), month_number(m["m"]), 1), "month"


COUNT_AFTER = re.compile(r"\s+(?P<w>[a-z]+)")
# A preposition ("in 2000 protests...") or a determiner ("the 2016 elections") before the number
# makes it a year whatever follows.
GOVERNING = re.compile(
    r"(?i)\b(?:in|since|by|from|until|till|of|during|before|after|through|to|and|the|a|an|its|their|his|her)\s+$"
)


def resolve_year(m: re.Match[str], ctx: Context) -> Value | None:
    """A year from 1700 to 2099 (HeidelTime's year rules), unless it counts something ("2000 troops")."""
    year = int(m["y"])
    fiscal = m["t"].lower().startswith("fiscal")
    if not fiscal and not 1700 <= year <= 2099:
        return None
    if not fiscal and counts_something(m):
        return None
    return dt.date(year, 1, 1), "year"


def counts_something(m: re.Match[str]) -> bool:
    after = COUNT_AFTER.match(m.string, m.end())
    if after is None or GOVERNING.search(m.string, max(0, m.start() - 10), m.start()):
        return False
    word = after["w"]
    return word in lexicon()["count_nouns"] or (
        word.endswith("s") and not word.endswith("ss") and len(word) > 3
    )


ORTHODOX = re.compile(r"\bOrthodox\b")


def resolve_holiday(m: re.Match[str], ctx: Context) -> Value | None:
    """ "Christmas", "New Year's Eve 1999", "Thanksgiving": its day in the year given, else in the
    year the anchor and the tense give its month (as for "in November"). Christmas told of the
    Orthodox (named in the text before it) is theirs, on the Julian calendar's day."""
    julian: dict[str, str] = lexicon().get("julian_holidays") or {}
    spec: str = lexicon()["holidays"][m["h"]]
    if m["h"] in julian and ORTHODOX.search(ctx.before):
        spec = julian[m["h"]]
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor is not None:
        year = year_for_month(ctx.anchor, holiday_date(spec, ctx.anchor.year).month, ctx.tense)
    else:
        return None
    return holiday_date(spec, year), "day"


def resolve_month_day(m: re.Match[str], ctx: Context) -> Value | None:
    """ "Jan. 26": the year comes from the anchor and the sentence's tense (HeidelTime, news)."""
    if ctx.anchor is None:
        return None
    month = month_number(m["m"])
    tense = _tense_of((m.groupdict().get("rel") or "").lower(), ctx.tense)  # "last Oct. 23"
    day = make_date(year_for_month(ctx.anchor, month, tense), month, int(m["d"]))
    return (day, "day") if day else None


def resolve_second_day(m: re.Match[str], ctx: Context) -> Value | None:
    """ "25" of "April 24 and 25": the month and the year of the first day."""
    if ctx.anchor is None:
        return None
    month = month_number(m["m"])
    day = make_date(year_for_month(ctx.anchor, month, ctx.tense), month, int(m["t"]))
    return (day, "day") if day else None


def resolve_month(m: re.Match[str], ctx: Context) -> Value | None:
    """ "in March", "last March": ambiguous names ("May") need a preposition or a modifier."""
    modified = m["pre"] or m["rel"] or m["t"] != m["m"]
    if ctx.anchor is None or (m["m"] in lexicon()["ambiguous_months"] and not modified):
        return None
    if m["m"] in month_names(False) and m["t"] == m["m"] and FIRST_NAME_AFTER.match(m.string, m.end("t")):
        return None  # "Jan Novotny": an abbreviation with no full stop before a name is a first name
    month = month_number(m["m"])
    rel = (m["rel"] or "").lower()  # "Last March" opening a sentence
    year = year_for_month(ctx.anchor, month, _tense_of(rel, ctx.tense))
    if rel == "this":
        year = ctx.anchor.year
    if rel == "last" and month >= ctx.anchor.month:
        year = ctx.anchor.year - 1
    if rel == "next" and month <= ctx.anchor.month:
        year = ctx.anchor.year + 1
    return dt.date(year, month, 1), "month"


def resolve_month_rel_year(m: re.Match[str], ctx: Context) -> Value | None:
    """ "July last year", "March of next year", "January 4 this year"."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year + UNIT_OFFSETS[m["rel"]]
    if m["d"] is None:
        return dt.date(year, month_number(m["m"]), 1), "month"
    day = make_date(year, month_number(m["m"]), int(m["d"]))
    return (day, "day") if day else None


def _tense_of(rel: str | None, tense: Tense) -> Tense:
    """ "last"/"past" force the past, "next"/"coming" the future; "this" keeps the sentence's."""
    if rel in ("last", "past"):
        return "past"
    if rel in ("next", "coming"):
        return "future"
    return tense


# Quotes and brackets between a name's first words and a programme title ("ABC's "This Week"").
OPENING_MARKS = "\"“‘'`(["


def is_title(m: re.Match[str]) -> bool:
    """A capitalised deictic word inside a sentence names a programme ("VOA Today", ABC's "This
    Week"): TimeML 1.2.1 (§2.2) does not tag names, and a deictic word is lower-case mid-sentence.
    """
    start = m.start("t")
    if not m.string[start].isupper():
        return False
    before = m.string[max(0, start - 40) : start].rstrip(OPENING_MARKS + " ")
    return bool(before) and before[-1].isalnum()


DAY_WORD_OFFSETS = {
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "before yesterday": -2,
    "after tomorrow": 2,
}


def resolve_day_word(m: re.Match[str], ctx: Context) -> Value | None:
    """ "today", "earlier in the day", "yesterday morning": a day counted from the anchor."""
    text = m["t"].lower()
    generic = GENERIC_DAY.match(m.string, m.end("t")) or (
        text == "tomorrow" and OF_BEFORE.search(m.string, max(0, m.start("t") - 4), m.start("t"))
    )
    if ctx.anchor is None or is_title(m) or generic:
        return None  # "today's world", "the people of tomorrow": now or later in general, no day
    if text.startswith("the") and ctx.tense != "past":
        return None  # "He runs in the morning": a habit, no day
    days_named = any(word in text for word in ("yesterday", "today", "tomorrow"))
    if text.startswith(("mid", "the")) and not days_named:
        # "at midday", "by mid-afternoon", "placed orders in the morning": of the day last spoken of
        return (ctx.ref if ctx.ref is not None and ctx.ref_unit == "day" else ctx.anchor), "day"
    hits = [n for word, n in DAY_WORD_OFFSETS.items() if word in text]
    offset = hits[-1] if hits else 0
    return ctx.anchor + dt.timedelta(days=offset), "day"


def resolve_weekday(m: re.Match[str], ctx: Context) -> Value | None:
    """ "on Tuesday": the last Tuesday in a past-tense sentence, the next in a future one.

    "last Tuesday" / "next Tuesday" follow HeidelTime's UNDEF-last-day / UNDEF-next-day: the
    nearest one strictly before / after the anchor.
    """
    if ctx.anchor is None:
        return None
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else None  # "Last Thursday", "the  next"
    weekday = weekday_number(m["wd"])
    if rel and rel.startswith("the "):
        return anaphoric_weekday(rel, weekday, ctx)
    if rel in ("last", "past"):
        return weekday_near(ctx.anchor - dt.timedelta(days=1), weekday, "past"), "day"
    if rel in ("next", "coming"):
        return weekday_near(ctx.anchor + dt.timedelta(days=1), weekday, "future"), "day"
    # "Thursday's closing price", "Wednesday's ruling": a possessive weekday names what happened
    possessive = m.string[m.end() : m.end() + 2] in ("'s", "’s")
    tense: Tense = "past" if possessive and ctx.tense == "present" else ctx.tense
    return weekday_near(ctx.anchor, weekday, tense), "day"


def anaphoric_weekday(rel: str, weekday: int, ctx: Context) -> Value | None:
    """ "the previous Friday", "the following Monday": counted from the reference day (TimeML
    1.2.1 anaphoric expressions; HeidelTime's "UNDEF-REF-day" values).
    """
    if ctx.ref is None or ctx.ref_unit != "day":
        return None
    if rel.endswith("previous"):
        return weekday_near(ctx.ref - dt.timedelta(days=1), weekday, "past"), "day"
    return weekday_near(ctx.ref + dt.timedelta(days=1), weekday, "future"), "day"


# "the past year" as a DATE is the previous calendar year (TimeML 1.2.1 gold on TimeBank);
# "the past two years" is a duration, skipped by the span_duration blocker.
UNIT_OFFSETS = {"this": 0, "the current": 0, "last": -1, "the past": -1, "next": 1}
REF_OFFSETS = {"the previous": -1, "the following": 1, "the same": 0}


def resolve_unit_relative(m: re.Match[str], ctx: Context) -> Value | None:
    """ "last week" (an ISO week), "this month", "the previous year" (from the reference time)."""
    rel = " ".join(m["rel"].lower().split())
    unit: Unit = m["u"].lower()  # type: ignore[assignment]
    base = ctx.ref if rel in REF_OFFSETS else ctx.anchor
    if base is None or is_title(m):
        return None
    return shift(base, unit, UNIT_OFFSETS.get(rel, REF_OFFSETS.get(rel, 0))), unit


def resolve_ago(m: re.Match[str], ctx: Context) -> Value | None:
    """ "two days ago" from the anchor, "two days later" from the reference time.

    "a year ago"/"a year earlier" in a sentence about quarters or fiscal periods is the
    year-ago quarter (TimeML value YYYY-Qn), which no ISO date can hold: skip it.
    """
    unit: Unit = m["u"].lower()  # type: ignore[assignment]
    if unit == "year" and number_value(m["n"]) == 1 and FINANCIAL_PERIOD.search(ctx.before):
        return None
    direction = " ".join(m["dir"].lower().split())
    deictic = direction in ("ago", "from now")
    base = ctx.anchor if deictic else ctx.ref
    if base is None or (not deictic and GRANULARITY[ctx.ref_unit] > GRANULARITY[unit]):
        return None  # "a week later" after "in 2014": no day to count from
    sign = -1 if direction in ("ago", "earlier") else 1
    try:
        return shift(base, unit, sign * number_value(m["n"])), unit
    except (ValueError, OverflowError):
        return None  # "100,000 years ago" has no calendar date


def resolve_ref_day(m: re.Match[str], ctx: Context) -> Value | None:
    """ "that day", "the next day": the reference day (only when the last date was a day)."""
    if ctx.ref is None or ctx.ref_unit != "day" or (m["dir2"] and EVENT_AFTER.match(m.string, m.end())):
        return None  # "the day before the stock market plunged": before an event, not a date
    direction = m["dir"] or m["dir2"]
    offset = {"previous": -1, "before": -1, "next": 1, "following": 1, "after": 1}.get(direction or "", 0)
    return ctx.ref + dt.timedelta(days=offset), "day"


def resolve_in_the_unit(m: re.Match[str], ctx: Context) -> Value | None:
    """ "earlier in the year", "the end of the month": the anchor's year, month or week."""
    unit: Unit = m["u"].lower()  # type: ignore[assignment]
    return (ctx.anchor, unit) if ctx.anchor else None


def spoken_year_value(words: str) -> int:
    """1996 from "nineteen ninety-six", 2001 from "two thousand and one"."""
    lex = lexicon()
    table: dict[str, int] = {**lex["tens"], **lex["teens"], **lex["ones"]}
    tokens = [t for t in re.split(r"[- ]+", words.lower()) if t not in ("and", "o")]
    if tokens[:2] == ["two", "thousand"]:
        return 2000 + sum(table[t] for t in tokens[2:])
    return 1900 + sum(table[t] for t in tokens[1:])


def resolve_spoken_year(m: re.Match[str], ctx: Context) -> Value | None:
    year = spoken_year_value(m["sy"])
    if m["m"]:
        return dt.date(year, month_number(m["m"]), 1), "month"
    return dt.date(year, 1, 1), "year"


def resolve_ref_unit(m: re.Match[str], ctx: Context) -> Value | None:
    """ "that year", "that month": the period of the reference time, when it was at least as fine."""
    unit: Unit = m["u"].lower()  # type: ignore[assignment]
    if ctx.ref is None or GRANULARITY[ctx.ref_unit] > GRANULARITY[unit]:
        return None
    return ctx.ref, unit


def resolve_the_year(m: re.Match[str], ctx: Context) -> Value | None:
    """ "the year", "the full year", "the fiscal year": the document's year, as "this year".

    Deictic, not anaphoric: in TimeBank's business news "for the year" is the reporting year
    even after "last year" (TimeML 1.2.1 annotates it as a DATE with the current year's value).
    """
    if ctx.anchor is None or not (m["q"] or m["pre"]):
        return None  # a bare "the year" is often anaphoric ("the year he was born")
    if (m["pre"] or "").lower() == "of" and CYCLE_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "at most times of the year", "this season of the year": any year's
    return ctx.anchor, "year"


CYCLE_BEFORE = re.compile(r"(?i)\b(?:times?|seasons?)\s+$")  # a part of the yearly cycle, no year


GRANULARITY = {"day": 0, "week": 1, "month": 2, "year": 3}


def resolve_clock(m: re.Match[str], ctx: Context) -> Value | None:
    """A clock time alone ("at 10:35 a.m.") is a TIME on the anchor day (TimeML: its date part)."""
    return (ctx.anchor, "day") if ctx.anchor else None


def resolve_nothing(m: re.Match[str], ctx: Context) -> Value | None:
    return None


RESOLVERS: dict[str, Resolver] = {
    "month_day_year": resolve_full_date,
    "day_month_year": resolve_full_date,
    "iso_date": resolve_full_date,
    "us_date": resolve_full_date,
    "month_year": resolve_month_year,
    "month_rel_year": resolve_month_rel_year,
    "clock_date": resolve_month_day,
    "ref_unit": resolve_ref_unit,
    "the_year": resolve_the_year,
    "in_the_unit": resolve_in_the_unit,
    "spoken_year": resolve_spoken_year,
    "year": resolve_year,
    "holiday": resolve_holiday,
    "month_day": resolve_month_day,
    "month_day_and": resolve_second_day,
    "day_month": resolve_month_day,
    "month": resolve_month,
    "day_word": resolve_day_word,
    "weekday": resolve_weekday,
    "unit_relative": resolve_unit_relative,
    "ago": resolve_ago,
    "ref_day": resolve_ref_day,
    "clock": resolve_clock,
    "noon": resolve_clock,
}


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    # what each match holds (patterns.required_words): one word of each set; empty: no word
    needs: tuple[Need, ...] = ()


def rules() -> list[Rule]:
    """Every rule, in priority order for equally long matches (blockers resolve to nothing)."""
    patterns = compiled()
    return [
        Rule(name, pat, RESOLVERS.get(name, resolve_nothing), required_words(pat))
        for name, pat in patterns.items()
    ]
