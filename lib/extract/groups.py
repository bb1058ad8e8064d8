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

from lib import LEXICONS, read_yaml
from lib.records import GROUP_PREFIX as PREFIX
from lib.records import Actor, Document, Mention, Quote

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
    legislative = LEGISLATIVE.search(text) is not None
    for m in p.party.finditer(text):
        adjective = p.parties[m["party"]]
        if m["chamber"] or m["place"] or legislative:
            out.append((f"{adjective} lawmakers", m.start(), m.end()))
        else:
            out.append((m["party"], m.start("party"), m.end("party")))
    for m in p.party_legislators.finditer(text):
        out.append((f"{p.adjectives[m['adj']]} lawmakers", m.start(), m.end()))
    taken = [(a, b) for _, a, b in out]
    for m in p.legislators.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            out.append(("lawmakers", m.start(), m.end()))
    return out


def _ideologies(text: str) -> list[Found]:
    return [(m["head"].lower(), m.start(), m.end()) for m in load_patterns().ideology.finditer(text)]


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
