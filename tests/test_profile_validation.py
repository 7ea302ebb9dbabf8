"""A profile's values are type-checked against their annotations by tests made once per
annotation (spec/base.py `_checker`); they must answer as the annotation's plain reading
does, for every shape of annotation profiles use and any value."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.profiles.spec import base


def reading(value: Any, hint: Any) -> bool:
    """The annotation read directly, taken apart anew for each value."""
    if hint is Any:
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(reading(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint in (int, float):
        if isinstance(value, bool):
            return False
        return isinstance(value, int) if hint is int else isinstance(value, int | float)
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(reading(v, args[0]) for v in value)
        return len(args) == len(value) and all(map(reading, value, args))
    if origin is dict:
        return isinstance(value, dict) and all(
            reading(k, args[0]) and reading(v, args[1]) for k, v in value.items()
        )
    if origin is re.Pattern:
        return isinstance(value, re.Pattern)
    return isinstance(value, origin or hint)


LEAF_HINTS = st.sampled_from([str, int, float, bool, type(None), Any, re.Pattern, re.Pattern[str]])


def _compound(inner):
    return st.one_of(
        inner.map(lambda h: tuple[h, ...]),
        st.lists(inner, min_size=1, max_size=3).map(lambda hs: tuple[tuple(hs)]),
        st.tuples(st.sampled_from([str, int]), inner).map(lambda kv: dict[kv[0], kv[1]]),
        st.tuples(inner, inner).map(lambda ab: ab[0] | ab[1] if _unionable(*ab) else ab[0]),
        inner.map(lambda h: typing.Optional[h]),  # noqa: UP045 - the other spelling, on purpose
    )


def _unionable(a: Any, b: Any) -> bool:
    try:
        a | b  # noqa: B018
    except TypeError:
        return False
    return True


HINTS = st.recursive(LEAF_HINTS, _compound, max_leaves=6)
LEAF_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=3),
    st.just(re.compile("a+")), st.just(re.compile(b"b")),
)  # fmt: skip
VALUES = st.recursive(
    LEAF_VALUES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(tuple),
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.text(max_size=2), st.integers()), inner, max_size=3),
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(hint=HINTS, value=VALUES)
def test_made_tests_answer_as_the_annotation_reads(hint, value):
    assert base._conforms(value, hint) is reading(value, hint)


@settings(max_examples=200, deadline=None)
@given(value=VALUES)
def test_a_value_of_the_shape_is_accepted_whatever_it_holds(value):
    """Built from a value: the annotation of its own shape accepts it."""
    assert base._conforms(value, _shape_of(value))


def _shape_of(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple[tuple(_shape_of(v) for v in value)] if value else tuple[Any, ...]
    if isinstance(value, dict):
        return dict[Any, Any]
    return type(value)


def test_each_class_has_its_tests_made_once():
    from annualcheck.profiles.spec.extract import KeyRule

    first = base._field_tests(KeyRule)
    assert base._field_tests(KeyRule) is first
    assert [name for name, *_ in first] == [f.name for f in dataclasses.fields(KeyRule)]
    assert all(callable(check) for _, _, check, _ in first)
