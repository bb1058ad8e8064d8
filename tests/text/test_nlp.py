"""The spaCy model is the pinned release, a tampered copy is refused, and long texts parsed in
segments read exactly as one whole-text parse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.tokens import Doc

from lib.text.nlp import (
    PINNED_SHA256,
    ModelIntegrityError,
    doc_sentences,
    doc_text,
    load_nlp,
    model_path,
    parse,
    segments,
    verify_model,
)


def test_installed_model_matches_pinned_hashes() -> None:
    verify_model()


def test_tampered_weights_are_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_path(), copy)
    with (copy / "ner" / "model").open("ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelIntegrityError, match="ner/model"):
        verify_model(copy)


def test_every_weight_file_is_pinned() -> None:
    weights = {p.relative_to(model_path()).as_posix() for p in model_path().glob("*/model")}
    assert weights <= set(PINNED_SHA256)


ROOT = Path(__file__).resolve().parents[2]
SEEDS = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.txt")))


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("short text", 100, ["short text"]),
        ("One.\n\nTwo.\n\nThree.", 8, ["One.\n\n", "Two.\n\n", "Three."]),
        ("One para.\n\nTwo para.", 100, ["One para.\n\nTwo para."]),  # under the limit: whole
        # no paragraph break: cut after a sentence end, never after an abbreviation like "Mr."
        (
            "Mr. Smith spoke here. Then Mr. Jones left town. End",
            25,
            ["Mr. Smith spoke here. ", "Then Mr. Jones left town. ", "End"],
        ),
        ("nobreakatall" * 5, 10, ["nobreakatall" * 5]),  # nothing to cut at: one piece over the limit
    ],
)
def test_segments_cut_at_breaks_and_join_back(text: str, limit: int, pieces: list[str]) -> None:
    assert segments(text, limit) == pieces
    assert "".join(pieces) == text


def _reading(doc: Doc) -> tuple[object, ...]:
    return (
        doc.text,
        [(t.idx, t.text, t.tag_) for t in doc],
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],
    )


def test_segmented_parse_reads_as_the_whole_text() -> None:
    """The seeds joined (about 6,800 characters) cut into pieces of at most 3,000: every token,
    tag and entity as in one parse, offsets into the joined text; sentences too, except that one
    may end at a cut (here a heading the whole parse ran into the next paragraph)."""
    pieces = segments(SEEDS, 3000)
    cuts = {sum(len(p) for p in pieces[:i]) for i in range(1, len(pieces))}
    assert len(cuts) >= 2
    texts = [SEEDS, "", "A short one."]
    parsed = list(parse(texts, limit=3000))
    whole = [load_nlp()(t) for t in texts]
    assert [_reading(d) for d in parsed] == [_reading(d) for d in whole]
    starts = {s.start_char for s in parsed[0].sents}
    assert {s.start_char for s in whole[0].sents} <= starts <= {s.start_char for s in whole[0].sents} | cuts


def test_only_the_components_the_extractors_read_run() -> None:
    from lib.text.nlp import RUNS

    nlp = load_nlp()
    assert tuple(nlp.pipe_names) == RUNS
    assert "lemmatizer" not in nlp.component_names and "senter" not in nlp.component_names


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("Mayor Ilse Brandt said the port of Valdoria reopened.", "pos_"),
        ("Mayor Ilse Brandt said the port of Valdoria reopened.", "dep_"),
        ("Mayor Ilse Brandt said the port of Valdoria reopened.", "ent_type_"),
        ("Mayor Ilse Brandt said the port of Valdoria reopened.", "tag_"),
    ],
)
def test_what_the_extractors_read_is_set(text: str, attribute: str) -> None:
    doc = load_nlp()(text)
    assert any(getattr(t, attribute) for t in doc)
    assert len(list(doc.sents)) == 1  # sentences from the parser, no senter


def test_no_lemma_is_set() -> None:
    """The negative case: the lemmatizer does not run, so no extractor may rely on lemma_."""
    assert not any(t.lemma_ for t in load_nlp()("The ports reopened."))


@pytest.mark.parametrize(
    "text",
    ["", "One sentence.", "Mayor Ilse Brandt spoke. The port reopened.\n\nA second paragraph, long enough."],
)
def test_text_and_sentences_read_once_are_spacys(text: str) -> None:
    """doc_text / doc_sentences keep what Doc.text and Doc.sents give, read once per document."""
    doc = next(parse([text]))
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    assert doc_text(doc) is text  # the parsed text itself, no join of the tokens
    assert doc_sentences(doc) == [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]


def test_a_segmented_parse_keeps_its_text() -> None:
    text = "\n\n".join(f"Paragraph {i} says the port of Valdoria reopened on Monday." for i in range(40))
    docs = list(parse([text, "A short one.", text], limit=300))
    assert [doc_text(d) for d in docs] == [text, "A short one.", text]
    assert all(doc_text(d) == d.text for d in docs)
