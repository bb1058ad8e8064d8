"""An analyst's corrections of the extracted actors and speakers: data beside the corpus, applied on
every load.

The extraction gets actors wrong in a few recurring ways: two names of one actor kept apart, two
actors folded into one, a name or a type wrong, a word taken for an actor, a quote credited to the
wrong speaker. An analyst fixes them in the dashboard (pages/7_Corrections.py); the fixes are a
YAML file (``corrections.yaml`` beside the corpus or in the store, see ``FILE_NAME``) that nothing
else writes, so they outlive a re-ingest and a re-extraction, read as text and diff line by line.

Corrections name actors by id. Ids are slugs of names (lib/extract/actors), so a change in the
extraction may give an actor another id: the file also keeps each named actor's name when it was
corrected (``names``), and an id the corpus no longer has is looked up by that name before the
corrections apply. A quote is named by its position, ``doc_id:start:end``.

``apply_corrections`` returns a new Analysis (records are frozen: dataclasses.replace); provenance
spans are never touched. Order: merges, splits, renames and retypes, speakers, then hidden actors.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from lib import write_atomic
from lib.extract.positions import (
    FOUND_PREFIX,
    Issue,
    classify,
    corpus_issues,
    first_hand,
    found_issue_id,
    surface_forms,
)
from lib.records import Actor, Analysis, Event, Mention, Position, Quote, Span, Stance, Target, speaker_chain
from lib.text.aliases import fold, slug

FILE_NAME = "corrections.yaml"  # lib/read/ingest.py skips it: it is not a report
ACTOR_TYPES = ("person", "organization", "country", "place")
KINDS = (
    "merge",
    "split",
    "rename",
    "retype",
    "hide",
    "speaker",
    "issue_merge",
    "issue_rename",
    "issue_hide",
    "issue_split",
    "issue_add",
)
# by issue id (issue_add: by label), not actor id
ISSUE_KINDS = ("issue_merge", "issue_rename", "issue_hide", "issue_split", "issue_add")
LISTS = ("hide", "issue_hide")  # kinds that are a list of ids
PHRASE_LISTS = ("split", "issue_split", "issue_add")  # kinds that map a key to a list of names or phrases
ADDED_PREFIX = "added-"  # an added issue's id: this and the slug of its label
KEYS = (*KINDS, "names", "version")
VERSION = 1
_QUOTE_KEY = re.compile(r"(.+):([0-9]{1,9}):([0-9]{1,9})")
HEADER = (
    "# Triangulate corrections: applied to the extracted actors and quotes on every load.\n"
    "# merge: old id -> id it joins; split: id -> names whose mentions become their own actor;\n"
    "# rename: id -> name; retype: id -> person|organization|country|place; hide: ids;\n"
    '# speaker: "doc_id:start:end" of a quote -> actor id ("" for no speaker);\n'
    "# names: each id's name when corrected (finds the actor again if the extraction renames its id);\n"
    "# issue_merge: issue id -> issue id it joins; issue_rename: issue id -> label; issue_hide: issue ids;\n"
    "# issue_split: issue id -> phrases whose statements become an issue of their own (labelled by the\n"
    "# first); issue_add: label -> phrases: an issue of every attributed statement using one of them.\n"
)


class CorrectionsError(ValueError):
    """A corrections file that cannot be used; the message says what and where."""


@dataclass(frozen=True)
class Corrections:
    merge: Mapping[str, str] = field(default_factory=dict)  # old id -> the id it joins
    split: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # id -> surface names moved out
    rename: Mapping[str, str] = field(default_factory=dict)  # id -> display name
    retype: Mapping[str, str] = field(default_factory=dict)  # id -> one of ACTOR_TYPES
    hide: tuple[str, ...] = ()
    speaker: Mapping[str, str] = field(default_factory=dict)  # quote key -> actor id, "" for none
    names: Mapping[str, str] = field(default_factory=dict)  # id -> its name when corrected
    # issues (Actor positions' columns), by issue id: found issues' ids are slugs of their phrases
    issue_merge: Mapping[str, str] = field(default_factory=dict)  # issue id -> the issue it joins
    issue_rename: Mapping[str, str] = field(default_factory=dict)  # issue id -> label
    issue_hide: tuple[str, ...] = ()
    issue_split: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # issue id -> phrases moved out
    issue_add: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # label -> its cue phrases

    def empty(self) -> bool:
        return not any(getattr(self, k) for k in KINDS)

    def ids(self) -> set[str]:
        """Every actor id the corrections name."""
        found = {*self.merge, *self.merge.values(), *self.split, *self.rename, *self.retype, *self.hide}
        return found | {v for v in self.speaker.values() if v}


# --- the file ---------------------------------------------------------------------------------


def _text(value: object, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float) or not str(value).strip():
        raise CorrectionsError(f"{where}: expected a non-empty name or id, got {value!r}")
    return str(value).strip()


def _mapping(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, Mapping):
        raise CorrectionsError(f"“{key}” must map ids to values, got {type(value).__name__}")
    return {_text(k, f"{key}"): v for k, v in value.items()}


def _speaker(key: str, value: object) -> tuple[str, str]:
    if not _QUOTE_KEY.fullmatch(key):
        raise CorrectionsError(f"speaker: “{key}” is not a quote position doc_id:start:end")
    return key, "" if value is None or value == "" else _text(value, f"speaker “{key}”")


def from_data(data: object) -> Corrections:
    """Corrections from parsed YAML; raises CorrectionsError naming the first problem."""
    if data is None:
        return Corrections()
    if not isinstance(data, Mapping):
        raise CorrectionsError(f"expected a mapping of {', '.join(KINDS)}, got {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in KEYS)
    if unknown:
        raise CorrectionsError(f"unknown key(s) {', '.join(unknown)}; expected {', '.join(KEYS)}")
    if data.get("version", VERSION) != VERSION:
        raise CorrectionsError(f"version {data.get('version')!r} is not {VERSION}")
    retype = {k: _text(v, f"retype “{k}”") for k, v in _mapping(data, "retype").items()}
    wrong = {k: v for k, v in retype.items() if v not in ACTOR_TYPES}
    if wrong:
        raise CorrectionsError(f"retype: {wrong} — a type is one of {', '.join(ACTOR_TYPES)}")
    split, issue_split, issue_add = (_phrase_lists(data, kind) for kind in PHRASE_LISTS)
    hide, issue_hide = (data.get(k) or [] for k in LISTS)
    for kind, value in zip(LISTS, (hide, issue_hide), strict=True):
        if not isinstance(value, list):
            raise CorrectionsError(f"{kind}: expected a list of ids, got {value!r}")
    return Corrections(
        merge={k: _text(v, f"merge “{k}”") for k, v in _mapping(data, "merge").items()},
        split=split,
        rename={k: _text(v, f"rename “{k}”") for k, v in _mapping(data, "rename").items()},
        retype=retype,
        hide=tuple(dict.fromkeys(_text(h, "hide") for h in hide)),
        speaker=dict(_speaker(k, v) for k, v in _mapping(data, "speaker").items()),
        names={k: _text(v, f"names “{k}”") for k, v in _mapping(data, "names").items()},
        issue_merge={k: _text(v, f"issue_merge “{k}”") for k, v in _mapping(data, "issue_merge").items()},
        issue_rename={k: _text(v, f"issue_rename “{k}”") for k, v in _mapping(data, "issue_rename").items()},
        issue_hide=tuple(dict.fromkeys(_text(h, "issue_hide") for h in issue_hide)),
        issue_split=issue_split,
        issue_add=issue_add,
    )


def _phrase_lists(data: Mapping[str, Any], kind: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for k, v in _mapping(data, kind).items():
        if not isinstance(v, list) or not v:
            what = "names" if kind == "split" else "phrases"
            raise CorrectionsError(f"{kind} “{k}”: expected a list of {what}, got {v!r}")
        out[k] = tuple(dict.fromkeys(_text(n, f"{kind} “{k}”") for n in v))
    return out


def to_data(c: Corrections) -> dict[str, Any]:
    """What the file holds: the kinds in use, and the names of the ids they name."""
    data: dict[str, Any] = {"version": VERSION}
    for kind in KINDS:
        value = getattr(c, kind)
        if value:
            data[kind] = sorted(value) if kind in LISTS else {k: _plain(v) for k, v in sorted(value.items())}
    named = {k: v for k, v in sorted(c.names.items()) if k in c.ids()}
    if named:
        data["names"] = named
    return data


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def loads(text: str) -> Corrections:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise CorrectionsError(f"not valid YAML: {err}") from err
    return from_data(data)


def dumps(c: Corrections) -> str:
    body = yaml.safe_dump(to_data(c), sort_keys=True, allow_unicode=True, default_flow_style=False)
    return HEADER + body


def load_corrections(path: Path) -> Corrections:
    """The corrections in ``path`` (none when it does not exist); CorrectionsError names the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Corrections()
    except (OSError, UnicodeDecodeError) as err:
        raise CorrectionsError(f"{path}: cannot be read: {err}") from err
    try:
        return loads(text)
    except CorrectionsError as err:
        raise CorrectionsError(f"{path}: {err}") from err


