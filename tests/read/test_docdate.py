"""lib/read/docdate.py: a document's date from its metadata or, failing that, from its text."""

from __future__ import annotations

import datetime as dt

import pytest

from lib.read.docdate import infer_date, normalize_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks opened on January 24, 2022 and closed on January 26, 2022.", "2022-01-26"),
        ("Posted 26 January 2022; updated 27 Jan. 2022.", "2022-01-27"),
        ("Filed 2022-01-26 at noon; see also March 3rd, 2021.", "2022-01-26"),
        ("The 3rd of March, 2021 was a Wednesday.", "2021-03-03"),
        ("A tweet — Ann Lee (@annlee) Sept. 9, 2020", "2020-09-09"),
        # a birth announced as news keeps its date: no later year is named
        ("The twins were born on March 3, 2021, at the county hospital.", "2021-03-03"),
        # a birth date in a profile naming later years dates a life, not the report
        ("Orla Venn, who has died at 88, was born in Dunmore on May 2, 1931. She sang until 2009.", None),
        (
            "Kasimir Dorn (born 4 June 1940) led the union in 1975. He was re-elected on 9 May 1979.",
            "1979-05-09",
        ),
        # NEGATIVE: no full date, or no valid one
        ("The talks will resume in January 2022.", None),
        ("On Tuesday, officials met again.", None),
        ("The deadline of February 30, 2022 does not exist.", None),
        ("Order number 2022-13-45 was shipped.", None),
        ("In 2014 Russia annexed Crimea.", None),
        ("", None),
    ],
)
def test_infer_date(text: str, expected: str | None) -> None:
    assert infer_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-01-27", "2022-01-27"),
        ("2022-01-27T09:30:00Z", "2022-01-27"),
        (" 2022-01-27 ", "2022-01-27"),
        ("January 27, 2022", "2022-01-27"),
        ("27 January 2022", "2022-01-27"),
        (dt.date(2022, 1, 27), "2022-01-27"),
        (dt.datetime(2022, 1, 27, 9, 30), "2022-01-27"),
        # NEGATIVE
        ("yesterday", None),
        ("2022-02-30", None),
        ("", None),
        (None, None),
        (20220127, None),
        ("January 26, 2022 or January 27, 2022", None),  # ambiguous: two dates
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected
