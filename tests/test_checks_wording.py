"""The checks on the new parts of a stated change (prior values, relative changes, bounds),
the guard that turns a failing rule into an `info` finding, and the repeated passage whose
copy holds another number of numbers (it used to crash `check`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.checks import RULE_FAILED, guarded, run_checks
from annualcheck.checks.repeats import check_repeats
from annualcheck.checks.stated_change import check_stated_changes
from annualcheck.model.record import Figure, Record, StatedChange
from annualcheck.profiles import get_profile
from annualcheck.prose.comparisons import factor_of_percent
from helpers.check_builders import fig, para, record

PROFILE = get_profile("jp-tip")


def _with(change: StatedChange, value: float = 47) -> Record:
    f = Figure("victims.total", value, "persons", "2019", 9, "quote", stated_change=change)
    return record(2020, [f])


PREVIOUS = record(2019, [fig("victims.total", 27, "2018")])


def _severities(change: StatedChange, value: float = 47) -> list[str]:
    return [f.severity for f in check_stated_changes(_with(change, value), PREVIOUS)]


def test_a_stated_prior_value_is_checked_against_the_previous_report():
    right = StatedChange(20, "2018", "compared with 27 in 2018", "prior_value", 27, derived=True)
    wrong = StatedChange(19, "2018", "compared with 28 in 2018", "prior_value", 28, derived=True)
    assert _severities(right) == []
    (finding,) = check_stated_changes(_with(wrong), PREVIOUS)
    assert finding.severity == "error" and "states 28 for 2018" in finding.message


@pytest.mark.parametrize("relative,decimals,bound,severity", [
    (74.1, 1, None, None), (64.1, 1, None, "error"), (100, None, None, "error"),
    (70, 0, "more_than", None), (80, 0, "more_than", "error"), (75, 0, "nearly", None),
])  # fmt: skip
def test_a_relative_change_is_recomputed(relative, decimals, bound, severity):
    change = StatedChange(None, "2018", "up", "relative", relative=factor_of_percent(relative),
                          relative_decimals=decimals, bound=bound)  # fmt: skip
    assert _severities(change) == ([severity] if severity else [])


def test_a_relative_change_without_a_previous_report_is_info():
    change = StatedChange(None, "2018", "doubled", "relative", relative=2.0)
    (finding,) = check_stated_changes(_with(change), None)
    assert finding.severity == "info" and "about 23.5" in finding.message


WCO = ("The number of victims put under protection at Women’s Consulting Offices in 2019 was "
       "nine, of whom all were Philippine nationals.")  # fmt: skip


def test_a_repeat_with_more_numbers_than_its_original_does_not_crash():
    repeat = ("The number of victims put under protection at Women’s Consulting Offices in 2019 "
              "was 8 or 7, of whom all were Philippine nationals.")  # fmt: skip
    rec = record(2020, paragraphs=[para(WCO, page=9, section="2 (1) i)"),
                                   para(repeat, page=40, section="6 (3) i)", repeated_from="2 (1) i)")])  # fmt: skip
    (found,) = check_repeats(rec)
    assert found.rule == "repeated-passage" and found.actual == [8, 7] and found.expected == 9


def test_a_failing_rule_becomes_one_info_finding():
    def boom():
        raise TypeError("unhashable type: 'list'")

    (finding,) = guarded("repeated-passage", 2020, boom)
    assert finding.severity == "info" and finding.message.startswith(RULE_FAILED)
    assert "TypeError" in finding.message


CHANGES = st.builds(
    StatedChange,
    delta=st.none() | st.floats(-100, 100, allow_nan=False),
    reference_period=st.sampled_from(["2018", "FY2018", "", "the previous report"]),
    phrase=st.text(max_size=20),
    kind=st.sampled_from(["absolute", "prior_value", "relative", "other"]),
    prior_value=st.none() | st.floats(-5, 100, allow_nan=False),
    relative=st.none() | st.floats(-1, 20, allow_nan=False),
    relative_decimals=st.none() | st.integers(0, 3),
    bound=st.sampled_from([None, "more_than", "nearly", "at_most", "odd"]),
)
FIGURES = st.builds(
    Figure,
    key=st.sampled_from(["victims.total", "victims.sex.female", "unkeyed.x", "suspects.arrested"]),
    value=st.floats(-10, 100, allow_nan=False),
    unit=st.just("persons"),
    period=st.sampled_from(["2019", "2018", "FY2018"]),
    page=st.integers(1, 5),
    quote=st.text(max_size=30),
    stated_change=st.none() | CHANGES,
    bound=st.sampled_from([None, "more_than"]),
)


@given(st.lists(FIGURES, max_size=8), st.lists(FIGURES, max_size=8))
@settings(max_examples=50, deadline=None)
def test_no_rule_fails_on_any_figures(new, old):
    """Fails loudly in CI if any rule raises (the guard would hide it from users)."""
    records = [record(2019, old), record(2020, new)]
    findings = run_checks(records, profile=PROFILE)
    assert not [f.message for f in findings if f.message.startswith(RULE_FAILED)]


def test_a_relative_change_is_not_taken_for_a_share():
    from annualcheck.checks.text import check_percentages

    text = ("With regard to the gender of the victims, 47 were female (up 80.8% year on year) "
            "and zero were male.")  # fmt: skip
    rec = record(2020, [fig("victims.sex.female", 47), fig("victims.total", 47)],
                 paragraphs=[para(text, section="2 (1) i)")])  # fmt: skip
    assert check_percentages(rec, PROFILE.checks) == []
