"""Whom a statement is about (targets) and issue discovery over a small hand-written corpus."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from lib.extract import issues, positions, targets
from lib.records import Actor, Document, Mention, Quote

ACTORS = {
    "mara-venn": Actor("mara-venn", "Mara Venn", "person", affiliation="green-league"),
    "green-league": Actor("green-league", "Green League", "organization"),
    "tomas-orrin": Actor("tomas-orrin", "Tomas Orrin", "person"),
    "lio-park": Actor("lio-park", "Lio Park", "person"),
    "eastport": Actor("eastport", "Eastport", "place"),
}


def _doc(text: str) -> Document:
    return Document("d1", "", "Ledger", "2023-05-02", "header", "en", "", "", text)


def _mentions(text: str) -> list[Mention]:
    names = {
        "Mara Venn": "mara-venn",
        "Tomas Orrin": "tomas-orrin",
        "Orrin": "tomas-orrin",
        "Lio Park": "lio-park",
    }
    names |= {"Eastport": "eastport", "Green League": "green-league"}
    found = []
    for name, actor in names.items():
        for m in re.finditer(rf"\b{name}\b", text):
            if not any(f.start <= m.start() < f.end for f in found):
                found.append(Mention("d1", actor, name, m.start(), m.end()))
    return sorted(found, key=lambda m: m.start)


def _quote(text: str, said: str, speaker: str) -> Quote:
    start = text.index(said)
    return Quote("d1", speaker, "", said, "direct", "said", start, start + len(said), 0.9)


@pytest.mark.parametrize(
    ("text", "said", "speaker", "want"),
    [
        (  # named in the statement, blamed
            'Mara Venn spoke in Eastport. "Tomas Orrin has been a disgrace," she said.',
            "Tomas Orrin has been a disgrace",
            "mara-venn",
            [("tomas-orrin", "neg", "named")],
        ),
        (  # praise; the place named is a setting, not a target
            'Mara Venn said: "Lio Park has done excellent work in Eastport."',
            "Lio Park has done excellent work in Eastport.",
            "mara-venn",
            [("lio-park", "pos", "named")],
        ),
        (  # a pronoun read as the person named before it; negated praise
            'Tomas Orrin spoke on Monday. "He is not honest," Mara Venn said.',
            "He is not honest,",
            "mara-venn",
            [("tomas-orrin", "neg", "pronoun")],
        ),
        (  # the speaker's own body is never its target; no evaluative word: no polarity
            'Mara Venn said: "The Green League will meet Lio Park on Friday."',
            "The Green League will meet Lio Park on Friday.",
            "mara-venn",
            [("lio-park", None, "named")],
        ),
    ],
)
def test_targets(nlp: Any, text: str, said: str, speaker: str, want: list[tuple[str, Any, str]]) -> None:
    doc = _doc(text)
    (quote,) = targets.with_targets(doc, nlp(text), [_quote(text, said, speaker)], _mentions(text), ACTORS)
    assert [(t.actor_id, t.polarity, t.basis) for t in quote.targets][: len(want)] == want
    # the bodies the speaker speaks for are never its targets (the speaker only as itself, below)
    assert all(t.actor_id not in targets.speaker_side(speaker, ACTORS) - {speaker} for t in quote.targets)


ANAPHORA = {
    **ACTORS,
    "harbour-board": Actor("harbour-board", "Harbour Board", "organization"),
    "ada-quell": Actor("ada-quell", "Ada Quell", "person"),
}


def _named(text: str, names: dict[str, str]) -> list[Mention]:
    return [
        Mention("d1", actor, m.group(0), m.start(), m.end())
        for name, actor in names.items()
        for m in re.finditer(rf"\b{name}\b", text)
    ]


@pytest.mark.parametrize(
    ("text", "said", "speaker", "want"),
    [
        (  # an office named instead of its holder: the person the report gives that title
            "President Ada Quell signed the bill. Ada Quell spoke in Eastport. "
            'Lio Park said: "The president has been reckless."',
            "The president has been reckless.",
            "lio-park",
            ("ada-quell", "neg", "description"),
        ),
        (  # "they": a body named as subject before it, not a person
            "The Harbour Board raised the fees. Lio Park met the board. "
            'Tomas Orrin said: "They have failed the fishermen."',
            "They have failed the fishermen.",
            "tomas-orrin",
            ("harbour-board", "neg", "pronoun"),
        ),
        (  # the speaker speaking of itself, nothing bad said: it presents itself well
            "Ada Quell was questioned. Ada Quell answered. Ada Quell left. "
            'Ada Quell said: "I have always served this town."',
            "I have always served this town.",
            "ada-quell",
            ("ada-quell", "pos", "topic"),
        ),
    ],
)
def test_anaphoric_and_self_targets(
    nlp: Any, text: str, said: str, speaker: str, want: tuple[str, Any, str]
) -> None:
    names = {
        "Ada Quell": "ada-quell",
        "Lio Park": "lio-park",
        "Tomas Orrin": "tomas-orrin",
        "Harbour Board": "harbour-board",
    }
    (quote,) = targets.with_targets(
        _doc(text), nlp(text), [_quote(text, said, speaker)], _named(text, names), ANAPHORA
    )
    first = quote.targets[0]
    assert (first.actor_id, first.polarity, first.basis) == want


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Gov. Ada Quell spoke. Later Ada Quell left.", {"governor": "ada-quell"}),
        ("President Ada Quell met Lio Park.", {"president": "ada-quell"}),
        ("Ada Quell met Lio Park.", {}),  # no title written: no holder
        ("The president met Ada Quell.", {}),  # a title not before the name
    ],
)
def test_title_holders(text: str, holder: dict[str, str]) -> None:
    mentions = _named(text, {"Ada Quell": "ada-quell", "Lio Park": "lio-park"})
    assert targets.title_holders(text, mentions, ANAPHORA) == holder


def test_topic_target_is_the_reports_protagonist(nlp: Any) -> None:
    text = (
        "Tomas Orrin closed the port. Tomas Orrin said it was needed. Critics of Tomas Orrin met. "
        'Lio Park said: "This is a terrible mistake."'
    )
    (quote,) = targets.with_targets(
        _doc(text),
        nlp(text),
        [_quote(text, "This is a terrible mistake.", "lio-park")],
        _mentions(text),
        ACTORS,
    )
    assert [(t.actor_id, t.polarity, t.basis) for t in quote.targets] == [("tomas-orrin", "neg", "topic")]


def _statement(doc: str, n: int, text: str) -> Quote:
    return Quote(doc, "mara-venn", "", text, "direct", "said", n * 100, n * 100 + len(text), 0.9)


CORPUS = [
    ("r1", "The ferry fares are too high for families"),
    ("r1", "We need lower ferry fares this summer"),
    ("r2", "Ferry fares hurt the island's shops"),
    ("r2", "The harbour fees must fall in June"),
    ("r3", "Harbour fees will cost the fishermen a fortune"),
    ("r3", "The new harbour fees are sound"),
    ("r3", "People want answers"),  # light nouns only: no issue
]


def test_issue_discovery(nlp: Any) -> None:
    quotes = []
    for n, (doc, text) in enumerate(CORPUS):
        phrases = issues.quote_phrases(nlp(text), _statement(doc, 0, text))
        q = _statement(doc, n, text)
        quotes.append(q.__class__(**{**q.__dict__, "phrases": phrases}))
    found = issues.discover_issues(quotes)
    labels = [i.label for i in found]
    assert any("ferry fare" in label for label in labels)
    assert any("harbour fee" in label for label in labels)
    assert not any("people" in label for label in labels)
    ferry = next(i for i in found if "ferry fare" in i.label)
    assert [s for _, s in positions.classify("We need lower ferry fares", "said", [ferry])] == ["demands"]


def test_issue_discovery_needs_several_reports() -> None:
    one = [_statement("r1", n, "ferry fares") for n in range(5)]
    one = [q.__class__(**{**q.__dict__, "phrases": ("ferry fare",)}) for q in one]
    assert issues.discover_issues(one) == []


def test_pack_is_loaded_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(positions.PACK_ENV, raising=False)
    doc = tmp_path / "a.txt"
    assert positions.pack_for([str(doc)]) is None
    assert positions.issues_of([], [str(doc)]) == []
    (tmp_path / positions.CORPUS_CONFIG).write_text("issue_pack: russia-nato-2022-01\n", encoding="utf-8")
    assert positions.pack_for([str(doc)]) == "russia-nato-2022-01"
    assert {i.id for i in positions.issues_of([], [str(doc)])} >= {"nato-open-door", "countermeasures"}
    monkeypatch.setenv(positions.PACK_ENV, "no-such-pack")
    with pytest.raises(ValueError, match="no-such-pack"):
        positions.issues_of([], [str(doc)])


def test_the_seed_folder_names_its_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import DATA

    monkeypatch.delenv(positions.PACK_ENV, raising=False)
    assert positions.pack_for([str(DATA / "seed-000.txt")]) == "russia-nato-2022-01"


@pytest.mark.parametrize(
    ("text", "said", "want"),
    [
        (  # reported speech: "he" of the speaker's gender is the speaker, not the woman named before
            "Ada Quell met Tomas Orrin. She said she was pleased. Tomas Orrin said he was tired. "
            "Tomas Orrin said he would resign.",
            "he would resign",
            None,
        ),
        (  # "she" agrees with the woman only, though a man was named last
            "Ada Quell said she was tired. Tomas Orrin said he was not. "
            "Tomas Orrin said she had been reckless.",
            "she had been reckless",
            ("ada-quell", "neg", "pronoun"),
        ),
    ],
)
def test_pronouns_agree_in_gender(nlp: Any, text: str, said: str, want: tuple[str, Any, str] | None) -> None:
    names = {"Ada Quell": "ada-quell", "Tomas Orrin": "tomas-orrin"}
    start = text.rindex(said)
    quote = Quote("d1", "tomas-orrin", "", said, "indirect", "said", start, start + len(said), 0.9)
    (found,) = targets.with_targets(_doc(text), nlp(text), [quote], _named(text, names), ANAPHORA)
    pronouns = [(t.actor_id, t.polarity, t.basis) for t in found.targets if t.basis == "pronoun"]
    assert pronouns == ([want] if want else [])


def test_pronoun_genders(nlp: Any) -> None:
    text = "Ada Quell said she would run. Tomas Orrin said he was tired. Lio Park left."
    mentions = _named(text, {"Ada Quell": "ada-quell", "Tomas Orrin": "tomas-orrin", "Lio Park": "lio-park"})
    genders = targets.pronoun_genders(nlp(text), sorted(mentions, key=lambda m: m.start), ANAPHORA)
    assert genders == {"ada-quell": "f", "tomas-orrin": "m"}  # no pronoun after Lio Park: unknown


STANCE_ACTORS = {
    **ACTORS,
    "freedom-league": Actor("freedom-league", "Freedom League", "organization"),
}
STANCE_NAMES = {
    "Mara Venn": "mara-venn",
    "Tomas Orrin": "tomas-orrin",
    "Orrin": "tomas-orrin",
    "Freedom League": "freedom-league",
}


@pytest.mark.parametrize(
    ("text", "said", "cue", "want"),
    [
        (  # the reporter's verb backs the target
            'Mara Venn praised Tomas Orrin on Monday: "He kept the harbour open."',
            "He kept the harbour open.",
            "praised",
            "pos",
        ),
        (  # ... or opposes it
            'Mara Venn condemned Tomas Orrin on Monday: "He kept the harbour open."',
            "He kept the harbour open.",
            "condemned",
            "neg",
        ),
        (  # a negated praise
            '"Tomas Orrin did not do a good job," Mara Venn said.',
            "Tomas Orrin did not do a good job,",
            "said",
            "neg",
        ),
        (  # a contraction negates too
            '"Tomas Orrin wasn\'t fair to the fishermen," Mara Venn said.',
            "Tomas Orrin wasn't fair to the fishermen,",
            "said",
            "neg",
        ),
        (  # "no longer" denies what follows
            '"Tomas Orrin no longer supports the fishermen," Mara Venn said.',
            "Tomas Orrin no longer supports the fishermen,",
            "said",
            "neg",
        ),
        (  # warning against what the target does
            'Mara Venn warned against the plan of Tomas Orrin: "It will ruin the valley."',
            "It will ruin the valley.",
            "warned",
            "neg",
        ),
        (  # a demand made of the target
            '"Tomas Orrin must answer for the closures," Mara Venn said.',
            "Tomas Orrin must answer for the closures,",
            "said",
            "neg",
        ),
        (  # a word of a name is no judgement: nothing said of the target
            '"Tomas Orrin met the Freedom League on Monday," Mara Venn said.',
            "Tomas Orrin met the Freedom League on Monday,",
            "said",
            None,
        ),
        (  # a judgement of what harms the target's good name blames
            '"Tomas Orrin wrecked his good name," Mara Venn said.',
            "Tomas Orrin wrecked his good name,",
            "said",
            "neg",
        ),
    ],
)
def test_polarity_toward_the_target(nlp: Any, text: str, said: str, cue: str, want: str | None) -> None:
    start = text.index(said)
    speaker_at = text.index("Mara Venn")
    quote = Quote(
        "d1", "mara-venn", "Mara Venn", said, "direct", cue, start, start + len(said), 0.9,
        speaker_start=speaker_at, speaker_end=speaker_at + len("Mara Venn"),
    )  # fmt: skip
    mentions = sorted(_named(text, STANCE_NAMES), key=lambda m: m.start)
    (found,) = targets.with_targets(_doc(text), nlp(text), [quote], _outermost(mentions), STANCE_ACTORS)
    orrin = next(t for t in found.targets if t.actor_id == "tomas-orrin")
    assert orrin.polarity == want


def test_reporters_frame_stays_in_its_paragraph(nlp: Any) -> None:
    """The words around a statement are read within its paragraph: a sentence the parser runs
    over a blank line does not lend the statement the next paragraph's words."""
    text = 'Mara Venn said "we met Tomas Orrin on Monday"\n\nand a disgraceful day it was for the valley'
    said = "we met Tomas Orrin on Monday"
    start = text.index(said)
    quote = Quote("d1", "mara-venn", "Mara Venn", said, "direct", "said", start, start + len(said), 0.9)
    sdoc = nlp(text)
    report = targets.report_of(_doc(text), _named(text, {"Tomas Orrin": "tomas-orrin"}), ACTORS, sdoc)
    assert "disgraceful" not in targets._reporting_words(quote, sdoc, report)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions not inside a longer one ("Orrin" in "Tomas Orrin")."""
    return [
        m
        for m in mentions
        if not any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in mentions
        )
    ]


REPRESENTED = {
    **ACTORS,
    "ama-dale": Actor("ama-dale", "Ama Dale", "person"),
}
REPRESENTED_NAMES = {
    "Ama Dale": "ama-dale",
    "Dale": "ama-dale",
    "Tomas Orrin": "tomas-orrin",
    "Orrin": "tomas-orrin",
}


@pytest.mark.parametrize(
    ("text", "speaker_text", "want"),
    [
        (
            'Ama Dale, Tomas Orrin\'s lawyer, spoke. "This ruling is a disgrace," Dale said.',
            "Dale",
            "tomas-orrin",
        ),
        (
            'Tomas Orrin\'s lawyer, Ama Dale, spoke. "This ruling is a disgrace," Dale said.',
            "Dale",
            "tomas-orrin",
        ),
        ('Orrin spokeswoman Ama Dale spoke. "This ruling is a disgrace," Dale said.', "Dale", "tomas-orrin"),
        (
            'Ama Dale, a lawyer for Mr. Orrin, spoke. "This ruling is a disgrace," Dale said.',
            "Dale",
            "tomas-orrin",
        ),
        (  # a speaker given only by the role: the last one named as having it
            'Tomas Orrin\'s attorney filed the appeal. "This ruling is a disgrace," the attorney said.',
            "the attorney",
            "tomas-orrin",
        ),
        # negative cases: the names are near, but no role joins them
        ('Ama Dale met Tomas Orrin. "This ruling is a disgrace," Dale said.', "Dale", None),
        ('Ama Dale and Tomas Orrin\'s lawyer met. "This ruling is a disgrace," Dale said.', "Dale", None),
        ('Tomas Orrin left. "This ruling is a disgrace," the mayor said.', "the mayor", None),
        # a former aide no longer speaks for the one it served
        (
            'Ama Dale, a former aide to Mr. Orrin, spoke. "This ruling is a disgrace," Dale said.',
            "Dale",
            None,
        ),
        (
            'Ama Dale, Tomas Orrin\'s former lawyer, spoke. "This ruling is a disgrace," Dale said.',
            "Dale",
            None,
        ),
        ('Former Orrin aide Ama Dale spoke. "This ruling is a disgrace," Dale said.', "Dale", None),
    ],
)
def test_represented(nlp: Any, text: str, speaker_text: str, want: str | None) -> None:
    """Whom the speaker speaks for, from an apposition or a role named before the statement."""
    said = "This ruling is a disgrace,"
    start = text.index(said)
    at = text.index(speaker_text, start)
    speaker_id = "ama-dale" if speaker_text == "Dale" else None
    quote = Quote(
        "d1", speaker_id, speaker_text, said, "direct", "said", start, start + len(said), 0.9,
        speaker_start=at, speaker_end=at + len(speaker_text),
    )  # fmt: skip
    mentions = sorted(_named(text, REPRESENTED_NAMES), key=lambda m: m.start)
    report = targets.report_of(_doc(text), _outermost(mentions), REPRESENTED, nlp(text))
    assert targets.represented(quote, text, report) == want


def test_a_representative_defends_its_principal(nlp: Any) -> None:
    """The blame in a lawyer's statement is of the other side, not of the client it is about."""
    text = (
        "Tomas Orrin was dismissed. Orrin will appeal. Ama Dale, Orrin's lawyer, spoke. "
        '"This decision is a disgrace," Dale said.'
    )
    said = "This decision is a disgrace,"
    start, at = text.index(said), text.rindex("Dale")
    quote = Quote(
        "d1", "ama-dale", "Dale", said, "direct", "said", start, start + len(said), 0.9,
        speaker_start=at, speaker_end=at + 4,
    )  # fmt: skip
    mentions = sorted(_named(text, REPRESENTED_NAMES), key=lambda m: m.start)
    (found,) = targets.with_targets(_doc(text), nlp(text), [quote], _outermost(mentions), REPRESENTED)
    assert [(t.actor_id, t.polarity) for t in found.targets if t.actor_id == "tomas-orrin"] == [
        ("tomas-orrin", "pos")
    ]


