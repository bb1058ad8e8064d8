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
from lib.records import Analysis, QuoteDefinition
from lib.text.aliases import fold

WORD = re.compile(r"\w+")
THRESHOLDS = {"lenient": 0.3, "strict": 0.8}
REF_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
# Actor types as score.py maps them (its TYPE_MAP); anything else is MISC.
ENTITY_TYPES = {
    **dict.fromkeys(("person", "per", "people"), "PER"),
    **dict.fromkeys(
        ("organization", "organisation", "org", "company", "party", "government", "institution"), "ORG"
    ),
    **dict.fromkeys(
        ("country", "place", "location", "loc", "city", "region", "gpe", "state", "province"), "LOC"
    ),
}
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
    """One gold document a line; a triplet line (BASIL) stands for its documents, as score.py reads it."""
    docs: list[Gold] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if "docs" in row and "text" not in row:
                docs.extend({"dataset": row.get("dataset"), **d} for d in row["docs"])
            else:
                docs.append(row)
    return docs


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


# Gold files annotated under PolNeAR's scheme (their documents' "dataset": polnear-dev, polnear-test,
# ...) count every attribution, beliefs and plans too; any other quote gold counts statements (GGT)
WIDE_SCHEMES = ("polnear",)


def quote_definition(gold_docs: Sequence[Gold]) -> QuoteDefinition:
    """The definition of a quote a gold file was annotated under, read off its documents' dataset."""
    datasets = {str(d.get("dataset") or "").lower() for d in gold_docs if "quotes" in d}
    wide = datasets and all(name.startswith(WIDE_SCHEMES) for name in datasets)
    return "wide" if wide else "statement"


def score_quotes(
    gold_docs: Sequence[Gold], analysis: Analysis, definition: QuoteDefinition | None = None
) -> dict[str, Any]:
    """Quote P/R/F1 and speaker accuracy; ``definition`` (else the gold's own, ``quote_definition``)
    says which of the analysis's quotes are predictions."""
    quotes = analysis.quotes_by(definition or quote_definition(gold_docs))
    names = {a.id: a.name for a in analysis.actors}
    counts: Counter[str] = Counter()
    for doc in gold_docs:
        if "quotes" not in doc:  # no quote gold: its predictions are neither right nor wrong
            continue
        golds = doc["quotes"]
        preds = [q for q in quotes if q.doc_id == str(doc["id"])]
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


def _value_ok(gold: Gold, value: str) -> bool:
    """A gold timex without a value matches nothing (as score.py)."""
    expected = _norm_value(str(gold.get("value") or ""))
    return bool(expected) and expected == _norm_value(value)


def _scored_timex(t: Gold) -> bool:
    value = str(t.get("value") or "")
    return t["type"] in ("DATE", "TIME") and value not in REF_VALUES and not value.startswith("P")


def _region(doc: Gold) -> tuple[int, int] | None:
    """The only annotated part of a gold text, where a file says so (predictions outside are dropped)."""
    region = doc.get("annotated_region")
    return (int(region[0]), int(region[1])) if region else None


def _kept(span: tuple[int, int], gold: Sequence[tuple[int, int]], ignore: Sequence[tuple[int, int]]) -> bool:
    """A prediction that falls only in a don't-care region is neither rewarded nor penalised."""
    return any(_span_overlap(span, g) for g in gold) or not any(_span_overlap(span, r) for r in ignore)


def score_dates(gold_docs: Sequence[Gold], analysis: Analysis) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    for doc in gold_docs:
        if "timexes" not in doc:
            continue
        gold = [t for t in doc["timexes"] if _scored_timex(t)]
        ignore = [(t["start"], t["end"]) for t in doc["timexes"] if not _scored_timex(t)]
        ignore += [(t["start"], t["end"]) for t in doc.get("timexes_ignore") or []]
        gspans = [(g["start"], g["end"]) for g in gold]
        region = _region(doc)
        preds = [
            d
            for d in analysis.dates
            if d.doc_id == str(doc["id"])
            and (region is None or _span_overlap((d.start, d.end), region))
            and _kept((d.start, d.end), gspans, ignore)
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
        counts["value"] += sum(_value_ok(gold[gi], preds[pi].value) for _, gi, pi in matched)
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
        if "entities" not in doc:
            continue
        gold = [(e["start"], e["end"], e["type"]) for e in doc["entities"] if e["type"] != "MISC"]
        all_gold = [(e["start"], e["end"]) for e in doc["entities"]]
        ignore = [(e["start"], e["end"]) for e in doc.get("entities_ignore") or []]
        region = _region(doc)
        preds = [
            (m.start, m.end, types.get(m.actor_id, "MISC"))
            for m in analysis.mentions
            if m.doc_id == str(doc["id"])
            and _named(m.text)
            and (region is None or _span_overlap((m.start, m.end), region))
            and _kept((m.start, m.end), all_gold, ignore)
        ]
        preds = [p for p in preds if p[2] != "MISC"]
        pairs = [
            (float(_span_overlap(g[:2], p[:2])), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(preds)
            if g[2] == p[2]
        ]
        counts["lenient"] += len(greedy(x for x in pairs if x[0] > 0))
        counts["exact"] += len(
            greedy((1.0, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds) if g == p)
        )
        counts["gold"] += len(gold)
        counts["pred"] += len(preds)
    return {
        "lenient": PRF(counts["lenient"], counts["pred"], counts["gold"]),
        "exact": PRF(counts["exact"], counts["pred"], counts["gold"]),
    }


SCORERS = {"quotes": score_quotes, "timexes": score_dates, "entities": score_entities}


def scored_tasks(gold: Sequence[Gold]) -> list[str]:
    """The tasks a gold file has gold for (a key present only where a dataset annotates it)."""
    return [k for k in SCORERS if any(k in d for d in gold)]


def analyze_gold(gold: Sequence[Gold], name: str = "gold") -> Analysis:
    """Run the whole pipeline on the documents of a gold file, as a user's .jsonl would hold them."""
    with tempfile.TemporaryDirectory() as tmp:
        # The system sees only what a user's file would hold, never the gold.
        sample = Path(tmp) / f"{name}.jsonl"
        sample.write_text("".join(json.dumps(_strip(d), ensure_ascii=False) + "\n" for d in gold), "utf-8")
        return analyze_paths([sample], cache_dir=Path(tmp) / "cache")


def score_all(
    gold: Sequence[Gold], analysis: Analysis, definition: QuoteDefinition | None = None
) -> dict[str, dict[str, Any]]:
    """Every figure a gold file has gold for, on an analysis of its documents; quotes under
    ``definition``, else the gold file's own (``quote_definition``)."""
    out = {key: SCORERS[key](gold, analysis) for key in scored_tasks(gold) if key != "quotes"}
    if "quotes" in scored_tasks(gold):
        out = {"quotes": score_quotes(gold, analysis, definition), **out}
    return out


def evaluate_file(
    path: Path, limit: int | None = None, definition: QuoteDefinition | None = None
) -> dict[str, dict[str, Any]]:
    """Run the whole pipeline on one gold file and score every task it has gold for."""
    gold = load_gold(path)[:limit] if limit else load_gold(path)
    if not scored_tasks(gold):
        return {}
    return score_all(gold, analyze_gold(gold, path.stem), definition)


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
