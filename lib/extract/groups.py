"""Groups a statement can be about that the actor list does not hold.

Political statements are very often about a collective side rather than a person: a party's
members ("the Republicans", "House Democrats"), a legislature's ("lawmakers"), an ideological camp
("conservatives"), the news media ("the press"), a government ("the Venn administration", "his
administration"). These are not actors of the registry (a party's members are not the party's
organisation, an administration is not its president), so each is found here as a mention of a
*group*: a pseudo-actor keyed ``group:<name>`` that lives only while a report's targets are ranked
(lib/extract/targets.py) and leaves as a name-only Target (no actor id). The words are data
(lib/lexicons/groups.yaml).

A group's name is its canonical form, so the statements about one side count together: a party's
members named with a chamber or placed in one ("Senate Republicans", "Democrats on the committee",
"GOP lawmakers"), or named in a report about a legislature (it names Congress, the House, the
Senate or lawmakers: there a party's members are its members of the legislature), are "<Party>
lawmakers"; elsewhere bare party members are "Republicans"; an ideological camp its
plural noun in lower case; the media "the media"; an administration "<Surname> administration",
the surname of the person the report names with it ("the Venn administration"); "his
administration" and "the administration" read as the last administration the report named, else
as its executive's (the person it titles president, else governor, else mayor; a definite
description refers to a referent already introduced: Poesio & Vieira 1998), never as the last
person named (in "X said: 'his administration ...'" that is the speaker). With no holder an
administration is left out: a wrong side is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from lib import LEXICONS, read_yaml
from lib.extract.dates.patterns import CASE_BLIND_ASCII
from lib.extract.quotes.cues import person_titles
from lib.records import GROUP_PREFIX as PREFIX
from lib.records import Actor, Document, Mention, Quote
from lib.text.nlp import doc_ents, doc_text

GROUPS_PATH = LEXICONS / "groups.yaml"
TYPE = "group"


def key(name: str) -> str:
    return PREFIX + name


def is_group(actor_id: str | None) -> bool:
    return bool(actor_id) and str(actor_id).startswith(PREFIX)


def name_of(actor_id: str) -> str:
    return actor_id.removeprefix(PREFIX)


@dataclass(frozen=True)
class Patterns:
    """The lexicon compiled: each pattern with how its match is named."""

    party: re.Pattern[str]  # (chamber) Democrats (on the committee)
    party_legislators: re.Pattern[str]  # Democratic lawmakers
    legislators: re.Pattern[str]  # lawmakers
    ideology: re.Pattern[str]  # (fiscal) conservatives
    media: re.Pattern[str]  # the (mainstream) media
    named_administration: re.Pattern[str]  # the Venn administration, Venn's administration
    pronoun_administration: re.Pattern[str]  # his administration
    the_administration: re.Pattern[str]  # the administration
    parties: Mapping[str, str]  # plural -> adjective
    adjectives: Mapping[str, str]  # adjective as written -> canonical adjective


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=2)
def load_patterns(path: str = "") -> Patterns:
    data = read_yaml(Path(path) if path else GROUPS_PATH) or {}
    parties = {str(k): str(v) for k, v in (data.get("parties") or {}).items()}
    adjectives = {str(k): str(v) for k, v in (data.get("party_adjectives") or {}).items()}
    legislators = _alt(data.get("legislators") or [])
    chambers = _alt(data.get("chambers") or [])
    places = _alt(data.get("legislatures") or [])
    not_after = _alt(data.get("not_after_press") or [])
    return Patterns(
        party=re.compile(
            rf"(?:\b(?P<chamber>{chambers})\s+)?\b(?P<party>{_alt(list(parties))})\b"
            rf"(?P<place>\s+(?:in|on|of)\s+(?:the\s+)?(?:{places})\b)?"
        ),
        party_legislators=re.compile(
            rf"\b(?P<adj>{_alt(list(adjectives))})\s+(?i:(?:{legislators}))\b",
        ),
        legislators=re.compile(rf"(?i)\b(?:{legislators})\b"),
        ideology=re.compile(
            rf"(?i)\b(?:(?:{_alt(data.get('ideology_modifiers') or [])})\s+)?"
            rf"(?P<head>{_alt(data.get('ideologies') or [])})\b"
        ),
        media=re.compile(
            rf"(?i)\bthe\s+(?:(?:{_alt(data.get('media_modifiers') or [])})\s+)?"
            rf"(?:{_alt(data.get('media_nouns') or [])})\b(?!\s+(?:{not_after})\b)"
        ),
        named_administration=re.compile(r"\b(?P<who>[A-Z][\w.-]*?)(?:['’]s)?\s+[Aa]dministration\b"),
        pronoun_administration=re.compile(r"\b(?:[Hh]is|[Hh]er)\s+administration\b"),
        the_administration=re.compile(r"\b[Tt]he\s+administration\b"),
        parties=parties,
        adjectives=adjectives,
    )


def find(
    doc: Document,
    mentions: Sequence[Mention],
    actors: Mapping[str, Actor],
    president: str | None = None,
) -> tuple[list[Mention], dict[str, Actor]]:
    """The group mentions of a report (as Mentions of ``group:<name>`` pseudo-actors) and the
    pseudo-actors. ``mentions``: the report's actor mentions (a group an actor already holds, as
    "the Venn Administration" tagged as an organisation, is left to it); ``president``: the
    report's executive (for "the administration"; lib/extract/targets.py: EXECUTIVES)."""
    own = sorted((m for m in mentions if m.doc_id == doc.id), key=lambda m: m.start)
    found = [
        *_parties(doc.text),
        *_ideologies(doc.text),
        *_media(doc.text),
        *_administrations(doc.text, own, actors, president),
    ]
    kept: list[tuple[str, int, int]] = []
    for name, start, end in sorted(found, key=lambda f: (f[1], -f[2])):
        if any(a <= start < b for _, a, b in kept) or _held(name, start, end, own, actors):
            continue
        kept.append((name, start, end))
    out = [Mention(doc.id, key(name), doc.text[a:b], a, b) for name, a, b in kept]
    kinds = {m.actor_id: Actor(m.actor_id, name_of(m.actor_id), TYPE) for m in out}
    return out, kinds


