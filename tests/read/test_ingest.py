"""lib/read/ingest.py (with lib/read/formats.py): every format, bad input, ids, the seed corpus and the
CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import lib.read.formats
from lib.read.formats import decode, read_txt, repair
from lib.read.ingest import MAX_FILE_BYTES, MAX_FILE_MB, load_bytes, load_corpus
from lib.records import Document

DATA = Path(__file__).resolve().parents[2] / "data"

ARTICLE = (
    "title: Ministers meet in Vienna\n"
    "source: Example Wire\n"
    "date: 2023-03-04\n"
    "url: https://news.example.org/vienna\n"
    "translated_from: de\n"
    "\n"
    "Foreign ministers met in Vienna on Friday to discuss a ceasefire, officials said.\n\n"
    "“We are ready to talk,” the Austrian minister told reporters after the meeting.\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>Port reopens after storm | Coastal Herald</title>
<meta property="og:title" content="Port reopens after storm">
<meta property="og:site_name" content="Coastal Herald">
<meta property="article:published_time" content="2023-05-02T08:00:00Z">
<link rel="canonical" href="https://www.coastalherald.example/news/port-reopens">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Port reopens after storm</h1>
<p>The harbour authority reopened the port on Tuesday after a storm closed it for three days,
its director said in a statement released in the morning.</p>
<p>“Ships can enter again, but pilots will guide every vessel until the channel is surveyed,”
the director said, adding that damage to the northern pier was limited.</p>
<figure><img src="pier.jpg" alt="pier"><figcaption>In this photo provided by the harbour authority,
a crane lifts debris. © Sam Reed/AP</figcaption></figure>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The port is open again. Thanks to every crew
who worked through the weekend.</p>&mdash; Harbour Authority (@harbourauth)
<a href="https://twitter.com/harbourauth/status/1">May 2, 2023</a></blockquote>
<p>Fishermen said they had lost several days of work and asked the city for support.</p>
<p>Reporting by Sam Reed; Editing by Lee Park</p>
</article>
<aside>Most read: Local team wins the cup</aside>
<footer>© 2023 Coastal Herald. All rights reserved.</footer>
</body></html>
"""


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _by_id(docs: Any) -> dict[str, Document]:
    return {d.id: d for d in docs}


# --- the seed corpus -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    return _by_id(load_corpus([DATA], cache_dir=tmp_path_factory.mktemp("cache")).documents)


def test_seed_documents_match_gold(seeds: dict[str, Document], seed_gold: dict[str, Any]) -> None:
    assert sorted(seeds) == sorted(seed_gold["documents"])
    for doc_id, spec in seed_gold["documents"].items():
        doc = seeds[doc_id]
        assert (doc.date, doc.date_basis, doc.language) == (
            str(spec["date"]),
            spec["date_basis"],
            spec["language"],
        )
        if header := spec.get("header_to_strip"):
            assert header not in doc.text


def test_seed_header_is_removed_and_offsets_hold(seeds: dict[str, Document]) -> None:
    doc = seeds["seed-000"]
    assert doc.text.startswith("“NATO has delivered")
    assert doc.text == doc.text.strip()
    assert all(doc.text[b.start : b.end].strip() == doc.text[b.start : b.end] for b in doc.blocks)
    assert seeds["seed-001"].path.endswith("seed-001.txt")


def test_cli_analyze_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lib.__main__ import main  # imports every extractor: keep the other tests independent of them

    assert main(["analyze", str(DATA), "--json", "--cache-dir", str(tmp_path)]) == 0
    out = json.loads(capsys.readouterr().out)
    docs = {d["id"]: d for d in out["documents"]}
    assert sorted(docs) == ["seed-000", "seed-001"]
    assert (docs["seed-000"]["date"], docs["seed-000"]["date_basis"]) == ("2022-01-27", "header")
    assert (docs["seed-001"]["date"], docs["seed-001"]["date_basis"]) == ("2022-01-26", "inferred")
    assert docs["seed-000"]["text"].startswith("“NATO")
    assert out["errors"] == []


# --- formats ---------------------------------------------------------------------------


def test_txt_with_header(tmp_path: Path) -> None:
    corpus = load_corpus([_write(tmp_path, "vienna.txt", ARTICLE)], cache_dir=tmp_path / "c")
    (doc,) = corpus.documents
    assert (doc.id, doc.title, doc.source, doc.date, doc.date_basis) == (
        "vienna",
        "Ministers meet in Vienna",
        "Example Wire",
        "2023-03-04",
        "header",
    )
    assert (doc.url, doc.translated_from, doc.language) == ("https://news.example.org/vienna", "de", "en")
    assert doc.text.startswith("Foreign ministers met") and "title:" not in doc.text


