"""Quotations and reported speech: hand-written cases, negative cases and the seed gold."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc, Span

from lib.extract.quotes.cues import inflect, load_cues
from lib.extract.quotes.extract import extract_quotes
from lib.extract.quotes.marks import find_marked_spans
from lib.extract.quotes.speakers import BASIS_CERTAINTY, Basis, speaker_tokens
from lib.records import Actor, Block, Document, Mention, Quote
from lib.view.frames import uncertain_speaker

DATA = Path(__file__).resolve().parents[2] / "data"
MARKS = "“”«»‘’\"' "


def _doc(text: str, blocks: tuple[Block, ...] = (), headline: str = "") -> Document:
    return Document("t", headline, "", None, "unknown", "en", "", "", text, blocks)


def _quotes(nlp: Any, text: str, blocks: tuple[Block, ...] = ()) -> list[Quote]:
    return extract_quotes(_doc(text, blocks), nlp(text), [], {})


def _with_actors(nlp: Any, text: str, headline: str = "") -> tuple[list[Quote], dict[str, Actor]]:
    """Quotes with speaker ids from the project's own actor extraction, as in the pipeline."""
    from lib.extract.actors import extract as actors

    doc, sdoc = _doc(text, headline=headline), nlp(text)
    found, mentions = actors.extract_mentions([(doc, sdoc)], actors.load_registry())
    by_id = {a.id: a for a in found}
    return extract_quotes(doc, sdoc, mentions, by_id), by_id


def _shown(quote: Quote, actors: dict[str, Actor]) -> str:
    """What the UI shows: the actor's name when the speaker is resolved to one, else the surface."""
    actor = actors.get(quote.speaker_id) if quote.speaker_id else None
    return actor.name if actor else quote.speaker_text


def _speaker_shown(nlp: Any, text: str, words: str) -> str:
    """What the UI shows as the speaker of the statement holding ``words`` (``_shown``)."""
    quotes, actors = _with_actors(nlp, text)
    return _shown(next(q for q in quotes if words in q.text), actors)


def _bare(text: str) -> str:
    """The words of a statement: no quotation marks, and no "that" opening reported speech (an
    indirect quote includes it, GGT annotation guidelines, section 1)."""
    return re.sub(r"^that\s+", "", text.strip(MARKS)).strip(MARKS)


def _find(quotes: list[Quote], starts: str, contains: str | None = None) -> Quote | None:
    for q in quotes:
        if _bare(q.text).startswith(_bare(starts)) and (contains is None or contains in q.text):
            return q
    return None


# --- quotation marks -------------------------------------------------------------------------

MARK_CASES = [
    ("curly", "He said “we are ready” today.", ["“we are ready”"]),
    ("guillemets", "She said « the budget is final » and left.", ["« the budget is final »"]),
    ("straight", 'He said "we are ready" today.', ['"we are ready"']),
    ("mixed pair", "“the line is defensive » he added.", ["“the line is defensive »"]),
    ("two apostrophes", "''We will win,'' she said.", ["''We will win,''"]),
    ("ascii newswire", "``We will win. We are ready,'' she said.", ["``We will win. We are ready,''"]),
    ("ascii partial", "He called the plan ``reckless'' on Monday.", ["``reckless''"]),
    (
        "stray closer",
        "“A deal is near. We are ready.” to talk,” he said.",
        ["“A deal is near. We are ready.” to talk,”"],
    ),
    ("open to paragraph end", "“We will go on\nNext paragraph.", ["“We will go on"]),
    (
        "nested single",
        "“They chose a ‘reckless course,’ he said.”",
        ["“They chose a ‘reckless course,’ he said.”", "‘reckless course,’"],
    ),
    ("apostrophes are no quotes", "The minister’s plan and the states’ rights.", []),
    ("no marks", "Nobody quoted anything here.", []),
]


@pytest.mark.parametrize(("name", "text", "want"), MARK_CASES, ids=[c[0] for c in MARK_CASES])
def test_marked_spans(name: str, text: str, want: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_marked_spans(text)] == want


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("say", {"says", "said", "saying"}),
        ("reiterate", {"reiterates", "reiterated", "reiterating"}),
        ("deny", {"denies", "denied", "denying"}),
        ("stress", {"stresses", "stressed"}),
    ],
)
def test_inflections(base: str, forms: set[str]) -> None:
    irregular = {"say": ["said"]}
    assert forms <= inflect(base, irregular)


def test_lexicon_loads_and_keeps_thinking_apart_from_saying() -> None:
    cues = load_cues()
    assert {"said", "warned", "according"} & cues.speech == {"said", "warned"}
    assert "believes" in cues.belief and "believes" not in cues.speech


# --- hand-written statements: (text, starts, contains, speaker surname, kind, cue) -------------

STATEMENTS = [
    (
        "object of a directive",
        "The spokesman John Kirby demanded a halt to the strikes on the fuel depot near Belgorod.",
        "a halt to the strikes",
        None,
        "Kirby",
        "indirect",
        "demanded",
    ),
    (
        "said after",
        "“We will not back down,” said Maria Keller.",
        "We will not back down",
        None,
        "Keller",
        "direct",
        "said",
    ),
    (
        "name said",
        "“The vote is final and binding,” Maria Keller said.",
        "The vote is final",
        None,
        "Keller",
        "direct",
        "said",
    ),
    (
        "colon before",
        "Maria Keller said: “The vote is final and binding.”",
        "The vote is final",
        None,
        "Keller",
        "direct",
        "said",
    ),
    (
        "guillemets",
        "Anna Lind said: « The budget cannot be cut any further this year ».",
        "The budget cannot",
        None,
        "Lind",
        "direct",
        "said",
    ),
    (
        "straight",
        '"We need more time to decide," Governor Tom Hale told reporters.',
        "We need more time",
        None,
        "Hale",
        "direct",
        "told",
    ),
    (
        "british",
        "‘The deal is dead and buried now,’ said Sam Ortiz.",
        "The deal is dead",
        None,
        "Ortiz",
        "direct",
        "said",
    ),
    (
        "pronoun",
        "Paulo Reis toured the harbour on Monday. “It will reopen within a month,” he said.",
        "It will reopen",
        None,
        "Reis",
        "direct",
        "said",
    ),
    (
        "title",
        "Transport minister Paulo Reis toured the port. “It will reopen next week,” the minister said.",
        "It will reopen next week",
        None,
        "Reis",
        "direct",
        "said",
    ),
    (
        "interrupted",
        "“The talks – said Maria Keller – will continue tomorrow and we expect real progress.”",
        "The talks",
        "we expect real progress",
        "Keller",
        "direct",
        "said",
    ),
    (
        "halves around their attribution: the second half keeps the speaker",
        "“We are ready,” said Maria Keller, “to sign the treaty tomorrow.”",
        "to sign the treaty",
        None,
        "Keller",
        "direct",
        "said",
    ),
    (
        "stray closer",
        "“A deal is possible. We are ready.” to talk about every issue,” Keller said.",
        "A deal is possible",
        "to talk about every issue",
        "Keller",
        "direct",
        "said",
    ),
    (
        "heading",
        "Keller: “We will not back down”\n\nThe talks went on.",
        "We will not back down",
        None,
        "Keller",
        "direct",
        ":",
    ),
    (
        "partial quote is part of the reported clause (PolNeAR)",
        "Health minister Carla Dunn warned that the hospitals were “close to collapse” last week.",
        "the hospitals were “close to collapse” last week",
        None,
        "Dunn",
        "indirect",
        "warned",
    ),
    (
        "floating",
        "“We will not back down,” said Maria Keller.\n“Nobody can make us change our minds about this.”",
        "Nobody can make us",
        None,
        "Keller",
        "direct",
        "said",
    ),
    (
        "signed post",
        "Talks went well today and we thank our hosts. — Maria Keller (@mkeller) March 3, 2023",
        "Talks went well today",
        None,
        "Keller",
        "direct",
        "—",
    ),
    (
        "warned that",
        "Health minister Carla Dunn warned that hospitals would run out of beds by Friday.",
        "hospitals would run out",
        None,
        "Dunn",
        "indirect",
        "warned",
    ),
    (
        "according to",
        "According to Carla Dunn, the hospitals will run out of beds by Friday.",
        "the hospitals will run out",
        None,
        "Dunn",
        "indirect",
        "according to",
    ),
    (
        "parenthetical: the words after the cue are a quotation of their own (GGT guidelines)",
        "The bridge, the engineer Lee Park said, will reopen in May after repairs.",
        "will reopen in May",
        None,
        "Park",
        "indirect",
        "said",
    ),
    (
        "reported pronoun",
        "Carla Dunn spoke in Leeds. She reiterated that the plan was fully funded.",
        "the plan was fully funded",
        None,
        "Dunn",
        "indirect",
        "reiterated",
    ),
    # reported speech whose content is no "that"-clause (PolNeAR, Newell et al. 2018)
    (
        "called for",
        "The health minister Carla Dunn called for an independent inquiry into the closures.",
        "an independent inquiry",
        None,
        "Dunn",
        "indirect",
        "called",
    ),
    (
        "vowed that",
        "Paulo Reis vowed that the harbour wall would be rebuilt before winter.",
        "the harbour wall would be rebuilt",
        None,
        "Reis",
        "indirect",
        "vowed",
    ),
    (
        "urged someone to",
        "Carla Dunn urged the council to reopen the clinics by March.",
        "to reopen the clinics",
        None,
        "Dunn",
        "indirect",
        "urged",
    ),
    (
        "called X Y: the predicate (GGT guidelines; the whole is a wide record)",
        "Paulo Reis called the closure plan a reckless gamble with jobs.",
        "a reckless gamble",
        "with jobs",
        "Reis",
        "indirect",
        "called",
    ),
    (
        "accused X of",
        "Carla Dunn accused the board of hiding the audit from the public.",
        "hiding the audit",
        None,
        "Dunn",
        "indirect",
        "accused",
    ),
    (
        "speaker after the clause",
        "The clinics will reopen by March after the repairs, Carla Dunn said.",
        "The clinics will reopen",
        None,
        "Dunn",
        "indirect",
        "said",
    ),
    (
        "parenthetical, both sides",
        "Though the repairs went well, Paulo Reis said, the harbour will stay closed until June.",
        "Though the repairs went well",
        "stay closed until June",
        "Reis",
        "indirect",
        "said",
    ),
    (
        "a reason the speaker gives",
        "Paulo Reis said the harbour would stay shut, because the pier was unsafe.",
        "the harbour would stay shut",
        "because the pier",
        "Reis",
        "indirect",
        "said",
    ),
    (
        "coordinated complements",
        "Carla Dunn said the clinics were full and that the board had ignored her warnings.",
        "the clinics were full",
        "ignored her warnings",
        "Dunn",
        "indirect",
        "said",
    ),
    (
        "by saying",
        "Carla Dunn began by saying that the clinics would reopen in March.",
        "the clinics would reopen",
        None,
        "Dunn",
        "indirect",
        "saying",
    ),
    (
        "in a statement",
        "In a statement, Paulo Reis said the border would stay closed for another week.",
        "the border would stay closed",
        None,
        "Reis",
        "indirect",
        "said",
    ),
    (
        "noun of saying",
        "Carla Dunn's claim that the clinics were full was disputed by the board.",
        "the clinics were full",
        None,
        "Dunn",
        "indirect",
        "claim",
    ),
    (
        "transcript line",
        "Paulo Reis spoke first.\nREIS: Well, the harbour will reopen in May, and we are ready for it.",
        "Well, the harbour",
        None,
        "Reis",
        "indirect",
        ":",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "starts", "contains", "surname", "kind", "cue"),
    STATEMENTS,
    ids=[c[0] for c in STATEMENTS],
)
def test_statements(
    nlp: Any, name: str, text: str, starts: str, contains: str | None, surname: str, kind: str, cue: str
) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = _find(quotes, starts, contains)
    assert quote is not None, [q.text for q in quotes]
    assert (quote.kind, quote.cue) == (kind, cue)
    assert surname in _shown(quote, actors)
    assert quote.text == text[quote.start : quote.end]
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert quote.speaker_text == text[quote.speaker_start : quote.speaker_end]
    assert 0.0 <= quote.confidence <= 1.0


