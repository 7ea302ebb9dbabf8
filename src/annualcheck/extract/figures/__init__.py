"""Figures: a report's sentences turned into keyed figures with their stated changes."""

from annualcheck.extract.figures.pipeline import extract_figures

__all__ = ["extract_figures"]
