"""Text normalised the same whatever program printed the PDF.

Why here, right after the lines are read: producers put different code points into the
text layer for the same printed words. A typesetter that keeps ligatures writes "ﬃ" (U+FB03)
for "ffi", Word writes its bullets as U+F0B7 (a Symbol-font code point in the private use
area), OCR reads round bullets as "¢", "@" or "e". Every later stage compares words, so the
words must not depend on the producer: ligatures are folded to their letters and bullet
glyphs become one canonical bullet ("•") at the start of a line. Hyphens at line ends are
joined later, where the lines of a paragraph are known (`join_hyphenated`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from annualcheck.compiled_patterns import compiled

#: Ligature code points → their letters (NFKC would also fold digits and widths we keep).
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE_TABLE = str.maketrans(LIGATURES)

#: Glyphs producers print as a list bullet (Word's Symbol bullet U+F0B7 and Wingdings
#: U+F0A7/U+F076, geometric shapes, "○" of the series), followed by a space.
BULLET_GLYPHS = "○◯●◦•▪▫■□◆◇‣⁃∙·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc✓※・"
#: OCR's readings of a small round bullet: only when followed by a space and a capital,
#: standing alone at the start of a line.
OCR_BULLETS = "¢@©®eo"
CANONICAL_BULLET = "•"
_BULLET_RE = compiled(rf"^[{re.escape(BULLET_GLYPHS)}]\s+(?=\S)|^[\uf0b7\uf0a7•](?=[A-Z])")
_OCR_BULLET_RE = compiled(rf"^[{re.escape(OCR_BULLETS)}]\s+(?=[A-Z])")


def fold_ligatures(text: str) -> str:
    """'eﬃcient' → 'efficient' (every ligature code point to its letters)."""
    return text.translate(_LIGATURE_TABLE)


def canonical_bullet(text: str) -> str:
    """A line starting with any bullet glyph starts with '• ' instead (one form for all
    producers, so later stages know one bullet); other lines are unchanged."""
    m = _BULLET_RE.match(text) or _OCR_BULLET_RE.match(text)
    if m is None:
        return text
    return f"{CANONICAL_BULLET} {text[m.end() :]}"


def normalise_text(text: str) -> str:
    """One line's text as every later stage wants it."""
    return canonical_bullet(fold_ligatures(text))


def normalise_line(line: Any) -> Any:
    """A pdf.document.Line with its text and cells normalised (a new Line when changed)."""
    text = normalise_text(line.text)
    cells = [fold_ligatures(c) for c in line.cells]
    if cells:
        cells[0] = canonical_bullet(cells[0])
    if text == line.text and cells == line.cells:
        return line
    return replace(line, text=text, cells=cells)


def normalise_page(page: Any) -> Any:
    """A pdf.document.PageText with every line normalised (in place; returns the page)."""
    page.lines = [normalise_line(line) for line in page.lines]
    return page


# -- OCR noise ---------------------------------------------------------------------------

#: A full stop, colon or semicolon OCR put for a space between two lower-case words
#: ("less:than", "figures.in"); single letters ("e.g.") and capitals are left alone.
_OCR_JOINED_RE = compiled(r"(?<=[a-z]{2})[.:;](?=[a-z]{2,}\b)")


