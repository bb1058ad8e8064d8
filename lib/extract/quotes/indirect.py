"""Reported speech: the complement clause of a reporting verb, and "according to X, ...".

The content is the clausal complement (``ccomp``) of a verb of saying, the syntactic rule of the
Gender Gap Tracker's quote extractor (Asr et al. 2021) and of PARC's content spans (Pareti 2016):
the speaker and the cue are outside it. A statement is something a source says (GGT annotation
guidelines): verbs of thinking (PARC "cognition"), of showing, and acts done without speaking give
none. Clauses inside a quotation belong to that quotation.
PolNeAR (Newell, Margolin & Ruths 2018, LREC), which follows PARC, also counts contents that
are no "that"-clause: the to-infinitive or object of a speech act ("urged X to act", "called
for a ban"), the clause of a noun of saying ("X's claim that ..."), and both sides of a
parenthetical cue ("Though X, she said, Y"); the lexicon lists which verbs and nouns qualify.
"""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.extract.quotes.attribution import (
    ACCORDING_TO,
    ANY_THAT_CLAUSE,
    AS_CLOSERS,
    BELIEF,
    CUE_POS,
    INFERRED,
    SPEECH_CLAUSE,
    Found,
    FoundScope,
    as_phrase,
    cue_text,
)
from lib.extract.quotes.cues import CueLexicon
from lib.extract.quotes.marks import ASCII_OPEN, DOUBLE_OPEN, STRAIGHT
from lib.extract.quotes.speakers import (
    RELATIVES,
    SUBJECTS,
    Resolver,
    according_object,
    inside,
    inverted_speaker,
    speaker_head,
    speaker_tokens,
)
from lib.text.nlp import doc_text

MIN_TOKENS = 3

# objects that name no content ("said nothing", "cited which"): never a statement on their own
NOT_CONTENT = RELATIVES | {"nothing", "anything", "something", "little", "much", "more", "less", "so"}
FIRST_AND_SECOND_PERSON = frozenset({"i", "me", "we", "us", "you"})
PARENTHETICAL = frozenset({"parataxis"})  # "The plan, he said, is dead"
NOUN_CLAUSES = frozenset({"acl", "ccomp"})  # "his claim that ..."
CUE_MODIFIERS = frozenset({"dobj", "dative", "prt", "prep", "npadvmod", "advmod"})  # "told me on Friday"
TRAILING = ".,;: "
CONCESSIONS = frozenset({"though", "although", "because", "if", "unless"})
OBJECT_STOPS = frozenset({"conj", "cc", "punct", "advcl", "parataxis"})
AS = frozenset({"as"})
OPENING_MARKS = frozenset(DOUBLE_OPEN + STRAIGHT + ASCII_OPEN[0])  # spaCy splits `` into two tokens
CLOSING_MARKS = frozenset({"”", "»", '"', "''"})
REASONS = frozenset({"because", "since", "although", "though", "as", "while", "after", "before"})
SPEAKER_PHRASE_MAX = 15  # tokens of "North Korea's state-run news agency" or "X, a spokesman for Y"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NOUN_MODIFIERS = frozenset({"relcl", "acl", "amod"})
CONCESSIVE = frozenset({"although", "though", "while", "whereas"})
# acts that name something X as Y: "called the plan a disaster", 'dubbed it “the operator”'
NAMING = frozenset(
    "call calls called calling dub dubs dubbed dubbing label labels labelled labeled labelling "
    "labeling brand brands branded branding".split()
)
TIME_SUBORDINATORS = frozenset("after before while until once whenever".split())
COMPARING = frozenset("liken likens likened likening compare compares compared comparing".split())
SUBORDINATORS = frozenset(
    "when if because although though while after before since until unless as once whenever".split()
)
# what may follow a postposed cue: its hearer ("told reporters"), when, where or through what it
# was said ("said on Monday", "told Reuters in an interview", "said in a statement")
CIRCUMSTANCES = frozenset({"in", "on", "at", "during", "after", "before", "via", "through", "over", "from"})
STOPS_SPEAKER_PHRASE = frozenset({'"', "“", "”", ";", ":"})
NOMINAL = frozenset({"DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM"})  # a speaker phrase opens so
# "declined to say whether ...", "asked if ...", "would not say why ...": an embedded question
# reports what was asked or left unsaid, not what the source said (Huddleston & Pullum 2002,
# ch. 11 on interrogative content clauses; GGT guidelines: a quote is the speaker's words)
INTERROGATIVES = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who", "which"})


def _confidence(cue: Token, cues: CueLexicon) -> tuple[float, FoundScope] | None:
    """A verb of saying, or an act done by speaking, gives statements; a belief ("thinks that"), a
    finding ("the study shows that"), a plan, a wish or an action ("supported the bill") is no
    statement (GGT annotation guidelines: a quote is what a source says) but is an attribution
    under PolNeAR's wider definition (Newell et al. 2018, after PARC's cognition and act sources):
    those are found as "wide", with a lower confidence. A cue governed by "without" is an act
    not done ("left without saying why") or the idiom "it goes without saying": nobody speaks."""
    if cue.dep_ == "pcomp" and cue.head.lower_ == "without":
        return None
    if cue.lower_ in cues.speech:
        return SPEECH_CLAUSE, "statement"
    if cue.lower_ in cues.statement_acts:
        return INFERRED, "statement"
    if cue.lower_ in cues.acts:
        return INFERRED, "wide"
    if cue.lower_ in cues.belief or cue.lower_ in cues.evidence:
        return BELIEF, "wide"
    if _prep_objects(cue, cues, wide=True):
        return BELIEF, "wide"
    if cue.pos_ == "VERB" and any(c.dep_ == "ccomp" and _has_that(c) for c in cue.children):
        return (
            ANY_THAT_CLAUSE,
            "wide",
        )  # any verb with a "that"-clause: "made clear that", "has long maintained that"
    return None


def _without_lead_in(tokens: list[Token]) -> list[Token]:
    """The complementizer stays: the GGT guidelines include "that" in an indirect quote (section
    1), and PolNeAR's contents start there too (Newell et al. 2018). A short prepositional
    lead-in between it and the clause's subject ("that for his part the letter ...", "that in
    this way ...") is the reporter's framing: it goes, and "that" with it, the span being one
    piece."""
    if len(tokens) < 2 or tokens[0].lower_ != "that" or tokens[0].dep_ != "mark":
        return tokens
    lead = tokens[1]
    head = lead.head
    subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if subject is None or lead.dep_ != "prep" or lead.right_edge.i >= subject.left_edge.i:
        return tokens
    rest = [t for t in tokens if t.i > lead.right_edge.i]
    return rest if len(rest) >= MIN_TOKENS and lead.right_edge.i - lead.i < 4 else tokens


def _char_span(tokens: list[Token]) -> tuple[int, int]:
    tokens = _without_lead_in(tokens)
    first, last = tokens[0], tokens[-1]
    text = first.doc[first.i : last.i + 1].text  # not doc.text, which joins every token again
    end = len(text)
    while end > 0 and text[end - 1] in TRAILING:
        end -= 1
    return first.idx, first.idx + end


def _contents(cue: Token, cues: CueLexicon, wide: bool = False) -> list[tuple[list[Token], FoundScope]]:
    """The complement clauses of ``cue``, each cut to the cue's paragraph, with their scope. With
    ``wide``, PolNeAR's contents: the to-infinitive of any act, and both sides of an interrupting
    cue as one content; else GGT's, where the two sides are two statements and their whole is
    kept beside them as a "join"."""
    complements = [c for c in cue.children if c.dep_ == "ccomp"] + _told_hearer(cue, cues)
    heads = sorted(complements, key=lambda c: c.i) or _said_in(cue) or _act_heads(cue, cues, wide)
    spans = _merged([_extent(h, cue, cues) for h in heads], cue)
    clauses = [(_same_paragraph(list(cue.doc[a : b + 1]), cue), h) for a, b, h in spans]
    # a clause whose verb is cut off by a line break was a heading glued to the sentence
    scope: FoundScope = "wide" if wide else "statement"
    kept = [(c, scope) for c, h in clauses if h in c]
    if not wide:
        kept = [k for c, s in kept for k in _naming_parts(c, s, cue)]
    around: list[Token] | None = None
    if cue.lower_ == "according" or (not heads and cue.dep_ in PARENTHETICAL):
        # "Y, according to X." / "According to X, Y.": the whole of Y, whatever the parser hung
        # the phrase on (one conjunct of Y, a noun of it)
        edge = _sentence_rest(cue, cues) if cue.lower_ == "according" else None
        around = edge or _around_content(cue, climb=wide)
        kept = []
    elif heads and _between_commas(cue) and all(h.i < cue.i for h in heads):
        # "Though X, he said, Y" parsed with X as the complement: both sides are contents
        around = _both_sides(cue, spans[0][0] if spans else cue.i)
    if around:
        whole = _same_paragraph(around, cue)
        sides = [whole] if wide else _either_side(whole, cue)
        kept = [(side, scope) for side in sides]
        if len(sides) == 2:
            kept.append((_strip_punct(whole), "join"))
    if not kept and not heads and cue.lower_ in cues.speech:
        kept = [(c, scope) for c in _displaced(cue)]
    if not kept and cue.lower_ in cues.speech:
        kept = [(c, scope) for c in _next_paragraph(cue)]
    return [(_to_paragraph_end(c) if _after_colon(c, cue) else c, k) for c, k in kept]


