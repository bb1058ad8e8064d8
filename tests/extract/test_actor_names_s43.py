"""Session 43 (issue #15): one actor per real entity across reports (a body's short and long
name, ...). Sentences and names are made up for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_actor_events import FERRY, FIRE, FIRE_2, _resolved


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # "and" inside the of-phrase joins what the one body is of: "the Guild" is that guild.
        ("Guild of Bakers and Millers", "guild-of-bakers-and-millers"),
        # "and" before the head coordinates two bodies: the short form is neither.
        ("Baker and Miller Guild of Lowtown", "guild"),
    ],
)
def test_short_form_of_a_body_named_with_and_after_of(body: str, want: str) -> None:
    texts = {
        "b1": FIRE + f"The {body} said the ovens were old.",
        "b2": FIRE_2 + "The Guild said it would help.",
    }
    got = _resolved(texts, {"b1": [(body, "organization")], "b2": [("Guild", "organization")]})
    assert got[("b2", "Guild")] == want


@pytest.mark.parametrize(
    ("first", "want"),
    [
        # Running text capitalises the article mid-sentence: it is part of the name, and its
        # initial the acronym's first letter.
        ("The owners spoke to the paper The Pellin Ledger on Monday.", "pellin-ledger"),
        # "The" only at a sentence's start says nothing: the acronym stays itself.
        ("The owners spoke on Monday. The Pellin Ledger printed it.", "tpl"),
    ],
)
def test_acronym_with_the_articles_initial(first: str, want: str) -> None:
    texts = {"b1": FIRE + first, "b2": FIRE_2 + "The bakery will reopen, TPL said."}
    got = _resolved(texts, {"b1": [("Pellin Ledger", "organization")], "b2": [("TPL", "organization")]})
    assert got[("b2", "TPL")] == want


@pytest.mark.parametrize(
    "text",
    [
        "Walter Q. Brindlecombe, Sr., the former mayor of Lowtown, died on Sunday.",
        "Tobias Quell, Jr., a lawyer in Lowtown, said the ruling was wrong.",
    ],
)
def test_generational_suffix_after_a_comma_is_the_persons(nlp: Any, text: str) -> None:
    """ "Ann Avery, Jr.": the suffix set off by a comma names no place or person of its own."""
    from lib.extract.actors.extract import load_registry
    from tests.extract.test_actors import run

    actors, mentions = run(nlp, load_registry(), text)
    suffix = next(m for m in mentions if m.text in ("Sr.", "Jr."))
    assert actors[suffix.actor_id].name == text.split(",")[0]


@pytest.mark.parametrize(
    ("other", "kind", "same"),
    [
        ("Lowtown Skyhawks", "organization", True),  # one compound, written closed
        ("Lowtown Sky Harriers", "organization", False),
        ("Lowtownsky Hawks", "place", False),  # places written so may be two towns
    ],
)
@pytest.mark.parametrize("event", [FIRE_2, FERRY])
def test_compound_written_open_or_closed(other: str, kind: str, same: bool, event: str) -> None:
    """One body's name spelt two ways in the reports of one event; in another event's report the
    name may be another body's."""
    texts = {
        "b1": FIRE + "Players of the Lowtown Sky Hawks helped the owners.",
        "b2": event + f"The {other} sent a cheque.",
    }
    same = same and event == FIRE_2
    got = _resolved(texts, {"b1": [("Lowtown Sky Hawks", "organization")], "b2": [(other, kind)]})
    assert (got[("b1", "Lowtown Sky Hawks")] == got[("b2", other)]) is same


def test_a_surname_in_the_plural_is_the_family_not_the_person(nlp: Any) -> None:
    """ "the Averys" are a family or a couple: no mention of Ann Avery alone."""
    from lib.extract.actors.extract import load_registry
    from tests.extract.test_actors import run

    text = (
        "Mayor Tessa Brightwater met voters in Lowtown. The Brightwaters also met a nurse whose son was hurt."
    )
    actors, mentions = run(nlp, load_registry(), text)
    family = next(m for m in mentions if m.text == "Brightwaters")
    assert actors[family.actor_id].name != "Tessa Brightwater"


@pytest.mark.parametrize("chained", ["Tom Avery Jr.", "Avery Jr."])
@pytest.mark.parametrize(("title", "father"), [("President", True), ("Mr.", False)])
def test_a_title_names_the_father_where_the_report_names_the_son(
    chained: str, title: str, father: bool
) -> None:
    """ "President Avery's eldest son, Tom Avery Jr.": the report links the bare surname to the
    son, the one full name it holds (by his full name or his surname with the suffix); the title
    of office is written before the father's full name elsewhere, never before the son's, so the
    surname after it is the father. An honorific says only the sex, which they share."""
    from lib.extract.actors.corpus import CorpusResolver
    from lib.extract.actors.extract import load_registry
    from lib.records import Actor, Mention
    from lib.text.aliases import slug

    texts = {
        "a": FIRE + f"{title} Tom Avery visited the ruins.",
        "b": FIRE_2 + f"{title} Avery's eldest son, Tom Avery Jr., thanked the firefighters.",
    }
    dad = Actor("tom-avery", "Tom Avery", "person")
    son = Actor("tom-avery-jr", "Tom Avery Jr.", "person")
    link = Actor(slug(chained), chained, "person")
    found = []
    for doc, surface, actor in (("a", "Tom Avery", dad), ("b", "Avery", link), ("b", "Tom Avery Jr.", son)):
        start = texts[doc].index(surface)
        found.append((Mention(doc, actor.id, surface, start, start + len(surface)), actor))
    resolver = CorpusResolver(found, load_registry(), texts)
    resolved = {(m.doc_id, m.text): m.actor_id for m, _ in resolver.resolve(found)}
    assert (resolved[("b", "Avery")] == resolved[("a", "Tom Avery")]) is father
    assert resolved[("b", "Tom Avery Jr.")] != resolved[("a", "Tom Avery")]


@pytest.mark.parametrize(
    ("event", "short", "same"),
    [
        (FIRE_2, "Lowtown Police", True),  # one town's force, with and without "Department"
        (FERRY, "Lowtown Police", False),  # another event's report: left apart
        (FIRE_2, "Lowtown Police Union", False),  # a body of the force's officers
    ],
)
def test_a_police_force_with_and_without_department(event: str, short: str, same: bool) -> None:
    texts = {
        "b1": FIRE + "The Lowtown Police Department said the fire was set.",
        "b2": event + f"{short} arrested a man on Monday.",
    }
    got = _resolved(
        texts,
        {"b1": [("Lowtown Police Department", "organization")], "b2": [(short, "organization")]},
    )
    assert (got[("b1", "Lowtown Police Department")] == got[("b2", short)]) is same
