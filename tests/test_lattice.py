"""The lattice strategy (extract/tables/lattice.py): each step on hand-made edges, and the
whole against pdfplumber's finder on generated ruled tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.extract.tables.lattice import (
    Edge,
    cells,
    find_tables,
    group_cells,
    intersections,
    join,
    merge_edges,
    snap,
)


def h(x0: float, x1: float, y: float) -> Edge:
    return Edge("h", x0, y, x1, y)


def v(x: float, top: float, bottom: float) -> Edge:
    return Edge("v", x, top, x, bottom)


def as_dict(e: Edge, kind: str = "line") -> dict:
    return {
        "object_type": kind,
        "orientation": e.orientation,
        "x0": e.x0,
        "x1": e.x1,
        "top": e.top,
        "bottom": e.bottom,
        "doctop": e.top,
        "width": e.x1 - e.x0,
        "height": e.bottom - e.top,
    }


# --------------------------------------------------------------------------- steps


def test_snap_moves_near_edges_to_their_mean_and_leaves_far_ones():
    out = snap([v(10, 0, 50), v(12, 0, 50), v(40, 0, 50), h(0, 50, 5), h(0, 50, 7.5)])
    assert sorted(e.x0 for e in out if e.orientation == "v") == [11, 11, 40]
    assert [e.top for e in out if e.orientation == "h"] == [6.25, 6.25]
    assert all(e.top == e.bottom for e in out if e.orientation == "h")


def test_snap_chains_a_cluster_through_close_neighbours():
    # 0 → 2.5 → 5: each within 3 of the one before, so one cluster although 0 and 5 are not
    out = snap([v(0, 0, 9), v(2.5, 0, 9), v(5, 0, 9)])
    assert {e.x0 for e in out} == {2.5}


def test_join_extends_across_small_gaps_only():
    out = join([h(0, 10, 5), h(12, 20, 5), h(30, 40, 5)], "h")
    assert [(e.x0, e.x1) for e in out] == [(0, 20), (30, 40)]
    assert join([v(0, 0, 10), v(0, 2, 5)], "v") == [v(0, 0, 10)]  # inside: unchanged


def test_merge_edges_drops_short_edges_after_joining():
    out = merge_edges([h(0, 2, 5), h(4, 5.5, 5), h(0, 2, 20)])
    assert out == [h(0, 5.5, 5)]  # the pieces joined reach 3 pt; the lone 2 pt one does not


def test_intersections_within_tolerance_of_an_end():
    crossings = intersections([v(10, 0, 50), h(0, 20, 52.5), h(12.5, 30, 20), h(20, 30, 10)])
    assert set(crossings) == {(10, 52.5), (10, 20)}  # (20..30 at 10) is 10 pt away
    assert crossings[(10, 20)] == ({(10, 0, 10, 50)}, {(12.5, 20, 30, 20)})


def test_cells_of_a_two_by_two_grid_and_a_merged_cell():
    grid = [h(0, 20, 0), h(0, 20, 10), h(0, 20, 20), v(0, 0, 20), v(10, 0, 20), v(20, 0, 20)]
    assert cells(intersections(grid)) == [
        (0, 0, 10, 10),
        (0, 10, 10, 20),
        (10, 0, 20, 10),
        (10, 10, 20, 20),
    ]
    merged = [h(0, 20, 0), h(0, 20, 10), h(0, 20, 20), v(0, 0, 20), v(10, 10, 20), v(20, 0, 20)]
    assert cells(intersections(merged)) == [(0, 0, 20, 10), (0, 10, 10, 20), (10, 10, 20, 20)]


def test_group_cells_by_shared_corners_drops_single_cells():
    a = [(0, 0, 10, 10), (10, 0, 20, 10)]
    b = [(0, 50, 10, 60), (0, 60, 10, 70)]
    lone = [(100, 100, 110, 110)]
    assert group_cells(b + lone + a) == [a, b]


def test_rows_keep_none_for_a_spanned_column():
    edges = [h(0, 20, 0), h(0, 20, 10), h(0, 20, 20), v(0, 0, 20), v(10, 10, 20), v(20, 0, 20)]
    (table,) = find_tables(
        [as_dict(e) for e in edges if e.orientation == "v"],
        [as_dict(e) for e in edges if e.orientation == "h"],
    )
    assert table.bbox == (0, 0, 20, 20)
    assert [r.cells for r in table.rows] == [
        [(0, 0, 20, 10), None],
        [(0, 10, 10, 20), (10, 10, 20, 20)],
    ]


# --------------------------------------------------------------------------- against pdfplumber

# Coordinates in quarter points, as producers round them; jitter under the snap tolerance.
coord = st.integers(0, 2400).map(lambda n: n / 4)


@st.composite
def ruled_tables(draw: st.DrawFn) -> list[dict]:
    """Edges of one or two grids: rules split in pieces, jittered, some inner rules left out
    (merged cells), drawn as lines or rectangle edges, plus stray edges."""
    edges: list[dict] = []
    for _ in range(draw(st.integers(1, 2))):
        xs = sorted(draw(st.sets(coord, min_size=2, max_size=6)))
        ys = sorted(draw(st.sets(coord, min_size=2, max_size=8)))
        jitter = st.sampled_from([0, 0, 0.25, -0.5, 1.0, 2.75])
        kind = draw(st.sampled_from(["line", "rect_edge"]))
        for y in ys:
            cuts = sorted(draw(st.sets(st.sampled_from(xs), max_size=3)) | {xs[0], xs[-1]})
            for a, b in zip(cuts, cuts[1:], strict=False):
                y0 = y + draw(jitter)
                left, right = sorted([a + draw(jitter), b + draw(jitter)])  # jitter may cross
                edges.append(as_dict(h(left, right, y0), kind))
        for i, x in enumerate(xs):
            if 0 < i < len(xs) - 1 and draw(st.booleans()) and draw(st.booleans()):
                top = ys[draw(st.integers(0, len(ys) - 1))]
                edges.append(as_dict(v(x + draw(jitter), top, ys[-1]), kind))
                continue
            top, bottom = sorted([ys[0], ys[-1] + draw(jitter)])
            edges.append(as_dict(v(x + draw(jitter), top, bottom), kind))
    for _ in range(draw(st.integers(0, 3))):
        a, b = sorted([draw(coord), draw(coord)])
        edges.append(as_dict(draw(st.sampled_from([h(a, b, draw(coord)), v(a, b, b + 5)]))))
    return edges


def _shape(tables: list) -> list:
    return [(t.bbox, [(r.bbox, list(r.cells)) for r in t.rows]) for t in tables]


@settings(max_examples=150, deadline=None)
@given(ruled_tables())
def test_same_tables_as_pdfplumbers_finder(edges):
    from pdfplumber.table import TableFinder

    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    if len(verticals) < 2 or len(horizontals) < 2:
        return  # pdfplumber refuses explicit strategies with fewer than two lines
    reference = TableFinder(
        None,
        {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": verticals,
            "explicit_horizontal_lines": horizontals,
        },
    ).tables
    assert _shape(find_tables(verticals, horizontals)) == _shape(reference)


# --------------------------------------------------------------------------- cell text


def _char(text: str, x0: float, top: float, width: float = 5.0, height: float = 10.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + height,
            "doctop": top, "upright": True}  # fmt: skip


def test_plain_text_words_lines_and_ligatures():
    from annualcheck.extract.tables.cells import plain_text

    chars = [_char("b", 5, 0.5), _char("a", 0, 0), _char(" ", 10, 0), _char("\ufb01", 15, 1)]
    chars += [_char("x", 40, 2), _char("n", 0, 14), _char("o", 5, 14)]
    assert plain_text(chars) == "ab fi x\nno"  # a 20 pt gap is a word break; 14 pt down a line


@st.composite
def cell_chars(draw: st.DrawFn) -> list[dict]:
    letters = st.sampled_from(list("abcXYZ12 .,") + ["\ufb01"])
    out = []
    for _ in range(draw(st.integers(1, 30))):
        out.append(
            _char(
                draw(letters),
                draw(coord) / 4,
                draw(st.integers(0, 60)) / 2,
                draw(st.sampled_from([2.0, 4.5, 6.0])),
            )  # fmt: skip
        )
    return out


@settings(max_examples=200, deadline=None)
@given(cell_chars())
def test_plain_text_as_pdfplumbers_extract_text(chars):
    from pdfplumber.utils import extract_text

    from annualcheck.extract.tables.cells import plain_text

    assert plain_text(chars) == extract_text(chars)


@pytest.mark.slow  # every table page of a report read both ways; CI runs it
def test_pdfium_rules_and_cells_as_pdfplumbers_on_a_report_table_page():
    """The table pages of the 2020 report: PDFium's rule objects give pdfplumber's edges
    (to rounding), and the cells read from PDFium's characters pdfplumber's text."""
    from annualcheck.extract.tables.cells import CharIndex, plain_text, table_text
    from annualcheck.extract.tables.edges import rule_edges, rule_edges_of
    from annualcheck.pdf.document import open_pdf
    from helpers.paths import REPORTS, committed

    with open_pdf(committed(REPORTS / "2020.pdf")) as doc:
        pages = [n for n in range(1, doc.page_count + 1) if doc.vector_census(n).rules]
        assert pages
        for n in pages:
            page = doc.plumber_page(n)
            ours = rule_edges_of(doc.rule_objects(n), doc.page_box(n))
            theirs = rule_edges(page)
            assert [e["orientation"] for e in ours] == [e["orientation"] for e in theirs]
            for a, b in zip(ours, theirs, strict=True):
                assert all(abs(a[k] - b[k]) < 0.01 for k in ("x0", "x1", "top", "bottom"))
            verticals = [e for e in theirs if e["orientation"] == "v"]
            horizontals = [e for e in theirs if e["orientation"] == "h"]
            if len(verticals) < 2 or len(horizontals) < 2:
                continue
            for table in find_tables(verticals, horizontals):
                own = table_text(table, CharIndex(doc.table_chars(n)), plain_text)
                assert own == table_text(table, CharIndex(page.chars))


# --------------------------------------------------------------------------- PDFium's rules


def _drawn_page() -> bytes:
    """One page drawing what a table's rules can be made of, and what they cannot."""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(400, 400))
    c.line(50, 350, 350, 350)  # a level line
    c.line(50, 300, 50, 100)  # an upright line
    c.line(60, 60, 90, 90)  # a slanted line: pdfplumber calls it "v"
    c.rect(100, 100, 200, 150)  # a stroked rectangle ("re")
    c.rect(100, 280, 200, 0)  # a flat "re": pdfminer makes it a curve
    c.rect(120, 120, 2, 2, fill=1)  # a speck
    p = c.beginPath()
    p.moveTo(300, 300)
    p.lineTo(340, 300)
    p.lineTo(340, 320)
    p.lineTo(300, 320)
    p.close()  # a closed path of four sides: a rectangle
    p.moveTo(10, 10)
    p.curveTo(20, 30, 40, 30, 50, 10)  # a second subpath, a curve
    c.drawPath(p)
    c.beginForm("grid")
    c.rect(0, 0, 50, 20)
    c.line(25, 0, 25, 20)
    c.endForm()
    c.saveState()
    c.translate(200, 20)
    c.doForm("grid")  # a form drawn under a matrix
    c.restoreState()
    c.showPage()
    c.save()
    return out.getvalue()


