"""The records every stage of Triangulate passes around.

All records are frozen dataclasses. Every extracted record carries its ``doc_id`` and a
character span (``start``, ``end``, end exclusive) into ``Document.text``: provenance is
what makes highlighting, comparison and golden tests simple.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal

BlockKind = Literal["body", "heading", "caption", "embedded_post", "credit"]
DateBasis = Literal["header", "metadata", "inferred", "unknown"]
QuoteKind = Literal["direct", "indirect"]
# Which definition of a quote a record belongs to (lib/extract/quotes/extract.py): a "statement" is
# something a source says (GGT annotation guidelines) and is an attribution under PolNeAR's wider
# definition too; a "part" is a statement GGT splits off at an interrupting cue, whose whole PolNeAR
# counts once (a "wide" record); a "wide" record is an attribution only (a belief, a plan, a finding).
QuoteScope = Literal["statement", "part", "wide"]
QuoteDefinition = Literal["statement", "wide"]
Precision = Literal["day", "week", "month", "year", "on_or_before"]
Stance = Literal["supports", "opposes", "demands", "threatens", "conditional", "neutral"]
Polarity = Literal["pos", "neg"]
TargetBasis = Literal["named", "description", "pronoun", "context", "topic"]
GROUP_PREFIX = "group:"  # a group target's key (Target.key): actor ids are slugs, never with a colon
ClaimVerdict = Literal["corroborated", "single-source", "contested"]


@dataclass(frozen=True)
class Block:
    """A paragraph of a document, typed so captions and embedded posts are not read as prose."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    source: str
    date: str | None  # ISO YYYY-MM-DD
    date_basis: DateBasis
    language: str
    url: str
    path: str
    text: str
    blocks: tuple[Block, ...] = ()
    translated_from: str = ""

    def block_at(self, offset: int) -> Block | None:
        return next((b for b in self.blocks if b.start <= offset < b.end), None)


@dataclass(frozen=True)
class IngestError:
    path: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    errors: tuple[IngestError, ...] = ()
    parsed: int = 0  # files parsed this run (the rest came from the cache)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str  # person | organization | country | place
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    role: str = ""


def numbered_ids(ids: Iterable[str]) -> list[str]:
    """Each id in order, a repeated one numbered -2, -3... (documents of one name, issues of one head)."""
    seen: set[str] = set()
    out = []
    for first in ids:
        new, n = first, 1
        while new in seen:
            n += 1
            new = f"{first}-{n}"
        seen.add(new)
        out.append(new)
    return out


def speaker_chain(actor_id: str, actors: Mapping[str, Actor]) -> list[str]:
    """The actor, then the bodies it speaks for, following affiliations (a spokesman, then his
    ministry): the actors a statement counts for when positions and claims roll up."""
    chain = [actor_id]
    while (actor := actors.get(chain[-1])) and actor.affiliation and actor.affiliation not in chain:
        chain.append(actor.affiliation)
    return chain


@dataclass(frozen=True)
class Mention:
    doc_id: str
    actor_id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Target:
    """An actor a statement is about, and how the statement judges it.

    ``polarity``: "pos" (praises, backs, defends), "neg" (criticises, accuses, threatens, demands of),
    None when the words do not say. ``basis``: where the target was found: named in the statement,
    a pronoun in it, the sentence around it, or the report's main actor (the weakest evidence).
    ``name``: a group the actor list does not hold ("Republicans", "the media", "X administration";
    lib/extract/groups.py) has a name and no ``actor_id``.
    """

    actor_id: str | None
    polarity: Polarity | None
    basis: TargetBasis = "named"
    name: str | None = None

    @property
    def key(self) -> str:
        """The actor id, or "group:<name>" for a group (one id space for tables and URLs)."""
        return self.actor_id if self.actor_id is not None else GROUP_PREFIX + (self.name or "")


# From this speaker_confidence up an attribution is sure: the pages show its speaker plain and the
# comparison may build a "who said it" discrepancy on it; below, the speaker is marked uncertain. The
# confidences are how often speakers on the same evidence were right on the dev parts read
# (lib/extract/quotes/speakers.py BASIS_CERTAINTY): a kept phrase (0.72) and pronouns nobody or two
# people fit (0.49, 0.2) fall under it.
SURE_SPEAKER = 0.75


@dataclass(frozen=True)
class Quote:
    doc_id: str
    speaker_id: str | None
    speaker_text: str  # as written at speaker_start:speaker_end ("he"); speaker_id is the resolution
    text: str
    kind: QuoteKind
    cue: str | None
    start: int
    end: int
    confidence: float
    speaker_start: int | None = None
    speaker_end: int | None = None
    # how sure the attribution is, 0-1: a name at the cue is surer than a pronoun resolved by
    # position; 0 when there is no speaker (lib/extract/quotes/speakers.py)
    speaker_confidence: float = 0.0
    targets: tuple[Target, ...] = ()  # whom the statement is about (lib/extract/targets.py)
    phrases: tuple[str, ...] = ()  # its key noun phrases, normalised (lib/extract/issues.py)
    scope: QuoteScope = "statement"


@dataclass(frozen=True)
class DateMention:
    doc_id: str
    text: str
    start: int
    end: int
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY | YYYY-Www
    precision: Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)  # slots: one per sentence in the corpus claims (lib/compare/corpus.py)
