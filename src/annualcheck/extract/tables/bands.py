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

import bisect
from dataclasses import dataclass

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


#: `BandRow.anchor` of the lines at a page foot that begin the row numbered overleaf.
NEXT_ROW = -1


def _key_bands(keys: list[Piece], cells: list[list[Piece]]) -> list[tuple[float, float]]:
    """The vertical band of each row's key: its line, or (keys that wrap) the span of the
    first-column cell that holds several key lines."""
    bands: list[tuple[float, float]] = []
    seen: dict[int, int] = {}  # cell → its band
    of_cell = {id(p): i for i, cell in enumerate(cells) for p in cell if p.column == 0}
    for key in keys:
        cell = of_cell.get(id(key))
        if cell is None:
            bands.append((key.top, key.bottom))
        elif cell in seen:
            top, _ = bands[seen[cell]]
            bands[seen[cell]] = (top, key.bottom)
        else:
            seen[cell] = len(bands)
            bands.append((key.top, key.bottom))
    return bands


def _alignment(cells: list[tuple[list[Piece], int]], bands: list[tuple[float, float]]) -> str:
    """How the producer sets a cell's lines in its row ("top", "middle" or "bottom"), from the
    cells of several lines that reach one number: which of their top, middle or bottom lines
    up with the number's. Top unless another fits more cells."""
    score = {"top": 0, "middle": 0, "bottom": 0}
    for cell, k in cells:
        top, bottom = bands[k]
        near = 0.4 * (bottom - top)
        score["top"] += abs(cell[0].top - top) <= near
        score["bottom"] += abs(cell[-1].bottom - bottom) <= near
        score["middle"] += abs((cell[0].top + cell[-1].bottom) / 2 - (top + bottom) / 2) <= near
    best = max(score.values())
    return "top" if score["top"] == best else max(score, key=lambda a: score[a])


def _owner(top: float, bottom: float, bands: list[tuple[float, float]], alignment: str) -> int:
    """The row of lines that reach no number: before the page's first number, the row the page
    break split (None); after its last, that row when cells are set at the top, else the row
    whose number is overleaf (`NEXT_ROW`); between two numbers, the one above (top), below
    (bottom) or nearest (middle)."""
    if not bands or bottom <= bands[0][0]:
        return None  # type: ignore[return-value]
    if top >= bands[-1][1]:
        return len(bands) - 1 if alignment == "top" else NEXT_ROW
    below = next(k for k, band in enumerate(bands) if band[0] >= bottom)
    if alignment == "bottom":
        return below
    if alignment == "middle":
        centre = (top + bottom) / 2
        above_gap = centre - sum(bands[below - 1]) / 2
        below_gap = sum(bands[below]) / 2 - centre
        return below if below_gap < above_gap else below - 1
    return below - 1


def _ruled_owners(
    pieces: list[Piece], bands: list[tuple[float, float]], rules: list[float]
) -> dict[int, int | None] | None:
    """Rows by the rules drawn between them: a piece belongs to the row whose key stands
    between the same two rules. None when the rules do not set every key apart (rules only
    above and under the table). Between rules with no key: before the first key, the row
    the page break split (None); after the last, the row numbered overleaf; else the row
    above."""
    if not rules or not bands:
        return None

    def between(top: float, bottom: float) -> int:
        return bisect.bisect(rules, (top + bottom) / 2)

    keyed = [between(*band) for band in bands]
    if len(set(keyed)) != len(keyed):
        return None
    out: dict[int, int | None] = {}
    for piece in pieces:
        at = between(piece.top, piece.bottom)
        if at in keyed:
            out[id(piece)] = keyed.index(at)
        elif at < keyed[0]:
            out[id(piece)] = None
        elif at > keyed[-1]:
            out[id(piece)] = NEXT_ROW
        else:
            out[id(piece)] = max(k for k, b in enumerate(keyed) if b < at)
    return out


def rows_of_page(
    lines: list[TableLine], *, key_wraps: bool = False, rules: list[float] | None = None
) -> list[BandRow]:
    """The rows of one page of an unruled table: each line's pieces given to the row whose
    key's line their cell reaches into (others by `_owner`); the rest of the row before
    comes first (anchor None), the start of the row numbered overleaf last (`NEXT_ROW`).
    `key_wraps`: a key cell may run over several lines ("May 2016 May 2017 / May 2018"), so
    key lines of one first-column cell are one row's key (a row number never wraps: there
    each key line is a row). `rules`: where horizontal rules cross the table (`_ruled_owners`
    decides when they set every row apart)."""
    pieces = [p for line in lines for p in line.pieces]
    if not pieces:
        return []
    keys = [
        next((p for p in ln.pieces if p.column == 0), ln.pieces[0]) for ln in lines if ln.anchor
    ]
    width = max(p.column for p in pieces) + 1
    columns = [
        sorted((p for p in pieces if p.column == c), key=lambda p: p.top) for c in range(width)
    ]
    from statistics import median  # here: statistics (with fractions, decimal) is slow to import

    height = median(p.bottom - p.top for p in pieces)
    spacing = _cell_spacing(columns)
    if spacing > 0.6 * height:  # no cell of several lines on the page: that gap is between rows
        spacing = 0.0
    split = spacing + 0.2 * height
    cells = [cell for column in columns for cell in _cells_of_column(column, split)]
    bands = _key_bands(keys, cells if key_wraps else [])
    hits = [[k for k, band in enumerate(bands) if _reaches(cell, band)] for cell in cells]
    alignment = _alignment(
        [
            (cell, hit[0])
            for cell, hit in zip(cells, hits, strict=True)
            if len(hit) == 1 and len(cell) > 1
        ],
        bands,
    )
    ruled = _ruled_owners(pieces, bands, rules or [])
    owner: dict[int, int | None] = ruled or {}
    for cell, hit in zip(cells, hits, strict=True) if ruled is None else ():
        for piece in cell:
            if len(hit) == 1:
                owner[id(piece)] = hit[0]
                continue
            own = [k for k, band in enumerate(bands) if _reaches([piece], band)]
            span = (cell[0].top, cell[-1].bottom) if not hit else (piece.top, piece.bottom)
            owner[id(piece)] = own[0] if own else _owner(*span, bands, alignment)
    out = []
    for anchor in [None, *range(len(bands)), NEXT_ROW]:
        mine = [p for p in pieces if owner[id(p)] == anchor]
        if mine:
            out.append(BandRow(anchor, _cells(mine, width), _box(mine)))
    return out
