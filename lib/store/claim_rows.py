"""Each document's sentence claims, made once when its batch folder is written and stored beside it.

The corpus step clusters every sentence claim of the corpus (lib/store/claims.py); what a claim is
made of (its content terms, the actors named and the speakers quoted inside it, its figures,
whether it is dated) depends on its report alone, so it is computed where the report is
extracted (the ingest's workers, in parallel) rather than read back and recomputed from every
row of the store at every corpus step (issue #19: a third of the claims' CPU).

One row per sentence claim (lib/compare/claims.py ``sentence_claims``, in its order): ``doc_id``,
``start``, ``end``, ``text``, ``terms``, and the ids as the folder holds them (``actors``: of the
mentions inside; ``speakers``: of the quotes inside, before their bodies are added), ``figures``,
``dated``. Ids are the batch's own: the corpus step maps them through the actor map, then adds
what depends on the corpus's actors (people among the actors, the bodies a speaker speaks for).

The file is stamped with the digest of the code that makes claims (lib/version.py
``claims_version``); a file made by other code, or a folder without one (written before), is
not read: the corpus step makes those claims from the folder's rows as before, so the claims are
the same either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lib.compare.claims import DocRows, rows_by_doc, sentence_claims
from lib.records import Analysis, Corpus, DateMention, Document, Mention, NumberClaim, Quote, Span
from lib.store.columns import table_records
from lib.version import claims_version

CLAIM_ROWS = "claim_sentences"  # the table's name, in a batch folder beside sentences.parquet
VERSION_KEY = "triangulate_claims"
SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string()),
        pa.field("start", pa.int64()),
        pa.field("end", pa.int64()),
        pa.field("text", pa.string()),
        pa.field("terms", pa.list_(pa.string())),
        pa.field("actors", pa.list_(pa.string())),
        pa.field("speakers", pa.list_(pa.string())),
        pa.field("figures", pa.list_(pa.float64())),
        pa.field("dated", pa.bool_()),
    ]
)
NEEDS = ("documents", "mentions", "quotes", "dates", "numbers", "sentences")


def folder_analysis(tables: Mapping[str, pa.Table]) -> Analysis:
    """A folder's rows as an Analysis (its ids as the folder holds them, no corpus actors)."""
    return Analysis(
        corpus=Corpus(tuple(table_records(tables["documents"], Document))),
        actors=(),
        mentions=tuple(table_records(tables["mentions"], Mention)),
        quotes=tuple(table_records(tables["quotes"], Quote)),
        dates=tuple(table_records(tables["dates"], DateMention)),
        events=(),
        numbers=tuple(table_records(tables["numbers"], NumberClaim)),
        positions=(),
        sentences=tuple(table_records(tables["sentences"], Span)),
    )


def claim_rows_table(analysis: Analysis) -> pa.Table:
    """The sentence claims of every document of ``analysis``, ids as it holds them."""
    columns: dict[str, list[object]] = {f.name: [] for f in SCHEMA}
    rows = rows_by_doc(analysis)
    for doc in analysis.documents:
        own = rows.get(doc.id, DocRows())
        for claim in sentence_claims(analysis, doc.id, own, {}):  # no corpus actors: ids as held
            span = claim.span
            columns["doc_id"].append(span.doc_id)
            columns["start"].append(span.start)
            columns["end"].append(span.end)
            columns["text"].append(span.text)
            columns["terms"].append(list(claim.terms))
            columns["actors"].append(sorted(claim.actors))
            columns["speakers"].append(sorted(claim.speakers))
            columns["figures"].append(sorted(claim.figures))
            columns["dated"].append(any(span.start <= d.start and d.end <= span.end for d in own.dates))
    return pa.table(columns, schema=SCHEMA)


def write_claim_rows(tables: Mapping[str, pa.Table], folder: Path) -> None:
    """The claim rows of a folder being written (its tables), stamped with the code's version."""
    if all(t in tables for t in NEEDS):
        table = claim_rows_table(folder_analysis(tables))
        pq.write_table(
            table.replace_schema_metadata({VERSION_KEY: claims_version()}), folder / f"{CLAIM_ROWS}.parquet"
        )


def current(path: Path) -> bool:
    """The file is there and was made by this code."""
    try:
        found = (pq.read_schema(path).metadata or {}).get(VERSION_KEY.encode(), b"").decode()
    except (OSError, pa.ArrowInvalid):
        return False
    return bool(found == claims_version())
