"""Ingest on Dask (lib/store/distributed.py): the same Parquet tables as the local ingest, on every
scheduler."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

pytest.importorskip("dask")

from lib.__main__ import main
from lib.records import Corpus, Document
from lib.store import parallel  # after the importorskip: lib.store.distributed imports dask
from lib.store.distributed import (
    code_fingerprint,
    extract_with_dask,
    ingest_with_dask,
    is_cluster,
    stale_workers,
)
from lib.store.parallel import ingest_corpus
from lib.store.parquet import read_analysis, read_manifest

pytestmark = pytest.mark.slow  # processes, servers and scale runs: `pytest -m "not slow"` skips them

# Four small reports written for this test: shared names, a quote, dates and numbers.
TEXTS = [
    'Governor Lena Marsh said on Friday that the Eastvale dam will stay shut. "The water is too high," '
    "Marsh told reporters.",
    "The Eastvale water board voted on 3 May 2023 to spend $5 million on repairs, said Omar Feld, its head.",
    'Omar Feld met Lena Marsh on Sunday. "We agreed on a timetable," Feld said.',
    "Inspectors from River Safety Group said 1,200 homes downstream were at risk.",
]


def _corpus(texts: list[str] = TEXTS) -> Corpus:
    docs = tuple(
        Document(f"d{i}", f"Story {i}", f"Paper {i % 2}", f"2023-05-0{1 + i}", "metadata", "en", "", "", t)
        for i, t in enumerate(texts)
    )
    return Corpus(docs)


def _batch_tables(store: Path) -> dict[str, object]:
    """Every per-batch Parquet table by its path under the store (batch ids are content keys)."""
    return {
        str(p.relative_to(store)): pq.read_table(p) for p in sorted((store / "batches").rglob("*.parquet"))
    }


@pytest.fixture(scope="module")
def local_stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The single-process ingest's store for each batch size the tests use."""
    stores = {}
    for size in (1, 2, 4):
        stores[size] = tmp_path_factory.mktemp(f"local{size}")
        ingest_corpus(_corpus(), stores[size], processes=1, batch_size=size)
    return stores


def _assert_same_store(got: Path, want: Path) -> None:
    assert read_analysis(got) == read_analysis(want)
    assert _batch_tables(got) == _batch_tables(want)
    assert read_manifest(got).batches == read_manifest(want).batches


@pytest.mark.parametrize(
    ("scheduler", "batch_size"),
    [("synchronous", 1), ("synchronous", 2), ("synchronous", 4), ("threads", 2)],
)
def test_dask_writes_the_tables_of_the_local_ingest(
    tmp_path: Path, local_stores: dict[int, Path], scheduler: str, batch_size: int
) -> None:
    report = ingest_with_dask(_corpus(), tmp_path, scheduler=scheduler, batch_size=batch_size, workers=2)
    assert (report.documents, report.skipped, report.batches) == (4, 0, 4 // batch_size)
    _assert_same_store(tmp_path, local_stores[batch_size])


def test_dask_processes_scheduler_writes_the_same_tables(
    tmp_path: Path, local_stores: dict[int, Path]
) -> None:
    ingest_with_dask(_corpus(), tmp_path, scheduler="processes", batch_size=1, workers=2)
    _assert_same_store(tmp_path, local_stores[1])


def test_dask_cluster_address_writes_the_same_tables(tmp_path: Path, local_stores: dict[int, Path]) -> None:
    distributed = pytest.importorskip("distributed")
    # an in-process cluster on a real tcp address: the same code path as a remote `dask scheduler`
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        assert is_cluster(cluster.scheduler_address)
        ingest_with_dask(_corpus(), tmp_path, scheduler=cluster.scheduler_address, batch_size=2)
    _assert_same_store(tmp_path, local_stores[2])


def test_a_cluster_running_other_code_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr("lib.store.distributed.stale_workers", lambda found, ours: sorted(found))
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        pytest.raises(RuntimeError, match="another version of lib/"),
    ):
        ingest_with_dask(_corpus(), tmp_path, scheduler=cluster.scheduler_address)
    assert read_manifest(tmp_path).batches == ()