class Span:
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class NumberClaim:
    doc_id: str
    amount: float
    counted: str  # what is counted, e.g. "soldiers"
    qualifier: str  # "over", "more than", "about", ""
    text: str
    start: int
    end: int
    sentence: Span | None = None
    language: str = ""  # ISO 639-1 code of the document the amount was read in ("100.000" in "es")
    # content terms the figure attaches to ("paid", "rate", "income"), and "modifier>noun" for
    # the modifiers of those nouns ("federal>tax")
    frame: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    date: str  # ISO value as in DateMention.value
    precision: Precision
    actors: tuple[str, ...]
    summary: str
    evidence: tuple[Span, ...]
    sources: tuple[str, ...] = field(default=())  # doc ids


@dataclass(frozen=True)
class Position:
    actor_id: str
    issue: str
    issue_label: str
    stance: Stance
    count: int
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class NameLink:
    """A mention as a batch's name linker got it (lib/extract/actors/corpus.py ``resolve_corpus``),
    and the actor the batch linked it to: what a store keeps so that its corpus step links the
    names of every batch together (lib/store/links.py)."""

    doc_id: str
    start: int
    end: int
    text: str
    actor: Actor  # before linking
    linked_id: str
    linked_type: str
    propagated: bool  # found by propagating a name typed elsewhere (the linker gets these last)


@dataclass(frozen=True)
class Batch:
    """The per-document rows of one batch; events are per document (merged at corpus level)."""

    documents: tuple[Document, ...]
    mentions: tuple[Mention, ...] = ()
    raw_actors: tuple[Actor, ...] = ()  # per mention: its actor before the corpus-level settling
    agentive: tuple[bool, ...] = ()  # per mention: the mention is a subject or agent
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    numbers: tuple[NumberClaim, ...] = ()
    sentences: tuple[Span, ...] = ()
    attributions: tuple[Quote, ...] = ()  # the wide-only records (scope "wide"), beside the statements
    actors: tuple[
        Actor, ...
    ] = ()  # the batch's actors as lib.extract.actors.extract.extract_mentions gave them
    links: tuple[NameLink, ...] = ()  # the name linker's input and output in this batch


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record (tuples become lists)."""
    return asdict(record)


@dataclass(frozen=True)
class AlignedPair:
    """Two claims, one from each report, that say the same thing (or related positions)."""

    a: Span
    b: Span
    score: float
    relation: Literal["same", "related"] = "same"


@dataclass(frozen=True)
class Discrepancy:
    kind: str  # number | date | speaker | wording | name_spelling
    about: str
    a: Span
    b: Span
    reason: str  # one line an analyst can check against the two spans
    confidence: float = 1.0  # 0-1: how sure the finder is that both spans state the same thing


@dataclass(frozen=True)
class CorpusClaim:
    """One claim as the corpus reports it: the sentences of several reports that say the same thing,
    clustered (lib/compare/corpus.py), each member kept with its document and span.

    ``verdict``: "contested" when a confident discrepancy links two members (``conflicts`` holds
    them), "corroborated" when two or more sources report it, else "single-source". ``text`` is the
    member closest to the others (the medoid); dates are the members' report dates ("" undated).
    """

    id: str
    text: str
    verdict: ClaimVerdict
    docs: tuple[str, ...]
    sources: tuple[str, ...]
    first_date: str
    last_date: str
    members: tuple[Span, ...]
    actors: tuple[str, ...] = ()
    conflicts: tuple[Discrepancy, ...] = ()


@dataclass(frozen=True)
class Comparison:
    doc_a: str
    doc_b: str
    aligned: tuple[AlignedPair, ...]
    only_a: tuple[Span, ...]
    only_b: tuple[Span, ...]
    discrepancies: tuple[Discrepancy, ...]  # confident flags, shown as contradictions
    quoted_only_a: tuple[str, ...] = ()  # actor ids quoted in A and not in B
    quoted_only_b: tuple[str, ...] = ()
    quoted_both: tuple[str, ...] = ()
    weak: tuple[Discrepancy, ...] = ()  # flags under the confidence threshold: not contradictions
    days_apart: str = ""  # the two reports' news is of different days (why), lib/compare/when.py


@dataclass(frozen=True)
class Analysis:
    """What Triangulate read out of a corpus, or (lib/store/slices.py) the slice of a store a page shows:
    then documents outside the slice are held without their text, their lengths in ``text_lengths``."""

    corpus: Corpus
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    events: tuple[Event, ...]
    numbers: tuple[NumberClaim, ...]
    positions: tuple[Position, ...]
    sentences: tuple[Span, ...] = ()  # every sentence of every document, in order
    text_lengths: Mapping[str, int] = field(default_factory=dict)
    # attributions that are no statements (scope "wide": beliefs, plans, findings, an interrupted
    # statement whole); the pages and the stores show ``quotes``, the statements only
    attributions: tuple[Quote, ...] = ()

    def quotes_by(self, definition: QuoteDefinition) -> tuple[Quote, ...]:
        """The quotes under one definition: "statement" (GGT: what a source says) or "wide"
        (PolNeAR: every attribution, an interrupted statement counted once)."""
        if definition == "statement":
            return self.quotes
        return tuple(q for q in self.quotes if q.scope != "part") + self.attributions

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.corpus.documents

    @cached_property
    def _documents_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.corpus.documents}

    @cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    def document(self, doc_id: str) -> Document:
        return self._documents_by_id[doc_id]

    def documents_of(self, doc_ids: Iterable[str]) -> list[Document]:
        """The documents of these ids that the analysis holds (a store whose batch is damaged
        reads without that batch's documents, which a merged event may still name)."""
        return [self._documents_by_id[d] for d in doc_ids if d in self._documents_by_id]

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors_by_id.get(actor_id)

    def text_length(self, doc: Document) -> int:
        return len(doc.text) or self.text_lengths.get(doc.id, 0)
