"""Two reports aligned claim by claim, on hand-built records, plus the seed gold."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from typing import Any

import pytest

from lib.compare.align import compare
from lib.extract.numbers import extract_numbers
from lib.records import Actor, Analysis, Corpus, DateMention, Document, Mention, Quote, Span
from lib.text.similarity import terms

ACTORS = (
    Actor("mara-holt", "Mara Holt", "person", affiliation="eastland"),
    Actor("eastland", "Eastland", "country"),
    Actor("ivo-pax", "Ivo Pax", "person", affiliation="league"),
    Actor("league", "The League", "organization"),
    Actor("tom-reed", "Tom Reed", "person"),
)


def _find(text: str, snippet: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(snippet, start + 1)
    return start


def _speaker_cue(text: str, after: int, name: str) -> tuple[str, int | None, int | None]:
    """The speaker as written after the quote: the name when it is there, else the first word
    that is not the cue ("he" in "he said"), as the quote extractor records it."""
    rest = text[after:]
    if name in rest:
        start = after + rest.index(name)
        return name, start, start + len(name)
    word = next((m for m in re.finditer(r"[A-Za-z]+", rest) if m.group() != "said"), None)
    if word is None:
        return name, None, None
    return word.group(), after + word.start(), after + word.end()


def build(
    nlp: Any,
    texts: dict[str, str],
    quotes: list[tuple[str, str, str]],
    names: list[tuple[str, str, str]],
    days: dict[str, str] | None = None,
) -> Analysis:
    """An Analysis from texts, (doc, speaker, quote text) and (doc, actor, surface) triples; every
    report dated 2022-01-20 unless ``days`` gives its date."""
    days = days or {}
    docs = tuple(
        Document(i, i, "", days.get(i, "2022-01-20"), "metadata", "en", "", "", t) for i, t in texts.items()
    )
    sdocs = {d.id: nlp(d.text) for d in docs}
    sentences = tuple(Span(d.id, s.start_char, s.end_char, s.text) for d in docs for s in sdocs[d.id].sents)
    found_quotes = []
    actor_names = {a.id: a.name for a in ACTORS}
    for doc_id, speaker, text in quotes:
        start = _find(texts[doc_id], text)
        cue = _speaker_cue(texts[doc_id], start + len(text), actor_names.get(speaker, speaker))
        found_quotes.append(
            Quote(
                doc_id,
                speaker,
                cue[0],
                text,
                "direct",
                "said",
                start,
                start + len(text),
                0.9,
                *cue[1:],
            )
        )
    mentions = []
    for doc_id, actor, surface in names:
        start = _find(texts[doc_id], surface)
        mentions.append(Mention(doc_id, actor, surface, start, start + len(surface)))
    numbers = tuple(n for d in docs for n in extract_numbers(d, sdocs[d.id]))
    return Analysis(
        Corpus(docs), ACTORS, tuple(mentions), tuple(found_quotes), (), (), numbers, (), sentences
    )


A = (
    "Eastland has gathered over 100,000 soldiers near the northern border, Mara Holt said. "
    "“We prefer diplomacy and we remain open to talks with our neighbours,” said Mara Holt. "
    "The harvest festival opens next week in the capital."
)
B = (
    "Officials counted about 30,000 soldiers near the northern border on Monday. "
    "Mara Holte told reporters that her government “prefers diplomacy”. "
    "“The door of the League stays open to new members,” said Ivo Pax. "
    "Bread prices climbed 5 percent in the south."
)


@pytest.fixture(scope="module")
def pair(nlp: Any) -> Analysis:
    quotes = [
        ("a", "mara-holt", "“We prefer diplomacy and we remain open to talks with our neighbours,”"),
        ("b", "mara-holt", "“prefers diplomacy”"),
        ("b", "ivo-pax", "“The door of the League stays open to new members,”"),
    ]
    names = [
        ("a", "mara-holt", "Mara Holt"),
        ("a", "eastland", "Eastland"),
        ("b", "mara-holt", "Mara Holte"),
        ("b", "ivo-pax", "Ivo Pax"),
    ]
    return build(nlp, {"a": A, "b": B}, quotes, names)


def test_paraphrased_quote_is_aligned(pair: Analysis) -> None:
    result = compare(pair, "a", "b")
    same = [(p.a.text, p.b.text) for p in result.aligned if p.relation == "same"]
    assert (
        "“We prefer diplomacy and we remain open to talks with our neighbours,”",
        "“prefers diplomacy”",
    ) in same


def test_number_discrepancy(pair: Analysis) -> None:
    found = [d for d in compare(pair, "a", "b").discrepancies if d.kind == "number"]
    assert [(d.a.text, d.b.text) for d in found] == [("over 100,000 soldiers", "about 30,000 soldiers")]
    assert "100,000" in found[0].reason and "30,000" in found[0].reason


def test_name_spelling_discrepancy(pair: Analysis) -> None:
    found = [d for d in compare(pair, "a", "b").discrepancies if d.kind == "name_spelling"]
    assert [(d.about, d.a.text, d.b.text) for d in found] == [("mara-holt", "Mara Holt", "Mara Holte")]


def test_only_and_quoted_sets(pair: Analysis) -> None:
    result = compare(pair, "a", "b")
    assert any("harvest festival" in s.text for s in result.only_a)
    assert any("Bread prices" in s.text for s in result.only_b)
    assert not any("harvest" in p.a.text for p in result.aligned)  # negative: unrelated stays unaligned
    assert result.quoted_both == ("mara-holt",)
    assert result.quoted_only_b == ("ivo-pax",)
    assert result.quoted_only_a == ()


@pytest.mark.parametrize(
    ("text_a", "text_b", "kinds"),
    [
        # agreeing figures: a hedge covers the other figure
        (
            "Over 100,000 soldiers stand at the northern border.",
            "Some 110,000 soldiers stand at the northern border.",
            [],
        ),
        # same figure, different counted thing: no verdict
        (
            "Over 100,000 soldiers stand at the northern border.",
            "About 30,000 tanks stand at the northern border.",
            [],
        ),
        # same counted noun, unrelated context: no verdict
        (
            "Over 100,000 soldiers stand at the northern border.",
            "The parade had 3,000 soldiers and a brass band.",
            [],
        ),
        # a real conflict
        (
            "Over 100,000 soldiers stand at the northern border.",
            "Nearly 20,000 troops stand at the northern border.",
            ["number"],
        ),
    ],
)
def test_number_cases(nlp: Any, text_a: str, text_b: str, kinds: list[str]) -> None:
    analysis = build(nlp, {"a": text_a, "b": text_b}, [], [])
    assert [d.kind for d in compare(analysis, "a", "b").discrepancies] == kinds


def test_different_speakers_are_related_not_same(nlp: Any) -> None:
    text_a = "“Every nation has the right to choose its alliances,” said Mara Holt."
    text_b = "“The door of the alliance is still open,” said Ivo Pax."
    quotes = [
        ("a", "mara-holt", "“Every nation has the right to choose its alliances,”"),
        ("b", "ivo-pax", "“The door of the alliance is still open,”"),
    ]
    result = compare(build(nlp, {"a": text_a, "b": text_b}, quotes, []), "a", "b")
    assert {p.relation for p in result.aligned} == {"related"}


@pytest.mark.parametrize(
    ("other", "relations"),
    [
        ("Tom Reed", []),  # thanks to a different person: not the same claim (a loose match)
        ("Ivo Pax", ["same"]),
    ],
)
def test_different_people_are_not_same(nlp: Any, other: str, relations: list[str]) -> None:
    text_a = (
        "Mara Holt thanked Ivo Pax for the steady support of the league during the winter crisis and floods."
    )
    text_b = (
        f"Mara Holt thanked {other} for steady support in the winter, praising new grain convoys and patrols."
    )
    ids = {"Ivo Pax": "ivo-pax", "Tom Reed": "tom-reed"}
    names = [("a", "mara-holt", "Mara Holt"), ("a", "ivo-pax", "Ivo Pax"), ("b", "mara-holt", "Mara Holt")]
    names.append(("b", ids[other], other))
    result = compare(build(nlp, {"a": text_a, "b": text_b}, [], names), "a", "b")
    assert [p.relation for p in result.aligned] == relations


def test_same_words_different_speaker(nlp: Any) -> None:
    words = "“Our troops will leave the border region before the end of the month,”"
    text_a = f"{words} said Mara Holt."
    text_b = f"{words} said Ivo Pax."
    quotes = [("a", "mara-holt", words), ("b", "ivo-pax", words)]
    found = compare(build(nlp, {"a": text_a, "b": text_b}, quotes, []), "a", "b").discrepancies
    assert [d.kind for d in found] == ["speaker"]


def test_wording_of_one_speaker(nlp: Any) -> None:
    qa = "“Our troops will leave the border region before the end of the month and return home,”"
    qb = "“Our troops will leave the border area before the end of this month and go home,”"
    text_a, text_b = f"{qa} said Mara Holt.", f"{qb} said Mara Holt."
    quotes = [("a", "mara-holt", qa), ("b", "mara-holt", qb)]
    found = compare(build(nlp, {"a": text_a, "b": text_b}, quotes, []), "a", "b").discrepancies
    assert [d.kind for d in found] == ["wording"]


def test_date_discrepancy(nlp: Any) -> None:
    text_a = "The two ministers signed the grain export agreement in Geneva on March 3."
    text_b = "The two ministers signed the grain export agreement in Geneva on March 5."
    analysis = build(nlp, {"a": text_a, "b": text_b}, [], [])
    dates = (
        DateMention(
            "a", "March 3", text_a.index("March 3"), text_a.index("March 3") + 7, "2022-03-03", "day"
        ),
        DateMention(
            "b", "March 5", text_b.index("March 5"), text_b.index("March 5") + 7, "2022-03-05", "day"
        ),
    )
    analysis = Analysis(analysis.corpus, (), (), (), dates, (), (), (), analysis.sentences)
    found = compare(analysis, "a", "b").discrepancies
    assert [(d.kind, d.a.text, d.b.text) for d in found] == [("date", "March 3", "March 5")]
    month = DateMention("b", "March 5", dates[1].start, dates[1].end, "2022-03", "month")
    compatible = Analysis(analysis.corpus, (), (), (), (dates[0], month), (), (), (), analysis.sentences)
    assert compare(compatible, "a", "b").discrepancies == ()


def test_speed_two_long_reports(nlp: Any) -> None:
    """Two ~1,000-word reports compared well under a second (the parse is not part of compare)."""
    sentence_a = (
        "Officials in the capital discussed sanctions, grain exports and the border talks {} times today. "
    )
    sentence_b = (
        "Negotiators said the border talks on grain and sanctions would resume after {} days of pause. "
    )
    text_a = "".join(sentence_a.format(i) for i in range(70))
    text_b = "".join(sentence_b.format(i) for i in range(70))
    analysis = build(nlp, {"a": text_a, "b": text_b}, [], [])
    assert len(text_a.split()) > 900
    began = time.perf_counter()
    compare(analysis, "a", "b")
    assert time.perf_counter() - began < 1.0


@pytest.fixture(scope="module")
def seeds() -> Analysis:
    from lib.extract.pipeline import analyze_paths
    from tests.conftest import DATA

    return analyze_paths([DATA])


def test_seed_discrepancies(seeds: Analysis, seed_gold: dict[str, Any]) -> None:
    result = compare(seeds, "seed-000", "seed-001")
    found = [(d.kind, d.a.text, d.b.text, d.about) for d in result.discrepancies]
    for gold in seed_gold["discrepancies"]:
        matches = [
            f for f in found if f[0] == gold["kind"] and gold["seed-000"] in f[1] and gold["seed-001"] in f[2]
        ]
        assert matches, gold
    kinds = [d.kind for d in result.discrepancies]
    assert kinds.count("number") == 1  # the "two treaties" / "three points" are not compared


def _pair_with(result: Any, snippet_a: str, snippet_b: str) -> list[str]:
    return [p.relation for p in result.aligned if snippet_a in p.a.text and snippet_b in p.b.text]


@pytest.mark.parametrize(
    ("snippet_a", "snippet_b", "relation"),
    [
        ("NATO has delivered to Russia the written answers", "sent their responses by letter", "same"),
        pytest.param(
            "prefers diplomacy",
            "We prefer diplomacy",
            "same",
        ),
        (
            "each country has the right to choose its alliances",
            "The door of the Alliance is still open",
            "related",
        ),
    ],
)
def test_seed_shared_claims(seeds: Analysis, snippet_a: str, snippet_b: str, relation: str) -> None:
    assert _pair_with(compare(seeds, "seed-000", "seed-001"), snippet_a, snippet_b) == [relation]


@pytest.mark.parametrize(
    ("side", "snippet"),
    [
        ("a", "withdrawal of NATO troops from Bulgaria and Romania"),
        ("b", "establishing military lines of communication"),
        ("b", "withdraw its forces from Ukraine, Georgia and Moldova"),
        ("b", "We will read them, we will study them"),
    ],
)
def test_seed_only_in(seeds: Analysis, side: str, snippet: str) -> None:
    result = compare(seeds, "seed-000", "seed-001")
    only = result.only_a if side == "a" else result.only_b
    assert any(snippet in s.text for s in only)


def test_seed_quoted_sets(seeds: Analysis) -> None:
    result = compare(seeds, "seed-000", "seed-001")
    assert {"antony-blinken", "jens-stoltenberg"} <= set(result.quoted_both)
    assert {"sergei-lavrov", "alexander-grushko"} <= set(result.quoted_only_b)


def test_terms_strip_function_words() -> None:
    assert terms("We prefer the diplomacy of talks") == ["prefer", "diplomacy", "dialogue"]


# One test per class of false flag: each pair states two different things, or one thing in two
# acceptable ways, and must not be shown as a contradiction.


def test_figures_measuring_different_things_are_not_compared(nlp: Any) -> None:
    text_a = "The city of Norwick paid $40 million for the new harbour bridge last year."
    text_b = "The city of Norwick earned $12 million from the new harbour bridge tolls last year."
    result = compare(build(nlp, {"a": text_a, "b": text_b}, [], []), "a", "b")
    assert [d.kind for d in (*result.discrepancies, *result.weak)] == []


def test_a_unit_of_measure_in_two_frames_is_two_measures(nlp: Any) -> None:
    """Tons emitted and tons absorbed share a unit, not a quantity: a unit of measure is compared
    only where the two figures' frames share a word, as dollars are."""
    text_a = "The harbour's coal plants emit nearly two million tons of carbon dioxide every year."
    text_b = "A hectare of the harbour's new forest can absorb 150 tons of carbon over the years."
    result = compare(build(nlp, {"a": text_a, "b": text_b}, [], []), "a", "b")
    assert [d.kind for d in (*result.discrepancies, *result.weak)] == []


