"""The compiled character loops (pdf/_chars.c) give what the Python loops give: a page's
pieces of glyphs, a run's baseline and size, and a line's text, box, size, baseline, cells,
footnote references and raised start.

Two ways: on real pages (a report and the OCR'd scan; every other report, fixture and wild PDF
in the slow run), and on pages made up by hypothesis, read
through a fake PDFium: ctypes callbacks that answer the box, origin, size, matrix and code
point the test chose for each character. The fake reaches the corners real PDFs rarely
show: line breaks inside a run, spaces in a row, soft hyphens, a text the per-character
codes must replace (an astral character makes it misaligned), a code of 0, a failed box
or matrix call (the previous values stay), glyphs that jump back or leave the band. A line's
loop is given made-up glyphs directly: raised small digits, CJK, gaps of every width.
"""

from __future__ import annotations

import ctypes
import dataclasses
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.pdf import document, words
from annualcheck.pdf.calls import (
    TextCalls,
    bare_handle,
    call_addresses,
    table_call_addresses,
    text_calls,
    word_call_addresses,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

pytestmark = pytest.mark.skipif(
    document._compiled_chars is None,
    reason="annualcheck was installed without its compiled character loop (no C compiler): "
    "the Python loop runs, there is nothing to compare",
)


def _typed(pieces: list[list]) -> list[list[tuple]]:
    """Pieces with each value's type beside it: 1 and 1.0 compare equal, the record's JSON
    does not."""
    return [[tuple((type(v).__name__, v) for v in glyph) for glyph in piece] for piece in pieces]


def _text_pages(path: Path):
    """(page number, handle, character count, text, height) of each page with characters,
    its text page open while the caller reads it."""
    doc = pdfium.PdfDocument(path)
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            count = textpage.count_chars()
            if count > 0:
                text = textpage.get_text_range(0, count)
                yield index + 1, bare_handle(textpage), count, text, page.get_height()
            textpage.close()
            page.close()
    finally:
        doc.close()


def _both_loops(path: Path) -> tuple[int, list[tuple[int, list, list]]]:
    out = []
    for number, handle, count, text, height in _text_pages(path):
        compiled = document.page_chars_compiled(handle, call_addresses(), count, text, height)
        python = document.page_chars_python(handle, text_calls(), count, text, height)
        out.append((f"page {number}", _typed(compiled), _typed(python)))
        for run, piece in enumerate(python):
            compiled_metrics = document._compiled_chars.run_metrics(piece)
            python_metrics = document.run_metrics_python(piece)
            out.append((f"page {number} run {run}", compiled_metrics, python_metrics))
        for line, group in enumerate(document._group_runs(python)):
            out.append((f"page {number} line {line}", *_line_parts(group)))
            out.append((f"page {number} line {line} summary", *_summaries(group)))
    return len(out), out


#: One report, another producer's rendering, the OCR'd scan (its own text layer); the other
#: reports and renderings are read in the slow run.
def _line_parts(runs: list) -> tuple:
    """A line's cells, references and raised start by both loops, with the thresholds
    `_line_from_runs` computes."""
    chars = sorted((c for run in runs for c in run.chars), key=document._X0)
    glyphs = [c for c in chars if c.ch != " "] or [None]
    size = glyphs[0].size if glyphs[0] is not None else 10.0
    base = glyphs[0].base if glyphs[0] is not None else 0.0
    thresholds = (0.9 * size, 0.2 * size, base - 0.2 * size, 1.5 * size, 0.1 * size, 0.3 * size)
    return (
        document._compiled_chars.line_cells(chars, *thresholds),
        document.line_cells_python(chars, *thresholds),
    )


def _summaries(runs: list) -> tuple:
    """A line's summary (text, box, size, baseline, cells, refs, raised) by both loops."""
    chars = sorted((c for run in runs for c in run.chars), key=document._X0)
    ratios = (document.SUPERSCRIPT_RATIO, document.CELL_GAP_EM)
    compiled = document._compiled_chars.line_summary(chars, *ratios)
    python = document.line_summary_python(chars, *ratios)
    return _typed_summary(compiled), _typed_summary(python)


def _typed_summary(summary):
    return summary if summary is None else [(type(v).__name__, v) for v in summary]


#: One report and the OCR'd scan (its own text layer); the other reports, every producer's
#: rendering and the wild PDFs are read in the slow run.
DEFAULT_PDFS = [ROOT / "reports" / "2020.pdf", FIXTURES / "2020-ocr-scan.pdf"]


@pytest.mark.parametrize("path", DEFAULT_PDFS, ids=lambda p: p.name)
def test_compiled_loop_reads_real_pages_as_python_does(path):
    pages, results = _both_loops(path)
    assert pages > 0
    for where, compiled, python in results:
        assert compiled == python, f"{path.name} {where}"


def _other_pdfs() -> list[Path]:
    chosen = set(DEFAULT_PDFS)
    wild = ROOT.parent / "shared" / "wild"
    found = sorted((ROOT / "reports").glob("*.pdf")) + sorted(FIXTURES.rglob("*.pdf"))
    found += sorted(wild.rglob("*.pdf")) if wild.is_dir() else []
    return [p for p in found if p not in chosen]


@pytest.mark.slow
@pytest.mark.parametrize("path", _other_pdfs(), ids=lambda p: p.name)
def test_compiled_loop_reads_every_fixture_as_python_does(path):
    try:
        _, results = _both_loops(path)
    except pdfium.PdfiumError:
        pytest.skip("PDFium cannot open it (a wild PDF): no page to compare")
    for where, compiled, python in results:
        assert compiled == python, f"{path.name} {where}"


# -- a fake PDFium -----------------------------------------------------------------------------

_DOUBLE_P = ctypes.POINTER(ctypes.c_double)
_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, *([_DOUBLE_P] * 4))
_ORIGIN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, _DOUBLE_P, _DOUBLE_P)
_SIZE = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_void_p, ctypes.c_int)
_MATRIX = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(pdfium.raw.FS_MATRIX)
)
_UNICODE = ctypes.CFUNCTYPE(ctypes.c_uint, ctypes.c_void_p, ctypes.c_int)


