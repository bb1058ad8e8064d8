"""The corpus step's claims table: written with the corpus tables, read back equal, filtered in SQL
as the pages filter in Python, and kept through compaction and an ingest's refresh."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lib.compare.corpus import MAX_PAIR_DOCS, corpus_claims, shared_pairs
from lib.compare.when import PAIRS_SCANNED, one_event_pairs
from lib.extract.pipeline import analyze_corpus
from lib.records import Corpus, CorpusClaim, Document, Span
from lib.store import claim_rows
from lib.store.claims import ArrowTexts, _within, _wordings, claims_table
from lib.store.columns import records_table
from lib.store.compaction import compact
from lib.store.parallel import ingest_corpus
from lib.store.parquet import (
    CorpusTables,
    Manifest,
    corpus_path,
    read_analysis,
    read_corpus,
    read_manifest,
    table_path,
    write_analysis,
)
from lib.store.query import connect
from lib.store.slices import (
    claims_in_view,
    count_claims,
    pairs_of_one_event,
    sentence_counts,
    store_index,
    worth_comparing,
)
from lib.view.filters import Filters, where
from lib.view.pages import claims_in_memory

TEXTS = [
    (
        "Harbor Post",
        "2031-03-02",
        "The Velmora dam on the Ostrel river burst after days of heavy rain. "
        "Governor Lina Paskov ordered the evacuation of four villages. "
        "The flood killed 12 people in Marrowby.",
    ),
    (
        "Valley Courier",
        "2031-03-03",
        "Governor Lina Paskov ordered four villages to be evacuated. "
        "The Velmora dam on the Ostrel river burst after heavy rain. The flood killed 40 people in Marrowby.",
    ),
    (
        "North Ledger",
        "2031-03-04",
        "The Velmora dam burst on the Ostrel river after heavy rain for days. "
        "Mayor Odo Fenn of Dunmore opened the chess tournament.",
    ),
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, Path]:  # type: ignore[type-arg]
    docs = tuple(
        Document(f"r{i}", f"Report {i}", s, d, "metadata", "en", "", "", t)
        for i, (s, d, t) in enumerate(TEXTS)
    )
    analysis = analyze_corpus(Corpus(docs))
    claims = corpus_claims(analysis)
    store = tmp_path_factory.mktemp("claims")
    write_analysis(analysis, store, batch_size=1, claims=claims)
    return claims, store


def test_round_trip(stored: tuple[list, Path]) -> None:  # type: ignore[type-arg]
    claims, store = stored
    assert list(read_corpus(store, read_manifest(store), tables=("claims",)).claims) == claims
    assert any(c.verdict == "contested" for c in claims)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(sources=("North Ledger",)),
        Filters(date_from=date(2031, 3, 4)),
        Filters(date_to=date(2031, 3, 2)),
        Filters(actors=("lina-paskov",)),
        Filters(sources=("Nobody",)),
    ],
)
def test_sql_filters_keep_what_python_keeps(stored: tuple[list, Path], filters: Filters) -> None:  # type: ignore[type-arg]
    claims, store = stored
    index = store_index(store)
    found, matched = claims_in_view(index, filters)
    expected = claims_in_memory(claims, filters)
    assert found == expected and matched == len(expected)
    assert count_claims(index, filters, "contested") == len(claims_in_memory(claims, filters, "contested"))
    assert worth_comparing(index, filters) == shared_pairs(expected)


def test_pairs_of_one_event_are_told_the_reports_sentences(stored: tuple[list, Path]) -> None:  # type: ignore[type-arg]
    claims, store = stored
    index = store_index(store)
    pairs = worth_comparing(index, Filters())
    sentences = read_analysis(store).sentences
    wanted = {d for a, b, _ in pairs for d in (a, b)}
    assert wanted and sentence_counts(index, pairs) == Counter(
        s.doc_id for s in sentences if s.doc_id in wanted
    )
    assert sentence_counts(index, []) == {}
    # reports of other days are left out (lib/compare/when.py); short reports keep their order
    expected = one_event_pairs(shared_pairs(claims, PAIRS_SCANNED), index.base.documents, 10)
    assert pairs_of_one_event(index, Filters(), 10) == expected


def test_compaction_keeps_the_claims(stored: tuple[list, Path]) -> None:  # type: ignore[type-arg]
    claims, store = stored
    compact(store)
    assert list(read_corpus(store, read_manifest(store), tables=("claims",)).claims) == claims


def _docs(texts: list[tuple[str, str, str]]) -> tuple[Document, ...]:
    return tuple(
        Document(f"r{i}", f"Report {i}", s, d, "metadata", "en", "", "", t)
        for i, (s, d, t) in enumerate(texts)
    )


@pytest.mark.parametrize("batch_size", [1, 2])
def test_store_claims_read_batch_by_batch_are_the_analysis_claims(tmp_path: Path, batch_size: int) -> None:
    """claims_table reads the store batch by batch, and the rows of the checked sentences again;
    it gives the table the whole analysis gives, also after a report is changed (its live rows then
    in a later batch, its place in the corpus's order kept) and with actor ids the corpus settled."""
    ingest_corpus(Corpus(_docs(TEXTS)), tmp_path, batch_size=batch_size)
    changed = [
        *TEXTS[:1],
        (TEXTS[1][0], TEXTS[1][1], TEXTS[1][2] + " Governor Lina Paskov said 41 died."),
        *TEXTS[2:],
    ]
    ingest_corpus(Corpus(_docs(changed)), tmp_path, batch_size=batch_size)
    manifest = read_manifest(tmp_path)
    assert list(manifest.live())[1] == "r1" and manifest.live()["r1"] == manifest.batches[-1].id
    tables = read_corpus(tmp_path, manifest)
    expected = records_table(corpus_claims(read_analysis(tmp_path, tables)), CorpusClaim)
    found = claims_table(tmp_path, tables)
    assert found.num_rows > 0 and found.equals(expected)
    assert any(v == "contested" for v in found.column("verdict").to_pylist())


# The pairs query as it was before the pairs were derived once per store (a self-join per claim in
# view): the derived table and its numpy count must give exactly its rows, ties in the same order.
OLD_PAIRS_SQL = (
    "WITH d AS (SELECT c.file_row_number AS cid, unnest(c.docs) AS doc FROM claims c "
    "WHERE {where} AND len(c.docs) BETWEEN 2 AND ?), "
    "ids AS (SELECT doc, row_number() OVER (ORDER BY doc) AS k FROM (SELECT DISTINCT doc FROM d)), "
    "e AS (SELECT d.cid, ids.k FROM d JOIN ids USING (doc)), "
    "top AS (SELECT x.k AS a, y.k AS b, count(*) AS n FROM e x JOIN e y ON x.cid = y.cid AND x.k < y.k "
    "GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?) "
    "SELECT ia.doc, ib.doc, n FROM top JOIN ids ia ON ia.k = top.a JOIN ids ib ON ib.k = top.b "
    "ORDER BY n DESC, ia.doc, ib.doc"
)


def _synthetic_claims(count: int = 80) -> list[CorpusClaim]:
    """Claims over a small pool of reports (many pairs tie), some in one report, some in more than
    MAX_PAIR_DOCS, from three outlets over a few months."""
    rng = random.Random(7)
    pool = [f"doc-{i:02d}" for i in range(40)]
    outlets = ["Harbor Post", "Valley Courier", "North Ledger"]
    claims = []
    for i in range(count):
        size = rng.choice([1, 2, 2, 3, 4, 6, MAX_PAIR_DOCS, MAX_PAIR_DOCS + 3])
        docs = tuple(sorted(rng.sample(pool, min(size, len(pool)))))
        sources = tuple(sorted(rng.sample(outlets, rng.choice([1, 2]))))
        first = date(2031, rng.randint(1, 6), rng.randint(1, 28))
        claims.append(
            CorpusClaim(
                f"c{i}", f"Claim {i}", "corroborated", docs, sources,
                first.isoformat(), date(2031, first.month, min(first.day + 5, 28)).isoformat(),
                tuple(Span(d, 0, 5, "Claim") for d in docs),
            )
        )  # fmt: skip
    return claims


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[CorpusClaim], Path]:
    docs = (Document("r0", "Report 0", "Harbor Post", "2031-03-02", "metadata", "en", "", "", TEXTS[0][2]),)
    claims = _synthetic_claims()
    store = tmp_path_factory.mktemp("pairs")
    write_analysis(analyze_corpus(Corpus(docs)), store, claims=claims)
    return claims, store


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(sources=("North Ledger",)),
        Filters(sources=("Harbor Post", "Valley Courier")),
        Filters(date_from=date(2031, 3, 1), date_to=date(2031, 4, 30)),
        Filters(date_from=date(2031, 2, 1), date_to=date(2031, 5, 31), sources=("Valley Courier",)),
        Filters(sources=("Nobody",)),
    ],
)
@pytest.mark.parametrize("limit", [1, 3, 10, 10_000])
def test_pairs_worth_comparing_are_those_of_the_old_query(
    synthetic: tuple[list[CorpusClaim], Path], filters: Filters, limit: int
) -> None:
    claims, store = synthetic
    index = store_index(store)
    kept = claims_in_memory(claims, filters)
    assert 0 < len(kept) < len(claims) or filters in (Filters(), Filters(sources=("Nobody",)))
    found = worth_comparing(index, filters, limit)
    con, _ = connect(store) or pytest.fail("no store")
    own = where("claims", filters, "c")
    old = con.execute(OLD_PAIRS_SQL.format(where=own.sql), [*own.params, MAX_PAIR_DOCS, limit]).fetchall()
    assert found == [(str(a), str(b), int(n)) for a, b, n in old] == shared_pairs(kept, limit)
    assert claims_in_view(index, filters) == (kept, len(kept))
    assert claims_in_view(index, filters, limit=limit // 2) == (kept[: limit // 2], len(kept))
    if filters == Filters(sources=("Nobody",)):
        assert found == []
    elif limit == 10:  # ties are cut in the reports' order, most shared first
        assert len(found) == 10 and found[0][2] >= found[-1][2] > 1


def _resettled(tables: CorpusTables, manifest: Manifest) -> CorpusTables:
    """The tables with every person's id settled to another in each batch (as a larger corpus
    settles a batch's ids): the stored ids must go through the actor map as the rows' do."""
    people = [a for a in tables.actors if a.type == "person"]
    assert people
    moved = tuple(replace(a, id=f"{a.id}-settled") for a in people)
    amap = {(b.id, d, a.id): f"{a.id}-settled" for b in manifest.batches for d in b.docs for a in people}
    return replace(tables, actors=(*tables.actors, *moved), actor_map=amap)


def _restamped(path: Path) -> None:
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({claim_rows.VERSION_KEY: "other-code"}), path)


