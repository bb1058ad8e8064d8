"""The URL contract of the dashboard: parameter names, parsing, validation, encoding.

Every view of the dashboard is a link. This module and lib/view/filters.py (each filter's own
parameters) are the only places that know the query parameter names; pages and tests go through
``parse_query`` and ``view_link``. A value that does not fit the corpus (an unknown actor, a
malformed date) becomes a notice and falls back to the default, never an exception: a link
pasted from an old report must still open.

Notices are plain text that echo the link's values (cut to ``ECHO_CHARS``): whoever shows them must
escape them (``render.plain_md``), since a link is written by anyone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from lib.records import GROUP_PREFIX, Analysis
from lib.view import filters as filter_defs
from lib.view.filters import ECHO_CHARS as ECHO_CHARS  # re-exported: the notices' cut
from lib.view.filters import FILTER_FIELDS, echo
from lib.view.filters import Filters as Filters  # re-exported: pages, tools and tests name it here

DEFAULT_TOP = 12  # speakers and targets of the stance matrix by default: 12 x 12 stays readable
TOP_CHOICES = (12, 25, 50, 0)  # what Actor positions offers; 0 is every actor ("all" in a link)
# name -> what it holds; README's parameter table is checked against this mapping. The filters'
# parameters come from lib/view/filters.py, the pages' own follow.
PARAMS: dict[str, str] = {
    **{p.name: p.meaning for p in filter_defs.PARAMS},
    "group": "Timeline rows: `actor` or `source`",
    "rows": "Timeline: how many rows, the most active first: a number (default 15) or `all`",
    "arows": "Actor positions: how many actors the stance heatmap shows, the most statements first: "
    "a number (default 15) or `all`",
    "focus": "Actor positions: the actor whose statements and profile are shown",
    "issue": "Actor positions: the issue whose statements are shown",
    "by": "Actor positions, who stands against whom: the speaking actor whose statements are shown",
    "target": "Actor positions, who stands against whom: the actor those statements are about",
    "guessed": "Actor positions, who stands against whom: `1` also counts targets guessed from the "
    "sentence or the report's main person",
    "top": "Actor positions, who stands against whom: how many speakers and targets, the most "
    f"statements first: a number (default {DEFAULT_TOP}) or `all`",
    "section": "Actor positions: the section open under the heatmap, `statements` or `stances` (who "
    "stands against whom); default: the statements, or the stances when the link sets `by`, `target`, "
    "`guessed` or `top`",
    "tab": "Source comparison: `claims` opens the tab of claims across the corpus (default: two reports)",
    "a": "Source comparison: id of the left document",
    "b": "Source comparison: id of the right document",
    "doc": "Reader: id of the document to read",
    "start": "Reader: first character of the span to mark (with `end`)",
    "end": "Reader: character after the span to mark",
    "q": "Search and Reader: the words to find (a quoted phrase, a `word*` prefix)",
    "node": "Network: the actor whose exchanges are listed (its quotes naming others, others' naming it)",
    "speaker": "Network: with `about`, the exchange listed: the actor quoted",
    "about": "Network: with `speaker`, the exchange listed: the actor the quotes mention",
}
FILTER_PARAMS = tuple(p.name for p in filter_defs.PARAMS)
# The page-specific parameters, by page name (the URL path of a page in pages/).
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "": (),
    "Timeline": ("group", "rows"),
    "Actor_positions": ("arows", "focus", "issue", "section", "by", "target", "guessed", "top"),
    "Source_comparison": ("tab", "a", "b"),
    "Reader": ("doc", "start", "end", "q"),
    "Search": ("q",),
    "Network": ("node", "speaker", "about"),
    "Corrections": (),
}
GROUPS = ("actor", "source")
TABS = ("pair", "claims")  # Source comparison: two reports side by side, or claims across the corpus
# Actor positions under its heatmap: the statements, or who stands against whom (one built at a time)
SECTIONS = ("statements", "stances")
DEFAULT_ROWS = 15  # the Timeline's rows by default: readable without scrolling (issue #18)
ROW_CHOICES = (15, 30, 60, 0)  # what the Timeline offers; 0 is every row ("all" in a link)
MAX_ROWS_PARAM = 10_000
# Only ASCII digits: str.isdigit also accepts "²" and "١", which int() then refuses or reads
# differently, and nine digits keep int() far from its 4,300-digit limit.
_OFFSET = re.compile(r"[0-9]{1,9}")
ACTOR_TYPES = ("person", "organization", "country")
MAX_QUERY = 200  # characters of a search a link may carry: longer is cut, with a notice


@dataclass(frozen=True)
class View:
    """The whole state a link restores: the filters plus each page's own choices."""

    filters: Filters = field(default_factory=Filters)
    group: str = "actor"
    rows: int = DEFAULT_ROWS  # 0: all
    arows: int = DEFAULT_ROWS  # Actor positions heatmap rows; 0: all
    focus: str | None = None
    issue: str | None = None
    by: str | None = None  # who stands against whom: the speaker of the picked pair
    target: str | None = None  # and the actor its statements are about
    guessed: bool = False  # count "context" and "topic" targets too
    top: int = DEFAULT_TOP  # 0: all
    section: str | None = None  # Actor positions' open section (SECTIONS); None: ``open_section``'s
    tab: str = "pair"  # Source comparison's open tab (TABS)
    a: str | None = None
    b: str | None = None
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    q: str = ""
    node: str | None = None
    speaker: str | None = None  # Network: the exchange listed, its speaker
    about: str | None = None


