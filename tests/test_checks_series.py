"""run_checks over the hand-verified series (expected/<year>.json + reports/src/<year>.md):
the records the extractor should give, so any finding here is the checks' own doing."""

from __future__ import annotations

import pytest

from annualcheck.checks import run_checks
from annualcheck.profiles import get_profile
from helpers.check_builders import ROOT, expected_record
from helpers.paths import committed

PROFILE = get_profile("jp-tip")

YEARS = (2019, 2020, 2021)


@pytest.fixture(scope="module")
def series():
    for y in YEARS:
        committed(ROOT / "expected" / f"{y}.json")
    return [expected_record(y) for y in YEARS]


def test_clean_series_raises_only_the_real_2020_mistake(series):
    found = run_checks(series, profile=PROFILE)
    assert [(f.rule, f.severity, f.report_year, f.key) for f in found if f.severity != "info"] == [
        ("toc-caption", "error", 2020, "Figure 8")]  # fmt: skip
    # the first report's stated changes cannot be checked: said, not dropped
    first = [f for f in found if f.report_year == 2019 and f.rule == "stated-change"]
    assert len(first) == sum(1 for f in series[0].figures if f.stated_change)


def test_every_stated_change_of_2020_and_2021_is_checked(series):
    """With report 2019 and 2020 present, no stated change of 2020 or 2021 is left unchecked
    except where the previous report gives no such key (info)."""
    found = run_checks(series, profile=PROFILE)
    infos = [f for f in found if f.rule == "stated-change" and f.report_year > 2019]
    assert all("gives no" in f.message for f in infos)


def test_gap_series(series):
    r19, _, r21 = series
    found = run_checks([r19, r21], gaps=(2020,), profile=PROFILE)
    assert not [f for f in found if f.severity == "error" and f.rule != "toc-caption"]
    gap = [f for f in found if f.rule == "stated-change" and f.key is None]
    assert len(gap) == 1 and "2020" in gap[0].message
    changed = sum(1 for f in r21.figures if f.stated_change)
    assert (
        sum(1 for f in found if f.report_year == 2021 and f.rule == "stated-change" and f.key)
        == changed
    )
    assert any(
        f.rule == "carryover" and f.severity == "info" and f.report_year == 2021 for f in found
    )
