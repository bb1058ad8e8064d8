"""Where two reports disagree: numbers, dates, speakers, quote wording and name spellings.

A discrepancy needs the same thing on both sides. Each finder bails out when the two claims may
not be about the same thing (a number needs the same counted noun, a shared context and, for a
bare unit, the same frame; different actors or dates in the two sentences mean two facts; a date
needs two sentences that say the same thing and the same words dated). What passes gets a
one-line reason and a confidence; compare() shows flags from SHOW_MIN as contradictions and keeps
the others as weak: a figure changed between reports of different days (an update), a speaker
flag resting on an uncertain attribution, a quote differing only by a function word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from lib.compare.claims import Claim
from lib.extract.dates.values import period, unit_of
from lib.extract.quotes.cues import person_titles
from lib.records import (
    SURE_SPEAKER,
    AlignedPair,
    Analysis,
    DateMention,
    Discrepancy,
    Mention,
    NumberClaim,
    Quote,
    Span,
)
from lib.text.aliases import fold
from lib.text.similarity import STOPWORDS, TfIdf, cosine, normalize, terms

# How far a hedged figure may reach: "over 100,000" reads as 100,000 to 150,000. The bands
# follow the approximator readings of Krifka (2007, "Approximate interpretation of number
# words"): round figures and hedges widen the range, a bare figure keeps it narrow.
LOWER = ("over", "more than", "at least", "upwards of", "just over", "as many as")
UPPER = ("under", "up to", "less than", "fewer than", "almost", "nearly", "close to", "at most", "just under")
APPROX = ("about", "around", "some", "roughly", "approximately")
NUMBER_CONTEXT_MIN = 0.12  # cosine of the words around the two figures
CONTEXT_TERMS = 6  # content words taken on each side of a figure
# Units that say little about what is counted: their context must share one more word, and
# the figures' frames (what is paid, whose rate) a word. Units of measure count nothing by
# themselves ("tons" of what, emitted or absorbed; "points" ahead or behind).
GENERIC_COUNTED = frozenset(
    {"percent", "dollars", "euros", "pounds", "rubles", "people", "times", "years", "days"}
    | {"hours", "weeks", "months", "points", "tons", "tonnes", "barrels", "gallons", "litres", "liters"}
    | {"miles", "kilometres", "kilometers", "metres", "meters", "feet", "acres", "hectares", "kilograms"}
)
SHOW_MIN = 0.6  # confidence from which a flag is shown as a contradiction
NUMBER_BASE = 0.6  # same counted noun, shared context, same actors and times
FRAME_BONUS = 0.2  # and the figures attach to a common word
CONTEXT_BONUS = 0.2  # and (up to) the cosine of their contexts
UPDATE = 0.3  # a figure changed between reports of different days
UPDATE_RATIO = 2.0  # within this factor a figure from another day is an update
UPDATE_DAYS = 7  # reports this far apart: any change may be an update
DATE_PAIR_SHARED = 3  # content words two claims share before their dates are compared
DATE_PAIR_MIN = 0.5  # aligned pairs this similar are taken to report one event
DATE_ANCHOR_TERMS = 2  # content words before a date that it dates
DATE_CONFIDENCE = 0.7
SPEAKER_QUOTE_MIN = 0.7
SPEAKER_SURE, SPEAKER_UNSURE = 0.8, 0.3
ADJACENT_CHARS = 40  # a cue this close to the quotation names the person speaking
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "his", "her", "their"})
ARTICLES = frozenset(
    {"the", "a", "an", "this", "that", "its", "his", "her", "their"}
)  # a description, not a name
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "mr", "mrs", "ms", "dr"})
WORDING_MIN = 0.3  # quote cosine from which two quotes of one person may be one statement
WORDING_MATCHED = 6  # words in common, in order, before two quotes are one statement
WORDING_SHARE = 0.5  # ... and that share of the shorter quote
WORDING_SURE, WORDING_MINOR = 0.8, 0.4
SPELLING_RATIO = 80  # rapidfuzz ratio from which two single words are one word spelled two ways
OPENING, CLOSING = "“«„", "”»"
QUOTE_WORD = re.compile(r"[\w'*<>]+")
ELLIPSIS = re.compile(r"\.\.\.|…|\. \. \.|--|—")  # an ellipsis or a dash: the quote is cut there
BRACKETED = re.compile(r"\[[^\]]*\]")
CUT, EDIT = "<cut>", "<edit>"  # where a quote is cut, and an editor's bracketed words
# Hesitations and discourse markers of speech, which one transcript keeps and another cleans up
# ("I mean, this is ..." / "This is ..."): not what was said
FILLERS = frozenset({("uh",), ("um",), ("er",), ("erm",), ("ah",), ("i", "mean"), ("you", "know")})
Opcode = tuple[str, int, int, int, int]  # difflib's (tag, i1, i2, j1, j2)
WORDING_GAP = 3  # words changed on a side beyond which two quotes join different passages
CONTRACTIONS = (
    ("n't", "not"),
    ("'re", "are"),
    ("'m", "am"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'d", "would"),
    ("'s", "is"),
)
DIGIT_WORDS = "zero one two three four five six seven eight nine ten".split()
NUMBER_WORDS = {str(n): word for n, word in enumerate(DIGIT_WORDS)}
NUMBER_WORDS |= {"gonna": "going to", "wanna": "want to", "gotta": "got to"}  # a transcription choice
NUMBER_WORDS["let's"] = "let us"
# Past forms a stem cannot reach: one verb each, so "said" and "say" are one word in another tense.
IRREGULAR = {"said": "say", "says": "say", "ran": "run", "told": "tell", "went": "go", "came": "come"}
IRREGULAR |= {"made": "make", "took": "take", "gave": "give", "thought": "think", "knew": "know"}
NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")  # the words of a name, without stray brackets
NAME_RATIO = 75  # rapidfuzz ratio from which two name tokens are spellings of one name
NAME_CONFIDENCE = 0.8


def find_discrepancies(
    analysis: Analysis,
    doc_a: str,
    doc_b: str,
    quotes_a: Sequence[Claim],
    quotes_b: Sequence[Claim],
    aligned: Sequence[AlignedPair],
    tfidf: TfIdf,
    one_time: bool = True,
) -> list[Discrepancy]:
    """Every candidate discrepancy with its confidence; compare() shows those from SHOW_MIN.
    ``one_time`` False: the reports' news is of different days (lib/compare/when.py), so their
    figures' differences are updates even where their dates are unknown."""
    return [
        *number_discrepancies(analysis, doc_a, doc_b, tfidf, one_time),
        *date_discrepancies(analysis.dates, aligned, analysis.numbers),
        *quote_discrepancies(analysis, quotes_a, quotes_b, tfidf),
        *name_discrepancies(analysis, doc_a, doc_b),
    ]


