"""Actors and their mentions, resolved to canonical actors across a corpus.

Candidates come from spaCy's entities, the registry (names, aliases, seats, handles, roles) and
a gazetteer; the layer then corrects the model with the registry, within-document name chains
and context, in the spirit of the "one sense per discourse" label consistency of Krishnan &
Manning (2006), "An effective two-stage model for exploiting non-local dependencies in NER".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache, lru_cache, partial

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.extract.actors.case import FUNCTION_WORDS, CaseStats, case_stats, is_title_line, line_of, name_runs
from lib.extract.actors.chains import GENERATIONAL, resolve_doc
from lib.extract.actors.competitors import is_competitor
from lib.extract.actors.corpus import FAMILY, alias_owners, org_key, plural_nickname, resolve_corpus
from lib.extract.actors.registry import Registry, load_registry
from lib.extract.actors.spans import CAP_RUN, DocContext, calendar_words, candidates
from lib.extract.quotes.cues import load_cues
from lib.records import Actor, Document, Mention
from lib.text.aliases import fold, slug, words_match
from lib.text.nlp import doc_ents

__all__ = [
    "FAMILY",
    "Registry",
    "actor_at",
    "extract_mentions",
    "listed",
    "load_registry",
    "shared_forms_by_report",
]

LISTED_TYPES = ("person", "organization", "country")


def extract_mentions(
    pairs: Sequence[tuple[Document, SpacyDoc]], registry: Registry
) -> tuple[list[Actor], list[Mention]]:
    """Every named mention of the corpus with its canonical actor; actors in first-seen order."""
    found, agentive = extract_raw(pairs, registry)
    return settle(found, agentive, registry)


def settle(
    found: Sequence[tuple[Mention, Actor]], agentive: set[str], reg: Registry
) -> tuple[list[Actor], list[Mention]]:
    """extract_raw's mentions with one id per (name, kind): the actors, first seen first, and the
    mentions (in the same order) with their settled ids (see _settle)."""
    return _settle(found, agentive, reg)


def raw_flags(found: Sequence[tuple[Mention, Actor]], agentive: set[str]) -> tuple[bool, ...]:
    """Per mention of extract_raw, whether its actor is a state that acts in the corpus: the
    "agentive" flag the store's settling (lib/store/settle.py) reads beside each raw actor."""
    return tuple(a.type == "country" and a.id in agentive for _, a in found)


def extract_raw(
    pairs: Sequence[tuple[Document, SpacyDoc]],
    registry: Registry,
    links: list[tuple[Mention, Actor, Actor, bool]] | None = None,
) -> tuple[list[tuple[Mention, Actor]], set[str]]:
    """Every named mention with its actor before settling (ids not yet split by kind), and the
    ids of the actors that are the subject or agent of a verb somewhere: what a store keeps per
    batch so that its corpus step settles over raw actors as a single pass does.

    ``links``, when given, receives the name linker's input and output (``resolve_corpus``): each
    mention it was given, its actor before, the actor it linked it to, and whether the mention was
    propagated from a name found elsewhere (those come last, in the linker's order). A store keeps them per
    batch, so that its corpus step links the names of every batch together (lib/store/links.py)."""
    found: list[tuple[Mention, Actor]] = []
    agentive: set[str] = set()
    unsure: set[str] = set(registry.demonyms)  # roles and adjectives stand for a name, are not one
    contexts = [DocContext(doc, sdoc, registry) for doc, sdoc in pairs]
    for ctx in contexts:
        for cand, actor in resolve_doc(ctx, candidates(ctx)):
            text = ctx.text[cand.start : cand.end]
            found.append((Mention(ctx.doc.id, actor.id, text, cand.start, cand.end), actor))
            if ctx.is_agent(cand):
                agentive.add(actor.id)
            if cand.label in ("ROLE", "adjective"):
                unsure.add(fold(text))
    found = _without_topics(contexts, found, registry)
    case = case_stats(ctx.text for ctx in contexts)
    found = _split_headlines(contexts, found, unsure, case)
    found = _without_leading_common_words(found, case)
    found = _widened(contexts, found, unsure, case)
    tagged = len(found)
    found.extend(propagate_corpus(contexts, found, unsure, case))
    texts = {ctx.doc.id: ctx.text for ctx in contexts}
    found = _with_credentials(found, registry, texts)
    linked = resolve_corpus(found, registry, texts)
    titled = _mistered(contexts, linked, registry)
    search = NameSearch(texts.values())
    unified = [
        (m, a)
        for m, a in linked
        if a.id in titled
        or not (_common_words(m, a, registry, case) or _headline_words(m, a, registry, case, texts, search))
    ]
    unified = shared_forms_by_report(texts, unified, registry)
    if links is not None:  # each mention as linked, a short form read by its report (as the store reads it)
        read = {(m.doc_id, m.start, m.end): a for m, a in unified}
        links.extend(
            (m, a, read.get((m.doc_id, m.start, m.end), b), i >= tagged)
            for i, ((m, a), (_, b)) in enumerate(zip(found, linked, strict=True))
        )
    unified = _without_adjectives(contexts, unified, registry)
    teams = _corpus_teams(contexts, unified)
    settings = _corpus_settings(contexts, unified)
    settings |= {f"@{k}" for k in _addressed_towns(contexts, unified) if k in settings}
    typed = [(m, _as_team(m, a, teams)) for m, a in unified]
    typed = [(m, _as_setting(m, a, settings)) for m, a in typed]
    towns = _corpus_towns(contexts, typed)
    typed = [(m, _as_town(m, a, towns)) for m, a in typed]
    mistered = _mistered(contexts, typed, registry)
    typed = [(m, _as_person(a, mistered)) for m, a in typed]
    groups = _named_as_groups(contexts, typed)
    typed = [(m, _as_group(a, groups)) for m, a in typed]
    forums = _named_forums(contexts, typed, registry)
    typed = [(m, _as_forum(a, forums)) for m, a in typed]
    kinds = _kinds_named(contexts, typed, registry)
    typed = [(m, _as_kind(a, kinds)) for m, a in typed]
    things = _named_things(contexts, typed, registry) | _market_prices(contexts, typed, registry)
    typed = [(m, a) for m, a in typed if a.id not in things]
    typed = _addresses(contexts, typed)
    typed = _without_dates(contexts, typed)
    return _with_datelines(contexts, typed), agentive


