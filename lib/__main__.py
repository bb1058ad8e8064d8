"""Command line: python -m lib analyze PATH... --json"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from lib.extract.pipeline import analysis_dict, analyze_paths
from lib.records import IngestError, QuoteDefinition

if TYPE_CHECKING:
    from lib.store.check import StoreReport

# --definition: the names a user may give each definition of a quote (README, "Quotes")
DEFINITIONS: dict[str, QuoteDefinition] = {
    "statement": "statement",
    "ggt": "statement",
    "wide": "wide",
    "polnear": "wide",
}
DEFAULT_DEVSETS = Path(__file__).resolve().parent.parent.parent / "shared" / "devsets"


def _report_skipped(errors: Sequence[IngestError]) -> None:
    """Each unreadable file on stderr, by name and reason; the others have loaded."""
    for err in errors:
        print(f"skipped {err.path}: {err.reason}", file=sys.stderr)


def _analyze(args: argparse.Namespace) -> int:
    analysis = analyze_paths(args.paths, cache_dir=args.cache_dir)
    out = analysis_dict(analysis, DEFINITIONS[args.definition])
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for doc in out["documents"]:
            print(f"{doc['id']}\t{doc['date']}\t{doc['source']}\t{doc['title']}")
        for key in ("actors", "quotes", "dates", "events", "numbers", "positions"):
            print(f"{key}: {len(out[key])}")
    _report_skipped(analysis.corpus.errors)
    if not out["documents"]:
        print("error: no document could be loaded from the given paths", file=sys.stderr)
        return 1
    return 0


def _compare(args: argparse.Namespace) -> int:
    from lib.compare.align import compare, comparison_dict

    analysis = analyze_paths([args.a, args.b], cache_dir=args.cache_dir)
    _report_skipped(analysis.corpus.errors)
    ids = {Path(d.path).resolve(): d.id for d in analysis.documents}
    doc_a, doc_b = ids.get(args.a.resolve()), ids.get(args.b.resolve())
    if doc_a is None or doc_b is None:
        print("error: compare takes two files that each hold one readable document", file=sys.stderr)
        return 1
    result = comparison_dict(compare(analysis, doc_a, doc_b))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"{len(result['aligned'])} aligned, {len(result['only_a'])} only in A, "
            f"{len(result['only_b'])} only in B"
        )
        for d in result["discrepancies"]:
            print(f"- {d['kind']}: {d['reason']} (confidence {d['confidence']:.2f})")
        for d in result["weak"]:
            print(
                f"- weak, not a contradiction: {d['kind']}: {d['reason']} (confidence {d['confidence']:.2f})"
            )
    return 0


def _eval(args: argparse.Namespace) -> int:
    from tools.evaluate import evaluate_file, report_lines

    files = sorted(args.devsets.glob("*.jsonl")) if args.devsets.is_dir() else []
    if args.only:
        wanted = {Path(name).name for name in args.only} | {Path(name).stem for name in args.only}
        files = [p for p in files if p.name in wanted or p.stem in wanted]
        files += [Path(name) for name in args.only if Path(name).is_file() and Path(name) not in files]
    if not files:
        which = f" matching {', '.join(args.only)}" if args.only else ""
        print(f"no gold files{which} in {args.devsets}: nothing to evaluate (skipped)")
        return 0
    for path in files:
        definition = DEFINITIONS[args.definition] if args.definition else None
        results = evaluate_file(path, limit=args.limit, definition=definition)
        if results:
            print("\n".join(report_lines(path.name, results)))
    return 0


def _bench(args: argparse.Namespace) -> int:
    from tools.bench import run_app_bench, run_bench, run_page_bench, run_store_bench

    if args.pages and not args.store:
        print("error: --pages times the pages of a kept store: give --store", file=sys.stderr)
        return 2
    if args.store:
        report = _store_report(args.store)
        if report is None:
            return 2
        if not (report.exists and report.ok):  # measured on a store the pages read whole
            said = ["error: the store cannot be measured as it is", *report.lines()]
            print("\n".join(said), file=sys.stderr)
            return 1
        if args.pages:
            figures = run_page_bench(args.store, args.port)
        else:
            figures = run_store_bench(args.store, replicate_copies=args.replicate)
    elif args.app:
        figures = run_app_bench(None if args.app == "seeds" else args.docs, processes=args.processes)
    else:
        figures = run_bench(args.docs, args.processes, replicate_copies=args.replicate, keep=args.keep)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>24}  {value}")
    return 0


def _store_report(store: Path) -> StoreReport | None:
    """The store's check, or None with the reason on stderr when it is no store this code reads."""
    from lib.store.check import StoreFormatError, check_store

    try:
        return check_store(store)
    except StoreFormatError as err:
        print(f"error: {err}", file=sys.stderr)
        return None


def _check(args: argparse.Namespace) -> int:
    report = _store_report(args.store)
    if report is None:
        return 2
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        print("\n".join(report.lines()))
    return 0 if report.ok and report.exists else 1


def _ingest(args: argparse.Namespace) -> int:
    from lib.store.check import StoreFormatError

    try:
        return _ingest_into(args)
    except StoreFormatError as err:  # a store of another version: left as it is
        print(f"error: {err}", file=sys.stderr)
        return 1


