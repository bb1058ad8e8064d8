"""Resolving one document's candidate spans to actors: registry, name chains, gazetteer, context, roles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lib.extract.actors.competitors import is_competitor
from lib.extract.actors.corpus import SUFFIXES
from lib.extract.actors.roles import Named, RoleHit, apposed, find_roles, resolve_role
from lib.extract.actors.spans import Cand, DocContext
from lib.extract.quotes.cues import first_name_sex, load_cues
from lib.records import Actor
from lib.text.aliases import best_fuzzy, fold, slug, words_match

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
Resolved = tuple[Cand, Actor]
# One initial and a capitalised surname: a person's name in every news style.
INITIAL = re.compile(r"[A-Z]\.")
# Particles that belong to a surname ("De Luca" of "Marco de Luca", "Van Dyke", "Al Rashid").
_PARTICLES = (
    "de",
    "del",
    "della",
    "di",
    "da",
    "du",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "la",
    "le",
    "al",
    "el",
    "bin",
)
INITIAL_AND_SURNAME = re.compile(r"[A-Z]\.[ ]?(?:[A-Z]['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


# A first name and a quoted nickname right before a surname: 'William "Bill" Avery' is one
# person's full name (news style writes the nickname between the names).
_QUOTED_NICKNAME = re.compile(r"([A-Z][a-z]+)[ ]+[\"“‘'][A-Z][\w.]*[\"”’'][ ]+$")
_NICKNAMED_NAME = re.compile(
    r"\b([A-Z][a-z]+)[ ]+[\"“‘'][A-Z][\w.]*[\"”’'][ ]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)


def _surface(ctx: DocContext, c: Cand) -> str:
    return ctx.text[c.start : c.end]


class Chains:
    """The people of one document by full name and surname (a name tagged once is known everywhere)."""

    def __init__(self, ctx: DocContext, cands: Sequence[Cand]) -> None:
        self.ctx = ctx
        self.reg_people = {a.id: a for a in ctx.reg.actors if a.type == "person"}
        self.full_names = {fold(n): a.id for a in self.reg_people.values() for n in (a.name, *a.aliases)}
        self.reg_surnames = _unique_surnames(self.reg_people.values())
        self.by_surname: dict[str, Actor] = {}
        self.bearers: dict[str, list[Actor]] = {}  # surname -> its full-named people, first named first
        self.by_first: dict[str, Actor] = {}  # family name first: "Wang Xiaoming" ... "Wang"
        people = [(c, p) for c in cands if (p := self._full_person(c)) is not None]
        for c, person in people:
            surname = fold(_surface(ctx, c).split()[-1])
            self.by_surname.setdefault(surname, person)
            if person.id not in {b.id for b in self.bearers.setdefault(surname, [])}:
                self.bearers[surname].append(person)
            first = _surface(ctx, c).split()[0]
            if not ctx.reg.gazetteer.get(first):  # "Rwanda" stays the state
                self.by_first.setdefault(fold(first), person)
        # single words written alone: a person's first name ("Ned") or a surname ("Avery")
        self.alone = Counter(fold(w[0]) for c in cands if len(w := _surface(ctx, c).split()) == 1)
        for m in _NICKNAMED_NAME.finditer(ctx.text):  # the model often tags no span there
            name = f"{m.group(1)} {m.group(2)}"
            self.by_surname.setdefault(fold(m.group(2)), Actor(slug(name), name, "person"))

    def _full_person(self, c: Cand) -> Actor | None:
        surface = _surface(self.ctx, c)
        if c.actor_id in self.reg_people:
            return self.reg_people[c.actor_id]
        nicknamed = _QUOTED_NICKNAME.search(self.ctx.text[max(0, c.start - 40) : c.start])
        if nicknamed and " " not in surface and surface[:1].isupper():
            name = f"{nicknamed.group(1)} {surface}"
            return Actor(slug(name), name, "person")
        if len(surface.split()) < 2 or self.ctx.reg.gazetteer.get(surface):
            return None
        if surface.split()[0] in self.ctx.reg.filters.body_openers:
            return None  # "Studio Varka", "Cafe Tamsin": a business, and "Varka" is no surname here
        if c.label != "PERSON" and not (self._first_named(surface, c) or self._titled_surname(surface, c)):
            return None
        if (
            any(ch.isdigit() for ch in surface)
            or fold(surface.split()[-1]) in self.ctx.reg.filters.non_actors
        ):
            return None  # "3:30 a.m. Tuesday": a time the model read as a name
        if surface.split()[-1].strip(".,") in self.ctx.reg.filters.org_suffixes:
            return None  # "Varnex SpA" is a company whatever the model says
        fuzzy = best_fuzzy(surface, self.full_names)
        return self.reg_people[fuzzy] if fuzzy else Actor(slug(surface), surface, "person")

    def person(self, c: Cand) -> Actor | None:
        """The person a span names: a full name, a known surname, or a spelling variant of one."""
        surface = _surface(self.ctx, c)
        full = self._full_person(c)
        if full is not None:
            return full
        key = fold(surface.split()[-1]) if surface.split() else ""
        if key in self.by_surname:
            bearer = self._surname_bearer(key) if len(surface.split()) == 1 else self.by_surname[key]
            if self._same_bearer(surface, bearer, c.start):
                return bearer
            if len(surface.split()) == 1:
                return None  # "Mr. Avery" beside "Ann Avery": not she, nor a spelling of her name
        if c.label in ("PERSON", "ORG") and key in self.by_first and len(surface.split()) == 1:
            return self.by_first[key]  # not where the model reads a place ("Wang" often is an ORG)
        # A principal's distinctive surname alone is that principal whatever the model's label
        # ("Blinken" tagged GPE); common surnames ("Johnson") need the full name in the text.
        if (
            key in self.reg_surnames
            and len(surface.split()) == 1
            and key not in self.ctx.reg.ambiguous_surnames
        ):
            return self.reg_people[self.reg_surnames[key]]
        if c.label in ("PERSON", "ORG", "GPE") and len(surface.split()) == 1:
            if _family_plural(key, self.by_surname):
                return None  # "the Averys" are a family, none of them alone
            variant = best_fuzzy(surface, {k: a.id for k, a in self.by_surname.items()})
            return next((a for a in self.by_surname.values() if a.id == variant), None)
        return None

    def _first_named(self, surface: str, c: Cand) -> bool:
        """ "Amanda Salles" tagged an organisation: a common first name before a capitalised word
        is a person's name whatever the model's label, unless the first word is also a place or a
        faith's name, the second closes a body's or a place's name ("Dana Holdings", "Russell
        County"), or the report writes the name as a body's (org_cues: "Dana Avery's shares")."""
        words = surface.split()
        reg = self.ctx.reg
        return (
            c.label in ("ORG", "GPE")
            and len(words) == 2  # "Harold Finch Stadium", "Mary Lane Park": a third word names a thing
            and all(w[:1].isupper() and w[1:].islower() for w in words)
            and fold(words[0]) in reg.filters.first_names
            and fold(words[0]) not in reg.demonyms  # "Christian Democrats"
            and not reg.gazetteer.get(words[0])  # "Georgia Mills": a place's name first
            and words[-1] not in reg.filters.org_suffixes
            and fold(words[-1]) not in reg.place_heads  # "Russell County"
            and not self.ctx.has_org_cue(surface)
        )

    def _surname_bearer(self, key: str) -> Actor:
        """The person a bare surname stands for where the report names several in full ("Tom
        Avery", his son "Ned Avery"): not one it calls by the first name alone ("Ned") more often
        than it writes the bare surname, since a report mostly refers to a person in one way and
        writes a first name to tell a child or a relative apart from the one it calls by the
        surname; with one left, that one, else the first named (which of several others the
        surname means, the first name says nothing of). A candidate called "Ann" now and then and
        "Avery" as often or more is still "Avery"."""
        bearers = self.bearers.get(key, [])
        rest = [
            p
            for p in bearers
            if (first := fold(p.name.split()[0])) == key
            or self.by_first.get(first) is not p
            or self.alone[first] <= self.alone[key]
        ]
        return rest[0] if len(rest) == 1 and len(bearers) > 1 else self.by_surname[key]

    def _titled_surname(self, surface: str, c: Cand) -> bool:
        """ "Shukria Rezai" tagged an organisation or a place, and "Ms. Rezai" in the same report:
        a title that says a sex ("Mr.", "Ms.", "Mrs.") is written before a person's surname, never
        before a body's or a place's last word, so the two-word name is that person's. Not where
        the first word is a place, the last closes a body's or a place's name, or the report writes
        the name as a body's."""
        words = surface.split()
        reg = self.ctx.reg
        if (
            c.label not in ("ORG", "GPE")
            or len(words) != 2
            or not all(w[:1].isupper() and w[1:].islower() for w in words)
            or reg.gazetteer.get(words[0])
            or words[-1] in reg.filters.org_suffixes
            or fold(words[-1]) in reg.place_heads
            or self.ctx.has_org_cue(surface)
        ):
            return False
        titled = re.finditer(rf"\b([A-Z][a-z]+)\.? {re.escape(words[-1])}\b", self.ctx.text)
        return any(m.group(1) != words[0] and reg.filters.title_sex(m.group(1)) for m in titled)

    def _same_bearer(self, surface: str, person: Actor, start: int = -1) -> bool:
        """ "Avery", "Senator Avery", "Ann Avery" stand for Ann Avery; "Tom Avery" (a relative named
        beside her) and "Mr. Avery" (a title of the other sex than her first name's, where ``start``
        gives the span's place) do not."""
        words = surface.split()
        if not words or (start >= 0 and self._other_sex(person, start + len(surface) - len(words[-1]))):
            return False
        if len(words) == 1:
            return True
        if not surface.istitle():
            return False
        titles = self.ctx.reg.filters.person_titles
        first = fold(person.name.split()[0])
        nicknames = self.ctx.reg.filters.nicknames
        return all(
            w in titles
            or w.rstrip(".") in titles
            or INITIAL.fullmatch(w)
            or fold(w) in (first, *_PARTICLES)
            or nicknames.get(fold(w)) == first  # "Jim Avery" beside "James Avery"
            for w in words[:-1]
        )

    def _other_sex(self, person: Actor, start: int) -> bool:
        """The honorific right before the surname at ``start`` says one sex and the person's first
        name the other."""
        before = self.ctx.text[max(0, start - 6) : start].split()[-1:]
        said = self.ctx.reg.filters.title_sex(before[0]) if before else ""
        return bool(said) and first_name_sex(person.name) not in ("", said)


