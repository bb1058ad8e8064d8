"""Shared pieces of quote attribution: found statements, token regions, cue lookup."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.extract.quotes.cues import CueLexicon
from lib.extract.quotes.speakers import Name
from lib.text.tags import FINITE

CUE_POS = frozenset({"VERB", "AUX"})
AS_CLOSERS = frozenset({",", ".", ";", "!", "?", "—", "–"})
SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM"})
PUT_IT = frozenset({"put", "puts", "putting"})  # "as X put it": an idiom of saying
# What a found attribution is under the two definitions the extraction serves (README, "Quotes"):
# "statement" is something a source says (GGT annotation guidelines) and an attribution for PolNeAR
# too; "wide" is an attribution only (a belief, a plan, a finding: PolNeAR, Newell et al. 2018,
# after PARC); "join" is PolNeAR's one content over both sides of an interrupting cue ("X, he
# said, Y"), which GGT splits into two statements.
FoundScope = Literal["statement", "wide", "join"]
# How sure a found span is a statement, graded by how it was found (the Quote's ``confidence``).
# Ordinal grades fixed by hand, not measured rates; they say nothing of who spoke: the speaker's
# certainty is its own, measured per kind of evidence (speakers.BASIS_CERTAINTY).
CUED_QUOTATION = 0.9  # quotation marks and a cue whose speaker resolved; a post signed with a handle
ACCORDING_TO = 0.8  # "according to X, ..."
SPEECH_CLAUSE = 0.75  # the clause of a verb of saying
# a quotation whose speaker is only a surface; one with no cue, its speaker inferred; the clause of
# a speech act, an as-phrase, an inverted cue or a noun of saying; a transcript's labelled line
INFERRED = 0.6
BELIEF = 0.5  # a belief, a finding, a plan (PolNeAR's wide attributions); a headline read by pattern
ANY_THAT_CLAUSE = 0.4  # any verb with a "that"-clause (wide)
SPEAKERLESS = 0.3  # quotation marks nobody is found to say
UNCLOSED = 0.2  # less, for a quotation whose closing mark is missing


@dataclass(frozen=True)
class Found:
    """A statement before it becomes a Quote record (speaker not yet mapped to an actor)."""

    start: int
    end: int
    kind: str  # direct | indirect
    cue: str | None
    speaker: Name | None
    confidence: float
    scope: FoundScope = "statement"


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
    if token.lower_ in PUT_IT:
        return _put_it(token)
    return token.lower_ in cues.speech and (any_pos or token.pos_ in CUE_POS)


def _put_it(token: Token) -> bool:
    """The idiom of saying "as X put it" ('“...,” as X put it in a letter'), or "X put it" closed by
    a manner word or a mark ("put it bluntly:", "put it this way", "..., she put it."); "put it on
    the table" is no saying."""
    doc, i = token.doc, token.i
    if i + 1 >= len(doc) or doc[i + 1].lower_ != "it":
        return False
    after = doc[i + 2] if i + 2 < len(doc) else None
    as_before = any(t.lower_ == "as" for t in doc[max(token.sent.start, i - 6) : i])
    return as_before or after is None or after.is_punct or after.tag_ == "RB" or after.lower_ == "this"


def cue_text(cue: Token) -> str:
    return "according to" if cue.lower_ == "according" else cue.text


def _as_cue(cue: Token, cues: CueLexicon) -> bool:
    """A verb of saying, or the idiom "put it"; a speech act ("as he welcomed guests") has its own
    object and is no attribution of the clause around it, and "as X believes" reports no speech
    (GGT annotation guidelines: a quote is what a source says)."""
    if cue.lower_ in PUT_IT:
        return cue.i + 1 < len(cue.doc) and cue.nbor(1).lower_ == "it"
    return cue.tag_ in FINITE | {"VBN"} and cue.lower_ in cues.speech


def as_phrase(mark: Token, cues: CueLexicon) -> tuple[Token, Token, int] | None:
    """ "as X said,", "as X has argued,", "as X put it in a book,": the subject's head, the cue
    and the last token of the phrase. The pattern is read off the words, not the parse, which often
    attaches "as" as a preposition and the cue as the sentence's root. Only a subject, auxiliaries,
    a particle ("pointed out") or "it" and a short adjunct may follow "as": "as he said goodbye"
    and "as expected" (no subject) are the reporter's time or manner (PARC 3.0, Pareti 2016)."""
    doc, i = mark.doc, mark.i
    if mark.lower_ != "as" or (i > mark.sent.start and doc[i - 1].text != ","):
        return None
    cue = next((t for t in doc[i + 2 : min(i + 12, mark.sent.end)] if _as_cue(t, cues)), None)
    between = list(doc[i + 1 : cue.i]) if cue is not None else []
    # the phrase's head: its one word attached outside it (to the cue, or to "as" when misparsed)
    subject = next((t for t in between if not mark.i < t.head.i < cue.i), None) if cue else None
    if (
        cue is None
        or subject is None
        or subject.pos_ not in SPEAKER_POS
        or any(t.pos_ == "VERB" for t in between)
    ):
        return None
    end = cue.i + 1 if cue.i + 1 < len(doc) and (cue.nbor(1).dep_ == "prt" or cue.lower_ in PUT_IT) else cue.i
    close = next((t.i for t in doc[end + 1 : min(end + 10, mark.sent.end)] if t.text in AS_CLOSERS), None)
    if close is None or any(t.tag_ in FINITE or t.dep_ == "dobj" for t in doc[end + 1 : close]):
        return None
    return subject, cue, close - 1
