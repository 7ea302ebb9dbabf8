"""The trial histories as plain rows and documents: the JSON schema `annualcheck/trials@1`,
one row a person, one row a history step, one row a report's sentencing.

Why one place: the `trials` command (JSON, CSV), the export (SQLite tables `trials` and
`trial_events`), the site and the Python API's data frame must show the same columns with the
same names; each takes its rows from here.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from annualcheck.model.record import TrialSentence
from annualcheck.trials.history import Person, TrialEvent
from annualcheck.trials.sentencing import Sentencing, YearSentencing
from annualcheck.trials.series import SCHEMA, Trials

PERSON_COLUMNS = (
    "id",
    "first_report_year",
    "offense",
    "charges",
    "laws",
    "final_status",
    "reports_pending",
    "steps",
    "last_report_year",
    "last_result",
    "prison_months",
    "suspended_years",
    "probation",
    "fine_yen",
    "note",
)
EVENT_COLUMNS = (
    "person_id",
    "step",
    "report_year",
    "data_year",
    "table",
    "label",
    "row",
    "offense",
    "result",
    "status",
    "prison_months",
    "suspended_years",
    "probation",
    "fine_yen",
    "page",
    "file",
    "confidence",
)
SENTENCING_COLUMNS = (
    "report_year",
    "data_year",
    "table",
    "persons",
    "convicted",
    "prison",
    "suspended",
    "suspended_probation",
    "suspended_no_probation",
    "fine_only",
    "with_fine",
    "unknown_sentence",
    "acquitted",
    "pending",
    "other",
    "prison_months_median",
    "prison_months_min",
    "prison_months_max",
    "unsuspended_months_median",
    "suspension_years_median",
    "suspension_years_min",
    "suspension_years_max",
    "stated_persons",
    "stated_convicted",
    "stated_pending",
    "agrees",
)


def _whole(value: Any) -> Any:
    """28.0 -> 28 (the text's counts are stored as floats)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def sentence_dict(s: TrialSentence | None) -> dict[str, Any] | None:
    return None if s is None else asdict(s)


def event_dict(e: TrialEvent) -> dict[str, Any]:
    return {
        "report_year": e.report_year,
        "data_year": e.data_year,
        "table": e.table,
        "label": e.label,
        "row": e.row,
        "offense": e.offense,
        "result": e.result,
        "status": e.status,
        "sentence": sentence_dict(e.sentence),
        "page": e.page,
        "file": e.file,
        "confidence": e.confidence,
    }


def person_dict(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "offense": p.offense,
        "charges": list(p.charges),
        "laws": list(p.laws),
        "history": [event_dict(e) for e in p.history],
        "final_status": p.final_status,
        "reports_pending": p.reports_pending,
        "note": p.note,
    }


def sentencing_dict(s: Sentencing | None) -> dict[str, Any] | None:
    if s is None:
        return None
    out = asdict(s)
    out["stated"] = {k: _whole(v) for k, v in s.stated.items()}
    return out


def year_dict(y: YearSentencing) -> dict[str, Any]:
    """One report's entry: the main table's categories at the top level, the carry-over table's
    verdicts apart under `carried_over`."""
    main = sentencing_dict(y.main) or {}
    return {
        "report_year": y.report_year,
        "data_year": y.data_year,
        **main,
        "carried_over": sentencing_dict(y.carried_over),
    }


def trials_document(trials: Trials) -> dict[str, Any]:
    """The JSON document of `annualcheck trials --format json`."""
    return {
        "schema": SCHEMA,
        "report_years": list(trials.report_years),
        "persons": [person_dict(p) for p in trials.persons],
        "sentencing": [year_dict(y) for y in trials.sentencing],
        "findings": [f.to_dict() for f in trials.findings],
    }


def _sentence_columns(s: TrialSentence | None) -> dict[str, Any]:
    return {
        "prison_months": s.prison_months if s else None,
        "suspended_years": s.suspended_years if s else None,
        "probation": bool(s.probation) if s else None,
        "fine_yen": s.fine_yen if s else None,
    }


def person_rows(trials: Trials) -> list[dict[str, Any]]:
    """One flat row a person; the sentence columns are those of their last step."""
    out = []
    for p in trials.persons:
        first, last = p.history[0], p.history[-1]
        out.append(
            {
                "id": p.id,
                "first_report_year": first.report_year,
                "offense": p.offense,
                "charges": "; ".join(p.charges),
                "laws": "; ".join(p.laws),
                "final_status": p.final_status,
                "reports_pending": p.reports_pending,
                "steps": len(p.history),
                "last_report_year": last.report_year,
                "last_result": last.result,
                **_sentence_columns(last.sentence),
                "note": p.note,
            }
        )
    return out


def event_rows(trials: Trials) -> list[dict[str, Any]]:
    """One flat row a history step, numbered from 1 within its person."""
    out = []
    for p in trials.persons:
        for step, e in enumerate(p.history, start=1):
            row = {"person_id": p.id, "step": step, **event_dict(e)}
            del row["sentence"]
            row.update(_sentence_columns(e.sentence))
            out.append(row)
    return out


def sentencing_rows(trials: Trials) -> list[dict[str, Any]]:
    """One flat row per report and trial table (the main table, then the carry-over one)."""
    out = []
    for y in trials.sentencing:
        for s in (y.main, y.carried_over):
            if s is None:
                continue
            row = {"report_year": y.report_year, "data_year": y.data_year}
            row.update({c: getattr(s, c) for c in SENTENCING_COLUMNS if hasattr(s, c)})
            row["table"] = s.table
            for name in ("prison_months", "unsuspended_months", "suspension_years"):
                stats = getattr(s, name)
                row[f"{name}_median"] = stats.median
                row[f"{name}_min"] = stats.min
                row[f"{name}_max"] = stats.max
            for what in ("persons", "convicted", "pending"):
                row[f"stated_{what}"] = _whole(s.stated.get(what))
            out.append({c: row.get(c) for c in SENTENCING_COLUMNS})
    return out
