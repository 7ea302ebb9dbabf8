"""Checks profile of Japan's annual report on trafficking in persons (consumed by
`annualcheck.checks`): which breakdowns are exhaustive, what each caption counts, which
sentences state a share of which figures, and the words that tell a countable list
"nine languages (English, Chinese, ...)" from a parenthetical clause.
"""

from __future__ import annotations

from annualcheck.profiles.spec.checks import (
    Bound,
    Breakdown,
    CaptionSubject,
    ChecksSpec,
    ListVocabulary,
    PercentageBase,
    TrialTable,
)

_N = r"(?P<n>\d+|[a-z]+(?:-[a-z]+)?)"

BREAKDOWNS = (
    # Closed: the report always states every part, "zero were male" included.
    Breakdown("victims by sex", "victims.total",
              parts=("victims.sex.female", "victims.sex.male"), closed=True, implied=True),
    Breakdown("victims by form of trafficking", "victims.total",
              parts=("victims.form.sexual_exploitation", "victims.form.nightclub_hostess",
                     "victims.form.labor_exploitation"), closed=True, implied=True),
    Breakdown("suspects by sex", "suspects.arrested",
              parts=("suspects.sex.male", "suspects.sex.female"), closed=True, implied=True),
    Breakdown("suspects by occupation", "suspects.arrested",
              parts=("suspects.occupation.adult_entertainment", "suspects.occupation.unemployed",
                     "suspects.occupation.other"), closed=True, implied=True),
    # Open with explicit parts: summed only when every part is stated.
    Breakdown("Japanese and non-Japanese victims", "victims.total",
              parts=("victims.nationality.japan", "victims.non_japanese")),
    Breakdown("protection route of non-Japanese victims", "victims.non_japanese",
              parts=("victims.route.police_then_isa", "victims.route.police_only",
                     "victims.route.isa_only")),
    Breakdown("victims protected by the Immigration Services Agency", "victims.isa.protected",
              parts=("victims.isa.status_changed", "victims.isa.special_permission")),
    Breakdown("prosecution of arrested suspects", "suspects.arrested",
              parts=("suspects.prosecuted", "suspects.not_prosecuted")),
    Breakdown("trial results of the prosecuted", "suspects.prosecuted",
              parts=("suspects.prosecuted.guilty", "suspects.prosecuted.pending"),
              optional=("suspects.prosecuted.acquitted",)),
    Breakdown("trial results of the persons carried over", "carryover.previous_pending",
              parts=("carryover.guilty", "carryover.pending"), optional=("carryover.acquitted",)),
    # Open by prefix: the parts are whatever nationalities/statuses the year has.
    Breakdown("nationalities of non-Japanese victims", "victims.non_japanese",
              prefix="victims.nationality.", exclude=("victims.nationality.japan",)),
    Breakdown("status of residence of non-Japanese victims", "victims.non_japanese",
              prefix="victims.residence."),
    Breakdown("nationalities of minor victims", "victims.minors",
              prefix="victims.minors.nationality."),
    Breakdown("nationalities of suspects", "suspects.arrested", prefix="suspects.nationality."),
)  # fmt: skip

BOUNDS = (
    Bound("victims.iom.shelter", "victims.iom.repatriated"),
    Bound("victims.iom.medical", "victims.iom.repatriated"),
    Bound("victims.iom.rehabilitation", "victims.iom.repatriated"),
    Bound("victims.womens_consulting_offices.interpretation_and_medical",
          "victims.womens_consulting_offices.protected"),
    Bound("victims.womens_consulting_offices.psychological_care",
          "victims.womens_consulting_offices.protected"),
    Bound("victims.minors", "victims.total"),
    Bound("victims.non_japanese", "victims.total"),
    Bound("suspects.broker", "suspects.arrested"),
    Bound("suspects.organized_crime", "suspects.arrested"),
)  # fmt: skip

# Order matters: the first pattern that matches a caption is its subject.
CAPTION_SUBJECTS = (
    CaptionSubject(rf"\b{_N} (?:foreign|non-japanese) victims\b", "victims.non_japanese"),
    CaptionSubject(rf"\b{_N} victims\b", "victims.total"),
    CaptionSubject(rf"\b{_N} prosecuted persons\b", "suspects.prosecuted", table="table2"),
    CaptionSubject(rf"\b{_N} persons\b[^.]{{0,60}}\bawaiting trial\b",
                   "carryover.previous_pending", table="table3"),
    CaptionSubject(rf"\b{_N} (?:arrested )?suspects\b", "suspects.arrested"),
)  # fmt: skip

PERCENTAGE_BASES = (
    PercentageBase(r"\bnon-japanese victims\b", "victims.non_japanese", "victims.total"),
    PercentageBase(r"\bwere japanese\b(?! nationals)|(?<!non-)\bjapanese victims\b",
                   "victims.nationality.japan", "victims.total"),
    PercentageBase(r"\bwere female\b|\bfemale victims\b", "victims.sex.female", "victims.total"),
    PercentageBase(r"\bwere minors\b|\bminor victims\b", "victims.minors", "victims.total"),
)  # fmt: skip

LISTS = ListVocabulary(
    window=14,
    skip_starts=("having", "as of", "see", "hereinafter", "including", "such as", "i.e.",
                 "excluding", "except", "for ", "effective", "approved", "agreed", "revised"),
    verbs=("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "become",
           "became", "will", "shall", "can", "may", "refer"),
    example_markers=("e.g.", "e.g", "etc.", "etc", "such as", "for example", "including"),
    lead_ins=("in addition to", "namely", "i.e."),
    qualifiers=("depending on", "differing by", "which differ", "as well as"),
    not_counts_after=("no.", "article", "articles", "paragraph", "item", "fy", "us$", "$",
                      "chapter", "january", "february", "march", "april", "may", "june",
                      "july", "august", "september", "october", "november", "december",
                      "figure", "table", "level", "phase"),
)  # fmt: skip

TABLE2 = TrialTable(
    "table2", "Table 2", "suspects.prosecuted",
    {"convicted": "suspects.prosecuted.guilty", "pending": "suspects.prosecuted.pending",
     "acquitted": "suspects.prosecuted.acquitted"},
)  # fmt: skip
TABLE3 = TrialTable(
    "table3", "Table 3", "carryover.previous_pending",
    {"convicted": "carryover.guilty", "pending": "carryover.pending",
     "acquitted": "carryover.acquitted"},
)  # fmt: skip

PROFILE_PART = ChecksSpec(
    breakdowns=BREAKDOWNS,
    bounds=BOUNDS,
    caption_subjects=CAPTION_SUBJECTS,
    percentage_bases=PERCENTAGE_BASES,
    lists=LISTS,
    trial_tables=(TABLE2,),
    carryover_table=TABLE3,
    pending_sources=("table2", "table3"),
    # "violation of the ... Act, etc." is the boilerplate of a charge, not what tells two apart
    offense_filler=("violation", "of", "the", "act", "and", "on", "a", "an", "etc"),
    approx_points=5.0,
)
