"""stated-change: a stated change against the previous report; never dropped silently."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.checks import run_checks
from annualcheck.checks.stated_change import check_stated_changes
from annualcheck.profiles import get_profile
from helpers.check_builders import fig, record

PROFILE = get_profile("jp-tip")


def _pair(prev_value, value, delta, key="victims.total"):
    prev = record(2019, [fig(key, prev_value, page=8)])
    cur = record(2020, [fig(key, value, delta=delta, page=9)])
    return prev, cur


@settings(max_examples=60, deadline=None)
@given(prev=st.integers(0, 500), delta=st.integers(-100, 100))
def test_consistent_change_raises_nothing(prev, delta):
    p, c = _pair(prev, prev + delta, delta)
    assert check_stated_changes(c, p) == []


@settings(max_examples=60, deadline=None)
@given(prev=st.integers(0, 500), delta=st.integers(-100, 100),
       error=st.integers(-20, 20).filter(bool))  # fmt: skip
def test_perturbed_change_raises_one_error(prev, delta, error):
    p, c = _pair(prev, prev + delta + error, delta)
    found = check_stated_changes(c, p)
    assert [(f.rule, f.severity, f.key) for f in found] == [
        ("stated-change", "error", "victims.total")
    ]
    assert found[0].expected == prev and found[0].actual == prev + error
    assert {e.report_year for e in found[0].evidence} == {2019, 2020}
    assert all(e.page for e in found[0].evidence)


def test_real_2020_philippines_mutation():
    """ "12 Philippine nationals (six more than in 2018)" against report 2019's 5."""
    p, c = _pair(5, 12, 6, key="victims.nationality.philippines")
    (f,) = check_stated_changes(c, p)
    assert (f.expected, f.actual) == (5, 6)
    assert "report 2019 gives 5" in f.message


def test_first_report_gives_info():
    cur = record(2020, [fig("victims.total", 47, delta=20)])
    (f,) = check_stated_changes(cur, None)
    assert (f.rule, f.severity, f.actual) == ("stated-change", "info", 27)


def test_unkeyed_subject_gives_info():
    prev = record(2019, [fig("victims.total", 27)])
    cur = record(2020, [fig("unkeyed.posters", 5, delta=1)])
    (f,) = check_stated_changes(cur, prev)
    assert f.severity == "info" and "no key" in f.message


def test_previous_without_key_gives_info():
    prev = record(2019, [fig("victims.total", 27)])
    cur = record(2020, [fig("cases.cleared", 57, delta=21)])
    (f,) = check_stated_changes(cur, prev)
    assert f.severity == "info" and "gives no cases.cleared" in f.message


def test_every_stated_change_is_accounted_for():
    prev = record(2019, [fig("victims.total", 27), fig("victims.minors", 5)])
    cur = record(2020, [fig("victims.total", 47, delta=20), fig("victims.minors", 19, delta=13),
                        fig("cases.cleared", 57, delta=21), fig("victims.sex.male", 0)])  # fmt: skip
    found = check_stated_changes(cur, prev)
    assert sorted((f.key, f.severity) for f in found) == [
        ("cases.cleared", "info"), ("victims.minors", "error")]  # fmt: skip


def test_gap_in_series():
    r19 = record(2019, [fig("victims.total", 27, delta=-19)])
    r21 = record(2021, [fig("victims.total", 38, delta=-9)])
    found = [
        f
        for f in run_checks([r21, r19], gaps=(2020,), profile=PROFILE)
        if f.rule == "stated-change"
    ]
    gap = [f for f in found if f.key is None]
    assert len(gap) == 1 and "report 2020 (covering 2019) is missing" in gap[0].message
    changes = [f for f in found if f.key == "victims.total"]
    assert {(f.report_year, f.severity) for f in changes} == {(2019, "info"), (2021, "info")}
    assert any("missing from the series" in f.message for f in changes if f.report_year == 2021)
    # the gap is found even when the caller does not name it
    assert [
        f
        for f in run_checks([r19, r21], profile=PROFILE)
        if f.key is None and f.rule == "stated-change"
    ]


def test_part_missing_from_a_complete_previous_breakdown_is_zero():
    """Report 2021: "two Vietnamese (two more than in 2019)"; report 2020's nationalities of
    the 13 non-Japanese victims (12 + 1) are complete, so 2019 had zero Vietnamese."""
    from annualcheck.profiles import get_profile

    spec = get_profile().checks
    prev = record(2020, [fig("victims.non_japanese", 13), fig("victims.nationality.philippines", 12),
                         fig("victims.nationality.brazil", 1)])  # fmt: skip
    cur = record(2021, [fig("victims.nationality.viet_nam", 2, delta=2)])
    assert check_stated_changes(cur, prev, spec=spec) == []
    bad = record(2021, [fig("victims.nationality.viet_nam", 2, delta=1)])
    (f,) = check_stated_changes(bad, prev, spec=spec)
    assert (f.severity, f.expected, f.actual) == ("error", 0, 1)
    incomplete = record(
        2020, [fig("victims.non_japanese", 13), fig("victims.nationality.philippines", 12)]
    )
    (f,) = check_stated_changes(bad, incomplete, spec=spec)
    assert f.severity == "info"
