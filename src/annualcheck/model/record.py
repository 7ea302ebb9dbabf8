"""The normalized record of one report: the data model every other module shares.

Why dataclasses and not dicts: the extractor, the checks, the diff and the renderers all
read the same fields, and a typo in a field name should fail at construction, not three
modules later. The JSON shape is the contract's `annualcheck/record@1`
(`docs/CONTRACT.md`); `to_dict`/`from_dict` are the only places that know it.

Every object that came from a page keeps its page (1-based page of the PDF file), its
printed page where the document prints one, and, where it has one, its bounding box, so a
reviewer can go from any value back to the words that prove it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from annualcheck.model.json_text import indented_json

SCHEMA = "annualcheck/record@1"

#: Trial statuses allowed by the contract.
STATUSES = ("convicted", "pending", "acquitted", "other")


@dataclass(frozen=True)
class BBox:
    """A box on a page in PDF points, origin at the top left (pdfplumber's convention)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def to_list(self) -> list[float]:
        return [round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1)]

    @classmethod
    def from_list(cls, values: list[float] | None) -> BBox | None:
        return None if values is None else cls(*values)


@dataclass
class StatedChange:
    """A change the report itself states, e.g. "(20 more than in 2018)" -> delta +20.

    `kind` says how it is written: "absolute" (a difference), "prior_value" ("compared with
    five in 2018": `prior_value` 5, and `delta` = value − 5 marked `derived`) or "relative"
    ("up 58.3%", "doubled": `relative` the factor of change, 1.583 or 2.0, the percentage
    printed with `relative_decimals` decimals, None for words; `delta` None). `bound` keeps "more than",
    "at least", "nearly" ("more than doubled"). The fields after `phrase` are optional in
    `annualcheck/record@1`: omitted when empty, so older readers see the same shape."""

    delta: float | None
    reference_period: str
    phrase: str
    kind: str = "absolute"
    prior_value: float | None = None
    relative: float | None = None
    relative_decimals: int | None = None
    bound: str | None = None
    derived: bool = False


@dataclass
class Occurrence:
    """Another place a figure is given, e.g. inside a "[Repeated from 2 (1) i)]" passage."""

    value: float
    page: int
    quote: str
    section: str | None = None
    repeated_from: str | None = None
    printed_page: int | None = None
    bbox: BBox | None = None


@dataclass
class Figure:
    """One stated number: key, value, period and the words it came from."""

    key: str
    value: float
    unit: str
    period: str
    page: int
    quote: str
    stated_change: StatedChange | None = None
    printed_page: int | None = None
    bbox: BBox | None = None
    section: str | None = None  # e.g. "2 (1) i)"
    approximate: bool = False  # "about", "approximately"
    preliminary: bool = False  # "(preliminary figures)"
    repeated_from: str | None = None  # set when this occurrence stands in a repeated passage
    occurrences: list[Occurrence] = field(default_factory=list)  # other places it is given
    #: "more_than", "at_least", "less_than", "at_most", "nearly": the value is a bound
    #: ("more than 95%", "at least 47"); optional in the record, omitted when None
    bound: str | None = None


@dataclass
class TrialSentence:
    """The parsed result of a conviction ("2 years 6 months imprisonment, suspension of 4 years")."""

    prison_months: int | None = None
    suspended_years: int | None = None
    probation: bool = False
    fine_yen: int | None = None


@dataclass
class TableRow:
    """One row of a trial table (numbered results of trial), joined if a page break split it."""

    no: int
    offense: str
    charges: list[str]
    result: str
    status: str  # one of STATUSES
    sentence: TrialSentence | None = None
    pages: list[int] = field(default_factory=list)
    joined: bool = False  # True when the row was split by a page break and joined here
    bbox: BBox | None = None


@dataclass
class InitiativeRow:
    """One row of a table of dated entries (initiatives)."""

    date: str  # as printed, e.g. "April 2004"
    text: str
    pages: list[int] = field(default_factory=list)


#: How a parse-report note begins when a page drew too much to search it for table rules
#: (the checks turn such a note into a warning: the table was read from its words).
VECTOR_BUDGET_NOTE = "over the vector budget"


