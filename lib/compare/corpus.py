"""Claims across the corpus: the same claim in many reports clustered into one, with a verdict.

A claim is a sentence (lib/compare/claims.py). Two sentences of different reports say the same
thing by the test two-report alignment uses (lib/compare/align.py ``same_claim``: TF-IDF cosine
over light-stemmed terms, actor anchors, different speakers or people kept apart).

Comparing every pair of sentences is quadratic; candidates come from blocking instead
(Papadakis et al. 2011, "Eliminating the redundancy in blocking-based entity resolution"): two
sentences are compared only when they share a key (a content term, an actor or a figure) and
their reports' dates fall in one window of days. A key held by more than MAX_BLOCK sentences of a
window says too little to pick pairs (block purging) and is dropped; with none purged the
candidates are every pair that shares two keys, a superset of the pairs ``same_claim`` accepts
(a same claim shares MIN_SHARED content words). Undated reports are compared with undated ones.

Wire copy repeats one sentence in many reports: exact duplicates (one signature, one window) are
grouped by hash before any pairwise work, and a group is one node. Each sentence reads at most
MAX_SCAN block entries, rarest keys first, and scores at most MAX_LINKS candidates, so the whole is
linear in the sentences (docs/benchmarks.md: 8.5 to 11.2 CPU-ms per document from 1,000 to 10,000).
The candidates are listed and scored as arrays, thousands of sentences at a time
(lib/compare/pair_scores.py), not one Python call per pair.

Linked pairs are joined by union-find; single linkage chains unrelated sentences through a
middle one, so each component keeps the members that are themselves the same claim as its medoid
(the member most similar to the component's centroid), and the rest is clustered again; a
component of more than MAX_PEEL members is cut by star clustering instead (``_stars``).

Memory (docs/benchmarks.md: 10,000 reports make about 200,000 sentence claims): each sentence is
held compactly (``SentenceClaims``: its span without the text, each wording and set of ids shared,
slotted records), blocking keys are numbers in arrays, not strings, and the rows a discrepancy check
reads are looked up after clustering for the checked sentences only (``Lookup``), so the store's
claims (lib/store/claims.py) are made without holding the whole analysis.

Words alone (no actor and no figure in common) join two sources' sentences only from reports
written within UNANCHORED_DAYS of each other, and never where one is a set phrase of its source,
a wording it gives to several of its reports (``_may_join``).

Verdict: contested when a confident discrepancy (lib/compare/discrepancies.py, from SHOW_MIN;
a weak one, such as a figure updated between days, does not count) links two members;
corroborated when two or more sources report it; single-source otherwise.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain, combinations, islice
from typing import Any, Generic, NamedTuple, Protocol, TypeVar, cast

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from lib.compare.align import ANCHOR_BONUS, ANCHORED_MIN, MIN_SHARED, SAME_MIN, claim_score, same_claim
from lib.compare.claims import Claim, DocRows, L, quote_claims, rows_by_doc, sentence_claims
from lib.compare.discrepancies import (
    DATE_PAIR_MIN,
    SHOW_MIN,
    UPDATE,
    UPDATE_DAYS,
    date_discrepancies,
    dates_disagree,
    number_discrepancies,
    quote_discrepancies,
)
from lib.compare.pair_scores import claim_rows, near_threshold, scores
from lib.extract.dates.values import period
from lib.records import (
    Actor,
    AlignedPair,
    Analysis,
    ClaimVerdict,
    Corpus,
    CorpusClaim,
    DateMention,
    Discrepancy,
    Document,
    Mention,
    NumberClaim,
    Quote,
    Span,
)
from lib.text.similarity import EPSILON, TfIdf, Vector, normalize

WINDOW_DAYS = 7  # reports of one event: dates within a week always share a window (up to two apart)
MAX_BLOCK = 400  # sentences under one key and window beyond which the key is purged
MAX_LINKS = 40  # sentences scored per sentence (those sharing most keys)
MAX_SCAN = 600  # block entries a sentence reads for its candidates (one and a half full blocks)
MAX_PEEL = 300  # members of a component cut around one medoid after another; a larger one: stars
CORE_MIN = 0.3  # cosine of a member with its claim's medoid (align.SAME_MIN: unanchored sentences)
# Content words two sentences naming no actor and no figure in common share to be one claim of the
# corpus (align.same_claim's ``unnamed_min``; two reports picked side by side need MIN_SHARED): the
# candidates come from every report, of every event, so two common words ("say" and "world",
# "important" and "people", an official readout's set phrase) join sentences that tell different
# things. Measured on a month of official readouts with almost no event reported by both sources.
UNNAMED_MIN = 3
# Reports of one source whose sentences are linked to (or are) one sentence, from which that
# sentence is a set phrase of the source (``_set_phrases``).
SET_PHRASE_REPORTS = 3
# Days between two reports beyond which two sentences naming no actor and no figure in common are
# not one claim: reports of one event come within days of it, and without a shared name only time
# says two wordings alike tell of one event ("the ferry was halted": which ferry, which week).
UNANCHORED_DAYS = 3
MAX_CONFLICT_PAIRS = 24  # member pairs checked for discrepancies in one claim (the medoid's first)
MAX_CONFLICTS = 3  # discrepancies kept on a claim
MAX_PAIR_DOCS = 30  # a claim in more reports than this does not single out pairs worth comparing


class Texts(Protocol):
    """Where the sentences' texts are kept, by row (a list; lib/store/claims.py keeps Arrow strings)."""

    def append(self, text: str, /) -> None: ...

    def __getitem__(self, row: int, /) -> str: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True, slots=True)
class _Sentence:
    claim: Claim  # its span without the text: ``row`` finds the text
    vector: Vector
    doc: Document  # the report without its text and blocks
    bucket: int | None  # the report date's window; None undated
    dated: bool = False  # a date mention inside (dates are blanked from the terms)
    row: int = 0  # the sentence's text in the corpus's Texts
    formula: bool = False  # a set phrase of its source (``_set_phrases``)
    day: int | None = None  # the report date's ordinal; None undated


H = TypeVar("H", bound=Hashable)


class One(Protocol):
    """A value shared: the one held already equal to it (``SentenceClaims.one``), or itself."""

    def __call__(self, value: H, /) -> H: ...


# A sentence claim as a row: start, end, text, terms, speakers, actors, persons, figures, dated
ClaimRow = tuple[
    int, int, str, tuple[str, ...], frozenset[str], frozenset[str], frozenset[str], frozenset[float], bool
]
# The same, its text's place in the corpus's Texts for its text
PlacedRow = tuple[
    int, int, int, tuple[str, ...], frozenset[str], frozenset[str], frozenset[str], frozenset[float], bool
]


