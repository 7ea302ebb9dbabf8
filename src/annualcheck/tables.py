"""Tables of a report: find each captioned table, read its cells, and turn them into rows.

Why this shape: a table is identified by its caption (what it says, from the profile), read
with pdfplumber's table finder only on the caption's page and the pages it continues onto
(the finder is the slow part of PDF reading), and followed across page breaks by structure:
the next page begins with a table of the same columns and no caption or heading before it.
A row that a page break split is joined back into one row, cell by cell. Where a producer
draws no ruling, the text strategy reads rows as lines that start with the next row number
under the header. Each table records which strategy read it (`ParseReport`).

The meaning of a cell (status, sentence, charges) is decided in `trial_results`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .record import BBox, Caption, InitiativeRow, ParseReport, Table, TableRow
from .trial_results import normalize_space, parse_result, split_charges, tables_part

# --------------------------------------------------------------------------- document


def open_for_tables(path: str | Path) -> Any:
    """The document as the table reader takes it (the project's PDF layer)."""
    from .pdf import open_pdf

    return open_pdf(path)


@dataclass
class _Reader:
    """The document plus the tables found per page during one `extract_tables` call (the
    finder is the slow part; a page is searched once)."""

    doc: Any
    found: dict[int, list[Fragment]] = field(default_factory=dict)

    @property
    def pages(self) -> list[Any]:
        return self.doc.pages

    def plumber_page(self, n: int) -> Any:
        return self.doc.plumber_page(n)


def _page_lines(doc: Any, n: int) -> list[Any]:
    return list(doc.pages[n - 1].lines)


def _page_count(doc: Any) -> int:
    return len(doc.pages)


# --------------------------------------------------------------------------- captions


def _caption_re(part: Any) -> re.Pattern[str]:
    return re.compile(rf"^\s*\[?\s*({re.escape(part.caption_label)}\s+\d+)\s*\]?\s*(.*)$")


def _is_toc_line(text: str) -> bool:
    """A contents entry: dot leaders and a page number at the end."""
    return bool(re.search(r"(?:\.\s?){4,}\s*\d+\s*$", text))


def captions_from_lines(doc: Any, part: Any) -> list[Caption]:
    """Table captions found in the text when no layout analysis is given (contents skipped)."""
    pattern = _caption_re(part)
    found = []
    for n in range(1, _page_count(doc) + 1):
        for line in _page_lines(doc, n):
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


def _caption_top(doc: Any, caption: Caption, part: Any) -> float:
    """Where the caption stands on its page, to take the table that follows it."""
    if caption.bbox is not None:
        return caption.bbox.top
    pattern = _caption_re(part)
    for line in _page_lines(doc, caption.page):
        m = pattern.match(line.text)
        if m and m.group(1) == caption.label:
            return line.bbox.top
    return 0.0


# --------------------------------------------------------------------------- ruled tables


@dataclass
class Fragment:
    """One ruled table as found on one page."""

    page: int
    bbox: BBox
    rows: list[list[str]]
    boxes: list[BBox]
    columns: tuple[float, ...]  # inner column boundaries as shares of the table's width
    open_bottom: bool = False  # its rules run on past its last row: that row goes on overleaf


def _closing_lines(page: Any) -> list[dict]:
    """Horizontal rules that a page break left out: where a column rule ends with no
    horizontal rule at its end, a producer split a row there and drew the grid open. Closing
    it lets the finder keep the fragment (the rest of a row at the top of the next page, or
    its start at the foot of this one) instead of dropping it."""
    edges = page.edges
    verticals = [e for e in edges if e["orientation"] == "v"]
    # Corner pieces (producers that draw each border as its own rectangle) close nothing.
    horizontals = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 4]
    if not verticals:
        return []
    ends: dict[float, list[dict]] = {}
    for e in verticals:
        for y in (e["top"], e["bottom"]):
            closed = any(
                abs(h["top"] - y) <= 1.5 and h["x0"] - 1.5 <= e["x0"] <= h["x1"] + 1.5
                for h in horizontals
            )
            continued = any(
                v is not e
                and abs(v["x0"] - e["x0"]) <= 1.5
                and (abs(v["top"] - y) <= 1.5 or abs(v["bottom"] - y) <= 1.5)
                and not (v["top"] == e["top"] and v["bottom"] == e["bottom"])
                for v in verticals
            )
            if not closed and not continued:
                ends.setdefault(round(y, 1), []).append(e)
    lines = []
    for y, group in ends.items():
        if len(group) < 2:
            continue  # a lone rule is no table edge
        x0 = min(e["x0"] for e in group)
        x1 = max(e["x1"] for e in group)
        lines.append(
            {
                "object_type": "line",
                "x0": x0,
                "x1": x1,
                "top": y,
                "bottom": y,
                "width": x1 - x0,
                "height": 0,
            }
        )
    return lines


