"""The trial histories and the sentencing table for people (text, markdown) and tools (JSON,
CSV): `annualcheck trials`.

Why the sentencing table comes first in the text form: it is what most readers came for (how
many of the convicted went to prison); the persons follow, one line each, with their steps.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from annualcheck.model.json_text import indented_json
from annualcheck.model.record import TrialSentence
from annualcheck.render.common import md_escape, plural
from annualcheck.trials.history import Person, TrialEvent
from annualcheck.trials.rows import PERSON_COLUMNS, person_rows, trials_document
from annualcheck.trials.sentencing import Sentencing, TermStats
from annualcheck.trials.series import Trials

TRIALS_FORMATS = ("text", "json", "csv", "markdown")

SENTENCING_HEADERS = ["report", "covers", "table", "persons", "convicted", "prison",
                      "suspended (prob.)", "fine only", "with fine", "acquitted", "pending",
                      "prison months: median (range)", "suspension years: median (range)",
                      "text agrees"]  # fmt: skip
PERSON_HEADERS = ["id", "offense", "laws", "history", "final status", "reports pending"]


def months_text(months: int | None) -> str:
    """30 -> "2y6m", 24 -> "2y", 10 -> "10m"."""
    if not months:
        return "-"
    y, m = divmod(months, 12)
    return (f"{y}y" if y else "") + (f"{m}m" if m else "")


def sentence_text(s: TrialSentence | None) -> str:
    """A parsed sentence in a few words: "2y6m prison, suspended 4y, probation, ¥300,000 fine"."""
    if s is None:
        return ""
    parts = []
    if s.prison_months:
        parts.append(f"{months_text(s.prison_months)} prison")
    if s.suspended_years:
        parts.append(f"suspended {s.suspended_years}y")
    if s.probation:
        parts.append("probation")
    if s.fine_yen:
        parts.append(f"¥{s.fine_yen:,} fine")
    return ", ".join(parts)


def step_text(e: TrialEvent) -> str:
    """ "2020 T3 #3 pending (p. 14)" or "2021 T3 #11 2y prison, suspended 4y (p. 12)": report year,
    table label as printed, row, result, page."""
    what = sentence_text(e.sentence) if e.status == "convicted" else e.status
    sim = f", match {e.confidence:.2f}" if e.confidence is not None and e.confidence < 1 else ""
    return f"{e.report_year} {e.label} #{e.row} {what} (p. {e.page}{sim})"


def _stats(stats: TermStats, fmt=str) -> str:
    if not stats.count:
        return "-"
    if stats.min == stats.max:
        return fmt(stats.min)
    if float(stats.median).is_integer():
        median = fmt(int(stats.median))
    else:  # the mean of the middle two of an even count: say it in the smallest unit
        median = f"{stats.median:g}" + ("m" if fmt is months_text else "")
    return f"{median} ({fmt(stats.min)}–{fmt(stats.max)})"


def _agrees(s: Sentencing) -> str:
    return {True: "yes", False: "NO", None: "-"}[s.agrees]


def sentencing_table(trials: Trials) -> list[list[str]]:
    """One row per report and trial table, the main table first."""
    rows = []
    for y in trials.sentencing:
        for s in (y.main, y.carried_over):
            if s is None:
                continue
            rows.append([
                str(y.report_year), str(y.data_year), s.label, str(s.persons), str(s.convicted),
                str(s.prison), f"{s.suspended} ({s.suspended_probation})", str(s.fine_only),
                str(s.with_fine), str(s.acquitted), str(s.pending),
                _stats(s.prison_months, months_text), _stats(s.suspension_years), _agrees(s),
            ])  # fmt: skip
    return rows


def person_table(persons: Sequence[Person]) -> list[list[str]]:
    return [
        [p.id, p.offense, "; ".join(p.laws), " → ".join(step_text(e) for e in p.history),
         p.final_status, str(p.reports_pending)]
        for p in persons
    ]  # fmt: skip


def summary_line(trials: Trials) -> str:
    counts = Counter(p.final_status for p in trials.persons)
    parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    years = trials.report_years
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "-")
    return (
        f"{plural(len(trials.persons), 'person')} over {plural(len(years), 'report')} ({span})"
        + (f": {parts}" if parts else "")
    )


def _columns(rows: list[list[str]], headers: list[str], limits: dict[int, int]) -> list[str]:
    def clip(i: int, text: str) -> str:
        limit = limits.get(i)
        return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"

    rows = [[clip(i, c) for i, c in enumerate(r)] for r in rows]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    line = lambda cells: "  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    return [line(headers).rstrip(), *(line(r).rstrip() for r in rows)]


def _law_lines(trials: Trials) -> list[str]:
    out = []
    for y in trials.sentencing:
        if y.main and y.main.laws:
            laws = ", ".join(f"{law} {n}" for law, n in y.main.laws.items())
            out.append(f"  {y.report_year} ({y.main.label}): {laws}")
    return out


def trials_text(trials: Trials) -> str:
    lines = [f"TRIALS  {summary_line(trials)}", "", "SENTENCING (persons by category; "
             "the carry-over table's verdicts apart, never added to the year's)"]  # fmt: skip
    table = sentencing_table(trials)
    lines += _columns(table, SENTENCING_HEADERS, {}) if table else ["  no trial tables"]
    lines += ["", "CHARGES BY LAW (persons charged under each)", *_law_lines(trials)]
    lines += ["", "PERSONS (history: report, table, row, result, PDF page)"]
    persons = person_table(trials.persons)
    lines += _columns(persons, PERSON_HEADERS, {1: 48, 2: 40}) if persons else ["  none"]
    if trials.findings:
        lines += ["", "FINDINGS (table-count, carryover)"]
        lines += [
            f"  {f.report_year} {f.severity:<7} {f.rule:<11} {f.message}" for f in trials.findings
        ]
    return "\n".join(lines)


def _md_table(headers: list[str], rows: Iterable[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(md_escape(c) for c in r) + " |" for r in rows]
    return out


def trials_markdown(trials: Trials) -> str:
    lines = ["# Trials", "", md_escape(summary_line(trials)), "", "## Sentencing", ""]
    lines += _md_table(SENTENCING_HEADERS, sentencing_table(trials))
    lines += [
        "",
        "## Charges by law",
        "",
        *(f"- {md_escape(x.strip())}" for x in _law_lines(trials)),
    ]
    lines += ["", "## Persons", ""]
    lines += _md_table(PERSON_HEADERS, person_table(trials.persons))
    if trials.findings:
        lines += ["", "## Findings", ""]
        lines += [f"- {f.report_year} **{f.severity}** `{f.rule}`: {md_escape(f.message)}"
                  for f in trials.findings]  # fmt: skip
    return "\n".join(lines)


def csv_text(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buf.getvalue()


def render_trials(trials: Trials, fmt: str = "text") -> str:
    """The trials of a series as `fmt`; csv gives one row a person (the folder output of the
    command adds the history steps and the sentencing table)."""
    if fmt == "json":
        return indented_json(trials_document(trials))
    if fmt == "text":
        return trials_text(trials)
    if fmt == "markdown":
        return trials_markdown(trials)
    if fmt == "csv":
        return csv_text(PERSON_COLUMNS, person_rows(trials)).rstrip("\n")
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(TRIALS_FORMATS)}")
