"""A target's polarity read from its context (lib/extract/targets.py): the words said of another
actor it names, a reproach in a sentence that refers to the target by a pronoun, the capitalised
words of a name in the reporter's clause. Sentences and names are made up."""

from __future__ import annotations

import re
from typing import Any

import pytest

from lib.extract import targets
from lib.records import Actor, Document, Mention, Quote

PEOPLE = ("Ada Quell", "Tomas Orrin", "Lio Park")
ACTORS = {n.lower().replace(" ", "-"): Actor(n.lower().replace(" ", "-"), n, "person") for n in PEOPLE}


def _mentions(text: str) -> list[Mention]:
    """Every full name, and a surname alone, as a mention of its actor."""
    found: list[Mention] = []
    for name in PEOPLE:
        for pattern in (name, name.split()[-1]):
            for m in re.finditer(rf"\b{pattern}\b", text):
                if not any(f.start <= m.start() < f.end for f in found):
                    found.append(
                        Mention("d1", name.lower().replace(" ", "-"), m.group(0), m.start(), m.end())
                    )
    return sorted(found, key=lambda m: m.start)


def _polarities(nlp: Any, text: str, said: str, cue: str = "said") -> dict[str, str | None]:
    """Target -> polarity of the statement ``said`` by Lio Park in ``text``."""
    start = text.index(said)
    at = text.index("Lio Park")
    quote = Quote(
        "d1", "lio-park", "Lio Park", said, "direct", cue, start, start + len(said), 0.9, at, at + 8
    )
    doc = Document("d1", "", "Ledger", "2023-05-02", "header", "en", "", "", text)
    (found,) = targets.with_targets(doc, nlp(text), [quote], _mentions(text), ACTORS)
    return {t.actor_id or "": t.polarity for t in found.targets}


@pytest.mark.parametrize(
    ("text", "said", "want"),
    [
        (  # the chaos is of Orrin's office: it blames Orrin (the calm would cancel it in his clause)
            '"Quell was a voice of calm amid the chaos of Orrin\'s office," Lio Park said.',
            "Quell was a voice of calm amid the chaos of Orrin's office,",
            {"tomas-orrin": "neg"},
        ),
        (  # a possessor: Orrin's failure blames Orrin
            '"Quell spoke first. Orrin\'s failure was plain to all," Lio Park said.',
            "Quell spoke first. Orrin's failure was plain to all,",
            {"tomas-orrin": "neg"},
        ),
        (  # a judging word whose argument is no one named is read as before, of the target's clause
            '"Quell made a mess of the budget," Lio Park said.',
            "Quell made a mess of the budget,",
            {"ada-quell": "neg"},
        ),
    ],
)
def test_words_said_of_another_actor(nlp: Any, text: str, said: str, want: dict[str, str]) -> None:
    got = _polarities(nlp, text, said)
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize(
    ("text", "said", "want"),
    [
        (  # the pronoun of the why-question is the one read as the target in the sentence before
            'Tomas Orrin left the hearing early. "We gave him a way out. Why would he not take it?" '
            "Lio Park said.",
            "We gave him a way out. Why would he not take it?",
            "neg",
        ),
        (  # a why-question that is no reproach (no negation) says nothing
            'Tomas Orrin left the hearing early. "We gave him a way out. Why would he take it?" '
            "Lio Park said.",
            "We gave him a way out. Why would he take it?",
            None,
        ),
    ],
)
def test_a_reproach_in_a_later_sentence(nlp: Any, text: str, said: str, want: str | None) -> None:
    assert _polarities(nlp, text, said).get("tomas-orrin") == want


@pytest.mark.parametrize(
    ("text", "said", "want"),
    [
        # a capitalised word of a body's name in the reporter's clause is no judgement ("Trust")
        (
            'Lio Park, the Harbour Trust chairman, said: "Orrin opened the gate."',
            '"Orrin opened the gate."',
            None,
        ),
        # a lower-case evaluative word of the reporter still counts
        ('Lio Park said in an angry statement: "Orrin opened the gate."', '"Orrin opened the gate."', "neg"),
    ],
)
def test_the_reporters_capitalised_words_are_names(nlp: Any, text: str, said: str, want: str | None) -> None:
    assert _polarities(nlp, text, said).get("tomas-orrin") == want