@dataclass(frozen=True)
class Choices:
    """The values a link may name, read from the corpus being shown."""

    actors: dict[str, str]  # id -> display name
    sources: tuple[str, ...]
    docs: tuple[str, ...]
    issues: dict[str, str]  # id -> label
    # old actor id -> the actor it was merged into (lib/view/corrections.py): an old link still opens
    aliases: dict[str, str] = field(default_factory=dict)


def choices_of(analysis: Analysis) -> Choices:
    actors = {a.id: a.name for a in analysis.actors if a.type in ACTOR_TYPES}
    sources = tuple(sorted({d.source for d in analysis.documents if d.source}))
    issues = {p.issue: p.issue_label for p in analysis.positions}
    return Choices(actors, sources, tuple(d.id for d in analysis.documents), issues)


def default_docs(
    analysis: Analysis, view: View, suggested: tuple[str, str] | None = None
) -> tuple[str | None, str | None]:
    """Source comparison's two reports: the link's, else the ``suggested`` pair (the reports sharing
    the most claims, lib/compare/corpus.py shared_pairs), else the first two of the corpus."""
    ids: Sequence[str] = [d.id for d in analysis.documents]
    if suggested and not (view.a or view.b):
        return suggested
    a = view.a or (ids[0] if ids else None)
    b = view.b or next((i for i in ids if i != a), None)
    return a, b


def reader_doc(analysis: Analysis, view: View) -> str | None:
    """The Reader's report: the link's when the corpus has it, else the first (None: no documents)."""
    ids = [d.id for d in analysis.documents]
    return view.doc if view.doc in ids else (ids[0] if ids else None)


def parse_offset(text: str) -> int | None:
    """A character offset: one to nine ASCII digits, else None (negative, "²", 5,000 digits)."""
    return int(text) if _OFFSET.fullmatch(text) else None


def _one(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name, ())
    return values[-1] if values and values[-1] else None


def _pick(
    value: str | None, allowed: Sequence[str] | Mapping[str, str], what: str, notices: list[str]
) -> str | None:
    if value is None or value in allowed:
        return value
    notices.append(f"Unknown {what} “{echo(value)}” in the link: showing the default.")
    return None


GROUP_NAME_LONGEST = 80  # characters of a group's name in a link (lib/extract/groups.py names are short)


def _target(value: str | None, choices: Choices, notices: list[str]) -> str | None:
    """The actor statements are about, or a group ("group:<name>": lib/extract/groups.py), which
    no actor list holds: its name is shown as text only."""
    if value is not None and value.startswith(GROUP_PREFIX):
        if 0 < len(value) - len(GROUP_PREFIX) <= GROUP_NAME_LONGEST:
            return value
        notices.append(f"Unknown group “{echo(value)}” in the link: showing the default.")
        return None
    return _pick(filter_defs.known_actor(value, choices), choices.actors, "actor", notices)


def _parse_offset(value: str | None, name: str, notices: list[str]) -> int | None:
    if value is None:
        return None
    offset = parse_offset(value)
    if offset is None:
        notices.append(f"Malformed “{name}” “{echo(value)}” (expected a character offset): ignored.")
    return offset


def _parse_span(params: Mapping[str, Sequence[str]], notices: list[str]) -> tuple[int | None, int | None]:
    start = _parse_offset(_one(params, "start"), "start", notices)
    end = _parse_offset(_one(params, "end"), "end", notices)
    if start is None or end is None or start >= end:
        if start is not None or end is not None:
            notices.append("A span needs both “start” and “end”, with start < end: no span marked.")
        return None, None
    return start, end


