"""One report PDF → its normalized Record: the pipeline in one place.

open_pdf → analyse_layout → read_meta → extract_figures / extract_tables → Record.
Bad input surfaces as the errors.py types raised by the steps (never a library exception).
"""

from __future__ import annotations

from pathlib import Path

from annualcheck.model.record import Figure, Record, Source
from annualcheck.model.timings import active, collecting, stage, wanted
from annualcheck.pdf.document import open_pdf
from annualcheck.pdf.ocr import is_ocr_output
from annualcheck.pdf.page_split import run_beside_child
from annualcheck.pdf.text import clean_ocr_page
from annualcheck.profiles.spec import Profile

# The stages after the pages (layout, meta, figures, tables) are imported by `_prepare`,
# while other processes read the pages, not when this module is: ~50 ms of imports a
# report that were spent before its first page was read.


def _prepare(profile: Profile) -> None:
    """What reading a report needs after its pages, made while its pages are being read by
    other processes (open_pdf's `meanwhile`): the later stages' modules imported, and the
    figures' grammar compiled (a child forked after it inherits it compiled)."""
    import annualcheck.extract.meta
    import annualcheck.extract.tables.assemble
    import annualcheck.layout.blocks  # noqa: F401 - imported for the stages below
    from annualcheck.extract.figures.pipeline import prepare_figures

    prepare_figures(profile)


def extract_record(
    path: str | Path, password: str | None = None, *, profile: Profile, page_parts: int = 1
) -> Record:
    """Read one report of the profile's series and return its record (figures, tables,
    captions, contents, text). `page_parts` > 1 reads the pages in that many processes at
    once (open_pdf), for a report read alone on a machine with cores to spare."""
    # In a worker process no timer of the command is active: time this report on its own.
    with collecting(wanted() and not active(), title=Path(path).name):
        with stage("pdf open"):
            doc = open_pdf(
                path, password=password, parts=page_parts, meanwhile=lambda: _prepare(profile)
            )
        from annualcheck.extract.figures.merge import merge_figures
        from annualcheck.extract.figures.pipeline import (
            FiguresPlan,
            extract_figures,
            figures_of_section,
            plan_figures,
            section_starts,
        )
        from annualcheck.extract.meta import read_meta
        from annualcheck.extract.tables.assemble import extract_tables
        from annualcheck.layout.blocks import analyse_layout

        with doc:
            ocr = is_ocr_output(doc.metadata)
            if ocr:
                doc.pages = [clean_ocr_page(page) for page in doc.pages]
            with stage("layout"):
                layout = analyse_layout(doc, profile=profile)

            def read_tables() -> dict:
                return extract_tables(doc, layout, profile=profile, from_ocr=ocr)

            with stage("meta"):
                meta = read_meta(doc, layout, profile=profile)
            with stage("figures"):
                tables = None
                if page_parts > 1:
                    # With cores to spare (the pages were read in parts), a forked child
                    # reads the tables and then helps with the sections' figures: neither
                    # changes the document or the layout, and each section is read from a
                    # fresh start, so the result is the one of reading them in turn.
                    plan: list[FiguresPlan] = []  # made once in each process reading sections

                    def make_plan() -> None:
                        plan.append(plan_figures(layout.paragraphs, profile=profile))

                    def read_section(number: int) -> list[Figure]:
                        return figures_of_section(
                            layout.paragraphs, number, meta.data_year, profile=profile, plan=plan[0]
                        )

                    sections = len(section_starts(layout.paragraphs)) - 1
                    tables, found = run_beside_child(read_tables, make_plan, read_section, sections)
                    figures = merge_figures([f for section in found for f in section])
                else:
                    figures = extract_figures(layout.paragraphs, meta.data_year, profile=profile)
            with stage("tables"):
                if tables is None:
                    tables = read_tables()
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