def test_quoted_words_inside_nested_reported_speech_are_no_statement_of_their_own(nlp: Any) -> None:
    """Every clause the quotation ends is run on to its closing mark, and the quotation is not
    repeated on its own: two mixed statements, the outer one and the nested one."""
    text = "Maria Keller says this underscores that Okafor is “plainly unsuited to govern.”"
    found = sorted((q.cue, q.text) for q in _quotes(nlp, text))
    assert found == [
        ("says", "this underscores that Okafor is “plainly unsuited to govern.”"),
        ("underscores", "that Okafor is “plainly unsuited to govern.”"),
    ]


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        # a word of the quotation parsed as a second subject of the cue: the nearer one speaks
        (
            'Some agreed.\n\n"She would be a fine judge. Not good, fine. One of the sharpest '
            'minds on the whole bench," Rep. Harold J. Penwick (D-Ore.) said in an interview.',
            '"She would be',
            "Harold J. Penwick",
        ),
        # a title's full stop ends no sentence ("Del.")
        (
            '"This is a pointless exercise," said Del. Marta Quillon of the Outer Shoals.',
            '"This is a pointless',
            "Marta Quillon",
        ),
        # a quotation opening the sentence after "X said." is X's (a floating quote)
        (
            'The council may be slow to decide, Dorrance said. "The other worry is the cost of waiting."',
            '"The other worry',
            "Dorrance",
        ),
        # the sentence right before a floating quotation is nearer than the last quotation
        (
            "“The plan has failed completely,” Maria Keller said on Monday. Tom Brandt said the talks "
            "would go on. “We are still close to a deal.”",
            "“We are still close",
            "Tom Brandt",
        ),
        # a paragraph ending in "X continued:" introduces the quotation below it
        (
            'Varga continued:\n\n"The water question is very much a local question."',
            '"The water question',
            "Varga",
        ),
        # the name right after the cue, not a person the speaker talks about
        (
            "“This is in their minds. This is in their memory,” said Varga, speaking of "
            "Okafor’s tax affairs.",
            "“This is in their minds",
            "Varga",
        ),
        # a live blog's time stamp above the paragraph is no speaker
        (
            "5:45 p.m.\n\nHenrik Lund's lawyer is calling the ruling deeply unfair.",
            "deeply unfair",
            "Henrik Lund's lawyer",
        ),
    ],
)
def test_speaker_patterns(nlp: Any, text: str, starts: str, speaker: str) -> None:
    quote = _find(_quotes(nlp, text), starts)
    assert quote is not None and quote.speaker_text == speaker, quote


def test_signatures_with_a_dash_glued_to_the_closing_mark(nlp: Any) -> None:
    """'...”― Name' is one token for the tokenizer: the signature is still the name's."""
    text = (
        "“Mr. Okafor stands for the old habit of delay in this town.” ― Helen Marwick\n"
        "“At the hearing Okafor said we owe them nothing. He is blind to our troubles.”― Sarah Lindqvist \n"
        "“I am so tired of it. How did we sink this far?”\xa0― Linda Brookner\xa0\n"
    )
    speakers = [q.speaker_text for q in _quotes(nlp, text)]
    assert speakers == ["Helen Marwick", "Sarah Lindqvist", "Linda Brookner"]


def test_a_title_in_quotation_marks_after_the_cue_is_no_speaker(nlp: Any) -> None:
    """The parser may make a word of the programme's title the subject and the name an apposition of a
    word of the quotation: the speaker is the person next to the cue, and the quotation's second
    sentence is not reported speech of its own."""
    text = (
        "“She's entirely right. There's a deep rift between this city hall and our "
        "police,” Harlow, a senior Okafor adviser, said Thursday morning on Channel Nine’s “Tea and Talk.”"
    )
    found = [(q.kind, q.speaker_text) for q in _quotes(nlp, text)]
    assert found == [("direct", "Harlow")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a role with a country is the person who holds it there, not the last president named
        (
            "President of Chile Marco Ibarra arrived in Lima. President of Peru "
            "Rosa Quintana spoke after him. Ibarra listened. The President of Peru "
            "said that the situation had stabilised.",
            "Rosa Quintana",
        ),
        # "the head of state" is a president, not the head of a ministry named since
        (
            "President Elena Marsh met the head of the Chilean foreign ministry, Tomas Reyes, "
            "in Lima. The head of state said that Peru would not give in.",
            "Elena Marsh",
        ),
        # the title before a name runs up to it: the Prime Minister here is no "president"
        (
            "President of Peru Elena Marsh spoke first. The President of Peru briefed the Prime "
            'Minister of Canada on the talks. "We stand together on this," '
            "the President of Peru stressed.",
            "Elena Marsh",
        ),
    ],
)
def test_roles_resolve_to_their_holder(nlp: Any, text: str, speaker: str) -> None:
    quotes, actors = _with_actors(nlp, text)
    assert [_shown(q, actors) for q in quotes][-1:] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "The forum opened in Tromsø on Monday. They said that the talks had gone well.",
        "The Nordland County Governor said that the new bridge would open in spring.",
    ],
)
def test_a_place_is_nobodys_voice(nlp: Any, text: str) -> None:
    quotes, actors = _with_actors(nlp, text)
    assert quotes and all(q.speaker_id is None or actors[q.speaker_id].type != "place" for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "As Mark Oduya put it in a letter to the council, “The harbour cannot wait another year.”",
            "Mark Oduya",
        ),
        ("“The harbour cannot wait another year,” as Mark Oduya put it in a letter.", "Mark Oduya"),
        ("Mark Oduya put it bluntly: “The harbour cannot wait another year.”", "Mark Oduya"),
    ],
)
def test_as_x_put_it_names_the_speaker(nlp: Any, text: str, speaker: str) -> None:
    before = "Mayor Ana Lopes said the fund would grow. "  # the previous speaker is not this one
    quotes, actors = _with_actors(nlp, before + text)
    said = _find(quotes, "“The harbour")
    assert said is not None and _shown(said, actors) == speaker


def test_put_it_on_a_table_is_no_saying(nlp: Any) -> None:
    text = (
        "“The harbour cannot wait,” Ana Lopes said. Mark Oduya picked up the report and put it on the table."
    )
    quotes, actors = _with_actors(nlp, text)
    assert [_shown(q, actors) for q in quotes] == ["Ana Lopes"]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a line opening with a name and a colon: its name speaks, however the parser read it
        (
            "Marten: “We have offered talks, and we are waiting for an answer.”",
            "“We have offered talks, and we are waiting for an answer.”",
            "Marten",
        ),
        # "called X “Y”": the marks spoil the parse of the object's complement
        (
            "In a statement, the ministry called the sanctions “illegal and counterproductive” "
            "and promised a response.",
            "the sanctions “illegal and counterproductive”",
            "the ministry",
        ),
    ],
)
def test_colon_lines_and_called_quotations(nlp: Any, text: str, quote: str, speaker: str) -> None:
    assert (quote, speaker) in [(q.text, q.speaker_text) for q in _quotes(nlp, text)]


def test_a_floating_quotation_needs_a_named_speaker_before_it(nlp: Any) -> None:
    text = 'The report was released on Monday. "The other worry is the cost of waiting."'
    assert [q.speaker_text for q in _quotes(nlp, text)] == [""]


def test_a_clause_below_a_paragraph_break_is_no_content_of_the_cue_above(nlp: Any) -> None:
    text = '"This is pointless," said Del. Marta Quillon of the Outer Shoals.\n\nDemocrats noted it.'
    assert not [q for q in _quotes(nlp, text) if q.text.startswith("Democrats")]


def test_direct_quotes_keep_their_marks(nlp: Any) -> None:
    quote = _quotes(nlp, "“We will not back down,” said Maria Keller.")[0]
    assert quote.text.startswith("“") and quote.text.endswith("”")


def test_nested_quote_keeps_an_unresolvable_title(nlp: Any) -> None:
    text = (
        "“If they keep their ‘reckless policy,’ as the chancellor said, we will respond,” Maria Keller said."
    )
    quotes, actors = _with_actors(nlp, text)
    nested = _find(quotes, "reckless policy")
    outer = _find(quotes, "If they keep")
    assert nested is not None and nested.speaker_text == "the chancellor"  # no earlier chancellor: no guess
    assert nested.speaker_id is None
    assert outer is not None and "Keller" in _shown(outer, actors)


# --- negative cases: no statement, or not of this kind -----------------------------------------

NEGATIVES = [
    ("scare quote", "Halvorsen thinks that dogs are “angels”.", "angels"),
    ("title", "She watched “The Long Night” on Sunday with friends.", "The Long Night"),
    ("so-called", "The so-called “peace plan” was never published.", "peace plan"),
    (
        "organisation scare quote",
        "The ministry rejected the offer, warning of a possible “worsening” of the crisis.",
        "worsening",
    ),
    ("no complement", "Officials said nothing at the meeting on Monday.", "nothing"),
    ("passive listener", "Maria Keller was told that the talks had failed.", "the talks had failed"),
    ("first person, unquoted", "I think that the talks will fail next week.", "the talks will fail"),
    ("first person noun", "My claim that the clinics were full was ignored.", "the clinics were full"),
    ("hearer, not content", "Carla Dunn urged the city council on Monday.", "the city council"),
    (
        "called a meeting",
        "Paulo Reis called an emergency meeting of the harbour board.",
        "an emergency meeting",
    ),
    ("not a speech act", "Paulo Reis repaired the old harbour wall last year.", "the old harbour wall"),
    (
        "colon label",
        "Correction: A previous edition of this story gave the wrong date.",
        "A previous edition",
    ),
    ("continue is no cue", "Prices continued to rise in the harbour towns all year.", "to rise"),
    ("goes without saying", "It goes without saying that the harbour needs a new wall.", "the harbour needs"),
    ("an act not done", "Paulo Reis left without saying that the vote had failed.", "the vote had failed"),
    ("points back: demonstrative", "Paulo Reis and Carla Dunn commented on this issue.", "this issue"),
    ("points back: pronoun", "Paulo Reis commented on it at length on Monday.", "it"),
]


