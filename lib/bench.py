"""Benchmark: extraction speed against spaCy's bare pass, and peak memory, on a synthetic corpus.

The corpus is built from real text (the bundled seeds, and the shared dev statements when they
are beside the project) recombined with varied names, dates and numbers, so that neither the
parse cache nor deduplication can shortcut the work.
"""

from __future__ import annotations

import json
import random
import re
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lib.ingest import load_corpus
from lib.nlp import load_nlp
from lib.pipeline import analyze_corpus

ROOT = Path(__file__).resolve().parent.parent
DEV_STATEMENTS = ROOT.parent / "shared" / "devsets" / "kremlin-zelenskyy-2022-01.jsonl"
NAMES = ["Jens Stoltenberg", "Antony Blinken", "Sergei Lavrov", "Olaf Scholz", "Emmanuel Macron", "Liz Truss"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October"]


def source_texts(data_dir: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(data_dir.glob("*.txt"))]
    if DEV_STATEMENTS.is_file():
        with DEV_STATEMENTS.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def _vary(text: str, rng: random.Random) -> str:
    """Swap names, numbers and months so every synthetic document is new to the cache."""
    text = re.sub(r"\b\d[\d,]*\b", lambda m: str(rng.randint(2, 200_000)), text)
    text = re.sub("|".join(MONTHS), lambda m: rng.choice(MONTHS), text)
    return re.sub("|".join(NAMES), lambda m: rng.choice(NAMES), text)


def synthetic_documents(n: int, texts: list[str], seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for i in range(n):
        body = _vary(texts[i % len(texts)], rng)
        yield {
            "id": f"bench-{i:06d}",
            "title": f"Synthetic report {i}",
            "source": f"Outlet {i % 17}",
            "date": f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": body,
        }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bench(n_docs: int, data_dir: Path = ROOT / "data") -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus_file = Path(tmp) / "bench.jsonl"
        docs = list(synthetic_documents(n_docs, source_texts(data_dir)))
        corpus_file.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        words = sum(len(d["text"].split()) for d in docs)
        load_nlp()  # model load is start-up, not throughput
        t0 = time.perf_counter()
        corpus = load_corpus([corpus_file], cache_dir=Path(tmp) / "cache")
        analysis = analyze_corpus(corpus)
        ingest_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in load_nlp().pipe(d.text for d in corpus.documents):
            pass
        bare_s = time.perf_counter() - t0
    return {
        "docs": len(analysis.documents),
        "words": words,
        "ingest_s": round(ingest_s, 2),
        "words_per_s": round(words / ingest_s),
        "bare_spacy_words_per_s": round(words / bare_s),
        "extraction_cost_vs_bare": round(ingest_s / bare_s, 2),
        "processes": 1,
        "peak_rss_mb": round(peak_rss_mb()),
    }
