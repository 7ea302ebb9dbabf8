"""Tables whose cells a producer sets at the top, the middle or the bottom of their rows.

A producer that centres cells vertically (LibreOffice's HTML import does) prints a row's
number beside the middle of its tallest cell, so a row's number is not on its first line and
the lines of two rows interleave. Small PDFs of Table 2's real cells are made here with each
alignment, ruled all round, with a rule under each row only (padded, and with a point of
padding, where only the rules set rows apart), and unruled, header words
centred, rows split by page breaks; every one must give the real rows (helpers.trial_tables,
read off the report). The pure pieces (lines to rows) are tested on hand-made lines.
"""

from __future__ import annotations

import pytest

from annualcheck.extract.tables.assemble import extract_tables, open_for_tables
from annualcheck.extract.tables.bands import NEXT_ROW, Piece, TableLine, rows_of_page
from annualcheck.profiles import get_profile
from helpers.aligned_tables import ALIGNMENTS, RULINGS, expected_rows, render_aligned_table

PROFILE = get_profile("jp-tip")

#: Lines of narrative before the table: none, and two that make page breaks split rows.
FILLERS = (0, 14, 30)

#: Rows under a rule each, a point of padding: what does not read yet, and why.
_REPEATED_MID_PAGE = (
    "reportlab splits a row and prints the header again on the same page; the part under "
    "it has no number, and lines of the rows around it are mixed up"
)
TIGHT_KNOWN = {
    ("MIDDLE", 0): _REPEATED_MID_PAGE,
    ("MIDDLE", 30): _REPEATED_MID_PAGE,
}


@pytest.fixture(scope="module")
def aligned(tmp_path_factory):
    """Each variant read without layout analysis (captions from the text lines) and with it."""
    from annualcheck.layout.blocks import analyse_layout

    folder = tmp_path_factory.mktemp("aligned")
    out = {}
    for valign in ALIGNMENTS:
        for ruling in RULINGS:
            for filler in FILLERS:
                path = folder / f"{valign}-{ruling}-{filler}.pdf"
                render_aligned_table(path, valign, ruling, filler)
                doc = open_for_tables(path)
                layout = analyse_layout(doc, profile=PROFILE)
                out[(valign, ruling, filler)] = (
                    len(doc.pages),
                    extract_tables(doc, None, profile=PROFILE).get("table2"),
                    extract_tables(doc, layout, profile=PROFILE).get("table2"),
                )
    return out


@pytest.mark.parametrize("filler", FILLERS)
@pytest.mark.parametrize("ruling", RULINGS)
@pytest.mark.parametrize("valign", ALIGNMENTS)
def test_rows_whatever_the_alignment(request, aligned, valign, ruling, filler):
    if ruling == "tight-hrules" and (valign, filler) in TIGHT_KNOWN:
        request.applymarker(pytest.mark.xfail(reason=TIGHT_KNOWN[(valign, filler)], strict=False))
    _, plain, with_layout = aligned[(valign, ruling, filler)]
    want = expected_rows()
    for table in (plain, with_layout):
        assert table is not None
        got = [(r.no, r.offense, r.result) for r in table.rows]
        assert got == want
        assert table.parse_report.strategy == ("lattice" if ruling == "grid" else "text")
        assert table.parse_report.accuracy == 1.0


def test_page_breaks_split_rows(aligned):
    """The fillers were chosen so that page breaks do split rows, for every alignment."""
    for valign in ALIGNMENTS:
        for ruling in RULINGS:
            split = [
                r.no
                for filler in FILLERS[1:]
                for r in aligned[(valign, ruling, filler)][1].rows
                if len(r.pages) == 2
            ]
            assert split, (valign, ruling)
            assert all(aligned[(valign, ruling, f)][0] >= 3 for f in FILLERS[1:])


# --------------------------------------------------------------------------- lines to rows


def _line(top: float, *cells: str, anchor: bool = False) -> TableLine:
    pieces = tuple(
        Piece(col, text, 10.0 + 100 * col, 90.0 + 100 * col, top, top + 10)
        for col, text in enumerate(cells)
        if text
    )
    return TableLine(pieces, anchor)


def _rows(lines):
    return [(r.anchor, r.cells) for r in rows_of_page(lines)]


def test_centred_rows_take_the_lines_around_their_number():
    """Row 1: a one-line offense beside a three-line result; row 2: a three-line offense
    beside a one-line result. Lines 12 points apart in a cell, rows 20 apart."""
    lines = [
        _line(0, "", "", "2 years imprisonment,"),
        _line(12, "1", "Extortion attempt", "suspension of 5 years"),
        _line(24, "", "", "with probation"),
        _line(44, "", "Violation of the Child", ""),
        _line(56, "2", "Welfare Act, violation of", "500,000 yen fine"),
        _line(68, "", "the Anti-Prostitution Act", ""),
    ]
    lines = [TableLine(ln.pieces, ln.pieces[0].column == 0) for ln in lines]
    assert _rows(lines) == [
        (0, ["1", "Extortion attempt", "2 years imprisonment, suspension of 5 years with probation"]),
        (1, ["2", "Violation of the Child Welfare Act, violation of the Anti-Prostitution Act", "500,000 yen fine"]),
    ]  # fmt: skip


