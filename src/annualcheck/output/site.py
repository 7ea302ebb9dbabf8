"""The whole series as a static HTML site: index, one page per consecutive pair, findings.

Why static files with everything inline (stylesheet, SVG charts, no script): the site is
opened from the file system, mailed as a zip or archived beside the PDFs, and must work with
no network and no server, in light and dark mode and on paper. Every page links back to the
index; every table has a caption; every file is written atomically, so a run that is
interrupted leaves the previous site or the new one, page by page, never a torn page.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from annualcheck.diff.compare import ChangeReport, diff_records
from annualcheck.model.errors import OutputError
from annualcheck.model.findings import SEVERITIES, Finding, finding_ids
from annualcheck.model.record import Record
from annualcheck.output.iosafe import atomic_write_text
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.diff import DiffSpec
from annualcheck.render.common import clip, page_ref, plural
from annualcheck.render.diff import (
    change_sentence,
    changes_chart_svg,
    diff_html_body,
    largest_changes,
    scroll,
)
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


class PdfLinks:
    """Links to the pages of the reports' PDFs copied beside the pages ("2020.pdf#page=9").

    Why copies in the site folder: the site is opened from the file system, zipped or
    archived; a link into the folder the PDFs were read from would break as soon as the site
    is moved. A report whose PDF was not given gets no link (the page stays plain text)."""

    def __init__(self, files: Iterable[str] = ()) -> None:
        self.files = set(files)

    def __call__(self, file: str, page: int | None) -> str | None:
        if file not in self.files:
            return None
        return f"{file}#page={page}" if page else file

    def link(self, file: str, page: int | None, text: str) -> str:
        href = self(file, page)
        return f'<a href="{esc(href)}">{esc(text)}</a>' if href else esc(text)


def series_table(
    records: Sequence[Record], findings: Sequence[Finding], links: PdfLinks | None = None
) -> str:
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
    return scroll(
        html_table(
            "The series at a glance: one row per report",
            ["report", "covers", "published", "pages", "file", "reconstruction", *SEVERITIES],
            rows,
            numeric=(0, 1, 3, 6, 7, 8),
            links={
                0: lambda year: f"{FINDINGS}#report-{year}" if int(year) in by_year else None,
                4: lambda file: (links or PdfLinks())(file, None),
            },
        )
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
            ["series", *(f"{y}{' (reconstruction)' * (y in data.reconstructed)}"
                         for y in data.years)],
            values,
            numeric=range(1, len(data.years) + 1),
        )  # fmt: skip
        unit = f" ({data.unit})" if data.unit and f"({data.unit})" not in data.title else ""
        note = ""
        if data.reconstructed & set(data.years):
            years = ", ".join(str(y) for y in sorted(data.reconstructed & set(data.years)))
            note = (
                f'<p class="chart-note">Hollow points and dashed lines: {esc(years)}, years '
                "whose report here is a reconstruction, not an official publication.</p>"
            )
        figures.append(
            f'<figure class="chart">\n<figcaption>{esc(data.title)}{esc(unit)}</figcaption>\n'
            f"{svg}\n{note}"
            f"<details><summary>Values</summary>\n{scroll(table)}\n</details>\n</figure>"
        )
    return '<div class="charts">\n' + "\n".join(figures) + "\n</div>"


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"


def where_phrase(finding: Finding, records: Mapping[int, Record]) -> str:
    record = records.get(finding.report_year)
    name = record.source.file if record else f"report {finding.report_year}"
    return f"{name}, {page_ref(finding.page)}"


def wrong_section(records: Sequence[Record], findings: Sequence[Finding], links: PdfLinks) -> str:
    """What is wrong, first: each error in one sentence, with a link to the finding (its
    evidence) and one to the page of the PDF that shows it."""
    by_year = {r.report.report_year: r for r in records}
    ids = finding_ids(findings)
    errors = sorted((f for f in findings if f.severity == "error"), key=Finding.sort_key)
    counts = severity_counts(findings)
    if not errors:
        lead = "<p>No contradiction found: no finding is an error.</p>"
    else:
        items = []
        for f in errors:
            record = by_year.get(f.report_year)
            pdf = (
                " " + links.link(record.source.file, f.page, f"open {page_ref(f.page)} of the PDF")
                if record and links(record.source.file, f.page)
                else ""
            )
            items.append(
                f"<li><strong>Report {f.report_year}</strong>: {esc(clip(f.message, 300))} "
                f'<a href="{FINDINGS}#{esc(ids[id(f)])}">evidence</a>{pdf}</li>'
            )
        lead = f"<ul>{''.join(items)}</ul>"
    rest = (
        f'<p class="muted">Also {plural(counts["warning"], "warning")} and {counts["info"]} '
        f'info (what could not be checked): <a href="{FINDINGS}">all findings</a>.</p>'
    )
    title = plural(len(errors), "error") if errors else "No errors"
    return f'<section class="wrong" aria-labelledby="wrong">\n<h2 id="wrong">What is wrong: {title}</h2>\n{lead}\n{rest}\n</section>'


def changed_section(pairs: Sequence[tuple[Record, Record, ChangeReport]]) -> str:
    """What changed most from the last report to the one before, in words and a small
    chart, with the report's own statement of each change beside the computed one."""
    if not pairs:
        return ""
    old, new, change = pairs[-1]
    top = largest_changes(change)
    if not top:
        return ""
    items = "".join(f"<li>{esc(change_sentence(f, change.labels))}</li>" for f in top)
    rebuilt = [r.report.report_year for r in (old, new) if r.report.reconstruction]
    if rebuilt:
        which = " and ".join(map(str, rebuilt))
        items += (
            f'<li class="muted">Report {which}: a reconstruction, not an official publication.</li>'
        )
    return (
        f'<section class="lead-changes" aria-labelledby="changed">\n<h2 id="changed">What changed '
        f"most: report {old.report.report_year} → {new.report.report_year}</h2>\n"
        f"<ul>{items}</ul>\n{changes_chart_svg(top, change.labels)}\n"
        f'<p><a href="{pair_page_name(old, new)}">Every change, with pages</a></p>\n</section>'
    )


