"""The shape of a profile. Each part is defined by the module that consumes it:

- `meta`: how to recognise the series and read title, publication date, report and data year
  (consumed by `annualcheck.extract.meta`);
- `figures`: sentence vocabulary and key rules (consumed by `annualcheck.extract.figures.pipeline`);
- `tables`: caption labels, header words, result phrases (consumed by `annualcheck.extract.tables.assemble`);
- `checks`: breakdowns, caption subjects, percentage bases (consumed by `annualcheck.checks`);
- `diff`: which keys are the main trend series (consumed by `annualcheck.diff.compare` / `site`);
- `trials`: the laws charges fall under (consumed by `annualcheck.trials`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    meta: Any = None
    figures: Any = None
    tables: Any = None
    checks: Any = None
    diff: Any = None
    trials: Any = None
