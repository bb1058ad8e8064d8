"""What the pages read: a store's index and slices (cached per generation, corrected), or the
folder's analysis; the counts, comparisons, claims and Network arrows of the view.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib.compare.align import compare
from lib.compare.corpus import corpus_claims, shared_pairs
from lib.compare.when import PAIRS_SCANNED, one_event_pairs
from lib.records import Analysis, Comparison, CorpusClaim, Quote
from lib.store.check import StoreFormatError, StoreReport, damage_message, unreadable_message
from lib.store.query import store_health
from lib.store.slices import (
    NETWORK_ALL,
    POSITIONS_ALL,
    Slice,
    StoreIndex,
    claims_in_view,
    count_claims,
    count_events,
    documents_slice,
    overview_quotes,
    page_slice,
    pairs_of_one_event,
    quotes_using,
    stance_pairs,
    store_diversity,
    store_index,
    store_network_edges,
)
from lib.view import corrections as corr
from lib.view import frames, network, timeline, urls
from lib.view.pages import claims_in_memory
from lib.view.render import plain_md
from ui.corrections import current_corrections
from ui.folder import corpus_key
from ui.state import STORE_ENV, T, stop

VIEW_MODELS = 8  # the view models ``per_view`` keeps, the latest used (a few views of a few pages)
_VIEW_MODELS: OrderedDict[tuple[str, urls.View], tuple[tuple[object, ...], object]] = OrderedDict()
_VIEW_LOCK = threading.Lock()


# One generation at a time: a re-ingested store replaces the old index instead of doubling memory.
@st.cache_resource(show_spinner="Opening the store…", max_entries=1)
def cached_index(store: str, generation: str) -> StoreIndex:
    """What every page of a store needs; ``generation`` (the manifest's) makes a new ingest a new entry."""
    with collector_paused():
        return store_index(Path(store))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a store's index is built: ~200,000 records (at
    10,000 reports) that hold no cycles, whose allocation set off a collection walking every object
    of the process (0.06-0.10 s of each page's first view)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@st.cache_resource(show_spinner="Reading this view from the store…", max_entries=16)
def cached_slice(store: str, generation: str, name: str, view: urls.View) -> Slice:
    return page_slice(cached_index(store, generation), name, view)


def _health(store: str) -> StoreReport:
    try:
        return store_health(Path(store))
    except StoreFormatError as err:
        stop(f"{STORE_ENV}={store} cannot be read: {err}.")


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
            stop(damage_message(health))
        stop(
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


def reading(store: str, read: Callable[[], T]) -> T:
    """``read()``; damage the store's check cannot see (inside a file whose footer is intact)
    stops the page with a message instead of a traceback."""
    try:
        return read()
    except (duckdb.Error, OSError, pa.ArrowException) as err:
        stop(unreadable_message(Path(store), err))


def reads_store() -> bool:
    return bool(os.environ.get(STORE_ENV))


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
    return reading(store[0], lambda: cached_diversity(*store, view.filters))


def store_index_now() -> StoreIndex | None:
    """The open store's index (cached), or None when the dashboard reads a folder."""
    store = opened_store()
    return cached_index(*store) if store else None


@st.cache_resource(show_spinner="Reading the statements of the issues you added…", max_entries=1)
def added_statements(
    store: str, generation: str, digest: str, _c: corr.Corrections
) -> tuple[Quote, ...] | None:
    """The store's statements that use a phrase of an issue the analyst added (None: no issue added)."""
    phrases = corr.issue_phrases(_c)
    return quotes_using(cached_index(store, generation), phrases) if phrases else None


@st.cache_resource(show_spinner=False, max_entries=1)
def corrected_index(store: str, generation: str, digest: str, _c: corr.Corrections) -> StoreIndex:
    index = cached_index(store, generation)
    base = corr.apply_corrections(index.base, _c, added_statements(store, generation, digest, _c))
    return replace(index, base=base, choices=urls.choices_of(base)) if base is not index.base else index


@st.cache_resource(show_spinner=False, max_entries=16)
def corrected_slice(
    store: str, generation: str, name: str, view: urls.View, digest: str, _c: corr.Corrections
) -> Slice:
    """The page's slice read for the actors merged into the view's too, then corrected."""
    raw = replace(view, filters=replace(view.filters, actors=corr.expand_actors(_c, view.filters.actors)))
    focus = corr.members(_c, view.focus) if view.focus and name == "Actor_positions" else (view.focus,)
    # an issue merged into the view's is read too (its rows are stored under its own id), a split-out
    # issue's parent in its place, and every statement for an issue the analyst added
    issues = corr.issue_sources(_c, view.issue) if view.issue and name == "Actor_positions" else (view.issue,)
    # Corrections may merge or split the actors a Network pick or the positions' matrix names: read
    # every exchange or statement then (the page counts them itself).
    if not _c.empty():
        name = {"Network": NETWORK_ALL, "Actor_positions": POSITIONS_ALL}.get(name, name)
    parts = [
        cached_slice(store, generation, name, replace(raw, focus=f, issue=i)) for f in focus for i in issues
    ]
    joined = corr.union_rows([p.analysis for p in parts])
    added = added_statements(store, generation, digest, _c)
    return Slice(corr.apply_corrections(joined, _c, added), parts[0].notes, parts[0].matched)


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


@st.cache_resource(show_spinner="Counting the exchanges…", max_entries=16)
def cached_edges(store: str, generation: str, filters: urls.Filters) -> pd.DataFrame:
    return store_network_edges(cached_index(store, generation), filters)


def network_edges(analysis: Analysis, view: urls.View) -> pd.DataFrame:
    """The Network page's arrows (lib/view/network.py edges): counted by the store in SQL, or,
    on a folder or under corrections (which remap actors), from the exchanges of ``analysis``."""
    store = opened_store()
    if not store or not current_corrections().empty():
        return network.edges_of(analysis, network.exchanges(analysis, view.filters))
    return reading(store[0], lambda: cached_edges(*store, view.filters))


@st.cache_resource(show_spinner="Counting who speaks of whom…", max_entries=16)
def cached_stance_pairs(store: str, generation: str, filters: urls.Filters, guessed: bool) -> pd.DataFrame:
    return stance_pairs(cached_index(store, generation), filters, guessed)


def stances_counts(view: urls.View) -> pd.DataFrame | None:
    """Actor positions' matrix (lib/view/stances.py pairs_frame), counted by the store in SQL; None
    on a folder or under corrections (which remap actors), where the page counts its slice's."""
    store = opened_store()
    if not store or not current_corrections().empty():
        return None
    return reading(store[0], lambda: cached_stance_pairs(*store, view.filters, view.guessed))


def home_quotes(analysis: Analysis, view: urls.View) -> pd.DataFrame:
    """The quotes in view, as the home page counts them (on a store: the columns it needs only)."""
    store = opened_store()
    if not store:
        return frames.quotes_frame(analysis, view.filters)
    c = current_corrections()
    quotes = reading(store[0], lambda: cached_overview_quotes(*store, raw_filters(view.filters)))
    return corr.corrected_speakers(quotes, c, {a.id: a.name for a in analysis.actors})


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_overview_quotes(store: str, generation: str, filters: urls.Filters) -> pd.DataFrame:
    """The store's quotes in view as the home page counts them: one frame per filters, the same
    object while it is kept, so the page's view model is made once (``per_view``)."""
    return overview_quotes(cached_index(store, generation), filters)


def raw_filters(f: urls.Filters) -> urls.Filters:
    """The filters with the ids merged into their actors: what a store's uncorrected rows carry."""
    return replace(f, actors=corr.expand_actors(current_corrections(), f.actors))


def home_events(analysis: Analysis, view: urls.View) -> int:
    index = store_index_now()
    if index:
        return count_events(index, raw_filters(view.filters))
    return timeline.event_count(analysis, view.filters)


def with_documents(analysis: Analysis, doc_ids: Sequence[str]) -> Analysis:
    """``analysis`` holding these documents whole (on a store, the home page holds none)."""
    index = store_index_now()
    return documents_slice(index, doc_ids).analysis if index and doc_ids else analysis


@st.cache_resource(show_spinner="Comparing the two reports…", max_entries=64)
def cached_compare(corpus_key: str, _analysis: Analysis, doc_a: str, doc_b: str) -> Comparison:
    return compare(_analysis, doc_a, doc_b)


@st.cache_resource(show_spinner="Clustering claims across the corpus…", max_entries=4)
def cached_corpus_claims(corpus_key: str, _analysis: Analysis) -> tuple[CorpusClaim, ...]:
    """A folder's claims across the corpus (a store holds them, computed at ingest)."""
    return tuple(corpus_claims(_analysis))


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
        return claims_in_view(index, raw_filters(view.filters), verdict)
    kept = claims_in_memory(cached_corpus_claims(claims_key(analysis), analysis), view.filters, verdict)
    return kept[: frames.MAX_ROWS], len(kept)


def contested_count(analysis: Analysis, view: urls.View) -> int:
    index = store_index_now()
    if index:
        return count_claims(index, raw_filters(view.filters), "contested")
    return view_claims(analysis, view, "contested")[1]


def pairs_worth_comparing(analysis: Analysis, view: urls.View, limit: int = 10) -> list[tuple[str, str, int]]:
    """The report pairs sharing the most claims in view, of one event (lib/compare/when.py: not
    two days' news of one kind)."""
    index = store_index_now()
    if index:
        return pairs_of_one_event(index, view.filters, limit)
    claims = claims_in_memory(cached_corpus_claims(claims_key(analysis), analysis), view.filters)
    ranked = shared_pairs(claims, PAIRS_SCANNED)
    wanted = {d for a, b, _ in ranked for d in (a, b)}
    sizes = Counter(s.doc_id for s in analysis.sentences if s.doc_id in wanted)
    return one_event_pairs(ranked, analysis.documents, limit, sizes)


def _held(value: object) -> object:
    """What ``per_view`` keeps of an input to know it again: a weak reference (the input itself is
    not kept alive by the memo), or None."""
    return None if value is None else weakref.ref(value)


def _same(held: object, value: object) -> bool:
    if held is None or value is None:
        return held is value
    return isinstance(held, weakref.ref) and held() is value  # a dead reference is no object


def per_view(build: Callable[..., T], analysis: Analysis, view: urls.View, *more: object) -> T:
    """``build(analysis, view, *more)``, made once while the page reruns on the same objects: a
    new tab, a link opened again or a widget that changes nothing builds the page's frames and
    figures again otherwise (0.1-0.15 CPU-s of each Timeline and Actor positions view at 1,000
    reports). Known again only for the same ``view`` and the very same ``analysis`` and ``more``
    objects (compared by identity): a store's slice, cached per store generation, view and
    corrections (``corrected_slice``), is the same object while none of them changes; a session's
    uploads or new corrections make new objects, so nothing is shared across corpora. The inputs
    are held weakly: the memo keeps only the ``VIEW_MODELS`` latest results alive."""
    key = (f"{build.__module__}.{build.__qualname__}", view)
    inputs = (analysis, *more)
    with _VIEW_LOCK:
        hit = _VIEW_MODELS.get(key)
        if hit and len(hit[0]) == len(inputs) and all(map(_same, hit[0], inputs)):
            _VIEW_MODELS.move_to_end(key)
            result: T = hit[1]  # type: ignore[assignment]
            return result
    result = build(analysis, view, *more)
    with _VIEW_LOCK:
        _VIEW_MODELS[key] = (tuple(_held(v) for v in inputs), result)
        _VIEW_MODELS.move_to_end(key)
        while len(_VIEW_MODELS) > VIEW_MODELS:
            _VIEW_MODELS.popitem(last=False)
    return result
