"""Which report is this: title, publication date, report year and the year it covers.

Why from the content: file names lie ("2020.pdf" may be any year) and PDF dates are the
producer's, not the publisher's. The title page prints the title and the publication date;
the body says which year the data cover ("with a focus on initiatives undertaken in 2019",
"covering 2019"). The phrases are the profile's (`Profile.meta`).
"""

from __future__ import annotations

import re
from collections import Counter

from annualcheck.compiled_patterns import compiled
from annualcheck.layout.blocks import Layout
from annualcheck.model.errors import NoSection2Error, NotThisSeriesError
from annualcheck.model.record import ReportMeta
from annualcheck.pdf.document import PdfDocument
from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.extract import MetaSpec

#: A token of symbols only ("~", "|", "»"): OCR's reading of specks and rules, no word.
_STRAY_SYMBOLS = compiled(r"(?<!\S)[^\w\s]+(?!\S)")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def title_page_text(doc: PdfDocument, layout: Layout) -> str:
    """The words before the contents (or the first page when there are no contents)."""
    lines = layout.title_lines or (doc.pages[0].lines if doc.pages else [])
    return _squash(" ".join(line.text for line in lines))


def read_title(doc: PdfDocument, layout: Layout, part: MetaSpec) -> str | None:
    """The title: the largest print on the title page that holds the series phrase,
    else the PDF's Title when it holds the phrase."""
    lines = layout.title_lines or (doc.pages[0].lines if doc.pages else [])
    phrase = part.title_phrase.lower()
    if lines:
        biggest = max(line.size for line in lines)
        # within a tenth of the biggest size: OCR gives each line of one title its own size
        title = _squash(" ".join(line.text for line in lines if line.size >= biggest * 0.9 - 0.5))
        title = _squash(_STRAY_SYMBOLS.sub(" ", title))
        if phrase in title.lower():
            return title
    meta_title = doc.metadata.get("title", "")
    if phrase in _squash(meta_title).lower():
        return _squash(meta_title)
    return None


def read_published(text: str, part: MetaSpec) -> str | None:
    """The first date printed on the title page, as an ISO date."""
    for pattern in part.date_patterns:
        m = pattern.search(text)
        if not m:
            continue
        month = m.group("month")
        month_no = int(month) if month.isdigit() else part.months.index(month.lower()) + 1
        return f"{int(m.group('year')):04d}-{month_no:02d}-{int(m.group('day')):02d}"
    return None


def read_data_year(layout: Layout, part: MetaSpec) -> int | None:
    """The year the report covers, from its own sentences: the strongest pattern that
    matches wins; within a pattern, the most frequent year."""
    paragraphs = [p for p in layout.paragraphs if p.section != "footnote"]
    for pattern in part.data_year_patterns:
        years = Counter(int(m.group("year")) for p in paragraphs for m in pattern.finditer(p.text))
        if years:
            return years.most_common(1)[0][0]
    return None


def is_reconstruction(doc: PdfDocument, page_text: str, part: MetaSpec) -> bool:
    phrase = part.reconstruction_phrase.lower()
    fields = [page_text] + [doc.metadata.get(k, "") for k in ("title", "subject", "keywords")]
    return any(phrase in _squash(f).lower() for f in fields)


def check_plausible_year(path: object, report_year: int, first: int | None) -> None:
    """Refuse a report year before the series began or after the current year: a date
    misread (or forged) must not become a year that the series' diff and checks trust."""
    import datetime

    latest = datetime.date.today().year
    if first is not None and report_year < first:
        raise NotThisSeriesError(
            path, f"report year {report_year} is before the series began ({first}); refused"
        )
    if report_year > latest:
        raise NotThisSeriesError(
            path, f"report year {report_year} is after the current year ({latest}); refused"
        )


def read_meta(doc: PdfDocument, layout: Layout, *, profile: Profile) -> ReportMeta:
    """Title, dates and years of a report; raises NotThisSeriesError / NoSection2Error with
    the profile's words for why."""
    part = profile.meta
    page_text = title_page_text(doc, layout)
    title = read_title(doc, layout, part)
    if title is None:
        raise NotThisSeriesError(doc.path, profile.labels.not_this_series)
    if not any(s.number == part.required_section for s in layout.sections):
        raise NoSection2Error(doc.path, profile.labels.missing_section)
    published = read_published(page_text, part)
    data_year = read_data_year(layout, part)
    if published is not None:
        report_year = int(published[:4])
    elif data_year is not None:
        report_year = data_year + part.publication_lag
    else:
        raise NotThisSeriesError(doc.path, "no publication date and no covered year found")
    if data_year is None:
        data_year = report_year - part.publication_lag
    check_plausible_year(doc.path, report_year, part.first_report_year)
    return ReportMeta(
        title=title,
        published=published,
        report_year=report_year,
        data_year=data_year,
        series=profile.name,
        reconstruction=is_reconstruction(doc, page_text, part),
    )


__all__ = ["read_data_year", "read_meta", "read_published", "read_title", "title_page_text"]
