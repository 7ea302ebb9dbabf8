"""Words of one page with their boxes, read by pdfium (the same reader as the text lines).

Why not pdfplumber's words: pdfminer cannot decode some producers' fonts (WeasyPrint writes
an embedded custom CMap, "WP-Encod-…", for large fonts; poppler cannot read it either), so
a table's cells come back empty although the page's text layer is fine and pdf/document.py
reads it. The table readers take their words from here: the same dictionaries pdfplumber
gives (text, x0, x1, top, bottom; points, origin at the top left), one page at a time.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from annualcheck.pdf.calls import (
    TextCalls,
    bare_handle,
    table_call_addresses,
    text_calls,
    word_call_addresses,
)
from annualcheck.pdf.text import fold_ligatures

try:  # the compiled loops (pdf/_chars.c), built by setup.py when a compiler is at hand
    from annualcheck.pdf import _chars as _compiled_chars
except ImportError:  # pragma: no cover - a build without a compiler
    _compiled_chars = None

#: A horizontal gap wider than this (points) between two glyphs ends a word, as in pdfplumber.
WORD_GAP = 3.0


def _word(chars: list[tuple[str, float, float, float, float]]) -> dict:
    return {
        "text": fold_ligatures("".join(c[0] for c in chars)),
        "x0": min(c[1] for c in chars),
        "x1": max(c[2] for c in chars),
        "top": min(c[3] for c in chars),
        "bottom": max(c[4] for c in chars),
    }


def page_words(doc: Any, number: int) -> list[dict]:
    """The words of file page `number` (1-based) of a PdfDocument (or a wrapper with .doc):
    from the document's own PDFium handle when it keeps one (opening the file again for
    each page loaded the whole document each time, 0.1 s a table page), else a new one."""
    base = getattr(doc, "doc", doc)
    pdfium_page = getattr(base, "_pdfium_page", None)
    if pdfium_page is not None:
        return _words_of_page(pdfium_page(number))  # the document's page: it closes it
    pdf = pdfium.PdfDocument(str(base.path), password=getattr(base, "password", None))
    try:
        page = pdf[number - 1]
        try:
            return _words_of_page(page)
        finally:
            page.close()
    finally:
        pdf.close()


def _words_of_page(page: Any) -> list[dict]:
    """The words of a loaded PDFium page."""
    textpage = page.get_textpage()
    try:
        return _words_of(textpage, page.get_size()[1])
    finally:
        textpage.close()


def _words_of(textpage: Any, height: float) -> list[dict]:
    """The page's words: its glyphs (`word_glyphs_python`, in C when built: ~3 ctypes calls
    a character in Python) cut into words where a glyph leaves the line, jumps a gap wider
    than WORD_GAP or goes back left."""
    count = textpage.count_chars()
    if _compiled_chars is None:
        glyphs = word_glyphs_python(bare_handle(textpage), text_calls(), count, height)
    else:
        glyphs = word_glyphs_compiled(bare_handle(textpage), word_call_addresses(), count, height)
    return words_of_glyphs(glyphs)


def word_glyphs_compiled(
    handle: ctypes.c_void_p, addresses: tuple[int, ...], count: int, height: float
) -> list[tuple[str, float, float, float, float] | None]:
    """`word_glyphs_python` by the compiled loop, calling the functions at `addresses` (the
    order of `pdf.calls.word_call_addresses`). Raises ImportError when the package was
    built without it."""
    if _compiled_chars is None:
        raise ImportError("annualcheck was built without its compiled character loops")
    return _compiled_chars.word_glyphs(count, handle.value, *addresses, height)


def word_glyphs_python(
    handle: ctypes.c_void_p, calls: TextCalls, count: int, height: float
) -> list[tuple[str, float, float, float, float] | None]:
    """Each character of the page as its words are cut from it: (text, left, right, top,
    bottom), PDFium's tight box across and its loose box down (one top for a line's
    glyphs), or None where a word must end (no code, a space, a break hyphen). The boxes
    are read into values kept across the loop: a failed call leaves the last box."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    loose = pdfium_c.FS_RECTF()
    refs = tuple(ctypes.byref(v) for v in (left, right, bottom, top))
    loose_ref = ctypes.byref(loose)
    out: list[tuple[str, float, float, float, float] | None] = []
    for index in range(count):
        code = calls.unicode(handle, index)
        ch = chr(code) if code else ""
        if not ch or ch.isspace() or ch in "\x02\ufffe":
            out.append(None)
            continue
        calls.char_box(handle, index, *refs)
        calls.loose_char_box(handle, index, loose_ref)
        out.append((ch, left.value, right.value, height - loose.top, height - loose.bottom))
    return out