def number_discrepancies(
    analysis: Analysis, doc_a: str, doc_b: str, tfidf: TfIdf, one_time: bool = True
) -> list[Discrepancy]:
    """Different figures for the same counted thing, measured the same way, in the same context;
    ``one_time`` False (reports of different days, lib/compare/when.py): updates."""
    in_a = [n for n in analysis.numbers if n.doc_id == doc_a and n.sentence]
    in_b = [n for n in analysis.numbers if n.doc_id == doc_b and n.sentence]
    scene = _Scene(analysis, one_time)
    out, used = [], set()
    # A figure of B that agrees with one of A is accounted for: it is not also set against
    # A's other figures ("$21.5 million in federal levies and $4.2 million in state levies").
    agreeing = {b.start for a in in_a for b in in_b if _same_measure(a, b) and _figures_agree(a, b)}
    for a in in_a:
        same = [b for b in in_b if _same_measure(a, b) and not scene.apart(a, b)]
        if any(_figures_agree(a, b) for b in same):
            continue
        same = [b for b in same if b.start not in agreeing]
        scored = [(s, b) for b in same if b.start not in used and (s := _context(a, b, tfidf)) >= 0]
        if scored:
            score, b = max(scored, key=lambda t: t[0])
            used.add(b.start)
            out.append(_number_discrepancy(a, b, score, scene))
    return out


