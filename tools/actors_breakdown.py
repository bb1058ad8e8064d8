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
  chain or a per-report one; with ``--examples N`` the commonest wrong and missed name pairs;
* with ``--classes``, every error by class (detection misses by kind, our splits of a gold cluster by
  the forms they have, our merges by whether ECB+'s scope explains them) and the CoNLL F1 each costs.

Usage: python -m tools.actors_breakdown --gold GOLD.jsonl --pred PRED.json [--examples 30] [--classes]
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
            gs = (g["start"], g["end"])
            near = next((q[3] for q in preds if p is None and sc.overlap_len(gs, q[0])), None)
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
                    "overlapping": near,
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


def _words(sc: ModuleType, text: str | None) -> list[str]:
    return list(sc._name_tokens(text or ""))


def _acronym(text: str, others: list[list[str]]) -> bool:
    """An initialism: two to five capitals (dots and "&" aside), not a word the other forms write."""
    letters = text.replace(".", "").replace("&", "")
    word = letters.lower()
    return (
        2 <= len(letters) <= 5
        and letters.isalpha()
        and letters.isupper()
        and all(word not in o for o in others)
    )


def split_class(sc: ModuleType, m: dict[str, Any], major: list[dict[str, Any]]) -> str:
    """Why a matched mention is not in its gold cluster's majority actor: its form beside the
    forms of that actor's mentions (the first test that holds)."""
    mine = _words(sc, m["pred_text"])
    theirs = [_words(sc, o["pred_text"]) for o in major]
    short = any(mine[-1:] == t[-1:] and (len(mine) == 1 or len(t) == 1) for t in theirs if t and mine)
    if any(mine == t for t in theirs):
        return "split: same name, another kind (town/team, state)"
    if short and m["type"] == "PER":
        return "split: surname vs full name"
    if short:
        return "split: a body's or place's last word vs its full name"
    if mine and any(mine[-1:] == t[-1:] for t in theirs if t):
        return "split: full names alike (first name, middle)"
    if _acronym(m["pred_text"] or "", theirs) or any(_acronym(o["pred_text"] or "", [mine]) for o in major):
        return "split: acronym vs name"
    if any(set(mine) & set(t) for t in theirs):
        return "split: shorter / longer name sharing a word"
    if any(w[:3] == v[:3] for t in theirs for v in t for w in mine if len(w) >= 3):
        return "split: clipped form (Xy for Xyz...)"
    if m["actor_type"] in ("place", "country") and m["type"] != "LOC":
        return "split: place for its team or body"
    if m["type"] == "LOC":
        return "split: another place (region, town)"
    return "split: epithet, nickname, role"


def merge_class(sc: ModuleType, m: dict[str, Any], major: list[dict[str, Any]]) -> str:
    """Why a matched mention shares its actor with mentions of another gold cluster."""
    if not m["cross_chain"] or not all(o["cross_chain"] for o in major):
        return "merge: ECB+ scope (a per-report gold mention)"
    if any(_words(sc, m["pred_text"]) == _words(sc, o["pred_text"]) for o in major):
        return "merge: same name, two gold chains (sense or event)"
    return "merge: another name linked wrongly"


def miss_class(m: dict[str, Any]) -> str:
    """Why a gold mention has no prediction the scorer matches."""
    if m["overlapping"] is not None:
        return "detection: extent (our span, another head)"
    one = len(m["text"].split()) == 1
    if m["type"] == "PER" and one and m["text"].endswith(("an", "ans", "s", "i", "im", "ks")):
        return "detection: group noun or demonym"
    return f"detection: not found ({m['type']})"


def classes(sc: ModuleType, ms: list[dict[str, Any]], shown: int = 0) -> None:
    """The CoNLL F1 each class of error costs: the score with that class alone fixed from the gold
    (a split mention given its gold cluster's majority actor, a wrongly merged one split off by its
    gold cluster, a missed one given its cluster's majority actor)."""
    doc_of = {m["id"]: m["doc"] for m in ms}
    key = partition(ms, lambda m: m["gold"])
    by_gold = _by([m for m in ms if m["actor"]], lambda m: m["gold"])
    by_actor = _by([m for m in ms if m["actor"]], _ours)
    g_major = {g: Counter(m["actor"] for m in mm).most_common(1)[0][0] for g, mm in by_gold.items()}
    a_major = {a: Counter(m["gold"] for m in mm).most_common(1)[0][0] for a, mm in by_actor.items()}
    label: dict[Any, str] = {}
    fixed: dict[Any, Any] = {}  # mention id -> its response cluster with its class fixed
    for m in ms:
        if m["actor"] is None:
            label[m["id"]] = miss_class(m)
            maj = g_major.get(m["gold"])
            fixed[m["id"]] = (m["topic"], maj) if maj else None
        elif g_major[m["gold"]] != m["actor"]:
            major = [o for o in by_gold[m["gold"]] if o["actor"] == g_major[m["gold"]]]
            label[m["id"]] = split_class(sc, m, major)
            fixed[m["id"]] = (m["topic"], g_major[m["gold"]])
        elif a_major[_ours(m)] != m["gold"]:
            major = [o for o in by_actor[_ours(m)] if o["gold"] == a_major[_ours(m)]]
            label[m["id"]] = merge_class(sc, m, major)
            fixed[m["id"]] = (_ours(m), m["gold"])
    base = sc.coref_scores(key, partition(ms, _ours), doc_of)["CoNLL_F1"]
    print("\nerror classes: mentions, and CoNLL F1 with the class alone fixed from the gold (cost)")
    print(f"{'class':58}{'ments':>6}{'CoNLL':>8}{'cost':>8}{'xB3':>8}")
    counts = Counter(label.values())
    for name in sorted(counts, key=lambda n: (n.split(":")[0], -counts[n])):

        def keyed(m: dict[str, Any], name: str = name) -> Any:
            return fixed[m["id"]] if label.get(m["id"]) == name else _ours(m)

        s = sc.coref_scores(key, partition(ms, keyed), doc_of)
        f1, x = s["CoNLL_F1"], s["B3_cross_doc"]["F1"]
        print(f"{name:58}{counts[name]:6d}{f1:8.4f}{f1 - base:+8.4f}{x:8.4f}")
        if shown:
            examples = Counter((m["pred_text"] or m["text"]) for m in ms if label.get(m["id"]) == name)
            print("      " + "; ".join(f"{t} x{n}" for t, n in examples.most_common(shown)))


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
    ap.add_argument("--classes", action="store_true", help="the loss by error class, each fixed by an oracle")
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
    if args.classes:
        classes(sc, ms, args.examples)


if __name__ == "__main__":
    main()
