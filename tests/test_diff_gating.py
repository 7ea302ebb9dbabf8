"""The change report's pairing of sections and sentences computes the exact similarity only
where the pair can reach the bar: the gated score must agree with the exact one on every
pair that matters (at or above the bar: equal; below it: below), whatever the texts."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.diff.text import (
    SECTION_THRESHOLD,
    _fold,
    _gated_section_similarity,
    compare_sections,
    ratio_if_above,
    section_similarity,
)
from helpers.builders import record

WORDS = st.sampled_from(
    "victims protection measures trafficking the of and in police support shelters "
    "Act 2019 47 prosecution offenders labour".split()
)
TEXT = st.lists(WORDS, max_size=30).map(" ".join)
TITLE = st.lists(WORDS, max_size=6).map(" ".join)
NUMBER = st.sampled_from(["1", "2", "2 (1)", "2 (2)", "3 (1) i)"])
SECTION = st.tuples(NUMBER, TITLE, TEXT)


def _split(section):
    number, title, text = section
    return number, _fold(title), text.split()


@settings(max_examples=400, deadline=None)
@given(SECTION, SECTION)
def test_gated_section_score_agrees_where_it_matters(old, new):
    exact = section_similarity(old, new)
    gated = _gated_section_similarity(_split(old), _split(new), SECTION_THRESHOLD)
    if exact >= SECTION_THRESHOLD:
        assert abs(gated - exact) < 1e-9
    else:
        assert gated < SECTION_THRESHOLD


@settings(max_examples=400, deadline=None)
@given(st.text("ab c#", max_size=40), st.text("ab c#", max_size=40), st.floats(0, 1))
def test_ratio_if_above_is_the_ratio_or_a_bound_below_the_floor(a, b, floor):
    exact = difflib.SequenceMatcher(None, a, b).ratio()
    got = ratio_if_above(difflib.SequenceMatcher(None, a, b), floor)
    if got >= floor:
        assert got == exact
    else:
        assert exact <= got < floor


def test_a_section_renamed_and_one_inserted_pair_as_before():
    """By hand: 2019 has sections 1, 2, 3; 2020 inserts a new 2 and renumbers the rest. The
    old 2 must pair with the new 3 (moved), the old 3 with the new 4, the new 2 is added."""
    body = {
        "1": ("Basic policy", "The government adopted the action plan in 2014 and revised it."),
        "2": ("Protection of victims", "Shelters and consulting offices protected 47 victims."),
        "3": ("Prosecution", "Police arrested 39 suspects and prosecutors charged 32 people."),
    }
    old = record(
        2020,
        sections=[(n, t) for n, (t, _) in body.items()],
        paragraphs=[(n, x) for n, (_, x) in body.items()],
    )
    new_body = [
        ("1", *body["1"]),
        ("2", "Prevention campaigns", "Posters and leaflets were distributed in 12 languages."),
        ("3", *body["2"]),
        ("4", *body["3"]),
    ]
    new = record(
        2021, sections=[(n, t) for n, t, _ in new_body], paragraphs=[(n, x) for n, _, x in new_body]
    )
    kinds = {c.number: (c.kind, c.previous_number) for c in compare_sections(old, new)}
    assert kinds == {
        "1": ("unchanged", None),
        "2": ("added", None),
        "3": ("moved", "2"),
        "4": ("moved", "3"),
    }
