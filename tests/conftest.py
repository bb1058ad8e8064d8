"""Shared fixtures: the bundled seed corpus, its gold, the spaCy model, the dev sets."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds.yaml"
# ../shared beside the project; TRIANGULATE_SHARED points elsewhere (a worktree one level deeper).
SHARED = Path(os.environ.get("TRIANGULATE_SHARED") or ROOT.parent / "shared")
DEVSETS = SHARED / "devsets"
SCORER = SHARED / "tools" / "score.py"


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    """../shared/gold/seeds.yaml, copied verbatim into tests/gold/ (the acceptance spec)."""
    gold: dict[str, Any] = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return gold


@pytest.fixture(scope="session")
def devsets() -> Path:
    """The shared dev sets; tests that need them skip cleanly when ../shared is absent."""
    if not DEVSETS.is_dir():
        pytest.skip("../shared/devsets is not beside the project")
    return DEVSETS


@pytest.fixture(scope="session")
def nlp() -> Any:
    from lib.text.nlp import load_nlp

    return load_nlp()


@dataclass(frozen=True)
class DevRun:
    """One dev file's gold and the whole pipeline's analysis of its documents."""

    path: Path
    gold: list[dict[str, Any]]
    analysis: Any  # lib.records.Analysis


@pytest.fixture(scope="session")
def dev_run(devsets: Path) -> Callable[[str], DevRun]:
    """Analyse a whole dev file once a session (slow: a minute or more each), shared by floors and checks."""
    from tools.evaluate import analyze_gold, load_gold

    runs: dict[str, DevRun] = {}

    def run(name: str) -> DevRun:
        if name not in runs:
            path = devsets / name
            if not path.is_file():
                pytest.skip(f"{name} is not among the dev sets")
            gold = load_gold(path)
            runs[name] = DevRun(path, gold, analyze_gold(gold, path.stem))
        return runs[name]

    return run
