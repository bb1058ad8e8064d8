"""Every input problem is reported for its file and never stops the others (issue #13 item 2).

Each class of hostile file (tools/hostile.py) among good reports: the good ones load, the bad one
is reported by name with its reason, and nothing hangs (a FIFO blocks any reader that opens it).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

import lib.extract.pipeline
from lib.extract.pipeline import analyze_corpus
from lib.read.cache import cache_key
from lib.read.ingest import load_bytes, load_corpus
from lib.records import Corpus
from lib.text.nlp import load_nlp, segments
from tools import hostile

T = TypeVar("T")
GUARD_SECONDS = 60

# Short reports written for these tests.
TEXTS = [
    "Dock workers in Marlow ended a four-day strike on Tuesday, their union said.",
    "The mayor of Eastfield met farmers on Monday to discuss the new water rules.",
    "“We need the bridge open by winter,” a council spokeswoman told reporters.",
]


def _guarded(call: Callable[[], T], seconds: float = GUARD_SECONDS) -> T:
    """call(), failing the test instead of hanging when it blocks (on a FIFO, say)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)  # a blocked daemon never holds pytest up
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: something blocked"
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value


@pytest.fixture
def small_max_length(monkeypatch: pytest.MonkeyPatch) -> int:
    """spaCy's nlp.max_length lowered to 20,000: a 25,000-character text then stands for a
    1,000,001-character one (error E088 when passed whole) at a fraction of the parse time."""
    monkeypatch.setattr(load_nlp(), "max_length", 20_000)
    return 20_000


def _check(folder: Path, bad: dict[str, str], corpus: Corpus) -> None:
    errors = [(e.path, e.reason) for e in corpus.errors]
    assert hostile.mismatches(folder, bad, [d.path for d in corpus.documents], errors) == []


CLASSES = [
    pytest.param(write, id=write.__name__.lstrip("_"))
    for write in hostile.HOSTILE
    if write is not hostile._long_unbroken  # parsed in test_long_unbroken_text_loads_in_pieces
]


@pytest.mark.parametrize("write", CLASSES)
def test_each_hostile_file_is_reported_among_good_ones(write: hostile.Hostile, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    hostile._good(folder, 0, TEXTS[0])
    name, reason = write(folder, 1, TEXTS[1])
    hostile._good(folder, 2, TEXTS[2])
    bad = {} if reason is None else {name: reason}
    corpus = _guarded(lambda: load_corpus([folder], cache_dir=tmp_path / "cache"))
    _check(folder, bad, corpus)
    assert all(json.dumps(e.path, ensure_ascii=False).encode() for e in corpus.errors)  # printable


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(lambda p: os.mkfifo(p), "named pipe", id="fifo"),
        pytest.param(lambda p: os.symlink(p.name, p), "symbolic link loop", id="loop"),
        pytest.param(lambda p: os.symlink("gone.txt", p), "broken symbolic link", id="broken-link"),
        pytest.param(lambda p: None, "no such file or folder", id="missing"),
    ],
)
def test_a_hostile_path_given_by_name_is_reported(
    make: Callable[[Path], None], words: str, tmp_path: Path
) -> None:
    path = tmp_path / "named.txt"
    make(path)
    (tmp_path / "ok.txt").write_text(TEXTS[0], encoding="utf-8")
    corpus = _guarded(lambda: load_corpus([path, tmp_path / "ok.txt"], cache_dir=None))
    assert [d.id for d in corpus.documents] == ["ok"]
    assert [(e.path, words in e.reason) for e in corpus.errors] == [(str(path), True)], corpus.errors


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file and folder")
def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "ok.txt").write_text(TEXTS[1], encoding="utf-8")
    locked.chmod(0)
    try:
        corpus = load_corpus([tmp_path], cache_dir=None)
    finally:
        locked.chmod(0o755)
    assert [d.id for d in corpus.documents] == ["ok"]
    assert corpus.errors[0].path == str(locked) and "cannot read the folder" in corpus.errors[0].reason


def test_any_file_name_makes_a_cache_key() -> None:
    names = ["bad\udcff.txt", "lone\ud800.txt", "plain.txt"]
    assert len({cache_key("v", name, b"same") for name in names}) == 3


