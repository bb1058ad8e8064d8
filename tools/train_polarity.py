"""Fit and measure a small classifier of a statement's polarity toward its target, beside the rules.

    python -m tools.train_polarity GOLD.jsonl [--train even|odd|all] [--parses CACHE.spacy] [--out W.json]

GOLD: BASIL-style triplet lines (see tools/train_targets.py and the dev-set README). The events are
split by line number (even / odd); the classifier is fitted on one half and both halves are
measured: the rules' answer (lib/extract/targets.py), the classifier's with abstention, and the
rules with the classifier answering only where they say nothing. Examples: every gold quoted span
whose extracted statement lists the gold target (the shared scorer's matching, as in
tools/train_targets.py), labelled with the gold polarity.

Features (hashed, no vocabulary: the weights file holds numbers only, no word of the training
text): the words and word pairs of the statement (names blanked), the reporter's verb, the words
within NEAR words of the target's mention, and the rules' signals (the sign of the target's clause,
of the whole statement, of the reporter's words, the rules' answer, a demand, a negator, a
question, speaker = target, the target's basis). L2 logistic regression by gradient descent,
classes weighted to equal shares: the corpus's share of negative spans (a property of how the
annotated spans were chosen) is not learnt as a default. The abstention threshold is chosen by
cross-validation on the fitted half (folds by event): the most answers whose wrong-sign rate does
not exceed the rules' own.
"""

from __future__ import annotations

import argparse
import itertools
import json
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from lib.extract import polarity, targets
from lib.records import Quote
from tools.train_targets import covered_spans, events, is_target

DIMENSIONS = 2**12  # hashed feature space: far more slots than the few hundred words of the data
NEAR = 4  # words either side of the target's mention
C = 1.0  # inverse L2 strength
STEPS = 3000
RATE = 0.5
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
FOLDS = 5


def slot(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % DIMENSIONS


def sign(x: float) -> str:
    return "+" if x > 0 else "-" if x < 0 else "0"


def features(reading: targets.Reading, quote: Quote) -> list[str]:
    """The features of one target's reading, by name (hashed in ``matrix``; the prefix names the
    group: w/b the statement's words and word pairs, c the reporter's verb, n the words near the
    target, s the rules' signals)."""
    names: list[str] = []
    ws = polarity.words(reading.text)
    names += [f"w:{w}" for w in ws]
    names += [f"b:{a}_{b}" for a, b in itertools.pairwise(ws)]
    names.append(f"c:{(quote.cue or '').lower()}")
    at = reading.evidence.at()
    if at is None:
        names.append("n:<none>")
    else:
        rel = at - quote.start
        before = polarity.words(reading.text[:rel])[-NEAR:]
        after = polarity.words(reading.text[rel:])[: NEAR + 1]
        names += [f"n:{w}" for w in before + after]
    lex = polarity.load_lexicon()
    names += [
        f"s:clause{sign(polarity.evaluation(reading.clause))}",
        f"s:local{sign(reading.local)}",
        f"s:whole{sign(reading.whole)}",
        f"s:reporter{sign(reading.reporter)}",
        f"s:rule:{reading.target.polarity}",
        f"s:basis:{reading.evidence.basis()}",
        f"s:demand:{polarity.is_demand(reading.text)}",
        f"s:negator:{any(w in lex.negators for w in ws)}",
        f"s:question:{'?' in quote.text}",
        f"s:speaker:{reading.evidence.speaker}",
        f"s:framed:{reading.evidence.framed}",
        f"s:kind:{quote.kind}",
        "s:bias",
    ]
    return names


Example = tuple[str, list[str], int, str | None]  # event, features, 1 = pos, the rules' answer
FEATURE_SETS = {"all": "wbcns", "signals and verb": "cs", "signals": "s"}  # prefixes kept


def examples(lines: Sequence[dict[str, Any]], cache: Path | None) -> Iterator[tuple[int, Example]]:
    """(line number, example) for every gold quoted span whose statement lists the gold target."""
    docs = [(n, d) for n, line in enumerate(lines) for d in line["docs"]]

    def wanted(span: dict[str, Any]) -> bool:
        return bool(span.get("quote") and span.get("target") and span.get("polarity") in ("pos", "neg"))

    for covered in covered_spans([d for _, d in docs], cache, wanted):
        n = docs[covered.index][0]
        for r in targets.readings(covered.quote, covered.sdoc, covered.report, covered.actors):
            name = r.target.name or (covered.actors[r.actor_id].name if r.actor_id in covered.actors else "")
            if name and is_target(covered.span["target"], name):
                label = int(covered.span["polarity"] == "pos")
                yield n, (str(n), features(r, covered.quote), label, r.target.polarity)
                break


def matrix(data: Sequence[Example], kept: str = "wbcns") -> tuple[np.ndarray, np.ndarray]:
    """The examples' hashed features (those whose prefix is in ``kept``) and labels."""
    x = np.zeros((len(data), DIMENSIONS))
    for i, (_, names, _, _) in enumerate(data):
        for n in names:
            if n[0] in kept:
                x[i, slot(n)] = 1.0
    return x, np.array([e[2] for e in data], dtype=float)


def fit(x: np.ndarray, y: np.ndarray, c: float = C) -> tuple[np.ndarray, float]:
    """L2 logistic regression, the classes weighted to equal shares, by gradient descent."""
    pos = max(1.0, float(y.sum()))
    neg = max(1.0, float(len(y) - y.sum()))
    weight = np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * neg))
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = weight * (p - y)
        w -= RATE * (x.T @ g / len(y) + w / (c * len(y)))
        b -= RATE * float(g.mean())
    return w, b


