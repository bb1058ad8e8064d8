"""Benchmark: ingest speed against spaCy's bare pass, store start-up, page queries and peak memory;
with ``app``, what the dashboard process holds (tools.appmem).

The corpus is built from real text (the bundled seeds, and the shared dev statements when they
are beside the project) recombined with varied names, dates and numbers, so that neither the
parse cache nor deduplication can shortcut the work.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lib.compare.align import compare
from lib.extract.events.extract import merge_events
from lib.extract.pipeline import analyze_corpus, extract_batch, warm_up
from lib.read.ingest import load_corpus
from lib.records import Corpus, Document, Event, Quote
from lib.store.claims import claims_table
from lib.store.parallel import (
    Workers,
    fewer_collections,
    ingest_corpus,
    refresh_corpus,
    settle_actors,
    store_positions,
)
from lib.store.parquet import (
    BATCH_SIZE,
    FOLDER_TABLES,
    CorpusTables,
    corpus_events,
    corpus_quotes,
    live_records,
    read_corpus,
    read_manifest,
)
from lib.text.nlp import load_nlp
from lib.view.urls import Filters
from tools.replicas import CORPUS_TABLES, replicate

if TYPE_CHECKING:
    from lib.store.slices import StoreIndex

# The page queries' modules (DuckDB, pandas: +50 MB) and the app's are imported where used: the
# ingest's parent then holds what ``lib ingest``'s does, and its memory is the ingest's (issue #19).

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")
# The shared dev statements, beside the project (../shared) or beside its worktree folder (../../shared)
DEV_STATEMENTS = (
    next(
        (
            p
            for p in (ROOT.parent / "shared" / "devsets", ROOT.parent.parent / "shared" / "devsets")
            if (p / "kremlin-zelenskyy-2022-01.jsonl").is_file()
        ),
        ROOT.parent / "shared" / "devsets",
    )
    / "kremlin-zelenskyy-2022-01.jsonl"
)
NAMES = ["Jens Stoltenberg", "Antony Blinken", "Sergei Lavrov", "Olaf Scholz", "Emmanuel Macron", "Liz Truss"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October"]


def source_texts(data_dir: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(data_dir.glob("*.txt"))]
    if DEV_STATEMENTS.is_file():
        with DEV_STATEMENTS.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def _vary(text: str, rng: random.Random) -> str:
    """Swap names, numbers and months so every synthetic document is new to the cache."""
    text = re.sub(r"\b\d[\d,]*\b", lambda m: str(rng.randint(2, 2_000)), text)
    text = re.sub("|".join(MONTHS), lambda m: rng.choice(MONTHS), text)
    return re.sub("|".join(NAMES), lambda m: rng.choice(NAMES), text)


def synthetic_documents(n: int, texts: list[str], seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for i in range(n):
        body = _vary(texts[i % len(texts)], rng)
        yield {
            "id": f"bench-{i:06d}",
            "title": f"Synthetic report {i}",
            "source": f"Outlet {i % 17}",
            "date": f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": body,
        }


def _tree(pid: int) -> Iterator[int]:
    """A process and all its descendants (Linux /proc)."""
    todo = [pid]
    while todo:
        p = todo.pop()
        yield p
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text(encoding="utf-8").split()]
        except OSError:
            continue  # the process ended between two reads


def _summed_mb(pid: int | None, file: str, key: str) -> float:
    total = 0
    for p in _tree(pid or os.getpid()):
        try:
            table = Path(f"/proc/{p}/{file}").read_text(encoding="utf-8")
            total += next(int(x.split()[1]) for x in table.splitlines() if x.startswith(key))
        except (OSError, StopIteration):
            continue
    return total / 1024


PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def tree_rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process and all its descendants now, summed. A page shared by
    several processes (the libraries every worker maps) counts once per process: an upper
    bound of what the machine holds for them. Read from ``statm`` (its second field: the
    resident pages, VmRSS of ``status``), which the kernel writes as one line where ``status``
    formats fifty: the sampler below reads it twenty times a second through a whole ingest."""
    pages = 0
    for p in _tree(pid or os.getpid()):
        try:
            pages += int(Path(f"/proc/{p}/statm").read_bytes().split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended between two reads
    return pages * PAGE_MB


def tree_pss_mb(pid: int | None = None) -> float:
    """Proportional memory of a process and its descendants, summed: each shared page divided
    among the processes that map it, so the sum is what the tree holds. Reading it costs about
    10 ms per 500 MB (the kernel walks the page tables), 400 times reading the RSS."""
    return _summed_mb(pid, "smaps_rollup", "Pss:")


class TreePeak:
    """The peak of ``tree_rss_mb`` while the block runs, sampled every ``every`` seconds, and
    ``tree_pss_mb`` after the RSS sets a new peak (at most once per ``pss_every`` seconds: reading
    it often would slow down what is measured, and a peak shorter than that can be missed)."""

    def __init__(self, every: float = 0.05, pss_every: float = 0.5) -> None:
        self.every, self.pss_every = every, pss_every
        self.peak_mb = self.peak_pss_mb = 0.0
        self.part = ""  # the part of the work now running (``mark``), its peak in ``parts_mb``
        self.parts_mb: dict[str, float] = {}
        # the sampler's own CPU seconds (its thread's): a measurement, not what is measured, so a
        # caller counting this process's CPU leaves it out (2.6 CPU-s over a 1,000-document ingest
        # of 3 minutes on a loaded machine: 3% of spaCy's bare pass, docs/benchmarks.md)
        self.cpu_s = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        start = time.thread_time()
        try:
            self._sample()
        finally:
            self.cpu_s = time.thread_time() - start

    def _sample(self) -> None:
        last_pss, stale = -self.pss_every, False
        while True:
            rss = tree_rss_mb()
            stale |= rss > self.peak_mb
            self.peak_mb = max(self.peak_mb, rss)
            if self.part:
                self.parts_mb[self.part] = max(self.parts_mb.get(self.part, 0.0), rss)
            if stale and time.monotonic() - last_pss >= self.pss_every:
                self.peak_pss_mb = max(self.peak_pss_mb, tree_pss_mb())
                last_pss, stale = time.monotonic(), False
            if self._stop.wait(self.every):
                return

    def mark(self, part: str) -> None:
        """From now on the samples are ``part``'s (ingest_corpus tells its parts: extract, corpus,
        compact), each part's peak apart: the ingest's peak alone does not say where it is."""
        self.part = part
        self.parts_mb[part] = max(self.parts_mb.get(part, 0.0), tree_rss_mb())

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


WARM_START = """
import sys, time
from pathlib import Path
import streamlit, ui
from lib.view.urls import Filters
from lib.store.slices import count_events, overview_quotes, store_index
index = store_index(Path(sys.argv[1]))
overview_quotes(index, Filters()), count_events(index, Filters())
"""


def cpu_s() -> float:
    """CPU seconds (user + system) of this process and its waited-for children so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def warm_start_s(store: Path) -> float:
    """A fresh interpreter imports Streamlit and the pages' code, opens the store and has the home
    page's data: timed from outside, so the interpreter's own start counts."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", WARM_START, str(store)], cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - t0


