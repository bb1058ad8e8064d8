"""Where two reports disagree: numbers, dates, speakers, quote wording and name spellings.

Each finder returns Discrepancy records with a span in each report and a one-line reason, and
bails out when the two claims may not be about the same thing: a number needs the same
counted noun and a shared context; a date needs two sentences that say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.fuzz import ratio

from lib.compare.claims import Claim
from lib.extract.dates.values import period, unit_of
from lib.records import AlignedPair, Analysis, DateMention, Discrepancy, Mention, NumberClaim, Span
from lib.text.similarity import TfIdf, cosine, normalize, terms

# How far a hedged figure may reach: "over 100,000" reads as 100,000 to 150,000. The bands
# follow the approximator readings of Krifka (2007, "Approximate interpretation of number
# words"): round figures and hedges widen the range, a bare figure keeps it narrow.
LOWER = ("over", "more than", "at least", "upwards of", "just over", "as many as")
UPPER = ("under", "up to", "less than", "fewer than", "almost", "nearly", "close to", "at most", "just under")
APPROX = ("about", "around", "some", "roughly", "approximately")
NUMBER_CONTEXT_MIN = 0.12  # cosine of the words around the two figures
CONTEXT_TERMS = 6  # content words taken on each side of a figure
# Units that say little about what is counted: their context must share one more word.
GENERIC_COUNTED = frozenset(
    {"percent", "dollars", "euros", "pounds", "rubles", "people", "times", "years", "days"}
)
DATE_PAIR_SHARED = 3  # content words two claims share before their dates are compared
DATE_PAIR_MIN = 0.5  # aligned pairs this similar are taken to report one event
SPEAKER_QUOTE_MIN = 0.7
WORDING_BAND = (0.5, 0.9)
LONG_QUOTE = 6  # content words; shorter quotes are fragments, not two wordings
NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")  # the words of a name, without stray brackets
NAME_RATIO = 75  # rapidfuzz ratio from which two name tokens are spellings of one name


def find_discrepancies(
    analysis: Analysis,
    doc_a: str,
    doc_b: str,
    quotes_a: Sequence[Claim],
    quotes_b: Sequence[Claim],
    aligned: Sequence[AlignedPair],
    tfidf: TfIdf,
) -> list[Discrepancy]:
    return [
        *number_discrepancies(analysis.numbers, doc_a, doc_b, tfidf),
        *date_discrepancies(analysis.dates, aligned),
        *quote_discrepancies(quotes_a, quotes_b, tfidf),
        *name_discrepancies(analysis, doc_a, doc_b),
    ]


def number_discrepancies(
    numbers: Sequence[NumberClaim], doc_a: str, doc_b: str, tfidf: TfIdf
) -> list[Discrepancy]:
    """Different figures for the same counted thing in the same context."""
    in_a = [n for n in numbers if n.doc_id == doc_a and n.sentence]
    in_b = [n for n in numbers if n.doc_id == doc_b and n.sentence]
    out, used = [], set()
    for a in in_a:
        same = [b for b in in_b if normalize(a.counted) == normalize(b.counted)]
        if any(_figures_agree(a, b) for b in same):
            continue
        scored = [(s, b) for b in same if b.start not in used and (s := _context(a, b, tfidf)) >= 0]
        if scored:
            _, b = max(scored, key=lambda t: t[0])
            used.add(b.start)
            out.append(_number_discrepancy(a, b))
    return out


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
    before = terms(n.sentence.text[: n.start - n.sentence.start])[-CONTEXT_TERMS:]
    after = terms(n.sentence.text[n.end - n.sentence.start :])[:CONTEXT_TERMS]
    return [t for t in (*before, *after) if not t[0].isdigit()]


def _number_discrepancy(a: NumberClaim, b: NumberClaim) -> Discrepancy:
    shared = [t for t in dict.fromkeys(_context_terms(a)) if t in set(_context_terms(b))]
    about = f"{a.counted} ({', '.join(shared[:4])})"
    reason = f"A gives {_figure(a)} {a.counted}, B gives {_figure(b)} {b.counted}"
    return Discrepancy("number", about, _span(a), _span(b), reason)


def _figure(n: NumberClaim) -> str:
    amount = f"{n.amount:,.0f}" if n.amount == int(n.amount) else f"{n.amount:,}"
    return f"{n.qualifier} {amount}".strip()


def date_discrepancies(dates: Sequence[DateMention], aligned: Sequence[AlignedPair]) -> list[Discrepancy]:
    """Two claims that say the same thing with incompatible dates."""
    out = []
    for pair in aligned:
        shared = set(terms(pair.a.text)) & set(terms(pair.b.text))
        if pair.relation != "same" or pair.score < DATE_PAIR_MIN or len(shared) < DATE_PAIR_SHARED:
            continue
        in_a, in_b = _dates_in(dates, pair.a), _dates_in(dates, pair.b)
        if in_a and in_b and not any(_dates_agree(x, y) for x in in_a for y in in_b):
            x, y = in_a[0], in_b[0]
            reason = f"A dates it {x.value}, B {y.value}"
            out.append(Discrepancy("date", _short(pair.a.text), _span(x), _span(y), reason))
    return out


def _dates_in(dates: Sequence[DateMention], span: Span) -> list[DateMention]:
    return [d for d in dates if d.doc_id == span.doc_id and span.start <= d.start and d.end <= span.end]


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
    quotes_a: Sequence[Claim], quotes_b: Sequence[Claim], tfidf: TfIdf
) -> list[Discrepancy]:
    """The same words given to different speakers; one speaker's quote worded differently."""
    out = []
    for a in quotes_a:
        va = tfidf.vector(a.terms)
        for b in quotes_b:
            found = _quote_discrepancy(a, b, cosine(va, tfidf.vector(b.terms)))
            if found:
                out.append(found)
    return out


