"""The corpus step's claims: every document's sentences clustered into claims (lib/compare/corpus.py),
computed once at ingest and stored as the corpus table ``claims``; lib/store/slices.py reads it.

Clustering is global (a new report can join or contest any claim), so each refresh clusters the
whole corpus again. It is linear in the sentences (exact duplicates grouped by hash first, a bounded
number of block entries read and of pairs scored per sentence, large components cut by star
clustering), so no corpus size skips it: docs/benchmarks.md has its time at 1,000 to 10,000
documents.

What a sentence claim is made of depends on its report alone: each batch folder holds its
documents' sentence claims, made when the folder was written (lib/store/claim_rows.py: at ingest, in
the workers), and the corpus step reads those, mapping their ids through the corpus's actor map; a
folder without them (an older store) or with another code's is read from its rows as before.

Memory: it runs in the ingest's parent at the end of every ingest, so it must fit beside the rest
of the app in 1 GB. The store is read batch by batch: a batch's rows make its sentence claims (held
compactly, lib/compare/corpus.py ``SentenceClaims``) and are let go; the sentences' texts are kept
as Arrow strings; after clustering, the rows inside the sentences whose discrepancies are checked
are read again, for those sentences only. The whole analysis (every record of every document, 550
MB at 10,000 documents) is never held.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import NamedTuple, TypeVar

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from lib.compare.claims import DocRows, rows_by_doc
from lib.compare.corpus import Found, One, RowsInside, SentenceClaims, as_is, clustered_claims
from lib.records import (
    Actor,
    Analysis,
    Corpus,
    CorpusClaim,
    DateMention,
    Document,
    Mention,
    NumberClaim,
    Quote,
    Span,
    speaker_chain,
)
from lib.store.claim_rows import CLAIM_ROWS, current
from lib.store.columns import record_schema, records_table, table_records
from lib.store.parquet import (
    ActorMap,
    CorpusTables,
    Manifest,
    batch_rows,
    corpus_mentions,
    corpus_quotes,
    read_manifest,
    table_path,
)

R = TypeVar("R")
Words = tuple[str, ...]
TEXTS_CHUNK = 4096  # sentence texts gathered before they become one Arrow array
TABLE_CHUNK = 2000  # claims turned into Arrow at a time (their members as dicts in between)


def claims_table(store: Path, tables: CorpusTables) -> pa.Table:
    """The claims of the store's live documents, actor ids as ``tables`` settle them."""
    manifest = read_manifest(store)
    actors = {a.id: a for a in tables.actors}
    gathered = _gathered(store, manifest, tables, actors)
    pa.default_memory_pool().release_unused()  # the batches' Arrow buffers, kept for reuse otherwise
    sentences = gathered.sentences(manifest.live())

    def lookup(spans: Collection[Span]) -> dict[Span, Found]:
        return _rows_inside(store, manifest, tables, spans)

    claims = clustered_claims(sentences, gathered.texts, actors, lookup)
    del sentences
    parts = []
    while chunk := list(islice(claims, TABLE_CHUNK)):  # a few claims as records at a time
        parts.append(records_table(chunk, CorpusClaim))
    del chunk, gathered
    return _one_chunk(parts) if parts else records_table([], CorpusClaim)


def _one_chunk(parts: list[pa.Table]) -> pa.Table:
    """The tables as one, one chunk per column, as a table made at once has (the Parquet file is
    then the same bytes): column by column, each column's chunks let go once it is copied."""
    table = pa.concat_tables(parts)
    parts.clear()
    for i, name in enumerate(table.column_names):
        table = table.set_column(i, name, pa.chunked_array([pa.concat_arrays(table.column(i).chunks)]))
    return table