@dataclass
class CellsRow:
    """One row of a table of plain columns (`TableKind.kind == "columns"`): each cell under the
    column name the profile gives it, as printed."""

    cells: dict[str, str]
    pages: list[int] = field(default_factory=list)
    joined: bool = False


@dataclass
class ParseReport:
    """How a table was read (after Camelot): strategy, pages, order, accuracy."""

    strategy: str
    pages: list[int]
    order: int  # 1-based order of the table in the document
    accuracy: float  # share of rows whose shape matched the expected columns, 0..1
    notes: list[str] = field(default_factory=list)


@dataclass
class Table:
    label: str  # the printed label, "Table 4"
    caption: str
    page: int
    rows: list[Any]  # TableRow (trial shape), InitiativeRow (dated entries) or CellsRow
    printed_page: int | None = None
    parse_report: ParseReport | None = None


@dataclass
class Caption:
    label: str  # "Figure 7", "Table 4"
    text: str  # "Nationalities of 39 persons"
    page: int
    printed_page: int | None = None
    bbox: BBox | None = None


@dataclass
class TocEntry:
    label: str  # "Figure 8", "Table 4", or a section number such as "2 (1) i)"
    text: str
    page: int | None  # the printed page number the contents give for it
    level: int = 0  # 0 for figures and tables, 1.. for section depth
    toc_page: int | None = None  # the file page on which the contents line stands


@dataclass
class Paragraph:
    """A paragraph of body text, kept so text-level rules (lists, percentages, repeats) and
    the prose diff are pure functions over the record."""

    text: str
    page: int
    printed_page: int | None = None
    section: str | None = None  # number of the innermost section, e.g. "3 (3) ii)"
    repeated_from: str | None = None  # "3 (3) ii)" when the paragraph is in a repeated passage
    bbox: BBox | None = None  # box of the paragraph on its first page


@dataclass
class Section:
    number: str  # "2 (1) i)"
    title: str
    level: int
    page: int
    printed_page: int | None = None


@dataclass
class ReportMeta:
    title: str
    published: str | None  # ISO date
    report_year: int
    data_year: int
    series: str = ""  # the name of the profile that read it
    reconstruction: bool = False  # the document says it is a reconstruction for testing


@dataclass
class Source:
    file: str
    sha256: str
    pages: int
    skipped_pages: list[int] = field(default_factory=list)  # unreadable, read as empty
    text_from: str = "text layer"  # "ocr" when the text layer was made by OCR (noisier)
    sections_from: str = "contents"  # "headings": contents absent or unreadable, headings used


@dataclass
class Record:
    source: Source
    report: ReportMeta
    figures: list[Figure] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)  # by the profile's table keys
    captions: list[Caption] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    schema: str = SCHEMA

    # -- lookups used by checks and the diff -------------------------------------------------

    def figure(self, key: str, period: str | None = None) -> Figure | None:
        """The first figure with this key (and period, when given)."""
        for fig in self.figures:
            if fig.key == key and (period is None or fig.period == period):
                return fig
        return None

    def value(self, key: str, period: str | None = None) -> float | None:
        fig = self.figure(key, period)
        return None if fig is None else fig.value

    # -- JSON ---------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return record_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        if indent is None:
            return json.dumps(self.to_dict(), ensure_ascii=False)
        return indented_json(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return record_from_dict(data)


#: Optional fields added to `annualcheck/record@1` after its first readers: written only when
#: they hold something, so a record without them has the shape it always had.
_OMIT_WHEN_EMPTY = {
    "StatedChange": {"prior_value", "relative", "relative_decimals", "bound", "derived"},
    "Figure": {"bound"},
}


#: Each record class's field names, in the order of its JSON object: looked up once here,
#: because `dataclasses.fields` called per object took as long as writing the JSON.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls))
    for cls in (
        StatedChange,
        Occurrence,
        Figure,
        TrialSentence,
        TableRow,
        InitiativeRow,
        CellsRow,
        ParseReport,
        Table,
        Caption,
        TocEntry,
        Paragraph,
        Section,
        ReportMeta,
        Source,
        Record,
    )
}