def save_corrections(path: Path, c: Corrections) -> None:
    """Write ``path`` whole or not at all: a temporary file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dumps(c), prefix=f".{path.name}.", suffix="", durable=True)


def digest(c: Corrections) -> str:
    """Names the corrections' content: a cache of corrected records keys on it."""
    return hashlib.sha256(dumps(c).encode()).hexdigest()[:16]


# --- editing ----------------------------------------------------------------------------------


def _named(c: Corrections, names: Mapping[str, str]) -> dict[str, str]:
    return {**c.names, **{k: v for k, v in names.items() if k not in c.names}}


def with_merge(c: Corrections, sources: Iterable[str], target: str, names: Mapping[str, str]) -> Corrections:
    """``sources`` join ``target``; the target stops following any merge of its own (no cycle)."""
    merge = {k: v for k, v in c.merge.items() if k != target}
    merge |= {s: target for s in sources if s != target}
    return replace(c, merge=merge, names=_named(c, names))


def with_entry(c: Corrections, kind: str, key: str, value: Any, names: Mapping[str, str]) -> Corrections:
    """One correction of ``kind`` set (``hide``, ``issue_hide``: ``key`` added; ``value`` ignored)."""
    if kind in LISTS:
        added: dict[str, Any] = {kind: tuple(dict.fromkeys((*getattr(c, kind), key)))}
        return replace(c, **added, names=c.names if kind in ISSUE_KINDS else _named(c, names))
    if kind not in KINDS:
        raise KeyError(kind)
    stored = tuple(dict.fromkeys(value)) if kind in PHRASE_LISTS else value
    if kind in ISSUE_KINDS:
        entry: dict[str, Any] = {kind: {**getattr(c, kind), key: stored}}
        return replace(c, **entry)
    changed: dict[str, Any] = {kind: {**getattr(c, kind), key: stored}}
    return replace(c, **changed, names=_named(c, names))


def without(c: Corrections, kind: str, key: str) -> Corrections:
    """``c`` with one correction undone."""
    if kind in LISTS:
        kept: dict[str, Any] = {kind: tuple(h for h in getattr(c, kind) if h != key)}
        return replace(c, **kept)
    changed: dict[str, Any] = {kind: {k: v for k, v in getattr(c, kind).items() if k != key}}
    return replace(c, **changed)


def combined(base: Corrections, added: Corrections) -> Corrections:
    """``base`` with ``added`` on top (an imported file: its entries win)."""
    out = base
    for kind in (k for k in KINDS if k not in LISTS):
        changed: dict[str, Any] = {kind: {**getattr(out, kind), **getattr(added, kind)}}
        out = replace(out, **changed)
    lists: dict[str, Any] = {k: tuple(dict.fromkeys((*getattr(base, k), *getattr(added, k)))) for k in LISTS}
    return replace(out, **lists, names=_named(added, base.names))


def rows(c: Corrections, names: Mapping[str, str]) -> list[dict[str, str]]:
    """One row per correction: its kind, its key, and what it says, for the page's table."""

    def name(aid: str) -> str:
        shown = names.get(aid) or c.names.get(aid)
        return f"{shown} ({aid})" if shown and shown != aid else aid

    out: list[dict[str, str]] = []
    for old, new in sorted(c.merge.items()):
        out.append({"kind": "merge", "key": old, "change": f"{name(old)} → merged into {name(new)}"})
    for aid, surfaces in sorted(c.split.items()):
        moved = ", ".join(f"“{s}”" for s in surfaces)
        out.append({"kind": "split", "key": aid, "change": f"{moved} split out of {name(aid)}"})
    for aid, new_name in sorted(c.rename.items()):
        out.append({"kind": "rename", "key": aid, "change": f"{name(aid)} → named “{new_name}”"})
    for aid, kind in sorted(c.retype.items()):
        out.append({"kind": "retype", "key": aid, "change": f"{name(aid)} → a {kind}"})
    for aid in sorted(c.hide):
        out.append({"kind": "hide", "key": aid, "change": f"{name(aid)} hidden"})
    for key, aid in sorted(c.speaker.items()):
        who = name(aid) if aid else "no speaker"
        out.append({"kind": "speaker", "key": key, "change": f"quote at {key} → said by {who}"})
    for old, new in sorted(c.issue_merge.items()):
        out.append({"kind": "issue_merge", "key": old, "change": f"issue {old} → merged into issue {new}"})
    for iid, label in sorted(c.issue_rename.items()):
        out.append({"kind": "issue_rename", "key": iid, "change": f"issue {iid} → labelled “{label}”"})
    for iid in sorted(c.issue_hide):
        out.append({"kind": "issue_hide", "key": iid, "change": f"issue {iid} hidden"})
    for iid, phrases in sorted(c.issue_split.items()):
        moved = ", ".join(f"“{p}”" for p in phrases)
        said = f"statements using {moved} split out of issue {iid}"
        out.append({"kind": "issue_split", "key": iid, "change": said})
    for label, phrases in sorted(c.issue_add.items()):
        cues = ", ".join(f"“{p}”" for p in phrases)
        said = f"issue “{label}” added: statements using {cues}"
        out.append({"kind": "issue_add", "key": label, "change": said})
    return out


