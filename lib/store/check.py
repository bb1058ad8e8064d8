"""The store checks itself: what is damaged, which documents it costs, and how ingest repairs it.

``check_store`` is cheap enough to run at every ingest and every page load: it stats the files
and reads each Parquet file's footer (its schema and row counts), never a whole table. What it
cannot see is damage inside a file whose footer is intact (a flipped byte in a data page).

Only batches holding live rows are checked: a batch whose every document has a newer copy is
never read (lib/store/parquet.py), so its damage costs nothing and compaction drops it.

``repair_store`` (run by ``lib.store.parallel.ingest_corpus`` before planning) turns a damaged store
into a readable one: the documents of a damaged batch are marked stale, so the ingest extracts
them again from its sources, and those not among the sources are dropped and named; a manifest
that cannot be read is rebuilt from the batch folders whose documents table reads; damaged
corpus tables are dropped, so the ingest's refresh recomputes them from every document.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from lib.records import (
    Actor,
    CorpusClaim,
    DateMention,
    Document,
    Event,
    Mention,
    NumberClaim,
    Position,
    Quote,
    Span,
    Target,
)
from lib.store.columns import table_records
from lib.store.parquet import (
    FOLDER_TABLES,
    FORMAT,
    MANIFEST,
    RAW_UNSETTLED,
    BatchEntry,
    Manifest,
    batch_id_of,
    document_key,
    read_manifest,
    write_manifest,
)
from lib.store.terms import TERMS, stale, write_index

CORPUS_TABLES = ("actors", "events", "positions", "actor_map", "claims")
INDEX_WHERE = "index"  # a batch's term index (lib/store/terms.py): derived, rebuilt without extraction
MANIFEST_WHERE = "manifest"
CORPUS_WHERE = "corpus"
# A repaired batch's entry keeps its place in the manifest (so its documents keep their place
# in the corpus) under a new id: the batch extracted again is content-addressed and may take the
# old id, and committing it must not remove the entry that holds the order.
REPAIRED = "-damaged"
STALE = ""  # the content key of a document to extract again: no document has it


class StoreFormatError(ValueError):
    """The manifest is readable but of another store format: not damage, nothing to repair."""


@dataclass(frozen=True)
class Problem:
    # missing, zero-byte, unreadable, other-version, folder-missing, manifest-missing, manifest-unreadable
    kind: str
    where: str  # a batch id, "corpus" or "manifest"
    path: str  # the damaged file or folder, relative to the store
    docs: tuple[str, ...] = ()  # the documents whose live rows it held (when known)
    detail: str = ""

    def line(self, shown: int = 10) -> str:
        """One line; past ``shown`` documents, how many more (a compacted batch holds thousands:
        ``as_dict`` keeps them all)."""
        more = f" and {len(self.docs) - shown:,} more" if len(self.docs) > shown else ""
        docs = f"; documents: {', '.join(self.docs[:shown])}{more}" if self.docs else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.kind}: {self.path}{detail}{docs}"


@dataclass(frozen=True)
class StoreReport:
    store: Path
    problems: tuple[Problem, ...]
    # The manifest as read; when it cannot be read, the one rebuilt from the batch folders.
    manifest: Manifest = field(default_factory=Manifest)
    exists: bool = True  # False: no manifest and no batch folder, nothing to check
    # Term index files missing or unreadable (``where`` INDEX_WHERE, the batch in ``docs``' folder
    # path): not damage to the data, so apart from ``problems``; search scans the text meanwhile.
    index: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def manifest_damaged(self) -> bool:
        return any(p.where == MANIFEST_WHERE for p in self.problems)

    @property
    def corpus_damaged(self) -> tuple[str, ...]:
        """The corpus tables that cannot be read."""
        return tuple(Path(p.path).stem for p in self.problems if p.where == CORPUS_WHERE)

    @property
    def index_batches(self) -> tuple[str, ...]:
        """The live batches whose term index is missing or unreadable."""
        return tuple(dict.fromkeys(Path(p.path).parent.name for p in self.index))

    @property
    def damaged_batches(self) -> tuple[str, ...]:
        where = (p.where for p in self.problems)
        return tuple(dict.fromkeys(w for w in where if w not in (MANIFEST_WHERE, CORPUS_WHERE)))

    def damaged_docs(self) -> list[str]:
        """The documents whose live rows are in a damaged batch, in corpus order."""
        bad = set(self.damaged_batches)
        return [d for d, b in self.manifest.live().items() if b in bad]

    def readable(self) -> Manifest:
        """The manifest of what can still be read: the documents of damaged batches left out."""
        return without(self.manifest, self.damaged_docs())

    def lines(self) -> list[str]:
        if not self.exists:
            return [f"{self.store} holds no store"]
        index = [f"search index {p.line()}" for p in self.index]
        if self.ok:
            return [f"{self.store}: healthy, documents: {len(self.manifest.live())}", *index]
        return [p.line() for p in self.problems] + index

    def as_dict(self) -> dict[str, Any]:
        return {
            "store": str(self.store),
            "ok": self.ok,
            "exists": self.exists,
            "documents": len(self.manifest.live()),
            "problems": [asdict(p) for p in self.problems],
            "index_problems": [asdict(p) for p in self.index],
        }


# The columns each table's records need (lib/store/parquet.py writes them, more beside them).
RECORD_COLUMNS: dict[str, frozenset[str]] = {
    table: frozenset(f.name for f in fields(cls))
    for table, cls in {
        "documents": Document,
        "mentions": Mention,
        "quotes": Quote,
        "dates": DateMention,
        "events": Event,
        "numbers": NumberClaim,
        "sentences": Span,
        "actors": Actor,
        "positions": Position,
        "claims": CorpusClaim,
    }.items()
}
# Beyond the records' fields: a batch's mentions carry each mention's raw (unsettled) actor since
# RAW_UNSETTLED (lib/store/parquet.py) was added; an older table held the batch-settled actor
# there, which a corpus step cannot settle again as one pass does: a table of another version.
RECORD_COLUMNS["mentions"] = RECORD_COLUMNS["mentions"] | {RAW_UNSETTLED}
# A statement's targets are nested records: a table written before a field of Target existed (a
# group's ``name``, issue #16) is of another version too, though its columns are all there.
RECORD_COLUMNS["quotes"] = RECORD_COLUMNS["quotes"] | {f"targets.{f.name}" for f in fields(Target)}


def column_names(schema: pa.Schema) -> set[str]:
    """A table's columns, and "column.field" for the fields of a (list of) struct column."""
    names = set(schema.names)
    for column in schema:
        kind = column.type.value_type if pa.types.is_list(column.type) else column.type
        if pa.types.is_struct(kind):
            names |= {f"{column.name}.{kind.field(i).name}" for i in range(kind.num_fields)}
    return names


