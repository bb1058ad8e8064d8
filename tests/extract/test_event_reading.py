"""Timeline events read by hand (session 32): background, relative clauses, states and quotes.

Every sentence here is written for the test; each states a property of news language that the
timeline's events must respect, not a sentence of a corpus.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.events.extract import _reduced, extract_events, make_event, merge_events
from lib.records import DateMention, Document, Event, Mention, Precision, Quote, Span
from tests.extract.test_events import _date, _mention, _quote

REPORT = "2022-03-10"  # a Thursday


def _doc(text: str) -> Document:
    return Document("a", "a", "", REPORT, "metadata", "en", "", "", text, ())


def _events(
    nlp: Any,
    doc: Document,
    dates: list[DateMention] = [],  # noqa: B006 (never changed)
    mentions: list[Mention] = [],  # noqa: B006
    quotes: list[Quote] = [],  # noqa: B006
) -> list[Event]:
    return extract_events(doc, nlp(doc.text), dates, mentions, quotes)


@pytest.mark.parametrize(
    ("background", "surface", "value", "precision"),
    [
        ("Ivo Pax lost a race for the city council in 2009.", "2009", "2009", "year"),
        ("Ivo Pax resigned from the harbour board in May 2015.", "May 2015", "2015-05", "month"),
    ],
)
def test_a_statement_does_not_continue_a_background_fact(
    nlp: Any, background: str, surface: str, value: str, precision: Precision
) -> None:
    """A statement after a sentence on the speaker's past ("lost a race in 2009") is today's news,
    not part of that past event: an undated statement continues only a recent one."""
    doc = _doc(f"{background} “I will not talk about it again,” Pax told reporters.")
    quote = _quote(doc, "“I will not talk about it again,”", "ivo-pax")
    mentions = [_mention(doc, "Ivo Pax", "ivo-pax"), _mention(doc, "Pax told", "ivo-pax")]
    events = _events(nlp, doc, [_date(doc, surface, value, precision)], mentions, [quote])
    assert sorted((e.date, e.precision) for e in events) == [(value, precision), (REPORT, "on_or_before")]


def test_a_statement_continues_a_recent_one(nlp: Any) -> None:
    doc = _doc("Ivo Pax criticised the council on Monday. “I will not talk about it again,” Pax told them.")
    quote = _quote(doc, "“I will not talk about it again,”", "ivo-pax")
    mentions = [_mention(doc, "Ivo Pax", "ivo-pax"), _mention(doc, "Pax told", "ivo-pax")]
    events = _events(nlp, doc, [_date(doc, "Monday", "2022-03-07")], mentions, [quote])
    assert [(e.date, len(e.evidence)) for e in events] == [("2022-03-07", 2)]


def test_a_date_inside_a_relative_clause_does_not_date_the_sentence(nlp: Any) -> None:
    """ "X said the board must hear Y, who ran the fund until the council fired him in May": May
    dates Y's removal, a clause about Y, not what X said."""
    doc = _doc(
        "Mara Holt said the board must hear Ivo Pax, who ran the fund until the council fired him in May."
    )
    mentions = [_mention(doc, "Mara Holt", "mara-holt"), _mention(doc, "Ivo Pax", "ivo-pax")]
    events = _events(nlp, doc, [_date(doc, "May", "2021-05", "month")], mentions)
    assert len(events) == 1
    assert events[0].date == "2021-05"
    assert events[0].summary.startswith("Ivo Pax, who ran the fund")


@pytest.mark.parametrize(
    "text",
    [
        # the agent of a passive inside a relative clause acts there, not in the sentence
        "The committee also gave the senator a handbook, which was written by Ivo Pax.",
        # states are no happenings: possession, relation, existence
        "While in office, Ivo Pax had a warm relationship with the unions.",
        "Ivo Pax owns two hotels on the coast.",
        "Ivo Pax remains the most popular member of the board.",
    ],
)
def test_no_undated_event_without_an_action(nlp: Any, text: str) -> None:
    doc = _doc(text)
    assert _events(nlp, doc, mentions=[_mention(doc, "Ivo Pax", "ivo-pax")]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Pax sold two hotels on the coast.",
        "The handbook was written by Ivo Pax.",
        "Ivo Pax had the minister removed.",  # "have" causative: an action
    ],
)
def test_undated_actions_stay_events(nlp: Any, text: str) -> None:
    doc = _doc(text)
    assert len(_events(nlp, doc, mentions=[_mention(doc, "Ivo Pax", "ivo-pax")])) == 1


def test_the_narrators_date_beats_a_date_inside_a_quotation(nlp: Any) -> None:
    """A deictic date inside quoted words is the speaker's ("today's vote"), anchored to when they
    spoke, which the report may not say; the narration's own date says when this happened."""
    doc = _doc("“Today’s vote was a disgrace,” Ivo Pax said of the council’s decision on Monday.")
    quote = _quote(doc, "“Today’s vote was a disgrace,”", "ivo-pax")
    dates = [_date(doc, "Today", REPORT), _date(doc, "Monday", "2022-03-07")]
    events = _events(nlp, doc, dates, [_mention(doc, "Ivo Pax", "ivo-pax")], [quote])
    assert [(e.date, e.precision) for e in events] == [("2022-03-07", "day")]


