"""The trial histories as tables: `trials` (one row a person) and `trial_events` (one row a
step of a history), for the SQLite export and as pandas data frames for the Python API.

Why two tables: a person has one final status but several steps (pending in one report,
decided in the next); a reader joins them on `trials.id = trial_events.person_id`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from annualcheck.model.record import Record
from annualcheck.trials.rows import EVENT_COLUMNS, PERSON_COLUMNS, event_rows, person_rows
from annualcheck.trials.series import Trials, build_trials

_INTEGER = {"first_report_year", "reports_pending", "steps", "last_report_year", "prison_months",
            "suspended_years", "fine_yen", "step", "report_year", "data_year", "row", "page"}  # fmt: skip
_BOOLEAN = {"probation"}
_FLOAT = {"confidence"}
_NOT_NULL = {"id", "person_id", "step", "report_year", "final_status"}


def _sql_type(column: str) -> str:
    kind = "INTEGER" if column in _INTEGER | _BOOLEAN else "REAL" if column in _FLOAT else "TEXT"
    return f'"{column}" {kind}' + (" NOT NULL" if column in _NOT_NULL else "")


def trial_tables(trials: Trials) -> dict[str, tuple[tuple[str, ...], list[dict[str, Any]]]]:
    """Name -> (columns, rows) of each trials table, for any exporter (SQLite, CSV, a data
    package)."""
    return {
        "trials": (PERSON_COLUMNS, person_rows(trials)),
        "trial_events": (EVENT_COLUMNS, event_rows(trials)),
    }


def write_trials_sqlite(con: sqlite3.Connection, trials: Trials) -> None:
    """Create and fill the `trials` and `trial_events` tables in an open database."""
    for name, (columns, rows) in trial_tables(trials).items():
        con.execute(f"CREATE TABLE {name} ({', '.join(_sql_type(c) for c in columns)})")
        marks = ", ".join("?" * len(columns))
        con.executemany(
            f"INSERT INTO {name} VALUES ({marks})", [tuple(r[c] for c in columns) for r in rows]
        )
    con.execute("CREATE INDEX trial_events_person ON trial_events (person_id, step)")


def _frame(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> Any:
    """Nullable typed columns, so a month count stays an integer beside missing ones."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(columns))
    for col in df.columns:
        if col in _INTEGER:
            df[col] = pd.to_numeric(df[col]).astype("Int64")
        elif col in _BOOLEAN:
            df[col] = df[col].astype("boolean")
        elif col in _FLOAT:
            df[col] = pd.to_numeric(df[col]).astype("Float64")
        else:
            df[col] = df[col].astype("string")
    return df


def trials_frame(records: Iterable[Record], *, profile: Any, events: bool = False) -> Any:
    """The persons of a series as a pandas DataFrame (one row a person), or with
    `events=True` their history steps (one row a step). The Python API's `trials_df()`."""
    trials = build_trials(records, profile=profile)
    name = "trial_events" if events else "trials"
    return _frame(*trial_tables(trials)[name])