def test_he_and_she_are_people(nlp: Any) -> None:
    """A body named before "she" is never her: the pronoun reads as the person."""
    text = 'Mara Venn spoke. The Green League met. "She has been reckless," Lio Park said.'
    said = "She has been reckless,"
    start = text.index(said)
    quote = Quote("d1", "lio-park", "Lio Park", said, "direct", "said", start, start + len(said), 0.9)
    names = {"Mara Venn": "mara-venn", "Green League": "green-league", "Lio Park": "lio-park"}
    (found,) = targets.with_targets(_doc(text), nlp(text), [quote], _named(text, names), ACTORS)
    pronoun = [t.actor_id for t in found.targets if t.basis == "pronoun"]
    assert pronoun == ["mara-venn"]


def test_represented_reads_the_speakers_full_name_under_another_id(nlp: Any) -> None:
    """The surname the statement gives its speaker is the full name the report apposed the role
    to, even where the two were resolved to different actors."""
    text = 'Ama Dale, Tomas Orrin\'s lawyer, spoke. "This ruling is a disgrace," Dale said.'
    said = "This ruling is a disgrace,"
    start, at = text.index(said), text.rindex("Dale")
    quote = Quote(
        "d1", "dale", "Dale", said, "direct", "said", start, start + len(said), 0.9,
        speaker_start=at, speaker_end=at + 4,
    )  # fmt: skip
    actors = {**REPRESENTED, "dale": Actor("dale", "Dale", "person")}
    mentions = _outermost(
        sorted(_named(text, {"Ama Dale": "ama-dale", "Tomas Orrin": "tomas-orrin"}), key=lambda m: m.start)
    )
    mentions.append(Mention("d1", "dale", "Dale", at, at + 4))
    report = targets.report_of(_doc(text), mentions, actors, nlp(text))
    assert targets.represented(quote, text, report) == "tomas-orrin"