def _family_plural(key: str, surnames: Iterable[str]) -> bool:
    """A known surname in the plural ("Averys", "Marches"): a family or a couple, not a spelling
    of the one person's name."""
    return any(key in (last + "s", last + "es") for last in surnames)


def _unique_surnames(people: Iterable[Actor]) -> dict[str, str]:
    counts: Counter[str] = Counter()
    owner: dict[str, str] = {}
    for a in people:
        for name in {fold(n.split()[-1]) for n in (a.name, *a.aliases)}:
            counts[name] += 1
            owner[name] = a.id
    return {k: v for k, v in owner.items() if counts[k] == 1}


def _place_context(ctx: DocContext, c: Cand) -> bool:
    """A name followed by a place noun is a setting ("Golovenki training ground", "Moscow region")."""
    if c.label == "NORP" or c.source == "adjective":
        return False
    before = " ".join(ctx.words_before(c.start, 3))
    if any(before.endswith(cue) for cue in ctx.reg.place_cues):
        return True  # "the city of Mosul"
    after = " ".join(ctx.words_after(c.end, 2))
    return any(after == h or after.startswith(h + " ") for h in ctx.reg.place_heads)


# Prepositions that mark whom a speech act is addressed to ("called on X", "appealed to X"); not
# "from" or "in", which place the speaker ("From X on Monday, the governor said").
ADDRESSEE_PREPOSITIONS = frozenset({"on", "to"})


