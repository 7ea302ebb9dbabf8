"""PDFium's per-character text functions, called without ctypes' argument conversion.

Why: a report's text is ~170,000 characters, and each is asked for its box (and some for
their origin and size): a few hundred thousand calls, the largest share of reading a
report. pypdfium2's bindings declare every argument's type, so each call converts and
checks its arguments in Python; called through a bare prototype, with the text page as one
`c_void_p` and the output buffers passed by a reference made once, a call costs about half
(measured on reports/2020.pdf: the page-reading loop 0.59 s → 0.44 s CPU). The functions
and their results are PDFium's own; only the way Python reaches them changes.
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c


def _bare(function: Any, restype: Any) -> Any:
    """`function` (a pypdfium2 binding) as a prototype that declares its result only: the
    caller passes arguments already of the C types (c_void_p, int, references)."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


@dataclass(frozen=True)
class TextCalls:
    """The bare text-page functions a page's characters are read with."""

    char_box: Any  # (page, index, &left, &right, &bottom, &top) -> bool
    loose_char_box: Any  # (page, index, &FS_RECTF) -> bool
    char_origin: Any  # (page, index, &x, &y) -> bool
    font_size: Any  # (page, index) -> double
    matrix: Any  # (page, index, &FS_MATRIX) -> bool
    unicode: Any  # (page, index) -> unsigned int
    is_generated: Any  # (page, index) -> int


@functools.cache
def text_calls() -> TextCalls:
    """The prototypes, made once a process (they are immutable function pointers)."""
    return TextCalls(
        char_box=_bare(pdfium_c.FPDFText_GetCharBox, ctypes.c_int),
        loose_char_box=_bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
        char_origin=_bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int),
        font_size=_bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double),
        matrix=_bare(pdfium_c.FPDFText_GetMatrix, ctypes.c_int),
        unicode=_bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint),
        is_generated=_bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int),
    )


def _addresses(*functions: Any) -> tuple[int, ...]:
    """The addresses of pypdfium2's bound PDFium functions, in the given order: the library
    is the one pypdfium2 loaded, the compiled loops link against no PDFium of their own."""
    return tuple(ctypes.cast(f, ctypes.c_void_p).value for f in functions)  # type: ignore[misc]


@functools.cache
def call_addresses() -> tuple[int, ...]:
    """The functions the compiled character loop calls (pdf/_chars.c), in its order: box,
    origin, font size, matrix, unicode."""
    return _addresses(
        pdfium_c.FPDFText_GetCharBox,
        pdfium_c.FPDFText_GetCharOrigin,
        pdfium_c.FPDFText_GetFontSize,
        pdfium_c.FPDFText_GetMatrix,
        pdfium_c.FPDFText_GetUnicode,
    )


@functools.cache
def table_call_addresses() -> tuple[int, ...]:
    """The functions the compiled loop of `words.table_chars` calls, in its order: unicode,
    is generated, loose box."""
    return _addresses(
        pdfium_c.FPDFText_GetUnicode,
        pdfium_c.FPDFText_IsGenerated,
        pdfium_c.FPDFText_GetLooseCharBox,
    )


@functools.cache
def word_call_addresses() -> tuple[int, ...]:
    """The functions the compiled loop of `words.word_glyphs_python` calls, in its order:
    unicode, box, loose box."""
    return _addresses(
        pdfium_c.FPDFText_GetUnicode,
        pdfium_c.FPDFText_GetCharBox,
        pdfium_c.FPDFText_GetLooseCharBox,
    )


def bare_handle(textpage: Any) -> ctypes.c_void_p:
    """A pypdfium2 text page's handle as the `c_void_p` the bare prototypes take."""
    return ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)


__all__ = [
    "TextCalls",
    "bare_handle",
    "call_addresses",
    "table_call_addresses",
    "text_calls",
    "word_call_addresses",
]
