"""Dated events per document and their merge across sources, on hand-built dates and quotes."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.events.extract import extract_events, make_event, merge_events, names_occasion
from lib.extract.events.extract import merge_into as events_merge_into
from lib.records import Block, DateMention, Document, Event, Mention, Quote, Span


def _doc(doc_id: str, text: str, date: str | None = "2022-03-10", blocks: tuple[Block, ...] = ()) -> Document:
    return Document(doc_id, doc_id, "", date, "metadata", "en", "", "", text, blocks)


def _date(doc: Document, surface: str, value: str, precision: Any = "day") -> DateMention:
    start = doc.text.index(surface)
    return DateMention(doc.id, surface, start, start + len(surface), value, precision)


def _mention(doc: Document, surface: str, actor: str) -> Mention:
    start = doc.text.index(surface)
    return Mention(doc.id, actor, surface, start, start + len(surface))


def _quote(doc: Document, text: str, speaker: str) -> Quote:
    start = doc.text.index(text)
    return Quote(doc.id, speaker, speaker, text, "direct", "said", start, start + len(text), 0.9)


def _events(
    nlp: Any, doc: Document, dates: list[DateMention], mentions: list[Mention], quotes: list[Quote]
) -> list[Event]:
    return extract_events(doc, nlp(doc.text), dates, mentions, quotes)


def test_dated_sentence_gives_event(nlp: Any) -> None:
    doc = _doc("a", "The weather was calm. On March 3, Eastland closed its northern border crossings.")
    events = _events(
        nlp, doc, [_date(doc, "March 3", "2022-03-03")], [_mention(doc, "Eastland", "eastland")], []
    )
    assert [(e.date, e.precision, e.actors, e.sources) for e in events] == [
        ("2022-03-03", "day", ("eastland",), ("a",))
    ]
    assert events[0].summary.startswith("On March 3, Eastland closed")
    assert events[0].evidence[0].text == doc.text[events[0].evidence[0].start : events[0].evidence[0].end]


def test_undated_statement_takes_report_date(nlp: Any) -> None:
    doc = _doc("a", "“We will not move a single soldier,” said Mara Holt. The weather was calm.")
    quote = _quote(doc, "“We will not move a single soldier,”", "mara-holt")
    events = _events(nlp, doc, [], [_mention(doc, "Mara Holt", "mara-holt")], [quote])
    assert [(e.date, e.precision, e.actors) for e in events] == [
        ("2022-03-10", "on_or_before", ("mara-holt",))
    ]


@pytest.mark.parametrize(
    ("second_speaker", "count"),
    [("mara-holt", 1), ("ivo-pax", 2)],  # one occasion per run of statements by one speaker
)
def test_consecutive_statements_of_one_speaker(nlp: Any, second_speaker: str, count: int) -> None:
    doc = _doc("a", "“We will not move,” said Mara Holt. “The talks go on,” the minister added.")
    quotes = [
        _quote(doc, "“We will not move,”", "mara-holt"),
        _quote(doc, "“The talks go on,”", second_speaker),
    ]
    events = _events(nlp, doc, [], [], quotes)
    assert len(events) == count
    assert sum(len(e.evidence) for e in events) == 2


def test_undated_statement_continues_dated_one(nlp: Any) -> None:
    doc = _doc("a", "On Monday, Mara Holt said talks were “useful”. “We will meet again,” she said.")
    quotes = [_quote(doc, "“useful”", "mara-holt"), _quote(doc, "“We will meet again,”", "mara-holt")]
    events = _events(nlp, doc, [_date(doc, "Monday", "2022-03-07")], [], quotes)
    assert [(e.date, e.precision, len(e.evidence)) for e in events] == [("2022-03-07", "day", 2)]


def test_undated_action_by_actor(nlp: Any) -> None:
    doc = _doc(
        "a", "Eastland recalled its ambassador. Eastland is a large country. Rain fell on the capital."
    )
    events = _events(nlp, doc, [], [_mention(doc, "Eastland", "eastland")], [])
    assert [e.summary for e in events] == ["Eastland recalled its ambassador."]  # a copula is not an action


@pytest.mark.parametrize(
    ("text", "medium", "others"),
    [
        ("On March 3, Mara Holt wrote on Chirper that the border would close.", "Chirper", {"mara-holt"}),
        ("On March 3, Mara Holt said on Beacon TV that the border would close.", "Beacon TV", {"mara-holt"}),
        ("On March 3, Mara Holt took to Chirper to say the border would close.", "Chirper", {"mara-holt"}),
        ("On March 3, Mara Holt said in a post on Chirper that talks failed.", "Chirper", {"mara-holt"}),
        ("On March 3, Mara Holt deleted her Chirper account after the vote.", "Chirper", {"mara-holt"}),
    ],
)
def test_the_medium_of_a_statement_takes_no_part_in_the_event(
    nlp: Any, text: str, medium: str, others: set[str]
) -> None:
    doc = _doc("a", text)
    mentions = [_mention(doc, "Mara Holt", "mara-holt"), _mention(doc, medium, "medium")]
    events = _events(nlp, doc, [_date(doc, "March 3", "2022-03-03")], mentions, [])
    assert [set(e.actors) for e in events] == [others]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On March 3, Chirper suspended the account of Mara Holt.", "Chirper"),  # the platform acts
        ("On March 3, Mara Holt commented on the Eastland Council's vote.", "Eastland Council"),  # a topic
        ("On March 3, the Eastland Council account posted that Mara Holt would resign.", "Eastland Council"),
        ("On March 3, the Eastland Council's statement said Mara Holt would resign.", "Eastland Council"),
        ("On March 3, Mara Holt went to the Eastland Council to ask for funds.", "Eastland Council"),
        ("On Eastland's arms programme, Mara Holt said on March 3 that talks would resume.", "Eastland"),
        ("On March 3, Mara Holt called on the Eastland Council to act.", "Eastland Council"),  # addressee
    ],
)
def test_a_platform_that_acts_or_a_name_talked_of_stays_in_the_event(nlp: Any, text: str, name: str) -> None:
    doc = _doc("a", text)
    mentions = [_mention(doc, "Mara Holt", "mara-holt"), _mention(doc, name, "body")]
    events = _events(nlp, doc, [_date(doc, "March 3", "2022-03-03")], mentions, [])
    assert [set(e.actors) for e in events] == [{"mara-holt", "body"}]


@pytest.mark.parametrize(
    ("text", "date", "kind"),
    [
        ("Rain fell on the capital all week.", None, "body"),  # no date, no actor: nothing
        (
            "Photo: Eastland Press Office, March 3.",
            ("March 3", "2022-03-03"),
            "credit",
        ),  # credits are no events
    ],
)
def test_no_event(nlp: Any, text: str, date: tuple[str, str] | None, kind: Any) -> None:
    doc = _doc("a", text, blocks=(Block(kind, 0, len(text)),))
    dates = [_date(doc, *date)] if date else []
    assert _events(nlp, doc, dates, [], []) == []


@pytest.mark.parametrize(
    "said", ["Very well.", "Good afternoon, colleagues.", "What about the harbour fund?"]
)
def test_talk_without_a_verb_is_no_event(nlp: Any, said: str) -> None:
    text = f"Mara Holt: {said} Ivo Pax: The fund has grown by a third this year."
    doc = _doc("a", text)
    quotes = [
        _quote(doc, said, "mara-holt"),
        _quote(doc, "The fund has grown by a third this year.", "ivo-pax"),
    ]
    mentions = [_mention(doc, "Mara Holt", "mara-holt"), _mention(doc, "Ivo Pax", "ivo-pax")]
    events = _events(nlp, doc, [], mentions, quotes)
    assert [e.actors for e in events] == [("ivo-pax",)]


def test_no_report_date_no_undated_event(nlp: Any) -> None:
    doc = _doc("a", "Eastland recalled its ambassador.", date=None)
    assert _events(nlp, doc, [], [_mention(doc, "Eastland", "eastland")], []) == []


def test_date_on_a_noun_phrase_is_that_phrase(nlp: Any) -> None:
    doc = _doc("a", "Officials remain wary of Eastland given the seizure of the port in 2015.")
    events = _events(nlp, doc, [_date(doc, "2015", "2015", "year")], [], [])
    assert [(e.date, e.precision, e.summary) for e in events] == [
        ("2015", "year", "given the seizure of the port in 2015")
    ]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Eastland held fewer tests in the last weeks of 2015 than in the spring.", "2015"),
        ("The ferries ran late on most days of March 2016, the port said.", "March 2016"),
    ],
)
def test_a_phrase_headed_by_a_time_noun_is_a_time_not_the_event(nlp: Any, text: str, surface: str) -> None:
    """A date on "the last weeks of", "most days of": the phrase is a stretch of time, not what
    happened in it; the event is the sentence's."""
    doc = _doc("a", text)
    events = _events(nlp, doc, [_date(doc, surface, surface, "year")], [], [])
    assert [e.summary.rstrip(".") for e in events] == [text.rstrip(".")]


