"""The issues a corpus argues about, found in its statements rather than listed beforehand.

Per statement (at extraction, where the parse is at hand): its key noun phrases, the noun chunks
of the quoted words headed by a common noun, reduced to their compound head ("the new universal
background checks" -> "background check"): ``quote_phrases``.

Over the corpus (``discover_issues``): phrases sharing a head noun are grouped, and a group is an
issue when several statements in more than one report use it; groups are ranked by TF-IDF over
reports (frequent in the statements, rare across the reports, as in Salton & Buckley 1988);
groups that keep occurring in the same statements are joined (co-occurrence clustering of
key phrases, as in keyphrase-based topic detection). Each issue is labelled by its most frequent
phrases; its cues are the phrases' surface forms, so a statement addresses it by the same test
as a pack issue (lib/extract/positions.py). Generic nouns ("people", "time", "thing") are data
(lib/lexicons/light_nouns.yaml).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import yaml
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

from lib import LEXICONS
from lib.extract.positions import Issue
from lib.records import Quote

LIGHT_NOUNS_PATH = LEXICONS / "light_nouns.yaml"
MAX_ISSUES = 15
MIN_STATEMENTS = 3  # an issue is argued over in several statements ...
MIN_REPORTS = 2  # ... of more than one report
COOCCUR_MERGE = 0.6  # phrase groups sharing this share of their statements are one issue ...
COOCCUR_LEAST = 3  # ... and at least this many statements
LABEL_PHRASES = 3


@lru_cache(maxsize=1)
def light_nouns() -> frozenset[str]:
    data = yaml.safe_load(LIGHT_NOUNS_PATH.read_text(encoding="utf-8")) or {}
    return frozenset(str(w).lower() for w in data.get("light_nouns") or [])


def singular(word: str) -> str:
    """A plural noun's singular, by the regular English rules (the lemmatizer is not loaded)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def chunk_phrase(chunk: SpacySpan) -> str | None:
    """A noun chunk's compound head, lower-case, singular: None for names, pronouns, numbers and
    light nouns."""
    root = chunk.root
    if root.pos_ != "NOUN" or root.ent_type_ or not root.is_alpha:
        return None
    head = singular(root.lower_)
    if head in light_nouns() or len(head) < 3:
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
    return " ".join([*kept, head])


def _relational(adjective: str) -> bool:
    """An adjective that names a domain rather than grades ("nuclear", "federal", "military"):
    the relational adjectives of English morphology (-al, -ic, -ary, -ear, -ian)."""
    return adjective.endswith(("al", "ic", "ary", "ear", "ian", "ive")) and len(adjective) > 4


def quote_phrases(sdoc: SpacyDoc, quote: Quote, chunks: Sequence[SpacySpan] | None = None) -> tuple[str, ...]:
    """The key noun phrases of a statement's quoted words, in order, each once. ``chunks``: the
    document's noun chunks, found once for all its statements (spaCy's ``Span.noun_chunks`` walks
    the whole document's on every call)."""
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return ()
    inside = (
        c
        for c in (sdoc.noun_chunks if chunks is None else chunks)
        if span.start <= c.start and c.end <= span.end
    )
    phrases = (chunk_phrase(c) for c in inside)
    return tuple(dict.fromkeys(p for p in phrases if p))


@dataclass
class _Group:
    phrases: Counter[str]
    statements: set[int]


def discover_issues(
    quotes: Sequence[Quote], taken: Sequence[Issue] = (), limit: int = MAX_ISSUES
) -> list[Issue]:
    """The issues the statements argue about, most argued first (see the module docstring)."""
    reports = {q.doc_id for q in quotes}
    if not quotes or len(reports) < MIN_REPORTS:
        return []
    seen_in: dict[str, set[int]] = defaultdict(set)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for n, q in enumerate(quotes):
        for p in q.phrases:
            seen_in[p].add(n)
            docs_of[p].add(q.doc_id)
    taken_cues = {c for i in taken for c in i.cues}
    heads = [
        g
        for g in _by_head({p: st for p, st in seen_in.items() if p not in taken_cues})
        if len(g.statements) >= MIN_STATEMENTS
        and len({quotes[n].doc_id for n in g.statements}) >= MIN_REPORTS
    ]
    groups = _merge_cooccurring(heads)
    weight = {
        p: len(seen_in[p]) * math.log(1 + len(reports) / len(docs_of[p])) for g in groups for p in g.phrases
    }
    ranked = sorted(groups, key=lambda g: (-sum(weight[p] for p in g.phrases), -len(g.statements)))
    return [_issue(g) for g in ranked[:limit]]


def _by_head(seeds: dict[str, set[int]]) -> list[_Group]:
    """Phrases grouped by their head noun ("background check", "check"): one group per head."""
    by_head: dict[str, _Group] = {}
    for phrase, statements in sorted(seeds.items()):
        head = phrase.rsplit(" ", 1)[-1]
        group = by_head.setdefault(head, _Group(Counter(), set()))
        group.phrases[phrase] = len(statements)
        group.statements |= statements
    return list(by_head.values())


def _merge_cooccurring(groups: list[_Group]) -> list[_Group]:
    """Groups whose statements mostly coincide (overlap over the smaller) joined, largest first."""
    merged: list[_Group] = []
    for g in sorted(groups, key=lambda g: (-len(g.statements), min(g.phrases))):
        home = next(
            (
                m
                for m in merged
                if len(m.statements & g.statements)
                >= COOCCUR_MERGE * min(len(m.statements), len(g.statements))
            ),
            None,
        )
        if home is None:
            merged.append(_Group(Counter(g.phrases), set(g.statements)))
        else:
            home.phrases.update(g.phrases)
            home.statements |= g.statements
    return merged


def _issue(group: _Group) -> Issue:
    # a compound says more than its head alone ("border wall" over "wall"): count x words
    top = [p for p, _ in sorted(group.phrases.items(), key=lambda kv: (-kv[1] * len(kv[0].split()), kv[0]))]
    label = " / ".join(top[:LABEL_PHRASES])
    return Issue(
        id="found-" + re.sub(r"[^a-z0-9]+", "-", top[0]).strip("-"),
        label=label,
        description=f"Found in {len(group.statements)} statements: {', '.join(top[:8])}.",
        cues=tuple(_surface_forms(top)),
        whole_words=True,
    )


def _surface_forms(phrases: Sequence[str]) -> list[str]:
    """Each phrase and its plural, as cue phrases matched at a word start ("check" -> "checks")."""
    return [p for phrase in phrases for p in (phrase, _plural(phrase))]


def _plural(phrase: str) -> str:
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy", "uy")):
        return phrase[:-1] + "ies"
    if phrase.endswith(("s", "sh", "ch", "x")):
        return phrase + "es"
    return phrase + "s"
