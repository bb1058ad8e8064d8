"""Session 41 (issue #15): a possessive before a person's name ends a name. Made-up names throughout."""

from __future__ import annotations

import pytest

from lib.extract.actors.case import CaseStats
from lib.extract.actors.extract import load_registry, propagate_corpus
from lib.extract.actors.spans import DocContext
from lib.records import Actor, Document, Mention

REG = load_registry()


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, "", "", None, "unknown", "en", "", "", text, ())


def _names_in_b(texts: dict[str, str], found: list[tuple[Mention, Actor]]) -> list[str]:
    """The names ``propagate_corpus`` finds in report "b" of ``texts``, given the names ``found``."""
    contexts = [DocContext(_doc(d, t), None, REG) for d, t in texts.items()]  # type: ignore[arg-type]
    case = CaseStats()
    for t in texts.values():
        case.add(t)
    return [m.text for m, _ in propagate_corpus(contexts, found, set(), case) if m.doc_id == "b"]


def _propagated(second: str, person: str | None) -> list[str]:
    """The names propagated into ``second`` from a first report that names a club and a town,
    with ``person`` tagged a person in ``second`` where given."""
    texts = {
        "a": "The Lowtown Herons beat the visitors. Kemble Harriers lost again in Brackwater.",
        "b": second,
    }
    club = Actor("kemble-harriers", "Kemble Harriers", "organization")
    town = Actor("brackwater", "Brackwater", "place")
    found = [
        (Mention("a", club.id, "Kemble Harriers", 38, 53), club),
        (Mention("a", town.id, "Brackwater", 69, 79), town),
    ]
    if person is not None:
        start = second.index(person)
        who = Actor("p", person, "person")
        found.append((Mention("b", who.id, person, start, start + len(person)), who))
    return _names_in_b(texts, found)


@pytest.mark.parametrize(
    ("second", "person", "want"),
    [
        # a club's name in the possessive, then its player: the club is named
        ("Kemble Harriers' Ossian Tredway was sent off.", "Ossian Tredway", ["Kemble Harriers"]),
        ("KEMBLE HARRIERS' TREDWAY SENT OFF", "TREDWAY", ["KEMBLE HARRIERS"]),
        # a town's s-genitive before its mayor
        ("Fans say Brackwater's Ilse Varga will stand again.", "Ilse Varga", ["Brackwater"]),
        # no person after the possessive: the run is one longer name, not the club
        ("Kemble Harriers' Supporters Trust met on Monday.", None, []),
        ("Brackwater's Old Mill Museum reopened.", None, []),
        # a closing quotation mark after a nickname inside a full name is no possessive
        ("Ossian 'Brackwater' Tredway scored.", "Tredway", []),
    ],
)
def test_possessive_before_a_person_ends_a_name(second: str, person: str | None, want: list[str]) -> None:
    assert _propagated(second, person) == want


def _credited(text: str, names: list[tuple[str, str]]) -> dict[str, str]:
    """Each mention's surface -> its actor's name after _with_credentials."""
    from lib.extract.actors.extract import _with_credentials

    found = []
    at = 0
    for surface, kind in names:
        start = text.index(surface, at)
        at = start + len(surface)
        actor = Actor(surface.lower().replace(" ", "-"), surface, kind)
        found.append((Mention("d", actor.id, surface, start, at), actor))
    return {m.text: a.name for m, a in _with_credentials(found, REG, {"d": text})}


@pytest.mark.parametrize(
    ("text", "names", "want"),
    [
        # a headline's full name and its credential, the credential typed a state elsewhere
        (
            "Council Names Ines Albarran, MD to Lead Clinic",
            [("Ines Albarran", "person"), ("MD", "place")],
            {"Ines Albarran": "Ines Albarran", "MD": "Ines Albarran"},
        ),
        # two credentials after one name
        (
            "Ines Albarran, MD, MPH, will lead it.",
            [("Ines Albarran", "person"), ("MD", "place"), ("MPH", "organization")],
            {"Ines Albarran": "Ines Albarran", "MD": "Ines Albarran", "MPH": "Ines Albarran"},
        ),
        # a town and its state: no person's name before the comma
        ("The clinic in Laurel, MD opened.", [("Laurel", "place"), ("MD", "place")], {"MD": "MD"}),
        # no comma: a list, not a credential
        ("Ines Albarran and MD officials met.", [("Ines Albarran", "person"), ("MD", "place")], {"MD": "MD"}),
    ],
)
def test_credential_after_a_full_name_is_the_person(
    text: str, names: list[tuple[str, str]], want: dict[str, str]
) -> None:
    got = _credited(text, names)
    assert {k: got[k] for k in want} == want


