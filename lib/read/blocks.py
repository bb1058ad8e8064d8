"""Split a document's text into paragraphs and type each one.

Captions, embedded posts and wire credits sit between the paragraphs of online news; read
as prose they give false quotes ("We have now conveyed..." as the article's own voice) and
false actors (a photographer, a wire agency). The patterns live in lib/lexicons/blocks.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from lib import LEXICONS, read_yaml
from lib.records import Block, BlockKind, Span

LEXICON_PATH = LEXICONS / "blocks.yaml"
PATTERN_KINDS: tuple[BlockKind, ...] = ("embedded_post", "caption", "credit")
PARAGRAPH_RE = re.compile(r"\s*\n\s*\n\s*")
# A section break: three or more of one symbol ("* * *", "***", "# # #", "— — —"), with no word or
# other break symbol touching it. Writers set it between the parts of a text (a transcript's
# excerpts, a feature's scenes); it belongs to no sentence, and a text flattened to one line glues
# it to the sentence after it ("*** On the same day ..."). It stands where a sentence may end: at
# the start, or after a sentence's final mark ("Rated ***** by critics" is a rating). Dashes count
# only spaced: plain text writes an em dash "---" inside a sentence.
BREAK_SYMBOLS = "*#~=•—–-"
DASHES = "—–-"
_RUNS = "|".join(
    rf"{re.escape(c)}(?:[ \t]{'+' if c in DASHES else '*'}{re.escape(c)}){{2,}}" for c in BREAK_SYMBOLS
)
_EDGE = re.escape(BREAK_SYMBOLS)
SECTION_BREAK_RE = re.compile(rf"(?<![\w{_EDGE}])(?:{_RUNS})(?![\w{_EDGE}])")
_ENDED = re.compile(r"(?:^|[.!?…\"'”’»)\]])\s*$")  # text before a break: none, or a finished sentence

# Headings: a short single line without final punctuation (the usual test of layout-free
# heading detection, e.g. jusText's "heading" class and trafilatura's paragraph handling).
HEADING_MAX_WORDS = 15
HEADING_MAX_CHARS = 120
FINAL_PUNCTUATION = ".!?…;:,"
CLOSERS = "\"'”’»)]›"

# Twitter's embed markup ends "<p>post</p>&mdash; Name (@handle) <a>date</a>"; flattened to text
# (trafilatura, copy-paste) the footer can land on its own line: the post is the line above.
POST_FOOTER_DASHES = ("—", "–", "-")

# Hard-wrapped plain text (e-mail style, 60-80 columns) keeps a paragraph's lines together.
WRAP_MIN, WRAP_MAX = 40, 100

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")


@cache
def _patterns() -> dict[BlockKind, tuple[re.Pattern[str], ...]]:
    data = read_yaml(LEXICON_PATH) or {}
    return {kind: tuple(re.compile(p) for p in data.get(kind) or ()) for kind in PATTERN_KINDS}


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    offset = start + chunk.index(stripped)
    return offset, offset + len(stripped)


def _is_hard_wrapped(lines: list[str]) -> bool:
    return len(lines) > 1 and all(WRAP_MIN <= len(line.strip()) <= WRAP_MAX for line in lines[:-1])


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for gap in _BLANK_LINE.finditer(text):
        yield start, gap.start()
        start = gap.end()
    yield start, len(text)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end), trimmed of whitespace: blank-line separated, else one per line."""
    spans: list[tuple[int, int]] = []
    wrapped_ok = _BLANK_LINE.search(text) is not None
    for start, end in _chunks(text):
        lines = [m for m in _LINE.finditer(text, start, end) if m.group().strip()]
        if wrapped_ok and _is_hard_wrapped([m.group() for m in lines]):
            pieces = [(start, end)]
        else:
            pieces = [(m.start(), m.end()) for m in lines]
        spans.extend(span for a, b in pieces if (span := _trimmed(text, a, b)))
    return spans


def is_heading(paragraph: str) -> bool:
    """A short line without final punctuation that starts like a title."""
    if "\n" in paragraph or len(paragraph) > HEADING_MAX_CHARS:
        return False
    if len(paragraph.split()) > HEADING_MAX_WORDS:
        return False
    core = paragraph.rstrip(CLOSERS + " ")
    first = next((c for c in paragraph if c.isalnum()), "")
    starts_like_title = first.isupper() or (first.isdigit() and any(c.isalpha() for c in core))
    return bool(core) and core[-1] not in FINAL_PUNCTUATION and starts_like_title


def classify_paragraph(paragraph: str) -> BlockKind:
    """The kind of one paragraph: the first pattern group that matches, else heading or body."""
    for kind, patterns in _patterns().items():
        if any(p.search(paragraph) for p in patterns):
            return kind
    return "heading" if is_heading(paragraph) else "body"


def _is_post_footer(paragraph: str) -> bool:
    return paragraph.startswith(POST_FOOTER_DASHES) and classify_paragraph(paragraph) == "embedded_post"


def find_blocks(text: str) -> tuple[Block, ...]:
    """Every paragraph of the text as a typed Block (offsets into text)."""
    blocks = [Block(classify_paragraph(text[a:b]), a, b) for a, b in paragraph_spans(text)]
    for i in range(1, len(blocks)):
        before, block = blocks[i - 1], blocks[i]
        if before.kind == "body" and _is_post_footer(text[block.start : block.end]):
            blocks[i - 1] = Block("embedded_post", before.start, before.end)
    return tuple(blocks)


def paragraph_parts(sent: Span) -> list[Span]:
    """A sentence cut at blank lines (the parser runs a heading into the paragraph after it) and
    at section breaks, which are left out; a part with no letter or digit is none."""
    text = sent.text
    cuts = [m.span() for m in PARAGRAPH_RE.finditer(text)]
    cuts += [
        _spaced(text, *m.span()) for m in SECTION_BREAK_RE.finditer(text) if _ENDED.search(text, 0, m.start())
    ]
    parts, start = [], 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start >= start:
            parts.append((start, cut_start))
            start = cut_end
    parts.append((start, len(text)))
    return [
        Span(sent.doc_id, sent.start + a, sent.start + b, text[a:b])
        for a, b in parts
        if any(c.isalnum() for c in text[a:b])
    ]


def _spaced(text: str, start: int, end: int) -> tuple[int, int]:
    """A break's span with the whitespace on both sides."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return start, end
