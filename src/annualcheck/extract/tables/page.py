"""What stands on a page around a table: its caption, its header row, and page furniture.

Why apart: both ways of reading a table (ruled, `tables_ruled`; words, `tables_text`) find
the caption it follows, skip repeated header rows, and skip page numbers and running heads
between its pieces; they must agree on what those are.
"""

from __future__ import annotations

import re
from typing import Any

from annualcheck.compiled_patterns import compiled
from annualcheck.extract.tables.results import normalize_space
from annualcheck.model.record import Caption


def lines_of_page(doc: Any, n: int) -> list[Any]:
    return list(doc.pages[n - 1].lines)


def page_count(doc: Any) -> int:
    return len(doc.pages)


def caption_pattern(part: Any) -> re.Pattern[str]:
    return compiled(rf"^\s*\[?\s*({re.escape(part.caption_label)}\s+\d+)\s*\]?\s*(.*)$")


def _is_toc_line(text: str) -> bool:
    """A contents entry: dot leaders and a page number at the end."""
    return bool(_TOC_LINE_RE.search(text))


#: Four or more leader dots and a page number ending the line. The leaders are entered only at
#: their first dot (not after a dot, nor after "dot space") and read possessively, so a line of
#: dots costs its length, not its square.
_TOC_LINE_RE = compiled(r"(?<!\.)(?<!\.\s)(?:\.\s?){4,}+\s*+\d++\s*+$")


def captions_from_lines(doc: Any, part: Any) -> list[Caption]:
    """Table captions found in the text when no layout analysis is given (contents skipped)."""
    pattern = caption_pattern(part)
    found = []
    for n in range(1, page_count(doc) + 1):
        for line in lines_of_page(doc, n):
            m = pattern.match(line.text)
            if m and not _is_toc_line(line.text):
                found.append(Caption(m.group(1), m.group(2).strip(), n, bbox=line.bbox))
    return found


def kind_of_caption(caption: Caption, part: Any, taken: Any = ()) -> Any | None:
    """Which table a caption introduces: by its words first, by its label as a fallback
    (kinds whose key is in `taken` are already found)."""
    words = caption.text.lower()
    for kind in part.kinds:
        if kind.key not in taken and any(w.lower() in words for w in kind.caption_words):
            return kind
    for kind in part.kinds:
        if kind.key not in taken and caption.label == kind.label:
            return kind
    return None


def caption_top(doc: Any, caption: Caption, part: Any) -> float:
    """Where the caption stands on its page, to take the table that follows it."""
    if caption.bbox is not None:
        return caption.bbox.top
    pattern = caption_pattern(part)
    for line in lines_of_page(doc, caption.page):
        m = pattern.match(line.text)
        if m and m.group(1) == caption.label:
            return line.bbox.top
    return 0.0


def is_header_row(cells: list[str], part: Any) -> bool:
    texts = [normalize_space(c).lower() for c in cells if normalize_space(c)]
    return bool(texts) and all(t in part.header_cells for t in texts)


def is_furniture(text: str, previous_texts: set[str]) -> bool:
    """Page furniture above a continued table: a page number ("7", "- 7 -", "vii", "Page 7
    of 83"), or a running header that the previous page also carries."""
    t = normalize_space(text)
    number = r"(?:\d+|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))"
    return (
        not t
        or bool(compiled(rf"[-–—\s]*{number}[-–—\s]*", re.IGNORECASE).fullmatch(t))
        or bool(compiled(r"page\s+\d+(?:\s*(?:of|/)\s*\d+)?", re.IGNORECASE).fullmatch(t))
        or t in previous_texts
    )


def head_and_foot_texts(doc: Any, n: int) -> set[str]:
    """The first and last lines of page n: where a running head or foot would stand."""
    lines = sorted(lines_of_page(doc, n), key=lambda line: line.bbox.top)
    return {normalize_space(line.text) for line in lines[:1] + lines[-1:]}
