"""The weighing of a statement's target evidence (lib/extract/target_ranker.py), with the shipped weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.extract import target_ranker as tr
from lib.extract.target_ranker import Evidence


@pytest.mark.parametrize(
    ("evidence", "basis"),
    [
        (Evidence(role=tr.SUBJECT, named_at=5), "named"),
        (Evidence(role=tr.OBLIQUE, named_at=5, context=True), "context"),  # a setting is weaker than context
        (Evidence(role=tr.OBLIQUE, named_at=5), "named"),
        (Evidence(anaphor="description", anaphor_at=3, protagonist=True), "description"),
        (Evidence(protagonist=True, mentions=6), "topic"),
        (Evidence(headline=True, mentions=1), "topic"),
        (Evidence(mentions=9, person=True), None),  # mentioned elsewhere only: no evidence
    ],
)
def test_basis_is_the_strongest_evidence(evidence: Evidence, basis: str | None) -> None:
    assert evidence.basis() == basis


def test_named_subject_outranks_a_protagonist_it_does_not_name() -> None:
    named = Evidence(role=tr.SUBJECT, named_at=0, mentions=2, person=True)
    protagonist = Evidence(protagonist=True, mentions=4, person=True)
    assert tr.probability(named) > tr.probability(protagonist)


@pytest.mark.parametrize(
    ("candidates", "want"),
    [
        ({"a": Evidence(mentions=5), "b": Evidence(protagonist=True, mentions=2)}, ["b"]),  # no basis: never
        ({"a": Evidence(mentions=5)}, []),  # nothing to go on: no target at all
        (  # a second target only when likely enough
            {
                "a": Evidence(
                    role=tr.SUBJECT, named_at=0, headline=True, protagonist=True, mentions=8, person=True
                ),
                "b": Evidence(context=True, mentions=1),
            },
            ["a"],
        ),
    ],
)
def test_ranked(candidates: dict[str, Evidence], want: list[str]) -> None:
    assert [a for a, _ in tr.ranked(candidates, 3)] == want


def test_weights_file_needs_every_feature(tmp_path: Path) -> None:
    bad = tmp_path / "w.yaml"
    bad.write_text("intercept: 0\nalso: 0.3\nweights: {named_subject: 1}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lack"):
        tr.load_weights(bad)


PROTAGONIST = Evidence(protagonist=True, headline=True, lead=True, mentions=20, person=True)


@pytest.mark.parametrize(
    ("candidates", "first"),
    [
        # a body named as the statement's subject leads a protagonist the statement does not name
        ({"p": PROTAGONIST, "s": Evidence(role=tr.SUBJECT, named_at=4, mentions=3)}, "s"),
        # so does one the reporter's clause makes its subject ("said that X is 'unfit'")
        ({"p": PROTAGONIST, "s": Evidence(framed=True, context=True, mentions=2)}, "s"),
        # or one a pronoun subject refers to ("they don't want to know")
        ({"p": PROTAGONIST, "s": Evidence(anaphor="pronoun", anaphor_at=7, anaphor_subject=True)}, "s"),
        ({"p": PROTAGONIST, "s": Evidence(anaphor="pronoun", anaphor_at=7, mentions=3)}, "p"),  # "them": no
        # not over a protagonist the statement refers to (a pronoun is evidence of its own)
        ({"p": Evidence(**{**PROTAGONIST.__dict__, "anaphor": "pronoun", "anaphor_at": 9}),
          "s": Evidence(role=tr.SUBJECT, named_at=4, mentions=3)}, "p"),
        # not the speaker naming itself, nor one named only as an object
        ({"p": PROTAGONIST, "s": Evidence(role=tr.SUBJECT, named_at=4, mentions=3, speaker=True)}, "p"),
        ({"p": PROTAGONIST, "o": Evidence(role=tr.OBJECT, named_at=4, mentions=3)}, "p"),
    ],
)  # fmt: skip
def test_a_named_subject_leads_an_unnamed_protagonist(candidates: dict[str, Evidence], first: str) -> None:
    assert tr.ranked(candidates, 3)[0][0] == first
