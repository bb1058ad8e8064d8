"""Break a cross-document actor score down: detection, linking, within / across reports, by type.

Reads a gold file of the shared ``--task actors`` kind (named mentions with a cluster, a type and
annotated sentences) and a saved ``analyze --json`` output (``score.py --save-pred``), matches the
mentions exactly as the shared scorer does, and prints:

* the scorer's figures on all gold mentions, and with one kind of error fixed at a time from the gold
  (oracles): per-report gold mentions kept apart (ECB+'s annotation scope), split clusters joined,
  wrong merges split, detection misses given their cluster; and the ceiling detection leaves;
* our matched mentions re-clustered in each topic by their exact string, by their last word, by our
  actor ids, by the union of our ids and the last word, and by the gold (the ceiling detection leaves);
* the same per gold type (key and response restricted to that type's gold mentions);
* pairs of matched mentions in a topic counted by what gold and we say (missed / wrong links),
  within one report and across reports, by type, and whether the gold cluster is a cross-report
  chain or a per-report one; with ``--examples N`` the commonest wrong and missed name pairs.

Usage: python -m tools.actors_breakdown --gold GOLD.jsonl --pred PRED.json [--examples 30]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def default_scorer() -> Path:
    here = Path(__file__).resolve().parent.parent
    for folder in (here, *here.parents):
        cand = folder / "shared" / "tools" / "score.py"
        if cand.exists():
            return cand
    return here.parent / "shared" / "tools" / "score.py"


def matched_mentions(sc: ModuleType, gold_docs: list[dict[str, Any]], pred: Any) -> list[dict[str, Any]]:
    """Every gold named mention in annotated sentences, with the prediction the scorer matches to it."""
    out: list[dict[str, Any]] = []
    for gd in gold_docs:
        if "actors" not in gd:
            continue
        did = str(gd["id"])
        topic = str(gd.get("topic") or "")
        sentences = gd.get("annotated_sentences")
        ann = [tuple(r) for r in sentences] if sentences is not None else [(0, len(gd["text"]))]
        gold = [a for a in gd["actors"] if a.get("named") and sc._inside_any((a["start"], a["end"]), ann)]
        view = sc.DocView(gd["text"], pred.out_text(did))
        preds = []
        for m in pred.by_doc[did]["mentions"]:
            txt = pred.span_text(did, m)
            if not sc.keep_mention(txt):
                continue
            loc = view.locate(txt, m.get("start"), m.get("end"))
            if loc is None or not sc._inside_any(loc, ann):
                continue
            preds.append((loc, sc._head(txt), m.get("actor_id"), txt))
        pairs = []
        for gi, g in enumerate(gold):
            gs, gh = (g["start"], g["end"]), sc._head(g["text"])
            for pi, (loc, ph, _, _) in enumerate(preds):
                ov = sc.overlap_len(gs, loc)
                if ov and gh is not None and ph == gh:
                    pairs.append((ov / (max(gs[1], loc[1]) - min(gs[0], loc[0])), gi, pi))
        match = {gi: pi for gi, pi, _ in sc.greedy(pairs)}
        for gi, g in enumerate(gold):
            p = preds[match[gi]] if gi in match else None
            aid = p[2] if p else None
            actor = pred.actors.get(str(aid)) if aid is not None else None
            out.append(
                {
                    "id": (did, gi),
                    "doc": did,
                    "topic": topic,
                    "gold": (topic, g["cluster"]),
                    "cross_chain": not (":intra" in g["cluster"] or ":m" in g["cluster"]),
                    "type": g["type"],
                    "text": g["text"],
                    "pred_text": p[3] if p else None,
                    "actor": str(aid) if aid is not None else None,
                    "actor_name": (actor or {}).get("name"),
                    "actor_type": (actor or {}).get("type"),
                }
            )
    return out


def partition(ms: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]) -> list[set[Any]]:
    groups: dict[Any, set[Any]] = defaultdict(set)
    for m in ms:
        k = key(m)
        groups[k if k is not None else ("single", m["id"])].add(m["id"])
    return list(groups.values())


def union(parts_a: list[set[Any]], parts_b: list[set[Any]]) -> list[set[Any]]:
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for part in (*parts_a, *parts_b):
        first = next(iter(part))
        for x in part:
            parent[find(x)] = find(first)
    groups: dict[Any, set[Any]] = defaultdict(set)
    for x in parent:
        groups[find(x)].add(x)
    return list(groups.values())


def row(sc: ModuleType, name: str, key: list[set[Any]], resp: list[set[Any]], doc_of: dict[Any, str]) -> str:
    s = sc.coref_scores(key, resp, doc_of)
    x = s["B3_cross_doc"]
    return (
        f"{name:34}{s['MUC']['P']:6.3f}{s['MUC']['R']:6.3f}{s['MUC']['F1']:6.3f} | "
        f"{s['B3']['P']:5.3f}{s['B3']['R']:6.3f}{s['B3']['F1']:6.3f} | "
        f"{s['CEAFe']['P']:6.3f}{s['CEAFe']['R']:6.3f}{s['CEAFe']['F1']:6.3f} | {s['CoNLL_F1']:6.3f} | "
        f"{x['P']:6.3f}{x['R']:6.3f}{x['F1']:6.3f}"
    )


HEADER = (
    f"{'':34}{'MUC P':>6}{'R':>6}{'F1':>6} | {'B3 P':>5}{'R':>6}{'F1':>6} | "
    f"{'CEAF P':>6}{'R':>6}{'F1':>6} | {'CoNLL':>6} | {'xB3 P':>6}{'R':>6}{'F1':>6}"
)


def _ours(m: dict[str, Any]) -> Any:
    return (m["topic"], m["actor"]) if m["actor"] else None


def _last(sc: ModuleType) -> Callable[[dict[str, Any]], Any]:
    return lambda m: (m["topic"], sc._head(m["pred_text"]))


def report(sc: ModuleType, ms: list[dict[str, Any]], examples: int) -> None:
    doc_of = {m["id"]: m["doc"] for m in ms}
    matched = [m for m in ms if m["actor"] is not None]
    print(f"gold named mentions {len(ms)}, matched with an actor {len(matched)}")
    print("\nall gold mentions (an unmatched one is a singleton); oracles fix one kind of error at a time")
    print(HEADER)
    key_all = partition(ms, lambda m: m["gold"])
    majority: dict[Any, str] = {}
    for g, members in _by(ms, lambda m: m["gold"]).items():
        votes = Counter(m["actor"] for m in members if m["actor"])
        if votes:
            majority[g] = votes.most_common(1)[0][0]
    rows: dict[str, Callable[[dict[str, Any]], Any]] = {
        "our actors": _ours,
        "scope: per-report gold kept apart": lambda m: (
            (_ours(m), "" if m["cross_chain"] else m["doc"]) if m["actor"] else None
        ),
        "splits: gold's majority actor": lambda m: (m["topic"], majority[m["gold"]]) if m["actor"] else None,
        "merges: ours split by gold": lambda m: (_ours(m), m["gold"]) if m["actor"] else None,
        "detection: misses by majority": lambda m: (
            m["topic"],
            m["actor"] or majority.get(m["gold"], m["id"]),
        ),
        "ceiling: gold clusters on matched": lambda m: m["gold"] if m["actor"] else None,
    }
    for name, key in rows.items():
        print(row(sc, name, key_all, partition(ms, key), doc_of))
    print("\nmatched mentions only, re-clustered in each topic")
    print(HEADER)
    key_m = partition(matched, lambda m: m["gold"])
    ours = partition(matched, _ours)
    last = partition(matched, _last(sc))
    clusterings = {
        "our actors": ours,
        "exact string": partition(matched, lambda m: (m["topic"], " ".join(sc._name_tokens(m["pred_text"])))),
        "last word": last,
        "ours + last word (union)": union(ours, last),
        "ours, one per report": partition(matched, lambda m: (m["doc"], m["actor"])),
    }
    for name, resp in clusterings.items():
        print(row(sc, name, key_m, resp, doc_of))
    print("\nby gold type (matched mentions only; key and response restricted to the type)")
    print(HEADER)
    for typ in ("PER", "ORG", "LOC"):
        sub = [m for m in matched if m["type"] == typ]
        k = partition(sub, lambda m: m["gold"])
        print(row(sc, f"{typ} ({len(sub)}) ours", k, partition(sub, _ours), doc_of))
        print(row(sc, f"{typ} last word", k, partition(sub, _last(sc)), doc_of))
    print("\nall gold by type (detection)")
    for typ in ("PER", "ORG", "LOC"):
        sub = [m for m in ms if m["type"] == typ]
        n_m = sum(1 for m in sub if m["actor"])
        print(f"{typ}: gold {len(sub)}, matched {n_m} ({n_m / max(1, len(sub)):.3f})")
    _pairs(sc, matched, examples)


def _by(ms: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for m in ms:
        out[key(m)].append(m)
    return out


def _pairs(sc: ModuleType, matched: list[dict[str, Any]], examples: int) -> None:
    """Pairs of matched mentions in a topic by what gold and we say, within and across reports."""
    counts: Counter[tuple[str, ...]] = Counter()
    wrong: Counter[tuple[str, ...]] = Counter()
    missed: Counter[tuple[str, ...]] = Counter()
    for tms in _by(matched, lambda m: m["topic"]).values():
        for i, a in enumerate(tms):
            for b in tms[i + 1 :]:
                same_g, same_r = a["gold"] == b["gold"], a["actor"] == b["actor"]
                if not (same_g or same_r):
                    continue
                where = "within" if a["doc"] == b["doc"] else "across"
                typ = a["type"] if a["type"] == b["type"] else f"{a['type']}/{b['type']}"
                head = "same head" if sc._head(a["pred_text"]) == sc._head(b["pred_text"]) else "other head"
                names = (where, *sorted((a["pred_text"], b["pred_text"])))
                if same_g and same_r:
                    counts[("right", where, typ)] += 1
                elif same_g:
                    counts[("missed", where, typ, head)] += 1
                    missed[names] += 1
                else:
                    chains = (
                        "both chains"
                        if a["cross_chain"] and b["cross_chain"]
                        else "one per-report"
                        if a["cross_chain"] or b["cross_chain"]
                        else "per-report gold"
                    )
                    counts[("wrong", where, typ, head, chains)] += 1
                    wrong[names] += 1
    print("\nmention pairs in a topic (matched mentions)")
    for k, v in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{v:7d}  {' | '.join(k)}")
    if examples:
        print("\ncommonest wrong links (pairs)")
        for k, v in wrong.most_common(examples):
            print(f"{v:5d}  {k}")
        print("\ncommonest missed links (pairs)")
        for k, v in missed.most_common(examples):
            print(f"{v:5d}  {k}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--scorer", default=str(default_scorer()))
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--dump", help="write the matched mentions as JSONL")
    args = ap.parse_args(argv)
    sc = load_scorer(Path(args.scorer))
    gold_docs = sc.load_gold(args.gold)
    with open(args.pred, encoding="utf-8") as f:
        pred = sc.Pred(json.load(f))
    ms = matched_mentions(sc, gold_docs, pred)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for m in ms:
                f.write(json.dumps(m) + "\n")
    report(sc, ms, args.examples)


if __name__ == "__main__":
    main()
