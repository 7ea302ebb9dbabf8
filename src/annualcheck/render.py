"""Findings and change reports as text, markdown, HTML and JSON.

Why one module for both: the two share their vocabulary (pages, quotes, severities, years)
and their HTML page shell, which the static site (`annualcheck.site`) reuses so that a change
report looks the same alone (`annualcheck diff --format html`) and inside the site.

Text is for people at a terminal: one line per finding, worst first, the quotes that prove
it indented beneath, and a closing line of counts. JSON is for tooling and follows the
contract (`annualcheck/findings@1`) or the change report's own schema (`annualcheck/change@1`).
"""

from __future__ import annotations

import difflib
import html
import json
from collections.abc import Iterable, Sequence
from typing import Any

from .diff import ChangeReport, FigureChange
from .findings import SEVERITIES, Finding, findings_document
from .record import Record

FINDING_FORMATS = ("text", "markdown", "json")
DIFF_FORMATS = ("text", "markdown", "html", "json")
QUOTE_LIMIT = 400


# -- small formatting helpers ----------------------------------------------------------------


def number(value: float | None) -> str:
    """47 -> "47", 2.5 -> "2.5", None -> "-"."""
    if value is None:
        return "-"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.4g}"


def signed(value: float | None) -> str:
    """A change: +20, -1, 0, or "-" when there is none."""
    if value is None:
        return "-"
    return "0" if value == 0 else ("+" if value > 0 else "-") + number(abs(value))


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Whitespace collapsed and long quotes cut, so one quote stays a few lines at most."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def page_ref(page: int | None, printed: int | None = None) -> str:
    if page is None:
        return "p. ?"
    return f"p. {page}" + (f", printed {printed}" if printed not in (None, page) else "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity] += 1
    return counts


def summary_line(findings: Sequence[Finding]) -> str:
    """ "5 findings: 2 errors, 1 warning, 2 info" (every severity named, zero included)."""
    counts = severity_counts(findings)
    parts = [
        f"{counts['error']} error{'s' * (counts['error'] != 1)}",
        f"{counts['warning']} warning{'s' * (counts['warning'] != 1)}",
        f"{counts['info']} info",
    ]
    return f"{plural(len(findings), 'finding')}: " + ", ".join(parts)


def report_heading(year: int, records_by_year: dict[int, Record]) -> str:
    record = records_by_year.get(year)
    if record is None:
        return f"Report {year}"
    extra = " (reconstruction)" if record.report.reconstruction else ""
    return f"Report {year}, covering {record.report.data_year}: {record.source.file}{extra}"


def _by_year(findings: Iterable[Finding], years: Iterable[int] = ()) -> dict[int, list[Finding]]:
    """Findings per report year, worst first; every year of `years` present, even if clean,
    so a reader sees that a report was checked and found in order."""
    out: dict[int, list[Finding]] = {y: [] for y in years}
    for f in sorted(findings, key=Finding.sort_key):
        out.setdefault(f.report_year, []).append(f)
    return dict(sorted(out.items()))


def _records_by_year(records: Iterable[Record]) -> dict[int, Record]:
    return {r.report.report_year: r for r in records}


def evidence_line(finding: Finding, ev: Any) -> str:
    """Where a quote stands: its page, and its report when that is another report."""
    where = page_ref(ev.page, ev.printed_page)
    if ev.report_year != finding.report_year:
        where = f"report {ev.report_year}, {where}"
    return where


# -- findings --------------------------------------------------------------------------------


def findings_text(findings: Sequence[Finding], records: Iterable[Record]) -> str:
    """One line per finding ("p. 15  error  toc-caption  message"), quotes indented below."""
    years = _records_by_year(records)
    lines: list[str] = []
    for year, group in _by_year(findings, years).items():
        lines.append(f"{report_heading(year, years)}  [{summary_line(group)}]")
        for f in group:
            lines.append(
                f"  {page_ref(f.page):<7} {f.severity:<7} {f.rule:<16} {clip(f.message, 300)}"
            )
            for ev in f.evidence:
                if ev.quote:
                    lines.append(f'      "{clip(ev.quote)}"  ({evidence_line(f, ev)})')
        lines.append("")
    if not findings:
        checked = ", ".join(str(y) for y in sorted(years)) or "none"
        lines.append(f"No findings (reports checked: {checked}).")
    lines.append(summary_line(findings))
    return "\n".join(lines)


def md_escape(text: str) -> str:
    """Characters markdown would take as markup in running text."""
    out = text
    for ch in "\\`*_[]<>|":
        out = out.replace(ch, "\\" + ch)
    return out


def findings_markdown(findings: Sequence[Finding], records: Iterable[Record]) -> str:
    years = _records_by_year(records)
    lines = ["# Findings", "", summary_line(findings), ""]
    for year, group in _by_year(findings, years).items():
        lines += [f"## {md_escape(report_heading(year, years))}", "", summary_line(group), ""]
        for f in group:
            lines.append(
                f"- **{f.severity}** `{f.rule}` {page_ref(f.page)}: {md_escape(clip(f.message, 300))}"
            )
            for ev in f.evidence:
                if ev.quote:
                    lines.append(f"  > {md_escape(clip(ev.quote))} ({evidence_line(f, ev)})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_findings(
    findings: Sequence[Finding], records: Iterable[Record], fmt: str = "text"
) -> str:
    """Findings for people ("text", "markdown") or tools ("json", the contract's document)."""
    findings = list(findings)
    if fmt == "json":
        return json.dumps(findings_document(findings), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return findings_markdown(findings, list(records))
    if fmt == "text":
        return findings_text(findings, list(records))
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FINDING_FORMATS)}")


