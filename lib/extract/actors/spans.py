"""Candidate name spans of one document: spaCy entities, registry hits, gazetteer hits, minus non-actors."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from lib.extract.actors.registry import Registry
from lib.extract.dates.patterns import lexicon as date_words
from lib.extract.quotes.cues import load_cues
from lib.records import Actor, Document
from lib.text.aliases import fold, handle_key
from lib.text.nlp import doc_ents

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
# Where candidates overlap, the longer span wins; on a tie, the more trusted source.
TRUST = {
    "registry": 5,
    "handle": 5,
    "seat": 4,
    "adjective": 3,
    "ner": 2,
    "country": 1,
    "place": 1,
    "organization": 1,
    "cue": 0,
}
# A run of capitalised words (initials, hyphens, apostrophes and "&" inside; "of", "de", "van"
# between): the shape of a name where the model tagged nothing. A particle is a whole word
# between capitalised words: "Hawks defense" is no run "Hawks de".
CAP_RUN = re.compile(
    r"(?<![\w#@])[A-Z][\w'&.-]*(?:[ ](?:[A-Z][\w'&.-]*|(?:of|de|du|van|von|al|el)(?=[ ][A-Z])))*"
)
_HANDLE = re.compile(r"(?<![\w#@])[#@]\w{2,}")
# ", the Freedonian leader", ", a spokesman for": an apposition that names a role
_ROLE_APPOSITION = re.compile(r",[ ](?:the|a|an)[ ](?:[\w'’-]+[ ]){0,2}?([a-z]+)\b")
_BRACKETED = re.compile(r"[ ]\(([A-Z][\w.' -]{1,30}?)\)")
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’]|[\s,;:])+$")
# Trailing lower-case words are not part of a name ("Varnex cables" in a headline).
_LOWER_TAIL = re.compile(r"(?:\s+(?:[a-z][\w-]*|\d[\d.,:-]*))+$")
# A model span that opens on a function word ("Later Olena Petrenko") starts after it.
_NOT_NAME_POS = frozenset({"ADV", "CCONJ", "SCONJ", "ADP", "DET", "PRON", "VERB", "AUX", "PART", "INTJ"})


@dataclass(frozen=True)
class Cand:
    start: int
    end: int
    source: str  # a key of TRUST
    label: str  # spaCy label, or "country" / "place" for gazetteer hits
    actor_id: str | None = None  # known at detection for registry, seat, handle and adjective hits


class DocContext:
    """A document with its parse, the registry, and what is known about its layout."""

    def __init__(self, doc: Document, sdoc: SpacyDoc, registry: Registry) -> None:
        self.doc, self.sdoc, self.reg = doc, sdoc, registry
        self.text = doc.text

    @cached_property
    def credit_regions(self) -> list[tuple[int, int]]:
        """Photo and wire credits: credit blocks, "© Name/AP" to end of line, "With EFE and Reuters"."""
        regions = [(b.start, b.end) for b in self.doc.blocks if b.kind == "credit"]
        for marker in self.reg.filters.credit_markers:
            for m in re.finditer(re.escape(marker), self.text):
                eol = self.text.find("\n", m.end())
                regions.append((m.start(), len(self.text) if eol < 0 else eol))
        regions.extend(self._wire_lines())
        return regions

    def _wire_lines(self) -> Iterator[tuple[int, int]]:
        for m in re.finditer(r"^[^\n]+$", self.text, re.MULTILINE):
            words = m.group(0).split()
            if len(words) <= 8 and self._credits_wires(m.group(0)):
                yield m.start(), m.end()

    def _credits_wires(self, line: str) -> bool:
        head = fold(line.strip())
        if not any(head.startswith(o + " ") for o in self.reg.filters.credit_openers):
            return False
        names = re.split(r",|\band\b|\by\b|\bet\b|/", line.strip().split(None, 1)[-1])
        return all(n.strip(" .") in self.reg.filters.agencies for n in names if n.strip(" ."))

    @cached_property
    def _cue_prefixes(self) -> list[str]:
        cues = self.reg.filters.org_cues
        if not cues:
            return []
        # a possessive cue may take one modifier before its noun ("X's media division", "X's new owners")
        alternation = "|".join(
            r"'s[ ](?:[a-z][a-z-]*[ ])?" + re.escape(c[3:]) if c.startswith("'s ") else re.escape(c)
            for c in cues
        )
        text = self.text.replace("’", "'")
        found = re.finditer(rf"(?:\s+|(?='))(?:{alternation})\b", text, re.IGNORECASE)
        return [text[max(0, m.start() - 80) : m.start()] for m in found]

    def has_org_cue(self, surface: str) -> bool:
        """Whether the text anywhere writes the name as a company or body ("Magna shares")."""
        return any(
            p.endswith(surface) and (len(p) == len(surface) or not p[-len(surface) - 1].isalnum())
            for p in self._cue_prefixes
        )

    def country_in_brackets(self, end: int) -> bool:
        """Whether " (Russia)", " (U.S.)" follows: results and rosters name people so."""
        m = _BRACKETED.match(self.text, end)
        if m is None:
            return False
        registered = self.reg.actor(self.reg.names.get(m.group(1)) or "")
        return self.reg.gazetteer.get(m.group(1)) == "country" or (
            registered is not None and registered.type == "country"
        )

    def in_credit(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.credit_regions)

    def parsed(self, start: int, end: int) -> SpacySpan | None:
        """The parse's tokens over [start, end), widened to whole tokens (None without a parse)."""
        return self.sdoc.char_span(start, end, alignment_mode="expand") if self.sdoc is not None else None

    def is_agent(self, cand: Cand) -> bool:
        """Whether the span acts: subject of a verb, or the agent of a passive ("by Russia")."""
        span = self.parsed(cand.start, cand.end)
        if span is None or not len(span):
            return False
        root = span.root
        return root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.dep_ == "agent")

    def words_before(self, start: int, n: int) -> list[str]:
        return fold(self.text[max(0, start - 60) : start]).split()[-n:]

    def words_after(self, end: int, n: int) -> list[str]:
        return re.findall(r"[\w'-]+", fold(self.text[end : end + 60]))[:n]


