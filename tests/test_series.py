"""series.load_series and the cache: folders, duplicates, gaps, parallel extraction, errors
carried back as values, cache hits, misses and corrupt entries.

The extractor is replaced by a stand-in that reads "report_year=NNNN" from a one-page PDF,
so these tests check the loading layer itself; the real extractor is exercised in
test_bad_input.py and test_cli.py on reports/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import types
from pathlib import Path

import pytest

from annualcheck.batch import cache
from annualcheck.batch.series import LoadOptions, load_one, load_series, year_gaps
from annualcheck.model.errors import (
    AnnualcheckError,
    DuplicateYearError,
    MissingPathError,
    NoPdfInFolderError,
    NoTextLayerError,
    NotPdfError,
    UnreadablePdfError,
)
from annualcheck.profiles import get_profile
from helpers.badpdfs import REPORT_2020, shapes_pdf, text_pdf
from helpers.builders import fig, record

PROFILE = get_profile("jp-tip")


def fake_extract(path, password=None, profile=None, page_parts=1):
    """The year written in the PDF as "report_year=NNNN"; "explode" raises a non-our error."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path), password=password)
    text = doc[0].get_textpage().get_text_range()
    doc.close()
    if "explode" in text:
        raise ZeroDivisionError("division by zero\nin a table")
    year = int(re.search(r"report_year=(\d{4})", text).group(1))
    rec = record(year, [fig("victims.total", 40 + year % 10, str(year - 1), delta=3)])
    rec.source.file = Path(path).name
    return rec


def use_extractor(monkeypatch, func) -> None:
    """Put `func` in place of annualcheck.extract.pipeline.extract_record (forked workers inherit it),
    whether or not the real module exists yet."""
    module = types.ModuleType("annualcheck.extract.pipeline")
    module.extract_record = func
    monkeypatch.setitem(sys.modules, "annualcheck.extract.pipeline", module)


@pytest.fixture
def fake_extractor(monkeypatch, tmp_path):
    """The stand-in extractor; calling the fixture's value gives the names of the files it
    extracted. They are logged to a file, not a list: a report is extracted in a child
    process, whose list the test would never see."""
    log = tmp_path / "extracted.log"

    def counting(path, password=None, profile=None, page_parts=1):
        with open(log, "a", encoding="utf-8") as out:
            out.write(Path(path).name + "\n")
        return fake_extract(path, password, profile)

    use_extractor(monkeypatch, counting)
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return lambda: log.read_text(encoding="utf-8").split() if log.exists() else []


def year_pdf(folder: Path, name: str, year: int | str) -> Path:
    return text_pdf(
        folder / name, ["Measures to Combat Trafficking in Persons", f"report_year={year}"]
    )


def options(**kw) -> LoadOptions:
    return LoadOptions(**{"jobs": 1, **kw}, profile=PROFILE)


def test_year_gaps():
    assert year_gaps([2019, 2021]) == [2020]
    assert year_gaps([2021, 2018, 2019]) == [2020]
    assert year_gaps([2020]) == []
    assert year_gaps([]) == []


def test_folder_sorted_by_year_not_name(fake_extractor, tmp_path):
    year_pdf(tmp_path, "a.pdf", 2021)
    year_pdf(tmp_path, "b.pdf", 2019)
    year_pdf(tmp_path, "c.pdf", 2020)
    (tmp_path / "readme.txt").write_text("not looked at")
    result = load_series([tmp_path], options())
    assert [r.report.report_year for r in result.records] == [2019, 2020, 2021]
    assert result.errors == [] and result.gaps == [] and result.notes == []


def test_gap_is_a_note_and_listed(fake_extractor, tmp_path):
    year_pdf(tmp_path, "x.pdf", 2018)
    year_pdf(tmp_path, "y.pdf", 2021)
    result = load_series([tmp_path], options())
    assert result.gaps == [2019, 2020]
    assert len(result.notes) == 1 and "2019, 2020" in result.notes[0]
    assert result.errors == []