def _seat_is_setting(ctx: DocContext, c: Cand, surface: str) -> bool:
    """A capital stands for its state only where it acts or is acted on as a party: the subject
    of a verb or the agent of a passive ("Freeburg said", "a plan rejected by Freeburg"), or the
    one spoken to or of by a verb of saying or a speech act ("we ask Freeburg", "they urged
    Freeburg", "called on Freeburg"): the place-for-people metonymy of Markert & Nissim (2007,
    SemEval-2007 task 8). Elsewhere ("in Freeburg", "flew to Freeburg", "visited Freeburg", "a
    Freeburg court") the city is a setting. A seat that is no city (a palace standing for its
    government) stays the state; so does any with a place noun after it."""
    if _place_context(ctx, c):
        return True
    if ctx.reg.gazetteer.get(surface) != "place" or ctx.is_agent(c):
        return False
    return not _addressed(ctx, c)


def _addressed(ctx: DocContext, c: Cand) -> bool:
    """The span is the object of a verb of saying or a speech act (reporting_verbs.yaml), directly
    or through a preposition of address ("called on X", "appealed to X")."""
    span = ctx.parsed(c.start, c.end)
    if span is None or not len(span):
        return False
    root = span.root
    verb = root.head
    if root.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ADDRESSEE_PREPOSITIONS:
        verb = verb.head
    elif root.dep_ not in ("dobj", "dative", "iobj"):
        return False
    cues = load_cues()
    return verb.pos_ == "VERB" and verb.text.lower() in cues.speech | cues.acts


