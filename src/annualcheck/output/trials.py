"""Writing `annualcheck trials`: one document to stdout or a file, or CSV tables to a folder.

Why a folder for CSV: a person and a step of their history are two shapes (one row a person,
one row a step), and the sentencing table a third; a spreadsheet wants each as its own file.
Every file is written atomically (iosafe).
"""

from __future__ import annotations

import sys
from pathlib import Path

from annualcheck.output.iosafe import atomic_write_text
from annualcheck.render.trials import csv_text, render_trials
from annualcheck.trials.rows import (
    EVENT_COLUMNS,
    PERSON_COLUMNS,
    SENTENCING_COLUMNS,
    event_rows,
    person_rows,
    sentencing_rows,
)
from annualcheck.trials.series import Trials

#: File names of the CSV folder output.
CSV_FILES = ("trials.csv", "trial_events.csv", "trial_sentencing.csv")


def is_folder_output(output: Path) -> bool:
    """A folder when it is one already, or a path without a file extension."""
    return output.is_dir() or (not output.exists() and output.suffix == "")


def write_trials(trials: Trials, fmt: str, output: str | Path | None) -> list[Path]:
    """Write the trials as `fmt` to `output` (None = stdout); CSV into a folder writes one
    file a table. Returns the files written."""
    if output is None:
        sys.stdout.write(render_trials(trials, fmt) + "\n")
        return []
    output = Path(output)
    if fmt != "csv" or not is_folder_output(output):
        atomic_write_text(output, render_trials(trials, fmt) + "\n")
        return [output]
    output.mkdir(exist_ok=True)
    tables = (
        (PERSON_COLUMNS, person_rows(trials)),
        (EVENT_COLUMNS, event_rows(trials)),
        (SENTENCING_COLUMNS, sentencing_rows(trials)),
    )
    written = []
    for name, (columns, rows) in zip(CSV_FILES, tables, strict=True):
        atomic_write_text(output / name, csv_text(columns, rows))
        written.append(output / name)
    return written
