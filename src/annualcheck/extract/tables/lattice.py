"""The lattice strategy: ruled tables found from rule edges, by our own code.

Why our own: pdfplumber's finder needs a pdfplumber page, and building one makes pdfminer
interpret the whole page and costs the import of pdfplumber (~0.3 s a run). The steps here
are pdfplumber 0.11's `TableFinder` for explicit edges, step for step and tolerance for
tolerance, so the same edges give the same cells: edges snapped to the average of their
neighbours within `SNAP_PT` (`snap`), joined along one line where they meet within `JOIN_PT`
(`join`), kept when at least `MIN_LENGTH_PT` long (`merge_edges`); the crossings of a vertical
and a horizontal edge within `CROSS_PT` (`intersections`); the smallest rectangle at each
crossing whose four sides are edges (`cells`); cells sharing a corner grouped into tables
(`group_cells`). Where pdfplumber compares every pair, this looks points up by coordinate.
tests/test_lattice.py checks it against pdfplumber's finder on generated tables.

An edge is a tuple `(orientation, x0, top, x1, bottom)`, orientation "h" or "v".
"""

from __future__ import annotations

import bisect
import itertools
from typing import NamedTuple

#: pdfplumber's defaults (table.py), which the ruled reader has always used.
SNAP_PT = 3.0
JOIN_PT = 3.0
MIN_LENGTH_PT = 3.0
CROSS_PT = 3.0

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]


class Edge(NamedTuple):
    orientation: str  # "h" or "v"
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


def edge_of(obj: dict) -> Edge:
    """A pdfplumber-style edge dict as an Edge."""
    return Edge(obj["orientation"], obj["x0"], obj["top"], obj["x1"], obj["bottom"])


def _clusters(values: list[float], tolerance: float) -> dict[float, int]:
    """Each distinct value → its cluster number: sorted values chained while each is within
    `tolerance` of the one before (pdfplumber's `make_cluster_dict`)."""
    out: dict[float, int] = {}
    group, last = -1, None
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            group += 1
        out[value] = group
        last = value
    return out


def snap(edges: list[Edge], tolerance: float = SNAP_PT) -> list[Edge]:
    """Vertical edges moved to the mean x of their cluster, horizontal ones to the mean
    top of theirs; verticals first, each cluster in order, as pdfplumber's `snap_edges`."""
    out: list[Edge] = []
    for orientation in ("v", "h"):
        group = [e for e in edges if e.orientation == orientation]
        key = (lambda e: e.x0) if orientation == "v" else (lambda e: e.top)
        number = _clusters([key(e) for e in group], tolerance)
        by_cluster = sorted(group, key=lambda e: number[key(e)])  # stable, as pdfplumber's
        for _, members in itertools.groupby(by_cluster, key=lambda e: number[key(e)]):
            members = list(members)
            mean = sum(key(e) for e in members) / len(members)
            for e in members:
                shift = mean - key(e)
                if orientation == "v":
                    out.append(e._replace(x0=e.x0 + shift, x1=e.x1 + shift))
                else:
                    out.append(e._replace(top=e.top + shift, bottom=e.bottom + shift))
    return out


def join(edges: list[Edge], orientation: str, tolerance: float = JOIN_PT) -> list[Edge]:
    """Edges along one line joined where one starts within `tolerance` of the last's end."""
    if orientation == "h":
        start, end = (lambda e: e.x0), (lambda e: e.x1)
    else:
        start, end = (lambda e: e.top), (lambda e: e.bottom)
    ordered = sorted(edges, key=start)
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if start(e) <= end(last) + tolerance:
            if end(e) > end(last):
                field = "x1" if orientation == "h" else "bottom"
                joined[-1] = last._replace(**{field: end(e)})
        else:
            joined.append(e)
    return joined


def _length(e: Edge) -> float:
    return e.bottom - e.top if e.orientation == "v" else e.x1 - e.x0


def merge_edges(
    edges: list[Edge],
    snap_pt: float = SNAP_PT,
    join_pt: float = JOIN_PT,
    min_length: float = MIN_LENGTH_PT,
) -> list[Edge]:
    """Snapped, joined along each line, and those shorter than `min_length` dropped."""

    def line(e: Edge) -> tuple[str, float]:
        return (e.orientation, e.top if e.orientation == "h" else e.x0)

    if snap_pt > 0:
        edges = snap(edges, snap_pt)
    out: list[Edge] = []
    for (orientation, _), group in itertools.groupby(sorted(edges, key=line), key=line):
        out += join(list(group), orientation, join_pt)
    return [e for e in out if _length(e) >= min_length]


def intersections(edges: list[Edge], tolerance: float = CROSS_PT) -> dict[Point, tuple[set, set]]:
    """Each point where a vertical edge crosses (or nearly meets) a horizontal one → the
    boxes of the vertical and of the horizontal edges through it. Horizontals are filed by
    their top, so each vertical looks only at those within its own span."""
    verticals = sorted((e for e in edges if e.orientation == "v"), key=lambda e: (e.x0, e.top))
    horizontals = sorted((e for e in edges if e.orientation == "h"), key=lambda e: (e.top, e.x0))
    tops = [h.top for h in horizontals]

    out: dict[Point, tuple[set, set]] = {}
    for v in verticals:
        # a margin past the tolerance, so rounding never hides a pair the test below keeps
        lo = bisect.bisect_left(tops, v.top - tolerance - 1e-6)
        hi = bisect.bisect_right(tops, v.bottom + tolerance + 1e-6)
        for h in horizontals[lo:hi]:
            if (
                v.top <= h.top + tolerance
                and v.bottom >= h.top - tolerance
                and v.x0 >= h.x0 - tolerance
                and v.x0 <= h.x1 + tolerance
            ):
                point = (v.x0, h.top)
                if point not in out:
                    out[point] = (set(), set())
                out[point][0].add(v.box)
                out[point][1].add(h.box)
    return out


