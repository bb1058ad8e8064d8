"""A misfortune befalls its experiencer or patient, it does not blame it (session 32).

"The town will suffer", "threats to the town", "the town was attacked": the town is not blamed. The
agent of the misfortune keeps its blame: "X threatens the town", "the threat from X", "X's attack".
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from lib.extract import polarity, targets
from lib.records import Actor, Document, Mention, Quote

ACTORS = {
    "mara-venn": Actor("mara-venn", "Mara Venn", "person"),
    "tomas-orrin": Actor("tomas-orrin", "Tomas Orrin", "person"),
    "lio-park": Actor("lio-park", "Lio Park", "person"),
    "harbour-board": Actor("harbour-board", "Harbour Board", "organization"),
}
NAMES = {
    "Mara Venn": "mara-venn",
    "Tomas Orrin": "tomas-orrin",
    "Lio Park": "lio-park",
    "Harbour Board": "harbour-board",
}


def _polarities(nlp: Any, text: str, said: str) -> dict[str | None, str | None]:
    mentions = sorted(
        (
            Mention("d1", a, m.group(0), m.start(), m.end())
            for n, a in NAMES.items()
            for m in re.finditer(n, text)
        ),
        key=lambda m: m.start,
    )
    start, at = text.index(said), text.rindex("Mara Venn")
    quote = Quote(
        "d1", "mara-venn", "Mara Venn", said, "direct", "said", start, start + len(said), 0.9,
        speaker_start=at, speaker_end=at + len("Mara Venn"),
    )  # fmt: skip
    doc = Document("d1", "", "Ledger", "2023-05-02", "header", "en", "", "", text)
    (found,) = targets.with_targets(doc, nlp(text), [quote], mentions, ACTORS)
    return {t.actor_id: t.polarity for t in found.targets}


@pytest.mark.parametrize(
    ("said", "actor"),
    [
        ("The Harbour Board went through a deep crisis in the spring.", "harbour-board"),  # experiencer
        ("Tomas Orrin will suffer.", "tomas-orrin"),
        ("Tomas Orrin faces prison.", "tomas-orrin"),
        ("These are threats to Tomas Orrin and his town.", "tomas-orrin"),  # "threats to X"
        ("Lio Park was attacked by Tomas Orrin.", "lio-park"),  # passive: the patient
        ("Lio Park and Tomas Orrin will both lose.", "lio-park"),  # conjoined subjects
        ("The Harbour Board came under attack last night.", "harbour-board"),
        ("Tomas Orrin is at risk.", "tomas-orrin"),
        ("The Harbour Board lost its case.", "harbour-board"),
        ("Tomas Orrin was threatened by Lio Park.", "tomas-orrin"),
    ],
)
def test_a_misfortune_does_not_blame_the_one_it_befalls(nlp: Any, said: str, actor: str) -> None:
    text = f'"{said}" Mara Venn said.'
    assert _polarities(nlp, text, said)[actor] is None


@pytest.mark.parametrize(
    "said",
    [
        "Tomas Orrin threatens the fishermen.",  # the agent of the verb
        "The threat from Tomas Orrin is growing.",  # "the threat from X"
        "Tomas Orrin's attack on the harbour was shameful.",  # the possessor of the noun
        "Tomas Orrin attacked Lio Park.",  # the subject of the active verb
        "Tomas Orrin is a danger to the town.",  # what X is, not what befalls X
        "Tomas Orrin suffered for his own reckless choices.",  # a judgement word still judges
        "Tomas Orrin has hurt his own town.",  # agent and patient's possessor: the agent blamed
    ],
)
def test_the_agent_of_a_misfortune_keeps_its_blame(nlp: Any, said: str) -> None:
    text = f'"{said}" Mara Venn said.'
    assert _polarities(nlp, text, said)["tomas-orrin"] == "neg"


def test_a_speaker_under_attack_is_not_blamed_by_it(nlp: Any) -> None:
    """The speaker's "we" and "our" are its references: "we are under threat" befalls it."""
    said = "We are under threat and our town will suffer,"
    text = f'Mara Venn spoke in the square. Mara Venn met the press. "{said}" Mara Venn said.'
    assert _polarities(nlp, text, said)["mara-venn"] != "neg"


def test_misfortune_words_are_negative_words() -> None:
    """Every word of misfortune is one of the lexicon's negative words, in any inflection."""
    lex = polarity.load_lexicon()
    assert lex.misfortune and all(lex.weights.get(w, 0) < 0 for w in lex.misfortune)
    assert polarity.is_misfortune("threats") and polarity.is_misfortune("lost")
    assert not polarity.is_misfortune("corrupt") and not polarity.is_misfortune("reckless")


# session 33: distress is felt, not a judgement of the one who feels it
@pytest.mark.parametrize(
    ("said", "actor"),
    [
        ("The Harbour Board is concerned about the closure of the old pier.", "harbour-board"),
        ("Tomas Orrin was alarmed by the report on the pier.", "tomas-orrin"),
        ("The closure of the pier worries Tomas Orrin.", "tomas-orrin"),
        ("To Tomas Orrin's disappointment, the pier closed early.", "tomas-orrin"),
    ],
)
def test_the_one_who_feels_distress_is_not_blamed_by_it(nlp: Any, said: str, actor: str) -> None:
    text = f'"{said}" Mara Venn said.'
    assert _polarities(nlp, text, said)[actor] is None


def test_what_distress_is_about_may_still_be_blamed(nlp: Any) -> None:
    """The emotion's cause is not its experiencer: "worried about X's reckless plan" blames X."""
    said = "The Harbour Board is worried about Tomas Orrin and his reckless plan."
    text = f'"{said}" Mara Venn said.'
    assert _polarities(nlp, text, said)["tomas-orrin"] == "neg"


def test_an_ing_adjective_of_distress_names_its_cause(nlp: Any) -> None:
    """ "X's decision is worrying": the adjective in -ing says X causes it, and blames X."""
    said = "Tomas Orrin's refusal to meet the fishermen is disappointing."
    text = f'"{said}" Mara Venn said.'
    assert _polarities(nlp, text, said)["tomas-orrin"] == "neg"


def test_emotions_of_distress_are_words_of_the_lexicon() -> None:
    assert polarity.is_emotion("concerned") and polarity.is_emotion("worries")
    assert not polarity.is_emotion("outraged")  # anger judges its object: not in the list


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("an extremely gifted writer", 1),  # the adverb grades "gifted": no extremist here
        ("an extremely good plan", 1),  # nor does it hide the praise after it
        ("an exceptionally careful reading", 1),
        ("extreme views", -1),  # the adjective itself still judges
    ],
)
def test_degree_adverbs_grade_they_do_not_judge(text: str, weight: int) -> None:
    assert polarity.evaluation(text) == weight