class SentenceClaims:
    """The corpus's sentence claims gathered report by report, held compactly: 10,000 reports make
    about 200,000 (docs/benchmarks.md). A claim keeps its span without the text (``texts`` holds it),
    each wording and each set of ids or figures is one object shared by every sentence that has it,
    and the report is kept without its text; the rows extracted from a report are not kept."""

    def __init__(self, texts: Texts | None = None) -> None:
        self.texts: Texts = [] if texts is None else texts
        self._by_doc: dict[str, tuple[Document, list[tuple[Claim, bool, int]]]] = {}
        self._shared: dict[Hashable, Hashable] = {}

    def one(self, value: H) -> H:
        """The value held already equal to ``value`` (the first of them), else ``value``."""
        return cast(H, self._shared.setdefault(value, value))

    def add(self, analysis: Analysis, doc: Document, rows: DocRows, actors: Mapping[str, Actor]) -> None:
        """The report's sentence claims (``analysis`` holds the report; ``rows``: its rows)."""
        found = sentence_claims(analysis, doc.id, rows, actors)
        self.add_claims(doc, ((c, _dated(rows, c.span)) for c in found))

    def add_claims(self, doc: Document, claims: Iterable[tuple[Claim, bool]]) -> None:
        """The report's sentence claims made already, each with whether a date lies inside it."""
        rows = [
            (
                x.span.start,
                x.span.end,
                x.span.text,
                x.terms,
                x.speakers,
                x.actors,
                x.persons,
                x.figures,
                dated,
            )
            for x, dated in claims
        ]
        self.add_rows(doc, rows)

    def add_rows(self, doc: Document, rows: Iterable[ClaimRow]) -> None:
        """The report's sentence claims as rows (lib/store/claim_rows.py, ids completed)."""
        placed = []
        for start, end, text, words, speakers, named, persons, figures, dated in rows:
            placed.append((start, end, len(self.texts), words, speakers, named, persons, figures, dated))
            self.texts.append(text)
        self.add_placed(doc, placed)

    def add_placed(self, doc: Document, rows: Iterable[PlacedRow], shared: bool = False) -> None:
        """The report's sentence claims as rows whose texts ``texts`` holds already, at ``row``;
        ``shared``: each wording and set of the rows is ``one`` already."""
        one, doc_id = self.one, doc.id
        if shared:  # no call per set (five per sentence of the corpus)
            own = [
                (Claim(Span(doc_id, start, end, ""), w, s, n, persons=p, figures=f), dated, row)
                for start, end, row, w, s, n, p, f, dated in rows
            ]
        else:
            own = [
                (
                    Claim(
                        Span(doc_id, start, end, ""), one(w), one(s), one(n), persons=one(p), figures=one(f)
                    ),
                    dated,
                    row,
                )
                for start, end, row, w, s, n, p, f, dated in rows
            ]
        self._by_doc[doc.id] = (replace(doc, text="", blocks=()), own)

    def sentences(self, order: Iterable[str] | None = None) -> list[_Sentence]:
        """The claims in the reports' ``order`` (default: as added), each with its TF-IDF vector
        (IDF over every claim of the corpus). Gathered claims are handed over, not kept."""
        ids = list(self._by_doc) if order is None else [d for d in order if d in self._by_doc]
        tfidf = TfIdf(c.terms for d in ids for c, _, _ in self._by_doc[d][1])
        vectors: dict[tuple[str, ...], Vector] = {}  # one per wording: wire copy repeats sentences
        out = []
        for d in ids:
            doc, own = self._by_doc.pop(d)
            day, bucket = _day(doc.date), _bucket(doc.date)  # once per report
            for claim, dated, row in own:
                vector = vectors.get(claim.terms)
                if vector is None:
                    vector = vectors[claim.terms] = tfidf.vector(claim.terms)
                out.append(_Sentence(claim, vector, doc, bucket, dated, row, day=day))
        self._by_doc.clear()
        self._shared.clear()
        return out


def as_is(value: H) -> H:
    """The value itself (``One`` for values shared already)."""
    return value


def corpus_claims(analysis: Analysis, keep_single: bool = True) -> list[CorpusClaim]:
    """The corpus's claims, most widely reported first. ``keep_single``: also the claims one report
    alone makes, when they name an actor or give a figure (context sentences are left out)."""
    rows = rows_by_doc(analysis)
    actors = {a.id: a for a in analysis.actors}
    sentences, texts = _sentences(analysis, rows, actors)
    return list(clustered_claims(sentences, texts, actors, rows_inside(analysis, rows), keep_single))


def clustered_claims(
    sentences: list[_Sentence],
    texts: Texts,
    actors: Mapping[str, Actor],
    lookup: Lookup,
    keep_single: bool = True,
) -> Iterator[CorpusClaim]:
    """The claims of the corpus's sentences (``SentenceClaims``), most widely reported first, made
    one at a time (a caller storing them need not hold them all); ``lookup`` gives the rows inside
    the sentences whose reports' discrepancies are checked (read for those only)."""
    sentences, signatures = _kept_once(sentences)
    groups = duplicate_groups(sentences, signatures)
    del signatures
    heads = [sentences[g[0]] for g in groups]
    edges = linked_edges(heads, [len(g) for g in groups])
    phrases = _set_phrases(groups, edges, sentences)
    for g in phrases:
        for i in groups[g]:
            sentences[i] = replace(sentences[i], formula=True)
    heads = [sentences[g[0]] for g in groups]
    edges = [(a, b) for a, b in edges if _may_join(heads[a], heads[b])]
    clusters = cluster_edges(len(sentences), edges, sentences, groups)
    del heads, groups, edges
    drafts = []
    for members in clusters:
        picked = [sentences[i] for i in members]
        if len({s.doc.id for s in picked}) < 2 and not (
            keep_single and (picked[0].claim.actors or picked[0].claim.figures)
        ):
            continue
        drafts.append(_draft(picked))
    del clusters, sentences  # the sentences of no claim (most context sentences) let go
    drafts.sort(key=lambda d: (-len(d.sources), -len(d.docs), d.first_date or "9999", d.id))
    # each claim's checked sentences, by identity: a span hashed at each use, through a generated
    # dataclass hash, was 330,000 calls at 3,000 reports (issue #19)
    read = [list({id(s): s for pair in d.checked for s in pair}.values()) for d in drafts]
    uses = Counter(id(s) for checked in read for s in checked)
    wanted = {id(s): s for checked in read for s in checked}
    by_span = lookup([s.claim.span for s in wanted.values()])
    found = {k: by_span[s.claim.span] for k, s in wanted.items()}
    del wanted, by_span
    for d, checked in zip(drafts, read, strict=True):
        yield _claim(d, texts, actors, found)
        for s in checked:  # let go of what no claim still to come reads
            uses[id(s)] -= 1
            if not uses[id(s)]:
                del found[id(s)]