def probabilities(x: np.ndarray, model: tuple[np.ndarray, float]) -> np.ndarray:
    w, b = model
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ w + b))))


def answers(p: np.ndarray, threshold: float) -> list[str | None]:
    return ["pos" if v >= threshold else "neg" if v <= 1 - threshold else None for v in p]


def tally(said: Sequence[str | None], data: Sequence[Example]) -> tuple[int, int, int]:
    """(right, wrong sign, empty)."""
    gold = ["pos" if e[2] else "neg" for e in data]
    right = sum(a == g for a, g in zip(said, gold, strict=True))
    empty = sum(a is None for a in said)
    return right, len(said) - right - empty, empty


MODES = ("alone", "fill", "override")  # the classifier alone; where the rules say nothing; over them
STRENGTHS = (0.1, 1.0, 10.0)  # the inverse L2 strengths tried


def combined(mode: str, rules: Sequence[str | None], said: Sequence[str | None]) -> list[str | None]:
    if mode == "alone":
        return list(said)
    if mode == "fill":
        return [r or a for r, a in zip(rules, said, strict=True)]
    return [a or r for r, a in zip(rules, said, strict=True)]


def cross_validated(data: Sequence[Example], c: float, kept: str) -> np.ndarray:
    """Each example's probability from a model fitted without its fold (folds by event)."""
    groups = sorted({e[0] for e in data})
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    p = np.full(len(data), 0.5)
    for k in range(FOLDS):
        train = [e for e in data if fold_of[e[0]] != k]
        test = [i for i, e in enumerate(data) if fold_of[e[0]] == k]
        if train and test:
            model = fit(*matrix(train, kept), c=c)
            p[test] = probabilities(matrix([data[i] for i in test], kept)[0], model)
    return p


def choose(data: Sequence[Example]) -> tuple[str, float, float, str]:
    """(feature set, C, threshold, mode) with the most cross-validated right answers among those
    whose wrong-sign rate is not above the rules' own on the same examples; the rules alone when
    none is."""
    rules = [e[3] for e in data]
    right, wrong, _ = tally(rules, data)
    rule_rate = wrong / max(1, right + wrong)
    best: tuple[int, str, float, float, str] = (right, "all", C, 1.0, "rules")
    for name, kept in FEATURE_SETS.items():
        for c in STRENGTHS:
            p = cross_validated(data, c, kept)
            for t in THRESHOLDS:
                for mode in MODES:
                    r, w, e = tally(combined(mode, rules, answers(p, t)), data)
                    print(f"  {name:16} C={c:<4} t={t:.2f} {mode:8}: right {r:3} wrong {w:3} empty {e:3}")
                    if w / max(1, r + w) <= rule_rate and r > best[0]:
                        best = (r, name, c, t, mode)
    print(f"  rules: right {right} wrong {wrong}; chosen: {best[1:]}")
    return best[1], best[2], best[3], best[4]


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--train", choices=["even", "odd", "all"], default="even")
    ap.add_argument("--parses", type=Path, default=None, help="a spaCy DocBin cache of the parses")
    ap.add_argument("--out", type=Path, default=None, help="write the fitted weights (JSON, numbers only)")
    args = ap.parse_args(argv)
    lines = events(args.gold)
    data: dict[str, list[Example]] = {"even": [], "odd": []}
    for n, example in examples(lines, args.parses):
        data[("even", "odd")[n % 2]].append(example)
    train = data["even"] + data["odd"] if args.train == "all" else data[args.train]
    print(f"cross-validation on the {args.train} half:")
    name, c, threshold, mode = choose(train)
    kept = FEATURE_SETS[name]
    model = fit(*matrix(train, kept), c=c)
    for half, rows in data.items():
        x, _ = matrix(rows, kept)
        p = probabilities(x, model)
        rules = [e[3] for e in rows]
        role = "fitted on" if args.train in (half, "all") else "held out"
        print(f"{half} half ({role}): {len(rows)} spans with the target right, {sum(e[2] for e in rows)} pos")
        shown = [("rules", rules), ("classifier always answering", answers(p, 0.5))]
        if mode != "rules":
            shown.append(
                (
                    f"chosen: {name}, C={c} t={threshold:.2f} {mode}",
                    combined(mode, rules, answers(p, threshold)),
                )
            )
        for label, said in shown:
            right, wrong, empty = tally(said, rows)
            print(f"  {label:48} right {right:3} wrong {wrong:3} empty {empty:3}")
    if args.out:
        w, b = model
        weights = {str(i): round(float(v), 5) for i, v in enumerate(w) if abs(v) > 1e-6}
        args.out.write_text(
            json.dumps(
                {
                    "dimensions": DIMENSIONS,
                    "features": name,
                    "c": c,
                    "threshold": threshold,
                    "mode": mode,
                    "bias": round(b, 5),
                    "weights": weights,
                }
            ),
            encoding="utf-8",
        )
        print(f"wrote {args.out}: {len(weights)} weights")


if __name__ == "__main__":
    main()
