"""No dev-set text in the project: the dev sets are for measurement only, so a test sentence, a
comment or a doc that copies eight words in a row from one of them is a defect (a rule written for
that sentence, a test that measures what was tuned). Skips when ../shared is absent."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from tests.conftest import ROOT

RUN = 8  # words in a row: stock phrases of news ("said in a statement that the") are shorter
SUFFIXES = (".py", ".yaml", ".yml", ".md", ".txt", ".toml", ".cfg", ".json", ".jsonl")
SKIP_DIRS = {"venv", "node_modules", "__pycache__"}  # and any hidden folder: .git, .cache (parses), .venv
WORD = re.compile(r"[a-z0-9']+")


def runs(text: str, n: int = RUN) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def project_files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        hidden = any(p in SKIP_DIRS or p.startswith(".") for p in path.relative_to(root).parts[:-1])
        if path.suffix in SUFFIXES and not hidden and path.is_file():
            yield path


def dev_texts(devsets: Path) -> Iterable[tuple[str, str]]:
    for path in sorted(devsets.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            yield path.name, json.dumps(record, ensure_ascii=False).replace("\\n", " ")


def test_runs_of_words_ignore_case_and_punctuation() -> None:
    assert runs("One, two: THREE four five six seven eight nine.") == {
        "one two three four five six seven eight",
        "two three four five six seven eight nine",
    }
    assert runs("too short to count") == set()


def test_no_run_of_dev_set_words_in_the_project(devsets: Path) -> None:
    mine: dict[str, set[str]] = {}
    for path in project_files(ROOT):
        if path.is_relative_to(ROOT / "data"):
            continue  # the seed articles: allowed, and their phrases may recur in the dev sets
        for run in runs(path.read_text(encoding="utf-8", errors="replace")):
            mine.setdefault(run, set()).add(str(path.relative_to(ROOT)))
    seeds: set[str] = set()
    for path in project_files(ROOT / "data"):
        seeds |= runs(path.read_text(encoding="utf-8", errors="replace"))
    found = {
        f"{run!r} ({name}) in {', '.join(sorted(mine[run]))}"
        for name, text in dev_texts(devsets)
        for run in runs(text)
        if run in mine and run not in seeds
    }
    assert not found, "dev-set text copied into the project:\n" + "\n".join(sorted(found))