def _known(ctx: DocContext, c: Cand) -> Actor:
    """The registry's actor, or one named after its id: a seat ("Minsk") whose state the
    registry does not list stands for the state, not for a state called "Minsk"."""
    actor_id = c.actor_id or ""
    found = ctx.reg.actor(actor_id)
    name = _surface(ctx, c) if c.source != "seat" else actor_id.replace("-", " ").title()
    return found or Actor(actor_id, name, "country")


def _gazetteer_actor(ctx: DocContext, c: Cand) -> Actor | None:
    surface = re.sub(r"^(?:the\s+)?Republic\s+of\s+", "", _surface(ctx, c), flags=re.IGNORECASE)
    surface = ctx.reg.official_names.get(fold(surface), surface)  # "the Kyrgyz Republic": Kyrgyzstan
    kind = c.label if c.source in ("country", "place", "organization") else ctx.reg.gazetteer.get(surface)
    if kind is None or (c.label == "PERSON" and len(surface.split()) > 1):
        return None
    return Actor(slug(surface), _display_name(surface, kind), kind)


def _label_actor(ctx: DocContext, c: Cand, label: str) -> Actor | None:
    kind = LABEL_TYPES.get(label)
    surface = _surface(ctx, c)
    if kind is None:
        return None
    words = surface.split()
    if words[-1].strip(".,") in ctx.reg.filters.org_suffixes or (
        len(words) > 1 and words[0] in ctx.reg.filters.body_openers
    ):
        kind = "organization"  # "Varka Holdings", "Studio Varka"
    elif kind == "organization" and INITIAL_AND_SURNAME.fullmatch(surface):
        kind = "person"  # "J. Hartley" read as an ORG; "N. Korea" stays the GPE it was read as
    return Actor(slug(surface), _display_name(surface, kind), kind)


def _display_name(surface: str, kind: str) -> str:
    """A name written in capitals ("MOSCOW", "REAL MADRID") in title case, but not an
    organisation's acronym ("CSTO", "NYMEX")."""
    acronym = kind == "organization" and " " not in surface
    return surface.title() if surface.isupper() and len(surface) > 3 and not acronym else surface


@dataclass(frozen=True)
class Evidence:
    """What the whole document says about its names, gathered before resolving each span."""

    chains: Chains
    votes: dict[str, str]  # surface -> majority spaCy label
    teams: frozenset[str]  # surfaces that stand as competitors somewhere in the document


