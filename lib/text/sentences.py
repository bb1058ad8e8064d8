"""Where a sentence ends in plain text, before any parse: after ".", "!" or "?" and before a
capital, unless the full stop closes a title, an initial or a dotted abbreviation."""

from __future__ import annotations

import re

# Titles and abbreviations written with a full stop inside a sentence ("Smith vs. Dalton", "Mt.
# Kenya", "King Jr.", "No. 10").
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|vs|St|Mt|Ft|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Cpl|Prof|Rev|Hon|Adm|Maj|Brig|Del|Jr|Sr|No|Vol"
)
# A full stop after a title, an initial or a dotted abbreviation ends no sentence ("Anna K. Berg",
# "the U.S. Navy"); the text is searched back from the stop only this far.
_NOT_AN_END = re.compile(rf"(?:\b(?:{_ABBREVIATIONS})|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$")
_REACH = 12


def ends_sentence(text: str, after: int) -> bool:
    """Whether the mark just before ``after`` ends a sentence: not a full stop closing a title, an
    initial or a dotted abbreviation ("MILLTOWN, Ont. —" ends none; "Ont. The" does not tell)."""
    return _NOT_AN_END.search(text, max(0, after - _REACH), after) is None
