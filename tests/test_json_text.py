"""The record's JSON writer writes what `json.dumps(..., ensure_ascii=False, indent=N)` writes,
and the record's plain form is the one the general (per-object `dataclasses.fields`) way gives.

Both are speed-ups with a promise of the same bytes: the JSON values are drawn by hypothesis
(strings with quotes, escapes, control characters, lone surrogates and non-Latin text; keys
that are numbers, booleans and null; NaN and infinities; tuples; empty containers; values
json refuses), and the records are the real ones of every report in `reports/`.
"""

from __future__ import annotations

import enum
import json
import math
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.batch.series import LoadOptions, load_one
from annualcheck.model import record as record_module
from annualcheck.model.json_text import indented_json
from annualcheck.profiles import DEFAULT_PROFILE, get_profile

REPORTS = Path(__file__).resolve().parents[1] / "reports"

_text = st.text(
    st.characters(codec=None, exclude_categories=()) | st.sampled_from('"\\\n\t\x00\x1f\u2028é日'),
    max_size=12,
)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | _text
)
_keys = _text | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none()
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(_keys, inner, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(value=_values, indent=st.sampled_from([0, 1, 2, 4]))
def test_indented_json_is_what_json_dumps_writes(value, indent):
    expected = json.dumps(value, ensure_ascii=False, indent=indent)
    assert indented_json(value, indent=indent) == expected


class _Colour(enum.IntEnum):
    RED = 1


class _Name(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {"level": _Colour.RED},
        [_Name('a"b'), 1],
        {_Name("key"): [1.5, {"x": _Colour.RED}]},
        {"nested": [[[]], {}, ()]},
    ],
    ids=["int-enum", "str-subclass", "str-subclass-key", "empty-containers"],
)
def test_values_of_other_types_get_the_standard_librarys_text(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [{"when": object()}, {(1, 2): "tuple key"}, [{1j: 2}]])
def test_values_json_refuses_are_refused_the_same_way(value):
    with pytest.raises(TypeError):
        json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        indented_json(value)


def test_a_circular_value_is_refused_as_json_refuses_it():
    value: list = []
    value.append(value)
    with pytest.raises(ValueError, match="Circular"):
        indented_json(value)


def _general_plain(obj):
    """The record's plain form the general way: `dataclasses.fields` asked for each object."""
    if isinstance(obj, record_module.BBox):
        return obj.to_list()
    if is_dataclass(obj):
        omit = record_module._OMIT_WHEN_EMPTY.get(type(obj).__name__, ())
        return {
            f.name: _general_plain(getattr(obj, f.name))
            for f in fields(obj)
            if f.name not in omit or getattr(obj, f.name) not in (None, False)
        }
    if isinstance(obj, dict):
        return {k: _general_plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_general_plain(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    return obj


@pytest.mark.parametrize("year", ["2019", "2020", "2021"])
def test_a_reports_record_writes_the_same_json_as_the_general_way(year, tmp_path):
    options = LoadOptions(profile=get_profile(DEFAULT_PROFILE), cache_dir=tmp_path)
    record = load_one(REPORTS / f"{year}.pdf", options)
    general = _general_plain(record)
    general = {"schema": general.pop("schema"), **general}
    assert record.to_dict() == general
    assert list(record.to_dict()) == list(general)  # the contract's key order, schema first
    assert record.to_json() == json.dumps(general, ensure_ascii=False, indent=2)


def test_odd_numbers_in_a_record_take_the_general_way():
    figure = record_module.Figure(
        key="victims_total", value=float("inf"), unit="persons", period="2020", page=1, quote="x"
    )
    assert record_module._plain(figure)["value"] is None
    figure.value = 12.0
    assert record_module._plain(figure)["value"] == 12
    assert type(record_module._plain(figure)["value"]) is int
    figure.value = _Colour.RED  # an int subclass: kept, as the general way keeps it
    assert record_module._plain(figure)["value"] is _Colour.RED
