"""Tables 1, 2 and 3 read from the rendered 2020 report (reportlab, A4, full grid) and from the
second producer's rendering (Chromium, US Letter, thin grey grid, repeated shaded header), and
from small PDFs made here with rows split by page breaks, ruled and unruled.

Expected values are read off the 2020 report text (see test_trial_results for every cell)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from annualcheck.extract.tables.assemble import extract_tables, open_for_tables
from annualcheck.profiles import get_profile
from helpers.trial_tables import (
    TABLE1_DATES,
    TABLE1_TEXTS,
    TABLE2_OFFENSES,
    TABLE2_RESULTS,
    TABLE3_OFFENSES,
    TABLE3_RESULTS,
)
from testdata.fonts import chromium

PROFILE = get_profile("jp-tip")

PENDING_T2 = {6, 7, 8, 16, 17, 28, 30, 31, 32}


class CountingDoc:
    """A document that records where the table finder read a page's rules (PDFium's path
    objects, or a pdfplumber page's tables)."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.searched: set[int] = set()
        self.reads_rules = doc.reads_rules

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)

    @property
    def pages(self) -> list[Any]:
        return self.doc.pages

    def rule_objects(self, n: int) -> Any:
        self.searched.add(n)
        return self.doc.rule_objects(n)

    def plumber_page(self, n: int) -> Any:
        page = self.doc.plumber_page(n)
        searched = self.searched

        class Page:
            def __getattr__(self, name: str) -> Any:
                return getattr(page, name)

            def find_tables(self, *args: Any, **kwargs: Any) -> Any:
                searched.add(n)
                return page.find_tables(*args, **kwargs)

        return Page()


def _read(path: Path) -> SimpleNamespace:
    from annualcheck.layout.blocks import analyse_layout
    from annualcheck.profiles import get_profile

    profile = get_profile()
    doc = open_for_tables(path)
    layout = analyse_layout(doc, profile=profile)
    counting = CountingDoc(doc)
    tables = extract_tables(counting, layout, profile=profile)
    return SimpleNamespace(
        tables=tables, layout=layout, searched=counting.searched, pages=len(doc.pages)
    )


@pytest.fixture(scope="module", params=["reportlab", "other-producer"])
def rendered(request, report_pdfs, alt_2020_pdf) -> SimpleNamespace:
    path = report_pdfs[2020] if request.param == "reportlab" else alt_2020_pdf  # both committed
    out = _read(path)
    out.name = request.param
    return out


def test_table2_rows_numbered_in_order(rendered):
    rows = rendered.tables["table2"].rows
    assert [r.no for r in rows] == list(range(1, 33))


def test_table2_statuses(rendered):
    rows = rendered.tables["table2"].rows
    assert {r.no for r in rows if r.status == "pending"} == PENDING_T2
    assert {r.no for r in rows if r.status == "convicted"} == set(range(1, 33)) - PENDING_T2


def test_table2_cells_whatever_the_page_breaks(rendered):
    rows = {r.no: r for r in rendered.tables["table2"].rows}
    assert rows[13].offense.endswith(
        "violation of the Child Welfare Act, and accessory to computer fraud"
    )
    assert rows[26].offense == (
        "Violation of the Child Welfare Act, violation of the Anti-Prostitution Act"
    )
    for no, (offense, charges) in enumerate(TABLE2_OFFENSES, start=1):
        assert rows[no].offense == offense, no
        assert rows[no].charges == charges, no
    for no, (result, _) in enumerate(TABLE2_RESULTS, start=1):
        assert rows[no].result == result, no


def test_split_rows_are_joined_and_touch_two_pages(rendered):
    table = rendered.tables["table2"]
    for row in table.rows:
        if row.joined:
            assert len(row.pages) == 2 and row.pages[1] == row.pages[0] + 1, row.no
        else:
            assert len(row.pages) == 1, row.no
    assert sorted({p for r in table.rows for p in r.pages}) == table.parse_report.pages
    if rendered.name == "reportlab":  # this rendering splits at least one row of Table 2
        assert any(r.joined for r in table.rows)


@pytest.mark.parametrize("no", [1, 2, 4, 10, 13, 15, 22, 23])
def test_table2_sentences(rendered, no):
    row = next(r for r in rendered.tables["table2"].rows if r.no == no)
    assert (row.status, row.sentence) == TABLE2_RESULTS[no - 1][1]


def test_table3(rendered):
    rows = rendered.tables["table3"].rows
    assert [r.no for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r.status for r in rows] == [
        "convicted",
        "pending",
        "pending",
        "convicted",
        "convicted",
        "pending",
    ]
    assert [r.offense for r in rows] == [o for o, _ in TABLE3_OFFENSES]
    assert [(r.status, r.sentence) for r in rows] == [e for _, e in TABLE3_RESULTS]


