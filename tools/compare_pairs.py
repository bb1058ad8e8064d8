"""Measure the comparison on event triplets: every pair of reports of one event, compared.

Input: a JSONL file with one event a line, ``docs`` holding its reports (id, source, date,
title, text), as the shared BASIL dev set. The reports are analysed once (a flattened temporary
JSONL through lib.extract.pipeline.analyze_paths); each pair of reports of an event is compared.
Printed: flags (shown and weak) by kind and the aligned claims per pair. Written: one line per
flag with both spans and their sentences, to be read and judged by a person. A verdicts file
(``key<TAB>real|false`` a line, key as written) gives precision over the judged flags; keep it
outside the repository, it is about dev-set texts.

Usage: python -m tools.compare_pairs [--devset FILE] [--flags OUT] [--verdicts FILE] [--cache PICKLE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import statistics
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from lib.compare.align import compare
from lib.extract.pipeline import analyze_paths
from lib.records import Analysis, Comparison, Discrepancy, Span
from tools import train_targets

DEVSET = Path("shared") / "devsets" / "basil-dev.jsonl"
DOC_KEYS = ("id", "source", "date", "title", "text")


def default_devset() -> Path:
    """shared/devsets beside the project, or beside any folder above it (a worktree sits deeper)."""
    here = Path(__file__).resolve().parent.parent
    found = (folder / DEVSET for folder in here.parents if (folder / DEVSET).exists())
    return next(found, here.parent / DEVSET)


def analyse(events: list[dict[str, Any]], cache: Path | None) -> Analysis:
    """Every report of every event analysed once; pickled to ``cache`` when given (delete after a change)."""
    if cache and cache.exists():
        with cache.open("rb") as f:
            loaded: Analysis = pickle.load(f)
            return loaded
    with tempfile.TemporaryDirectory() as tmp:
        flat = Path(tmp) / "reports.jsonl"
        lines = [json.dumps({k: d.get(k) for k in DOC_KEYS}) for e in events for d in e["docs"]]
        flat.write_text("\n".join(lines) + "\n", encoding="utf-8")
        analysis = analyze_paths([flat], cache_dir=Path(tmp) / "cache")
    if cache:
        with cache.open("wb") as f:
            pickle.dump(analysis, f)
    return analysis


def pairs(events: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(event id, report a, report b) for every pair of reports of every event."""
    return [
        (e["event_id"], a["id"], b["id"]) for e in events for a, b in itertools.combinations(e["docs"], 2)
    ]


def flag_key(doc_a: str, doc_b: str, d: Discrepancy) -> str:
    """A flag's key: the pair, the kind and both offsets (stable across runs, no dev text)."""
    return f"{doc_a}|{doc_b}|{d.kind}|{d.a.start}|{d.b.start}"


def _sentence(analysis: Analysis, span: Span) -> str:
    text = analysis.document(span.doc_id).text
    start = max(text.rfind("\n", 0, span.start), text.rfind(". ", 0, span.start)) + 1
    end_candidates = [i for i in (text.find("\n", span.end), text.find(". ", span.end)) if i >= 0]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return text[start:end].strip()


def flag_record(analysis: Analysis, result: Comparison, d: Discrepancy, shown: bool) -> dict[str, Any]:
    return {
        "key": flag_key(result.doc_a, result.doc_b, d),
        "shown": shown,
        "kind": d.kind,
        "confidence": d.confidence,
        "reason": d.reason,
        "a": d.a.text,
        "b": d.b.text,
        "a_sentence": _sentence(analysis, d.a),
        "b_sentence": _sentence(analysis, d.b),
        "date_a": analysis.document(result.doc_a).date,
        "date_b": analysis.document(result.doc_b).date,
    }


def read_verdicts(path: Path | None) -> dict[str, str]:
    if path is None or not path.exists():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
    return {key: verdict.strip() for key, verdict in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=default_devset())
    parser.add_argument("--flags", type=Path, default=Path("compare_flags.jsonl"))
    parser.add_argument("--verdicts", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    events = train_targets.events(args.devset)
    analysis = analyse(events, args.cache)
    verdicts = read_verdicts(args.verdicts)
    same_counts, records = [], []
    for _event, doc_a, doc_b in pairs(events):
        result = compare(analysis, doc_a, doc_b)
        same_counts.append(sum(p.relation == "same" for p in result.aligned))
        records += [flag_record(analysis, result, d, True) for d in result.discrepancies]
        records += [flag_record(analysis, result, d, False) for d in result.weak]
    args.flags.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    shown = [r for r in records if r["shown"]]
    print(f"pairs {len(same_counts)}; aligned 'same' per pair: median {statistics.median(same_counts)}")
    print(f"mean {statistics.mean(same_counts):.1f}; pairs with none {same_counts.count(0)}")
    print(f"flags shown {len(shown)} {dict(Counter(r['kind'] for r in shown))}")
    print(f"weak {len(records) - len(shown)} {dict(Counter(r['kind'] for r in records if not r['shown']))}")
    judged = [verdicts[r["key"]] for r in shown if r["key"] in verdicts]
    if judged:
        real = judged.count("real")
        print(f"judged {len(judged)} of {len(shown)} shown: {real} real, precision {real / len(judged):.2f}")
    print(f"flags written to {args.flags}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
