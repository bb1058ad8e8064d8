"""STUB (being replaced by the cross-source work): actor x issue stances."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lib.records import Actor, Position, Quote


def load_issues() -> list[Any]:
    return []


def assign_positions(
    quotes: Sequence[Quote], actors: Mapping[str, Actor], issues: Sequence[Any]
) -> list[Position]:
    return []
