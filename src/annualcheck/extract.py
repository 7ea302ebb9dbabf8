"""One report PDF → its normalized Record: the pipeline in one place.

open_pdf → analyse_layout → read_meta → extract_figures / extract_tables → Record.
Bad input surfaces as the errors.py types raised by the steps (never a library exception).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .layout import analyse_layout
from .meta import read_meta
from .pdf import open_pdf
from .record import Record, Source

try:  # written in parallel; until it lands a record simply has no figures
    from .figures import extract_figures
except ImportError:  # pragma: no cover - temporary guard
    extract_figures = None  # type: ignore[assignment]

try:  # written in parallel; until it lands a record simply has no tables
    from .tables import extract_tables
except ImportError:  # pragma: no cover - temporary guard
    extract_tables = None  # type: ignore[assignment]


def extract_record(path: str | Path, password: str | None = None, profile: Any = None) -> Record:
    """Read one report and return its record (figures, tables, captions, contents, text)."""
    if profile is None:
        from .profiles import get_profile

        profile = get_profile()
    with open_pdf(path, password=password) as doc:
        layout = analyse_layout(doc, profile)
        meta = read_meta(doc, layout, profile)
        # A profile part not written yet (profiles/<series>/figures.py) means no vocabulary:
        # no figures rather than a crash while the parts land.
        figures = (
            extract_figures(layout.paragraphs, meta.data_year, profile)
            if extract_figures is not None and getattr(profile, "figures", None) is not None
            else []
        )
        tables = (
            extract_tables(doc, layout, profile)
            if extract_tables is not None and getattr(profile, "tables", None) is not None
            else {}
        )
        return Record(
            source=Source(file=Path(path).name, sha256=doc.sha256, pages=doc.page_count),
            report=meta,
            figures=figures,
            tables=tables,
            captions=layout.captions,
            toc=layout.toc,
            sections=layout.sections,
            paragraphs=layout.paragraphs,
        )


__all__ = ["extract_record"]
