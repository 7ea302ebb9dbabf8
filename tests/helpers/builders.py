"""Build small `Record`s and `Finding`s in tests, without PDFs.

Why: the diff, the renderers, the site and the export are tested on records whose every
value the test itself chose, so an expected value never comes from the tool's own output.
Anyone may reuse these helpers; they only construct the record model, never parse a PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annualcheck.model.findings import Evidence, Finding
from annualcheck.model.record import (
    Caption,
    Figure,
    Paragraph,
    Record,
    ReportMeta,
    Section,
    Source,
    StatedChange,
    Table,
    TableRow,
    TocEntry,
    TrialSentence,
)


def fig(
    key: str,
    value: float,
    period: str,
    *,
    delta: float | None = None,
    ref: str | None = None,
    page: int = 9,
    quote: str | None = None,
    section: str | None = "2 (1) i)",
    unit: str = "persons",
    phrase: str | None = None,
    printed_page: int | None = None,
    approximate: bool = False,
    preliminary: bool = False,
) -> Figure:
    """A figure; `delta` adds a stated change against `ref` (default: the year before)."""
    change = None
    if delta is not None:
        ref = ref or str(int(re.findall(r"\d{4}", period)[-1]) - 1)
        change = StatedChange(
            delta, ref, phrase or f"{abs(delta):g} {'more' if delta >= 0 else 'less'} than in {ref}"
        )
    return Figure(
        key=key,
        value=value,
        unit=unit,
        period=period,
        page=page,
        quote=quote or f"{key} was {value:g} in {period}",
        stated_change=change,
        printed_page=printed_page,
        section=section,
        approximate=approximate,
        preliminary=preliminary,
    )


def sentence_of(result: str) -> tuple[str, TrialSentence | None]:
    """Status and sentence of a result as the report prints it (enough for test rows)."""
    low = result.lower()
    if "pending" in low:
        return "pending", None
    if "acquit" in low or "not guilty" in low:
        return "acquitted", None
    prefix = low.split("imprisonment")[0] if "imprisonment" in low else ""
    years = re.search(r"(\d+) years?", prefix)
    months = 12 * int(years.group(1)) if years else 0
    if m := re.search(r"(\d+) months?", prefix):
        months += int(m.group(1))
    suspended = re.search(r"suspension of (\d+) years?", low)
    fine = re.search(r"([\d,]+|1 million) yen fine", low)
    fine_yen = None
    if fine:
        fine_yen = (
            1_000_000 if fine.group(1) == "1 million" else int(fine.group(1).replace(",", ""))
        )
    return "convicted", TrialSentence(
        prison_months=months or None,
        suspended_years=int(suspended.group(1)) if suspended else None,
        probation="probation" in low,
        fine_yen=fine_yen,
    )


def rows(items: Iterable[tuple[str, str]], page: int = 12) -> list[TableRow]:
    """Table rows from (offense, result) pairs, numbered from 1."""
    out = []
    for no, (offense, result) in enumerate(items, start=1):
        status, sentence = sentence_of(result)
        charges = [c.strip() for c in re.split(r",\s*(?:and\s+)?", offense) if c.strip()]
        out.append(TableRow(no, offense, charges, result, status, sentence, pages=[page]))
    return out


def record(
    report_year: int,
    figures: Iterable[Figure] = (),
    *,
    table2: Iterable[tuple[str, str]] = (),
    table3: Iterable[tuple[str, str]] = (),
    paragraphs: Iterable[tuple[str, str]] = (),
    sections: Iterable[tuple[str, str]] = (),
    captions: Iterable[tuple[str, str, int]] = (),
    toc: Iterable[tuple[str, str, int]] = (),
    pages: int = 60,
    reconstruction: bool = False,
) -> Record:
    """A record of report `report_year` (covering the year before)."""
    tables = {}
    t2, t3 = list(table2), list(table3)
    if t2:
        tables["table2"] = Table(
            "Table 2", f"Charges imposed on the {len(t2)} prosecuted persons", 12, rows(t2, 12)
        )
    if t3:
        tables["table3"] = Table(
            "Table 3", f"Charges imposed on the {len(t3)} persons", 15, rows(t3, 15)
        )
    return Record(
        source=Source(file=f"{report_year}.pdf", sha256="0" * 64, pages=pages),
        report=ReportMeta(
            title="Measures to Combat Trafficking in Persons (Annual Report)",
            published=f"{report_year}-05-25",
            report_year=report_year,
            data_year=report_year - 1,
            reconstruction=reconstruction,
        ),
        figures=list(figures),
        tables=tables,
        captions=[Caption(label, text, page) for label, text, page in captions],
        toc=[TocEntry(label, text, page) for label, text, page in toc],
        sections=[Section(number, title, number.count(" ") + 1, 5) for number, title in sections],
        paragraphs=[Paragraph(text, 9, section=section) for section, text in paragraphs],
    )


def finding(
    rule: str,
    severity: str,
    report_year: int,
    message: str,
    *,
    page: int | None = 9,
    quote: str = "",
    key: str | None = None,
    expected: object = None,
    actual: object = None,
    more: Iterable[tuple[int, int | None, str]] = (),
) -> Finding:
    """A finding with its own evidence first, then (report_year, page, quote) of `more`."""
    evidence = [Evidence(report_year, page, quote)] if quote or page is not None else []
    evidence += [Evidence(y, p, q) for y, p, q in more]
    return Finding(rule, severity, report_year, message, key, expected, actual, tuple(evidence))


# -- a small three-year series (values from docs/FACTS.md and the 2020 text) ------

#: Offenses of the six persons report 2020's Table 3 carries over, in its order.
TABLE3_2020 = [
    ("Violation of the Anti-Prostitution Act", "2 years 6 months imprisonment, 300,000 yen fine"),
    ("Violation of the Anti-Prostitution Act", "Pending trial"),
    ("Extortion attempt, violation of the Anti-Prostitution Act", "Pending trial"),
    (
        "Accessory to attempted extortion, violation of the Anti-Prostitution Act",
        "2 years imprisonment, suspension of 3 years, 100,000 yen fine",
    ),
    ("Violation of the Anti-Prostitution Act", "2 years 6 months imprisonment, 300,000 yen fine"),
    ("Violation of the Labor Standards Act", "Pending trial"),
]


def series() -> dict[int, Record]:
    """Reports 2019, 2020 and 2021 with a handful of figures, tables and text each.

    Built so that: report 2020 states changes that agree with 2019 except `suspects.arrested`
    (stated one less, the numbers give two less); `victims.iom.shelter` is new in 2020;
    `perpetrators.deportation_orders` is dropped in 2020; four of the six persons report 2019
    left pending stand in its Table 2 (one with charges reordered, one reworded), two in its
    Table 3.
    """
    s2 = "2 (1) i)"
    s2b = "2 (1) ii)"
    r2019 = record(
        2019,
        [
            fig("victims.total", 27, "2018", delta=-19, page=8),
            fig("victims.nationality.japan", 18, "2018", delta=-10, page=8),
            fig("victims.nationality.philippines", 5, "2018", page=8),
            fig("victims.nationality.thailand", 4, "2018", page=8),
            fig("victims.form.sexual_exploitation", 21, "2018", page=8),
            fig("victims.form.nightclub_hostess", 4, "2018", page=8),
            fig("victims.form.labor_exploitation", 2, "2018", page=8),
            fig("cases.cleared", 36, "2018", page=10, section=s2b),
            fig("suspects.arrested", 41, "2018", page=10, section=s2b),
            fig("suspects.prosecuted", 30, "2018", page=10, section=s2b),
            fig("suspects.prosecuted.pending", 4, "2018", page=10, section=s2b),
            fig("perpetrators.deportation_orders", 2, "2018", page=10, section=s2b),
            fig("hotline.reports", 120, "FY2017", page=30, section="4 (2)", unit="reports"),
        ],
        table2=[
            ("Violation of the Anti-Prostitution Act", "Pending trial"),
            ("Violation of the Anti-Prostitution Act", "Pending trial"),
            ("Violation of the Anti-Prostitution Act, extortion attempt", "Pending trial"),
            ("Violation of the Child Welfare Act", "1 year imprisonment, suspension of 3 years"),
            (
                "Violation of the Anti-Prostitution Act, accessory to extortion attempt",
                "Pending trial",
            ),
        ],
        table3=[
            ("Violation of the Anti-Prostitution Act", "Pending trial"),
            ("Violation of the Labor Standards Act", "Pending trial"),
            ("Violation of the Child Welfare Act", "2 years imprisonment"),
        ],
        sections=[
            ("2", "Gaining a thorough understanding"),
            ("3", "Prevention"),
            ("8", "Future efforts"),
        ],
        paragraphs=[
            (
                s2,
                "The number of victims put under protection in 2018 was 27 (19 fewer than in 2017). All of them were women.",
            ),
            (s2b, "In 2018, 41 persons were arrested for trafficking in persons."),
            ("3", "Immigration control was made thorough at every port of entry in the country."),
            ("8", "The Government will continue to combat trafficking in persons."),
        ],
        captions=[("Figure 7", "Nationalities of 41 suspects", 11)],
        toc=[("Figure 7", "Nationalities of 41 suspects", 11)],
        reconstruction=True,
    )
    r2020 = record(
        2020,
        [
            fig("victims.total", 47, "2019", delta=20, page=9),
            fig("victims.nationality.japan", 34, "2019", delta=16, page=9),
            fig("victims.nationality.philippines", 12, "2019", delta=7, page=9),
            fig("victims.nationality.brazil", 1, "2019", delta=1, page=9),
            fig("victims.form.sexual_exploitation", 35, "2019", delta=14, page=9),
            fig("victims.form.nightclub_hostess", 12, "2019", delta=8, page=9),
            fig("victims.form.labor_exploitation", 0, "2019", delta=-2, page=9),
            fig("victims.iom.shelter", 9, "2019", page=9),
            fig("cases.cleared", 57, "2019", delta=21, page=10, section=s2b),
            fig("suspects.arrested", 39, "2019", delta=-1, page=10, section=s2b),
            fig("suspects.prosecuted", 32, "2019", page=10, section=s2b),
            fig("suspects.prosecuted.pending", 9, "2019", page=10, section=s2b),
            fig("hotline.reports", 150, "FY2018", page=31, section="4 (2)", unit="reports"),
        ],
        table2=[
            ("Extortion attempt", "2 years imprisonment, suspension of 5 years with probation"),
            ("Violation of the Child Welfare Act", "500,000 yen fine"),
            ("Violation of the Employment Security Act", "Pending trial"),
            ("Kidnapping for indecency", "10 years imprisonment"),
        ],
        table3=TABLE3_2020,
        sections=[
            ("2", "Gaining a thorough understanding"),
            ("3", "Prevention"),
            ("7", "Foundations"),
        ],
        paragraphs=[
            (
                s2,
                "The number of victims put under protection in 2019 was 47 (20 more than in 2018). All of them were women.",
            ),
            (s2, "Nine victims were repatriated through IOM."),
            (s2b, "In 2019, 39 persons were arrested for trafficking in persons."),
            (
                "3",
                "Strict examination of visa applications was carried out by every embassy abroad.",
            ),
            ("7", "Japan concluded the Trafficking in Persons Protocol."),
        ],
        captions=[
            ("Figure 7", "Nationalities of 39 suspects", 11),
            ("Figure 8", "Occupations of 39 suspects", 11),
        ],
        toc=[
            ("Figure 7", "Nationalities of 39 suspects", 11),
            ("Figure 8", "Occupations of 40 suspects", 11),
        ],
        pages=79,
    )
    r2021 = record(
        2021,
        [
            fig("victims.total", 38, "2020", delta=-9, page=9),
            fig("victims.nationality.japan", 28, "2020", page=9),
            fig("victims.nationality.philippines", 10, "2020", page=9),
            fig("victims.form.sexual_exploitation", 31, "2020", page=9),
            fig("victims.form.nightclub_hostess", 7, "2020", delta=-5, page=9),
            fig("victims.form.labor_exploitation", 0, "2020", page=9),
            fig("cases.cleared", 50, "2020", page=10, section=s2b),
            fig("suspects.arrested", 42, "2020", delta=3, page=10, section=s2b),
            fig("suspects.prosecuted", 30, "2020", page=10, section=s2b),
            fig("suspects.prosecuted.pending", 5, "2020", page=10, section=s2b),
        ],
        table2=[("Violation of the Anti-Prostitution Act", "1 year imprisonment")],
        table3=[
            ("Violation of the Anti-Prostitution Act", "1 year imprisonment"),
            ("Violation of the Anti-Prostitution Act, extortion attempt", "Pending trial"),
            ("Violation of the Labor Standards Act", "Acquitted"),
            ("Violation of the Employment Security Act", "Pending trial"),
        ],
        sections=[("2", "Gaining a thorough understanding")],
        paragraphs=[
            (
                s2,
                "The number of victims put under protection in 2020 was 38 (9 fewer than in 2019). All of them were women.",
            ),
        ],
        reconstruction=True,
    )
    return {2019: r2019, 2020: r2020, 2021: r2021}


def series_findings() -> list[Finding]:
    """Findings on `series()` as a checker might report them (made up for renderer tests)."""
    return [
        finding(
            "stated-change", "error", 2020,
            "suspects.arrested: stated one less than in 2018, the 2019 report gives 41 (two less)",
            page=10, quote="39 persons were arrested for trafficking in persons (one less than in 2018)",
            key="suspects.arrested", expected=-2, actual=-1,
            more=[(2019, 10, "In 2018, 41 persons were arrested for trafficking in persons.")],
        ),
        finding(
            "toc-caption", "error", 2020,
            "Figure 8: contents say 40 suspects, caption says 39",
            page=11, quote="Figure 8 Occupations of 39 suspects", key=None, expected=39, actual=40,
        ),
        finding(
            "breakdown-sum", "warning", 2021,
            "victims by nationality: 28 + 10 = 38 of 38",
            page=9, quote="28 were Japanese", key="victims.total",
        ),
        finding(
            "stated-change", "info", 2019,
            "victims.total: stated change against 2017, no report of 2018 in the series",
            page=8, quote="27 (19 fewer than in 2017)", key="victims.total",
        ),
    ]  # fmt: skip
