"""Speaker turns of a transcript whose line breaks were lost.

A meeting's or a press conference's record gives each turn a label, the speaker's name (often
after a title) and a colon: "Minister of Fisheries Ana Lopes: Thank you. Mark Oduya: Go on." On the
site each turn is a paragraph, which ``_colon_lines`` reads; text copied out of a page, a feed or a
scrape often arrives as one paragraph, and the turns run on in it. A label is then still a label
where a sentence has just ended, and a transcript shows itself by a speaker who takes the floor
twice: one recurring label is what sets a dialogue apart from a heading ("Note: ...") or a
sentence that happens to open with capitalised words before a colon.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lib.extract.quotes.attribution import CUED_QUOTATION, Found
from lib.extract.quotes.cues import CueLexicon
from lib.extract.quotes.speakers import Basis, Name, certainty_of

# words of a title that are not capitalised ("Minister of Justice", "Head of the Office")
_PARTICLES = r"(?:of|the|for|and|on|de|da|van|von|al|bin)"
# a capitalised word of a label; one of five letters or more with a full stop ends a sentence
# ("Please. Minister Ana Lopes:"), where an abbreviation ("Mr.", "Prof.") is part of the name
_CAP = r"(?![A-Z][a-z]{4,}\.)[A-Z][\w’'.-]*"
# the label opens the text or follows a sentence's end (and its closing mark, or the bracket of an
# elision: "<…>", "[...]" stand for the turns left out) and one or two spaces (where the paragraph
# break was), on the same line; an official's full title may run long, with dashes between its
# offices ("First Deputy Minister – Minister of the Interior of <Country> Ana Lopes"); a stage
# direction in brackets may stand between the name and the colon ("Ana Lopes (through an
# interpreter):", "Mark Oduya(on the budget):"): the name is still the label's
_AFTER_END = r"(?<=[.!?…]\s)|(?<=[.!?…]\s\s)|(?<=[.!?…][\"”’)>\]]\s)|(?<=[.!?…][\"”’)>\]]\s\s)"
LABEL = re.compile(
    rf"(?:^|{_AFTER_END})(?P<who>{_CAP}(?:[ ](?:[–—-][ ])?(?:{_PARTICLES}[ ])*{_CAP}){{0,13}})"
    r"(?:\s?\([^()\n]{1,80}\))?:\s",
    re.M,
)
ELISION_AT_END = re.compile(r"\s*[<\[(](?:…|\.\.\.)[>\])]$")  # the marker closing a kept turn's words
MIN_WORDS = 3  # a turn shorter than this ("Yes.", "Thank you.") says nothing a page can show


def _speaker_key(label: str) -> str:
    """The label's last word, its surname: "Minister Ana Lopes" and "Ana Lopes" are one speaker."""
    return label.split()[-1].rstrip(".’'").lower()


def inline_turns(text: str, cues: CueLexicon, voices: Sequence[tuple[int, int]]) -> list[Found]:
    """The turns of a run-on transcript, each its labelled speaker's; none unless some speaker's
    label recurs (two turns of one person: a dialogue). A label holds a name that can speak
    (``voices``: the spans of the document's person and organisation mentions): "Bowling:" or
    "Related reading:" open a table's row or a list of links, not a turn."""
    candidates = list(LABEL.finditer(text))
    labels = []
    for k, m in enumerate(candidates):
        who = m.group("who")
        inside = [(a, b) for a, b in voices if m.start("who") <= a and b <= m.end("who")]
        if who.lower() not in cues.colon_labels and len(_speaker_key(who)) > 1 and inside:
            labels.append((k, max(inside)))  # after a title ("Minister of X Ana Lopes"), the name
    keys = [_speaker_key(text[a:b]) for _, (a, b) in labels]
    if len(labels) < 2 or len(set(keys)) == len(keys):
        return []
    found = []
    for k, (a, b) in labels:
        m = candidates[k]
        start = m.end()
        # the next label closes the turn, even one whose name the parser missed: the next speaker's
        # words are never the previous one's
        stop = candidates[k + 1].start() if k + 1 < len(candidates) else len(text)
        line_end = text.find("\n", start, stop)  # a paragraph break closes the turn
        end = stop if line_end < 0 else line_end
        said = text[start:end].rstrip()
        end = start + len(ELISION_AT_END.sub("", said))
        if len(text[start:end].split()) < MIN_WORDS:
            continue
        who = (m.start("who"), m.end("who"), text[a:b], a, b)
        name = Name(*who, True, True, certainty_of(Basis.LABEL), basis=Basis.LABEL)
        found.append(Found(start, end, "indirect", ":", name, CUED_QUOTATION))  # the record's own words
    return found