def resolve_issue_id(c: Corrections, issue: str) -> str:
    """The issue ``issue`` ends at following the issue merges (as ``resolve_actor_id`` the actors')."""
    return _followed(c.issue_merge, issue)


def issue_members(c: Corrections, issue: str) -> tuple[str, ...]:
    """``issue`` and every issue merged into it: what a query of extracted rows must ask for."""
    return _joined(c.issue_merge, issue)


def phrases_of(text: str) -> tuple[str, ...]:
    """The phrases an analyst typed, separated by commas or semicolons, each once (case kept)."""
    found = (p.strip() for p in re.split(r"[,;\n]", text))
    return tuple(dict.fromkeys(p for p in found if p))


def split_issue_id(parent: str, phrases: Sequence[str]) -> str:
    """The id of the issue split out of ``parent`` by ``phrases`` (named after the first)."""
    return f"{parent}--{slug(phrases[0]) or 'split'}"


def added_issue_id(label: str) -> str:
    return ADDED_PREFIX + (slug(label) or "issue")


def issue_sources(c: Corrections, issue: str) -> tuple[str | None, ...]:
    """The extracted issue ids whose rows a view of ``issue`` must read: ``issue`` and those merged
    into it, a split-out issue's parent in its place, and None (every statement) for an added
    issue, whose statements may be filed under any issue or none."""
    parents = {split_issue_id(p, phrases): p for p, phrases in c.issue_split.items()}
    added = {added_issue_id(label) for label in c.issue_add}
    found = [None if m in added else parents.get(m, m) for m in issue_members(c, issue)]
    return (None,) if None in found else tuple(dict.fromkeys(found))


def issue_phrases(c: Corrections) -> tuple[str, ...]:
    """Every phrase of an added issue: a store reads the statements that use one of them."""
    return tuple(dict.fromkeys(p for phrases in c.issue_add.values() for p in phrases))


# --- ids ----------------------------------------------------------------------------------------


def resolve_actor_id(c: Corrections, actor_id: str) -> str:
    """The id ``actor_id`` ends at following the merges; in a cycle, every member ends at the
    cycle's smallest id, so they all still land on one actor."""
    return _followed(c.merge, actor_id)


def _followed(merge: Mapping[str, str], start: str) -> str:
    """Where ``start`` ends following ``merge`` (old -> the one it joins); a cycle's members all
    end at its smallest id."""
    seen = [start]
    while (current := seen[-1]) in merge:
        nxt = merge[current]
        if nxt in seen:
            return min(seen[seen.index(nxt) :])
        seen.append(nxt)
    return seen[-1]


def _joined(merge: Mapping[str, str], target: str) -> tuple[str, ...]:
    """``target`` and every id ``merge`` leads to it, sorted after it."""
    return (target, *sorted(old for old in merge if _followed(merge, old) == target and old != target))


def merged_aliases(c: Corrections, known: Iterable[str]) -> dict[str, str]:
    """Old id -> the id of ``known`` it was merged into (a link to the old id opens that one)."""
    kept = set(known)
    found = {old: resolve_actor_id(c, old) for old in c.merge}
    return {old: new for old, new in found.items() if new in kept and old not in kept}


def members(c: Corrections, actor_id: str) -> tuple[str, ...]:
    """``actor_id`` and every id merged into it: what a query of extracted rows must ask for."""
    return _joined(c.merge, actor_id)


def expand_actors(c: Corrections, actor_ids: Sequence[str]) -> tuple[str, ...]:
    """A filter's actor ids with those merged into them, for a query of uncorrected rows."""
    return tuple(dict.fromkeys(m for a in actor_ids for m in members(c, a)))


def quote_key(q: Quote | Span) -> str:
    return f"{q.doc_id}:{q.start}:{q.end}"


def _split_ids(c: Corrections) -> set[str]:
    return {i for surfaces in c.split.values() for base in [slug(surfaces[0])] for i in (base, f"{base}-2")}


def located(c: Corrections, actors: Sequence[Actor]) -> Corrections:
    """``c`` with each id the corpus no longer has replaced by the id of the actor now carrying
    the name it was corrected under (the extraction changed the id); otherwise left as it is."""
    ids = {a.id for a in actors}
    by_name: dict[str, str] = {}
    for a in actors:
        for form in (*a.aliases, a.name):  # a name wins over another actor's alias
            by_name[fold(form)] = a.id
    created = _split_ids(c)
    moved = {
        old: new
        for old in c.ids()
        if old not in ids and old not in created and old in c.names
        for new in [
            by_name.get(fold(c.names[old])) or (slug(c.names[old]) if slug(c.names[old]) in ids else None)
        ]
        if new
    }
    if not moved:
        return c

    def m(i: str) -> str:
        return moved.get(i, i)

    return replace(
        c,
        merge={m(k): m(v) for k, v in c.merge.items() if m(k) != m(v)},
        split={m(k): v for k, v in c.split.items()},
        rename={m(k): v for k, v in c.rename.items()},
        retype={m(k): v for k, v in c.retype.items()},
        hide=tuple(m(h) for h in c.hide),
        speaker={k: m(v) if v else v for k, v in c.speaker.items()},
        names={m(k): v for k, v in c.names.items()},
    )


