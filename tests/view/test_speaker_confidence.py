"""Speakers the attribution is unsure of: shown and marked on the pages, not counted as most quoted."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from dashboard_fixtures import sample_analysis

from lib.extract.quotes.speakers import BASIS_CERTAINTY, Basis
from lib.records import Analysis
from lib.view import frames, render
from lib.view.pages import home_view
from lib.view.urls import Filters


def with_confidence(confidence: float) -> Analysis:
    """The sample analysis with every quote's speaker_confidence set to one figure."""
    base = sample_analysis()
    return replace(base, quotes=tuple(replace(q, speaker_confidence=confidence) for q in base.quotes))


@pytest.mark.parametrize(
    ("speaker", "confidence", "shown"),
    [
        ("he", 0.2, "he (uncertain)"),  # an unresolved pronoun
        ("Rufus Firefly", 0.3, "Rufus Firefly (uncertain)"),  # an ambiguous resolution
        ("the officials", 0.5, "the officials (uncertain)"),  # a surface phrase kept
        ("Rufus Firefly", 0.6, "Rufus Firefly (uncertain)"),  # right 6 times in 10: not sure
        ("Rufus Firefly", 0.9, "Rufus Firefly"),  # a name at the cue
        ("Rufus Firefly", 0.0, "Rufus Firefly"),  # no figure given (a record built by hand)
        ("", 0.2, ""),  # no speaker: nothing to mark
    ],
)
def test_speaker_label(speaker: str, confidence: float, shown: str) -> None:
    assert frames.speaker_label(speaker, confidence) == shown


# the evidence a speaker rests on decides how it is shown: what was right at least three times in
# four on the dev parts read is shown plain, the rest marked (lib/extract/quotes/speakers.py)
SHOWN_PLAIN = {
    Basis.NAME,
    Basis.LABEL,
    Basis.PRONOUN_AGREED,
    Basis.RANKED,
    Basis.RANKED_CLOSE,
    Basis.ROLE,
    Basis.AUTHOR,
    Basis.INHERITED,
    Basis.SENTENCE_SUBJECT,
}
MARKED = {Basis.SURFACE, Basis.AMBIGUOUS, Basis.UNRESOLVED}


@pytest.mark.parametrize("basis", sorted(SHOWN_PLAIN | MARKED))
def test_the_mark_follows_the_evidence(basis: Basis) -> None:
    label = frames.speaker_label("Rufus Firefly", BASIS_CERTAINTY[basis])
    assert label.endswith(" (uncertain)") == (basis in MARKED)


@pytest.mark.parametrize(("confidence", "marked"), [(0.2, True), (0.5, True), (0.75, False), (0.9, False)])
def test_quotes_and_statements_frames_mark_uncertain_speakers(confidence: float, marked: bool) -> None:
    analysis = with_confidence(confidence)
    quotes = frames.quotes_frame(analysis, Filters())
    said = frames.statements_frame(analysis, Filters(), "rufus-firefly", None)
    for frame in (quotes, said):
        assert set(frame["speaker_confidence"]) == {confidence}
        assert all(s.endswith(" (uncertain)") == marked for s in frame["speaker"])
    # shown, never hidden: every quote keeps its row and its actor link
    assert len(quotes) == len(analysis.quotes) and (quotes["speaker_id"] != "").all()


@pytest.mark.parametrize(
    ("confidence", "counted", "uncertain"), [(0.2, [], 3), (0.75, ["Rufus Firefly", "Trentino"], 0)]
)
def test_most_quoted_counts_confident_speakers_only(
    confidence: float, counted: list[str], uncertain: int
) -> None:
    analysis = with_confidence(confidence)
    quotes = frames.quotes_frame(analysis, Filters())
    home = home_view(analysis, frames.documents_frame(analysis, Filters()), quotes)
    assert list(home.speakers["speaker"]) == counted
    assert home.uncertain == uncertain
    assert (home.speakers_figure is None) == (not counted)


def test_unresolved_phrases_are_listed_without_the_mark() -> None:
    quotes = pd.DataFrame(
        {
            "speaker": ["the officials (uncertain)", "Ann Lee", "he (uncertain)"],
            "speaker_id": ["", "ann", "ann"],
            "speaker_confidence": [0.5, 0.9, 0.2],
            "quote": ["…"] * 3,
            "doc_id": ["d1", "d1", "d2"],
        }
    )
    assert frames.unresolved_speakers(quotes) == ["the officials"]
    assert list(frames.speakers_frame(quotes)["quotes"]) == [1]  # Ann Lee's confident quote only
    assert frames.uncertain_quotes(quotes) == 1


def test_a_frame_without_confidences_counts_as_before() -> None:
    quotes = pd.DataFrame({"speaker": ["Ann Lee"], "speaker_id": ["ann"], "quote": ["…"], "doc_id": ["d1"]})
    assert list(frames.speakers_frame(quotes)["speaker"]) == ["Ann Lee"]
    assert frames.uncertain_quotes(quotes) == 0


@pytest.mark.parametrize(("confidence", "marked"), [(0.2, True), (0.9, False)])
def test_reader_hover_marks_an_uncertain_speaker(confidence: float, marked: bool) -> None:
    marks = render.document_marks(with_confidence(confidence), "alpha-1")
    labels = [m.title for m in marks if m.kind in ("quote", "speaker")]
    assert labels and all(("(uncertain, speaker confidence" in label) == marked for label in labels)
