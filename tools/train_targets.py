"""Fit the weights of a statement's target evidence (lib/extract/target_ranker.py) on an annotated corpus.

    python -m tools.train_targets GOLD.jsonl [--train even|odd|all] [--parses CACHE.spacy]
        [--c C | --cv] [--drop FEATURE,...] [--out lib/lexicons/target_weights.yaml]

GOLD: BASIL-style triplet lines (``{"docs": [{id, title, text, bias_spans: [{text, start, end,
quote, target, polarity}]}]}``, one line per event; see the dev-set README). The events are split
by line number (even / odd): the weights are fitted on one half and the target accuracy of both
halves is printed, so the other half measures them. Only features leave this script: the weights
file holds twelve numbers and where they came from, no text.

A gold quoted span is matched to the extracted statement with the largest token overlap
(multiset, over the longer of the two; at least 0.3) and an actor is its target when its name has
the gold target's tokens or its last token (the shared scorer's definitions, ../shared/tools/score.py).
Every candidate of a matched statement is one training example (1: it is the target).

The L2 strength is given (``--c``) or chosen by cross-validation inside the fitted half (``--cv``:
five folds by event, the strength whose held-out candidates have the least log-loss; the other
half is never looked at). ``--drop`` leaves features out (their weight is written as 0).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from spacy.tokens import Doc as SpacyDoc

from lib.extract import target_ranker, targets
from lib.extract.actors import extract as actors
from lib.extract.quotes import extract as quotes
from lib.records import Actor, Document, Quote
from lib.text.nlp import load_nlp, parse

OVERLAP = 0.3
C = 1.0  # inverse L2 strength: twelve weights from some hundred statements want a little shrinkage
STRENGTHS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)  # the inverse L2 strengths --cv tries
FOLDS = 5
ALSO = 0.3  # a second target is listed from this probability on


def tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"\w+", folded)


def name_tokens(name: str) -> list[str]:
    return tokens(re.sub(r"['’]s\b", "", name.replace("_", " ")))


def is_target(gold: str, name: str) -> bool:
    g, p = name_tokens(gold), name_tokens(name)
    return bool(g) and bool(p) and (g == p or g[-1] == p[-1])


def events(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def examples(
    lines: Sequence[dict[str, Any]], cache: Path | None = None
) -> Iterator[tuple[str, list[list[float]], list[int]]]:
    """(statement key, candidates' features, labels) for every gold quoted span a statement covers.
    The lines are extracted together, as one corpus, like the analysis that is scored (actors are
    settled across the corpus): a half extracted alone would give other candidates."""
    docs = [d for line in lines for d in line["docs"]]
    for covered in covered_spans(docs, cache, lambda span: bool(span.get("quote") and span.get("target"))):
        cands = targets.candidates(covered.quote, covered.sdoc, covered.report, covered.actors)
        rows = [
            (target_ranker.features(e), int(is_target(covered.span["target"], covered.actors[a].name)))
            for a, e in cands.items()
            if e.basis()
        ]
        if rows:
            key = f"{covered.doc.id}:{covered.span['start']}"
            yield key, [r[0] for r in rows], [r[1] for r in rows]


@dataclass(frozen=True)
class Covered:
    """A gold quoted span and the extracted statement covering it, with what reading it needs."""

    index: int  # the document's place in the documents given
    span: dict[str, Any]
    doc: Document
    quote: Quote
    sdoc: SpacyDoc
    report: targets.Report
    actors: Mapping[str, Actor]  # with the report's groups


def covered_spans(
    docs: Sequence[dict[str, Any]], cache: Path | None, wanted: Callable[[dict[str, Any]], bool]
) -> Iterator[Covered]:
    """Every ``wanted`` gold span of the documents (dev-set JSON) that an extracted statement covers
    (the shared scorer's matching: the most overlapping statement, at least OVERLAP of the tokens).
    The documents are extracted together, as one corpus."""
    documents = [
        Document(
            d["id"],
            d.get("title") or "",
            d.get("source") or "",
            d.get("date"),
            "metadata",
            "en",
            "",
            "",
            d["text"],
        )
        for d in docs
    ]
    sdocs = parsed([d.text for d in documents], cache)
    pairs = list(zip(documents, sdocs, strict=True))
    found, mentions = actors.extract_mentions(pairs, actors.load_registry())
    by_id = {a.id: a for a in found}
    for index, (raw, doc, sdoc) in enumerate(zip(docs, documents, sdocs, strict=True)):
        said = quotes.extract_quotes(doc, sdoc, mentions, by_id)
        report, everyone = targets.report_with_groups(doc, mentions, by_id, sdoc)
        counted = [Counter(tokens(q.text)) for q in said]
        for span in raw.get("bias_spans") or []:
            if not wanted(span):
                continue
            gold = Counter(tokens(span["text"]))
            best, at = 0.0, None
            for i, c in enumerate(counted):
                size = max(sum(gold.values()), sum(c.values()))
                score = sum((gold & c).values()) / size if size else 0.0
                if score > best:
                    best, at = score, i
            if at is not None and best >= OVERLAP:
                yield Covered(index, span, doc, said[at], sdoc, report, everyone)


def parsed(texts: list[str], cache: Path | None) -> list[SpacyDoc]:
    """The parses, read from / written to a spaCy DocBin cache when one is given."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        got = list(DocBin().from_bytes(cache.read_bytes()).get_docs(load_nlp().vocab))
        if [d.text for d in got] == texts:
            return got
    sdocs = list(parse(texts))
    if cache is not None:
        bin_ = DocBin(store_user_data=True)
        for s in sdocs:
            bin_.add(s)
        cache.write_bytes(bin_.to_bytes())
    return sdocs


def fit(x: np.ndarray, y: np.ndarray, c: float = C) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (the intercept, last, unpenalised)."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    penalty = np.eye(x1.shape[1]) / c
    penalty[-1, -1] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-x1 @ w))
        gradient = x1.T @ (p - y) + penalty @ w
        hessian = (x1 * (p * (1 - p))[:, None]).T @ x1 + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w