@pytest.mark.parametrize(("name", "text", "absent"), NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_no_statement(nlp: Any, name: str, text: str, absent: str) -> None:
    assert not [q for q in _quotes(nlp, text) if _bare(q.text).startswith(absent)]


def test_captions_and_credits_hold_no_quotes(nlp: Any) -> None:
    text = "“We are ready for anything,” said Maria Keller in the photo.\nWith wires"
    blocks = (Block("caption", 0, text.index("\n")), Block("credit", text.index("\n") + 1, len(text)))
    assert _quotes(nlp, text, blocks) == []


SPEAKER_FIELDS = [
    # (text, mentions as (actor id, start, end), speaker_text, speaker_id)
    (
        "Paulo Reis toured the harbour. “It will reopen within a month,” he said.",
        [("reis", 0, 10)],
        "he",
        "reis",
    ),
    ("“It will reopen within a month,” said Paulo Reis.", [("reis", 38, 48)], "Paulo Reis", "reis"),
    # a resolved antecedent that is no actor mention: the surface stays, no id is invented
    ("Paulo Reis toured the harbour. “It will reopen within a month,” he said.", [], "he", None),
    # a mention of an actor the caller does not know is no speaker id (the contract would fail)
    ("“It will reopen within a month,” said Paulo Reis.", [("ghost", 38, 48)], "Paulo Reis", None),
]


@pytest.mark.parametrize(("text", "spans", "surface", "speaker_id"), SPEAKER_FIELDS)
def test_speaker_text_is_the_surface_and_speaker_id_the_resolution(
    nlp: Any, text: str, spans: list[tuple[str, int, int]], surface: str, speaker_id: str | None
) -> None:
    mentions = [Mention("t", a, text[s:e], s, e) for a, s, e in spans]
    mentions.append(Mention("other-doc", "reis", "Paulo Reis", 0, 10))  # another document's mention
    actors = {"reis": Actor("reis", "Paulo Reis", "person")}
    quote = extract_quotes(_doc(text), nlp(text), mentions, actors)[0]
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert (quote.speaker_text, text[quote.speaker_start : quote.speaker_end]) == (surface, surface)
    assert quote.speaker_id == speaker_id


# --- the seed gold ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_run(nlp: Any) -> dict[str, Any]:
    from lib.extract.actors import extract as actors
    from lib.read.ingest import load_corpus

    corpus = load_corpus([DATA])
    pairs = [(d, nlp(d.text)) for d in corpus.documents]
    found, mentions = actors.extract_mentions(pairs, actors.load_registry())
    by_id = {a.id: a for a in found}
    quotes = {d.id: extract_quotes(d, s, mentions, by_id) for d, s in pairs}
    return {"quotes": quotes, "mentions": mentions, "actors": by_id, "docs": {d.id: d for d, _ in pairs}}


def _gold_quotes(seed_gold: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(doc_id, q) for doc_id, qs in seed_gold["quotes"].items() for q in qs]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _surname(seed_gold: dict[str, Any], actor_id: str) -> str:
    actor = next(a for a in seed_gold["actors"] if a["id"] == actor_id)
    return _fold(str(actor["forms"][0]).split()[-1])


SEED_IDS = [f"{d}:{i}" for d in ("seed-000", "seed-001") for i in range(13)]


def _gold_at(seed_gold: dict[str, Any], key: str) -> tuple[str, dict[str, Any]] | None:
    doc_id, i = key.split(":")
    qs = seed_gold["quotes"].get(doc_id, [])
    return (doc_id, qs[int(i)]) if int(i) < len(qs) else None


@pytest.mark.parametrize("key", SEED_IDS)
def test_seed_quote_found_with_speaker_name(
    seed_gold: dict[str, Any], seed_run: dict[str, Any], key: str
) -> None:
    gold = _gold_at(seed_gold, key)
    if gold is None:
        pytest.skip("no such gold quote")
    doc_id, want = gold
    quote = _find(seed_run["quotes"][doc_id], want["starts"], want.get("contains"))
    assert quote is not None, want
    assert quote.kind == want["kind"]
    actors = seed_run["actors"]
    assert _surname(seed_gold, want["speaker"]) in _fold(_shown(quote, actors))


@pytest.mark.parametrize("key", SEED_IDS)
def test_seed_quote_speaker_id(seed_gold: dict[str, Any], seed_run: dict[str, Any], key: str) -> None:
    gold = _gold_at(seed_gold, key)
    if gold is None:
        pytest.skip("no such gold quote")
    if not seed_run["mentions"]:
        pytest.skip("lib.extract.actors.extract finds no mentions yet: speaker ids cannot be checked")
    doc_id, want = gold
    quote = _find(seed_run["quotes"][doc_id], want["starts"], want.get("contains"))
    assert quote is not None and quote.speaker_id == want["speaker"]


def test_every_seed_gold_quote_is_parametrized(seed_gold: dict[str, Any]) -> None:
    covered = {(d, i) for d, i in (k.split(":") for k in SEED_IDS)}
    assert all((d, str(i)) in covered for d, qs in seed_gold["quotes"].items() for i in range(len(qs)))


@pytest.mark.parametrize(
    ("doc_id", "absent"),
    [
        ("seed-000", "worsening"),  # a scare quote in NATO's reported speech
        ("seed-001", "emergency use"),  # a scare quote nobody says
        ("seed-001", "In this photo"),  # a caption
        ("seed-001", "The Russian Navy"),  # a caption
        ("seed-001", "With EFE"),  # a credit
    ],
)
def test_seed_non_quotes(seed_run: dict[str, Any], doc_id: str, absent: str) -> None:
    assert not [q for q in seed_run["quotes"][doc_id] if _bare(q.text).startswith(absent)]


def test_seed_quotes_are_spans_of_their_text(seed_run: dict[str, Any]) -> None:
    for doc_id, quotes in seed_run["quotes"].items():
        text = seed_run["docs"][doc_id].text
        for q in quotes:
            assert q.text == text[q.start : q.end]
            assert re.search(r"\w", q.text)


# The dev-set floors (GGT, PolNeAR) are in tests/tools/test_dev_floors.py, scored by tools.evaluate.


# --- rules added for PolNeAR-style attribution (Newell, Margolin & Ruths 2018) -----------------

RULES = [
    # (name, text, expected quote texts, speaker surname shown for the first one)
    (
        "attribution between two halves: two quotations (GGT guidelines, section 1)",
        "“We have run out of beds,” Laura Brandt said. “The next week will be hard.”",
        ["“We have run out of beds,”", "“The next week will be hard.”"],
        "Brandt",
    ),
    (
        "a relative clause in the attribution: two quotations",
        "“We have run out of beds,” said Laura Brandt, who runs the clinic. “The next week will be hard.”",
        ["“We have run out of beds,”", "“The next week will be hard.”"],
        "Brandt",
    ),
    (
        "two apostrophes as marks",
        "''We have run out of beds,'' Laura Brandt said. ''The next week will be hard.''",
        ["''We have run out of beds,''", "''The next week will be hard.''"],
        "Brandt",
    ),
    (
        "ascii newswire marks",
        "``We have run out of beds,'' Laura Brandt said. ``The next week will be hard.''",
        ["``We have run out of beds,''", "``The next week will be hard.''"],
        "Brandt",
    ),
    (
        "a second statement in the gap keeps the halves apart",
        "“We have run out of beds,” Laura Brandt said, adding later, “The next week will be hard for all.”",
        ["“We have run out of beds,”", "“The next week will be hard for all.”"],
        "Brandt",
    ),
    (
        "a partial quotation is part of the reported clause",
        "Mayor Tom Ekdal said the budget was “dead on arrival” and would be rewritten.",
        ["the budget was “dead on arrival” and would be rewritten"],
        "Ekdal",
    ),
    (
        "according to with quoted words in it: the statement, and its quoted words beside it",
        "According to Mayor Tom Ekdal, the budget is “dead on arrival” in its current form.",
        ["the budget is “dead on arrival” in its current form", "“dead on arrival”"],
        "Ekdal",
    ),
    (
        "a speech act's object with its as-phrase",
        "The union cited the closure of the plant as proof of neglect.",
        ["the closure of the plant as proof of neglect"],
        "union",
    ),
    ("spoke of", "The minister spoke of the need for calm.", ["the need for calm"], "minister"),
    ("a one-word object of a directive", "The mayor requested calm.", ["calm"], "mayor"),
    (
        "any verb with a that-clause",
        "The governor hinted that the bill would pass this spring.",
        ["that the bill would pass this spring"],
        "governor",
    ),
    (
        "a plan inside reported speech is no statement of its own",
        "Laura Brandt said he plans to run again next year.",
        ["he plans to run again next year"],
        "Brandt",
    ),
    (
        "a long speaker phrase before the cue",
        "“We are not done yet,” Laura Brandt, a nurse at the central hospital in Bergen, told reporters.",
        ["“We are not done yet,”"],
        "Brandt",
    ),
    (
        "a speech act's object runs on through the cue's modifiers",
        "Laura Brandt cited rising rents as proof of a failed housing policy.",
        ["rising rents as proof of a failed housing policy"],
        "Brandt",
    ),
    (
        "a directive's object is the noun phrase itself",
        "Laura Brandt requested a recount in a long speech.",
        ["a recount"],
        "Brandt",
    ),
    (
        "a gerund complement of a speech act",
        "The mayor proposed moving the market to the harbour.",
        ["moving the market to the harbour"],
        "mayor",
    ),
    (
        "a concession parsed as the complement: two quotations around the cue (GGT guidelines)",
        "Though the vote was close, Laura Brandt said, the result will stand until the next election.",
        ["Though the vote was close", "the result will stand until the next election"],
        "Brandt",
    ),
    (
        "a cue ending in a colon takes the rest of the paragraph",
        "Laura Brandt added: the rents are too high. The council has to act now.\n\nThe meeting ended.",
        ["the rents are too high. The council has to act now"],
        "Brandt",
    ),
    (
        "a cue closing a paragraph takes the next paragraph",
        "Laura Brandt added:\n\nThe rents are too high and the council has to act now.\n\nThe meeting ended.",
        ["The rents are too high and the council has to act now"],
        "Brandt",
    ),
    (
        "a headline opens with a name and a present-tense cue",
        "Mayor Brandt Calls Harbour Plan ‘A Costly Mistake’\n\nThe council met on Friday.",
        ["Harbour Plan ‘A Costly Mistake’"],
        "Brandt",
    ),
    (
        "quoted words whose own verb is a cue belong to the reported clause",
        "Laura Brandt said that she “honestly [doesn't] know the answer” to the question.",
        ["that she “honestly [doesn't] know the answer” to the question"],
        "Brandt",
    ),
    (
        "a cue inside a quotation before an inner quotation is the speaker's own report",
        "“They thought Tom Ekdal saying, ‘Hey, go and vote for her’ would do it. It is not enough,” "
        "Laura Brandt said.",
        ["“They thought Tom Ekdal saying, ‘Hey, go and vote for her’ would do it. It is not enough,”"],
        "Brandt",
    ),
    (
        "a quoted transcript turn is its labelled speaker's line",
        'Keller spoke next.\n\n"KELLER: Well, the rents are too high and the council has to act now."',
        ["Well, the rents are too high and the council has to act now."],
        "Keller",
    ),
    (
        "two quotations around an attribution sentence are two",
        "“The rents are too high,” Laura Brandt said after the tenants met. “We will act on them.”",
        ["“The rents are too high,”", "“We will act on them.”"],
        "Brandt",
    ),
    # subject-verb inversion after the content (PARC 3.0, Pareti 2016; GGT, Asr et al. 2021)
    (
        "inverted cue after the content",
        "The harbour will reopen in May, said the minister.",
        ["The harbour will reopen in May"],
        "minister",
    ),
    (
        "inverted cue with an apposition after the speaker",
        "The harbour will reopen in May, says Laura Brandt, a lawyer in Bergen.",
        ["The harbour will reopen in May"],
        "Brandt",
    ),
    (
        "inverted speaker the parser reads as the cue's object",
        "The tunnel is unsafe for trucks, argued the engineers.",
        ["The tunnel is unsafe for trucks"],
        "engineers",
    ),
    # "as X said": the clause the as-phrase modifies is X's (PARC 3.0; PolNeAR, Newell et al. 2018)
    (
        "as-phrase opening the sentence",
        "As Laura Brandt has argued, the tunnel is a waste of money.",
        ["the tunnel is a waste of money"],
        "Brandt",
    ),
    (
        "as X put it",
        "As Laura Brandt put it, the harbour is the heart of the city.",
        ["the harbour is the heart of the city"],
        "Brandt",
    ),
    (
        "parenthetical as-phrase: both sides are one content",
        "The rents, as Tom Ekdal noted, have doubled since 2010.",
        ["The rents, as Tom Ekdal noted, have doubled since 2010"],
        "Ekdal",
    ),
    (
        "as-phrase closing the sentence",
        "The ferry plan failed, as Tom Ekdal had warned.",
        ["The ferry plan failed"],
        "Ekdal",
    ),
    (
        "as-phrase after a quotation attributes the quotation",
        "The mayor chose an “expensive path,” as Laura Brandt said on Friday.",
        ["“expensive path,”"],
        "Brandt",
    ),
    (
        "as-phrase inside a quotation is the quoted speaker's, not a new statement",
        "“The rents, as the council knows, have doubled,” Laura Brandt said.",
        ["“The rents, as the council knows, have doubled,”"],
        "Brandt",
    ),
    # relative-clause cues and nouns of saying with a possessor
    (
        "who said after a name",
        "Tom Ekdal, who said the tunnel is unsafe, left the meeting early.",
        ["the tunnel is unsafe"],
        "Ekdal",
    ),
    (
        "who has argued that",
        "Laura Brandt, who has argued that the rents are too high, resigned on Friday.",
        ["that the rents are too high"],
        "Brandt",
    ),
    (
        "X's remarks that",
        "Tom Ekdal's remarks that the tunnel was unsafe angered the council.",
        ["that the tunnel was unsafe"],
        "Ekdal",
    ),
]


@pytest.mark.parametrize(("name", "text", "want", "surname"), RULES, ids=[c[0] for c in RULES])
def test_attribution_rules(nlp: Any, name: str, text: str, want: list[str], surname: str) -> None:
    quotes, actors = _with_actors(nlp, text)
    assert sorted(q.text for q in quotes) == sorted(want)
    first = next(q for q in quotes if q.text == want[0])
    assert surname in _shown(first, actors)


RULE_NEGATIVES = [
    ("a preposition of motion is no cue", "He walked to the store with his dog on Sunday."),
    ("a copula with a that-clause is no cue", "The truth is that the bill would pass this spring."),
    ("a bare quantifier object", "The mayor said little at the meeting."),
    ("a film title", "The film “Cold Harbour” opened on Friday to mixed reviews."),
    (
        "a show title with minor words",
        "The minister spoke on the network's “Meet the Voters Today” on Sunday.",
    ),
    (
        "a headline with no reporting verb",
        "Mayor Brandt Opens Harbour Market\n\nThe market opened on Friday.",
    ),
    ("a noun of saying without a possessor", "The remarks that the tunnel was unsafe angered the council."),
    # a statement is something a source says (GGT annotation guidelines, section 1): beliefs,
    # findings, plans, wishes and collective actions are none
    ("a belief", "Paulo Reis believes that the harbour will reopen in May."),
    # the bare object of an act that is no directive reports the act, not words
    ("an evaluative act's object", "Laura Brandt criticized the council in a long speech."),
    ("an announcement's object", "The ministry announced a new harbour policy on Monday."),
    # a promise to act names the speaker's next act, not words said (directives keep theirs)
    ("a promise to act", "Paulo Reis vowed to rebuild the harbour wall before winter."),
    ("a finding", "The audit found that the harbour fund had lost two million dollars."),
    ("a plan", "Paulo Reis plans to reopen the harbour market in May."),
    ("a wish", "The farmers want the council to lower the water rates."),
    ("a collective action", "Member states rejected the fishing quota at the summit on Monday."),
    ("an action with an object", "The northern towns supported the harbour bill last year."),
    (
        "a section heading with a colon",
        "Markets closed higher.\nENERGY: Crude oil rose two per cent to a new high in London trading.",
    ),
    (
        "a link to another story inside the text",
        "The council met on Monday.\nMayor says harbour will reopen in May\nThe vote is next week.",
    ),
    ("an embedded question", "The ministry declined to say whether the harbour would reopen soon."),
    ("a reported question", "Paulo Reis asked if the harbour market would reopen in May."),
    ("narration of what people did", "The villagers pointed to the flooded road and walked away."),
]


@pytest.mark.parametrize(("name", "text"), RULE_NEGATIVES, ids=[c[0] for c in RULE_NEGATIVES])
def test_no_attribution(nlp: Any, name: str, text: str) -> None:
    assert _quotes(nlp, text) == []


# parses the small model produces on real news, built by hand so the fallbacks are exercised:
# (name, words, heads, deps, pos, tags, want content, want speaker surface)
MISPARSES = [
    (
        '"according to" hung on a noun: the rest of the sentence is the content',
        "The mayor beats the governor by four points , according to the survey .",
        [1, 2, 2, 4, 2, 4, 7, 5, 2, 4, 9, 12, 10, 2],
        "det nsubj ROOT det dobj prep nummod pobj punct prep prep det pobj punct",
        "DET NOUN VERB DET NOUN ADP NUM NOUN PUNCT VERB ADP DET NOUN PUNCT",
        "DT NN VBZ DT NN IN CD NNS , VBG IN DT NN .",
        "The mayor beats the governor by four points",
        "the survey",
    ),
    (
        '"according to crew insiders" read as a verb and its object',
        "The captain ignored the rules , according to crew insiders .",
        [1, 2, 2, 4, 2, 2, 2, 6, 7, 8, 2],
        "det nsubj ROOT det dobj punct prep prep pcomp dobj punct",
        "DET NOUN VERB DET NOUN PUNCT VERB ADP VERB NOUN PUNCT",
        "DT NN VBD DT NNS , VBG IN VB NNS .",
        "The captain ignored the rules",
        "insiders",
    ),
    (
        '"as" read as a preposition and the cue as the root',
        "The harbour , as one of the engineers pointed out , floods every spring .",
        [1, 8, 8, 8, 3, 4, 7, 5, 8, 8, 8, 8, 13, 11, 8],
        "det nsubj punct prep pobj prep det pobj ROOT prt punct advcl det npadvmod punct",
        "DET NOUN PUNCT ADP NUM ADP DET NOUN VERB ADP PUNCT VERB DET NOUN PUNCT",
        "DT NN , IN CD IN DT NNS VBD RP , VBZ DT NN .",
        "The harbour , as one of the engineers pointed out , floods every spring",
        "one of the engineers",
    ),
]


@pytest.mark.parametrize(
    ("name", "words", "heads", "deps", "pos", "tags", "want", "speaker"),
    MISPARSES,
    ids=[c[0] for c in MISPARSES],
)
def test_attribution_survives_misparses(
    nlp: Any, name: str, words: str, heads: list[int], deps: str, pos: str, tags: str, want: str, speaker: str
) -> None:
    from spacy.tokens import Doc as SpacyDoc

    tokens = words.split()
    spaces = [i + 1 < len(tokens) and tokens[i + 1] not in (",", ".") for i in range(len(tokens))]
    sdoc = SpacyDoc(
        nlp.vocab,
        words=tokens,
        spaces=spaces,
        heads=heads,
        deps=deps.split(),
        pos=pos.split(),
        tags=tags.split(),
    )
    quotes = extract_quotes(_doc(sdoc.text), sdoc, [], {})
    expected = want.replace(" ,", ",")
    assert [(q.text, q.speaker_text) for q in quotes if q.text == expected] == [(expected, speaker)]


AS_NEGATIVES = [
    # (name, text, main clause): an as-clause of time or manner attributes nothing to anyone
    ("as expected: no speaker", "As expected, the council approved the budget.", "the council approved"),
    ("as with a verb of motion", "As the sun rose, the ferry left the harbour.", "the ferry left"),
    (
        "a saying verb with its own object",
        "As he said goodbye, the ferry left the harbour.",
        "the ferry left",
    ),
    ("a speech act with its object", "As the mayor welcomed the guests, the band played.", "the band played"),
    ("as in a comparison", "The rents rose as fast as the wages did.", "rents rose"),
]


@pytest.mark.parametrize(("name", "text", "clause"), AS_NEGATIVES, ids=[c[0] for c in AS_NEGATIVES])
def test_as_clause_of_time_or_manner_attributes_nothing(nlp: Any, name: str, text: str, clause: str) -> None:
    assert [q.text for q in _quotes(nlp, text) if clause in q.text] == []


INVERTED_NEGATIVES = [
    # (name, text, no speaker): the object of a participle or speech act is no inverted speaker
    ("a participle after a comma", "The council met on Friday, citing rising rents.", "rising rents"),
    (
        "an object without a determiner",
        "The council met on Friday, cited rising rents in May.",
        "rising rents",
    ),
    ("a quotation before the cue stays direct", "“The rents are too high,” said the mayor.", "“"),
]


@pytest.mark.parametrize(
    ("name", "text", "speaker"), INVERTED_NEGATIVES, ids=[c[0] for c in INVERTED_NEGATIVES]
)
def test_no_inverted_speaker(nlp: Any, name: str, text: str, speaker: str) -> None:
    quotes = _quotes(nlp, text)
    assert all(speaker not in q.speaker_text and (q.kind == "direct" or "“" not in q.text) for q in quotes)


AGREEMENT = [
    # (text, pronoun, resolved name): he/she skip antecedents known to disagree (honorific, first name)
    ("Laura Brandt met Tom Ekdal on Friday. He said the harbour would reopen.", "He", "Tom Ekdal"),
    ("Tom Ekdal met Laura Brandt on Friday. She said the harbour would reopen.", "She", "Laura Brandt"),
    ("Mrs. Lind met Mr. Ekdal on Friday. He said the harbour would reopen.", "He", "Ekdal"),
    ("Mr. Ekdal met Mrs. Lind on Friday. She said the harbour would reopen.", "She", "Lind"),
    # nothing known: the nearest subject, as before
    ("Kim Sato met Ari Vale on Friday. She said the harbour would reopen.", "She", "Kim Sato"),
]


@pytest.mark.parametrize(("text", "pronoun", "name"), AGREEMENT)
def test_pronoun_gender_agreement(nlp: Any, text: str, pronoun: str, name: str) -> None:
    from lib.extract.quotes.speakers import Resolver

    sdoc = nlp(text)
    token = next(t for t in sdoc if t.text == pronoun)
    resolved = Resolver(sdoc, [], load_cues()).resolve(sdoc[token.i : token.i + 1])
    assert resolved.text == name


def test_lexicon_has_gender_data_and_prepositional_cues() -> None:
    cues = load_cues()
    assert "hillary" in cues.first_names["female"] and "mr" in cues.honorifics["male"]
    assert cues.prep_acts["pointed"] == frozenset({"to"})
    assert "walked" not in cues.prep_acts


# --- a hand-written news sample in the Gender Gap Tracker's style (own text, own gold) ---------
# Each paragraph with its gold statements as (content, speaker's surname or noun); measured
# lenient F1 0.935 and speaker accuracy 1.0 on its 23 paragraphs and 31 statements. The floor
# below is the GGT evaluation (token overlap >= 0.3, greedy one-to-one; Asr et al. 2021),
# computed with tools.evaluate's functions, so a regression in any rule shows here.

SAMPLE: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "“We will not raise fares this year,” said Transport Minister Laura Brandt on Tuesday. "
        "She added that the ferry service would get two new boats by spring.",
        [
            ("We will not raise fares this year", "Brandt"),
            ("the ferry service would get two new boats by spring", "Brandt"),
        ],
    ),
    (
        "Union leader Tom Ekdal criticised the timetable. “This is a cut dressed up as a reform,” "
        "he told reporters outside the depot.",
        [("This is a cut dressed up as a reform", "Ekdal")],
    ),
    (
        "The central bank warned that inflation could stay above its target until next year.",
        [("inflation could stay above its target until next year", "bank")],
    ),
    (
        "According to Maria Keller, the head of the port authority, the new terminal will open in June.",
        [("the new terminal will open in June", "Keller")],
    ),
    (
        "“The talks were frank and useful,” Keller said. “But we are still far apart on the price.”",
        [("The talks were frank and useful. But we are still far apart on the price.", "Keller")],
    ),
    (
        "Dr. Sara Lind, an epidemiologist at the university, said the number of cases had doubled in "
        "a week. “We expect the peak in early March,” she said.",
        [
            ("the number of cases had doubled in a week", "Lind"),
            ("We expect the peak in early March", "Lind"),
        ],
    ),
    (
        "Prime Minister Olav Dahl rejected the criticism. In a post on social media, he wrote that "
        "the government “will not be pushed around” by the opposition.",
        [("the government will not be pushed around by the opposition", "Dahl")],
    ),
    (
        "Mr. Dahl met the opposition leader, Karin Velde, on Friday. Velde later said the meeting "
        "had been “a pointless show” and that she expected new elections.",
        [("the meeting had been a pointless show and that she expected new elections", "Velde")],
    ),
    (
        "“Nobody told us anything,” said Anna Berg, 54, who has run a bakery on the square for twenty years.",
        [("Nobody told us anything", "Berg")],
    ),
    (
        "The shipping company said in a statement that it would appeal the ruling. The film "
        "“Cold Harbour” opened on Friday to mixed reviews.",
        [("it would appeal the ruling", "company")],
    ),
    # crisis coverage, often in translation: other marks, interruptions, roles, posts
    (
        "«Our troops will stay where they are», the Veldorian defence minister, Pavel Orlik, told "
        "the state agency. He added that the drills would end «when the threat is gone».",
        [
            ("Our troops will stay where they are", "Orlik"),
            ("the drills would end when the threat is gone", "Orlik"),
        ],
    ),
    (
        "“The door remains open – added Secretary General Ilse Marten – but nobody should doubt "
        "our resolve.” The secretary general spoke after a meeting of the alliance's ministers.",
        [("The door remains open, but nobody should doubt our resolve.", "Marten")],
    ),
    (
        "Marten: “We have offered talks, and we are waiting for an answer.”",
        [("We have offered talks, and we are waiting for an answer.", "Marten")],
    ),
    (
        "Deputy Foreign Minister Anton Grusev said on Wednesday that Veldoria had received the "
        "written replies. “We will read them carefully and answer in due time,” Grusev said.",
        [
            ("Veldoria had received the written replies", "Grusev"),
            ("We will read them carefully and answer in due time", "Grusev"),
        ],
    ),
    (
        "“There will be no invasion,” insisted the foreign ministry's spokeswoman, Nadia Sorel, "
        "calling the reports “hysteria”.",
        [("There will be no invasion", "Sorel"), ("the reports hysteria", "Sorel")],
    ),
    (
        "The talks are over for now, the negotiators said, and a second round could follow in March.",
        [("The talks are over for now, and a second round could follow in March", "negotiators")],
    ),
    (
        "Every day of delay costs lives. — Mila Varga (@milavarga) February 2, 2022",
        [("Every day of delay costs lives.", "Varga")],
    ),
    (
        "President Ivo Kessler accused the neighbouring government of “playing with fire”. "
        "“They know exactly what they are doing,” he said in a televised address.",
        [
            ("the neighbouring government of playing with fire", "Kessler"),
            ("They know exactly what they are doing", "Kessler"),
        ],
    ),
    (
        "Officials in the capital warned that the border crossings could close within days, according "
        "to a memo seen by reporters.",
        [("the border crossings could close within days", "Officials")],
    ),
    (
        "Foreign Minister Lena Aho met her counterpart in Geneva. The minister later said the "
        "meeting had been “constructive but difficult”.",
        [("the meeting had been constructive but difficult", "Aho")],
    ),
    (
        "“We are not asking for weapons, we are asking for time,” Aho told reporters at the airport. "
        "“Time is what we do not have.”",
        [("We are not asking for weapons, we are asking for time. Time is what we do not have.", "Aho")],
    ),
    (
        "The alliance will send 1,500 more soldiers to its eastern members, a spokesman for the "
        "alliance said on Monday.",
        [("The alliance will send 1,500 more soldiers to its eastern members", "spokesman")],
    ),
    (
        "In a statement, the ministry called the sanctions “illegal and counterproductive” and "
        "promised a response.",
        [("the sanctions illegal and counterproductive", "ministry")],
    ),
]
SAMPLE_FLOOR_F1 = 0.88
SAMPLE_FLOOR_SPEAKER = 0.90