def located_issues(c: Corrections, positions: Sequence[Position]) -> Corrections:
    """``c`` with each found issue's id the corpus no longer has replaced by the issue whose label
    now shows that id's phrase: a new extraction may find the issue under another head ("border
    wall / wall" -> "wall / border wall", id found-border-wall -> found-wall); the analyst's
    label, merge or hiding follows it. Otherwise left as it is."""
    ids = {p.issue for p in positions}
    named = {k for kind in ("issue_merge", "issue_rename", "issue_split") for k in getattr(c, kind)}
    stale = {i for i in (*named, *c.issue_merge.values(), *c.issue_hide) if i not in ids}
    if not stale:
        return c
    by_phrase: dict[str, str] = {}
    for p in positions:
        if p.issue.startswith(FOUND_PREFIX):
            for phrase in p.issue_label.split(" / "):
                by_phrase.setdefault(found_issue_id(phrase.casefold()), p.issue)
    moved = {i: by_phrase[i] for i in stale if i in by_phrase}
    if not moved:
        return c

    def m(i: str) -> str:
        return moved.get(i, i)

    return replace(
        c,
        issue_merge={m(k): m(v) for k, v in c.issue_merge.items() if m(k) != m(v)},
        issue_rename={m(k): v for k, v in c.issue_rename.items()},
        issue_hide=tuple(dict.fromkeys(m(h) for h in c.issue_hide)),
        issue_split={m(k): v for k, v in c.issue_split.items()},
    )


# --- applying ----------------------------------------------------------------------------------


@dataclass
class _Work:
    """The records being corrected, step by step."""

    actors: dict[str, Actor]
    mentions: list[Mention]
    quotes: list[Quote]
    events: list[Event]
    speakers: dict[str, str | None]  # quote key -> its new speaker (split, reassigned)


def apply_corrections(
    analysis: Analysis, corrections: Corrections, statements: Sequence[Quote] | None = None
) -> Analysis:
    """``analysis`` with the corrections applied (the same object when there are none).
    ``statements``: the quotes an added issue may take when ``analysis`` does not hold them all
    (a store's slice: those using an added issue's phrases, ``issue_phrases``)."""
    if corrections.empty():
        return analysis
    c = located_issues(located(corrections, analysis.actors), analysis.positions)
    work = _Work(
        {a.id: a for a in analysis.actors},
        list(analysis.mentions),
        list(analysis.quotes),
        list(analysis.events),
        {},
    )
    remap = _merge(work, c)
    for actor_id, surfaces in sorted(c.split.items()):
        _split(work, resolve_actor_id(c, actor_id), surfaces)
    _rename(work, c)
    for key, target in c.speaker.items():
        new = resolve_actor_id(c, target) if target else ""
        if not new or new in work.actors:
            work.speakers[key] = new or None
    _reassign(work)
    hidden = {h for h in c.hide if h in work.actors}
    positions = _positions(analysis, remap, work, hidden, c, statements)
    return _hide(work, hidden, replace(analysis, positions=positions))


def _merge(work: _Work, c: Corrections) -> dict[str, str]:
    """Merge the actors; returns old id -> the id it joined (only targets the corpus has)."""
    remap = {a: t for a in work.actors if (t := resolve_actor_id(c, a)) != a and t in work.actors}
    if not remap:
        return remap
    for old, target in remap.items():
        gone, kept = work.actors[old], work.actors[target]
        aliases = _forms(kept.aliases, (gone.name, *gone.aliases), exclude=kept.name)
        work.actors[target] = replace(kept, aliases=aliases)
    for old in remap:
        del work.actors[old]
    work.actors = {
        i: replace(a, affiliation=_affiliation(a, remap)) if a.affiliation in remap else a
        for i, a in work.actors.items()
    }
    work.mentions = [
        replace(m, actor_id=remap[m.actor_id]) if m.actor_id in remap else m for m in work.mentions
    ]
    work.quotes = [
        replace(q, speaker_id=remap[q.speaker_id]) if q.speaker_id in remap else q for q in work.quotes
    ]
    work.quotes = [_quote_targets(q, remap, set()) for q in work.quotes]
    work.events = [_event_actors(e, [remap.get(a, a) for a in e.actors]) for e in work.events]
    return remap