def _write_box(box, left, right, bottom, top) -> int:
    """A tight-box call answered: (left, right, bottom, top), or a failed call (None)."""
    if box is None:
        return 0
    left[0], right[0], bottom[0], top[0] = box
    return 1


def _write_loose_box(box, rect) -> int:
    """A loose-box call answered: (left, top, right, bottom) into the FS_RECTF, or a failed
    call (None)."""
    if box is None:
        return 0
    rect[0].left, rect[0].top, rect[0].right, rect[0].bottom = box
    return 1


class FakeCalls:
    """PDFium's text functions faked by ctypes callbacks answering from `chars` (one dict
    per character index): their addresses for a compiled loop, and the same callbacks as the
    bare prototypes (`TextCalls`) a Python loop calls. A subclass names, in the compiled
    loop's order, the `TextCalls` field and the result type of each callback it makes."""

    fields: tuple[tuple[str, Any], ...] = ()

    def __init__(self, chars: list[dict]):
        self.chars = chars
        self.callbacks = self.make_callbacks()

    def make_callbacks(self) -> tuple:
        raise NotImplementedError

    def addresses(self) -> tuple[int, ...]:
        return tuple(ctypes.cast(cb, ctypes.c_void_p).value for cb in self.callbacks)

    def calls(self) -> TextCalls:
        made = {
            name: ctypes.CFUNCTYPE(restype)(address)
            for (name, restype), address in zip(self.fields, self.addresses(), strict=True)
        }
        return TextCalls(**{f.name: made.get(f.name) for f in dataclasses.fields(TextCalls)})


class FakeTextPage(FakeCalls):
    """The five PDFium text functions of the page loop: code, box or None for a failed
    call, origin or None, size, matrix or None."""

    fields = (
        ("char_box", ctypes.c_int),
        ("char_origin", ctypes.c_int),
        ("font_size", ctypes.c_double),
        ("matrix", ctypes.c_int),
        ("unicode", ctypes.c_uint),
    )

    def make_callbacks(self) -> tuple:
        return (
            _BOX(lambda _h, i, *out: _write_box(self.chars[i]["box"], *out)),
            _ORIGIN(self._origin),
            _SIZE(lambda _h, i: self.chars[i]["size"]),
            _MATRIX(self._matrix),
            _UNICODE(lambda _h, i: self.chars[i]["code"]),
        )

    def _origin(self, _handle, index, x, y):
        origin = self.chars[index]["origin"]
        if origin is None:
            return 0
        x[0], y[0] = origin
        return 1

    def _matrix(self, _handle, index, matrix):
        values = self.chars[index]["matrix"]
        if values is None:
            return 0
        (matrix[0].a, matrix[0].b, matrix[0].c, matrix[0].d, matrix[0].e, matrix[0].f) = values
        return 1


