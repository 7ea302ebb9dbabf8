"""The unmutated series gives exactly the findings of expected/findings.json.

expected/findings.json was written from reading the reports (each entry says why); a finding the
tool gives beyond it is a false positive, one it misses is a miss.
"""

from __future__ import annotations

import json
from collections import Counter

from annualcheck.profiles import get_profile
from helpers.paths import EXPECTED

PROFILE = get_profile("jp-tip")


def _sig(rule, severity, year, key):
    return (rule, severity, year, key)


def test_series_gives_exactly_expected_findings(records):
    from annualcheck.checks import run_checks

    expected = json.loads((EXPECTED / "findings.json").read_text(encoding="utf-8"))["findings"]
    want = Counter(_sig(f["rule"], f["severity"], f["report_year"], f["key"]) for f in expected)
    findings = run_checks([records[2019], records[2020], records[2021]], profile=PROFILE)
    got = Counter(_sig(f.rule, f.severity, f.report_year, f.key) for f in findings)
    assert got - want == Counter(), "false positives"
    assert want - got == Counter(), "missed"


def test_other_rendering_gives_the_same_findings_for_2020(records):
    """The 2020 text printed by another producer is checked the same way."""
    from annualcheck.checks import run_checks

    def sigs(rec2020):
        return Counter(
            _sig(f.rule, f.severity, f.report_year, f.key)
            for f in run_checks([records[2019], rec2020, records[2021]], profile=PROFILE)
        )

    assert sigs(records["2020-alt"]) == sigs(records[2020])


def test_every_error_has_pages_and_quotes(records):
    from annualcheck.checks import run_checks

    for finding in run_checks([records[2019], records[2020], records[2021]], profile=PROFILE):
        if finding.severity == "error":
            assert finding.evidence
            for evidence in finding.evidence:
                assert evidence.page and evidence.quote
