"""What `check`, `diff` and `extract` print and where: errors first, identical info lines
grouped, --min-severity, --fail-on, -o with the format from the extension, nothing on stdout
when there is no result, and a note when `diff` reorders its inputs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annualcheck.cli import cli
from annualcheck.model.findings import finding_ids, findings_document
from annualcheck.render.findings import render_findings, severity_groups
from helpers.badpdfs import REPORT_2020
from helpers.builders import finding, series, series_findings

REPORTS = REPORT_2020.parent


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="module")
def built():
    return series()


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _unchecked(n: int) -> list:
    """`n` info findings that say the same thing of report 2019, one key each."""
    return [
        finding(
            "stated-change", "info", 2019,
            f"Stated change not checked: the series has no report before 2019. key.k{i} {i} "
            f"implies {i + 1} in 2017 (p. 7)",
            page=7 + i % 3, quote=f"k{i} was {i}.", key=f"key.k{i}",
        )
        for i in range(n)
    ]  # fmt: skip


def test_identical_info_findings_are_one_line_with_a_count(built):
    findings = [*series_findings(), *_unchecked(5)]
    text = render_findings(findings, built.values(), "text")
    grouped = [line for line in text.splitlines() if "5 × Stated change not checked" in line]
    assert len(grouped) == 1
    assert "pp. 7-9" in grouped[0] and "key.k0" in grouped[0] and "1 more" in grouped[0]
    # The other info finding says something else: its own line.
    assert "victims.total: stated change against 2017" in text
    groups = dict(severity_groups(findings))
    assert [len(g.findings) for g in groups["info"]] == [1, 5] or [
        len(g.findings) for g in groups["info"]
    ] == [5, 1]


def test_errors_come_before_warnings_and_info_across_reports(built):
    findings = [finding("list-count", "info", 2018, "an early info"), *series_findings()]
    text = render_findings(findings, built.values(), "text")
    assert text.index("ERRORS (2)") < text.index("WARNINGS (1)") < text.index("INFO (2)")
    assert text.index("an early info") > text.index("WARNINGS")


def test_min_severity_hides_but_the_summary_counts_all(built):
    findings = [*series_findings(), *_unchecked(3)]
    text = render_findings(findings, built.values(), "text", min_severity="warning")
    assert "Stated change not checked" not in text and "INFO" not in text
    assert "WARNINGS (1)" in text
    first, last = text.splitlines()[0], text.splitlines()[-1]
    assert first == last and first.startswith("7 findings: 2 errors, 1 warning, 4 info")
    doc = json.loads(render_findings(findings, built.values(), "json", min_severity="error"))
    assert {f["severity"] for f in doc["findings"]} == {"error"}


def test_finding_ids_are_unique_stable_and_in_the_json():
    findings = [*series_findings(), *_unchecked(4)]
    twice = [*findings, finding("list-count", "info", 2020, "a list", page=40)]
    ids = finding_ids(twice)
    assert len(set(ids.values())) == len(twice)
    # Adding a finding does not change the ids of the others.
    assert all(finding_ids(findings)[id(f)] == ids[id(f)] for f in findings)
    doc = findings_document(findings)
    assert all(f["id"] for f in doc["findings"])
    assert doc["findings"][0]["id"].startswith("2019-stated-change-")


def test_same_rule_key_and_page_get_distinct_ids():
    a = finding("list-count", "info", 2020, "one list", page=4, key="k", more=[(2019, 3, "x")])
    b = finding("list-count", "info", 2020, "other list", page=4, key="k", more=[(2019, 5, "y")])
    ids = finding_ids([a, b])
    assert ids[id(a)] != ids[id(b)]
    assert ids[id(a)].startswith("2020-list-count-k-4-")


def test_check_of_a_missing_file_prints_nothing_on_stdout():
    result = run("check", "no-such-report.pdf")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no such file" in result.stderr


@pytest.mark.skipif(not REPORT_2020.exists(), reason="reports/2020.pdf missing")
def test_fail_on_and_min_severity_on_the_real_report(tmp_path):
    strict = run("check", REPORT_2020, "--min-severity", "error")
    assert strict.exit_code == 1, strict.stderr  # the real toc-caption error of 2020
    assert "toc-caption" in strict.stdout
    never = run("check", REPORT_2020, "--fail-on", "never")
    assert never.exit_code == 0
    out = tmp_path / "findings.json"
    wrote = run("check", REPORT_2020, "-o", out)
    assert wrote.stdout == "" and wrote.exit_code == 1
    assert json.loads(out.read_text())["schema"] == "annualcheck/findings@1"
    clash = run("check", REPORT_2020, "--format", "text", "-o", tmp_path / "x.json")
    assert clash.exit_code == 2 and "disagrees" in clash.stderr
    assert not (tmp_path / "x.json").exists()


@pytest.mark.skipif(not REPORT_2020.exists(), reason="reports/2020.pdf missing")
def test_extract_takes_its_format_from_the_extension(tmp_path):
    out = tmp_path / "figures.csv"
    result = run("extract", REPORT_2020, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("report_year,")


def test_diff_says_when_it_reorders_its_inputs():
    older, newer = REPORTS / "2019.pdf", REPORTS / "2020.pdf"
    if not (older.exists() and newer.exists()):
        pytest.skip("needs reports/2019.pdf and reports/2020.pdf")
    swapped = run("diff", newer, older, "--format", "json")
    assert swapped.exit_code == 0, swapped.stderr
    assert "older report" in swapped.stderr
    assert json.loads(swapped.stdout)["old_year"] == 2019
    straight = run("diff", older, newer, "--format", "json")
    assert "older report" not in straight.stderr
