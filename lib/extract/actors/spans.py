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

from lib.extract.actors.case import is_title_line, line_of
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


# A numbered road: its number is its name ("Interstate 61", "State Route 118", "Highway 3").
_ROAD_WORDS = frozenset({"interstate", "route", "highway", "hwy", "freeway", "motorway", "expressway"})
_ROAD_NUMBER = re.compile(r"[ ]\d{1,4}[A-Z]?(?![\w.,:/-]*\d)")


def _with_road_number(text: str, start: int, end: int) -> int:
    """The end of a road's name where a span ends in a road's word and its number follows, which
    _trim drops as a trailing number or the model tags apart (as a date or a cardinal): without
    it, every numbered road of a corpus would be one place "Interstate"."""
    words = text[start:end].split()
    number = _ROAD_NUMBER.match(text, end)
    if not words or number is None or fold(words[-1]).rstrip(".") not in _ROAD_WORDS:
        return end
    return number.end()


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
                start = _after_honorific_title(ctx, start, end)
                start = _with_first_name(ctx, start, end)
                end = _before_possessive(ctx.text, start, end)
                end = _before_stutter(ctx.text, start, end)
            end = _before_colon(ctx.text, start, end)
            road = _with_road_number(ctx.text, start, end) if ent.label_ != "PERSON" else end
            if road != end:  # "Interstate 61": the number is the road's name, the road a place
                yield Cand(start, road, "ner", "FAC")
                continue
            if ent.label_ != "PERSON":
                end = _before_title_or_day(ctx, start, end)
                venue = _venue_after(ctx.text, start, end)
                if venue is not None:  # "<Club> at <Name> Stadium": the club, then where it played
                    yield Cand(venue, end, "ner", "FAC")
                    end = ctx.text.rfind(" at ", start, venue)
            person = _named_with_country(ctx, start, end) or _titled(ctx, start, end)
            label = "PERSON" if person else ent.label_
            if label == "PERSON" and ctx.reg.gazetteer.get(ctx.text[start:end]) == "organization":
                label = "ORG"  # a listed body, whatever the model says (places.yaml organizations)
            for s, e in _conjuncts(ctx.text, start, end) if label == "PERSON" else [(start, end)]:
                cand = _split_title(ctx, Cand(s, e, "ner", label))
                yield cand
                body = _body_before(ctx, s, cand)
                if body is not None:
                    yield body


def _body_before(ctx: DocContext, start: int, person: Cand) -> Cand | None:
    """The body a model span ran into the person after it ("the Harbour Council Ann Avery"): its
    words before the person, where they end with a body's word (org_suffixes)."""
    if person.label != "PERSON" or person.start <= start:
        return None
    front = ctx.text[start : person.start].rstrip()
    words = front.split(" ")
    if len(words) < 2 or words[-1] not in ctx.reg.filters.org_suffixes:
        return None
    return Cand(start, start + len(front), "ner", "ORG")


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


def _after_honorific_title(ctx: DocContext, start: int, end: int) -> int:
    """ "Miss Galaxy Rosa Lind", "Mr. Cosmos Dan Kerr": an honorific takes a surname or a full name
    right after it, so where the word after it is followed by a full name that opens with a known
    first name, and is no first name itself, honorific and word are a title (a pageant's or a
    contest's) and the name starts at the first name."""
    words = ctx.text[start:end].split(" ")
    before = _word_before(ctx.text, start)
    if len(words) < 3 or before not in ctx.reg.filters.person_titles or ctx.text[start - 1 : start] != " ":
        return start
    firsts = ctx.reg.filters.common_first_names
    if fold(words[0]) in firsts or fold(words[1]) not in firsts or not words[2][:1].isupper():
        return start
    return start + len(words[0]) + 1


def _word_before(text: str, start: int) -> str:
    """The short word (an honorific's length) right before ``start``, spaces aside."""
    return text[max(0, start - 6) : start].rstrip(" ").rsplit(" ", 1)[-1]