def _ingest_into(args: argparse.Namespace) -> int:
    from lib.read.ingest import load_corpus
    from lib.store.parallel import Workers, ingest_corpus, text_progress

    local = args.engine != "dask" and args.processes > 1
    # local workers load the model while the files are read; ingest_corpus closes them when done
    with Workers(args.processes) if local else nullcontext() as workers:
        corpus = load_corpus(args.paths, cache_dir=args.cache_dir)
        _report_skipped(corpus.errors)
        progress = text_progress(sys.stderr)
        if args.engine == "dask":
            from lib.store.distributed import ingest_with_dask

            report = ingest_with_dask(
                corpus, args.store, scheduler=args.scheduler, progress=progress, workers=args.processes
            )
        else:
            report = ingest_corpus(corpus, args.store, progress=progress, workers=workers)
    if args.refresh:
        from lib.store.parallel import refresh_corpus

        refresh_corpus(args.store, corpus)  # every corpus table recomputed from every document
    for line in report.repair.lines() if report.repair else ():
        print(line, file=sys.stderr)
    print(f"{report.documents} documents extracted, {report.skipped} unchanged, {report.batches} batches")
    if not corpus.documents:
        where = ", ".join(str(p) for p in args.paths)
        print(f"error: no readable report in {where}: nothing to ingest", file=sys.stderr)
    lost = report.repair.lost if report.repair else ()
    return 0 if corpus.documents and not lost else 1  # lost documents: the store no longer holds them


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lib", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="read documents and print what was extracted")
    analyze.add_argument("paths", nargs="+", type=Path, help="files, folders or .jsonl files")
    analyze.add_argument("--json", action="store_true", help="print one JSON object")
    analyze.add_argument("--cache-dir", type=Path, default=None, help="parse cache folder")
    analyze.add_argument(
        "--definition",
        choices=sorted(DEFINITIONS),
        default="statement",
        help="which quotes 'quotes' holds: statements (GGT, the default; also 'ggt') or every "
        "attribution, beliefs and plans too (PolNeAR; 'wide' or 'polnear')",
    )
    analyze.set_defaults(func=_analyze)
    comp = sub.add_parser("compare", help="align two reports claim by claim and list discrepancies")
    comp.add_argument("a", type=Path, help="first report (one document)")
    comp.add_argument("b", type=Path, help="second report (one document)")
    comp.add_argument("--json", action="store_true", help="print one JSON object")
    comp.add_argument("--cache-dir", type=Path, default=None, help="parse cache folder")
    comp.set_defaults(func=_compare)
    evaluate = sub.add_parser("eval", help="P/R/F1 on gold files in the shared dev-set format")
    evaluate.add_argument("--devsets", type=Path, default=DEFAULT_DEVSETS, help="folder of gold .jsonl files")
    evaluate.add_argument("--limit", type=int, default=None, help="first N documents of each file")
    evaluate.add_argument(
        "--only",
        action="append",
        metavar="FILE",
        help="score only this gold file: a name in --devsets (ggt-dev, ggt-dev.jsonl) or a path; repeatable",
    )
    evaluate.add_argument(
        "--definition",
        choices=sorted(DEFINITIONS),
        default=None,
        help="score quotes under this definition; by default each file's own: 'wide' for a PolNeAR "
        "file (its documents' dataset), 'statement' for any other",
    )
    evaluate.set_defaults(func=_eval)
    bench = sub.add_parser("bench", help="extraction speed beside spaCy's bare pass, and peak memory")
    bench.add_argument("--docs", type=int, default=200, help="synthetic documents to build")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--processes", type=int, default=1, help="worker processes for extraction")
    bench.add_argument(
        "--app",
        nargs="?",
        const="docs",
        choices=["docs", "seeds"],
        help="peak RSS of a dashboard session instead: on a store of --docs documents, or 'seeds' for data/",
    )
    bench.add_argument("--keep", type=Path, help="build the corpus and the store in this folder, kept")
    bench.add_argument(
        "--store", type=Path, help="measure start-up, page queries and adding a document on a kept store only"
    )
    bench.add_argument(
        "--replicate", type=int, default=1, help="then on a copy of the store replicated K times (says so)"
    )
    bench.add_argument(
        "--pages",
        action="store_true",
        help="with --store: only each page's first, warm and switched-to views in a browser (tools/bench.py)",
    )
    bench.add_argument("--port", type=int, help="with --pages: the port every Streamlit server uses in turn")
    bench.set_defaults(func=_bench)
    ingest = sub.add_parser("ingest", help="extract documents into a columnar store (resumable)")
    ingest.add_argument("paths", nargs="+", type=Path, help="files, folders or .jsonl files")
    ingest.add_argument("--store", type=Path, required=True, help="store folder (created if missing)")
    ingest.add_argument("--processes", type=int, default=1, help="worker processes for extraction")
    ingest.add_argument("--cache-dir", type=Path, default=None, help="parse cache folder")
    ingest.add_argument(
        "--engine", choices=["local", "dask"], default="local", help="who runs the extraction"
    )
    ingest.add_argument(
        "--refresh",
        action="store_true",
        help="then recompute the corpus tables (actors, merged events, positions) from every document",
    )
    ingest.add_argument(
        "--scheduler",
        default="processes",
        help="with --engine dask: synchronous, threads, processes (--processes workers) or tcp://host:8786",
    )
    ingest.set_defaults(func=_ingest)
    check = sub.add_parser("check", help="list what is damaged in a store (exit 1 when anything is)")
    check.add_argument("--store", type=Path, required=True, help="store folder")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(func=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
