"""How a statement judges what it speaks of: evaluative words turned by their context.

The words and their prior polarity are data (lib/lexicons/evaluative.yaml), after the MPQA
subjectivity lexicon (Wilson, Wiebe & Hoffmann 2005): a word's prior polarity counts in its
clause, turned by a negator a few words before it ("not fair", "never helpful"). A stance on an
object reads the predicate that governs it: "backed the sanctions" supports them, "warned against
the deal" opposes it, "did not back the sanctions" opposes them (the predicate-argument reading of
stance of Somasundaran & Wiebe 2010, "Recognizing stances in ideological on-line debates").

Text only, no parse: the same reading serves a fresh analysis and positions recomputed from a store.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from lib import LEXICONS, read_yaml
from lib.records import Polarity

LEXICON_PATH = LEXICONS / "evaluative.yaml"
# "couldn't" is "could" + "n't": the stem stops before the contraction, which is then a word
WORD = re.compile(r"[a-z]+(?=n't)|n't|[a-z]+(?:-[a-z]+)*")
CLAUSE_BREAK = re.compile(r"(?i)[.;:!?,\u2014()]|\s-\s|\b(?:but|while|whereas|although|though)\b")
NEGATION_WINDOW = 5  # words before an evaluative word that a negator reaches ("is not, I fear, fit")
PREDICATE_WINDOW = 6  # words before an object that its governing verb may stand at
# a negative quantifier opening a clause denies its whole predicate ("nothing he said is true")
CLAUSE_NEGATORS = ("nothing", "nobody", "no one", "none", "not a single", "not one", "not any", "neither")
# "A, but B": B is the point made, A conceded (contextual valence shifters, Polanyi & Zaenen 2006;
# VADER's "but" rule, Hutto & Gilbert 2014): B's words count double, up to the sentence's end
CONTRAST_WEIGHT = 2
SENTENCE_BREAKS = frozenset({".", "!", "?", ";"})
READ_MOST = 200_000  # words whose prior polarity a Lexicon keeps (Lexicon.read)
NOT_A_NEGATION = {("not", "only"), ("no", "doubt"), ("not", "just")}  # "not only X but Y" keeps X


@dataclass(frozen=True)
class Lexicon:
    weights: dict[str, int]  # base form -> +1/+2/-1/-2
    support: frozenset[str]
    oppose: frozenset[str]
    oppose_preps: frozenset[str]
    negators: frozenset[str]
    conditionals: tuple[str, ...]
    demands: tuple[str, ...]
    irregular: dict[str, str]  # irregular inflected form -> base form ("lost" -> "lose")
    not_evaluative: frozenset[str]  # surface forms that are other words ("rights", "fines")
    senses: dict[str, dict[str, frozenset[str]]]  # word -> its other senses' contexts (_other_sense)
    discourse: frozenset[str]  # words that, alone before a comma, are discourse markers ("Well,")
    demand_noun_before: frozenset[str] = frozenset()  # "the demand for": the noun, no directive
    hedged_speech: frozenset[str] = frozenset()  # "we must state that": a formula, no directive
    expectation_verbs: frozenset[str] = frozenset()  # "it should help": expected, not demanded
    misfortune: frozenset[str] = frozenset()  # "crisis", "attack": what befalls, not a judgement
    emotions: frozenset[str] = frozenset()  # "concerned", "worried": felt, not a judgement of who feels
    duties: frozenset[tuple[str, ...]] = frozenset()  # "listen", ("speak", "for"): blame when denied
    norms: frozenset[str] = frozenset()  # "tolerate", "acceptable": blame when denied, by anyone
    # each word's prior polarity once read (_weight): a word is looked up again in every clause,
    # statement and sentence that holds it, each time through its base forms
    read: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    data = read_yaml(path or LEXICON_PATH) or {}
    weights: dict[str, int] = {}
    for key, weight in (("positive", 1), ("negative", -1), ("strong_positive", 2), ("strong_negative", -2)):
        weights |= {str(w).lower(): weight for w in data.get(key) or []}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return Lexicon(
        weights=weights,
        support=words("support_verbs"),
        oppose=words("oppose_verbs"),
        oppose_preps=words("oppose_preps"),
        negators=words("negators"),
        conditionals=tuple(str(w).lower() for w in data.get("conditionals") or []),
        demands=tuple(str(w).lower() for w in data.get("demand_modals") or []),
        irregular={str(k).lower(): str(v).lower() for k, v in (data.get("irregular") or {}).items()},
        not_evaluative=words("not_evaluative"),
        senses={
            str(w).lower(): {
                str(k): frozenset(str(v).lower() for v in vs or []) for k, vs in (ctx or {}).items()
            }
            for w, ctx in (data.get("other_senses") or {}).items()
        },
        discourse=words("discourse_markers"),
        demand_noun_before=words("demand_noun_before"),
        hedged_speech=words("hedged_speech"),
        expectation_verbs=words("expectation_verbs"),
        misfortune=words("misfortune"),
        emotions=words("emotions"),
        duties=frozenset(tuple(str(w).lower().split()) for w in data.get("duties") or []),
        norms=words("norms"),
    )


def normal(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def words(text: str) -> list[str]:
    return WORD.findall(normal(text))


def base_forms(word: str) -> tuple[str, ...]:
    """The word and its plausible base forms: inflections stripped (-s, -es, -ed, -d, -ing, -ly,
    -ied/-ies to -y), a doubled consonant undone ("slammed" -> "slam")."""
    forms = [word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e"), ("ly", ""), ("ily", "y")):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)] + repl
            forms.append(stem)
            if suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
    return tuple(dict.fromkeys(forms))


def is_misfortune(word: str, lexicon: Lexicon | None = None) -> bool:
    """A word of misfortune (lib/lexicons/evaluative.yaml: misfortune): a harm, a danger or a
    hardship that befalls someone ("threats", "attacked", "lost"), in any inflection."""
    lex = lexicon or load_lexicon()
    low = normal(word)
    return lookup(lex.irregular.get(low, low), lex.misfortune) is not None


def is_emotion(word: str, lexicon: Lexicon | None = None) -> bool:
    """An emotion of distress (lib/lexicons/evaluative.yaml: emotions) in any inflection: the one
    who feels it ("we are concerned", "X was alarmed") is not judged by it."""
    lex = lexicon or load_lexicon()
    low = normal(word)
    return lookup(lex.irregular.get(low, low), lex.emotions) is not None


def lookup(word: str, entries: frozenset[str] | dict[str, int]) -> str | None:
    return next((f for f in base_forms(word) if f in entries), None)


def clauses(text: str) -> list[str]:
    return [c for c in CLAUSE_BREAK.split(normal(text)) if c.strip()]


def _negated(ws: list[str], i: int, neg: frozenset[str], first: int = 0) -> bool:
    """A negator within NEGATION_WINDOW words before word ``i`` (from word ``first`` on), or
    "least" just before it: "the least honest" denies what "the most honest" asserts (a
    superlative of little; "at least" is no denial). "Could not be better" is no denial
    (_extreme)."""
    if i >= 1 and ws[i - 1] == "least" and (i < 2 or ws[i - 2] != "at"):
        return True
    for j in range(max(first, i - NEGATION_WINDOW), i):
        if ws[j] in neg and (ws[j], ws[j + 1]) not in NOT_A_NEGATION and not _extreme(ws, j, i):
            return True
    return False


COMPARATIVES = frozenset({"better", "worse"})  # the comparatives of the lexicon's commonest words
# "could not be (any) better", "couldn't possibly get worse", "could not be more proud": a denied
# possibility of more asserts the extreme (the "couldn't be happier" idiom of English): the word
# keeps its polarity, it is not turned. "Could not be less helpful" denies the word, as any negation
MAXIMISER = re.compile(r"(?:possibly |ever |have |been |be |get |any |much |in )*(?:more )?$")


def _extreme(ws: list[str], j: int, i: int) -> bool:
    """The negator ``ws[j]`` follows "could" and denies only that word ``i`` could be exceeded."""
    if j < 1 or ws[j - 1] != "could" or ws[j] not in ("not", "n't"):
        return False
    between = " ".join(ws[j + 1 : i]) + (" " if i > j + 1 else "")
    if not MAXIMISER.fullmatch(between):
        return False
    return ws[i] in COMPARATIVES or (i >= 1 and ws[i - 1] == "more")


def evaluation(text: str, lexicon: Lexicon | None = None) -> int:
    """The sum of the prior polarities of the text's evaluative words, each turned by a negator
    before it in its clause: > 0 praises, < 0 blames, 0 says nothing evaluative."""
    return sum(score for _, score in evaluated(text, lexicon))


def evaluated(text: str, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """(offset in ``text``, signed weight) of each evaluative word as its context turns it: the
    word's prior polarity, turned by a negator before it in its clause or by a negative quantifier
    opening the clause; a good word just after a harmful one counts for nothing (_harmed)."""
    lex = lexicon or load_lexicon()
    low = normal(text)  # same length as text: offsets carry over
    found: list[tuple[int, int]] = []
    breaks = list(CLAUSE_BREAK.finditer(low))
    starts = [0, *(m.end() for m in breaks)]
    ends = [m.start() for m in breaks] + [len(low)]
    seps = ["", *(m.group(0).strip() for m in breaks)]
    contrast = 1
    for begin, end, sep in zip(starts, ends, seps, strict=True):
        if sep == "but":
            contrast = CONTRAST_WEIGHT  # what follows "but" is the point made, up to the sentence's end
        elif sep in SENTENCE_BREAKS:
            contrast = 1
        matches = list(WORD.finditer(low, begin, end))
        ws = [m.group(0) for m in matches]
        opening = next(
            (n for n in CLAUSE_NEGATORS if " ".join(ws).startswith(n)), ""
        )  # after a quote mark too
        flip = -1 if opening else 1
        weights = [0 if _other_sense(ws, i, lex) else _weight(w, lex) for i, w in enumerate(ws)]
        if len(ws) == 1 and ws[0] in lex.discourse and low[end : end + 1] == ",":
            weights = [0]  # "Well, ...", "Fine, ...": a discourse marker, no judgement
        for i, weight in enumerate(weights):
            if (
                not weight
                or (weight > 0 and _harmed(weights, i))
                or (i and (ws[i - 1], ws[i]) in NOT_A_NEGATION)
            ):
                continue  # "no doubt": the pair is no doubt and no judgement
            negated = _negated(
                ws, i, lex.negators, first=len(opening.split())
            )  # the opening one counted once
            found.append((matches[i].start(), contrast * flip * (-weight if negated else weight)))
        for i in _denied_duties(ws, weights, lex, opening):
            found.append((matches[i].start(), -contrast))
        for i in _denied_norms(ws, weights, lex, opening):
            found.append((matches[i].start(), -contrast))
        for i in _unique_ability(ws, weights, lex):
            found.append((matches[i].start(), contrast))
    return found


FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})


def _denied_duties(ws: list[str], weights: list[int], lex: Lexicon, opening: str) -> list[int]:
    """The words of a denied duty (lib/lexicons/evaluative.yaml: duties): "they no longer listen",
    "he does not speak for us", "nobody here cares". Asserted, a duty says nothing; denied once
    (by a negator before it or one opening the clause), it reproaches. Not in the first person:
    "I don't represent anyone" states the speaker's place, it blames no one."""
    out = []
    first = len(opening.split())
    for i, word in enumerate(ws):
        if weights[i] or not any(
            ws[i + 1 : i + len(duty)] == list(duty[1:]) and lookup(word, frozenset(duty[:1]))
            for duty in lex.duties
        ):
            continue
        window = ws[max(0, i - NEGATION_WINDOW) : i]
        if any(w in FIRST_PERSON_SUBJECTS for w in window):
            continue
        if _negated(ws, i, lex.negators, first=first) != bool(opening):
            out.append(i)
    return out


