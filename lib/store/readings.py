"""Each statement's reading, made once when its batch folder is written and stored beside it.

Positions are counted over the whole corpus (the issues are found across it), but much of what
classifying a statement reads depends on the statement alone: where its sentences stop, and
whether each sentence is conditional or a demand (lib/extract/positions.py ``Reading``). That is
read where the report is extracted (the ingest's workers, in parallel), so the corpus step only
finds the issues and reads the predicate before each issue's word (issue #19: the sentences'
condition and demand were a fifth of the positions' CPU).

One row per row of the folder's quotes table, in its order: ``doc_id``, ``stops``,
``conditional``, ``demand``. The file is stamped with a digest of the code that reads statements;
a file made by other code, or a folder without one (written before), is not read: the corpus step
then reads those statements itself, so the positions are the same either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lib import LEXICONS, ROOT
from lib.extract.positions import Reading, reading_of
from lib.version import code_digest

READINGS = "statement_readings"  # the table's name, in a batch folder beside quotes.parquet
VERSION_KEY = "triangulate_readings"
SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string()),
        pa.field("stops", pa.list_(pa.int32())),
        pa.field("conditional", pa.list_(pa.bool_())),
        pa.field("demand", pa.list_(pa.bool_())),
    ]
)
# What turns a statement's text into its reading.
READING_CODE = (
    ROOT / "extract" / "positions.py",
    ROOT / "extract" / "polarity.py",
    LEXICONS / "evaluative.yaml",
)


@cache
def readings_version() -> str:
    return code_digest(READING_CODE)[:16]


def readings_table(quotes: pa.Table) -> pa.Table:
    """The reading of each row of a quotes table, in its order."""
    read = [reading_of(text) for text in quotes.column("text").to_pylist()]
    return pa.table(
        {
            "doc_id": quotes.column("doc_id"),
            "stops": [list(r.stops) for r in read],
            "conditional": [list(r.conditional) for r in read],
            "demand": [list(r.demand) for r in read],
        },
        schema=SCHEMA,
    ).replace_schema_metadata({VERSION_KEY: readings_version()})


def write_readings(tables: Mapping[str, pa.Table], folder: Path) -> None:
    """The readings of the statements of a folder being written (its tables)."""
    if "quotes" in tables:
        pq.write_table(readings_table(tables["quotes"]), folder / f"{READINGS}.parquet")


def current(path: Path) -> bool:
    """The file is there and was made by this code."""
    try:
        found = (pq.read_schema(path).metadata or {}).get(VERSION_KEY.encode(), b"").decode()
    except (OSError, pa.ArrowInvalid):
        return False
    return bool(found == readings_version())


def batch_readings(texts: list[str], table: pa.Table) -> dict[str, Reading]:
    """Statement text -> reading, from a batch's quotes' texts and its readings rows (the same rows,
    in the same order); none when they do not line up. Keyed by text: a reading is the text's."""
    if table.num_rows != len(texts):
        return {}
    columns = (table.column(c).to_pylist() for c in ("stops", "conditional", "demand"))
    return {
        text: Reading(tuple(stops), tuple(conditional), tuple(demand))
        for text, stops, conditional, demand in zip(texts, *columns, strict=True)
    }
