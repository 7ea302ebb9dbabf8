"""Findings as text, markdown and JSON.

Text is for people at a terminal: one line per finding, worst first, the quotes that prove
it indented beneath, and a closing line of counts. Markdown says the same for a page. JSON
is for tooling and follows the contract (`annualcheck/findings@1`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from annualcheck.model.findings import SEVERITIES, Finding, findings_document
from annualcheck.model.record import Record
from annualcheck.render.common import clip, md_code, md_escape, page_ref, plural

FINDING_FORMATS = ("text", "markdown", "json")


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


def findings_markdown(findings: Sequence[Finding], records: Iterable[Record]) -> str:
    years = _records_by_year(records)
    lines = ["# Findings", "", summary_line(findings), ""]
    for year, group in _by_year(findings, years).items():
        lines += [f"## {md_escape(report_heading(year, years))}", "", summary_line(group), ""]
        for f in group:
            lines.append(
                f"- **{f.severity}** {md_code(f.rule)} {md_escape(page_ref(f.page))}: "
                f"{md_escape(clip(f.message, 300))}"
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