def _denied_norms(ws: list[str], weights: list[int], lex: Lexicon, opening: str) -> list[int]:
    """The words of a denied norm (lib/lexicons/evaluative.yaml: norms): "this is not
    acceptable", "such conduct would never be tolerated", "nothing justifies it". Asserted, a norm
    says little ("we tolerate dissent"); denied, it says the conduct falls short of it, as its
    negative form does ("unacceptable", "unjustified"). Unlike a duty, the speaker's own denial
    blames too: "I will not tolerate this" judges what is not tolerated. Not in a condition ("if
    they do not find it acceptable"): a denial supposed is not asserted."""
    first = len(opening.split())
    return [
        i
        for i, word in enumerate(ws)
        if not weights[i]
        and lookup(word, lex.norms)
        and _negated(ws, i, lex.negators, first=first) != bool(opening)
        and not _supposed(ws, i, lex)
    ]


def _supposed(ws: list[str], i: int, lex: Lexicon) -> bool:
    """Word ``i`` stands after a condition's marker in its clause ("if", "unless", "as long as")."""
    before = f" {' '.join(ws[:i])} "
    return any(f" {c} " in before for c in lex.conditionals)


UNIQUE_HEADS = frozenset({"one", "person", "man", "woman", "candidate", "leader", "people", "ones"})
ABLE = frozenset({"can", "could"})
NO_ONE_ELSE = (("no", "one", "else"), ("nobody", "else"))


