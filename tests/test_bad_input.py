"""One test per kind of bad input: exit status 2, one line on stderr naming the file and the
reason, no traceback (CONTRACT.md, "Bad input")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from annualcheck.cli import cli
from helpers.badpdfs import (
    REPORT_2020,
    SOURCE_2020,
    encrypted_render,
    other_report_pdf,
    png_bytes,
    renderer,
    shapes_pdf,
    text_pdf,
    truncated_copy,
    without_section,
)

PASSWORD = "s3cret"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Tests never touch the user's cache; the session shares one so a good report is
    extracted once."""
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def encrypted_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("encrypted") / "2020-locked.pdf"
    return encrypted_render(SOURCE_2020.read_text(encoding="utf-8"), out, PASSWORD)


@pytest.fixture(scope="session")
def no_section2_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nosec2") / "2020-no-section-2.pdf"
    return renderer()(without_section(SOURCE_2020.read_text(encoding="utf-8"), "2"), out)


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def assert_one_line_error(result, path: Path | str, *words: str) -> str:
    """Exit 2, exactly one line on stderr that names the file, no traceback anywhere."""
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert str(path) in line
    assert "Traceback" not in result.stderr + result.stdout
    for word in words:
        assert word.lower() in line.lower(), line
    return line


def test_missing_path(tmp_path):
    missing = tmp_path / "nowhere" / "2020.pdf"
    assert_one_line_error(run("extract", missing), missing, "no such file")


def test_missing_path_in_check(tmp_path):
    missing = tmp_path / "2099.pdf"
    assert_one_line_error(run("check", missing), missing, "no such file")


