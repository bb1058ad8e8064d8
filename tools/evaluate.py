"""Measure extraction against gold files in the shared dev-set JSONL format.

The metrics follow ../shared/tools/score.py, which follows the SFU Gender Gap Tracker quote
evaluation (token overlap >= 0.3 lenient, >= 0.8 strict, greedy one-to-one) and TempEval-3's
value F1 for dates. Our documents keep a JSONL text verbatim, so spans are compared by offset.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lib.extract.pipeline import analyze_paths
from lib.records import Analysis
from lib.text.aliases import fold

WORD = re.compile(r"\w+")
THRESHOLDS = {"lenient": 0.3, "strict": 0.8}
REF_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
ENTITY_TYPES = {"person": "PER", "organization": "ORG", "country": "LOC", "place": "LOC"}
# Pronouns are not named mentions (the list is score.py's).
PRONOUNS = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    this that these those who whom which himself herself itself themselves myself ourselves yourself
    one someone somebody everyone anyone""".split()
)
Gold = dict[str, Any]
Pair = tuple[float, int, int]


@dataclass(frozen=True)
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def p(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self, name: str) -> str:
        figures = f"P {self.p:.3f}  R {self.r:.3f}  F1 {self.f1:.3f}"
        return f"{name:<22}{figures}  (gold {self.n_gold}, pred {self.n_pred})"


def tokens(text: str) -> list[str]:
    """Lower-cased, accent-folded \\w+ runs (as score.py tokenises)."""
    return WORD.findall(fold(text or ""))


def overlap(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    return sum((Counter(a) & Counter(b)).values()) / max(len(a), len(b))


def greedy(pairs: Iterable[Pair]) -> list[Pair]:
    """Accept (score, gold, pred) pairs best first, each side at most once."""
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    out = []
    for score, g, p in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if g not in taken_g and p not in taken_p:
            taken_g.add(g)
            taken_p.add(p)
            out.append((score, g, p))
    return out


def load_gold(path: Path) -> list[Gold]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _speaker_ok(gold: str, names: Sequence[str]) -> bool:
    g = tokens(re.sub(r"['’]s\b", "", gold))
    for name in names:
        p = tokens(re.sub(r"['’]s\b", "", name))
        if g and p and (g[-1] in p or p[-1] in g):
            return True
    return False


def _quote_tokens(doc: Gold, q: Gold) -> list[str]:
    if q.get("fragments"):
        return tokens(" ".join(doc["text"][a:b] for a, b in q["fragments"]))
    return tokens(str(q["text"]))


def score_quotes(gold_docs: Sequence[Gold], analysis: Analysis) -> dict[str, Any]:
    names = {a.id: a.name for a in analysis.actors}
    counts: Counter[str] = Counter()
    for doc in gold_docs:
        golds = doc.get("quotes", [])
        preds = [q for q in analysis.quotes if q.doc_id == str(doc["id"])]
        gtoks = [_quote_tokens(doc, g) for g in golds]
        ptoks = [tokens(q.text) for q in preds]
        counts["gold"] += len(golds)
        counts["pred"] += len(preds)
        for mode, t in THRESHOLDS.items():
            pairs = [(overlap(gt, pt), gi, pi) for gi, gt in enumerate(gtoks) for pi, pt in enumerate(ptoks)]
            for _, gi, pi in greedy(x for x in pairs if x[0] >= t):
                counts[f"{mode}_tp"] += 1
                speaker = golds[gi].get("speaker_name") or golds[gi].get("speaker")
                if speaker:
                    q = preds[pi]
                    counts[f"{mode}_spk_n"] += 1
                    pred_names = [q.speaker_text, names.get(q.speaker_id or "", "")]
                    counts[f"{mode}_spk_ok"] += _speaker_ok(speaker, pred_names)
    return {
        mode: {
            "prf": PRF(counts[f"{mode}_tp"], counts["pred"], counts["gold"]),
            "speaker_accuracy": counts[f"{mode}_spk_ok"] / max(1, counts[f"{mode}_spk_n"]),
        }
        for mode in THRESHOLDS
    }


def _span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _norm_value(value: str) -> str:
    v = value.upper().strip()
    if not v.startswith("P") and "T" in v:
        v = v.split("T", 1)[0]
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})", v)
    return f"{m.group(1)}-W{int(m.group(2)):02d}" if m else v


