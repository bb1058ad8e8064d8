"""Setting up a page: the view from the session or the link, the filter sidebar synced with the URL,
the share box and the export buttons.

URL state follows STYLE.md ("Shareable links"): the view lives under a non-widget session key
(VIEW), every widget's key is assigned from it before the widget is created, the widget's
on_change writes back into it, and st.query_params is written by hand (no ``bind``). That is
what keeps filters across a click in the sidebar nav, where the URL arrives without a query.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any
from urllib.parse import urljoin

import pandas as pd
import streamlit as st

from lib.records import Analysis
from lib.view import corrections as corr
from lib.view import exports, filters, frames, timeline, urls
from lib.view.render import plain_md
from ui.corrections import corrected_analysis, current_corrections, loaded, with_aliases
from ui.reads import corrected_index, corrected_slice, damage_notice, opened_store, reading
from ui.state import NOTICES, SEARCH_MATCHED, VIEW, WRITTEN


def _read_query() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def _sync_view(choices: urls.Choices, page: str) -> urls.View:
    """The session's view; a link opened in this session (a query we did not write) replaces it."""
    query = _read_query()
    fresh = VIEW not in st.session_state
    if fresh or (query and query != st.session_state.get(WRITTEN)):
        view, notices = urls.parse_query(query, choices)
        old = st.session_state.get(VIEW, urls.View())
        st.session_state[VIEW] = view if fresh else urls.merge_link(old, view, page)
        st.session_state[NOTICES] = notices
    current: urls.View = st.session_state[VIEW]
    return current


def _write_query(view: urls.View, page: str) -> None:
    params = urls.query_params(view, page)
    if _read_query() != params:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = params


def set_view(name: str, value: Any) -> None:
    st.session_state[VIEW] = urls.updated(st.session_state[VIEW], name, value)


def _copy_back(name: str, widget_key: str, convert: Callable[[Any], Any]) -> Callable[[], None]:
    def on_change() -> None:
        set_view(name, convert(st.session_state[widget_key]))

    return on_change


def rows_shown(container: Any, name: str, value: int, label: str) -> Any:
    """The "most active N" picker of a chart's rows (Timeline, Actor positions), synced with the link."""
    return synced(
        container.selectbox,
        name,
        value,
        label=label,
        options=timeline.row_options(value),
        format_func=lambda n: "all" if n <= 0 else f"the {n} most active",
    )


def synced(
    widget: Callable[..., Any],
    name: str,
    value: Any,
    convert: Callable[[Any], Any] = lambda v: v,
    **kwargs: Any,
) -> Any:
    """Create ``widget`` showing ``value`` (from the view); a change writes ``name`` of the view."""
    key = f"w_{name}"
    st.session_state[key] = value
    return widget(key=key, on_change=_copy_back(name, key, convert), **kwargs)


def open_tabs(name: str, value: str, labels: dict[str, str]) -> Sequence[Any]:
    """Tabs, one per ``labels`` (view value -> label), ``value``'s open, synced with the view's
    ``name``: a click reruns the page and only the open tab's ``.open`` is true, so a page builds and
    sends that tab alone (st.tabs otherwise sends every tab's elements, and the browser draws them
    all before the page's chart)."""
    first = next(iter(labels))
    tabs: Sequence[Any] = synced(
        st.tabs,
        name,
        labels[value],
        lambda label: next((k for k, v in labels.items() if v == label), first),
        tabs=list(labels.values()),
    )
    return tabs


def actor_options(choices: urls.Choices) -> list[str]:
    """Actor ids in the order of their names, case ignored: the order every actor picker offers."""
    return sorted(choices.actors, key=lambda a: choices.actors[a].casefold())


def on_demand(label: str, key: str, build: Callable[[], object], where: Any = st) -> None:
    """An expander (in ``where``) whose content ``build`` writes only while it is open: opening
    or closing it reruns the page. A closed st.expander's elements are built, sent and drawn all
    the same, and each kind of element costs the browser's main thread on its first use (a
    multiselect 0.08 s, a dataframe 0.16 s: docs/benchmarks.md, sessions 33 and 34)."""
    with where.expander(label, key=key, on_change="rerun") as box:
        if box.open:
            build()


