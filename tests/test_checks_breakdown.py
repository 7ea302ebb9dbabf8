"""breakdown-sum: declared breakdowns add up, for the year and for the implied prior year."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.checks.breakdown import check_breakdowns
from annualcheck.profiles import get_profile
from helpers.check_builders import fig, record

SPEC = get_profile().checks


def _suspects(male, female, total, d_male=None, d_female=None, d_total=None):
    return record(2020, [fig("suspects.arrested", total, delta=d_total),
                         fig("suspects.sex.male", male, delta=d_male),
                         fig("suspects.sex.female", female, delta=d_female)])  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(male=st.integers(0, 300), female=st.integers(0, 300))
def test_closed_breakdown_that_adds_up_raises_nothing(male, female):
    assert check_breakdowns(_suspects(male, female, male + female), SPEC) == []


@settings(max_examples=60, deadline=None)
@given(male=st.integers(0, 300), female=st.integers(0, 300),
       error=st.integers(-10, 10).filter(bool))  # fmt: skip
def test_closed_breakdown_off_by_some_raises_one_error(male, female, error):
    found = check_breakdowns(_suspects(male, female, male + female + error), SPEC)
    assert [(f.rule, f.severity, f.key) for f in found] == [
        ("breakdown-sum", "error", "suspects.arrested")]  # fmt: skip
    assert (found[0].expected, found[0].actual) == (male + female + error, male + female)


def test_real_2020_suspect_sex_mutation():
    """ "six were female (two less than in 2018)": 34 + 6 = 40, not 39; implied 2018 still 40."""
    found = check_breakdowns(_suspects(34, 6, 39, d_male=2, d_female=-2, d_total=-1), SPEC)
    assert [(f.severity, f.expected, f.actual) for f in found] == [("error", 39, 40)]
    assert "34 male + 6 female = 40" in found[0].message


@settings(max_examples=60, deadline=None)
@given(prior=st.lists(st.integers(0, 50), min_size=3, max_size=3),
       deltas=st.lists(st.integers(-20, 20), min_size=3, max_size=3))  # fmt: skip
def test_implied_prior_year_forms(prior, deltas):
    """Forms: the 2019 values add up; so must value - delta (the 2018 values they imply)."""
    keys = ["victims.form.sexual_exploitation", "victims.form.nightclub_hostess",
            "victims.form.labor_exploitation"]  # fmt: skip
    now = [p + d for p, d in zip(prior, deltas, strict=True)]
    figs = [fig(k, v, delta=d) for k, v, d in zip(keys, now, deltas, strict=True)]
    ok = record(2020, [fig("victims.total", sum(now), delta=sum(deltas)), *figs])
    assert check_breakdowns(ok, SPEC) == []
    bad = record(2020, [fig("victims.total", sum(now), delta=sum(deltas) + 1), *figs])
    found = check_breakdowns(bad, SPEC)
    assert [(f.rule, f.severity) for f in found] == [("breakdown-sum", "error")]
    assert "implied" in found[0].message and found[0].expected == sum(prior) - 1


def test_real_2020_implied_2018_sex_and_occupation():
    """2018 implied by report 2020: female 26 + male 1 = 27; occupations 7 + 21 + 12 = 40."""
    rec = record(2020, [
        fig("victims.total", 47, delta=20), fig("victims.sex.female", 47, delta=21),
        fig("victims.sex.male", 0, delta=-1),
        fig("suspects.arrested", 39, delta=-1),
        fig("suspects.occupation.adult_entertainment", 8, delta=1),
        fig("suspects.occupation.unemployed", 15, delta=-6),
        fig("suspects.occupation.other", 16, delta=4),
    ])  # fmt: skip
    assert check_breakdowns(rec, SPEC) == []
    rec.figures[5].stated_change.delta = -5  # "5 less": implies 20 unemployed, 7+20+12 = 39
    (f,) = check_breakdowns(rec, SPEC)
    assert (f.expected, f.actual) == (40, 39) and "2018" in f.message


def test_open_breakdowns_are_not_summed_on_implied_values():
    rec = record(2020, [
        fig("victims.non_japanese", 13, delta=4), fig("victims.nationality.philippines", 12, delta=6),
        fig("victims.nationality.brazil", 1, delta=1),
    ])  # fmt: skip
    assert check_breakdowns(rec, SPEC) == []


def test_open_breakdown_needs_every_part():
    route = [fig("victims.non_japanese", 13), fig("victims.route.police_then_isa", 8),
             fig("victims.route.police_only", 1)]  # fmt: skip
    assert check_breakdowns(record(2020, route), SPEC) == []  # isa_only not stated
    found = check_breakdowns(record(2020, [*route, fig("victims.route.isa_only", 3)]), SPEC)
    assert [(f.severity, f.expected, f.actual) for f in found] == [("error", 13, 12)]


def test_prefix_breakdown_short_is_warning_over_is_error():
    base = [fig("suspects.arrested", 40), fig("suspects.nationality.japan", 37)]
    (short,) = check_breakdowns(record(2019, base), SPEC)
    assert short.severity == "warning"
    over = check_breakdowns(record(2019, [*base, fig("suspects.nationality.korea", 4)]), SPEC)
    assert [(f.severity, f.actual) for f in over] == [("error", 41)]


def test_bound_iom_shelter():
    ok = record(2020, [fig("victims.iom.repatriated", 9), fig("victims.iom.shelter", 9)])
    assert check_breakdowns(ok, SPEC) == []
    bad = record(2020, [fig("victims.iom.repatriated", 9), fig("victims.iom.shelter", 10)])
    (f,) = check_breakdowns(bad, SPEC)
    assert (f.rule, f.key, f.expected, f.actual) == ("breakdown-sum", "victims.iom.shelter", 9, 10)


def test_closed_breakdown_with_unstated_part_counts_it_as_zero():
    rec = record(2020, [fig("victims.total", 47), fig("victims.sex.female", 46)])
    (f,) = check_breakdowns(rec, SPEC)
    assert (f.expected, f.actual) == (47, 46)


def test_optional_part_acquitted():
    """Report 2021 (reconstruction): of 12 carried over, eight guilty, one acquitted, three pending."""
    base = [
        fig("carryover.previous_pending", 12),
        fig("carryover.guilty", 8),
        fig("carryover.pending", 3),
    ]
    assert check_breakdowns(record(2021, base), SPEC) == []  # acquitted not keyed: no finding
    assert check_breakdowns(record(2021, [*base, fig("carryover.acquitted", 1)]), SPEC) == []
    (f,) = check_breakdowns(record(2021, [*base, fig("carryover.acquitted", 2)]), SPEC)
    assert (f.expected, f.actual) == (12, 13)
    over = [
        fig("carryover.previous_pending", 10),
        fig("carryover.guilty", 8),
        fig("carryover.pending", 3),
    ]
    assert [f.actual for f in check_breakdowns(record(2021, over), SPEC)] == [11]