class Inside(NamedTuple):
    """The rows of a report that lie inside one of its sentences."""

    quotes: tuple[Quote, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    numbers: tuple[NumberClaim, ...]


Found = tuple[Document, Inside]  # a sentence's report and the rows inside the sentence
Lookup = Callable[[Collection[Span]], Mapping[Span, Found]]  # sentence spans (without text) -> Found


def rows_inside(analysis: Analysis, rows: Mapping[str, DocRows]) -> Lookup:
    """The Lookup of an analysis in memory, its rows grouped by report."""

    def lookup(spans: Collection[Span]) -> dict[Span, Found]:
        return {
            s: (analysis.document(s.doc_id), inside_rows(rows.get(s.doc_id, DocRows()), s)) for s in spans
        }

    return lookup


def inside_rows(rows: DocRows, span: Span) -> Inside:
    """The quotes, mentions, dates and numbers of a report that lie inside one of its sentences."""
    return RowsInside(rows).of(span)


class RowsInside:
    """A report's rows found by the sentences that hold them (``inside_rows`` for many sentences of
    one report): each table sorted by start once, a sentence's rows then bisected, in the table's
    order, rather than every row of the report read for every sentence."""

    def __init__(self, rows: DocRows) -> None:
        self._quotes = _Starts(rows.quotes)
        self._mentions = _Starts(rows.mentions)
        self._dates = _Starts(rows.dates)
        self._numbers = _Starts(rows.numbers)

    def of(self, span: Span) -> Inside:
        return Inside(
            self._quotes.inside(span),
            self._mentions.inside(span),
            self._dates.inside(span),
            self._numbers.inside(span),
        )


class _Starts(Generic[L]):
    """Records sorted by start, each with its place in the table."""

    def __init__(self, records: Sequence[L]) -> None:
        self._sorted = sorted(enumerate(records), key=lambda p: p[1].start)
        self._starts = [r.start for _, r in self._sorted]

    def inside(self, span: Span) -> tuple[L, ...]:
        """The records inside the span, in the table's order."""
        lo, hi = bisect_left(self._starts, span.start), bisect_left(self._starts, span.end + 1)
        if lo == hi:  # most sentences hold no row of a table
            return ()
        found = [(i, r) for i, r in self._sorted[lo:hi] if r.end <= span.end]
        if len(found) > 1:
            found.sort(key=_first)  # places are distinct: as sorting the pairs
        return tuple(r for _, r in found)


def _first(pair: tuple[int, object]) -> int:
    return pair[0]


def _signature(s: _Sentence) -> tuple[object, ...]:
    """What the pairwise test reads of a sentence (``claim_score``, ``same_claim``): two sentences
    of one signature score alike against any third, so one of them stands for both."""
    c = s.claim
    return (tuple(sorted(c.terms)), c.actors, c.persons, c.speakers, c.figures)


def _signature_ids(sentences: Sequence[_Sentence]) -> list[int]:
    """Each sentence's signature as a number, equal for equal signatures (a key much smaller than
    the signature when it is held for every sentence of the corpus)."""
    ids: dict[tuple[object, ...], int] = {}
    return [ids.setdefault(_signature(s), len(ids)) for s in sentences]


def _kept_once(sentences: list[_Sentence]) -> tuple[list[_Sentence], list[int]]:
    """A sentence a report repeats word for word (a summary, a live page's recap) is one claim of
    it: the first kept (a claim counts a report once, and a repeat would only be left over); with
    the kept sentences' signature ids (``duplicate_groups`` reads them: each signature made once)."""
    seen: set[tuple[str, int]] = set()
    out, ids = [], []
    for s, sig in zip(sentences, _signature_ids(sentences), strict=True):
        key = (s.doc.id, sig)
        if key not in seen:
            seen.add(key)
            out.append(s)
            ids.append(sig)
    return out, ids


def duplicate_groups(
    sentences: Sequence[_Sentence], signatures: Sequence[int] | None = None
) -> list[list[int]]:
    """The sentences grouped by signature and date window, each group in index order, groups in
    the order of their first member. Wire copy repeats a sentence in many reports: linking compares
    one per group (the first) and a group's members are one claim by construction (an exact
    duplicate pass by hash, linear, before any pairwise work). ``signatures``: the sentences'
    ``_signature_ids``, when the caller has them."""
    groups: dict[tuple[int, int | None], list[int]] = {}
    ids = _signature_ids(sentences) if signatures is None else signatures
    for i, (s, sig) in enumerate(zip(sentences, ids, strict=True)):
        groups.setdefault((sig, s.bucket), []).append(i)
    out = []
    for members in groups.values():
        if _own_claim(sentences[members[0]]):
            out.append(members)
        else:  # one distinct word repeated ("Talks, talks."): not a claim two reports share
            out += [[i] for i in members]
    return sorted(out, key=lambda g: g[0])


def _own_claim(s: _Sentence) -> bool:
    """``same_claim`` of a sentence with itself (its copies in other reports say the same thing).
    A non-empty unit vector's cosine with itself is 1 up to rounding, above every similarity
    threshold, and a sentence's speakers and people never differ from its own: what decides is
    whether it holds MIN_SHARED distinct terms (a set per sentence, not a cosine per sentence)."""
    if s.vector and max(SAME_MIN, ANCHORED_MIN) < 1 - 2 * EPSILON:
        return len(set(s.claim.terms)) >= MIN_SHARED
    return same_claim(s.claim, s.claim, claim_score(s.claim, s.claim, s.vector, s.vector))


def _sentences(
    analysis: Analysis, rows: Mapping[str, DocRows], actors: Mapping[str, Actor]
) -> tuple[list[_Sentence], Texts]:
    gathered = SentenceClaims()
    for doc in analysis.documents:
        gathered.add(analysis, doc, rows.get(doc.id, DocRows()), actors)
    return gathered.sentences(), gathered.texts


def _dated(rows: DocRows | None, span: Span) -> bool:
    return rows is not None and bool(_inside(rows.dates, span))


def _bucket(value: str | None) -> int | None:
    day = _day(value)
    return None if day is None else day // WINDOW_DAYS


def _day(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value or "").toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class Blocks:
    """The blocking keys, numbered, as arrays: a key is a content term, an actor or a figure in a
    window of days ("t:word|window"), and a sentence holds its keys in its report's window and the
    next (so dates one window apart meet). A key held by one sentence, or by more than MAX_BLOCK
    (block purging), is left out."""

    keys: npt.NDArray[np.int32]  # each sentence's keys (their numbers), sentence by sentence
    keys_at: npt.NDArray[np.int64]  # where each sentence's keys start in ``keys`` (one more: the end)
    rank: npt.NDArray[np.int64]  # each key's place in the reading order: rarest first, then by name
    members: npt.NDArray[np.int32]  # each key's sentences in index order (its block), key by key
    member_at: npt.NDArray[np.int64]  # where each key's block starts in ``members`` (one more: the end)
    size: npt.NDArray[np.int64]  # each key's block's length


def blocking_keys(sentences: Sequence[_Sentence]) -> Blocks:
    """The sentences' ``Blocks``. Keys are numbers and blocks are arrays: a string per key of each
    sentence (three million at 10,000 reports) was most of the memory the clustering took
    (docs/benchmarks.md). The names are numbered as arrays too (``_named``): each distinct term,
    actor or figure is made a name once, not a string and a dict lookup per key of each sentence."""
    buckets = {s.bucket for s in sentences}
    spots = {b: ["u"] if b is None else [str(b), str(b + 1)] for b in buckets}  # "name|window"
    window_names = sorted({w for own in spots.values() for w in own})
    windows = {w: n for n, w in enumerate(window_names)}
    width = max(1, len(windows))
    claims = [s.claim for s in sentences]
    names: list[str] = []
    parts = [
        _named(names, "t", [c.terms for c in claims], distinct=True),
        _named(names, "a", [c.actors for c in claims]),
        # figures as ``:g`` prints them: two that print alike are one name, held twice by the sentence
        _named(names, "n", [[f"{n:g}" for n in c.figures] for c in claims]),
    ]
    sentence_of = np.concatenate([p[0] for p in parts])
    order = np.argsort(sentence_of, kind="stable")  # sentence by sentence
    name_of = np.concatenate([p[1] for p in parts])[order]
    sentence_of = sentence_of[order].astype(np.int32)
    # Memory: an array per entry and window is millions long at 10,000 reports; each is let go
    # once used, and numbers that fit are 32-bit (eight such arrays of 64-bit numbers held at once
    # were the clustering's peak, issue #19).
    del parts, order
    # each name with each window its report's date falls in (one, or two: this and the next)
    spot_codes = {b: [windows[w] for w in own] for b, own in spots.items()}
    pairs = {b: (*own, -1)[:2] for b, own in spot_codes.items()}  # no second window: -1
    # each sentence's window codes (a list made into an array at once, not a row set per sentence)
    table = np.array([pairs[s.bucket] for s in sentences], np.int64).reshape(-1, 2)
    reps = (table[:, 1] >= 0)[sentence_of].astype(np.int8) + 1  # windows per entry's sentence
    entry = np.repeat(np.arange(len(name_of), dtype=np.int32), reps)
    del reps
    nth = np.zeros(len(entry), np.int8)  # each copy's window: the entry's first, or its second
    nth[1:] = entry[1:] == entry[:-1]  # an entry's copies are adjacent
    held = sentence_of[entry]
    raw = name_of[entry] * width + table[held, nth]
    del entry, nth, name_of, sentence_of
    keys, numbers = _numbered_keys(raw)  # each entry's key
    size = np.bincount(numbers, minlength=len(keys)).astype(np.int64)
    kept = (size > 1) & (size <= MAX_BLOCK)
    live = kept[numbers]
    sentence, key = held[live].astype(np.int32), numbers[live]
    del live, raw, held, numbers
    # each key's sentences in index order: the entries sorted on (key, sentence), which are distinct
    # but for a sentence holding a key twice (figures printing alike), whose copies are alike
    n = max(len(sentences), 1)
    by_key = np.sort(key.astype(np.int64) * n + sentence)
    return Blocks(
        keys=key,
        keys_at=_starts(np.bincount(sentence, minlength=len(sentences))),
        rank=_ranks(keys, size, names, window_names, width),
        members=(by_key % n).astype(np.int32),
        member_at=_starts(np.bincount(key, minlength=len(keys))),
        size=size,
    )


def _numbered_keys(raw: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32]]:
    """The distinct values of ``raw`` ascending, and each entry's place among them
    (``np.unique(raw, return_inverse=True)``); by counting, without a sort, when the values span
    a range not much wider than the entries are many (the names times the windows of days)."""
    if not len(raw):
        return raw, np.zeros(0, np.int32)
    span = int(raw.max()) + 1
    if span > max(4 * len(raw), 1 << 20):
        keys, inverse = np.unique(raw, return_inverse=True)
        return keys, inverse.astype(np.int32).reshape(-1)
    present = np.zeros(span, np.bool_)
    present[raw] = True
    place = (np.cumsum(present) - 1).astype(np.int32)
    return np.flatnonzero(present).astype(np.int64), place[raw]


