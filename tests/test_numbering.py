"""The numbering grammar of headings in any style, and the statistics found by topic."""

from __future__ import annotations

import pytest

from annualcheck.extract.figures.pipeline import extract_figures, topic_sections
from annualcheck.layout.contents import (
    canonical_section,
    number_readings,
    parse_number,
    reading_after,
)
from annualcheck.model.record import Paragraph
from annualcheck.profiles import get_profile

PROFILE = get_profile("jp-tip")


@pytest.mark.parametrize("text,parts,title", [
    ("2 Gaining a thorough understanding", (2,), "Gaining a thorough understanding"),
    ("2. Gaining", (2,), "Gaining"),
    ("Chapter 3 Prevention", (3,), "Prevention"),
    ("Chapter 3: Prevention", (3,), "Prevention"),
    ("A. Background", (1,), "Background"),
    ("(1) Incidence", (0, 1), "Incidence"),
    ("iii) Cases", (0, 0, 3), "Cases"),
    ("(ii) Suspects", (0, 0, 2), "Suspects"),
    ("(a) Victims", (0, 0, 1), "Victims"),
    ("a) National Police Agency", (0, 0, 0, 1), "National Police Agency"),
])  # fmt: skip
def test_every_numbering_style_is_read(text, parts, title):
    assert parse_number(text) == (parts, title)


def test_a_style_takes_the_level_that_continues_the_numbering():
    readings = number_readings("(a) Victims")
    assert reading_after(readings, [3, 1]) == ((0, 0, 1), "Victims")
    assert reading_after(readings, [3, 1, 2]) == ((0, 0, 0, 1), "Victims")
    assert reading_after(number_readings("b) Ministry"), [7, 2, 1, 1]) == ((0, 0, 0, 2), "Ministry")
    assert reading_after(number_readings("A. Scope"), [1]) == ((0, 1), "Scope")
    assert parse_number("2 million people were") is None
    assert parse_number("In 2019, 47 victims") is None


@pytest.mark.parametrize("ref,label", [
    ("3 (1) (a)", "3 (1) i)"), ("3 (1) (b)", "3 (1) ii)"), ("4 (3) (ii)", "4 (3) ii)"),
    ("2 (1) i", "2 (1) i)"), ("8 (1) (b) a)", "8 (1) ii) a)"),
])  # fmt: skip
def test_cross_references_in_any_style_name_the_canonical_section(ref, label):
    assert canonical_section(ref) == label


STATS = [
    "The number of victims of trafficking in persons who were put under protection in 2019 was "
    "47 (20 more than in 2018).",
    "With regard to the gender of the victims, 47 were female and zero were male.",
    "Of the 47 victims, 19 were minors (under 18 years of age).",
]


def test_statistics_are_keyed_wherever_the_section_is_numbered():
    paragraphs = [Paragraph("The Action Plan was revised in 2019.", 1, section="2")]
    paragraphs += [Paragraph(t, 2, section="5 (3) ii)") for t in STATS]
    topics = topic_sections(paragraphs, PROFILE.figures)
    assert list(topics.values()) == [frozenset({"5 (3) ii)"})]
    keys = {f.key: f.value for f in extract_figures(paragraphs, 2019, profile=PROFILE)}
    assert keys["victims.total"] == 47 and keys["victims.minors"] == 19


def test_a_victims_count_outside_the_statistics_keeps_its_own_key():
    paragraphs = [Paragraph(t, 2, section="3 (1) i)") for t in STATS]
    paragraphs.append(Paragraph("Of the victims, 7 were minors.", 5, section="6 (2)"))
    minors = [
        f for f in extract_figures(paragraphs, 2019, profile=PROFILE) if f.key == "victims.minors"
    ]
    assert [(f.section, f.value, f.occurrences) for f in minors] == [("3 (1) i)", 19, [])]
