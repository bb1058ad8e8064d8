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

from lib.records import Analysis
from lib.view import filters as filter_defs
from lib.view.filters import ECHO_CHARS as ECHO_CHARS  # re-exported: the notices' cut
from lib.view.filters import FILTER_FIELDS, echo
from lib.view.filters import Filters as Filters  # re-exported: pages, tools and tests name it here

# name -> what it holds; README's parameter table is checked against this mapping. The filters'
# parameters come from lib/view/filters.py, the pages' own follow.
PARAMS: dict[str, str] = {
    **{p.name: p.meaning for p in filter_defs.PARAMS},
    "group": "Timeline rows: `actor` or `source`",
    "rows": "Timeline: how many rows, the most active first: a number (default 15) or `all`",
    "focus": "Actor positions: the actor whose statements and profile are shown",
    "issue": "Actor positions: the issue whose statements are shown",
    "a": "Source comparison: id of the left document",
    "b": "Source comparison: id of the right document",
    "doc": "Reader: id of the document to read",
    "start": "Reader: first character of the span to mark (with `end`)",
    "end": "Reader: character after the span to mark",
}
FILTER_PARAMS = tuple(p.name for p in filter_defs.PARAMS)
# The page-specific parameters, by page name (the URL path of a page in pages/).
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "": (),
    "Timeline": ("group", "rows"),
    "Actor_positions": ("focus", "issue"),
    "Source_comparison": ("a", "b"),
    "Reader": ("doc", "start", "end"),
    "Corrections": (),
}
GROUPS = ("actor", "source")
DEFAULT_ROWS = 15  # the Timeline's rows by default: readable without scrolling (issue #18)
ROW_CHOICES = (15, 30, 60, 0)  # what the Timeline offers; 0 is every row ("all" in a link)
MAX_ROWS_PARAM = 10_000
# Only ASCII digits: str.isdigit also accepts "²" and "١", which int() then refuses or reads
# differently, and nine digits keep int() far from its 4,300-digit limit.
_OFFSET = re.compile(r"[0-9]{1,9}")
ACTOR_TYPES = ("person", "organization", "country")


@dataclass(frozen=True)
class View:
    """The whole state a link restores: the filters plus each page's own choices."""

    filters: Filters = field(default_factory=Filters)
    group: str = "actor"
    rows: int = DEFAULT_ROWS  # 0: all
    focus: str | None = None
    issue: str | None = None
    a: str | None = None
    b: str | None = None
    doc: str | None = None
    start: int | None = None
    end: int | None = None


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
    view = View(
        filters=filters,
        group=group,
        rows=_parse_rows(_one(params, "rows"), notices),
        focus=_pick(
            filter_defs.known_actor(_one(params, "focus"), choices), choices.actors, "actor", notices
        ),
        issue=_pick(_one(params, "issue"), choices.issues, "issue", notices),
        a=_pick(_one(params, "a"), choices.docs, "document", notices),
        b=_pick(_one(params, "b"), choices.docs, "document", notices),
        doc=_pick(_one(params, "doc"), choices.docs, "document", notices),
        start=start,
        end=end,
    )
    return view, notices


def _parse_rows(value: str | None, notices: list[str]) -> int:
    if value is None:
        return DEFAULT_ROWS
    if value == "all":
        return 0
    count = parse_offset(value)
    if count is None or not 0 < count <= MAX_ROWS_PARAM:
        notices.append(f"Unknown number of timeline rows “{echo(value)}”: showing {DEFAULT_ROWS}.")
        return DEFAULT_ROWS
    return count


def rows_param(rows: int) -> str | None:
    """The ``rows`` value of a link: None for the default, ``all`` for every row."""
    if rows == DEFAULT_ROWS:
        return None
    return "all" if rows <= 0 else str(rows)


def filter_params(filters: Filters) -> dict[str, list[str]]:
    return filter_defs.encode(filters)


def _page_values(view: View) -> dict[str, str | None]:
    return {
        "group": None if view.group == "actor" else view.group,
        "rows": rows_param(view.rows),
        "focus": view.focus,
        "issue": view.issue,
        "a": view.a,
        "b": view.b,
        "doc": view.doc,
        "start": None if view.start is None else str(view.start),
        "end": None if view.end is None else str(view.end),
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


def reader_link(doc_id: str, start: int, end: int, filters: Filters | None = None) -> str:
    view = View(filters=filters or Filters(), doc=doc_id, start=start, end=end)
    return view_link(view, "Reader")


VIEW_FIELDS = ("group", "rows", "focus", "issue", "a", "b", "doc", "start", "end")


def updated(view: View, name: str, value: Any) -> View:
    """``view`` with one field changed; a filter name (``actors``, ``date_from``...) changes the filters."""
    if name in FILTER_FIELDS:
        return replace(view, filters=replace(view.filters, **{name: value}))
    if name not in VIEW_FIELDS:
        raise KeyError(f"no view field {name!r}")
    changed = replace(view, **{name: value})
    # A span belongs to one document: choosing another document drops it.
    return replace(changed, start=None, end=None) if name == "doc" and value != view.doc else changed


def follow_aliases(view: View, choices: Choices) -> View:
    """``view`` with the actors merged into others (``choices.aliases``) named by their new ids:
    a session's view made before a merge keeps showing the same actor."""
    actors = tuple(dict.fromkeys(filter_defs.known_actor(a, choices) or a for a in view.filters.actors))
    focus = filter_defs.known_actor(view.focus, choices)
    if actors == view.filters.actors and focus == view.focus:
        return view
    return replace(view, filters=replace(view.filters, actors=actors), focus=focus)


def merge_link(old: View, link: View, page: str) -> View:
    """A link opened inside a session: its filters and its page's choices; other pages keep theirs."""
    own = {name: getattr(link, name) for name in PAGE_PARAMS.get(page, ())}
    return replace(old, filters=link.filters, **own)
