"""Issues found in the corpus: what ranks a matter argued over above a general or incidental noun
(lib/extract/issues.py). Statements are given as their key phrases, as quote_phrases gives them."""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract import issues
from lib.extract.positions import Issue, classify, found_issue_id, surface_forms
from lib.records import Quote


def _phrased(rows: list[tuple[str, str, tuple[str, ...]]]) -> list[Quote]:
    """One statement per row (report id, speaker id, its key phrases)."""
    return [
        Quote(doc, speaker, "", "words", "direct", "said", n * 100, n * 100 + 5, 0.9, phrases=phrases)
        for n, (doc, speaker, phrases) in enumerate(rows)
    ]


def _long_turn(*named: str) -> tuple[str, ...]:
    """A meeting's turn: the phrases named and a dozen others of its own."""
    return (*named, *(f"topic{chr(97 + k)} matter" for k in range(12)))


def test_a_statement_shares_its_count_among_many_matters() -> None:
    short = ("ferry fare", "harbour fee")
    shares = issues.statement_shares(
        _phrased([("r1", "a", short), ("r1", "a", _long_turn("ferry fare")), ("r2", "a", ())])
    )
    assert shares[0] == 1.0
    assert shares[1] == issues.STATEMENT_MATTERS / 13
    assert shares[2] == 0.0


def test_a_long_turn_does_not_outweigh_statements_about_one_matter() -> None:
    """ "ferry fare" argued in three short statements of two reports ranks above "harbour fee",
    named in four long turns that name a dozen other matters each."""
    rows = [
        ("r1", "a", ("ferry fare",)),
        ("r2", "b", ("ferry fare",)),
        ("r2", "c", ("ferry fare",)),
        *[(f"r{k}", "d", _long_turn("harbour fee")) for k in range(3, 7)],
    ]
    labels = [i.label for i in issues.discover_issues(_phrased(rows))]
    assert labels.index("ferry fare") < labels.index("harbour fee")


def test_long_turns_naming_two_matters_do_not_join_them() -> None:
    """Two matters named together only in long turns stay two issues; named together in short
    statements as often, they are one."""
    apart = [(f"r{k}", "a", _long_turn("ferry fare", "harbour fee")) for k in range(4)]
    found = issues.discover_issues(_phrased(apart))
    assert {i.label for i in found} >= {"ferry fare", "harbour fee"}
    together = [(f"r{k}", "a", ("ferry fare", "harbour fee")) for k in range(4)]
    (joined,) = issues.discover_issues(_phrased(together))
    assert {"ferry fare", "harbour fee"} <= set(joined.cues)


def test_a_head_never_qualified_weighs_less_than_a_compound() -> None:
    """ "the document" in as many statements and reports as "ferry fare": a noun the statements
    never qualify is used in its general sense, and ranks below the compound."""
    rows = [(f"r{k}", "a", ("ferry fare",)) for k in range(4)]
    rows += [(f"r{k}", "b", ("document",)) for k in range(4, 8)]
    labels = [i.label for i in issues.discover_issues(_phrased(rows))]
    assert labels == ["ferry fare", "document"]


def test_a_bare_head_mostly_qualified_counts_almost_as_its_compound() -> None:
    specific = issues.specificity({"border wall": 3.0, "wall": 1.0, "document": 2.0})
    assert specific["border wall"] == 1.0
    assert specific["document"] == issues.BARE_LEAST
    assert issues.BARE_LEAST < specific["wall"] < 1.0


def _said_after(nlp: Any, narration: str, said: str) -> tuple[str, ...]:
    """The key phrases of a statement ``said`` after a report's ``narration``."""
    text = f"{narration} “{said}” she said."
    start = text.index(said)
    quote = Quote("r1", "mara-venn", "", said, "direct", "said", start, start + len(said), 0.9)
    return issues.quote_phrases(nlp(text), quote)