def _teams(ctx: DocContext, cands: Sequence[Cand]) -> frozenset[str]:
    """Names that compete somewhere in the text are teams everywhere in it (one sense per discourse)."""
    words = ctx.reg.filters.competitor_words
    return frozenset(_surface(ctx, c) for c in cands if is_competitor(ctx.text, c.start, c.end, words))


def _resolve(ctx: DocContext, ev: Evidence, c: Cand) -> Actor | None:
    surface = _surface(ctx, c)
    if c.source == "seat" and fold(surface) in ev.chains.by_surname:
        return ev.chains.by_surname[fold(surface)]  # "Washington" as a surname in this text
    if c.actor_id and not (c.source == "seat" and _seat_is_setting(ctx, c, surface)):
        return _known(ctx, c)
    if c.source == "ner" and c.label != "ORG" and len(surface.split()) == 1 and ctx.has_org_cue(surface):
        return Actor(slug(surface), surface, "organization")
    person = ev.chains.person(c)
    if person is not None:
        return person
    if _place_context(ctx, c):
        return Actor(slug(surface), surface, "place")
    found = _gazetteer_actor(ctx, c) or _label_actor(ctx, c, ev.votes.get(surface, c.label))
    # National sides keep their country (CoNLL-2003 tags them LOC); clubs named after places are ORG.
    # A lone word the model calls a person but that competes and has no full name here is a club.
    lone = found is not None and found.type == "person" and len(surface.split()) == 1
    if found and (found.type == "place" or lone) and surface in ev.teams:
        return Actor(found.id, found.name, "organization")
    return found


def _majority_labels(ctx: DocContext, cands: Sequence[Cand]) -> dict[str, str]:
    """One label per surface in a document: the most frequent spaCy label it got."""
    tally: dict[str, Counter[str]] = {}
    for c in cands:
        if c.source == "ner" and c.label != "NORP":
            tally.setdefault(_surface(ctx, c), Counter())[c.label] += 1
    return {s: t.most_common(1)[0][0] for s, t in tally.items()}


def _roles(ctx: DocContext, resolved: list[Resolved]) -> list[Resolved]:
    """Add resolved role mentions; each replaces the spans inside it ("US" in "US Secretary of State")."""
    named = [Named(c.start, c.end, a.id, a.role, a.affiliation) for c, a in resolved if a.type == "person"]
    hits = find_roles(ctx.text, ctx.reg)
    titled = _titled_holders(ctx.text, hits, named)
    named = [
        Named(n.start, n.end, n.actor_id, n.role or titled.get(n.actor_id, ""), n.affiliation) for n in named
    ]
    out = list(resolved)
    for hit in hits:
        actor_id = resolve_role(ctx.text, hit, named, ctx.reg)
        if actor_id not in titled and any(r == hit.role for r in titled.values()):
            continue  # the text names its own holder ("President Avery"): not the registry's
        # Only registry holders: a title beside any other name adds no actor, and CoNLL-style
        # gold leaves titles out of the name (measured: -25 false positives on conll2003-dev).
        actor = ctx.reg.actor(actor_id or "")
        start = hit.start + (
            4 if not hit.bare and ctx.text[hit.start : hit.start + 4].lower() == "the " else 0
        )
        if actor is None or any(_crosses(c, start, hit.end) for c, _ in out):
            continue
        out = [(c, a) for c, a in out if not (start <= c.start and c.end <= hit.end)]
        out.append((Cand(start, hit.end, "registry", "ROLE", actor.id), actor))
    return sorted(out, key=lambda r: r[0].start)


def _titled_holders(text: str, hits: Sequence[RoleHit], named: Sequence[Named]) -> dict[str, str]:
    """Person id -> the office a title right beside their name gives them in this text
    ("President Avery"): the text's own holder of that office, whoever the registry lists (a
    report from before the registry's term names another president)."""
    out: dict[str, str] = {}
    for hit in hits:
        person = None if hit.bare else apposed(text, hit, named)
        if person is not None:
            out.setdefault(person, hit.role)
    return out


