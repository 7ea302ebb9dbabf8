"""Every figure of every report as one tidy table: CSV, Parquet or SQLite, by extension.

Why tidy (one row per report and figure): a reader of a series wants to pivot by key and
year in their own tool, and every row keeps its page and quote so a number in a spreadsheet
can still be traced to the words that give it. SQLite also gets the trial tables' rows
("table_rows"), which do not fit the figure table's shape. Every file is written under a
temporary name in the destination folder and renamed only once complete
(`iosafe.atomic_path`), so an interrupted export never leaves a torn file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annualcheck.model.record import CellsRow, Record, TableRow
from annualcheck.output.iosafe import atomic_path

EXPORT_FORMATS = {".csv", ".parquet", ".sqlite"}

FIGURE_COLUMNS = (
    "report_year",
    "data_year",
    "key",
    "period",
    "value",
    "unit",
    "stated_delta",
    "reference_period",
    "stated_phrase",
    "page",
    "printed_page",
    "section",
    "repeated_from",
    "quote",
    "approximate",
    "preliminary",
)
ROW_COLUMNS = (
    "report_year",
    "table",
    "no",
    "offense",
    "status",
    "result",
    "prison_months",
    "suspended_years",
    "probation",
    "fine_yen",
)


def figure_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One dict per figure, in report order then the report's own order."""
    out = []
    for record in sorted(records, key=lambda r: r.report.report_year):
        for f in record.figures:
            change = f.stated_change
            out.append(
                {
                    "report_year": record.report.report_year,
                    "data_year": record.report.data_year,
                    "key": f.key,
                    "period": f.period,
                    "value": f.value,
                    "unit": f.unit,
                    "stated_delta": change.delta if change else None,
                    "reference_period": change.reference_period if change else None,
                    "stated_phrase": change.phrase if change else None,
                    "page": f.page,
                    "printed_page": f.printed_page,
                    "section": f.section,
                    "repeated_from": f.repeated_from,
                    "quote": f.quote,
                    "approximate": bool(f.approximate),
                    "preliminary": bool(f.preliminary),
                }
            )
    return out


def trial_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One dict per row of every trial table of every report."""
    out = []
    for record in sorted(records, key=lambda r: r.report.report_year):
        for name, table in sorted(record.tables.items()):
            for row in table.rows:
                if not isinstance(row, TableRow):
                    continue  # a table of dated entries has no trial columns
                s = row.sentence
                out.append(
                    {
                        "report_year": record.report.report_year,
                        "table": name,
                        "no": row.no,
                        "offense": row.offense,
                        "status": row.status,
                        "result": row.result,
                        "prison_months": s.prison_months if s else None,
                        "suspended_years": s.suspended_years if s else None,
                        "probation": bool(s.probation) if s else None,
                        "fine_yen": s.fine_yen if s else None,
                    }
                )
    return out


#: Columns that hold counts or page numbers (nullable integers), and yes/no columns.
INTEGER_COLUMNS = {"report_year", "data_year", "no", "page", "printed_page", "prison_months",
                   "suspended_years", "fine_yen"}  # fmt: skip
NUMBER_COLUMNS = {"value", "stated_delta"}  # integers when every value is whole, else floats
BOOLEAN_COLUMNS = {"approximate", "preliminary", "probation"}


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    """A DataFrame with nullable typed columns, so 47 stays 47 (not 47.0) in a CSV."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(columns))
    for col in df.columns:
        if col in INTEGER_COLUMNS:
            df[col] = pd.to_numeric(df[col]).astype("Int64")
        elif col in BOOLEAN_COLUMNS:
            df[col] = df[col].astype("boolean")
        elif col in NUMBER_COLUMNS:
            values = pd.to_numeric(df[col]).astype("float64")
            whole = values.dropna()
            df[col] = values.astype("Int64") if (whole == whole.round()).all() else values
        else:
            df[col] = df[col].astype("string")
    return df


#: First characters that make a spreadsheet read a cell as a formula or command (OWASP, "CSV
#: Injection"): such a text cell gets a leading apostrophe, which spreadsheets show as text.
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet will not run: `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`.
    Numbers are left alone (a negative change stays a number)."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return value


