"""The parts of a profile the extraction reads: `meta` (recognise the series, read its dates
and years), `layout` (caption and repeated-passage grammar), `figures` (key rules and
vocabularies) and `tables` (which caption is which table, its columns and result phrases).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from annualcheck.compiled_patterns import compiled
from annualcheck.profiles.spec.base import Validated, regex_field, require

# -- meta --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetaSpec(Validated):
    """How to recognise a report of the series and read its title, dates and years."""

    #: Words that must appear on the title page (or in the PDF title).
    title_phrase: str
    #: Publication dates as printed on the title page; groups "year", "month", "day".
    date_patterns: tuple[re.Pattern[str], ...]
    #: Sentences that name the year the report covers, strongest first; group "year".
    data_year_patterns: tuple[re.Pattern[str], ...]
    #: Month names for the date patterns that print them (lower case, January first).
    months: tuple[str, ...]
    #: The body that approves the report (printed on the title page).
    council: str = ""
    #: Where the strongest data-year sentences stand (section numbers, in order of trust).
    data_year_sections: tuple[str, ...] = ()
    #: Words that mark a reconstruction made for testing (title page or PDF metadata).
    reconstruction_phrase: str = "Reconstruction for testing"
    #: The section whose absence makes a report unusable.
    required_section: str = "1"
    #: How many years after the covered year a report is published (May 2020 covers 2019).
    publication_lag: int = 1
    #: No report of the series is older: a report year before it (or after the current year) is
    #: a misread date, refused rather than trusted. None: no lower bound.
    first_report_year: int | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        require("MetaSpec", "title_phrase", bool(self.title_phrase.strip()), "must not be empty")
        require("MetaSpec", "months", len(self.months) == 12, "must name twelve months")
        require("MetaSpec", "publication_lag", self.publication_lag >= 0, "must be >= 0")


# -- layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LayoutGrammar(Validated):
    """How captions, repeated passages and the contents page are written.

    `caption` matches a caption line ("[Figure 8] Occupations of ..."); it has the groups
    "kind" (one of `figure_kind`/`table_kind`), "number" and "text". `repeated_marker` marks a
    passage repeated from another section; its group 1 is that section.
    """

    figure_kind: str = "Figure"
    table_kind: str = "Table"
    caption: str = regex_field(
        r"^\[\s*(?P<kind>Figure|Table)\s*(?P<number>\d+)\s*\]\s*(?P<text>.*)$"
    )
    repeated_marker: str = regex_field(r"\[\s*Repeated from\s+([^\]]+?)\s*\]")
    contents_heading: str = regex_field(r"^(?:table of\s+)?contents$")

    def __post_init__(self) -> None:
        super().__post_init__()
        groups = compiled(self.caption).groupindex
        require(
            "LayoutGrammar",
            "caption",
            {"kind", "number", "text"} <= set(groups),
            "needs the groups kind, number and text",
        )

    @functools.cached_property
    def caption_re(self) -> re.Pattern[str]:
        return compiled(self.caption)

    @functools.cached_property
    def repeated_re(self) -> re.Pattern[str]:
        return compiled(self.repeated_marker)

    @functools.cached_property
    def contents_re(self) -> re.Pattern[str]:
        return compiled(self.contents_heading, re.IGNORECASE)


# -- figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyRule(Validated):
    """One way a count gets a key. All given conditions must hold; the first rule that holds
    wins, so a profile lists specific rules before general ones.

    near:   regex on the count's own words (its segment, the count written as `#N#`)
    clause: regex on the clause holding the count (split at "; ", ", while", ...)
    about:  regex on the sentence plus its context (the previous sentence when the sentence
            continues it, e.g. "Of these, ...")
    unless: regex that, found in the segment or the clause, rules this key out
    slot:   name of a vocabulary; its first entry matching the segment fills `{slot}` in key
    population: who is counted: the population the sentence names, else the one the
            section last named (see `FiguresProfile.populations`)
    """

    key: str
    near: str | None = regex_field()
    clause: str | None = regex_field()
    about: str | None = regex_field()
    unless: str | None = regex_field()
    slot: str | None = None
    unit: str = "persons"
    population: str | None = None


@dataclass(frozen=True)
class RuleSet(Validated):
    """Rules that apply in some sections only.

    By topic (`topic`): the sections whose own paragraphs match at least `topic_min` of the
    `topic` patterns (distinct ones), less those with a paragraph matching `skip_topic`; so
    the statistics are found wherever the section is numbered and whatever its heading says.
    `outside` names topic rule sets whose sections this set leaves alone. Where no section
    of a document has the topic (a few paragraphs given alone), the numbers decide:
    section-number prefixes such as "2 (1)" in `sections` (`()` means every section not
    listed in `skip_sections`)."""

    name: str
    rules: tuple[KeyRule, ...]
    sections: tuple[str, ...] = ()
    skip_sections: tuple[str, ...] = ()
    topic: tuple[str, ...] = regex_field(())
    topic_min: int = 3
    skip_topic: str | None = regex_field()
    outside: tuple[str, ...] = ()


@dataclass(frozen=True)
class FiguresProfile(Validated):
    rule_sets: tuple[RuleSet, ...]
    vocabularies: dict[str, tuple[tuple[str, str], ...]] = regex_field(required=True)
    #: a sentence that continues the previous one ("Of these, ...", "All of these ...")
    anaphora: str = regex_field(r"^(?:Of (?:these|them|which)|All of (?:these|them))\b")
    #: subjects that stand for a count when a stated change follows and no number precedes
    #: it: (regex, value), e.g. "The Brazilian national was ..." -> 1, "No one was" -> 0
    implied_counts: tuple[tuple[str, float], ...] = regex_field(())
    #: who a sentence counts, (regex, name): the last one named in the sentence, else the
    #: one carried from the section's previous sentences ("With regard to gender, ...")
    populations: tuple[tuple[str, str], ...] = regex_field(())
    #: the marker of a repeated passage; group 1 is the section it repeats
    repeated_marker: str = regex_field(r"\[\s*Repeated from\s+([^\]]+?)\s*\]")
    #: words ending in "." that do not end a sentence
    abbreviations: tuple[str, ...] = (
        "e.g", "i.e", "etc", "no", "nos", "mt", "inc", "co", "ltd", "corp", "approx", "vs",
        "dr", "mr", "mrs", "ms", "st", "u.s", "d.c", "u.k", "art", "para", "fig", "p", "pp",
    )  # fmt: skip
    #: words before a year that make it not the period of a count ("approved in May 2019")
    period_excluded_before: str = regex_field(
        r"(?:approved|published|adopted|released|report(?:ed)?|launched|established|enforced"
        r"|introduced|started|begun|began|founded|created|signed|concluded|added|revised"
        r"|amended)\s+(?:in|on)\s+(?:\w+\s+)?(?:\d{1,2},\s+)?$"
    )
    unkeyed_prefix: str = "unkeyed"
    #: nouns of what the series counts that may stand between a number and its stated change
    #: ("20 vessels more than in 2018"); persons, people and cases are known to every series
    counted_nouns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        for rs in self.rule_sets:
            for rule in rs.rules:
                require(
                    "FiguresProfile",
                    "rule_sets",
                    rule.slot is None or rule.slot in self.vocabularies,
                    f"rule {rule.key!r} of {rs.name!r} names the unknown vocabulary {rule.slot!r}",
                )


# -- tables ------------------------------------------------------------------------------------

TABLE_SHAPES = ("trial", "initiatives", "columns")


@dataclass(frozen=True)
class TableKind(Validated):
    """One table the series prints: its record key, how its caption reads, how its header reads.

    `caption_words` identify the table by what its caption says (any one suffices, compared
    case-insensitively); `label` (the printed "Table N") is only the fallback, because
    numbering may shift from year to year while the caption's subject does not. `kind` is the
    table's shape: "trial" (no / offense / result), "initiatives" (date / text) or "columns"
    (plain cells, one per name in `columns`: a series whose tables are neither of the first
    two names its own columns instead of bending them into those).
    """

    key: str
    label: str
    caption_words: tuple[str, ...]
    header_words: tuple[str, ...]
    kind: str
    #: For the "columns" shape: the record's name of each column, left to right.
    columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        require("TableKind", "kind", self.kind in TABLE_SHAPES, f"one of {TABLE_SHAPES}")
        require("TableKind", "columns", (self.kind == "columns") == bool(self.columns),
                f"{self.key!r}: names its columns exactly when its shape is 'columns'")  # fmt: skip


@dataclass(frozen=True)
class TablesProfile(Validated):
    caption_label: str = "Table"
    kinds: tuple[TableKind, ...] = ()
    #: Words of header cells; a row whose cells are all header words is a (repeated) header.
    header_cells: tuple[str, ...] = ()
    pending_phrases: tuple[str, ...] = ()
    acquitted_phrases: tuple[str, ...] = ()
    prison_words: tuple[str, ...] = ()
    suspension_patterns: tuple[str, ...] = ()
    probation_words: tuple[str, ...] = ()
    fine_words: tuple[str, ...] = ()
    year_words: tuple[str, ...] = ("year", "years")
    month_words: tuple[str, ...] = ("month", "months")
    number_words: dict[str, int] = field(default_factory=dict)
    #: Names of Acts that contain a comma or "and": one charge each, never split.
    act_names: tuple[str, ...] = ()
    #: A bare " and " (no comma) separates two charges only when the next one starts so.
    charge_starts: tuple[str, ...] = ()
    #: Words of a dated table's date cell ("April 2004").
    months: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        keys = [k.key for k in self.kinds]
        require("TablesProfile", "kinds", len(keys) == len(set(keys)), "table keys repeat")

    def keys(self) -> tuple[str, ...]:
        """The record keys of the tables, in the order the record lists them."""
        return tuple(sorted(k.key for k in self.kinds))

    def kind_of(self, key: str) -> TableKind | None:
        return next((k for k in self.kinds if k.key == key), None)

    def label_of(self, key: str) -> str:
        """The printed label of a table ("Table 3"), or its key when the profile has none."""
        kind = self.kind_of(key)
        return kind.label if kind else key