_CODES = st.one_of(
    st.sampled_from([ord(c) for c in "aAgjy0159-.,()\r\n \t\u00a0\x02\xad\ufffe\u3042\u2460"]),
    st.integers(min_value=0x21, max_value=0x2FFF),
    st.sampled_from([0, 0xD800, 0x1F600, 0x10FFFF]),
)
_COORD = st.floats(min_value=-50, max_value=900, allow_nan=False, width=32)
_SIZE_VALUE = st.one_of(st.sampled_from([0.0, 0.5, 6.0, 10.0, 10.5, 14.67]), _COORD)
_MATRIX_VALUES = st.one_of(
    st.none(),
    st.tuples(*[st.floats(min_value=-2, max_value=2, allow_nan=False, width=32)] * 4).map(
        lambda abcd: (*abcd, 0.0, 0.0)
    ),
)


@st.composite
def made_up_pages(draw, fields: dict) -> tuple[list[dict], str, float]:
    """Characters drawn as `fields` say (one strategy per value), the page text, a height."""
    chars = draw(st.lists(st.fixed_dictionaries(fields), max_size=60))
    # the page text as get_text_range gives it, one character per index, or (as an astral
    # character makes it) not aligned with the indexes, so that the loops ask per character
    aligned = draw(st.booleans()) and all(0 < c["code"] <= 0xFFFF for c in chars)
    text = "".join(chr(c["code"]) for c in chars) if aligned else "\U0001f600" * (len(chars) + 1)
    return chars, text, draw(st.sampled_from([792.0, 841.89, 0.0]))


_BOXES = st.one_of(st.none(), st.tuples(_COORD, _COORD, _COORD, _COORD))


def fake_pages():
    return made_up_pages(
        {
            "code": _CODES,
            "box": _BOXES,
            "origin": st.one_of(st.none(), st.tuples(_COORD, _COORD)),
            "size": _SIZE_VALUE,
            "matrix": _MATRIX_VALUES,
        }
    )


@settings(max_examples=300, deadline=None)
@given(fake_pages())
def test_compiled_loop_reads_made_up_pages_as_python_does(page):
    chars, text, height = page
    fake = FakeTextPage(chars)
    handle = ctypes.c_void_p(1)
    compiled = document.page_chars_compiled(handle, fake.addresses(), len(chars), text, height)
    python = document.page_chars_python(handle, fake.calls(), len(chars), text, height)
    assert _typed(compiled) == _typed(python)


_GLYPH_CH = st.one_of(
    st.sampled_from(list("aZ09١٢,.-()\u3042\u4e00\uff10\u2e80\u3000 ") + [""]),
    st.characters(max_codepoint=0x10FFFF),
)
_LINE_FLOAT = st.floats(min_value=-20, max_value=40, allow_nan=False)


@st.composite
def made_up_lines(draw) -> tuple[list, tuple[float, ...]]:
    glyphs = draw(
        st.lists(
            st.tuples(_GLYPH_CH, _LINE_FLOAT, _LINE_FLOAT, _LINE_FLOAT, st.integers(0, 3)),
            max_size=40,
        )
    )
    chars, x = [], 0.0
    for ch, advance, size, base, run in glyphs:
        x += advance
        chars.append(document._glyph((ch, x, 0.0, x + abs(advance) / 2, 10.0, size, base, run)))
    thresholds = tuple(draw(st.lists(_LINE_FLOAT, min_size=6, max_size=6)))
    return chars, thresholds