def _quote_targets(q: Quote, remap: Mapping[str, str], hidden: set[str]) -> Quote:
    """``q`` with its targets merged (``remap``) and the hidden ones dropped, each actor once,
    never the speaker (a statement is not about its own speaker: lib/extract/targets.py)."""
    if not any(t.actor_id in remap or t.actor_id in hidden for t in q.targets):
        return q
    kept: dict[str, Target] = {}
    for t in q.targets:
        if t.actor_id is None:  # a group (no actor): nothing to merge or hide
            kept.setdefault(t.key, t)
            continue
        actor = remap.get(t.actor_id, t.actor_id)
        if actor not in hidden and actor != q.speaker_id and actor not in kept:
            kept[actor] = replace(t, actor_id=actor)
    return replace(q, targets=tuple(kept.values()))


def _affiliation(a: Actor, remap: Mapping[str, str]) -> str | None:
    new = remap.get(a.affiliation or "", a.affiliation)
    return None if new == a.id else new


def _forms(old: Sequence[str], added: Iterable[str], exclude: str) -> tuple[str, ...]:
    """``old`` then ``added``, each name once (case and accents ignored), never ``exclude``."""
    seen = {fold(exclude)}
    out = []
    for form in (*old, *added):
        if fold(form) not in seen:
            seen.add(fold(form))
            out.append(form)
    return tuple(out)


def _event_actors(e: Event, actors: Sequence[str]) -> Event:
    kept = tuple(dict.fromkeys(actors))
    return e if kept == e.actors else replace(e, actors=kept)


def _split(work: _Work, actor_id: str, surfaces: Sequence[str]) -> None:
    """Mentions of ``actor_id`` written as one of ``surfaces`` (and the quotes they or those names
    speak) go to a new actor named after the first surface, or to the actor with that id already."""
    source = work.actors.get(actor_id)
    if source is None or not surfaces:
        return
    folded = {fold(s) for s in surfaces}
    new_id = slug(surfaces[0]) or f"{actor_id}-split"
    new_id = f"{new_id}-2" if new_id == actor_id else new_id
    if new_id not in work.actors:
        rest = tuple(s for s in surfaces[1:] if fold(s) != fold(surfaces[0]))
        work.actors[new_id] = Actor(new_id, surfaces[0], source.type, rest, source.affiliation, source.role)
    work.actors[actor_id] = replace(source, aliases=tuple(a for a in source.aliases if fold(a) not in folded))
    moved = [m for m in work.mentions if m.actor_id == actor_id and fold(m.text) in folded]
    work.mentions = [
        replace(m, actor_id=new_id) if m.actor_id == actor_id and fold(m.text) in folded else m
        for m in work.mentions
    ]
    for q in work.quotes:
        if q.speaker_id == actor_id and (fold(q.speaker_text) in folded or _speaker_in(q, moved)):
            work.speakers.setdefault(quote_key(q), new_id)
    kept = [m for m in work.mentions if m.actor_id == actor_id]
    work.events = [_split_event(e, actor_id, new_id, moved, kept) for e in work.events]


def _speaker_in(q: Quote, mentions: Sequence[Mention]) -> bool:
    if q.speaker_start is None or q.speaker_end is None:
        return False
    return any(m.doc_id == q.doc_id and m.start < q.speaker_end and q.speaker_start < m.end for m in mentions)


def _within(spans: Sequence[Span], mentions: Sequence[Mention]) -> bool:
    return any(
        m.doc_id == s.doc_id and s.start <= m.start and m.end <= s.end for s in spans for m in mentions
    )


def _split_event(
    e: Event, actor_id: str, new_id: str, moved: Sequence[Mention], kept: Sequence[Mention]
) -> Event:
    """An event naming the split actor names the new one when its evidence holds a moved mention,
    and keeps the old one unless its evidence holds moved mentions only."""
    if actor_id not in e.actors or not _within(e.evidence, moved):
        return e
    keep_old = _within(e.evidence, kept)
    actors = [
        a
        for x in e.actors
        for a in ([x, new_id] if x == actor_id and keep_old else [new_id] if x == actor_id else [x])
    ]
    return _event_actors(e, actors)


def _rename(work: _Work, c: Corrections) -> None:
    for aid, kind in c.retype.items():
        target = aid if aid in work.actors else resolve_actor_id(c, aid)
        if target in work.actors:
            work.actors[target] = replace(work.actors[target], type=kind)
    for aid, name in sorted(c.rename.items(), key=lambda kv: kv[0] in work.actors):  # an actor's own last
        target = aid if aid in work.actors else resolve_actor_id(c, aid)
        if target in work.actors:
            old = work.actors[target]
            work.actors[target] = replace(
                old, name=name, aliases=_forms(old.aliases, (old.name,), exclude=name)
            )


def _reassign(work: _Work) -> None:
    if work.speakers:
        work.quotes = [
            # the analyst's word: a reassigned speaker is a sure one
            replace(q, speaker_id=work.speakers[k], speaker_confidence=1.0)
            if (k := quote_key(q)) in work.speakers
            else q
            for q in work.quotes
        ]