def _honorific_title_alone(ctx: DocContext, surface: str, cand: Cand) -> bool:
    """One word after an honorific that the report also writes between the honorific and a full
    name ("Miss Galaxy Rosa Lind", see _after_honorific_title): the title on its own, no person."""
    before = _word_before(ctx.text, cand.start)
    if " " in surface or before not in ctx.reg.filters.person_titles:
        return False
    firsts = ctx.reg.filters.common_first_names
    pattern = rf"{re.escape(before)} {re.escape(surface)} ([A-Z][a-z]+) [A-Z]"
    return any(fold(m.group(1)) in firsts for m in re.finditer(pattern, ctx.text))


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


# The last word of a venue's name: where a team plays or an event is held.
_VENUE_WORDS = frozenset(
    {
        "Stadium",
        "Arena",
        "Field",
        "Park",
        "Ballpark",
        "Coliseum",
        "Colosseum",
        "Dome",
        "Speedway",
        "Centre",
        "Center",
        "Hall",
        "Gardens",
        "Ground",
        "Grounds",
        "Oval",
        "Bowl",
        "Theatre",
        "Theater",
    }
)


def _venue_after(text: str, start: int, end: int) -> int | None:
    """Where the venue starts in a span run across "at" into a venue's name ("<Club> at <Name>
    Stadium", "<Band> at <Name> Hall"): a name holds no "at" before a place where something
    happens; the name is the words before "at", the venue the capitalised words after it, ending
    in a venue's word. Not a campus ("University of <State> at <Town>": no venue's word)."""
    surface = text[start:end]
    at = surface.rfind(" at ")
    if at <= 0:
        return None
    before, after = surface[:at].split(" "), surface[at + 4 :].split(" ")
    if not all(w[:1].isupper() for w in before + after) or after[-1] not in _VENUE_WORDS or len(after) < 2:
        return None
    return start + at + 4


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


# Where a report names its source: right before the name ("according to", "told", "a report
# from") or right after it ("reported", "is reporting").
_SOURCE_BEFORE = re.compile(
    r"(?:according[ ]to|told|spoke[ ](?:to|with)|confirmed[ ]to|talked[ ]to|interview[ ]with|"
    r"reports?[ ](?:from|by|in)|reported[ ]by|quoted[ ]by|cited[ ]by)[ ]+(?:the[ ]+)?[\"'“‘]*$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"[\"'”’]*,?[ ]+(?:reported|reports|(?:is|are|was|were)[ ]reporting|said|says|quoted|cited|suggests|"
    r"suggested|wrote|writes|first[ ]reported)\b"
)
_ACRONYM = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})*")
_CHANNEL_NUMBER = re.compile(r"[ ]\d{1,3}(?!\d|[.,:]\d)")
_CAMEL_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|our)[ ]+$", re.IGNORECASE)


def _outlet_hits(ctx: DocContext) -> Iterator[Cand]:
    """Untagged outlets a report cites: a capitalised run where a report names its source
    ("according to <Name>", "told <Name>", "<Name> reported") that has an outlet's word ("Herald",
    "News", "TV"; also inside a name written as one word, "LowtownToday") or an acronym
    ("WXYZ-TV", "ABCD-EFGH"). The slot says a source, the shape says a body, not a person."""
    ends = {
        e.end_char for e in doc_ents(ctx.sdoc) if e.label_ in NER_LABELS
    }  # not "<Name>Today" read as a date
    words = ctx.reg.filters.outlet_words
    for run in CAP_RUN.finditer(ctx.text):
        start, end = _trim(
            ctx.text, *_before_sentence_end(ctx.text, *run.span(), ctx.reg.filters.abbreviations)
        )
        end -= _final_stop(ctx.text[start:end], ctx.reg.filters.abbreviations)
        start, end = _without_frame_words(ctx, start, end)
        if end <= start or end in ends:
            continue
        if not (
            _SOURCE_BEFORE.search(ctx.text, max(0, run.start() - 40), run.start())
            or _SOURCE_AFTER.match(ctx.text, end)
        ):
            continue
        end -= 1 if ctx.text[start:end].endswith(".") else 0  # "told <Name>.com."
        number = _CHANNEL_NUMBER.match(ctx.text, end) if ctx.text[start:end].endswith("Channel") else None
        end = number.end() if number else end  # a broadcaster named by its number: "<CALL> Channel 9"
        names = ctx.text[start:end].split(" ")
        parts = [p for w in names for p in (w, *_CAMEL_PART.findall(w))]
        # an acronym after no article: "the DA said", "the CEO told" name an office
        bare = _ARTICLE_BEFORE.search(ctx.text, max(0, start - 8), start) is None
        if any(p in words for p in parts) or (bare and any(_ACRONYM.fullmatch(w) for w in names)):
            yield Cand(start, end, "cue", "ORG")


