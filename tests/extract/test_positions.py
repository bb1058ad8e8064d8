"""Actor x issue stances from hand-built statements, the issues data file, and the seed gold."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from lib.extract.positions import _sentence_at, assign_positions, classify, first_hand, load_issues
from lib.records import Actor, Quote

ACTORS = {
    "anna-berg": Actor("anna-berg", "Anna Berg", "person", affiliation="northland"),
    "northland": Actor("northland", "Northland", "country"),
    "otto-lind": Actor("otto-lind", "Otto Lind", "person", affiliation="pact"),
    "pact": Actor("pact", "The Pact", "organization"),
}


def _quote(speaker: str | None, text: str, cue: str = "said", doc_id: str = "d", start: int = 0) -> Quote:
    return Quote(doc_id, speaker, speaker or "", text, "direct", cue, start, start + len(text), 0.9)


@pytest.mark.parametrize(
    ("text", "cue", "want"),
    [
        ("We prefer diplomacy and are ready for talks", "said", {("diplomacy-dialogue", "supports")}),
        ("The door of the alliance remains open", "said", {("nato-open-door", "supports")}),
        ("Every nation has the right to choose its alliances", "said", {("nato-open-door", "supports")}),
        ("We do not accept any further enlargement", "said", {("nato-open-door", "opposes")}),
        (
            "If they do not de-escalate, we will take the appropriate countermeasures",
            "warned",
            {("de-escalation", "demands"), ("countermeasures", "threatens")},
        ),
        ("They must withdraw their forces from the border now", "said", {("de-escalation", "demands")}),
        (
            "We ask for the withdrawal of NATO troops from Eastern Europe",
            "said",
            {("nato-withdrawal-east", "demands")},
        ),
        (
            "The written answers on security guarantees have arrived",
            "said",
            {("security-guarantees", "neutral")},
        ),
        ("Talks are possible if they stop shelling", "said", {("diplomacy-dialogue", "conditional")}),
        ("The weather in the capital was mild", "said", set()),  # negative: no issue
        ("Our response to the letter is being prepared", "said", set()),  # "response" is no countermeasure
    ],
)
def test_classify(text: str, cue: str, want: set[tuple[str, str]]) -> None:
    assert {(i.id, s) for i, s in classify(text, cue, load_issues())} == want


def test_roll_up_counts_person_for_body() -> None:
    quotes = [
        _quote("anna-berg", "We prefer diplomacy", start=0),
        _quote("northland", "Dialogue is the only way", start=50),
        _quote(None, "Diplomacy matters", start=100),  # no speaker: counted for nobody
    ]
    rows = {(p.actor_id, p.issue, p.stance): p for p in assign_positions(quotes, ACTORS, load_issues())}
    assert rows[("northland", "diplomacy-dialogue", "supports")].count == 2
    assert rows[("anna-berg", "diplomacy-dialogue", "supports")].count == 1
    assert rows[("anna-berg", "diplomacy-dialogue", "supports")].evidence[0].text == "We prefer diplomacy"
    assert not any(k[0] == "" for k in rows)
    flat = {(p.actor_id, p.issue) for p in assign_positions(quotes, ACTORS, load_issues(), roll_up=False)}
    assert ("northland", "diplomacy-dialogue") in flat
    assert all(p.count == 1 for p in assign_positions(quotes[:1], ACTORS, load_issues(), roll_up=False))
    assert {p.actor_id for p in assign_positions(quotes[:1], ACTORS, load_issues(), roll_up=False)} == {
        "anna-berg"
    }


def test_new_issue_needs_no_code(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    path.write_text(
        "stance_cues:\n  demands: [must]\n"
        "issues:\n  - id: grain\n    label: Grain exports\n    cues: [grain, wheat]\n"
        "    default_stance: supports\n",
        encoding="utf-8",
    )
    issues = load_issues(path)
    assert [(i.id, i.label) for i in issues] == [("grain", "Grain exports")]
    rows = assign_positions([_quote("otto-lind", "Wheat must leave the ports")], ACTORS, issues)
    assert [(p.actor_id, p.issue, p.stance) for p in rows] == [
        ("otto-lind", "grain", "demands"),
        ("pact", "grain", "demands"),
    ]


def test_a_subject_that_names_the_speakers_own_body_is_the_speakers_stance(tmp_path: Path) -> None:
    """A stance whose subject is a noun phrase is a third party's, reported: neutral. Unless the
    phrase names the speaker or the body it speaks for: a minister's "Northland has backed the
    corridor" is Northland's stance and the minister's own."""
    path = tmp_path / "issues.yaml"
    path.write_text(
        "issues:\n  - id: corridor\n    label: Grain corridor\n    cues: [corridor]\n"
        "    default_stance: neutral\n",
        encoding="utf-8",
    )
    issues = load_issues(path)
    text = "Northland has firmly backed the corridor from the start"

    def stances(speaker: str) -> set[tuple[str, str]]:
        return {(p.actor_id, p.stance) for p in assign_positions([_quote(speaker, text)], ACTORS, issues)}

    assert stances("anna-berg") == {("anna-berg", "supports"), ("northland", "supports")}
    assert stances("northland") == {("northland", "supports")}
    assert stances("otto-lind") == {("otto-lind", "neutral"), ("pact", "neutral")}  # another's stance
    opposed = "The Pact has opposed the corridor"
    rows = assign_positions([_quote("otto-lind", opposed)], ACTORS, issues)
    assert {(p.actor_id, p.stance) for p in rows} == {("otto-lind", "opposes"), ("pact", "opposes")}


