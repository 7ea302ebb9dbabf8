"""The grammar of comparisons (annualcheck.prose.comparisons), on its own and by generation.

Sentences are generated from the grammar's families (absolute changes, prior values,
relative changes) with numbers in digits, in words and in full-width digits, and the parse
must give back what was written; the same sentences through the figure extractor must keep
the count's own period (a comparison's "in 2018" never becomes it).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.extract.figures.pipeline import figures_of_paragraph
from annualcheck.model.record import Paragraph
from annualcheck.profiles import get_profile
from annualcheck.prose.comparisons import (
    factor_of_percent,
    find_stated_changes,
    reference_period,
    relative_agreement,
)
from annualcheck.prose.numbers import find_numbers, parse_number

PROFILE = get_profile("jp-tip")
WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()  # fmt: skip
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
FULL_WIDTH = str.maketrans("0123456789+", "０１２３４５６７８９＋")


def spelled(n: int) -> str:
    if n < 20:
        return WORDS[n]
    tens, unit = divmod(n, 10)
    return TENS[tens - 2] + ("" if unit == 0 else f"-{WORDS[unit]}")


def written(n: int, form: str) -> str:
    return {"digits": str(n), "words": spelled(n), "full": str(n).translate(FULL_WIDTH)}[form]


FORMS = st.sampled_from(["digits", "words", "full"])
REFS = st.sampled_from([("in 2018", "2018"), ("2018", "2018"), ("the previous year", "2018"),
                        ("a year earlier", "2018"), ("last year", "2018"),
                        ("in FY2017", "FY2017")])  # fmt: skip
ABSOLUTE = [
    ("({d} more than {ref})", 1), ("({d} fewer than {ref})", -1), ("({d} less than {ref})", -1),
    ("(an increase of {d} from {ref_bare})", 1), ("(a decrease of {d} compared with {ref_bare})", -1),
    ("(up {d} on {ref_bare})", 1), ("(down by {d} from {ref_bare})", -1), ("({d} up on {ref_bare})", 1),
]  # fmt: skip


def _bare(ref: str) -> str:
    return ref[3:] if ref.startswith("in ") else ref


@given(st.integers(1, 99), FORMS, st.sampled_from(ABSOLUTE), REFS)
def test_absolute_changes_read_back(d, form, template, ref):
    pattern, sign = template
    text = "47 were female " + pattern.format(
        d=written(d, form), ref=ref[0], ref_bare=_bare(ref[0])
    )
    (c,) = find_stated_changes(text, 2019)
    assert (c.kind, c.delta, c.reference_period) == ("absolute", sign * d, ref[1])
    assert text[c.start] == "(" and text[c.end - 1] == ")"


@given(st.integers(0, 99), st.integers(0, 99), FORMS)
def test_prior_values_read_back(m, n, form):
    for pattern in ("{n} were female (compared with {m} in 2018)", "{n} were female (2018: {m})",
                    "{n} were female, up from {m} in 2018", "{n} were female, having been {m} in 2018",
                    "the number rose from {m} to {n}", "the number fell to {n} from {m}"):  # fmt: skip
        text = pattern.format(n=written(n, form), m=written(m, form))
        (c,) = find_stated_changes(text, 2019)
        assert (c.kind, c.prior_value, c.reference_period) == ("prior_value", m, "2018"), text
        assert c.with_count(n).delta == n - m and c.with_count(n).derived


@given(st.integers(1, 999), st.integers(0, 1), st.sampled_from([1, -1]))
def test_relative_changes_read_back(whole, decimals, sign):
    pct = f"{whole / 10:.1f}" if decimals else str(whole)
    up, more = ("up", "more") if sign > 0 else ("down", "fewer")
    for pattern in (f"({up} {pct}% year on year)", f"({pct}% {more} than in 2018)",
                    f"(an {'increase' if sign > 0 else 'decrease'} of {pct}% from 2018)"):  # fmt: skip
        (c,) = find_stated_changes("47 were female " + pattern, 2019)
        assert c.kind == "relative" and c.delta is None
        assert c.relative == pytest.approx(1 + sign * float(pct) / 100) and c.decimals == decimals


@pytest.mark.parametrize("text,relative,bound", [
    ("(doubled from 2018)", 2, None), ("(halved from 2018)", 0.5, None),
    ("(tripled)", 3, None), ("(more than doubled)", 2, "more_than"),
    ("(nearly doubled from the previous year)", 2, "nearly"),
    ("(twice as many as in 2018)", 2, None), ("(half as many as in 2018)", 0.5, None),
    ("(three times as many as in 2018)", 3, None), ("(4 times as many as in 2018)", 4, None),
    ("(up more than 50% from 2018)", 1.5, "more_than"), ("(an increase of at least 10% over 2018)", 1.1, "at_least"),
])  # fmt: skip
def test_relative_words_and_bounds(text, relative, bound):
    (c,) = find_stated_changes("12 were female " + text, 2019)
    assert (c.kind, c.relative, c.bound) == ("relative", relative, bound)


@given(st.integers(0, 99), st.integers(0, 99), FORMS,
       st.sampled_from(["(compared with {m} in 2018)", "(up from {m} in 2018)", "(2018: {m})",
                        "({d} more than in 2018)", "(+{d} year on year)"]))  # fmt: skip
@settings(max_examples=60, deadline=None)
def test_a_comparisons_year_never_becomes_the_counts_period(n, m, form, pattern):
    d = abs(n - m) or 1
    change = pattern.format(m=written(m, form), d=str(d) if "+" in pattern else written(d, form))
    text = f"With regard to the gender of the victims, {written(n, form)} were female {change}."
    para = Paragraph(text, 9, section="2 (1) i)")
    figures, _ = figures_of_paragraph(para, 2019, PROFILE.figures)
    (female,) = [f for f in figures if f.key == "victims.sex.female"]
    assert (female.value, female.period) == (n, "2019")
    assert female.stated_change is not None and female.stated_change.reference_period == "2018"


def test_no_comparison_in_plain_words():
    for text in ("more than 90% of the respondents; more than half", "from 2004 to 2019",
                 "issued deportation orders against zero perpetrators in 2019",
                 "support from the International Organization for Migration (IOM)",
                 "an increase of awareness", "up to 30 days", "up 3 floors"):  # fmt: skip
        assert find_stated_changes(text, 2019) == [], text


def test_reference_period_resolves_against_the_data_year():
    assert reference_period("the previous year", 2019) == "2018"
    assert reference_period("the previous fiscal year", 2019) == "FY2018"
    assert reference_period("a year earlier", 2020) == "2019"
    assert reference_period(None, 2019) == "2018"
    assert reference_period("FY 2017", 2019) == "FY2017"


def test_full_width_digits_and_bounds_of_values():
    (t,) = [t for t in find_numbers("４７ were female") if t.kind == "count"]
    assert t.value == 47 and t.text == "47"
    assert parse_number("１２") == 12
    bounds = {
        t.value: t.bound for t in find_numbers("more than 95% and at least 47 and nearly 70%")
    }
    assert bounds == {95: "more_than", 47: "at_least", 70: "nearly"}
    assert [t.bound for t in find_numbers("47 were female")] == [None]


@pytest.mark.parametrize("relative,decimals,bound,prior,current,verdict", [
    (74.1, 1, None, 27, 47, "agrees"), (73.9, 1, None, 27, 47, "contradicts"),
    (58.3, 1, None, 36, 57, "agrees"), (58, 0, None, 36, 57, "agrees"),
    (6.3, 1, None, 32, 34, "agrees"), (6.2, 1, None, 32, 34, "agrees"),
    (-37.5, 1, None, 8, 5, "agrees"), (-47.5, 1, None, 8, 5, "contradicts"),
    (100, None, None, 3, 6, "agrees"), (100, None, None, 5, 12, "contradicts"),
    (100, None, None, 27, 47, "contradicts"), (100, None, None, 18, 34, "ambiguous"),
    (100, None, "nearly", 18, 34, "agrees"), (100, None, "more_than", 5, 12, "agrees"),
    (100, None, "more_than", 27, 47, "contradicts"), (50, 0, "more_than", 36, 57, "agrees"),
    (70, 0, "more_than", 27, 47, "agrees"), (80, 0, "more_than", 27, 47, "contradicts"),
    (-50, None, None, 8, 4, "agrees"), (10, 0, None, 0, 5, "unknown"),
])  # fmt: skip
def test_relative_agreement_uses_the_texts_rounding(
    relative, decimals, bound, prior, current, verdict
):
    factor = factor_of_percent(relative)
    assert relative_agreement(factor, decimals, bound, prior, current)[0] == verdict


# -- the grammar's speed gate: its words must be necessary ------------------------------------
# Each pattern is tried only on a text holding one of its words. A word list that misses an
# alternative of its pattern ("for" beside "in", "climbed" beside "rose", "percent" beside
# "%") made a comparison's reading depend on a word elsewhere in the text: "(45 for 2019)"
# was read in "... (45 for 2019) in all" and not in "Victims: 50 (45 for 2019)".

_GRAMMAR_WORDS = (
    "( ) +5 -3 5 12 45 2019 2018 % percent per cent in for that of the number previous year "
    "year-on-year increase decrease rise fall drop decline reduction growth jump increased "
    "decreased rose fell dropped declined grew climbed jumped by up down more fewer less "
    "higher lower than compared with to versus vs. against : same as unchanged no change "
    "since on doubled halved tripled twice half times many having been after persons cases "
    "about over nearly at least − – from"
).split()


def _ungated(monkeypatch):
    from annualcheck.prose import comparisons

    gated = comparisons._compiled

    def every_pattern_tried(nouns=()):
        return tuple((kind, ("",), pattern) for kind, _, pattern in gated(nouns))

    monkeypatch.setattr(comparisons, "_compiled", every_pattern_tried)


def _spans(text):
    return [(c.start, c.end, c.kind, c.delta, c.prior_value, c.relative, c.reference_period)
            for c in find_stated_changes(text, 2020)]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Victims: 50 (45 for 2019)",
        "Cases: 12 (+5 percent)",
        "Cases rose to 12, a growth of 5 cases on 2019",
        "The count climbed by 7 persons from 2019",
        "The count jumped by 7 persons on the previous year",
    ],
)
def test_a_comparison_is_read_whatever_else_its_text_holds(text, monkeypatch):
    gated = _spans(text)
    assert gated  # each states a change
    _ungated(monkeypatch)
    assert _spans(text) == gated


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.tuples(st.sampled_from(_GRAMMAR_WORDS), st.sampled_from([" ", " ", ""])), max_size=14
    )
)
def test_the_gate_changes_no_reading(words):
    text = "".join(word + gap for word, gap in words)
    gated = _spans(text)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _ungated(monkeypatch)
        assert _spans(text) == gated