# -- change reports: shared pieces ------------------------------------------------------------


def diff_title(change: ChangeReport) -> str:
    return f"Changes from report {change.old_year} to report {change.new_year}"


def diff_subtitle(change: ChangeReport) -> str:
    return (
        f"{change.old_file} (covering {change.old_data_year}) → "
        f"{change.new_file} (covering {change.new_data_year})"
    )


def agreement_summary(change: ChangeReport) -> str:
    counts = change.counts()
    return f"{plural(len(change.figures), 'key')}: " + ", ".join(
        f"{n} {name}{'s' if name.endswith('key') and n != 1 else ''}" for name, n in counts.items()
    )


def top_section(section: str | None) -> str:
    return (section or "").split(" ")[0] or "unknown"


def figure_cells(f: FigureChange, labels: dict[str, str]) -> list[str]:
    stated = signed(f.stated_change)
    if (
        f.stated_change is not None
        and f.previous_period
        and f.reference_period not in (None, f.previous_period)
    ):
        stated += f" vs {f.reference_period}"
    return [
        f.key + (f" ({labels[f.key]})" if f.key in labels else ""),
        f.period or "-",
        number(f.previous),
        number(f.current),
        signed(f.change),
        stated,
        f.agreement,
        page_ref(f.page) if f.page else page_ref(f.previous_page) + " (old)",
    ]


FIGURE_HEADERS = ["key", "period", "previous", "current", "change", "stated", "agreement", "page"]
TABLE_COLUMNS = ["prosecuted", "convicted", "pending", "suspended", "fined", "acquitted", "other"]


def table_rows(change: ChangeReport) -> list[list[str]]:
    rows = [
        [str(s.report_year)] + [str(getattr(s, c)) for c in TABLE_COLUMNS]
        for s in change.table_summaries
    ]
    delta = change.table_change()
    rows.append(["change"] + [signed(delta[c]) for c in TABLE_COLUMNS])
    return rows


def carried_rows(change: ChangeReport, limit: int | None = None) -> list[list[str]]:
    """Rows of the carried-over table; `limit` clips offense and verdict (for a terminal)."""
    out = []
    for p in change.carried_over:
        src = f"{p.source_table.replace('table', 'Table ')} no. {p.source_no}"
        dst = f"Table 3 no. {p.matched_no}" if p.matched_no is not None else "-"
        offense, verdict = (
            (clip(p.offense, limit), clip(p.verdict, limit)) if limit else (p.offense, p.verdict)
        )
        out.append([src, offense, dst, verdict, f"{p.confidence:.2f}"])
    return out


CARRIED_HEADERS = ["old report", "offense", "new report", "verdict", "match"]


