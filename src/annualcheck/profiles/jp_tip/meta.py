"""How to recognise a report of this series and read its title, dates and years.

Consumed by `annualcheck.extract.meta`. Every phrase the series uses about itself lives here, so the
reader in meta.py holds no words of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MetaProfile:
    #: Words that must appear on the title page (or in the PDF title) for a report of the series.
    title_phrase: str = "Measures to Combat Trafficking in Persons"
    #: The body that approves the report; printed on the title page.
    council: str = "Council for the Promotion of Measures to Combat Trafficking in Persons"
    #: Publication dates as printed on the title page ("May 25, 2020", "25 May 2020", "2020-05-25").
    date_patterns: tuple[re.Pattern[str], ...] = (
        re.compile(
            r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|"
            r"November|December)\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})\b"
        ),
        re.compile(
            r"\b(?P<day>\d{1,2})\s+(?P<month>January|February|March|April|May|June|July|August|"
            r"September|October|November|December),?\s+(?P<year>(?:19|20)\d{2})\b"
        ),
        re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    )
    #: Sentences that name the year the report covers, strongest first. Group "year".
    data_year_patterns: tuple[re.Pattern[str], ...] = (
        re.compile(r"with a focus on (?:the )?initiatives undertaken in (?P<year>(?:19|20)\d{2})"),
        re.compile(r"\bcovering (?:the year )?(?P<year>(?:19|20)\d{2})\b"),
        re.compile(r"put under protection in (?P<year>(?:19|20)\d{2})\b"),
        re.compile(r"\bIn (?P<year>(?:19|20)\d{2}), \d+ cases of trafficking in persons"),
    )
    #: Where the strongest data-year sentences stand (section numbers, in order of trust).
    data_year_sections: tuple[str, ...] = ("1", "2 (1) i)", "2 (1) ii)")
    #: Words that mark a reconstruction made for testing (title page or PDF metadata).
    reconstruction_phrase: str = "Reconstruction for testing"
    #: The section whose absence makes a report unusable (victims and suspects data).
    required_section: str = "2"
    #: How many years after the covered year a report is published (May 2020 covers 2019).
    publication_lag: int = 1
    #: No report of the series is older: Japan's Action Plan to combat trafficking in persons
    #: dates from December 2004, its yearly reports from the years after. A report year before
    #: it (or after the current year) is a misread date, refused rather than trusted.
    first_report_year: int = 2005
    #: Month names for the date patterns that print them.
    months: tuple[str, ...] = field(
        default=(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )


PROFILE_PART = MetaProfile()
