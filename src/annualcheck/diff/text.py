"""The text of two reports compared: sections added, removed or rewritten, and the sentences
of the statistics section that changed.

Why apart: text is compared by words, not by keys. Numbers are masked before sentences are
paired, so a sentence whose numbers alone changed pairs up with its predecessor instead of
showing as one removal and one addition; sections are ordered by their own numbering.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from annualcheck.diff.align import align
from annualcheck.model.record import Record

#: Sentences at least this similar (numbers masked) count as one sentence changed.
SENTENCE_THRESHOLD = 0.6


@dataclass
class SectionChange:
    number: str
    title: str
    kind: str  # "added", "removed", "rewritten", "unchanged"
    similarity: float
    previous_title: str | None = None  # set when the old report titled the section otherwise


@dataclass
class SentenceChange:
    kind: str  # "changed", "added", "removed"
    old: str | None
    new: str | None
    similarity: float
    numbers_only: bool  # the sentences differ only in their numbers


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _part_order(part: str) -> int:
    """ "3" -> 3, "iv" -> 4 (sub-sections are numbered in roman), "b" -> 2 (a letter)."""
    if part.isdigit():
        return int(part)
    if set(part) <= set(_ROMAN):
        values = [_ROMAN[c] for c in part]
        return sum(
            -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
        )
    return ord(part[0]) - ord("a") + 1


def section_order(section: str | None) -> tuple:
    """Sort key of a section number such as "7 (1) ii) c)", in the document's own order."""
    if not section:
        return (999,)
    return tuple(_part_order(n) for n in re.findall(r"\d+|[a-z]+", section.lower()))


def section_texts(record: Record) -> dict[str, str]:
    """Body text per section number, paragraphs joined in reading order."""
    out: dict[str, list[str]] = {}
    for p in record.paragraphs:
        out.setdefault(p.section or "", []).append(p.text)
    return {k: "\n".join(v) for k, v in out.items()}


def text_similarity(a: str, b: str) -> float:
    return round(difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio(), 3)


def compare_sections(
    old: Record, new: Record, rewritten_below: float = 0.98
) -> list[SectionChange]:
    """Sections of either report: added, removed, rewritten (similarity below the bar) or unchanged."""
    olds, news = section_texts(old), section_texts(new)
    old_titles = {s.number: s.title for s in old.sections}
    titles = old_titles | {s.number: s.title for s in new.sections}
    order = sorted({*news, *olds}, key=lambda n: (section_order(n), n))
    out = []
    for number in order:
        if number not in olds and number not in news:
            continue
        if number not in olds:
            kind, score = "added", 0.0
        elif number not in news:
            kind, score = "removed", 0.0
        else:
            score = text_similarity(olds[number], news[number])
            kind = "unchanged" if score >= rewritten_below else "rewritten"
        title = titles.get(number, "")
        before = old_titles.get(number)
        renamed = before if kind != "removed" and before is not None and before != title else None
        out.append(SectionChange(number, title, kind, score, renamed))
    return out


_NUMBER_WORDS = (
    "zero|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    "seventy|eighty|ninety"
)


_NUMBER_RE = re.compile(rf"\b(?:\d[\d,.]*|(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?)\b", re.I)


def mask_numbers(sentence: str) -> str:
    """Numbers (digits and number words) replaced by '#': "47 persons" == "38 persons"."""
    return " ".join(_NUMBER_RE.sub("#", sentence).split())


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph: a full stop, then space and a capital or an opening bracket."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z(\[“\"○•-])", " ".join(text.split()))
    return [p.strip() for p in parts if p.strip()]


def narrative_sentences(record: Record, section: str) -> list[str]:
    top = re.compile(rf"^{re.escape(section)}(?:\s|$)")
    return [
        s
        for p in record.paragraphs
        if p.section and top.match(p.section)
        for s in split_sentences(p.text)
    ]


def compare_sentences(old: list[str], new: list[str]) -> list[SentenceChange]:
    """Changed, added and removed sentences; compared with numbers masked so that a sentence
    whose numbers alone changed is one change, not a removal and an addition."""
    mo, mn = [mask_numbers(s) for s in old], [mask_numbers(s) for s in new]
    out: list[SentenceChange] = []
    sm = difflib.SequenceMatcher(None, mo, mn, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.extend(
                SentenceChange("changed", old[i1 + k], new[j1 + k], 1.0, True)
                for k in range(i2 - i1)
                if old[i1 + k] != new[j1 + k]
            )
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        sim = [[difflib.SequenceMatcher(None, mo[a], mn[b]).ratio() for b in news] for a in olds]
        pairs = align(sim, SENTENCE_THRESHOLD) if olds and news else {}
        by_new = {news[b]: olds[a] for a, b in pairs.items()}
        paired_old = set(by_new.values())
        for a in olds:
            if a not in paired_old:
                out.append(SentenceChange("removed", old[a], None, 0.0, False))
        for b in news:
            a = by_new.get(b)
            if a is None:
                out.append(SentenceChange("added", None, new[b], 0.0, False))
            else:
                score = round(difflib.SequenceMatcher(None, mo[a], mn[b]).ratio(), 3)
                out.append(SentenceChange("changed", old[a], new[b], score, mo[a] == mn[b]))
    return out
