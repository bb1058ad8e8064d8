"""Session 44 (issue #15): a first name the model typed as something else, and a club's nickname
before its player. Sentences and names are made up for these tests."""

from __future__ import annotations

import pytest

from lib.extract.actors.case import CaseStats
from lib.extract.actors.extract import _widened, load_registry, propagate_corpus
from lib.extract.actors.spans import DocContext
from lib.records import Actor, Document, Mention

REG = load_registry()
FULL = Actor("mirela-dunstan", "Mirela Dunstan", "person")


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, "", "", None, "unknown", "en", "", "", text, ())


def _contexts(texts: dict[str, str]) -> tuple[list[DocContext], CaseStats]:
    contexts = [DocContext(_doc(d, t), None, REG) for d, t in texts.items()]  # type: ignore[arg-type]
    case = CaseStats()
    for t in texts.values():
        case.add(t)
    return contexts, case


def _widened_in_b(second: str, tagged: str, own: Actor) -> list[tuple[str, str]]:
    """(surface, actor name) of report "b" after _widened, where the model tagged ``tagged`` alone
    there (given the actor ``own``) and a first report names Mirela Dunstan in full."""
    texts = {"a": "Mirela Dunstan, 10, was hurt in Lowtown.", "b": second}
    start = second.index(tagged)
    found = [
        (Mention("a", FULL.id, "Mirela Dunstan", 0, 14), FULL),
        (Mention("b", own.id, tagged, start, start + len(tagged)), own),
    ]
    contexts, case = _contexts(texts)
    return [(m.text, a.name) for m, a in _widened(contexts, found, set(), case) if m.doc_id == "b"]


@pytest.mark.parametrize(
    ("tagged", "own", "want"),
    [
        # the model typed the first name a place: it is still the start of her full name
        ("Mirela", Actor("mirela", "Mirela", "place"), "Mirela Dunstan"),
        # the report's own chain had already given the cut span her actor: the span is still cut
        ("Mirela", FULL, "Mirela Dunstan"),
        # a surname typed a place is left to the corpus step (its report's context)
        ("Dunstan", Actor("dunstan", "Dunstan", "place"), "Dunstan"),
    ],
)
def test_first_name_of_any_type_cut_from_a_full_name_is_widened(tagged: str, own: Actor, want: str) -> None:
    got = _widened_in_b("The shot struck Mirela Dunstan last May.", tagged, own)
    assert [surface for surface, _ in got] == [want]


def _propagated(second: str, person: str | None) -> list[str]:
    """The names propagated into ``second`` from a first report that names a club by its town and
    nickname and by its nickname alone, and a player in full; ``person`` is tagged in ``second``."""
    first = (
        "The Kemble Harriers beat the visitors. The Harriers and Ossian Tredway celebrated. "
        "The police said the crowd was calm. The Police Ball was cancelled. The trustees met. "
        "The Trustees' Fund paid."
    )
    texts = {"a": first, "b": second}
    club = Actor("kemble-harriers", "Kemble Harriers", "organization")
    who = Actor("ossian-tredway", "Ossian Tredway", "person")
    force = Actor("police", "Police", "organization")
    trust = Actor("trustees", "Trustees", "organization")
    found = [
        (Mention("a", club.id, "Kemble Harriers", 4, 19), club),
        (Mention("a", club.id, "Harriers", 43, 51), club),
        (Mention("a", who.id, "Ossian Tredway", 56, 70), who),
        (Mention("a", force.id, "Police", first.index("Police Ball"), first.index("Police Ball") + 6), force),
        (Mention("a", trust.id, "Trustees", first.index("Trustees'"), first.index("Trustees'") + 8), trust),
    ]
    if person is not None:
        start = second.index(person)
        own = Actor("p", person, "person")
        found.append((Mention("b", own.id, person, start, start + len(person)), own))
    contexts, case = _contexts(texts)
    return [m.text for m, _ in propagate_corpus(contexts, found, set(), case) if m.doc_id == "b"]


@pytest.mark.parametrize(
    ("second", "person", "want"),
    [
        # a club's nickname, then its player, in running text and in a headline
        ("On Monday, Harriers Ossian Tredway signed a new deal.", "Ossian Tredway", ["Harriers"]),
        ("Harriers Ossian Tredway signs new deal\nThe forward stays.", "Ossian Tredway", ["Harriers"]),
        # with the player's position between them
        ("On Monday, Harriers FB Ossian Tredway signed a new deal.", "Ossian Tredway", ["Harriers"]),
        # a plural the corpus writes in lower case, or a singular body's word, before the name
        ("On Monday, Trustees Ossian Tredway signed a new deal.", "Ossian Tredway", []),
        ("On Monday, Police Ossian Tredway signed a new deal.", "Ossian Tredway", []),
        # the nickname leads a longer name that is no person's
        ("On Monday, Harriers Supporters Club met.", None, []),
    ],
)
def test_club_nickname_before_its_player(second: str, person: str | None, want: list[str]) -> None:
    assert _propagated(second, person) == want


@pytest.mark.parametrize(
    ("text", "span", "want"),
    [
        ("The truck overturned on Interstate 61 near Lowtown.", "Interstate", "Interstate 61"),
        ("Traffic on State Route 118, officials said.", "State Route", "State Route 118"),
        ("It closed Hwy. 12B for a day.", "Hwy.", "Hwy. 12B"),
        # not a road's word, or not a road's number
        ("Lowtown 75 was the score.", "Lowtown", "Lowtown"),
        ("Route 1,200 cars a day.", "Route", "Route"),
    ],
)
def test_road_number(text: str, span: str, want: str) -> None:
    from lib.extract.actors.spans import _with_road_number

    start = text.index(span)
    assert text[start : _with_road_number(text, start, start + len(span))] == want


def test_numbered_roads_are_places_apart(nlp: object) -> None:
    """Two numbered roads are two places, each named with its number."""
    from tests.extract.test_actors import run

    text = (
        "A lorry overturned on Interstate 61 near Lowtown on Monday. "
        "Hours later a second crash closed Interstate 47 north of Brackwater."
    )
    actors, mentions = run(nlp, REG, text)
    roads = {m.text: actors[m.actor_id] for m in mentions if m.text.startswith("Interstate")}
    assert set(roads) == {"Interstate 61", "Interstate 47"}
    assert {a.type for a in roads.values()} == {"place"}
    assert len({a.id for a in roads.values()}) == 2
