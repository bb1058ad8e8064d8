"""One actor per real entity across a corpus: name variants, surnames, acronyms, organisation forms.

Within one document lib/extract/actors/chains.py links a surname to the full name written there;
this pass links what the documents leave apart, in the manner of cross-document person-name
coreference (Bagga & Baldwin 1998, "Entity-based cross-document coreferencing using the vector
space model"; Singh et al. 2011): candidates are blocked by a name key (surname, initials,
acronym letters), never compared all against all, and an ambiguous key is resolved by the
mention's own document, never by a corpus-wide string match:

* full names: titles, middle names and initials dropped ("Paul Q. Avery" = "Paul Avery"); a
  generational suffix keeps the person apart ("Avery Jr." is the son); hypocorisms ("Jim" /
  "James", lexicon) and near spellings (guarded: the two forms never share a document, where two
  relatives would; a surname's two spellings sound alike and are written in one event's reports)
  are one person;
* a bare surname is the full-named person of its document who has it; with none there, the one
  such person of the corpus (lower confidence); with two or more, it stays itself;
* acronyms: dotted and plain forms are one ("F.B.I." = "FBI"); an acronym is the organisation
  whose initials it spells when the corpus has exactly one such name, or a document defines it
  ("Full Name (ACR)");
* organisations: a legal suffix or a leading article changes nothing ("Acme Corp." = "Acme"); a
  party is named by its adjective ("Purple" = "Purple Party"); a team by its nickname after its
  place ("Lowtown Herons" = "Herons").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from lib.extract.actors.registry import Registry
from lib.extract.actors.reports import report_groups
from lib.extract.actors.spans import NAME_PARTICLES
from lib.extract.quotes.cues import first_name_sex, load_cues, load_titles
from lib.records import Actor, Mention
from lib.text.aliases import fold

Found = tuple[Mention, Actor]

# Generational suffixes: part of who a person is ("Avery Jr." is not "Avery"), not of the surname.
SUFFIXES = {"jr": "jr", "jr.": "jr", "sr": "sr", "sr.": "sr", "ii": "ii", "iii": "iii", "iv": "iv"}
# Words an initialism skips ("Bureau of Investigation" -> BI).
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&", "to"})
# Legal-form suffixes and articles that do not change which organisation is meant.
LEGAL_FORMS = frozenset(
    {
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "limited",
        "plc",
        "llc",
        "ag",
        "sa",
        "spa",
        "nv",
        "gmbh",
        "lp",
    }
)
# A name's first word abbreviated as it is written out ("Mt Avery" = "Mount Avery", "St. Avery"
# = "Saint Avery"); only leading, where "St." is no street.
LEADING_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "st": "saint", "pt": "point"}
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z][A-Z&]{1,6}")
# "the Federal Office of Weather (FOW)": a definition of an acronym in running text.
_DEFINITION = re.compile(
    r"([A-Z][\w'&.-]*(?:[ ](?:of|the|and|for|on|de|[A-Z][\w'&.-]*)){1,9})[ ]\(([A-Z][A-Z.&]{1,8})\)"
)
# A town's emergency service named with or without its administrative word (_link_forces).
_FORCE_SERVICES = frozenset({"police", "fire", "ambulance"})
_FORCE_ADMIN = frozenset({"department", "service", "force"})
_PRONOUN = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
# "at Lowtown": a club plays at a town's ground, so the town after "at" is the venue.
VENUE_PREPOSITIONS = frozenset({"at"})
# A town's address: its region or state after a comma, by name or abbreviated ("Lowtown, Fr.").
_REGION_AFTER = re.compile(r",[ ](?:(?P<abbr>[A-Z][a-z]{0,4}\.)|(?P<name>[A-Z][\w-]+(?:[ ][A-Z][\w-]+)?))")
_NUMERAL_PLURAL = re.compile(r"\d+[a-z]{2,}s|\d+[A-Z]{2,}S")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
FUZZY_SURNAME = 88.0  # rapidfuzz ratio: "Threlkelde" ~ "Threlkeld", not "Ryan" ~ "Rian"
LONG_SURNAME = 9  # letters from which a surname spelt two ways is one name (_near_surname)
ROMANISED_LEAST = 6  # letters of a surname that two romanisations may join (romanised_key)
# One Cyrillic letter as romanisations write it: "я" ya / ia, "ю" yu / iu, "х" kh / h, "й" and "ы" y / i
_ROMANISED = (("kh", "h"), ("ya", "ia"), ("yu", "iu"), ("yo", "io"), ("ye", "ie"), ("y", "i"))
FUZZY_FIRST = 85.0
FUZZY_TRANSLITERATION = 75.0
# A bare surname's bearer by the company the reports keep (CorpusResolver._by_company): the
# summed IDF of the actors shared must reach COMPANY_MIN (about two actors named in a tenth of
# the reports each) and beat the next bearer's COMPANY_MARGIN times.
PROTAGONIST = 3
COMPANY_MIN = 3.0
COMPANY_MARGIN = 2.0


class _Union:
    """Union-find over actor ids."""

    def __init__(self) -> None:
        self.up: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.up.get(root, root) != root:
            root = self.up[root]
        while x != root:
            self.up[x], x = root, self.up.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.up[rb] = ra


@dataclass
class _Stats:
    actor: Actor
    count: int = 0
    docs: set[str] = field(default_factory=set)
    kinds: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class PersonName:
    first: str  # folded; "" for a bare surname
    last: str
    suffix: str  # "jr", "iii" or ""
    goes_by: str = ""  # folded nickname written inside the name ('Robert "Bobby" Avery'), or ""
    middle: str = ""  # folded one middle name ("Mark" of "W. Mark Avery"; not an initial), or ""


# A nickname written inside a full name, in parentheses or quotation marks ('Ann (Annie) Avery',
# 'Robert "Bobby" Avery'): the news convention for the name a person goes by; not part of the
# first name or the surname.
_NICKNAME_INSIDE = re.compile(r"(?<=\w)\s+(?:\(([^()]{1,20})\)|[\"“]([^\"“”]{1,20})[\"”])(?=\s+\w)")


def _pronoun_sex_after(text: str, end: int) -> str:
    """ "m" or "f" by the first third-person pronoun in the 250 characters after ``end``, else ""."""
    pronoun = _PRONOUN.search(text[end : end + 250])
    return "" if not pronoun else "m" if pronoun.group(1).lower() in ("he", "him", "his") else "f"


def _decided(tally: Counter[str]) -> str:
    """The sex a tally of votes states: two votes or more, at three to one or better."""
    if not tally:
        return ""
    sex, n = tally.most_common(1)[0]
    return sex if n >= 2 and n >= 3 * (sum(tally.values()) - n) else ""


def person_name(
    name: str, titles: frozenset[str], demonyms: frozenset[str] = frozenset()
) -> PersonName | None:
    """The parts of a person's name that identify them: first, last and a generational suffix.

    Leading titles, nationality words ("Freedonian Ann Avery") and short capitals ("WR Avery",
    a position or rank: first names are not written in capitals) are not part of it."""
    inside = _NICKNAME_INSIDE.search(name)
    goes_by = fold(inside.group(1) or inside.group(2)) if inside is not None else ""
    words = [w for w in _NICKNAME_INSIDE.sub(" ", name).replace(",", " ").split() if w]
    while len(words) > 1 and (
        words[0] in titles
        or words[0].rstrip(".") in titles
        or words[0] + "." in titles  # "Sgt Avery": British style drops the full stop
        or fold(words[0]) in demonyms
        or (words[0].isupper() and 2 <= len(words[0]) <= 3)
    ):
        words = words[1:]
    suffix = ""
    while len(words) > 1 and words[-1].lower() in SUFFIXES:
        suffix = SUFFIXES[words.pop().lower()]
    if not words or not all(w[:1].isupper() or w[:1] in "'’" or _particle(w) for w in words):
        return None
    if _particle(words[-1]):
        return None
    # A surname with its particles ("Ann de Vries", "Bo Van der Berg"): the particles belong to
    # the surname, and a name that opens with one has no first name ("Van der Berg").
    start = len(words) - 1
    while start > 0 and _particle(words[start - 1]) and (start > 1 or _leading_particle(words[0])):
        start -= 1
    last = fold(" ".join(words[start:])).strip(".'’")
    first = fold(words[0]).strip(".") if start > 0 else ""
    middle = fold(words[1]).strip(".") if start == 2 else ""
    middle = middle if len(middle) >= 2 else ""  # an initial says little of whom
    return PersonName(first, last, suffix, goes_by if " " not in goes_by else "", middle) if last else None


# Particles that also open a surname written without its first name ("De Vries", "Van der
# Berg", "La Fontaine"); "Al", "Ben", "Van", "Abu" are first names too ("Al Avery"), so written
# capitalised at the start they are taken for one. Lower case, any particle opens a surname.
LEADING_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "das", "do", "dos", "du", "von", "vom", "zu", "der", "den"}
    | {"ter", "ten", "la", "le", "vanden", "vander", "vande"}
)


def _particle(word: str) -> bool:
    """A surname particle (spans.NAME_PARTICLES, and the Dutch contracted forms); not a
    one-letter one ("y", "e"), which is read as an initial in a capitalised name."""
    key = fold(word)
    return len(key) > 1 and (key in NAME_PARTICLES or key in LEADING_PARTICLES)


def _leading_particle(word: str) -> bool:
    return word[:1].islower() or fold(word) in LEADING_PARTICLES


def acronym_key(name: str) -> str | None:
    """ "F.B.I." and "FBI" -> "FBI"; None for a name that is no acronym."""
    if not _ACRONYM.fullmatch(name):
        return None
    return name.replace(".", "")


def initials(name: str) -> str | None:
    """The initialism a name of two or more capitalised words spells ("Office of Weather" -> "OW")."""
    words = [w for w in re.split(r"[ -]+", name) if w and fold(w) not in ACRONYM_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


# A web address's top-level domain after a one-word name: "Acme.com" is Acme's site, written for Acme.
_DOMAIN = re.compile(r"(?<=\w)\.(?:com|org|net|co\.uk|com\.au)$", re.IGNORECASE)


# "the President's Office" is "the Office of the President": English names a body by either
# genitive (the s-genitive and the of-genitive, Quirk et al. 1985, 5.115-5.118); one word after
# the possessive, so "Russia's Defence Ministry" (two) is left as written.
_S_GENITIVE = re.compile(r"^(?P<owner>.+?)'s (?P<thing>[a-z-]+)$")


def alias_owners(lines: Sequence[Sequence[str]]) -> dict[str, list[int]]:
    """Each form's org_key -> the lines of the alias lexicon (one body each) that write it: a form
    on one line is that body's own; on two ("House") it is shared."""
    owners: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        for name in line:
            key = org_key(name)
            if i not in owners.setdefault(key, []):
                owners[key].append(i)
    return owners


