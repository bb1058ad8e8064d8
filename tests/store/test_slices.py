"""A page's slice of a store gives the page what the whole analysis gives it.

Both corpora are written to a store (one document per batch, so every query crosses batches);
each page's frames are built from the slice the page reads and from the whole analysis, for a
table of views, and must be equal.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from dashboard_fixtures import sample_analysis

from lib.compare.align import compare
from lib.extract.dates.values import period
from lib.extract.pipeline import analyze_paths
from lib.records import Analysis, Target
from lib.store.parquet import read_analysis, read_corpus, read_manifest, write_analysis, write_corpus
from lib.store.slices import (
    StoreIndex,
    count_events,
    documents_slice,
    overview_quotes,
    positions_slice,
    stance_pairs,
    store_index,
    timeline_slice,
)
from lib.view import frames, render, stances, timeline
from lib.view.urls import Filters

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=["seeds", "sample"])
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Analysis, StoreIndex]:
    analysis = (
        analyze_paths([ROOT / "data"]) if request.param == "seeds" else _with_targets(sample_analysis())
    )
    store = tmp_path_factory.mktemp(request.param)
    write_analysis(analysis, store, batch_size=1)
    return read_analysis(store), store_index(store)


def _with_targets(analysis: Analysis) -> Analysis:
    """The sample with its quotes about other actors: every basis, with and without a polarity."""
    given = (
        (Target("sylvania", "neg", "named"), Target("trentino", None, "topic")),
        (Target("sylvania", "pos", "pronoun"),),
        (
            Target("rufus-firefly", "neg", "context"),
            Target("freedonia", None, "named"),
            Target(None, "neg", "named", "the media"),  # a group: no actor id
        ),
    )
    quotes = tuple(replace(q, targets=t) for q, t in zip(analysis.quotes, given, strict=True))
    return replace(analysis, quotes=quotes)


def _filters(analysis: Analysis) -> list[Filters]:
    """No filter, each actor that has events, a day, an open range, a source, and all together."""
    actors = sorted({a for e in analysis.events for a in e.actors})[:3]
    days = sorted({e.date for e in analysis.events if len(e.date) == 10})
    day = date.fromisoformat(days[0])
    sources = sorted({d.source for d in analysis.documents if d.source})[:1]
    return [
        Filters(),
        *(Filters(actors=(a,)) for a in actors),
        Filters(date_from=day, date_to=day),
        Filters(date_from=day),
        Filters(date_to=date(2015, 1, 1)),
        Filters(sources=tuple(sources)),
        Filters(actors=tuple(actors[:2]), sources=tuple(sources), date_from=date(2014, 1, 1)),
    ]


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


def test_the_index_offers_what_the_whole_analysis_offers(stored: tuple[Analysis, StoreIndex]) -> None:
    whole, index = stored
    assert index.choices == frames_choices(whole)
    assert index.bounds == frames.date_bounds(whole)
    same(frames.documents_frame(index.base, Filters()), frames.documents_frame(whole, Filters()))
    assert all(d.text == "" for d in index.base.documents)  # no text held by the index


def frames_choices(analysis: Analysis) -> object:
    from lib.view.urls import choices_of

    return choices_of(analysis)


def test_timeline_slice(stored: tuple[Analysis, StoreIndex]) -> None:
    whole, index = stored
    for f in _filters(whole):
        part = timeline_slice(index, f)
        assert not part.notes
        same(timeline.events_frame(part.analysis, f), timeline.events_frame(whole, f))
        for group in ("actor", "source"):
            same(
                timeline.timeline_frame(part.analysis, f, group),
                timeline.timeline_frame(whole, f, group),
            )
        assert count_events(index, f) == len(timeline.events_in_view(whole, f))
        assert len(part.analysis.sentences) < len(whole.sentences)  # only the evidence sentences


def test_a_long_timeline_is_cut_to_the_latest_events_with_a_note(stored: tuple[Analysis, StoreIndex]) -> None:
    whole, index = stored
    part = timeline_slice(index, Filters(), limit=2)
    everything = timeline.events_in_view(whole, Filters())
    assert len(part.analysis.events) == 2

    def end(value: str) -> date:  # the last day an event's date covers ("2022-W05" ends in February)
        span = period(value)
        return span[1] if span else date.min

    latest = sorted((end(e.date) for e in everything), reverse=True)[:2]
    assert sorted((end(e.date) for e in part.analysis.events), reverse=True) == latest
    assert part.notes and f"{len(everything):,} events match" in part.notes[0]


def test_positions_slice(stored: tuple[Analysis, StoreIndex]) -> None:
    whole, index = stored
    actors = sorted({p.actor_id for p in whole.positions})[:3]
    issues = sorted({p.issue for p in whole.positions})[:2]
    for f in _filters(whole):
        same(frames.positions_frame(index.base, f), frames.positions_frame(whole, f))
        for focus in (None, *actors):
            for issue in (None, *issues):
                part = positions_slice(index, f, focus, issue).analysis
                same(
                    frames.statements_frame(part, f, focus, issue),
                    frames.statements_frame(whole, f, focus, issue),
                )
                every = positions_slice(index, f, focus, issue, every=True).analysis
                for guessed in (False, True):
                    # read whole (under corrections), the statements give the matrix as the whole analysis
                    mine, theirs = (
                        stances.targets_frame(every, f, guessed),
                        stances.targets_frame(whole, f, guessed),
                    )
                    same(mine, theirs)
                if focus and issue:
                    same(
                        stances.weekly_frame(index.base, f, focus, issue),
                        stances.weekly_frame(whole, f, focus, issue),
                    )
                if focus:
                    same(frames.aliases_frame(part, focus, f), frames.aliases_frame(whole, focus, f))
                    mine, theirs = frames.quotes_frame(part, f), frames.quotes_frame(whole, f)
                    same(mine[mine["speaker_id"] == focus], theirs[theirs["speaker_id"] == focus])


def test_the_store_counts_who_stands_against_whom_and_reads_a_picked_pair(
    stored: tuple[Analysis, StoreIndex],
) -> None:
    """The matrix counted in SQL (stance_pairs) is the one counted from every statement in view, and
    a slice read for a picked pair (a speaker, an actor spoken of, or both) holds its evidence whole;
    without a pick the slice holds no statement read only for the matrix."""
    whole, index = stored
    for f in _filters(whole):
        for guessed in (False, True):
            theirs = stances.targets_frame(whole, f, guessed)
            pairs = stance_pairs(index, f, guessed)
            same(pairs, stances.pairs_frame(theirs))
            picks = [
                pick
                for by, about in zip(pairs["speaker_id"][:2], pairs["target_id"][:2], strict=True)
                for pick in ((by, about), (by, None), (None, about))
            ]
            for by, about in picks:
                part = positions_slice(index, f, None, None, pair=(by, about)).analysis
                same(
                    stances.pair_evidence(stances.targets_frame(part, f, guessed), by, about),
                    stances.pair_evidence(theirs, by, about),
                )
    statements = [s for _, s in frames.statement_spans(whole, Filters(), None, None)]
    for q in positions_slice(index, Filters(), None, None).analysis.quotes:  # a statement's speaker only
        assert any(s.doc_id == q.doc_id and q.start < s.end and s.start < q.end for s in statements)


@pytest.mark.parametrize(
    ("renamed", "to"),
    [
        ("sylvania", "sylvania-state"),  # a target named in two statements
        ("rufus-firefly", "rufus-t-firefly"),  # a speaker and a target of another's statement
        ("nobody", "no-one"),  # the map names no id a quote holds: every quote as stored
    ],
)
def test_a_positions_slice_reads_ids_through_the_actor_map(tmp_path: Path, renamed: str, to: str) -> None:
    """The slice's quotes (a focus actor's, the statements', those about other actors) carry the
    corpus's ids, as the whole analysis read from the store has them: speakers and targets alike."""
    store = tmp_path / "store"
    write_analysis(_with_targets(sample_analysis()), store, batch_size=1)
    manifest = read_manifest(store)
    amap = {(b, d, renamed): to for d, b in manifest.live().items()}
    write_corpus(store, replace(read_corpus(store, manifest), actor_map=amap))
    whole = {(q.doc_id, q.start, q.end): q for q in read_analysis(store).quotes}
    index = store_index(store)
    focus = next(a.id for a in index.base.actors if a.id in (to, "trentino"))
    part = positions_slice(index, Filters(), focus, None, every=True).analysis
    assert part.quotes and all(q == whole[(q.doc_id, q.start, q.end)] for q in part.quotes)
    held = {t.actor_id for q in part.quotes for t in q.targets} | {q.speaker_id for q in part.quotes}
    assert (to in held, renamed in held) == ((True, False) if renamed != "nobody" else (False, False))


