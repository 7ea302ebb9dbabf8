"""The profile of the imaginary series "Annual Report of the North Bay Fisheries Cooperative".

Why it lives under tests/: it is the proof that everything specific to a series is data. It
holds only values of the types in `annualcheck.profiles.spec` and shares no word with the
real series' profile (`annualcheck.profiles.jp_tip`): its own title, dates, data-year
sentence, keys in tonnes, members and vessels, its own table (landings by port), breakdowns,
charts and messages. A pipeline that still needed a word of the real series would fail here.

The reports (tests/fixtures/northbay-<year>.md) are published each December for the
fishing year then ending: "December 8, 2023" covers 2023 (a lag of zero years, where the
real series has one).
"""

from __future__ import annotations

import re

from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.checks import Breakdown, ChecksSpec, ListVocabulary
from annualcheck.profiles.spec.diff import DiffSpec, Labels, TrendChart, TrendSeries
from annualcheck.profiles.spec.extract import (
    FiguresProfile,
    KeyRule,
    LayoutGrammar,
    MetaSpec,
    RuleSet,
    TableKind,
    TablesProfile,
)
from annualcheck.profiles.spec.trials import TrialsSpec

NAME = "northbay"
TITLE = "Annual Report of the North Bay Fisheries Cooperative"
N = "#N#"  # the count itself, in `near` patterns
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

META = MetaSpec(
    title_phrase="North Bay Fisheries Cooperative",
    council="Board of the North Bay Fisheries Cooperative",
    date_patterns=(
        re.compile(
            rf"\b(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d{{2}})\b"
        ),
    ),
    data_year_patterns=(re.compile(r"\bin the fishing year (?P<year>(?:19|20)\d{2})\b"),),
    data_year_sections=("1",),
    reconstruction_phrase="Invented for testing",
    required_section="2",
    publication_lag=0,
    months=tuple(m.lower() for m in _MONTHS.split("|")),
)

LAYOUT = LayoutGrammar(
    figure_kind="Chart",
    table_kind="Table",
    # "[Table 1] Landings by port in 2022", also written "Table 1: Landings by port in 2022"
    caption=r"^\[?\s*(?P<kind>Chart|Table)\s*(?P<number>\d+)\s*(?:\]|:)\s*(?P<text>.*)$",
    repeated_marker=r"\[\s*As reported in\s+([^\]]+?)\s*\]",
    contents_heading=r"^contents$",
)

VOCABULARIES: dict[str, tuple[tuple[str, str], ...]] = {
    "species": (
        (r"\bcod\b", "cod"),
        (r"\bherring\b", "herring"),
        (r"\bmackerel\b", "mackerel"),
    ),
    "member_type": (
        (r"\bfull-time\b", "full_time"),
        (r"\bpart-time\b", "part_time"),
    ),
}

RULES = (
    KeyRule("catch.species.{species}", near=rf"{N} tonnes of", slot="species", unit="tonnes",
            about=r"\bspecies\b"),
    KeyRule("catch.total", near=rf"total catch of {N}|{N} tonnes", about=r"total catch",
            unit="tonnes"),
    KeyRule("members.type.{member_type}", slot="member_type", about=r"of the members",
            unit="members"),
    KeyRule("members.new", near=rf"{N} new members", unit="members"),
    KeyRule("members.total", near=rf"had {N} members", unit="members"),
    KeyRule("vessels.active", near=rf"{N} active vessels", unit="vessels"),
)  # fmt: skip

FIGURES = FiguresProfile(
    rule_sets=(RuleSet("catch, members and vessels", RULES, sections=("2", "3")),),
    vocabularies=VOCABULARIES,
    anaphora=r"^Of these\b",
    repeated_marker=r"\[\s*As reported in\s+([^\]]+?)\s*\]",
    counted_nouns=("tonnes", "members", "vessels"),
)

TABLES = TablesProfile(
    caption_label="Table",
    kinds=(
        TableKind(
            key="landings",
            label="Table 1",
            caption_words=("landings by port",),
            header_words=("Port", "Species", "Tonnes", "Value"),
            kind="columns",
            columns=("port", "species", "tonnes", "value"),
        ),
    ),
    header_cells=("port", "species", "tonnes", "value (thousand euros)"),
    months=tuple(_MONTHS.split("|")),
)

CHECKS = ChecksSpec(
    breakdowns=(
        Breakdown(
            "catch by species",
            "catch.total",
            closed=True,
            parts=("catch.species.cod", "catch.species.herring", "catch.species.mackerel"),
        ),
        Breakdown(
            "members by type",
            "members.total",
            closed=True,
            parts=("members.type.full_time", "members.type.part_time"),
        ),
    ),  # fmt: skip
    lists=ListVocabulary(example_markers=("e.g.", "such as")),
    figure_labels=r"^(?:Chart|Table)\s+\d+$",
)

DIFF = DiffSpec(
    narrative_section="2",
    charts=(
        TrendChart("Total catch (tonnes)", (TrendSeries("Total catch", keys=("catch.total",)),)),
        TrendChart("Catch by species (tonnes)", (TrendSeries("", prefix="catch.species."),)),
        TrendChart(
            "Members and vessels",
            (
                TrendSeries("Members", keys=("members.total",)),
                TrendSeries("New members", keys=("members.new",)),
                TrendSeries("Active vessels", keys=("vessels.active",)),
            ),
        ),
    ),
    labels={
        "catch.total": "Total catch",
        "members.total": "Members",
        "members.new": "New members",
        "vessels.active": "Active vessels",
    },
)

LABELS = Labels(
    not_this_series="not an annual report of the North Bay Fisheries Cooperative",
    missing_section="report has no section 2 (catch and landings)",
    summary_subject="landings",
)


def build() -> Profile:
    return Profile(
        name=NAME,
        version="1",
        title=TITLE,
        meta=META,
        layout=LAYOUT,
        figures=FIGURES,
        tables=TABLES,
        checks=CHECKS,
        diff=DIFF,
        labels=LABELS,
        trials=TrialsSpec(),
    )