def _fragments_on(doc: Any, n: int) -> list[Fragment]:
    """Ruled tables on page n, top to bottom (memoised on the document: the finder is slow)."""
    if not isinstance(doc, _Reader):
        return _find_fragments(doc, n)
    if n not in doc.found:
        doc.found[n] = _find_fragments(doc, n)
    return doc.found[n]


def _find_fragments(doc: Any, n: int) -> list[Fragment]:
    page = doc.plumber_page(n)
    out = []
    closing = _closing_lines(page)
    settings = {"explicit_horizontal_lines": closing}
    for table in page.find_tables(table_settings=settings):
        rows = [[c or "" for c in row] for row in table.extract()]
        if not rows or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        width = max(x1 - x0, 1.0)
        first = next((r.cells for r in table.rows if all(c is not None for c in r.cells)), [])
        columns = tuple(round((c[0] - x0) / width, 3) for c in first[1:])
        boxes = [BBox(*r.bbox) for r in table.rows]
        open_bottom = any(abs(line["top"] - bottom) <= 1.5 for line in closing)
        out.append(Fragment(n, BBox(x0, top, x1, bottom), rows, boxes, columns, open_bottom))
    return sorted(out, key=lambda f: f.bbox.top)


def _is_header_row(cells: list[str], part: Any) -> bool:
    texts = [normalize_space(c).lower() for c in cells if normalize_space(c)]
    return bool(texts) and all(t in part.header_cells for t in texts)


def _is_furniture(text: str, previous_texts: set[str]) -> bool:
    """Page furniture above a continued table: a page number, or a running header that the
    previous page also carries."""
    t = normalize_space(text)
    number = r"(?:\d+|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))"
    return (
        not t
        or bool(re.fullmatch(rf"[-–—\s]*{number}[-–—\s]*", t, re.IGNORECASE))
        or t in previous_texts
    )


def _head_and_foot(doc: Any, n: int) -> set[str]:
    """The first and last lines of page n: where a running head or foot would stand."""
    lines = sorted(_page_lines(doc, n), key=lambda line: line.bbox.top)
    return {normalize_space(line.text) for line in lines[:1] + lines[-1:]}


def _same_columns(a: Fragment, b: Fragment, part: Any) -> bool:
    if len(a.rows[0]) != len(b.rows[0]):
        return False
    if _is_header_row(b.rows[0], part):
        return True
    return len(a.columns) == len(b.columns) and all(
        abs(x - y) <= 0.05 for x, y in zip(a.columns, b.columns, strict=True)
    )


def _continuation(doc: Any, prev: Fragment, n: int, part: Any) -> Fragment | None:
    """The table that page n begins with, if it continues `prev`: `prev` ends its page (no
    other table and no caption after it) and page n begins with a table of the same columns."""
    if n > _page_count(doc):
        return None
    if any(f.bbox.top > prev.bbox.top for f in _fragments_on(doc, prev.page)):
        return None
    pattern = _caption_re(part)
    below = [line for line in _page_lines(doc, prev.page) if line.bbox.top >= prev.bbox.bottom - 1]
    if any(pattern.match(line.text) for line in below):
        return None
    fragments = _fragments_on(doc, n)
    if not fragments:
        return None
    first = fragments[0]
    prev_texts = _head_and_foot(doc, n - 1)
    above = [line for line in _page_lines(doc, n) if line.bbox.bottom <= first.bbox.top + 1]
    if any(not _is_furniture(line.text, prev_texts) for line in above):
        return None
    return first if _same_columns(prev, first, part) else None


def _text_below(doc: Any, fragment: Fragment) -> bool:
    """Body text (not a page number) follows the table on its page."""
    return any(
        line.bbox.top >= fragment.bbox.bottom - 1 and not _is_furniture(line.text, set())
        for line in _page_lines(doc, fragment.page)
    )


