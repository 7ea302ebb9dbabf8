"""Reading a PDF: pages → text lines with boxes, fast, and bad input as our own error types.

Why pypdfium2 and not pdfplumber for the text: pdfplumber builds a Python object per glyph
and takes ~0.2 s a page; pdfium's text page gives the same characters with boxes from C. We
read each page once: the whole text in one call, then one box (and font size) per character,
and group the characters into lines ourselves (pdfium's own line breaks are only a first cut:
cells of one table row or a raised footnote number come as separate runs).

A ruled table's rules and characters come from PDFium too (`rule_objects`, `table_chars`);
pdfplumber is still there (`plumber_page`, opened lazily) for a document whose page frames
had to be made plain and for a table read by its words, so a report whose tables are ruled
never imports it.

Coordinates follow pdfplumber: points, origin at the top left of the page.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import hashlib
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from annualcheck.model.errors import (
    AnnualcheckError,
    EmptyFileError,
    EncryptedPdfError,
    MissingPathError,
    NoTextLayerError,
    NotPdfError,
    TooLargeError,
    TruncatedPdfError,
)
from annualcheck.model.record import BBox
from annualcheck.model.safety import clean_text
from annualcheck.pdf.calls import TextCalls, bare_handle, call_addresses, text_calls
from annualcheck.pdf.page_split import map_shared
from annualcheck.pdf.plumber import lean
from annualcheck.pdf.text import normalise_page
from annualcheck.pdf.vectors import VectorCensus, census_page, rule_objects
from annualcheck.pdf.words import table_chars

try:  # the character loop compiled at install (setup.py); optional, the same result
    from annualcheck.pdf import _chars as _compiled_chars
except ImportError:  # built without a C compiler: the loop runs in Python
    _compiled_chars = None

#: Characters pdfium reports for a hyphen it believes is soft (end-of-line) or a text marker.
_SOFT_HYPHENS = {"\x02": "-", "\xad": "-", "\ufffe": "-"}
#: Glyphs whose box sits on the baseline (no descender, not raised punctuation).
_ON_BASELINE_CHARS = "ABCDEFGHIKLMNOPRSTUVWXYZabcdefhiklmnorstuvwxz0123456789"
_ON_BASELINE = frozenset(_ON_BASELINE_CHARS)
#: The compiled loop maps each of these to "-", as `_SOFT_HYPHENS` does.
_SOFT_HYPHEN_CHARS = "".join(_SOFT_HYPHENS)
#: A horizontal gap wider than this many font sizes separates two cells of a line
#: (table columns, a contents entry's page number printed without dot leaders).
CELL_GAP_EM = 1.5
#: Print smaller than this share of a line's size is a superscript (Chromium prints
#: <sup> at ~0.83 of the text size, reportlab footnote marks at ~0.6).
SUPERSCRIPT_RATIO = 0.9


@dataclass
class Line:
    """One printed line: its text (words joined by single spaces, footnote reference
    numbers taken out), its box, and its font size (median of its characters)."""

    text: str
    page: int  # 1-based file page
    bbox: BBox
    size: float
    cells: list[str] = field(default_factory=list)  # the text split at wide gaps
    footnote_refs: list[str] = field(default_factory=list)  # raised small numbers taken out
    baseline: float = 0.0  # median baseline of the line's glyphs (top-left origin)
    raised_start: bool = False  # starts with a raised small number (a footnote's own mark)


@dataclass
class PageText:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class _Char(NamedTuple):
    """One glyph (or a space PDFium put between two) with its box. A named tuple, made with
    `_glyph` (tuple.__new__, in C): a report makes ~140,000 of them, and a dataclass's
    __init__ (Python) cost 0.9 us each, a fifth of reading the characters."""

    ch: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    base: float  # the glyph's origin: its baseline, top-left origin
    run: int


#: (ch, x0, top, x1, bottom, size, base, run) -> _Char, without a Python-level __new__.
_glyph = functools.partial(tuple.__new__, _Char)


@dataclass
class _Run:
    """A run of characters pdfium put on one line (split at its CR/LF)."""

    chars: list[_Char]
    baseline: float = 0.0  # `run_metrics`
    size: float = 0.0


def _page_chars(textpage: Any, height: float) -> list[list[_Char]]:
    """All characters of a page with their boxes, as pieces of pdfium's runs: a run is cut at
    its line breaks (CR/LF), and where the next glyph jumps back to the left or leaves the
    previous glyph's band (pdfium sometimes runs two printed lines together, or the cells of
    a row). One pass over the characters, in C when the package was built with its compiled
    loop (pdf/_chars.c: the same calls and arithmetic, the same pieces), else in Python."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    handle = bare_handle(textpage)
    if _compiled_chars is None:
        return page_chars_python(handle, text_calls(), count, text, height)
    return page_chars_compiled(handle, call_addresses(), count, text, height)


