"""The export's columns of a stated change's form (kind, prior value, factor, bound, derived),
in every format and in the data package's schema, with a description for every field.

The real report's values are written by reading reports/src/2020.md and expected/2020.json
("... in 2019 was 47 (20 more than in 2018)", "zero were male (one less than in 2018)"); the
other kinds by the shapes docs/COMPARISONS.md gives for them.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pandas as pd
import pytest
from click.testing import CliRunner

from annualcheck.cli import cli
from annualcheck.model.record import StatedChange
from annualcheck.output.export import FIGURE_COLUMNS, STATED_COLUMNS, export_series
from annualcheck.output.fields import DESCRIPTIONS
from helpers.badpdfs import REPORT_2020
from helpers.builders import fig, record
from helpers.paths import committed


@pytest.fixture(scope="module")
def real_export(tmp_path_factory):
    """Report 2020 exported through the CLI as CSV, Parquet, SQLite and a data package (one
    extraction: the session's cache answers the others)."""
    pdf = committed(REPORT_2020)
    folder = tmp_path_factory.mktemp("export")
    out = {}
    for name in ("figures.csv", "figures.parquet", "figures.sqlite", "package/"):
        target = str(folder / name) + ("/" if name.endswith("/") else "")
        result = CliRunner().invoke(cli, ["export", str(pdf), "-o", target])
        assert result.exit_code == 0, result.stderr
        out[name] = folder / name
    return out


def _csv_rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _one(rows, key):
    (row,) = [r for r in rows if r["key"] == key]
    return row


def test_real_report_s_absolute_changes_in_csv(real_export):
    rows = _csv_rows(real_export["figures.csv"])
    total = _one(rows, "victims.total")
    assert (total["value"], total["stated_delta"], total["reference_period"]) == (
        "47",
        "20",
        "2018",
    )
    assert total["stated_phrase"] == "20 more than in 2018"
    assert total["stated_kind"] == "absolute"
    assert total["stated_prior_value"] == total["stated_relative"] == total["stated_bound"] == ""
    assert total["stated_delta_derived"] == "False"
    male = _one(rows, "victims.sex.male")
    assert (male["value"], male["stated_delta"], male["stated_kind"]) == ("0", "-1", "absolute")
    # a figure that states no change has none of the change's columns
    plain = [r for r in rows if not r["stated_phrase"]]
    assert plain and all(r[c] == "" for r in plain for c in STATED_COLUMNS)


def test_real_report_s_changes_in_parquet_and_sqlite(real_export):
    df = pd.read_parquet(real_export["figures.parquet"])
    assert list(df.columns) == list(FIGURE_COLUMNS)
    total = df[df.key == "victims.total"].iloc[0]
    assert (total.value, total.stated_delta, total.stated_kind) == (47, 20, "absolute")
    assert pd.isna(total.stated_prior_value) and pd.isna(total.stated_relative)
    assert not total.stated_delta_derived
    with sqlite3.connect(real_export["figures.sqlite"]) as con:
        got = con.execute(
            "SELECT value, stated_delta, reference_period, stated_kind, stated_prior_value, "
            "stated_relative, stated_delta_derived FROM figures WHERE key = 'victims.total'"
        ).fetchone()
    assert got == (47, 20, "2018", "absolute", None, None, 0)


def test_real_report_s_data_package_describes_every_figure_field(real_export):
    index = real_export["package/"] / "datapackage.json"
    package = json.loads(index.read_text(encoding="utf-8"))
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    fields = {f["name"]: f for f in figures["schema"]["fields"]}
    assert set(STATED_COLUMNS) <= set(fields)
    assert all(f.get("description") for f in fields.values()), [
        n for n, f in fields.items() if not f.get("description")
    ]
    assert "prior_value" in fields["stated_kind"]["description"]
    for resource in package["resources"]:
        assert resource["name"] in DESCRIPTIONS, resource["name"]  # every table is described
        for f in resource["schema"]["fields"]:
            assert f.get("description"), (resource["name"], f["name"])
    rows = _csv_rows(real_export["package/"] / "figures.csv")
    assert _one(rows, "victims.total")["stated_kind"] == "absolute"


# -- the other kinds, on built records ---------------------------------------------------------


def _built():
    """Three figures of a reworded report 2020 (tests/fixtures/2020-reworded.md), each stated
    change as docs/COMPARISONS.md writes its kind."""
    female = fig("victims.sex.female", 47, "2019")
    female.stated_change = StatedChange(
        21, "2018", "compared with 26 in 2018", kind="prior_value", prior_value=26, derived=True
    )
    japan = fig("victims.nationality.japan", 34, "2019")
    japan.stated_change = StatedChange(
        None, "2018", "nearly doubled from 2018", kind="relative", relative=2.0, bound="nearly"
    )
    rise = fig("cases.cleared", 57, "2019")
    rise.stated_change = StatedChange(
        None, "2018", "up 58.3% year on year", kind="relative", relative=1.583, relative_decimals=1
    )
    more = fig("victims.share.japan", 95, "2019", unit="percent")
    more.bound = "more_than"
    return [record(2020, [female, japan, rise, more])]


EXPECTED = {
    # key: (delta, kind, prior value, factor, decimals, bound, derived)
    "victims.sex.female": (21, "prior_value", 26, None, None, None, True),
    "victims.nationality.japan": (None, "relative", None, 2.0, None, "nearly", False),
    "cases.cleared": (None, "relative", None, 1.583, 1, None, False),
}


def _as_tuple(row):
    def cell(v):
        return None if v is None or v == "" or (not isinstance(v, str) and pd.isna(v)) else v

    return tuple(
        cell(row[c]) for c in ("stated_delta", "stated_kind", "stated_prior_value",
                               "stated_relative", "stated_relative_decimals", "stated_bound",
                               "stated_delta_derived")
    )  # fmt: skip


def test_prior_value_and_relative_kinds_in_sqlite(tmp_path):
    path = export_series(_built(), tmp_path / "f.sqlite")
    with sqlite3.connect(path) as con:
        con.row_factory = sqlite3.Row
        rows = {r["key"]: r for r in con.execute("SELECT * FROM figures")}
        kinds = dict(con.execute("SELECT key, typeof(stated_relative) FROM figures").fetchall())
    for key, want in EXPECTED.items():
        *head, derived = _as_tuple(rows[key])
        assert (*head, bool(derived)) == want, key
    assert kinds["victims.nationality.japan"] == "real"  # a factor, 2.0, not the count 2
    assert rows["victims.share.japan"]["bound"] == "more_than"


def test_prior_value_and_relative_kinds_in_csv_and_parquet(tmp_path):
    rows = _csv_rows(export_series(_built(), tmp_path / "f.csv"))
    female = _one(rows, "victims.sex.female")
    assert (female["stated_delta"], female["stated_prior_value"]) == ("21", "26")
    assert female["stated_kind"] == "prior_value" and female["stated_delta_derived"] == "True"
    japan = _one(rows, "victims.nationality.japan")
    assert (japan["stated_delta"], japan["stated_relative"], japan["stated_bound"]) == (
        "",
        "2.0",
        "nearly",
    )
    assert _one(rows, "cases.cleared")["stated_relative_decimals"] == "1"
    assert _one(rows, "victims.share.japan")["bound"] == "more_than"
    df = pd.read_parquet(export_series(_built(), tmp_path / "f.parquet"))
    by = {r.key: r for r in df.itertuples(index=False)}
    assert by["cases.cleared"].stated_relative == pytest.approx(1.583)
    assert by["victims.sex.female"].stated_prior_value == 26


def test_data_package_of_every_kind_validates(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    index = export_series(_built(), f"{tmp_path / 'pkg'}/")
    package = json.loads(index.read_text(encoding="utf-8"))
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    types = {f["name"]: f["type"] for f in figures["schema"]["fields"]}
    assert (types["stated_relative"], types["stated_prior_value"]) == ("number", "integer")
    assert types["stated_delta_derived"] == "boolean"
    report = frictionless.validate(str(index))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