@pytest.mark.parametrize(
    ("text_b", "same"),
    [
        ("In addition, 40 new district clinics will be opened in Dorvale. Rail fares rose again.", False),
        ("In Dorvale, only 40 percent of district residents have been vaccinated. Fares rose.", True),
    ],
)
def test_a_percentage_is_not_a_count_of_the_same_digits(nlp: Any, text_b: str, same: bool) -> None:
    """A share ("40% of residents") and a count ("40 new clinics") share a numeral, not a
    quantity: no figure in common (no anchor; two figures that differ). "40 percent" is "40%"."""
    text_a = "Mobile clinics reopened in Dorvale districts where fewer than 40% of residents are vaccinated."
    result = compare(build(nlp, {"a": text_a, "b": text_b}, [], []), "a", "b")
    assert any(p.relation == "same" for p in result.aligned) is same


@pytest.mark.parametrize(
    ("day_b", "shown", "weak"), [("2022-01-23", [], ["update"]), ("2022-01-20", ["number"], [])]
)
def test_a_later_figure_is_an_update(nlp: Any, day_b: str, shown: list[str], weak: list[str]) -> None:
    text_a = "The floods in the Arven valley have killed 120 people, officials said."
    text_b = "The floods in the Arven valley have killed 180 people, officials said."
    analysis = build(nlp, {"a": text_a, "b": text_b}, [], [], {"b": day_b})
    result = compare(analysis, "a", "b")
    assert [d.kind for d in result.discrepancies] == shown
    assert [d.kind for d in result.weak] == weak
    assert all(0 <= d.confidence <= 1 and d.reason for d in (*result.discrepancies, *result.weak))