def test_unknown_stance_in_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "issues.yaml"
    path.write_text("stance_cues:\n  loves: [x]\nissues: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="loves"):
        load_issues(path)


def test_default_issues_cover_the_crisis() -> None:
    ids = {i.id for i in load_issues()}
    assert ids >= {
        "nato-open-door",
        "diplomacy-dialogue",
        "de-escalation",
        "countermeasures",
        "nato-withdrawal-east",
        "security-guarantees",
    }


@pytest.fixture(scope="module")
def seed_positions() -> set[tuple[str, str, str]]:
    from lib.extract.pipeline import analyze_paths
    from tests.conftest import DATA

    analysis = analyze_paths([DATA])
    return {(p.actor_id, p.issue_label, p.stance) for p in analysis.positions}


GOLD_POSITIONS = [
    ("nato", "NATO open door / enlargement", "supports"),
    ("united-states", "NATO open door / enlargement", "supports"),
    ("russia", "NATO open door / enlargement", "opposes"),
    ("nato", "Diplomacy and dialogue", "supports"),
    ("united-states", "Diplomacy and dialogue", "supports"),
    ("nato", "Russian de-escalation / troop withdrawal", "demands"),
    ("united-states", "Russian de-escalation / troop withdrawal", "demands"),
    ("united-states", "Countermeasures and retaliation", "threatens"),
    ("russia", "Countermeasures and retaliation", "threatens"),
    ("russia", "NATO withdrawal from Eastern Europe", "demands"),
]


def test_gold_positions_listed(seed_gold: dict[str, Any]) -> None:
    gold = {(p["actor"], p["issue"], p["stance"]) for p in seed_gold["positions"]}
    assert gold == set(GOLD_POSITIONS)
    assert {label for _, label, _ in GOLD_POSITIONS} <= {i.label for i in load_issues()}


@pytest.mark.parametrize("want", GOLD_POSITIONS)
def test_seed_positions(seed_positions: set[tuple[str, str, str]], want: tuple[str, str, str]) -> None:
    assert want in seed_positions


# The seed statements as the gold lists them (speaker, text), classified without the upstream
# extractors: each gold position must follow from the statements alone.
SEED_STATEMENTS = [
    ("jens-stoltenberg", "diplomatic process"),
    ("jens-stoltenberg", "each country has the right to choose its alliances, its path"),
    ("jens-stoltenberg", "we ask Moscow for an immediate de-escalation"),
    ("antony-blinken", "Ready to take the appropriate countermeasures"),
    ("antony-blinken", "prefers diplomacy"),
    (
        "antony-blinken",
        "not start a de-escalation on the Ukrainian border, the United States"
        " will take the appropriate countermeasures",
    ),
    ("antony-blinken", "The door of the Alliance is still open"),
    ("sergei-lavrov", "If there is no constructive response, we will take appropriate responsive action"),
    ("russia", "NATO and the United States threaten its natural space of influence"),
    ("russia", "the withdrawal of NATO troops from Bulgaria and Romania be sanctioned"),
]
SEED_ACTORS = {
    "jens-stoltenberg": Actor("jens-stoltenberg", "Jens Stoltenberg", "person", affiliation="nato"),
    "antony-blinken": Actor("antony-blinken", "Antony Blinken", "person", affiliation="united-states"),
    "sergei-lavrov": Actor("sergei-lavrov", "Sergei Lavrov", "person", affiliation="russia"),
}


@pytest.mark.parametrize("want", GOLD_POSITIONS)
def test_gold_positions_from_gold_statements(want: tuple[str, str, str]) -> None:
    quotes = [_quote(s, t, start=i * 200) for i, (s, t) in enumerate(SEED_STATEMENTS)]
    rows = {
        (p.actor_id, p.issue_label, p.stance) for p in assign_positions(quotes, SEED_ACTORS, load_issues())
    }
    assert want in rows


def test_a_statement_nested_in_another_speakers_is_not_a_position() -> None:
    outer_text = "the league threatens our share of the market"
    outer = Quote("r", "eastland", "Eastland", outer_text, "indirect", "says", 10, 54, 0.8)
    inner = Quote(
        "r", "league", "the league", "our share of the market", "indirect", "threatens", 31, 54, 0.6
    )
    own = Quote("r", "eastland", "Eastland", "the league threatens", "direct", "says", 10, 30, 0.6)
    assert first_hand([outer, inner, own]) == [outer, own]


def test_first_hand_keeps_what_no_other_speaker_encloses() -> None:
    """Against the definition, pair by pair: a statement goes when another speaker's in the same report
    spans it (equal spans included); a speaker's own longer statement, or another report's, does not."""
    spans = [
        ("r", "a", 0, 50),
        ("r", "b", 10, 20),  # inside a's
        ("r", "a", 12, 18),  # inside b's (and a's own)
        ("r", "c", 0, 50),  # a's span exactly: each encloses the other
        ("r", "a", 60, 80),
        ("r", "a", 65, 70),  # inside its own speaker's only
        ("s", "b", 60, 80),
        ("s", "b", 62, 64),
        ("t", "c", 5, 9),  # a report of one statement
    ]
    quotes = [Quote(d, sp, sp, "words", "indirect", "says", a, b, 0.5) for d, sp, a, b in spans]
    expected = [
        q
        for q in quotes
        if not any(
            o is not q
            and o.doc_id == q.doc_id
            and o.speaker_id != q.speaker_id
            and o.start <= q.start
            and q.end <= o.end
            for o in quotes
        )
    ]
    assert first_hand(quotes) == expected
    assert [(q.doc_id, q.start) for q in expected] == [("r", 60), ("r", 65), ("s", 60), ("s", 62), ("t", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "they back it. we oppose the plan; fine",
        "no stop at all here",
        "ends with a stop.",
        "stops.. twice! and? then;\nnewline. end",
        ". leading stop",
        "a\u2003wide space. after",  # a stop before a space of another kind
        "",
    ],
)
def test_sentence_at_cuts_at_the_stops_around_a_place(text: str) -> None:
    """Every place of each text, against the stops listed one by one."""
    for at in range(len(text) + 1):
        left = max((m.end() for m in re.finditer(r"[.!?;]\s", text[:at])), default=0)
        right = next((m.start() for m in re.finditer(r"[.!?;](\s|$)", text[at:])), len(text) - at)
        assert _sentence_at(text, at) == text[left : at + right], (text, at)


@pytest.mark.parametrize(
    ("text", "cues", "whole_words", "at"),
    [
        ("they lifted the sanctions", ("sanction",), False, 16),  # a cue starts a longer word
        ("they lifted the sanctions", ("sanction",), True, None),  # ... but not a whole word
        ("the unsanctioned trade", ("sanction",), False, None),  # never inside a word
        ("talks on peace talks", ("peace talks", "talks"), False, 0),  # the first place any cue starts
        ("an über-deal", ("über",), True, 3),  # letters beyond ASCII are word characters
        ("the co-op voted", ("-op",), False, None),  # a cue beginning with a hyphen needs no word before it
        ("a -op vote", ("-op",), False, 2),
        ("no cue here", (), False, None),
    ],
)
def test_cue_index_finds_where_a_cue_starts(
    text: str, cues: tuple[str, ...], whole_words: bool, at: int | None
) -> None:
    from lib.extract.positions import CueIndex

    assert CueIndex(cues, whole_words).first(text) == at


CUE_CASES = [
    ("they lifted the sanctions", ("sanction",), False, 16),
    ("they lifted the sanctions", ("sanction",), True, None),
    ("the unsanctioned trade", ("sanction",), False, None),
    ("talks on peace talks", ("peace talks", "talks"), False, 0),
    ("an über-deal", ("über",), True, 3),
    ("the co-op voted", ("-op",), False, None),
    ("a -op vote", ("-op",), False, 2),
    ("a -op vote on ferry tolls", ("-op", "ferry"), False, 2),  # a hyphen cue before a word cue
    ("ferry tolls and a -op vote", ("-op", "ferry"), False, 0),  # ... and after it
    ("no cue here", (), False, None),
    ("go to the ferry", ("go",), True, 0),  # a cue shorter than the filing prefix
]


@pytest.mark.parametrize(("text", "cues", "whole_words", "at"), CUE_CASES)
def test_issues_index_reads_each_issue_as_its_own_index(
    text: str, cues: tuple[str, ...], whole_words: bool, at: int | None
) -> None:
    """One pass for every issue finds, for each, what the issue's own index finds: the same cue set
    beside other issues' cue sets (which match elsewhere, or nowhere) gives the same start."""
    from lib.extract.positions import CueIndex, IssuesIndex

    others = [(("ferry",), True), (("vote",), False), (("zzz",), True)]
    sets = [*others[:2], (cues, whole_words), others[2]]
    found = IssuesIndex(tuple(sets)).first_each(text)
    assert found[2] == at
    assert found == [CueIndex(c, w).first(text) for c, w in sets]


@pytest.mark.parametrize(
    "text",
    [
        "We opposed the levy. But now we back the tariffs",
        "They said no; the council will fight against tariffs",
        "It failed! - and yet we support - the tariffs",
        "The vote was close? but the ministers refused to back tariffs",
        "No stop here and the firm keeps backing tariffs",
        "First. Second, while they did not oppose tariffs",
        "Done.\n(we back tariffs",
    ],
)
def test_the_clause_before_an_issue_reads_as_the_whole_text_before_it(text: str) -> None:
    from lib.extract import polarity
    from lib.extract.positions import _clause_before, _sentence_start

    body = polarity.normal(text)
    at = body.index("tariffs")
    part = _clause_before(body, at, _sentence_start(body, at))
    assert len(part) < at or "." not in body[:at]
    for own in (frozenset(), frozenset({"council", "ministers", "firm"})):
        assert polarity.predicate_reading(part, own=own) == polarity.predicate_reading(body[:at], own=own)
