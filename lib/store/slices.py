"""The slice of a store a page shows, read with DuckDB through lib/store/query.py's views.

A page on a store never holds the corpus. It gets an Analysis (lib/records.py) with every
document's metadata but not its text, every actor and position (the filters and the heatmap
offer them), and only the rows its view selects: the events in view on the Timeline, the
statements asked for on Actor positions, the picked reports on Source comparison and Reader.
The pages' frames (lib/view/frames.py, lib/view/timeline.py) run on it unchanged, and
tests/store/test_slices.py checks they give what they give on the whole analysis. Long lists are cut
at frames.MAX_ROWS, and a note says how many rows matched.

The store index (documents without text, actors, positions, date bounds) is read once per
store generation; the slices are read per view.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa

from lib.compare.corpus import MAX_PAIR_DOCS
from lib.compare.when import PAIRS_SCANNED, one_event_pairs
from lib.extract.dates.values import period
from lib.records import (
    GROUP_PREFIX,
    Actor,
    Analysis,
    Corpus,
    CorpusClaim,
    DateMention,
    Document,
    Event,
    Mention,
    NumberClaim,
    Position,
    Quote,
    Span,
)
from lib.store.columns import table_records
from lib.store.parquet import Manifest, table_path
from lib.store.query import connect, derived, parquet_files
from lib.store.terms import TERMS, prefix_range
from lib.view import filters as filter_defs
from lib.view import frames, network, search, stances, timeline
from lib.view.filters import Filters
from lib.view.urls import ACTOR_TYPES, Choices, View, choices_of, default_docs, reader_doc

R = TypeVar("R")
DOC_FIELDS = "id, title, source, date, date_basis, language, url, path, translated_from"
# A batch table's records (alias t) with their actor id mapped to the corpus's.
QUOTE_COLUMNS = "t.* EXCLUDE (batch, speaker_id), coalesce(m.corpus_id, t.speaker_id) AS speaker_id"
QUOTE_JOIN = (
    "LEFT JOIN actor_map m ON m.batch = t.batch AND m.doc_id = t.doc_id AND m.actor_id = t.speaker_id"
)
MENTION_COLUMNS = "t.* EXCLUDE (batch, actor_id), coalesce(m.corpus_id, t.actor_id) AS actor_id"
# A Mention's own fields only: the table also holds each mention's raw actor (a struct with a list of
# aliases) for settling, which a page never reads and which took most of a mentions query's decoding.
MENTION_FIELDS = 't.doc_id, coalesce(m.corpus_id, t.actor_id) AS actor_id, t.text, t.start, t."end"'
MENTION_JOIN = (
    "LEFT JOIN actor_map m ON m.batch = t.batch AND m.doc_id = t.doc_id AND m.actor_id = t.actor_id"
)


VIEWS_KEPT = 16  # document filters whose documents in view a store index keeps
_VIEWS_LOCK = threading.Lock()


@dataclass(frozen=True)
class StoreIndex:
    """What every page of a store needs whatever its view: read once per store generation."""

    store: Path
    base: Analysis  # documents without text, actors, positions, errors; no per-document rows
    choices: Choices
    bounds: tuple[date, date] | None
    # the documents in view of the last few filters (``in_view``); not part of the index's value
    _views: dict[Filters, tuple[pa.Table, Collection[str]]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @cached_property
    def order(self) -> dict[str, int]:
        """Document id -> its place in the corpus."""
        return {d.id: i for i, d in enumerate(self.base.documents)}

    @cached_property
    def newest(self) -> dict[str, int]:
        """Document id -> lib/view/search.py's ranking key for its date (newer first)."""
        return {d.id: search.newest_first(d) for d in self.base.documents}

    @cached_property
    def doc_table(self) -> pa.Table:
        """Every document's id, corpus position ``pos``, search key ``newest`` and ``source`` (""
        when unknown), as the ``in_view`` table the queries join: built once, not per query (at
        10,000 reports building it took 10-30 ms of each page's query)."""
        docs = self.base.documents
        return pa.table(
            {
                "doc_id": pa.array([d.id for d in docs], pa.string()),
                "pos": pa.array(range(len(docs)), pa.int64()),
                "newest": pa.array([self.newest[d.id] for d in docs], pa.int64()),
                "source": pa.array([d.source for d in docs], pa.string()),
                "outlet": pa.array([d.source or network.UNKNOWN_SOURCE for d in docs], pa.string()),
                "date": pa.array([d.date for d in docs], pa.string()),
            }
        )

    def in_view(self, filters: Filters) -> pa.Table:
        """``doc_table``'s rows of the documents the filters keep (frames.docs_in_view), in corpus
        order; ``pos`` stays the corpus position (the queries only order by it)."""
        return self._view(filters)[0]

    def in_view_ids(self, filters: Filters) -> Collection[str]:
        """The ids of ``in_view``'s documents (frames.docs_in_view's keys)."""
        return self._view(filters)[1]

    def _view(self, filters: Filters) -> tuple[pa.Table, Collection[str]]:
        if not filter_defs.restricts("documents", filters):
            return self.doc_table, self.order
        found = self._views.get(filters)
        if found is None:
            kept = filter_defs.keeper("documents", filters)
            table = self.doc_table.filter(pa.array([kept(d) for d in self.base.documents], pa.bool_()))
            found = table, frozenset(table.column("doc_id").to_pylist())
            with _VIEWS_LOCK:  # an index is shared by the sessions' threads
                if len(self._views) >= VIEWS_KEPT:
                    self._views.pop(next(iter(self._views)), None)
                self._views[filters] = found  # a page's queries of one view test the documents once
        return found


@dataclass(frozen=True)
class Slice:
    analysis: Analysis
    notes: tuple[str, ...] = field(default=())
    # A ranked search (search_slice): the sentences matching in all, of which the slice holds the best.
    matched: int | None = None


def _cursor(store: Path) -> tuple[duckdb.DuckDBPyConnection, Manifest]:
    opened = connect(store)
    if opened is None:
        raise FileNotFoundError(
            f"{store} holds no store: make one with `python -m lib ingest PATH --store DIR`"
        )
    return opened


def _arrow(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> pa.Table:
    table: pa.Table = con.sql(sql, params=list(params) or None).to_arrow_table()
    return table


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any], cls: type[R]) -> list[R]:
    return table_records(_arrow(con, sql, params), cls)


