"""STUB (being replaced by the date work): temporal expressions normalised against the document date."""

from __future__ import annotations

from lib.records import DateMention, Document


def extract_dates(doc: Document) -> list[DateMention]:
    return []