@lru_cache(maxsize=1024)
def _as_word(word: str) -> re.Pattern[str]:
    """``word`` written as a whole word."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def shared_forms_by_report(
    texts: Mapping[str, str], found: Sequence[tuple[Mention, Actor]], reg: Registry
) -> list[tuple[Mention, Actor]]:
    """A short name two bodies share ("House": the Commons or the Representatives) is read by its
    report, as a reader does (issue #15's ambiguity guard: a report's context, not a corpus-wide
    string match): the body the report names by a form of its own; else the one whose
    legislature the report's words name (`shared_form_context`: "Congress", "MPs"); else, where
    the report says nothing, the one body the corpus names by a form of its own (a corpus on
    Congress means the Representatives by "the House"). Where none of these decides (two bodies
    named, or none), the short name is its own actor, as written: a wrong link is worse than none."""
    lines = [[org_key(n) for n in line] for line in reg.filters.org_aliases]
    owners = alias_owners(reg.filters.org_aliases)
    shared = {k for k, ii in owners.items() if len(ii) > 1}
    if not shared:
        return list(found)
    if not any(a.type == "organization" and org_key(m.text) in shared for m, a in found):
        return list(found)
    told_by = {
        i: [fold(w) for w in reg.filters.shared_form_context.get(line[0], ())]
        for i, line in enumerate(reg.filters.org_aliases)
    }

    @cache
    def folded(doc_id: str) -> str:
        return fold(texts.get(doc_id, ""))

    def written(doc_id: str, words: Sequence[str]) -> bool:
        text = folded(doc_id)  # a word the text does not hold is not written as a word in it
        return any(w in text and _as_word(w).search(text) for w in words)

    @cache
    def own_form_in(doc_id: str, line: int) -> bool:
        return written(doc_id, [k for k in lines[line] if len(owners[k]) == 1])

    @cache
    def in_corpus(line: int) -> bool:
        return any(own_form_in(d, line) for d in texts)

    def meant(doc_id: str, sharers: Sequence[int]) -> int | None:
        for named in (
            [i for i in sharers if own_form_in(doc_id, i)],
            [i for i in sharers if written(doc_id, told_by[i])],
            [i for i in sharers if in_corpus(i)],
        ):
            if named:
                return named[0] if len(named) == 1 else None
        return None

    out: list[tuple[Mention, Actor]] = []
    for m, a in found:
        key = org_key(m.text)
        if key in shared and a.type == "organization":
            # the line the corpus linked it to (None: left as written, two bodies named)
            linked = owners.get(org_key(a.name), [None])[0] if key != org_key(a.name) else None
            line = meant(m.doc_id, owners[key])
            if line is None and linked is not None:
                a = Actor(slug(m.text.removeprefix("the ")), m.text.removeprefix("the "), "organization")
            elif line is not None and line != linked:
                shown = reg.filters.org_aliases[line][0]
                a = Actor(slug(shown), shown, "organization")
            m = replace(m, actor_id=a.id)
        out.append((m, a))
    return out


def _without_dates(
    contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]]
) -> list[tuple[Mention, Actor]]:
    """A month or weekday name the model reads as part of a date or time is that date, not a
    name: months are also surnames and given names ("in May", "a June rally", "August 2015"), and
    a person the corpus names in full must not claim them. A title before the word keeps it a
    name ("Ms. May"); other words inside a date entity stay ("Lowtown, Norland 1996-08-31": the
    model's date often swallows a dateline's place). Calendar words: lib/lexicons/dates.yaml."""
    calendar = calendar_words()
    spans: dict[str, list[tuple[int, int]]] = {}
    titles: frozenset[str] = frozenset()
    for ctx in contexts:
        titles = ctx.reg.filters.person_titles
        spans[ctx.doc.id] = [
            (e.start_char, e.end_char) for e in doc_ents(ctx.sdoc) if e.label_ in ("DATE", "TIME")
        ]
    texts = {ctx.doc.id: ctx.text for ctx in contexts}

    def dated(m: Mention) -> bool:
        if m.text.strip() not in calendar or not any(s <= m.start and m.end <= e for s, e in spans[m.doc_id]):
            return False
        before = texts[m.doc_id][max(0, m.start - 20) : m.start].split()
        return not (before and before[-1] in titles)

    return [(m, a) for m, a in found if m.doc_id not in spans or not dated(m)]


# What may follow a list of places ("Lowtown, Freedonia and Upland"): then a comma is no address.
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_LIST_GOES_ON = re.compile(r"(?:,[ ]*[A-Z]|[ ]+(?:and|or|&)[ ])")


# Last words of a street's name: "Harbour Street, Lowtown" is a street of the town, and the town
# after it is the town, not the street's address standing for the street.
THOROUGHFARES = frozenset(
    {"Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Drive", "Dr", "Boulevard", "Blvd"}
    | {"Highway", "Terrace", "Crescent", "Parade", "Square", "Row", "Way", "Mews"}
)


def _addresses(
    contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]]
) -> list[tuple[Mention, Actor]]:
    """ "Lowtown, Freedonia": a town and, after a comma, its state or country name one place,
    the town (the state is its address, as in "Paris, Texas"; ECB+ annotates the whole as one
    mention of the town). The state's mention there stands for the town; not in a list of places
    ("Lowtown, Upland and Marsh", "Lowtown, Upland, Marsh"), not after a country or a continent
    ("In Europe, Freedonia's ..."), not where the state owns what follows ("Freedonia's"), and not
    after a street ("Harbour Street, Lowtown": the town is the town)."""
    texts = {ctx.doc.id: ctx.text for ctx in contexts}
    wide = contexts[0].reg.world_regions if contexts else frozenset()
    ends = {(m.doc_id, m.end): (m, a) for m, a in found}
    out: list[tuple[Mention, Actor]] = []
    for m, a in found:
        text = texts[m.doc_id]
        before = ends.get((m.doc_id, m.start - 2))
        if (
            before is not None
            and text[m.start - 2 : m.start] == ", "
            and before[1].type == "place"
            and before[0].text.split()[-1].rstrip(".") not in THOROUGHFARES
            and a.type in ("place", "country")
            and before[1].id != a.id
            and fold(before[0].text) not in wide  # "In Europe, Germany ...": a region is no town
            and _POSSESSIVE_AFTER.match(text, m.end) is None  # "..., Germany's index": its owner
            and _LIST_GOES_ON.match(text, m.end) is None
        ):
            town = before[1]
            out.append((Mention(m.doc_id, town.id, m.text, m.start, m.end), town))
        else:
            out.append((m, a))
    return out


def _common_words(mention: Mention, actor: Actor, reg: Registry, case: CaseStats) -> bool:
    """A word that names no actor (lexicon), or a name of common words only: each written in
    lower case somewhere in the corpus where case tells (mid-sentence, outside headlines) and
    never capitalised there ("Arson is suspected", "Armed and Dangerous" in a headline): Mikheev
    (1999)'s capitalised-word disambiguation over the corpus. A one-word name typed a person, never
    linked to a fuller name, is a common word already where the corpus writes it in lower case as
    often as capitalised: a person goes by a name, not by a word of the language. Registry and
    gazetteer names stay (and the caller keeps names written after "Mr." / "Ms.")."""
    if reg.actor(actor.id) is not None or reg.gazetteer.get(mention.text) is not None:
        return False
    if fold(actor.name) != fold(mention.text):
        return False  # resolved to a fuller name ("Brown" of "Ann Brown")
    if fold(mention.text) in reg.filters.non_actors:
        return True  # a weekday or a bare title brought back by a name chain
    words = [w.lower().strip(".,;:!?'’") for w in mention.text.split()]
    if actor.type == "person" and len(words) == 1 and case.common(words[0]):
        return True  # a lone "person" word the corpus writes small as often as not ("Rubble" of a caption)
    return all(case.lower[w] > 0 and case.upper[w] == 0 for w in words)


def _headline_words(
    mention: Mention,
    actor: Actor,
    reg: Registry,
    case: CaseStats,
    texts: Mapping[str, str],
    search: NameSearch | None = None,
) -> bool:
    """A headline's run of common words the model took for a name ("Bold Vault Robbery", "Jailed
    Forger Quibbleton"): a title-case or all-caps line capitalises every word, so there case says
    nothing, and the running text decides (Mikheev 1999, as _common_words). A name on a headline
    whose words the corpus writes in lower case more often than capitalised (or never writes
    where case tells: two such common words at least), and that no running text of the corpus
    writes capitalised as a whole, is the headline's words, no actor. Registry and gazetteer names
    stay, and so do a mention resolved to a fuller name and a name ending in a body's word (a news
    desk's sign-off line is written in capitals too)."""
    text = texts.get(mention.doc_id, "")
    if reg.actor(actor.id) is not None or reg.gazetteer.get(mention.text) is not None:
        return False
    if fold(actor.name) != fold(mention.text) or not is_title_line(line_of(text, mention.start)):
        return False
    if mention.text.split()[-1] in reg.filters.org_suffixes | reg.filters.outlet_words:
        return False  # a body's head noun: "<Cargo> Newsroom", "<Town> Council"
    words = [w.lower().strip(".,;:!?'’\"“”") for w in mention.text.split()]
    content = [w for w in words if w and w not in FUNCTION_WORDS]
    unseen = [w for w in content if case.upper[w] == 0 and case.lower[w] == 0]
    common = [w for w in content if case.lower[w] > 0 and case.common(w)]
    if len(common) + len(unseen) != len(content) or not common or (unseen and len(common) < 2):
        return False
    return not (search or NameSearch(texts.values())).writes_as_name(mention.text)


# Letters outside ASCII that re.IGNORECASE matches to an ASCII letter (Python's simple case folding
# and its equivalences), mapped so that a lower-cased text holds every ASCII word such a pattern
# can match in it.
_ASCII_FOLDS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})


