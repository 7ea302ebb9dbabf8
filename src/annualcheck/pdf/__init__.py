"""Stage 1, the PDF: a file checked cheaply (`validate_pdf`) and opened once (`open_pdf`) into
pages of lines with their boxes. Nothing here knows what a report says."""

from annualcheck.lazy import entry_points

#: The entry points, imported on first use (see `annualcheck.lazy`).
_ENTRY_POINTS = {
    "PdfDocument": "annualcheck.pdf.document",
    "open_pdf": "annualcheck.pdf.document",
    "validate_pdf": "annualcheck.pdf.validate",
}

__getattr__ = entry_points(__name__, _ENTRY_POINTS)

__all__ = ["PdfDocument", "open_pdf", "validate_pdf"]
