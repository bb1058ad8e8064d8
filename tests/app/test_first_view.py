"""What a page's first view in a fresh server process pays, and what it no longer pays."""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path

import pytest

from ui.reads import collector_paused

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize("raises", [False, True])
def test_the_collector_is_paused_while_an_index_is_read_and_left_as_it_was(on: bool, raises: bool) -> None:
    was = gc.isenabled()
    (gc.enable if on else gc.disable)()
    try:
        with pytest.raises(OSError) if raises else contextlib.nullcontext(), collector_paused():
            assert not gc.isenabled()
            if raises:
                raise OSError("the store went away")
        assert gc.isenabled() is on
    finally:
        (gc.enable if was else gc.disable)()