def file_problem(path: Path) -> tuple[str, str] | None:
    """(kind, detail) when a Parquet file cannot be read, or was written by a version of the code
    whose records lacked columns this one reads; its footer is all that is read."""
    if not path.is_file():
        return "missing", ""
    if path.stat().st_size == 0:
        return "zero-byte", ""
    try:
        names = column_names(pq.read_metadata(path).schema.to_arrow_schema())
    except (OSError, ValueError, pa.ArrowException) as err:
        return "unreadable", str(err).splitlines()[0][:200]
    lacking = sorted(RECORD_COLUMNS.get(path.stem, frozenset()) - names)
    if lacking:
        return "other-version", f"written by an older version of Triangulate: no {', '.join(lacking)}"
    return None


# Batch tables a later version added: a folder that lacks one while it holds its documents was
# written before, and is out of date rather than damaged.
ADDED_TABLES = frozenset({"links"})


def _folder_problems(store: Path, folder: Path, where: str, tables: Sequence[str]) -> list[Problem]:
    found = []
    for table in tables:
        path = folder / f"{table}.parquet"
        problem = file_problem(path)
        if problem == ("missing", "") and table in ADDED_TABLES and (folder / "documents.parquet").is_file():
            problem = ("other-version", f"written by an older version of Triangulate: no {table} table")
        if problem:
            found.append(Problem(problem[0], where, str(path.relative_to(store)), detail=problem[1]))
    return found


