"""Stage 3, the prose: the one place English is tokenised (numbers in words and digits, the
grammar of comparisons, sentences)."""

from annualcheck.lazy import entry_points

#: The entry points, imported on first use (see `annualcheck.lazy`).
_ENTRY_POINTS = {
    "find_numbers": "annualcheck.prose.numbers",
    "find_stated_changes": "annualcheck.prose.comparisons",
    "parse_number": "annualcheck.prose.numbers",
}

__getattr__ = entry_points(__name__, _ENTRY_POINTS)


__all__ = ["find_numbers", "find_stated_changes", "parse_number"]
