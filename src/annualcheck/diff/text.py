"""The text of two reports compared: sections added, removed or rewritten, and the sentences
of the statistics section that changed.

Why apart: text is compared by words, not by keys. Numbers are masked before sentences are
paired, so a sentence whose numbers alone changed pairs up with its predecessor instead of
showing as one removal and one addition; sections are ordered by their own numbering.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, fields
from typing import Any

from annualcheck.compiled_patterns import compiled
from annualcheck.diff.align import align
from annualcheck.extract.figures.mentions import split_sentences as sentence_spans
from annualcheck.model.record import Record
from annualcheck.profiles.spec.extract import FiguresProfile

#: Sentences at least this similar (numbers masked) count as one sentence changed.
SENTENCE_THRESHOLD = 0.6
#: Sections at least this similar (title and text, see `section_similarity`) are one section.
SECTION_THRESHOLD = 0.6


@dataclass
class SectionChange:
    number: str
    title: str
    kind: str  # "added", "removed", "rewritten", "unchanged"
    similarity: float
    previous_title: str | None = None  # set when the old report titled the section otherwise
    previous_number: str | None = None  # set when the section moved: its number in the old report


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


def ratio_if_above(matcher: difflib.SequenceMatcher, floor: float) -> float:
    """The matcher's ratio where it can reach `floor`, else an upper bound below `floor`.

    Why: pairing n old with m new items asks n x m similarities, and difflib's ratio is
    quadratic in the items' lengths; its two upper bounds (by length alone, then by the
    multiset of elements) are linear and rule out nearly every pair of a report's sections
    or sentences. A value below `floor` is never paired (`align`), so only its being below
    matters, and the bound is returned as it is."""
    bound = matcher.real_quick_ratio()
    if bound < floor:
        return bound
    bound = matcher.quick_ratio()
    if bound < floor:
        return bound
    return matcher.ratio()


def _fold(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def title_similarity(a: str, b: str) -> float:
    """How alike two headings are, by their words (case and punctuation ignored)."""
    wa, wb = _fold(a), _fold(b)
    if not wa and not wb:
        return 1.0
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def section_similarity(old: tuple[str, str, str], new: tuple[str, str, str]) -> float:
    """(number, title, text) of two sections: mostly their titles, then their text, and a
    little for the same number (the tie-break between two sections of one title). Under one
    number, the same text is the same section, renamed."""
    (on, ot, ox), (nn, nt, nx) = old, new
    text = text_similarity(ox, nx) if ox or nx else 1.0
    score = 0.65 * title_similarity(ot, nt) + 0.3 * text + 0.05 * (on == nn)
    if on == nn and ox and nx:
        score = max(score, 0.95 * text)
    return score


def _gated_section_similarity(
    old: tuple[str, list[str], list[str]],
    new: tuple[str, list[str], list[str]],
    threshold: float,
) -> float:
    """`section_similarity` of two sections given as (number, title's folded words, text's
    words), where it can reach `threshold`; otherwise some value below `threshold` (see
    `ratio_if_above`). Each part is bounded before it is computed: a pair whose title cannot
    carry it to the bar is never compared word by word."""
    (on, ot, ox), (nn, nt, nx) = old, new
    same = on == nn
    both_texts = bool(ox and nx)
    if not ot and not nt:
        title_ratio = 1.0
    else:
        matcher = difflib.SequenceMatcher(None, ot, nt, autojunk=False)
        if same and both_texts:  # the text alone may carry it: the title counts exactly
            title_ratio = matcher.ratio()
        else:  # the title must reach this with the best possible text
            title_need = (threshold - 0.3 - 0.05 * same) / 0.65 - 0.001
            title_ratio = ratio_if_above(matcher, max(title_need, 0.0))
            if title_ratio < title_need:
                return min(0.65 * title_ratio + 0.3 + 0.05 * same, threshold - 0.001)
    title = 0.65 * title_ratio + 0.05 * same
    if not (ox or nx):
        return title + 0.3
    # what the text must reach for either formula of `section_similarity` to pass the bar
    # (less a rounding step: text similarity is rounded to three places)
    need = (threshold - title) / 0.3
    if same and both_texts:
        need = min(need, threshold / 0.95)
    need -= 0.001
    if need > 1.0:  # even the same text would leave the pair below the bar
        return title + 0.3
    text = ratio_if_above(difflib.SequenceMatcher(None, ox, nx, autojunk=False), max(need, 0.0))
    if text < need:
        return min(title + 0.3 * text, threshold - 0.001)
    text = round(text, 3)
    score = title + 0.3 * text
    if same and both_texts:
        score = max(score, 0.95 * text)
    return score


def compare_sections(
    old: Record, new: Record, rewritten_below: float = 0.98
) -> list[SectionChange]:
    """Sections of either report: added, removed, moved (renumbered: the same title and text
    under another number), rewritten (similarity below the bar) or unchanged.

    Why matched by title and position, not number: a report that inserts a sub-section
    renumbers every one after it ("7 (1) ii) c)" becomes "d)"); by number they would all
    read as rewritten and the last as added, though only one is new."""
    olds, news = section_texts(old), section_texts(new)
    old_titles = {s.number: s.title for s in old.sections}
    new_titles = {s.number: s.title for s in new.sections}

    def listed(texts: dict[str, str], titles: dict[str, str]) -> list[tuple[str, str, str]]:
        numbers = sorted({*texts, *titles} - {""}, key=lambda n: (section_order(n), n))
        return [(n, titles.get(n, ""), texts.get(n, "")) for n in numbers]

    a, b = listed(olds, old_titles), listed(news, new_titles)
    a_words = [(n, _fold(t), x.split()) for n, t, x in a]
    b_words = [(n, _fold(t), x.split()) for n, t, x in b]
    sim = [[_gated_section_similarity(x, y, SECTION_THRESHOLD) for y in b_words] for x in a_words]
    pairs = align(sim, SECTION_THRESHOLD) if a and b else {}
    by_new = {j: i for i, j in pairs.items()}
    out: list[tuple[tuple, SectionChange]] = []
    for j, (number, title, text) in enumerate(b):
        i = by_new.get(j)
        if i is None:
            out.append(((section_order(number), 1), SectionChange(number, title, "added", 0.0)))
            continue
        o_number, o_title, o_text = a[i]
        score = text_similarity(o_text, text) if o_text or text else 1.0
        if o_number != number:
            kind = "moved"
        else:
            kind = "unchanged" if score >= rewritten_below else "rewritten"
        renamed = o_title if o_title and o_title != title else None
        change = SectionChange(number, title, kind, score, renamed,
                               o_number if o_number != number else None)  # fmt: skip
        out.append(((section_order(number), 1), change))
    for i, (number, title, _text) in enumerate(a):
        if i not in pairs:
            out.append(((section_order(number), 0), SectionChange(number, title, "removed", 0.0)))
    return [c for _, c in sorted(out, key=lambda t: t[0])]


_NUMBER_WORDS = (
    "zero|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    "seventy|eighty|ninety"
)


_NUMBER_RE = compiled(rf"\b(?:\d[\d,.]*|(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?)\b", re.I)


def mask_numbers(sentence: str) -> str:
    """Numbers (digits and number words) replaced by '#': "47 persons" == "38 persons"."""
    return " ".join(_NUMBER_RE.sub("#", sentence).split())


@dataclass(frozen=True)
class _Sentences:
    """What the extraction's sentence splitter reads of a profile: its abbreviations."""

    abbreviations: tuple[str, ...] = next(
        f.default for f in fields(FiguresProfile) if f.name == "abbreviations"
    )


def split_sentences(text: str, profile: Any = None) -> list[str]:
    """Sentences of a paragraph, by the extraction's own splitter (so "groups, etc. (two
    less than in 2017)" stays one sentence here as it does in the record)."""
    text = " ".join(text.split())
    spans = sentence_spans(text, profile if profile is not None else _Sentences())
    return [text[s:e].strip() for s, e in spans if text[s:e].strip()]


def narrative_sentences(record: Record, section: str, profile: Any = None) -> list[str]:
    """The sentences of `section` and its sub-sections; `profile` is the figures part of
    the series' profile (its abbreviations), or None for the general ones."""
    top = re.compile(rf"^{re.escape(section)}(?:\s|$)")
    return [
        s
        for p in record.paragraphs
        if p.section and top.match(p.section)
        for s in split_sentences(p.text, profile)
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
        sim = [
            [ratio_if_above(difflib.SequenceMatcher(None, mo[a], mn[b]), SENTENCE_THRESHOLD)
             for b in news]
            for a in olds
        ]  # fmt: skip
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
