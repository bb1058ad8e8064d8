"""The corpus step's claims: every document's sentences clustered into claims (lib/compare/corpus.py),
computed once at ingest and stored as the corpus table ``claims``; lib/store/slices.py reads it.

Clustering is global (a new report can join or contest any claim), so each refresh clusters the
whole corpus again; blocking keeps that near-linear in the number of sentences.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from lib.compare.corpus import corpus_claims
from lib.records import CorpusClaim
from lib.store.columns import records_table
from lib.store.parquet import CorpusTables, read_analysis, read_manifest

# Above this many documents the claims are not clustered at ingest: every refresh clusters the whole
# corpus again, and on news repeating wire copy it grows about 3x per doubling (1,200 documents:
# 22 s), so at 10,000 it would dominate each ingest. The page says so (too_many_for_claims).
MAX_DOCS = 3_000


def too_many_for_claims(documents: int) -> bool:
    return documents > MAX_DOCS


def claims_table(store: Path, tables: CorpusTables) -> pa.Table:
    """The claims of the store's live documents, actor ids as ``tables`` settle them (none past
    MAX_DOCS documents)."""
    if too_many_for_claims(len(read_manifest(store).live())):
        return records_table([], CorpusClaim)
    analysis = read_analysis(store, tables)
    return records_table(corpus_claims(analysis), CorpusClaim)