def _issue_labels(analysis: Analysis, c: Corrections) -> dict[str, str]:
    """Each issue's label as corrected: the analyst's, else its own (an issue merged into another
    takes that one's)."""
    own = {p.issue: p.issue_label for p in analysis.positions}
    return {**own, **c.issue_rename}


def _positions(
    analysis: Analysis,
    remap: Mapping[str, str],
    work: _Work,
    hidden: set[str],
    c: Corrections,
    statements: Sequence[Quote] | None = None,
) -> tuple[Position, ...]:
    """The positions with merged actors' rows joined and reassigned statements credited to their
    new speaker (and the bodies it speaks for, as lib/extract/positions.py credits them)."""
    rank: dict[tuple[str, str], int] = {}
    rows: dict[tuple[str, str, Stance], tuple[str, list[Span]]] = {}
    stances: dict[str, set[tuple[str, str, Stance]]] = {}
    labels = _issue_labels(analysis, c)
    refile = _issue_refiler(c)

    def add(actor: str, issue: str, label: str, stance: Stance, s: Span) -> None:
        issue = resolve_issue_id(c, issue)
        if issue in c.issue_hide:
            return
        label = labels.get(issue, label)
        rank.setdefault((issue, stance), len(rank))
        label_spans = rows.setdefault((actor, issue, stance), (label, []))
        if all(quote_key(x) != quote_key(s) for x in label_spans[1]):
            label_spans[1].append(s)

    for p in analysis.positions:
        for s in p.evidence:
            filed = refile((p.issue, p.issue_label, p.stance), s.text)
            if (key := quote_key(s)) in work.speakers:
                stances.setdefault(key, set()).add(filed)
                rank.setdefault((filed[0], filed[2]), len(rank))
            elif (actor := remap.get(p.actor_id, p.actor_id)) not in hidden:
                add(actor, *filed, s)
    quotes = {quote_key(q): q for q in work.quotes}
    corpus: list[Issue] = []  # the corpus's issues (its pack's and those found), read once if needed
    for key, speaker in work.speakers.items():
        if not speaker or speaker in hidden:
            continue
        if not (found := stances.get(key, set())) and (q := quotes.get(key)):
            corpus = corpus or corpus_issues(analysis.quotes, analysis.documents, analysis.events)
            found = {refile(f, q.text) for f in _classified(q, corpus)}
        q = quotes.get(key)
        evidence = Span(q.doc_id, q.start, q.end, q.text) if q else _span_of(key, analysis)
        for actor in speaker_chain(speaker, work.actors):
            for issue, label, stance in sorted(found):
                if actor not in hidden:
                    add(actor, issue, label, stance, evidence)
    added = _added_issues(c)
    for q, speaker in _added_statements(work, remap, statements, c):
        for issue, label, stance in sorted(_classified(q, added)) if speaker not in hidden else ():
            for actor in speaker_chain(speaker, work.actors):
                if actor not in hidden:
                    add(actor, issue, label, stance, Span(q.doc_id, q.start, q.end, q.text))
    order = sorted(rows, key=lambda k: (k[0], rank.get((k[1], k[2]), 0)))
    return tuple(
        Position(a, i, rows[(a, i, s)][0], s, len(rows[(a, i, s)][1]), tuple(rows[(a, i, s)][1]))
        for a, i, s in order
    )


def _phrase_issue(iid: str, label: str, phrases: Sequence[str]) -> Issue:
    """An issue the analyst named by its phrases, matched as a found issue's are (whole words,
    plurals too: lib/extract/issues.py)."""
    cues = tuple(surface_forms([p.casefold() for p in phrases]))
    return Issue(iid, label, "", cues, whole_words=True)


def _issue_refiler(c: Corrections) -> Callable[[tuple[str, str, Stance], str], tuple[str, str, Stance]]:
    """(issue, label, stance) of a statement -> where the issue splits file it: a statement of a
    split issue using one of the split's phrases goes to the issue split out, its stance read
    there; any other stays."""
    splits = {
        parent: _phrase_issue(split_issue_id(parent, phrases), phrases[0], phrases)
        for parent, phrases in c.issue_split.items()
    }

    def refile(filed: tuple[str, str, Stance], text: str) -> tuple[str, str, Stance]:
        part = splits.get(filed[0])
        found = classify(text, "", [part]) if part else []
        return (part.id, part.label, found[0][1]) if part and found else filed

    return refile


def _added_issues(c: Corrections) -> list[Issue]:
    return [_phrase_issue(added_issue_id(label), label, phrases) for label, phrases in c.issue_add.items()]