@pytest.mark.parametrize(
    ("text", "surface", "summary"),
    [
        # a relative clause's date: the event is about the clause's noun, which the summary names
        (
            "Ann Lee visited Eastport, which was flooded in 1953, on a rainy day.",
            "1953",
            "Eastport, which was flooded in 1953",
        ),
        (
            "The old harbour, which the navy built in 1910, still stands.",
            "1910",
            "The old harbour, which the navy built in 1910",
        ),
    ],
)
def test_a_relative_clause_date_keeps_its_noun(nlp: Any, text: str, surface: str, summary: str) -> None:
    doc = _doc("a", text)
    events = _events(nlp, doc, [_date(doc, surface, surface, "year")], [], [])
    assert [e.summary for e in events] == [summary]


def test_embedded_post_is_one_event(nlp: Any) -> None:
    post = "We have sent our reply to the league. More soon. — Mara Holt (@mholt) March 9, 2022"
    text = f"Talks went on.\n\n{post}"
    start = text.index("We have")
    doc = _doc("a", text, blocks=(Block("body", 0, 14), Block("embedded_post", start, len(text))))
    quote = Quote("a", "mara-holt", "Mara Holt", post, "direct", None, start, len(text), 0.9)
    mentions = [_mention(doc, "Mara Holt", "mara-holt")]
    events = _events(nlp, doc, [_date(doc, "March 9, 2022", "2022-03-09")], mentions, [quote])
    assert [(e.date, e.summary[:30]) for e in events] == [("2022-03-09", "We have sent our reply to the ")]
    assert events[0].evidence[0].end == len(text)


