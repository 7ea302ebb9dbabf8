"""Every figure of every report as one tidy table: CSV, Parquet or SQLite, by extension; a
folder gets a Frictionless Data Package.

Why tidy (one row per report and figure): a reader of a series wants to pivot by key and
year in their own tool, and every row keeps its page and quote so a number in a spreadsheet
can still be traced to the words that give it. Beside the figures, SQLite and the data package
hold `reports` (which report is a reconstruction, its file and hash), `findings` (one row per
finding and piece of evidence) and `table_rows` (the trial tables' rows, which do not fit the
figure table's shape). Counts are integers, never 47.0; a stock counted on a day says so
(`as_of`, from "as of March 31, 2020"). Every file is written under a temporary name in the
destination folder and renamed only once complete (`iosafe.atomic_path`), so an interrupted
export never leaves a torn file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from annualcheck.model.findings import Finding, finding_ids
from annualcheck.model.record import CellsRow, Record, StatedChange, TableRow
from annualcheck.output.fields import DESCRIPTIONS
from annualcheck.output.iosafe import atomic_path, atomic_write_text
from annualcheck.prose.dates import as_of_date
from annualcheck.prose.quotes import mark_cuts

EXPORT_FORMATS = {".csv", ".parquet", ".sqlite", ".db"}
SQLITE_SUFFIXES = {".sqlite", ".db"}

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
    "stated_kind",
    "stated_prior_value",
    "stated_relative",
    "stated_relative_decimals",
    "stated_bound",
    "stated_delta_derived",
    "page",
    "printed_page",
    "section",
    "repeated_from",
    "quote",
    "approximate",
    "preliminary",
    "bound",
    "label",
    "as_of",
    "reconstruction",
)
#: The columns of a stated change's form (`stated_columns`), a part of FIGURE_COLUMNS.
STATED_COLUMNS = ("stated_kind", "stated_prior_value", "stated_relative",
                  "stated_relative_decimals", "stated_bound", "stated_delta_derived")  # fmt: skip
ROW_COLUMNS = (
    "report_year",
    "table",
    "row",
    "no",
    "offense",
    "status",
    "result",
    "prison_months",
    "suspended_years",
    "probation",
    "fine_yen",
)


REPORT_COLUMNS = ("report_year", "data_year", "published", "title", "file", "sha256", "pages",
                  "reconstruction")  # fmt: skip
FINDING_COLUMNS = ("finding_id", "evidence_no", "rule", "severity", "report_year", "key",
                   "message", "expected", "actual", "evidence_report_year", "evidence_page",
                   "evidence_printed_page", "evidence_quote")  # fmt: skip


def whole(value: Any) -> Any:
    """47.0 -> 47: a count stays an integer in every format."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def default_label(key: str) -> str:
    """ "members.type.full_time" -> "Members type full time": words for a key the
    profile gives no label for."""
    return key.replace(".", " ").replace("_", " ").capitalize()


def report_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One dict per report: its years, file, hash, pages and whether it is a reconstruction."""
    return [
        {
            "report_year": r.report.report_year,
            "data_year": r.report.data_year,
            "published": r.report.published,
            "title": r.report.title,
            "file": r.source.file,
            "sha256": r.source.sha256,
            "pages": r.source.pages,
            "reconstruction": bool(r.report.reconstruction),
        }
        for r in sorted(records, key=lambda r: r.report.report_year)
    ]


def _cell(value: Any) -> Any:
    """expected/actual of a finding: numbers as they are, anything else as JSON text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(whole(value))
    return json.dumps(value, ensure_ascii=False, default=str)


