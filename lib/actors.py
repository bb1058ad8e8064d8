"""Actors and their mentions, resolved to canonical actors across a corpus.

Candidates come from spaCy's entities, the registry (names, aliases, seats, handles, roles) and
a gazetteer; the layer then corrects the model with the registry, within-document name chains
and context, in the spirit of the "one sense per discourse" label consistency of Krishnan &
Manning (2006), "An effective two-stage model for exploiting non-local dependencies in NER".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc as SpacyDoc

from lib.aliases import fold
from lib.mention_spans import DocContext, candidates
from lib.name_chains import resolve_doc
from lib.records import Actor, Document, Mention
from lib.registry import Registry, load_registry

__all__ = ["Registry", "actor_at", "extract_mentions", "listed", "load_registry"]

LISTED_TYPES = ("person", "organization", "country")
# Country and place are one family: a state is typed once for the corpus (see _settle).
FAMILY = {"country": "place"}


def extract_mentions(
    pairs: Sequence[tuple[Document, SpacyDoc]], registry: Registry
) -> tuple[list[Actor], list[Mention]]:
    """Every named mention of the corpus with its canonical actor; actors in first-seen order."""
    found: list[tuple[Mention, Actor]] = []
    agentive: set[str] = set()
    for doc, sdoc in pairs:
        ctx = DocContext(doc, sdoc, registry)
        for cand, actor in resolve_doc(ctx, candidates(ctx)):
            found.append(
                (Mention(doc.id, actor.id, doc.text[cand.start : cand.end], cand.start, cand.end), actor)
            )
            if ctx.is_agent(cand):
                agentive.add(actor.id)
    people = {a.id: a for _, a in found if a.type == "person" and len(a.name.split()) > 1}
    surnames = _surnames(people.values())
    unified = [(m, _unify(a, people, surnames, registry)) for m, a in found]
    return _settle(unified, agentive, registry)


def _surnames(people: Iterable[Actor]) -> dict[str, Actor]:
    """Surname -> full-named person, for surnames that only one person of the corpus has."""
    owners: dict[str, list[Actor]] = {}
    for person in people:
        owners.setdefault(fold(person.name.split()[-1]), []).append(person)
    return {k: v[0] for k, v in owners.items() if len(v) == 1}


def _unify(actor: Actor, people: dict[str, Actor], surnames: dict[str, Actor], reg: Registry) -> Actor:
    """Across reports: a full name is a person if it is one anywhere (the model mistyped it
    elsewhere), and a bare surname is the one full-named person of the corpus who has it."""
    if reg.actor(actor.id) is not None:
        return actor
    if actor.id in people:
        return people[actor.id]
    if actor.type == "person" and len(actor.name.split()) == 1:
        return surnames.get(fold(actor.name), actor)
    return actor


def _family(actor: Actor) -> str:
    return FAMILY.get(actor.type, actor.type)


def _settle(
    found: Sequence[tuple[Mention, Actor]], agentive: set[str], reg: Registry
) -> tuple[list[Actor], list[Mention]]:
    """One actor per (name, kind): "Chicago" the city and "Chicago" the team are two actors.

    The registry's actors keep their own type. Elsewhere the kind most mentions give keeps the
    plain id and the others get a suffixed one. A state that never acts in the corpus (never a
    subject or agent) is a setting: type "place".
    """
    votes: dict[str, Counter[str]] = {}
    for _, actor in found:
        votes.setdefault(actor.id, Counter())[_family(actor)] += 1
    actors: dict[str, Actor] = {}
    mentions = []
    for mention, actor in found:
        settled = _settled_actor(actor, votes[actor.id].most_common(1)[0][0], agentive, reg)
        actors.setdefault(settled.id, settled)
        mentions.append(Mention(mention.doc_id, settled.id, mention.text, mention.start, mention.end))
    return list(actors.values()), mentions


def _settled_actor(actor: Actor, majority: str, agentive: set[str], reg: Registry) -> Actor:
    known = reg.actor(actor.id)
    if known is not None:
        return known
    kind = actor.type
    if kind == "country" and actor.id not in agentive:
        kind = "place"
    actor_id = actor.id if _family(actor) == majority else f"{actor.id}-{actor.type}"
    return Actor(actor_id, actor.name, kind, actor.aliases, actor.affiliation, actor.role)


def actor_at(mentions: Sequence[Mention], doc_id: str, start: int, end: int) -> str | None:
    """The actor id of the longest mention overlapping [start, end) in a document, if any."""
    hits = [m for m in mentions if m.doc_id == doc_id and m.start < end and start < m.end]
    return max(hits, key=lambda m: m.end - m.start).actor_id if hits else None


def listed(actors: Sequence[Actor]) -> list[Actor]:
    """The actors the dashboard lists: people, organisations and states, not settings."""
    return [a for a in actors if a.type in LISTED_TYPES]