def test_figures_of_different_years_are_not_compared(nlp: Any) -> None:
    text_a = "Port Vell handled 40 percent of the region's grain exports in 2020."
    text_b = "Port Vell handled 25 percent of the region's grain exports in 2021."
    analysis = build(nlp, {"a": text_a, "b": text_b}, [], [])
    dates = tuple(
        DateMention(d, y, t.index(y), t.index(y) + 4, y, "year")
        for d, t, y in (("a", text_a, "2020"), ("b", text_b, "2021"))
    )
    analysis = Analysis(analysis.corpus, (), (), (), dates, (), analysis.numbers, (), analysis.sentences)
    assert compare(analysis, "a", "b").discrepancies == ()


@pytest.mark.parametrize(
    "fragment",
    [
        "“rebuild every bridge in the valley before the winter comes,”",  # the start left out
        "“We will rebuild every bridge in the valley,”",  # the end left out
        "“We will rebuild every bridge ... before the winter comes,”",  # an ellipsis
    ],
)
def test_a_partial_quotation_is_not_a_different_wording(nlp: Any, fragment: str) -> None:
    full = "“We will rebuild every bridge in the valley before the winter comes,”"
    text_a, text_b = f"{full} said Mara Holt.", f"{fragment} said Mara Holt."
    quotes = [("a", "mara-holt", full), ("b", "mara-holt", fragment)]
    result = compare(build(nlp, {"a": text_a, "b": text_b}, quotes, []), "a", "b")
    assert [d.kind for d in (*result.discrepancies, *result.weak)] == []


