"""Polarity and stance read from the sentence: evaluative words, negation, predicates, conditions."""

from __future__ import annotations

import pytest

from lib.extract import polarity
from lib.extract.positions import Issue, classify


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The governor's plan is a disgrace", -1),
        ("Mayor Tolk has been an honest and capable leader", 1),
        ("The minister is not fair to the farmers", -1),  # negation turns a praise
        ("Nothing the council said was accurate", -1),  # a negative quantifier denies the clause
        ("The harbour report was published on Monday", 0),  # nothing evaluative: no polarity
        ("It is not only wrong but dangerous", -2),  # "not only" is no negation
        ('"Not a single word Vell said was accurate,"', -1),  # a quote mark before the negator
        ("The scheme wrecked the good name of the port", -1),  # a good thing harmed: blame, no praise
        ("It was a failure of courage", -1),  # the same: "failure" governs "courage"
        ("Her leadership has been excellent", 1),  # no harm before the good words: praise
        ("The council never failed the town", 1),  # a negated blame
        ("Orla Senn isn't honest with the voters", -1),  # a contraction negates ("is" + "n't")
        ("The harbour board couldn't defend its own figures", -1),
        ("They no longer support the fishermen", -1),  # "no" negates (YAML once read it as false)
        ("There is no problem with the new ferry", 1),  # a denied problem
        ("There is no doubt the plan is sound and fair", 1),  # "no doubt": neither negation nor doubt
        ("The mayor lost the trust of the valley", -1),  # an irregular form read as its base
        ("The bill lists the rights of tenants", 0),  # "rights" is a noun, not "right" (correct)
        ("The court set fines for the two firms", 0),  # "fines" are penalties, not "fine"
        ("You are right about the bridge", 1),  # the adjective still praises
        ("Orla Senn is smart, but reckless", -1),  # what follows "but" is the point made
        ("The plan is reckless, but Senn is honest and smart", 1),
        ("Senn is smart. Her plan is reckless, and wrong", -2),  # no "but": each word counts once
        ("Tolk is the least honest man on the council", -1),  # "the least honest" denies honesty
        ("At least Tolk is honest about the fees", 1),  # "at least" is no denial
        ("Senn is the least reckless of the three", 1),
        # a denied possibility of more asserts the extreme: the word keeps its sign
        ("The harbour could not be in better hands", 1),
        ("The timing couldn't possibly be worse", -1),
        ("Her work could not be any better", 1),
        ("We could not be more proud of the crew", 1),
        ("The clerk could not be less helpful", -1),  # "less": the word is denied
        # a word's other senses judge nothing; its evaluative sense still does
        ("Tolk signed the lease as well", 0),
        ("Well, the ferry leaves at noon", 0),  # a discourse marker
        ("The ferry leaves right now", 0),
        ("The right to appeal was upheld", 0),  # the noun
        ("The far right marched on Sunday", 0),
        ("People like Tolk run the harbour", 0),  # a preposition
        ("It looks like rain over the bay", 0),
        ("Senn would like to speak first", 0),  # a wish, no judgement
        ("I like Tolk", 1),  # the verb
        ("We don't like the new fees", -1),
        ("Senn was right about the ferry", 1),
        ("It was the right decision", 1),
        ("Tolk ran the port well", 1),
        ("Tolk's remarks were spiteful and unprofessional", -1),  # judgements of conduct
        ("Two guards were killed at the gate", 0),  # an event told, no one blamed
        ("The lame duck session ends in May", 0),  # an office's last term
        ("It was a lame excuse", -1),
        ("The council chided Tolk over the fees", -1),  # reporting verbs of criticism and praise
        ("Senn extolled the harbour plan", 1),
        ("The new ferry would not be better", -1),  # only "could": "would not be" denies
        ("The mayor could not be fair to them", -1),  # no comparative: a plain denial
        ("They could not find anything better", -1),  # another verb: a plain denial
    ],
)
def test_evaluation(text: str, sign: int) -> None:
    score = polarity.evaluation(text)
    assert (score > 0) - (score < 0) == (sign > 0) - (sign < 0)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("don't", ["do", "n't"]),
        ("Vell couldn't come", ["vell", "could", "n't", "come"]),
        ("isn’t", ["is", "n't"]),  # a typographic apostrophe too
        ("a well-run port", ["a", "well-run", "port"]),
    ],
)
def test_words_split_contractions(text: str, want: list[str]) -> None:
    assert polarity.words(text) == want


