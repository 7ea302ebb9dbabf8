"""The record-schema check (model.conform), built once per annotation, answers as the plain
recursive reading of the annotations does (tests/helpers/conform_reference.py): on the real
records, on records with one field made the wrong type, and on generated values."""

from __future__ import annotations

import copy
import dataclasses
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.model.conform import MAX_DEPTH, conforms
from annualcheck.model.findings import Finding
from annualcheck.model.record import BBox
from tests.helpers import conform_reference

#: Values of the wrong type for any field: each breaks some annotation of the record.
WRONG = ["7", 7, 7.5, True, None, [], {}, ("a",), [1, "x"], {"k": 1}, {1: "v"}]


def _dataclass_paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Paths (attribute names and list indexes) to every field of every dataclass inside."""
    out = []
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            out.append((*path, f.name))
            out.extend(_dataclass_paths(getattr(value, f.name), (*path, f.name)))
    elif isinstance(value, list):
        for i, item in enumerate(value[:3]):  # the first items of each list are enough
            out.extend(_dataclass_paths(item, (*path, i)))
    return out


def _set(root: Any, path: tuple, new: Any) -> Any:
    """Set the field at `path` to `new`; returns the value it held (to put back)."""
    target = root
    for step in path[:-1]:
        target = target[step] if isinstance(step, int) else getattr(target, step)
    old = getattr(target, path[-1])
    object.__setattr__(target, path[-1], new)
    return old


def test_real_records_conform(records):
    for record in records.values():
        assert conforms(record) is True
        assert conform_reference.conforms(record) is True


def test_a_wrong_field_is_caught_as_by_the_reference(records):
    record = records[2020]
    paths = _dataclass_paths(record)
    assert len(paths) > 150  # the record's fields, its figures', tables', rows' ...
    rng = random.Random(20)
    caught = 0
    broken = copy.deepcopy(record)  # one copy, each field broken and put back in turn
    for path in rng.sample(paths, 150):
        held = _set(broken, path, rng.choice(WRONG))
        expected = conform_reference.conforms(broken)
        assert conforms(broken) is expected, path
        caught += not expected
        _set(broken, path, held)
    assert conforms(broken) is True  # every field was put back
    assert caught > 50  # most wrong values are wrong for their field


ANNOTATIONS = [
    int,
    float,
    str,
    bool,
    type(None),
    Any,
    list[int],
    list[str] | None,
    tuple[int, str],
    tuple[float, ...],
    dict[str, int],
    dict[str, list[float]],
    int | str,
    list[dict[str, int | None]],
    BBox,
    list[BBox],
    Finding | None,
]

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=2) | st.integers(), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(value=JSONISH, which=st.sampled_from(ANNOTATIONS), depth=st.integers(0, MAX_DEPTH + 2))
def test_generated_values_answer_as_the_reference(value, which, depth):
    assert conforms(value, which, depth) is conform_reference.conforms(value, which, depth)


def test_boxes_inside_lists_are_checked_field_by_field():
    good = [BBox(1.0, 2.0, 3.0, 4.0)]
    bad = [BBox(1.0, "2", 3.0, 4.0)]
    assert conforms(good, list[BBox]) is True
    assert conforms(bad, list[BBox]) is False
    assert conform_reference.conforms(bad, list[BBox]) is False


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1])
def test_depth_limit_as_the_reference(depth):
    nested: Any = 1
    for _ in range(3):
        nested = [nested]
    assert conforms(nested, list[list[list[int]]], depth) is conform_reference.conforms(
        nested, list[list[list[int]]], depth
    )