def store_index(store: Path) -> StoreIndex:
    """Documents (their text left out, its length kept), actors, positions and the dates spoken of."""
    con, manifest = _cursor(store)
    table = _arrow(con, f"SELECT {DOC_FIELDS}, length(text) AS chars FROM documents")
    order = {d: i for i, d in enumerate(manifest.live())}
    rows = sorted(table.to_pylist(), key=lambda r: order[r["id"]])
    chars = {r["id"]: r.pop("chars") for r in rows}
    base = Analysis(
        corpus=Corpus(tuple(Document(**r, text="") for r in rows), manifest.errors, manifest.parsed),
        actors=tuple(_records(con, "SELECT * FROM actors", (), Actor)),
        mentions=(),
        quotes=(),
        dates=(),
        events=(),
        numbers=(),
        positions=tuple(_records(con, "SELECT * FROM positions ORDER BY file_row_number", (), Position)),
        text_lengths=chars,
    )
    values = con.execute(
        "SELECT DISTINCT date FROM documents UNION SELECT DISTINCT date FROM events"
    ).fetchall()
    periods = [p for (v,) in values if v for p in [period(v)] if p]
    bounds = (min(p[0] for p in periods), max(p[1] for p in periods)) if periods else None
    return StoreIndex(store, base, choices_of(base), bounds)


def _with(index: StoreIndex, docs: Iterable[Document] = (), **rows: Any) -> Analysis:
    """The index's analysis with some documents' text and some rows."""
    full = {d.id: d for d in docs}
    if not full:  # the index's documents as they are (a tuple of 10,000 rebuilt per query otherwise)
        return replace(index.base, **rows)
    documents = tuple(full.get(d.id, d) for d in index.base.documents)
    return replace(index.base, corpus=replace(index.base.corpus, documents=documents), **rows)


def _register(con: duckdb.DuckDBPyConnection, name: str, spans: Sequence[Span]) -> None:
    con.register(
        name,
        pa.table(
            {
                "doc_id": pa.array([s.doc_id for s in spans], pa.string()),
                "start": pa.array([s.start for s in spans], pa.int64()),
                "end": pa.array([s.end for s in spans], pa.int64()),
            }
        ),
    )


def _in(column: str, values: Iterable[str]) -> tuple[str, list[str]]:
    """``column IN (?, ...)``: a list of constants DuckDB pushes into the Parquet scan, so only the
    matching rows of the other columns are decoded (a join would read every row)."""
    kept = sorted(set(values))
    return (f"{column} IN ({', '.join('?' * len(kept))})" if kept else "FALSE"), kept


PUSHDOWN_MAX = 200  # constants an IN list pushed into a scan holds at most: planning thousands costs seconds


def _pushdown(column: str, values: Iterable[str]) -> tuple[str, list[str]]:
    """``_in`` where a join restricts the rows already and the IN list only saves reading: past
    PUSHDOWN_MAX values it is left out (TRUE), the join alone deciding."""
    kept = sorted(set(values))
    return _in(column, kept) if len(kept) <= PUSHDOWN_MAX else ("TRUE", [])


def _view_join(con: duckdb.DuckDBPyConnection, index: StoreIndex, filters: Filters) -> str:
    """A JOIN keeping the rows (alias t) of the documents the filters keep (frames.doc_in_view),
    with their corpus position ``v.pos``; registers the ``in_view`` table it joins."""
    con.register("in_view", index.in_view(filters))
    return "JOIN in_view v ON v.doc_id = t.doc_id"


def _ids_of(con: duckdb.DuckDBPyConnection, actor: str) -> list[str]:
    """The ids batches gave an actor: its own and those the actor map turns into it."""
    rows = con.execute("SELECT DISTINCT actor_id FROM actor_map WHERE corpus_id = ?", [actor]).fetchall()
    return [actor, *(r[0] for r in rows)]


def sentences_at(con: duckdb.DuckDBPyConnection, spans: Sequence[Span]) -> list[Span]:
    """The sentences that hold the spans (what frames.sentence_lookup looks for)."""
    if not spans:
        return []
    _register(con, "wanted_spans", spans)
    docs, params = _pushdown("s.doc_id", (s.doc_id for s in spans))
    sql = (
        "SELECT DISTINCT s.doc_id, s.start, s.end, s.text FROM sentences s JOIN wanted_spans w "
        "ON s.doc_id = w.doc_id AND s.start < greatest(w.end, w.start + 1) AND s.end > w.start "
        f"WHERE {docs} ORDER BY s.doc_id, s.start"
    )
    return _records(con, sql, params, Span)


def _read(store: Path, batch: str, table: str) -> str:
    """One batch's Parquet file of a table, as a FROM item aliased t (with its row numbers)."""
    return f"read_parquet({parquet_files([table_path(store, batch, table)])}, file_row_number = true) t"


def documents_slice(index: StoreIndex, doc_ids: Sequence[str]) -> Slice:
    """Some documents whole, with every row extracted from them (Reader, Source comparison).

    Only those documents' batch files are read: the manifest says which batch holds each.
    """
    con, manifest = _cursor(index.store)
    live = manifest.live()
    wanted = [d for d in dict.fromkeys(doc_ids) if d in live]
    found: dict[str, list[Any]] = {t: [] for t in ("quotes", "mentions", "dates", "numbers", "sentences")}
    docs: list[Document] = []
    where = "WHERE list_contains(?, t.doc_id) ORDER BY t.file_row_number"  # as the batch wrote them
    for batch in dict.fromkeys(live[d] for d in wanted):
        ids = [d for d in wanted if live[d] == batch]
        docs += _records(
            con,
            f"SELECT * FROM {_read(index.store, batch, 'documents')} WHERE list_contains(?, t.id)",
            [ids],
            Document,
        )
        for table, cls in (("dates", DateMention), ("numbers", NumberClaim), ("sentences", Span)):
            found[table] += _records(
                con, f"SELECT * FROM {_read(index.store, batch, table)} {where}", [ids], cls
            )
        for table, columns, join, mapped_cls in (
            ("quotes", QUOTE_COLUMNS, QUOTE_JOIN, Quote),
            ("mentions", MENTION_FIELDS, MENTION_JOIN, Mention),
        ):
            sql = f"SELECT {columns} FROM {_read(index.store, batch, table)} {join} {where}"
            found[table] += _records(con, sql, [ids], mapped_cls)
    order = {d: i for i, d in enumerate(wanted)}
    rows = {t: tuple(sorted(v, key=lambda r: order[r.doc_id])) for t, v in found.items()}
    return Slice(_with(index, docs, **rows))