class NameSearch:
    """The corpus's running text, asked whether it writes a surface as a name (_written_as_name):
    each surface answered once, and only the texts that hold its longest word (lower-cased)
    searched. Scanning every text for each headline name grew with the square of a batch's
    documents."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)
        self._folded: list[str] | None = None
        self._answers: dict[str, bool] = {}

    def writes_as_name(self, surface: str) -> bool:
        if surface not in self._answers:
            self._answers[surface] = _written_as_name(surface, self._holding(surface))
        return self._answers[surface]

    def _holding(self, surface: str) -> Iterable[str]:
        words = [w.lower() for w in surface.split() if w.isascii() and w.isalpha()]
        if not words:
            return self._texts
        word = max(words, key=len)
        if self._folded is None:
            self._folded = [t.translate(_ASCII_FOLDS).lower() for t in self._texts]
        return (t for t, folded in zip(self._texts, self._folded, strict=True) if word in folded)


def _written_as_name(surface: str, texts: Iterable[str]) -> bool:
    """Whether a running-text line (no headline) of ``texts`` writes ``surface`` with each of its
    words capitalised, as a name."""
    pattern = re.compile(r"(?<![\w'-])" + r"\s+".join(map(re.escape, surface.split())) + r"(?![\w'-])", re.I)
    for text in texts:
        for m in pattern.finditer(text):
            words = m.group(0).split()
            if all(w[:1].isupper() for w in words if len(w) > 3) and not is_title_line(
                line_of(text, m.start())
            ):
                return True
    return False


def _mistered(
    contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]], reg: Registry
) -> set[str]:
    """Actor ids of one-word names written right after "Mr." / "Mrs." / "Ms." (a title that says
    a sex) somewhere in the corpus: a person's name, whatever the model typed elsewhere."""
    texts = {ctx.doc.id: ctx.text for ctx in contexts}
    # The abbreviated ones only (Mr., Mrs., Ms.): "King" or "Sister" also open names of places and works.
    titles = {
        t
        for t in reg.filters.male_titles | reg.filters.female_titles
        if t.rstrip(".") in reg.filters.abbreviations
    }
    out: set[str] = set()
    for m, a in found:
        words = texts[m.doc_id][max(0, m.start - 12) : m.start].split()
        if " " not in a.name and words and words[-1] in titles and words[-1][:1].isupper():
            out.add(a.id)
    return out


def _named_as_groups(contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]]) -> set[str]:
    """Actor ids named somewhere as "the" and a capitalised plural standing as the noun ("the
    Lowtown Herons won", "a goal for the Herons"): a club, a band, a movement or a family, never one
    person (a person's name takes no article). Only a name that is the mention itself, or its
    singular: "the Avery family" and "the Averys" say nothing of Ann Avery."""
    by_id = {ctx.doc.id: ctx for ctx in contexts}
    out: set[str] = set()
    for m, a in found:
        ctx = by_id[m.doc_id]
        name, surface = fold(a.name), fold(m.text)
        if (
            a.type == "person"
            and ctx.text[max(0, m.start - 4) : m.start] in ("the ", "The ")
            and plural_nickname(m.text.split())
            and name in (surface, surface.removesuffix("s"))
            and not _modifies(ctx, m)
        ):
            out.add(a.id)
    return out


def _modifies(ctx: DocContext, m: Mention) -> bool:
    """The name modifies a noun after it ("the Herons coach"), as the parser reads it."""
    span = ctx.parsed(m.start, m.end)
    return (
        span is not None and span.root.dep_ in ("compound", "nmod", "amod") and span.root.head.i >= span.end
    )


# an actor whose mentions nearly all premodify a noun of talks or agreements names a forum
FORUM_SHARE = 0.75
FORUM_LEAST = 2  # mentions: one "the Avery case" says little


def _premodified_noun(ctx: DocContext, m: Mention) -> str | None:
    """The lower-case noun the mention premodifies ("the Normandy format", "the Nord Stream 2
    pipeline": a numeral after the name is part of it), as the parser reads it; None when the name
    stands alone."""
    head = _premodified(ctx, m)
    return None if head is None else head.text


def _premodified(ctx: DocContext, m: Mention) -> Token | None:
    """``_premodified_noun``'s token."""
    span = ctx.parsed(m.start, m.end)
    if span is None or not len(span):
        return None
    head = span.root
    while head.dep_ in ("compound", "nmod", "amod", "nummod") and head.head.i >= span.end:
        head = head.head  # through a numeral or a capitalised word of the name ("Normandy Four")
        if head.pos_ != "NUM" and not head.text[:1].isupper():
            break
    # the head as a compound's head is a noun, whatever its tag ("the Varrow talks" may read as a verb)
    if head is span.root or not head.is_alpha or not head.text.islower():
        return None
    return head


def _named_forums(
    contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]], reg: Registry
) -> set[str]:
    """Actor ids whose mentions (three in four or more, at least two) premodify a noun of talks or
    agreements ("the Normandy format", "talks in the Normandy format", "the Varrow process"; the
    lexicon's forum_nouns): a name that only premodifies how states meet or what they agreed names
    a forum, not who acts. Not nouns of what a body makes or runs ("the Dow Jones average", "a Pan
    Am flight": the body is still named) nor of agents ("the Avery administration"). A person named
    in full somewhere ("the Ann Avery prize" names her too), a body whose name says so ("the
    Harbour Council meeting") and a registry actor stay actors."""
    return _mostly_premodifying(contexts, found, reg, reg.filters.forum_nouns)


def _named_things(
    contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]], reg: Registry
) -> set[str]:
    """Actor ids whose mentions over the corpus (three in four or more, at least two) premodify a
    noun of a thing (the lexicon's thing_nouns: "the Zorvex variant", "the Zorvex strain"): the
    name of that thing in its other mentions too ("how Zorvex is spreading"), one sense per
    discourse across the reports; spans._without_named_things reads one report, where the name
    must never stand alone. Its mentions are a topic, not an actor."""
    return _mostly_premodifying(contexts, found, reg, reg.filters.thing_nouns)


# A market report's move of a price: "<Index> 100 index rose 0.4 per cent", "<Index> was flat".
_MOVES = (
    "rose|fell|gained|lost|added|shed|slipped|sank|climbed|dropped|declined|jumped|surged|tumbled|advanced"
    "|retreated|gave[ ]up|picked[ ]up|edged[ ](?:up|down|higher|lower)"
)
_MARKET_MOVE = re.compile(
    r"(?:[ ]\d[\d,.]*)?(?:[ ](?:index|composite|average|benchmark))?[ ]+"
    rf"(?:was[ ]+(?:almost[ ]+|nearly[ ]+)?flat\b|(?:{_MOVES})[ ]+\d[\d.,]*[ ]*(?:per[ ]?cent|percent|%))"
)


# A company named as such right before its name: "shares of X", "media company X".
_COMPANY_BEFORE = re.compile(
    r"\b(?:[Ss]hares|[Ss]tock|[Cc]ompany|[Ff]irm|[Mm]aker|[Cc]hain)[ ](?:(?:of|in)[ ])?$"
)


def _market_prices(
    contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]], reg: Registry
) -> set[str]:
    """Ids of bodies the corpus names (three times in four or more) only as a price that moved by a
    percentage ("<Index> added 0.4 per cent", "the <Index> 100 was flat"): a stock index, or a
    company in a market report's list of movers; a market report's subject, not an actor (it says
    and does nothing). A person does not move by a percentage (polls move their shares by points);
    the model types some indices as people. A company named as one ("shares of X", "media company
    X", a legal suffix) stays. Never a registry actor, a state or a place."""
    by_id = {ctx.doc.id: ctx for ctx in contexts}
    suffixes = {w.lower() for w in reg.filters.org_suffixes}
    marks: dict[str, list[bool]] = {}
    for m, a in found:
        if a.type not in ("organization", "person") or reg.actor(a.id) is not None:
            continue
        text = by_id[m.doc_id].text
        company = (
            fold(m.text.split()[-1]) in suffixes
            or _COMPANY_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
        )
        moved = not company and _MARKET_MOVE.match(text, m.end) is not None
        marks.setdefault(a.id, []).append(moved)
    return {aid for aid, moved in marks.items() if sum(moved) >= FORUM_SHARE * len(moved)}


