"""What a page draws, counted by PDFium: how many vector objects, and how many could be rules.

Why: the table finder (pdfplumber) builds a Python object for every path on a page and
compares edges pairwise, so a page that draws its dotted leaders as 11,000 tiny rectangles,
or a map made of thousands of curves, costs minutes. PDFium walks the same objects in C;
asking it first lets the table reader skip pages with nothing that can be a rule, and refuse
pages whose drawing is past a budget, before pdfplumber parses a single object.

A rule candidate is a path object made of straight segments, inside the page box, whose
longer side is at least `SPECK_PT` (a dot of a leader, a speck of a halftone is not a rule).
Segment types are asked only of objects that pass the cheap tests (bounds first).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

#: A path whose longer side is shorter than this (points) is a dot or a speck, not a rule.
SPECK_PT = 3.0
#: Past this many objects on one page PDFium stops counting: the page is over any budget.
COUNT_LIMIT = 200_000
#: Segment types are read up to this many segments a path: a longer straight path (a whole
#: grid drawn as one path of moves and lines, as some office suites do) still counts as rules,
#: and reading a map's 50,000 segments one by one would cost more than the page is worth.
MAX_RULE_SEGMENTS = 2000


@dataclass(frozen=True)
class VectorCensus:
    """Vector objects of one page, by what they can be."""

    objects: int  # every page object (text, paths, images, forms' contents)
    paths: int  # path objects
    rules: int  # path objects that can be table rules
    specks: int  # paths smaller than SPECK_PT
    outside: int  # paths wholly outside the page box
    curves: int  # paths with Bézier segments or too many segments to be a rule
    complete: bool = True  # False when counting stopped at COUNT_LIMIT


def _straight(obj: Any) -> bool:
    """A path of straight segments only (no Bézier curve), of at most MAX_RULE_SEGMENTS."""
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count < 0 or count > MAX_RULE_SEGMENTS:
        return False
    bezier = pdfium_c.FPDF_SEGMENT_BEZIERTO
    get, kind = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetType
    return all(kind(get(obj, i)) != bezier for i in range(count))


def census_page(page_raw: Any, width: float, height: float) -> VectorCensus:
    """Count the objects of one page (a pdfium FPDF_PAGE), descending into form XObjects."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = tuple(ctypes.byref(v) for v in (left, bottom, right, top))
    get_type, get_bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    path_type, form_type = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    objects = paths = rules = specks = outside = curves = 0
    # (count, get) of each container still to walk: the page, then any form it holds
    stack = [
        (
            pdfium_c.FPDFPage_CountObjects(page_raw),
            lambda i: pdfium_c.FPDFPage_GetObject(page_raw, i),
        )
    ]
    while stack:
        count, get = stack.pop()
        for i in range(count):
            objects += 1
            if objects > COUNT_LIMIT:
                return VectorCensus(objects, paths, rules, specks, outside, curves, False)
            obj = get(i)
            kind = get_type(obj)
            if kind == form_type:
                stack.append(
                    (
                        pdfium_c.FPDFFormObj_CountObjects(obj),
                        lambda j, form=obj: pdfium_c.FPDFFormObj_GetObject(form, j),
                    )
                )
                continue
            if kind != path_type:
                continue
            paths += 1
            if not get_bounds(obj, *refs):
                continue
            x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
            if max(x1 - x0, y1 - y0) < SPECK_PT:
                specks += 1
            elif x1 < 0 or y1 < 0 or x0 > width or y0 > height:
                outside += 1
            elif not _straight(obj):
                curves += 1
            else:
                rules += 1
    return VectorCensus(objects, paths, rules, specks, outside, curves)


# --------------------------------------------------------------------------- rule objects

_MOVE, _LINE = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO


def _matrix(obj: Any) -> tuple[float, float, float, float, float, float]:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix of `inner` then `outer` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E,
            e * B + f * D + F)  # fmt: skip


def _subpaths(obj: Any, m: tuple) -> list[tuple[list[int], list[tuple[float, float]], bool]]:
    """A path's subpaths, each as (segment types, points in page space, closed)."""
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count <= 0 or count > MAX_RULE_SEGMENTS:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = m
    out: list[tuple[list[int], list[tuple[float, float]], bool]] = []
    for i in range(count):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _MOVE or not out:
            out.append(([], [], False))
        types, points, _ = out[-1]
        types.append(kind)
        points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(seg):
            out[-1] = (types, points, True)
    return out


def _rule_object(types: list[int], pts: list[tuple[float, float]], closed: bool) -> Any:
    """A subpath as pdfminer classifies it: ("line", p0, p1), ("rect", p0, p2), or None (a
    curve, never a rule). PDFium closes a subpath with a segment back to its start (or a
    flag on the segment that is already there): pdfminer's "h"."""
    if types[0] != _MOVE or any(t != _LINE for t in types[1:]):
        return None
    if len(pts) == 2 or (len(pts) == 3 and closed and pts[2] == pts[0]):
        return ("line", pts[0], pts[1])
    if len(pts) == 5 and closed and pts[3] == pts[0]:
        return None  # a flat "re": pdfminer drops its fourth point as redundant, a curve
    if len(pts) == 5 and pts[4] == pts[0]:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        ):
            return ("rect", pts[0], pts[2])
    return None


def _as_dict(kind: str, p: tuple[float, float], q: tuple[float, float], height: float) -> dict:
    x0, x1 = min(p[0], q[0]), max(p[0], q[0])
    y0, y1 = min(p[1], q[1]), max(p[1], q[1])
    top, bottom = height - y1, height - y0
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": top, "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0}  # fmt: skip


def rule_objects(page_raw: Any, height: float) -> dict[str, list[dict]]:
    """The page's straight lines and rectangles as pdfplumber lists them ("line", "rect":
    x0, x1, top, bottom, width, height; points from the top left), read from PDFium's path
    objects, descending into form XObjects: each subpath classified as pdfminer does it (a
    move and one line; a move and four lines back to the start, axis-aligned)."""
    out: dict[str, list[dict]] = {"line": [], "rect": []}
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    path_type, form_type = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    count = pdfium_c.FPDFPage_CountObjects(page_raw)
    pending = [(pdfium_c.FPDFPage_GetObject(page_raw, i), identity) for i in range(count)]
    pending.reverse()
    seen = 0
    while pending:
        obj, outer = pending.pop()
        seen += 1
        if seen > COUNT_LIMIT:
            break
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == form_type:
            m = _compose(_matrix(obj), outer)
            n = pdfium_c.FPDFFormObj_CountObjects(obj)
            pending += [(pdfium_c.FPDFFormObj_GetObject(obj, j), m) for j in range(n)][::-1]
            continue
        if kind != path_type:
            continue
        m = _compose(_matrix(obj), outer)
        for types, pts, closed in _subpaths(obj, m):
            found = _rule_object(types, pts, closed)
            if found is not None:
                out[found[0]].append(_as_dict(found[0], found[1], found[2], height))
    return out


__all__ = ["SPECK_PT", "VectorCensus", "census_page", "rule_objects"]
