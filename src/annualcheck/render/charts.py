"""Trend charts of a series as inline SVG (matplotlib, Agg backend, imported only here).

Why inline SVG with text kept as text: the site must open from the file system with no
network and no files beside the pages, read well in light and dark mode, and print
sharply. Axes, ticks and labels are drawn in a placeholder colour that is then replaced by
`currentColor`, so they take the page's text colour in either scheme; a chart has one unit
(its y axis says which); years whose report is a reconstruction are drawn hollow and dashed; the lines use
mid-luminance colours that stay readable on both a white and a near-black background; the
background is transparent.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annualcheck.diff.compare import period_order
from annualcheck.model.record import Record
from annualcheck.profiles.spec.diff import TrendChart

#: Drawn in this colour, then replaced by `currentColor` in the SVG text.
_INK = "#010203"
#: Line colours readable on white and on #16181c (checked by eye in both schemes).
PALETTE = ("#3b82f6", "#f97316", "#10b981", "#e11d8f", "#a78bfa", "#eab308", "#06b6d4", "#94a3b8")


@dataclass
class Line:
    label: str
    values: dict[int, float | None]  # data year -> value
    unit: str | None = None  # "persons", "cases": the unit of the line's figures


@dataclass
class ChartData:
    title: str
    years: list[int]  # data years, ascending
    lines: list[Line]
    unit: str | None = None  # the one unit of the y axis
    reconstructed: frozenset[int] = frozenset()  # data years whose report is a reconstruction

    def has_values(self) -> bool:
        return any(v is not None for line in self.lines for v in line.values.values())


def key_label(key: str, prefix: str = "") -> str:
    """ "persons.nationality.viet_nam" under "persons.nationality." -> "Viet Nam"."""
    tail = key[len(prefix) :] if prefix and key.startswith(prefix) else key.rsplit(".", 1)[-1]
    return tail.replace("_", " ").replace(".", " ").title()


def year_value(record: Record, key: str) -> float | None:
    """The value of `key` for the year the report covers (its latest period otherwise)."""
    value = record.value(key, str(record.report.data_year))
    if value is not None:
        return value
    figs = [f for f in record.figures if f.key == key]
    return max(figs, key=lambda f: period_order(f.period)).value if figs else None


def key_unit(records: Sequence[Record], keys: Iterable[str]) -> str | None:
    """The unit the reports give for `keys` (the first one found)."""
    wanted = set(keys)
    return next((f.unit for r in records for f in r.figures if f.key in wanted and f.unit), None)


def split_by_unit(data: ChartData) -> list[ChartData]:
    """One chart per unit: "cases" and "persons" never share an axis. A chart of one unit
    keeps its title; the parts of a mixed one are titled with their unit."""
    units = list(dict.fromkeys(line.unit for line in data.lines))
    if len(units) <= 1:
        data.unit = units[0] if units else None
        return [data]
    return [
        ChartData(
            f"{data.title} ({unit or 'no unit'})",
            data.years,
            [line for line in data.lines if line.unit == unit],
            unit,
            data.reconstructed,
        )
        for unit in units
    ]


def chart_data(records: Sequence[Record], chart: TrendChart) -> ChartData:
    """The lines of one chart: a series of explicit keys is their sum (missing when none
    is given); a prefix series gives one line per key found under it in any report."""
    records = sorted(records, key=lambda r: r.report.data_year)
    years = [r.report.data_year for r in records]
    lines: list[Line] = []
    for series in chart.series:
        if series.prefix:
            keys = dict.fromkeys(
                f.key
                for r in records
                for f in r.figures
                if f.key.startswith(series.prefix)
                and f.key not in series.exclude
                and "." not in f.key[len(series.prefix) :]
            )
            groups = [(key_label(k, series.prefix), (k,)) for k in keys]
        else:
            groups = [(series.label, series.keys)]
        for label, keys in groups:
            values: dict[int, float | None] = {}
            for r in records:
                parts = [v for k in keys if (v := year_value(r, k)) is not None]
                values[r.report.data_year] = sum(parts) if parts else None
            lines.append(Line(label, values, key_unit(records, keys)))
    # Largest lines first, so the legend reads like the report's own ordering.
    lines.sort(key=lambda line: -max((v or 0) for v in line.values.values()) if line.values else 0)
    rebuilt = frozenset(r.report.data_year for r in records if r.report.reconstruction)
    return ChartData(chart.title, years, lines, reconstructed=rebuilt)


def _fmt(v: float) -> str:
    return f"{int(v)}" if float(v).is_integer() else f"{v:.3g}"


def chart_rc(salt: str) -> dict[str, object]:
    """matplotlib settings every chart of the site shares: text kept as text, ink replaced
    by currentColor later, transparent background, ids salted per chart."""
    return {
        "svg.fonttype": "none",  # text stays text: selectable, sharp, takes the page's colour
        "svg.hashsalt": salt,  # distinct ids when several charts share one page
        "font.family": "sans-serif",
        "font.size": 10,
        "text.color": _INK,
        "axes.edgecolor": _INK,
        "axes.labelcolor": _INK,
        "xtick.color": _INK,
        "ytick.color": _INK,
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.transparent": True,
    }


def chart_svg(data: ChartData, salt: str = "chart") -> str:
    """One chart as an <svg> element (no XML prologue), ready to inline in HTML."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt

    rc = chart_rc(salt)
    with matplotlib.rc_context(rc):
        fig, ax = plt.subplots(figsize=(4.8, 3.0), layout="constrained")
        try:
            for i, line in enumerate(data.lines):
                xs = [y for y in data.years if line.values.get(y) is not None]
                ys = [line.values[y] for y in xs]
                if not xs:
                    continue
                color = PALETTE[i % len(PALETTE)]
                draw_line(ax, xs, ys, color, line.label, data.reconstructed)
                if len(data.lines) > 1 and ax.get_legend_handles_labels()[0]:
                    continue  # labels of close lines collide; the values table has them
                for x, y in zip(xs, ys, strict=True):
                    ax.annotate(_fmt(y), (x, y), textcoords="offset points", xytext=(0, 6),
                                ha="center", fontsize=8, color=color)  # fmt: skip
            ax.set_xticks(data.years, [str(y) for y in data.years])
            if len(data.years) == 1:
                ax.set_xlim(data.years[0] - 1, data.years[0] + 1)
            else:
                pad = 0.3 * (data.years[-1] - data.years[0]) / max(1, len(data.years) - 1)
                ax.set_xlim(data.years[0] - pad, data.years[-1] + pad)
            ax.set_ylim(bottom=0)
            ax.margins(y=0.2)
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.grid(axis="y", color=_INK, alpha=0.15, linewidth=0.8)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            ax.set_xlabel("year covered")
            if data.unit:
                ax.set_ylabel(data.unit)
            if len(data.lines) > 1 and ax.get_legend_handles_labels()[0]:
                # Above the plot, never over a line or a value.
                fig.legend(loc="outside upper center", frameon=False, fontsize=8,
                           ncols=min(4, len(data.lines)))  # fmt: skip
            if not data.has_values():
                ax.text(0.5, 0.5, "no values in these reports", transform=ax.transAxes, ha="center")
            buf = io.StringIO()
            fig.savefig(buf, format="svg")
        finally:
            plt.close(fig)
    return svg_for_inline(buf.getvalue(), data.title, salt)


