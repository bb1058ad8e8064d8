"""Titles standing for a person: "US Secretary of State", "the head of US diplomacy", "the secretary".

Resolution follows the role/appositive sieves of Lee et al. (2013), "Deterministic coreference
resolution based on entity-centric, precision-ranked rules" (Computational Linguistics 39:4):
a title next to a name is that name; a title with an affiliation is the registry's holder of that
office; a bare title refers back to the last-named holder of the office in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from lib.extract.actors.registry import Registry, Role

_CAPS = r"[A-Z][\w.&’'-]*"
_AFF_SLOT = rf"(?-i:(?P<aff>{_CAPS}(?:\s{_CAPS})?))"
_BEFORE = re.compile(rf"(?-i:(?P<aff>{_CAPS}(?:[ \t]{_CAPS}){{0,2}}?)(?:['’]s)?)[ \t]+$")
_AFTER = re.compile(rf"^\s+of\s+(?:the\s+)?(?-i:(?P<aff>{_CAPS}(?:\s+{_CAPS})*))")
_APPOSITION_GAP = re.compile(r"^[\s,]{0,3}$")


@dataclass(frozen=True)
class RoleHit:
    start: int
    end: int
    role: str
    affiliation: str | None  # actor id of the state or organisation, when the text gives one
    bare: bool  # a short back-reference such as "the secretary"


@dataclass(frozen=True)
class Named:
    """A person mention already resolved, with the registry role of its actor if any."""

    start: int
    end: int
    actor_id: str
    role: str
    affiliation: str | None


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    body = re.escape(phrase).replace(r"\{aff\}", _AFF_SLOT)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


@cache
def _literals(phrase: str) -> tuple[str, ...]:
    """The phrase's words, case-folded, longest first: a text without one of them cannot hold
    the phrase (each word was tested alone before; all of them halve the scans on news)."""
    return tuple(
        sorted(
            (w.casefold() for w in re.findall(r"\w+", phrase.replace("{aff}", " "))), key=len, reverse=True
        )
    )


def _folded(text: str) -> str:
    """``text`` case-folded so that every letter a case-insensitive pattern takes for a phrase's
    letter folds to it (the dotted and dotless i fold to "i" too), for the test above."""
    return text.casefold().replace("i\u0307", "i").replace("ı", "i")


def _affiliation(surface: str, reg: Registry) -> str | None:
    surface = re.sub(r"['’]s?$", "", surface)
    for index in (reg.names, reg.adjectives, reg.seats):
        found = index.get(surface)
        if found:
            return found
    return None


def _with_outer_affiliation(text: str, m: re.Match[str], reg: Registry) -> tuple[int, int, str | None]:
    before = _BEFORE.search(text[max(0, m.start() - 60) : m.start()])
    if before:
        aff = _affiliation(before.group("aff"), reg)
        if aff:
            return m.start() - len(before.group(0)), m.end(), aff
    after = _AFTER.match(text[m.end() : m.end() + 60])
    if after:
        aff = _affiliation(after.group("aff"), reg)
        if aff:
            return m.start(), m.end() + after.end(), aff
    return m.start(), m.end(), None


# "Vice President", "deputy prime minister": another office than the one its head word names.
_SECOND_IN_COMMAND = re.compile(r"(?:\bvice|\bdeputy)[ -]$", re.IGNORECASE)


def _seconded(text: str, start: int) -> bool:
    return bool(_SECOND_IN_COMMAND.search(text[max(0, start - 8) : start]))


def _matches(text: str, phrases: Sequence[str], folded: str) -> Iterator[re.Match[str]]:
    """Each phrase's matches, its pattern run only on a text (``folded``) holding its words."""
    for phrase in phrases:
        if all(w in folded for w in _literals(phrase)):
            yield from _phrase_pattern(phrase).finditer(text)


def _phrase_hits(text: str, role: Role, reg: Registry, folded: str) -> Iterator[RoleHit]:
    for m in _matches(text, role.phrases, folded):
        if _seconded(text, m.start()):
            continue
        inner = m.groupdict().get("aff")
        if inner is not None:
            aff = _affiliation(inner, reg)
            if aff:
                yield RoleHit(m.start(), m.end(), role.key, aff, False)
            continue
        start, end, aff = _with_outer_affiliation(text, m, reg)
        yield RoleHit(start, end, role.key, aff, False)


def _short_hits(text: str, role: Role, folded: str) -> Iterator[RoleHit]:
    for m in _matches(text, role.short, folded):
        if not re.match(r"\s+of\b", text[m.end() : m.end() + 5]) and not _seconded(text, m.start()):
            yield RoleHit(m.start(), m.end(), role.key, None, True)


def find_roles(text: str, reg: Registry) -> list[RoleHit]:
    """Every role phrase of the text, longest first where they overlap."""
    folded = _folded(text)  # each phrase's pattern scans the text only if its longest word is in it
    hits = [
        h
        for role in reg.roles
        for h in (*_phrase_hits(text, role, reg, folded), *_short_hits(text, role, folded))
    ]
    hits.sort(key=lambda h: (h.start - h.end, h.start))
    kept: list[RoleHit] = []
    for h in hits:
        if all(h.end <= k.start or k.end <= h.start for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def apposed(text: str, hit: RoleHit, named: Sequence[Named]) -> str | None:
    """The person a title stands beside. A name right after the title with only spaces between
    ("Defence Minister Ada Vell") is the one it titles, before a name the title follows after a
    comma: in a list of officials ("Ivo Marsh, Defence Minister Ada Vell") the comma closes the
    earlier name's entry (English pre-nominal titles: Quirk et al. 1985, 17.70 on close apposition)."""
    after = [n for n in named if n.start >= hit.end and text[hit.end : n.start].isspace()]
    if after:
        return after[0].actor_id
    for n in named:
        gap = text[hit.end : n.start] if n.start >= hit.end else text[n.end : hit.start]
        if (n.start >= hit.end or n.end <= hit.start) and _APPOSITION_GAP.match(gap):
            return n.actor_id
    return None


def _holder(hit: RoleHit, named: Sequence[Named], reg: Registry) -> str | None:
    holders = [a.id for a in reg.actors if a.role == hit.role and a.affiliation == hit.affiliation]
    if len(holders) == 1:
        return holders[0]
    seen = [n.actor_id for n in named if n.actor_id in holders and n.start < hit.start]
    return seen[-1] if seen else None


def _last_holder(hit: RoleHit, named: Sequence[Named], reg: Registry) -> str | None:
    before = [n for n in named if n.end <= hit.start]
    same_role = [n.actor_id for n in before if n.role == hit.role]
    if same_role:
        return same_role[-1]
    if not before or before[-1].affiliation is None:
        return None
    # "as the president said" in a minister's words: the president of the speaker's own state.
    return _holder(RoleHit(hit.start, hit.end, hit.role, before[-1].affiliation, True), (), reg)


def resolve_role(text: str, hit: RoleHit, named: Sequence[Named], reg: Registry) -> str | None:
    """The actor id a role phrase stands for, or None when the text does not say."""
    if not hit.bare:
        found = apposed(text, hit, named)
        if found:
            return found
        return _holder(hit, named, reg) if hit.affiliation else None
    return _last_holder(hit, named, reg)