def _named(
    names: list[str], kind: str, values: Sequence[Collection[str]], distinct: bool = False
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(sentence, name number) of each value of each sentence, the values' names ("kind:value")
    numbered after the ``names`` already made (appended to it); ``distinct``: a value a sentence
    holds twice is one entry."""
    flat = list(chain.from_iterable(values))
    sentence = np.repeat(np.arange(len(values), dtype=np.int64), [len(v) for v in values])
    encoded = pa.array(flat, pa.string()).dictionary_encode()  # each distinct value once
    code = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    width = len(encoded.dictionary)
    if distinct and len(code):
        pair, _ = _counted(sentence * width + code)  # sorted runs, one per sentence: timsort
        sentence, code = pair // width, pair % width
    out = code + len(names)
    names.extend(f"{kind}:{v}" for v in encoded.dictionary.to_pylist())
    return sentence, out


def _ranks(
    keys: npt.NDArray[np.int64], size: npt.NDArray[np.int64], names: list[str], windows: list[str], width: int
) -> npt.NDArray[np.int64]:
    """Each key's place in the order blocks are read: the smallest first, then by the key's string
    ("name|window"). The string order is that of "name|" then of the window, when no name holds a
    "|" (terms, actor ids and figures do not); otherwise the strings are compared."""
    order: list[int] | npt.NDArray[np.intp]
    if any("|" in n for n in names):
        strings = [f"{names[k // width]}|{windows[k % width]}" for k in keys.tolist()]
        order = sorted(range(len(strings)), key=lambda k: (size[k], strings[k]))
    else:
        by_name = np.empty(len(names), np.int64)
        by_name[_name_order(names)] = np.arange(len(names))
        # windows numbered in order; the order kept an array (a Python int per key, three million at
        # 10,000 reports, was most of the blocking's peak memory, issue #19)
        order = np.lexsort((keys % width, by_name[keys // width], size))
    rank = np.empty(len(keys), np.int64)
    rank[order] = np.arange(len(keys))
    return rank


def _name_order(names: list[str]) -> npt.NDArray[np.int64] | list[int]:
    """The names' places sorted by "name|": by Arrow (UTF-8 bytes sort as the code points Python
    compares, and the names are distinct), not a Python sort with a key made per name; by Python
    when a name is no UTF-8 (a lone surrogate)."""
    marked = [n + "|" for n in names]
    try:
        ordered = pc.sort_indices(pa.array(marked, pa.string()))
        return np.asarray(ordered.to_numpy(), np.int64)
    except (UnicodeEncodeError, pa.ArrowInvalid):
        return sorted(range(len(marked)), key=marked.__getitem__)


def _starts(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    return np.concatenate(([0], np.cumsum(counts))).astype(np.int64)


def linked_pairs(
    sentences: Sequence[_Sentence], sizes: Sequence[int] | None = None
) -> Iterator[tuple[float, int, int]]:
    """(score, i, j), i < j, of the sentence pairs of different reports that say the same thing,
    one at a time (``cluster`` keeps the pairs, not their scores). ``sizes``: the sentences stand
    for groups of that many (``duplicate_groups``).

    An inverted index of the blocking keys: each sentence reads the blocks of its keys, rarest
    first, until it has read MAX_SCAN entries (the work per sentence is bounded, so the whole is
    linear in the sentences), and the sentences that share two keys at least (a same claim shares
    MIN_SHARED terms) are scored, the MAX_LINKS sharing most first: clustering needs a path to each
    member, not every edge of a claim many reports repeat. Rare keys carry the evidence (the IDF
    of Sparck Jones 1972; prefix filtering, Chaudhuri et al. 2006, reads the rarest tokens for the
    same reason): a key held by hundreds of sentences of a window is read last. A pair is found
    from either side, so a sentence whose budget ends before a shared key is still met by the other.

    The candidates of SCAN_CHUNK sentences at a time are listed and scored as arrays
    (lib/compare/pair_scores.py); the pairs come in the order a sentence-by-sentence scan finds
    them (each sentence's candidates, most keys shared first), each pair once, with the score
    ``claim_score`` gives it seen from the sentence that found it."""
    for x, y in _linked(sentences, sizes):
        a, b = sentences[x], sentences[y]
        yield claim_score(a.claim, b.claim, a.vector, b.vector), min(x, y), max(x, y)


def linked_edges(sentences: Sequence[_Sentence], sizes: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """``linked_pairs`` without their scores (i, j), i < j, in the same order: what ``cluster``
    reads. A score per linked pair was a tenth of the claims' CPU at 3,000 reports (issue #19)."""
    return [(min(x, y), max(x, y)) for x, y in _linked(sentences, sizes)]


def _linked(sentences: Sequence[_Sentence], sizes: Sequence[int] | None) -> list[tuple[int, int]]:
    """The linked pairs of ``linked_pairs``, in its order, each as (the sentence that found it, the
    other)."""
    n = len(sentences)
    if n < 2:
        return []
    blocks = blocking_keys(sentences)
    rows = claim_rows(
        [s.vector for s in sentences],
        [s.claim.actors for s in sentences],
        [s.claim.persons for s in sentences],
        [s.claim.speakers for s in sentences],
        [s.claim.figures for s in sentences],
    )
    doc_of: dict[str, int] = {}
    docs = np.fromiter((doc_of.setdefault(s.doc.id, len(doc_of)) for s in sentences), np.int64, n)
    alone = np.ones(n, np.bool_) if sizes is None else np.asarray(sizes, np.int64) == 1
    found_a, found_b = [], []
    decided = _Decided()  # the pairs the arrays decided, as sorted codes
    for lo in range(0, n, SCAN_CHUNK):
        a, b = _likely_pairs(blocks, lo, min(n, lo + SCAN_CHUNK), n)
        fresh = ~decided.reversed(a, b, n, lo)
        a, b = a[fresh], b[fresh]
        own = (docs[a] == docs[b]) & alone[a] & alone[b]  # one report's sentences (a group holds others)
        a, b = a[~own], b[~own]
        kept, score, same = scores(rows, a, b, UNNAMED_MIN)
        near = near_threshold(score)
        by_arrays = np.ones(len(a), np.bool_)
        by_arrays[kept[near]] = False
        decided.add(a[by_arrays] * n + b[by_arrays])
        a, b = a[kept], b[kept]
        for k in np.flatnonzero(near).tolist():  # the order of a sum could decide
            x, y = sentences[a[k]], sentences[b[k]]
            score_k = claim_score(x.claim, y.claim, x.vector, y.vector)
            same[k] = same_claim(x.claim, y.claim, score_k, UNNAMED_MIN)
        found_a.append(a[same])
        found_b.append(b[same])
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    low, high = np.minimum(a, b), np.maximum(a, b)
    _, first = np.unique(low * n + high, return_index=True)  # a pair found from both sides: the first
    first = np.sort(first)
    return list(zip(a[first].tolist(), b[first].tolist(), strict=True))


SCAN_CHUNK = 2048  # sentences whose candidates are listed at once (each reads up to ~MAX_SCAN entries)


class _Decided:
    """The candidate pairs (i, j) whose verdict the arrays alone gave (not near a threshold), as
    codes ``i * n + j``, chunk after chunk. The array scores are symmetric to the last bit
    (``lib.text.rows.overlap`` sums the shared columns' products in column order from either side;
    the set overlaps are counts), so a pair whose reverse was decided needs no score: linked, the
    reverse is listed already and comes first; not linked, nothing. A sentence's candidates are
    often its candidates' candidates: a fifth to a quarter of the pairs scored at 1,000 to 3,000
    reports (issue #19)."""

    def __init__(self) -> None:
        self._codes = np.zeros(1 << 16, np.int64)
        self._size = 0

    def add(self, codes: npt.NDArray[np.int64]) -> None:
        """A chunk's decided codes; its sentences come after every earlier chunk's, so the codes
        stay ascending (a chunk's come by sentence, each sentence's in a few sorted runs)."""
        end = self._size + len(codes)
        if end > len(self._codes):  # grown by a copy of the codes held (np.resize tiles the array)
            grown = np.empty(max(end, 2 * len(self._codes)), np.int64)
            grown[: self._size] = self._codes[: self._size]
            self._codes = grown
        self._codes[self._size : end] = np.sort(codes)
        self._size = end

    def reversed(
        self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], n: int, lo: int
    ) -> npt.NDArray[np.bool_]:
        """Which pairs (a[k], b[k]) of the chunk starting at ``lo`` have a decided reverse."""
        out = np.zeros(len(a), np.bool_)
        back = np.flatnonzero(b < lo)  # found by an earlier chunk's sentence, if at all
        if not self._size or not len(back):
            return out
        known = self._codes[: self._size]
        codes = b[back] * n + a[back]
        # searched in ascending order: each search then reads near the one before (millions of
        # codes searched at random in millions were a tenth of linking the pairs, issue #19)
        order = np.argsort(codes)  # the pairs are distinct: so are their codes
        codes = codes[order]
        where = np.minimum(np.searchsorted(known, codes), self._size - 1)
        out[back[order]] = known[where] == codes
        return out


