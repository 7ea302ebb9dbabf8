"""Batches: many PDFs to ordered records (parallel, cached), with progress for people."""

from annualcheck.batch.series import LoadOptions, SeriesResult, load_series

__all__ = ["LoadOptions", "SeriesResult", "load_series"]
