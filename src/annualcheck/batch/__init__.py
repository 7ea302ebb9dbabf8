"""Batches: many PDFs to ordered records (parallel, cached), with progress for people."""

import importlib
from typing import Any

#: The entry points, imported on first use: importing one module of the package (as
#: every command does) must not load the others' code (imports are most of a warm run).
_ENTRY_POINTS = {
    "LoadOptions": "annualcheck.batch.series",
    "SeriesResult": "annualcheck.batch.series",
    "load_series": "annualcheck.batch.series",
}


def __getattr__(name: str) -> Any:
    module = _ENTRY_POINTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["LoadOptions", "SeriesResult", "load_series"]