@settings(max_examples=400, deadline=None)
@given(made_up_lines())
def test_compiled_line_loop_reads_made_up_lines_as_python_does(line):
    chars, thresholds = line
    compiled = document._compiled_chars.line_cells(chars, *thresholds)
    python = document.line_cells_python(chars, *thresholds)
    if any(len(c.ch) > 1 for c in chars):
        assert compiled is NotImplemented  # not as a page gives them: the caller runs Python
    else:
        assert compiled == python
        assert [type(v) for v in compiled] == [list, list, bool]


@settings(max_examples=400, deadline=None)
@given(made_up_lines(), _LINE_FLOAT, _LINE_FLOAT)
def test_compiled_summary_and_metrics_of_made_up_lines_are_python_s(line, ratio, gap_em):
    chars, _ = line
    compiled = document._compiled_chars.line_summary(chars, ratio, gap_em)
    if any(len(c.ch) > 1 for c in chars):
        assert compiled is NotImplemented
        return
    assert _typed_summary(compiled) == _typed_summary(
        document.line_summary_python(chars, ratio, gap_em)
    )
    if any(c.ch != " " for c in chars):
        assert document._compiled_chars.run_metrics(chars) == document.run_metrics_python(chars)
    else:  # no glyph: the Python median raises, so the compiled one leaves it to Python
        assert document._compiled_chars.run_metrics(chars) is NotImplemented


_EDGE = st.one_of(
    st.floats(min_value=-5, max_value=5, allow_nan=False),
    st.sampled_from([0.0, -0.0, 1.0, float("nan"), float("inf"), float("-inf")]),
)


@st.composite
def made_up_runs(draw) -> list:
    """Runs of glyphs whose left edges rise, repeat, fall back or are NaN."""
    runs = []
    for run_number in range(draw(st.integers(0, 4))):
        edges = draw(st.lists(_EDGE, max_size=12))
        if draw(st.booleans()):
            edges = sorted(e for e in edges if e == e)  # in order: the common case
        chars = [
            document._glyph((" " if i % 5 == 4 else "a", x, 0.0, x + 1, 1.0, 1.0, 1.0, run_number))
            for i, x in enumerate(edges)
        ]
        runs.append(document._Run(chars))
    return runs


@settings(max_examples=200, deadline=None)
@given(made_up_runs())
def test_glyphs_in_order_are_the_sorted_glyphs_or_left_to_sorted(runs):
    """A line's glyphs in one list: what sorting them by left edge gives, when they are
    in that order already; otherwise (out of order, a NaN edge) NotImplemented, and the
    caller sorts them."""
    got = document._compiled_chars.glyphs_in_order(runs)
    glyphs = [c for run in runs for c in run.chars]
    edges = [c.x0 for c in glyphs]
    in_order = all(e == e for e in edges) and all(
        a <= b for a, b in zip(edges, edges[1:], strict=False)
    )
    if in_order:
        assert got == sorted(glyphs, key=lambda c: c.x0)
        assert all(a is b for a, b in zip(got, glyphs, strict=True))  # the same objects
    else:
        assert got is NotImplemented


def test_glyphs_of_other_shapes_are_left_to_sorted():
    ints = document._Run([document._glyph(("a", 0, 0, 1, 1, 1, 1, 0))])  # ints, not floats
    assert document._compiled_chars.glyphs_in_order([ints]) is NotImplemented
    assert document._compiled_chars.glyphs_in_order([object()]) is NotImplemented
    assert document._compiled_chars.glyphs_in_order(("not", "a list")) is NotImplemented
    assert document._compiled_chars.glyphs_in_order([]) == []


def test_medians_with_nan_or_signed_zeros_are_python_s():
    def glyph(ch, size, base):
        return document._glyph((ch, 0.0, 0.0, 1.0, 2.0, size, base, 0))

    nan = float("nan")
    zeros = [glyph("a", 0.0, -0.0), glyph("b", -0.0, 0.0), glyph("c", 0.0, -0.0)]
    assert document._compiled_chars.run_metrics(zeros) == document.run_metrics_python(zeros)
    assert [
        (type(v).__name__, str(v)) for v in document._compiled_chars.line_summary(zeros, 0.9, 1.5)
    ] == [(type(v).__name__, str(v)) for v in document.line_summary_python(zeros, 0.9, 1.5)]
    with_nan = [glyph("a", 1.0, nan), glyph("b", nan, 2.0)]
    assert document._compiled_chars.run_metrics(with_nan) is NotImplemented
    assert document._compiled_chars.line_summary(with_nan, 0.9, 1.5) is NotImplemented