def tree_cpu_s() -> float:
    """CPU seconds of this process, its ended children and its live descendants (Linux /proc):
    workers still running count too."""
    tick = os.sysconf("SC_CLK_TCK")
    live = 0.0
    for pid in _tree(os.getpid()):
        if pid == os.getpid():
            continue
        try:
            fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
            live += (int(fields[11]) + int(fields[12])) / tick  # utime, stime (fields 14 and 15)
        except (OSError, IndexError, ValueError):
            continue
    return cpu_s() + live


def _ms(run: Callable[[], object], repeat: int = 3) -> float:
    return _timed(run, repeat)[0]


def _timed(run: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Median wall and median CPU milliseconds of ``repeat`` runs (CPU: this process, every thread,
    so DuckDB's too: the figure a loaded machine leaves steady)."""
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return round(1000 * statistics.median(times), 1), round(1000 * statistics.median(cpu), 1)


def _wall_and_cpu(timed: dict[str, tuple[float, float]]) -> tuple[dict[str, float], dict[str, float]]:
    return {k: w for k, (w, _) in timed.items()}, {k: c for k, (_, c) in timed.items()}


def selective_filters(index: StoreIndex) -> tuple[Filters, str]:
    """Filters an analyst uses: the most quoted actor and one quarter (the one with most documents)."""
    from lib.store.slices import overview_quotes

    quotes = overview_quotes(index, Filters())
    named = quotes[quotes["speaker_id"] != ""]["speaker_id"]
    actor = str(named.value_counts().index[0]) if not named.empty else ""
    dated = [d.date[:7] for d in index.base.documents if d.date and len(d.date) >= 7]
    quarters = Counter(f"{m[:4]}-Q{(int(m[5:7]) - 1) // 3 + 1}" for m in dated)
    if not quarters:
        return Filters(actors=(actor,) if actor else ()), f"actor {actor or '(none)'}"
    year, q = quarters.most_common(1)[0][0].split("-Q")
    first = date(int(year), 3 * int(q) - 2, 1)
    last = date(int(year) + (q == "4"), 1 if q == "4" else 3 * int(q) + 1, 1) - timedelta(days=1)
    chosen = Filters(actors=(actor,) if actor else (), date_from=first, date_to=last)
    return chosen, f"actor {actor or '(none)'}, {year}-Q{q}"


def network_rows(index: StoreIndex, filters: Filters) -> int:
    """What the Network page's lower half reads: the arrows between actors counted by the store
    (the evidence of a pick is read when one is made); the arrows."""
    from lib.store.slices import store_network_edges

    return len(store_network_edges(index, filters))


def diversity_rows(index: StoreIndex, filters: Filters) -> int:
    """What the Network page's upper half reads: whom each source quotes (the quotes in view per
    source and speaker, counted by the store); the sources."""
    from lib.store.slices import store_diversity

    return len(store_diversity(index, filters)[0])


def query_figures(store: Path) -> dict[str, Any]:
    """Median milliseconds of each page's data query (lib/store/slices.py) with filters that select
    (``selective_filters``), the rows each returns beside the whole corpus's, and what was chosen."""
    from lib.store.slices import (
        count_events,
        documents_slice,
        overview_quotes,
        positions_slice,
        stance_pairs,
        store_index,
        timeline_slice,
    )

    index = store_index(store)
    docs = index.base.documents
    chosen, said = selective_filters(index)
    ids = [d.id for d in docs[:2]]
    actor = chosen.actors[0] if chosen.actors else None
    queries: dict[str, Callable[[Filters], int]] = {
        "home": lambda f: len(overview_quotes(index, f)) + count_events(index, f),
        "timeline": lambda f: len(timeline_slice(index, f).analysis.events),
        # the slice and the stances matrix's counts (read apart since the matrix is counted in SQL)
        "positions": lambda f: (
            len(positions_slice(index, f, actor, None).analysis.quotes) + len(stance_pairs(index, f))
        ),
        "network": partial(network_rows, index),
        "diversity": partial(diversity_rows, index),
    }
    timed = {name: _timed(partial(run, chosen)) for name, run in queries.items()}
    # The Network page's two views open on the whole corpus unless filtered: timed so too.
    timed |= {f"{name}_all": _timed(partial(queries[name], Filters())) for name in ("network", "diversity")}
    timed["comparison"] = _timed(lambda: documents_slice(index, ids))
    timed["reader"] = _timed(lambda: documents_slice(index, ids[:1]))
    times, cpu = _wall_and_cpu(timed)
    rows = {name: [run(chosen), run(Filters())] for name, run in queries.items()}
    return {"query_ms": times, "query_cpu_ms": cpu, "query_rows_selected_of_all": rows, "query_filters": said}


SEARCHES = {"name": "Lavrov", "words": "troops border", "phrase": '"said on"', "filtered": "talks*"}


def search_ms(store: Path) -> dict[str, dict[str, float]]:
    """Median milliseconds of a search (the store's candidate sentences, then lib/view/search.py's
    match and rank), filters open; ``filtered``: a year and two outlets; wall (``search_ms``) and
    CPU (``search_cpu_ms``)."""
    from lib.store.slices import search_slice, store_index
    from lib.view import search

    index = store_index(store)
    outlets = tuple(sorted({d.source for d in index.base.documents if d.source})[:2])
    year = Filters(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31), sources=outlets)

    def run(q: str, filters: Filters) -> Callable[[], object]:
        def once() -> object:
            part = search_slice(index, filters, q).analysis
            return search.search(part, filters, search.parse(q))

        return once

    timed = {k: _timed(run(q, year if k == "filtered" else Filters())) for k, q in SEARCHES.items()}
    wall, cpu = _wall_and_cpu(timed)
    return {"search_ms": wall, "search_cpu_ms": cpu}


def claims_figures(store: Path) -> dict[str, float]:
    """Clustering the corpus's claims (the corpus step's share, lib/store/claims.py) and reading the
    claims in view with the pairs worth comparing (Source comparison's corpus tab), typical filters."""
    from lib.store.slices import claims_in_view, store_index, worth_comparing

    manifest = read_manifest(store)
    tables = read_corpus(store, manifest, tables=("actors",))
    t0, c0 = time.perf_counter(), cpu_s()
    claims = claims_table(store, tables)
    claims_s, claims_cpu = time.perf_counter() - t0, cpu_s() - c0
    index = store_index(store)
    outlets = tuple(sorted({d.source for d in index.base.documents if d.source})[:2])
    year = Filters(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31), sources=outlets)
    ms, cpu_ms = _timed(lambda: (claims_in_view(index, year), worth_comparing(index, year)))
    docs = max(len(manifest.live()), 1)
    return {
        "claims_s": round(claims_s, 2),
        "claims_cpu_ms_per_doc": round(1000 * claims_cpu / docs, 2),  # flat from one size to the next
        "claims": claims.num_rows,
        "claims_query_ms": ms,
        "claims_query_cpu_ms": cpu_ms,
    }