def test_folder_without_pdfs(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here")
    assert_one_line_error(run("check", tmp_path), tmp_path, "no PDF")


def test_text_file_renamed_pdf(tmp_path):
    path = tmp_path / "2020.pdf"
    path.write_text("Measures to Combat Trafficking in Persons\nplain text, not a PDF\n")
    assert_one_line_error(run("extract", path), path, "not a PDF", "text")


def test_png_renamed_pdf(tmp_path):
    path = tmp_path / "2020.pdf"
    path.write_bytes(png_bytes())
    assert_one_line_error(run("extract", path), path, "not a PDF", "PNG")


def test_empty_file(tmp_path):
    path = tmp_path / "2020.pdf"
    path.write_bytes(b"")
    assert_one_line_error(run("extract", path), path, "empty")


def test_truncated_pdf(tmp_path):
    path = truncated_copy(REPORT_2020, tmp_path / "2020-half.pdf")
    assert_one_line_error(run("extract", path), path, "truncated")


def test_truncated_pdf_with_eof_marker_kept(tmp_path):
    """Cut from the middle but still ending in %%EOF: the byte check passes, pdfium or the
    extractor must still give one line."""
    data = REPORT_2020.read_bytes()
    path = tmp_path / "2020-holed.pdf"
    path.write_bytes(data[: len(data) // 3] + data[-1024:])
    result = run("extract", path)
    if result.exit_code == 0:
        pytest.skip("pdfium repaired this file completely")
    assert_one_line_error(result, path)


def test_encrypted_pdf_without_password(encrypted_report):
    assert_one_line_error(
        run("extract", encrypted_report), encrypted_report, "encrypted", "--password"
    )


def test_encrypted_pdf_wrong_password(encrypted_report):
    line = assert_one_line_error(
        run("extract", encrypted_report, "--password", "wrong"), encrypted_report, "password"
    )
    assert "does not open" in line


@pytest.mark.slow  # a whole report read; CI runs it
def test_encrypted_pdf_with_password(encrypted_report):
    result = run("extract", encrypted_report, "--password", PASSWORD, "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert '"report_year": 2020' in result.stdout


def test_small_encrypted_pdf_opens_with_password(tmp_path):
    """The password reaches the pre-checks: a locked non-report fails for being another
    series, not for being encrypted."""
    path = text_pdf(tmp_path / "locked.pdf", ["Quarterly bulletin of a sports club"], PASSWORD)
    line = assert_one_line_error(run("extract", path, "--password", PASSWORD), path)
    assert "not a report of the series" in line.split(str(path), 1)[1]


def test_no_text_layer(tmp_path):
    path = shapes_pdf(tmp_path / "scan.pdf")
    assert_one_line_error(run("extract", path), path, "no text layer", "OCR")


def test_not_this_series(tmp_path):
    path = other_report_pdf(tmp_path / "fisheries.pdf")
    assert_one_line_error(run("extract", path), path, "not a report of the series")


def test_no_section_2(no_section2_report):
    assert_one_line_error(run("extract", no_section2_report), no_section2_report, "section 2")


def test_two_reports_of_the_same_year(tmp_path):
    first = tmp_path / "a-2020.pdf"
    second = tmp_path / "b-copy.pdf"
    shutil.copy(REPORT_2020, first)
    shutil.copy(REPORT_2020, second)
    line = assert_one_line_error(run("check", tmp_path), second, "2020")
    assert str(first) in line


def test_page_limit(tmp_path):
    line = assert_one_line_error(run("extract", REPORT_2020, "--max-pages", "3"), REPORT_2020)
    assert "over the limit of 3" in line and "--max-pages" in line


def test_size_limit(tmp_path):
    line = assert_one_line_error(run("extract", REPORT_2020, "--max-mb", "0.01"), REPORT_2020)
    assert "MB" in line and "--max-mb" in line


def test_page_limit_applies_to_cached_records(tmp_path):
    """A warm cache must not let a file past --max-pages."""
    assert run("extract", REPORT_2020).exit_code == 0
    line = assert_one_line_error(run("extract", REPORT_2020, "--max-pages", "2"), REPORT_2020)
    assert "over the limit of 2" in line


def test_unexpected_exception_is_one_line(tmp_path, monkeypatch):
    """A bug deep in extraction is reported as that file's error, not a traceback."""
    import annualcheck.extract.pipeline as extract

    def boom(path, password=None, profile=None, page_parts=1):
        raise KeyError("xref\nstream 12")

    monkeypatch.setattr(extract, "extract_record", boom)
    line = assert_one_line_error(run("extract", REPORT_2020, "--no-cache"), REPORT_2020)
    assert "could not be read: KeyError" in line


def test_unexpected_exception_with_debug_shows_it(monkeypatch):
    import annualcheck.extract.pipeline as extract

    def boom(path, password=None, profile=None, page_parts=1):
        raise KeyError("xref")

    monkeypatch.setattr(extract, "extract_record", boom)
    result = run("--debug", "extract", REPORT_2020, "--no-cache")
    assert result.exit_code != 0
    assert result.exception is not None
    assert isinstance(result.exception.__cause__, KeyError)


def test_batch_one_good_one_bad(tmp_path):
    """The good report is processed, the bad one named, exit 2."""
    shutil.copy(REPORT_2020, tmp_path / "2020.pdf")
    bad = tmp_path / "2021.pdf"
    bad.write_text("not a pdf")
    out = tmp_path / "out" / "figures.csv"
    out.parent.mkdir()
    result = run("export", tmp_path, "-o", out)
    assert_one_line_error(result, bad, "not a PDF")
    assert "victims.total" in out.read_text(encoding="utf-8")


@pytest.mark.slow  # a whole report read twice; CI runs it
def test_encrypted_report_is_not_served_from_cache(encrypted_report, tmp_path, monkeypatch):
    """After a run with the password, a run without it still fails: nothing was cached."""
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path / "cache"))
    assert run("extract", encrypted_report, "--password", PASSWORD).exit_code == 0
    assert not list((tmp_path / "cache").glob("*.json"))
    assert_one_line_error(run("extract", encrypted_report), encrypted_report, "encrypted")