def batch_problems(store: Path, manifest: Manifest) -> list[Problem]:
    """Each damaged file or missing folder of the batches holding live rows."""
    live = manifest.live()
    found = []
    for batch in manifest.batches:
        own = tuple(d for d in batch.docs if live[d] == batch.id)
        if not own:
            continue
        folder = store / "batches" / batch.id
        if not folder.is_dir():
            found.append(Problem("folder-missing", batch.id, str(folder.relative_to(store)), own))
            continue
        found += [replace(p, docs=own) for p in _folder_problems(store, folder, batch.id, FOLDER_TABLES)]
    return found


def index_problems(store: Path, manifest: Manifest) -> list[Problem]:
    """The live batches whose term index file is missing, unreadable or stale (their folder present)."""
    live = manifest.live()
    found = []
    for batch in manifest.batches:
        folder = store / "batches" / batch.id
        if folder.is_dir() and any(live[d] == batch.id for d in batch.docs):
            path = folder / f"{TERMS}.parquet"
            problem = file_problem(path) or (("stale", why) if (why := stale(path)) else None)
            if problem:
                found.append(
                    Problem(problem[0], INDEX_WHERE, str(path.relative_to(store)), detail=problem[1])
                )
    return found


def corpus_problems(store: Path, manifest: Manifest) -> list[Problem]:
    if not manifest.corpus:
        return []
    return _folder_problems(store, store / "corpus" / manifest.corpus, CORPUS_WHERE, CORPUS_TABLES)


def _folders(root: Path) -> list[Path]:
    """The committed folders under ``root`` (not the leftovers of interrupted writes)."""
    return (
        [f for f in root.iterdir() if f.is_dir() and not f.name.startswith(".tmp")] if root.is_dir() else []
    )


def _batch_folders(store: Path) -> list[Path]:
    return _folders(store / "batches")


def _load_manifest(store: Path) -> tuple[Manifest | None, Problem | None]:
    """The manifest, or None and why it cannot be read; an absent one is empty if no batch exists."""
    path = store / MANIFEST
    if not path.is_file():
        missing = Problem("manifest-missing", MANIFEST_WHERE, MANIFEST)
        return (None, missing) if _batch_folders(store) else (Manifest(), None)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(obj, dict) and obj.get("format") not in (None, FORMAT):
            raise StoreFormatError(f"{path}: store format {obj.get('format')}, expected {FORMAT}")
        return read_manifest(store), None
    except StoreFormatError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        return None, Problem("manifest-unreadable", MANIFEST_WHERE, MANIFEST, detail=str(err)[:200])


def check_store(store: Path, order: Sequence[str] = ()) -> StoreReport:
    """Every problem of the store. A manifest that cannot be read is rebuilt (in memory) from the
    batch folders, and the batches it names are checked; ``order``: see rebuild_manifest."""
    manifest, problem = _load_manifest(store)
    found = [problem] if problem else []
    if manifest is None:
        manifest = rebuild_manifest(store, order)
        found += _unnamed_problems(store, manifest)
    elif not manifest.batches and not (store / MANIFEST).is_file():
        return StoreReport(store, (), manifest, exists=False)
    found += batch_problems(store, manifest) + corpus_problems(store, manifest)
    return StoreReport(store, tuple(found), manifest, index=tuple(index_problems(store, manifest)))


def _unnamed_problems(store: Path, rebuilt: Manifest) -> list[Problem]:
    """The damage of the batch folders a rebuilt manifest could not name (documents unknown)."""
    named = {b.id for b in rebuilt.batches}
    found = []
    for folder in _batch_folders(store):
        if folder.name not in named:
            found += _folder_problems(store, folder, folder.name, FOLDER_TABLES)
    return found


