"""Name occurrences written into made-up texts, as the actor tests give them to the resolver."""

from __future__ import annotations

from lib.records import Actor, Mention
from lib.text.aliases import slug


def name_spans(texts: dict[str, str], names: dict[str, list[tuple[str, str]]]) -> list[tuple[Mention, Actor]]:
    """Every occurrence of each (surface, kind) in its document, longer names first, none overlapping."""
    found: list[tuple[Mention, Actor]] = []
    for doc, pairs in names.items():
        taken: list[tuple[int, int]] = []
        for surface, kind in sorted(pairs, key=lambda p: -len(p[0])):
            start = texts[doc].find(surface)
            while start >= 0:
                end = start + len(surface)
                if all(end <= s or e <= start for s, e in taken):
                    taken.append((start, end))
                    found.append(
                        (
                            Mention(doc, slug(surface), surface, start, end),
                            Actor(slug(surface), surface, kind),
                        )
                    )
                start = texts[doc].find(surface, end)
    return sorted(found, key=lambda f: (f[0].doc_id, f[0].start))
