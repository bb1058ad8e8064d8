"""A folder's analysis (data/ or TRIANGULATE_DATA), made once per server in a thread of its own
with its progress shown, and the documents a session uploads (its own, never shared).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFile

from lib.records import Analysis, Corpus
from lib.view.render import plain_md
from ui.state import (
    CORRECTIONS,
    DATA,
    DATA_ENV,
    ROOT,
    SESSION_ANALYSIS,
    SESSION_CORRECTED,
    UPLOAD_ROUND,
    UPLOADS,
    stop,
)

if TYPE_CHECKING:  # the pipeline imports spaCy: the store path never needs it
    from lib.extract.pipeline import StageProgress


@dataclass
class SharedAnalysis:
    """A folder's analysis, made once per server in a thread of its own: every session that opens
    a page meanwhile shows the same progress, and a session that goes away stops nothing."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    worker: threading.Thread | None = None
    stages: dict[str, tuple[int, int]] = field(default_factory=dict)
    began: float = 0.0
    analysis: Analysis | None = None
    error: BaseException | None = None

    def start(self, folder: str) -> None:
        """Start the analysis unless it runs or is done (after a failure, start it again)."""
        with self.lock:
            if self.analysis is not None or (self.worker is not None and self.worker.is_alive()):
                return
            self.error, self.stages, self.began = None, {}, time.monotonic()
            self.worker = threading.Thread(target=self._run, args=(folder,), daemon=True)
            self.worker.start()

    def _run(self, folder: str) -> None:
        def stages(stage: str, done: int, total: int) -> None:
            self.stages = {**self.stages, stage: (done, total)}

        try:
            from lib.extract.pipeline import analyze_paths  # spaCy: imported only where a folder is read

            self.analysis = analyze_paths([Path(folder)], cache_dir=ROOT / ".cache", stages=stages)
        except BaseException as exc:  # shown by the page that waits, which can start it again
            self.error = exc


@st.cache_resource(show_spinner=False, max_entries=2)
def folder_cache(folder: str) -> SharedAnalysis:
    return SharedAnalysis()


WAIT_S = 0.3  # how often a waiting page redraws the progress


def folder_analysis(folder: str) -> Analysis:
    """The analysis of a folder, shared by every session (it is frozen: never mutate it); the
    first load shows documents read, parsed and extracted, with counts and the time left."""
    shared = folder_cache(folder)
    if shared.analysis is not None:
        return shared.analysis
    shared.start(folder)
    box = st.status("Reading the reports…", expanded=True)
    bar, line = box.progress(0.0), box.empty()
    while shared.analysis is None and shared.error is None:
        share, text = progress_text(shared.stages, time.monotonic() - shared.began)
        bar.progress(share)
        line.caption(text)
        time.sleep(WAIT_S)
    if shared.analysis is None:
        box.update(label="Reading the reports failed", state="error")
        stop(f"The reports could not be read: {plain_md(repr(shared.error))}. Reload the page to try again.")
    took = time.monotonic() - shared.began
    box.update(
        label=f"Read {len(shared.analysis.documents):,} reports in {took:.0f} s",
        state="complete",
        expanded=False,
    )
    return shared.analysis


# Each stage's share of the time of a first load (measured on 40 news reports: spaCy's parse and
# the extractors take nearly all of it; reading files from the parse cache is quick).
STAGE_WEIGHTS = {"read": 0.05, "parsed": 0.5, "extracted": 0.4, "merged": 0.05}


STAGE_WORDS = {"read": "files read", "parsed": "parsed", "extracted": "extracted"}


def progress_text(stages: dict[str, tuple[int, int]], elapsed: float) -> tuple[float, str]:
    """The share done and a line such as "files read 40 of 40 · parsed 12 of 40 — about 20 s left"."""
    share = min(sum(w * _part(stages.get(s)) for s, w in STAGE_WEIGHTS.items()), 1.0)
    counts = " · ".join(
        f"{STAGE_WORDS[s]} {d:,} of {t:,}" for s, (d, t) in stages.items() if s in STAGE_WORDS
    )
    return share, f"{counts or 'starting'} — {_time_left(elapsed, share)}"


def progress_status(label: str) -> tuple[StageProgress, Callable[[int], None]]:
    """For an analysis in this script run (a session's uploads): a status box fed by the
    pipeline's stages, and the call that closes it (with the number of documents)."""
    box = st.status(f"{label}…", expanded=True)
    bar, line = box.progress(0.0), box.empty()
    began = time.monotonic()
    seen: dict[str, tuple[int, int]] = {}

    def stages(stage: str, done: int, total: int) -> None:
        seen[stage] = (done, total)
        share, text = progress_text(seen, time.monotonic() - began)
        bar.progress(share)
        line.caption(text)

    def finish(documents: int) -> None:
        took = time.monotonic() - began
        box.update(
            label=f"Analysed {documents:,} documents in {took:.0f} s", state="complete", expanded=False
        )

    return stages, finish


