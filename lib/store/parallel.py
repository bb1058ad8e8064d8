"""Parallel, resumable ingest into the store (lib/store/parquet.py).

Workers (one process each, the model loaded once per process by lib.text.nlp.load_nlp) extract a
batch of documents at a time; the parent writes each batch's Parquet folder, then records the
batch in the manifest. An interrupted ingest loses at most the batches in flight: the next run
skips every document whose live copy in the store has the same content key.

Actor resolution is corpus-level in lib/extract/actors/extract.py (``extract_mentions``): names found in one
report are propagated to the others, names linked across reports (lib/extract/actors/corpus.py: lone
surnames to full names, acronyms, variants), teams, settings and datelines typed from the whole corpus,
and ``_settle`` gives one id per (name, kind) by majority. The compromise: a worker runs
``extract_mentions`` over its batch (so quotes and events get actor ids), keeping each mention's raw
actor and its name linker's input and output (the ``links`` table); after the batches
``refresh_corpus`` links the names of every batch together (lib/store/links.py), then settles ids
over the corpus from the raw actors (so a name's majority kind is counted over the whole store),
keeping the (batch, report, batch id) -> corpus id changes in a small ``actor_map`` table that reads
and queries apply; per-batch rows are never rewritten for it. What does NOT cross a batch boundary:
propagation of a name to a report in another batch, widening a name cut short, team/setting typing
from evidence in another batch, and the "place" typing events use to leave settings out of their
actors. With any batch size the store's actors equal lib.extract.pipeline.analyze_corpus's where
those passes find nothing across batches (tests/store/test_parallel.py). Merged events and
positions are recomputed from the per-document rows.
"""

from __future__ import annotations

import ctypes
import gc
import os
import shutil
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice
from multiprocessing import get_context
from multiprocessing.queues import Queue
from pathlib import Path
from queue import Empty
from typing import TextIO, TypeVar

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lib.extract import positions
from lib.extract.actors import extract as actors
from lib.extract.events import extract as events
from lib.extract.pipeline import extract_isolated, warm_up
from lib.records import Actor, Batch, Corpus, Document, Event, IngestError, Position, Quote
from lib.store.check import Repair, repair_store
from lib.store.claims import claims_table
from lib.store.columns import records_table, table_records
from lib.store.compaction import compact
from lib.store.links import link_corpus
from lib.store.parquet import (
    BATCH_SIZE,
    ActorMap,
    BatchEntry,
    CorpusTables,
    Manifest,
    batch_id_of,
    collect_garbage,
    commit_batch,
    corpus_events,
    corpus_path,
    corpus_quotes,
    document_key,
    live_records,
    read_corpus,
    read_live,
    read_manifest,
    spill,
    write_batch,
    write_corpus,
)
from lib.store.settle import corpus_order, settle_columns
from lib.text.nlp import load_nlp

Progress = Callable[[int, int], None]
R = TypeVar("R")
A = TypeVar("A")
T = TypeVar("T")
MAX_BATCHES = 64  # more batch folders than this and an ingest ends by compacting them


@dataclass(frozen=True)
class IngestReport:
    documents: int  # documents extracted this run
    skipped: int  # already in the store with the same content
    batches: int
    repair: Repair | None = None  # what was damaged in the store before, and what became of it


def settle_actors(store: Path, manifest: Manifest) -> tuple[list[Actor], ActorMap]:
    """The corpus's actors from every live raw mention, its names linked over every batch
    (lib/store/links.py), and the batch ids linking and settling changed."""
    columns = ["doc_id", "batch", "actor_id", "raw_actor", "agentive", "start", "end"]
    data = read_live(store, manifest, "mentions", columns)
    if data.num_rows == 0:
        return [], {}
    live = list(manifest.live())
    ordered = data.take(corpus_order(data.column("doc_id"), live))
    del data
    registry = actors.load_registry()
    links = read_live(store, manifest, "links")
    if links.num_rows:
        ordered = link_corpus(ordered, links, _texts(store, manifest, live), live, registry).mentions
    del links
    return settle_columns(ordered, registry)