# Invented captions and posts: an event only when they tell a completed action by a known actor.
@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("caption", "Mara Holt speaks to reporters in the capital on March 3.", 0),  # the picture
        ("caption", "Smoke rises over the harbour of Portmere on March 3.", 0),
        ("caption", "Eastland troops shelled the harbour of Portmere on March 3.", 1),  # reports one
        ("embedded_post", "Great to see so many friends in Portmere on March 3!", 0),
        ("heading", "Eastland leader visits Portmere on March 3", 0),
        ("body", "Mara Holt spoke to reporters in the capital on March 3.", 1),  # prose is an event
    ],
)
def test_captions_and_posts_are_events_only_when_they_report_one(
    nlp: Any, kind: Any, text: str, expected: int
) -> None:
    body = "Talks went on."
    full = f"{body}\n\n{text}"
    start = full.index(text)
    doc = _doc("a", full, blocks=(Block("body", 0, len(body)), Block(kind, start, len(full))))
    mentions = [
        _mention(doc, name, name.split()[0].lower()) for name in ("Mara Holt", "Eastland") if name in text
    ]
    events = _events(nlp, doc, [_date(doc, "March 3", "2022-03-03")], mentions, [])
    assert len(events) == expected


# An invented live blog that repeats its summary paragraph, word for word or nearly.
REPEAT = "On March 3, Eastland troops shelled the harbour of Portmere for six hours."
NEARLY = "On March 3, Eastland troops shelled the harbour of Portmere for about six hours."
OTHER = "On March 3, Eastland troops closed the bridge over the Vell river near Portmere."


@pytest.mark.parametrize(
    ("second", "count"),
    [(REPEAT, 1), (NEARLY, 1), (OTHER, 2)],  # repeats are one event; a different action is not
)
def test_repeated_paragraphs_are_one_event(nlp: Any, second: str, count: int) -> None:
    text = f"{REPEAT}\n\nLive updates follow.\n\n{second}"
    doc = _doc("a", text)
    start = text.rindex(second[:20])
    dates = [_date(doc, "March 3", "2022-03-03")]
    dates.append(DateMention("a", "March 3", start + 3, start + 10, "2022-03-03", "day"))
    mentions = [_mention(doc, "Eastland", "eastland")]
    mentions.append(Mention("a", "eastland", "Eastland", start + 12, start + 20))
    events = _events(nlp, doc, dates, mentions, [])
    assert len(events) == count
    assert len({e.id for e in events}) == count  # and no two events share an id


def _ev(doc_id: str, date: str, precision: Any, actors: tuple[str, ...], text: str) -> Event:
    return make_event(date, precision, actors, Span(doc_id, 0, len(text), text), (doc_id,))


REPLY_A = _ev(
    "a",
    "2022-03-10",
    "on_or_before",
    ("league", "eastland"),
    "The league delivered its written reply to Eastland.",
)
REPLY_B = _ev("b", "2022-03-08", "day", ("league",), "On Tuesday the league sent Eastland a written reply.")


def test_merge_explicit_date_wins() -> None:
    (merged,) = merge_events([REPLY_A, REPLY_B])
    assert (merged.date, merged.precision, merged.sources) == ("2022-03-08", "day", ("a", "b"))
    assert set(merged.actors) == {"league", "eastland"}
    assert merged.summary.startswith("On Tuesday")
    assert len(merged.evidence) == 2


def test_merge_two_bounds_keeps_earliest() -> None:
    other = _ev(
        "b", "2022-03-09", "on_or_before", ("league",), "The league has sent Eastland its written reply."
    )
    (merged,) = merge_events([REPLY_A, other])
    assert (merged.date, merged.precision, merged.sources) == ("2022-03-09", "on_or_before", ("a", "b"))


NEGATIVES = [
    _ev(
        "b", "2022-03-12", "day", ("league",), "The league sent Eastland a written reply."
    ),  # after A's report
    _ev(
        "b", "2022-03-08", "day", ("northland",), "Northland sent Eastland a written reply."
    ),  # no common actor
    _ev(
        "b", "2022-03-08", "day", ("league",), "The league opened a new office in the harbour."
    ),  # other content
    _ev("a", "2022-03-08", "day", ("league",), "The league sent Eastland a written reply."),  # same source
]


@pytest.mark.parametrize("other", NEGATIVES)
def test_merge_negative(other: Event) -> None:
    assert len(merge_events([REPLY_A, other])) == 2


