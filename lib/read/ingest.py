"""Documents in: files and folders read once into Documents, through the parse cache.

Public API: ``load_corpus(paths, cache_dir=None) -> Corpus`` and ``load_bytes(name, data)``
(browser uploads). Formats: .txt (optional ``key: value`` header), .md (YAML front matter),
.json, .jsonl, .html (trafilatura); see data/README.md. A file that cannot be used becomes an
IngestError with a plain reason and never stops the others.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from lib.read.blocks import find_blocks
from lib.read.cache import FileParse, ParseCache, cache_key, default_cache_dir
from lib.read.docdate import infer_date, normalize_date
from lib.read.formats import READERS, Draft, ReadFailure, decode
from lib.records import Block, Corpus, DateBasis, Document, IngestError, numbered_ids
from lib.text.sentences import ends_sentence
from lib.version import reading_version

# Streamlit refuses larger uploads before they reach memory: .streamlit/config.toml's
# [server] maxUploadSize must be MAX_FILE_MB (tests/read/test_ingest.py checks it).
MAX_FILE_MB = 20
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
LANGUAGE_SAMPLE_CHARS = 2000  # as on 5,000 for all 687 dev documents, 2.5x faster on long reports
TITLE_MAX_CHARS = 90
# A sentence ends at a mark that a capital (or an opening quote) follows, unless it is the full stop
# of an initial, an initialism ("U.S.") or a title (lib/text/sentences.py): "The U.S. economy",
# "MILTON, Ont. —" and "on Jan. 31" end no sentence, so the title is never cut there.
_SENTENCE_END = re.compile(r"[.!?…][”’\"»]?(?=\s+[\"“‘'(«]?[A-Z])")
# A wire dateline opening the lead ("CITY, Region — ", "CITY (Agency) -- ") is not the headline's.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,40}?(?:,[ ][A-Z][\w.'’ ]{1,30}?)?[ ]*(?:\([^()\n]{1,30}\)[ ]*)?(?:—|–|--?)[ ]+"
)
# Paragraphs that never give a title: captions, credits and embedded posts sit above many leads.
_NOT_TITLE_KINDS = ("caption", "credit", "embedded_post")
# A folder's README/LICENSE describes the folder, and its corrections.yaml holds the analyst's
# corrections (lib/view/corrections.py): neither is a report (given explicitly, a README loads).
NOT_DOCUMENTS = re.compile(
    r"^(?:(?:readme|license|licence|notice|changelog)(?:\.\w+)?|corrections\.yaml)$", re.IGNORECASE
)


def detect_language(text: str) -> str:
    """ISO 639-1 code by py3langid (Lui & Baldwin 2012, langid.py), "und" without letters."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return "und"
    language, _score = _language_model().classify(sample)
    return str(language)


@lru_cache(maxsize=1)
def _language_model() -> LanguageIdentifier:
    """py3langid's model, as ``py3langid.classify`` loads it (same model file, same options), but
    held here so that a corpus read can let it go: it takes 73 MB once loaded (0.5 CPU-s to load
    again), which an ingest's parent process otherwise holds through the whole extraction."""
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _date(draft: Draft, text: str, blocks: Sequence[Block] = ()) -> tuple[str | None, DateBasis]:
    """The metadata's date, else the latest full date of the text outside its credit blocks: a
    link to another story or video ("WATCH (Aired <date>): ...") or a byline dates no report."""
    if given := normalize_date(draft.meta.get("date")):
        return given, draft.date_basis
    for b in blocks:
        if b.kind == "credit":
            text = text[: b.start] + " " * (b.end - b.start) + text[b.end :]
    if inferred := infer_date(text):
        return inferred, "inferred"
    return None, "unknown"