def _mostly_premodifying(
    contexts: Sequence[DocContext],
    found: Sequence[tuple[Mention, Actor]],
    reg: Registry,
    nouns: frozenset[str],
) -> set[str]:
    """Actor ids whose mentions (FORUM_SHARE or more of them, FORUM_LEAST at least) premodify one of
    ``nouns``; never a person named in full, a body whose name ends with a legal or body suffix, a
    place or a registry actor."""
    by_id = {ctx.doc.id: ctx for ctx in contexts}
    shares: dict[str, list[bool]] = {}
    named: set[str] = set()  # a person named in full somewhere, a body by its name's last word
    suffixes = {w.lower() for w in reg.filters.org_suffixes}
    for m, a in found:
        if a.type == "place" or reg.actor(a.id) is not None:
            continue
        words = m.text.split()
        if (a.type == "person" and len(words) > 1) or fold(words[-1]) in suffixes:
            named.add(a.id)
        noun = _premodified_noun(by_id[m.doc_id], m)
        shares.setdefault(a.id, []).append(noun is not None and noun in nouns)
    return {
        aid
        for aid, marks in shares.items()
        if aid not in named and len(marks) >= FORUM_LEAST and sum(marks) >= FORUM_SHARE * len(marks)
    }


def _kind_noun(ctx: DocContext, m: Mention) -> str | None:
    """The kind (the lexicon's kind_nouns) of the lower-case noun the mention premodifies ("the
    Varka volcano", "the Tamsin cafe") or that heads its apposition ("Orvel, a telecom company",
    "the company, Orvel,"), as the parser reads it; None without one."""
    nouns = ctx.reg.filters.kind_nouns
    noun = _premodified(ctx, m)
    # the kind noun heads the phrase: "the Avery town hall", "an Avery bank account" name no town, no bank
    if noun is not None and noun.text in nouns and noun.dep_ != "compound":
        return nouns[noun.text]
    span = ctx.parsed(m.start, m.end)
    if span is None or not len(span):
        return None
    root = span.root
    # the apposition right after the name (and its comma), not a later one the parser also hangs on it
    # ("<Name>, a founder of <Body>, a company outside <Town>")
    apposed = [t for t in root.children if t.dep_ == "appos" and t.left_edge.i <= span.end + 1]
    if root.dep_ == "appos" and root.head.i < span.start:
        apposed.append(root.head)
    return next((nouns[t.text] for t in apposed if t.text in nouns), None)


def _speaks(ctx: DocContext, m: Mention) -> bool:
    """The mention is the subject of a verb of saying ("Avery said", "says Avery")."""
    span = ctx.parsed(m.start, m.end)
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.text.lower() in load_cues().speech


def _kinds_named(
    contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]], reg: Registry
) -> dict[str, str]:
    """Actor id -> the kind of thing the corpus says, somewhere, that a name the model typed a person
    (or, for a place, a body) is: a lower-case noun right after it or heading its apposition ("the
    Varka volcano", "Orvel, a telecom company", "the Tamsin cafe"; kind_nouns), or, for a one-word
    name, a report that writes it as a body's ("Tamsin's owners"; org_cues); said of the name, not
    of a surname linked to a full name ("Avery stock" says nothing of Ann Avery). One sense per
    discourse over the corpus: a name's other mentions rarely repeat what it is. A name that says
    something is no place; a name opening on a first name that the corpus also gives a person's
    evidence (a title before it, a verb of saying) keeps its person ("the Ann Avery company" is
    hers). Names that get both kinds, registry actors and states are left as they are."""
    by_id = {ctx.doc.id: ctx for ctx in contexts}
    firsts = reg.filters.common_first_names
    titles = reg.filters.person_titles | reg.filters.male_titles | reg.filters.female_titles
    votes: dict[str, Counter[str]] = {}
    speaks: set[str] = set()
    person: set[str] = set()  # ids with a person's evidence
    for m, a in found:
        if a.type not in ("person", "organization") or reg.actor(a.id) is not None:
            continue
        ctx = by_id[m.doc_id]
        kind = _kind_noun(ctx, m)
        if kind is None and " " not in m.text and ctx.has_org_cue(m.text):
            kind = "organization"
        surname = fold(m.text) != fold(a.name) and fold(m.text) == fold(a.name.split()[-1])
        if kind is not None and not surname:  # not a surname the actor was linked by
            votes.setdefault(a.id, Counter())[kind] += 1
        before = ctx.text[max(0, m.start - 25) : m.start].split()
        if _speaks(ctx, m):
            speaks.add(a.id)
            person.add(a.id)
        elif before and before[-1] in titles and before[-1][:1].isupper():
            person.add(a.id)
    names = {a.id: a.name for _, a in found}
    out: dict[str, str] = {}
    for aid, kinds in votes.items():
        if len(kinds) > 1:
            continue
        kind = next(iter(kinds))
        if kind == "place" and aid in speaks:
            continue
        if aid in person and fold(names[aid].split()[0]) in firsts:
            continue
        out[aid] = kind
    return out


def _as_kind(actor: Actor, kinds: Mapping[str, str]) -> Actor:
    """A person the corpus names as a place or a body, or a body it names as a place, is that (see
    _kinds_named)."""
    kind = kinds.get(actor.id)
    if kind is None or actor.type == kind or (kind == "organization" and actor.type != "person"):
        return actor
    if actor.type not in ("person", "organization"):
        return actor
    return replace(actor, type=kind)


def _as_forum(actor: Actor, forums: set[str]) -> Actor:
    """A forum is named after the place its talks began ("Normandy", "Minsk"): typed a place, a
    setting the actor list leaves out, and still a located entity for the entity scores."""
    if actor.id in forums:
        return replace(actor, type="place")
    return actor


def _as_group(actor: Actor, groups: set[str]) -> Actor:
    if actor.id in groups:
        return replace(actor, type="organization")
    return actor


def _as_person(actor: Actor, mistered: set[str]) -> Actor:
    if actor.type == "organization" and actor.id in mistered:
        return replace(actor, type="person")
    return actor


# a list a preposition opens, up to the name: "in Lowtown, Upton and " (the name is the list's next item)
_PLACE_LIST = re.compile(
    r"\b(?P<prep>[a-z]+)[ ]+(?:[A-Z][\w.'-]*(?:[ ][A-Z][\w.'-]*){0,3}(?:,[ ]+(?:and[ ]+)?|[ ]+and[ ]+)){1,6}$"
)


_LIST_ITEMS = re.compile(r",[ ]*(?:and[ ]+)?|[ ]+and\b[ ]*")


def _lists_a_place(reg: Registry, items: str) -> bool:
    """Whether a list's items before the name hold a place the gazetteer knows ("Lowtown, Upton and
    "): a list of dates or of people after "in" is none ("in January, Ann Avery and ...")."""
    return any(reg.gazetteer.get(item) is not None for item in _LIST_ITEMS.split(items.strip(" ,")))


def _corpus_settings(contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]]) -> set[str]:
    """Folded names written "in X" / "near X" somewhere in the corpus, or in a list of places such
    a preposition opens ("in Lowtown, Upton and X") (Mikheev et al. 1999's external evidence: the
    preposition is a context cue of a location); a name of several words
    only when a quarter of its mentions, and two or more, are so written (a person is not "in"
    anyone, a place often is)."""
    by_id = {ctx.doc.id: ctx for ctx in contexts}
    placed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for m, _ in found:
        ctx = by_id[m.doc_id]
        before = ctx.text[max(0, m.start - 20) : m.start].split()
        total[fold(m.text)] += 1
        if m.text.isupper():
            continue
        if before and before[-1] in ctx.reg.place_prepositions:
            placed[fold(m.text)] += 1
        elif (listed := _PLACE_LIST.search(ctx.text[max(0, m.start - 160) : m.start])) is not None:
            items = listed.group(0)[len(listed["prep"]) :]
            if fold(listed["prep"]) in ctx.reg.place_prepositions and _lists_a_place(ctx.reg, items):
                placed[fold(m.text)] += 1
    return {k for k, n in placed.items() if " " not in k or (n >= 2 and 4 * n >= total[k])}


# ", <state or province>" closing a phrase after a name: "in Lowtown, Ont., on Monday", "Upton, Calif. —"
_REGION_AFTER = re.compile(
    r",[ ]+(?P<region>[A-Z][\w.]*(?:[ ][A-Z][\w.]*){0,2}?)\.?(?=[,;:)]|[ ]+[—–-]|[ ]*$|(?<=\.)[ ])"
)