def _quote_discrepancy(a: Claim, b: Claim, score: float) -> Discrepancy | None:
    qa, qb = a.quote, b.quote
    if not (qa and qb and qa.speaker_id and qb.speaker_id):
        return None
    if score >= SPEAKER_QUOTE_MIN and min(len(a.terms), len(b.terms)) >= 4 and not a.speakers & b.speakers:
        reason = f"A gives these words to {qa.speaker_id}, B to {qb.speaker_id}"
        return Discrepancy("speaker", _short(qa.text), a.span, b.span, reason)
    long_quotes = min(len(a.terms), len(b.terms)) >= LONG_QUOTE and qa.kind == qb.kind == "direct"
    if qa.speaker_id == qb.speaker_id and long_quotes and WORDING_BAND[0] <= score < WORDING_BAND[1]:
        reason = f"{qa.speaker_id} is quoted in different words (similarity {score:.2f})"
        return Discrepancy("wording", qa.speaker_id, a.span, b.span, reason)
    return None


def name_discrepancies(analysis: Analysis, doc_a: str, doc_b: str) -> list[Discrepancy]:
    """Names of one person spelled differently by the two reports (Antony / Anthony)."""
    out = []
    for actor in analysis.actors:
        if actor.type != "person":
            continue
        in_a = _first_by_surface(analysis.mentions, doc_a, actor.id)
        in_b = _first_by_surface(analysis.mentions, doc_b, actor.id)
        pairs = {(x, y) for x in in_a for y in in_b if x not in in_b or y not in in_a}
        for x, y in sorted(pairs):
            if _spelling_variant(x, y):
                reason = f"A spells {actor.name} '{in_a[x].text}', B '{in_b[y].text}'"
                out.append(Discrepancy("name_spelling", actor.id, _span(in_a[x]), _span(in_b[y]), reason))
    return out


def _first_by_surface(mentions: Sequence[Mention], doc_id: str, actor_id: str) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.doc_id == doc_id and m.actor_id == actor_id and m.text[:1].isupper():
            out.setdefault(m.text.casefold(), m)
    return out


def _spelling_variant(x: str, y: str) -> bool:
    """Same number of words, exactly one differing, and that one close in spelling."""
    wx, wy = NAME_WORD.findall(x), NAME_WORD.findall(y)
    if wx == wy or len(wx) != len(wy):
        return False
    diff = [(p, q) for p, q in zip(wx, wy, strict=True) if p != q]
    return len(diff) == 1 and ratio(*diff[0]) >= NAME_RATIO


def _span(record: NumberClaim | DateMention | Mention) -> Span:
    return Span(record.doc_id, record.start, record.end, record.text)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
