"""Dates in running text: "as of March 31, 2020" -> "2020-03-31".

Why: a stock ("persons still pending", "organizations permitted") is counted on a day, not
over the year the report covers; an export that gives it only the period "2019" hides that the
count was taken three months later. The day is read from the words, in ISO form, for a column.
"""

from __future__ import annotations

import re

from annualcheck.compiled_patterns import compiled

MONTHS = ("january february march april may june july august september october november "
          "december").split()  # fmt: skip

_AS_OF = compiled(
    r"\bas\s+of\s+(?:the\s+end\s+of\s+)?(" + "|".join(MONTHS) + r")\s+(?:(\d{1,2}),?\s+)?(\d{4})",
    re.IGNORECASE,
)


def as_of_date(text: str) -> str | None:
    """The date of the first "as of <Month> [<day>,] <year>" in `text`, as "2020-03-31" or
    "2020-03" (no day given); None when the text gives none."""
    m = _AS_OF.search(text or "")
    if not m:
        return None
    month = MONTHS.index(m.group(1).lower()) + 1
    year, day = int(m.group(3)), m.group(2)
    if day and 1 <= int(day) <= 31:
        return f"{year:04d}-{month:02d}-{int(day):02d}"
    return f"{year:04d}-{month:02d}"
