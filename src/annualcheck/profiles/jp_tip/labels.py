"""What the tool prints about this series: its refusals and the trial-table headings of the
change report (consumed by `annualcheck.extract.meta` and `annualcheck.render.diff`)."""

from __future__ import annotations

from annualcheck.profiles.spec.diff import Labels

PROFILE_PART = Labels(
    not_this_series="not a report of the series 'Measures to Combat Trafficking in Persons'",
    missing_section="report has no section 2 (the data on victims and suspects)",
    summary_subject="prosecuted persons",
)
