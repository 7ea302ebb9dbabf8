"""Sections matched by title and position, not by number: a sub-section inserted before
others renumbers them, and they read as moved, not as rewritten or added; sentences split by
the extraction's own splitter."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.diff.compare import diff_records
from annualcheck.diff.text import split_sentences
from annualcheck.profiles import get_profile
from helpers.builders import record

PROFILE = get_profile("jp-tip")

TITLES = ["Coordination with G7 member countries", "Assistance to countries of origin",
          "Sharing of information through the Bali Process", "Trainings by UNAFEI",
          "Working with countries that send trainees"]  # fmt: skip
LETTERS = "abcdefgh"


def _report(year: int, titles: list[str]):
    sections = [(f"7 (1) ii) {LETTERS[i]})", t) for i, t in enumerate(titles)]
    paragraphs = [(n, f"The text of the part on {t.lower()} goes here.") for n, t in sections]
    return record(year, sections=sections, paragraphs=paragraphs)


def test_an_inserted_section_renumbers_the_rest_as_moved():
    old = _report(2019, TITLES[:3])
    new = _report(2020, [TITLES[0], TITLES[1], TITLES[4], TITLES[2]])
    change = diff_records(old, new, profile=PROFILE)
    kinds = {(s.kind, s.number, s.title) for s in change.sections if s.kind != "unchanged"}
    assert kinds == {
        ("added", "7 (1) ii) c)", TITLES[4]),
        ("moved", "7 (1) ii) d)", TITLES[2]),
    }
    moved = next(s for s in change.sections if s.kind == "moved")
    assert moved.previous_number == "7 (1) ii) c)"


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=3))
def test_any_insertion_point_gives_one_added_and_the_rest_moved(at):
    titles = TITLES[:4]
    inserted = [*titles[:at], "A part new this year", *titles[at:]]
    change = diff_records(_report(2019, titles), _report(2020, inserted), profile=PROFILE)
    added = [s for s in change.sections if s.kind == "added"]
    moved = [s for s in change.sections if s.kind == "moved"]
    assert [s.title for s in added] == ["A part new this year"]
    assert len(moved) == len(titles) - at
    assert not [s for s in change.sections if s.kind in ("removed", "rewritten")]


def test_sentences_do_not_split_at_etc():
    text = ("Three were members of organized crime groups, etc. (two less than in 2018). "
            "One was a broker.")  # fmt: skip
    assert split_sentences(text, PROFILE.figures) == [
        "Three were members of organized crime groups, etc. (two less than in 2018).",
        "One was a broker.",
    ]
    assert len(split_sentences("Offices, etc. The next one.")) == 2
