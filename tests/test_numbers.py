"""Numbers and stated changes as the reports write them (annualcheck.prose.numbers).

The phrases are taken from the 2020 report's text (reports/src/2020.md)
and from the wording other years use ("19 fewer than 2017", "an increase of 3 from ...").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import annualcheck.prose.numbers as numbers
from annualcheck.prose.comparisons import find_stated_changes
from annualcheck.prose.numbers import find_numbers, fold_width, parse_number
from helpers.paths import committed

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "2020-annual-report.md"
SOURCE = Path(__file__).resolve().parents[1] / "reports" / "src" / "2020.md"


@pytest.mark.parametrize(
    "text,value",
    [
        ("seven", 7),
        ("Nine", 9),
        ("zero", 0),
        ("none", 0),
        ("one", 1),
        ("twenty", 20),
        ("thirty-six", 36),
        ("9,454", 9454),
        ("819,132", 819132),
        ("1,150", 1150),
        ("2 million", 2_000_000),
        ("two million", 2_000_000),
        ("US$130,000", 130000),
        ("US$3 million", 3_000_000),
        ("approximately 5,300", 5300),
        ("about 80,000", 80000),
        ("300,000 yen", 300000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "victims", "FY", "one two buckle", "2 (1)"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in find_numbers(text)]


def test_counts_among_years_dates_and_references():
    text = (
        "In 2019, Japan contributed US$130,000 to the IOM. Since 2005, this project has provided "
        "support to 335 victims to return to their home countries (as of March 31, 2020) "
        "(see 2 (1) ii) and Article 16-4, Paragraph 1; Act No. 102 of 2018)."
    )
    assert kinds(text) == [
        ("year", "2019"),
        ("money", "US$130,000"),
        ("year", "2005"),
        ("count", "335"),
        ("date", "March 31, 2020"),
        ("ref", "2 (1) ii)"),
        ("ref", "Article 16-4"),
        ("ref", "Paragraph 1"),
        ("ref", "No. 102"),
        ("year", "2018"),
    ]


def test_ages_durations_percent_fiscal_years_times_codes():
    text = (
        "19 were minors (under 18 years of age); 2 years imprisonment, suspension of 3 years; "
        "accounting for approximately 70%; since FY 2004 and in FY2019; 17:00 to 22:00; the "
        "193rd Diet; Tel: 0120-924-839; G7; from 12 to 25 November; thirty-six views; a two-week "
        "period"
    )
    assert kinds(text) == [
        ("count", "19"),
        ("age", "18"),
        ("duration", "2"),
        ("duration", "3"),
        ("percent", "70%"),
        ("fiscal_year", "FY 2004"),
        ("fiscal_year", "FY2019"),
        ("time", "17:00"),
        ("time", "22:00"),
        ("ordinal", "193rd"),
        ("code", "0120-924-839"),
        ("code", "G7"),
        ("date", "12 to 25 November"),
        ("count", "thirty-six"),
    ]


def test_approximate_and_preliminary_flags():
    text = (
        "Approximately 5,300 foreign construction workers; about 80,000 posters; inspections on "
        "9,454 organizations (preliminary figures); 33 cases (preliminary figures); 228 workplaces"
    )
    flags = [(t.text, t.approximate, t.preliminary) for t in find_numbers(text)]
    assert flags == [
        ("5,300", True, False),
        ("80,000", True, False),
        ("9,454", False, True),
        ("33", False, True),
        ("228", False, False),
    ]


def test_scaled_words():
    text = "In FY2019, 290,000 copies of the booklet and two million copies of the leaflet"
    assert [(t.kind, t.value) for t in find_numbers(text)] == [
        ("fiscal_year", 2019),
        ("count", 290000),
        ("count", 2_000_000),
    ]


# Every stated change of section 2 (1) of the 2020 report, as written, with its reading.
SECTION2_CHANGES = [
    ("was 47 (20 more than in 2018).", 20),
    ("47 were female (21 more than in 2018)", 21),
    ("zero were male (one less than in 2018).", -1),
    ("34 were Japanese (16 more than in 2018), accounting", 16),
    ("12 Philippine nationals (seven more than in 2018)", 7),
    ("one Brazilian national (one more than in 2018).", 1),
    ("“Entertainer” (three more than in 2018), five", 3),
    ("“Temporary Visitor” (four more than in 2018), and", 4),
    ("“Spouse of Japanese national” (same as in 2018).", 0),
    ("a Permanent Resident living in Japan (one more than in 2018).", 1),
    ("19 were minors (under 18 years of age) (14 more than in 2018).", 14),
    ("35 were victims of sexual exploitation (14 more than in 2018)", 14),
    ("12 were forced to work as nightclub hostesses (eight more than in 2018)", 8),
    ("none were victims of labor exploitation (two less than in 2018).", -2),
    ("were cleared (21 more than in 2018)", 21),
    ("39 persons were arrested for trafficking in persons (one less than in 2018).", -1),
    ("34 were male (two more than in 2018)", 2),
    ("five were female (three less than in 2018).", -3),
    ("38 were Japanese nationals (one more than in 2018)", 1),
    ("one was a Philippines national (one more than in 2018).", 1),
    ("adult entertainment business (one more than in 2018)", 1),
    ("15 were unemployed (6 less than in 2018)", -6),
    ("16 (four more than in 2018) engaged in other occupations", 4),
    ("One of the suspects was a broker (same as in 2018)", 0),
    ("organized crime groups, etc. (two more than in 2018).", 2),
]


@pytest.mark.parametrize("text,delta", SECTION2_CHANGES)
def test_section2_stated_changes(text, delta):
    changes = find_stated_changes(text, 2019)
    assert len(changes) == 1
    change = changes[0]
    assert (change.delta, change.reference_period) == (delta, "2018")
    assert change.phrase in text and not change.phrase.startswith("(")
    assert text[change.start] == "(" and text[change.end - 1] == ")"


@pytest.mark.parametrize("path", [CORPUS, SOURCE], ids=["corpus", "report-source"])
def test_every_change_written_in_the_report_is_read(path):
    if path == CORPUS and not path.exists():
        pytest.skip("the shared corpus (../shared/corpus/) is not beside this checkout")
    committed(path)
    text = path.read_text(encoding="utf-8")
    section2 = text[text.index("Data relating to victims of trafficking in persons\n") :]
    section2 = section2[: section2.index("Cases")]
    written = re.findall(r"\(([^()]*(?:than in|same as in) 2018)\)", section2)
    assert len(written) == len(SECTION2_CHANGES)
    found = find_stated_changes(section2, 2019)
    assert [c.phrase for c in found] == written


@pytest.mark.parametrize(
    "text,delta,ref",
    [
        ("27 (19 fewer than 2017)", -19, "2017"),
        ("26 were female (19 less than in 2017)", -19, "2017"),
        ("18 were Japanese nationals (10 fewer than in 2017)", -10, "2017"),
        ("an increase of 20 from the previous year", 20, "2018"),
        ("a decrease of three compared with 2018", -3, "2018"),
        ("3 more than the previous year", 3, "2018"),
        ("(the same number as in 2018)", 0, "2018"),
        ("unchanged from 2018", 0, "2018"),
        ("5 more than in FY2017", 5, "FY2017"),
        ("up 4 from 2018", 4, "2018"),
    ],
)
def test_other_wordings_of_a_change(text, delta, ref):
    (change,) = find_stated_changes(text, 2019)
    assert (change.delta, change.reference_period) == (delta, ref)


def test_no_change_in_plain_comparisons():
    text = "more than 90% of the respondents; more than half; about 50% of the respondents"
    assert find_stated_changes(text, 2019) == []


WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
fifteen sixteen seventeen eighteen nineteen".split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spelled(n: int) -> str:
    """0..99 in words, as the reports write them ("thirty-six")."""
    if n < 20:
        return WORDS[n]
    tens, unit = divmod(n, 10)
    return TENS_WORDS[tens - 2] + ("" if unit == 0 else f"-{WORDS[unit]}")


@given(st.integers(min_value=0, max_value=99))
def test_spelled_numbers_round_trip(n):
    assert parse_number(spelled(n)) == n
    tokens = find_numbers(f"With regard to the suspects, {spelled(n)} were male.")
    assert [(t.kind, t.value) for t in tokens] == [("count", n)]


@given(st.integers(min_value=0, max_value=10**9))
def test_digit_numbers_round_trip(n):
    written = f"{n:,}"
    assert parse_number(written) == n
    tokens = find_numbers(f"In 2019, {written} people were arrested in connection with 3 cases.")
    assert [(t.kind, t.value) for t in tokens] == [("year", 2019), ("count", n), ("count", 3)]


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["more", "less", "fewer"]))
def test_change_phrases_round_trip(n, word):
    text = f"27 were female ({spelled(n)} {word} than in 2017)"
    (change,) = find_stated_changes(text, 2018)
    assert change.delta == (n if word == "more" else -n)
    assert change.reference_period == "2017"


def _fold_one_by_one(text: str) -> str:
    """NFKC of each character where it stays one character: what fold_width promises."""
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_fold_width_folds_each_character_in_place(text):
    folded = fold_width(text)
    assert len(folded) == len(text)
    assert folded == _fold_one_by_one(text)


def test_fold_width_table_stays_bounded(monkeypatch):
    """A text of many distinct characters folds right and leaves the table at its bound."""
    monkeypatch.setattr(numbers, "FOLD_TABLE_MAX", 50)
    monkeypatch.setattr(numbers, "_FOLDS", numbers._FoldTable())
    text = "".join(chr(c) for c in range(0xFF01, 0xFF01 + 200))  # full-width ASCII and more
    assert fold_width(text) == _fold_one_by_one(text)
    assert fold_width("\uff11\uff12") == "12"
    assert len(numbers._FOLDS) == 50
