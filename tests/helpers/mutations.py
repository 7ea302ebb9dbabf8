"""What the mutation tests share: a mutant, how it changes a source, how a mutated report is
rendered and read, and which findings are new against the unmutated series.

Used by tests/test_mutations.py and tests/test_mutations_wording.py; `render_and_extract` runs in
worker processes, so it stays a plain module-level function.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from annualcheck.profiles import get_profile

PROFILE = get_profile("jp-tip")


@dataclass(frozen=True)
class Mutant:
    name: str
    rule: str | None  # None: harmless, must raise nothing new
    year: int  # the report whose source is changed
    old: str
    new: str
    series: tuple[int, ...] = (2019, 2020, 2021)  # the reports checked together
    occurrence: int = 1  # which occurrence of `old` to change (1-based)


def apply_mutant(mutant: Mutant, source: str) -> str:
    start = -1
    for _ in range(mutant.occurrence):
        start = source.find(mutant.old, start + 1)
        if start < 0:
            raise AssertionError(f"{mutant.name}: {mutant.old!r} not found in the source")
    return source[:start] + mutant.new + source[start + len(mutant.old) :]


def render_and_extract(args: tuple[str, str, str]) -> dict:
    name, text, outdir = args
    from annualcheck.extract.pipeline import extract_record
    from testdata.render_reports import render_source

    pdf = Path(outdir) / f"{name}.pdf"
    render_source(text, pdf)
    return extract_record(pdf, profile=PROFILE).to_dict()


def _signature(finding) -> tuple:
    return (
        finding.rule,
        finding.severity,
        finding.report_year,
        finding.key,
        str(finding.expected),
        str(finding.actual),
    )


def new_findings(records_by_year: dict, baseline_by_year: dict, series: tuple[int, ...]):
    from annualcheck.checks import run_checks

    before = Counter(
        _signature(f) for f in run_checks([baseline_by_year[y] for y in series], profile=PROFILE)
    )
    after = run_checks([records_by_year[y] for y in series], profile=PROFILE)
    new = []
    for finding in after:
        sig = _signature(finding)
        if before[sig]:
            before[sig] -= 1
        else:
            new.append(finding)
    return new