def _same_measure(a: NumberClaim, b: NumberClaim) -> bool:
    """The same counted noun; for a unit that says little (dollars, percent), also a shared frame
    word: "paid $44 million" and "earned $141 million" are two measures, not two readings."""
    if normalize(a.counted) != normalize(b.counted):
        return False
    if a.counted not in GENERIC_COUNTED:
        return True
    words_a, words_b = _frame_words(a), _frame_words(b)
    if not words_a & words_b:
        return False
    # "federal taxes" and "state taxes": the same noun, told apart by its modifiers
    mods_a, mods_b = _frame_modifiers(a), _frame_modifiers(b)
    return not any(mods_a[w] and mods_b[w] and not mods_a[w] & mods_b[w] for w in set(mods_a) & set(mods_b))


def _frame_words(n: NumberClaim) -> set[str]:
    return {w.rpartition(">")[2] for w in n.frame}


def _frame_modifiers(n: NumberClaim) -> dict[str, set[str]]:
    """Each frame noun with its modifiers (recorded as "modifier>noun" in NumberClaim.frame)."""
    out: dict[str, set[str]] = {w: set() for w in _frame_words(n)}
    for entry in n.frame:
        mod, sep, noun = entry.partition(">")
        if sep:
            out[noun].add(mod)
    return out


class _Scene:
    """The actors and dates of each number's sentence, and the dates of the reports."""

    def __init__(self, analysis: Analysis, one_time: bool = True) -> None:
        self.analysis = analysis
        self.one_time = one_time  # False: the reports' news is of different days

    def actors(self, n: NumberClaim) -> set[str]:
        sent = n.sentence
        assert sent is not None
        return {m.actor_id for m in self.analysis.mentions if m.doc_id == n.doc_id and _within(m, sent)}

    def dates(self, n: NumberClaim) -> list[DateMention]:
        sent = n.sentence
        assert sent is not None
        return [d for d in self.analysis.dates if d.doc_id == n.doc_id and _within(d, sent)]

    def apart(self, a: NumberClaim, b: NumberClaim) -> bool:
        """Different actors or different times: each sentence names actors and none is shared, or
        each is dated and some date of one has no match in the other ("in 2013" / "since 2007")."""
        actors_a, actors_b = self.actors(a), self.actors(b)
        if actors_a and actors_b and not actors_a & actors_b:
            return True
        dates_a, dates_b = self.dates(a), self.dates(b)
        if not (dates_a and dates_b):
            return False
        unmatched_a = any(not any(_dates_agree(x, y) for y in dates_b) for x in dates_a)
        return unmatched_a or any(not any(_dates_agree(x, y) for x in dates_a) for y in dates_b)

    def later(self, a: NumberClaim, b: NumberClaim) -> int:
        """Days between the two reports (0 when either date is unknown)."""
        da, db = (period(self.analysis.document(n.doc_id).date or "") for n in (a, b))
        if not (da and db):  # undated, or a date this reader cannot place
            return 0
        return abs((db[0] - da[0]).days)


def _within(record: Mention | DateMention | NumberClaim, span: Span) -> bool:
    return span.start <= record.start and record.end <= span.end


