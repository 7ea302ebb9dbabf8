"""A third report series, with no trial tables at all, is only a profile (issue 10, item 4).

Beside the North Shore series of test_second_series.py (whose table is a trial-shaped one),
this one has a table of plain named columns, no trials, and a publication lag of zero.

The imaginary "Annual Report of the North Bay Fisheries Cooperative" (profile in
tests/helpers/northbay_profile.py, reports in tests/fixtures/northbay-<year>.md, rendered by
`python -m testdata.render_northbay`) goes through every command of the CLI with
`--profile northbay`. Every expected value below was read from the sources, not from the
tool: the reports of 2022, 2023 and 2024 are published each December and cover the fishing
year then ending (a lag of zero years, where the real series has one), and the one
inconsistency planted in them is the 2024 report's "84 active vessels (down 5 vessels from
2023)": 84 + 5 = 89, but the 2023 report gives 87 active vessels in 2023.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sqlite3

import pytest
from click.testing import CliRunner

from annualcheck import profiles
from annualcheck.cli import cli
from helpers.northbay_profile import NAME, build
from helpers.paths import FIXTURES, REPORTS, committed

YEARS = (2022, 2023, 2024)

#: What each report states, by key: (value, period, stated delta or None, its reference year).
STATED = {
    2022: {
        "catch.total": (4400, "2022", 250, "2021"),
        "catch.species.cod": (2050, "2022", None, None),
        "catch.species.herring": (1450, "2022", None, None),
        "catch.species.mackerel": (900, "2022", None, None),
        "members.total": (297, "2022", 9, "2021"),
        "members.type.full_time": (232, "2022", None, None),
        "members.type.part_time": (65, "2022", None, None),
        "members.new": (21, "2022", 4, "2021"),
        "vessels.active": (87, "2022", 2, "2021"),
    },
    2023: {
        "catch.total": (4520, "2023", 120, "2022"),
        "catch.species.cod": (2100, "2023", None, None),
        "catch.species.herring": (1500, "2023", None, None),
        "catch.species.mackerel": (920, "2023", None, None),
        "members.total": (312, "2023", 15, "2022"),
        "members.type.full_time": (240, "2023", None, None),
        "members.type.part_time": (72, "2023", None, None),
        "members.new": (18, "2023", -3, "2022"),
        "vessels.active": (87, "2023", 0, "2022"),
    },
    2024: {
        "catch.total": (4380, "2024", -140, "2023"),
        "catch.species.cod": (2000, "2024", None, None),
        "catch.species.herring": (1480, "2024", None, None),
        "catch.species.mackerel": (900, "2024", None, None),
        "members.total": (305, "2024", -7, "2023"),
        "members.type.full_time": (236, "2024", None, None),
        "members.type.part_time": (69, "2024", None, None),
        "members.new": (14, "2024", -4, "2023"),
        "vessels.active": (84, "2024", -5, "2023"),
    },
}

#: Stated changes as the reports word them, with the series' own units ("tonnes", "vessels").
PHRASES = {
    (2022, "catch.total"): "an increase of 250 tonnes from 2021",
    (2022, "members.total"): "nine more than in 2021",
    (2023, "catch.total"): "an increase of 120 tonnes on 2022",
    (2023, "vessels.active"): "the same number as in 2022",
    (2024, "catch.total"): "down 140 tonnes from 2023",
    (2024, "vessels.active"): "down 5 vessels from 2023",
}

UNITS = {"catch": "tonnes", "members": "members", "vessels": "vessels"}

#: Table 1 "Landings by port in <year>": port, species, tonnes, value (thousand euros).
LANDINGS = {
    2022: [
        ("Harbour Point", "Cod", "1,300", "3,120"),
        ("Harbour Point", "Herring", "800", "960"),
        ("Gull Island", "Cod", "750", "1,800"),
        ("Gull Island", "Mackerel", "900", "1,350"),
        ("Eastwick", "Herring", "650", "780"),
    ],
    2023: [
        ("Harbour Point", "Cod", "1,350", "3,375"),
        ("Harbour Point", "Herring", "820", "1,025"),
        ("Gull Island", "Cod", "750", "1,875"),
        ("Gull Island", "Mackerel", "920", "1,472"),
        ("Eastwick", "Herring", "680", "850"),
    ],
    2024: [
        ("Harbour Point", "Cod", "1,280", "3,328"),
        ("Harbour Point", "Herring", "790", "1,027"),
        ("Gull Island", "Cod", "720", "1,872"),
        ("Gull Island", "Mackerel", "900", "1,530"),
        ("Eastwick", "Herring", "690", "897"),
    ],
}
COLUMNS = ("port", "species", "tonnes", "value")


@pytest.fixture(scope="module", autouse=True)
def northbay_profile(tmp_path_factory):
    """The series registered under its name for these tests only, and a private cache (so
    the second command on a report reads it from the cache, keyed by the profile)."""
    profiles.register(build())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("northbay-cache")))
        yield
    profiles.PROFILES.pop(NAME, None)


def pdf(year: int):
    return committed(FIXTURES / f"northbay-{year}.pdf")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def northbay(command: str, *args):
    return run(command, "--profile", NAME, *args)


@pytest.fixture(scope="module")
def records() -> dict[int, dict]:
    out = {}
    for year in YEARS:
        result = northbay("extract", pdf(year))
        assert result.exit_code == 0, result.stderr
        out[year] = json.loads(result.stdout)
    return out


# -- extract -------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_extract_reads_the_report_and_its_years(records, year):
    report = records[year]["report"]
    assert report["title"] == "Annual Report of the North Bay Fisheries Cooperative"
    assert report["report_year"] == year and report["data_year"] == year
    assert report["published"].startswith(f"{year}-12-")
    assert report["series"] == NAME


@pytest.mark.parametrize("year", YEARS)
def test_extract_keys_every_figure_with_its_value_period_and_stated_change(records, year):
    figures = {f["key"]: f for f in records[year]["figures"]}
    assert set(figures) == set(STATED[year])
    for key, (value, period, delta, reference) in STATED[year].items():
        f = figures[key]
        assert (f["value"], f["period"], f["unit"]) == (value, period, UNITS[key.split(".")[0]])
        change = f["stated_change"]
        if delta is None:
            assert change is None, key
        else:
            assert (change["delta"], change["reference_period"]) == (delta, reference), key


@pytest.mark.parametrize(("year", "key"), sorted(PHRASES))
def test_extract_keeps_the_stated_change_as_worded(records, year, key):
    (figure,) = [f for f in records[year]["figures"] if f["key"] == key]
    assert figure["stated_change"]["phrase"] == PHRASES[year, key]
    assert f"({PHRASES[year, key]})" in figure["quote"]


@pytest.mark.parametrize("year", YEARS)
def test_extract_reads_the_landings_table_row_by_row(records, year):
    tables = records[year]["tables"]
    assert list(tables) == ["landings"]
    table = tables["landings"]
    assert table["label"] == "Table 1" and table["caption"] == f"Landings by port in {year}"
    rows = [tuple(r["cells"][c] for c in COLUMNS) for r in table["rows"]]
    assert rows == LANDINGS[year]


def test_extract_csv_folder_writes_the_table_with_its_own_columns(tmp_path):
    out = tmp_path / "record"
    out.mkdir()
    result = northbay("extract", pdf(2024), "--format", "csv", "-o", f"{out}/")
    assert result.exit_code == 0, result.stderr
    with open(out / "landings.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["report_year", "table", *COLUMNS, "pages"]
    assert [tuple(r[c] for c in COLUMNS) for r in rows] == LANDINGS[2024]


# -- check ---------------------------------------------------------------------------------------


def findings_of(*years: int) -> tuple[int, list[dict]]:
    result = northbay("check", "--format", "json", *(pdf(y) for y in years))
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_check_finds_exactly_the_planted_stated_change():
    code, findings = findings_of(*YEARS)
    serious = [f for f in findings if f["severity"] != "info"]
    assert code == 1
    assert len(serious) == 1
    (error,) = serious
    assert (error["rule"], error["severity"], error["report_year"], error["key"]) == (
        "stated-change",
        "error",
        2024,
        "vessels.active",
    )
    # 2023 gave 87 for 2023; 2024's "84 (down 5 vessels from 2023)" implies 89
    assert (error["expected"], error["actual"]) == (87, 89)
    assert {e["report_year"] for e in error["evidence"]} == {2023, 2024}


def test_check_leaves_the_first_report_s_changes_unchecked_as_info():
    _, findings = findings_of(*YEARS)
    info = [f for f in findings if f["severity"] == "info"]
    # the 2022 report's four stated changes refer to 2021, and no report before it is given
    assert sorted((f["report_year"], f["key"]) for f in info) == [
        (2022, "catch.total"),
        (2022, "members.new"),
        (2022, "members.total"),
        (2022, "vessels.active"),
    ]
    assert all(f["rule"] == "stated-change" for f in info)


def test_check_of_the_clean_reports_has_no_error():
    code, findings = findings_of(2022, 2023)
    assert code == 0
    assert [f for f in findings if f["severity"] != "info"] == []


@pytest.mark.parametrize(
    ("key", "breakdown"),
    [("catch.species.cod", "catch by species"), ("members.type.part_time", "members by type")],
)
def test_the_profile_s_breakdowns_are_summed(key, breakdown):
    """The clean reports pass breakdown-sum because their parts add up, not because the rule
    is off: one part changed by hand is an error naming the profile's breakdown."""
    from annualcheck.checks import run_checks
    from annualcheck.extract.pipeline import extract_record

    profile = profiles.get_profile(NAME)
    record = extract_record(pdf(2023), profile=profile)
    record.figures = [
        dataclasses.replace(f, value=f.value + 10) if f.key == key else f for f in record.figures
    ]
    found = [f for f in run_checks([record], profile=profile) if f.rule == "breakdown-sum"]
    assert len(found) == 1
    assert found[0].severity == "error"
    assert breakdown in found[0].message


