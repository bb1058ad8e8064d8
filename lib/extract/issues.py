"""The issues a corpus argues about, found in its statements rather than listed beforehand.

Per statement (at extraction, where the parse is at hand): its key noun phrases, the noun chunks
of the quoted words headed by a common noun, reduced to their compound head ("the new universal
background checks" -> "background check"): ``quote_phrases``. A bare head ("the deal") is read as
the one compound with that head its report names ("the grain deal"): a definite description
refers back to what the text introduced; where the report names two kinds, or none, it stays bare.

Over the corpus (``discover_issues``): phrases sharing a head noun are grouped ("border wall",
"wall") where one story tells them (a report, or the reports of one event: ``event_reports``); a
head's kinds no story ties ("gun debate", "presidential debate") are different matters, and a bare
use in a story that names no kind of it ("the letter" of a report on a bishop beside "resignation
letter" of another) is the noun in its general sense, grouped apart like a head never qualified.
A category noun, one the statements qualify in several different ways ("grain deal", "port deal",
"trade deal"), gives issues by its last modifier, and a bare use joins none, since which deal it
means is not in the phrase. A group is an issue when several statements in more than one report
use it; groups are ranked by TF-IDF over reports (frequent in the statements, rare across the
reports, as in Salton & Buckley 1988);
groups that keep occurring in the same statements are joined (co-occurrence clustering of
key phrases, as in keyphrase-based topic detection). A statement naming more than a few matters
(a meeting's long turn) shares its count among them, in the ranking and in the joining; a bare
head counts less the less the statements qualify it (a modifier restricts what a noun refers to:
"the document" of a corpus that never says which is a general noun, not a matter argued over).
Each issue is labelled by its most frequent phrases that name different things, each by its
fullest form several statements use ("border wall", not "border wall / wall"); its cues are the
phrases' surface forms, so a statement addresses it by the same test as a pack issue
(lib/extract/positions.py). Generic nouns ("people", "time", "thing") are data
(lib/lexicons/light_nouns.yaml).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from lib import LEXICONS, read_yaml
from lib.extract.groups import GROUPS_PATH
from lib.extract.positions import Issue, found_issue_id, surface_forms
from lib.extract.quotes.cues import load_cues, load_titles
from lib.extract.targets import load_representatives
from lib.records import Quote, numbered_ids

LIGHT_NOUNS_PATH = LEXICONS / "light_nouns.yaml"
_TITLES_KEY = "triangulate.title_nouns"  # a parsed document's title nouns (title_nouns), read once
# the columns of Actor positions, most weighty first: at 15 the cut by weight dropped an issue argued
# in 36 statements by 17 actors of 150 reports (weight favours issues of few reports)
MAX_ISSUES = 20
MIN_STATEMENTS = 3  # an issue is argued over in several statements ...
MIN_REPORTS = 2  # ... of more than one report
COOCCUR_MERGE = 0.6  # phrase groups sharing this share of their statements are one issue ...
COOCCUR_LEAST = 3  # ... and at least this many statements
LABEL_PHRASES = 3
LABEL_REPEATED = 2  # a fuller phrase names an issue in its label when this many statements use it
# a head qualified by this many different modifiers across the corpus names a category, not one matter
CATEGORY_KINDS = 3
# a statement names a few matters; one naming more shares its weight among them (statement_shares)
STATEMENT_MATTERS = 8
# what a bare head the statements never qualify weighs beside a compound (specificity)
BARE_LEAST = 0.5


@lru_cache(maxsize=1)
def light_nouns() -> frozenset[str]:
    data = read_yaml(LIGHT_NOUNS_PATH) or {}
    return frozenset(str(w).lower() for w in data.get("light_nouns") or [])


@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    """The nouns of who acts, not of what is argued: roles, titles and bodies ("judge", "court",
    "board", "lawmaker"), read from the lexicons the speaker, target and group readers keep: role
    and organisation nouns (the speaker reader's), titles and representatives (the target
    reader's), legislators and legislatures (the group reader's, lib/lexicons/groups.yaml), each
    phrase by its head noun ("chief of staff" -> "chief"), singular. A statement about "the judge"
    or "the league" names an actor; the matter is what they decide."""
    cues = load_cues()
    groups = read_yaml(GROUPS_PATH) or {}
    phrases = [
        *cues.role_nouns,
        *cues.organisation_nouns,
        *load_titles()[0],
        *load_representatives(),
        *(groups.get("legislators") or []),
        *(groups.get("legislatures") or []),
    ]
    heads: set[str] = set()
    for phrase in phrases:
        words = str(phrase).lower().split(" of ")[0].split()
        if words and words[-1].isalpha():
            heads.add(singular(words[-1]))
    return frozenset(heads)


def title_nouns(sdoc: SpacyDoc) -> frozenset[str]:
    """The nouns a report writes as titles before a person's name ("District Judge Ann Roe",
    "league commissioner Bo Lind"): roles in that report, whatever the lexicons hold. Only the
    word right before the name; not one ending a prepositional title ("Minister of Health Ann
    Roe": "health" is the office's domain, not a role). Read once per document."""
    known = sdoc.user_data.get(_TITLES_KEY)
    if isinstance(known, frozenset):
        return known
    found: set[str] = set()
    for t in sdoc[:-1]:
        name = sdoc[t.i + 1]
        if not (t.is_alpha and name.ent_iob_ == "B" and name.ent_type_ == "PERSON") or t.ent_type_:
            continue
        if t.dep_ != "compound" or t.head.ent_type_ != "PERSON":  # its tag is often wrong ("warden": VERB)
            continue
        first = t.i
        while first > 0 and sdoc[first - 1].dep_ in ("compound", "amod") and sdoc[first - 1].head.i >= first:
            first -= 1
        if first > 0 and sdoc[first - 1].pos_ == "ADP":
            continue
        found.add(singular(t.lower_))
    titles = sdoc.user_data[_TITLES_KEY] = frozenset(found)
    return titles


def singular(word: str) -> str:
    """A plural noun's singular, by the regular English rules (the lemmatizer is not loaded)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def chunk_phrase(chunk: SpacySpan, roles: frozenset[str] = frozenset()) -> str | None:
    """A noun chunk's compound head, lower-case, singular: None for names, pronouns, numbers, light
    nouns and the nouns of agents (agent_nouns, and ``roles``: the report's title_nouns)."""
    root = chunk.root
    if root.pos_ != "NOUN" or root.ent_type_ or not root.is_alpha:
        return None
    head = singular(root.lower_)
    if head in light_nouns() or head in agent_nouns() or head in roles or len(head) < 3:
        return None
    modifiers = [t for t in chunk if t.i < root.i and t.dep_ in ("compound", "amod") and t.is_alpha]
    # adjacent modifiers only: "background check" from "the new background check"; compound nouns
    # always, adjectives when they name a kind ("nuclear deal", "civil rights": relational adjectives)
    kept: list[str] = []
    for t in reversed(modifiers):
        if t.i != root.i - len(kept) - 1 or t.ent_type_ in ("PERSON", "GPE", "ORG", "DATE", "CARDINAL"):
            break
        if t.dep_ == "amod" and (t.lower_ in light_nouns() or not _relational(t.lower_)):
            break
        kept.insert(0, t.lower_)
    if kept:
        kept[0] = _hyphenated(chunk.doc, root.i - len(kept), kept[0])
    return " ".join([*kept, head])


def _hyphenated(doc: SpacyDoc, i: int, word: str) -> str:
    """A modifier with the word glued to it by a hyphen ("same-sex", "long-term"): the parser
    splits it in three, but it is one word, and its second half alone means something else."""
    glued = i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    return f"{doc[i - 2].lower_}-{word}" if glued and doc[i - 2].is_alpha else word


def _relational(adjective: str) -> bool:
    """An adjective that names a domain rather than grades ("nuclear", "federal", "military"):
    the relational adjectives of English morphology (-al, -ic, -ary, -ear, -ian)."""
    return adjective.endswith(("al", "ic", "ary", "ear", "ian", "ive")) and len(adjective) > 4


def document_compounds(chunks: Sequence[SpacySpan]) -> dict[str, str]:
    """The compound a report means by a bare head: for each head noun the report qualifies in one
    way only ("the grain deal", "grain deals"), that compound, the longest form it used; heads it
    qualifies in two ways ("grain deal", "port deal") are left out."""
    kinds: dict[str, dict[str, str]] = defaultdict(dict)
    for chunk in chunks:
        phrase = chunk_phrase(chunk)
        if phrase is None or " " not in phrase:
            continue
        words = phrase.split()
        known = kinds[words[-1]].get(words[-2], "")
        kinds[words[-1]][words[-2]] = max(known, phrase, key=len)
    return {head: next(iter(by.values())) for head, by in kinds.items() if len(by) == 1}


def quote_phrases(
    sdoc: SpacyDoc,
    quote: Quote,
    chunks: Sequence[SpacySpan] | None = None,
    compounds: dict[str, str] | None = None,
) -> tuple[str, ...]:
    """The key noun phrases of a statement's quoted words, in order, each once. ``chunks``: the
    document's noun chunks, found once for all its statements (spaCy's ``Span.noun_chunks`` walks
    the whole document's on every call); ``compounds``: ``document_compounds`` of them, what the
    report means by a bare head."""
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return ()
    chunks = list(sdoc.noun_chunks) if chunks is None else chunks
    compounds = document_compounds(chunks) if compounds is None else compounds
    inside = (c for c in chunks if span.start <= c.start and c.end <= span.end)
    roles = title_nouns(sdoc)
    phrases = (chunk_phrase(c, roles) for c in inside)
    return tuple(dict.fromkeys(compounds.get(p, p) for p in phrases if p))


@dataclass
class _Group:
    phrases: Counter[str]
    statements: set[int]
    # the phrases of the head the group grew from; those it joined for co-occurring only give it
    # their specific (several-word) phrases as cues: "funding" beside "border wall" would claim
    # every statement about any funding
    core: frozenset[str] = frozenset()
    of: dict[str, set[int]] = field(default_factory=dict)  # each phrase's statements in the group
    # the reports where its bare head names it (its stories: _by_head), or with bare_outside the
    # reports where it does not; None: everywhere
    bare_in: frozenset[str] | None = None
    bare_outside: bool = False

    def own(self) -> frozenset[str]:
        return self.core or frozenset(self.phrases)


def discover_issues(
    quotes: Sequence[Quote],
    taken: Sequence[Issue] = (),
    limit: int = MAX_ISSUES,
    related: Mapping[str, Collection[str]] | None = None,
) -> list[Issue]:
    """The issues the statements argue about, most argued first (see the module docstring).
    ``related``: for a report, the reports that report one of its events (``event_reports``): the
    reports of one story, where a head's uses refer to one matter (``_by_head``)."""
    reports = {q.doc_id for q in quotes}
    if not quotes or len(reports) < MIN_REPORTS:
        return []
    share = statement_shares(quotes)
    seen_in: dict[str, set[int]] = defaultdict(set)
    for n, q in enumerate(quotes):
        for p in q.phrases:
            seen_in[p].add(n)
    taken_cues = {c for i in taken for c in i.cues}
    doc_of = [q.doc_id for q in quotes]
    heads = [
        g
        for g in _by_head({p: st for p, st in seen_in.items() if p not in taken_cues}, doc_of, related)
        if len(g.statements) >= MIN_STATEMENTS and len({doc_of[n] for n in g.statements}) >= MIN_REPORTS
    ]
    groups = _merge_cooccurring(heads, share)
    # a phrase counts by the statements where it names its group's matter (a bare head: those of
    # the group's stories); a bare head's specificity, by all its uses
    specific = specificity({p: sum(share[n] for n in statements) for p, statements in seen_in.items()})

    def weight(g: _Group) -> float:
        return sum(
            sum(share[n] for n in st)
            * specific[p]
            * math.log(1 + len(reports) / len({doc_of[n] for n in st}))
            for p, st in g.of.items()
        )

    ranked = sorted(groups, key=lambda g: (-weight(g), -len(g.statements)))
    return _unique_ids([_issue(g) for g in ranked[:limit]])


def event_reports(sources: Iterable[Sequence[str]]) -> dict[str, frozenset[str]]:
    """For each report, the other reports of the events it reports (``sources``: each merged
    event's ``Event.sources``): the reports of one story, where a definite description may refer
    back to what another named."""
    related: dict[str, set[str]] = defaultdict(set)
    for docs in sources:
        for doc in docs:
            related[doc].update(d for d in docs if d != doc)
    return {doc: frozenset(others) for doc, others in related.items()}


def statement_shares(quotes: Sequence[Quote]) -> list[float]:
    """What each statement counts for each of its phrases: 1, or shared out when it names more
    than STATEMENT_MATTERS (a meeting's turn that names twenty matters argues none of them as a
    sentence about one does)."""
    return [min(1.0, STATEMENT_MATTERS / len(q.phrases)) if q.phrases else 0.0 for q in quotes]


def specificity(counted: dict[str, float]) -> dict[str, float]:
    """How surely each phrase names one matter: 1 for a compound ("border wall"); for a bare
    head, between BARE_LEAST and 1 by the share of the head's uses that qualify it. A modifier
    restricts what a noun refers to; a head the statements hardly ever qualify ("the document",
    "their interest") is used in its general sense, one they mostly qualify ("the wall" beside
    "the border wall") refers back to the compound. ``counted``: each phrase's statements, each
    by its share (statement_shares)."""
    uses: dict[str, float] = defaultdict(float)
    qualified: dict[str, float] = defaultdict(float)
    for phrase, count in counted.items():
        head = phrase.rsplit(" ", 1)[-1]
        uses[head] += count
        if " " in phrase:
            qualified[head] += count
    return {p: 1.0 if " " in p else BARE_LEAST + (1 - BARE_LEAST) * qualified[p] / uses[p] for p in counted}


def _by_head(
    seeds: dict[str, set[int]],
    doc_of: Sequence[str] | None = None,
    related: Mapping[str, Collection[str]] | None = None,
) -> list[_Group]:
    """Phrases grouped by their head noun ("background check", "check"), a head's uses by the
    stories that tell them: a head, its kinds and its bare uses name one matter within a story (a
    report, and the reports of one event with it: ``related``), not across unrelated stories.
    - A category noun (CATEGORY_KINDS kinds or more: "grain deal", "port deal") gives one group
      per kind, its bare form none.
    - A head of fewer kinds gives one group per set of kinds one story tells ("border wall" and
      "steel wall" in reports of one event); kinds no story ties ("gun debate", "presidential
      debate") are different matters.
    - A bare use ("the wall") joins the group of the kinds its story names: a definite description
      refers back to what its story introduced. In a story that names kinds of two groups it joins
      neither (which one it means, the words do not say); in a story that names none it is the
      noun in its general sense, some other wall: these uses make a group of their own, as those
      of a head never qualified do, and weigh as little (``specificity``).
    ``doc_of``: each statement's report; without it every statement is of one story."""
    related = related or {}

    def report(n: int) -> str:
        return doc_of[n] if doc_of is not None else ""

    kinds: dict[str, dict[str, set[str]]] = defaultdict(dict)  # head -> kind -> its reports
    for phrase, statements in seeds.items():
        words = phrase.split()
        if len(words) > 1:
            kinds[words[-1]].setdefault(words[-2], set()).update(report(n) for n in statements)
    stories = {head: _stories(by_kind, related) for head, by_kind in kinds.items()}
    groups: dict[str, _Group] = {}

    def add(key: str, phrase: str, statements: set[int], bare_in: frozenset[str] | None = None) -> None:
        group = groups.setdefault(key, _Group(Counter(), set()))
        group.phrases[phrase] += len(statements)
        group.statements |= statements
        group.of.setdefault(phrase, set()).update(statements)
        if bare_in is not None:
            group.bare_in = bare_in

    for phrase, statements in sorted(seeds.items()):
        words = phrase.split()
        head = words[-1]
        if len(kinds[head]) >= CATEGORY_KINDS:
            if len(words) > 1:
                add(" ".join(words[-2:]), phrase, statements)
        elif len(words) > 1:
            add(f"{head}:{stories[head][words[-2]][0]}", phrase, statements)
        elif head not in stories:
            add(head, phrase, statements)
        else:
            reach = dict(stories[head].values())
            for first, reports in reach.items():
                own = reports.difference(*(r for k, r in reach.items() if k != first))
                if told := {n for n in statements if report(n) in own}:
                    add(f"{head}:{first}", phrase, told, frozenset(own))
            anywhere = frozenset().union(*reach.values())
            if rest := {n for n in statements if report(n) not in anywhere}:
                add(head, phrase, rest, anywhere)
                groups[head].bare_outside = True
    return list(groups.values())


def _stories(
    by_kind: Mapping[str, set[str]], related: Mapping[str, Collection[str]]
) -> dict[str, tuple[str, frozenset[str]]]:
    """A head's kinds joined where one story tells both (a report naming one names the other, or
    a report of one event with it does). For each kind: the first kind of its set, and the set's
    reports with their events' other reports (where a bare use refers back to the set)."""
    reach = {k: frozenset(r).union(*(related.get(d, ()) for d in r)) for k, r in by_kind.items()}
    first = {k: k for k in by_kind}

    def root(k: str) -> str:
        while first[k] != k:
            k = first[k]
        return k

    ordered = sorted(by_kind)
    for at, a in enumerate(ordered):
        for b in ordered[at + 1 :]:
            if not reach[a].isdisjoint(by_kind[b]) or not reach[b].isdisjoint(by_kind[a]):
                ra, rb = root(a), root(b)
                first[max(ra, rb)] = min(ra, rb)
    sets: dict[str, frozenset[str]] = defaultdict(frozenset)
    for k in ordered:
        sets[root(k)] |= reach[k]
    return {k: (root(k), sets[root(k)]) for k in ordered}


def _merge_cooccurring(groups: list[_Group], share: Sequence[float] | None = None) -> list[_Group]:
    """Groups whose statements mostly coincide (overlap over the smaller) joined, largest first;
    a statement counts by its ``share`` (statement_shares; 1 when not given), so that long turns
    naming both do not join two matters."""

    def size(statements: set[int]) -> float:
        return float(len(statements)) if share is None else sum(share[n] for n in statements)

    merged: list[_Group] = []
    sizes: list[float] = []  # each merged group's, kept as it grows
    for g in sorted(groups, key=lambda g: (-len(g.statements), min(g.phrases))):
        own = size(g.statements)
        home = next(
            (
                k
                for k, m in enumerate(merged)
                if not m.statements.isdisjoint(g.statements)
                and size(m.statements & g.statements)
                >= max(COOCCUR_LEAST, COOCCUR_MERGE * min(sizes[k], own))
            ),
            None,
        )
        if home is None:
            merged.append(
                _Group(Counter(g.phrases), set(g.statements), g.own(), dict(g.of), g.bare_in, g.bare_outside)
            )
            sizes.append(own)
        else:
            merged[home].phrases.update(g.phrases)
            merged[home].statements |= g.statements
            for phrase, statements in g.of.items():
                merged[home].of[phrase] = merged[home].of.get(phrase, set()) | statements
            sizes[home] = size(merged[home].statements)
    return merged


def _issue(group: _Group) -> Issue:
    # a compound says more than its head alone ("border wall" over "wall"): count x words
    top = [p for p, _ in sorted(group.phrases.items(), key=lambda kv: (-kv[1] * len(kv[0].split()), kv[0]))]
    own = group.own()
    cues = [p for p in top if p in own or " " in p]  # a joined group's one words name nothing
    named = next(p for p in top if p in own)  # the id: the group's own head
    bare = [p for p in cues if " " not in p] if group.bare_in is not None else []
    return Issue(
        id=found_issue_id(named),
        label=" / ".join(_label(cues, group.phrases)),
        description=f"Found in {len(group.statements)} statements: {', '.join(top[:8])}.",
        cues=tuple(surface_forms(cues)),
        whole_words=True,
        bare_cues=tuple(surface_forms(bare)),
        bare_reports=group.bare_in or frozenset(),
        bare_outside=group.bare_outside,
    )


def _label(ranked: Sequence[str], counts: Mapping[str, int]) -> list[str]:
    """The label's phrases: the first LABEL_PHRASES of ``ranked`` that name different things. Two
    phrases of which one ends the other ("wall", "border wall", "steel border wall") name one
    thing more or less fully: the label keeps the fullest that several statements use (a
    modifier says which wall; one statement's wording is not the matter's name)."""
    chosen: list[str] = []
    for phrase in ranked:
        same = next((k for k, c in enumerate(chosen) if _ends(phrase, c) or _ends(c, phrase)), None)
        if same is None:
            chosen.append(phrase)
        elif len(phrase) > len(chosen[same]) and counts.get(phrase, 0) >= LABEL_REPEATED:
            chosen[same] = phrase
    return list(dict.fromkeys(chosen))[:LABEL_PHRASES]


def _ends(phrase: str, end: str) -> bool:
    """``phrase`` is ``end`` or ends with it after a space or a hyphen ("double-dip recession",
    "dip recession")."""
    return phrase == end or phrase.endswith((f" {end}", f"-{end}"))


def _unique_ids(found: list[Issue]) -> list[Issue]:
    """Issues of one head found in unrelated stories may be named by the same phrase (a bare head
    of few uses): the later ones get a number."""
    ids = numbered_ids(i.id for i in found)
    return [
        issue if new == issue.id else replace(issue, id=new) for issue, new in zip(found, ids, strict=True)
    ]