def test_glyphs_not_as_pages_give_them_are_left_to_the_python_loop():
    odd = [document._glyph(("ab", 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0))]
    assert document._compiled_chars.line_cells(odd, *[1.0] * 6) is NotImplemented
    ints = [document._glyph(("a", 0, 0, 1, 1, 1, 1, 0))]  # ints, not floats
    assert document._compiled_chars.line_cells(ints, *[1.0] * 6) is NotImplemented
    assert document._compiled_chars.line_summary(ints, 0.9, 1.5) is NotImplemented
    assert document._compiled_chars.run_metrics(ints) is NotImplemented
    assert document._compiled_chars.run_metrics(("not", "a list")) is NotImplemented


def test_a_code_beyond_unicode_is_refused_by_both_loops():
    chars = [{"code": 0x110000, "box": None, "origin": None, "size": 1.0, "matrix": None}]
    fake = FakeTextPage(chars)
    handle = ctypes.c_void_p(1)
    with pytest.raises(ValueError):
        document.page_chars_compiled(handle, fake.addresses(), 1, "", 792.0)
    with pytest.raises(ValueError):
        document.page_chars_python(handle, fake.calls(), 1, "", 792.0)


def test_the_soft_hyphens_the_compiled_loop_is_given_all_become_a_hyphen():
    assert set(document._SOFT_HYPHENS) == set(document._SOFT_HYPHEN_CHARS)
    assert set(document._SOFT_HYPHENS.values()) == {"-"}
    assert set(document._ON_BASELINE_CHARS) == document._ON_BASELINE


# -- a page's characters for a table's cells (words.table_chars) ------------------------------


def _both_table_loops(path: Path) -> list[tuple[str, list, list]]:
    out = []
    for number, handle, count, text, height in _text_pages(path):
        compiled = words.table_chars_compiled(handle, table_call_addresses(), count, text, height)
        python = words.table_chars_python(handle, text_calls(), count, text, height)
        out.append((f"page {number}", _typed_chars(compiled), _typed_chars(python)))
    return out


def _typed_chars(chars: list[dict]) -> list[list[tuple]]:
    return [[(key, type(value).__name__, value) for key, value in c.items()] for c in chars]


#: The loops of a table's characters and of a page's words, each by its two readings.
BOTH_LOOPS = {
    "table": lambda path: _both_table_loops(path),
    "word": lambda path: _both_word_loops(path),
}


@pytest.mark.parametrize("loop", BOTH_LOOPS)
@pytest.mark.parametrize("path", DEFAULT_PDFS, ids=lambda p: p.name)
def test_compiled_table_and_word_loops_read_real_pages_as_python_does(path, loop):
    results = BOTH_LOOPS[loop](path)
    assert results and any(any(c is not None for c in python) for _, _, python in results)
    for where, compiled, python in results:
        assert compiled == python, f"{path.name} {where}"


@pytest.mark.slow
@pytest.mark.parametrize("loop", BOTH_LOOPS)
@pytest.mark.parametrize("path", _other_pdfs(), ids=lambda p: p.name)
def test_compiled_table_and_word_loops_read_every_fixture_as_python_does(path, loop):
    try:
        results = BOTH_LOOPS[loop](path)
    except pdfium.PdfiumError:
        pytest.skip("PDFium cannot open it (a wild PDF): no page to compare")
    for where, compiled, python in results:
        assert compiled == python, f"{path.name} {where}"


_GENERATED = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
_LOOSE_BOX = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(pdfium.raw.FS_RECTF)
)


class FakeTablePage(FakeCalls):
    """The three PDFium functions of `table_chars`: code, generated (0, 1, or -1 for
    PDFium's unknown) and loose box (left, top, right, bottom) or None for a failed call."""

    fields = (("unicode", ctypes.c_uint), ("is_generated", ctypes.c_int),
              ("loose_char_box", ctypes.c_int))  # fmt: skip

    def make_callbacks(self) -> tuple:
        return (
            _UNICODE(lambda _h, i: self.chars[i]["code"]),
            _GENERATED(lambda _h, i: self.chars[i]["generated"]),
            _LOOSE_BOX(lambda _h, i, rect: _write_loose_box(self.chars[i]["box"], rect)),
        )


