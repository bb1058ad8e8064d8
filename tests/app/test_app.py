"""AppTest: every page renders on the seeds; every page restores a link and writes the URL back."""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dashboard_fixtures import TEXT_A, comparison, sample_analysis, span
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the pages import the top-level ui module

import ui  # noqa: E402  (needs the path above)
from lib.records import Analysis, Quote  # noqa: E402
from lib.view import frames, pairlists, urls  # noqa: E402

PAGES = {
    "": "dashboard.py",
    "Timeline": "pages/1_Timeline.py",
    "Actor_positions": "pages/2_Actor_positions.py",
    "Source_comparison": "pages/3_Source_comparison.py",
    "Reader": "pages/4_Reader.py",
    "Search": "pages/5_Search.py",
    "Network": "pages/6_Network.py",
}
TIMEOUT = 120  # the first run parses the seeds with spaCy


def app(page: str, opened: tuple[str, ...] = (), **query: Any) -> AppTest:
    """``page`` run on the link ``query``, with the expanders keyed ``opened`` open (as clicked)."""
    at = AppTest.from_file(str(ROOT / PAGES[page]), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    for key in opened:
        at.session_state[key] = True
    return at.run()


def qp(at: AppTest, key: str) -> list[str]:
    """A query parameter as a list (AppTest gives a lone value as a plain string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def html_of(at: AppTest) -> str:
    return " ".join(str(h.proto.body) for h in at.get("html"))


def messages(at: AppTest, kind: str) -> list[str]:
    return [str(m.value) for m in getattr(at, kind)]


@pytest.fixture(autouse=True)
def default_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled data/, whatever the shell that runs the tests has set."""
    monkeypatch.delenv(ui.state.STORE_ENV, raising=False)
    monkeypatch.delenv(ui.state.DATA_ENV, raising=False)


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_on_the_seeds(page: str) -> None:
    at = app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value and at.caption[0].value  # a title and its one-line "how to read"
    assert "Actors: all" in filter_summary(at) and "Dates: any" in filter_summary(at)
    assert not at.sidebar.multiselect  # the controls are built when their box is opened
    open_box(at, ui.pageframe.FILTER_BOX)
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.multiselect(key="w_actors") is not None


def test_bad_link_warns_and_falls_back() -> None:
    at = app("Timeline", actor=["nobody-at-all"], **{"from": "2022-99-01"}, group="weather")
    assert not at.exception
    said = re.sub(r"\\(.)", r"\1", " ".join(messages(at, "warning")))  # shown escaped: read as text
    assert "nobody-at-all" in said and "2022-99-01" in said and "weather" in said
    assert "Actors: all" in filter_summary(at)
    assert open_box(at, ui.pageframe.FILTER_BOX).sidebar.multiselect(key="w_actors").value == []
    assert at.radio(key="w_group").value == "actor"


@pytest.fixture
def sample(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The pages on the hand-written analysis of tests/dashboard_fixtures.py."""
    analysis = sample_analysis()
    monkeypatch.setattr(ui.folder, "bundled_analysis", lambda: analysis)
    monkeypatch.setattr(ui.reads, "compare", lambda _analysis, a, b: comparison())
    ui.reads.cached_compare.clear()
    yield
    ui.reads.cached_compare.clear()


FILTER_LINK = {"actor": ["rufus-firefly", "trentino"], "from": "2023-03-01", "to": "2023-03-31"}


def filter_summary(at: AppTest) -> str:
    """The sidebar's filters in words, as read (Markdown escapes resolved)."""
    return re.sub(r"\\(.)", r"\1", " ".join(str(m.value) for m in at.sidebar.markdown))


def open_box(at: AppTest, key: str) -> AppTest:
    """``at`` rerun with the expander keyed ``key`` opened, as a click does."""
    at.session_state[key] = True
    return at.run()


def assert_filters(at: AppTest) -> None:
    """The link's filters, said in the sidebar and, in their box once opened, set in the controls."""
    said = filter_summary(at)
    assert "Actors: Rufus Firefly, Trentino" in said and "Dates: 2023-03-01 to 2023-03-31" in said, said
    assert "Sources: all" in said, said
    open_box(at, ui.pageframe.FILTER_BOX)
    assert at.sidebar.multiselect(key="w_actors").value == ["rufus-firefly", "trentino"]
    assert at.sidebar.date_input(key="w_date_from").value == date(2023, 3, 1)
    assert at.sidebar.date_input(key="w_date_to").value == date(2023, 3, 31)


@pytest.mark.usefixtures("sample")
def test_home_link() -> None:
    at = app("", **FILTER_LINK)
    assert not at.exception and not at.warning
    assert_filters(at)
    assert [m.value for m in at.metric][:3] == ["2", "2", "3"]  # documents, sources, quotes
    at.sidebar.multiselect(key="w_sources").select("Evening Post").run()
    assert qp(at, "source") == ["Evening Post"]
    assert at.metric[0].value == "1"
    assert "Sources: Evening Post" in filter_summary(at)


@pytest.mark.usefixtures("sample")
@pytest.mark.parametrize("page", ["", "Timeline", "Reader"])
def test_share_box_writes_the_link_when_opened(page: str) -> None:
    at = app(page, **FILTER_LINK)
    assert not at.exception and not at.code  # closed: no link written, no highlighter in the browser
    open_box(at, "share_box")
    assert not at.exception
    (link,) = (c.value for c in at.code)
    assert link.endswith(urls.view_link(at.session_state[ui.VIEW], page))
    assert "actor=rufus-firefly" in link and "from=2023-03-01" in link


@pytest.mark.usefixtures("sample")
def test_timeline_link() -> None:
    at = app("Timeline", **FILTER_LINK, group="source")
    assert not at.exception and not at.warning
    assert_filters(at)
    assert at.radio(key="w_group").value == "source"
    table = at.dataframe[0].value
    assert set(table["event_id"]) == {"ev-2"}  # Trentino's call; ev-1 names no selected actor
    at.radio(key="w_group").set_value("actor").run()
    assert "group" not in at.query_params
    at.sidebar.multiselect(key="w_actors").unselect("trentino").run()
    assert qp(at, "actor") == ["rufus-firefly"]
    assert any("No events match" in m for m in messages(at, "info"))


@pytest.mark.usefixtures("sample")
def test_positions_link() -> None:
    at = app("Actor_positions", **FILTER_LINK, focus="rufus-firefly", issue="withdrawal")
    assert not at.exception and not at.warning
    assert_filters(at)
    assert at.selectbox(key="w_focus").value == "rufus-firefly"
    statements = at.dataframe[0].value
    assert statements["speaker"].tolist() == ["Rufus Firefly", "Rufus Firefly"]
    assert any(h.value == "Profile" for h in at.subheader)
    assert "Rufus Firefly —</strong> person, leader, affiliated with Freedonia" in html_of(at)
    at.selectbox(key="w_issue").set_value("talks").run()
    assert qp(at, "issue") == ["talks"]


@pytest.fixture
def sample_with_targets(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The hand-written analysis with its statements about other actors."""
    from lib.records import Target

    analysis = sample_analysis()
    given = (
        (Target("sylvania", "neg", "named"), Target(None, "neg", "named", "harbour pilots")),  # a group
        (Target("sylvania", "neg", "pronoun"), Target("trentino", None, "topic")),
        (Target("rufus-firefly", "pos", "context"),),
    )
    quotes = tuple(dataclasses.replace(q, targets=t) for q, t in zip(analysis.quotes, given, strict=True))
    monkeypatch.setattr(ui.folder, "bundled_analysis", lambda: dataclasses.replace(analysis, quotes=quotes))
    yield


@pytest.mark.usefixtures("sample_with_targets")
def test_who_stands_against_whom_restores_the_pair_and_shows_its_evidence() -> None:
    at = app("Actor_positions", by="rufus-firefly", target="sylvania")
    assert not at.exception and not at.warning
    assert at.selectbox(key="w_by").value == "rufus-firefly"
    evidence = at.dataframe[-1].value
    assert evidence["polarity"].tolist() == ["negative", "negative"]
    assert evidence["reader"].str.startswith("Reader?doc=").all()
    assert any("only targets named in the statement" in c.value for c in at.caption)
    at.toggle(key="w_guessed").set_value(True).run()
    assert qp(at, "guessed") == ["1"]
    assert any("weaker evidence" in c.value for c in at.caption)
    at.selectbox(key="w_by").set_value("trentino").run()
    at.selectbox(key="w_target").set_value("rufus-firefly").run()
    assert qp(at, "by") == ["trentino"] and qp(at, "target") == ["rufus-firefly"]
    assert at.dataframe[-1].value["basis"].tolist() == ["context"]


@pytest.mark.usefixtures("sample_with_targets")
def test_a_group_target_is_picked_by_link_and_shown_by_name() -> None:
    at = app("Actor_positions", target="group:harbour pilots")
    assert not at.exception and not at.warning
    assert at.selectbox(key="w_target").value == "group:harbour pilots"
    evidence = at.dataframe[-1].value
    assert evidence["target"].tolist() == ["harbour pilots"]
    assert evidence["polarity"].tolist() == ["negative"]


@pytest.mark.usefixtures("sample")
def test_positions_build_one_section_and_list_every_statement_on_demand() -> None:
    at = app("Actor_positions")
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Statements", "Who stands against whom"]
    assert not at.dataframe and not at.tabs[1].selectbox  # nothing listed, the stances tab closed
    assert at.get("download_button")  # the exports hold every statement all the same
    at = app("Actor_positions", ("all_statements",))
    assert len(at.dataframe[0].value) == 3  # every statement in view, once asked for
    at = app("Actor_positions", issue="withdrawal")  # a pick lists its statements at once
    assert at.dataframe and not at.tabs[1].selectbox
    at = app("Actor_positions", section="stances")
    assert at.tabs[1].selectbox(key="w_by") and not at.tabs[0].subheader
    at.selectbox(key="w_focus").set_value("rufus-firefly").run()  # a pick above opens the statements
    assert at.tabs[0].dataframe and "section" not in at.query_params


@pytest.mark.usefixtures("sample")
def test_an_actor_and_an_issue_show_their_weeks() -> None:
    at = app("Actor_positions", focus="rufus-firefly", issue="withdrawal")
    assert any(h.value == "Over time" for h in at.subheader)
    assert not any("moved from" in m for m in messages(at, "info"))  # one week: no change to name
    assert any("Statements per week" in c.value for c in at.caption)


@pytest.mark.usefixtures("sample")
def test_comparison_link() -> None:
    at = app("Source_comparison", **FILTER_LINK, a="beta-1", b="alpha-1")
    assert not at.exception and not at.warning
    assert (at.selectbox(key="w_a").value, at.selectbox(key="w_b").value) == ("beta-1", "alpha-1")
    cards = html_of(at)
    assert '<mark class="tg-discrepancy">2,000 troops</mark> at the border' in cards
    assert '<mark class="tg-discrepancy">20,000 troops</mark> at the border' in cards
    at.selectbox(key="w_a").set_value("alpha-1").run()
    at.selectbox(key="w_b").set_value("beta-1").run()
    assert (qp(at, "a"), qp(at, "b")) == (["alpha-1"], ["beta-1"])


@pytest.mark.usefixtures("sample")
def test_reader_link_marks_the_span_and_escapes_markup() -> None:
    at = app("Reader", **FILTER_LINK, doc="alpha-1", start="0", end="9")
    assert not at.exception and not at.warning
    assert at.selectbox(key="w_doc").value == "alpha-1"
    assert "Linked passage (chars 0–9)</strong><br>Freedonia</div>" in html_of(at)
    page_html = html_of(at)
    assert 'id="tg-target"' in page_html
    assert "&lt;script&gt;alert(" in page_html and "<script>alert(" not in page_html
    assert not at.dataframe  # the quotes, shaded in the text, are listed when asked for
    assert set(open_box(at, "quote_list").dataframe[0].value["speaker"]) == {"Rufus Firefly"}
    at.selectbox(key="w_doc").set_value("beta-1").run()
    assert qp(at, "doc") == ["beta-1"] and "start" not in at.query_params


@pytest.mark.usefixtures("sample")
def test_reader_picker_above_the_limit_lists_the_newest_and_the_linked_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Above frames.REPORT_CHOICES reports the picker offers the newest in view and the linked one
    (at 10,000 reports its labels were 0.47 MB of every visit), and says how to reach the rest."""
    monkeypatch.setattr(frames, "REPORT_CHOICES", 1)
    at = app("Reader", doc="alpha-1")
    assert not at.exception
    picker = at.selectbox(key="w_doc")
    assert picker.value == "alpha-1" and len(picker.options) == 2  # the linked report, then the newest
    assert picker.options[1].startswith("Evening Post")
    assert any("the 1 newest reports in view (1 more" in c for c in messages(at, "caption"))
    at.selectbox(key="w_doc").set_value("beta-1").run()  # the newest: the list is that one
    assert qp(at, "doc") == ["beta-1"] and len(at.selectbox(key="w_doc").options) == 1
    at = app("Reader", doc="alpha-1", source="Daily Ledger")  # one report in view: none left out
    assert at.selectbox(key="w_doc").options[0].startswith("Daily Ledger")
    assert not any("newest reports in view" in c for c in messages(at, "caption"))


@pytest.mark.usefixtures("sample")
def test_search_link_lists_the_sentences_with_the_filters() -> None:
    at = app("Search", q="retreat", source="Evening Post")
    assert not at.exception and not at.warning
    assert at.text_input(key="w_q").value == "retreat"
    hits = at.dataframe[0].value
    assert list(hits["doc_id"]) == ["beta-1"]  # the Daily Ledger's sentence is filtered out
    assert list(hits["sentence"]) == ["Rufus Firefly said Freedonia would not retreat."]
    row = hits.iloc[0]
    assert row["reader"].startswith(
        f"Reader?source=Evening+Post&doc=beta-1&start={row['start']}&end={row['end']}"
    )
    at.text_input(key="w_q").set_value("troops").run()
    assert qp(at, "q") == ["troops"]


@pytest.mark.usefixtures("sample")
def test_reader_search_marks_the_words() -> None:
    at = app("Reader", doc="alpha-1", q="retreat")
    assert not at.exception and not at.warning
    assert (
        '<mark class="tg-quote tg-hit" title="direct quote — Rufus Firefly; search hit">retreat</mark>'
        in html_of(at)
    )
    assert list(at.dataframe[0].value["sentence"]) == [
        "“We will not retreat,” said Rufus Firefly, the Freedonian leader."
    ]


@pytest.mark.usefixtures("sample")
def test_network_link_shows_the_evidence() -> None:
    at = app("Network", speaker="rufus-firefly", about="freedonia")
    assert not at.exception and not at.warning
    evidence = at.dataframe[1].value
    assert list(evidence["quote"]) == ["Freedonia would not retreat"]
    at.selectbox(key="w_node").set_value("freedonia").run()
    assert qp(at, "node") == ["freedonia"] and "speaker" not in at.query_params


@pytest.mark.usefixtures("sample")
def test_switching_pages_keeps_the_filters() -> None:
    at = app("", **FILTER_LINK)
    for page in ("Timeline", "Actor_positions", "Source_comparison", "Reader", "Search", "Network", ""):
        at.switch_page(PAGES[page]).run()
        assert not at.exception, page
        assert_filters(at)
        assert qp(at, "actor") == FILTER_LINK["actor"], page


EMPTY_OR_BAD = [
    {"from": "2030-01-01"},  # matches nothing
    {"actor": "nobody", "from": "2022-13-45"},  # an unknown actor and a malformed date
]


@pytest.mark.parametrize("query", EMPTY_OR_BAD, ids=["empty", "bad"])
@pytest.mark.parametrize("page", list(PAGES))
def test_empty_or_bad_link_shows_a_notice(page: str, query: dict[str, str]) -> None:
    at = app(page, **query)
    assert not at.exception, [e.value for e in at.exception]
    assert messages(at, "info") + messages(at, "warning"), "no notice shown"


@pytest.mark.usefixtures("sample")
def test_document_pickers_name_source_title_and_date() -> None:
    at = app("Source_comparison")
    options = at.selectbox(key="w_a").options
    assert len(options) == 2 and all(" · " in o and "unknown source" not in o for o in options)
    assert all(o.count("alpha-1") + o.count("beta-1") <= 1 for o in options)


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    caches = (ui.reads.cached_index, ui.reads.cached_slice, ui.folder.folder_cache)
    for cache in caches:
        cache.clear()
    yield
    for cache in caches:
        cache.clear()


@pytest.mark.usefixtures("fresh_caches")
def test_home_reads_the_store_the_environment_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dashboard_fixtures import documents

    from lib.records import Corpus
    from lib.store.parallel import ingest_corpus

    store = tmp_path / "store"
    ingest_corpus(Corpus(documents()), store)
    monkeypatch.setenv(ui.state.STORE_ENV, str(store))
    at = app("")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.dataframe  # the documents are listed when asked for
    open_box(at, "doc_list")
    assert set(at.dataframe[0].value["title"]) == {"Crossing closed", "Troops counted"}
    assert at.metric[0].value == "2"
    assert not at.get("file_uploader")  # uploads are off: they would re-analyse the whole store


STORE_PAGES = [
    ("Timeline", {}),
    ("Actor_positions", {}),
    # the matrix counted by the store, the evidence of a pick read for it (a pair, one side, a group)
    ("Actor_positions", {"by": "rufus-firefly", "target": "sylvania"}),
    ("Actor_positions", {"by": "rufus-firefly", "guessed": "1"}),
    ("Actor_positions", {"target": "group:harbour pilots"}),
    ("Source_comparison", {}),
    ("Reader", {}),
    ("Reader", {"q": "troops"}),
    ("Search", {"q": "troops border"}),
    ("Search", {"q": "Rufus", "source": "Evening Post"}),
    ("Network", {"node": "rufus-firefly"}),
]


@pytest.mark.parametrize(("page", "query"), STORE_PAGES)
@pytest.mark.usefixtures("fresh_caches")
def test_every_page_reads_its_slice_of_the_store(
    page: str, query: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a store each page shows what it shows on the same reports analysed in memory."""
    import json

    from dashboard_fixtures import documents

    from lib.read.ingest import load_corpus
    from lib.store.parallel import ingest_corpus

    folder, store = tmp_path / "reports", tmp_path / "store"
    folder.mkdir()
    # the fixture reports are about the January-2022 issues: their folder names that pack
    (folder / ".triangulate.yaml").write_text("issue_pack: russia-nato-2022-01\n", encoding="utf-8")
    rows = [
        {"id": d.id, "title": d.title, "source": d.source, "date": d.date, "text": d.text}
        for d in documents()
    ]
    (folder / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest_corpus(load_corpus([folder]), store)
    monkeypatch.setenv(ui.state.DATA_ENV, str(folder))
    lists = ("all_statements", "quote_list")  # Actor positions' statements, the Reader's quotes: on demand
    in_memory = app(page, lists, **query)
    assert not in_memory.exception, [e.value for e in in_memory.exception]
    assert in_memory.dataframe or in_memory.get("plotly_chart")  # the page shows rows or a chart
    monkeypatch.delenv(ui.state.DATA_ENV)
    monkeypatch.setenv(ui.state.STORE_ENV, str(store))
    on_store = app(page, lists, **query)
    assert not on_store.exception, [e.value for e in on_store.exception]
    assert [d.value.to_dict() for d in on_store.dataframe] == [d.value.to_dict() for d in in_memory.dataframe]
    assert html_of(on_store) == html_of(in_memory)
    # the pickers offer the same (the stance matrix's speakers and targets, counted by the store)
    assert [b.options for b in on_store.selectbox] == [b.options for b in in_memory.selectbox]


@pytest.mark.usefixtures("fresh_caches")
def test_home_analyses_the_folder_the_environment_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "one.txt").write_text(
        "Freedonia closed the Sylvania crossing on Monday, officials said.\n", encoding="utf-8"
    )
    monkeypatch.setenv(ui.state.DATA_ENV, str(tmp_path))
    at = app("", ("doc_list",))
    assert not at.exception, [e.value for e in at.exception]
    assert at.metric[0].value == "1"
    assert list(at.dataframe[0].value["doc_id"]) == ["one"]


@pytest.mark.parametrize(
    "env", [ui.state.STORE_ENV, ui.state.DATA_ENV], ids=["store-missing", "folder-missing"]
)
@pytest.mark.usefixtures("fresh_caches")
def test_a_missing_store_or_folder_is_a_visible_error(
    env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(env, str(tmp_path / "nowhere"))
    at = app("")
    assert not at.exception
    assert env in " ".join(messages(at, "error"))


# --- hostile input: nothing from a link or a report is rendered as Markdown or HTML -----------

EVIL = "http://evil.example"
HOSTILE = f"[x]({EVIL}/a) ![p]({EVIL}/i.png) :red[RED] $x^2$ <img src={EVIL}/i.png> www.evil.example"
# What each would become on the page, left unescaped: a link, an image, a colour, LaTeX, a tag.
LIVE = ("](http", "![", ":red[", ":blue[", "$x^2$", "<img", "www.evil")
AUTOLINKS = ("http://", "www.evil")
HOSTILE_IDS = {"alpha-1": f"alpha {HOSTILE}", "beta-1": f"beta :blue[B] [y]({EVIL}/b)"}


def renamed(obj: Any, names: dict[str, str]) -> Any:
    """``obj`` (records, tuples, dicts) with every string equal to a key of ``names`` replaced:
    the sample analysis under hostile document ids."""
    if isinstance(obj, str):
        return names.get(obj, obj)
    if isinstance(obj, tuple | list):
        return type(obj)(renamed(x, names) for x in obj)
    if isinstance(obj, dict):
        return {renamed(k, names): renamed(v, names) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: renamed(getattr(obj, f.name), names) for f in dataclasses.fields(obj) if f.init}
        return dataclasses.replace(obj, **changes)
    return obj


def hostile_analysis() -> Analysis:
    """The sample under hostile ids, titles and sources, with a hostile unresolved speaker phrase."""
    base = sample_analysis()
    docs = tuple(
        dataclasses.replace(d, title=f"{d.title} {HOSTILE}", source=f"{d.source} ![s]({EVIL}/s.png)")
        for d in base.documents
    )
    claim = span("alpha-1", TEXT_A, "Sylvania has 2,000 troops at the border")
    unresolved = Quote("alpha-1", None, HOSTILE, claim.text, "indirect", "said", claim.start, claim.end, 0.5)
    analysis = dataclasses.replace(
        base, corpus=dataclasses.replace(base.corpus, documents=docs), quotes=(*base.quotes, unresolved)
    )
    hostile: Analysis = renamed(analysis, HOSTILE_IDS)
    return hostile


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Iterator[Analysis]:
    analysis = hostile_analysis()
    monkeypatch.setattr(ui.folder, "bundled_analysis", lambda: analysis)
    monkeypatch.setattr(ui.reads, "compare", lambda _analysis, a, b: renamed(comparison(), HOSTILE_IDS))
    ui.reads.cached_compare.clear()
    yield analysis
    ui.reads.cached_compare.clear()


def hostile_queries(analysis: Analysis) -> list[dict[str, Any]]:
    alpha, beta = (d.id for d in analysis.documents)
    beta_source = analysis.document(beta).source
    every = {name: HOSTILE for name in urls.PARAMS}  # every parameter of every page, bad
    return [
        {**every, "start": "²", "end": "9" * 5000},
        {**every, "actor": [HOSTILE, "rufus-firefly"], "start": "-5", "end": "10"},
        # Hostile ids that exist, picked outside the source filter (the page names them), and a
        # span past the end of the document.
        {"source": beta_source, "a": alpha, "b": beta, "doc": alpha, "start": "0", "end": "999999999"},
        {"focus": "rufus-firefly", "doc": beta, "start": "20", "end": "10"},
    ]


def markdown_shown(at: AppTest) -> list[str]:
    """Every text the page hands to Streamlit's Markdown: elements, labels, tooltips, radio options."""
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")
    texts = [str(e.value) for kind in kinds for e in getattr(at, kind)]
    widgets = [*at.selectbox, *at.multiselect, *at.radio, *at.date_input, *at.metric]
    texts += [str(getattr(w, attr, "") or "") for w in widgets for attr in ("label", "help")]
    texts += [str(o) for r in at.radio for o in r.options]
    return texts


@pytest.mark.parametrize("page", list(PAGES))
def test_hostile_links_and_reports_are_shown_as_text(page: str, hostile: Analysis) -> None:
    said = []
    for query in hostile_queries(hostile):
        at = app(page, **query)
        where = f"{page or 'home'} with {sorted(query)}"
        assert not at.exception, (where, [e.value for e in at.exception])
        shown = markdown_shown(at)
        # Backslash-escaped characters are text: what is left must not spell a construct.
        live = [(bad, text) for text in shown for bad in LIVE if bad in re.sub(r"\\.", "", text)]
        # GFM autolinks are found after escapes are resolved: they need the joiner, not a backslash.
        live += [(bad, text) for text in shown for bad in AUTOLINKS if bad in text.replace("\\", "")]
        assert not live, (where, live)
        assert not at.get("latex"), where
        html_shown = html_of(at)
        assert "<img" not in html_shown and f'href="{EVIL}' not in html_shown, where
        charts = " ".join(str(c.proto.spec) for c in at.get("plotly_chart"))
        assert "<img" not in charts and "<a " not in charts, where  # plotly renders <a href> in labels
        said += messages(at, "warning") + messages(at, "info") + messages(at, "caption")
    assert "evil\\.example" in " ".join(said), "the bad values are named in the notices, escaped"


@pytest.mark.usefixtures("sample")
@pytest.mark.parametrize("page", ["", "Timeline", "Actor_positions"])
def test_exports_are_made_on_click_not_on_each_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's run makes no CSV, JSON or brief: st.download_button gets what makes them."""
    from lib.view import exports

    made: list[str] = []
    for name in ("csv_bytes", "json_bytes", "markdown_brief"):
        real = getattr(exports, name)
        monkeypatch.setattr(exports, name, lambda *a, _n=name, _f=real, **k: made.append(_n) or _f(*a, **k))
    at = app(page)
    assert not at.exception
    assert made == []


@pytest.mark.parametrize("brief", [None, "# A brief\n", lambda: "# A brief\n"])
def test_export_data_makes_the_same_bytes_when_called(brief: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a click runs gives the bytes the exports module makes (a brief given made or to make)."""
    import pandas as pd

    from lib.view import exports

    given: dict[str, Any] = {}

    class Column:
        def download_button(self, label: str, data: Any, *args: Any, **kwargs: Any) -> None:
            given[label] = data

    monkeypatch.setattr(ui.pageframe.st, "columns", lambda n: [Column() for _ in range(n)])
    frame = pd.DataFrame({"name": ["=SUM(A1)", "Ilse"], "n": [1, 2]})
    ui.pageframe.export_buttons(frame, "stem", brief)
    assert callable(given["CSV"]) and given["CSV"]() == exports.csv_bytes(frame)
    assert given["JSON"]() == exports.json_bytes(frame)
    assert ("Markdown brief" in given) == (brief is not None)
    if brief is not None:
        assert given["Markdown brief"]() == b"# A brief\n"


def blocks(node: Any) -> Iterator[Any]:
    """Every block under ``node`` (columns, containers, tabs), depth first."""
    for child in getattr(node, "children", {}).values():
        if hasattr(child, "children"):
            yield child
            yield from blocks(child)


@pytest.mark.usefixtures("sample")
def test_comparison_texts_scroll_in_boxes_of_fixed_height() -> None:
    """The two reports are read in fixed-height boxes, so the page's height does not grow with them;
    the lists, once opened, show their rows (with Reader links) above."""
    at = app("Source_comparison", a="alpha-1", b="beta-1")
    assert not at.exception
    assert not at.dataframe  # the lists and the quoted actors: built when opened
    at = app("Source_comparison", ("claim_lists", "quoted"), a="alpha-1", b="beta-1")
    assert not at.exception
    boxes = {
        str(b.proto.id).rsplit("-", 1)[-1]: b
        for b in blocks(at._tree)
        if str(getattr(b.proto, "id", "")).endswith(("-text_a", "-text_b"))
    }
    assert sorted(boxes) == ["text_a", "text_b"]
    for side, text in (("text_a", "Freedonia closed the Sylvania crossing"), ("text_b", "called for talks")):
        box = boxes[side]
        assert box.proto.height_config.pixel_height == pairlists.TEXT_HEIGHT
        assert text in " ".join(str(h.proto.body) for h in box.get("html"))
    shown = {c for frame in at.dataframe for c in frame.value.columns}
    assert {"a_reader", "b_reader", "reader"} <= shown
    assert "quoted in" in shown  # who each report quotes