def test_a_dropped_function_word_is_weak(nlp: Any) -> None:
    qa = "“I am sure that our farmers will bring in the whole harvest before the rains,”"
    qb = "“I am sure our farmers will bring in the whole harvest before the rains,”"
    quotes = [("a", "mara-holt", qa), ("b", "mara-holt", qb)]
    texts = {"a": f"{qa} said Mara Holt.", "b": f"{qb} said Mara Holt."}
    result = compare(build(nlp, texts, quotes, []), "a", "b")
    assert result.discrepancies == ()
    assert [d.kind for d in result.weak] == ["wording"]


def test_an_uncertain_attribution_is_not_a_speaker_discrepancy(nlp: Any) -> None:
    words = "“Our troops will leave the border region before the end of the month,”"
    text_a = f"{words} said Mara Holt."
    text_b = f"Ivo Pax met the envoy on Monday. {words} he said."  # "he" may be anyone near
    quotes = [("a", "mara-holt", words), ("b", "ivo-pax", words)]
    result = compare(build(nlp, {"a": text_a, "b": text_b}, quotes, []), "a", "b")
    assert result.discrepancies == ()
    assert [(d.kind, d.confidence < 0.6) for d in result.weak] == [("speaker", True)]


def test_two_forms_of_one_name_are_one_speaker(nlp: Any) -> None:
    words = "“Our troops will leave the border region before the end of the month,”"
    text_a, text_b = f"{words} said Mara Holt.", f"{words} said Mara J. Holt."
    quotes = [("a", "mara-holt", words), ("b", "mara-j-holt", words)]
    result = compare(build(nlp, {"a": text_a, "b": text_b}, quotes, []), "a", "b")
    assert [d.kind for d in (*result.discrepancies, *result.weak)] == []