@pytest.mark.parametrize(
    ("raw", "meta", "body_start"),
    [
        ("title: T\ndate: 2021-05-06\n\nBody.", {"title": "T", "date": "2021-05-06"}, "Body."),
        ("Date: 2021-05-06\n\nBody.", {"date": "2021-05-06"}, "Body."),
        ("\nsource: Wire \n   \nBody.", {"source": "Wire"}, "Body."),
        (" date 2022-01-27 “Quoted,” he said.", {"date": "2022-01-27"}, "“Quoted,”"),
        # NEGATIVE: a colon line that is prose or a sub-heading, not a header
        ("Minister: “No deal”\n\nBody.", {}, "Minister:"),
        ("title: T\nThe body starts without a blank line.", {}, "title: T"),
        ("author: Ann\ntitle: T\n\nBody.", {}, "author: Ann"),
        ("title: T\n\n", {"title": "T"}, ""),
        ("The date 2022-01-27 is in the text.", {}, "The date"),
    ],
)
def test_txt_header_parsing(raw: str, meta: dict[str, str], body_start: str) -> None:
    if not body_start:
        with pytest.raises(Exception, match="no text"):
            read_txt(raw, "x")
        return
    (draft,), _ = read_txt(raw, "x")
    assert dict(draft.meta) == meta
    assert draft.text.startswith(body_start)


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    md = (
        "---\ntitle: Grain deal extended\nsource: Harbour Times\ndate: 2023-07-17\n"
        "url: https://harbour.example/grain\nlanguage: en\n---\n\n"
        "# Grain deal extended\n\nThe deal was **extended** for [two months](https://x.example), "
        "officials *said* on Monday.\n"
    )
    (doc,) = load_corpus([_write(tmp_path, "grain.md", md)], cache_dir=tmp_path / "c").documents
    assert (doc.id, doc.title, doc.source, doc.date, doc.date_basis, doc.url) == (
        "grain",
        "Grain deal extended",
        "Harbour Times",
        "2023-07-17",
        "metadata",
        "https://harbour.example/grain",
    )
    assert (
        doc.text == "Grain deal extended\n\nThe deal was extended for two months, officials said on Monday."
    )
    assert [b.kind for b in doc.blocks] == ["heading", "body"]


def test_json_keeps_text_exactly(tmp_path: Path) -> None:
    text = "“Line one,” she said.\r\n\r\nLine  two — naïve café\u00a0100 km.\n"
    obj = {"id": "j1", "title": "T", "source": "S", "date": "2023-01-02", "url": "u", "text": text}
    (doc,) = load_corpus([_write(tmp_path, "one.json", json.dumps(obj))], cache_dir=tmp_path / "c").documents
    assert doc.text == text
    assert (doc.id, doc.title, doc.source, doc.date, doc.date_basis, doc.url) == (
        "j1",
        "T",
        "S",
        "2023-01-02",
        "metadata",
        "u",
    )


def test_jsonl_ids_and_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "title": "A", "text": "First report, filed on May 1, 2023."}),
        "{broken",
        json.dumps({"title": "No id", "source": "Wire", "text": "Second report."}),
        json.dumps({"id": "c", "title": "No text"}),
        "",
        json.dumps({"id": "a", "text": "Same id again."}),
    ]
    corpus = load_corpus([_write(tmp_path, "batch.jsonl", "\n".join(lines))], cache_dir=tmp_path / "c")
    assert [d.id for d in corpus.documents] == ["a", "batch-3", "a-2"]
    assert corpus.documents[0].date_basis == "inferred" and corpus.documents[0].date == "2023-05-01"
    assert corpus.documents[1].date_basis == "unknown" and corpus.documents[1].date is None
    reasons = [e.reason for e in corpus.errors]
    assert any(r.startswith("line 2: broken JSON") for r in reasons)
    assert 'line 4: no "text" string' in reasons


def test_a_link_to_another_story_dates_no_report(tmp_path: Path) -> None:
    """A date in a credit block (a link to an old video, a byline) is not the report's; one in
    its prose still dates it."""
    link = "WATCH (Aired March 3, 2011): The old pier is torn down"
    lines = [
        json.dumps({"id": "a", "text": f"The pier reopened on Monday.\n\n{link}\n\nCrowds came."}),
        json.dumps({"id": "b", "text": f"The pier reopened on May 2, 2023.\n\n{link}"}),
    ]
    corpus = load_corpus([_write(tmp_path, "piers.jsonl", "\n".join(lines))], cache_dir=tmp_path / "c")
    dated = {d.id: (d.date, d.date_basis) for d in corpus.documents}
    assert dated == {"a": (None, "unknown"), "b": ("2023-05-02", "inferred")}


