"""Logical rows from the pieces of a table: repeated headers dropped, page-split rows joined.

Why apart: a page break can split one row of a table in several ways (an empty or repeated
first cell overleaf, rules left open at the page foot, a row number printed at the bottom of
a split cell); joining the pieces back into one row, cell by cell, is the same work whichever
strategy read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annualcheck.extract.tables.page import is_header_row
from annualcheck.extract.tables.results import normalize_space
from annualcheck.extract.tables.ruled import Fragment
from annualcheck.model.record import BBox


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


def join_cells(a: list[str], b: list[str]) -> list[str]:
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


def rows_from_fragments(
    fragments: list[Fragment], part: Any, *, keyed: bool = True
) -> tuple[list[RawRow], list[str]]:
    """Fragments to logical rows: repeated headers dropped, page-split rows joined.

    A fragment with an empty first cell (or, when the first column is a row key (`keyed`),
    the same first cell as the row before it) is the rest of the row before it; joined across
    pages it is marked `joined`. In a table of plain columns a first cell may repeat (two
    rows of one port), so there only an empty one continues a row. An unnumbered
    fragment at the foot of a page whose words start a row, followed by a numbered row that
    starts mid-sentence, is put in front of that row instead.
    """
    # The first body row of a fragment that follows one left open at its page foot.
    overleaf = set()
    for before, frag in zip(fragments, fragments[1:], strict=False):
        if before.open_bottom:
            first = next(
                (i for i, row in enumerate(frag.rows) if not is_header_row(row, part)), None
            )
            if first is not None:
                overleaf.add((frag.page, first))
    items = [
        (frag, cells, box, (frag.page, i) in overleaf)
        for frag in fragments
        for i, (cells, box) in enumerate(
            zip(([join_cell_lines(c) for c in row] for row in frag.rows), frag.boxes, strict=False)
        )
        if any(cells) and not is_header_row(cells, part)
    ]
    rows: list[RawRow] = []
    notes: list[str] = []
    orphan: RawRow | None = None
    for i, (frag, cells, box, continues) in enumerate(items):
        key = cells[0]
        if orphan is not None:
            merged = RawRow(
                [key] + join_cells(orphan.cells, cells)[1:],
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
        # page foot) a first cell that is no row number, e.g. the rest of a date cell.
        numbered = key.isdigit() and key != rows[-1].cells[0] if rows else True
        repeated = keyed and bool(rows) and key == rows[-1].cells[0]
        if rows and (not key or repeated or (continues and not numbered)):
            last = rows[-1]
            last.cells = join_cells(last.cells, [""] + cells[1:] if repeated else cells)
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