def test_table1_dated_rows(rendered):
    rows = rendered.tables["table1"].rows
    assert [r.date for r in rows] == TABLE1_DATES
    assert [r.text for r in rows] == TABLE1_TEXTS


def test_captions_pages_and_parse_reports(rendered):
    by_label = {c.label: c for c in rendered.layout.captions}
    for key, label, words in [
        ("table1", "Table 1", "Main initiatives"),
        ("table2", "Table 2", "32 prosecuted persons"),
        ("table3", "Table 3", "six persons reported as awaiting trial"),
    ]:
        table = rendered.tables[key]
        assert table.label == label
        assert words in table.caption
        assert table.page == by_label[label].page
        assert table.printed_page == rendered.layout.printed_pages.get(table.page)
        report = table.parse_report
        assert report.strategy == "lattice"
        assert report.accuracy == 1.0
        assert report.pages[0] in (table.page, table.page + 1)
    orders = [rendered.tables[k].parse_report.order for k in ("table1", "table2", "table3")]
    assert orders == [1, 2, 3]


def test_table_finder_runs_only_where_tables_are(rendered):
    table_pages = {p for t in rendered.tables.values() for p in t.parse_report.pages}
    # plus, at most, the page after each table (to see whether it continues there)
    allowed = table_pages | {max(t.parse_report.pages) + 1 for t in rendered.tables.values()}
    assert rendered.searched  # the finder ran, and where it ran was recorded
    assert rendered.searched <= allowed
    assert len(rendered.searched) < rendered.pages / 3


# --------------------------------------------------------------------------- own small PDFs


def _render_tables(path: Path, filler: int, ruled: bool) -> None:
    """Tables 2 and 3 with their real cells, after `filler` lines of text, rows free to split."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle
    from reportlab.platypus import Table as RLTable

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story: list[Any] = [
        Paragraph(f"Filler sentence {i} of the narrative.", body) for i in range(filler)
    ]
    for n, caption, offenses, results in [
        (2, "Charges imposed on the 32 prosecuted persons", TABLE2_OFFENSES, TABLE2_RESULTS),
        (
            3,
            "Charges imposed on the six persons reported as awaiting trial",
            TABLE3_OFFENSES,
            TABLE3_RESULTS,
        ),
    ]:
        story.append(Paragraph(escape(f"[Table {n}] {caption}"), styles["Heading4"]))
        data = [[Paragraph(h, body) for h in ("No.", "Offense", "Results of trial")]]
        for i, ((offense, _), (result, _)) in enumerate(zip(offenses, results, strict=True), 1):
            data.append(
                [Paragraph(str(i), body), Paragraph(escape(offense), body), Paragraph(result, body)]
            )
        table = RLTable(data, colWidths=[30, 260, 160], splitInRow=1)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        table.setStyle(TableStyle(style))
        story.append(table)
    story.append(Paragraph("iii) Cases", styles["Heading3"]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


@pytest.fixture(scope="module")
def own_pdfs(tmp_path_factory) -> list[tuple[str, Any]]:
    """Read each small PDF without layout analysis (captions from the text lines) and with it
    (as the extractor does)."""
    from annualcheck.layout.blocks import analyse_layout
    from annualcheck.profiles import get_profile

    profile = get_profile()
    out = []
    folder = tmp_path_factory.mktemp("tables")
    for ruled in (True, False):
        for filler in (0, 10, 17, 34):  # each splits a row of Table 2 (ruled)
            path = folder / f"t-{'ruled' if ruled else 'plain'}-{filler}.pdf"
            _render_tables(path, filler, ruled)
            doc = open_for_tables(path)
            out.append((path.name, ruled, extract_tables(doc, None, profile=profile)))
            layout = analyse_layout(doc, profile=profile)
            out.append((f"{path.name}+layout", ruled, extract_tables(doc, layout, profile=profile)))
    return out


def test_own_pdfs_rows_joined_across_page_breaks(own_pdfs):
    joined = 0
    for name, ruled, tables in own_pdfs:
        t2, t3 = tables["table2"], tables["table3"]
        assert t2.parse_report.strategy == ("lattice" if ruled else "text"), name
        assert [r.no for r in t2.rows] == list(range(1, 33)), name
        assert [r.offense for r in t2.rows] == [o for o, _ in TABLE2_OFFENSES], name
        assert [r.result for r in t2.rows] == [r for r, _ in TABLE2_RESULTS], name
        assert [r.offense for r in t3.rows] == [o for o, _ in TABLE3_OFFENSES], name
        for row in t2.rows + t3.rows:
            assert row.joined == (len(row.pages) == 2), (name, row.no)
        if ruled:
            joined += sum(r.joined for r in t2.rows + t3.rows)
    assert joined >= 8  # the fillers were chosen so that page breaks split rows


# --------------------------------------------------------------------------- pure pieces


def _fragment(page: int, rows: list[list[str]]):
    from annualcheck.extract.tables.ruled import Fragment
    from annualcheck.model.record import BBox

    box = BBox(0, 0, 100, 100)
    return Fragment(page, box, rows, [box] * len(rows), (0.1, 0.6))


def test_rows_from_fragments_drops_repeated_headers_and_joins_split_rows():
    from annualcheck.extract.tables.rows import rows_from_fragments
    from annualcheck.profiles import get_profile

    part = get_profile().tables
    header = ["No.", "Offense", "Results of trial"]
    fragments = [
        _fragment(
            7,
            [
                header,
                ["25", "Violation of the\nAnti-", "10 months\nimprisonment"],
                [
                    "26",
                    "Violation of the Child Welfare Act, violation of the",
                    "1 year 6 months imprisonment,",
                ],
            ],
        ),
        _fragment(
            8,
            [
                header,
                ["", "Anti-Prostitution Act", "suspension of 3 years"],
                ["27", "Threat", "Pending trial"],
            ],
        ),
    ]
    rows, notes = rows_from_fragments(fragments, part)
    assert [r.cells[0] for r in rows] == ["25", "26", "27"]
    assert rows[0].cells[1] == "Violation of the Anti-"  # a hard hyphen at a line end stays
    assert rows[1].cells[1:] == [
        "Violation of the Child Welfare Act, violation of the Anti-Prostitution Act",
        "1 year 6 months imprisonment, suspension of 3 years",
    ]
    assert (rows[1].pages, rows[1].joined) == ([7, 8], True)
    assert (rows[2].pages, rows[2].joined) == ([8], False)
    assert notes == []


def test_rows_from_fragments_number_printed_on_the_second_part():
    """A producer that prints a split cell's number at the bottom puts it on the second part."""
    from annualcheck.extract.tables.rows import rows_from_fragments
    from annualcheck.profiles import get_profile

    part = get_profile().tables
    fragments = [
        _fragment(3, [["12", "Extortion", "Pending trial"], ["", "Kidnapping for", "2 years"]]),
        _fragment(4, [["13", "indecency", "imprisonment"], ["14", "Threat", "Pending trial"]]),
    ]
    rows, _ = rows_from_fragments(fragments, part)
    assert [(r.cells, r.pages, r.joined) for r in rows] == [
        (["12", "Extortion", "Pending trial"], [3], False),
        (["13", "Kidnapping for indecency", "2 years imprisonment"], [3, 4], True),
        (["14", "Threat", "Pending trial"], [4], False),
    ]


