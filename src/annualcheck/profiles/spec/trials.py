"""The trial histories' part of a profile (`Profile.trials`): the laws charges fall under."""

from __future__ import annotations

from dataclasses import dataclass

from annualcheck.profiles.spec.base import Validated


@dataclass(frozen=True)
class Law(Validated):
    """One law and the phrases that name it or its offences inside a charge.

    `aliases` are compared as folded words (case, punctuation and hyphens ignored) anywhere in
    the charge; the first law of the profile's list with a matching alias wins, so specific
    Acts come before a general code whose offences are named only by the crime ("extortion").
    """

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TrialsSpec(Validated):
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