@pytest.mark.parametrize("kind", ["stored", "missing", "other-code"])
def test_claims_from_stored_claim_rows_are_those_made_from_the_rows(tmp_path: Path, kind: str) -> None:
    """Each batch folder holds its documents' sentence claims (lib/store/claim_rows.py, made at
    ingest); the corpus step reads them, ids mapped through the corpus's actor map, and gives the
    table the rows give. A folder without them (an older store) or with those of other code is
    read from its rows as before."""
    ingest_corpus(Corpus(_docs(TEXTS)), tmp_path, batch_size=1)
    manifest = read_manifest(tmp_path)
    files = [table_path(tmp_path, b.id, claim_rows.CLAIM_ROWS) for b in manifest.batches]
    assert all(claim_rows.current(f) for f in files)
    if kind == "missing":
        for f in files:
            f.unlink()
    elif kind == "other-code":
        for f in files:
            _restamped(f)
    assert all(claim_rows.current(f) is (kind == "stored") for f in files)
    tables = _resettled(read_corpus(tmp_path, manifest), manifest)
    expected = records_table(corpus_claims(read_analysis(tmp_path, tables)), CorpusClaim)
    found = claims_table(tmp_path, tables)
    assert found.num_rows > 0 and found.equals(expected)
    assert any(a.endswith("-settled") for row in found.column("actors").to_pylist() for a in row)