def test_join_cell_lines():
    from annualcheck.extract.tables.rows import join_cell_lines

    assert join_cell_lines("violation of the\nAnti-\nProstitution Act") == (
        "violation of the Anti-Prostitution Act"
    )
    assert join_cell_lines("quasi-\nforcible") == "quasi-forcible"
    assert join_cell_lines("electro\u00ad\nmagnetic  deeds") == "electromagnetic deeds"
    assert join_cell_lines(" 2 years\n\nimprisonment ") == "2 years imprisonment"


def test_caption_words_decide_which_table():
    from annualcheck.extract.tables.page import kind_of_caption
    from annualcheck.model.record import Caption
    from annualcheck.profiles import get_profile

    part = get_profile().tables

    def key(label, text, taken=()):
        kind = kind_of_caption(Caption(label, text, 1), part, taken)
        return kind and kind.key

    assert (
        key("Table 2", "Charges imposed on the 32 prosecuted persons and their trial results")
        == "table2"
    )
    # numbering shifted: the words win over the label
    assert (
        key("Table 4", "Charges imposed on the 32 prosecuted persons and their trial results")
        == "table2"
    )
    assert (
        key(
            "Table 2",
            "Charges imposed on the six prosecuted persons reported as awaiting trial in the 2019 annual report",
        )
        == "table3"
    )
    assert key("Table 1", "Main initiatives from 2004 to 2019") == "table1"
    assert key("Table 5", "Number of inspections") is None
    assert key("Table 2", "Something else", taken={"table2"}) is None


