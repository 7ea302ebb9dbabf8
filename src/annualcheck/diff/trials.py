"""The trial tables of two reports compared: the summary table in numbers, and what became
of each person the old report left awaiting trial.

Why the matching is not here: whether a row of the new carry-over table is a person the old
report left pending is decided once for the whole tool (`checks.trial_match`, with the
profile's filler words and one threshold), so this section says "not found" exactly for the
persons the `carryover` rule reports and `annualcheck trials` loses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from annualcheck.checks.trial_match import match_offenses
from annualcheck.model.record import Record, TableRow
from annualcheck.profiles.spec.diff import DiffSpec

#: The summary's columns after the count of all rows (whose name is the profile's
#: `DiffSpec.summary_rows`): the contract's trial statuses, and two kinds of conviction.
SUMMARY_COLUMNS = ("convicted", "pending", "suspended", "fined", "acquitted", "other")


@dataclass
class TableSummary:
    """The summary trial table of one report in numbers: `counts` maps a column (the rows
    column named by the profile first, then `SUMMARY_COLUMNS`) to its count. A column reads
    as an attribute too (`summary.pending`)."""

    report_year: int
    counts: dict[str, int] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        counts = self.__dict__.get("counts", {})
        if name in counts:
            return counts[name]
        raise AttributeError(name)

    def columns(self) -> list[str]:
        return list(self.counts)

    def to_dict(self) -> dict[str, Any]:
        """Flat, as the change report's JSON has it: report_year and one key per column."""
        return {"report_year": self.report_year, **self.counts}


@dataclass
class CarriedOver:
    """One person the old report left awaiting trial, and what the new report says of them."""

    source_table: str  # where the old report listed them (one of `DiffSpec.pending_tables`)
    source_no: int
    offense: str
    matched_no: int | None  # row of the new carry-over table
    matched_offense: str | None
    status: str | None  # the new row's status
    result: str | None
    verdict: str  # "still pending", the result text, or "not found"
    confidence: float  # offense similarity, 0..1


def _rows(record: Record, table: str) -> list[TableRow]:
    t = record.tables.get(table)
    return [r for r in (t.rows if t else []) if isinstance(r, TableRow)]


def summarise_table(record: Record, table: str | None, rows_column: str = "rows") -> TableSummary:
    """A trial table of one report in numbers (all zero when the report has no such table)."""
    rows = _rows(record, table) if table else []
    convicted = [r for r in rows if r.status == "convicted"]
    counts = {
        rows_column: len(rows),
        "convicted": len(convicted),
        "pending": sum(r.status == "pending" for r in rows),
        "suspended": sum(bool(r.sentence and r.sentence.suspended_years) for r in convicted),
        "fined": sum(bool(r.sentence and r.sentence.fine_yen) for r in convicted),
        "acquitted": sum(r.status == "acquitted" for r in rows),
        "other": sum(r.status == "other" for r in rows),
    }
    return TableSummary(report_year=record.report.report_year, counts=counts)


def carried_over(
    old: Record, new: Record, spec: DiffSpec, filler: Sequence[str] = ()
) -> tuple[list[CarriedOver], list[int]]:
    """Each person the old report left pending, matched to the new carry-over table by the
    tool's one matcher (`filler`: the profile's `ChecksSpec.offense_filler`), and the numbers
    of the new rows no one was matched to."""
    pending = [
        (name, row)
        for name in spec.pending_tables
        for row in _rows(old, name)
        if row.status == "pending"
    ]
    targets = _rows(new, spec.carryover_table) if spec.carryover_table else []
    match = match_offenses(
        [row.offense for _, row in pending], [t.offense for t in targets], filler
    )
    pairs, sim = match.pairs(), match.sims
    out = []
    for i, (name, row) in enumerate(pending):
        j = pairs.get(i)
        t = targets[j] if j is not None else None
        if t is None:
            verdict = "not found"
        elif t.status == "pending":
            verdict = "still pending"
        else:
            verdict = t.result
        out.append(
            CarriedOver(
                source_table=name,
                source_no=row.no,
                offense=row.offense,
                matched_no=t.no if t else None,
                matched_offense=t.offense if t else None,
                status=t.status if t else None,
                result=t.result if t else None,
                verdict=verdict,
                confidence=round(sim[i][j], 3) if j is not None else 0.0,
            )
        )
    used = set(pairs.values())
    return out, [t.no for k, t in enumerate(targets) if k not in used]
