"""Shared fixtures: the bundled seed corpus, its gold, the spaCy model, the dev sets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds.yaml"
DEVSETS = ROOT.parent / "shared" / "devsets"


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
