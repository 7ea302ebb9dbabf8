"""table-count and carryover: the trial tables against the text and against the previous report.

table-count: a trial table's rows and statuses against the narrative counts of them ("32 were
... 23 found guilty ... the remaining nine pending"), and its rows numbered 1..N.

carryover: the carry-over table lists the persons the previous report left pending (the
pending rows of the profile's `pending_sources`, in document order): same count, offenses
matched one to one (`checks.trial_match`, the tool's one notion of "the same person"), order
kept; and the
carry-over table against its own narrative ("of the six persons ... three have been found
guilty, while the rest of three ...").
"""

from __future__ import annotations

import re
from collections import Counter

from annualcheck.checks._common import (
    ev_figure,
    ev_record,
    ev_row,
    ev_table,
    finding,
    fmt,
    page_ref,
    parse_count,
    shorten,
)
from annualcheck.checks.trial_match import MATCH_THRESHOLD, RowMatch, match_offenses
from annualcheck.model.findings import Evidence, Finding
from annualcheck.model.record import VECTOR_BUDGET_NOTE, Record, TableRow
from annualcheck.profiles.spec.checks import ChecksSpec, TrialTable

COUNT_RULE = "table-count"
CARRY_RULE = "carryover"


def _rows(record: Record, name: str) -> list[TableRow] | None:
    table = record.tables.get(name)
    if table is None:
        return None
    return [r for r in table.rows if isinstance(r, TableRow)]


def _numbering(record: Record, tt: TrialTable, rows: list[TableRow], rule: str) -> list[Finding]:
    """Rows numbered 1..N without gaps or repeats."""
    nos = [r.no for r in rows]
    if nos == list(range(1, len(nos) + 1)):
        return []
    repeats = sorted(n for n, c in Counter(nos).items() if c > 1)
    missing = sorted(set(range(1, max(nos, default=0) + 1)) - set(nos))
    what = []
    if missing:
        what.append("missing " + ", ".join(map(str, missing)))
    if repeats:
        what.append("repeated " + ", ".join(map(str, repeats)))
    if not what:
        what.append("out of order")
    return [finding(
        rule, "error", record,
        f"{tt.label}: rows are not numbered 1 to {len(nos)} ({'; '.join(what)})"
        f"{page_ref(record.tables[tt.name].page)}",
        key=f"{tt.name}.numbering", expected=list(range(1, len(nos) + 1)), actual=nos,
        evidence=(ev_table(record, tt.name),),
    )]  # fmt: skip


def _caption_count(record: Record, tt: TrialTable, spec: ChecksSpec) -> int | None:
    """The count the table's own caption gives ("the 32 persons")."""
    table = record.tables[tt.name]
    for subject in spec.caption_subjects:
        if subject.table != tt.name:
            continue
        for m in re.finditer(subject.pattern, table.caption.lower()):
            if (n := parse_count(m.group("n"))) is not None:
                return n
    return None


def _against_text(record: Record, tt: TrialTable, rows: list[TableRow], rule: str, spec):
    """Row count and status counts against the narrative figures; the row count against the
    caption's count when the narrative gives none."""
    period = str(record.report.data_year)
    out: list[Finding] = []
    if record.figure(tt.rows_key, period) is None and record.figure(tt.rows_key) is None:
        n = _caption_count(record, tt, spec)
        if n is not None and n != len(rows):
            out.append(finding(
                rule, "error", record,
                f"{tt.label} has {len(rows)} rows, its caption counts {n}"
                f"{page_ref(record.tables[tt.name].page)}",
                key=tt.rows_key, expected=n, actual=len(rows),
                evidence=(ev_table(record, tt.name),),
            ))  # fmt: skip
    counts = Counter(r.status for r in rows)
    checks = [(tt.rows_key, len(rows), "rows")]
    checks += [
        (key, counts.get(status, 0), f"{status} rows") for status, key in tt.status_keys.items()
    ]
    for key, got, what in checks:
        fig = record.figure(key, period) or record.figure(key)
        if fig is None or fig.value == got:
            continue
        examples = [r for r in rows if what == "rows" or r.status == what.split()[0]]
        out.append(finding(
            rule, "error", record,
            f"{tt.label} has {got} {what}, the text gives {key} = {fmt(fig.value)}"
            f"{page_ref(record.tables[tt.name].page, fig.page)}",
            key=key, expected=fig.value, actual=got,
            evidence=(ev_table(record, tt.name), ev_figure(record, fig),
                      *(ev_row(record, tt.label, r) for r in examples[:3])),
        ))  # fmt: skip
    return out


def check_table_reading(record: Record) -> list[Finding]:
    """A warning for each table whose page drew too much to search for its rules: it was read
    from its words, which can split or join cells differently, so its rows deserve a look
    before any count built on them is trusted."""
    out: list[Finding] = []
    for name, table in record.tables.items():
        report = table.parse_report
        for note in report.notes if report else []:
            if note.startswith(VECTOR_BUDGET_NOTE):
                out.append(finding(
                    COUNT_RULE, "warning", record,
                    f"{table.label}: read from its words, not its rules ({note})"
                    f"{page_ref(table.page)}",
                    key=f"{name}.reading", expected=None, actual=report.strategy,
                    evidence=(ev_table(record, name),),
                ))  # fmt: skip
    return out


