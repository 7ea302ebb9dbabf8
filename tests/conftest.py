"""Session fixtures: every report PDF is extracted once per test session and shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annualcheck.profiles import get_profile
from helpers.paths import FIXTURES, REPORTS, committed

PROFILE = get_profile("jp-tip")

YEARS = (2019, 2020, 2021)


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory):
    """The tool's cache in a folder of this test session, never the user's: tests leave no
    entries behind, none from an earlier run can answer for this code, and a report the CLI
    tests read several times is extracted once. A test of the cache sets its own folder."""
    folder = tmp_path_factory.mktemp("annualcheck-cache")
    before = os.environ.get("ANNUALCHECK_CACHE_DIR")
    os.environ["ANNUALCHECK_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("ANNUALCHECK_CACHE_DIR", None)
    else:
        os.environ["ANNUALCHECK_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def report_pdfs() -> dict[int, Path]:
    """The series in reports/, by the year in the file name (the tool itself reads the
    year from the content; the file name is only for people and these fixtures)."""
    return {year: committed(REPORTS / f"{year}.pdf") for year in YEARS}


@pytest.fixture(scope="session")
def alt_2020_pdf() -> Path:
    """The 2020 report rendered by a different producer (fonts, page size, table style)."""
    return committed(FIXTURES / "2020-other-producer.pdf")


@pytest.fixture(scope="session")
def records(report_pdfs, alt_2020_pdf, session_cache):
    """Records of the three reports and of the second rendering, extracted once, in parallel,
    through the session's cache: a CLI test that reads reports/ later is answered from it
    (and if one ran first, this fixture is)."""
    from annualcheck.batch.series import LoadOptions, load_all

    names = [*report_pdfs, "2020-alt"]
    paths = [*report_pdfs.values(), alt_2020_pdf]
    loaded = load_all(paths, LoadOptions(profile=PROFILE, cache_dir=session_cache))
    failed = [r for r in loaded if isinstance(r, Exception)]
    if failed:
        pytest.fail(f"the committed reports must read: {failed}")
    return dict(zip(names, loaded, strict=True))
