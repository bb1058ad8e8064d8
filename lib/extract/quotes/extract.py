"""Quotations and reported speech, each with its speaker's surface and the actor it resolves to.

A Quote's ``speaker_text`` is the speaker as written at ``speaker_start:speaker_end`` ("he",
"the secretary", "Rep. Lee"); ``speaker_id`` is the actor of the name that surface resolves to
(lib/extract/quotes/speakers.py), found through the document's mentions, or None when that name is no actor.

Three sources of statements, all attributed through the cues of lib/lexicons/reporting_verbs.yaml:
direct quotations between marks (lib/extract/quotes/direct.py), embedded social-media posts signed
"— Name (@handle) Date", and reported speech (lib/extract/quotes/indirect.py). The approach follows the
SFU Gender Gap Tracker's quote extractor (Asr et al. 2021, PLOS ONE), textacy's
``direct_quotations`` and Pareti's PARC attribution relations (cue, source, content).
Direct quotations include their marks, so their kind can be read off the text; two quotations
around their attribution ('“A,” X said. “B.”') are two statements, as the GGT annotation
guidelines (section 1) require. Lines opening
with a speaker's name and a colon (transcripts, headlines) are statements of that speaker.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc as SpacyDoc

from lib.extract.quotes.attribution import BELIEF, CUED_QUOTATION, INFERRED, Found, Tokens
from lib.extract.quotes.cues import CueLexicon, load_cues
from lib.extract.quotes.direct import DirectAttributor, inside_sentence
from lib.extract.quotes.indirect import extract_indirect
from lib.extract.quotes.marks import ASCII_OPEN, DOUBLE_CLOSE, DOUBLE_OPEN, STRAIGHT, find_marked_spans
from lib.extract.quotes.speakers import (
    BY_POSITION,
    GENDER_PRONOUNS,
    GROUP_PRONOUNS,
    GUESS_BELOW,
    PERSON_PRONOUNS,
    UNLINKED_NAME_CERTAINTY,
    Basis,
    Name,
    Resolver,
    certainty_of,
    inside,
    namesakes,
    shown_span,
    via,
)
from lib.extract.quotes.transcripts import inline_turns
from lib.records import Actor, Document, Mention, Quote, QuoteKind, QuoteScope

NOT_PROSE = ("caption", "credit")
URLS = re.compile(r"(\s*(https?://|pic\.twitter\.com/)\S+)+\s*$")
DUPLICATE_OVERLAP = 0.85
# '"VELLA: Well, ..."': a transcript turn quoted whole is its speaker's line (see _colon_lines)
TRANSCRIPT_LABEL = re.compile(r"[\"“](?:[A-Z][A-Z.’'-]+\s){0,2}[A-Z][A-Z.’'-]+:\s")
MIXED_MARKS = '“”«»"`'  # "`" opens ASCII newswire's ``...'' (marks.ASCII_OPEN)
# what ends a sentence's line: its punctuation or a closing mark, the two apostrophes ('') that
# some newspaper archives write for a closing double mark included (lib/extract/quotes/marks.py)
LINE_ENDS = ".!?:;\"”’')…]"
FLOATING_LINES = 2  # a floating quotation takes the speaker of a statement at most a paragraph up
CONTINUING = frozenset({"continue", "continues", "continued", "continuing"})  # "..., the mayor continued"
PARAGRAPH_BREAK = 2  # line breaks between two paragraphs
# "according to him/her": the object case a preposition demands, the source of the statement all the
# same (the pronoun of "he said"); read only right after the words of its cue
ACCORDING_TO_END = re.compile(r"\baccording\s+to\s*$", re.IGNORECASE)
SPEAKER_OBJECTS = frozenset({"him", "her"})


def extract_quotes(
    doc: Document, sdoc: SpacyDoc, mentions: Sequence[Mention], actors: Mapping[str, Actor]
) -> list[Quote]:
    """Every statement of ``doc``: direct quotations, embedded posts and reported speech."""
    return extract_attributions(doc, sdoc, mentions, actors)[0]


def extract_attributions(
    doc: Document, sdoc: SpacyDoc, mentions: Sequence[Mention], actors: Mapping[str, Actor]
) -> tuple[list[Quote], list[Quote]]:
    """The statements of ``doc`` (GGT's definition: what a source says), a statement that PolNeAR
    counts as part of a longer one marked "part", and the attributions that are no statements
    (scope "wide": beliefs, plans, findings, embedded questions, the whole of an interrupted
    statement; PolNeAR, Newell et al. 2018). One pass finds both: the wide records never change
    which statements are found."""
    cues = load_cues()
    tokens = Tokens(sdoc)
    excluded = [(b.start, b.end) for b in doc.blocks if b.kind in NOT_PROSE]
    posts = _posts(doc, cues)
    spans = [
        s
        for s in find_marked_spans(doc.text)
        if not inside(s.start, excluded + [(p.start, p.end) for p in posts])
    ]
    # '“A,” said X, “B.”' stays two quotations: "Do not join two consecutive quotations if the first
    # quotation is finished with a quotation mark ... or if any word external to the speech appears
    # in between" (GGT annotation guidelines, section 1)
    quoted = [(s.start, s.end) for s in spans if not s.nested]
    people = [(m.start, m.end) for m in mentions if m.doc_id == doc.id and _is_person(m.actor_id, actors)]
    resolver = Resolver(sdoc, quoted, cues, people, excluded, doc.title or "")
    attributor = DirectAttributor(doc.text, tokens, resolver, quoted, cues)
    found = [f for s in spans if (f := attributor.attribute(s)) is not None]
    found = [
        f
        for f in found
        if not TRANSCRIPT_LABEL.match(doc.text, f.start) and not _under_label(doc.text, f.start, cues)
    ]
    found += posts
    voices = [(m.start, m.end) for m in mentions if m.doc_id == doc.id and _can_speak(m.actor_id, actors)]
    lines = _colon_lines(doc, cues) + inline_turns(doc.text, cues, voices)
    found = _with_colon_speakers(found, lines, doc.text)
    indirect = [
        f for f in extract_indirect(sdoc, quoted, resolver, cues) if not _in_teaser(doc.text, f.start)
    ]
    reported = [f for f in indirect if f.scope == "statement" and not _duplicate(f, found)]
    wider = [f for f in indirect if f.scope != "statement"]
    headline = _headline(doc.text, cues)
    if headline is not None:  # its parse is unreliable: the pattern replaces what was read there
        found = [f for f in found if f.end <= headline.start or f.start >= headline.end] + [headline]
        reported = [f for f in reported if f.end <= headline.start or f.start >= headline.end]
        wider = [f for f in wider if f.end <= headline.start or f.start >= headline.end]
    found = _drop_repeated(_absorb_partial_quotes(found, reported, tokens, cues))
    found = _continued_quotations(doc.text, found)
    found = _one_per_statement(_floating_speakers(doc.text, found, resolver, excluded), doc.text, resolver)
    own = [m for m in mentions if m.doc_id == doc.id]
    kept = list({(f.start, f.end): f for f in reversed(found) if not inside(f.start, excluded)}.values())
    kept.sort(key=lambda f: (f.start, f.end))
    joined = _joined_quotations(kept, doc.text, cues, tokens)
    wider = [f for f in wider + joined if not inside(f.start, excluded)]
    wide = _wide_only(wider, kept)
    # the whole of an interrupted statement, and an act's content that quotes its speaker ('vowed
    # to punish “those who ...”'): PolNeAR counts the quoted words inside them once, as the whole
    joins = [f for f in wide if f.scope == "join"] + [
        f for f in wide if f.scope == "wide" and f.kind == "indirect"
    ]
    statements = [_record(doc, f, own, actors, _scope_of(f, joins, kept, doc.text)) for f in kept]
    return statements, [_record(doc, f, own, actors, "wide") for f in wide]


# '“A,” she said, “B.”' / '“A,” she said in a speech. “B.”': between two quotations of one
# speaker, only her attribution, in one paragraph, however long the description of the speaker
# it holds ('“A,” said X, an engineer who ... . “B.”': PolNeAR joins them all the same)
INTERRUPTION = re.compile(r"[^\n]+")
COORDINATED = re.compile(r"[\s,]*(?:and|but|or)(?:\s+then)?\s+")


def _joined_quotations(found: list[Found], text: str, cues: CueLexicon, tokens: Tokens) -> list[Found]:
    """Two quotations of one speaker around their attribution ('“A,” she said, “B.”', also when
    the attribution ends a sentence and the second quotation opens the next): GGT keeps two
    statements (annotation guidelines, section 1), PolNeAR one discontinuous content (Newell et
    al. 2018): the whole, from the first's start to the second's end, is a "join". Not when the
    words between hold a second verb of saying ('“A,” she said, adding later, “B.”'): B is the
    content of that verb, a statement of its own in PolNeAR too."""
    out = []
    for f, g in itertools.pairwise(found):
        a, b = f.speaker, g.speaker
        if a is None or b is None or (a.start, a.end) != (b.start, b.end) or g.kind != "direct":
            continue
        if COORDINATED.fullmatch(text, f.end, g.start) and f.cue == g.cue:
            # 'claiming that X is “A” but “B”', 'told them to “A” and then “B”': one content
            # coordinating two quotations (PolNeAR); GGT keeps the quotations apart, a word
            # external to the speech coming between them (annotation guidelines, section 1)
            out.append(replace(f, end=g.end, confidence=min(f.confidence, g.confidence), scope="join"))
            continue
        if f.kind != "direct":
            continue
        verbs = [t for t in tokens.within(f.end, g.start) if t.pos_ == "VERB" and t.lower_ in cues.speech]
        if len(verbs) > 1:
            continue
        if f.end <= a.start and a.end <= g.start and INTERRUPTION.fullmatch(text, f.end, g.start):
            out.append(replace(f, end=g.end, confidence=min(f.confidence, g.confidence), scope="join"))
    return out


def _wide_only(wider: list[Found], statements: list[Found]) -> list[Found]:
    """The wide records that are no statement already found (nor one another), in text order. The
    whole of an interrupted quotation is no duplicate of the pieces it joins, however much of it
    the second piece holds ('“A,” she said, “B ...”'): its pieces become parts of it."""
    out: list[Found] = []
    for f in sorted(wider, key=lambda f: (f.start, -f.end)):
        others = [s for s in statements if f.scope != "join" or not f.start <= s.start < s.end <= f.end]
        if not _duplicate(f, others) and not _duplicate(f, out):
            out.append(f)
    return out


def _scope_of(f: Found, joins: list[Found], statements: list[Found], text: str = "") -> QuoteScope:
    """A statement inside the whole of an interrupted statement of the same speaker, or the quoted
    words kept beside the mixed statement they are part of (``_quoted_within``), is a part: PolNeAR
    counts the whole statement once (Newell et al. 2018)."""
    in_join = any(
        _inside_but_marks(f, j, text) and _same_speaker(f, j) and (j.scope == "join" or _quoted_act(f, j))
        for j in joins
    )
    quoted = any(_quoted_within(f, g) and _same_speaker(f, g) for g in statements if g is not f)
    return "part" if in_join or quoted else "statement"


def _inside_but_marks(f: Found, host: Found, text: str) -> bool:
    """``f`` lies inside ``host``, but for the closing marks and punctuation the host's span
    leaves out."""
    return host.start <= f.start and (f.end <= host.end or not text[host.end : f.end].strip(LINE_ENDS + ", "))


def _quoted_act(f: Found, act: Found) -> bool:
    """Quoted words that end an act's content through the act's own cue ('promising cheaper bread
    and “work, work, work”'): the speaker's words inside the act, one attribution in PolNeAR."""
    return f.kind == "direct" and f.cue == act.cue and f.start > act.start


def _posts(doc: Document, cues: CueLexicon) -> list[Found]:
    """Embedded posts: the line before "— Author (@handle) Date" is a direct quotation of Author."""
    pattern = re.compile(
        r"^(?P<post>\S.*?)\s+[—–―]\s+(?P<author>[^\n—–―(]+?)\s+" + cues.post_handle_pattern + r"[^\n]*$",
        re.M,
    )
    found = []
    for m in pattern.finditer(doc.text):
        post = URLS.sub("", m.group("post"))
        a, b = m.span("author")
        name = Name(a, b, m.group("author"), a, b, True, True)
        found.append(Found(m.start("post"), m.start("post") + len(post), "direct", "—", name, CUED_QUOTATION))
    return found


COLON_LINE = re.compile(
    r"^(?P<open>[\"“]?)(?P<who>(?:[A-Z][\w.’'-]*\s){0,2}[A-Z][\w.’'-]*):\s+(?P<what>\S[^\n]*?)\s*$", re.M
)


def _colon_lines(doc: Document, cues: CueLexicon) -> list[Found]:
    """ "VELLA: Well, now ..." in a transcript, "Orr: Vella needs to ..." in a headline: the
    capitalised name opening a line is the speaker of the rest of it (PolNeAR, Newell et al. 2018)."""
    found = []
    for m in COLON_LINE.finditer(doc.text):
        if m.group("who").lower() in cues.colon_labels or len(m.group("what").split()) < 3:
            continue
        start, end = m.span("what")
        if m.group("open"):  # the line's opening mark is before the name: drop its closing one
            end -= len(m.group("what")) - len(m.group("what").rstrip('"”'))
        a, b = m.span("who")
        name = Name(a, b, m.group("who"), a, b, True, False, basis=Basis.LABEL)
        found.append(Found(start, end, "indirect", ":", name, INFERRED))
    return found


def _in_teaser(text: str, pos: int) -> bool:
    """A line below the first that ends with no sentence punctuation ("Senator says plan will
    pass") is a link to another story or a subheading, not the reporter's prose; the first
    line, the headline, is left to the headline rule."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : len(text) if end < 0 else end].rstrip()
    return start > 0 and bool(line) and line[-1] not in LINE_ENDS


LINE_LABEL = re.compile(r"[ \t]*([A-Za-z][A-Za-z’' ]{0,20}?)\s*:")


def _under_label(text: str, pos: int, cues: CueLexicon) -> bool:
    """A quotation on a line that opens with a heading label ("READ MORE: ‘...’: the rise of
    ...", "WATCH: ...") is the title of a linked story or video, not anyone's words."""
    start = text.rfind("\n", 0, pos) + 1
    m = LINE_LABEL.match(text, start)
    return m is not None and m.end() <= pos and m.group(1).strip().lower() in cues.link_labels


def _named_elsewhere(text: str, label: str, label_start: int) -> bool:
    """A line label names a speaker only when its last word is written as a name elsewhere in
    the text ("VELLA:" and "Vella said"): "ENERGY:", "Warning:" or "Email:" are
    section headings and field labels (a heading is not a source, GGT guidelines)."""
    word = label.split()[-1].rstrip(".’'")
    name = word[:1].upper() + word[1:].lower() if word.isupper() else word
    pattern = re.compile(r"\b(?:" + re.escape(name) + "|" + re.escape(word) + r")\b")
    # a transcript's capitals ("VELLA:") name a speaker however often they repeat; a heading in
    # ordinary case ("Further Links:") repeated as a heading names nobody
    heading = not word.isupper()
    return any(
        (m.start() < label_start or m.start() > label_start + len(label))
        and not (heading and _label_again(text, m.end()))
        for m in pattern.finditer(text)
    )


def _label_again(text: str, end: int) -> bool:
    """The word ends a label of its own ("Further Links:" above another link): a heading
    repeated is no name written elsewhere."""
    return text.startswith(":", end) and text.rfind("\n", 0, end) >= text.rfind(".", 0, end)


def _with_colon_speakers(found: list[Found], lines: list[Found], text: str) -> list[Found]:
    """Colon lines that are no quotation found already and whose label names someone, and the
    line's name as the speaker of a quotation found with none ('Marten: “We have offered
    talks.”', its name misparsed)."""
    out = list(found)
    for line in lines:
        same = [i for i, f in enumerate(out) if _duplicate(line, [f])]
        for i in same:
            if out[i].speaker is None:
                out[i] = replace(out[i], cue=":", speaker=line.speaker, confidence=line.confidence)
        label = line.speaker
        if not same and label is not None and _named_elsewhere(text, label.text, label.start):
            out.append(line)
    return out


HEADLINE = re.compile(
    r"^(?P<who>(?:[A-Z][\w.’'-]*\s){0,4}[A-Z][\w.’'-]*)\s(?P<cue>[A-Za-z]+s)\s(?P<what>[^\n]*?\w[^\n]*?)[.\s]*\n"
)

# A headline is one short line: looked for only there, since on a long text without a line break
# (a 1 MB paste) HEADLINE's lazy runs backtrack for minutes.
HEADLINE_MAX_CHARS = 400


def _headline(text: str, cues: CueLexicon) -> Found | None:
    """ "Senator Calls Plan ‘A Disaster’": a headline opening with a name and a reporting verb in
    the headline present tense. Headlines are capitalised and elliptical, so the parser misreads
    them; PolNeAR annotates their attributions like any other (Newell et al. 2018)."""
    first_line = text[: text.find("\n", 0, HEADLINE_MAX_CHARS) + 1]
    m = HEADLINE.match(first_line)  # "" when no line break comes early: else lazy runs backtrack
    if m is None or m.group("cue").lower() not in cues.speech | cues.statement_acts:
        return None
    a, b = m.span("who")
    name = Name(a, b, m.group("who"), a, b, True, False, basis=Basis.LABEL)
    start, end = m.span("what")
    end -= len(m.group("what")) - len(m.group("what").rstrip(" .,;:"))
    return Found(start, end, "indirect", m.group("cue"), name, BELIEF)


def _absorb_partial_quotes(
    found: list[Found], reported: list[Found], tokens: Tokens, cues: CueLexicon
) -> list[Found]:
    """'X said the plan was "dead on arrival"': a quotation that is part of reported speech makes
    one mixed attribution whose content is the whole clause (PolNeAR, Newell et al. 2018; PARC,
    Pareti 2016): the clause is extended to the closing mark and the quotation is no statement
    of its own. Every clause the quotation is part of is extended, the nested one too ('X said
    the report shows Y is "open to talks"'). The quotation stays a statement only when no such
    clause's cue governs it directly, or when one is "according to" X, which attributes it as such."""
    kept: list[Found] = []
    for f in found:
        hosts = [i for i, r in enumerate(reported) if _part_of(f, r)]
        according = any(reported[i].cue == "according to" for i in hosts)
        if according or not any(_governs(reported[i], f, tokens, cues) for i in hosts):
            kept.append(f)
        for i in hosts:
            r = reported[i]
            reported[i] = replace(r, end=max(r.end, f.end), speaker=r.speaker or f.speaker)
    return kept + reported


def _governs(r: Found, f: Found, tokens: Tokens, cues: CueLexicon) -> bool:
    """Whether the reported clause's own cue is the quotation's: no nested cue between them."""
    return not _nested_cue(f, r, tokens, cues)


# a quotation's speaker found by position only (the statement before it): what the quotation's
# own continuation, attributed at its cue, overrides
BY_INHERITANCE = frozenset({Basis.INHERITED, Basis.INHERITED_FRAGMENT})
OPENING_MARKS = DOUBLE_OPEN + STRAIGHT + ASCII_OPEN[0]
REOPENING = re.compile(rf"[^\S\n]*\n\s*[{OPENING_MARKS}]")


def _continued_quotations(text: str, found: list[Found]) -> list[Found]:
    """A quotation that runs over several paragraphs has an opening mark at the start of each
    paragraph and a closing mark only at the end of the last (Chicago Manual of Style 13.30; AP):
    a quotation left open at its paragraph's end, whose next paragraph reopens a quotation, is
    one quotation with it, and the speaker that continuation's cue names ('“...,” she said.')
    speaks the paragraphs before too. Taken only where the open part has no speaker of its own
    evidence (none, or the previous statement's by position), from a continuation that has one
    at its own cue; last first, so a chain of paragraphs takes the speaker at its end."""
    by_start = {f.start: f for f in found if f.kind == "direct"}
    out = {id(f): f for f in found}
    for f in sorted(found, key=lambda f: -f.start):
        f = out[id(f)]
        if f.kind != "direct" or (f.speaker is not None and f.speaker.basis not in BY_INHERITANCE):
            continue
        if (
            f.end < 1
            or text[f.end - 1] in DOUBLE_CLOSE + STRAIGHT + "'"
            or text[f.start : f.start + 1] not in OPENING_MARKS
        ):
            continue  # closed within its paragraph, or no quotation in marks
        if text[f.end : _line_end(text, f.end)].strip() or _line_end(text, f.end) == len(text):
            continue  # the paragraph goes on after it, or the text ends
        reopened = REOPENING.match(text, f.end)
        nxt = by_start.get(reopened.end() - 1) if reopened is not None else None
        if reopened is None or nxt is None or text.count("\n", f.end, nxt.start) > PARAGRAPH_BREAK:
            continue
        nxt = next((g for g in out.values() if g.start == nxt.start and g.kind == "direct"), nxt)
        who = nxt.speaker
        if who is None or who.basis in BY_INHERITANCE:
            continue
        out[id(f)] = replace(f, speaker=who, cue=nxt.cue)
    return [out[id(f)] for f in found]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _floating_speakers(
    text: str, found: list[Found], resolver: Resolver, furniture: Sequence[tuple[int, int]] = ()
) -> list[Found]:
    """A quotation with no speaker and no cue is a floating quote; "most of the time the source
    can be inferred from context" (GGT annotation guidelines, "Floating quote"): the speaker of
    the statement right before it, direct or reported, when no more than a paragraph break
    lies between them. So is "he"/"she" that no name nearby resolved, or only by position: the
    person speaking is the most salient one (Lappin & Leass 1994 rank the current topic first),
    when their gender does not disagree. The inferred speaker is less certain than one at a cue."""
    out: list[Found] = []
    previous: Found | None = None
    voice: Name | None = None  # the last speaker given on evidence, not a fragment's guess
    continued: dict[tuple[int, int], Name] = {}  # a surface "continues" resolved, for its other parts
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if f.speaker is not None and (f.speaker.start, f.speaker.end) in continued and not f.speaker.resolved:
            f = replace(f, speaker=continued[(f.speaker.start, f.speaker.end)])  # one cue, one speaker
        near = previous is not None and _breaks(text, previous.end, f.start, furniture) <= FLOATING_LINES
        last = previous.speaker if previous is not None and near else None
        if last is not None and last.basis is Basis.INHERITED_FRAGMENT:
            last = voice  # a guessed fragment passes on the speaker it guessed, as sure as before
        if last is not None and f.speaker is None and f.cue is None and f.kind == "direct":
            basis = Basis.INHERITED_FRAGMENT if inside_sentence(text, f.start) else Basis.INHERITED
            f = replace(f, speaker=via(last, basis), confidence=INFERRED)
        elif (
            last is not None
            and f.speaker is not None
            and (_open_pronoun(f.speaker, text, last, resolver) or _goes_on(f, text, last))
        ):
            who = f.speaker
            name = replace(via(last, Basis.INHERITED), start=who.start, end=who.end)
            f = replace(f, speaker=name)
            if who.basis is Basis.SURFACE:
                continued[(who.start, who.end)] = name
        out.append(f)
        if f.speaker is not None and not _reported_within(f, previous):
            previous = f
            if f.speaker.basis is not Basis.INHERITED_FRAGMENT:
                voice = f.speaker
    return out


def _reported_within(f: Found, host: Found | None) -> bool:
    """ "He said that the league had to admit that it was broke. “...,” he shouted.": a
    statement of no person reported inside another's words (a body, a group, a document the
    host speaks of) is part of the host's speech, and the host stays the person speaking: a
    "he" after it goes on with the host. A person reported inside them ("he said Y admitted
    ...") is a candidate of their own and is read as before."""
    return (
        host is not None
        and f.speaker is not None
        and host.start <= f.start
        and f.end <= host.end
        and (f.start, f.end) != (host.start, host.end)
        and not f.speaker.person
    )


def _breaks(text: str, start: int, end: int, furniture: Sequence[tuple[int, int]]) -> int:
    """Line breaks between two statements, not counting a caption or a credit between them and
    the paragraph break it brings: a photo's caption stands outside the text's flow."""
    captions = sum(1 for s, e in furniture if start <= s and e <= end)
    return text.count("\n", start, end) - PARAGRAPH_BREAK * captions


def _goes_on(f: Found, text: str, last: Name) -> bool:
    """ "“...,” says Ivo Marek. / “...,” the Ohio governor continues.": "continue" as a verb of
    saying presupposes that its subject was speaking (Karttunen 1971: aspectual verbs presuppose
    the activity before), so a description nothing else resolved, as the subject of "continues"
    right after a named person's statement, re-describes that person (news varies the words it
    names its speaker by). "Added" is not read so: a second source adds to a report as often."""
    who = f.speaker
    if who is None or who.resolved or who.basis is not Basis.SURFACE or not last.person or not last.resolved:
        return False
    surface = text[who.start : who.end].lower()
    return (f.cue or "").lower() in CONTINUING and surface.startswith("the ")


def _open_pronoun(who: Name, text: str, last: Name, resolver: Resolver) -> bool:
    """A "he"/"she" that no name resolved, or only by position (its gender unknown), and a
    previous speaker who is a person it may refer to: the speaker stays the topic. A previous
    source the text described without naming ("a witness told ...") is such a person too, and
    then the ranker's referent named before it spoke is no better evidence. "According to
    him/her" right after a person spoke is such a pronoun too (``_according_to``), taken only when
    nobody was named since that person: the case alone tells no gender-blind reader more."""
    pronoun = text[who.start : who.end].lower()
    weak = not who.resolved or who.basis in BY_POSITION
    if pronoun in SPEAKER_OBJECTS and _according_to(who, text):
        agreed = last.person and resolver.agrees(pronoun, last)
        return weak and agreed and not _named_since(last, who, resolver)
    if pronoun not in ("he", "she") or not resolver.agrees(pronoun, last):
        return False
    if last.person:
        return weak
    # the ranker weighs named people only: a described source who spoke after its choice was
    # last named is evidence it never saw (speakers.Resolver.describes_person)
    ranked = who.basis is Basis.RANKED and who.name_start < last.start
    return resolver.describes_person(last) and (weak or ranked)


def _according_to(who: Name, text: str) -> bool:
    """ "According to him, ...": the pronoun is the statement's source, in the object case only
    because a preposition governs it; it continues a speaker as "he said" does."""
    return ACCORDING_TO_END.search(text, max(0, who.start - 20), who.start) is not None


def _named_since(last: Name, who: Name, resolver: Resolver) -> bool:
    """Whether the text names a person after the previous speaker's mention and before ``who``
    (outside quotations): "According to X, ... Y inspected the cranes. According to him, ...":
    Y may be the one meant, and no rule of the words says which."""
    return any(last.end <= p.start_char and p.end_char <= who.start for p in resolver.persons)


def _one_per_statement(found: list[Found], text: str = "", resolver: Resolver | None = None) -> list[Found]:
    """Overlapping spans of one speaker are one statement found twice (a clause and a quotation
    inside it, two cues of one sentence): one record, over both spans. A nested statement of
    another speaker ('X said Y had warned that ...') is a statement of its own and stays."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        host = next(
            (
                i
                for i, g in enumerate(out)
                if f.start < g.end and (_same_speaker(f, g) or _reporter_pronoun(f, g, text, resolver))
            ),
            None,
        )
        if host is None:
            out.append(f)
            continue
        g = out[host]
        kind = "direct" if "direct" in (f.kind, g.kind) else g.kind
        out[host] = replace(g, end=max(g.end, f.end), kind=kind)
        if _quoted_within(f, g):
            out.append(f)  # the speaker's own words inside the paraphrase stay findable as such
    return sorted(out, key=lambda f: (f.start, -f.end))


def _quoted_within(f: Found, g: Found) -> bool:
    """A quotation strictly inside a paraphrase of the same statement ('said NATO was "open to
    dialogue"'): the mixed statement is one record (GGT guidelines, "Paraphrase with direct quote
    within it"), and the quoted words, which the reporter vouches for verbatim, are kept beside it
    as a direct quotation (the seeds' acceptance spec asks for them)."""
    return f.kind == "direct" and g.start < f.start and f.end <= g.end


def _reporter_pronoun(f: Found, g: Found, text: str, resolver: Resolver | None) -> bool:
    """A pronoun left without a referent (lib/extract/quotes/speaker_ranker.py abstained) that
    speaks inside the statement of a speaker it agrees with ('X said he had warned that ...', 'the
    ministry said it had ...'): a pronoun in reported speech refers to its reporter unless the
    text says otherwise (logophoric reference, Clements 1975), so the two spans are one statement,
    as when the pronoun resolved to the reporter."""
    a, b = f.speaker, g.speaker
    if a is None or b is None or resolver is None or a.resolved or not b.resolved:
        return False
    if not g.start <= a.start < g.end:
        return False
    pronoun = text[a.start : a.end].lower()
    if pronoun in ("he", "she"):
        return b.person and resolver.agrees(pronoun, b)
    if pronoun == "it":
        return not b.person and not b.group
    return pronoun == "they" and (b.group or not b.person)


def _same_speaker(f: Found, g: Found) -> bool:
    a, b = f.speaker, g.speaker
    if a is None or b is None:
        return False
    return (a.start, a.end) == (b.start, b.end) or (a.resolved and b.resolved and a.text == b.text)


def _drop_repeated(found: list[Found]) -> list[Found]:
    """Quoted words ending a statement of the same speaker through the same cue ('X said the
    spate of shootings demands "more listening"') are that statement found a second time: PolNeAR
    annotates the attribution once (Newell et al. 2018). "According to X" is exempt: it
    attributes the quotation as such (see ``_absorb_partial_quotes``)."""
    return [f for f in found if f.kind != "direct" or not any(_repeats(f, g) for g in found)]


def _repeats(f: Found, g: Found) -> bool:
    same_speaker = f.speaker is not None and g.speaker is not None and f.speaker.start == g.speaker.start
    at_edge = f.end == g.end or f.start == g.start  # a mixed quotation: the host is one statement
    return _strictly_in(f, g) and at_edge and same_speaker and f.cue == g.cue and g.cue != "according to"


def _strictly_in(f: Found, g: Found) -> bool:
    return g.start <= f.start and f.end <= g.end and (g.start, g.end) != (f.start, f.end)


def _nested_cue(f: Found, r: Found, tokens: Tokens, cues: CueLexicon) -> bool:
    """A cue between the quotation and the reported clause's own cue governs the quotation."""
    words = [t for t in tokens.within(f.start, f.end) if t.is_alpha]
    if not words:
        return False
    # the quotation's own verb ('said he "doesn't know the answer"') is no cue over it
    above = [a for a in words[0].ancestors if r.start <= a.idx < r.end and not f.start <= a.idx < f.end]
    return any(a.lower_ in cues.speech | cues.belief | cues.evidence for a in above)


def _part_of(f: Found, r: Found) -> bool:
    """``f`` is a shorter quotation overlapping the reported clause ``r`` and starting inside it."""
    return f.kind == "direct" and r.start <= f.start < r.end and f.end - f.start < r.end - r.start


def _duplicate(f: Found, found: list[Found]) -> bool:
    """Reported speech that is mostly one quotation already found."""
    for g in found:
        overlap = min(f.end, g.end) - max(f.start, g.start)
        if overlap > DUPLICATE_OVERLAP * (f.end - f.start):
            return True
    return False


_OF = re.compile(r"\bof\b", re.IGNORECASE)


def _of_complement(name: Name, mention: Mention) -> bool:
    """The mention closes an "of" phrase of the description ("the head of the Governor's Office",
    "a member of the Lowtown Council"): it names what the speaker heads or belongs to, not the
    speaker, whose head noun comes before it."""
    return _OF.search(name.text, 0, max(0, mention.start - name.start)) is not None


def _mention_over(start: int, end: int, mentions: Sequence[Mention]) -> Mention | None:
    """The mention that overlaps [start, end) most (the longer one on a tie)."""
    best = max(
        mentions,
        key=lambda m: (min(end, m.end) - max(start, m.start), m.end - m.start),
        default=None,
    )
    if best is None or min(end, best.end) <= max(start, best.start):
        return None
    return best


def _kind(f: Found, text: str) -> QuoteKind:
    """Reported speech that opens or closes inside quotation marks ('said the plan was "dead."')
    is a mixed quotation, counted as direct (the PolNeAR and GGT annotation convention)."""
    bare = text.strip().rstrip(".,;:!?…)]—–- ")
    mixed = bool(bare) and (bare[0] in MIXED_MARKS or bare[-1] in MIXED_MARKS or bare.endswith("''"))
    return "direct" if f.kind == "direct" or mixed else "indirect"


def _can_speak(actor_id: str, actors: Mapping[str, Actor]) -> bool:
    """A person or a body: the parser often takes a person's name for an organisation's."""
    actor = actors.get(actor_id)
    return actor is not None and actor.type in ("person", "organization")


def _is_person(actor_id: str, actors: Mapping[str, Actor]) -> bool:
    actor = actors.get(actor_id)
    return actor is not None and actor.type == "person"


def _record(
    doc: Document,
    f: Found,
    mentions: Sequence[Mention],
    actors: Mapping[str, Actor],
    scope: QuoteScope = "statement",
) -> Quote:
    """``speaker_text`` is the speaker's surface ("he", "the secretary"); ``speaker_id`` is the
    actor the resolved name (else the surface) is a mention of, None when neither is one."""
    name = f.speaker
    # evidence often wrong (a pronoun nobody or two people fit) leaves the surface and no actor
    weak = name is not None and name.certainty < GUESS_BELOW
    speaker_id = _speaker_id(name, mentions, actors, doc.text) if name is not None and not weak else None
    certainty = 0.0
    shown = (0, 0)
    if name is not None:
        certainty = name.certainty if speaker_id is not None else _unlinked(name, doc.text)
        shown = shown_span(name, doc.text, speaker_id is not None)
    return Quote(
        doc_id=doc.id,
        speaker_id=speaker_id,
        speaker_text=doc.text[shown[0] : shown[1]],
        text=doc.text[f.start : f.end],
        kind=_kind(f, doc.text[f.start : f.end]),
        cue=f.cue,
        start=f.start,
        end=f.end,
        confidence=round(f.confidence, 2),
        speaker_start=shown[0] if name else None,
        speaker_end=shown[1] if name else None,
        speaker_confidence=round(certainty, 2),
        scope=scope,
    )


# bases whose certainty was measured on the surface they show, with no actor
SHOWN_AS_WRITTEN = frozenset({Basis.SURFACE, Basis.AMBIGUOUS, Basis.UNRESOLVED, Basis.GROUP})


def _unlinked(name: Name, text: str) -> float:
    """The certainty of a speaker no actor holds, which the pages show as written: a name as a
    name no actor holds; anything else (a "he" or "the company" resolved to a name that is no
    actor) as the surface it shows, a phrase kept or a pronoun that names nobody. Evidence that
    gives no actor by design (a surface kept, people named together) was measured as shown."""
    if name.group or name.basis in SHOWN_AS_WRITTEN:
        return name.certainty
    if name.basis in (Basis.NAME, Basis.LABEL):
        return min(name.certainty, UNLINKED_NAME_CERTAINTY)
    shown = shown_span(name, text, False)
    pronoun = text[shown[0] : shown[1]].lower() in PERSON_PRONOUNS | GROUP_PRONOUNS
    return min(name.certainty, certainty_of(Basis.UNRESOLVED if pronoun else Basis.SURFACE))


def _speaker_id(
    name: Name, mentions: Sequence[Mention], actors: Mapping[str, Actor], text: str = ""
) -> str | None:
    """A place is nobody's voice: "The Nordland County Governor" is not the county Nordland. Nor is
    a modifier of an unresolved description: "the league commissioner" is a person, not the
    league, so its actor must span the description's last word, its head."""
    if name.group:
        return None
    speakers = [m for m in mentions if m.actor_id in actors and actors[m.actor_id].type != "place"]
    if not name.resolved:
        speakers = [m for m in speakers if m.start < name.end <= m.end and not _of_complement(name, m)]
    mention = _mention_over(name.name_start, name.name_end, speakers) or _mention_over(
        name.start, name.end, speakers
    )
    if mention is None:
        return None
    actor = actors[mention.actor_id].name
    if name.resolved and name.person and namesakes(name.text, actor) and _told_apart(name, actor, text):
        # "Paul Marek ... his wife, Ada Marek ... He said": the surname's mention was linked to
        # the relative, whom the pronoun's gender rules out; the person the name was resolved
        # to has an actor of their own, or none is given
        return next((m.actor_id for m in speakers if actors[m.actor_id].name == name.text), None)
    return mention.actor_id


def _told_apart(name: Name, actor: str, text: str) -> bool:
    """Whether the speaker as written says its gender ("he", "Mr. Marek") and the actor's given
    name is of the other gender. Without such a word the actor layer's link stands: a bare
    surname of namesakes may be either, and the actor layer may know whom the text means."""
    cues = load_cues()
    surface = text[name.start : name.end].lower()
    said = GENDER_PRONOUNS.get(surface)
    if said is None:
        before = text[max(0, name.start - 6) : name.start].split()
        word = before[-1].lower() if before else ""
        said = next((g for g, words in cues.honorifics.items() if word in words), None)
    given = actor.split()[0].lower() if actor.split() else ""
    known = next((g for g, words in cues.first_names.items() if given in words), None)
    return said is not None and known is not None and said != known
