"""The seeds' acceptance spec is ../shared/gold/seeds.yaml; tests/gold/seeds.yaml is its copy for a
checkout without ../shared. The copy may not drift: a test that passes on an edited copy proves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "gold" / "seeds.yaml"


@pytest.mark.skipif(not SHARED.is_file(), reason="../shared/gold is not beside the project")
def test_the_seed_spec_is_the_shared_one() -> None:
    ours = (ROOT / "tests" / "gold" / "seeds.yaml").read_bytes()
    assert ours == SHARED.read_bytes(), "tests/gold/seeds.yaml differs from ../shared/gold/seeds.yaml"
