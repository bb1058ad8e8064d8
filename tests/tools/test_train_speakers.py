"""The speaker ranker's cross-validation (tools/train_speakers.py --cv) on made-up rows: one
document held out at a time, so a document's speakers are never scored by weights fitted on them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from lib.extract.quotes.speaker_ranker import FEATURES
from tools import train_speakers as ts


def _row(doc: int, right: int, wrong: int, labels: tuple[int, ...] = (1, 0)) -> dict[str, Any]:
    """A speaker with two candidates: feature ``right`` set on the first, ``wrong`` on the second."""
    x = [[0.0] * len(FEATURES) for _ in labels]
    x[0][right] = 1.0
    x[1][wrong] = 1.0
    return {"doc": doc, "x": x, "y": list(labels), "right": False, "surface": False, "kept": False}


# every document's right candidate is the one that spoke before ("spoke"), the other the nearest
SPOKE, NEAREST = FEATURES.index("spoke"), FEATURES.index("nearest")
CONSISTENT = [_row(d, SPOKE, NEAREST) for d in range(6) for _ in range(3)]


def test_a_consistent_signal_is_learnt_out_of_fold() -> None:
    right, loss = ts.cross_validated(CONSISTENT, 1.0)
    assert right == len(CONSISTENT)
    assert loss < len(CONSISTENT) * np.log(3)  # better than chance among two candidates and "none"


def test_a_document_is_never_scored_by_weights_fitted_on_it(monkeypatch: pytest.MonkeyPatch) -> None:
    fitted_on: list[set[int]] = []
    fit = ts.fit

    def recording(rows: Any, c: float = ts.C) -> np.ndarray:
        fitted_on.append({r["doc"] for r in rows})
        return fit(rows, c)

    monkeypatch.setattr(ts, "fit", recording)
    ts.cross_validated(CONSISTENT, 1.0)
    assert fitted_on == [set(range(6)) - {d} for d in range(6)]


@pytest.mark.parametrize(("c", "better"), [(0.01, False), (1.0, True)])
def test_strong_regularisation_costs_log_loss(c: float, better: bool) -> None:
    _, loss = ts.cross_validated(CONSISTENT, c)
    _, reference = ts.cross_validated(CONSISTENT, 0.1)
    assert (loss < reference) is better
