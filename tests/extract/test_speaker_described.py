"""A definite description whose noun described one person named before is that person (issue 14,
session 36).

News introduces a person with a description, in apposition ("Ada Okafor, a nurse at the clinic,",
"the nurse, Ada Okafor,") or as a title before the name ("nurse Ada Okafor"), and refers back to
them by its noun with "the" ("the nurse said"). Roles of the lexicon (minister, mayor, ...) go by
their own rule; this one reads any other singular common noun, and only when one person named
before held it. A description someone owns ("Okafor's father, Ivo,") is a relation, not the
person's own: "the father" may be anyone's father. Sentences written for these tests, with
fictional people and places.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.quotes.speakers import Basis
from tests.extract.test_quotes import _shown, _with_actors
from tests.extract.test_speaker_basis import bases, check_basis  # noqa: F401 (the fixture)

WORDS = "“The cold came too late for the bees this year.”"
SAID = WORDS[:-2] + ",” the beekeeper said."

# (name, text, the name shown)
CASES = [
    (
        "an apposition after the name",
        "Marta Lindqvist, a beekeeper from the valley, lost half her hives this spring.\n\n" + SAID,
        "Marta Lindqvist",
    ),
    (
        "an apposition before the name",
        "The beekeeper, Marta Lindqvist, lost half her hives this spring.\n\n" + SAID,
        "Marta Lindqvist",
    ),
    (
        "a title before the name",
        "Last spring, beekeeper Maria Fischer lost half her hives.\n\n" + SAID,
        "Maria Fischer",
    ),
    (
        "the noun qualified when it refers back",
        "Marta Lindqvist, a beekeeper from the valley, lost half her hives this spring.\n\n"
        + WORDS[:-2]
        + ",” the veteran beekeeper said.",
        "Marta Lindqvist",
    ),
]


@pytest.mark.parametrize(("name", "text", "shown"), CASES, ids=[c[0] for c in CASES])
def test_the_description_refers_back_to_its_holder(
    nlp: Any,
    bases: dict[tuple[int, int], Basis | None],  # noqa: F811 (the fixture)
    name: str,
    text: str,
    shown: str,
) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next(q for q in quotes if "bees" in q.text)
    assert _shown(quote, actors) == shown
    check_basis(nlp, bases, text, "bees", quote.speaker_text, Basis.ROLE, True)


# (name, text): "the beekeeper" / "the father" names nobody the text described so
NOT_DESCRIBED = [
    (
        "two people described by the noun",
        "Marta Lindqvist, a beekeeper from the valley, and Jonas Berg, a beekeeper from the coast, "
        "lost half their hives this spring.\n\n" + SAID,
    ),
    (
        "a relation someone owns",
        "Lindqvist's father, Arvid, kept bees for forty years.\n\nIn the next village, a family "
        "lost every hive. " + WORDS[:-2] + ",” the father said.",
    ),
    (
        "another noun",
        "Marta Lindqvist, a nurse from the valley, lost half her hives this spring.\n\n" + SAID,
    ),
    (
        "an indefinite description brings in someone new",
        "Marta Lindqvist, a beekeeper from the valley, lost half her hives this spring.\n\n"
        + WORDS[:-2]
        + ",” a beekeeper from the coast said.",
    ),
]


@pytest.mark.parametrize(("name", "text"), NOT_DESCRIBED, ids=[c[0] for c in NOT_DESCRIBED])
def test_a_description_nobody_held_names_nobody(nlp: Any, name: str, text: str) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next(q for q in quotes if "bees" in q.text)
    assert quote.speaker_id is None or _shown(quote, actors) not in ("Marta Lindqvist", "Arvid", "Jonas Berg")
