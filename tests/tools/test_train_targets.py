"""The target ranker's training pieces (tools/train_targets.py) on made-up candidates: folds by
event, cross-validated strength, features left out."""

from __future__ import annotations

import numpy as np
import pytest

from lib.extract import target_ranker
from tools import train_targets as tt

N = len(target_ranker.FEATURES)


def _groups(events: int = 10, per_event: int = 3) -> tuple[list[tt.Group], dict[str, int]]:
    """Statements of ``events`` events, three candidates each: the target is named as subject
    (feature 0), the others are not; one statement in four has its target unnamed (noise)."""
    rng = np.random.default_rng(7)
    groups: list[tt.Group] = []
    event_of: dict[str, int] = {}
    for e in range(events):
        for s in range(per_event):
            doc = f"ev{e}_{s % 2 + 1}"
            event_of[doc] = e
            rows, labels = [], []
            for c in range(3):
                row = [0.0] * N
                target = c == 0
                if target == (rng.random() > 0.25):
                    row[0] = 1.0
                row[7] = float(rng.integers(0, 3))  # log_mentions: noise
                rows.append(row)
                labels.append(int(target))
            groups.append((f"{doc}:{100 * s}", rows, labels))
    return groups, event_of


def test_folds_keep_an_event_together_and_spread_the_events() -> None:
    groups, event_of = _groups()
    fold = tt.folds(groups, event_of)
    by_event: dict[int, set[int]] = {}
    for (key, _, _), f in zip(groups, fold, strict=True):
        by_event.setdefault(event_of[key.rsplit(":", 1)[0]], set()).add(f)
    assert all(len(f) == 1 for f in by_event.values())  # never split
    assert set(fold) == set(range(tt.FOLDS))


def test_cross_validation_prefers_a_moderate_penalty_to_a_crushing_one() -> None:
    groups, event_of = _groups()
    kept = list(range(N))
    assert tt.cross_validated(groups, 1.0, kept, event_of) < tt.cross_validated(groups, 0.001, kept, event_of)


def test_dropped_features_weigh_nothing() -> None:
    groups, _ = _groups()
    kept = [i for i in range(N) if i != 7]
    x, y = tt.design(groups, kept)
    assert x.shape == (len(y), N - 1)
    w = tt.widen(tt.fit(x, y, 1.0), kept)
    assert w.shape == (N + 1,) and w[7] == 0.0 and w[0] > 1.0  # the subject evidence learnt


def test_unknown_feature_is_refused() -> None:
    with pytest.raises(SystemExit, match="unknown features"):
        tt.main(["unused.jsonl", "--drop", "shoe_size"])
