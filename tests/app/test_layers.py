"""The layout's rules: each layer of lib/ imports only the layers below it, and nothing at run time
imports the developer tools."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A document goes text/read -> extract -> compare -> store and view; a layer may use those before it.
# The store's slices build the view's frames and the view reads stores: those two stand side by side.
ORDER = [{"lib.text"}, {"lib.read"}, {"lib.extract"}, {"lib.compare"}, {"lib.store", "lib.view"}]
ALLOWED = {layer: set().union(*ORDER[: i + 1]) for i, level in enumerate(ORDER) for layer in level}
ALLOWED["lib.text"] = {"lib.text"}  # the shared language tools stand below reading too
ALLOWED["lib.read"] |= {"lib.text"}


BASE = {"lib", "lib.records", "lib.version"}  # the package root, the records and the versions serve all


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _layer(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _module_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


RUNTIME = sorted(p for p in (ROOT / "lib").rglob("*.py") if p.name != "__main__.py")


@pytest.mark.parametrize("path", RUNTIME, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_layer_imports_only_the_layers_before_it(path: Path) -> None:
    layer = _layer(_module_of(path))
    ours = {m for m in _imports(path) if m == "lib" or m.startswith(("lib.", "tools"))}
    assert not {m for m in ours if m.startswith("tools")}, "runtime code imports a developer tool"
    if layer in ALLOWED:
        stray = {m for m in ours if m not in BASE and _layer(m) not in ALLOWED[layer]}
        assert not stray, f"{layer} imports {sorted(stray)}"


APP_FILES = [ROOT / "dashboard.py", *sorted(ROOT.glob("ui/*.py")), *sorted(ROOT.glob("pages/*.py"))]


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_app_imports_no_developer_tool(path: Path) -> None:
    assert not {m for m in _imports(path) if m.startswith("tools")}


def test_the_layer_rule_catches_a_breach(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text("from lib.compare.claims import Claim\nfrom tools.bench import run_bench\n")
    assert {"lib.compare.claims", "tools.bench"} <= _imports(bad)
    assert _layer("lib.compare.claims") not in ALLOWED["lib.extract"]


# A store holds every extracted row: the pages read it and never parse. The model's library alone
# costs about 0.85 s and 80 MB in each dashboard process, so nothing on the store path imports it;
# nor the readers of files (trafilatura and lxml, ~0.15 s of every fresh page process).
STORE_PATH_MODULES = ["ui", "lib.view.pages", "lib.view.charts", "lib.view.timeline", "lib.store.slices"]
NOT_ON_THE_STORE_PATH = ("spacy", "trafilatura", "lxml")


@pytest.mark.parametrize("module", STORE_PATH_MODULES)
def test_the_store_path_imports_no_spacy(module: str) -> None:
    code = (
        f"import sys, {module}; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {NOT_ON_THE_STORE_PATH!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_home_page_reads_files_only_where_a_folder_is_read() -> None:
    """dashboard.py imports the file readers inside the folder branch, not at its top."""
    tree = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    top = {n.module for n in tree.body if isinstance(n, ast.ImportFrom)}
    assert "lib.read.ingest" not in top
    assert "lib.read.ingest" in _imports(ROOT / "dashboard.py")  # the probe sees a nested import


def test_the_probe_sees_spacy_when_it_is_imported() -> None:
    """The negative case: the same probe does see spaCy once the pipeline is imported."""
    code = "import sys, ui, lib.extract.pipeline; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