def _unique_ability(ws: list[str], weights: list[int], lex: Lexicon) -> list[int]:
    """A claim of unique ability, which praises the one it is claimed of: "she is the only one who
    can fix it", "the only candidate who could unite the party", "no one else can do this job".
    Not where the ability is denied or past ("the only one who can't see it", "the only one who
    could have stopped it": a reproach) or where the clause's words blame ("the only man who can
    ruin it"), nor in a condition ("if she is the only one who can"): the claim then adds nothing.
    Word positions of the claims' first words."""
    if any(w < 0 for w in weights):
        return []
    out = []
    for i, word in enumerate(ws):
        if word == "only" and i and ws[i - 1] == "the":  # "the only (young) person who can"
            head = next((j for j in range(i + 1, min(i + 4, len(ws))) if ws[j] in UNIQUE_HEADS), None)
            relative = head is not None and ws[head + 1 : head + 2] in (["who"], ["that"])
            modal = ws[head + 2 : head + 4] if head is not None and relative else []
        elif claim := next((p for p in NO_ONE_ELSE if tuple(ws[i : i + len(p)]) == p), None):
            modal = ws[i + len(claim) : i + len(claim) + 2]  # "no one else can do"
        else:
            continue
        if (
            len(modal) == 2
            and modal[0] in ABLE
            and modal[1] not in ("have", "not", "n't", "never")
            and not _supposed(ws, i, lex)
        ):
            out.append(i)
    return out


