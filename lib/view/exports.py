"""Exports of what a page shows: CSV, JSON and a Markdown brief with footnotes to the sources."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd

from lib.view.frames import PROVENANCE

# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(...) in a
# report's title would run on opening the CSV): OWASP's CSV injection guidance.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, prefixed with ' so it reads as text;
    other cells (numbers included: -3 is a number, not a formula) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV, formula-like text cells neutralised (the JSON keeps them as they are)."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(neutralised)
    return safe.to_csv(index=False).encode("utf-8")


def json_bytes(frame: pd.DataFrame) -> bytes:
    """A JSON array of row objects, UTF-8, non-ASCII kept readable."""
    records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def footnote(row: pd.Series) -> str:
    """``source (report date), doc_id chars start–end: “sentence”``."""
    where = f"{row['source'] or row['doc_id']} ({row['date'] or 'undated'})"
    return f"{where}, {row['doc_id']} chars {row['start']}–{row['end']}: “{_one_line(row['sentence'])}”"


def markdown_brief(
    title: str,
    link: str,
    filters: Sequence[str],
    frame: pd.DataFrame,
    text_column: str,
    intro: str = "",
    group_column: str | None = None,
) -> str:
    """A brief of the current view: its full link on top, then one entry per finding, each with
    footnotes to its source sentences.

    A finding is a row, or with ``group_column`` (an event's id) every row of one value: its text is
    the first row's, its evidence all the rows' sentences (each once), so an event reported in three
    sentences is one entry with three footnotes, not three entries."""
    missing = [c for c in (*PROVENANCE, text_column) if c not in frame.columns]
    if missing:
        raise ValueError(f"the frame lacks the columns {missing} a brief cites")
    shown = f"<{link}>" if link.startswith(("http://", "https://")) else f"`{link}`"  # autolinked
    lines = [f"# {title}", "", f"View: {shown}", ""]
    lines += [intro, ""] if intro else []
    lines += [f"- {f}" for f in filters] or ["- no filter: the whole corpus"]
    lines += ["", "## Findings", ""]
    notes: list[str] = []
    for _, rows in _findings(frame, group_column):
        marks = ""
        for _, row in rows.drop_duplicates(["doc_id", "start", "end"]).iterrows():
            notes.append(footnote(row))
            marks += f"[^{len(notes)}]"
        lines.append(f"- {_one_line(rows[text_column].iloc[0])}{marks}")
    if frame.empty:
        lines.append("- Nothing matches these filters.")
    lines += [""] + [f"[^{i}]: {note}" for i, note in enumerate(notes, start=1)]
    return "\n".join(lines).rstrip() + "\n"


def _findings(frame: pd.DataFrame, group_column: str | None) -> list[tuple[object, pd.DataFrame]]:
    """The frame's findings in the frame's order: one row each, or the rows of one group value."""
    if group_column is None:
        return [(i, frame.iloc[[i]]) for i in range(len(frame))]
    return list(frame.groupby(group_column, sort=False))
