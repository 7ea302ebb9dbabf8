"""A page that draws many vector objects costs what it holds, never its square.

The 2020 report's Table 2 page gets (a) 50,000 tiny filled squares (a browser's dotted
leaders), (b) a large drawing (a winding curve of 4,000 segments and 500 round marks). Both
PDFs are built once per session from reports/2020.pdf with PDFium (testdata/vector_heavy.py),
so what must be read is known: the original's text and tables. Time is bounded generously
(the target, about a second a page, is measured in bench/run.py); the counts of objects kept
after filtering are what must hold exactly.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from annualcheck.extract.tables.edges import (
    EDGE_BUDGET,
    PARSE_BUDGET,
    Buckets,
    closing_lines,
    rule_edges,
)
from annualcheck.model.record import VECTOR_BUDGET_NOTE
from annualcheck.pdf.document import open_pdf
from annualcheck.profiles import get_profile

PROFILE = get_profile("jp-tip")
#: The tests that read the whole report with a vector-heavy page (two extra PDFs built and
#: extracted): slow, run by CI; the index and census tests below stay in the default run.
SLOW_CORPUS = pytest.mark.slow
TABLE_PAGE = 13  # Table 2 of reports/2020.pdf begins here (read from the PDF)
SPECKS = 50_000


@pytest.fixture(scope="session")
def original(records):
    return records[2020]


@pytest.fixture(scope="session")
def specks_pdf(report_pdfs, tmp_path_factory) -> Path:
    from testdata.vector_heavy import build

    out = tmp_path_factory.mktemp("vectors") / "specks.pdf"
    return build(report_pdfs[2020], out, TABLE_PAGE, specks=SPECKS)


@pytest.fixture(scope="session")
def drawing_pdf(report_pdfs, tmp_path_factory) -> Path:
    from testdata.vector_heavy import build

    out = tmp_path_factory.mktemp("vectors") / "drawing.pdf"
    return build(report_pdfs[2020], out, TABLE_PAGE, drawing=4000)


@pytest.fixture(scope="session")
def specks_record(specks_pdf):
    from annualcheck.extract.pipeline import extract_record

    start = time.process_time()
    record = extract_record(specks_pdf, profile=PROFILE)
    return record, time.process_time() - start


@SLOW_CORPUS
def test_census_sorts_specks_from_rules(specks_pdf, report_pdfs):
    with open_pdf(report_pdfs[2020]) as doc:
        plain = doc.vector_census(TABLE_PAGE)
    with open_pdf(specks_pdf) as doc:
        census = doc.vector_census(TABLE_PAGE)
    assert census.specks == SPECKS + plain.specks
    assert census.rules == plain.rules > 0  # the table's rules, and only they
    assert census.paths == plain.paths + SPECKS
    assert census.paths > PARSE_BUDGET


@SLOW_CORPUS
def test_many_specks_read_with_the_original_text(specks_record, original):
    record, seconds = specks_record
    assert seconds < 15  # the quadratic finder took over 10 minutes here
    assert [p.text for p in record.paragraphs] == [p.text for p in original.paragraphs]
    assert record.figures == original.figures


@SLOW_CORPUS
def test_table_over_budget_read_by_words_with_a_note(specks_record, original):
    record, _ = specks_record
    table, before = record.tables["table2"], original.tables["table2"]
    assert table.parse_report.strategy == "text"
    assert any(n.startswith(VECTOR_BUDGET_NOTE) for n in table.parse_report.notes)
    strip = ("bbox",)

    def cells(rows):
        return [{k: v for k, v in vars(r).items() if k not in strip} for r in rows]

    assert cells(table.rows) == cells(before.rows)
    # the other tables' pages are not over budget: read by their rules as before
    assert record.tables["table3"].parse_report.strategy == "lattice"


@SLOW_CORPUS
def test_over_budget_gives_a_warning_finding(specks_record):
    from annualcheck.checks import run_checks

    record, _ = specks_record
    found = [f for f in run_checks([record], profile=PROFILE) if f.key == "table2.reading"]
    assert [f.severity for f in found] == ["warning"]
    assert found[0].rule == "table-count"


@SLOW_CORPUS
def test_large_drawing_over_a_table_keeps_its_rows(drawing_pdf, original, report_pdfs):
    from annualcheck.extract.pipeline import extract_record

    record = extract_record(drawing_pdf, profile=PROFILE)
    for key, table in original.tables.items():
        assert record.tables[key].rows == table.rows
        assert record.tables[key].parse_report.notes == []
    with open_pdf(drawing_pdf) as doc:
        census = doc.vector_census(TABLE_PAGE)
        edges = rule_edges(doc.plumber_page(TABLE_PAGE))
    with open_pdf(report_pdfs[2020]) as doc:
        before = rule_edges(doc.plumber_page(TABLE_PAGE))
    assert census.curves >= 501  # the winding line and the marks: no rule among them
    assert len(edges) == len(before) <= EDGE_BUDGET


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _closing_pairwise(edges: list[dict]) -> list[tuple[float, float, float]]:
    """The all-pairs definition the index must agree with (small inputs only)."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 4]
    ends: dict[float, list[dict]] = {}
    for e in verticals:
        for y in (e["top"], e["bottom"]):
            closed = any(
                abs(h["top"] - y) <= 1.5 and h["x0"] - 1.5 <= e["x0"] <= h["x1"] + 1.5
                for h in horizontals
            )
            continued = any(
                v is not e
                and abs(v["x0"] - e["x0"]) <= 1.5
                and (abs(v["top"] - y) <= 1.5 or abs(v["bottom"] - y) <= 1.5)
                and not (v["top"] == e["top"] and v["bottom"] == e["bottom"])
                for v in verticals
            )
            if not closed and not continued:
                ends.setdefault(round(y, 1), []).append(e)
    return sorted(
        (y, min(e["x0"] for e in g), max(e["x1"] for e in g))
        for y, g in ends.items()
        if len(g) >= 2
    )