def test_rule_objects_give_pdfplumbers_edges_on_a_hand_made_page(tmp_path):
    import pdfplumber
    import pypdfium2 as pdfium

    from annualcheck.extract.tables.edges import rule_edges, rule_edges_of
    from annualcheck.pdf.vectors import rule_objects

    path = tmp_path / "drawn.pdf"
    path.write_bytes(_drawn_page())
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    ours = rule_edges_of(rule_objects(page.raw, page.get_height()), (0, 0, 400, 400))
    with pdfplumber.open(path) as plumber:
        theirs = rule_edges(plumber.pages[0])

    def key(e: dict) -> tuple:
        return (e["orientation"], *(round(e[k], 3) for k in ("x0", "top", "x1", "bottom")))

    assert [key(e) for e in ours] == [key(e) for e in theirs]
    assert len(theirs) == 3 + 4 + 4 + 4 + 1  # lines, "re", closed path, the form's
    assert ("h", 200.0, 360.0, 250.0, 360.0) in {key(e) for e in ours}  # moved by the form


@pytest.mark.slow  # every table page of a report read both ways; CI runs it
def test_pdfplumbers_reading_and_pdfiums_give_the_same_ruled_pieces():
    """The ruled reader's two sources of rules and characters (pdfplumber's page, kept for
    a PDF whose frames were made plain, and PDFium's) give the same pieces of a report."""
    from annualcheck.extract.tables.ruled import DocumentWithFragments, _find_fragments
    from annualcheck.pdf.document import open_pdf
    from helpers.paths import REPORTS, committed

    class ByPlumber:
        reads_rules = False

        def __init__(self, doc):
            self.doc = doc

        def __getattr__(self, name):
            return getattr(self.doc, name)

    with open_pdf(committed(REPORTS / "2021.pdf")) as doc:
        own, plumber = DocumentWithFragments(doc), DocumentWithFragments(ByPlumber(doc))
        pages = [n for n in range(1, doc.page_count + 1) if doc.vector_census(n).rules]
        found = 0
        for n in pages:
            a, b = _find_fragments(own, n), _find_fragments(plumber, n)
            assert [(f.rows, f.columns, f.open_bottom) for f in a] == [
                (f.rows, f.columns, f.open_bottom) for f in b
            ]
            for x, y in zip(a, b, strict=True):
                for side in ("x0", "top", "x1", "bottom"):
                    assert abs(getattr(x.bbox, side) - getattr(y.bbox, side)) <= 0.5
            found += len(a)
        assert found >= 3


