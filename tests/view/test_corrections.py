"""The analyst's corrections (lib/view/corrections.py) on the hand-written corpus of
tests/dashboard_fixtures.py: each kind, merge chains and cycles, old ids, the file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from dashboard_fixtures import TEXT_B, sample_analysis, span

from lib.records import Analysis, Position, Target
from lib.view import corrections as corr
from lib.view import urls
from lib.view.corrections import Corrections, CorrectionsError, apply_corrections, resolve_actor_id


def ids(a: Analysis) -> list[str]:
    return [x.id for x in a.actors]


def test_no_corrections_leave_the_analysis_as_it_is() -> None:
    a = sample_analysis()
    assert apply_corrections(a, Corrections()) is a


def test_merge_moves_every_record_and_keeps_the_names() -> None:
    a = sample_analysis()
    c = Corrections(merge={"trentino": "rufus-firefly"})
    out = apply_corrections(a, c)
    assert "trentino" not in ids(out)
    merged = out.actor("rufus-firefly")
    assert merged is not None and "Trentino" in merged.aliases and merged.name == "Rufus Firefly"
    assert {m.actor_id for m in out.mentions} == {"freedonia", "sylvania", "rufus-firefly"}
    assert {q.speaker_id for q in out.quotes} == {"rufus-firefly"}
    assert out.events[1].actors == ("rufus-firefly",)
    talks = [p for p in out.positions if p.issue == "talks"]
    assert [(p.actor_id, p.count) for p in talks] == [("rufus-firefly", 1)]
    # provenance untouched
    assert [(q.doc_id, q.start, q.end) for q in out.quotes] == [(q.doc_id, q.start, q.end) for q in a.quotes]


def test_merge_joins_positions_of_both_actors() -> None:
    a = sample_analysis()
    retreat = span("beta-1", TEXT_B, "Freedonia would not retreat")
    extra = Position("trentino", "withdrawal", "Troop withdrawal", "opposes", 1, (retreat,))
    a = replace(a, positions=(*a.positions, extra))
    out = apply_corrections(a, Corrections(merge={"trentino": "rufus-firefly"}))
    rows = [(p.actor_id, p.issue, p.count) for p in out.positions]
    assert ("rufus-firefly", "withdrawal", 2) in rows  # the shared statement counted once
    assert all(p.count == len(p.evidence) for p in out.positions)


@pytest.mark.parametrize(
    ("merge", "start", "end"),
    [
        ({"a": "b", "b": "c"}, "a", "c"),  # a chain
        ({"a": "b", "b": "c"}, "c", "c"),  # the end of a chain
        ({"a": "b", "b": "a"}, "a", "a"),  # a cycle: both land on its smallest id
        ({"a": "b", "b": "a"}, "b", "a"),
        ({"x": "b", "b": "c", "c": "b"}, "x", "b"),  # a tail into a cycle
        ({"a": "a"}, "a", "a"),  # onto itself
        ({}, "z", "z"),  # not merged
    ],
)
def test_merge_chains_and_cycles_resolve(merge: dict[str, str], start: str, end: str) -> None:
    assert resolve_actor_id(Corrections(merge=merge), start) == end


def test_a_merge_cycle_still_gives_one_actor() -> None:
    c = Corrections(merge={"trentino": "rufus-firefly", "rufus-firefly": "trentino"})
    out = apply_corrections(sample_analysis(), c)
    assert "rufus-firefly" in ids(out) and "trentino" not in ids(out)


def test_with_merge_never_makes_a_cycle() -> None:
    c = corr.with_merge(Corrections(), ["b"], "a", {})
    c = corr.with_merge(c, ["a"], "b", {})  # reversed: b stops following a
    assert c.merge == {"a": "b"}
    c = corr.with_merge(c, ["b"], "c", {})  # chains: a -> b -> c
    assert resolve_actor_id(c, "a") == "c"


def test_old_ids_lead_to_the_merged_actor() -> None:
    c = Corrections(merge={"trentino": "rufus-firefly"})
    out = apply_corrections(sample_analysis(), c)
    choices = urls.choices_of(out)
    choices = replace(choices, aliases=corr.merged_aliases(c, choices.actors))
    view, notices = urls.parse_query({"actor": ["trentino"], "focus": ["trentino"]}, choices)
    assert view.filters.actors == ("rufus-firefly",) and view.focus == "rufus-firefly" and not notices
    view, notices = urls.parse_query({"actor": ["nobody"]}, choices)
    assert view.filters.actors == () and notices  # an unknown id still says so
    assert corr.expand_actors(c, ["rufus-firefly"]) == ("rufus-firefly", "trentino")


def test_rename_and_retype() -> None:
    c = Corrections(rename={"trentino": "Luigi Trentino"}, retype={"geneva": "organization"})
    out = apply_corrections(sample_analysis(), c)
    trentino, geneva = out.actor("trentino"), out.actor("geneva")
    assert trentino is not None and trentino.name == "Luigi Trentino" and "Trentino" in trentino.aliases
    assert geneva is not None and geneva.type == "organization"
    assert urls.choices_of(out).actors["geneva"] == "Geneva"  # now offered in the pickers


def test_hide_drops_the_actor_and_unresolves_its_quotes() -> None:
    out = apply_corrections(sample_analysis(), Corrections(hide=("trentino",)))
    assert "trentino" not in ids(out)
    assert all(m.actor_id != "trentino" for m in out.mentions)
    talks = [q for q in out.quotes if q.text.startswith("called for")]
    assert talks[0].speaker_id is None and talks[0].speaker_text == "Ambassador Trentino"
    assert out.events[1].actors == ()
    assert all(p.actor_id != "trentino" for p in out.positions)


def test_split_moves_the_named_mentions_and_their_quotes() -> None:
    """A wrong merge by the extraction: "Groucho Marx" came out as Rufus Firefly."""
    a = sample_analysis()
    text = TEXT_B
    said = span("beta-1", text, "Rufus Firefly")
    # the second document's "Rufus Firefly" mention and quote, written as another person
    mentions = tuple(
        replace(m, text="Groucho Marx") if m.doc_id == "beta-1" and m.actor_id == "rufus-firefly" else m
        for m in a.mentions
    )
    quotes = tuple(
        replace(q, speaker_text="Groucho Marx")
        if q.doc_id == "beta-1" and q.speaker_id == "rufus-firefly"
        else q
        for q in a.quotes
    )
    a = replace(a, mentions=mentions, quotes=quotes)
    out = apply_corrections(a, Corrections(split={"rufus-firefly": ("Groucho Marx",)}))
    groucho = out.actor("groucho-marx")
    assert groucho is not None and groucho.type == "person" and groucho.name == "Groucho Marx"
    moved = [m for m in out.mentions if m.actor_id == "groucho-marx"]
    assert [(m.doc_id, m.start) for m in moved] == [("beta-1", said.start)]
    speakers = {q.doc_id: q.speaker_id for q in out.quotes if q.kind != "indirect" or q.cue == "said"}
    assert speakers == {"alpha-1": "rufus-firefly", "beta-1": "groucho-marx"}
    withdrawal = {p.actor_id: p.count for p in out.positions if p.issue == "withdrawal"}
    assert withdrawal == {"rufus-firefly": 1, "groucho-marx": 1, "freedonia": 1}


def test_speaker_reassigned_and_removed() -> None:
    a = sample_analysis()
    talks = next(q for q in a.quotes if q.speaker_id == "trentino")
    key = corr.quote_key(talks)
    out = apply_corrections(a, Corrections(speaker={key: "rufus-firefly"}))
    moved = next(q for q in out.quotes if corr.quote_key(q) == key)
    assert moved.speaker_id == "rufus-firefly" and moved.speaker_text == talks.speaker_text
    positions = {(p.actor_id, p.issue) for p in out.positions}
    assert ("rufus-firefly", "talks") in positions and ("trentino", "talks") not in positions
    # credited to the body the new speaker speaks for too, as the extraction credits it
    assert ("freedonia", "talks") in positions
    out = apply_corrections(a, Corrections(speaker={key: ""}))
    assert next(q for q in out.quotes if corr.quote_key(q) == key).speaker_id is None
    assert all(p.issue != "talks" for p in out.positions)


def test_a_speaker_given_to_an_unresolved_quote_gets_its_positions() -> None:
    a = sample_analysis()
    talks = next(q for q in a.quotes if q.speaker_id == "trentino")
    a = replace(
        a, quotes=tuple(replace(q, speaker_id=None) if q is talks else q for q in a.quotes), positions=()
    )
    out = apply_corrections(a, Corrections(speaker={corr.quote_key(talks): "trentino"}))
    # classified with the issues lexicon, as the extraction would have: at least the speaker's row
    assert all(p.actor_id in ("trentino", "sylvania") for p in out.positions)


def test_renamed_ids_are_found_again_by_their_name() -> None:
    """A re-extraction gave Trentino another id: the correction follows the name."""
    a = sample_analysis()
    renamed = tuple(replace(x, id="trentino-l") if x.id == "trentino" else x for x in a.actors)
    a = replace(
        a,
        actors=renamed,
        mentions=tuple(
            replace(m, actor_id="trentino-l") if m.actor_id == "trentino" else m for m in a.mentions
        ),
    )
    c = Corrections(merge={"trentino": "rufus-firefly"}, names={"trentino": "Trentino"})
    out = apply_corrections(a, c)
    assert "trentino-l" not in ids(out)
    assert {m.actor_id for m in out.mentions} == {"freedonia", "sylvania", "rufus-firefly"}


def test_corrections_naming_unknown_actors_change_nothing() -> None:
    a = sample_analysis()
    c = Corrections(merge={"nobody": "rufus-firefly", "trentino": "nobody-either"}, rename={"ghost": "G"})
    out = apply_corrections(a, c)
    assert ids(out) == ids(a) and out.mentions == a.mentions


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    c = Corrections(
        merge={"trentino": "rufus-firefly"},
        split={"rufus-firefly": ("Groucho Marx", "Groucho")},
        rename={"sylvania": "Sylvania Republic"},
        retype={"geneva": "organization"},
        hide=("geneva",),
        speaker={"beta-1:10:20": "", "alpha-1:3:9": "sylvania"},
        names={"trentino": "Trentino", "unused": "Dropped"},
    )
    path = tmp_path / "corrections.yaml"
    corr.save_corrections(path, c)
    back = corr.load_corrections(path)
    assert back == replace(c, names={"trentino": "Trentino"})  # names of ids nothing names are dropped
    text = path.read_text(encoding="utf-8")
    assert text.index("\nhide:") < text.index("\nmerge:") < text.index("\nspeaker:")  # sorted: small diffs
    assert not [p for p in tmp_path.iterdir() if p.name != "corrections.yaml"]  # no temporary left
    assert corr.load_corrections(tmp_path / "absent.yaml") == Corrections()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("merges:\n  a: b\n", "unknown key(s) merges"),
        ("merge: [a, b]\n", "“merge” must map"),
        ("retype:\n  a: planet\n", "a type is one of"),
        ("split:\n  a: Just One\n", "expected a list of names"),
        ("speaker:\n  nowhere: a\n", "not a quote position"),
        ("hide: a\n", "expected a list of ids"),
        ("merge:\n  a: [b]\n", "expected a non-empty name"),
        ("version: 7\n", "version 7"),
        ("merge: {a: b\n", "not valid YAML"),
        ("- a\n- b\n", "expected a mapping"),
    ],
)
def test_a_malformed_file_gives_a_clear_error(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=r"corrections\.yaml") as err:
        corr.load_corrections(path)
    assert says in str(err.value)


def test_undo_and_import() -> None:
    c = corr.with_entry(Corrections(), "hide", "geneva", None, {"geneva": "Geneva"})
    c = corr.with_entry(c, "rename", "trentino", "Luigi Trentino", {"trentino": "Trentino"})
    assert len(corr.rows(c, {})) == 2
    assert corr.without(c, "hide", "geneva").hide == ()
    imported = corr.combined(c, Corrections(rename={"trentino": "L. Trentino"}, hide=("sylvania",)))
    assert imported.rename == {"trentino": "L. Trentino"} and imported.hide == ("geneva", "sylvania")


def test_a_corrections_file_in_a_folder_is_not_a_report(tmp_path: Path) -> None:
    from lib.read.ingest import load_corpus

    (tmp_path / "one.txt").write_text("Valdoria reopened the port on Tuesday.\n", encoding="utf-8")
    corr.save_corrections(tmp_path / corr.FILE_NAME, Corrections(hide=("valdoria",)))
    corpus = load_corpus([tmp_path])
    assert len(corpus.documents) == 1 and not corpus.errors


def test_store_ingest_keeps_the_corrections_file(tmp_path: Path) -> None:
    from dashboard_fixtures import documents

    from lib.records import Corpus
    from lib.store.parallel import ingest_corpus, refresh_corpus

    store = tmp_path / "store"
    store.mkdir()
    corr.save_corrections(store / corr.FILE_NAME, Corrections(hide=("geneva",)))
    ingest_corpus(Corpus(documents()), store)
    ingest_corpus(Corpus(documents()[:1]), store)  # a document gone: its batch collected
    refresh_corpus(store)
    assert corr.load_corrections(store / corr.FILE_NAME).hide == ("geneva",)


@pytest.mark.parametrize(
    "corrections",
    [Corrections(merge={"trentino": "sylvania"}), Corrections(hide=("trentino",)), Corrections()],
)
def test_a_group_target_survives_merges_and_hides(corrections: Corrections) -> None:
    """A group target (a name, no actor id: lib/extract/groups.py) is no actor to merge or hide."""
    a = sample_analysis()
    group = Target(None, "neg", "named", "harbour pilots")
    first = replace(a.quotes[0], targets=(Target("trentino", "neg"), group))
    out = apply_corrections(replace(a, quotes=(first, *a.quotes[1:])), corrections)
    assert group in out.quotes[0].targets


def test_issues_renamed_merged_and_hidden() -> None:
    """Actor positions' columns corrected: a label, an issue folded into another (its statements
    counted toward the one kept, under its label), an issue that is no issue dropped."""
    a = sample_analysis()
    renamed = apply_corrections(a, Corrections(issue_rename={"talks": "Peace talks"}))
    assert {(p.issue, p.issue_label) for p in renamed.positions} >= {("talks", "Peace talks")}
    merged = apply_corrections(a, Corrections(issue_merge={"talks": "withdrawal"}))
    assert {p.issue for p in merged.positions} == {"withdrawal"}
    assert {p.issue_label for p in merged.positions} == {"Troop withdrawal"}
    assert sum(p.count for p in merged.positions) == sum(p.count for p in a.positions)
    assert all(p.count == len(p.evidence) for p in merged.positions)
    hidden = apply_corrections(a, Corrections(issue_hide=("withdrawal",)))
    assert {p.issue for p in hidden.positions} == {"talks"}
    # actors and quotes are untouched by issue corrections
    assert ids(hidden) == ids(a) and hidden.quotes == a.quotes


def test_issue_corrections_round_trip_and_undo(tmp_path: Path) -> None:
    c = corr.with_entry(Corrections(), "issue_rename", "talks", "Peace talks", {})
    c = corr.with_entry(c, "issue_merge", "found-ceasefire", "talks", {})
    c = corr.with_entry(c, "issue_hide", "found-weather", None, {})
    path = tmp_path / "corrections.yaml"
    corr.save_corrections(path, c)
    back = corr.load_corrections(path)
    assert back == c and not back.names  # issue ids are no actors: no names kept for them
    assert [r["kind"] for r in corr.rows(back, {})] == ["issue_merge", "issue_rename", "issue_hide"]
    assert corr.issue_members(back, "talks") == ("talks", "found-ceasefire")
    assert corr.without(back, "issue_hide", "found-weather").issue_hide == ()
    assert corr.without(back, "issue_merge", "found-ceasefire").issue_merge == {}
    with pytest.raises(CorrectionsError, match="issue_hide"):
        corr.loads("issue_hide: found-weather\n")


def _rows(a: Analysis) -> set[tuple[str, str, str, int]]:
    return {(p.actor_id, p.issue, p.issue_label, p.count) for p in a.positions}


def test_issue_split_moves_the_statements_using_its_phrases() -> None:
    """A split issue: the statements of an issue that use one of the phrases become an issue of
    their own, labelled by the first phrase; the others stay, and nothing is counted twice."""
    a = sample_analysis()
    c = Corrections(issue_split={"withdrawal": ("Freedonia",)})
    out = apply_corrections(a, c)
    new = corr.split_issue_id("withdrawal", ("Freedonia",))
    rows = _rows(out)
    assert ("rufus-firefly", "withdrawal", "Troop withdrawal", 1) in rows
    assert ("rufus-firefly", new, "Freedonia", 1) in rows
    assert sum(p.count for p in out.positions) == sum(p.count for p in a.positions)
    moved = next(p for p in out.positions if p.issue == new)
    assert [s.text for s in moved.evidence] == ["Freedonia would not retreat"]  # provenance kept
    # the issue split out is corrected like any other: renamed, then hidden
    renamed = apply_corrections(a, replace(c, issue_rename={new: "Freedonia's stand"}))
    assert ("rufus-firefly", new, "Freedonia's stand", 1) in _rows(renamed)
    hidden = apply_corrections(a, replace(c, issue_hide=(new,)))
    assert {p.issue for p in hidden.positions} == {"withdrawal", "talks"}


@pytest.mark.parametrize(
    ("phrases", "expected"),
    [
        # two statements of one speaker, credited to the body he speaks for too (as the extraction does)
        (("retreat",), {"rufus-firefly", "freedonia"}),
        (("Geneva",), {"trentino", "sylvania"}),  # case does not matter
        (("talk",), {"trentino", "sylvania"}),  # a phrase's plural matches too
        (("genev",), set()),  # whole words only: a part of a word is no use of the phrase
        (("armistice",), set()),  # no statement uses it: an empty column, no row
    ],
)
def test_issue_add_files_every_attributed_statement_using_its_phrases(
    phrases: tuple[str, ...], expected: set[str]
) -> None:
    a = sample_analysis()
    out = apply_corrections(a, Corrections(issue_add={"Border talks": phrases}))
    added = [p for p in out.positions if p.issue == corr.added_issue_id("Border talks")]
    assert {p.actor_id for p in added} == expected
    assert all(p.issue_label == "Border talks" and p.count == len(p.evidence) for p in added)
    # the statements keep the issues they had
    assert {p.issue for p in out.positions} - {corr.added_issue_id("Border talks")} == {"withdrawal", "talks"}


def test_issue_add_reads_the_statements_given_and_follows_actor_corrections() -> None:
    """On a store, the caller passes the statements using the phrases; a merged or hidden speaker
    is credited as on every other issue."""
    a = sample_analysis()
    add = {"Border talks": ("Geneva",)}
    iid = corr.added_issue_id("Border talks")
    none_given = apply_corrections(a, Corrections(issue_add=add), statements=())
    assert all(p.issue != iid for p in none_given.positions)
    given = apply_corrections(replace(a, quotes=()), Corrections(issue_add=add), statements=a.quotes)
    assert {p.actor_id for p in given.positions if p.issue == iid} == {"trentino", "sylvania"}
    merged = apply_corrections(a, Corrections(issue_add=add, merge={"trentino": "sylvania"}))
    assert {p.actor_id for p in merged.positions if p.issue == iid} == {"sylvania"}
    hidden = apply_corrections(a, Corrections(issue_add=add, hide=("trentino",)))
    assert all(p.issue != iid for p in hidden.positions)


def test_issue_split_and_add_round_trip_and_what_a_store_reads(tmp_path: Path) -> None:
    c = corr.with_entry(Corrections(), "issue_split", "withdrawal", ["Freedonia", "Freedonian"], {})
    c = corr.with_entry(c, "issue_add", "Border talks", ["geneva", "border talks"], {})
    path = tmp_path / "corrections.yaml"
    corr.save_corrections(path, c)
    back = corr.load_corrections(path)
    assert back == c and back.issue_split == {"withdrawal": ("Freedonia", "Freedonian")}
    assert [r["kind"] for r in corr.rows(back, {})] == ["issue_split", "issue_add"]
    split = corr.split_issue_id("withdrawal", ("Freedonia",))
    assert corr.issue_sources(back, split) == ("withdrawal",)  # its rows are stored under its parent
    assert corr.issue_sources(back, corr.added_issue_id("Border talks")) == (None,)
    assert corr.issue_sources(back, "talks") == ("talks",)
    assert corr.issue_phrases(back) == ("geneva", "border talks")
    assert corr.without(back, "issue_add", "Border talks").issue_add == {}
    with pytest.raises(CorrectionsError, match="issue_add"):
        corr.loads("issue_add:\n  Border talks: geneva\n")


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        # the issue once found as "border wall" is now found as "wall": the label follows it
        (Corrections(issue_rename={"found-border-wall": "The wall"}), {"found-wall": "The wall"}),
        (Corrections(issue_hide=("found-border-wall",)), {}),
        (Corrections(issue_merge={"found-border-wall": "withdrawal"}), {}),
        # an id no label shows any more is left as it is: nothing happens to the issue
        (Corrections(issue_hide=("found-moat",)), {"found-wall": "wall / border wall"}),
    ],
)
def test_a_found_issue_correction_follows_the_issue_to_its_new_id(
    corrections: Corrections, expected: dict[str, str]
) -> None:
    a = sample_analysis()
    found = "found-wall", "wall / border wall"
    a = replace(
        a,
        positions=tuple(
            replace(p, issue=found[0], issue_label=found[1]) if p.issue == "talks" else p for p in a.positions
        ),
    )
    out = apply_corrections(a, corrections)
    assert {p.issue: p.issue_label for p in out.positions} == {"withdrawal": "Troop withdrawal", **expected}
