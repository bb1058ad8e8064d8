"""Shared pieces of quote attribution: found statements, token regions, cue lookup."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.cues import CueLexicon
from lib.speakers import Name

CUE_POS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Found:
    """A statement before it becomes a Quote record (speaker not yet mapped to an actor)."""

    start: int
    end: int
    kind: str  # direct | indirect
    cue: str | None
    speaker: Name | None
    confidence: float


class Tokens:
    """Character-region access to a parse's tokens."""

    def __init__(self, sdoc: SpacyDoc) -> None:
        self.sdoc = sdoc
        self.starts = [t.idx for t in sdoc]

    def within(self, start: int, end: int) -> list[Token]:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return [t for t in self.sdoc[i:j] if t.idx + len(t) <= end]


def is_speech_cue(token: Token, cues: CueLexicon, any_pos: bool = False) -> bool:
    """A verb of saying, or "according" of "according to". ``any_pos`` for short
    interruptions ("– assures Blinken –"), where the tagger often calls the verb a noun."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"
    return token.lower_ in cues.speech and (any_pos or token.pos_ in CUE_POS)


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def cue_text(cue: Token) -> str:
    return "according to" if cue.lower_ == "according" else cue.text
