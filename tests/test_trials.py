"""Trial histories and sentencing: report 2020 (the real text) against expected/trials-2020.json,
chains over three reports, lost and unplaced persons as carryover findings, reworded offenses.

The real reports are extracted once for this module; the other tests use built records.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.checks import run_checks
from annualcheck.profiles import get_profile
from annualcheck.trials import build_trials
from annualcheck.trials.history import LOST
from annualcheck.trials.laws import law_of, laws_of
from annualcheck.trials.sentencing import category, sentencing_of
from helpers.builders import fig, record
from helpers.paths import EXPECTED, REPORTS

PROFILE = get_profile("jp-tip")
TABLE2, TABLE3 = PROFILE.checks.trial_tables[0], PROFILE.checks.carryover_table
EXPECTED_2020 = json.loads((EXPECTED / "trials-2020.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real(records):
    """Records of the three reports in reports/, by report year (the session's extraction,
    tests/conftest.py: read here, never changed)."""
    return {rec.report.report_year: rec for rec in (records[y] for y in (2019, 2020, 2021))}


@pytest.fixture(scope="module")
def series_trials(real):
    return build_trials(real.values(), profile=PROFILE)


# -- report 2020, the real text ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["table2", "table3"])
def test_2020_every_person_category_sentence_and_laws(real, name):
    rows = {r.no: r for r in real[2020].tables[name].rows}
    expected = EXPECTED_2020[name]["persons"]
    assert sorted(rows) == [p["row"] for p in expected]
    for p in expected:
        row = rows[p["row"]]
        assert category(row) == p["category"], p["row"]
        s = row.sentence
        if p["category"] == "pending":
            assert s is None, p["row"]
        else:
            got = (s.prison_months, s.suspended_years, s.probation, s.fine_yen)
            assert got == (p["prison_months"], p["suspended_years"], p["probation"], p["fine_yen"])
        assert laws_of(row.charges, PROFILE.trials) == p["laws"], p["row"]


@pytest.mark.parametrize("name", ["table2", "table3"])
def test_2020_sentencing_counts_and_terms(real, name):
    tt = TABLE2 if name == "table2" else TABLE3
    s = sentencing_of(real[2020], tt, PROFILE.trials)
    exp = EXPECTED_2020[name]
    for key, value in exp["counts"].items():
        assert getattr(s, key) == value, key
    for stat in ("prison_months", "unsuspended_months", "suspension_years"):
        got = getattr(s, stat)
        assert (got.count, got.median, got.min, got.max) == tuple(exp[stat].values()), stat
    # the categories partition the table
    assert s.prison + s.suspended + s.fine_only + s.acquitted + s.pending == s.persons
    assert s.agrees is True


def test_2020_sentencing_against_the_text(real, series_trials):
    text = EXPECTED_2020["text"]
    year = next(y for y in series_trials.sentencing if y.report_year == 2020)
    assert year.main.stated["persons"] == text["prosecuted"]
    assert year.main.stated["convicted"] == text["guilty"]
    assert year.main.stated["pending"] == text["pending"]
    assert year.carried_over.stated["persons"] == text["carried_over"]
    assert year.carried_over.convicted == text["carried_over_guilty"]
    assert year.carried_over.pending == text["carried_over_pending"]


# -- chains over the series -----------------------------------------------------------------

#: Read from reports/src: report 2019's Table 2 leaves rows 4, 5, 11, 12, 19 and 26 pending;
#: report 2020's Table 3 lists them in that order (rows 2, 3 and 6 still pending); report
#: 2021's Table 3 lists report 2020's nine pending Table 2 rows (1-9), then those three (10-12).
CHAINS = {
    "2019-5": [(2019, "table2", 5), (2020, "table3", 2), (2021, "table3", 10)],
    "2019-11": [(2019, "table2", 11), (2020, "table3", 3), (2021, "table3", 11)],
    "2019-26": [(2019, "table2", 26), (2020, "table3", 6), (2021, "table3", 12)],
    "2019-4": [(2019, "table2", 4), (2020, "table3", 1)],
    "2019-12": [(2019, "table2", 12), (2020, "table3", 4)],
    "2019-19": [(2019, "table2", 19), (2020, "table3", 5)],
    **{
        f"2020-{no}": [(2020, "table2", no), (2021, "table3", k)]
        for k, no in enumerate((6, 7, 8, 16, 17, 28, 30, 31, 32), start=1)
    },
}


def test_chains_over_three_reports(series_trials):
    by_id = {p.id: p for p in series_trials.persons}
    for pid, steps in CHAINS.items():
        got = [(e.report_year, e.table, e.row) for e in by_id[pid].history]
        assert got == steps, pid
    three = [p for p in series_trials.persons if len(p.history) == 3]
    assert {p.id for p in three} == {"2019-5", "2019-11", "2019-26"}
    for p in three:
        assert [e.status for e in p.history[:2]] == ["pending", "pending"]
        assert p.final_status == "convicted" and p.reports_pending == 2
    assert by_id["2020-16"].final_status == "acquitted"  # 2021's Table 3 row 4
    assert by_id["2020-17"].final_status == "pending"  # still pending in the last report
    assert not [p for p in series_trials.persons if p.final_status == LOST]


def test_every_prosecuted_person_once(real, series_trials):
    ids = [p.id for p in series_trials.persons]
    assert len(ids) == len(set(ids))
    first = [p for p in series_trials.persons if p.history[0].table == "table2"]
    assert len(first) == sum(len(r.tables["table2"].rows) for r in real.values())
    # report 2018 is not in the series: 2019's Table 3 rows are persons of their own, noted so
    orphans = [p for p in series_trials.persons if p.history[0].table == "table3"]
    assert [p.id for p in orphans] == [f"2019-table3-{n}" for n in range(1, 5)]
    assert all("not in the series" in p.note for p in orphans)


# -- lost and unplaced persons: the carryover rule's findings, not a second rule -----------

ESA = "Violation of the Employment Security Act"
CWA = "Violation of the Child Welfare Act"
PENDING = "Pending trial"
GUILTY = "1 year imprisonment, suspension of 3 years"


def _carry(findings):
    return [f for f in findings if f.rule == "carryover" and f.severity != "info"]


def test_pending_person_dropped_from_next_table3():
    r2020 = record(2020, table2=[(ESA, PENDING), (CWA, PENDING), (CWA, GUILTY)])
    r2021 = record(2021, table2=[(CWA, GUILTY)], table3=[(CWA, GUILTY)])
    trials = build_trials([r2020, r2021], profile=PROFILE)
    by_id = {p.id: p for p in trials.persons}
    assert by_id["2020-1"].final_status == LOST
    assert "not listed" in by_id["2020-1"].note
    assert by_id["2020-2"].final_status == "convicted"
    found = _carry(trials.findings)
    assert len(found) == 1 and found[0].severity == "error"
    assert "Table 2 row 1" in found[0].message
    # the same finding `check` gives: one rule, reused
    assert [f.message for f in _carry(run_checks([r2020, r2021], profile=PROFILE))] == [
        f.message for f in found
    ]


def test_person_reappearing_after_a_verdict():
    r2020 = record(2020, table2=[(ESA, GUILTY), (CWA, PENDING)])
    r2021 = record(2021, table2=[(CWA, GUILTY)], table3=[(CWA, GUILTY), (ESA, GUILTY)])
    trials = build_trials([r2020, r2021], profile=PROFILE)
    orphan = next(p for p in trials.persons if p.id == "2021-table3-2")
    assert "no person report 2020 left pending matches" in orphan.note
    found = _carry(trials.findings)
    assert found and "new row 2" in found[0].message


def test_gap_in_the_series_is_not_lost():
    r2019 = record(2019, table2=[(ESA, PENDING)])
    r2021 = record(2021, table2=[(CWA, GUILTY)])
    trials = build_trials([r2019, r2021], profile=PROFILE)
    person = next(p for p in trials.persons if p.id == "2019-1")
    assert person.final_status == "pending" and "2020 is not in the series" in person.note


def test_table_against_the_text_is_the_table_count_finding():
    figures = [fig("suspects.prosecuted", 3, "2019"), fig("suspects.prosecuted.guilty", 3, "2019"),
               fig("suspects.prosecuted.pending", 0, "2019")]  # fmt: skip
    r2020 = record(2020, figures, table2=[(ESA, PENDING), (CWA, GUILTY), (CWA, GUILTY)])
    trials = build_trials([r2020], profile=PROFILE)
    (year,) = trials.sentencing
    assert year.main.agrees is False
    assert year.main.stated == {"persons": 3, "convicted": 3, "pending": 0, "acquitted": None}
    counts = [f for f in trials.findings if f.rule == "table-count"]
    assert {f.key for f in counts} == {"suspects.prosecuted.guilty", "suspects.prosecuted.pending"}
    assert all(f.severity == "error" for f in counts)
    checked = [f for f in run_checks([r2020], profile=PROFILE) if f.rule == "table-count"]
    assert [f.message for f in checked] == [f.message for f in counts]


# -- reworded offenses ------------------------------------------------------------------------

REWORDINGS = [
    ("Violation of the Employment Security Act", "Employment Security Act violation"),
    ("violation of the Anti-Prostitution Act", "Anti-Prostitution Act violation"),
    (
        "Violation of the Immigration Control and Refugee Recognition Act",
        "Violation of the Immigration Control and Refugee Recognition Act",
    ),
    (
        "Extortion attempt, violation of the Child Welfare Act",
        "Extortion attempt, Child Welfare Act violation",
    ),
]


@pytest.mark.parametrize(("old", "new"), REWORDINGS)
def test_reworded_offense_is_followed(old, new):
    r2020 = record(2020, table2=[(CWA, GUILTY), (old, PENDING)])
    r2021 = record(2021, table2=[(CWA, GUILTY)], table3=[(new, GUILTY)])
    trials = build_trials([r2020, r2021], profile=PROFILE)
    person = next(p for p in trials.persons if p.id == "2020-2")
    assert [e.report_year for e in person.history] == [2020, 2021]
    assert person.final_status == "convicted"
    assert not _carry(trials.findings)
    assert laws_of(r2020.tables["table2"].rows[1].charges, PROFILE.trials) == laws_of(
        r2021.tables["table3"].rows[0].charges, PROFILE.trials
    )


WORDINGS = ["violation of the {}", "{} violation", "Violation of {}", "violation of {}"]


@settings(max_examples=40, deadline=None)
@given(
    data=st.data(),
    acts=st.lists(st.sampled_from(range(5)), min_size=1, max_size=3, unique=True),
)
def test_reworded_multi_charge_offense_is_followed_among_others(data, acts):
    """A person charged under 1-3 Acts, each charge reworded independently in the next
    report, is still found among persons charged under the other Acts."""
    names = [ACTS[i] for i in acts]
    others = [a for a in ACTS if a not in names]

    def offense(laws):
        forms = [data.draw(st.sampled_from(WORDINGS)) for _ in laws]
        return ", ".join(f.format(a) for f, a in zip(forms, laws, strict=True))

    old = offense(names)
    new = offense(names)
    other = offense(others[:1])
    r2020 = record(2020, table2=[(offense(others[:1]), PENDING), (old, PENDING)])
    r2021 = record(2021, table3=[(other, GUILTY), (new, GUILTY)])
    trials = build_trials([r2020, r2021], profile=PROFILE)
    person = next(p for p in trials.persons if p.id == "2020-2")
    assert [(e.report_year, e.row) for e in person.history] == [(2020, 2), (2021, 2)]
    assert person.laws == names


ACTS = ["Employment Security Act", "Child Welfare Act", "Anti-Prostitution Act",
        "Labor Standards Act", "Immigration Control Act"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    act=st.sampled_from(ACTS),
    form=st.sampled_from(
        [
            "violation of the {}",
            "{} violation",
            "Violation of {}",
            "violation of the {}, etc.",
            "{} violations",
        ]
    ),  # fmt: skip
    upper=st.booleans(),
)
def test_law_of_any_wording(act, form, upper):
    charge = form.format(act)
    charge = charge.upper() if upper else charge
    assert law_of(charge, PROFILE.trials) == act


def test_a_charge_under_no_listed_law():
    assert law_of("violation of the Foo Bar Act", PROFILE.trials) == "Foo Bar Act"
    assert law_of("extortion attempt", PROFILE.trials) == "Penal Code"
    assert law_of("a crime nobody named", PROFILE.trials) == PROFILE.trials.unclassified


# -- outputs ------------------------------------------------------------------------------


def _small():
    r2020 = record(2020, table2=[(ESA, PENDING), (CWA, "500,000 yen fine")])
    r2021 = record(2021, table2=[(CWA, GUILTY)], table3=[(ESA, "2 years imprisonment")])
    return [r2020, r2021]


def test_json_document_schema():
    from annualcheck.render.trials import render_trials

    doc = json.loads(render_trials(build_trials(_small(), profile=PROFILE), "json"))
    assert doc["schema"] == "annualcheck/trials@1"
    person = doc["persons"][0]
    for key in ("id", "offense", "charges", "laws", "history", "final_status", "reports_pending"):
        assert key in person
    assert person["id"] == "2020-1" and len(person["history"]) == 2
    assert person["history"][1]["sentence"]["prison_months"] == 24
    entry = doc["sentencing"][0]
    for key in ("convicted", "prison", "suspended", "fine_only", "with_fine", "acquitted",
                "pending", "prison_months", "suspension_years", "carried_over"):  # fmt: skip
        assert key in entry
    assert (entry["report_year"], entry["fine_only"], entry["pending"]) == (2020, 1, 1)
    assert doc["sentencing"][1]["carried_over"]["prison"] == 1


def test_csv_folder_and_text(tmp_path):
    from annualcheck.output.trials import CSV_FILES, write_trials
    from annualcheck.render.trials import render_trials

    trials = build_trials(_small(), profile=PROFILE)
    written = write_trials(trials, "csv", tmp_path / "out")
    assert [p.name for p in written] == list(CSV_FILES)
    events = (tmp_path / "out" / "trial_events.csv").read_text().splitlines()
    assert len(events) == 1 + 4  # header, 2020-1 twice, 2020-2, 2021-1
    text = render_trials(trials, "text")
    assert "2020 Table 2 #1 pending (p. 12) → 2021 Table 3 #1 2y prison (p. 15)" in text
    assert render_trials(trials, "markdown").startswith("# Trials")


def test_site_page_and_index_chart(tmp_path):
    from annualcheck.output.site import write_site

    records = _small()
    trials = build_trials(records, profile=PROFILE)
    write_site(
        records,
        [],
        tmp_path,
        profile=PROFILE,
        trials=trials,
        pdfs={"2020.pdf": REPORTS / "2020.pdf"},
    )
    page = (tmp_path / "trials.html").read_text()
    assert 'href="2020.pdf#page=12"' in page  # the PDF is copied into the site
    assert page.count('<tr id="person-') == len(trials.persons)
    assert 'class="status-convicted law-child-welfare-act"' in page
    assert "#status-lost" not in page  # only statuses that occur are filters
    assert "#law-employment-security-act:checked ~ .persons" in page
    assert "<script" not in page
    index = (tmp_path / "index.html").read_text()
    assert 'href="trials.html"' in index and "Sentencing of the persons prosecuted" in index


def test_sqlite_export_and_frame(tmp_path):
    from annualcheck.output.export import export_series
    from annualcheck.output.trials_export import trials_frame

    records = _small()
    out = export_series(
        records, tmp_path / "x.sqlite", trials=build_trials(records, profile=PROFILE)
    )
    con = sqlite3.connect(out)
    try:
        assert con.execute("SELECT count(*) FROM trials").fetchone()[0] == 3
        rows = con.execute(
            "SELECT step, report_year, status FROM trial_events WHERE person_id = '2020-1'"
        ).fetchall()
    finally:
        con.close()
    assert rows == [(1, 2020, "pending"), (2, 2021, "convicted")]
    df = trials_frame(records, profile=PROFILE)
    assert list(df["id"]) == ["2020-1", "2020-2", "2021-1"]
    assert str(df["reports_pending"].dtype) == "Int64"
    assert len(trials_frame(records, profile=PROFILE, events=True)) == 4


def test_cli_help_and_bad_input(tmp_path):
    from click.testing import CliRunner

    from annualcheck.cli import cli

    runner = CliRunner()
    help_text = runner.invoke(cli, ["trials", "--help"]).output
    assert "Example:" in help_text and "annualcheck trials reports/" in help_text
    result = runner.invoke(cli, ["trials", str(tmp_path / "missing.pdf")])
    assert result.exit_code == 2


def test_series_without_trial_tables(tmp_path):
    from annualcheck.output.site import write_site
    from annualcheck.render.trials import render_trials

    records = [record(2020), record(2021)]
    trials = build_trials(records, profile=PROFILE)
    assert trials.persons == []
    assert "0 persons over 2 reports" in render_trials(trials, "text")
    write_site(records, [], tmp_path, trials=trials, profile=PROFILE)
    index = (tmp_path / "index.html").read_text()
    assert 'href="trials.html"' in index
    assert "Sentencing of the persons prosecuted" not in index
