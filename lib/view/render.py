"""Outside text made safe to show: document text as HTML with our own highlights, and any
value from a link, a file or a document as Markdown that renders as the text itself.

Every character of document text goes through ``html.escape``: markup or a ``<script>`` inside
a report is shown as text, never run. The only tags in the output are the ones written here
(``<div>``, ``<mark>``, ``<style>``); attribute values are escaped too, and colours are checked.

Streamlit renders Markdown in st.markdown, st.caption, st.info/warning/error, labels and tooltips,
with its own additions (``:red[...]`` colours, ``$...$`` LaTeX). ``plain_md`` is the one helper that
makes outside text inert there: a link or image from a report would otherwise be clickable or load
an outside resource (a tracking pixel).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lib.records import Analysis, Comparison
from lib.view.frames import uncertain_speaker

KINDS = ("quote", "speaker", "actor", "date", "claim", "discrepancy", "target", "hit")
# Pair colours for aligned claims: soft enough to read text over them.
PAIR_COLORS = ("#cfe8d5", "#d6e4f5", "#f6e3c5", "#ead7f0", "#f5d5d8", "#d9f0ef", "#eee9c7", "#e3e3e3")
TARGET_ID = "tg-target"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Every ASCII punctuation character: CommonMark lets any of them be backslash-escaped, and escaping
# all of them also stops GFM autolinks (``www.x``), Streamlit's ``:color[...]`` directives, ``$``
# math, tables, HTML and entities, without a list of what each Markdown extension reacts to.
_MD_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_MD_BREAK = re.compile(r"\s*[\r\n]+\s*")
# GFM autolinks are found in the parsed text, after escapes are gone (Streamlit linked
# ``http\:\/\/evil\.example`` in a real browser): an invisible word joiner splits what they match.
JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=http)(?=://)|(?<=https)(?=://)|\b(?<=www)(?=\.)|(?<=[\w.+-])(?=@)")


def plain_md(value: object, limit: int | None = None) -> str:
    """``value`` as Markdown that Streamlit shows as exactly that text (on one line): for any text
    from a link, a file or a document inside st.markdown, st.caption, st.info, labels and tooltips.

    ``limit`` cuts a long value (an echoed URL parameter) to that many characters plus "…"."""
    text = str(value)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    # A line break would start a new block (a heading, a list) in the middle of our sentence.
    text = _AUTOLINK.sub(JOINER, _MD_BREAK.sub(" ", text))
    return _MD_PUNCTUATION.sub(r"\\\1", text)


CSS = """
<style>
.tg-doc{white-space:pre-wrap;line-height:1.65;font-size:0.98rem;max-width:70ch}
.tg-doc mark{background:none;color:inherit;padding:0 1px;border-radius:3px}
.tg-doc mark.tg-quote{background:#fbf0c9}
.tg-doc mark.tg-speaker{font-weight:600}
.tg-doc mark.tg-actor{border-bottom:2px solid #3d6fa5}
.tg-doc mark.tg-date{border-bottom:2px dotted #4c9a6a}
.tg-doc mark.tg-discrepancy{outline:2px dashed #b5523b}
.tg-doc mark.tg-target{outline:2px solid #d98b3a;background:#fde3c4}
.tg-doc mark.tg-hit{background:#fff176;box-shadow:0 0 0 1px #e0c200}
.tg-legend mark{padding:0 4px;border-radius:3px;margin-right:8px}
</style>
"""


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # one of KINDS
    title: str = ""
    color: str = ""  # "#rrggbb" background, for aligned claims


def _boundaries(length: int, marks: Sequence[Mark]) -> list[int]:
    cuts = {0, length}
    for m in marks:
        cuts.update((max(0, min(m.start, length)), max(0, min(m.end, length))))
    return sorted(cuts)


def _open_tag(covering: Sequence[Mark], is_target_start: bool) -> str:
    classes = " ".join(dict.fromkeys(f"tg-{m.kind}" for m in covering if m.kind in KINDS))
    titles = "; ".join(dict.fromkeys(m.title for m in covering if m.title))
    color = next((m.color for m in covering if _COLOR.match(m.color)), "")
    attrs = f' class="{html.escape(classes)}"'
    attrs += f' title="{html.escape(titles, quote=True)}"' if titles else ""
    attrs += f' style="background:{color}"' if color else ""
    attrs += f' id="{TARGET_ID}"' if is_target_start else ""
    return f"<mark{attrs}>"


# Runs of blank lines (a flattened web page's empty blocks) shown as one paragraph break: the
# text is pre-wrapped, so five empty lines would show as a screen of white.
_BLANK_RUN = re.compile(r"\n[ \t\r\f\v]*(?:\n[ \t\r\f\v]*){2,}")


def highlight_html(text: str, marks: Sequence[Mark]) -> str:
    """``text`` escaped, its marked spans wrapped in ``<mark>``; overlapping marks combine classes."""
    cuts = _boundaries(len(text), marks)
    out: list[str] = []
    target_seen = False
    for lo, hi in itertools.pairwise(cuts):
        shown = _BLANK_RUN.sub("\n\n", text[lo:hi])
        piece = html.escape(shown.lstrip("\n") if lo == 0 else shown, quote=True)
        covering = [m for m in marks if m.start <= lo and hi <= m.end and m.start < m.end]
        if not covering:
            out.append(piece)
            continue
        is_target = any(m.kind == "target" for m in covering) and not target_seen
        target_seen = target_seen or is_target
        out.append(f"{_open_tag(covering, is_target)}{piece}</mark>")
    return f'{CSS}<div class="tg-doc">{"".join(out)}</div>'


def document_marks(analysis: Analysis, doc_id: str) -> list[Mark]:
    """Actor mentions, quotes (with their speakers) and dates of one document."""
    names = {a.id: a.name for a in analysis.actors}
    marks = [
        Mark(m.start, m.end, "actor", names.get(m.actor_id, m.actor_id))
        for m in analysis.mentions
        if m.doc_id == doc_id
    ]
    for q in analysis.quotes:
        if q.doc_id == doc_id:
            who = names.get(q.speaker_id or "", q.speaker_text) or "unknown speaker"
            if uncertain_speaker(who, q.speaker_confidence):  # shown, with how sure the attribution is
                who = f"{who} (uncertain, speaker confidence {q.speaker_confidence:.2f})"
            marks.append(Mark(q.start, q.end, "quote", f"{q.kind} quote — {who}"))
            if q.speaker_start is not None and q.speaker_end is not None:
                marks.append(Mark(q.speaker_start, q.speaker_end, "speaker", f"speaker: {who}"))
    marks += [
        Mark(d.start, d.end, "date", f"date: {d.value} ({d.precision})")
        for d in analysis.dates
        if d.doc_id == doc_id
    ]
    return marks


def legend_html(hits: bool = False) -> str:
    """The Reader's legend; ``hits``: with the search hits' colour."""
    items = [
        ("tg-quote", "quote"),
        ("tg-actor", "actor"),
        ("tg-date", "date"),
        ("tg-target", "linked span"),
        *([("tg-hit", "search hit")] if hits else []),
    ]
    body = "".join(f'<mark class="{cls}">{label}</mark>' for cls, label in items)
    return f'{CSS}<div class="tg-doc tg-legend">{body}</div>'


SCROLL_SCRIPT = (
    f"<script>setTimeout(()=>{{const t=document.getElementById('{TARGET_ID}');"
    "if(t){t.scrollIntoView({block:'center'});}},300);</script>"
)


def _ink(color: str) -> str:
    """Dark text on a light chip, white on a dark one (WCAG 2 relative luminance, simplified)."""
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#1f1f1f" if 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.5 else "#ffffff"


def chips_html(items: Sequence[tuple[str, str]]) -> str:
    """A legend: one coloured chip per (label, "#rrggbb")."""
    safe = [(label, color if _COLOR.match(color) else "#ffffff") for label, color in items]
    chips = "".join(
        f'<mark style="background:{color};color:{_ink(color)}">{html.escape(label)}</mark>'
        for label, color in safe
    )
    return f'{CSS}<div class="tg-doc tg-legend">{chips}</div>'


def comparison_marks(comparison: Comparison, side: str) -> list[Mark]:
    """Aligned claims of one side ("a" or "b") in their pair's colour; discrepancies outlined."""
    marks = [
        Mark(
            s.start,
            s.end,
            "claim",
            f"claim {i + 1} ({p.relation}, {p.score:.2f})",
            PAIR_COLORS[i % len(PAIR_COLORS)],
        )
        for i, p in enumerate(comparison.aligned)
        for s in [p.a if side == "a" else p.b]
    ]
    marks += [
        Mark(s.start, s.end, "discrepancy", f"discrepancy ({d.kind}): {d.about}")
        for d in comparison.discrepancies
        for s in [d.a if side == "a" else d.b]
    ]
    return marks


def snippet_html(text: str, part: str = "", kind: str = "discrepancy", label: str = "") -> str:
    """A short text (a sentence, a title) escaped, the first occurrence of ``part`` marked."""
    at = text.find(part) if part else -1
    marks = [Mark(at, at + len(part), kind)] if at >= 0 else []
    head = f"<strong>{html.escape(label)}</strong> " if label else ""
    return highlight_html(text, marks).replace('<div class="tg-doc">', f'<div class="tg-doc">{head}', 1)


def passage_html(label: str, text: str) -> str:
    """The passage a link points at, boxed above the document."""
    box = '<div class="tg-doc" style="border-left:4px solid #d98b3a;padding:6px 12px;background:#fdf3e6">'
    return f"{CSS}{box}<strong>{html.escape(label)}</strong><br>{html.escape(text)}</div>"
