"""The on-disk parse cache: one JSON file per parsed file, keyed by content hash + extractor version.

An unchanged file is never parsed twice and a changed one always is (its hash changes). Writes
are atomic (temp file + os.replace), a corrupt or stale entry is discarded and rebuilt, and an
unwritable folder turns the cache off for the run: the cache never stops a corpus from loading.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, get_args

from lib import write_atomic
from lib.records import Block, BlockKind, DateBasis, Document

ENV_VAR = "TRIANGULATE_CACHE"
ENTRY_FORMAT = 1  # the layout of an entry file; bump when it changes


@dataclass(frozen=True)
class FileParse:
    """What parsing one file gave: its documents (path left empty) and its problems."""

    documents: tuple[Document, ...]
    problems: tuple[str, ...] = ()


def default_cache_dir() -> Path:
    """$TRIANGULATE_CACHE, else .cache/parse under the current directory."""
    return Path(os.environ.get(ENV_VAR) or Path.cwd() / ".cache" / "parse")


def cache_key(version: str, name: str, data: bytes) -> str:
    """The entry name for a file: its bytes, its name (id and format come from it), the parser version."""
    # surrogatepass: a file name that is not UTF-8 reaches us with lone surrogates (surrogateescape)
    digest = hashlib.sha256(f"{version}\0{name}\0".encode("utf-8", "surrogatepass"))
    digest.update(data)
    return digest.hexdigest()


def _text(obj: dict[str, Any], key: str) -> str:
    value = obj[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} is not a string")
    return value


def _block(obj: Any) -> Block:
    kind, start, end = obj["kind"], obj["start"], obj["end"]
    if kind not in get_args(BlockKind) or not (isinstance(start, int) and isinstance(end, int)):
        raise ValueError("bad block")
    return Block(kind, start, end)


def _document(obj: dict[str, Any]) -> Document:
    names = ("id", "title", "source", "language", "url", "path", "text", "translated_from")
    fields = {name: _text(obj, name) for name in names}
    date, basis = obj["date"], obj["date_basis"]
    if not (date is None or isinstance(date, str)) or basis not in get_args(DateBasis):
        raise ValueError("bad date")
    blocks = tuple(_block(b) for b in obj["blocks"])
    return Document(date=date, date_basis=basis, blocks=blocks, **fields)


def parse_from_json(obj: Any) -> FileParse:
    """A FileParse from its JSON form; raises (KeyError, TypeError, ValueError) on anything malformed."""
    documents = tuple(_document(d) for d in obj["documents"])
    problems = obj["problems"]
    if not all(isinstance(p, str) for p in problems):
        raise ValueError("bad problems")
    return FileParse(documents, tuple(problems))


class ParseCache:
    """A folder of entries; with directory None (or unusable) every lookup misses and nothing is kept."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        try:
            if directory is not None:
                directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.directory = None

    def _entry(self, key: str) -> Path | None:
        return None if self.directory is None else self.directory / f"{key}.json"

    def get(self, key: str) -> FileParse | None:
        """The cached parse, or None (missing, unreadable, corrupt or stale entries are discarded)."""
        entry = self._entry(key)
        if entry is None or not entry.is_file():
            return None
        try:
            obj = json.loads(entry.read_text(encoding="utf-8"))
            if obj["format"] != ENTRY_FORMAT or obj["key"] != key:
                raise ValueError("stale entry")
            return parse_from_json(obj["parse"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            with suppress(OSError):
                entry.unlink(missing_ok=True)
            return None

    def put(self, key: str, parse: FileParse) -> None:
        """Keep a parse; an unwritable folder turns the cache off instead of failing."""
        entry = self._entry(key)
        if entry is None:
            return
        payload = {"format": ENTRY_FORMAT, "key": key, "parse": asdict(parse)}
        try:
            write_atomic(entry, json.dumps(payload, ensure_ascii=False))
        except OSError:
            self.directory = None
