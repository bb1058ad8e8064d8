"""Where capitals carry no information (headlines), the corpus says which words are names.

In a title-case or all-caps line every word is capitalised, so the model runs names into the
verbs and nouns around them ("Ann Avery Quits Board"). The corpus's running text tells them
apart: a word written in lower case more often than capitalised, away from the start of a
sentence, is a common word (Mikheev 1999, "A knowledge-free method for capitalized word
disambiguation": the document-centred approach, here over the corpus).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# a clause opens after one of these, spaces aside (_opens_clause)
_CLAUSE_MARKS = frozenset('.!?:;"“‘(—–-')
# Short words a headline capitalises that are never names on their own.
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or"}
)


def is_title_line(line: str) -> bool:
    """A headline-style line: three or more words, at most one lower-case word of 4+ letters,
    or all in capitals. Read word by word and given up at the second long lower-case word:
    most lines asked about are paragraphs of prose (a one-line report is one long line, asked
    about once per mention), and such a line is not in capitals either."""
    words = upper = lower = 0
    for match in _WORD.finditer(line):
        word = match.group(0)
        words += 1
        if word[0].isupper():
            upper += 1
        elif len(word) >= 4:
            lower += 1
            if lower > 1:
                return False
    if line.upper() == line:
        return words >= 3
    return words >= 3 and upper >= max(3, words * 2 // 3)


@dataclass
class CaseStats:
    """Per folded word: how often the corpus writes it capitalised, and in lower case, where
    case is informative (not opening a clause, not in a headline)."""

    upper: Counter[str] = field(default_factory=Counter)
    lower: Counter[str] = field(default_factory=Counter)

    def add(self, text: str) -> None:
        upper, lower = self.upper, self.lower
        for match in _LINE.finditer(text):
            line = match.group(0)  # once: each ``group`` call copies the line out of the text
            if is_title_line(line):
                continue
            for w in _WORD.finditer(line):
                start = w.start()
                if start == 0 or _opens_clause(line[max(0, start - 3) : start]):
                    continue
                word = w.group(0)
                (upper if word[0].isupper() else lower)[word.lower()] += 1

    def common(self, word: str) -> bool:
        """A word the corpus writes in lower case more often than capitalised."""
        key = word.lower().rstrip(".,;:!?'’")
        if key in FUNCTION_WORDS:
            return True
        return self.lower[key] > 0 and self.lower[key] >= self.upper[key]


def _opens_clause(before: str) -> bool:
    """The (three) characters before a word end in a mark that opens a clause, then spaces only
    (``str.rstrip`` strips what the regex ``\\s`` matches)."""
    rest = before.rstrip()
    return bool(rest) and rest[-1] in _CLAUSE_MARKS


def case_stats(texts: Iterable[str]) -> CaseStats:
    stats = CaseStats()
    for text in texts:
        stats.add(text)
    return stats


def line_of(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : len(text) if end < 0 else end]


def name_runs(text: str, start: int, end: int, stats: CaseStats) -> Iterator[tuple[int, int]]:
    """The runs of a headline span left when its common words are taken out."""
    run: tuple[int, int] | None = None
    for w in re.finditer(r"\S+", text[start:end]):
        s, e = start + w.start(), start + w.end()
        if stats.common(w.group(0)) or not w.group(0)[:1].isupper():
            if run:
                yield run
            run = None
        else:
            run = (run[0], e) if run else (s, e)
    if run:
        yield run
