"""Stage 4, extraction: one PDF to one `Record` (meta, figures, tables), by the profile handed in."""

import importlib
from typing import Any

#: The entry points, imported on first use: importing one module of the package (as
#: every command does) must not load the others' code (imports are most of a warm run).
_ENTRY_POINTS = {
    "extract_record": "annualcheck.extract.pipeline",
}


def __getattr__(name: str) -> Any:
    module = _ENTRY_POINTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["extract_record"]
