"""The CLI's JSON contract on the bundled corpus: every span points at its own text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lib.__main__ import main
from lib.records import Span
from tests.conftest import DATA


@pytest.fixture(scope="module")
def output() -> dict[str, Any]:
    from lib.extract.pipeline import analysis_dict, analyze_paths

    return analysis_dict(analyze_paths([DATA]))


@pytest.mark.parametrize("key", ["mentions", "quotes", "dates"])
def test_spans_point_into_document_text(output: dict[str, Any], key: str) -> None:
    texts = {d["id"]: d["text"] for d in output["documents"]}
    for rec in output[key]:
        assert texts[rec["doc_id"]][rec["start"] : rec["end"]] == rec["text"], rec


def test_every_referenced_actor_exists(output: dict[str, Any]) -> None:
    ids = {a["id"] for a in output["actors"]}
    assert {m["actor_id"] for m in output["mentions"]} <= ids
    assert {q["speaker_id"] for q in output["quotes"] if q["speaker_id"]} <= ids


def test_cli_prints_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(DATA), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in out["documents"]] == ["seed-000", "seed-001"]
    for key in ("errors", "actors", "mentions", "quotes", "dates", "events", "numbers", "positions"):
        assert isinstance(out[key], list)


def test_cli_fails_clearly_when_nothing_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.xyz").write_text("not a document")
    assert main(["analyze", str(tmp_path), "--json"]) != 0
    assert "no document" in capsys.readouterr().err


def test_compare_cli_prints_the_seed_discrepancies(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(DATA / "seed-000.txt"), str(DATA / "seed-001.txt"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"aligned", "only_a", "only_b", "discrepancies", "coverage"}
    numbers = [d for d in out["discrepancies"] if d["kind"] == "number"]
    assert [(d["a"]["text"], d["b"]["text"]) for d in numbers] == [
        ("over 100 thousand soldiers", "more than 10,000 soldiers")
    ]
    assert "jens-stoltenberg" in out["coverage"]["both"]


def test_compare_cli_refuses_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(DATA), str(DATA / "seed-001.txt")]) != 0
    assert "two files" in capsys.readouterr().err


def test_fragments_of_punctuation_and_brackets_do_not_break_the_analysis() -> None:
    """Lone marks, brackets and titles with no name: every span still points into its text."""
    from lib.extract.pipeline import analyze_corpus
    from lib.records import Corpus, Document

    texts = [
        "(",
        ")",
        "Mr (",
        "Ambassador (x) said.",
        "“",
        "President ( ) said “ok”.",
        "[Oleg] Tarasenko: “Yes.”",
        "(Reuters) -",
        "— (@x) 2",
        "N. ( Korea",
        "Ambassador ]",
    ]
    docs = tuple(
        Document(f"d{i}", "", "", "2022-01-01", "metadata", "en", "", "", t) for i, t in enumerate(texts)
    )
    analysis = analyze_corpus(Corpus(docs))
    by_id = {d.id: d.text for d in docs}
    for record in (*analysis.mentions, *analysis.quotes, *analysis.dates):
        assert record.text == by_id[record.doc_id][record.start : record.end]


LONG_REPORT = "\n\n".join(
    f"The council of Harrowgate met for the {i}th time on Tuesday. Its chair, Odile Brack, said the "
    "ferry would run again. Critics were not convinced."
    for i in range(400)
)  # over SEGMENT_CHARS: parsed in pieces and joined (lib/text/nlp.py parse)


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ines Quell said the bridge would reopen on Friday. Engineers disagreed.",
        "Headline without a stop\n\nThe port of Lisk closed at noon.  Two ships waited offshore.\n",
        "  Leading spaces, a trailing newline and no final stop\n",
        "one line only",
        "",  # no tokens: no sentence
        "   \n\n  ",  # whitespace only: spaCy's one whitespace token
        LONG_REPORT,
    ],
)
def test_sentences_are_the_parsers_with_their_text(text: str) -> None:
    """A batch's sentences, cut from the document's text, are spaCy's sentence spans cut at blank
    lines (a heading the parser ran into the paragraph after it) and without blank-only pieces."""
    from lib.extract.pipeline import _sentences
    from lib.read.blocks import paragraph_parts
    from lib.records import Document
    from lib.text.nlp import parse

    doc = Document("d", "", "", None, "unknown", "en", "", "", text)
    (sdoc,) = parse([text])
    want = [p for s in sdoc.sents for p in paragraph_parts(Span("d", s.start_char, s.end_char, s.text))]
    assert _sentences([(doc, sdoc)]) == want
    assert all(text[s.start : s.end] == s.text for s in want)


def test_warm_up_leaves_the_next_extraction_as_it_was() -> None:
    """A worker extracts a made-up report at its start (lexicons, registry and patterns read once):
    what it extracts afterwards is what a fresh extraction gives."""
    from lib.extract.pipeline import extract_batch, warm_up
    from lib.records import Document

    docs = [
        Document("w1", "", "Outlet", "2024-05-02", "metadata", "en", "", "", LONG_REPORT[:2000]),
        Document("w2", "", "Outlet", "2024-05-03", "metadata", "en", "", "", "Odile Brack said 12 ran."),
    ]
    before = extract_batch(docs)
    warm_up()
    assert extract_batch(docs) == before


def test_a_batchs_parses_are_freed_without_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parses of a batch die with it: nothing the extractors cache in a Doc points back at it
    (a cycle would keep every parse alive until a full garbage collection)."""
    import gc
    import weakref

    from lib.extract import pipeline
    from lib.records import Document

    parsed: list[weakref.ref[Any]] = []
    parse = pipeline.parse

    def recorded(texts: Any) -> Any:
        for sdoc in parse(texts):
            parsed.append(weakref.ref(sdoc))
            yield sdoc

    monkeypatch.setattr(pipeline, "parse", recorded)
    docs = [
        Document("f1", "", "Outlet", "2024-05-02", "metadata", "en", "", "", LONG_REPORT[:2000]),
        Document("f2", "", "Outlet", "2024-05-03", "metadata", "en", "", "", "Odile Brack said 12 ran."),
    ]
    gc.disable()
    try:
        batch = pipeline.extract_batch(docs)
        assert batch.mentions and len(parsed) == 2
        assert [r() for r in parsed] == [None, None]
    finally:
        gc.enable()


def test_a_section_break_flattened_into_the_text_is_in_no_sentence() -> None:
    """A text flattened to one line glues "***" to the next sentence; the sentences every page shows
    and searches leave it out and still point into the text."""
    from lib.extract.pipeline import analyze_corpus
    from lib.records import Corpus, Document

    text = (
        'The minister said: "We will open the new bridge in spring."*** On Monday, the mayor visited '
        "the harbour and met the dock workers.\n\nA second paragraph follows here."
    )
    analysis = analyze_corpus(Corpus((Document("d", "", "", None, "unknown", "en", "", "", text),)))
    sentences = [s.text for s in analysis.sentences]
    assert not any("*" in s for s in sentences), sentences
    assert any(s.startswith("On Monday, the mayor") for s in sentences), sentences
    assert all(text[s.start : s.end] == s.text for s in analysis.sentences)
    assert not any("\n\n" in s for s in sentences)