Found = tuple[str, int, int]  # group name, start, end


LEGISLATIVE = re.compile(r"\b(?:Congress|(?<!White )House|Senate|[Ll]awmakers|[Cc]ongressional)\b")


def _parties(text: str) -> list[Found]:
    p = load_patterns()
    out: list[Found] = []
    # each pattern is run only on a text that holds one of the words every match of it holds
    if _may_hold(text, tuple(p.parties), blind=False):
        legislative = LEGISLATIVE.search(text) is not None
        for m in p.party.finditer(text):
            adjective = p.parties[m["party"]]
            if m["chamber"] or m["place"] or legislative:
                out.append((f"{adjective} lawmakers", m.start(), m.end()))
            else:
                out.append((m["party"], m.start("party"), m.end("party")))
    if _may_hold(text, tuple(p.adjectives), blind=False):
        for m in p.party_legislators.finditer(text):
            out.append((f"{p.adjectives[m['adj']]} lawmakers", m.start(), m.end()))
    taken = [(a, b) for _, a, b in out]
    if _may_hold(text, _lexicon_words("legislators"), blind=True):
        for m in p.legislators.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                out.append(("lawmakers", m.start(), m.end()))
    return out


def _ideologies(text: str) -> list[Found]:
    if not _may_hold(text, _lexicon_words("ideologies"), blind=True):
        return []
    return [(m["head"].lower(), m.start(), m.end()) for m in load_patterns().ideology.finditer(text)]


@lru_cache(maxsize=8)
def _lexicon_words(key: str) -> tuple[str, ...]:
    """A word list of the groups lexicon, as listed."""
    data = read_yaml(GROUPS_PATH) or {}
    return tuple(str(w) for w in data.get(key) or ())


def _may_hold(text: str, words: tuple[str, ...], blind: bool) -> bool:
    """Whether ``text`` may hold one of ``words`` (each as ``_alt`` writes it: its spaces any
    whitespace), case aside where ``blind``: False only where none of their first words is in it.
    A case-blind pattern also takes a few letters outside ASCII for ASCII ones ("ſ" for "s"): a
    text holding one of those, or a word outside ASCII, is always searched."""
    firsts = [w.split()[0] for w in words if w.strip()]
    if not firsts:
        return True  # no word to look for: the pattern decides
    if not blind:
        return any(w in text for w in firsts)
    if not CASE_BLIND_ASCII.isdisjoint(text) or not all(w.isascii() for w in firsts):
        return True
    low = text.lower()
    return any(w.lower() in low for w in firsts)


def _media(text: str) -> list[Found]:
    return [("the media", m.start(), m.end()) for m in load_patterns().media.finditer(text)]


def _administrations(
    text: str, own: Sequence[Mention], actors: Mapping[str, Actor], president: str | None
) -> list[Found]:
    """An administration named by its head's surname ("the Venn administration"); "his
    administration" and "the administration" are the last one named before, else the
    ``president``'s (the report's executive). Not the last person named before: in "X said: 'his
    administration ...'" that is the speaker."""
    if "dministration" not in text:
        return []
    p = load_patterns()
    people = [m for m in own if (a := actors.get(m.actor_id)) is not None and a.type == "person"]
    surnames = {_surname(actors[m.actor_id].name) for m in people}
    out: list[Found] = []
    for m in p.named_administration.finditer(text):
        if m["who"] in surnames:
            out.append((f"{m['who']} administration", m.start("who"), m.end()))
    head = _surname(actors[president].name) if president and president in actors else None
    named = list(out)
    for pattern in (p.pronoun_administration, p.the_administration):
        for m in pattern.finditer(text):
            before = [name for name, a, _ in named if a < m.start()]
            if before or head:
                out.append((before[-1] if before else f"{head} administration", m.start(), m.end()))
    return out