def _figures_agree(a: NumberClaim, b: NumberClaim) -> bool:
    lo_a, hi_a = _band(a)
    lo_b, hi_b = _band(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _band(n: NumberClaim) -> tuple[float, float]:
    x = n.amount
    if n.qualifier in LOWER:
        return x, 1.5 * x
    if n.qualifier in UPPER:
        return x / 1.5, x
    if n.qualifier in APPROX:
        return 0.75 * x, 1.33 * x
    return 0.95 * x, 1.05 * x


def _context(a: NumberClaim, b: NumberClaim, tfidf: TfIdf) -> float:
    """The similarity of the words around the two figures; -1 below the floor."""
    ta, tb = _context_terms(a), _context_terms(b)
    if len(set(ta) & set(tb)) < (3 if a.counted in GENERIC_COUNTED else 2):
        return -1.0
    score = cosine(tfidf.vector(ta), tfidf.vector(tb))
    return score if score >= NUMBER_CONTEXT_MIN else -1.0


def _context_terms(n: NumberClaim) -> list[str]:
    """The content words around the figure, CONTEXT_TERMS on each side, within its sentence."""
    if n.sentence is None:
        return []
    before = _terms(n.sentence.text[: n.start - n.sentence.start])[-CONTEXT_TERMS:]
    after = _terms(n.sentence.text[n.end - n.sentence.start :])[:CONTEXT_TERMS]
    return [t for t in (*before, *after) if not t[0].isdigit()]


def _number_discrepancy(a: NumberClaim, b: NumberClaim, context: float, scene: _Scene) -> Discrepancy:
    """A number flag. Between reports of different days a changed figure is an update, not a
    contradiction, when time can explain it: counts of casualties, troops or money move as events
    go on, but rarely more than double in a few days (10,000 then 100,000 a day later is a conflict).
    Undated reports whose texts name different days (two days' market closes) give updates."""
    shared = [t for t in dict.fromkeys(_context_terms(a)) if t in set(_context_terms(b))]
    about = f"{a.counted} ({', '.join(shared[:4])})"
    reason = f"A gives {_figure(a)} {a.counted}, B gives {_figure(b)} {b.counted}"
    days = scene.later(a, b)
    if days and (days >= UPDATE_DAYS or max(a.amount, b.amount) <= UPDATE_RATIO * min(a.amount, b.amount)):
        return Discrepancy("update", about, _span(a), _span(b), f"{reason}, {days} day(s) apart", UPDATE)
    if not days and not scene.one_time:  # undated reports whose texts name different days
        return Discrepancy("update", about, _span(a), _span(b), f"{reason}, of different days", UPDATE)
    frames = _frame_words(a) & _frame_words(b)
    if frames:
        reason += f"; both measure {', '.join(sorted(frames)[:3])}"
    confidence = NUMBER_BASE + FRAME_BONUS * bool(frames) + min(CONTEXT_BONUS, context)
    return Discrepancy("number", about, _span(a), _span(b), reason, round(min(confidence, 1.0), 2))


def _figure(n: NumberClaim) -> str:
    amount = f"{n.amount:,.0f}" if n.amount == int(n.amount) else f"{n.amount:,}"
    return f"{n.qualifier} {amount}".strip()


def date_discrepancies(
    dates: Sequence[DateMention], aligned: Sequence[AlignedPair], numbers: Sequence[NumberClaim] = ()
) -> list[Discrepancy]:
    """Two claims that say the same thing with incompatible dates for the same words. Two claims
    whose figures differ as well are two observations of a series ("40 percent in 2020", "25
    percent in 2021"), not one fact dated twice."""
    out = []
    for pair in aligned:
        shared = set(_terms(pair.a.text)) & set(_terms(pair.b.text))
        if pair.relation != "same" or pair.score < DATE_PAIR_MIN or len(shared) < DATE_PAIR_SHARED:
            continue
        figures_a = {n.amount for n in numbers if n.doc_id == pair.a.doc_id and _within(n, pair.a)}
        figures_b = {n.amount for n in numbers if n.doc_id == pair.b.doc_id and _within(n, pair.b)}
        if figures_a and figures_b and not figures_a & figures_b:
            continue
        in_a, in_b = _dates_in(dates, pair.a), _dates_in(dates, pair.b)
        if dates_disagree(in_a, in_b):
            found = [
                (x, y)
                for x in in_a
                for y in in_b
                if _date_anchors(x, pair.a) & _date_anchors(y, pair.b) and not _same_words(x, y)
            ]
            if found:
                x, y = found[0]
                reason = f"A dates it {x.value}, B {y.value}"
                out.append(
                    Discrepancy("date", _short(pair.a.text), _span(x), _span(y), reason, DATE_CONFIDENCE)
                )
    return out


def dates_disagree(in_a: Sequence[DateMention], in_b: Sequence[DateMention]) -> bool:
    """Both sides give dates and no date of one agrees with one of the other: what
    ``date_discrepancies`` asks of two claims' dates before it flags them."""
    return bool(in_a and in_b) and not any(_dates_agree(x, y) for x in in_a for y in in_b)


def _same_words(x: DateMention, y: DateMention) -> bool:
    """Both reports write the date in the same words ("on Tuesday"): values that differ then come
    from reading a relative date against each report's own date, not from the reports."""
    return fold(x.text).strip() == fold(y.text).strip()


def _date_anchors(d: DateMention, sentence: Span) -> set[str]:
    """The content words just before a date, which it dates (an English time adverbial follows its
    verb phrase): one sentence can date two events ("fired late Friday", "said on Monday"), and
    only dates of the same words can disagree."""
    before = _terms(sentence.text[: d.start - sentence.start])[-DATE_ANCHOR_TERMS:]
    return {t for t in before if not t[0].isdigit()}


def _dates_in(dates: Sequence[DateMention], span: Span) -> list[DateMention]:
    return [d for d in dates if d.doc_id == span.doc_id and span.start <= d.start and d.end <= span.end]


def dated_alike(dates: Sequence[DateMention], a: Span, b: Span) -> bool:
    """Both spans give dates, and each date of one agrees with one of the other: a fact told with
    its date, the same in two reports of different days."""
    in_a, in_b = _dates_in(dates, a), _dates_in(dates, b)
    if not (in_a and in_b):
        return False
    return all(any(_dates_agree(x, y) for y in in_b) for x in in_a) and all(
        any(_dates_agree(x, y) for x in in_a) for y in in_b
    )


def _dates_agree(x: DateMention, y: DateMention) -> bool:
    """Two dates agree when their periods meet ("2022-01" holds "2022-01-26"; days, months and
    years nest or are apart). A value no period reads gives no verdict, and so does a week: weeks
    were left out when values were compared by prefix, and comparing them now would be a change
    of behaviour to decide on its own."""
    px, py = period(x.value), period(y.value)
    if px is None or py is None or "week" in (unit_of(x.value), unit_of(y.value)):
        return True
    return px[0] <= py[1] and py[0] <= px[1]


def quote_discrepancies(
    analysis: Analysis, quotes_a: Sequence[Claim], quotes_b: Sequence[Claim], tfidf: TfIdf
) -> list[Discrepancy]:
    """The same words given to different people; one person's statement worded differently."""
    out: list[Discrepancy] = []
    for a in quotes_a:
        va = tfidf.vector(a.terms)
        for b in quotes_b:
            found = _quote_discrepancy(analysis, a, b, cosine(va, tfidf.vector(b.terms)))
            if found and not any(_overlap(found, d) for d in out):
                out.append(found)
    return out


def _overlap(x: Discrepancy, y: Discrepancy) -> bool:
    """Two flags on overlapping spans on both sides: a quote nested in another quote's span is
    one statement, flagged once."""
    return _spans_overlap(x.a, y.a) and _spans_overlap(x.b, y.b)


def _spans_overlap(x: Span, y: Span) -> bool:
    return x.doc_id == y.doc_id and x.start < y.end and y.start < x.end


def _quote_discrepancy(analysis: Analysis, a: Claim, b: Claim, score: float) -> Discrepancy | None:
    qa, qb = a.quote, b.quote
    if not (qa and qb and qa.speaker_id and qb.speaker_id and qa.kind == qb.kind == "direct"):
        return None
    one_person = bool(a.speakers & b.speakers) or same_person(analysis, qa.speaker_id, qb.speaker_id)
    if score >= SPEAKER_QUOTE_MIN and min(len(a.terms), len(b.terms)) >= 4 and not one_person:
        return _speaker_discrepancy(analysis, a, b)
    if one_person and score >= WORDING_MIN:
        return wording_discrepancy(qa, qb, who=_who(analysis, qa))
    return None


def _speaker_discrepancy(analysis: Analysis, a: Claim, b: Claim) -> Discrepancy:
    """The same words given to two people: shown only when both attributions are sure (a pronoun
    or a distant name is often the lawyer or aide speaking for the person named)."""
    qa, qb = a.quote, b.quote
    assert qa is not None and qb is not None
    reason = f"A gives these words to {_who(analysis, qa)}, B to {_who(analysis, qb)}"
    sure = _confident(analysis, qa) and _confident(analysis, qb)
    if not sure:
        reason += " (an attribution is uncertain)"
    confidence = SPEAKER_SURE if sure else SPEAKER_UNSURE
    return Discrepancy("speaker", _short(qa.text), a.span, b.span, reason, confidence)


def _confident(analysis: Analysis, quote: Quote) -> bool:
    """A sure attribution, sure enough to say two reports disagree on who spoke: the quote
    extractor's own speaker confidence (where it gives one) is high, and the speaker is a person
    written as a name (not a pronoun, a role such as "the president", or a possessive) right beside
    the quotation, where a reporter puts the cue of the person speaking. A pronoun or a role the
    extractor resolved may be right, but two resolutions that differ are more often one of them
    wrong than two reports disagreeing; an organisation's words are often its spokesperson's."""
    if quote.speaker_confidence and quote.speaker_confidence < SURE_SPEAKER:
        return False  # 0.0: none given (a record built by hand), so the text alone decides
    actor = analysis.actor(quote.speaker_id) if quote.speaker_id else None
    if actor is not None and actor.type != "person":
        return False
    if quote.speaker_start is None or quote.speaker_end is None or not quote.speaker_text[:1].isupper():
        return False
    if quote.speaker_text.lower() in PRONOUNS or quote.speaker_text.split()[0].lower() in ARTICLES:
        return False
    text = analysis.document(quote.doc_id).text
    if text[quote.speaker_end : quote.speaker_end + 2] in {"'s", "’s"}:
        return False
    gap = max(quote.speaker_start - quote.end, quote.start - quote.speaker_end, 0)
    return gap <= ADJACENT_CHARS


def same_person(analysis: Analysis, x: str, y: str) -> bool:
    """Two actor ids that may name one person: the same surname (a middle initial, a first-name
    form or "Mr." make new ids), or one name inside the other."""
    if x == y:
        return True
    ax, ay = analysis.actor(x), analysis.actor(y)
    nx = _name_words(ax.name if ax else x.replace("-", " "))
    ny = _name_words(ay.name if ay else y.replace("-", " "))
    if not (nx and ny):
        return False
    return nx[-1] == ny[-1] or set(nx) <= set(ny) or set(ny) <= set(nx)


def _name_words(name: str) -> list[str]:
    words = [fold(w).rstrip(".") for w in NAME_WORD.findall(name)]
    return [w for w in words if w and w not in NAME_SUFFIXES]


def _who(analysis: Analysis, quote: Quote) -> str:
    """The speaker as a reason names it: the actor's name, else the words written ("he" or
    "who" resolved to an actor reads as that actor)."""
    actor = analysis.actor(quote.speaker_id) if quote.speaker_id else None
    return actor.name if actor is not None else quote.speaker_text or quote.speaker_id or ""


def wording_discrepancy(qa: Quote, qb: Quote, *, who: str | None = None) -> Discrepancy | None:
    """One statement quoted in different words. Words missing at either end are a partial
    quotation, not a different wording; so are words left out where a quote is cut (an ellipsis,
    the narration between two quoted parts), the reporter's bracketed words, contractions, digits
    for number words, spelling variants and bleeped words. Only words changed inside the longest
    stretch the two quotes share count; changed function words alone ("that", "a"/"any") are weak.
    ``who``: the speaker as the reason names it (the caller's actor name), else as written."""
    wa, wb = list(_quoted_words(qa.text)), list(_quoted_words(qb.text))
    if wa == wb:  # one wording (wire copy quotes a statement alike): nothing changed in any stretch
        return None
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    stretch = _shared_stretch(ops)
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in stretch if tag == "equal")
    if matched < WORDING_MATCHED or matched < WORDING_SHARE * min(len(wa), len(wb)):
        return None  # too little in common: two statements, not two wordings of one
    changes = [
        (wa[i1:i2], wb[j1:j2])
        for tag, i1, i2, j1, j2 in stretch
        if tag != "equal" and not _acceptable(wa[i1:i2], wb[j1:j2])
    ]
    if not changes:
        return None
    changes.sort(key=lambda c: set(c[0] + c[1]) <= STOPWORDS)  # a changed content word first
    x, y = ([w for w in side if w != CUT] for side in changes[0])
    who = who if who is not None else qa.speaker_text or qa.speaker_id or ""
    reason = f"{who} quoted in different words: A '{' '.join(x) or '—'}', B '{' '.join(y) or '—'}'"
    if len(changes) > 1:
        reason += f" (+{len(changes) - 1} more)"
    minor = _reordered(changes) or all(_minor(x, y) for x, y in changes) or _fits_elsewhere(wa, wb)
    confidence = WORDING_MINOR if minor else WORDING_SURE
    span_a, span_b = Span(qa.doc_id, qa.start, qa.end, qa.text), Span(qb.doc_id, qb.start, qb.end, qb.text)
    return Discrepancy("wording", qa.speaker_id or "", span_a, span_b, reason, confidence)


