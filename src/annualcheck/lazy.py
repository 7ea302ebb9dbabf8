"""Entry points of a stage package, imported on first use.

Why lazy: every command imports some module of a stage package, which runs the package's
`__init__.py`; if that imported the stage's entry points eagerly, one command would load the
code (and the libraries) of stages it never uses, and imports are most of a warm run.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def entry_points(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that imports `name` from `where[name]` (a module
    path) when it is first asked for, and refuses any other name."""

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    return getattr_
