"""The slices the pages show, queried from the store with DuckDB as pandas DataFrames.

Every batch table is a view over its batches' Parquet files joined to the manifest's live
(document, batch) pairs, so dead rows of replaced documents never show; actor ids pass through
the corpus's actor_map (see lib/parallel.py). This module never imports spaCy: a page opening a
store pays for DuckDB and the manifest only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from lib.store import MANIFEST, Manifest, corpus_path, read_manifest, table_path

BATCH_TABLES = ("documents", "mentions", "quotes", "dates", "numbers", "sentences")
CORPUS_TABLES = ("actors", "events", "positions", "actor_map")
DOC_COLUMNS = "d.title, d.source, d.date AS doc_date"


@dataclass(frozen=True)
class Filters:
    """A page's filters; None or empty means no filter."""

    actors: Sequence[str] = ()
    date_from: str | None = None  # ISO, compared as text: "2022-02" is inside 2022-02-01..
    date_to: str | None = None
    sources: Sequence[str] = ()  # outlet names (Document.source)
    issues: Sequence[str] = field(default_factory=tuple)


def _files(paths: Sequence[Path]) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


# The days an ISO date value covers, as lib.frames.period reads them: 2022-01-26, 2022-W04,
# 2022-01, 2014 (NULL for anything else).
PERIOD_MACROS = (
    "CREATE MACRO iso_week_monday(y, w) AS "
    "make_date(y, 1, 4) - CAST(isodow(make_date(y, 1, 4)) - 1 AS INTEGER) + 7 * (w - 1)",
    "CREATE MACRO period_start(v) AS CASE "
    "WHEN regexp_full_match(v, '\\d{4}-W\\d{2}') "
    "THEN iso_week_monday(CAST(v[1:4] AS INTEGER), CAST(v[7:8] AS INTEGER)) "
    "WHEN regexp_full_match(v, '\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST(v AS DATE) "
    "WHEN regexp_full_match(v, '\\d{4}-\\d{2}') THEN TRY_CAST(v || '-01' AS DATE) "
    "WHEN regexp_full_match(v, '\\d{4}') THEN TRY_CAST(v || '-01-01' AS DATE) END",
    "CREATE MACRO period_end(v) AS CASE "
    "WHEN regexp_full_match(v, '\\d{4}-W\\d{2}') THEN period_start(v) + 6 "
    "WHEN regexp_full_match(v, '\\d{4}-\\d{2}') THEN last_day(period_start(v)) "
    "WHEN regexp_full_match(v, '\\d{4}') THEN TRY_CAST(v || '-12-31' AS DATE) "
    "ELSE period_start(v) END",
)

_OPEN: dict[Path, tuple[tuple[int, int], Manifest, duckdb.DuckDBPyConnection]] = {}
MAX_OPEN = 4  # stores kept open; a page session uses one


def _build(store: Path, manifest: Manifest) -> duckdb.DuckDBPyConnection:
    """An in-memory database with one view per table of the store."""
    con = duckdb.connect()
    live = manifest.live()
    pairs = pa.table(
        {
            "doc_id": pa.array(list(live), pa.string()),
            "live_batch": pa.array(list(live.values()), pa.string()),
        }
    )
    con.register("live_pairs", pairs)
    con.execute("CREATE TABLE live AS SELECT * FROM live_pairs")  # a table: cursors see it
    con.unregister("live_pairs")
    batches = sorted(set(live.values()))
    for table in BATCH_TABLES if batches else ():
        key = "id" if table == "documents" else "doc_id"
        files = _files([table_path(store, b, table) for b in batches])
        con.execute(
            f"CREATE VIEW {table} AS SELECT t.* FROM read_parquet({files}) t "
            f"JOIN live ON live.doc_id = t.{key} AND live.live_batch = t.batch"
        )
    for table in CORPUS_TABLES:
        files = _files([corpus_path(store, manifest, table)])
        # file_row_number: the table's own order (merged events as lib.events ordered them)
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({files}, file_row_number = true)")
    for macro in PERIOD_MACROS:
        con.execute(macro)
    return con


def connect(store: Path) -> tuple[duckdb.DuckDBPyConnection, Manifest] | None:
    """A cursor on the store's views and its manifest (None for an empty store).

    The database is kept while the manifest file is unchanged, so a page's second query
    pays nothing for opening; each caller gets its own cursor (DuckDB cursors are per thread).
    """
    path = store / MANIFEST
    if not path.is_file():
        return None
    info = path.stat()
    stamp = (info.st_ino, info.st_mtime_ns)  # the manifest is replaced, never edited: a new inode
    cached = _OPEN.get(store)
    if cached is None or cached[0] != stamp:
        manifest = read_manifest(store)
        if not manifest.batches or not manifest.corpus:
            return None
        if len(_OPEN) >= MAX_OPEN:
            _OPEN.pop(next(iter(_OPEN)))[2].close()
        cached = _OPEN[store] = (stamp, manifest, _build(store, manifest))
    return cached[2].cursor(), cached[1]


def _where(conditions: list[tuple[str, Any]]) -> tuple[str, list[Any]]:
    """The WHERE clause of the filters that are set (a value of None or () is no filter)."""
    kept = [(sql, value) for sql, value in conditions if value]
    clause = " AND ".join(sql for sql, _ in kept)
    return (f" WHERE {clause}" if clause else ""), [value for _, value in kept]