def test_indexed_closing_lines_agree_with_all_pairs():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    coord = st.floats(0, 60, allow_nan=False).map(lambda v: round(v * 2) / 2)

    @st.composite
    def edge(draw):
        a, b, c = draw(coord), draw(coord), draw(coord)
        lo, hi = min(b, c), max(b, c) + 0.5
        if draw(st.booleans()):
            return _edge("v", a, lo, a, hi)
        return _edge("h", lo, a, hi, a)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(edge(), max_size=30))
    def check(edges):
        got = sorted((line["top"], line["x0"], line["x1"]) for line in closing_lines(edges))
        assert got == _closing_pairwise(edges)

    check()


def test_buckets_find_every_item_within_reach():
    buckets = Buckets()
    points = [(x * 0.7, y * 1.3) for x in range(40) for y in range(40)]
    for p in points:
        buckets.add(p, *p)
    for q in [(3.3, 7.7), (0.0, 0.0), (27.0, 50.1)]:
        near = set(buckets.near(*q))
        within = {p for p in points if abs(p[0] - q[0]) <= 1.5 and abs(p[1] - q[1]) <= 1.5}
        assert within <= near


def test_census_kinds_on_a_drawn_page(tmp_path):
    """One path of each kind on a blank page: a whole grid drawn as one path of moves and
    lines (as office suites draw tables) is a rule; a curve, a speck and a shape off the page
    are not."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from annualcheck.pdf.vectors import census_page

    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    grid = raw.FPDFPageObj_CreateNewPath(100, 100)
    for k in range(6):
        raw.FPDFPath_MoveTo(grid, 100, 100 + 20 * k)
        raw.FPDFPath_LineTo(grid, 300, 100 + 20 * k)
        raw.FPDFPath_MoveTo(grid, 100 + 40 * k, 100)
        raw.FPDFPath_LineTo(grid, 100 + 40 * k, 200)
    curve = raw.FPDFPageObj_CreateNewPath(400, 400)
    raw.FPDFPath_BezierTo(curve, 420, 450, 460, 350, 500, 400)
    speck = raw.FPDFPageObj_CreateNewRect(50, 50, 1, 1)
    off_page = raw.FPDFPageObj_CreateNewRect(700, 900, 50, 50)
    for obj in (grid, curve, off_page):
        raw.FPDFPath_SetDrawMode(obj, 0, True)
    raw.FPDFPath_SetDrawMode(speck, raw.FPDF_FILLMODE_WINDING, False)  # a dot of a leader
    for obj in (grid, curve, speck, off_page):
        raw.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()
    census = census_page(page.raw, 595, 842)
    assert (census.paths, census.rules, census.curves, census.specks, census.outside) == (
        4,
        1,
        1,
        1,
        1,
    )
