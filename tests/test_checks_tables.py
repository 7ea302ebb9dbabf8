"""table-count and carryover: trial tables against their narrative and the previous report."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.checks import run_checks
from annualcheck.checks.tables import check_carryover, check_table_counts
from annualcheck.profiles import get_profile
from helpers.check_builders import fig, real_2020, record, row, synthetic_2019, table

PROFILE = get_profile("jp-tip")

SPEC = get_profile().checks

# Report 2020's Table 3: the six persons report 2019 left awaiting trial.
T3 = [
    ("Violation of the Anti-Prostitution Act", "convicted"),
    ("Violation of the Anti-Prostitution Act", "pending"),
    ("Extortion attempt, violation of the Anti-Prostitution Act", "pending"),
    ("Accessory to attempted extortion, violation of the Anti-Prostitution Act", "convicted"),
    ("Violation of the Anti-Prostitution Act", "convicted"),
    ("Violation of the Labor Standards Act", "pending"),
]


def _table2_record(statuses, prosecuted, guilty, pending, numbers=None):
    nos = numbers or list(range(1, len(statuses) + 1))
    rows = [
        row(n, "Violation of the Child Welfare Act", s) for n, s in zip(nos, statuses, strict=True)
    ]
    return record(2020, [fig("suspects.prosecuted", prosecuted), fig("suspects.prosecuted.guilty", guilty),
                         fig("suspects.prosecuted.pending", pending)],
                  tables={"table2": table("Table 2", rows)})  # fmt: skip


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["convicted", "pending"]), min_size=1, max_size=40))
def test_table2_matching_its_text_raises_nothing(statuses):
    g, p = statuses.count("convicted"), statuses.count("pending")
    assert check_table_counts(_table2_record(statuses, len(statuses), g, p), SPEC) == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["convicted", "pending"]), min_size=2, max_size=40),
       st.data())  # fmt: skip
def test_one_row_status_flipped_raises_the_status_errors(statuses, data):
    g, p = statuses.count("convicted"), statuses.count("pending")
    k = data.draw(st.integers(0, len(statuses) - 1))
    flipped = list(statuses)
    flipped[k] = "pending" if flipped[k] == "convicted" else "convicted"
    found = check_table_counts(_table2_record(flipped, len(statuses), g, p), SPEC)
    assert sorted(f.key for f in found) == [
        "suspects.prosecuted.guilty",
        "suspects.prosecuted.pending",
    ]
    assert all(f.rule == "table-count" and f.severity == "error" for f in found)


def test_row_dropped_gives_count_and_numbering_errors():
    statuses = ["convicted"] * 23 + ["pending"] * 9
    nos = [n for n in range(1, 33) if n != 16]
    statuses.pop(15)
    found = check_table_counts(_table2_record(statuses, 32, 23, 9, numbers=nos), SPEC)
    got = {(f.key, str(f.expected), str(f.actual)) for f in found}
    assert ("suspects.prosecuted", "32", "31") in got
    assert any(f.key == "table2.numbering" and "missing 16" in f.message for f in found)
    assert all(f.rule == "table-count" for f in found)


def test_repeated_row_number():
    found = check_table_counts(_table2_record(["convicted"] * 3, 3, 3, 0, numbers=[1, 2, 2]), SPEC)
    assert [f.key for f in found] == ["table2.numbering"] and "repeated 2" in found[0].message


def _pair(new_rows, prev_offenses=None, narrative=(6, 3, 3)):
    prev_offenses = prev_offenses or [o for o, _ in T3]
    prev = record(2019, tables={"table2": table("Table 2", [
        row(k + 1, "Violation of the Child Welfare Act") for k in range(3)] + [
        row(k + 4, o, "pending", page=11) for k, o in enumerate(prev_offenses)])})  # fmt: skip
    cur = record(2020, [fig("carryover.previous_pending", narrative[0]),
                        fig("carryover.guilty", narrative[1]), fig("carryover.pending", narrative[2])],
                 tables={"table3": table("Table 3", [row(k + 1, o, s, page=15)
                                                     for k, (o, s) in enumerate(new_rows)])})  # fmt: skip
    return prev, cur


def test_real_table3_carries_over_cleanly():
    prev, cur = _pair(T3)
    assert check_carryover(cur, prev, SPEC) == []


def test_carryover_offense_changed():
    rows = list(T3)
    rows[5] = ("Violation of the Immigration Control and Refugee Recognition Act", "pending")
    prev, cur = _pair(rows)
    (f,) = check_carryover(cur, prev, SPEC)
    assert (f.rule, f.severity, f.key) == ("carryover", "error", "carryover.offense")
    assert "Labor Standards" in f.message and {e.report_year for e in f.evidence} == {2019, 2020}


def test_carryover_order_swapped():
    rows = list(T3)
    rows[1], rows[2] = rows[2], rows[1]
    prev, cur = _pair(rows)
    (f,) = check_carryover(cur, prev, SPEC)
    assert (f.key, f.expected, f.actual) == (
        "carryover.order",
        [1, 2, 3, 4, 5, 6],
        [1, 3, 2, 4, 5, 6],
    )


def test_carryover_count_and_narrative():
    prev, cur = _pair(T3[:5], narrative=(6, 3, 3))
    found = check_carryover(cur, prev, SPEC)
    keys = sorted(f.key for f in found)
    assert "carryover.previous_pending" in keys  # 5 rows: against 6 left pending and the text's 6
    assert all(f.rule == "carryover" and f.severity == "error" for f in found)
    prev, cur = _pair(T3, narrative=(6, 2, 4))
    found = check_carryover(cur, prev, SPEC)
    assert sorted((f.key, f.expected, f.actual) for f in found) == [
        ("carryover.guilty", 2, 3), ("carryover.pending", 4, 3)]  # fmt: skip


def test_carryover_without_previous_report_is_info():
    _, cur = _pair(T3)
    (f,) = check_carryover(cur, None, SPEC)
    assert (f.rule, f.severity) == ("carryover", "info")


def test_realistic_pair_raises_only_the_known_toc_mistake():
    """Report 2020 as hand-verified (expected/2020.json, reports/src/2020.md) with a report 2019
    of the values it implies: the only error is the real contents' "40 suspects" for Figure 8."""
    r20 = real_2020()
    errors = [
        f for f in run_checks([synthetic_2019(r20), r20], profile=PROFILE) if f.severity == "error"
    ]
    assert [(f.rule, f.key) for f in errors] == [("toc-caption", "Figure 8")]
