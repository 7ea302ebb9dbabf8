"""Stage 2, the layout: a document's lines read as its structure (contents, numbered headings,
paragraphs, captions, printed page numbers, what stands inside tables and figures)."""

from annualcheck.layout.blocks import Layout, analyse_layout

__all__ = ["Layout", "analyse_layout"]
