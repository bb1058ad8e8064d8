"""The benchmark command prints every figure (speed is measured by it, never asserted here)."""

from __future__ import annotations

import json

import pytest

from lib.__main__ import main
from lib.bench import synthetic_documents

KEYS = {
    "docs",
    "words",
    "ingest_s",
    "words_per_s",
    "bare_spacy_words_per_s",
    "processes",
    "warm_start_s",
    "query_ms",
    "add_one_doc_s",
    "peak_rss_mb",
}
PAGES = {"timeline", "positions", "comparison", "reader"}


def test_bench_prints_one_json_object_with_every_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--docs", "3", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= KEYS
    assert set(figures["query_ms"]) == PAGES
    assert (figures["docs"], figures["processes"]) == (3, 1)


@pytest.mark.parametrize("n", [0, 1, 5])
def test_synthetic_documents_are_new_each(n: int) -> None:
    docs = list(synthetic_documents(n, ["Alpha 12 said in March.", "Beta 7."]))
    assert len(docs) == n
    assert len({d["id"] for d in docs}) == n