def test_html_by_trafilatura(tmp_path: Path) -> None:
    (doc,) = load_corpus([_write(tmp_path, "port.html", HTML_PAGE)], cache_dir=tmp_path / "c").documents
    assert doc.title == "Port reopens after storm"
    assert doc.source == "Coastal Herald"
    assert (doc.date, doc.date_basis) == ("2023-05-02", "metadata")
    assert doc.url == "https://www.coastalherald.example/news/port-reopens"
    assert "Ships can enter again" in doc.text
    for boilerplate in ("Most read", "All rights reserved", "Sport", "<p>"):
        assert boilerplate not in doc.text
    kinds = {doc.text[b.start : b.end][:20]: b.kind for b in doc.blocks}
    assert kinds["The port is open aga"] == "embedded_post"
    assert kinds["Reporting by Sam Ree"] == "credit"
    assert kinds["Fishermen said they "] == "body"
    assert "Sam Reed/AP" not in doc.text or kinds["In this photo provid"] == "caption"


def test_load_bytes_uses_the_same_readers() -> None:
    docs, errors = load_bytes("upload.txt", ARTICLE.encode())
    assert [d.id for d in docs] == ["upload"] and docs[0].path == "upload.txt" and errors == []
    docs, errors = load_bytes("upload.pdf", b"%PDF-1.7 ...")
    assert docs == [] and "unsupported file type '.pdf'" in errors[0].reason
    docs, errors = load_bytes("big.txt", b"a" * (MAX_FILE_BYTES + 1))
    assert docs == [] and "too large" in errors[0].reason


def test_streamlit_refuses_what_ingest_would_refuse() -> None:
    """Streamlit's upload limit is the code's: a larger file would be held in the server's memory
    only to be refused (200 MB by default: a 150 MB upload kept ~130 MB for the session)."""
    import tomllib

    config = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == MAX_FILE_MB
    assert MAX_FILE_MB * 1024 * 1024 == MAX_FILE_BYTES  # Streamlit's megabyte is 2**20 bytes


# --- bad input ---------------------------------------------------------------------------


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    _write(folder, "good.txt", ARTICLE)
    _write(folder, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _write(folder, "blob.txt", b"abc\x00\x01\x02def" * 10)
    _write(folder, "empty.txt", b"")
    _write(folder, "blank.md", b"  \n\n ")
    latin = "The café owner in São Paulo said the naïve plan would fail, the président added."
    _write(folder, "sub/latin.txt", latin.encode("latin-1"))
    _write(folder, "broken.json", '{"title": "x", "text": "unterminated}')
    _write(folder, "bad.md", "---\ntitle: [unclosed\n---\n\nBody text.")
    _write(folder, "slides.pptx", b"PK\x03\x04rest")
    _write(folder, ".hidden.txt", "hidden files are skipped")
    _write(folder, "README.md", "# About this folder")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: 50 MB on paper, nothing written
    return folder


def test_bad_files_are_reported_and_skipped(messy_folder: Path, tmp_path: Path) -> None:
    corpus = load_corpus([messy_folder, tmp_path / "missing"], cache_dir=tmp_path / "c")
    assert [d.id for d in corpus.documents] == ["good", "latin"]
    assert "São Paulo" in corpus.documents[1].text and "naïve" in corpus.documents[1].text
    reasons = {Path(e.path).name: e.reason for e in corpus.errors}
    expected = {
        "photo.txt": "binary file (a PNG image)",
        "blob.txt": "binary file",
        "empty.txt": "empty file",
        "blank.md": "empty file",
        "broken.json": "broken JSON",
        "bad.md": "front matter is not valid YAML",
        "slides.pptx": "unsupported file type '.pptx'",
        "huge.txt": "too large (50.0 MB",
        "missing": "no such file or folder",
    }
    assert set(reasons) == set(expected)
    for name, reason in expected.items():
        assert reason in reasons[name], (name, reasons[name])


def test_huge_file_is_never_read(messy_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self.name != "huge.txt", "the oversized file was read"
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    corpus = load_corpus([messy_folder / "huge.txt"], cache_dir=tmp_path / "c")
    assert corpus.documents == () and "too large" in corpus.errors[0].reason


def test_cli_exits_zero_on_messy_folder(
    messy_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lib.__main__ import main

    assert main(["analyze", str(messy_folder), "--json", "--cache-dir", str(tmp_path / "c")]) == 0
    captured = capsys.readouterr()
    assert [d["id"] for d in json.loads(captured.out)["documents"]] == ["good", "latin"]
    assert "huge.txt: too large" in captured.err


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CafÃ© in SÃ£o Paulo", "Café in São Paulo"),
        ("â€œHelloâ€\x9d he said", "“Hello” he said"),
        # NEGATIVE: valid text is never touched (curly quotes stay curly)
        ("“NATO” – Grushkó «ok» don’t", "“NATO” – Grushkó «ok» don’t"),
        ("naïve café\r\nnext line", "naïve café\r\nnext line"),
        ("SÃO PAULO – AÇÃO", "SÃO PAULO – AÇÃO"),
        ("Zürich, Łódź, Москва, l’été « oui »", "Zürich, Łódź, Москва, l’été « oui »"),
    ],
)
def test_repair_fixes_only_mojibake(raw: str, expected: str) -> None:
    assert repair(raw) == expected


def test_mojibake_file_is_repaired(tmp_path: Path) -> None:
    path = _write(tmp_path, "moji.txt", "The cafÃ© in SÃ£o Paulo reopened on Monday.")
    (doc,) = load_corpus([path], cache_dir=tmp_path / "c").documents
    assert doc.text == "The café in São Paulo reopened on Monday."


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Grüße aus Köln".encode("utf-16"), "Grüße aus Köln"),
        ("\ufeffBOM text".encode(), "BOM text"),
        ("Une réunion à Genève, a déclaré le ministre français.".encode("cp1252"), "Une réunion à Genève"),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data).startswith(text)