def _sample_scores(nlp: Any) -> tuple[float, float]:
    from tools.evaluate import greedy, overlap, tokens

    tp = n_pred = n_gold = right = 0
    for text, gold in SAMPLE:
        quotes, actors = _with_actors(nlp, text)
        pairs = [
            (overlap(tokens(q.text), tokens(g)), gi, pi)
            for gi, (g, _) in enumerate(gold)
            for pi, q in enumerate(quotes)
        ]
        matched = greedy(p for p in pairs if p[0] >= 0.3)
        tp, n_pred, n_gold = tp + len(matched), n_pred + len(quotes), n_gold + len(gold)
        right += sum(gold[g][1].lower() in _shown(quotes[p], actors).lower() for _, g, p in matched)
    precision, recall = tp / n_pred, tp / n_gold
    return 2 * precision * recall / (precision + recall), right / tp


def test_hand_written_sample_floor(nlp: Any) -> None:
    f1, speaker_accuracy = _sample_scores(nlp)
    assert f1 >= SAMPLE_FLOOR_F1
    assert speaker_accuracy >= SAMPLE_FLOOR_SPEAKER


def test_a_content_span_ends_before_trailing_punctuation_and_spaces(nlp: Any) -> None:
    from lib.extract.quotes.indirect import TRAILING, _char_span, _without_lead_in

    text = "He said that the talks would resume on Monday ,; and nothing else. Then: that ."
    sdoc = nlp(text)
    for i in range(len(sdoc)):
        for j in range(i + 1, len(sdoc) + 1):
            content = _without_lead_in(list(sdoc[i:j]))
            if not content:
                continue
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            while end > start and text[end - 1] in TRAILING:  # on the document's text, as before
                end -= 1
            assert _char_span(list(sdoc[i:j])) == (start, end)