def _texts(store: Path, manifest: Manifest, live: Sequence[str]) -> dict[str, str]:
    """The live reports' texts, in corpus order."""
    documents = read_live(store, manifest, "documents", ["id", "text"])
    by_id = dict(zip(documents.column("id").to_pylist(), documents.column("text").to_pylist(), strict=True))
    return {d: by_id[d] for d in live if d in by_id}


def corpus_tables(store: Path, manifest: Manifest) -> CorpusTables:
    """Actors, merged events and positions, recomputed from the live per-document rows."""
    found_actors, amap = settle_actors(store, manifest)
    by_id = {a.id: a for a in found_actors}
    found_quotes = corpus_quotes(live_records(store, manifest, "quotes", Quote), amap)
    doc_events = corpus_events(live_records(store, manifest, "events", Event), amap)
    merged = tuple(events.merge_events(doc_events))
    found_positions = store_positions(store, manifest, found_quotes, by_id, [e.sources for e in merged])
    return CorpusTables(tuple(found_actors), merged, tuple(found_positions), amap)


def _batch_rows(
    store: Path, manifest: Manifest, table: str, cls: type[R], docs: set[str]
) -> list[tuple[str, R]]:
    """(batch, record) of the batches holding the live copies of ``docs``, in corpus order."""
    batches = {manifest.live()[d] for d in docs}
    return live_records(
        store, replace(manifest, batches=tuple(b for b in manifest.batches if b.id in batches)), table, cls
    )


def added_tables(
    store: Path, manifest: Manifest, added: set[str]
) -> tuple[CorpusTables, dict[str, pa.Table]] | None:
    """The corpus tables after documents ``added`` (new ids, last in the corpus) joined the store,
    updated from the previous generation's instead of recomputed; None when they cannot be.

    Actors are settled again over the whole corpus (lib/store/settle.py, fast). If that changes an id
    or an actor the previous generation had (a name's majority kind flipped), only a full
    recompute is right, and None says so. Positions are recounted over every statement (the
    issues are found across the corpus). Events: the new documents' events are merged into the
    events they share an actor with and whose dates reach theirs (events.within_reach, then
    events.merge_into): the new reports' events and the days they reach, not the corpus's events. A
    full recompute (``ingest --refresh``) may join or split a borderline pair differently, since term
    weights then come from every event.
    """
    old = read_corpus(store, manifest, tables=("actors",))
    found_actors, amap = settle_actors(store, manifest)
    by_id = {a.id: a for a in found_actors}
    new_batches = {manifest.live()[d] for d in added}
    old_batches_map = {k: v for k, v in amap.items() if k[0] not in new_batches}
    if old_batches_map != old.actor_map or any(by_id.get(a.id) != a for a in old.actors):
        return None
    new_events = corpus_events(
        ((b, e) for b, e in _batch_rows(store, manifest, "events", Event, added) if set(e.sources) <= added),
        amap,
    )
    table = pq.read_table(corpus_path(store, manifest, "events"))
    hit = _sharing_actor(table, {a for e in new_events for a in e.actors})
    rows = pa.array(hit, pa.int64())
    dates = zip(*(table.column(c).take(rows).to_pylist() for c in ("date", "precision")), strict=True)
    hit = [row for row, near in zip(hit, events.within_reach(dates, new_events), strict=True) if near]
    candidates = table_records(table.take(pa.array(hit, pa.int64())), Event)
    taken, merged = events.merge_into(candidates, new_events)
    keep = pc.invert(pc.is_in(pa.array(range(table.num_rows)), pa.array([hit[i] for i in taken], pa.int64())))
    updated = pa.concat_tables([table.filter(keep), records_table(merged, Event)])
    arrow = {
        "events": _in_event_order(updated),
        "positions": records_table(
            store_positions(
                store,
                manifest,
                corpus_quotes(live_records(store, manifest, "quotes", Quote), amap),
                by_id,
                updated.column("sources").to_pylist(),
            ),
            Position,
        ),
    }
    return CorpusTables(tuple(found_actors), (), (), amap), arrow