def _added_statements(
    work: _Work, remap: Mapping[str, str], statements: Sequence[Quote] | None, c: Corrections
) -> list[tuple[Quote, str]]:
    """The first-hand statements an added issue may take, with their corrected speakers:
    ``statements`` (a store's, read for the added issues' phrases) or the corpus's quotes."""
    if not c.issue_add:
        return []
    out = []
    for q in first_hand(work.quotes if statements is None else statements):
        key = quote_key(q)
        speaker = work.speakers[key] if key in work.speakers else remap.get(q.speaker_id or "", q.speaker_id)
        if speaker:
            out.append((q, speaker))
    return out


def _classified(q: Quote, issues: Sequence[Issue]) -> set[tuple[str, str, Stance]]:
    """The issues and stances of a statement no position held (it had no speaker before), among the
    corpus's issues."""
    return {
        (issue.id, issue.label, stance)
        for issue, stance in classify(q.text, q.cue or "", issues, q.phrases, q.doc_id)
    }


def _span_of(key: str, analysis: Analysis) -> Span:
    for p in analysis.positions:
        for s in p.evidence:
            if quote_key(s) == key:
                return s
    doc, start, end = key.rsplit(":", 2)
    return Span(doc, int(start), int(end), "")


def _hide(work: _Work, hidden: set[str], analysis: Analysis) -> Analysis:
    """Hidden actors leave the actor list; their mentions go, their quotes lose their speaker."""
    actors = {
        i: replace(a, affiliation=None) if a.affiliation in hidden else a
        for i, a in work.actors.items()
        if i not in hidden
    }
    return replace(
        analysis,
        actors=tuple(actors.values()),
        mentions=tuple(m for m in work.mentions if m.actor_id not in hidden),
        quotes=tuple(
            _quote_targets(replace(q, speaker_id=None) if q.speaker_id in hidden else q, {}, hidden)
            for q in work.quotes
        ),
        events=tuple(_event_actors(e, [a for a in e.actors if a not in hidden]) for e in work.events),
    )


def union_rows(parts: Sequence[Analysis]) -> Analysis:
    """The first analysis with the per-document rows of all (a store read once per merged id)."""
    first = parts[0]
    if len(parts) == 1:
        return first

    def joined(name: str) -> tuple[Any, ...]:
        return tuple(dict.fromkeys(r for p in parts for r in getattr(p, name)))

    return replace(first, quotes=joined("quotes"), mentions=joined("mentions"), sentences=joined("sentences"))


def corrected_speakers(quotes: pd.DataFrame, c: Corrections, names: Mapping[str, str]) -> pd.DataFrame:
    """A store's quotes frame (speaker, speaker_id, ...) with merged speakers under the actor they
    joined and hidden ones unresolved; ``names``: the corrected actors' names by id."""
    if quotes.empty or c.empty():
        return quotes
    ids = [resolve_actor_id(c, i) if i else "" for i in quotes["speaker_id"]]
    hidden = set(c.hide)
    ids = ["" if i in hidden else i for i in ids]
    speakers = [names.get(i, s) if i else s for i, s in zip(ids, quotes["speaker"], strict=True)]
    return quotes.assign(speaker_id=ids, speaker=speakers)


# --- what the corrections page offers -----------------------------------------------------------


def actor_label(actors: Mapping[str, Actor]) -> Callable[[str], str]:
    """An actor picker's label: name, type and id (two actors may share a name)."""

    def label(actor_id: str) -> str:
        a = actors.get(actor_id)
        return f"{a.name} · {a.type} · {a.id}" if a else actor_id

    return label


def actor_order(actors: Sequence[Actor]) -> list[str]:
    return [a.id for a in sorted(actors, key=lambda a: (a.name.casefold(), a.id))]


def surfaces_of(analysis: Analysis, actor_id: str) -> list[str]:
    """The names an actor was seen under (mentions, speaker phrases, aliases), the most frequent first."""
    seen: dict[str, int] = {}
    forms = [m.text for m in analysis.mentions if m.actor_id == actor_id]
    forms += [q.speaker_text for q in analysis.quotes if q.speaker_id == actor_id and q.speaker_text]
    actor = analysis.actor(actor_id)
    forms += list(actor.aliases) if actor else []
    for form in forms:
        seen[form.strip()] = seen.get(form.strip(), 0) + 1
    return sorted((f for f in seen if f), key=lambda f: (-seen[f], f.casefold()))


def document_quotes(analysis: Analysis, doc_id: str) -> pd.DataFrame:
    """The quotes of one document for the speaker picker: key, speaker, quote, start, end."""
    quotes = [q for q in analysis.quotes if q.doc_id == doc_id]
    return pd.DataFrame(
        {
            "key": [quote_key(q) for q in quotes],
            "speaker": [
                (a.name if (a := analysis.actor(q.speaker_id or "")) else "")
                or f"({q.speaker_text or 'none'})"
                for q in quotes
            ],
            "quote": [q.text for q in quotes],
            "start": [q.start for q in quotes],
            "end": [q.end for q in quotes],
        },
        columns=["key", "speaker", "quote", "start", "end"],
    )
