"""What a page's first view in a fresh server process pays, and what it no longer pays."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_ui_skips_streamlits_repl_check() -> None:
    """Streamlit's once-per-process check for a REPL (inspect.stack() over every loaded module,
    0.25-0.37 s of a first view) is marked done as the pages import ui, before their first element."""
    code = (
        "import streamlit.delta_generator as d; before = d._use_warning_has_been_displayed; "
        "import ui; print(before, d._use_warning_has_been_displayed)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
