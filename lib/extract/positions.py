"""Actor x issue stances: which issues each statement addresses, and how its speaker stands on them.

The issues are those found in the corpus (lib/extract/issues.py), plus, when the corpus asks for
one, an issue pack: a data file of issues and their cue phrases (lib/lexicons/packs/*.yaml), named
by ``issue_pack:`` in a ``.triangulate.yaml`` beside the documents or by $TRIANGULATE_ISSUE_PACK.
A statement addresses an issue when it contains one of the issue's cue phrases. Its stance:
a pack issue's own stance cues first (the dictionary approach of Laver & Garry 2000,
"Estimating policy positions from political texts"); then the sentence is read where the issue is
named: a threat's condition is demanded, a condition makes it conditional, the predicate governing
the issue's phrase ("backed the sanctions", "warned against the deal", "did not accept it") gives
supports/opposes (lib/extract/polarity.py) unless its subject is a noun phrase, a third party whose
reported stance is none of the speaker's ("the unions opposed it"); a demand modal before the issue
(or the passive of one whose subject it is) demands; then the pack's general cues; then the issue's
default stance (neutral) rather than a guess.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lib import LEXICONS, read_yaml
from lib.extract import polarity
from lib.records import Actor, Document, Event, Polarity, Position, Quote, Span, Stance, speaker_chain

PACKS = LEXICONS / "packs"
ISSUES_PATH = PACKS / "russia-nato-2022-01.yaml"  # the pack of the seed corpus (data/.triangulate.yaml)
PACK_ENV = "TRIANGULATE_ISSUE_PACK"  # a pack's name (lib/lexicons/packs/NAME.yaml) or path
CORPUS_CONFIG = ".triangulate.yaml"  # beside the documents; hidden, so ingest never reads it as one
STANCE_ORDER: tuple[Stance, ...] = ("threatens", "demands", "opposes", "conditional", "supports")
StanceCues = tuple[tuple[Stance, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    description: str
    cues: tuple[str, ...]
    default_stance: Stance = "neutral"
    stance_cues: StanceCues = ()  # this issue's own cues, checked first
    general_cues: StanceCues = ()  # the file's general cues
    whole_words: bool = False  # cues match whole words only (found issues); a pack's match word starts
    # a found issue's bare head ("wall" of "border wall") names it only in the reports of the
    # stories that name one of its compounds (lib/extract/issues.py _by_head); elsewhere the head
    # is some other wall. Empty: every cue names the issue everywhere.
    bare_cues: tuple[str, ...] = ()
    bare_reports: frozenset[str] = frozenset()
    bare_outside: bool = False  # the bare head names it outside bare_reports instead

    def cues_in(self, doc_id: str | None) -> frozenset[str]:
        """The cues that name this issue in report ``doc_id`` (every cue when it is not known)."""
        if not self.bare_cues or doc_id is None or (doc_id in self.bare_reports) != self.bare_outside:
            return frozenset(self.cues)
        return frozenset(self.cues) - frozenset(self.bare_cues)


FOUND_PREFIX = "found-"  # a found issue's id: this and the slug of its own head phrase


def found_issue_id(phrase: str) -> str:
    """The id of the issue found under ``phrase`` (its group's own head phrase, lower case)."""
    return FOUND_PREFIX + re.sub(r"[^a-z0-9]+", "-", phrase).strip("-")


def surface_forms(phrases: Sequence[str]) -> list[str]:
    """Each phrase and its plural, as cue phrases matched at a word start ("check" -> "checks")."""
    return [p for phrase in phrases for p in (phrase, _plural(phrase))]


def _plural(phrase: str) -> str:
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy", "uy")):
        return phrase[:-1] + "ies"
    if phrase.endswith(("s", "sh", "ch", "x")):
        return phrase + "es"
    return phrase + "s"


@dataclass(frozen=True)
class StatementStance:
    """One statement's stance on one issue, credited to one actor."""

    actor_id: str
    issue: Issue
    stance: Stance
    evidence: Span


def load_issues(path: Path | None = None) -> list[Issue]:
    """The issues of a pack file (default: the seed corpus's pack, ISSUES_PATH)."""
    data = read_yaml(path or ISSUES_PATH) or {}
    general = _stance_cues(data.get("stance_cues") or {})
    return [_issue(raw, general) for raw in data.get("issues") or []]


def pack_path(name: str) -> Path:
    """A pack by name (lib/lexicons/packs/NAME.yaml) or by path; ValueError when there is none."""
    path = Path(name) if name.endswith((".yaml", ".yml")) else PACKS / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in PACKS.glob("*.yaml")))
        raise ValueError(f"no issue pack {name!r} (known packs: {known})")
    return path


