"""Small helpers the rules share: numbers in words, text normalisation, evidence, formatting.

Kept here (not in `annualcheck.prose.numbers`) so the checks stay pure and independent of the
extractor's modules, which are written at the same time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annualcheck.compiled_patterns import compiled
from annualcheck.model.findings import Evidence, Finding
from annualcheck.model.record import Caption, Figure, Occurrence, Paragraph, Record, TableRow
from annualcheck.model.safety import bounded_int
from annualcheck.prose.quotes import mark_cuts

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | _TENS | {"none": 0}
for _t, _v in _TENS.items():
    for _u in range(1, 10):
        NUMBER_WORDS[f"{_t}-{_UNITS[_u]}"] = _v + _u

#: A count as printed: digits (with thousands commas) or a number word.
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
NUM_RE = compiled(rf"(?<![\w.,-]){NUM}(?![\w-]|[.,]\d)", re.IGNORECASE)


def parse_count(text: str) -> int | None:
    """ "six" -> 6, "9,454" -> 9454, "Six" -> 6; anything else -> None."""
    t = text.strip().lower()
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return bounded_int(t)  # None past any plausible count: int() of 5,000 digits raises
    return None


def numbers_in(text: str) -> list[int]:
    """Every count in the text, in order (digits and number words)."""
    return [n for m in NUM_RE.finditer(text) if (n := parse_count(m.group(0))) is not None]


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def fold(text: str) -> str:
    """Lower case, quotes unified, punctuation to spaces, whitespace collapsed: what is left
    is the words, so two renderings of one sentence compare equal."""
    t = text.translate(_QUOTES).lower()
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(t.split())


def words(text: str) -> list[str]:
    return fold(text).split()


def fmt(value: float | int | None) -> str:
    """47.0 -> "47"; None -> "none"."""
    if value is None:
        return "none"
    if float(value).is_integer():
        return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
    return f"{value:g}"


def plain(value: float | int | None):
    """Numbers for the findings' JSON: whole floats as ints."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def page_ref(*pages: int | None) -> str:
    known: list[int] = []
    for p in pages:
        if p and p not in known:
            known.append(p)
    if not known:
        return ""
    if len(known) == 1:
        return f" (p. {known[0]})"
    return " (" + " vs ".join(f"p. {p}" for p in known) + ")"


def shorten(text: str, limit: int = 300) -> str:
    """Whitespace collapsed; a quote longer than `limit` cut at a word, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def page_texts(record: Record, page: int | None) -> list[str]:
    """Texts of the paragraphs on `page` (where a figure's quote was taken from)."""
    return [p.text for p in record.paragraphs if p.page == page]


def sentence_quote(record: Record, quote: str, page: int | None) -> str:
    """A figure's quote with "…" where it was cut out of its sentence, then shortened."""
    return shorten(mark_cuts(quote, page_texts(record, page)))


def ev_figure(record: Record, fig: Figure) -> Evidence:
    return Evidence(
        record.report.report_year,
        fig.page,
        sentence_quote(record, fig.quote, fig.page),
        fig.printed_page,
    )


def ev_occurrence(record: Record, occ: Occurrence) -> Evidence:
    return Evidence(
        record.report.report_year,
        occ.page,
        sentence_quote(record, occ.quote, occ.page),
        occ.printed_page,
    )


def ev_paragraph(record: Record, para: Paragraph, quote: str | None = None) -> Evidence:
    text = mark_cuts(quote, [para.text]) if quote else para.text
    return Evidence(record.report.report_year, para.page, shorten(text), para.printed_page)


def ev_caption(record: Record, cap: Caption) -> Evidence:
    return Evidence(record.report.report_year, cap.page, shorten(cap.text), cap.printed_page)


def ev_table(record: Record, name: str) -> Evidence | None:
    table = record.tables.get(name)
    if table is None:
        return None
    return Evidence(
        record.report.report_year, table.page, shorten(f"[{table.label}] {table.caption}"),
        table.printed_page,
    )  # fmt: skip


def ev_row(record: Record, label: str, row: TableRow) -> Evidence:
    page = row.pages[0] if row.pages else None
    return Evidence(
        record.report.report_year,
        page,
        shorten(f"{label} row {row.no}: {row.offense} | {row.result}"),
    )


def ev_record(record: Record, quote: str) -> Evidence:
    """Evidence for a whole report (what is missing has no page of its own)."""
    return Evidence(record.report.report_year, None, quote)


def data_period(record: Record) -> str:
    return str(record.report.data_year)


def lag_of(record: Record) -> int:
    """Years between a report and the year it covers, as this report of the series has it
    (so a report missing from the series is named by its neighbours' lag)."""
    return record.report.report_year - record.report.data_year


def report_name(year: int, lag: int) -> str:
    """ "report 2020 (covering 2019)" for a report published `lag` years after its data."""
    return f"report {year} (covering {year - lag})"


def evidence(*items: Evidence | None | Iterable[Evidence]) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for item in items:
        if item is None:
            continue
        if isinstance(item, Evidence):
            out.append(item)
        else:
            out.extend(e for e in item if e is not None)
    return tuple(out)


def finding(rule: str, severity: str, record: Record, message: str, **kw) -> Finding:
    kw["expected"] = plain(kw.get("expected"))
    kw["actual"] = plain(kw.get("actual"))
    return Finding(rule, severity, record.report.report_year, message, **kw)
