"""The text strategy: a table read from its words where the producer drew no ruling.

Why apart: it reads a table another way than the ruled finder (column edges from the header
line's first words, moved to where the body's cells start; rows keyed by row numbers or dates
in the first column, each page's lines given to those rows by `bands`, whatever the vertical
alignment of the cells), and it runs only when the ruled reading found no body rows.
"""

from __future__ import annotations

from typing import Any

from annualcheck.extract.tables.bands import NEXT_ROW, BandRow, Piece, TableLine, rows_of_page
from annualcheck.extract.tables.edges import census_over_budget
from annualcheck.extract.tables.page import (
    caption_pattern,
    caption_top,
    is_furniture,
    is_header_row,
    page_count,
)
from annualcheck.extract.tables.rows import RawRow, join_cells
from annualcheck.extract.tables.ruled import page_rule_edges
from annualcheck.layout.contents import norm_words
from annualcheck.model.record import BBox, Caption
from annualcheck.model.safety import bounded_int
from annualcheck.pdf.words import page_words


def _header_columns(
    words: list[dict],
    header_words: tuple[str, ...],
    body: list[dict] | None = None,
    before: tuple[list[float], list[float]] | None = None,
) -> tuple[float, list[float], list[float]] | None:
    """The header line's position, the left edge of each column (from its first words, moved
    to where the cells of `body`, the page's words, start: `aligned_edges`) and the header
    words' own edges. A header repeated where the page before printed it (`before`: its own
    edges and the columns found under it) keeps those columns: the continuation may hold one
    row above the narrative, too few lines to show where cells start."""
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
            if before is not None and all(
                abs(a - b) <= 2 for a, b in zip(before[0], edges, strict=True)
            ):
                return w["bottom"], before[1], edges
            below = [v for v in (words if body is None else body) if v["top"] >= w["bottom"]]
            return w["bottom"], aligned_edges(below, edges, line), edges
    return None


def aligned_edges(
    body: list[dict], edges: list[float], header: list[dict], window: float | None = None
) -> list[float]:
    """Column edges where the body's cells start, for a producer that centres the header words
    over their columns. A column's cells are set flush left, so its lines start at one edge:
    of the body's words that start after the previous header word and no further right than
    this header word, the left edge most of them share is where the column begins (under a
    flush-left header that is the header word's own edge). Kept as the header word's edge
    when no edge is shared by three words (centred cells). With a `window`, the columns of the
    page before moved by at most that much (a scanned page sits a little shifted or turned)."""
    out = [edges[0]]
    for i, edge in enumerate(edges[1:], start=1):
        before = max((h["x1"] for h in header if h["x0"] < edge - 2), default=edges[i - 1])
        after = edge + 2
        if window is not None:
            before, after = edge - window, edge + window
        starts = [v["x0"] for v in body if before < v["x0"] <= after]
        counts: dict[int, int] = {}
        for x in starts:
            counts[round(x)] = counts.get(round(x), 0) + 1
        shared = {k: sum(counts.get(k + d, 0) for d in (-1, 0, 1)) for k in counts}
        best = max(shared.items(), key=lambda kv: (kv[1], kv[0]), default=None)
        if best is None or best[1] < 3:
            out.append(edge)
        else:
            found = min(x for x in starts if abs(x - best[0]) <= 1.5)
            out.append(found if window is not None else min(found, edge))
    return out


def _text_lines(words: list[dict], below: float) -> list[list[dict]]:
    """The words under `below` as lines, top to bottom, each read left to right. A word joins
    the line whose first word's top is within half its height of its own, tops measured
    square to the page's slant (`_slant`): a scan printed a few tenths of a degree askew
    has a line's right end a few points higher than its start, which would otherwise read
    as two lines, the first one backwards."""
    below_words = [w for w in words if w["top"] >= below]
    slant = _slant(below_words)

    def level(w: dict) -> float:
        return w["top"] - slant * w["x0"]

    lines = _lines_by(below_words, level)
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _lines_by(words: list[dict], level: Any) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (level(w), w["x0"])):
        if lines and abs(level(lines[-1][0]) - level(w)) < (w["bottom"] - w["top"]) / 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


#: Fewest pairs of neighbouring words a slant is measured on, and the least slant (rise
#: per point across, ~0.1 degree) that is not taken for the page being square.
_SLANT_PAIRS = 20
_SLANT_MIN = 0.002


