"""Session 42 (issue #15): where a name ends (an outlet's capitalised first word and channel
number, a venue after "at") and a headline's common words that are no name. Made-up names."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.actors.case import CaseStats
from lib.records import Actor, Mention
from lib.text.aliases import slug
from tests.extract.test_actors import make_doc, run


@pytest.fixture(scope="module")
def registry() -> Any:
    from lib.extract.actors.extract import load_registry

    return load_registry()


def _named(nlp: Any, registry: Any, *texts: str) -> set[tuple[str, str, str]]:
    actors, mentions = run(nlp, registry, *texts)
    return {(m.text, actors[m.actor_id].name, actors[m.actor_id].type) for m in mentions}


def test_capitalised_function_word_mid_sentence_is_the_outlets(nlp: Any, registry: Any) -> None:
    """A function word is capitalised for its place only at a sentence's start: "spoke to NINE
    Herald" names the outlet "NINE Herald"; "As Lowtown Post reported" still starts at its name."""
    from lib.extract.actors.spans import DocContext, _without_frame_words

    text = "A witness spoke to NINE Herald about the crash. As Lowtown Post reported, talks failed."
    ctx = DocContext(make_doc(text, "d0"), nlp(text), registry)
    at = text.index("NINE")
    start, end = _without_frame_words(ctx, at, at + len("NINE Herald"))
    assert text[start:end] == "NINE Herald"
    at = text.index("As Lowtown")
    start, end = _without_frame_words(ctx, at, at + len("As Lowtown Post"))
    assert text[start:end] == "Lowtown Post"
    text = "He called the plan “critical.”\n\nAs Lowtown Post reported, talks failed."
    ctx = DocContext(make_doc(text, "d1"), nlp(text), registry)
    at = text.index("As Lowtown")
    start, end = _without_frame_words(ctx, at, at + len("As Lowtown Post"))
    assert text[start:end] == "Lowtown Post"  # a paragraph's first word after a closing quotation mark
    found = _named(
        nlp, registry, "Ilse Varga spoke to NINE Lowtown News about the crash. She said the road was closed."
    )
    assert ("NINE Lowtown News", "NINE Lowtown News", "organization") in found, found


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "The driver fled, according to a report from KRVX-TV Channel 7. Police were called.",
            "KRVX-TV Channel 7",
        ),
        (
            "The driver fled, according to a report from KRVX-TV Channel 7, and later turned himself in.",
            "KRVX-TV Channel 7",
        ),
    ],
)
def test_broadcaster_named_by_its_channel_number(nlp: Any, registry: Any, text: str, outlet: str) -> None:
    found = _named(nlp, registry, text)
    assert (outlet, outlet, "organization") in found, found


def test_channel_number_is_no_decimal(nlp: Any, registry: Any) -> None:
    """A number that goes on ("Channel 7.5", "Channel 7,000") is not the channel's own."""
    from lib.extract.actors.spans import _CHANNEL_NUMBER

    assert _CHANNEL_NUMBER.match(" 7. Police", 0) is not None
    assert _CHANNEL_NUMBER.match(" 7.5 million", 0) is None
    assert _CHANNEL_NUMBER.match(" 7,000 viewers", 0) is None


def _ner_with(nlp: Any, registry: Any, text: str, surface: str, label: str) -> list[str]:
    """The candidate names ``spans._ner`` makes of a model entity over ``surface``."""
    from lib.extract.actors.spans import DocContext, _ner

    sdoc = nlp(text)
    start = text.index(surface)
    sdoc.ents = [sdoc.char_span(start, start + len(surface), label=label)]
    ctx = DocContext(make_doc(text, "d0"), sdoc, registry)
    return [text[c.start : c.end] for c in _ner(ctx)]


@pytest.mark.parametrize(
    ("text", "surface", "want"),
    [
        # a club run across "at" into the stadium it played at: two names
        (
            "He threw three touchdowns in the win over the Kestrels at Brackwater Municipal Stadium.",
            "Kestrels at Brackwater Municipal Stadium",
            ["Brackwater Municipal Stadium", "Kestrels"],
        ),
        (
            "Tickets sold out for Velvet Moths at Lowtown Memorial Arena within minutes.",
            "Velvet Moths at Lowtown Memorial Arena",
            ["Lowtown Memorial Arena", "Velvet Moths"],
        ),
        # a campus after "at" is part of a university's name: no venue's word
        (
            "She studied at the University of Freedonia at Lowtown for four years.",
            "University of Freedonia at Lowtown",
            ["University of Freedonia at Lowtown"],
        ),
    ],
)
def test_name_ends_before_at_and_a_venue(
    nlp: Any, registry: Any, text: str, surface: str, want: list[str]
) -> None:
    label = "ORG" if surface.startswith("University") else "FAC"
    assert _ner_with(nlp, registry, text, surface, label) == want