@pytest.mark.parametrize(
    "said",
    [
        "Mara Venn: calm, steady. Tomas Orrin: reckless, dishonest.",
        "Tomas Orrin: reckless, dishonest. Mara Venn: calm, steady.",
    ],
)
def test_each_target_is_read_in_its_own_sentence_first(nlp: Any, said: str) -> None:
    """Two targets judged in two sentences of one statement: each takes its sentence's side."""
    text = f'Lio Park tweeted: "{said}"'
    start = text.index(said)
    quote = Quote("d1", "lio-park", "Lio Park", said, "direct", "tweeted", start, start + len(said), 0.9)
    names = {"Mara Venn": "mara-venn", "Tomas Orrin": "tomas-orrin", "Lio Park": "lio-park"}
    (found,) = targets.with_targets(_doc(text), nlp(text), [quote], _named(text, names), ACTORS)
    want = {"mara-venn": "pos", "tomas-orrin": "neg"}
    assert found.targets and all(t.polarity == want[t.actor_id] for t in found.targets)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Several ferries of the harbour were laid up.", "ferry"),  # counts, names no kind
        ("The actual problem is the harbour fee.", "harbour fee"),
        ("They want a total ban on trawling.", "ban"),
        ("The nuclear deal was signed.", "nuclear deal"),  # a relational adjective names a kind
        ("The federal budget was cut.", "federal budget"),
    ],
)
def test_quantifying_adjectives_name_no_kind(nlp: Any, text: str, phrase: str) -> None:
    phrases = issues.quote_phrases(nlp(text), _statement("r1", 0, text))
    assert phrase in phrases and not any(p.split()[0] in ("several", "actual", "total") for p in phrases)