def section_title(s: Any) -> str:
    """The section's title, and the old one when the new report renamed it."""
    return s.title + (f" (was: {s.previous_title})" if s.previous_title else "")


def sentence_label(kind: str, numbers_only: bool) -> str:
    return "numbers changed" if numbers_only else kind


_KINDS = {
    "values_changed": "changed",
    "type_changes": "changed",
    "dictionary_item_added": "added",
    "iterable_item_added": "added",
    "dictionary_item_removed": "removed",
    "iterable_item_removed": "removed",
}


def structure_kind(kind: str) -> str:
    """DeepDiff's report type in one word."""
    return _KINDS.get(kind, kind.replace("_", " "))


def structure_value(value: Any) -> str:
    """A value of the structural diff in a few words (a caption as "Figure 7: its text")."""
    if value is None:
        return "-"
    if isinstance(value, dict) and "text" in value:
        label = f"{value['label']}: " if value.get("label") else ""
        return clip(f"{label}{value['text']}", 120)
    return clip(json.dumps(value, ensure_ascii=False, default=str), 120)


def structure_rows(change: ChangeReport, limit: int = 100) -> list[list[str]]:
    """Kind, path, old and new of each structural change, in a few words each."""
    return [
        [
            structure_kind(c.kind),
            clip(c.path, limit),
            structure_value(c.old),
            structure_value(c.new),
        ]
        for c in change.structure
    ]


# -- change reports: text and markdown ------------------------------------------------------------


def aligned(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        indent + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]


def diff_text(change: ChangeReport) -> str:
    lines = [diff_title(change), diff_subtitle(change), "", "FIGURES  " + agreement_summary(change)]
    rows = aligned([FIGURE_HEADERS] + [figure_cells(f, change.labels) for f in change.figures])
    lines.append(rows[0])
    section = None
    for f, row in zip(change.figures, rows[1:], strict=True):
        if top_section(f.section) != section:
            section = top_section(f.section)
            lines.append(f" section {section}")
        lines.append(row)
        if f.agreement == "contradicts" and f.quote:
            lines.append(f'      "{clip(f.quote, 200)}"')
    lines += ["", "TABLE 2 (prosecuted persons)"]
    lines += aligned([["year", *TABLE_COLUMNS], *table_rows(change)])
    lines += [
        "",
        f"CARRIED-OVER TRIALS ({len(change.carried_over)} persons report {change.old_year} left pending)",
    ]
    if change.carried_over:
        lines += aligned([CARRIED_HEADERS, *carried_rows(change, limit=60)])
    if change.unmatched_carryover_rows:
        lines.append(
            "  new Table 3 rows matched to no one: "
            + ", ".join(map(str, change.unmatched_carryover_rows))
        )
    lines += ["", "SECTIONS"]
    moved = [s for s in change.sections if s.kind != "unchanged"]
    for s in moved:
        lines.append(
            f"  {s.kind:<9} {s.number} {section_title(s)}".rstrip()
            + (f"  (similarity {s.similarity:.2f})" if s.kind == "rewritten" else "")
        )
    if not moved:
        lines.append("  no section added, removed or rewritten")
    lines += ["", f"SENTENCES OF SECTION 2 ({len(change.sentences)} changed, added or removed)"]
    for s in change.sentences:
        lines.append(f"  {sentence_label(s.kind, s.numbers_only)}:")
        if s.old:
            lines.append(f"    - {clip(s.old, 300)}")
        if s.new:
            lines.append(f"    + {clip(s.new, 300)}")
    lines += ["", "OTHER CHANGES (structure)"]
    for kind, path, before, after in structure_rows(change):
        lines.append(f"  {kind:<8} {path}: {before} → {after}")
    if not change.structure:
        lines.append("  none")
    return "\n".join(lines)


def md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return out


