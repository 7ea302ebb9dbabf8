"""percentage and list-count, on sentences copied from the real 2020 report."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annualcheck.checks.text import check_lists, check_percentages, list_items, percentage_holds
from annualcheck.profiles import get_profile
from helpers.check_builders import fig, para, record, source_paragraphs
from helpers.paths import committed

SPEC = get_profile().checks
SRC = Path(__file__).resolve().parent.parent / "reports" / "src"

JAPANESE = ("With regard to the nationality of the victims, 34 were Japanese (16 more than in 2018), "
            "accounting for approximately 70%.")  # fmt: skip
HALF = ("By nationality, as in recent years, Japanese victims accounted for more than half. This is "
        "considered to be the result of investigating cases of Japanese victims handled by the police.")  # fmt: skip
SURVEY = ("According to the report on this survey, more than 90% of the respondents indicated that "
          "repatriation support had been beneficial, while about 50% of the respondents indicated "
          "that reintegration support met their expectations.")  # fmt: skip
VICTIMS = [fig("victims.total", 47), fig("victims.nationality.japan", 34)]


def _pct(*texts, figures=VICTIMS):
    return check_percentages(record(2020, figures, paragraphs=[para(t) for t in texts]), SPEC)


def test_real_percentages_raise_nothing():
    assert _pct(JAPANESE, HALF, SURVEY) == []


@pytest.mark.parametrize("old,new", [
    ("approximately 70%", "approximately 60%"),
    ("approximately 70%", "exactly 70%"),
    ("approximately 70%", "more than 80%"),
    ("approximately 70%", "72.5%"),
])  # fmt: skip
def test_perturbed_percentage_raises_one_error(old, new):
    (f,) = _pct(JAPANESE.replace(old, new))
    assert (f.rule, f.severity, f.key, f.expected) == (
        "percentage",
        "error",
        "victims.nationality.japan",
        72.3,
    )


def test_more_than_half_bound():
    (f,) = _pct(HALF.replace("more than half", "more than 80%"))
    assert f.actual == 80
    assert _pct(HALF, figures=[fig("victims.total", 47), fig("victims.nationality.japan", 23)])


def test_harmless_rewording_of_the_percentage():
    assert _pct(JAPANESE.replace("approximately 70%", "about 72%")) == []


def test_mapped_sentence_without_figures_is_info():
    (f,) = _pct(JAPANESE, figures=[fig("victims.total", 47)])
    assert f.severity == "info"


@settings(max_examples=80, deadline=None)
@given(share=st.floats(0, 100), stated=st.integers(0, 100))
def test_tolerance_rules(share, stated):
    assert percentage_holds(share, "approximately", stated) == (abs(share - stated) <= 5 + 1e-9)
    assert percentage_holds(share, "more than", stated) == (share > stated)
    assert percentage_holds(share, "less than", stated) == (share < stated)
    assert percentage_holds(share, None, stated) == (abs(share - stated) <= 0.5 + 1e-9)
    if not math.isclose(share % 1, 0.5):
        assert percentage_holds(share, None, stated) == (round(share) == stated)


# -- list-count ------------------------------------------------------------------------------

REAL_LISTS = [
    "The website \"Japan's Visa Policy in Accordance with Measures to Combat Trafficking in Persons\" has been launched in five languages (Japanese, English, Spanish, Thai, and Indonesian) for understanding and cooperation.",
    "Japan has signed memorandum of cooperation (MOCs) with 14 of the countries from which technical intern trainees are sent (Viet Nam, Cambodia, India, Philippines, Laos, Mongolia, Bangladesh, Sri Lanka, Myanmar, Bhutan, Uzbekistan, Pakistan, Thailand, and Indonesia) (as of March 31, 2020).",
    "At present the handbook is provided in nine most popular languages spoken by technical intern trainees as their native language (English, Chinese, Thai, Filipino, Vietnamese, Indonesian, Burmese, Cambodian, and Mongolian).",
    "The Ministry of Health, Labour and Welfare has established Foreign Workers Consultation Corner in 14 languages (in addition to Japanese, and depending on the location, English, Chinese, Portuguese, Spanish, Tagalog, Vietnamese, Nepalese, Burmese, Korean, Thai, Indonesian, Cambodian, and Mongolian (Nepalese and Burmese were added in April 2019, while Korean, Thai, Indonesian, Cambodian, and Mongolian were added in April 2020)) at Prefectural Labour Bureaus.",
    "accepts consultation in 14 languages (in addition to Japanese, English, Chinese, Portuguese, Spanish, Tagalog, Vietnamese, Burmese, Nepalese, Korean, Thai, Indonesian, Cambodian, and Mongolian (Korean, Thai, Indonesian, Cambodian, and Mongolian were added in April 2020)).",
    "its policies and processes relating to victim protection measures in eight languages (Japanese, English, Chinese (traditional and simplified), Korean, Portuguese, Spanish, Thai, and Tagalog).",
    "The Immigration Services Agency has established The Immigration Information Centers at eight Regional Immigration Services Bureaus and their District Immigration Offices (Sendai, Tokyo, Yokohama, Nagoya, Osaka, Kobe, Hiroshima, and Fukuoka) to provide consultation services.",
    "at Legal Affairs Bureaus and District Legal Affairs Bureaus in 10 locations (Sapporo, Sendai, Tokyo, Nagoya, Osaka, Kobe, Hiroshima, Takamatsu, Matsuyama, and Fukuoka as well as the “Foreign-Language Human Rights Hotline” which was a telephone counseling service provided in two foreign languages (English and Chinese).",
    "have now been expanded to cover all Legal Affairs Bureaus and District Legal Affairs Bureaus in 50 places (having provided counseling in English, Chinese, Korean, Portuguese, Filipino, and Vietnamese).",
    "In April 2019, the number of languages available was increased to ten (in addition to the six languages that have been available since 2017, Nepalese, Spanish, Indonesian and Thai have become available).",
    "provides services in nine languages (English, Chinese, Korean, Portuguese, Spanish, Thai, Tagalog, Vietnamese and Nepalese).",
    "Six countries (Japan, Thailand, Viet Nam, Myanmar, Cambodia and Laos) participated in the 9th workshop held in January 2019.",
    "eight were provided with support from social rehabilitation programs (e.g. family reunification programs, livestock industry management support, shop management support, transportation business management support, etc.).",
    "the Ministry of Foreign Affairs designated two periods (a two-week period from February 20 to March 5, and another two-week period stipulated by each prefectural government between July and October) as campaign periods.",
    "Taking into consideration the \"Basic Policy on Economic and Fiscal Management and Reform 2018\" (Cabinet decision on June 15, 2018), the Ministry of Justice submitted the bill.",
    "In 2019, Prefectural Labour Bureaus and Labour Standards Inspection Offices conducted inspections on 9,454 organizations (preliminary figures) providing technical training.",
]  # fmt: skip


def _lists(*texts):
    return check_lists(record(2020, paragraphs=[para(t) for t in texts]), SPEC)


def test_real_lists_raise_nothing():
    assert _lists(*REAL_LISTS) == []


@pytest.mark.parametrize("year", [2020, 2019])
def test_whole_report_sources_raise_nothing(year):
    """Every paragraph of the report sources: no list-count and no percentage finding."""
    path = committed(SRC / f"{year}.md")
    rec = record(year, VICTIMS if year == 2020 else [], paragraphs=source_paragraphs(path))
    assert [f.message for f in check_lists(rec, SPEC)] == []
    assert [f.message for f in check_percentages(rec, SPEC) if f.severity != "info"] == []


@pytest.mark.parametrize("k,old,new,n,items", [
    (0, "five languages", "six languages", 6, 5),
    (2, "nine most popular", "ten most popular", 10, 9),
    (3, "in 14 languages", "in 15 languages", 15, 14),
    (5, "eight languages", "seven languages", 7, 8),
    (6, "Kobe, Hiroshima", "Kobe, Chiba, Hiroshima", 8, 9),
    (11, "Six countries", "Five countries", 5, 6),
    (13, "two periods", "three periods", 3, 2),
])  # fmt: skip
def test_one_perturbed_list_raises_one_error(k, old, new, n, items):
    texts = list(REAL_LISTS)
    assert old in texts[k]
    texts[k] = texts[k].replace(old, new, 1)
    (f,) = _lists(*texts)
    assert (f.rule, f.severity, f.actual, f.expected) == ("list-count", "error", n, items)


def test_list_items_split():
    vocab = SPEC.lists
    assert list_items("English and Chinese", vocab) == ["English", "Chinese"]
    assert len(list_items("Japan, Thailand, Viet Nam, Myanmar, Cambodia and Laos", vocab)) == 6
    assert list_items("as of March 31, 2020", vocab) is None
    assert list_items("see 3 (5) i)", vocab) is None
    assert list_items("office workers, self-employed, etc.", vocab) is None


# -- the cheap gates before the patterns: the same shares and lists as without them --------

FRAGMENT = st.sampled_from(
    ["approximately", "more than", "70", "12.5", "%", "per cent", "PER CENT", "percent",
     "perCent", "half", "HALF", "the majority", "THE MAJORİTY", "the majorıty", "persons",
     "(", ")", "three", "(Japan, Thailand and Viet Nam)", ",", ".", "victims", "\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENT, max_size=14).map(" ".join))
def test_shares_are_those_the_patterns_find_anywhere(text):
    from annualcheck.checks.text import _HALF_RE, _PCT_RE, _stated_shares

    ungated = [(m.start(), m.group("q"), float(m.group("n")), m.group(0))
               for m in _PCT_RE.finditer(text)]  # fmt: skip
    ungated += [
        (m.start(), "more than" if m.group("maj") else m.group("q").lower(), 50.0, m.group(0))
        for m in _HALF_RE.finditer(text)
    ]
    assert list(_stated_shares(text)) == ungated


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab ()(\n"), max_size=40))
def test_closing_parentheses_as_a_walk_over_every_character(text):
    from annualcheck.checks.text import _closing_parens

    opens, pairs = [], {}
    for i, ch in enumerate(text):
        if ch == "(":
            opens.append(i)
        elif ch == ")" and opens:
            pairs[opens.pop()] = i
    assert _closing_parens(text) == pairs