def _gathered(
    store: Path, manifest: Manifest, tables: CorpusTables, actors: Mapping[str, Actor]
) -> SentenceClaims:
    """The sentence claims of every live document, read batch by batch."""
    gathered = SentenceClaims(ArrowTexts())
    # each batch's reports' ids that settling changed
    maps: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for (batch, report, batch_id), corpus_id in tables.actor_map.items():
        maps[batch][report][batch_id] = corpus_id
    unmapped = _Completed(actors, {}, gathered.one)  # shared by the reports whose ids all stand
    for batch, docs in _live_batches(manifest):
        if current(table_path(store, batch, CLAIM_ROWS)):  # made at ingest by this code: read
            own = maps.get(batch, {})
            # the reports whose ids settling changed alike share one (most: a name's kind settled)
            shared: dict[tuple[tuple[str, str], ...], _Completed] = {}
            completed = {
                report: shared.setdefault(key, _Completed(actors, changed, gathered.one))
                for report, changed in own.items()
                if (key := tuple(sorted(changed.items())))
            }
            _add_stored(gathered, store, batch, docs, completed, unmapped)
            continue
        analysis = _batch_analysis(store, batch, docs, tables, with_text=False)
        rows = rows_by_doc(analysis)
        for doc in analysis.documents:
            gathered.add(analysis, doc, rows.get(doc.id, DocRows()), actors)
    return gathered


