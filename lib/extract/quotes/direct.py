"""Direct quotations: marked spans attributed to a speaker through an adjacent cue.

After textacy's ``direct_quotations`` and the Gender Gap Tracker's quote extractor (Asr et al.
2021): the cue is looked for, in order, in an interruption inside the quotation ("– added X –"),
right after the closing mark ("..." said X), and
before the opening mark in the same sentence (X warned that ... "..."; "according to X";
"X: ..." in headings). A quotation with no cue takes the speaker of a cue in the sentence right
before it ("X said." / "X continued:"), else of the previous quotation of the same or the previous
paragraph (GGT's "floating quotes"); short ones with no person speaking
them are scare quotes or titles, and are dropped (textacy: 'Burton thinks cats are "cuties"').
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from lib.extract.quotes.attribution import (
    CUED_QUOTATION,
    INFERRED,
    SPEAKERLESS,
    UNCLOSED,
    Found,
    Tokens,
    cue_text,
    is_speech_cue,
)
from lib.extract.quotes.cues import CueLexicon
from lib.extract.quotes.indirect import SUBORDINATORS as CLAUSE_SUBORDINATORS
from lib.extract.quotes.marks import MarkedSpan
from lib.extract.quotes.speakers import Basis, Name, Resolver, inside, speaker_head, speaker_tokens, via

SENTENCE_END = re.compile(r"[.!?…](?=[\s”\"»’]*(\s|$))|\n")
DASHED = re.compile(r"\s[–—-]\s*([^–—“”\"«»]{3,80}?)\s*[–—-]\s")
# titles before names, whose full stop ends no sentence (spaCy's English tokenizer exceptions)
ABBREVIATIONS = frozenset(
    "mr mrs ms dr rep reps sen sens gov lt col gen sgt capt cmdr adm rev st jr sr prof pres "
    "supt dept corp inc co ltd no vs u.s del maj brig cpl pvt amb atty hon fr messrs".split()
)
AFTER_WINDOW = 6  # tokens after the closing mark in which "said X" is looked for
MAX_TITLE_WORDS = 8
TITLE_SLOTS = frozenset({"of", "on", "in"})
# nouns of a named work or instrument whose name follows in quotation marks, as official texts
# write them (the Law "On ...", the programme "..."): a title-case quotation there is its name
WORK_NOUNS = frozenset(
    "law laws act bill decree resolution programme program strategy plan doctrine code campaign"
    " operation project initiative platform".split()
)
MIN_WORDS = 4  # shorter quotations need a person who says them
MAX_FLOATING_TITLE_WORDS = 10  # a title-case quotation no cue attributes: a film's, a book's, an ad's
FLOATING_LINES = 2
WORD = re.compile(r"[^\W\d_]+")
FRAGMENT_WORDS = 2  # "Still, “...”" opens a sentence; "a rebuke that it was “...”" is inside one
# "I said" next to a quotation is the quoted speaker's own voice, not an attribution
SPEAKERS_OWN_VOICE = frozenset({"i", "me", "we", "us", "you"})
SIGNATURE_DASH = re.compile(r"[^\S\n]*([―—–])[^\S\n]*")
TITLE_MINOR = frozenset("a an the and but or nor of on in at to for by with from as".split())
NAMELIKE = frozenset({"PROPN", "PRON", "NOUN"})
ASKED = frozenset({"asked"})  # "X was asked whether ...": X answers next
DOCUMENT_READS = frozenset({"read", "reads"})  # '"...," the letter read'
PROPER_TAGS = frozenset({"NNP", "NNPS"})  # a name by its tag, when the part of speech slipped
# a sentence pointing back at the quotation before it: "That was how X put it", "So said X"
POINTERS = frozenset({"that", "this", "those", "these", "such"})
COPULAS = frozenset({"is", "was", "are", "were", "'s", "’s"})
POINTING_ADVERBS = frozenset({"so", "thus"})
# what a speaker's words are called ("those were the words of X", "such was X's verdict"), beside
# the lexicon's nouns of saying ("comments", "warning"); "the plan of X" is no saying
UTTERANCE_NOUNS = frozenset(
    "words word message verdict reply replies response responses answer answers assessment".split()
)
# conjunctions that open an adverbial clause ('“...,” when X mocked her'): words after a closing
# mark opening with one are the reporter's sentence going on, not the quotation's attribution.
# The reported clauses' subordinators (indirect.py) and "whereas"; "as" is not among them: '“...,”
# as X put it' attributes
SUBORDINATORS = (CLAUSE_SUBORDINATORS - {"as"}) | {"whereas"}


class DirectAttributor:
    def __init__(
        self, text: str, tokens: Tokens, resolver: Resolver, quoted: list[tuple[int, int]], cues: CueLexicon
    ) -> None:
        self.text = text
        self.quoted = quoted  # every top-level quotation, masked when cues are looked for
        self.tokens = tokens
        self.resolver = resolver
        self.cues = cues
        self.last: Found | None = None
        # the last speaker given on evidence, not a fragment's guess: what a floating quotation after
        # a guessed fragment continues
        self.voice: Name | None = None

    def attribute(self, span: MarkedSpan) -> Found | None:
        """The quotation as a Found, or None when it is not a quotation anybody says."""
        bound = _enclosing(span, self.quoted)
        masked = [(s, e) for s, e in self.quoted if (s, e) != bound and not span.start <= s < span.end]
        regions = self._dashed(span)
        hits = [
            self._cue_in_regions(regions, masked),
            self._cue_after(span, bound, masked),
            # inside a quotation, a cue before the inner quotation is the quoted speaker's own
            # report ('“... my mother saying, ‘go vote’ ...”'), not the reporter's attribution
            None if bound is not None else self._cue_before(span, bound, masked),
        ]
        short = len(re.findall(r"\w+", self.text[span.start : span.end])) < MIN_WORDS
        after = hits[1]
        said = after is not None and after[1] is not None and self._whole_sentence(span)
        usable = [h for h in hits if h is not None and h[1] is not None and (not short or h[1].person)]
        if after is not None and said and short:
            usable = [after, *usable]
        hit = next(iter(usable), next((h for h in hits if h is not None), None))
        found = self._found(span, hit, bound is not None, said)
        if found is not None and not span.nested:
            self.last = found
            if found.speaker is not None and found.speaker.basis is not Basis.INHERITED_FRAGMENT:
                self.voice = found.speaker
        return found

    def _found(
        self, span: MarkedSpan, hit: tuple[str, Name | None] | None, nested: bool, said: bool = False
    ) -> Found | None:
        content = self.text[span.start : span.end]
        words = len(re.findall(r"\w+", content))
        slot = words <= MAX_TITLE_WORDS and self._after_of(span)
        if (
            words < MIN_WORDS or slot or (words <= MAX_FLOATING_TITLE_WORDS and self._after_work(span))
        ) and _is_title(content):
            return None
        if hit is None:
            if nested or words < MIN_WORDS:
                return None
            if words <= MAX_FLOATING_TITLE_WORDS and _is_title(content):
                # nobody's words ("“The Long Tide Home” opens Friday"): no statement (GGT). PolNeAR
                # attributes some names and titles ("a speech titled '...'"), but kept as wide
                # records they added as many false ones on the dev part never read as true ones
                return None
            return self._floating(span)
        cue, name = hit
        if words < MIN_WORDS and not (name is not None and (name.person or said)):
            return None
        confidence = CUED_QUOTATION if name is not None and name.resolved else INFERRED
        return Found(
            span.start, span.end, "direct", cue, name, confidence if span.closed else confidence - UNCLOSED
        )

    def _whole_sentence(self, span: MarkedSpan) -> bool:
        """'"We need change," the businessman said.': a quotation that opens its sentence and
        closes on the sentence's own punctuation inside its marks is a sentence someone spoke,
        however short, not a scare quote or a title (those sit inside the reporter's sentence)."""
        line = self._line_start(span.start)
        opens = not self.text[line : span.start].strip() or _sentence_start(self.text, span.start, line) == (
            span.start
        )
        inner = self.text[span.start : span.end].rstrip("”\"»’' ")
        return opens and span.closed and inner[-1:] in (",", ".", "!", "?")

    def _after_of(self, span: MarkedSpan) -> bool:
        """ "on the network's “Morning Desk”", "an episode of “The Night Hour”": a name's slot."""
        before = re.findall(r"\S+", self.text[max(0, span.start - 20) : span.start])
        return bool(before) and (before[-1].lower() in TITLE_SLOTS or before[-1].endswith(("'s", "’s")))

    def _after_work(self, span: MarkedSpan) -> bool:
        """ "the Law “On Public Health”", "the programme “Green Roofs”": a named work's slot."""
        before = re.findall(r"[^\W\d_]+", self.text[max(0, span.start - 20) : span.start])
        return bool(before) and before[-1].lower() in WORK_NOUNS

    def _floating(self, span: MarkedSpan) -> Found:
        act = self._act_over(span)
        if act is not None:  # the sentence's own verb governs the quotation: nearer than any other
            return Found(span.start, span.end, "direct", act[0], act[1], INFERRED)
        said = self._said_before(span)
        if said is not None:  # the sentence right before it is nearer than the last quotation
            return Found(span.start, span.end, "direct", said[0], said[1], INFERRED)
        pointed = self._pointed_back(span)
        if pointed is not None:  # the next sentence says whose words these were
            return Found(span.start, span.end, "direct", pointed[0], pointed[1], CUED_QUOTATION)
        subject = self._subject_before(span) or self._colon_subject(span)
        if subject is not None:
            return Found(span.start, span.end, "direct", None, subject, INFERRED)
        prev = self.last
        near = prev is not None and self.text.count("\n", prev.end, span.start) <= FLOATING_LINES
        voice = prev.speaker if prev is not None else None
        if voice is not None and voice.basis is Basis.INHERITED_FRAGMENT:
            voice = self.voice  # a guessed fragment passes on the speaker it guessed, as sure as before
        if prev is not None and near and voice is not None:
            basis = Basis.INHERITED_FRAGMENT if inside_sentence(self.text, span.start) else Basis.INHERITED
            return Found(span.start, span.end, "direct", prev.cue, via(voice, basis), INFERRED)
        return Found(span.start, span.end, "direct", None, None, SPEAKERLESS)

    def _act_over(self, span: MarkedSpan) -> tuple[str | None, Name] | None:
        """'Okafor called the ruling “a step back for every tenant in the city.”': a quotation
        that is the content of a speech act other than a verb of saying (call, describe, label,
        dub, ...: GGT's "unusual quotative verbs") is said by that act's subject. Failing an act,
        a quotation inside a sentence whose main verb governs it ('Okafor voiced her “anger and
        sorrow” online', 'Lind ended the meeting with “we will be back next year”') is the words
        of that verb's subject: the sentence is about them and quotes them, and no other speaker
        is in it (GGT's floating quote, "inferred from context"); by position only, so less
        certain. The verb must govern the quotation in the parse (an ancestor of its first word,
        before it, in the same sentence) and its subject must name a person (or be a pronoun that
        resolves to one): anything vaguer leaves the quotation to the floating rules."""
        words = [t for t in self.tokens.within(span.start, span.end) if t.is_alpha]
        if not words:
            return None
        first = words[0]
        verbs = [
            v for v in first.ancestors if v.idx < span.start and v.sent == first.sent and v.pos_ == "VERB"
        ]
        acts = [v for v in verbs if v.lower_ in self.cues.statement_acts | self.cues.speech]
        main = [v for v in verbs if v.dep_ == "ROOT"]
        for verb, cue in [*((v, v.text) for v in acts[:1]), *((v, None) for v in main)]:
            head = speaker_head(verb)
            if head is None or inside(head.idx, self.quoted) or head.lower_ in SPEAKERS_OWN_VOICE:
                return None
            if cue is None and self._colon_spells_other(span, head):
                return None
            name = self.resolver.resolve(speaker_tokens(head))
            if cue is None:  # a verb that reports no speech: the words are theirs by position only
                name = via(name, Basis.SENTENCE_SUBJECT)
            # a body speaks through its name ("Portugal branded the plan “...”"), as at any cue;
            # only a person is taken by position alone
            named = cue is not None and (head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "GPE", "NORP"))
            return (cue, name) if name.resolved and (name.person or named) else None
        return None

    def _colon_spells_other(self, span: MarkedSpan, subject: Token) -> bool:
        """A quotation right after a colon spells out the clause right before it (``_colon_subject``):
        when that clause's subject is not ``subject`` ("X grew so angry that Y took it back:"),
        which of the two speaks, the words do not say."""
        line = self._line_start(span.start)
        before = self.text[line : span.start].rstrip()
        if not before.endswith(":"):
            return False
        colon = line + len(before) - 1
        toks = self._open_tokens(_sentence_start(self.text, colon, line), colon, self.quoted)
        last = _last_clause_subject(toks)
        return last is not None and last.i != subject.i and last.lower_ != subject.lower_

    def _said_before(self, span: MarkedSpan) -> tuple[str, Name] | None:
        """The person who speaks in the sentence right before a quotation that opens its own
        sentence ('..., Schiff said. "The other factor ..."'), or in a paragraph ending in a colon
        right above it ("Varga continued:"): GGT's floating quotes (Asr et al. 2021)."""
        line = self._line_start(span.start)
        if self.text[line : span.start].strip():
            start = _sentence_start(self.text, span.start, line)
            if self.text[start : span.start].strip():
                return None  # mid-sentence: the cue before it, if any, was already looked for
            region = (_sentence_start(self.text, max(line, start - 1), line), start)
        else:
            above = self.text[:line].rstrip()
            if not above.endswith(":"):
                return self._asked_above(above, line)
            region = (self._line_start(len(above)), len(above))
        toks = self._open_tokens(*region, self.quoted)
        cues = [t for t in toks if is_speech_cue(t, self.cues) and t.tag_ != "VBG"]
        if not cues:
            return self._asked(toks)
        cue, name = self._speaker(cues[-1], toks, *region)
        head = speaker_head(cues[-1])
        named = head is not None and head.pos_ == "PROPN"  # "Schiff" names someone, "the ministry" is vaguer
        return (cue, name) if name is not None and (name.person or named) else None

    def _asked_above(self, above: str, line: int) -> tuple[str, Name] | None:
        """The last sentence of the paragraph right above a quotation that opens its paragraph,
        read for a person asked a question (``_asked``)."""
        if not above or self.text.count("\n", len(above), line) > FLOATING_LINES:
            return None
        floor = self._line_start(len(above))
        region = (_sentence_start(self.text, max(floor, len(above) - 1), floor), len(above))
        return self._asked(self._open_tokens(*region, self.quoted))

    def _asked(self, toks: list[Token]) -> tuple[str, Name] | None:
        """'Mayor Lind was asked whether the bridge would open this year. / “No. ...”': a person
        asked a question in the sentence right before a quotation that opens its own sentence,
        with no other verb of saying, answers in it: news puts a question to its subject and
        quotes the reply next (the asker, a reporter, is not quoted). The passive's subject is
        the one asked; it must name a person (or be a pronoun or role resolved to one), and the
        question must be the sentence's main clause ("X, who was asked ..., left" is about
        something else)."""
        asked = [
            t
            for t in toks
            if t.lower_ in ASKED
            and t.tag_ == "VBN"
            and t.dep_ == "ROOT"
            and any(c.dep_ == "nsubjpass" for c in t.children)
        ]
        if len(asked) != 1:
            return None
        subject = next(c for c in asked[0].children if c.dep_ == "nsubjpass")
        person = self.resolver.person_at(subject)
        name = self.resolver.resolve(person if person is not None else speaker_tokens(subject))
        return (asked[0].text, via(name, Basis.SENTENCE_SUBJECT)) if name.resolved and name.person else None

    def _subject_before(self, span: MarkedSpan) -> Name | None:
        """'... Okafor did not need much persuading. “I was glad to come back.”': a quotation
        with no cue, opening a sentence in mid-paragraph right after one whose main subject is a
        named person, is that person's (GGT's floating quote, "inferred from context": the
        paragraph has moved to them from whoever was quoted before)."""
        line = self._line_start(span.start)
        start = _sentence_start(self.text, span.start, line)
        if not self.text[line : span.start].strip() or self.text[start : span.start].strip():
            return None  # opens a paragraph, or mid-sentence
        region = (_sentence_start(self.text, max(line, start - 1), line), start)
        toks = self._open_tokens(*region, self.quoted)
        subjects = [t for t in toks if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
        person = self.resolver.person_at(subjects[0]) if len(subjects) == 1 else None
        if person is None:
            return None
        name = self.resolver.resolve(person)
        return via(name, Basis.SENTENCE_SUBJECT) if name.person else None

    def _colon_subject(self, span: MarkedSpan) -> Name | None:
        """'Okafor had a warning for the council: “Fix the roads first.”': a quotation right after
        a colon that closes the reporter's clause, in the same paragraph, with no verb of saying
        before it. A colon announces that what follows spells out the clause before it; a
        quotation there spells out what the clause's subject said, so when that main subject names
        a person the words are theirs (GGT's "unusual quotative verbs" and floating quotes,
        inferred from context). By position only, as ``_subject_before``: anything vaguer than a
        person (a sign, a note, a document) leaves the quotation to the floating rules."""
        line = self._line_start(span.start)
        before = self.text[line : span.start].rstrip()
        if not before.endswith(":"):
            return None
        colon = line + len(before) - 1
        toks = self._open_tokens(_sentence_start(self.text, colon, line), colon, self.quoted)
        if any(is_speech_cue(t, self.cues) or t.lower_ in self.cues.document_nouns for t in toks):
            # a verb of saying before the colon was the cue rules' to read; a document there
            # ("found a note on the door:") is what the quotation reads, not its finder's words
            return None
        # the clause's own main verb: the parser often hangs it on the quotation's verb
        ids = {t.i for t in toks}
        tops = [t for t in toks if t.head.i == t.i or t.head.i not in ids]
        subjects = [t for t in toks if t.dep_ == "nsubj" and t.head in tops]
        if len(subjects) != 1 or subjects[0].lower_ in SPEAKERS_OWN_VOICE:
            return None
        if self._colon_spells_other(span, subjects[0]):
            # "X grew so angry that Y took it back:": the colon spells out the clause right before
            # it, whose subject is another; which one speaks, the words do not say
            return None
        person = self.resolver.person_at(subjects[0])
        # a name, or a pronoun or a role the resolver gives one ("The coach kept it short:")
        name = self.resolver.resolve(person if person is not None else speaker_tokens(subjects[0]))
        return via(name, Basis.SENTENCE_SUBJECT) if name.resolved and name.person else None

    def _pointed_back(self, span: MarkedSpan) -> tuple[str, Name] | None:
        """'“We are out of money.” That was how Okafor described the vote.': a quotation standing
        as a sentence of its own, with no cue, whose speaker the very next sentence names by
        pointing back at it, in the same paragraph or opening the next: a demonstrative subject and
        a copula with "how"/"what" and a verb of saying ("That is what X told reporters"), or with
        a noun of saying ("Those were the words of X", "Such was X's verdict"); or "so"/"thus" and
        a verb of saying ("So said X"). News writes these after a quotation set apart for effect;
        the demonstrative refers to the quotation just given, so its speaker is the one named.
        "That was the plan of X" and "That is why X resigned" say nothing of saying and name no
        speaker. A subject that is merely someone's words ("X's comments came ...") does not point
        at the quotation before it: news writes it as often of words quoted earlier, which the
        quotation just given answers. The rules before (a cue, the sentence right before) win; the
        speaker must be a person, or a name (an organisation speaks through its name)."""
        if not span.closed or inside_sentence(self.text, span.start):
            return None
        if self.text[span.start : span.end].rstrip("”\"»’' ")[-1:] not in (".", "!", "?", "…"):
            return None  # the quotation does not close its sentence: the reporter's goes on
        gap = re.match(r"[”\"»’'\s]*", self.text[span.end :])
        start = span.end + (gap.end() if gap else 0)
        if start >= len(self.text) or self.text.count("\n", span.end, start) > FLOATING_LINES:
            return None
        end = _next_sentence_end(self.text, start, self._line_end(start))
        toks = [t for t in self._open_tokens(start, end, self.quoted) if not t.is_space]
        head = _pointed_speaker(toks, self.cues)
        if head is None or head[1].lower_ in SPEAKERS_OWN_VOICE or inside(head[1].idx, self.quoted):
            return None
        person = self.resolver.person_at(head[1])
        name = self.resolver.resolve(person if person is not None else speaker_tokens(head[1]))
        named = head[1].pos_ == "PROPN" or head[1].ent_type_ in ("PERSON", "ORG", "NORP")
        return (head[0], name) if name.resolved and (name.person or named) else None

    def _dashed(self, span: MarkedSpan) -> list[tuple[int, int]]:
        return [m.span(1) for m in DASHED.finditer(self.text, span.start, span.end)]

    def _cue_in_regions(
        self, regions: list[tuple[int, int]], masked: list[tuple[int, int]]
    ) -> tuple[str, Name | None] | None:
        for start, end in regions:
            toks = self._open_tokens(start, end, masked)
            cue = next((t for t in toks if is_speech_cue(t, self.cues, any_pos=True)), None)
            if cue is not None:
                return self._speaker(cue, toks, start, end)
        return None

    def _cue_after(
        self, span: MarkedSpan, bound: tuple[int, int] | None, masked: list[tuple[int, int]]
    ) -> tuple[str, Name | None] | None:
        limit = bound[1] if bound else self._line_end(span.end)
        end = _next_sentence_end(self.text, span.end, limit)
        toks = self._open_tokens(span.end, end, masked)
        signed = self._signature(span.end, toks)
        if signed is not None:
            return signed
        words = [t for t in toks if not t.is_punct]
        if words and words[0].lower_ in SUBORDINATORS:
            # '“...,” when X blasted her for it': an adverbial clause of the reporter's sentence,
            # whose verb and subject tell when or why the words were said, not who said them
            return None
        # a participle after a quotation ('"...", urging X') continues the sentence, it is no cue;
        # "according" (tagged as one) is: '"...," according to Dr. X' (PARC's source phrase)
        cues = [
            t for t in words if is_speech_cue(t, self.cues) and (t.tag_ != "VBG" or t.lower_ == "according")
        ]
        cue = next((t for t in cues if t in words[:AFTER_WINDOW] or _opens_with_speaker(t, words)), None)
        named = _named_participle(words[:AFTER_WINDOW], self.cues) if cue is None else None
        hit: tuple[str, Name | None] | None
        if named is not None:
            hit = cue_text(named[0]), self.resolver.resolve(speaker_tokens(named[1]))
        elif cue is None:
            hit = self._document_reads(words[:AFTER_WINDOW])
        else:
            hit = self._speaker(cue, toks, span.end, end)
        if hit is not None and _ends_reporters_sentence(self.text, span):
            return hit if self._subject_goes_on(span, hit[1]) else None
        return hit

    def _subject_goes_on(self, span: MarkedSpan, name: Name | None) -> bool:
        """Whether the speaker of the sentence after a quotation that ended the reporter's sentence
        is that sentence's own subject, going on ('X called it “a blockade.” “...,” he added.'):
        the next sentence's verb of saying is its own, and it names this quotation's speaker only
        when news keeps to the same person (the subject resolves to the same name, or is written
        the same way when neither resolves)."""
        if name is None:
            return False
        words = [t for t in self.tokens.within(span.start, span.end) if t.is_alpha]
        verbs = (
            [v for v in words[0].ancestors if v.idx < span.start and v.pos_ in ("VERB", "AUX")]
            if words
            else []
        )
        subjects = [c for v in verbs[:1] for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or subjects[0].dep_ == "nsubjpass" or inside(subjects[0].idx, self.quoted):
            return False
        person = self.resolver.person_at(subjects[0])
        own = self.resolver.resolve(person if person is not None else speaker_tokens(subjects[0]))
        if own.resolved and name.resolved:
            return own.text == name.text
        return own.text.lower() == name.text.lower()

    def _document_reads(self, words: list[Token]) -> tuple[str, Name | None] | None:
        """'"...," the statement read.': a document "reads" its own words (news idiom for quoting
        a text); the verb is no cue elsewhere ("she read the report")."""
        for k, t in enumerate(words[1:], start=1):
            noun = words[k - 1]
            if t.lower_ in DOCUMENT_READS and noun.lower_ in self.cues.document_nouns:
                start = k - 2 if k >= 2 and words[k - 2].pos_ == "DET" else k - 1
                phrase = noun.doc[words[start].i : noun.i + 1]
                return t.text, self.resolver.resolve(phrase)
        return None

    def _cue_before(
        self, span: MarkedSpan, bound: tuple[int, int] | None, masked: list[tuple[int, int]]
    ) -> tuple[str, Name | None] | None:
        floor = bound[0] + 1 if bound else self._line_start(span.start)
        start = _sentence_start(self.text, span.start, floor)
        toks = self._open_tokens(start, span.start, masked)
        if self.text[start : span.start].rstrip().endswith(":"):
            return self._colon(toks, start, span.start)
        cues = [t for t in toks if is_speech_cue(t, self.cues)]
        # "according to X" scopes over its whole sentence (PARC); otherwise the nearest cue
        cue = next((t for t in cues if t.lower_ == "according"), cues[-1] if cues else None)
        return self._speaker(cue, toks, start, span.start) if cue is not None else None

    def _signature(self, end: int, toks: list[Token]) -> tuple[str, Name | None] | None:
        """'"..." ― Name': a quotation signed with a dash (posts, vox pops, epigraphs), the dash
        spaced or glued to the closing mark ('...”― Name', one token for the tokenizer)."""
        dash = SIGNATURE_DASH.match(self.text, end)
        name = next((t for t in toks if t.idx >= dash.end() and not t.is_space), None) if dash else None
        if dash is None or name is None or name.pos_ != "PROPN":
            return None
        return dash.group(1), self.resolver.resolve(speaker_tokens(name))

    def _colon(self, toks: list[Token], start: int, end: int) -> tuple[str, Name | None] | None:
        """ "X said: ..." or a heading "X: ..." where the name before the colon speaks."""
        cue = next((t for t in reversed(toks) if is_speech_cue(t, self.cues)), None)
        if cue is not None:
            return self._speaker(cue, toks, start, end)
        names = [t for t in toks if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.pos_ == "PROPN"]
        if not names or len([t for t in toks if not t.is_punct]) > 6:
            return None
        return ":", self.resolver.resolve(speaker_tokens(names[-1]))

    def _speaker(self, cue: Token, toks: list[Token], start: int, end: int) -> tuple[str, Name | None]:
        head = speaker_head(cue)
        if head is None or not start <= head.idx < end or inside(head.idx, self.quoted):
            head = _nearest_name(cue, toks)  # not a word of a quotation ('on Fox's “Fox and Friends”')
        if head is None or head.lower_ in SPEAKERS_OWN_VOICE:
            return cue_text(cue), None
        return cue_text(cue), self.resolver.resolve(speaker_tokens(head))

    def _open_tokens(self, start: int, end: int, masked: list[tuple[int, int]]) -> list[Token]:
        return [t for t in self.tokens.within(start, end) if not inside(t.idx, masked)]

    def _line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def _line_end(self, pos: int) -> int:
        end = self.text.find("\n", pos)
        return len(self.text) if end < 0 else end


def _named_participle(words: list[Token], cues: CueLexicon) -> tuple[Token, Token] | None:
    """'"...," Mr. X was quoted as saying', '"...," the video showed X telling supporters': a
    participle of saying after a quotation is its cue when its speaker is written before it,
    either as the subject of "quoted as" / "heard as" ("as" right before the participle) or
    right before it as the object of a verb of perceiving ("showed X telling", "heard her
    saying"); the cue and the speaker's token. A participle the closing mark's comma leads into
    ('"...," urging X') names no speaker and continues the reporter's sentence."""
    for k, t in enumerate(words):
        # the tagger can read "X telling supporters" as nouns: the form and the lexicon decide
        if k < 2 or not t.lower_.endswith("ing") or not is_speech_cue(t, cues, any_pos=True):
            continue
        before = words[k - 1]
        if before.lower_ == "as":
            name = next((w for w in reversed(words[: k - 1]) if _names_someone(w)), None)
        else:  # right before it, no comma between, and no preposition's object ("on X, writing")
            adjacent = before.i == t.i - 1 and before.dep_ != "pobj"
            name = before if adjacent and _names_someone(before) else None
        if name is not None and name.lower_ not in ("it", "this", "that", "which"):
            return t, name
        return None
    return None


def _names_someone(token: Token) -> bool:
    """A pronoun or a capitalised name word (the tagger may call a name in "showed X telling" a
    noun; its capital says otherwise)."""
    return token.pos_ in ("PROPN", "PRON") or (token.is_title and token.pos_ == "NOUN")


def _opens_with_speaker(cue: Token, words: list[Token]) -> bool:
    """'"...," Jane Roe, an economist at the institute, told reporters': a long speaker phrase
    right after the closing mark, then its cue (GGT's quote-speaker-cue pattern, Asr et al. 2021)."""
    head = speaker_head(cue)
    return head is not None and bool(words) and head.left_edge.i <= words[0].i <= head.i


def _pointed_speaker(toks: list[Token], cues: CueLexicon) -> tuple[str, Token] | None:
    """The cue and the speaker's head of a sentence that points back at a quotation (see
    ``DirectAttributor._pointed_back``), or None when the sentence is no such pointer."""
    words = [t for t in toks if not t.is_punct]
    if len(words) < 3:
        return None
    first, second, third = words[0].lower_, words[1].lower_, words[2].lower_
    # "how X put it" says how X said the words, whatever follows ("put it to the committee")
    put_it = third == "how" and [t for t in words[3:-1] if t.lower_ == "put" and t.nbor(1).lower_ == "it"]
    saying = [t for t in words if _saying(t, cues)] + (put_it or [])
    if first in POINTING_ADVERBS and _saying(words[1], cues):  # "So said X", "Thus spoke X"
        head = speaker_head(words[1])
        return (words[1].text, head) if head is not None and head.i > words[1].i else None
    if first in POINTERS and second in COPULAS and third in ("how", "what") and saying:
        verb = min(saying, key=lambda t: t.i)  # "That was how X put it", "That is what X told reporters"
        head = speaker_head(verb)
        return (verb.text, head) if head is not None and words[2].i < head.i < verb.i else None
    if first in POINTERS and second in COPULAS:  # "Those were the words of X", "Such was X's verdict"
        # the noun the copula links to the demonstrative ("the words", "the verdict")
        noun = next((t for t in words[2:] if _utterance(t, cues) and t.head.i == words[1].i), None)
        owner = _owner_of(noun) if noun is not None else None
        return (noun.text, owner) if noun is not None and owner is not None else None
    return None


def _saying(token: Token, cues: CueLexicon) -> bool:
    return is_speech_cue(token, cues) or (token.pos_ == "VERB" and token.lower_ in cues.statement_acts)


def _utterance(token: Token, cues: CueLexicon) -> bool:
    return token.pos_ == "NOUN" and (token.lower_ in UTTERANCE_NOUNS or token.lower_ in cues.nouns)


def _owner_of(noun: Token) -> Token | None:
    """Whose the words are: "X's words", "the words of X", "the verdict from X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _is_title(content: str) -> bool:
    """A short quotation in title case is a title or a nickname ("Tea and Talk", "Ask the
    Mayor"), not speech: titles are capitalised headline-style, articles, short prepositions
    and conjunctions excepted (Chicago Manual of Style 8.159); speech is not."""
    words = re.findall(r"[^\W\d_]+", content)
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w in TITLE_MINOR for w in words)


def _nearest_name(cue: Token, toks: list[Token]) -> Token | None:
    """A person named before the cue ('Harlow, a senior adviser, said'), else the nearest
    noun or pronoun ('said Varga, speaking of Okafor's taxes')."""
    names = [
        t
        for t in toks
        if (t.pos_ in NAMELIKE or t.tag_ in PROPER_TAGS) and t.i != cue.i and t.dep_ != "compound"
    ]
    people_before = [t for t in names if t.i < cue.i and t.ent_type_ == "PERSON"]
    # a possessor owns the thing named after it ("reading Ms. Y's column aloud, ... repeating"):
    # it is no agent of a later verb, so a person named otherwise comes first
    agents = [t for t in people_before if not _possessor(t)]
    if agents or people_before:
        return (agents or people_before)[-1]
    # '"...," Okafor said of the new coach': a name before the cue in its region (after the
    # closing mark, or opening the sentence before a quotation) is the speaker, whatever the
    # tagger made of it (GGT's quote-speaker-cue pattern, Asr et al. 2021); a noun after the
    # cue is what was spoken about
    named_before = [t for t in names if t.i < cue.i and t.tag_ in PROPER_TAGS]
    if named_before:
        return named_before[-1]
    return min(names, key=lambda t: abs(t.i - cue.i), default=None)


def _last_clause_subject(toks: list[Token]) -> Token | None:
    """The subject of the clause that ends right before a colon: of the last verb there, or of
    the verb it complements or is coordinated with ("had to change" is "had"'s), None when the
    parse gives none."""
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
    verb = verbs[-1] if verbs else None
    for _ in range(3):
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("xcomp", "conj", "aux") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _possessor(token: Token) -> bool:
    """The owner in "Y's column" (the parser's poss, or the possessive ending after the word)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ == "poss" or (after is not None and after.tag_ == "POS")


def _enclosing(span: MarkedSpan, outer: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not span.nested:
        return None
    return next(((s, e) for s, e in outer if s < span.start and span.end <= e), None)


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Sentence ends in text[start:end], not after a title or an initial ("Mr.", "Rep.", "G.")."""
    ends = []
    for m in SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\w+)\.$", text[max(start, m.start() - 12) : m.end()])
        if word is None or (word.group(1).lower() not in ABBREVIATIONS and len(word.group(1)) > 1):
            ends.append(m.end())
    return ends


def _ends_reporters_sentence(text: str, span: MarkedSpan) -> bool:
    """'Norway branded the plan a “reckless gamble.” Sweden insisted that ...': a quotation inside
    the reporter's sentence (``inside_sentence``) whose marks close on a full stop, a question or
    an exclamation mark ends that sentence; the words after it open the next one, and a verb of
    saying there is that sentence's own, not this quotation's ("...,” Sweden said" goes on with a
    comma). A quotation that opens its sentence ("“We will win.” she said", a slip some outlets
    print) is left to the usual rule."""
    inner = text[span.start : span.end].rstrip("”\"»’' ")
    return span.closed and inner[-1:] in (".", "!", "?") and inside_sentence(text, span.start)


def inside_sentence(text: str, pos: int) -> bool:
    """Whether the quotation at ``pos`` is a fragment inside the reporter's own sentence ('The
    move drew a rebuke from the council that it was "reckless"'), not a sentence of its own: at
    least two words of the sentence come before it. A floating quotation stands alone as its
    speaker's next sentence (GGT annotation guidelines, "Floating quote"), so the statement
    before names its speaker; a fragment is the reporter's sentence quoting someone, and that
    sentence, not the paragraph before, says whose words they are."""
    line = text.rfind("\n", 0, pos) + 1
    return len(WORD.findall(text, _sentence_start(text, pos, line), pos)) >= FRAGMENT_WORDS


def _sentence_start(text: str, pos: int, floor: int) -> int:
    return max(_sentence_ends(text, floor, pos), default=floor)


def _next_sentence_end(text: str, pos: int, limit: int) -> int:
    return min(_sentence_ends(text, pos, limit), default=limit)
