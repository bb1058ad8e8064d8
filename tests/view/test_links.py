"""The URL contract: parsing with notices, validation against the corpus, encoding round trips."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from lib.view import filters as filter_defs
from lib.view import urls
from lib.view.urls import Choices, Filters, View

CHOICES = Choices(
    actors={"nato": "NATO", "russia": "Russia", "rufus-firefly": "Rufus Firefly"},
    sources=("Daily Ledger", "Evening Post"),
    docs=("alpha-1", "beta-1"),
    issues={"talks": "Negotiations"},
)


@pytest.mark.parametrize(
    ("query", "expected", "notices"),
    [
        ({}, View(), 0),
        ({"actor": ["nato", "russia"]}, View(Filters(actors=("nato", "russia"))), 0),
        ({"actor": ["Rufus Firefly"]}, View(Filters(actors=("rufus-firefly",))), 0),  # a name typed by hand
        ({"actor": ["nato", "nato"]}, View(Filters(actors=("nato",))), 0),
        ({"actor": ["atlantis"]}, View(), 1),
        ({"actor": ["nato", "atlantis"]}, View(Filters(actors=("nato",))), 1),
        ({"source": ["Evening Post"]}, View(Filters(sources=("Evening Post",))), 0),
        ({"source": ["The Onion"]}, View(), 1),
        (
            {"from": ["2022-01-01"], "to": ["2022-02-01"]},
            View(Filters(date_from=date(2022, 1, 1), date_to=date(2022, 2, 1))),
            0,
        ),
        ({"from": ["2022-13-01"]}, View(), 1),
        ({"from": ["yesterday"]}, View(), 1),
        ({"from": ["2022-02-01"], "to": ["2022-01-01"]}, View(), 1),  # reversed range
        ({"group": ["source"]}, View(group="source"), 0),
        ({"group": ["weather"]}, View(), 1),
        ({"a": ["beta-1"], "b": ["alpha-1"]}, View(a="beta-1", b="alpha-1"), 0),
        ({"a": ["gamma-9"]}, View(), 1),
        ({"doc": ["alpha-1"], "start": ["3"], "end": ["9"]}, View(doc="alpha-1", start=3, end=9), 0),
        ({"doc": ["alpha-1"], "start": ["9"], "end": ["3"]}, View(doc="alpha-1"), 1),
        ({"doc": ["alpha-1"], "start": ["x"], "end": ["3"]}, View(doc="alpha-1"), 2),
        ({"start": ["3"]}, View(), 1),
        ({"focus": ["russia"], "issue": ["talks"]}, View(focus="russia", issue="talks"), 0),
        ({"focus": ["atlantis"], "issue": ["weather"]}, View(), 2),
        (
            {"by": ["nato"], "target": ["rufus-firefly"], "guessed": ["1"], "top": ["all"]},
            View(by="nato", target="rufus-firefly", guessed=True, top=0),
            0,
        ),
        ({"top": ["25"], "guessed": ["0"]}, View(top=25), 0),
        # a group target (no actor id: lib/extract/groups.py) is kept by its key; an empty or
        # overlong one is refused
        ({"target": ["group:the media"]}, View(target="group:the media"), 0),
        ({"target": ["group:"]}, View(), 1),
        ({"target": ["group:" + "x" * 200]}, View(), 1),
        ({"by": ["atlantis"], "guessed": ["yes"], "top": ["-3"]}, View(), 3),
    ],
)
def test_parse_query(query: dict[str, list[str]], expected: View, notices: int) -> None:
    view, said = urls.parse_query(query, CHOICES)
    assert view == expected
    assert len(said) == notices, said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("120", 120),
        ("007", 7),
        ("999999999", 999_999_999),
        ("1000000000", None),  # ten digits: no document is that long
        ("9" * 5000, None),  # int() would refuse it (4,300-digit limit): a crash before
        ("²", None),  # str.isdigit says yes, int() says no
        ("١٢", None),  # Arabic-Indic digits: int() reads them, a link should not
        ("１２", None),  # fullwidth
        ("-5", None),
        ("+5", None),
        (" 5", None),
        ("5 ", None),
        ("5.0", None),
        ("1e3", None),
        ("", None),
    ],
)
def test_parse_offset(text: str, expected: int | None) -> None:
    assert urls.parse_offset(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-01-26", date(2022, 1, 26)),
        (" 2022-01-26 ", date(2022, 1, 26)),
        ("2022-02-30", None),
        ("20220126", None),  # date.fromisoformat takes these; the contract says YYYY-MM-DD
        ("2022-W04-3", None),
        ("２０２２-01-26", None),
        ("2022-01-26T10:00", None),
        ("0001-01-01", date(1, 1, 1)),
        ("9999-12-31", date(9999, 12, 31)),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert filter_defs.parse_date(text) == expected


@pytest.mark.parametrize(
    ("start", "end", "length", "span", "notice"),
    [
        (None, None, 100, None, False),
        (10, 20, 100, (10, 20), False),
        (0, 100, 100, (0, 100), False),
        (90, 150, 100, (90, 100), True),  # runs past the end: cut there
        (100, 150, 100, None, True),  # starts past the end: dropped
        (5, 999_999_999, 0, None, True),  # an empty document
    ],
)
def test_span_within(start: int | None, end: int | None, length: int, span: object, notice: bool) -> None:
    got, said = urls.span_within(View(doc="alpha-1", start=start, end=end), length)
    assert (got, said is not None) == (span, notice)


HOSTILE_SPANS = [
    ({"start": ["²"], "end": ["10"]}, 2),  # the bad start, then no span
    ({"start": ["0"], "end": ["9" * 5000]}, 2),
    ({"start": ["-5"], "end": ["10"]}, 2),
    ({"start": ["20"], "end": ["10"]}, 1),
    ({"start": ["10"], "end": ["10"]}, 1),
]


@pytest.mark.parametrize(("query", "notices"), HOSTILE_SPANS)
def test_hostile_span_falls_back_with_notices(query: dict[str, list[str]], notices: int) -> None:
    view, said = urls.parse_query({"doc": ["alpha-1"], **query}, CHOICES)
    assert view == View(doc="alpha-1")
    assert len(said) == notices, said


def test_notice_cuts_a_huge_value() -> None:
    _, said = urls.parse_query({"end": ["9" * 5000], "actor": ["x" * 5000]}, CHOICES)
    assert said and all(len(n) < 200 for n in said)


def test_notice_names_the_bad_value() -> None:
    _, said = urls.parse_query({"actor": ["atlantis"], "to": ["2022-02-30"]}, CHOICES)
    assert any("atlantis" in n for n in said) and any("2022-02-30" in n for n in said)


ROUND_TRIPS = [
    (View(Filters(actors=("nato", "russia"), date_from=date(2022, 1, 2))), "Timeline"),
    (View(Filters(sources=("Evening Post",)), group="source"), "Timeline"),
    (View(focus="nato", issue="talks"), "Actor_positions"),
    (View(Filters(date_to=date(2023, 1, 1)), a="beta-1", b="alpha-1"), "Source_comparison"),
    (View(doc="alpha-1", start=4, end=20), "Reader"),
]


@pytest.mark.parametrize(("view", "page"), ROUND_TRIPS)
def test_query_round_trip(view: View, page: str) -> None:
    back, said = urls.parse_query(urls.query_params(view, page), CHOICES)
    assert (back, said) == (view, [])


def test_query_params_keep_only_the_pages_own() -> None:
    view = View(Filters(actors=("nato",)), group="source", doc="alpha-1", start=1, end=2)
    assert urls.query_params(view, "Actor_positions") == {"actor": ["nato"]}
    assert urls.query_params(view, "Timeline") == {"actor": ["nato"], "group": ["source"]}
    assert urls.query_params(View(), "Timeline") == {}  # defaults stay out of the URL


@pytest.mark.parametrize(
    ("view", "page", "link"),
    [
        (View(), "Timeline", "Timeline"),
        (View(), "", "./"),
        (View(Filters(actors=("nato", "russia"))), "Timeline", "Timeline?actor=nato&actor=russia"),
        (View(Filters(sources=("Daily Ledger",))), "", "./?source=Daily+Ledger"),
    ],
)
def test_view_link(view: View, page: str, link: str) -> None:
    assert urls.view_link(view, page) == link


def test_reader_link() -> None:
    assert urls.reader_link("seed-001", 10, 42) == "Reader?doc=seed-001&start=10&end=42"


@pytest.mark.parametrize(
    ("name", "value", "check"),
    [
        ("actors", ("nato",), lambda v: v.filters.actors == ("nato",)),
        ("date_to", date(2022, 1, 1), lambda v: v.filters.date_to == date(2022, 1, 1)),
        ("group", "source", lambda v: v.group == "source"),
        ("doc", "beta-1", lambda v: v.doc == "beta-1" and v.start is None),  # a new doc drops the span
        ("doc", "alpha-1", lambda v: v.start == 1),  # the same doc keeps it
    ],
)
def test_updated(name: str, value: object, check: object) -> None:
    view = View(doc="alpha-1", start=1, end=5)
    assert check(urls.updated(view, name, value))  # type: ignore[operator]


def test_updated_refuses_unknown_field() -> None:
    with pytest.raises(KeyError):
        urls.updated(View(), "colour", "red")


def test_merge_link_keeps_other_pages_choices() -> None:
    old = View(Filters(actors=("nato",)), a="beta-1", doc="alpha-1", start=1, end=3)
    link = View(Filters(sources=("Evening Post",)), doc="beta-1")
    merged = urls.merge_link(old, link, "Reader")
    assert merged.filters == link.filters and merged.a == "beta-1"
    assert (merged.doc, merged.start, merged.end) == ("beta-1", None, None)


def test_every_parameter_is_documented_in_the_readme() -> None:
    """The README's parameter table names every parameter of the contract."""
    readme = Path(__file__).resolve().parents[2] / "README.md"
    text = readme.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z]+)`", text, flags=re.M))
    assert set(urls.PARAMS) <= documented


def test_the_pair_and_its_options_round_trip_on_actor_positions_only() -> None:
    view = View(by="nato", target="russia", guessed=True, top=50)
    params = urls.query_params(view, "Actor_positions")
    assert params == {"by": ["nato"], "target": ["russia"], "guessed": ["1"], "top": ["50"]}
    assert urls.parse_query(params, CHOICES) == (view, [])
    assert urls.query_params(view, "Timeline") == {}
    assert urls.query_params(View(), "Actor_positions") == {}  # defaults stay out of the link


@pytest.mark.parametrize(
    ("query", "tab", "notices"),
    [({"tab": ["claims"]}, "claims", 0), ({}, "pair", 0), ({"tab": ["<b>x</b>"]}, "pair", 1)],
)
def test_source_comparisons_open_tab_is_part_of_the_link(
    query: dict[str, list[str]], tab: str, notices: int
) -> None:
    choices = urls.Choices({}, (), (), {})
    view, said = urls.parse_query(query, choices)
    assert (view.tab, len(said)) == (tab, notices)
    params = urls.query_params(view, "Source_comparison")
    assert params.get("tab") == ([tab] if tab != "pair" else None)
    assert "tab" not in urls.query_params(view, "Timeline")


@pytest.mark.parametrize(
    ("query", "section", "notices"),
    [
        ({}, "statements", 0),
        ({"section": ["stances"]}, "stances", 0),
        ({"by": ["nato"]}, "stances", 0),  # a link that picks a pair opens the section showing it
        ({"guessed": ["1"]}, "stances", 0),
        ({"top": ["12"]}, "statements", 0),  # the default top sets nothing
        ({"by": ["nato"], "section": ["statements"]}, "statements", 0),
        ({"section": ["<b>x</b>"]}, "statements", 1),
    ],
)
def test_actor_positions_open_section_follows_the_link(
    query: dict[str, list[str]], section: str, notices: int
) -> None:
    view, said = urls.parse_query(query, CHOICES)
    assert (urls.open_section(view), len(said)) == (section, notices)
    back, _ = urls.parse_query(urls.query_params(view, "Actor_positions"), CHOICES)
    assert urls.open_section(back) == section  # the page's link opens the same section
    assert "section" not in urls.query_params(view, "Timeline")


def test_a_clicked_section_is_written_only_when_it_is_not_the_links_default() -> None:
    assert "section" not in urls.query_params(View(section="statements"), "Actor_positions")
    assert urls.query_params(View(section="stances"), "Actor_positions") == {"section": ["stances"]}
    picked = View(by="nato", section="statements")
    assert urls.query_params(picked, "Actor_positions") == {"by": ["nato"], "section": ["statements"]}


def test_picking_an_actor_or_an_issue_opens_the_statements() -> None:
    view = View(by="nato", section="stances")
    assert urls.open_section(urls.updated(view, "focus", "russia")) == "statements"
    assert urls.open_section(urls.updated(view, "issue", "talks")) == "statements"
    assert urls.open_section(urls.updated(view, "focus", None)) == "stances"  # clearing one does not
