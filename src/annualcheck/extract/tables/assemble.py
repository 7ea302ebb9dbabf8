"""Tables of a report: find each captioned table, read its cells, and turn them into rows.

Why this shape: a table is identified by its caption (what it says, from the profile), read
with pdfplumber's table finder only on the caption's page and the pages it continues onto
(the finder is the slow part of PDF reading), and followed across page breaks by structure:
the next page begins with a table of the same columns and no caption or heading before it.
A row that a page break split is joined back into one row, cell by cell. Where a producer
draws no ruling, the text strategy reads rows as lines that start with the next row number
under the header. Each table records which strategy read it (`ParseReport`).

This module assembles the parts: captions, header rows and page furniture (`tables_page`),
ruled pieces followed across pages (`tables_ruled`), pieces joined into rows (`tables_rows`),
the text strategy (`tables_text`). The meaning of a cell (status, sentence, charges) is
decided in `trial_results`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annualcheck.extract.tables.page import (
    captions_from_lines,
    is_furniture,
    kind_of_caption,
    lines_of_page,
)
from annualcheck.extract.tables.results import (
    charges_of,
    normalize_space,
    result_of,
    without_specks_in_acts,
)
from annualcheck.extract.tables.rows import RawRow, rows_from_fragments
from annualcheck.extract.tables.ruled import (
    DocumentWithFragments,
    Fragment,
    layout_table_pages,
    ruled_fragments,
)
from annualcheck.extract.tables.text import text_rows
from annualcheck.model.record import (
    BBox,
    Caption,
    CellsRow,
    InitiativeRow,
    ParseReport,
    Table,
    TableRow,
)
from annualcheck.model.safety import bounded_int
from annualcheck.pdf.text import clean_ocr_text
from annualcheck.profiles.spec import Profile

#: The page-furniture test under the name the tests import it by.
_is_furniture = is_furniture


def open_for_tables(path: str | Path) -> Any:
    """The document as the table reader takes it (the project's PDF layer)."""
    from annualcheck.pdf.document import open_pdf

    return open_pdf(path)


# --------------------------------------------------------------------------- assembling


def trial_row(raw: RawRow, part: Any) -> TableRow | None:
    """Cells (no, offense, result) to a `TableRow`; None if the first cell is not a number."""
    cells = raw.cells + [""] * (3 - len(raw.cells))
    m = re.match(r"\s*(\d+)", cells[0])
    if m is None or bounded_int(m.group(1)) is None:
        return None
    offense = normalize_space(cells[1])
    result = normalize_space(" ".join(cells[2:]))
    status, sentence = result_of(result, part)
    return TableRow(
        no=int(m.group(1)),
        offense=offense,
        charges=charges_of(offense, part),
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


def cells_row(raw: RawRow, columns: tuple[str, ...]) -> CellsRow:
    """Cells to a row of named columns; cells past the last name join the last column."""
    cells = raw.cells + [""] * (len(columns) - len(raw.cells))
    values = cells[: len(columns) - 1] + [" ".join(cells[len(columns) - 1 :])]
    return CellsRow(
        cells={name: normalize_space(v) for name, v in zip(columns, values, strict=True)},
        pages=list(raw.pages),
        joined=raw.joined,
    )


def _accuracy(rows: list[Any], kind: Any, part: Any) -> float:
    if not rows:
        return 0.0
    if kind.kind == "columns":
        good = sum(1 for r in rows if all(r.cells.values()))
    elif kind.kind == "trial":
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
        for line in lines_of_page(doc, caption.page)
        if line.bbox.top > caption.bbox.bottom - 1 and line.bbox.bottom <= fragments[0].bbox.top + 1
    ]
    return normalize_space(" ".join([caption.text, *rest]))


def _budget_notes(doc: Any, caption: Caption, fragments: list[Fragment]) -> list[str]:
    """Notes of the pages from the caption's to the one after the table's last piece that
    were over the vector budget (not searched for rules)."""
    over = getattr(doc, "over_budget", None) or {}
    last = max([caption.page, *(f.page for f in fragments)]) + 1
    return [over[n] for n in range(caption.page, last + 1) if n in over]


def read_table(
    doc: Any,
    caption: Caption,
    kind: Any,
    order: int,
    layout: Any,
    part: Any,
    wrapped: bool = False,
    *,
    from_ocr: bool = False,
) -> Table:
    """One captioned table: ruled if the finder sees it, else by the text strategy.
    `wrapped`: the caption is one text line whose continuation lines are still to be added;
    `from_ocr`: the text layer is OCR's (a row number it lost is restored, `text_rows`)."""
    fragments = ruled_fragments(doc, caption, part, layout_table_pages(layout, caption.label))
    budget = _budget_notes(doc, caption, fragments)
    if budget:  # a page of it draws too much to search for rules: read it all by its words
        fragments = []
    raw, notes = rows_from_fragments(fragments, part, keyed=kind.kind != "columns")
    notes = budget + notes
    strategy, pages = "lattice", [f.page for f in fragments]
    if not raw:  # no ruling, or only a shaded header box: read the words
        if fragments:
            notes.append("ruled box without body rows; read by the text strategy")
        strategy = "text"
        running = getattr(layout, "running_texts", None) or {}
        above = _caption_above_rows(layout, caption)
        raw = []
        found: list[str] = []  # what text_rows says of the rows it read
        if above is not None:  # the caption stands under its table
            raw, pages = text_rows(doc, above, kind, part, running, from_ocr=from_ocr, notes=found)
            if raw:
                notes.append("caption printed under the table; rows read from above it")
        if not raw:
            found = []
            raw, pages = text_rows(
                doc, caption, kind, part, running, from_ocr=from_ocr, notes=found
            )
        notes.extend(found)
    if from_ocr:  # OCR's punctuation between words, as in the text's lines (pdf/text.py)
        for r in raw:
            r.cells = [without_specks_in_acts(clean_ocr_text(cell), part) for cell in r.cells]
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
    elif kind.kind == "columns":
        rows = [cells_row(r, kind.columns) for r in raw]
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


def _caption_above_rows(layout: Any, caption: Caption) -> Caption | None:
    """Where to start reading a table whose caption stands under it: the layout gave the
    caption the lines above it (`Layout.table_lines`), so the table starts at the first of
    them; None when the layout saw no lines for it before the caption."""
    lines = (getattr(layout, "table_lines", None) or {}).get(caption.label) or []
    first = lines[0] if lines else None
    if first is None or (first.page, first.bbox.top) >= (
        caption.page,
        caption.bbox.top if caption.bbox else 0.0,
    ):
        return None
    top = max(first.bbox.top - first.size, 0.0)  # word boxes are line-high, taller than glyphs
    return Caption(
        caption.label,
        caption.text,
        first.page,
        caption.printed_page,
        BBox(first.bbox.x0, top, first.bbox.x1, top),
    )


def _table_captions(captions: list[Caption], part: Any) -> list[Caption]:
    found = [c for c in captions if c.label.startswith(part.caption_label)]
    return sorted(found, key=lambda c: (c.page, c.bbox.top if c.bbox else 0.0))


#: The note of every table read from OCR'd text (`ParseReport.notes`).
OCR_NOTE = (
    "read from OCR'd text: row numbers may be lost and cells split or misread, so rows may be "
    "missing or merged; what is checked against this table is reported as a warning at most"
)


def extract_tables(
    doc: Any, layout: Any, *, profile: Profile, from_ocr: bool = False
) -> dict[str, Table]:
    """The series' tables by their record key (the profile's `TableKind.key`), each only when found.

    Captions come from the layout analysis; a table it reported no caption for is looked for
    under the caption lines of the text (contents entries skipped), so one missed caption
    does not lose a table. `from_ocr`: the text layer is OCR's, so each table's parse report
    says its rows are not certain (`OCR_NOTE`).
    """
    part = profile.tables
    doc = DocumentWithFragments(doc)
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
            table = read_table(doc, caption, kind, 0, layout, part, wrapped, from_ocr=from_ocr)
            if table.rows:  # a caption with no table after it (a contents entry) is skipped
                tables[kind.key] = table
                tops[kind.key] = caption.bbox.top if caption.bbox else 0.0
    in_order = sorted(tables, key=lambda k: (tables[k].page, tops[k]))
    for order, key in enumerate(in_order, start=1):
        tables[key].parse_report.order = order
        if from_ocr:
            tables[key].parse_report.notes.append(OCR_NOTE)
    return {key: tables[key] for key in in_order}


__all__ = [
    "extract_tables",
    "open_for_tables",
]