def _without_frame_words(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    """A capitalised run without a function word opening a sentence ("As <Name> reported") and
    without weekdays and months after the name ("<Name> Monday"). Only a sentence's first word is
    capitalised for its place: mid-sentence ("told NINE Lowtown News", "spoke to THIS Week") a
    capitalised function word is the name's own."""
    words = ctx.text[start:end].split(" ")
    while words and words[-1].rstrip(".,") in calendar_words():
        end -= len(words.pop()) + 1
    first = ctx.parsed(start, start + len(words[0])) if words else None
    opening = _sentence_start(ctx.text, start) or (
        first is not None and len(first) > 0 and first[0].is_sent_start
    )
    if opening and len(words) > 1 and first is not None and len(first) == 1 and first[0].is_stop:
        start += len(words[0]) + 1
    return start, max(start, end)


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
    if cand.label == "PERSON" and _honorific_title_alone(ctx, surface, cand):
        return True  # "a former Miss Galaxy" where the report writes "Miss Galaxy Rosa Lind": her title
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


# "Minister of Economic Development", "Chairman of the Harbour Council", "Commander-in-Chief of
# the": a capitalised word of office, then "of" or "for" and a capitalised run.
_TITLE_OF = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?)[ ](?:of|for)[ ](?=(?:the[ ])?[A-Z])"
)
# The run after it: capitalised words, with "of", "on", "for", "and", "&" and "the" between them
# ("Reintegration of the Occupied Territories of Eastland Ann Avery").
_HELD_RUN = re.compile(
    r"(?:the[ ])?[A-Z][\w'’.-]*(?:[ ](?:[A-Z][\w'’.-]*|(?:of|on|for|and|&|the)(?=[ ](?:the[ ])?[A-Z])))*"
)
# A word of a personal name: capitalised, then lower-case letters ("Ann", "Anna-Lena", "O'Neil").
_NAME_WORD = re.compile(r"[A-Z][^\W\d_A-Z]+(?:[-'’][A-Z]?[^\W\d_A-Z]+)*")
_INITIAL = re.compile(r"[A-Z]\.")


def _titled_holders(ctx: DocContext, cands: list[Cand]) -> list[Cand]:
    """ "Minister of Forests and Water Management Ann Avery", "Chairman of the Harbour Council
    Ann Avery": a capitalised word of office, "of" or "for", the field or body the office is of,
    then its holder's name, all capitalised. The model reads the field as a body ("Forests and
    Water Management"), runs the field or body into the name ("Hospitals Ann Avery" as one
    body), or tags the surname alone (even as a place), and the holder is then a surname or a
    body. The holder is the run's last two words (three with a middle initial), or the model's
    own person of two or three words ending the run; the field is the title's and names no one
    (a span of it that is only portfolio words or words the report writes in lower case is
    dropped, as "Finance" of "Finance Minister"), and a body the model ran into the name keeps
    its own words ("Harbour Council")."""
    out = list(cands)
    abbreviations = ctx.reg.filters.abbreviations
    for title in _TITLE_OF.finditer(ctx.text):
        if not _office_word(ctx, title.group(1)):
            continue
        run = _HELD_RUN.match(ctx.text, title.end())
        if run is None:
            continue
        start, end = _before_sentence_end(ctx.text, *run.span(), abbreviations)
        end = _before_next_office(ctx, out, start, end)
        end -= _final_stop(ctx.text[start:end], abbreviations)
        possessive = _POSSESSIVE_END.search(ctx.text, start, end)
        end = possessive.start() if possessive else end  # "... Ann Avery's"
        start += 4 if ctx.text.startswith("the ", start) else 0
        holder = _holder(ctx, out, start, end)
        for cut in reversed(list(_PARTICLE.finditer(ctx.text, start, end))):
            if holder is not None:
                break
            holder = _holder(ctx, out, start, cut.start())  # "... Ann Avery on Friday", "... of Lowtown"
        out = _with_holder(ctx, out, start, end if holder is None else holder[1], holder)
    return out