def _trim(text: str, start: int, end: int, model: bool = False) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive or punctuation ("The Russian Navy’s")."""
    surface = text[start:end]
    lead = _LEADING.match(surface)
    start += lead.end() if lead and lead.end() < len(surface) else 0
    if model:
        start, end = _without_unpaired_bracket(text, start, end)
    for pattern in (_TRAILING, _LOWER_TAIL, _TRAILING) if model else (_TRAILING,):
        tail = pattern.search(text[start:end])
        end -= len(tail.group(0)) if tail and tail.start() > 0 else 0
    return start, end


def _without_unpaired_bracket(text: str, start: int, end: int) -> tuple[int, int]:
    """A bracket the model ran into is no part of the name: "Liam Carver (Australia" and
    "Lindsay)" end before it, "(NAPM" and "Oleg] Tarasenko" (of "[Oleg] Tarasenko") start
    after it."""
    surface = text[start:end]
    for opening, closing in ("()", "[]"):
        if surface.count(opening) == surface.count(closing):
            continue
        at = min(surface.find(b) for b in (opening, closing) if b in surface)
        mark = surface[at]
        if at == 0 or (mark == closing and at < len(surface.rstrip()) - 1):
            rest = surface[at + 1 :].lstrip()
            return _without_unpaired_bracket(text, end - len(rest), end)
        return start, start + at
    return start, end


def _ner(ctx: DocContext) -> Iterator[Cand]:
    for ent in doc_ents(ctx.sdoc):
        if ent.label_ in NER_LABELS:
            first = ent[1:] if len(ent) > 1 and ent[0].pos_ in _NOT_NAME_POS else ent
            start, end = _trim(ctx.text, first.start_char, ent.end_char, model=True)
            if ent.label_ == "PERSON":
                start = _after_leading_title(ctx, start, end)
                start = _with_first_name(ctx, start, end)
                end = _before_possessive(ctx.text, start, end)
                end = _before_stutter(ctx.text, start, end)
            end = _before_colon(ctx.text, start, end)
            if ent.label_ != "PERSON":
                end = _before_title_or_day(ctx, start, end)
            person = _named_with_country(ctx, start, end) or _titled(ctx, start, end)
            label = "PERSON" if person else ent.label_
            if label == "PERSON" and ctx.reg.gazetteer.get(ctx.text[start:end]) == "organization":
                label = "ORG"  # a listed body, whatever the model says (places.yaml organizations)
            for s, e in _conjuncts(ctx.text, start, end) if label == "PERSON" else [(start, end)]:
                yield _split_title(ctx, Cand(s, e, "ner", label))


def _conjuncts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Avery and Quill" read as one person is two names: split at "and" / "&" between
    capitalised words (a person's name holds no conjunction)."""
    m = re.search(r"[ ](?:and|&)[ ](?=[A-Z])", text[start:end])
    if m is None or not text[start:end][:1].isupper():
        return [(start, end)]
    return [(start, start + m.start()), (start + m.end(), end)]


