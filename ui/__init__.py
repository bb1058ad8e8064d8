"""Streamlit code shared by the pages (lib/ never imports Streamlit; the pages stay thin).

- ui.state: the session keys, the environment read (TRIANGULATE_STORE, TRIANGULATE_DATA), a page's stop;
- ui.folder: a folder's analysis made once per server with its progress, and a session's uploads;
- ui.corrections: the analyst's corrections in force (the file's, or a session's own copy);
- ui.reads: what the pages read: a store's cached index and slices, or the folder's analysis;
- ui.pageframe: a page's set-up (view, URL, filter sidebar), its share box and exports, and the
  expanders whose content is built when opened (on_demand).

The pages call all of it as ``ui.<name>``: the names below.
"""

from ui.corrections import corrections_in_session, corrections_path, current_corrections, save_corrections
from ui.folder import corpus_key, forget_uploads, take_uploads, upload_key, upload_names
from ui.pageframe import (
    actor_options,
    doc_label,
    export_buttons,
    export_with_brief,
    on_demand,
    open_tabs,
    outside_filters_note,
    page,
    query_text,
    rows_shown,
    search_matched,
    set_view,
    share_box,
    synced,
)
from ui.reads import (
    cached_compare,
    contested_count,
    corrected_rows,
    home_events,
    home_quotes,
    network_edges,
    pairs_worth_comparing,
    per_view,
    reads_store,
    source_diversity,
    stances_counts,
    view_claims,
    with_documents,
)
from ui.state import VIEW

__all__ = [
    "VIEW",
    "actor_options",
    "cached_compare",
    "contested_count",
    "corpus_key",
    "corrected_rows",
    "corrections_in_session",
    "corrections_path",
    "current_corrections",
    "doc_label",
    "export_buttons",
    "export_with_brief",
    "forget_uploads",
    "home_events",
    "home_quotes",
    "network_edges",
    "on_demand",
    "open_tabs",
    "outside_filters_note",
    "page",
    "pairs_worth_comparing",
    "per_view",
    "query_text",
    "reads_store",
    "rows_shown",
    "save_corrections",
    "search_matched",
    "set_view",
    "share_box",
    "source_diversity",
    "stances_counts",
    "synced",
    "take_uploads",
    "upload_key",
    "upload_names",
    "view_claims",
    "with_documents",
]