ADJUNCT_MAX = 12  # tokens of "late on a Sunday evening", "a summit of the coastal states' ministers"
PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i"})


def _displaced(cue: Token) -> list[list[Token]]:
    """ "posted late on Sunday evening that Y", "said after the summit she would Y": a
    content clause after a phrase of time or place that the parser hung on that phrase (as an
    adverbial or relative clause) instead of on the verb of saying. Only where the verb has no
    complement of its own, and only after a prepositional phrase: the first complementizer
    "that" with a subject after it, or a personal subject with a finite verb, opens the content,
    which runs to the sentence's end (to the clause's comma when the cue is itself in a
    subordinate clause, "When X said on Monday she would Y, ..."). (After a hearer, "told a
    meeting of leaders that Y", as many relative clauses came as contents on the dev part never
    read: not taken.)"""
    doc, end = cue.doc, cue.sent.end
    first = doc[cue.i + 1] if cue.i + 1 < end else None
    if first is None or first.pos_ != "ADP" or first.dep_ != "prep":
        return []  # "add up to": a particle, not a phrase of time or place
    for i in range(cue.i + 1, min(end, cue.i + ADJUNCT_MAX + 1)):
        t = doc[i]
        if t.pos_ in CUE_POS or t.is_punct or "\n" in t.text or t.lower_ in ("so", "such", "same"):
            return []
        after = doc[i + 1] if i + 1 < end else None
        # a complementizer, not a relative pronoun with a role in its clause ("the mayors that
        # she trusted": "that" is the object there)
        that = (
            t.lower_ == "that"
            and t.dep_ in ("mark", "advmod")
            and after is not None
            and after.pos_ in NOMINAL
        )
        bare = t.lower_ in PERSONAL_SUBJECTS and after is not None and after.tag_ in FINITE_TAGS
        if (that or bare) and i > cue.i + 1:
            stop = end
            if any(c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS for c in cue.children):
                stop = next((j for j in range(i, end) if doc[j].text == ","), end)
            content = _strip_punct(_same_paragraph(list(doc[i:stop]), cue))
            return [content] if len(content) >= MIN_TOKENS else []
    return []


def _told_hearer(cue: Token, cues: CueLexicon) -> list[Token]:
    """ "told detectives he attached the plates": a clause right after the hearer that the
    parser took for a relative clause of the hearer. A relative clause has a relative word or
    a gap; one with no relative word, its own subject and its own object is the content clause
    with its "that" left out."""
    if cue.lower_ not in cues.hearer_object:
        return []
    out = [head] if (head := _inverted_content(cue)) is not None else []
    for hearer in (c for c in cue.rights if c.dep_ in ("dobj", "dative")):
        for clause in (c for c in hearer.rights if c.dep_ == "relcl" and c.left_edge.i == hearer.i + 1):
            parts = {c.dep_ for c in clause.children}
            relative = any(t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.lower_ == "that" for t in clause.lefts)
            if not relative and parts & SUBJECTS and parts & {"dobj", "ccomp", "xcomp", "attr", "acomp"}:
                out.append(clause)
    return out


def _inverted_content(cue: Token) -> Token | None:
    """ "When Ana first told Tomas she missed him, he looked away": the parser made the reported
    clause the head of the verb of saying (which it took for an adverbial clause of it). A head
    whose subject opens right after the hearer, with no complementizer between, is the content."""
    head = cue.head
    hearer = next((c for c in cue.rights if c.dep_ in ("dobj", "dative")), None)
    if cue.dep_ != "advcl" or hearer is None or head.i <= cue.i or head.pos_ not in CUE_POS:
        return None
    subject = next((c for c in head.lefts if c.dep_ in SUBJECTS), None)
    return head if subject is not None and subject.left_edge.i == hearer.right_edge.i + 1 else None


def _said_in(cue: Token) -> list[Token]:
    """ "X said in a statement that Y": the parser hangs the that-clause on the noun of where it
    was said (a noun complement, "a statement that Y"); it is the verb's content all the same."""
    out = []
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            out += [c for c in noun.children if c.dep_ in ("acl", "ccomp") and _has_that(c)]
    return out


def _next_paragraph(cue: Token) -> list[list[Token]]:
    """ "Varga added:" closing a paragraph: the next paragraph is what he added."""
    doc, i = cue.doc, cue.i
    if i + 3 >= len(doc) or doc[i + 1].text != ":" or "\n" not in doc[i + 2].text:
        return []
    return [_to_paragraph_end([doc[i + 3]])]


def _after_colon(content: list[Token], cue: Token) -> bool:
    """ "He added: ...": a cue that ends in a colon introduces all of the paragraph after it."""
    return (
        bool(content) and content[0].i > cue.i and any(t.text == ":" for t in cue.doc[cue.i : content[0].i])
    )


def _to_paragraph_end(content: list[Token]) -> list[Token]:
    doc, end = content[0].doc, content[-1].i
    while end + 1 < len(doc) and "\n" not in doc[end + 1].text:
        end += 1
    return list(doc[content[0].i : end + 1])


def _extent(head: Token, cue: Token, cues: CueLexicon) -> tuple[int, int, Token]:
    """The head's subtree, with a reason the speaker gives after it ("said X, because Y") or a
    concession before ("Though X, she said, Y"): PolNeAR's content spans take in such adverbial
    clauses (Newell et al. 2018)."""
    left, right = head.left_edge.i, head.right_edge.i
    if head.i == cue.head.i and head.i > cue.i:
        # the content the parser made the cue's head (``_inverted_content``): from after the
        # cue's own clause to the comma that ends the content
        left = cue.right_edge.i + 1
        right = next((t.i - 1 for t in cue.doc[head.i : right + 1] if t.text == ","), right)
    if head.i > cue.i and left < cue.i and _framing_before(cue, left):
        # "In revisiting her work, Okafor says it helps": a phrase opening the sentence that the
        # parser hung on the reported clause is the reporter's framing, on the far side of the
        # speaker; the content starts after the cue (a concession is taken back in below)
        left = min(t.i for t in head.subtree if t.i > cue.i)
    if head.i > cue.i and cue.i + 1 < len(cue.doc) and cue.nbor(1).text == ",":
        # "Though X, she said, Y": a concession before a parenthetical speaker is hers
        for adv in (c for c in cue.lefts if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in CONCESSIONS for m in adv.lefts):
                left = min(left, adv.left_edge.i)
    if head.dep_ in ("dobj", "pobj") and head.lower_ not in NOT_CONTENT:
        # "called the charges baseless"; the object of a verb of saying runs on through the
        # cue's later modifiers ("cited remarks as examples of Y", "issued a statement in
        # support of Y"), the object of another act is the noun phrase itself ("attacked
        # the council", "supported the bill"): PolNeAR extents (Newell et al. 2018)
        if cue.lower_ in cues.speech:
            tails = [c for c in cue.rights if c.i > head.i and c.dep_ not in OBJECT_STOPS]
        else:
            # "likened the rules to a fire": what a comparison likens something to is its point
            tails = [
                c
                for c in cue.rights
                if c.i > head.i
                and (c.dep_ == "oprd" or c.lower_ == "as" or (c.lower_ == "to" and cue.lower_ in COMPARING))
            ]
        right = max([right] + [c.right_edge.i for c in tails])
        closing = _quotation_after(head)
        if closing is not None:
            right = max(right, closing)
    if head.i > cue.i:
        for adv in (c for c in cue.rights if c.dep_ == "advcl" and c.i > right):
            if any(m.dep_ == "mark" and m.lower_ in REASONS for m in adv.lefts):
                right = adv.right_edge.i
        if head.dep_ == "ccomp":
            for verb in (c for c in cue.rights if c.dep_ == "conj" and c.i > right):
                if verb.lower_ not in cues.speech | cues.statement_acts and _continues_content(verb, cue):
                    right = verb.right_edge.i
    return left, right, head