def _before_possessive(text: str, start: int, end: int) -> int:
    """ "Ann Avery's Twitter" read as a person is Ann Avery: a person's name holds no possessive."""
    m = re.search(r"['’]s[ ]", text[start:end])
    return start + m.start() if m and m.start() > 0 else end


# a word written twice side by side, not run on into a hyphenated name ("Boutros Boutros-Ghali")
_STUTTER = re.compile(r"(?<![\w'-])(\w+)[ ]+\1(?![\w'-])")


def _before_stutter(text: str, start: int, end: int) -> int:
    """ "Ann Avery Avery" is Ann Avery: a word written twice at a name's end is the text's stutter (a
    caption run into its byline, a page's name field scraped twice), not a part of the name. Two
    words alone ("Avery Avery") are cut only where the text also writes the word after another
    name word ("Ann Avery"): some people do bear one name twice."""
    m = _STUTTER.search(text, start, end)
    if m is None or m.end() != end:
        return end
    word = m.group(1)
    if m.start() > start or _another_name_before(text, word):
        return m.start() + len(word)
    return end


def _another_name_before(text: str, word: str) -> bool:
    """The text writes ``word`` after a capitalised word other than itself ("Ann Avery")."""
    w = re.escape(word)
    return re.search(rf"(?<![\w'-])(?!{w}[ ])[A-Z]\w+[ ]+{w}(?![\w'-])", text) is not None


def _before_colon(text: str, start: int, end: int) -> int:
    """ "Ann Avery: Indeed" read as one name is Ann Avery: a transcript's speaker label ends at its
    colon, and no name of a person or a body holds one."""
    at = text.find(": ", start, end)
    return at if at > start else end


def _after_leading_title(ctx: DocContext, start: int, end: int) -> int:
    """ "Mr Varlamov", "Dr. Rao": the name starts after the title (CoNLL-2003 and ACE leave titles
    out), so that "Mr Varlamov" and "Pavel Varlamov" are one person."""
    first, _, rest = ctx.text[start:end].partition(" ")
    if rest and first[:1].isupper() and first in ctx.reg.filters.person_titles:
        return end - len(rest)
    return start


def _with_first_name(ctx: DocContext, start: int, end: int) -> int:
    """ "Rahmat Idris" tagged "Idris": a one-word person's name starts at the capitalised word right
    before it that the parser reads as a proper noun compounded with it, where that word opens the
    capitalised run (no name, title or role before it) and names nothing else (a title, a role, a
    state, a nationality, a month). The model often misses a first name it has never seen."""
    span = ctx.parsed(start, end)
    if span is None or len(span) != 1 or span.start == 0:
        return start
    word = span.doc[span.start - 1]
    text = word.text
    if (
        word.tag_ != "NNP"
        or word.dep_ != "compound"
        or word.head.i != span.start
        or word.idx + len(text) + 1 != start
        or ctx.text[start - 1] != " "
        or not (text.isalpha() and text[:1].isupper() and text[1:].islower() and len(text) >= 2)
        or (not word.is_sent_start and _capitalised_before(word))
    ):
        return start
    filters = ctx.reg.filters
    known = filters.person_titles | filters.person_roles | filters.abbreviations | filters.org_suffixes
    folded = fold(text)
    if (
        text in known
        or folded in filters.non_actors
        or folded in ctx.reg.demonyms
        or ctx.reg.gazetteer.get(text) is not None
        or ctx.reg.names.get(text) is not None
        or text in calendar_words()
    ):
        return start
    return word.idx


# A capitalised name right after a span: what a title at the span's end stands before.
_NAME_AFTER = re.compile(r"\.?[ ][A-Z][a-z]")


def _before_title_or_day(ctx: DocContext, start: int, end: int) -> int:
    """A body's or place's span that ran into the words after its name ends before them: a title
    before a person's name ("Lowtown Homicide Capt. Ray Dorn": the title is the person's, the
    body is "Lowtown Homicide"), a weekday or a holiday ("the Brindle Mills Ltd Christmas
    party": the company's party). The name keeps two words or more after a day ("Bloody Sunday"
    stays), one or more before a title."""
    words = ctx.text[start:end].split(" ")
    if len(words) < 2:
        return end
    last = words[-1]
    titles = ctx.reg.filters.person_titles
    if _NAME_AFTER.match(ctx.text, end):
        for size in (2, 1):  # "Vice President", then "Capt"
            title = " ".join(words[-size:])
            rest = words[:-size]
            if not (title[:1].isupper() and (title in titles or title + "." in titles)):
                continue
            if rest and rest[-1][:1].isupper():  # not "Department of Justice": "of" names the field
                return end - len(title) - 1
            break  # the span is a title ("Rear Admiral"), or its field
    if len(words) >= 3 and last in _days():
        return end - len(last) - 1
    return end


