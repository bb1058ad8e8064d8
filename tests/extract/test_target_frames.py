"""A statement's targets read from the reporter's clause around it, from how a report names a
person's gender, and a protagonist left unjudged when the statement judges someone it names
(lib/extract/targets.py). Sentences and names are made up."""

from __future__ import annotations

import re
from typing import Any

import pytest

from lib.extract import targets
from lib.records import Actor, Document, Mention, Quote

PEOPLE = ("Ada Quell", "Tomas Orrin", "Lio Park", "Walter Dunmore", "Margaret Holt")
BODIES = ("Harbour Board", "Gazette", "Twitter", "Brill")
ACTORS = {
    **{n.lower().replace(" ", "-"): Actor(n.lower().replace(" ", "-"), n, "person") for n in PEOPLE},
    **{n.lower().replace(" ", "-"): Actor(n.lower().replace(" ", "-"), n, "organization") for n in BODIES},
}


def _id(name: str) -> str:
    return name.lower().replace(" ", "-")


def _mentions(text: str) -> list[Mention]:
    """Every full name, and a surname alone, as a mention of its actor."""
    found: list[Mention] = []
    for name in (*PEOPLE, *BODIES):
        for pattern in dict.fromkeys((name, name.split()[-1])):  # the full name first
            for m in re.finditer(rf"\b{pattern}\b", text):
                if not any(f.start <= m.start() < f.end for f in found):
                    found.append(Mention("d1", _id(name), m.group(0), m.start(), m.end()))
    return sorted(found, key=lambda m: m.start)


def _doc(text: str) -> Document:
    return Document("d1", "", "Ledger", "2023-05-02", "header", "en", "", "", text)


def _quote(text: str, said: str, speaker: str = "Ada Quell", cue: str = "said") -> Quote:
    start = text.rindex(said)
    at = text.index(speaker)
    return Quote(
        "d1", _id(speaker), speaker, said, "direct", cue, start, start + len(said), 0.9, at, at + len(speaker)
    )


def _targeted(
    nlp: Any, text: str, said: str, speaker: str = "Ada Quell", doc: Document | None = None
) -> Quote:
    """The one statement ``said`` of ``speaker`` in ``text``, with its targets."""
    (quote,) = targets.with_targets(
        doc or _doc(text), nlp(text), [_quote(text, said, speaker)], _mentions(text), ACTORS
    )
    return quote


@pytest.mark.parametrize(
    ("text", "said", "want"),
    [
        # the subject of the clause a partial quote completes
        (
            'Ada Quell said on Monday that Orrin is "the least honest man in the county."',
            '"the least',
            {"tomas-orrin"},
        ),
        # the object of the reporting verb, the quote in apposition to it
        (
            'Ada Quell called Orrin "a disgrace to the office."',
            '"a disgrace to the office."',
            {"tomas-orrin"},
        ),
        ('Ada Quell accused Orrin of "betraying the voters."', '"betraying the voters."', {"tomas-orrin"}),
        ('Ada Quell urged Orrin to "step aside now."', '"step aside now."', {"tomas-orrin"}),
        ('Ada Quell said of Orrin: "He is a fine man."', '"He is a fine man."', {"tomas-orrin"}),
        ('Ada Quell praised the Harbour Board for its "steady hand."', '"steady hand."', {"harbour-board"}),
        # the subject of a quoted predicate
        (
            'Ada Quell told the Gazette that the Harbour Board "has lost its way."',
            '"has lost its way."',
            {"harbour-board"},
        ),
        # not the one spoken to, nor the place it was said, nor a name in an adjunct
        ('"He has failed us," Ada Quell told the Gazette.', '"He has failed us,"', set()),
        ('Ada Quell said on Twitter that "the vote was rigged."', '"the vote was rigged."', set()),
        ('"We will win," Ada Quell said after meeting Orrin in Brill.', '"We will win,"', set()),
        # the speaker is never the frame's argument
        ('Ada Quell insisted that "nothing was hidden."', '"nothing was hidden."', set()),
    ],
)
def test_frame_actors(nlp: Any, text: str, said: str, want: set[str]) -> None:
    start = text.index(said)
    end = start + len(said) if said.endswith('"') else text.index('"', start + 1) + 1
    at = text.index("Ada Quell")
    quote = Quote(
        "d1", "ada-quell", "Ada Quell", text[start:end], "direct", "said", start, end, 0.9, at, at + 9
    )
    assert targets.frame_actors(quote, nlp(text), _mentions(text), {"ada-quell"}) == want


def test_a_framed_actor_is_the_target(nlp: Any) -> None:
    text = (
        "Lio Park opened the fair. Lio Park spoke. Lio Park left early. "
        'Ada Quell said that Orrin is "the least honest man in the county."'
    )
    said = '"the least honest man in the county."'
    quote = _targeted(nlp, text, said)
    first = quote.targets[0]
    assert (first.actor_id, first.polarity, first.basis) == ("tomas-orrin", "neg", "context")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ms. Quell spoke. Tomas Orrin left.", {"ada-quell": "f"}),  # an honorific; an unknown name
        ("Walter Dunmore met Margaret Holt.", {"walter-dunmore": "m", "margaret-holt": "f"}),  # first names
        ("Mr. Quell spoke. Ms. Quell answered.", {}),  # both honorifics for one person: unknown
        ("Dunmore spoke.", {}),  # a surname alone names no first name
    ],
)
def test_named_genders(nlp: Any, text: str, want: dict[str, str]) -> None:
    mentions = [m for m in _mentions(text) if ACTORS[m.actor_id].type == "person"]
    if text.startswith("Dunmore"):
        mentions = [Mention("d1", "x", "Dunmore", 0, 7)]
        assert targets.named_genders(nlp(text), mentions, {"x": Actor("x", "Dunmore", "person")}) == want
        return
    assert targets.named_genders(nlp(text), mentions, ACTORS) == want