def _minor(x: list[str], y: list[str]) -> bool:
    """A change that leaves what was said as it was: function words only, or one word inflected
    otherwise ("run" / "running", "say" / "said": a tense or a number a reporter adapts)."""
    x, y = [w for w in x if w != CUT], [w for w in y if w != CUT]
    if set(x + y) <= STOPWORDS:
        return True
    return len(x) == len(y) == 1 and _stem(x[0]) == _stem(y[0])


def _fits_elsewhere(wa: list[str], wb: list[str]) -> bool:
    """The shorter quote laid word for word over some stretch of the longer one differs there only
    by function words or inflections: a partial quotation of another place in the statement (a
    speaker repeats a phrase: "we'll end up in the court ... we'll win at the court"), which the
    alignment matched to the wrong place."""
    short, long = sorted(([w for w in wa if w != CUT], [w for w in wb if w != CUT]), key=len)
    if len(short) < WORDING_MATCHED:
        return False
    for at in range(len(long) - len(short) + 1):
        pairs = [(x, y) for x, y in zip(short, long[at : at + len(short)], strict=True) if x != y]
        if len(pairs) < len(short) / 2 and all(_minor([x], [y]) for x, y in pairs):
            return True
    return False


def _reordered(changes: Sequence[tuple[list[str], list[str]]]) -> bool:
    """The same words in another order ("with either our partners" / "either with our partners")."""
    left = sorted(w for x, _ in changes for w in x if w != CUT)
    right = sorted(w for _, y in changes for w in y if w != CUT)
    return bool(left) and left == right


