"""Actors that are no actors or not one actor (issue #15): a forum's name before its talks, a
person's name behind an office, a body behind its parent's acronym."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.actors.corpus import CorpusResolver
from lib.extract.actors.extract import (
    _corpus_settings,
    _named_forums,
    extract_mentions,
    listed,
    load_registry,
)
from lib.extract.actors.spans import Cand, DocContext, _split_title
from lib.records import Actor, Document, Mention
from lib.text.aliases import slug
from tests.extract.named import name_spans


@pytest.fixture(scope="module")
def registry() -> Any:
    return load_registry()


def _doc(text: str, doc_id: str) -> Document:
    return Document(doc_id, "", "", None, "unknown", "en", "", "", text, ())


def _forums(nlp: Any, registry: Any, name: str, kind: str, *texts: str) -> bool:
    actor = Actor(slug(name), name, kind)
    found: list[tuple[Mention, Actor]] = []
    ctxs = []
    for i, text in enumerate(texts):
        doc = _doc(text, f"d{i}")
        ctxs.append(DocContext(doc, nlp(text), registry))
        at = text.find(name)
        while at >= 0:
            found.append((Mention(doc.id, actor.id, name, at, at + len(name)), actor))
            at = text.find(name, at + 1)
    return _named_forums(ctxs, found, registry) == {actor.id}


@pytest.mark.parametrize(
    ("name", "kind", "texts", "forum"),
    [
        # a format, talks and a process: a forum named after a town, in every mention
        (
            "Varrow",
            "person",
            (
                "The ministers met in the Varrow format on Monday.",
                "Both sides backed the Varrow talks and asked for a new round of the Varrow process.",
            ),
            True,
        ),
        # a numeral belongs to the name ("the Selka 2 talks"): still a forum
        (
            "Selka",
            "organization",
            ("They met in the Selka format.", "The Selka 2 talks were delayed again."),
            True,
        ),
        # what a body makes or runs names the body: an actor ("the Dowlin index", "a Dowlin flight")
        (
            "Dowlin",
            "organization",
            ("The Dowlin index fell.", "She missed the Dowlin flight.", "The Dowlin index rose."),
            False,
        ),
        # a noun of an agent: the name still stands for its actor
        (
            "Brennard",
            "person",
            ("The Brennard administration said no.", "A Brennard spokesman declined to comment."),
            False,
        ),
        # the name stands alone in half its mentions: an actor
        (
            "Ostrel",
            "organization",
            ("The Ostrel report was published.", "Ostrel said the figures were wrong."),
            False,
        ),
        # a person named in full is a person, whatever her name premodifies
        (
            "Ann Varrow",
            "person",
            ("The Ann Varrow prize went to a pianist.", "The Ann Varrow competition opens in May."),
            False,
        ),
        # a body whose name says so is one, even when only its meetings are mentioned
        (
            "Harbour Council",
            "organization",
            ("The Harbour Council meeting was cancelled.", "Harbour Council sessions are public."),
            False,
        ),
        # one mention says little
        ("Varrow", "person", ("The ministers met in the Varrow format.",), False),
    ],
)
def test_a_name_only_before_a_noun_of_talks_names_a_forum(
    nlp: Any, registry: Any, name: str, kind: str, texts: tuple[str, ...], forum: bool
) -> None:
    assert _forums(nlp, registry, name, kind, *texts) is forum


def test_a_forum_leaves_the_actor_list_and_keeps_its_mentions(nlp: Any, registry: Any) -> None:
    texts = (
        "Talks in the Varrow format resumed on Tuesday, the foreign minister said.",
        "The Varrow format has not met since spring. Officials expect the Varrow talks to resume.",
    )
    docs = [_doc(t, f"d{i}") for i, t in enumerate(texts)]
    actors, mentions = extract_mentions([(d, nlp(d.text)) for d in docs], registry)
    varrow = {m.actor_id for m in mentions if m.text == "Varrow"}
    assert varrow  # the mentions stay (the entity scores read them) ...
    assert not any(a.id in varrow for a in listed(actors))  # ... the actor list leaves them out


@pytest.mark.parametrize(
    ("span", "person"),
    [
        # an office before a name: the person, whatever the first name
        ("Harbour Council Speaker Orla Quennvik", "Orla Quennvik"),
        # a body's name before a name that opens with a known first name
        ("Harbour Council Michael Quennvik", "Michael Quennvik"),
        # a body's name before words that open with no known first name: left as read
        ("Harbour Council Orla Quennvik", None),
        # a body's own last word ends the span: no person in it
        ("Michael Quennvik Foundation", None),
    ],
)
def test_a_body_or_office_before_a_name_leaves_the_person(
    nlp: Any, registry: Any, span: str, person: str | None
) -> None:
    text = f"The delegation met {span} on Monday."
    ctx = DocContext(_doc(text, "d"), nlp(text), registry)
    start = text.index(span)
    cand = _split_title(ctx, Cand(start, start + len(span), "ner", "ORG"))
    if person is None:
        assert (cand.label, text[cand.start : cand.end]) == ("ORG", span)
    else:
        assert (cand.label, text[cand.start : cand.end]) == ("PERSON", person)


def _resolved(texts: dict[str, str], names: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    found = name_spans(texts, names)
    return {m.text: m.actor_id for m, _ in CorpusResolver(found, load_registry(), texts).resolve(found)}


@pytest.mark.parametrize(
    ("bodies", "same"),
    [
        # the parent's acronym dropped: one council
        (["HCO Joint Defence Council", "Joint Defence Council"], True),
        # two words after the acronym name many bodies: left apart
        (["HCO Defence Council", "Defence Council"], False),
        # two parents' councils: two councils
        (["HCO Joint Defence Council", "LTA Joint Defence Council", "Joint Defence Council"], False),
    ],
)
def test_a_body_led_by_its_parents_acronym_is_the_body(bodies: list[str], same: bool) -> None:
    texts = {"a": "The HCO met. The LTA met.", "b": " ".join(f"The {b} met." for b in bodies)}
    names = {
        "a": [("HCO", "organization"), ("LTA", "organization")],
        "b": [(b, "organization") for b in bodies],
    }
    got = _resolved(texts, names)
    assert (got[bodies[0]] == got[bodies[-1]]) is same


@pytest.mark.parametrize(
    ("first", "setting"),
    [
        # the model's person, listed with places after "in": a place (with "in Vel Orsk", two of three)
        ("The troupe played in Paris, Vel Orsk and Lyon.", True),
        # listed after "with": people met, not places (one of three: a name of two words stays)
        ("She met with Paris, Vel Orsk and Lyon.", False),
    ],
)
def test_a_name_listed_with_places_after_in_is_a_place(
    nlp: Any, registry: Any, first: str, setting: bool
) -> None:
    text = f"{first} A plant opened in Vel Orsk. The Vel Orsk crowd cheered."
    ctx = DocContext(_doc(text, "d"), nlp(text), registry)
    actor = Actor("vel-orsk", "Vel Orsk", "person")
    starts = [i for i in range(len(text)) if text.startswith("Vel Orsk", i)]
    found = [(Mention("d", actor.id, "Vel Orsk", at, at + 8), actor) for at in starts]
    assert ("vel orsk" in _corpus_settings([ctx], found)) is setting


def test_a_one_word_name_listed_after_with_is_no_place(nlp: Any, registry: Any) -> None:
    text = "She met with Paris, Orsk and Lyon."
    ctx = DocContext(_doc(text, "d"), nlp(text), registry)
    actor = Actor("orsk", "Orsk", "person")
    at = text.index("Orsk")
    assert _corpus_settings([ctx], [(Mention("d", actor.id, "Orsk", at, at + 4), actor)]) == set()


def test_a_portfolio_before_a_word_of_office_is_the_titles(nlp: Any, registry: Any) -> None:
    """ "Finance Minister Ann Orr": the capitalised portfolio is part of her title, no body; a
    ministry's full name, a department acting under its own name and a body before its officer
    stay actors."""
    text = (
        "Finance Minister Ann Orr and Interior Secretary Tomas Vell met on Monday. "
        "A Health Ministry spokesman said the Treasury would pay. "
        "Harbour Council Secretary Ivo Pax agreed."
    )
    doc = _doc(text, "d0")
    actors, _ = extract_mentions([(doc, nlp(text))], registry)
    names = {a.name for a in listed(actors)}
    assert {"Ann Orr", "Tomas Vell", "Treasury", "Harbour Council", "Ivo Pax"} <= names
    assert not names & {"Finance", "Interior"}
