"""lib/compare/when.py: the days a report's news is of, and reports that cannot be of one event."""

from __future__ import annotations

from datetime import date

import pytest

from lib.compare.align import figures_meet
from lib.compare.when import (
    NewsDays,
    apart,
    few_shared,
    headline_days,
    news_days,
    one_event_pairs,
    weekdays_named,
)
from lib.records import Document


def _doc(doc_id: str, day: str | None, title: str) -> Document:
    return Document(doc_id, title, "", day, "metadata", "en", "", "", "")


def test_weekdays_named() -> None:
    assert weekdays_named("Ferry fares rose Thursday, and on Monday morning too") == frozenset({3, 0})
    assert weekdays_named("A weekday-free line") == frozenset()


def test_a_dated_report_without_a_dated_lead_is_of_its_day_or_the_day_before() -> None:
    assert news_days("2023-05-10", "Harbour board meets").days == {date(2023, 5, 9), date(2023, 5, 10)}


def test_a_lead_date_within_the_week_is_the_news_day() -> None:
    got = news_days("2023-05-10", "Vote ends", lead_dates=["2023-05-08"])
    assert got.days == {date(2023, 5, 8)}


@pytest.mark.parametrize("value", ["2019-02-01", "2023-05-12", "2023", "2023-05"])
def test_background_plans_and_coarse_dates_are_not_the_news_day(value: str) -> None:
    got = news_days("2023-05-10", "Vote ends", lead_dates=[value])
    assert got.days == {date(2023, 5, 9), date(2023, 5, 10)}


def test_a_headline_weekday_is_read_against_the_report_date() -> None:
    # 2023-05-10 is a Wednesday: "Monday" is the 8th
    assert news_days("2023-05-10", "Grain prices fell Monday").days == {date(2023, 5, 8)}


def test_an_undated_report_has_the_weekdays_of_its_headline_and_lead() -> None:
    got = news_days(None, "Markets slip", lead="Shares fell on Tuesday as traders waited.")
    assert got == NewsDays(weekdays=frozenset({1}))
    assert news_days(None, "Markets slip") == NewsDays()


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (news_days("2023-05-10", "t"), news_days("2023-05-11", "t"), False),  # the 10th in both
        (news_days("2023-05-10", "t"), news_days("2023-05-12", "t"), True),
        (news_days(None, "Stocks rose Tuesday"), news_days(None, "Stocks fell Thursday"), True),
        (news_days(None, "Stocks rose Tuesday"), news_days(None, "Tuesday: stocks fell"), False),
        (news_days(None, "Stocks rose Tuesday"), news_days("2023-05-11", "Stocks fell"), True),  # Wed/Thu
        (news_days(None, "Stocks rose"), news_days(None, "Stocks fell Thursday"), False),  # unknown
        (news_days(None, "Stocks rose"), news_days("2023-05-11", "t"), False),
    ],
)
def test_apart(x: NewsDays, y: NewsDays, expected: bool) -> None:
    assert apart(x, y) is expected
    assert apart(y, x) is expected


def test_pairs_of_different_days_are_not_offered() -> None:
    docs = [
        _doc("mon", None, "Bond yields climb Monday"),
        _doc("tue", None, "Bond yields ease on Tuesday"),
        _doc("tue2", None, "Tuesday: yields ease as the bank waits"),
        _doc("plain", None, "Yields in focus"),
    ]
    pairs = [("mon", "tue", 9), ("tue", "tue2", 7), ("mon", "plain", 5), ("tue", "plain", 3)]
    assert one_event_pairs(pairs, docs, 10) == pairs[1:]
    assert one_event_pairs(pairs, docs, 1) == [("tue", "tue2", 7)]
    assert headline_days(docs[0]).label() == "Monday"


def test_pairs_sharing_few_of_their_claims_come_last() -> None:
    """Two long transcripts share more greetings than two short reports of one event share facts:
    told the reports' sizes, the pairs sharing a fair part of the shorter report come first."""
    docs = [_doc(k, None, "Meeting notes") for k in ("long1", "long2", "short1", "short2", "tiny1", "tiny2")]
    pairs = [("long1", "long2", 12), ("short1", "short2", 5), ("tiny1", "tiny2", 1)]
    sizes = {"long1": 240, "long2": 180, "short1": 14, "short2": 20, "tiny1": 3, "tiny2": 4}
    assert one_event_pairs(pairs, docs, 10) == pairs
    assert one_event_pairs(pairs, docs, 10, sizes) == [pairs[1], pairs[2], pairs[0]]
    assert one_event_pairs(pairs, docs, 1, sizes) == [pairs[1]]


def test_pairs_of_two_sources_come_before_pairs_of_one() -> None:
    """One outlet's update and its first version share more wording than two outlets' reports of
    the event: the page compares sources, so pairs of two come first; no source tells nothing."""
    docs = [
        Document("a1", "Dam opens gates", "Valley Post", None, "metadata", "en", "", "", ""),
        Document("a2", "Dam opens gates (update)", " valley post", None, "metadata", "en", "", "", ""),
        Document("b1", "Gates opened at the dam", "Ridge Times", None, "metadata", "en", "", "", ""),
        _doc("x1", None, "Dam gates"),
        _doc("x2", None, "Dam gates open"),
    ]
    pairs = [("a1", "a2", 14), ("x1", "x2", 9), ("a1", "b1", 6), ("a2", "b1", 5)]
    assert one_event_pairs(pairs, docs, 10) == [pairs[1], pairs[2], pairs[3], pairs[0]]
    sizes = {"a1": 20, "a2": 22, "b1": 18, "x1": 200, "x2": 240}  # x1-x2 share few of theirs
    assert one_event_pairs(pairs, docs, 10, sizes) == [pairs[2], pairs[3], pairs[1], pairs[0]]


@pytest.mark.parametrize(
    ("same", "shorter", "few"),
    [(12, 180, True), (18, 180, False), (0, 10, True), (0, 9, False), (1, 10, False)],
)
def test_few_shared(same: int, shorter: int, few: bool) -> None:
    assert few_shared(same, shorter) is few


@pytest.mark.parametrize(
    ("xs", "ys", "meet"),
    [
        ([1.5e6], [1_520_000.0], True),  # read at the coarser precision, a hundred thousand
        ([60.37], [61.71], False),
        ([12.0, 6.10], [30.0, 6.1], True),
        ([0.3], [0.5], False),
        ([40.0], [43.0], True),  # a round figure holds the ones beside it
        ([27.0], [11.0], False),
    ],
)
def test_figures_meet(xs: list[float], ys: list[float], meet: bool) -> None:
    assert figures_meet(xs, ys) is meet
    assert figures_meet(ys, xs) is meet
