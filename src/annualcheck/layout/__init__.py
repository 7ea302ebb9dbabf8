"""Stage 2, the layout: a document's lines read as its structure (contents, numbered headings,
paragraphs, captions, printed page numbers, what stands inside tables and figures)."""

from annualcheck.lazy import entry_points

#: The entry points, imported on first use (see `annualcheck.lazy`).
_ENTRY_POINTS = {
    "Layout": "annualcheck.layout.blocks",
    "analyse_layout": "annualcheck.layout.blocks",
}

__getattr__ = entry_points(__name__, _ENTRY_POINTS)


__all__ = ["Layout", "analyse_layout"]