#: "in-2018", "in:2018", "in.2018", "year.6": a mark OCR put for the space between a
#: lower-case word and a number (a sentence never ends without a space after its stop;
#: "No.5" and "1.5" are not a lower-case word before it; a hyphen only after a word of two
#: letters, as "mid-2019" is a word).
_OCR_BEFORE_NUMBER_RE = compiled(r"(?<=\b[a-z]{2})[-:;.](?=\d)|(?<=[a-z]{3})[:;.](?=\d)")
#: "US$130,000:to", "FY2016.the": a mark OCR put for the space between a number and a
#: lower-case word ("17:00" and "1.5" have a digit after the mark, "2016. The" a space).
_OCR_AFTER_NUMBER_RE = compiled(r"(?<=\d)[.:;](?=[a-z]{2,}\b)")
#: "100,000. yen", "6. months": a stop between a number and a lower-case word after a
#: space: the sentence goes on, so it is a speck.
_OCR_NUMBER_STOP_RE = compiled(r"(?<=\d)\.(?=\s[a-z]{2,}\b)")
#: "Prefectural:Ordinance": a colon or semicolon OCR put for the space before a capitalised
#: word (a text's own colon has a space after it).
_OCR_JOINED_CAPITAL_RE = compiled(r"(?<=[a-z]{2})[:;](?=[A-Z][a-z])")
#: "FY2016,.182", "years,.200,000": a speck after a comma before a number.
_OCR_COMMA_SPECK_RE = compiled(r"(?<=\w),[.:;](?=\d)")
#: "than. in", "Act. on": a full stop before a lower-case word (a sentence goes on): a
#: speck; not after "etc", whose stop is the abbreviation's.
_OCR_STRAY_STOP_RE = compiled(r"(?<=[A-Za-z][a-z]{2})(?<!\betc)\.(?=\s[a-z]{2,}\b)")
#: "300;000": a semicolon or colon OCR read for the comma of a digit group ("17:00" is a
#: time, two digits after).
_OCR_DIGIT_GROUP_RE = compiled(r"(?<=\d)[;:](?=\d{3}\b)")
#: "Punishment-of", "Relating-to": a hyphen OCR read for the space between a capitalised
#: word and a short function word (compounds such as "Anti-Prostitution" or "out-of-court"
#: are not a capitalised word and one of these).
_OCR_HYPHEN_SPACE_RE = compiled(r"\b([A-Z][a-z]+)-(of|to|the|and|on|in|for)\b")


def clean_ocr_text(text: str) -> str:
    """OCR's punctuation between words back to a space ("less:than", "in-2018", "than. in").
    Only for OCR'd text: in a text layer "moj.go.jp" is an address, not two words."""
    text = _OCR_JOINED_RE.sub(" ", text)
    text = _OCR_BEFORE_NUMBER_RE.sub(" ", text)
    text = _OCR_AFTER_NUMBER_RE.sub(" ", text)
    text = _OCR_NUMBER_STOP_RE.sub("", text)
    text = _OCR_JOINED_CAPITAL_RE.sub(" ", text)
    text = _OCR_COMMA_SPECK_RE.sub(", ", text)
    text = _OCR_DIGIT_GROUP_RE.sub(",", text)
    text = _OCR_HYPHEN_SPACE_RE.sub(r"\1 \2", text)
    return _OCR_STRAY_STOP_RE.sub("", text)


def clean_ocr_page(page: Any) -> Any:
    """A PageText of OCR'd text with `clean_ocr_text` applied to every line (in place)."""
    page.lines = [
        replace(ln, text=clean_ocr_text(ln.text), cells=[clean_ocr_text(c) for c in ln.cells])
        for ln in page.lines
    ]
    return page


# -- line-end hyphens --------------------------------------------------------------------

_HYPHEN_END_RE = compiled(r"([A-Za-z]+)-$")
_WORD_START_RE = compiled(r"^([A-Za-z]+)")


def join_hyphenated(
    before: str, after: str, is_word: Callable[[str], bool] | None = None
) -> str | None:
    """Join a line ending in 'prose-' with the next line 'cuted ...' when the hyphen is a
    break: 'reported' is a word and 're-ported' is not a known compound. Returns the
    joined text, or None when the hyphen belongs to the word (a real compound such as
    'Anti-Prostitution' or 'self-reliance': the caller keeps it and joins without a space).

    A second half in capitals is a compound ('Anti-' + 'Prostitution'); otherwise the joined
    word is looked up with `is_word` (words seen elsewhere in the document unhyphenated)."""
    m = _HYPHEN_END_RE.search(before)
    n = _WORD_START_RE.match(after)
    if m is None or n is None:
        return None
    head, tail = m.group(1), n.group(1)
    if tail[:1].isupper():
        return None
    if is_word is None or not is_word((head + tail).lower()):
        return None
    return before[:-1] + after


_WORD_RE = compiled(r"[A-Za-z]+")


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Every word printed whole in the texts (lower case), for `join_hyphenated`.

    The texts are searched as one, joined by a line break (no letter, so no word spans
    two texts), and each distinct word lowered once: 2020's ~23,000 words cost one
    search instead of one per line and a generator step per word. Each word is lowered,
    not the text: lowering can turn a non-ASCII letter into ASCII ones (KELVIN SIGN -> k)."""
    return {word.lower() for word in set(_WORD_RE.findall("\n".join(texts)))}


__all__ = [
    "CANONICAL_BULLET",
    "canonical_bullet",
    "clean_ocr_page",
    "clean_ocr_text",
    "fold_ligatures",
    "join_hyphenated",
    "normalise_line",
    "normalise_page",
    "normalise_text",
    "vocabulary",
]