_PARTICLE = re.compile(r"[ ](?:of|on|for|and|&|the)[ ]")
_POSSESSIVE_END = re.compile(r"(?:['’]s|['’])?$")


def _before_next_office(ctx: DocContext, cands: list[Cand], start: int, end: int) -> int:
    """The run ends before "and" and the next title ("... Oren Halvik and Minister of Economy ...")
    or the next person the model tags ("... Oren Halvik and Jaro Pellik signed")."""
    for m in re.finditer(r"[ ](?:and|&)[ ]([A-Z][\w-]*)", ctx.text[start:end]):
        after = start + m.start(1)
        if _office_word(ctx, m.group(1)) or any(
            c.source == "ner" and c.label == "PERSON" and c.start == after for c in cands
        ):
            return start + m.start()
    return end


def _office_word(ctx: DocContext, word: str) -> bool:
    """A word of office as a title before "of" ("Minister", "Chairman", "Commander-in-Chief")."""
    filters = ctx.reg.filters
    key = word.split("-")[-1].lower()
    return key in filters.person_roles or key in _offices(filters.person_titles, frozenset())


def _holder(ctx: DocContext, cands: list[Cand], start: int, end: int) -> tuple[int, int] | None:
    """The span of the holder's name at the end of the run [start, end) after a title and "of",
    or None: one word of the field before it at least, and name words only (not a portfolio, a
    body's word, a title, a place, a nationality, a month, nor a word the report writes in lower
    case: "Affairs" of "Foreign Affairs Avery" is no first name). Nor on a headline, where every
    word is capitalised."""
    words = ctx.text[start:end].split(" ")
    if len(words) < 3 or is_title_line(line_of(ctx.text, start)):
        return None
    for c in cands:  # the model's person of two or three name words ending the run
        name = ctx.text[c.start : c.end].split(" ")
        if (
            c.source == "ner"
            and c.label == "PERSON"
            and c.end == end
            and c.start > start
            and 2 <= len(name) <= 3
            and all(_INITIAL.fullmatch(w) or _name_word(ctx, w, lower_ok=True) for w in name)
            and (len(name) == 2 or _INITIAL.fullmatch(name[1]) or _first_name(ctx, name[0]))
        ):
            return c.start, c.end  # three words: a first name or a middle initial says so
    size = (
        3
        if len(words) >= 4 and (_INITIAL.fullmatch(words[-2]) or _tagged_first(ctx, cands, words, end))
        else 2
    )
    name, field = words[-size:], words[:-size]
    if not field[-1][:1].isupper():
        return None  # "Trade and Industry Development": the name would follow "and"
    tagged = any(c.source == "ner" and c.end == end for c in cands)
    if not (_name_word(ctx, name[0], lower_ok=False) and _name_word(ctx, name[-1], lower_ok=tagged)):
        return None
    return end - len(" ".join(name)), end


def _first_name(ctx: DocContext, word: str) -> bool:
    return fold(word) in ctx.reg.filters.common_first_names


def _tagged_first(ctx: DocContext, cands: list[Cand], words: list[str], end: int) -> bool:
    """The run's third word from the end is a first name the model tags a person on its own
    ("Hilda" of "Secretary of State Hilda Rosamund Carrow")."""
    at = end - len(" ".join(words[-3:]))
    return _name_word(ctx, words[-3], lower_ok=True) and any(
        c.source == "ner" and c.label == "PERSON" and c.start == at and c.end == at + len(words[-3])
        for c in cands
    )


def _name_word(ctx: DocContext, word: str, lower_ok: bool) -> bool:
    """A word that may be a part of a person's name in a title's run."""
    filters = ctx.reg.filters
    if _NAME_WORD.fullmatch(word) is None:
        return False
    folded = fold(word)
    if (
        folded in filters.portfolios
        or word in filters.org_suffixes
        or word in filters.event_suffixes
        or _office_word(ctx, word)
        or folded in ctx.reg.demonyms
        or folded in filters.non_actors
        or ctx.reg.gazetteer.get(word) is not None
        or word in calendar_words()
    ):
        return False
    return lower_ok or not _written_lower(ctx, word)


