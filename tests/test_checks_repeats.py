"""repeated-passage and restated-figure."""

from __future__ import annotations

import pytest

from annualcheck.checks.repeats import check_repeats, check_restated, section_id
from annualcheck.model.record import Occurrence
from helpers.check_builders import fig, para, real_2020, record

INSPECTIONS = ("In 2019, Prefectural Labour Bureaus and Labour Standards Inspection Offices conducted "
               "inspections on 9,454 organizations (preliminary figures) providing technical training.")  # fmt: skip
WORKPLACES = ("In 2019, the Immigration Services Agency cracked down on 228 workplaces suspected of "
              "illegal employment.")  # fmt: skip
WCO_ORIGINAL = [
    "The number of victims who were put under protection temporarily at Women’s Consulting Offices "
    "in 2019 was nine, of whom all were Philippine nationals.",
    "All of these nine victims were provided with interpretation support and medical services, while "
    "six victims for whom psychological care was deemed necessary were provided with the care service accordingly.",
]  # fmt: skip
WCO_REPEAT = ("The number of victims who were put under protection temporarily at Women’s Consulting "
              "Offices in 2019 was nine, all of whom were provided with interpretation support and "
              "medical services, while six victims for whom psychological care was deemed necessary "
              "were also provided with these services.")  # fmt: skip


def _rec(repeat_text, original=(INSPECTIONS,), source="3 (3) iii)", marker="3 (3) iii)"):
    paras = [para(t, page=26, section=source) for t in original]
    paras.append(para(repeat_text, page=46, section="5 (1) iii)", repeated_from=marker))
    return record(2020, paragraphs=paras)


def test_identical_and_reworded_repeats_raise_nothing():
    assert check_repeats(_rec(INSPECTIONS)) == []
    # real 6 (3) i): reworded and two sentences joined, same numbers
    assert check_repeats(_rec(WCO_REPEAT, WCO_ORIGINAL, "2 (1) i)", "2 (1) i")) == []


@pytest.mark.parametrize("text,old,new", [
    (INSPECTIONS, "9,454", "9,545"),
    (WORKPLACES, "228", "282"),
    (WCO_REPEAT, "six victims", "seven victims"),
])  # fmt: skip
def test_changed_number_in_repeat_raises_one_error(text, old, new):
    original = WCO_ORIGINAL if text is WCO_REPEAT else (text,)
    found = check_repeats(_rec(text.replace(old, new), original, "2 (1) i)", "2 (1) i"))
    assert [(f.rule, f.severity) for f in found] == [("repeated-passage", "error")]
    assert [e.page for e in found[0].evidence] == [46, 26]


def test_figure_occurrence_with_other_value():
    f = fig("labor_inspections.organizations", 9454, page=26)
    rec = record(2020, [f])
    assert check_repeats(rec) == []
    rec.figures[0].occurrences = [
        Occurrence(9545, 46, "inspections on 9,545", "5 (1) iii)", "3 (3) iii)")
    ]
    rec.paragraphs = [para(INSPECTIONS, 26, "3 (3) iii)"),
                      para(INSPECTIONS.replace("9,454", "9,545"), 46, "5 (1) iii)", "3 (3) iii)")]  # fmt: skip
    found = check_repeats(rec)
    assert [(f.key, f.expected, f.actual) for f in found] == [
        ("labor_inspections.organizations", 9454, 9545)
    ]


def test_section_markers_are_read_loosely():
    assert (
        section_id("2 (1) i") == section_id("2 (1) i)") == section_id("2(1)i)") == ("2", "1", "i")
    )
    assert section_id("4(5)") == section_id("4 (5)")


def test_real_2020_repeats_raise_nothing():
    assert check_repeats(real_2020()) == []


def _hotline(year, values, prelim=False):
    return record(year, [fig("hotline.reports", v, period=p, preliminary=prelim, page=30)
                         for p, v in values.items()])  # fmt: skip


def test_restated_figures():
    r19 = _hotline(2019, {"FY2016": 182, "FY2017": 433})
    r20 = _hotline(2020, {"FY2016": 182, "FY2017": 433, "FY2018": 285})
    r21 = _hotline(2021, {"FY2017": 433, "FY2018": 285, "FY2019": 300})
    assert check_restated([r19, r20, r21]) == []
    r20b = _hotline(2020, {"FY2016": 182, "FY2017": 434, "FY2018": 285})
    found = check_restated([r19, r20b, r21])
    assert sorted((f.report_year, f.expected, f.actual) for f in found) == [
        (2020, 433, 434),
        (2021, 434, 433),
    ]
    assert all(f.rule == "restated-figure" and f.severity == "error" for f in found)
    assert {e.report_year for e in found[0].evidence} == {2019, 2020}


def test_revised_preliminary_figure_is_warning():
    r20 = _hotline(2020, {"2019": 9454}, prelim=True)
    r21 = _hotline(2021, {"2019": 9460})
    (f,) = check_restated([r20, r21])
    assert f.severity == "warning"


@pytest.mark.parametrize("old,new", [
    ("cracked down on 228 workplaces", "cracked down on 282 workplaces"),
    ("In 2019, 300,000 leaflets", "In 2019, 400,000 leaflets"),
    ("inspections on 9,454 organizations", "inspections on 9,545 organizations"),
])  # fmt: skip
def test_real_2020_repeated_passage_mutations(old, new):
    """The mutation corpus's changes, applied to the second occurrence (the repeat)."""
    rec = real_2020()
    hits = [p for p in rec.paragraphs if old in p.text]
    assert len(hits) == 2 and hits[1].repeated_from and not hits[0].repeated_from
    hits[1].text = hits[1].text.replace(old, new)
    found = check_repeats(rec)
    assert len(found) == 1 and found[0].rule == "repeated-passage" and found[0].severity == "error"
