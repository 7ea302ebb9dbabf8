"""The checks part of a profile: which breakdowns are exhaustive, what a caption's subject
counts, which sentence a percentage refers to, which tables hold trial results, and the words
that tell a countable list from a parenthetical clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annualcheck.compiled_patterns import compiled
from annualcheck.profiles.spec.base import Validated, regex_field, require

# -- checks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Breakdown(Validated):
    """Parts that together make up a total (e.g. the persons counted by sex = all of them).

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

    def __post_init__(self) -> None:
        super().__post_init__()
        require("Breakdown", "parts", bool(self.parts) != bool(self.prefix),
                 f"{self.name!r}: give either parts or a prefix")  # fmt: skip


@dataclass(frozen=True)
class Bound(Validated):
    """A part that can never exceed a total (of nine repatriated, at most nine sheltered)."""

    part: str
    total: str


@dataclass(frozen=True)
class CaptionSubject(Validated):
    """A caption phrase that counts something: `pattern` holds a group `n` (digits or a number
    word); `key` is the body figure it must equal; `table` the table whose rows it counts."""

    pattern: str = regex_field(required=True)
    key: str = field()
    table: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        require("CaptionSubject", "pattern", "n" in compiled(self.pattern).groupindex,
                 f"{self.pattern!r} needs a group n")  # fmt: skip


@dataclass(frozen=True)
class PercentageBase(Validated):
    """A sentence that matches `pattern` states a share of `numerator` in `denominator`."""

    pattern: str = regex_field(required=True)
    numerator: str = field()
    denominator: str = field()


@dataclass(frozen=True)
class TrialTable(Validated):
    """A table of trial results and the narrative figures that count its rows by status."""

    name: str  # the record key of the table
    label: str  # its printed label
    rows_key: str  # the narrative count of all rows
    status_keys: dict[str, str] = field(default_factory=dict)  # status -> key


@dataclass(frozen=True)
class ListVocabulary(Validated):
    """Words that decide whether "N things (a, b, ...)" is a countable list."""

    window: int = 14  # words between the number and "(" at most
    skip_starts: tuple[str, ...] = ()  # a parenthetical starting so is no list
    verbs: tuple[str, ...] = ()  # a parenthetical holding one of these is a clause, no list
    example_markers: tuple[str, ...] = ()  # lists of examples cannot be counted
    lead_ins: tuple[str, ...] = ()  # "in addition to Japanese" counts Japanese
    qualifiers: tuple[str, ...] = ()  # items that qualify the list ("depending on the location")
    not_counts_after: tuple[str, ...] = ()  # a number after these is no count ("Article 3")


@dataclass(frozen=True)
class ChecksSpec(Validated):
    breakdowns: tuple[Breakdown, ...] = ()
    bounds: tuple[Bound, ...] = ()
    caption_subjects: tuple[CaptionSubject, ...] = ()
    percentage_bases: tuple[PercentageBase, ...] = ()
    lists: ListVocabulary = ListVocabulary()
    trial_tables: tuple[TrialTable, ...] = ()
    carryover_table: TrialTable | None = None
    pending_sources: tuple[str, ...] = ()  # tables whose pending rows the next report carries over
    #: words folded away before two offenses are compared (the boilerplate of a charge), by
    #: the one matcher of persons across reports (`checks.trial_match`: its threshold is there)
    offense_filler: tuple[str, ...] = ("of", "the", "and", "on", "a", "an")
    approx_points: float = 5.0  # "approximately N%" holds within this many points
    figure_labels: str = regex_field(r"^(?:Figure|Table)\s+\d+$")
