"""Which reported statements are found, and where their spans start and end (issue 14).

Sentences and names are invented for these tests. Each case gives the exact content a reader
would mark (the GGT annotation guidelines: an indirect quote includes its "that", leaves out the
speaker, the cue and words external to the speech) and, for the negatives, words that must not
open or be part of any statement.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.records import Quote
from tests.extract.test_direct_spans import _run


def _statements(nlp: Any, text: str) -> list[Quote]:
    return _run(nlp, text)[0]


# (case, text, the statement's exact text, a word of its speaker's surface)
FOUND = [
    (
        "that opens reported speech",
        "Ilse Varga said that the bridge would reopen in May.",
        "that the bridge would reopen in May",
        "Varga",
    ),
    (
        "a lead-in after that is the reporter's framing",
        "Ilse Varga said that for her part the harbour board would wait.",
        "the harbour board would wait",
        "Varga",
    ),
    (
        "speaker phrase and hearer after the content",
        "Three wardens stayed behind to guard the archive, a volunteer present during the flood "
        "told reporters.",
        "Three wardens stayed behind to guard the archive",
        "volunteer",
    ),
    (
        "a body after the content",
        "The ferry to Holm Island left two hours late on Sunday, the regional transport agency said.",
        "The ferry to Holm Island left two hours late on Sunday",
        "agency",
    ),
    (
        "inverted cue with an apposition",
        "The northern bridge was also badly damaged, said Ilse Varga, a spokeswoman for the county.",
        "The northern bridge was also badly damaged",
        "Varga",
    ),
    (
        "a long content with names in apposition",
        "Varga left for Holm on a night ferry on Monday accompanied by her deputy, Tom Ekdal, and two "
        "senior wardens, including Ana Roe, a key negotiator in the harbour talks, the island's "
        "official news service said.",
        "Varga left for Holm on a night ferry on Monday accompanied by her deputy, Tom Ekdal, and two "
        "senior wardens, including Ana Roe, a key negotiator in the harbour talks",
        "service",
    ),
    (
        "when and to whom after the cue",
        "Two boats sank in the storm, the coast guard told the Holm Gazette on Monday.",
        "Two boats sank in the storm",
        "guard",
    ),
    (
        "according to at the end: the whole sentence before it",
        "The ferry left at noon and the storm arrived an hour later, according to the coast guard.",
        "The ferry left at noon and the storm arrived an hour later",
        "guard",
    ),
    (
        "according to at the start: the rest, not the source's phrase",
        "According to the latest figures from the county, the jobless rate of young islanders is "
        "twice the average.",
        "the jobless rate of young islanders is twice the average",
        "figures",
    ),
    (
        "a second verb of saying coordinated after the content",
        "The audit says the board spent the grant on travel and alleges that the chair hid the receipts.",
        "the board spent the grant on travel",
        "audit",
    ),
    (
        "the second verb's own content, said by the first's speaker",
        "The audit says the board spent the grant on travel and alleges that the chair hid the receipts.",
        "that the chair hid the receipts",
        "audit",
    ),
    (
        "the speaker repeated as the subject of a second report",
        "Ilse Varga said the harbour would reopen in May and she said the fees would not rise.",
        "the harbour would reopen in May",
        "Varga",
    ),
    (
        "a concession about the speaker ends the content",
        "Tom Ekdal said the fees were fair, although he again refused to publish the accounts.",
        "the fees were fair",
        "Ekdal",
    ),
    (
        "a concession about someone else is part of it",
        "Tom Ekdal said the fees were fair, although the ferries ran late.",
        "the fees were fair, although the ferries ran late",
        "Ekdal",
    ),
    (
        "a verb phrase the cue's tense cannot narrate continues the content",
        "Varga said the harbour plans to reopen the pier in May to test the cranes, and will then "
        "hire new crews.",
        "the harbour plans to reopen the pier in May to test the cranes, and will then hire new crews",
        "Varga",
    ),
    (
        "a content clause after the hearer, its that left out",
        "Ekdal told reporters he sold the boats to his cousin so the bank could not seize them.",
        "he sold the boats to his cousin so the bank could not seize them",
        "Ekdal",
    ),
    (
        "a pair of dashes around the speaker's aside stays",
        "Varga said the fees — set in May — would not rise this year.",
        "the fees — set in May — would not rise this year",
        "Varga",
    ),
    (
        "a phrase of time between the cue and its that-clause",
        "Varga tweeted in the early hours that the ferry was late again.",
        "that the ferry was late again",
        "Varga",
    ),
    (
        "a verb of the content that agrees with it stays inside",
        "Varga said the clerks checked every ledger and reported no losses.",
        "the clerks checked every ledger and reported no losses",
        "Varga",
    ),
    (
        "a paragraph closed by two apostrophes is prose, not a teaser line",
        "Harbour news\n\nVarga said the ferry would run again in May. As she put it, ''we are ready "
        "for the summer.''",
        "the ferry would run again in May",
        "Varga",
    ),
    (
        "a name the parser ran into the phrase before the verb is its subject",
        "In a meeting with the editors of the Harbour Gazette Okafor said that the ferry may need new "
        "engines.",
        "that the ferry may need new engines",
        "Okafor",
    ),
    (
        "a gerund after a verb of saying opens what was said",
        "Coach Ilse Varga said having the captain back was a big boost.",
        "having the captain back was a big boost",
        "Varga",
    ),
    (
        "a phrase framing the sentence before the speaker stays out",
        "In revisiting her old play, Okafor says it helps to start from an existing structure.",
        "it helps to start from an existing structure",
        "Okafor",
    ),
    (
        "a participle of saying after a quotation's closing mark opens a statement of its own",
        'Varga said: "The harbour was busy for a whole decade," adding that the fares had doubled.',
        "that the fares had doubled",
        "Varga",
    ),
    (
        "a sentence the parser ended on a title's full stop runs on after 'according to'",
        "According to the prosecutors, a memo written by Sgt. Tomas Berg showed the gate was open.",
        "a memo written by Sgt. Tomas Berg showed the gate was open",
        "prosecutors",
    ),
    (
        "a name modifying a noun of saying is its source",
        "Residents mocked a Varga claim that the pier was safe.",
        "that the pier was safe",
        "Varga",
    ),
    (
        "what was told, when the parser made it the head of the verb of saying",
        "When Ana first told Tomas she missed him, he looked away.",
        "she missed him",
        "Ana",
    ),
    (
        "a participle of saying on the event where someone spoke is theirs",
        '"We will get there," Varga said at a news conference announcing that the ferry line would be sold.',
        "that the ferry line would be sold",
        "Varga",
    ),
    (
        "a time clause after a parenthetical cue stays the speaker's",
        "The mill was busy, Okafor said, until it closed in 1999.",
        "until it closed in 1999",
        "Okafor",
    ),
    (
        "according to a role, then its holder's title and name set off by commas: the name is no content",
        "According to the head of the delegation, Deputy Minister of Fisheries Ana Lopes, the talks on "
        "quotas went well.",
        "the talks on quotas went well",
        "head",
    ),
    (
        "according to a source, then a clause of its own between commas: the clause is content",
        "According to the coast guard, as Ana Lopes saw, the ferry left at noon.",
        "as Ana Lopes saw, the ferry left at noon",
        "guard",
    ),
    (
        "a relative word opening the clause stays in",
        "The board, which Okafor said was failing the town, met on Monday.",
        "which Okafor said was failing the town",
        "Okafor",
    ),
]


@pytest.mark.parametrize(("case", "text", "content", "speaker"), FOUND, ids=[c[0] for c in FOUND])
def test_statement_span(nlp: Any, case: str, text: str, content: str, speaker: str) -> None:
    statements = _statements(nlp, text)
    match = [q for q in statements if q.text == content]
    assert match, [q.text for q in statements]
    assert speaker in match[0].speaker_text
    assert text[match[0].start : match[0].end] == content


# (case, text, words that no statement may contain)
NOT_FOUND = [
    (
        "a time clause before a verb with its own object",
        "But when the council cut the grant two years later, the town said enough.",
        "the council cut the grant",
    ),
    (
        "a verb of saying that modifies a noun",
        "He also met Tom Ekdal, a ferry captain who became a judge, a career Ekdal described in his memoir.",
        "He also met",
    ),
    (
        "a verb that only looks like a cue",
        "Combined with the delays, rising costs only add to the strain.",
        "Combined with the delays",
    ),
    (
        "a concession about the speaker after a parenthetical cue",
        "The fees will rise, Varga said, though she did not say by how much.",
        "did not say by how much",
    ),
    (
        "a speech act in a condition, by someone indefinite",
        'A "renoviction" is when an owner tells a renter they must move out for renovations.',
        "they must move out",
    ),
    (
        "a relative clause of the hearer",
        "Ekdal told the wardens he trusted about the plan.",
        "he trusted",
    ),
    (
        "a particle is no phrase of time",
        "The costs on the bill add up to the sum we need to save each month.",
        "we need to save",
    ),
    (
        "a negated verb of saying",
        "The records do not say that he ever sold the boat.",
        "he ever sold the boat",
    ),
    (
        "a refusal to comment",
        "Varga refused to comment on the harbour report.",
        "the harbour report",
    ),
    (
        "the speaker's own voice",
        "The harbour will stay closed until June, I said.",
        "The harbour will stay closed",
    ),
    (
        "a source phrase after a parenthetical cue is no content of it",
        "The storm closed the road, he said, according to the police report.",
        "according to",
    ),
    (
        "an absolute phrase describing the speaker",
        '"I miss the harbour too," she said, voice breaking with emotion.',
        "voice breaking",
    ),
    (
        "a clause across a colon from the cue",
        "Our parliament is a stage: the government proposes laws and the opposition objects.",
        "Our parliament is a stage",
    ),
    (
        "a quotation ends before a participle of saying after its closing mark",
        'Varga said: "The harbour was busy for a whole decade," adding that the fares had doubled.',
        "adding",
    ),
    (
        "a clause closed by a colon the parser hung on the verb after it",
        "We have been here before: Ilse Varga declared war on the harbour board.",
        "We have been here before",
    ),
    (
        "a time clause after the hearer tells when it was said",
        '"You should step down," Varga told Okafor, after he admitted the ledgers had been lost for a year.',
        "after he admitted",
    ),
    (
        "whom someone writes for",
        "Varga writes every week for the readers of the Harbour Gazette.",
        "the readers",
    ),
    (
        "a phrase before the cue with no verb of its own",
        "In the report commissioned by the harbour board — the second review this year — Senator "
        "Okafor said the board had failed the town.",
        "In the report",
    ),
    (
        "the speaker's own phrase misparsed as a clause",
        "Town councillor and housing advocate Ilse Varga told Radio North the rules favour the "
        "landlord, not the tenant.",
        "housing advocate",
    ),
    (
        "a passive verb of saying names its hearer, not its speaker",
        "Tired after the shift, the nurse fell asleep, having been told she could leave at noon.",
        "she could leave at noon",
    ),
]


# (case, text, a content PolNeAR attributes that is no statement) : kept among the wide records
WIDE_ONLY = [
    (
        "what someone was told",
        "Tired after the shift, the nurse fell asleep, having been told she could leave at noon.",
        "she could leave at noon",
    ),
    (
        "a comparison takes in what something is likened to",
        "Varga likened the new tax to a toll on the harbour road.",
        "the new tax to a toll on the harbour road",
    ),
    (
        "a named source's promise, by its to-clause",
        "Okafor's promise to cut the ferry fares won cheers in the harbour town.",
        "to cut the ferry fares",
    ),
    (
        "a named source's demand, by its object",
        "Varga's demand for a recount of the ballots was rejected.",
        "a recount of the ballots",
    ),
    (
        "a parenthetical cue the parser hung on the clause's subject",
        "The risk now, she told me on Monday, is that the mill runs out of grain.",
        "The risk now, she told me on Monday, is that the mill runs out of grain",
    ),
]


@pytest.mark.parametrize(("case", "text", "content"), WIDE_ONLY, ids=[c[0] for c in WIDE_ONLY])
def test_wide_only(nlp: Any, case: str, text: str, content: str) -> None:
    statements, wide = _run(nlp, text)
    assert content in [q.text for q in wide]
    assert content not in [q.text for q in statements]


# (case, text, the GGT statement, the whole PolNeAR content among the wide records or None)
WHOLE_KEPT = [
    (
        "a naming act's predicate is the statement, the whole kept for PolNeAR",
        "Varga called the plan the clearest answer to the crisis.",
        "the clearest answer to the crisis",
        "the plan the clearest answer to the crisis",
    ),
    (
        "a reporter's gloss after a dash",
        "Varga said the board had overpaid by a million for an old ferry — a problem made worse by "
        "the delays.",
        "the board had overpaid by a million for an old ferry",
        "the board had overpaid by a million for an old ferry — a problem made worse by the delays",
    ),
    (
        "a quoted predicate stays with its object",
        "Ekdal called the ruling a “step back for every tenant.”",
        "the ruling a “step back for every tenant.”",
        None,
    ),
]


@pytest.mark.parametrize(("case", "text", "statement", "whole"), WHOLE_KEPT, ids=[c[0] for c in WHOLE_KEPT])
def test_statement_and_its_wider_content(
    nlp: Any, case: str, text: str, statement: str, whole: str | None
) -> None:
    statements, wide = _run(nlp, text)
    assert statement in [q.text for q in statements]
    assert [q.text for q in wide] == ([whole] if whole else [])


@pytest.mark.parametrize(("case", "text", "absent"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_no_statement(nlp: Any, case: str, text: str, absent: str) -> None:
    assert not [q.text for q in _statements(nlp, text) if absent in q.text]


# (case, text): no record at all, statement or wide
NOTHING = [
    (
        "a document's participle leaves its object to the document",
        "In a statement announcing the sale, the fees rose.",
    ),
    (
        "a pronoun's comment, with no clause, is left unattributed",
        "His comment about the ferry fares drew anger.",
    ),
    ("a noun of saying with no source", "The comment about the ferry fares drew anger."),
]


@pytest.mark.parametrize(("case", "text"), NOTHING, ids=[c[0] for c in NOTHING])
def test_nothing_attributed(nlp: Any, case: str, text: str) -> None:
    statements, wide = _run(nlp, text)
    assert not statements and not wide