def page_chars_compiled(
    handle: ctypes.c_void_p, addresses: tuple[int, ...], count: int, text: str, height: float
) -> list[list[_Char]]:
    """`_page_chars` by the compiled loop, calling the functions at `addresses` (the order of
    `pdf.calls.call_addresses`). Raises ImportError when the package was built without it."""
    if _compiled_chars is None:
        raise ImportError("annualcheck was built without its compiled character loop")
    return _compiled_chars.page_chars(
        text, count, handle.value, *addresses, height, _Char, _ON_BASELINE_CHARS, _SOFT_HYPHEN_CHARS
    )


def page_chars_python(
    handle: ctypes.c_void_p, calls: TextCalls, count: int, text: str, height: float
) -> list[list[_Char]]:
    """`_page_chars` in Python, calling `calls` (the loop runs once per glyph of a report; the
    compiled loop is checked against this one, tests/test_compiled_chars.py)."""
    # bare prototypes: the calls are most of this loop's cost
    get_box, get_origin = calls.char_box, calls.char_origin
    get_size, get_matrix = calls.font_size, calls.matrix
    left, right, bottom, top, origin_x, origin_y = (ctypes.c_double() for _ in range(6))
    box_refs = tuple(map(ctypes.byref, (left, right, bottom, top)))
    origin_refs = (ctypes.byref(origin_x), ctypes.byref(origin_y))
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    pieces: list[list[_Char]] = []
    piece: list[_Char] = []
    run = 0  # the run's number: its place among the page's runs
    started = False  # whether the run has a glyph yet (a piece is cut after one)
    prev_x0 = prev_base = prev_size = 0.0  # the run's previous glyph's
    # get_text_range gives one UTF-16 unit per character index for the BMP; astral
    # characters would shift the mapping, so fall back to per-character text for those.
    aligned = len(text) == count
    size = 0.0
    ask_size = True  # font size is asked at a run's start, after a space and for digits
    for index in range(count):
        if aligned:
            ch = text[index]
        else:
            code = calls.unicode(handle, index)
            ch = chr(code) if code else ""
        if ch == "\r" or ch == "\n":
            if piece:
                _close_piece(piece, pieces)
                piece = []
            if started:
                run += 1
                started = False
            ask_size = True
            continue
        ch = _SOFT_HYPHENS.get(ch, ch)
        if ch.isspace():
            if piece and piece[-1].ch != " ":
                last = piece[-1]
                piece.append(
                    _glyph((" ", last.x1, last.top, last.x1, last.bottom, 0.0, last.base, run))
                )
            ask_size = True
            continue
        get_box(handle, index, *box_refs)
        if ch in _ON_BASELINE:  # the box's bottom is the baseline: spare a call
            base = height - bottom.value
        else:
            get_origin(handle, index, *origin_refs)
            base = height - origin_y.value
        digit = ch.isdigit()
        if ask_size or digit:
            # the size in text space times the text matrix's scale: points on the page
            # (Chromium prints 11 pt as 14.67 "px" under a 0.75 matrix)
            size = get_size(handle, index)
            if get_matrix(handle, index, matrix_ref):
                size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        ask_size = digit
        x0 = left.value
        if started:
            em = size if size > prev_size else prev_size
            if em < 1.0:
                em = 1.0
            if x0 < prev_x0 - 2 * em or abs(base - prev_base) > 0.6 * em:
                _close_piece(piece, pieces)
                piece = []
        started = True
        prev_x0, prev_base, prev_size = x0, base, size
        piece.append(
            _glyph(
                (ch, x0, height - top.value, right.value, height - bottom.value, size, base, run)
            )
        )
    if piece:
        _close_piece(piece, pieces)
    return pieces


