"""What a PDF says is shown, never obeyed (issue 13, item 6): markdown cells and code spans
escaped for every CommonMark special character, CSV cells that a spreadsheet would run as
formulas prefixed (OWASP), control characters on the terminal shown as escapes, and the HTML
site escaping everything."""

from __future__ import annotations

import pytest

from annualcheck.cli import for_terminal
from annualcheck.output.export import csv_safe_cell
from annualcheck.output.record import write_record
from annualcheck.output.site import write_site
from annualcheck.profiles import get_profile
from annualcheck.render.common import md_code, md_escape
from annualcheck.render.diff import md_table
from annualcheck.render.findings import render_findings
from helpers.builders import fig, finding, record

PROFILE = get_profile("jp-tip")

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](http://evil/x.png)",
    "<http://evil.example/>",
    "&lt;script&gt;",
    "**bold** _it_ ~~strike~~",
    "# heading",
    "1. list",
    "- item",
    "> quote",
    "a | b",
    "`code` ``",
    "line\nbreak <b>x</b>",
]


def html_of(markdown: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_escape_renders_as_the_text_itself(payload):
    html = html_of(md_escape(payload))
    for tag in ("<img", "<a ", "<script", "<b>", "<strong", "<em", "<h1", "<ol", "<ul", "<code"):
        assert tag not in html
    assert "<blockquote" not in html
    assert html.startswith("<p>")


@pytest.mark.parametrize("text", ["a`b", "``x``", "`", "x | y", "plain"])
def test_code_span_holds_any_backticks(text):
    html = html_of(md_code(text))
    import html as htmllib

    inner = html.removeprefix("<p><code>").removesuffix("</code></p>\n")
    assert htmllib.unescape(inner).replace("\\|", "|") == text


def test_markdown_table_cells_stay_in_their_cells():
    lines = md_table(["a", "path"], [["x | <img src=x onerror=1>\nnext", "p`|q"]], frozenset({1}))
    html = html_of("\n".join(lines))
    assert html.count("<td>") == 2 and "<img" not in html


def test_findings_markdown_escapes_messages():
    f = finding("toc-caption", "error", 2020, "caption says <img src=x onerror=alert(1)>")
    html = html_of(render_findings([f], [record(2020)], "markdown"))
    assert "<img" not in html


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_formula_cells_are_prefixed(cell):
    assert csv_safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Extortion", "2 years", -3, 47.0, None])
def test_other_cells_are_left_alone(cell):
    assert csv_safe_cell(cell) == cell


def test_table_csv_has_no_live_formula(tmp_path):
    rec = record(2020, [fig("victims.total", 47, "2019", delta=-3)],
                 table2=[('=HYPERLINK("http://evil","x")', "Pending trial")])  # fmt: skip
    write_record(rec, "csv", tmp_path / "out", profile=PROFILE)
    table2 = (tmp_path / "out" / "table2.csv").read_text()
    assert "'=HYPERLINK" in table2 and ",=HYPERLINK" not in table2
    figures = (tmp_path / "out" / "figures.csv").read_text()
    assert ",-3," in figures  # a number is not text: no prefix


def test_terminal_output_shows_controls_as_escapes():
    text = "title \x1b]0;pwned\x07 and \u202eright-to-left"
    shown = for_terminal(text, "text")
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\\x1b" in shown
    assert for_terminal("a\nb\tc", "text") == "a\nb\tc"


def test_html_site_escapes_everything(tmp_path):
    payload = "<img src=x onerror=alert(1)>"
    rec = record(2020, [fig("victims.total", 47, "2019")],
                 captions=[("Figure 1", payload, 9)], sections=[("2", payload)])  # fmt: skip
    f = finding("toc-caption", "error", 2020, f"caption says {payload}", quote=payload)
    write_site([rec], [f], tmp_path / "site", profile=PROFILE)
    for page in (tmp_path / "site").glob("*.html"):
        assert "<img" not in page.read_text(), page.name
