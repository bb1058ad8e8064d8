"""A source's quoted sentences are no lapse of the passage from its person (issue 14, session 38).

"She" after a run of quoted sentences goes to the one woman the passage keeps to
(``Resolver._salient``, ``Resolver._chained``), unless the passage drifted: more than two sentences
without her pronoun. A quotation's own sentences were counted among those, though a speaker speaks
of themself in the first person: a long quotation closed by "..., she said" left "she" to nobody,
and every statement after it that continued her. Sentences wholly inside quotation marks are now
skipped; the reporter's sentences still count. Sentences written for these tests, with fictional
people.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_quotes import _speaker_shown

LONG_QUOTATION = (
    "Marine biologist Maria Okafor spent Tuesday at the harbour inquiry, where she defended her survey "
    "of the reef.\n\n"
    "Several fishermen who back her findings said the hearing had been unfair.\n\n"
    "And the port director dismissed her survey on local radio. He said her samples were worthless.\n\n"
    "The veteran researcher had opened the dispute in a lecture on Friday. “We counted every colony "
    "twice. The decline is real. Nobody who dives there doubts it,” she said.\n\n"
    "She went further on Sunday, telling a podcast: “The port is hiding the damage.”"
)


def test_she_after_a_long_quotation_is_the_woman_the_passage_keeps_to(nlp: Any) -> None:
    assert _speaker_shown(nlp, LONG_QUOTATION, "We counted every colony") == "Maria Okafor"
    assert _speaker_shown(nlp, LONG_QUOTATION, "hiding the damage") == "Maria Okafor"


def test_the_reporters_sentences_still_count(nlp: Any) -> None:
    # the same quotation, but the narration turns to other things for three sentences: "she" may
    # be someone the text only described (the checkpoint's officer), so it is left to nobody
    text = (
        "Marine biologist Maria Okafor crossed the border on Wednesday.\n\n"
        "The checkpoint was crowded. Lorries queued for miles. An officer waved cars through.\n\n"
        "“I cannot remember a day like it. Everyone was patient,” she said."
    )
    assert _speaker_shown(nlp, text, "I cannot remember") != "Maria Okafor"


def test_the_one_woman_known_is_not_salient_past_someone_named_since(nlp: Any) -> None:
    # skipping quoted sentences lets the salience rule reach further back; a person named since
    # whose gender nothing tells (a first name no lexicon holds) may be the "she" as well
    from lib.extract.quotes.cues import load_cues
    from lib.extract.quotes.speakers import Resolver

    text = (
        "Maria Okafor said on Tuesday that the reef was dying. Okafor has surveyed it since 2009.\n\n"
        "Kerensa Dalby answered from the quay on Friday. Later that day, she posted a reply."
    )
    sdoc = nlp(text)
    resolver = Resolver(sdoc, [], load_cues())
    at = text.index(" she ") + 1
    she = sdoc.char_span(at, at + 3)
    assert resolver._gender(next(p for p in resolver.persons if "Dalby" in p.text)) is None
    assert resolver._salient(she, "she") is None
