"""Builders of small `Record`s for the checks' tests (no PDF involved), and a realistic pair
of records: report 2020 from the hand-verified expected/2020.json and the real text of
reports/src/2020.md, and a report 2019 made of the prior-year values report 2020's stated
changes imply (FACTS.md) with its six persons pending trial (those report 2020's Table 3 carries).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from annualcheck.model.record import (
    Caption,
    Figure,
    Paragraph,
    Record,
    ReportMeta,
    Source,
    StatedChange,
    Table,
    TableRow,
    TocEntry,
)
from helpers.paths import ROOT


def fig(key, value, period=None, delta=None, ref=None, page=9, quote=None, **kw) -> dict:
    """A figure spec; `record` fills in the data year as period when none is given."""
    return dict(key=key, value=value, period=period, delta=delta, ref=ref, page=page,
                quote=quote, kw=kw)  # fmt: skip


def row(no, offense, status="convicted", result=None, page=12) -> TableRow:
    result = result or ("Pending trial" if status == "pending" else "1 year imprisonment")
    return TableRow(no=no, offense=offense, charges=[offense.lower()], result=result,
                    status=status, pages=[page])  # fmt: skip


def table(label, rows, caption="", page=12) -> Table:
    return Table(label=label, caption=caption, page=page, rows=list(rows))


def record(year=2020, figures=(), tables=None, captions=(), toc=(), paragraphs=()) -> Record:
    data_year = year - 1
    figs = []
    for f in figures:
        if isinstance(f, Figure):
            figs.append(f)
            continue
        period = f["period"] or str(data_year)
        change = None
        if f["delta"] is not None:
            ref = f["ref"] or str(int(period) - 1 if period.isdigit() else data_year - 1)
            change = StatedChange(f["delta"], ref, f"{abs(f['delta'])} more than in {ref}")
        figs.append(Figure(key=f["key"], value=f["value"], unit="persons", period=period,
                           page=f["page"], quote=f["quote"] or f"{f['key']} {f['value']}",
                           stated_change=change, **f["kw"]))  # fmt: skip
    return Record(
        source=Source(file=f"{year}.pdf", sha256="0" * 64, pages=80),
        report=ReportMeta(title="Measures to Combat Trafficking in Persons (Annual Report)",
                          published=f"{year}-05-25", report_year=year, data_year=data_year),
        figures=figs,
        tables=dict(tables or {}),
        captions=list(captions),
        toc=list(toc),
        paragraphs=[p if isinstance(p, Paragraph) else Paragraph(text=p, page=9)
                    for p in paragraphs],
    )  # fmt: skip


def para(text, page=9, section=None, repeated_from=None) -> Paragraph:
    return Paragraph(text=text, page=page, section=section, repeated_from=repeated_from)


# -- the realistic pair ------------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,3}) (\S+(?: \S+)?)")


def source_paragraphs(path: Path) -> list[Paragraph]:
    """Paragraphs of a report source (reports/src/FORMAT.md): section numbers from the
    headings, "[Repeated from X]" markers applied to the bullet item they follow."""
    lines = path.read_text(encoding="utf-8").split("\n")
    body = lines[lines.index("---", 1) + 1 :]
    section = ["", "", ""]
    out: list[Paragraph] = []
    item_start = 0
    for line in body:
        line = line.strip()
        if not line or line.startswith(("|", ">", "[Figure", "[Table", "[Case", "[^", "---")):
            continue
        m = _HEADING.match(line)
        if m:
            level = len(m.group(1))
            number = line[level + 1 :].split(" ")[0]
            section[level - 1 :] = [number] + [""] * (3 - level)
            item_start = len(out)
            continue
        marker = re.search(r"\[Repeated from ([^\]]+)\]\s*$", line)
        if marker and line.startswith("[Repeated"):
            for p in out[item_start:]:
                p.repeated_from = marker.group(1)
            item_start = len(out)
            continue
        text = re.sub(r"\[\^\d+\]|\*\*?", "", line)
        text = re.sub(r"^(?:○|-)\s+", "", text)
        if line.startswith(("○ ", "- ", "  - ")):
            item_start = len(out)
        p = Paragraph(text=text.strip(), page=len(out) // 4 + 1,
                      section=" ".join(s for s in section if s))  # fmt: skip
        if marker:
            p.text = text[: text.rfind("[Repeated")].strip()
            p.repeated_from = marker.group(1)
        out.append(p)
    return out


def _fig_from_expected(d: dict, data_year: str) -> Figure:
    ch = d.get("stated_change")
    return Figure(key=d["key"], value=d["value"], unit="persons", period=d.get("period") or data_year,
                  page=9, quote=f"{d['key']} = {d['value']}",
                  stated_change=StatedChange(ch["delta"], ch["reference_period"], "")
                  if ch else None)  # fmt: skip


def _rows(rows: list[dict], page: int) -> list[TableRow]:
    return [TableRow(no=r["no"], offense=r["offense"], charges=r["charges"], result=r["result"],
                     status=r["status"], pages=[page]) for r in rows]  # fmt: skip


def expected_record(year: int) -> Record:
    """A record as the extractor should give it, from the hand-verified expected/<year>.json
    and the paragraphs of reports/src/<year>.md."""
    exp = json.loads((ROOT / "expected" / f"{year}.json").read_text(encoding="utf-8"))
    captions = [Caption(c["label"], c["text"], page=10 + i, printed_page=5 + i)
                for i, c in enumerate(exp["captions"])]  # fmt: skip
    differs = {d["label"]: d["text"] for d in exp["toc_differs"]}
    toc = [TocEntry(c.label, differs.get(c.label, c.text), c.printed_page, toc_page=3)
           for c in captions]  # fmt: skip
    cap = {c.label: c.text for c in captions}
    rec = record(year, paragraphs=source_paragraphs(ROOT / "reports" / "src" / f"{year}.md"),
                 captions=captions, toc=toc)  # fmt: skip
    data_year = str(year - 1)
    rec.figures = [_fig_from_expected(d, data_year) for d in exp["figures"] + exp["other_figures"]]
    rec.tables = {
        name: Table(label, cap.get(label, ""), page, _rows(exp["tables"][name]["rows"], page))
        for name, label, page in (("table2", "Table 2", 16), ("table3", "Table 3", 18))
        if name in exp["tables"]
    }
    return rec


def real_2020() -> Record:
    return expected_record(2020)


#: report 2019 (covering 2018): the values report 2020's stated changes imply (FACTS.md).
IMPLIED_2018 = {
    "victims.total": 27, "victims.sex.female": 26, "victims.sex.male": 1,
    "victims.nationality.japan": 18, "victims.nationality.philippines": 5,
    "victims.nationality.thailand": 4, "victims.nationality.brazil": 0, "victims.non_japanese": 9,
    "victims.residence.entertainer": 3, "victims.residence.temporary_visitor": 1,
    "victims.residence.spouse_of_japanese_national": 1, "victims.residence.permanent_resident": 0,
    "victims.minors": 5, "victims.form.sexual_exploitation": 21,
    "victims.form.nightclub_hostess": 4, "victims.form.labor_exploitation": 2,
    "cases.cleared": 36, "suspects.arrested": 40, "suspects.sex.male": 32, "suspects.sex.female": 8,
    "suspects.nationality.japan": 37, "suspects.nationality.philippines": 0,
    "suspects.occupation.adult_entertainment": 7, "suspects.occupation.unemployed": 21,
    "suspects.occupation.other": 12, "suspects.broker": 1, "suspects.organized_crime": 3,
}  # fmt: skip


def synthetic_2019(real2020: Record) -> Record:
    """Report 2019 consistent with report 2020: the implied 2018 values, hotline reports by
    fiscal year as report 2020 gives them, and a Table 2 leaving pending the six persons that
    report 2020's Table 3 lists, in the same order."""
    figs = [fig(k, v, page=8) for k, v in IMPLIED_2018.items()]
    figs += [fig("hotline.reports", 182, period="FY2016", page=30),
             fig("hotline.reports", 433, period="FY2017", page=30)]  # fmt: skip
    carried = real2020.tables["table3"].rows
    t2 = [row(k + 1, r.offense, "pending", page=11) for k, r in enumerate(carried)]
    return record(2019, figures=figs, tables={"table2": table("Table 2", t2, page=11)})