FILTER_BOX = "filter_box"  # the sidebar's expander of filter controls (its session key: open or not)


def _summary_line(item: filters.Summary) -> str:
    said = f"{item.label}: {plain_md(item.text)}"  # names and sources come from the reports
    return f"**{said}**" if item.on else f":gray[{said}]"


def _filter_sidebar(choices: urls.Choices, view: urls.View, bounds: tuple[date, date] | None) -> None:
    """The filters in words, every one of them, and their controls in an expander built when
    opened: the two multiselects and two date inputs, drawn on every visit, cost the browser's
    main thread ~0.15 s of the trivial page's 1.0 s (session 34), for controls most visits do
    not touch. Closed, the view keeps the filters (VIEW): a page switch or a link keeps them."""
    st.sidebar.header("Filters")
    st.sidebar.markdown("  \n".join(_summary_line(f) for f in filters.summary(view.filters, choices.actors)))
    on_demand("Change filters", FILTER_BOX, partial(_filter_widgets, choices, view, bounds), st.sidebar)
    st.sidebar.caption("They apply to every page and travel with the link.")


def _filter_widgets(choices: urls.Choices, view: urls.View, bounds: tuple[date, date] | None) -> None:
    f = view.filters
    actors = actor_options(choices)
    synced(
        st.multiselect,
        "actors",
        [a for a in f.actors if a in choices.actors],
        tuple,
        label="Actors",
        options=actors,
        format_func=lambda a: choices.actors.get(a, a),
        placeholder="All actors" if actors else "No actors found",
    )
    synced(
        st.multiselect,
        "sources",
        [s for s in f.sources if s in choices.sources],
        tuple,
        label="Sources",
        options=list(choices.sources),
        placeholder="All sources",
    )
    hint = f"The corpus speaks of {bounds[0]} to {bounds[1]}." if bounds else "No dates found."
    synced(st.date_input, "date_from", f.date_from, label="From", format="YYYY-MM-DD", help=hint)
    synced(st.date_input, "date_to", f.date_to, label="To", format="YYYY-MM-DD", help=hint)
    st.caption(
        "Empty dates leave the range open. Events are filtered on when they happened, "
        "documents on when they were reported."
    )


def page(title: str, name: str, how_to_read: str) -> tuple[Analysis, urls.View]:
    """Set up a page: the view from the session or the link, the filter sidebar, and what the page
    shows: the whole analysis of a folder, or the slice of a store the view selects."""
    st.set_page_config(page_title=f"{title} · Triangulate", layout="wide")
    store = opened_store()
    if store:
        damage_notice(store[0])
        c = current_corrections()
        index = reading(store[0], lambda: corrected_index(*store, corr.digest(c), c))
        choices, bounds = index.choices, index.bounds
    else:
        whole = corrected_analysis()
        choices, bounds = urls.choices_of(whole), frames.date_bounds(whole)
    choices = with_aliases(choices)
    if problem := loaded()[1]:
        st.error(plain_md(f"No corrections applied: {problem}"))
    view = _sync_view(choices, name)
    if (followed := urls.follow_aliases(view, choices)) != view:
        view = st.session_state[VIEW] = followed
    st.title(title)
    st.caption(how_to_read)
    for notice in st.session_state.pop(NOTICES, []):
        st.warning(plain_md(notice))  # a notice quotes the link's bad value back
    _filter_sidebar(choices, view, bounds)
    view = st.session_state[VIEW]
    _write_query(view, name)
    st.session_state[SEARCH_MATCHED] = None
    if not store:
        return whole, view
    part = reading(store[0], lambda: corrected_slice(*store, name, view, corr.digest(c), c))
    st.session_state[SEARCH_MATCHED] = part.matched
    for note in part.notes:
        st.info(plain_md(note))
    return part.analysis, view