def diff_markdown(change: ChangeReport) -> str:
    lines = [f"# {diff_title(change)}", "", md_escape(diff_subtitle(change)), ""]
    lines += ["## Figures", "", agreement_summary(change), ""]
    lines += md_table(FIGURE_HEADERS, [figure_cells(f, change.labels) for f in change.figures])
    lines += ["", "## Table 2 (prosecuted persons)", ""]
    lines += md_table(["year", *TABLE_COLUMNS], table_rows(change))
    lines += ["", f"## Carried-over trials (persons report {change.old_year} left pending)", ""]
    lines += md_table(CARRIED_HEADERS, carried_rows(change)) if change.carried_over else ["None."]
    if change.unmatched_carryover_rows:
        lines += [
            "",
            "New Table 3 rows matched to no one: "
            + ", ".join(map(str, change.unmatched_carryover_rows)),
        ]
    lines += ["", "## Sections", ""]
    lines += md_table(
        ["section", "title", "change", "similarity"],
        [
            [s.number, section_title(s), s.kind, f"{s.similarity:.2f}"]
            for s in change.sections
            if s.kind != "unchanged"
        ],
    )
    lines += ["", "## Sentences of section 2", ""]
    for s in change.sentences:
        lines.append(f"- **{sentence_label(s.kind, s.numbers_only)}**")
        if s.old:
            lines.append(f"  - old: {md_escape(clip(s.old, 300))}")
        if s.new:
            lines.append(f"  - new: {md_escape(clip(s.new, 300))}")
    lines += ["", "## Other changes", ""]
    lines += md_table(
        ["change", "path", "old", "new"],
        [[k, f"`{p}`", md_escape(a), md_escape(b)] for k, p, a, b in structure_rows(change)],
    )
    return "\n".join(lines) + "\n"


# -- HTML ------------------------------------------------------------------------------------

STYLESHEET = """
:root { color-scheme: light dark; --fg: #1d1f23; --bg: #ffffff; --muted: #5b6270; --line: #d0d4da;
  --head: #f1f3f6; --error: #b3261e; --warning: #8a5a00; --info: #1f5fa8; --ok: #1e7a3c;
  --accent: #2456a6; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e8eb; --bg: #16181c; --muted: #a3aab5; --line: #3a3f47; --head: #22262c;
    --error: #ff8a80; --warning: #f2c14e; --info: #8ab4f8; --ok: #7bd88f; --accent: #8ab4f8; }
}
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 78rem; }
a { color: var(--accent); }
nav { margin-bottom: 1rem; font-size: 0.95em; }
h1 { font-size: 1.6rem; margin: 0.3rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.subtitle, .muted { color: var(--muted); }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
th { background: var(--head); }
td { overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.agrees { color: var(--ok); } .contradicts { color: var(--error); font-weight: 600; }
.sev-error { color: var(--error); font-weight: 600; } .sev-warning { color: var(--warning); font-weight: 600; }
.sev-info { color: var(--info); }
blockquote { margin: 0.2rem 0 0.4rem 1rem; padding-left: 0.6rem; border-left: 3px solid var(--line);
  color: var(--muted); }
ul.findings { list-style: none; padding-left: 0; } ul.findings > li { margin-bottom: 0.7rem; }
del { color: var(--error); } ins { color: var(--ok); text-decoration: underline; font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
figure.chart { margin: 0; padding: 0.5rem; border: 1px solid var(--line); border-radius: 6px; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart svg * { stroke-linejoin: round; stroke-linecap: butt; }
figure.chart figcaption { font-weight: 600; margin-bottom: 0.3rem; }
code { font-size: 0.9em; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --line: #999; --head: #eee; --accent: #000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  a { text-decoration: none; }
  h2 { break-after: avoid; }
  table, figure.chart, li { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
}
"""


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def html_page(title: str, body: str, nav: str = "") -> str:
    """A standalone HTML page: inline stylesheet, no script, nothing fetched."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n"
        f"{nav}<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def html_table(
    caption: str,
    headers: list[str],
    rows: list[list[str]],
    numeric: Iterable[int] = (),
    classes: dict[int, Any] | None = None,
    links: dict[int, Any] | None = None,
) -> str:
    """A table with a caption; cells are escaped here. `classes` maps a column to a function
    of the cell giving its CSS class, `links` to one giving the cell's link (or None)."""
    numeric = set(numeric)
    classes = classes or {}
    links = links or {}
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, c in enumerate(row):
            cls = ["num"] if i in numeric else []
            if i in classes and (extra := classes[i](c)):
                cls.append(extra)
            attr = f' class="{" ".join(cls)}"' if cls else ""
            text = esc(c)
            if i in links and (href := links[i](c)):
                text = f'<a href="{esc(href)}">{text}</a>'
            cells.append(f"<td{attr}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table>\n<caption>{esc(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"
    )


