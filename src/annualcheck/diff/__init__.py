"""Stage 6, the change report: two consecutive records compared (figures, tables, text, structure)."""

import importlib
from typing import Any

#: The entry points, imported on first use: importing one module of the package (as
#: every command does) must not load the others' code (imports are most of a warm run).
_ENTRY_POINTS = {
    "ChangeReport": "annualcheck.diff.compare",
    "diff_records": "annualcheck.diff.compare",
}


def __getattr__(name: str) -> Any:
    module = _ENTRY_POINTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["ChangeReport", "diff_records"]