def words_of_glyphs(glyphs: list[tuple[str, float, float, float, float] | None]) -> list[dict]:
    """Glyphs (None: a word ends) cut into words: a new word where a glyph is not on the
    last one's line (tops apart by half a line or more), is more than WORD_GAP right of it,
    or starts left of its start."""
    words: list[dict] = []
    current: list[tuple[str, float, float, float, float]] = []
    for box in glyphs:
        if box is None:
            if current:
                words.append(_word(current))
                current = []
            continue
        if current:
            last = current[-1]
            same_line = abs(last[3] - box[3]) < max(last[4] - last[3], 1.0) / 2
            if not same_line or box[1] - last[2] > WORD_GAP or box[1] < last[1] - 1:
                words.append(_word(current))
                current = []
        current.append(box)
    if current:
        words.append(_word(current))
    return words


#: What PDFium's text holds that no glyph draws: its line breaks, nothing.
_NOT_DRAWN = frozenset("\r\n\x00")
#: PDFium's marks for a hyphen it takes for a line-end break ("quasi-" at the end of a
#: cell's line): a drawn hyphen all the same, which pdfminer reads as "-".
_BREAK_HYPHENS = {"\x02": "-", "\ufffe": "-"}


def table_chars(textpage: Any, height: float) -> list[dict]:
    """A page's characters as the table finder's cells take them (text, x0, x1, top,
    bottom): the glyphs the content draws and the spaces PDFium puts in their gaps (some
    producers' space glyphs come back only as those), never its line breaks; each with its
    loose box: from its origin across its advance, a font size high from its descent, the
    box pdfminer gives a character (tests/test_lattice.py compares the cells' text with
    pdfplumber's). In C when the package was built with its compiled loops (pdf/_chars.c,
    the same calls and arithmetic: ~1.5 us a character in Python), else in Python."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    # one call for the text (a UTF-16 unit per character index, unless astral characters
    # shift it), and only spaces asked whether PDFium made them: the calls are the cost
    text = textpage.get_text_range(0, count)
    handle = bare_handle(textpage)
    if _compiled_chars is None:
        return table_chars_python(handle, text_calls(), count, text, height)
    return table_chars_compiled(handle, table_call_addresses(), count, text, height)


def table_chars_compiled(
    handle: ctypes.c_void_p, addresses: tuple[int, ...], count: int, text: str, height: float
) -> list[dict]:
    """`table_chars` by the compiled loop, calling the functions at `addresses` (the order
    of `pdf.calls.table_call_addresses`). Raises ImportError when the package was built
    without it."""
    if _compiled_chars is None:
        raise ImportError("annualcheck was built without its compiled character loops")
    return _compiled_chars.table_chars(text, count, handle.value, *addresses, height)


def table_chars_python(
    handle: ctypes.c_void_p, calls: TextCalls, count: int, text: str, height: float
) -> list[dict]:
    """`table_chars` in Python, calling `calls` (the compiled loop is checked against this
    one, tests/test_compiled_chars.py)."""
    loose = pdfium_c.FS_RECTF()
    loose_ref = ctypes.byref(loose)
    aligned = len(text) == count
    get_unicode, generated, get_box = calls.unicode, calls.is_generated, calls.loose_char_box
    out: list[dict] = []
    for index in range(count):
        ch = text[index] if aligned else chr(get_unicode(handle, index) or 0)
        if ch in _NOT_DRAWN:
            continue
        ch = _BREAK_HYPHENS.get(ch, ch)
        if ch == " " and generated(handle, index) == 1:
            if out:  # as a space glyph drawn right after the glyph before it
                last = out[-1]
                out.append({"text": " ", "x0": last["x1"], "x1": last["x1"],
                            "top": last["top"], "bottom": last["bottom"]})  # fmt: skip
            continue
        get_box(handle, index, loose_ref)
        out.append(
            {
                "text": ch,
                "x0": loose.left,
                "x1": loose.right,
                "top": height - loose.top,
                "bottom": height - loose.bottom,
            }
        )
    return out


__all__ = [
    "page_words",
    "table_chars",
    "table_chars_compiled",
    "table_chars_python",
    "word_glyphs_compiled",
    "word_glyphs_python",
    "words_of_glyphs",
]
