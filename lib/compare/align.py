"""Two reports aligned claim by claim: what both say, what only one says, and where they disagree.

Claims are sentences and attributed quotes (lib/compare/claims.py); similarity is the lexical TF-IDF
cosine of lib/text/similarity.py with actor anchors, matched one-to-one greedily, best pair first
(the "competitive linking" of Melamed 2000, "Models of translational equivalence"). Quotes
of one speaker are matched first, so a fragment quoted in one report ("prefers diplomacy")
finds its fuller version in the other. Sentences whose speakers differ are never "same":
when they take positions on a common issue (lib/lexicons/issues.yaml) they are "related".
Two sentences that both give figures say the same thing only when a figure is shared. Reports whose
news is of different days (lib/compare/when.py: two days' market closes, two sessions of one body)
share only facts tied to one day (the same dates, a person both name, quoted or the same words),
and their differing figures are updates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz.fuzz import ratio

from lib.compare.claims import Claim, inside, quote_claims, sentence_claims
from lib.compare.discrepancies import SHOW_MIN, dated_alike, find_discrepancies
from lib.compare.when import apart, report_days
from lib.extract.positions import Issue, classify, load_issues
from lib.records import AlignedPair, Analysis, Comparison, Span, to_dict
from lib.text.similarity import TfIdf, Vector, containment, cosine

SAME_MIN = 0.3  # sentence cosine from which two claims say the same thing
# ... and from which two claims anchored alike (two shared actors, or a shared figure) do: reports
# of one event retell a fact in other words around the same names and numbers.
ANCHORED_MIN = 0.2
QUOTE_MIN = 0.35  # quote cosine (same speaker) from which two quotes are one statement
QUOTE_CONTAINED = 0.75  # share of a short quote's terms found in a longer quote of the speaker
ANCHOR_BONUS = 0.05  # per shared actor, at most two
SURE_SAME = 0.5  # from this cosine, different people named do not undo a match (one meeting, two guest lists)
MIN_SHARED = 2  # content words two claims must share to say the same thing (one name is not enough)
RELATED_MIN = 0.1  # cosine from which positions on a common issue are shown side by side
QUOTATION_MARKS = ('"', "“", "”", "«", "»")
VERBATIM_RATIO = 90  # rapidfuzz ratio of two sentences' words from which they are the same words
WORD = re.compile(r"[\w']+")


def compare(analysis: Analysis, doc_a: str, doc_b: str) -> Comparison:
    """Align the claims of doc_a and doc_b and list their discrepancies."""
    sents_a, sents_b = sentence_claims(analysis, doc_a), sentence_claims(analysis, doc_b)
    quotes_a, quotes_b = quote_claims(analysis, doc_a), quote_claims(analysis, doc_b)
    tfidf = TfIdf(c.terms for c in [*sents_a, *sents_b])
    quote_pairs = _align_quotes(quotes_a, quotes_b, tfidf)
    quote_related = _relate_quotes(quotes_a, quotes_b, quote_pairs, tfidf)
    done_a = {s.span for p in quote_pairs for s in inside(sents_a, p.a)}
    done_b = {s.span for p in quote_pairs for s in inside(sents_b, p.b)}
    near_a = done_a | {s.span for p in quote_related for s in inside(sents_a, p.a)}
    near_b = done_b | {s.span for p in quote_related for s in inside(sents_b, p.b)}
    rest_a = [s for s in sents_a if s.span not in near_a]
    rest_b = [s for s in sents_b if s.span not in near_b]
    days_a, days_b = report_days(analysis, doc_a), report_days(analysis, doc_b)
    one_time = not apart(days_a, days_b)
    sent_pairs = _align_sentences(rest_a, rest_b, tfidf, _told_alike(analysis, one_time, (doc_a, doc_b)))
    aligned = [*quote_pairs, *quote_related, *sent_pairs]
    same_a = done_a | {p.a for p in sent_pairs if p.relation == "same"}
    same_b = done_b | {p.b for p in sent_pairs if p.relation == "same"}
    flags = find_discrepancies(analysis, doc_a, doc_b, quotes_a, quotes_b, aligned, tfidf, one_time)
    qa = {q.quote.speaker_id for q in quotes_a if q.quote and q.quote.speaker_id}
    qb = {q.quote.speaker_id for q in quotes_b if q.quote and q.quote.speaker_id}
    return Comparison(
        doc_a=doc_a,
        doc_b=doc_b,
        aligned=tuple(aligned),
        only_a=tuple(s.span for s in sents_a if s.span not in same_a),
        only_b=tuple(s.span for s in sents_b if s.span not in same_b),
        discrepancies=tuple(d for d in flags if d.confidence >= SHOW_MIN),
        quoted_only_a=tuple(sorted(qa - qb)),
        quoted_only_b=tuple(sorted(qb - qa)),
        quoted_both=tuple(sorted(qa & qb)),
        weak=tuple(d for d in flags if d.confidence < SHOW_MIN),
        days_apart="" if one_time else f"A's news is of {days_a.label()}, B's of {days_b.label()}",
    )


def _told_alike(analysis: Analysis, one_time: bool, docs: tuple[str, str]) -> Callable[[Claim, Claim], bool]:
    """What two sentences of the pair must share to say the same thing, beyond their words: a
    figure, when both give figures (each is about its own numbers: different ones are another
    reading, or another day's); and for reports of different days, what ties a sentence to
    another day's: its dates (lib/compare/discrepancies.py ``dated_alike``: a fact retold with
    its date), a person both name (a fact about someone retold), quoted words in both or the
    same words (what was said stays said). The rest is of each report's own day: "the index
    rose", "the meeting began", told of two days, are two facts."""
    dates = () if one_time else tuple(d for d in analysis.dates if d.doc_id in docs)

    def alike(a: Claim, b: Claim) -> bool:
        if a.figures and b.figures and not figures_meet(a.figures, b.figures):
            return False
        if one_time or a.persons & b.persons or _verbatim(a.span.text, b.span.text):
            return True
        return (_quoting(a.span.text) and _quoting(b.span.text)) or dated_alike(dates, a.span, b.span)

    return alike


