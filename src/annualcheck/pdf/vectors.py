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


__all__ = ["SPECK_PT", "VectorCensus", "census_page"]
