"""The actor registry and the lexicons around it, loaded from the YAML files in lib/lexicons/."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from lib import LEXICONS, read_yaml
from lib.extract.quotes.cues import load_cues
from lib.records import Actor
from lib.text.aliases import PhraseIndex, fold, handle_key, phrase_index

DEFAULT_PATH = LEXICONS / "actors.yaml"


@dataclass(frozen=True)
class Role:
    key: str
    phrases: tuple[str, ...]  # lower case; "{aff}" marks an inner affiliation slot
    short: tuple[str, ...]  # bare heads that refer back to the last-named holder


@dataclass(frozen=True)
class Filters:
    agencies: frozenset[str]
    credit_openers: tuple[str, ...]
    credit_markers: tuple[str, ...]
    ship_nouns: frozenset[str]
    ship_prefixes: frozenset[str]
    junk: frozenset[str]
    competitor_words: tuple[str, ...] = ()
    org_suffixes: frozenset[str] = frozenset()
    event_suffixes: tuple[str, ...] = ()
    org_cues: tuple[str, ...] = ()
    person_titles: frozenset[str] = frozenset()
    person_roles: frozenset[str] = frozenset()
    forum_nouns: frozenset[str] = frozenset()  # lower case: "format", "talks" (extract._named_forums)
    portfolios: frozenset[str] = frozenset()  # lower case: "finance", "interior" (spans._portfolio_of_title)
    abbreviations: frozenset[str] = frozenset()
    nicknames: Mapping[str, str] = field(default_factory=dict)  # folded short form -> full first name
    # folded common first names (the reporting-verb lexicon's gendered lists and the hypocorisms)
    first_names: frozenset[str] = frozenset()
    # and the census's common first names beside them (first_names.yaml): for untagged speakers
    common_first_names: frozenset[str] = frozenset()
    non_actors: frozenset[str] = frozenset()  # folded: time zones, taxes, section names, bare titles
    non_actor_heads: frozenset[str] = frozenset()  # last words of laws, programmes, weapons, products
    # lower-case nouns of such things: a name always before one names the thing ("the Zorvex variant")
    thing_nouns: frozenset[str] = frozenset()
    # lower case: a noun after a name or heading its apposition -> the kind it makes the name
    kind_nouns: Mapping[str, str] = field(default_factory=dict)
    body_openers: frozenset[str] = frozenset()  # as written: "Studio", "Cafe" before a proper name
    outlet_words: frozenset[str] = frozenset()  # as written: "Herald", "News", "TV" in an outlet's name
    # folded, without full stops: degrees and credentials after a name ("Ann Avery, MD")
    credentials: frozenset[str] = frozenset()
    male_titles: frozenset[str] = frozenset()  # as written, with and without the full stop
    female_titles: frozenset[str] = frozenset()
    org_aliases: tuple[tuple[str, ...], ...] = ()  # one body's names, the shown one first
    shared_form_context: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # shown name -> words

    def title_sex(self, title: str) -> str:
        """ "m" or "f" for a title that says a person's sex ("Mr.", "Mrs."), else ""."""
        if title in self.male_titles or title + "." in self.male_titles:
            return "m"
        return "f" if title in self.female_titles or title + "." in self.female_titles else ""


