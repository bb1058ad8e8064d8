"""lib/read/blocks.py: paragraphs and their kinds (captions, embedded posts and credits are not body
prose)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lib.read.blocks import classify_paragraph, find_blocks, is_heading, paragraph_parts, paragraph_spans
from lib.read.ingest import load_corpus
from lib.records import Span

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        # captions (AP / Reuters / AFP / Getty conventions)
        (
            "In this photo provided by the city council, firefighters work at the scene on May 3, 2021.",
            "caption",
        ),
        ("This handout photo released by the navy shows a frigate at sea.", "caption"),
        (
            "A convoy crosses the bridge, in this still image taken from a video released on March 2, 2023.",
            "caption",
        ),
        ("A man walks past a closed shop in Lyon. © Marie Dupont/AFP", "caption"),
        ("FILE - A wind farm stands near the coast, on Oct. 4, 2019.", "caption"),
        ("FILE PHOTO: Traders work on the floor of the exchange.", "caption"),
        ("Protesters gather outside parliament. (AP Photo/John Roe)", "caption"),
        ("Delegates arrive for the summit. REUTERS/Jane Doe", "caption"),
        ("Rescue teams search the rubble. (Photo by Ann Lee/AFP via Getty Images)", "caption"),
        # a photo widget's button label flattened into the caption, and credits "Name/Agency"
        ("Open this photo in gallery A ferry leaves the harbour. Jane Roe/The Coast Herald", "caption"),
        ("View image in fullscreen Delegates arrive for the summit.", "caption"),
        ("Enlarge this image Rescue teams search the rubble.", "caption"),
        ("Ann Lee at her home in Eastport. (Tom Bell/Radio North)", "caption"),
        ("The mayor speaks to reporters on Tuesday. Tom Bell/The Coast Herald", "caption"),
        # an embedded video's description closed by its running time
        ("Three former staff say what they want the owners to change at the cafe. 2:43", "caption"),
        ("“We are not going anywhere,” the coach told reporters. 1:05", "caption"),
        # embedded posts (Twitter embed markup as text, Instagram footer)
        ("Talks went well today. https://t.co/AbC123 — Maria Rossi (@mrossi) March 3, 2023", "embedded_post"),
        ("Proud of the team. pic.twitter.com/xYz987", "embedded_post"),
        ("A post shared by City Museum (@city.museum)", "embedded_post"),
        # wire credits, bylines, contributor lines
        ("With EFE and Reuters", "credit"),
        ("With AFP", "credit"),
        ("(With information from EFE)", "credit"),
        ("With agencies", "credit"),
        ("Reporting by Ann Lee in Kyiv; Editing by Tom Bell", "credit"),
        ("Associated Press writer Tom Bell in Rome contributed to this report.", "credit"),
        ("By Jane Doe and John Roe", "credit"),
        ("Jane Doe, The Associated Press", "credit"),
        ("Ann Lee and Tom Bell, Reuters", "credit"),
        # page furniture of a flattened web page
        ("Advertisement", "credit"),
        ("Story continues below advertisement", "credit"),
        ("Article continues after this ad", "credit"),
        ("Continue reading the main story", "credit"),
        # links to other stories and videos, a paragraph each
        ("READ MORE: Harbour strike enters its third week as talks stall", "credit"),
        ("WATCH: Ferry captain describes the rescue off the north cape", "credit"),
        ("WATCH (Aired March 3, 2011): The old pier is torn down", "credit"),
        ("WATCH | Island council votes down the bridge plan", "credit"),
        ("RELATED: Fishermen protest new quota rules", "credit"),
        ("Warning: This story contains graphic descriptions of the wreck.", "credit"),
        # headings
        ("Talks resume in Geneva", "heading"),
        ("Minister: “We will not back down”", "heading"),
        ("2023 in review", "heading"),
        # NEGATIVE cases: body prose that merely resembles the patterns
        ("With the talks stalled, the minister flew home on Friday.", "body"),
        ("With Russia massing troops, the alliance met in Brussels to discuss the situation.", "body"),
        ("The minister said this photo of the meeting had been widely shared.", "body"),
        ("By the end of the week, both sides had agreed to meet again.", "body"),
        ("Reuters reported that the talks would resume on Monday.", "body"),
        ("The advertisement ran in three newspapers on Sunday.", "body"),
        # a section label before a wrap's prose, and the verb in prose, are no links
        ("HARBOUR WATCH: The port reopened on Monday after a week of repairs.", "body"),
        ("Watch the ferry leave, the mayor told the crowd on Friday.", "body"),
        ("Read more about the plan on the council's website, she said.", "body"),
        ("Warning: the storm will reach the coast tonight, the weather office said.", "body"),
        ("The story continues below the fold, the editor said.", "body"),
        ("Open talks with the rebels, the envoy urged the government on Monday.", "body"),
        ("View the full report on the council's website, the mayor told residents.", "body"),
        ("The vote passed. Ann Lee, Reuters", "heading"),  # a byline is a line of its own
        ("Both sides met in the capital on Friday and/or Saturday.", "body"),
        ("He said the meeting went well (more on this later/soon).", "body"),
        ("The ambassador said the talks went well.", "body"),
        ("the talks resume in geneva", "body"),  # lower-case start: a fragment, not a heading
        ("“We are ready to talk,” the minister said.", "body"),
        ("The ferry leaves at 7:30 every morning and returns at noon.", "body"),
        # a clock time after no sentence end is no running time
        ("The last ferry of the night leaves the harbour at 11:45.", "body"),
        (
            "Officials from both countries met on Tuesday in the capital to discuss the new trade deal "
            "and a number of other outstanding issues",
            "body",
        ),  # too long for a heading
    ],
)
def test_classify_paragraph(paragraph: str, kind: str) -> None:
    assert classify_paragraph(paragraph) == kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("A joint statement", True),
        ("Envoy: “No deal yet”", True),
        ("A joint statement.", False),
        ("What happens next?", False),
        ("Two lines\nof text", False),
        ("", False),
        ("— 42 —", False),
    ],
)
def test_is_heading(line: str, expected: bool) -> None:
    assert is_heading(line) is expected


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One para.\n\nTwo para.", ["One para.", "Two para."]),
        ("  Lead.  \n \n\n\nNext.\n", ["Lead.", "Next."]),
        ("Line one.\nLine two.\nLine three.", ["Line one.", "Line two.", "Line three."]),
        # hard-wrapped paragraphs (blank-line separated) stay whole
        (
            "The delegation arrived in the capital early on Monday\nmorning and went straight to talks."
            "\n\nNext.",
            [
                "The delegation arrived in the capital early on Monday\nmorning and went straight to talks.",
                "Next.",
            ],
        ),
        # a heading directly above its paragraph is split from it
        (
            "Heading here\nThe body of the section follows in a long line of prose.\n\nEnd.",
            ["Heading here", "The body of the section follows in a long line of prose.", "End."],
        ),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_paragraph_spans(text: str, paragraphs: list[str]) -> None:
    assert [text[a:b] for a, b in paragraph_spans(text)] == paragraphs


def test_blocks_cover_every_character_once() -> None:
    text = (
        "Title line\n\nBody one, with a comma.\nIn this photo provided by X, a view. © A/AP\n\n\n\nWith AFP\n"
    )
    blocks = find_blocks(text)
    covered = [i for b in blocks for i in range(b.start, b.end)]
    assert covered == sorted(set(covered))
    assert {i for i, c in enumerate(text) if not c.isspace()} <= set(covered)
    assert [b.kind for b in blocks] == ["heading", "body", "caption", "credit"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a post whose footer landed on its own line (trafilatura output of a Twitter embed)
        (
            "Body one.\nGood talks today.\n— Ann Lee (@annlee) March 3, 2023\nBody two.",
            ["body", "embedded_post", "embedded_post", "body"],
        ),
        # NEGATIVE: a dash-led line that is not a post footer leaves the line above alone
        ("Body one.\nGood talks today.\n— the minister, on Friday.\nBody two.", ["body"] * 4),
    ],
)
def test_post_footer_marks_the_post_above(text: str, kinds: list[str]) -> None:
    assert [b.kind for b in find_blocks(text)] == kinds


@pytest.fixture(scope="module")
def seed_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    corpus = load_corpus([DATA], cache_dir=tmp_path_factory.mktemp("cache"))
    return {d.id: d for d in corpus.documents}


def _kind_at(doc: Any, snippet: str) -> str:
    start = doc.text.index(snippet)
    block = doc.block_at(start)
    assert block is not None and block.start <= start and start + len(snippet) <= block.end
    return str(block.kind)


def test_seed_non_body_blocks(seed_docs: dict[str, Any], seed_gold: dict[str, Any]) -> None:
    kinds = {"caption": "caption", "tweet": "embedded_post"}
    for doc_id, spec in seed_gold["documents"].items():
        for item in spec.get("non_body_blocks", []):
            ((label, snippet),) = item.items()
            assert _kind_at(seed_docs[doc_id], snippet) == kinds[label], snippet


def test_seed_wire_credits(seed_docs: dict[str, Any], seed_gold: dict[str, Any]) -> None:
    for doc_id, spec in seed_gold["documents"].items():
        doc = seed_docs[doc_id]
        for agency in spec.get("wire_credits", []):
            credits = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "credit"]
            assert any(agency in c for c in credits), agency


@pytest.mark.parametrize(
    ("doc_id", "snippet", "kind"),
    [
        ("seed-000", "Blinken: “Ready to take the appropriate countermeasures”", "heading"),
        ("seed-000", "Russia’s requests to NATO", "heading"),
        ("seed-001", "Russia will study the proposals", "heading"),
        ("seed-001", "A joint response with NATO", "heading"),
        # negative: quote-bearing prose next to the tweet and captions stays body
        ("seed-001", "A political solution is still possible", "body"),
        ("seed-001", "Earlier in the day, Russian Foreign Minister", "body"),
        ("seed-000", "NATO has delivered to Russia the written answers", "body"),
    ],
)
def test_seed_headings_and_body(seed_docs: dict[str, Any], doc_id: str, snippet: str, kind: str) -> None:
    assert _kind_at(seed_docs[doc_id], snippet) == kind


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a break glued to the next sentence of a text flattened to one line
        (
            'We thank you all."*** On the holiday, the mayor visited a church.',
            ['We thank you all."', "On the holiday, the mayor visited a church."],
        ),
        (
            "Nine ministers took part. * * * Mayor Ann Lyle: Good afternoon.",
            ["Nine ministers took part.", "Mayor Ann Lyle: Good afternoon."],
        ),
        ("The vote ended. — — — Next, the budget.", ["The vote ended.", "Next, the budget."]),
        ("# # # Second excerpt of the hearing.", ["Second excerpt of the hearing."]),
        ("The first scene ends here. ***", ["The first scene ends here."]),
        ("* * *", []),  # a break alone is no sentence
        # no break: symbols inside a word, a rating after a word, an em dash typed as hyphens
        ('She wrote "f***ing awful" and left.', ['She wrote "f***ing awful" and left.']),
        ("Critics rated it ***** last week.", ["Critics rated it ***** last week."]),
        ("The score was 3-1 --- and then nothing.", ["The score was 3-1 --- and then nothing."]),
        ("Pick A - B - C in order.", ["Pick A - B - C in order."]),
        ("A heading\n\nThe body starts here.", ["A heading", "The body starts here."]),
    ],
)
def test_paragraph_parts_cut_section_breaks(text: str, parts: list[str]) -> None:
    got = paragraph_parts(Span("d", 10, 10 + len(text), text))
    assert [p.text for p in got] == parts
    assert all(p.text == text[p.start - 10 : p.end - 10] for p in got)
