"""STUB (being replaced by the cross-source work): dated events and their merge across sources."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc

from lib.records import DateMention, Document, Event, Mention, Quote


def extract_events(
    doc: Document,
    sdoc: SpacyDoc,
    dates: Sequence[DateMention],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
) -> list[Event]:
    return []


def merge_events(events: Sequence[Event]) -> list[Event]:
    return list(events)
