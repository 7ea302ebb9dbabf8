"""One report PDF → its normalized Record: the pipeline in one place.

open_pdf → analyse_layout → read_meta → extract_figures / extract_tables → Record.
Bad input surfaces as the errors.py types raised by the steps (never a library exception).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annualcheck.extract.figures.pipeline import extract_figures
from annualcheck.extract.meta import read_meta
from annualcheck.extract.tables.assemble import extract_tables
from annualcheck.layout.blocks import analyse_layout
from annualcheck.model.record import Record, Source
from annualcheck.pdf.document import open_pdf
from annualcheck.pdf.ocr import is_ocr_output
from annualcheck.pdf.text import clean_ocr_page


def extract_record(path: str | Path, password: str | None = None, profile: Any = None) -> Record:
    """Read one report and return its record (figures, tables, captions, contents, text)."""
    if profile is None:
        from annualcheck.profiles import get_profile

        profile = get_profile()
    with open_pdf(path, password=password) as doc:
        if is_ocr_output(doc.metadata):
            doc.pages = [clean_ocr_page(page) for page in doc.pages]
        layout = analyse_layout(doc, profile)
        meta = read_meta(doc, layout, profile)
        return Record(
            source=Source(
                file=Path(path).name,
                sha256=doc.sha256,
                pages=doc.page_count,
                text_from="ocr" if is_ocr_output(doc.metadata) else "text layer",
                sections_from=layout.sections_from,
            ),
            report=meta,
            figures=extract_figures(layout.paragraphs, meta.data_year, profile),
            tables=extract_tables(doc, layout, profile),
            captions=layout.captions,
            toc=layout.toc,
            sections=layout.sections,
            paragraphs=layout.paragraphs,
        )


__all__ = ["extract_record"]
