"""The shapes a profile fills in for the checks (`Profile.checks`).

The rules in this package know no series: which breakdowns are exhaustive, what a caption's
subject counts, which sentence a percentage refers to, which words mark a parenthetical as
something other than a plain list all come from the profile, as values of these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Breakdown:
    """Parts that together make up a total (e.g. victims by sex = all victims).

    `parts` names the parts explicitly; `prefix` instead takes every key directly under it
    (minus `exclude`), for breakdowns whose parts depend on the year (nationalities).
    `closed` says the text always covers every part, so a part it does not mention counts
    as zero and the parts are summed even then; an open breakdown is summed only when every
    explicit part is present, and a prefix breakdown that falls short of its total is only a
    warning (an unstated part may account for the rest) while one that exceeds it is an error.
    `implied` also checks the prior-year values the stated changes imply (value - delta).
    """

    name: str
    total: str
    parts: tuple[str, ...] = ()
    prefix: str | None = None
    exclude: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()  # parts counted when present, never required
    closed: bool = False
    implied: bool = False


@dataclass(frozen=True)
class Bound:
    """A part that can never exceed a total (the nine repatriated, of whom all nine sheltered)."""

    part: str
    total: str


@dataclass(frozen=True)
class CaptionSubject:
    """A caption phrase that counts something: `pattern` holds a group `n` (digits or a number
    word); `key` is the body figure it must equal; `table` the table whose rows it counts."""

    pattern: str
    key: str
    table: str | None = None


@dataclass(frozen=True)
class PercentageBase:
    """A sentence that matches `pattern` states a share of `numerator` in `denominator`."""

    pattern: str
    numerator: str
    denominator: str


@dataclass(frozen=True)
class TrialTable:
    """A table of trial results and the narrative figures that count its rows by status."""

    name: str  # "table2"
    label: str  # "Table 2"
    rows_key: str  # the narrative count of all rows
    status_keys: dict[str, str] = field(default_factory=dict)  # status -> key


@dataclass(frozen=True)
class ListVocabulary:
    """Words that decide whether "N things (a, b, ...)" is a countable list."""

    window: int = 14  # words between the number and "(" at most
    skip_starts: tuple[str, ...] = ()  # a parenthetical starting so is no list
    verbs: tuple[str, ...] = ()  # a parenthetical holding one of these is a clause, no list
    example_markers: tuple[str, ...] = ()  # lists of examples cannot be counted
    lead_ins: tuple[str, ...] = ()  # "in addition to Japanese" counts Japanese
    qualifiers: tuple[str, ...] = ()  # items that qualify the list ("depending on the location")
    not_counts_after: tuple[str, ...] = ()  # a number after these is no count ("Article 3")


@dataclass(frozen=True)
class ChecksSpec:
    breakdowns: tuple[Breakdown, ...] = ()
    bounds: tuple[Bound, ...] = ()
    caption_subjects: tuple[CaptionSubject, ...] = ()
    percentage_bases: tuple[PercentageBase, ...] = ()
    lists: ListVocabulary = ListVocabulary()
    trial_tables: tuple[TrialTable, ...] = ()
    carryover_table: TrialTable | None = None
    pending_sources: tuple[str, ...] = ()  # tables whose pending rows the next report carries over
    offense_threshold: float = 0.8  # least normalised similarity for two offenses to be one person
    approx_points: float = 5.0  # "approximately N%" holds within this many points
    figure_labels: str = r"^(?:Figure|Table)\s+\d+$"
