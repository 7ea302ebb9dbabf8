"""How the persons of one trial table were sentenced: prison, suspended, fine only, pending.

Why these categories: reviews of a country's record on trafficking turn on how many convicted
persons actually went to prison, how many had the prison term suspended (with or without
probation) and how many were only fined. Table 2 (persons prosecuted in the year) and the
carry-over table (verdicts on persons left pending before) are counted apart, because adding
them would count a year's verdicts twice across reports. The counts are compared with the
text's own figures by the `table-count` and `carryover` rules; here they are only reported
beside those figures.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from annualcheck.model.record import Record, TableRow
from annualcheck.profiles.spec.checks import TrialTable
from annualcheck.profiles.spec.trials import TrialsSpec
from annualcheck.trials.laws import laws_of


@dataclass
class TermStats:
    """Median and range of some terms (months of prison, years of suspension)."""

    count: int = 0
    median: float | None = None
    min: int | None = None
    max: int | None = None


def term_stats(values: Iterable[int | None]) -> TermStats:
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return TermStats()
    median = statistics.median(vals)
    return TermStats(
        len(vals), int(median) if float(median).is_integer() else median, vals[0], vals[-1]
    )


@dataclass
class Sentencing:
    """One trial table of one report in sentencing categories.

    convicted = prison + suspended + fine_only + unknown_sentence; with_fine counts the
    prison and suspended sentences that add a fine (a subset, not a category of its own)."""

    table: str
    label: str
    persons: int = 0
    convicted: int = 0
    prison: int = 0  # a prison term, not suspended
    suspended: int = 0  # a prison term, suspended
    suspended_probation: int = 0
    suspended_no_probation: int = 0
    fine_only: int = 0
    with_fine: int = 0  # a prison term (suspended or not) and a fine
    unknown_sentence: int = 0  # convicted, sentence not read
    acquitted: int = 0
    pending: int = 0
    other: int = 0
    prison_months: TermStats = field(default_factory=TermStats)  # every prison term
    unsuspended_months: TermStats = field(default_factory=TermStats)  # terms not suspended
    suspension_years: TermStats = field(default_factory=TermStats)
    fines_yen: TermStats = field(default_factory=TermStats)
    laws: dict[str, int] = field(default_factory=dict)  # law -> persons charged under it
    stated: dict[str, float | None] = field(default_factory=dict)  # the text's counts
    agrees: bool | None = None  # the counts equal every stated count (None: none stated)


@dataclass
class YearSentencing:
    report_year: int
    data_year: int
    main: Sentencing | None  # the table of persons tried in the year
    carried_over: Sentencing | None


def category(row: TableRow) -> str:
    """prison, suspended, fine_only, unknown_sentence, or the row's status when not convicted."""
    if row.status != "convicted":
        return row.status
    s = row.sentence
    if s is None:
        return "unknown_sentence"
    if s.prison_months:
        return "suspended" if s.suspended_years else "prison"
    return "fine_only" if s.fine_yen else "unknown_sentence"


def _stated(record: Record, tt: TrialTable) -> dict[str, float | None]:
    period = str(record.report.data_year)
    out: dict[str, float | None] = {}
    for what, key in [("persons", tt.rows_key), *tt.status_keys.items()]:
        out[what] = record.value(key, period)
        if out[what] is None:
            out[what] = record.value(key)
    return out


def sentencing_of(record: Record, tt: TrialTable, spec: TrialsSpec) -> Sentencing | None:
    """The sentencing categories of one trial table, None when the report has no such table."""
    table = record.tables.get(tt.name)
    if table is None:
        return None
    rows = [r for r in table.rows if isinstance(r, TableRow)]
    out = Sentencing(table=tt.name, label=table.label, persons=len(rows))
    cats = Counter(category(r) for r in rows)
    out.prison, out.suspended, out.fine_only = cats["prison"], cats["suspended"], cats["fine_only"]
    out.unknown_sentence = cats["unknown_sentence"]
    out.convicted = out.prison + out.suspended + out.fine_only + out.unknown_sentence
    out.acquitted, out.pending, out.other = cats["acquitted"], cats["pending"], cats["other"]
    convicted = [r for r in rows if r.status == "convicted" and r.sentence]
    suspended = [r for r in convicted if category(r) == "suspended"]
    out.suspended_probation = sum(r.sentence.probation for r in suspended)
    out.suspended_no_probation = len(suspended) - out.suspended_probation
    out.with_fine = sum(bool(r.sentence.prison_months and r.sentence.fine_yen) for r in convicted)
    out.prison_months = term_stats(r.sentence.prison_months for r in convicted)
    out.unsuspended_months = term_stats(
        r.sentence.prison_months for r in convicted if category(r) == "prison"
    )
    out.suspension_years = term_stats(r.sentence.suspended_years for r in suspended)
    out.fines_yen = term_stats(r.sentence.fine_yen for r in convicted)
    laws = Counter(law for r in rows for law in laws_of(r.charges or [r.offense], spec))
    out.laws = dict(sorted(laws.items(), key=lambda kv: (-kv[1], kv[0])))
    out.stated = _stated(record, tt)
    counted = {"persons": out.persons, "convicted": out.convicted, "pending": out.pending,
               "acquitted": out.acquitted}  # fmt: skip
    known = {k: v for k, v in out.stated.items() if v is not None}
    out.agrees = all(counted.get(k) == v for k, v in known.items()) if known else None
    return out


def year_sentencing(record: Record, main: TrialTable | None, carry: TrialTable | None,
                    spec: TrialsSpec) -> YearSentencing:  # fmt: skip
    return YearSentencing(
        report_year=record.report.report_year,
        data_year=record.report.data_year,
        main=sentencing_of(record, main, spec) if main else None,
        carried_over=sentencing_of(record, carry, spec) if carry else None,
    )
