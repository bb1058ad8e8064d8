"""Who stands against whom (speaker x target pairs, net polarity, basis filter) and an actor's stance
by week with its change note, on a small invented corpus."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from lib.records import Actor, Analysis, Corpus, Document, Position, Quote, Span, Target, TargetBasis
from lib.view import stances
from lib.view.urls import Filters

ACTORS = (
    Actor("ida-voss", "Ida Voss", "person"),
    Actor("tomas-brel", "Tomas Brel", "person"),
    Actor("marrow", "Marrow", "country"),
)
DAYS = ("2024-02-05", "2024-02-06", "2024-02-14", "2024-03-04", "2024-03-05", None)
TEXT = "Voss said Brel failed the port workers. Brel said Voss was right. Marrow stayed silent."


def doc(i: int, day: str | None) -> Document:
    source = "Harbour Gazette" if i % 2 else "Valley Herald"
    return Document(f"d{i}", f"Report {i}", source, day, "header", "en", "", f"d{i}.txt", TEXT)


def quote(doc_id: str, speaker: str | None, *targets: Target) -> Quote:
    return Quote(
        doc_id, speaker, "", "Brel failed the port workers", "indirect", "said", 10, 38, 0.8, targets=targets
    )


def target(actor: str, polarity: str | None, basis: TargetBasis = "named") -> Target:
    return Target(actor, polarity, basis)  # type: ignore[arg-type]


def corpus(quotes: list[Quote], positions: list[Position] = ()) -> Analysis:  # type: ignore[assignment]
    docs = tuple(doc(i, d) for i, d in enumerate(DAYS))
    return Analysis(Corpus(docs), ACTORS, (), tuple(quotes), (), (), (), tuple(positions))


QUOTES = [
    quote("d0", "ida-voss", target("tomas-brel", "neg")),
    quote("d1", "ida-voss", target("tomas-brel", "neg", "pronoun"), target("marrow", None, "topic")),
    quote("d2", "ida-voss", target("tomas-brel", "pos")),
    quote("d3", "tomas-brel", target("ida-voss", None, "context")),
    quote("d4", None, target("ida-voss", "neg")),  # no speaker actor: no pair
    quote("d4", "tomas-brel", target("tomas-brel", "neg")),  # about itself: no pair
]


@pytest.mark.parametrize(
    ("guessed", "pairs"),
    [
        (False, {("ida-voss", "tomas-brel"): (3, 1, 2)}),
        (
            True,
            {
                ("ida-voss", "tomas-brel"): (3, 1, 2),
                ("ida-voss", "marrow"): (1, 0, 0),
                ("tomas-brel", "ida-voss"): (1, 0, 0),
            },
        ),
    ],
)
def test_pairs_count_statements_and_polarity_by_basis(
    guessed: bool, pairs: dict[tuple[str, str], tuple[int, int, int]]
) -> None:
    frame = stances.pairs_frame(stances.targets_frame(corpus(QUOTES), Filters(), guessed))
    got = {(r.speaker_id, r.target_id): (r.statements, r.positive, r.negative) for r in frame.itertuples()}
    assert got == pairs


def test_the_evidence_carries_provenance_and_a_reader_link() -> None:
    targets = stances.targets_frame(corpus(QUOTES), Filters(), guessed=True)
    rows = stances.pair_evidence(targets, "ida-voss", "tomas-brel")
    assert rows["polarity"].tolist() == ["negative", "negative", "positive"]
    assert rows["basis"].tolist() == ["named", "pronoun", "named"]
    assert rows["reader"].iloc[0] == "Reader?doc=d0&start=10&end=38"
    assert rows["source"].tolist() == ["Valley Herald", "Harbour Gazette", "Valley Herald"]
    assert stances.pair_evidence(targets, "tomas-brel", "marrow").empty


def test_filters_apply_to_the_statements() -> None:
    only = Filters(sources=("Harbour Gazette",))
    frame = stances.targets_frame(corpus(QUOTES), only, guessed=True)
    assert set(frame["doc_id"]) == {"d1", "d3"}


@pytest.mark.parametrize(
    ("positive", "negative", "net"),
    [(3, 1, 0.5), (0, 2, -1.0), (2, 2, 0.0), (0, 0, None)],
)
def test_net_polarity(positive: int, negative: int, net: float | None) -> None:
    assert stances.net_polarity(positive, negative) == net


def test_a_pair_no_statement_judges_has_no_net() -> None:
    frame = stances.pairs_frame(stances.targets_frame(corpus(QUOTES), Filters(), guessed=True))
    marrow = frame[frame["target_id"] == "marrow"].iloc[0]
    assert math.isnan(marrow["net"])
    assert stances.stances_figure(frame).data  # grey cells draw


def _pair(speaker: str, speaker_id: str, target: str, target_id: str) -> dict[str, object]:
    return {
        "speaker_id": speaker_id,
        "speaker": speaker,
        "target_id": target_id,
        "target": target,
        "statements": 1,
        "positive": 1,
        "negative": 0,
    }


@pytest.mark.parametrize(
    ("rows", "want_rows", "want_columns"),
    [
        # two speakers under one name: each shown apart, with its id
        (
            [
                _pair("Ann Lee", "ann-lee", "Bo Tan", "bo-tan"),
                _pair("Ann Lee", "ann-lee-2", "Bo Tan", "bo-tan"),
            ],
            ["Ann Lee (ann-lee)", "Ann Lee (ann-lee-2)"],
            ["Bo Tan"],
        ),
        # and two targets
        (
            [
                _pair("Ann Lee", "ann-lee", "Bo Tan", "bo-tan"),
                _pair("Ann Lee", "ann-lee", "Bo Tan", "bo-tan-2"),
            ],
            ["Ann Lee"],
            ["Bo Tan (bo-tan)", "Bo Tan (bo-tan-2)"],
        ),
        # one actor under one name: the name alone
        ([_pair("Ann Lee", "ann-lee", "Bo Tan", "bo-tan")], ["Ann Lee"], ["Bo Tan"]),
    ],
)
def test_actors_sharing_a_name_are_rows_of_their_own(
    rows: list[dict[str, object]], want_rows: list[str], want_columns: list[str]
) -> None:
    heat = stances.stances_figure(stances.ranked_pairs(pd.DataFrame(rows))).data[0]
    assert list(heat.y) == want_rows and list(heat.x) == want_columns


def test_a_matrix_of_few_targets_is_drawn_narrow() -> None:
    few = stances.stances_figure(
        stances.ranked_pairs(pd.DataFrame([_pair("Ann Lee", "ann-lee", "Bo Tan", "bo-tan")]))
    )
    assert few.layout.width is not None and few.layout.width < 900
    assert few.layout.yaxis.scaleanchor == "x"
    many = [
        _pair(f"Ann Lee {s}", f"ann-lee-{s}", f"Bo Tan {i}", f"bo-tan-{i}")
        for s in range(6)
        for i in range(12)
    ]
    wide = stances.stances_figure(stances.ranked_pairs(pd.DataFrame(many)))
    assert wide.layout.width is None and wide.layout.yaxis.scaleanchor is None


def test_top_keeps_the_most_spoken_and_says_what_is_left_out() -> None:
    frame = stances.pairs_frame(stances.targets_frame(corpus(QUOTES), Filters(), guessed=True))
    kept, speakers, targets = stances.top_pairs(frame, 1)
    assert (speakers, targets) == (2, 3)
    assert list(zip(kept["speaker_id"], kept["target_id"], strict=True)) == [("ida-voss", "tomas-brel")]
    assert "1 of 2 speakers" in (stances.top_note(1, speakers, targets) or "")
    assert stances.top_note(0, speakers, targets) is None
    assert stances.top_note(12, speakers, targets) is None
    assert len(stances.top_pairs(frame, 0)[0]) == len(frame)


def test_pick_options_keep_a_linked_actor_out_of_view() -> None:
    frame = stances.pairs_frame(stances.targets_frame(corpus(QUOTES), Filters()))
    assert stances.pick_options(frame, "target", None) == ["tomas-brel"]
    assert stances.pick_options(frame, "target", "marrow") == ["tomas-brel", "marrow"]


def positions(stances_by_doc: dict[str, str]) -> list[Position]:
    """One position per stance of Ida Voss on the harbour, its evidence in the given reports."""
    out = []
    for stance in dict.fromkeys(stances_by_doc.values()):
        spans = tuple(Span(d, 0, 38, TEXT[:38]) for d, s in stances_by_doc.items() if s == stance)
        out.append(Position("ida-voss", "harbour", "Harbour dredging", stance, len(spans), spans))  # type: ignore[arg-type]
    return out


def test_weekly_counts_by_iso_week_and_leaves_undated_out() -> None:
    analysis = corpus([], positions({"d0": "opposes", "d1": "opposes", "d2": "supports", "d5": "supports"}))
    weekly = stances.weekly_frame(analysis, Filters(), "ida-voss", "harbour")
    assert weekly[["week", "stance", "count"]].values.tolist() == [
        ["2024-W06", "opposes", 2],
        ["2024-W07", "supports", 1],
    ]
    assert weekly["week_start"].tolist() == [date(2024, 2, 5), date(2024, 2, 12)]
    assert stances.undated_statements(analysis, Filters(), "ida-voss", "harbour") == 1
    assert stances.weekly_figure(weekly).data


@pytest.mark.parametrize(
    ("by_doc", "note"),
    [
        # two weeks of opposing, two of supporting: a move
        (
            {"d0": "opposes", "d1": "opposes", "d3": "supports", "d4": "supports"},
            "Ida Voss moved from opposing to supporting Harbour dredging.",
        ),
        # the same stance throughout: no note
        ({"d0": "opposes", "d1": "opposes", "d3": "opposes", "d4": "opposes"}, None),
        # one statement in the last half: too few to call a trend
        ({"d0": "opposes", "d1": "opposes", "d3": "supports"}, None),
        # a tie in the first half: no majority, no note
        ({"d0": "opposes", "d1": "supports", "d3": "supports", "d4": "supports"}, None),
        # a single week: no halves
        ({"d0": "opposes", "d1": "supports"}, None),
    ],
)
def test_change_note_needs_two_statements_and_a_majority_each_half(
    by_doc: dict[str, str], note: str | None
) -> None:
    analysis = corpus([], positions(by_doc))
    weekly = stances.weekly_frame(analysis, Filters(), "ida-voss", "harbour")
    assert stances.change_note(weekly, "Ida Voss", "Harbour dredging") == note


def test_the_middle_week_of_an_odd_count_is_in_neither_half() -> None:
    weekly = pd.DataFrame(
        {
            "week": ["w1", "w2", "w3"],
            "week_start": [date(2024, 1, 1), date(2024, 1, 8), date(2024, 1, 15)],
            "stance": ["opposes", "supports", "supports"],
            "count": [2, 5, 1],
        }
    )
    assert stances.change_note(weekly, "Ida Voss", "Harbour dredging") is None  # last half: 1 statement


@pytest.mark.parametrize(
    ("targets", "want"),
    [
        # a group (no actor id) counts under its name, apart from any actor
        (
            (Target(None, "neg", "named", "Harbour Pilots"),),
            {("ida-voss", "group:Harbour Pilots", "Harbour Pilots")},
        ),
        # beside an actor target, each keeps its own row
        (
            (Target("tomas-brel", "neg"), Target(None, "pos", "pronoun", "port workers")),
            {("ida-voss", "tomas-brel", "Tomas Brel"), ("ida-voss", "group:port workers", "port workers")},
        ),
    ],
)
def test_a_group_target_is_a_pair_under_its_name(
    targets: tuple[Target, ...], want: set[tuple[str, str, str]]
) -> None:
    frame = stances.pairs_frame(stances.targets_frame(corpus([quote("d0", "ida-voss", *targets)]), Filters()))
    assert {(r.speaker_id, r.target_id, r.target) for r in frame.itertuples()} == want


@pytest.mark.parametrize(
    ("key", "want"),
    [("tomas-brel", "Tomas Brel"), ("group:port workers", "port workers"), ("gone-actor", "gone-actor")],
)
def test_picker_label(key: str, want: str) -> None:
    assert stances.label({"tomas-brel": "Tomas Brel"}, key) == want
