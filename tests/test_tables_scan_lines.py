"""An unruled table's words as a scan gives them: lines printed a little askew still read as
one line each, left to right; a row whose number OCR lost starts a row of its own."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.extract.tables.bands import Piece, TableLine
from annualcheck.extract.tables.text import _lost_row_start, _start_lost_row, _text_lines

HEIGHT = 9.0
LEADING = 12.5


def _word(text: str, x0: float, top: float, height: float = HEIGHT) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + height}


def _page(lines: int, words: int, slant: float, seed: int) -> tuple[list[dict], list[list[str]]]:
    """Words of `lines` lines across a page whose print rises `slant` points per point
    across, with a little jitter; and the words of each line as written."""
    rng = random.Random(seed)
    out, written = [], []
    for i in range(lines):
        base = 100 + i * LEADING
        texts = [f"w{i}x{k}" for k in range(words)]
        written.append(texts)
        for k, text in enumerate(texts):
            x0 = 60 + k * (440 / words)
            out.append(_word(text, x0, base + slant * x0 + rng.uniform(-0.3, 0.3)))
    rng.shuffle(out)
    return out, written


@settings(max_examples=150, deadline=None)
@given(
    lines=st.integers(3, 10),  # a page's worth of neighbouring words to measure the slant on
    words=st.integers(9, 14),
    slant=st.floats(-0.012, 0.012) | st.just(0.0),
    seed=st.integers(0, 10_000),
)
def test_a_slanted_page_reads_one_line_per_printed_line(lines, words, slant, seed):
    page, written = _page(lines, words, slant, seed)
    got = [[w["text"] for w in line] for line in _text_lines(page, 0.0)]
    assert got == written


def test_cells_set_at_other_heights_on_a_square_page_stay_apart():
    """A middle-aligned row (LibreOffice): the result cell's lines stand between the offense
    cell's, 2 to 7 points off; on a square page a word joins the line it is within half a
    height of, never a line reached step by step through the words between."""
    page = [
        _word("2", 360, 631.8),
        _word("imprisonment,", 380, 631.8, 10.4),
        _word("years", 300, 634.0, 8.3),
        _word("of", 100, 638.2, 8.5),
        _word("violation", 120, 638.3, 8.4),
        _word("Act", 190, 638.7, 8.0),
        _word("on", 215, 640.9, 5.8),
        _word("18", 68, 645.5, 8.1),
        _word("suspension", 360, 645.6, 10.4),
    ]
    got = [[w["text"] for w in line] for line in _text_lines(page, 0.0)]
    assert got == [
        ["years", "2", "imprisonment,"],
        ["of", "violation", "Act", "on"],
        ["18", "suspension"],
    ]


def _line(*cells: tuple[int, str], top: float, anchor: bool = False) -> TableLine:
    pieces = tuple(
        Piece(col, text, 60 + 100 * col, 90 + 100 * col, top, top + HEIGHT) for col, text in cells
    )
    return TableLine(pieces, anchor)


def _row_two_and_a_lost_three() -> tuple[list[TableLine], list[bool]]:
    lines = [
        _line(
            (0, "2"),
            (1, "Violation of the Anti-Prostitution Act"),
            (2, "Pending trial"),
            top=557,
            anchor=True,
        ),
        _line((1, "Extortion attempt, violation of the"), (2, "Pending trial"), top=575),
        _line((1, "Anti-Prostitution Act"), top=587),
    ]
    return lines, [True, True, False]


def test_the_line_that_begins_a_lost_row_is_found():
    lines, apart = _row_two_and_a_lost_three()
    assert _lost_row_start(lines, apart) == 1


def test_a_cell_going_on_mid_sentence_begins_no_row():
    lines, apart = _row_two_and_a_lost_three()
    lines[1] = _line((1, "and violation of the"), (2, "suspension of 3 years"), top=575)
    assert _lost_row_start(lines, apart) is None
    lines, apart = _row_two_and_a_lost_three()
    apart[1] = False  # set at the cell's own line spacing: the row's next line
    assert _lost_row_start(lines, apart) is None


def test_ocr_numbers_the_lost_row_and_a_text_layer_leaves_it_unnumbered():
    lines, apart = _row_two_and_a_lost_three()
    notes: list[str] = []
    _start_lost_row(lines, apart, 3, 14, True, notes)
    assert lines[1].anchor and [p.text for p in lines[1].pieces if p.column == 0] == ["3"]
    assert "numbered 3" in notes[0] and "page 14" in notes[0]

    lines, apart = _row_two_and_a_lost_three()
    notes = []
    _start_lost_row(lines, apart, 3, 14, False, notes)
    assert lines[1].anchor and not [p for p in lines[1].pieces if p.column == 0]
    assert "kept without a number" in notes[0]


def test_no_line_to_begin_it_is_said_too():
    lines, apart = _row_two_and_a_lost_three()
    lines, apart = lines[:1], apart[:1]
    notes: list[str] = []
    _start_lost_row(lines, apart, 3, 14, True, notes)
    assert lines[0].anchor and len(lines) == 1
    assert "row 3's number not found on page 14" in notes[0] and "row 2" in notes[0]


def test_specks_inside_a_known_act_name_go_and_nothing_else_changes():
    from annualcheck.extract.tables.results import without_specks_in_acts
    from annualcheck.profiles import get_profile

    part = get_profile("jp-tip").tables
    ocr = (
        "Violation of the Child Welfare Act, violation of the Act on Regulation and "
        "Punishment of Acts Relating to Child. Prostitution and Child: Pornography, and the "
        "Protection of Children"
    )
    assert without_specks_in_acts(ocr, part) == ocr.replace("Child. ", "Child ").replace(
        "Child: ", "Child "
    )
    # a stop outside a known name, and the name's own "etc.", stay
    kept = "Theft. Violation of the Act on Control and Improvement of Amusement Business, etc."
    assert without_specks_in_acts(kept, part) == kept
