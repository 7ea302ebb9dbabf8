"""Profile of Japan's annual report "Measures to Combat Trafficking in Persons".

One module per part, each holding only values of the types in `annualcheck.profiles.spec`;
`build()` assembles them. Every part is imported explicitly: a part that is missing or
misspelt is an ImportError or a ValueError when the profile is built, never an empty spec.
"""

from __future__ import annotations

from annualcheck.profiles.spec import Profile


def build() -> Profile:
    from annualcheck.profiles.jp_tip import (
        checks,
        diff,
        figures,
        labels,
        layout,
        meta,
        tables,
        trials,
    )

    return Profile(
        name="jp-tip",
        version="1",
        title="Measures to Combat Trafficking in Persons (Annual Report), Japan",
        meta=meta.PROFILE_PART,
        layout=layout.PROFILE_PART,
        figures=figures.PROFILE_PART,
        tables=tables.PROFILE_PART,
        checks=checks.PROFILE_PART,
        diff=diff.PROFILE_PART,
        labels=labels.PROFILE_PART,
        trials=trials.PROFILE_PART,
    )
