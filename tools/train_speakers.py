"""Fit the weights of a speaker anaphor's candidates (lib/extract/quotes/speaker_ranker.py) on gold quotes.

    python -m tools.train_speakers GOLD.jsonl [--out lib/lexicons/speaker_weights.yaml]

GOLD: the dev-set format with a resolved ``speaker_name`` per quote (the Gender Gap Tracker's
annotations; PolNeAR's gold names only the surface, so it cannot say whom a "he" is). Documents
are split by index: half 0 (even) and quarter 1 (index % 4 == 1) train, quarter 3 (index % 4 == 3)
is only counted, never fitted on. A gold quote is matched to an extracted statement as the shared
scorer matches them (token overlap >= 0.3, greedy); when the statement's speaker is an anaphor the
Resolver ranked, each candidate entity is one row, labelled 1 when its name holds the gold name's
last word (the scorer's speaker test). Speakers none of whose candidates is right are left out of
the fit (the softmax ranks candidates; abstaining is the threshold's job). Only numbers leave this
script: the weights file holds fourteen numbers and where they came from, no text.

Rules' accuracy and the model's are printed for every part, on the same statements, with the
same threshold, so the part never fitted on tells whether the model earns its place. These are
estimates (the statements as the rules left them); the figures that count are the scorer's on
the whole pipeline (docs/speaker_model.md). The fit uses every ranked speaker, those the rules
resolved with agreement known included (the model is applied only where they did not: their
rows teach it what the rules' choice is worth).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from lib.extract.quotes import speaker_ranker
from lib.extract.quotes.speaker_ranker import FEATURES, Evidence
from lib.extract.quotes.speakers import Basis, Resolver
from tools.evaluate import _quote_tokens, _speaker_ok, analyze_gold, greedy, load_gold, overlap, tokens

C = 1.0  # inverse L2 strength: fourteen weights from about a hundred speakers want some shrinkage
CV_STRENGTHS = (0.1, 0.3, 1.0, 3.0, 10.0)  # --cv: the regularisation strengths compared
THRESHOLD = 0.5  # fixed before any measurement: a referent less likely than all others together is no answer
PARTS: dict[str, Callable[[int], bool]] = {
    "half 0": lambda i: i % 2 == 0,
    "quarter 1": lambda i: i % 4 == 1,
    "quarter 3 (never fitted)": lambda i: i % 4 == 3,
}

Captured = dict[tuple[str, int], tuple[list[tuple[str, Evidence]], bool]]


@contextmanager
def capturing() -> Iterator[Captured]:
    """The rules alone speak (the model is bypassed), and every speaker the Resolver would rank is
    recorded with its candidates, by (document text's first 200 characters, surface start)."""
    seen: Captured = {}
    original = Resolver._ranked

    def rules_only(self: Resolver, span: Any, kind: str, found: Any) -> Any:
        out = self.candidates(span, kind, found)
        # the Resolver keeps the rules' name where agreement chose it or it is no candidate
        kept = found.resolved and (found.basis is Basis.PRONOUN_AGREED or not any(e.rules for _, _, e in out))
        seen[(self.sdoc.text[:200], span.start_char)] = ([(key, e) for key, _, e in out], kept)
        return found

    Resolver._ranked = rules_only  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        Resolver._ranked = original  # type: ignore[method-assign]


def examples(gold: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per matched statement whose speaker was ranked: doc index, candidates' features and
    labels, whether the extraction's speaker (surface or actor) is right, and the surface alone."""
    with capturing() as seen:
        analysis = analyze_gold(gold, "speakers")
    names = {a.id: a.name for a in analysis.actors}
    said = analysis.quotes_by("statement")
    rows = []
    for i, doc in enumerate(gold):
        golds = doc["quotes"]
        preds = [q for q in said if q.doc_id == str(doc["id"])]
        gt = [_quote_tokens(doc, g) for g in golds]
        pt = [tokens(q.text) for q in preds]
        pairs = [(overlap(a, b), gi, pi) for gi, a in enumerate(gt) for pi, b in enumerate(pt)]
        for _, gi, pi in greedy(x for x in pairs if x[0] >= 0.3):
            g, q = golds[gi], preds[pi]
            name = g.get("speaker_name") or g.get("speaker")
            ranked = seen.get((doc["text"][:200], q.speaker_start if q.speaker_start is not None else -1))
            if not name or ranked is None:
                continue
            cands, kept = ranked
            rows.append(
                {
                    "doc": i,
                    "x": [speaker_ranker.features(e) for _, e in cands],
                    "y": [int(_speaker_ok(name, [key])) for key, _ in cands],
                    "right": _speaker_ok(name, [q.speaker_text, names.get(q.speaker_id or "", "")]),
                    "surface": _speaker_ok(name, [q.speaker_text]),
                    "kept": kept,
                }
            )
    return rows


def _with_none(x: Sequence[Sequence[float]]) -> np.ndarray:
    """The candidates' features and a last column marking the "none of them" row (all else 0)."""
    rows = [[*f, 0.0] for f in x] + [[0.0] * len(FEATURES) + [1.0]]
    return np.array(rows)


def fit(rows: Sequence[dict[str, Any]], c: float = C) -> np.ndarray:
    """Conditional logit (softmax over each speaker's candidates and "none of them", whose one
    feature is its own score), L2-regularised, Newton's method. A speaker none of whose candidates
    is right teaches "none"."""
    data = []
    for r in rows:
        y = np.array([*r["y"], 0 if sum(r["y"]) else 1], float)
        data.append((_with_none(r["x"]), y / y.sum()))
    w = np.zeros(len(FEATURES) + 1)
    for _ in range(50):
        gradient, hessian = w / c, np.eye(len(w)) / c
        for x, y in data:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            gradient = gradient + x.T @ (p - y)
            mean = x.T @ p
            hessian = hessian + x.T @ (x * p[:, None]) - np.outer(mean, mean)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def model_right(row: dict[str, Any], w: np.ndarray) -> bool:
    """Whether the statement's speaker is right once the model re-ranks it, as the Resolver does:
    a name the rules found outside the candidates stays; under THRESHOLD only the surface counts."""
    if not row["x"] or row["kept"]:
        return bool(row["right"])
    z = _with_none(row["x"]) @ w
    p = np.exp(z - z.max())
    p /= p.sum()
    k = int(np.argmax(p[:-1]))
    return bool(row["surface"] or (p[k] >= THRESHOLD and row["y"][k]))


def report(rows: Sequence[dict[str, Any]], w: np.ndarray) -> list[str]:
    lines = []
    for part, keep in PARTS.items():
        n: Counter[str] = Counter()
        for r in rows:
            if keep(r["doc"]):
                n["speakers"] += 1
                n["rules"] += r["right"]
                n["model"] += model_right(r, w)
        counts = f"rules right {n['rules']}, model right {n['model']}"
        lines.append(f"{part}: {n['speakers']} ranked speakers, {counts}")
    return lines


def log_loss(rows: Sequence[dict[str, Any]], w: np.ndarray) -> float:
    """The rows' negative log-likelihood under ``w`` (the fit's objective without its penalty)."""
    total = 0.0
    for r in rows:
        if not r["x"]:
            continue
        y = np.array([*r["y"], 0 if sum(r["y"]) else 1], float)
        z = _with_none(r["x"]) @ w
        p = np.exp(z - z.max())
        p /= p.sum()
        total -= float((y / y.sum()) @ np.log(p + 1e-12))
    return total


def cross_validated(rows: Sequence[dict[str, Any]], c: float) -> tuple[int, float]:
    """Leave one document out over ``rows`` (the fitted parts only): speakers right and the
    log-loss, each document's rows counted under weights fitted on all the others. Documents, not
    speakers, are held out: one document's speakers share its style and its people."""
    right, loss = 0, 0.0
    for doc in sorted({r["doc"] for r in rows}):
        w = fit([r for r in rows if r["doc"] != doc], c)
        held = [r for r in rows if r["doc"] == doc]
        right += sum(model_right(r, w) for r in held)
        loss += log_loss(held, w)
    return right, loss


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, default=None, help="write the weights here")
    parser.add_argument(
        "--cv", action="store_true", help="leave-one-document-out figures on the fitted parts, several C"
    )
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    rows = examples(gold)
    train = [r for r in rows if r["doc"] % 4 != 3]
    w = fit(train)
    nones = sum(1 for r in train if not sum(r["y"]))
    print(f"fitted on {len(train)} speakers ({nones} none), {sum(len(r['y']) for r in train)} candidates")
    for line in report(rows, w):
        print(line)
    print(" ".join(f"{f}={v:+.3f}" for f, v in zip([*FEATURES, "none"], w, strict=True)))
    if args.cv:
        for c in CV_STRENGTHS:
            right, loss = cross_validated(train, c)
            print(f"C={c}: one document held out: {right} of {len(train)} right, log-loss {loss:.1f}")
    if args.out:
        data = {
            "source": f"tools/train_speakers.py on {args.gold.name}, half 0 and quarter 1 by document index, "
            f"{len(train)} speakers, {sum(len(r['y']) for r in train)} candidates, {date.today()}",
            "threshold": THRESHOLD,
            "none": round(float(w[-1]), 4),
            "weights": {f: round(float(v), 4) for f, v in zip(FEATURES, w[:-1], strict=True)},
        }
        header = (
            "# Weights of a speaker anaphor's candidates "
            "(lib/extract/quotes/speaker_ranker.py, docs/speaker_model.md)\n"
        )
        args.out.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    main()