def _stem(word: str) -> str:
    """A crude English stem for comparing two forms of one word: regular endings off, a doubled
    final consonant single, and the common irregular past forms of speech and motion verbs."""
    word = IRREGULAR.get(word, word)
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word.rstrip("e")


def _shared_stretch(ops: Sequence[Opcode]) -> list[Opcode]:
    """The opcodes of the longest stretch the two quotes share: runs of equal words joined by
    small changes. A change of more than WORDING_GAP words on a side is a seam between different
    passages, and what lies outside the stretch is a partial quotation."""
    stretches: list[list[Opcode]] = [[]]
    for op in ops:
        tag, i1, i2, j1, j2 = op
        if tag != "equal" and max(i2 - i1, j2 - j1) > WORDING_GAP:
            stretches.append([])
        else:
            stretches[-1].append(op)
    best = max(stretches, key=lambda st: sum(o[2] - o[1] for o in st if o[0] == "equal"))
    while best and best[0][0] != "equal":  # words missing at an end: a partial quotation
        best = best[1:]
    while best and best[-1][0] != "equal":
        best = best[:-1]
    return best


def _acceptable(x: list[str], y: list[str]) -> bool:
    """A difference that is not a different wording: words left out where a quote is cut, words
    touching an editor's bracket, a title of office or honorific one outlet writes before a name
    and the other leaves out (house styles differ), a spoken filler one transcript keeps and the
    other drops, or one word spelled two ways."""
    if EDIT in x + y:
        return True
    if CUT in x + y:
        x, y = [w for w in x if w != CUT], [w for w in y if w != CUT]
        if not (x and y):
            return True
    if not (x and y) and all(w.rstrip(".") in person_titles() for w in x + y):
        return True  # "with Brandt's" / "with Senator Brandt's": a title is the outlet's style
    if not (x and y) and _fillers(x + y):
        return True
    return _spelling(x, y)