def test_statements_are_cut_at_the_limit(stored: tuple[Analysis, StoreIndex]) -> None:
    whole, index = stored
    part = positions_slice(index, Filters(), None, None, limit=2).analysis
    same(
        frames.statements_frame(part, Filters(), None, None, 2),
        frames.statements_frame(whole, Filters(), None, None, 2),
    )


def test_documents_slice_serves_reader_and_comparison(stored: tuple[Analysis, StoreIndex]) -> None:
    whole, index = stored
    a, b = [d.id for d in whole.documents][:2]
    part = documents_slice(index, [a, b]).analysis
    assert part.document(a) == whole.document(a) and part.document(b) == whole.document(b)
    assert compare(part, a, b) == compare(whole, a, b)
    for doc in (a, b):
        assert render.document_marks(part, doc) == render.document_marks(whole, doc)
        same(frames.mentions_frame(part, doc), frames.mentions_frame(whole, doc))
        mine, theirs = frames.quotes_frame(part, Filters()), frames.quotes_frame(whole, Filters())
        same(mine[mine["doc_id"] == doc], theirs[theirs["doc_id"] == doc])
    comparison = compare(whole, a, b)
    same(frames.claims_frame(part, comparison), frames.claims_frame(whole, comparison))
    same(frames.discrepancies_frame(part, comparison), frames.discrepancies_frame(whole, comparison))