def _likely_pairs(
    blocks: Blocks, lo: int, hi: int, n: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """For each sentence i of lo..hi-1 in turn, the MAX_LINKS sentences j that share most keys with
    it (two at least; ties: the first), among the blocks it reads: its keys' blocks, rarest first,
    while it has read fewer than MAX_SCAN entries. As two arrays (i, j), i's candidates in order."""
    at = blocks.keys_at
    keys = blocks.keys[at[lo] : at[hi]].astype(np.int64)
    owner = np.repeat(np.arange(lo, hi, dtype=np.int64), np.diff(at[lo : hi + 1]))
    # by sentence, then rank: one number each (a sentence's keys have distinct ranks, but for a key
    # it holds twice, whose copies are alike), sorted faster than the two columns by np.lexsort
    order = np.argsort((owner - lo) * len(blocks.rank) + blocks.rank[keys])
    keys, owner = keys[order], owner[order]
    size = blocks.size[keys]
    read_before = np.cumsum(size) - size  # entries read before this key, from the chunk's start
    first = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]]) if len(owner) else np.zeros(0, np.int64)
    counts = np.diff(np.r_[first, len(owner)])
    read_before -= np.repeat(read_before[first], counts)  # ... from the sentence's first key
    read = read_before < MAX_SCAN
    keys, owner, size = keys[read], owner[read], size[read]
    total = int(size.sum())
    # 32-bit numbers where the codes fit (millions of entries a chunk: half the memory to go through)
    small = (hi - lo) * n < 2**31 and len(blocks.members) < 2**31
    kind = np.int32 if small else np.int64
    entry = np.repeat((blocks.member_at[keys] - (np.cumsum(size) - size)).astype(kind), size) + np.arange(
        total, dtype=kind
    )
    met = np.repeat(((owner - lo) * n).astype(kind), size) + blocks.members[entry]
    pair, times = _repeated(met)  # most pairs met share one key: those are left out first
    i, j = (pair // n).astype(np.int64) + lo, (pair % n).astype(np.int64)
    keep = i != j
    i, j, times = i[keep], j[keep], times[keep]
    # each sentence's candidates, most keys shared first, then by index (_counted gave them by
    # sentence, then index): sorted on (sentence, fewer keys shared, index), a number each
    most = int(times.max()) if len(times) else 0
    if (hi - lo) * (most + 1) * n < 2**62:  # distinct numbers: sorted, then read back (no argsort)
        code = np.sort(((i - lo) * (most + 1) + (most - times)) * n + j)
        i, j = code // ((most + 1) * n) + lo, code % n
    else:  # as a stable sort on (sentence, fewer keys shared) keeps the index order
        order = np.argsort((i - lo) * (most + 1) + (most - times), kind="stable")
        i, j = i[order], j[order]
    starts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]]) if len(i) else np.zeros(0, np.int64)
    rank = np.arange(len(i)) - np.repeat(starts, np.diff(np.r_[starts, len(i)]))
    keep = rank < MAX_LINKS
    return i[keep], j[keep]


def _counted(codes: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], npt.NDArray[np.int64]]:
    """``np.unique(codes, return_counts=True)``, without its other work. Numbers sorted are the
    same numbers whichever the sort: numpy's default one (vectorised on CPUs that can, AVX-512
    here) took a third of the CPU of the stable sort (timsort merging the blocks' ascending runs),
    most of listing the candidates at 10,000 reports (issue #19)."""
    codes = np.sort(codes)
    if not len(codes):
        return codes, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    return codes[starts], np.diff(np.r_[starts, len(codes)]).astype(np.int64)


def _repeated(codes: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], npt.NDArray[np.int64]]:
    """The codes found more than once, ascending, and how many times each: ``_counted``'s with
    the codes found once left out, found from where a code equals the one before, without an
    array as long as the distinct codes (tens of millions of pairs met by one key at 10,000
    reports, issue #19)."""
    codes = np.sort(codes)
    if len(codes) < 2:
        return codes[:0], np.zeros(0, np.int64)
    again = codes[1:] == codes[:-1]  # a run of one code: its members after the first
    starts = np.flatnonzero(again & np.concatenate(([True], ~again[:-1])))
    ends = np.flatnonzero(again & np.concatenate((~again[1:], [True])))
    return codes[starts], (ends - starts + 2).astype(np.int64)


def cluster(
    n: int,
    links: Iterable[tuple[float, int, int]],
    sentences: Sequence[_Sentence],
    groups: Sequence[list[int]] | None = None,
) -> list[list[int]]:
    """Union-find over the links, each component then cut to the members that are the same claim
    as its medoid (no chaining); the members left over are clustered again among themselves.

    ``groups``: sentences of one signature and window (``duplicate_groups``), the links then
    between groups (their first members): a group is one claim, and two linked groups link every
    member of one to every member of the other of another report, without listing those pairs."""
    return cluster_edges(n, [(i, j) for _, i, j in links], sentences, groups)


def cluster_edges(
    n: int, edges: Edges, sentences: Sequence[_Sentence], groups: Sequence[list[int]] | None = None
) -> list[list[int]]:
    """``cluster`` of the linked pairs without their scores (``linked_edges``)."""
    parts = [list(g) for g in groups] if groups is not None else [[i] for i in range(n)]
    out = [
        m for sub, sub_edges in _components(parts, edges, sentences) for m in _cut(sub, sub_edges, sentences)
    ]
    return sorted(out, key=lambda m: m[0])


Parts = list[list[int]]  # sentences grouped, each group's members of distinct reports, in index order
Edges = list[tuple[int, int]]  # linked groups, by their index in the parts


