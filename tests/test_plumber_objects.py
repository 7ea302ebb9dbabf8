"""pdf.plumber builds the same page objects as pdfplumber itself: every dict, key for key,
on table pages of a report and of other producers' renderings (characters, lines,
rectangles, curves), and the fast path is taken only under the pdfplumber it copies."""

from __future__ import annotations

import pdfplumber
import pytest

from annualcheck.pdf.plumber import lean, supported
from helpers.paths import FIXTURES, REPORTS, committed

#: (file, 1-based page): a ruled table page of a report and of a LibreOffice rendering (lines),
#: and a WeasyPrint page that draws rectangles and curves.
PAGES = [
    (REPORTS / "2020.pdf", 13),
    (FIXTURES / "2020-libreoffice-a4-serif.pdf", 16),
    (FIXTURES / "2020-weasyprint-a5-sans.pdf", 2),
]


def _objects(path, number, fast: bool) -> dict:
    with pdfplumber.open(committed(path)) as pdf:
        page = pdf.pages[number - 1]
        if fast:
            page = lean(page)
            assert "process_object" in vars(page)
        return page.objects


def test_lean_page_objects_equal_pdfplumbers():
    if not supported(pdfplumber.__version__):
        pytest.skip(f"pdfplumber {pdfplumber.__version__}: the page keeps its own builder")
    kinds: set[str] = set()
    for path, number in PAGES:
        own, fast = _objects(path, number, False), _objects(path, number, True)
        assert fast.keys() == own.keys()
        for kind, objects in own.items():
            assert fast[kind] == objects, (path.name, number, kind)
        kinds.update(own)
    assert {"char", "line", "rect", "curve"} <= kinds  # every kind was compared


def test_other_pdfplumber_versions_keep_their_own():
    assert supported("0.11.10")
    assert not supported("0.12.0")
    assert not supported("1.0")
