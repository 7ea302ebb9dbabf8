"""The one matcher of persons across reports (checks/trial_match.py), and the three stages that
use it agreeing on who is who.

The pairs are written by reading the offenses (the reports' own wordings and rewordings of
them), never from the matcher's output; the threshold is the module's.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.checks.tables import check_carryover, match_pending
from annualcheck.checks.trial_match import (
    MATCH_THRESHOLD,
    match_offenses,
    offense_charges,
    offense_similarity,
)
from annualcheck.diff.compare import diff_records
from annualcheck.profiles import get_profile
from annualcheck.trials.history import build_persons
from helpers.builders import record

PROFILE = get_profile("jp-tip")
FILLER = PROFILE.checks.offense_filler

#: One person's offense as two reports print it: must be the same person.
SAME = [
    # case and punctuation ("Anti-Prostitution" read with and without its hyphen)
    ("Violation of the Anti-Prostitution Act", "violation of the anti prostitution act"),
    ("Violation of the “Anti-Prostitution” Act.", "Violation of the Anti-Prostitution Act"),
    # the boilerplate of a charge in another order (the profile's filler words)
    ("Employment Security Act violation", "Violation of the Employment Security Act"),
    ("Child Welfare Act violation", "violation of the Child Welfare Act"),
    # the charges listed in another order
    (
        "Kidnapping for indecency, and unlawful confinement",
        "Unlawful confinement, kidnapping for indecency",
    ),
    (
        "Threat, violation of the Child Welfare Act",
        "Violation of the Child Welfare Act, and threat",
    ),
    # reordered and one charge reworded
    (
        "Violation of the Anti-Prostitution Act, accessory to extortion attempt",
        "Accessory to attempted extortion, violation of the Anti-Prostitution Act",
    ),
]

#: Two persons' offenses: must never be taken for one, though they share the boilerplate.
DIFFERENT = [
    ("Violation of the Labor Standards Act", "Violation of the Child Welfare Act"),
    ("Violation of the Anti-Prostitution Act", "Violation of the Employment Security Act"),
    # a charge more: the person of the shorter offense is another one
    ("Extortion attempt, violation of the Anti-Prostitution Act", "Violation of the Anti-Prostitution Act"),
    (
        "Accessory to attempted extortion, violation of the Anti-Prostitution Act",
        "Extortion attempt, violation of the Anti-Prostitution Act",
    ),
    (
        "Violation of the Immigration Control and Refugee Recognition Act",
        "Violation of the Labor Standards Act",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_person_s_offense_reworded_matches(a, b):
    assert offense_similarity(a, b, FILLER) >= MATCH_THRESHOLD
    assert offense_similarity(b, a, FILLER) >= MATCH_THRESHOLD


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_two_persons_offenses_do_not_match(a, b):
    assert offense_similarity(a, b, FILLER) < MATCH_THRESHOLD


def test_filler_words_and_a_trailing_etc_are_no_charges():
    offense = "Violation of the Act on Control and Improvement of Amusement Business, etc."
    assert offense_charges(offense, FILLER) == ["control improvement amusement business"]
    assert offense_charges("Violation of the Act", FILLER) == ["violation of the act"]


def test_same_offense_is_one_person_whatever_the_result():
    """The tables carry no names, courts or dates: a person is their offense, and a verdict
    reached since the last report does not make them another."""
    old = record(2020, table2=[("Violation of the Labor Standards Act", "Pending trial")])
    new = record(2021, table3=[("Violation of the Labor Standards Act", "1 year imprisonment")])
    (p,) = diff_records(old, new, profile=PROFILE).carried_over
    assert (p.matched_no, p.verdict) == (1, "1 year imprisonment")


def test_equal_offenses_keep_their_order():
    same = ["Violation of the Anti-Prostitution Act"] * 3
    assert match_offenses(same, same, FILLER).pairs() == {0: 0, 1: 1, 2: 2}


def test_a_moved_row_is_still_its_person():
    match = match_offenses(
        ["Violation of the Labor Standards Act", "Kidnapping for indecency, and unlawful confinement"],
        ["Unlawful confinement, kidnapping for indecency", "Violation of the Labor Standards Act",
         "Violation of the Employment Security Act"],
        FILLER,
    )  # fmt: skip
    assert match.pairs() == {0: 1, 1: 0}


def test_check_trials_and_diff_agree_on_a_pair_below_the_threshold():
    """A person left pending with one charge, and a carry-over row of two: the rule reports
    the row as not the person, the history loses them, and the change report does not find
    them (it used to call them "still pending": its own matcher took 0.5 for the same)."""
    old_offense = "Violation of the Anti-Prostitution Act"
    new_offense = "Extortion attempt, violation of the Anti-Prostitution Act"
    assert offense_similarity(old_offense, new_offense, FILLER) < MATCH_THRESHOLD
    old = record(2020, table2=[(old_offense, "Pending trial")])
    new = record(2021, table3=[(new_offense, "Pending trial")])

    found = check_carryover(new, old, PROFILE.checks)
    assert [f.key for f in found if f.severity == "error"] == ["carryover.offense"]

    persons = build_persons([old, new], PROFILE.checks, PROFILE.trials)
    first = next(p for p in persons if p.id == "2020-1")
    assert first.final_status == "lost"
    assert any(p.id == "2021-table3-1" for p in persons)

    change = diff_records(old, new, profile=PROFILE)
    (p,) = change.carried_over
    assert (p.verdict, p.matched_no) == ("not found", None)
    assert change.unmatched_carryover_rows == [1]


def test_match_pending_is_the_matcher_over_table_rows():
    old = record(2020, table2=[("Violation of the Child Welfare Act", "Pending trial")])
    new = record(2021, table3=[("Child Welfare Act violation", "Pending trial")])
    prev = [("Table 2", old.tables["table2"].rows[0])]
    match = match_pending(prev, new.tables["table3"].rows, FILLER)
    assert match.pairs() == {0: 0}
    assert match.sims[0][0] == pytest.approx(1.0)


# -- properties --------------------------------------------------------------------------------

WORDS = st.sampled_from(
    ["violation", "of", "the", "act", "extortion", "attempt", "child", "welfare", "labor",
     "standards", "kidnapping", "for", "indecency", "and", "unlawful", "confinement", "threat"]
)  # fmt: skip
CHARGE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
OFFENSE = st.lists(CHARGE, min_size=1, max_size=4).map(", ".join)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.one_of(OFFENSE, TEXT), st.one_of(OFFENSE, TEXT))
def test_similarity_is_symmetric_and_bounded(a, b):
    s = offense_similarity(a, b, FILLER)
    assert s == offense_similarity(b, a, FILLER)
    assert 0.0 <= s <= 1.0


@settings(max_examples=200, deadline=None)
@given(st.one_of(OFFENSE, TEXT))
def test_an_offense_is_itself(a):
    assert offense_similarity(a, a, FILLER) == 1.0


@settings(max_examples=100, deadline=None)
@given(st.lists(CHARGE, min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_the_order_of_charges_does_not_matter(charges, rnd):
    shuffled = list(charges)
    rnd.shuffle(shuffled)
    assert offense_similarity(", ".join(charges), ", ".join(shuffled), FILLER) == 1.0


@settings(max_examples=100, deadline=None)
@given(OFFENSE)
def test_case_and_punctuation_do_not_matter(a):
    assert offense_similarity(a, a.upper().replace(" ", " - "), FILLER) == 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(OFFENSE, min_size=1, max_size=6), st.lists(OFFENSE, min_size=1, max_size=6))
def test_a_table_against_a_table_scores_each_pair_as_alone(old, new):
    """`match_offenses` remembers the ratios it has computed (a table's charges recur); each
    pair's score is still the one the pair gets alone."""
    old = old + old[:1]  # a recurring offense, as a table of several charges of one kind has
    match = match_offenses(old, new, FILLER)
    assert match.sims == [[offense_similarity(a, b, FILLER) for b in new] for a in old]
