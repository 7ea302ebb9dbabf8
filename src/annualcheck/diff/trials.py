"""The trial tables of two reports compared: the summary table in numbers, and what became
of each person the old report left awaiting trial.

Why apart: matching a pending person to a row of the new carry-over table is a question of
its own (offenses are reworded and reordered from one year to the next, and the tables carry
no names): offenses are reduced to their distinctive words and paired in order by similarity.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annualcheck.diff.align import align
from annualcheck.model.record import Record, TableRow
from annualcheck.profiles.spec.diff import DiffSpec

#: Below this offense similarity a pending person is not matched to a carry-over row.
MATCH_THRESHOLD = 0.5


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


def offense_charges(
    offense: str, charges: Iterable[str] = (), stopwords: Iterable[str] = ()
) -> list[str]:
    """The charges of an offense, each reduced to its distinctive words (the profile's
    stopwords, the boilerplate of a charge, would make any two offenses look alike), in
    printed order."""
    stop = set(stopwords)
    parts = list(charges) or re.split(r",\s*(?:and\s+)?|\s+and\s+(?=violation)", offense)
    out = []
    for part in parts:
        w = [x for x in re.sub(r"[^\w\s]", " ", part.lower()).split() if x not in stop]
        if w:
            out.append(" ".join(w))
    return out


def offense_similarity(a: TableRow, b: TableRow, stopwords: Iterable[str] = ()) -> float:
    """difflib ratio of the normalised offenses, the better of printed and sorted charge
    order, so that a reordered or slightly reworded offense stays close to the original."""
    ca, cb = offense_charges(a.offense, (), stopwords), offense_charges(b.offense, (), stopwords)
    printed = difflib.SequenceMatcher(None, " | ".join(ca), " | ".join(cb)).ratio()
    ordered = difflib.SequenceMatcher(None, " | ".join(sorted(ca)), " | ".join(sorted(cb))).ratio()
    return max(printed, ordered)


def carried_over(old: Record, new: Record, spec: DiffSpec) -> tuple[list[CarriedOver], list[int]]:
    """Each person the old report left pending, matched to the new carry-over table."""
    pending = [
        (name, row)
        for name in spec.pending_tables
        for row in _rows(old, name)
        if row.status == "pending"
    ]
    targets = _rows(new, spec.carryover_table) if spec.carryover_table else []
    stop = spec.offense_stopwords
    sim = [[offense_similarity(row, t, stop) for t in targets] for _, row in pending]
    pairs = align(sim, MATCH_THRESHOLD) if targets else {}
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