@dataclass(frozen=True)
class Registry:
    """Everything the actor layer knows before reading: actors, aliases, roles, gazetteer, filters."""

    actors: tuple[Actor, ...]
    names: PhraseIndex  # names and aliases -> actor id
    seats: PhraseIndex  # capitals and seats -> actor id of the state
    adjectives: PhraseIndex  # nationality adjectives -> actor id of the state
    adjective_heads: frozenset[str]
    handles: Mapping[str, str]  # handle_key -> actor id
    roles: tuple[Role, ...]
    gazetteer: PhraseIndex  # states -> "country", other settings -> "place"
    place_heads: tuple[str, ...]
    ambiguous_surnames: frozenset[str]  # folded; these never stand alone for a registry person
    place_cues: tuple[str, ...]
    demonyms: frozenset[str]  # folded nationality words ("polish", "britons"): not actors alone
    filters: Filters
    place_prepositions: frozenset[str] = frozenset()  # folded; "in X" makes a lone name a place
    official_names: Mapping[str, str] = field(default_factory=dict)  # folded long name -> short name
    regions: frozenset[str] = frozenset()  # folded states, provinces, abbreviations ("Lowtown, Ont.")
    world_regions: frozenset[str] = frozenset()  # folded continents and world regions

    def actor(self, actor_id: str) -> Actor | None:
        """The first registry actor of that id."""
        return self._by_id.get(actor_id)

    @cached_property
    def _by_id(self) -> dict[str, Actor]:
        """The actors by id, the first of an id kept: ``actor`` is asked per mention."""
        out: dict[str, Actor] = {}
        for a in self.actors:
            out.setdefault(a.id, a)
        return out


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = read_yaml(path) or {}
    return data


def _actor(row: Mapping[str, Any]) -> Actor:
    return Actor(
        id=str(row["id"]),
        name=str(row["name"]),
        type=str(row.get("type", "organization")),
        aliases=tuple(str(a) for a in row.get("aliases") or ()),
        affiliation=row.get("affiliation"),
        role=str(row.get("role") or ""),
    )