@pytest.mark.parametrize(
    ("said", "kept", "agent"),
    [
        ("The appeals court and the judge will rule on the fishing quota.", "fishing quota", "judge"),
        ("The league and its board oppose the ferry fares.", "ferry fare", "board"),
        ("The lawmakers want a harbour fee.", "harbour fee", "lawmaker"),
    ],
)
def test_nouns_of_roles_and_bodies_name_no_issue(nlp: Any, said: str, kept: str, agent: str) -> None:
    """Who rules, governs or legislates is an actor; the matter is what they argue over."""
    phrases = _said_after(nlp, "Rain fell on Monday.", said)
    assert kept in phrases
    assert not any(p.split()[-1] in (agent, "court", "league") for p in phrases), phrases


def test_kin_name_who_a_story_is_about_not_an_issue(nlp: Any) -> None:
    """ "The boy's father" and "his mother" are the story's people; the matter is the custody."""
    said = "The boy's father and his natural mother both want the custody hearing moved to May."
    phrases = _said_after(nlp, "The family met on Monday.", said)
    assert "custody hearing" in phrases
    assert not any(p.split()[-1] in ("boy", "father", "mother") for p in phrases), phrases


def test_a_meetings_procedure_names_no_issue(nlp: Any) -> None:
    """The chair's "I give the floor to ..." and "the next item on the agenda" order the talk."""
    said = "I now give the floor to the harbour board. The fishing quota is next on the agenda."
    phrases = _said_after(nlp, "The council met on Monday.", said)
    assert "fishing quota" in phrases
    assert not any(p.split()[-1] in ("floor", "agenda") for p in phrases), phrases


def test_a_noun_the_report_writes_as_a_title_names_no_issue(nlp: Any) -> None:
    """ "Harbour warden Maria Lopez": a warden is a role in that report, whatever the lexicons hold;
    in a report with no warden named it stays a phrase. A title ending "of <domain>" makes the
    domain no role."""
    said = "The wardens oppose the fishing quota."
    assert _said_after(nlp, "Harbour warden Maria Lopez spoke on Monday.", said) == ("fishing quota",)
    assert "warden" in _said_after(nlp, "Rain fell on Monday.", said)
    fisheries = _said_after(nlp, "Minister of Fisheries Maria Lopez spoke.", "The fisheries need help.")
    assert "fishery" in fisheries


@pytest.mark.parametrize(
    ("said", "addressed"),
    [
        ("We have to fix the ferry timetable right now.", False),  # an adverb
        ("They found the right way to fix the ferry timetable.", False),  # an adjective
        ("We will defend the rights of the fishermen.", True),  # the noun: the matter
    ],
)
def test_a_found_issue_is_named_by_a_noun_not_by_the_same_word_otherwise(
    nlp: Any, said: str, addressed: bool
) -> None:
    """A found issue is a noun phrase the statements argue over; its word used as an adverb or an
    adjective ("right now", "the right way" beside the issue "rights") names no matter."""
    rights = Issue(found_issue_id("right"), "right", "", tuple(surface_forms(["right"])), whole_words=True)
    phrases = _said_after(nlp, "Rain fell on Monday.", said)
    assert phrases  # the statement has key phrases: its nouns are known
    assert bool(classify(said, "said", [rights], phrases)) is addressed


def test_an_issue_added_by_its_phrases_is_named_as_written(nlp: Any) -> None:
    """An issue an analyst adds (or a pack's) is named by its cues as written: the analyst chose
    the words, whatever part of speech the statement uses them in."""
    added = Issue("added-right", "right", "", tuple(surface_forms(["right"])), whole_words=True)
    said = "We have to fix the ferry timetable right now."
    assert classify(said, "said", [added], _said_after(nlp, "Rain fell on Monday.", said))


def _issue_of(found: list[Issue], phrase: str) -> Issue:
    """The found issue whose cues hold ``phrase``."""
    (issue,) = [i for i in found if phrase in i.cues]
    return issue


