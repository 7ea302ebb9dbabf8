"""Tables: captions found, ruled or text-only pieces read, rows joined across page breaks."""

from annualcheck.extract.tables.assemble import extract_tables

__all__ = ["extract_tables"]
