"""The store as a DuckDB database: one view per table, which lib/store/slices.py queries for the pages.

Every batch table is a view over its batches' Parquet files joined to the manifest's live
(document, batch) pairs, so dead rows of replaced documents never show; actor ids pass through
the corpus's actor_map (see lib/store/parallel.py) in the queries. This module never imports spaCy: a
page opening a store pays for DuckDB and the manifest only.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from lib.extract.dates.values import PERIOD_MACROS
from lib.records import Actor, CorpusClaim, Event, Position
from lib.store.check import CORPUS_TABLES, StoreReport, check_store
from lib.store.columns import records_table
from lib.store.parquet import MANIFEST, Manifest, actor_map_table, corpus_path, table_path
from lib.store.terms import TERMS

BATCH_TABLES = ("documents", "mentions", "quotes", "dates", "numbers", "sentences")
Stamp = tuple[tuple[str, int, int, int], ...]


def parquet_files(paths: Sequence[Path]) -> str:
    """The paths as a DuckDB list literal for read_parquet, quotes escaped."""
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


_OPEN: dict[Path, tuple[Stamp, Manifest, duckdb.DuckDBPyConnection]] = {}
_HEALTH: dict[Path, tuple[Stamp, StoreReport]] = {}
MAX_OPEN = 4  # stores kept open; a page session uses one


def _stat(info: os.stat_result) -> tuple[int, int, int]:
    return info.st_ino, info.st_size, info.st_mtime_ns


def _entry(path: Path) -> list[tuple[str, int, int, int]]:
    try:
        return [(str(path), *_stat(path.stat()))]
    except (FileNotFoundError, NotADirectoryError):  # removed by an ingest meanwhile
        return []


def _folders(root: Path) -> list[tuple[str, int, int, int]]:
    """``root`` and each folder in it (not the files inside them)."""
    found = _entry(root)
    try:
        with os.scandir(root) as entries:
            found += [(e.path, *_stat(e.stat())) for e in entries if not e.name.startswith(".tmp")]
    except (FileNotFoundError, NotADirectoryError):  # renamed or removed by an ingest meanwhile
        pass
    return found


def stamp(store: Path) -> Stamp:
    """The manifest, the store's folders and each batch and corpus folder as (path, inode, size,
    mtime): every change the code makes to a store changes it.

    Every writer of the store renames what it wrote into place (lib/store/parquet.py: a batch or
    corpus folder, the manifest; lib/store/terms.py: a rebuilt term index) or removes a folder
    (compaction, garbage collection), and a rename or removal inside a folder sets that folder's
    mtime (POSIX); the manifest, replaced whole, is a new inode each time. So ingest, repair,
    compaction and a corpus refresh are all seen, at a stat per folder: at 72 batch folders the
    stat of every file (580) took 3 ms of CPU and 20-50 ms of waiting on a loaded machine, for
    each query. Not seen: a file damaged in place (truncated or overwritten by something else than
    this code) after the store was opened; the check sees it at the next change, and a read that
    fails meanwhile is a message (ui.py ``_reading``), as is damage inside a file the check passes."""
    found = _entry(store / MANIFEST)
    for root in (store / "batches", store / "corpus"):
        found += _folders(root)
    return tuple(sorted(found))


def store_health(store: Path, now: Stamp | None = None) -> StoreReport:
    """check_store's report, checked again only when a file of the store has changed (``now``:
    the store's stamp, when the caller has it)."""
    now = stamp(store) if now is None else now
    cached = _HEALTH.get(store)
    if cached is None or cached[0] != now:
        if len(_HEALTH) >= MAX_OPEN:
            _HEALTH.pop(next(iter(_HEALTH)))
        cached = _HEALTH[store] = (now, check_store(store))
    return cached[1]


def _empty_corpus_table(table: str) -> pa.Table:
    """A damaged corpus table's stand-in: no rows, the columns the queries ask for."""
    empty = {
        "actors": records_table((), Actor),
        "events": records_table((), Event),
        "positions": records_table((), Position),
        "actor_map": actor_map_table({}),
        "claims": records_table((), CorpusClaim),
    }[table]
    return empty.append_column("file_row_number", pa.array([], pa.int64()))


def _build(
    store: Path, manifest: Manifest, damaged: Sequence[str] = (), index: bool = True
) -> duckdb.DuckDBPyConnection:
    """An in-memory database with one view per table of the store; ``damaged`` corpus tables empty;
    ``index``: every live batch's term index reads, so the ``terms`` view is made (lib/store/terms.py)."""
    con = duckdb.connect()
    # Parquet footers read once per connection: a search reads the index of every batch each time.
    con.execute("SET parquet_metadata_cache = true")
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
    for table in (*BATCH_TABLES, TERMS) if batches else ():
        if table == TERMS and not index:
            continue
        key = "id" if table == "documents" else "doc_id"
        files = parquet_files([table_path(store, b, table) for b in batches])
        join = f" JOIN live ON live.doc_id = t.{key} AND live.live_batch = t.batch" if dead else ""
        con.execute(f"CREATE VIEW {table} AS SELECT t.* FROM read_parquet({files}) t{join}")
    for table in CORPUS_TABLES:
        if table in damaged:
            con.register("empty", _empty_corpus_table(table))
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM empty")
            con.unregister("empty")
            continue
        files = parquet_files([corpus_path(store, manifest, table)])
        # file_row_number: the table's own order (merged events as lib.extract.events.extract ordered them)
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({files}, file_row_number = true)")
    for macro in PERIOD_MACROS:
        con.execute(macro)
    return con


def connect(store: Path) -> tuple[duckdb.DuckDBPyConnection, Manifest] | None:
    """A cursor on the store's views and its manifest (None for an empty store).

    A damaged store (lib/store/check.py) shows what can still be read: the documents of damaged
    batches are left out of the manifest and the views, damaged corpus tables are empty. The
    database is kept while no file of the store changes, so a page's second query pays a stat
    per file for opening; each caller gets its own cursor (DuckDB cursors are per thread).
    """
    now = stamp(store)
    health = store_health(store, now)
    cached = _OPEN.get(store)
    if cached is None or cached[0] != now:
        manifest = health.readable()
        if not manifest.batches or not manifest.corpus:
            return None
        if len(_OPEN) >= MAX_OPEN:
            _OPEN.pop(next(iter(_OPEN)))[2].close()
        unindexed = set(health.index_batches) & {b.id for b in manifest.batches}
        built = _build(store, manifest, health.corpus_damaged, index=not unindexed)
        cached = _OPEN[store] = (now, manifest, built)
    return cached[2].cursor(), cached[1]


_DERIVING = threading.Lock()  # one thread makes a derived table; the others wait and read it


def derived(con: duckdb.DuckDBPyConnection, name: str, sql: str) -> None:
    """Make table ``name`` from ``sql`` on the store's views, unless this database has it already.

    A table derived from the views (the exchanges of the Network page, lib/store/slices.py) is made
    by the first query that needs it and kept as long as the database: ``connect`` builds a new one
    when a file of the store changes, so it is always that of the store as the views show it (a
    repaired, re-ingested or compacted store gets it anew, its damaged parts left out alike)."""
    if not _has_table(con, name):
        with _DERIVING:
            if not _has_table(con, name):
                con.execute(f"CREATE TABLE {name} AS {sql}")


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    try:
        con.table(name)  # a catalog look-up (a query of duckdb_tables() took 2-10 ms)
    except duckdb.CatalogException:
        return False
    return True