def _close_piece(piece: list[_Char], pieces: list[list[_Char]]) -> None:
    """Keep a piece without its trailing space (a space only ever follows a glyph)."""
    if piece[-1].ch == " ":
        piece.pop()
    if piece:
        pieces.append(piece)


_X0, _X1 = operator.attrgetter("x0"), operator.attrgetter("x1")
_TOP, _BOTTOM = operator.attrgetter("top"), operator.attrgetter("bottom")


def _median(values: list[float]) -> float:
    """statistics.median of a non-empty list (the same arithmetic), without its generic
    checks: it runs three times for each of a report's ~10,000 runs and lines."""
    data = sorted(values)
    mid = len(data) // 2
    return data[mid] if len(data) % 2 else (data[mid - 1] + data[mid]) / 2


def is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def run_metrics_python(chars: list[_Char]) -> tuple[float, float]:
    """A run's baseline and size: the medians of its glyphs' (its size, when that is 0, the
    height of its box). The compiled `run_metrics` (pdf/_chars.c) is checked against it."""
    glyphs = [c for c in chars if c.ch != " "]
    baseline = _median([c.base for c in glyphs])
    size = _median([c.size for c in glyphs]) or (max(map(_BOTTOM, chars)) - min(map(_TOP, chars)))
    return baseline, size


def _group_runs(pieces: list[list[_Char]]) -> list[list[_Run]]:
    """Runs (the pieces `_page_chars` cut) that share a baseline form one line (table cells
    of a row, a number printed at the right margin). A run in smaller print that overlaps a
    line's band (a raised footnote number) joins that line. Lines come out top to bottom."""
    items = [_Run(piece) for piece in pieces]
    for item in items:
        metrics = NotImplemented
        if _compiled_chars is not None:
            metrics = _compiled_chars.run_metrics(item.chars)
        if metrics is NotImplemented:  # not built, or glyphs not as pages give them
            metrics = run_metrics_python(item.chars)
        item.baseline, item.size = metrics
    items.sort(key=lambda r: r.baseline)
    lines: list[list[_Run]] = []
    heads: list[_Run] = []  # the run that fixes each line's baseline and size
    for run in items:
        if lines and abs(run.baseline - heads[-1].baseline) <= 0.3 * max(run.size, heads[-1].size):
            lines[-1].append(run)
            if run.size > heads[-1].size:
                heads[-1] = run
        else:
            lines.append([run])
            heads.append(run)
    # lines made only of small print that sit inside a neighbour's band: superscripts
    out: list[list[_Run]] = []
    for i, line in enumerate(lines):
        head = heads[i]
        merged = False
        if len(line) <= 2 and all(len(r.chars) <= 3 for r in line):
            for j in (i + 1, i - 1):
                if 0 <= j < len(lines) and head.size < SUPERSCRIPT_RATIO * heads[j].size:
                    other = heads[j]
                    if other.baseline - other.size < head.baseline < other.baseline:
                        lines[j].extend(line)
                        merged = True
                        break
        if not merged:
            out.append(line)
    return out