def _headline_words(surface: str, line: str, running: str, kind: str = "person") -> bool:
    from lib.extract.actors.extract import _headline_words, load_registry

    text = f"{line}\n{running}"
    stats = CaseStats()
    stats.add(text)
    actor = Actor(slug(surface), surface, kind)
    start = text.index(surface)
    mention = Mention("d0", actor.id, surface, start, start + len(surface))
    return _headline_words(mention, actor, load_registry(), stats, {"d0": text})


@pytest.mark.parametrize(
    ("surface", "line", "running", "dropped"),
    [
        # every word written small in the running text, the name nowhere written capitalised
        (
            "Bold Vault Robbery",
            "Bold Vault Robbery In Lowtown Leaves Police Baffled",
            "Thieves made a bold raid on a bank vault. Police called the robbery bold.",
            True,
        ),
        # two common words and one the corpus never writes where case tells
        (
            "Jailed Forger Quibbleton",
            "Jailed Forger Quibbleton On The Run",
            "The jailed forger escaped on Monday. He was jailed in May; the forger fled.",
            True,
        ),
        # a body of common words that the running text writes capitalised: a name
        (
            "Green Party",
            "Green Party Wins Seat In Lowtown",
            "The Green Party won the seat. A green light was given to the party's plan.",
            False,
        ),
        # one common word and one never seen: a name the running text does not repeat
        (
            "Zorvex Bank",
            "Zorvex Bank Fails After Run",
            "Depositors queued for hours at the bank on Monday.",
            False,
        ),
        # a news desk's sign-off line is capitalised too: a body's head noun keeps the name
        (
            "Harbour Freight Newsroom",
            "-- Harbour Freight Newsroom Tel +44 20 5550 0101",
            "The harbour freight rose again. The newsroom said so.",
            False,
        ),
        # a common-word name outside a headline is _common_words' to judge, not this rule's
        (
            "Bold Vault Robbery",
            "Police say the Bold Vault Robbery gang struck again at noon today in town",
            "Thieves made a bold raid on a bank vault. Police called the robbery bold.",
            False,
        ),
    ],
)
def test_headline_common_words_are_no_name(surface: str, line: str, running: str, dropped: bool) -> None:
    assert _headline_words(surface, line, running) is dropped


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a city's transport network named "<Town> <Adjective> <Plural>" is no club: the report writes
        # of the town's mayor and population, so the bare town is the town
        (
            "The mayor of Lowtown reported on the city's hospitals. Over ten years Lowtown's population "
            "grew by a million people. The money will buy new trains for the Lowtown Central Loops. "
            "Apart from the Lowtown Central Loops that we have launched, we are building roads. "
            "Lowtown's infrastructure is ready.",
            "place",
        ),
        # a sports report: the bare town is its club
        (
            "The Lowtown Herons beat the Kemble Kestrels 3-1 on Saturday. The Herons scored twice before "
            "the break. Lowtown's keeper saved a penalty and Lowtown held on.",
            "organization",
        ),
    ],
)
def test_town_written_as_a_municipality_is_no_club(nlp: Any, registry: Any, text: str, kind: str) -> None:
    actors, mentions = run(nlp, registry, text)
    bare = [m for m in mentions if m.text == "Lowtown"]
    assert bare, mentions
    assert {actors[m.actor_id].type for m in bare} == {kind}, [(m.text, actors[m.actor_id]) for m in bare]


@pytest.mark.parametrize(
    "surface",
    [
        "Bold Vault Robbery",
        "Yildiz Kent",
        "Kestrel Works",
        "Bay Isle",
        "Coeur-de-Lion Club",
        "Ünal Beck",
        "A B",
    ],
)
def test_name_search_answers_as_a_scan_of_every_text(surface: str) -> None:
    """NameSearch searches only the texts holding the surface's longest word, lower-cased: its
    answer is the full scan's, also where a letter outside ASCII matches an ASCII one under
    re.IGNORECASE (dotless and dotted i, long s, the Kelvin sign)."""
    from lib.extract.actors.extract import NameSearch, _written_as_name

    texts = [
        "BOLD VAULT ROBBERY\nThieves made a bold raid on a vault.",
        "The mayor met with Yıldız Kent on Monday morning in the town hall.",
        "Workers at \u212aestrel Works walked out after talks about wages failed.",
        "Ferries bound for Bay Iſle stopped running when the storm arrived.",
        "The Coeur-de-Lion Club met on Sunday, and later Ünal Beck spoke there.",
        "He met A B there when the meeting was over and the hall was empty.",
        "Nothing here names anyone at all, whatever the headline wrote above.",
    ]
    search = NameSearch(texts)
    if surface != "Bold Vault Robbery":
        assert search.writes_as_name(surface)  # each written as a name in one running line
    for subset in (texts, texts[:1], texts[1:], texts[-1:]):
        assert NameSearch(subset).writes_as_name(surface) is _written_as_name(surface, subset)
    assert search.writes_as_name(surface) is search.writes_as_name(surface)  # answered once, kept
