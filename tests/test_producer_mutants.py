"""A mutant of the 2020 text is still caught whatever program printed it.

Each tests/fixtures/2020-mutant-<producer>-<case>.pdf is the real 2020 text with one change
(a caption's count, a trial result of Table 2), printed by one producer family: reportlab,
Chromium, WeasyPrint, LibreOffice, Ghostscript (re-distilling the LibreOffice mutant) and an
OCR'd scan (python -m testdata.render_producer_mutants made them; they are committed, so
these tests run everywhere; reading each whole rendering is slow, so CI runs them with the
other slow tests). The mutant's rule must flag it, citing the page that prints the
change (found here by reading the PDF's text, not from the tool), and nothing else may reach
error level but the real finding (toc-caption on Figure 8). On OCR'd text every contradiction
is reported as a warning, never an error: there the mutant must be flagged as a warning.
"""

from __future__ import annotations

import re
import shutil

import pytest

from annualcheck.profiles import get_profile
from helpers.paths import committed
from testdata.render_producer_mutants import MUTANTS, mutated_source

PROFILE = get_profile("jp-tip")
REAL = ("toc-caption", "Figure 8")
TABLE2_CAPTION = "[Table 2] Charges imposed on the 32 prosecuted persons"
BY_NAME = {m.name: m for m in MUTANTS}
#: Each family of producers the tests cover (OCR'd scan included).
FAMILIES = {"reportlab", "chromium", "weasyprint-a5-sans", "libreoffice-a4-serif", "ghostscript"}


@pytest.fixture(scope="module")
def read_mutants():
    """Each committed mutant extracted and checked once: (record, findings)."""
    from annualcheck.checks import run_checks
    from annualcheck.extract.pipeline import extract_record

    out = {}
    for mutant in MUTANTS:
        record = extract_record(committed(mutant.path), profile=PROFILE)
        out[mutant.name] = (record, run_checks([record], profile=PROFILE))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def body_page_printing(path, words: str) -> int | None:
    """The last page whose text holds `words`, read with pypdfium2 (lines joined, so words
    wrapped onto the next line still match): the body, not the contents pages before it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        found = None
        for n, page in enumerate(pdf, start=1):
            textpage = page.get_textpage()
            if words in _squash(textpage.get_text_range()):
                found = n
            textpage.close()
            page.close()
        return found
    finally:
        pdf.close()


def test_every_producer_family_has_a_mutant():
    assert {m.producer for m in MUTANTS} >= FAMILIES


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_mutant_changes_one_place(name):
    """The change is made once in the source, and the words it prints are new."""
    from testdata.render_producer_mutants import SOURCE

    mutant = BY_NAME[name]
    original = SOURCE.read_text(encoding="utf-8")
    changed = mutated_source(mutant)
    assert changed != original
    assert mutant.printed not in original and mutant.printed in changed


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_mutant_caught_on_its_page(read_mutants, name):
    mutant = BY_NAME[name]
    record, findings = read_mutants[name]
    ocr = record.source.text_from == "ocr"
    flagged = [f for f in findings if f.rule == mutant.rule]
    severity = "warning" if ocr else "error"
    caught = [f for f in flagged if f.severity == severity]
    assert caught, [(f.rule, f.severity, f.message) for f in findings]
    page = body_page_printing(mutant.path, mutant.printed)
    assert page is not None, f"{mutant.printed!r} not found in {mutant.path.name}"
    pages = {page}
    if mutant.rule == "table-count":  # a count of the table: cited on its caption's page
        caption = body_page_printing(mutant.path, TABLE2_CAPTION)
        assert caption == record.tables["table2"].page
        pages.add(caption)
    cited = {e.page for f in caught for e in f.evidence}
    assert cited & pages, (cited, pages)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_nothing_else_at_error_level(read_mutants, name):
    """Besides the mutant's own rule, only the real finding is an error (none at all on
    OCR'd text, where nothing is certain enough to be one)."""
    mutant = BY_NAME[name]
    record, findings = read_mutants[name]
    others = [(f.rule, f.key) for f in findings if f.severity == "error" and f.rule != mutant.rule]
    if record.source.text_from == "ocr":
        assert not [f for f in findings if f.severity == "error"]
    else:
        assert others == [REAL], [f.message for f in findings if f.severity == "error"]


#: Producers that take minutes to print a whole report (LibreOffice prints three times to
#: number its contents, Chromium twice, OCR reads every page): their committed PDFs are read.
SLOW_PROGRAMS = {"chromium", "soffice", "tesseract"}


@pytest.mark.parametrize("name", sorted(BY_NAME))
@pytest.mark.slow
def test_renderer_makes_the_mutant(tmp_path, monkeypatch, name):
    """The renderer prints the case again where its program is installed (skipped, with the
    reason, where it is not), into a folder of the test's own; the case re-distilled or
    scanned from another takes that case's committed PDF."""
    import testdata.render_producer_mutants as renderer

    mutant = BY_NAME[name]
    if mutant.program != "python" and not shutil.which(mutant.program):
        pytest.skip(f"{mutant.program} is not installed")
    if mutant.program in SLOW_PROGRAMS:
        pytest.skip(f"{mutant.producer} takes minutes; its committed PDF is read instead")
    if mutant.producer.startswith("weasyprint"):  # the render extra, not the test extra
        pytest.importorskip(
            "weasyprint", reason="WeasyPrint is not installed (pip install '.[render]')"
        )
    if mutant.source:
        source = committed(BY_NAME[mutant.source].path)
        shutil.copyfile(source, tmp_path / source.name)
    monkeypatch.setattr(renderer, "FIXTURES", tmp_path)
    out = renderer.render_mutant(mutant)
    assert out is not None and out.parent == tmp_path and out.stat().st_size > 10_000