def layout_table_pages(layout: Any, label: str) -> set[int] | None:
    """Pages on which the layout analysis saw the lines of this table, if it says. A hint only:
    the next page is left unsearched (the finder parses a whole page) when the layout did not
    see the table there *and* text follows the table on its own page."""
    lines = (getattr(layout, "table_lines", None) or {}).get(label)
    return {line.page for line in lines} if lines else None


def ruled_fragments(
    doc: Any, caption: Caption, part: Any, hint: set[int] | None = None
) -> list[Fragment]:
    """The ruled table after a caption and its continuations on the following pages."""
    top = _caption_top(doc, caption, part)
    start = next((f for f in _fragments_on(doc, caption.page) if f.bbox.top >= top), None)
    if start is None:  # caption at the foot of a page, table on the next one
        nxt = caption.page + 1
        if nxt <= _page_count(doc):
            start = next(iter(_fragments_on(doc, nxt)), None)
    if start is None:
        return []
    fragments = [start]
    while True:
        last = fragments[-1]
        if hint is not None and last.page + 1 not in hint and _text_below(doc, last):
            break  # the layout saw it end here, and text follows it: no need to search on
        more = _continuation(doc, last, last.page + 1, part)
        if more is None:
            break
        fragments.append(more)
    return fragments


# --------------------------------------------------------------------------- rows


@dataclass
class RawRow:
    """Cells of one logical row, with every page and box it came from."""

    cells: list[str]
    pages: list[int] = field(default_factory=list)
    boxes: list[BBox] = field(default_factory=list)
    joined: bool = False


def join_cell_lines(text: str) -> str:
    """Lines of a cell to one line: a space between lines; a soft hyphen at a line end is
    dropped, a hard hyphen kept without a space ("Anti-" + "Prostitution")."""
    parts = [p.strip() for p in (text or "").split("\n") if p.strip()]
    out = ""
    for p in parts:
        if out.endswith("\u00ad"):
            out = out[:-1] + p
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += p
        else:
            out = f"{out} {p}" if out else p
    return normalize_space(out.replace("\u00ad", ""))


def _join_cells(a: list[str], b: list[str]) -> list[str]:
    width = max(len(a), len(b))
    a = a + [""] * (width - len(a))
    b = b + [""] * (width - len(b))
    return [
        join_cell_lines(f"{x}\n{y}") if x and y else (x or y) for x, y in zip(a, b, strict=True)
    ]


def _starts_lower(cells: list[str]) -> bool:
    """The text cells begin in the middle of a sentence (a row's cells begin with a capital)."""
    text = next((c for c in cells[1:] if c), "")
    return text[:1].islower()


def _heads_next_row(item: tuple, following: tuple | None) -> bool:
    """An unnumbered fragment at the foot of a page that starts a row whose number the next
    page prints (a producer that sets a split cell's number at its bottom): it begins like a
    row and the next page's first row begins mid-sentence."""
    frag, cells = item[0], item[1]
    if following is None or following[0].page == frag.page or not following[1][0]:
        return False
    return not _starts_lower(cells) and _starts_lower(following[1])


