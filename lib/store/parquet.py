"""The columnar store: extraction results as Parquet tables, one folder per ingest batch.

Layout (all writes atomic: a folder or file is written under a temporary name, then renamed)::

    STORE/manifest.json                  batches in ingest order, the corpus generation, errors
    STORE/batches/<id>/<table>.parquet   per-document rows of the batch's documents
    STORE/corpus/<gen>/<table>.parquet   corpus-level tables: actors, actor_map, events, positions

Why per batch, not per document: 100,000 documents would be 800,000 small files, and DuckDB
opens every file a query touches. A batch (tens of documents) keeps files few and is the unit a
worker process extracts. Changing one document writes a new batch holding only its rows; the
manifest's last batch naming a document is its live copy and the older rows are dead
(filtered out by every read; ``compact`` rewrites them away). The manifest is replaced only
after a batch's folder is complete, so an interrupted ingest leaves no half-written table and
resumes at the first batch the manifest lacks.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lib import write_atomic
from lib.records import (
    Actor,
    Analysis,
    Batch,
    Corpus,
    CorpusClaim,
    DateMention,
    Document,
    Event,
    IngestError,
    Mention,
    NameLink,
    NumberClaim,
    Position,
    Quote,
    Span,
)
from lib.store.claim_rows import CLAIM_ROWS, NEEDS, claim_rows_table, folder_analysis, write_claim_rows
from lib.store.claim_rows import VERSION_KEY as CLAIMS_KEY
from lib.store.columns import arrow_type, records_array, records_table, table_records
from lib.store.terms import ROW_GROUP, TERMS, terms_table, write_terms
from lib.store.terms import VERSION_KEY as INDEX_KEY
from lib.version import claims_version, extraction_version, index_version

FORMAT = 1
# Documents per ingest batch. A worker keeps a batch's parsed documents until its quotes and events
# are done: 64 held ~880 MB against ~540 MB for 16 (before long texts were parsed in segments; now
# ~300 MB), and 16 took less CPU. Compaction (lib/store/compaction.py) later merges small batches.
BATCH_SIZE = 16
R = TypeVar("R")
MANIFEST = "manifest.json"
# The tables of every batch folder (the keys of batch_tables).
FOLDER_TABLES = ("documents", "mentions", "quotes", "dates", "events", "numbers", "sentences", "links")
# (batch, document, actor id in the batch) -> corpus actor id: per document, since the corpus's name
# linking may resolve one batch id to two actors in two reports (a bare surname, lib/store/links.py)
ActorMap = dict[tuple[str, str, str], str]


@dataclass(frozen=True)
class CorpusTables:
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    positions: tuple[Position, ...]
    actor_map: ActorMap = field(default_factory=dict)  # only the ids that settling changed
    claims: tuple[CorpusClaim, ...] = ()  # the corpus's claims (lib/compare/corpus.py)


@dataclass(frozen=True)
class BatchEntry:
    id: str
    docs: tuple[str, ...]
    keys: tuple[str, ...]  # per document, the hash of its content (lib.store.parallel.document_key)


@dataclass(frozen=True)
class Manifest:
    batches: tuple[BatchEntry, ...] = ()
    corpus: str = ""  # the generation folder under corpus/
    errors: tuple[IngestError, ...] = ()
    parsed: int = 0
    covers: tuple[str, ...] = ()  # the batches the corpus tables were computed over

    def live(self) -> dict[str, str]:
        """Document id -> the batch holding its live rows, in first-ingest order."""
        out: dict[str, str] = {}
        for batch in self.batches:
            out.update(dict.fromkeys(batch.docs, batch.id))
        return out

    def keys(self) -> dict[str, str]:
        return {d: k for b in self.batches for d, k in zip(b.docs, b.keys, strict=True)}


def read_manifest(store: Path) -> Manifest:
    path = store / MANIFEST
    if not path.is_file():
        return Manifest()
    obj = json.loads(path.read_text(encoding="utf-8"))
    if obj.get("format") != FORMAT:
        raise ValueError(f"{path}: store format {obj.get('format')}, expected {FORMAT}")
    batches = tuple(BatchEntry(b["id"], tuple(b["docs"]), tuple(b["keys"])) for b in obj["batches"])
    errors = tuple(IngestError(**e) for e in obj["errors"])
    return Manifest(batches, obj["corpus"], errors, obj["parsed"], tuple(obj.get("covers", ())))


def write_manifest(store: Path, manifest: Manifest) -> None:
    store.mkdir(parents=True, exist_ok=True)
    # asdict's JSON, built by hand: asdict deep-copies every batch's tuples, and an ingest writes the
    # manifest after each batch (625 times at 10,000 documents: 5.8 CPU-s, issue #19)
    payload = {
        "format": FORMAT,
        "batches": [{"id": b.id, "docs": b.docs, "keys": b.keys} for b in manifest.batches],
        "corpus": manifest.corpus,
        "errors": [{"path": e.path, "reason": e.reason} for e in manifest.errors],
        "parsed": manifest.parsed,
        "covers": manifest.covers,
    }
    write_atomic(store / MANIFEST, json.dumps(payload, ensure_ascii=False))


def write_folder(
    final: Path,
    tables: Mapping[str, pa.Table],
    files: Mapping[str, Path] | None = None,
    derived: Mapping[str, pa.Table] | None = None,
) -> None:
    """Write every table into a temporary folder, then rename it into place. A folder of sentences
    gets their term index too (lib/store/terms.py), and a folder of documents and their rows their
    sentence claims (lib/store/claim_rows.py), so every writer of batches keeps them. ``files``:
    tables given as Parquet files, copied as they are. ``derived``: the term index (its rows in
    chunks, each sorted as ``terms_table`` sorts) or the sentence claims (in the documents' order)
    given already made from ``tables`` by this code (compaction takes them from the folders it
    merges), written instead of made again."""
    made = derived or {}
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.parent / f".tmp-{final.name}-{uuid.uuid4().hex[:8]}"
    temp.mkdir()
    try:
        for name, table in tables.items():
            pq.write_table(table, temp / f"{name}.parquet")
        for name, path in (files or {}).items():
            shutil.copyfile(path, temp / f"{name}.parquet")
        if TERMS in made:
            _write_terms(made[TERMS], temp / f"{TERMS}.parquet")
        elif "sentences" in tables:
            _write_terms(_chunked_terms(tables["sentences"]), temp / f"{TERMS}.parquet")
            pa.default_memory_pool().release_unused()  # the index's rows, before the claims
        if CLAIM_ROWS in made:
            _stamped_claim_rows(made[CLAIM_ROWS], temp)
        else:
            _write_claim_rows(tables, temp)  # each document's sentence claims (lib/store/claim_rows.py)
        if final.exists():  # an uncommitted leftover of an interrupted run
            shutil.rmtree(final)
        os.replace(temp, final)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


TERMS_CHUNK = 8192  # sentences whose term index rows are made at once (their words as Python lists)
CLAIM_DOCS = 256  # documents whose sentence claims are made at once (their rows as records)


def _chunked_terms(sentences: pa.Table) -> pa.Table:
    """The index rows of the sentences (``terms_table``), TERMS_CHUNK sentences at a time, one
    chunk each, each sorted alone (``_write_terms`` sorts them together as it writes): a compacted
    folder's every (word, sentence) as Python lists at once was a hundred MB and more (issue #19)."""
    chunks = range(0, max(sentences.num_rows, 1), TERMS_CHUNK)
    return pa.concat_tables([terms_table(sentences.slice(lo, TERMS_CHUNK)) for lo in chunks])


# The index's order (lib/store/terms.py terms_table): one row per word and sentence, so it is total.
TERMS_ORDER = [("term", "ascending"), ("doc_id", "ascending"), ("start", "ascending")]
TAKE_ROWS = 4 * ROW_GROUP  # index rows taken in order at once by _write_terms (a multiple of ROW_GROUP)


def _write_terms(table: pa.Table, path: Path) -> None:
    """``write_terms`` of ``table`` (index rows, in sorted chunks) sorted as ``terms_table`` sorts,
    without a sorted copy: the rows are taken in order TAKE_ROWS at a time and written in the
    same row groups. A compacted folder's index is millions of rows, and their copy in one chunk
    and their sorted copy beside it were the compaction's peak (issue #19). The file holds the
    same table; a table of one chunk is written as before."""
    if table.column(0).num_chunks <= 1:
        write_terms(table.combine_chunks(), path)
        return
    order = pc.sort_indices(table, TERMS_ORDER)
    schema = table.schema.with_metadata({INDEX_KEY: index_version()})
    with pq.ParquetWriter(path, schema) as writer:
        for lo in range(0, table.num_rows, TAKE_ROWS):
            writer.write_table(table.take(order.slice(lo, TAKE_ROWS)), row_group_size=ROW_GROUP)


def _write_claim_rows(tables: Mapping[str, pa.Table], folder: Path) -> None:
    """``write_claim_rows``, the rows made CLAIM_DOCS documents at a time: a document's claims
    depend on its own rows alone, and a compacted folder of 4,096 documents' rows as records at
    once was hundreds of MB (issue #19). The table written is the same."""
    ids = tables["documents"].column("id") if "documents" in tables else None
    if ids is None or len(ids) <= CLAIM_DOCS or not all(t in tables for t in NEEDS):
        write_claim_rows(tables, folder)
        return
    parts = []
    for lo in range(0, len(ids), CLAIM_DOCS):
        wanted = ids.slice(lo, CLAIM_DOCS).combine_chunks()
        part = {t: _of_docs(tables[t], "id" if t == "documents" else "doc_id", wanted) for t in NEEDS}
        parts.append(claim_rows_table(folder_analysis(part)))
    table = pa.concat_tables(parts)  # in chunks: the file is written from them, no copy in one
    del parts
    _stamped_claim_rows(table, folder)


def _stamped_claim_rows(table: pa.Table, folder: Path) -> None:
    stamped = table.replace_schema_metadata({CLAIMS_KEY: claims_version()})
    pq.write_table(stamped, folder / f"{CLAIM_ROWS}.parquet")


def _of_docs(table: pa.Table, key: str, docs: pa.Array) -> pa.Table:
    return table.filter(pc.is_in(table.column(key), docs))


def _column(value: str, n: int) -> tuple[pa.DataType, list[str]]:
    return pa.string(), [value] * n


# A mentions table's version mark: its raw_actor column holds each mention's actor before settling
# (lib/extract/actors/extract.py extract_raw), not the batch's settled one (lib/store/check.py).
RAW_UNSETTLED = "raw_unsettled"


def batch_tables(batch_id: str, b: Batch) -> dict[str, pa.Table]:
    """The batch's rows as tables; each carries its batch id so queries can drop dead rows."""
    actor_type = arrow_type(Actor)
    mention_extra: dict[str, tuple[pa.DataType, list[Any] | pa.Array]] = {
        "batch": _column(batch_id, len(b.mentions)),
        "raw_actor": (actor_type, records_array(b.raw_actors, Actor)),
        "agentive": (pa.bool_(), list(b.agentive)),
        # the version mark lib/store/check.py reads: raw_actor holds the actor before settling
        RAW_UNSETTLED: (pa.bool_(), [True] * len(b.mentions)),
    }
    event_docs: list[Any] = [_event_doc(e) for e in b.events]
    docs: Sequence[object] = b.documents
    return {
        "documents": records_table(docs, Document, {"batch": _column(batch_id, len(docs))}),
        "mentions": records_table(b.mentions, Mention, mention_extra),
        "quotes": _per_doc(b.quotes, Quote, batch_id),
        "dates": _per_doc(b.dates, DateMention, batch_id),
        "events": records_table(
            b.events, Event, {"doc_id": (pa.string(), event_docs), "batch": _column(batch_id, len(b.events))}
        ),
        "numbers": _per_doc(b.numbers, NumberClaim, batch_id),
        "sentences": _per_doc(b.sentences, Span, batch_id),
        "links": _per_doc(b.links, NameLink, batch_id),
    }


def _per_doc(records: Sequence[object], cls: type, batch_id: str) -> pa.Table:
    return records_table(records, cls, {"batch": _column(batch_id, len(records))})


def write_batch(store: Path, batch_id: str, batch: Batch) -> None:
    write_folder(store / "batches" / batch_id, batch_tables(batch_id, batch))


def commit_batch(store: Path, entry: BatchEntry, manifest: Manifest | None = None) -> Manifest:
    """Add a written batch to the manifest: from now on its documents' live rows are its own.
    ``manifest``: the store's manifest as it is on disk (the last commit's), not read again."""
    manifest = read_manifest(store) if manifest is None else manifest
    batches = (*(b for b in manifest.batches if b.id != entry.id), entry)
    updated = replace(manifest, batches=batches)
    write_manifest(store, updated)
    return updated


def table_path(store: Path, batch_id: str, table: str) -> Path:
    return store / "batches" / batch_id / f"{table}.parquet"


def corpus_path(store: Path, manifest: Manifest, table: str) -> Path:
    return store / "corpus" / manifest.corpus / f"{table}.parquet"


def batch_rows(
    store: Path, batch: str, table: str, docs: Sequence[str], columns: list[str] | None = None
) -> pa.Table:
    """One batch's ``table``, the rows of ``docs`` only (``columns``: those, and the document id
    the rows are chosen by)."""
    key = "id" if table == "documents" else "doc_id"
    wanted = None if columns is None else [key, *(c for c in columns if c != key)]
    # not read_table's dataset (2-5x its CPU on a batch's small files), nor its threads (a quarter
    # more CPU on such files, and slower under load): the corpus step reads hundreds (issue #19)
    with pq.ParquetFile(table_path(store, batch, table)) as file:
        part = file.read(columns=wanted, use_threads=False)
    return part.filter(pc.is_in(part.column(key), pa.array(docs, pa.string())))


def read_live(store: Path, manifest: Manifest, table: str, columns: list[str] | None = None) -> pa.Table:
    """One batch table over every batch, live rows only, in ingest order."""
    live = manifest.live()
    parts = []
    for batch in manifest.batches:
        own = [d for d in batch.docs if live[d] == batch.id]
        if own:
            parts.append(batch_rows(store, batch.id, table, own, columns))
    return pa.concat_tables(parts) if parts else pa.table({})


def actor_map_table(actor_map: ActorMap) -> pa.Table:
    keys = list(actor_map)
    return pa.table(
        {
            "batch": pa.array([k[0] for k in keys], pa.string()),
            "doc_id": pa.array([k[1] for k in keys], pa.string()),
            "actor_id": pa.array([k[2] for k in keys], pa.string()),
            "corpus_id": pa.array(list(actor_map.values()), pa.string()),
        }
    )


def write_corpus(
    store: Path,
    tables: CorpusTables,
    errors: Iterable[IngestError] = (),
    parsed: int = 0,
    arrow: Mapping[str, pa.Table] | None = None,
    covers: Sequence[str] | None = None,
    files: Mapping[str, Path] | None = None,
) -> None:
    """A new corpus generation, then the manifest pointing at it, then the old one removed.

    ``arrow``: tables given as Arrow tables already (``events``, ``positions``, ``claims``): those of
    ``tables`` are then not used; ``files``: tables given as Parquet files (of the generation
    before), copied as they are. ``covers``: the batches the tables were computed over (None:
    every batch of the manifest).
    """
    generation = uuid.uuid4().hex[:12]
    given = arrow or {}
    copied = files or {}
    made: dict[str, Callable[[], pa.Table]] = {
        "actors": lambda: records_table(tables.actors, Actor),
        "events": lambda: given["events"] if "events" in given else records_table(tables.events, Event),
        "positions": lambda: (
            given["positions"] if "positions" in given else records_table(tables.positions, Position)
        ),
        "actor_map": lambda: actor_map_table(tables.actor_map),
        "claims": lambda: given["claims"] if "claims" in given else records_table(tables.claims, CorpusClaim),
    }
    write_folder(
        store / "corpus" / generation, {t: make() for t, make in made.items() if t not in copied}, copied
    )
    manifest = read_manifest(store)
    old = manifest.corpus
    covered = tuple(b.id for b in manifest.batches) if covers is None else tuple(covers)
    write_manifest(store, Manifest(manifest.batches, generation, tuple(errors), parsed, covered))
    if old:
        shutil.rmtree(store / "corpus" / old, ignore_errors=True)


def spill(store: Path, tables: Mapping[str, pa.Table]) -> tuple[Path, dict[str, Path]]:
    """Corpus tables written to a temporary folder of the store (``write_corpus`` copies them into
    the generation it makes, ``files``), so the tables need not stay in memory meanwhile; the folder
    (to be removed by the caller) and each table's file. Named as an interrupted write's leftover,
    which readers and lib/store/check.py ignore."""
    folder = store / "corpus" / f".tmp-spill-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    files = {name: folder / f"{name}.parquet" for name in tables}
    for name, table in tables.items():
        pq.write_table(table, files[name])
    return folder, files


def read_corpus(
    store: Path, manifest: Manifest, tables: Collection[str] = ("actors", "events", "positions")
) -> CorpusTables:
    """The corpus tables (the actor map always; of the others, those named in ``tables``)."""
    if not manifest.corpus:
        return CorpusTables((), (), ())
    amap = pq.read_table(corpus_path(store, manifest, "actor_map")).to_pylist()

    def records(table: str, cls: type[R]) -> tuple[R, ...]:
        return tuple(table_records(pq.read_table(corpus_path(store, manifest, table)), cls))

    return CorpusTables(
        actors=records("actors", Actor) if "actors" in tables else (),
        events=records("events", Event) if "events" in tables else (),
        positions=records("positions", Position) if "positions" in tables else (),
        claims=records("claims", CorpusClaim) if "claims" in tables else (),
        actor_map={(r["batch"], r["doc_id"], r["actor_id"]): r["corpus_id"] for r in amap},
    )


def collect_garbage(store: Path, manifest: Manifest) -> None:
    """Remove batch folders the manifest no longer names (and leftovers of interrupted writes)."""
    named = {b.id for b in manifest.batches}
    root = store / "batches"
    for folder in root.iterdir() if root.is_dir() else ():
        if folder.name not in named:
            shutil.rmtree(folder, ignore_errors=True)


def document_key(doc: Document) -> str:
    """The hash of everything extraction reads from a document, and of the extraction's version (a
    digest of its code and lexicons): a changed document, or one extracted by other code, gets a new key
    and is extracted again by the next ingest."""
    payload = json.dumps([extraction_version(), asdict(doc)], sort_keys=True)
    return hashlib.sha1(payload.encode()).hexdigest()[:16]


def batch_id_of(keys: Sequence[str]) -> str:
    """Content-addressed: the same documents give the same batch, so a resumed ingest skips it."""
    return hashlib.sha1("|".join(keys).encode()).hexdigest()[:16]


def _by_doc(records: Iterable[R], doc_of: Any) -> dict[str, list[R]]:
    out: dict[str, list[R]] = {}
    for r in records:
        out.setdefault(doc_of(r), []).append(r)
    return out


def _doc_id(record: Any) -> str:
    return str(record.doc_id)


def _snapshot_batch(analysis: Analysis, docs: Sequence[Document]) -> Batch:
    """A batch of an Analysis as it is: actors already settled, merged events kept whole."""
    ids = [d.id for d in docs]
    by_actor = {a.id: a for a in analysis.actors}
    groups = {
        name: _by_doc(getattr(analysis, name), _doc_id)
        for name in ("mentions", "quotes", "dates", "numbers", "sentences")
    }
    events = _by_doc(analysis.events, lambda e: e.sources[0] if e.sources else "")
    pick = {name: tuple(r for d in ids for r in g.get(d, [])) for name, g in groups.items()}
    mentions: tuple[Mention, ...] = pick["mentions"]
    return Batch(
        documents=tuple(docs),
        raw_actors=tuple(by_actor.get(m.actor_id, Actor(m.actor_id, m.text, "")) for m in mentions),
        agentive=(True,) * len(mentions),
        events=tuple(e for d in ids for e in events.get(d, [])),
        **pick,
    )


def write_analysis(
    analysis: Analysis, store: Path, batch_size: int = BATCH_SIZE, claims: Sequence[CorpusClaim] = ()
) -> None:
    """Store a whole Analysis, replacing what the store held (read_analysis gives it back equal),
    with its corpus claims when given (lib/compare/corpus.py computes them; this module stays
    free of the comparison's imports)."""
    docs = analysis.documents
    entries = []
    for i in range(0, len(docs), batch_size):
        chunk = docs[i : i + batch_size]
        keys = tuple(document_key(d) for d in chunk)
        entry = BatchEntry(batch_id_of(keys), tuple(d.id for d in chunk), keys)
        write_batch(store, entry.id, _snapshot_batch(analysis, chunk))
        entries.append(entry)
    old = read_manifest(store)
    write_manifest(store, replace(old, batches=tuple(entries)))
    tables = CorpusTables(analysis.actors, analysis.events, analysis.positions, claims=tuple(claims))
    write_corpus(store, tables, analysis.corpus.errors, analysis.corpus.parsed)
    collect_garbage(store, read_manifest(store))


def live_records(store: Path, manifest: Manifest, table: str, cls: type[R]) -> list[tuple[str, R]]:
    """(batch, record) of a batch table, live rows only, in corpus order (stable within a document)."""
    data = read_live(store, manifest, table)
    if data.num_rows == 0:
        return []
    order = {d: i for i, d in enumerate(manifest.live())}
    docs = data.column("id" if table == "documents" else "doc_id").to_pylist()
    rows = zip(docs, data.column("batch").to_pylist(), table_records(data, cls), strict=True)
    return [(b, r) for _, b, r in sorted(rows, key=lambda row: order[row[0]])]


def corpus_mentions(rows: Iterable[tuple[str, Mention]], amap: ActorMap) -> list[Mention]:
    """(batch, mention) rows with their corpus actor ids (through the actor map)."""
    return [
        m if (k := (b, m.doc_id, m.actor_id)) not in amap else replace(m, actor_id=amap[k]) for b, m in rows
    ]


def corpus_quotes(rows: Iterable[tuple[str, Quote]], amap: ActorMap) -> list[Quote]:
    """(batch, quote) rows with their speakers' and targets' corpus ids (through the actor map); a
    quote whose ids settling kept is the record read (most are: a record made afresh for each was
    most of this step's CPU, issue #19)."""
    return [_corpus_quote(b, q, amap) if _remapped_quote(b, q, amap) else q for b, q in rows]


def _remapped_quote(batch: str, quote: Quote, amap: ActorMap) -> bool:
    doc = quote.doc_id
    return (batch, doc, quote.speaker_id) in amap or any(
        (batch, doc, t.actor_id) in amap for t in quote.targets
    )


def _corpus_quote(b: str, q: Quote, amap: ActorMap) -> Quote:
    doc = q.doc_id
    return replace(
        q,
        speaker_id=amap.get((b, doc, q.speaker_id), q.speaker_id) if q.speaker_id else q.speaker_id,
        targets=tuple(
            replace(t, actor_id=amap.get((b, doc, t.actor_id), t.actor_id)) if t.actor_id is not None else t
            for t in q.targets
        ),
    )


def corpus_events(rows: Iterable[tuple[str, Event]], amap: ActorMap) -> list[Event]:
    """(batch, event) rows with their actors' corpus ids (through the actor map); an event whose ids
    settling kept is the record read."""
    return [
        replace(e, actors=tuple(amap.get((b, _event_doc(e), a), a) for a in e.actors))
        if any((b, _event_doc(e), a) in amap for a in e.actors)
        else e
        for b, e in rows
    ]


def _event_doc(event: Event) -> str:
    """A per-document event's report (its row's doc_id, batch_tables)."""
    return event.sources[0] if event.sources else ""


def read_analysis(store: Path, corpus: CorpusTables | None = None) -> Analysis:
    """The Analysis a store holds: live rows, corpus order, actor ids as settled for the corpus
    (``corpus``: the corpus tables to use, when they are not yet written)."""
    manifest = read_manifest(store)
    tables = read_corpus(store, manifest) if corpus is None else corpus
    amap = tables.actor_map

    def recs(table: str, cls: type[R]) -> tuple[R, ...]:
        return tuple(r for _, r in live_records(store, manifest, table, cls))

    mentions = corpus_mentions(live_records(store, manifest, "mentions", Mention), amap)
    quotes = corpus_quotes(live_records(store, manifest, "quotes", Quote), amap)
    return Analysis(
        corpus=Corpus(recs("documents", Document), manifest.errors, manifest.parsed),
        actors=tables.actors,
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        dates=recs("dates", DateMention),
        events=tables.events,
        numbers=recs("numbers", NumberClaim),
        positions=tables.positions,
        sentences=recs("sentences", Span),
    )
