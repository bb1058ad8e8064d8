"""The spaCy model is the pinned release, and a tampered copy is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lib.nlp import PINNED_SHA256, ModelIntegrityError, model_path, verify_model


def test_installed_model_matches_pinned_hashes() -> None:
    verify_model()


def test_tampered_weights_are_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_path(), copy)
    with (copy / "ner" / "model").open("ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelIntegrityError, match="ner/model"):
        verify_model(copy)


def test_every_weight_file_is_pinned() -> None:
    weights = {p.relative_to(model_path()).as_posix() for p in model_path().glob("*/model")}
    assert weights <= set(PINNED_SHA256)
