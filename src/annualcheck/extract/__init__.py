"""Stage 4, extraction: one PDF to one `Record` (meta, figures, tables), by the profile handed in."""

from annualcheck.lazy import entry_points

#: The entry points, imported on first use (see `annualcheck.lazy`).
_ENTRY_POINTS = {
    "extract_record": "annualcheck.extract.pipeline",
}

__getattr__ = entry_points(__name__, _ENTRY_POINTS)


__all__ = ["extract_record"]
