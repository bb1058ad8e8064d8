"""Pronouns continuing the one person in focus (issue 14, session 41).

Three ways a "he"/"she" a careful reader gives the person the passage is about was left to
nobody, or given to someone else:

- a source's quoted sentences before '..., she wrote' counted as sentences of the narration, so
  the person named just before the quotation fell out of the pronoun's search window
  (``Resolver._narrated_window``);
- namesakes: a surname shared by a man and a woman of one family ("Paul Marek" and his wife
  "Laura Marek") was read as the longest name ending with it, so every "Marek" was the wife,
  "he" could not refer to him, and even the full name "Paul Marek" took her gender
  (``_full_names``, ``Resolver._full_of``); the actor the surname's mention was linked to must
  also be the person the speaker was resolved to (``extract._speaker_id``);
- a statement of a body reported inside a person's own words ("he said the league had to
  admit that it was broke") broke the run of that person's statements, so the "he" after it
  was left to nobody (``extract._reported_within``).

Where another person of the pronoun's gender was named since, the pronoun stays unresolved.
Sentences written for these tests, with made-up people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown


def test_she_after_a_long_quotation_is_the_woman_named_just_before_it(nlp: Any) -> None:
    text = (
        "Senator Maria Okafor of Eastland wrote on Sunday that the harbour budget was padded.\n\n"
        "Other members of the opposition were more careful.\n\n"
        "Senator Helen Valdor of Northport pointed to the dredging contract signed in May.\n\n"
        "“The dredgers came twice. The silt came back both times. The harbour board paid for "
        "both. Show us the invoices,” she wrote on her blog."
    )
    assert _speaker_shown(nlp, text, "Show us the invoices") == "Helen Valdor"


def test_the_reporters_own_sentences_still_end_the_window(nlp: Any) -> None:
    # quoted sentences are skipped, narrated ones count: four of them after her name, about
    # other things, and the "she" may be someone the text only described
    text = (
        "Senator Ines Valdor of Northport spoke first at the hearing.\n\n"
        "The hall was cold. Lorries queued outside for hours. The vote was delayed twice. "
        "An officer waved the visitors through.\n\n"
        "“The silt came back. Show us the invoices,” she wrote on her blog."
    )
    assert _speaker_shown(nlp, text, "Show us the invoices") != "Ines Valdor"


NAMESAKES = (
    "Former Rep. Paul Marek admitted on Wednesday that he had paid for a boat with money from "
    "his re-election fund.\n\n"
    "His wife, Laura Marek, who kept the fund's books, will answer the same charge in June.\n\n"
    "Marek said he had sold the boat in March and repaid the fund. He said the judge had been "
    "fair and that he would not appeal."
)


def test_a_shared_surname_alone_is_the_person_named_first(nlp: Any) -> None:
    # a control: the actor layer links the bare surname to the one named first as well
    assert _speaker_shown(nlp, NAMESAKES, "sold the boat") == "Paul Marek"


def test_he_is_not_given_the_wife_the_surname_was_linked_to(nlp: Any) -> None:
    # "Jr." keeps the principal apart in the actor layer, which then links the bare surname to
    # the wife; "he" rules her out, and the speaker is the man the pronoun was resolved to
    text = NAMESAKES.replace("Former Rep. Paul Marek admitted", "Former Rep. Paul Marek Jr. admitted")
    assert _speaker_shown(nlp, text, "would not appeal") == "Paul Marek Jr."


def test_he_after_a_shared_surname_is_not_left_to_nobody(nlp: Any) -> None:
    assert _speaker_shown(nlp, NAMESAKES, "would not appeal") == "Paul Marek"


def test_a_full_name_keeps_its_own_first_name_beside_a_namesake(nlp: Any) -> None:
    from lib.extract.quotes.cues import load_cues
    from lib.extract.quotes.speakers import Resolver

    text = (
        "Donald Varga opened the plant on Monday. His wife, Laura Varga, cut the ribbon.\n\n"
        "Donald Varga said the plant would hire two hundred workers."
    )
    sdoc = nlp(text)
    resolver = Resolver(sdoc, [], load_cues())
    genders = {p.text: resolver._gender(p) for p in resolver.persons if len(p.text.split()) > 1}
    assert genders.get("Donald Varga") == "male"
    assert genders.get("Laura Varga") == "female"


SPEECH = (
    "A two-day fishing fair in Lakeport closed on Sunday with a long attack on the quota system by "
    "Soren Aldane, who runs the harbour's oldest trawler firm.\n\n"
    "The quota, he told the fair, is a net with the knot in the wrong place.\n\n"
    "But he spared neither ministry, saying he could not tell what either wanted.\n\n"
    "“A smaller catch is not a better catch,” he said.\n\n"
    "Recalling that his own firm had once gone under, he said that the league had to admit that "
    "it was broke and should stop pretending otherwise.\n\n"
    "“Friends, my name is the league and I am broke!” he shouted."
)


def test_a_body_reported_inside_his_words_does_not_end_his_run(nlp: Any) -> None:
    assert _speaker_shown(nlp, SPEECH, "my name is the league") == "Soren Aldane"


def test_a_person_reported_inside_his_words_still_leaves_he_open(nlp: Any) -> None:
    # another man named inside the speech may be the "he" as well: no actor rather than a guess
    text = SPEECH.replace(
        "the league had to admit that it was broke",
        "Minister Tomas Reyes had to admit that he was wrong",
    ).replace("my name is the league and I am broke", "my name is Tomas and I was wrong")
    assert _speaker_shown(nlp, text, "my name is Tomas") != "Soren Aldane"


def _antecedent_of_she(nlp: Any, text: str) -> str | None:
    from lib.extract.quotes.cues import load_cues
    from lib.extract.quotes.speakers import Resolver

    sdoc = nlp(text)
    start, end = text.index("“"), text.index("”") + 1
    resolver = Resolver(sdoc, [(start, end)], load_cues())
    at = text.rindex(" she ") + 1
    she = sdoc.char_span(at, at + 3)
    pool = [p for p in resolver.persons if resolver._gender(p) != "male"]
    found = resolver._antecedent(she, pool, "she")
    return found.text if found is not None else None


LONG_CHANT = (
    "{name} spoke to the crowd outside the courthouse on Friday.\n\n"
    "“We will win. We will not stop. We will keep going. Nobody can stop us,” she said."
)


def test_past_the_written_window_a_woman_known_as_such_is_found(nlp: Any) -> None:
    assert _antecedent_of_she(nlp, LONG_CHANT.format(name="Maria Dalby")) == "Maria Dalby"


def test_past_the_written_window_position_alone_finds_nobody(nlp: Any) -> None:
    # a first name no lexicon holds: so far back, position is no evidence of who "she" is
    assert _antecedent_of_she(nlp, LONG_CHANT.format(name="Kerensa Dalby")) is None


def test_the_weights_may_not_pass_over_a_person_named_since(nlp: Any) -> None:
    # "he" after two men: the rules chose the one named last (his gender unknown), the weights
    # an earlier one who spoke more; both fit, and the pronoun is left to nobody
    from lib.extract.quotes.cues import load_cues
    from lib.extract.quotes.speakers import Resolver, _passed_over

    text = (
        "Daniel Brandt said on Monday that the port would stay open. Brandt spoke for an hour.\n\n"
        "The council met later that day. Its vote was delayed by Okon Baptiste. He added that "
        "the budget would wait."
    )
    sdoc = nlp(text)
    resolver = Resolver(sdoc, [], load_cues())
    at = text.index("He added")
    he = sdoc.char_span(at, at + 2)
    found = resolver._by_rules(he)
    candidates = resolver.candidates(he, "person", found)
    earlier = next(i for i, c in enumerate(candidates) if c[0] == "Daniel Brandt")
    nearer = next(i for i, c in enumerate(candidates) if c[0] == "Okon Baptiste")
    assert candidates[nearer][2].rules
    assert _passed_over(candidates, earlier)
    assert not _passed_over(candidates, nearer)