# -- diff ----------------------------------------------------------------------------------------


def test_diff_gives_the_figure_changes_and_the_contradiction():
    result = northbay("diff", pdf(2023), pdf(2024), "--format", "json")
    assert result.exit_code == 0, result.stderr
    change = json.loads(result.stdout)
    assert (change["old_year"], change["new_year"]) == (2023, 2024)
    rows = {f["key"]: f for f in change["figures"]}
    assert set(rows) == set(STATED[2024])
    for key, (value, _, delta, _) in STATED[2024].items():
        previous = STATED[2023][key][0]
        assert (rows[key]["previous"], rows[key]["current"]) == (previous, value), key
        assert rows[key]["change"] == value - previous
        assert rows[key]["stated_change"] == delta
    agreement = {k: r["agreement"] for k, r in rows.items() if r["stated_change"] is not None}
    assert agreement == {
        "catch.total": "agrees",
        "members.total": "agrees",
        "members.new": "agrees",
        "vessels.active": "contradicts",
    }


def test_diff_text_names_no_trial_tables_the_series_does_not_have():
    result = northbay("diff", pdf(2022), pdf(2023))
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "catch.total (Total catch)" in text and "4,400" in text and "4,520" in text
    assert "CARRIED-OVER" not in text and "convicted" not in text