class _Completed:
    """Stored ids completed as ``sentence_claims`` completes them, through one batch's changed ids:
    the corpus ids and the people among them, the bodies each speaker speaks for. Most sentences
    name no one, and many the same few: each list of ids is completed once, and made ``one``
    there (``SentenceClaims.one``: each set one object over the corpus), not once per sentence."""

    def __init__(self, actors: Mapping[str, Actor], changed: Mapping[str, str], one: One = as_is) -> None:
        self.actors, self.changed, self.one = actors, changed, one
        self._named: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]] = {}
        self._quoted: dict[tuple[str, ...], frozenset[str]] = {}
        self._figures: dict[tuple[float, ...], frozenset[float]] = {}

    def named(self, ids: list[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The corpus ids of the actors named, and the people among them."""
        if (found := self._named.get(key := tuple(ids))) is None:
            settled = frozenset(self.changed.get(a, a) for a in ids) if self.changed else frozenset(ids)
            actors = self.actors
            people = frozenset(a for a in settled if a in actors and actors[a].type == "person")
            found = self._named[key] = (self.one(settled), self.one(people))
        return found

    def quoted(self, ids: list[str]) -> frozenset[str]:
        """The speakers quoted, with the bodies they speak for."""
        if (found := self._quoted.get(key := tuple(ids))) is None:
            chains = (speaker_chain(self.changed.get(q, q), self.actors) for q in ids)
            found = self._quoted[key] = self.one(frozenset(x for chain in chains for x in chain))
        return found

    def figures(self, amounts: list[float]) -> frozenset[float]:
        if (found := self._figures.get(key := tuple(amounts))) is None:
            found = self._figures[key] = self.one(frozenset(amounts))
        return found


def _add_stored(
    gathered: SentenceClaims,
    store: Path,
    batch: str,
    docs: Sequence[str],
    ids_of: Mapping[str, _Completed],
    unmapped: _Completed,
) -> None:
    """A batch's stored sentence claims (lib/store/claim_rows.py), their ids mapped to the corpus's
    and completed (``_Completed``)."""
    # the reports without their texts and blocks, which a sentence claim's report does not keep
    documents = batch_rows(store, batch, "documents", docs, BARE_COLUMNS)
    documents = documents.append_column("text", pa.array([""] * documents.num_rows, pa.string()))
    documents = documents.append_column("blocks", _no_blocks(documents.num_rows))
    table = batch_rows(store, batch, CLAIM_ROWS, docs)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, doc_id in enumerate(table.column("doc_id").to_pylist()):
        by_doc[doc_id].append(k)
    reports = table_records(documents, Document)
    order = [k for doc in reports for k in by_doc.get(doc.id, ())]
    place = len(gathered.texts)
    texts = gathered.texts
    if isinstance(texts, ArrowTexts):  # the texts stay Arrow strings: no Python string made for each
        texts.extend(table.column("text").take(pa.array(order, pa.int64())))
    else:
        text = table.column("text").to_pylist()
        for k in order:
            texts.append(text[k])
    start, end, named, quoted, figures, dated = (
        table.column(name).to_pylist() for name in ("start", "end", "actors", "speakers", "figures", "dated")
    )
    words = _wordings(table.column("terms"), gathered.one)
    for doc in reports:
        rows = []
        ids = ids_of.get(doc.id, unmapped)
        for k in by_doc.get(doc.id, ()):
            actors, people = ids.named(named[k])
            speakers, amounts = ids.quoted(quoted[k]), ids.figures(figures[k])
            rows.append((start[k], end[k], place, words[k], speakers, actors, people, amounts, dated[k]))
            place += 1
        gathered.add_placed(doc, rows, shared=True)


JOIN = "\x00"  # between a stored sentence's terms, joined to number its wording (no term holds it)


def _wordings(terms: pa.ChunkedArray, one: One = as_is) -> list[Words]:
    """Each row's terms as a tuple, one tuple per distinct wording (made ``one``): wire copy
    repeats sentences, and a list of Python strings made for every row was most of reading the
    stored claims (issue #19). The rows' terms joined and dictionary-encoded by Arrow; only the
    distinct ones are split."""
    flat = pc.list_flatten(terms)
    if len(flat) and pc.any(pc.or_(pc.equal(flat, ""), pc.match_substring(flat, JOIN))).as_py():
        return [one(tuple(w)) for w in terms.to_pylist()]  # a term the join would hide: row by row
    encoded = pc.binary_join(terms, JOIN).combine_chunks().dictionary_encode()
    distinct = [one(tuple(w.split(JOIN)) if w else ()) for w in encoded.dictionary.to_pylist()]
    return [distinct[i] for i in encoded.indices.to_pylist()]


class ArrowTexts:
    """Sentence texts by row, held as one Arrow string array (UTF-8 in one buffer: about half what
    as many Python strings take, most of them holding a curly quote or a dash)."""

    def __init__(self) -> None:
        self._arrays: list[pa.Array] = []
        self._open: list[str] = []
        self._count = 0
        self._all: pa.Array | None = None
        self._bounds: list[int] = [0]  # each text's start in ``_utf8`` (Python ints: read per member)
        self._utf8 = memoryview(b"")

    def append(self, text: str, /) -> None:
        self._open.append(text)
        self._count += 1
        if len(self._open) >= TEXTS_CHUNK:
            self._close()

    def extend(self, texts: pa.ChunkedArray | pa.Array) -> None:
        """Texts already Arrow strings, after those appended."""
        self._close()
        chunks = texts.chunks if isinstance(texts, pa.ChunkedArray) else [texts]
        self._arrays += [c.cast(pa.large_string()) for c in chunks]
        self._count += len(texts)

    def _close(self) -> None:
        if self._open:
            self._arrays.append(pa.array(self._open, pa.large_string()))
            self._open = []
        self._all = None

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, row: int, /) -> str:
        if self._all is None or self._open:
            self._close()
            self._all = pa.concat_arrays(self._arrays) if self._arrays else pa.array([], pa.large_string())
            self._arrays = [self._all]
            # the text's bytes read straight from the array's buffers: an Arrow scalar made for
            # each member of each claim cost a tenth of making the claims (issue #19)
            _, offsets, data = self._all.buffers()
            at = self._all.offset
            # the offsets as Python ints: a numpy scalar read twice per member was most of a read
            self._bounds = (
                np.frombuffer(offsets, np.int64)[at : at + len(self._all) + 1].tolist()
                if offsets
                else self._bounds
            )
            self._utf8 = memoryview(data) if data is not None else memoryview(b"")
        if not 0 <= row < self._count:
            raise IndexError(row)
        return str(self._utf8[self._bounds[row] : self._bounds[row + 1]], "utf-8")


def _live_batches(
    manifest: Manifest, wanted: Collection[str] | None = None
) -> Iterator[tuple[str, list[str]]]:
    """(batch id, its live documents), in ingest order; ``wanted``: only those documents."""
    live = manifest.live()
    for batch in manifest.batches:
        own = [d for d in batch.docs if live[d] == batch.id and (wanted is None or d in wanted)]
        if own:
            yield batch.id, own


DOCUMENT_COLUMNS = [f for f in Document.__dataclass_fields__ if f != "text"]
# The discrepancy checks read a report's text and date, never its blocks (paragraph kinds: a list
# of records per report, most of the CPU of reading its documents again)
BLOCKLESS_COLUMNS = [f for f in Document.__dataclass_fields__ if f != "blocks"]
BARE_COLUMNS = [f for f in BLOCKLESS_COLUMNS if f != "text"]


def _no_blocks(rows: int) -> pa.Array:
    return pa.array([[]] * rows, record_schema(Document).field("blocks").type)


_FIELDS: dict[type, list[str]] = {
    cls: list(cls.__dataclass_fields__) for cls in (Mention, Quote, DateMention, NumberClaim)
}


def _batch_analysis(
    store: Path,
    batch: str,
    docs: Sequence[str],
    tables: CorpusTables,
    with_text: bool,
    sentences: bool = True,
    settled: bool = True,
) -> Analysis:
    """One batch's rows of ``docs`` as ``read_analysis`` reads them (actor ids settled for the
    corpus; not ``settled``: as the batch holds them); the documents' texts only ``with_text``
    (the claims read their blocks)."""
    if with_text:
        documents = batch_rows(store, batch, "documents", docs)
    else:
        documents = batch_rows(store, batch, "documents", docs, DOCUMENT_COLUMNS)
        documents = documents.append_column("text", pa.array([""] * documents.num_rows, pa.string()))
    amap: ActorMap = tables.actor_map
    mentions = table_records(batch_rows(store, batch, "mentions", docs), Mention)
    quotes = table_records(batch_rows(store, batch, "quotes", docs), Quote)
    if settled:
        mentions = corpus_mentions(((batch, m) for m in mentions), amap)
        quotes = corpus_quotes(((batch, q) for q in quotes), amap)
    spans = table_records(batch_rows(store, batch, "sentences", docs), Span) if sentences else []
    return Analysis(
        corpus=Corpus(tuple(table_records(documents, Document))),
        actors=tables.actors,
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        dates=tuple(table_records(batch_rows(store, batch, "dates", docs), DateMention)),
        events=(),
        numbers=tuple(table_records(batch_rows(store, batch, "numbers", docs), NumberClaim)),
        positions=(),
        sentences=tuple(spans),
    )


def _rows_inside(
    store: Path, manifest: Manifest, tables: CorpusTables, spans: Collection[Span]
) -> dict[Span, Found]:
    """Each sentence's report (with its text) and the rows inside the sentence, read again from
    the store for these sentences' reports only; of their rows, only those inside one of the
    sentences become records (a checked report's every row did before: most of this read's CPU),
    their actors' corpus ids settled once for the batch (not sentence by sentence)."""
    by_doc: dict[str, list[Span]] = defaultdict(list)
    for s in spans:
        by_doc[s.doc_id].append(s)
    out: dict[Span, Found] = {}
    for batch, docs in _live_batches(manifest, by_doc):
        inside = _inside_analysis(store, batch, docs, tables, {d: by_doc[d] for d in docs})
        analysis = _settled(inside, batch, tables.actor_map)
        rows: Mapping[str, DocRows] = rows_by_doc(analysis)
        for doc in analysis.documents:
            own = RowsInside(rows.get(doc.id, DocRows()))
            out.update((s, (doc, own.of(s))) for s in by_doc[doc.id])
    return out


def _inside_analysis(
    store: Path, batch: str, docs: Sequence[str], tables: CorpusTables, spans: Mapping[str, Sequence[Span]]
) -> Analysis:
    """A batch's ``docs`` with their texts, and of their quotes, mentions, dates and numbers those
    that lie inside one of their ``spans`` (what ``RowsInside`` can give for those spans), as the
    batch holds them (actor ids not settled)."""

    bounds = _bounds(spans)

    def rows(table: str, cls: type[R]) -> list[R]:
        part = batch_rows(store, batch, table, docs, _FIELDS[cls])  # not the batch's own columns
        return table_records(part.take(_within(part, bounds)), cls)

    documents = batch_rows(store, batch, "documents", docs, BLOCKLESS_COLUMNS)
    documents = documents.append_column("blocks", _no_blocks(documents.num_rows))
    return Analysis(
        corpus=Corpus(tuple(table_records(documents, Document))),
        actors=tables.actors,
        mentions=tuple(rows("mentions", Mention)),
        quotes=tuple(rows("quotes", Quote)),
        dates=tuple(rows("dates", DateMention)),
        events=(),
        numbers=tuple(rows("numbers", NumberClaim)),
        positions=(),
        sentences=(),
    )


class _Bounds(NamedTuple):
    """The spans of ``_within`` as arrays, sorted by report and start (made once for a batch's tables)."""

    docs: list[str]
    doc_of: npt.NDArray[np.int64]
    start_of: npt.NDArray[np.int64]
    end_of: npt.NDArray[np.int64]


def _bounds(spans: Mapping[str, Sequence[Span]]) -> _Bounds:
    docs = sorted(spans)
    counts = [len(spans[d]) for d in docs]
    total = sum(counts)
    # (report, start, end) sorted as arrays: a tuple per span sorted, then split into columns, was
    # most of reading the checked sentences' rows again
    doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), counts)
    start_of = np.fromiter((s.start for d in docs for s in spans[d]), np.int64, total)
    end_of = np.fromiter((s.end for d in docs for s in spans[d]), np.int64, total)
    order = np.lexsort((end_of, start_of, doc_of))
    return _Bounds(docs, doc_of[order], start_of[order], end_of[order])