def cells(crossings: dict[Point, tuple[set, set]]) -> list[Box]:
    """For each crossing, top-left first, the smallest cell it is the top-left corner of:
    the first point below it and the first to its right (nearest first) joined to it by an
    edge, whose bottom-right corner is a crossing joined to both (pdfplumber's
    `intersections_to_cells`)."""
    points = sorted(crossings)
    below: dict[float, list[Point]] = {}
    right: dict[float, list[Point]] = {}
    for p in points:  # sorted by x then y: each list in the order pdfplumber scans
        below.setdefault(p[0], []).append(p)
    for p in points:
        right.setdefault(p[1], []).append(p)
    rank = {p: i for i, p in enumerate(points)}

    def vertical(p1: Point, p2: Point) -> bool:
        return bool(crossings[p1][0] & crossings[p2][0])

    def horizontal(p1: Point, p2: Point) -> bool:
        return bool(crossings[p1][1] & crossings[p2][1])

    out: list[Box] = []
    for i, pt in enumerate(points):
        downs = [p for p in below[pt[0]] if rank[p] > i]
        rights = [p for p in right[pt[1]] if rank[p] > i]
        found = None
        for down in downs:
            if not vertical(pt, down):
                continue
            for across in rights:
                if not horizontal(pt, across):
                    continue
                corner = (across[0], down[1])
                if corner in crossings and vertical(corner, across) and horizontal(corner, down):
                    found = (pt[0], pt[1], corner[0], corner[1])
                    break
            if found:
                break
        if found:
            out.append(found)
    return out


def _corners(box: Box) -> tuple[Point, Point, Point, Point]:
    x0, top, x1, bottom = box
    return ((x0, top), (x0, bottom), (x1, top), (x1, bottom))


def group_cells(boxes: list[Box]) -> list[list[Box]]:
    """Cells that share a corner (directly or through others) as one table, each table's
    cells in the order pdfplumber's `cells_to_tables` collects them; tables of one cell
    dropped, top to bottom then left to right."""
    remaining = list(boxes)
    corners: set[Point] = set()
    current: list[Box] = []
    tables: list[list[Box]] = []
    while remaining:
        before = len(current)
        kept: list[Box] = []
        for cell in remaining:
            if not current or any(c in corners for c in _corners(cell)):
                corners |= set(_corners(cell))
                current.append(cell)
            else:
                kept.append(cell)
        remaining = kept
        if len(current) == before:
            tables.append(current)
            corners, current = set(), []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def union_box(boxes: list[Box]) -> Box:
    """The smallest box holding every one of `boxes` (at least one)."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class Row:
    """One row of a table: its cells left to right (None where a merged cell spans), and
    the box of those present (computed once: the cells' text asks it per character)."""

    __slots__ = ("bbox", "cells")

    def __init__(self, cells: list[Box | None]) -> None:
        self.cells = cells
        self.bbox: Box = union_box([c for c in cells if c is not None])


class LatticeTable:
    """A table's cells; `rows` and `bbox` as pdfplumber's `Table` gives them."""

    def __init__(self, cells: list[Box]) -> None:
        self.cells = cells
        self.bbox: Box = union_box(cells)
        xs = sorted({c[0] for c in cells})
        ordered = sorted(cells, key=lambda c: (c[1], c[0]))
        self.rows: list[Row] = []
        for _, row_cells in itertools.groupby(ordered, key=lambda c: c[1]):
            by_x = {c[0]: c for c in row_cells}
            self.rows.append(Row([by_x.get(x) for x in xs]))


def _as_edge(obj: dict) -> dict:
    """An explicit line as pdfplumber's finder takes it (`obj_to_edges`): a "line" is
    level ("h") exactly when its top is its bottom, else "v", whatever it was called (a
    rule of no length is level, so it is no vertical); an edge is taken as it is."""
    if obj.get("object_type") != "line":
        return obj
    orientation = "h" if obj["top"] == obj["bottom"] else "v"
    return obj if obj["orientation"] == orientation else {**obj, "orientation": orientation}


def find_tables(verticals: list[dict], horizontals: list[dict]) -> list[LatticeTable]:
    """The tables that explicit vertical and horizontal rule edges (pdfplumber-style dicts)
    make, as pdfplumber's finder with `explicit` strategies and its default tolerances."""
    edges = [edge_of(e) for e in map(_as_edge, verticals) if e["orientation"] == "v"]
    edges += [edge_of(e) for e in map(_as_edge, horizontals) if e["orientation"] == "h"]
    merged = merge_edges(edges)
    return [LatticeTable(group) for group in group_cells(cells(intersections(merged)))]


__all__ = [
    "Edge",
    "LatticeTable",
    "cells",
    "find_tables",
    "group_cells",
    "intersections",
    "merge_edges",
]
