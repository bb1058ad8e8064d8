"""What a page's first view in a fresh server process pays, and what it no longer pays."""

from __future__ import annotations

import contextlib
import gc
import subprocess
import sys
from pathlib import Path

import pytest

from lib.records import Span
from ui.reads import collector_paused, settle_long_lived

ROOT = Path(__file__).resolve().parents[2]


def test_importing_ui_skips_streamlits_repl_check() -> None:
    """Streamlit's once-per-process check for a REPL (inspect.stack() over every loaded module,
    0.035 CPU-s of a first view) is marked done as the pages import ui, before their first element."""
    code = (
        "import streamlit.delta_generator as d; before = d._use_warning_has_been_displayed; "
        "import ui; print(before, d._use_warning_has_been_displayed)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


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


def test_settling_leaves_the_objects_made_so_far_out_of_later_collections() -> None:
    """A record made before settling is in the permanent generation (gc.freeze): a collection
    does not walk it again; one made after is tracked as young as usual."""
    before = gc.get_freeze_count()
    try:
        kept = [Span("r1", 0, 10, "A quay flooded.") for _ in range(100)]
        settle_long_lived()
        assert gc.get_freeze_count() >= before + len(kept)
        young = [Span("r2", 0, 10, "Boats stayed in.") for _ in range(10)]
        assert any(young[0] is o for o in gc.get_objects(generation=0))
    finally:
        gc.unfreeze()


CYCLE_AT_EXIT = """
import atexit, gc, sys
import duckdb
import ui.reads
if sys.argv[1] == "without":
    atexit.unregister(gc.unfreeze)
class Holder:
    pass
h = Holder()
h.itself, h.con = h, duckdb.connect()
h.types = h.con.sql("SELECT 1 AS x").types
del h
ui.reads.settle_long_lived()
"""


@pytest.mark.parametrize("unfrozen", [True, False])
def test_objects_frozen_in_a_cycle_are_freed_at_exit(unfrozen: bool) -> None:
    """Garbage frozen with the index (a cycle holding DuckDB objects) goes back to the collector at
    exit: DuckDB's bindings report objects still alive then as leaks (the control shows they do)."""
    run = [sys.executable, "-c", CYCLE_AT_EXIT, "with" if unfrozen else "without"]
    out = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True)
    assert ("leaked" in out.stderr) is not unfrozen
