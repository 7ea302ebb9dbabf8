"""Diff and trend profile of Japan's annual report on trafficking in persons (consumed by
`annualcheck.diff.compare` and `annualcheck.output.site`): which figures are the main trend series of the
series, what people call them, and which section holds the statistics whose sentences the
change report compares one by one.
"""

from __future__ import annotations

from annualcheck.profiles.spec.diff import DiffSpec, TrendChart, TrendSeries

CHARTS = (
    TrendChart(
        "Victims put under protection",
        (TrendSeries("Victims (total)", keys=("victims.total",)),),
    ),
    TrendChart(
        "Victims by nationality",
        (TrendSeries("", prefix="victims.nationality."),),
    ),
    TrendChart(
        "Victims by form of trafficking",
        (
            TrendSeries("Sexual exploitation", keys=("victims.form.sexual_exploitation",)),
            TrendSeries("Nightclub hostess", keys=("victims.form.nightclub_hostess",)),
            TrendSeries("Labor exploitation", keys=("victims.form.labor_exploitation",)),
        ),
    ),
    TrendChart(
        "Cases cleared and suspects arrested",
        (
            TrendSeries("Cases cleared", keys=("cases.cleared",)),
            TrendSeries("Suspects arrested", keys=("suspects.arrested",)),
        ),
    ),
    TrendChart(
        "Prosecution and pending trials",
        (
            TrendSeries("Prosecuted", keys=("suspects.prosecuted",)),
            TrendSeries("Found guilty", keys=("suspects.prosecuted.guilty",)),
            TrendSeries("Pending trial", keys=("suspects.prosecuted.pending",)),
        ),
    ),
)

LABELS = {
    "victims.total": "Victims put under protection",
    "victims.non_japanese": "Non-Japanese victims",
    "victims.minors": "Victims under 18",
    "cases.cleared": "Cases cleared",
    "suspects.arrested": "Suspects arrested",
    "suspects.prosecuted": "Suspects prosecuted",
    "suspects.not_prosecuted": "Suspects not prosecuted",
    "suspects.prosecuted.guilty": "Prosecuted, found guilty",
    "suspects.prosecuted.pending": "Prosecuted, trial pending",
    "carryover.previous_pending": "Pending in the previous report",
    "carryover.guilty": "Carried over, found guilty",
    "carryover.pending": "Carried over, still pending",
}

PROFILE_PART = DiffSpec(
    narrative_section="2",
    charts=CHARTS,
    labels=LABELS,
    pending_tables=("table2", "table3"),  # the order in which a report lists its pending persons
    carryover_table="table3",
    summary_table="table2",
    summary_rows="prosecuted",
)
