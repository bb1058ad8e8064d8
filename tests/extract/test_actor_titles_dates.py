"""Titles, dates and names (session 29's reading of two corpora): a title before a name titles that
name, not the one before the comma; a title's last word is no surname; a month or day the model
reads as a date is not the person whose surname it is. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.actors import roles
from lib.extract.actors.registry import load_registry
from lib.extract.actors.roles import Named, RoleHit
from tests.extract.test_actors import ids_of, run


def _named(text: str, *names: tuple[str, str]) -> list[Named]:
    return [Named(text.index(n), text.index(n) + len(n), i, None, None) for n, i in names]


@pytest.mark.parametrize(
    ("text", "title", "want"),
    [
        # a list of officials: the title goes to the name right after it
        ("Ivo Marsh, Defence Minister Ada Vell and others.", "Defence Minister", "ada-vell"),
        ("Trade Minister Ivo Marsh, Defence Minister Ada Vell.", "Defence Minister", "ada-vell"),
        # a title after the name and a comma, with no name after it, stays that name's
        ("Ivo Marsh, Defence Minister, spoke first.", "Defence Minister", "ivo-marsh"),
        ("Ivo Marsh, the Defence Minister, spoke first.", "the Defence Minister", "ivo-marsh"),
        # nothing beside the title
        ("The Defence Minister spoke first.", "Defence Minister", None),
    ],
)
def test_title_goes_to_the_name_after_it(text: str, title: str, want: str | None) -> None:
    names = [(n, i) for n, i in (("Ivo Marsh", "ivo-marsh"), ("Ada Vell", "ada-vell")) if n in text]
    start = text.index(title)
    hit = RoleHit(start, start + len(title), "defence-minister", None, False)
    assert roles.apposed(text, hit, _named(text, *names)) == want


@pytest.fixture(scope="module")
def registry() -> Any:
    return load_registry()


@pytest.mark.parametrize(
    ("texts", "surface", "not_id"),
    [
        # "head of state" names a president; its last word is no surname of his
        (
            (
                "President Vladimir Putin met the head of state of Norland. The state must answer, "
                "he said. We must state our view, the head of state added.",
            ),
            "state",
            "vladimir-putin",
        ),
        # "Foreign Minister" names a minister; "Minister" elsewhere is any minister
        (
            ("Foreign Minister Sergei Lavrov and Interior Minister Pavel Ostrin arrived.",),
            "Minister",
            "sergei-lavrov",
        ),
    ],
)
def test_title_word_is_no_surname(
    nlp: Any, registry: Any, texts: tuple[str, ...], surface: str, not_id: str
) -> None:
    _, mentions = run(nlp, registry, *texts)
    assert not_id not in ids_of(mentions, surface)


@pytest.mark.parametrize(
    ("other", "surface", "kept"),
    [
        ("The plant closed in May 2015 after a long strike.", "May", False),
        ("The deal was struck in May.", "May", False),
        ("Workers hoisted banners at a May protest.", "May", False),
        ("Farmers held a rally on August 3 in the square.", "August", False),
        ("Ms. May said the plant would reopen.", "May", True),
        ("Mr. August said the rally was peaceful.", "August", True),
    ],
)
def test_month_is_not_a_surname(nlp: Any, registry: Any, other: str, surface: str, kept: bool) -> None:
    people = (
        "Opposition leader Harriet May and union chief Dorran August spoke to reporters. May said "
        "the plan would fail, and August agreed. Later May told a rally the levy was unfair."
    )
    _, mentions = run(nlp, registry, people, other)
    ids = {m.actor_id for m in mentions if m.doc_id == "d1" and m.text == surface}
    assert bool(ids & {"harriet-may", "dorran-august"}) == kept


COMMONS = "The House of Commons passed the ferry levy after a long debate in the Commons."
BOTH = COMMONS + " In Washington, the House of Representatives passed its own budget."


@pytest.mark.parametrize(
    ("corpus", "other", "body"),
    [
        # the report names the Commons by a form of its own: its "House" is the Commons
        (
            COMMONS,
            "Members of the House of Commons met late. The House voted on the ferry levy.",
            "house-of-commons",
        ),
        (
            COMMONS,
            "The Commons met late. Tarn Ilsley told the House the levy would pass.",
            "house-of-commons",
        ),
        # a report on Congress: its "House" is the Representatives, which the corpus never names in full
        (
            COMMONS,
            "Republicans in the House said Congress would vote on the budget before the recess.",
            "house-of-representatives",
        ),
        # the report's words name no legislature: the one body the corpus names
        (
            COMMONS,
            "House Speaker Orla Penwick said the House would vote before the summer.",
            "house-of-commons",
        ),
        # ... but where the corpus names both, such a report's "House" is left as written
        (BOTH, "House Speaker Orla Penwick said the House would vote before the summer.", "house"),
        (BOTH, "Orla Penwick, an MP, said the House would vote before the summer.", "house-of-commons"),
    ],
)
def test_shared_short_name_is_read_by_its_report(
    nlp: Any, registry: Any, corpus: str, other: str, body: str
) -> None:
    _, mentions = run(nlp, registry, corpus, other)
    ids = {m.actor_id for m in mentions if m.doc_id == "d1" and m.text == "House"}
    assert ids, "the model found no 'House' here: the row tests nothing"
    assert ids == {body}
