"""One bad value, rule or file name never sinks the batch (issue 13, item 3): each rule runs
guarded, numbers are bounded, text from a PDF is cleaned where it enters, odd file names
among the arguments are named, not fatal."""

from __future__ import annotations

import json
import os

import pytest

import annualcheck.checks as checks
from annualcheck.batch.series import expand_paths
from annualcheck.checks import run_checks
from annualcheck.checks._common import numbers_in, parse_count
from annualcheck.model.errors import UnreadablePdfError
from annualcheck.model.safety import bounded_int, clean_text, escape_controls, printable_path
from annualcheck.profiles import get_profile
from annualcheck.prose.numbers import find_numbers, parse_number
from helpers.builders import fig, record, series

PROFILE = get_profile("jp-tip")
HUGE = "9" * 5000


def strict_json(text: str):
    def refuse(name):
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def test_a_failing_rule_becomes_one_info_finding(monkeypatch):
    records = list(series().values())
    baseline = run_checks(records, profile=PROFILE)

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(checks, "check_breakdowns", broken)
    findings = run_checks(records, profile=PROFILE)
    failed = [f for f in findings if "could not run" in f.message]
    assert len(failed) == len(records)
    assert {(f.rule, f.severity) for f in failed} == {("breakdown-sum", "info")}
    assert "RecursionError" in failed[0].message
    others = [f for f in baseline if f.rule != "breakdown-sum"]
    assert all(f in findings for f in others)


def test_restated_rule_is_guarded_too(monkeypatch):
    def broken(*args, **kwargs):
        raise TypeError("'NoneType' object is not iterable")

    monkeypatch.setattr(checks, "check_restated", broken)
    findings = run_checks(list(series().values()), profile=PROFILE)
    assert any(f.rule == "restated-figure" and "could not run" in f.message for f in findings)


@pytest.mark.parametrize("digits", [400, 5000, 100_000])
def test_huge_numbers_are_not_counts(digits):
    text = "9" * digits
    assert parse_number(text) is None
    assert parse_count(text) is None
    assert bounded_int(text) is None
    assert numbers_in(f"There were {text} victims.") == []
    assert all(t.value is None for t in find_numbers(f"{text} persons") if t.kind == "count")


def test_plausible_numbers_still_parse():
    assert parse_number("9,454") == 9454
    assert parse_count("999,999,999,999,999") == 999_999_999_999_999
    assert bounded_int("²") is None  # "²".isdigit() is True, int("²") raises


@pytest.mark.slow  # a whole report re-rendered and read; CI runs it
def test_a_huge_number_in_a_report_is_checked_without_error():
    rec = record(
        2020,
        [fig("victims.total", 47, "2019")],
        paragraphs=[("2 (1)", f"Of the {HUGE} victims, 12 were minors (34%, up 1 from 2018).")],
    )
    findings = run_checks([rec], profile=PROFILE)
    assert not [f for f in findings if "could not run" in f.message]


def test_infinite_value_is_written_as_valid_json():
    rec = record(2020, [fig("victims.total", float("inf"), "2019")])
    data = strict_json(rec.to_json())
    assert data["figures"][0]["value"] is None


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("Traf\ud835ficking", "Traf\ufffdficking"),  # a lone surrogate from a font's map
        ("title\x1b]0;pwned\x07 here", "title]0;pwned here"),  # OSC title sequence
        ("abc\u202edcba\u202c", "abcdcba"),  # bidi override
        ("tab\tkept", "tab\tkept"),
        ("plain text", "plain text"),
    ],
)
def test_text_is_cleaned_where_it_enters(raw, clean):
    assert clean_text(raw) == clean
    json.dumps(clean_text(raw), ensure_ascii=False).encode("utf-8")


def test_terminal_escapes():
    assert escape_controls("a\x1b[31mred") == "a\\x1b[31mred"
    assert escape_controls("x\u202ey") == "x\\u202ey"


def test_non_utf8_file_name_prints(tmp_path):
    name = os.fsdecode(b"r\xe9port.pdf")  # Latin-1 bytes: a surrogate escape in Python
    shown = printable_path(name)
    assert shown == "r\\xe9port.pdf"
    shown.encode("utf-8")
    line = UnreadablePdfError(name, "could not be read").line()
    line.encode("utf-8")
    assert line.startswith("r\\xe9port.pdf:")


def test_non_utf8_file_name_is_read(tmp_path):
    if os.fsencode("x") != b"x":  # pragma: no cover - non-POSIX
        pytest.skip("POSIX file names only")
    path = tmp_path / os.fsdecode(b"r\xe9port.pdf")
    try:
        path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this filesystem refuses non-UTF-8 names")
    files, errors = expand_paths([tmp_path])
    assert files == [path] and errors == []


def test_too_long_file_name_is_one_error_among_good_paths(tmp_path):
    good = tmp_path / "good.pdf"
    good.write_bytes(b"%PDF-1.4\n%%EOF\n")
    too_long = tmp_path / ("x" * 5000 + ".pdf")
    files, errors = expand_paths([too_long, good])
    assert files == [good]
    assert len(errors) == 1 and "too long" in errors[0].line().lower()


@pytest.mark.parametrize(
    "cell", [HUGE * 2, HUGE * 2 + " years imprisonment", "1," * 4000 + " yen fine"]
)
def test_huge_result_cells_are_fast_and_bounded(cell):
    """`parse_result` on an 8,000-digit cell took 6.8 s; a fine of 8,000 digits raised."""
    import time

    from annualcheck.extract.tables.results import parse_result

    started = time.perf_counter()
    status, sentence = parse_result(cell, profile=PROFILE)
    assert time.perf_counter() - started < 5
    assert sentence is None or sentence.fine_yen is None


@pytest.mark.parametrize(
    "text",
    [
        "(" * 20000 + "x" + ")" * 20000,
        " ".join(f"{i}% of victims" for i in range(5000)),
        "The following 5000 measures (" + ", ".join(f"m{i}" for i in range(5000)) + ").",
    ],
    ids=["nested", "shares", "list"],
)
def test_text_rules_are_linear(text):
    """Nested parentheses (138 s) and thousands of stated shares (199 s) were quadratic in
    the list-count and percentage rules."""
    import time

    rec = record(2020, [fig("victims.total", 47, "2019")], paragraphs=[("2 (1) i)", text)])
    started = time.perf_counter()
    findings = run_checks([rec], profile=PROFILE)
    assert time.perf_counter() - started < 10
    assert not [f for f in findings if "could not run" in f.message]