def _corpus_towns(contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]]) -> set[str]:
    """Folded names the corpus writes before their state or province ("Lowtown, Ont.,"): the AP and
    Canadian Press styles name a town so, and no person or body is written that way."""
    by_id = {ctx.doc.id: ctx for ctx in contexts}
    towns: set[str] = set()
    for m, _ in found:
        ctx = by_id[m.doc_id]
        words = m.text.split()
        first = fold(words[0])
        if len(words) > 1 and (
            first in ctx.reg.filters.first_names or first in ctx.reg.filters.common_first_names
        ):
            continue  # "Ann Avery, Texas": a person from there ("Dexter, Mich." is a town)
        line_end = ctx.text.find("\n", m.end)
        after = _REGION_AFTER.match(ctx.text, m.end, line_end if line_end >= 0 else len(ctx.text))
        if after is not None and _a_region(after["region"], ctx.reg.regions):
            towns.add(fold(m.text))
    return towns


def _a_region(written: str, regions: frozenset[str]) -> bool:
    """A state or province as the styles write it after a town ("Ont.", "Calif", "Texas"); not a
    degree or a code in capitals ("MD", "PhD"), which follows a person's name."""
    if written.isupper() and "." not in written:
        return False
    return fold(written) in regions or fold(written) + "." in regions


def _as_town(mention: Mention, actor: Actor, towns: set[str]) -> Actor:
    """A lone name the model calls a person or a body that the corpus writes as a town ("Lowtown, Ont.");
    a body's name of several words ("<County> Sheriff's Department, <State>") is a body of that state."""
    one_word = len(actor.name.split()) == 1
    lone = one_word or (actor.type == "person" and fold(actor.name) == fold(mention.text))
    if actor.type in ("person", "organization") and lone and fold(mention.text) in towns:
        return replace(actor, type="place")
    return actor


def _addressed_towns(contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]]) -> set[str]:
    """Folded one-word names written as a town's address somewhere in the corpus: "X, <Region>"
    with a place or country after the comma, not in a list ("X, Upton and Marsh")."""
    texts = {ctx.doc.id: ctx.text for ctx in contexts}
    starts = {(m.doc_id, m.start): a for m, a in found}
    out: set[str] = set()
    for m, _ in found:
        text = texts[m.doc_id]
        after = starts.get((m.doc_id, m.end + 2))
        if (
            " " not in m.text
            and after is not None
            and after.type in ("place", "country")
            and text[m.end : m.end + 2] == ", "
            and _LIST_GOES_ON.match(text, m.end + 2 + len(after.name)) is None
        ):
            out.add(fold(m.text))
    return out


def _as_setting(mention: Mention, actor: Actor, settings: set[str]) -> Actor:
    """A name the model calls a person, with no full name in the corpus, that the corpus
    writes "in X" is a place (a person is rarely "in Smith"). So is a one-word name the model
    calls a body that the corpus writes "in X" and as a town's address, "X, <Region>" (a body is
    "in" a chamber or a meeting, but is not addressed by its region: "in Lowtown" and "Lowtown,
    Upland" are a town's), marked "@x" in ``settings``."""
    lone = actor.type == "person" and (len(actor.name.split()) == 1 or fold(actor.name) == fold(mention.text))
    key = fold(mention.text)
    town = actor.type == "organization" and " " not in actor.name and f"@{key}" in settings
    if (lone and key in settings) or town:
        return replace(actor, type="place")
    return actor


# A wire dateline opens a line: "NEW YORK 1996-08-22", "PARIS (Reuters) -", "LAGOS, Aug 22 (AP) -".
# Its place is a setting whatever the model says (the Reuters/AP dateline convention; CoNLL-2003
# tags it LOC). The names stay in capitals, so the rule never fires on running text.
_PLACE = r"^(?P<place>[A-Z][A-Z.'-]+(?:[ ][A-Z][A-Z.'-]+){0,3})"
_REGION = r"(?P<region>,[ ][A-Z][\w.' ]{1,30}?)?[ ]+"
_DATELINE = re.compile(
    _PLACE + _REGION + r"(?=\d{4}-\d\d-\d\d|\((?:Reuters|AP|AFP|UPI)\)|[A-Z][a-z]{2}\.?[ ]\d{1,2}\b)",
    re.MULTILINE,
)
# The AP and Canadian Press style: a dash before the lead's first word, "MILLTOWN, Ont. — The",
# "EASTPORT -- Stocks". A section slug takes the same shape ("PRESS DIGEST - Papers ..."), so the
# place must carry its region or be a place the gazetteer knows.
_DASH_DATELINE = re.compile(_PLACE + _REGION + r"(?=(?:—|–|--?)[ ]+[\"“]?[A-Z][a-z])", re.MULTILINE)


def datelines(text: str, known: Callable[[str], bool] = lambda place: False) -> list[tuple[int, int]]:
    """Spans of the places that open wire datelines (``known``: a place name the gazetteer holds)."""
    found = [*_DATELINE.finditer(text)]
    found += [
        m for m in _DASH_DATELINE.finditer(text) if m.group("region") or known(m.group("place").title())
    ]
    return sorted({m.span("place") for m in found if len(m.group("place")) >= 3})


def _with_datelines(
    contexts: Sequence[DocContext], found: list[tuple[Mention, Actor]]
) -> list[tuple[Mention, Actor]]:
    """Dateline places typed "place"; a span the model ran on ("KEMPTON, England") or missed
    becomes the dateline's place."""
    spans = {
        (ctx.doc.id, s, e): ctx.text[s:e]
        for ctx in contexts
        for s, e in datelines(ctx.text, partial(_in_gazetteer, ctx.reg))
    }
    starts = {(doc_id, s) for doc_id, s, _ in spans}
    out = [(m, a) for m, a in found if (m.doc_id, m.start) not in starts or _dateline_at(m, spans)]
    out = [(m, _as_place(m, a) if _dateline_at(m, spans) else a) for m, a in out]
    for (doc_id, start, end), text in spans.items():
        if not any(m.doc_id == doc_id and m.start < end and start < m.end for m, _ in out):
            name = text.title()
            out.append((Mention(doc_id, slug(name), text, start, end), Actor(slug(name), name, "place")))
    return out


def _in_gazetteer(reg: Registry, place: str) -> bool:
    return reg.gazetteer.get(place) is not None


def _dateline_at(m: Mention, spans: dict[tuple[str, int, int], str]) -> bool:
    return (m.doc_id, m.start, m.end) in spans


def _as_place(mention: Mention, actor: Actor) -> Actor:
    """A dateline's place; where the corpus step made its town a club ("LOWTOWN" of the
    Lowtown Herons), the town of its own name, not the club typed a place."""
    name = actor.name.title() if actor.name.isupper() and len(actor.name) > 4 else actor.name  # "MILLTOWN"
    if actor.type in ("place", "country"):
        return replace(actor, name=name)
    if actor.type == "organization" and fold(actor.name) != fold(mention.text):
        name = mention.text.title() if mention.text.isupper() else mention.text
        return Actor(slug(name), name, "place")
    return Actor(actor.id, name, "place")


def _corpus_teams(contexts: Sequence[DocContext], found: Sequence[tuple[Mention, Actor]]) -> set[str]:
    """Folded names that stand as competitors in some report of the corpus ("Hampshire beat Surrey")."""
    texts = {ctx.doc.id: (ctx.text, ctx.reg.filters.competitor_words) for ctx in contexts}
    return {
        fold(m.text)
        for m, _ in found
        if is_competitor(texts[m.doc_id][0], m.start, m.end, texts[m.doc_id][1])
    }


def _as_team(mention: Mention, actor: Actor, teams: set[str]) -> Actor:
    """A lone word the model calls a person, with no full name in the corpus, that competes
    somewhere in the corpus is a club (sports pages name clubs by city or county)."""
    lone = actor.type == "person" and len(actor.name.split()) == 1
    if lone and fold(mention.text) in teams:
        return replace(actor, type="organization")
    return actor


_MAX_WORDS = 5
_ARTICLE = re.compile(r"(?:The|THE|A|An)[ ](?=\S)")
_POSSESSIVE = re.compile(r"(?:['’]s?|[.,])$")
# "<Name>'s " or a plural's "<Names>' ": not a closing quote after a nickname ("Ann 'Bo' Avery").
_INNER_POSSESSIVE = re.compile(r"(?:(?<=\w)['’][sS]|(?<=[sS])['’])[ ]")


