"""The last step of figure extraction: figures found across a report merged into one per key
and period, with restatements ("[Repeated from X]" passages, references) as occurrences.

Why apart: merging works on whole figures of the whole report, not on sentences, and it
decides which paragraphs really repeat another section (the layout's mark confirmed by the
words of the section it names), so a repeated figure is checked against its original.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from annualcheck.model.record import Figure, Occurrence, Paragraph

if TYPE_CHECKING:
    from annualcheck.profiles.spec.extract import FiguresProfile


def section_parts(section: str | None) -> tuple[str, ...]:
    """ "2 (1) i)" -> ("2", "1", "i"); tolerant of missing parentheses ("2 (1) i")."""
    if not section:
        return ()
    return tuple(re.findall(r"\d+|[a-z]+", section.lower()))


def strip_repeated_marker(paragraph: Paragraph, profile: FiguresProfile) -> tuple[str, str | None]:
    """The paragraph text with any "[Repeated from X]" blanked out (positions kept), and the
    section it repeats: the layout's `repeated_from`, else a marker inside the text."""
    repeated_from = paragraph.repeated_from
    text = paragraph.text
    for m in re.finditer(profile.repeated_marker, text, re.IGNORECASE):
        repeated_from = repeated_from or m.group(1)
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text, repeated_from


def merge_figures(found: list[Figure]) -> list[Figure]:
    """One Figure per key and period.

    Figures outside repeated passages come first, in reading order; a later one with the same
    key, period and value is a reference to it ("the 13 non-Japanese nationals") and is
    dropped, one with another value is kept as an occurrence so the disagreement can be
    checked. A figure inside a "[Repeated from X]" passage becomes an occurrence of the
    original; with no original it stands as the Figure, `repeated_from` set.
    """
    by_key: dict[tuple[str, str], Figure] = {}
    order: list[tuple[str, str]] = []
    originals = [f for f in found if f.repeated_from is None]
    repeats = [f for f in found if f.repeated_from is not None]
    for fig in originals + repeats:
        kp = (fig.key, fig.period)
        first = by_key.get(kp)
        if first is None:
            by_key[kp] = replace(fig, occurrences=list(fig.occurrences))
            order.append(kp)
            continue
        if fig.repeated_from is None and fig.value == first.value:
            if first.stated_change is None and fig.stated_change is not None:
                first.stated_change = fig.stated_change
            continue
        first.occurrences.append(
            Occurrence(
                value=fig.value,
                page=fig.page,
                quote=fig.quote,
                section=fig.section,
                repeated_from=fig.repeated_from,
                printed_page=fig.printed_page,
                bbox=fig.bbox,
            )
        )
    return [by_key[kp] for kp in order]


def repeated_sources(
    paragraphs: list[Paragraph], profile: FiguresProfile, share: float = 0.6
) -> list[str | None]:
    """For each paragraph, the section it repeats, or None.

    A paragraph counts as repeated when the layout (or a marker in its text) says so and its
    words are mostly found in the section it names: a passage marker stands after the
    passage, and a layout that takes one paragraph too many into it must not turn that
    paragraph's own figures into occurrences of another section's."""
    marked = [strip_repeated_marker(p, profile)[1] for p in paragraphs]
    words_of: dict[tuple[str, ...], set[str]] = {}
    for p, ref in zip(paragraphs, marked, strict=True):
        if ref is None:
            words_of.setdefault(section_parts(p.section), set()).update(_words(p.text))
    out: list[str | None] = []
    sources: dict[tuple[str, ...], set[str]] = {}
    for p, ref in zip(paragraphs, marked, strict=True):
        if ref is None:
            out.append(None)
            continue
        want = section_parts(ref)
        if want not in sources:
            sources[want] = set().union(
                *(w for parts, w in words_of.items() if parts[: len(want)] == want)
            )
        source = sources[want]
        own = _words(strip_repeated_marker(p, profile)[0])
        confirmed = not source or not own or len(own & source) / len(own) >= share
        out.append(ref if confirmed else None)
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", text.lower()))