def index_page(
    records: Sequence[Record],
    findings: Sequence[Finding],
    notes: Iterable[str],
    spec: DiffSpec,
    pairs: Sequence[tuple[Record, Record, ChangeReport]] = (),
    links: PdfLinks | None = None,
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
        wrong_section(records, findings, links or PdfLinks()),
        changed_section(pairs),
    ]
    notes = list(notes)
    if notes:
        parts.append(
            "<h2>Notes</h2>\n<ul>" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>"
        )
    parts += ["<h2>Reports</h2>", series_table(records, findings, links)]
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


def finding_item(
    f: Finding, ident: str, by_record: Mapping[int, Record], links: PdfLinks, year: bool = False
) -> str:
    """One finding as a list item: severity, rule, key, page (a link to the PDF), message,
    its quotes (each with its page, linked), and its id as anchor."""
    quotes = "".join(
        f"<blockquote>{esc(clip(ev.quote))} "
        f'<span class="muted">({_where_link(f, ev, by_record, links)})</span></blockquote>'
        for ev in f.evidence
        if ev.quote
    )
    key = f" <code>{esc(f.key)}</code>" if f.key else ""
    own = by_record.get(f.report_year)
    page = links.link(own.source.file, f.page, page_ref(f.page)) if own else esc(page_ref(f.page))
    report = f"report {f.report_year}, " if year else ""
    return (
        f'<li id="{esc(ident)}"><span class="sev-{esc(f.severity)}">{esc(f.severity)}</span> '
        f"<code>{esc(f.rule)}</code>{key} {esc(report)}{page}: {esc(f.message)}{quotes}"
        f' <a class="muted" href="#{esc(ident)}">#</a></li>'
    )