def _folder_entry(folder: Path) -> BatchEntry | None:
    """A batch folder's manifest entry, from its documents table (None when that cannot be read;
    the folder's other tables are checked as the manifest's batches are).

    The content keys are recomputed from the stored documents; the batch id (content-addressed,
    lib.store.batch_id_of, or lib.store.compaction's) confirms them. Unconfirmed keys (the batch was
    extracted by another version) are left stale, so an ingest of the document extracts it again.
    """
    path = folder / "documents.parquet"
    if file_problem(path):
        return None
    docs = table_records(pq.read_table(path), Document)
    keys = tuple(document_key(d) for d in docs)
    if folder.name not in (batch_id_of(keys), batch_id_of(["compact", *keys])):
        keys = (STALE,) * len(docs)
    return BatchEntry(folder.name, tuple(d.id for d in docs), keys)


def _newest_corpus(store: Path) -> str:
    """The newest corpus generation whose tables are all intact ("" when none is)."""
    intact = [
        f
        for f in _folders(store / "corpus")
        if not any(file_problem(f / f"{t}.parquet") for t in CORPUS_TABLES)
    ]
    return max(intact, key=lambda f: (f.stat().st_mtime_ns, f.name)).name if intact else ""


def rebuild_manifest(store: Path, order: Sequence[str] = ()) -> Manifest:
    """A manifest naming the batch folders whose documents table reads (read whole: the one costly
    step). A folder with another table damaged is named too: its documents then keep their place.

    The order the batches were ingested in is lost with the manifest. Batches are placed by the
    first of their documents in ``order`` (an ingest's sources: the order the first ingest
    followed), then by folder time, which also decides which of two copies of a document is live.
    Ingest errors and the corpus tables' coverage are lost: the next ingest's refresh recomputes them.
    """
    rank = {d: i for i, d in enumerate(order)}
    folders = sorted(_batch_folders(store), key=lambda f: (f.stat().st_mtime_ns, f.name))
    entries = [e for e in (_folder_entry(f) for f in folders) if e is not None]
    entries.sort(key=lambda e: min((rank.get(d, len(rank)) for d in e.docs), default=len(rank)))
    return Manifest(batches=tuple(entries), corpus=_newest_corpus(store))


def without(manifest: Manifest, docs: Collection[str]) -> Manifest:
    """The manifest with ``docs`` taken out of every batch (a batch left empty goes too)."""
    gone = set(docs)
    if not gone:
        return manifest
    batches = []
    for b in manifest.batches:
        kept = [(d, k) for d, k in zip(b.docs, b.keys, strict=True) if d not in gone]
        if kept:
            batches.append(BatchEntry(b.id, tuple(d for d, _ in kept), tuple(k for _, k in kept)))
    return replace(manifest, batches=tuple(batches))


def _stale(manifest: Manifest, batches: Collection[str]) -> Manifest:
    """The damaged batches' entries renamed and their keys made stale (see REPAIRED)."""
    return replace(
        manifest,
        batches=tuple(
            BatchEntry(b.id if b.id.endswith(REPAIRED) else b.id + REPAIRED, b.docs, (STALE,) * len(b.docs))
            if b.id in batches
            else b
            for b in manifest.batches
        ),
    )


@dataclass(frozen=True)
class Lost:
    doc: str
    path: str  # the source file it was read from ("" when its documents table is gone too)


@dataclass(frozen=True)
class Repair:
    report: StoreReport
    redo: tuple[str, ...] = ()  # documents of damaged batches, extracted again from the sources
    lost: tuple[Lost, ...] = ()  # documents of damaged batches the sources do not hold
    rebuilt: int = -1  # when the manifest was rebuilt: the batches it names

    def lines(self) -> list[str]:
        """What was found and done, for the ingest's stderr (empty when the store was healthy)."""
        damaged = set(self.report.damaged_batches)
        index = [
            f"search index rebuilt from the sentences: {b}"
            for b in self.report.index_batches
            if b not in damaged
        ]
        if self.report.ok:
            return index
        out = [f"damaged store {self.report.store}: {p.line()}" for p in self.report.problems]
        if self.rebuilt == 0:
            out.append("no batch folder could be read: the store is reset and built again from the sources")
        elif self.rebuilt > 0:
            out.append(f"manifest rebuilt from {self.rebuilt} batch folder(s)")
        if self.redo:
            out.append(f"extracting again: {', '.join(self.redo)}")
        out += [
            f"lost (not among the sources): {x.doc}{f' from {x.path}' if x.path else ''}" for x in self.lost
        ]
        if self.report.corpus_damaged:
            out.append(f"recomputing the corpus tables ({', '.join(self.report.corpus_damaged)} damaged)")
        return out + index