def test_duplicate_year_keeps_first_names_both(fake_extractor, tmp_path):
    first = year_pdf(tmp_path, "first.pdf", 2020)
    second = year_pdf(tmp_path, "second.pdf", 2020)
    result = load_series([first, second], options())
    assert len(result.records) == 1
    assert result.records[0].source.file == "first.pdf"
    [error] = result.errors
    assert isinstance(error, DuplicateYearError)
    assert error.path == str(second) and str(first) in error.line()


def test_same_file_twice_is_loaded_once(fake_extractor, tmp_path):
    path = year_pdf(tmp_path, "r.pdf", 2020)
    result = load_series([path, tmp_path], options())
    assert len(result.records) == 1 and result.errors == []


def test_bad_files_reported_others_processed(fake_extractor, tmp_path):
    year_pdf(tmp_path, "good.pdf", 2020)
    (tmp_path / "text.pdf").write_text("hello")
    shapes_pdf(tmp_path / "scan.pdf")
    year_pdf(tmp_path, "bug.pdf", "explode")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = load_series([tmp_path, tmp_path / "gone.pdf", empty], options())
    assert [r.report.report_year for r in result.records] == [2020]
    kinds = {Path(e.path).name: type(e) for e in result.errors}
    assert kinds == {
        "gone.pdf": MissingPathError,
        "empty": NoPdfInFolderError,
        "text.pdf": NotPdfError,
        "scan.pdf": NoTextLayerError,
        "bug.pdf": UnreadablePdfError,
    }
    bug = next(e for e in result.errors if isinstance(e, UnreadablePdfError))
    assert "ZeroDivisionError" in bug.line() and "\n" not in bug.line()


def test_parallel_matches_sequential_and_carries_errors(fake_extractor, tmp_path):
    for year in (2017, 2018, 2019, 2020):
        year_pdf(tmp_path, f"{year}.pdf", year)
    year_pdf(tmp_path, "bug.pdf", "explode")
    seq = load_series([tmp_path], options(use_cache=False))
    par = load_series([tmp_path], options(use_cache=False, jobs=3))
    assert [r.to_dict() for r in par.records] == [r.to_dict() for r in seq.records]
    assert [e.line() for e in par.errors] == [e.line() for e in seq.errors]
    [error] = par.errors
    assert type(error) is UnreadablePdfError and error.path == str(tmp_path / "bug.pdf")


def test_worker_crash_is_that_files_error(fake_extractor, tmp_path, monkeypatch):
    """A process killed inside the PDF library takes only its own file down."""

    def crashing(path, password=None, profile=None, page_parts=1):
        if Path(path).name == "crash.pdf":
            os._exit(1)
        return fake_extract(path, password, profile)

    use_extractor(monkeypatch, crashing)
    for year in (2019, 2020):
        year_pdf(tmp_path, f"{year}.pdf", year)
    year_pdf(tmp_path, "crash.pdf", 2021)
    result = load_series([tmp_path], options(use_cache=False, jobs=2))
    assert [r.report.report_year for r in result.records] == [2019, 2020]
    [error] = result.errors
    assert error.path == str(tmp_path / "crash.pdf") and "crashed" in error.line()


def test_cache_hit_skips_extraction(fake_extractor, tmp_path):
    path = year_pdf(tmp_path, "r.pdf", 2020)
    first = load_one(path, options())
    second = load_one(path, options())
    assert fake_extractor() == ["r.pdf"]
    assert second.to_dict() == first.to_dict()
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1


def test_cache_keyed_by_content_not_name(fake_extractor, tmp_path):
    path = year_pdf(tmp_path, "r.pdf", 2020)
    load_one(path, options())
    renamed = tmp_path / "renamed.pdf"
    shutil.copy(path, renamed)
    rec = load_one(renamed, options())
    assert fake_extractor() == ["r.pdf"]
    assert rec.source.file == "renamed.pdf"