def csv_safe(frame: Any) -> Any:
    """The frame with every text cell passed through csv_safe_cell (text columns only)."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    frame = frame.copy()
    for column in frame.columns:
        if is_object_dtype(frame[column]) or is_string_dtype(frame[column]):
            frame[column] = frame[column].map(csv_safe_cell)
    return frame


def to_csv_text(frame: Any) -> str:
    """A frame as CSV text, formula-safe (csv_safe), "\n" line ends."""
    return csv_safe(frame).to_csv(index=False, lineterminator="\n")


def figures_frame(records: Iterable[Record]) -> Any:
    return _frame(figure_rows(records), FIGURE_COLUMNS)


def trial_rows_frame(records: Iterable[Record]) -> Any:
    return _frame(trial_rows(records), ROW_COLUMNS)


def _to_sqlite(records: list[Record], tmp: Path, trials: Any = None) -> None:
    """Two tables with declared types; columns as in the CSV/Parquet export; one more per
    table of plain columns (`table_<key>`). With `trials` (`annualcheck.trials.build_trials`),
    also `trials` and `trial_events`."""
    import sqlite3  # here: `extract` writes CSV through this module and never needs it

    figures, rows = figure_rows(records), trial_rows(records)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(
            """
            CREATE TABLE figures (report_year INTEGER NOT NULL, data_year INTEGER NOT NULL,
              key TEXT NOT NULL, period TEXT, value REAL NOT NULL, unit TEXT,
              stated_delta REAL, reference_period TEXT, stated_phrase TEXT, page INTEGER,
              printed_page INTEGER, section TEXT, repeated_from TEXT, quote TEXT, approximate INTEGER NOT NULL, preliminary INTEGER NOT NULL);
            CREATE TABLE table_rows (report_year INTEGER NOT NULL, "table" TEXT NOT NULL,
              no INTEGER, offense TEXT, status TEXT, result TEXT, prison_months INTEGER,
              suspended_years INTEGER, probation INTEGER, fine_yen INTEGER);
            CREATE INDEX figures_key ON figures (key, report_year);
            """
        )
        marks = ", ".join("?" * len(FIGURE_COLUMNS))
        con.executemany(
            f"INSERT INTO figures VALUES ({marks})",
            [tuple(r[c] for c in FIGURE_COLUMNS) for r in figures],
        )
        marks = ", ".join("?" * len(ROW_COLUMNS))
        con.executemany(
            f"INSERT INTO table_rows VALUES ({marks})",
            [tuple(r[c] for c in ROW_COLUMNS) for r in rows],
        )
        _write_cells_tables(con, records)
        if trials is not None:
            from annualcheck.output.trials_export import write_trials_sqlite

            write_trials_sqlite(con, trials)
        con.commit()
    finally:
        con.close()


def cells_tables(records: Iterable[Record]) -> dict[str, tuple[list[str], list[tuple]]]:
    """Tables of plain named columns (`CellsRow`), by record key: their columns (the report
    year, the profile's column names, the pages) and rows of every report, in year order."""
    out: dict[str, tuple[list[str], list[tuple]]] = {}
    for record in sorted(records, key=lambda r: r.report.report_year):
        for name, table in sorted(record.tables.items()):
            for row in table.rows:
                if not isinstance(row, CellsRow):
                    continue
                columns, rows = out.setdefault(name, (["report_year", *row.cells, "pages"], []))
                values = [row.cells.get(c) for c in columns[1:-1]]
                pages = " ".join(map(str, row.pages))
                rows.append((record.report.report_year, *values, pages))
    return out


def _write_cells_tables(con: Any, records: list[Record]) -> None:
    """One SQLite table `table_<key>` per table of plain columns, its cells as printed."""
    for name, (columns, rows) in cells_tables(records).items():
        cols = ", ".join(f'"{c}" TEXT' for c in columns[1:])
        con.execute(f'CREATE TABLE "table_{name}" (report_year INTEGER NOT NULL, {cols})')
        marks = ", ".join("?" * len(columns))
        con.executemany(f'INSERT INTO "table_{name}" VALUES ({marks})', rows)


def export_figures(records: Iterable[Record], path: str | Path, trials: Any = None) -> Path:
    """Write the figures of `records` to `path`; the format follows its extension. SQLite
    also gets the trials tables when `trials` is given."""
    path = Path(path)
    records = list(records)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {path.suffix!r}; use .csv, .parquet or .sqlite")
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            csv_safe(figures_frame(records)).to_csv(tmp, index=False)
        elif suffix == ".parquet":
            figures_frame(records).to_parquet(tmp, engine="pyarrow", index=False)
        else:
            tmp.unlink()  # sqlite3 creates the file itself
            _to_sqlite(records, tmp, trials)
    return path