def inline_diff(old: str, new: str) -> str:
    """One sentence with the words the new report dropped struck and the words it added
    marked, so "47 (20 more than in 2018)" -> "38 (nine less than in 2019)" reads at a glance."""
    a, b = old.split(), new.split()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(esc(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{esc(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{esc(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)


def diff_html_body(change: ChangeReport, heading_level: int = 1) -> str:
    """The change report as an HTML fragment (the site puts it on each pair's page)."""
    h1, h2 = f"h{heading_level}", f"h{heading_level + 1}"
    parts = [
        f"<{h1}>{esc(diff_title(change))}</{h1}>",
        f'<p class="subtitle">{esc(diff_subtitle(change))}</p>',
        f'<{h2} id="figures">Figures</{h2}>',
        f"<p>{esc(agreement_summary(change))}</p>",
        html_table(
            f"Every figure of reports {change.old_year} and {change.new_year}, side by side",
            FIGURE_HEADERS,
            [figure_cells(f, change.labels) for f in change.figures],
            numeric=(2, 3, 4, 5),
            classes={6: lambda c: c if c in ("agrees", "contradicts") else ""},
        ),
        f'<{h2} id="table2">Table 2: prosecuted persons</{h2}>',
        html_table(
            "Prosecuted persons and trial results (Table 2) per report",
            ["year", *TABLE_COLUMNS],
            table_rows(change),
            numeric=range(1, len(TABLE_COLUMNS) + 1),
        ),
        f'<{h2} id="carryover">Carried-over trials</{h2}>',
    ]
    if change.carried_over:
        parts.append(
            html_table(
                f"Persons report {change.old_year} left awaiting trial, and their results in report {change.new_year}",
                CARRIED_HEADERS,
                carried_rows(change),
                numeric=(4,),
            )
        )
    else:
        parts.append(f"<p>Report {change.old_year} left no one awaiting trial.</p>")
    if change.unmatched_carryover_rows:
        nos = ", ".join(map(str, change.unmatched_carryover_rows))
        parts.append(f"<p>Rows of the new Table 3 matched to no one: {esc(nos)}</p>")
    moved = [s for s in change.sections if s.kind != "unchanged"]
    parts.append(f'<{h2} id="sections">Sections</{h2}>')
    parts.append(
        html_table(
            "Sections added, removed or rewritten",
            ["section", "title", "change", "similarity"],
            [[s.number, section_title(s), s.kind, f"{s.similarity:.2f}"] for s in moved],
            numeric=(3,),
        )
        if moved
        else "<p>No section added, removed or rewritten.</p>"
    )
    parts.append(f'<{h2} id="sentences">Sentences of section 2</{h2}>')
    items = []
    for s in change.sentences:
        if s.old and s.new:
            body = inline_diff(s.old, s.new)
        else:
            body = f"<del>{esc(s.old)}</del>" if s.old else f"<ins>{esc(s.new)}</ins>"
        label = esc(sentence_label(s.kind, s.numbers_only))
        items.append(f"<li><strong>{label}</strong><br>{body}</li>")
    parts.append("<ul>" + "\n".join(items) + "</ul>" if items else "<p>No sentence changed.</p>")
    parts.append(f'<{h2} id="structure">Other changes</{h2}>')
    parts.append(
        html_table(
            "Other differences between the two records (captions, contents, tables, metadata)",
            ["change", "path", "old", "new"],
            structure_rows(change, limit=200),
        )
        if change.structure
        else "<p>None.</p>"
    )
    return "\n".join(parts)


def render_diff(change: ChangeReport, fmt: str = "text") -> str:
    """A change report as "text", "markdown", "html" (a standalone page) or "json"."""
    if fmt == "json":
        return json.dumps(change.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return diff_markdown(change)
    if fmt == "html":
        return html_page(diff_title(change), diff_html_body(change))
    if fmt == "text":
        return diff_text(change)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(DIFF_FORMATS)}")
