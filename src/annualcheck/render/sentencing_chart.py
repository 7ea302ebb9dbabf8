"""The sentencing of each report's prosecuted persons as one stacked bar a year (inline SVG).

Why stacked bars and not lines: the categories (prison, suspended, fine only, pending) are
parts of one whole, the persons a report lists as prosecuted; a bar a year shows both the
total and its split. Drawn with the site's shared matplotlib settings (`charts.chart_rc`)
so it takes the page's colours in light and dark mode like the trend charts.
"""

from __future__ import annotations

import io

from annualcheck.render.charts import PALETTE, ChartData, Line, chart_rc, svg_for_inline
from annualcheck.trials.series import Trials

#: (label, attribute of Sentencing), bottom to top.
CATEGORIES = (
    ("Prison", "prison"),
    ("Suspended", "suspended"),
    ("Fine only", "fine_only"),
    ("Acquitted", "acquitted"),
    ("Pending", "pending"),
)


def sentencing_data(trials: Trials) -> ChartData:
    """One line a category over the years covered (the main trial table only: the carry-over
    table's verdicts belong to persons already counted in an earlier year). A category with
    no person in any year is left out, except the four the chart is about."""
    entries = [y for y in trials.sentencing if y.main is not None]
    years = [y.data_year for y in entries]
    lines = []
    for label, attr in CATEGORIES:
        values = {y.data_year: float(getattr(y.main, attr)) for y in entries}
        if attr == "acquitted" and not any(values.values()):
            continue
        lines.append(Line(label, values))
    return ChartData(trials.spec.chart_title, years, lines)


def sentencing_svg(data: ChartData, axis: str = "persons", salt: str = "sentencing") -> str:
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt

    with matplotlib.rc_context(chart_rc(salt)):
        fig, ax = plt.subplots(figsize=(4.8, 3.0), layout="constrained")
        try:
            bottom = {y: 0.0 for y in data.years}
            for i, line in enumerate(data.lines):
                heights = [line.values.get(y) or 0.0 for y in data.years]
                ax.bar(data.years, heights, bottom=[bottom[y] for y in data.years], width=0.6,
                       color=PALETTE[i % len(PALETTE)], label=line.label)  # fmt: skip
                for y, h in zip(data.years, heights, strict=True):
                    if h:
                        ax.text(y, bottom[y] + h / 2, f"{int(h)}", ha="center", va="center",
                                fontsize=8, color="#ffffff")  # fmt: skip
                    bottom[y] += h
            ax.set_xticks(data.years, [str(y) for y in data.years])
            ax.set_ylim(bottom=0)
            ax.margins(y=0.1)
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.grid(axis="y", color=plt.rcParams["axes.edgecolor"], alpha=0.15, linewidth=0.8)
            ax.set_axisbelow(True)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            ax.set_xlabel("year covered")
            ax.set_ylabel(axis)
            fig.legend(loc="outside upper center", frameon=False, fontsize=8,
                       ncols=min(5, len(data.lines)))  # fmt: skip
            buf = io.StringIO()
            fig.savefig(buf, format="svg")
        finally:
            plt.close(fig)
    return svg_for_inline(buf.getvalue(), data.title, salt)
