"""The analyst's corrections in force (lib/view/corrections.py): the file beside the reports or the
store, or, in a session with uploads, that session's own copy; and a folder's analysis corrected.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import streamlit as st

from lib.records import Analysis
from lib.view import corrections as corr
from lib.view import urls
from ui.folder import analysis
from ui.state import CORRECTIONS, DATA, DATA_ENV, SESSION_CORRECTED, STORE_ENV, UPLOADS

_CORRECTED: dict[str, tuple[Analysis, str, Analysis]] = {}  # folder -> (analysis, digest, corrected)


def corrections_path() -> Path:
    """``corrections.yaml`` in the store, else in the folder of reports the dashboard reads."""
    return Path(os.environ.get(STORE_ENV) or os.environ.get(DATA_ENV) or str(DATA)) / corr.FILE_NAME


def corrections_in_session() -> bool:
    """A session with uploads keeps its corrections to itself: they may name its own documents."""
    return bool(st.session_state.get(UPLOADS))


_LOADED: dict[Path, tuple[tuple[int, int, int], corr.Corrections, str]] = {}  # path -> (stat, read, error)


def loaded() -> tuple[corr.Corrections, str]:
    """The file's corrections and, when it cannot be used, why (then none apply); read again only
    when the file changed (a save replaces it: a new inode)."""
    path = corrections_path()
    try:
        st_ = path.stat()
        stamp = (st_.st_ino, st_.st_mtime_ns, st_.st_size)
    except OSError:
        return corr.Corrections(), ""
    held = _LOADED.get(path)
    if held and held[0] == stamp:
        return held[1], held[2]
    try:
        found, problem = corr.load_corrections(path), ""
    except corr.CorrectionsError as err:
        found, problem = corr.Corrections(), str(err)
    _LOADED[path] = (stamp, found, problem)
    return found, problem


def _file_corrections() -> corr.Corrections:
    return loaded()[0]


def current_corrections() -> corr.Corrections:
    """The corrections in force: the file's, or (with uploads) this session's copy of them."""
    if not corrections_in_session():
        return _file_corrections()
    if CORRECTIONS not in st.session_state:
        st.session_state[CORRECTIONS] = _file_corrections()
    held: corr.Corrections = st.session_state[CORRECTIONS]
    return held


def save_corrections(c: corr.Corrections) -> None:
    if corrections_in_session():
        st.session_state[CORRECTIONS] = c
    else:
        corr.save_corrections(corrections_path(), c)


def _memo(held: MutableMapping[str, Any], key: str, base: Analysis, c: corr.Corrections) -> Analysis:
    """``base`` corrected, kept while neither ``base`` nor the corrections' content change."""
    digest = corr.digest(c)
    last = held.get(key)
    if last and last[0] is base and last[1] == digest:
        result: Analysis = last[2]
        return result
    result = corr.apply_corrections(base, c)
    held[key] = (base, digest, result)
    return result


def corrected_analysis() -> Analysis:
    """``analysis()`` with the corrections applied (the session's own when it has uploads)."""
    base, c = analysis(), current_corrections()
    if corrections_in_session():
        if SESSION_CORRECTED not in st.session_state:
            st.session_state[SESSION_CORRECTED] = {}
        return _memo(st.session_state[SESSION_CORRECTED], "session", base, c)
    return _memo(_CORRECTED, os.environ.get(DATA_ENV) or str(DATA), base, c)


def with_aliases(choices: urls.Choices) -> urls.Choices:
    return replace(choices, aliases=corr.merged_aliases(current_corrections(), choices.actors))
