"""AppTest: every page renders on the seeds; every page restores a link and writes the URL back."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dashboard_fixtures import comparison, sample_analysis
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the pages import the top-level ui module

import ui  # noqa: E402  (needs the path above)

PAGES = {
    "": "dashboard.py",
    "Timeline": "pages/1_Timeline.py",
    "Actor_positions": "pages/2_Actor_positions.py",
    "Source_comparison": "pages/3_Source_comparison.py",
    "Reader": "pages/4_Reader.py",
}
TIMEOUT = 120  # the first run parses the seeds with spaCy


def app(page: str, **query: Any) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGES[page]), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
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
    monkeypatch.delenv(ui.STORE_ENV, raising=False)
    monkeypatch.delenv(ui.DATA_ENV, raising=False)


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_on_the_seeds(page: str) -> None:
    at = app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value and at.caption[0].value  # a title and its one-line "how to read"
    assert at.sidebar.multiselect(key="w_actors") is not None


def test_bad_link_warns_and_falls_back() -> None:
    at = app("Timeline", actor=["nobody-at-all"], **{"from": "2022-99-01"}, group="weather")
    assert not at.exception
    said = " ".join(messages(at, "warning"))
    assert "nobody-at-all" in said and "2022-99-01" in said and "weather" in said
    assert at.sidebar.multiselect(key="w_actors").value == []
    assert at.radio(key="w_group").value == "actor"


@pytest.fixture
def sample(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The pages on the hand-written analysis of tests/dashboard_fixtures.py."""
    analysis = sample_analysis()
    monkeypatch.setattr(ui, "bundled_analysis", lambda: analysis)
    monkeypatch.setattr(ui, "compare", lambda _analysis, a, b: comparison())
    ui.cached_compare.clear()
    yield
    ui.cached_compare.clear()


FILTER_LINK = {"actor": ["rufus-firefly", "trentino"], "from": "2023-03-01", "to": "2023-03-31"}


def assert_filters(at: AppTest) -> None:
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
    at.selectbox(key="w_doc").set_value("beta-1").run()
    assert qp(at, "doc") == ["beta-1"] and "start" not in at.query_params


@pytest.mark.usefixtures("sample")
def test_switching_pages_keeps_the_filters() -> None:
    at = app("", **FILTER_LINK)
    for page in ("Timeline", "Actor_positions", "Source_comparison", "Reader", ""):
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
    caches = (ui.cached_index, ui.cached_slice, ui.folder_analysis)
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
    monkeypatch.setenv(ui.STORE_ENV, str(store))
    at = app("")
    assert not at.exception, [e.value for e in at.exception]
    assert set(at.dataframe[0].value["title"]) == {"Crossing closed", "Troops counted"}
    assert at.metric[0].value == "2"
    assert not at.get("file_uploader")  # uploads are off: they would re-analyse the whole store


@pytest.mark.parametrize("page", ["Timeline", "Actor_positions", "Source_comparison", "Reader"])
@pytest.mark.usefixtures("fresh_caches")
def test_every_page_reads_its_slice_of_the_store(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a store each page shows what it shows on the same reports analysed in memory."""
    import json

    from dashboard_fixtures import documents

    from lib.read.ingest import load_corpus
    from lib.store.parallel import ingest_corpus

    folder, store = tmp_path / "reports", tmp_path / "store"
    folder.mkdir()
    rows = [
        {"id": d.id, "title": d.title, "source": d.source, "date": d.date, "text": d.text}
        for d in documents()
    ]
    (folder / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest_corpus(load_corpus([folder]), store)
    monkeypatch.setenv(ui.DATA_ENV, str(folder))
    in_memory = app(page)
    assert not in_memory.exception
    assert in_memory.dataframe  # the page shows rows to compare
    monkeypatch.delenv(ui.DATA_ENV)
    monkeypatch.setenv(ui.STORE_ENV, str(store))
    on_store = app(page)
    assert not on_store.exception, [e.value for e in on_store.exception]
    assert [d.value.to_dict() for d in on_store.dataframe] == [d.value.to_dict() for d in in_memory.dataframe]
    assert html_of(on_store) == html_of(in_memory)


@pytest.mark.usefixtures("fresh_caches")
def test_home_analyses_the_folder_the_environment_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "one.txt").write_text(
        "Freedonia closed the Sylvania crossing on Monday, officials said.\n", encoding="utf-8"
    )
    monkeypatch.setenv(ui.DATA_ENV, str(tmp_path))
    at = app("")
    assert not at.exception, [e.value for e in at.exception]
    assert at.metric[0].value == "1"
    assert list(at.dataframe[0].value["doc_id"]) == ["one"]


@pytest.mark.parametrize("env", [ui.STORE_ENV, ui.DATA_ENV], ids=["store-missing", "folder-missing"])
@pytest.mark.usefixtures("fresh_caches")
def test_a_missing_store_or_folder_is_a_visible_error(
    env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(env, str(tmp_path / "nowhere"))
    at = app("")
    assert not at.exception
    assert env in " ".join(messages(at, "error"))
