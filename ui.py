"""Streamlit code shared by the pages: the cached analysis, the filters synced with the URL,
the share box and the export buttons.

URL state follows STYLE.md ("Shareable links"): the view lives under a non-widget session key
(VIEW), every widget's key is assigned from it before the widget is created, the widget's
on_change writes back into it, and st.query_params is written by hand (no ``bind``). That is
what keeps filters across a click in the sidebar nav, where the URL arrives without a query.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar
from urllib.parse import urljoin

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFile

from lib.compare.align import compare
from lib.compare.corpus import corpus_claims, shared_pairs
from lib.read.ingest import load_bytes
from lib.records import Analysis, Comparison, Corpus, CorpusClaim
from lib.store.check import StoreFormatError, StoreReport, damage_message, unreadable_message
from lib.store.query import store_health
from lib.store.slices import (
    NETWORK_ALL,
    Slice,
    StoreIndex,
    claims_in_view,
    count_claims,
    count_events,
    documents_slice,
    overview_quotes,
    page_slice,
    store_diversity,
    store_index,
    store_network_edges,
    worth_comparing,
)
from lib.view import corrections as corr
from lib.view import exports, frames, network, timeline, urls
from lib.view.pages import claims_in_memory
from lib.view.render import plain_md

T = TypeVar("T")

if TYPE_CHECKING:  # the pipeline imports spaCy: the store path never needs it
    from lib.extract.pipeline import StageProgress

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
VIEW = "tg_view"  # urls.View: the state a link restores
WRITTEN = "tg_written"  # the query we last wrote, to tell a pasted link from our own URL
NOTICES = "tg_notices"
# A search ranked by the store's index: the sentences matching in all, of which the slice holds the best.
SEARCH_MATCHED = "tg_search_matched"
UPLOADS = "tg_uploads"  # {sha256: (file name, documents, errors)}, this browser session only
UPLOAD_ROUND = "tg_upload_round"  # counts the files taken: each round gets a fresh, empty upload box
SESSION_ANALYSIS = "tg_session_analysis"
STORE_ENV = "TRIANGULATE_STORE"  # a store folder (python -m lib ingest PATH --store DIR) to read
DATA_ENV = "TRIANGULATE_DATA"  # a folder of reports to analyse instead of data/
CORRECTIONS = "tg_corrections"  # this session's corrections, once it has uploads (never the file's)
SESSION_CORRECTED = "tg_session_corrected"
_CORRECTED: dict[str, tuple[Analysis, str, Analysis]] = {}  # folder -> (analysis, digest, corrected)


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
        _stop(f"The reports could not be read: {plain_md(repr(shared.error))}. Reload the page to try again.")
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


# One generation at a time: a re-ingested store replaces the old index instead of doubling memory.
@st.cache_resource(show_spinner="Opening the store…", max_entries=1)
def cached_index(store: str, generation: str) -> StoreIndex:
    """What every page of a store needs; ``generation`` (the manifest's) makes a new ingest a new entry."""
    return store_index(Path(store))


@st.cache_resource(show_spinner="Reading this view from the store…", max_entries=16)
def cached_slice(store: str, generation: str, name: str, view: urls.View) -> Slice:
    return page_slice(cached_index(store, generation), name, view)


def _health(store: str) -> StoreReport:
    try:
        return store_health(Path(store))
    except StoreFormatError as err:
        _stop(f"{STORE_ENV}={store} cannot be read: {err}.")


def opened_store() -> tuple[str, str] | None:
    """(store, generation) when TRIANGULATE_STORE names a store; stops the page if it holds none.

    The generation names what is read: the corpus tables, and the damage a damaged store's pages
    leave out (so a repaired or newly damaged store is read again)."""
    store = os.environ.get(STORE_ENV)
    if not store:
        return None
    health = _health(store)
    readable = health.readable()
    if not readable.batches or not readable.corpus:
        if not health.ok:
            _stop(damage_message(health))
        _stop(
            f"{STORE_ENV}={plain_md(store)} holds no store: "
            "make one with `python -m lib ingest PATH --store DIR`."
        )
    damage = hashlib.sha256(repr(health.problems).encode()).hexdigest()[:12] if health.problems else ""
    return store, f"{readable.corpus}{damage}"


def damage_notice(store: str) -> None:
    """Say what is damaged in the store and how to repair it; the page shows what still reads."""
    health = _health(store)
    if not health.ok:
        st.error(damage_message(health))


def _reading(store: str, read: Callable[[], T]) -> T:
    """``read()``; damage the store's check cannot see (inside a file whose footer is intact)
    stops the page with a message instead of a traceback."""
    try:
        return read()
    except (duckdb.Error, OSError, pa.ArrowException) as err:
        _stop(unreadable_message(Path(store), err))


def _stop(message: str) -> NoReturn:
    st.error(message)
    st.stop()


def bundled_analysis() -> Analysis:
    """The shared analysis of the folder TRIANGULATE_DATA names, else of data/."""
    folder = os.environ.get(DATA_ENV) or str(DATA)
    if not Path(folder).is_dir():
        _stop(f"{DATA_ENV}={plain_md(folder)} is not a folder.")
    return folder_analysis(folder)


def reads_store() -> bool:
    return bool(os.environ.get(STORE_ENV))


@st.cache_resource(show_spinner="Comparing the two reports…", max_entries=64)
def cached_compare(corpus_key: str, _analysis: Analysis, doc_a: str, doc_b: str) -> Comparison:
    return compare(_analysis, doc_a, doc_b)


@st.cache_resource(show_spinner="Clustering claims across the corpus…", max_entries=4)
def cached_corpus_claims(corpus_key: str, _analysis: Analysis) -> tuple[CorpusClaim, ...]:
    """A folder's claims across the corpus (a store holds them, computed at ingest)."""
    return tuple(corpus_claims(_analysis))


def corpus_documents(analysis: Analysis) -> Sequence[object]:
    """The corpus's documents: a store's index (a page's slice holds only its own), else the analysis's."""
    index = store_index_now()
    return index.base.documents if index else analysis.documents


def claims_key(analysis: Analysis) -> str:
    """The corpus key, and the actors and row counts: corrections change the claims' actors."""
    rows = f"{len(analysis.mentions)}:{len(analysis.quotes)}:{len(analysis.numbers)}:{hash(analysis.actors)}"
    return f"{corpus_key(analysis)}:{rows}"


def view_claims(
    analysis: Analysis, view: urls.View, verdict: str | None = None
) -> tuple[list[CorpusClaim], int]:
    """The corpus claims in view (the first frames.MAX_ROWS) and how many the filters keep."""
    index = store_index_now()
    if index:
        return claims_in_view(index, _raw_filters(view.filters), verdict)
    kept = claims_in_memory(cached_corpus_claims(claims_key(analysis), analysis), view.filters, verdict)
    return kept[: frames.MAX_ROWS], len(kept)


def contested_count(analysis: Analysis, view: urls.View) -> int:
    index = store_index_now()
    if index:
        return count_claims(index, _raw_filters(view.filters), "contested")
    return view_claims(analysis, view, "contested")[1]


def pairs_worth_comparing(analysis: Analysis, view: urls.View, limit: int = 10) -> list[tuple[str, str, int]]:
    """The report pairs sharing the most claims in view (the same event, most likely)."""
    index = store_index_now()
    if index:
        return worth_comparing(index, view.filters, limit)
    claims = claims_in_memory(cached_corpus_claims(claims_key(analysis), analysis), view.filters)
    return shared_pairs(claims, limit)


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


# --- the analyst's corrections (lib/view/corrections.py) -----------------------------------


def corrections_path() -> Path:
    """``corrections.yaml`` in the store, else in the folder of reports the dashboard reads."""
    return Path(os.environ.get(STORE_ENV) or os.environ.get(DATA_ENV) or str(DATA)) / corr.FILE_NAME


def corrections_in_session() -> bool:
    """A session with uploads keeps its corrections to itself: they may name its own documents."""
    return bool(st.session_state.get(UPLOADS))


_LOADED: dict[Path, tuple[tuple[int, int, int], corr.Corrections, str]] = {}  # path -> (stat, read, error)


def _loaded() -> tuple[corr.Corrections, str]:
    """The file's corrections and, when it cannot be used, why (then none apply); read again only
    when the file changed (a save replaces it: a new inode)."""
    path = corrections_path()
    try:
        st_ = path.stat()
        stamp = (st_.st_ino, st_.st_mtime_ns, st_.st_size)
    except OSError:
        return corr.Corrections(), ""
    held = _LOADED.get(path)
    if held and held[0] == stamp:
        return held[1], held[2]
    try:
        found, problem = corr.load_corrections(path), ""
    except corr.CorrectionsError as err:
        found, problem = corr.Corrections(), str(err)
    _LOADED[path] = (stamp, found, problem)
    return found, problem


def _file_corrections() -> corr.Corrections:
    return _loaded()[0]


def current_corrections() -> corr.Corrections:
    """The corrections in force: the file's, or (with uploads) this session's copy of them."""
    if not corrections_in_session():
        return _file_corrections()
    if CORRECTIONS not in st.session_state:
        st.session_state[CORRECTIONS] = _file_corrections()
    held: corr.Corrections = st.session_state[CORRECTIONS]
    return held


def save_corrections(c: corr.Corrections) -> None:
    if corrections_in_session():
        st.session_state[CORRECTIONS] = c
    else:
        corr.save_corrections(corrections_path(), c)


def _memo(held: MutableMapping[str, Any], key: str, base: Analysis, c: corr.Corrections) -> Analysis:
    """``base`` corrected, kept while neither ``base`` nor the corrections' content change."""
    digest = corr.digest(c)
    last = held.get(key)
    if last and last[0] is base and last[1] == digest:
        result: Analysis = last[2]
        return result
    result = corr.apply_corrections(base, c)
    held[key] = (base, digest, result)
    return result


def corrected_analysis() -> Analysis:
    """``analysis()`` with the corrections applied (the session's own when it has uploads)."""
    base, c = analysis(), current_corrections()
    if corrections_in_session():
        if SESSION_CORRECTED not in st.session_state:
            st.session_state[SESSION_CORRECTED] = {}
        return _memo(st.session_state[SESSION_CORRECTED], "session", base, c)
    return _memo(_CORRECTED, os.environ.get(DATA_ENV) or str(DATA), base, c)


@st.cache_resource(show_spinner=False, max_entries=1)
def corrected_index(store: str, generation: str, digest: str, _c: corr.Corrections) -> StoreIndex:
    index = cached_index(store, generation)
    base = corr.apply_corrections(index.base, _c)
    return replace(index, base=base, choices=urls.choices_of(base)) if base is not index.base else index


@st.cache_resource(show_spinner=False, max_entries=16)
def corrected_slice(
    store: str, generation: str, name: str, view: urls.View, digest: str, _c: corr.Corrections
) -> Slice:
    """The page's slice read for the actors merged into the view's too, then corrected."""
    raw = replace(view, filters=replace(view.filters, actors=corr.expand_actors(_c, view.filters.actors)))
    focus = corr.members(_c, view.focus) if view.focus and name == "Actor_positions" else (view.focus,)
    # Corrections may merge or split the actors a Network pick names: read every exchange then.
    name = NETWORK_ALL if name == "Network" and not _c.empty() else name
    parts = [cached_slice(store, generation, name, replace(raw, focus=f)) for f in focus]
    joined = corr.union_rows([p.analysis for p in parts])
    return Slice(corr.apply_corrections(joined, _c), parts[0].notes, parts[0].matched)


def corrected_rows(analysis: Analysis, doc_id: str | None = None, actor_id: str | None = None) -> Analysis:
    """What the corrections page needs beyond a store's index, corrected: one report's quotes
    (``doc_id``) or one actor's mentions and quotes (``actor_id``). A folder's analysis holds them."""
    store = opened_store()
    if not store:
        return analysis
    c = current_corrections()
    if doc_id:
        return corr.apply_corrections(documents_slice(cached_index(*store), [doc_id]).analysis, c)
    view = urls.View(focus=actor_id)
    return corrected_slice(*store, "Actor_positions", view, corr.digest(c), c).analysis


def _with_aliases(choices: urls.Choices) -> urls.Choices:
    return replace(choices, aliases=corr.merged_aliases(current_corrections(), choices.actors))


# --- the view and the URL --------------------------------------------------------------


def _read_query() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def _sync_view(choices: urls.Choices, page: str) -> urls.View:
    """The session's view; a link opened in this session (a query we did not write) replaces it."""
    query = _read_query()
    fresh = VIEW not in st.session_state
    if fresh or (query and query != st.session_state.get(WRITTEN)):
        view, notices = urls.parse_query(query, choices)
        old = st.session_state.get(VIEW, urls.View())
        st.session_state[VIEW] = view if fresh else urls.merge_link(old, view, page)
        st.session_state[NOTICES] = notices
    current: urls.View = st.session_state[VIEW]
    return current


def _write_query(view: urls.View, page: str) -> None:
    params = urls.query_params(view, page)
    if _read_query() != params:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = params


def set_view(name: str, value: Any) -> None:
    st.session_state[VIEW] = urls.updated(st.session_state[VIEW], name, value)


def _copy_back(name: str, widget_key: str, convert: Callable[[Any], Any]) -> Callable[[], None]:
    def on_change() -> None:
        set_view(name, convert(st.session_state[widget_key]))

    return on_change


def rows_shown(container: Any, name: str, value: int, label: str) -> Any:
    """The "most active N" picker of a chart's rows (Timeline, Actor positions), synced with the link."""
    return synced(
        container.selectbox,
        name,
        value,
        label=label,
        options=timeline.row_options(value),
        format_func=lambda n: "all" if n <= 0 else f"the {n} most active",
    )


def synced(
    widget: Callable[..., Any],
    name: str,
    value: Any,
    convert: Callable[[Any], Any] = lambda v: v,
    **kwargs: Any,
) -> Any:
    """Create ``widget`` showing ``value`` (from the view); a change writes ``name`` of the view."""
    key = f"w_{name}"
    st.session_state[key] = value
    return widget(key=key, on_change=_copy_back(name, key, convert), **kwargs)


def actor_options(choices: urls.Choices) -> list[str]:
    """Actor ids in the order of their names, case ignored: the order every actor picker offers."""
    return sorted(choices.actors, key=lambda a: choices.actors[a].casefold())


def _filter_widgets(choices: urls.Choices, view: urls.View, bounds: tuple[date, date] | None) -> None:
    f = view.filters
    actors = actor_options(choices)
    synced(
        st.sidebar.multiselect,
        "actors",
        [a for a in f.actors if a in choices.actors],
        tuple,
        label="Actors",
        options=actors,
        format_func=lambda a: choices.actors.get(a, a),
        placeholder="All actors" if actors else "No actors found",
    )
    synced(
        st.sidebar.multiselect,
        "sources",
        [s for s in f.sources if s in choices.sources],
        tuple,
        label="Sources",
        options=list(choices.sources),
        placeholder="All sources",
    )
    hint = f"The corpus speaks of {bounds[0]} to {bounds[1]}." if bounds else "No dates found."
    synced(st.sidebar.date_input, "date_from", f.date_from, label="From", format="YYYY-MM-DD", help=hint)
    synced(st.sidebar.date_input, "date_to", f.date_to, label="To", format="YYYY-MM-DD", help=hint)
    st.sidebar.caption(
        "Empty dates leave the range open. Events are filtered on when they happened, "
        "documents on when they were reported."
    )


def page(title: str, name: str, how_to_read: str) -> tuple[Analysis, urls.View]:
    """Set up a page: the view from the session or the link, the filter sidebar, and what the page
    shows: the whole analysis of a folder, or the slice of a store the view selects."""
    st.set_page_config(page_title=f"{title} · Triangulate", layout="wide")
    store = opened_store()
    if store:
        damage_notice(store[0])
        c = current_corrections()
        index = _reading(store[0], lambda: corrected_index(*store, corr.digest(c), c))
        choices, bounds = index.choices, index.bounds
    else:
        whole = corrected_analysis()
        choices, bounds = urls.choices_of(whole), frames.date_bounds(whole)
    choices = _with_aliases(choices)
    if problem := _loaded()[1]:
        st.error(plain_md(f"No corrections applied: {problem}"))
    view = _sync_view(choices, name)
    if (followed := urls.follow_aliases(view, choices)) != view:
        view = st.session_state[VIEW] = followed
    st.title(title)
    st.caption(how_to_read)
    for notice in st.session_state.pop(NOTICES, []):
        st.warning(plain_md(notice))  # a notice quotes the link's bad value back
    st.sidebar.header("Filters")
    st.sidebar.caption("They apply to every page and travel with the link.")
    _filter_widgets(choices, view, bounds)
    view = st.session_state[VIEW]
    _write_query(view, name)
    st.session_state[SEARCH_MATCHED] = None
    if not store:
        return whole, view
    part = _reading(store[0], lambda: corrected_slice(*store, name, view, corr.digest(c), c))
    st.session_state[SEARCH_MATCHED] = part.matched
    for note in part.notes:
        st.info(plain_md(note))
    return part.analysis, view


def search_matched(found: int) -> int:
    """How many sentences match a search: ``found`` (lib/view/search.py's count on what the page
    holds), or the store's count when its index ranked the search and handed over only the best."""
    total = st.session_state.get(SEARCH_MATCHED)
    return max(found, total) if isinstance(total, int) else found


@st.cache_resource(show_spinner="Counting the exchanges…", max_entries=16)
def cached_edges(store: str, generation: str, filters: urls.Filters) -> pd.DataFrame:
    return store_network_edges(cached_index(store, generation), filters)


def network_edges(analysis: Analysis, view: urls.View) -> pd.DataFrame:
    """The Network page's arrows (lib/view/network.py edges): counted by the store in SQL, or,
    on a folder or under corrections (which remap actors), from the exchanges of ``analysis``."""
    store = opened_store()
    if not store or not current_corrections().empty():
        return network.edges_of(analysis, network.exchanges(analysis, view.filters))
    return _reading(store[0], lambda: cached_edges(*store, view.filters))


@st.cache_resource(show_spinner="Counting whom each source quotes…", max_entries=16)
def cached_diversity(store: str, generation: str, filters: urls.Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    return store_diversity(cached_index(store, generation), filters)


def source_diversity(analysis: Analysis, view: urls.View) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Network page's upper half: network.diversity_frame and source_speakers_frame of the
    quotes in view, counted by the store in SQL, or, on a folder or under corrections (which
    remap speakers), from the home page's quotes frame."""
    store = opened_store()
    if not store or not current_corrections().empty():
        quotes = home_quotes(analysis, view)
        diversity = network.diversity_frame(analysis, quotes, view.filters)
        return diversity, network.source_speakers_frame(analysis, quotes)
    return _reading(store[0], lambda: cached_diversity(*store, view.filters))


def store_index_now() -> StoreIndex | None:
    """The open store's index (cached), or None when the dashboard reads a folder."""
    store = opened_store()
    return cached_index(*store) if store else None


def home_quotes(analysis: Analysis, view: urls.View) -> pd.DataFrame:
    """The quotes in view, as the home page counts them (on a store: the columns it needs only)."""
    index = store_index_now()
    if not index:
        return frames.quotes_frame(analysis, view.filters)
    c = current_corrections()
    quotes = overview_quotes(index, _raw_filters(view.filters))
    return corr.corrected_speakers(quotes, c, {a.id: a.name for a in analysis.actors})


def _raw_filters(f: urls.Filters) -> urls.Filters:
    """The filters with the ids merged into their actors: what a store's uncorrected rows carry."""
    return replace(f, actors=corr.expand_actors(current_corrections(), f.actors))


def home_events(analysis: Analysis, view: urls.View) -> int:
    index = store_index_now()
    if index:
        return count_events(index, _raw_filters(view.filters))
    return timeline.event_count(analysis, view.filters)


def with_documents(analysis: Analysis, doc_ids: Sequence[str]) -> Analysis:
    """``analysis`` holding these documents whole (on a store, the home page holds none)."""
    index = store_index_now()
    return documents_slice(index, doc_ids).analysis if index and doc_ids else analysis


def full_link(view: urls.View, name: str) -> str:
    """The view's shareable URL, as the share box shows it (relative when the page's own URL is unknown)."""
    link = urls.view_link(view, name)
    return urljoin(str(st.context.url), link) if st.context.url else link


def share_box(view: urls.View, name: str) -> None:
    full = full_link(view, name)
    with st.expander("Share this view"):
        st.code(full, language=None)
        st.caption("Opening this link reproduces this page with every filter and choice shown here.")


def filter_lines(analysis: Analysis, view: urls.View) -> list[str]:
    f = view.filters
    names = [frames.actor_name(analysis, a) for a in f.actors]
    return exports.describe_filters(
        names,
        f.sources,
        f.date_from.isoformat() if f.date_from else "",
        f.date_to.isoformat() if f.date_to else "",
    )


def export_buttons(frame: pd.DataFrame, stem: str, brief: str | Callable[[], str] | None = None) -> None:
    """CSV and JSON of ``frame`` (filters applied) and, when given, the Markdown brief (or what makes it).

    Each file is made when its button is clicked (st.download_button runs a callable ``data`` then,
    on its own thread), not on every rerun: the home page's CSV and JSON of 10,000 documents took
    2.5 MB and most of the page's time, for a click that rarely comes.
    """
    cols = st.columns(3 if brief else 2)
    cols[0].download_button(
        "CSV", partial(exports.csv_bytes, frame), f"{stem}.csv", "text/csv", key=f"csv_{stem}"
    )
    cols[1].download_button(
        "JSON", partial(exports.json_bytes, frame), f"{stem}.json", "application/json", key=f"json_{stem}"
    )
    if brief:
        cols[2].download_button(
            "Markdown brief", partial(_utf8, brief), f"{stem}.md", "text/markdown", key=f"md_{stem}"
        )


def _utf8(text: str | Callable[[], str]) -> bytes:
    return (text if isinstance(text, str) else text()).encode("utf-8")


def export_with_brief(
    analysis: Analysis,
    view: urls.View,
    name: str,
    frame: pd.DataFrame,
    stem: str,
    title: str,
    lines: pd.Series,
    group_column: str | None = None,
) -> None:
    """The export buttons of a page's table, the brief among them: ``title`` and the view's full
    link, then ``lines`` (one a row of ``frame``; with ``group_column``, one per value of it, such as
    an event's id), each cited to its source sentences. The brief is written on a click."""
    link, described = full_link(view, name), filter_lines(analysis, view)

    def brief() -> str:
        cited = frame.assign(line=lines)
        return exports.markdown_brief(title, link, described, cited, "line", group_column=group_column)

    export_buttons(frame, stem, brief)


def doc_label(analysis: Analysis) -> Callable[[str], str]:
    docs = {d.id: d for d in analysis.documents}

    def label(doc_id: str) -> str:
        d = docs.get(doc_id)
        return frames.document_label(d) if d else doc_id

    return label


def outside_filters_note(analysis: Analysis, view: urls.View, doc_ids: Sequence[str]) -> None:
    """Say so when a report picked on this page lies outside the sidebar's source or date filters."""
    outside = [i for i in doc_ids if not frames.doc_in_view(analysis.document(i), view.filters)]
    if outside:
        ids = " and ".join(map(plain_md, outside))  # document ids come from the reports' files
        st.info(
            f"{ids} {'is' if len(outside) == 1 else 'are'} outside the sidebar "
            "filters (source or report date): shown because picked here; tables below keep the filters."
        )


def query_text(value: object) -> str:
    """A search box's text as the view keeps it: one line, at most urls.MAX_QUERY characters."""
    return " ".join(str(value or "").split())[: urls.MAX_QUERY]
