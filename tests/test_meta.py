"""Which report is this: title, publication date, report year, covered year, reconstruction
flag; and the two refusals (not this series, no section 2). Years come from the content."""

from __future__ import annotations

from pathlib import Path

import pytest

from annualcheck.extract.meta import read_meta, read_published
from annualcheck.layout.blocks import analyse_layout
from annualcheck.model.errors import NoSection2Error, NotThisSeriesError
from annualcheck.pdf.document import open_pdf
from annualcheck.profiles import get_profile
from helpers.paths import committed

PROFILE = get_profile()

FRONT = """---
title: Measures to Combat Trafficking in Persons (Annual Report)
date: {date}
council: Council for the Promotion of Measures to Combat Trafficking in Persons
reconstruction: {reconstruction}
---

"""


def _need(path: Path) -> Path:
    return committed(path)  # a committed PDF that is missing fails the run


def _meta(path: Path):
    with open_pdf(path) as doc:
        return read_meta(doc, analyse_layout(doc, profile=PROFILE), profile=PROFILE)


def _render(tmp_path: Path, body: str, date="May 25, 2020", reconstruction="false") -> Path:
    from helpers.badpdfs import renderer

    text = FRONT.format(date=date, reconstruction=reconstruction) + body
    return renderer()(text, tmp_path / "small.pdf")


@pytest.mark.parametrize("which", ["reportlab", "chromium"])
def test_2020_report(which, report_pdfs, alt_2020_pdf):
    path = report_pdfs[2020] if which == "reportlab" else alt_2020_pdf
    meta = _meta(_need(path))
    assert meta.title == "Measures to Combat Trafficking in Persons (Annual Report)"
    assert meta.published == "2020-05-25"
    assert meta.report_year == 2020
    assert meta.data_year == 2019
    assert meta.reconstruction is False
    assert meta.series == "jp-tip"


def test_reconstructions_say_so(report_pdfs):
    meta = _meta(_need(report_pdfs[2019]))
    assert meta.reconstruction is True
    assert (meta.published, meta.report_year, meta.data_year) == ("2019-05-24", 2019, 2018)


def test_year_comes_from_content_not_file_name(tmp_path, report_pdfs):
    renamed = tmp_path / "2031.pdf"
    renamed.write_bytes(_need(report_pdfs[2020]).read_bytes())
    meta = _meta(renamed)
    assert (meta.report_year, meta.data_year) == (2020, 2019)


def test_data_year_from_the_text_beats_the_publication_lag(tmp_path):
    body = (
        "# 1 Introduction\n\nThis annual report summarizes the measures, with a focus on "
        "initiatives undertaken in 2017, and in line with the Action Plan.\n\n"
        "# 2 Gaining a thorough understanding of trafficking in persons\n\n"
        "The number of victims was 12.\n"
    )
    meta = _meta(_render(tmp_path, body, date="June 1, 2020"))
    assert (meta.published, meta.report_year, meta.data_year) == ("2020-06-01", 2020, 2017)


def test_data_year_falls_back_to_the_year_before_publication(tmp_path):
    body = (
        "# 1 Introduction\n\nThis annual report summarizes the measures.\n\n"
        "# 2 Gaining a thorough understanding of trafficking in persons\n\n"
        "The number of victims was 12.\n"
    )
    meta = _meta(_render(tmp_path, body, date="May 20, 2022", reconstruction="true"))
    assert (meta.report_year, meta.data_year, meta.reconstruction) == (2022, 2021, True)


def test_no_section_2(tmp_path):
    body = (
        "# 1 Introduction\n\nWith a focus on initiatives undertaken in 2019.\n\n"
        "# 3 Prevention of Trafficking in persons\n\nText.\n"
    )
    with pytest.raises(NoSection2Error):
        _meta(_render(tmp_path, body))


def test_other_series_is_refused(tmp_path):
    from helpers.badpdfs import other_report_pdf

    with pytest.raises(NotThisSeriesError) as info:
        _meta(other_report_pdf(tmp_path / "fisheries.pdf"))
    assert "fisheries.pdf" in str(info.value)


def test_published_date_formats():
    part = PROFILE.meta
    assert read_published("Council ... May 25, 2020 Council", part) == "2020-05-25"
    assert read_published("25 May 2020", part) == "2020-05-25"
    assert read_published("published 2021-05-20", part) == "2021-05-20"
    assert read_published("no date here", part) is None