def rows_from_fragments(fragments: list[Fragment], part: Any) -> tuple[list[RawRow], list[str]]:
    """Fragments to logical rows: repeated headers dropped, page-split rows joined.

    A fragment with an empty first cell (or the same first cell as the row before it) is the
    rest of the row before it; joined across pages it is marked `joined`. An unnumbered
    fragment at the foot of a page whose words start a row, followed by a numbered row that
    starts mid-sentence, is put in front of that row instead.
    """
    # The first body row of a fragment that follows one left open at its page foot.
    overleaf = set()
    for before, frag in zip(fragments, fragments[1:], strict=False):
        if before.open_bottom:
            first = next(
                (i for i, row in enumerate(frag.rows) if not _is_header_row(row, part)), None
            )
            if first is not None:
                overleaf.add((frag.page, first))
    items = [
        (frag, cells, box, (frag.page, i) in overleaf)
        for frag in fragments
        for i, (cells, box) in enumerate(
            zip(([join_cell_lines(c) for c in row] for row in frag.rows), frag.boxes, strict=False)
        )
        if any(cells) and not _is_header_row(cells, part)
    ]
    rows: list[RawRow] = []
    notes: list[str] = []
    orphan: RawRow | None = None
    for i, (frag, cells, box, continues) in enumerate(items):
        key = cells[0]
        if orphan is not None:
            merged = RawRow(
                [key] + _join_cells(orphan.cells, cells)[1:],
                orphan.pages + [frag.page],
                orphan.boxes + [box],
                joined=True,
            )
            rows.append(merged)
            orphan = None
            continue
        following = items[i + 1] if i + 1 < len(items) else None
        if not key and _heads_next_row(items[i], following):
            orphan = RawRow(cells, [frag.page], [box])
            continue
        # A row goes on overleaf: an empty or repeated first cell, or (rules left open at the
        # page foot) a first cell that is no row number, e.g. the rest of a Table 1 date.
        numbered = key.isdigit() and key != rows[-1].cells[0] if rows else True
        if rows and (not key or key == rows[-1].cells[0] or (continues and not numbered)):
            last = rows[-1]
            last.cells = _join_cells(
                last.cells, [""] + cells[1:] if key == last.cells[0] else cells
            )
            if frag.page not in last.pages:
                last.pages.append(frag.page)
                last.joined = True
            last.boxes.append(box)
            continue
        if not key:
            notes.append(f"unnumbered fragment on page {frag.page} kept as its own row")
        rows.append(RawRow(cells, [frag.page], [box]))
    if orphan is not None:
        notes.append(f"unnumbered fragment on page {orphan.pages[0]} kept as its own row")
        rows.append(orphan)
    return rows, notes


# --------------------------------------------------------------------------- text strategy


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


def text_rows(doc: Any, caption: Caption, kind: Any, part: Any) -> tuple[list[RawRow], list[int]]:
    """Rows read from words when the table has no ruling: under the header, a line whose
    first column holds the next row number (or a date, for Table 1) starts a row; other lines
    continue it; the table ends at a line whose first column holds anything else."""
    pattern = _caption_re(part)
    rows: list[RawRow] = []
    pages: list[int] = []
    edges: list[float] | None = None
    top = _caption_top(doc, caption, part)
    months = tuple(m.lower() for m in part.months)
    previous_texts: set[str] = set()
    for n in range(caption.page, min(caption.page + 4, _page_count(doc) + 1)):
        words = doc.plumber_page(n).extract_words()
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
            if _is_header_row(cells, part) or _is_furniture(text, set()) or id(line[0]) in repeated:
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
                starts = key.isdigit() and int(key) == (int(rows[-1].cells[0]) + 1 if rows else 1)
                continues = not key
            else:
                starts = key.lower().startswith(months) and (not rows or gap_before)
                continues = not key or not gap_before
            if starts:
                rows.append(RawRow(cells, [n], [_words_box(line)]))
            elif rows and continues:
                last = rows[-1]
                last.cells = _join_cells(last.cells, cells)
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


# --------------------------------------------------------------------------- assembling


def trial_row(raw: RawRow, part: Any) -> TableRow | None:
    """Cells (no, offense, result) to a `TableRow`; None if the first cell is not a number."""
    cells = raw.cells + [""] * (3 - len(raw.cells))
    m = re.match(r"\s*(\d+)", cells[0])
    if m is None:
        return None
    offense = normalize_space(cells[1])
    result = normalize_space(" ".join(cells[2:]))
    status, sentence = parse_result(result, part)
    return TableRow(
        no=int(m.group(1)),
        offense=offense,
        charges=split_charges(offense, part),
        result=result,
        status=status,
        sentence=sentence,
        pages=list(raw.pages),
        joined=raw.joined,
        bbox=raw.boxes[0] if raw.boxes else None,
    )


def initiative_row(raw: RawRow) -> InitiativeRow:
    cells = raw.cells + [""] * (2 - len(raw.cells))
    return InitiativeRow(
        date=normalize_space(cells[0]),
        text=normalize_space(" ".join(cells[1:])),
        pages=list(raw.pages),
    )


def _accuracy(rows: list[Any], kind: Any, part: Any) -> float:
    if not rows:
        return 0.0
    if kind.kind == "trial":
        good = sum(1 for r in rows if r.offense and r.result and r.status != "other")
    else:
        months = tuple(m.lower() for m in part.months)
        good = sum(1 for r in rows if r.text and r.date.lower().startswith(months))
    return round(good / len(rows), 3)