def test_a_hyphen_at_the_end_of_a_cells_line_is_kept(tmp_path):
    """PDFium marks a hyphen that ends a line as a break (U+0002); it is drawn all the same,
    and the cell reads "quasi-" + "forcible" as pdfplumber does (found on a browser's
    rendering of Table 2, where "quasi-forcible" broke in a narrow cell)."""
    import pdfplumber
    from reportlab.pdfgen import canvas

    from annualcheck.extract.tables.cells import CharIndex, plain_text, table_text
    from annualcheck.extract.tables.edges import rule_edges
    from annualcheck.pdf.document import open_pdf

    path = tmp_path / "hyphen-at-line-end.pdf"
    c = canvas.Canvas(str(path), pagesize=(300, 300))
    for y in (250, 200, 150):
        c.line(50, y, 250, y)
    for x in (50, 100, 250):
        c.line(x, 250, x, 150)
    c.setFont("Helvetica", 10)
    c.drawString(55, 235, "1")
    c.drawString(105, 235, "Kidnapping, quasi-")
    c.drawString(105, 222, "forcible intercourse")
    c.drawString(55, 185, "2")
    c.drawString(105, 185, "Fraud")
    c.showPage()
    c.save()
    with pdfplumber.open(path) as plumber, open_pdf(path) as doc:
        page = plumber.pages[0]
        edges = rule_edges(page)
        verticals = [e for e in edges if e["orientation"] == "v"]
        horizontals = [e for e in edges if e["orientation"] == "h"]
        (table,) = find_tables(verticals, horizontals)
        theirs = table_text(table, CharIndex(page.chars))
        ours = table_text(table, CharIndex(doc.table_chars(1)), plain_text)
    assert theirs[0][1] == "Kidnapping, quasi-\nforcible intercourse"
    assert ours == theirs
