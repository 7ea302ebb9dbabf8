"""The record-schema check as it was before its checkers were built once per annotation
(model.conform): the plain recursive reading of the annotations, kept as the reference
tests/test_conform.py compares the built checkers with.

Original docstring: a cache entry is JSON anyone with access to the cache folder could have edited, or a
half-migrated entry of an older version; `Record.from_dict` builds dataclasses from whatever
it is given, so a string where a page number belongs would reach the checks and fail there
(a TypeError for the whole batch). Checking every field against its annotation once, on read,
turns a tampered entry into a cache miss.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, Union

#: Deepest nesting a record may have (record → table → row → sentence is 4).
MAX_DEPTH = 12


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def conforms(value: Any, annotation: Any = None, depth: int = 0) -> bool:
    """True when `value` matches `annotation` (or, for a dataclass, every field its own)."""
    if depth > MAX_DEPTH:
        return False
    if annotation is None or annotation is Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return all(
                conforms(getattr(value, f.name), _hints(type(value))[f.name], depth + 1)
                for f in dataclasses.fields(value)
            )
        return True
    if annotation is type(None):
        return value is None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (Union, types.UnionType):
        return any(conforms(value, arg, depth) for arg in args)
    if origin in (list, tuple, set, frozenset):
        if not isinstance(value, origin):
            return False
        if origin is tuple and args and args[-1] is not Ellipsis:
            return len(value) == len(args) and all(
                conforms(v, a, depth + 1) for v, a in zip(value, args, strict=True)
            )
        item = args[0] if args else Any
        return all(conforms(v, item, depth + 1) for v in value)
    if origin is dict:
        if not isinstance(value, dict):
            return False
        key_type, item_type = args if args else (Any, Any)
        return all(
            conforms(k, key_type, depth + 1) and conforms(v, item_type, depth + 1)
            for k, v in value.items()
        )
    if annotation is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(annotation, type):
        if not isinstance(value, annotation):
            return False
        return conforms(value, None, depth) if dataclasses.is_dataclass(annotation) else True
    return True  # an annotation this checker does not know (Literal, TypeVar): accept
