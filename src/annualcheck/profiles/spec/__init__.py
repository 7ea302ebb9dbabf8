"""The typed shape of a profile: one frozen dataclass per part, each validated when built.

Why typed and validated: a profile is data that a second series writes by hand. A typo (a
string where a tuple of strings belongs, a regex that does not compile, a check naming a
table the tables part does not read) must fail when the profile is built, naming the field,
and never switch a check off silently at run time. The model is pdfplumber's `TableSettings`:
every dataclass checks its fields' types in `__post_init__` and raises one `ValueError` that
names the class and the field.

The parts, and who consumes them:

- `meta` (`MetaSpec`): recognise the series; title, publication date, report and data year;
- `layout` (`LayoutGrammar`): caption and repeated-passage grammar, the contents heading;
- `figures` (`FiguresProfile`, `RuleSet`, `KeyRule`): sentence vocabulary and key rules;
- `tables` (`TablesProfile`, `TableKind`): which caption is which table, columns, result phrases;
- `checks` (`ChecksSpec` and its parts): breakdowns, caption subjects, trial tables;
- `diff` (`DiffSpec`, `TrendChart`, `TrendSeries`): trend charts, labels, the tables compared;
- `labels` (`Labels`): the messages and headings that name the series or its tables.

The part types live in `spec/extract.py` (meta, layout, figures, tables), `spec/checks.py` and
`spec/diff.py` (diff, labels), the validation in `spec/base.py`; this module holds `Profile`,
the whole. The pipeline imports the types from those modules; a series' package
(`profiles/<series>/`) holds only values of them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from annualcheck.profiles.spec.base import Validated, require
from annualcheck.profiles.spec.checks import ChecksSpec
from annualcheck.profiles.spec.diff import DiffSpec, Labels
from annualcheck.profiles.spec.extract import (
    FiguresProfile,
    LayoutGrammar,
    MetaSpec,
    TablesProfile,
)
from annualcheck.profiles.spec.trials import TrialsSpec

# -- the whole ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile(Validated):
    """Everything specific to one report series. `version` takes part in the cache key, so a
    change of the profile's values invalidates the records extracted with the old ones."""

    name: str
    version: str
    title: str
    meta: MetaSpec
    layout: LayoutGrammar
    figures: FiguresProfile
    tables: TablesProfile
    checks: ChecksSpec
    diff: DiffSpec
    labels: Labels
    trials: TrialsSpec

    def __post_init__(self) -> None:
        super().__post_init__()
        require("Profile", "name", bool(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", self.name)),
                 f"{self.name!r}: lower-case letters, digits, '.', '_' or '-'")  # fmt: skip
        keys = {k.key for k in self.tables.kinds}
        trial = {k.key for k in self.tables.kinds if k.kind == "trial"}
        named = [
            ("checks.trial_tables", [t.name for t in self.checks.trial_tables]),
            ("checks.carryover_table", [self.checks.carryover_table.name]
             if self.checks.carryover_table else []),
            ("checks.pending_sources", list(self.checks.pending_sources)),
            ("checks.caption_subjects", [c.table for c in self.checks.caption_subjects if c.table]),
            ("diff.pending_tables", list(self.diff.pending_tables)),
            ("diff.carryover_table", [self.diff.carryover_table] if self.diff.carryover_table else []),
            ("diff.summary_table", [self.diff.summary_table] if self.diff.summary_table else []),
        ]  # fmt: skip
        for where, names in named:
            unknown = [n for n in names if n not in keys]
            require(f"Profile.{where.split('.')[0]}", where.split(".")[1], not unknown,
                     f"names tables the tables part does not read: {unknown} "
                     f"(known: {sorted(keys)})")  # fmt: skip
        for where, names in named[:3] + named[4:]:
            require(f"Profile.{where.split('.')[0]}", where.split(".")[1],
                     all(n in trial for n in names), "must name trial tables")  # fmt: skip

    @functools.cached_property
    def fingerprint(self) -> str:
        """A short hash of every value of the profile, for cache keys (with name, version)."""
        import hashlib

        return hashlib.sha256(repr(self).encode()).hexdigest()[:16]