# --- speakers: who said it, and how sure we are (issue 14) -------------------------------------
# (name, text, quotation start, speaker surface, resolved surname or None for no actor)
SPEAKER_CASES = [
    (
        "a floating quotation after reported speech takes its speaker (GGT 'Floating quote')",
        "Paulo Reis said the harbour would reopen in May.\n\n“The farmers have waited long enough for this.”",
        "“The farmers have waited",
        "Paulo Reis",
        "Reis",
    ),
    (
        "the document's own pronouns tell a person's gender",
        "Robin Ashby opened the harbour market, and she thanked the farmers for her first season. "
        "Robin Ashby met Jules Marsh after the opening. "
        "“The market will stay open all winter,” he said.",
        "“The market will stay open",
        "he",
        "Marsh",
    ),
    (
        "a definite description of an organisation refers to the one named before",
        "Harbour Freight Ltd. opened a new depot in the port on Monday. "
        "The company said that it would hire forty drivers by the spring.",
        "it would hire forty drivers",
        "The company",
        "Harbour Freight",
    ),
    (
        "a pronoun no nearby name resolves takes the speaker of the statement before",
        "“The harbour will reopen in May,” said Paulo Reis. The storm had passed. The roads were "
        "cleared. The boats came back. The market opened. The fish sold well. "
        "“The farmers have waited long enough,” he said.",
        "“The farmers have waited",
        "he",
        "Reis",
    ),
    (
        "a pronoun stays with the person speaking rather than a person merely mentioned",
        "“The harbour will reopen in May,” said Paulo Reis. He thanked Sasha Lind for the plan. "
        "“The farmers have waited long enough,” he said.",
        "“The farmers have waited",
        "he",
        "Reis",
    ),
    (
        "a role of the same body goes to its holder",
        "NATO spokesman Ivo Lind said on Monday that the talks would go on. "
        "The NATO spokesman said that the sanctions would stay in place.",
        "the sanctions would stay",
        "The NATO spokesman",
        "Lind",
    ),
    (
        "'according to' after the quotation",
        "“The harbour has never been this busy,” according to Dr. Kiran Osei, a researcher at the port.",
        "“The harbour has never",
        "Kiran Osei",
        "Osei",
    ),
    (
        "a verb of saying out loud",
        "“You are late for the ferry again,” Kiran Osei blurted out.",
        "“You are late",
        "Kiran Osei",
        "Osei",
    ),
    (
        "an honorific anywhere in the document tells a person's gender",
        "Ms. Ashby runs the harbour market. Robin Ashby met Jules Marsh after the opening. "
        "“The market will stay open all winter,” he said.",
        "“The market will stay open",
        "he",
        "Marsh",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "starts", "surface", "surname"), SPEAKER_CASES, ids=[c[0] for c in SPEAKER_CASES]
)
def test_speakers(nlp: Any, name: str, text: str, starts: str, surface: str, surname: str | None) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = _find(quotes, starts)
    assert quote is not None, [q.text for q in quotes]
    assert quote.speaker_text == surface
    assert surname is not None and surname in _shown(quote, actors)
    assert 0.0 < quote.speaker_confidence <= 1.0


