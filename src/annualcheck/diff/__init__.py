"""Stage 6, the change report: two consecutive records compared (figures, tables, text, structure)."""

from annualcheck.diff.compare import ChangeReport, diff_records

__all__ = ["ChangeReport", "diff_records"]
