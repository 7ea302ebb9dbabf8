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

The pipeline imports these types from here; a series' package (`profiles/<series>/`) holds only
values of them.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from dataclasses import dataclass, field, fields
from typing import Any

# -- validation --------------------------------------------------------------------------------


def _conforms(value: Any, hint: Any) -> bool:
    """Whether `value` is of the annotated type (the few shapes profiles use)."""
    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_conforms(v, args[0]) for v in value)
        return len(args) == len(value) and all(
            _conforms(v, a) for v, a in zip(value, args, strict=True)
        )
    if origin is dict:
        return isinstance(value, dict) and all(
            _conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items()
        )
    if origin is re.Pattern:
        return isinstance(value, re.Pattern)
    return isinstance(value, origin or hint)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _compiles(owner: str, name: str, pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(
            f"{owner}.{name}: not a valid regular expression ({exc}): {pattern!r}"
        ) from None


class _Validated:
    """Mixin: type-check every field against its annotation, then compile the regex fields
    (fields declared with `metadata={"regex": True}`: a pattern, a tuple of them, or
    (pattern, value) pairs)."""

    def __post_init__(self) -> None:
        owner = type(self).__name__
        hints = _hints(type(self))
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if not _conforms(value, hints[f.name]):
                raise ValueError(
                    f"{owner}.{f.name}: expected {hints[f.name]}, got {type(value).__name__} "
                    f"{value!r:.80}"
                )
            if f.metadata.get("regex") and value is not None:
                for pattern in _patterns(value):
                    _compiles(owner, f.name, pattern)


def _patterns(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _patterns(v)]
    out: list[str] = []
    for item in value:
        out.append(item[0] if isinstance(item, tuple) else item)
    return out


def _regex(default: Any = None, *, required: bool = False) -> Any:
    """A field holding regular expressions, compiled once when the profile is built."""
    if required:
        return field(metadata={"regex": True})
    return field(default=default, metadata={"regex": True})


def _require(owner: str, name: str, ok: bool, why: str) -> None:
    if not ok:
        raise ValueError(f"{owner}.{name}: {why}")


# -- meta --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetaSpec(_Validated):
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

    def __post_init__(self) -> None:
        super().__post_init__()
        _require("MetaSpec", "title_phrase", bool(self.title_phrase.strip()), "must not be empty")
        _require("MetaSpec", "months", len(self.months) == 12, "must name twelve months")
        _require("MetaSpec", "publication_lag", self.publication_lag >= 0, "must be >= 0")


# -- layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LayoutGrammar(_Validated):
    """How captions, repeated passages and the contents page are written.

    `caption` matches a caption line ("[Figure 8] Occupations of ..."); it has the groups
    "kind" (one of `figure_kind`/`table_kind`), "number" and "text". `repeated_marker` marks a
    passage repeated from another section; its group 1 is that section.
    """

    figure_kind: str = "Figure"
    table_kind: str = "Table"
    caption: str = _regex(r"^\[\s*(?P<kind>Figure|Table)\s*(?P<number>\d+)\s*\]\s*(?P<text>.*)$")
    repeated_marker: str = _regex(r"\[\s*Repeated from\s+([^\]]+?)\s*\]")
    contents_heading: str = _regex(r"^(?:table of\s+)?contents$")

    def __post_init__(self) -> None:
        super().__post_init__()
        groups = re.compile(self.caption).groupindex
        _require(
            "LayoutGrammar",
            "caption",
            {"kind", "number", "text"} <= set(groups),
            "needs the groups kind, number and text",
        )

    @functools.cached_property
    def caption_re(self) -> re.Pattern[str]:
        return re.compile(self.caption)

    @functools.cached_property
    def repeated_re(self) -> re.Pattern[str]:
        return re.compile(self.repeated_marker)

    @functools.cached_property
    def contents_re(self) -> re.Pattern[str]:
        return re.compile(self.contents_heading, re.IGNORECASE)


# -- figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyRule(_Validated):
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
    near: str | None = _regex()
    clause: str | None = _regex()
    about: str | None = _regex()
    unless: str | None = _regex()
    slot: str | None = None
    unit: str = "persons"
    population: str | None = None


@dataclass(frozen=True)
class RuleSet(_Validated):
    """Rules that apply in some sections only (section-number prefixes such as "2 (1)");
    `sections=()` means every section not listed in `skip_sections`."""

    name: str
    rules: tuple[KeyRule, ...]
    sections: tuple[str, ...] = ()
    skip_sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class FiguresProfile(_Validated):
    rule_sets: tuple[RuleSet, ...]
    vocabularies: dict[str, tuple[tuple[str, str], ...]] = _regex(required=True)
    #: a sentence that continues the previous one ("Of these, ...", "All of these ...")
    anaphora: str = _regex(r"^(?:Of (?:these|them|which)|All of (?:these|them))\b")
    #: subjects that stand for a count when a stated change follows and no number precedes
    #: it: (regex, value), e.g. "The Brazilian national was ..." -> 1, "No one was" -> 0
    implied_counts: tuple[tuple[str, float], ...] = _regex(())
    #: who a sentence counts, (regex, name): the last one named in the sentence, else the
    #: one carried from the section's previous sentences ("With regard to gender, ...")
    populations: tuple[tuple[str, str], ...] = _regex(())
    #: the marker of a repeated passage; group 1 is the section it repeats
    repeated_marker: str = _regex(r"\[\s*Repeated from\s+([^\]]+?)\s*\]")
    #: words ending in "." that do not end a sentence
    abbreviations: tuple[str, ...] = (
        "e.g", "i.e", "etc", "no", "nos", "mt", "inc", "co", "ltd", "corp", "approx", "vs",
        "dr", "mr", "mrs", "ms", "st", "u.s", "d.c", "u.k", "art", "para", "fig", "p", "pp",
    )  # fmt: skip
    #: words before a year that make it not the period of a count ("approved in May 2019")
    period_excluded_before: str = _regex(
        r"(?:approved|published|adopted|released|report(?:ed)?|launched|established|enforced"
        r"|introduced|started|begun|began|founded|created|signed|concluded|added|revised"
        r"|amended)\s+(?:in|on)\s+(?:\w+\s+)?(?:\d{1,2},\s+)?$"
    )
    unkeyed_prefix: str = "unkeyed"
    #: words for what a stated change counts, between its number and the rest ("an increase
    #: of 120 tonnes on 2021"), beyond persons, people and cases
    change_units: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        for rs in self.rule_sets:
            for rule in rs.rules:
                _require(
                    "FiguresProfile",
                    "rule_sets",
                    rule.slot is None or rule.slot in self.vocabularies,
                    f"rule {rule.key!r} of {rs.name!r} names the unknown vocabulary {rule.slot!r}",
                )


# -- tables ------------------------------------------------------------------------------------

TABLE_SHAPES = ("trial", "initiatives", "columns")


@dataclass(frozen=True)
class TableKind(_Validated):
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
        _require("TableKind", "kind", self.kind in TABLE_SHAPES, f"one of {TABLE_SHAPES}")
        _require("TableKind", "columns", (self.kind == "columns") == bool(self.columns),
                 f"{self.key!r}: names its columns exactly when its shape is 'columns'")  # fmt: skip


@dataclass(frozen=True)
class TablesProfile(_Validated):
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
        _require("TablesProfile", "kinds", len(keys) == len(set(keys)), "table keys repeat")

    def keys(self) -> tuple[str, ...]:
        """The record keys of the tables, in the order the record lists them."""
        return tuple(sorted(k.key for k in self.kinds))

    def kind_of(self, key: str) -> TableKind | None:
        return next((k for k in self.kinds if k.key == key), None)

    def label_of(self, key: str) -> str:
        """The printed label of a table ("Table 3"), or its key when the profile has none."""
        kind = self.kind_of(key)
        return kind.label if kind else key


# -- checks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Breakdown(_Validated):
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
        _require("Breakdown", "parts", bool(self.parts) != bool(self.prefix),
                 f"{self.name!r}: give either parts or a prefix")  # fmt: skip


@dataclass(frozen=True)
class Bound(_Validated):
    """A part that can never exceed a total (of nine repatriated, at most nine sheltered)."""

    part: str
    total: str


@dataclass(frozen=True)
class CaptionSubject(_Validated):
    """A caption phrase that counts something: `pattern` holds a group `n` (digits or a number
    word); `key` is the body figure it must equal; `table` the table whose rows it counts."""

    pattern: str = _regex(required=True)
    key: str = field()
    table: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        _require("CaptionSubject", "pattern", "n" in re.compile(self.pattern).groupindex,
                 f"{self.pattern!r} needs a group n")  # fmt: skip


@dataclass(frozen=True)
class PercentageBase(_Validated):
    """A sentence that matches `pattern` states a share of `numerator` in `denominator`."""

    pattern: str = _regex(required=True)
    numerator: str = field()
    denominator: str = field()


@dataclass(frozen=True)
class TrialTable(_Validated):
    """A table of trial results and the narrative figures that count its rows by status."""

    name: str  # the record key of the table
    label: str  # its printed label
    rows_key: str  # the narrative count of all rows
    status_keys: dict[str, str] = field(default_factory=dict)  # status -> key


@dataclass(frozen=True)
class ListVocabulary(_Validated):
    """Words that decide whether "N things (a, b, ...)" is a countable list."""

    window: int = 14  # words between the number and "(" at most
    skip_starts: tuple[str, ...] = ()  # a parenthetical starting so is no list
    verbs: tuple[str, ...] = ()  # a parenthetical holding one of these is a clause, no list
    example_markers: tuple[str, ...] = ()  # lists of examples cannot be counted
    lead_ins: tuple[str, ...] = ()  # "in addition to Japanese" counts Japanese
    qualifiers: tuple[str, ...] = ()  # items that qualify the list ("depending on the location")
    not_counts_after: tuple[str, ...] = ()  # a number after these is no count ("Article 3")


@dataclass(frozen=True)
class ChecksSpec(_Validated):
    breakdowns: tuple[Breakdown, ...] = ()
    bounds: tuple[Bound, ...] = ()
    caption_subjects: tuple[CaptionSubject, ...] = ()
    percentage_bases: tuple[PercentageBase, ...] = ()
    lists: ListVocabulary = ListVocabulary()
    trial_tables: tuple[TrialTable, ...] = ()
    carryover_table: TrialTable | None = None
    pending_sources: tuple[str, ...] = ()  # tables whose pending rows the next report carries over
    offense_threshold: float = 0.8  # least normalised similarity for two offenses to be one person
    #: words folded away before two offenses are compared (the boilerplate of a charge)
    offense_filler: tuple[str, ...] = ("of", "the", "and", "on", "a", "an")
    approx_points: float = 5.0  # "approximately N%" holds within this many points
    figure_labels: str = _regex(r"^(?:Figure|Table)\s+\d+$")


# -- diff --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendSeries(_Validated):
    """One line of a trend chart: the sum of `keys`, or one line per key under `prefix`."""

    label: str
    keys: tuple[str, ...] = ()
    prefix: str | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrendChart(_Validated):
    title: str
    series: tuple[TrendSeries, ...]


@dataclass(frozen=True)
class DiffSpec(_Validated):
    """What the diff and the site need to know of a series."""

    narrative_section: str = "1"  # top-level section whose sentences are compared one by one
    charts: tuple[TrendChart, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    #: tables whose pending rows the next report carries over, in the order a report lists them
    pending_tables: tuple[str, ...] = ()
    carryover_table: str | None = None  # the table of the persons carried over
    summary_table: str | None = None  # the trial table summarised per year
    #: the name of the summary's count of all rows (a column of the change report)
    summary_rows: str = "rows"
    #: words folded away before two offenses are matched (the boilerplate of a charge)
    offense_stopwords: tuple[str, ...] = ("the", "of", "and", "a", "an", "on", "for", "to", "in")


# -- labels and messages -----------------------------------------------------------------------


@dataclass(frozen=True)
class Labels(_Validated):
    """The words the tool prints about the series: refusals and the headings of the change
    report's trial-table summary."""

    #: why a PDF is refused as not a report of the series
    not_this_series: str = "not a report of this series"
    #: why a report without the required section is refused
    missing_section: str = "report has no required section"
    #: what the summary table's rows are ("persons charged"); its heading
    summary_subject: str = "rows"


# -- the whole ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Law(_Validated):
    """One law and the phrases that name it or its offences inside a charge.

    `aliases` are compared as folded words (case, punctuation and hyphens ignored) anywhere in
    the charge; the first law of the profile's list with a matching alias wins, so specific
    Acts come before a general code whose offences are named only by the crime ("extortion").
    """

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TrialsSpec(_Validated):
    """The trial histories' part: the laws charges fall under (`annualcheck.trials`); which law
    a charge falls under is knowledge of one country's statutes and of how one series words
    them, so the code that follows people and counts sentences knows none of it."""

    laws: tuple[Law, ...] = ()
    #: A charge naming no listed law but matching this pattern (group `law`) falls under the
    #: law it names, as printed ("violation of the Foo Act" -> "Foo Act").
    named_law: str = ""
    #: The law of a charge nothing above classifies.
    unclassified: str = "unclassified"
    #: Wording of the site: the sentencing chart's title and axis, the link to the Trials page.
    chart_title: str = "Sentencing of the persons tried in each year"
    chart_axis: str = "persons"
    page_link: str = "Every person tried, with their history"


@dataclass(frozen=True)
class Profile(_Validated):
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
        _require("Profile", "name", bool(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", self.name)),
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
            _require(f"Profile.{where.split('.')[0]}", where.split(".")[1], not unknown,
                     f"names tables the tables part does not read: {unknown} "
                     f"(known: {sorted(keys)})")  # fmt: skip
        for where, names in named[:3] + named[4:]:
            _require(f"Profile.{where.split('.')[0]}", where.split(".")[1],
                     all(n in trial for n in names), "must name trial tables")  # fmt: skip

    @functools.cached_property
    def fingerprint(self) -> str:
        """A short hash of every value of the profile, for cache keys (with name, version)."""
        import hashlib

        return hashlib.sha256(repr(self).encode()).hexdigest()[:16]
