"""Whom a statement is about, and how it judges them: who stands against whom.

A statement's candidates are the actors its report names, the groups it names that no actor holds
("Republican lawmakers", "the media", "the X administration": lib/extract/groups.py; such a target
leaves with a name and no actor id), the people the parser names that no actor mention covers
(a surname the actor list took for a place: groups.unlisted_people; name-only too) and its
speaker (not the bodies the speaker speaks for), each with the evidence there is
(lib/extract/target_ranker.py weighs it):
  named        named inside the statement, in which grammatical role;
  description  an office named instead of its holder ("the mayor", "the governor"),
               read as the person the report gives that title (lib/lexicons/titles.yaml);
  pronoun      "he"/"she" inside it, read as a person named before it in its own sentence of the
               statement, else the first of the report's protagonists it can refer to that is
               named before it, else the last person named before it who is not the speaker
               (Hobbs 1978, Lappin & Leass 1994); "they" as the last body named before it as a
               subject;
  context      named in the statement's own sentence outside the quoted words ("X said of Y");
  topic        one of the report's protagonists (most mentioned, a headline name counting more): a
               quoted reaction in news is most often about the story's protagonist (news values:
               personification, Galtung & Ruge 1965). The weakest basis, kept apart so a reader
               can discount it.
The likeliest candidate is listed, then any other likely enough; the basis shown is the strongest
evidence each has. Each target's polarity is read from the clause it is named in when that clause
judges, else from the whole statement and its reporting verb ("slammed", "praised"):
lib/extract/polarity.py; a speaker of whom nothing bad is said presents itself well. No evaluative
word, no polarity (None): a wrong side is worse than none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib import LEXICONS, read_yaml
from lib.extract import groups, laws, polarity, target_ranker
from lib.extract.quotes.cues import load_cues, load_titles
from lib.extract.target_ranker import OBJECT, OBLIQUE, OTHER, PROTAGONISTS, SUBJECT, Evidence
from lib.records import Actor, Document, Mention, Polarity, Quote, Target, TargetBasis
from lib.text.nlp import doc_sentences, doc_text, span_ents

TARGET_TYPES = frozenset({"person", "organization", "country", groups.TYPE})
PEOPLE = frozenset({"person", groups.TYPE})  # people: a person or a group of people
TOPIC_LEAST = 3  # mentions an actor needs in a report to be one of its protagonists
TOPIC_TYPES = frozenset({"person", "organization"})  # a party or an agency can be the story
TITLE_WEIGHT = 2  # a name in the headline counts as this many mentions more
MAX_TARGETS = 3
TITLES_PATH = LEXICONS / "titles.yaml"
TITLE_REACH = 24  # characters before a name its title may stand in ("Vice President ")
DETERMINERS = "the|this|that|a|our|your|his|her|their"  # the words that open a description of an office
EXECUTIVES = ("president", "governor", "mayor")  # offices whose holder heads an administration
CUE_WEIGHT = 2  # the reporter's verb of the speaker's act ("condemned") is explicit evidence


@dataclass(frozen=True)
class Report:
    """What a statement's targets are read against: its report's actors and headline."""

    mentions: Sequence[Mention]  # of target types, in text order
    topics: Sequence[str]  # protagonists, the most mentioned first
    holders: Mapping[str, str]  # office -> its holder in this report
    in_headline: frozenset[str]  # actors the headline names (by the last word of a name)
    counts: Mapping[str, int]  # actor -> mentions
    first_at: Mapping[str, int]  # actor -> offset of its first mention
    genders: Mapping[str, str]  # person -> "m"/"f" where the report's pronouns show it
    length: int  # characters of the text


def report_of(
    doc: Document, mentions: Sequence[Mention], actors: Mapping[str, Actor], sdoc: SpacyDoc | None = None
) -> Report:
    own = sorted((m for m in mentions if m.doc_id == doc.id and _kept(m, actors)), key=lambda m: m.start)
    headline = set(_words(doc.title))
    first_at: dict[str, int] = {}
    for m in own:
        first_at.setdefault(m.actor_id, m.start)
    return Report(
        mentions=own,
        topics=topic_ranking(own, actors, doc.title),
        holders=title_holders(doc.text, own, actors),
        in_headline=frozenset(m.actor_id for m in own if (w := _words(m.text)) and w[-1] in headline),
        counts=Counter(m.actor_id for m in own),
        first_at=first_at,
        genders=pronoun_genders(sdoc, own, actors) if sdoc is not None else {},
        length=len(doc.text),
    )


def with_targets(
    doc: Document,
    sdoc: SpacyDoc,
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    actors: Mapping[str, Actor],
) -> list[Quote]:
    """The quotes of one document with their targets filled in."""
    report, everyone = report_with_groups(doc, mentions, actors, sdoc)
    return [replace(q, targets=quote_targets(q, sdoc, report, everyone)) for q in quotes]


def report_with_groups(
    doc: Document, mentions: Sequence[Mention], actors: Mapping[str, Actor], sdoc: SpacyDoc
) -> tuple[Report, Mapping[str, Actor]]:
    """The report with the groups it names (lib/extract/groups.py: "Republicans", "the media") and
    the people the parser names that no actor mention covers (groups.unlisted_people) among its
    mentions, and the actors with their pseudo-actors."""
    own = [m for m in mentions if m.doc_id == doc.id]
    holders = title_holders(doc.text, own, actors) if "dministration" in doc.text else {}
    head = next((holders[office] for office in EXECUTIVES if office in holders), None)
    extra, kinds = groups.find(doc, own, actors, head)
    # a mention of another type (a surname the gazetteer holds as a town) does not keep the
    # parser's person off the candidates
    people, named = groups.unlisted_people(sdoc, doc.id, [m for m in own if _kept(m, actors)] + extra, actors)
    everyone = {**actors, **kinds, **named} if kinds or named else actors
    return report_of(doc, [*own, *extra, *people], everyone, sdoc), everyone


def _kept(m: Mention, actors: Mapping[str, Actor]) -> bool:
    actor = actors.get(m.actor_id)
    return actor is not None and actor.type in TARGET_TYPES


def topic_ranking(mentions: Sequence[Mention], actors: Mapping[str, Actor], title: str = "") -> list[str]:
    """The people and bodies of a report, most mentioned first (at least TOPIC_LEAST mentions), an
    actor the headline names counting TITLE_WEIGHT more: the headline states what the report is
    about (van Dijk 1988, "News as discourse": headline and lead are its summary)."""
    counts = Counter(m.actor_id for m in mentions if (a := actors.get(m.actor_id)) and a.type in TOPIC_TYPES)
    headline = set(_words(title))
    named = {m.actor_id for m in mentions if (w := _words(m.text)) and w[-1] in headline}  # by last word
    for actor_id in named & set(counts):
        counts[actor_id] += TITLE_WEIGHT
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])  # stable: first mentioned first among equals
    return [a for a, n in ranked if n >= TOPIC_LEAST]


_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    """Lower-case words, a possessive 's dropped ("Venn's" -> "venn")."""
    return [w.lower() for w in _WORD.findall(_POSSESSIVE.sub("", text))]


def speaker_side(speaker_id: str | None, actors: Mapping[str, Actor]) -> set[str]:
    """The speaker and the bodies it speaks for: a statement is not about its own side."""
    side: set[str] = set()
    current = speaker_id
    while current and current not in side:
        side.add(current)
        actor = actors.get(current)
        current = actor.affiliation if actor else None
    return side


