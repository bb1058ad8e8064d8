"""What kind of thing a name names (session 39, issue #15): a common noun after a name or heading
its apposition, a possessive of what bodies own, a business noun opening the name. Made-up names
throughout."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_actors import ids_of, run


@pytest.fixture(scope="module")
def registry() -> Any:
    from lib.extract.actors.extract import load_registry

    return load_registry()


def _types(nlp: Any, registry: Any, text: str, surface: str) -> set[str]:
    actors, mentions = run(nlp, registry, text)
    ids = ids_of(mentions, surface)
    assert ids, surface
    return {actors[i].type for i in ids}


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        # the place noun follows one mention only; the others are that place too
        (
            "Ash fell on three villages after the Toma Ruvu volcano erupted on Sunday. Toma Ruvu "
            "has grown quickly since 1990, and guides who take tourists to Toma Ruvu said the "
            "weather had been calm. A collapse of Toma Ruvu could cause a wave, an expert warned.",
            "Toma Ruvu",
            "place",
        ),
        (
            "Tourists flock to the Haldor volcano each summer. Haldor last erupted in 1990, and "
            "Haldor is still watched closely.",
            "Haldor",
            "place",
        ),
        (
            "The fire started at the Delacroix cafe late on Friday. Delacroix reopened two weeks later.",
            "Delacroix",
            "organization",
        ),
        # the apposition's head says what the name is
        (
            "Workers at Brannigan, a grocery chain in Lowtown, walked out on Monday. Brannigan had "
            "cut their hours in March.",
            "Brannigan",
            "organization",
        ),
        (
            "The strike hit Kowalczyk, the telecom company, on Friday. Kowalczyk had offered a raise.",
            "Kowalczyk",
            "organization",
        ),
    ],
)
def test_a_noun_of_a_kind_types_every_mention(
    nlp: Any, registry: Any, text: str, surface: str, kind: str
) -> None:
    assert _types(nlp, registry, text, surface) == {kind}


def test_a_person_named_in_full_keeps_the_company_named_after_her(nlp: Any, registry: Any) -> None:
    text = (
        "Dana Whitlock founded the Whitlock company in 1990. Whitlock said on Monday that she "
        "would retire next year."
    )
    assert _types(nlp, registry, text, "Whitlock") == {"person"}


def test_a_name_that_speaks_is_no_river(nlp: Any, registry: Any) -> None:
    text = (
        "Guides said the Merrow river flooded two farms. Merrow said in a statement that it would "
        "pay the farmers."
    )
    assert "place" not in _types(nlp, registry, text, "Merrow")


def test_a_possessive_of_what_bodies_own_takes_a_modifier(nlp: Any, registry: Any) -> None:
    text = (
        "Kessler formally put the unit up for sale in May. Since then, Kessler has been looking for "
        "a buyer. Kessler is said to have two bidders, sources said. Staff at Kessler's publishing "
        "division fear cuts."
    )
    assert _types(nlp, registry, text, "Kessler") == {"organization"}


def test_a_business_noun_opening_a_name_makes_a_body_and_no_surname(nlp: Any, registry: Any) -> None:
    actors, mentions = run(
        nlp,
        registry,
        "A design firm built the doghouse. Studio Petrakov, in Lowtown, made the plans. Hanna "
        'Petrakov, principal architect at the firm, explained the roof. "It is easy to clean," '
        "says Petrakov.",
    )
    assert {actors[i].type for i in ids_of(mentions, "Studio Petrakov")} == {"organization"}
    assert ids_of(mentions, "Petrakov") == ids_of(mentions, "Hanna Petrakov")


def _kinds_of(nlp: Any, registry: Any, text: str, surface: str, actor: Any) -> dict[str, str]:
    from lib.extract.actors.extract import _kinds_named
    from lib.extract.actors.spans import DocContext
    from lib.records import Mention
    from tests.extract.test_actors import make_doc

    doc = make_doc(text, "d0")
    ctx = DocContext(doc, nlp(text), registry)
    found = [
        (Mention("d0", actor.id, surface, i, i + len(surface)), actor)
        for i in range(len(text))
        if text.startswith(surface, i)
    ]
    return _kinds_named([ctx], found, registry)


def test_a_cue_said_of_a_surname_does_not_retype_the_person_named_in_full(nlp: Any, registry: Any) -> None:
    from lib.records import Actor

    text = "Shares of Avery fell 3 percent on Friday. Avery stock closed down 1/8 at 40."
    person = Actor("ann-avery", "Ann Avery", "person")
    assert _kinds_of(nlp, registry, text, "Avery", person) == {}
    lone = Actor("avery", "Avery", "person")
    assert _kinds_of(nlp, registry, text, "Avery", lone) == {"avery": "organization"}


def test_only_the_apposition_after_the_comma_says_what_the_name_is(nlp: Any, registry: Any) -> None:
    text = (
        "One of the plan's believers is Dorian Vellacott, a founder of Quarrix, a company outside "
        "Lowtown. Vellacott declined to comment."
    )
    assert _types(nlp, registry, text, "Dorian Vellacott") == {"person"}


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds came to the Tresk town hall in Lowtown on Monday. Tresk left before the questions.",
        "Investigators traced the money to a Tresk bank account. Tresk denied any wrongdoing.",
    ],
)
def test_a_kind_noun_that_modifies_another_noun_says_nothing(nlp: Any, registry: Any, text: str) -> None:
    """ "the X town hall", "an X bank account": the noun of a kind is itself a modifier; the phrase
    is a hall, an account, which says nothing of what X is."""
    from lib.records import Actor

    assert _kinds_of(nlp, registry, text, "Tresk", Actor("tresk", "Tresk", "person")) == {}
