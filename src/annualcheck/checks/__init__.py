"""Consistency checks over a series of records: pure functions, one module per rule family.

`run_checks(records, gaps)` runs every rule on each report alone and on each pair of
consecutive report years, and returns every finding (a check never stops at the first
failure and never raises on bad data). Rule names and severities are the contract's
(`findings.RULES`): `error` for a contradiction, `warning` where the text is ambiguous,
`info` for what could not be checked.

| module | rules |
|---|---|
| `stated_change` | stated-change |
| `breakdown` | breakdown-sum |
| `captions` | caption-count, toc-caption |
| `tables` | table-count, carryover |
| `text` | percentage, list-count |
| `repeats` | repeated-passage, restated-figure |
| `source` | toc-caption (contents unusable: sections from the headings); errors on OCR'd text become warnings |
"""

from __future__ import annotations

from collections.abc import Iterable

from annualcheck.checks._common import lag_of, report_name
from annualcheck.checks.breakdown import check_breakdowns
from annualcheck.checks.captions import check_caption_counts, check_toc
from annualcheck.checks.repeats import check_repeats, check_restated
from annualcheck.checks.source import check_sections_source, demote_ocr_error
from annualcheck.checks.stated_change import check_stated_changes
from annualcheck.checks.tables import check_carryover, check_table_counts, check_table_reading
from annualcheck.checks.text import check_lists, check_percentages
from annualcheck.model.findings import Evidence, Finding
from annualcheck.model.record import Record
from annualcheck.model.timings import stage
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.checks import ChecksSpec


def series_gaps(records: list[Record], gaps: Iterable[int] = ()) -> tuple[int, ...]:
    """Report years missing inside the series: those given, plus any hole between the first
    and the last report year."""
    years = sorted({r.report.report_year for r in records})
    inferred = set(range(years[0], years[-1] + 1)) - set(years) if years else set()
    return tuple(sorted(inferred | set(gaps)))


def _gap_findings(records: list[Record], gaps: tuple[int, ...]) -> list[Finding]:
    out = []
    for gap in gaps:
        after = next((r for r in records if r.report.report_year > gap), None)
        if after is None:
            continue
        before = [r.report.report_year for r in records if r.report.report_year < gap]
        year = after.report.report_year
        out.append(Finding(
            "stated-change", "info", year,
            f"{report_name(gap, lag_of(after))} is missing from the series"
            + (f" (between report {before[-1]} and report {year})" if before else "")
            + f": the stated changes of report {gap + 1} and the carryover of persons pending "
            f"in report {gap} cannot be checked",
            key=None, expected=gap, actual=None,
            evidence=(Evidence(year, None, f"no report for {gap} in the series"),),
        ))  # fmt: skip
    return out


def check_record(record: Record, previous: Record | None, spec: ChecksSpec,
                 gaps: tuple[int, ...] = ()) -> list[Finding]:  # fmt: skip
    """Every rule that needs one report (and, for the pair rules, the one before it)."""
    rules = (
        ("stated-change", lambda: check_stated_changes(record, previous, gaps, spec)),
        ("breakdown-sum", lambda: check_breakdowns(record, spec)),
        ("caption-count", lambda: check_caption_counts(record, spec)),
        ("toc-caption", lambda: check_toc(record, spec)),
        ("table-count", lambda: check_table_counts(record, spec)),
        ("table-count", lambda: check_table_reading(record)),
        ("carryover", lambda: check_carryover(record, previous, spec)),
        ("percentage", lambda: check_percentages(record, spec)),
        ("list-count", lambda: check_lists(record, spec)),
        ("repeated-passage", lambda: check_repeats(record)),
    )
    out: list[Finding] = []
    for rule, run in rules:
        out += guarded(rule, record.report.report_year, run)
    out += guarded("toc-caption", record.report.report_year, lambda: check_sections_source(record))
    if record.source.text_from == "ocr":
        out = [demote_ocr_error(f) for f in out]
    return out


#: The words that start the message of a rule that raised (tests look for them).
RULE_FAILED = "Rule could not run"


def guarded(rule: str, year: int, run) -> list[Finding]:
    """A rule's findings; if the rule raises, one `info` finding naming the rule instead.

    Why: one unexpected record (a reworded passage, a table read half) must not take down the
    whole check of a series; the finding says what was not checked, and the tests fail on
    any finding starting with `RULE_FAILED`, so a crash is never hidden in CI."""
    try:
        return list(run())
    except Exception as exc:  # noqa: BLE001 - reported as a finding, see the docstring
        return [
            Finding(
                rule, "info", year,
                f"{RULE_FAILED} ({rule}): {type(exc).__name__}: {exc}",
                key=None, expected=None, actual=None,
                evidence=(Evidence(year, None, f"{rule} raised {type(exc).__name__}"),),
            )
        ]  # fmt: skip


def run_checks(
    records: list[Record], gaps: Iterable[int] = (), *, profile: Profile
) -> list[Finding]:
    """All findings for the series, sorted by report year, severity and page, by the
    profile's `checks` part."""
    with stage("checks"):
        return _run_checks(records, gaps, profile.checks)


def _run_checks(records: list[Record], gaps: Iterable[int], spec: ChecksSpec) -> list[Finding]:
    records = sorted(records, key=lambda r: r.report.report_year)
    all_gaps = series_gaps(records, gaps)
    by_year = {r.report.report_year: r for r in records}
    out: list[Finding] = []
    for record in records:
        previous = by_year.get(record.report.report_year - 1)
        out += check_record(record, previous, spec, all_gaps)
    out += guarded("restated-figure", records[-1].report.report_year if records else 0,
                   lambda: check_restated(records))  # fmt: skip
    out += _gap_findings(records, all_gaps)
    # A finding that rests on an OCR'd report (a pair rule's previous report, a figure
    # restated across reports) is no more certain than one found in it.
    ocr = {r.report.report_year for r in records if r.source.text_from == "ocr"}
    if ocr:
        out = [demote_ocr_error(f) if _cites(f, ocr) else f for f in out]
    return sorted(out, key=Finding.sort_key)


def _cites(item: Finding, years: set[int]) -> bool:
    """The finding is about, or quotes evidence from, one of these report years."""
    return item.report_year in years or any(e.report_year in years for e in item.evidence)


__all__ = ["RULE_FAILED", "check_record", "guarded", "run_checks", "series_gaps"]