@pytest.mark.parametrize(
    ("text", "kept", "shell"),
    [
        ("Our goal is to cut the harbour fees.", "harbour fee", "goal"),
        ("The new ferry route is a great opportunity for the island.", "ferry route", "opportunity"),
        ("In addition, the initiative will lower the ferry fares.", "ferry fare", "initiative"),
        ("The implementation of the fishing quota takes a long period.", "fishing quota", "period"),
    ],
)
def test_shell_nouns_name_no_issue(nlp: Any, text: str, kept: str, shell: str) -> None:
    """A shell noun points at a content the clause gives ("the goal is to ..."): it is no issue,
    nor is the connective "in addition"; the matter the clause names still is."""
    phrases = issues.quote_phrases(nlp(text), _statement("r1", 0, text))
    assert kept in phrases
    assert not any(p.split()[-1] in (shell, "addition", "implementation") for p in phrases), phrases


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("They oppose same-sex marriage.", "same-sex marriage"),  # one word, split in three by the parser
        ("We need a long-term plan.", "long-term plan"),
        ("The cross-border trade deal failed.", "trade deal"),  # not glued to the kept modifier
        ("The pre - war plan.", "war plan"),  # spaced: no compound word
    ],
)
def test_a_hyphenated_modifier_is_one_word(nlp: Any, text: str, phrase: str) -> None:
    assert phrase in issues.quote_phrases(nlp(text), _statement("r1", 0, text))


