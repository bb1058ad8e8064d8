"""STUB (being replaced by the actor work): actors and their mentions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc as SpacyDoc

from lib.records import Actor, Document, Mention

Registry = Any


def load_registry() -> Registry:
    return None


def extract_mentions(
    pairs: Sequence[tuple[Document, SpacyDoc]], registry: Registry
) -> tuple[list[Actor], list[Mention]]:
    return [], []
