"""The polarity classifier's training pieces (tools/train_polarity.py) on made-up examples: hashed
features, class-balanced fitting, abstention and the ways of combining it with the rules."""

from __future__ import annotations

import numpy as np
import pytest

from tools import train_polarity as tp


def _examples() -> list[tp.Example]:
    """Ten events: a statement with "s:good" is positive, one with "s:bad" negative; 3 of 10 positive."""
    out: list[tp.Example] = []
    for n in range(10):
        positive = n < 3
        names = ["s:bias", "s:good" if positive else "s:bad", f"w:filler{n % 4}"]
        out.append((str(n), names, int(positive), None))
    return out


def test_hashing_is_stable_and_bounded() -> None:
    assert tp.slot("w:harbour") == tp.slot("w:harbour")
    assert 0 <= tp.slot("w:harbour") < tp.DIMENSIONS


def test_matrix_keeps_only_the_chosen_groups() -> None:
    data = _examples()
    x_all, y = tp.matrix(data)
    x_signals, _ = tp.matrix(data, "s")
    assert y.tolist() == [1.0] * 3 + [0.0] * 7
    assert x_all.sum() > x_signals.sum() == 2 * len(data)  # the filler words dropped


def test_fit_separates_and_is_balanced() -> None:
    x, y = tp.matrix(_examples())
    p = tp.probabilities(x, tp.fit(x, y, c=1.0))
    assert all(p[:3] > 0.5) and all(p[3:] < 0.5)
    # balanced classes: a statement with neither signal is not pushed to the majority's side
    blank, _ = tp.matrix([("x", ["s:bias"], 0, None)])
    assert abs(float(tp.probabilities(blank, tp.fit(x, y, c=1.0))[0]) - 0.5) < 0.15


@pytest.mark.parametrize(
    ("p", "threshold", "want"),
    [
        ([0.9, 0.1, 0.55], 0.6, ["pos", "neg", None]),  # abstains between the thresholds
        ([0.9, 0.1, 0.55], 0.5, ["pos", "neg", "pos"]),
    ],
)
def test_answers_abstain(p: list[float], threshold: float, want: list[str | None]) -> None:
    assert tp.answers(np.array(p), threshold) == want


@pytest.mark.parametrize(
    ("mode", "want"),
    [
        ("alone", [None, "neg", "pos"]),
        ("fill", ["pos", "neg", "neg"]),  # the rules first, the classifier where they say nothing
        ("override", ["pos", "neg", "pos"]),  # the classifier first
    ],
)
def test_combined(mode: str, want: list[str | None]) -> None:
    assert tp.combined(mode, ["pos", None, "neg"], [None, "neg", "pos"]) == want


def test_tally_counts_right_wrong_and_empty() -> None:
    data = _examples()[:4]  # 3 positive, 1 negative
    assert tp.tally(["pos", "neg", None, "neg"], data) == (2, 1, 1)
