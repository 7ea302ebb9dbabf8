"""Batches: many PDFs to ordered records (parallel, cached), with progress for people."""

from annualcheck.lazy import entry_points

#: The entry points, imported on first use (see `annualcheck.lazy`).
_ENTRY_POINTS = {
    "LoadOptions": "annualcheck.batch.series",
    "SeriesResult": "annualcheck.batch.series",
    "load_series": "annualcheck.batch.series",
}

__getattr__ = entry_points(__name__, _ENTRY_POINTS)


__all__ = ["LoadOptions", "SeriesResult", "load_series"]
