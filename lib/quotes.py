"""STUB (being replaced by the quote work): quotes and reported speech with speakers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc as SpacyDoc

from lib.records import Actor, Document, Mention, Quote


def extract_quotes(
    doc: Document, sdoc: SpacyDoc, mentions: Sequence[Mention], actors: Mapping[str, Actor]
) -> list[Quote]:
    return []
