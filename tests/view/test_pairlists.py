"""The Source comparison page's lists: cut after a few rows with nothing lost, every row linked."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from dashboard_fixtures import comparison, sample_analysis

from lib.records import AlignedPair, Comparison, Span
from lib.view import frames, pairlists
from lib.view.pages import comparison_view
from lib.view.urls import choices_of, parse_query

ANALYSIS = sample_analysis()


@pytest.mark.parametrize(
    ("rows", "head", "shown", "rest", "label"),
    [
        (0, 8, 0, 0, ""),
        (3, 8, 3, 0, ""),
        (8, 8, 8, 0, ""),  # exactly the head: no control
        (10, 8, 10, 0, ""),  # two left over: shown, no control for them
        (11, 8, 8, 3, "Show the other 3 of 11"),
        (2500, 8, 8, 2492, "Show the other 2,492 of 2,500"),
        (5, 0, 1, 4, "Show the other 4 of 5"),  # a head of 0 still shows one row
    ],
)
def test_shortlist_keeps_every_row(rows: int, head: int, shown: int, rest: int, label: str) -> None:
    frame = pd.DataFrame({"n": range(rows)})
    short = pairlists.shortlist(frame, head)
    assert (len(short.head), len(short.rest), short.total) == (shown, rest, rows)
    assert short.rest_label == label
    assert list(short.head["n"]) + list(short.rest["n"]) == list(range(rows))  # order kept, none lost


def test_aligned_frame_pairs_both_sides_with_reader_links() -> None:
    claims = frames.claims_frame(ANALYSIS, comparison())
    aligned = pairlists.aligned_frame(claims)
    assert list(aligned.columns) == pairlists.ALIGNED_COLUMNS
    assert len(aligned) == 1
    row = aligned.iloc[0]
    assert row["relation"] == "same" and row["score"] == pytest.approx(0.82)
    assert row["a_text"].startswith("“We will not retreat,”")
    assert row["b_text"] == "Rufus Firefly said Freedonia would not retreat."
    for side, doc in (("a", "alpha-1"), ("b", "beta-1")):
        link = row[f"{side}_reader"]
        assert link.startswith("Reader?")
        view, _notes = parse_query(parse_qs(urlsplit(link).query), choices_of(ANALYSIS))
        assert (view.doc, view.start, view.end) == (doc, row[f"{side}_start"], row[f"{side}_end"])


@pytest.mark.parametrize(
    ("side", "doc", "text"),
    [
        ("A", "alpha-1", "Freedonia closed the Sylvania crossing on Monday."),
        ("B", "beta-1", "Ambassador Trentino called for talks in Geneva."),
    ],
)
def test_only_frame_lists_one_side_with_its_span(side: str, doc: str, text: str) -> None:
    only = pairlists.only_frame(frames.claims_frame(ANALYSIS, comparison()), side)
    assert list(only.columns) == pairlists.ONLY_COLUMNS
    assert only["text"].tolist() == [text]  # not the aligned claim, not the discrepancy
    assert only.loc[0, "doc_id"] == doc
    link = str(only.loc[0, "reader"])
    assert f"doc={doc}" in link and f"start={only.loc[0, 'start']}" in link


def test_empty_comparison_gives_empty_lists_with_their_columns() -> None:
    empty = frames.claims_frame(ANALYSIS, comparison()).iloc[0:0]
    assert list(pairlists.aligned_frame(empty).columns) == pairlists.ALIGNED_COLUMNS
    assert list(pairlists.only_frame(empty, "A").columns) == pairlists.ONLY_COLUMNS


def test_comparison_view_lists_add_up_to_the_claims() -> None:
    """Nothing the claims frame (and so the export) holds is missing from the page's lists."""
    shown = comparison_view(ANALYSIS, comparison())
    claims = shown.claims
    paired = claims[~claims["status"].isin(pairlists.ONLY)]
    assert len(shown.aligned) * 2 == len(paired)
    for side in ("A", "B"):
        only = claims[(claims["side"] == side) & (claims["status"] == "only")]
        assert len(shown.only[side]) == len(only)


@pytest.mark.parametrize(
    ("rows", "row", "height"),
    [
        (6, 72, pairlists.HEADER_ROW + 6 * 72),
        (1, 72, pairlists.HEADER_ROW + 72),
        (0, 72, pairlists.HEADER_ROW + 72),  # an empty table keeps one row's room
        (3, 35, pairlists.HEADER_ROW + 3 * 35),
    ],
)
def test_table_height_shows_the_head_whole(rows: int, row: int, height: int) -> None:
    assert pairlists.table_height(rows, row) == height


def _pair(same: int, related: int, only_a: int, only_b: int) -> Comparison:
    def span(doc: str, i: int) -> Span:
        return Span(doc, i * 10, i * 10 + 5, "claim")

    aligned = [AlignedPair(span("a", i), span("b", i), 0.5, "same") for i in range(same)]
    aligned += [AlignedPair(span("a", i), span("b", i), 0.3, "related") for i in range(same, same + related)]
    base = same + related
    return Comparison(
        "a",
        "b",
        tuple(aligned),
        tuple(span("a", base + i) for i in range(only_a)),
        tuple(span("b", base + i) for i in range(only_b)),
        (),
    )


@pytest.mark.parametrize(
    ("same", "related", "only_a", "only_b", "noted", "says"),
    [
        (5, 0, 110, 190, True, "only 5 of the 115 claims"),  # greetings shared by two meetings' reports
        (0, 1, 30, 40, True, "none of the 31 claims"),
        (8, 0, 24, 17, False, ""),  # a third of the shorter report: one event
        (1, 0, 5, 5, False, ""),  # too short a report to judge by the share
        (3, 0, 27, 50, False, ""),  # a tenth exactly is enough
    ],
)
def test_a_pair_sharing_few_claims_is_said_to_be_unlikely_one_event(
    same: int, related: int, only_a: int, only_b: int, noted: bool, says: str
) -> None:
    note = pairlists.few_shared_note(_pair(same, related, only_a, only_b))
    assert bool(note) == noted
    assert says in note
