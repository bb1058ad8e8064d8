"""Each statement's reading, made once when its batch folder is written and stored beside it.

Positions are counted over the whole corpus (the issues are found across it), but much of what
classifying a statement reads depends on the statement alone: where its sentences stop, and
whether each sentence is conditional or a demand (lib/extract/positions.py ``Reading``). That is
read where the report is extracted (the ingest's workers, in parallel), so the corpus step only
finds the issues and reads the predicate before each issue's word (issue #19: the sentences'
condition and demand were a fifth of the positions' CPU).

One row per row of the folder's quotes table, in its order: ``doc_id``, ``chars`` (the text's
length), ``stops``, ``conditional``, ``demand``. The file is stamped with a digest of the code
that reads statements; a file made by other code, or a folder without one (written before), is
not read: the corpus step then reads those statements itself, so the positions are the same
either way.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lib import LEXICONS, ROOT
from lib.extract.positions import Reading, reading_of
from lib.records import Quote
from lib.version import code_digest

READINGS = "statement_readings"  # the table's name, in a batch folder beside quotes.parquet
VERSION_KEY = "triangulate_readings"
SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string()),
        pa.field("chars", pa.int32()),  # the statement's length: a check that rows line up
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
    texts = quotes.column("text").to_pylist()
    read = [reading_of(text) for text in texts]
    return pa.table(
        {
            "doc_id": quotes.column("doc_id"),
            "chars": [len(t) for t in texts],
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


def lined_up(quotes: Sequence[Quote], rows: pa.Table) -> dict[str, Reading]:
    """Statement text -> reading, for the ``quotes`` (the live quotes in corpus order) from the
    readings ``rows`` of their batches (each batch's rows in its quotes table's order, as
    ``read_live`` reads them). A report's quotes keep its table's order in both, so they are
    matched report by report, row by row; a report whose rows do not line up (another count, a
    text of another length) gets none. Keyed by text: a reading is the text's."""
    by_doc: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_doc[q.doc_id].append(q)
    docs, chars = rows.column("doc_id").to_pylist(), rows.column("chars").to_pylist()
    counts = Counter(docs)
    columns = (rows.column(c).to_pylist() for c in ("stops", "conditional", "demand"))
    seen: Counter[str] = Counter()
    found: dict[str, Reading] = {}
    for doc, length, stops, conditional, demand in zip(docs, chars, *columns, strict=True):
        own = by_doc.get(doc, [])
        if counts[doc] != len(own):
            continue
        quote = own[seen[doc]]
        seen[doc] += 1
        if len(quote.text) == length:
            found[quote.text] = Reading(tuple(stops), tuple(conditional), tuple(demand))
    return found
