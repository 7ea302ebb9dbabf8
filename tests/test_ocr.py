"""Scans: refused by default with the "no text layer" error; read with --ocr (OCRmyPDF and
tesseract), the OCR'd copy cached by the scan's hash; a clear error when the tools are missing."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from annualcheck.cli import cli
from helpers.paths import FIXTURES

SCAN = FIXTURES / "2020-image-only.pdf"  # page 1 of reports/2020.pdf, rasterised (no text)


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_scan_is_refused_without_ocr(tmp_path):
    result = run("extract", "--no-cache", SCAN, env={"ANNUALCHECK_CACHE_DIR": str(tmp_path)})
    assert result.exit_code == 2
    assert "no text layer" in result.output
    assert "Traceback" not in result.output


def test_missing_ocr_tools_are_named(tmp_path, monkeypatch):
    import annualcheck.pdf.ocr as ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    result = run("extract", "--ocr", SCAN, env={"ANNUALCHECK_CACHE_DIR": str(tmp_path)})
    assert result.exit_code == 2
    assert "tesseract" in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cached_copy_is_read_without_running_ocr(tmp_path, monkeypatch):
    """A copy under the scan's hash is used as it is: OCR is not run again."""
    import annualcheck.pdf.ocr as ocr
    from annualcheck.batch.cache import file_sha256

    sha = file_sha256(SCAN)
    cached = ocr.ocr_path(tmp_path, sha)
    cached.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "2020-weasyprint-a5-sans.pdf", cached)
    monkeypatch.setattr(ocr, "missing_ocr_tools", lambda: pytest.fail("OCR was run again"))
    assert ocr.ocr_copy(SCAN, tmp_path, sha) == cached


@pytest.mark.slow  # OCR of one page takes tens of seconds on a busy machine
@pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed (apt-get install tesseract-ocr)",
)
def test_ocr_gives_the_scan_a_text_layer(tmp_path):
    pytest.importorskip("ocrmypdf", reason="the OCR extra is not installed (pip install '.[ocr]')")
    from annualcheck.batch.cache import file_sha256
    from annualcheck.pdf.document import open_pdf
    from annualcheck.pdf.ocr import ocr_copy

    out = ocr_copy(SCAN, tmp_path, file_sha256(SCAN))
    assert out.parent == tmp_path / "ocr"
    text = " ".join(line.text for page in open_pdf(out).pages for line in page.lines)
    assert "Trafficking" in text and "Persons" in text