def add_one_doc_s(store: Path, texts: list[str]) -> float:
    """Ingest one new document into the store and update the corpus tables, the model loaded
    (as in a running ingest; ``model_load_s`` is printed apart)."""
    doc = next(synthetic_documents(1, texts, seed=time.time_ns()))
    doc_id = f"bench-added-{time.time_ns()}"  # new on every run: a kept store grows by one each time
    new = Document(doc_id, doc["title"], doc["source"], doc["date"], "metadata", "en", "", "", doc["text"])
    t0 = time.perf_counter()
    ingest_corpus(Corpus((new,)), store)
    return time.perf_counter() - t0


def model_load_s() -> float:
    t0 = time.perf_counter()
    load_nlp()
    return time.perf_counter() - t0


QUERY_FIGURES = """
import json, sys
from pathlib import Path
from tools.bench import store_figures
print(json.dumps(store_figures(Path(sys.argv[1]))))
"""


def replicated_figures(store: Path, copies: int) -> dict[str, Any]:
    """Warm start, page queries and the peak memory meanwhile (a fresh process) once the store
    holds ``copies`` times its rows (the output says so)."""
    docs = replicate(store, copies)
    cmd = [sys.executable, "-c", QUERY_FIGURES, str(store)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    note = f"store filled by replicating the extracted rows {copies} times under new ids"
    copied = [*CORPUS_TABLES, *FOLDER_TABLES]
    return {"docs": docs, "note": note, "tables_copied": copied, **json.loads(out.stdout)}


FILE_DOCS = 1000  # documents per .jsonl file: a file stays far below ingest's 20 MB limit


def write_synthetic_corpus(folder: Path, n_docs: int, data_dir: Path) -> list[dict[str, Any]]:
    """N synthetic documents as .jsonl files in ``folder`` (created)."""
    docs = list(synthetic_documents(n_docs, source_texts(data_dir)))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(0, len(docs), FILE_DOCS):
        lines = "".join(json.dumps(d) + "\n" for d in docs[i : i + FILE_DOCS])
        (folder / f"bench-{i // FILE_DOCS:04d}.jsonl").write_text(lines, encoding="utf-8")
    return docs


def load_all(folder: Path, n_docs: int, cache_dir: Path | None = None) -> Corpus:
    """The synthetic corpus, every document of it: a benchmark of fewer documents would be a lie."""
    corpus = load_corpus([folder], cache_dir=cache_dir)
    if len(corpus.documents) != n_docs:
        reasons = "; ".join(f"{e.path}: {e.reason}" for e in corpus.errors[:3])
        raise RuntimeError(f"loaded {len(corpus.documents)} of {n_docs} synthetic documents ({reasons})")
    return corpus


def _app_figures(app: dict[str, Any]) -> dict[str, Any]:
    from tools.appmem import streamlit_baseline_rss_mb

    baseline = streamlit_baseline_rss_mb()
    return {
        **app,
        "streamlit_baseline_rss_mb": baseline,
        "app_total_rss_mb": app["app_peak_rss_mb"] + baseline,  # an upper bound: shared libraries count twice
    }


def run_app_bench(n_docs: int | None, data_dir: Path = ROOT / "data", processes: int = 1) -> dict[str, Any]:
    """Peak RSS of a dashboard session on ``data_dir`` itself (None) or on a store of ``n_docs`` documents."""
    from tools.appmem import app_rss_in_child

    if n_docs is None:
        return {"corpus": str(data_dir), **_app_figures(app_rss_in_child(data=data_dir))}
    with tempfile.TemporaryDirectory() as tmp:
        corpus_dir, store = Path(tmp) / "corpus", Path(tmp) / "store"
        write_synthetic_corpus(corpus_dir, n_docs, data_dir)
        ingest_corpus(load_all(corpus_dir, n_docs), store, processes=processes)
        return {"corpus": "synthetic store", **_app_figures(app_rss_in_child(store=store))}


SAMPLE_DOCS = 200  # documents timed for the in-process extraction vs bare spaCy comparison


def extraction_vs_bare(documents: Sequence[Document]) -> dict[str, float]:
    """CPU seconds of the whole extraction and of spaCy's bare pass on the same texts, both warm.

    In one process and without the store, so the ratio is what the extractors add to parsing.
    """
    sample = list(documents[:SAMPLE_DOCS])
    nlp = load_nlp()
    for _ in nlp.pipe(d.text for d in sample):  # warm the vocabulary, as the ingest above did
        pass
    c0 = cpu_s()
    extract_batch(sample)
    extraction = cpu_s() - c0
    c0 = cpu_s()
    for _ in nlp.pipe((d.text for d in sample), batch_size=BATCH_SIZE):  # as fast as spaCy goes here
        pass
    bare = cpu_s() - c0
    return {"extraction_cpu_vs_bare": round(extraction / bare, 2), "sample_docs": len(sample)}


def compare_ms(texts: list[str], words: int = 1000) -> dict[str, float]:
    """Median time to compare two reports of one event, about ``words`` words each (after
    analysing them): the same source texts told twice, names, numbers and months varied apart and
    one report's paragraphs in another order, as two outlets rewrite one wire story."""
    rng = random.Random(11)
    body: list[str] = []
    while len(" ".join(body).split()) < words:
        body.append(rng.choice(texts))
    pair = []
    for side in ("a", "b"):
        paragraphs = [_vary(t, rng) for t in body]
        if side == "b":
            rng.shuffle(paragraphs)
        text = "\n\n".join(paragraphs)
        pair.append(Document(f"cmp-{side}", side, side, "2022-01-26", "metadata", "en", "", "", text))
    analysis = analyze_corpus(Corpus(tuple(pair)))
    timed = _ms(lambda: compare(analysis, "cmp-a", "cmp-b"), repeat=5)
    found = compare(analysis, "cmp-a", "cmp-b")
    return {
        "compare_ms": timed,
        "compare_words": len(pair[0].text.split()),
        "compare_aligned": len(found.aligned),  # the two reports do share claims: work was done
    }


def store_figures(store: Path, texts: list[str] | None = None) -> dict[str, Any]:
    """What an analyst waits for on a built store: opening it, each page's query and (given texts
    to make one from) adding a document; and the peak memory of this process tree meanwhile."""
    with TreePeak() as peak:
        figures: dict[str, Any] = {
            "warm_start_s": round(warm_start_s(store), 2),
            **query_figures(store),
            **search_ms(store),
        }
        figures |= claims_figures(store)
        if texts is not None:
            figures["model_load_s"] = round(model_load_s(), 2)
            figures["add_one_doc_s"] = round(add_one_doc_s(store, texts), 2)
    return figures | {"store_peak_rss_mb": round(peak.peak_mb), "store_peak_pss_mb": round(peak.peak_pss_mb)}


def store_figures_in_child(store: Path) -> dict[str, Any]:
    """``store_figures`` in a fresh interpreter: this process's model and corpus are not counted."""
    cmd = [sys.executable, "-m", "lib", "bench", "--store", str(store), "--json"]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode:  # the figures measured so far (an hour's ingest at 10,000) are still printed
        return {"store_figures_error": out.stderr.strip().splitlines()[-3:]}
    figures: dict[str, Any] = json.loads(out.stdout)
    figures.pop("docs", None)
    return figures


def run_store_bench(store: Path, data_dir: Path = ROOT / "data", replicate_copies: int = 1) -> dict[str, Any]:
    """``store_figures`` on a store a previous ``run_bench(keep=...)`` built; with copies, on a
    replicated copy of it (the store itself is left as it was)."""
    texts = source_texts(data_dir)
    docs = len(read_manifest(store).live())
    if replicate_copies <= 1:
        return {"docs": docs, **store_figures(store, texts)}
    with tempfile.TemporaryDirectory(dir=store.parent) as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(store, copy)
        return {"source_docs": docs, **replicated_figures(copy, replicate_copies)}


def run_page_bench(store: Path, port: int | None = None) -> dict[str, Any]:
    """``page_figures`` alone on a kept store (the store is only read)."""
    return {"docs": len(read_manifest(store).live()), **page_figures(store, port)}


def corpus_step_figures(store: Path) -> dict[str, Any]:
    """The corpus step (lib/store/parallel.py refresh_corpus: actors settled, events merged,
    positions counted, claims clustered, over every document) recomputed in full, in CPU seconds
    and per document, so that its growth shows from one size to the next; then its parts run
    apart, each in CPU seconds (``corpus_step_parts``)."""
    manifest = read_manifest(store)
    docs = len(manifest.live())
    t0, c0 = time.perf_counter(), cpu_s()
    refresh_corpus(store)
    wall, cpu = time.perf_counter() - t0, cpu_s() - c0
    return {
        "corpus_step_s": round(wall, 2),
        "corpus_step_cpu_s": round(cpu, 2),
        "corpus_step_cpu_ms_per_doc": round(1000 * cpu / max(docs, 1), 2),
        **corpus_step_parts(store),
    }


def corpus_step_parts(store: Path) -> dict[str, Any]:
    """The corpus step's parts, each run apart as refresh_corpus runs it (under its garbage
    collector setting), in CPU seconds: actors settled, events read and merged, positions (the
    statements read, the issues found, the stances), claims (read, clustered, checked, as Arrow)."""
    manifest = read_manifest(store)
    parts: dict[str, float] = {}

    def timed(name: str, run: Callable[[], T]) -> T:
        c0 = cpu_s()
        out = run()
        parts[name] = round(cpu_s() - c0, 2)
        return out

    with fewer_collections():
        found, amap = timed("settle_actors_cpu_s", lambda: settle_actors(store, manifest))
        rows = timed("read_events_cpu_s", lambda: live_records(store, manifest, "events", Event))
        doc_events = corpus_events(rows, amap)
        merged = timed("merge_events_cpu_s", lambda: merge_events(doc_events))
        by_id = {a.id: a for a in found}

        def positions() -> object:
            quotes = corpus_quotes(live_records(store, manifest, "quotes", Quote), amap)
            return store_positions(store, manifest, quotes, by_id)

        timed("positions_cpu_s", positions)
        timed("claims_cpu_s", lambda: claims_table(store, CorpusTables(tuple(found), (), (), amap)))
    return {**parts, "events_before_merge": len(doc_events), "events_merged": len(merged)}


TRIVIAL_PAGE = """import plotly.express as px
import streamlit as st

st.plotly_chart(px.bar(x=["a", "b"], y=[1, 2]))
"""
PAGE_NAMES = {
    "": "home",
    "Timeline": "timeline",
    "Actor_positions": "positions",
    "Source_comparison": "comparison",
    "Reader": "reader",
}
TRIVIAL = "trivial_chart"  # the trivial page's key in each figure
CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHART = ".js-plotly-plot"  # a drawn Plotly chart (notes above it, st.info, do not count)
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'  # the page's run has ended
OLD = "data-bench-old"  # marks the charts drawn before a click in the sidebar
WARM_VISITS = 3  # later views of a page in the same server and browser, each in a new tab
VIEW_TIMEOUT_S = 120.0

Seconds = float | None  # None: no chart came in time


def _chart_drawn(page: Any, selector: str, t0: float, timeout_s: float) -> Seconds:
    """Seconds since ``t0`` once ``selector`` is visible; None when it is not in time."""
    try:
        page.locator(selector).first.wait_for(state="visible", timeout=timeout_s * 1000)
    except Exception as err:  # Playwright's TimeoutError: the page shows no chart
        if "Timeout" not in type(err).__name__:
            raise
        return None
    return time.perf_counter() - t0


def _main_thread_s(cdp: Any) -> float:
    """CPU seconds of a tab's renderer main thread so far (Chromium's Performance metric ThreadTime).
    CPU, not wall: TaskDuration, the same thread's tasks in wall time, also counts the time the thread
    waits for a core (two identical trivial pages at load 8: TaskDuration 2.11 and 2.60 s, ThreadTime
    1.03 and 1.05 s)."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return float(next(m["value"] for m in metrics if m["name"] == "ThreadTime"))


def _opened(context: Any, url: str, timeout_s: float = VIEW_TIMEOUT_S) -> tuple[Any, Seconds, float]:
    """A new tab of ``context`` navigated to ``url`` (left open), the seconds to its first chart and
    its main thread's CPU seconds over the same span."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    before = _main_thread_s(cdp)
    t0 = time.perf_counter()
    page.goto(url)
    seconds = _chart_drawn(page, CHART, t0, timeout_s)
    return page, seconds, _main_thread_s(cdp) - before


def _seconds_to_chart(context: Any, url: str, timeout_s: float = VIEW_TIMEOUT_S) -> tuple[Seconds, float]:
    """Seconds from navigating a new tab to ``url`` to its first chart drawn (the tab then closed),
    and the tab's main-thread CPU seconds over them."""
    page, seconds, main_thread = _opened(context, url, timeout_s)
    page.close()
    return seconds, main_thread


def _switched_to_chart(page: Any, path: str, timeout_s: float = VIEW_TIMEOUT_S) -> Seconds:
    """Seconds from a click on the sidebar's link to ``path`` (a page already drawn) to a chart
    drawn that was not there before the click (the old ones are marked first)."""
    page.evaluate(f"() => document.querySelectorAll('{CHART}').forEach(e => e.setAttribute('{OLD}', ''))")
    t0 = time.perf_counter()
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first.click()
    return _chart_drawn(page, f"{CHART}:not([{OLD}])", t0, timeout_s)


def _process_cpu_s(pid: int) -> float:
    """CPU seconds (user + system, all its threads) of a live process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def _rounded(seconds: Seconds) -> float | str:
    return round(seconds, 2) if seconds is not None else "no chart"


def median_visit(seconds: Sequence[Seconds]) -> Seconds:
    """The median of several views' seconds; None (no chart) when any view drew none."""
    if not seconds or any(s is None for s in seconds):
        return None
    return statistics.median(s for s in seconds if s is not None)


def times_trivial(seconds: dict[str, float | str], trivial: str = TRIVIAL) -> dict[str, float | str]:
    """Each page's seconds over the trivial page's of the same figure (issue #19 asks ≤ 1.3× warm,
    ≤ 1.5× for a store's first page); "no chart" where either drew none."""
    base = seconds.get(trivial)
    if not isinstance(base, float | int) or base <= 0:
        return {name: "no chart" for name in seconds if name != trivial}
    return {
        name: round(s / base, 2) if isinstance(s, float | int) else "no chart"
        for name, s in seconds.items()
        if name != trivial
    }


class _ServerViews:
    """One server's views in one browser context (its HTTP cache shared by the tabs, as a user's
    browser): each view's seconds to a chart and the server's CPU seconds over the same span."""

    def __init__(self, server: subprocess.Popen[bytes], context: Any) -> None:
        from tools.appmem import server_url

        self.server, self.context, self.url = server, context, server_url(server)
        self.main_thread = 0.0  # the browser's main-thread CPU seconds of the last ``view``

    def timed(self, view: Callable[[], Seconds]) -> tuple[Seconds, float]:
        before = _process_cpu_s(self.server.pid)
        seconds = view()
        return seconds, round(_process_cpu_s(self.server.pid) - before, 2)

    def view(self, path: str) -> tuple[Seconds, float]:
        """A view of ``path`` in a new tab (its main-thread CPU seconds kept in ``main_thread``)."""

        def viewed() -> Seconds:
            seconds, self.main_thread = _seconds_to_chart(self.context, f"{self.url}/{path}")
            return seconds

        return self.timed(viewed)

    def switch(self, path: str, from_path: str) -> tuple[Seconds, float]:
        """A click in the sidebar of ``from_path`` (opened in a new tab, its run finished) to ``path``."""
        page, _, _ = _opened(self.context, f"{self.url}/{from_path}")
        try:
            page.locator(IDLE).wait_for(state="attached", timeout=VIEW_TIMEOUT_S * 1000)
            return self.timed(lambda: _switched_to_chart(page, path))
        finally:
            page.close()


def page_figures(store: Path, port: int | None = None) -> dict[str, Any]:
    """What a user waits for: each page opened in a real browser on a freshly started
    ``streamlit run`` of the dashboard on ``store``, from navigation to its main chart visible,
    beside a trivial page holding one chart timed the same way right before it, on a fresh server
    of its own started with the page's: each page is compared with its own trivial page, timed
    seconds apart, so that the machine's load moving between pages does not move the ratio.
    The first view (``page_s``) pays the imports and opening the store, as a user's first visit
    does. Then ``WARM_VISITS`` views in new tabs of the same browser, the trivial page's and the
    page's in turn (``page_warm_s``, the medians: a user reopening the page or following a shared
    link; the server's caches and the browser's HTTP cache filled), and a click in the sidebar
    from another page to it (``page_switch_s``; the trivial reference, timed once: a click between
    two trivial pages). The trivial page's figure is the median of its views. Each page's ratio to
    its own trivial views (``page_x_trivial``) and the server's CPU seconds over each span (robust
    to the load, unlike the wall time; the browser's own work is not in it), and the browser's
    main-thread CPU seconds of the first and warm views (``main_thread_report``). ``port``: the
    dashboard's servers use it in turn and the trivial ones the next (free ports otherwise).
    Empty when Playwright or Chromium is missing."""
    from tools.appmem import streamlit_server

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    if not CHROMIUM.exists():
        return {}
    views: dict[str, dict[str, tuple[Seconds, float]]] = {}
    beside: dict[str, dict[str, tuple[Seconds, float]]] = {}  # each page's own trivial views
    main: dict[str, dict[str, float]] = {}  # the browser's main-thread CPU seconds of the same views
    main_beside: dict[str, dict[str, float]] = {}
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)

        @contextlib.contextmanager
        def serving(
            script: Path, env: dict[str, str] | None = None, on: int | None = None
        ) -> Iterator[_ServerViews]:
            with streamlit_server(script, env, on) as server:
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                try:
                    yield _ServerViews(server, context)
                finally:
                    context.close()

        try:
            trivial = Path(tmp) / "trivial.py"
            trivial.write_text(TRIVIAL_PAGE, encoding="utf-8")
            env = {"TRIANGULATE_STORE": str(store)}
            for path, name in PAGE_NAMES.items():
                with (
                    serving(trivial, on=port and port + 1) as ref,
                    serving(ROOT / "dashboard.py", env, port) as on,
                ):
                    beside[name] = {"first": ref.view("")}
                    views[name] = {"first": on.view(path)}
                    main_beside[name], main[name] = {"first": ref.main_thread}, {"first": on.main_thread}
                    warm, warm_main = [], []
                    for _ in range(WARM_VISITS):
                        warm.append((ref.view(""), on.view(path)))
                        warm_main.append((ref.main_thread, on.main_thread))
                    beside[name]["warm"] = _median_view([t for t, _ in warm])
                    views[name]["warm"] = _median_view([v for _, v in warm])
                    main_beside[name]["warm"] = statistics.median(t for t, _ in warm_main)
                    main[name]["warm"] = statistics.median(v for _, v in warm_main)
                    views[name]["switch"] = on.switch(path, "Timeline" if path == "" else "")
            # the switch's reference: the trivial page beside a second one like it, in a folder of
            # their own (a pages/ folder beside trivial.py would put a sidebar on its first view)
            two = Path(tmp) / "two"
            (two / "pages").mkdir(parents=True)
            (two / "trivial.py").write_text(TRIVIAL_PAGE, encoding="utf-8")
            (two / "pages" / "1_Other.py").write_text(TRIVIAL_PAGE, encoding="utf-8")
            with serving(two / "trivial.py", on=port) as on:
                on.view("Other")  # warm, as each page is before its switch
                switched = on.switch("Other", "")
            for name in views:
                beside[name]["switch"] = switched
        finally:
            browser.close()
    return page_report(views, beside) | main_thread_report(main, main_beside)