def _events_where(con: duckdb.DuckDBPyConnection, index: StoreIndex, f: Filters) -> tuple[str, list[Any]]:
    """timeline.event_in_view in SQL (lib/view/filters.py's clauses). With filters on the
    reporting documents, registers the ``outlet_docs`` they keep."""
    own = filter_defs.where("events", f, "e")
    conditions, params = [own.sql], list(own.params)
    if filter_defs.restricts("documents", filter_defs.reporting(f)):
        ids = [d.id for d in timeline.event_docs(index.base, f).values()]
        con.register("outlet_docs", pa.table({"doc_id": pa.array(ids, pa.string())}))
        conditions.append(filter_defs.reported_clause("e", "outlet_docs"))
    return f" WHERE {' AND '.join(conditions)}", params


def count_events(index: StoreIndex, filters: Filters) -> int:
    con, _ = _cursor(index.store)
    where, params = _events_where(con, index, filters)
    row = con.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()
    return int(row[0]) if row else 0


def timeline_slice(index: StoreIndex, filters: Filters, limit: int = frames.MAX_ROWS) -> Slice:
    """The events in view (the latest ``limit`` by event date), with their evidence sentences."""
    con, _ = _cursor(index.store)
    where, params = _events_where(con, index, filters)
    latest = "ORDER BY period_end(e.date) DESC NULLS LAST, e.date DESC, file_row_number LIMIT ?"
    table = _arrow(
        con, f"SELECT *, count(*) OVER () AS matched FROM events e{where} {latest}", [*params, limit]
    )
    rows = table.column("file_row_number").to_pylist()
    events = sorted(zip(rows, table_records(table, Event), strict=True), key=lambda pair: pair[0])
    kept = tuple(e for _, e in events)  # in the store's order, as the whole analysis has them
    matched = table.column("matched")[0].as_py() if table.num_rows else 0
    which = "the latest by event date"
    notes = (frames.cut_note(limit, matched, "events", which),) if matched > limit else ()
    sentences = sentences_at(con, [s for e in kept for s in e.evidence])
    return Slice(_with(index, events=kept, sentences=tuple(sentences)), notes)


TARGET_ROWS = 20 * frames.MAX_ROWS  # statements with targets a positions slice holds at most
Pair = tuple[str | None, str | None]  # a speaker and an actor spoken of (Target.key), None: any


SPEAKER_ACTOR = "coalesce(m.corpus_id, t.speaker_id)"  # a quote's speaker as the corpus names it


def _quotes_in_view(
    con: duckdb.DuckDBPyConnection, index: StoreIndex, filters: Filters
) -> tuple[str, filter_defs.Clause]:
    """The JOIN keeping the quotes (alias t) of the documents in view, and the filters' WHERE on
    the quotes' own fields, their speaker read through the actor map (QUOTE_JOIN)."""
    view = _view_join(con, index, filters)
    return view, filter_defs.where("quotes", filters, "t", {"speaker_id": SPEAKER_ACTOR})


def _targeted_quotes(
    con: duckdb.DuckDBPyConnection, index: StoreIndex, filters: Filters, limit: int, pair: Pair | None = None
) -> tuple[list[Quote], str | None]:
    """The quotes in view with a speaker actor and targets (who stands against whom), the latest
    ``limit`` by report date, and a note when more matched; with a ``pair`` (speaker, actor spoken of;
    None: any), only the quotes of that speaker about that actor (``QUOTE_TARGETS``)."""
    view, where = _quotes_in_view(con, index, filters)
    mine, params = "", list(where.params)
    if pair is not None:
        derived(con, "quote_targets", QUOTE_TARGETS)
        by, about = pair
        chosen = " AND ".join(c for c, v in (("g.speaker_id = ?", by), ("g.target_key = ?", about)) if v)
        keys = _arrow(
            con,
            f'SELECT DISTINCT g.doc_id, g.start, g."end" FROM quote_targets g WHERE {chosen}',
            [v for v in pair if v],
        )
        con.register("pair_spans", keys)
        docs, pushed = _pushdown("t.doc_id", keys.column("doc_id").to_pylist())
        mine = (
            f" AND {docs} AND EXISTS (SELECT 1 FROM pair_spans p WHERE p.doc_id = t.doc_id "
            'AND p.start = t.start AND p."end" = t."end")'
        )
        params += pushed
    sql = (
        f"SELECT {QUOTE_COLUMNS}, count(*) OVER () AS matched FROM quotes t {QUOTE_JOIN} {view} "
        f"WHERE {where.sql} AND t.speaker_id IS NOT NULL "
        f"AND len(t.targets) > 0{mine} ORDER BY v.date DESC NULLS LAST, v.pos, t.start LIMIT ?"
    )
    table = _arrow(con, sql, [*params, limit])
    matched = table.column("matched")[0].as_py() if table.num_rows else 0
    quotes = table_records(table.drop(["matched"]), Quote)
    note = frames.cut_note(limit, matched, "statements about actors", "the latest by report date")
    return quotes, note if matched > limit else None


def _corpus_targets(
    con: duckdb.DuckDBPyConnection, manifest: Manifest, quotes: Sequence[Quote]
) -> list[Quote]:
    """The quotes with their targets' actor ids mapped to the corpus's (as parquet.corpus_quotes):
    a quote's batch is its document's live batch, the only one the store's views show. Only the
    ids the actor map changes are looked up, and only a quote holding one is made anew: at 10,000
    reports a ``dataclasses.replace`` per target of 1,800 quotes took ~30 ms of the positions query,
    where the map (one batch, or batches ingested together) changed none."""
    if not any(q.targets for q in quotes):
        return list(quotes)
    live = manifest.live()
    batches, params = _in("batch", {live[q.doc_id] for q in quotes if q.targets})
    sql = (
        f"SELECT batch, doc_id, actor_id, corpus_id FROM actor_map WHERE {batches} AND actor_id <> corpus_id"
    )
    amap = {(b, d, a): c for b, d, a, c in con.execute(sql, params).fetchall()}
    if not amap:
        return list(quotes)

    def mapped(q: Quote) -> Quote:
        batch = live[q.doc_id]
        if not any((batch, q.doc_id, t.actor_id) in amap for t in q.targets):
            return q
        targets = tuple(
            replace(t, actor_id=amap.get((batch, q.doc_id, t.actor_id), t.actor_id))
            if t.actor_id is not None
            else t
            for t in q.targets
        )
        return replace(q, targets=targets)

    return [mapped(q) if q.targets else q for q in quotes]


