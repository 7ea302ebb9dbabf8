"""The whole series as a static HTML site: index, one page per consecutive pair, findings.

Why static files with everything inline (stylesheet, SVG charts, no script): the site is
opened from the file system, mailed as a zip or archived beside the PDFs, and must work with
no network and no server, in light and dark mode and on paper. Every page links back to the
index; every table has a caption; every file is written atomically, so a run that is
interrupted leaves the previous site or the new one, page by page, never a torn page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from annualcheck.diff.compare import diff_records
from annualcheck.model.findings import SEVERITIES, Finding
from annualcheck.model.record import Record
from annualcheck.output.iosafe import atomic_write_text
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.diff import DiffSpec
from annualcheck.render.common import clip, page_ref, plural
from annualcheck.render.diff import diff_html_body
from annualcheck.render.findings import report_heading, severity_counts, summary_line
from annualcheck.render.html import esc, html_page, html_table

INDEX = "index.html"
FINDINGS = "findings.html"
TRIALS = "trials.html"


def pair_page_name(old: Record, new: Record) -> str:
    return f"changes-{old.report.report_year}-{new.report.report_year}.html"


def nav(*links: tuple[str, str]) -> str:
    """The navigation line at the top of every page; the index always comes first."""
    items = [(INDEX, "Index"), *links]
    return "<nav>" + " · ".join(f'<a href="{esc(h)}">{esc(t)}</a>' for h, t in items) + "</nav>\n"


def consecutive_pairs(records: Sequence[Record]) -> list[tuple[Record, Record]]:
    return list(zip(records, records[1:], strict=False))


def gap_note(old: Record, new: Record) -> str:
    """ " (no report 2020 in the series)" when the pair is not of consecutive years."""
    missing = list(range(old.report.report_year + 1, new.report.report_year))
    if not missing:
        return ""
    years = ", ".join(map(str, missing))
    return f" (no report {years} in the series: changes span {len(missing) + 1} years)"


# -- index -----------------------------------------------------------------------------------


def series_table(records: Sequence[Record], findings: Sequence[Finding]) -> str:
    by_year: dict[int, list[Finding]] = {}
    for f in findings:
        by_year.setdefault(f.report_year, []).append(f)
    rows = []
    for r in records:
        counts = severity_counts(by_year.get(r.report.report_year, []))
        rows.append(
            [
                str(r.report.report_year),
                str(r.report.data_year),
                r.report.published or "-",
                str(r.source.pages),
                r.source.file,
                "yes" if r.report.reconstruction else "no",
                *(str(counts[s]) for s in SEVERITIES),
            ]
        )
    return html_table(
        "The series at a glance: one row per report",
        ["report", "covers", "published", "pages", "file", "reconstruction", *SEVERITIES],
        rows,
        numeric=(0, 1, 3, 6, 7, 8),
        links={0: lambda year: f"{FINDINGS}#report-{year}" if int(year) in by_year else None},
    )


def chart_section(records: Sequence[Record], spec: DiffSpec) -> str:
    from annualcheck.render.charts import trend_charts

    figures = []
    for data, svg in trend_charts(records, spec.charts):
        values = [
            [line.label, *(_cell(line.values.get(y)) for y in data.years)] for line in data.lines
        ]
        table = html_table(
            f"{data.title}: values by year covered",
            ["series", *(str(y) for y in data.years)],
            values,
            numeric=range(1, len(data.years) + 1),
        )
        figures.append(
            f'<figure class="chart">\n<figcaption>{esc(data.title)}</figcaption>\n{svg}\n'
            f"<details><summary>Values</summary>\n{table}\n</details>\n</figure>"
        )
    return '<div class="charts">\n' + "\n".join(figures) + "\n</div>"


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"


def index_page(
    records: Sequence[Record],
    findings: Sequence[Finding],
    notes: Iterable[str],
    spec: DiffSpec,
    trials: Any = None,
) -> str:
    first, last = records[0].report, records[-1].report
    span = (
        f"{first.report_year}" if len(records) == 1 else f"{first.report_year}–{last.report_year}"
    )
    parts = [
        f"<h1>{esc(records[-1].report.title or 'Annual reports')}</h1>",
        f'<p class="subtitle">{plural(len(records), "report")} ({esc(span)}), '
        f"covering {first.data_year}–{last.data_year}. {esc(summary_line(findings))}.</p>",
    ]
    notes = list(notes)
    if notes:
        parts.append(
            "<h2>Notes</h2>\n<ul>" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>"
        )
    parts += ["<h2>Reports</h2>", series_table(records, findings)]
    parts += ["<h2>Trends</h2>", chart_section(records, spec)]
    if trials is not None:
        from annualcheck.output.trials_page import sentencing_section

        parts += ["<h2>Trials and sentences</h2>", sentencing_section(trials, TRIALS)]
    parts.append("<h2>Changes between consecutive reports</h2>")
    pairs = consecutive_pairs(records)
    if pairs:
        parts.append(
            "<ul>"
            + "".join(
                f'<li><a href="{pair_page_name(o, n)}">Report {o.report.report_year} → '
                f"report {n.report.report_year}</a>{esc(gap_note(o, n))}</li>"
                for o, n in pairs
            )
            + "</ul>"
        )
    else:
        parts.append("<p>One report only: nothing to compare.</p>")
    parts.append(
        f'<h2>Findings</h2>\n<p><a href="{FINDINGS}">All findings with pages and quotes</a> '
        f"({esc(summary_line(findings))}).</p>"
    )
    return html_page(f"{records[-1].report.title} — series {span}", "\n".join(parts), nav())


# -- findings --------------------------------------------------------------------------------


def findings_page(records: Sequence[Record], findings: Sequence[Finding]) -> str:
    by_record = {r.report.report_year: r for r in records}
    groups: dict[int, list[Finding]] = {}
    for f in sorted(findings, key=Finding.sort_key):
        groups.setdefault(f.report_year, []).append(f)
    parts = ["<h1>Findings</h1>", f'<p class="subtitle">{esc(summary_line(findings))}</p>']
    counts = [
        [str(y), *(str(severity_counts(groups.get(y, []))[s]) for s in SEVERITIES)]
        for y in sorted({*by_record, *groups})
    ]
    parts.append(
        html_table(
            "Findings by report and severity", ["report", *SEVERITIES], counts, numeric=(1, 2, 3)
        )
    )
    for year, group in sorted(groups.items()):
        parts.append(f'<h2 id="report-{year}">{esc(report_heading(year, by_record))}</h2>')
        parts.append(f"<p>{esc(summary_line(group))}</p>")
        items = []
        for f in group:
            quotes = "".join(
                f"<blockquote>{esc(clip(ev.quote))} "
                f'<span class="muted">({esc(_where(f, ev))})</span></blockquote>'
                for ev in f.evidence
                if ev.quote
            )
            key = f" <code>{esc(f.key)}</code>" if f.key else ""
            items.append(
                f'<li><span class="sev-{esc(f.severity)}">{esc(f.severity)}</span> '
                f"<code>{esc(f.rule)}</code>{key} {esc(page_ref(f.page))}: {esc(f.message)}{quotes}</li>"
            )
        parts.append('<ul class="findings">\n' + "\n".join(items) + "\n</ul>")
    if not findings:
        parts.append("<p>No findings.</p>")
    return html_page("Findings", "\n".join(parts), nav((FINDINGS, "Findings")))


def _where(finding: Finding, ev) -> str:
    where = page_ref(ev.page, ev.printed_page)
    return where if ev.report_year == finding.report_year else f"report {ev.report_year}, {where}"


# -- the site --------------------------------------------------------------------------------


def write_site(
    records: Iterable[Record],
    findings: Iterable[Finding],
    outdir: str | Path,
    notes: Iterable[str] = (),
    *,
    profile: Profile,
    trials: Any = None,
    pdf_links: dict[str, str] | None = None,
) -> Path:
    """Write index, findings and one change page per consecutive pair; return the index path.
    The trend charts and the change pages are the profile's (`Profile.diff`). With `trials`
    (`annualcheck.trials.build_trials`), also the Trials page, whose steps link to
    `pdf_links[file name]` (a path relative to `outdir`; no link for a file not in it)."""
    records = sorted(records, key=lambda r: r.report.report_year)
    if not records:
        raise ValueError("a site needs at least one report")
    findings = list(findings)
    spec = profile.diff
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    pairs = consecutive_pairs(records)
    for i, (old, new) in enumerate(pairs):
        links = [(FINDINGS, "Findings")]
        if i > 0:
            links.append((pair_page_name(*pairs[i - 1]), "Previous pair"))
        if i + 1 < len(pairs):
            links.append((pair_page_name(*pairs[i + 1]), "Next pair"))
        change = diff_records(old, new, profile=profile)
        page = html_page(
            f"Report {old.report.report_year} → {new.report.report_year}",
            diff_html_body(change),
            nav(*links),
        )
        atomic_write_text(outdir / pair_page_name(old, new), page)
    atomic_write_text(outdir / FINDINGS, findings_page(records, findings))
    if trials is not None:
        from annualcheck.output.trials_page import trials_page

        links = pdf_links or {}
        atomic_write_text(outdir / TRIALS, trials_page(trials, nav((TRIALS, "Trials")), links.get))
    index = outdir / INDEX
    # The index last: it links to the rest, so it never points to a page not yet written.
    atomic_write_text(index, index_page(records, findings, notes, spec, trials))
    return index
