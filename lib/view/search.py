"""Full-text search over the sentences of a corpus: words, "quoted phrases" and ``word*`` prefixes,
case and accents ignored, every term required; hits are sentences with their exact spans.

One definition of a match, here, in Python: the store (lib/store/slices.py) only narrows the
sentences and hands the survivors to ``search``, which decides. It narrows them with its term
index (lib/store/terms.py: each sentence's ``words``, so a sentence holding a term's words is a
candidate), or, without one, with a SQL LIKE on ``strip_accents(lower(text))``; both fold as
lib/view/fold.py does, so either keeps every sentence ``search`` would keep.

Ranking, stated so an analyst can predict it: a sentence scores, per term, its occurrences (at most
3, so a list of repeats does not win) times the term's words; higher scores first, then the newer
report, then corpus order. Matches are whole words (a phrase's words in order, anything that is not
a letter or digit between them); ``word*`` matches words starting with ``word``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate

import pandas as pd

from lib.records import Analysis, Document, Span
from lib.view.filters import Filters
from lib.view.fold import fold, fold_char, one_to_one, words
from lib.view.frames import docs_in_view, table
from lib.view.urls import reader_link

MAX_TERMS = 8  # terms of one search: each is a pass over the candidate sentences
MAX_TF = 3  # occurrences of a term a sentence is credited with
LIMIT = 1000  # hits a search ranks and lists
_TERM = re.compile(r'"([^"]*)"?|(\S+)')  # a quoted phrase (closing quote optional) or a word
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(frozen=True)
class Term:
    """One thing to find: ``words`` folded; a phrase has several, a prefix ends with ``*``."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def label(self) -> str:
        text = " ".join(self.words) + ("*" if self.prefix else "")
        return f"“{text}”" if len(self.words) > 1 else text

    @property
    def needle(self) -> str:
        """The longest run of the term a matching folded sentence contains as it is (for LIKE)."""
        return max(self.words, key=len)


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]
    dropped: tuple[str, ...] = ()  # terms beyond MAX_TERMS

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def of_words(self) -> bool:
        """Every term one word (or ``word*``): a sentence's words then decide its match and score
        (a term's matches are its occurrences as a whole word, or of words so starting), which the
        store's term index holds; a phrase also needs its words in a row."""
        return all(len(t.words) == 1 for t in self.terms)


@dataclass(frozen=True)
class Hit:
    """A sentence holding every term: its span, the spans of what matched in it, its score."""

    sentence: Span
    matches: tuple[Span, ...]
    score: int


@dataclass(frozen=True)
class Result:
    hits: tuple[Hit, ...]  # the best ``limit``, ranked
    matched: int  # sentences that hold every term


def folded_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """``fold(text)`` and a function from an index into it to the index of the character it came from."""
    if one_to_one(text):
        return fold(text), int
    parts = list(map(fold_char, text))
    ends = list(accumulate(map(len, parts)))  # ends[i]: where the fold of text[i] ends
    return "".join(parts), lambda i: bisect_right(ends, i)


def parse(text: str) -> Query:
    """Words, "quoted phrases" (curly quotes too) and ``word*`` prefixes; punctuation only
    separates words, so ``U.S.`` is the phrase “u s”. At most MAX_TERMS terms."""
    terms: list[Term] = []
    for m in _TERM.finditer(text.translate(_QUOTES)):
        raw = m.group(1) if m.group(1) is not None else m.group(2)
        found = tuple(words(raw))
        if found:
            term = Term(found, prefix=raw.rstrip().endswith("*"))
            if term not in terms:
                terms.append(term)
    return Query(tuple(terms[:MAX_TERMS]), tuple(t.label for t in terms[MAX_TERMS:]))


@lru_cache(maxsize=256)
def _pattern(term: Term) -> re.Pattern[str]:
    body = r"\W+".join(map(re.escape, term.words))
    tail = r"\w*" if term.prefix else r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + tail)


