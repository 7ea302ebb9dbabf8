"""One odd page never loses the report (issue 13, item 4): an unreadable page is skipped
with a warning naming it, the text-layer test samples the whole file, implausible years are
refused, and a report without its contents pages is read from its headings, with a warning."""

from __future__ import annotations

import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import annualcheck.pdf.document as document
from annualcheck.batch.series import page_warnings
from annualcheck.extract.meta import check_plausible_year
from annualcheck.model.errors import NotThisSeriesError, TruncatedPdfError
from annualcheck.pdf.validate import check_bytes, check_document
from helpers.badpdfs import REPORT_2020, text_pdf
from helpers.builders import record
from helpers.expected_compare import load_expected, section2_differences


def test_text_after_many_blank_pages_is_found(tmp_path):
    text = text_pdf(tmp_path / "text.pdf", ["Measures to Combat Trafficking in Persons"])
    doc = pdfium.PdfDocument.new()
    for _ in range(35):
        doc.new_page(595, 842)
    source = pdfium.PdfDocument(str(text))
    doc.import_pages(source)
    out = tmp_path / "late-text.pdf"
    doc.save(str(out))
    doc.close()
    source.close()
    facts = check_document(check_bytes(out))
    assert facts.pages == 36


def test_unreadable_page_is_skipped_and_named(monkeypatch):
    real = document.read_page

    def fails_on_two(pdf_page, number):
        if number == 2:
            raise pdfium.PdfiumError("cannot load page")
        return real(pdf_page, number)

    monkeypatch.setattr(document, "read_page", fails_on_two)
    with document.open_pdf(REPORT_2020) as doc:
        assert doc.skipped_pages == [2]
        assert doc.pages[1].lines == [] and doc.pages[1].number == 2
        assert doc.pages[2].number == 3 and doc.pages[2].lines
    rec = record(2020)
    rec.source.skipped_pages = [2]
    (line,) = page_warnings("r.pdf", rec)
    assert line.startswith("r.pdf: warning: page 2 cannot be read") and "skipped" in line


def test_no_readable_page_is_a_damaged_file(monkeypatch):
    def always_fails(pdf_page, number):
        raise pdfium.PdfiumError("cannot load page")

    monkeypatch.setattr(document, "read_page", always_fails)
    with pytest.raises(TruncatedPdfError, match="none of its pages"):
        document.open_pdf(REPORT_2020)


@pytest.mark.parametrize("year", [1900, 2004, datetime.date.today().year + 1, 2999])
def test_implausible_years_are_refused(year):
    with pytest.raises(NotThisSeriesError, match=f"report year {year}"):
        check_plausible_year("r.pdf", year, 2005)


@pytest.mark.parametrize("year", [2005, 2020, datetime.date.today().year])
def test_plausible_years_pass(year):
    check_plausible_year("r.pdf", year, 2005)


def frame_variant(tmp_path, kind: str):
    doc = pdfium.PdfDocument(str(REPORT_2020))
    for index in range(len(doc)):
        page = doc[index]
        if kind == "rotate":
            page.set_rotation(90)
        else:
            left, bottom, right, top = page.get_mediabox()
            page.set_cropbox(left + 30, bottom + 30, right - 30, top - 30)
    out = tmp_path / f"{kind}.pdf"
    doc.save(str(out))
    doc.close()
    return out


@pytest.fixture(scope="module")
def base_2020(records):
    """The unmodified 2020 report's record (the session's: read once for every test)."""
    return records[2020]


@pytest.mark.slow  # two whole reports re-read; CI runs it
@pytest.mark.parametrize("kind", ["rotate", "crop"])
def test_rotated_and_cropped_pages_read_like_the_original(tmp_path, kind, base_2020):
    """/Rotate 90 kept 1 of Table 2's 32 rows and a 30 pt CropBox inset 20: pdfium and
    pdfplumber measured from different frames. Both now read one plain frame."""
    from annualcheck.extract.pipeline import extract_record
    from annualcheck.profiles import get_profile

    rec = extract_record(frame_variant(tmp_path, kind), profile=get_profile("jp-tip"))
    assert len(rec.tables["table2"].rows) == len(base_2020.tables["table2"].rows) == 32
    assert [f.key for f in rec.figures] == [f.key for f in base_2020.figures]
    assert rec.source.sha256 != base_2020.source.sha256  # the file's own hash, not the copy's


def without_contents(tmp_path) -> Path:
    """reports/2020.pdf without its contents (pages 2-5, read in the PDF: page 2 opens with
    "Contents", page 6 with the first heading of the body)."""
    source = pdfium.PdfDocument(str(REPORT_2020))
    assert source[1].get_textpage().get_text_range().startswith("Contents")
    assert source[5].get_textpage().get_text_range().startswith("1 Introduction")
    doc = pdfium.PdfDocument.new()
    doc.import_pages(source, [0, *range(5, len(source))])
    out = tmp_path / "2020-no-contents.pdf"
    doc.save(str(out))
    doc.close()
    source.close()
    return out


def test_a_report_without_contents_is_read_from_its_headings(tmp_path, base_2020):
    """Without contents, 102 of 120 figures were read, silently: the heading after a table
    ("iii) Cases" after Table 3) did not end the table, since only the contents named it."""
    from annualcheck.checks import run_checks
    from annualcheck.extract.pipeline import extract_record
    from annualcheck.profiles import get_profile

    profile = get_profile("jp-tip")
    rec = extract_record(without_contents(tmp_path), profile=profile)
    expected = load_expected(2020)
    assert section2_differences(rec, expected) == []  # all of section 2 (1), as with contents
    assert section2_differences(base_2020, expected) == []
    assert [s.number for s in rec.sections] == [s.number for s in base_2020.sections]
    assert rec.toc == [] and rec.source.sections_from == "headings"
    assert base_2020.source.sections_from == "contents"
    findings = run_checks([rec], profile=profile)
    [warning] = [f for f in findings if f.rule == "toc-caption" and f.key == "contents"]
    assert warning.severity == "warning" and "no contents" in warning.message
    errors = {(f.rule, f.key) for f in findings if f.severity == "error"}
    full = {
        (f.rule, f.key) for f in run_checks([base_2020], profile=profile) if f.severity == "error"
    }
    assert errors <= full