@pytest.mark.parametrize(
    ("x", "y", "variant"), [("Mara Holt", "Mára Holt", False), ("Mara Holt", "Mara Holte", True)]
)
def test_a_dropped_accent_is_not_a_spelling_discrepancy(x: str, y: str, variant: bool) -> None:
    from lib.compare.discrepancies import _spelling_variant

    assert _spelling_variant(x, y) is variant


def test_one_relative_date_read_against_two_report_dates_is_not_a_discrepancy(nlp: Any) -> None:
    """Both reports say "on Tuesday"; published a day apart, they resolve it to different
    Tuesdays. The reports agree; only the reading of a relative date differs."""
    text_a = "The two ministers signed the grain export agreement in Geneva on Tuesday."
    text_b = "The two ministers signed the grain export agreement in Geneva on Tuesday."
    analysis = build(nlp, {"a": text_a, "b": text_b}, [], [], days={"a": "2022-03-04", "b": "2022-03-05"})
    at = text_a.index("Tuesday")
    dates = (
        DateMention("a", "Tuesday", at, at + 7, "2022-03-01", "day"),
        DateMention("b", "Tuesday", at, at + 7, "2022-03-08", "day"),
    )
    analysis = Analysis(analysis.corpus, (), (), (), dates, (), (), (), analysis.sentences)
    result = compare(analysis, "a", "b")
    assert [d.kind for d in (*result.discrepancies, *result.weak)] == []