def _framing_before(cue: Token, left: int) -> bool:
    """A phrase from ``left`` closed by a comma right before the cue's subject ("In revisiting
    her work, Okafor says"); not a relative word the clause opens with ("which he said were")."""
    subject = speaker_head(cue)
    if subject is None or subject.i > cue.i or subject.left_edge.i <= left:
        return False
    return cue.doc[subject.left_edge.i - 1].text == "," and cue.doc[left].tag_ not in ("WDT", "WP", "WP$")


def _naming_parts(
    content: list[Token], scope: FoundScope, cue: Token
) -> list[tuple[list[Token], FoundScope]]:
    """A naming act's content as GGT marks it, the predicate ("“bold”" of "called the conclusion
    “bold”"), with the whole "the conclusion “bold”" beside it as a "join" for PolNeAR's wider
    spans (its annotators mark either)."""
    head = next((t for t in content if t.dep_ == "dobj" and t.head.i == cue.i), None)
    named = _named_from(head, cue, content[-1].i) if head is not None else None
    if named is None or not content[0].i < named.i <= content[-1].i:
        return [(content, scope)]
    return [([t for t in content if t.i >= named.i], scope), (content, "join")]


def _named_from(head: Token, cue: Token, right: int) -> Token | None:
    """ "called the plan the clearest answer": what the act names something is the content, not
    the thing named (the GGT annotation marks the predicate only); PolNeAR's spans vary, and
    overlap the predicate either way. The predicate's first token, else None. A quoted
    predicate ('called the ruling “a step back”') stays with its object: the quotation inside
    is kept as the speaker's words beside it (``_quoted_within`` in extract.py)."""
    if head.dep_ != "dobj" or head.i < cue.i or cue.lower_ not in NAMING:
        return None  # "what they call Y": the thing named is elsewhere
    predicate = next((c for c in cue.children if c.dep_ == "oprd" and c.i > head.i), None)
    if (
        predicate is None
        or any(t.text in OPENING_MARKS for t in predicate.subtree)
        or predicate.left_edge.i > right
    ):
        return None
    return predicate.left_edge


def _names(content: list[Token], cue: Token) -> bool:
    """The content is what a naming act calls something ("a master"): short is whole."""
    return cue.lower_ in NAMING and any(t.dep_ == "oprd" and t.head.i == cue.i for t in content)


def _continues_content(verb: Token, cue: Token) -> bool:
    """ "said the union plans to X, and will then Y": a verb phrase the parser coordinated with
    the cue that has no subject of its own and cannot be the reporter's narration: the
    narration goes on in the cue's tense ("said X and left"), this one does not (a modal, or
    another tense), so it continues the reported clause (the converse of ``_reporters_verb``)."""
    if any(c.dep_ in SUBJECTS for c in verb.children) or verb.pos_ not in CUE_POS:
        return False
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return modal or (verb.tag_ in FINITE_TAGS and verb.tag_ != cue.tag_)


def _quotation_after(token: Token) -> int | None:
    """The index of the closing mark of a quotation that opens right after ``token`` or after its
    phrase ('called the sanctions “illegal and counterproductive”', where the parser may hang the
    quoted words on the noun), else None."""
    doc = token.doc
    after = (token.i + 1, token.right_edge.i + 1)
    i = next((i for i in after if i < len(doc) and doc[i].text in OPENING_MARKS), None)
    if i is None:
        return None
    return next((j for j in range(i + 1, token.sent.end) if doc[j].text in CLOSING_MARKS), None)


def _merged(spans: list[tuple[int, int, Token]], cue: Token) -> list[tuple[int, int, Token]]:
    """Coordinated complements on one side of the cue ("said A; B", "said A and that B") are one
    content, as PolNeAR annotates them."""
    out: list[tuple[int, int, Token]] = []
    for a, b, h in sorted(spans, key=lambda s: s[0]):
        if out and (out[-1][0] > cue.i) == (a > cue.i):
            out[-1] = (out[-1][0], max(b, out[-1][1]), out[-1][2])
        else:
            out.append((a, b, h))
    return out


def _act_heads(cue: Token, cues: CueLexicon, wide: bool = False) -> list[Token]:
    """Contents that are no clause (PARC 3.0, Pareti 2016): the to-infinitive or the object of a
    directive ("urged Congress to act", "called for a ban"). The to-infinitive of a promise or a
    threat ("vowed to veto it", "agreed to sell") names the speaker's own next act, not words
    said: the GGT guidelines' quotative verbs are directives (urged, warned), and so are the
    non-clausal contents they annotate. With ``wide`` (PolNeAR's definition) every act's
    to-infinitive or object is a content, the promise's too (Newell et al. 2018)."""
    if cue.lower_ not in cues.acts:
        return _prep_objects(cue, cues, wide)
    if cue.lower_ not in cues.directives and not wide:
        return _gerund_clause(cue, cues) or _named_as(cue)
    passive = _passive_content(cue) if wide else None  # an act done, no words said (GGT)
    if passive is not None:
        return [passive]
    # "proposed to cut taxes" and "proposed cutting taxes": a to-infinitive or a gerund
    infinitives = [
        c
        for c in cue.children
        if c.dep_ == "xcomp" and (c.tag_ == "VBG" or any(a.lower_ == "to" for a in c.lefts))
    ]
    if infinitives:
        return infinitives
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.lower_ not in RELATIVES]
    if cue.lower_ in cues.hearer_object:
        # "called the plan unfair" / 'called the sanctions “illegal”' (the marks spoil the parse)
        objects = [
            o
            for o in objects
            if any(c.dep_ == "oprd" and c.i > o.i for c in cue.children) or _quotation_after(o) is not None
        ]
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
        if objects or cue.lower_ in cues.directives:  # "accused X of lying", "called for a ban"
            objects += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return objects or _prep_objects(cue, cues, wide)


def _passive_content(cue: Token) -> Token | None:
    """ "The levy was endorsed by the union", "the plan is supported by most members": an act in
    the passive with its agent named is the agent's act on the subject, the content PARC and
    PolNeAR annotate there (Pareti 2016: the source of a passive cue is its "by" phrase). Only
    when the verb says nothing more of its subject ("was called a liar by X", "was asked by X to
    act" carry their own content), and not for a pronoun, which only points at the thing acted on
    (as ``_points_back``)."""
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    if subject is None or agent is None or subject.i > cue.i or _points_back(subject):
        return None  # "It was backed by X": a pronoun only points at the content
    if not any(c.dep_ == "pobj" for c in agent.children):
        return None
    if any(c.dep_ in ("xcomp", "oprd", "ccomp", "dobj") for c in cue.children):
        return None
    return subject


def _gerund_clause(cue: Token, cues: CueLexicon) -> list[Token]:
    """ "said having the captain back was a boost", "admitted taking the money": a gerund after a
    verb of saying is what was said, a clause whose subject is the gerund (the parser hangs the
    gerund on the verb); PARC's content spans (Pareti 2016). Not "said, smiling": a participle
    set off by a comma is the reporter's description of the manner."""
    if cue.lower_ not in cues.speech:
        return []
    return [
        c
        for c in cue.rights
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == cue.i + 1 and c.lower_ not in cues.speech
    ]


def _named_as(cue: Token) -> list[Token]:
    """The content of a speech act that is no directive, when it is no clause: what the act says
    something is ("called the plan unfair", 'called the sanctions “illegal”', "cited the rents as
    proof of neglect") or what it accuses or credits someone of ("accused the board of lying").
    A bare object ("praised the support", "announced a policy") reports an act, not words: the
    GGT guidelines count the directive "urged the passing of emergency legislation", not these."""
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.lower_ not in RELATIVES]
    named = [
        o
        for o in objects
        if any(c.i > o.i and (c.dep_ == "oprd" or c.lower_ == "as") for c in [*cue.children, *o.children])
        or _quotation_after(o) is not None
    ]
    if objects:  # "accused the board of lying", "praised the crew for its calm"; not "writes for X"
        for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
            named += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return named