@pytest.mark.parametrize(
    ("name", "data", "ids", "reason"),
    [
        pytest.param("bad\udcff.txt", TEXTS[0].encode(), ["bad\\xff"], None, id="name-not-utf8"),
        pytest.param("zw.txt", "\u200b\ufeff\u2060 \n\u200b".encode(), [], "no visible text", id="invisible"),
        pytest.param(
            "zw.md", "---\ntitle: x\n---\n\u200b\u3164".encode(), [], "no visible text", id="invisible-md"
        ),
        pytest.param("s.json", b'{"text": "Talks \\ud800 resumed."}', ["s"], None, id="surrogate-json"),
        pytest.param(
            "s.jsonl", b'{"text": "\\udc00"}\n{"text": "Talks resumed."}\n', ["s-2"], "line 1", id="jsonl"
        ),
        pytest.param(
            "s.md", b'---\ntitle: "T \\ud800"\n---\nTalks resumed.', ["s"], None, id="surrogate-yaml"
        ),
    ],
)
def test_uploads_of_hostile_bytes(name: str, data: bytes, ids: list[str], reason: str | None) -> None:
    docs, errors = load_bytes(name, data)
    assert [d.id for d in docs] == ids
    assert [reason in e.reason for e in errors] == ([] if reason is None else [True]), errors
    for value in [d.text for d in docs] + [d.title for d in docs] + [e.path for e in errors]:
        value.encode("utf-8")  # no lone surrogate is left for an encoder, Arrow or spaCy to choke on


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("words but no sentence end " * 40_000, id="words"),
        pytest.param("a line without a full stop\n" * 40_000, id="lines"),
        pytest.param("x" * 1_000_001, id="no-whitespace"),
    ],
)
def test_long_unbroken_text_is_cut_below_max_length(text: str) -> None:
    pieces = segments(text)
    assert "".join(pieces) == text
    assert max(map(len, pieces)) < load_nlp().max_length


def test_long_unbroken_text_loads_in_pieces(tmp_path: Path, small_max_length: int) -> None:
    """One upload and one file of 25,000 characters without a sentence end (over the lowered
    max_length): both analysed, every sentence's span pointing at its own text."""
    name, _ = hostile._long_unbroken(tmp_path, 1, TEXTS[0], chars=25_000)
    upload, errors = load_bytes("upload.txt", (tmp_path / name).read_bytes())
    corpus = load_corpus([tmp_path], cache_dir=None)
    analysis = analyze_corpus(Corpus(corpus.documents + tuple(upload), corpus.errors + tuple(errors)))
    assert [d.id for d in analysis.documents] == ["long-00001", "upload"] and not analysis.corpus.errors
    text = analysis.documents[0].text
    assert len(text) > small_max_length
    spans = [s for s in analysis.sentences if s.doc_id == "long-00001"]
    assert spans and all(text[s.start : s.end] == s.text for s in spans)
    assert spans[-1].end == len(text)


def _crash_on_marker(monkeypatch: pytest.MonkeyPatch) -> None:
    real = lib.extract.pipeline.numbers.extract_numbers

    def crash(doc: Any, sdoc: Any) -> Any:
        if "MARKER" in doc.text:
            raise ValueError("odd document")
        return real(doc, sdoc)

    monkeypatch.setattr(lib.extract.pipeline.numbers, "extract_numbers", crash)


def test_an_extraction_crash_is_reported_for_its_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _crash_on_marker(monkeypatch)
    for i, text in enumerate([TEXTS[0], "MARKER " + TEXTS[1], TEXTS[2]]):
        (tmp_path / f"r{i}.txt").write_text(text, encoding="utf-8")
    analysis = analyze_corpus(load_corpus([tmp_path], cache_dir=None))
    assert [d.id for d in analysis.documents] == ["r0", "r2"]
    assert {s.doc_id for s in analysis.sentences} == {"r0", "r2"}
    [error] = analysis.corpus.errors
    assert error.path == str(tmp_path / "r1.txt")
    assert error.reason == "document 'r1' could not be analysed (ValueError: odd document)"


def test_an_extraction_crash_in_ingest_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lib.store.parallel import ingest_corpus
    from lib.store.parquet import read_manifest

    _crash_on_marker(monkeypatch)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i, text in enumerate([TEXTS[0], "MARKER " + TEXTS[1], TEXTS[2]]):
        (folder / f"r{i}.txt").write_text(text, encoding="utf-8")
    report = ingest_corpus(load_corpus([folder], cache_dir=None), tmp_path / "store")
    manifest = read_manifest(tmp_path / "store")
    assert report.documents == 2 and sorted(manifest.live()) == ["r0", "r2"]
    assert [e.path for e in manifest.errors] == [str(folder / "r1.txt")]
    assert "could not be analysed (ValueError: odd document)" in manifest.errors[0].reason


def test_cli_analyze_on_a_hostile_folder(
    tmp_path: Path, small_max_length: int, capsys: pytest.CaptureFixture[str]
) -> None:
    from lib.__main__ import main

    folder = tmp_path / "hostile"
    bad = hostile.write_hostile_corpus(folder, 30, TEXTS, long_chars=25_000)
    assert len(bad) >= 7
    argv = ["analyze", str(folder), "--json", "--cache-dir", str(tmp_path / "cache")]
    assert _guarded(lambda: main(argv)) == 0
    out = json.loads(capsys.readouterr().out)
    errors = [(e["path"], e["reason"]) for e in out["errors"]]
    assert hostile.mismatches(folder, bad, [d["path"] for d in out["documents"]], errors) == []
    assert len(out["documents"]) == len(hostile.good_names(folder, bad))