CALL = "Mara Holt and Ivo Pax spoke by telephone about the grain corridor."


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        # two stated days never join, however alike their words
        (("2022-07-29", "day"), ("2022-07-27", "day"), False),
        (("2022-07-29", "day"), ("2022-07-29", "day"), True),
        # a bound joins a date of the days just before it, not an older one
        (("2022-07-29", "on_or_before"), ("2022-07-27", "day"), True),
        (("2022-07-29", "on_or_before"), ("2022-07-02", "day"), False),
        (("2017-03-23", "on_or_before"), ("2012-08-21", "day"), False),
        (("2017-03-23", "on_or_before"), ("2013", "year"), False),
        (("2022-07-29", "on_or_before"), ("2022-07", "month"), True),
        # two bounds: reports of the same week
        (("2022-07-29", "on_or_before"), ("2022-07-27", "on_or_before"), True),
        (("2022-07-29", "on_or_before"), ("2021-07-29", "on_or_before"), False),
    ],
)
def test_merge_keeps_dates_apart(a: tuple[str, Any], b: tuple[str, Any], joined: bool) -> None:
    one = _ev("x", a[0], a[1], ("mara-holt", "ivo-pax"), CALL)
    two = _ev("y", b[0], b[1], ("mara-holt",), CALL)
    assert len(merge_events([one, two])) == (1 if joined else 2)


@pytest.mark.parametrize(
    ("date_b", "precision_b", "joined"),
    [
        ("2022-07-29", "day", True),  # the same day: fewer shared words suffice
        ("2022-07-29", "on_or_before", False),  # a bound: the words must say more
    ],
)
def test_merge_needs_more_words_when_dates_say_less(date_b: str, precision_b: Any, joined: bool) -> None:
    one = _ev("x", "2022-07-29", "day", ("mara-holt",), "On Friday Mara Holt visited the port of Odrin.")
    text = "Holt met dockers and praised the port workers at Odrin."
    two = _ev("y", date_b, precision_b, ("mara-holt",), text)
    assert len(merge_events([one, two])) == (1 if joined else 2)


@pytest.mark.parametrize(
    ("merged", "new", "taken", "expected"),
    [
        # a new report of a merged event joins it: the same event as a full merge gives
        ([REPLY_A], [REPLY_B], {0}, merge_events([REPLY_A, REPLY_B])),
        ([REPLY_B], [REPLY_A], {0}, merge_events([REPLY_A, REPLY_B])),
        *(([REPLY_A], [other], set(), [other]) for other in NEGATIVES),
        ([REPLY_A], [], set(), []),
    ],
)
def test_merge_into(merged: list[Event], new: list[Event], taken: set[int], expected: list[Event]) -> None:
    assert events_merge_into(merged, new) == (taken, expected)


def test_merge_into_never_joins_two_merged_events_by_themselves() -> None:
    """Two events a full merge left apart stay apart: only pairs with a new event count."""
    other = _ev(
        "b", "2022-03-09", "on_or_before", ("league",), "The league has sent Eastland its written reply."
    )
    unrelated = _ev("c", "2022-03-01", "day", ("northland",), "Northland closed its border.")
    assert events_merge_into([REPLY_A, other], [unrelated]) == (set(), [unrelated])


def test_event_id_is_stable() -> None:
    assert REPLY_A.id == _ev("a", "2022-03-10", "on_or_before", ("league",), REPLY_A.summary).id
    assert REPLY_A.id != _ev("c", "2022-03-10", "on_or_before", ("league",), REPLY_A.summary).id
    assert merge_events([REPLY_A, REPLY_B])[0].id == merge_events([REPLY_B, REPLY_A])[0].id


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    from lib.extract.pipeline import analyze_paths
    from tests.conftest import DATA

    return list(analyze_paths([DATA]).events)


def _find(events: list[Event], snippet: str) -> list[Event]:
    return [e for e in events if any(snippet in s.text for s in e.evidence)]


@pytest.mark.parametrize(
    ("snippet", "date", "precision", "sources"),
    [
        ("Tuesday, January 25, 2022", "2022-01-25", "day", ("seed-001",)),  # caption: the exercise
        ("Marshal Ustinov", "2022-01-26", "day", ("seed-001",)),
        ("We have now conveyed our proposals", "2022-01-26", "day", ("seed-001",)),
        ("Earlier in the day", "2022-01-26", "day", ("seed-001",)),
        ("annexation of Crimea", "2014", "year", ("seed-001",)),
        ("NATO has delivered to Russia the written answers", "2022-01-26", None, ("seed-000", "seed-001")),
        ("during a press conference", "2022-01-26", None, ("seed-000", "seed-001")),
    ],
)
def test_seed_events(
    seed_events: list[Event], snippet: str, date: str, precision: str | None, sources: tuple[str, ...]
) -> None:
    found = _find(seed_events, snippet)
    assert [(e.date, e.sources) for e in found] == [(date, sources)]
    if precision:
        assert found[0].precision == precision


def test_seed_delivery_day_precision(seed_events: list[Event]) -> None:
    (found,) = _find(seed_events, "NATO has delivered to Russia the written answers")
    assert found.precision == "day"