def test_a_bare_head_joins_a_compound_only_in_a_story_that_names_it() -> None:
    """ "the ferry tax" named in two reports; "the tax" in a third report of the same event refers
    back to it, but "the tax" of two unrelated reports (a story that never says which tax) is some
    other tax: it is not counted for the ferry tax, and a statement there does not address it."""
    rows = [
        ("r1", "a", ("ferry tax",)),
        ("r2", "b", ("ferry tax",)),
        ("r2", "c", ("ferry tax",)),
        ("r3", "d", ("tax",)),  # r3 reports one event with r1
        ("r8", "e", ("tax",)),
        ("r9", "f", ("tax",)),
        ("r9", "g", ("tax",)),
    ]
    quotes = _phrased(rows)
    related = issues.event_reports([("r1", "r3")])
    assert related["r3"] == {"r1"}
    found = issues.discover_issues(quotes, related=related)
    ferry = _issue_of(found, "ferry tax")
    assert ferry.label == "ferry tax"
    assert "tax" in ferry.cues
    assert "found in 4 statements" in ferry.description.lower()
    assert classify("the tax", "said", [ferry], ("tax",), doc_id="r3")
    assert not classify("the tax", "said", [ferry], ("tax",), doc_id="r9")
    # the unrelated uses are the noun in its general sense: an issue of their own, for them only
    other = next(i for i in found if i is not ferry)
    assert other.label == "tax"
    assert classify("the tax", "said", [other], ("tax",), doc_id="r9")
    assert not classify("the tax", "said", [other], ("tax",), doc_id="r3")
    # without the event, the third report's "tax" is as unrelated as the others
    alone = _issue_of(issues.discover_issues(quotes), "ferry tax")
    assert "found in 3 statements" in alone.description.lower()


def test_kinds_of_a_head_no_story_ties_are_different_issues() -> None:
    """ "school debate" and "budget debate" in unrelated reports are two matters; "border fence" and
    "steel fence" named in reports of one event are one."""
    rows = [
        ("r1", "a", ("school debate",)),
        ("r2", "b", ("school debate",)),
        ("r2", "c", ("school debate",)),
        ("r5", "d", ("budget debate",)),
        ("r6", "e", ("budget debate",)),
        ("r6", "f", ("budget debate",)),
        ("r7", "g", ("border fence",)),
        ("r7", "h", ("border fence",)),
        ("r8", "i", ("steel fence",)),
        ("r8", "j", ("steel fence",)),
    ]
    found = issues.discover_issues(_phrased(rows), related=issues.event_reports([("r7", "r8")]))
    assert _issue_of(found, "school debate") is not _issue_of(found, "budget debate")
    assert _issue_of(found, "border fence") is _issue_of(found, "steel fence")
    assert len({i.id for i in found}) == len(found)


def test_a_label_names_each_thing_once_by_its_fullest_repeated_form() -> None:
    """ "ferry tax / tax" names one thing twice; "harbour ferry tax", used in two statements, says
    which ferry tax, where one statement's "old harbour ferry tax" is its speaker's wording. Phrases
    that name other things ("toll", "dock fee") fill the label."""
    counts = {"ferry tax": 5, "tax": 4, "harbour ferry tax": 2, "old harbour ferry tax": 1, "toll": 2}
    ranked = ["ferry tax", "tax", "harbour ferry tax", "old harbour ferry tax", "toll", "dock fee"]
    assert issues._label(ranked, counts) == ["harbour ferry tax", "toll", "dock fee"]
    assert issues._label(["double-dip slump", "dip slump"], {"dip slump": 3}) == ["double-dip slump"]
    rows = [(f"r{k}", "a", ("ferry tax",)) for k in range(3)] + [("r1", "b", ("tax",))]
    (found,) = issues.discover_issues(_phrased(rows))
    assert found.label == "ferry tax"
    assert "tax" in found.cues