# where the evidence is weak the surface stays and no actor is given: a wrong speaker is worse
# than none (name, text, quotation start, speaker surface)
WEAK_SPEAKERS = [
    (
        "a pronoun between two people of unknown gender, neither the subject",
        "The council thanked Kiran Osei and Sasha Lind on Monday. "
        "“The harbour will reopen in May,” she said.",
        "“The harbour will reopen",
        "she",
    ),
    (
        "a role no earlier title holds",
        "The ferry left at noon. The spokesman said that the harbour would reopen in May.",
        "the harbour would reopen",
        "The spokesman",
    ),
    ("a pronoun with nobody before it", "He said that the harbour would reopen in May.", "the harbour", "He"),
    (
        "an organisation inside a description of a person is not its speaker",
        "“We will appeal the ruling before the season starts,” said the NATO commissioner.",
        "“We will appeal",
        "the NATO commissioner",
    ),
    (
        "a role of another body than the title holder's",
        "NATO spokesman Ivo Lind said on Monday that the talks would go on. "
        "The EU spokesman said that the sanctions would stay in place.",
        "the sanctions would stay",
        "The EU spokesman",
    ),
    (
        "a role that the person quoted before does not hold",
        "“The harbour will reopen in May,” said Paulo Reis. “The farmers have waited long enough,” "
        "said the spokesman.",
        "“The farmers have waited",
        "the spokesman",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "starts", "surface"), WEAK_SPEAKERS, ids=[c[0] for c in WEAK_SPEAKERS]
)
def test_weak_speaker_keeps_the_surface_and_no_actor(
    nlp: Any, name: str, text: str, starts: str, surface: str
) -> None:
    quotes, _ = _with_actors(nlp, text)
    quote = _find(quotes, starts)
    assert quote is not None, [q.text for q in quotes]
    assert (quote.speaker_text, quote.speaker_id) == (surface, None)
    # and the pages mark it uncertain: speakers on such evidence were often wrong
    assert uncertain_speaker(quote.speaker_text, quote.speaker_confidence)


def test_speaker_confidence_follows_the_evidence(nlp: Any) -> None:
    """A name at the cue, a "he" whose gender agrees, a floating quotation taking the speaker
    before it: each is as sure as speakers on that evidence were right (BASIS_CERTAINTY), and
    the inherited speaker no surer than the one it inherits."""
    text = (
        "“The harbour will reopen in May,” said Paulo Reis. Later he spoke again. "
        "“The farmers have waited long enough,” he said.\n\n“Nobody will be left out of it.”"
    )
    quotes, _ = _with_actors(nlp, text)
    confidence = [q.speaker_confidence for q in sorted(quotes, key=lambda q: q.start)]
    evidence = [Basis.NAME, Basis.PRONOUN_AGREED, Basis.INHERITED]
    assert confidence == [BASIS_CERTAINTY[b] for b in evidence]
    assert confidence[2] <= confidence[1]


def test_no_speaker_has_zero_confidence(nlp: Any) -> None:
    quotes = _quotes(
        nlp, "The report was released on Monday. “The other factor may be the appearance of bias.”"
    )
    assert [(q.speaker_text, q.speaker_confidence) for q in quotes] == [("", 0.0)]


# nested or overlapping spans of one statement are one record (GGT guidelines, "Paraphrase with
# direct quote within it"); (name, text, the one quote's text)
ONE_STATEMENT = [
    (
        "quoted words inside a paraphrase",
        "Paulo Reis said the harbour plan was “dead on arrival” and would need a new vote.",
        "the harbour plan was “dead on arrival” and would need a new vote",
    ),
    (
        "two quoted pieces inside one paraphrase",
        "Paulo Reis said the plan was “too late” and “far too costly” for the town.",
        "the plan was “too late” and “far too costly” for the town",
    ),
]


@pytest.mark.parametrize(("name", "text", "want"), ONE_STATEMENT, ids=[c[0] for c in ONE_STATEMENT])
def test_nested_spans_of_one_statement_are_one_quote(nlp: Any, name: str, text: str, want: str) -> None:
    assert [q.text for q in _quotes(nlp, text)] == [want]


def test_a_nested_statement_of_another_speaker_stays(nlp: Any) -> None:
    text = "Paulo Reis said that the mayor had warned that the harbour would close in May."
    speakers = {q.speaker_text for q in _quotes(nlp, text)}
    assert speakers == {"Paulo Reis", "the mayor"}


def test_speaker_confidence_is_in_the_cli_json(nlp: Any) -> None:
    from lib.records import to_dict

    quote = _quotes(nlp, "“We will not back down,” said Maria Keller.")[0]
    assert to_dict(quote)["speaker_confidence"] == quote.speaker_confidence > 0.5


# where an indirect quotation ends (GGT guidelines: words external to the speech are left out);
# (name, text, the quotation)
CONTENT_ENDS = [
    (
        "before a participle of saying, which opens a statement of its own",
        "Paulo Reis said the harbour would reopen in May, adding that the farmers would return.",
        "the harbour would reopen in May",
    ),
    (
        "before the source of a nested report",
        "The ferry had sunk in ten minutes, the captain said, according to the court filing.",
        "The ferry had sunk in ten minutes",
    ),
]


@pytest.mark.parametrize(("name", "text", "want"), CONTENT_ENDS, ids=[c[0] for c in CONTENT_ENDS])
def test_content_ends_before_the_next_attribution(nlp: Any, name: str, text: str, want: str) -> None:
    assert want in [q.text for q in _quotes(nlp, text)]


# --- speakers, issue 14 second round: properties of news language ------------------------------
# (name, text, words of the quotation, speaker surface or None to skip, surname it resolves to)
NEWS_SPEAKERS = [
    (
        "a participle of saying closing a reported clause is the reporting verb's speaker's",
        "Mayor Lena Varga said the message from voters is that the council must change, noting that "
        "the reserve fund has grown every year.",
        "the reserve fund has grown",
        None,
        "Varga",
    ),
    (
        "'said in a statement that': the clause the parser hangs on the noun is the content",
        "The Harbour Authority said in a statement that the ferry would run again on Friday.",
        "the ferry would run again",
        None,
        "Harbour Authority",
    ),
    (
        "an abbreviated rank whose full stop the parser takes for a sentence end stands before the name",
        "“The road was icy and dark when the truck left the highway,” said RCMP Sgt. Tom Bellamy.",
        "“The road was icy",
        "Tom Bellamy",
        "Bellamy",
    ),
    (
        "a noun of saying with its source in a 'from' phrase",
        "The council rejected a warning from the Harbour Authority that the ferry would stop running.",
        "the ferry would stop running",
        None,
        "Harbour Authority",
    ),
    (
        "a participle of saying after a clause with no reporting verb keeps its own subject",
        "Carlos Ruiz resigned from the harbour board on Monday, saying that he had lost faith in it.",
        "he had lost faith",
        None,
        "Ruiz",
    ),
    (
        "a name between the closing mark and the cue speaks, not the person spoken of",
        "“You notice his influence on the whole squad every night,” Okonkwo said of the new goalkeeper.",
        "“You notice his influence",
        None,
        "Okonkwo",
    ),
    (
        "a teaser line above a paragraph is not the subject of its cue",
        "READ MORE: ‘A long winter’: the cost of the ferry strike and how it hurts harbour towns\n\n"
        "Kiran Osei said that the strike would end before the spring, when the boats return.",
        "the strike would end",
        None,
        "Osei",
    ),
    (
        "a document's author named in its phrase is part of the speaker as written",
        "A statement from the Harbour Council said, “The ferry will resume its crossings on Friday.”",
        "“The ferry will resume",
        "A statement from the Harbour Council",
        "Council",
    ),
    (
        "'the report' refers back to the one a verb of saying was in",
        "Economist Rhea Tannenbaum wrote in a recent report that the port is losing trade to its "
        "rivals.\n\nSince 2016, traffic through the port has fallen by a third, the report said.",
        "traffic through the port has fallen",
        "the report",
        "Tannenbaum",
    ),
    (
        "a definite role refers ahead to the one person the document gives that title",
        "The league commissioner said the club had not yet received the claim.\n\n"
        "“We will review it when it arrives,” league commissioner Dana Whitlock said in a statement.",
        "the club had not yet received",
        "The league commissioner",
        "Whitlock",
    ),
    (
        "a role in apposition before a name is that person's title",
        "The finance minister, Lena Varga, said the budget was balanced. “We will not back down "
        "on the reserve fund,” the minister said.",
        "“We will not back down",
        "the minister",
        "Varga",
    ),
    (
        "'the 54-year-old' is the person whose age the text gave after the name",
        "Lena Varga, 54, has run the depot for a decade. “We will keep it open as long as we can,” "
        "said the 54-year-old.",
        "“We will keep it open",
        "the 54-year-old",
        "Varga",
    ),
    (
        "a floating quotation right after a sentence about a named person is theirs",
        "“I always felt the piece deserved to be longer,” says Ana Brooks. Lena Varga did not need "
        "much persuading. “I am thankful for the invitation and for this chance to explore it.”",
        "“I am thankful",
        None,
        "Varga",
    ),
    (
        "'they' after two people named together as the subject",
        "In an emailed statement, the owners, Maria Keller and Paulo Reis, said they respected "
        "the vote.\n\n“Our priority is a safe and healthy workplace for everyone,” they said.",
        "“Our priority",
        "they",
        "Keller",
    ),
    (
        "a statement with no author right after a party spoke is that party's",
        "The aid group Harbour Relief said its director was among the dead. A statement said the "
        "group was devastated by the loss.",
        "the group was devastated",
        "A statement",
        "Harbour Relief",
    ),
    (
        "a post 'reads' its words, and 'the post' is the one an analyst stated in",
        "Ivo Lindqvist, an analyst at Brightwell, stated in the firm’s blog post that the threats "
        "came from one group.\n\n“Several of these addresses sent threats to the same victims "
        "before,” the post read.",
        "“Several of these addresses",
        "the post",
        "Lindqvist",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "starts", "surface", "surname"), NEWS_SPEAKERS, ids=[c[0] for c in NEWS_SPEAKERS]
)
def test_news_speakers(
    nlp: Any, name: str, text: str, starts: str, surface: str | None, surname: str
) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next((q for q in quotes if starts in q.text), None)
    assert quote is not None, [q.text for q in quotes]
    if surface is not None:
        assert quote.speaker_text == surface
    assert surname in _shown(quote, actors), (quote.speaker_text, _shown(quote, actors))