def _printed_page(layout: Any, caption: Caption) -> int | None:
    if caption.printed_page is not None:
        return caption.printed_page
    printed = getattr(layout, "printed_pages", None)
    if isinstance(printed, dict):
        return printed.get(caption.page)
    if isinstance(printed, list | tuple) and 0 < caption.page <= len(printed):
        return printed[caption.page - 1]
    return None


def _caption_text(doc: Any, caption: Caption, fragments: list[Fragment]) -> str:
    """The caption's words. One read from a single text line (no layout analysis) may wrap:
    the lines between it and the ruled table below are the rest of it."""
    if caption.bbox is None or not fragments or fragments[0].page != caption.page:
        return caption.text
    rest = [
        line.text
        for line in _page_lines(doc, caption.page)
        if line.bbox.top > caption.bbox.bottom - 1 and line.bbox.bottom <= fragments[0].bbox.top + 1
    ]
    return normalize_space(" ".join([caption.text, *rest]))


def read_table(
    doc: Any, caption: Caption, kind: Any, order: int, layout: Any, part: Any, wrapped: bool = False
) -> Table:
    """One captioned table: ruled if the finder sees it, else by the text strategy.
    `wrapped`: the caption is one text line whose continuation lines are still to be added."""
    fragments = ruled_fragments(doc, caption, part, layout_table_pages(layout, caption.label))
    raw, notes = rows_from_fragments(fragments, part)
    strategy, pages = "lattice", [f.page for f in fragments]
    if not raw:  # no ruling, or only a shaded header box: read the words
        if fragments:
            notes.append("ruled box without body rows; read by the text strategy")
        raw, pages = text_rows(doc, caption, kind, part)
        strategy = "text"
    if kind.kind == "trial":
        rows: list[Any] = []
        for r in raw:
            row = trial_row(r, part)
            if row is None:
                notes.append(f"row without a number on page {r.pages[0]}: {r.cells[0][:40]!r}")
            else:
                rows.append(row)
        numbers = [r.no for r in rows]
        if numbers != list(range(1, len(numbers) + 1)):
            notes.append(f"row numbers not 1..{len(numbers)} in order: {numbers}")
    else:
        rows = [initiative_row(r) for r in raw]
    report = ParseReport(strategy, pages, order, _accuracy(rows, kind, part), notes)
    return Table(
        label=caption.label,
        caption=_caption_text(doc, caption, fragments) if wrapped else caption.text,
        page=caption.page,
        rows=rows,
        printed_page=_printed_page(layout, caption),
        parse_report=report,
    )


def _table_captions(captions: list[Caption], part: Any) -> list[Caption]:
    found = [c for c in captions if c.label.startswith(part.caption_label)]
    return sorted(found, key=lambda c: (c.page, c.bbox.top if c.bbox else 0.0))


def extract_tables(doc: Any, layout: Any, profile: Any) -> dict[str, Table]:
    """The series' tables by key ("table1", "table2", "table3"), each only when found.

    Captions come from the layout analysis; a table it reported no caption for is looked for
    under the caption lines of the text (contents entries skipped), so one missed caption
    does not lose a table.
    """
    part = tables_part(profile)
    doc = _Reader(doc)
    tables: dict[str, Table] = {}
    tops: dict[str, float] = {}
    sources = [
        (lambda: getattr(layout, "captions", None) or [], False),
        (lambda: captions_from_lines(doc, part), True),
    ]
    for source, wrapped in sources:
        if len(tables) == len(part.kinds):
            break
        for caption in _table_captions(source(), part):
            kind = kind_of_caption(caption, part, tables)
            if kind is None:
                continue
            table = read_table(doc, caption, kind, 0, layout, part, wrapped)
            if table.rows:  # a caption with no table after it (a contents entry) is skipped
                tables[kind.key] = table
                tops[kind.key] = caption.bbox.top if caption.bbox else 0.0
    in_order = sorted(tables, key=lambda k: (tables[k].page, tops[k]))
    for order, key in enumerate(in_order, start=1):
        tables[key].parse_report.order = order
    return {key: tables[key] for key in in_order}


__all__ = [
    "captions_from_lines",
    "extract_tables",
    "join_cell_lines",
    "kind_of_caption",
    "open_for_tables",
    "parse_result",
    "split_charges",
]
