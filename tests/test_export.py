"""The export of figures (and trial rows) read back and compared with the built records."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from annualcheck.output.export import EXPORT_FORMATS, FIGURE_COLUMNS, export_figures
from helpers.builders import fig, record, series


@pytest.fixture(scope="module")
def built_records():
    built = series()
    # One figure with every optional field set, to see them survive the round trip.
    built[2020].figures.append(
        fig(
            "victims.share.japan",
            72.3,
            "2019",
            page=9,
            printed_page=7,
            approximate=True,
            preliminary=True,
            unit="percent",
            quote="accounting for approximately 72.3%",
        )
    )
    return list(built.values())


def expected(records):
    """(report_year, key, period) -> the figure, straight from the records."""
    return {(r.report.report_year, f.key, f.period): f for r in records for f in r.figures}


def read_back(path):
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype={"period": str, "reference_period": str})
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    with sqlite3.connect(path) as con:
        # figure_no (the figure's place in its report) is a part of SQLite's primary key only.
        return pd.read_sql_query("SELECT * FROM figures", con).drop(columns="figure_no")


@pytest.mark.parametrize("suffix", sorted(EXPORT_FORMATS))
def test_figures_round_trip(tmp_path, built_records, suffix):
    path = export_figures(built_records, tmp_path / f"figures{suffix}")
    df = read_back(path)
    assert list(df.columns) == list(FIGURE_COLUMNS)
    want = expected(built_records)
    assert len(df) == len(want) == sum(len(r.figures) for r in built_records)
    for row in df.itertuples(index=False):
        f = want[(int(row.report_year), row.key, str(row.period))]
        assert row.value == pytest.approx(f.value)
        assert int(row.page) == f.page
        # As printed, with "…" where it was cut out of its sentence.
        assert row.quote.removeprefix("… ").removesuffix(" …") == f.quote
        assert int(row.data_year) == int(row.report_year) - 1
        assert bool(row.approximate) == f.approximate and bool(row.preliminary) == f.preliminary
        if f.stated_change is None:
            assert pd.isna(row.stated_delta) and pd.isna(row.reference_period)
        else:
            assert row.stated_delta == f.stated_change.delta
            assert str(row.reference_period) == f.stated_change.reference_period
        if f.printed_page is None:
            assert pd.isna(row.printed_page)
        else:
            assert int(row.printed_page) == f.printed_page
    # No stray temporary file beside the output.
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_csv_keeps_whole_numbers_whole(tmp_path):
    recs = [record(2020, [fig("victims.total", 47, "2019", delta=20)])]
    text = export_figures(recs, tmp_path / "f.csv").read_text()
    assert ",47,persons,20,2018," in text


def test_sqlite_has_trial_rows(tmp_path, built_records):
    path = export_figures(built_records, tmp_path / "figures.sqlite")
    with sqlite3.connect(path) as con:
        rows = con.execute(
            'SELECT report_year, "table", no, offense, status, prison_months, suspended_years,'
            ' probation, fine_yen FROM table_rows ORDER BY report_year, "table", no'
        ).fetchall()
    by = {(y, t, n): r for (y, t, n, *r) in rows}
    total = sum(len(t.rows) for r in built_records for t in r.tables.values())
    assert len(rows) == total
    # Report 2020, Table 3 no. 4: "2 years imprisonment, suspension of 3 years, 100,000 yen fine".
    offense, status, months, years, probation, fine = by[(2020, "table3", 4)]
    assert offense.startswith("Accessory to attempted extortion")
    assert (status, months, years, probation, fine) == ("convicted", 24, 3, 0, 100_000)
    assert by[(2020, "table3", 2)][1:] == ["pending", None, None, None, None]
    # "suspension of 5 years with probation"
    assert by[(2020, "table2", 1)][4] == 1


def test_existing_file_is_replaced_whole(tmp_path, built_records):
    path = tmp_path / "figures.sqlite"
    path.write_bytes(b"not a database")
    export_figures(built_records, path)
    with sqlite3.connect(path) as con:
        (n,) = con.execute("SELECT count(*) FROM figures").fetchone()
    assert n == sum(len(r.figures) for r in built_records)


def test_unknown_extension_is_refused(tmp_path, built_records):
    with pytest.raises(ValueError):
        export_figures(built_records, tmp_path / "figures.xlsx")
    assert list(tmp_path.iterdir()) == []