def fake_table_pages():
    return made_up_pages(
        {
            "code": _CODES | st.just(ord(" ")),
            "generated": st.sampled_from([0, 1, -1]),
            "box": _BOXES,
        }
    )


@settings(max_examples=300, deadline=None)
@given(fake_table_pages())
def test_compiled_table_loop_reads_made_up_pages_as_python_does(page):
    chars, text, height = page
    fake = FakeTablePage(chars)
    handle = ctypes.c_void_p(1)
    compiled = words.table_chars_compiled(handle, fake.addresses(), len(chars), text, height)
    python = words.table_chars_python(handle, fake.calls(), len(chars), text, height)
    assert _typed_chars(compiled) == _typed_chars(python)


def test_a_code_beyond_unicode_is_refused_by_both_table_loops():
    fake = FakeTablePage([{"code": 0x110000, "generated": 0, "box": None}])
    handle = ctypes.c_void_p(1)
    with pytest.raises(ValueError):
        words.table_chars_compiled(handle, fake.addresses(), 1, "", 792.0)
    with pytest.raises(ValueError):
        words.table_chars_python(handle, fake.calls(), 1, "", 792.0)


# -- the words of a page (words.word_glyphs_python) -----------------------------------------


def _both_word_loops(path: Path) -> list[tuple[str, list, list]]:
    out = []
    for number, handle, count, _text, height in _text_pages(path):
        compiled = words.word_glyphs_compiled(handle, word_call_addresses(), count, height)
        python = words.word_glyphs_python(handle, text_calls(), count, height)
        out.append((f"page {number}", _typed_glyphs(compiled), _typed_glyphs(python)))
    return out


def _typed_glyphs(glyphs: list) -> list:
    return [None if g is None else tuple((type(v).__name__, v) for v in g) for g in glyphs]


class FakeWordPage(FakeCalls):
    """The three PDFium functions of `word_glyphs_python`: code, tight box (left, right,
    bottom, top) and loose box (left, top, right, bottom), each box None for a failed call
    (the values of the last call stay)."""

    fields = (("unicode", ctypes.c_uint), ("char_box", ctypes.c_int),
              ("loose_char_box", ctypes.c_int))  # fmt: skip

    def make_callbacks(self) -> tuple:
        return (
            _UNICODE(lambda _h, i: self.chars[i]["code"]),
            _BOX(lambda _h, i, *out: _write_box(self.chars[i]["box"], *out)),
            _LOOSE_BOX(lambda _h, i, rect: _write_loose_box(self.chars[i]["loose"], rect)),
        )


def fake_word_pages():
    return made_up_pages(
        {"code": _CODES | st.just(ord(" ")) | st.just(0x3000), "box": _BOXES, "loose": _BOXES}
    )


@settings(max_examples=100, deadline=None)  # callbacks through ctypes: ~10 ms an example
@given(fake_word_pages())
def test_compiled_word_loop_reads_made_up_pages_as_python_does(page):
    """Spaces of every kind, codes 0, break hyphens, surrogates, failed box calls (the last
    box stays): the same glyphs and word ends, and so the same words."""
    chars, _text, height = page
    fake = FakeWordPage(chars)
    handle = ctypes.c_void_p(1)
    compiled = words.word_glyphs_compiled(handle, fake.addresses(), len(chars), height)
    python = words.word_glyphs_python(handle, fake.calls(), len(chars), height)
    assert _typed_glyphs(compiled) == _typed_glyphs(python)
    assert words.words_of_glyphs(compiled) == words.words_of_glyphs(python)


def test_a_code_beyond_unicode_is_refused_by_both_word_loops():
    fake = FakeWordPage([{"code": 0x110000, "box": None, "loose": None}])
    handle = ctypes.c_void_p(1)
    with pytest.raises(ValueError):
        words.word_glyphs_compiled(handle, fake.addresses(), 1, 792.0)
    with pytest.raises(ValueError):
        words.word_glyphs_python(handle, fake.calls(), 1, 792.0)
