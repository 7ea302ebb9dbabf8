"""How the record was read, as findings: sections found without the contents (absent, or
unreadable: a `toc-caption` warning keyed "contents"), and the
severity of every finding on OCR'd text.

Why: contents that OCR garbled (or that disagree with the body) cannot guide the reading,
so the body's numbered headings gave the sections; the user must know, because a heading
the contents would have confirmed may be missed. And OCR text is noisy (a comma read as a
semicolon splits a list, a row number lost splits a table): a contradiction found in it is
never certain, so on OCR'd text an `error` is reported as a `warning` that says why.
"""

from __future__ import annotations

from dataclasses import replace

from annualcheck.checks._common import finding
from annualcheck.model.findings import Evidence, Finding
from annualcheck.model.record import Record

#: The contents against the body: the rule of contents entries that disagree with it.
SECTIONS_RULE = "toc-caption"
OCR_NOTE = " (OCR'd text: not certain, reported as a warning)"


def check_sections_source(record: Record) -> list[Finding]:
    """A warning when the sections come from the body's headings, not the contents."""
    if record.source.sections_from != "headings":
        return []
    if not record.toc:
        return [
            finding(
                SECTIONS_RULE,
                "warning",
                record,
                f"the report has no contents (none could be found before the body): the "
                f"sections ({len(record.sections)} numbered headings) were read from the body's "
                "numbered headings alone, so a heading the contents would have confirmed may "
                "be missed",
                key="contents",
                expected=None,
                actual=len(record.sections),
                evidence=_first_heading(record),
            )
        ]
    page = record.toc[0].toc_page
    listed = sum(1 for e in record.toc if e.level > 0)
    return [
        finding(
            SECTIONS_RULE,
            "warning",
            record,
            f"the contents cannot be read as the body prints its sections ({listed} section "
            f"entries read, {len(record.sections)} numbered headings found): the sections "
            "were read from the body's numbered headings alone",
            key="contents",
            expected=listed,
            actual=len(record.sections),
            evidence=(Evidence(record.report.report_year, page, "Contents"),),
        )
    ]


def _first_heading(record: Record) -> tuple[Evidence, ...]:
    """The first numbered heading the body prints: where the sections were read from."""
    if not record.sections:
        return ()
    first = record.sections[0]
    quote = f"{first.number} {first.title}"[:200]
    return (Evidence(record.report.report_year, first.page, quote, first.printed_page),)


def demote_ocr_error(item: Finding) -> Finding:
    """An error found in OCR'd text as a warning that says why (other severities as they are)."""
    if item.severity != "error":
        return item
    return replace(item, severity="warning", message=item.message + OCR_NOTE)


__all__ = ["check_sections_source", "demote_ocr_error"]
