"""What each page builds for a view: one place, used by the pages and by the memory benchmark."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

MAX_PAIRS_DOCS = 12  # above this, the home page does not count discrepancies over every pair


def home_pairs(doc_ids: Sequence[str]) -> list[tuple[str, str]]:
    """The document pairs whose discrepancies the home page counts (none when there are too many)."""
    return list(itertools.combinations(doc_ids, 2)) if len(doc_ids) <= MAX_PAIRS_DOCS else []