@lru_cache(maxsize=1)
def _days() -> frozenset[str]:
    """Weekdays and one-word holidays as the date lexicon writes them ("Friday", "Christmas")."""
    lexicon = date_words()
    return frozenset(w for key in ("weekdays", "holidays") for w in lexicon[key] if " " not in w)


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and weekday names as the date lexicon writes them ("May", "Sept", "Friday")."""
    return frozenset(w for key in ("months", "weekdays") for w in date_words()[key])


def _capitalised_before(word: Token) -> bool:
    """Whether the word before ``word`` in its sentence is capitalised (a longer run of names)."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    return before is not None and before.text[:1].isupper()


def _titled(ctx: DocContext, start: int, end: int) -> bool:
    """ "Ambassador Montano", "President Okafor": a capitalised title right before a name the
    model calls a place or a body makes it a person; so does an apposition naming a role after
    it ("Rufus Firefly, the Freedonian leader")."""
    before = ctx.text[max(0, start - 30) : start].split()
    titles = ctx.reg.filters.person_titles
    name = ctx.text[start:end]
    if not name.strip():
        return False
    if before and before[-1][:1].isupper() and (before[-1] in titles or " ".join(before[-2:]) in titles):
        return name.lstrip()[:1].isupper()
    apposition = _ROLE_APPOSITION.match(ctx.text, end)
    return apposition is not None and apposition.group(1).lower() in ctx.reg.filters.person_roles


def _named_with_country(ctx: DocContext, start: int, end: int) -> bool:
    """ "Liam Carver (Australia)": two or three capitalised words and a country in
    brackets are a person (measured on CoNLL-2003 dev: 297 people, 3 clubs)."""
    words = ctx.text[start:end].split(" ")
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[-1].rstrip(".") not in ctx.reg.filters.org_suffixes
        and ctx.reg.gazetteer.get(" ".join(words)) is None
        and ctx.country_in_brackets(end)
    )


def _split_title(ctx: DocContext, cand: Cand) -> Cand:
    """ "Peru Rosa Quintana" (from "President of Peru ...") is a state, then a person.

    The state is found again by the gazetteer scan; the candidate keeps the person's name.
    """
    words = ctx.text[cand.start : cand.end].split(" ")
    filters = ctx.reg.filters
    for n in (1, 2):
        head, rest = " ".join(words[:n]), words[n:]
        registered = ctx.reg.actor(ctx.reg.names.get(head) or "")
        known = ctx.reg.gazetteer.get(head) == "country" or (registered and registered.type == "country")
        name = " ".join(rest)
        if (
            known
            and 2 <= len(rest) <= 3
            and all(w[:1].isupper() for w in rest)
            and rest[-1] not in filters.org_suffixes
            and ctx.reg.gazetteer.get(name) is None  # "U.S. Supreme Court": a known body, no person
        ):
            held = ctx.reg.names.get(name)
            person = ctx.reg.actor(held or "")
            if held is None:
                return Cand(cand.end - len(name), cand.end, "ner", "PERSON")
            if person is not None and person.type == "person":  # a principal the registry holds
                return Cand(cand.end - len(name), cand.end, "registry", "PERSON", person.id)
    return _split_office(ctx, cand)


def _split_office(ctx: DocContext, cand: Cand) -> Cand:
    """ "Harbour Council Speaker Ann Avery", "the Harbour Council Ann Avery" (from "Deputy Chair of
    the Harbour Council Ann Avery"): a body's name or an office, then a person's name, read as one
    body. The person is the last two or three capitalised words after a title ("Speaker",
    "Minister"), or after a body's last word ("Council") when they open with a known first name;
    the candidate keeps the person, as CoNLL-2003 and ACE tag them apart."""
    if cand.label == "PERSON" or cand.actor_id is not None:
        return cand
    words = ctx.text[cand.start : cand.end].split(" ")
    filters = ctx.reg.filters
    for size in (2, 3):
        if len(words) < size + 2:
            continue
        before, rest = words[-size - 1], words[-size:]
        if not all(w[:1].isupper() and w[1:].islower() for w in rest if w.replace("-", "").isalpha()):
            continue
        if not all(w.replace("-", "").isalpha() for w in rest) or rest[-1] in filters.org_suffixes:
            continue
        titled = before in filters.person_titles
        known_first = fold(rest[0]) in filters.first_names or fold(rest[0]) in filters.common_first_names
        if titled or (before in filters.org_suffixes and known_first):
            name = " ".join(rest)
            if ctx.reg.gazetteer.get(name) is None and ctx.reg.names.get(name) is None:
                return Cand(cand.end - len(name), cand.end, "ner", "PERSON")
    return cand