def _other_sense(ws: list[str], i: int, lex: Lexicon) -> bool:
    """Word ``i`` is used in a sense that judges nothing (lib/lexicons/evaluative.yaml:
    other_senses): "as well", "right now", "the right to vote", "far right", "people like him",
    "it looks like": the word is evaluative only in its evaluative sense (the word-sense
    disambiguation of subjectivity, Wiebe & Mihalcea 2006), told here by the words beside it."""
    senses = lex.senses.get(ws[i])
    if not senses:
        return False
    before = ws[i - 1] if i else ""
    after = ws[i + 1] if i + 1 < len(ws) else ""
    if before in senses.get("after", frozenset()) or after in senses.get("before", frozenset()):
        return True
    if before in senses.get("noun_after", frozenset()) and after in senses.get(
        "noun_before", frozenset({""})
    ):
        return True  # "the right to", "a right of", "the right": the noun
    verb_after = senses.get("verb_after")
    return verb_after is not None and before not in verb_after  # "like" is a verb after a subject


def _weight(word: str, lex: Lexicon) -> int:
    """A word's prior polarity: an irregular form read as its base ("lost" as "lose"); a form whose
    inflection makes another word ("rights", "fines", "kinds") is not evaluative."""
    weight = lex.read.get(word)
    if weight is None:
        if len(lex.read) >= READ_MOST:
            lex.read.clear()  # a bound on the memory: a corpus's vocabulary stays far below it
        weight = lex.read[word] = _prior(word, lex)
    return weight


def _prior(word: str, lex: Lexicon) -> int:
    if word in lex.not_evaluative:
        return 0
    word = lex.irregular.get(word, word)
    return lex.weights[f] if (f := lookup(word, lex.weights)) else 0


