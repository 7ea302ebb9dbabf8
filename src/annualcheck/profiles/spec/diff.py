"""The parts of a profile the diff, the site and the renderers read: `diff` (trend charts,
key labels, the tables compared) and `labels` (the messages and headings that name the series).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annualcheck.profiles.spec.base import Validated

# -- diff --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendSeries(Validated):
    """One line of a trend chart: the sum of `keys`, or one line per key under `prefix`."""

    label: str
    keys: tuple[str, ...] = ()
    prefix: str | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrendChart(Validated):
    title: str
    series: tuple[TrendSeries, ...]


@dataclass(frozen=True)
class DiffSpec(Validated):
    """What the diff and the site need to know of a series."""

    narrative_section: str = "1"  # top-level section whose sentences are compared one by one
    charts: tuple[TrendChart, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    #: tables whose pending rows the next report carries over, in the order a report lists them
    pending_tables: tuple[str, ...] = ()
    carryover_table: str | None = None  # the table of the persons carried over
    summary_table: str | None = None  # the trial table summarised per year
    #: the name of the summary's count of all rows (a column of the change report)
    summary_rows: str = "rows"


# -- labels and messages -----------------------------------------------------------------------


@dataclass(frozen=True)
class Labels(Validated):
    """The words the tool prints about the series: refusals and the headings of the change
    report's trial-table summary."""

    #: why a PDF is refused as not a report of the series
    not_this_series: str = "not a report of this series"
    #: why a report without the required section is refused
    missing_section: str = "report has no required section"
    #: what the summary table's rows are ("persons charged"); its heading
    summary_subject: str = "rows"