def quote_targets(
    quote: Quote, sdoc: SpacyDoc, report: Report, actors: Mapping[str, Actor]
) -> tuple[Target, ...]:
    """The actors the statement is about, likeliest first (lib/extract/target_ranker.py), each with
    the polarity of the clause its evidence sits in when that clause judges, else of the whole
    statement, its reporting verb and the reporter's words around it. Names are read as names,
    not judgements ("the Budget Caucus", "the Interior Department"): their words are blanked."""
    return tuple(r.target for r in readings(quote, sdoc, report, actors))


@dataclass(frozen=True)
class Reading:
    """One target of a statement and what its polarity was read from (for the rules' answer and
    for tools/train_polarity.py's features)."""

    target: Target
    actor_id: str
    evidence: Evidence
    text: str  # the statement, its names and the words said of other actors blanked
    clause: str  # the clause of ``text`` the target's evidence sits in ("" when none)
    local: int  # the evaluation read at the target (clause, demand, reproach, sentence)
    whole: int  # the statement's evaluation with the reporter's verb and words
    reporter: int  # the reporter's verb (counted CUE_WEIGHT times) and words alone


def readings(quote: Quote, sdoc: SpacyDoc, report: Report, actors: Mapping[str, Actor]) -> list[Reading]:
    """quote_targets, with what each polarity was read from."""
    text = _blanked(quote.text, quote.start, _name_spans(sdoc, report, quote.start, quote.end))
    reporter = CUE_WEIGHT * polarity.evaluation(quote.cue or "") + polarity.evaluation(
        _reporting_words(quote, sdoc, report)
    )
    evaluated = polarity.evaluated(text)  # read once: its sum, and each word's weight where judged
    overall = sum(score for _, score in evaluated) + reporter
    judged = _judged_of(quote, sdoc, report)
    turned = dict(evaluated) if judged else {}  # offset -> the word's weight, as turned
    principal = represented(quote, doc_text(sdoc), report)
    out: list[Reading] = []
    framing: dict[str, int] | None = None
    for actor_id, evidence in target_ranker.ranked(candidates(quote, sdoc, report, actors), MAX_TARGETS):
        basis = evidence.basis() or "topic"
        # the words said of another actor ("the chaos of X's office") do not judge this one, nor
        # does a misfortune that befalls it ("the town came under attack", "threats to X")
        others = [span for span, of in judged.items() if of != actor_id]
        others += befallen(quote, sdoc, _referring(quote, sdoc, report, actor_id, evidence, speaker=True))
        own = _blanked(text, quote.start, others) if others else text
        whole = polarity.evaluation(own) + reporter if others else overall
        at = evidence.at()
        clause = _clause_at(quote, at, own) if at is not None else ""
        said_of = sum(turned.get(a - quote.start, 0) for (a, _), of in judged.items() if of == actor_id)
        kind: TargetBasis = basis
        if basis == "topic" and _judges_another(quote, text, report, actor_id, overall):
            local, judgement = 0, 0
        else:
            if evidence.framed and framing is None:
                framing = frame_arguments(quote, sdoc, report.mentions, set())
            if evidence.framed and framing and framing.get(actor_id):
                # the reporter's verb takes a side on it: "defended X", "accused X", "warned against Y"
                local = judgement = framing[actor_id]
                kind = evidence.basis() or "context"
            else:
                local = said_of or _local(quote, sdoc, report, actor_id, evidence, own, clause)
                if evidence.speaker and local >= 0 and whole >= 0:
                    # a speaker speaking of itself presents itself well: the "positive
                    # self-presentation" of van Dijk's ideological square (1998, "Ideology")
                    local = 1
                elif actor_id == principal and local >= 0:
                    # so does one who speaks for it (its lawyer, its spokeswoman): the blame in the
                    # statement is of the other side ("this decision is troubling"), unless said of it
                    local = 1
                judgement = local or whole
        target = _target(actor_id, polarity.polarity(judgement), kind)
        out.append(Reading(target, actor_id, evidence, own, clause, local, whole, reporter))
    return _with_law(quote, sdoc, report, text, out, overall, reporter)


def _with_law(
    quote: Quote, sdoc: SpacyDoc, report: Report, text: str, out: list[Reading], overall: int, reporter: int
) -> list[Reading]:
    """A law the statement judges in its own words, with no person or body beside it there
    (lib/extract/laws.py), comes first; the protagonists the statement does not name are not
    listed after it (its judgement is of the law), the actors it names or refers to are."""

    if not laws.laws_of(sdoc):
        return out
    bounds = _sentence_bounds(sdoc, quote.start, quote.end)
    lo = min([quote.start, *(a for a, _ in bounds)])
    hi = max([quote.end, *(b for _, b in bounds)])
    wide = _blanked(doc_text(sdoc)[lo:hi], lo, _name_spans(sdoc, report, lo, hi))

    def judged(at: int, is_object: bool, words: Sequence[tuple[int, int]]) -> int:
        # an object takes the side its verb takes on it ("oppose the law", "backed the bill"),
        # else the words of its predicate judge it
        side = polarity.predicate_stance(wide[: at - lo]) if is_object else None
        if side:
            return 1 if side == "pos" else -1
        return polarity.evaluation(" ".join(wide[a - lo : b - lo] for a, b in words))

    law = laws.judged_law(quote, sdoc, report.mentions, (lo, hi), judged)
    if law is None:
        return out
    key = groups.key(law.name)
    inside = quote.start <= law.at < quote.end
    evidence = Evidence(role=SUBJECT, named_at=law.at if inside else None, framed=not inside)
    clause = _clause_at(quote, law.at, text) if inside else ""
    target = _target(key, polarity.polarity(law.score), "named")
    first = Reading(target, key, evidence, text, clause, law.score, overall, reporter)
    kept = [r for r in out if r.target.basis != "topic"]
    return [first, *kept][:MAX_TARGETS]


def _local(
    quote: Quote, sdoc: SpacyDoc, report: Report, actor_id: str, evidence: Evidence, text: str, clause: str
) -> int:
    """The judgement read at the target: its clause's words, a demand made of it, a reproach
    ("why won't he"), else its sentence's words; 0 when none says anything."""
    at = evidence.at()
    return (
        (_counterfactual(quote, sdoc, at, text) if at is not None else 0)
        or polarity.evaluation(clause)
        or (_demand_toward(quote, sdoc, at, clause) if at is not None else 0)
        or (REPROACH_SCORE if _reproached(quote, sdoc, report, actor_id, evidence, text) else 0)
        or (polarity.evaluation(_sentence_at(quote, at, text)) if at is not None else 0)
    )


COUNTERFACTUAL_MODALS = frozenset({"would", "could", "might", "'d", "’d"})
ABSENCE_PREPOSITIONS = frozenset({"without"})  # "without X, we would have lost"
PRESENCE_VERB = frozenset({"for"})  # "if it were not for X", "but for X", "if not for X"