def org_key(name: str) -> str:
    """An organisation's name without a leading article, a trailing legal form or a web domain,
    an s-genitive written as the of-genitive ("office of president" for both forms)."""
    words = _DOMAIN.sub("", fold(name)).replace(",", " ").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[0].rstrip(".") in LEADING_ABBREVIATIONS:
        words = [LEADING_ABBREVIATIONS[words[0].rstrip(".")], *words[1:]]
    while len(words) > 1 and words[-1].strip(".") in LEGAL_FORMS:
        words.pop()
    key = " ".join(w.strip(".") if i == len(words) - 1 else w for i, w in enumerate(words))
    if (genitive := _S_GENITIVE.match(key)) is not None:
        key = f"{genitive['thing']} of {genitive['owner']}"
    key = key.replace(" of the ", " of ")
    words = key.split()
    if len(words) == 2 and words[1] in _SEA_NOUNS and words[0].endswith(_SEA_ADJECTIVE_ENDINGS):
        return words[0]
    return key


# "the Eastlandic Sea" and "the Eastlandic": a sea or ocean named by an adjective is also called by
# the adjective alone, with the article (the Aegean, the Adriatic). Only the
# adjectival endings: "North Sea" is no "North", "Black Sea" no "Black".
_SEA_NOUNS = frozenset({"sea", "ocean"})
_SEA_ADJECTIVE_ENDINGS = ("ean", "ic")


def plural_variant_key(key: str) -> str | None:
    """An org_key of four words or more with each word's plural -s dropped: a long name written
    with one word in the plural or not ("Institute of River Barges Builders" / "Institute of River
    Barge Builders") is one body. None for shorter names, where a plural may name another body."""
    words = key.split()
    return " ".join(_singular(w) for w in words) if len(words) >= 4 else None


