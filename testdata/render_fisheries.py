"""Render the three short reports of the imaginary second series (tests/helpers/fisheries_profile.py)
to tests/fixtures/fisheries-<report year>.pdf.

A development tool, not part of the package, like render_reports.py whose renderer it uses:
the reports are written in the same source dialect (reports/src/FORMAT.md), from one template
and the year's values. Every value below is the report's own "truth"; the tests hold the
extracted record against these numbers, and report 2024 carries one deliberate mistake (its
stated change of the catch says 20 less than in 2022, the numbers give 30 less).

    python -m testdata.render_fisheries
"""

from __future__ import annotations

import sys
from pathlib import Path

from testdata.render_reports import render_source

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "tests" / "fixtures"

#: One dict per report: report year -> the values its text states.
YEARS: dict[int, dict] = {
    2022: dict(
        date="March 28, 2022",
        members=120,
        female=34,
        male=86,
        vessels=210,
        catch="1,250",
        members_change="four more than in 2020",
        female_change="two more than in 2020",
        male_change="two more than in 2020",
        vessels_change="two vessels less than in 2020",
        catch_change="30 tonnes more than in 2020",
        rows=[
            ("Breach of the landing hours", "40,000 yen penalty"),
            ("Breach of the Fishing Rights and Quota Rules", "Pending hearing"),
            ("Use of a prohibited net", "100,000 yen penalty"),
        ],
    ),
    2023: dict(
        date="March 30, 2023",
        members=126,
        female=37,
        male=89,
        vessels=212,
        catch="1,310",
        members_change="six more than in 2021",
        female_change="three more than in 2021",
        male_change="three more than in 2021",
        vessels_change="two vessels more than in 2021",
        catch_change="60 tonnes more than in 2021",
        rows=[
            ("Unreported catch, and breach of the landing hours", "50,000 yen penalty"),
            ("Breach of the Fishing Rights and Quota Rules", "40,000 yen penalty"),
            ("Fishing in a closed area", "Pending hearing"),
            ("Use of a prohibited net", "Dismissed"),
        ],
    ),
    2024: dict(
        date="March 27, 2024",
        members=125,
        female=36,
        male=89,
        vessels=215,
        catch="1,280",
        members_change="one less than in 2022",
        female_change="one less than in 2022",
        male_change="the same as in 2022",
        vessels_change="three vessels more than in 2022",
        catch_change="20 tonnes less than in 2022",  # the deliberate mistake: 1,310 - 1,280 = 30
        rows=[
            ("Fishing in a closed area", "80,000 yen penalty"),
            ("Breach of the landing hours", "Pending hearing"),
        ],
    ),
}

_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def _outcomes(rows: list[tuple[str, str]]) -> str:
    """The sentence that counts the table's rows by outcome, as the report states it."""
    fined = sum("penalty" in r for _, r in rows)
    pending = sum("Pending" in r for _, r in rows)
    dismissed = sum(r == "Dismissed" for _, r in rows)
    parts = [f"{fined} were settled with a penalty", f"{pending} is pending hearing"]
    if dismissed:
        parts.append(f"{dismissed} was dismissed")
    return "Of these, " + ", ".join(parts[:-1]) + " and " + parts[-1] + "."


def source(year: int, v: dict) -> str:
    """The report of `year` (covering year - 1) in the source dialect."""
    data = year - 1
    n = len(v["rows"])
    table = "\n".join(
        f"| {i} | {offense} | {result} |" for i, (offense, result) in enumerate(v["rows"], 1)
    )
    return f"""---
title: Annual Report of the North Shore Fisheries Cooperative
date: {v["date"]}
council: Board of the North Shore Fisheries Cooperative
reconstruction: false
---

# 1 Introduction

This report of the North Shore Fisheries Cooperative, covering the fishing year {data}, sets out the membership of the cooperative, its fleet, its catch and the work of its disciplinary board.

# 2 The year in figures

## (1) Members and vessels

At the end of {data} the cooperative had {v["members"]} members ({v["members_change"]}). With regard to the sex of the members, {v["female"]} were female ({v["female_change"]}) and {v["male"]} were male ({v["male_change"]}).

The members operated {v["vessels"]} vessels ({v["vessels_change"]}).

[Figure 1] Catch landed by the {v["vessels"]} member vessels

> Catch by month, in tonnes

## (2) Catch

The catch landed in {data} was {v["catch"]} tonnes ({v["catch_change"]}).

## (3) Disciplinary board

In {data}, {n} infringements were referred to the disciplinary board. {_outcomes(v["rows"])}

[Table 1] The {_NUMBER_WORDS[n]} infringements heard by the disciplinary board in {data}

| No. | Infringement | Outcome of hearing |
|---|---|---|
{table}

# 3 Outlook

The board will continue to meet every quarter.
"""


def main(argv: list[str] | None = None) -> int:
    for year, values in YEARS.items():
        out = render_source(source(year, values), OUT_DIR / f"fisheries-{year}.pdf")
        print(f"-> {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
