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
) -> str:
    """A brief of the current view: one bullet per row, each with a footnote to its source sentence."""
    missing = [c for c in (*PROVENANCE, text_column) if c not in frame.columns]
    if missing:
        raise ValueError(f"the frame lacks the columns {missing} a brief cites")
    lines = [f"# {title}", ""]
    lines += [intro, ""] if intro else []
    lines += [f"View: `{link}`", ""]
    lines += [f"- {f}" for f in filters] or ["- no filter: the whole corpus"]
    lines += ["", "## Findings", ""]
    notes = [footnote(row) for _, row in frame.iterrows()]
    lines += [f"- {_one_line(text)}[^{i}]" for i, text in enumerate(frame[text_column], start=1)]
    if frame.empty:
        lines.append("- Nothing matches these filters.")
    lines += [""] + [f"[^{i}]: {note}" for i, note in enumerate(notes, start=1)]
    return "\n".join(lines).rstrip() + "\n"


def describe_filters(
    actors: Sequence[str], sources: Sequence[str], date_from: str, date_to: str
) -> list[str]:
    """The active filters in words, for the head of a brief."""
    out = []
    if actors:
        out.append("actors: " + ", ".join(actors))
    if sources:
        out.append("sources: " + ", ".join(sources))
    if date_from or date_to:
        out.append(f"dates: {date_from or 'start'} to {date_to or 'end'}")
    return out
