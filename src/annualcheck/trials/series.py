"""The trial histories and sentencing of a whole series, and the findings they rest on.

Why the findings come from the checks and not from here: whether a table agrees with the
text's counts (`table-count`) and whether the persons left pending reappear (`carryover`)
are rules of their own, run by `annualcheck check` too; this stage calls those rules on the
same records, so the trials output and the check output report the same disagreements once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from annualcheck.checks.tables import check_carryover, check_table_counts
from annualcheck.model.findings import Finding
from annualcheck.model.record import Record
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.trials import TrialsSpec
from annualcheck.trials.history import Person, build_persons
from annualcheck.trials.sentencing import YearSentencing, year_sentencing

SCHEMA = "annualcheck/trials@1"


@dataclass
class Trials:
    report_years: list[int]
    persons: list[Person]
    sentencing: list[YearSentencing]
    findings: list[Finding] = field(default_factory=list)
    files: dict[int, str] = field(default_factory=dict)  # report year -> PDF file name
    spec: TrialsSpec = field(default_factory=TrialsSpec)  # the wording of charts and links


def build_trials(records: Iterable[Record], *, profile: Profile) -> Trials:
    """Persons with their histories, sentencing per report, and the table-count and
    carryover findings of the same records."""
    records = sorted(records, key=lambda r: r.report.report_year)
    checks, spec = profile.checks, profile.trials
    main = checks.trial_tables[0] if checks.trial_tables else None
    by_year = {r.report.report_year: r for r in records}
    findings: list[Finding] = []
    for record in records:
        findings += check_table_counts(record, checks)
        findings += check_carryover(record, by_year.get(record.report.report_year - 1), checks)
    return Trials(
        report_years=[r.report.report_year for r in records],
        persons=build_persons(records, checks, spec),
        sentencing=[year_sentencing(r, main, checks.carryover_table, spec) for r in records],
        findings=sorted(findings, key=Finding.sort_key),
        files={r.report.report_year: r.source.file for r in records},
        spec=spec,
    )
