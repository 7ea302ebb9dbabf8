"""Findings as text, markdown and JSON.

Text is for people at a terminal: a line of counts, then errors, warnings and info (one line
per finding, the quotes that prove it indented beneath; info findings that say the same thing
of one report as one line with a count), the reports checked, and the line of counts again. Markdown says the same for a page. JSON
is for tooling and follows the contract (`annualcheck/findings@1`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annualcheck.model.findings import SEVERITIES, Finding, finding_ids, findings_document
from annualcheck.model.json_text import indented_json
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


SEVERITY_HEADINGS = {"error": "ERRORS", "warning": "WARNINGS", "info": "INFO"}


@dataclass
class FindingGroup:
    """Findings that say the same thing of one report ("Stated change not checked: the series
    has no report before 2019."), shown as one line with a count; a group of one is the
    finding itself."""

    findings: list[Finding]

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def lead(self) -> str:
        return message_lead(self.first.message)

    def keys(self) -> list[str]:
        return [f.key for f in self.findings if f.key]

    def pages(self) -> list[int]:
        return sorted({f.page for f in self.findings if f.page is not None})


def message_lead(message: str) -> str:
    """The first sentence of a finding's message: what findings of one kind share."""
    head = re.split(r"(?<=\w\w\.)\s+", message, maxsplit=1)[0]
    return head if head != message else message


def min_severity_filter(findings: Iterable[Finding], min_severity: str = "info") -> list[Finding]:
    """The findings of `min_severity` or worse ("warning" keeps errors and warnings)."""
    worst = SEVERITIES.index(min_severity)
    return [f for f in findings if SEVERITIES.index(f.severity) <= worst]


def severity_groups(findings: Iterable[Finding]) -> list[tuple[str, list[FindingGroup]]]:
    """Errors, then warnings, then info; inside each by report and page. Info findings of one
    report and rule that share their lead sentence are one group (a reader needs to know that
    32 stated changes could not be checked, not to read the same sentence 32 times)."""
    findings = list(findings)
    out = []
    for severity in SEVERITIES:
        groups: list[FindingGroup] = []
        by_lead: dict[tuple, FindingGroup] = {}
        for f in sorted((f for f in findings if f.severity == severity), key=Finding.sort_key):
            lead = message_lead(f.message)
            if severity != "info" or lead == f.message:
                groups.append(FindingGroup([f]))
                continue
            ident = (f.report_year, f.rule, lead)
            if ident in by_lead:
                by_lead[ident].findings.append(f)
            else:
                by_lead[ident] = FindingGroup([f])
                groups.append(by_lead[ident])
        if groups:
            out.append((severity, groups))
    return out


def page_span(pages: list[int]) -> str:
    """[7, 8, 9] -> "pp. 7-9"; [4] -> "p. 4"."""
    if not pages:
        return "p. ?"
    return f"p. {pages[0]}" if len(pages) == 1 else f"pp. {pages[0]}-{pages[-1]}"


def keys_phrase(keys: list[str], limit: int = 4) -> str:
    shown = ", ".join(keys[:limit])
    return shown + (f" and {len(keys) - limit} more" if len(keys) > limit else "")


def summary_with_filter(findings: Sequence[Finding], min_severity: str) -> str:
    line = summary_line(findings)
    if min_severity != "info":
        shown = {"warning": "errors and warnings", "error": "errors"}[min_severity]
        line += f" (showing {shown} only)"
    return line


def findings_text(
    findings: Sequence[Finding], records: Iterable[Record], min_severity: str = "info"
) -> str:
    """The summary, then errors, warnings and info (one line each, quotes indented below;
    identical info findings as one line with a count), the reports checked, the summary."""
    years = _records_by_year(records)
    ids = finding_ids(findings)
    shown = min_severity_filter(findings, min_severity)
    top = summary_with_filter(findings, min_severity)
    lines: list[str] = [top, ""]
    for severity, groups in severity_groups(shown):
        count = sum(len(g.findings) for g in groups)
        lines.append(f"{SEVERITY_HEADINGS[severity]} ({count})")
        for g in groups:
            f = g.first
            if len(g.findings) > 1:
                lines.append(
                    f"  {f.report_year}  {page_span(g.pages()):<9} {f.severity:<7} {f.rule:<16} "
                    f"{len(g.findings)} × {g.lead} Keys: {keys_phrase(g.keys())}."
                )
                continue
            lines.append(
                f"  {f.report_year}  {page_ref(f.page):<9} {f.severity:<7} {f.rule:<16} "
                f"{clip(f.message, 300)}"
            )
            for ev in f.evidence:
                if ev.quote:
                    lines.append(f'      "{clip(ev.quote)}"  ({evidence_line(f, ev)})')
            lines.append(f"      id {ids[id(f)]}")
        lines.append("")
    if not shown:
        checked = ", ".join(str(y) for y in sorted(years)) or "none"
        what = "No findings" if not findings else "No findings at this severity"
        lines += [f"{what} (reports checked: {checked}).", ""]
    if years:
        lines.append("Reports checked:")
        for year, group in _by_year(findings, years).items():
            lines.append(f"  {report_heading(year, years)}  [{summary_line(group)}]")
        lines.append("")
    lines.append(top)
    return "\n".join(lines)


def findings_markdown(
    findings: Sequence[Finding], records: Iterable[Record], min_severity: str = "info"
) -> str:
    """The same order as the text form; every quote its own block quote, a blank line
    between them, so two quotes never run together into one paragraph."""
    years = _records_by_year(records)
    ids = finding_ids(findings)
    shown = min_severity_filter(findings, min_severity)
    lines = ["# Findings", "", md_escape(summary_with_filter(findings, min_severity)), ""]
    for severity, groups in severity_groups(shown):
        lines += [f"## {SEVERITY_HEADINGS[severity].title()}", ""]
        for g in groups:
            f = g.first
            if len(g.findings) > 1:
                lines += [
                    f"- **{f.severity}** {md_code(f.rule)} report {f.report_year}, "
                    f"{page_span(g.pages())}: {len(g.findings)} × {md_escape(g.lead)} "
                    f"Keys: {md_escape(keys_phrase(g.keys()))}.",
                    "",
                ]
                continue
            lines += [
                f"- **{f.severity}** {md_code(f.rule)} report {f.report_year}, {md_escape(page_ref(f.page))}: "
                f"{md_escape(clip(f.message, 300))} (id {md_code(ids[id(f)])})",
                "",
            ]
            for ev in f.evidence:
                if ev.quote:
                    lines += [f"  > {md_escape(clip(ev.quote))} ({evidence_line(f, ev)})", ""]
    lines += ["## Reports checked", ""]
    for year, group in _by_year(findings, years).items():
        lines.append(f"- {md_escape(report_heading(year, years))}: {summary_line(group)}")
    return "\n".join(lines).rstrip() + "\n"


def render_findings(
    findings: Sequence[Finding],
    records: Iterable[Record],
    fmt: str = "text",
    min_severity: str = "info",
) -> str:
    """Findings for people ("text", "markdown") or tools ("json", the contract's document);
    `min_severity` leaves out the findings below it (the summary still counts them)."""
    findings = list(findings)
    if min_severity not in SEVERITIES:
        raise ValueError(f"unknown severity {min_severity!r}; use one of {', '.join(SEVERITIES)}")
    if fmt == "json":
        ids = finding_ids(findings)
        doc = findings_document(findings)
        keep = {ids[id(f)] for f in min_severity_filter(findings, min_severity)}
        doc["findings"] = [f for f in doc["findings"] if f["id"] in keep]
        return indented_json(doc)
    if fmt == "markdown":
        return findings_markdown(findings, list(records), min_severity)
    if fmt == "text":
        return findings_text(findings, list(records), min_severity)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FINDING_FORMATS)}")
