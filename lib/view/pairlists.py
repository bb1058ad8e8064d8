"""The Source comparison page's lists, cut for reading: what both reports say, what only one says.

A comparison of two long reports lists dozens of claims; laid out in full they pushed the texts (and
everything after) thousands of pixels down. Each list is shown as its first ``LIST_HEAD`` rows with
the count, the rest one click away (``Shortlist``); nothing is dropped, and the exports keep every
row. Every row carries its span and a Reader link to it (provenance).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.compare.when import few_shared
from lib.records import Comparison
from lib.view.frames import table
from lib.view.urls import reader_link

CARDS_HEAD = 5  # discrepancy cards shown before "the other N": each card is some 250-450 px tall
LIST_HEAD = 6  # rows a list shows before "the other N": with wrapped rows, about half a screen
WRAPPED_ROW = 72  # px of a list's row: a claim wraps onto three lines instead of being cut short
SPARE = 2  # a rest this short is shown with the head: a control that opens one row is no saving
HEADER_ROW = 38  # px of a table's header row and borders (Streamlit's dataframe, 1.67)
TEXT_HEIGHT = 520  # px of each report's scrollable box: some 20 lines, both boxes in one screen
ONLY = ("only", "discrepancy")  # claim statuses that are not an aligned pair

ALIGNED_COLUMNS = ["relation", "score", "a_text", "b_text", "a_reader", "b_reader"]
ALIGNED_COLUMNS += ["a_start", "a_end", "b_start", "b_end"]
ONLY_COLUMNS = ["text", "reader", "doc_id", "start", "end"]


@dataclass(frozen=True)
class Shortlist:
    """A list's first rows, the rest, and how many in all."""

    head: pd.DataFrame
    rest: pd.DataFrame

    @property
    def total(self) -> int:
        return len(self.head) + len(self.rest)

    @property
    def rest_label(self) -> str:
        """The label of the control that shows the rest ("" when nothing is left out)."""
        n = len(self.rest)
        return f"Show the other {n:,} of {self.total:,}" if n else ""


def shortlist(frame: pd.DataFrame, head: int = LIST_HEAD) -> Shortlist:
    """``frame`` cut after ``head`` rows (at least one row stays in the head), uncut when no more
    than ``SPARE`` rows would be left over."""
    cut = max(head, 1)
    cut = len(frame) if len(frame) <= cut + SPARE else cut
    return Shortlist(frame.iloc[:cut].reset_index(drop=True), frame.iloc[cut:].reset_index(drop=True))


def table_height(rows: int, row: int = WRAPPED_ROW) -> int:
    """The px height that shows a table's ``rows`` whole (Streamlit's own default stops at ~10 short
    rows and scrolls inside, which hid half of a wrapped head); at least one row's room."""
    return HEADER_ROW + max(rows, 1) * row


def _reader(row: pd.Series) -> str:
    return reader_link(str(row["doc_id"]), int(row["start"]), int(row["end"]))


def aligned_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per aligned pair of ``frames.claims_frame``: what A says, what B says, both links;
    in A's order, as one reads A beside B."""
    paired = claims[~claims["status"].isin(ONLY)]
    if paired.empty:
        return table([], ALIGNED_COLUMNS)
    sides: dict[str, pd.DataFrame] = {}
    for side in ("A", "B"):
        rows = paired[paired["side"] == side].set_index("pair")
        key = side.lower()
        sides[key] = pd.DataFrame(
            {
                "relation": rows["status"],
                "score": pd.to_numeric(rows["detail"], errors="coerce"),
                f"{key}_text": rows["text"],
                f"{key}_reader": rows.apply(_reader, axis=1),
                f"{key}_start": rows["start"],
                f"{key}_end": rows["end"],
            }
        )
    both = sides["a"].join(sides["b"].drop(columns=["relation", "score"]), how="inner")
    both = both.sort_values("a_start", kind="stable")
    return both.reset_index(drop=True)[ALIGNED_COLUMNS]


def only_frame(claims: pd.DataFrame, side: str) -> pd.DataFrame:
    """The claims only report ``side`` ("A" or "B") makes, in the report's order, with Reader links."""
    rows = claims[(claims["side"] == side) & (claims["status"] == "only")]
    if rows.empty:
        return table([], ONLY_COLUMNS)
    rows = rows.sort_values("start", kind="stable")
    out = rows.assign(reader=rows.apply(_reader, axis=1))
    return out.reset_index(drop=True)[ONLY_COLUMNS]


def few_shared_note(comparison: Comparison) -> str:
    """A note when two reports say the same thing in few of their claims: they are most likely not
    reports of one event, and their "both say" rows are formulas rather than facts. "" otherwise."""
    same = sum(1 for p in comparison.aligned if p.relation == "same")
    shorter = min(
        len(comparison.aligned) + len(comparison.only_a), len(comparison.aligned) + len(comparison.only_b)
    )
    if not few_shared(same, shorter):
        return ""
    told = f"only {same:,} of the {shorter:,} claims" if same else f"none of the {shorter:,} claims"
    return (
        f"These two reports say the same thing in {told} of the shorter one: they are most likely not "
        "reports of one event, so read what both say as coincidence. Pick two reports of one event above."
    )
