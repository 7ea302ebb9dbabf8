"""The Python API: `annualcheck.load(paths)` -> a `Series` of records, findings and frames.

Why a layer of its own: a notebook wants three lines (load, look at the findings, pivot the
figures), not the CLI's options. Like the CLI, this is a top entry point: it resolves the
profile from the registry (`profile=None` is the series the tool ships) and hands it down;
the library below never looks a profile up itself.

    >>> import annualcheck
    >>> series = annualcheck.load("reports/")
    >>> series.findings_df().query("severity == 'error'")
    >>> series.figures_df().pivot_table(index="key", columns="report_year", values="value")
    >>> series.diff(2019, 2020).counts()
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annualcheck.model.errors import AnnualcheckError
from annualcheck.model.findings import Finding
from annualcheck.model.record import Record
from annualcheck.profiles import resolve_profile
from annualcheck.profiles.spec import Profile

PathLike = str | os.PathLike


def as_paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    """One path or many: a string is one path (never its characters), so is a Path."""
    if isinstance(paths, str | os.PathLike):
        return [Path(paths)]
    if isinstance(paths, bytes):
        return [Path(os.fsdecode(paths))]
    out = [Path(p) for p in paths]
    if not out:
        raise ValueError("load() needs at least one PDF or folder")
    return out


@dataclass
class Series:
    """The reports of one series, in report-year order, with what came of loading them."""

    records: list[Record]
    profile: Profile
    errors: list[AnnualcheckError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    gaps: list[int] = field(default_factory=list)
    _findings: list[Finding] | None = field(default=None, repr=False)

    @property
    def years(self) -> list[int]:
        return [r.report.report_year for r in self.records]

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the series (computed once, on first use)."""
        if self._findings is None:
            from annualcheck.checks import run_checks

            self._findings = run_checks(self.records, gaps=self.gaps, profile=self.profile)
        return self._findings

    def record(self, year: int) -> Record:
        """The record of report `year` (the year of publication, not the year covered)."""
        for r in self.records:
            if r.report.report_year == year:
                return r
        raise KeyError(f"no report of {year} in the series (reports: {self.years})")

    def _labels(self) -> dict[str, str]:
        return dict(self.profile.diff.labels)

    def figures_df(self) -> Any:
        """One row per report and figure (the export's figure table, as a DataFrame)."""
        from annualcheck.output.export import figures_frame

        return figures_frame(self.records, self._labels())

    def findings_df(self) -> Any:
        """One row per finding and piece of evidence, with the finding's stable id."""
        from annualcheck.output.export import findings_frame

        return findings_frame(self.findings)

    def tables_df(self) -> Any:
        """One row per row of every trial table (offense, status, sentence)."""
        from annualcheck.output.export import trial_rows_frame

        return trial_rows_frame(self.records)

    def trials_df(self, events: bool = False) -> Any:
        """One row per person tried (id, offense, laws, final status, reports pending), or with
        `events=True` one row per step of a person's history."""
        from annualcheck.output.trials_export import trials_frame

        return trials_frame(self.records, profile=self.profile, events=events)

    def reports_df(self) -> Any:
        """One row per report: years, file, hash, pages, whether it is a reconstruction."""
        from annualcheck.output.export import reports_frame

        return reports_frame(self.records)

    def diff(self, old_year: int, new_year: int) -> Any:
        """The change report from report `old_year` to report `new_year` (a `ChangeReport`;
        `.to_dict()` is its JSON)."""
        from annualcheck.diff.compare import diff_records

        return diff_records(self.record(old_year), self.record(new_year), profile=self.profile)

    def __repr__(self) -> str:
        bad = f", {len(self.errors)} bad inputs" if self.errors else ""
        return f"<Series of {len(self.records)} reports {self.years}{bad}>"


def load(
    paths: PathLike | Iterable[PathLike],
    *,
    profile: str | Profile | None = None,
    ocr: bool = False,
    password: str | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
) -> Series:
    """Read PDFs and folders of PDFs into a `Series`.

    A bad input does not stop the others: it is in `.errors` (each with its one-line reason);
    when no report at all could be read, the first error is raised."""
    from annualcheck.batch.series import LoadOptions, load_series

    chosen = resolve_profile(profile)
    options = LoadOptions(
        profile=chosen, password=password, use_cache=use_cache, jobs=jobs, ocr=ocr
    )
    result = load_series(as_paths(paths), options)
    if not result.records and result.errors:
        raise result.errors[0]
    return Series(result.records, chosen, result.errors, result.notes, result.gaps)
