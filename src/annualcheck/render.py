"""Findings and change reports as text, markdown, HTML and JSON: the one place callers
(cli, site, tests) import rendering from.

Why one entry module over several: the two renderers share their vocabulary (pages, quotes,
severities, years; `render_common`) and their HTML page shell (`render_html`), which the
static site (`annualcheck.site`) reuses so that a change report looks the same alone
(`annualcheck diff --format html`) and inside the site. Findings are rendered in
`findings_render`, change reports in `diff_render`.

Text is for people at a terminal: one line per finding, worst first, the quotes that prove
it indented beneath, and a closing line of counts. JSON is for tooling and follows the
contract (`annualcheck/findings@1`) or the change report's own schema (`annualcheck/change@1`).
"""

from __future__ import annotations

from .diff_render import (
    CARRIED_HEADERS,
    DIFF_FORMATS,
    FIGURE_HEADERS,
    TABLE_COLUMNS,
    diff_html_body,
    diff_markdown,
    diff_text,
    inline_diff,
    render_diff,
)
from .findings_render import (
    FINDING_FORMATS,
    evidence_line,
    findings_markdown,
    findings_text,
    render_findings,
    report_heading,
    severity_counts,
    summary_line,
)
from .render_common import QUOTE_LIMIT, clip, md_escape, number, page_ref, plural, signed
from .render_html import STYLESHEET, esc, html_page, html_table

__all__ = [
    "CARRIED_HEADERS",
    "DIFF_FORMATS",
    "FIGURE_HEADERS",
    "FINDING_FORMATS",
    "QUOTE_LIMIT",
    "STYLESHEET",
    "TABLE_COLUMNS",
    "clip",
    "diff_html_body",
    "diff_markdown",
    "diff_text",
    "esc",
    "evidence_line",
    "findings_markdown",
    "findings_text",
    "html_page",
    "html_table",
    "inline_diff",
    "md_escape",
    "number",
    "page_ref",
    "plural",
    "render_diff",
    "render_findings",
    "report_heading",
    "severity_counts",
    "signed",
    "summary_line",
]
