"""The Python API as a notebook uses it: `annualcheck.load(...)` -> a Series with records,
findings and DataFrames; a string is one path, not its characters."""

from __future__ import annotations

import pytest

import annualcheck
from annualcheck.api import as_paths
from annualcheck.model.errors import AnnualcheckError
from helpers.badpdfs import REPORT_2020

REPORTS = REPORT_2020.parent


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ANNUALCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


def test_a_string_is_one_path_not_characters(tmp_path):
    assert as_paths("reports") == [REPORTS.__class__("reports")]
    assert as_paths(["a.pdf", tmp_path]) == [REPORTS.__class__("a.pdf"), tmp_path]
    with pytest.raises(AnnualcheckError) as err:
        annualcheck.load(str(tmp_path / "missing.pdf"))
    assert "no such file" in str(err.value.line())


@pytest.mark.skipif(len(list(REPORTS.glob("*.pdf"))) < 3, reason="needs the three reports")
def test_the_readme_example():
    series = annualcheck.load(str(REPORTS))
    assert series.years == [2019, 2020, 2021] and not series.errors
    # FACTS.md: 27 victims put under protection in 2018, 47 in 2019, 38 in 2020.
    figures = series.figures_df()
    totals = figures[figures.key == "victims.total"].set_index("report_year")["value"]
    assert totals.to_dict() == {2019: 27, 2020: 47, 2021: 38}
    # The one real error: report 2020's contents say 40 suspects, Figure 8 says 39.
    errors = series.findings_df().query("severity == 'error'")
    assert set(errors.rule) == {"toc-caption"} and set(errors.report_year) == {2020}
    assert all(f.severity in ("error", "warning", "info") for f in series.findings)
    rows = series.tables_df()
    assert set(rows.table) >= {"table2", "table3"}
    change = series.diff(2019, 2020)
    assert (change.old_year, change.new_year) == (2019, 2020)
    total = next(f for f in change.figures if f.key == "victims.total")
    assert (total.previous, total.current, total.agreement) == (27, 47, "agrees")
    with pytest.raises(KeyError):
        series.diff(2018, 2019)


@pytest.mark.skipif(not REPORT_2020.exists(), reason="reports/2020.pdf missing")
def test_profile_by_name():
    series = annualcheck.load(REPORT_2020, profile="jp-tip")
    assert series.years == [2020]
    with pytest.raises(KeyError):
        annualcheck.load(REPORT_2020, profile="no-such-series")


@pytest.mark.skipif(len(list(REPORTS.glob("*.pdf"))) < 3, reason="needs the three reports")
def test_the_readme_python_block_runs(monkeypatch):
    """The README's example, run as written (from the repository root)."""
    readme = (REPORTS.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(REPORTS.parent)
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)  # noqa: S102 - our own README
    assert scope["series"].years == [2019, 2020, 2021]
    assert set(scope["errors"].rule) == {"toc-caption"}
    assert scope["change"].counts()["contradicts"] == 0