def _slice_quotes(
    con: duckdb.DuckDBPyConnection,
    index: StoreIndex,
    filters: Filters,
    statements: Sequence[Span],
    focus: str | None,
    batch_ids: Sequence[str],
    limit: int,
) -> list[Quote]:
    """The quotes a positions slice holds apart from statements about other actors: those holding
    a part of the ``statements``, and the ``focus`` actor's in view (the latest ``limit`` by report
    date; ``batch_ids``: the ids batches gave it, ``_ids_of``), read in one pass over the quotes' files.

    Which quotes is decided first on their narrow columns (document, span, speaker, the view's
    dates), then only those are read whole: each batch file holds its reports' quotes in one row
    group, so a read of every column decodes all of them (~45 ms of CPU at 10,000 reports), and
    the two sets read apart decoded them twice."""
    parts: list[str] = []
    params: list[Any] = []
    if statements:
        _register(con, "statements", statements)
        parts.append(
            'SELECT t.doc_id, t.start, t."end" FROM quotes t SEMI JOIN statements w '
            "ON w.doc_id = t.doc_id AND t.start < w.end AND w.start < t.end"
        )
    if focus:
        view = _view_join(con, index, filters)  # the documents' dates too (``StoreIndex.doc_table``)
        spoken, named = _in("t.speaker_id", batch_ids)
        parts.append(
            f'(SELECT t.doc_id, t.start, t."end" FROM quotes t {QUOTE_JOIN} {view} '
            f"WHERE {spoken} AND {SPEAKER_ACTOR} = ? "
            "ORDER BY v.date DESC NULLS LAST, t.doc_id, t.start LIMIT ?)"
        )
        params += [*named, focus, limit]
    if not parts:
        return []
    sql = (
        f"WITH k AS MATERIALIZED ({' UNION '.join(parts)}) SELECT {QUOTE_COLUMNS} FROM quotes t {QUOTE_JOIN} "
        'SEMI JOIN k ON k.doc_id = t.doc_id AND k.start = t.start AND k."end" = t."end" '
        "WHERE t.doc_id IN (SELECT doc_id FROM k)"
    )
    return _records(con, sql, params, Quote)


def positions_slice(
    index: StoreIndex,
    filters: Filters,
    focus: str | None,
    issue: str | None,
    limit: int = frames.MAX_ROWS,
    pair: Pair | None = None,
    every: bool = False,
) -> Slice:
    """The statements behind the positions asked for (the first ``limit``), the quotes and sentences
    they sit in; with a focus actor, its names in view and its quotes (the latest ``limit``). Of the
    statements in view about other actors (who stands against whom; the latest TARGET_ROWS): those
    of the ``pair`` picked (speaker, actor spoken of; None: any), or with ``every`` all of them (the
    page's matrix counted from them, as under corrections); else none: the matrix is ``stance_pairs``'
    counts, and its evidence is read when a pair is picked (at 10,000 reports reading the 20,000
    statements of the open view and their sentences took most of the page's 1.7 s query)."""
    con, manifest = _cursor(index.store)
    behind = frames.iter_statement_spans(index.base, filters, focus, issue, index.in_view_ids(filters))
    statements = [s for said in frames.said_statements(behind, limit)[0] for _, s in said]
    batch_ids = _ids_of(con, focus) if focus else []
    quotes = {
        (q.doc_id, q.start, q.end): q
        for q in _slice_quotes(con, index, filters, statements, focus, batch_ids, limit)
    }
    mentions: list[Mention] = []
    if focus:
        view = _view_join(con, index, filters)
        named, params = _in("t.actor_id", batch_ids)
        sql = (
            f"SELECT {MENTION_FIELDS} FROM mentions t {MENTION_JOIN} {view} "
            f"WHERE {named} AND coalesce(m.corpus_id, t.actor_id) = ? ORDER BY t.doc_id, t.start"
        )
        mentions = _records(con, sql, [*params, focus], Mention)
    note = None
    if every or (pair is not None and any(pair)):
        targeted, note = _targeted_quotes(con, index, filters, TARGET_ROWS, None if every else pair)
        quotes |= {(q.doc_id, q.start, q.end): q for q in targeted}
    kept = _corpus_targets(
        con, manifest, sorted(quotes.values(), key=lambda q: (index.order[q.doc_id], q.start, q.end))
    )
    spans = [*statements, *(Span(q.doc_id, q.start, q.end, "") for q in kept)]
    sentences = tuple(sentences_at(con, spans))
    analysis = _with(index, quotes=tuple(kept), mentions=tuple(mentions), sentences=sentences)
    return Slice(analysis, (note,) if note else ())


def quotes_using(index: StoreIndex, phrases: Sequence[str]) -> tuple[Quote, ...]:
    """The attributed quotes whose text contains one of ``phrases`` (case ignored), in corpus
    order: the statements an analyst's added issue may take (lib/view/corrections.py matches them
    by whole words and files them). One scan of the quotes' text, whatever the corpus's size."""
    if not phrases:
        return ()
    con, manifest = _cursor(index.store)
    used = " OR ".join("contains(lower(t.text), ?)" for _ in phrases)
    sql = f"SELECT {QUOTE_COLUMNS} FROM quotes t {QUOTE_JOIN} WHERE t.speaker_id IS NOT NULL AND ({used})"
    found = _records(con, sql, [p.casefold() for p in phrases], Quote)
    found.sort(key=lambda q: (index.order[q.doc_id], q.start))
    return tuple(_corpus_targets(con, manifest, found))


# One row per (statement, actor it is about) of every quote with a speaker and targets (lib/view/stances.py
# ``targets_frame`` before its filters): the speaker and the target as the corpus names them (the actor
# map, as ``_corpus_targets``), ``target_key`` as Target.key. Made once per store generation (as
# EXCHANGES): the matrix of a view counts it in SQL.
QUOTE_TARGETS = (
    'SELECT t.doc_id, t.start, t."end", t.speaker_id, coalesce(m.corpus_id, t.target_actor) AS target_actor, '
    "t.polarity, t.basis, t.name, coalesce(m.corpus_id, t.target_actor, "
    f"'{GROUP_PREFIX}' || coalesce(t.name, '')) AS target_key "
    'FROM (SELECT q.doc_id, q.start, q."end", q.batch, '
    "coalesce(s.corpus_id, q.speaker_id) AS speaker_id, struct_extract(g, 'actor_id') AS target_actor, "
    "struct_extract(g, 'polarity') AS polarity, struct_extract(g, 'basis') AS basis, "
    "struct_extract(g, 'name') AS name FROM (SELECT doc_id, start, \"end\", batch, speaker_id, "
    "unnest(targets) AS g FROM quotes "
    "WHERE speaker_id IS NOT NULL AND len(targets) > 0) q "
    "LEFT JOIN actor_map s ON s.batch = q.batch AND s.doc_id = q.doc_id AND s.actor_id = q.speaker_id) t "
    "LEFT JOIN actor_map m ON m.batch = t.batch AND m.doc_id = t.doc_id AND m.actor_id = t.target_actor "
    "WHERE t.speaker_id <> ''"
)