def test_evaluated_words_carry_their_offsets() -> None:
    text = "Tolk was honest. Ander was reckless."
    assert [(text[at : at + 6], w) for at, w in polarity.evaluated(text)] == [("honest", 1), ("reckle", -1)]


def test_lexicon_words_are_strings() -> None:
    """A bare no/yes/on/off in YAML is a boolean: every entry must have stayed a word."""
    lex = polarity.load_lexicon()
    assert "no" in lex.negators and "false" not in lex.negators
    assert "false" in lex.weights and lex.weights["false"] < 0


@pytest.mark.parametrize(
    ("before", "want"),
    [
        ("the union has backed the new", "pos"),
        ("the senator warned against a", "neg"),
        ("they will continue to impose harsh", "pos"),
        ("the assembly did not support the", "neg"),
        ("the party refused to back the", "neg"),
        ("the court declined to block the", "pos"),  # opposing an opposing act
        ("Dr. Vell spoke about the", None),  # no stance verb: unclear
        ("we oppose it, but the", None),  # the clause ended: its verb does not reach
        ("the mayor did not warn against the", "pos"),  # a negated opposition
        ("the board has never backed the", "neg"),  # a negated support
        ("the minister refused to stop the", "pos"),  # refusing to end something keeps it
        ("Ms. Ander praised the", "pos"),
        ("Ms. Ander condemned the", "neg"),
        # an opposing verb and its own "against" are one predicate, not two that cancel
        ("the union will fight against the", "neg"),
        ("farmers protest against the", "neg"),
        ("the union will not fight against the", "pos"),
    ],
)
def test_predicate_stance(before: str, want: str | None) -> None:
    assert polarity.predicate_stance(before) == want


@pytest.mark.parametrize(
    ("before", "want"),
    [
        ("we have backed the", "pos"),
        ("he said he opposes the", "neg"),
        ("the union has backed the new", None),  # a noun phrase's stance, reported
        ("critics warned against the", None),
        ("the new rules favour the", None),
        ("in defending our", "pos"),  # no subject written
        ("to provide mutual support for the", "pos"),
        # a quantifier standing as the subject, or a relative clause's "who", is others' stance
        ("while some support the", None),
        ("but many oppose the", None),
        ("there are few lawmakers who back the", None),
        ("some support for the", "pos"),  # "some" before a noun: no subject
        ("those of us who support the", "pos"),  # the speaker's own group
        ("we both support the", "pos"),
    ],
)
def test_predicate_stance_of_the_speaker_only(before: str, want: str | None) -> None:
    assert polarity.predicate_stance(before, own_only=True) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The new bridge should help drivers", False),
        ("It should allow more buses", False),
        ("We should help the drivers", True),
        ("The council should lower the fares", True),
    ],
)
def test_should_of_expectation_is_no_demand(text: str, want: bool) -> None:
    assert polarity.is_demand(text) is want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a denied necessity obliges no one ("must not" forbids; "need not" does not)
        ("You don't need to own a boat to love this harbour", False),
        ("We do not even have to ask the ferry board", False),
        ("We don't necessarily need to raise the fares", False),
        ("If they don't act, we need to lower the fares", True),  # the denial is another clause's
        # "need" as a noun: a need named, someone's, not a demand
        ("The council was aware of the need to lower ferry fares", False),
        ("The harbour's need to grow is plain", False),
        ("There is no need to raise the fares", False),
        # hypothetical or foreseen necessity
        ("The skippers would have to raise their fares", False),
        ("We are going to have to wait for the ferry", False),
        # a perfect modal speaks of the past; "should" before a determiner opens a condition
        ("The money should have been used for the ferry", False),
        ("Should the talks fail, the fares will rise", False),
        # asserted now, of a real case: demands
        ("We need to lower the ferry fares", True),
        ("The board has to lower the fares", True),
        ("We should have a vote on the fares", True),
        ("We should all back the new fares", True),
        ("You should have to pay the full fare", True),
    ],
)
def test_a_necessity_that_obliges_no_one_is_no_demand(text: str, want: bool) -> None:
    assert polarity.is_demand(text) is want