def check_table_counts(record: Record, spec: ChecksSpec) -> list[Finding]:
    out: list[Finding] = []
    for tt in spec.trial_tables:
        rows = _rows(record, tt.name)
        if rows is None:
            continue
        out.extend(_against_text(record, tt, rows, COUNT_RULE, spec))
        out.extend(_numbering(record, tt, rows, COUNT_RULE))
    return out


def pending_persons(record: Record, spec: ChecksSpec) -> list[tuple[str, TableRow]]:
    """The persons a report leaves pending, in document order: (table label, row)."""
    out = []
    for name in spec.pending_sources:
        table = record.tables.get(name)
        for row in _rows(record, name) or []:
            if row.status == "pending":
                out.append((table.label, row))
    return out


def match_pending(
    prev: list[tuple[str, TableRow]], rows: list[TableRow], filler: tuple[str, ...]
) -> RowMatch:
    """The persons a report left pending (`pending_persons`) paired with the rows of the next
    carry-over table (`checks.trial_match.match_offenses`). Public because the person
    histories (`annualcheck.trials.history`) and the change report follow people by exactly
    this matching: a person they lose is one this rule reports, never another."""
    return match_offenses([p.offense for _, p in prev], [r.offense for r in rows], filler)


def _carry_evidence(record: Record, label: str, row: TableRow) -> Evidence:
    return ev_row(record, label, row)


def check_carryover(record: Record, previous: Record | None, spec: ChecksSpec) -> list[Finding]:
    tt = spec.carryover_table
    if tt is None:
        return []
    rows = _rows(record, tt.name)
    out: list[Finding] = []
    if rows is not None:
        out.extend(_against_text(record, tt, rows, CARRY_RULE, spec))
        out.extend(_numbering(record, tt, rows, CARRY_RULE))
    year = record.report.report_year
    if previous is None:
        if rows is not None:
            out.append(finding(
                CARRY_RULE, "info", record,
                f"{tt.label} not checked against the persons report {year - 1} left pending: "
                f"that report is not in the series",
                key=tt.rows_key, expected=None, actual=len(rows),
                evidence=(ev_table(record, tt.name),),
            ))  # fmt: skip
        return out
    prev = pending_persons(previous, spec)
    prev_year = previous.report.report_year
    if rows is None:
        if prev:
            out.append(finding(
                CARRY_RULE, "warning", record,
                f"Report {prev_year} left {len(prev)} persons pending trial, but no {tt.label} "
                f"listing them was found in report {year}",
                key=tt.rows_key, expected=len(prev), actual=None,
                evidence=(ev_record(record, f"no {tt.label}"),
                          *(_carry_evidence(previous, lb, r) for lb, r in prev[:3])),
            ))  # fmt: skip
        return out
    table_ev = ev_table(record, tt.name)
    match = match_pending(prev, rows, spec.offense_filler)
    assignment, sims = match.assignment, match.sims
    unmatched_prev = [i for i in range(len(prev)) if i not in assignment]
    taken = set(assignment.values())
    unmatched_new = [j for j in range(len(rows)) if j not in taken]
    if len(rows) != len(prev):
        names = [f"{prev[i][0]} row {prev[i][1].no} ({shorten(prev[i][1].offense, 60)})"
                 for i in unmatched_prev]  # fmt: skip
        names += [f"new row {rows[j].no} ({shorten(rows[j].offense, 60)})" for j in unmatched_new]
        out.append(finding(
            CARRY_RULE, "error", record,
            f"{tt.label} lists {len(rows)} persons, report {prev_year} left {len(prev)} pending "
            f"trial" + (f"; unmatched: {'; '.join(names)}" if names else "")
            + page_ref(record.tables[tt.name].page),
            key=tt.rows_key, expected=len(prev), actual=len(rows),
            evidence=(table_ev, *(_carry_evidence(previous, lb, r) for lb, r in prev)),
        ))  # fmt: skip
    good: list[tuple[int, int]] = []
    for i, j in sorted(assignment.items()):
        label, person = prev[i]
        row = rows[j]
        if match.same(i) == j:
            good.append((i, j))
            continue
        out.append(finding(
            CARRY_RULE, "error", record,
            f"{tt.label} row {row.no} ({row.offense!r}) does not match the person report "
            f"{prev_year} left pending in its {label} row {person.no} ({person.offense!r}); "
            f"similarity {sims[i][j]:.2f} < {MATCH_THRESHOLD}"
            f"{page_ref(row.pages[0] if row.pages else None)}",
            key="carryover.offense", expected=person.offense, actual=row.offense,
            evidence=(ev_row(record, tt.label, row), _carry_evidence(previous, label, person)),
        ))  # fmt: skip
    order = [rows[j].no for _, j in good]
    if order != sorted(order):
        expected = sorted(order)
        moved = [(k, n, e) for k, (n, e) in enumerate(zip(order, expected, strict=True)) if n != e]
        out.append(finding(
            CARRY_RULE, "error", record,
            f"{tt.label} lists the persons of report {prev_year} in another order: "
            + ", ".join(f"row {n} holds the person expected in row {e}" for _, n, e in moved)
            + page_ref(record.tables[tt.name].page),
            key="carryover.order", expected=expected, actual=order,
            evidence=(table_ev,
                      *(ev_row(record, tt.label, rows[good[k][1]]) for k, _, _ in moved),
                      *(_carry_evidence(previous, *prev[good[k][0]]) for k, _, _ in moved)),
        ))  # fmt: skip
    return out