def pack_for(paths: Iterable[str] = ()) -> str | None:
    """The issue pack a corpus asks for: $TRIANGULATE_ISSUE_PACK, else ``issue_pack:`` of the
    .triangulate.yaml in a folder holding one of the documents (their ``paths``); None: found
    issues only."""
    if named := os.environ.get(PACK_ENV, "").strip():
        return named
    for folder in dict.fromkeys(Path(p).parent for p in paths if p):
        config = folder / CORPUS_CONFIG
        if config.is_file():
            data = read_yaml(config) or {}
            if isinstance(data, dict) and data.get("issue_pack"):
                return str(data["issue_pack"])
    return None


def corpus_issues(
    quotes: Sequence[Quote], documents: Sequence[Document] = (), events: Iterable[Event] = ()
) -> list[Issue]:
    """The issues of a corpus: its pack's (when it asks for one), then those found in its statements;
    ``events``: the corpus's merged events, whose reports tell one story (issues.event_reports)."""
    return issues_of(quotes, [d.path for d in documents], (e.sources for e in events))


def issues_of(
    quotes: Sequence[Quote], paths: Iterable[str], sources: Iterable[Sequence[str]] = ()
) -> list[Issue]:
    """``sources``: each merged event's reports (Event.sources)."""
    from lib.extract.issues import discover_issues, event_reports  # they build on Issue, defined here

    name = pack_for(paths)
    pack = load_issues(pack_path(name)) if name else []
    return pack + discover_issues(first_hand(quotes), taken=pack, related=event_reports(sources))


def _issue(raw: dict[str, Any], general: StanceCues) -> Issue:
    return Issue(
        id=str(raw["id"]),
        label=str(raw.get("label", raw["id"])),
        description=str(raw.get("description", "")),
        cues=tuple(str(c).lower() for c in raw.get("cues") or []),
        default_stance=cast(Stance, raw.get("default_stance", "neutral")),
        stance_cues=_stance_cues(raw.get("stance_cues") or {}),
        general_cues=general,
    )


def _stance_cues(raw: Mapping[str, Sequence[str]]) -> StanceCues:
    unknown = set(raw) - set(STANCE_ORDER)
    if unknown:
        raise ValueError(f"unknown stance(s) in issues file: {', '.join(sorted(unknown))}")
    return tuple((s, tuple(str(c).lower() for c in raw[s])) for s in STANCE_ORDER if s in raw)


def assign_positions(
    quotes: Sequence[Quote],
    actors: Mapping[str, Actor],
    issues: Sequence[Issue],
    roll_up: bool = True,
    base: Sequence[Position] = (),
) -> list[Position]:
    """Actor x issue x stance rows with counts and evidence, person statements rolled up to their body.

    ``base``: positions already counted from earlier documents, which ``quotes`` (of later
    documents only) add to: the rows are those of all the quotes at once.
    """
    rows: dict[tuple[str, str, Stance], list[Span]] = defaultdict(list)
    for p in base:
        rows[(p.actor_id, p.issue, p.stance)].extend(p.evidence)
    labels = {i.id: i.label for i in issues}
    for found in statement_stances(quotes, actors, issues, roll_up):
        rows[(found.actor_id, found.issue.id, found.stance)].append(found.evidence)
    keys = sorted(rows, key=row_order(issues))
    return [Position(a, i, labels[i], s, len(rows[(a, i, s)]), tuple(rows[(a, i, s)])) for a, i, s in keys]


def row_order(issues: Sequence[Issue]) -> Callable[[tuple[str, str, str]], tuple[str, int, int]]:
    """The sort key of a position row (actor id, issue id, stance): by actor, then the issues' order
    in the lexicon, then STANCE_ORDER."""
    rank = {i.id: n for n, i in enumerate(issues)}

    def key(row: tuple[str, str, str]) -> tuple[str, int, int]:
        actor, issue, stance = row
        return actor, rank.get(issue, len(rank)), STANCE_ORDER.index(stance) if stance in STANCE_ORDER else 9

    return key


