"""AppTest: the Corrections page writes corrections.yaml beside the corpus, every page shows them,
an old actor link still opens, a bad import changes nothing, uploads keep theirs in the session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from dashboard_fixtures import sample_analysis
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import ui  # noqa: E402
from lib.view import corrections as corr  # noqa: E402
from lib.view import frames  # noqa: E402

TIMEOUT = 60


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The sample analysis, read from a temporary folder (so data/ is never written)."""
    monkeypatch.delenv(ui.state.STORE_ENV, raising=False)
    monkeypatch.setenv(ui.state.DATA_ENV, str(tmp_path))
    analysis = sample_analysis()
    monkeypatch.setattr(ui.folder, "bundled_analysis", lambda: analysis)
    ui.corrections._CORRECTED.clear()
    yield tmp_path
    ui.corrections._CORRECTED.clear()


def page(name: str = "pages/7_Corrections.py", **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / name), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_the_page_renders_with_no_corrections(folder: Path) -> None:
    at = page()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Corrections"
    assert any("None yet" in c.value for c in at.caption)
    assert not (folder / corr.FILE_NAME).exists()


def test_merge_writes_the_file_and_every_page_follows(folder: Path) -> None:
    at = page()
    at.multiselect(key="c_merge_sources").select("trentino")
    at.selectbox(key="c_merge_target").set_value("rufus-firefly")
    button(at, "Merge").click().run()  # type: ignore[attr-defined]
    assert not at.exception, [e.value for e in at.exception]
    saved = corr.load_corrections(folder / corr.FILE_NAME)
    assert saved.merge == {"trentino": "rufus-firefly"} and saved.names["trentino"] == "Trentino"
    assert any("merged into Rufus Firefly" in t.value for t in at.text)
    positions = page("pages/2_Actor_positions.py", focus="trentino")  # an old link
    assert not positions.exception and not positions.warning
    assert positions.selectbox(key="w_focus").value == "rufus-firefly"
    positions.session_state[ui.pageframe.FILTER_BOX] = True  # the filters' box opened, as a click does
    assert "trentino" not in positions.run().sidebar.multiselect(key="w_actors").options


def test_undo_removes_a_correction(folder: Path) -> None:
    corr.save_corrections(
        folder / corr.FILE_NAME, corr.Corrections(hide=("geneva",), rename={"trentino": "L. T."})
    )
    at = page()
    undo = [b for b in at.button if b.label == "Undo"]
    assert len(undo) == 2
    undo[0].click().run()
    assert not at.exception
    saved = corr.load_corrections(folder / corr.FILE_NAME)
    assert len(corr.rows(saved, {})) == 1


def button(at: AppTest, label: str) -> object:
    return next(b for b in at.button if b.label == label)