def speaking(quote: Quote, mentions: Sequence[Mention]) -> set[str]:
    """The groups the statement's speaker is ("Democrats said they would wait"): a statement is
    not about its own speaker, and in reported speech its "they" is the speaker (Quirk et al.
    1985, 14.31: indirect speech turns "we" into "they")."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return set()
    a, b = quote.speaker_start, quote.speaker_end
    return {m.actor_id for m in mentions if is_group(m.actor_id) and m.start < b and a < m.end}


def within(offset: int, mentions: Sequence[Mention]) -> bool:
    """``offset`` lies inside a group's mention ("his" of "his administration")."""
    return any(m.start <= offset < m.end for m in mentions if is_group(m.actor_id))


def _surname(name: str) -> str:
    words = name.split()
    return words[-1] if words else name


def _held(name: str, start: int, end: int, own: Sequence[Mention], actors: Mapping[str, Actor]) -> bool:
    """An actor mention over the group's words whose name ends in the group's last word already
    holds it ("the Venn Administration" tagged as an organisation)."""
    last = name.split()[-1].lower()
    for m in own:
        if m.start < end and start < m.end:
            a = actors.get(m.actor_id)
            if a is not None and a.name.lower().split()[-1:] == [last]:
                return True
    return False


NAME_WORDS_MOST = 5  # a longer "name" is a title of a work or a slogan, not a person
PERSON_TYPE = "person"
AGENT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Named:
    """A person's name the parser found that no actor mention covers."""

    name: str
    start: int
    end: int
    person: bool  # this mention shows a person: it follows a title or an honorific, or is a subject


def unlisted_people(
    sdoc: SpacyDoc, doc_id: str, mentions: Sequence[Mention], actors: Mapping[str, Actor]
) -> tuple[list[Mention], dict[str, Actor]]:
    """The people the parser names in a report that no mention of a target's type covers (as
    Mentions of name-only pseudo-actors of type person, keyed like groups) and the pseudo-actors.
    A statement is often about a person the actor list left out (a surname it took for a place,
    a name settling across the corpus dropped); the report naming them is the evidence.
    Kept out: a name over any mention given; a name whose last word is the last word of an
    actor's name in the report (that actor holds the surname, or the list chose not to: a wrong
    side is worse than none); a name of more than NAME_WORDS_MOST words or with a number; a
    one-word name the report never shows to be a person, by a title or honorific before it
    ("Secretary X", "Ms. X") or as the subject of a verb ("X testified"): a lone capitalised word
    is often a place or a modifier ("a town called X", "the X tax cuts"), and the person's own
    context is what tells a name's kind (the internal and external evidence of McDonald 1996,
    "Internal and external evidence in the identification and semantic categorization of proper
    names"). A surname joins the longer name of the report that ends in it ("Ama Dale" ...
    "Dale"), as a person's later mentions do."""
    own = [m for m in mentions if m.doc_id == doc_id]
    covered = bytearray(len(doc_text(sdoc)) + 1)  # 1 where a mention covers the character
    for m in own:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    held = {w for m in own if (a := actors.get(m.actor_id)) for w in _last_word(a.name)}
    titles = person_titles()
    found: dict[str, list[Named]] = {}  # surname -> its mentions
    for ent in doc_ents(sdoc):
        words = _name_words(ent) if ent.label_ == "PERSON" else None
        if words is None or any(covered[words.start_char : words.end_char]):
            continue
        if len(words) > NAME_WORDS_MOST or any(t.like_num for t in ent):
            continue
        before = sdoc[words.start - 1].lower_.rstrip(".") if words.start > 0 else ""
        shown = before in titles or words.root.dep_ in AGENT_DEPS
        surname = _last_word(words.text)
        if surname and surname[0] not in held:
            found.setdefault(surname[0], []).append(
                Named(words.text, words.start_char, words.end_char, shown)
            )
    out: list[Mention] = []
    pseudo: dict[str, Actor] = {}
    for forms in found.values():
        longest = max(forms, key=lambda f: (len(f.name.split()), -f.start))
        if len(longest.name.split()) == 1 and not any(f.person for f in forms):
            continue
        actor = Actor(key(longest.name), longest.name, PERSON_TYPE)
        pseudo[actor.id] = actor
        out += [Mention(doc_id, actor.id, f.name, f.start, f.end) for f in forms]
    return sorted(out, key=lambda m: m.start), pseudo


def _name_words(ent: SpacySpan) -> SpacySpan | None:
    """The entity without the words that are not its name's ("the", a possessive "'s")."""
    a, b = ent.start, ent.end
    while a < b and not (ent.doc[a].is_title or ent.doc[a].is_upper):
        a += 1
    while b > a and not (ent.doc[b - 1].is_title or ent.doc[b - 1].is_upper):
        b -= 1
    return ent.doc[a:b] if a < b else None


def _last_word(name: str) -> list[str]:
    words = re.findall(r"\w+", re.sub(r"['’]s\b", "", name).lower())
    return words[-1:]