# -- report and export ---------------------------------------------------------------------------


def test_report_writes_the_site_of_the_series(tmp_path):
    out = tmp_path / "site"
    result = northbay("report", *(pdf(y) for y in YEARS), "-o", out)
    assert result.exit_code == 0, result.stderr
    pages = sorted(p.name for p in out.iterdir() if p.suffix == ".html")
    assert pages == [
        "changes-2022-2023.html",
        "changes-2023-2024.html",
        "findings.html",
        "index.html",
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Annual Report of the North Bay Fisheries Cooperative" in index
    for chart in ("Total catch (tonnes)", "Catch by species (tonnes)", "Members and vessels"):
        assert chart in index
    assert "Trials" not in index
    findings = (out / "findings.html").read_text(encoding="utf-8")
    assert "vessels.active" in findings and "down 5 vessels from 2023" in findings
    pair = (out / "changes-2023-2024.html").read_text(encoding="utf-8")
    assert "contradicts" in pair and "Carried-over" not in pair


def test_export_csv_has_every_figure_of_every_report(tmp_path):
    out = tmp_path / "figures.csv"
    result = northbay("export", *(pdf(y) for y in YEARS), "-o", out)
    assert result.exit_code == 0, result.stderr
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    got = {(int(r["report_year"]), r["key"]): (int(r["value"]), r["period"]) for r in rows}
    want = {(y, k): (v[0], v[1]) for y in YEARS for k, v in STATED[y].items()}
    assert got == want


def test_export_sqlite_holds_the_landings_rows(tmp_path):
    out = tmp_path / "series.sqlite"
    result = northbay("export", *(pdf(y) for y in YEARS), "-o", out)
    assert result.exit_code == 0, result.stderr
    con = sqlite3.connect(out)
    try:
        got = con.execute(
            "SELECT report_year, port, species, tonnes, value FROM table_landings"
        ).fetchall()
        assert con.execute("SELECT COUNT(*) FROM figures").fetchone() == (27,)
    finally:
        con.close()
    assert got == [(y, *row) for y in YEARS for row in LANDINGS[y]]


# -- each profile reads only its own series ------------------------------------------------------


def test_the_real_series_profile_refuses_a_northbay_report():
    result = run("extract", "--profile", "jp-tip", pdf(2023))
    assert result.exit_code == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert "northbay-2023.pdf" in result.stderr and "not a report of the series" in result.stderr


def test_the_northbay_profile_refuses_a_report_of_the_real_series():
    result = northbay("extract", committed(REPORTS / "2020.pdf"))
    assert result.exit_code == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert "2020.pdf" in result.stderr
    assert "not an annual report of the North Bay Fisheries Cooperative" in result.stderr
