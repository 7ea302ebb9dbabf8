"""Stage 2, the layout: a document's lines read as its structure (contents, numbered headings,
paragraphs, captions, printed page numbers, what stands inside tables and figures)."""

import importlib
from typing import Any

#: The entry points, imported on first use: importing one module of the package (as
#: every command does) must not load the others' code (imports are most of a warm run).
_ENTRY_POINTS = {
    "Layout": "annualcheck.layout.blocks",
    "analyse_layout": "annualcheck.layout.blocks",
}


def __getattr__(name: str) -> Any:
    module = _ENTRY_POINTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["Layout", "analyse_layout"]