def _doc_filters(f: Filters, actor_column: str) -> list[tuple[str, Any]]:
    return [
        (f"list_contains(?, {actor_column})", list(f.actors)),
        ("d.date >= ?", f.date_from),
        ("d.date <= ?", f.date_to),
        ("list_contains(?, d.source)", list(f.sources)),
    ]


def _frame(store: Path, sql: str, params: list[Any]) -> pd.DataFrame:
    opened = connect(store)
    return pd.DataFrame() if opened is None else opened[0].execute(sql, params).df()


def _mapped_rows(store: Path, filters: Filters, table: str, id_column: str, columns: str) -> pd.DataFrame:
    """The rows (alias t) of a batch table whose actor id is `id_column`, filtered, in reading
    order, with their document's title, source and date; `columns` is the select list, in
    which {actor} stands for the row's corpus actor id (through the batch's actor_map)."""
    actor = f"coalesce(m.corpus_id, t.{id_column})"
    where, params = _where(_doc_filters(filters, actor))
    sql = (
        f"SELECT {columns.format(actor=actor)}, {DOC_COLUMNS} FROM {table} t "
        "JOIN documents d ON d.id = t.doc_id "
        f"LEFT JOIN actor_map m ON m.batch = t.batch AND m.actor_id = t.{id_column}"
        f"{where} ORDER BY d.date, t.doc_id, t.start"
    )
    return _frame(store, sql, params)


def query_quotes(store: Path, filters: Filters = Filters()) -> pd.DataFrame:
    """Quotes with their corpus speaker id and their document's title, source and date."""
    columns = "t.* EXCLUDE (speaker_id, batch), {actor} AS speaker_id"
    return _mapped_rows(store, filters, "quotes", "speaker_id", columns)


def query_mentions(store: Path, filters: Filters = Filters()) -> pd.DataFrame:
    """Named mentions with their corpus actor id and their document's title, source and date."""
    columns = "t.doc_id, {actor} AS actor_id, t.text, t.start, t.end"
    return _mapped_rows(store, filters, "mentions", "actor_id", columns)


def query_events(store: Path, filters: Filters = Filters()) -> pd.DataFrame:
    """Merged events on the timeline: any of the actors, the date range, reported by any of the sources."""
    outlets = "(SELECT list(id) FROM documents WHERE list_contains(?, source))"
    where, params = _where(
        [
            ("list_has_any(e.actors, ?)", list(filters.actors)),
            ("e.date >= ?", filters.date_from),
            ("e.date <= ?", filters.date_to),
            (f"list_has_any(e.sources, {outlets})", list(filters.sources)),
        ]
    )
    return _frame(store, f"SELECT * FROM events e{where} ORDER BY e.date", params)


def query_positions(store: Path, filters: Filters = Filters()) -> pd.DataFrame:
    """Actor x issue x stance rows for the actors and issues asked for."""
    where, params = _where(
        [
            ("list_contains(?, p.actor_id)", list(filters.actors)),
            ("list_contains(?, p.issue)", list(filters.issues)),
        ]
    )
    return _frame(store, f"SELECT * FROM positions p{where} ORDER BY p.actor_id, p.issue", params)


DOC_TABLES = {
    "documents": "SELECT * EXCLUDE (batch) FROM read_parquet({f}) WHERE id = ?",
    "sentences": "SELECT * EXCLUDE (batch) FROM read_parquet({f}) WHERE doc_id = ?",
    "numbers": "SELECT * EXCLUDE (batch) FROM read_parquet({f}) WHERE doc_id = ?",
    "quotes": "SELECT t.* EXCLUDE (batch, speaker_id), coalesce(m.corpus_id, t.speaker_id) AS speaker_id "
    "FROM read_parquet({f}) t LEFT JOIN actor_map m ON m.batch = t.batch AND m.actor_id = t.speaker_id "
    "WHERE t.doc_id = ? ORDER BY t.start",
    "mentions": "SELECT t.doc_id, coalesce(m.corpus_id, t.actor_id) AS actor_id, t.text, t.start, t.end "
    "FROM read_parquet({f}) t LEFT JOIN actor_map m ON m.batch = t.batch AND m.actor_id = t.actor_id "
    "WHERE t.doc_id = ? ORDER BY t.start",
}


def query_document(store: Path, doc_id: str) -> dict[str, pd.DataFrame]:
    """What the reader and the comparison show of a document: it, its sentences, quotes, mentions, numbers.

    Only the document's own batch is read: the manifest says which it is.
    """
    opened = connect(store)
    batch = opened[1].live().get(doc_id) if opened else None
    if opened is None or batch is None:
        return {}
    con = opened[0]
    return {
        t: con.execute(sql.format(f=_files([table_path(store, batch, t)])), [doc_id]).df()
        for t, sql in DOC_TABLES.items()
    }


def home_data(store: Path) -> dict[str, Any]:
    """The home page's figures: documents (without text), and the counts of quotes, events and actors."""
    opened = connect(store)
    if opened is None:
        return {"documents": pd.DataFrame(), "quotes": 0, "events": 0, "actors": 0}
    con = opened[0]
    docs = con.execute("SELECT id, title, source, date, url FROM documents ORDER BY date, id").df()
    counts = con.execute(
        "SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM events), (SELECT count(*) FROM actors)"
    ).fetchone()
    quotes, events, actors = counts if counts else (0, 0, 0)
    return {"documents": docs, "quotes": quotes, "events": events, "actors": actors}