def _harmed(weights: list[int], i: int) -> bool:
    """A good thing just after a negative word is what the harm is done to ("wrecked the town's good
    name", "a failure of courage"): the clause blames, the good word does not praise. Sentiment
    composition (Moilanen & Pulman 2007): a negative predicate dominates a positive argument."""
    return any(w < 0 for w in weights[max(0, i - NEGATION_WINDOW) : i])


def demand_score(text: str, lexicon: Lexicon | None = None) -> int:
    """-1 for a clause that demands something ("X must testify"): a demand made of an actor puts
    the speaker against it, as a criticism does (the brief's criticises/demands of/threatens)."""
    return -1 if is_demand(text, lexicon) else 0


def polarity(score: int | float) -> Polarity | None:
    if score > 0:
        return "pos"
    if score < 0:
        return "neg"
    return None


def predicate_stance(
    before: str, lexicon: Lexicon | None = None, own_only: bool = False, own: Collection[str] = ()
) -> Polarity | None:
    """The side the words just before an object take on it: the nearest supporting or opposing verb
    (or opposing preposition) of its clause, times the stance verbs chained before it ("refused to
    back", "continue to impose", "stop funding"), turned by a negator before the chain.

    "has backed" -> pos; "warned against" -> neg; "refused to back" -> neg; "did not oppose" -> pos;
    no such word in the clause -> None. A stance verb whose infinitive stands between it and the
    object governs that verb, not the object ("continue to face delays", "push to build a
    case"): None. "Cannot ... without ending it", "impossible without restoring it": the two
    denials make a necessity, the verb keeps its side. ``own_only``: None also when the predicate's
    subject is written as a noun phrase ("the unions opposed it", "the law favours owners"): a
    third party's stance, reported, says nothing of the speaker's own (pronouns, which in reported
    speech are the speaker's, and a subject not written are kept), unless the subject's head is
    one of ``own``: the words of the speaker's own names and of the bodies it speaks for ("Canada
    backs the plan" said by Canada's minister is Canada's stance, the speaker's own).
    """
    reading = predicate_reading(before, lexicon, own)
    if reading is None or (own_only and reading[1]):
        return None
    return reading[0]


def predicate_reading(
    before: str, lexicon: Lexicon | None = None, own: Collection[str] = ()
) -> tuple[Polarity | None, bool] | None:
    """``predicate_stance``'s side and whether the predicate's subject is a third party's noun
    phrase (its ``own_only`` test, ``own`` the speaker's name words); None where the clause has no
    stance predicate. One reading serves a caller that needs both (lib/extract/positions.py)."""
    lex = lexicon or load_lexicon()
    clause = WORD.findall(CLAUSE_BREAK.split(normal(before))[-1])
    skip = max(0, len(clause) - PREDICATE_WINDOW - _conjunct_before(clause, lex))
    ws = clause[skip:]
    found = next((i for i in range(len(ws) - 1, -1, -1) if _side(ws[i], lex)), None)
    if found is None or _infinitive_between(ws, found, lex):
        return None
    if ws[found] in lex.oppose_preps and found >= 1 and ws[found - 1] in CONTACT_BEFORE:
        return None  # "up against the wall", "backs against the wall": contact or facing, no stance
    if any(w in ADJUNCT_PREPOSITIONS for w in ws[found + 1 :]):
        return None  # "killed at an alarming rate", "backed by the law": not the predicate's object
    sign, head = _side(ws[found], lex), found
    if ws[found] in lex.oppose_preps and found >= 1 and _side(ws[found - 1], lex) < 0:
        head = found - 1  # "fight against", "protest against": one opposing predicate, not two
    if head >= 1 and ws[head - 1] in ACT_PREPOSITIONS and not ws[head].endswith("ing"):
        return None  # "during attacks on", "a style of attack on": a noun naming an act, no one's stance
    while True:  # a stance verb governing this one, directly or through "to"
        if head >= 1 and _side(ws[head - 1], lex) and ws[head - 1] not in lex.oppose_preps:
            sign, head = sign * _side(ws[head - 1], lex), head - 1
        elif head >= 2 and ws[head - 1] == "to" and _side(ws[head - 2], lex):
            sign, head = sign * _side(ws[head - 2], lex), head - 2
        else:
            break
    if _negated(ws, head, lex.negators) and not _necessity(clause, skip + head, lex):
        sign = -sign
    return polarity(sign), _third_party_subject(clause, skip + head, lex, own)


