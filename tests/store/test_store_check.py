"""The store checks itself: each kind of damage is (a) reported by the check, (b) repaired by an
ingest of the same sources into the store an undamaged ingest gives (or the lost documents
named when the sources lack them), (c) shown on the pages as a message, not a traceback."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from dashboard_fixtures import documents
from streamlit.testing.v1 import AppTest

from lib.__main__ import main
from lib.read.ingest import load_corpus
from lib.records import Analysis
from lib.store.check import check_store
from lib.store.parallel import IngestReport, ingest_corpus
from lib.store.parquet import MANIFEST, read_analysis, read_manifest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the pages import the top-level ui module

import ui  # noqa: E402  (needs the path above)

FIRST, SECOND = (d.id for d in documents())  # one batch each (batch_size=1), FIRST's ingested first


def _batch(store: Path, doc: str = FIRST) -> Path:
    return store / "batches" / read_manifest(store).live()[doc]


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _corpus_table(store: Path, table: str) -> Path:
    return store / "corpus" / read_manifest(store).corpus / f"{table}.parquet"


def _older_version(path: Path, column: str = "speaker_confidence") -> None:
    """The table as a version of the code before a column existed wrote it."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    pq.write_table(table.drop_columns([column]), path)


def _targets_without(path: Path, field: str = "name") -> None:
    """The quotes as a version of the code before a field of Target existed wrote them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    kind = table.schema.field("targets").type.value_type
    kept = pa.struct([kind.field(i) for i in range(kind.num_fields) if kind.field(i).name != field])
    rows = [[{k: t[k] for k in kept.names} for t in ts or ()] for ts in table.column("targets").to_pylist()]
    at = table.schema.get_field_index("targets")
    pq.write_table(table.set_column(at, "targets", pa.array(rows, pa.list_(kept))), path)


def _manifest_and_table(store: Path) -> None:
    _truncate(_batch(store) / "quotes.parquet")
    _truncate(store / MANIFEST)


A = (FIRST,)
# name -> (damage it, what the check reports: (kind, the documents it says are affected) each)
DAMAGE: dict[str, tuple[Callable[[Path], None], list[tuple[str, tuple[str, ...]]]]] = {
    "truncated-parquet": (lambda s: _truncate(_batch(s) / "quotes.parquet"), [("unreadable", A)]),
    "zero-byte-parquet": (lambda s: (_batch(s) / "mentions.parquet").write_bytes(b""), [("zero-byte", A)]),
    "deleted-documents": (lambda s: (_batch(s) / "documents.parquet").unlink(), [("missing", A)]),
    "deleted-other-table": (lambda s: (_batch(s) / "sentences.parquet").unlink(), [("missing", A)]),
    "older-version-table": (lambda s: _older_version(_batch(s) / "quotes.parquet"), [("other-version", A)]),
    # a folder written before the batches kept their name links (lib/store/links.py)
    "folder-without-links": (lambda s: (_batch(s) / "links.parquet").unlink(), [("other-version", A)]),
    # mentions whose raw_actor held the batch-settled actor (before the raw_unsettled mark)
    "settled-raw-actors": (
        lambda s: _older_version(_batch(s) / "mentions.parquet", "raw_unsettled"),
        [("other-version", A)],
    ),
    # statements' targets without a group's name (before issue #16's groups)
    "targets-of-an-older-version": (
        lambda s: _targets_without(_batch(s) / "quotes.parquet"),
        [("other-version", A)],
    ),
    "truncated-manifest": (lambda s: _truncate(s / MANIFEST), [("manifest-unreadable", ())]),
    "deleted-manifest": (lambda s: (s / MANIFEST).unlink(), [("manifest-missing", ())]),
    "deleted-batch-folder": (lambda s: shutil.rmtree(_batch(s)), [("folder-missing", A)]),
    "truncated-corpus-table": (lambda s: _truncate(_corpus_table(s, "events")), [("unreadable", ())]),
    "truncated-manifest-and-table": (_manifest_and_table, [("manifest-unreadable", ()), ("unreadable", A)]),
}


def _affected(damage: str) -> set[str]:
    return {d for _, docs in DAMAGE[damage][1] for d in docs}


BATCH_DAMAGE = [k for k in DAMAGE if _affected(k)]


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two hand-written reports of tests/dashboard_fixtures.py, one .jsonl file each."""
    folder = tmp_path_factory.mktemp("sources")
    for d in documents():
        row = {"id": d.id, "title": d.title, "source": d.source, "date": d.date, "text": d.text}
        (folder / f"{d.id}.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    return folder


def _ingest(paths: list[Path], store: Path) -> IngestReport:
    return ingest_corpus(load_corpus(paths), store, batch_size=1)


@pytest.fixture(scope="module")
def clean(sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("clean") / "store"
    _ingest([sources / f"{FIRST}.jsonl", sources / f"{SECOND}.jsonl"], store)
    return store


def _read(store: Path) -> Analysis:
    """What the store holds. ``parsed`` counts the files the last ingest parsed afresh (not read
    from the parse cache), which says nothing of the store: left out."""
    analysis = read_analysis(store)
    return replace(analysis, corpus=replace(analysis.corpus, parsed=0))


def _damaged(clean: Path, tmp_path: Path, damage: str) -> Path:
    store = tmp_path / "store"
    shutil.copytree(clean, store)
    DAMAGE[damage][0](store)
    return store


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_the_check_reports_the_damage(damage: str, clean: Path, tmp_path: Path) -> None:
    assert check_store(clean).ok
    report = check_store(_damaged(clean, tmp_path, damage))
    assert not report.ok
    assert [(p.kind, p.docs) for p in report.problems] == DAMAGE[damage][1]


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_ingest_of_the_same_sources_repairs_the_store(
    damage: str, clean: Path, sources: Path, tmp_path: Path
) -> None:
    store = _damaged(clean, tmp_path, damage)
    report = _ingest([sources / f"{FIRST}.jsonl", sources / f"{SECOND}.jsonl"], store)
    assert check_store(store).ok
    repaired, undamaged = _read(store), _read(clean)
    assert [d.id for d in repaired.documents] == [d.id for d in undamaged.documents]  # in the same order
    assert repaired == undamaged
    assert report.repair is not None and not report.repair.lost and report.repair.lines()
    assert report.documents == len(_affected(damage))  # a damaged batch's documents extracted again


@pytest.mark.parametrize("damage", BATCH_DAMAGE)
def test_ingest_without_the_sources_names_the_lost_documents(
    damage: str, clean: Path, sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _damaged(clean, tmp_path, damage)
    assert main(["ingest", str(sources / f"{SECOND}.jsonl"), "--store", str(store)]) == 1
    err = capsys.readouterr().err
    # the source path is known while the batch's documents table still reads
    known = damage not in ("deleted-documents", "deleted-batch-folder")
    where = f" from {sources / f'{FIRST}.jsonl'}" if known else ""
    assert f"lost (not among the sources): {FIRST}{where}\n" in err
    assert check_store(store).ok
    assert [d.id for d in read_analysis(store).documents] == [SECOND]


@pytest.mark.parametrize("damage", ["healthy", *DAMAGE])
def test_check_command_exit_code_and_json(
    damage: str, clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = clean if damage == "healthy" else _damaged(clean, tmp_path, damage)
    assert main(["check", "--store", str(store)]) == (0 if damage == "healthy" else 1)
    capsys.readouterr()
    main(["check", "--store", str(store), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] == (damage == "healthy")
    assert [p["kind"] for p in out["problems"]] == [k for k, _ in DAMAGE.get(damage, (None, []))[1]]


def test_check_of_no_store_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--store", str(tmp_path / "nowhere")]) == 1
    assert "holds no store" in capsys.readouterr().out


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    for cache in (ui.reads.cached_index, ui.reads.cached_slice):
        cache.clear()
    yield
    for cache in (ui.reads.cached_index, ui.reads.cached_slice):
        cache.clear()


PAGES = {"": "dashboard.py", "Timeline": "pages/1_Timeline.py", "Reader": "pages/4_Reader.py"}


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.usefixtures("fresh_caches")
def test_a_page_on_a_damaged_store_says_how_to_repair_it(
    damage: str, page: str, clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _damaged(clean, tmp_path, damage)
    monkeypatch.delenv(ui.state.DATA_ENV, raising=False)
    monkeypatch.setenv(ui.state.STORE_ENV, str(store))
    at = AppTest.from_file(str(ROOT / PAGES[page]), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(str(m.value) for m in at.error)
    assert f"python -m lib ingest SOURCES --store {store}" in said
    # a store of an older version is out of date, not damaged: the message says which
    assert ("older version of Triangulate" in said) == (DAMAGE[damage][1][0][0] == "other-version"), said
    assert ("is damaged" in said) != (DAMAGE[damage][1][0][0] == "other-version"), said
    if page == "":  # what still reads is shown: the documents of intact batches
        assert at.metric[0].value == str(2 - len(_affected(damage)))


@pytest.mark.usefixtures("fresh_caches")
def test_a_read_failing_in_spite_of_the_check_is_a_message(
    clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage inside a file whose footer is intact passes the check; reading it then fails."""
    import duckdb

    def failing(store: Path) -> None:
        raise duckdb.IOException("Invalid Input Error: corrupt page")

    monkeypatch.setattr(ui.reads, "store_index", failing)
    monkeypatch.setenv(ui.state.STORE_ENV, str(clean))
    at = AppTest.from_file(str(ROOT / PAGES[""]), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(str(m.value) for m in at.error)
    assert "corrupt page" in said and f"python -m lib ingest SOURCES --store {clean}" in said