def test_seed_gold_lists_seven_events(seed_gold: dict[str, Any]) -> None:
    assert len(seed_gold["events"]) == 7


def test_seed_events_are_few(seed_events: list[Event], seed_gold: dict[str, Any]) -> None:
    """Noise floor: at most twice the gold's events (7 gold; 16 before statements were grouped)."""
    assert len(seed_events) <= 2 * len(seed_gold["events"])


# Two invented reports of one delivery. Report "a" dates it only through the chief's post.
POST = "We have now {verb} our proposals to Eastland. — Ana Vell (@anavell) March 9, 2022"
BODY = "The league confirmed that it sent its written reply to Eastland."


def _report_with_post(nlp: Any, verb: str, post_actor: str, post_date: str = "2022-03-09") -> list[Event]:
    post = POST.format(verb=verb)
    text = f"{BODY}\n\n{post}"
    start = text.index("We have")
    doc = _doc("a", text, blocks=(Block("body", 0, len(BODY)), Block("embedded_post", start, len(text))))
    dates = [_date(doc, "March 9, 2022", post_date)]
    mentions = [_mention(doc, "The league", "league"), _mention(doc, "Ana Vell", post_actor)]
    quote = Quote("a", post_actor, "Ana Vell", post, "direct", None, start, len(text), 0.9)
    return _events(nlp, doc, dates, mentions, [quote])


@pytest.mark.parametrize(
    ("verb", "post_actor", "post_date", "expected"),
    [
        ("conveyed", "league", "2022-03-09", ("2022-03-09", "day")),  # same action, same actor: dated
        ("opened", "league", "2022-03-09", ("2022-03-10", "on_or_before")),  # another action
        ("conveyed", "northland", "2022-03-09", ("2022-03-10", "on_or_before")),  # no common actor
        ("conveyed", "league", "2022-03-12", ("2022-03-10", "on_or_before")),  # after the report
    ],
)
def test_dated_statement_dates_same_action(
    nlp: Any, verb: str, post_actor: str, post_date: str, expected: tuple[str, str]
) -> None:
    events = _report_with_post(nlp, verb, post_actor, post_date)
    (body,) = [e for e in events if e.summary.startswith("The league confirmed")]
    assert (body.date, body.precision) == expected
    assert len(events) == 2  # the post stays an event of its own


def test_dated_statement_then_cross_source_merge(nlp: Any) -> None:
    other = _doc("b", "The league has delivered its written reply to Eastland.", date="2022-03-11")
    b = _events(nlp, other, [], [_mention(other, "The league", "league")], [])
    merged = merge_events([*_report_with_post(nlp, "conveyed", "league"), *b])
    (delivery,) = [e for e in merged if "b" in e.sources]
    assert (delivery.date, delivery.precision, delivery.sources) == ("2022-03-09", "day", ("a", "b"))


@pytest.mark.parametrize(
    ("report_date", "expected"),
    [
        ("2022-03-09", ("2022-03-09", "day")),  # on or after the delivery, on or before the report: that day
        ("2022-03-10", ("2022-03-10", "on_or_before")),  # a day apart: the bound is all we know
    ],
)
def test_statement_reporting_a_dated_action(nlp: Any, report_date: str, expected: tuple[str, str]) -> None:
    text = (
        "On March 9, the league sent its written reply to Eastland. "
        "Its chief Ana Vell confirmed the reply at a press conference in Harbourtown."
    )
    doc = _doc("a", text, date=report_date)
    mentions = [_mention(doc, "the league", "league"), _mention(doc, "Ana Vell", "league")]
    events = _events(nlp, doc, [_date(doc, "March 9", "2022-03-09")], mentions, [])
    assert [(e.date, e.precision) for e in events][-1] == expected
    assert len(events) == 2  # a press conference is an occasion of its own


def test_places_are_not_event_actors(nlp: Any) -> None:
    doc = _doc("a", "Eastland recalled its ambassador from Harbourtown.")
    mentions = [_mention(doc, "Eastland", "eastland"), _mention(doc, "Harbourtown", "harbourtown")]
    (event,) = extract_events(doc, nlp(doc.text), [], mentions, [], places={"harbourtown"})
    assert event.actors == ("eastland",)


def test_statement_naming_a_listed_action_joins_it(nlp: Any) -> None:
    text = (
        "The league delivered its written reply to Eastland. "
        "Eastland said the reply was “a first step”. "
        "Eastland had asked for a reply in January."
    )
    doc = _doc("a", text)
    mentions = [_mention(doc, "The league", "league")] + [
        Mention("a", "eastland", "Eastland", i, i + 8)
        for i in range(len(text))
        if text.startswith("Eastland", i)
    ]
    quote = _quote(doc, "“a first step”", "eastland")
    events = _events(nlp, doc, [], mentions, [quote])
    assert len(events) == 2  # the reaction joins the delivery; the earlier request (had asked) does not
    assert len(events[0].evidence) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Holt confirmed it at a press conference in the capital.", True),
        ("Holt spoke during the summit.", True),
        ("Holt urged a joint meeting of the two councils.", False),  # proposed, not held
        ("Holt calls for talks.", False),
    ],
)
def test_names_occasion(text: str, expected: bool) -> None:
    assert names_occasion(text) is expected