def _widened_names(second: str, tagged: str, kind: str = "person") -> list[tuple[str, str]]:
    """(surface, actor name) of the mentions of ``second`` after _widened, where the model tagged
    ``tagged`` alone there and a first report names Mirela Dunstan in full."""
    from lib.extract.actors.extract import _widened

    texts = {"a": "Mirela Dunstan, 10, was hurt in Lowtown.", "b": second}
    full = Actor("mirela-dunstan", "Mirela Dunstan", "person")
    start = second.index(tagged)
    own = Actor(tagged.lower(), tagged, kind)
    found = [
        (Mention("a", full.id, "Mirela Dunstan", 0, 14), full),
        (Mention("b", own.id, tagged, start, start + len(tagged)), own),
    ]
    contexts = [DocContext(_doc(d, t), None, REG) for d, t in texts.items()]  # type: ignore[arg-type]
    case = CaseStats()
    for t in texts.values():
        case.add(t)
    return [(m.text, a.name) for m, a in _widened(contexts, found, set(), case) if m.doc_id == "b"]


@pytest.mark.parametrize(
    ("second", "tagged", "want"),
    [
        # the model tagged the first name alone: the full name written there is the mention
        ("The shot struck Mirela Dunstan last May.", "Mirela", [("Mirela Dunstan", "Mirela Dunstan")]),
        # the surname tagged alone is left to the corpus step (its report's context)
        ("The shot struck Mirela Dunstan last May.", "Dunstan", [("Dunstan", "Dunstan")]),
        # the first name alone in the text: nothing to widen
        ("Mirela was hurt.", "Mirela", [("Mirela", "Mirela")]),
    ],
)
def test_first_name_cut_from_a_full_name_is_widened(
    second: str, tagged: str, want: list[tuple[str, str]]
) -> None:
    assert _widened_names(second, tagged) == want


def _propagated_person(
    second: str, first: str = "Ossian Tredway scored twice. The skipper and the quarterback said so."
) -> list[str]:
    """The names propagated into ``second`` where a first report names Ossian Tredway in full."""
    texts = {"a": first, "b": second}
    who = Actor("ossian-tredway", "Ossian Tredway", "person")
    found = [(Mention("a", who.id, "Ossian Tredway", 0, 14), who)]
    return _names_in_b(texts, found)


@pytest.mark.parametrize(
    ("second", "want"),
    [
        # a capitalised descriptor before the full name: the name is found
        ("Then Quarterback Ossian Tredway threw long.", ["Ossian Tredway"]),
        ("The visitors' Skipper Ossian Tredway said little.", ["Ossian Tredway"]),
        ("Lowtown Herons GM Ossian Tredway said little.", ["Ossian Tredway"]),
        # a body's or a name's word before: the run is another name, or the model's to read
        ("Lowtown Herons Ossian Tredway said little.", []),
        # a longer name, a body named after him, a place: not his name
        ("Then Anna Ossian Tredway spoke.", []),
        ("Fans gathered at Fort Ossian Tredway.", []),
        ("The members of the Friends of Ossian Tredway met on a wet evening.", []),
    ],
)
def test_full_name_after_a_capitalised_descriptor(second: str, want: list[str]) -> None:
    assert _propagated_person(second) == want


@pytest.mark.parametrize(
    ("second", "want"),
    [
        # a headline runs the name into a verb the running text never writes capitalised
        ("Result: Ossian Tredway Canters Home\nThe match ended early.", ["Ossian Tredway"]),
        # the word after is a name word the running text capitalises: no name found in the run
        ("Result: Ossian Tredway Stadium Opens\nThe match ended early.", []),
    ],
)
def test_name_before_headline_words_is_propagated(second: str, want: list[str]) -> None:
    first = "Ossian Tredway scored twice. The Tredway Stadium was full."
    assert _propagated_person(second, first) == want