def _verbatim(x: str, y: str) -> bool:
    """The same words, but for punctuation, case and spacing (a quotation split off one way in one
    report and another way in the other)."""
    return ratio(" ".join(_words(x)), " ".join(_words(y))) >= VERBATIM_RATIO


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold().replace("’", "'"))


def _quoting(text: str) -> bool:
    """A sentence that gives someone's words between double quotation marks."""
    return any(mark in text for mark in QUOTATION_MARKS)


def figures_meet(xs: Iterable[float], ys: Iterable[float]) -> bool:
    """Some figure of one is the same as one of the other, read at the coarser of their precisions
    ("1.5 million" and "1,520,000" are one figure; "60.37" and "61.71" are two)."""
    ys = list(ys)
    for x in xs:
        for y in ys:
            unit = max(_precision(x), _precision(y))
            if round(x / unit) == round(y / unit):
                return True
    return False


def _precision(x: float) -> float:
    """The place value of a figure's last significant digit: 51.69 -> 0.01, 1,500,000 -> 100,000."""
    text = f"{abs(x):.6f}".rstrip("0")
    if not text.endswith("."):
        return 10.0 ** -len(text.partition(".")[2])
    whole = text[:-1]
    return 10.0 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1.0


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The CLI's JSON: aligned pairs, one-sided claims, discrepancies and who is quoted where."""
    out = to_dict(comparison)
    out["coverage"] = {key: out.pop(f"quoted_{key}") for key in ("only_a", "only_b", "both")}
    return out


def _align_quotes(quotes_a: Sequence[Claim], quotes_b: Sequence[Claim], tfidf: TfIdf) -> list[AlignedPair]:
    """Quotes of one speaker that say the same thing, fragments included."""
    scored = []
    for a, va in _vectors(quotes_a, tfidf):
        for b, vb in _vectors(quotes_b, tfidf):
            if not (a.quote and b.quote and a.quote.speaker_id == b.quote.speaker_id):
                continue
            score = cosine(va, vb)
            close = score >= QUOTE_MIN or containment(a.terms, b.terms) >= QUOTE_CONTAINED
            if close and _shared(a, b) >= MIN_SHARED:
                scored.append((score, a, b))
    return [AlignedPair(a.span, b.span, round(s, 3), "same") for s, a, b in _one_to_one(scored)]


def _relate_quotes(
    quotes_a: Sequence[Claim], quotes_b: Sequence[Claim], same: Sequence[AlignedPair], tfidf: TfIdf
) -> list[AlignedPair]:
    """Quotes of different speakers taking positions on a common issue."""
    used = {p.a for p in same} | {p.b for p in same}
    scored = []
    for a, va in _vectors([q for q in quotes_a if q.span not in used], tfidf):
        for b, vb in _vectors([q for q in quotes_b if q.span not in used], tfidf):
            score = cosine(va, vb)
            if score >= RELATED_MIN and _related(a, b):
                scored.append((score, a, b))
    return [AlignedPair(a.span, b.span, round(s, 3), "related") for s, a, b in _one_to_one(scored)]