def _counterfactual(quote: Quote, sdoc: SpacyDoc, at: int, text: str) -> int:
    """A counterfactual that takes the target away credits it with what would have followed, or
    blames it for what it kept from happening: "without X we would have had no protection" and
    "if X had not been there, it would have been a disaster" praise X; "if X were not in the
    way, the town would thrive" blames X. The protasis removes the target ("without X", "if it
    were not for X", "if X had not / was not ..."), holds no judging word of its own (a denied
    misdeed, "if X had not lied", is read as before), and the rest of the sentence has a
    modal of the unreal ("would", "could", "might"); the target's polarity is the opposite of
    that rest's (counterfactual dependence as causal credit: Lewis 1973). 0 when it does not
    apply."""
    span = sdoc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return 0
    word = span[0]
    while word.dep_ in NAME_PARTS and word.head.i != word.i:
        word = word.head
    protasis = None
    if word.dep_ == "pobj" and word.head.lower_ in ABSENCE_PREPOSITIONS:
        protasis = word.head
    elif word.dep_ == "pobj" and word.head.lower_ in PRESENCE_VERB:
        ancestor = word.head.head
        left = [t.lower_ for t in sdoc[max(0, word.head.i - 4) : word.head.i]]
        if ("not" in left or "n't" in left) and ("if" in left or "but" in left or "were" in left):
            protasis = ancestor if ancestor.dep_ == "advcl" else word.head
        elif left[-1:] == ["but"]:
            protasis = word.head
    elif word.dep_ in SUBJECTS:
        verb = word.head
        children = [c.lower_ for c in verb.children]
        if verb.dep_ == "advcl" and "if" in children and any(c in ("not", "n't", "never") for c in children):
            protasis = verb
    if protasis is None:
        return 0
    lo, hi = protasis.left_edge.i, protasis.right_edge.i + 1
    first, end, _, _ = _sentence_of(sdoc, word.i)
    rest = [t for t in sdoc[first:end] if not lo <= t.i < hi and quote.start <= t.idx < quote.end]
    if not any(t.lower_ in COUNTERFACTUAL_MODALS for t in rest):
        return 0
    inside = [t for t in sdoc[lo:hi] if quote.start <= t.idx < quote.end]
    if polarity.evaluation(_words_of(inside, quote, text)):
        return 0
    score = polarity.evaluation(_words_of(rest, quote, text))
    return -1 if score > 0 else 1 if score < 0 else 0


def _words_of(tokens: Sequence[Token], quote: Quote, text: str) -> str:
    """The tokens' words as ``text`` (the statement, names blanked) has them."""
    return " ".join(text[t.idx - quote.start : t.idx - quote.start + len(t)] for t in tokens)


def _judged_of(quote: Quote, sdoc: SpacyDoc, report: Report) -> dict[tuple[int, int], str]:
    """Evaluative words of the statement said of one actor it names: a noun or adjective whose
    "of" complement or possessor the actor is ("the chaos of the X administration", "X's
    failure", "proud of X"). In the parse: the noun's argument is what it judges (the
    predicate-argument reading of sentiment, Somasundaran & Wiebe 2010; Moilanen & Pulman 2007)."""
    out: dict[tuple[int, int], str] = {}
    for m in report.mentions:
        if not (quote.start <= m.start and m.end <= quote.end):
            continue
        named = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if named is None or not len(named):
            continue
        phrase, heads = named.root, []
        while phrase.dep_ in NAME_PARTS and phrase.head.i != phrase.i:  # "the X administration"
            if phrase.dep_ == "poss":
                heads.append(phrase.head)  # "X's failure"
            phrase = phrase.head
        if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.i != phrase.head.i:
            heads.append(phrase.head.head)  # "the chaos of X('s office)"
        head = next(  # an emotion's possessor or "of" is who feels it, not what it judges
            (
                h
                for h in heads
                if h.pos_ in JUDGING_POS and polarity.evaluation(h.text) and not polarity.is_emotion(h.text)
            ),
            None,
        )
        if head is not None and quote.start <= head.idx < quote.end:
            out[(head.idx, head.idx + len(head))] = m.actor_id
    return out


JUDGING_POS = frozenset({"NOUN", "ADJ"})


def _judges_another(quote: Quote, text: str, report: Report, actor_id: str, overall: int) -> bool:
    """The statement's judgement sits in the clause of another actor it names: it is of that
    one, not of a protagonist the statement does not name ("the other party's hypocrisy" does
    not blame the story's protagonist)."""
    judged = polarity.polarity(overall)
    return judged is not None and any(
        quote.start <= m.start
        and m.end <= quote.end
        and m.actor_id != actor_id
        and polarity.polarity(polarity.evaluation(_clause_at(quote, m.start, text))) == judged
        for m in report.mentions
    )


def _target(actor_id: str, judged: Polarity | None, basis: TargetBasis) -> Target:
    """A group (lib/extract/groups.py) leaves as a name without an actor id."""
    if groups.is_group(actor_id):
        return Target(None, judged, basis, groups.name_of(actor_id))
    return Target(actor_id, judged, basis)


def _sentence_of(sdoc: SpacyDoc, i: int) -> tuple[int, int, int, int]:
    """The parser's sentence holding token ``i`` as (first token, end token, start character, end
    character), from the document's sentences read once: ``Token.sent`` walks to its sentence's
    edges and makes a Span on every read."""
    sentences = doc_sentences(sdoc)
    return sentences[bisect_right(sentences, i, key=lambda s: s[0]) - 1]


def _sentence_bounds(sdoc: SpacyDoc, start: int, end: int) -> list[tuple[int, int]]:
    """The parser's sentences over [start, end), none crossing a paragraph break."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    text = doc_text(sdoc)
    out = []
    for first_token, end_token, start_char, end_char in doc_sentences(sdoc):
        if end_token <= span.start or first_token >= span.end:
            continue  # the sentences holding a token of the span
        a = start_char
        for part in PARAGRAPH.split(text[start_char:end_char]):
            out.append((a, a + len(part)))
            a += len(part)
    return out


PARAGRAPH = re.compile(r"(?<=\n)(?=\s*\n)")  # split before the blank line, keeping offsets
# the parser's labels of names (not EVENT or WORK_OF_ART: a quoted slogan is often capitalised)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "LAW"})


def _name_spans(sdoc: SpacyDoc, report: Report, start: int, end: int) -> list[tuple[int, int]]:
    """The names in [start, end): the report's actor mentions and the capitalised words of the
    parser's named entities. A word of a name is no judgement ("Freedom Caucus", "Justice
    Department", "the Patriot Act")."""
    spans = [(m.start, m.end) for m in report.mentions if start <= m.start and m.end <= end]
    span = sdoc.char_span(start, end, alignment_mode="expand") if start < end else None
    for ent in span_ents(span) if span is not None else ():
        if ent.label_ in NAME_LABELS:
            spans += [(t.idx, t.idx + len(t)) for t in ent if t.is_title or t.is_upper]
    return spans