def _said_in(nlp: Any, narration: str, said: str) -> tuple[str, ...]:
    """The key phrases of a statement ``said`` after a report's ``narration``."""
    text = f"{narration} “{said}” she said."
    start = text.index(said)
    quote = Quote("r1", "mara-venn", "", said, "direct", "said", start, start + len(said), 0.9)
    return issues.quote_phrases(nlp(text), quote)


@pytest.mark.parametrize(
    ("narration", "said", "phrase"),
    [
        # a definite description refers back to the one kind the report introduced
        ("The grain deal expired on Monday.", "The deal was a lifeline for us.", "grain deal"),
        ("Officials debated the new grain deals.", "Nobody reads the deal anyway.", "grain deal"),
        # two kinds in the report: which deal is not said
        ("The grain deal and the port deal expired.", "The deal was a lifeline for us.", "deal"),
        ("Rain fell on the harbour.", "The deal was a lifeline for us.", "deal"),  # none introduced
    ],
)
def test_a_bare_head_means_the_one_kind_its_report_names(
    nlp: Any, narration: str, said: str, phrase: str
) -> None:
    assert phrase in _said_in(nlp, narration, said)


def _phrased(rows: list[tuple[str, tuple[str, ...]]]) -> list[Quote]:
    """One statement per row (report id, its key phrases), as quote_phrases would have given them."""
    return [replace(_statement(doc, n, "words"), phrases=p) for n, (doc, p) in enumerate(rows)]