def _spans(term: Term, folded: str) -> list[tuple[int, int]]:
    """What ``_pattern(term).finditer(folded)`` finds, tried only where the term's first word
    occurs: a pattern opening with a lookbehind is tried at every character (CPython's scanner
    skips ahead only to a literal), 5 to 10 times slower on a sentence of a few hundred characters."""
    pattern, first = _pattern(term), term.words[0]
    spans: list[tuple[int, int]] = []
    at = folded.find(first)
    while at >= 0:
        m = pattern.match(folded, at)  # the lookbehind still sees the character before ``at``
        if m:
            spans.append((at, m.end()))
        at = folded.find(first, m.end() if m else at + 1)
    return spans


def _scored(query: Query, sentence: Span) -> tuple[int, list[tuple[int, int]]] | None:
    """The score of a sentence holding every term and the spans of the terms in its folded text."""
    folded = fold(sentence.text)
    if not all(t.needle in folded for t in query.terms):  # most sentences stop here
        return None
    found: list[tuple[int, int]] = []
    score = 0
    for term in query.terms:
        spans = _spans(term, folded)
        if not spans:
            return None
        score += min(len(spans), MAX_TF) * len(term.words)
        found += spans
    return score, found


def _hit(sentence: Span, score: int, found: list[tuple[int, int]]) -> Hit:
    """The hit with its matches mapped back to the text's own characters (done for kept hits only)."""
    _, origin = folded_with_offsets(sentence.text)
    matches = []
    for lo, hi in sorted(set(found)):
        start, end = origin(lo), origin(hi - 1) + 1
        matches.append(
            Span(sentence.doc_id, sentence.start + start, sentence.start + end, sentence.text[start:end])
        )
    return Hit(sentence, tuple(matches), score)


def match(query: Query, sentence: Span) -> Hit | None:
    """The sentence as a hit when it holds every term, else None."""
    scored = _scored(query, sentence)
    return _hit(sentence, *scored) if scored else None


def newest_first(doc: Document) -> int:
    """The ranking's second key: newer reports first, undated or unreadable dates last."""
    try:
        return -date.fromisoformat(doc.date).toordinal() if doc.date else 0
    except ValueError:
        return 0


def search(
    analysis: Analysis,
    filters: Filters,
    query: Query,
    limit: int = LIMIT,
    doc_ids: Iterable[str] | None = None,
) -> Result:
    """The sentences of the documents in view (or of ``doc_ids``, filters aside) holding every term."""
    if not query:
        return Result((), 0)
    docs = (
        {d: analysis.document(d) for d in doc_ids} if doc_ids is not None else docs_in_view(analysis, filters)
    )
    order = {d.id: i for i, d in enumerate(analysis.documents)}
    scored = [
        (s, *found) for s in analysis.sentences if s.doc_id in docs for found in [_scored(query, s)] if found
    ]
    scored.sort(key=lambda h: (-h[1], newest_first(docs[h[0].doc_id]), order[h[0].doc_id], h[0].start))
    return Result(tuple(_hit(s, score, found) for s, score, found in scored[:limit]), len(scored))


HIT_COLUMNS = ["sentence", "matched", "reader", "title", "source", "date", "score", "doc_id", "start", "end"]


def hits_frame(analysis: Analysis, result: Result, filters: Filters, q: str) -> pd.DataFrame:
    """One row per hit with its provenance and an *Open* link to the Reader at the sentence."""
    rows = []
    for h in result.hits:
        doc, s = analysis.document(h.sentence.doc_id), h.sentence
        rows.append(
            {
                "sentence": s.text.strip(),
                "matched": "; ".join(dict.fromkeys(m.text for m in h.matches)),
                "reader": reader_link(s.doc_id, s.start, s.end, filters, q),
                "title": doc.title,
                "source": doc.source or "(unknown source)",
                "date": doc.date or "undated",
                "score": h.score,
                "doc_id": s.doc_id,
                "start": s.start,
                "end": s.end,
            }
        )
    return table(rows, HIT_COLUMNS)


def match_spans(result: Result) -> list[Span]:
    """Every matched word or phrase of the hits, in document order (the Reader marks them)."""
    return sorted((m for h in result.hits for m in h.matches), key=lambda m: (m.doc_id, m.start))