def test_an_interrupted_dask_ingest_resumes_and_ends_equal(
    tmp_path: Path, local_stores: dict[int, Path]
) -> None:
    def crash(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_with_dask(_corpus(), tmp_path, scheduler="synchronous", batch_size=1, progress=crash)
    assert len(read_manifest(tmp_path).batches) == 2  # the batches committed before the crash are kept
    report = ingest_with_dask(_corpus(), tmp_path, scheduler="synchronous", batch_size=1)
    assert (report.documents, report.skipped, report.batches) == (2, 2, 2)
    again = ingest_with_dask(_corpus(), tmp_path, scheduler="synchronous", batch_size=1)
    assert (again.documents, again.skipped, again.batches) == (0, 4, 0)
    _assert_same_store(tmp_path, local_stores[1])


def test_a_store_started_by_the_local_ingest_is_finished_by_dask(
    tmp_path: Path, local_stores: dict[int, Path]
) -> None:
    half = Corpus(_corpus().documents[:2])
    ingest_corpus(half, tmp_path, batch_size=1)
    report = ingest_with_dask(_corpus(), tmp_path, scheduler="synchronous", batch_size=1)
    assert (report.documents, report.skipped) == (2, 2)
    _assert_same_store(tmp_path, local_stores[1])


def test_dask_ingest_that_ends_by_compacting_equals_the_local_one(
    tmp_path: Path, local_stores: dict[int, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MAX_BATCHES", 2)
    ingest_with_dask(_corpus(), tmp_path, scheduler="synchronous", batch_size=1)
    assert len(read_manifest(tmp_path).batches) == 1
    assert read_analysis(tmp_path) == read_analysis(local_stores[1])


@pytest.mark.parametrize("scheduler", ["sync", "distributed", "", "tcp:/host:8786"])
def test_an_unknown_scheduler_is_refused_before_anything_is_written(tmp_path: Path, scheduler: str) -> None:
    with pytest.raises(ValueError, match="unknown dask scheduler"):
        ingest_with_dask(_corpus(), tmp_path, scheduler=scheduler)
    assert read_manifest(tmp_path).batches == ()


@pytest.mark.parametrize(
    ("scheduler", "cluster"),
    [("tcp://10.0.0.5:8786", True), ("tls://scheduler:8786", True), ("processes", False), ("threads", False)],
)
def test_is_cluster(scheduler: str, cluster: bool) -> None:
    assert is_cluster(scheduler) == cluster


@pytest.mark.parametrize(
    ("fingerprints", "stale"),
    [
        ({"tcp://a:1": "v1", "tcp://b:1": "v1"}, []),
        ({"tcp://a:1": "v1", "tcp://b:1": "v0"}, ["tcp://b:1"]),
        ({"tcp://b:1": "v0", "tcp://a:1": "v2"}, ["tcp://a:1", "tcp://b:1"]),
        ({}, []),
    ],
)
def test_stale_workers(fingerprints: dict[str, str], stale: list[str]) -> None:
    assert stale_workers(fingerprints, "v1") == stale


@pytest.mark.parametrize(
    ("name", "content", "changes"),
    [
        ("quotes.py", "X = 2\n", True),
        ("lexicons/verbs.yaml", "- said\n- told\n", True),
        ("new_module.py", "", True),
        ("notes.txt", "not code", False),
        ("quotes.py", "X = 1\n", False),
    ],
)
def test_code_fingerprint_follows_code_and_lexicons(
    tmp_path: Path, name: str, content: str, changes: bool
) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "quotes.py").write_text("X = 1\n")
    (tmp_path / "lexicons" / "verbs.yaml").write_text("- said\n")
    before = code_fingerprint(tmp_path)
    (tmp_path / name).write_text(content)
    assert (code_fingerprint(tmp_path) != before) == changes


def test_extract_with_dask_keeps_the_chunks_order() -> None:
    chunks = [(d,) for d in reversed(_corpus().documents)]
    batches = list(extract_with_dask(chunks, "threads", workers=2))
    assert [b.documents[0].id for b, _ in batches] == ["d3", "d2", "d1", "d0"]


def test_a_document_that_fails_in_a_dask_ingest_is_reported_and_the_rest_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in a local ingest: the batch is extracted without the failing document, which is
    reported by name with its reason; its batch's other documents are stored."""
    import lib.extract.pipeline

    real = lib.extract.pipeline.numbers.extract_numbers

    def crash(doc: Any, sdoc: Any) -> Any:
        if doc.id == "d1":
            raise ValueError("odd document")
        return real(doc, sdoc)

    monkeypatch.setattr(lib.extract.pipeline.numbers, "extract_numbers", crash)
    report = ingest_with_dask(_corpus(), tmp_path / "store", scheduler="threads", batch_size=2, workers=2)
    manifest = read_manifest(tmp_path / "store")
    assert report.documents == 3 and sorted(manifest.live()) == ["d0", "d2", "d3"]
    [error] = manifest.errors
    assert "'d1' could not be analysed (ValueError: odd document)" in error.reason


def test_cli_ingest_with_the_dask_engine_equals_the_local_engine(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for i, text in enumerate(TEXTS):
        (reports / f"story{i}.txt").write_text(text, encoding="utf-8")
    # a fresh parse cache each: the manifest records how many files were parsed (not cached) this run
    for engine in ("local", "dask"):
        store, cache = tmp_path / engine, tmp_path / f"cache-{engine}"
        argv = ["ingest", str(reports), "--store", str(store), "--cache-dir", str(cache), "--engine", engine]
        assert main([*argv, "--scheduler", "synchronous"]) == 0
    assert read_analysis(tmp_path / "dask") == read_analysis(tmp_path / "local")