def line_cells_python(
    chars: list[_Char],
    small: float,
    rise: float,
    raised_base: float,
    cell_gap: float,
    run_gap: float,
    ref_gap: float,
) -> tuple[list[str], list[str], bool]:
    """A line's glyphs in reading order → its cells (the text split at gaps wider than
    `cell_gap`), the footnote references taken out (raised digits smaller than `small`), and
    whether it starts with a raised small number. The loop runs once per character of a
    report; the compiled one (pdf/_chars.c) is checked against it."""
    cells: list[str] = []
    refs: list[str] = []
    cell: list[str] = []
    prev: _Char | None = None
    space_seen = False
    last_ref: _Char | None = None
    raised = False
    for c in chars:
        ch = c.ch
        if ch == " ":
            space_seen = True
            continue
        digit = ch.isdigit()
        # A raised, smaller digit after a word is a footnote reference ("Crime1 held"):
        # raised above the glyph before it, not above the line's median baseline, which a
        # line printed askew (a scan) has a point or two off at either end ("and 16 (four").
        if digit and prev is not None and 0 < c.size < small and c.base < prev.base - rise:
            if last_ref is not None and c.x0 - last_ref.x1 < ref_gap:
                refs[-1] += ch
            else:
                refs.append(ch)
            last_ref = c
            continue
        if prev is None:
            if digit and not cell:
                raised = 0 < c.size < small and c.base < raised_base
        else:
            gap = c.x0 - (last_ref.x1 if last_ref is not None else prev.x1)
            if last_ref is not None and not ch.isalnum():
                gap = 0.0  # "Agency2," → "Agency,"
            if ch >= "\u2e80" and is_cjk(ch) and is_cjk(prev.ch):
                gap = 0.0
            if gap > cell_gap:
                cells.append("".join(cell).strip())
                cell = []
            elif (space_seen and gap > 0) or (c.run != prev.run and gap > run_gap):
                cell.append(" ")
        cell.append(ch)
        prev = c
        last_ref = None
        space_seen = False
    cells.append("".join(cell).strip())
    return [c for c in cells if c], refs, raised


def line_summary_python(
    chars: list[_Char], superscript_ratio: float, cell_gap_em: float
) -> tuple | None:
    """A line's glyphs in reading order → (text, x0, top, x1, bottom, size, baseline, cells,
    footnote refs, raised start), or None when it has no glyph. The compiled `line_summary`
    (pdf/_chars.c) is checked against it."""
    glyphs = [c for c in chars if c.ch != " "]
    if not glyphs:
        return None
    sizes = [c.size for c in glyphs if c.size > 0]
    size = _median(sizes) if sizes else glyphs[0].bottom - glyphs[0].top
    base = _median([c.base for c in glyphs])
    # the line's thresholds, computed once (the loop runs once per character of a report)
    small, rise = superscript_ratio * size, 0.2 * size
    thresholds = (small, rise, base - rise, cell_gap_em * size, 0.1 * size, 0.3 * size)
    cells, refs, raised = line_cells_python(chars, *thresholds)
    return (
        " ".join(cells),
        min(map(_X0, glyphs)),
        min(map(_TOP, glyphs)),
        max(map(_X1, glyphs)),
        max(map(_BOTTOM, glyphs)),
        size,
        base,
        cells,
        refs,
        raised,
    )


def _line_from_runs(runs: list[_Run], page: int) -> Line | None:
    """Characters of one line in reading order → text, cells, footnote refs, box, size."""
    chars = NotImplemented
    if _compiled_chars is not None:  # the glyphs in order already (almost every line)
        chars = _compiled_chars.glyphs_in_order(runs)
    if chars is NotImplemented:
        chars = sorted((c for run in runs for c in run.chars), key=_X0)
    summary = NotImplemented
    if _compiled_chars is not None:
        summary = _compiled_chars.line_summary(chars, SUPERSCRIPT_RATIO, CELL_GAP_EM)
    if summary is NotImplemented:  # not built, or glyphs not as pages give them
        summary = line_summary_python(chars, SUPERSCRIPT_RATIO, CELL_GAP_EM)
    if summary is None:
        return None
    text, x0, top, x1, bottom, size, base, cells, refs, raised = summary
    return Line(
        text=text,
        page=page,
        bbox=BBox(x0, top, x1, bottom),
        size=round(size, 2),
        cells=cells,
        footnote_refs=refs,
        baseline=base,
        raised_start=raised,
    )