def _slant(words: list[dict]) -> float:
    """The page's slant: the median rise of the top from a word to its right-hand neighbour
    on the same line, per point across; 0 for a page printed square (or too few words)."""
    rises = []
    for line in _lines_by(words, lambda w: w["top"]):
        line = sorted(line, key=lambda w: w["x0"])
        for a, b in zip(line, line[1:], strict=False):
            across = b["x0"] - a["x0"]
            if across > 1 and b["x0"] - a["x1"] < 3 * (a["bottom"] - a["top"]):
                rises.append((b["top"] - a["top"]) / across)
    if len(rises) < _SLANT_PAIRS:
        return 0.0
    from statistics import median  # here: statistics (with fractions, decimal) is slow to import

    slant = median(rises)
    return slant if abs(slant) >= _SLANT_MIN else 0.0


#: What OCR reads a table's ruling as: vertical bars, alone or stuck to a word.
_RULE_MARKS = "|\u00a6\u2016"


def without_rule_marks(words: list[dict]) -> list[dict]:
    """The words of a page without the bars OCR reads a table's vertical rules as ("|",
    "16 |", "|.10"): a bar is never a cell's text, and left in the first column it hides the
    row number."""
    out = []
    for w in words:
        text = w["text"].strip(_RULE_MARKS)
        if text != w["text"]:
            text = text.strip(".;:,")
        if text:
            out.append(w if text == w["text"] else {**w, "text": text})
    return out


def _column_of(word: dict, edges: list[float]) -> int:
    if word["x0"] < edges[0] - 2:
        return 0
    return max(i for i, e in enumerate(edges) if word["x0"] >= e - 2)


def _split_columns(line: list[dict], edges: list[float]) -> list[str]:
    cells = [""] * len(edges)
    for w in sorted(line, key=lambda w: w["x0"]):
        col = _column_of(w, edges)
        cells[col] = f"{cells[col]} {w['text']}".strip()
    return cells


def _table_line(line: list[dict], edges: list[float], anchor: bool) -> TableLine:
    """A text line cut into its columns, each piece with the box of its words."""
    pieces = []
    for col in range(len(edges)):
        mine = sorted((w for w in line if _column_of(w, edges) == col), key=lambda w: w["x0"])
        if mine:
            box = _words_box(mine)
            text = " ".join(w["text"] for w in mine)
            pieces.append(Piece(col, text, box.x0, box.x1, box.top, box.bottom))
    return TableLine(tuple(pieces), anchor)


def _add_page_rows(
    rows: list[RawRow], found: list[BandRow], n: int, overleaf: RawRow | None
) -> RawRow | None:
    """A page's rows of an unruled table added to those before: the rest of a row the page
    break split joins the last row; the start of a row whose number is overleaf (`overleaf`,
    from the page before) goes in front of the next numbered row; each numbered row is a new
    one. Returns the start of a row this page leaves for the next."""
    for band in found:
        if band.anchor is None:
            if rows:
                last = rows[-1]
                last.cells = join_cells(last.cells, band.cells)
                if n not in last.pages:
                    last.pages.append(n)
                    last.joined = True
                last.boxes.append(band.box)
            continue
        if band.anchor == NEXT_ROW:
            return RawRow(band.cells, [n], [band.box])
        if overleaf is not None:
            cells = join_cells(overleaf.cells, band.cells)
            rows.append(RawRow(cells, overleaf.pages + [n], overleaf.boxes + [band.box], True))
            overleaf = None
            continue
        rows.append(RawRow(band.cells, [n], [band.box]))
    if overleaf is not None and rows:  # no row followed: it was the rest of the last one
        rows[-1].cells = join_cells(rows[-1].cells, overleaf.cells)
    return None


def _words(doc: Any, n: int) -> list[dict]:
    """The words of page n, from the document's own reader when it has one (it reads a page
    over the vector budget with PDFium), else from pdfplumber."""
    page_words = getattr(doc, "page_words", None)
    return page_words(n) if page_words is not None else doc.plumber_page(n).extract_words()