def _registry_hits(ctx: DocContext) -> Iterator[Cand]:
    reg, text = ctx.reg, ctx.text
    hits = [
        (start, end, actor_id, _bare_name(reg, actor_id, text[start:end]))
        for start, end, actor_id in reg.names.scan(text)
    ]
    named = {actor_id for _, _, actor_id, bare in hits if not bare}
    for start, end, actor_id, bare in hits:
        if bare and (actor_id not in named or _qualified(text, start, end, _own_words(reg, actor_id))):
            continue
        yield Cand(*_trim(text, start, end), "registry", "registry", actor_id)
    for start, end, actor_id in reg.seats.scan(text):
        yield Cand(*_trim(text, start, end), "seat", "seat", actor_id)
    for start, end, place_kind in reg.gazetteer.scan(text):
        yield Cand(start, end, place_kind, place_kind)
    for m in _HANDLE.finditer(text):
        handle_of = reg.handles.get(handle_key(m.group(0)))
        if handle_of:
            yield Cand(m.start(), m.end(), "handle", "handle", handle_of)
    for start, end, actor_id in reg.adjectives.scan(text):
        if ctx.words_after(end, 1) and ctx.words_after(end, 1)[0] in reg.adjective_heads:
            yield Cand(start, end, "adjective", "adjective", actor_id)


# A body's name without its owner's ("Security Council", "the Alliance") is the head other bodies
# share: a state's council, a party's alliance. Qualified by another owner it is that owner's: a
# possessive before it ("Eastland's Security Council", "the country's"), a name word before it
# ("the Eastlandic Security Council", "the Collective Security Council": a longer name it ends), or
# "of" and a name after it ("the Security Council of Eastland"). Unqualified it is the registry's
# body only in a report that also names that body by its own name ("the UN", "NATO"), where it is
# the short form.
_OWNER_BEFORE = re.compile(r"(?:\b[A-Z][\w.-]*(?:['’]s?)?|\b\w+['’]s?)[ \t]+$")
_OWNER_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")


def _own_words(reg: Registry, actor_id: str) -> frozenset[str]:
    """The words of a body's own name and acronyms ("united", "nations", "un")."""
    actor = reg.actor(actor_id)
    return frozenset() if actor is None else _name_words(actor)


@lru_cache(maxsize=256)  # the registry's few dozen actors, read at every one of their hits
def _name_words(actor: Actor) -> frozenset[str]:
    acronyms = [a for a in actor.aliases if a.replace(".", "").isupper()]
    return frozenset(w.replace(".", "") for n in (actor.name, *acronyms) for w in fold(n).split())


def _bare_name(reg: Registry, actor_id: str, surface: str) -> bool:
    """A registry organisation's alias that holds no word of the organisation's own name."""
    actor = reg.actor(actor_id)
    if actor is None or actor.type != "organization":
        return False
    return not {w.replace(".", "") for w in fold(surface).split()} & _own_words(reg, actor_id)


def _qualified(text: str, start: int, end: int, own: frozenset[str]) -> bool:
    """A name qualified by another owner than the body whose words are ``own`` (``_OWNER_BEFORE``,
    ``_OWNER_AFTER``). A sentence's first word before it ("Yesterday Security Council members
    ...") and the body's own name ("UN Security Council") do not qualify it."""
    before = _OWNER_BEFORE.search(text, max(0, start - 60), start)
    if before is not None:
        word = before.group().split()[0]
        possessive = word.endswith(("'s", "’s", "'", "’"))
        bare = fold(re.sub(r"['’]s?$", "", word)).replace(".", "")
        if bare not in own and bare != "the" and (possessive or not _sentence_start(text, before.start())):
            return True
    return _OWNER_AFTER.match(text, end) is not None


def _sentence_start(text: str, at: int) -> bool:
    head = text[max(0, at - 3) : at].rstrip()
    return not head or head[-1] in '.!?\n"“'