def span_within(view: View, length: int) -> tuple[tuple[int, int] | None, str | None]:
    """The link's span fitted to a document of ``length`` characters, and a notice when it had to
    be cut (it runs past the end) or dropped (it starts past the end)."""
    if view.start is None or view.end is None:
        return None, None
    if view.start >= length:
        return None, f"The linked span starts past this document's {length:,} characters: ignored."
    if view.end > length:
        notice = f"The linked span ends past this document's {length:,} characters: cut there."
        return (view.start, length), notice
    return (view.start, view.end), None


def parse_query(params: Mapping[str, Sequence[str]], choices: Choices) -> tuple[View, list[str]]:
    """The view a link names, and one notice per value that had to be dropped."""
    notices: list[str] = []
    filters = filter_defs.parse(params, choices, notices)
    group = _one(params, "group") or "actor"
    if group not in GROUPS:
        notices.append(f"Unknown timeline grouping “{echo(group)}”: grouping by actor.")
        group = "actor"
    start, end = _parse_span(params, notices)
    speaker = _pick(_one(params, "speaker"), choices.actors, "actor", notices)
    about = _pick(_one(params, "about"), choices.actors, "actor", notices)
    if (speaker is None) != (about is None):
        notices.append("An exchange needs both “speaker” and “about”: none selected.")
        speaker = about = None
    view = View(
        filters=filters,
        group=group,
        rows=_parse_rows(_one(params, "rows"), notices),
        arows=_parse_count(_one(params, "arows"), notices, "number of heatmap actors", DEFAULT_ROWS),
        focus=_pick(
            filter_defs.known_actor(_one(params, "focus"), choices), choices.actors, "actor", notices
        ),
        issue=_pick(_one(params, "issue"), choices.issues, "issue", notices),
        by=_pick(filter_defs.known_actor(_one(params, "by"), choices), choices.actors, "actor", notices),
        target=_target(_one(params, "target"), choices, notices),
        guessed=_parse_flag(_one(params, "guessed"), "guessed", notices),
        top=_parse_count(_one(params, "top"), notices, "number of actors", DEFAULT_TOP),
        tab=_parse_tab(_one(params, "tab"), notices),
        a=_pick(_one(params, "a"), choices.docs, "document", notices),
        b=_pick(_one(params, "b"), choices.docs, "document", notices),
        doc=_pick(_one(params, "doc"), choices.docs, "document", notices),
        start=start,
        end=end,
        q=_parse_q(_one(params, "q"), notices),
        node=_pick(_one(params, "node"), choices.actors, "actor", notices),
        speaker=speaker,
        about=about,
    )
    return replace(view, section=_parse_section(_one(params, "section"), notices)), notices


def _parse_tab(value: str | None, notices: list[str]) -> str:
    if value is None or value in TABS:
        return value or "pair"
    notices.append(f"Unknown tab “{echo(value)}” (expected claims): showing the two reports.")
    return "pair"


def stances_picked(view: View) -> bool:
    """Whether ``view`` sets a choice of who stands against whom (a pair, guessed targets, a top)."""
    return bool(view.by or view.target or view.guessed or view.top != DEFAULT_TOP)


def open_section(view: View) -> str:
    """Actor positions' open section: the view's, else the stances when it sets one of their choices
    (a link made before the sections, or by hand, still shows what it picks), else the statements."""
    if view.section in SECTIONS:
        return view.section
    return "stances" if stances_picked(view) else "statements"


def _parse_section(value: str | None, notices: list[str]) -> str | None:
    if value is None or value in SECTIONS:
        return value
    notices.append(f"Unknown section “{echo(value)}” (expected stances or statements): ignored.")
    return None


def _parse_rows(value: str | None, notices: list[str]) -> int:
    return _parse_count(value, notices, "number of timeline rows", DEFAULT_ROWS)


def _parse_count(value: str | None, notices: list[str], what: str, default: int) -> int:
    """A count of rows a link asks for: a number up to MAX_ROWS_PARAM or ``all`` (0)."""
    if value is None:
        return default
    if value == "all":
        return 0
    count = parse_offset(value)
    if count is None or not 0 < count <= MAX_ROWS_PARAM:
        notices.append(f"Unknown {what} “{echo(value)}”: showing {default}.")
        return default
    return count


def _parse_flag(value: str | None, name: str, notices: list[str]) -> bool:
    if value is None or value == "0":
        return False
    if value == "1":
        return True
    notices.append(f"Unknown “{name}” value “{echo(value)}” (expected 1 or 0): ignored.")
    return False


def rows_param(rows: int, default: int = DEFAULT_ROWS) -> str | None:
    """The ``rows`` (or ``top``) value of a link: None for the default, ``all`` for every row."""
    if rows == default:
        return None
    return "all" if rows <= 0 else str(rows)