# spaCy labels of names that are not actors: products and weapons, laws, events, works (OntoNotes).
TOPIC_LABELS = frozenset({"PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "LANGUAGE"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def _without_topics(
    contexts: Sequence[DocContext], found: list[tuple[Mention, Actor]], reg: Registry
) -> list[tuple[Mention, Actor]]:
    """Names the model reads as a product, law, event or work more often than as an actor,
    over the whole corpus, are topics (one sense per discourse, across reports)."""
    votes: dict[str, int] = {}
    for ctx in contexts:
        for ent in doc_ents(ctx.sdoc) if ctx.sdoc is not None else ():
            if ent.label_ in TOPIC_LABELS or ent.label_ in ACTOR_LABELS:
                key = fold(ent.text.removeprefix("the ").removeprefix("The "))
                votes[key] = votes.get(key, 0) + (1 if ent.label_ in TOPIC_LABELS else -1)
    return [(m, a) for m, a in found if reg.actor(a.id) is not None or votes.get(fold(m.text), 0) <= 0]


def _split_headlines(
    contexts: Sequence[DocContext], found: list[tuple[Mention, Actor]], unsure: set[str], case: CaseStats
) -> list[tuple[Mention, Actor]]:
    """A name the model ran into a headline's words ("Ann Avery Quits Board") is the names the
    corpus knows inside it, less the common words (see lib/extract/actors/case.py); a span with
    no known name inside stays as it is."""
    by_id = {ctx.doc.id: ctx for ctx in contexts}
    running = [(m, a) for m, a in found if not is_title_line(line_of(by_id[m.doc_id].text, m.start))]
    names = {k: v for k, v in _corpus_names(running).items() if k not in unsure}
    firsts = _first_names(running, contexts[0].reg if contexts else None)
    alone = {(m.doc_id, fold(m.text)) for m, _ in running if " " not in m.text}  # one-word names
    name_words = frozenset(w for key in names for w in key.split())
    out: list[tuple[Mention, Actor]] = []
    broken: set[tuple[str, str]] = set()  # (doc, actor id) of the spans split here
    for m, a in found:
        text = by_id[m.doc_id].text
        if " " not in m.text or registry_name(m, a, by_id[m.doc_id].reg):
            out.append((m, a))
            continue
        if not is_title_line(line_of(text, m.start)):
            runs = _joined_names(text, m, names)
        elif fold(m.text) not in names:
            runs = [(s, e) for s, e in name_runs(text, m.start, m.end, case) if fold(text[s:e]) in names]
            runs = (
                runs
                or _headline_word_and_name(text, m, alone, firsts)
                or _name_and_headline_words(text, m, names, name_words, case)
            )
        else:
            runs = []
        runs = [(s, e) for s, e in runs if fold(text[s:e]) in names]  # not a lone word it holds no name of
        if not runs:
            out.append((m, a))
        else:
            broken.add((m.doc_id, a.id))
        for s, e in runs:
            actor = _bare_surname(text[s:e], names[fold(text[s:e])][1])
            out.append((Mention(m.doc_id, actor.id, text[s:e], s, e), actor))
    return [_unchained(m, a, names) if (m.doc_id, a.id) in broken else (m, a) for m, a in out]


def _without_leading_common_words(
    found: Sequence[tuple[Mention, Actor]], case: CaseStats
) -> list[tuple[Mention, Actor]]:
    """ "Kicker Ann Avery", "unbeaten Ann Avery": a person's span the model opened on a role
    noun capitalised at a sentence's start, or on a lower-case word, is the name after it. A
    word the corpus writes in lower case more often than capitalised (Mikheev 1999) is no first
    name; two words at least are kept, so the person keeps a first name and a surname. The
    report's other mentions of that actor (its surname, chained to the long span) follow."""
    renamed: dict[tuple[str, str], Actor] = {}
    cut: dict[tuple[str, int], int] = {}  # (doc, start) -> characters dropped
    for m, a in found:
        if a.type != "person" or fold(a.name) != fold(m.text):
            continue
        words = m.text.split(" ")
        drop = 0
        while len(words) - drop > 2 and (case.common(words[drop]) or not words[drop][:1].isupper()):
            drop += 1
        if drop:
            rest = " ".join(words[drop:])
            renamed[(m.doc_id, a.id)] = Actor(slug(rest), rest, "person")
            cut[(m.doc_id, m.start)] = len(m.text) - len(rest)
    out: list[tuple[Mention, Actor]] = []
    for m, a in found:
        actor = renamed.get((m.doc_id, a.id))
        if actor is None:
            out.append((m, a))
            continue
        start = m.start + cut.get((m.doc_id, m.start), 0)
        out.append((Mention(m.doc_id, actor.id, m.text[start - m.start :], start, m.end), actor))
    return out


def _first_names(found: Sequence[tuple[Mention, Actor]], reg: Registry | None) -> frozenset[str]:
    """Folded first words of the people's full names written in running text, and the first
    names of the hypocorism lexicon: the words the corpus knows as first names."""
    out = {fold(m.text.split()[0]) for m, a in found if a.type == "person" and len(m.text.split()) >= 2}
    if reg is not None:
        out |= set(reg.filters.nicknames) | set(reg.filters.nicknames.values())
    return frozenset(out)


def _headline_word_and_name(
    text: str, m: Mention, alone: set[tuple[str, str]], firsts: frozenset[str]
) -> list[tuple[int, int]]:
    """ "Board Flips Avery Ruling" read as the person "Flips Avery": in a headline, where every
    word is capitalised, a word before a name its report's running text writes alone is that
    name's first name only if the corpus writes it as one (or it is an initial); otherwise it is
    the headline's verb or noun."""
    words = m.text.split(" ")
    if len(words) != 2 or fold(words[0]) in firsts or words[0].endswith(".") or len(words[0]) < 3:
        return []
    if "\n" in text[: m.start]:
        return []  # the report's headline only, not a results table's row
    if (m.doc_id, fold(words[1])) not in alone:
        return []
    return [(m.end - len(words[1]), m.end)]


def _name_and_headline_words(
    text: str, m: Mention, names: Mapping[str, object], name_words: frozenset[str], case: CaseStats
) -> list[tuple[int, int]]:
    """ "Ann Avery Resigns", "Brindle Mills Unveils": in a headline a verb or noun after a name is
    capitalised like it, and the model runs the name into it. The span's longest leading words
    that the corpus's running text writes as a name are the name where the words after them are
    never written capitalised in running text (Mikheev 1999: a word capitalised only where
    case tells nothing is a common word); a club's nickname ("Lowtown Herons") is written so.
    Nor a word of a name the running text writes (``name_words``: "Avery" of "Ann Avery"). Only
    in the report's headline, its first title line (after a date line at most), not in a results
    table's rows, where a surname the running text never writes follows a first name."""
    if not _in_headline(text, m.start):
        return []
    words = m.text.split(" ")
    for n in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:n]), words[n:]
        if fold(head) in names:
            keys = [fold(w.rstrip(".,;:!?'’")) for w in tail]
            if all(case.upper[k] == 0 and k not in name_words for k in keys):
                return [(m.start, m.start + len(head))]
            return []
    return []


def _in_headline(text: str, start: int) -> bool:
    """Whether a position is on a report's headline: its first line, or its second after a line
    that is no title line (a date or a byline)."""
    before = [line for line in text[: text.rfind("\n", 0, start) + 1].split("\n") if line.strip()]
    return len(before) <= 1 and not any(is_title_line(line) for line in before)


def _unchained(m: Mention, a: Actor, names: Mapping[str, tuple[str, Actor]]) -> tuple[Mention, Actor]:
    """A mention its document chained to a headline span that is no name ("Hawks" and "Owls"
    to "Hawks Beat Owls": the model's person, its first and last words taken for a first name
    and a surname) stands for itself: the corpus's actor of its surface, else its own."""
    if fold(m.text) in names and names[fold(m.text)][1].id != a.id:
        actor = _bare_surname(m.text, names[fold(m.text)][1])
    elif fold(m.text) != fold(a.name):
        actor = Actor(slug(m.text), m.text, a.type)
    else:
        return m, a
    return Mention(m.doc_id, actor.id, m.text, m.start, m.end), actor


def registry_name(m: Mention, a: Actor, reg: Registry) -> bool:
    return reg.actor(a.id) is not None or reg.gazetteer.get(m.text) is not None


