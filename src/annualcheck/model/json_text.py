"""Indented JSON text, byte for byte what `json.dumps(value, ensure_ascii=False, indent=N)` writes.

Why: with an indent, the standard library encodes in pure Python, one generator per nested
list or dict, and a record of 2020's report (350 kB of text) takes it about as long as
reading the report's layout. Here one recursive function appends to one list of parts,
strings are escaped by the standard library's own C escaper, and numbers are written by the
same `repr` the standard library uses, so the text is the same. Anything this writer does not
know (a subclass of `str` or `int`, a value json cannot encode) hands the whole value back to
`json.dumps`, so an odd input gets the standard library's text or its error, never another.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INFINITY = float("inf")


class _Unusual(Exception):
    """A value whose text the standard library should write (or refuse)."""


def indented_json(value: Any, *, indent: int = 2) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=indent)` would write it."""
    parts: list[str] = []
    try:
        _append(value, parts, "\n", " " * indent)
    except (_Unusual, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=indent)
    return "".join(parts)


def _float_text(number: float) -> str:
    if number != number:
        return "NaN"
    if number == _INFINITY:
        return "Infinity"
    if number == -_INFINITY:
        return "-Infinity"
    return float.__repr__(number)


def _scalar_text(value: Any) -> str:
    """A string, number, boolean or null, as json writes it; `_Unusual` for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float_text(value)
    raise _Unusual


def _key_text(key: Any) -> str:
    """A dict key as json writes it: strings as they are, numbers and constants as their text."""
    if type(key) is str:
        return encode_basestring(key)
    return encode_basestring(_scalar_text(key))


def _append(value: Any, parts: list[str], newline: str, step: str) -> None:
    """Append `value`'s text, its nested lines starting with `newline` (a line break and the
    indentation of `value`'s own line). Strings and integers, most of a record's leaves, are
    written in the loop itself: a call per leaf would cost as much as the rest."""
    kind = type(value)
    if kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = newline + step
        separator = "{" + inner
        for key, item in value.items():
            head = (
                separator + (encode_basestring(key) if type(key) is str else _key_text(key)) + ": "
            )
            item_kind = type(item)
            if item_kind is str:
                parts.append(head + encode_basestring(item))
            elif item_kind is int:
                parts.append(head + int.__repr__(item))
            else:
                parts.append(head)
                _append(item, parts, inner, step)
            separator = "," + inner
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner = newline + step
        separator = "[" + inner
        for item in value:
            item_kind = type(item)
            if item_kind is str:
                parts.append(separator + encode_basestring(item))
            elif item_kind is int:
                parts.append(separator + int.__repr__(item))
            else:
                parts.append(separator)
                _append(item, parts, inner, step)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        parts.append(_scalar_text(value))