def _prep_objects(cue: Token, cues: CueLexicon, wide: bool = False) -> list[Token]:
    """ "spoke of the need", "warned against cuts": the object of the verb's preposition, when the
    verb is an act of speaking ("pointed to the road" is a gesture, GGT guidelines; with ``wide``,
    PolNeAR's definition, a gesture's object is an attribution too)."""
    preps = cues.prep_acts.get(cue.lower_)
    if not preps or (cue.lower_ not in cues.statement_acts and not wide):
        return []
    return [
        o
        for p in cue.children
        if p.dep_ == "prep" and p.lower_ in preps
        for o in p.children
        if o.dep_ in ("pobj", "pcomp") and not _points_back(o)
    ]


POINTERS = frozenset({"this", "that", "these", "those"})


def _points_back(obj: Token) -> bool:
    """ "commented on it", "spoke about this issue": an object that only points at what was said
    elsewhere (a pronoun, or a demonstrative before its bare noun) gives no content of its own."""
    words = [t for t in obj.subtree if not t.is_punct]
    return obj.pos_ == "PRON" or (len(words) == 2 and words[0].lower_ in POINTERS)


def _same_paragraph(tokens: list[Token], cue: Token) -> list[Token]:
    """Tokens on the cue's side of any line break (a heading is not part of the next sentence),
    also of one between them and the cue (a clause the parser hangs on a cue of the paragraph before)."""
    if not tokens:
        return tokens
    low, high = min(tokens[0].i, cue.i), max(tokens[-1].i, cue.i)
    breaks = [t.i for t in cue.doc[low : high + 1] if "\n" in t.text]
    before = [b for b in breaks if b < cue.i]
    after = [b for b in breaks if b > cue.i]
    low = max(before) + 1 if before else tokens[0].i
    high = min(after) if after else tokens[-1].i + 1
    return [t for t in tokens if low <= t.i < high]


def _around_content(cue: Token, climb: bool = False) -> list[Token] | None:
    """The clause around a parenthetical cue ("X, he said, Y"; "according to X, Y"): the
    sentence part the cue and its head span, without the cue's own phrase (PolNeAR takes both
    sides of a parenthetical cue as one content, Newell et al. 2018). With ``climb``, a cue the
    parser hung on the clause's subject ("The difference now, she told me, is that Y") reads
    the clause that subject is in: PolNeAR's whole; the GGT pieces it would give were left out
    (on the dev part read, their "he" went to the wrong person as often as not)."""
    head, doc = cue.head, cue.doc
    while climb and head.pos_ not in CUE_POS and head.dep_ in SUBJECTS and head.head.i != head.i:
        head = head.head
    if head.i == cue.i or head.pos_ not in CUE_POS:
        return None
    low, high = _cue_phrase(cue)
    outer_low = min(head.left_edge.i, cue.left_edge.i)
    outer_high = max(head.right_edge.i, cue.right_edge.i)
    left = _strip_punct(list(doc[outer_low:low]))
    right = _strip_punct(list(doc[high + 1 : outer_high + 1]))
    if left and right and len(left) + len(right) >= MIN_TOKENS:
        return list(doc[left[0].i : right[-1].i + 1])
    return (right if len(right) > len(left) else left) or None


def _either_side(content: list[Token], cue: Token) -> list[list[Token]]:
    """ "X, he said, Y" is two quotations, X and Y: the GGT annotation guidelines (section 1) do
    not join two pieces when "any word external to the speech appears in between" them. PolNeAR
    joins them (one discontinuous content); we follow GGT."""
    low, high = _cue_phrase(cue)
    if not content or not content[0].i < low <= high < content[-1].i:
        return [content]
    doc = cue.doc
    sides = [
        _strip_punct(list(doc[content[0].i : low])),
        _strip_punct(list(doc[high + 1 : content[-1].i + 1])),
    ]
    return [side for side in sides if side]


def _sentence_rest(cue: Token, cues: CueLexicon) -> list[Token] | None:
    """ "Y, according to X." / "According to X, Y.": the rest of the sentence, whatever the parser
    made of it (a misparse can hang "according" on a noun); "according to" is PARC's
    source-introducing phrase (Pareti 2016). A sentence the parser ended on a title's full stop
    ("... a report by Cpl. | Ana Ruiz noted Y") runs on into the next."""
    doc, sent, high = cue.doc, cue.sent, cue.right_edge.i
    while sent.end < len(doc) and _ends_on_title(doc, sent.end, cues):
        sent = doc[sent.start : doc[sent.end].sent.end]
    # the sentence as the paragraph has it: a line of page furniture above can be glued to it
    low = max([sent.start] + [t.i + 1 for t in doc[sent.start : cue.i] if "\n" in t.text])
    commas = [t.i for t in doc[cue.i + 1 : high + 1] if t.text == ","]
    if commas and high + 1 < sent.end and doc[high + 1].text != "," and _lacks_subject(doc[high + 1]):
        high = commas[-1] - 1  # the phrase swallowed Y's subject ("according to X, the rate is")
    if high + 1 < sent.end and doc[high + 1].text == "," and _a_role(cue):
        high = _apposition_end(doc, high + 1, sent.end)
    before = _strip_punct(list(doc[low : cue.i]))
    after = _strip_punct(list(doc[high + 1 : sent.end]))
    if not after and before and cue.nbor(-1).text == ",":
        return before
    if not before and after and doc[high + 1].text == ",":
        return after
    return None


def _a_role(cue: Token) -> bool:
    """ "according to" a singular common noun ("the head of the delegation", "a spokeswoman"): a
    source that a name set off after it may re-describe."""
    source = according_object(cue)
    return source is not None and source.tag_ == "NN"


def _apposition_end(doc: SpacyDoc, comma: int, end: int) -> int:
    """Where the source phrase ends when a comma follows it: after the apposition that names its
    source, if one does ("According to the head of the delegation, <Title> Ana Lopes, the talks
    went well": a verbless stretch ending on a name of two words or more, then a comma and no
    relative word or figure, which would make the name the content's subject: "..., Ana Lopes,
    who ...", "..., Ana Lopes, 45, ..."), else before ``comma``. The content opens after it: the
    source's name is not what the source said."""
    close = next((t.i for t in doc[comma + 1 : end] if t.text == ","), None)
    if close is None or close - comma > APPOSITION_MAX or close + 1 >= end:
        return comma - 1
    stretch, after = doc[comma + 1 : close], doc[close + 1]
    named = len(stretch) >= 2 and stretch[-1].pos_ == stretch[-2].pos_ == "PROPN"
    if not named or any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("and", "or") for t in stretch):
        return comma - 1
    if after.tag_ in ("WDT", "WP", "WP$", "WRB") or after.like_num:
        return comma - 1
    return close - 1


APPOSITION_MAX = 20  # tokens of a title and a name set off after the source


def _ends_on_title(doc: SpacyDoc, end: int, cues: CueLexicon) -> bool:
    """The tokens before ``end`` close on a title's abbreviation ("Cpl." or "Cpl" "."), whose full
    stop ends no sentence."""
    word = doc[end - 1].lower_.rstrip(".")
    if not word and end >= 2:
        word = doc[end - 2].lower_
    return word in cues.title_abbreviations


def _lacks_subject(token: Token) -> bool:
    """A verb whose subject is not among its children: the parser put it elsewhere."""
    verb = token if token.pos_ in CUE_POS else token.head
    return verb.pos_ in CUE_POS and not any(c.dep_ in SUBJECTS for c in verb.children)


def _between_commas(cue: Token) -> bool:
    """ "..., he said, ...": a parenthetical cue phrase set off by commas on both sides."""
    low, high = _cue_phrase(cue)
    doc = cue.doc
    return low > 0 and high + 2 < len(doc) and doc[low - 1].text == "," and doc[high + 1].text == ","


def _both_sides(cue: Token, left: int) -> list[Token] | None:
    """The complement before a parenthetical cue and the rest of its sentence after it."""
    high = _cue_phrase(cue)[1]
    right = _strip_punct(list(cue.doc[high + 1 : cue.sent.end]))
    if not right or any("\n" in t.text for t in right) or right[0].tag_ == "VBG" or right[0].lower_ == "as":
        return None  # "..., she said, referring to Y" / "as they left": the reporter's framing
    return list(cue.doc[left : right[-1].i + 1])


def _cue_phrase(cue: Token) -> tuple[int, int]:
    """Token range of the cue with its speaker and its own modifiers ("he told reporters on Monday")."""
    if cue.lower_ == "according":
        return cue.i, cue.right_edge.i
    parts = [c for c in cue.children if c.dep_ in SUBJECTS or (c.i > cue.i and c.dep_ in CUE_MODIFIERS)]
    low = min([cue.i] + [c.left_edge.i for c in parts])
    high = max([cue.i] + [c.right_edge.i for c in parts])
    return low, high