def _parse_q(value: str | None, notices: list[str]) -> str:
    """A search as typed (any text is a search), one line, cut at MAX_QUERY characters."""
    text = " ".join((value or "").split())
    if len(text) > MAX_QUERY:
        notices.append(f"The search “{echo(text)}” is longer than {MAX_QUERY} characters: cut there.")
        text = text[:MAX_QUERY]
    return text


def filter_params(filters: Filters) -> dict[str, list[str]]:
    return filter_defs.encode(filters)


def _page_values(view: View) -> dict[str, str | None]:
    return {
        "group": None if view.group == "actor" else view.group,
        "rows": rows_param(view.rows),
        "arows": rows_param(view.arows),
        "focus": view.focus,
        "issue": view.issue,
        "by": view.by,
        "target": view.target,
        "guessed": "1" if view.guessed else None,
        "top": rows_param(view.top, DEFAULT_TOP),
        "section": view.section
        if view.section and view.section != open_section(replace(view, section=None))
        else None,
        "tab": None if view.tab == "pair" else view.tab,
        "a": view.a,
        "b": view.b,
        "doc": view.doc,
        "start": None if view.start is None else str(view.start),
        "end": None if view.end is None else str(view.end),
        "q": view.q or None,
        "node": view.node,
        "speaker": view.speaker,
        "about": view.about,
    }


def query_params(view: View, page: str) -> dict[str, list[str]]:
    """The query parameters of ``view`` on ``page``: the filters plus that page's own, defaults left out."""
    out = filter_params(view.filters)
    values = _page_values(view)
    for name in PAGE_PARAMS.get(page, ()):
        if values[name] is not None:
            out[name] = [str(values[name])]
    return out


def encode(params: Mapping[str, Sequence[str]]) -> str:
    return urlencode([(k, v) for k, values in params.items() for v in values])


def view_link(view: View, page: str) -> str:
    """A link relative to the app's root, e.g. ``Timeline?actor=nato&from=2022-01-01``."""
    query = encode(query_params(view, page))
    path = page or "./"
    return f"{path}?{query}" if query else path


def reader_link(doc_id: str, start: int, end: int, filters: Filters | None = None, q: str = "") -> str:
    """The Reader on ``doc_id`` with ``start:end`` marked; ``q``: its words marked too."""
    view = View(filters=filters or Filters(), doc=doc_id, start=start, end=end, q=q)
    return view_link(view, "Reader")


VIEW_FIELDS = (
    "group",
    "rows",
    "arows",
    "focus",
    "issue",
    "by",
    "target",
    "guessed",
    "top",
    "section",
    "tab",
    "a",
    "b",
    "doc",
    "start",
    "end",
    "q",
    "node",
    "speaker",
    "about",
)


def updated(view: View, name: str, value: Any) -> View:
    """``view`` with one field changed; a filter name (``actors``, ``date_from``...) changes the filters."""
    if name in FILTER_FIELDS:
        return replace(view, filters=replace(view.filters, **{name: value}))
    if name not in VIEW_FIELDS:
        raise KeyError(f"no view field {name!r}")
    changed = replace(view, **{name: value})
    # The Network's selection is an actor or an exchange: picking one drops the other.
    if name == "node" and value:
        changed = replace(changed, speaker=None, about=None)
    if name in ("speaker", "about") and value:
        changed = replace(changed, node=None)
    # Actor positions: an actor or an issue picked above the sections is read in the statements.
    if name in ("focus", "issue") and value:
        changed = replace(changed, section="statements")
    # A span belongs to one document: choosing another document drops it.
    return replace(changed, start=None, end=None) if name == "doc" and value != view.doc else changed


def follow_aliases(view: View, choices: Choices) -> View:
    """``view`` with the actors merged into others (``choices.aliases``) named by their new ids:
    a session's view made before a merge keeps showing the same actor."""
    actors = tuple(dict.fromkeys(filter_defs.known_actor(a, choices) or a for a in view.filters.actors))
    focus = filter_defs.known_actor(view.focus, choices)
    by = filter_defs.known_actor(view.by, choices)
    target = filter_defs.known_actor(view.target, choices)
    if (actors, focus, by, target) == (view.filters.actors, view.focus, view.by, view.target):
        return view
    filters = replace(view.filters, actors=actors)
    return replace(view, filters=filters, focus=focus, by=by, target=target)


def merge_link(old: View, link: View, page: str) -> View:
    """A link opened inside a session: its filters and its page's choices; other pages keep theirs."""
    own = {name: getattr(link, name) for name in PAGE_PARAMS.get(page, ())}
    return replace(old, filters=link.filters, **own)