def stance_pairs(index: StoreIndex, filters: Filters, guessed: bool = False) -> pd.DataFrame:
    """stances.pairs_frame of the statements in view (``stances.targets_frame``), counted in SQL
    (``QUOTE_TARGETS``): every statement in view counts, none is read as a record."""
    con, _ = _cursor(index.store)
    derived(con, "quote_targets", QUOTE_TARGETS)
    view = _view_join(con, index, filters)
    own = filter_defs.where("quotes", filters, "t")
    bases = [*stances.STRONG_BASES, *(stances.GUESSED_BASES if guessed else ())]
    sql = (
        "SELECT t.speaker_id, t.target_actor, t.target_key, t.name, count(*), "
        "count(*) FILTER (WHERE t.polarity = 'pos'), count(*) FILTER (WHERE t.polarity = 'neg') "
        f"FROM quote_targets t {view} WHERE {own.sql} AND list_contains(?, t.basis) "
        "AND t.target_actor IS DISTINCT FROM t.speaker_id GROUP BY ALL"
    )
    rows = con.execute(sql, [*own.params, bases]).fetchall()
    base = index.base
    counted = pd.DataFrame(
        [
            (
                str(speaker),
                frames.actor_name(base, speaker),
                str(key),
                name or frames.actor_name(base, target),
                int(n),
                int(pos),
                int(neg),
            )
            for speaker, target, key, name, n, pos, neg in rows
        ],
        columns=["speaker_id", "speaker", "target_id", "target", "statements", "positive", "negative"],
    )
    return stances.ranked_pairs(counted)


SEARCH_CANDIDATES = 20_000  # sentences a search hands to Python at most; a note says when cut
# What a matching sentence holds folded (lib/view/search.py's fold_char; an ASCII row skips the fold).
_FOLDED = "CASE WHEN strlen(t.text) = length(t.text) THEN lower(t.text) ELSE strip_accents(lower(t.text)) END"


def _like(needle: str) -> str:
    return "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _has_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store's views include the term index (lib/store/query.py leaves it out when a
    live batch's index is missing or unreadable)."""
    rows = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [TERMS]).fetchall()
    return bool(rows[0][0])


def _word_rows(word: str, prefix: bool) -> tuple[str, list[Any]]:
    """The sentences holding a word (or words starting with it) and its occurrences there, ``n``."""
    if prefix:
        sql = "SELECT doc_id, start, batch, sum(tf) AS n FROM terms WHERE term >= ? AND term < ? GROUP BY ALL"
        return sql, list(prefix_range(word))
    return "SELECT doc_id, start, batch, tf AS n FROM terms WHERE term = ?", [word]


def _indexed(
    con: duckdb.DuckDBPyConnection, join: str, query: search.Query, limit: int
) -> tuple[list[Span], int, bool]:
    """The candidate sentences in view from the term index: those whose words hold every word of
    every term (the last of a ``word*`` as a range of terms), how many, and whether they are ranked.

    A query of words (``Query.of_words``) is decided by the index: each candidate matches, and its
    score is lib/view/search.py's (per term, its occurrences up to MAX_TF), so the candidates are
    ranked here as ``search`` ranks them (score, newer report, corpus order, start) and only the
    best ``search.LIMIT`` are handed over. With a phrase, whose words must also stand in a row,
    the first ``limit`` in corpus order are handed over for ``search`` to decide."""
    ranked = query.of_words
    parts = [
        _word_rows(word, term.prefix and i == len(term.words) - 1)
        for term in query.terms
        for i, word in enumerate(term.words)
    ]
    ctes = ", ".join(f"k{i} AS ({sql})" for i, (sql, _) in enumerate(parts))
    joins = " ".join(
        f"JOIN k{i} ON k{i}.doc_id = k0.doc_id AND k{i}.start = k0.start AND k{i}.batch = k0.batch"
        for i in range(1, len(parts))
    )
    score = " + ".join(f"least(k{i}.n, {search.MAX_TF})" for i in range(len(parts))) if ranked else "0"
    order = "score DESC, v.newest, v.pos, k0.start" if ranked else "v.pos, k0.start"
    sql = (
        f"WITH {ctes} SELECT k0.doc_id, k0.start, k0.batch, {score} AS score, count(*) OVER () AS matched "
        f"FROM k0 {joins} {join.replace('t.doc_id', 'k0.doc_id')} ORDER BY {order} LIMIT ?"
    )
    params = [p for _, ps in parts for p in ps]
    found = _arrow(con, sql, [*params, search.LIMIT if ranked else limit])
    if not found.num_rows:
        return [], 0, ranked
    matched = int(found.column("matched")[0].as_py())
    con.register(
        "candidates",
        pa.table(
            {
                "doc_id": found["doc_id"],
                "start": found["start"],
                "batch": found["batch"],
                "rank": pa.array(range(found.num_rows), pa.int64()),
            }
        ),
    )
    # A join, not an IN list of the documents: thousands of constants cost DuckDB seconds to plan.
    sql = (
        'SELECT s.doc_id, s.start, s."end", s.text FROM sentences s JOIN candidates c '
        "ON c.doc_id = s.doc_id AND c.start = s.start AND c.batch = s.batch ORDER BY c.rank"
    )
    return _records(con, sql, (), Span), matched, ranked


def _scanned(
    con: duckdb.DuckDBPyConnection, join: str, query: search.Query, limit: int
) -> tuple[list[Span], int, bool]:
    """The sentences in view whose folded text holds each term's longest word (a LIKE over every
    sentence: the search without the index)."""
    likes = " AND ".join("f LIKE ? ESCAPE '\\'" for _ in query.terms)
    sql = (
        f'SELECT doc_id, start, "end", text, count(*) OVER () AS matched FROM (SELECT t.doc_id, t.start, '
        f"t.end, t.text, {_FOLDED} AS f, v.pos FROM sentences t {join}) WHERE {likes} "
        "ORDER BY pos, start LIMIT ?"
    )
    table = _arrow(con, sql, [*[_like(t.needle) for t in query.terms], limit])
    matched = table.column("matched")[0].as_py() if table.num_rows else 0
    return table_records(table.drop_columns(["matched"]), Span), int(matched), False