def _cue_hits(ctx: DocContext) -> Iterator[Cand]:
    """Untagged capitalised runs that a cue types: a company suffix ("Okafor Holdings Ltd") or a
    title before a name ("Mr Okafor", "coach Ruiz"). Cue lists in the spirit of Mikheev, Moens &
    Grover (1999), "Named entity recognition without gazetteers" (internal and external evidence)."""
    filters = ctx.reg.filters
    ends = {e.end_char for e in doc_ents(ctx.sdoc)}
    for run in CAP_RUN.finditer(ctx.text):
        start, end = _trim(ctx.text, *_before_sentence_end(ctx.text, *run.span(), filters.abbreviations))
        end -= _final_stop(ctx.text[start:end], filters.abbreviations)
        if end in ends:
            continue  # the model has a name here; its span stands
        words = ctx.text[start:end].split(" ")
        if len(words) >= 2 and words[-1].rstrip(".") in filters.org_suffixes and words[0] != "The":
            yield Cand(start, end, "cue", "ORG")
        name = _after_title(ctx, start, words)
        if name is not None:
            yield Cand(end - len(name), end, "cue", "PERSON")
        elif _named_with_country(ctx, start, end):
            yield Cand(start, end, "cue", "PERSON")


def _speaker_hits(ctx: DocContext) -> Iterator[Cand]:
    """Untagged people who speak: proper nouns the parse makes the subject of a verb of saying,
    where the model tagged nothing ("Rory Tamm said"; "Tamm said" where the report also writes
    "Ian Tamm's"). A source quoted by name is a person or a body (external evidence, as for
    _cue_hits); a common first name says which, so a lone word with none ("Comelvex said", a
    company) is left as it was."""
    speech = load_cues().speech
    firsts = ctx.reg.filters.common_first_names
    for tok in ctx.sdoc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.ent_type_ or not tok.is_title:
            continue
        if tok.head.lower_ not in speech or (tok.i + 1 < len(ctx.sdoc) and ctx.sdoc[tok.i + 1].text == "-"):
            continue
        first = tok.i
        while first > 0 and ctx.sdoc[first - 1].dep_ == "compound" and ctx.sdoc[first - 1].is_title:
            first -= 1
        span = ctx.sdoc[first : tok.i + 1]
        if any(t.ent_type_ or t.pos_ != "PROPN" for t in span):
            continue
        if len(span) > 1:
            named = fold(span[0].text) in firsts  # "Rory Tamm said"
            spans = [(span.start_char, span.end_char)] if named else []
        else:  # "Tamm said": a person's only where the report gives the full name ("Ian Tamm's")
            full = _full_name_of(ctx.text, tok.text, firsts)
            spans = [(span.start_char, span.end_char), *full] if full else []
        for start, end in spans:
            yield Cand(start, end, "cue", "PERSON")


def _full_name_of(text: str, surname: str, firsts: frozenset[str]) -> list[tuple[int, int]]:
    """Where the report writes ``surname`` after a common first name ("Ian Tamm’s"), if it
    writes it after one first name only."""
    found = [
        m for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", text) if fold(m.group(1)) in firsts
    ]
    return [m.span() for m in found] if len({m.group(1) for m in found}) == 1 else []


def _before_sentence_end(text: str, start: int, end: int, keep: frozenset[str]) -> tuple[int, int]:
    """A capitalised run stops at a full stop that ends a sentence ("Mr Varlamov. They are"):
    one after a word that is no abbreviation ("Mr.", "Inc.") or initial ("E.", "U.S.")."""
    for word in re.finditer(r"\S+", text[start:end]):
        if word.end() < end - start and _final_stop(word.group(0), keep):
            return start, start + word.end()
    return start, end


def _final_stop(surface: str, keep: frozenset[str]) -> int:
    """1 when the run ends on a full stop that is not part of an abbreviation ("Inc.", "U.S.")."""
    last = surface.split(" ")[-1]
    abbreviation = last[:-1] in keep or len(last) <= 2 or "." in last[:-1]
    return 1 if last.endswith(".") and not abbreviation else 0


def _after_title(ctx: DocContext, start: int, words: list[str]) -> str | None:
    """The name after a title: inside the run ("President Okafor") or just before it ("coach Ruiz")."""
    titles = ctx.reg.filters.person_titles
    before = ctx.text[max(0, start - 30) : start].split()
    lead = next((n for n in (2, 1) if " ".join(words[:n]) in titles), 0)
    if not lead and not (before and before[-1] in titles and before[-1].islower()):
        return None
    rest = words[lead:]
    ok = 1 <= len(rest) <= 3 and all(w[:1].isupper() and w not in titles for w in rest)
    if (
        not ok
        or ctx.reg.gazetteer.get(" ".join(rest))
        or rest[-1].rstrip(".") in ctx.reg.filters.org_suffixes
    ):
        return None
    return " ".join(rest)