def findings_page(
    records: Sequence[Record], findings: Sequence[Finding], links: PdfLinks | None = None
) -> str:
    """Every finding: errors and warnings of all reports first, then each report's info
    (what could not be checked; findings that say the same thing folded into one line with a
    count). Each finding has its id as anchor, each page reference links to the PDF page."""
    from annualcheck.render.findings import keys_phrase, page_span, severity_groups

    links = links or PdfLinks()
    ids = finding_ids(findings)
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
        scroll(
            html_table(
                "Findings by report and severity",
                ["report", *SEVERITIES],
                counts,
                numeric=(1, 2, 3),
            )
        )
    )
    for severity, title in (("error", "Errors"), ("warning", "Warnings")):
        worst = sorted((f for f in findings if f.severity == severity), key=Finding.sort_key)
        parts.append(f'<h2 id="{severity}s">{title} ({len(worst)})</h2>')
        if worst:
            items = [finding_item(f, ids[id(f)], by_record, links, year=True) for f in worst]
            parts.append('<ul class="findings">\n' + "\n".join(items) + "\n</ul>")
        else:
            parts.append(f"<p>No {title.lower()}.</p>")
    for year in sorted({*by_record, *groups}):
        group = groups.get(year, [])
        parts.append(f'<h2 id="report-{year}">{esc(report_heading(year, by_record))}</h2>')
        worse = [f for f in group if f.severity != "info"]
        above = f" (its {plural(len(worse), 'error or warning')} above)" if worse else ""
        parts.append(f"<p>{esc(summary_line(group))}{esc(above)}</p>")
        items = []
        for _, found in severity_groups(f for f in group if f.severity == "info"):
            for g in found:
                inner = [finding_item(f, ids[id(f)], by_record, links) for f in g.findings]
                if len(g.findings) == 1:
                    items += inner
                    continue
                head = (
                    f'<span class="sev-info">info</span> <code>{esc(g.first.rule)}</code> '
                    f"{esc(page_span(g.pages()))}: {len(g.findings)} × {esc(g.lead)} "
                    f"Keys: {esc(keys_phrase(g.keys()))}."
                )
                items.append(
                    f"<li><details><summary>{head}</summary>\n"
                    f'<ul class="findings">{"".join(inner)}</ul></details></li>'
                )
        if items:
            parts.append('<ul class="findings">\n' + "\n".join(items) + "\n</ul>")
    if not findings:
        parts.append("<p>No findings.</p>")
    return html_page("Findings", "\n".join(parts), nav((FINDINGS, "Findings")))


def pdf_sources(records: Iterable[Record], pdfs: Mapping[str, str | Path] | None) -> dict:
    """File name -> path of each report's PDF that exists and is the one read (same name)."""
    out = {}
    for record in records:
        path = (pdfs or {}).get(record.source.file)
        if path is not None and Path(path).is_file():
            out[record.source.file] = Path(path)
    return out


def looks_like_a_site(folder: Path) -> bool:
    """Whether an existing folder may be replaced: empty, a site this tool wrote (its index
    says so), or only pages and PDFs (a site of an earlier version). Anything else (a home
    folder given by mistake) is refused, never deleted."""
    entries = list(folder.iterdir())
    if not entries:
        return True
    try:
        head = (folder / INDEX).read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        head = ""
    if 'name="generator" content="annualcheck"' in head:
        return True
    return all(p.is_file() and p.suffix.lower() in (".html", ".pdf") for p in entries)