def test_no_cache_bypasses(fake_extractor, tmp_path):
    path = year_pdf(tmp_path, "r.pdf", 2020)
    load_one(path, options(use_cache=False))
    load_one(path, options(use_cache=False))
    assert fake_extractor() == ["r.pdf", "r.pdf"]
    assert not (tmp_path / "cache").exists()


def test_corrupt_cache_entry_is_ignored_and_rewritten(fake_extractor, tmp_path):
    path = year_pdf(tmp_path, "r.pdf", 2020)
    load_one(path, options())
    [entry] = (tmp_path / "cache").glob("*.json")
    entry.write_text('{"format": 1, "record": {trunc')
    rec = load_one(path, options())
    assert rec.report.report_year == 2020
    assert fake_extractor() == ["r.pdf", "r.pdf"]
    assert json.loads(entry.read_text())["record"]["report"]["report_year"] == 2020


def test_code_change_invalidates(fake_extractor, tmp_path, monkeypatch):
    path = year_pdf(tmp_path, "r.pdf", 2020)
    load_one(path, options())
    [before] = (tmp_path / "cache").glob("*.json")
    monkeypatch.setattr(cache, "source_hash", lambda: "f" * 64)
    load_one(path, options())
    assert fake_extractor() == ["r.pdf", "r.pdf"]
    [after] = (tmp_path / "cache").glob("*.json")  # the stale entry was pruned
    assert after != before and after.name.endswith("-" + "f" * 16 + ".json")


def test_source_hash_covers_package_files():
    digest = cache.source_hash()
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert len(list(cache.PACKAGE_DIR.rglob("*.py"))) > 5


def test_cache_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("ANNUALCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "annualcheck"
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path / "own"))
    assert cache.cache_dir() == tmp_path / "own"


def test_unwritable_cache_does_not_fail_the_run(fake_extractor, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(blocker / "cache"))
    rec = load_one(year_pdf(tmp_path, "r.pdf", 2020), options())
    assert rec.report.report_year == 2020


def test_load_one_raises_our_error_only(fake_extractor, tmp_path):
    with pytest.raises(AnnualcheckError) as info:
        load_one(year_pdf(tmp_path, "bug.pdf", "explode"), options())
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_real_report_round_trips_through_cache(tmp_path, monkeypatch):
    """The cached JSON gives back the same record as a fresh extraction."""
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path / "cache"))
    fresh = load_one(REPORT_2020, options())
    cached = load_one(REPORT_2020, options())
    assert cached.to_dict() == fresh.to_dict()
    assert cached.paragraphs and cached.report.report_year == 2020


def test_a_report_read_alone_has_its_pages_read_in_parts(monkeypatch, tmp_path):
    """One report read while no other is (`extract`, a batch with one miss) gets a part of
    its pages a core, up to MAX_PAGE_PARTS; reports read side by side in the pool get two
    (the cores freed as the batch ends read half the last reports' pages), one with
    --jobs 1."""
    from annualcheck.batch.series import MAX_PAGE_PARTS, load_all, load_one

    log = tmp_path / "parts.log"

    def logging_parts(path, password=None, profile=None, page_parts=1):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{Path(path).name} {page_parts}\n")
        return fake_extract(path, password, profile)

    use_extractor(monkeypatch, logging_parts)
    one = year_pdf(tmp_path, "one.pdf", 2020)
    load_one(one, options(jobs=3, use_cache=False))
    load_one(one, options(jobs=1, use_cache=False))
    load_one(one, options(jobs=64, use_cache=False))
    pair = [year_pdf(tmp_path, "a.pdf", 2019), year_pdf(tmp_path, "b.pdf", 2021)]
    load_all(pair, options(jobs=8, use_cache=False))
    load_all(pair, options(jobs=1, use_cache=False))
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["one.pdf 3", "one.pdf 1", f"one.pdf {MAX_PAGE_PARTS}"]
    assert sorted(lines[3:5]) == ["a.pdf 2", "b.pdf 2"]
    assert lines[5:] == ["a.pdf 1", "b.pdf 1"]
