"""The comparisons of a record with its hand-verified expectation in expected/<year>.json,
as assertions.

Shared because a report is compared the same way whichever rendering it comes from: the real
reports and both renderings of 2020 (tests/test_expected.py), and the restructured and reworded
variants of 2020 (tests/test_variant_reports.py). Each `assert_*` fails with every difference
listed (`helpers.expected_compare`), so one run shows all that is misread.
"""

from __future__ import annotations

from helpers.expected_compare import (
    load_expected,
    section2_differences,
    section2_extra,
    table_differences,
)


def assert_section2_figures(records, name, year):
    wrong = section2_differences(records[name], load_expected(year))
    assert not wrong, "\n".join(wrong)


def assert_no_section2_figure_beyond_expected(records, name, year):
    extra = section2_extra(records[name], load_expected(year))
    assert not extra, "\n".join(extra)


def assert_trial_table_rows(records, name, year, table):
    wrong = table_differences(records[name], load_expected(year), table)
    assert not wrong, "\n".join(wrong)
