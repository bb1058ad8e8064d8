"""Quotation-mark spans in raw text: every mark style, mixed pairs, missing or stray closers.

Marks are paired line by line (a line is a paragraph). The rules follow how news text is
actually written, as catalogued by textacy's ``direct_quotations`` (Burton DeWilde, chartbeat-labs)
and the Gender Gap Tracker's quote extractor (Asr et al. 2021):
- any double opener (“ « „ ") may be closed by any double closer (” » "), so “...» pairs;
- a quote left open at the end of its paragraph runs to the paragraph's end (the convention
  for a quotation that continues in the next paragraph, which reopens it);
- a stray closer after a closed quote, with no opener between, means the first closer was a
  mistake: the quote is extended to the stray closer;
- ASCII newswire (the Penn Treebank's and TeX's convention) writes “ as two grave accents and
  ” as two apostrophes: ``...'' is a double quote like “...”;
- single marks ‘ ’ inside a double quote are nested quotes; outside one, a ‘...’ pair whose
  closer is not an apostrophe (not followed by a letter) is a quote in British style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
STRAIGHT = '"'
OPEN_CONTEXT = " \t([{—–-/"
CLOSE_CONTEXT = " \t.,;:!?)]}—–-…"
LINE = re.compile(r"[^\n]+")
ASCII_OPEN = "``"  # ASCII newswire's opening double quote; its closer is two apostrophes
DOUBLE_MARK = re.compile(r"``|''|[“«„”»\"]")


@dataclass(frozen=True)
class MarkedSpan:
    """A quotation including its marks; ``closed`` is False when it ran to the paragraph end."""

    start: int
    end: int
    closed: bool = True
    nested: bool = False  # a ‘single’ quote inside a double one


def _is_opening(text: str, i: int, line_start: int) -> bool:
    return i == line_start or text[i - 1] in OPEN_CONTEXT


def _is_closing(text: str, i: int, line_end: int) -> bool:
    return i + 1 >= line_end or text[i + 1] in CLOSE_CONTEXT or text[i + 1] in DOUBLE_CLOSE


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(position, width, kind) of each double mark; two apostrophes '' count as one straight mark
    and two grave accents `` as an opener (the convention of some wire and newspaper archives)."""
    kinds = {"''": STRAIGHT, ASCII_OPEN: DOUBLE_OPEN[0]}
    return [
        (m.start(), m.end() - m.start(), kinds.get(m.group(), m.group()))
        for m in DOUBLE_MARK.finditer(text, start, end)
    ]


def _double_marks(text: str, start: int, end: int) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    for i, width, ch in _marks(text, start, end):
        if open_at is None:
            closing_only = _is_closing(text, i + width - 1, end) and not _is_opening(text, i, start)
            if (ch in DOUBLE_CLOSE or ch == STRAIGHT) and closing_only:
                _extend_previous(spans, i + width)
            else:
                open_at = i
        elif ch in DOUBLE_OPEN and not _is_closing(text, i, end):
            continue  # a second opener inside an open quote: a typo, keep the first
        else:
            spans.append(MarkedSpan(open_at, i + width))
            open_at = None
    if open_at is not None:
        tail = text[open_at:end].rstrip()
        if len(tail) > 1:
            spans.append(MarkedSpan(open_at, open_at + len(tail), closed=False))
    return spans


def _extend_previous(spans: list[MarkedSpan], end: int) -> None:
    """A stray closer: the previous quote of the paragraph really ends here."""
    if spans:
        spans[-1] = MarkedSpan(spans[-1].start, end, spans[-1].closed)


SINGLE = re.compile(r"‘([^‘’\n]+?)’(?![A-Za-z])")


def _single_marks(text: str, start: int, end: int, outer: list[MarkedSpan]) -> list[MarkedSpan]:
    found = []
    for m in SINGLE.finditer(text, start, end):
        if not _is_opening(text, m.start(), start) or len(m.group(1).strip()) < 2:
            continue
        nested = any(o.start < m.start() and m.end() <= o.end for o in outer)
        found.append(MarkedSpan(m.start(), m.end(), nested=nested))
    return found


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quotation-mark span of ``text``, in order (nested single quotes included)."""
    spans: list[MarkedSpan] = []
    for line in LINE.finditer(text):
        doubles = _double_marks(text, line.start(), line.end())
        spans.extend(doubles)
        spans.extend(_single_marks(text, line.start(), line.end(), doubles))
    return sorted(spans, key=lambda s: (s.start, -s.end))
