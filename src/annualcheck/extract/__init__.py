"""Stage 4, extraction: one PDF to one `Record` (meta, figures, tables), by the profile handed in."""

from annualcheck.extract.pipeline import extract_record

__all__ = ["extract_record"]