def _blanked(text: str, offset: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` (starting at document offset ``offset``) with the spans turned to spaces."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a - offset), min(len(chars), b - offset)):
            chars[i] = " "
    return "".join(chars)


REPRESENTATIVE_REACH = 60  # characters around a speaker's name its "X's lawyer" may stand in
PRINCIPAL_BEFORE = 2000  # characters before a bare "the lawyer said" its "X's lawyer" is looked for in


def represented(quote: Quote, text: str, report: Report) -> str | None:
    """The actor the speaker speaks for, when the report says so in apposition to the speaker's
    name ("Ama Dale, Orrin's lawyer", "Orrin's lawyer, Ama Dale", "Orrin aide Ama Dale", "Ama
    Dale, a spokeswoman for Orrin") or, for a speaker given only as "the lawyer", in the last
    "Orrin's lawyer" / "lawyer for Orrin" before the statement. The appositive and role sieves of
    Lee et al. (2013), as for titles."""
    nouns = _alternation(load_representatives())
    if not nouns:
        return None
    role = rf"(?:{nouns})s?"
    speaker = (quote.speaker_text or "").strip()
    if re.fullmatch(rf"(?i)(?:the|her|his|their|a)\s+{_ADJECTIVE}{role}", speaker):
        until = quote.speaker_start if quote.speaker_start is not None else quote.start
        lo = max(0, until - PRINCIPAL_BEFORE)
        found = [m for m in report.mentions if lo <= m.start < until and _owns_role(text, m, role)]
        if found:
            return found[-1].actor_id  # the last one named before the statement
    if quote.speaker_id is None:
        return None
    surname = _words(speaker)[-1:] if speaker[:1].isupper() else []
    own = [
        m
        for m in report.mentions
        if m.actor_id == quote.speaker_id or (surname and _words(m.text)[-1:] == surname)
    ]
    mentions = report.mentions
    own_ids = {id(m) for m in own}
    # an apposition lies within REPRESENTATIVE_REACH of the name: only the mentions starting near it
    # (the report's mentions are in text order) are tried, not every mention for every name
    starts = [m.start for m in mentions]
    longest = max((m.end - m.start for m in mentions), default=0)
    for named in own:  # the speaker's name in full where the report gave it ("Ama Dale" for "Dale")
        lo = bisect_left(starts, named.start - REPRESENTATIVE_REACH - longest)
        hi = bisect_right(starts, named.end + REPRESENTATIVE_REACH)
        for m in mentions[lo:hi]:
            if (
                m.actor_id != quote.speaker_id
                and id(m) not in own_ids
                and _apposed_role(text, named, m, role)
            ):
                return m.actor_id
    return None


_TITLE = r"(?-i:(?:[A-Z]\w*\.?\s+)?)"  # "Mr. ", "Sen. " before a name
# one word before the role, not "former": a former aide no longer speaks for Orrin, and often against
_ADJECTIVE = r"(?:(?!(?:former|ex)\b)\w+\s+)?"
_OWNER = rf"(?:['’]s\s+{_ADJECTIVE}|\s+)"  # "Orrin's (longtime) lawyer" or "Orrin lawyer"
_FORMER = re.compile(r"(?i)\b(?:former|ex)[\s-]+$")


def _owns_role(text: str, m: Mention, role: str) -> bool:
    """``m`` is named as the one someone is the ``role`` of: "Orrin's lawyer", "Orrin aide",
    "a lawyer for (Mr.) Orrin"."""
    after = text[m.end : m.end + REPRESENTATIVE_REACH]
    before = text[max(0, m.start - REPRESENTATIVE_REACH) : m.start]
    return bool(
        (re.match(rf"(?i){_OWNER}{role}\b", after) and not _FORMER.search(before))
        or re.search(rf"(?i)\b{role}\s+(?:for|to)\s+(?:the\s+)?{_TITLE}$", before)
    )


def _apposed_role(text: str, speaker: Mention, m: Mention, role: str) -> bool:
    """``m`` is named, in apposition to the ``speaker`` mention, as the one it is the ``role`` of:
    "Dale, (Mr.) Orrin's lawyer", "Dale, a lawyer for Orrin", "Orrin's lawyer, Dale", "Orrin aide
    Dale", "a lawyer for Orrin, Dale"."""
    if 0 <= m.start - speaker.end <= REPRESENTATIVE_REACH:
        gap = text[speaker.end : m.start]
        return bool(
            re.fullmatch(
                rf"(?i),\s+(?:(?:a|an|the)\s+)?{_ADJECTIVE}{role}\s+(?:for|to)\s+(?:the\s+)?{_TITLE}", gap
            )
            or (re.fullmatch(rf",\s+(?:the\s+)?{_TITLE}", gap) and _owns_role(text, m, role))
        )
    if 0 <= speaker.start - m.end <= REPRESENTATIVE_REACH:
        gap = text[m.end : speaker.start]
        return bool(
            (
                re.fullmatch(rf"(?i){_OWNER}{role},?\s+{_TITLE}", gap)
                and not _FORMER.search(text[max(0, m.start - 20) : m.start])
            )
            or (re.fullmatch(r",\s+", gap) and _owns_role(text, m, role))
        )
    return False


@lru_cache(maxsize=4)
def _alternation(words: tuple[str, ...]) -> str:
    """The words as one regex alternation, in their order (made once per list)."""
    return "|".join(re.escape(n) for n in words)


@lru_cache(maxsize=2)
def load_representatives(path: str = "") -> tuple[str, ...]:
    data = read_yaml(Path(path) if path else TITLES_PATH) or {}
    return tuple(sorted((str(n).lower() for n in data.get("representatives") or []), key=len, reverse=True))


Found = tuple[str, TargetBasis, int | None]  # actor, basis, offset of its mention in the quote
FIRST_PERSON = re.compile(r"(?i)\b(?:i|me|my|mine|we|us|our|ours)\b")
LEAD_SHARE = 0.1  # the report's first tenth is its lead


def candidates(
    quote: Quote, sdoc: SpacyDoc, report: Report, actors: Mapping[str, Actor]
) -> dict[str, Evidence]:
    """Every actor the statement may be about, with the evidence for it: the actors the report
    names and the speaker (self-presentation: "I have done nothing wrong"), not the bodies the
    speaker speaks for."""
    side = speaker_side(quote.speaker_id, actors) | groups.speaking(quote, report.mentions)
    leading = [t for t in report.topics if t not in side][:PROTAGONISTS]  # the report's protagonists
    mentions = report.mentions
    named: dict[str, tuple[int, int]] = {}  # actor -> (best role, offset)
    for m in mentions:
        if quote.start <= m.start and m.end <= quote.end:
            role = _role_rank(sdoc, m)
            if m.actor_id not in named or role < named[m.actor_id][0]:
                named[m.actor_id] = (role, m.start)
    anaphors: dict[str, tuple[TargetBasis, int | None]] = {}
    for actor_id, basis, at in (
        *description_targets(quote, report.holders),
        *_pronoun_targets(quote, sdoc, mentions, side, leading, report.genders, _people(mentions, actors)),
        *_plural_targets(quote, sdoc, mentions, side, actors),
    ):
        anaphors.setdefault(actor_id, (basis, at))
    context = set(_sentence_actors(quote, sdoc, mentions, side))
    framed = frame_actors(quote, sdoc, mentions, side)
    protagonists = set(report.topics[:PROTAGONISTS])
    first_person = FIRST_PERSON.search(quote.text) is not None
    pool = list(report.counts) + ([quote.speaker_id] if quote.speaker_id else [])
    out: dict[str, Evidence] = {}
    for actor_id in dict.fromkeys(pool):
        actor = actors.get(actor_id)
        if actor is None or (actor_id in side and actor_id != quote.speaker_id):
            continue
        if actor_id == quote.speaker_id and not first_person and actor_id not in named:
            continue  # a speaker is its own target only when it speaks of itself
        in_words = named.get(actor_id)
        anaphor, anaphor_at = anaphors.get(actor_id, (None, None))
        first = report.first_at.get(actor_id)
        out[actor_id] = Evidence(
            role=in_words[0] if in_words else None,
            named_at=in_words[1] if in_words else None,
            anaphor=anaphor,
            anaphor_at=anaphor_at,
            anaphor_subject=anaphor_at is not None and _subject_at(sdoc, anaphor_at),
            context=actor_id in context,
            framed=actor_id in framed,
            protagonist=actor_id in protagonists,
            headline=actor_id in report.in_headline,
            mentions=report.counts.get(actor_id, 0),
            speaker=actor_id == quote.speaker_id,
            first_person=first_person,
            person=actor.type in PEOPLE,
            lead=first is not None and first < LEAD_SHARE * max(1, report.length),
        )
    return out


def _subject_at(sdoc: SpacyDoc, offset: int) -> bool:
    """The word at ``offset`` (a pronoun) is a subject ("they don't want to know")."""
    span = sdoc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].dep_ in ("nsubj", "nsubjpass")


ROLE_RANKS = {
    "nsubj": SUBJECT, "nsubjpass": SUBJECT, "poss": SUBJECT, "appos": OBJECT, "dobj": OBJECT,
    "attr": OBJECT, "dative": OBJECT, "conj": OTHER, "compound": OTHER,
}  # fmt: skip
LOCATIVE = frozenset({"in", "at", "on", "from", "across", "within", "inside", "into", "throughout", "to"})


def _role_rank(sdoc: SpacyDoc, m: Mention) -> int:
    """How central a mention is to its clause: subjects and possessors first, then objects, then the
    rest; a name governed by a locative preposition ("in the Senate", "to Congress") is a setting,
    not what the statement is about. The grammatical-role ranking of Centering theory (Grosz, Joshi &
    Weinstein 1995)."""
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return OTHER
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return OBLIQUE
    if root.dep_ == "dobj" and any(c.dep_ == "xcomp" for c in root.head.children):
        # "urged X to resign", "forced X to quit": the object controls the infinitive, it is the
        # understood subject of the act (object control, Quirk et al. 1985, 16.50)
        return SUBJECT
    return ROLE_RANKS.get(root.dep_, OTHER)


def _pronoun_targets(
    quote: Quote,
    sdoc: SpacyDoc,
    mentions: Sequence[Mention],
    side: set[str],
    topics: Sequence[str],
    genders: Mapping[str, str] | None = None,
    people: frozenset[str] | None = None,
) -> list[Found]:
    """A third-person pronoun in the statement, read as the last person named before it in its own
    sentence of the statement, else as the first of the report's protagonists (``topics``, the
    most mentioned first, outside the speaker's side) it can refer to and that is named before
    it, else as the last person named before it outside the speaker's side (salience:
    frequency then recency, as in Lappin & Leass 1994; a protagonist that is a body cannot take
    "she", so the report's leading person does), of the pronoun's gender where the report shows one
    (their agreement filter). In reported speech a pronoun of the speaker's own gender is the
    speaker ("X said he would run": indirect speech turns "I" into "he", Quirk et al. 1985, 14.31):
    no target then. "He"/"she" is a person: a body is never its antecedent (the animacy filter of
    the same agreement checks); ``people`` are the actors that are persons (None: all may be)."""
    out: list[Found] = []
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return out
    known = genders or {}
    for token in span:
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None or groups.within(token.idx, mentions):
            continue  # "his administration": a group's own words, read with the group
        if quote.kind == "indirect" and quote.speaker_id and known.get(quote.speaker_id) == gender:
            break
        before = [
            m
            for m in mentions
            if m.end <= token.idx
            and m.actor_id not in side
            and known.get(m.actor_id, gender) == gender
            and (people is None or m.actor_id in people)
        ]
        # a person named before it in its own sentence of the statement first ("X's pledge ... he
        # once campaigned"): Hobbs's search starts in the pronoun's sentence, leftward
        own_sentence = [m for m in before if max(quote.start, _sentence_of(sdoc, token.i)[2]) <= m.start]
        # elsewhere, one the report shows to agree outranks one whose gender it does not show
        before = [m for m in before if m.actor_id in known] or before
        named_before = {m.actor_id for m in before}
        lead = next((t for t in topics if t in named_before), None)
        if own_sentence:
            out.append((own_sentence[-1].actor_id, "pronoun", token.idx))
        elif lead is not None:
            out.append((lead, "pronoun", token.idx))
        elif before:
            out.append((before[-1].actor_id, "pronoun", token.idx))
        break  # the first pronoun only: later ones are likelier to co-refer with it
    return out


def _people(mentions: Sequence[Mention], actors: Mapping[str, Actor]) -> frozenset[str]:
    return frozenset(m.actor_id for m in mentions if (a := actors.get(m.actor_id)) and a.type == "person")


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def pronoun_genders(
    sdoc: SpacyDoc, mentions: Sequence[Mention], actors: Mapping[str, Actor]
) -> dict[str, str]:
    """Person -> "m"/"f" where the report shows it: the first person pronoun after a mention of the
    person in the same sentence, with no other person named between ("Vell said she..."), voted
    over the report; a tie or no vote: unknown. Gender statistics from a text's own pronouns, after
    Bergsma & Lin 2006 ("Bootstrapping path-based pronoun resolution")."""
    people = [m for m in mentions if (a := actors.get(m.actor_id)) is not None and a.type == "person"]
    votes: dict[str, Counter[str]] = {}
    for n, m in enumerate(people):
        token = next(iter(sdoc.char_span(m.start, m.end, alignment_mode="expand") or []), None)
        if token is None:
            continue
        _, end, _, end_char = _sentence_of(sdoc, token.i)
        limit = min(end_char, people[n + 1].start if n + 1 < len(people) else end_char)
        # the sentence's tokens from the mention's first on, in text order (those before it start
        # before the mention's end), up to the limit
        after = None
        for i in range(token.i, end):
            t = sdoc[i]
            if t.idx >= limit:
                break
            if m.end <= t.idx and t.lower_ in PRONOUN_GENDER:
                after = t
                break
        if after is not None:
            votes.setdefault(m.actor_id, Counter())[PRONOUN_GENDER[after.lower_]] += 1
    out = {a: c.most_common(1)[0][0] for a, c in votes.items() if c["m"] != c["f"]}
    return {**out, **named_genders(sdoc, people, actors)}


GENDER_KEYS = {"male": "m", "female": "f"}


def named_genders(sdoc: SpacyDoc, people: Sequence[Mention], actors: Mapping[str, Actor]) -> dict[str, str]:
    """Person -> "m"/"f" from how the report names them: an honorific before a mention ("Ms.
    Vell") or the first name of the person's name, read from the reporting-verb lexicon's lists
    (lib/lexicons/reporting_verbs.yaml, as the speaker resolution reads them). A name is surer
    than the report's pronouns, whose vote can follow another person's; names in neither list (or
    both) leave it to the pronouns."""
    cues = load_cues()
    text = doc_text(sdoc)
    found: dict[str, set[str]] = {}
    for m in people:
        before = _words(text[max(0, m.start - 6) : m.start])[-1:]
        first = _words(actors[m.actor_id].name)[:1]
        for gender, key in GENDER_KEYS.items():
            if (before and before[0] in cues.honorifics.get(gender, ())) or (
                len(_words(actors[m.actor_id].name)) > 1
                and first
                and first[0] in cues.first_names.get(gender, ())
            ):
                found.setdefault(m.actor_id, set()).add(key)
    return {a: next(iter(g)) for a, g in found.items() if len(g) == 1}


PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
PLURAL_REACH = 400  # characters before a "they" its antecedent body is looked for in


def _plural_targets(
    quote: Quote, sdoc: SpacyDoc, mentions: Sequence[Mention], side: set[str], actors: Mapping[str, Actor]
) -> list[Found]:
    """A "they"/"their" in the statement, read as the last body (organization, party, country) named
    shortly before it as a subject, outside the speaker's side: a plural pronoun refers to a group,
    and a person's name cannot be its antecedent (number agreement, the first filter of Lappin &
    Leass 1994); a subject is the likeliest antecedent (Centering, Grosz, Joshi & Weinstein 1995),
    and the outlet a statement was "told" to is an object, not it."""
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    token = next((t for t in span if t.lower_ in PLURAL_PRONOUNS), None)
    if token is None:
        return []
    before = [
        m
        for m in mentions
        if token.idx - PLURAL_REACH <= m.start
        and m.end <= token.idx
        and m.actor_id not in side
        and (a := actors.get(m.actor_id)) is not None
        and a.type != "person"
        and _role_rank(sdoc, m) == SUBJECT
    ]
    return [(before[-1].actor_id, "pronoun", token.idx)] if before else []


def title_holders(text: str, mentions: Sequence[Mention], actors: Mapping[str, Actor]) -> dict[str, str]:
    """Office -> the person of the report its title is written before most ("President X" makes X the
    holder of "the president"); the first so titled among equals."""
    patterns = _title_patterns(tuple(load_titles()[0].items()))
    counts: dict[str, Counter[str]] = {}
    for m in mentions:
        if (a := actors.get(m.actor_id)) is None or a.type != "person":
            continue
        if office := _title_of(text, m, patterns):
            counts.setdefault(office, Counter())[m.actor_id] += 1
    return {office: c.most_common(1)[0][0] for office, c in counts.items()}


TitlePatterns = tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...]


def _title_of(text: str, m: Mention, patterns: TitlePatterns) -> str | None:
    """The office of the title (``_title_patterns``) written just before the mention ("Gov. X")
    or opening it."""
    before = polarity.normal(text[max(0, m.start - TITLE_REACH) : m.start])
    own = polarity.normal(m.text)
    for word, office, ending, opening in patterns:
        # each pattern holds its word as written: a text without it cannot match (the same answers,
        # without a regex run per title word per mention)
        if (word in before and ending.search(before)) or (own.startswith(word) and opening.match(own)):
            return office
    return None


@lru_cache(maxsize=4)
def _title_patterns(entries: tuple[tuple[str, str], ...]) -> TitlePatterns:
    """Each title word, longest first, with its office and its patterns: written last before a
    name, and opening one."""
    out = []
    for word, office in _longest_first(dict(entries)):
        title = re.escape(word) + r"\.?\s"
        out.append((word, office, re.compile(rf"(?<![a-z]){title}+$"), re.compile(title)))
    return tuple(out)


def description_targets(quote: Quote, holders: Mapping[str, str]) -> list[Found]:
    """Offices the statement names instead of their holder ("the mayor's plan", "the
    governor"), read as the holder the report gives them; a title followed by a capitalised
    word is the start of a name, already found as a mention."""
    if not holders:
        return []
    words, bodies = load_titles()
    # an ASCII phrase in an ASCII text matches only where the lower-cased text holds it
    low = quote.text.lower() if quote.text.isascii() else None
    found: list[Found] = []
    for phrase, office, pattern in _description_patterns(tuple({**words, **bodies}.items())):
        if office not in holders or (low is not None and phrase.isascii() and phrase.lower() not in low):
            continue
        for m in pattern.finditer(quote.text):
            found.append((holders[office], "description", quote.start + m.start()))
    return sorted(found, key=lambda f: f[2] or 0)


@lru_cache(maxsize=4)
def _description_patterns(
    entries: tuple[tuple[str, str], ...],
) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Each office phrase, longest first, with its office and the pattern of its description."""
    return tuple(
        (
            phrase,
            office,
            re.compile(rf"\b(?i:(?:{DETERMINERS})\s+(?:\w+\s+)?{re.escape(phrase)})\b(?![.,]?\s+[A-Z])"),
        )
        for phrase, office in _longest_first(dict(entries))
    )


def _longest_first(entries: Mapping[str, str]) -> list[tuple[str, str]]:
    return sorted(entries.items(), key=lambda kv: -len(kv[0]))


def _sentence_actors(quote: Quote, sdoc: SpacyDoc, mentions: Sequence[Mention], side: set[str]) -> list[str]:
    """Actors named in the sentences the statement sits in, outside its quoted words."""
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    start, end = _sentence_of(sdoc, span[0].i)[2], _sentence_of(sdoc, span[-1].i)[3]
    return [
        m.actor_id
        for m in mentions
        if start <= m.start
        and m.end <= end
        and not (quote.start <= m.start < quote.end)
        and m.actor_id not in side
        and not (
            quote.speaker_start is not None and quote.speaker_start <= m.start < (quote.speaker_end or 0)
        )
    ]


FRAME_PREPOSITIONS = frozenset({"of", "about", "against", "toward", "towards"})  # "said of X"
# verbs whose object is the one spoken to, not of ("told reporters", "informed the committee")
ADDRESSEE_VERBS = frozenset(
    {"tell", "told", "inform", "brief", "assure", "email", "text", "write", "wrote", "say", "said"}
)


def frame_actors(quote: Quote, sdoc: SpacyDoc, mentions: Sequence[Mention], side: set[str]) -> set[str]:
    """The actors the reporter's clause makes the quote be said of (frame_arguments)."""
    return set(frame_arguments(quote, sdoc, mentions, side))


def frame_arguments(
    quote: Quote, sdoc: SpacyDoc, mentions: Sequence[Mention], side: set[str]
) -> dict[str, int]:
    """Actor -> the side the frame itself takes on it (> 0 "defended X", "praised X"; < 0
    "accused X", "warned against Y", "defended X against Y"; 0 the quote's words must say): the
    actors the reporter's own words make the quoted words be said of: the subject of the
    clause a partial quote completes ("said that X is 'unfit'", X "has lost its way"), the object
    of the reporting verb ("called X 'a disgrace'", "accused X of 'lying'", "urged X to
    'resign'"), the one it is "said of", and a name the quoted words stand in apposition to. Read
    in the parse: the arguments of the words outside the quote that govern it, within its
    paragraph; not the subject of a verb of saying (the speaker) nor the addressee of a verb of
    telling ("told reporters"). A partial quote belongs to the reporter's clause (Clark & Gerrig
    1990, "Quotations as demonstrations"): its subject is what the quoted words predicate of."""
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    bounds = _sentence_bounds(sdoc, quote.start, quote.end)
    if span is None or not len(span) or not bounds:
        return {}
    lo, hi = _paragraph_of(bounds, quote.start, quote.end)
    inside = range(span.start, span.end)
    heads: list[Token] = []  # the words outside the quote that govern it, nearest first
    for token in span:
        head = token.head
        while head.i not in inside and head not in heads and lo <= head.idx < hi:
            heads.append(head)
            if head.head.i == head.i:
                break
            head = head.head
    sentences = sdoc[_sentence_of(sdoc, span[0].i)[0] : _sentence_of(sdoc, span[-1].i)[1]]
    arguments = {t.i for t in sentences if _predicated(t, inside, lo, hi)}
    # the name the quoted words stand in apposition to ("called X 'a disgrace'")
    arguments.update(t.head.i for t in span if t.dep_ == "appos" and t.head.i not in inside)
    speech = _saying_verbs()
    stance: dict[int, int] = {}  # argument -> the frame's side on it: "defended X", "against Y"
    for head in heads:
        # the subject of a verb of saying, or of the clause all the rest hangs from, is the speaker
        saying = head.lower_ in speech or head.head.i == head.i or not lo <= head.head.idx < hi
        for child in head.children:
            if child.i in inside or not lo <= child.idx < hi:
                continue
            if child.dep_ in SUBJECTS and not saying:
                arguments.add(child.i)
            elif child.dep_ in OBJECTS and not _addressed(head.lower_):  # "told reporters": the hearer
                arguments.add(child.i)
                stance[child.i] = polarity.evaluation(head.text)  # "defended X", "accused X"
            elif child.dep_ == "prep" and child.lower_ in FRAME_PREPOSITIONS:
                objects = {g.i for g in child.children if g.dep_ == "pobj"}
                arguments.update(objects)
                if child.lower_ in polarity.load_lexicon().oppose_preps:
                    stance.update(dict.fromkeys(objects, -1))
    out: dict[str, int] = {}
    for m in mentions:
        if m.actor_id in side or quote.start <= m.start < quote.end or not lo <= m.start < hi:
            continue
        if quote.speaker_start is not None and quote.speaker_start <= m.start < (quote.speaker_end or 0):
            continue
        named = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if named is None:
            continue
        root = named.root
        at = root.i if root.i in arguments else root.head.i if root.dep_ in NAME_PARTS else None
        if at in arguments:
            out[m.actor_id] = out.get(m.actor_id, 0) or stance.get(at, 0)
    return out


SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "dative"})
PREDICATED = SUBJECTS | {"poss"}  # X "has lost its way", X's "failed plan"


def _predicated(token: Token, inside: range, lo: int, hi: int) -> bool:
    """A subject or possessor outside the quote of words inside it: X "has lost its way"."""
    return (
        token.i not in inside and token.head.i in inside and token.dep_ in PREDICATED and lo <= token.idx < hi
    )


def _paragraph_of(bounds: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The span of the statement's sentences (paragraph-split) that hold the quote."""
    held = [(a, b) for a, b in bounds if a < end and start < b] or list(bounds)
    return held[0][0], held[-1][1]


@lru_cache(maxsize=1)
def _saying_verbs() -> frozenset[str]:
    """The inflected verbs of saying and of speech acts (lib/lexicons/reporting_verbs.yaml): their
    subject is the speaker, never what the statement is about."""
    cues = load_cues()
    return cues.speech | cues.acts | cues.statement_acts | cues.directives | cues.belief


def _addressed(verb: str) -> bool:
    return any(form in ADDRESSEE_VERBS for form in polarity.base_forms(verb))


NAME_PARTS = frozenset({"poss", "compound", "appos"})  # "X's plan", "the X campaign", "the senator, X"


def _reporting_words(quote: Quote, sdoc: SpacyDoc, report: Report | None = None) -> str:
    """The words of the statement's sentence outside the quoted ones, within its paragraph and
    without its names: the reporter's frame ("in a scathing statement", "praised the decision")."""
    sentences = _sentence_bounds(sdoc, quote.start, quote.end)
    if not sentences:
        return ""
    first = next(((a, b) for a, b in sentences if a <= quote.start < b), sentences[0])
    last = next(((a, b) for a, b in sentences if a < quote.end <= b), sentences[-1])
    text = doc_text(sdoc)
    names = _name_spans(sdoc, report, first[0], last[1]) if report else []
    names += _capitalised(sdoc, first[0], quote.start) + _capitalised(sdoc, quote.end, last[1])
    before = _blanked(text[first[0] : quote.start], first[0], names)
    after = _blanked(text[quote.end : last[1]], quote.end, names)
    return f"{before} . {after}"


def _capitalised(sdoc: SpacyDoc, start: int, end: int) -> list[tuple[int, int]]:
    """The capitalised words in [start, end) that open no sentence or quotation: in the reporter's
    own words they are names and titles ("the Freedom Caucus chairman", "Senate Majority Leader"),
    whether or not the parser tagged them; a reporter judges through its verbs, not through
    the words of a name."""
    span = sdoc.char_span(start, end, alignment_mode="contract") if start < end else None
    return [
        (t.idx, t.idx + len(t))
        for t in span or ()
        if t.is_title and not t.is_sent_start and t.i > 0 and not _opens(sdoc[t.i - 1])
    ]


def _opens(token: Token) -> bool:
    """A mark after which a capital opens a sentence or a quotation, not a name."""
    return token.is_quote or token.is_bracket or token.text in OPENING_MARKS


OPENING_MARKS = frozenset({".", ":", "!", "?", "\u2014", "\u2013", "-", "--"})


SENTENCE_END = re.compile(r"[.!?][\"”’']*\s+")


def _sentence_at(quote: Quote, offset: int, text: str) -> str:
    """The sentence of the statement (``text``, its names blanked) that holds ``offset``: when
    the target's clause says nothing, its sentence is read before the whole statement ("Vell:
    calm, steady. Ander: reckless." praises Vell)."""
    rel = offset - quote.start
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, rel)), default=0)
    right = next((m.start() for m in SENTENCE_END.finditer(text, rel)), len(text))
    return text[left:right]


MODALS = frozenset({"must", "should", "ought"})  # "X must resign": X is demanded of
NEEDS = frozenset({"need", "needs", "needed", "has", "have", "had"})  # "X needs to / has to testify"
APPEALS = frozenset(
    {"urge", "urges", "urged", "urging", "call", "calls", "called", "calling"}
)  # "urged X to"


def _demand_toward(quote: Quote, sdoc: SpacyDoc, at: int, clause: str) -> int:
    """-1 when the target's clause demands something of it: the subject of the modal's verb ("X
    must resign", "X needs to testify") or the one appealed to ("urged X to act", "called on X
    to"), the addressee of the demand. A demand the parse gives to someone else ("the mayor needs
    to hear") is not of the target; one with no addressee found is read of the clause as before."""
    if not polarity.is_demand(clause):
        return 0
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    token = next((t for t in span or () if t.idx <= at < t.idx + len(t)), None)
    if span is None or token is None:
        return polarity.demand_score(clause)
    addressees = []
    first, end, _, _ = _sentence_of(sdoc, token.i)
    for t in sdoc[first:end]:
        if not quote.start <= t.idx < quote.end:
            continue
        if t.lower_ in MODALS and t.dep_ == "aux":
            addressees += [c for c in t.head.children if c.dep_ in SUBJECTS]
        elif t.lower_ in NEEDS and any(c.dep_ == "xcomp" for c in t.children):
            addressees += [c for c in t.children if c.dep_ in SUBJECTS]
        elif t.lower_ in APPEALS:
            addressees += [c for c in t.children if c.dep_ in OBJECTS]
    if not addressees:
        return polarity.demand_score(clause)
    return -1 if any(a.left_edge.idx <= at <= a.idx for a in addressees) else 0


# "Why won't she answer?", "Why would she not sign it?": a negative why-question about someone is a
# reproach, an indirect demand that they do it (Quirk et al. 1985, 11.22: "why not" questions as
# suggestions; said of a third party they blame). Scored as a demand is.
REPROACH = re.compile(r"(?is)^\W*why\b[^?]*?(?:\bnot\b|n['’]t\b)[^?]*\?")
REPROACH_SCORE = -1


PRONOUN_FAMILIES = (
    frozenset({"he", "him", "his", "himself"}),
    frozenset({"she", "her", "hers", "herself"}),
    frozenset({"they", "them", "their", "theirs", "themselves"}),
)


def _referring(
    quote: Quote, sdoc: SpacyDoc, report: Report, actor_id: str, evidence: Evidence, speaker: bool = False
) -> list[int]:
    """The offsets in the statement where it refers to the target: the evidence's place, the
    target's other mentions in it, and the pronouns of the same person, number and gender as the
    one read as the target ("We gave him a way out. Why would he not take it?"): a pronoun
    repeated in a short statement keeps its referent (Centering's continuation, Grosz, Joshi &
    Weinstein 1995). ``speaker``: the speaker's own first-person pronouns ("we", "our") too."""
    at = evidence.at()
    found = [] if at is None else [at]
    found += [
        m.start for m in report.mentions if m.actor_id == actor_id and quote.start <= m.start < quote.end
    ]
    if speaker and evidence.speaker and evidence.first_person:
        found += [quote.start + m.start() for m in FIRST_PERSON.finditer(quote.text)]
    if evidence.anaphor == "pronoun" and evidence.anaphor_at is not None:
        span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
        tokens = list(span or ())
        first = next((t for t in tokens if t.idx == evidence.anaphor_at), None)
        family = next((f for f in PRONOUN_FAMILIES if first is not None and first.lower_ in f), None)
        found += [t.idx for t in tokens if family and t.lower_ in family]
    return sorted(set(found))


# verbs whose subject undergoes what their object or complement names: "suffer", "face a crisis",
# "lose", "go through a war", "be under threat", "come under threat", "remain at risk" (the
# experiencer and patient roles of Fillmore 1968 and Dowty 1991: the one a harm befalls is not its
# cause)
EXPERIENCER_VERBS = frozenset(
    {"suffer", "face", "lose", "undergo", "endure", "experience", "go", "be", "remain", "come", "fall",
     "live", "stay", "weather", "survive", "risk", "confront", "encounter",
     # the irregular forms the parser's lemmas (not always there) and base_forms do not bring back
     "lost", "underwent", "undergone", "went", "gone", "is", "are", "am", "was", "were", "been", "'s",
     "'re", "'m", "came", "fell", "fallen", "lived"}
)  # fmt: skip
# prepositions whose object, after a verb of experience, is the state undergone ("under attack",
# "in crisis", "at risk", "through a war", "into chaos")
EXPERIENCED_IN = frozenset({"under", "in", "at", "through", "into"})
# prepositions whose object, after a noun of misfortune, is the one it befalls ("threats to X", "an
# attack on X", "war against X", "a disaster for X")
BEFALLS = frozenset({"to", "on", "against", "for", "upon"})
# the parts of a phrase that share the fate of its head: "X's economy suffers", "the X army",
# "X and Y will suffer"
PHRASE_PARTS = frozenset({"poss", "compound", "appos", "conj", "nmod"})


def befallen(quote: Quote, sdoc: SpacyDoc, refs: Sequence[int]) -> list[tuple[int, int]]:
    """The words of misfortune of the statement (lib/lexicons/evaluative.yaml: misfortune) that
    befall the one referred to at ``refs`` (document offsets): it is the subject of a verb of
    experience ("we suffer", "faces a crisis", "came under attack", "went through a war") or of a
    passive ("was attacked"), the object of the verb ("attacked X", "threatens X") or the
    complement of "to/on/against/for" after the noun ("threats to X", "an attack on X's city").
    A misfortune names what happens to its patient and blames its agent: "X threatens", "X's
    attack", "the threat from X" are not here (the agent keeps its blame), nor is a misfortune of
    which it is the agent too ("X wrecked his own name")."""
    befalling: set[int] = set()
    caused: set[int] = set()
    for at in refs:
        span = sdoc.char_span(at, at + 1, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span[0]
        caused.update(t.i for t in _caused(token))
        name = token
        while name.dep_ == "compound" and name.head.i != name.i:
            name = name.head
        if name.dep_ == "poss" and name.head.pos_ == "NOUN" and polarity.is_emotion(name.head.text):
            befalling.add(name.head.i)  # "to X's dismay": an emotion's possessor is who feels it
        while token.dep_ in PHRASE_PARTS and token.head.i != token.i and not _misfortune(token.head):
            token = token.head  # "our sovereignty", "X's economy": the phrase it is part of
        befalling.update(t.i for t in _befalling(token))
    found = {t.i for i in befalling - caused for t in _with_modifiers(sdoc[i])}
    return [
        (sdoc[i].idx, sdoc[i].idx + len(sdoc[i]))
        for i in sorted(found)
        if quote.start <= sdoc[i].idx < quote.end
    ]


def _caused(token: Token) -> list[Token]:
    """The misfortune words of which the phrase of ``token`` is the agent: the subject of the active
    verb ("X threatens"), the possessor of the noun ("X's attack"), "by/from X" ("the threat
    from X", "attacked by X")."""
    while token.dep_ in ("compound", "appos", "conj") and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ == "poss" or (token.dep_ == "nsubj" and not _experienced(head)):
        return [head] if _misfortune(head) else []
    if token.dep_ == "pobj" and head.lower_ in ("by", "from") and head.head.i != head.i:
        return [head.head] if _misfortune(head.head) else []
    return []


def _with_modifiers(word: Token) -> list[Token]:
    """A noun of misfortune with the words that describe it ("a deep crisis, the worst in years",
    "threats from a reckless neighbour"): they tell how bad the misfortune is and whence it
    comes, not what the one it befalls did. A verb stands alone: its subtree holds its subject."""
    return list(word.subtree) if word.pos_ in ("NOUN", "PROPN") else [word]


def _befalling(phrase: Token) -> list[Token]:
    """The misfortune words the phrase headed by ``phrase`` is experiencer or patient of."""
    head = phrase.head
    if phrase.dep_ == "nsubjpass" or (phrase.dep_ in OBJECTS and head.pos_ == "VERB"):
        # "was attacked", "attacked X"; "was alarmed by", "worries X": who feels it
        return [head] if _misfortune(head) or polarity.is_emotion(head.text) else []
    if phrase.dep_ == "pobj" and head.lower_ in BEFALLS and head.head.i != head.i:
        noun = head.head  # "threats to X"; "pose a threat to X", "caused damage to X": its object
        nouns = [noun] if noun.pos_ in ("NOUN", "PROPN") else [c for c in noun.children if c.dep_ == "dobj"]
        return [n for n in nouns if _misfortune(n)]
    if phrase.dep_ != "nsubj":
        return []
    out: list[Token] = []
    verbs = [head, *(c for c in head.children if c.dep_ == "xcomp")]  # "will continue to suffer"
    for verb in verbs:
        if not _experienced(verb):
            continue
        if _misfortune(verb):
            out.append(verb)  # "we will suffer", "they lost"
        for child in verb.children:
            if child.dep_ == "dobj":  # not "attr": "X is a threat" says what X is
                out += [n for n in (child, *child.conjuncts) if _misfortune(n)]
            elif child.dep_ == "acomp" and _felt(child):
                # "X is concerned about Y": X feels it, Y may be judged. The "-ing" adjective
                # names the cause, not who feels it: "X's refusal is disappointing" blames X
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in EXPERIENCED_IN:
                nouns = [g for c in child.children if c.dep_ == "pobj" for g in (c, *c.conjuncts)]
                out += [n for n in nouns if _misfortune(n)]
    return out


def _felt(adjective: Token) -> bool:
    """An adjective of distress said of who feels it ("concerned", "worried", "afraid"); one in
    "-ing" names the cause ("disappointing", "worrying")."""
    return polarity.is_emotion(adjective.text) and not adjective.lower_.endswith("ing")


def _misfortune(token: Token) -> bool:
    return polarity.is_misfortune(token.text)


def _experienced(verb: Token) -> bool:
    """A verb of experience ("suffered", "went", "is")."""
    return verb.lemma_.lower() in EXPERIENCER_VERBS or any(
        f in EXPERIENCER_VERBS for f in polarity.base_forms(verb.lower_)
    )


def _reproached(
    quote: Quote, sdoc: SpacyDoc, report: Report, actor_id: str, evidence: Evidence, text: str
) -> bool:
    """A sentence of the statement that refers to the target is a negative why-question."""
    return any(_reproach(quote, at, text) for at in _referring(quote, sdoc, report, actor_id, evidence))


def _reproach(quote: Quote, offset: int, text: str) -> bool:
    """The sentence of the statement holding ``offset`` is a negative why-question."""
    rel = offset - quote.start
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, rel)), default=0)
    return REPROACH.match(text[left:]) is not None  # "^" matches at the string's start only, not at pos


def _clause_at(quote: Quote, offset: int, text: str | None = None) -> str:
    """The clause of the statement (or of ``text``, the statement with its names blanked) that
    holds ``offset`` (a mention's start)."""
    rel = offset - quote.start
    text = quote.text if text is None else text
    left = max((m.end() for m in polarity.CLAUSE_BREAK.finditer(text, 0, rel)), default=0)
    right = next((m.start() for m in polarity.CLAUSE_BREAK.finditer(text, rel)), len(text))
    return text[left:right]