def _strip_punct(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def extract_indirect(
    sdoc: SpacyDoc, quoted: list[tuple[int, int]], resolver: Resolver, cues: CueLexicon
) -> list[Found]:
    tokens = list(sdoc)  # each finder's first test, done here, spares a call per token
    lowers = [t.lower_ for t in tokens]  # read once for the four passes below
    # _indirect_at's own first test: a verb or an auxiliary, or "according (to)"
    verbs = [t for t, low in zip(tokens, lowers, strict=True) if low == "according" or t.pos_ in CUE_POS]
    pairs = [(cue, f) for cue in verbs for f in _indirect_at(cue, quoted, resolver, cues)]
    # another cue inside what a verb of saying reports is part of that report; a statement is
    # dropped only inside a statement, so the wide records leave the statements as they are
    speech = [(f.start, f.end, f.scope == "statement") for cue, f in pairs if cue.lower_ in cues.speech]
    outer = [(a, b) for a, b, stated in speech if stated]
    outer_all = [(a, b) for a, b, _ in speech]
    found = [
        f
        for cue, f in pairs
        if cue.lower_ in cues.speech or not inside(cue.idx, outer if f.scope == "statement" else outer_all)
    ]
    for finder, words in ((_as_clause_at, AS), (_inverted_at, cues.speech), (_noun_at, cues.nouns)):
        found += [
            f
            for cue, low in zip(tokens, lowers, strict=True)
            if low in words
            for f in finder(cue, quoted, resolver, cues)
        ]
    # the attribution after its content, where the parse gave that content to no cue
    covered = [(f.start, f.end) for f in found]
    for cue in (t for t, low in zip(tokens, lowers, strict=True) if low in cues.speech):
        postposed = _postposed_at(cue, quoted, resolver, cues)
        found += [f for f in postposed if not any(a < f.end and f.start < b for a, b in covered)]
    return found


def _postposed_at(
    cue: Token, quoted: list[tuple[int, int]], resolver: Resolver, cues: CueLexicon
) -> list[Found]:
    """ "Y, X said." / "Y, X told reporters on Monday.": the attribution after its content, the
    commonest shape of news attribution (the GGT extractor's quote-speaker-cue pattern, Asr et
    al. 2021; PARC's content before its source and cue, Pareti 2016). Read by its surface, since
    the parser often takes Y's verb for the sentence's root and hangs the cue on it (as a
    conjunct, an adverbial clause, a parataxis) or takes Y's subject for a second subject of the
    cue: the speaker is the noun phrase between the last comma and the cue (with no finite verb
    in it), the content the sentence before that comma; the cue closes its sentence or only its
    own modifiers follow (a hearer, a time, "in a statement")."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.dep_ in NOUN_MODIFIERS or inside(cue.idx, quoted):
        return []  # "an experience X described in a book": the verb modifies a noun
    doc, sent = cue.doc, cue.sent
    comma: int | None
    if cue.i > sent.start and doc[cue.i - 1].text == ",":
        comma, head = cue.i - 1, _inverted_head(cue)
    else:
        comma = _speaker_comma(cue) if _closes_attribution(cue, cues) else None
        head = _phrase_head(list(doc[comma + 1 : cue.i]), cue) if comma is not None else None
    if comma is None or head is None or head.lower_ in FIRST_AND_SECOND_PERSON:
        return []
    content = _strip_punct(_same_paragraph(list(doc[sent.start : comma]), cue))
    if len(content) < MIN_TOKENS or not _main_clause(content):
        return []
    start, end = _char_span(content)
    if any(s < end and start < e for s, e in quoted):
        return []  # '“...,” X said': a direct quotation, attributed as such
    name = resolver.resolve(speaker_tokens(head))
    return [Found(start, end, "indirect", cue.text, name, INFERRED)]


def _closes_attribution(cue: Token, cues: CueLexicon) -> bool:
    """After the cue, only whom, when or where it was said, to the sentence's end. (Read on to a
    comma, "Y, officials said, as Z", found as many false statements as true ones: a
    parenthetical cue is left to the parse.)"""
    for t in cue.doc[cue.i + 1 : cue.sent.end]:
        if t.text in (",", ".", "!") or t.is_space:
            return t.text in (".", "!")
        if not _circumstance(t, cue, cues):
            return False
    return False


def _inverted_head(cue: Token) -> Token | None:
    """ "Y, said X, a spokesman for Z.": the name right after the cue, with nothing after it
    but its apposition."""
    rest = [t for t in cue.doc[cue.i + 1 : cue.sent.end] if not t.is_space]
    if not rest or rest[-1].text not in (".", "!") or any(t.tag_ in FINITE_TAGS for t in rest):
        return None
    subject = next((c for c in cue.rights if c.dep_ in SUBJECTS), None)
    first = rest[0] if rest[0].pos_ != "DET" else (rest[1] if len(rest) > 1 else rest[0])
    if subject is not None and subject.left_edge.i <= first.i:
        return subject
    return first if first.pos_ == "PROPN" else None


def _circumstance(t: Token, cue: Token, cues: CueLexicon) -> bool:
    """A token after a postposed cue that only tells whom, when or where: "said enough" or "add
    to the misery" have a content or a sense of their own after the verb."""
    if t.tag_ in FINITE_TAGS:
        return False
    if t.head.i == cue.i:
        if t.dep_ in ("dobj", "dative"):
            return cue.lower_ in cues.hearer_object
        if t.dep_ == "prep":
            return t.lower_ in CIRCUMSTANCES
        return t.dep_ in ("npadvmod", "advmod") and t.lower_ not in NOT_CONTENT | {"enough", "no", "yes"}
    return True  # inside one of the phrases above


def _main_clause(content: list[Token]) -> bool:
    """The content has a verb and is more than one subordinate clause ("when Congress cut
    funding" alone is a time, not a statement; "Although X, Y" is one)."""
    words = [t for t in content if not (t.dep_ == "cc" and t.i == content[0].i)]
    if not any(t.tag_ in FINITE_TAGS | {"VBN"} for t in words):
        return False
    opens_subordinate = bool(words) and words[0].lower_ in SUBORDINATORS
    return not opens_subordinate or any(t.text == "," for t in words)


def _speaker_comma(cue: Token) -> int | None:
    """The index of the comma that opens the speaker's phrase before ``cue``: the farthest one
    back with only a noun phrase after it (a name, "X, a spokesman for Y,") and no verb, quotation
    mark or line break between it and the cue."""
    doc, sent = cue.doc, cue.sent
    best = None
    for i in range(cue.i - 1, max(sent.start, cue.i - SPEAKER_PHRASE_MAX - 1), -1):
        t = doc[i]
        if t.tag_ in FINITE_TAGS or t.tag_ == "VBG" or "\n" in t.text or t.text in STOPS_SPEAKER_PHRASE:
            break
        if t.text == ",":
            if i + 1 >= cue.i or doc[i + 1].pos_ not in NOMINAL:
                break
            best = i
    return best


