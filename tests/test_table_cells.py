"""The cells' text read through the character index is pdfplumber's `Table.extract`: the same
characters in the same order, whatever the grid and wherever the characters fall (on a rule,
between rows, outside the table, in a merged cell)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import Table

from annualcheck.extract.tables.cells import CharIndex, table_text

#: Coordinates on a coarse grid, so that characters often sit exactly on a row's or a cell's
#: edge (the open/closed ends of pdfplumber's test are where a rewrite would differ).
COORD = st.integers(min_value=0, max_value=16).map(lambda v: v * 2.5)


@st.composite
def grids(draw):
    """Cells of a table: column and row rules, some neighbouring cells merged away."""
    xs = sorted(set(draw(st.lists(COORD, min_size=2, max_size=6))))
    ys = sorted(set(draw(st.lists(COORD, min_size=2, max_size=7))))
    if len(xs) < 2 or len(ys) < 2:
        xs, ys = [0.0, 50.0], [0.0, 50.0]
    cells = []
    for top, bottom in zip(ys, ys[1:], strict=False):
        x = 0
        while x < len(xs) - 1:
            span = draw(st.integers(min_value=1, max_value=len(xs) - 1 - x))
            cells.append((xs[x], top, xs[x + span], bottom))
            x += span
    return cells


@st.composite
def chars(draw):
    x0, top = draw(COORD), draw(COORD)
    width, height = draw(st.sampled_from([0.0, 2.5, 5.0])), draw(st.sampled_from([2.5, 5.0]))
    text = draw(st.sampled_from("ab1 -"))
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + width,
        "top": top,
        "bottom": top + height,
        "doctop": top,
        "upright": True,
    }


@settings(max_examples=60, deadline=None)
@given(grids(), st.lists(chars(), max_size=60))
def test_indexed_cells_read_as_pdfplumber_reads_them(cells, page_chars):
    table = Table(SimpleNamespace(chars=page_chars), cells)
    assert table_text(table, CharIndex(page_chars)) == table.extract()


def test_index_band_keeps_page_order():
    page_chars = [
        {"text": t, "x0": 0.0, "x1": 1.0, "top": top, "bottom": top + 2.0}
        for t, top in [("c", 10.0), ("a", 0.0), ("b", 10.0), ("d", 20.0)]
    ]
    band = CharIndex(page_chars).in_band(5.0, 20.0)
    assert [c["text"] for c in band] == ["c", "b"]  # middle 11: in; middle 21: out


def test_index_band_is_closed_above_and_open_below():
    """pdfplumber's row test: a middle on the row's top is in, on its bottom out."""
    page_chars = [
        {"text": t, "x0": 0.0, "x1": 1.0, "top": top, "bottom": top + 2.0}
        for t, top in [("on-top", 4.0), ("on-bottom", 19.0)]
    ]
    band = CharIndex(page_chars).in_band(5.0, 20.0)
    assert [c["text"] for c in band] == ["on-top"]
