"""Findings and change reports as text, markdown, HTML and JSON.

Text is for people at a terminal: one line per finding, worst first, the quotes that prove
it indented beneath, and a closing line of counts. JSON is for tooling and follows the
contract (`annualcheck/findings@1`) or the change report's own schema (`annualcheck/change@1`).
The HTML page shell (`render.html`) is shared with the static site so that a change report
looks the same alone and inside the site.
"""

from annualcheck.lazy import entry_points

#: The entry points, imported on first use (see `annualcheck.lazy`).
_ENTRY_POINTS = {
    "DIFF_FORMATS": "annualcheck.render.diff",
    "render_diff": "annualcheck.render.diff",
    "FINDING_FORMATS": "annualcheck.render.findings",
    "render_findings": "annualcheck.render.findings",
}

__getattr__ = entry_points(__name__, _ENTRY_POINTS)


__all__ = ["DIFF_FORMATS", "FINDING_FORMATS", "render_diff", "render_findings"]