def store_positions(
    store: Path,
    manifest: Manifest,
    quotes: Sequence[Quote],
    by_id: dict[str, Actor],
    sources: Sequence[Sequence[str]] = (),
) -> list[Position]:
    """Positions over every live statement: the issues are found across the whole corpus
    (lib/extract/issues.py), so added documents can change them and every row is recounted.
    ``sources``: each merged event's reports (the reports of one story)."""
    documents = read_live(store, manifest, "documents", ["id", "path"])
    if not documents.num_rows:  # no live document (an empty folder): no table, so no columns
        return []
    paths = documents.column("path").to_pylist()
    return positions.assign_positions(quotes, by_id, positions.issues_of(quotes, paths, sources))


def _sharing_actor(table: pa.Table, actor_ids: set[str]) -> list[int]:
    """Rows of an events table naming one of the actors."""
    column = table.column("actors").combine_chunks()
    flat = pc.list_flatten(column)
    parents = pc.list_parent_indices(column)
    hits = pc.filter(parents, pc.is_in(flat, value_set=pa.array(sorted(actor_ids), pa.string())))
    return sorted(set(hits.to_pylist()))


def _in_event_order(table: pa.Table) -> pa.Table:
    """Events sorted as merge_events sorts them: date, precision, summary, id."""
    ranks = pa.array([events.PRECISION_RANK[p] for p in table.column("precision").to_pylist()], pa.int64())
    keyed = table.append_column("_rank", ranks)
    order = pc.sort_indices(
        keyed, [("date", "ascending"), ("_rank", "ascending"), ("summary", "ascending"), ("id", "ascending")]
    )
    return table.take(order)


def _added(before: Manifest, planned: Sequence[str]) -> list[str]:
    """The planned documents when the corpus tables may be updated for them rather than recomputed:
    all of them new to the store, and the tables covering every batch there was before."""
    covered = {b.id for b in before.batches} <= set(before.covers)
    live = before.live()
    return list(planned) if before.corpus and covered and not any(d in live for d in planned) else []


GC_YOUNG = 50_000  # allocations between two collections of the youngest generation in the corpus step