def finding_rows(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """One dict per finding and piece of evidence (evidence_no 1, 2, ...; 0 when it has
    none), so a spreadsheet filters findings by the page or report that proves them."""
    findings = sorted(findings, key=Finding.sort_key)
    ids = finding_ids(findings)
    out = []
    for f in findings:
        head = {
            "finding_id": ids[id(f)],
            "rule": f.rule,
            "severity": f.severity,
            "report_year": f.report_year,
            "key": f.key,
            "message": f.message,
            "expected": _cell(f.expected),
            "actual": _cell(f.actual),
        }
        evidence = list(f.evidence) or [None]
        for n, ev in enumerate(evidence, start=1 if f.evidence else 0):
            out.append(
                head
                | {
                    "evidence_no": n,
                    "evidence_report_year": ev.report_year if ev else None,
                    "evidence_page": ev.page if ev else None,
                    "evidence_printed_page": ev.printed_page if ev else None,
                    "evidence_quote": ev.quote if ev else None,
                }
            )
    return out


def stated_columns(change: StatedChange | None) -> dict[str, Any]:
    """How a stated change is written, beyond its delta (`docs/COMPARISONS.md`): its kind
    (absolute, prior_value, relative), the prior value it names ("compared with 27 in 2018"),
    the factor of a relative change ("up 74%": 1.74; "doubled": 2.0) and the decimals of its
    percentage, a bound on it ("more than doubled"), and whether the delta was derived (from
    the prior value) rather than printed. All empty for a figure without a stated change."""
    if change is None:
        return dict.fromkeys(STATED_COLUMNS)
    return {
        "stated_kind": change.kind,
        "stated_prior_value": whole(change.prior_value),
        "stated_relative": change.relative,
        "stated_relative_decimals": change.relative_decimals,
        "stated_bound": change.bound,
        "stated_delta_derived": bool(change.derived),
    }


def figure_rows(
    records: Iterable[Record], labels: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """One dict per figure, in report order then the report's own order."""
    labels = labels or {}
    out = []
    for record in sorted(records, key=lambda r: r.report.report_year):
        texts: dict[int, list[str]] = {}
        for para in record.paragraphs:
            texts.setdefault(para.page, []).append(para.text)
        for f in record.figures:
            change = f.stated_change
            out.append(
                {
                    "report_year": record.report.report_year,
                    "data_year": record.report.data_year,
                    "key": f.key,
                    "period": f.period,
                    "value": whole(f.value),
                    "unit": f.unit,
                    "stated_delta": whole(change.delta) if change else None,
                    "reference_period": change.reference_period if change else None,
                    "stated_phrase": change.phrase if change else None,
                    **stated_columns(change),
                    "page": f.page,
                    "printed_page": f.printed_page,
                    "section": f.section,
                    "repeated_from": f.repeated_from,
                    "quote": mark_cuts(f.quote, texts.get(f.page, ())),
                    "approximate": bool(f.approximate),
                    "preliminary": bool(f.preliminary),
                    "bound": f.bound,
                    "label": labels.get(f.key) or default_label(f.key),
                    "as_of": as_of_date(f.quote),
                    "reconstruction": bool(record.report.reconstruction),
                }
            )
    return out


def trial_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One dict per row of every trial table of every report."""
    out = []
    for record in sorted(records, key=lambda r: r.report.report_year):
        for name, table in sorted(record.tables.items()):
            for position, row in enumerate(table.rows, start=1):
                if not isinstance(row, TableRow):
                    continue  # a table of dated entries has no trial columns
                s = row.sentence
                out.append(
                    {
                        "report_year": record.report.report_year,
                        "table": name,
                        "row": position,
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
INTEGER_COLUMNS = {"report_year", "data_year", "no", "row", "figure_no", "page", "printed_page",
                   "prison_months", "suspended_years", "fine_yen", "pages", "evidence_no",
                   "evidence_report_year", "evidence_page", "evidence_printed_page",
                   "stated_relative_decimals"}  # fmt: skip
#: integers when every value is whole, else floats
NUMBER_COLUMNS = {"value", "stated_delta", "stated_prior_value"}
#: always floats: a factor of change is 2.0 ("doubled"), never the count 2
FLOAT_COLUMNS = {"stated_relative"}
BOOLEAN_COLUMNS = {"approximate", "preliminary", "probation", "reconstruction",
                   "stated_delta_derived"}  # fmt: skip


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    """A DataFrame with nullable typed columns, so 47 stays 47 (not 47.0) in a CSV."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(columns))
    for col in df.columns:
        if col in INTEGER_COLUMNS:
            df[col] = pd.to_numeric(df[col]).astype("Int64")
        elif col in BOOLEAN_COLUMNS:
            df[col] = df[col].astype("boolean")
        elif col in FLOAT_COLUMNS:
            df[col] = pd.to_numeric(df[col]).astype("float64")
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


def figures_frame(records: Iterable[Record], labels: Mapping[str, str] | None = None) -> Any:
    return _frame(figure_rows(records, labels), FIGURE_COLUMNS)


def trial_rows_frame(records: Iterable[Record]) -> Any:
    return _frame(trial_rows(records), ROW_COLUMNS)


def findings_frame(findings: Iterable[Finding]) -> Any:
    return _frame(finding_rows(findings), FINDING_COLUMNS)


def reports_frame(records: Iterable[Record]) -> Any:
    return _frame(report_rows(records), REPORT_COLUMNS)


# -- the tables of an export: rows, columns, keys ---------------------------------------------


def export_tables(
    records: Sequence[Record],
    findings: Iterable[Finding] = (),
    labels: Mapping[str, str] | None = None,
    trials: Any = None,
) -> dict[str, tuple[tuple[str, ...], list[dict[str, Any]]]]:
    """name -> (columns, rows) of every table an export holds, in the order they are written;
    with `trials` (`annualcheck.trials.build_trials`), also `trials` and `trial_events`."""
    tables = {
        "reports": (REPORT_COLUMNS, report_rows(records)),
        "figures": (FIGURE_COLUMNS, figure_rows(records, labels)),
        "findings": (FINDING_COLUMNS, finding_rows(findings)),
        "table_rows": (ROW_COLUMNS, trial_rows(records)),
    }
    if trials is not None:
        from annualcheck.output.trials_export import trial_tables

        tables.update(trial_tables(trials))
    return tables


#: Primary key and indexes of each table (SQLite) and the keys of the data package.
PRIMARY_KEYS = {
    "reports": ("report_year",),
    "figures": ("report_year", "figure_no"),
    "findings": ("finding_id", "evidence_no"),
    "table_rows": ("report_year", "table", "row"),
    "trials": ("id",),
    "trial_events": ("person_id", "step"),
}
INDEXES = {
    "figures": [("key", "period"), ("report_year", "key")],
    "findings": [("report_year", "severity"), ("rule",)],
    "table_rows": [("status",)],
}


def column_type(name: str, rows: list[dict[str, Any]]) -> str:
    """integer, number, boolean, string or date: the column's type in every format."""
    if name in INTEGER_COLUMNS or name == "figure_no":
        return "integer"
    if name in BOOLEAN_COLUMNS:
        return "boolean"
    if name in FLOAT_COLUMNS:
        return "number"
    if name in NUMBER_COLUMNS:
        values = [r.get(name) for r in rows if r.get(name) is not None]
        return "integer" if all(isinstance(v, int) for v in values) else "number"
    if name == "published":
        return "date"
    # a column no list above names (the trials tables, a profile's own columns): its values
    values = [r.get(name) for r in rows if r.get(name) is not None]
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "number"
    return "string"


_SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT",
              "date": "TEXT"}  # fmt: skip


def _quoted(name: str) -> str:
    return f'"{name}"'


def _with_figure_no(name: str, columns: tuple[str, ...], rows: list[dict[str, Any]]):
    """Figures get their place in their report (`figure_no`) as a part of the key: a key and
    period may stand twice in a report (a stock and a flow of one name)."""
    if name != "figures":
        return columns, rows
    numbered, count = [], {}
    for r in rows:
        count[r["report_year"]] = count.get(r["report_year"], 0) + 1
        numbered.append({"figure_no": count[r["report_year"]]} | r)
    return ("figure_no", *columns), numbered


def _to_sqlite(tables: dict, tmp: Path, records: list[Record]) -> None:
    """Every table with declared types, a primary key and indexes; one more per table of
    plain columns (`table_<key>`, its cells as printed)."""
    con = sqlite3.connect(tmp)
    try:
        for name, (columns, rows) in tables.items():
            columns, rows = _with_figure_no(name, columns, rows)
            if name == "figures":
                columns = (columns[1], columns[0], *columns[2:])  # report_year, figure_no, ...
            cols = ", ".join(
                f"{_quoted(c)} {_SQL_TYPES[column_type(c, rows)]}"
                + (" NOT NULL" if c in PRIMARY_KEYS[name] else "")
                for c in columns
            )
            key = ", ".join(_quoted(c) for c in PRIMARY_KEYS[name])
            con.execute(f"CREATE TABLE {_quoted(name)} ({cols}, PRIMARY KEY ({key}))")
            for i, index in enumerate(INDEXES.get(name, ())):
                on = ", ".join(_quoted(c) for c in index)
                con.execute(f"CREATE INDEX {_quoted(f'{name}_{i}')} ON {_quoted(name)} ({on})")
            marks = ", ".join("?" * len(columns))
            con.executemany(
                f"INSERT INTO {_quoted(name)} ({', '.join(map(_quoted, columns))}) VALUES ({marks})",
                [tuple(_sql_value(r.get(c)) for c in columns) for r in rows],
            )
        _write_cells_tables(con, records)
        con.commit()
    finally:
        con.close()


def _sql_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else whole(value)


# -- the Frictionless Data Package -------------------------------------------------------------


def table_schema(name: str, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> dict:
    """The Table Schema of one CSV: typed and described fields, the primary key, the link to
    `reports`."""
    described = DESCRIPTIONS.get(name, {})
    fields = []
    for c in columns:
        field = {"name": c, "type": column_type(c, rows)}
        if c in described:
            field["description"] = described[c]
        fields.append(field)
    schema: dict[str, Any] = {
        "fields": fields,
        "primaryKey": list(PRIMARY_KEYS[name]),
        "missingValues": [""],
    }
    if name != "reports" and "report_year" in columns:
        schema["foreignKeys"] = [{
            "fields": ["report_year"],
            "reference": {"resource": "reports", "fields": ["report_year"]},
        }]  # fmt: skip
    return schema


def write_datapackage(tables: dict, folder: Path) -> Path:
    """One CSV per table and `datapackage.json` describing them (Frictionless Data Package,
    so `frictionless validate datapackage.json` checks types and keys)."""
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for name, (columns, rows) in tables.items():
        columns, rows = _with_figure_no(name, columns, rows)
        df = _frame(rows, columns)
        atomic_write_text(folder / f"{name}.csv", to_csv_text(df))
        resources.append({
            "name": name,
            "path": f"{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": table_schema(name, columns, rows),
        })  # fmt: skip
    package = {
        "profile": "tabular-data-package",
        "name": "annualcheck-export",
        "title": "Figures, findings and trial rows of a series of annual reports",
        "resources": resources,
    }
    index = folder / "datapackage.json"
    atomic_write_text(index, json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    return index


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


def is_folder_target(path: str | Path) -> bool:
    """`-o out/` or an existing folder: the data package, not one file."""
    return str(path).endswith(("/", "\\")) or Path(path).is_dir()


def figures_csv(records: Iterable[Record], labels: Mapping[str, str] | None = None) -> str:
    """The figure table as CSV text (`export -o -` writes it to stdout), formula-safe."""
    return to_csv_text(figures_frame(records, labels))


def export_series(
    records: Iterable[Record],
    path: str | Path,
    findings: Iterable[Finding] = (),
    labels: Mapping[str, str] | None = None,
    trials: Any = None,
) -> Path:
    """Write an export of `records` (and their findings and trials) to `path`: a folder gets
    the data package, a file the format of its extension (CSV and Parquet: the figures)."""
    records = list(records)
    if is_folder_target(path):
        return write_datapackage(export_tables(records, findings, labels, trials), Path(path))
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ValueError(
            f"unknown export format {path.suffix!r}; use .csv, .parquet, .sqlite, .db or a folder/"
        )
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            tmp.write_text(figures_csv(records, labels), encoding="utf-8")
        elif suffix == ".parquet":
            figures_frame(records, labels).to_parquet(tmp, engine="pyarrow", index=False)
        else:
            tmp.unlink()  # sqlite3 creates the file itself
            _to_sqlite(export_tables(records, findings, labels, trials), tmp, records)
    return path


def export_figures(records: Iterable[Record], path: str | Path) -> Path:
    """Write the figures of `records` to `path`; the format follows its extension."""
    return export_series(records, path)