@pytest.mark.parametrize(
    ("cue_b", "speaker_b"),
    [
        ("he said", "ivo-pax"),  # a pronoun the extractor resolved, however confidently
        ("the minister said", "ivo-pax"),  # a role, not a name
        ("said the League", "league"),  # an organisation: its words are often its spokesperson's
    ],
)
def test_only_two_named_people_make_a_speaker_discrepancy(nlp: Any, cue_b: str, speaker_b: str) -> None:
    words = "“Our troops will leave the border region before the end of the month,”"
    text_a = f"{words} said Mara Holt."
    text_b = f"Ivo Pax met the envoy of the League on Monday. {words} {cue_b}."
    analysis = build(
        nlp, {"a": text_a, "b": text_b}, [("a", "mara-holt", words), ("b", speaker_b, words)], []
    )
    surface = cue_b.replace(" said", "").replace("said ", "")
    quotes = tuple(
        replace(
            q,
            speaker_text=surface,
            speaker_start=text_b.index(surface),
            speaker_end=text_b.index(surface) + len(surface),
            speaker_confidence=0.9,
        )
        if q.doc_id == "b"
        else replace(q, speaker_confidence=0.9)
        for q in analysis.quotes
    )
    result = compare(replace(analysis, quotes=quotes), "a", "b")
    assert result.discrepancies == ()
    assert [d.kind for d in result.weak] == ["speaker"]


@pytest.mark.parametrize(
    ("qb", "shown"),
    [
        ("“We run the port the way we run the farms for forty years,”", []),  # a tense adapted
        ("“We run the port the way we ran the fields for forty years,”", ["wording"]),  # a word changed
        ("“We run the port in the way we ran the farms for forty years,”", []),  # a function word added
    ],
)
def test_an_inflected_or_reordered_quote_is_not_a_shown_wording(nlp: Any, qb: str, shown: list[str]) -> None:
    qa = "“We run the port the way we ran the farms for forty years,”"
    quotes = [("a", "mara-holt", qa), ("b", "mara-holt", qb)]
    texts = {"a": f"{qa} said Mara Holt.", "b": f"{qb} said Mara Holt."}
    result = compare(build(nlp, texts, quotes, []), "a", "b")
    assert [d.kind for d in result.discrepancies] == shown


