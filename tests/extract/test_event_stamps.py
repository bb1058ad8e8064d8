"""A web page's publication stamp dates the page, not what it tells (session 44, reader27).

Every page here is written for the test: a headline, a stamp line, a lead that dates its own
happening. The stamp is the report's date; as an event date it put the headline on the
publication day, a day or more after the happening.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.extract.pipeline import analyze_paths
from lib.records import DateMention

PAGE = (
    "Harbour crane collapses at Westport dock\n"
    "{stamp}\n"
    "A crane collapsed at the Westport dock on Tuesday, injuring two workers, officials said.\n"
    "The port authority closed the quay for the rest of the day.\n"
)


@pytest.mark.parametrize(
    "stamp",
    [
        "Published: March 13, 2013",
        "Posted on March 13, 2013 4:42 PM EDT",
        "Last Updated: Wednesday, 13 March 2013, 02:24 GMT",
        "PUBLISHED: WEDNESDAY, MARCH 13, 2013, 11:52 AM",
    ],
)
def test_a_publication_stamp_dates_no_event(tmp_path: Path, stamp: str) -> None:
    (tmp_path / "page.txt").write_text(PAGE.format(stamp=stamp))
    analysis = analyze_paths([tmp_path])
    assert analysis.documents[0].date == "2013-03-13"  # the stamp still dates the report
    assert [(e.date, e.precision) for e in analysis.events] == [("2013-03-12", "day")]


def _mention(text: str, surface: str) -> DateMention:
    start = text.index(surface)
    return DateMention("a", surface, start, start + len(surface), "2013-03-13", "day")


@pytest.mark.parametrize(
    ("text", "surface", "stamped"),
    [
        ("Headline\nPublished: March 13, 2013\nLead.", "March 13, 2013", True),
        ("Posted 3/13/2013 7:21 AM Updated 3/13/2013 3:41 PM", "3/13/2013 3:41", True),
        ("Posted on: 3:35 pm, March 13, 2013", "March 13, 2013", True),
        ("First Posted: 13 March 2013 06:44 ET", "13 March 2013", True),
        # prose that says a thing was published or posted on a day tells a happening
        ("The report, published on March 13, 2013, found no fault.", "March 13, 2013", False),
        ("The club posted on its website on March 13, 2013 that it had moved.", "March 13, 2013", False),
        ("A memoir published in March 13, 2013 editions sold out.", "March 13, 2013", False),
    ],
)
def test_what_a_stamp_is(text: str, surface: str, stamped: bool) -> None:
    from lib.extract.events.extract import _stamped

    assert _stamped(text, _mention(text, surface)) is stamped
