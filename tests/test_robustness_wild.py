"""Real-world PDFs nobody in this project made (../shared/wild/: PDFium's and py-pdf's test
files, many deliberately malformed), alone and appended to a real report, and a seeded fuzz
of the report's structure (issue 13, item 7).

Alone, every file gets a record or one clear line naming it, no traceback, no hang. Appended
to the 2020 report, the report still reads (the odd page is skipped with a warning when it
cannot be read). The default run takes a fixed sample; `-m slow` runs the whole corpus.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from annualcheck.batch.series import LoadOptions, load_series
from annualcheck.model.record import Record
from annualcheck.profiles import get_profile
from helpers.badpdfs import REPORT_2020

#: A corpus (real-world PDFs, alone and appended to a report): slow, run by CI.
pytestmark = pytest.mark.slow

PROFILE = get_profile("jp-tip")

ROOT = Path(__file__).resolve().parents[1]
WILD = Path(__file__).resolve().parents[1].parent / "shared" / "wild"
#: Per-file bound: a real report takes seconds; the bound only catches a hang.
FILE_BOUND_S = 60.0

#: A fixed sample across producers and kinds of damage (names as in ../shared/wild/).
SAMPLE = [
    "pypdf/001-trivial__minimal-document.pdf",
    "pypdf/004-pdflatex-4-pages__pdflatex-4-pages.pdf",
    "pypdf/005-libreoffice-writer-password__libreoffice-writer-password.pdf",
    "pypdf/007-imagemagick-images__imagemagick-CCITTFaxDecode.pdf",
    "pypdf/015-arabic__habibi-rotated.pdf",
    "pypdf/017-unreadable-meta-data__unreadablemetadata.pdf",
    "pypdf/024-annotations__annotated_pdf.pdf",
    "pdfium/testing__resources__about_blank.pdf",
    "pdfium/testing__resources__bad_dict_keys.pdf",
    "pdfium/testing__resources__bug_113.pdf",
    "pdfium/testing__resources__bug_1058653.pdf",
    "pdfium/testing__resources__bug_420508260.pdf",
    "pdfium/testing__resources__bug_454695.pdf",
    "pdfium/testing__resources__vertical_text.pdf",
    "pdfium/testing__resources__weblinks.pdf",
]
#: The few appended to the real report in the default run (each costs one extraction).
APPEND_SAMPLE = [
    SAMPLE[4],
    SAMPLE[10],
    # a page with no MediaBox: pdfplumber refused the whole report ("'NoneType' object is not
    # iterable"), found by appending the corpus
    "pdfium/testing__resources__bug_552046.pdf",
    # a page whose MediaBox is too short: pdfplumber raised while building every page, both to
    # read a table page and to close the file
    "pdfium/testing__resources__bug_113.pdf",
]

needs_wild = pytest.mark.skipif(not WILD.is_dir(), reason=f"{WILD} (shared test PDFs) absent")


def all_wild() -> list[str]:
    if not WILD.is_dir():
        return []
    return sorted(str(p.relative_to(WILD)) for p in WILD.rglob("*.pdf"))


def options(tmp_path: Path) -> LoadOptions:
    return LoadOptions(
        profile=PROFILE, jobs=1, use_cache=False, timeout=FILE_BOUND_S, cache_dir=tmp_path
    )


def read_alone(path: Path, tmp_path: Path) -> None:
    """A record or one clean error line naming the file, within the bound."""
    started = time.monotonic()
    result = load_series([path], options(tmp_path))
    assert time.monotonic() - started < FILE_BOUND_S * 1.5
    assert len(result.records) + len(result.errors) == 1
    for error in result.errors:
        line = error.line()
        assert "\n" not in line and str(path) in line
        line.encode("utf-8")
        assert "internal error" not in line and "Traceback" not in line
    for record in result.records:
        assert isinstance(record, Record)
        record.to_json().encode("utf-8")


def appended(report: Path, extra: Path, out: Path) -> Path | None:
    """The report with the extra file's pages appended: by qpdf when installed (keeps the
    page's own structure), else by pdfium. None when neither can read the extra file."""
    qpdf = shutil.which("qpdf")
    if qpdf:
        done = subprocess.run(
            [qpdf, "--warning-exit-0", "--no-warn", str(report), "--pages", str(report),
             str(extra), "--", str(out)],
            capture_output=True, timeout=60,
        )  # fmt: skip
        if done.returncode == 0 and out.exists():
            return out
    try:
        doc = pdfium.PdfDocument(str(report))
        other = pdfium.PdfDocument(str(extra))
        doc.import_pages(other)
        doc.save(str(out))
    except pdfium.PdfiumError:
        return None
    return out


