"""A second series as only a profile: the imaginary fisheries cooperative of
tests/helpers/fisheries_profile.py, run end to end through the CLI (extract, check, diff, report,
export) with `--profile fisheries`, and the profile's own validation.

The fixtures (tests/fixtures/fisheries-<year>.pdf) are rendered by python -m testdata.render_fisheries;
the expected values below are the values its sources state, read from the template, not from
the tool's output.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annualcheck.batch import cache
from annualcheck.cli import cli
from annualcheck.profiles import PROFILES, UnknownProfileError, get_profile, register
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.checks import Breakdown
from annualcheck.profiles.spec.diff import DiffSpec
from annualcheck.profiles.spec.extract import KeyRule, TableKind
from helpers.fisheries_profile import FISHERIES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PDFS = {year: FIXTURES / f"fisheries-{year}.pdf" for year in (2022, 2023, 2024)}


@pytest.fixture(scope="module", autouse=True)
def registered():
    """The test series is known to the CLI only while these tests run."""
    register(FISHERIES)
    yield
    PROFILES.pop("fisheries", None)


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def fisheries(*args: str) -> tuple[int, str, str]:
    return run(*args, "--profile", "fisheries", "--jobs", "1")


def test_fixtures_are_committed():
    for path in PDFS.values():
        assert path.is_file(), f"{path} is missing: run `python -m testdata.render_fisheries`"


def test_extract_reads_the_series_words():
    code, out, err = fisheries("extract", str(PDFS[2023]))
    assert code == 0, err
    record = json.loads(out)
    assert record["report"]["report_year"] == 2023
    assert record["report"]["data_year"] == 2022
    assert record["report"]["series"] == "fisheries"
    values = {f["key"]: f["value"] for f in record["figures"]}
    assert values["members.total"] == 126
    assert (values["members.sex.female"], values["members.sex.male"]) == (37, 89)
    assert values["vessels.registered"] == 212
    assert values["catch.total"] == 1310
    assert values["infringements.referred"] == 4
    catch = next(f for f in record["figures"] if f["key"] == "catch.total")
    assert (catch["unit"], catch["stated_change"]["delta"]) == ("tonnes", 60)
    vessels = next(f for f in record["figures"] if f["key"] == "vessels.registered")
    assert vessels["stated_change"]["delta"] == 2  # "two vessels more than in 2021"
    assert list(record["tables"]) == ["sanctions"]
    rows = record["tables"]["sanctions"]["rows"]
    assert [r["status"] for r in rows] == ["convicted", "convicted", "pending", "acquitted"]
    assert rows[0]["charges"] == ["unreported catch", "breach of the landing hours"]
    assert rows[1]["charges"] == ["breach of the Fishing Rights and Quota Rules"]
    assert rows[0]["sentence"]["fine_yen"] == 50000


def test_extract_csv_folder_has_one_file_per_table_of_the_profile(tmp_path):
    out = tmp_path / "out"
    code, _, err = fisheries("extract", str(PDFS[2022]), "--format", "csv", "-o", str(out))
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["figures.csv", "sanctions.csv"]
    assert "breach of the landing hours" in (out / "sanctions.csv").read_text()


def test_the_default_profile_refuses_the_other_series():
    code, out, err = run("extract", str(PDFS[2023]), "--jobs", "1")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "not a report of the series" in err


def test_check_finds_the_one_mistake():
    code, out, err = fisheries("check", *map(str, PDFS.values()), "--format", "json")
    assert code == 1, err
    findings = json.loads(out)["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    assert [(f["rule"], f["report_year"], f["key"]) for f in errors] == [
        ("stated-change", 2024, "catch.total")
    ]
    # report 2022 has no report before it: its stated changes are info, never dropped
    first = [f for f in findings if f["report_year"] == 2022]
    assert {f["key"] for f in first} >= {"members.total", "catch.total", "vessels.registered"}
    assert all(f["severity"] == "info" for f in first)


def test_check_in_worker_processes_gets_the_same_findings():
    """The profile travels to the worker processes with the load options."""
    paths = list(map(str, PDFS.values()))
    _, one, _ = run("check", *paths, "--profile", "fisheries", "--jobs", "1", "--no-cache")
    _, two, _ = run("check", *paths, "--profile", "fisheries", "--jobs", "2", "--no-cache")
    assert one == two and "stated-change" in one


def test_diff_uses_the_profiles_labels_and_table():
    code, out, err = fisheries("diff", str(PDFS[2023]), str(PDFS[2024]))
    assert code == 0, err
    assert "catch.total (Catch landed)" in out
    assert "TABLE 1 (infringements heard)" in out
    assert "SENTENCES OF SECTION 2" in out
    code, out, _ = fisheries("diff", str(PDFS[2023]), str(PDFS[2024]), "--format", "json")
    change = json.loads(out)
    catch = next(f for f in change["figures"] if f["key"] == "catch.total")
    assert (catch["change"], catch["stated_change"], catch["agreement"]) == (
        -30,
        -20,
        "contradicts",
    )
    old, new = change["table_summaries"]
    assert (old["referred"], old["pending"], old["acquitted"]) == (4, 1, 1)
    assert (new["referred"], new["convicted"]) == (2, 1)
    assert change["table_change"]["referred"] == -2


def test_report_writes_the_site_with_the_profiles_charts(tmp_path):
    site = tmp_path / "site"
    code, out, err = fisheries("report", *map(str, PDFS.values()), "-o", str(site))
    assert code == 0, err
    index = (site / "index.html").read_text()
    assert "Catch landed" in index and "Members by sex" in index
    pair = (site / "changes-2023-2024.html").read_text()
    assert 'id="sanctions"' in pair and "Table 1: infringements heard" in pair


def test_export_holds_every_figure_and_the_table_rows(tmp_path):
    target = tmp_path / "figures.sqlite"
    code, _, err = fisheries("export", *map(str, PDFS.values()), "-o", str(target))
    assert code == 0, err
    con = sqlite3.connect(target)
    try:
        catch = con.execute(
            "SELECT report_year, value FROM figures WHERE key = 'catch.total' ORDER BY 1"
        ).fetchall()
        tables = {t for (t,) in con.execute('SELECT DISTINCT "table" FROM table_rows')}
        fines = con.execute("SELECT SUM(fine_yen) FROM table_rows").fetchone()[0]
    finally:
        con.close()
    assert catch == [(2022, 1250), (2023, 1310), (2024, 1280)]
    assert tables == {"sanctions"}
    assert fines == 40000 + 100000 + 50000 + 40000 + 80000


def test_unknown_profile_is_one_line_and_exit_2():
    code, out, err = run("check", str(PDFS[2022]), "--profile", "nope")
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0
    assert "unknown profile 'nope'" in err and "fisheries" in err and "jp-tip" in err


def test_get_profile_unknown_lists_the_known_names():
    with pytest.raises(UnknownProfileError, match=r"known: .*jp-tip"):
        get_profile("no-such-series")


def test_cache_entries_differ_by_profile():
    jp = get_profile("jp-tip")
    assert cache.entry_path("ab", Path("c"), profile=jp) != cache.entry_path(
        "ab", Path("c"), profile=FISHERIES
    )
    changed = dataclasses.replace(FISHERIES, title="Another title")
    assert cache.entry_path("ab", Path("c"), profile=FISHERIES) != cache.entry_path(
        "ab", Path("c"), profile=changed
    )


# -- validation: a typo is an error when the profile is built, naming the field ----------------


def test_a_wrong_type_names_the_class_and_field():
    with pytest.raises(ValueError, match=r"Breakdown\.parts: expected"):
        Breakdown("members by sex", "members.total", parts="members.sex.female")


def test_a_bad_regex_names_the_field():
    with pytest.raises(ValueError, match=r"KeyRule\.near: not a valid regular expression"):
        KeyRule("catch.total", near=r"(tonnes")


def test_an_unknown_vocabulary_is_an_error():
    bad = KeyRule("members.sex.{sex}", slot="gender")
    rule_set = dataclasses.replace(FISHERIES.figures.rule_sets[0], rules=(bad,))
    with pytest.raises(ValueError, match=r"unknown vocabulary 'gender'"):
        dataclasses.replace(FISHERIES.figures, rule_sets=(rule_set,))


def test_a_table_no_part_reads_is_an_error():
    with pytest.raises(ValueError, match=r"Profile\.diff\.summary_table: names tables"):
        dataclasses.replace(FISHERIES, diff=DiffSpec(summary_table="penalties"))


def test_a_table_shape_must_be_known():
    with pytest.raises(ValueError, match=r"TableKind\.kind"):
        TableKind("sanctions", "Table 1", ("board",), ("No.",), kind="ledger")


def test_every_part_is_required():
    with pytest.raises(TypeError):
        Profile(name="x", version="1", title="x", meta=FISHERIES.meta)  # type: ignore[call-arg]
