"""tools.evaluate computes the same figures as the shared scorer, on gold and output we write here."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lib.extract.pipeline import analysis_dict
from lib.records import Actor, Analysis, Corpus, DateMention, Document, Mention, Quote
from tests.conftest import SCORER, DevRun
from tools.evaluate import (
    load_gold,
    overlap,
    quote_definition,
    score_dates,
    score_entities,
    score_quotes,
    tokens,
)

TEXT = (
    "Mayor Ana Ruiz said on Monday that the bridge would reopen. “We are almost done,” she told reporters. "
    "The council met in 2019 in Porto."
)


def _find(s: str) -> tuple[int, int]:
    start = TEXT.index(s)
    return start, start + len(s)


GOLD: dict[str, Any] = {
    "id": "g1",
    "date": "2021-03-10",
    "text": TEXT,
    "quotes": [
        {
            "text": "the bridge would reopen",
            "start": _find("the bridge would reopen")[0],
            "end": _find("the bridge would reopen")[1],
            "speaker": "Ana Ruiz",
            "kind": "indirect",
        },
        {
            "text": "“We are almost done,”",
            "start": _find("“We are almost done,”")[0],
            "end": _find("“We are almost done,”")[1],
            "speaker": "she",
            "speaker_name": "Ana Ruiz",
            "kind": "direct",
        },
    ],
    "timexes": [
        {
            "text": "Monday",
            "start": _find("Monday")[0],
            "end": _find("Monday")[1],
            "type": "DATE",
            "value": "2021-03-08",
        },
        {"text": "2019", "start": _find("2019")[0], "end": _find("2019")[1], "type": "DATE", "value": "2019"},
    ],
    "entities": [
        {"text": "Ana Ruiz", "start": _find("Ana Ruiz")[0], "end": _find("Ana Ruiz")[1], "type": "PER"},
        {"text": "Porto", "start": _find("Porto")[0], "end": _find("Porto")[1], "type": "LOC"},
    ],
}


def _analysis() -> Analysis:
    doc = Document("g1", "", "", "2021-03-10", "metadata", "en", "", "", TEXT)
    q1 = _find("that the bridge would reopen")
    q2 = _find("“We are almost done,”")
    return Analysis(
        corpus=Corpus((doc,)),
        actors=(Actor("ana-ruiz", "Ana Ruiz", "person"), Actor("council", "The council", "organization")),
        mentions=(
            Mention("g1", "ana-ruiz", "Ana Ruiz", *_find("Ana Ruiz")),
            Mention("g1", "council", "The council", *_find("The council")),
        ),
        quotes=(
            Quote("g1", "ana-ruiz", "Ana Ruiz", TEXT[q1[0] : q1[1]], "indirect", "said", *q1, 0.9),
            Quote("g1", None, "reporters", TEXT[q2[0] : q2[1]], "direct", "told", *q2, 0.9),
        ),
        dates=(
            DateMention("g1", "Monday", *_find("Monday"), "2021-03-08", "day"),
            DateMention("g1", "2019 in", _find("2019")[0], _find("2019")[1] + 3, "2018", "year"),
        ),
        events=(),
        numbers=(),
        positions=(),
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("Crème brûlée!", "creme BRULEE", 1.0), ("a b c d", "a b", 0.5), ("", "a", 0.0), ("x y", "z w", 0.0)],
)
def test_overlap_is_folded_token_multiset_over_the_longer(a: str, b: str, expected: float) -> None:
    assert overlap(tokens(a), tokens(b)) == expected


def test_figures_by_hand() -> None:
    analysis = _analysis()
    quotes = score_quotes([GOLD], analysis)
    assert quotes["lenient"]["prf"].tp == 2
    assert quotes["lenient"]["speaker_accuracy"] == 0.5  # the second speaker is wrong
    dates = score_dates([GOLD], analysis)
    assert (dates["relaxed"].tp, dates["value"].tp) == (2, 1)
    entities = score_entities([GOLD], analysis)
    assert (entities["lenient"].tp, entities["lenient"].n_pred) == (1, 2)


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score.py is not beside the project")
@pytest.mark.parametrize("task", ["quotes", "dates", "entities"])
def test_agrees_with_the_shared_scorer(tmp_path: Path, task: str) -> None:
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    pred_file = tmp_path / "pred.json"
    pred_file.write_text(json.dumps(analysis_dict(_analysis())), encoding="utf-8")
    out = tmp_path / "metrics.json"
    cmd = [sys.executable, str(SCORER), "--task", task, "--gold", str(gold_file), "--pred", str(pred_file)]
    subprocess.run([*cmd, "--json-out", str(out)], check=True, capture_output=True)
    theirs = json.loads(out.read_text())["metrics"]
    analysis = _analysis()
    if task == "quotes":
        ours = score_quotes([GOLD], analysis)["lenient"]
        assert round(ours["prf"].f1, 4) == theirs["lenient"]["F1"]
        assert round(ours["speaker_accuracy"], 4) == theirs["lenient"]["speaker_acc"]
    elif task == "dates":
        assert round(score_dates([GOLD], analysis)["value"].f1, 4) == theirs["value"]["F1"]
    else:
        ours_e = score_entities([GOLD], analysis)["lenient"]
        assert round(ours_e.f1, 4) == theirs["lenient"]["MAIN(PER+ORG+LOC)"]["F1"]


def _shared_metrics(tmp_path: Path, task: str, gold_file: Path, analysis: Analysis) -> dict[str, Any]:
    pred_file = tmp_path / "pred.json"
    # the CLI's quotes under the gold file's own definition (analyze --definition polnear for PolNeAR)
    definition = quote_definition(load_gold(gold_file))
    pred_file.write_text(json.dumps(analysis_dict(analysis, definition)), encoding="utf-8")
    out = tmp_path / "metrics.json"
    cmd = [sys.executable, str(SCORER), "--task", task, "--gold", str(gold_file), "--pred", str(pred_file)]
    subprocess.run([*cmd, "--json-out", str(out)], check=True, capture_output=True)
    metrics: dict[str, Any] = json.loads(out.read_text())["metrics"]
    return metrics


def _ours_and_theirs(
    task: str, gold: list[dict[str, Any]], analysis: Analysis, theirs: dict[str, Any]
) -> list[tuple[float, float]]:
    """(our figure rounded as score.py rounds, its figure) for every figure both report."""
    if task == "quotes":
        ours = score_quotes(gold, analysis)
        return [
            pair
            for mode in ("lenient", "strict")
            for pair in (
                (round(ours[mode]["prf"].p, 4), theirs[mode]["P"]),
                (round(ours[mode]["prf"].r, 4), theirs[mode]["R"]),
                (round(ours[mode]["prf"].f1, 4), theirs[mode]["F1"]),
                (round(ours[mode]["speaker_accuracy"], 4), theirs[mode]["speaker_acc"]),
            )
        ]
    if task == "dates":
        dates = score_dates(gold, analysis)
        return [
            (round(v, 4), theirs[k][m])
            for k in ("relaxed", "value")
            for v, m in ((dates[k].p, "P"), (dates[k].r, "R"), (dates[k].f1, "F1"))
        ]
    entities = score_entities(gold, analysis)
    return [
        (round(v, 4), theirs[mode]["MAIN(PER+ORG+LOC)"][k])
        for mode in ("lenient", "exact")
        for v, k in ((entities[mode].p, "P"), (entities[mode].r, "R"), (entities[mode].f1, "F1"))
    ]


DEV_TASKS = [
    ("ggt-dev.jsonl", "quotes"),
    ("polnear-dev.jsonl", "quotes"),
    ("timebank-aquaint.jsonl", "dates"),
    ("conll2003-dev.jsonl", "entities"),
]


@pytest.mark.slow
@pytest.mark.devset
@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score.py is not beside the project")
@pytest.mark.parametrize(("name", "task"), DEV_TASKS)
def test_agrees_with_the_shared_scorer_on_whole_dev_files(
    tmp_path: Path, dev_run: Callable[[str], DevRun], name: str, task: str
) -> None:
    """The figures `python -m lib eval` prints are score.py's, on the same analysis of a whole dev file."""
    run = dev_run(name)
    theirs = _shared_metrics(tmp_path, task, run.path, run.analysis)
    pairs = _ours_and_theirs(task, run.gold, run.analysis, theirs)
    assert pairs and all(ours == their for ours, their in pairs), pairs
