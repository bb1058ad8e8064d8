"""STUB (being replaced by the cross-source work): numeric claims."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc

from lib.records import Document, NumberClaim


def extract_numbers(doc: Document, sdoc: SpacyDoc) -> list[NumberClaim]:
    return []