def statement_stances(
    quotes: Sequence[Quote], actors: Mapping[str, Actor], issues: Sequence[Issue], roll_up: bool = True
) -> Iterator[StatementStance]:
    """Every (actor, issue, stance) a statement supports, once per actor it counts for. Where each
    issue is first named is found for every statement at once (``issue_starts``)."""
    spoken = [q for q in first_hand(quotes) if q.speaker_id]
    bodies = [polarity.normal(q.text) for q in spoken]
    reader = _Reader()  # each distinct sentence read once over the statements
    own_words: dict[str, frozenset[str]] = {}
    cues_by_doc: dict[str, list[frozenset[str]]] = {}  # each issue's cues in each report (Issue.cues_in)
    for quote, body, starts in zip(spoken, bodies, issue_starts(bodies, issues), strict=True):
        if (cue_sets := cues_by_doc.get(quote.doc_id)) is None:
            cue_sets = cues_by_doc[quote.doc_id] = [i.cues_in(quote.doc_id) for i in issues]
        evidence = Span(quote.doc_id, quote.start, quote.end, quote.text)
        cue = quote.cue or ""
        credited = speaker_chain(cast(str, quote.speaker_id), actors)
        if (words := own_words.get(credited[0])) is None:
            words = own_words[credited[0]] = _name_words(credited, actors)
        read = _classified(quote.text, body, cue, issues, quote.phrases, starts, cue_sets, reader, words)
        for issue, stance in read:
            for actor_id in credited if roll_up else credited[:1]:
                yield StatementStance(actor_id, issue, stance, evidence)


def first_hand(quotes: Sequence[Quote]) -> list[Quote]:
    """The statements not nested inside another speaker's: in "Russia says NATO threatens its
    interests" the words are Russia's report, not a position NATO took (PARC 3.0, Pareti 2016:
    a nested attribution is the outer source's claim). Compared within each document only."""
    by_doc: dict[str, list[tuple[int, int, str | None, int]]] = defaultdict(list)
    for n, q in enumerate(quotes):
        by_doc[q.doc_id].append((q.start, q.end, q.speaker_id, n))
    nested = {
        n
        for spans in by_doc.values()
        if len(spans) > 1
        for start, end, speaker, n in spans
        for o_start, o_end, o_speaker, o in spans
        if o != n and o_speaker != speaker and o_start <= start and end <= o_end
    }
    return [q for n, q in enumerate(quotes) if n not in nested]


def _name_words(ids: Sequence[str], actors: Mapping[str, Actor]) -> frozenset[str]:
    """The words of the names (and aliases) of a speaker and the bodies it speaks for, lower case:
    a predicate whose subject is one of them ("Canada backs the plan" said by Canada's minister)
    is the speaker's own stance, not a third party's (polarity.predicate_stance's ``own``)."""
    names = [n for i in ids if (a := actors.get(i)) for n in (a.name, *a.aliases)]
    return frozenset(w for n in names for w in polarity.WORD.findall(polarity.normal(n)))


def classify(
    text: str, cue: str, issues: Sequence[Issue], phrases: Sequence[str] = (), doc_id: str | None = None
) -> list[tuple[Issue, Stance]]:
    """The issues a statement addresses and its stance on each. ``phrases``: the statement's key
    phrases (Quote.phrases), where "the deal" of a report on the grain deal is "grain deal": a
    found issue is addressed by them too, and read at its head word. ``doc_id``: the statement's
    report, where a found issue's bare head may not name it (Issue.cues_in)."""
    body = polarity.normal(text)
    starts = _issues_index(tuple((i.cues, i.whole_words) for i in issues)).first_each(body)
    cue_sets = [i.cues_in(doc_id) for i in issues]
    return _classified(text, body, cue, issues, phrases, starts, cue_sets, _Reader())