def _public(folder: Path) -> None:
    """mkdtemp makes a folder only its owner can read; a site is for everyone the umask allows."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(folder, 0o777 & ~mask)


def swap_in(tmp: Path, outdir: Path) -> None:
    """Put the freshly written folder `tmp` where `outdir` is: the old site (with its stale
    pages) is moved aside and deleted only once the new one stands in its place."""
    if not outdir.exists():
        os.replace(tmp, outdir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.old-", dir=outdir.parent))
    old.rmdir()
    os.replace(outdir, old)
    try:
        os.replace(tmp, outdir)
    except OSError:
        os.replace(old, outdir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _where_link(finding: Finding, ev, by_record: Mapping[int, Record], links: PdfLinks) -> str:
    """ "p. 12, printed 7" (or "report 2019, p. 10"), linked to that page of the PDF."""
    where = page_ref(ev.page, ev.printed_page)
    if ev.report_year != finding.report_year:
        where = f"report {ev.report_year}, {where}"
    record = by_record.get(ev.report_year)
    return links.link(record.source.file, ev.page, where) if record and ev.page else esc(where)


# -- the site --------------------------------------------------------------------------------


def write_site(
    records: Iterable[Record],
    findings: Iterable[Finding],
    outdir: str | Path,
    notes: Iterable[str] = (),
    *,
    profile: Profile,
    trials: Any = None,
    pdfs: Mapping[str, str | Path] | None = None,
) -> Path:
    """Write index, findings and one change page per consecutive pair; return the index path.

    The trend charts and the change pages are the profile's (`Profile.diff`). With `trials`
    (`annualcheck.trials.build_trials`), also the Trials page. `pdfs` maps a report's file
    name to its PDF: those are copied into the site so that every page reference links to
    that page. The site is written to a temporary folder beside `outdir` and swapped in
    whole, so pages of an earlier run that no longer belong (a pair of years no longer in the
    series) are gone, and an interrupted run leaves the previous site as it was."""
    records = sorted(records, key=lambda r: r.report.report_year)
    if not records:
        raise ValueError("a site needs at least one report")
    findings = list(findings)
    outdir = Path(outdir)
    if outdir.is_dir() and not looks_like_a_site(outdir):
        raise OutputError(
            outdir,
            "output folder holds files that are not a site of this tool; give a new or empty folder",
        )
    outdir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.tmp-", dir=outdir.parent))
    _public(tmp)
    try:
        pdf_files = pdf_sources(records, pdfs)
        write_pages(records, findings, tmp, notes, profile, pdf_files, trials)
        swap_in(tmp, outdir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return outdir / INDEX


def write_pages(
    records: list[Record],
    findings: list[Finding],
    folder: Path,
    notes: Iterable[str],
    profile: Profile,
    pdfs: Mapping[str, Path],
    trials: Any = None,
) -> None:
    """Every page and the PDFs into `folder` (a fresh one)."""
    spec = profile.diff
    for name, source in pdfs.items():
        shutil.copyfile(source, folder / name)
    links = PdfLinks(pdfs)
    pairs = consecutive_pairs(records)
    changes = []
    for i, (old, new) in enumerate(pairs):
        nav_links = [(FINDINGS, "Findings")]
        if i > 0:
            nav_links.append((pair_page_name(*pairs[i - 1]), "Previous pair"))
        if i + 1 < len(pairs):
            nav_links.append((pair_page_name(*pairs[i + 1]), "Next pair"))
        change = diff_records(old, new, profile=profile)
        changes.append((old, new, change))
        page = html_page(
            f"Report {old.report.report_year} → {new.report.report_year}",
            diff_html_body(change, pdf_href=links),
            nav(*nav_links),
        )
        atomic_write_text(folder / pair_page_name(old, new), page)
    atomic_write_text(folder / FINDINGS, findings_page(records, findings, links))
    if trials is not None:
        from annualcheck.output.trials_page import trials_page

        def pdf_href(file: str) -> str | None:
            return file if file in links.files else None

        page = trials_page(trials, nav((TRIALS, "Trials")), pdf_href)
        atomic_write_text(folder / TRIALS, page)
    # The index last: it links to the rest, so it never points to a page not yet written.
    atomic_write_text(
        folder / INDEX, index_page(records, findings, notes, spec, changes, links, trials)
    )
