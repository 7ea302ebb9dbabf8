"""The comparisons of a record with its hand-verified expectation in expected/<year>.json.

Shared because a report is compared the same way whichever rendering it comes from: the real
reports and both renderings of 2020 (tests/test_expected.py), and the restructured and reworded
variants of 2020 (tests/test_variant_reports.py). Each `assert_*` fails with every difference
listed, so one run shows all that is misread.
"""

from __future__ import annotations

import json
import re
import unicodedata

from helpers.paths import EXPECTED, committed

SECTION2_PREFIXES = ("victims.", "cases.", "suspects.", "carryover.", "perpetrators.")


def load_expected(year: int) -> dict:
    path = committed(EXPECTED / f"{year}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Compare words, not typography: quotes, apostrophes, dashes, spacing and case folded."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2018\u2019\u201c\u201d'\"`]", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def change_of(fig) -> tuple | None:
    if fig.stated_change is None:
        return None
    return (fig.stated_change.delta, fig.stated_change.reference_period)


def assert_section2_figures(records, name, year):
    expected = load_expected(year)["figures"]
    record = records[name]
    wrong = []
    for exp in expected:
        fig = record.figure(exp["key"], exp["period"])
        if fig is None:
            wrong.append(f"missing {exp['key']} ({exp['period']})")
            continue
        if fig.value != exp["value"]:
            wrong.append(f"{exp['key']}: value {fig.value} != {exp['value']}")
        want = exp["stated_change"]
        want = None if want is None else (want["delta"], want["reference_period"])
        if change_of(fig) != want:
            wrong.append(f"{exp['key']}: stated change {change_of(fig)} != {want}")
    assert not wrong, "\n".join(wrong)


def assert_no_section2_figure_beyond_expected(records, name, year):
    expected = {(e["key"], e["period"]) for e in load_expected(year)["figures"]}
    extra = [
        (f.key, f.period, f.value, f.quote)
        for f in records[name].figures
        if f.key.startswith(SECTION2_PREFIXES) and (f.key, f.period) not in expected
    ]
    assert not extra


def assert_trial_table_rows(records, name, year, table):
    expected = load_expected(year)["tables"][table]["rows"]
    got = records[name].tables[table].rows
    assert [r.no for r in got] == [e["no"] for e in expected]
    wrong = []
    for row, exp in zip(got, expected, strict=True):
        if norm(row.offense) != norm(exp["offense"]):
            wrong.append(f"row {row.no} offense {row.offense!r}")
        if [norm(c) for c in row.charges] != [norm(c) for c in exp["charges"]]:
            wrong.append(f"row {row.no} charges {row.charges!r}")
        if row.status != exp["status"]:
            wrong.append(f"row {row.no} status {row.status}")
        sentence = None
        if row.sentence is not None:
            sentence = {
                "prison_months": row.sentence.prison_months,
                "suspended_years": row.sentence.suspended_years,
                "probation": row.sentence.probation,
                "fine_yen": row.sentence.fine_yen,
            }
        if sentence != exp["sentence"]:
            wrong.append(f"row {row.no} sentence {sentence} != {exp['sentence']}")
    assert not wrong, "\n".join(wrong)
