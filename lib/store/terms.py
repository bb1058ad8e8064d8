"""The store's term index: each sentence's folded words, so a search reads its candidate sentences
from the index instead of scanning every sentence's text.

One row per (word, sentence): ``term`` (a word as lib/view/fold.py's ``words`` gives it: folded
by its ``fold``, split on what is not a letter or digit), ``tf`` its occurrences in the sentence,
the sentence's ``doc_id`` and ``start``, and the ``batch``. It is derived from a batch folder's
sentences table and written beside it whenever the folder is written (lib/store/parquet.py
write_folder): ingest,
compaction and the benchmark's replicas all write folders that way, so the index follows every
change of the sentences, and a document replaced by a newer batch leaves its old terms dead with
its old sentences (the store's views drop both alike).

The rows are sorted by term and cut in row groups of ROW_GROUP rows, so DuckDB skips the row
groups whose term range misses a word (Parquet min/max statistics); a prefix ``word*`` is a range
on the sorted terms. The index only narrows: a sentence holding every word of every term is a
candidate, and lib/view/search.py's ``match`` decides (phrase order, prefixes, ranking), so the
results are those of a scan. A batch whose index is missing or unreadable is reported by
lib/store/check.py and rebuilt from its sentences by ``write_index`` (the ingest's repair); so is
one made by other code (its footer names lib/version.py's ``index_version``, a digest of the fold
and this module). Until then a search falls back to scanning the text (lib/store/slices.py) and
says so.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lib.version import index_version
from lib.view.fold import words

TERMS = "terms"  # the index's table, in every batch folder beside sentences.parquet
ROW_GROUP = 16_384  # rows per row group: small enough for the term statistics to skip most
# Above every character a folded word holds: the end of a prefix's range (``term < prefix + TOP``).
TOP = "\U0010ffff"
VERSION_KEY = "triangulate_index"  # the file's schema metadata: lib/version.py index_version


def terms_table(sentences: pa.Table) -> pa.Table:
    """The index rows of a sentences table (doc_id, start, text, batch), sorted by term."""
    terms: list[str] = []
    counts: list[int] = []
    docs: list[str] = []
    starts: list[int] = []
    batches: list[str] = []
    columns = (sentences.column(c).to_pylist() for c in ("doc_id", "start", "text", "batch"))
    for doc, start, text, batch in zip(*columns, strict=True):
        found = Counter(words(text or ""))
        terms += found
        counts += found.values()
        docs += [doc] * len(found)
        starts += [start] * len(found)
        batches += [batch] * len(found)
    table = pa.table(
        {
            "term": pa.array(terms, pa.string()),
            "tf": pa.array(counts, pa.int32()),
            "doc_id": pa.array(docs, pa.string()),
            "start": pa.array(starts, pa.int64()),
            "batch": pa.array(batches, pa.string()),
        }
    )
    return table.sort_by([("term", "ascending"), ("doc_id", "ascending"), ("start", "ascending")])


def write_terms(table: pa.Table, path: Path) -> None:
    """The index file, stamped with the version of the code that made it (lib/version.py)."""
    stamped = table.replace_schema_metadata({VERSION_KEY: index_version()})
    pq.write_table(stamped, path, row_group_size=ROW_GROUP)


def stale(path: Path) -> str | None:
    """Why an index file that reads was made by other code (None when it is this code's)."""
    found = (pq.read_schema(path).metadata or {}).get(VERSION_KEY.encode(), b"").decode()
    return None if found == index_version() else f"made by other code ({found or 'unversioned'})"


def write_index(folder: Path) -> None:
    """Rebuild a batch folder's index from its sentences table (atomically: a temporary file renamed)."""
    table = terms_table(pq.read_table(folder / "sentences.parquet"))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".parquet")
    os.close(fd)
    try:
        write_terms(table, Path(temp))
        os.replace(temp, folder / f"{TERMS}.parquet")
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def prefix_range(prefix: str) -> tuple[str, str]:
    """The terms starting with ``prefix``: ``lo <= term < hi`` (a range the row-group statistics prune)."""
    return prefix, prefix + TOP