def test_she_is_the_woman_the_report_names_as_one(nlp: Any) -> None:
    """A person whose gender the report shows to agree outranks one it does not show, though that
    one was named last."""
    text = 'Ms. Quell spoke first. Lio Park answered. Walter Dunmore said: "She has failed the town."'
    quote = _targeted(nlp, text, "She has failed the town.", "Walter Dunmore")
    pronouns = [(t.actor_id, t.polarity) for t in quote.targets if t.basis == "pronoun"]
    assert pronouns == [("ada-quell", "neg")]


@pytest.mark.parametrize(
    ("said", "want"),
    [
        # the blame is of the body the statement names: the unnamed protagonist is left unjudged
        ("Everyone now blames the Harbour Board.", None),
        # naming no one, the judgement is the protagonist's
        ("This has been a disgrace.", "neg"),
    ],
)
def test_an_unnamed_protagonist_is_not_judged_for_another(nlp: Any, said: str, want: str | None) -> None:
    text = (
        "Tomas Orrin closed the port. "
        f'Orrin said it was needed. Orrin left. Orrin spoke. Lio Park said: "{said}"'
    )
    doc = Document("d1", "Orrin closes the port", "Ledger", "2023-05-02", "header", "en", "", "", text)
    quote = _targeted(nlp, text, said, "Lio Park", doc)
    judged = {t.actor_id: (t.polarity, t.basis) for t in quote.targets}
    assert judged["tomas-orrin"] == (want, "topic")


@pytest.mark.parametrize(
    ("said", "want"),
    [
        ("Why won't he publish the report?", "neg"),  # a negative why-question: a reproach
        ("Why would he not meet the fishermen?", "neg"),
        ("Why did he publish the report?", None),  # a plain question judges nothing
        ("He will not publish the report.", None),  # a negation without the question
    ],
)
def test_a_negative_why_question_reproaches(nlp: Any, said: str, want: str | None) -> None:
    text = f'Tomas Orrin closed the port on Monday. Lio Park said: "{said}"'
    quote = _targeted(nlp, text, said, "Lio Park")
    (target,) = [t for t in quote.targets if t.actor_id == "tomas-orrin"]
    assert (target.polarity, target.basis) == (want, "pronoun")


@pytest.mark.parametrize(
    ("said", "want"),
    [
        ("Orrin must resign.", "neg"),  # the subject of the modal is demanded of
        ("Orrin needs to testify before the council.", "neg"),
        ("We urge Orrin to testify.", "neg"),  # the one appealed to
        ("Orrin gave advice the board needs to hear.", None),  # the demand is of the board
        ("Orrin said the board has to testify.", None),
    ],
)
def test_a_demand_is_of_its_addressee(nlp: Any, said: str, want: str | None) -> None:
    text = f'Lio Park spoke on Monday. Lio Park said: "{said}"'
    quote = _targeted(nlp, text, said, "Lio Park")
    (target,) = [t for t in quote.targets if t.actor_id == "tomas-orrin"]
    assert (target.polarity, target.basis) == (want, "named")


@pytest.mark.parametrize(
    ("text", "said", "want"),
    [
        # the reporter's verb takes a side on its object, whatever the quoted words say
        (
            'Ada Quell defended Lio Park, saying "the charges are baseless."',
            '"the charges are baseless."',
            "pos",
        ),
        ('Ada Quell accused Lio Park of "lying to the town."', '"lying to the town."', "neg"),
        ('Ada Quell praised Lio Park for his "steady hand."', '"steady hand."', "pos"),
        ('Ada Quell warned against Lio Park, calling the plan "a gamble."', '"a gamble."', "neg"),
        # a neutral verb leaves it to the quoted words
        ('Ada Quell called Lio Park "a reckless mayor."', '"a reckless mayor."', "neg"),
        ('Ada Quell called Lio Park "a fine mayor."', '"a fine mayor."', "pos"),
    ],
)
def test_the_reporters_verb_takes_a_side(nlp: Any, text: str, said: str, want: str) -> None:
    quote = _targeted(nlp, text, said)
    (target,) = [t for t in quote.targets if t.actor_id == "lio-park"]
    assert (target.polarity, target.basis) == (want, "context")


@pytest.mark.parametrize(
    ("said", "role"),
    [
        ("We urged Orrin to resign.", 0),  # the object controls the infinitive: its subject
        ("They forced Orrin to quit the board.", 0),
        ("We met Orrin on Monday.", 1),  # a plain object
    ],
)
def test_an_object_that_controls_an_infinitive_is_its_subject(nlp: Any, said: str, role: int) -> None:
    text = f'Lio Park spoke on Monday. Lio Park said: "{said}"'
    sdoc = nlp(text)
    (orrin,) = [m for m in _mentions(text) if m.actor_id == "tomas-orrin"]
    assert targets._role_rank(sdoc, orrin) == role