def test_merge_best_match_first() -> None:
    weak = _ev(
        "c", "2022-03-09", "on_or_before", ("league",), "The league chief spoke about the written reply."
    )
    strong = _ev(
        "c", "2022-03-09", "on_or_before", ("league",), "The league delivered its written reply to Eastland."
    )
    for order in ([weak, strong], [strong, weak]):
        merged = merge_events([REPLY_B, *order])
        (pair,) = [e for e in merged if len(e.sources) == 2]
        assert strong.evidence[0] in pair.evidence


def test_seed_events_have_no_place_actors(seed_events: list[Event], seed_gold: dict[str, Any]) -> None:
    from lib.text.aliases import slug

    places = {slug(p) for p in seed_gold["places"]}
    assert not places & {a for e in seed_events for a in e.actors}


# Synthetic reports for the scaled merge: invented words, a few dates and Zipf-like actors.
SYNTH_WORDS = (
    "harbour ferry convoy ceasefire corridor envoy grain levy tariff quota pipeline reactor "
    "inspectors summit treaty ballot charter barracks airfield frontier refugees shelter "
    "parliament decree audit bonds lender wheat fuel power grid dam bridge rail depot"
).split()
SYNTH_FILLER = "said officials government week statement talks minister".split()
SYNTH_DAYS = tuple(f"2022-03-{d:02d}" for d in range(1, 13))
SYNTH_YEAR = tuple(f"2022-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29, 3))


def _synthetic_events(n: int, seed: int, days: tuple[str, ...] = SYNTH_DAYS) -> list[Event]:
    """Stories retold by several sources, with drifting wording, dates and actors."""
    import random

    rng = random.Random(seed)
    actors = [f"actor-{k}" for k in range(12)]
    weights = [1 / (k + 1) for k in range(len(actors))]
    stories = [
        (rng.choice(days), rng.sample(SYNTH_WORDS, 6), rng.choices(actors, weights, k=2))
        for _ in range(max(1, n // 3))
    ]
    out = []
    for _ in range(n):
        day, words, cast = rng.choice(stories)
        text = " ".join([w for w in words if rng.random() < 0.7] + rng.sample(SYNTH_FILLER, 2))
        date, precision = rng.choice([(day, "day"), (day[:7], "month"), (day[:4], "year")])
        if rng.random() < 0.4:
            date, precision = rng.choice(days), "on_or_before"
        out.append(_ev(f"s{rng.randrange(max(2, n // 8))}", date, precision, tuple(cast), text + "."))
    return out


def _naive_merge(events: list[Event]) -> list[Event]:
    """The pairwise reference: score every pair, join best first (the merge before blocking)."""
    from lib.extract.events import extract as ev
    from lib.text.similarity import TfIdf, cosine

    tfidf = TfIdf(ev._head_words(e) for e in events)
    vectors = [tfidf.vector(ev._head_words(e)) for e in events]
    sources = [set(e.sources) for e in events]
    actors = [set(e.actors) for e in events]
    pairs = []
    for i, a in enumerate(events):
        for j in range(i + 1, len(events)):
            if sources[i] & sources[j] or actors[i].isdisjoint(actors[j]):
                continue
            score = cosine(vectors[i], vectors[j])
            if ev._dates_compatible(a, events[j]) and score >= ev.merge_min(a, events[j]):
                pairs.append((-score, i, j))
    pairs.sort()
    clusters = {i: [events[i]] for i in range(len(events))}
    owner = list(range(len(events)))
    for _, i, j in pairs:
        a, b = owner[i], owner[j]
        sources_a = {s for e in clusters[a] for s in e.sources}
        if a == b or sources_a & {s for e in clusters[b] for s in e.sources}:
            continue
        members_a = [k for k, o in enumerate(owner) if o == a]
        members_b = [k for k, o in enumerate(owner) if o == b]
        vague = any(events[k].precision in ev.VAGUE for k in members_a + members_b)
        if vague and any(cosine(vectors[x], vectors[y]) < ev.HEAD_MIN for x in members_a for y in members_b):
            continue  # dated by a month or a year: every event of one alike to every event of the other
        if all(ev._dates_compatible(x, y) for x in clusters[a] for y in clusters[b]):
            clusters[a].extend(clusters.pop(b))
            owner = [a if o == b else o for o in owner]
    merged = [ev._merge(c) for c in clusters.values()]
    return sorted(merged, key=lambda e: (e.date, ev.PRECISION_RANK[e.precision], e.summary, e.id))


@pytest.mark.parametrize(
    ("n", "seed", "days"),
    [
        *((n, seed, SYNTH_DAYS) for n, seed in [(40, 1), (200, 2), (200, 3), (600, 4), (2000, 5)]),
        (1500, 6, SYNTH_YEAR),  # an actor in some 800 events over a year
    ],
)
def test_blocked_merge_equals_pairwise(n: int, seed: int, days: tuple[str, ...]) -> None:
    """Events blocked by actor and by the days their dates reach merge as scoring every pair does."""
    events = _synthetic_events(n, seed, days)
    merged = merge_events(events)
    assert merged == _naive_merge(events)
    assert len(merged) < n  # the stories do merge: the comparison is not vacuous


def test_story_reported_within_days_merges_among_many() -> None:
    """An actor in many events over months: one story told by five outlets over three days still
    becomes one event; the same words a year apart stay apart (negative)."""
    days = [f"2023-{m:02d}-{d:02d}" for m in range(1, 13) for d in (3, 10, 17, 24)]
    others = [
        _ev(f"noise{k}", day, "on_or_before", ("valdoria",), f"Valdoria topic{k} remark{k} item{k}.")
        for k, day in enumerate(days * 2)
    ]
    story = "Valdoria reopened the Osterfeld river port to grain barges."
    told = [
        _ev(f"outlet{k}", f"2023-06-{10 + k // 2:02d}", "on_or_before", ("valdoria",), story)
        for k in range(5)
    ]
    late = _ev("outlet9", "2024-06-12", "day", ("valdoria",), story)
    merged = merge_events([*others, *told, late])
    joined = [e for e in merged if e.summary.startswith("Valdoria reopened")]
    assert sorted(len(e.sources) for e in joined) == [1, 5]


# (date, precision) pairs and whether their reaches (the days the merge searches them in) overlap.
# The blocking's property: dates that can merge (_compatible) always share a block (overlap).
REACH_CASES = [
    # a date and the periods holding it
    (("2022-03-05", "day"), ("2022-03", "month"), True),
    (("2022-03-05", "day"), ("2022", "year"), True),
    (("2022-03-05", "day"), ("2022-W09", "week"), True),
    (("2022-03", "month"), ("2022", "year"), True),
    # an ISO week starting in the year before still holds days of its own year
    (("2020-W01", "week"), ("2020", "year"), True),
    (("2021-W53", "week"), ("2021", "year"), True),
    # a bound reaches the RECENT_DAYS before it, no further
    (("2022-03-10", "on_or_before"), ("2022-03-03", "day"), True),
    (("2022-03-10", "on_or_before"), ("2022-03-02", "day"), False),
    (("2022-03-10", "on_or_before"), ("2022-03-11", "day"), False),
    (("2022-03-03", "on_or_before"), ("2022-02", "month"), True),
    (("2022-03-09", "on_or_before"), ("2022-02", "month"), False),
    (("2022-01-05", "on_or_before"), ("2021", "year"), True),
    # two bounds: within RECENT_DAYS of each other
    (("2022-03-10", "on_or_before"), ("2022-03-17", "on_or_before"), True),
    (("2022-03-10", "on_or_before"), ("2022-03-18", "on_or_before"), False),
    # disjoint periods
    (("2022-03-05", "day"), ("2022-03-06", "day"), False),
    (("2022-03", "month"), ("2022-04-01", "day"), False),
    (("2021", "year"), ("2022-01-01", "day"), False),
    (("2022-W10", "week"), ("2022-03-14", "day"), False),
    # a value that names no day is compared by its text: it is searched with every date
    (("2022-02-30", "day"), ("2022-02", "month"), True),
    (("2022-02-30", "on_or_before"), ("1999-01-01", "day"), True),
    (("someday", "day"), ("2022-03-05", "day"), True),
]


@pytest.mark.parametrize(("a", "b", "overlap"), REACH_CASES)
def test_dates_that_can_merge_share_a_block(a: tuple[str, str], b: tuple[str, str], overlap: bool) -> None:
    from lib.extract.events import extract as ev

    (first_a, last_a), (first_b, last_b) = ev._reach(*a), ev._reach(*b)
    assert (first_a <= last_b and first_b <= last_a) == overlap
    if ev._compatible(a, b) or ev._compatible(b, a):
        assert overlap
    # the pair's events, same words, same actor, two sources: merged exactly when dates are compatible
    one = _ev("x", a[0], a[1], ("mara-holt",), CALL)
    two = _ev("y", b[0], b[1], ("mara-holt",), CALL)
    assert len(merge_events([one, two])) == (1 if ev._compatible(a, b) else 2)


def test_compatible_dates_share_a_block_on_every_pair() -> None:
    """The property on every pair of a grid of values: days, weeks, months, years, bounds around
    year ends and month ends, malformed values; compatible implies overlapping reaches."""
    from lib.extract.events import extract as ev

    values = ["2021", "2022", "2021-12", "2022-01", "2022-02", "2021-W52", "2022-W01", "2020-W53", "2022-W09"]
    values += [f"2021-12-{d}" for d in (24, 25, 31)] + [f"2022-01-{d:02d}" for d in (1, 2, 7, 8, 9, 31)]
    values += ["2022-02-28", "2022-03-01", "2022-03-07", "2022-02-30", "2022-13", "bad"]
    dated = [(v, p) for v in values for p in ("day", "on_or_before")]
    compatible = 0
    for a in dated:
        for b in dated:
            if ev._compatible(a, b):
                compatible += 1
                (first_a, last_a), (first_b, last_b) = ev._reach(*a), ev._reach(*b)
                assert first_a <= last_b and first_b <= last_a, (a, b)
    assert 0 < compatible < len(dated) ** 2  # some pairs are compatible, some not


@pytest.mark.parametrize("seed", range(6))
def test_cluster_dates_in_short_decide_as_every_pair(seed: int) -> None:
    """A cluster keeps its longest exact date and least bounds: joinable says what checking every
    date of one cluster against every date of the other says."""
    import random

    from lib.extract.events import extract as ev

    rng = random.Random(seed)
    dates = ["2023", "2023-03", "2023-03-10", "2023-03-11", "2023-04", "2022-12-31", "2023-03-10"]
    pool = [(d, p) for d in dates for p in ("day", "on_or_before")] + [("2023-W10", "week")]

    def cluster(items: list[tuple[str, str]], source: str) -> tuple[ev._Cluster, set[tuple[str, str]]] | None:
        events = [_ev(f"{source}{k}", d, p, ("a",), "x.") for k, (d, p) in enumerate(items)]
        c = ev._Cluster.of(0, events[0])
        for k, e in enumerate(events[1:], start=1):
            one = ev._Cluster.of(k, e)
            if not c.joinable(one):
                return None
            c.absorb(one)
        return c, set(items)

    checked = 0
    for _ in range(300):
        a = cluster(rng.sample(pool, rng.randint(1, 3)), "a")
        b = cluster(rng.sample(pool, rng.randint(1, 3)), "b")
        if a is None or b is None:
            continue
        every = all(ev._compatible(x, y) for x in a[1] for y in b[1])
        assert a[0].joinable(b[0]) == every
        checked += every
    assert checked  # some pairs do join: the check is not vacuous


def test_blocked_merge_keeps_ties_in_order() -> None:
    """Identical wording from many sources scores the same: the first pair still wins."""
    events = [_ev(s, "2022-03-10", "on_or_before", ("league",), REPLY_A.summary) for s in "abcde"]
    events += [_ev("a", "2022-03-08", "day", ("league",), REPLY_A.summary)]
    assert merge_events(events) == _naive_merge(events)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_candidate_pairs_miss_no_match(seed: int) -> None:
    """Every pair with a common key at or above the threshold is found; none without a common key."""
    from lib.extract.events.extract import _head_words
    from lib.text.similarity import TfIdf, candidate_pairs, cosine

    events = _synthetic_events(300, seed)
    tfidf = TfIdf(_head_words(e) for e in events)
    vectors = [tfidf.vector(_head_words(e)) for e in events]
    keys = [e.actors for e in events]
    listed = list(candidate_pairs(vectors, 0.25, keys))
    found = set(listed)
    assert len(listed) == len(found)  # each pair once
    expected = {
        (i, j)
        for i in range(len(events))
        for j in range(i + 1, len(events))
        if set(keys[i]) & set(keys[j]) and cosine(vectors[i], vectors[j]) >= 0.25
    }
    assert expected and expected <= found
    assert all(set(keys[i]) & set(keys[j]) for i, j in found)
    assert all(cosine(vectors[i], vectors[j]) >= 0.25 - 1e-6 for i, j in found)


@pytest.mark.parametrize(("seed", "days"), [(1, SYNTH_DAYS), (2, SYNTH_YEAR), (3, SYNTH_YEAR)])
def test_pairs_blocked_by_reach(seed: int, days: tuple[str, ...]) -> None:
    """With reaches, exactly the matching pairs whose reaches overlap are found, each once; none
    whose reaches are apart (negative), none without a common key."""
    from lib.extract.events import extract as ev
    from lib.text.similarity import TfIdf, candidate_pairs, cosine

    events = _synthetic_events(400, seed, days)
    tfidf = TfIdf(ev._head_words(e) for e in events)
    vectors = [tfidf.vector(ev._head_words(e)) for e in events]
    keys = [e.actors for e in events]
    reach = [ev._reach(e.date, e.precision) for e in events]
    listed = list(candidate_pairs(vectors, 0.25, keys, reach))
    found = set(listed)
    assert len(listed) == len(found)
    assert all(i < j for i, j in found)

    def overlap(i: int, j: int) -> bool:
        return reach[i][0] <= reach[j][1] and reach[j][0] <= reach[i][1]

    matching = {
        (i, j)
        for i in range(len(events))
        for j in range(i + 1, len(events))
        if set(keys[i]) & set(keys[j]) and cosine(vectors[i], vectors[j]) >= 0.25
    }
    near = {p for p in matching if overlap(*p)}
    assert near <= found
    assert all(overlap(i, j) and set(keys[i]) & set(keys[j]) for i, j in found)
    assert all(cosine(vectors[i], vectors[j]) >= 0.25 - 1e-6 for i, j in found)
    if days == SYNTH_YEAR:
        assert len(near) < len(matching)  # some alike pairs lie apart in time: not vacuous