# the same patterns where the evidence is not there: no actor, or not the tempting one
# (name, text, words of the quotation, a name the speaker must not resolve to)
NEWS_NOT_SPEAKERS = [
    (
        "a run of 'he' whose start names two people, neither the main subject",
        "The court heard from Tomas Brandt and Mr. Lind on Monday. He drove north for two hours. "
        "He stopped at a gas station near Elk Lake. He told police he had been looking for his brother.",
        "he had been looking for his brother",
        "Brandt",
    ),
    (
        "a role two people later hold stays unresolved",
        "The league commissioner said the club had not yet received the claim.\n\n"
        "League commissioner Dana Whitlock and former league commissioner Ross Pellman both declined "
        "to comment further, and the league commissioner Ross Pellman said nothing.",
        "the club had not yet received",
        "Whitlock",
    ),
    (
        "a role of someone the text only met is not their title",
        "The finance minister met Lena Varga, a farmer, on Monday. “We will not back down on the "
        "reserve fund,” the minister said.",
        "“We will not back down",
        "Varga",
    ),
    (
        "an age two people share names neither",
        "Lena Varga, 54, met Tom Bellamy, 54, at the depot. “We will keep it open as long as we "
        "can,” said the 54-year-old.",
        "“We will keep it open",
        "Varga",
    ),
    (
        "an age nobody was given names nobody",
        "Lena Varga, 54, has run the depot for a decade. “We will keep it open as long as we can,” "
        "said the 31-year-old.",
        "“We will keep it open",
        "Varga",
    ),
    (
        "a rank written out as a noun is no abbreviation before a name",
        "“The road was icy and dark when the truck left the highway,” said the sergeant. Tom "
        "Bellamy arrived later.",
        "“The road was icy",
        "Bellamy",
    ),
    (
        "who obtained a memo did not write it",
        "A memo obtained by the Daily Ledger said that the depot would close in the spring.",
        "the depot would close",
        "Ledger",
    ),
    (
        "a report is not whoever spoke last",
        "The aid group Harbour Relief said its director was among the dead. A report said the "
        "attackers had planned the raid for months.",
        "the attackers had planned",
        "Harbour Relief",
    ),
    (
        "a floating quotation after a sentence about a thing keeps the last speaker",
        "“I always felt the piece deserved to be longer,” says Ana Brooks. The studio did not need "
        "much persuading. “I am thankful for the invitation and for this chance to explore it.”",
        "“I am thankful",
        "studio",
    ),
    (
        "'they' after two people of whom only one is the subject",
        "Maria Keller met Paulo Reis on Monday.\n\n“We will strike at the end of the month,” they said.",
        "“We will strike",
        "Reis",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "starts", "wrong"), NEWS_NOT_SPEAKERS, ids=[c[0] for c in NEWS_NOT_SPEAKERS]
)
def test_news_not_speakers(nlp: Any, name: str, text: str, starts: str, wrong: str) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next((q for q in quotes if starts in q.text), None)
    assert quote is not None, [q.text for q in quotes]
    assert wrong not in _shown(quote, actors), (quote.speaker_text, _shown(quote, actors))


@pytest.mark.parametrize(
    "text",
    [
        "A warning from the sky that the storm would hit came too late for the ferry.",
        "Talk from nobody in particular that the depot would close spread through the town.",
    ],
)
def test_a_from_phrase_naming_no_one_is_no_source(nlp: Any, text: str) -> None:
    """A noun of saying takes its source from a "from" phrase only when that names someone."""
    assert not [q for q in _quotes(nlp, text) if "would" in q.text]


@pytest.mark.parametrize(
    ("text", "starts", "together"),
    [
        ("Mara Quint and Tobias Herd said the bridge would stay closed until June.", "the bridge", True),
        ("Senator Ola Brandt and Peter Lindqvist confirmed that the talks had failed.", "the talks", True),
        ("Mara Quint said the bridge would stay closed, and Tobias Herd agreed.", "the bridge", False),
        ("Mara Quint said the bridge, which Tobias Herd built, would stay closed.", "the bridge", False),
    ],
)
def test_people_named_together_speak_together(nlp: Any, text: str, starts: str, together: bool) -> None:
    """ "A and B said ...": the statement is theirs together: both names in the speaker's text and
    no one person's actor; a second person elsewhere in the sentence is no co-speaker."""
    quotes, _ = _with_actors(nlp, text)
    quote = next((q for q in quotes if starts in q.text), None)
    assert quote is not None, [q.text for q in quotes]
    if together:
        assert " and " in quote.speaker_text and quote.speaker_id is None, (
            quote.speaker_text,
            quote.speaker_id,
        )
    else:
        assert quote.speaker_text.endswith("Quint") and quote.speaker_id is not None, quote.speaker_text


# issue 14, third round: a quotation with no cue that is the content of another speech act
# ('X called the plan "..."'), and "it"/"they" after a sentence whose subject is a body described,
# not named. (name, text, words of the quotation, the speaker's surname or None for no actor)
ACTS_AND_UNNAMED = [
    (
        "a quotation the content of 'called', its speaker named by surname",
        "The mayor spoke at the fair on Sunday.\n\nQuint called the festival “a celebration of the "
        "ways music can bring a whole town together for a night.”",
        "a celebration of the ways",
        "Quint",
    ),
    (
        "a quotation the content of 'described'",
        "Tobias Herd described the new depot as “the best thing to happen to the valley in years.”",
        "the best thing",
        "Herd",
    ),
    (
        "a quotation governed by the main verb of a sentence about a person",
        "The flood reached the town on Sunday.\n\nLena Varga voiced her “anger and sorrow at how "
        "slowly the help arrived” on the radio.",
        "anger and sorrow",
        "Varga",
    ),
    (
        "a quotation as the object of a preposition under the main verb",
        "The council met on Monday.\n\nTobias Herd ended the meeting with “we will be back here "
        "next year, and louder.”",
        "we will be back",
        "Herd",
    ),
    (
        "a lawsuit its filer's",
        "The Harbour Tenants Union filed a lawsuit against the city on Monday.\n\nThe lawsuit says "
        "the new rules were passed without the required public hearing.",
        "the new rules were passed",
        "Harbour Tenants Union",
    ),
    (
        "a complaint its filer's",
        "Lena Varga filed a complaint with the board in March. The complaint says the depot had "
        "ignored three safety warnings.",
        "the depot had ignored",
        "Varga",
    ),
    (
        "'it' after a described body's notice naming a country inside it: the description, no country",
        "The regional transport office published a notice on Monday saying that Portugal had "
        "closed two lanes of the bridge.\n\nIt urged drivers to “plan their trips well ahead of "
        "the weekend.”",
        "plan their trips",
        "regional transport office",
    ),
    (
        "'it' after a named body's notice still resolves to it",
        "The Dorval Transit Authority published a notice on Monday saying the bridge would close. "
        "It urged drivers to “plan their trips well ahead of the weekend.”",
        "plan their trips",
        "Dorval",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "starts", "surname"), ACTS_AND_UNNAMED, ids=[c[0] for c in ACTS_AND_UNNAMED]
)
def test_acts_and_unnamed_subjects(nlp: Any, name: str, text: str, starts: str, surname: str | None) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next((q for q in quotes if starts in q.text), None)
    assert quote is not None, [q.text for q in quotes]
    if surname is None:
        assert quote.speaker_id is None and quote.speaker_confidence < 0.5, (
            quote.speaker_text,
            quote.speaker_id,
        )
    else:
        assert surname in _shown(quote, actors), (quote.speaker_text, _shown(quote, actors))


# where the evidence is not there: (name, text, words of the quotation, a name it must not get)
ACTS_AND_UNNAMED_NEGATIVES = [
    (
        "who read a complaint did not write it",
        "Lena Varga read a complaint from the neighbours in March. The complaint says the depot had "
        "ignored three safety warnings.",
        "the depot had ignored",
        "Varga",
    ),
    (
        "who received a lawsuit did not file it",
        "Tobias Herd received a lawsuit from a former tenant on Monday. The lawsuit says the "
        "building had no working heat for a month.",
        "the building had no working heat",
        "Herd",
    ),
    (
        "a thing as the main verb's subject names no speaker",
        "Police found a note in the car near Lena Varga's house. The note read “I am sorry for "
        "everything that happened tonight.”",
        "I am sorry",
        "Varga",
    ),
    (
        "a letter read out after a colon is its writer's, not the reader's",
        "Lena Varga read a letter from her son: “I will be home before the winter comes, mother.”",
        "I will be home",
        "Varga",
    ),
    (
        "a quotation after the act's object, governed by nothing, keeps the floating rules",
        "Mara Quint called the meeting to order. Tobias Herd spoke first.\n\n"
        "“We have waited three years for this road to be finished,” he said.",
        "We have waited",
        "Quint",
    ),
    (
        "the act's subject quoted inside the quotation is no speaker",
        "“The council called it ‘a fair plan for every street in the valley,’ but it is not,” "
        "said Lena Varga.",
        "The council called",
        "council",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "starts", "wrong"),
    ACTS_AND_UNNAMED_NEGATIVES,
    ids=[c[0] for c in ACTS_AND_UNNAMED_NEGATIVES],
)
def test_acts_and_unnamed_subjects_negatives(nlp: Any, name: str, text: str, starts: str, wrong: str) -> None:
    quotes, actors = _with_actors(nlp, text)
    quote = next((q for q in quotes if starts in q.text), None)
    assert quote is not None, [q.text for q in quotes]
    assert wrong not in _shown(quote, actors), (quote.speaker_text, _shown(quote, actors))