@pytest.mark.parametrize(
    ("before", "want"),
    [
        ("they throw things up against the", None),  # contact, not opposition
        ("with their backs against the", None),
        ("we are against the", "neg"),
        ("the ferries were attacked at an alarming", None),  # an adjunct: manner, not the object
        ("the plan was backed by the", None),  # a passive's agent is the one who backs
        ("we have backed the", "pos"),
    ],
)
def test_against_of_contact_and_adjuncts_take_no_side(before: str, want: str | None) -> None:
    assert polarity.predicate_stance(before) == want


TOLLS = Issue("tolls", "Road tolls", "", ("toll",), whole_words=False)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("We have backed the road tolls for the bridge", "supports"),
        ("She warned against new road tolls", "opposes"),
        ("We will continue to impose tolls on lorries", "supports"),
        ("We will never accept tolls on this road", "opposes"),
        ("The tolls must be scrapped now", "demands"),
        ("Tolls are acceptable if the money goes to repairs", "conditional"),
        ("The tolls were discussed at the meeting", "neutral"),
        ("We would lift the tolls only if the bridge is repaired", "conditional"),
        # the issue named inside the condition is part of it, no stance made conditional
        ("If the tolls rise again, drivers will take the old road", "neutral"),
        ("We will talk as long as the tolls stay, and then we will see", "neutral"),
        ("If you ask which tolls hurt most, I cannot say", "neutral"),
        ("If you have to choose which tolls go first, it is hard to say", "neutral"),
        # a condition that asks for the issue by its absence is still one on it
        ("If there are no tolls, there is no bridge", "conditional"),
        ("Unless the tolls go, we walk out", "conditional"),
        ("We did not support the tolls", "opposes"),
        ("They warned against higher tolls", "opposes"),
        # a third party's stance, reported, is none of the speaker's own
        ("The mayor has backed the road tolls for the bridge", "neutral"),
        ("The council warned against higher tolls", "neutral"),
        ("The new rules favour the tolls, not the drivers", "neutral"),
        ("Hauliers protested against the tolls in the spring", "neutral"),
        ("We will provide practical support for the tolls", "supports"),  # no subject written
        # a stance verb governing an infinitive does not govern the object
        ("We continue to face tolls on every road", "neutral"),
        ("They keep pushing to build a case for tolls", "neutral"),
        # two denials make a necessity: ending a thing is opposing it, not backing it
        ("Talks cannot start without ending the tolls", "opposes"),
        ("Recovery will be impossible without restoring the tolls", "supports"),
        ("We cannot accept the tolls", "opposes"),
        # "should" of expectation is no demand; a demand on something else is none on the issue
        ("This bill should help lower the tolls", "neutral"),
        ("You should lower the tolls", "demands"),
        ("The tolls showed that the mayor has to resign", "neutral"),
        ("Back then the firm would have to keep fighting the tolls", "neutral"),  # its need, not ours
        ("The goal is to end the tolls", "opposes"),  # the infinitive is the goal's content
        ("We know the tolls and what must be done about them", "neutral"),  # another clause's passive
        # a stance word as a noun naming an act after a preposition; a phrase "in favour of"
        ("Shops closed during protests against the tolls", "neutral"),
        ("Most drivers voted in favour of the tolls", "neutral"),
        ("We are in favour of the tolls", "supports"),
        ("The towns stand together in protecting the tolls", "supports"),  # a gerund's subject unwritten
        # the issue's word glued into a modifier: the verb acts on the compound's head
        ("The mayor pushed a toll-splitting narrative in the valley", "neutral"),
        ("The council backed an anti-toll campaign", "neutral"),
        ("The fight against the tolls is noble", "opposes"),  # "fight against": one predicate
    ],
)
def test_stance_reads_the_sentence(text: str, want: str) -> None:
    assert classify(text, "said", [TOLLS]) == [(TOLLS, want)]


def test_no_issue_no_stance() -> None:
    assert classify("The weather in the valley was mild", "said", [TOLLS]) == []


@pytest.mark.parametrize(
    ("before", "want"),
    [
        # a predicate governs each of its coordinated objects: its reach counts from the first
        ("we will never accept any threat against the island's old harbour walls or the", "pos"),
        ("they keep opposing the new ferry fare rises and", "neg"),
        ("we fully back a wider public harbour promenade and the", "pos"),
        # no coordination: the object is out of the predicate's reach as before
        ("we backed it years ago when the island's old harbour walls were the", None),
    ],
)
def test_a_predicate_reaches_its_coordinated_objects(before: str, want: str | None) -> None:
    assert polarity.predicate_stance(before) == want
