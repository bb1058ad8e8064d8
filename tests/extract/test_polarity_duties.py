"""A denied duty reproaches; asserted it says nothing (lib/extract/polarity.py: _denied_duties,
lib/lexicons/evaluative.yaml: duties). Sentences written for these tests."""

from __future__ import annotations

import pytest

from lib.extract import polarity


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # denied: a reproach
        ("The harbour board no longer listens to the fishermen", -1),
        ("Venn does not speak for the farmers of this valley", -1),
        ("They never cared about the night shift", -1),
        ("The council has stopped representing anyone, and it does not represent us", -1),
        ("Nobody on that committee heeds the warnings", -1),
        # asserted: nothing
        ("The harbour board listens to the fishermen", 0),
        ("Venn speaks for the farmers of this valley", 0),
        # the speaker's own denial states a place, it blames no one
        ("I do not represent the union", 0),
        ("We don't speak for the ministry", 0),
        # "speak" without its particle is no duty
        ("Venn did not speak to reporters", 0),
    ],
)
def test_denied_duties(text: str, want: int) -> None:
    assert polarity.evaluation(text) == want
