"""The command line as a user meets it: --help of every command, exit statuses, data on
stdout and diagnostics on stderr (CONTRACT.md, "Command line")."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from annualcheck import __version__
from annualcheck.cli import cli
from helpers.badpdfs import REPORT_2020

REPORTS = REPORT_2020.parent
COMMANDS = ["extract", "check", "diff", "report", "export"]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def series_pdfs() -> list:
    pdfs = sorted(REPORTS.glob("*.pdf"))
    if len(pdfs) < 3:
        pytest.fail(f"reports/ holds {len(pdfs)} PDFs; the three committed reports are missing")
    return pdfs


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_group_help_lists_every_command():
    result = run("--help")
    assert result.exit_code == 0 and result.stderr == ""
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert f"Usage: cli {command}" in result.stdout or f"{command} [OPTIONS]" in result.stdout
    assert "Example" in result.stdout
    if command != "diff":
        assert "--max-pages" in result.stdout and "--no-cache" in result.stdout


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_arguments_is_a_usage_error(command):
    result = run(command)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Usage:" in result.stderr and "Traceback" not in result.stderr


def test_extract_json_to_stdout():
    result = run("extract", REPORT_2020)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["schema"] == "annualcheck/record@1"
    assert data["report"]["report_year"] == 2020
    assert data["source"]["file"].endswith("2020.pdf")


def test_extract_to_file_keeps_stdout_clean(tmp_path):
    out = tmp_path / "2020.json"
    result = run("extract", REPORT_2020, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert json.loads(out.read_text())["report"]["data_year"] == 2019


def test_extract_csv_to_stdout_and_folder(tmp_path):
    result = run("extract", REPORT_2020, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("report_year,data_year,key,period,value")
    out = tmp_path / "csv"
    result = run("extract", REPORT_2020, "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "figures.csv",
        "table1.csv",
        "table2.csv",
        "table3.csv",
    ]


def test_check_exit_status_and_streams(series_pdfs):
    result = run("check", REPORTS, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "annualcheck/findings@1"
    has_error = any(f["severity"] == "error" for f in doc["findings"])
    assert result.exit_code == (1 if has_error else 0)
    assert "Traceback" not in result.stderr


def test_check_gap_year_is_a_note(series_pdfs, tmp_path):
    """The first and last report without the middle one: a note on stderr, not an error."""
    first, last = series_pdfs[0], series_pdfs[-1]
    result = run("check", first, last, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    notes = [line for line in result.stderr.splitlines() if "note:" in line]
    assert len(notes) == 1 and "no report for" in notes[0]
    json.loads(result.stdout)


def test_diff_two_years(series_pdfs):
    result = run("diff", series_pdfs[0], series_pdfs[1], "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout)


def test_diff_same_report_twice_is_bad_input():
    result = run("diff", REPORT_2020, REPORT_2020)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "two reports" in result.stderr


def test_diff_same_year_twice_is_bad_input(tmp_path):
    copy = tmp_path / "copy.pdf"
    shutil.copy(REPORT_2020, copy)
    result = run("diff", REPORT_2020, copy)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and str(copy) in result.stderr


def test_report_writes_site(series_pdfs, tmp_path):
    out = tmp_path / "site"
    result = run("report", REPORTS, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert (out / "index.html").exists()
    assert result.stdout.strip().endswith("index.html")


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".sqlite"])
def test_export_formats(series_pdfs, tmp_path, suffix):
    out = tmp_path / f"figures{suffix}"
    result = run("export", REPORTS, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.exists() and out.stat().st_size > 0
    if suffix == ".sqlite":
        with sqlite3.connect(out) as db:
            tables = [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
        assert tables


def test_export_unknown_format(tmp_path):
    result = run("export", REPORT_2020, "-o", tmp_path / "figures.xlsx")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and ".xlsx" in result.stderr


def test_no_progress_line_when_not_a_terminal(series_pdfs):
    result = run("check", REPORTS, "--format", "json")
    assert "\r" not in result.stderr and "reading" not in result.stderr