def test_a_category_noun_is_split_into_its_kinds() -> None:
    """ "deal" qualified three ways across the corpus names a category: grain deal and port deal are
    issues of their own, and a bare "deal" (which one is not said) is no issue and no cue."""
    rows = [
        *[("r1", ("grain deal",)), ("r2", ("grain deal",)), ("r3", ("grain deal",))],
        *[("r4", ("port deal",)), ("r5", ("port deal",)), ("r6", ("port deal",))],
        *[("r7", ("trade deal",)), ("r7", ("deal",)), ("r8", ("deal",)), ("r9", ("deal",))],
    ]
    quotes = _phrased(rows)
    found = issues.discover_issues(quotes)
    assert sorted(i.label for i in found) == ["grain deal", "port deal"]
    assert not any("deal" in i.cues for i in found)


def test_a_head_with_few_kinds_keeps_its_bare_form() -> None:
    """Within one story (reports of one event): in unrelated reports the kinds and the bare
    uses are different matters (tests/extract/test_issues.py)."""
    rows = [("r1", ("border wall",)), ("r2", ("wall",)), ("r3", ("wall",)), ("r3", ("steel wall",))]
    quotes = _phrased(rows)
    (wall,) = issues.discover_issues(quotes, related=issues.event_reports([("r1", "r2", "r3")]))
    assert {"wall", "border wall", "steel wall"} <= set(wall.cues)


