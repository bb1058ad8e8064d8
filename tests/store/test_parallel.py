"""Parallel, resumable ingest: equal to lib.extract.pipeline.analyze_corpus, whatever the batches and
processes."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from lib.extract.pipeline import analyze_corpus
from lib.records import Analysis, Corpus, Document
from lib.store import parallel, parquet
from lib.store.parallel import ingest_corpus, plan_batches, text_progress
from lib.store.parquet import read_analysis, read_manifest

# Four small reports written for this test: names, quotes, dates and numbers across documents.
TEXTS = [
    "Mayor Ada Quill said on Monday that the Lowtown bridge will close for 30 days.\n\n"
    '"We have no other choice," Quill told reporters.',
    "The Lowtown council rejected the plan on 12 March 2021, said Bo Reyes, its chairman.\n\n"
    "Reyes accused Ada Quill of ignoring 4,000 residents.",
    'Ada Quill met Bo Reyes in Lowtown on Tuesday. "The talks were useful," Reyes said.',
    "Engineers from Harbor Works said the bridge needs repairs costing $2 million.",
]


def _corpus(texts: list[str] = TEXTS) -> Corpus:
    docs = tuple(
        Document(f"t{i}", f"Report {i}", f"Outlet {i % 2}", f"2021-03-{10 + i}", "metadata", "en", "", "", t)
        for i, t in enumerate(texts)
    )
    return Corpus(docs)


@pytest.fixture(scope="module")
def expected() -> Analysis:
    return analyze_corpus(_corpus())


# Names linked across batch boundaries (lib/store/links.py): the store's corpus step links every
# batch's names together, as one pass over the corpus does.
# A full name in one batch, its bare surname alone in another: the one bearer of the corpus.
SPLIT_SURNAME = [
    "Mayor Ada Quill said on Monday that the Lowtown bridge will close.",
    "The Lowtown council met on Tuesday.",
    "Mayor Quill told reporters on Friday that Quill would resign.",
    "Engineers said the bridge needs repairs.",
]
# An organisation's name in one batch, its initials alone in another.
SPLIT_ACRONYM = [
    "The Northern Water Authority raised prices for Lowtown homes on Monday.",
    "Farmers in Upton met on Tuesday after the harvest.",
    "NWA engineers said on Friday that the dam would reopen in May.",
    "The weather stayed dry across the valley all week.",
]
# Two full-named bearers of one surname in two batches: the bare surname of a third report names
# neither (the ambiguity guard), though its batch holds one of them.
TWO_BEARERS = [
    "Senator Paul Avery spoke to farmers in Lowtown on Monday.",
    "Mr. Avery told reporters on Monday that the vote in Lowtown would pass.",
    "Governor Tim Avery visited a school in Upton on Friday.",
    "The weather stayed dry across the valley all week.",
]


def _actor_of(analysis: Analysis, doc_id: str, text: str) -> str:
    return next(m.actor_id for m in analysis.mentions if m.doc_id == doc_id and m.text == text)


def test_the_pipeline_links_these_names_as_the_store_must() -> None:
    """What the cases below compare against: the single pass links or keeps apart as a reader would."""
    surname = analyze_corpus(_corpus(SPLIT_SURNAME))
    assert _actor_of(surname, "t2", "Quill") == _actor_of(surname, "t0", "Ada Quill")
    acronym = analyze_corpus(_corpus(SPLIT_ACRONYM))
    assert _actor_of(acronym, "t2", "NWA") == _actor_of(acronym, "t0", "Northern Water Authority")
    bearers = analyze_corpus(_corpus(TWO_BEARERS))
    assert _actor_of(bearers, "t1", "Avery") not in {
        _actor_of(bearers, "t0", "Paul Avery"),
        _actor_of(bearers, "t2", "Tim Avery"),
    }


@pytest.mark.parametrize(
    "texts", [SPLIT_SURNAME, SPLIT_ACRONYM, TWO_BEARERS], ids=["surname", "acronym", "bearers"]
)
@pytest.mark.parametrize(("processes", "batch_size"), [(1, 1), (1, 2), (1, 3), (1, 4), (2, 2)])
def test_names_linked_across_batches(
    tmp_path: Path, texts: list[str], processes: int, batch_size: int
) -> None:
    ingest_corpus(_corpus(texts), tmp_path, processes=processes, batch_size=batch_size)
    assert read_analysis(tmp_path) == analyze_corpus(_corpus(texts))


@pytest.mark.parametrize(
    ("processes", "batch_size"),
    [(1, 1), (1, 3), (1, 4), (2, 1), (2, 4), (1, 2)],
)
def test_ingest_equals_the_single_process_pipeline(
    tmp_path: Path, expected: Analysis, processes: int, batch_size: int
) -> None:
    ingest_corpus(_corpus(), tmp_path, processes=processes, batch_size=batch_size)
    assert read_analysis(tmp_path) == expected


def test_ingest_that_ends_by_compacting_equals_the_pipeline(
    tmp_path: Path, expected: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MAX_BATCHES", 2)
    ingest_corpus(_corpus(), tmp_path, batch_size=1)
    assert len(read_manifest(tmp_path).batches) == 1
    assert read_analysis(tmp_path) == expected


def test_an_interrupted_ingest_resumes_and_ends_equal(tmp_path: Path, expected: Analysis) -> None:
    def crash(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_corpus(_corpus(), tmp_path, batch_size=1, progress=crash)
    assert len(read_manifest(tmp_path).batches) == 2  # the batches written before the crash are kept
    report = ingest_corpus(_corpus(), tmp_path, batch_size=1)
    assert (report.documents, report.skipped) == (2, 2)
    assert read_analysis(tmp_path) == expected


def _no_full_recompute(*args: object) -> None:
    raise AssertionError("the corpus tables were recomputed, not updated")


@pytest.mark.parametrize(
    ("first", "updated"),
    # after one or two reports "Lowtown" is an organisation by majority, after four a place: that
    # changes an id the tables hold, so they are recomputed; after three nothing changes
    [(1, False), (2, False), (3, True)],
)
def test_documents_added_later_give_what_a_full_ingest_gives(
    tmp_path: Path, expected: Analysis, first: int, updated: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus()
    ingest_corpus(replace(corpus, documents=corpus.documents[:first]), tmp_path, batch_size=1)
    calls = []
    full = parallel.corpus_tables
    monkeypatch.setattr(parallel, "corpus_tables", lambda *a: calls.append(1) or full(*a))
    ingest_corpus(corpus, tmp_path, batch_size=1)
    assert read_analysis(tmp_path) == expected
    assert calls == ([] if updated else [1])


def test_the_seeds_added_one_after_the_other_give_the_full_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lib.read.ingest import load_corpus

    seeds = load_corpus([Path(__file__).resolve().parents[2] / "data"])
    ingest_corpus(replace(seeds, documents=seeds.documents[:1]), tmp_path)
    monkeypatch.setattr(parallel, "corpus_tables", _no_full_recompute)
    ingest_corpus(seeds, tmp_path)
    whole = analyze_corpus(seeds)
    stored = read_analysis(tmp_path)
    assert (stored.events, stored.positions, stored.actors) == (whole.events, whole.positions, whole.actors)


def test_a_changed_document_or_an_unfinished_refresh_recomputes_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus()
    ingest_corpus(replace(corpus, documents=corpus.documents[:2]), tmp_path, batch_size=1)
    manifest = read_manifest(tmp_path)
    calls = []
    full = parallel.corpus_tables
    monkeypatch.setattr(parallel, "corpus_tables", lambda *a: calls.append(1) or full(*a))
    # a batch committed by a run that stopped before its refresh: the tables do not cover it
    parquet.write_manifest(tmp_path, replace(manifest, covers=manifest.covers[:1]))
    ingest_corpus(replace(corpus, documents=corpus.documents[:3]), tmp_path, batch_size=1)
    assert calls == [1]
    changed = replace(corpus.documents[0], text="Harbor Works said the bridge is safe.")
    ingest_corpus(replace(corpus, documents=(changed, *corpus.documents[1:3])), tmp_path, batch_size=1)
    assert calls == [1, 1]


def test_a_changed_document_is_the_only_one_extracted_again(tmp_path: Path) -> None:
    # One document per batch: a batch-mate's rows would keep the old document's influence on the
    # batch-level actor resolution (see lib/store/parallel.py).
    ingest_corpus(_corpus(), tmp_path, batch_size=1)
    changed = [*TEXTS[:3], "Harbor Works said the bridge is safe."]
    report = ingest_corpus(_corpus(changed), tmp_path, batch_size=1)
    assert (report.documents, report.skipped, report.batches) == (1, 3, 1)
    assert read_analysis(tmp_path) == analyze_corpus(_corpus(changed))


@pytest.mark.parametrize(("stored", "todo"), [(0, 4), (4, 0), (2, 2)])
def test_plan_skips_documents_already_stored(tmp_path: Path, stored: int, todo: int) -> None:
    corpus = _corpus()
    if stored:
        ingest_corpus(replace(corpus, documents=corpus.documents[:stored]), tmp_path, batch_size=1)
    plan = plan_batches(corpus.documents, read_manifest(tmp_path), batch_size=1)
    assert sum(len(docs) for _, docs in plan) == todo


@pytest.mark.parametrize(
    ("done", "total", "shown"), [(0, 4, "0/4"), (2, 4, "2/4"), (4, 4, "4/4 documents\n")]
)
def test_text_progress_bar(done: int, total: int, shown: str) -> None:
    out = io.StringIO()
    text_progress(out, width=4)(done, total)
    assert shown in out.getvalue() and out.getvalue().startswith("\r[")
    assert out.getvalue().endswith("\n") == (done == total)


def test_cli_refresh_recomputes_the_corpus_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lib.__main__ import main

    reports = tmp_path / "reports"
    reports.mkdir()
    for i, text in enumerate(TEXTS):
        (reports / f"story{i}.txt").write_text(text, encoding="utf-8")
    store_dir = tmp_path / "store"
    assert main(["ingest", str(reports), "--store", str(store_dir)]) == 0
    before = read_analysis(store_dir)
    calls = []
    full = parallel.corpus_tables
    monkeypatch.setattr(parallel, "corpus_tables", lambda *a: calls.append(1) or full(*a))
    assert main(["ingest", str(reports), "--store", str(store_dir)]) == 0  # nothing new: nothing done
    assert calls == [1]  # an ingest with nothing to extract still refreshes (errors may have changed)
    assert main(["ingest", str(reports), "--store", str(store_dir), "--refresh"]) == 0
    assert len(calls) == 3
    after = read_analysis(store_dir)  # the same, but for how many files this run parsed (the cache)
    assert replace(after, corpus=replace(after.corpus, parsed=0)) == replace(
        before, corpus=replace(before.corpus, parsed=0)
    )


@pytest.mark.slow
def test_workers_started_early_load_the_model_and_are_closed_by_the_ingest(
    tmp_path: Path, expected: Analysis
) -> None:
    workers = parallel.Workers(2)
    workers.wait_ready()  # both have loaded the model: a missing one would time out
    assert list(workers.map(abs, [-3, 2, -1, 0, -5])) == [3, 2, 1, 0, 5]  # in order
    ingest_corpus(_corpus(), tmp_path, batch_size=1, workers=workers)
    assert read_analysis(tmp_path) == expected
    with pytest.raises(RuntimeError):  # closed before the corpus tables were refreshed
        list(workers.map(abs, [1]))


@pytest.mark.slow
def test_cli_ingest_with_two_processes(tmp_path: Path) -> None:
    from lib.__main__ import main

    reports = tmp_path / "reports"
    reports.mkdir()
    for i, text in enumerate(TEXTS):
        (reports / f"story{i}.txt").write_text(text, encoding="utf-8")
    assert main(["ingest", str(reports), "--store", str(tmp_path / "store"), "--processes", "2"]) == 0
    assert len(read_manifest(tmp_path / "store").live()) == len(TEXTS)


@pytest.mark.parametrize("files", [{}, {"notes.xyz": "not a report"}], ids=["empty", "unreadable-only"])
def test_cli_ingest_of_a_folder_without_reports_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    """An empty folder (or one holding nothing readable) is a message and exit 1, not a traceback;
    the store it leaves is a valid empty one."""
    from lib.__main__ import main
    from lib.store.check import check_store

    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    assert main(["ingest", str(reports), "--store", str(tmp_path / "store")]) == 1
    assert "no readable report in" in capsys.readouterr().err
    assert check_store(tmp_path / "store").ok