def _phrase_head(phrase: list[Token], cue: Token) -> Token | None:
    """The speaker in the phrase before the cue: the cue's subject when it lies there, else the
    last name or noun before the phrase's first comma ("X, a spokesman for Y")."""
    ids = {t.i for t in phrase}
    subject = next((c for c in cue.children if c.dep_ in SUBJECTS and c.i in ids), None)
    if subject is not None:
        return subject
    first = []
    for t in phrase:
        if t.text == ",":
            break
        first.append(t)
    nouns = [t for t in first if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return nouns[-1] if nouns else None


def _as_clause_at(
    mark: Token, quoted: list[tuple[int, int]], resolver: Resolver, cues: CueLexicon
) -> list[Found]:
    """ "Y, as X said, Z" / "As X put it, Y": the clause the as-phrase modifies is X's statement
    (PARC 3.0, Pareti 2016; PolNeAR, Newell et al. 2018, takes both sides of a parenthetical
    cue as one content). Inside quotation marks it is the quoted speaker's nested attribution,
    and a quotation right before it ('“a reckless course,” as X said') is X's, found as such."""
    phrase = as_phrase(mark, cues) if not inside(mark.idx, quoted) else None
    if phrase is None or phrase[0].lower_ in FIRST_AND_SECOND_PERSON | RELATIVES | {"it"}:
        return []
    subject, cue, high = phrase
    doc, sent = mark.doc, mark.sent
    left = _strip_punct(list(doc[sent.start : mark.i]))
    if all(t.dep_ in ("cc", "advmod") for t in left):
        left = []  # "Yet, as X observed, Y": the connective is the reporter's
    after = list(doc[high + 1 : sent.end])
    right = _strip_punct(after)
    if not (left or right) or _quoted_before(mark.i, quoted, doc) or _opens_quote(after, quoted):
        return []
    content = _same_paragraph(list(doc[(left or right)[0].i : (right or left)[-1].i + 1]), mark)
    if len(content) < MIN_TOKENS:
        return []
    start, end = _char_span(content)
    if inside(start, quoted) and inside(end - 1, quoted):
        return []
    name = resolver.resolve(speaker_tokens(subject))
    return [Found(start, end, "indirect", cue.text, name, INFERRED)]


def _quoted_before(i: int, quoted: list[tuple[int, int]], doc: SpacyDoc) -> bool:
    """A quotation closes right before token ``i`` (only punctuation between)."""
    ends = {e for _, e in quoted}
    j = i - 1
    while j >= 0 and doc[j].is_punct and doc[j].idx + len(doc[j]) not in ends:
        j -= 1
    return j >= 0 and doc[j].idx + len(doc[j]) in ends


def _opens_quote(right: list[Token], quoted: list[tuple[int, int]]) -> bool:
    """ "..., as X put it, “the operator.”": the quotation after the as-phrase is X's own."""
    first = next((t for t in right if t.text not in AS_CLOSERS), None)
    return first is not None and any(s <= first.idx < e for s, e in quoted)


def _inverted_at(
    cue: Token, quoted: list[tuple[int, int]], resolver: Resolver, cues: CueLexicon
) -> list[Found]:
    """The clause before "..., said/argued X" is X's statement, whatever the parser made of it."""
    speaker = inverted_speaker(cue, cues) if not inside(cue.idx, quoted) else None
    if speaker is None or speaker.lower_ in FIRST_AND_SECOND_PERSON:
        return []
    comma = cue.i - 1
    content = _strip_punct(_same_paragraph(list(cue.doc[cue.sent.start : comma]), cue))
    if len(content) < MIN_TOKENS:
        return []
    start, end = _char_span(content)
    if inside(start, quoted) or inside(end - 1, quoted):
        return []  # '“...,” said X': a direct quotation, attributed as such
    name = resolver.resolve(speaker_tokens(speaker))
    return [Found(start, end, "indirect", cue.text, name, INFERRED)]


def _noun_at(cue: Token, quoted: list[tuple[int, int]], resolver: Resolver, cues: CueLexicon) -> list[Found]:
    """ "X's claim that Y": a noun of saying, its possessor as the speaker, its clause as content."""
    if cue.lower_ not in cues.nouns or cue.pos_ != "NOUN" or inside(cue.idx, quoted):
        return []
    owner = (
        next((c for c in cue.children if c.dep_ == "poss"), None) or _noun_source(cue) or _named_modifier(cue)
    )
    clause = next((c for c in cue.children if c.dep_ in NOUN_CLAUSES and _has_that(c)), None)
    scope: FoundScope = "statement"
    if clause is None and owner is not None and owner.pos_ == "PROPN":
        # a named possessor only: "his comment about Y" leaves a pronoun to resolve for a record
        # no statement backs
        clause, scope = _noun_content(cue), "wide"
    if owner is None or clause is None or owner.lower_ in FIRST_AND_SECOND_PERSON | {"my", "our", "your"}:
        return []
    content = _same_paragraph(list(cue.doc[clause.left_edge.i : clause.right_edge.i + 1]), cue)
    if len(content) < MIN_TOKENS or clause not in content:
        return []
    start, end = _char_span(content)
    name = resolver.resolve(speaker_tokens(owner))
    return [
        Found(start, end, "indirect", cue.text, name, INFERRED if scope == "statement" else BELIEF, scope)
    ]


def _named_modifier(cue: Token) -> Token | None:
    """ "a Pentagon statement that Y", "the Varga campaign's claim": a name modifying the noun of
    saying is its source (PARC's source inside the cue's phrase, Pareti 2016)."""
    names = [c for c in cue.lefts if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG", "NORP")]
    return names[-1] if names else None


def _noun_content(cue: Token) -> Token | None:
    """ "X's promise to cut taxes", "X's comment about the vote", "X's demand for a recount": a
    noun of saying whose content is a to-infinitive or a prepositional object, not a clause:
    PolNeAR's nominal attributions (Newell et al. 2018), no statement (nothing is reported as
    said)."""
    for c in cue.rights:
        if c.dep_ == "acl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.lefts):
            return c
        if c.dep_ == "prep" and c.lower_ in ("about", "of", "for", "on") and c.i == cue.i + 1:
            return next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
    return None


def _noun_source(cue: Token) -> Token | None:
    """ "a warning from the ministry that Y", "claims by the company that Y": the noun's source
    in a "from"/"by" phrase right after it, when it names someone (PARC's source, Pareti 2016)."""
    for prep in (c for c in cue.rights if c.dep_ == "prep" and c.lower_ in ("from", "by")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and (
            obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        ):
            return obj
        if obj is not None and any(c.dep_ == "poss" for c in obj.children):
            return obj  # "a warning from the country's envoy"
    return None


def _is_object(content: list[Token], cue: Token) -> bool:
    """A short noun phrase object of a speech act ("cited it", "pointed to the figure") is a
    whole content in PolNeAR (Newell et al. 2018); a short clause is too little to be one. So is
    the subject of an act in the passive with its agent named (``_passive_content``)."""
    passive = _passive_content(cue)
    return any(
        t.lower_ not in NOT_CONTENT
        and (
            (t.dep_ in ("dobj", "pobj") and cue in (t.head, t.head.head))
            or (passive is not None and t.i == passive.i)
        )
        for t in content
    )


def _before_next_attribution(
    content: list[Token], cue: Token, quoted: list[tuple[int, int]], cues: CueLexicon
) -> list[Token]:
    """The content up to a comma that opens another attribution: "..., saying Y" / "..., noting
    that Y" (a participle of saying: Y is a statement of its own) or "..., according to X" (the
    source of the report, not its words); GGT ends the quotation there (annotation guidelines:
    the quote leaves out words external to the speech). Leading punctuation goes too, not an
    opening quotation mark, which belongs to the quotation."""
    tokens = list(content)
    while tokens and (tokens[0].is_space or (tokens[0].is_punct and tokens[0].text not in OPENING_MARKS)):
        tokens = tokens[1:]
    for k in range(1, len(tokens)):
        t = tokens[k]
        if not _after_comma(tokens, k) or t.i <= cue.i or inside(t.idx, quoted):
            continue
        saying = t.tag_ == "VBG" and t.lower_ in cues.speech | cues.statement_acts
        according = t.lower_ == "according" and cue.lower_ != "according"
        if saying or according:
            return _strip_punct(tokens[:k])
    return _before_second_report(tokens, cue, quoted, cues)


def _after_comma(tokens: list[Token], k: int) -> bool:
    """Token ``k`` follows a comma, or a closing mark right after one ('“...,” adding that Y')."""
    before = tokens[k - 1]
    if before.text == ",":
        return True
    return k > 1 and before.text in CLOSING_MARKS and tokens[k - 2].text == ","


def _before_second_report(
    tokens: list[Token], cue: Token, quoted: list[tuple[int, int]], cues: CueLexicon
) -> list[Token]:
    """The content up to a clause coordinated with it whose verb reports speech again ("says Y
    and alleges that Z", "said Y and he said Z"): that verb is the reporter's second attribution,
    not part of the first one's words (the parser often hangs it inside the first content). A
    cue that is subordinated ("said Y had warned that Z") is reported speech inside the content
    and stays. Outside quotation marks only."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if (
            t.i > cue.i
            and t.dep_ == "conj"
            and t.lower_ in cues.speech | cues.statement_acts
            and t.head.i in ids
            and _reporters_verb(t, cue)
            and not inside(t.idx, quoted)
        ):
            start = next(j for j, u in enumerate(tokens) if u.i == t.left_edge.i)
            while start > 0 and (tokens[start - 1].dep_ == "cc" or tokens[start - 1].is_punct):
                start -= 1
            kept = _strip_punct(tokens[:start])
            return kept if len(kept) >= MIN_TOKENS else tokens
    return _before_concession(tokens, cue)


DASHES = frozenset({"—", "–", "--", "-"})


def _before_gloss(tokens: list[Token], cue: Token, quoted: list[tuple[int, int]]) -> list[Token]:
    """The content up to a dash that opens the reporter's gloss on it: a noun phrase with no
    verb of its own to the content's end ("said Y detained a national — a reference to the
    arrest of Z"), the reporter explaining what the speaker referred to. A pair of dashes around
    an aside, or a dash before a clause, is the speaker's own."""
    dashes = [
        k for k, t in enumerate(tokens) if t.text in DASHES and t.i > cue.i and not inside(t.idx, quoted)
    ]
    if len(dashes) != 1:
        return tokens
    k = dashes[0]
    rest = tokens[k + 1 :]
    if not rest or rest[0].lower_ not in ("a", "an", "the") or any(t.tag_ in FINITE_TAGS for t in rest):
        return tokens
    kept = _strip_punct(tokens[:k])
    return kept if len(kept) >= MIN_TOKENS else tokens


RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _before_appended(tokens: list[Token], cue: Token, quoted: list[tuple[int, int]]) -> list[Token]:
    """A content that is no clause (the object or to-infinitive of an act: "praised the plan",
    "refused to back the bill") up to a comma or a dash that opens what the reporter appends to
    it: a non-restrictive relative clause ("praised the plan, which would cost Y"), an
    apposition ("endorsed the campaign, the latest turn in Y") or a single dash ("thanked X for
    the vote - a reversal of Y"; a pair of dashes around an aside stays). A non-restrictive
    modifier adds the writer's information about the thing named, not what the source did with
    it (Huddleston & Pullum 2002, ch. 15 on supplements); PolNeAR's object contents end before
    it. A clause ("said that Y, which Z") keeps it: whose words a supplement inside reported
    speech is cannot be told. So does a content whose rest holds a quotation: the source's
    words go on there."""
    if not tokens or tokens[0].i < cue.i or _is_clause(tokens):
        return tokens
    dashes = [k for k, t in enumerate(tokens) if t.text in DASHES and (t.text != "-" or _spaced(tokens, k))]
    for k in range(1, len(tokens) - 1):
        t, after = tokens[k], tokens[k + 1]
        if inside(t.idx, quoted):
            continue
        relative = t.text == "," and after.tag_ in RELATIVE_TAGS and after.head.dep_ == "relcl"
        apposition = t.text == "," and _opens_apposition(after, tokens)
        if relative or apposition or dashes == [k]:
            if any(inside(u.idx, quoted) for u in tokens[k:]):
                return tokens
            kept = tokens[:k]
            while kept and (kept[-1].text in TRAILING or kept[-1].text in DASHES or kept[-1].is_space):
                kept = kept[:-1]
            return kept or tokens
    return tokens


def _is_clause(tokens: list[Token]) -> bool:
    """The tokens' top is a verb with a tense or a subject of its own ("has seemed", "it runs")."""
    ids = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return any(
        t.dep_ == "ccomp"
        or t.tag_ in FINITE_TAGS
        or any(c.dep_ in SUBJECTS or (c.dep_ in AUXILIARIES and c.tag_ in FINITE_TAGS) for c in t.children)
        for t in tops
    )


AUXILIARIES = frozenset({"aux", "auxpass"})


def _spaced(tokens: list[Token], k: int) -> bool:
    """A hyphen with a space before it is a dash ("the levy - a rare step"), not "well-off"."""
    return k > 0 and bool(tokens[k - 1].whitespace_)


def _opens_apposition(token: Token, tokens: list[Token]) -> bool:
    """``token`` opens a phrase in apposition to a noun before it, inside ``tokens``."""
    ids = {t.i for t in tokens}
    node = token
    while node.head.i in ids and node.head.i != node.i and node.head.left_edge.i == token.i:
        node = node.head
    return node.dep_ == "appos" and node.left_edge.i == token.i


def _before_concession(tokens: list[Token], cue: Token) -> list[Token]:
    """The content up to a trailing concession about the speaker ("said Y, although he again
    refused to Z", "called it Y, though she agreed that W"): a clause whose subject is the
    speaker in the third person is the reporter's narration of what the speaker did, set against
    the words, not part of them."""
    reporter = speaker_head(cue)
    if reporter is None:
        return tokens
    for k, t in enumerate(tokens):
        if (k > 0 and tokens[k - 1].text != ",") or t.i <= cue.i or t.lower_ not in CONCESSIVE:
            continue
        clause = t.head
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
        if t.dep_ == "mark" and subject is not None and _same_person(subject, reporter):
            if k == 0:
                return []  # "Y, she said, though she gave no names": no words of hers
            kept = _strip_punct(tokens[:k])
            return kept if len(kept) >= MIN_TOKENS else tokens
    return tokens


def _same_person(subject: Token, reporter: Token) -> bool:
    """The subject names the reporter's speaker again: the same word ("he" ... "he", "Varga" ...
    "Varga"), or a personal pronoun for a name."""
    if subject.lower_ == reporter.lower_:
        return True
    return subject.lower_ in ("he", "she") and reporter.pos_ == "PROPN"


def _first_report(cue: Token, cues: CueLexicon) -> Token | None:
    """The verb of saying whose content the parser hung ``cue`` in, when ``cue`` is the
    reporter's second verb coordinated there ("The audit says Y was Z and alleges W": the audit
    alleges, not Y's subject); see ``_reporters_verb``."""
    if cue.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    for above in cue.ancestors:
        if above.dep_ == "ccomp" and above.head.lower_ in cues.speech and _reporters_verb(cue, above.head):
            return above.head
    return None


def _reporters_verb(verb: Token, cue: Token) -> bool:
    """A finite verb coordinated inside a content is the reporter's when its subject is the
    cue's ("he said Y and he said Z") or, with no subject of its own, when it takes the cue's
    tense and not the tense of the verb it is coordinated with ("says Y was Z and alleges W":
    the present of the report against the past of what is reported). Where both tenses agree
    ("said he rated X and talked about Y") nothing tells the two readings apart: it stays."""
    if verb.tag_ not in FINITE_TAGS - {"MD"}:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is not None:
        reporter = speaker_head(cue)
        return reporter is not None and subject.lower_ == reporter.lower_
    return verb.tag_ == cue.tag_ and verb.head.tag_ != cue.tag_


def _no_clause(content: list[Token], cue: Token) -> bool:
    """What a verb of saying reports through a clause is a clause (Huddleston & Pullum 2002,
    ch. 11): not the source phrase after it ("Y, he said, according to the report"), not an
    absolute phrase describing the speaker ("he said, eyes welling up"), not a phrase before the
    cue with no finite verb ("In the report released this week — X said Y"), and nothing across
    a colon or semicolon from the cue ("The system is adversarial: the government proposes
    laws"), which closes the clause the cue is in. Objects of speech acts come by another path
    (``_act_heads``) and are left alone."""
    if cue.lower_ == "according" or _is_object(content, cue):
        return False
    # a verb with its own subject makes a clause, whatever its tag ("Lee repeatedly demeaned")
    finite = any(t.tag_ in FINITE_TAGS or any(c.dep_ == "nsubj" for c in t.children) for t in content)
    if content[0].i > cue.i:
        if content[0].i == 0 or content[0].nbor(-1).text != ",":
            return False  # only a phrase set off by a comma after the cue
        time = content[0].lower_ in TIME_SUBORDINATORS and content[0].dep_ in ("mark", "advmod", "prep")
        if time and not _between_commas(cue):
            return True  # '"...," Varga told the board, after it voted on Y': when it was said
        if content[0].lower_ == "according":
            return True
        absolute = any(
            t.tag_ in ("VBG", "VBN") and any(c.dep_ in SUBJECTS and c in content for c in t.children)
            for t in content
        )
        return absolute and not any(t.tag_ in FINITE_TAGS for t in content)
    if content[-1].i < cue.i:
        words = [t for t in content if not t.is_punct] or content
        between = cue.doc[words[-1].i + 1 : cue.i]  # the colon may close the content's subtree
        # "At noon, he said, the gates open": one side of a parenthetical cue, whatever it holds
        return (not finite and not _between_commas(cue)) or any(t.text in (":", ";") for t in between)
    return False


def _is_question(content: list[Token], cue: Token) -> bool:
    """A content after its cue that opens with "whether", "if" or a wh-word (see INTERROGATIVES)."""
    return content[0].i > cue.i and content[0].lower_ in INTERROGATIVES


def _runs_out_of_a_quotation(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """A content that begins after the first word of a quotation and runs past its closing mark
    is a misparse of '“A. B,” X said': B is part of the quotation, not X's reported speech."""
    return any(s < start < e <= end and text[s + 1 : start].strip() for s, e in quoted)


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.lefts)


DEMONSTRATIVES = frozenset({"this", "that"})
QUANTIFIERS = frozenset({"all", "much", "most", "some", "none"})


CONDITIONS = frozenset({"when", "whenever", "if", "unless"})


def _hypothetical(head: Token, cue: Token) -> bool:
    """ "... is when an owner tells a renter Y", "if a customer asks for Y": a speech act in a
    condition, done by someone indefinite, is a kind of event the writer describes, not a
    statement anyone made."""
    condition = any(c.lower_ in CONDITIONS and c.dep_ in ("mark", "advmod") for c in cue.children)
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in head.children)
    return condition and indefinite


def _negated(cue: Token) -> bool:
    """ "did not say Y", "never called for Y", "refused to comment on Y": a speech act the text
    says did not happen reports no words."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lower_ in REFUSALS


REFUSALS = frozenset("refuse refuses refused refusing decline declines declined declining".split())


def _no_one_speaks(head: Token, cue: Token) -> bool:
    """A subject that names no one who could speak: a demonstrative standing for a proposition
    ("That said, the market ...", "All of that called for a response"; a relative "that" is its
    antecedent and stays), or generic "one" ("one can even say that ..."; not "one of them"). A
    discourse connective or a generic remark is the writer's, not a statement of anyone's. Inside
    another's reported speech ("X says this shows that Y") the nested attribution stays as it was."""
    if cue.dep_ in ("ccomp", "xcomp"):
        return False
    if _hypothetical(head, cue):
        return True
    if head.lower_ == "one":
        return head.pos_ == "PRON" and not any(c.lower_ == "of" for c in head.children)
    if head.lower_ in DEMONSTRATIVES:
        return cue.dep_ != "relcl" and head.tag_ != "WDT"
    if head.lower_ in QUANTIFIERS:
        of = [c for p in head.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        return any(c.lower_ in DEMONSTRATIVES for c in of)
    return False


def _event_speaker(cue: Token, cues: CueLexicon) -> Token | None:
    """ "she said at a news conference announcing that Y", "X spoke at a rally calling for Y": a
    participle of saying that modifies the event where someone spoke is said by who spoke there,
    the subject of the verb the event's phrase belongs to. Not a document ("in a statement
    announcing Y"), which PolNeAR's annotators give as the source as written."""
    if cue.tag_ != "VBG" or cue.dep_ != "acl" or cue.lower_ not in cues.speech | cues.statement_acts:
        return None
    event = cue.head
    if event.lower_ in cues.document_nouns | cues.issued_nouns:
        return None  # "a statement announcing Y": the document is the source as written
    verb = event.head.head if event.dep_ == "pobj" and event.head.dep_ == "prep" else None
    if verb is None or verb.pos_ not in CUE_POS or verb.lower_ not in cues.speech | cues.statement_acts:
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _told_unsourced(cue: Token) -> bool:
    """ "having been told he could Y", "were advised to Y": a passive verb of saying with no "by"
    phrase names its hearer, whose subject the clause may lend it, never its speaker; the
    source is left unsaid: no statement (GGT), an attribution of PolNeAR's wider kind."""
    passive = any(c.dep_ == "auxpass" for c in cue.children)
    return passive and not any(c.dep_ == "agent" for c in cue.children)


def _name_before(cue: Token, cues: CueLexicon) -> Token | None:
    """ "Still, Okafor said Y", "In a meeting with the board of the Gazette Okafor said Y": a
    name right before a finite verb of saying that the parser left without a subject (it took
    the name for an adverb, or for the end of the phrase before it) is that verb's subject: an
    English declarative clause puts its subject right before its finite verb (Huddleston &
    Pullum 2002, ch. 4)."""
    if cue.tag_ not in FINITE_TAGS - {"MD"} or cue.i == 0 or cue.lower_ not in cues.speech:
        return None
    if any(c.dep_ in SUBJECTS | {"expl", "csubj"} for c in cue.children) or cue.dep_ in NOUN_MODIFIERS:
        return None
    name = cue.nbor(-1)
    named = name.ent_type_ in ("PERSON", "ORG") or name.ent_iob_ == "O"
    return name if name.pos_ == "PROPN" and named and name.dep_ not in ("compound", "nsubj") else None


ADD_FORMS = frozenset({"add", "adds", "added", "adding"})  # the pipeline runs no lemmatizer


def _adds_an_amount(cue: Token) -> bool:
    """ "exports were up 12 percent, tourism added 23 percent, and ...": "add" with an amount for
    its object is growth, not speech (what is added in speech is said in the object's place)."""
    return cue.lower_ in ADD_FORMS and any(
        c.dep_ == "dobj" and (c.like_num or any(n.dep_ == "nummod" for n in c.children)) for c in cue.children
    )


def _be_to(cue: Token) -> bool:
    """A cue in the infinitive after "be" ("the purpose of the fair is to stress that ...", "her
    message was to warn that ...", "the minister is to announce on Monday that ..."): English's
    "be to" states a purpose, an aim or an arrangement, not words spoken (Quirk et al. 1985,
    4.49), and its subject is often no speaker at all (a purpose, an aim). No statement under
    GGT's definition (a quote is what a source says); a plan, so an attribution under PolNeAR's."""
    return (
        cue.dep_ == "xcomp"
        and cue.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    )


def _indirect_at(
    cue: Token, quoted: list[tuple[int, int]], resolver: Resolver, cues: CueLexicon
) -> list[Found]:
    according = cue.lower_ == "according" and cue.i + 1 < len(cue.doc) and cue.nbor(1).lower_ == "to"
    if not according and cue.pos_ not in CUE_POS:
        return []
    rated = (ACCORDING_TO, "statement") if according else _confidence(cue, cues)
    if rated is None or inside(cue.idx, quoted):
        return []
    confidence, scope = rated
    if _adds_an_amount(cue):
        return []
    if scope == "statement" and _negated(cue):
        scope = "wide"  # "did not say that Y": nothing was said (GGT); PolNeAR attributes it
    if scope == "statement" and _be_to(cue):
        scope = "wide"  # "the aim is to show that Y": a purpose or a plan, nothing said yet
    reporter = _first_report(cue, cues)
    head = speaker_head(reporter or cue) or _name_before(cue, cues) or _event_speaker(cue, cues)
    if head is None or head.lower_ in FIRST_AND_SECOND_PERSON:
        return []  # "I think that ..." outside quotation marks: the speaker cannot be named
    if _no_one_speaks(head, cue):
        return []
    if _told_unsourced(cue):
        # no statement; the wide record keeps the clause's subject as written (dropping it cost
        # a right speaker on PolNeAR's part never read: its annotators name the one addressed)
        scope = "wide"
    contents = _contents(cue, cues, wide=scope == "wide")
    if not contents and scope == "statement" and (cue.lower_ in cues.acts or cue.lower_ in cues.prep_acts):
        # no statement ("vowed to veto it"), an attribution all the same under the wide definition
        contents = _contents(cue, cues, wide=True)
    found = []
    for whole, kind in contents:
        content = _before_next_attribution(whole, cue, quoted, cues)
        if kind == "wide":
            content = _before_appended(content, cue, quoted)
        if kind == "statement":
            glossed, content = content, _before_gloss(content, cue, quoted)
            if len(content) < len(glossed):
                contents.append((glossed, "join"))  # PolNeAR's content may take the gloss in
        if len(content) < MIN_TOKENS and not _is_object(content, cue) and not _names(content, cue):
            continue
        if kind == "join" and content[0].i < cue.i and content[-1].i <= _cue_phrase(cue)[1]:
            continue  # one side was no words of the speaker: the other is the statement alone
        if _no_clause(content, cue):
            continue
        if _is_question(content, cue):
            kind = "wide"  # an embedded question is no statement; PolNeAR attributes it
        start, end = _char_span(content)
        # "X, he said, Y": the speaker inside the hull; a content before the cue that holds the
        # speaker is the speaker's own phrase misparsed as a clause ("X advocate Lee told ...")
        own = cue.left_edge.i <= head.i <= cue.right_edge.i
        if (
            (inside(start, quoted) and inside(end - 1, quoted))
            or (start <= head.idx < end and (not own or end <= cue.idx))
            or _runs_out_of_a_quotation(doc_text(cue.doc), start, end, quoted)
        ):
            continue
        name = resolver.resolve(speaker_tokens(head))
        found.append(Found(start, end, "indirect", cue_text(cue), name, confidence, kind))
    return found
