"""Stage 3, the prose: the one place English is tokenised (numbers in words and digits, stated
changes, sentences)."""

from annualcheck.prose.numbers import find_numbers, find_stated_changes, parse_number

__all__ = ["find_numbers", "find_stated_changes", "parse_number"]