def _written_lower(ctx: DocContext, word: str) -> bool:
    """Whether the report writes the word in lower case somewhere (a common noun)."""
    return re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", ctx.text) is not None


def _only_field_words(ctx: DocContext, surface: str, places: bool = False) -> bool:
    """A span of a title's field: its words are portfolio words ("Forests and Water
    Management") or words the report writes in lower case, and none is a body's word; before a
    holder's name also places ("Minister of Forestry of Eastland Ann Avery")."""
    words = [w.strip(".,") for w in surface.split(" ") if w[:1].isupper()]
    portfolios, suffixes = ctx.reg.filters.portfolios, ctx.reg.filters.org_suffixes
    return bool(words) and all(
        w not in suffixes
        and (fold(w) in portfolios or _written_lower(ctx, w) or (places and ctx.reg.gazetteer.get(w)))
        for w in words
    )


def _with_holder(
    ctx: DocContext, cands: list[Cand], start: int, end: int, holder: tuple[int, int] | None
) -> list[Cand]:
    """The candidates with the holder's name as a person (if any): a model span over the field
    and the name keeps its words before the name unless they are only the title's field, a
    model span over the name alone gives way to it, and a model span of the field words alone
    goes."""
    hs, he = holder if holder is not None else (end, end)
    out: list[Cand] = []
    for c in cands:
        if (
            c.source != "ner"
            or c.actor_id is not None
            or c.end <= start
            or c.start >= he
            or c.start < start
            or c.end > he
        ):
            out.append(c)
            continue
        front = ctx.text[c.start : min(c.end, hs)].strip(" ,")
        if c.label not in ("ORG", "PERSON", "NORP") and c.end <= hs:
            out.append(c)  # a place in the field ("of Eastland")
        elif front and not _only_field_words(ctx, front, places=holder is not None):
            out.append(c if c.end <= hs else Cand(c.start, c.start + len(front), "ner", "ORG"))
    if holder is not None:
        out.append(Cand(hs, he, "ner", "PERSON"))
    return out


# "Parks and Heritage Eastland", "Roads and Bridges Service": capitalised words,
# "and", then capitalised words that end in a country or a body's word, the run ending there.
_CAP_WORD = r"[A-Z][\w'’-]*"
_COORDINATED = re.compile(
    rf"(?<![\w'’.-])((?:{_CAP_WORD}[ ]){{0,2}}{_CAP_WORD})[ ](?:and|&)[ ]"
    rf"((?:{_CAP_WORD}[ ]){{1,3}}{_CAP_WORD})(?![\w'’-]|[ ][A-Z])"
)
# "Ministry of Fisheries" then "and Forestry": one more field of a body named "... of <Field>".
_AND_FIELD = re.compile(rf"[ ](?:and|&)[ ]((?:{_CAP_WORD}[ ]){{0,2}}{_CAP_WORD})(?![\w'’-]|[ ][A-Z])")
_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


def _coordinated_bodies(ctx: DocContext, cands: list[Cand]) -> list[Cand]:
    """One body's name may hold "and" between its capitalised nouns ("Parks and Heritage
    Eastland", "Roads and Bridges Service", "Ministry of Fisheries and Forestry"); the model cuts it
    at "and", and the body is then its last words ("Heritage Eastland") or two bodies. Joined where
    the whole run is one name: the words after "and" end in a country or a body's word (or, after
    "<body's word> of <field>", are fields too), and the words before it name nothing on their own
    (no body's word, no place, not a name the model tags a body, place or full person's name in the
    report). Two bodies listed ("the Army and the Navy", "Varnexo and Lowtown Airlines" where the
    report tags Varnexo elsewhere, "Alpha, Beta and Gamma Bank") stay two."""
    out = list(cands)
    for m in _COORDINATED.finditer(ctx.text):
        start = _one_coordinated_name(ctx, out, m)
        if start is not None:
            end = m.end()
            out = [c for c in out if c.source != "ner" or c.end <= start or c.start >= end]
            out.append(Cand(start, end, "ner", "ORG"))
    return _with_more_fields(ctx, out)


_LEADING_ADJECTIVES = re.compile(r"(?:The[ ]|[A-Z][\w'’]*-[a-z][\w-]*[ ])*")


