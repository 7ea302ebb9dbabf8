"""Lines of an unruled table to the rows their row numbers stand in, however a producer
aligns a cell's lines in its row (top, middle or bottom).

Why apart: a producer that centres cells vertically prints a row's number beside the middle
of its tallest cell, so the number is not on the row's first line and the lines of two rows
interleave; reading a row as "a numbered line and the lines under it" then splits and merges
rows. Here each column is read on its own: its lines fall into cells, set apart by more than
the line spacing inside a cell, and a cell belongs to the row whose number's line it reaches
into. A cell reaches into its own row's number line whether it is set at the top, the middle
or the bottom of the row, so no offset of one producer is needed. A cell that reaches no
number (nor one) falls back to the row whose number stands above it (top alignment); before
the page's first number, to the row the page break split.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from annualcheck.extract.tables.rows import join_cell_lines
from annualcheck.model.record import BBox


@dataclass(frozen=True)
class Piece:
    """The words of one table line that stand in one column."""

    column: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class TableLine:
    """One text line of a table, cut into its columns; `anchor`: its first column holds the
    next row number (the row's key)."""

    pieces: tuple[Piece, ...]
    anchor: bool


@dataclass
class BandRow:
    """The cells of one row as read on one page; `anchor` is None for the rest of the row the
    page break split (the lines before the page's first row number)."""

    anchor: int | None
    cells: list[str]
    box: BBox


def _cells(pieces: list[Piece], width: int) -> list[str]:
    cells = []
    for column in range(width):
        lines = [p.text for p in sorted(pieces, key=lambda p: p.top) if p.column == column]
        cells.append(join_cell_lines("\n".join(lines)))
    return cells


def _box(pieces: list[Piece]) -> BBox:
    return BBox(
        min(p.x0 for p in pieces),
        min(p.top for p in pieces),
        max(p.x1 for p in pieces),
        max(p.bottom for p in pieces),
    )


def _cell_spacing(columns: list[list[Piece]]) -> float:
    """The spacing of lines inside one cell: the smallest gap between consecutive lines of one
    column (lines of different columns interleave when cells are centred, so never across)."""
    gaps = [
        b.top - a.bottom for pieces in columns for a, b in zip(pieces, pieces[1:], strict=False)
    ]
    gaps = [g for g in gaps if g >= 0]
    return min(gaps) if gaps else 0.0


def _cells_of_column(pieces: list[Piece], split: float) -> list[list[Piece]]:
    """A column's lines into cells: a gap wider than `split` ends a cell."""
    cells: list[list[Piece]] = []
    for piece in pieces:
        if cells and piece.top - cells[-1][-1].bottom <= split:
            cells[-1].append(piece)
        else:
            cells.append([piece])
    return cells


def _reaches(cell: list[Piece], band: tuple[float, float]) -> bool:
    """The cell spans part of the number's line (a quarter of its height kept clear at each
    end, so a cell that only touches the line above or below does not count)."""
    top, bottom = band
    clear = 0.25 * (bottom - top)
    return cell[0].top < bottom - clear and cell[-1].bottom > top + clear


def _row_above(piece: Piece, bands: list[tuple[float, float]]) -> int | None:
    """The last row whose number stands at or above the piece (top alignment), None if none."""
    above = [k for k, (top, bottom) in enumerate(bands) if top <= piece.top + 0.25 * (bottom - top)]
    return above[-1] if above else None


def rows_of_page(lines: list[TableLine]) -> list[BandRow]:
    """The rows of one page of an unruled table: each line's pieces given to the row whose
    number's line their cell reaches into; the pieces before the first number that reach no
    number come first, as the rest of the row before (anchor None)."""
    anchors = [line for line in lines if line.anchor]
    bands = []
    for line in anchors:
        key = next((p for p in line.pieces if p.column == 0), line.pieces[0])
        bands.append((key.top, key.bottom))
    pieces = [p for line in lines for p in line.pieces]
    if not pieces:
        return []
    width = max(p.column for p in pieces) + 1
    columns = [
        sorted((p for p in pieces if p.column == c), key=lambda p: p.top) for c in range(width)
    ]
    height = median(p.bottom - p.top for p in pieces)
    split = _cell_spacing(columns) + 0.2 * height
    owner: dict[int, int | None] = {}
    for column in columns:
        for cell in _cells_of_column(column, split):
            hits = [k for k, band in enumerate(bands) if _reaches(cell, band)]
            for piece in cell:
                owner[id(piece)] = hits[0] if len(hits) == 1 else _row_above(piece, bands)
    out = []
    for anchor in [None, *range(len(bands))]:
        mine = [p for p in pieces if owner[id(p)] == anchor]
        if mine:
            out.append(BandRow(anchor, _cells(mine, width), _box(mine)))
    return out
