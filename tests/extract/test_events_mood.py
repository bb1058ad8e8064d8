"""What the Timeline counts as a happening (session 36): mood, modality and talk.

Every sentence here is written for the test. A date dates a happening only in a clause asserted as
having taken place; a plan, a wish or a modal clause keeps its sentence (when a known speaker or
actor announced it) as a statement on or before the report's date; a speaker's present, thanks and
greetings are talk, not happenings. lib/extract/events/mood.py says why.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.events.mood import after_report, irrealis, is_talk, main_verbs
from lib.records import Document, Quote
from tests.extract.test_event_reading import REPORT, _doc, _events
from tests.extract.test_events import _date, _mention


def _turn(doc: Document, speaker: str, words: str) -> Quote:
    """A transcript's turn ("Name: words"): the speaker's own words, a quotation by a colon."""
    start = doc.text.index(words)
    return Quote(doc.id, speaker, speaker, words, "indirect", ":", start, start + len(words), 0.9)


HOLT = "Mara Holt"


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        ("The council voted on the harbour budget on March 9.", "March 9", "2022-03-09", "day"),
        (
            "The senator refused to step down on March 9.",
            "March 9",
            "2022-03-09",
            "day",
        ),  # refusing is an act
        ("The firm managed to repay its harbour loans in 2019.", "2019", "2019", "year"),  # it did repay
        ("The council's decision on March 7 closed the harbour.", "March 7", "2022-03-07", "day"),
        (
            "The senator said the vote would not change the 1994 ban.",
            "1994",
            "1994",
            "year",
        ),  # the noun's year
        # a past adverbial clause keeps its own mood under a modal
        ("Having lost the race in 2019, the senator would not run again.", "2019", "2019", "year"),
        # a live blog's later entry: told as past, it happened, whatever the report's first date
        ("On March 12, troops shelled the harbour.", "March 12", "2022-03-12", "day"),
        (
            "Three weeks later, the senator was back on the harbour board.",
            "Three weeks later",
            "2022-W13",
            "week",
        ),
    ],
)
def test_a_date_of_a_clause_that_took_place_dates_its_event(
    nlp: Any, text: str, surface: str, value: str, precision: Any
) -> None:
    doc = _doc(text)
    mentions = [_mention(doc, w, w.lower()) for w in ("council", "senator", "firm", "troops") if w in text]
    events = _events(nlp, doc, [_date(doc, surface, value, precision)], mentions)
    assert [(e.date, e.precision) for e in events] == [(value, precision)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        # a wish, an intention, an invitation: the meeting has not happened
        (f"{HOLT} said she hoped to meet the envoy again in March.", "March", "2022-03", "month"),
        (f"{HOLT} invited the envoy to visit the harbour in March.", "March", "2022-03", "month"),
        (f"{HOLT} said the two sides agreed to meet again in 2022.", "2022", "2022", "year"),
        # a modal: what may come
        (
            f"{HOLT} said the council could vote on the budget as soon as March 9.",
            "March 9",
            "2022-03-09",
            "day",
        ),
        # an adverbial clause not in the past shares the mood of its clause
        (f"{HOLT} said that, starting in March, pupils will get free meals.", "March", "2022-03", "month"),
        # a condition is not asserted either
        (f"{HOLT} said the port reopens if the council votes on March 9.", "March 9", "2022-03-09", "day"),
        # a schedule: a participle of planning, a future after the report's own date
        (f"{HOLT} described the steps planned for March.", "March", "2022-03", "month"),
        (f"{HOLT} said the ministers will meet on March 12.", "March 12", "2022-03-12", "day"),
        (f"{HOLT} spoke before the March 14 vote on the harbour.", "March 14", "2022-03-14", "day"),
    ],
)
def test_a_plan_announced_by_a_known_actor_is_a_statement_of_the_report(
    nlp: Any, text: str, surface: str, value: str, precision: Any
) -> None:
    doc = _doc(text)
    events = _events(nlp, doc, [_date(doc, surface, value, precision)], [_mention(doc, HOLT, "mara-holt")])
    assert [(e.date, e.precision, e.summary) for e in events] == [(REPORT, "on_or_before", text)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        ("The ministers will meet in the capital on March 12.", "March 12", "2022-03-12", "day"),
        ("The harbour is expected to reopen in March.", "March", "2022-03", "month"),
        (f"{HOLT} hopes to visit the harbour in March.", "March", "2022-03", "month"),  # a state of mind
        ("The plan to close the harbour on March 9 divided the council.", "March 9", "2022-03-09", "day"),
    ],
)
def test_a_plan_nobody_is_known_to_have_made_is_no_event(
    nlp: Any, text: str, surface: str, value: str, precision: Any
) -> None:
    doc = _doc(text)
    mentions = [_mention(doc, HOLT, "mara-holt")] if HOLT in text else []
    assert _events(nlp, doc, [_date(doc, surface, value, precision)], mentions) == []


def test_thanks_in_a_turn_is_talk_and_the_turns_happening_is_the_event(nlp: Any) -> None:
    doc = _doc(f"{HOLT}: Thank you, colleagues. We signed the harbour treaty yesterday.")
    turn = _turn(doc, "mara-holt", "Thank you, colleagues. We signed the harbour treaty yesterday.")
    events = _events(
        nlp, doc, [_date(doc, "yesterday", "2022-03-09")], [_mention(doc, HOLT, "mara-holt")], [turn]
    )
    assert [(e.date, e.summary) for e in events] == [
        ("2022-03-09", "We signed the harbour treaty yesterday.")
    ]


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        ("We closed the border crossings.", True),  # the past: a happening
        ("We have opened two new schools.", True),  # the perfect: a happening
        ("We are ready to work with every partner.", False),  # the present: how things are
        ("We hope to meet again next spring.", False),  # a wish
        ("I wish you all good health and success.", False),  # an expressive
        ("Let me thank the organisers of this meeting.", False),
        ("Have you finished the new harbour road yet?", False),  # a question asserts nothing
        ("We have never lost a harbour tender.", False),  # a denied perfect: nothing took place
        ("We did not close the border crossings.", False),
    ],
)
def test_a_turn_tells_a_happening_only_in_the_past_or_the_perfect(nlp: Any, words: str, kept: bool) -> None:
    doc = _doc(f"{HOLT}: {words}")
    events = _events(nlp, doc, [], [_mention(doc, HOLT, "mara-holt")], [_turn(doc, "mara-holt", words)])
    assert len(events) == (1 if kept else 0)


@pytest.mark.parametrize(
    "text",
    [
        f"{HOLT} congratulated the harbour workers on their anniversary.",  # the narrator tells the act
        f"“We will not close the harbour,” {HOLT} said.",  # a statement of the future, said: an event
    ],
)
def test_a_narrators_report_of_talk_is_an_event(nlp: Any, text: str) -> None:
    doc = _doc(text)
    events = _events(nlp, doc, [], [_mention(doc, HOLT, "mara-holt")])
    assert [(e.date, e.precision) for e in events] == [(REPORT, "on_or_before")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"{HOLT} did not attend the harbour board's meeting.", False),  # an absence is no happening
        (f"{HOLT} never answered the council's letter.", False),
        (f"{HOLT} said she had not seen the harbour report.", True),  # the saying took place
        (f"Did {HOLT} sign the harbour treaty?", False),  # a headline's question asserts nothing
    ],
)
def test_a_denied_or_asked_happening_is_no_event(nlp: Any, text: str, kept: bool) -> None:
    doc = _doc(text)
    events = _events(nlp, doc, [], [_mention(doc, HOLT, "mara-holt")])
    assert len(events) == (1 if kept else 0)


def test_a_speakers_today_leaves_their_other_dates_to_their_own_phrases(nlp: Any) -> None:
    """A quotation's "today" is the speaker's day; a year in the same words does not date them."""
    text = f"“Today we met as we did in 2019,” {HOLT} said."
    doc = _doc(text)
    quote = Quote(
        "a",
        "mara-holt",
        HOLT,
        "“Today we met as we did in 2019,”",
        "direct",
        "said",
        0,
        text.index(HOLT) - 1,
        0.9,
    )
    dates = [_date(doc, "Today", REPORT), _date(doc, "2019", "2019", "year")]
    events = _events(nlp, doc, dates, [_mention(doc, HOLT, "mara-holt")], [quote])
    assert [(e.date, e.precision) for e in events] == [(REPORT, "on_or_before")]


def test_the_mood_helpers(nlp: Any) -> None:
    assert after_report("2022-04", REPORT) and not after_report("2022-03", REPORT)
    assert not after_report("2022-04", None)
    doc = nlp("The envoys are going to sign the accord in April.")
    assert irrealis(next(t for t in doc if t.text == "sign"))
    doc = nlp("Thank you, Mr Chairman.")
    assert is_talk(main_verbs(doc[:])[0], voice=False)
    doc = nlp("The mayor thanked the volunteers.")
    roots, _ = main_verbs(doc[:])
    assert not is_talk(roots, voice=False) and not is_talk(roots, voice=True)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a first-person present is a speaker's words even where no quotation was found
        ("On March 9, as every spring, we mark the harbour festival.", "March 9", "2022-03-09"),
        ("Let us now move on to the agenda of March 9.", "March 9", "2022-03-09"),  # the speaker's next step
        # thanks are talk, whatever date their words hold
        ("Thank you for the welcome we received on March 9.", "March 9", "2022-03-09"),
    ],
)
def test_talk_without_quotation_marks_is_no_event(nlp: Any, text: str, surface: str, value: str) -> None:
    doc = _doc(text)
    assert _events(nlp, doc, [_date(doc, surface, value)]) == []


def test_a_first_person_past_is_a_happening(nlp: Any) -> None:
    doc = _doc("On March 9, we opened the new harbour school.")
    events = _events(nlp, doc, [_date(doc, "March 9", "2022-03-09")])
    assert [(e.date, e.precision) for e in events] == [("2022-03-09", "day")]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        (f"{HOLT} said she wished it was 1990 again.", "1990", "1990"),  # a wish's clause
        (f"{HOLT} spoke of 1990 and of the harbour strike.", "1990", "1990"),  # what was spoken of
    ],
)
def test_a_wished_or_spoken_of_year_does_not_date_the_statement(
    nlp: Any, text: str, surface: str, value: str
) -> None:
    doc = _doc(text)
    events = _events(nlp, doc, [_date(doc, surface, value, "year")], [_mention(doc, HOLT, "mara-holt")])
    assert [(e.date, e.precision) for e in events] == [(REPORT, "on_or_before")]


def test_a_year_a_statement_is_made_in_still_dates_it(nlp: Any) -> None:
    doc = _doc(f"In 1990, {HOLT} spoke of the harbour strike.")
    events = _events(nlp, doc, [_date(doc, "1990", "1990", "year")], [_mention(doc, HOLT, "mara-holt")])
    assert [(e.date, e.precision) for e in events] == [("1990", "year")]


def test_a_narrators_verb_outside_the_quotation_keeps_the_sentence_the_narrators(nlp: Any) -> None:
    """The parser hangs this sentence's root on the quoted clause ("is"); "tried ..., saying" outside
    the quotation still makes it the narrator's report of a statement, an event."""
    text = (
        "Ivo Pax, the chairman of the harbour board, tried to deflect questions, saying on Radio Nord"
        " that “this is the plan of the board, it is not the plan of Mara Holt.”"
    )
    doc = _doc(text)
    start = text.index("“")
    quote = Quote("a", "ivo-pax", "Ivo Pax", text[start:], "direct", "saying", start, len(text), 0.9)
    events = _events(nlp, doc, [], [_mention(doc, "Ivo Pax", "ivo-pax")], [quote])
    assert [(e.date, e.precision) for e in events] == [(REPORT, "on_or_before")]


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision", "mentions", "want"),
    [
        # what a verb of foreseeing takes has not happened
        (
            "It is easy to envision a fourth medal for the club coming in 2022.",
            "2022",
            "2022",
            "year",
            [],
            [],
        ),
        (
            f"{HOLT} predicts a recession in March.",
            "March",
            "2022-03",
            "month",
            [HOLT],
            [(REPORT, "on_or_before")],
        ),
        # a date before a noun that looks ahead is the time looked at
        ("Analysts published their 2022 predictions for the harbour.", "2022", "2022", "year", [], []),
        (
            "The council set a 2030 target for the harbour's emissions.",
            "2030",
            "2030",
            "year",
            [],
            [(REPORT, "on_or_before")],
        ),  # the setting is the report's
        # the foreseeing's own date, a past clause below it, and other nouns keep theirs
        (
            f"{HOLT} predicted in 2019 that prices would fall.",
            "2019",
            "2019",
            "year",
            [HOLT],
            [("2019", "year")],
        ),
        (
            f"{HOLT} predicted that the bank, which failed in 2008, would never reopen.",
            "2008",
            "2008",
            "year",
            [HOLT],
            [("2008", "year")],
        ),
        ("The 2018 agreement ended the harbour strike.", "2018", "2018", "year", [], [("2018", "year")]),
        (
            "The council missed the March 1 deadline.",
            "March 1",
            "2022-03-01",
            "day",
            [],
            [("2022-03-01", "day")],
        ),
    ],
)
def test_what_is_foreseen_has_not_happened(
    nlp: Any, text: str, surface: str, value: str, precision: Any, mentions: list[str], want: list[Any]
) -> None:
    doc = _doc(text)
    found = [_mention(doc, m, "mara-holt") for m in mentions]
    mentions_of = found + ([_mention(doc, "council", "council")] if "council" in text else [])
    events = _events(nlp, doc, [_date(doc, surface, value, precision)], mentions_of)
    assert [(e.date, e.precision) for e in events] == want


@pytest.mark.parametrize(
    "text",
    [
        f"{HOLT} has not shied away from the harbour fight.",  # a denied restraint: she fought
        f"{HOLT} has never hesitated to criticise the harbour board.",
        f"{HOLT} has never failed to answer the harbour board.",
    ],
)
def test_a_denied_restraint_asserts_the_act(nlp: Any, text: str) -> None:
    doc = _doc(text)
    events = _events(nlp, doc, [], [_mention(doc, HOLT, "mara-holt")])
    assert [(e.date, e.precision) for e in events] == [(REPORT, "on_or_before")]


def test_a_reported_question_is_the_asking(nlp: Any) -> None:
    text = f"{HOLT} asked the harbour board: “Why did you close the port?”"
    doc = _doc(text)
    start = text.index("“")
    quote = Quote("a", "mara-holt", HOLT, text[start:], "direct", "asked", start, len(text), 0.9)
    events = _events(nlp, doc, [], [_mention(doc, HOLT, "mara-holt")], [quote])
    assert [(e.date, e.precision) for e in events] == [(REPORT, "on_or_before")]