def _name_pairs(rows: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    for row in rows:
        yield str(row["name"]), str(row["id"])
        for alias in row.get("aliases") or ():
            yield str(alias), str(row["id"])


def _handles(rows: list[dict[str, Any]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in rows:
        out.setdefault(handle_key(str(row["name"])), str(row["id"]))
        for handle in row.get("handles") or ():
            out[handle_key(str(handle))] = str(row["id"])
    return out


def _roles(data: Mapping[str, Any]) -> tuple[Role, ...]:
    rows = data.get("roles") or {}
    return tuple(
        Role(str(key), tuple(fold(p) for p in v.get("phrases") or ()), tuple(v.get("short") or ()))
        for key, v in rows.items()
    )


def _filters(data: Mapping[str, Any]) -> Filters:
    def strs(key: str) -> tuple[str, ...]:
        return tuple(str(x) for x in data.get(key) or ())

    first_names = _first_names(data)
    return Filters(
        agencies=frozenset(strs("agencies")),
        credit_openers=tuple(fold(x) for x in strs("credit_openers")),
        credit_markers=strs("credit_markers"),
        ship_nouns=frozenset(fold(x) for x in strs("ship_nouns")),
        ship_prefixes=frozenset(strs("ship_prefixes")),
        junk=frozenset(strs("junk")),
        competitor_words=tuple(fold(x) for x in strs("competitor_words")),
        org_suffixes=frozenset(strs("org_suffixes")),
        event_suffixes=strs("event_suffixes"),
        org_cues=tuple(fold(x) for x in strs("org_cues")),
        person_titles=frozenset(strs("person_titles")),
        person_roles=frozenset(strs("person_roles")),
        forum_nouns=frozenset(w.lower() for w in strs("forum_nouns")),
        portfolios=frozenset(w.lower() for w in strs("portfolios")),
        abbreviations=frozenset(strs("abbreviations")),
        nicknames={fold(str(k)): fold(str(v)) for k, v in (data.get("nicknames") or {}).items()},
        non_actor_heads=frozenset(strs("non_actor_heads")),
        first_names=first_names,
        common_first_names=first_names | _census_first_names(),
        thing_nouns=frozenset(w.lower() for w in strs("thing_nouns")),
        kind_nouns={
            **{w.lower(): "organization" for w in strs("business_nouns")},
            **{w.lower(): "place" for w in strs("place_nouns")},
        },
        body_openers=frozenset(strs("body_openers")),
        outlet_words=frozenset(strs("outlet_words")),
        credentials=frozenset(fold(x).replace(".", "") for x in strs("credentials")),
        male_titles=frozenset(strs("male_titles")),
        female_titles=frozenset(strs("female_titles")),
        org_aliases=tuple(tuple(str(n) for n in line) for line in data.get("org_aliases") or ()),
        shared_form_context={
            str(k): tuple(str(w) for w in v or ()) for k, v in (data.get("shared_form_context") or {}).items()
        },
        non_actors=frozenset(
            fold(x) for group in (data.get("non_actors") or {}).values() for x in group or ()
        ),
    )


def _first_names(data: Mapping[str, Any]) -> frozenset[str]:
    """Common first names: the hypocorism lexicon's both sides and the gendered lists the
    speakers' pronoun agreement reads (load_cues: one list for the pronouns and the actors' types)."""
    gendered = load_cues().first_names.values()
    nicknames = (data.get("nicknames") or {}).items()
    return frozenset(
        [fold(n) for names in gendered for n in names] + [fold(str(w)) for pair in nicknames for w in pair]
    )


def _census_first_names() -> frozenset[str]:
    raw = read_yaml(LEXICONS / "first_names.yaml") or {}
    return frozenset(fold(str(n)) for key in ("male", "female") for n in raw.get(key) or ())


def _gazetteer(places: Mapping[str, Any]) -> PhraseIndex:
    countries = [(str(c), "country") for c in places.get("countries") or ()]
    settings = [
        (str(p), "place") for key in ("world_regions", "places", "regions") for p in places.get(key) or ()
    ]
    bodies = [(str(o), "organization") for o in places.get("organizations") or ()]
    return phrase_index(countries + settings + bodies)


BESIDE = ("places.yaml", "roles.yaml", "actor_filters.yaml")  # lexicons read from beside the registry


def load_registry(path: Path | None = None) -> Registry:
    """The registry at ``path`` (default lib/lexicons/actors.yaml) with the lexicons beside it.

    Parsed once while the files are unchanged: every extracted batch asks for it (the YAML took
    0.25 s a time, paid 625 times by a 10,000-document ingest).
    """
    path = path or DEFAULT_PATH
    files = (path, *(path.parent / name for name in BESIDE))
    return _load_registry(path, tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files))


@lru_cache(maxsize=4)
def _load_registry(path: Path, stamp: tuple[int, ...]) -> Registry:
    data = _read(path)
    rows = list(data.get("actors") or ())
    places = _read(path.parent / "places.yaml") if (path.parent / "places.yaml").exists() else {}
    roles = _read(path.parent / "roles.yaml") if (path.parent / "roles.yaml").exists() else {}
    filters = (
        _read(path.parent / "actor_filters.yaml") if (path.parent / "actor_filters.yaml").exists() else {}
    )
    seats = data.get("seats") or {}
    adjectives = [(str(a), str(r["id"])) for r in rows for a in r.get("adjectives") or ()]
    return Registry(
        actors=tuple(_actor(r) for r in rows),
        names=phrase_index(_name_pairs(rows)),
        seats=phrase_index((str(k), str(v)) for k, v in seats.items()),
        adjectives=phrase_index(adjectives),
        adjective_heads=frozenset(fold(h) for h in data.get("adjective_heads") or ()),
        handles=_handles(rows),
        roles=_roles(roles),
        gazetteer=_gazetteer(places),
        place_heads=tuple(fold(h) for h in places.get("place_heads") or ()),
        ambiguous_surnames=frozenset(fold(n) for n in data.get("ambiguous_surnames") or ()),
        place_cues=tuple(fold(h) for h in places.get("place_cues") or ()),
        demonyms=frozenset(fold(d) for d in places.get("demonyms") or ()),
        filters=_filters(filters),
        place_prepositions=frozenset(fold(p) for p in places.get("place_prepositions") or ()),
        official_names={fold(str(k)): str(v) for k, v in (places.get("official_names") or {}).items()},
        regions=frozenset(
            fold(str(r)) for key in ("regions", "region_abbreviations") for r in places.get(key) or ()
        ),
        world_regions=frozenset(fold(str(r)) for r in places.get("world_regions") or ()),
    )
