"""Writing one record for `annualcheck extract`: JSON, or CSV tables, to stdout, a file or a folder.

JSON is the contract's record. CSV is for spreadsheets: one row a figure, and, when the
output is a folder, one CSV per table beside `figures.csv`. Every file is written
atomically (iosafe), so an interrupted run never leaves half a CSV.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from annualcheck.model.record import CellsRow, InitiativeRow, Record, TableRow
from annualcheck.output.iosafe import atomic_write_text, is_stdout
from annualcheck.profiles.spec import Profile

TRIAL_COLUMNS = [
    "report_year",
    "table",
    "no",
    "offense",
    "charges",
    "result",
    "status",
    "prison_months",
    "suspended_years",
    "probation",
    "fine_yen",
    "pages",
    "joined",
]
INITIATIVE_COLUMNS = ["report_year", "table", "date", "text", "pages"]


def table_rows(
    record: Record, name: str, shape: str = "trial", names: tuple[str, ...] = ()
) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns and flat rows of one table; `shape` is its `TableKind.kind` ("initiatives":
    dated entries, "trial": numbered trial results, "columns": the cells under `names`)."""
    table = record.tables.get(name)
    year = record.report.report_year
    if shape == "columns":
        columns = ["report_year", "table", *names, "pages"]
    else:
        columns = INITIATIVE_COLUMNS if shape == "initiatives" else TRIAL_COLUMNS
    rows: list[dict[str, Any]] = []
    for row in table.rows if table else []:
        pages = " ".join(str(p) for p in getattr(row, "pages", []))
        if isinstance(row, CellsRow):
            rows.append({"report_year": year, "table": name, **row.cells, "pages": pages})
        elif isinstance(row, InitiativeRow):
            rows.append(
                {
                    "report_year": year,
                    "table": name,
                    "date": row.date,
                    "text": row.text,
                    "pages": pages,
                }
            )
        elif isinstance(row, TableRow):
            s = row.sentence
            rows.append(
                {
                    "report_year": year,
                    "table": name,
                    "no": row.no,
                    "offense": row.offense,
                    "charges": "; ".join(row.charges),
                    "result": row.result,
                    "status": row.status,
                    "prison_months": s.prison_months if s else None,
                    "suspended_years": s.suspended_years if s else None,
                    "probation": s.probation if s else None,
                    "fine_yen": s.fine_yen if s else None,
                    "pages": pages,
                    "joined": row.joined,
                }
            )
    return columns, rows


def _csv_text(columns: list[str], rows: list[dict[str, Any]]) -> str:
    import pandas as pd

    from annualcheck.output.export import to_csv_text

    frame = pd.DataFrame(rows, columns=columns)
    # Nullable integers so "page 9" stays "9", not "9.0", when some rows lack a value.
    for col in ("page", "printed_page", "no", "prison_months", "suspended_years", "fine_yen"):
        if col in frame:
            frame[col] = frame[col].astype("Int64")
    return to_csv_text(frame)


def _is_folder_output(output: Path) -> bool:
    """A CSV output is a folder when it is one already, or when it has no file extension."""
    return output.is_dir() or (not output.exists() and output.suffix == "")


def write_record(
    record: Record, fmt: str, output: str | Path | None, *, profile: Profile
) -> list[Path]:
    """Write `record` as `fmt` ("json" or "csv") to `output` (None = stdout).

    With CSV and a folder (existing, or a path without extension, created here), writes
    figures.csv and one CSV per table of the profile (`<key>.csv`). Returns the files written.
    `-` is stdout, like None.
    """
    if is_stdout(output):
        output = None
    if fmt == "json":
        text = record.to_json() + "\n"
        if output is None:
            sys.stdout.write(text)
            return []
        atomic_write_text(output, text)
        return [Path(output)]
    if fmt != "csv":
        raise ValueError(f"unknown record format {fmt!r}")
    # The same tidy figure table as `annualcheck export`, for one report (the export module,
    # with pandas and sqlite3, is imported only for CSV: JSON is most extracts).
    from annualcheck.output.export import figures_frame, to_csv_text

    figures_csv = to_csv_text(figures_frame([record]))
    if output is None:
        sys.stdout.write(figures_csv)
        return []
    output = Path(output)
    if not _is_folder_output(output):
        atomic_write_text(output, figures_csv)
        return [output]
    output.mkdir(exist_ok=True)
    written = [output / "figures.csv"]
    atomic_write_text(written[0], figures_csv)
    for kind in sorted(profile.tables.kinds, key=lambda k: k.key):
        target = output / f"{kind.key}.csv"
        atomic_write_text(target, _csv_text(*table_rows(record, kind.key, kind.kind, kind.columns)))
        written.append(target)
    return written
