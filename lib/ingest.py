"""STUB (being replaced by the ingest work): read files into Documents."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lib.records import Corpus, Document


def load_corpus(paths: Sequence[str | Path], cache_dir: Path | None = None) -> Corpus:
    docs = []
    for i, p in enumerate(sorted(Path(x) for x in paths)):
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for j, f in enumerate(files):
            text = f.read_text(encoding="utf-8")
            docs.append(Document(f"seed-{i + j:03d}", f.stem, "", None, "unknown", "en", "", str(f), text))
    return Corpus(tuple(docs))
