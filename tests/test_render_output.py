"""Renderers of findings and change reports, and the progress line, on built records."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser

import pytest

from annualcheck.batch.progress import progress, progress_line
from annualcheck.diff.compare import diff_records
from annualcheck.model.findings import Finding
from annualcheck.profiles import get_profile
from annualcheck.render.diff import render_diff
from annualcheck.render.findings import render_findings
from helpers.builders import finding, series, series_findings

PROFILE = get_profile("jp-tip")


@pytest.fixture(scope="module")
def built():
    return series()


@pytest.fixture(scope="module")
def change(built):
    return diff_records(built[2019], built[2020], profile=PROFILE)


# -- findings ----------------------------------------------------------------------------------


def test_text_one_line_per_finding_with_page_rule_and_quotes(built):
    text = render_findings(series_findings(), built.values(), "text")
    lines = text.splitlines()
    toc = next(i for i, line in enumerate(lines) if "toc-caption" in line)
    assert re.search(r"p\. 11\s+error\s+toc-caption\s+Figure 8: contents say 40", lines[toc])
    # Its quote stands indented on the next line.
    assert lines[toc + 1].startswith("      ") and "Occupations of 39 suspects" in lines[toc + 1]
    # Evidence from another report names that report.
    assert "(report 2019, p. 10)" in text


def test_text_worst_first_with_summary_at_top_and_bottom(built):
    findings = [*series_findings(), finding("list-count", "info", 2020, "a list", page=40)]
    text = render_findings(findings, built.values(), "text")
    heads = [line.strip() for line in text.splitlines() if line.strip().startswith("Report ")]
    assert [h.split(",")[0] for h in heads] == ["Report 2019", "Report 2020", "Report 2021"]
    assert text.index(" error ") < text.index(" warning ") < text.index(" info ")
    assert text.splitlines()[-1] == "5 findings: 2 errors, 1 warning, 2 info"
    assert text.splitlines()[0] == "5 findings: 2 errors, 1 warning, 2 info"
    assert "2019.pdf (reconstruction)" in text


def test_text_without_findings_says_so(built):
    text = render_findings([], built.values(), "text")
    assert "No findings" in text and "2019, 2020, 2021" in text
    assert text.splitlines()[-1].startswith("0 findings")


def test_markdown_findings(built):
    md = render_findings(series_findings(), built.values(), "markdown")
    assert "## Errors" in md and "Report 2020" in md
    assert "- **error** `toc-caption` report 2020, p. 11" in md
    assert "> Figure 8 Occupations of 39 suspects (p. 11)" in md


def test_json_findings_follow_the_contract(built):
    data = json.loads(render_findings(series_findings(), built.values(), "json"))
    assert data["schema"] == "annualcheck/findings@1"
    back = [Finding.from_dict(f) for f in data["findings"]]
    assert sorted(back, key=Finding.sort_key) == sorted(series_findings(), key=Finding.sort_key)


def test_unknown_format_is_refused(built, change):
    with pytest.raises(ValueError):
        render_findings([], built.values(), "yaml")
    with pytest.raises(ValueError):
        render_diff(change, "pdf")


# -- change reports ------------------------------------------------------------------------


def test_diff_text(change):
    text = render_diff(change, "text")
    line = next(x for x in text.splitlines() if x.strip().startswith("suspects.arrested"))
    assert re.search(r"41\s+39\s+-2\s+-1\s+contradicts", line)
    assert "Table 2 no. 5" in text and "Table 3 no. 4" in text
    assert "still pending" in text
    assert "+ Nine victims were repatriated through IOM." in text
    assert "root['toc']['Occupations of # suspects']" in text


def test_diff_markdown(change):
    md = render_diff(change, "markdown")
    assert (
        "| victims.total (Victims put under protection) | 2019 | 27 | 47 | +20 | +20 | agrees | p. 9 |"
        in md
    )
    assert "## Carried-over trials" in md


class Collect(HTMLParser):
    """Tags, captions and the text of table cells of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.captions: list[str] = []
        self.cells: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("caption", "td"):
            self._in = tag
            (self.captions if tag == "caption" else self.cells).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "caption":
            self.captions[-1] += data
        elif self._in == "td":
            self.cells[-1] += data


def test_diff_html_is_a_standalone_page(change):
    page = render_diff(change, "html")
    parser = Collect()
    parser.feed(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page and "prefers-color-scheme: dark" in page
    assert not re.search(r"(src|href)=\"https?:", page)
    assert parser.tags.count("table") == len(parser.captions) >= 4
    assert "contradicts" in parser.cells and "still pending" in parser.cells
    assert parser.tags.count("del") >= 1 and parser.tags.count("ins") >= 2


def test_diff_html_escapes_text(built):
    old, new = series()[2019], series()[2020]
    new.captions[0].text = "Nationalities <b>of</b> 39 suspects"
    page = render_diff(diff_records(old, new, profile=PROFILE), "html")
    assert "<b>of</b>" not in page and "&lt;b&gt;of&lt;/b&gt;" in page


def test_diff_json(change):
    data = json.loads(render_diff(change, "json"))
    assert data["schema"] == "annualcheck/change@1"
    assert data["table_change"]["pending"] == -3


# -- progress --------------------------------------------------------------------------------


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_silent_when_not_a_terminal():
    stream = io.StringIO()
    assert list(progress([1, 2, 3], "reports", stream=stream)) == [1, 2, 3]
    assert stream.getvalue() == ""


def test_progress_updates_one_line_on_a_terminal():
    stream = FakeTty()
    assert list(progress(["a", "b"], "reports", stream=stream)) == ["a", "b"]
    out = stream.getvalue()
    assert "\n" not in out and out.count("\r") >= 3
    assert "2/2" in out
    assert out.endswith("\r")  # the line is cleared at the end


def test_progress_line():
    assert progress_line("x", 1, 4, 0.0, width=8) == "x [##------] 1/4 0.0s"
    assert progress_line("x", 3, None, 1.25) == "x 3 1.2s"


def test_clean_reports_are_listed_as_checked(built):
    text = render_findings(
        [finding("list-count", "warning", 2020, "a list")], built.values(), "text"
    )
    heads = [line for line in text.splitlines() if line.strip().startswith("Report ")]
    assert len(heads) == 3
    assert "Report 2021" in heads[2] and "[0 findings: 0 errors, 0 warnings, 0 info]" in heads[2]


def test_inline_word_diff_in_html():
    from annualcheck.render.diff import inline_diff

    out = inline_diff("It was 47 (20 more than in 2018).", "It was 38 (nine less than in 2019).")
    assert out.startswith("It was <del>47 (20 more</del> <ins>38 (nine less</ins> than in")
    assert out.endswith("<del>2018).</del> <ins>2019).</ins>")
    assert inline_diff("a <b>", "a <c>") == "a <del>&lt;b&gt;</del> <ins>&lt;c&gt;</ins>"
