"""parse_result and split_charges on every result and offense of the real Tables 2 and 3 of
the 2020 report (covering 2019). Expected values are read off the report text, cell by cell."""

from __future__ import annotations

import pytest

from annualcheck.extract.tables.results import parse_result, split_charges
from annualcheck.profiles import get_profile
from helpers.trial_tables import (
    CSEC,
    CWA,
    DEEDS,
    ESA,
    TABLE2_OFFENSES,
    TABLE2_RESULTS,
    TABLE3_OFFENSES,
    TABLE3_RESULTS,
    S,
)

PROFILE = get_profile("jp-tip")


def test_the_tables_as_read_have_their_row_counts():
    assert len(TABLE2_RESULTS) == len(TABLE2_OFFENSES) == 32
    assert len(TABLE3_RESULTS) == len(TABLE3_OFFENSES) == 6
    # The text: "Of the 32 suspects that have been prosecuted, 23 have been found guilty".
    assert sum(1 for _, (status, _s) in TABLE2_RESULTS if status == "convicted") == 23


@pytest.mark.parametrize(
    "text,expected",
    TABLE2_RESULTS + TABLE3_RESULTS,
    ids=[f"t2-{i}" for i in range(1, 33)] + [f"t3-{i}" for i in range(1, 7)],
)
def test_parse_result_on_every_real_result(text, expected):
    assert parse_result(text, profile=PROFILE) == expected


@pytest.mark.parametrize(
    "offense,charges",
    TABLE2_OFFENSES + TABLE3_OFFENSES,
    ids=[f"t2-{i}" for i in range(1, 33)] + [f"t3-{i}" for i in range(1, 7)],
)
def test_split_charges_on_every_real_offense(offense, charges):
    assert split_charges(offense, profile=PROFILE) == charges


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2 years 6 months imprisonment, suspension of 4 years", ("convicted", S(30, 4))),
        ("1 million yen fine", ("convicted", S(fine=1_000_000))),
        ("Acquitted", ("acquitted", None)),
        ("Not guilty", ("acquitted", None)),
        ("pending trial", ("pending", None)),
        ("Case dismissed", ("other", None)),
        ("", ("other", None)),
        # line breaks and double spaces from a cell
        (
            "2 years\nimprisonment,  suspension of 5\nyears with probation",
            ("convicted", S(24, 5, probation=True)),
        ),
        ("1 year imprisonment with work, suspension of 3 years", ("convicted", S(12, 3))),
    ],
)
def test_parse_result_wording(text, expected):
    assert parse_result(text, profile=PROFILE) == expected


def test_split_charges_keeps_act_names_and_lowercases_common_nouns():
    assert split_charges(
        "Extortion, extortion attempt, violation of the Employment Security Act", profile=PROFILE
    ) == [
        "extortion",
        "extortion attempt",
        ESA,
    ]
    # An Act name with "and" and a comma is one charge, even across a line break.
    assert split_charges(
        "Violation of the Act on Regulation and Punishment of Acts Relating to Child\n"
        "Prostitution and Child Pornography, and the Protection of Children",
        profile=PROFILE,
    ) == [CSEC]
    # A bare "and" before "violation of" separates two charges; inside a charge it does not.
    assert split_charges("Threat and violation of the Child Welfare Act", profile=PROFILE) == [
        "threat",
        CWA,
    ]
    assert split_charges(
        "False recording and use of the original of electromagnetic notarized deeds",
        profile=PROFILE,
    ) == [DEEDS]