def read_appended(name: str, tmp_path: Path) -> None:
    out = appended(REPORT_2020, WILD / name, tmp_path / "with-extra.pdf")
    if out is None:
        pytest.skip(f"{name}: neither qpdf nor pdfium can take its pages")
    result = load_series([out], options(tmp_path))
    assert not result.errors, result.errors[0].line()
    (record,) = result.records
    assert record.report.report_year == 2020
    assert record.value("victims.total", "2019") == 47
    assert record.source.skipped_pages == [] or all(
        "warning: page" in note for note in result.notes if "cannot be read" in note
    )


@needs_wild
@pytest.mark.parametrize("name", SAMPLE)
def test_wild_file_alone(name, tmp_path):
    read_alone(WILD / name, tmp_path)


@needs_wild
@pytest.mark.parametrize("name", APPEND_SAMPLE)
def test_wild_file_appended_to_a_report(name, tmp_path):
    read_appended(name, tmp_path)


@needs_wild
@pytest.mark.slow
@pytest.mark.parametrize("name", all_wild())
def test_every_wild_file_alone(name, tmp_path):
    read_alone(WILD / name, tmp_path)


@needs_wild
@pytest.mark.slow
@pytest.mark.parametrize("name", all_wild())
def test_every_wild_file_appended(name, tmp_path):
    read_appended(name, tmp_path)


@needs_wild
@pytest.mark.slow
def test_whole_corpus_through_the_cli(tmp_path):
    """One `check` over every wild file: one line per file, exit 2, no traceback, no hang."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ANNUALCHECK_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "annualcheck.cli", "check", "--no-cache", "--jobs", "2",
         "--timeout", "60", str(WILD / "pdfium"), str(WILD / "pypdf")],
        capture_output=True, text=True, env=env, timeout=1800,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("annualcheck: ")]
    assert len(lines) >= len(all_wild())


# -- a seeded structural fuzz of the real report ----------------------------------------------


def mutate(report: Path, out: Path, rng: random.Random) -> str:
    """One structural change of the report, chosen by `rng`: a page rotated, a crop box
    inset, pages deleted or duplicated, or a qpdf round trip with object streams."""
    doc = pdfium.PdfDocument(str(report))
    count = len(doc)
    kind = rng.choice(["rotate", "crop", "delete", "duplicate", "qpdf"])
    if kind == "qpdf" and not shutil.which("qpdf"):
        kind = "duplicate"
    index = rng.randrange(count)
    if kind == "rotate":
        doc[index].set_rotation(rng.choice([90, 180, 270]))
    elif kind == "crop":
        page = doc[index]
        left, bottom, right, top = page.get_mediabox()
        inset = rng.uniform(5, 60)
        page.set_cropbox(left + inset, bottom + inset, right - inset, top - inset)
    elif kind == "delete":
        doc.del_page(index)
    elif kind == "duplicate":
        doc.import_pages(pdfium.PdfDocument(str(report)), [index], index)
    doc.save(str(out))
    doc.close()
    if kind == "qpdf":
        mode = rng.choice(["generate", "preserve", "disable"])
        subprocess.run(
            ["qpdf", "--warning-exit-0", f"--object-streams={mode}", str(report), str(out)],
            capture_output=True, timeout=60, check=False,
        )  # fmt: skip
        return f"qpdf --object-streams={mode}"
    return f"{kind} page {index + 1}"


@pytest.mark.parametrize(
    "seed", [*range(2), *(pytest.param(s, marks=pytest.mark.slow) for s in range(2, 30))]
)
def test_structural_fuzz_keeps_the_report(seed, tmp_path):
    """Each mutant is read to a record of report 2020 or refused with one clear line; never
    a traceback, an internal error or a hang."""
    rng = random.Random(seed)
    out = tmp_path / f"mutant-{seed}.pdf"
    what = mutate(REPORT_2020, out, rng)
    result = load_series([out], options(tmp_path))
    for error in result.errors:
        assert "\n" not in error.line() and "internal error" not in error.line(), what
    for record in result.records:
        assert record.report.report_year == 2020, what
        record.to_json()
