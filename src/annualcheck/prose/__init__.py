"""Stage 3, the prose: the one place English is tokenised (numbers in words and digits, the
grammar of comparisons, sentences)."""

import importlib
from typing import Any

#: The entry points, imported on first use: importing one module of the package (as
#: every command does) must not load the others' code (imports are most of a warm run).
_ENTRY_POINTS = {
    "find_numbers": "annualcheck.prose.numbers",
    "find_stated_changes": "annualcheck.prose.comparisons",
    "parse_number": "annualcheck.prose.numbers",
}


def __getattr__(name: str) -> Any:
    module = _ENTRY_POINTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["find_numbers", "find_stated_changes", "parse_number"]
