"""Vector-heavy variants of a report: many tiny vector objects on a page, or a large drawing.

Why: a browser printing a contents page draws its dotted leaders as thousands of tiny
rectangles and may repeat them, clipped, on every page; a map or a chart is drawn from many
small paths. Reading such a page must cost what the page holds, never its square. These
builders add such objects to a page of an existing PDF (with PDFium), so the text and the
tables of the page stay the original's and what is read can be compared with it.

    python -m testdata.vector_heavy reports/2020.pdf --page 13 --specks 50000 -o /tmp/specks.pdf
    python -m testdata.vector_heavy reports/2020.pdf --page 13 --drawing 4000 -o /tmp/drawing.pdf
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path


def _fill_grey(obj, raw) -> None:
    raw.FPDFPageObj_SetFillColor(obj, 160, 160, 160, 255)
    raw.FPDFPath_SetDrawMode(obj, raw.FPDF_FILLMODE_WINDING, False)


def add_specks(page, raw, count: int, size: float = 0.8) -> None:
    """`count` filled squares of `size` points in a grid over the whole page (dot leaders)."""
    width, height = page.get_size()
    columns = max(1, int(math.sqrt(count * width / height)))
    rows = -(-count // columns)
    dx, dy = width / columns, height / rows
    for i in range(count):
        x, y = (i % columns) * dx, (i // columns) * dy
        obj = raw.FPDFPageObj_CreateNewRect(x, y, size, size)
        _fill_grey(obj, raw)
        raw.FPDFPage_InsertObject(page.raw, obj)


def add_drawing(page, raw, segments: int) -> None:
    """One stroked path of `segments` Bézier curves winding over the whole page (a map)."""
    width, height = page.get_size()
    obj = raw.FPDFPageObj_CreateNewPath(width / 2, height / 2)
    for i in range(1, segments + 1):
        t = i / segments * 40 * math.pi
        r = (0.45 - 0.4 * i / segments) * min(width, height)
        x, y = width / 2 + r * math.cos(t), height / 2 + r * math.sin(t)
        raw.FPDFPath_BezierTo(obj, x - 3, y + 3, x + 3, y - 3, x, y)
    raw.FPDFPageObj_SetStrokeColor(obj, 120, 160, 200, 255)
    raw.FPDFPageObj_SetStrokeWidth(obj, 0.5)
    raw.FPDFPath_SetDrawMode(obj, 0, True)
    raw.FPDFPage_InsertObject(page.raw, obj)
    # and many small round marks over it (a map's towns), each a path of four curves
    for k in range(500):
        x, y = 30 + (k * 37) % (width - 60), 30 + (k * 53) % (height - 60)
        mark = raw.FPDFPageObj_CreateNewPath(x + 4, y)
        for j in range(1, 5):
            a = j * math.pi / 2
            raw.FPDFPath_BezierTo(
                mark, x + 4, y + 2, x + 2, y + 4, x + 4 * math.cos(a), y + 4 * math.sin(a)
            )
        raw.FPDFPath_Close(mark)
        raw.FPDFPageObj_SetStrokeColor(mark, 200, 80, 80, 255)
        raw.FPDFPath_SetDrawMode(mark, 0, True)
        raw.FPDFPage_InsertObject(page.raw, mark)


def build(source: Path, out: Path, page_number: int, specks: int = 0, drawing: int = 0) -> Path:
    """`source` with specks and/or a drawing added to its page `page_number` (1-based)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(source))
    try:
        page = doc[page_number - 1]
        if specks:
            add_specks(page, raw, specks)
        if drawing:
            add_drawing(page, raw, drawing)
        page.gen_content()
        out.parent.mkdir(parents=True, exist_ok=True)
        doc.save(str(out))
        page.close()
    finally:
        doc.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--page", type=int, required=True, help="1-based page of the PDF")
    parser.add_argument("--specks", type=int, default=0, help="tiny squares to add")
    parser.add_argument("--drawing", type=int, default=0, help="curve segments of a drawing")
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args()
    build(args.source, args.out, args.page, args.specks, args.drawing)


if __name__ == "__main__":
    main()