@lru_cache(maxsize=4096)
def _quoted_words(text: str) -> tuple[str, ...]:
    """The words inside the quotation marks of a quote's span, a CUT token where the reporter's
    narration ("she said in a statement") or an ellipsis splits them. Kept for the last few
    thousand quotes: the corpus's claims set one member's quote against each other's in turn."""
    return tuple(_quoted_word_list(text))


def _quoted_word_list(text: str) -> list[str]:
    marks = [(i, c) for i, c in enumerate(text) if c in OPENING + CLOSING + '"']
    if not marks:
        return _words(text)
    # A span that begins inside the quotation: its first mark closes (a curly one, or an odd
    # number of straight ones not at the start).
    straight = [i for i, c in marks if c == '"']
    odd = len(straight) % 2 == 1 and marks[0] == (straight[0], '"') and straight[0] > 0
    inside = marks[0][1] in CLOSING or odd
    parts, start = [], 0
    for i, c in marks:
        if not inside and c in OPENING + '"':
            start, inside = i + 1, True
        elif inside and c in CLOSING + '"':
            parts.append(text[start:i])
            inside = False
    if inside:
        parts.append(text[start:])
    return [w for n, part in enumerate(parts) for w in ([CUT] if n else []) + _words(part)]


def _words(text: str) -> list[str]:
    """Lower-cased words with contractions expanded, small numbers as words, "&" as "and"."""
    # an opening single mark starts a quotation inside the quotation: the reporter joins two there
    text = text.replace("‘", f" {CUT} ").replace("’", "'").replace("&", " and ")
    text = ELLIPSIS.sub(f" {CUT} ", text)
    text = BRACKETED.sub(f" {EDIT} ", text)
    words = []
    for raw in QUOTE_WORD.findall(text.lower()):
        word = raw.strip("'")
        if word in NUMBER_WORDS:
            words += NUMBER_WORDS[word].split()
            continue
        for stem, ending in CONTRACTIONS:
            if word.endswith(stem) and len(word) > len(stem):
                words += [word[: -len(stem)], ending]
                break
        else:
            words.append(word)
    return [w for w in words if w]