def _told(source: str, text: str, date: str = "2016", precision: Precision = "year") -> Event:
    return make_event(date, precision, ("eastland",), Span(source, 0, len(text), text), (source,))


def test_likeness_does_not_chain_across_sources() -> None:
    """Three reports: the first two tell one election, the last two share a campaign fund. A is
    like B and B like C, but A is not like C: A and B are one event, C stays apart (before, the
    pair B-C pulled C into A's event, and phrases sharing a year and a word chained into one)."""
    a = _told("a", "Eastland counted the harbour election votes in 2016.")
    b = _told("b", "Eastland harbour election votes drew a candidate fund in 2016.")
    c = _told("c", "A donor list named the candidate fund in 2016.")
    for order in ([a, b, c], [c, b, a]):
        assert sorted(e.sources for e in merge_events(order)) == [("a", "b"), ("c",)]


@pytest.mark.parametrize(("date", "precision"), [("2022-03-07", "day"), (REPORT, "on_or_before")])
def test_reports_of_a_few_days_still_chain(date: str, precision: Precision) -> None:
    """The same three reports, each stating the same day (or undated, of one report day): the date
    pins the happening, and reports of it in other words join through the one alike to both."""
    texts = {
        "a": "Eastland counted the harbour election votes on Monday.",
        "b": "Eastland harbour election votes drew a candidate fund on Monday.",
        "c": "The candidate fund drew a donor list on Monday.",
    }
    events = [_told(k, t, date, precision) for k, t in texts.items()]
    assert [e.sources for e in merge_events(events)] == [("a", "b", "c")]


def test_a_phrase_of_dates_alone_is_no_event_of_its_own(nlp: Any) -> None:
    """ "The last rounds will be held April 2 and April 9": the dates hang on each other, and a
    phrase that says nothing but dates is no summary; the sentence is."""
    doc = _doc("The league said the last two rounds will be held April 2 and April 9.")
    dates = [_date(doc, "April 2", "2022-04-02"), _date(doc, "April 9", "2022-04-09")]
    events = _events(nlp, doc, dates, [_mention(doc, "The league", "league")])
    assert [e.summary for e in events] == [doc.text]


def test_a_dated_stamp_without_a_verb_is_no_event(nlp: Any) -> None:
    """A live report's update stamp ("UPDATE 4:10 p.m. --") is dated but tells no happening; a
    dated sentence with a verb stays an event."""
    doc = _doc("UPDATE 4:10 p.m. --\n\nThe harbour board met again on Friday.")
    dates = [_date(doc, "4:10 p.m.", REPORT), _date(doc, "Friday", "2022-03-04")]
    events = _events(nlp, doc, dates)
    assert [e.date for e in events] == ["2022-03-04"]


@pytest.mark.parametrize(
    ("text", "bounds", "expected"),
    [
        # a period of two years dates no point: the release is the event, on or before the report
        (
            "The harbour board released the records of complaints made between June 2019 and July 2021.",
            [("June 2019", "2019-06", "month"), ("July 2021", "2021-07", "month")],
            (REPORT, "on_or_before"),
        ),
        # a short period keeps its first day
        (
            "The harbour board met from March 1 to March 3.",
            [("March 1", "2022-03-01", "day"), ("March 3", "2022-03-03", "day")],
            ("2022-03-01", "day"),
        ),
    ],
)
def test_a_long_range_dates_no_point(
    nlp: Any, text: str, bounds: list[tuple[str, str, Precision]], expected: tuple[str, str]
) -> None:
    doc = _doc(text)
    dates = [_date(doc, *b) for b in bounds]
    events = _events(nlp, doc, dates, [_mention(doc, "The harbour board", "board")])
    assert [(e.date, e.precision) for e in events] == [expected]


def test_a_quotations_today_is_the_speakers(nlp: Any) -> None:
    """“... which you raised tonight,” quoted in a report: tonight is when the speaker spoke, which
    the report's date does not give; the statement is on or before the report's day."""
    doc = _doc("“We settled that question tonight,” Ivo Pax told the hearing.")
    quote = _quote(doc, "“We settled that question tonight,”", "ivo-pax")
    events = _events(
        nlp, doc, [_date(doc, "tonight", REPORT)], [_mention(doc, "Ivo Pax", "ivo-pax")], [quote]
    )
    assert [(e.date, e.precision) for e in events] == [(REPORT, "on_or_before")]


def test_a_year_before_a_noun_dates_that_noun(nlp: Any) -> None:
    """ "The council says its plan improves on the 1994 harbour law": 1994 is the law's year, not
    when the council speaks; the event is the law's phrase."""
    doc = _doc("The council says its plan would improve on the 1994 harbour law, which had many gaps.")
    events = _events(
        nlp, doc, [_date(doc, "1994", "1994", "year")], [_mention(doc, "The council", "council")]
    )
    assert [(e.date, e.summary) for e in events] == [("1994", "the 1994 harbour law, which had many gaps")]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Ivo Pax appears to have been generous with the harbour fund.", 0),  # a state: seems
        ("Ivo Pax appeared on a morning show with the mayor.", 1),  # an act
    ],
)
def test_appear_is_a_state_only_before_an_infinitive(nlp: Any, text: str, count: int) -> None:
    doc = _doc(text)
    assert len(_events(nlp, doc, mentions=[_mention(doc, "Ivo Pax", "ivo-pax")])) == count


