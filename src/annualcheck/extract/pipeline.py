"""One report PDF → its normalized Record: the pipeline in one place.

open_pdf → analyse_layout → read_meta → extract_figures / extract_tables → Record.
Bad input surfaces as the errors.py types raised by the steps (never a library exception).
"""

from __future__ import annotations

from pathlib import Path

from annualcheck.extract.figures.pipeline import extract_figures
from annualcheck.extract.meta import read_meta
from annualcheck.extract.tables.assemble import extract_tables
from annualcheck.layout.blocks import analyse_layout
from annualcheck.model.record import Record, Source
from annualcheck.model.timings import active, collecting, stage, wanted
from annualcheck.pdf.document import open_pdf
from annualcheck.pdf.ocr import is_ocr_output
from annualcheck.pdf.page_split import finish_call, start_call, stop_call
from annualcheck.pdf.text import clean_ocr_page
from annualcheck.profiles.spec import Profile


def extract_record(
    path: str | Path, password: str | None = None, *, profile: Profile, page_parts: int = 1
) -> Record:
    """Read one report of the profile's series and return its record (figures, tables,
    captions, contents, text). `page_parts` > 1 reads the pages in that many processes at
    once (open_pdf), for a report read alone on a machine with cores to spare."""
    # In a worker process no timer of the command is active: time this report on its own.
    with collecting(wanted() and not active(), title=Path(path).name):
        with stage("pdf open"):
            doc = open_pdf(path, password=password, parts=page_parts)
        with doc:
            ocr = is_ocr_output(doc.metadata)
            if ocr:
                doc.pages = [clean_ocr_page(page) for page in doc.pages]
            with stage("layout"):
                layout = analyse_layout(doc, profile=profile)

            def read_tables() -> dict:
                return extract_tables(doc, layout, profile=profile, from_ocr=ocr)

            # With cores to spare (the pages were read in parts), the tables are read by a
            # forked child while this process reads the meta and the figures: neither
            # changes the document or the layout the other reads, so the result is the
            # one of reading them in turn; a child that fails only costs the time.
            child = start_call(read_tables) if page_parts > 1 else None
            try:
                with stage("meta"):
                    meta = read_meta(doc, layout, profile=profile)
                with stage("figures"):
                    figures = extract_figures(layout.paragraphs, meta.data_year, profile=profile)
                with stage("tables"):
                    done = finish_call(child) if child is not None else None
                    child = None  # reaped by finish_call
                    tables = done[0] if done is not None else read_tables()
            finally:  # an error, the time limit, Ctrl-C: the child never outlives the report
                if child is not None:
                    stop_call(child)
            return Record(
                source=Source(
                    file=Path(path).name,
                    sha256=doc.sha256,
                    pages=doc.page_count,
                    skipped_pages=list(doc.skipped_pages),
                    text_from="ocr" if ocr else "text layer",
                    sections_from=layout.sections_from,
                ),
                report=meta,
                figures=figures,
                tables=tables,
                captions=layout.captions,
                toc=layout.toc,
                sections=layout.sections,
                paragraphs=layout.paragraphs,
            )


__all__ = ["extract_record"]
