"""How a record was read, and what that does to its findings: OCR'd text (errors become
warnings that say why) and sections read without the contents (a warning)."""

from __future__ import annotations

from annualcheck.checks.source import check_sections_source, demote_ocr_error
from annualcheck.layout.blocks import _contents_agree
from annualcheck.model.findings import Finding
from annualcheck.model.record import Record, ReportMeta, Section, Source, TocEntry
from annualcheck.pdf.ocr import is_ocr_output


def _record(**source) -> Record:
    meta = ReportMeta(title="t", published=None, report_year=2020, data_year=2019)
    return Record(source=Source(file="x.pdf", sha256="0", pages=1, **source), report=meta)


def test_ocr_producers_are_recognised():
    assert is_ocr_output({"producer": "Tesseract 5.3.0"})
    assert is_ocr_output({"creator": "ocrmypdf 16.0 / Tesseract OCR-PDF 5.3"})
    assert not is_ocr_output({"producer": "WeasyPrint 70.0"})
    assert not is_ocr_output({})


def test_an_error_on_ocr_text_becomes_a_warning_that_says_why():
    error = Finding("list-count", "error", 2020, "the text says 6, the list has 5 items")
    demoted = demote_ocr_error(error)
    assert demoted.severity == "warning"
    assert "OCR" in demoted.message and demoted.message.startswith(error.message)
    info = Finding("stated-change", "info", 2020, "not checked")
    assert demote_ocr_error(info) is info


def test_sections_from_headings_give_a_warning():
    record = _record(sections_from="headings")
    record.sections = [Section("1", "Introduction", 1, 3), Section("2", "Data", 1, 5)]
    [warning] = check_sections_source(record)
    assert warning.severity == "warning" and "headings" in warning.message
    assert "no contents" in warning.message  # this record has none
    assert warning.evidence[0].page == 3 and "Introduction" in warning.evidence[0].quote
    record.toc = _toc("1", "9")
    [warning] = check_sections_source(record)
    assert "cannot be read" in warning.message and "no contents" not in warning.message
    assert check_sections_source(_record()) == []


def _toc(*labels: str) -> list[TocEntry]:
    return [
        TocEntry(label, label, None, label.count("(") + label.count(")") + 1) for label in labels
    ]


def _sections(*labels: str) -> list[Section]:
    return [Section(label, label, 1, 1) for label in labels]


def test_contents_agree_when_the_body_prints_what_they_list():
    toc = _toc("1", "2", "2 (1)", "3", "4")
    assert _contents_agree(toc, _sections("1", "2", "2 (1)", "3", "4"))
    assert not _contents_agree(toc, _sections("1"))


def test_contents_that_list_hardly_anything_agree_only_with_as_little():
    toc = _toc("1")
    assert _contents_agree(toc, _sections("1"))
    assert not _contents_agree(toc, _sections("1", "2", "3", "4"))