NO_INDEX = (
    "This store's search index is missing, damaged or out of date for some reports: searched every sentence "
    "instead (slower). `python -m lib ingest SOURCES --store STORE` rebuilds it."
)


def _search_view(con: duckdb.DuckDBPyConnection, index: StoreIndex, filters: Filters) -> str:
    """``_view_join``'s JOIN (its ``in_view`` table holds each document's ``newest``, lib/view/search.py's
    ranking key)."""
    return _view_join(con, index, filters)


def search_slice(index: StoreIndex, filters: Filters, q: str, limit: int = SEARCH_CANDIDATES) -> Slice:
    """The sentences of the documents in view that may hold every term of ``q``, a superset of
    what lib/view/search.py's ``match`` keeps, which decides: read from the store's term index
    (lib/store/terms.py), or, without one, a LIKE on their folded text. More than ``limit`` are
    cut in corpus order, with a note. A query of words is ranked by the index (``_indexed``): the
    slice holds the best search.LIMIT and, in ``matched``, how many sentences match in all."""
    query = search.parse(q)
    if not query:
        return Slice(index.base)
    con, _ = _cursor(index.store)
    join = _search_view(con, index, filters)
    indexed = _has_index(con)
    sentences, matched, ranked = (_indexed if indexed else _scanned)(con, join, query, limit)
    notes: tuple[str, ...] = () if indexed else (NO_INDEX,)
    if matched > limit and not ranked:
        notes += (
            f"{matched:,} sentences may hold these words: searched the first {limit:,} in corpus order. "
            "Add a word, a “phrase” or a filter to search them all.",
        )
    return Slice(_with(index, sentences=tuple(sentences)), notes, matched if ranked else None)


# Every exchange of the corpus (lib/view/network.py ``exchanges``, filters open): each quote's span
# with its speaker actor and an actor named inside it, distinct, both of urls.ACTOR_TYPES, the one
# named not the speaker. Made once per store generation (lib/store/query.py ``derived``): read
# per view, it joined every mention of the corpus to every quote (240,000 rows at 10,000 reports).
_ACTORS = f"(SELECT id FROM actors WHERE type IN ({', '.join(repr(k) for k in ACTOR_TYPES)}))"
EXCHANGES = (
    "SELECT DISTINCT q.doc_id, q.start, q.end, q.speaker, n.about FROM (SELECT t.doc_id, t.start, "
    f't."end", {SPEAKER_ACTOR} AS speaker FROM quotes t {QUOTE_JOIN} '
    "WHERE t.speaker_id IS NOT NULL) q JOIN (SELECT t.doc_id, t.start, t.end, "
    f"coalesce(m.corpus_id, t.actor_id) AS about FROM mentions t {MENTION_JOIN}) n "
    'ON n.doc_id = q.doc_id AND n.start >= q.start AND n."end" <= q."end" '
    f"WHERE n.about <> q.speaker AND q.speaker IN {_ACTORS} AND n.about IN {_ACTORS}"
)


def _exchange_pairs(con: duckdb.DuckDBPyConnection, index: StoreIndex, filters: Filters) -> str:
    """SQL of the exchanges in view (``EXCHANGES`` of the documents the filters keep: ``doc_id, start,
    end, speaker, about``, and the document's ``source``); with an actor filter, those touching one
    of its actors. Registers ``in_view`` (and ``chosen_actors``)."""
    derived(con, "exchanges", EXCHANGES)
    con.register("in_view", index.in_view(filters))
    chosen = ""
    if filters.actors:
        con.register("chosen_actors", pa.table({"id": pa.array(list(filters.actors), pa.string())}))
        chosen = (
            " WHERE e.speaker IN (SELECT id FROM chosen_actors) OR e.about IN (SELECT id FROM chosen_actors)"
        )
    return f"SELECT e.*, v.source FROM exchanges e JOIN in_view v ON v.doc_id = e.doc_id{chosen}"


def store_network_edges(index: StoreIndex, filters: Filters) -> pd.DataFrame:
    """network.edges_of for the exchanges in view, counted in SQL: at 10,000 reports the
    exchanges are tens of thousands of quotes, too many to read as records for a count."""
    con, _ = _cursor(index.store)
    pairs = _exchange_pairs(con, index, filters)
    sql = (
        "SELECT e.speaker AS speaker_id, e.about AS about_id, count(*) AS quotes, count(DISTINCT e.doc_id) "
        f"AS documents, count(DISTINCT e.source) AS sources FROM ({pairs}) e GROUP BY ALL"
    )
    rows = con.execute(sql).fetchall()
    return network.edges_table(
        index.base, [(str(a), str(b), int(q), int(d), int(n)) for a, b, q, d, n in rows]
    )


def network_slice(index: StoreIndex, filters: Filters, picked: Sequence[str] | None = None) -> Slice:
    """The exchanges in view touching the ``picked`` actors (a speaker or actor picked on the
    Network page; None: every exchange in view): their quotes, the mentions inside them and their
    sentences (lib/view/network.py decides the exchanges from them). Nothing picked: no rows (the
    page's edges are store_network_edges')."""
    if picked is not None and not picked:
        return Slice(index.base)
    con, _ = _cursor(index.store)
    pairs = _exchange_pairs(con, index, filters)
    con.register("picked_actors", pa.table({"id": pa.array(list(picked or ()), pa.string())}))
    touching = (
        "e.speaker IN (SELECT id FROM picked_actors) OR e.about IN (SELECT id FROM picked_actors)"
        if picked
        else "TRUE"
    )
    con.execute(
        f'CREATE OR REPLACE TEMP TABLE picked_spans AS SELECT DISTINCT e.doc_id, e.start, e."end" '
        f"FROM ({pairs}) e WHERE {touching}"
    )
    sql = (
        f"SELECT {QUOTE_COLUMNS} FROM quotes t {QUOTE_JOIN} JOIN picked_spans w ON w.doc_id = t.doc_id "
        'AND w.start = t.start AND w."end" = t."end" ORDER BY t.doc_id, t.start'
    )
    quotes = _records(con, sql, (), Quote)
    order = index.order
    quotes.sort(key=lambda q: (order[q.doc_id], q.start))
    mentions: list[Mention] = []
    if quotes:
        _register(con, "quote_spans", [Span(q.doc_id, q.start, q.end, "") for q in quotes])
        docs, params = _pushdown("t.doc_id", (q.doc_id for q in quotes))
        sql = (
            f"SELECT DISTINCT {MENTION_COLUMNS} FROM mentions t {MENTION_JOIN} JOIN quote_spans w ON "
            "w.doc_id = t.doc_id AND t.start >= w.start AND t.end <= w.end "
            f"WHERE {docs} ORDER BY t.doc_id, t.start"
        )
        mentions = _records(con, sql, params, Mention)
    sentences = sentences_at(con, [Span(q.doc_id, q.start, q.end, "") for q in quotes])
    return Slice(_with(index, quotes=tuple(quotes), mentions=tuple(mentions), sentences=tuple(sentences)))