def _render_table1(path: Path, filler: int) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle
    from reportlab.platypus import Table as RLTable

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story: list[Any] = [Paragraph(f"Filler {i}.", body) for i in range(filler)]
    story.append(Paragraph("[Table 1] Main initiatives from 2004 to 2019", styles["Heading4"]))
    data = [[Paragraph("Date", body), Paragraph("Initiative", body)]]
    data += [
        [Paragraph(d, body), Paragraph(escape(t), body)]
        for d, t in zip(TABLE1_DATES, TABLE1_TEXTS, strict=True)
    ]
    table = RLTable(data, colWidths=[60, 350], splitInRow=1)
    table.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        )
    )
    story += [table, Paragraph("Text after the table.", body)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_table1_rows_split_by_a_page_break(tmp_path):
    """A split Table 1 row has no number: the open ruling at the page foot says it goes on
    (even its date cell, "May 2016 May 2017 / May 2018 May 2019")."""

    joined = []
    for filler in (17, 22, 29):  # each splits a different row
        path = tmp_path / f"t1-{filler}.pdf"
        _render_table1(path, filler)
        rows = extract_tables(open_for_tables(path), None, profile=PROFILE)["table1"].rows
        assert [r.date for r in rows] == TABLE1_DATES, filler
        assert [r.text for r in rows] == TABLE1_TEXTS, filler
        joined += [r.date for r in rows if len(r.pages) == 2]
    assert len(set(joined)) >= 2


def test_page_furniture_is_page_numbers_and_running_heads_only():
    from annualcheck.extract.tables.assemble import _is_furniture

    assert (
        _is_furniture("12", set()) and _is_furniture("- 7 -", set()) and _is_furniture("xiv", set())
    )
    assert _is_furniture("Measures to Combat Trafficking", {"Measures to Combat Trafficking"})
    assert not _is_furniture("civil", set())  # letters of roman numerals, but a word
    assert not _is_furniture("iii) Cases", set())
    assert not _is_furniture("[Table 3] Charges imposed", set())


def _render_html_tables(path: Path, filler: int) -> None:
    """Table 2 as a browser prints it: US Letter, serif, thin grey per-cell borders, a shaded
    header repeated on every page, rows free to break across pages."""
    import html
    import subprocess

    css = (
        "@page { size: Letter; margin: 2cm; } body { font-family: serif; font-size: 11pt; }"
        "table { border-collapse: collapse; width: 100%; }"
        "td, th { border: 0.5px solid #999; padding: 3px; vertical-align: top; text-align: left; }"
        "thead th { background: #ddd; }"
    )
    parts = [f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    parts += [
        f"<p>Filler sentence number {i} of the narrative before the table.</p>"
        for i in range(filler)
    ]
    parts.append("<p><b>[Table 2] Charges imposed on the 32 prosecuted persons</b></p>")
    parts.append(
        "<table><thead><tr><th>No.</th><th>Offense</th><th>Results of trial</th></tr></thead><tbody>"
    )
    for i, ((offense, _), (result, _)) in enumerate(
        zip(TABLE2_OFFENSES, TABLE2_RESULTS, strict=True), 1
    ):
        parts.append(
            f"<tr><td>{i}</td><td>{html.escape(offense)}</td><td>{html.escape(result)}</td></tr>"
        )
    parts.append("</tbody></table><h3>iii) Cases</h3></body></html>")
    source = path.with_suffix(".html")
    source.write_text("\n".join(parts), encoding="utf-8")
    subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={path}",
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.browser
def test_browser_split_rows_joined(tmp_path):

    if chromium() is None:
        pytest.skip("headless Chromium not installed")
    joined = []
    for filler in (6, 8):  # these split rows 13, then 12 and 26
        path = tmp_path / f"html-{filler}.pdf"
        _render_html_tables(path, filler)
        table = extract_tables(open_for_tables(path), None, profile=PROFILE)["table2"]
        assert table.parse_report.strategy == "lattice"
        assert [r.no for r in table.rows] == list(range(1, 33)), filler
        assert [r.offense for r in table.rows] == [o for o, _ in TABLE2_OFFENSES], filler
        assert [r.result for r in table.rows] == [r for r, _ in TABLE2_RESULTS], filler
        for row in table.rows:
            assert row.joined == (len(row.pages) == 2), (filler, row.no)
        joined += [(filler, r.no) for r in table.rows if r.joined]
    assert len(joined) >= 2, joined


def test_caption_read_without_layout_keeps_its_wrapped_line(report_pdfs):
    """Without layout analysis the caption comes from its text line; the line it wraps onto,
    above the table, is part of it."""

    path = report_pdfs[2020]  # committed: the session fixture fails the run when it is missing
    tables = extract_tables(open_for_tables(path), None, profile=PROFILE)
    assert tables["table3"].caption == (
        "Charges imposed on the six persons reported as awaiting trial in the 2019 annual report "
        "and the results of their trials (as of March 31, 2020)"
    )
    assert tables["table1"].caption == "Main initiatives from 2004 to 2019"
    assert [r.no for r in tables["table2"].rows] == list(range(1, 33))
