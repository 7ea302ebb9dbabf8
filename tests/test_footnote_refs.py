"""Footnote reference numbers (a raised, smaller digit after a word) are taken out of a line's
text; a number printed at the line's own size on a line a scan printed askew is not one.

Lines are made glyph by glyph (pdf.document's own glyph tuples) and read by the same
function that reads a page's lines."""

from __future__ import annotations

from annualcheck.pdf.document import _glyph, _line_from_runs, _Run

SIZE = 10.0


def _line(
    text: str, *, slant: float = 0.0, raised: frozenset[int] = frozenset(),
    smaller: frozenset[int] = frozenset(), small: float = 0.6,
):  # fmt: skip
    """Glyphs of `text` from x=60, 5 pt each, on a baseline at 100 that rises `slant` points
    per point across; the glyphs at indexes `raised` are `small` times the size and 3 pt up,
    those at `smaller` 0.88 times the size on the baseline (OCR's size of a digits' word)."""
    glyphs = []
    x = 60.0
    for i, ch in enumerate(text):
        size = SIZE * (small if i in raised else 0.88 if i in smaller else 1.0)
        base = 100.0 - slant * x - (3.0 if i in raised else 0.0)
        glyph = (ch, x, base - 0.7 * size, x + 5.0, base, 0.0 if ch == " " else size, base, 0)
        glyphs.append(_glyph(glyph))
        x += 5.0
    return _line_from_runs([_Run(glyphs)], 1)


def test_a_raised_small_digit_after_a_word_is_a_reference():
    line = _line("Crime1 held", raised=frozenset({5}))
    assert line.text == "Crime held" and line.footnote_refs == ["1"]


def test_a_reference_of_two_digits_is_one_reference():
    line = _line("Crime12 held", raised=frozenset({5, 6}))
    assert line.text == "Crime held" and line.footnote_refs == ["12"]


def test_a_number_on_a_line_printed_askew_stays_in_the_text():
    """OCR sizes a word to its box: "16" (no ascender, no descender) comes out a little
    smaller than the words around it, and at the start of a line that climbs 0.012 pt a
    point it stands 2 pt under the line's median baseline; it is no reference."""
    text = "and 16 (four more than in 2018) engaged in other occupations (office workers,"
    line = _line(text, slant=-0.012)
    assert line.text == text and line.footnote_refs == []
    line = _line(text, slant=-0.012, smaller=frozenset({4, 5}))  # the glyphs of "16"
    assert "and 16 (four" in line.text and line.footnote_refs == []
