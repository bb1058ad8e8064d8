"""The claims of one report, ready to compare: sentences and attributed quotes with their anchors."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from lib.read.blocks import paragraph_parts
from lib.records import Actor, DateMention, Mention, NumberClaim, Quote, Span, speaker_chain
from lib.text.similarity import terms

if TYPE_CHECKING:
    from lib.records import Analysis

MIN_TERMS = 2  # a sentence with fewer content words ("Europe.", a dateline) is not a claim


@dataclass(frozen=True, slots=True)  # slots: the corpus's claims hold one per sentence
class Claim:
    span: Span
    terms: tuple[str, ...]
    speakers: frozenset[str]  # actor ids of the quotes inside, with the bodies they speak for
    actors: frozenset[str]  # actor ids mentioned inside
    quote: Quote | None = None  # set when the claim is one quote rather than a sentence
    persons: frozenset[str] = frozenset()  # the people among the actors
    figures: frozenset[float] = frozenset()  # the amounts of the number claims inside (figure())


@dataclass(frozen=True)
class DocRows:
    """The rows extracted from one document, in the analysis's order."""

    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberClaim] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)


ROW_TABLES = ("quotes", "mentions", "dates", "numbers", "sentences")


def rows_by_doc(analysis: Analysis, doc_ids: Iterable[str] | None = None) -> dict[str, DocRows]:
    """Every document's rows in one pass over each table (the corpus step reads every document:
    filtering the whole analysis once per document would be quadratic)."""
    wanted = None if doc_ids is None else set(doc_ids)
    grouped: dict[str, dict[str, list[Any]]] = defaultdict(lambda: {t: [] for t in ROW_TABLES})
    for table in ROW_TABLES:
        for row in getattr(analysis, table):
            if wanted is None or row.doc_id in wanted:
                grouped[row.doc_id][table].append(row)
    return {doc: DocRows(**tables) for doc, tables in grouped.items()}


def sentence_claims(
    analysis: Analysis, doc_id: str, rows: DocRows | None = None, actors: Mapping[str, Actor] | None = None
) -> list[Claim]:
    """Each sentence of the body, captions and posts (credits are not claims). ``rows`` and
    ``actors``: the document's rows and the actors by id, when the caller has them grouped."""
    doc = analysis.document(doc_id)
    rows = rows_by_doc(analysis, [doc_id]).get(doc_id, DocRows()) if rows is None else rows
    quotes, mentions = _Overlapping(rows.quotes), _Overlapping(rows.mentions)
    dates, numbers = _Overlapping(rows.dates), _Overlapping(rows.numbers)
    actors = {a.id: a for a in analysis.actors} if actors is None else actors
    out = []
    for sent in (part for s in rows.sentences for part in paragraph_parts(s)):
        block = doc.block_at(sent.start)
        named_here = mentions.of(sent)
        dated_here = dates.of(sent)
        words = tuple(terms(_blanked(sent, [*named_here, *dated_here])))
        if (block and block.kind == "credit") or len(words) < MIN_TERMS:
            continue
        inside = quotes.of(sent)
        speakers = frozenset(a for q in inside if q.speaker_id for a in speaker_chain(q.speaker_id, actors))
        named = frozenset(m.actor_id for m in named_here)
        persons = frozenset(a for a in named if a in actors and actors[a].type == "person")
        figures = frozenset(figure(n) for n in numbers.of(sent))
        out.append(Claim(sent, words, speakers, named, persons=persons, figures=figures))
    return out


def figure(number: NumberClaim) -> float:
    """The quantity a number claim gives, as two sentences' figures are matched: a percentage is the
    fraction it names (40% is 0.4), so that it is never the same figure as a count of the same
    digits ("40% of residents", "40 new clinics"): the two share a numeral, not a quantity."""
    return number.amount / 100 if number.counted == "percent" else number.amount


class _Located(Protocol):
    """A record with a span in its document (a row, a claim, a date): what the lookups by span take."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


L = TypeVar("L", bound=_Located)


class _Overlapping(Generic[L]):
    """A report's rows found by the sentences they overlap: sorted by start, with the largest end
    so far, so a sentence reads the rows that can reach it, not every row of the report (which made
    the claims of a report quadratic in its length)."""

    def __init__(self, records: Sequence[L]) -> None:
        self._rows = sorted(records, key=lambda r: r.start)
        self._starts = [r.start for r in self._rows]
        self._reach = list(accumulate((r.end for r in self._rows), max))

    def of(self, span: Span) -> list[L]:
        """The rows overlapping the span, by start."""
        lo = bisect_right(self._reach, span.start)  # rows before lo all end by the span's start
        hi = bisect_left(self._starts, span.end)  # rows from hi start at or after its end
        return [r for r in self._rows[lo:hi] if r.end > span.start]


def quote_claims(analysis: Analysis, doc_id: str) -> list[Claim]:
    """Each attributed quote of the document as a claim of its own."""
    actors = {a.id: a for a in analysis.actors}
    out = []
    for q in analysis.quotes:
        if q.doc_id != doc_id or not q.speaker_id or not (words := tuple(terms(q.text))):
            continue
        span = Span(q.doc_id, q.start, q.end, q.text)
        speakers = frozenset(speaker_chain(q.speaker_id, actors))
        out.append(Claim(span, words, speakers, frozenset({q.speaker_id}), q))
    return out


def _blanked(span: Span, mentions: Sequence[Mention | DateMention]) -> str:
    """The span's text with actor and date mentions blanked: they are compared as ids and values."""
    chars = list(span.text)
    for m in mentions:
        for i in range(max(m.start, span.start), min(m.end, span.end)):
            chars[i - span.start] = " "
    return "".join(chars)


def _overlaps(start: int, end: int, span: Span) -> bool:
    return start < span.end and end > span.start


def inside(claims: Sequence[Claim], span: Span) -> list[Claim]:
    return [c for c in claims if _overlaps(span.start, span.end, c.span)]
