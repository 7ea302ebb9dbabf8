"""The text of a found table's cells: pdfplumber's `Table.extract`, with the page's characters
looked up through an index instead of scanned once per row.

Why: `Table.extract` tests every character of the page against every row's box (and the
row's characters against every cell's), so a table page of 3,000 characters and 40 rows
costs 120,000 tests in Python, a quarter of what pdfplumber spends on a table page. Here
the characters are sorted once by their vertical middle, a row takes its band by bisection,
and the rest is `Table.extract` unchanged: the same tests on the same characters in the same
order (the page's), so the same text comes out of every cell. A cell's characters become
text by `plain_text`, pdfplumber's `extract_text` redone (PDFium's characters, read with
pdfminer's boxes, need no pdfplumber), or by pdfplumber's own for pdfplumber's characters.
"""

from __future__ import annotations

import bisect
from typing import Any


class CharIndex:
    """A page's characters sorted by their vertical middle, built once a page."""

    def __init__(self, chars: list[dict]) -> None:
        middles = [((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars)]
        middles.sort()
        self.chars = chars
        self.middles = [m for m, _ in middles]
        self.order = [i for _, i in middles]

    def in_band(self, top: float, bottom: float) -> list[dict]:
        """The characters whose vertical middle lies in [top, bottom), in page order."""
        lo = bisect.bisect_left(self.middles, top)
        hi = bisect.bisect_left(self.middles, bottom)
        return [self.chars[i] for i in sorted(self.order[lo:hi])]


def _with_middles(chars: list[dict]) -> list[tuple[float, float, dict]]:
    """Each character with its horizontal and vertical middle, computed once for every box
    it is tested against (a row's, then each of its cells')."""
    return [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in chars]


def _within(
    chars: list[tuple[float, float, dict]], bbox: tuple[float, float, float, float]
) -> list[tuple[float, float, dict]]:
    """pdfplumber's test: the characters whose middle lies inside the box (right and bottom
    open), in their given order."""
    x0, top, x1, bottom = bbox
    return [m for m in chars if x0 <= m[0] < x1 and top <= m[1] < bottom]


#: pdfplumber's text tolerances (points): a gap wider than X_TOLERANCE ends a word, tops
#: within Y_TOLERANCE of each other (chained) are one line.
X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
#: The ligatures pdfplumber's words spell out.
LIGATURES = {"\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb01": "fi", "\ufb02": "fl",
             "\ufb06": "st", "\ufb05": "st"}  # fmt: skip


def _clustered(items: list[Any], key: Any, tolerance: float) -> list[list[Any]]:
    """Items grouped by `key`, sorted values chained while within `tolerance` (pdfplumber's
    `cluster_objects`): groups in order of their values, items in their given order."""
    number: dict[float, int] = {}
    group, last = -1, None
    for value in sorted({key(i) for i in items}):
        if last is None or value > last + tolerance:
            group += 1
        number[value] = group
        last = value
    groups: dict[int, list[Any]] = {}
    for item in sorted(items, key=lambda i: number[key(i)]):
        groups.setdefault(number[key(item)], []).append(item)
    return list(groups.values())


def _words(line: list[dict]) -> list[dict]:
    """One line's characters (left to right) → words: a new word at a space, at a gap wider
    than X_TOLERANCE, where a character starts left of the last one's start, or where its
    top is more than Y_TOLERANCE from the last one's (pdfplumber's `WordExtractor`)."""
    words: list[list[dict]] = []
    current: list[dict] = []
    for char in line:
        if char["text"].isspace():
            if current:
                words.append(current)
            current = []
        elif current and (
            char["x0"] < current[-1]["x0"]
            or char["x0"] > current[-1]["x1"] + X_TOLERANCE
            or abs(char["top"] - current[-1]["top"]) > Y_TOLERANCE
        ):
            words.append(current)
            current = [char]
        else:
            current.append(char)
    if current:
        words.append(current)
    return [
        {
            "text": "".join(LIGATURES.get(c["text"], c["text"]) for c in w),
            "top": min(c["top"] for c in w),
        }  # fmt: skip
        for w in words
    ]


def plain_text(chars: list[dict]) -> str:
    """Upright characters' text as pdfplumber's `extract_text` gives it by default: the
    characters clustered into lines by their tops, each line's sorted left to right and cut
    into words, the words clustered into lines again; words joined by a space, lines by a
    newline."""
    if not chars:
        return ""
    words: list[dict] = []
    for line in _clustered(chars, lambda c: c["top"], Y_TOLERANCE):
        words += _words(sorted(line, key=lambda c: c["x0"]))
    lines = _clustered(words, lambda w: w["top"], Y_TOLERANCE)
    return "\n".join(" ".join(w["text"] for w in line) for line in lines)


def table_text(table: Any, index: CharIndex, text: Any = None) -> list[list[str | None]]:
    """Each row's cells' text, as `table.extract()` gives it (None for a merged cell), by
    `text` (chars → str; pdfplumber's `extract_text` when not given)."""
    if text is None:
        from pdfplumber.utils import extract_text as text

    out: list[list[str | None]] = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        row_chars = _within(_with_middles(index.in_band(top, bottom)), row.bbox)
        cells: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            chars = [c for _, _, c in _within(row_chars, cell)]
            cells.append(text(chars) if chars else "")
        out.append(cells)
    return out