def main_thread_report(
    pages: dict[str, dict[str, float]], beside: dict[str, dict[str, float]]
) -> dict[str, Any]:
    """The browser's main-thread CPU seconds up to each page's first chart, per kind of view ("first",
    "warm": ``pages[name][kind]``) beside its own trivial page's (``beside``, same shape): the trivial
    page's figure is the median of those, and each page's ratio is to its own trivial page. Robust to
    the machine's load where the wall time is not; the server's work and the network are not in it."""
    seconds: dict[str, dict[str, float]] = {}
    ratios: dict[str, dict[str, float | str]] = {}
    for kind in ("first", "warm"):
        names = [name for name, v in pages.items() if kind in v]
        refs = [beside[name][kind] for name in names]
        trivial = round(statistics.median(refs), 2) if refs else 0.0
        seconds[kind] = {TRIVIAL: trivial} | {name: round(pages[name][kind], 2) for name in names}
        ratios[kind] = {
            name: round(pages[name][kind] / beside[name][kind], 2) if beside[name][kind] > 0 else "no chart"
            for name in names
        }
    return {"page_main_thread_s": seconds, "page_main_thread_x_trivial": ratios}


def _median_view(views: Sequence[tuple[Seconds, float]]) -> tuple[Seconds, float]:
    """The median seconds (None if a view drew no chart) and the median server CPU of views."""
    return median_visit([s for s, _ in views]), statistics.median(c for _, c in views)