def _singular(word: str) -> str:
    """A word without a plural -s ("pictures" -> "picture"); "-ss", "-us", "-is" and short words kept."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def definitions(texts: Iterable[str]) -> dict[str, str]:
    """Acronym -> folded expansion, from "Full Name (ACR)" in the texts (the expansion's words
    end with the acronym's initials)."""
    out: dict[str, str] = {}
    for text in texts:
        if " (" not in text:  # every definition holds one: the pattern is not run over the text
            continue
        for m in _DEFINITION.finditer(text):
            acr = m.group(2).replace(".", "")
            words = m.group(1).split(" ")
            for start in range(len(words)):
                full = " ".join(words[start:])
                if initials(full) == acr:
                    out.setdefault(acr, org_key(full))
                    break
    return out


class CorpusResolver:
    """Canonical actors for the mentions of a corpus (see the module docstring)."""

    def __init__(
        self,
        found: Sequence[Found],
        reg: Registry,
        texts: Mapping[str, str],
    ) -> None:
        self.reg = reg
        self.texts = texts
        self.titles = frozenset(t for t in reg.filters.person_titles if t[:1].isupper())
        self.nicknames = reg.filters.nicknames
        self.stats: dict[str, _Stats] = {}
        for m, a in found:
            s = self.stats.get(a.id)
            if s is None:  # a record made per actor, not per mention (setdefault's default is made each time)
                s = self.stats[a.id] = _Stats(a)
            s.count += 1
            s.docs.add(m.doc_id)
            s.kinds[a.type] += 1
        self._kinds: dict[str, str] = {}  # _kind's answers (the counts above are final)
        # Reports of one event (lib/extract/actors/reports.py): inside one, name variants are
        # linked more boldly than across the corpus.
        self.group = report_groups(texts) if texts else {}
        self.group_docs: dict[str, set[str]] = {}
        for doc_id, g in self.group.items():
            self.group_docs.setdefault(g, set()).add(doc_id)
        self._raw_df: Counter[str] | None = None
        self._names: dict[str, str] | None = None
        self._lasts: frozenset[str] | None = None
        self._by_word: (
            tuple[dict[str, list[tuple[str, bool, set[str]]]], dict[str, list[tuple[str, set[str]]]]] | None
        ) = None
        self.shown_names = frozenset(org_key(line[0]) for line in reg.filters.org_aliases if line)
        self.alias_keys = frozenset(org_key(n) for line in reg.filters.org_aliases for n in line)
        self.uf = _Union()
        self.leading = self._link_leading_forms()
        self.people: dict[str, PersonName] = {}
        for aid, s in self.stats.items():
            if aid in self.leading:
                continue  # a body's leading words, however the model typed them
            words = s.actor.name.split()
            # "Freedonian Ann Avery" read as a body is a person with a nationality word before.
            # Not where the last word makes it a body ("Freedonian Defence Ministry Press Service").
            led = (
                len(words) >= 3
                and fold(words[0]) in self.reg.demonyms
                and words[-1].strip(".,") not in self.reg.filters.org_suffixes
            )
            # A nickname inside a name ('Ann (Annie) Avery') is how news names people, whatever
            # the model typed.
            nicknamed = _NICKNAME_INSIDE.search(s.actor.name) is not None
            if self._kind(aid) == "person" or led or nicknamed:
                parts = person_name(s.actor.name, self.titles, self.reg.demonyms)
                if parts is not None:
                    self.people[aid] = parts
        self._first_names_and_surnames()
        said = self._sex_said(found)  # read once: the ids it counts for are linked in between
        self._raw_sex = self._sexes(said)  # by the names' own ids, before any link
        self._link_people()
        self.tails: dict[str, list[str]] = {}  # a short form several place-led names share -> them
        self.shorts: dict[str, list[str]] = {}  # a body's one-word form its event leaves open -> bodies
        self.groups_named = _named_with_article(found, texts)
        self._link_organisations(definitions(texts.values()))
        self._link_short_forms()
        self.described = self._link_described({fold(m.text) for m, _ in found})
        self.by_surname = self._surname_index()
        self._candidates: dict[str, list[str]] = {}  # _surname_candidates' answers
        self.members = Counter(self.uf.find(aid) for aid in self.stats)
        self.titled: dict[str, set[str]] = {}  # root -> titles written right before its full name
        self.offices: dict[str, set[str]] = {}  # root -> offices those titles give (_office_before)
        for m, a in found:
            if self._full_named(m, a):
                title = self._title_before(m)
                if title:
                    self.titled.setdefault(self.uf.find(a.id), set()).add(title)
                if office := self._office_before(m):
                    self.offices.setdefault(self.uf.find(a.id), set()).add(office)
        self.per_doc: dict[str, Counter[str]] = {}  # root -> doc -> mentions
        self.first_at: dict[tuple[str, str], int] = {}  # (root, doc) -> its first mention's start
        for m, a in found:
            root = self.uf.find(a.id)
            if (counts := self.per_doc.get(root)) is None:
                counts = self.per_doc[root] = Counter()
            counts[m.doc_id] += 1
            at = self.first_at.get((root, m.doc_id))
            self.first_at[(root, m.doc_id)] = m.start if at is None else min(at, m.start)
        self.sex = self._sexes(said)
        self._report_sexes: dict[tuple[str, str], str] = {}  # _report_sex's answers
        self._full_names: dict[str, list[str]] | None = None
        self._doc_roots: dict[str, set[str]] | None = None
        self._df: Counter[str] = Counter()
        self._profiles: dict[str, tuple[set[str], Counter[str]]] = {}
        self._club_index: dict[str, set[str]] | None = None
        self._adjacent = self._place_then_nickname(found)

    def _kind(self, aid: str) -> str:
        """An actor's kind: the registry's, else a person if any mention of a full name says so
        (the model mistypes some), else the most frequent. The mentions are all counted before
        any is asked, so each id's kind is worked out once."""
        kind = self._kinds.get(aid)
        if kind is None:
            kind = self._kinds[aid] = self._kind_of(aid)
        return kind

    def _kind_of(self, aid: str) -> str:
        s = self.stats[aid]
        known = self.reg.actor(aid)
        if known is not None:
            return known.type
        if aid in self.leading:  # a body's leading words (_link_leading_forms)
            return "organization"
        if s.kinds["person"] and len(s.actor.name.split()) > 1:
            return "person"
        return s.kinds.most_common(1)[0][0]

    # -- people --------------------------------------------------------------------------

    def _first_names_and_surnames(self) -> None:
        """ "Peggy Avery" the model read as a place or a body, where the corpus names a person Avery
        in full: a first name (one the hypocorism lexicon knows, short or full) and a known
        surname make a person's name, whatever the model typed."""
        lasts = {p.last for p in self.people.values() if p.first}
        firsts = set(self.nicknames) | set(self.nicknames.values())
        for aid, s in self.stats.items():
            words = s.actor.name.split()
            if (
                aid in self.people
                or len(words) != 2
                or self.reg.actor(aid) is not None
                or self.reg.gazetteer.get(s.actor.name) is not None
            ):
                continue
            parts = person_name(s.actor.name, self.titles, self.reg.demonyms)
            if parts is not None and parts.first in firsts and parts.last in lasts:
                self.people[aid] = parts

    def _link_people(self) -> None:
        full = {aid: p for aid, p in self.people.items() if p.first}
        by_key: dict[tuple[str, str, str], list[str]] = {}
        for aid, p in full.items():
            by_key.setdefault((p.first, p.last, p.suffix), []).append(aid)
        for aid, p in full.items():
            # 'Robert "Bobby" Avery' is the "Bobby Avery" of other reports: the name he goes by.
            if p.goes_by and (p.goes_by, p.last, p.suffix) in by_key:
                self.uf.union(by_key[(p.goes_by, p.last, p.suffix)][0], aid)
        for ids in by_key.values():
            for other in ids[1:]:
                self.uf.union(ids[0], other)
        romanised: dict[tuple[str, str, str], str] = {}
        for (first, last, suffix), ids in by_key.items():
            if len(_letters(last)) >= ROMANISED_LEAST:
                key = (romanised_key(first), romanised_key(last), suffix)
                self.uf.union(romanised.setdefault(key, ids[0]), ids[0])
        self._link_middle_names(full, by_key)
        self._link_written_out(full)
        by_last: dict[tuple[str, str], list[str]] = {}
        by_first: dict[tuple[str, str], list[str]] = {}
        for (first, last, suffix), ids in by_key.items():
            by_last.setdefault((last, suffix), []).append(ids[0])
            by_first.setdefault((first, suffix), []).append(ids[0])
        for block in by_last.values():
            for a, b in ((a, b) for i, a in enumerate(block) for b in block[i + 1 :]):
                if self._nickname(full[a].first, full[b].first):
                    self.uf.union(a, b)  # "Jim Avery" and "James Avery" even in one text
            self._link_pairs(block, lambda a, b: self._same_first(full[a].first, full[b].first))
            if len(block) == 2:  # two forms only of the surname in the corpus
                a, b = block
                if full[a].first[:1] == full[b].first[:1] and self._same_company(a, b):
                    self._link_pairs(block, lambda x, y: True)
            self._link_in_groups(block, full)
        for block in by_first.values():
            self._link_pairs(
                block,
                lambda a, b: _near_surname(full[a].last, full[b].last) and self._one_event(a, b),
            )

    def _link_leading_forms(self) -> set[str]:
        """A body named in full once and by its leading words after, in one report ("Lowtown
        Catholic High School" ... "Lowtown Catholic"): the leading words the model read as a
        person's name (a first name and a surname) are that body. The full
        name ends with a body's word (org_suffixes) one or two words after them. Not where the
        first word is a first name ("Ann Avery" of the "Ann Avery Foundation" is the person it is
        named after). The ids linked so."""
        suffixes = {fold(w) for w in self.reg.filters.org_suffixes}
        firsts = self.reg.filters.first_names | self.reg.filters.common_first_names
        bodies: dict[tuple[str, str], str] = {}  # (doc, folded leading words) -> the body's id
        for aid, s in self.stats.items():
            words = fold(s.actor.name).split()
            if len(words) >= 3 and words[-1] in suffixes:
                for n in (len(words) - 2, len(words) - 1):
                    if n >= 2:
                        for doc_id in s.docs:
                            bodies.setdefault((doc_id, " ".join(words[:n])), aid)
        linked: set[str] = set()
        for aid, s in self.stats.items():
            words = fold(s.actor.name).split()
            if len(words) < 2 or words[0] in firsts or words[-1] in suffixes:
                continue
            if s.kinds.most_common(1)[0][0] != "person" or self.reg.gazetteer.get(s.actor.name) is not None:
                continue  # "New York" of "New York University" is the city
            body = next((b for d in s.docs if (b := bodies.get((d, " ".join(words)))) is not None), None)
            if body is not None:
                self.uf.union(body, aid)
                linked.add(aid)
        return linked

    def _link_middle_names(
        self, full: dict[str, PersonName], by_key: dict[tuple[str, str, str], list[str]]
    ) -> None:
        """ "Ann Bo Avery" and "Bo Avery" written in the reports of one event: one person. The word
        before is a first name before the one a person goes by ("W. Mark Avery", "J. Edgar"), a
        descriptor or a title the lexicon lacks ("Harbour Bo Avery"), or the name ends with a
        surname of two words ("Ann St. Avery" and "St. Avery"); news writes a name so and then
        shorter, and two people of one event named so alike are rare."""
        for aid, p in full.items():
            if not p.middle:
                continue
            for other in by_key.get((p.middle, p.last, p.suffix), ()):
                if self._groups_of(self.stats[aid].docs) & self._groups_of(self.stats[other].docs):
                    self.uf.union(other, aid)

    def _one_event(self, a: str, b: str) -> bool:
        """Whether two names are written in the reports of one event."""
        return bool(self._groups_of(self.stats[a].docs) & self._groups_of(self.stats[b].docs))

    def _groups_of(self, docs: set[str]) -> set[str]:
        return {self.group.get(d, d) for d in docs}

    def _link_in_groups(self, block: list[str], full: dict[str, PersonName]) -> None:
        """Full names of one surname in the reports of one event ("Mo Avery" and "Maurice Avery"):
        one person where their first names start alike, they never share a report (where two
        would be two relatives) and every full name of the surname in that event starts so.
        First names that start otherwise are two people (the ambiguity guard)."""
        if len(block) < 2:
            return
        by_group: dict[str, list[str]] = {}
        for aid in block:
            for g in self._groups_of(self.stats[aid].docs):
                by_group.setdefault(g, []).append(aid)
        for ids in by_group.values():
            self._link_pairs(ids, lambda a, b: _alike_firsts(full[a].first, full[b].first))
            self._link_spellings(ids, full)

    def _link_spellings(self, ids: list[str], full: dict[str, PersonName]) -> None:
        """Two spellings of one first name in one report ("Aleksei" and "Alexei Avery", a
        transliteration or a slip of the writer): one person where the first names share their
        first three letters (_alike_firsts), no sentence writes both (a list of relatives does),
        the two are not a man's and a woman's form ("Daniel" / "Danielle") and the pronouns after
        them do not say otherwise."""
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                fa, fb = full[a].first, full[b].first
                shared = self.stats[a].docs & self.stats[b].docs
                if (
                    not shared
                    or min(len(fa), len(fb)) < 4
                    or fa[:3] != fb[:3]
                    or _gendered_pair(fa, fb)
                    or {self._raw_sex.get(a, ""), self._raw_sex.get(b, "")} == {"m", "f"}
                    or any(self._in_one_sentence(a, b, d) for d in shared)
                ):
                    continue
                self.uf.union(a, b)

    def _in_one_sentence(self, a: str, b: str, doc_id: str) -> bool:
        """Whether some sentence of a report writes both names."""
        text = self.texts.get(doc_id, "")
        for sentence in _SENTENCE.split(text):
            if self.stats[a].actor.name in sentence and self.stats[b].actor.name in sentence:
                return True
        return False

    def _link_described(self, alone: set[str]) -> dict[str, str]:
        """A name written after its descriptor ("Lowtown QB Ann Avery", "Harbour Sergeant Bo
        Quill"): a span of three or more words that ends with the full name of a person the
        reports of its event name, and call by the surname alone somewhere, is that person.
        News writes a team, an office or a rank before a name; the model takes them in and
        types the whole as it likes. Span id -> the person's id; only the mentions that write
        the surname follow (a chain may have hung a team's name on the long span)."""
        names: dict[str, list[str]] = {}
        for aid, p in self.people.items():
            words = self.stats[aid].actor.name.split()
            if p.first and len(words) in (2, 3) and p.last in alone and not club_nickname(words[-1:]):
                names.setdefault(fold(" ".join(words)), []).append(aid)
        out: dict[str, str] = {}
        for aid, s in self.stats.items():
            words = s.actor.name.split()
            if len(words) < 3 or self.reg.actor(aid) is not None or self.reg.gazetteer.get(s.actor.name):
                continue
            if words[-1].strip(".,") in self.reg.filters.org_suffixes:
                continue
            for n in (3, 2):
                people = names.get(fold(" ".join(words[-n:]))) if n < len(words) else None
                if people and self._groups_of(s.docs) & self._groups_of(self.stats[people[0]].docs):
                    out[aid] = people[0]
                    break
        return out

    def _same_company(self, a: str, b: str) -> bool:
        """Two names in reports that name the same other actors, by the summed inverse document
        frequency of those actors (COMPANY_MIN, as for a bare surname's bearer): the reports of
        one event (Bagga & Baldwin 1998's context vectors, with named actors as the context)."""
        if self._raw_df is None:
            self._raw_df = Counter(i for s in self.stats.values() for i in [s.actor.id] * len(s.docs))
            self._raw_docs: dict[str, set[str]] = {}
            for aid, st in self.stats.items():
                for d in st.docs:
                    self._raw_docs.setdefault(d, set()).add(aid)
        n_docs = max(1, len(self._raw_docs))

        def company(x: str) -> set[str]:
            return {o for d in self.stats[x].docs for o in self._raw_docs.get(d, ())} - {a, b}

        shared = company(a) & company(b)
        return sum(math.log(n_docs / self._raw_df[o]) for o in shared) >= 2 * COMPANY_MIN

    def _link_written_out(self, full: dict[str, PersonName]) -> None:
        """ "Ann Beth Avery Jr." and "Ann Beth Avery": a name written out with its middle name is
        one person with or without the suffix (not "Ann Avery" and "Ann Avery Jr.": father and son)."""
        by_long: dict[str, list[str]] = {}
        for aid in full:
            words = self.stats[aid].actor.name.replace(",", " ").split()
            while words and words[-1].lower() in SUFFIXES:
                words.pop()
            if len(words) >= 3:
                by_long.setdefault(fold(" ".join(words)), []).append(aid)
        for ids in by_long.values():
            for other in ids[1:]:
                if not (self.stats[ids[0]].docs & self.stats[other].docs):
                    self.uf.union(ids[0], other)

    def _link_pairs(self, block: list[str], same: Callable[[str, str], bool]) -> None:
        """Link the variants of one block (a handful of names) that never share a document:
        two forms in one text are two people ("Ann Avery" and "Anna Avery", sisters)."""
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if same(a, b) and not (self.stats[a].docs & self.stats[b].docs):
                    self.uf.union(a, b)

    def _nickname(self, a: str, b: str) -> bool:
        return self.nicknames.get(a) == b or self.nicknames.get(b) == a

    def _same_first(self, a: str, b: str) -> bool:
        if a == b or self._nickname(a, b):
            return True
        short, long = sorted((a, b), key=len)
        return (len(short) >= 3 and long.startswith(short)) or _near(a, b, FUZZY_FIRST)

    def _surname_index(self) -> dict[tuple[str, str], list[str]]:
        """(surname, suffix) -> the canonical ids of the full-named people who have it."""
        out: dict[tuple[str, str], list[str]] = {}
        for aid, p in self.people.items():
            if p.first:
                root = self.uf.find(aid)
                ids = out.setdefault((p.last, p.suffix), [])
                if root not in ids:
                    ids.append(root)
        return out

    def _surname_candidates(self, aid: str) -> list[str]:
        """The full-named people a one-word name may be: by surname; a generational suffix
        counts only when written ("Avery" is the father where "Avery Jr." also appears). Asked
        once the people are linked (``by_surname`` is final): worked out once per id."""
        found = self._candidates.get(aid)
        if found is None:
            found = self._candidates[aid] = self._surname_candidates_of(aid)
        return found

    def _surname_candidates_of(self, aid: str) -> list[str]:
        name = self.stats[aid].actor.name
        parts = person_name(name, self.titles, self.reg.demonyms)
        if parts is None or parts.first or len(parts.last) < 2:
            return []
        plain = self.by_surname.get((parts.last, parts.suffix), [])
        if plain or parts.suffix:
            return plain
        # Only a suffixed bearer ("Ann Avery Jr."): the bare surname is that person.
        return [
            c
            for suffix in ("jr", "sr", "ii", "iii", "iv")
            for c in self.by_surname.get((parts.last, suffix), [])
        ]

    def bare(self, mention: Mention, actor: Actor) -> str | None:
        """The person a bare surname stands for, from its document first, else the corpus's only
        one; not one whose sex the report's pronouns after the name contradict ("X said ... He
        added" is no woman, whichever the report names in full or keeps company with)."""
        chosen = self._bare(mention, actor)
        title = self._title_before(mention)
        if (
            chosen is not None
            and title
            and not self.reg.filters.title_sex(title)
            and " " not in mention.text.strip()
        ):
            # "President Avery's son, Tom Avery Jr.": the report's one full name is the son's; the
            # title of office is the father's (see _retitled; an honorific says only the sex)
            parts = person_name(actor.name, self.titles, self.reg.demonyms)
            other = (
                self._titled_namesake(parts.last, parts.suffix, chosen, title) if parts is not None else None
            )
            if other is not None:
                return other
        if chosen is None or not (sex := self._sex_of(chosen)) or title:
            return chosen  # a title before the name says more than the report's pronouns
        if not any(name.endswith(f" {mention.text}") for name in self._full_names_of(chosen)):
            return chosen  # a first name ("Ann" of "Ann Avery"): its pronouns are read with it
        said = self._report_sex(mention)
        return None if said and said != sex else chosen

    def _bare(self, mention: Mention, actor: Actor) -> str | None:
        kind = self._kind(actor.id)
        if self.reg.actor(actor.id) is not None or self.reg.gazetteer.get(actor.name) is not None:
            return None
        cands = self._surname_candidates(actor.id)
        title = self._title_before(mention)
        sex = self.reg.filters.title_sex(title)
        if sex:  # "Mr. Avery" is none of the women named Avery
            cands = [c for c in cands if self._sex_of(c) in ("", sex)]
        if not cands:
            return self._first_named(mention, actor) if not title else None
        here = [c for c in cands if mention.doc_id in self.per_doc.get(c, ())]
        if kind not in ("person", "organization", "place"):
            return None
        if len(here) == 1:
            return here[0]
        if len(here) > 1:  # the one the document names most
            return max(here, key=lambda c: self._count_in(c, mention.doc_id))
        written = [c for c in cands if len(cands) > 1 and self._written_in(c, mention.doc_id)]
        if len(written) == 1:
            return written[0]  # "Forward Ann Avery" written here, the model tagging "Avery" only
        if len(cands) > 1 and (event := self._event_of(mention.doc_id)):
            near = [c for c in cands if not event.isdisjoint(self.per_doc.get(c, ()))]
            if len(near) == 1:
                return near[0]  # the one bearer named in the reports of this report's event
            if len(near) > 1:  # two bearers in one event: only a title here says which
                titled = [c for c in near if title and title in self.titled.get(c, set())]
                if len(titled) == 1:
                    return titled[0]
                if title or kind != "person":
                    return None
                return self._protagonist(near, event | {mention.doc_id})
        if len(cands) == 1 and kind == "person":
            return cands[0]  # lower confidence: the corpus's only bearer, not named in this text
        if len(cands) == 1 and sex and self.sex.get(cands[0]) == sex:
            return cands[0]  # "Mr. Avery" where the corpus's other Averys are women
        titled = [c for c in cands if title and title in self.titled.get(c, set())]
        if len(titled) == 1:
            return titled[0]  # "Senator Avery" here, and only one Avery is "Senator Ann Avery" anywhere
        return self._by_company(mention.doc_id, cands, actor.id)

    def _retitled(self, m: Mention, aid: str) -> str | None:
        """A surname its report chained to the one full name it holds ("Ann Avery", named once in
        passing), after a title the corpus writes before another bearer's full name only
        ("President Tom Avery" elsewhere, never "President Ann Avery"): that bearer. A title says
        which of two namesakes a report means better than which one it happens to name in full.
        A father and a son are namesakes too: the bare surname writes no generational suffix
        ("President Avery's son, Tom Avery Jr." names the father by his title)."""
        title = self._title_before(m)
        parts = self.people[aid]
        if not title or not parts.first:
            return None
        return self._titled_namesake(parts.last, parts.suffix, self.uf.find(aid), title)

    def _titled_namesake(self, last: str, suffix: str, root: str, title: str) -> str | None:
        """The one other full-named bearer of a surname whom the corpus writes the title before
        where it never writes it before ``root``'s. A title of office or rank tells a father from
        his son (any generational suffix); an honorific ("Mr.") says only the sex, which they share."""
        if title in self.titled.get(root, ()):
            return None
        honorific = bool(self.reg.filters.title_sex(title))
        titled = [
            c
            for suffix in ((suffix,) if honorific else ("", *sorted(set(SUFFIXES.values()))))
            for c in self.by_surname.get((last, suffix), [])
            if c != root and title in self.titled.get(c, ())
        ]
        return titled[0] if len(titled) == 1 else None

    def _protagonist(self, bearers: Sequence[str], docs: set[str]) -> str | None:
        """Of two or more bearers of a surname in an event's reports, the one they name in far
        more reports (PROTAGONIST times the next): the person the event is about, whom a report
        naming neither calls by the surname alone."""
        counts = sorted(((len(self._docs_of_root(c) & docs), c) for c in bearers), reverse=True)
        (best, who), (second, _) = counts[0], counts[1]
        return who if best >= PROTAGONIST * max(second, 1) else None

    def _first_named(self, mention: Mention, actor: Actor) -> str | None:
        """A lone first name is the one person its report names in full with it ("Ann" after
        "Ann Avery": news calls children and victims so), whatever the model typed; not where the
        report names two such people, nor a word that is some person's surname there, nor a word
        some report writes without that full name. A report that names no one so looks to the
        reports of its event: the one person they name in full with it, where the word is nobody's
        surname there and every report writing it alone is of an event that names that person."""
        key = fold(actor.name)
        if " " in actor.name or not actor.name[:1].isupper() or len(key) < 3:
            return None
        doc = mention.doc_id
        firsts, lasts = self._first_and_last(key, {doc})
        if not firsts and not lasts and self._kind(actor.id) == "person" and (event := self._event_of(doc)):
            # Bolder than a report's own full name: the word and the full name both typed people.
            firsts, lasts = self._first_and_last(key, event, typed=True)
        if len(firsts) != 1 or lasts:
            return None
        person = firsts.pop()
        # Every report that writes the word alone names the person in full too: a first name
        # follows its full name; a town ("Lowtown" of "Lowtown Fire" read as a person) stands alone.
        # A word the model typed a person may follow the full name in its event's reports instead.
        named = self._docs_of_root(person)
        alone = self.stats[actor.id].docs
        if self._kind(actor.id) == "person":
            return person if all((self._event_of(d) | {d}) & named for d in alone) else None
        return person if alone <= named else None

    def _first_and_last(self, key: str, docs: set[str], typed: bool = False) -> tuple[set[str], set[str]]:
        """The people of some reports with a first name (their roots) and with a surname ``key``;
        ``typed``: only two-word names the model typed a person, for the first name."""
        by_first, by_last = self._full_names_by_word()
        firsts = {
            self.uf.find(aid)
            for aid, plain, named in by_first.get(key, ())
            if (plain or not typed) and not docs.isdisjoint(named)
        }
        lasts = {aid for aid, named in by_last.get(key, ()) if not docs.isdisjoint(named)}
        return firsts, lasts

    def _full_names_by_word(
        self,
    ) -> tuple[dict[str, list[tuple[str, bool, set[str]]]], dict[str, list[tuple[str, set[str]]]]]:
        """The people named with a first name, by that first name (id, whether a two-word name
        typed a person, their reports) and by their surname (id, their reports); built once, so
        that a word is looked up, not every person of a report's event read for it."""
        if self._by_word is None:
            by_first: dict[str, list[tuple[str, bool, set[str]]]] = {}
            by_last: dict[str, list[tuple[str, set[str]]]] = {}
            for aid, p in self.people.items():
                if p.first:
                    s = self.stats[aid]
                    plain = len(s.actor.name.split()) == 2 and self._kind(aid) == "person"
                    by_first.setdefault(p.first, []).append((aid, plain, s.docs))
                    by_last.setdefault(p.last, []).append((aid, s.docs))
            self._by_word = by_first, by_last
        return self._by_word

    def _written_in(self, root: str, doc_id: str) -> bool:
        """Whether a document writes out one of a person's full names, tagged or not."""
        text = self.texts.get(doc_id, "")
        return any(
            re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None
            for name in self._full_names_of(root)
        )

    def _full_names_of(self, root: str) -> list[str]:
        if self._full_names is None:
            self._full_names = {}
            for aid, p in self.people.items():
                if p.first:
                    self._full_names.setdefault(self.uf.find(aid), []).append(self.stats[aid].actor.name)
        return self._full_names.get(root, [])

    def _by_company(self, doc_id: str, cands: Sequence[str], own: str) -> str | None:
        """Two or more bearers of a surname, none named in this report: the one whose reports
        name the same other actors as this one, by a clear margin (cross-document coreference
        by context, Bagga & Baldwin 1998, with the document's named actors as its context, each
        weighted by its inverse document frequency). No shared company, or a near tie: none."""
        company = self._company()
        here = company.get(doc_id, set()) - {self.uf.find(own), *cands}
        if not here:
            return None
        n_docs = len(company)
        scores: list[tuple[float, str]] = []
        for c in cands:
            docs, profile = self._profile(c)
            n = len(docs - {doc_id})
            own_doc = company.get(doc_id, set()) if doc_id in docs else set()
            score = sum(
                ((profile[r] - (r in own_doc)) / n) * math.log(n_docs / self._df[r])
                for r in here
                if profile[r] and n
            )
            scores.append((score, c))
        scores.sort(reverse=True)
        best, second = scores[0][0], scores[1][0] if len(scores) > 1 else 0.0
        if best >= COMPANY_MIN and best >= COMPANY_MARGIN * second:
            return scores[0][1]
        return None

    def _profile(self, root: str) -> tuple[set[str], Counter[str]]:
        """A person's reports and, per actor, how many of them name it (built once per person)."""
        if root not in self._profiles:
            docs = self._docs_of_root(root)
            company = self._company()
            self._profiles[root] = (docs, Counter(r for d in docs for r in company.get(d, ())))
        return self._profiles[root]

    def _company(self) -> dict[str, set[str]]:
        """Doc -> the roots of the actors it names (computed once, on the first ambiguous surname)."""
        if self._doc_roots is None:
            self._doc_roots = {}
            for aid, s in self.stats.items():
                for d in s.docs:
                    self._doc_roots.setdefault(d, set()).add(self.uf.find(aid))
            self._df = Counter(r for roots in self._doc_roots.values() for r in roots)
        return self._doc_roots

    def _full_named(self, m: Mention, a: Actor) -> bool:
        """A mention that writes out a full-named person's name (not the bare surname a
        document's chain gave them): only these say which title or pronoun goes with whom."""
        return a.id in self.people and bool(self.people[a.id].first) and len(m.text.split()) >= 2

    def _sex_said(self, found: Sequence[Found]) -> list[tuple[str, str, str]]:
        """Each full-named mention's actor id, the sex its title says (else its first name, where
        the name lists give it one sex: "Mr. Avery" is not Ann Avery), and the sex of the first
        third-person pronoun after it ("" where none), in the mentions' order."""
        said = []
        for m, a in found:
            if not self._full_named(m, a):
                continue
            after = _pronoun_sex_after(self.texts.get(m.doc_id, ""), m.end)
            said.append(
                (a.id, self.reg.filters.title_sex(self._title_before(m)) or first_name_sex(a.name), after)
            )
        return said

    def _sexes(self, said: Sequence[tuple[str, str, str]]) -> dict[str, str]:
        """Root -> "m" / "f" for the full-named people whose sex the corpus states (``_sex_said``):
        a gendered title before the full name counts two, the first third-person pronoun after it
        one (gender statistics from pronouns, after Bergsma & Lin 2006, "Bootstrapping path-based
        pronoun resolution"); kept at three to one or better."""
        votes: dict[str, Counter[str]] = {}
        for aid, titled, after in said:
            if (tally := votes.get(root := self.uf.find(aid))) is None:
                tally = votes[root] = Counter()
            if titled:
                tally[titled] += 2
            if after:
                tally[after] += 1
        return {root: sex for root, tally in votes.items() if (sex := _decided(tally))}

    def _sex_of(self, root: str) -> str:
        """The sex the corpus states for a person (``_sexes``), else the one all its full names'
        first names say ("" where they say none or disagree)."""
        if root in self.sex:
            return self.sex[root]
        said = {first_name_sex(name) for name in self._full_names_of(root)}
        return said.pop() if len(said) == 1 else ""

    def _report_sex(self, m: Mention) -> str:
        """The sex a report states for a one-word name, by the votes a full name gets
        (``_sex_said``): a gendered title before each place it writes the word alone, and the
        first third-person pronoun after it. Only a check on a choice made by other evidence: a pronoun
        may follow the name and refer to someone else."""
        key = (m.doc_id, m.text)
        if key in self._report_sexes:
            return self._report_sexes[key]
        text = self.texts.get(m.doc_id, "")
        tally: Counter[str] = Counter()
        for at in re.finditer(rf"\b{re.escape(m.text)}\b(?!\s[A-Z])", text):
            before = text[max(0, at.start() - 30) : at.start()].split()[-1:]
            if before and before[0][:1].isupper() and not before[0].endswith("."):
                continue  # inside a full name ("Ann Avery"), not the word alone
            if titled := self.reg.filters.title_sex(
                self._title_before(Mention(m.doc_id, "", m.text, at.start(), at.end()))
            ):
                tally[titled] += 2
            if after := _pronoun_sex_after(text, at.end()):
                tally[after] += 1
        self._report_sexes[key] = said = _decided(tally)
        return said

    def _title_before(self, m: Mention) -> str:
        """The capitalised title written right before a mention ("Senator" of "Senator Avery")."""
        words = self.texts.get(m.doc_id, "")[max(0, m.start - 30) : m.start].split()
        if not words:
            return ""
        word = words[-1].rstrip(".")
        return word if word[:1].isupper() and (word in self.titles or word + "." in self.titles) else ""

    def _office_before(self, m: Mention) -> str:
        """The office a title right before a mention gives ("governor" of "Gov. Avery" and of
        "Governor Avery"); none after a rank word ("Vice President", "former Gov."), which makes
        the title another office or none now."""
        words = self.texts.get(m.doc_id, "")[max(0, m.start - 40) : m.start].split()
        office = load_titles()[0].get(words[-1].lower().rstrip("."), "") if words else ""
        if office and len(words) > 1 and words[-2].lower().rstrip(".") in load_cues().role_ranks:
            return ""
        return office

    # -- organisations ---------------------------------------------------------------------

    def _link_organisations(self, defined: dict[str, str]) -> None:
        others = [aid for aid in self.stats if self._kind(aid) != "person"]
        by_org: dict[str, list[str]] = {}
        by_acr: dict[str, list[str]] = {}
        by_initials: dict[str, list[str]] = {}
        for aid in others:
            name = self.stats[aid].actor.name
            by_org.setdefault(org_key(name), []).append(aid)
            acr = acronym_key(name)
            if acr:
                by_acr.setdefault(acr, []).append(aid)
            elif (ini := initials(name)) is not None:
                by_initials.setdefault(ini, []).append(aid)
        for ids in (*by_org.values(), *by_acr.values()):
            for other in ids[1:]:
                self.uf.union(ids[0], other)
        by_variant: dict[str, list[str]] = {}
        for key, ids in by_org.items():
            if (variant := plural_variant_key(key)) is not None:
                by_variant.setdefault(variant, []).append(ids[0])
        for ids in by_variant.values():
            for other in ids[1:]:
                self.uf.union(ids[0], other)
        # A compound written open or closed ("Lowtown Sky Hawks" / "Lowtown Skyhawks"): one body's
        # name spelt two ways, as news does with compounds, in the reports of one event (a
        # generic name, a capitol, is another state's in another event's). Bodies only ("New
        # Castle" and "Newcastle" are two towns), and names of six letters or more.
        by_closed: dict[str, list[str]] = {}
        for key, ids in by_org.items():
            closed = re.sub(r"[ -]", "", key)
            if len(closed) >= 6 and self._kind(ids[0]) == "organization":
                by_closed.setdefault(closed, []).append(key)
        for keys in by_closed.values():
            events = [self._groups_of(set().union(*(self.stats[x].docs for x in by_org[k]))) for k in keys]
            for i in range(len(keys)):
                for j in range(i + 1, len(keys)):
                    if events[i] & events[j]:
                        self.uf.union(by_org[keys[i]][0], by_org[keys[j]][0])
        for acr, ids in by_acr.items():
            expansion = by_org.get(defined.get(acr, ""), [])
            if expansion:
                self.uf.union(expansion[0], ids[0])
                continue
            spelling = by_initials.get(acr, [])
            if not spelling and len(acr) >= 3 and acr[0] == "T":
                # "TLL" for "The Lowtown Ledger": the article is part of the name where running
                # text capitalises it mid-sentence ("a report in The Lowtown Ledger"), and then
                # its initial is the acronym's first letter.
                spelling = [x for x in by_initials.get(acr[1:], []) if self._the_in_name(x)]
            spelled = self._expansion(ids, spelling)
            if spelled is not None:
                self.uf.union(spelled, ids[0])
        self._link_forces(by_org)
        self._link_heads(by_org)
        self._link_aliases(by_org)
        self._link_owner_led(by_org)

    def _link_forces(self, by_org: dict[str, list[str]]) -> None:
        """ "the Lowtown Police" and "the Lowtown Police Department": news names a town's police or
        fire service with and without its administrative word; one body in the reports of one event."""
        for key, ids in by_org.items():
            words = key.split()
            if len(words) < 3 or words[-1] not in _FORCE_ADMIN or words[-2] not in _FORCE_SERVICES:
                continue
            short = by_org.get(" ".join(words[:-1]))
            if short and self._kind(short[0]) == "organization" and self._one_event(ids[0], short[0]):
                self.uf.union(ids[0], short[0])

    def _the_in_name(self, aid: str) -> bool:
        """Whether a report writes a name after a capitalised "The" in mid-sentence (after a
        lower-case word, a comma or an opening quotation mark): the article is part of the name."""
        name = self.stats[aid].actor.name
        if name.split()[0].lower() == "the":
            return False
        pattern = re.compile(r"(?:\b[a-z]+,?|[,:;])[ ]+[\"'“‘]*The[ ]+" + re.escape(name) + r"\b")
        return any(pattern.search(self.texts.get(d, "")) for d in self.stats[aid].docs)

    def _link_owner_led(self, by_org: dict[str, list[str]]) -> None:
        """ "HCO Joint Defence Council" and "Joint Defence Council": a body's name led by the acronym
        of a body the corpus names (its parent, which news writes first once and drops after) is
        the body without it. Only a name of three words or more after the acronym, which names one
        body ("Security Council" alone is many states' and the UN's), and only one acronym before
        it in the corpus (two parents' councils are two councils)."""
        acronyms = {
            fold(self.stats[a].actor.name) for a in self.stats if acronym_key(self.stats[a].actor.name)
        }
        led: dict[str, set[str]] = {}  # the bare body's key -> the acronym-led names' ids
        for key, ids in by_org.items():
            first, _, rest = key.partition(" ")
            if first in acronyms and len(rest.split()) >= 3 and rest in by_org:
                led.setdefault(rest, set()).add(ids[0])
        for rest, owners in led.items():
            bare = by_org[rest][0]
            if len(owners) == 1 and self._kind(bare) == "organization" and self.reg.actor(bare) is None:
                self.uf.union(owners.pop(), bare)

    def _expansion(self, acronym: list[str], spelling: list[str]) -> str | None:
        """The one body whose initials an acronym spells: the only such name in the corpus; else
        the only one of the acronym's kind ("HP" the press agency, not the Harrow Peninsula); else
        the only one written in a report beside the acronym. Two or more left: none."""
        roots = {self.uf.find(x) for x in spelling}
        if len(roots) > 1:
            kind = self._kind(acronym[0])
            roots = {self.uf.find(x) for x in spelling if self._kind(x) == kind} or roots
        if len(roots) > 1:
            docs = set().union(*(self.stats[x].docs for x in acronym))
            beside = {self.uf.find(x) for x in spelling if self.stats[x].docs & docs}
            roots = beside if len(beside) == 1 else roots
        return roots.pop() if len(roots) == 1 else None

    def _link_aliases(self, by_org: dict[str, list[str]]) -> None:
        """ "GOP" and "Republican Party", "House" and "House of Representatives": the names of one
        line of the alias lexicon are one body. A form on several lines goes with the one line
        whose own forms the corpus writes, and with none where two such lines are written (the
        ambiguity guard: "House" in a corpus naming both the Commons and the Representatives)."""
        lines = self.reg.filters.org_aliases
        owners = alias_owners(lines)
        attested = {
            i
            for i, line in enumerate(lines)
            if any(len(owners[org_key(n)]) == 1 and org_key(n) in by_org for n in line)
        }
        for i in attested:
            keys = {org_key(n) for n in lines[i]}
            ids = [
                by_org[k][0]
                for k in keys
                if k in by_org
                and self._kind(by_org[k][0]) == "organization"
                and not (set(owners[k]) - {i}) & attested
            ]
            for other in ids[1:]:
                self.uf.union(ids[0], other)

    def _link_short_forms(self) -> None:
        """A body's one-word short form in the reports of its event ("the Herons" for the
        "Lowtown Herons", "Mills" for "Brindle Mills"): news names a body in full once and by its
        last word after. The one-word name is the event's one body of two or more words ending
        with it, in every event that writes it; not a coordination ("Brindle and Canal Mills"),
        not a surname of a person the corpus names in full ("Ann Mills")."""
        ends: dict[tuple[str, str], set[str]] = {}  # (event, last word) -> roots of longer names
        for aid, s in self.stats.items():
            words = fold(s.actor.name).split()
            if len(words) < 2 or self._kind(aid) != "organization":
                continue
            # the head word a short form keeps: the last ("Brindle Mills"), or the last before an
            # of-phrase ("House of Delegates" is a house, not a delegates). A coordination
            # ("Brindle and Canal Mills") names two bodies, but only before the head: an "and"
            # inside the of-phrase ("Academy of Arts and Letters") joins what the one body is of.
            of = words.index("of", 1) if "of" in words[1:] else len(words)
            coordinated = bool({"and", "&"} & set(words[:of]))
            heads = set() if coordinated else {words[of - 1]}
            if not {"and", "&"} & set(words):
                heads.add(words[-1])
            for g in self._groups_of(s.docs):
                for head in heads:
                    ends.setdefault((g, head), set()).add(self.uf.find(aid))
        for aid, s in self.stats.items():
            key = fold(s.actor.name)
            # a plural the model calls a person but the text gives the article ("the Herons") is a
            # body's short form as much as one it types a body (a person's name takes no article)
            body = self._kind(aid) == "organization" or aid in self.groups_named
            if " " in key or not body or key in self._surnames():
                continue
            if self.reg.actor(aid) is not None or acronym_key(s.actor.name) is not None:
                continue
            found = [ends.get((g, key), set()) for g in self._groups_of(s.docs)]
            roots = set().union(*found) if found else set()
            if len(roots) == 1 and all(found):
                self.uf.union(roots.pop(), aid)
            elif roots and key not in self.alias_keys:  # its own report says which (_short_target)
                self.shorts[aid] = sorted(roots)

    def _link_heads(self, by_org: dict[str, list[str]]) -> None:
        """ "Purple Party" and "Purple"; "Lowtown Herons" and "Herons" where Lowtown is a place.
        A short form that several place-led names share ("Courier" of the "Lowtown Courier" and
        the "Upton Courier") is none of them corpus-wide; its report says which (_tail_target)."""
        places = {k for k, ids in by_org.items() if self._kind(ids[0]) in ("place", "country")}
        tails: dict[str, set[str]] = {}  # the short form's id -> the place-led names' ids
        for key, ids in by_org.items():
            if self._kind(ids[0]) != "organization":
                self._link_nickname(key, ids[0], places)
                continue
            words = key.split()
            if len(words) == 2 and words[1] == "party" and words[0] in by_org:
                self.uf.union(ids[0], by_org[words[0]][0])
            for n in (1, 2):
                head, rest = " ".join(words[:n]), " ".join(words[n:])
                is_place = head in places or self.reg.gazetteer.get(head) is not None
                national = rest in self.alias_keys  # "Upstate Senate" is not the Senate
                if (
                    rest
                    and is_place
                    and not national
                    and rest in by_org
                    and self._kind(by_org[rest][0]) == "organization"
                ):
                    tails.setdefault(by_org[rest][0], set()).add(ids[0])
        for short, longer in tails.items():
            if len(longer) == 1:
                self.uf.union(longer.pop(), short)
            else:  # "Courier" of the Lowtown Courier and of the Upton Courier: the report says which
                self.tails[short] = sorted(longer)

    def _link_nickname(self, key: str, aid: str, places: set[str]) -> None:
        """A club the model typed a place ("Lowtown Herons" read as a town) and its plural
        nickname, whatever the model typed that ("Herons" read as a person): a place's name and
        a plural nickname is how clubs are named (see extract._team_nicknames)."""
        words = key.split()
        for n in (1, 2):
            head, rest = " ".join(words[:n]), words[n:]
            if not (1 <= len(rest) <= 2 and (head in places or self.reg.gazetteer.get(head) is not None)):
                continue
            form = self.stats[aid].actor.name.split()[-len(rest) :]
            nick = self._by_name().get(" ".join(rest))
            if (
                nick is not None
                and plural_nickname(form)
                and self._kind(nick) not in ("place", "country")
                and self.reg.gazetteer.get(" ".join(form)) is None  # "North Lowlands" is a region, no club
                and " ".join(rest) not in self._surnames()  # "Bo Quennells": a person's name
            ):
                self.uf.union(aid, nick)

    def _surnames(self) -> frozenset[str]:
        if self._lasts is None:
            self._lasts = frozenset(p.last for p in self.people.values() if p.first)
        return self._lasts

    def _by_name(self) -> dict[str, str]:
        """Folded one- or two-word name -> its actor id (the first seen)."""
        if self._names is None:
            self._names = {}
            for aid, s in self.stats.items():
                if len(s.actor.name.split()) <= 2:
                    self._names.setdefault(fold(s.actor.name), aid)
        return self._names

    # -- output ----------------------------------------------------------------------------

    def _described_target(self, m: Mention, person: str) -> str | None:
        """A mention of a span written after its descriptor: the person where it writes the
        surname; else the corpus's own actor of its words ("Lowtown" that a chain hung on
        "Lowtown QB Ann Avery" is the club), else none."""
        if f" {self.people[person].last} " in f" {' '.join(fold(m.text).replace('.', ' ').split())} ":
            return self.uf.find(person)
        own = self._by_name().get(fold(m.text))
        return self.uf.find(own) if own is not None and self._kind(own) != "person" else None

    def _event_of(self, doc_id: str) -> set[str]:
        """The other reports of a report's event (lib/extract/actors/reports.py); empty for a
        report like no other."""
        return self.group_docs.get(self.group.get(doc_id, doc_id), set()) - {doc_id}

    def _docs_of_root(self, root: str) -> set[str]:
        return set(self.per_doc.get(root, {}))

    def _count_in(self, root: str, doc_id: str) -> int:
        counts = self.per_doc.get(root)
        return counts[doc_id] if counts is not None else 0

    def canonical(self) -> dict[str, Actor]:
        """Root id -> its actor: the most-mentioned member's name, the group's kind."""
        groups: dict[str, list[str]] = {}
        for aid in self.stats:
            groups.setdefault(self.uf.find(aid), []).append(aid)
        out: dict[str, Actor] = {}
        clubs = {c for roots in self._clubs().values() for c in roots}
        for root, ids in groups.items():
            known = next((self.reg.actor(i) for i in ids if self.reg.actor(i) is not None), None)
            if known is not None:
                out[root] = known
                continue
            best = max(ids, key=lambda i: (self._kind(i) == "person", self.stats[i].count))
            shown = [i for i in ids if org_key(self.stats[i].actor.name) in self.shown_names]
            kinds: Counter[str] = Counter()
            for i in ids:
                kinds[self._kind(i)] += self.stats[i].count
            kind = "person" if any(i in self.people and self.people[i].first for i in ids) else None
            if root in clubs:  # "Lowtown Herons" read as a town or "Herons" as a person: a club
                kind = "organization"
            a = self.stats[max(ids, key=lambda i: self.stats[i].count)].actor
            if shown and kind is None:  # "Republican Party", not "GOP" or "Republican"
                a = self.stats[max(shown, key=lambda i: self.stats[i].count)].actor
            elif kind != "person" and (full := self._written_out(a.name, ids)):  # not "Herons" alone
                a = self.stats[max(full, key=lambda i: self.stats[i].count)].actor
            if kind == "person":
                a = self.stats[best].actor
            out[root] = Actor(
                a.id, a.name, kind or kinds.most_common(1)[0][0], a.aliases, a.affiliation, a.role
            )
        return out

    def _written_out(self, name: str, ids: Sequence[str]) -> list[str]:
        """The ids among ``ids`` whose name is ``name`` written out: a one-word name and the longer
        names ending with it (a body's short form, linked to its full name, shows the full name)."""
        if " " in name:
            return []
        return [i for i in ids if (w := self.stats[i].actor.name.split())[-1] == name and len(w) > 1]

    def _keeps_kind(self, root: str, actor: Actor) -> bool:
        """A mention keeps the kind it was given unless its name was linked to others, or a full
        name typed a person elsewhere says what it is: one name with two kinds ("Houston" the
        city and the team) is _settle's to split or keep, by majority over the whole store (so
        that a batched ingest settles as a single pass does)."""
        linked = self.uf.find(actor.id) != actor.id or self.members.get(root, 1) > 1
        full_person = actor.id in self.people and bool(self.people[actor.id].first)
        return not linked and not full_person and self.reg.actor(actor.id) is None

    def _tail_target(self, m: Mention, actor: Actor) -> str | None:
        """A short form shared by several place-led names ("the Courier"): the one of them its
        report wrote before it (news names a body in full first, then shortly); with none or two
        there, itself. Not from other reports: a short form is often a name of its own ("Harbour
        League" the national body, "Lowtown Harbour League" a local branch)."""
        longer = {self.uf.find(i) for i in self.tails.get(actor.id, ())}
        before = {r for r in longer if self.first_at.get((r, m.doc_id), m.start) < m.start}
        return before.pop() if len(before) == 1 else None

    def _short_target(self, m: Mention, actor: Actor) -> str | None:
        """A body's one-word form its event leaves open (_link_short_forms: several bodies of the
        event end with it, or some event that writes it names none): the one of them its own
        report names in full ("Brindle Mills ... Mills said"); with none or two there, itself.
        Not a word linked to other names already (an alias: "House")."""
        if self.members.get(self.uf.find(actor.id), 1) > 1:
            return None
        longer = {self.uf.find(i) for i in self.shorts.get(actor.id, ())}
        here = {r for r in longer if (r, m.doc_id) in self.first_at}
        return here.pop() if len(here) == 1 else None

    def _targets(self, found: Sequence[Found]) -> list[str | None]:
        """The person each bare surname stands for; the bare surnames a document leaves open
        follow the one person its other bare mentions of that surname resolved to (one sense
        per discourse: "Mr. Avery" resolved by his title, "Avery" two lines on is the same man)."""
        targets = [
            self.bare(m, a) if len(self.stats[a.id].actor.name.split()) <= 2 else None for m, a in found
        ]
        targets = self._unless_other_office(found, targets)
        chosen: dict[tuple[str, str], set[str]] = {}
        for (m, a), t in zip(found, targets, strict=True):
            if t is not None:
                chosen.setdefault((m.doc_id, a.id), set()).add(t)
        return [
            t
            if t is not None or len(chosen.get((m.doc_id, a.id), ())) != 1
            else next(iter(chosen[(m.doc_id, a.id)]))
            for (m, a), t in zip(found, targets, strict=True)
        ]

    def _unless_other_office(self, found: Sequence[Found], targets: list[str | None]) -> list[str | None]:
        """No person named in full only in other reports for a bare surname whose report gives it
        an office the corpus never gives that person, while it gives them another ("President
        Avery" here, only "Gov. Tom Avery" elsewhere): a namesake, or the same person years apart;
        the report's own words say it is not the one the corpus knows, so the surname stays open.
        One sense per report: a title on any of its mentions of the surname counts for all."""
        here: dict[tuple[str, str], set[str]] = {}
        for m, a in found:
            if office := self._office_before(m):
                here.setdefault((m.doc_id, a.id), set()).add(office)
        return [
            None
            if t is not None
            and (said := here.get((m.doc_id, a.id)))
            and m.doc_id not in self.per_doc.get(t, ())
            and (held := self.offices.get(t))
            and said.isdisjoint(held)
            else t
            for (m, a), t in zip(found, targets, strict=True)
        ]

    def _clubs(self) -> dict[str, set[str]]:
        """Folded place -> the clubs named by it and a plural nickname, as roots: one name
        ("Lowtown Herons", "Lowtown 76ers", whatever the model typed but a person) or the
        place's mention right before the nickname's ("Lowtown" "Herons": the model's two spans
        of one club's name)."""
        if self._club_index is None:
            self._club_index = {}
            for aid, s in self.stats.items():
                words = s.actor.name.split()
                if self._kind(aid) == "person" or len(words) < 2:
                    continue
                for n in (1, 2, 3):
                    place, rest = " ".join(words[:n]), words[n:]
                    if 1 <= len(rest) <= 2 and self._nickname_of_club(rest) and self._is_place(place):
                        self._club_index.setdefault(fold(place), set()).add(self.uf.find(aid))
            for place, nick in self._adjacent:
                self._club_index.setdefault(place, set()).add(self.uf.find(nick))
        return self._club_index

    def _nickname_of_club(self, words: Sequence[str]) -> bool:
        """A club's nickname, not the surname of a person the corpus names in full ("Bo Quennells")."""
        return club_nickname(words) and fold(" ".join(words)) not in self._surnames()

    def _place_then_nickname(self, found: Sequence[Found]) -> set[tuple[str, str]]:
        """(folded place, nickname's actor id) where a place's mention is followed, one space on,
        by a plural nickname's mention ("Lowtown" "Herons")."""
        out: set[tuple[str, str]] = set()
        starts = {(m.doc_id, m.start): a for m, a in found}
        for m, a in found:
            nick = starts.get((m.doc_id, m.end + 1))
            if nick is None or self.texts.get(m.doc_id, "")[m.end : m.end + 1] != " ":
                continue
            if (
                self._kind(a.id) in ("place", "country")
                and self._nickname_of_club(nick.name.split())
                and (self._kind(nick.id) != "person" or nick.id in self.groups_named)
            ):
                out.add((fold(m.text), nick.id))
        return out

    def _is_place(self, name: str) -> bool:
        known = self._by_name().get(fold(name))
        if known is not None and self._kind(known) in ("place", "country"):
            return True
        return self.reg.gazetteer.get(name) in ("place", "country")

    def club_town(self, mention: Mention, actor: Actor) -> str | None:
        """A town standing for its club: in a report that names the club ("Lowtown Herons" or
        its nickname), the bare town is the club ("Lowtown scored twice"), unless a preposition
        of place or venue puts it on the map ("in Lowtown", "at Lowtown"). Sports reports name
        clubs by their town (the CoNLL-2003 and ECB+ guidelines tag such a town as the team);
        with two of the town's clubs in the report, the town stays itself."""
        if self._kind(actor.id) not in ("place", "country", "organization"):
            return None
        clubs = self._clubs().get(fold(mention.text))
        if not clubs or fold(mention.text) != fold(actor.name):
            return None
        here = {c for c in clubs if mention.doc_id in self.per_doc.get(c, ())}
        if len(here) != 1 or self.uf.find(actor.id) in here:
            return None
        text = self.texts.get(mention.doc_id, "")
        before = text[max(0, mention.start - 20) : mention.start].split()
        if before and fold(before[-1]) in self.reg.place_prepositions | VENUE_PREPOSITIONS:
            return None
        region = _REGION_AFTER.match(text, mention.end)
        if region is not None and (region["abbr"] or self.reg.gazetteer.get(region["name"]) is not None):
            return None  # "Lowtown, Freedonia", "Lowtown, Fr.": a town's address
        if _civic(text, mention.text):
            return None  # the report writes of the town as a town: its mayor, its people
        return here.pop()

    def _event_kinds(self, found: Sequence[Found]) -> dict[tuple[str, str], str]:
        """(actor id, event) -> the kind most of the event's mentions of that name were given.

        The reports of one event use a name in one sense (one sense per discourse, Gale, Church &
        Yarowsky 1992, over the reports of one event as over one text): where the model types
        "Lowtown" a place in five of them and a body in one, it is one actor there. Across events
        the kinds stay apart (the town in one, its club in another: _settle splits them)."""
        votes: dict[tuple[str, str], Counter[str]] = {}
        for m, a in found:
            key = (a.id, self.group.get(m.doc_id, m.doc_id))
            if (tally := votes.get(key)) is None:
                tally = votes[key] = Counter()
            tally[_family(a.type)] += 1
        out: dict[tuple[str, str], str] = {}
        for key, tally in votes.items():
            (top, n), *rest = tally.most_common(2)
            if rest and n > rest[0][1]:  # a tie says nothing
                out[key] = top
        return out

    def _kind_in_event(self, m: Mention, a: Actor, kinds: Mapping[tuple[str, str], str]) -> str:
        """The kind a mention keeps: its own, unless its event gives the name another family."""
        major = kinds.get((a.id, self.group.get(m.doc_id, m.doc_id)))
        return a.type if major is None or major == _family(a.type) else major

    def resolve(self, found: Sequence[Found]) -> Iterator[Found]:
        canon = self.canonical()
        kinds = self._event_kinds(found)
        for (m, a), target in zip(found, self._targets(found), strict=True):
            target = target if target is not None else self.club_town(m, a)
            if target is None and a.id in self.tails:
                target = self._tail_target(m, a)
            if target is None and a.id in self.shorts:
                target = self._short_target(m, a)
            if target is None and a.id in self.described:
                target = self._described_target(m, self.described[a.id])
            if target is None and " " not in m.text and a.id in self.people:
                target = self._retitled(m, a.id)
            root = target if target is not None else self.uf.find(a.id)
            actor = canon[root]
            # A bare surname resolved to a full-named person is that person, whatever the model typed.
            own = self._kind_in_event(m, a, kinds)
            if actor.type != own and target is None and self._keeps_kind(root, a):
                actor = Actor(actor.id, actor.name, own, actor.aliases, actor.affiliation, actor.role)
            yield Mention(m.doc_id, actor.id, m.text, m.start, m.end), actor


@lru_cache(maxsize=256)
def _civic_pattern(town: str) -> re.Pattern[str]:
    name = re.escape(town)
    return re.compile(
        rf"\b(?:[Mm]ayor|[Cc]ity|[Pp]eople|[Rr]esidents|[Pp]opulation|[Cc]itizens) of {name}\b"
        rf"|\b{name}(?:['’]s)? "
        rf"(?:[Mm]ayor|[Cc]ity [Hh]all|[Cc]ity [Cc]ouncil|population|residents|citizens)\b"
    )


def _civic(text: str, town: str) -> bool:
    """Whether a report writes of ``town`` as a municipality ("the <Town> Mayor", "mayor of <Town>",
    "<Town>'s population", "residents of <Town>"): a club has players and fans, a town has a mayor and
    residents, so in such a report the bare town is the town, not a club named after it (one sense
    per discourse)."""
    return _civic_pattern(town).search(text) is not None


# Country and place are one family of kinds: a state is typed once for the corpus (extract._settle).
FAMILY = {"country": "place"}


def _named_with_article(found: Sequence[Found], texts: Mapping[str, str]) -> set[str]:
    """Ids of the names written somewhere as "the" and a plural ("the Herons"): a group (a club, a
    band, a family), whatever the model typed: a person's name takes no article."""
    return {
        a.id
        for m, a in found
        if texts.get(m.doc_id, "")[max(0, m.start - 4) : m.start].lower() == "the "
        and club_nickname(m.text.split())
    }


def _family(kind: str) -> str:
    return FAMILY.get(kind, kind)


def plural_nickname(words: Sequence[str]) -> bool:
    """A club's nickname as written: capitalised, its last word a plural of 4+ letters
    ("Herons", "Red Herons"), not an acronym ("DA") nor a singular noun ("Fish")."""
    last = words[-1] if words else ""
    return (
        all(w[:1].isupper() for w in words)
        and len(last) >= 4
        and not last.isupper()
        and last.endswith("s")
        and not last.endswith("ss")
    )


def club_nickname(words: Sequence[str]) -> bool:
    """A plural nickname (plural_nickname) or one led by a numeral ("76ers")."""
    return plural_nickname(words) or (len(words) == 1 and _NUMERAL_PLURAL.fullmatch(words[0]) is not None)


def _alike_firsts(a: str, b: str) -> bool:
    """First names of one person in the reports of one event: one an initial or a clipped form
    of the other ("T." / "Tom", "Alex" / "Alexis"), three first letters alike ("Alexis" /
    "Alexandros"), or a transliteration ("Kurbanguly" / "Gurbanguli": a rapidfuzz ratio of
    FUZZY_TRANSLITERATION, initials aside). "Tyson" and "Tara" are two people."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 1:
        return long.startswith(short)
    if short[:3] == long[:3]:
        return True
    if (
        len(short) >= 3
        and len(long) == len(short) + 1
        and short[0] == long[0]
        and _one_silent_letter(short, long)
    ):
        return True
    return len(short) >= 5 and fuzz.ratio(a, b) >= FUZZY_TRANSLITERATION


def _gendered_pair(a: str, b: str) -> bool:
    """A man's and a woman's form of one name: one ends in "a" and the other not ("Paul" /
    "Paula", "Alexander" / "Alexandra"), or the longer adds a feminine ending ("Daniel" /
    "Danielle", "Louis" / "Louise")."""
    short, long = sorted((a, b), key=len)
    if (a[-1] == "a") != (b[-1] == "a"):
        return True
    return long.startswith(short) and long[len(short) :] in ("e", "le", "ne", "ette", "ine")


def _one_silent_letter(short: str, long: str) -> bool:
    """The longer is the shorter with a silent "h" or a doubled letter added: "Sara" / "Sarah",
    "Ana" / "Anna"; not another sound ("Dan" / "Dean")."""
    return any(
        long[:i] + long[i + 1 :] == short and (long[i] == "h" or long[i] == long[i - 1])
        for i in range(1, len(long))
    )


def _near_surname(a: str, b: str) -> bool:
    """Two spellings of one surname in the reports of one event: the same letters written apart
    or together ("Del Brenta" / "DelBrenta"), or near spellings (FUZZY_SURNAME) that sound
    alike, a silent or doubled letter or another vowel ("Threlkeld" / "Threlkelde", "Pellowsky" /
    "Pellowskyy": one Soundex code); a long name (LONG_SURNAME letters) also when transliterated
    otherwise ("Varnakhmetov" / "Varnahmetov"). A short surname with one more consonant sound is
    often another family's ("Thomlin" / "Thomplin")."""
    if _letters(a) == _letters(b):
        return True
    if not _near(a, b, FUZZY_SURNAME):
        return False
    return min(len(a), len(b)) >= LONG_SURNAME or soundex(a) == soundex(b)


def romanised_key(name: str) -> str:
    """A folded name with the letters romanisations of Cyrillic write two ways written one way, and
    doubled letters single: "Liashko" and "Lyashko", "Zelenskyy", "Zelensky" and "Zelenskiy", "Dmitriy"
    and "Dmitry" (Ukrainian and Russian styles, the BGN/PCGN and the passport systems). Two full names
    with one key, the surname of ROMANISED_LEAST letters or more, are one person across the corpus:
    short English surnames that differ so ("Smyth" / "Smith") are other families."""
    key = _letters(name)
    for written, one in _ROMANISED:
        key = key.replace(written, one)
    return re.sub(r"(.)\1+", r"\1", key)


def _letters(name: str) -> str:
    return re.sub(r"[\s'’-]", "", name)


# American Soundex (Russell & Odell's 1918 patent, the US census's name index): letters of one
# sound class share a digit; vowels part two codes, "h" and "w" do not.
_SOUNDEX = {c: str(d) for d, group in enumerate(("bfpv", "cgjkqsxz", "dt", "l", "mn", "r"), 1) for c in group}


def soundex(name: str) -> str:
    """A name's sound: its first letter and the digits of the consonant classes after it, a
    repeated class written once (full length, not cut to four: "Thomlin" t545, "Thomplin" t5145)."""
    letters = [c for c in fold(name) if c.isalpha()]
    if not letters:
        return ""
    out, last = letters[0], _SOUNDEX.get(letters[0], "")
    for c in letters[1:]:
        code = _SOUNDEX.get(c, "")
        if code and code != last:
            out += code
        if c not in "hw":
            last = code
    return out


def _near(a: str, b: str, threshold: float) -> bool:
    return len(a) >= 4 and len(b) >= 4 and a[0] == b[0] and fuzz.ratio(a, b) >= threshold


def resolve_corpus(found: Sequence[Found], reg: Registry, texts: Mapping[str, str]) -> list[Found]:
    """Every mention with its corpus-wide actor."""
    if not found:
        return []
    return list(CorpusResolver(found, reg, texts).resolve(found))
