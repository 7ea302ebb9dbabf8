"""Trial histories across a series: every prosecuted person followed to a verdict, and how
each report's persons were sentenced. Entry point: `build_trials(records, profile=...)`."""

from annualcheck.trials.series import build_trials

__all__ = ["build_trials"]