def page_report(
    views: dict[str, dict[str, tuple[Seconds, float]]], beside: dict[str, dict[str, tuple[Seconds, float]]]
) -> dict[str, Any]:
    """``page_figures``' output from each page's (seconds, server CPU seconds) per kind of view
    and its own trivial page's (``beside``): the trivial page's figure is the median of those."""
    out: dict[str, Any] = {}
    ratios: dict[str, Any] = {}
    for kind, key in (("first", "page_s"), ("warm", "page_warm_s"), ("switch", "page_switch_s")):
        names = [name for name, v in views.items() if kind in v]
        refs = [beside[name][kind] for name in names]
        trivial = _median_view(refs) if refs else (None, 0.0)
        seconds = {TRIVIAL: _rounded(trivial[0])} | {name: _rounded(views[name][kind][0]) for name in names}
        cpu = {TRIVIAL: round(trivial[1], 2)} | {name: views[name][kind][1] for name in names}
        cpu_key = "page_server_cpu_s" if kind == "first" else f"page_{kind}_server_cpu_s"
        out[key], out[cpu_key] = seconds, cpu
        ratios[kind] = {
            name: times_trivial({TRIVIAL: _rounded(beside[name][kind][0]), name: seconds[name]})[name]
            for name in names
        }
    return out | {"page_x_trivial": ratios, "page_warm_visits": WARM_VISITS}