@pytest.mark.parametrize(
    ("qa", "qb"),
    [
        # a word beside a filler changed, or a filler's words used in their own sense
        ("“I mean the ferry is late again this week,”", "“I think the ferry is late again this week,”"),
        ("“As you know, the ferry is late again today,”", "“As you said, the ferry is late again today,”"),
        ("“The ferry, I mean it, is late again this week,”", "“The ferry is late again this week,”"),
    ],
)
def test_a_filler_beside_other_words_is_still_a_wording(qa: str, qb: str) -> None:
    from lib.compare.discrepancies import wording_discrepancy

    quotes = [Quote("a", "mara-holt", "Mara Holt", t, "direct", "said", 0, len(t), 0.9) for t in (qa, qb)]
    assert wording_discrepancy(*quotes) is not None


def test_the_same_words_in_another_order_are_minor() -> None:
    from lib.compare.discrepancies import _reordered

    assert _reordered([(["either"], []), ([], ["either"])])
    assert not _reordered([(["either"], []), ([], ["neither"])])


def test_a_partial_quotation_of_a_repeated_phrase_is_weak() -> None:
    """The speaker used one phrase twice; B quotes the second place, which differs from it only by a
    preposition, though the word alignment pairs B with the first place: not a different wording."""
    from lib.compare.discrepancies import wording_discrepancy

    qa = (
        "“First we will end up before the harbour board, and with luck we will be heard fairly, "
        "and we will prevail at the harbour board.”"
    )
    qb = "“And we will prevail before the harbour board,”"
    found = wording_discrepancy(
        *(Quote("a", "mara-holt", "Mara Holt", t, "direct", "said", 0, len(t), 0.9) for t in (qa, qb))
    )
    assert found is not None and found.confidence < 0.6


@pytest.mark.parametrize(
    ("qa", "qb"),
    [
        ("“We will reopen the ferry line on Monday,”", "“We will reopen the ferry line on Monday.”"),
        ("“We'll reopen the ferry line”", "“We will reopen the ferry line”"),  # words alike once expanded
        ("“”", "“”"),
        # a title one outlet writes before a name and the other leaves out: house style (session 40)
        (
            "“With respect, I disagree with Senator Brandt's plan for the harbour,”",
            "“With respect, I disagree with Brandt's plan for the harbour,”",
        ),
        ("“I told Mr. Brandt the harbour plan was dead,”", "“I told Brandt the harbour plan was dead,”"),
        # a spoken filler one transcript keeps and the other cleans up
        (
            "“The ferry is late again. I mean, this is just not good enough,”",
            "“The ferry is late again. This is just not good enough,”",
        ),
        ("“We will, uh, you know, reopen the ferry line,”", "“We will reopen the ferry line,”"),
    ],
)
def test_one_wording_quoted_twice_is_no_wording_discrepancy(qa: str, qb: str) -> None:
    """Two quotes whose words are the same (wire copy, marks or contractions aside) differ in no
    stretch: no discrepancy, the same with the quotes' words read once and kept (issue #19)."""
    from lib.compare.discrepancies import wording_discrepancy

    quotes = [Quote("a", "mara-holt", "Mara Holt", t, "direct", "said", 0, len(t), 0.9) for t in (qa, qb)]
    assert wording_discrepancy(*quotes) is None
    assert wording_discrepancy(*quotes) is None  # again, from the kept words


# (name, the speaker as written, its actor id, what a discrepancy's reason calls the speaker)
SPEAKERS_IN_REASONS = [
    ("a relative pronoun resolved to an actor", "who", "mara-holt", "Mara Holt"),
    ("a pronoun resolved to an actor", "she", "mara-holt", "Mara Holt"),
    ("a name at the cue", "Holt", "mara-holt", "Mara Holt"),
    ("a description no actor holds", "a harbour pilot", None, "a harbour pilot"),
]


