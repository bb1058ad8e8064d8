"""Document text as HTML: every character escaped, only our own marks added."""

from __future__ import annotations

import html
import re

import pytest
from dashboard_fixtures import TEXT_A, comparison, sample_analysis

from lib.view import render
from lib.view.render import Mark

TAG = re.compile(r"<(/?)([a-zA-Z]+)")


def tags(html_text: str) -> set[str]:
    return {name.lower() for _, name in TAG.findall(html_text)}


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "a & b < c > d \" ' `",
        "</mark><script>document.cookie</script>",
        "<style>body{display:none}</style>",
        "plain words",
    ],
)
def test_document_markup_is_shown_not_run(text: str) -> None:
    out = render.highlight_html(text, [Mark(0, len(text), "quote", "<b>title</b>")])
    assert tags(out) <= {"style", "div", "mark"}
    assert out.count("<style>") == 1  # ours only
    assert "<script" not in out and "<img" not in out and "<b>" not in out


def test_text_survives_escaping() -> None:
    text = "Tom & Jerry <said> “no”\nnext line"
    out = render.highlight_html(text, [Mark(0, 3, "actor")])
    body = out.split('<div class="tg-doc">', 1)[1]
    plain = re.sub(r"<[^>]+>", "", body)
    assert plain.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") == text


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([Mark(0, 5, "actor")], ['<mark class="tg-actor">Alpha</mark>']),
        (
            [Mark(0, 11, "quote"), Mark(6, 11, "actor")],
            ['<mark class="tg-quote">Alpha </mark>', '<mark class="tg-quote tg-actor">Bravo</mark>'],
        ),
        ([Mark(6, 11, "target")], [f'<mark class="tg-target" id="{render.TARGET_ID}">Bravo</mark>']),
        ([Mark(0, 5, "claim", color="#cfe8d5")], ['style="background:#cfe8d5"']),
        ([Mark(0, 5, "claim", color="red;position:fixed")], ['<mark class="tg-claim">Alpha</mark>']),
        ([Mark(3, 3, "actor")], ["Alpha Bravo Charlie</div>"]),  # empty span: nothing marked
        ([Mark(15, 99, "date")], ['<mark class="tg-date">rlie</mark>']),  # clamped to the text
    ],
)
def test_marks(marks: list[Mark], expected: list[str]) -> None:
    out = render.highlight_html("Alpha Bravo Charlie", marks)
    for piece in expected:
        assert piece in out


def test_target_id_appears_once() -> None:
    out = render.highlight_html("Alpha Bravo Charlie", [Mark(0, 11, "target"), Mark(6, 11, "actor")])
    assert out.count(f'id="{render.TARGET_ID}"') == 1


def test_title_is_escaped() -> None:
    out = render.highlight_html("Alpha", [Mark(0, 5, "quote", 'he said "<x>"')])
    assert 'title="he said &quot;&lt;x&gt;&quot;"' in out


def test_document_marks_cover_actors_quotes_and_dates() -> None:
    marks = render.document_marks(sample_analysis(), "alpha-1")
    kinds = {m.kind for m in marks}
    assert kinds == {"actor", "quote", "speaker", "date"}
    assert all(TEXT_A[m.start : m.end] for m in marks)
    out = render.highlight_html(TEXT_A, marks)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out


def test_comparison_marks_share_the_pair_colour() -> None:
    comp = comparison()
    a = [m for m in render.comparison_marks(comp, "a") if m.kind == "claim"]
    b = [m for m in render.comparison_marks(comp, "b") if m.kind == "claim"]
    assert [m.color for m in a] == [m.color for m in b] == [render.PAIR_COLORS[0]]
    assert any(m.kind == "discrepancy" for m in render.comparison_marks(comp, "b"))


def test_chips_refuse_bad_colours() -> None:
    out = render.chips_html([("<b>x</b>", "url(javascript:1)")])
    assert "javascript" not in out and "&lt;b&gt;" in out


@pytest.mark.parametrize(
    ("color", "ink"),
    [("#7d3c98", "#ffffff"), ("#b5523b", "#ffffff"), ("#b8bec6", "#1f1f1f"), ("#c9b458", "#1f1f1f")],
)
def test_chip_text_stays_readable_on_its_colour(color: str, ink: str) -> None:
    assert f"background:{color};color:{ink}" in render.chips_html([("stance", color)])


# --- outside text inside Streamlit's Markdown ------------------------------------------------

HOSTILE_MD = [
    "[x](http://evil.example/a)",
    "![p](http://evil.example/i.png)",
    ":red[RED] :blue-background[b] :material/home:",
    "$x^2$ and $$\\int x$$",
    "<img src=http://evil.example/i.png> <script>alert(1)</script>",
    "www.evil.example and http://evil.example/bare",
    "&lt;b&gt; &amp; &#91;",
    "# heading\n\n- item\n1. item\n> quote\n---",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "**bold** _em_ ~~gone~~ `code` \\[already\\]",
    "plain words, 2,000 troops; “quoted”",
]


@pytest.mark.parametrize("text", HOSTILE_MD)
def test_plain_md_renders_as_the_text_itself(text: str) -> None:
    """Through a CommonMark parser (with GFM tables and strikethrough) the escaped value comes out
    as one paragraph of exactly its text (line breaks as spaces): no link, image, tag or format."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    flat = re.sub(r"\s*\n+\s*", " ", text)
    shown = parser.render(render.plain_md(text)).replace(render.JOINER, "")  # invisible
    assert shown == f"<p>{html.escape(flat, quote=False)}</p>\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (":red[RED]", "\\:red\\[RED\\]"),  # Streamlit's colour directive: the colon and brackets
        ("$x^2$", "\\$x\\^2\\$"),  # LaTeX
        ("a\\b", "a\\\\b"),  # a backslash of the text is a backslash shown
        ("Ümlaut “x” — é", "Ümlaut “x” — é"),  # only ASCII punctuation is escaped
        ("one\r\n\r\ntwo", "one two"),
        # GFM autolinks are matched after escapes are resolved: a word joiner breaks them.
        ("http://evil.example", "http\u2060\\:\\/\\/evil\\.example"),
        ("HTTPS://evil", "HTTPS\u2060\\:\\/\\/evil"),
        ("www.evil.example", "www\u2060\\.evil\\.example"),
        ("me@evil.example", "me\u2060\\@evil\\.example"),
    ],
)
def test_plain_md_escapes(text: str, expected: str) -> None:
    assert render.plain_md(text) == expected


def test_plain_md_cuts_long_values() -> None:
    assert render.plain_md("9" * 5000, limit=8) == "99999999…"
    assert render.plain_md("short", limit=8) == "short"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\n\nByline\n\n\n\n\n\nLead.\n\nNext.", "Byline\n\nLead.\n\nNext."),
        ("One.\n \n\t\n\nTwo.", "One.\n\nTwo."),
        ("One.\n\nTwo.", "One.\n\nTwo."),  # one blank line stays
        ("One.\nTwo.", "One.\nTwo."),
    ],
)
def test_blank_runs_shown_as_one_break(text: str, shown: str) -> None:
    out = render.highlight_html(text, [Mark(text.index("One") if "One" in text else 0, len(text), "quote")])
    body = out.split('<div class="tg-doc">', 1)[1].removesuffix("</div>")
    assert re.sub(r"<[^>]+>", "", body) == html.escape(shown, quote=True)
