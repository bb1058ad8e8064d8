"""One pass over a corpus: parse each document once with spaCy, then run every extractor on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lib.extract import issues, numbers, positions, targets
from lib.extract.actors import extract as actors
from lib.extract.dates import extract as dates
from lib.extract.events import extract as events
from lib.extract.quotes import extract as quotes
from lib.read.blocks import paragraph_parts
from lib.read.ingest import load_corpus
from lib.records import (
    Actor,
    Analysis,
    Batch,
    Corpus,
    DateMention,
    Document,
    Event,
    IngestError,
    Mention,
    NameLink,
    NumberClaim,
    Quote,
    QuoteDefinition,
    Span,
    to_dict,
)
from lib.text.nlp import doc_sentences, doc_text, parse, release

if TYPE_CHECKING:
    from spacy.tokens import Doc

Progress = Callable[[int, int], None]
# (stage, done, total): "read" files, "parsed" and "extracted" documents, then "merged" (1 of 1)
# when the corpus-level steps are done. A plain callable, so lib stays free of any UI.
StageProgress = Callable[[str, int, int], None]


def extract_batch(
    docs: Sequence[Document], progress: Progress | None = None, stages: StageProgress | None = None
) -> Batch:
    """Every per-document record of some documents: one spaCy parse each, then every extractor.

    The single-process analysis and the parallel ingest (lib/store/parallel.py) both extract here.
    ``progress`` hears of each parse; ``stages`` of each parse ("parsed") and extraction ("extracted").
    """
    sdocs = []
    for i, sdoc in enumerate(parse(d.text for d in docs)):
        sdocs.append(sdoc)
        if progress:
            progress(i + 1, len(docs))
        if stages:
            stages("parsed", i + 1, len(docs))
    pairs = list(zip(docs, sdocs, strict=True))
    registry = actors.load_registry()
    links: list[tuple[Mention, Actor, Actor, bool]] = []
    raw, agentive = actors.extract_raw(pairs, registry, links)
    found_actors, mentions = actors.settle(raw, agentive, registry)
    by_id = {a.id: a for a in found_actors}
    places = frozenset(a.id for a in found_actors if a.type == "place")
    found_quotes: list[Quote] = []
    found_attributions: list[Quote] = []
    found_dates: list[DateMention] = []
    doc_events: list[Event] = []
    found_numbers: list[NumberClaim] = []
    # each extractor reads only its document's mentions: handing it those (in the same order)
    # instead of the batch's keeps each document's cost its own, not the batch's size
    by_doc: dict[str, list[Mention]] = {d.id: [] for d in docs}
    for m in mentions:
        by_doc.setdefault(m.doc_id, []).append(m)
    for i, (d, s) in enumerate(pairs):  # per document, in corpus order (each list as before)
        own = by_doc[d.id]
        statements, wide = quotes.extract_attributions(d, s, own, by_id)
        chunks = list(s.noun_chunks) if statements else []  # once per document
        compounds = issues.document_compounds(chunks)
        own_quotes = [
            replace(q, phrases=issues.quote_phrases(s, q, chunks, compounds))
            for q in targets.with_targets(d, s, statements, own, by_id)
        ]
        found_attributions += wide
        own_dates = dates.extract_dates(d)
        doc_events += events.extract_events(d, s, own_dates, own, own_quotes, places=places)
        found_quotes += own_quotes
        found_dates += own_dates
        found_numbers += numbers.extract_numbers(d, s)
        if stages:
            stages("extracted", i + 1, len(pairs))
    sentences = _sentences(pairs)
    release(sdocs)
    return Batch(
        documents=tuple(docs),
        mentions=tuple(mentions),
        raw_actors=tuple(a for _, a in raw),  # before settling: the store settles over the corpus
        agentive=actors.raw_flags(raw, agentive),
        quotes=tuple(found_quotes),
        dates=tuple(found_dates),
        events=tuple(doc_events),
        numbers=tuple(found_numbers),
        sentences=tuple(sentences),
        actors=tuple(found_actors),
        attributions=tuple(found_attributions),
        links=tuple(
            NameLink(m.doc_id, m.start, m.end, m.text, a, linked.id, linked.type, propagated)
            for m, a, linked, propagated in links
        ),
    )


def _sentences(pairs: Sequence[tuple[Document, Doc]]) -> list[Span]:
    """The parser's sentences of every document, their text cut from the document's: a spaCy
    ``Span.text`` joins the sentence's tokens again, and the extractors have often listed the
    sentences already (``doc_sentences`` keeps them). A sentence the parser ran across a blank line
    or a section break ("*** On the same day ...") is cut there, the break left out
    (``paragraph_parts``), so no page shows or searches it as part of a sentence."""
    out = []
    for d, sd in pairs:
        text = doc_text(sd)
        for _, _, start, end in doc_sentences(sd):
            out += paragraph_parts(Span(d.id, start, end, text[start:end]))
    return out


# A short report of made-up people and places, for ``warm_up``: a title, a date, a quote, a
# number and a reporting verb, so that the extractors' lexicons and patterns are all read.
WARM_UP_TEXT = (
    "Port of Varnel reopens after storm\n\n"
    "VARNEL — The harbour master, Ilse Marrow, said on Monday that 40 ships had left the port. "
    '"We expect the rest to sail by Friday," she told reporters. '
    "Mayor Tomas Evard of Varnel accused the shipping board of delays in March 2023.\n"
)


def warm_up() -> None:
    """Extract one short made-up report and forget it: the extractors read their lexicons, the
    actor registry and their compiled patterns on first use (about 0.3 CPU-s), which a worker
    then does at its start, beside loading the model, instead of in its first batch."""
    extract_batch([Document("warm-up", "", "", "2024-03-04", "metadata", "en", "", "", WARM_UP_TEXT)])


def extract_isolated(
    docs: Sequence[Document], progress: Progress | None = None, stages: StageProgress | None = None
) -> tuple[Batch, dict[str, IngestError]]:
    """extract_batch, except that a document whose extraction raises is left out and reported
    (by its id).

    Only when the batch fails is each document extracted alone to find the culprits (the
    cross-document passes need the batch together, so the others are then extracted again).
    A failure no single document causes is a bug of the run, and raises.
    """
    try:
        return extract_batch(docs, progress, stages), {}
    except Exception:
        failed = _failing(docs)
        if not failed:
            raise
    kept = [d for d in docs if d.id not in failed]
    return extract_batch(kept, progress, stages), failed


def _failing(docs: Sequence[Document]) -> dict[str, IngestError]:
    failed = {}
    for doc in docs:
        try:
            extract_batch([doc])
        except Exception as exc:
            reason = f"document {doc.id!r} could not be analysed ({exc.__class__.__name__}: {exc})"
            failed[doc.id] = IngestError(doc.path or doc.id, reason)
    return failed


def analyze_corpus(
    corpus: Corpus, progress: Progress | None = None, stages: StageProgress | None = None
) -> Analysis:
    """Run every extractor over the corpus's documents, then the corpus-level steps; a document
    whose extraction fails becomes one of the corpus's errors instead of stopping the others.
    ``stages`` hears how far it is (StageProgress)."""
    batch, failed = extract_isolated(corpus.documents, progress, stages)
    if failed:
        corpus = replace(corpus, documents=batch.documents, errors=corpus.errors + tuple(failed.values()))
    by_id = {a.id: a for a in batch.actors}
    merged = tuple(events.merge_events(batch.events))
    analysis = Analysis(
        corpus=corpus,
        sentences=batch.sentences,
        actors=batch.actors,
        mentions=batch.mentions,
        quotes=batch.quotes,
        attributions=batch.attributions,
        dates=batch.dates,
        events=merged,
        numbers=batch.numbers,
        positions=tuple(
            positions.assign_positions(
                batch.quotes, by_id, positions.corpus_issues(batch.quotes, batch.documents, merged)
            )
        ),
    )
    if stages:
        stages("merged", 1, 1)
    return analysis


def analyze_paths(
    paths: Sequence[str | Path], cache_dir: Path | None = None, stages: StageProgress | None = None
) -> Analysis:
    """Read the files under ``paths`` ("read": files done of all) and analyse them."""
    read = (lambda done, total: stages("read", done, total)) if stages else None
    return analyze_corpus(load_corpus(paths, cache_dir=cache_dir, progress=read), stages=stages)


def analysis_dict(analysis: Analysis, definition: QuoteDefinition = "statement") -> dict[str, Any]:
    """The CLI's JSON object: every record list, errors included. ``quotes`` holds the quotes of one
    definition (Analysis.quotes_by): the statements by default, every attribution with "wide"."""
    return {
        "documents": [to_dict(d) for d in analysis.documents],
        "errors": [to_dict(e) for e in analysis.corpus.errors],
        "actors": [to_dict(a) for a in analysis.actors],
        "mentions": [to_dict(m) for m in analysis.mentions],
        "quotes": [to_dict(q) for q in analysis.quotes_by(definition)],
        "definition": definition,
        "dates": [to_dict(t) for t in analysis.dates],
        "events": [to_dict(e) for e in analysis.events],
        "numbers": [to_dict(n) for n in analysis.numbers],
        "positions": [to_dict(p) for p in analysis.positions],
    }