def text_rows(
    doc: Any,
    caption: Caption,
    kind: Any,
    part: Any,
    running: dict[int, set[str]] | None = None,
    *,
    from_ocr: bool = False,
    notes: list[str] | None = None,
) -> tuple[list[RawRow], list[int]]:
    """Rows read from words when the table has no ruling: under the header, a line whose
    first column holds the next row number (or a date, for a table of dated entries) starts
    a row; other lines continue it; the table ends at a line whose first column holds
    anything else.

    A number one past the next (4 after 2) on a line that fills the row's columns goes on
    with the table, as a row whose number before it was not printed or not read: the line
    that begins that row (`_lost_row_start`) starts a row of its own, numbered when the
    text is OCR's (`from_ocr`: OCR drops a lone digit; a text layer does not), else left
    unnumbered for the caller to report. Each such row is said in `notes`."""
    pattern = caption_pattern(part)
    rows: list[RawRow] = []
    pages: list[int] = []
    edges: list[float] | None = None
    header_edges: list[float] | None = None  # where the header's words start
    top = caption_top(doc, caption, part)
    months = tuple(m.lower() for m in part.months)
    previous_texts: set[str] = set()
    last_number = 0  # of the last row of a trial table
    overleaf: RawRow | None = None  # the start of a row whose number the next page prints
    # Pages are read while the rows go on (a table printed large runs over many pages);
    # its first row must be found within the first few pages.
    for n in range(caption.page, page_count(doc) + 1):
        if not rows and n >= caption.page + 4:
            break
        words = without_rule_marks(page_words(doc, n))
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
            candidates = [w for line in page_lines[:2] for w in line]
        before = (header_edges, edges) if header_edges and edges else None
        found = _header_columns(candidates, kind.header_words, words, before)
        below = top if n == caption.page else 0.0
        if found is not None:
            below, edges, header_edges = found
        elif edges is not None and rows:  # no header repeated: columns where this page's
            edges = aligned_edges(words, edges, [], window=6.0)  # cells start (a scan shifts pages)
        if edges is None:
            previous_texts = page_texts
            continue
        ended = False
        pending: list[TableLine] = []  # a trial table's lines on this page (`rows_of_page`)
        apart: list[bool] = []  # whether each pending line stands apart from the one before
        previous_bottom: float | None = None
        lines = _text_lines(words, below)
        leading = _line_leading(lines)
        for line in lines:
            text = " ".join(w["text"] for w in line)
            cells = _split_columns(line, edges)
            # A number alone on a line inside the page is the next row's number set beside
            # the middle of its row (cells centred vertically), not a page number.
            lone_key = kind.kind == "trial" and all(_column_of(w, edges) == 0 for w in line)
            lone_number = bounded_int(text) if lone_key else None
            # the number one past the next: the row between lost its number (OCR), if the
            # line fills a row or, alone, follows the line that begins the row between
            skips_one = (
                kind.kind == "trial"
                and bool(rows or pending)
                and bounded_int(cells[0]) == last_number + 2
                and (
                    _fills_row(cells)
                    or (lone_number is not None and _lost_row_start(pending, apart) is not None)
                )
            )
            centred_key = lone_number == last_number + 1 or (lone_number is not None and skips_one)
            furniture = is_furniture(text, set()) and not centred_key
            head = norm_words(text) in (running or {}).get(n, ())  # a running head or foot
            if is_header_row(cells, part) or furniture or head or id(line[0]) in repeated:
                continue
            started = bool(rows) or any(p.anchor for p in pending)
            caption_line = pattern.match(text)
            # A caption ends the table; so does its own caption before any row (a table
            # captioned under it is read from above the caption, never past it).
            if caption_line and (started or caption_line.group(1) == caption.label):
                ended = True
                break
            key = cells[0] if any(ch.isalnum() for ch in cells[0]) else ""  # "." "," are specks
            line_top = min(w["top"] for w in line)
            height = max(w["bottom"] - w["top"] for w in line)
            # Rows are set apart by more than the line spacing inside a cell.
            gap_before = (
                previous_bottom is None or line_top - previous_bottom > leading + 0.2 * height
            )
            previous_bottom = max(w["bottom"] for w in line)
            if kind.kind != "columns":  # lines to rows once the page is read: `rows_of_page`
                if kind.kind == "trial":  # the next number starts a row
                    number = bounded_int(key)
                    starts = number is not None and number == last_number + 1
                    if skips_one:
                        starts = True
                        _start_lost_row(pending, apart, last_number + 1, n, from_ocr, notes)
                    belongs = starts or not key
                    if starts and number is not None:
                        last_number = number
                else:  # dated entries: a date starts a row, lines of one date cell make one
                    starts = key.lower().startswith(months)  # (`key_wraps`)
                    belongs = (
                        starts or not key or (started and not gap_before and _dated(key, months))
                    )
                if belongs:
                    pending.append(_table_line(line, edges, starts))
                    apart.append(gap_before)
                elif started:
                    ended = True
                    break
                if n not in pages:
                    pages.append(n)
                continue
            # no row key to recognise: a new row is a new line
            starts = bool(key) and (not rows or gap_before)
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
        rules = _row_rules(doc, n, pending)
        found_rows = rows_of_page(pending, key_wraps=kind.kind != "trial", rules=rules)
        overleaf = _add_page_rows(rows, found_rows, n, overleaf)
        if ended or (rows and n not in pages):
            break
        previous_texts = page_texts
    if overleaf is not None and rows:  # the table ended: it was the rest of the last row
        rows[-1].cells = join_cells(rows[-1].cells, overleaf.cells)
    return rows, pages