NETWORK_ALL = "Network (every exchange)"  # the Network page's slice when corrections remap actors
POSITIONS_ALL = "Actor positions (every statement)"  # the same for Actor positions' matrix


def page_slice(index: StoreIndex, name: str, view: View) -> Slice:
    """The rows page ``name`` (links.PAGE_PARAMS's names) shows for ``view``."""
    if name == "Timeline":
        return timeline_slice(index, view.filters)
    if name in ("Actor_positions", POSITIONS_ALL):
        every = name == POSITIONS_ALL
        pair = (view.by, view.target)
        return positions_slice(index, view.filters, view.focus, view.issue, pair=pair, every=every)
    if name == "Source_comparison":
        pairs = [] if view.a and view.b else pairs_of_one_event(index, view.filters, 1)
        suggested = (pairs[0][0], pairs[0][1]) if pairs else None
        return documents_slice(index, [d for d in default_docs(index.base, view, suggested) if d])
    if name == "Reader":
        return documents_slice(index, [d for d in [reader_doc(index.base, view)] if d])
    if name == "Search":
        return search_slice(index, view.filters, view.q)
    if name == "Network":
        picked = (view.speaker, view.about) if view.speaker and view.about else (view.node,)
        return network_slice(index, view.filters, [a for a in picked if a])
    if name == NETWORK_ALL:
        return network_slice(index, view.filters)
    return Slice(index.base)


def overview_quotes(index: StoreIndex, filters: Filters) -> pd.DataFrame:
    """What the home page counts of the quotes in view: speaker (actor name or the phrase),
    speaker id ("" when unresolved), speaker confidence and document, one row per quote
    (frames.speakers_frame)."""
    con, _ = _cursor(index.store)
    view, where = _quotes_in_view(con, index, filters)
    sql = (
        f"SELECT coalesce(a.name, {SPEAKER_ACTOR}, t.speaker_text) AS speaker, "
        f"coalesce({SPEAKER_ACTOR}, '') AS speaker_id, "
        f"t.speaker_confidence, '' AS quote, t.doc_id FROM quotes t {QUOTE_JOIN} {view} "
        f"LEFT JOIN actors a ON a.id = {SPEAKER_ACTOR} WHERE {where.sql} ORDER BY v.pos, t.start"
    )
    return con.execute(sql, list(where.params)).df()


# Each document's quotes per speaker ('' for a quote not tied to an actor), speakers as the corpus
# names them: the source diversity of a view sums them (made once per store generation, as EXCHANGES).
QUOTE_SPEAKERS = (
    f"SELECT t.doc_id, coalesce({SPEAKER_ACTOR}, '') AS speaker_id, count(*) AS quotes "
    f"FROM quotes t {QUOTE_JOIN} GROUP BY ALL"
)


