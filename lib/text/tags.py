"""Penn Treebank part-of-speech tag sets the rules share (spaCy's English ``Token.tag_``;
Santorini 1990, "Part-of-speech tagging guidelines for the Penn Treebank Project")."""

from __future__ import annotations

FINITE = frozenset({"VBD", "VBZ", "VBP"})  # a finite verb: past, 3rd person present, other present
