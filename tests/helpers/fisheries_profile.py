"""A second, imaginary report series, defined only as a profile: the yearly report of the
North Shore Fisheries Cooperative (members, vessels, catch, and the infringements its
disciplinary board heard). It exists to prove that a series is a profile and not a fork:
nothing of it lives in the package, and the CLI runs it with `--profile fisheries` once it is
registered (`register(FISHERIES)`).

Its words differ from the first series' everywhere a profile speaks: title and refusals, the
year sentences, the populations (members, vessels), the keys, the stated changes of vessels
("two vessels more than in 2021"), one ruled table with its own columns (No. / Infringement /
Outcome of hearing), its key (`sanctions`) and outcomes ("pending hearing", "dismissed",
"yen penalty"), and its own breakdowns.
"""

from __future__ import annotations

import re

from annualcheck.profiles.spec import Profile
from annualcheck.profiles.spec.checks import (
    Bound,
    Breakdown,
    CaptionSubject,
    ChecksSpec,
    TrialTable,
)
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

N = "#N#"
INFR = r"infringement"
CASES = "cases"
_N = r"(?P<n>\d+|[a-z]+(?:-[a-z]+)?)"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

META = MetaSpec(
    title_phrase="North Shore Fisheries Cooperative",
    council="Board of the North Shore Fisheries Cooperative",
    date_patterns=(
        re.compile(rf"\b(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>20\d{{2}})\b"),
    ),
    data_year_patterns=(re.compile(r"\bcovering the fishing year (?P<year>20\d{2})\b"),),
    months=tuple(m.lower() for m in _MONTHS.split("|")),
    required_section="2",
    publication_lag=1,
)

FIGURES = FiguresProfile(
    rule_sets=(
        RuleSet(
            "section 2: members, vessels, catch, infringements",
            (
                KeyRule("catch.total", near=rf"{N} tonnes\b", unit="tonnes"),
                KeyRule("vessels.registered", near=rf"{N} (?:vessels|boats)\b", unit="vessels"),
                KeyRule(
                    "infringements.fined",
                    near=r"\bpenalt|\bfined\b",
                    about=r"infringement",
                    unit="cases",
                ),
                KeyRule("infringements.pending", near=r"\bpending\b", about=r"infringement"),
                KeyRule("infringements.dismissed", near=r"\bdismissed\b", about=r"infringement"),
                KeyRule("infringements.referred", near=r"\breferred\b"),
                KeyRule("members.sex.{sex}", slot="sex", population="members"),
                KeyRule("members.total", near=rf"{N} members\b"),
            ),
            sections=("2",),
        ),
    ),
    vocabularies={
        "sex": (
            (r"\bfemales?\b|\bwom[ae]n\b", "female"),
            (r"\bmales?\b|\bm[ae]n\b", "male"),
        ),
    },
    anaphora=r"(?:of|among)\s+(?:these|them|whom)\b",
    populations=((r"\bmembers?\b", "members"), (r"\bvessels?\b", "vessels")),
    counted_nouns=("vessels", "members", "tonnes"),
)

SANCTIONS = TableKind(
    key="sanctions",
    label="Table 1",
    caption_words=("disciplinary board", "infringements heard"),
    header_words=("No.", "Infringement", "Outcome of hearing"),
    kind="trial",
)

TABLES = TablesProfile(
    caption_label="Table",
    kinds=(SANCTIONS,),
    header_cells=("no.", "no", "infringement", "outcome of hearing"),
    pending_phrases=("pending hearing", "pending"),
    acquitted_phrases=("dismissed",),
    fine_words=("yen penalty",),
    act_names=("Fishing Rights and Quota Rules",),
    charge_starts=("breach of",),
    months=tuple(_MONTHS.split("|")),
)

SANCTIONS_CHECK = TrialTable(
    "sanctions",
    "Table 1",
    "infringements.referred",
    {
        "convicted": "infringements.fined",
        "pending": "infringements.pending",
        "acquitted": "infringements.dismissed",
    },
)

CHECKS = ChecksSpec(
    breakdowns=(
        Breakdown(
            "members by sex",
            "members.total",
            parts=("members.sex.female", "members.sex.male"),
            closed=True,
            implied=True,
        ),
        Breakdown(
            "outcomes of the infringements heard",
            "infringements.referred",
            parts=("infringements.fined", "infringements.pending"),
            optional=("infringements.dismissed",),
        ),
    ),
    bounds=(Bound("infringements.referred", "members.total"),),
    caption_subjects=(
        CaptionSubject(rf"\b{_N} (?:member )?vessels\b", "vessels.registered"),
        CaptionSubject(rf"\b{_N} infringements\b", "infringements.referred", table="sanctions"),
    ),
    trial_tables=(SANCTIONS_CHECK,),
    pending_sources=("sanctions",),
    offense_filler=("breach", "of", "the", "and", "a", "an"),
)

DIFF = DiffSpec(
    narrative_section="2",
    charts=(
        TrendChart("Catch landed", (TrendSeries("Catch (tonnes)", keys=("catch.total",)),)),
        TrendChart(
            "Members by sex",
            (TrendSeries("", prefix="members.sex."),),
        ),
    ),
    labels={
        "catch.total": "Catch landed",
        "members.total": "Members",
        "vessels.registered": "Registered vessels",
        "infringements.referred": "Infringements referred to the board",
    },
    summary_table="sanctions",
    summary_rows="referred",
)

FISHERIES = Profile(
    name="fisheries",
    version="1",
    title="Annual Report of the North Shore Fisheries Cooperative",
    meta=META,
    layout=LayoutGrammar(),
    figures=FIGURES,
    tables=TABLES,
    checks=CHECKS,
    diff=DIFF,
    labels=Labels(
        not_this_series="not an annual report of the North Shore Fisheries Cooperative",
        missing_section="report has no section 2 (the year's figures)",
        summary_subject="infringements heard",
    ),
    trials=TrialsSpec(),  # its sanctions table follows no one across years
)
