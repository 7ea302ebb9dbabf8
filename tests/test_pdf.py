"""The PDF layer: lines with boxes from both producers, metadata, hash, lazy pdfplumber,
and every kind of bad input as our own error type (never a pypdfium2 exception)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from annualcheck.model.errors import (
    AnnualcheckError,
    EmptyFileError,
    EncryptedPdfError,
    NoTextLayerError,
    NotPdfError,
    TruncatedPdfError,
)
from annualcheck.pdf.document import open_pdf
from helpers.paths import committed


def _need(path: Path) -> Path:
    return committed(path)  # a committed PDF that is missing fails the run


@pytest.fixture(scope="module")
def doc_2020(report_pdfs):
    with open_pdf(_need(report_pdfs[2020])) as doc:
        yield doc


@pytest.fixture(scope="module")
def doc_alt(alt_2020_pdf):
    with open_pdf(_need(alt_2020_pdf)) as doc:
        yield doc


@pytest.fixture(params=["reportlab", "chromium"])
def doc(request, doc_2020, doc_alt):
    return doc_2020 if request.param == "reportlab" else doc_alt


def _all_text(doc) -> str:
    return "\n".join(page.text for page in doc.pages)


def test_pages_match_the_file(doc):
    raw = pdfium.PdfDocument(str(doc.path))
    try:
        assert doc.page_count == len(raw) == len(doc.pages)
        width, height = raw[0].get_size()
    finally:
        raw.close()
    assert [p.number for p in doc.pages] == list(range(1, doc.page_count + 1))
    assert (doc.pages[0].width, doc.pages[0].height) == pytest.approx((width, height))


def test_hash_and_metadata(doc):
    assert doc.sha256 == hashlib.sha256(doc.path.read_bytes()).hexdigest()
    assert "Measures to Combat Trafficking in Persons" in doc.metadata["title"]


def test_line_boxes_are_top_left_points_inside_the_page(doc):
    for page in doc.pages:
        for line in page.lines:
            box = line.bbox
            assert 0 <= box.x0 < box.x1 <= page.width + 1
            assert 0 <= box.top < box.bottom <= page.height + 1
            assert line.size > 0 and line.text == line.text.strip() and line.text
        tops = [line.bbox.top for line in page.lines]
        assert tops == sorted(tops), f"page {page.number}: lines not top to bottom"
    # the title page prints the title above the date
    first = doc.pages[0].lines
    title = next(ln for ln in first if "Measures to Combat" in ln.text)
    date = next(ln for ln in first if "May 25, 2020" in ln.text)
    assert title.bbox.bottom < date.bbox.top


def test_words_survive_both_producers(doc):
    text = " ".join(_all_text(doc).split())
    # from the 2020 text, section 2 (1) i)
    assert "who were put under protection in 2019 was" in text
    assert "47 (20 more than in 2018)" in text
    # a footnote reference is taken out of the sentence, not glued to a word
    assert "Concerning Measures Against Crime held on December 16, 2014" in text
    assert "Crime1 held" not in text
    # no line is two printed lines interleaved (pdfium may run lines together)
    assert "tended to be forced to engage in prostitution" in text


def test_table_rows_keep_their_cells(doc):
    rows = [ln for page in doc.pages for ln in page.lines if ln.cells[:1] == ["No."]]
    assert rows, "the trial tables' header rows"
    assert all(ln.cells[-1] == "Results of trial" for ln in rows)


def test_plumber_pages_open_lazily(report_pdfs):
    with open_pdf(_need(report_pdfs[2020])) as doc:
        assert doc._plumber is None
        page = doc.plumber_page(1)
        assert "Measures to Combat" in (page.extract_text() or "")
    assert doc._plumber is None  # closed with the document


# -- bad input ---------------------------------------------------------------------------


def _raises(kind: type[AnnualcheckError], path: Path, password: str | None = None):
    with pytest.raises(kind) as info:
        open_pdf(path, password=password)
    assert str(path) in str(info.value)
    return info.value


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    _raises(EmptyFileError, path)


def test_not_a_pdf(tmp_path):
    from helpers.badpdfs import png_bytes

    text = tmp_path / "notes.pdf"
    text.write_text("This is a text file named .pdf\n")
    _raises(NotPdfError, text)
    png = tmp_path / "image.pdf"
    png.write_bytes(png_bytes())
    _raises(NotPdfError, png)


def test_truncated(tmp_path, report_pdfs):
    from helpers.badpdfs import truncated_copy

    for fraction in (0.5, 0.97):
        path = truncated_copy(_need(report_pdfs[2020]), tmp_path / f"cut{fraction}.pdf", fraction)
        _raises(TruncatedPdfError, path)


def test_garbage_after_header_is_damaged(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 200 + b"\n%%EOF\n")
    _raises(TruncatedPdfError, path)


def test_encrypted(tmp_path):
    from helpers.badpdfs import text_pdf

    path = text_pdf(
        tmp_path / "locked.pdf", ["Measures to Combat Trafficking in Persons"], "s3cret"
    )
    missing = _raises(EncryptedPdfError, path)
    assert "password" in str(missing)
    wrong = _raises(EncryptedPdfError, path, password="wrong")
    assert "wrong password" in str(wrong)
    with open_pdf(path, password="s3cret") as doc:
        assert "Measures to Combat" in doc.pages[0].text


def test_no_text_layer(tmp_path):
    from helpers.badpdfs import shapes_pdf

    _raises(NoTextLayerError, shapes_pdf(tmp_path / "scan.pdf"))


def test_folder_is_not_a_pdf(tmp_path):
    _raises(NotPdfError, tmp_path)


def test_missing_file(tmp_path):
    from annualcheck.model.errors import MissingPathError

    _raises(MissingPathError, tmp_path / "nowhere.pdf")


def test_owner_password_only_opens_without_a_password(tmp_path):
    from helpers.badpdfs import text_pdf

    path = text_pdf(tmp_path / "restricted.pdf", ["Measures to Combat Trafficking"], encrypt="")
    with open_pdf(path) as doc:
        assert "Measures to Combat Trafficking" in doc.pages[0].text