# before "against", a word that makes it the preposition of contact or facing: "up against the
# wall", "(with their) backs against the wall", "leaned against the fence" (the spatial sense of
# "against", no one's opposition)
CONTACT_BEFORE = frozenset({"up", "back", "backs", "lean", "leans", "leaned", "leaning", "pressed"})
# prepositions that open an adjunct (place, time, manner, means, the agent of a passive): a noun
# after one of them, between a stance predicate and the issue, is not what the predicate takes a
# side on ("were killed at an alarming rate", "was backed by the board", "fought in court")
ADJUNCT_PREPOSITIONS = frozenset(
    {"at", "in", "by", "with", "from", "during", "after", "before", "since", "through", "under", "across",
     "within", "amid", "via", "near", "among", "throughout", "inside", "beyond"}
)  # fmt: skip
# "to" before one of these is a preposition ("agreed to the terms"), before another word an
# infinitive's mark ("continue to face")
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "my",
     "your", "any", "all", "some", "no", "such", "s", "each", "every"}
)  # fmt: skip
# a stance word after one of these is a noun naming an act ("during attacks on the posts", "a wave
# of protest against it"), whose agent the clause need not name: no predicate of the speaker's
ACT_PREPOSITIONS = frozenset(
    {"of", "during", "after", "before", "since", "amid", "despite", "following", "from", "by", "with",
     "under", "over", "about", "through"}
)  # fmt: skip
# a denial before "without" makes a necessity of what follows it ("cannot be settled without")
DENIAL_BEFORE_WITHOUT = frozenset({"impossible", "unthinkable", "unimaginable", "unacceptable"})
# the words between a subject and its verb: auxiliaries, modals, negators and the commonest adverbs
VERB_GROUP = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "will", "would",
     "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "to", "also",
     "still", "already", "just", "now", "then", "again", "not", "n't", "never", "always", "ca", "wo",
     "cannot", "going", "got", "s", "re", "ve", "ll", "d"}
)  # fmt: skip
FINITE_MARKS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "does",
                          "do", "can", "could", "should", "must", "may", "might", "shall"})  # fmt: skip
# words that open a clause or a phrase: what stands before them is no subject of the verb after
FUNCTION_WORDS = DETERMINERS | frozenset(
    {"and", "or", "but", "that", "which", "who", "whom", "whose", "of", "for", "in", "on", "at", "by",
     "with", "from", "as", "into", "about", "after", "before", "during", "while", "when", "if",
     "because", "so", "than", "there", "here", "what", "how", "why", "where", "without", "against"}
)  # fmt: skip
SPEAKER_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they", "you", "one", "us"})
# a quantifier standing alone as a subject names some of a group, never the speaker ("some support
# it, others oppose it"); read so only at a clause's opening, where it is no determiner of a noun
QUANTIFIER_SUBJECTS = frozenset({"some", "others", "many", "few", "most", "several", "both"})
CLAUSE_OPENERS = frozenset(
    {"while", "and", "but", "though", "although", "whereas", "as", "because", "since", "if", "when",
     "that", "where", "yet", "so"}
)  # fmt: skip
COPULAS = frozenset({"is", "are", "was", "were", "be", "been"})
COORDINATORS = frozenset({"and", "or", "nor"})
PERSONS = frozenset({"i", "we", "he", "she", "they", "you"})  # subjects that can be told to act


def _conjunct_before(clause: list[str], lex: Lexicon) -> int:
    """The words of an earlier conjunct and its coordinator where the object is coordinated ("never
    accept any threat against the island's harbour walls or [its piers]"): a predicate governs
    each of its coordinated objects, so its reach is counted from the first one. 0 otherwise."""
    end = len(clause)
    while end and clause[end - 1] in DETERMINERS:
        end -= 1
    if not end or clause[end - 1] not in COORDINATORS:
        return 0
    start = end - 1
    while (
        start > 0
        and end - 1 - start < PREDICATE_WINDOW
        and not _side(clause[start - 1], lex)
        and (clause[start - 1] in DETERMINERS or clause[start - 1] not in FUNCTION_WORDS)
    ):
        start -= 1
    return len(clause) - start


