"""Actor names (session 38, issue #15): credentials after a name, long body names written with a
plural, and the adjectival names of seas. Made-up names throughout."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.actors.corpus import org_key, plural_variant_key
from tests.extract.test_actors import ids_of, run


@pytest.fixture(scope="module")
def registry() -> Any:
    from lib.extract.actors.extract import load_registry

    return load_registry()


def test_credentials_after_a_full_name_are_the_person(nlp: Any, registry: Any) -> None:
    actors, mentions = run(
        nlp,
        registry,
        "The council named Mira Talvik, MD, PhD, as its new director on Monday. "
        "Jon Pellam, M.D., a colleague, praised the choice.",
    )
    assert ids_of(mentions, "MD") == ids_of(mentions, "Mira Talvik")
    assert ids_of(mentions, "M.D.") == ids_of(mentions, "Jon Pellam")
    assert not any(a.name in ("MD", "Md.", "M.D.") for a in actors.values())


def test_a_state_code_after_a_town_is_no_credential(nlp: Any, registry: Any) -> None:
    text = "The clinic in Laurel, MD, closed on Friday after a fire, officials said."
    actors, mentions = run(nlp, registry, text)
    assert all(actors[i].type != "person" for i in ids_of(mentions, "MD"))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Eastlandic Sea", "Eastlandic", True),
        ("Varonean Ocean", "Varonean", True),
        ("North Sea", "North", False),
        ("Black Sea", "Black", False),
    ],
)
def test_org_key_variants(a: str, b: str, same: bool) -> None:
    assert (org_key(a) == org_key(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "Institute of River Barges Builders and Pilots",
            "Institute of River Barge Builders and Pilots",
            True,
        ),
        ("the Society of Harbour Pilots and Engineers", "Society of Harbour Pilot and Engineers", True),
        ("Harbour Pilots", "Harbour Pilot", False),  # two words: a plural may be another body
        ("Board of Wardens", "Board of Warden", False),
    ],
)
def test_long_names_with_a_plural_or_not(a: str, b: str, same: bool) -> None:
    va, vb = plural_variant_key(org_key(a)), plural_variant_key(org_key(b))
    assert (va is not None and va == vb) is same


def test_a_plural_variant_is_one_body(nlp: Any, registry: Any) -> None:
    _, mentions = run(
        nlp,
        registry,
        "The Institute of River Barges Builders and Pilots chose its board on Monday, a paper said.",
        "The Institute of River Barge Builders and Pilots said on Monday that it had chosen its board.",
    )
    assert ids_of(mentions, "Institute of River Barges Builders and Pilots") == ids_of(
        mentions, "Institute of River Barge Builders and Pilots"
    )


def test_a_sea_and_its_adjective_are_one_place(nlp: Any, registry: Any) -> None:
    _, mentions = run(
        nlp,
        registry,
        "Two cables were cut on the bed of the Caribbean Sea near Velmora on Friday, the operator said.",
        "Repairs to the cables in the Caribbean will take two weeks, the operator of Velmora said.",
    )
    sea, bare = ids_of(mentions, "Caribbean Sea"), ids_of(mentions, "Caribbean")
    assert sea and sea == bare


@pytest.mark.parametrize(
    ("text", "body", "rest"),
    [
        (
            "She then opened fire on the others, Lowtown Homicide Capt. Ray Dorn said.",
            "Lowtown Homicide",
            "Capt",
        ),
        (
            "On Monday the Brindle Bank Vice President Tod Varga resigned, the bank said.",
            "Brindle Bank",
            "Vice",
        ),
        (
            "Police said he opened fire at the Brindle Mills Ltd Christmas party on Friday.",
            "Brindle Mills Ltd",
            "Christmas",
        ),
    ],
)
def test_a_body_ends_before_a_title_or_a_holiday(
    nlp: Any, registry: Any, text: str, body: str, rest: str
) -> None:
    _, mentions = run(nlp, registry, text)
    surfaces = {m.text for m in mentions}
    assert body in surfaces
    assert not any(rest in s for s in surfaces)


def test_a_two_word_title_is_no_body_cut_short(nlp: Any, registry: Any) -> None:
    _, mentions = run(
        nlp, registry, "The fleet is led by Rear Admiral Tod Varga, the navy of Velmora said on Monday."
    )
    assert "Rear" not in {m.text for m in mentions}


def test_a_town_after_its_street_is_the_town(nlp: Any, registry: Any) -> None:
    _, mentions = run(
        nlp,
        registry,
        "Two women were found dead in a house in Harbour Street, Brackwell, on Saturday.",
        "Mr Avery, of Harbour Street, Brackwell, was arrested at Brackwell Pier an hour later.",
    )
    assert ids_of(mentions, "Brackwell") == {"brackwell"}


def test_a_body_written_in_x_and_as_a_towns_address_is_a_town() -> None:
    from lib.extract.actors.extract import _addressed_towns, _as_setting
    from lib.records import Actor, Mention
    from tests.extract.named import name_spans
    from tests.extract.test_actors import _ctx

    texts = {
        "a": "Police were called to a house in Brackwell, Upland, on Saturday.",
        "b": "The man had moved back to Brackwell in June. Ostley, Upland and Marsh were flooded.",
    }
    found = name_spans(
        texts,
        {
            "a": [("Brackwell", "organization"), ("Upland", "place")],
            "b": [("Brackwell", "organization"), ("Ostley", "organization"), ("Upland", "place")],
        },
    )
    towns = _addressed_towns([_ctx(t, d) for d, t in texts.items()], found)
    assert towns == {"brackwell"}  # "Ostley, Upland and Marsh" is a list, no address
    settings = {"brackwell", "ostley", "@brackwell"}
    body = Actor("brackwell", "Brackwell", "organization")
    assert _as_setting(Mention("a", "brackwell", "Brackwell", 33, 42), body, settings).type == "place"
    other = Actor("ostley", "Ostley", "organization")
    assert _as_setting(Mention("b", "ostley", "Ostley", 46, 52), other, settings).type == "organization"