def _joined_names(text: str, m: Mention, names: Mapping[str, object]) -> list[tuple[int, int]]:
    """ "Avery and Quill", "Avery-Freedonia" (ties) or "Avery's Senate" read as one name: the
    names on either side of "and", the hyphen or the possessive where the corpus knows each alone
    (a name with "and" inside, "Bosnia and Herzegovina", is a gazetteer's)."""
    for joiner in (" and ", "-", "'s ", "’s "):
        parts = text[m.start : m.end].split(joiner)
        if len(parts) == 2 and all(fold(p) in names for p in parts):
            return [(m.start, m.start + len(parts[0])), (m.end - len(parts[1]), m.end)]
    return []


# Penn Treebank tags of adjectives (spaCy's tagger): a capitalised word read as one before a noun
# ("Black porters", "the Indigenous community") or after a copula ("they were Black") describes
# people, it names no one.
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})


def _without_adjectives(
    contexts: Sequence[DocContext], found: list[tuple[Mention, Actor]], reg: Registry
) -> list[tuple[Mention, Actor]]:
    """One-word names that the tagger reads as an adjective in most of their occurrences over the
    corpus (words of identity, faith or origin the registry's demonyms do not list) are no actors:
    one sense per discourse, across reports, as ``_without_topics`` reads the model's labels. An
    adjective resolved to a fuller name ("Republican" to its party) names that actor and stays."""
    by_id = {ctx.doc.id: ctx for ctx in contexts}
    named = [_self_named(m, a, reg) for m, a in found]
    votes: Counter[str] = Counter()
    for (m, _), own in zip(found, named, strict=True):
        span = by_id[m.doc_id].parsed(m.start, m.end) if own and m.doc_id in by_id else None
        if span is not None and len(span) == 1:
            votes[fold(m.text)] += 1 if span[0].tag_ in _ADJECTIVE_TAGS else -1
    return [f for f, own in zip(found, named, strict=True) if not own or votes[fold(f[0].text)] <= 0]


def _self_named(m: Mention, a: Actor, reg: Registry) -> bool:
    """A one-word mention of an actor named by that word alone, outside the registry."""
    return " " not in m.text and fold(a.name) == fold(m.text) and reg.actor(a.id) is None


def propagate_corpus(
    contexts: Sequence[DocContext],
    found: Sequence[tuple[Mention, Actor]],
    unsure: set[str],
    case: CaseStats | None = None,
) -> list[tuple[Mention, Actor]]:
    """Untagged repeats, in any report, of a name typed somewhere in the corpus.

    Cross-document label consistency (Krishnan & Manning 2006; Ratinov & Roth 2009, "Design
    challenges and misconceptions in NER", their non-local "extended prediction history"):
    a capitalised span spaCy missed takes the actor its surface most often got elsewhere. Only a
    whole run of capitalised words counts: "Wall" is not a name inside "Wall Street"; but a
    possessive right before a person's name ends the run ("<Club>' <First Last>": the club, then
    the player the model tagged).
    """
    names = {k: v for k, v in _corpus_names(found).items() if k not in unsure}
    if contexts and case is not None:
        for key, value in _team_nicknames(found, contexts[0].reg, case).items():
            names.setdefault(key, value)
    taken: dict[str, list[tuple[int, int]]] = {}
    people: dict[str, set[int]] = {}
    for mention, actor in found:
        taken.setdefault(mention.doc_id, []).append((mention.start, mention.end))
        if actor.type == "person":
            people.setdefault(mention.doc_id, set()).add(mention.start)
    out: list[tuple[Mention, Actor]] = []
    for ctx in contexts:
        spans = taken.setdefault(ctx.doc.id, [])
        starts = frozenset(people.get(ctx.doc.id, ()))
        for start, end, (form, actor) in _name_hits(ctx.text, names, case, starts, ctx.reg):
            surface = ctx.text[start:end]
            if _free(spans, start, end) and words_match(surface, form) and not ctx.in_credit(start, end):
                spans.append((start, end))
                actor = _bare_surname(surface, actor)
                out.append((Mention(ctx.doc.id, actor.id, surface, start, end), actor))
    return out


_CREDENTIAL_BEFORE = re.compile(r"[ ]?,[ ]*")


def _with_credentials(
    found: Sequence[tuple[Mention, Actor]], reg: Registry, texts: Mapping[str, str]
) -> list[tuple[Mention, Actor]]:
    """ "Ann Avery, MD, PhD": the rule of chains._credentials over the mentions as the corpus steps
    leave them: a full name a headline held with its next words, or one the model missed and the
    corpus found by its repeats, has its credentials too (a credential of the lexicon after the
    name and a comma is that person's, not a state's postal code)."""
    ends: dict[tuple[str, int], Actor] = {}  # (doc, end) -> the person whose full name ends there
    order = sorted(range(len(found)), key=lambda i: (found[i][0].doc_id, found[i][0].start))
    out = list(found)
    for i in order:
        m, a = found[i]
        if a.type == "person" and " " in m.text.strip():
            ends[(m.doc_id, m.end)] = a
            continue
        key = fold(m.text).replace(".", "").strip()
        if key not in reg.filters.credentials and key not in GENERATIONAL:
            continue
        text = texts.get(m.doc_id, "")
        for n in range(1, 4):
            holder = ends.get((m.doc_id, m.start - n))
            if holder is not None and _CREDENTIAL_BEFORE.fullmatch(text[m.start - n : m.start]):
                out[i] = (Mention(m.doc_id, holder.id, m.text, m.start, m.end), holder)
                ends[(m.doc_id, m.end)] = holder
                break
    return out


def _widened(
    contexts: Sequence[DocContext],
    found: list[tuple[Mention, Actor]],
    unsure: set[str],
    case: CaseStats | None = None,
) -> list[tuple[Mention, Actor]]:
    """A mention the model cut short inside a longer name the corpus types elsewhere ("Lowtown"
    tagged inside "Lowtown Herons") is that name: the whole capitalised run is the unit of a
    name (as in propagate_corpus), and the longer name wins, as in the model's own span choice.
    Only where the run holds that one mention and the longer name has two or more words. A
    person's full name only over a first name the model tagged alone at its start ("Ann" of "Ann
    Avery": news writes a first name alone without the surname right after it); never over a
    surname, which the corpus step resolves by its document's context."""
    names = {k: v for k, v in _corpus_names(found).items() if k not in unsure and " " in k}
    by_doc: dict[str, list[int]] = {}
    for i, (m, _) in enumerate(found):
        by_doc.setdefault(m.doc_id, []).append(i)
    out = list(found)
    for ctx in contexts:
        own = by_doc.get(ctx.doc.id, [])
        for start, end, (form, actor) in _name_hits(ctx.text, names, case):
            inside = [i for i in own if out[i][0].start < end and start < out[i][0].end]
            if len(inside) != 1:
                continue
            m, _ = out[inside[0]]
            surface = ctx.text[start:end]
            whole = (m.start, m.end) == (start, end)
            if whole or not (start <= m.start and m.end <= end) or not words_match(surface, form):
                continue
            if ctx.in_credit(start, end):
                continue
            if actor.type == "person" and m.start != start:
                continue
            out[inside[0]] = (Mention(ctx.doc.id, actor.id, surface, start, end), actor)
    return out


def _team_nicknames(
    found: Sequence[tuple[Mention, Actor]], reg: Registry, case: CaseStats
) -> dict[str, tuple[str, Actor]]:
    """Folded nickname -> (form, club) for clubs named by a place and a nickname ("Lowtown
    Herons"): sports pages call the club by the nickname alone ("the Herons won"), which the
    model often leaves untagged. The nickname must be a name where case tells (the corpus writes
    it capitalised more often than not: "Police" of "Lowtown Police" is a common word) and the
    place a place (gazetteer, or a name the corpus types as one); a nickname two clubs share is
    left out. Only plural nicknames, as clubs are named ("Herons", "Red Herons"): not an
    acronym ("Lowtown DA") nor a singular noun left of a mis-read name ("Fish" of "Lowtown Fish
    and Game")."""
    places = {fold(m.text) for m, a in found if a.type in ("place", "country")}
    out: dict[str, tuple[str, Actor]] = {}
    clash: set[str] = set()
    for m, a in found:
        words = _ARTICLE.sub("", m.text).split()
        if a.type != "organization" or not 2 <= len(words) <= 4:
            continue
        for n in (1, 2):
            head, rest = " ".join(words[:n]), words[n:]
            is_place = fold(head) in places or reg.gazetteer.get(head) in ("place", "country")
            if not (is_place and 1 <= len(rest) <= 2 and all(w[:1].isupper() for w in rest)):
                continue
            if not plural_nickname(rest) or any(case.common(w) or case.upper[w.lower()] < 2 for w in rest):
                continue
            nick = " ".join(rest)
            if fold(nick) in out and out[fold(nick)][1].id != a.id:
                clash.add(fold(nick))
            out.setdefault(fold(nick), (nick, a))
    return {k: v for k, v in out.items() if k not in clash}


