"""Who quotes whom: edges from quotes naming another actor, no self edges, evidence kept; diversity."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.records import Actor, Analysis, Corpus, Document, Mention, Quote
from lib.view import frames, network
from lib.view.filters import Filters

# An invented report: three speakers, quotes that name (or do not name) other actors.
TEXT = (
    "Minister Ada Varga said Norland had broken the accord. "
    "Varga added that Varga would stay calm. "
    "Chief Tomas Reel said the port of Ostrava was quiet. "
    "Reel said Ada Varga and Norland were wrong. "
    "Norland said nothing of Reel."
)
ACTORS = (
    Actor("ada-varga", "Ada Varga", "person"),
    Actor("tomas-reel", "Tomas Reel", "person"),
    Actor("norland", "Norland", "country"),
    Actor("ostrava", "Ostrava", "place"),
)


def at(part: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(part, after)
    return start, start + len(part)


def quote(speaker: str | None, part: str) -> Quote:
    start, end = at(part)
    return Quote("r1", speaker, speaker or "someone", part, "indirect", "said", start, end, 0.8)


def mention(actor: str, part: str, after: int = 0) -> Mention:
    start, end = at(part, after)
    return Mention("r1", actor, part, start, end)


QUOTES = (
    quote("ada-varga", "Norland had broken the accord"),
    quote("ada-varga", "Varga would stay calm"),  # names its own speaker: no edge
    quote("tomas-reel", "the port of Ostrava was quiet"),  # a place: no edge
    quote("tomas-reel", "Ada Varga and Norland were wrong"),
    quote(None, "nothing of Reel"),  # no speaker tied to an actor: no edge
)
MENTIONS = (
    mention("ada-varga", "Ada Varga"),
    mention("norland", "Norland"),
    mention("ada-varga", "Varga", TEXT.index("Varga would")),
    mention("tomas-reel", "Tomas Reel"),
    mention("ostrava", "Ostrava"),
    mention("ada-varga", "Ada Varga", TEXT.index("Reel said Ada")),
    mention("norland", "Norland", TEXT.index("and Norland")),
    mention("tomas-reel", "Reel", TEXT.index("of Reel")),
)


def analysis(source: str = "Harbour News") -> Analysis:
    doc = Document("r1", "Accord", source, "2024-02-01", "metadata", "en", "", "", TEXT)
    return Analysis(Corpus((doc,)), ACTORS, MENTIONS, QUOTES, (), (), (), ())


def edges(a: Analysis, filters: Filters | None = None) -> list[tuple[str, str, int]]:
    frame = network.edges_frame(network.exchanges_frame(a, network.exchanges(a, filters or Filters())))
    return [(r.speaker_id, r.about_id, r.quotes) for r in frame.itertuples()]


def test_edges_from_quotes_naming_another_actor() -> None:
    assert sorted(edges(analysis())) == [
        ("ada-varga", "norland", 1),
        ("tomas-reel", "ada-varga", 1),
        ("tomas-reel", "norland", 1),
    ]


def test_no_self_edges_places_or_unresolved_speakers() -> None:
    found = edges(analysis())
    assert all(s != a for s, a, _ in found)
    assert not any("ostrava" in (s, a) for s, a, _ in found)


@pytest.mark.parametrize(
    ("actors", "expected"),
    [
        (("tomas-reel",), {("tomas-reel", "ada-varga"), ("tomas-reel", "norland")}),  # as speaker
        (("norland",), {("ada-varga", "norland"), ("tomas-reel", "norland")}),  # as the one named
        ((), {("ada-varga", "norland"), ("tomas-reel", "ada-varga"), ("tomas-reel", "norland")}),
    ],
)
def test_actor_filter_keeps_edges_touching_the_actor(
    actors: tuple[str, ...], expected: set[tuple[str, str]]
) -> None:
    assert {(s, a) for s, a, _ in edges(analysis(), Filters(actors=actors))} == expected


def test_source_filter_drops_the_documents_edges() -> None:
    assert edges(analysis(), Filters(sources=("Elsewhere",))) == []


def test_evidence_keeps_the_quotes_with_exact_spans() -> None:
    a = analysis()
    frame = network.exchanges_frame(a, network.exchanges(a, Filters()))
    edge = network.evidence(frame, None, "tomas-reel", "norland")
    assert list(edge["quote"]) == ["Ada Varga and Norland were wrong"]
    for row in frame.itertuples():
        assert TEXT[row.start : row.end] == row.quote
        assert f"doc=r1&start={row.start}&end={row.end}" in row.reader
    node = network.evidence(frame, "ada-varga", None, None)
    assert sorted(zip(node["speaker_id"], node["about_id"], strict=True)) == [
        ("ada-varga", "norland"),
        ("tomas-reel", "ada-varga"),
    ]
    assert network.evidence(frame, None, None, None).empty


def test_nodes_rank_by_exchanges_and_layout_is_deterministic() -> None:
    a = analysis()
    e = network.edges_frame(network.exchanges_frame(a, network.exchanges(a, Filters())))
    nodes = network.nodes_frame(e, top=2)
    assert list(nodes["actor_id"]) == ["ada-varga", "norland"]  # 2 exchanges each: names break the tie
    layout = network.circle_layout(list(nodes["actor_id"]))
    assert layout == network.circle_layout(list(nodes["actor_id"]))
    fig = network.network_figure(e, network.nodes_frame(e))
    picks = [d for t in fig.data for d in (t.customdata or [])]
    assert ["edge", "tomas-reel", "norland"] in [list(p) for p in picks]
    assert ["node", "ada-varga", ""] in [list(p) for p in picks]


def test_picked_reads_a_click() -> None:
    state = {"selection": {"points": [{"customdata": ["edge", "a", "b"]}]}}
    assert network.picked(state) == ("edge", "a", "b")
    assert network.picked({"selection": {"points": []}}) is None
    assert network.picked(None) is None


def test_diversity_counts_speakers_per_source() -> None:
    a = analysis()
    quotes = frames.quotes_frame(a, Filters())
    table = network.diversity_frame(a, quotes, Filters())
    row = table.iloc[0]
    assert (row["source"], row["quotes"], row["attributed"], row["speakers"]) == ("Harbour News", 5, 4, 2)
    assert row["top_share"] == 1.0
    per = network.source_speakers_frame(a, quotes)
    assert list(zip(per["speaker"], per["quotes"], strict=True)) == [("Ada Varga", 2), ("Tomas Reel", 2)]


@pytest.mark.parametrize(
    "filters", [Filters(), Filters(actors=("ada-varga",)), Filters(sources=("Elsewhere",))]
)
def test_edges_of_the_exchanges_are_those_of_their_frame(filters: Filters) -> None:
    a = analysis()
    found = network.exchanges(a, filters)
    expected = network.edges_frame(network.exchanges_frame(a, found))
    pd.testing.assert_frame_equal(network.edges_of(a, found), expected, check_dtype=False)


@pytest.mark.parametrize(
    ("node", "speaker", "about"),
    [(None, "tomas-reel", "norland"), ("ada-varga", None, None), (None, None, None), ("nobody", None, None)],
)
def test_selected_exchanges_are_the_evidence(
    node: str | None, speaker: str | None, about: str | None
) -> None:
    a = analysis()
    found = network.exchanges(a, Filters())
    frame = network.exchanges_frame(a, found)
    expected = network.evidence(frame, node, speaker, about).reset_index(drop=True)
    shown = network.exchanges_frame(a, network.selected(found, node, speaker, about))
    pd.testing.assert_frame_equal(shown, expected, check_dtype=False)


@pytest.mark.parametrize(
    ("names", "ordered"),
    [
        (["Outlet 16", "Outlet 9", "Outlet 10"], ["Outlet 9", "Outlet 10", "Outlet 16"]),
        (["b Times", "A Post", "a Herald"], ["a Herald", "A Post", "b Times"]),
        (["Channel 4", "Channel", "Channel 12 News"], ["Channel", "Channel 4", "Channel 12 News"]),
    ],
)
def test_sources_in_reading_order(names: list[str], ordered: list[str]) -> None:
    assert sorted(names, key=network.reading_order) == ordered


def test_diversity_heatmap_lists_sources_top_down_in_reading_order() -> None:
    per_source = pd.DataFrame(
        {"source": ["Outlet 16", "Outlet 9", "Outlet 10"], "speaker": ["Ana Bel"] * 3, "quotes": [1, 2, 3]}
    )
    fig = network.diversity_figure(per_source)
    assert list(fig.data[0].y) == ["Outlet 9", "Outlet 10", "Outlet 16"]
    assert fig.layout.yaxis.autorange == "reversed"


@pytest.mark.parametrize(
    ("x", "y", "side"),
    [
        (-0.95, 0.3, "middle left"),
        (0.9, -0.4, "middle right"),
        (0.1, 1.0, "top center"),
        (-0.2, -0.98, "bottom center"),
    ],
)
def test_a_label_goes_outward_from_the_circle(x: float, y: float, side: str) -> None:
    """A node's label sits outside the circle, beside a node on the sides and above or below one
    at the top or bottom, never over the arrows inside (the page at 1,400 px, session 40)."""
    assert network.label_side(x, y) == side