def log_loss(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """Mean negative log-likelihood of the labels under the weights (intercept last)."""
    z = np.hstack([x, np.ones((len(x), 1))]) @ w
    p = np.clip(1.0 / (1.0 + np.exp(-z)), 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


Group = tuple[str, list[list[float]], list[int]]


def folds(groups: Sequence[Group], event_of: Mapping[str, int]) -> list[int]:
    """Each statement's fold: its event's (``event_of``: document id -> event), the events dealt
    round-robin in their order, so one event's reports are never split between fitting and
    measuring (as the halves are not)."""
    events_ = [event_of[key.rsplit(":", 1)[0]] for key, _, _ in groups]
    order = {e: i for i, e in enumerate(sorted(set(events_)))}
    return [order[e] % FOLDS for e in events_]


def cross_validated(
    groups: Sequence[Group], c: float, kept: Sequence[int], event_of: Mapping[str, int]
) -> float:
    """Mean log-loss of every candidate under weights fitted without its fold (folds by event)."""
    fold = folds(groups, event_of)
    loss, size = 0.0, 0
    for k in range(FOLDS):
        train = [g for g, f in zip(groups, fold, strict=True) if f != k]
        test = [g for g, f in zip(groups, fold, strict=True) if f == k]
        if not train or not test:
            continue
        tx, ty = design(test, kept)
        loss += log_loss(tx, ty, fit(*design(train, kept), c)) * len(ty)
        size += len(ty)
    return loss / max(1, size)


def design(groups: Sequence[Group], kept: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The candidates' kept feature columns and their labels."""
    x = np.array([f for _, xs, _ in groups for f in xs], dtype=float).reshape(-1, len(target_ranker.FEATURES))
    y = np.array([v for _, _, ys in groups for v in ys], dtype=float)
    return x[:, list(kept)], y


def widen(w: np.ndarray, kept: Sequence[int]) -> np.ndarray:
    """Weights over the kept columns (intercept last) as weights over every feature (0 elsewhere)."""
    full = np.zeros(len(target_ranker.FEATURES) + 1)
    full[list(kept)] = w[:-1]
    full[-1] = w[-1]
    return full


def accuracy(
    groups: list[tuple[str, list[list[float]], list[int]]], w: np.ndarray, spans: int
) -> tuple[float, float]:
    """Share of matched spans whose first listed target is right, and whose listed targets include it
    (targets after the first from ALSO on)."""
    first = listed = 0
    for _, xs, ys in groups:
        z = np.hstack([np.array(xs), np.ones((len(xs), 1))]) @ w
        p = 1.0 / (1.0 + np.exp(-z))
        order = list(np.argsort(-p, kind="stable"))[: targets.MAX_TARGETS]
        first += ys[order[0]]
        listed += int(any(ys[i] for n, i in enumerate(order) if n == 0 or p[i] >= ALSO))
    return first / max(1, spans), listed / max(1, spans)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--train", choices=["even", "odd", "all"], default="even")
    ap.add_argument("--out", type=Path, default=target_ranker.WEIGHTS_PATH)
    ap.add_argument("--parses", type=Path, default=None, help="a spaCy DocBin cache of the parses")
    ap.add_argument("--c", type=float, default=None, help=f"inverse L2 strength (default {C})")
    ap.add_argument("--cv", action="store_true", help="choose the strength by cross-validation")
    ap.add_argument("--drop", default="", help="features left out, comma-separated")
    args = ap.parse_args(argv)
    dropped = {f for f in args.drop.split(",") if f}
    if dropped - set(target_ranker.FEATURES):
        raise SystemExit(f"unknown features: {sorted(dropped - set(target_ranker.FEATURES))}")
    kept = [i for i, f in enumerate(target_ranker.FEATURES) if f not in dropped]
    lines = events(args.gold)
    event_of = {d["id"]: n for n, line in enumerate(lines) for d in line["docs"]}
    half_of = {doc: ("even", "odd")[n % 2] for doc, n in event_of.items()}
    data: dict[str, list[tuple[str, list[list[float]], list[int]]]] = {"even": [], "odd": []}
    for example in examples(lines, args.parses):
        data[half_of[example[0].rsplit(":", 1)[0]]].append(example)
    train = data["even"] + data["odd"] if args.train == "all" else data[args.train]
    x, y = design(train, kept)
    c = C if args.c is None else args.c
    if args.cv:
        losses = {s: cross_validated(train, s, kept, event_of) for s in STRENGTHS}
        print("cross-validated log-loss by C: " + ", ".join(f"{s:g} {v:.4f}" for s, v in losses.items()))
        c = min(losses, key=lambda s: (losses[s], -s))  # ties: the weaker penalty
    w = widen(fit(x, y, c), kept)
    for h, groups in data.items():
        first, listed = accuracy(groups, w, len(groups))
        role = "fitted on" if args.train in (h, "all") else "held out"
        print(
            f"{h} half ({role}): {len(groups)} matched spans, first target {first:.3f}, listed {listed:.3f}"
        )
    weights = {f: round(float(v), 4) for f, v in zip(target_ranker.FEATURES, w[:-1], strict=True)}
    source = (
        f"tools/train_targets.py on {args.gold.name}, {args.train} events, {len(train)} statements, "
        f"{len(y)} candidates ({int(y.sum())} targets), C = {c:g}"
        + (" (cross-validated)" if args.cv else "")
        + (f", without {', '.join(sorted(dropped))}" if dropped else "")
        + f", {date.today().isoformat()}"
    )
    out = {"source": source, "intercept": round(float(w[-1]), 4), "also": ALSO, "weights": weights}
    header = (
        "# Weights of a statement's target evidence (lib/extract/target_ranker.py, docs/target_model.md)\n"
    )
    args.out.write_text(header + yaml.safe_dump(out, sort_keys=False), encoding="utf-8")
    print(f"wrote {args.out}: " + ", ".join(f"{k} {v:+.2f}" for k, v in weights.items()))
    if math.isnan(float(w.sum())):
        raise SystemExit("the fit diverged")


if __name__ == "__main__":
    main()
