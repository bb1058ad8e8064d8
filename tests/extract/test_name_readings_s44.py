"""Names resolved the way a careful reader does (session 44): an office the corpus never gives a
person keeps a bare surname of another report apart from them; a title of sex before a surname
makes its full name a person's; a bare surname is not the relative the report calls by first name."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_actors import ids_of, run

NAMED = (
    "Gov. Tom Brennick vetoed the school funding bill in Harbourton on Tuesday. "
    "Brennick said the bill cost the state too much."
)


@pytest.fixture(scope="module")
def registry() -> Any:
    from lib.extract.actors.extract import load_registry

    return load_registry()


def _other_report(title: str) -> str:
    return (
        f"{title}Brennick flew to the trade summit in Velmora on Friday. "
        "Brennick told reporters that the talks on grain tariffs had gone well."
    )


@pytest.mark.parametrize(
    ("title", "linked"),
    [
        ("President ", False),  # another office than the bearer's: another person, or unknown
        ("Pres. ", False),
        ("Governor ", True),  # the bearer's office, written out
        ("Gov. ", True),
        ("Vice President ", True),  # a rank word: the title says no office to compare
        ("", True),  # no title: the corpus's only bearer, as before
    ],
)
def test_an_office_the_bearer_never_holds_keeps_the_surname_apart(
    nlp: Any, registry: Any, title: str, linked: bool
) -> None:
    _actors, mentions = run(nlp, registry, NAMED, _other_report(title))
    there = {m.actor_id for m in mentions if m.doc_id == "d1" and m.text == "Brennick"}
    assert there, "the surname is found in the other report"
    assert ("tom-brennick" in there) is linked, there
    assert ids_of([m for m in mentions if m.doc_id == "d0"], "Brennick") == {"tom-brennick"}


@pytest.mark.parametrize(
    ("name", "label"),
    [("Shukria Rezai", "ORG"), ("Nasrin Jalali", "GPE")],
)
def test_a_name_the_report_titles_by_sex_is_a_persons(nlp: Any, registry: Any, name: str, label: str) -> None:
    """The model tags the full name a body or a place; "Ms. <surname>" later says it is a woman's."""
    text = (
        f"A refugee now living in Norway, {name}, runs a women's council in exile. "
        f"Ms. {name.split()[-1]} says the war has created a generation of widows."
    )
    assert any(e.text == name and e.label_ == label for e in nlp(text).ents), "the model's reading"
    actors, mentions = run(nlp, registry, text)
    ids = {m.actor_id for m in mentions if name.split()[-1] in m.text}
    assert len(ids) == 1, ids
    assert actors[ids.pop()].type == "person"


def test_a_body_with_a_founders_name_stays_a_body(nlp: Any, registry: Any) -> None:
    """Without a title of sex before the last word alone, the model's label stands."""
    text = "Shukria Rezai, a women's group, opened an office in Geneva. Rezai said it would grow."
    actors, mentions = run(nlp, registry, text)
    full = {m.actor_id for m in mentions if m.text == "Shukria Rezai"}
    assert full and all(actors[a].type != "person" for a in full)


FAMILY = (
    "Lena Marsh, 7, was found on a raft off the coast. Her father, Oskar Marsh, wants her home. "
    "Lena has been staying with a great-uncle, and Lena's cousins visit daily. "
    "Marsh said in a letter that he will fly in on Monday."
)


def test_a_bare_surname_is_not_the_relative_called_by_first_name(nlp: Any, registry: Any) -> None:
    """The report calls the girl "Lena" (more often than it writes "Marsh") and her father "Marsh"."""
    _actors, mentions = run(nlp, registry, FAMILY)
    assert {m.actor_id for m in mentions if m.text == "Lena"} == {"lena-marsh"}
    assert {m.actor_id for m in mentions if m.text == "Marsh"} == {"oskar-marsh"}


def test_without_a_first_name_alone_the_rule_says_nothing(nlp: Any, registry: Any) -> None:
    """Two bearers, neither called by the first name alone: no reason here to prefer the father."""
    text = FAMILY.replace("Lena has been", "The girl has been").replace("Lena's", "her")
    _actors, mentions = run(nlp, registry, text)
    assert "oskar-marsh" not in {m.actor_id for m in mentions if m.text == "Marsh"}


def test_a_person_called_by_first_name_now_and_then_keeps_the_surname(nlp: Any, registry: Any) -> None:
    """A candidate the crowd hails as "Ann" once and the report calls "Avery" throughout."""
    text = (
        "Ann Avery, the candidate, toured the mill with her husband, Tom Avery, on Monday. "
        "Avery said the mill would reopen. Supporters chanted for Ann as she left. "
        "Avery promised new jobs. Avery later flew home to Lowtown."
    )
    _actors, mentions = run(nlp, registry, text)
    assert {m.actor_id for m in mentions if m.text == "Avery"} == {"ann-avery"}


def test_both_called_by_first_name_leave_the_surname_to_the_first_named(nlp: Any, registry: Any) -> None:
    """The suspect "Ned" and "Avery" as often, his sister "Ida" once: the surname stays his."""
    text = (
        "Ned Avery, 23, was arrested on Sunday. His sister Ida Avery, 20, was found at the house. "
        "Avery, who was unemployed, had begged to stay in hospital. Ned had called a friend. "
        "Ida was a student. Avery was held overnight and Ned appeared in court on Monday."
    )
    _actors, mentions = run(nlp, registry, text)
    assert {m.actor_id for m in mentions if m.text == "Avery"} == {"ned-avery"}