def _select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longest first, then the most trusted source."""
    ranked = sorted(cands, key=lambda c: (c.start - c.end, -TRUST[c.source], c.start))
    # the kept spans in text order: none empty and none overlapping, so their ends are in order
    # too, and the one that may overlap a candidate is the last starting before its end
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Cand] = []
    for c in ranked:
        if c.end <= c.start:
            continue
        i = bisect_left(starts, c.end)
        if i == 0 or ends[i - 1] <= c.start:
            starts.insert(i, c.start)
            ends.insert(i, c.end)
            kept.insert(i, c)
    return kept


def _is_ship(ctx: DocContext, cand: Cand) -> bool:
    """A name right after a vessel noun ("the guided missile cruiser Marshal Ustinov") is a ship."""
    filters = ctx.reg.filters
    first = ctx.text[cand.start : cand.end].split()[0]
    before = ctx.words_before(cand.start, 2)
    two = " ".join(before)
    return (
        first in filters.ship_prefixes
        or any(w in filters.ship_nouns for w in before[-1:])
        or two in filters.ship_nouns
    )


def _is_junk(ctx: DocContext, cand: Cand) -> bool:
    surface = ctx.text[cand.start : cand.end]
    if cand.source in ("handle", "adjective"):
        return False
    if not any(ch.isupper() for ch in surface) or not any(ch.isalpha() for ch in surface):
        return True
    if _in_compound(ctx.text, cand) or _is_event(ctx, cand) or fold(surface) in ctx.reg.demonyms:
        return True  # "a New York-based firm", "the U.S. Open", "Polish": not actors
    if cand.label == "PERSON" and any(ch.isdigit() for ch in surface):
        return True  # "3:30 a.m. Tuesday": no one's name has digits
    if cand.label == "PERSON" and _holds_common_words(ctx, surface):
        return True  # "the Birth of Modern Nation" closing a book's title, tagged as a person
    if cand.label == "PERSON" and _only_office_words(ctx, surface):
        return True  # "Head" of "the Deputy Head of the Secretariat", tagged as a person: an office, no name
    if _portfolio_of_title(ctx, surface, cand):
        return True  # "Finance" of "Finance Minister Ann Orr": part of her title, no body
    if fold(surface) in ctx.reg.filters.non_actors or _non_actor_head(ctx, surface, cand):
        return True  # a time zone, a tax, a section name, a title standing alone, a law, a weapon
    # "Jane Roe/Coast Herald": a photographer's credit closing a caption names no actor
    return surface in ctx.reg.filters.junk or "\n" in surface or " - " in surface or "/" in surface


# Lower-case words a personal name may hold between its capitalised ones ("Ann de Vries", "José dos
# Santos", "Saif al-Islam"): surname particles of the European and Arabic naming traditions.
NAME_PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "van",
        "von",
        "vom",
        "zu",
        "der",
        "den",
        "ter",
        "ten",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "bint",
        "ibn",
        "ben",
        "abu",
        "y",
        "e",
    }
)


def _holds_common_words(ctx: DocContext, surface: str) -> bool:
    """A person's name holds no lower-case word but a particle: a span the model tagged a person
    with "of" or "and" inside is a title or a phrase, unless a title opens it ("Prince of Wales")."""
    words = surface.split()
    if len(words) < 2 or words[0] in ctx.reg.filters.person_titles:
        return False
    return any(w[:1].islower() and w.split("-")[0] not in NAME_PARTICLES for w in words[1:])


def _only_office_words(ctx: DocContext, surface: str) -> bool:
    """Titles and nouns of office alone ("Head", "Deputy Minister") name no one."""
    offices = _offices(ctx.reg.filters.person_titles, ctx.reg.filters.person_roles)
    return all(w.lower().rstrip(".") in offices for w in surface.split())


@lru_cache(maxsize=4)
def _offices(titles: frozenset[str], roles: frozenset[str]) -> frozenset[str]:
    """The words of office, lower case and without a full stop: made once per registry, not per span."""
    return frozenset(t.lower().rstrip(".") for t in titles) | roles


def _portfolio_of_title(ctx: DocContext, surface: str, cand: Cand) -> bool:
    """One word of a government portfolio right before a word of office ("Finance Minister",
    "Interior Secretary", "Defence Ministry spokesman"): the model tags the capitalised word a body,
    but it is the title's, and the portfolio names no one; a registry name stands."""
    if cand.actor_id is not None or " " in surface or surface.lower() not in ctx.reg.filters.portfolios:
        return False
    after = ctx.text[cand.end : cand.end + 40].split(maxsplit=1)
    return bool(after) and after[0].lower().rstrip(".,") in _offices(
        ctx.reg.filters.person_titles, ctx.reg.filters.person_roles
    ) | {"ministry", "department"}


