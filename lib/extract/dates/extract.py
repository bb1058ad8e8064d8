"""Temporal expressions normalised against the document's date (a rule tagger, no spaCy).

A HeidelTime-style tagger (Strötgen & Gertz 2010, "HeidelTime: High quality rule-based
extraction and normalization of temporal expressions", SemEval-2010): regular expressions find
candidate expressions (lib/extract/dates/patterns.py); overlapping candidates are resolved longest first;
each survivor is normalised (lib/extract/dates/rules.py) against the document creation time, the
reference time (the last date mentioned) and the tense of its sentence.
Durations, sets, quarters, seasons and decades are recognised only to be skipped: their TimeML
values are not dates an analyst can put on a timeline.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from lib.extract.dates.calendar import Tense, Unit, parse_iso, value_of
from lib.extract.dates.patterns import CASE_BLIND_ASCII, Need, alternation, lexicon
from lib.extract.dates.rules import Context, Rule, rules
from lib.records import DateMention, Document
from lib.text.sentences import ends_sentence

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before a capital,
# or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z])|\n+")
# A past participle after "be"/"been"/"being" is a passive, not a past tense ("will be named",
# "will be held"); an -ed word after a determiner is an adjective ("a still undecided date", "the
# proposed merger"). HeidelTime's reTensePast lists finite verbs only.
NOT_PASSIVE_OR_ADJECTIVE = (
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
    r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\bstill )(?<!\bnewly )"
)
PAST_PARTICIPLE = r"(?!\w*(?:ceed|need|deed|speed|feed|seed|breed|hundred)\b)(?-i:[a-z]{3,}ed)"
# "until Nov. 16", "payable Dec. 7", "by May": a deadline is not pushed into the past by a
# past-tense verb ("the offer was extended until Jan. 5" in a December report).
FORWARD = re.compile(r"(?i)\b(?:until|till|through|by|effective|payable|starting|beginning|due)\s+$")
# "was to", "had been scheduled to": a future seen from the past is past (HeidelTime reTensePast).
FUTURE_IN_PAST = re.compile(r"(?i)\b(?:was|were|had|had\s+been)\s+$")
WINDOW = 300
DAY: Unit = "day"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    return tuple(rules())


@lru_cache(maxsize=1)
def tense_cues() -> re.Pattern[str]:
    """Future, present and past cues (HeidelTime's reTenseFuture / reTensePast), one regex."""
    future = alternation(lexicon()["future_cues"])
    present = alternation(lexicon()["present_cues"])
    past = alternation(lexicon()["past_cues"])
    return re.compile(
        rf"(?i)(?<!\w)(?:(?P<future>{future})|(?P<present>{present})|(?P<past>{NOT_PASSIVE_OR_ADJECTIVE}(?:{past}|{PAST_PARTICIPLE})))(?!\w)"
    )


def extract_dates(doc: Document) -> list[DateMention]:
    """Every date expression in ``doc.text`` with its ISO value, in text order.

    Relative expressions need ``doc.date``; without it only absolute ones are returned.
    """
    anchor = parse_iso(doc.date)
    starts = sentence_starts(doc.text)
    mentions: list[DateMention] = []
    ref: tuple[dt.date, Unit] | None = (anchor, "day") if anchor else None
    for cand in select(candidates(doc.text)):
        ctx = context(doc.text, starts, cand, anchor, ref)
        resolved = cand.rule.resolve(cand.match, ctx)
        if resolved is None:
            continue
        ref = resolved
        mentions.append(mention(doc, cand, *resolved))
    return mentions


def mention(doc: Document, cand: Candidate, day: dt.date, unit: Unit) -> DateMention:
    return DateMention(
        doc_id=doc.id,
        text=doc.text[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        value=value_of(day, unit),
        precision=unit,
    )


def candidates(text: str) -> list[Candidate]:
    """Every match of every rule; a rule's group ``t``, when it matched, is the extent.

    A rule runs only on a text that holds one of the words each of its matches holds (Rule.needs):
    most of the rules' cost is trying each position of the text, and most reports name no season,
    holiday or clock time (the same matches; about a quarter less CPU on the bench's reports)."""
    found = []
    low = text.lower() if CASE_BLIND_ASCII.isdisjoint(text) else None
    held: dict[Need, bool] = {}  # per requirement (the month rules share theirs)
    for rule in all_rules():
        if low is not None and not all(_holds(need, text, low, held) for need in rule.needs):
            continue
        for m in rule.pattern.finditer(text):
            start, end = m.span("t") if "t" in rule.pattern.groupindex and m["t"] else m.span()
            found.append(Candidate(start, end, rule, m))
    return found


def _holds(need: Need, text: str, low: str, held: dict[Need, bool]) -> bool:
    """Whether the text holds one of the requirement's words (case aside: in ``low``), once."""
    if need not in held:
        words, blind = need
        within = low if blind else text
        held[need] = any(w in within for w in words)
    return held[need]


def select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (ties: the earlier rule), back in text order."""
    order = {rule.name: i for i, rule in enumerate(all_rules())}
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, order[c.rule.name], c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def sentence_starts(text: str) -> list[int]:
    return [
        0,
        *(
            m.end()
            for m in SENTENCE_END.finditer(text)
            # a full stop after a title or an initial ends none: the tense cue of the rest counts
            if m.group(0).startswith("\n") or ends_sentence(text, m.start())
        ),
    ]


def context(
    text: str, starts: list[int], cand: Candidate, anchor: dt.date | None, ref: tuple[dt.date, Unit] | None
) -> Context:
    i = bisect.bisect_right(starts, cand.start) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    sentence = text[starts[i] : end]
    tense = sentence_tense(sentence, cand.start - starts[i], cand.end - starts[i])
    if FORWARD.search(text, max(0, cand.start - 12), cand.start):
        tense = "present" if tense == "past" else "future"
    ref_day, ref_unit = ref if ref else (None, DAY)
    before = text[max(0, starts[i] - WINDOW) : cand.start]
    return Context(anchor=anchor, ref=ref_day, ref_unit=ref_unit, tense=tense, before=before)


def sentence_tense(sentence: str, start: int, end: int) -> Tense:
    """The tense of the nearest cue before the expression, else of the nearest one after it.

    After HeidelTime 2.2.1 (getLastTense / getClosestTense): the verbs before a temporal
    expression in its sentence are looked at first. A sentence without a cue is "present".
    """
    before = [m for m in tense_cues().finditer(sentence, 0, start)]
    if before:
        return cue_tense(before[-1], sentence)
    after = tense_cues().search(sentence, end)
    return cue_tense(after, sentence) if after else "present"


def cue_tense(m: re.Match[str], sentence: str) -> Tense:
    if m["future"]:
        return "past" if FUTURE_IN_PAST.search(sentence, 0, m.start()) else "future"
    return "present" if m["present"] else "past"