def _title(text: str, blocks: Sequence[Block]) -> str:
    """No title given: the first sentence of the first paragraph of prose or heading (without its
    dateline), else its first words."""
    lead = next((b for b in blocks if b.kind not in _NOT_TITLE_KINDS), blocks[0] if blocks else None)
    first = text[lead.start : lead.end] if lead else ""
    first = _DATELINE.sub("", first, count=1) or first
    if len(first) <= TITLE_MAX_CHARS:
        return first
    if sentence_end := _first_sentence_end(first):
        return first[:sentence_end]
    return first[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _first_sentence_end(text: str) -> int | None:
    ends = _SENTENCE_END.finditer(text, 0, TITLE_MAX_CHARS + 1)
    return next((m.end() for m in ends if ends_sentence(text, m.start() + 1)), None)


def _source(meta: dict[str, str]) -> str:
    try:
        host = urlsplit(meta.get("url", "")).hostname or ""
    except ValueError:  # a malformed URL ("http://[x") names no outlet
        host = ""
    return meta.get("source") or host.removeprefix("www.")


def build_document(draft: Draft, path: str) -> Document:
    """A Document from a draft: date (given or inferred), language, typed blocks, title."""
    meta = dict(draft.meta)
    blocks = find_blocks(draft.text)
    date, basis = _date(draft, draft.text, blocks)
    return Document(
        id=draft.doc_id,
        title=meta.get("title") or _title(draft.text, blocks),
        source=_source(meta),
        date=date,
        date_basis=basis,
        language=meta.get("language") or detect_language(draft.text),
        url=meta.get("url", ""),
        path=path,
        text=draft.text,
        blocks=blocks,
        translated_from=meta.get("translated_from", ""),
    )


def parse_file(name: str, data: bytes) -> FileParse:
    """Parse one file's bytes with the reader its suffix names; raises ReadFailure."""
    reader = READERS.get(Path(name).suffix.lower())
    if reader is None:
        raise ReadFailure(_unsupported(Path(name).suffix))
    if len(data) > MAX_FILE_BYTES:
        raise ReadFailure(_too_big(len(data)))
    drafts, problems = reader(decode(data), Path(name).stem)
    return FileParse(tuple(build_document(d, "") for d in drafts), tuple(problems))


def _parse_safely(name: str, data: bytes) -> FileParse:
    """parse_file, with any failure turned into the file's one problem."""
    try:
        return parse_file(name, data)
    except ReadFailure as exc:
        return FileParse((), (str(exc),))
    except Exception as exc:  # a parser bug on one odd file must never lose the rest of the corpus
        return FileParse((), (f"could not be parsed ({exc.__class__.__name__}: {exc})",))


def _unsupported(suffix: str) -> str:
    return f"unsupported file type {suffix or '(none)'!r}; use {', '.join(sorted(READERS))}"


def _too_big(size: int) -> str:
    return f"too large ({size / 2**20:.1f} MB; the limit is {MAX_FILE_MB} MB)"


def _errors(path: str, parse: FileParse) -> list[IngestError]:
    return [IngestError(path, problem) for problem in parse.problems]


def load_bytes(name: str, data: bytes) -> tuple[list[Document], list[IngestError]]:
    """Documents from an uploaded file's bytes (the reader is chosen by the name's suffix)."""
    name = shown(name)
    parse = _parse_safely(name, data)
    documents = [replace(d, path=name) for d in parse.documents]
    return unique_ids(documents), _errors(name, parse)


def shown(path: str | Path) -> str:
    """A path as text that any encoder takes: a name that is not UTF-8 (bytes b"bad\\xff.txt",
    which Python holds as lone surrogates) reads "bad\\xff.txt", every other one is unchanged."""
    raw = str(path).encode("utf-8", "surrogateescape" if _escaped_only(str(path)) else "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def _escaped_only(text: str) -> bool:
    """Every surrogate in the text is one os.fsdecode made of an undecodable byte (U+DC80-U+DCFF)."""
    return all(not "\ud800" <= c <= "\udfff" or "\udc80" <= c <= "\udcff" for c in text)


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is never opened (a FIFO would block the run until a writer came)."""
    kind = next((name for test, name in _SPECIAL if test(mode)), None if stat.S_ISREG(mode) else "special")
    return None if kind is None else f"{kind}, not a regular file: skipped without opening it"


def _os_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop: skipped"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return "a broken symbolic link (its target does not exist)"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    return f"cannot read the file ({exc.strerror or exc})"


def _problem(path: Path) -> str | None:
    """Why the path (its link followed) cannot be read as a file, or None when it can."""
    try:
        return _not_regular(path.stat().st_mode)
    except OSError as exc:
        return _os_problem(path, exc)


def _walk(folder: Path, errors: list[IngestError]) -> Iterator[Path]:
    def unreadable(exc: OSError) -> None:
        where = shown(exc.filename if exc.filename is not None else folder)
        errors.append(IngestError(where, f"cannot read the folder ({exc.strerror or exc})"))

    # followlinks stays False: a link to a folder (or a link loop) is never walked into twice
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for name in files:
            if not name.startswith(".") and not NOT_DOCUMENTS.match(name):
                yield Path(root) / name


def _given_files(given: Path, errors: list[IngestError]) -> list[Path]:
    try:
        is_dir = stat.S_ISDIR(given.stat().st_mode)
    except OSError as exc:
        errors.append(IngestError(shown(given), _os_problem(given, exc)))
        return []
    return list(_walk(given, errors)) if is_dir else [given]


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestError]]:
    """Every file named or under a named folder (hidden ones skipped), sorted by path, once each.

    Special files, broken links and link loops are errors here: none is ever opened."""
    found: dict[str, Path] = {}
    errors: list[IngestError] = []
    for given in map(Path, paths):
        for path in _given_files(given, errors):
            if problem := _problem(path):
                errors.append(IngestError(shown(path), problem))
            else:
                found[os.path.realpath(path)] = path
    return sorted(found.values(), key=lambda p: p.as_posix()), errors


# Opening never waits: should a checked path have become a FIFO since, open() returns at once.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)


def _read(path: Path) -> bytes:
    try:
        info = path.stat()  # checked before reading: a huge file or a FIFO is never opened
        if problem := _not_regular(info.st_mode):
            raise ReadFailure(problem)
        if info.st_size > MAX_FILE_BYTES:
            raise ReadFailure(_too_big(info.st_size))
        if path.suffix.lower() not in READERS:
            raise ReadFailure(_unsupported(path.suffix))
        with os.fdopen(os.open(path, _OPEN_FLAGS), "rb") as handle:
            if problem := _not_regular(os.fstat(handle.fileno()).st_mode):
                raise ReadFailure(problem)
            data = handle.read(MAX_FILE_BYTES + 1)  # a file that grew since stat is still capped
    except OSError as exc:
        raise ReadFailure(_os_problem(path, exc)) from None
    if len(data) > MAX_FILE_BYTES:
        raise ReadFailure(_too_big(len(data)))
    return data


def load_file(path: Path, cache: ParseCache) -> tuple[FileParse, bool]:
    """One file's parse, from the cache when its bytes are unchanged; True when parsed now."""
    data = _read(path)
    name = shown(path.name)  # the document id comes from it: readable, whatever the file system held
    key = cache_key(reading_version(), name, data)
    if (cached := cache.get(key)) is not None:
        return cached, False
    parse = _parse_safely(name, data)
    cache.put(key, parse)
    return parse, True


def unique_ids(documents: Sequence[Document]) -> list[Document]:
    """Documents with unique ids: a repeated id gets -2, -3... in corpus order."""
    ids = numbered_ids(d.id for d in documents)
    return [doc if new == doc.id else replace(doc, id=new) for doc, new in zip(documents, ids, strict=True)]


def load_corpus(
    paths: Sequence[str | Path],
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Every document under the paths, in path order; unusable files become errors.
    ``progress(done, total)`` hears of each file read."""
    files, errors = collect_files(paths)
    cache = ParseCache(cache_dir if cache_dir is not None else default_cache_dir())
    documents: list[Document] = []
    parsed = 0
    for done, path in enumerate(files, start=1):
        if progress:
            progress(done - 1, len(files))
        where = shown(path)
        try:
            parse, fresh = load_file(path, cache)
        except ReadFailure as exc:
            errors.append(IngestError(where, str(exc)))
            continue
        except Exception as exc:  # e.g. a cache or file-system oddity: this file's error, not the run's
            errors.append(IngestError(where, f"could not be read ({exc.__class__.__name__}: {exc})"))
            continue
        parsed += fresh
        documents.extend(replace(d, path=where) for d in parse.documents)
        errors.extend(_errors(where, parse))
    if progress:
        progress(len(files), len(files))
    _language_model.cache_clear()  # the corpus is read: the model's memory goes back (see there)
    return Corpus(tuple(unique_ids(documents)), tuple(errors), parsed)
