"""The tool's records against the hand-verified records in expected/.

expected/<year>.json was written by reading each report's text, not from the tool's output. The
2020 expectations are checked on both renderings of the 2020 text (reportlab and Chromium), so the
extractor cannot be tuned to one layout.
"""

from __future__ import annotations

import re

import pytest

from helpers.expected import (
    assert_no_section2_figure_beyond_expected,
    assert_section2_figures,
    assert_trial_table_rows,
)
from helpers.expected_compare import SECTION2_PREFIXES, load_expected, norm

CASES = [(2019, 2019), (2020, 2020), (2021, 2021), ("2020-alt", 2020)]


@pytest.mark.parametrize("name,year", CASES, ids=[str(c[0]) for c in CASES])
def test_metadata(records, name, year):
    expected = load_expected(year)["report"]
    meta = records[name].report
    assert meta.report_year == expected["report_year"]
    assert meta.data_year == expected["data_year"]
    assert meta.published == expected["published"]
    assert norm(expected["title"]) in norm(meta.title)


@pytest.mark.parametrize("name,year", CASES, ids=[str(c[0]) for c in CASES])
def test_section2_figures_complete_and_correct(records, name, year):
    assert_section2_figures(records, name, year)


@pytest.mark.parametrize("name,year", CASES, ids=[str(c[0]) for c in CASES])
def test_no_section2_figure_beyond_expected(records, name, year):
    assert_no_section2_figure_beyond_expected(records, name, year)


@pytest.mark.parametrize("name,year", CASES, ids=[str(c[0]) for c in CASES])
def test_other_figures(records, name, year):
    expected = load_expected(year).get("other_figures", [])
    record = records[name]
    wrong = []
    for exp in expected:
        fig = record.figure(exp["key"], exp.get("period"))
        if fig is None:
            wrong.append(f"missing {exp['key']} {exp.get('period', '')}")
        elif fig.value != exp["value"]:
            wrong.append(f"{exp['key']}: {fig.value} != {exp['value']}")
    assert not wrong, "\n".join(wrong)
    others = [f for f in record.figures if not f.key.startswith(SECTION2_PREFIXES)]
    assert len(others) >= 25


@pytest.mark.parametrize("name,year", CASES, ids=[str(c[0]) for c in CASES])
@pytest.mark.parametrize("table", ["table2", "table3"])
def test_trial_table_rows(records, name, year, table):
    assert_trial_table_rows(records, name, year, table)


@pytest.mark.parametrize("name,year", CASES, ids=[str(c[0]) for c in CASES])
def test_captions_and_contents(records, name, year):
    expected = load_expected(year)
    record = records[name]
    captions = {c.label: c for c in record.captions}
    for exp in expected["captions"]:
        assert exp["label"] in captions, exp["label"]
        assert norm(captions[exp["label"]].text) == norm(exp["text"]), exp["label"]
    toc_labels = [t.label for t in record.toc if t.label.startswith(("Figure", "Table"))]
    assert toc_labels == expected["toc_labels"]
    toc = {t.label: t for t in record.toc}
    for diff in expected.get("toc_differs", []):
        assert norm(toc[diff["label"]].text) == norm(diff["text"])
        assert norm(captions[diff["label"]].text) == norm(diff["caption"])


@pytest.mark.parametrize("name", [2019, 2020, 2021, "2020-alt"])
def test_every_figure_has_provenance(records, name):
    for fig in records[name].figures:
        assert fig.page >= 1
        assert fig.quote
        assert fig.bbox is not None, fig.key


def test_split_rows_are_joined(records):
    """Rows split by a page break are one row that says so, in both renderings."""
    for name in (2020, "2020-alt"):
        rows = records[name].tables["table2"].rows
        joined = [r for r in rows if r.joined]
        for row in joined:
            assert len(row.pages) == 2 and row.pages[1] == row.pages[0] + 1
    assert any(r.joined for r in records[2020].tables["table2"].rows)


def test_stated_changes_all_extracted_2020(records):
    """Each section-2 sentence of the 2020 text that states a change yields a figure with it:
    the count of "(… than in 2018)" / "(same as in 2018)" phrases in section 2 (1) equals the
    count of figures carrying a stated change."""
    paragraphs = [p for p in records[2020].paragraphs if (p.section or "").startswith("2 (1)")]
    text = " ".join(p.text for p in paragraphs if not p.repeated_from)
    phrases = re.findall(r"\((?:[^()]*? than in 2018|same as in 2018)\)", text)
    with_change = [f for f in records[2020].figures if f.stated_change is not None]
    assert len(phrases) == 25
    assert len(with_change) == len(phrases)