def test_language_and_id_collisions(tmp_path: Path) -> None:
    spanish = "El ministro dijo el martes que las negociaciones continuarán la próxima semana en Viena."
    _write(tmp_path, "a/report.txt", spanish)
    _write(tmp_path, "b/report.txt", ARTICLE)
    _write(tmp_path, "b/report.json", json.dumps({"text": "Another report on the talks."}))
    corpus = load_corpus([tmp_path / "b", tmp_path / "a"], cache_dir=tmp_path / "c")
    assert [(d.id, d.language) for d in corpus.documents] == [
        ("report", "es"),
        ("report-2", "en"),
        ("report-3", "en"),
    ]
    assert [Path(d.path).parent.name for d in corpus.documents] == ["a", "b", "b"]


def test_same_file_named_twice_loads_once(tmp_path: Path) -> None:
    path = _write(tmp_path, "one.txt", ARTICLE)
    corpus = load_corpus([tmp_path, path], cache_dir=tmp_path / ".c")
    assert [d.id for d in corpus.documents] == ["one"]


def test_deeply_nested_json_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    _write(tmp_path, "ok.txt", ARTICLE)
    corpus = load_corpus([tmp_path], cache_dir=tmp_path / ".c")
    assert [d.id for d in corpus.documents] == ["ok"]
    assert "nested too deeply" in corpus.errors[0].reason


def test_a_reader_crash_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(text: str, stem: str) -> Any:
        raise IndexError("odd page")

    monkeypatch.setitem(lib.read.formats.READERS, ".html", crash)
    _write(tmp_path, "odd.html", HTML_PAGE)
    _write(tmp_path, "ok.txt", ARTICLE)
    corpus = load_corpus([tmp_path], cache_dir=tmp_path / ".c")
    assert [d.id for d in corpus.documents] == ["ok"]
    assert corpus.errors[0].reason == "could not be parsed (IndexError: odd page)"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a byline, a caption or a photo widget's label above the lead is not the title
        ("Jane Doe, The Associated Press\n\nThe port reopened on Monday.", "The port reopened on Monday."),
        (
            "Open this photo in gallery Ships wait outside the port. Tom Bell/The Coast Herald\n\n"
            "The port reopened on Monday after a week of storms.",
            "The port reopened on Monday after a week of storms.",
        ),
        # the lead's wire dateline is not the title's
        ("EASTPORT, Maine — The port reopened on Monday.", "The port reopened on Monday."),
        ("EASTPORT -- The port reopened on Monday.", "The port reopened on Monday."),
        ("EASTPORT (Wire) - The port reopened on Monday.", "The port reopened on Monday."),
        # abbreviations and initials end no sentence: the title runs on to the real end
        (
            "The U.S. navy said the port of Eastport would reopen on Jan. 4 after the storm. Ships came.",
            "The U.S. navy said the port of Eastport would reopen on Jan. 4 after the storm.",
        ),
        (
            "Dr. Ann Lee and Mr. Tom Bell of the harbour board said on Monday the port reopened. It did.",
            "Dr. Ann Lee and Mr. Tom Bell of the harbour board said on Monday the port reopened.",
        ),
        # no sentence end within reach: the first words
        (
            "the port of eastport reopened on monday after a week of storms that closed every road "
            "and rail line along the coast",
            "the port of eastport reopened on monday after a week of storms that closed every road and…",
        ),
        # only captions: the first one is all there is
        ("Ships wait in the port. (Tom Bell/Radio North)", "Ships wait in the port. (Tom Bell/Radio North)"),
    ],
)
def test_title_from_the_lead(text: str, title: str) -> None:
    docs, errors = load_bytes("report.txt", text.encode())
    assert errors == [] and docs[0].title == title
