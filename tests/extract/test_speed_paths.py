"""Behaviour of the extraction's faster paths: each gives what the slower reading gave.

``targets.represented`` tries only the mentions near each of the speaker's names (the report's
mentions in text order), ``case.is_title_line`` gives up on prose before upper-casing a line, and
``ingest.detect_language`` lets py3langid's model go after a corpus read. Sentences written for
these tests; names fictional.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from py3langid import langid

from lib.extract import targets
from lib.extract.actors.case import is_title_line
from lib.read import ingest
from lib.records import Actor, Document, Mention, Quote

# an organisation's name longer than targets.REPRESENTATIVE_REACH: its mention starts further
# before the speaker's name than the reach, and still ends right before it
LONG_BODY = "Northbridge and Eastvale United Fictional Dockworkers and Warehouse Staff Federation"
ACTORS = {
    "ama-dale": Actor("ama-dale", "Ama Dale", "person"),
    "tomas-orrin": Actor("tomas-orrin", "Tomas Orrin", "person"),
    "mara-venn": Actor("mara-venn", "Mara Venn", "person"),
    "federation": Actor("federation", LONG_BODY, "organization"),
}
NAMES = {
    "Ama Dale": "ama-dale",
    "Tomas Orrin": "tomas-orrin",
    "Mara Venn": "mara-venn",
    LONG_BODY: "federation",
}
SAID = "This ruling is a disgrace,"
CROWD = "Mara Venn spoke to Tomas Orrin. " * 40  # many mentions before the apposition


def _mentions(text: str) -> list[Mention]:
    found = [
        Mention("d1", actor, m.group(0), m.start(), m.end())
        for name, actor in NAMES.items()
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    return sorted(found, key=lambda m: m.start)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (f'{CROWD}{LONG_BODY} lawyer Ama Dale spoke. "{SAID}" Dale said.', "federation"),
        (f'{CROWD}Ama Dale, Tomas Orrin\'s lawyer, spoke. "{SAID}" Dale said.', "tomas-orrin"),
        (f'Ama Dale, Tomas Orrin\'s lawyer, spoke. {CROWD}"{SAID}" Dale said.', "tomas-orrin"),
        # negative cases: the role is there, but not in apposition to the speaker's name
        (f'{LONG_BODY} hired a lawyer. {CROWD}Ama Dale spoke. "{SAID}" Dale said.', None),
        (f'{CROWD}Ama Dale met Tomas Orrin, a lawyer. "{SAID}" Dale said.', None),
        (f'Tomas Orrin\'s lawyer left. {CROWD}Ama Dale spoke. "{SAID}" Dale said.', None),
    ],
)
def test_represented_among_many_mentions(nlp: Any, text: str, want: str | None) -> None:
    start = text.index(SAID)
    at = text.index("Dale", start)
    quote = Quote(
        "d1", "ama-dale", "Dale", SAID, "direct", "said", start, start + len(SAID), 0.9,
        speaker_start=at, speaker_end=at + 4,
    )  # fmt: skip
    doc = Document("d1", "", "Ledger", "2023-05-02", "header", "en", "", "", text)
    report = targets.report_of(doc, _mentions(text), ACTORS, nlp(text))
    assert targets.represented(quote, text, report) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Harbour Board Names Ama Dale New Chair", True),
        ("HARBOUR BOARD NAMES NEW CHAIR", True),
        ("AMA DALE", False),  # capitals, but fewer than three words
        ("Harbour board names new chair after long search", False),
        ("The harbour board met on Tuesday and named Ama Dale its chair. " * 30, False),
        ("Dale Wins", False),
        ("Ferry Fares Rise Again in Eastvale", True),
    ],
)
def test_is_title_line(line: str, want: bool) -> None:
    assert is_title_line(line) is want


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board met on Tuesday and named a new chair for the coming year.",
        "Le conseil du port s'est réuni mardi et a nommé une nouvelle présidente.",
        "Der Hafenrat hat am Dienstag eine neue Vorsitzende gewählt.",
        "El consejo del puerto se reunió el martes y nombró a una nueva presidenta.",
    ],
)
def test_detect_language_as_py3langid(text: str) -> None:
    assert ingest.detect_language(text) == langid.classify(text)[0]


@pytest.mark.parametrize(("text", "want"), [("", "und"), ("12345 -- 678", "und")])
def test_detect_language_without_letters(text: str, want: str) -> None:
    assert ingest.detect_language(text) == want


def test_a_corpus_read_lets_the_language_model_go(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The harbour board named a new chair on Tuesday.", encoding="utf-8")
    corpus = ingest.load_corpus([tmp_path], cache_dir=tmp_path / "cache")
    assert [d.language for d in corpus.documents] == ["en"]
    assert ingest._language_model.cache_info().currsize == 0


# Date rules run only on texts holding a word each of their matches holds (Rule.needs).
DATED = (
    "Last spring the board met twice. On Tuesday, March 4, 2023, it said that two weeks ago the "
    "fund had lost money in the third quarter; the vote is due by noon on Christmas Eve, at 10:30 "
    "a.m. EST, and every year since the 1990s the same day has passed quietly. Later this month "
    "the mayor said nineteen ninety-six was the year it began, in fiscal 2021, on 2022-01-05."
)


def test_case_blind_ascii_is_every_such_character() -> None:
    from lib.extract.dates.patterns import CASE_BLIND_ASCII

    letter = re.compile(r"(?i)[a-z]")
    found = {chr(c) for c in range(128, 0x110000) if letter.fullmatch(chr(c))}
    assert found == set(CASE_BLIND_ASCII)


def test_required_words_read_from_the_pattern() -> None:
    from lib.extract.dates.patterns import required_words

    assert required_words(re.compile(r"(?i)\bthe\s+(?:past|next)\s+weeks?\b")) == (
        (frozenset({"week"}), True),  # the most telling first: longer words, then fewer
        (frozenset({"past", "next"}), True),
        (frozenset({"the"}), True),
    )
    assert required_words(re.compile(r"(?:ab)?C|(?i:dD)+")) == ((frozenset({"c", "dd"}), True),)
    assert required_words(re.compile(r"Mar(?i:CH)")) == (
        (frozenset({"Mar"}), False),
        (frozenset({"ch"}), True),
    )
    assert required_words(re.compile(r"[0-9]+")) == ()
    assert required_words(re.compile(r"a|[bc]")) == ()  # a branch that requires nothing
    assert required_words(re.compile(r"x*y?")) == ()


@pytest.mark.parametrize(
    "text", [DATED, DATED.lower(), DATED.replace("spring", "ſpring"), "Nothing dated here."]
)
def test_date_rules_skip_only_texts_they_cannot_match(text: str) -> None:
    from lib.extract.dates.extract import all_rules, candidates

    every = [(m.span(), rule.name) for rule in all_rules() for m in rule.pattern.finditer(text)]
    assert [(c.match.span(), c.rule.name) for c in candidates(text)] == every
    for rule in all_rules() if "ſ" not in text else ():  # "ſ" matches "s" but lower-cases to itself
        for m in rule.pattern.finditer(text):
            for words, blind in rule.needs:
                held = m.group(0).lower() if blind else m.group(0)
                assert any(w in held for w in words), rule.name
    assert any(r.needs for r in all_rules()) and any(not r.needs for r in all_rules())


def test_opens_clause_reads_as_the_clause_start_pattern() -> None:
    import itertools

    from lib.extract.actors.case import _opens_clause

    pattern = re.compile(r"(?:^|[.!?:;\"“‘(—–-]\s*)$")  # what case statistics tested before
    alphabet = [*'.!?:;"“‘(—–-', " ", "\t", "\u00a0", "\u2003", "\x1c", "a", "Z", "1", ","]
    for n in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=n):
            window = "".join(chars)
            assert _opens_clause(window) == bool(pattern.search(window)), repr(window)


def test_occasion_patterns_read_as_before() -> None:
    from lib.extract.events.extract import SETTING, _occasion_nouns, names_occasion

    for text in ("Speaking at a crowded press conference, she said so.", "He urged a meeting soon."):
        low = " ".join(text.lower().split())
        expected = any(re.search(SETTING.format(re.escape(n)), low) for n in _occasion_nouns())
        assert names_occasion(text) is expected