def _classified(
    text: str,
    body: str,
    cue: str,
    issues: Sequence[Issue],
    phrases: Sequence[str],
    starts: Sequence[int | None],
    cue_sets: Sequence[frozenset[str]],
    reader: _Reader,
    speaker_words: frozenset[str] = frozenset(),
) -> list[tuple[Issue, Stance]]:
    """``classify`` given where each issue's cues first start in the statement's normal form
    (``body``), each issue's cues as a set, and the reader of its sentences; ``speaker_words``: the
    words of the speaker's names (``_name_words``)."""
    stance_text = polarity.normal(f"{cue} {text}")
    starts = [
        None if at is not None and _inside_a_name(text, at, i) else at
        for i, at in zip(issues, starts, strict=True)
    ]
    if phrases:
        starts = [
            _noun_use(body, i, at, phrases, cues)
            for i, at, cues in zip(issues, starts, cue_sets, strict=True)
        ]
    found = [(i, at) for i, at in zip(issues, starts, strict=True) if at is not None]
    own = [(i, at, _own_stance(stance_text, i)) for i, at in found]
    threat = any(s == "threatens" for _, _, s in own)
    return [
        (i, s or _read_stance(body, at, i, threat, stance_text, reader, speaker_words)) for i, at, s in own
    ]


def _inside_a_name(text: str, at: int, issue: Issue) -> bool:
    """A found issue's word written capitalised inside a name ("Social Security", "the Security
    Council" for the issue "security"): the name is another thing, a programme or a body. Only
    the statement's first use is read: a later plain one is not looked for."""
    if not issue.whole_words or not text[at : at + 1].isupper():
        return False
    before = _NAME_WORD_BEFORE.search(text, 0, at)
    after = _NAME_WORD_AFTER.match(text, at)
    return (before is not None and before.group(1) not in _NOT_NAME_WORDS) or after is not None


