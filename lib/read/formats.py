"""Readers: bytes of one file in, drafts of documents (text + raw metadata) out.

Each reader raises ReadFailure for a file it cannot use and returns per-item problems (a bad
jsonl line) beside the drafts it could read, so one bad line never loses the others.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import ftfy
import trafilatura
import yaml
from charset_normalizer import from_bytes

from lib.records import DateBasis

META_KEYS = ("id", "title", "source", "date", "url", "language", "translated_from")

# File signatures of the binary formats people most often drop into a folder of articles.
MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x1f\x8b": "a gzip archive",
}
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.01  # more C0 control characters than this: not text

# A .txt header line "key: value" (closed by a blank line), or the inline "date 2022-01-27 " opening.
_HEADER_LINE = re.compile(r"^\s*(" + "|".join(META_KEYS) + r")\s*:\s*(.*?)\s*$", re.IGNORECASE)
_INLINE_DATE = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"^\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# JSON ("\\ud800") and YAML escapes can hold a lone surrogate, which no encoder, Arrow nor spaCy
# accepts; each becomes U+FFFD, one character for one, so offsets into the text are unchanged.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Letters that render as nothing (Hangul fillers); every other letter, digit, mark of punctuation
# or symbol is visible. Spaces, zero-width and format characters (U+200B, U+2060, U+FEFF) are not.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
NO_VISIBLE_TEXT = "no visible text (only spaces or invisible characters such as zero-width spaces)"


class ReadFailure(Exception):
    """A file that cannot become a document; the message is the plain reason."""


@dataclass(frozen=True)
class Draft:
    """One document as read: its body text and the metadata the file gave (strings)."""

    doc_id: str
    text: str
    meta: Mapping[str, str] = field(default_factory=dict)
    date_basis: DateBasis = "metadata"  # the basis of meta["date"] when present


Reader = Callable[[str, str], tuple[list[Draft], list[str]]]


def repair(text: str) -> str:
    """Undo mojibake only (ftfy's encoding steps): valid text, curly quotes included, is unchanged.

    Line by line, as ftfy.fix_text segments text: one odd character elsewhere must not block a
    repair. Bare C1 controls are left alone: re-reading them as Windows-1252 alone repairs
    nothing (it half-"fixes" doubly-encoded text into other mojibake).
    """
    lines = text.splitlines(keepends=True)
    return "".join(ftfy.fix_encoding(line, fix_c1_controls=False) for line in lines)


def _binary_kind(data: bytes) -> str | None:
    kind = next((name for magic, name in MAGIC.items() if data.startswith(magic)), None)
    if kind is None and b"\x00" in data[:SNIFF_BYTES]:
        kind = "binary data (NUL bytes)"
    return kind


def _legacy_decode(data: bytes) -> str:
    """Not UTF-8: charset-normalizer's guess, Windows-1252 first among the least chaotic.

    Short Western texts score alike in several code pages (cp1250 turns "São" into "Săo");
    the WHATWG Encoding Standard reads "latin-1" as windows-1252 for this reason: it is what
    legacy Western news text is in.
    """
    matches = from_bytes(data)
    if not len(matches):
        raise ReadFailure("undecodable: not UTF-8 and no text encoding fits")
    least = min(m.chaos for m in matches)
    western = [m for m in matches if m.chaos <= least and "cp1252" in m.could_be_from_charset]
    return str(western[0] if western else matches[0])


def decode(data: bytes) -> str:
    """Text of a file's bytes: BOM, else UTF-8, else the encoding charset-normalizer finds."""
    if not data.strip():
        raise ReadFailure("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    if kind := _binary_kind(data):
        raise ReadFailure(f"binary file ({kind}), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _legacy_decode(data)
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise ReadFailure("binary file (control characters), not text")
    return text


def without_lone_surrogates(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", text)


def has_visible_text(text: str) -> bool:
    """True when some character would show: a letter, digit, punctuation mark or symbol."""
    return any(unicodedata.category(c)[0] in "LNPS" and c not in _BLANK_LETTERS for c in text)


def _meta_value(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value).strip()


def _meta(source: Mapping[str, Any]) -> dict[str, str]:
    return {k: v for k in META_KEYS if (v := _meta_value(source.get(k)))}


def _draft(stem: str, text: str, meta: dict[str, str], basis: DateBasis) -> Draft:
    meta = {k: without_lone_surrogates(v) for k, v in meta.items()}
    return Draft(meta.pop("id", "") or stem, without_lone_surrogates(text), meta, basis)


def _txt_header(text: str) -> tuple[dict[str, str], str]:
    head, *rest = _BLANK_LINE.split(text.lstrip("\n"), maxsplit=1)
    lines = [m for line in head.split("\n") if (m := _HEADER_LINE.match(line))]
    if rest and lines and len(lines) == len(head.split("\n")):
        return {m.group(1).lower(): m.group(2) for m in lines}, rest[0]
    if inline := _INLINE_DATE.match(text):
        return {"date": inline.group(1)}, text[inline.end() :]
    return {}, text


def read_txt(text: str, stem: str) -> tuple[list[Draft], list[str]]:
    """Plain text with an optional `key: value` header block, or the inline `date YYYY-MM-DD ` opening."""
    meta, body = _txt_header(repair(text.replace("\r\n", "\n").replace("\r", "\n")))
    return _checked([_draft(stem, body.strip(), _meta(meta), "header")])


# Markdown to plain text: only the markup that would otherwise pollute quotes and names.
_MD_RULES = (
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images keep their alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(\S(?:[^*\n]*?\S)?)\*(?![\w*])"), r"\1"),  # italics
)


def markdown_text(markdown: str) -> str:
    for pattern, replacement in _MD_RULES:
        markdown = pattern.sub(replacement, markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown)


def read_md(text: str, stem: str) -> tuple[list[Draft], list[str]]:
    """Markdown with optional YAML front matter holding the metadata keys."""
    text = repair(text.replace("\r\n", "\n"))
    meta: Any = {}
    if front := _FRONT_MATTER.match(text):
        try:
            meta = yaml.safe_load(front.group(1)) or {}
        except yaml.YAMLError as exc:
            raise ReadFailure(f"front matter is not valid YAML ({exc.__class__.__name__})") from None
        text = text[front.end() :]
    if not isinstance(meta, dict):
        raise ReadFailure("front matter is not a mapping of keys to values")
    return _checked([_draft(stem, markdown_text(text).strip(), _meta(meta), "metadata")])


def _json_draft(obj: Any, default_id: str) -> Draft:
    if not isinstance(obj, dict):
        raise ReadFailure("not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadFailure('no "text" string')
    if not has_visible_text(text):
        raise ReadFailure(NO_VISIBLE_TEXT)
    meta = {k: repair(v) for k, v in _meta(obj).items()}
    return _draft(default_id, repair(text), meta, "metadata")


def read_json(text: str, stem: str) -> tuple[list[Draft], list[str]]:
    """One JSON object {id?, title, source, date, url, text} (or a list of them); text kept exactly."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadFailure(f"broken JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ReadFailure("broken JSON: nested too deeply") from None
    if isinstance(obj, list):
        return _items([(i, item) for i, item in enumerate(obj, start=1)], stem, "item")
    return [_json_draft(obj, stem)], []


def _items(items: list[tuple[int, Any]], stem: str, unit: str) -> tuple[list[Draft], list[str]]:
    drafts, problems = [], []
    for number, obj in items:
        try:
            drafts.append(_json_draft(obj, f"{stem}-{number}"))
        except ReadFailure as exc:
            problems.append(f"{unit} {number}: {exc}")
    if not drafts:
        raise ReadFailure("; ".join(problems) or "no documents")
    return drafts, problems


def _jsonl_line(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadFailure(f"broken JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return ReadFailure("broken JSON (nested too deeply)")


def read_jsonl(text: str, stem: str) -> tuple[list[Draft], list[str]]:
    """One JSON document per line; a bad line is reported and the others still load."""
    lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    parsed = [(n, _jsonl_line(line)) for n, line in lines]
    broken = [f"line {n}: {obj}" for n, obj in parsed if isinstance(obj, ReadFailure)]
    good = [(n, obj) for n, obj in parsed if not isinstance(obj, ReadFailure)]
    if not good:
        raise ReadFailure("; ".join(broken[:3]) or "empty file")
    drafts, problems = _items(good, stem, "line")
    return drafts, broken + problems


def read_html(text: str, stem: str) -> tuple[list[Draft], list[str]]:
    """The main text and metadata of a web page, by trafilatura (boilerplate and comments dropped)."""
    page = trafilatura.bare_extraction(repair(text), with_metadata=True, include_comments=False)
    body = getattr(page, "text", None) or ""
    if not body.strip():
        raise ReadFailure("no article text found in the HTML page")
    found = {k: getattr(page, k, None) for k in ("title", "date", "url", "language")}
    found["source"] = getattr(page, "sitename", None) or getattr(page, "hostname", None)
    paragraphs = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    return _checked([_draft(stem, paragraphs, _meta(found), "metadata")])


def _checked(drafts: list[Draft]) -> tuple[list[Draft], list[str]]:
    if not any(d.text for d in drafts):
        raise ReadFailure("no text (only a header)")
    if not any(has_visible_text(d.text) for d in drafts):
        raise ReadFailure(NO_VISIBLE_TEXT)
    return drafts, []


READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
}
