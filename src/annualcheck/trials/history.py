"""Every person tried in a series followed from report to report until a verdict.

Why here, between the checks and the diff: a person's history is built from the same
matching the `carryover` rule checks (`checks.tables.match_pending`, the tool's one matcher
`checks.trial_match` and its threshold), so the history, the change report and the findings
never disagree about who is who: a person the
history loses, or a carry-over row it cannot place, is exactly what that rule reports. The
tables carry no names, so a person is identified by where they first appear: the report
year and the row number of the table of persons tried.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annualcheck.checks.tables import match_pending, pending_persons
from annualcheck.model.record import Record, TableRow, TrialSentence
from annualcheck.profiles.spec.checks import ChecksSpec, TrialTable
from annualcheck.profiles.spec.trials import TrialsSpec
from annualcheck.trials.laws import laws_of

#: Final status of a person still pending when the next report of the series does not list them.
LOST = "lost"


@dataclass
class TrialEvent:
    """One row of one report about one person."""

    report_year: int
    data_year: int
    table: str  # record key of the table (the profile's name for it)
    label: str  # as printed in the report
    row: int
    offense: str
    result: str
    status: str
    sentence: TrialSentence | None
    page: int | None
    file: str
    confidence: float | None = None  # offense similarity to the step before; None for the first


@dataclass
class Person:
    id: str
    offense: str
    charges: list[str]
    laws: list[str]
    history: list[TrialEvent] = field(default_factory=list)
    final_status: str = "pending"
    reports_pending: int = 0
    note: str | None = None


def _rows(record: Record, name: str) -> list[TableRow]:
    table = record.tables.get(name)
    return [r for r in (table.rows if table else []) if isinstance(r, TableRow)]


def event_of(record: Record, name: str, row: TableRow, confidence: float | None = None):
    """A table row as a step of a history."""
    table = record.tables[name]
    return TrialEvent(
        report_year=record.report.report_year,
        data_year=record.report.data_year,
        table=name,
        label=table.label,
        row=row.no,
        offense=row.offense,
        result=row.result,
        status=row.status,
        sentence=row.sentence,
        page=row.pages[0] if row.pages else table.page,
        file=record.source.file,
        confidence=None if confidence is None else round(confidence, 3),
    )


def person_id(record: Record, name: str, row: TableRow, first_table: str) -> str:
    """ "2020-7": row 7 of report 2020's table of persons tried; a carry-over row nobody
    before it accounts for gets its table in the id ("2019-<table key>-2")."""
    year = record.report.report_year
    return f"{year}-{row.no}" if name == first_table else f"{year}-{name}-{row.no}"


def _new_person(record: Record, name: str, row: TableRow, first_table: str, spec: TrialsSpec):
    return Person(
        id=person_id(record, name, row, first_table),
        offense=row.offense,
        charges=list(row.charges),
        laws=laws_of(row.charges or [row.offense], spec),
        history=[event_of(record, name, row)],
    )


def _finish(person: Person, last_year: int, next_missing: bool) -> None:
    """Final status and pending count once the series has been walked."""
    last = person.history[-1]
    person.reports_pending = sum(e.status == "pending" for e in person.history)
    if last.status != "pending":
        person.final_status = last.status
    elif last.report_year == last_year:
        person.final_status = "pending"
        person.note = person.note or "still pending in the last report of the series"
    elif next_missing:
        person.final_status = "pending"
        person.note = f"report {last.report_year + 1} is not in the series: not followed further"
    else:
        person.final_status = LOST
        person.note = (
            f"pending in report {last.report_year}, not listed in report "
            f"{last.report_year + 1}'s carry-over table"
        )


def _carry_table(checks: ChecksSpec) -> TrialTable | None:
    return checks.carryover_table


def build_persons(records: Iterable[Record], checks: ChecksSpec, spec: TrialsSpec) -> list[Person]:
    """Every person of every report's table of persons tried, and every carry-over row that no
    pending person of the report before accounts for, each with their history.

    A person pending in report N is looked for in report N+1's carry-over table by the
    carryover rule's matching; below its threshold (`checks.trial_match.MATCH_THRESHOLD`)
    they are not the same person (the rule reports the pair). Persons are returned in order of first appearance.
    """
    records: Sequence[Record] = sorted(records, key=lambda r: r.report.report_year)
    if not records:
        return []
    first_table = checks.trial_tables[0].name if checks.trial_tables else None
    carry = _carry_table(checks)
    by_year = {r.report.report_year: r for r in records}
    persons: list[Person] = []
    #: (report year, table label, row number) of a pending row -> the person it is
    open_rows: dict[tuple[int, str, int], Person] = {}

    for record in records:
        year = record.report.report_year
        previous = by_year.get(year - 1)
        touched: list[Person] = []  # persons with a step in this report
        fresh: list[Person] = []  # persons first seen in this report
        if carry is not None and carry.name in record.tables:
            rows = _rows(record, carry.name)
            placed: set[int] = set()
            if previous is not None:
                prev = pending_persons(previous, checks)
                match = match_pending(prev, rows, checks.offense_filler)
                for i, j in match.pairs().items():
                    label, old = prev[i]
                    person = open_rows.get((year - 1, label, old.no))
                    if person is None:
                        continue
                    person.history.append(event_of(record, carry.name, rows[j], match.sims[i][j]))
                    placed.add(j)
                    touched.append(person)
            for j, row in enumerate(rows):
                if j in placed:
                    continue
                person = _new_person(record, carry.name, row, first_table, spec)
                person.note = (
                    f"carried over from report {year - 1}, which is not in the series"
                    if previous is None
                    else f"no person report {year - 1} left pending matches this row"
                )
                fresh.append(person)
        fresh += [_new_person(record, first_table, row, first_table, spec)
                  for row in (_rows(record, first_table) if first_table else [])]  # fmt: skip
        persons += fresh
        touched += fresh
        for person in touched:
            last = person.history[-1]
            if last.status == "pending":
                open_rows[(year, record.tables[last.table].label, last.row)] = person

    last_year = records[-1].report.report_year
    for person in persons:
        next_year = person.history[-1].report_year + 1
        _finish(person, last_year, next_missing=next_year not in by_year)
    return sorted(persons, key=_first_seen)


def _first_seen(person: Person) -> tuple[int, int, int]:
    """Report order; within a report, the table of persons tried before orphaned carry-over rows."""
    first = person.history[0]
    return (first.report_year, 0 if "-table" not in person.id else 1, first.row)
