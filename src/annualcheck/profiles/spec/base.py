"""Validation shared by every part of a profile: each part's fields are type-checked against
their annotations when it is built, and its regex fields compiled, so a typo fails at once
with a `ValueError` naming the class and the field (after pdfplumber's `TableSettings`).
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Callable
from dataclasses import field, fields
from typing import Any

from annualcheck.compiled_patterns import compiled


def _conforms(value: Any, hint: Any) -> bool:
    """Whether `value` is of the annotated type (the few shapes profiles use)."""
    return _checker(hint)(value)


@functools.cache
def _checker(hint: Any) -> Callable[[Any], bool]:
    """The test of one annotation, made once for every field that has it.

    Why: a profile's ~170 parts hold ~3,000 values to test; taking each annotation apart
    (`typing.get_origin`, `get_args`) again for every value was most of the time a profile
    took to build. The tests are the same ones, in the same order."""
    if hint is Any:
        return lambda value: True
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = tuple(_checker(a) for a in args)
        return lambda value: any(check(value) for check in options)
    if hint is type(None):
        return lambda value: value is None
    if hint is float:
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _checker(args[0])
            return lambda value: isinstance(value, tuple) and all(item(v) for v in value)
        items = tuple(_checker(a) for a in args)
        return lambda value: (
            isinstance(value, tuple)
            and len(items) == len(value)
            and all(check(v) for v, check in zip(value, items, strict=True))
        )
    if origin is dict:
        key, item = _checker(args[0]), _checker(args[1])
        return lambda value: (
            isinstance(value, dict) and all(key(k) and item(v) for k, v in value.items())
        )
    if origin is re.Pattern:
        return lambda value: isinstance(value, re.Pattern)
    kind = origin or hint
    return lambda value: isinstance(value, kind)


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
        for name, hint, check, regex in _field_tests(type(self)):
            value = getattr(self, name)
            if not check(value):
                raise ValueError(
                    f"{owner}.{name}: expected {hint}, got {type(value).__name__} {value!r:.80}"
                )
            if regex and value is not None:
                for pattern in _patterns(value):
                    _compiles(owner, name, pattern)


@functools.cache
def _field_tests(cls: type) -> tuple[tuple[str, Any, Callable[[Any], bool], bool], ...]:
    """(name, annotation, its test, holds regexes) of each field of a part's class, in
    field order: made once a class, not once a value."""
    hints = _hints(cls)
    return tuple(
        (f.name, hints[f.name], _checker(hints[f.name]), bool(f.metadata.get("regex")))
        for f in fields(cls)
    )


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