@contextmanager
def fewer_collections(young: int = GC_YOUNG) -> Iterator[None]:
    """Python's cyclic garbage collector run less often (its youngest generation collected every
    ``young`` allocations, not every 700). The corpus step makes hundreds of thousands of
    long-lived objects (sentence claims, spans, records), and each allocation burst triggered
    collections that walk them again: a fifth of the step's CPU at 1,000 documents
    (docs/benchmarks.md), for almost no cyclic garbage (records hold no cycles)."""
    before = gc.get_threshold()
    gc.set_threshold(max(young, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def refresh_corpus(store: Path, corpus: Corpus | None = None, added: Sequence[str] = ()) -> None:
    """Recompute and store the corpus-level tables (and keep the corpus's ingest errors); the
    claims across the corpus (lib/store/claims.py) are clustered anew over every document.

    ``added``: ids of documents new to the store since the last refresh, all of them after every
    other in the corpus: the tables are then updated (``added_tables``) when they can be.
    """
    with fewer_collections():
        _refresh(store, corpus, added)


def _refresh(store: Path, corpus: Corpus | None, added: Sequence[str]) -> None:
    manifest = read_manifest(store)
    errors = corpus.errors if corpus else manifest.errors
    parsed = corpus.parsed if corpus else manifest.parsed
    updated = added_tables(store, manifest, set(added)) if added and manifest.corpus else None
    if updated is None:
        tables = corpus_tables(store, manifest)
        # the merged events and positions as Arrow before the claims are clustered, their records
        # let go: the claims' peak is the corpus step's (issue #19)
        arrow = {
            "events": records_table(tables.events, Event),
            "positions": records_table(tables.positions, Position),
        }
        tables = replace(tables, events=(), positions=())
    else:
        tables, arrow = updated
    # the events and positions on disk while the claims are clustered (the step's peak), not in memory
    folder, files = spill(store, arrow)
    del arrow, updated
    give_back_memory()
    try:
        claims = claims_table(store, tables)
        give_back_memory()
        write_corpus(store, tables, errors, parsed, arrow={"claims": claims}, files=files)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    collect_garbage(store, read_manifest(store))


def give_back_memory() -> None:
    """Return freed memory to the system between the corpus step's parts: Arrow's pool keeps the
    buffers it freed for reuse, and the C heap its free pages (glibc's malloc_trim), so each part's
    peak stacked on the one before (issue #19)."""
    pa.default_memory_pool().release_unused()
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def plan_batches(
    documents: Sequence[Document], manifest: Manifest, batch_size: int = BATCH_SIZE
) -> list[tuple[BatchEntry, tuple[Document, ...]]]:
    """The batches still to extract: documents whose live copy differs or is missing."""
    live_keys = manifest.keys()
    todo = [(d, k) for d in documents if live_keys.get(d.id) != (k := document_key(d))]
    plan = []
    for i in range(0, len(todo), batch_size):
        chunk = todo[i : i + batch_size]
        keys = tuple(k for _, k in chunk)
        plan.append(
            (BatchEntry(batch_id_of(keys), tuple(d.id for d, _ in chunk), keys), tuple(d for d, _ in chunk))
        )
    return plan


Written = tuple[str, dict[str, IngestError]]  # a batch folder written; the documents left out of it, by id


def extract_and_write(store: Path, job: tuple[str, Sequence[Document]]) -> Written:
    """A worker's whole share of a local ingest: extract one batch and write its folder (atomic);
    only the batch id (and any document that failed) travels back, so the parent does not
    unpickle and re-encode every record."""
    batch_id, docs = job
    batch, failed = extract_isolated(docs)
    return _written(store, batch_id, batch), failed


def _written(store: Path, batch_id: str, batch: Batch) -> str:
    write_batch(store, batch_id, batch)
    return batch_id


def _warm(ready: Queue[int]) -> None:
    load_nlp()
    warm_up()  # the extractors' lexicons too: start-up as the model is, not the first batch's work
    ready.put(os.getpid())


def _started() -> None:
    """A task that does nothing: submitting one per worker makes the pool start them all now."""


class Workers:
    """Spawned worker processes, each with the model and the extractors' lexicons loaded once
    (``lib.extract.pipeline.warm_up``), that run tasks in order.

    Start them before the work is ready (the CLI does, before reading the files): each worker's
    start-up (interpreter, imports, model; 2-3 s) then overlaps what the parent does meanwhile.
    """

    def __init__(self, processes: int) -> None:
        # spawn, not fork: the parent may hold DuckDB or Arrow threads, which a fork would copy mid-lock
        context = get_context("spawn")
        self.processes = processes
        self._ready: Queue[int] = context.Queue()
        self._pool = ProcessPoolExecutor(
            processes, mp_context=context, initializer=_warm, initargs=(self._ready,)
        )
        for _ in range(processes):
            self._pool.submit(_started)

    def wait_ready(self, timeout: float = 300) -> None:
        """Block until every worker has its model loaded."""
        for _ in range(self.processes):
            try:
                self._ready.get(timeout=timeout)
            except Empty:
                raise RuntimeError(f"a worker did not load the model within {timeout:.0f} s") from None

    def map(self, task: Callable[[A], T], items: Iterable[A]) -> Iterator[T]:
        """``task`` of each item, results in order, at most two items per worker in flight."""
        waiting = iter(items)
        pending = deque(self._pool.submit(task, item) for item in islice(waiting, 2 * self.processes))
        try:
            while pending:
                result = pending.popleft().result()
                pending.extend(self._pool.submit(task, item) for item in islice(waiting, 1))
                yield result
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


Extracted = tuple[Batch, dict[str, IngestError]]  # a chunk's batch; the documents left out of it, by id
Extract = Callable[[Sequence[Sequence[Document]]], Iterator[Extracted]]


def ingest_corpus(
    corpus: Corpus,
    store: Path,
    processes: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    extract: Extract | None = None,
    workers: Workers | None = None,
    phase: Callable[[str], None] | None = None,
) -> IngestReport:
    """Extract the documents the store lacks (or holds in another version), then refresh the corpus tables.

    ``extract`` maps the planned chunks to their batches in order (default: in this process, or
    in ``workers``, started here when ``processes`` > 1 and none are given, which then write
    their batch folders themselves; lib/store/distributed.py passes a Dask one). This process stays
    the manifest's only writer. The workers are closed before the corpus tables are refreshed.
    ``phase``: told "extract", "corpus" and "compact" as each part starts (tools/bench.py's
    memory by part).
    A damaged store is repaired first (lib/store/check.py): its damaged batches' documents are
    extracted again when among ``corpus``'s, and its damaged corpus tables recomputed.
    """
    tell = phase or _silent
    tell("extract")
    repair = repair_store(store, corpus.documents)
    manifest = read_manifest(store)
    plan = plan_batches(corpus.documents, manifest, batch_size)
    total = sum(len(docs) for _, docs in plan)
    local = extract is None and (workers is not None or processes > 1)
    with (workers or Workers(processes)) if local else nullcontext() as pool:
        written: Iterable[Written]
        if pool is not None:
            written = pool.map(partial(extract_and_write, store), [(entry.id, docs) for entry, docs in plan])
        elif extract is not None:
            batches = extract([docs for _, docs in plan])
            pairs = zip(plan, batches, strict=True)
            written = ((_written(store, entry.id, b), failed) for (entry, _), (b, failed) in pairs)
        else:
            written = (extract_and_write(store, (entry.id, docs)) for entry, docs in plan)
        failed = _commit_in_order(store, plan, written, total, progress)
    if failed:  # reported with the files' errors; the next ingest tries those documents again
        kept = tuple(d for d in corpus.documents if d.id not in failed)
        corpus = replace(corpus, documents=kept, errors=corpus.errors + tuple(failed.values()))
    added = [d.id for _, docs in plan for d in docs if d.id not in failed]
    tell("corpus")
    refresh_corpus(store, corpus, _added(manifest, added))
    give_back_memory()
    if len(read_manifest(store).batches) > MAX_BATCHES:
        tell("compact")
        compact(store)  # after the refresh: compaction writes actor ids as the corpus settled them
    return IngestReport(total - len(failed), len(corpus.documents) - total + len(failed), len(plan), repair)


def _silent(part: str) -> None:
    """No one told which part of the ingest runs."""


def _commit_in_order(
    store: Path,
    plan: Sequence[tuple[BatchEntry, Sequence[Document]]],
    written: Iterable[Written],
    total: int,
    progress: Progress | None,
) -> dict[str, IngestError]:
    """Record each batch in the manifest as its folder is written, in plan order, without the
    documents whose extraction failed; those documents' errors are returned by id."""
    done = 0
    failed: dict[str, IngestError] = {}
    manifest = read_manifest(store)  # this process is its only writer: kept, not read per batch
    for (entry, docs), (_, errors) in zip(plan, written, strict=True):
        kept = [(d, k) for d, k in zip(entry.docs, entry.keys, strict=True) if d not in errors]
        if kept:  # the batch folder keeps its planned id; the manifest lists only what it holds
            docs_kept, keys_kept = zip(*kept, strict=True)
            manifest = commit_batch(store, replace(entry, docs=docs_kept, keys=keys_kept), manifest)
        failed.update(errors)
        done += len(docs)
        if progress:
            progress(done, total)
    return failed


def text_progress(stream: TextIO = sys.stderr, width: int = 30) -> Progress:
    """A progress bar redrawn in place on a terminal stream: [#####.....] 120/1000 documents."""

    def show(done: int, total: int) -> None:
        filled = width * done // total if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} documents")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show
