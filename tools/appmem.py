"""What one dashboard process holds: every page's frames and figures built for the default view.

``python -m tools.appmem --data DIR`` (or ``--store DIR``) runs in a fresh interpreter: it loads the
model, analyses the folder (or reads the store), builds what a Streamlit session computes on each
page (home, timeline by actor and by source, positions, comparison of the first two documents,
reader of the first document) and prints its own peak RSS as JSON. The bare Streamlit server is
measured apart (``streamlit_baseline_rss_mb``), so the deployed app holds about the sum of both.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
from plotly.graph_objects import Figure

from lib.compare.align import compare
from lib.extract.pipeline import analyze_paths
from lib.records import Analysis
from lib.store import slices
from lib.store.slices import StoreIndex
from lib.text.nlp import load_nlp
from lib.view import exports, frames, timeline
from lib.view.pages import (
    comparison_view,
    home_pairs,
    home_view,
    positions_view,
    reader_view,
    stances_view,
    timeline_view,
)
from lib.view.urls import Filters, View

HEALTH_TIMEOUT_S = 60.0
ROOT = Path(__file__).resolve().parent.parent


def _shown(*parts: pd.DataFrame | Figure | str) -> int:
    """Serialise what Streamlit would send: figures as JSON, tables as the CSV/JSON exports."""
    size = 0
    for part in parts:
        if isinstance(part, Figure):
            size += len(part.to_json() or "")
        elif isinstance(part, pd.DataFrame):
            size += len(exports.csv_bytes(part)) + len(exports.json_bytes(part))
        else:
            size += len(part)
    return size


def _shown_view(view: object) -> int:
    """What a page's view model would send: every frame, figure and text in it."""
    parts: list[pd.DataFrame | Figure | str] = []
    for value in vars(view).values():
        values = value.values() if isinstance(value, dict) else [value]
        parts += [v for v in values if isinstance(v, pd.DataFrame | Figure | str)]
    return _shown(*parts)


def home_page(analysis: Analysis, filters: Filters) -> int:
    docs = frames.documents_frame(analysis, filters)
    home = home_view(analysis, docs, frames.quotes_frame(analysis, filters))
    timeline.events_in_view(analysis, filters)
    for a, b in home_pairs(list(docs["doc_id"])):
        compare(analysis, a, b)
    return _shown_view(home)


def timeline_page(analysis: Analysis, filters: Filters) -> int:
    return sum(_shown_view(timeline_view(analysis, View(filters, group=g))) for g in ("actor", "source"))


def positions_page(analysis: Analysis, filters: Filters, pairs: pd.DataFrame | None = None) -> int:
    """``pairs``: the matrix's counts, as a store gives them (slices.stance_pairs)."""
    view = View(filters)
    return _shown_view(positions_view(analysis, view)) + _shown_view(stances_view(analysis, view, pairs))


def comparison_page(analysis: Analysis, a: str, b: str) -> int:
    return _shown_view(comparison_view(analysis, compare(analysis, a, b)))


def reader_page(analysis: Analysis, filters: Filters, doc_id: str) -> int:
    return _shown_view(reader_view(analysis, View(filters, doc=doc_id), doc_id))


def session_pages(analysis: Analysis) -> dict[str, int]:
    """Build every page for the default view; bytes each would send (a check that work was done)."""
    filters = Filters()
    ids = [d.id for d in analysis.documents]
    out = {
        "home": home_page(analysis, filters),
        "timeline": timeline_page(analysis, filters),
        "positions": positions_page(analysis, filters),
    }
    if len(ids) >= 2:
        out["comparison"] = comparison_page(analysis, ids[0], ids[1])
    if ids:
        out["reader"] = reader_page(analysis, filters, ids[0])
    return out


