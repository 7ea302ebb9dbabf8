"""Every regular expression of the package runs in linear time (issue 13, item 2).

The patterns are collected from the modules themselves (module-level compiled patterns, also
inside tuples, dicts and the profile), so a new pattern is tried without touching this file.
Each gets 100,000-character inputs built to make a backtracking engine go quadratic or worse:
long runs of the characters patterns repeat (dots, spaces, digits, digit groups, "a1@" for the
old e-mail pattern). A quadratic pattern takes minutes on them; the bound is generous (the
target is well under a second) so that a loaded machine cannot make the test flaky.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import annualcheck

SIZE = 100_000
BOUND_S = 10.0
#: The runs that made this package's patterns quadratic or worse before they were bounded.
UNITS = ["a1@", ". ", " ", "1", "1,", "_1", "…", "a."]


def _collect(name: str, value, out: dict, depth: int = 0) -> None:
    if isinstance(value, re.Pattern):
        out.setdefault(id(value), (name, value))
    elif isinstance(value, (tuple, list)) and depth < 3:
        for i, item in enumerate(value):
            _collect(f"{name}[{i}]", item, out, depth + 1)
    elif isinstance(value, dict) and depth < 3:
        for key, item in value.items():
            _collect(f"{name}[{key!r}]", item, out, depth + 1)
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, type) and depth < 3:
        for key in value.__dataclass_fields__:
            _collect(f"{name}.{key}", getattr(value, key, None), out, depth + 1)


def package_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict = {}
    for info in pkgutil.walk_packages(annualcheck.__path__, "annualcheck."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            _collect(f"{info.name}.{name}", value, found)
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = package_patterns()


def adversarial(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


def test_patterns_are_found():
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) > 30
    assert "annualcheck.prose.numbers._SCANNER" in names
    assert "annualcheck.layout.contents.LEADER_TAIL_RE" in names


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear_on_adversarial_input(name, pattern):
    slowest = (0.0, "")
    for unit in UNITS:
        text = adversarial(unit)
        if isinstance(pattern.pattern, bytes):
            text = text.encode()
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        elapsed = time.perf_counter() - started
        slowest = max(slowest, (elapsed, unit))
    assert slowest[0] < BOUND_S, f"{name}: {slowest[0]:.1f} s on {slowest[1]!r} x {SIZE}"


def test_old_email_pattern_input_is_fast():
    """`\\S+@\\S+\\.\\w+` took 367 s on a 12k-character a1@a1@… line."""
    from annualcheck.prose.numbers import find_numbers

    started = time.perf_counter()
    find_numbers(adversarial("a1@")[:20_000])
    assert time.perf_counter() - started < BOUND_S
    tokens = find_numbers("write to desk42@example.go.jp or see 2 (1)")
    assert [(t.kind, t.text) for t in tokens][0] == ("code", "desk42@example.go.jp")


@pytest.mark.parametrize("unit", ["1 ", "1,", "_1", "(1) ", "1 more than ", "seven "])
def test_find_numbers_and_changes_linear(unit):
    """The tokenizer's cost grows with the text, not its square: 20,000 characters of
    numbers (10,000 tokens) in a generous bound; a quadratic walk-back took minutes."""
    from annualcheck.prose.comparisons import find_stated_changes
    from annualcheck.prose.numbers import find_numbers

    text = adversarial(unit)[:20_000]
    started = time.perf_counter()
    find_numbers(text)
    find_stated_changes(text, 2019)
    assert time.perf_counter() - started < BOUND_S


def test_dot_leader_lines_are_linear():
    """A 32k-dot leader took 86 s in the contents and table-page patterns."""
    from annualcheck.extract.tables.page import _is_toc_line
    from annualcheck.layout.contents import LEADER_TAIL_RE, TRAILING_LEADERS_RE

    for leader in ("." * 32_000, ". " * 16_000, "…" * 32_000):
        line = "1. Introduction " + leader + " x"
        started = time.perf_counter()
        assert not _is_toc_line(line)
        assert LEADER_TAIL_RE.search(line) is None
        TRAILING_LEADERS_RE.sub("", line)
        assert time.perf_counter() - started < BOUND_S
    # and they still read what they are for
    assert _is_toc_line("2 (1) Victims ........ 12")
    assert LEADER_TAIL_RE.search("Victims . . . . 12").group(1) == "12"
    assert LEADER_TAIL_RE.search("Victims……12").group(1) == "12"
    assert TRAILING_LEADERS_RE.sub("", "Measures etc. . . .") == "Measures etc"


@pytest.mark.parametrize(
    "item",
    ["{i} persons of group {i}, ", "{i} persons (1 more than in 2018) "],
    ids=["list", "changes"],
)
def test_a_paragraph_of_thousands_of_counts_is_linear(item):
    """A paragraph listing 4k counts took 69 s and 219 MB: every count searched the whole
    sentence once per rule and kept it as its clause. 2,000 counts now take a few seconds."""
    from annualcheck.extract.figures.pipeline import extract_figures
    from annualcheck.model.record import Paragraph
    from annualcheck.profiles import get_profile

    text = "In 2019 the victims were " + "".join(item.format(i=i) for i in range(2000)) + "."
    started = time.perf_counter()
    extract_figures([Paragraph(text, 9, section="2 (1) i)")], 2019, profile=get_profile("jp-tip"))
    assert time.perf_counter() - started < 20
