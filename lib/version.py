"""Versions derived from the code and lexicons: a change to either makes cached parses and stored
documents stale, with no number to bump by hand."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lib import LEXICONS, ROOT

SOURCE_SUFFIXES = (".py", ".yaml", ".yml")


def code_digest(parts: Iterable[Path], root: Path = ROOT) -> str:
    """A digest of the source files under ``parts`` (files or folders), named relative to ``root``."""
    digest = hashlib.sha256()
    files: set[Path] = set()
    for part in parts:
        found = part.rglob("*") if part.is_dir() else [part]
        files.update(p for p in found if p.is_file() and p.suffix in SOURCE_SUFFIXES)
    for path in sorted(files):
        digest.update(f"{path.relative_to(root)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


# What turns a file into a Document (the parse cache) and a Document into records (the store).
READING = (ROOT / "read", ROOT / "text", ROOT / "records.py", LEXICONS / "blocks.yaml")
EXTRACTION = (ROOT / "read", ROOT / "text", ROOT / "extract", ROOT / "records.py", LEXICONS)
# What turns a stored sentence into its term index entries (the fold and the word split).
INDEXING = (ROOT / "view" / "fold.py", ROOT / "store" / "terms.py")
# What turns a stored document's rows into its sentence claims (lib/store/claim_rows.py).
CLAIMING = (
    ROOT / "compare" / "claims.py",
    ROOT / "store" / "claim_rows.py",
    ROOT / "text",
    ROOT / "read" / "blocks.py",
    ROOT / "records.py",
    LEXICONS / "synonyms.yaml",
    LEXICONS / "blocks.yaml",
)


@cache
def reading_version() -> str:
    return code_digest(READING)[:16]


@cache
def extraction_version() -> str:
    return code_digest(EXTRACTION)[:16]


@cache
def index_version() -> str:
    return code_digest(INDEXING)[:16]


@cache
def claims_version() -> str:
    return code_digest(CLAIMING)[:16]
