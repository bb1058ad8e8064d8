"""AppTest of Source comparison's corpus tab: claims across the corpus, filtered by the sidebar,
the pairs worth comparing as links, and the pair sharing most claims opened by default."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import ui  # noqa: E402
from lib.extract.pipeline import analyze_corpus  # noqa: E402
from lib.records import Corpus, Document  # noqa: E402

TEXTS = {
    "n1": (
        "Harbor Post",
        "2031-03-02",
        "Tuesday brought heavy snow to Quarrel Bay. Mayor Odo Fenn opened the winter fair.",
    ),
    "r1": (
        "Harbor Post",
        "2031-03-02",
        "The Velmora dam on the Ostrel river burst after days of heavy rain. "
        "Governor Lina Paskov ordered the evacuation of four villages. "
        "The flood killed 12 people in Marrowby.",
    ),
    "r2": (
        "Valley Courier",
        "2031-03-03",
        "Governor Lina Paskov ordered four villages to be evacuated. "
        "The Velmora dam on the Ostrel river burst after heavy rain. The flood killed 40 people in Marrowby.",
    ),
}


@pytest.fixture(autouse=True)
def corpus(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(ui.state.STORE_ENV, raising=False)
    docs = tuple(
        Document(d, f"Report {d}", s, day, "metadata", "en", "", "", t) for d, (s, day, t) in TEXTS.items()
    )
    analysis = analyze_corpus(Corpus(docs))
    monkeypatch.setattr(ui.folder, "bundled_analysis", lambda: analysis)
    ui.reads.cached_corpus_claims.clear()
    yield
    ui.reads.cached_corpus_claims.clear()


CORPUS_TAB = "Claims across the corpus"


def _app(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/3_Source_comparison.py"), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_only_the_open_tab_is_built() -> None:
    at = _app()
    assert not at.exception
    assert not at.tabs[1].dataframe and not at.tabs[1].subheader  # the corpus tab, closed: empty
    assert at.selectbox(key="w_a").value == "r1"
    at = _app(tab="claims")  # a link naming the tab opens it, as a click on it does
    assert not at.exception
    assert at.tabs[1].dataframe and not at.tabs[0].selectbox  # the pair tab, closed: empty


def test_corpus_tab_lists_claims_contests_and_pairs() -> None:
    at = _app()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Two reports", CORPUS_TAB]
    # no pair in the link: the pair sharing the most claims is opened, not the first two documents
    assert (at.selectbox(key="w_a").value, at.selectbox(key="w_b").value) == ("r1", "r2")
    at = _app(tab="claims")
    pairs, table = (d.value for d in at.tabs[1].dataframe[:2])  # the corpus tab's, not the pair's
    assert "contested" in set(table["verdict"]) and "reported by 2 sources" in set(table["verdict"])
    assert pairs.to_dict("records")[0] == {
        "report A": "Harbor Post, 2031-03-02",
        "report B": "Valley Courier, 2031-03-03",
        "shared claims": 3,
        "compare": "Source_comparison?a=r1&b=r2",
    }


@pytest.mark.parametrize(
    ("query", "contested"),
    [({"source": "Valley Courier"}, 1), ({"from": "2031-03-03"}, 1), ({"to": "2031-03-01"}, 0)],
)
def test_corpus_tab_follows_the_sidebar_filters(query: dict[str, str], contested: int) -> None:
    at = _app(tab="claims", **query)
    assert not at.exception
    subheaders = [s.value for s in at.subheader]
    assert f"Contested claims ({contested})" in subheaders