def _within(table: pa.Table, spans: Mapping[str, Sequence[Span]] | _Bounds) -> pa.Array:
    """The row numbers, in order, of a batch table's rows that lie inside one of their report's
    spans: a row is inside when, among its report's spans that start by its start, the largest end
    reaches its end. As arrays: a compacted batch holds thousands of reports' rows. ``spans``: by
    report, or their ``_bounds`` (a batch's four tables read against the same spans)."""
    docs, doc_of, start_of, end_of = spans if isinstance(spans, _Bounds) else _bounds(spans)
    if not len(doc_of) or not table.num_rows:
        return pa.array([], pa.int64())
    row_doc = pc.index_in(table.column("doc_id"), value_set=pa.array(docs, pa.string()))
    row_doc_of = row_doc.fill_null(-1).to_numpy().astype(np.int64)
    row_start = table.column("start").to_numpy().astype(np.int64)
    row_end = table.column("end").to_numpy().astype(np.int64)
    # the largest end so far among each report's spans, by start: one running maximum over
    # (report, end) numbers, which starts again at each report (its numbers exceed every earlier one)
    wide = int(max(end_of.max(), row_end.max(), start_of.max(), row_start.max())) + 1
    largest = np.maximum.accumulate(doc_of * wide + end_of) - doc_of * wide
    at = np.searchsorted(doc_of * wide + start_of, row_doc_of * wide + row_start, side="right") - 1
    seen = np.maximum(at, 0)
    inside = (at >= 0) & (doc_of[seen] == row_doc_of) & (largest[seen] >= row_end)
    return pa.array(np.flatnonzero(inside), pa.int64())


def _settled(analysis: Analysis, batch: str, amap: ActorMap) -> Analysis:
    """The batch's rows with their actors' corpus ids (the few rows inside the checked sentences,
    settled once for the batch: a checked report's every row, then each sentence's rows, were
    settled before)."""
    if not amap:
        return analysis
    mentions = corpus_mentions(((batch, m) for m in analysis.mentions), amap)
    quotes = corpus_quotes(((batch, q) for q in analysis.quotes), amap)
    return replace(analysis, mentions=tuple(mentions), quotes=tuple(quotes))
