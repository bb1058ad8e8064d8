"""Which earlier mention a speaker's pronoun or description refers to: the evidence for each, weighed.

A speaker written as "he", "they", "it" or "the company" refers back to a person or a body the
document named before (mention ranking: Denis & Baldridge 2008; features of Lappin & Leass 1994
and Hobbs 1978). Each candidate entity (its mentions outside quotations, in the SEARCH_SENTENCES
before the speaker) carries evidence: whether the rules of lib/extract/quotes/speakers.py chose it,
how far back its last mention is (same sentence, the one before, in sentences), whether that
mention is a subject (of the main clause), whether it spoke before (subject of a verb of saying),
whether its gender agrees with the pronoun or is known to differ, how often the document named it,
whether it is in the speaker's paragraph, the first named in the document, the nearest candidate.
The weights are a conditional logit (a softmax over one speaker's candidates and "none of them"),
fitted by tools/train_speakers.py on the dev parts whose errors were read and measured on a part
never read; docs/speaker_model.md is its data card. The weights are data
(lib/lexicons/speaker_weights.yaml).

Under ``threshold`` (fixed before any measurement) the winner is no answer: the speaker keeps its
surface and gets no actor, a wrong speaker being worse than none. Above it the speaker's certainty
is not this probability, which was not calibrated on news the weights were not fitted on, but how
often the ranker's answers were right out of fold (speakers.BASIS_CERTAINTY, RANKED and, at a
probability up to speakers.CLOSE_PROBABILITY, RANKED_CLOSE).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lib import LEXICONS
from lib.extract.weights import read_weights

WEIGHTS_PATH = LEXICONS / "speaker_weights.yaml"
SEARCH_SENTENCES = 12  # how far back a candidate's last mention may be (SALIENT_SENTENCES of the rules)

FEATURES = (
    "rules",
    "same_sentence",
    "previous_sentence",
    "distance",
    "subject",
    "main_subject",
    "spoke",
    "gender_agrees",
    "gender_differs",
    "log_mentions",
    "same_paragraph",
    "first_named",
    "nearest",
)


@dataclass(frozen=True)
class Evidence:
    """What says a speaker's anaphor refers to one candidate (its last mention before it)."""

    rules: bool  # the rules' choice
    sentences_back: int  # 0: the speaker's own sentence
    subject: bool
    main_subject: bool  # subject of the sentence's main clause
    spoke: bool  # a mention of it is the subject of a verb of saying
    gender_agrees: bool  # known gender, the pronoun's
    gender_differs: bool  # known gender, not the pronoun's
    mentions: int  # mentions before the speaker
    same_paragraph: bool
    first_named: bool  # the document's first candidate of this kind
    nearest: bool  # the candidate mentioned last before the speaker


def features(e: Evidence) -> list[float]:
    """The evidence as numbers, in FEATURES order."""
    back = min(e.sentences_back, SEARCH_SENTENCES)
    return [
        float(e.rules),
        float(back == 0),
        float(back == 1),
        back / SEARCH_SENTENCES,
        float(e.subject),
        float(e.main_subject),
        float(e.spoke),
        float(e.gender_agrees),
        float(e.gender_differs),
        math.log1p(e.mentions),
        float(e.same_paragraph),
        float(e.first_named),
        float(e.nearest),
    ]


@dataclass(frozen=True)
class Weights:
    weights: tuple[float, ...]  # in FEATURES order
    none: float  # the score of "none of them": the referent is someone the text did not name before
    threshold: float  # the winner's probability below which no actor is given


@lru_cache(maxsize=4)
def load_weights(path: Path | None = None) -> Weights:
    data, weights = read_weights(path or WEIGHTS_PATH, FEATURES, "speaker")
    return Weights(weights, float(data["none"]), float(data["threshold"]))


def probabilities(candidates: list[Evidence], w: Weights | None = None) -> list[float]:
    """Each candidate's probability of being the referent; with the probability that it is none
    of them (the dummy antecedent of mention-ranking models, Wiseman et al. 2015, Lee et al. 2017:
    an unnamed person, one the entity tagger missed), they sum to 1."""
    weights = w or load_weights()
    scores = [sum(a * b for a, b in zip(weights.weights, features(e), strict=True)) for e in candidates]
    top = max([weights.none, *scores])
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps) + math.exp(weights.none - top)
    return [x / total for x in exps]


def best(candidates: list[Evidence], w: Weights | None = None) -> tuple[int, float] | None:
    """The likeliest candidate's index and probability (ties: the first), None without any."""
    if not candidates:
        return None
    probs = probabilities(candidates, w)
    k = max(range(len(probs)), key=lambda i: (probs[i], -i))
    return k, probs[k]