def _infinitive_between(ws: list[str], found: int, lex: Lexicon) -> bool:
    """An infinitive ("to face") stands between the stance verb at ``found`` and the object."""
    return any(
        ws[k] == "to" and ws[k + 1] not in DETERMINERS and not _side(ws[k + 1], lex)
        for k in range(found + 1, len(ws) - 1)
    )


def _necessity(clause: list[str], head: int, lex: Lexicon) -> bool:
    """A "without" before the predicate follows a denial in its clause: "cannot ... without"."""
    without = next((k for k in range(head - 1, -1, -1) if clause[k] == "without"), None)
    return without is not None and any(
        w in lex.negators or w in DENIAL_BEFORE_WITHOUT or w == "cannot" for w in clause[:without]
    )


def _third_party_subject(clause: list[str], head: int, lex: Lexicon, own: Collection[str] = ()) -> bool:
    """The predicate at ``head`` has a noun phrase for subject: the word before its verb group is a
    content word, and either the verb is marked finite (an auxiliary, "-ed", "-s") or a
    determiner opens the phrase ("the laws favour"). "Provide practical support" is no subject."""
    if clause[head] in lex.oppose_preps and head >= 1:
        head -= 1  # "warned against": the verb before the preposition
    if head >= 2 and clause[head - 1] == "in" and not clause[head].endswith("ing"):
        head -= 2  # "voted in favour of", "spoke in support of": the verb before the phrase
    k = head - 1
    finite = clause[head].endswith(("ed", "s")) or clause[head] in FINITE_MARKS
    while k >= 0 and (clause[k] in VERB_GROUP or clause[k].endswith("ly") or _side(clause[k], lex)):
        finite = finite or clause[k] in FINITE_MARKS
        k -= 1
    group = clause[k + 1 : head]
    if any(a in COPULAS and b == "to" for a, b in pairwise(group)):
        return False  # "the goal is to end it": the infinitive is what the goal is, no one's act
    if (
        k >= 0
        and clause[k] in QUANTIFIER_SUBJECTS
        and (k == 0 or clause[k - 1] in CLAUSE_OPENERS)
        and clause[head + 1 : head + 2] not in (["for"], ["of"])  # "some support for it": a noun
    ):
        return True  # "while some support the deal", "but many oppose it": others' stances
    if k >= 1 and clause[k] == "who" and not _speakers_own(clause[k - 1], own):
        return True  # "the members who back the plan": the relative's antecedent is the subject
    if k < 0 or clause[k] in SPEAKER_PRONOUNS or clause[k] in FUNCTION_WORDS or clause[k] in own:
        return False
    return finite or any(w in DETERMINERS for w in clause[max(0, k - 2) : k])


def _speakers_own(word: str, own: Collection[str]) -> bool:
    """A word that stands for the speaker: a pronoun of the speech, "me", or a word of its names."""
    return word in SPEAKER_PRONOUNS or word == "me" or word in own


def _side(word: str, lex: Lexicon) -> int:
    if word in lex.oppose_preps or lookup(word, lex.oppose):
        return -1
    return 1 if lookup(word, lex.support) else 0