def _corpus_names(found: Sequence[tuple[Mention, Actor]]) -> dict[str, tuple[str, Actor]]:
    """Folded surface -> (form, actor) for the names the corpus types, by majority of mentions."""
    votes: dict[str, Counter[str]] = {}
    actors: dict[str, Actor] = {}
    forms: dict[str, str] = {}
    for mention, actor in found:
        surface = mention.text
        if len(surface) >= 3 and surface[:1].isupper():
            key = fold(surface)
            votes.setdefault(key, Counter())[actor.id] += 1
            actors.setdefault(actor.id, actor)
            if not surface.isupper() or key not in forms:
                forms[key] = surface
    return {k: (forms[k], actors[v.most_common(1)[0][0]]) for k, v in votes.items()}


def _bare_surname(surface: str, actor: Actor) -> Actor:
    """A bare surname is resolved by its own document (lib/extract/actors/corpus.py), never by
    what the same string meant in another report."""
    if actor.type == "person" and " " not in surface and " " in actor.name:
        return Actor(slug(surface), surface, "person")
    return actor


def _name_hits(
    text: str,
    names: dict[str, tuple[str, Actor]],
    case: CaseStats | None = None,
    people: frozenset[int] = frozenset(),
    reg: Registry | None = None,
) -> Iterator[tuple[int, int, tuple[str, Actor]]]:
    """Whole capitalised runs (less a leading article and a possessive) that are corpus names;
    in a headline, the runs left between its common words. A possessive right before a person's
    name (``people``: where the report's person mentions start) ends a run: "<Club>' <First Last>",
    "<Town>'s <First Last>" name the person's club or town, then the person."""
    for whole in CAP_RUN.finditer(text):
        yield from _run_hits(text, names, case, _possessor_cuts(whole, people), reg)


def _possessor_cuts(run: re.Match[str], people: frozenset[int]) -> list[tuple[int, int]]:
    """A capitalised run cut after each possessive that a person's name follows."""
    out: list[tuple[int, int]] = []
    start = run.start()
    if people:
        for poss in _INNER_POSSESSIVE.finditer(run.group(0)):
            after = run.start() + poss.end()
            if after in people:
                out.append((start, run.start() + poss.end() - 1))
                start = after
    out.append((start, run.end()))
    return out


def _run_hits(
    text: str,
    names: dict[str, tuple[str, Actor]],
    case: CaseStats | None,
    runs: list[tuple[int, int]],
    reg: Registry | None = None,
) -> Iterator[tuple[int, int, tuple[str, Actor]]]:
    for run_start, run_end in runs:
        article = _ARTICLE.match(text, run_start, run_end)
        start = article.end() if article else run_start
        surface = _POSSESSIVE.sub("", text[start:run_end])
        if len(surface.split()) <= _MAX_WORDS and fold(surface) in names:
            yield start, start + len(surface), names[fold(surface)]
        elif case is not None and " " in surface and is_title_line(line_of(text, start)):
            for s, e in name_runs(text, start, start + len(surface), case):
                piece = _POSSESSIVE.sub("", text[s:e])
                if fold(piece) in names:
                    yield s, s + len(piece), names[fold(piece)]
                elif reg is not None and (lead := _name_before_headline_words(piece, names, case)):
                    yield s, s + len(lead), names[fold(lead)]
                elif reg is not None and (club := _club_before_player(piece, names, case)):
                    yield s, s + len(club), names[fold(club)]
        elif reg is not None and case is not None:
            if club := _club_before_player(surface, names, case):
                yield start, start + len(club), names[fold(club)]
            if tail := _full_name_ending(surface, names, reg, case):
                at = start + len(surface) - len(tail)
                yield at, at + len(tail), names[fold(tail)]


# A place's or building's first word before a person's name it is named after ("Fort Ann Avery").
_NAMED_AFTER = frozenset(
    {"fort", "mount", "mt", "saint", "st", "lake", "camp", "port", "cape", "san", "santa"}
)


def _full_name_ending(
    surface: str, names: Mapping[str, tuple[str, Actor]], reg: Registry, case: CaseStats
) -> str | None:
    """A person's full name the corpus types that ends a longer capitalised run after a title or
    role (a word the corpus writes in lower case more often, or a short acronym): "Lowtown Herons
    Coach Ann Avery", "Quarterback Ann Avery", "<Body> CTO Ann Avery": news puts a capitalised
    descriptor before a name. Not after a first name or an initial (a longer name: "Ann Bo
    Avery"), "of" ("Friends of Ann Avery"), a name word or a body's ("<Body> Trustworthy Ann"), nor
    a word that names a place after a person ("Fort Ann Avery")."""
    words = surface.split(" ")
    for k in range(1, len(words) - 1):
        name = " ".join(words[k:])
        if len(words) - k > 4 or fold(name) not in names or names[fold(name)][1].type != "person":
            continue
        word = words[k - 1]
        key = fold(word).rstrip(".,")
        if key in _NAMED_AFTER or key in reg.filters.first_names | reg.filters.common_first_names:
            return None
        acronym = 2 <= len(word) <= 4 and word.isalpha() and word.isupper()
        return name if acronym or (word[:1].isupper() and case.common(word)) else None
    return None


def _club_before_player(surface: str, names: Mapping[str, tuple[str, Actor]], case: CaseStats) -> str | None:
    """ "Herons Ann Avery", "Herons QB Ann Avery": sports writing puts a club's nickname before its
    player's name, with or without the player's position, and no possessive marks the cut. The
    lead is a plural nickname the corpus types a body and writes capitalised where case tells
    ("Police" of a force is a common word); the rest, after at most one role word (a short acronym
    or a word the corpus writes in lower case more often), is a person's full name the corpus
    types. Not a singular noun, a title or a first name before the name (session 41 tried any body
    there: "Committee Chairman", a town for its police force)."""
    words = surface.split(" ")
    for n in (1, 2):
        lead, rest = words[:n], words[n:]
        club = names.get(fold(" ".join(lead)))
        if club is None or club[1].type != "organization" or not plural_nickname(lead):
            continue
        if any(case.common(w) for w in lead):
            return None
        role = rest[0] if rest else ""
        if (2 <= len(role) <= 4 and role.isalpha() and role.isupper()) or (
            role[:1].isupper() and case.common(role)
        ):
            rest = rest[1:]
        person = names.get(fold(" ".join(rest)))
        if 2 <= len(rest) <= 4 and person is not None and person[1].type == "person":
            return " ".join(lead)
        return None
    return None


def _name_before_headline_words(
    piece: str, names: Mapping[str, tuple[str, Actor]], case: CaseStats
) -> str | None:
    """ "Ann Avery Cruises": in a headline, a name the corpus types and the words after it that its
    running text never writes capitalised (a verb or noun capitalised as the headline's), as
    _name_and_headline_words reads a span the model ran so."""
    words = piece.split(" ")
    for n in range(len(words) - 1, 1, -1):
        head = " ".join(words[:n])
        if fold(head) in names:
            tail = [fold(w.rstrip(".,;:!?'’")) for w in words[n:]]
            return head if all(case.upper[k] == 0 for k in tail) else None
    return None


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or e <= start for s, e in spans)


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
    return replace(actor, id=actor_id, type=kind)


def actor_at(mentions: Sequence[Mention], doc_id: str, start: int, end: int) -> str | None:
    """The actor id of the longest mention overlapping [start, end) in a document, if any."""
    hits = [m for m in mentions if m.doc_id == doc_id and m.start < end and start < m.end]
    return max(hits, key=lambda m: m.end - m.start).actor_id if hits else None


def listed(actors: Sequence[Actor]) -> list[Actor]:
    """The actors the dashboard lists: people, organisations and states, not settings."""
    return [a for a in actors if a.type in LISTED_TYPES]
