"""Dev-set floors, scored by tools.evaluate (the code behind `python -m lib eval`) on whole dev files.

Each dev file is analysed once a session (the `dev_run` fixture) and shared by every floor on it and by
the check against ../shared/tools/score.py in test_evaluate.py. A floor is the figure measured on the
whole file, rounded down at the fourth decimal: a change that lowers one shows here. Measurement data
is read at test time, never copied.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import DevRun
from tools.evaluate import score_all, score_quotes

pytestmark = [pytest.mark.slow, pytest.mark.devset]

Figure = Callable[[dict[str, dict[str, Any]]], float]


def _quote_f1(mode: str) -> Figure:
    return lambda r: float(r["quotes"][mode]["prf"].f1)


def _speaker(mode: str) -> Figure:
    return lambda r: float(r["quotes"][mode]["speaker_accuracy"])


FLOORS: list[tuple[str, str, Figure, float]] = [
    # GGT (SFU Gender Gap Tracker) dev, statements (GGT's definition), measured 2026-12-05 after the
    # second round of issue 14's speaker rules: lenient F1 0.87289, strict F1 0.80235, speaker
    # accuracy 0.91582 (544/594; 0.8735 before that round, 0.8499 before issue 14). Then, same day:
    # "comment/insist/focus on" given back their preposition (a YAML boolean had eaten it): lenient
    # 0.87225, strict 0.80176; issue 15's cross-document actor rules: speaker accuracy 0.91246;
    # issue 14's third round (speech acts over cue-less quotations, documents their filer's): 0.91414;
    # then no statement without anyone to say it ("That said, ...", generic "one"): lenient 0.87289,
    # strict 0.80235; issue 14's fourth round (a speaker anaphor's candidates ranked where the rules
    # had no agreement evidence, docs/speaker_model.md): speaker accuracy 0.91919 (546/594); session
    # 25 (captions and page furniture typed, junk actors gone, with that round): lenient 0.87482,
    # strict 0.80412, speaker accuracy 0.92256; session 26 (a content that only points back, "commented
    # on it", is none): lenient 0.87611, strict 0.80531; session 27, issue 14's spans (spans7: "that"
    # kept, postposed and displaced attributions, contents ended before a second report, a concession
    # or a gloss, titles and link labels no statements, a negated report no statement): lenient
    # 0.88905, strict 0.84024, speaker accuracy 0.92180 (554/601: one statement more found whose
    # gold speaker is another party than the document speaking; left at its floor, docs/quality.md);
    # merged with the session's speaker rules (untagged speakers, headline roles): speakers 0.92346;
    # issue 14's eighth round (a subject "it" continuing a described body is that description):
    # speakers 0.92512 (556/601)
    # session 28, issue 14's spans (spans8: misparsed subjects, gerund and inverted contents, no
    # content that is a source phrase, an absolute phrase or across a colon): lenient 0.90007,
    # strict 0.85270, speaker accuracy 0.92434; merged with the eighth round's speakers: 0.90007 /
    # 0.85270 / 0.92599; issue 14's ninth round (a document's author found through a noun of its
    # kind, "the report" after "a study by X"): speakers 0.92763 (564/608); session 34 (a quotation
    # after a colon is the clause subject's words): speakers 0.92928 (565/608)
    ("ggt-dev.jsonl", "quotes lenient F1", _quote_f1("lenient"), 0.9000),
    ("ggt-dev.jsonl", "quotes strict F1", _quote_f1("strict"), 0.8527),
    ("ggt-dev.jsonl", "speaker accuracy (lenient)", _speaker("lenient"), 0.9292),
    # PolNeAR dev, all 84 documents, under its own definition (every attribution, the "wide" quotes,
    # read off the file's dataset): lenient 0.75071, speakers 0.91123 (1314/1442) after issue 14's
    # second round (statements only: 0.64937, 0.91156, kept below as a floor of their own); with the
    # prepositions back and the actor rules: lenient 0.75147, speakers 0.91066; issue 14's third
    # round: lenient 0.75167, speakers 0.91343; no statement without anyone to say it: lenient 0.75186;
    # session 26 ("without saying" no cue, "as X put it" a cue): lenient 0.75225, speakers 0.91482;
    # issue 14's seventh round (a relative pronoun at the cue is the speaker as written): 0.92175;
    # session 27, issue 14's spans: lenient 0.75674, speakers 0.91948; both merged: 0.75674 / 0.92636;
    # session 28, issue 14's spans (spans8): lenient 0.76051, speakers 0.92691; session 37 (a
    # quotation closing the reporter's sentence takes no verb of saying from the next): 0.76103 / 0.92696;
    # with "X forced Y to admit that": Y speaks (same session): speakers 0.92765 (1359/1465); with a
    # comment clause's own subject ("..., Chief Justice Y said, ..."): 0.92833 (1360/1465); session 42
    # (a recording's subject speaks, no cue in an adverbial clause, a labelling act's named subject, a
    # possessor is no speaker, a colon after another clause's subject): 0.76120 / 0.93106; session 44
    # (an act's object content ends before what the writer appends, an interrupted quotation's
    # whole kept, an act in the passive is its agent's): 0.76758 / 0.93160
    ("polnear-dev.jsonl", "quotes lenient F1", _quote_f1("lenient"), 0.7675),
    ("polnear-dev.jsonl", "speaker accuracy (lenient)", _speaker("lenient"), 0.9310),
    # TimeBank + AQUAINT, the whole pipeline (docdate, blocks): TempEval-3 value F1 0.8049
    ("timebank-aquaint.jsonl", "dates value F1", lambda r: r["timexes"]["value"].f1, 0.8049),
    # CoNLL-2003 dev: PER+ORG+LOC mentions, overlap F1 0.8379, exact 0.8081 after the cross-document
    # actor resolution (2026-12-05; 0.8423 / 0.8137 before it); 0.843 / 0.814 after issue #15's
    # common-word and digit rules; 0.84422 / 0.81573 after its second round (measured on merged main);
    # 0.84434 / 0.81647 after its third (session 23: club names, role nouns opening a person's span);
    # 0.84515 / 0.81766 in session 25 (a person's name holds no common word; dash datelines);
    # 0.84639 / 0.81869 in session 26 (bodies' head nouns, a name ends at a colon, issue #15's round 6);
    # 0.84659 / 0.81889 in session 27 (a common first name makes a person); 0.84804 / 0.82321 in
    # session 36 (a first name the model missed, compounded with the surname by the parser); 0.84825 /
    # 0.82342 with a body's leading words the model read as a person (same session); 0.84842 / 0.82359
    # in session 37 (a lone word typed a person that the corpus writes small is no name); 0.85173 /
    # 0.82690 in session 39 (a noun of a kind types a name over the corpus: companies named by a
    # person's surname are bodies); 0.85224 / 0.82719 in session 42 (headline words the corpus writes
    # small, a span across "at" into a venue)
    ("conll2003-dev.jsonl", "entities lenient F1", lambda r: r["entities"]["lenient"].f1, 0.8522),
    ("conll2003-dev.jsonl", "entities exact F1", lambda r: r["entities"]["exact"].f1, 0.8271),
]

# The statements of a PolNeAR file, scored as GGT's definition counts them: the wide records must
# never change them (lenient F1 0.64937, speaker accuracy 0.91156 on the dev file, 2026-12-05; then
# 0.65011 / 0.91079 with the prepositions back and issue 15's actor rules; 0.65029 / 0.91504 after
# issue 14's third round; 0.65046 / 0.91759 in session 26; 0.65046 / 0.92353 in issue 14's seventh
# round; 0.65137 / 0.92027 in session 27, spans; 0.65137 / 0.92621 both merged; 0.65467 / 0.92677 in
# session 28, spans8; 0.65394 / 0.92664 in session 36: a verb of saying after "be to" ("the aim is to
# show that", "is to announce on Monday that") states a purpose or an arrangement, nothing said yet,
# so two PolNeAR attributions PolNeAR counts left the statements for the wide records, by design;
# 0.65412 / 0.92664 in session 37: a quotation closing the reporter's sentence on a full stop takes
# no verb of saying from the next sentence; 0.65412 / 0.92749 with "X forced Y to admit that": Y speaks;
# 0.65412 / 0.92833 with a comment clause's own subject)
STATEMENT_FLOORS: list[tuple[str, str, Figure, float]] = [
    ("polnear-dev.jsonl", "statements lenient F1", _quote_f1("lenient"), 0.6541),
    ("polnear-dev.jsonl", "statements speaker accuracy", _speaker("lenient"), 0.9316),
]

_results: dict[str, dict[str, dict[str, Any]]] = {}


def _scored(run: DevRun) -> dict[str, dict[str, Any]]:
    if run.path.name not in _results:
        _results[run.path.name] = score_all(run.gold, run.analysis)
    return _results[run.path.name]


@pytest.mark.parametrize(
    ("name", "label", "figure", "floor"), FLOORS, ids=[f"{n}:{lb}" for n, lb, _, _ in FLOORS]
)
def test_dev_floor(
    dev_run: Callable[[str], DevRun], name: str, label: str, figure: Figure, floor: float
) -> None:
    value = figure(_scored(dev_run(name)))
    assert value >= floor, f"{name} {label}: {value:.4f} < floor {floor}"


@pytest.mark.parametrize(
    ("name", "label", "figure", "floor"),
    STATEMENT_FLOORS,
    ids=[f"{n}:{lb}" for n, lb, _, _ in STATEMENT_FLOORS],
)
def test_statement_floor(
    dev_run: Callable[[str], DevRun], name: str, label: str, figure: Figure, floor: float
) -> None:
    run = dev_run(name)
    value = figure({"quotes": score_quotes(run.gold, run.analysis, "statement")})
    assert value >= floor, f"{name} {label}: {value:.4f} < floor {floor}"
