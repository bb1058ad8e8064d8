"""Reported speech: the complement clause of a reporting verb, and "according to X, ...".

The content is the clausal complement (``ccomp``) of a verb of saying, the syntactic rule of the
Gender Gap Tracker's quote extractor (Asr et al. 2021) and of PARC's content spans (Pareti 2016):
the speaker and the cue are outside it. Verbs of thinking (PARC "cognition") give attributed
beliefs with a lower confidence. Clauses inside a quotation belong to that quotation.
"""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from lib.attribution import CUE_POS, Found, cue_text, inside
from lib.cues import CueLexicon
from lib.speakers import SUBJECTS, Resolver, speaker_head, speaker_tokens

MIN_TOKENS = 3
FIRST_AND_SECOND_PERSON = frozenset({"i", "me", "we", "us", "you"})
PARENTHETICAL = frozenset({"parataxis"})  # "The plan, he said, is dead"
TRAILING = ".,;: "


def _confidence(cue: Token, cues: CueLexicon) -> float | None:
    if cue.lower_ in cues.speech:
        return 0.75
    if cue.lower_ in cues.belief or cue.lower_ in cues.evidence:
        return 0.5
    return None


def _without_lead_in(tokens: list[Token]) -> list[Token]:
    """Drop the complementizer and a short lead-in before the clause's subject ("that for his
    part the letter ..."): they belong to the reporter's framing, not to what was said."""
    if len(tokens) > 1 and tokens[0].lower_ == "that" and tokens[0].dep_ == "mark":
        tokens = tokens[1:]
    head = tokens[0].head
    subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    lead = tokens[0]
    if (
        subject is None
        or lead.dep_ != "prep"
        or lead.head.i != head.i
        or lead.right_edge.i >= subject.left_edge.i
    ):
        return tokens
    rest = [t for t in tokens if t.i > lead.right_edge.i]
    return rest if len(rest) >= MIN_TOKENS and lead.right_edge.i - lead.i < 4 else tokens


def _char_span(tokens: list[Token], text: str) -> tuple[int, int]:
    tokens = _without_lead_in(tokens)
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1])
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def _contents(cue: Token) -> list[list[Token]]:
    """The complement clauses of ``cue``, each cut to the cue's paragraph."""
    heads = [c for c in cue.children if c.dep_ == "ccomp"]
    clauses = [_same_paragraph(list(cue.doc[c.left_edge.i : c.right_edge.i + 1]), cue) for c in heads]
    # a clause whose verb is cut off by a line break was a heading glued to the sentence
    clauses = [c for c, h in zip(clauses, heads, strict=True) if h in c]
    if cue.lower_ == "according" or (not heads and cue.dep_ in PARENTHETICAL):
        around = _around_content(cue)
        clauses = [_same_paragraph(around, cue)] if around else []
    return clauses


def _same_paragraph(tokens: list[Token], cue: Token) -> list[Token]:
    """Tokens on the cue's side of any line break (a heading is not part of the next sentence)."""
    breaks = [t.i for t in tokens if "\n" in t.text]
    before = [b for b in breaks if b < cue.i]
    after = [b for b in breaks if b > cue.i]
    low = max(before) + 1 if before else tokens[0].i
    high = min(after) if after else tokens[-1].i + 1
    return [t for t in tokens if low <= t.i < high]


def _around_content(cue: Token) -> list[Token] | None:
    """The clause around a parenthetical cue ("X, he said, Y"; "according to X, Y"):
    the cue's head clause without the cue's own subtree."""
    head, doc = cue.head, cue.doc
    if head.i == cue.i or head.pos_ not in CUE_POS:
        return None
    left = [t for t in doc[head.left_edge.i : cue.left_edge.i]]
    right = list(doc[cue.right_edge.i + 1 : head.right_edge.i + 1])
    left, right = _strip_punct(left), _strip_punct(right)
    if left and right and len(left) + len(right) >= MIN_TOKENS:
        return list(doc[left[0].i : right[-1].i + 1])
    return (right if len(right) > len(left) else left) or None


def _strip_punct(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def extract_indirect(
    sdoc: SpacyDoc, quoted: list[tuple[int, int]], resolver: Resolver, cues: CueLexicon
) -> list[Found]:
    return [f for cue in sdoc for f in _indirect_at(cue, quoted, resolver, cues)]


def _indirect_at(
    cue: Token, quoted: list[tuple[int, int]], resolver: Resolver, cues: CueLexicon
) -> list[Found]:
    according = cue.lower_ == "according" and cue.i + 1 < len(cue.doc) and cue.nbor(1).lower_ == "to"
    confidence = 0.8 if according else _confidence(cue, cues)
    if confidence is None or inside(cue.idx, quoted) or (not according and cue.pos_ not in CUE_POS):
        return []
    head = speaker_head(cue)
    if head is None or head.lower_ in FIRST_AND_SECOND_PERSON:
        return []  # "I think that ..." outside quotation marks: the speaker cannot be named
    found = []
    for content in _contents(cue):
        if len(content) < MIN_TOKENS:
            continue
        start, end = _char_span(content, cue.doc.text)
        own = cue.left_edge.i <= head.i <= cue.right_edge.i  # "X, he said, Y": inside the hull
        if (inside(start, quoted) and inside(end - 1, quoted)) or (start <= head.idx < end and not own):
            continue
        name = resolver.resolve(speaker_tokens(head), False, None)
        found.append(Found(start, end, "indirect", cue_text(cue), name, confidence))
    return found