def _fillers(words: list[str]) -> bool:
    """The words are one or more spoken fillers ("uh", "I mean", "you know")."""
    at = 0
    while at < len(words):
        size = next((n for n in (2, 1) if tuple(words[at : at + n]) in FILLERS), 0)
        if not size:
            return False
        at += size
    return bool(words)


def _spelling(x: list[str], y: list[str]) -> bool:
    """One word written two ways: joined or split ("work force"), censored ("f***ing"), or a
    letter or two apart ("Momma", "Mama")."""
    jx, jy = "".join(x), "".join(y)
    if not (jx and jy):
        return False
    if jx == jy or "*" in jx + jy:
        return True
    return len(x) == len(y) == 1 and ratio(jx, jy) >= SPELLING_RATIO


def name_discrepancies(analysis: Analysis, doc_a: str, doc_b: str) -> list[Discrepancy]:
    """Names of one person spelled differently by the two reports (Antony / Anthony)."""
    out = []
    for actor in analysis.actors:
        if actor.type != "person":
            continue
        in_a = _first_by_surface(analysis.mentions, doc_a, actor.id)
        in_b = _first_by_surface(analysis.mentions, doc_b, actor.id)
        pairs = {(x, y) for x in in_a for y in in_b if x not in in_b or y not in in_a}
        variants = [(x, y) for x, y in sorted(pairs) if _spelling_variant(x, y)]
        if variants:  # one flag a person: "Antony Blinken"/"Anthony Blinken" and "Antony"/"Anthony" are one
            x, y = variants[0]
            reason = f"A spells {actor.name} '{in_a[x].text}', B '{in_b[y].text}'"
            span_a, span_b = _span(in_a[x]), _span(in_b[y])
            out.append(Discrepancy("name_spelling", actor.id, span_a, span_b, reason, NAME_CONFIDENCE))
    return out


def _first_by_surface(mentions: Sequence[Mention], doc_id: str, actor_id: str) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.doc_id == doc_id and m.actor_id == actor_id and m.text[:1].isupper():
            out.setdefault(m.text.casefold(), m)
    return out


def _spelling_variant(x: str, y: str) -> bool:
    """Same number of words, exactly one differing, and that one close in spelling; a dropped
    accent, a full stop or a plural -s ("Raúl"/"Raul", "Jr"/"Jr.", "the Smiths") is house style."""
    wx, wy = NAME_WORD.findall(x), NAME_WORD.findall(y)
    if wx == wy or len(wx) != len(wy):
        return False
    diff = [(p, q) for p, q in zip(wx, wy, strict=True) if _plain(p) != _plain(q)]
    return len(diff) == 1 and ratio(*diff[0]) >= NAME_RATIO


def _plain(word: str) -> str:
    return re.sub(r"(?:'s|’s|s)$", "", fold(word).strip(".'’"))


def _span(record: NumberClaim | DateMention | Mention) -> Span:
    return Span(record.doc_id, record.start, record.end, record.text)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=4096)
def _terms(text: str) -> tuple[str, ...]:
    """``terms`` of a text, kept: the corpus's claims check one member against up to 24 others
    (lib/compare/corpus.py MAX_CONFLICT_PAIRS), reading its words again for every pair."""
    return tuple(terms(text))