def test_top_aligned_rows_keep_the_lines_under_their_number():
    lines = [
        _line(0, "1", "Extortion attempt", "2 years imprisonment,", anchor=True),
        _line(12, "", "", "suspension of 5 years"),
        _line(32, "2", "Violation of the Child", "500,000 yen fine", anchor=True),
        _line(44, "", "Welfare Act", ""),
    ]
    assert _rows(lines) == [
        (0, ["1", "Extortion attempt", "2 years imprisonment, suspension of 5 years"]),
        (1, ["2", "Violation of the Child Welfare Act", "500,000 yen fine"]),
    ]


def test_lines_before_the_first_number_finish_the_row_before():
    """The top of a page: the rest of a row the page break split, then row 4."""
    lines = [
        _line(0, "", "Act", "300,000 yen fine"),
        _line(30, "4", "Violation of the Act", "Pending trial", anchor=True),
    ]
    assert _rows(lines) == [
        (None, ["", "Act", "300,000 yen fine"]),
        (0, ["4", "Violation of the Act", "Pending trial"]),
    ]


def test_centred_lines_after_the_last_number_start_the_row_overleaf():
    """Cells centred (row 1 proves it): lines at the page foot that reach no number begin
    the row whose number the next page prints."""
    lines = [
        _line(0, "", "", "2 years imprisonment,"),
        _line(12, "1", "Extortion attempt", "suspension of 5 years", anchor=True),
        _line(24, "", "", "with probation"),
        _line(44, "", "Violation of the Child", ""),
        _line(56, "", "Welfare Act,", ""),
    ]
    assert _rows(lines)[-1] == (NEXT_ROW, ["", "Violation of the Child Welfare Act,", ""])


def test_bars_ocr_reads_a_grid_as_are_not_words():
    """OCR reads vertical rules as "|", alone or stuck to a word; a row number keeps its
    digits, a word its letters."""
    from annualcheck.extract.tables.text import without_rule_marks

    words = [
        {"text": t, "x0": 0.0, "x1": 1.0, "top": 0.0, "bottom": 1.0}
        for t in ("16", "|", "|.10", "Act|", "||", "and")
    ]
    assert [w["text"] for w in without_rule_marks(words)] == ["16", "10", "Act", "and"]


def test_column_edges_where_cells_start_under_centred_header_words():
    """Header words centred over their columns: the columns begin where the body's lines
    start, not under the header words; under a flush-left header they stay put."""
    from annualcheck.extract.tables.text import aligned_edges

    def word(text, x0):
        return {"text": text, "x0": x0, "x1": x0 + 5 * len(text), "top": 0.0, "bottom": 1.0}

    header = [word("No.", 48), word("Offense", 225), word("Results", 447)]
    body = [word("Violation", 71) for _ in range(4)] + [word("2", 421) for _ in range(5)]
    body += [word("of", 120), word("the", 132), word("years", 430)]
    assert aligned_edges(body, [48, 225, 447], header) == [48, 71, 421]
    flush = [word("No.", 48), word("Offense", 71), word("Results", 421)]
    assert aligned_edges(body, [48, 71, 421], flush) == [48, 71, 421]


def test_a_date_cell_of_several_lines_is_one_row_key():
    """A dated entry whose date cell wraps ("May 2016 May 2017" / "May 2018"), centred
    beside a longer initiative: one row, not one per line that starts with a month."""
    lines = [
        _line(0, "", "The Second - Fifth Council"),
        _line(12, "May 2016 May 2017", "for the Promotion of", anchor=True),
        _line(24, "May 2018", "Measures held", anchor=True),
        _line(36, "", "and published"),
        _line(60, "June 2019", "Agreement", anchor=True),
    ]
    assert _rows_wrapping(lines) == [
        (0, ["May 2016 May 2017 May 2018", "The Second - Fifth Council for the Promotion of Measures held and published"]),
        (1, ["June 2019", "Agreement"]),
    ]  # fmt: skip
    # row numbers never wrap: there each key line is a row of its own
    assert [r.anchor for r in rows_of_page(lines) if r.anchor is not None] == [0, 1, 2]


def _rows_wrapping(lines):
    return [(r.anchor, r.cells) for r in rows_of_page(lines, key_wraps=True)]
