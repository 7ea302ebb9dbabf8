"""The normalized record of one report: the data model every other module shares.

Why dataclasses and not dicts: the extractor, the checks, the diff and the renderers all
read the same fields, and a typo in a field name should fail at construction, not three
modules later. The JSON shape is the contract's `annualcheck/record@1`
(`../shared/spec/CONTRACT.md`); `to_dict`/`from_dict` are the only places that know it.

Every object that came from a page keeps its page (1-based page of the PDF file), its
printed page where the document prints one, and, where it has one, its bounding box, so a
reviewer can go from any value back to the words that prove it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

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
    """A change the report itself states, e.g. "(20 more than in 2018)" -> delta +20."""

    delta: float
    reference_period: str
    phrase: str


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


@dataclass
class TrialSentence:
    """The parsed result of a conviction ("2 years 6 months imprisonment, suspension of 4 years")."""

    prison_months: int | None = None
    suspended_years: int | None = None
    probation: bool = False
    fine_yen: int | None = None


@dataclass
class TableRow:
    """One row of a trial table (Table 2 or Table 3), joined if a page break split it."""

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
    """One row of Table 1 (dated initiatives)."""

    date: str  # as printed, e.g. "April 2004"
    text: str
    pages: list[int] = field(default_factory=list)


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
    label: str  # "Table 2"
    caption: str
    page: int
    rows: list[Any]  # TableRow for trial tables, InitiativeRow for Table 1
    printed_page: int | None = None
    parse_report: ParseReport | None = None


@dataclass
class Caption:
    label: str  # "Figure 7", "Table 2"
    text: str  # "Nationalities of 39 suspects"
    page: int
    printed_page: int | None = None
    bbox: BBox | None = None


@dataclass
class TocEntry:
    label: str  # "Figure 8", "Table 2", or a section number such as "2 (1) i)"
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
    series: str = "jp-tip"
    reconstruction: bool = False  # the document says it is a reconstruction for testing


@dataclass
class Source:
    file: str
    sha256: str
    pages: int
    text_from: str = "text layer"  # "ocr" when the text layer was made by OCR (noisier)
    sections_from: str = "contents"  # "headings": contents unreadable, body headings used


@dataclass
class Record:
    source: Source
    report: ReportMeta
    figures: list[Figure] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)  # "table1", "table2", "table3"
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
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return record_from_dict(data)


def _plain(obj: Any) -> Any:
    """Dataclasses to JSON-ready values: boxes as [x0, top, x1, bottom], ints kept as ints."""
    if isinstance(obj, BBox):
        return obj.to_list()
    if is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
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
        if "date" in row:
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
    "InitiativeRow",
    "Occurrence",
    "Paragraph",
    "ParseReport",
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