#: PDFium pages a document keeps loaded for its tables (`PdfDocument._pdfium_page`).
_KEPT_PAGES = 2

#: Most characters and objects one page may hold. A dense printed page holds ~5,000
#: characters and a few thousand objects (a vector map ~100,000); beyond these a page is a
#: content bomb (two million text operators in a 60 KB file), refused before it is read.
MAX_CHARS_PER_PAGE = 200_000
MAX_OBJECTS_PER_PAGE = 1_000_000


def check_page_objects(pdf_page: Any, number: int) -> None:
    """Raise TooLargeError when a page holds more objects than any report: counted before
    its text page is built, which costs seconds and hundreds of MB on such a page."""
    objects = pdfium_c.FPDFPage_CountObjects(pdf_page.raw)
    if objects > MAX_OBJECTS_PER_PAGE:
        raise TooLargeError(
            None,
            f"page {number} holds {objects:,} objects, over the limit of "
            f"{MAX_OBJECTS_PER_PAGE:,} a page (not a report page)",
        )


def check_page_bounds(pdf_page: Any, textpage: Any, number: int) -> None:
    """Raise TooLargeError when a page holds more characters or objects than any report."""
    chars = textpage.count_chars()
    if chars > MAX_CHARS_PER_PAGE:
        raise TooLargeError(
            None,
            f"page {number} holds {chars:,} characters, over the limit of "
            f"{MAX_CHARS_PER_PAGE:,} a page (not a report page)",
        )
    check_page_objects(pdf_page, number)


def _sanitized(lines: list[Line]) -> list[Line]:
    """Lines with control characters, bidi overrides and lone surrogates taken out of their
    text (model.safety.clean_text): the one place a font's text enters the tool."""
    for line in lines:
        line.text = clean_text(line.text)
        line.cells = [clean_text(cell) for cell in line.cells]
    return [line for line in lines if line.text.strip()]


def read_page(pdf_page: Any, number: int) -> PageText:
    width, height = pdf_page.get_size()
    check_page_objects(pdf_page, number)
    textpage = pdf_page.get_textpage()
    try:
        check_page_bounds(pdf_page, textpage, number)
        runs = _page_chars(textpage, height)
    finally:
        textpage.close()
    lines = [line for group in _group_runs(runs) if (line := _line_from_runs(group, number))]
    lines = _sanitized(lines)
    return PageText(number=number, width=width, height=height, lines=lines)