def _components(parts: Parts, edges: Edges, sentences: Sequence[_Sentence]) -> list[tuple[Parts, Edges]]:
    """The connected components of the sentences, with each component's parts and edges (in the
    order of their first part; parts and edges in their order). Two sentences are linked when they
    are of one part, or of linked parts and of different reports (``_across``): so the components
    are those of the parts, linked by the edges but for those between two lone sentences of one
    report. As arrays (``_labels``): a dict per member and a call per union were a tenth of the
    clustering's CPU at 10,000 reports (issue #19)."""
    if not edges:
        return [([p], []) for p in parts]
    if len(parts) <= SMALL_COMPONENTS:
        return _few_components(parts, edges, sentences)
    doc_of: dict[str, int] = {}
    doc = np.fromiter(
        (doc_of.setdefault(sentences[p[0]].doc.id, len(doc_of)) for p in parts), np.int64, len(parts)
    )
    lone = np.fromiter((len(p) == 1 for p in parts), np.bool_, len(parts))
    a, b = np.array(edges, np.int64).reshape(-1, 2).T
    across = ~(lone[a] & lone[b] & (doc[a] == doc[b]))
    label = _labels(len(parts), a[across], b[across])
    order = np.argsort(label, kind="stable")  # parts by component, each component's in order
    heads = np.flatnonzero(np.r_[True, label[order][1:] != label[order][:-1]])
    place = np.empty(len(parts), np.int64)  # each part's place in its component
    place[order] = np.arange(len(parts)) - np.repeat(heads, np.diff(np.r_[heads, len(parts)]))
    inner = np.flatnonzero(label[a] == label[b])
    by_component = inner[np.argsort(label[a[inner]], kind="stable")]  # edges by component, in order
    edge_label = label[a[by_component]].tolist()
    pairs = list(zip(place[a[by_component]].tolist(), place[b[by_component]].tolist(), strict=True))
    own: dict[int, Edges] = {}
    at = 0
    for k, lab in enumerate(edge_label):
        if k == len(edge_label) - 1 or edge_label[k + 1] != lab:
            own[lab] = pairs[at : k + 1]
            at = k + 1
    groups = np.split(order, heads[1:])
    return [([parts[k] for k in ks.tolist()], own.get(int(ks[0]), [])) for ks in groups]


# Parts up to which ``_components`` joins them in Python: a medoid cut splits again the rest of a
# component of a few dozen sentences (hundreds of calls at 3,000 reports), where a dozen array
# operations cost more than the few unions (a tenth of the clustering's CPU, issue #19)
SMALL_COMPONENTS = 64