def _scored_timex(t: Gold) -> bool:
    value = str(t.get("value") or "")
    return t["type"] in ("DATE", "TIME") and value not in REF_VALUES and not value.startswith("P")


def score_dates(gold_docs: Sequence[Gold], analysis: Analysis) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    for doc in gold_docs:
        gold = [t for t in doc.get("timexes", []) if _scored_timex(t)]
        ignore = [(t["start"], t["end"]) for t in doc.get("timexes", []) if not _scored_timex(t)]
        gspans = [(g["start"], g["end"]) for g in gold]
        preds = [
            d
            for d in analysis.dates
            if d.doc_id == str(doc["id"])
            and (
                any(_span_overlap((d.start, d.end), g) for g in gspans)
                or not any(_span_overlap((d.start, d.end), r) for r in ignore)
            )
        ]
        pairs = [
            (float(_span_overlap((p.start, p.end), g)), gi, pi)
            for gi, g in enumerate(gspans)
            for pi, p in enumerate(preds)
        ]
        matched = greedy(x for x in pairs if x[0] > 0)
        counts["gold"] += len(gold)
        counts["pred"] += len(preds)
        counts["relaxed"] += len(matched)
        counts["value"] += sum(
            _norm_value(str(gold[gi]["value"])) == _norm_value(preds[pi].value) for _, gi, pi in matched
        )
    return {
        "relaxed": PRF(counts["relaxed"], counts["pred"], counts["gold"]),
        "value": PRF(counts["value"], counts["pred"], counts["gold"]),
    }


def _named(text: str) -> bool:
    t = text.strip()
    if not any(c.isupper() or c.isdigit() for c in t):
        return False
    return not (t.lower() in PRONOUNS and not (t.isupper() and len(t) > 1))


def score_entities(gold_docs: Sequence[Gold], analysis: Analysis) -> dict[str, Any]:
    types = {a.id: ENTITY_TYPES.get(a.type, "MISC") for a in analysis.actors}
    counts: Counter[str] = Counter()
    for doc in gold_docs:
        gold = [(e["start"], e["end"], e["type"]) for e in doc.get("entities", []) if e["type"] != "MISC"]
        preds = [
            (m.start, m.end, types.get(m.actor_id, "MISC"))
            for m in analysis.mentions
            if m.doc_id == str(doc["id"]) and _named(m.text)
        ]
        preds = [p for p in preds if p[2] != "MISC"]
        pairs = [
            (float(_span_overlap(g[:2], p[:2])), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(preds)
            if g[2] == p[2]
        ]
        counts["lenient"] += len(greedy(x for x in pairs if x[0] > 0))
        counts["exact"] += sum(1 for g in gold for p in preds if g == p)
        counts["gold"] += len(gold)
        counts["pred"] += len(preds)
    return {
        "lenient": PRF(counts["lenient"], counts["pred"], counts["gold"]),
        "exact": PRF(counts["exact"], counts["pred"], counts["gold"]),
    }


SCORERS = {"quotes": score_quotes, "timexes": score_dates, "entities": score_entities}


def evaluate_file(path: Path, limit: int | None = None) -> dict[str, dict[str, Any]]:
    """Run the whole pipeline on one gold file and score every task it has gold for."""
    gold = load_gold(path)[:limit] if limit else load_gold(path)
    keys = [k for k in SCORERS if any(k in d for d in gold)]
    if not keys:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        # The system sees only what a user's file would hold, never the gold.
        sample = Path(tmp) / f"{path.stem}.jsonl"
        sample.write_text("".join(json.dumps(_strip(d), ensure_ascii=False) + "\n" for d in gold), "utf-8")
        analysis = analyze_paths([sample], cache_dir=Path(tmp) / "cache")
    return {key: SCORERS[key](gold, analysis) for key in keys}


def _strip(doc: Gold) -> Gold:
    return {k: doc.get(k) for k in ("id", "title", "source", "date", "text")}


def report_lines(name: str, results: dict[str, dict[str, Any]]) -> list[str]:
    lines = [f"# {name}"]
    for key, res in results.items():
        if key == "quotes":
            for mode, r in res.items():
                lines.append(r["prf"].row(f"quotes {mode}"))
                lines.append(f"{'':22}speaker accuracy {r['speaker_accuracy']:.3f}")
        else:
            label = "dates" if key == "timexes" else key
            lines.extend(prf.row(f"{label} {mode}") for mode, prf in res.items())
    return lines