def _crosses(c: Cand, start: int, end: int) -> bool:
    """Overlaps [start, end) without lying inside it."""
    return c.start < end and start < c.end and not (start <= c.start and c.end <= end)


def _propagate(ctx: DocContext, resolved: list[Resolved]) -> Iterator[Resolved]:
    """Unlabelled repeats of a resolved name get its actor (one sense per discourse)."""
    taken = [(c.start, c.end) for c, _ in resolved]
    seen: dict[str, Actor] = {}
    for c, a in resolved:
        surface = _surface(ctx, c)
        if c.label != "ROLE" and len(surface) >= 3 and surface[0].isupper():
            seen.setdefault(surface, a)
    for c, a in resolved:
        words = _surface(ctx, c).split()
        # The surname of a full name found here stands for that person elsewhere in the text;
        # a title's last word is no surname ("Minister" of "Foreign Minister" is any minister).
        if (
            a.type == "person"
            and c.label != "ROLE"
            and len(words) > 1
            and len(words[-1]) >= 3
            and not ctx.reg.gazetteer.get(words[-1])
        ):
            seen.setdefault(words[-1], a)
    if not seen:
        return
    by_key = {fold(s): (s, a) for s, a in reversed(list(seen.items()))}
    alternation = "|".join(re.escape(s) for s in sorted(seen, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w#@])(?:{alternation})(?![\w])", ctx.text, re.IGNORECASE):
        surface, actor = by_key.get(fold(m.group(0)), ("", None))
        free = all(m.end() <= s or e <= m.start() for s, e in taken)
        if actor and free and words_match(m.group(0), surface) and not ctx.in_credit(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            yield Cand(m.start(), m.end(), "ner", "PROPAGATED", actor.id), actor


# What may stand between a full name and its credentials: a comma, and credentials before ("Ann
# Avery, MD, PhD").
_CREDENTIAL_GAP = re.compile(r"[ ]?,[ ]*$")
# A generational suffix set off by a comma ("Ann Avery, Jr.") is the person's as a credential is:
# no actor of its own ("Sr." read as a place).
GENERATIONAL = frozenset(SUFFIXES.values())


def _credentials(ctx: DocContext, resolved: list[Resolved]) -> list[Resolved]:
    """ "Ann Avery, MD, PhD": a degree or credential after a person's full name and a comma is
    part of how the person is named (in the credentials lexicon), so it is that person's mention,
    not an actor of its own ("MD" there is no Maryland). Labelled a role, so it is never repeated
    elsewhere as a name ("her MD degree"). Only after a name of two words or more: "Laurel, MD"
    is a town and its state."""
    credentials = ctx.reg.filters.credentials
    out: list[Resolved] = []
    person: tuple[int, Actor] | None = None  # where the last full name or its credentials end
    for c, a in resolved:
        surface = _surface(ctx, c)
        key = fold(surface).replace(".", "").strip()
        gap = ctx.text[person[0] : c.start] if person is not None else ""
        after = key in credentials or key in GENERATIONAL
        if person is not None and after and _CREDENTIAL_GAP.fullmatch(gap):
            out.append((Cand(c.start, c.end, c.source, "ROLE", person[1].id), person[1]))
            person = (c.end, person[1])
            continue
        full = a.type == "person" and c.label != "ROLE" and len(surface.split()) >= 2
        person = (c.end, a) if full else None
        out.append((c, a))
    return out


def resolve_doc(ctx: DocContext, cands: Sequence[Cand]) -> list[Resolved]:
    """Each candidate with its actor (unresolvable ones dropped), plus roles and repeated names."""
    ev = Evidence(Chains(ctx, cands), _majority_labels(ctx, cands), _teams(ctx, cands))
    resolved = [(c, a) for c in cands if (a := _resolve(ctx, ev, c)) is not None]
    resolved = _credentials(ctx, sorted(resolved, key=lambda r: r[0].start))
    resolved = _roles(ctx, resolved)
    resolved.extend(_propagate(ctx, resolved))
    return sorted(resolved, key=lambda r: r[0].start)