def _few_components(parts: Parts, edges: Edges, sentences: Sequence[_Sentence]) -> list[tuple[Parts, Edges]]:
    """``_components`` by union-find, each root the smallest part of its component (as
    ``_labels``), for a few parts."""
    docs = [sentences[p[0]].doc.id for p in parts]
    parent = list(range(len(parts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = x = parent[parent[x]]
        return x

    for a, b in edges:
        if len(parts[a]) == 1 and len(parts[b]) == 1 and docs[a] == docs[b]:
            continue  # two lone sentences of one report (``_across``)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    root = [find(k) for k in range(len(parts))]
    members: dict[int, list[int]] = {}  # by root, first met at the root itself: in the roots' order
    place = []  # each part's place in its component
    for k, r in enumerate(root):
        own = members.setdefault(r, [])
        place.append(len(own))
        own.append(k)
    inner: dict[int, Edges] = {}
    for a, b in edges:  # every edge within a component (a report's own included), in order
        if root[a] == root[b]:
            inner.setdefault(root[a], []).append((place[a], place[b]))
    return [([parts[k] for k in ks], inner.get(r, [])) for r, ks in members.items()]


def _labels(n: int, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Each of ``n`` nodes' component, linked by the edges (a[k], b[k]), as the smallest node of its
    component: each edge's roots hooked to the smaller, then every node pointed at its root
    (pointer jumping), until no edge joins two roots (Shiloach & Vishkin 1982, as arrays)."""
    label = np.arange(n, dtype=np.int64)
    while len(a):
        la, lb = label[a], label[b]
        split = la != lb
        if not split.any():
            break
        la, lb = la[split], lb[split]
        np.minimum.at(label, np.maximum(la, lb), np.minimum(la, lb))
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        a, b = a[split], b[split]
    return label


def _across(a: list[int], b: list[int], sentences: Sequence[_Sentence]) -> tuple[int, int] | None:
    """A member of each part, of two different reports (none: two lone sentences of one report)."""
    doc = sentences[a[0]].doc.id
    if sentences[b[0]].doc.id != doc:
        return a[0], b[0]
    if len(a) > 1:
        return a[1], b[0]
    return (a[0], b[1]) if len(b) > 1 else None


def _cut(parts: Parts, edges: Edges, sentences: Sequence[_Sentence]) -> list[list[int]]:
    """The component's core around its medoid, then the rest clustered by the edges among them.
    Scores are taken once per part: the members of a part score alike."""
    members = sorted(m for p in parts for m in p)
    if len(members) <= 2:
        return [members]
    if len(members) > MAX_PEEL:  # each cut takes a claim's core and looks at the rest again:
        return _stars(parts, edges, sentences)  # quadratic in a component of many claims
    medoid = _medoid_of_parts(parts, sentences)
    m = sentences[medoid]
    scored: dict[int, tuple[float, bool]] = {}
    for p in parts:
        s = sentences[p[0]]
        score = claim_score(m.claim, s.claim, m.vector, s.vector)
        ok = _core(m, s, score)
        scored.update((i, (score, ok)) for i in p)
    near: dict[str, tuple[float, int]] = {m.doc.id: (float("inf"), medoid)}
    for i in members:
        s = sentences[i]
        score, ok = scored[i]
        if i != medoid and ok and s.doc.id != m.doc.id and score > near.get(s.doc.id, (-1.0, i))[0]:
            near[s.doc.id] = (score, i)  # a report makes a claim once: its closest sentence
    core = sorted(i for _, i in near.values())
    taken = set(core)
    left = [[i for i in p if i not in taken] for p in parts]
    kept = {k: n for n, k in enumerate(k for k, p in enumerate(left) if p)}
    if not kept:
        return [core]
    rest = [p for p in left if p]
    rest_edges = [(kept[a], kept[b]) for a, b in edges if a in kept and b in kept]
    out = [core]
    for sub, sub_edges in _components(rest, rest_edges, sentences):
        out += _cut(sub, sub_edges, sentences)
    return out


def _stars(parts: Parts, edges: Edges, sentences: Sequence[_Sentence]) -> list[list[int]]:
    """Star clustering (Aslam, Pelekhov & Rus 2004, "The star clustering algorithm for static and
    dynamic information organization"): the parts most linked first, each part not yet taken the
    centre of a claim that takes the parts linked to it, or to those, that are the same claim as
    the centre (``_core``, so no chaining) and of reports not in it yet. At most MAX_LINKS squared
    comparisons per centre: linear."""
    linked: dict[int, list[int]] = defaultdict(list)
    for a, b in edges:
        linked[a].append(b)
        linked[b].append(a)
    order = sorted(range(len(parts)), key=lambda k: (-len(linked[k]) - len(parts[k]), parts[k][0]))
    taken = [False] * len(parts)
    reports: dict[int, set[str]] = {}  # each part's reports, gathered once (a part is met by many centres)
    out = []
    for k in order:
        if taken[k]:
            continue
        taken[k] = True
        centre = sentences[parts[k][0]]
        members = list(parts[k])
        docs = {sentences[i].doc.id for i in members}
        near = dict.fromkeys(linked[k])
        near.update(dict.fromkeys(r for q in linked[k] for r in linked[q] if r != k))
        for q in near:
            if taken[q]:  # before its reports are gathered: most of a busy centre's reach is taken
                continue
            s = sentences[parts[q][0]]
            if (theirs := reports.get(q)) is None:
                theirs = reports[q] = {sentences[i].doc.id for i in parts[q]}
            if theirs & docs:
                continue
            if _core(centre, s, claim_score(centre.claim, s.claim, centre.vector, s.vector)):
                taken[q] = True
                members += parts[q]
                docs |= theirs
        out.append(sorted(members))
    return out


def _medoid_of_parts(parts: Parts, sentences: Sequence[_Sentence]) -> int:
    """``_medoid`` of the parts' members, each part's vector summed once per member."""
    centroid: dict[str, float] = defaultdict(float)
    for p in parts:
        for t, w in sentences[p[0]].vector.items():
            centroid[t] += w * len(p)
    best = max(
        parts, key=lambda p: (sum([w * centroid[t] for t, w in sentences[p[0]].vector.items()]), -p[0])
    )
    return best[0]


def _source(s: _Sentence) -> str:
    return s.doc.source or s.doc.id


def _set_phrases(groups: Sequence[list[int]], edges: Edges, sentences: Sequence[_Sentence]) -> set[int]:
    """The groups whose sentence is a set phrase of its source: linked (or identical) to sentences
    of SET_PHRASE_REPORTS or more of that source's reports. A press office or an outlet words its
    readouts alike (the leaders "agreed to stay in touch", "discussed ties in many fields"): a
    wording a source gives to several of its reports tells no event apart, so it is the same claim
    as another source's sentence only where the two name an actor or a figure in common
    (``_may_join``). A fact one source repeats across its updates names what it is about,
    and keeps its links. Only groups of several members and the ends of edges within a source
    are looked at: most sentences are neither."""

    def reports(g: int) -> list[tuple[str, str]]:
        return [(_source(sentences[i]), sentences[i].doc.id) for i in groups[g]]

    reach: dict[tuple[int, str], set[str]] = defaultdict(set)
    for g, members in enumerate(groups):
        if len(members) >= SET_PHRASE_REPORTS:
            for source, doc in reports(g):
                reach[g, source].add(doc)
    for a, b in edges:
        of_a, of_b = reports(a), reports(b)
        shared = {source for source, _ in of_a} & {source for source, _ in of_b}
        for g in (a, b) if shared else ():
            for source, doc in chain(of_a, of_b):
                if source in shared:
                    reach[g, source].add(doc)
    return {g for (g, _), docs in reach.items() if len(docs) >= SET_PHRASE_REPORTS}


def _may_join(a: _Sentence, b: _Sentence) -> bool:
    """Whether two sentences may be one claim: of one source, naming an actor or a figure in
    common, or in the same words (wire copy, as ``same_claim`` counts them); else (words alike)
    neither a set phrase of its source nor of reports more than UNANCHORED_DAYS apart."""
    x, y = a.claim, b.claim
    if _source(a) == _source(b) or x.actors & y.actors or x.figures & y.figures:
        return True
    if x.terms == y.terms or set(x.terms) == set(y.terms):
        return True
    if a.formula or b.formula:
        return False
    return a.day is None or b.day is None or abs(a.day - b.day) <= UNANCHORED_DAYS


def _core(medoid: _Sentence, s: _Sentence, score: float) -> bool:
    """A member of the medoid's claim (the caller tells reports apart): the same claim by
    ``same_claim``, and in as many words (CORE_MIN) without the actor bonus: around a corpus's main
    actors, two anchored sentences of different events ("X lost", "X's successor was chosen") pass
    the pairwise test."""
    plain = score - ANCHOR_BONUS * min(2, len(medoid.claim.actors & s.claim.actors))
    if not _may_join(medoid, s):
        return False
    return plain >= CORE_MIN and same_claim(medoid.claim, s.claim, score, UNNAMED_MIN)


def _medoid(members: Sequence[int], sentences: Sequence[_Sentence]) -> int:
    """The member whose vector is closest to the members' centroid (ties: the first). Sentences of
    one wording share one vector (``SentenceClaims.sentences``), so its product with the centroid
    is taken once; a claim all of one wording (wire copy) has its first member for medoid, every
    member scoring alike."""
    first = sentences[members[0]].vector
    if all(sentences[i].vector is first for i in members):
        return min(members)
    centroid: dict[str, float] = defaultdict(float)
    for i in members:
        for t, w in sentences[i].vector.items():
            centroid[t] += w
    dots: dict[int, float] = {}

    def closeness(i: int) -> tuple[float, int]:
        vector = sentences[i].vector
        if (dot := dots.get(id(vector))) is None:
            dot = dots[id(vector)] = sum([w * centroid[t] for t, w in vector.items()])
        return dot, -i

    return max(members, key=closeness)


@dataclass(frozen=True)
class _Draft:
    """A claim before its discrepancies are looked for: its members in date order, its medoid,
    and the member pairs of different reports to check (what they read of the reports' rows is
    read for those sentences only)."""

    id: str
    medoid: _Sentence
    ordered: list[_Sentence]
    docs: tuple[str, ...]
    sources: tuple[str, ...]
    first_date: str
    last_date: str
    checked: list[tuple[_Sentence, _Sentence]]


def _draft(picked: list[_Sentence]) -> _Draft:
    medoid = picked[_medoid(range(len(picked)), picked)] if len(picked) > 1 else picked[0]
    ordered = sorted(picked, key=lambda s: (s.doc.date or "9999", s.claim.span.doc_id, s.claim.span.start))
    docs = tuple(dict.fromkeys(s.doc.id for s in ordered))
    dates = sorted(s.doc.date for s in ordered if s.doc.date)
    span = medoid.claim.span
    key = f"{span.doc_id}\0{span.start}\0{span.end}"
    return _Draft(
        id="c-" + hashlib.sha1(key.encode()).hexdigest()[:12],
        medoid=medoid,
        ordered=ordered,
        docs=docs,
        sources=tuple(dict.fromkeys(_source(s) for s in ordered)),
        first_date=dates[0] if dates else "",
        last_date=dates[-1] if dates else "",
        checked=_checked_pairs(medoid, ordered) if len(docs) > 1 else [],
    )


def _claim(
    draft: _Draft, texts: Texts, actors: Mapping[str, Actor], found: Mapping[int, Found]
) -> CorpusClaim:
    ordered = draft.ordered
    members = tuple(_span(s, texts) for s in ordered)
    spans = {id(s): span for s, span in zip(ordered, members, strict=True)}  # each made once
    conflicts = _conflicts(draft, spans, actors, found) if len(draft.docs) > 1 else []
    verdict: ClaimVerdict = (
        "contested" if conflicts else "corroborated" if len(draft.sources) > 1 else "single-source"
    )
    return CorpusClaim(
        id=draft.id,
        text=spans[id(draft.medoid)].text,
        verdict=verdict,
        docs=draft.docs,
        sources=draft.sources,
        first_date=draft.first_date,
        last_date=draft.last_date,
        members=members,
        actors=tuple(sorted({a for s in ordered for a in s.claim.actors})),
        conflicts=tuple(conflicts[:MAX_CONFLICTS]),
    )


def _span(s: _Sentence, texts: Texts) -> Span:
    span = s.claim.span  # a Span made afresh: dataclasses.replace reads its fields every call
    return Span(span.doc_id, span.start, span.end, texts[s.row])


def _checked_pairs(medoid: _Sentence, members: Sequence[_Sentence]) -> list[tuple[_Sentence, _Sentence]]:
    """The member pairs of different reports checked for discrepancies: the medoid against each
    member first, then the other pairs, MAX_CONFLICT_PAIRS at most, listed lazily (a claim of many
    reports has too many pairs to list)."""
    if not _two_may_conflict(members):  # no pair to find: not every pair of a wide claim listed
        return []
    # a pair with a member giving no figure, quoting no one and undated cannot ``_may_conflict``:
    # the pairs of the others, in the same order (a wide claim of wire copy with a few such
    # members had every pair of its members walked, issue #19)
    flagged = [s for s in members if s.claim.figures or s.claim.speakers or s.dated]
    pairs = chain(
        ((medoid, s) for s in flagged if s.doc.id != medoid.doc.id),
        ((a, b) for a, b in combinations(flagged, 2) if a is not medoid is not b and a.doc.id != b.doc.id),
    )
    return list(islice((p for p in pairs if _may_conflict(*p)), MAX_CONFLICT_PAIRS))


def _conflicts(
    draft: _Draft, spans: Mapping[int, Span], actors: Mapping[str, Actor], found: Mapping[int, Found]
) -> list[Discrepancy]:
    """The confident discrepancies between the checked members (``spans``: each member's span
    with its text, by the member's ``id``; ``found``: each checked member's report and rows, by
    its ``id``)."""
    if not draft.checked:  # no two members that any finder could find at odds
        return []
    weights: list[TfIdf] = []  # the claim's term weights, made when a finder first reads them

    def tfidf() -> TfIdf:
        if not weights:
            weights.append(TfIdf(s.claim.terms for s in draft.ordered))
        return weights[0]

    out: list[Discrepancy] = []
    seen: set[tuple[str, int, int, str, int, int]] = set()
    for a, b in draft.checked:
        in_a, in_b = found[id(a)], found[id(b)]
        numbers, dates, quoted = _finders(in_a[1], in_b[1])
        if not (numbers or dates or quoted):  # no finder can flag the pair: not scored
            continue
        score = claim_score(a.claim, b.claim, a.vector, b.vector)
        # of what is kept (SHOW_MIN), numbers of reports a week apart are updates, and dates are
        # compared in pairs this similar only
        numbers = numbers and not _days_apart(in_a[0], in_b[0])
        dates = dates and round(score, 3) >= DATE_PAIR_MIN
        if not (numbers or dates or quoted):
            continue
        sa, sb = spans[id(a)], spans[id(b)]
        for d in pair_discrepancies(in_a, in_b, actors, sa, sb, tfidf, score, (numbers, dates, quoted)):
            key = (d.a.doc_id, d.a.start, d.a.end, d.b.doc_id, d.b.start, d.b.end)
            if d.confidence >= SHOW_MIN and key not in seen:
                seen.add(key)
                out.append(d)
    return sorted(out, key=lambda d: -d.confidence)


def _two_may_conflict(members: Sequence[_Sentence]) -> bool:
    """Two members at least give figures, or quote someone, or are dated: else no pair can
    ``_may_conflict``."""
    figures = speakers = dated = 0
    for s in members:
        figures += bool(s.claim.figures)
        speakers += bool(s.claim.speakers)
        dated += s.dated
        if figures > 1 or speakers > 1 or dated > 1:
            return True
    return False


def _may_conflict(a: _Sentence, b: _Sentence) -> bool:
    """Both give figures, or both are dated or quote someone: else no finder can disagree."""
    ca, cb = a.claim, b.claim
    return bool((ca.figures and cb.figures) or (ca.speakers and cb.speakers) or (a.dated and b.dated))


def pair_discrepancies(
    in_a: Found,
    in_b: Found,
    actors: Mapping[str, Actor],
    sa: Span,
    sb: Span,
    tfidf: Callable[[], TfIdf],
    score: float,
    finders: tuple[bool, bool, bool] | None = None,
) -> list[Discrepancy]:
    """The discrepancies two-report comparison finds, between two sentences of two reports, of
    similarity ``score``, only (numbers, dates and quotes inside them): the two reports' analysis
    restricted to them. ``in_a``, ``in_b``: each sentence's report and the rows inside the
    sentence; ``tfidf``: the claim's term weights (made when first asked for). Each finder sets a
    row of one sentence against a row of the other, so one that lacks such rows on a side is not
    run (``_finders``; ``finders``: the caller's, fewer), nor, when none is left, the two
    sentences' analysis made (issue #19)."""
    numbers, dates, quoted = _finders(in_a[1], in_b[1]) if finders is None else finders
    if not (numbers or dates or quoted):
        return []
    mini = _two_sentences(in_a, in_b, actors, sa, sb)
    pair = AlignedPair(sa, sb, round(score, 3), "same")
    return [
        *(number_discrepancies(mini, sa.doc_id, sb.doc_id, tfidf()) if numbers else ()),
        *(date_discrepancies(mini.dates, [pair], mini.numbers) if dates else ()),
        *(
            quote_discrepancies(mini, quote_claims(mini, sa.doc_id), quote_claims(mini, sb.doc_id), tfidf())
            if quoted
            else ()
        ),
    ]


def _finders(a: Inside, b: Inside) -> tuple[bool, bool, bool]:
    """Which finders can find anything between two sentences of two reports: numbers (figures
    given in a sentence on both sides that count the same noun), dates (dates on both sides, none
    of one agreeing with one of the other), quotes (a speaker's direct quote on both)."""
    return (
        bool(a.numbers and b.numbers and _counted_nouns(a) & _counted_nouns(b)),
        dates_disagree(a.dates, b.dates),
        _has_speakers(a) and _has_speakers(b),
    )


def _counted_nouns(inside: Inside) -> set[str]:
    """What the figures the number check reads count (those given in a sentence of their report):
    it sets a figure only against one of the same counted noun (discrepancies ``_same_measure``)."""
    return {normalize(n.counted) for n in inside.numbers if n.sentence}


def _has_speakers(inside: Inside) -> bool:
    """A quote the quote check reads (a direct one with a speaker: discrepancies
    ``_quote_discrepancy`` compares no other)."""
    return any(q.speaker_id and q.kind == "direct" for q in inside.quotes)


def _days_apart(doc_a: Document, doc_b: Document) -> bool:
    """Two reports UPDATE_DAYS apart or more: a figure changed between them is an update
    (discrepancies ``_number_discrepancy``), below SHOW_MIN."""
    da, db = period(doc_a.date or ""), period(doc_b.date or "")
    return UPDATE < SHOW_MIN and bool(da and db and abs((db[0] - da[0]).days) >= UPDATE_DAYS)


def _two_sentences(in_a: Found, in_b: Found, actors: Mapping[str, Actor], sa: Span, sb: Span) -> Analysis:
    """The analysis of the two reports holding only the rows inside the two sentences."""
    (doc_a, a), (doc_b, b) = in_a, in_b
    mentions = (*a.mentions, *b.mentions)
    quotes = (*a.quotes, *b.quotes)
    named = {m.actor_id for m in mentions} | {q.speaker_id for q in quotes if q.speaker_id}
    chain: set[str] = set()
    for start in named:
        x: str | None = start
        while x and x in actors and x not in chain:
            chain.add(x)
            x = actors[x].affiliation
    return Analysis(
        corpus=Corpus(tuple(dict.fromkeys((doc_a, doc_b)))),
        actors=tuple(actors[x] for x in sorted(chain)),
        mentions=mentions,
        quotes=quotes,
        dates=(*a.dates, *b.dates),
        events=(),
        numbers=(*a.numbers, *b.numbers),
        positions=(),
        sentences=(sa, sb),
    )


def _inside(records: Iterable[L], span: Span) -> list[L]:
    return [r for r in records if span.start <= r.start and r.end <= span.end]


def shared_pairs(claims: Iterable[CorpusClaim], limit: int = 10) -> list[tuple[str, str, int]]:
    """The report pairs that share the most claims (likely reports of one event): (a, b, claims),
    a before b in the claims' order of documents; claims in more than MAX_PAIR_DOCS reports left out."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for c in claims:
        if 1 < len(c.docs) <= MAX_PAIR_DOCS:
            for a, b in combinations(sorted(c.docs), 2):
                counts[(a, b)] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(a, b, n) for (a, b), n in ranked[:limit]]
