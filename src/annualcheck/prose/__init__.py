"""Stage 3, the prose: the one place English is tokenised (numbers in words and digits, the
grammar of comparisons, sentences)."""

from annualcheck.prose.comparisons import find_stated_changes
from annualcheck.prose.numbers import find_numbers, parse_number

__all__ = ["find_numbers", "find_stated_changes", "parse_number"]
