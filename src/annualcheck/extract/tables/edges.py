"""Edges that can be table rules, the budget a page may spend on them, and a position index.

Why apart: the ruled table finder compares edges with each other; on a page that draws
thousands of small objects (dot leaders as rectangles, a map, a halftone) that is minutes of
work for nothing. So, in this order and before any pairwise step: what cannot be a rule is
dropped (curves, dots and specks, objects outside the page box); a page with more candidate
edges than `EDGE_BUDGET`, or more vector objects than pdfplumber can parse in about a second
(`PARSE_BUDGET`), is not searched at all (its tables are read from their words, and the
table's parse report says why); what is left is indexed by position, so finding an edge's
neighbours looks at a few buckets, never at every other edge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from annualcheck.model.record import VECTOR_BUDGET_NOTE
from annualcheck.pdf.vectors import SPECK_PT

#: Most candidate edges a page's table finder may compare (a dense real table has ~500).
EDGE_BUDGET = 4000
#: Most vector paths on a page that pdfplumber is asked to parse (it builds a Python object
#: for each: ~20,000 take it tens of seconds).
PARSE_BUDGET = 3000
#: Edges this short are dropped, as pdfplumber's finder drops them before merging.
MIN_EDGE_PT = 1.0
#: How close two rule ends must be to meet (points), as the finder's snap tolerance.
MEET_PT = 1.5


def over_budget_note(page: int, what: str, count: int, budget: int) -> str:
    """The parse-report note for a page whose drawing is too costly to search for rules."""
    return (
        f"{VECTOR_BUDGET_NOTE}: page {page} draws {count:,} {what} (budget {budget:,}); "
        "its table read by the text strategy"
    )


def census_over_budget(census: Any, page: int) -> str | None:
    """The note for a page that PDFium's count already puts over budget, or None."""
    if census is None:
        return None
    if not census.complete or census.paths > PARSE_BUDGET:
        return over_budget_note(page, "vector paths", census.paths, PARSE_BUDGET)
    if census.rules * 4 > EDGE_BUDGET:  # a rectangle gives four edges
        return over_budget_note(page, "rule candidates", census.rules, EDGE_BUDGET // 4)
    return None


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return not (
        obj["x1"] < x0 - MEET_PT
        or obj["x0"] > x1 + MEET_PT
        or obj["bottom"] < top - MEET_PT
        or obj["top"] > bottom + MEET_PT
    )


def line_to_edge(line: dict) -> dict:
    """A line as an edge, as pdfplumber's `line_to_edge` (not level: "v", its quirk)."""
    edge = dict(line)
    edge["orientation"] = "h" if line["top"] == line["bottom"] else "v"
    return edge


def rect_to_edges(rect: dict) -> list[dict]:
    """A rectangle's four sides as edges, as pdfplumber's `rect_to_edges`: top, bottom,
    left, right."""
    top, bottom, left, right = (dict(rect) for _ in range(4))
    top.update(object_type="rect_edge", height=0, y0=rect["y1"], bottom=rect["top"],
               orientation="h")  # fmt: skip
    bottom.update(object_type="rect_edge", height=0, y1=rect["y0"],
                  top=rect["top"] + rect["height"], doctop=rect["doctop"] + rect["height"],
                  orientation="h")  # fmt: skip
    left.update(object_type="rect_edge", width=0, x1=rect["x0"], orientation="v")
    right.update(object_type="rect_edge", width=0, x0=rect["x1"], orientation="v")
    return [top, bottom, left, right]


def rule_edges(page: Any) -> list[dict]:
    """The edges of a pdfplumber page that can be table rules (`rule_edges_of`)."""
    return rule_edges_of(page.objects, tuple(page.bbox))


def rule_edges_of(objects: dict[str, list[dict]], box: tuple) -> list[dict]:
    """The edges that can be table rules: from the lines and rectangles (never the curves)
    of `objects` (pdfplumber's, or PDFium's read alike), inside the page box `box`, from
    objects at least SPECK_PT long, each edge at least MIN_EDGE_PT long; lines first, then
    rectangles, as pdfplumber lists them."""
    out: list[dict] = []
    for kind, to_edges in (("line", lambda o: [line_to_edge(o)]), ("rect", rect_to_edges)):
        for obj in objects.get(kind, []):
            if max(obj["width"], obj["height"]) < SPECK_PT or not _inside(obj, box):
                continue
            for edge in to_edges(obj):
                if edge.get("orientation") not in ("h", "v"):
                    continue
                length = edge["height"] if edge["orientation"] == "v" else edge["width"]
                if length >= MIN_EDGE_PT:
                    out.append(edge)
    return out


class Buckets:
    """Items filed by one or two coordinates in buckets MEET_PT wide: `near` yields the items
    whose key lies within MEET_PT of a point, from the three (or nine) buckets around it."""

    def __init__(self) -> None:
        self._grid: dict[tuple[int, ...], list[Any]] = defaultdict(list)

    @staticmethod
    def _cell(*coords: float) -> tuple[int, ...]:
        return tuple(int(c // MEET_PT) for c in coords)

    def add(self, item: Any, *coords: float) -> None:
        self._grid[self._cell(*coords)].append(item)

    def near(self, *coords: float) -> Iterator[Any]:
        base = self._cell(*coords)
        offsets: Iterable[tuple[int, ...]] = [()]
        for _ in base:
            offsets = [o + (d,) for o in offsets for d in (-1, 0, 1)]
        for offset in offsets:
            key = tuple(b + d for b, d in zip(base, offset, strict=True))
            yield from self._grid.get(key, ())


def closing_lines(edges: list[dict]) -> list[dict]:
    """Horizontal rules that a page break left out: where a column rule ends with no
    horizontal rule at its end, a producer split a row there and drew the grid open. Closing
    it lets the finder keep the fragment (the rest of a row at the top of the next page, or
    its start at the foot of this one) instead of dropping it. Linear in the edges: each end
    looks only at the rules filed near it."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    if not verticals:
        return []
    # Corner pieces (producers that draw each border as its own rectangle) close nothing.
    across = Buckets()  # horizontal rules by their height on the page
    for h in edges:
        if h["orientation"] == "h" and h["x1"] - h["x0"] > 4:
            across.add(h, h["top"])
    ends = Buckets()  # vertical rules by (x, y) of each end
    for v in verticals:
        ends.add(v, v["x0"], v["top"])
        if v["bottom"] != v["top"]:
            ends.add(v, v["x0"], v["bottom"])
    open_ends: dict[float, list[dict]] = {}
    for e in verticals:
        for y in (e["top"], e["bottom"]):
            closed = any(
                abs(h["top"] - y) <= MEET_PT and h["x0"] - MEET_PT <= e["x0"] <= h["x1"] + MEET_PT
                for h in across.near(y)
            )
            continued = any(
                v is not e
                and abs(v["x0"] - e["x0"]) <= MEET_PT
                and (abs(v["top"] - y) <= MEET_PT or abs(v["bottom"] - y) <= MEET_PT)
                and not (v["top"] == e["top"] and v["bottom"] == e["bottom"])
                for v in ends.near(e["x0"], y)
            )
            if not closed and not continued:
                open_ends.setdefault(round(y, 1), []).append(e)
    lines = []
    for y, group in open_ends.items():
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
                "orientation": "h",
            }
        )
    return lines


__all__ = [
    "EDGE_BUDGET",
    "PARSE_BUDGET",
    "Buckets",
    "census_over_budget",
    "closing_lines",
    "over_budget_note",
    "rule_edges",
    "rule_edges_of",
]