def _plain(obj: Any) -> Any:
    """Dataclasses to JSON-ready values: boxes as [x0, top, x1, bottom], ints kept as ints.

    A record holds tens of thousands of values, most of them strings and integers: the exact
    types met at every step are answered first; anything else (a subclass, a dataclass of
    another module) takes `_plain_other`, the general way, with the same results."""
    kind = type(obj)
    if kind is str or kind is int or obj is None or kind is bool:
        return obj
    if kind is float:
        if not math.isfinite(obj):
            return None  # JSON has no Infinity/NaN; a number past any bound is no number
        return int(obj) if obj.is_integer() else obj
    if kind is list:
        return [_plain(v) for v in obj]
    if kind is BBox:
        return obj.to_list()
    names = _FIELD_NAMES.get(kind)
    if names is not None:
        return _dataclass_plain(obj, names)
    return _plain_other(obj)


def _dataclass_plain(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    omit = _OMIT_WHEN_EMPTY.get(type(obj).__name__, ())
    return {
        name: _plain(getattr(obj, name))
        for name in names
        if name not in omit or getattr(obj, name) not in (None, False)
    }


def _plain_other(obj: Any) -> Any:
    if isinstance(obj, BBox):
        return obj.to_list()
    if is_dataclass(obj):
        return _dataclass_plain(obj, tuple(f.name for f in fields(obj)))
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    return obj


def record_to_dict(record: Record) -> dict[str, Any]:
    data = _plain(record)
    # Contract order: schema first.
    return {"schema": data.pop("schema"), **data}


def _table_from_dict(data: dict[str, Any]) -> Table:
    rows: list[Any] = []
    for row in data.get("rows", []):
        if "cells" in row:
            rows.append(CellsRow(**row))
        elif "date" in row:
            rows.append(InitiativeRow(**row))
        else:
            row = dict(row)
            sentence = row.pop("sentence", None)
            bbox = BBox.from_list(row.pop("bbox", None))
            rows.append(
                TableRow(**row, sentence=TrialSentence(**sentence) if sentence else None, bbox=bbox)
            )
    report = data.get("parse_report")
    return Table(
        label=data["label"],
        caption=data["caption"],
        page=data["page"],
        rows=rows,
        printed_page=data.get("printed_page"),
        parse_report=ParseReport(**report) if report else None,
    )


def _figure_from_dict(data: dict[str, Any]) -> Figure:
    data = dict(data)
    change = data.pop("stated_change", None)
    bbox = BBox.from_list(data.pop("bbox", None))
    occurrences = [
        Occurrence(**{**o, "bbox": BBox.from_list(o.get("bbox"))})
        for o in data.pop("occurrences", [])
    ]
    return Figure(
        **data,
        stated_change=StatedChange(**change) if change else None,
        bbox=bbox,
        occurrences=occurrences,
    )


def record_from_dict(data: dict[str, Any]) -> Record:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not an {SCHEMA} record: schema={data.get('schema')!r}")
    return Record(
        source=Source(**data["source"]),
        report=ReportMeta(**data["report"]),
        figures=[_figure_from_dict(f) for f in data.get("figures", [])],
        tables={name: _table_from_dict(t) for name, t in data.get("tables", {}).items()},
        captions=[
            Caption(**{**c, "bbox": BBox.from_list(c.get("bbox"))})
            for c in data.get("captions", [])
        ],
        toc=[TocEntry(**t) for t in data.get("toc", [])],
        sections=[Section(**s) for s in data.get("sections", [])],
        paragraphs=[
            Paragraph(**{**p, "bbox": BBox.from_list(p.get("bbox"))})
            for p in data.get("paragraphs", [])
        ],
    )


__all__ = [
    "SCHEMA",
    "STATUSES",
    "BBox",
    "Caption",
    "Figure",
    "CellsRow",
    "InitiativeRow",
    "Occurrence",
    "Paragraph",
    "ParseReport",
    "VECTOR_BUDGET_NOTE",
    "Record",
    "ReportMeta",
    "Section",
    "Source",
    "StatedChange",
    "Table",
    "TableRow",
    "TocEntry",
    "TrialSentence",
]
