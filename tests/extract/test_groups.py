"""Groups a statement can be about that the actor list does not hold (lib/extract/groups.py), and
their way out as name-only targets (lib/extract/targets.py). Sentences written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest

from lib.extract import groups, targets
from lib.records import Actor, Document, Mention, Quote, Target

ACTORS = {
    "ada-quell": Actor("ada-quell", "Ada Quell", "person"),
    "tomas-orrin": Actor("tomas-orrin", "Tomas Orrin", "person"),
    "lio-park": Actor("lio-park", "Lio Park", "person"),
    "quell-administration": Actor("quell-administration", "Quell Administration", "organization"),
}
NAMES = {"Ada Quell": "ada-quell", "Tomas Orrin": "tomas-orrin", "Lio Park": "lio-park"}


def _doc(text: str) -> Document:
    return Document("d1", "", "Ledger", "2023-05-02", "header", "en", "", "", text)


def _mentions(text: str, names: dict[str, str] | None = None) -> list[Mention]:
    return sorted(
        (
            Mention("d1", actor, m.group(0), m.start(), m.end())
            for name, actor in (names or NAMES).items()
            for m in re.finditer(rf"\b{name}\b", text)
        ),
        key=lambda m: m.start,
    )


def _found(
    text: str, president: str | None = None, names: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    found, kinds = groups.find(_doc(text), _mentions(text, names), ACTORS, president)
    assert set(kinds) == {m.actor_id for m in found}
    assert all(text[m.start : m.end] == m.text for m in found)  # provenance: the words as written
    return [(groups.name_of(m.actor_id), m.text) for m in found]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a party's members: bare, with a chamber, placed in a legislature, as an adjective
        ("Republicans walked out.", [("Republicans", "Republicans")]),
        # in a report about a legislature a party's members are its lawmakers; the White House is none
        ("Republicans walked out. The Senate adjourned.", [("Republican lawmakers", "Republicans")]),
        ("Republicans met at the White House.", [("Republicans", "Republicans")]),
        ("Senate Democrats objected.", [("Democratic lawmakers", "Senate Democrats")]),
        ("The Democrats on the committee balked.", [("Democratic lawmakers", "Democrats on the committee")]),
        ("GOP lawmakers met.", [("Republican lawmakers", "GOP lawmakers")]),
        ("Two Republican senators left.", [("Republican lawmakers", "Republican senators")]),
        ("Lawmakers passed it.", [("lawmakers", "Lawmakers")]),
        # ideological camps, any case, a modifier kept in the words but not in the name
        ("Fiscal conservatives balked.", [("conservatives", "Fiscal conservatives")]),
        ("Progressives cheered.", [("progressives", "Progressives")]),
        # the media as a collective, not a compound with "press"
        ("He blamed the mainstream media.", [("the media", "the mainstream media")]),
        ("She told the press it was false.", [("the media", "the press")]),
        ("The press secretary spoke at a press conference.", []),
        # lower-case party words are no party; a singular adjective alone is no group
        ("The democrats of the club voted.", []),
        ("A Republican plan failed.", []),
    ],
)
def test_groups_found(text: str, want: list[tuple[str, str]]) -> None:
    assert _found(text) == want


@pytest.mark.parametrize(
    ("text", "president", "want"),
    [
        # named by its head's surname: a person of the report
        (
            "Ada Quell spoke. The Quell administration acted.",
            None,
            [("Quell administration", "Quell administration")],
        ),
        # a possessive: the report's executive (the last person named before may be the speaker)
        (
            "President Tomas Orrin spoke. Lio Park said his administration would act.",
            "tomas-orrin",
            [("Orrin administration", "his administration")],
        ),
        ("Lio Park said his administration would act.", None, []),
        # "the administration": the last administration named before, else the president's
        (
            "Lio Park praised the Orrin administration. Tomas Orrin left. Later the administration fell.",
            None,
            [
                ("Orrin administration", "Orrin administration"),
                ("Orrin administration", "the administration"),
            ],
        ),
        (
            "President Ada Quell spoke. The administration said no.",
            "ada-quell",
            [("Quell administration", "The administration")],
        ),
        # no holder to name it by: left out (a wrong side is worse than none)
        ("The administration said no.", None, []),
        # a capitalised word that is no person of the report: an agency's name, not a group
        ("The Food Administration said no.", None, []),
    ],
)
def test_administrations(text: str, president: str | None, want: list[tuple[str, str]]) -> None:
    assert _found(text, president) == want


def test_a_group_an_actor_already_holds_is_left_to_it() -> None:
    text = "Ada Quell spoke. The Quell Administration acted."
    names = {**NAMES, "Quell Administration": "quell-administration"}
    assert _found(text, names=names) == []


def _quote(text: str, said: str, speaker: str) -> Quote:
    start = text.index(said)
    return Quote("d1", speaker, "", said, "direct", "said", start, start + len(said), 0.9)


@pytest.mark.parametrize(
    ("text", "said", "want"),
    [
        (  # a group named as the statement's subject, blamed
            'Lio Park spoke on Monday. "Republicans have been reckless with the budget," Lio Park said.',
            "Republicans have been reckless with the budget,",
            Target(None, "neg", "named", "Republicans"),
        ),
        (  # "they" read as the group named as subject shortly before
            'Senate Democrats blocked the bill on Tuesday. Lio Park said: "They have failed the farmers."',
            "They have failed the farmers.",
            Target(None, "neg", "pronoun", "Democratic lawmakers"),
        ),
    ],
)
def test_groups_become_name_only_targets(nlp: Any, text: str, said: str, want: Target) -> None:
    (quote,) = targets.with_targets(
        _doc(text), nlp(text), [_quote(text, said, "lio-park")], _mentions(text), ACTORS
    )
    assert want in quote.targets
    assert all((t.actor_id is None) == (t.name is not None) for t in quote.targets)


def test_a_statement_naming_no_group_gets_none(nlp: Any) -> None:
    text = 'Tomas Orrin closed the port. Lio Park said: "Tomas Orrin has been a disgrace."'
    (quote,) = targets.with_targets(
        _doc(text),
        nlp(text),
        [_quote(text, "Tomas Orrin has been a disgrace.", "lio-park")],
        _mentions(text),
        ACTORS,
    )
    assert quote.targets and all(t.name is None and t.actor_id for t in quote.targets)


def test_target_key() -> None:
    assert Target("ada-quell", None).key == "ada-quell"
    assert Target(None, "neg", "named", "the media").key == groups.key("the media")


def _speaking(text: str, said: str, speaker: str) -> Quote:
    start, at = text.index(said), text.index(speaker)
    return Quote(
        "d1", None, speaker, said, "indirect", "said", start, start + len(said), 0.7,
        speaker_start=at, speaker_end=at + len(speaker),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "said", "speaker", "about_itself"),
    [
        # the group speaking: its "they" is itself (reported speech), not a target
        (
            "Senate Democrats said they would wait for the audit.",
            "they would wait for the audit",
            "Senate Democrats",
            True,
        ),
        # another group speaking of it: a target
        (
            "Senate Democrats blocked the bill. Republicans said they had failed the farmers.",
            "they had failed the farmers",
            "Republicans",
            False,
        ),
    ],
)
def test_a_group_is_not_the_target_of_its_own_statement(
    nlp: Any, text: str, said: str, speaker: str, about_itself: bool
) -> None:
    (quote,) = targets.with_targets(
        _doc(text), nlp(text), [_speaking(text, said, speaker)], _mentions(text), ACTORS
    )
    names = {t.name for t in quote.targets}
    assert ("Democratic lawmakers" in names) is not about_itself
    if about_itself:
        assert not any(t.name == "Democratic lawmakers" for t in quote.targets)


def test_a_possessive_of_a_group_is_read_with_the_group(nlp: Any) -> None:
    text = (
        "Ada Quell was elected. Gov. Tomas Orrin took office in May. "
        'Lio Park said: "His administration has failed the town."'
    )
    said = "His administration has failed the town."
    (quote,) = targets.with_targets(
        _doc(text), nlp(text), [_quote(text, said, "lio-park")], _mentions(text), ACTORS
    )
    assert Target(None, "neg", "named", "Orrin administration") in quote.targets
    assert all(t.basis != "pronoun" for t in quote.targets)  # "His" is no separate pronoun evidence


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("Several LAWMAKERS walked out of the hearing.", True),
        ("The members  of\nCongress voted late.", True),  # a listed space is any whitespace
        ("Two ſenators objected.", True),  # a letter a case-blind pattern takes for "s"
        ("The council met on Tuesday and adjourned.", False),
    ],
)
def test_legislators_searched_where_they_may_be(text: str, holds: bool) -> None:
    """The case-blind prefilter lets through every text the pattern can match in."""
    words = groups._lexicon_words("legislators")
    assert groups._may_hold(text, words, blind=True) is holds
    assert holds or groups.load_patterns().legislators.search(text) is None
    if holds:
        assert groups.load_patterns().legislators.search(text) is not None


def test_parties_searched_as_written() -> None:
    """The party pattern is case-sensitive: a text without a party's name as written is not searched."""
    parties = tuple(groups.load_patterns().parties)
    assert not groups._may_hold("the tories and the democrats of the club", parties, blind=False)
    assert groups.load_patterns().party.search("the tories and the democrats of the club") is None
    assert groups._may_hold("House Democrats met.", parties, blind=False)