@pytest.mark.parametrize(
    ("name", "surface", "actor_id", "called"), SPEAKERS_IN_REASONS, ids=[c[0] for c in SPEAKERS_IN_REASONS]
)
def test_a_reason_names_the_speaker_by_its_actor(
    name: str, surface: str, actor_id: str | None, called: str
) -> None:
    """A reason reads "Mara Holt quoted in different words", not "who quoted ...": the words written at
    the cue ("who", "she") name nobody on their own."""
    from lib.compare.discrepancies import _who

    text = "“The harbour stays open.”"
    quote = Quote("a", actor_id, surface, text, "direct", "said", 0, len(text), 0.9)
    analysis = Analysis(Corpus(()), ACTORS, (), (quote,), (), (), (), ())
    assert _who(analysis, quote) == called


# Reports of different days (lib/compare/when.py): the same kind of news of two days is two facts.
WRAP_A = (
    "Grain futures rose on Tuesday in Orvale trading. "
    "Wheat gained 12 cents to $6.10 a bushel in Orvale trading. "
    "The grain exchange of Orvale stayed open through the storm."
)
WRAP_B = (
    "Grain futures fell on Thursday in Orvale trading. "
    "Wheat lost 30 cents to $5.75 a bushel in Orvale trading. "
    "The grain exchange of Orvale stayed open through the storm."
)


@pytest.mark.parametrize(("day", "apart"), [(None, True), ("2022-01-20", False)])
def test_two_days_figures_are_updates_not_the_same_claim(nlp: Any, day: str | None, apart: bool) -> None:
    analysis = build(nlp, {"a": WRAP_A, "b": WRAP_B}, [], [], {"a": day, "b": day})
    result = compare(analysis, "a", "b")
    same = {(p.a.text, p.b.text) for p in result.aligned if p.relation == "same"}
    wheat = next((a, b) for a, b in zip(WRAP_A.split(". "), WRAP_B.split(". "), strict=True) if "Wheat" in a)
    assert not any(a.startswith(wheat[0]) for a, _ in same)  # two figures each, none shared
    assert any(a.startswith("The grain exchange") for a, _ in same)  # the same words stay the same
    if apart:  # undated, and the texts name Tuesday and Thursday
        assert result.days_apart == "A's news is of Tuesday, B's of Thursday"
        assert [d.kind for d in result.discrepancies] == []
        assert "update" in [d.kind for d in result.weak]
    else:  # both of one day: dated on the 20th, their "Tuesday" and "Thursday" unread
        assert result.days_apart == ""
        assert "number" in [d.kind for d in result.discrepancies]


SESSION_A = (
    "The Brenmark council met on its usual schedule and approved the harbour budget. "
    "Mara Holt resigned from the harbour board after the vote."
)
SESSION_B = (
    "The Brenmark council met as usual and approved the harbour budget without a debate. "
    "Mara Holt left the harbour board after the vote on the budget."
)


@pytest.mark.parametrize(("day_b", "council_same"), [("2022-01-20", True), ("2022-01-25", False)])
def test_reports_of_different_days_share_only_facts_tied_to_them(
    nlp: Any, day_b: str, council_same: bool
) -> None:
    names = [("a", "mara-holt", "Mara Holt"), ("b", "mara-holt", "Mara Holt")]
    analysis = build(nlp, {"a": SESSION_A, "b": SESSION_B}, [], names, {"b": day_b})
    result = compare(analysis, "a", "b")
    same = [p.a.text for p in result.aligned if p.relation == "same"]
    assert any(t.startswith("The Brenmark council") for t in same) is council_same  # a session a day
    assert any(t.startswith("Mara Holt") for t in same)  # a fact about a person, retold
    assert bool(result.days_apart) is not council_same