def _shared(a: Claim, b: Claim) -> int:
    return len(set(a.terms) & set(b.terms))


def _align_sentences(
    sents_a: Sequence[Claim],
    sents_b: Sequence[Claim],
    tfidf: TfIdf,
    told_alike: Callable[[Claim, Claim], bool] | None = None,
) -> list[AlignedPair]:
    """Sentence pairs that say the same thing, then related positions of different speakers.
    ``told_alike``: a further test two sentences must pass to say the same thing (``_told_alike``)."""
    scored = []
    told: dict[tuple[Span, Span], bool] = {}  # told_alike's answers, asked once per pair
    for a, va in _vectors(sents_a, tfidf):
        for b, vb in _vectors(sents_b, tfidf):
            score = claim_score(a, b, va, vb)
            same = score >= _same_min(a, b) and _shared(a, b) >= MIN_SHARED
            if same and told_alike is not None:
                same = told[a.span, b.span] = told_alike(a, b)
            if same or (score >= RELATED_MIN and _related(a, b)):
                scored.append((score, a, b))
    pairs = []
    for score, a, b in _one_to_one(scored):
        # same_claim implies the first test above passed, so told_alike was asked there
        same = same_claim(a, b, score) and told.get((a.span, b.span), True)
        if same or _related(a, b):
            pairs.append(AlignedPair(a.span, b.span, round(score, 3), "same" if same else "related"))
    return pairs


def claim_score(a: Claim, b: Claim, va: Vector, vb: Vector) -> float:
    """The similarity of two sentence claims: their cosine, plus a bonus per shared actor (two at most)."""
    return cosine(va, vb) + ANCHOR_BONUS * min(2, len(a.actors & b.actors))


def same_claim(a: Claim, b: Claim, score: float, unnamed_min: int = MIN_SHARED) -> bool:
    """Two sentence claims of ``claim_score`` ``score`` say the same thing: similar enough, with
    content words in common (``unnamed_min`` when they name no actor and no figure in common,
    unless their words are the same), and not told by different speakers or about different
    people. Whether people differ is undone by the words' cosine alone: the actors both name are
    no evidence that the people only one names are the same (two readouts "X had a call with Y"
    and "X had a call with Z" share X and every word)."""
    together = len(a.actors & b.actors)
    words = score - ANCHOR_BONUS * min(2, together)
    people_differ = _different_speakers(a, b) or (words < SURE_SAME and _different_people(a, b))
    named_alike = together or a.figures & b.figures or set(a.terms) == set(b.terms)
    least = MIN_SHARED if named_alike else unnamed_min
    return score >= _same_min(a, b) and _shared(a, b) >= least and not people_differ


def _same_min(a: Claim, b: Claim) -> float:
    anchored = len(a.actors & b.actors) >= 2 or bool(a.figures & b.figures)
    return ANCHORED_MIN if anchored else SAME_MIN


def _different_people(a: Claim, b: Claim) -> bool:
    """Each names a person the other does not (thanks to X / thanks to Y)."""
    return bool(a.persons - b.persons and b.persons - a.persons)


def _different_speakers(a: Claim, b: Claim) -> bool:
    return bool(a.speakers and b.speakers and not a.speakers & b.speakers)


def _related(a: Claim, b: Claim) -> bool:
    """Positions of different speakers on a common issue."""
    if not _different_speakers(a, b):
        return False
    return bool(_issues(a.span.text) & _issues(b.span.text))


@lru_cache(maxsize=4096)
def _issues(text: str) -> frozenset[str]:
    return frozenset(i.id for i, _ in classify(text, "", _default_issues()))


@lru_cache(maxsize=1)
def _default_issues() -> tuple[Issue, ...]:
    return tuple(load_issues())


def _vectors(claims: Iterable[Claim], tfidf: TfIdf) -> list[tuple[Claim, Vector]]:
    return [(c, tfidf.vector(c.terms)) for c in claims]


def _one_to_one(scored: list[tuple[float, Claim, Claim]]) -> list[tuple[float, Claim, Claim]]:
    """Greedy competitive linking: best pair first, each claim used once."""
    used_a: set[Span] = set()
    used_b: set[Span] = set()
    out = []
    for score, a, b in sorted(scored, key=lambda t: (-t[0], t[1].span.start, t[2].span.start)):
        if a.span in used_a or b.span in used_b:
            continue
        used_a.add(a.span)
        used_b.add(b.span)
        out.append((score, a, b))
    return out
