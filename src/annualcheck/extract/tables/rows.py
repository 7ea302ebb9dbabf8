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
from annualcheck.model.safety import bounded_int


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


def _heads_next_row(item: tuple, following: tuple | None, last_key: str | None) -> bool:
    """An unnumbered fragment at the foot of a page that starts a row whose number the next
    page prints (a producer that sets a split cell's number at its bottom, or in the middle of
    the part overleaf): it begins like a row, and the next page's first row begins
    mid-sentence or carries the number after the last row's."""
    frag, cells = item[0], item[1]
    if following is None or following[0].page == frag.page or not following[1][0]:
        return False
    if _starts_lower(cells):
        return False
    last = bounded_int(last_key) if last_key else None
    return _starts_lower(following[1]) or (last is not None and following[1][0] == str(last + 1))


def _header_prefix(cell: str, part: Any) -> int:
    """How many of a cell's first lines make one header cell ("Results of" + "trial"); 0 if
    none do."""
    lines = [ln for ln in (cell or "").split("\n")]
    for k in range(1, len(lines) + 1):
        if normalize_space(" ".join(lines[:k])).lower() in part.header_cells:
            return k
    return 0


def strip_run_in_header(row: list[str], part: Any) -> list[str]:
    """The first row of a page's piece without the header repeated above it, when the producer
    drew no rule between them (the cut cells then begin with the header's words): dropped
    only when every non-empty cell begins with a header cell and some cell goes on after it."""
    prefixes = [_header_prefix(c, part) if c else 0 for c in row]
    filled = [i for i, c in enumerate(row) if c]
    if len(filled) < 2 or any(prefixes[i] == 0 for i in filled):
        return row
    rest = ["\n".join(c.split("\n")[k:]) if c else c for c, k in zip(row, prefixes, strict=True)]
    return rest if any(r.strip() for r in rest) else row


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
            zip(
                ([join_cell_lines(c) for c in strip_run_in_header(row, part)] for row in frag.rows),
                frag.boxes,
                strict=False,
            )
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
        if not key and _heads_next_row(
            items[i], following, rows[-1].cells[0] if keyed and rows else None
        ):
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
