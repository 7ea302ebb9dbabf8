"""Findings that rest on an OCR'd report are warnings, never errors.

OCR text is noisy (a lost row number splits a table, a misread digit changes a count), so a
contradiction found in it is not certain; neither is one between a report and an OCR'd
report before it (a stated change, the carryover of persons pending): it is reported as a
warning that says why, and the same contradiction between two text-layer reports stays an
error.
"""

from __future__ import annotations

from dataclasses import replace

from annualcheck.checks import run_checks
from annualcheck.checks.source import OCR_NOTE
from annualcheck.profiles import get_profile
from helpers.builders import series

PROFILE = get_profile("jp-tip")


def _as_ocr(record):
    return replace(record, source=replace(record.source, text_from="ocr"))


def _errors(findings, year):
    return [f for f in findings if f.severity == "error" and f.report_year == year]


def test_a_pair_rule_against_an_ocr_previous_report_is_a_warning():
    reports = series()
    plain = run_checks(list(reports.values()), profile=PROFILE)
    resting_on_2019 = [
        f for f in _errors(plain, 2020) if any(e.report_year == 2019 for e in f.evidence)
    ]
    assert resting_on_2019  # the series is built with a stated change 2019 does not bear out

    reports[2019] = _as_ocr(reports[2019])
    scanned = run_checks(list(reports.values()), profile=PROFILE)
    assert not [f for f in scanned if f.severity == "error" and f.report_year == 2019]
    for was in resting_on_2019:
        now = [f for f in scanned if (f.rule, f.key, f.report_year) == (was.rule, was.key, 2020)]
        assert now and all(f.severity == "warning" for f in now)
        assert all(f.message.endswith(OCR_NOTE) for f in now)
    # what rests on text-layer reports only keeps its severity
    untouched = [f for f in _errors(plain, 2021) if all(e.report_year != 2019 for e in f.evidence)]
    assert len(_errors(scanned, 2021)) >= len(untouched)
