"""tools.evaluate computes the same figures as the shared scorer, on gold and output we write here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lib.extract.pipeline import analysis_dict
from lib.records import Actor, Analysis, Corpus, DateMention, Document, Mention, Quote
from tools.evaluate import overlap, score_dates, score_entities, score_quotes, tokens

SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score.py"
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