def _fills_row(cells: list[str]) -> bool:
    """A line that fills a row's columns after its key: a row's first line, not a stray
    number (a page number, a heading's) in the key column."""
    return sum(1 for cell in cells[1:] if cell) >= 2


def _lost_row_start(lines: list[TableLine], apart: list[bool]) -> int | None:
    """Of the lines since the page's last numbered line, the one that begins a row whose
    number is missing: it stands apart from the line before, has nothing in the key column,
    and fills two columns or more, the first with a capital (a row's cells begin one, a
    cell's next line goes on mid-sentence). None unless exactly one line does."""
    last_anchor = max((i for i, line in enumerate(lines) if line.anchor), default=None)
    if last_anchor is None:
        return None
    found = []
    for i in range(last_anchor + 1, len(lines)):
        pieces = lines[i].pieces
        filled = [p for p in pieces if p.column > 0 and p.text.strip()]
        if (
            apart[i]
            and not any(p.column == 0 for p in pieces)
            and len({p.column for p in filled}) >= 2
            and filled[0].text[:1].isupper()
        ):
            found.append(i)
    return found[0] if len(found) == 1 else None


def _start_lost_row(
    lines: list[TableLine],
    apart: list[bool],
    number: int,
    page: int,
    from_ocr: bool,
    notes: list[str] | None,
) -> None:
    """Make the line that begins row `number`, whose number was not found, start a row
    (`_lost_row_start`): numbered when the text is OCR's, else unnumbered; say which."""
    index = _lost_row_start(lines, apart)
    if index is None:
        if notes is not None:
            notes.append(
                f"row {number}'s number not found on page {page}: its lines, if any, are "
                f"read with row {number - 1}"
            )
        return
    line = lines[index]
    pieces = line.pieces
    if from_ocr:  # a key of the row's own height, set where the key column begins
        first = pieces[0]
        key = Piece(0, str(number), first.x0, first.x0, first.top, first.bottom)
        pieces = (key, *pieces)
    lines[index] = TableLine(pieces, True)
    if notes is not None:
        what = (
            f"numbered {number} (OCR'd text drops lone digits)"
            if from_ocr
            else "kept without a number"
        )
        notes.append(
            f"row {number}'s number not found on page {page}: the line that begins it is "
            f"read as its first line, {what}"
        )


def _row_rules(doc: Any, n: int, lines: list[TableLine]) -> list[float]:
    """Where horizontal rules cross the table's lines on page n (half its width or more):
    with a rule between rows, a row is the band between two rules. None on a page that draws
    no rule or too much to search (PDFium's count over budget, as for the ruled finder), or
    whose drawing PDFium cannot count."""
    pieces = [p for line in lines for p in line.pieces]
    plumber = getattr(doc, "plumber_page", None)
    census = getattr(doc, "vector_census", None)
    if not pieces or plumber is None or n in (getattr(doc, "over_budget", None) or {}):
        return []
    counted = census(n) if census is not None else None
    if counted is None or counted.rules == 0 or census_over_budget(counted, n) is not None:
        return []  # unknown, no rule, or too much drawn to parse the page for its rules
    x0, x1 = min(p.x0 for p in pieces), max(p.x1 for p in pieces)
    top, bottom = min(p.top for p in pieces), max(p.bottom for p in pieces)
    out: list[float] = []
    for edge in page_rule_edges(doc, n):
        if edge["orientation"] != "h" or not top - 1 <= edge["top"] <= bottom + 1:
            continue
        if min(edge["x1"], x1) - max(edge["x0"], x0) >= 0.5 * (x1 - x0):
            out.append(round(float(edge["top"]), 1))
    return sorted(set(out))


def _dated(key: str, months: tuple[str, ...]) -> bool:
    """A first cell that goes on with a date cell wrapped onto its line ("2017 May 2018",
    "2014"): every word a month or a year. A heading right under the table ("2 Gaining a
    thorough ...") is not."""
    words = key.lower().replace(",", " ").split()
    return bool(words) and all(w in months or (w.isdigit() and len(w) == 4) for w in words)


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
