"""Where a name is cut (session 40, issue #15): a title's capitalised field or body before its
holder's name, a body's name run into the person after it, and "and" inside one body's name.
Made-up names throughout."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.test_actors import run


@pytest.fixture(scope="module")
def registry() -> Any:
    from lib.extract.actors.extract import load_registry

    return load_registry()


def _named(nlp: Any, registry: Any, text: str) -> set[tuple[str, str, str]]:
    """(surface, actor name, actor type) of every mention."""
    actors, mentions = run(nlp, registry, text)
    return {(m.text, actors[m.actor_id].name, actors[m.actor_id].type) for m in mentions}


@pytest.mark.parametrize(
    ("text", "person", "not_actors"),
    [
        # the model runs the field into the name and calls it all a body
        (
            "Minister of Forests and Water Management Pavel Drobny said the lakes were clean.",
            "Pavel Drobny",
            {"Forests and Water Management"},
        ),
        (
            "The plan was backed by Minister of Hospitals Ilse Vantongeren and by the mayor.",
            "Ilse Vantongeren",
            {"Hospitals"},
        ),
        # the model tags the surname alone (here as a place) and misses the first name
        (
            "Minister of Science and Digital Research Arvid Kolstrand spoke first. Kolstrand said "
            "funding would rise.",
            "Arvid Kolstrand",
            {"Digital Research Arvid"},
        ),
        ("Minister of Infrastructure Oleh Varnyk signed the deal.", "Oleh Varnyk", set()),
        # the model tags a part of the field a body and the name right
        (
            "Commissioner for Fisheries and Coastal Policy Edvin Marasco visited Lowtown on Friday.",
            "Edvin Marasco",
            {"Fisheries"},
        ),
        # two holders joined by "and": each run ends before the next title
        (
            "Minister of Foreign Affairs of Eastland Oren Halvik and Minister of Economy of Westland "
            "Jaro Pellik signed a memorandum.",
            "Oren Halvik",
            set(),
        ),
        # the first of two holders joined by "and": the run ends before the second person
        (
            "Minister of Agriculture and Fisheries of Portugal Rui Tavares and Mikel Osterberg signed "
            "a memorandum.",
            "Rui Tavares",
            set(),
        ),
        # a first name the model tags alone before a middle name and a surname it calls a place
        (
            "Secretary of State Hilda Rosamund Carrow arrived in the capital on Monday.",
            "Hilda Rosamund Carrow",
            {"Rosamund Carrow"},
        ),
    ],
)
def test_title_of_field_before_holder(
    nlp: Any, registry: Any, text: str, person: str, not_actors: set[str]
) -> None:
    found = _named(nlp, registry, text)
    assert (person, person, "person") in found, found
    assert not {s for s, _, _ in found} & not_actors, found


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        (
            "Chairman of the Lowtown Regional Commission on Water Ruslo Andrev said prices would rise.",
            "Ruslo Andrev",
            "Lowtown Regional Commission on Water",
        ),
        (
            "The award was handed over by Chairman of the Harbour Audit Council Pieter Volkan on Friday.",
            "Pieter Volkan",
            "Harbour Audit Council",
        ),
    ],
)
def test_body_before_holder_is_split(nlp: Any, registry: Any, text: str, person: str, body: str) -> None:
    found = _named(nlp, registry, text)
    assert (person, person, "person") in found, found
    assert (body, body, "organization") in found, found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # no holder after the title: a body stays a body
        ("Head of the Coastal Space Agency arrived in Lowtown.", "Coastal Space Agency"),
        # a company after a title is no portfolio
        ("President of Varnexo Tom Reyes said the plant would close.", "Varnexo"),
    ],
)
def test_title_of_keeps_bodies(nlp: Any, registry: Any, text: str, kept: str) -> None:
    found = _named(nlp, registry, text)
    assert kept in {s for s, _, _ in found}, found


def test_body_run_into_person_keeps_both(nlp: Any, registry: Any) -> None:
    """A body's name the model runs into the person after it: the body and the person."""
    found = _named(
        nlp,
        registry,
        "In a statement, the Lowtown Audit Board Alexei Marrow said the accounts were in order.",
    )
    assert ("Alexei Marrow", "Alexei Marrow", "person") in found, found
    assert ("Lowtown Audit Board", "Lowtown Audit Board", "organization") in found, found


def test_chair_is_an_office(nlp: Any, registry: Any) -> None:
    """ "Chair" after "Deputy" is an office, no one's name."""
    found = _named(nlp, registry, "Deputy Chair of the Harbour Council Anna Brekke opened the session.")
    assert "Chair" not in {s for s, _, _ in found}, found
    assert ("Anna Brekke", "Anna Brekke", "person") in found, found


def test_title_of_field_alone_is_no_body(nlp: Any, registry: Any) -> None:
    """With no holder after it, the field of a title is still the title's: no body."""
    found = _named(nlp, registry, "The Minister of Digital Transformation spoke on Monday.")
    assert "Digital Transformation" not in {s for s, _, _ in found}, found