def store_session_pages(index: StoreIndex) -> dict[str, int]:
    """session_pages on a store: each page built from the slice the dashboard reads for the
    default view (slices.page_slice)."""
    filters, view = Filters(), View()
    base = index.base
    ids = [d.id for d in base.documents]
    home = home_view(base, frames.documents_frame(base, filters), slices.overview_quotes(index, filters))
    slices.count_events(index, filters)
    pairs = home_pairs(ids)
    paired = slices.documents_slice(index, sorted({d for p in pairs for d in p})).analysis
    for a, b in pairs:
        compare(paired, a, b)

    def page(name: str) -> Analysis:
        return slices.page_slice(index, name, view).analysis

    out = {
        "home": _shown_view(home),
        "timeline": timeline_page(page("Timeline"), filters),
        "positions": positions_page(page("Actor_positions"), filters, slices.stance_pairs(index, filters)),
    }
    if len(ids) >= 2:
        out["comparison"] = comparison_page(page("Source_comparison"), ids[0], ids[1])
    if ids:
        out["reader"] = reader_page(page("Reader"), filters, ids[0])
    return out


def own_peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_app(data: Path | None = None, store: Path | None = None) -> dict[str, Any]:
    """Get what the dashboard would hold and build every page: peak RSS and time.

    On a folder the dashboard analyses it and holds the model (uploads are analysed in the
    session); on a store it reads the index and each page's slice, and never loads the model.
    """
    t0 = time.perf_counter()
    if store:
        index = slices.store_index(store)
        pages, docs = store_session_pages(index), len(index.base.documents)
    else:
        load_nlp()
        analysis = analyze_paths([data or ROOT / "data"])
        pages, docs = session_pages(analysis), len(analysis.documents)
    return {
        "docs": docs,
        "app_s": round(time.perf_counter() - t0, 2),
        "app_pages_bytes": pages,
        "app_peak_rss_mb": round(own_peak_rss_mb()),
    }


def app_rss_in_child(data: Path | None = None, store: Path | None = None) -> dict[str, Any]:
    """``measure_app`` in a fresh interpreter, so nothing this process holds is counted."""
    where = ["--store", str(store)] if store else ["--data", str(data)]
    out = subprocess.run(
        [sys.executable, "-m", "tools.appmem", *where], cwd=ROOT, capture_output=True, text=True, check=True
    )
    figures_: dict[str, Any] = json.loads(out.stdout)
    return figures_


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_healthy(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + HEALTH_TIMEOUT_S
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass  # not listening yet
        time.sleep(0.2)  # a plain HTTP poll: no browser whose events a sleep would miss
    raise RuntimeError(f"streamlit did not answer {url} (exit code {server.poll()})")


def vm_hwm_mb(pid: int) -> float:
    """Peak resident memory of a running process, from /proc (VmHWM is in kB)."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


@contextmanager
def streamlit_server(
    script: Path, env: Mapping[str, str] | None = None, port: int | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """``streamlit run script`` on ``port`` of 127.0.0.1 or a free one (from the project folder, with
    ``env`` added to this environment less its TRIANGULATE_ variables), healthy when entered,
    stopped on exit."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.address", "127.0.0.1"]
    cmd += ["--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    own = {k: v for k, v in os.environ.items() if not k.startswith("TRIANGULATE_")}
    server = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**own, **(env or {})}, cwd=ROOT
    )
    server.port = port  # type: ignore[attr-defined]
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", server)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def server_url(server: subprocess.Popen[bytes]) -> str:
    """The address of a ``streamlit_server``."""
    return f"http://127.0.0.1:{server.port}"  # type: ignore[attr-defined]


def streamlit_baseline_rss_mb() -> float:
    """Peak RSS of a bare Streamlit server running a trivial script, once it answers its health check."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "trivial.py"
        script.write_text('import streamlit as st\n\nst.write("ok")\n', encoding="utf-8")
        with streamlit_server(script) as server:
            return round(vm_hwm_mb(server.pid))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.appmem", description=__doc__)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--data", type=Path, help="folder the dashboard analyses")
    where.add_argument("--store", type=Path, help="store folder the dashboard reads")
    args = parser.parse_args(argv)
    print(json.dumps(measure_app(data=args.data, store=args.store)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
