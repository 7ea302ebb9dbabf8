"""stated-change: "47 (20 more than in 2018)" must agree with the previous report's 2018 value.

A stated change is never dropped: it is checked against the previous report, or reported as
`info` saying why it could not be (no previous report in the series, a gap, a subject without
a key, a key the previous report does not give).

A key the previous report does not give is still checked when it belongs to a breakdown the
previous report gives in full (its parts add up to the total, e.g. nationalities 18 + 5 + 4 =
27): a part left out of a complete breakdown is zero there, so "2 (two more than in 2019)" is
borne out and "2 (one more ...)" is not.
"""

from __future__ import annotations

from annualcheck.checks._common import (
    ev_figure,
    ev_record,
    finding,
    fmt,
    lag_of,
    page_ref,
    report_name,
)
from annualcheck.model.findings import Finding
from annualcheck.model.record import Figure, Record
from annualcheck.profiles.spec.checks import ChecksSpec

RULE = "stated-change"


def _signed(delta: float) -> str:
    return ("+" if delta >= 0 else "-") + fmt(abs(delta))


def _describe(fig: Figure) -> str:
    change = fig.stated_change
    assert change is not None
    return f"{fig.key} {fmt(fig.value)} ({change.phrase or _signed(change.delta)})"


def _complete_breakdown(previous: Record, key: str, period: str, spec: ChecksSpec | None):
    """(total figure, part figures) of a prefix breakdown holding `key` whose parts the previous
    report gives in full for `period`; None when there is no such breakdown."""
    for bd in spec.breakdowns if spec else ():
        if not bd.prefix or not key.startswith(bd.prefix) or "." in key[len(bd.prefix) :]:
            continue
        if key in bd.exclude:
            continue
        total = previous.figure(bd.total, period)
        parts = [
            f
            for f in previous.figures
            if f.period == period
            and f.key.startswith(bd.prefix)
            and "." not in f.key[len(bd.prefix) :]
            and f.key not in bd.exclude
        ]
        if total is not None and parts and abs(sum(f.value for f in parts) - total.value) < 1e-9:
            return total, parts
    return None


def check_stated_changes(
    record: Record,
    previous: Record | None,
    gaps: tuple[int, ...] = (),
    spec: ChecksSpec | None = None,
) -> list[Finding]:
    """Every stated change of `record` against `previous` (the report one year earlier, or
    None when the series has no such report)."""
    out: list[Finding] = []
    year = record.report.report_year
    for fig in record.figures:
        change = fig.stated_change
        if change is None:
            continue
        implied = fig.value - change.delta
        ev = ev_figure(record, fig)
        if fig.key.startswith("unkeyed."):
            out.append(finding(
                RULE, "info", record,
                f"Stated change not checked: its subject has no key ({fig.quote!r}, "
                f"implies {fmt(implied)} in {change.reference_period}){page_ref(fig.page)}",
                key=fig.key, expected=None, actual=implied, evidence=(ev,),
            ))  # fmt: skip
            continue
        if previous is None:
            why = (
                f"{report_name(year - 1, lag_of(record))} is missing from the series"
                if (year - 1) in gaps
                else f"the series has no report before {year}"
            )
            out.append(finding(
                RULE, "info", record,
                f"Stated change not checked: {why}. {_describe(fig)} implies "
                f"{fmt(implied)} in {change.reference_period}{page_ref(fig.page)}",
                key=fig.key, expected=None, actual=implied, evidence=(ev,),
            ))  # fmt: skip
            continue
        prev_fig = previous.figure(fig.key, change.reference_period)
        complete = (
            _complete_breakdown(previous, fig.key, change.reference_period, spec)
            if prev_fig is None
            else None
        )
        if complete is not None:
            if abs(implied) > 1e-9:
                total, parts = complete
                prev_year = previous.report.report_year
                out.append(finding(
                    RULE, "error", record,
                    f"{fig.key}: report {year} says {fmt(fig.value)} ({change.phrase or _signed(change.delta)}), "
                    f"which implies {fmt(implied)} in {change.reference_period}, but report "
                    f"{prev_year} gives none: its parts of {total.key} ({', '.join(f.key.rsplit('.', 1)[-1] for f in parts)}) "
                    f"already add up to {fmt(total.value)}{page_ref(fig.page, total.page)}",
                    key=fig.key, expected=0, actual=implied,
                    evidence=(ev, ev_figure(previous, total), *(ev_figure(previous, f) for f in parts)),
                ))  # fmt: skip
            continue
        if prev_fig is None:
            out.append(finding(
                RULE, "info", record,
                f"Stated change not checked: {report_name(previous.report.report_year, lag_of(previous))} gives no "
                f"{fig.key} for {change.reference_period}. {_describe(fig)} implies "
                f"{fmt(implied)}{page_ref(fig.page)}",
                key=fig.key, expected=None, actual=implied,
                evidence=(ev, ev_record(previous, f"no {fig.key} for {change.reference_period}")),
            ))  # fmt: skip
            continue
        if abs(implied - prev_fig.value) > 1e-9:
            prev_year = previous.report.report_year
            out.append(finding(
                RULE, "error", record,
                f"{fig.key}: report {year} says {fmt(fig.value)} "
                f"({change.phrase or _signed(change.delta)}), which implies "
                f"{fmt(implied)} in {change.reference_period}, but report {prev_year} gives "
                f"{fmt(prev_fig.value)}{page_ref(fig.page, prev_fig.page)}",
                key=fig.key, expected=prev_fig.value, actual=implied,
                evidence=(ev, ev_figure(previous, prev_fig)),
            ))  # fmt: skip
    return out