def search_matched(found: int) -> int:
    """How many sentences match a search: ``found`` (lib/view/search.py's count on what the page
    holds), or the store's count when its index ranked the search and handed over only the best."""
    total = st.session_state.get(SEARCH_MATCHED)
    return max(found, total) if isinstance(total, int) else found


def full_link(view: urls.View, name: str) -> str:
    """The view's shareable URL, as the share box shows it (relative when the page's own URL is unknown)."""
    link = urls.view_link(view, name)
    return urljoin(str(st.context.url), link) if st.context.url else link


def share_box(view: urls.View, name: str) -> None:
    """The view's link, written when the box is opened: st.code loads the browser's syntax
    highlighter (0.25-0.3 s of the page's main thread, measured with Chromium's profiler on every
    page), for a box most visits never open."""

    def link() -> None:
        st.code(full_link(view, name), language=None)
        st.caption("Opening this link reproduces this page with every filter and choice shown here.")

    on_demand("Share this view", "share_box", link)


def filter_lines(analysis: Analysis, view: urls.View) -> list[str]:
    f = view.filters
    return filters.narrowing(f, {a: frames.actor_name(analysis, a) for a in f.actors})


def export_buttons(frame: pd.DataFrame, stem: str, brief: str | Callable[[], str] | None = None) -> None:
    """CSV and JSON of ``frame`` (filters applied) and, when given, the Markdown brief (or what makes it).

    Each file is made when its button is clicked (st.download_button runs a callable ``data`` then,
    on its own thread), not on every rerun: the home page's CSV and JSON of 10,000 documents took
    2.5 MB and most of the page's time, for a click that rarely comes.
    """
    cols = st.columns(3 if brief else 2)
    cols[0].download_button(
        "CSV", partial(exports.csv_bytes, frame), f"{stem}.csv", "text/csv", key=f"csv_{stem}"
    )
    cols[1].download_button(
        "JSON", partial(exports.json_bytes, frame), f"{stem}.json", "application/json", key=f"json_{stem}"
    )
    if brief:
        cols[2].download_button(
            "Markdown brief", partial(_utf8, brief), f"{stem}.md", "text/markdown", key=f"md_{stem}"
        )


def _utf8(text: str | Callable[[], str]) -> bytes:
    return (text if isinstance(text, str) else text()).encode("utf-8")


def export_with_brief(
    analysis: Analysis,
    view: urls.View,
    name: str,
    frame: pd.DataFrame,
    stem: str,
    title: str,
    lines: pd.Series,
    group_column: str | None = None,
) -> None:
    """The export buttons of a page's table, the brief among them: ``title`` and the view's full
    link, then ``lines`` (one a row of ``frame``; with ``group_column``, one per value of it, such as
    an event's id), each cited to its source sentences. The brief is written on a click."""
    link, described = full_link(view, name), filter_lines(analysis, view)

    def brief() -> str:
        cited = frame.assign(line=lines)
        return exports.markdown_brief(title, link, described, cited, "line", group_column=group_column)

    export_buttons(frame, stem, brief)


def doc_label(analysis: Analysis) -> Callable[[str], str]:
    docs = {d.id: d for d in analysis.documents}

    def label(doc_id: str) -> str:
        d = docs.get(doc_id)
        return frames.document_label(d) if d else doc_id

    return label


def outside_filters_note(analysis: Analysis, view: urls.View, doc_ids: Sequence[str]) -> None:
    """Say so when a report picked on this page lies outside the sidebar's source or date filters."""
    outside = [i for i in doc_ids if not frames.doc_in_view(analysis.document(i), view.filters)]
    if outside:
        ids = " and ".join(map(plain_md, outside))  # document ids come from the reports' files
        st.info(
            f"{ids} {'is' if len(outside) == 1 else 'are'} outside the sidebar "
            "filters (source or report date): shown because picked here; tables below keep the filters."
        )


def query_text(value: object) -> str:
    """A search box's text as the view keeps it: one line, at most urls.MAX_QUERY characters."""
    return " ".join(str(value or "").split())[: urls.MAX_QUERY]
