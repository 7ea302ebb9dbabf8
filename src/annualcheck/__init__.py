"""annualcheck: read a series of yearly report PDFs, diff consecutive years, flag numbers
that do not add up. See README.md and ../shared/spec/CONTRACT.md."""

__version__ = "0.1.0"