# --- subjects that name no one who could speak -------------------------------------------------

NO_ONE_SPEAKS = [
    ("a discourse connective", "That said, the harbour market is weak and prices will fall further.",
     "the harbour market is weak"),
    ("a demonstrative for what came before", "The rebels shelled the depot at dawn. All of this called for "
     "a swift reply from the regional council.", "a swift reply"),
    ("generic one", "We meet every week. One could almost say that we talk about the bridge daily.",
     "we talk about the bridge"),
]  # fmt: skip
SOMEONE_SPEAKS = [
    ("one of a group", "One of the officials said that the talks with the miners had failed completely.",
     "the talks with the miners had failed"),
    ("a relative that is its antecedent", "Tomas Brel released a report that said the plant on the river "
     "was unsafe for workers.", "the plant on the river was unsafe"),
    ("a named subject", "Mayor Ilse Brandt said that the port of Valdoria would reopen next week.",
     "the port of Valdoria would reopen"),
    ("a demonstrative inside someone's reported speech", "Vera Lind said this shows that the council "
     "ignored the warnings for years.", "the council ignored the warnings"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "content"), NO_ONE_SPEAKS, ids=[c[0] for c in NO_ONE_SPEAKS])
def test_no_statement_without_anyone_to_say_it(nlp: Any, name: str, text: str, content: str) -> None:
    assert not [q for q in _quotes(nlp, text) if content in q.text]


@pytest.mark.parametrize(("name", "text", "content"), SOMEONE_SPEAKS, ids=[c[0] for c in SOMEONE_SPEAKS])
def test_statements_of_someone_stay(nlp: Any, name: str, text: str, content: str) -> None:
    assert [q for q in _quotes(nlp, text) if content in q.text]


@pytest.mark.parametrize(
    ("words", "spaces", "head", "want"),
    [
        # the model's entity ran from a caption's credit over the paragraph break into the name
        (["KARL", "ROE/AFP", "\n\n", "Omar", "Lind"], [1, 0, 0, 1, 0], 4, "Omar Lind"),
        # and from the name over a line break into the next line
        (["Omar", "Lind", "\n", "Harbour", "Office"], [1, 0, 0, 1, 0], 1, "Omar Lind"),
        (["Omar", "Lind"], [1, 0], 1, "Omar Lind"),  # one line: the whole entity
    ],
)
def test_speaker_entity_stays_on_its_line(
    nlp: Any, words: list[str], spaces: list[int], head: int, want: str
) -> None:
    doc = Doc(nlp.vocab, words=words, spaces=[bool(s) for s in spaces])
    doc.ents = [Span(doc, 0, len(words), label="PERSON")]
    assert speaker_tokens(doc[head]).text == want


@pytest.mark.parametrize(
    ("text", "speaker_type"),
    [
        # the body a description's "of" phrase names is what the speaker heads or belongs to
        ("The head of the Lowtown Harbour Authority said that the port would reopen in May.", None),
        ("A member of the Eastland Ports Council said that the port would reopen in May.", None),
        # the body itself speaking, named with "of" inside its own name, still speaks
        ("The Lowtown Harbour Authority said that the port would reopen in May.", "organization"),
    ],
)
def test_a_body_in_an_of_phrase_is_not_the_speaker(nlp: Any, text: str, speaker_type: str | None) -> None:
    quotes, actors = _with_actors(nlp, text)
    assert quotes
    assert [actors[q.speaker_id].type if q.speaker_id else None for q in quotes] == [speaker_type]


JOINT = [
    ("names", "“The levy is unfair,” Ada Okafor and Ben Lind said in a statement.", "Ben Lind"),
    ("titles", "“The levy is unfair,” Governor Ada Okafor and Senator Ben Lind said.", "Ben Lind"),
    # the parser makes the second title the conjunct and the name its apposition
    (
        "long titles",
        "“The levy is unfair,” Assembly Speaker Ada Okafor and Senate Majority Leader Chuck Lind said "
        "in a statement.",
        "Chuck Lind",
    ),
]


@pytest.mark.parametrize(("name", "text", "second"), JOINT, ids=[c[0] for c in JOINT])
def test_a_joint_statement_is_no_one_persons(nlp: Any, name: str, text: str, second: str) -> None:
    """People named together as the subject speak together: no one actor gets the words, and the
    text shown keeps both names, however the titles before them are parsed."""
    quotes, _ = _with_actors(nlp, text)
    quote = _find(quotes, "“The levy is unfair")
    assert quote is not None, [q.text for q in quotes]
    assert quote.speaker_id is None
    assert "Ada Okafor" in quote.speaker_text and second in quote.speaker_text


def test_an_apposition_without_and_is_the_same_person(nlp: Any) -> None:
    quotes, _ = _with_actors(nlp, "“The levy is unfair,” Ada Okafor, the governor, said in a statement.")
    assert [q.speaker_id for q in quotes] == ["ada-okafor"]


HEADLINE_ROLES = [
    # the headline gives the role to the person the text names without it
    ("Meeting with Harbour Territory Governor Ivan Tamsk", "The Governor", "ivan-tamsk"),
    ("Meeting with Harbour Territory Governor Ivan Tamsk", "The Harbour Territory Governor", "ivan-tamsk"),
    # a headline going on after the name ("... Governor Ivan Tamsk visits the port", title case too)
    ("Harbour Territory Governor Ivan Tamsk visits the port", "The Governor", "ivan-tamsk"),
    ("Harbour Territory Governor Ivan Tamsk Visits The Port", "The Governor", "ivan-tamsk"),
    # another territory's governor, or a headline naming two: no guess
    ("Meeting with Lake Territory Governor Ivan Tamsk", "The Harbour Territory Governor", None),
    ("Governor Ivan Tamsk and Governor Olga Brin meet", "The Governor", None),
    ("", "The Governor", None),
]


@pytest.mark.parametrize(("headline", "role", "speaker"), HEADLINE_ROLES)
def test_a_role_given_in_the_headline_goes_to_its_holder(
    nlp: Any, headline: str, role: str, speaker: str | None
) -> None:
    text = (
        "The President asked Ivan Tamsk and Olga Brin about housing. "
        f"{role} said the region had recovered from the floods."
    )
    quotes, _ = _with_actors(nlp, text, headline)
    quote = _find(quotes, "the region had recovered")
    assert quote is not None, [q.text for q in quotes]
    assert (quote.speaker_text, quote.speaker_id) == (role, speaker)


@pytest.mark.parametrize(
    ("first", "speaker"),
    [
        ("Mr Petrenko reported on the harbour works.", "petrenko"),  # the surname alone in the text
        ("Mr Petrenko and Olga Petrenko reported.", None),  # another Petrenko named in full: no guess
    ],
)
def test_the_headlines_role_holder_named_by_surname_in_the_text(
    nlp: Any, first: str, speaker: str | None
) -> None:
    text = f"{first} The Governor said the region had recovered from the floods."
    quotes, _ = _with_actors(nlp, text, "Meeting with Harbour Territory Governor Ivan Petrenko")
    quote = _find(quotes, "the region had recovered")
    assert quote is not None, [q.text for q in quotes]
    assert quote.speaker_id == speaker


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # "add" with an amount for its object is growth, not speech
        ("Exports were up 12 percent, tourism added 23 percent, and output rose by 28 percent.", []),
        ("The factory added 500 jobs, and wages rose.", []),
        ("The mayor said the budget was balanced, and she added that taxes would fall.", ["said", "added"]),
    ],
)
def test_add_with_an_amount_is_no_statement(nlp: Any, text: str, said: list[str]) -> None:
    quotes, _ = _with_actors(nlp, text)
    assert [q.cue for q in quotes] == said


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a title-case quotation after a named work's noun is its name (official texts' style)
        (
            'Delegates urged the assembly to pass the Law "On Protection of Coastal Wetlands '
            'and Dunes in the Region" before the summer.',
            [],
        ),
        ('The minister said work on the programme "Green Roofs for Every School" began in May.', []),
        # speech after such a noun is speech
        (
            'Of the plan, the mayor said: "It will cost far more than anyone admits."',
            ['"It will cost far more than anyone admits."'],
        ),
    ],
)
def test_a_works_name_in_quotation_marks_is_no_statement(nlp: Any, text: str, quoted: list[str]) -> None:
    quotes, _ = _with_actors(nlp, text)
    assert [q.text for q in quotes if q.kind == "direct"] == quoted


@pytest.mark.parametrize(
    "role",
    ["The Head of the Office of the Mayor of Eastport", "The Head of the Mayor's Office"],
)
def test_a_long_title_before_a_name_holds_its_role_and_body(nlp: Any, role: str) -> None:
    """The title reaches back to its role's word ("Head of the Office of the Mayor of Eastport
    Peter Novak"): the role, its body and its possessor written the other way round find the holder."""
    text = (
        "At the start of the fair, Head of the Office of the Mayor of Eastport Peter Novak met "
        f"with the leaders of charities. {role} said the talks had been useful."
    )
    quotes, _ = _with_actors(nlp, text)
    quote = _find(quotes, "the talks had been useful")
    assert quote is not None, [q.text for q in quotes]
    assert quote.speaker_id == "peter-novak"


def test_a_titles_words_reach_back_to_its_role(nlp: Any) -> None:
    """The words a role's qualifiers are checked against run from the role's word to the name, not
    only the few next to the name; the article and the possessive mark qualify nothing."""
    from lib.extract.quotes.speakers import _qualifiers, _title_words

    doc = nlp("On Monday, Head of the Office of the Mayor of the City of Eastport Peter Novak met donors.")
    person = next(e for e in doc.ents if e.label_ == "PERSON")
    roles, words = _title_words(person)
    assert "head" in roles and {"office", "mayor"} <= words
    office = nlp("The head of the Mayor's Office told donors that the city would help.")
    assert _qualifiers(office[0:7]) == {"mayor", "offic"}
