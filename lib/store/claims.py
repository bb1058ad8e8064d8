"""The corpus step's claims: every document's sentences clustered into claims (lib/compare/corpus.py),
computed once at ingest and stored as the corpus table ``claims``; lib/store/slices.py reads it.

Clustering is global (a new report can join or contest any claim), so each refresh clusters the
whole corpus again. It is linear in the sentences (exact duplicates grouped by hash first, a bounded
number of block entries read and of pairs scored per sentence, large components cut by star
clustering), so no corpus size skips it: docs/benchmarks.md has its time at 1,000 to 10,000
documents.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from lib.compare.corpus import corpus_claims
from lib.records import CorpusClaim
from lib.store.columns import records_table
from lib.store.parquet import CorpusTables, read_analysis


def claims_table(store: Path, tables: CorpusTables) -> pa.Table:
    """The claims of the store's live documents, actor ids as ``tables`` settle them."""
    return records_table(corpus_claims(read_analysis(store, tables)), CorpusClaim)