@dataclass
class PdfDocument:
    """An opened PDF: its pages as lines, its metadata, its hash; pdfplumber on demand."""

    path: Path
    sha256: str
    pages: list[PageText]
    metadata: dict[str, str]
    password: str | None = None
    _plumber: Any = None
    _plumber_alone: list[Any] = field(default_factory=list)  # one page each, see plumber_page
    skipped_pages: list[int] = field(default_factory=list)  # pages that could not be read
    _data: bytes | None = None  # the bytes read (pages' frames made plain), for pdfplumber

    _pdfium: Any = None  # reopened on demand, for what a page draws (tables only)
    _census: dict[int, VectorCensus] = field(default_factory=dict)
    _loaded: dict[int, Any] = field(default_factory=dict)  # PDFium pages, see _pdfium_page

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def plumber_page(self, number: int) -> Any:
        """The pdfplumber page (1-based), opening pdfplumber on first use only.

        pdfplumber builds every page on first access to `.pages`, and one malformed page
        elsewhere in the file (a MediaBox of two numbers, appended from another document)
        raises there; then the page asked for is read from a pdfplumber of that page alone."""
        if self._plumber is None:
            self._plumber = self._open_plumber()
        try:
            return lean(self._plumber.pages[number - 1])
        except (IndexError, TypeError, ValueError, KeyError):
            alone = self._open_plumber(pages=[number])
            self._plumber_alone.append(alone)
            return lean(alone.pages[0])

    def _open_plumber(self, pages: list[int] | None = None) -> Any:
        import io

        import pdfplumber

        source = io.BytesIO(self._data) if self._data is not None else str(self.path)
        return pdfplumber.open(source, password=self.password or "", pages=pages)

    def _pdfium_page(self, number: int) -> Any:
        """PDFium's page `number` (1-based), loaded once while it is one of the last
        `_KEPT_PAGES` asked for: a table page is asked for its census, rules, characters
        and words in turn, and loading a page parses its whole content each time (0.1 s for
        one that draws 50,000 objects). The pages are closed with the document; callers
        never close them."""
        if self._pdfium is None:
            self._pdfium = pdfium.PdfDocument(str(self.path), password=self.password)
        page = self._loaded.pop(number, None)
        if page is None:
            page = self._pdfium[number - 1]
        self._loaded[number] = page  # the most recent last
        while len(self._loaded) > _KEPT_PAGES:
            self._loaded.pop(next(iter(self._loaded))).close()
        return page

    def vector_census(self, number: int) -> VectorCensus:
        """What page `number` (1-based) draws, counted by PDFium (once a page)."""
        if number not in self._census:
            page = self._pdfium_page(number)
            width, height = page.get_size()
            self._census[number] = census_page(page.raw, width, height)
        return self._census[number]

    @property
    def reads_rules(self) -> bool:
        """Whether PDFium reads this document's rules and table characters in the frame
        pdfplumber would (pages whose frames were made plain are left to pdfplumber)."""
        return self._data is None

    def rule_objects(self, number: int) -> dict[str, list[dict]]:
        """Lines and rectangles of page `number`, as pdfplumber's `objects` (PDFium's paths)."""
        page = self._pdfium_page(number)
        return rule_objects(page.raw, page.get_height())

    def page_box(self, number: int) -> tuple[float, float, float, float]:
        """The page's box as pdfplumber's `bbox` of a plain frame: (0, 0, width, height)."""
        width, height = self._pdfium_page(number).get_size()
        return (0.0, 0.0, width, height)

    def table_chars(self, number: int) -> list[dict]:
        """Characters of page `number` for a table's cells (`words.table_chars`)."""
        page = self._pdfium_page(number)
        textpage = page.get_textpage()
        try:
            return table_chars(textpage, page.get_height())
        finally:
            textpage.close()

    def page_words(self, number: int) -> list[dict]:
        """The words of page `number` as pdfplumber's `extract_words` gives them (text, x0,
        x1, top, bottom), read by PDFium: for pages too costly for pdfplumber to parse."""
        page = self._pdfium_page(number)
        textpage = page.get_textpage()
        try:
            runs = _page_chars(textpage, page.get_height())
        finally:
            textpage.close()
        return [word for run in runs for word in _words_of_run(run)]

    def close(self) -> None:
        if self._plumber is not None:
            plumber, self._plumber = self._plumber, None
            try:
                plumber.close()
            except Exception:  # noqa: BLE001 - pdfplumber builds every page to close them,
                # and one malformed page (a MediaBox of two numbers) raises there: closing
                # must never cost the report, so close its file directly
                with contextlib.suppress(Exception):
                    plumber.stream.close()
        for alone in self._plumber_alone:
            with contextlib.suppress(Exception):
                alone.close()
        self._plumber_alone = []
        for page in self._loaded.values():
            with contextlib.suppress(Exception):
                page.close()
        self._loaded = {}
        if self._pdfium is not None:
            self._pdfium.close()
            self._pdfium = None

    def __enter__(self) -> PdfDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: Characters closer than this (points) belong to one word (pdfplumber's x_tolerance).
WORD_GAP_PT = 3.0


def _words_of_run(run: list[_Char]) -> list[dict]:
    """A run's characters → words: split at spaces and at gaps wider than WORD_GAP_PT."""
    words: list[dict] = []
    current: list[_Char] = []

    def flush() -> None:
        if current:
            words.append(
                {
                    "text": "".join(c.ch for c in current),
                    "x0": min(c.x0 for c in current),
                    "x1": max(c.x1 for c in current),
                    "top": min(c.top for c in current),
                    "bottom": max(c.bottom for c in current),
                }
            )
            current.clear()

    for c in run:
        if c.ch == " " or (current and c.x0 - current[-1].x1 > WORD_GAP_PT):
            flush()
        if c.ch != " ":
            current.append(c)
    flush()
    return words


def _check_bytes(path: Path, data: bytes) -> None:
    """Reject what is not a whole PDF before pdfium sees it (pdfium repairs silently)."""
    if not data.strip():
        raise EmptyFileError(path)
    if b"%PDF-" not in data[:1024]:
        raise NotPdfError(path)
    if b"%%EOF" not in data[-2048:] and b"startxref" not in data[-2048:]:
        raise TruncatedPdfError(path)


def _metadata(doc: Any) -> dict[str, str]:
    try:
        meta = doc.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 — metadata is optional; a broken Info dict is not fatal
        return {}
    return {clean_text(k.lower()): clean_text(str(v)) for k, v in meta.items()}


def open_pdf(
    path: str | Path,
    password: str | None = None,
    *,
    parts: int = 1,
    meanwhile: Callable[[], Any] | None = None,
) -> PdfDocument:
    """Open a PDF and read the text lines of every page (each page parsed once). With
    `parts` > 1 the pages are read by that many processes at once, forked ones among them
    (pdf/page_split.py): for one report on a machine with cores to spare; the lines are the
    same. `meanwhile()` is made once, in this process, while the others read pages: work the
    caller needs next (the later stages' imports)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise NotPdfError(path, "is a folder, not a PDF file") from exc
    except FileNotFoundError as exc:
        raise MissingPathError(path) from exc
    except OSError as exc:
        raise AnnualcheckError(path, f"cannot be read: {exc.strerror or exc}") from exc
    _check_bytes(path, data)
    try:
        doc = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            detail = "PDF is encrypted; wrong password" if password else None
            raise EncryptedPdfError(path, detail) from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedPdfError(path, "PDF uses an unsupported security handler") from exc
        raise TruncatedPdfError(path) from exc
    sha256 = hashlib.sha256(data).hexdigest()
    plain_data: bytes | None = None  # set when the pages' frames had to be made plain
    try:
        if len(doc) == 0:
            raise TruncatedPdfError(path, "PDF has no pages")
        # each page's frame is looked at as it is loaded to be read (loading parses its
        # content: a second pass over the pages for their frames alone cost as much again);
        # at the first odd frame the document is made plain and read from the start
        pages, skipped, plain = _read_document(
            doc, parts, stop_at_odd_frame=password is None, meanwhile=meanwhile
        )
        if not plain:
            plain_data = _with_plain_frames(doc)
            doc.close()
            doc = pdfium.PdfDocument(plain_data)
            pages, skipped, _ = _read_document(doc, parts)
        if len(skipped) == len(pages):
            raise TruncatedPdfError(path, "PDF is damaged: none of its pages can be read")
        metadata = _metadata(doc)
    finally:
        doc.close()
    if not any(page.lines for page in pages):
        raise NoTextLayerError(path)
    return PdfDocument(
        path=path,
        sha256=sha256,
        pages=pages,
        metadata=metadata,
        password=password,
        skipped_pages=skipped,
        _data=plain_data,
    )


def _frame_is_plain(page: Any) -> bool:
    """True when the page is unrotated and its crop box is its media box at the origin:
    then pdfium (which measures from the crop box) and pdfplumber (from the media box) give
    the same coordinates. A rotated page or an inset crop box made them disagree, and a
    table lost rows (20 of 32 with a 30 pt CropBox inset, 1 of 32 with /Rotate 90). A page
    without a MediaBox of its own (inherited from nowhere) is not plain either: pdfplumber
    refuses the whole file over it ("'NoneType' object is not iterable")."""
    if page.get_mediabox(fallback_ok=False) is None:
        return False  # no MediaBox of its own: pdfplumber cannot open such a page
    if page.get_rotation() or page.get_cropbox() != page.get_mediabox():
        return False
    return tuple(page.get_mediabox()[:2]) == (0, 0)


def _with_plain_frames(doc: Any) -> bytes:
    """The document with each page's content moved so that its crop box starts at the origin,
    media box = crop box, and no /Rotate: every reader then sees one frame. The rotation is
    dropped, not applied: text is read in the orientation it was set in (a page turned by
    /Rotate alone still reads upright, as pdfium reads it)."""
    import io

    for index in range(len(doc)):
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            continue
        try:
            left, bottom, right, top = page.get_cropbox()
            matrix = pdfium_c.FS_MATRIX(1, 0, 0, 1, -left, -bottom)
            pdfium_c.FPDFPage_TransFormWithClip(page.raw, ctypes.byref(matrix), None)
            page.set_mediabox(0, 0, right - left, top - bottom)
            page.set_cropbox(0, 0, right - left, top - bottom)
            page.set_rotation(0)
        finally:
            page.close()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while pages are read, as it was found.

    Why: reading a report makes ~200,000 small objects (characters, lines), none in a
    cycle; each 700 of them set off a collection that walks the young ones, and every tenth
    of those the older ones, about a tenth of the reading's time for nothing. Reference
    counting frees them as before; the collector is back on (if it was) when the pages are
    read, also on an error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _OddFrame:
    """A page `_read_one` stopped at: its frame is not plain (see `open_pdf`). One instance,
    also after pickling: a forked process reading pages sends it back pickled, and a plain
    string came back as an equal but other object, which `is` did not recognise (the pages
    were then unpacked as if read, and the report failed with an internal error)."""

    def __reduce__(self) -> str:
        return "_ODD_FRAME"  # unpickled as this module's instance

    def __repr__(self) -> str:
        return "_ODD_FRAME"


_ODD_FRAME = _OddFrame()


def _read_document(
    doc: Any,
    parts: int,
    *,
    stop_at_odd_frame: bool = False,
    meanwhile: Callable[[], Any] | None = None,
) -> tuple[list[PageText], list[int], bool]:
    """The text of every page, read by `parts` processes at once (`map_shared`, this one
    making `meanwhile()` first), and the pages that could not be read. With
    `stop_at_odd_frame`, the reading stops at a page whose frame is not plain
    (`_frame_is_plain`) and the third value is False: the caller makes the frames plain and
    reads again."""
    with _collector_paused():  # in the children too: they are forked inside
        values = map_shared(
            lambda index: _read_one(doc, index, stop_at_odd_frame),
            len(doc),
            parts,
            meanwhile=meanwhile,
            stop=lambda value: value is _ODD_FRAME,
        )
    if any(value is _ODD_FRAME for value in values):
        return [], [], False
    return [page for page, _ in values], [page.number for page, unread in values if unread], True


def _read_one(doc: Any, index: int, stop_at_odd_frame: bool) -> tuple[PageText, bool] | _OddFrame:
    """Page `index` (0-based) read, and whether it could not be: a page pdfium cannot load or
    read stays in place as an empty page (page numbers keep their meaning), so one odd page
    (appended from elsewhere, damaged) costs that page, not the report. `_ODD_FRAME` when
    `stop_at_odd_frame` and its frame is not plain."""
    number = index + 1
    try:
        pdf_page = doc[index]
    except pdfium.PdfiumError:
        return PageText(number=number, width=0.0, height=0.0, lines=[]), True
    try:
        if stop_at_odd_frame and not _frame_is_plain(pdf_page):
            return _ODD_FRAME
        return normalise_page(read_page(pdf_page, number)), False
    except pdfium.PdfiumError:
        return PageText(number=number, width=0.0, height=0.0, lines=[]), True
    finally:
        pdf_page.close()


__all__ = ["Line", "PageText", "PdfDocument", "is_cjk", "open_pdf", "read_page"]
