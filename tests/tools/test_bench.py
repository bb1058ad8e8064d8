"""The benchmark command prints every figure (speed is measured by it, never asserted here)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from dashboard_fixtures import sample_analysis

from lib.__main__ import main
from lib.store.parquet import FOLDER_TABLES
from lib.view.pages import MAX_PAIRS_DOCS, home_pairs
from tools.appmem import session_pages, vm_hwm_mb
from tools.bench import synthetic_documents

pytestmark = pytest.mark.slow  # processes, servers and scale runs: `pytest -m "not slow"` skips them

KEYS = {
    "docs",
    "words",
    "ingest_s",
    "words_per_s",
    "bare_spacy_words_per_s",
    "ingest_cpu_vs_bare",
    "ingest_cpu_s",
    "bare_spacy_cpu_s",
    "processes",
    "warm_start_s",
    "query_ms",
    "query_cpu_ms",
    "search_ms",
    "search_cpu_ms",
    "query_rows_selected_of_all",
    "query_filters",
    "corpus_step_s",
    "corpus_step_cpu_s",
    "corpus_step_cpu_ms_per_doc",
    "merge_events_cpu_s",
    "settle_actors_cpu_s",
    "read_events_cpu_s",
    "positions_cpu_s",
    "claims_cpu_s",
    "events_before_merge",
    "events_merged",
    "compare_ms",
    "compare_aligned",
    "add_one_doc_s",
    "peak_rss_mb",
    "ingest_peak_rss_mb",
    "store_peak_rss_mb",
    "claims_s",
    "claims_cpu_ms_per_doc",
    "claims",
    "claims_query_ms",
    "claims_query_cpu_ms",
}
BROWSER_PAGES = {"home", "timeline", "positions", "comparison", "reader"}  # timed in Chromium
PAGES = {
    "home",
    "timeline",
    "positions",
    "comparison",
    "reader",
    "network",
    "diversity",
    "network_all",
    "diversity_all",
}


def test_bench_prints_one_json_object_with_every_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--docs", "3", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= KEYS
    assert set(figures["query_ms"]) == set(figures["query_cpu_ms"]) == PAGES
    assert set(figures["search_ms"]) == set(figures["search_cpu_ms"])
    assert (figures["docs"], figures["processes"]) == (3, 1)
    assert figures["peak_rss_mb"] == max(figures["ingest_peak_rss_mb"], figures["store_peak_rss_mb"]) > 0
    assert "ingest_vs_bare_per_core" not in figures  # wall times of phases run at different moments
    assert figures["ingest_cpu_vs_bare"] > 0 and figures["corpus_step_cpu_ms_per_doc"] >= 0
    assert figures["compare_aligned"] > 0  # two reports of one event share claims
    selected = figures["query_rows_selected_of_all"]
    assert set(selected) == {"home", "timeline", "positions", "network", "diversity"}
    assert all(part <= whole for part, whole in selected.values())
    if "page_s" in figures:  # Playwright and Chromium present
        assert set(figures["page_s"]) == {"trivial_chart", *BROWSER_PAGES}
        assert set(figures["page_server_cpu_s"]) == set(figures["page_s"])
        assert all(cpu > 0 for cpu in figures["page_server_cpu_s"].values())  # each server drew a page
        for kind in ("warm", "switch"):  # the same pages again on the same server
            assert (
                set(figures[f"page_{kind}_s"])
                == set(figures[f"page_{kind}_server_cpu_s"])
                == set(figures["page_s"])
            )
            assert set(figures["page_x_trivial"][kind]) == BROWSER_PAGES


def test_bench_measures_a_kept_store_again_and_a_replicated_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bench", "--docs", "2", "--json", "--keep", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["bench", "--store", str(tmp_path / "store"), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert set(again["query_ms"]) == PAGES and again["docs"] == 3  # the bench's added document is kept
    assert main(["bench", "--store", str(tmp_path / "store"), "--replicate", "3", "--json"]) == 0
    copied = json.loads(capsys.readouterr().out)
    assert (copied["docs"], copied["source_docs"]) == (12, 4) and "replicating" in copied["note"]
    assert copied["tables_copied"] == ["actors", "events", "positions", "actor_map", *FOLDER_TABLES]
    assert len(list((tmp_path / "store" / "batches").iterdir())) < 12  # the kept store is left as it was


TREE_PEAK_PROBE = """
import json, subprocess, sys
from tools.bench import TreePeak, tree_pss_mb, tree_rss_mb
alone, alone_pss = tree_rss_mb(), tree_pss_mb()
with TreePeak(every=0.01, pss_every=0.1) as peak:
    subprocess.run(
        [sys.executable, "-c", 'b = b"x" * (400 * 2**20); import time; time.sleep(2)'], check=True
    )