def condition_spans(text: str, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """Where the text's conditions stand: each from its marker ("if", "as long as") to the next
    clause break or the end ("If they stop shelling, ...", "... only if the bridge is repaired").
    Offsets into ``normal(text)``, which keeps the text's length."""
    lex = lexicon or load_lexicon()
    low = normal(text)
    spans = []
    for _, m in _phrases_in(low, lex.conditionals):
        stop = _CONDITION_ENDS.search(low, m.end())
        spans.append((m.start(), stop.start() if stop else len(low)))
    return sorted(spans)


def _phrases_in(low: str, phrases: Sequence[str]) -> Iterator[tuple[str, re.Match[str]]]:
    """Each phrase where it stands in ``low`` as whole words, phrase by phrase."""
    for p in phrases:
        for m in re.finditer(rf"(?<!\w){re.escape(p)}(?!\w)", low):
            yield p, m


_CONDITION_ENDS = re.compile(r"[,;:.!?\u2014()]|\s-\s")


def is_demand(text: str, lexicon: Lexicon | None = None) -> bool:
    """A demand word used as a directive: not the noun "demand" (economic or public demand, the
    commonest sense of the word in news), not a modal before a verb of saying ("we must state
    that", "I have to say": a speaker's formula; Palmer 2001, Mood and Modality, on performative
    and discourse uses of deontic modals), not "should" of expectation ("it should help")."""
    return bool(demand_spans(text, lexicon))


def demand_spans(text: str, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """Where the text's demand words used as directives stand (``is_demand``), in order."""
    lex = lexicon or load_lexicon()
    low = normal(text)
    return sorted(
        (m.start(), m.end())
        for p, m in _phrases_in(low, lex.demands)
        if not _not_a_directive(low, m.start(), m.end(), p, lex)
    )


def _not_a_directive(text: str, start: int, end: int, phrase: str, lex: Lexicon) -> bool:
    before = WORD.findall(text[max(0, start - 30) : start])  # "society's" -> society, s
    after = WORD.findall(text[end : end + 30])
    if (
        phrase in ("demand", "demands")
        and (
            "'" in text[max(0, start - 2) : start]  # "the workers' demand"
            or (before and before[-1] in lex.demand_noun_before)
            or after[:1] == ["for"]
        )
    ):
        return True
    # "should" of expectation, not of obligation: "the law should help owners", "it should allow
    # more flights" (the epistemic reading of "should", Palmer 2001); a person told ("we should
    # help them", "they should allow it") is directed
    if (
        phrase == "should"
        and after[:1]
        and any(f in lex.expectation_verbs for f in base_forms(after[0]))
        and not PERSONS & set(before[-1:])
    ):
        return True
    if phrase in NECESSITY_MODALS and _no_obligation(before, phrase, lex):
        return True
    if phrase in ("should", "must") and _past_or_inverted(after, phrase):
        return True
    # the formula is the speaker's own ("I must say", "we have to state") or impersonal ("it
    # should be noted"); "she should be saying that" is a reproach of another, kept
    if not {"i", "we", "it"} & set(before[-2:]):
        return False
    nxt = [w for w in after[:3] if w not in ("to", "also", "again", "be", "first", "just")]
    return bool(nxt) and any(f in lex.hedged_speech for f in base_forms(nxt[0]))


# the verbs of necessity among the demand modals: they say that something is needed, which obliges
# someone only when the necessity is asserted, now, of a real case
NECESSITY_MODALS = frozenset({"need to", "needs to", "have to", "has to"})
MODAL_ADVERBS = frozenset({"even", "really", "still", "yet", "also"})  # "do not even have to"
# after "should", a determiner opens the subject of an inverted condition ("should the talks fail")
INVERSION_OPENERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "my", "your", "our",
     "any"}
)  # fmt: skip


def _no_obligation(before: list[str], phrase: str, lex: Lexicon) -> bool:
    """A necessity that obliges no one (Palmer 2001 on the negation and tense of necessity): denied
    ("you don't need to be there", "we do not even have to ask": not necessary, unlike "must not"),
    a noun ("the need to act", "aware of the need to intervene": a need named, someone's), or
    hypothetical or foreseen ("they would have to move", "we are going to have to wait")."""
    k = len(before)
    while k > 0 and (before[k - 1].endswith("ly") or before[k - 1] in MODAL_ADVERBS):
        k -= 1  # "do not even have to", "don't necessarily need to"
    if k > 0 and before[k - 1] in lex.negators:
        return True
    if phrase.startswith("need") and before[-1:] and (before[-1] in DETERMINERS or before[-1] == "of"):
        return True
    return before[-1:] == ["would"] or before[-2:] == ["going", "to"]


def _past_or_inverted(after: list[str], phrase: str) -> bool:
    """A modal that directs no one: with a perfect, it speaks of the past ("the money should have
    been used", "it must have cost them": a reproach or an inference, nothing left to do); "should"
    before a determiner opens an inverted condition ("should the talks fail, ...")."""
    if after[:1] == ["have"] and len(after) > 1:
        done = after[1]
        if done == "been" or (done.endswith(("ed", "en", "wn", "ne", "ght")) and done not in DETERMINERS):
            return True
    return phrase == "should" and after[:1] != [] and after[0] in INVERSION_OPENERS