_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][\w'’.-]*) $")
_NAME_WORD_AFTER = re.compile(r"\w+ [A-Z]\w")
_NOT_NAME_WORDS = frozenset(
    {"The", "A", "An", "This", "That", "Our", "Their", "His", "Her", "Its", "My", "Your"}
)


def _noun_use(
    body: str, issue: Issue, at: int | None, phrases: Sequence[str], cues: frozenset[str]
) -> int | None:
    """Where the statement names a found issue as a noun phrase: its cue matched where none of the
    statement's key phrases is the issue's is the word in another part of speech or sense ("right
    now", "the right way" for the issue "rights"; "plant" the verb), no naming of the matter; an
    issue the statement means but does not spell out is looked for at its head (``_meant_at``).
    A pack's issue, or one an analyst adds by its phrases, is named by its cues as written."""
    if cues.isdisjoint(phrases):
        return None if issue.id.startswith(FOUND_PREFIX) else at
    return at if at is not None else _meant_at(body, issue, phrases, cues)


def _meant_at(
    body: str, issue: Issue, phrases: Sequence[str], cues: Collection[str] | None = None
) -> int | None:
    """Where a found issue's phrase that the statement means but does not spell out ("the deal")
    is named by its head word, or None. ``cues``: the issue's cues as a set, when made already."""
    if not issue.whole_words:
        return None
    cues = issue.cues if cues is None else cues
    meant = next((p for p in phrases if p in cues), None)
    if meant is None:
        return None
    head = re.escape(meant.rsplit(" ", 1)[-1])
    named = re.search(rf"(?<!\w){head}(?:e?s)?(?!\w)", body)
    return named.start() if named else None


def _own_stance(text: str, issue: Issue) -> Stance | None:
    return next((s for s, cues in issue.stance_cues if _has_any(text, cues)), None)


def _read_stance(
    body: str,
    at: int,
    issue: Issue,
    threat: bool,
    stance_text: str,
    reader: _Reader | None = None,
    speaker_words: frozenset[str] = frozenset(),
) -> Stance:
    """The stance the sentence takes on the issue named at ``at``; ``speaker_words``: the words of
    the speaker's names, a subject that is the speaker's own (``_name_words``)."""
    if threat:  # the condition of a threat is what it demands (Schelling 1966, ch. 2)
        return "demands"
    read = reader or _Reader()
    left = _sentence_start(body, at)
    sentence = _sentence_at(body, at, left)
    conditions = read.conditions(sentence)
    if _conditional_on(sentence, at - left, conditions):
        return "conditional"
    # the predicate is read in the last clause before the issue, and the sentence's stop closes a
    # clause: the text from the space after it is read as the whole text before the issue would be
    # (``_clause_before``), not the statement's every earlier sentence again (issue #19)
    clause = _clause_before(body, at, left)
    reading = None if _in_compound(body, at) else read.predicate(clause, speaker_words)
    if reading is not None and not reading[1]:
        return "supports" if reading[0] == "pos" else "opposes"
    # a predicate before the issue whose subject is a third party ("the firm had to keep fighting
    # the union") makes no demand of the speaker's either
    # nor does a necessity inside a condition ("if you have to choose which ..."): it obliges no one
    if reading is None and any(
        _demands_it(sentence, span, at - left) and not _inside(span, conditions)
        for span in read.demands(sentence)
    ):
        return "demands"
    general = next((s for s, cues in issue.general_cues if _has_any(stance_text, cues)), None)
    return general or issue.default_stance


class _Reader:
    """The polarity readings of a statement's sentences (lib/extract/polarity.py), each distinct text
    read once over a run of statements: reports that carry one wire story word for word repeat
    them, and a statement naming two issues in one sentence reads it twice (issue #19: these
    readings were half the positions' CPU; on BASIL dev 6% of the texts read repeat, on the
    bench's corpus of 131 recombined texts 80%)."""

    def __init__(self) -> None:
        self._conditional: dict[str, list[tuple[int, int]]] = {}
        self._demand: dict[str, list[tuple[int, int]]] = {}
        self._predicate: dict[tuple[str, frozenset[str]], tuple[Polarity | None, bool] | None] = {}

    def conditions(self, sentence: str) -> list[tuple[int, int]]:
        if (found := self._conditional.get(sentence)) is None:
            found = self._conditional[sentence] = polarity.condition_spans(sentence)
        return found

    def demands(self, sentence: str) -> list[tuple[int, int]]:
        if (found := self._demand.get(sentence)) is None:
            found = self._demand[sentence] = polarity.demand_spans(sentence)
        return found

    def predicate(
        self, before: str, speaker_words: frozenset[str] = frozenset()
    ) -> tuple[Polarity | None, bool] | None:
        """The predicate before the issue: its side and whether a third party is its subject
        (polarity.predicate_reading)."""
        key = (before, speaker_words)
        if key not in self._predicate:
            self._predicate[key] = polarity.predicate_reading(before, own=speaker_words)
        return self._predicate[key]


def _conditional_on(sentence: str, at: int, conditions: Sequence[tuple[int, int]]) -> bool:
    """The sentence sets a condition on the issue named at ``at``: a condition outside which the
    issue stands ("talks are possible if they stop shelling"), or one that asks for the issue by
    its absence ("if there are no tolls, there is no bridge", "unless the tolls go"). A condition
    that merely names the issue ("if the talks fail, ...", "if you ask which tolls ...") makes no
    stance on it conditional; the stance, if any, is read from the rest."""
    for start, end in conditions:
        if not start <= at < end or sentence.startswith("unless", start):
            return True
        if not polarity.load_lexicon().negators.isdisjoint(polarity.words(sentence[start:at])):
            return True
    return False


def _inside(span: tuple[int, int], conditions: Sequence[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in conditions)


def _demands_it(sentence: str, span: tuple[int, int], at: int) -> bool:
    """A directive at ``span`` reaches the issue named at ``at``: the issue follows it ("we must
    lift the tolls") or is the subject of its passive ("the tolls must be lifted"), with no clause
    opening between them. A demand made further on of something else ("the vote showed that the
    party has to change", "aware of the risks and of what must be done") is not one on the issue
    named before it."""
    start, end = span
    if end <= at:
        return True
    return sentence.startswith(" be ", end) and not _CLAUSE_OPENS.search(sentence, at, start)


_CLAUSE_OPENS = re.compile(r"[,;:]|\b(?:what|which|that|who|whom|and|or|but|because|while|when|where|how)\b")


def _in_compound(text: str, at: int) -> bool:
    """The issue's word is glued by a hyphen into a modifier ("pushed a vote-splitting narrative"):
    the verb before it acts on the compound's head, not on the issue."""
    return (at > 0 and text[at - 1] == "-") or _GLUED.match(text, at) is not None


_GLUED = re.compile(r"\w+-\w")


def _sentence_start(text: str, at: int) -> int:
    # the end of the last stop before ``at``: the greedy prefix backs off to it (two stops never
    # overlap, the second character of one being a space), with no list of every stop made
    last = _LAST_STOP.match(text, 0, at)
    return last.end() if last else 0


def _clause_before(text: str, at: int, left: int) -> str:
    """The text before ``at`` that ``polarity.predicate_reading`` reads alike (its last clause is
    the same), from the whitespace after the stop that ends at ``left`` (``_sentence_start``): the
    stop is a clause break (polarity.CLAUSE_BREAK) no other break can take in, and the character
    before the whitespace is no word character, so the breaks found from there on are the breaks
    found from there in the whole text. ``text`` is in normal form (``polarity.normal``), which
    leaves it as it is."""
    return text[max(0, left - 1) : at]


def _sentence_at(text: str, at: int, left: int | None = None) -> str:
    """The sentence around ``at`` (``left``: its start, when the caller found it)."""
    left = _sentence_start(text, at) if left is None else left
    right = next((m.start() for m in re.finditer(r"[.!?;](\s|$)", text[at:])), len(text) - at)
    return text[left : at + right]


_LAST_STOP = re.compile(r".*[.!?;]\s", re.S)


def _has_any(text: str, cues: Sequence[str]) -> bool:
    return _cue_index(tuple(cues)).first(text) is not None


WORD_START = re.compile(r"(?<!\w)\w")
PREFIX = 3  # characters of a cue that file it: a word start looks up only the cues filed there


@lru_cache(maxsize=1024)
def _cue_index(cues: tuple[str, ...], whole_words: bool = False) -> CueIndex:
    return CueIndex(cues, whole_words)


class CueIndex:
    r"""Where the first of many cue phrases starts in a text: a cue matches at a word start (and ends
    at a word end, for whole words), as the regex ``(?<!\w)cue(?!\w)`` would. Issues found in a
    corpus carry hundreds of cues: one alternation of them all tries every cue at every character
    (0.4 ms a statement), where this looks up, at each word start, only the cues beginning with its
    first letters."""

    def __init__(self, cues: tuple[str, ...], whole_words: bool) -> None:
        self.whole_words = whole_words
        self.filed: dict[str, list[str]] = {}
        self.short: list[str] = []  # cues shorter than PREFIX, tried at every word start
        odd = []  # cues that do not begin with a word character: left to a regex
        for cue in sorted(set(cues), key=len, reverse=True):
            if not cue or not _is_word(cue[0]):
                odd.append(cue)
            elif len(cue) < PREFIX:
                self.short.append(cue)
            else:
                self.filed.setdefault(cue[:PREFIX], []).append(cue)
        end = r"(?!\w)" if whole_words else ""
        self.odd = re.compile("|".join(rf"(?<!\w){re.escape(c)}{end}" for c in odd)) if odd else None

    def first(self, text: str) -> int | None:
        odd = self.odd.search(text) if self.odd else None
        limit = odd.start() if odd else len(text)
        for word in WORD_START.finditer(text, 0, limit):
            at = word.start()
            for cue in (*self.filed.get(text[at : at + PREFIX], ()), *self.short):
                if text.startswith(cue, at) and self._ends(text, at + len(cue)):
                    return at
        return odd.start() if odd else None

    def _ends(self, text: str, end: int) -> bool:
        return not self.whole_words or end >= len(text) or not _is_word(text[end])


@lru_cache(maxsize=64)
def _issues_index(cue_sets: tuple[tuple[tuple[str, ...], bool], ...]) -> IssuesIndex:
    return IssuesIndex(cue_sets)


class IssuesIndex:
    """Where each of several cue sets (an issue's cues, whole words or not) first matches in a text,
    as CueIndex.first would say for each, in one pass over the text's word starts instead of one per
    issue: a statement is read once, not once per issue of the corpus."""

    def __init__(self, cue_sets: tuple[tuple[tuple[str, ...], bool], ...]) -> None:
        self.whole_words = [whole for _, whole in cue_sets]
        self.filed: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.short: list[tuple[str, int]] = []
        self.odd: list[tuple[int, re.Pattern[str]]] = []
        for k, (cues, whole_words) in enumerate(cue_sets):
            one = _cue_index(cues, whole_words)
            for prefix, filed in one.filed.items():
                self.filed[prefix].extend((cue, k) for cue in filed)
            self.short.extend((cue, k) for cue in one.short)
            if one.odd is not None:
                self.odd.append((k, one.odd))

    def first_each(self, text: str) -> list[int | None]:
        """For each cue set, where its first cue starts in ``text`` (None: nowhere)."""
        found: list[int | None] = [None] * len(self.whole_words)
        left = len(found)
        for word in WORD_START.finditer(text):
            at = word.start()
            for cue, k in (*self.filed.get(text[at : at + PREFIX], ()), *self.short):
                if found[k] is None and text.startswith(cue, at) and self._ends(text, at + len(cue), k):
                    found[k] = at
                    left -= 1
            if not left:
                break
        for k, pattern in self.odd:
            odd = pattern.search(text)
            if odd and (found[k] is None or odd.start() < cast(int, found[k])):
                found[k] = odd.start()
        return found

    def _ends(self, text: str, end: int, k: int) -> bool:
        return not self.whole_words[k] or end >= len(text) or not _is_word(text[end])


def _is_word(char: str) -> bool:
    r"""A character the regex class \w matches (Unicode letters and digits, and the underscore)."""
    return char.isalnum() or char == "_"


def issue_starts(bodies: Sequence[str], issues: Sequence[Issue]) -> list[list[int | None]]:
    """For each statement's normal form, where each issue's first cue starts (None: nowhere), as
    ``IssuesIndex.first_each`` says, for every statement at once: an issue's cues are one RE2
    pattern that Arrow runs over all the statements in one pass (a linear-time automaton in C; the
    word-by-word scan in Python was a third of the positions' CPU, issue #19). RE2's word boundary
    is ASCII's, so on a statement with other characters it may also match where a letter of
    another script touches the cue: there its first match is checked as the scan would, and the
    statement scanned when it fails. Issues with a cue not of ASCII word characters at its start
    are scanned as before."""
    found: list[list[int | None]] = [[None] * len(issues) for _ in bodies]
    if not bodies or not issues:
        return found
    array = pa.array(bodies, pa.string())
    scanned = []
    for k, issue in enumerate(issues):
        pattern = _automaton(issue.cues, issue.whole_words)
        try:
            hits = None if pattern is None else pc.find_substring_regex(array, pattern)
        except pa.ArrowInvalid:  # a cue RE2 does not take as Python escaped it
            hits = None
        if hits is None:
            scanned.append(k)
            continue
        hits = hits.to_numpy(zero_copy_only=False)
        for n in np.flatnonzero(hits >= 0).tolist():
            found[n][k] = _checked_start(bodies[n], int(hits[n]), issue)
    if scanned:
        index = _issues_index(tuple((issues[k].cues, issues[k].whole_words) for k in scanned))
        for n, body in enumerate(bodies):
            for k, at in zip(scanned, index.first_each(body), strict=True):
                found[n][k] = at
    return found


@lru_cache(maxsize=64)
def _automaton(cues: tuple[str, ...], whole_words: bool) -> str | None:
    """An issue's cues as one RE2 pattern matching at a word start (and ending at a word end, for
    whole words); None when a cue is empty, not ASCII, or starts with no word character."""
    if not cues or any(not c or not c.isascii() or not _is_word(c[0]) for c in cues):
        return None
    alternatives = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True))
    return rf"\b(?:{alternatives})" + (r"(?:\W|$)" if whole_words else "")


def _checked_start(body: str, offset: int, issue: Issue) -> int | None:
    """The first start of the issue's cues given RE2's first match at byte ``offset``: the same
    on ASCII text; on other text the match's character offset when a cue matches there as the
    word-start scan reads it, else the scan's own answer."""
    if body.isascii():
        return offset
    at = len(body.encode()[:offset].decode())
    index = _cue_index(issue.cues, issue.whole_words)
    if (
        WORD_START.match(body, at)
        and any(  # a cue starting here is filed under its first letters
            body.startswith(cue, at) and index._ends(body, at + len(cue))
            for cue in (*index.filed.get(body[at : at + PREFIX], ()), *index.short)
        )
    ):
        return at
    return _issues_index(((issue.cues, issue.whole_words),)).first_each(body)[0]
