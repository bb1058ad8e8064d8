"""Ingest on Dask: the batches, extraction and store of lib/store/parallel.py, on a local or cluster
scheduler.

The plan (``plan_batches``: only documents the store lacks or holds in another version) and the
extraction (``lib.extract.pipeline.extract_batch``, the single extraction path) are the local ingest's;
only who runs ``extract_batch`` changes. The driver stays the single writer: it writes each
batch's Parquet folder and records it in the manifest in plan order, as ``ingest_corpus`` does,
so a store written here equals one written by the local ingest and resumes the same way.

Schedulers:
* ``"synchronous"`` / ``"threads"``: dask's local schedulers, in this process;
* ``"processes"``: dask's local process scheduler over one pool of spawned processes kept for
  the whole ingest, so each worker loads the spaCy model once (``lib.text.nlp.load_nlp`` is cached
  per process);
* an address such as ``"tcp://host:8786"``: a ``dask scheduler`` with ``dask worker`` processes
  that have this project installed (needs the ``distributed`` package). Each worker process
  loads the model once, on its first batch. A worker keeps the code it imported at start, so
  the ingest refuses to start when a worker's lib/ (code and lexicons) differs from the driver's.

Memory: the driver holds at most a window of extracted batches (two per worker) at a time.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from dask.base import compute
from dask.delayed import delayed

from lib import ROOT
from lib.extract.pipeline import extract_isolated
from lib.records import Corpus, Document
from lib.store.parallel import Extracted, IngestReport, Progress, ingest_corpus
from lib.store.parquet import BATCH_SIZE
from lib.text.nlp import load_nlp
from lib.version import code_digest

LOCAL_SCHEDULERS = ("synchronous", "threads", "processes")
PER_WORKER = 2  # batches in flight per worker: one running, one queued so no worker waits on the driver
Chunks = Sequence[Sequence[Document]]


def is_cluster(scheduler: str) -> bool:
    """An address of a running ``dask scheduler`` (tcp://, tls://, ws://...), not a local scheduler name."""
    return "://" in scheduler


def code_fingerprint(root: Path = ROOT) -> str:
    """A digest of the project's code and lexicons: a worker started before an update runs old code."""
    return code_digest([root], root)


# computed when this module is imported, which imports lib.extract.pipeline and so every extractor: the code
# this process runs, not what is on disk later (a long-lived worker keeps what it imported)
LOADED_CODE = code_fingerprint()


def loaded_code() -> str:
    return LOADED_CODE


def stale_workers(fingerprints: dict[str, str], ours: str) -> list[str]:
    """The workers whose code differs from the driver's, by address."""
    return sorted(w for w, theirs in fingerprints.items() if theirs != ours)


def _warm() -> None:
    load_nlp()


def _task(chunk: Sequence[Document]) -> Any:
    # the chunk as one opaque value: dask would otherwise walk into every Document dataclass
    data = delayed(tuple(chunk), traverse=False)
    # extract_isolated: a document whose extraction raises is left out and reported, as in a local ingest
    return delayed(extract_isolated, pure=False)(data)


def _in_waves(chunks: Chunks, wave: int, **options: Any) -> Iterator[Extracted]:
    """The batches in order, computed ``wave`` at a time by dask's local schedulers."""
    for start in range(0, len(chunks), wave):
        tasks = [_task(c) for c in chunks[start : start + wave]]
        # dask.base.compute carries no annotations
        batches: tuple[Extracted, ...] = compute(*tasks, **options)  # type: ignore[no-untyped-call]
        yield from batches


def _on_processes(chunks: Chunks, workers: int) -> Iterator[Extracted]:
    # spawn, not fork: the driver may hold DuckDB or Arrow threads (see lib/store/parallel.py); one pool
    # for every wave, warmed once, instead of dask's default of a new pool per compute call
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_warm) as pool:
        # chunksize 1: dask's default (6) would send six batches, minutes of work, to one process
        yield from _in_waves(chunks, PER_WORKER * workers, scheduler="processes", pool=pool, chunksize=1)


def _on_cluster(chunks: Chunks, address: str) -> Iterator[Extracted]:
    """The batches in order from a running cluster, a sliding window of futures (no wave barrier)."""
    from distributed import Client  # optional dependency: only the cluster path needs it

    # distributed types Client.__init__ without annotations
    with Client(address) as client:  # type: ignore[no-untyped-call]
        stale = stale_workers(client.run(loaded_code), LOADED_CODE)
        if stale:
            raise RuntimeError(f"workers {stale} run another version of lib/: restart them after an update")
        window = PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
        waiting = iter(chunks)
        pending = deque(client.compute(_task(c)) for c in islice(waiting, window))
        while pending:
            batch: Extracted = pending.popleft().result()
            pending.extend(client.compute(_task(c)) for c in islice(waiting, 1))
            yield batch


def extract_with_dask(
    chunks: Chunks, scheduler: str = "processes", workers: int | None = None
) -> Iterator[Extracted]:
    """``extract_isolated`` over each chunk on a dask scheduler: each chunk's batch and the documents
    left out of it (their errors, by id), yielded in the chunks' order.

    ``workers``: processes (or threads) of a local scheduler, default the CPU count; a cluster
    has the workers it was started with.
    """
    if is_cluster(scheduler):
        return _on_cluster(chunks, scheduler)
    if scheduler not in LOCAL_SCHEDULERS:
        raise ValueError(f"unknown dask scheduler {scheduler!r}: one of {LOCAL_SCHEDULERS} or an address")
    n = max(1, workers or os.cpu_count() or 1)
    if scheduler == "processes":
        return _on_processes(chunks, n)
    return _in_waves(chunks, PER_WORKER * n, scheduler=scheduler, num_workers=n)


def ingest_with_dask(
    corpus: Corpus,
    store: Path,
    scheduler: str = "processes",
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    workers: int | None = None,
) -> IngestReport:
    """``lib.store.parallel.ingest_corpus`` with the extraction run by dask: the same plan, tables and
    resume."""

    def extract(chunks: Sequence[Sequence[Document]]) -> Iterator[Extracted]:
        return extract_with_dask(chunks, scheduler, workers)

    return ingest_corpus(corpus, store, batch_size=batch_size, progress=progress, extract=extract)