def test_compaction_writes_current_claim_rows(tmp_path: Path) -> None:
    ingest_corpus(Corpus(_docs(TEXTS)), tmp_path, batch_size=1)
    compact(tmp_path)
    manifest = read_manifest(tmp_path)
    assert all(
        claim_rows.current(table_path(tmp_path, b.id, claim_rows.CLAIM_ROWS)) for b in manifest.batches
    )
    tables = read_corpus(tmp_path, manifest)
    expected = records_table(corpus_claims(read_analysis(tmp_path, tables)), CorpusClaim)
    assert claims_table(tmp_path, tables).equals(expected)


@pytest.mark.parametrize(("first", "batch_size"), [(1, 1), (2, 1), (2, 2), (3, 1)])
def test_claims_after_reports_added_later_are_those_of_a_full_ingest(
    tmp_path: Path, first: int, batch_size: int
) -> None:
    """Reports ingested in two runs (the corpus tables updated, not recomputed, where they can be)
    end with the corpus tables of one ingest of them all: the claims, the merged events and the
    positions."""
    docs = _docs(TEXTS)
    ingest_corpus(Corpus(docs[:first]), tmp_path / "step", batch_size=batch_size)
    ingest_corpus(Corpus(docs), tmp_path / "step", batch_size=batch_size)
    ingest_corpus(Corpus(docs), tmp_path / "full", batch_size=batch_size)

    def corpus_table(store: Path, name: str) -> pa.Table:
        return pq.read_table(corpus_path(store, read_manifest(store), name))

    for name in ("claims", "events", "positions", "actors"):
        incremental, full = corpus_table(tmp_path / "step", name), corpus_table(tmp_path / "full", name)
        assert incremental.equals(full), name
    assert corpus_table(tmp_path / "full", "claims").num_rows > 0