def _part(counts: tuple[int, int] | None) -> float:
    return counts[0] / counts[1] if counts and counts[1] else 0.0


def _time_left(elapsed: float, share: float) -> str:
    """A linear estimate once a tenth is done (the first documents also pay for loading spaCy)."""
    if share < 0.1:
        return "estimating the time left…"
    left = elapsed * (1 - share) / share
    return f"about {left:.0f} s left" if left < 120 else f"about {left / 60:.0f} min left"


def bundled_analysis() -> Analysis:
    """The shared analysis of the folder TRIANGULATE_DATA names, else of data/."""
    folder = os.environ.get(DATA_ENV) or str(DATA)
    if not Path(folder).is_dir():
        stop(f"{DATA_ENV}={plain_md(folder)} is not a folder.")
    return folder_analysis(folder)


def corpus_key(analysis: Analysis) -> str:
    digest = hashlib.sha256()
    for d in analysis.documents:
        digest.update(f"{d.id}\0{len(d.text)}\0{hash(d.text)}\n".encode())
    return digest.hexdigest()


def _uploaded_corpus(base: Corpus) -> Corpus:
    uploads = st.session_state.get(UPLOADS, {})
    docs = list(base.documents)
    taken = {d.id for d in docs}
    for _name, new_docs, _errors in uploads.values():
        for doc in new_docs:
            fresh = doc if doc.id not in taken else replace(doc, id=f"{doc.id}-upload")
            taken.add(fresh.id)
            docs.append(fresh)
    errors = [e for _n, _d, errs in uploads.values() for e in errs]
    return Corpus(tuple(docs), base.errors + tuple(errors))


def analysis() -> Analysis:
    """The bundled analysis, or (when this session uploaded documents) both analysed together."""
    base = bundled_analysis()
    uploads = st.session_state.get(UPLOADS, {})
    if not uploads:
        return base
    key = tuple(sorted(uploads))
    cached = st.session_state.get(SESSION_ANALYSIS)
    if cached and cached[0] == key:
        result: Analysis = cached[1]
        return result
    from lib.extract.pipeline import analyze_corpus  # spaCy: imported only where documents are analysed

    stages, done = progress_status("Analysing your documents with the corpus")
    result = analyze_corpus(_uploaded_corpus(base.corpus), stages=stages)
    done(len(result.documents))
    st.session_state[SESSION_ANALYSIS] = (key, result)
    return result


def add_upload(name: str, data: bytes) -> bool:
    """Read one uploaded file into this session's documents (never shared); False if already read."""
    sha = hashlib.sha256(data).hexdigest()
    uploads = dict(st.session_state.get(UPLOADS, {}))
    if sha in uploads:
        return False
    from lib.read.ingest import load_bytes  # trafilatura and lxml: a store's pages never read files

    docs, errors = load_bytes(name, data)
    uploads[sha] = (name, tuple(docs), tuple(errors))
    st.session_state[UPLOADS] = uploads
    return True


def upload_key() -> str:
    """The upload box's key: a new one after each round of files, so the box lets go of them."""
    return f"upload_box_{st.session_state.get(UPLOAD_ROUND, 0)}"


def _release(file: UploadedFile) -> None:
    """Drop a read file's bytes from Streamlit's upload store, as st.chat_input does: otherwise a
    refused 20 MB file (or an accepted one, whose documents we keep) stays in memory until the
    browser session ends."""
    ctx = get_script_run_ctx()
    if ctx is not None and isinstance(ctx.uploaded_file_mgr, MemoryUploadedFileManager):
        ctx.uploaded_file_mgr.remove_file(ctx.session_id, file.file_id)


def take_uploads(files: Sequence[UploadedFile]) -> bool:
    """Read uploaded files into this session's documents, then let go of their bytes (the file store
    and the upload box); True when there were files (rerun for a fresh box and the new analysis)."""
    for file in files:
        add_upload(file.name, file.getvalue())
        _release(file)
    if files:
        st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1
    return bool(files)


def forget_uploads() -> None:
    st.session_state.pop(UPLOADS, None)
    st.session_state.pop(SESSION_ANALYSIS, None)
    st.session_state.pop(CORRECTIONS, None)
    st.session_state.pop(SESSION_CORRECTED, None)


def upload_names() -> list[str]:
    return [name for name, _docs, _errors in st.session_state.get(UPLOADS, {}).values()]