def test_a_year_before_a_noun_can_date_a_past_clause(nlp: Any) -> None:
    """ "X failed in a 2009 bid": the failing is in 2009 too; the sentence stays the event."""
    doc = _doc("Ivo Pax failed in a 2009 bid for the harbour board.")
    events = _events(nlp, doc, [_date(doc, "2009", "2009", "year")], [_mention(doc, "Ivo Pax", "ivo-pax")])
    assert [(e.date, e.summary) for e in events] == [("2009", doc.text)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "summary"),
    [
        # a participle after its noun is a reduced relative clause: its date dates the noun's phrase,
        # and that phrase keeps the noun ("held on March 3" alone says nothing)
        (
            "Mara Holt welcomed the promises made at the annual press meeting held on March 3.",
            "March 3",
            "2022-03-03",
            "the annual press meeting held on March 3",
        ),
        # an infinitive after its noun likewise
        (
            "Mara Holt said the move to close the harbour on Monday was wrong.",
            "Monday",
            "2022-03-07",
            "the move to close the harbour on Monday",
        ),
    ],
)
def test_a_clause_after_its_noun_keeps_the_noun(
    nlp: Any, text: str, surface: str, value: str, summary: str
) -> None:
    doc = _doc(text)
    events = _events(nlp, doc, [_date(doc, surface, value)], [_mention(doc, "Mara Holt", "mara-holt")])
    assert [(e.date, e.summary) for e in events] == [(value, summary)]


def test_the_agent_of_a_participle_after_its_noun_is_no_doer(nlp: Any) -> None:
    """ "gave the senator a handbook written by X": X wrote the handbook at some other time; the
    sentence is not an action of X's (as with "which was written by X")."""
    doc = _doc("The committee also gave the senator a handbook written by Ivo Pax.")
    assert _events(nlp, doc, mentions=[_mention(doc, "Ivo Pax", "ivo-pax")]) == []


@pytest.mark.parametrize(
    ("text", "verb", "reduced"),
    [
        ("The mayor read the report released on Friday.", "released", True),
        ("The mayor backed the plan to close the harbour.", "close", True),
        # a clause of what the noun says is its content, not a relative clause about it
        ("The mayor saw a chance that the council will lose its seat.", "lose", False),
        ("The mayor cited the news that the harbour board had resigned.", "resigned", False),
    ],
)
def test_a_reduced_relative_clause_is_told_from_a_noun_s_content(
    nlp: Any, text: str, verb: str, reduced: bool
) -> None:
    tok = next(t for t in nlp(text) if t.text == verb)
    assert tok.dep_ == "acl"
    assert _reduced(tok) is reduced


@pytest.mark.parametrize(
    ("text", "surface", "value", "precision"),
    [
        ("Ivo Pax won the harbour race for the first time since 2019.", "2019", "2019", "year"),
        ("Ivo Pax has chaired the board since early May.", "early May", "2021-05", "month"),
        ("Ivo Pax has chaired the board since the start of 2015.", "2015", "2015", "year"),
        ("Since Monday, Ivo Pax has pulled 40 people from the river.", "Monday", "2022-03-07", "day"),
    ],
)
def test_a_date_after_since_opens_a_period_and_dates_nothing(
    nlp: Any, text: str, surface: str, value: str, precision: Precision
) -> None:
    """What lasts since a date, or is measured against it, did not happen on it: the sentence is
    the report's own news (on or before its date)."""
    doc = _doc(text)
    events = _events(nlp, doc, [_date(doc, surface, value, precision)], [_mention(doc, "Ivo Pax", "pax")])
    assert [(e.date, e.precision) for e in events] == [(REPORT, "on_or_before")]


def test_a_date_of_its_own_still_dates_the_sentence(nlp: Any) -> None:
    doc = _doc("Ivo Pax won the harbour race in 2019.")
    events = _events(nlp, doc, [_date(doc, "2019", "2019", "year")], [_mention(doc, "Ivo Pax", "pax")])
    assert [(e.date, e.precision) for e in events] == [("2019", "year")]


def test_a_name_in_apposition_to_a_date_is_no_phrase_of_its_own(nlp: Any) -> None:
    """The parser hangs "Avery, 54" on "Monday" as an apposition: the date is the clause's, and the
    event is the sentence, not "Monday, Avery, 54"."""
    text = "In her letter Monday, Avery, 54, had said she would stay on."
    doc = _doc(text)
    events = _events(nlp, doc, [_date(doc, "Monday", "2022-03-07")], [_mention(doc, "Avery", "avery")])
    assert [(e.date, e.summary) for e in events] == [("2022-03-07", text)]