# A batch's rows and the checked sentences' spans: the rows read back for them are those inside one
SPANS = [Span("r0", 0, 40, ""), Span("r0", 50, 90, ""), Span("r1", 10, 30, "")]


@pytest.mark.parametrize(
    ("row", "kept"),
    [
        (("r0", 0, 40), True),  # the whole sentence
        (("r0", 5, 12), True),  # inside the first
        (("r0", 60, 90), True),  # ends where the second ends
        (("r0", 35, 55), False),  # across two sentences
        (("r0", 41, 49), False),  # between them
        (("r0", 85, 95), False),  # runs past the second
        (("r1", 10, 30), True),  # another report's sentence
        (("r1", 0, 12), False),  # starts before it
        (("r1", 45, 50), False),  # the first report's span does not hold the second's rows
    ],
)
def test_rows_read_again_are_those_inside_a_checked_sentence(row: tuple[str, int, int], kept: bool) -> None:
    doc, start, end = row
    table = pa.table({"doc_id": [doc], "start": [start], "end": [end]})
    spans = {d: [s for s in SPANS if s.doc_id == d] for d in ("r0", "r1")}
    assert _within(table, spans).to_pylist() == ([0] if kept else [])


@pytest.mark.parametrize(
    "rows",
    [
        [["harbor", "ferry", "strike"], ["harbor", "ferry", "strike"], ["toll", "bridge"]],  # a repeat
        [[], ["quay"], [], ["quay"]],  # no terms, and one term
        [["ferry"], ["ferry", "ferry"], ["ferry", "ferry"]],  # a term twice: its own wording
        [["dock", ""], ["dock"]],  # an empty term (the join would hide it): read row by row
        [["a\x00b"], ["a", "b"]],  # a term holding the join (likewise)
        [],
    ],
)
def test_wordings_are_the_stored_terms(rows: list[list[str]]) -> None:
    """A stored sentence's terms read as one tuple per distinct wording: equal to the row's terms,
    and repeated wordings one object."""

    column = pa.chunked_array(
        [pa.array(rows[:2], pa.list_(pa.string())), pa.array(rows[2:], pa.list_(pa.string()))]
    )
    found = _wordings(column)
    assert found == [tuple(r) for r in rows]
    if all("" not in r and not any("\x00" in t for t in r) for r in rows):
        for a, b in [(a, b) for a in range(len(rows)) for b in range(len(rows)) if rows[a] == rows[b]]:
            assert found[a] is found[b]


@pytest.mark.parametrize(
    ("appended", "extended"),
    [
        (["one", "two"], ["three"]),
        ([], ["solo"]),
        (["first"], []),
        (["a"] * 5000, ["b", "c"]),  # more than a chunk appended
        (["“Quoted” — said", ""], ["Zoë’s ferry", "€5"]),  # curly quotes, dashes, an empty text
    ],
)
def test_arrow_texts_extended_after_appended(appended: list[str], extended: list[str]) -> None:

    texts = ArrowTexts()
    for t in appended:
        texts.append(t)
    texts.extend(pa.chunked_array([pa.array(extended, pa.string())], pa.string()))
    texts.append("last")
    expected = [*appended, *extended, "last"]
    assert len(texts) == len(expected)
    assert [texts[k] for k in range(len(expected))] == expected
    with pytest.raises(IndexError):
        texts[len(expected)]