def test_speaker_report_picker_above_the_limit_keeps_the_pick(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above frames.REPORT_CHOICES reports in view the speaker tab's picker lists the newest and the
    one picked, and says how to reach the rest (10,000 labels on every visit of a large store)."""
    monkeypatch.setattr(frames, "REPORT_CHOICES", 1)
    at = page()
    picker = at.selectbox(key="c_speaker_doc")
    assert picker.value == "beta-1" and len(picker.options) == 1  # the newest of the two
    assert any("the 1 newest reports in view (1 more" in c.value for c in at.caption)
    at = AppTest.from_file(str(ROOT / "pages/7_Corrections.py"), default_timeout=TIMEOUT)
    at.session_state["c_speaker_doc"] = "alpha-1"  # picked before the list was cut: it stays listed
    picker = at.run().selectbox(key="c_speaker_doc")
    assert not at.exception and picker.value == "alpha-1" and len(picker.options) == 2


def test_speaker_reassigned_shows_on_actor_positions(folder: Path) -> None:
    talks = next(q for q in sample_analysis().quotes if q.speaker_id == "trentino")
    at = page()
    at.selectbox(key="c_speaker_doc").set_value("beta-1").run()
    at.selectbox(key="c_speaker_quote").set_value(corr.quote_key(talks))
    at.selectbox(key="c_speaker_actor").set_value("rufus-firefly")
    button(at, "Reassign").click().run()  # type: ignore[attr-defined]
    assert not at.exception, [e.value for e in at.exception]
    assert corr.load_corrections(folder / corr.FILE_NAME).speaker == {corr.quote_key(talks): "rufus-firefly"}
    positions = page("pages/2_Actor_positions.py", focus="rufus-firefly", issue="talks")
    statements = positions.dataframe[0].value
    assert statements["speaker"].tolist() == ["Rufus Firefly"] and statements["actor"].tolist() == [
        "Rufus Firefly"
    ]


@pytest.mark.parametrize(
    ("widget", "value", "saved"),
    [
        ("c_issue_label_talks", "Peace talks", {"issue_rename": {"talks": "Peace talks"}}),
        ("c_issue_into_talks", "withdrawal", {"issue_merge": {"talks": "withdrawal"}}),
        ("c_issue_hide_talks", True, {"issue_hide": ("talks",)}),
    ],
)
def test_an_issue_renamed_merged_or_hidden_shows_on_actor_positions(
    folder: Path, widget: str, value: object, saved: dict[str, object]
) -> None:
    at = page()
    at.selectbox(key="c_issue").set_value("talks").run()
    control = at.checkbox(key=widget) if isinstance(value, bool) else None
    if control is not None:
        control.check()
    elif widget.startswith("c_issue_into"):
        at.selectbox(key=widget).set_value(value)
    else:
        at.text_input(key=widget).input(str(value))
    button(at, "Save").click().run()  # type: ignore[attr-defined]
    assert not at.exception, [e.value for e in at.exception]
    written = corr.load_corrections(folder / corr.FILE_NAME)
    assert {k: getattr(written, k) for k in saved} == saved
    positions = page("pages/2_Actor_positions.py")
    assert not positions.exception
    issues = set(positions.selectbox(key="w_issue").options)  # as shown: the labels
    assert ("Peace talks" in issues) is ("issue_rename" in saved)
    assert "Negotiations" not in issues and "Troop withdrawal" in issues  # renamed, merged or hidden


def test_an_issue_split_or_added_shows_on_actor_positions(folder: Path) -> None:
    at = page()
    at.selectbox(key="c_issue").set_value("talks").run()
    at.text_input(key="c_issue_split_talks").input("Geneva, Lausanne")
    button(at, "Save").click().run()  # type: ignore[attr-defined]
    at.text_input(key="c_issue_add_label").input("Holding ground")
    at.text_input(key="c_issue_add_phrases").input("retreat; ")
    button(at, "Add the issue").click().run()  # type: ignore[attr-defined]
    assert not at.exception, [e.value for e in at.exception]
    written = corr.load_corrections(folder / corr.FILE_NAME)
    assert written.issue_split == {"talks": ("Geneva", "Lausanne")}
    assert written.issue_add == {"Holding ground": ("retreat",)}
    positions = page("pages/2_Actor_positions.py")
    assert not positions.exception
    issues = set(positions.selectbox(key="w_issue").options)
    # the one statement on talks names Geneva: its column is the split's, and the new issue is there
    assert {"Geneva", "Holding ground", "Troop withdrawal"} <= issues and "Negotiations" not in issues


def test_adding_an_issue_without_phrases_says_what_is_missing(folder: Path) -> None:
    at = page()
    at.text_input(key="c_issue_add_label").input("Holding ground")
    button(at, "Add the issue").click().run()  # type: ignore[attr-defined]
    assert any("at least one phrase" in w.value for w in at.warning)
    assert not (folder / corr.FILE_NAME).exists()


def test_a_bad_import_changes_nothing(folder: Path) -> None:
    corr.save_corrections(folder / corr.FILE_NAME, corr.Corrections(hide=("geneva",)))
    at = page()
    # AppTest has no file_uploader driver: the page's parser is what it calls
    with pytest.raises(corr.CorrectionsError, match="unknown key"):
        corr.loads("hidden: [geneva]\n")
    assert corr.load_corrections(folder / corr.FILE_NAME).hide == ("geneva",)
    assert not at.exception


def test_uploads_keep_their_corrections_in_the_session(folder: Path) -> None:
    at = AppTest.from_file(str(ROOT / "pages/7_Corrections.py"), default_timeout=TIMEOUT)
    at.session_state[ui.state.UPLOADS] = {"sha": ("extra.txt", (), ())}
    at.run()
    assert any("this browser session only" in i.value for i in at.info)
    at.multiselect(key="c_hide_actors").select("geneva")
    button(at, "Hide").click().run()  # type: ignore[attr-defined]
    assert not at.exception, [e.value for e in at.exception]
    assert not (folder / corr.FILE_NAME).exists()
    assert at.session_state[ui.state.CORRECTIONS].hide == ("geneva",)


def test_a_malformed_corrections_file_says_so_and_pages_still_render(folder: Path) -> None:
    (folder / corr.FILE_NAME).write_text("merges:\n  a: b\n", encoding="utf-8")
    at = page("dashboard.py")
    assert not at.exception
    said = [e.value for e in at.error]
    assert len(said) == 1 and "merges" in said[0] and "No corrections applied" in said[0]


def test_a_store_applies_its_corrections_and_queries_merged_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a store the rows come from SQL by actor id: a merged actor's rows come along."""
    from dashboard_fixtures import documents

    from lib.extract.positions import PACK_ENV
    from lib.records import Corpus
    from lib.store.parallel import ingest_corpus

    monkeypatch.setenv(PACK_ENV, "russia-nato-2022-01")  # the fixture's statements are on its issues
    store = tmp_path / "store"
    ingest_corpus(Corpus(documents()), store)
    corr.save_corrections(store / corr.FILE_NAME, corr.Corrections(merge={"trentino": "rufus-firefly"}))
    monkeypatch.setenv(ui.state.STORE_ENV, str(store))
    timeline = page("pages/1_Timeline.py", actor="rufus-firefly")
    assert not timeline.exception, [e.value for e in timeline.exception]
    events = timeline.dataframe[0].value
    assert events["event_id"].nunique() == 2  # Rufus Firefly's event and the one Trentino was extracted for
    positions = page("pages/2_Actor_positions.py", actor="trentino", focus="trentino")  # an old link
    assert not positions.exception and not positions.warning
    assert positions.selectbox(key="w_focus").value == "rufus-firefly"
    statements = positions.dataframe[0].value
    assert set(statements["actor"]) == {"Rufus Firefly"} and set(statements["speaker"]) == {"Rufus Firefly"}
    ingest_corpus(Corpus(documents()), store)  # an ingest again: the corrections stay
    assert corr.load_corrections(store / corr.FILE_NAME).merge == {"trentino": "rufus-firefly"}


def test_a_store_shows_its_issues_as_corrected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a store the positions come from SQL by issue id: a renamed issue shows its new label in
    the statements read for it, a hidden one is offered no more."""
    from dashboard_fixtures import documents

    from lib.extract.positions import PACK_ENV
    from lib.records import Corpus
    from lib.store.parallel import ingest_corpus

    monkeypatch.setenv(PACK_ENV, "russia-nato-2022-01")  # the fixture's statements are on its issues
    store = tmp_path / "store"
    ingest_corpus(Corpus(documents()), store)
    monkeypatch.setenv(ui.state.STORE_ENV, str(store))
    renamed = corr.Corrections(issue_rename={"diplomacy-dialogue": "Talks"})
    corr.save_corrections(store / corr.FILE_NAME, renamed)
    positions = page("pages/2_Actor_positions.py", issue="diplomacy-dialogue")
    assert not positions.exception, [e.value for e in positions.exception]
    assert set(positions.dataframe[0].value["issue_label"]) == {"Talks"}
    corr.save_corrections(store / corr.FILE_NAME, corr.Corrections(issue_hide=("diplomacy-dialogue",)))
    ui.corrections._CORRECTED.clear()
    hidden = page("pages/2_Actor_positions.py")
    assert not hidden.exception
    assert not {"Diplomacy and dialogue", "Talks"} & set(hidden.selectbox(key="w_issue").options)


@pytest.mark.parametrize("kind", ["issue_split", "issue_add"])
def test_a_store_shows_an_issue_split_or_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A split-out issue's statements are stored under its parent, an added issue's under any
    issue or none: opening either on a store shows its statements, under its label."""
    from dashboard_fixtures import documents

    from lib.extract.positions import PACK_ENV
    from lib.records import Corpus
    from lib.store.parallel import ingest_corpus

    monkeypatch.setenv(PACK_ENV, "russia-nato-2022-01")
    store = tmp_path / "store"
    ingest_corpus(Corpus(documents()), store)
    monkeypatch.setenv(ui.state.STORE_ENV, str(store))
    if kind == "issue_split":
        c = corr.Corrections(issue_split={"diplomacy-dialogue": ("Geneva",)})
        issue, label = corr.split_issue_id("diplomacy-dialogue", ("Geneva",)), "Geneva"
    else:
        c = corr.Corrections(issue_add={"Holding ground": ("retreat",)})
        issue, label = corr.added_issue_id("Holding ground"), "Holding ground"
    corr.save_corrections(store / corr.FILE_NAME, c)
    ui.corrections._CORRECTED.clear()
    positions = page("pages/2_Actor_positions.py", issue=issue)
    assert not positions.exception, [e.value for e in positions.exception]
    statements = positions.dataframe[0].value
    assert len(statements) and set(statements["issue_label"]) == {label}
    assert all(label.casefold() in t.casefold() or "retreat" in t for t in statements["text"])