def test_a_statement_addresses_the_issue_its_bare_head_means() -> None:
    grain = positions.Issue(
        "found-grain-deal", "grain deal", "", ("grain deal", "grain deals"), whole_words=True
    )
    text = "We must save the deal before winter."
    assert positions.classify(text, "said", [grain]) == []
    assert positions.classify(text, "said", [grain], ("grain deal",)) == [(grain, "demands")]
    # a pack's issue is matched by its cue phrases only
    pack = positions.Issue("grain", "grain", "", ("grain deal",))
    assert positions.classify(text, "said", [pack], ("grain deal",)) == []


@pytest.mark.parametrize(("shared", "merged"), [(2, False), (3, True)])
def test_phrase_groups_merge_on_enough_shared_statements(shared: int, merged: bool) -> None:
    """Two groups are one issue when their statements mostly coincide, and in at least
    COOCCUR_LEAST statements: two long statements naming both are not enough."""
    a = issues._Group(issues.Counter({"ferry fare": 3}), {0, 1, 2})
    b = issues._Group(issues.Counter({"harbour fee": 3}), set(range(3 - shared, 6 - shared)))
    assert (len(issues._merge_cooccurring([a, b])) == 1) is merged


def test_a_joined_groups_one_words_are_no_cue() -> None:
    """ "ferry fare" statements that also say "money" and "summer timetable": the group joined for
    co-occurring lends its several-word phrases, not its one words, which would claim every
    statement about any money."""
    rows = [
        ("r1", ("ferry fare", "money", "summer timetable")),
        ("r2", ("ferry fare", "money", "summer timetable")),
        ("r3", ("ferry fare", "money", "summer timetable")),
        ("r3", ("ferry fare",)),
    ]
    quotes = _phrased(rows)
    (fare,) = issues.discover_issues(quotes)
    assert fare.id == "found-ferry-fare"
    assert "summer timetable" in fare.cues and "money" not in fare.cues
    assert "money" not in fare.label


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("We need more security at the harbour.", True),
        ("Security is our first concern.", True),  # capitalised at a sentence's start only
        ("We will protect Harbour Security, the fund.", False),  # a name ending in the word
        ("The Security Board met on Monday.", False),  # a name opening with it
    ],
)
def test_a_found_issues_word_inside_a_name_is_not_the_issue(text: str, addressed: bool) -> None:
    security = positions.Issue("found-security", "security", "", ("security",), whole_words=True)
    assert bool(positions.classify(text, "said", [security])) is addressed