def draw_line(ax, xs, ys, color: str, label: str, reconstructed: frozenset[int]) -> None:
    """A line whose points from reconstructed reports are hollow and whose segments touching
    them are dashed, so a reader never takes a reconstruction for an official figure."""
    ax.plot([], [], linewidth=2, marker="o", color=color, label=label)  # the legend entry
    for (x0, y0), (x1, y1) in itertools.pairwise(zip(xs, ys, strict=True)):
        dashed = x0 in reconstructed or x1 in reconstructed
        ax.plot([x0, x1], [y0, y1], linewidth=2, color=color, linestyle="--" if dashed else "-")
    for x, y in zip(xs, ys, strict=True):
        hollow = x in reconstructed
        ax.plot([x], [y], marker="o", markersize=6, color=color, markeredgewidth=1.6,
                markerfacecolor="none" if hollow else color, linestyle="")  # fmt: skip


def svg_for_inline(svg: str, title: str, salt: str = "chart") -> str:
    """Make matplotlib's SVG fit inside an HTML page next to others: no XML prologue or
    metadata, ink as currentColor, ids prefixed (an HTML page has one id space), no global
    <style> (its `*` rule would apply to the whole page), and a title for screen readers."""
    svg = svg[svg.index("<svg") :]
    svg = svg.replace(_INK, "currentColor")
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    for ident in set(re.findall(r'\bid="([^"]+)"', svg)):
        svg = svg.replace(f'id="{ident}"', f'id="{salt}-{ident}"')
        svg = svg.replace(f"url(#{ident})", f"url(#{salt}-{ident})")
        svg = svg.replace(f'href="#{ident}"', f'href="#{salt}-{ident}"')
    safe = title.replace("&", "&amp;").replace("<", "&lt;")
    svg = svg.replace(
        "<svg ", f'<svg role="img" aria-label="{safe.replace(chr(34), "&quot;")}" ', 1
    )
    return re.sub(r"(<svg[^>]*>)", lambda m: f"{m.group(1)}<title>{safe}</title>", svg, count=1)


def trend_charts(
    records: Iterable[Record], charts: Iterable[TrendChart]
) -> list[tuple[ChartData, str]]:
    """Data and SVG of every chart of the profile, over all records."""
    records = list(records)
    out = []
    for chart in charts:
        for data in split_by_unit(chart_data(records, chart)):
            out.append((data, chart_svg(data, salt=f"trend{len(out)}")))
    return out
