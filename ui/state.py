"""The session keys, the environment the dashboard reads, and a page's stop with a message."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn, TypeVar

import streamlit as st

T = TypeVar("T")


ROOT = Path(__file__).resolve().parents[1]


DATA = ROOT / "data"


VIEW = "tg_view"  # urls.View: the state a link restores


WRITTEN = "tg_written"  # the query we last wrote, to tell a pasted link from our own URL


NOTICES = "tg_notices"


# A search ranked by the store's index: the sentences matching in all, of which the slice holds the best.
SEARCH_MATCHED = "tg_search_matched"


UPLOADS = "tg_uploads"  # {sha256: (file name, documents, errors)}, this browser session only


UPLOAD_ROUND = "tg_upload_round"  # counts the files taken: each round gets a fresh, empty upload box


SESSION_ANALYSIS = "tg_session_analysis"


STORE_ENV = "TRIANGULATE_STORE"  # a store folder (python -m lib ingest PATH --store DIR) to read


DATA_ENV = "TRIANGULATE_DATA"  # a folder of reports to analyse instead of data/


CORRECTIONS = "tg_corrections"  # this session's corrections, once it has uploads (never the file's)


SESSION_CORRECTED = "tg_session_corrected"


def stop(message: str) -> NoReturn:
    st.error(message)
    st.stop()