def store_diversity(index: StoreIndex, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """network.diversity_frame and network.source_speakers_frame of the quotes in view (as
    ``overview_quotes`` gives them), counted in SQL: at 10,000 reports the quotes' frame and its
    grouping in pandas took most of the Network page's upper half."""
    con, _ = _cursor(index.store)
    derived(con, "quote_speakers", QUOTE_SPEAKERS)
    docs = index.in_view(filters)
    con.register("in_view", docs)
    own = filter_defs.where("quotes", filters, "s")
    quoted = (
        "SELECT v.outlet, s.speaker_id, s.quotes FROM quote_speakers s JOIN in_view v ON v.doc_id = s.doc_id "
        f"WHERE {own.sql}"
    )
    sql = (
        f"SELECT q.outlet, coalesce(a.name, q.speaker_id), q.speaker_id, sum(q.quotes) FROM ({quoted}) q "
        "LEFT JOIN actors a ON a.id = q.speaker_id WHERE q.speaker_id <> '' GROUP BY ALL"
    )
    rows = [(str(o), str(n), str(i), int(q)) for o, n, i, q in con.execute(sql, list(own.params)).fetchall()]
    totals = con.execute(f"SELECT outlet, sum(quotes) FROM ({quoted}) GROUP BY ALL", list(own.params))
    counts = {str(o): int(n) for o, n in totals.fetchall()}
    documents = Counter(docs.column("outlet").to_pylist())
    per_source = network.speakers_table(rows)
    return network.diversity_table(per_source, counts, documents), per_source


def _claims_where(filters: Filters, verdict: str | None) -> tuple[str, list[Any]]:
    own = filter_defs.where("claims", filters, "c")
    sql, params = own.sql, list(own.params)
    if verdict:
        sql, params = f"{sql} AND c.verdict = ?", [*params, verdict]
    return sql, params


# lib/view/pages.py ``listed``: the members in the reports of the claim's conflicts (a widely reported
# claim has hundreds, and the list needs only those its contested versions quote)
LISTED_MEMBERS = (
    "list_filter(c.members, lambda m: list_contains(list_concat(list_transform(c.conflicts, "
    "lambda d: d.a.doc_id), list_transform(c.conflicts, lambda d: d.b.doc_id)), m.doc_id))"
)


def claims_in_view(
    index: StoreIndex, filters: Filters, verdict: str | None = None, limit: int = frames.MAX_ROWS
) -> tuple[list[CorpusClaim], int]:
    """The corpus claims the filters keep (lib/view/filters.py's "claims" tests), most widely
    reported first as the corpus step stored them, the first ``limit``, as listed (``LISTED_MEMBERS``);
    and how many matched."""
    con, _ = _cursor(index.store)
    where, params = _claims_where(filters, verdict)
    # the filters (their dates parsed per row, ~12 ms at 10,000 reports) tested once for the rows and
    # their count: the claims kept are numbered first, then the first ``limit`` read whole (a count
    # over the window of the whole query read every matching row's members)
    kept = f"SELECT file_row_number FROM claims c WHERE {where}"
    sql = (
        f"WITH k AS MATERIALIZED ({kept}), "
        "first AS (SELECT file_row_number FROM k ORDER BY file_row_number LIMIT ?) "
        f"SELECT * REPLACE ({LISTED_MEMBERS} AS members), (SELECT count(*) FROM k) AS matched "
        "FROM claims c SEMI JOIN first USING (file_row_number) ORDER BY file_row_number"
    )
    table = _arrow(con, sql, [*params, limit])
    if table.num_rows:
        matched = int(table.column("matched")[0].as_py())
    else:
        matched = count_claims(index, filters, verdict) if limit <= 0 else 0
    return table_records(table.drop_columns(["matched"]), CorpusClaim), matched


def count_claims(index: StoreIndex, filters: Filters, verdict: str | None = None) -> int:
    con, _ = _cursor(index.store)
    where, params = _claims_where(filters, verdict)
    row = con.execute(f"SELECT count(*) FROM claims c WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


# The report pairs of each claim in 2..MAX_PAIR_DOCS reports (lib/compare/corpus.py shared_pairs),
# made once per store generation (as EXCHANGES): per view, unnesting each claim's reports and joining
# them per claim made ~700,000 pairs at 10,000 reports for every query. ``claim_docs`` numbers the
# reports (``k``) in the order of their ids; ``claim_pair_ids`` numbers each pair (``pid``) in the
# order of its reports (a before b), ``pair`` holding both numbers; ``claim_pairs`` is each such
# claim's columns the filters test, with the ``pids`` of its pairs (a claim listing a report twice
# counts its pairs as often as the old per-view self-join did).
_PAIRED = f"len(docs) BETWEEN 2 AND {MAX_PAIR_DOCS}"
CLAIM_DOCS = (
    "SELECT doc, row_number() OVER (ORDER BY doc) AS k "
    f"FROM (SELECT DISTINCT unnest(docs) AS doc FROM claims WHERE {_PAIRED})"
)
_SHIFT = 4294967296  # 2**32: a pair's two report numbers in one integer, a's first
_CLAIM_PAIR_ROWS = (
    f"WITH d AS (SELECT file_row_number AS cid, unnest(docs) AS doc FROM claims WHERE {_PAIRED}), "
    "e AS (SELECT d.cid, i.k FROM d JOIN claim_docs i USING (doc)), "
    f"p AS (SELECT x.cid, x.k * {_SHIFT} + y.k AS pair FROM e x JOIN e y ON x.cid = y.cid AND x.k < y.k)"
)
CLAIM_PAIR_IDS = (
    f"{_CLAIM_PAIR_ROWS} SELECT CAST(row_number() OVER (ORDER BY pair) - 1 AS INTEGER) AS pid, pair "
    "FROM (SELECT DISTINCT pair FROM p)"
)
CLAIM_PAIRS = (
    f"{_CLAIM_PAIR_ROWS}, q AS (SELECT p.cid, list(i.pid) AS pids FROM p JOIN claim_pair_ids i USING (pair) "
    "GROUP BY p.cid) SELECT c.* EXCLUDE (text, members, conflicts), coalesce(q.pids, []) AS pids "
    f"FROM claims c LEFT JOIN q ON q.cid = c.file_row_number WHERE {_PAIRED}"
)


def worth_comparing(index: StoreIndex, filters: Filters, limit: int = 10) -> list[tuple[str, str, int]]:
    """The report pairs sharing the most claims in view (lib/compare/corpus.py shared_pairs): the
    claims in view give their pairs' numbers (``CLAIM_PAIRS``), counted with numpy (a group-by of
    ~700,000 pairs took DuckDB ~30 ms); most shared first, ties in the order of the reports' ids."""
    con, _ = _cursor(index.store)
    for name, sql in (
        ("claim_docs", CLAIM_DOCS),
        ("claim_pair_ids", CLAIM_PAIR_IDS),
        ("claim_pairs", CLAIM_PAIRS),
    ):
        derived(con, name, sql)
    where, params = _claims_where(filters, None)
    kept = _arrow(con, f"SELECT c.pids FROM claim_pairs c WHERE {where}", params).column(0)
    pids = pa.concat_arrays([a.flatten() for a in kept.chunks] or [pa.array([], pa.int32())]).to_numpy()
    counts = np.bincount(pids)
    top = _most(counts, limit)
    if not top:
        return []
    named_sql = (
        f"SELECT i.pid, a.doc, b.doc FROM claim_pair_ids i JOIN claim_docs a ON a.k = i.pair // {_SHIFT} "
        f"JOIN claim_docs b ON b.k = i.pair % {_SHIFT} WHERE i.pid IN (SELECT unnest(?))"
    )
    rows = con.execute(named_sql, [top]).fetchall()
    named = {int(p): (str(a), str(b)) for p, a, b in rows}
    return [(*named[p], int(counts[p])) for p in top]


def pairs_of_one_event(index: StoreIndex, filters: Filters, limit: int) -> list[tuple[str, str, int]]:
    """``worth_comparing``'s PAIRS_SCANNED pairs that may be reports of one event
    (lib/compare/when.py one_event_pairs, told the reports' sentence counts): the Source comparison
    page's list and the pair its slice opens on."""
    ranked = worth_comparing(index, filters, PAIRS_SCANNED)
    return one_event_pairs(ranked, index.base.documents, limit, sentence_counts(index, ranked))


def sentence_counts(index: StoreIndex, pairs: Sequence[tuple[str, str, int]]) -> dict[str, int]:
    """How many sentences each report of ``pairs`` has."""
    docs = sorted({d for a, b, _ in pairs for d in (a, b)})
    if not docs:
        return {}
    con, _ = _cursor(index.store)
    where, params = _in("doc_id", docs)
    rows = con.execute(f"SELECT doc_id, count(*) FROM sentences WHERE {where} GROUP BY doc_id", params)
    return {str(d): int(n) for d, n in rows.fetchall()}


def _most(counts: npt.NDArray[np.intp], limit: int) -> list[int]:
    """The indices of the ``limit`` largest non-zero counts, largest first, ties in index order."""
    if limit <= 0 or not counts.size:
        return []
    bar = 1 if limit >= counts.size else max(int(np.partition(counts, -limit)[-limit]), 1)
    candidates = np.flatnonzero(counts >= bar)
    ranked = candidates[np.argsort(-counts[candidates], kind="stable")]
    return [int(p) for p in ranked[:limit]]