def _source_paths(store: Path, batches: Iterable[str]) -> dict[str, str]:
    """Document id -> source path, from the damaged batches' documents tables that still read."""
    found: dict[str, str] = {}
    for batch in batches:
        path = store / "batches" / batch / "documents.parquet"
        try:
            table = pq.read_table(path, columns=["id", "path"])
        except (OSError, ValueError, pa.ArrowException):
            continue
        found.update(zip(table.column("id").to_pylist(), table.column("path").to_pylist(), strict=True))
    return found


def repair_store(store: Path, sources: Sequence[Document]) -> Repair:
    """Make a damaged store readable before an ingest of ``sources`` plans its batches.

    Raises StoreFormatError for a store of another format (there is nothing to repair).
    """
    report = check_store(store, [d.id for d in sources])
    repair_index(store, report)
    if report.ok:
        return Repair(report)
    damaged = report.damaged_docs()
    wanted = {d.id for d in sources}
    paths = _source_paths(store, report.damaged_batches)
    lost = tuple(Lost(d, paths.get(d, "")) for d in damaged if d not in wanted)
    manifest = _stale(without(report.manifest, [x.doc for x in lost]), report.damaged_batches)
    if report.corpus_damaged or report.manifest_damaged:
        manifest = _drop_corpus(store, manifest)
    write_manifest(store, manifest)
    rebuilt = len(manifest.batches) if report.manifest_damaged else -1
    return Repair(report, tuple(d for d in damaged if d in wanted), lost, rebuilt)


def repair_index(store: Path, report: StoreReport) -> None:
    """Rebuild the term index of the batches that lack a readable one, from their sentences (a
    batch whose sentences are damaged too is extracted again by the repair, index and all)."""
    damaged = set(report.damaged_batches)
    for batch in report.index_batches:
        if batch not in damaged:
            write_index(store / "batches" / batch)


def _drop_corpus(store: Path, manifest: Manifest) -> Manifest:
    """No corpus tables (every generation folder removed): the ingest's refresh recomputes them all."""
    shutil.rmtree(store / "corpus", ignore_errors=True)
    return replace(manifest, corpus="", covers=())


def damage_message(report: StoreReport) -> str:
    """What the dashboard says about a damaged store: the damage, what it shows, the repair."""
    shown = len(report.readable().live())
    if report.problems and all(p.kind == "other-version" for p in report.problems):
        # nothing is broken: the store predates columns this version reads (a week-old store)
        return (
            f"The store {report.store} was written by an older version of Triangulate: "
            f"{len(report.problems)} of its files lack columns this version reads. Shown: the {shown} "
            f"document(s) written since. Bring it up to date with `python -m lib ingest SOURCES --store "
            f"{report.store}` (SOURCES: the files or folders it was built from; their documents are "
            f"extracted again); `python -m lib check --store {report.store}` lists the files."
        )
    damage = "; ".join(p.line() for p in report.problems[:5])
    more = f" (and {len(report.problems) - 5} more)" if len(report.problems) > 5 else ""
    return (
        f"The store {report.store} is damaged: {damage}{more}. Shown: the {shown} document(s) "
        f"that can still be read. Repair it with `python -m lib ingest SOURCES --store {report.store}` "
        "(SOURCES: the files or folders it was built from); "
        f"`python -m lib check --store {report.store}` lists the damage."
    )


def unreadable_message(store: Path, err: Exception) -> str:
    """What the dashboard says when reading fails in spite of the check (a damaged data page)."""
    reason = str(err).splitlines()[0][:300] if str(err) else type(err).__name__
    return (
        f"The store {store} could not be read: {reason}. Repair it with "
        f"`python -m lib ingest SOURCES --store {store}` (SOURCES: the files or folders it was built "
        f"from); `python -m lib check --store {store}` lists the damage it can see."
    )
