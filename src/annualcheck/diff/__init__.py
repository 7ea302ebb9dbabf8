"""Stage 6, the change report: two consecutive records compared (figures, tables, text, structure)."""

from annualcheck.lazy import entry_points

#: The entry points, imported on first use (see `annualcheck.lazy`).
_ENTRY_POINTS = {
    "ChangeReport": "annualcheck.diff.compare",
    "diff_records": "annualcheck.diff.compare",
}

__getattr__ = entry_points(__name__, _ENTRY_POINTS)


__all__ = ["ChangeReport", "diff_records"]