def test_overview_quotes_count_speakers_as_the_whole_analysis(stored: tuple[Analysis, StoreIndex]) -> None:
    whole, index = stored
    for f in _filters(whole):
        mine, theirs = overview_quotes(index, f), frames.quotes_frame(whole, f)
        assert len(mine) == len(theirs)
        same(frames.speakers_frame(mine), frames.speakers_frame(theirs))
        assert frames.unresolved_speakers(mine) == frames.unresolved_speakers(theirs)


def test_the_documents_in_view_are_those_the_filters_keep(stored: tuple[Analysis, StoreIndex]) -> None:
    """The ``in_view`` table every query joins (kept per filters) holds frames.docs_in_view's documents
    in corpus order, however often it is asked for and in whichever order."""
    analysis, index = stored
    table = _filters(analysis)
    for filters in [*table, *reversed(table)]:
        expected = list(frames.docs_in_view(analysis, filters))
        assert index.in_view(filters).column("doc_id").to_pylist() == expected
        assert set(index.in_view_ids(filters)) == set(expected)
        positions = index.in_view(filters).column("pos").to_pylist()
        assert positions == sorted(positions)
    assert any(len(index.in_view(f)) < len(analysis.documents) for f in table)  # the filters do drop some


@pytest.mark.parametrize("phrases", [("dialogue",), ("retreat", "border"), ("no such phrase",)])
def test_an_added_issue_files_the_same_statements_on_a_store(
    stored: tuple[Analysis, StoreIndex], phrases: tuple[str, ...]
) -> None:
    """An issue the analyst adds (lib/view/corrections.py) takes the store's statements that use its
    phrases, read in one query, as the whole analysis files them."""
    from lib.store.slices import quotes_using
    from lib.view.corrections import Corrections, added_issue_id, apply_corrections

    whole, index = stored
    c = Corrections(issue_add={"Added": phrases})
    found = quotes_using(index, phrases)
    assert all(any(p in q.text.casefold() for p in phrases) and q.speaker_id for q in found)

    def rows(a: Analysis) -> set[tuple[str, str, int]]:
        return {(p.actor_id, p.stance, p.count) for p in a.positions if p.issue == added_issue_id("Added")}

    expected = rows(apply_corrections(whole, c))
    assert rows(apply_corrections(index.base, c, found)) == expected
    assert bool(expected) == bool(found)  # the phrases used by some statement give their column rows
    assert quotes_using(index, ()) == ()
