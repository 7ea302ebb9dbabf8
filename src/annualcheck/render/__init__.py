"""Findings and change reports as text, markdown, HTML and JSON.

Text is for people at a terminal: one line per finding, worst first, the quotes that prove
it indented beneath, and a closing line of counts. JSON is for tooling and follows the
contract (`annualcheck/findings@1`) or the change report's own schema (`annualcheck/change@1`).
The HTML page shell (`render.html`) is shared with the static site so that a change report
looks the same alone and inside the site.
"""

from annualcheck.render.diff import DIFF_FORMATS, render_diff
from annualcheck.render.findings import FINDING_FORMATS, render_findings

__all__ = ["DIFF_FORMATS", "FINDING_FORMATS", "render_diff", "render_findings"]