def _non_actor_head(ctx: DocContext, surface: str, cand: Cand) -> bool:
    """A name whose head noun is a law, programme, document or weapon ("the Clean Rivers Act")
    is a topic; a registry name stands."""
    words = surface.split()
    return cand.actor_id is None and len(words) > 1 and words[-1] in ctx.reg.filters.non_actor_heads


def _in_compound(text: str, cand: Cand) -> bool:
    """Glued by a hyphen to a word: "New York-based", "ex-Porto"."""
    glued_after = text[cand.end : cand.end + 1] == "-" and text[cand.end + 1 : cand.end + 2].isalpha()
    return glued_after or text[max(0, cand.start - 1) : cand.start] == "-"


def _is_event(ctx: DocContext, cand: Cand) -> bool:
    """An event's name, a name inside one ("Dubai" of "Dubai Open"), or its last word alone."""
    surface = ctx.text[cand.start : cand.end]
    suffixes = ctx.reg.filters.event_suffixes
    if len(surface.split()) > 1 and any(surface.endswith(" " + s) for s in suffixes):
        return True
    if cand.actor_id is None and surface in suffixes:
        return True  # "the Conference", "the Games": an event named before, by its last word
    after = ctx.text[cand.end : cand.end + 30].split()
    nxt = after[0].strip(".,;:") if after else ""
    return bool(nxt) and nxt[0].isupper() and any(fold(nxt) == fold(s.split()[0]) for s in suffixes)


# A club's nickname led by a numeral ("76ers", "49ers"): digits, then a plural word of three
# or more letters; "1990s" (digits and an "s") is a decade, no nickname.
_NUMERAL_NICKNAME = re.compile(r"[ ](?:\d+[a-z]{2,}s|\d+[A-Z]{2,}S)\b")


def _with_numeral_nickname(ctx: DocContext, cand: Cand) -> Cand:
    """ "Lowtown 76ers": a place and a numeral-led plural nickname name a club (as "Lowtown
    Herons" does); the model stops its span at the digits, where a capitalised run stops too."""
    if cand.source not in ("ner", "place", "country") or not ctx.text[cand.start : cand.start + 1].isupper():
        return cand
    nick = _NUMERAL_NICKNAME.match(ctx.text, cand.end)
    if nick is None:
        return cand
    return Cand(cand.start, nick.end(), "ner", "ORG")


def candidates(ctx: DocContext) -> list[Cand]:
    """The document's name spans that may be actors, without credits, ships and junk."""
    found = [*_ner(ctx), *_registry_hits(ctx), *_cue_hits(ctx), *_speaker_hits(ctx)]
    found = [_with_numeral_nickname(ctx, c) for c in found]
    found = [c for c in found if not ctx.in_credit(c.start, c.end)]
    kept = [c for c in _select(found) if not _is_junk(ctx, c) and not _is_ship(ctx, c)]
    return _without_named_things(ctx, kept)


# "the Northline 2 pipeline", "Harbourcup-2030": a number between a name and the noun it modifies
_NUMBER_AFTER = re.compile(r"[ -]?\d+\b")


def _without_named_things(ctx: DocContext, cands: list[Cand]) -> list[Cand]:
    """Without the names that only ever modify a thing's noun in the report ("the Zorvex variant",
    "the Northline 2 pipeline"): a name is the head of what it names, so one that always stands
    before a lower-case noun of a thing (thing_nouns: a variant, a pipeline, a project, a treaty)
    names that thing, a topic. A name the report also uses alone ("the Kremlin plan", "the
    Kremlin said") stays an actor; a registry name always does."""
    uses: dict[str, list[bool]] = defaultdict(list)
    for c in cands:
        uses[fold(ctx.text[c.start : c.end])].append(c.actor_id is None and _modifies_thing(ctx, c))
    things = {name for name, modifying in uses.items() if all(modifying)}
    return [c for c in cands if fold(ctx.text[c.start : c.end]) not in things]


def _modifies_thing(ctx: DocContext, cand: Cand) -> bool:
    end = cand.end
    number = _NUMBER_AFTER.match(ctx.text, end)
    if number is not None:
        end = number.end()
    after = ctx.text[end : end + 40].split()
    noun = after[0].strip(".,;:()\"'") if after else ""
    return noun.islower() and noun in ctx.reg.filters.thing_nouns
