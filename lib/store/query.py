"""The store as a DuckDB database: one view per table, which lib/store/slices.py queries for the pages.

Every batch table is a view over its batches' Parquet files joined to the manifest's live
(document, batch) pairs, so dead rows of replaced documents never show; actor ids pass through
the corpus's actor_map (see lib/store/parallel.py) in the queries. This module never imports spaCy: a
page opening a store pays for DuckDB and the manifest only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from lib.extract.dates.values import PERIOD_MACROS
from lib.store.parquet import MANIFEST, Manifest, corpus_path, read_manifest, table_path

BATCH_TABLES = ("documents", "mentions", "quotes", "dates", "numbers", "sentences")
CORPUS_TABLES = ("actors", "events", "positions", "actor_map")


def parquet_files(paths: Sequence[Path]) -> str:
    """The paths as a DuckDB list literal for read_parquet, quotes escaped."""
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


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
    # Without dead rows (no document replaced since the last compaction) every row is live: the
    # views then skip the join, which costs a hash join over millions of rows at 100,000 documents.
    dead = any(live[d] != b.id for b in manifest.batches for d in b.docs)
    for table in BATCH_TABLES if batches else ():
        key = "id" if table == "documents" else "doc_id"
        files = parquet_files([table_path(store, b, table) for b in batches])
        join = f" JOIN live ON live.doc_id = t.{key} AND live.live_batch = t.batch" if dead else ""
        con.execute(f"CREATE VIEW {table} AS SELECT t.* FROM read_parquet({files}) t{join}")
    for table in CORPUS_TABLES:
        files = parquet_files([corpus_path(store, manifest, table)])
        # file_row_number: the table's own order (merged events as lib.extract.events.extract ordered them)
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
