"""The text strategy: a table read from its words where the producer drew no ruling.

Why apart: it reads a table another way than the ruled finder (column edges from the header
line's first words, rows from row numbers or dates in the first column), and it runs only
when the ruled reading found no body rows.
"""

from __future__ import annotations

from typing import Any

from annualcheck.extract.tables.page import (
    caption_pattern,
    caption_top,
    is_furniture,
    is_header_row,
    page_count,
)
from annualcheck.extract.tables.rows import RawRow, join_cells
from annualcheck.model.record import BBox, Caption
from annualcheck.model.safety import bounded_int
from annualcheck.pdf.words import page_words


def _header_columns(
    words: list[dict], header_words: tuple[str, ...]
) -> tuple[float, list[float]] | None:
    """The header line's position and the left edge of each column (from its first words)."""
    firsts = [h.split()[0].lower() for h in header_words]
    for w in words:
        if w["text"].lower() != firsts[0]:
            continue
        line = [v for v in words if abs(v["top"] - w["top"]) < (w["bottom"] - w["top"]) / 2]
        edges = [w["x0"]]
        for first in firsts[1:]:
            hit = next(
                (v for v in line if v["text"].lower() == first and v["x0"] > edges[-1]), None
            )
            if hit is None:
                break
            edges.append(hit["x0"])
        if len(edges) == len(firsts):
            return w["bottom"], edges
    return None


def _text_lines(words: list[dict], below: float) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted((w for w in words if w["top"] >= below), key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) < (w["bottom"] - w["top"]) / 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _split_columns(line: list[dict], edges: list[float]) -> list[str]:
    cells = [""] * len(edges)
    for w in sorted(line, key=lambda w: w["x0"]):
        col = (
            max(i for i, e in enumerate(edges) if w["x0"] >= e - 2)
            if w["x0"] >= edges[0] - 2
            else 0
        )
        cells[col] = f"{cells[col]} {w['text']}".strip()
    return cells


def _words(doc: Any, n: int) -> list[dict]:
    """The words of page n, from the document's own reader when it has one (it reads a page
    over the vector budget with PDFium), else from pdfplumber."""
    page_words = getattr(doc, "page_words", None)
    return page_words(n) if page_words is not None else doc.plumber_page(n).extract_words()


def text_rows(doc: Any, caption: Caption, kind: Any, part: Any) -> tuple[list[RawRow], list[int]]:
    """Rows read from words when the table has no ruling: under the header, a line whose
    first column holds the next row number (or a date, for a table of dated entries) starts a row; other lines
    continue it; the table ends at a line whose first column holds anything else."""
    pattern = caption_pattern(part)
    rows: list[RawRow] = []
    pages: list[int] = []
    edges: list[float] | None = None
    top = caption_top(doc, caption, part)
    months = tuple(m.lower() for m in part.months)
    previous_texts: set[str] = set()
    # Pages are read while the rows go on (a table printed large runs over many pages);
    # its first row must be found within the first few pages.
    for n in range(caption.page, page_count(doc) + 1):
        if not rows and n >= caption.page + 4:
            break
        words = page_words(doc, n)
        page_lines = _text_lines(words, 0.0)
        # A running head or foot: the page's first or last line, as on the page before.
        ends = {
            id(ln[0]): " ".join(w["text"] for w in ln) for ln in page_lines[:1] + page_lines[-1:]
        }
        repeated = {key for key, text in ends.items() if text in previous_texts}
        page_texts = set(ends.values())
        if n == caption.page:
            candidates = [w for w in words if w["top"] >= top]
        else:  # on a later page only a header repeated at its top counts
            candidates = [w for line in _text_lines(words, 0.0)[:2] for w in line]
        found = _header_columns(candidates, kind.header_words)
        below = top if n == caption.page else 0.0
        if found is not None:
            below, edges = found
        if edges is None:
            previous_texts = page_texts
            continue
        ended = False
        previous_bottom: float | None = None
        lines = _text_lines(words, below)
        leading = _line_leading(lines)
        for line in lines:
            text = " ".join(w["text"] for w in line)
            cells = _split_columns(line, edges)
            if is_header_row(cells, part) or is_furniture(text, set()) or id(line[0]) in repeated:
                continue
            if pattern.match(text) and rows:
                ended = True
                break
            key = cells[0]
            line_top = min(w["top"] for w in line)
            height = max(w["bottom"] - w["top"] for w in line)
            # Rows are set apart by more than the line spacing inside a cell.
            gap_before = (
                previous_bottom is None or line_top - previous_bottom > leading + 0.2 * height
            )
            previous_bottom = max(w["bottom"] for w in line)
            if kind.kind == "trial":
                number = bounded_int(key)
                previous = bounded_int(rows[-1].cells[0]) if rows else 0
                starts = number is not None and previous is not None and number == previous + 1
                continues = not key
            elif kind.kind == "columns":  # no row key to recognise: a new row is a new line
                starts = bool(key) and (not rows or gap_before)
                continues = not key or not gap_before
            else:
                starts = key.lower().startswith(months) and (not rows or gap_before)
                continues = not key or not gap_before
            if starts:
                rows.append(RawRow(cells, [n], [_words_box(line)]))
            elif rows and continues:
                last = rows[-1]
                last.cells = join_cells(last.cells, cells)
                if n not in last.pages:
                    last.pages.append(n)
                    last.joined = True
            elif rows:
                ended = True
                break
            if n not in pages:
                pages.append(n)
        if ended or (rows and n not in pages):
            break
        previous_texts = page_texts
    return rows, pages


def _line_leading(lines: list[list[dict]]) -> float:
    """The smallest gap between consecutive lines: the spacing of lines inside one cell."""
    gaps = [
        min(w["top"] for w in b) - max(w["bottom"] for w in a)
        for a, b in zip(lines, lines[1:], strict=False)
    ]
    gaps = [g for g in gaps if g >= 0]
    return min(gaps) if gaps else 0.0


def _words_box(words: list[dict]) -> BBox:
    return BBox(
        min(w["x0"] for w in words),
        min(w["top"] for w in words),
        max(w["x1"] for w in words),
        max(w["bottom"] for w in words),
    )