def test_title_of_headline_is_left(nlp: Any, registry: Any) -> None:
    """A headline capitalises every word: its last two are no holder's name."""
    found = _named(
        nlp, registry, "Minister of Health Visits Lowtown Clinic\n\nThe minister toured the wards on Monday."
    )
    assert not any(t == "person" and s == "Lowtown Clinic" for s, _, t in found), found


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # fields joined by "and", then the country: the model tags the parts as people or nothing
        (
            "Parks and Heritage Norway, in a short statement, rejected the plan for the coast.",
            "Parks and Heritage Norway",
        ),
        (
            "The old mill workers pose in a photo from 1921. ( Roads and Bridges Portugal )",
            "Roads and Bridges Portugal",
        ),
        # the model tags the last words only
        (
            "The Westland Parks and Wildlife Service had hinted it would lift the ban.",
            "Westland Parks and Wildlife Service",
        ),
        # an adjective made of a name before it is no part of it
        (
            "The bill passed the Harbour-led Parks and Gardens Authority on Monday.",
            "Parks and Gardens Authority",
        ),
    ],
)
def test_and_inside_one_body(nlp: Any, registry: Any, text: str, body: str) -> None:
    found = _named(nlp, registry, text)
    assert (body, body, "organization") in found, found


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("The Army and Air Force took part in the drill.", {"Army", "Air Force"}),
        (
            "Workers at Varnexo and Lowtown Airlines walked out. Varnexo said it would talk.",
            {"Varnexo", "Lowtown Airlines"},
        ),
        (
            "Companies like Halbrook, Varnexo and Lowtown Airlines wrote to the governor.",
            {"Lowtown Airlines"},
        ),
        ("Trade between Lowtown and South Korea grew.", {"South Korea"}),
        ("Staff moved between the West Wing and Lowtown Conference Centre.", {"Lowtown Conference Centre"}),
    ],
)
def test_two_names_listed_with_and_stay_apart(nlp: Any, registry: Any, text: str, apart: set[str]) -> None:
    surfaces = {s for s, _, _ in _named(nlp, registry, text)}
    assert apart <= surfaces, surfaces


def test_title_of_three_word_person_needs_a_first_name(nlp: Any, registry: Any) -> None:
    """The model's three-word person after a title's body is the last two words unless its first
    word is a first name: "Hydroregister" closes the body's name, "Bohdan Kovalyk" holds the office."""
    text = (
        "A memorandum was signed by Acting Head of the State Hydroregister Bohdan Kovalyk and the minister."
    )
    found = _named(nlp, registry, text)
    assert ("Bohdan Kovalyk", "Bohdan Kovalyk", "person") in found, found
    assert not any(s.startswith("Hydroregister B") for s, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # the model reads a one-word outlet as a date, or tags nothing
        ("The mayor was injured in a crash late on Friday, according to LowtownToday.", "LowtownToday"),
        ("Three people were hurt, according to HarbourNewsOnline. The fire is out.", "HarbourNewsOnline"),
    ],
)
def test_outlet_named_as_source(nlp: Any, registry: Any, text: str, outlet: str) -> None:
    found = _named(nlp, registry, text)
    assert (outlet, outlet, "organization") in found, found


def test_source_slot_without_outlet_shape_is_left(nlp: Any, registry: Any) -> None:
    """A source slot alone makes no outlet: "the Varrow Report" is a document."""
    found = _named(nlp, registry, "Costs doubled, according to the Varrow Report released on Monday.")
    assert not any(t == "organization" and s.endswith("Report") for s, _, t in found), found


def test_outlet_run_without_frame_words(nlp: Any, registry: Any) -> None:
    """An outlet's run starts after a function word opening the sentence and ends before a weekday."""
    from lib.extract.actors.spans import DocContext, _without_frame_words
    from tests.extract.test_actors import make_doc

    text = "As Lowtown Post reported, talks failed. The deal is off, KRVX Monday reported."
    ctx = DocContext(make_doc(text, "d0"), nlp(text), registry)
    start, end = _without_frame_words(ctx, 0, len("As Lowtown Post"))
    assert text[start:end] == "Lowtown Post"
    at = text.index("KRVX")
    start, end = _without_frame_words(ctx, at, at + len("KRVX Monday"))
    assert text[start:end] == "KRVX"


def test_office_acronym_in_source_slot_is_no_outlet(nlp: Any, registry: Any) -> None:
    """ "the DA said": an acronym after an article names an office, no outlet; "told KRVQ" does."""
    found = _named(
        nlp, registry, "The driver was drunk, the DA said on Monday. A witness told KRVQ she saw it."
    )
    assert "DA" not in {s for s, _, _ in found}, found
    assert ("KRVQ", "KRVQ", "organization") in found, found


def test_body_of_field_goes_on_over_and(nlp: Any, registry: Any) -> None:
    """ "<body's word> of <field> and <field>": where the model stops at "and" (as it does on some
    reports), the body's name goes on over the second field; not over a name of its own."""
    from lib.extract.actors.spans import Cand, DocContext, _with_more_fields
    from tests.extract.test_actors import make_doc

    text = (
        "The Ministry of Fisheries and Forestry asked for money. The Ministry of Fisheries and Varnexo met."
    )
    ctx = DocContext(make_doc(text, "d0"), nlp(text), registry)
    first = text.index("Ministry")
    second = text.index("Ministry", first + 1)
    cut = [Cand(first, first + len("Ministry of Fisheries"), "ner", "ORG")]
    cut.append(Cand(second, second + len("Ministry of Fisheries"), "ner", "ORG"))
    out = [text[c.start : c.end] for c in _with_more_fields(ctx, cut)]
    assert out == ["Ministry of Fisheries and Forestry", "Ministry of Fisheries"], out
