"""Does a dataclass tree hold the types its annotations declare? (the record schema, checked)

Why: a cache entry is JSON anyone with access to the cache folder could have edited, or a
half-migrated entry of an older version; `Record.from_dict` builds dataclasses from whatever
it is given, so a string where a page number belongs would reach the checks and fail there
(a TypeError for the whole batch). Checking every field against its annotation once, on read,
turns a tampered entry into a cache miss.

How: each annotation is turned once (per process) into a checker function, so a value is
checked by plain isinstance calls and no annotation is taken apart again per value: a warm
`check` of three reports asks about ~30,000 values, which cost 0.11 s when every value
re-read its annotation and now costs a few hundredths.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, Union

#: Deepest nesting a record may have (record → table → row → sentence is 4).
MAX_DEPTH = 12

#: A checker: (value, depth of the value) -> whether the value conforms.
Checker = Callable[[Any, int], bool]


def conforms(value: Any, annotation: Any = None, depth: int = 0) -> bool:
    """True when `value` matches `annotation` (or, for a dataclass, every field its own)."""
    return checker_of(annotation)(value, depth)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def _field_checkers(cls: type) -> tuple[tuple[str, Checker], ...]:
    """A dataclass's fields, each with the checker of its annotation."""
    hints = _hints(cls)
    return tuple((f.name, checker_of(hints[f.name])) for f in dataclasses.fields(cls))


def _fields_conform(value: Any, depth: int) -> bool:
    """Every field of a dataclass instance holds its annotated type (one level deeper)."""
    deeper = depth + 1
    return all(check(getattr(value, name), deeper) for name, check in _field_checkers(type(value)))


def _any_value(value: Any, depth: int) -> bool:
    if depth > MAX_DEPTH:
        return False
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields_conform(value, depth)
    return True


def _none_value(value: Any, depth: int) -> bool:
    return depth <= MAX_DEPTH and value is None


def _float_value(value: Any, depth: int) -> bool:
    return depth <= MAX_DEPTH and isinstance(value, int | float) and not isinstance(value, bool)


def _int_value(value: Any, depth: int) -> bool:
    return depth <= MAX_DEPTH and isinstance(value, int) and not isinstance(value, bool)


def _accept(value: Any, depth: int) -> bool:
    return depth <= MAX_DEPTH


def _instance_of(cls: type) -> Checker:
    if dataclasses.is_dataclass(cls):

        def check(value: Any, depth: int) -> bool:
            return depth <= MAX_DEPTH and isinstance(value, cls) and _fields_conform(value, depth)

    else:

        def check(value: Any, depth: int) -> bool:
            return depth <= MAX_DEPTH and isinstance(value, cls)

    return check


def _union_of(options: tuple[Checker, ...]) -> Checker:
    def check(value: Any, depth: int) -> bool:
        return any(option(value, depth) for option in options)

    return check


def _items_of(container: type, item: Checker) -> Checker:
    def check(value: Any, depth: int) -> bool:
        if depth > MAX_DEPTH or not isinstance(value, container):
            return False
        deeper = depth + 1
        return all(item(v, deeper) for v in value)

    return check


def _fixed_tuple_of(items: tuple[Checker, ...]) -> Checker:
    def check(value: Any, depth: int) -> bool:
        if depth > MAX_DEPTH or not isinstance(value, tuple) or len(value) != len(items):
            return False
        deeper = depth + 1
        return all(item(v, deeper) for v, item in zip(value, items, strict=True))

    return check


def _mapping_of(key: Checker, item: Checker) -> Checker:
    def check(value: Any, depth: int) -> bool:
        if depth > MAX_DEPTH or not isinstance(value, dict):
            return False
        deeper = depth + 1
        return all(key(k, deeper) and item(v, deeper) for k, v in value.items())

    return check


@functools.cache
def checker_of(annotation: Any) -> Checker:
    """The checker of one annotation (built once; annotations are hashable)."""
    if annotation is None or annotation is Any:
        return _any_value
    if annotation is type(None):
        return _none_value
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (Union, types.UnionType):
        return _union_of(tuple(checker_of(arg) for arg in args))
    if origin in (list, tuple, set, frozenset):
        if origin is tuple and args and args[-1] is not Ellipsis:
            return _fixed_tuple_of(tuple(checker_of(arg) for arg in args))
        return _items_of(origin, checker_of(args[0] if args else Any))
    if origin is dict:
        key_type, item_type = args if args else (Any, Any)
        return _mapping_of(checker_of(key_type), checker_of(item_type))
    if annotation is float:
        return _float_value
    if annotation is int:
        return _int_value
    if isinstance(annotation, type):
        return _instance_of(annotation)
    return _accept  # an annotation this checker does not know (Literal, TypeVar): accept
