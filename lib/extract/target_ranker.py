"""Which of a report's actors a statement is about: the evidence for each, weighed.

Each candidate (an actor the report names, a group it names -- lib/extract/groups.py: "Republicans",
"the media" -- and the speaker) carries evidence of several kinds:
named inside the statement (and in which grammatical role), read from an anaphor in it (a pronoun,
an office named instead of its holder), named in the reporting sentence around it, one of the
report's protagonists, named in the headline, how often the report names it. No one kind decides:
a statement naming nobody is most often about the report's protagonist, one naming an actor as its
subject about that actor. The weights are a logistic regression (lib/lexicons/target_weights.yaml),
fitted by tools/train_targets.py on one half of an annotated news corpus (by event) and measured
on the other; docs/target_model.md is its data card. The weights are data: they can be refitted
without touching this code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lib import LEXICONS
from lib.extract.weights import read_weights
from lib.records import TargetBasis

WEIGHTS_PATH = LEXICONS / "target_weights.yaml"
SUBJECT, OBJECT, OTHER, OBLIQUE = 0, 1, 2, 3  # grammatical roles, most central first
PROTAGONISTS = 3  # the report's first protagonists a statement may be about unnamed


@dataclass(frozen=True)
class Evidence:
    """What says a statement is about one actor."""

    role: int | None = None  # best grammatical role of its name inside the statement; None: not named
    named_at: int | None = None  # where (document offset) it is named in the statement
    anaphor: TargetBasis | None = None  # "pronoun" or "description": an anaphor in the statement
    anaphor_at: int | None = None
    anaphor_subject: bool = False  # the anaphor is a subject ("they failed")
    context: bool = False  # named in the statement's sentence, outside the quoted words
    framed: bool = False  # the reporter's clause says the quote is said of it (targets.frame_actors)
    protagonist: bool = False  # among the report's first PROTAGONISTS
    headline: bool = False  # named in the report's headline
    mentions: int = 0  # times the report names it
    speaker: bool = False  # it is the statement's speaker
    first_person: bool = False  # the statement speaks in the first person ("I", "we")
    person: bool = False  # people: a person or a group of people (lib/extract/groups.py)
    lead: bool = False  # first named in the report's lead (its first tenth)

    def basis(self) -> TargetBasis | None:
        """The strongest kind of evidence there is, as a reader would be told; None: none at all
        (mere mentions elsewhere in the report are no evidence)."""
        if self.role is not None and self.role < OBLIQUE:
            return "named"
        if self.anaphor:
            return self.anaphor
        if self.context or self.framed:
            return "context"
        if self.protagonist or self.headline:
            return "topic"
        if self.role is not None:
            return "named"
        return None

    def subject(self) -> bool:
        """Named as the statement's subject, in its words or in the reporter's clause around it,
        or referred to by a pronoun that is a subject."""
        return self.role == SUBJECT or self.framed or (self.anaphor == "pronoun" and self.anaphor_subject)

    def at(self) -> int | None:
        """The offset in the statement the evidence sits at (its polarity is read there)."""
        return self.named_at if self.named_at is not None else self.anaphor_at


FEATURES = (
    "named_subject",
    "named_object",
    "named_other",
    "anaphor",
    "context",
    "protagonist",
    "headline",
    "log_mentions",
    "speaker",
    "speaker_first_person",
    "person",
    "lead",
)


def features(e: Evidence) -> list[float]:
    """The evidence as numbers, in FEATURES order."""
    named = e.role is not None
    return [
        # the reporter's clause making the quote be said of it is its subject too ("X is 'unfit'")
        float((named and e.role == SUBJECT) or e.framed),
        float(named and e.role == OBJECT),
        float(named and (e.role or 0) >= OTHER),
        float(e.anaphor is not None),
        float(e.context),
        float(e.protagonist),
        float(e.headline),
        math.log1p(e.mentions),
        float(e.speaker),
        float(e.speaker and e.first_person),
        float(e.person),
        float(e.lead),
    ]


@dataclass(frozen=True)
class Weights:
    intercept: float
    weights: tuple[float, ...]  # in FEATURES order
    also: float  # the probability a target after the first needs to be listed


@lru_cache(maxsize=4)
def load_weights(path: Path | None = None) -> Weights:
    data, weights = read_weights(path or WEIGHTS_PATH, FEATURES, "target")
    return Weights(float(data["intercept"]), weights, float(data["also"]))


def probability(e: Evidence, w: Weights | None = None) -> float:
    """How likely the statement is about the actor, on this evidence."""
    weights = w or load_weights()
    z = weights.intercept + sum(a * b for a, b in zip(weights.weights, features(e), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def ranked(
    candidates: dict[str, Evidence], most: int, w: Weights | None = None
) -> list[tuple[str, Evidence]]:
    """The targets to list: the likeliest candidate that has any evidence, then the others whose
    probability reaches ``also``, at most ``most``, likeliest first (ties: the order given)."""
    weights = w or load_weights()
    scored = sorted(
        ((probability(e, weights), i, a, e) for i, (a, e) in enumerate(candidates.items()) if e.basis()),
        key=lambda s: (-s[0], s[1]),
    )
    subject = next((s for s in scored if s[3].subject() and not s[3].speaker), None)
    if scored and subject is not None and scored[0][3].basis() == "topic":
        # a statement that names an actor as its subject is about it before any protagonist it
        # does not name: grammatical evidence over the report's prior (a weighted sum cannot say
        # "unless named"; Centering's preferred center is the subject, Grosz et al. 1995)
        scored.remove(subject)
        scored.insert(0, subject)
    return [(a, e) for n, (p, _, a, e) in enumerate(scored[:most]) if n == 0 or p >= weights.also]