def _give_back_freed_memory() -> None:
    """Return the C heap's free pages to the system (glibc's malloc_trim), where there is one."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def run_bench(
    n_docs: int,
    processes: int = 1,
    data_dir: Path = ROOT / "data",
    replicate_copies: int = 1,
    keep: Path | None = None,
    pages: bool = True,
) -> dict[str, Any]:
    """The whole benchmark on ``n_docs`` synthetic documents; ``keep``: build in that folder and
    leave the corpus and the store there (for ``run_store_bench``); ``pages``: time each page in a
    real browser too (``page_figures``)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        corpus_dir = work / "corpus"
        texts = source_texts(data_dir)
        words = sum(len(d["text"].split()) for d in write_synthetic_corpus(corpus_dir, n_docs, data_dir))
        _give_back_freed_memory()  # building the corpus is not the ingest: 44 MB at 10,000 documents
        # model loads are start-up, not throughput: this process's, or each worker's
        workers = Workers(processes) if processes > 1 else None
        if workers:
            workers.wait_ready()
        else:
            load_nlp()
            warm_up()  # the extractors' lexicons, as each worker does at its start
        store = work / "store"
        t0, c0 = time.perf_counter(), tree_cpu_s()
        with TreePeak() as ingest_peak:
            corpus = load_all(corpus_dir, n_docs, cache_dir=work / "cache")
            ingest_corpus(corpus, store, workers=workers, phase=ingest_peak.mark)
        # the sampler's CPU is this process's but not the ingest's
        ingest_s, ingest_cpu = time.perf_counter() - t0, tree_cpu_s() - c0 - ingest_peak.cpu_s
        if workers:
            workers.close()
        nlp = load_nlp()  # loaded before the clock here too (with workers, this process has not yet)
        t0, c0 = time.perf_counter(), cpu_s()
        for _ in nlp.pipe((d.text for d in corpus.documents), batch_size=BATCH_SIZE):
            pass
        bare_s, bare_cpu = time.perf_counter() - t0, cpu_s() - c0
        figures: dict[str, Any] = {
            "docs": len(corpus.documents),
            "words": words,
            "ingest_s": round(ingest_s, 2),
            "words_per_s": round(words / ingest_s),
            "bare_spacy_words_per_s": round(words / bare_s),
            # CPU seconds of every process of the ingest (workers included) over those of spaCy's
            # bare pass on the same texts in one process: robust to other loads on the machine
            "ingest_cpu_vs_bare": round(ingest_cpu / bare_cpu, 2),
            "ingest_cpu_s": round(ingest_cpu, 1),
            "ingest_sampler_cpu_s": round(ingest_peak.cpu_s, 2),  # the memory sampler's, left out above
            "bare_spacy_cpu_s": round(bare_cpu, 1),
            "processes": processes,
            "ingest_peak_rss_mb": round(ingest_peak.peak_mb),  # this process and its workers, summed
            "ingest_peak_pss_mb": round(ingest_peak.peak_pss_mb),  # the same, shared pages counted once
            # the RSS peak of each part: extraction (this process and its workers), the corpus step
            # and compaction (this process alone: the workers are closed by then)
            "ingest_peak_rss_mb_by_part": {k: round(v) for k, v in ingest_peak.parts_mb.items()},
        }
        figures |= corpus_step_figures(store)
        figures |= store_figures_in_child(store)
        figures["peak_rss_mb"] = max(figures["ingest_peak_rss_mb"], figures.get("store_peak_rss_mb", 0))
        figures["peak_pss_mb"] = max(figures["ingest_peak_pss_mb"], figures.get("store_peak_pss_mb", 0))
        figures |= extraction_vs_bare(corpus.documents) | compare_ms(texts)
        if pages:
            figures |= page_figures(store)
        if replicate_copies > 1:
            figures["replicated"] = run_store_bench(store, data_dir, replicate_copies)
    return figures
