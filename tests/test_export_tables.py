"""The export's tables: reports (with `reconstruction`), typed figures (counts as integers, the
day of a stock as `as_of`, a label), findings one row per piece of evidence, trial rows; SQLite
with keys and indexes under .db and .sqlite; `-o -`; and the Frictionless Data Package."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from annualcheck.cli import cli
from annualcheck.model.findings import finding_ids
from annualcheck.output.export import export_series
from annualcheck.prose.dates import as_of_date
from helpers.badpdfs import REPORT_2020
from helpers.builders import fig, series, series_findings

LABELS = {"victims.total": "Victims put under protection"}


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="module")
def built():
    records = series()
    records[2021].report.reconstruction = True
    records[2020].figures.append(
        fig(
            "stock.pending", 9, "2019", quote="nine are still pending (as of March 31, 2020)."
        )  # fmt: skip
    )
    return list(records.values())


@pytest.mark.parametrize(
    "text,day",
    [
        ("the remaining nine are still pending (as of March 31, 2020).", "2020-03-31"),
        ("233 Japanese Embassies and Consulates (as of March 2020)", "2020-03"),
        ("As of the end of December 2019, 12 shelters", "2019-12"),
        ("in 2019 was 47 (20 more than in 2018)", None),
    ],
)
def test_as_of_dates_from_the_words(text, day):
    assert as_of_date(text) == day


@pytest.mark.parametrize("suffix", [".sqlite", ".db"])
def test_sqlite_tables_keys_and_types(tmp_path, built, suffix):
    findings = series_findings()
    path = export_series(built, tmp_path / f"series{suffix}", findings, LABELS)
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables == {"reports", "figures", "findings", "table_rows"}
        for table in tables:
            keys = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")') if r[5]]
            assert keys, f"{table} has no primary key"
        indexes = {
            r[0] for r in con.execute("SELECT tbl_name FROM sqlite_master WHERE type='index'")
        }
        assert {"figures", "findings"} <= indexes
        rows = con.execute("SELECT report_year, reconstruction FROM reports").fetchall()
        assert dict(rows) == {r.report.report_year: int(r.report.reconstruction) for r in built}
        assert dict(rows)[2020] == 0 and dict(rows)[2021] == 1
        value, kind, label, as_of, rebuilt = con.execute(
            "SELECT value, typeof(value), label, as_of, reconstruction FROM figures "
            "WHERE report_year = 2020 AND key = 'victims.total'"
        ).fetchone()
        assert (value, kind, label, as_of, rebuilt) == (47, "integer", LABELS["victims.total"],
                                                        None, 0)  # fmt: skip
        (as_of,) = con.execute("SELECT as_of FROM figures WHERE key = 'stock.pending'").fetchone()
        assert as_of == "2020-03-31"
        n_evidence = sum(max(1, len(f.evidence)) for f in findings)
        assert con.execute("SELECT count(*) FROM findings").fetchone()[0] == n_evidence
        ids = {r[0] for r in con.execute("SELECT DISTINCT finding_id FROM findings")}
        assert ids == set(finding_ids(findings).values())
        # The stated-change error's second piece of evidence is report 2019's page 10.
        assert con.execute(
            "SELECT evidence_report_year, evidence_page FROM findings "
            "WHERE rule = 'stated-change' AND severity = 'error' AND evidence_no = 2"
        ).fetchone() == (2019, 10)
        total = sum(len(t.rows) for r in built for t in r.tables.values())
        assert con.execute("SELECT count(*) FROM table_rows").fetchone()[0] == total


def test_csv_of_figures_says_which_years_are_reconstructions(tmp_path, built):
    path = export_series(built, tmp_path / "figures.csv", labels=LABELS)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    by_year = {r["report_year"]: r["reconstruction"] for r in rows}
    assert by_year == {str(r.report.report_year): str(r.report.reconstruction) for r in built}
    assert by_year["2020"] == "False" and by_year["2021"] == "True"
    total = next(r for r in rows if r["report_year"] == "2020" and r["key"] == "victims.total")
    assert total["value"] == "47" and total["label"] == LABELS["victims.total"]


def test_data_package_validates(tmp_path, built):
    frictionless = pytest.importorskip("frictionless")
    index = export_series(built, f"{tmp_path / 'package'}/", series_findings(), LABELS)
    package = json.loads(index.read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert names == ["reports", "figures", "findings", "table_rows"]
    for resource in package["resources"]:
        assert (index.parent / resource["path"]).is_file()
        assert resource["schema"]["primaryKey"]
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    types = {f["name"]: f["type"] for f in figures["schema"]["fields"]}
    assert types["value"] == "integer" and types["reconstruction"] == "boolean"
    report = frictionless.validate(str(index))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.skipif(not REPORT_2020.exists(), reason="reports/2020.pdf missing")
def test_export_to_stdout_and_to_a_folder(tmp_path):
    out = CliRunner().invoke(cli, ["export", str(REPORT_2020), "-o", "-"])
    assert out.exit_code == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert any(r["key"] == "victims.total" and r["value"] == "47" for r in rows)
    folder = CliRunner().invoke(cli, ["export", str(REPORT_2020), "-o", f"{tmp_path / 'pkg'}/"])
    assert folder.exit_code == 0, folder.stderr
    assert (tmp_path / "pkg" / "datapackage.json").is_file()
    bad = CliRunner().invoke(cli, ["export", str(REPORT_2020), "-o", str(tmp_path / "x.xlsx")])
    assert bad.exit_code == 2 and bad.stdout == ""