print(json.dumps([alone, alone_pss, peak.peak_mb, peak.peak_pss_mb]))
"""


def test_tree_peak_counts_a_child_process() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    # measured from a small process of its own: in the test run's process (near 1 GB after the
    # suite) the fork before exec, which counts the parent's pages twice, is the RSS peak, and the
    # PSS is read only at a new RSS peak, so the child's 400 MB came and went unread
    out = subprocess.run(
        [sys.executable, "-c", TREE_PEAK_PROBE], check=True, capture_output=True, text=True, cwd=root
    )
    alone, alone_pss, peak_mb, peak_pss_mb = json.loads(out.stdout.strip().splitlines()[-1])
    # more than the fork before exec shows for a moment (this process's pages, counted twice)
    assert peak_mb > alone + 300
    # like with like: PSS splits the shared pages that RSS counts whole, so each is compared with its own
    # (300 of the child's 400 MB: this process may free some of its own meanwhile)
    assert alone_pss + 300 < peak_pss_mb <= peak_mb


@pytest.mark.parametrize("n", [0, 1, 5])
def test_synthetic_documents_are_new_each(n: int) -> None:
    docs = list(synthetic_documents(n, ["Alpha 12 said in March.", "Beta 7."]))
    assert len(docs) == n
    assert len({d["id"] for d in docs}) == n


SESSION_PAGES = {"home", "timeline", "positions", "comparison", "reader"}


APP_KEYS = {"docs", "app_s", "app_peak_rss_mb", "streamlit_baseline_rss_mb", "app_total_rss_mb"}


def test_app_bench_on_a_store_prints_the_session_and_the_server(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--app", "--docs", "2", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= APP_KEYS
    assert figures["docs"] == 2
    assert set(figures["app_pages_bytes"]) == SESSION_PAGES
    assert 0 < figures["streamlit_baseline_rss_mb"] < figures["app_total_rss_mb"]


@pytest.mark.parametrize(
    ("docs", "pages"),
    [
        (2, SESSION_PAGES),
        (1, SESSION_PAGES - {"comparison"}),  # nothing to compare the one document with
        (0, SESSION_PAGES - {"comparison", "reader"}),
    ],
)
def test_session_pages_build_every_page_there_is(docs: int, pages: set[str]) -> None:
    full = sample_analysis()
    kept = full.documents[:docs]
    analysis = replace(full, corpus=replace(full.corpus, documents=kept))
    built = session_pages(analysis)
    assert set(built) == pages
    assert all(size > 0 for size in built.values())


@pytest.mark.parametrize(
    ("n", "pairs"), [(0, 0), (2, 1), (4, 6), (MAX_PAIRS_DOCS, 66), (MAX_PAIRS_DOCS + 1, 0)]
)
def test_home_pairs_stop_at_the_limit(n: int, pairs: int) -> None:
    assert len(home_pairs([f"d{i}" for i in range(n)])) == pairs


def test_vm_hwm_reads_this_process() -> None:
    assert vm_hwm_mb(os.getpid()) > 10


def test_vm_hwm_of_no_process_fails() -> None:
    with pytest.raises(OSError):
        vm_hwm_mb(2**22 + 1)  # above Linux's pid_max ceiling


def test_synthetic_corpus_is_split_into_files_and_fully_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tools import bench

    monkeypatch.setattr(bench, "FILE_DOCS", 2)
    bench.write_synthetic_corpus(tmp_path / "c", 5, bench.ROOT / "data")
    assert len(list((tmp_path / "c").glob("*.jsonl"))) == 3
    assert len(bench.load_all(tmp_path / "c", 5, cache_dir=tmp_path / "cache").documents) == 5
    with pytest.raises(RuntimeError, match="loaded 5 of 6"):
        bench.load_all(tmp_path / "c", 6, cache_dir=tmp_path / "cache")


@pytest.mark.parametrize("copies", [2, 3])
def test_replicated_store_copies_every_table(tmp_path: Path, copies: int) -> None:
    """Every table grows with the copies: actors, positions and the actor map too, under new ids."""
    import shutil

    from lib.store.parallel import ingest_corpus
    from lib.store.parquet import read_corpus, read_manifest
    from lib.store.slices import store_index
    from tools.replicas import replicate

    analysis = sample_analysis()
    store = tmp_path / "store"
    ingest_corpus(analysis.corpus, store)
    before = read_corpus(store, read_manifest(store))
    shutil.copytree(store, tmp_path / "kept")
    assert replicate(store, copies) == copies * len(analysis.documents)
    after = read_corpus(store, read_manifest(store))
    assert len(after.actors) == copies * len(before.actors)
    assert len(after.positions) == copies * len(before.positions)
    assert len(after.events) == copies * len(before.events)
    assert {a.id for a in before.actors} <= {a.id for a in after.actors}
    ids = {a.id for a in after.actors}
    assert all(p.actor_id in ids for p in after.positions)
    assert all(a in ids for e in after.events for a in e.actors)
    assert len(store_index(store).base.documents) == copies * len(analysis.documents)


def test_a_failing_store_measure_keeps_the_figures_before_it(tmp_path: Path) -> None:
    """The store's figures are measured in a child process; when it fails (a store it cannot read),
    the bench says why beside what it measured before instead of losing a long ingest's figures."""
    from tools.bench import store_figures_in_child

    figures = store_figures_in_child(tmp_path / "no-store")
    assert list(figures) == ["store_figures_error"] and figures["store_figures_error"]


def test_tree_rss_reads_what_status_says() -> None:
    """The sampler's RSS (statm's resident pages) is VmRSS as /proc/PID/status gives it."""
    from tools.bench import _summed_mb, tree_rss_mb

    fast, slow = tree_rss_mb(), _summed_mb(None, "status", "VmRSS:")
    assert abs(fast - slow) < 0.02 * slow  # read a moment apart: within 2%


def test_tree_peak_counts_its_own_cpu_apart() -> None:
    """The memory sampler's CPU is measured, so the ingest's CPU can leave it out."""
    import time

    from tools.bench import TreePeak

    with TreePeak(every=0.001) as peak:
        time.sleep(0.3)
    assert 0 < peak.cpu_s < 0.3
