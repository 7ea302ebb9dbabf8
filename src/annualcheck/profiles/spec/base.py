"""Validation shared by every part of a profile: each part's fields are type-checked against
their annotations when it is built, and its regex fields compiled, so a typo fails at once
with a `ValueError` naming the class and the field (after pdfplumber's `TableSettings`).
"""

from __future__ import annotations

import functools
import re
import types
import typing
from dataclasses import field, fields
from typing import Any

from annualcheck.compiled_patterns import compiled


def _conforms(value: Any, hint: Any) -> bool:
    """Whether `value` is of the annotated type (the few shapes profiles use)."""
    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_conforms(v, args[0]) for v in value)
        return len(args) == len(value) and all(
            _conforms(v, a) for v, a in zip(value, args, strict=True)
        )
    if origin is dict:
        return isinstance(value, dict) and all(
            _conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items()
        )
    if origin is re.Pattern:
        return isinstance(value, re.Pattern)
    return isinstance(value, origin or hint)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


#: The flags a profile's patterns are searched with (case-blind, "." across line breaks; the
#: figures stage searches with these). The check compiles each pattern with them
#: (`compiled_patterns.compiled`), so that its compile is the one the stage is handed later,
#: not a second one (~170 patterns).
PATTERN_FLAGS = re.IGNORECASE | re.DOTALL


def _compiles(owner: str, name: str, pattern: str) -> None:
    try:
        compiled(pattern, PATTERN_FLAGS)
    except re.error as exc:
        raise ValueError(
            f"{owner}.{name}: not a valid regular expression ({exc}): {pattern!r}"
        ) from None


class Validated:
    """Mixin: type-check every field against its annotation, then compile the regex fields
    (fields declared with `metadata={"regex": True}`: a pattern, a tuple of them, or
    (pattern, value) pairs)."""

    def __post_init__(self) -> None:
        owner = type(self).__name__
        hints = _hints(type(self))
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if not _conforms(value, hints[f.name]):
                raise ValueError(
                    f"{owner}.{f.name}: expected {hints[f.name]}, got {type(value).__name__} "
                    f"{value!r:.80}"
                )
            if f.metadata.get("regex") and value is not None:
                for pattern in _patterns(value):
                    _compiles(owner, f.name, pattern)


def _patterns(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _patterns(v)]
    out: list[str] = []
    for item in value:
        out.append(item[0] if isinstance(item, tuple) else item)
    return out


def regex_field(default: Any = None, *, required: bool = False) -> Any:
    """A field holding regular expressions, compiled once when the profile is built."""
    if required:
        return field(metadata={"regex": True})
    return field(default=default, metadata={"regex": True})


def require(owner: str, name: str, ok: bool, why: str) -> None:
    if not ok:
        raise ValueError(f"{owner}.{name}: {why}")