def _one_coordinated_name(ctx: DocContext, cands: list[Cand], m: re.Match[str]) -> int | None:
    """Where the one body's name starts, or None (_coordinated_bodies)."""
    reg, text = ctx.reg, ctx.text
    # the name starts after "The" and after an adjective of a name ("Lowtown-led", "Harbour-backed")
    leading = _LEADING_ADJECTIVES.match(m.group(1))
    lead = 0 if leading is None else leading.end()
    first, rest = m.group(1)[lead:], m.group(2)
    if not first:
        return None
    start = m.start() + lead
    words = rest.split(" ")
    country = reg.gazetteer.get(words[-1]) == "country"
    if not (country or words[-1] in reg.filters.org_suffixes):
        return None
    if country and any(w in _PLACE_QUALIFIERS or fold(w) in reg.demonyms for w in words[:-1]):
        return None  # "Lowtown and East Eastland": two places
    before = text[max(0, m.start() - 40) : m.start()].rstrip(" ")
    last_before = before.split(" ")[-1] if before else ""
    if before.endswith(",") or (last_before[:1].isupper() and last_before not in ("The", "(")):
        return None  # a list ("Alpha, Beta and ..."), or the run starts earlier
    first_words = first.split(" ")
    if any(w in reg.filters.org_suffixes for w in first_words):
        return None  # "Army and Air Force": two bodies
    if first_words[0] in _PLACE_QUALIFIERS or fold(first_words[-1]) in reg.place_heads:
        return None  # "West Wing and Lowtown Conference Centre": a place, then a body
    if reg.gazetteer.get(first) or reg.names.get(first) or reg.gazetteer.get(rest) or reg.names.get(rest):
        return None
    at_and = m.end(1) + 1
    if any(c.source == "ner" and c.start < at_and and c.end >= m.end() for c in cands):
        return None  # the model has a name over "and" ("Ways and Means Council")
    if any(e.start_char < m.end(1) and e.end_char > m.end(1) + 1 for e in doc_ents(ctx.sdoc)):
        return start  # the model reads on over "and" ("the Westland Fish and" | "Wildlife Service")
    for c in cands:
        surface = text[c.start : c.end]
        if c.source != "ner" or surface != first:
            continue
        if c.label in _NAME_LABELS or (c.label == "PERSON" and " " in surface):
            return None  # a name of its own in the report ("Varnexo", "Ann Avery")
    return start if any(c.end == m.end() for c in cands) else None


# Words that make a place of a place's name ("North", "Upper"), not a body's.
_PLACE_QUALIFIERS = frozenset(
    {
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Upper",
        "Lower",
        "New",
    }
)


def _with_more_fields(ctx: DocContext, cands: list[Cand]) -> list[Cand]:
    """ "Ministry of Fisheries" read by the model before "and Forestry": the body's name goes on
    over the fields joined to its own by "and" (portfolio words, or words the report writes in
    lower case), where no field is a name of its own."""
    out = list(cands)
    for c in cands:
        surface = ctx.text[c.start : c.end]
        if c.source != "ner" or c.label != "ORG" or not re.search(r"\b[A-Z]\w+ of (?:the )?[A-Z]", surface):
            continue
        if not any(w in ctx.reg.filters.org_suffixes for w in surface.split(" of ")[0].split(" ")):
            continue
        more = _AND_FIELD.match(ctx.text, c.end)
        if more is None or not _only_field_words(ctx, more.group(1)):
            continue
        if ctx.reg.gazetteer.get(more.group(1)) or ctx.reg.names.get(more.group(1)):
            continue
        out = [o for o in out if o is c or o.source != "ner" or o.end <= c.end or o.start >= more.end()]
        out = [Cand(c.start, more.end(), "ner", "ORG") if o is c else o for o in out]
    return out


def candidates(ctx: DocContext) -> list[Cand]:
    """The document's name spans that may be actors, without credits, ships and junk."""
    found = [*_ner(ctx), *_registry_hits(ctx), *_cue_hits(ctx), *_speaker_hits(ctx), *_outlet_hits(ctx)]
    found = _titled_holders(ctx, found)
    found = _coordinated_bodies(ctx, found)
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
