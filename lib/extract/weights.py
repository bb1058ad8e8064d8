"""The weights files of the extraction's small fitted models (lib/lexicons/*_weights.yaml, written
by tools/train_targets.py and tools/train_speakers.py): one feature weight per name, plus settings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lib import read_yaml


def read_weights(path: Path, features: Sequence[str], model: str) -> tuple[dict[str, Any], tuple[float, ...]]:
    """The file's data and its feature weights in ``features`` order; a file that lacks a feature is
    refused, naming it (``model`` says whose weights they are)."""
    data = read_yaml(path) or {}
    given = data.get("weights") or {}
    missing = [f for f in features if f not in given]
    if missing:
        raise ValueError(f"{model} weights lack {', '.join(missing)}")
    return data, tuple(float(given[f]) for f in features)
