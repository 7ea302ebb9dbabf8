"""How to recognise a report of this series and read its title, dates and years.

Consumed by `annualcheck.extract.meta`. Every phrase the series uses about itself lives here, so the
reader in meta.py holds no words of its own.
"""

from __future__ import annotations

from annualcheck.compiled_patterns import compiled
from annualcheck.profiles.spec.extract import MetaSpec

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

PROFILE_PART = MetaSpec(
    # Words that must appear on the title page (or in the PDF title) for a report of the series.
    title_phrase="Measures to Combat Trafficking in Persons",
    # The body that approves the report; printed on the title page.
    council="Council for the Promotion of Measures to Combat Trafficking in Persons",
    # Publication dates as printed on the title page ("May 25, 2020", "25 May 2020", "2020-05-25").
    date_patterns=(
        compiled(rf"\b(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d{{2}})\b"),
        compiled(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS}),?\s+(?P<year>(?:19|20)\d{{2}})\b"),
        compiled(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    ),
    # Sentences that name the year the report covers, strongest first. Group "year".
    data_year_patterns=(
        compiled(r"with a focus on (?:the )?initiatives undertaken in (?P<year>(?:19|20)\d{2})"),
        compiled(r"\bcovering (?:the year )?(?P<year>(?:19|20)\d{2})\b"),
        compiled(r"put under protection in (?P<year>(?:19|20)\d{2})\b"),
        compiled(r"\bIn (?P<year>(?:19|20)\d{2}), \d+ cases of trafficking in persons"),
    ),
    # Where the strongest data-year sentences stand (section numbers, in order of trust).
    data_year_sections=("1", "2 (1) i)", "2 (1) ii)"),
    # Words that mark a reconstruction made for testing (title page or PDF metadata).
    reconstruction_phrase="Reconstruction for testing",
    # The section whose absence makes a report unusable (victims and suspects data).
    required_section="2",
    # How many years after the covered year a report is published (May 2020 covers 2019).
    publication_lag=1,
    # No report of the series is older: Japan's Action Plan to combat trafficking in persons
    # dates from December 2004, its yearly reports from the years after.
    first_report_year=2005,
    months=tuple(m.lower() for m in _MONTHS.split("|")),
)
