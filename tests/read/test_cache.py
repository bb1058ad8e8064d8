"""lib/read/cache.py through load_corpus: unchanged files are never parsed twice, damage is rebuilt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lib.read.ingest
from lib.read.cache import ENV_VAR, FileParse, ParseCache, cache_key, default_cache_dir
from lib.read.ingest import load_corpus
from lib.records import Block, Document


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(3):
        (folder / f"r{n}.txt").write_text(
            f"title: Report {n}\n\nReport number {n} was filed.", encoding="utf-8"
        )
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "j", "text": "A line."}) + "\n{bad", encoding="utf-8"
    )
    return folder


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json"))


def test_second_run_parses_nothing(tmp_path: Path) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    first = load_corpus([folder], cache_dir=cache)
    second = load_corpus([folder], cache_dir=cache)
    assert (first.parsed, second.parsed) == (4, 0)
    assert second.documents == first.documents
    assert second.errors == first.errors  # a bad jsonl line is still reported from the cache
    assert len(_entries(cache)) == 4


def test_editing_one_file_reparses_only_it(tmp_path: Path) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    load_corpus([folder], cache_dir=cache)
    (folder / "r1.txt").write_text("title: Report 1, revised\n\nA corrected report.", encoding="utf-8")
    again = load_corpus([folder], cache_dir=cache)
    assert again.parsed == 1
    assert {d.id: d.title for d in again.documents}["r1"] == "Report 1, revised"


def test_moved_file_keeps_its_new_path(tmp_path: Path) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    load_corpus([folder], cache_dir=cache)
    moved = folder.rename(tmp_path / "moved")
    again = load_corpus([moved], cache_dir=cache)
    assert again.parsed == 0
    assert all(Path(d.path).parent == moved for d in again.documents)


@pytest.mark.parametrize(
    "damage",
    [
        "not json at all",
        "",
        "[]",
        '{"format": 1}',
        '{"format": 0, "key": "x", "parse": {"documents": [], "problems": []}}',  # stale layout
        '{"format": 1, "key": "KEY", "parse": {"documents": [{"id": 3}], "problems": []}}',
        '{"format": 1, "key": "KEY", "parse": {"documents": [], "problems": [1]}}',
    ],
)
def test_corrupt_or_stale_entry_is_rebuilt(tmp_path: Path, damage: str) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    first = load_corpus([folder], cache_dir=cache)
    for entry in _entries(cache):
        entry.write_text(damage.replace("KEY", entry.stem), encoding="utf-8")
    rebuilt = load_corpus([folder], cache_dir=cache)
    assert rebuilt.parsed == 4 and rebuilt.documents == first.documents
    assert load_corpus([folder], cache_dir=cache).parsed == 0  # and the rebuilt entries are good


def test_version_bump_reparses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, cache = _folder(tmp_path), tmp_path / "cache"
    load_corpus([folder], cache_dir=cache)
    monkeypatch.setattr(lib.read.ingest, "reading_version", lambda: "other code")
    assert load_corpus([folder], cache_dir=cache).parsed == 4


def test_unwritable_cache_dir_degrades_to_no_cache(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    runs = [load_corpus([folder], cache_dir=blocker / "cache") for _ in range(2)]
    assert [r.parsed for r in runs] == [4, 4]
    assert len(runs[0].documents) == 4


def test_write_failure_turns_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("lib.read.cache.os.replace", refuse)
    cache = ParseCache(tmp_path / "cache")
    cache.put("k", FileParse(()))
    assert cache.directory is None and list((tmp_path / "cache").iterdir()) == []  # no temp file left


def test_entry_round_trip_is_json(tmp_path: Path) -> None:
    doc = Document("d", "T", "S", None, "unknown", "en", "", "", "Body text.", (Block("body", 0, 10),), "es")
    cache = ParseCache(tmp_path)
    cache.put("k", FileParse((doc,), ("line 2: broken JSON",)))
    assert json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))["key"] == "k"
    assert cache.get("k") == FileParse((doc,), ("line 2: broken JSON",))
    assert cache.get("other") is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("1", "x.txt", b"abc"), ("1", "x.txt", b"abc"), True),
        (("1", "x.txt", b"abc"), ("1", "x.txt", b"abd"), False),  # content changed
        (("1", "x.txt", b"abc"), ("2", "x.txt", b"abc"), False),  # extractor version bumped
        (("1", "x.txt", b"abc"), ("1", "y.txt", b"abc"), False),  # id comes from the name
    ],
)
def test_cache_key(a: tuple[str, str, bytes], b: tuple[str, str, bytes], same: bool) -> None:
    assert (cache_key(*a) == cache_key(*b)) is same


def test_default_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert default_cache_dir() == tmp_path / ".cache" / "parse"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere"))
    assert default_cache_dir() == tmp_path / "elsewhere"
    folder = _folder(tmp_path)
    assert load_corpus([folder]).parsed == 4
    assert load_corpus([folder], cache_dir=None).parsed == 0
    assert len(_entries(tmp_path / "elsewhere")) == 4
