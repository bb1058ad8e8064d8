"""A hostile folder: good reports mixed with every kind of file that once stopped a whole run.

A developer tool (to move to a tools package): ``write_hostile_corpus`` writes the folder and
says which files must be reported and why; ``python -m tools.hostile OUT_DIR --n 1000`` writes
one and prints {"bad": {name: reason}, "good": [names]} as JSON, names relative to OUT_DIR.
Every bad file must come back as an IngestError whose reason holds the expected words, every
good file as a document, and nothing may hang (a FIFO among them blocks any reader that opens it).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from lib.read.ingest import shown

# What a class of file must be reported with: words the IngestError's reason contains.
LOOP = "symbolic link loop"
BROKEN = "broken symbolic link"
FIFO = "named pipe"
SOCKET = "a socket"
INVISIBLE = "no visible text"
EMPTY = "empty file"
UNREADABLE = "Permission denied"
LONG_CHARS = 1_000_001  # one over spaCy's default nlp.max_length (error E088 before texts were cut)
# Capitalised, then a word ending in "s": a headline's opening ("Harbour cranes ...") for the
# HEADLINE pattern of lib/extract/quotes/extract.py, which backtracked for hours over one long line before it
# looked at short first lines only.
LONG_WORDS = "Harbour cranes grey water north pier wooden boats tide tables rope nets gulls salt wind "
INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u00ad \t\n\u3000\u180e"

# A class writes file number i (from one good text) and returns (name, expected reason): the
# name relative to the folder as a report shows it, the reason None when the file must load.
Hostile = Callable[[Path, int, str], tuple[str, str | None]]


def _good(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    name = f"good-{i:05d}.txt"
    (folder / name).write_text(text, encoding="utf-8")
    return name, None


def _long_unbroken(folder: Path, i: int, text: str, chars: int = LONG_CHARS) -> tuple[str, str | None]:
    """Words without a sentence end or a line break, ``chars`` characters: loads, parsed in pieces.

    The words (a tag cloud, not ``text``) name no date and no reporting verb: extraction time
    grows with a long document's quotes times its length, which is not what this class tests."""
    name = f"long-{i:05d}.txt"
    (folder / name).write_text((LONG_WORDS * (chars // len(LONG_WORDS) + 1))[:chars], encoding="utf-8")
    return name, None


def _odd_name(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    """A name that is not UTF-8 (the byte 0xff, which Python holds as U+DCFF) on a good report:
    loads, its name readable ("odd-\\xff-00001.txt")."""
    name = f"odd-\udcff-{i:05d}.txt"
    try:
        (folder / name).write_text(text, encoding="utf-8")
    except (OSError, UnicodeError):  # a file system that takes only UTF-8 names (macOS)
        return _good(folder, i, text)
    return shown(name), None


def _odd_name_empty(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    """A name that is not UTF-8 on an empty file: reported, by a name any terminal can print."""
    name = f"empty-\udcfe-{i:05d}.txt"
    try:
        (folder / name).write_bytes(b"")
    except (OSError, UnicodeError):
        return _empty(folder, i, text)
    return shown(name), EMPTY


def _empty(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    name = f"empty-{i:05d}.txt"
    (folder / name).write_bytes(b"")
    return name, EMPTY


def _surrogate_json(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    """Lone surrogates as JSON escapes (json.loads accepts them): loads, each one as U+FFFD."""
    name = f"surrogate-{i:05d}.json"
    title = json.dumps(f"Report {i}")[1:-1] + "\\udc00"
    body = json.dumps(text)[1:-1] + " \\ud800"
    (folder / name).write_text(f'{{"title": "{title}", "text": "{body}"}}', encoding="ascii")
    return name, None


def _surrogate_jsonl(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    name = f"surrogate-{i:05d}.jsonl"
    line = '{"text": "\\udfff ' + json.dumps(text)[1:-1] + '"}'
    (folder / name).write_text(line + "\n", encoding="ascii")
    return name, None


def _invisible(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    name = f"invisible-{i:05d}.txt"
    (folder / name).write_text(INVISIBLES * (1 + i % 5), encoding="utf-8")
    return name, INVISIBLE


def _fifo(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    name = f"pipe-{i:05d}.txt"
    if not hasattr(os, "mkfifo"):
        return _empty(folder, i, text)
    os.mkfifo(folder / name)
    return name, FIFO


def _socket(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    name = f"sock-{i:05d}.txt"
    if not hasattr(socket, "AF_UNIX"):
        return _empty(folder, i, text)
    with socket.socket(socket.AF_UNIX) as sock:
        try:
            sock.bind(str(folder / name))
        except OSError:  # the path is longer than a socket address may be
            return _empty(folder, i, text)
    return name, SOCKET


def _loop(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    name = f"loop-{i:05d}.txt"
    os.symlink(name, folder / name)
    return name, LOOP


def _broken_link(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    name = f"broken-{i:05d}.txt"
    os.symlink(f"missing-{i:05d}.txt", folder / name)
    return name, BROKEN


def _unreadable(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    """No read permission; root reads it anyway, so then it is a good file."""
    name, _ = _good(folder, i, text)
    os.chmod(folder / name, 0)
    return name, None if os.geteuid() == 0 else UNREADABLE


def _folder_like_a_file(folder: Path, i: int, text: str) -> tuple[str, str | None]:
    """A folder named report.txt: walked into, and the report inside loads."""
    inner = folder / f"folder-{i:05d}.txt"
    inner.mkdir()
    (inner / "inner.txt").write_text(text, encoding="utf-8")
    return f"folder-{i:05d}.txt/inner.txt", None


HOSTILE: tuple[Hostile, ...] = (
    _long_unbroken,
    _odd_name,
    _odd_name_empty,
    _surrogate_json,
    _surrogate_jsonl,
    _invisible,
    _fifo,
    _socket,
    _loop,
    _broken_link,
    _unreadable,
    _folder_like_a_file,
    _empty,
)


def write_hostile_corpus(
    folder: Path, n: int, good_texts: list[str], *, long_files: int = 1, long_chars: int = LONG_CHARS
) -> dict[str, str]:
    """Write ``n`` files into ``folder``: every other one a good report (from ``good_texts``), the
    rest hostile, class after class. Returns the bad files' names (relative, as a report shows
    them) and the words their reasons must hold; every other file must load.

    Long texts cost about a minute of parsing per million characters, so at most ``long_files``
    are written (a good report takes the place of the others).
    """
    folder.mkdir(parents=True, exist_ok=True)
    bad: dict[str, str] = {}
    longs = 0
    for i in range(n):
        text = good_texts[i % len(good_texts)]
        write = _good if i % 2 == 0 else HOSTILE[(i // 2) % len(HOSTILE)]
        if write is _long_unbroken:
            longs += 1
            write = _good if longs > long_files else _long_writer(long_chars)
        name, reason = write(folder, i, text)
        if reason is not None:
            bad[name] = reason
    return bad


def _long_writer(chars: int) -> Hostile:
    return lambda folder, i, text: _long_unbroken(folder, i, text, chars)


def good_names(folder: Path, bad: dict[str, str]) -> list[str]:
    """Every file under ``folder`` that must load (relative names, as a report shows them)."""
    names = []
    for root, _dirs, files in os.walk(folder):
        for file in files:
            name = shown(os.path.relpath(os.path.join(root, file), folder))
            if name not in bad:
                names.append(name)
    return sorted(names)


def mismatches(
    folder: Path, bad: dict[str, str], loaded: Iterable[str], errors: Iterable[tuple[str, str]]
) -> list[str]:
    """What a run got wrong: a good file not loaded, a bad file loaded, unreported or reported
    with another reason. ``loaded``: the documents' paths; ``errors``: (path, reason) pairs."""
    root = shown(folder)
    got = {os.path.relpath(path, root) for path in loaded}
    reasons = {os.path.relpath(path, root): reason for path, reason in errors}
    wrong = [f"good file not loaded: {name}" for name in good_names(folder, bad) if name not in got]
    for name, words in sorted(bad.items()):
        if name in got:
            wrong.append(f"bad file loaded: {name}")
        elif words not in reasons.get(name, ""):
            wrong.append(f"bad file {name}: expected {words!r}, got {reasons.get(name)!r}")
    return wrong


# Short reports written for this tool (never copied from a dev set): one sentence or two each.
SAMPLE_TEXTS = [
    "Port workers in Valdora ended their strike on Tuesday, the union said in a statement.",
    "The foreign minister of Estmark met her counterpart in Lisbon on Monday to discuss fishing quotas.",
    "“We will not accept these terms,” the mayor of Northbridge told reporters after the vote.",
    "Floods closed three roads near Harlow on 4 March, police said. Two villages were evacuated.",
    "The central bank raised its main rate by half a point, citing prices that rose 6 percent in May.",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.hostile", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to write (created; should be empty)")
    parser.add_argument("--n", type=int, default=1000, help="files to write")
    parser.add_argument("--long-files", type=int, default=1, help="texts over 1,000,000 characters")
    args = parser.parse_args(argv)
    bad = write_hostile_corpus(args.out, args.n, SAMPLE_TEXTS, long_files=args.long_files)
    json.dump({"bad": bad, "good": good_names(args.out, bad)}, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
