"""STUB (being replaced by the cross-source work): two reports aligned claim by claim."""

from __future__ import annotations

from lib.pipeline import Analysis
from lib.records import Comparison


def compare(analysis: Analysis, doc_a: str, doc_b: str) -> Comparison:
    return Comparison(doc_a, doc_b, (), (), (), ())
