"""The site's Trials page and the sentencing section of its index.

Why apart from `site`: the site's index and exports are reworked elsewhere; the trials part
is one page and one section, hooked into `write_site` by two calls.
"""

from __future__ import annotations

from collections.abc import Callable

from annualcheck.render.html import esc, html_page, html_table
from annualcheck.render.sentencing_chart import sentencing_data, sentencing_svg
from annualcheck.render.trials import summary_line
from annualcheck.render.trials_html import trials_body
from annualcheck.trials.series import Trials


def trials_page(trials: Trials, nav: str, href: Callable[[str], str | None]) -> str:
    return html_page("Trials", trials_body(trials, href), nav)


def sentencing_section(trials: Trials, page: str) -> str:
    """The stacked sentencing chart with its values, and the link to the Trials page."""
    data = sentencing_data(trials)
    link = (
        f'<p><a href="{esc(page)}">{esc(trials.spec.page_link)}</a> '
        f"({esc(summary_line(trials))}).</p>"
    )
    if not data.years:
        return link  # no report of the series has a main trial table
    values = [[line.label, *(f"{int(line.values.get(y) or 0)}" for y in data.years)]
              for line in data.lines]  # fmt: skip
    table = html_table(
        f"{data.title}: values by year covered",
        ["category", *(str(y) for y in data.years)],
        values,
        numeric=range(1, len(data.years) + 1),
    )
    chart = (
        f'<div class="charts"><figure class="chart">\n<figcaption>{esc(data.title)}</figcaption>\n'
        f"{sentencing_svg(data, trials.spec.chart_axis)}\n<details><summary>Values</summary>\n{table}\n</details>\n"
        "</figure></div>"
    )
    return f"{chart}\n{link}"
