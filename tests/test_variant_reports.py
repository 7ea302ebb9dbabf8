"""Whole reports of another wording and another structure (tests/fixtures/2020-reworded.pdf,
2020-restructured.pdf, rendered by testdata/render_variants.py from the real 2020 text).

The restructured report (a new section 2, the statistics as section 3, "(a)" sub-numbering,
retitled headings, Table 3 before Table 2) must read to expected/2020.json's section-2
figures and trial tables, compared by the same code as test_expected (tests/helpers/
expected.py); the reworded report must read to each rewording's expectation (testdata/
rewordings.py); `check` must raise no error on either but the real report's own (the Figure 8
contents line), and no rule may fail to run.
"""

from __future__ import annotations

import pytest

from annualcheck.checks import RULE_FAILED, run_checks
from annualcheck.extract.pipeline import extract_record
from annualcheck.profiles import get_profile
from helpers.expected import (
    assert_no_section2_figure_beyond_expected,
    assert_section2_figures,
    assert_trial_table_rows,
)
from helpers.paths import FIXTURES, committed
from helpers.rewordings import reading_of
from testdata.rewordings import REWORDINGS

#: A corpus (whole reworded and restructured reports, extracted whole): slow, run by CI;
#: the rewordings themselves are read sentence by sentence in the default run
#: (tests/test_rewordings.py).
pytestmark = pytest.mark.slow

PROFILE = get_profile("jp-tip")
VARIANTS = ("2020-reworded", "2020-restructured")
#: the one error of the real 2020 report (its contents say 40 suspects for Figure 8)
REAL_ERROR = ("toc-caption", "Figure 8")


@pytest.fixture(scope="module")
def variant_records(records) -> dict:
    out = {
        name: extract_record(committed(FIXTURES / f"{name}.pdf"), profile=PROFILE)
        for name in VARIANTS
    }
    out[2019] = records[2019]  # the session's extraction (tests/conftest.py), read only
    return out


def test_restructured_report_reads_to_the_expected_section2_figures(variant_records):
    assert_section2_figures(variant_records, "2020-restructured", 2020)
    assert_no_section2_figure_beyond_expected(variant_records, "2020-restructured", 2020)


@pytest.mark.parametrize("table", ["table2", "table3"])
def test_restructured_report_reads_to_the_expected_tables(variant_records, table):
    assert_trial_table_rows(variant_records, "2020-restructured", 2020, table)


def test_restructured_report_is_numbered_as_printed(variant_records):
    sections = {s.number: s.title for s in variant_records["2020-restructured"].sections}
    assert sections["2"].startswith("Progress since the revision")
    assert sections["3 (1) i)"] == "Victims identified and protected"
    assert sections["3 (1) ii)"].startswith("Offenders")
    tables = list(variant_records["2020-restructured"].tables)
    assert tables.index("table3") < tables.index("table2")


def test_reworded_report_reads_to_every_rewording(variant_records):
    figures = variant_records["2020-reworded"].figures
    wrong = []
    for entry in REWORDINGS:
        if not entry.get("in_report"):
            continue
        for key, value, period, change in entry["expect"]:
            fig = next((f for f in figures if f.key == key and f.period == period), None)
            if fig is None:
                wrong.append(f"{key} ({period}) missing")
            elif fig.value != value or reading_of(fig) != change:
                wrong.append(f"{key}: {fig.value} {reading_of(fig)}")
    assert not wrong, "\n".join(wrong)
    assert_no_section2_figure_beyond_expected(variant_records, "2020-reworded", 2020)


@pytest.mark.parametrize("name", VARIANTS)
def test_check_raises_no_error_on_a_true_variant(variant_records, name):
    findings = run_checks([variant_records[2019], variant_records[name]], profile=PROFILE)
    errors = [f for f in findings if f.severity == "error"]
    assert [(f.rule, f.message.split(":")[0]) for f in errors] == [REAL_ERROR]
    assert not [f for f in findings if f.message.startswith(RULE_FAILED)]
    stated = [f for f in findings if f.rule == "stated-change" and f.report_year == 2020]
    assert not [f for f in stated if f.severity != "info"]
