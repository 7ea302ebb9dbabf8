"""The change report between two reports of a series: what moved, and whether the new
report says so itself.

Why a separate model (`ChangeReport`) and not rendered text: the same comparison feeds the
text, markdown, html and json renderers and the static site, and tooling reads the JSON.
Each part answers one question a reader of two consecutive years asks:

- figures: every key of either report side by side, with the change the numbers give and
  the change the new report states, and whether the two agree;
- trials: the profile's summary trial table in numbers per year, and what became of each
  person the old report left awaiting trial (matched to a row of the new carry-over table by
  offense);
- text: which sections were added, removed or rewritten, and which sentences of the
  statistics section changed (numbers masked so a sentence whose numbers changed pairs up
  with its predecessor instead of showing as one removal and one addition);
- structure: a compact DeepDiff of everything the parts above do not already cover.

The trend series and the section that holds the statistics come from the profile
(`Profile.diff`, a `DiffSpec`), as do the names of the tables compared; nothing here knows a
phrase of one series.

This module holds the model, the figures part and the whole; the trials part is in
`diff_trials`, the text part in `diff_text`, the structure part in `diff_structure`, and the
order-aware matching the trials and text parts share in `diff_align`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from annualcheck.diff.structure import StructuralChange, compare_structure
from annualcheck.diff.text import (
    SectionChange,
    SentenceChange,
    compare_sections,
    compare_sentences,
    narrative_sentences,
    section_order,
)
from annualcheck.diff.trials import (
    CarriedOver,
    TableSummary,
    carried_over,
    summarise_table,
)
from annualcheck.model.record import Figure, Record, StatedChange
from annualcheck.model.timings import stage
from annualcheck.profiles.spec import Profile
from annualcheck.prose.comparisons import relative_agreement
from annualcheck.prose.quotes import mark_cuts

SCHEMA = "annualcheck/change@1"
AGREEMENTS = ("agrees", "contradicts", "not stated", "new key", "dropped key")


# -- the model -------------------------------------------------------------------------------


@dataclass
class FigureChange:
    key: str
    period: str | None  # the new report's period (the old one's for a dropped key)
    previous_period: str | None
    previous: float | None
    current: float | None
    change: float | None  # current - previous
    stated_change: float | None  # the delta the new report states
    stated_phrase: str | None
    reference_period: str | None
    agreement: str  # one of AGREEMENTS
    section: str | None
    unit: str | None
    previous_page: int | None
    page: int | None
    quote: str | None
    note: str | None = None


@dataclass
class ChangeReport:
    old_year: int
    new_year: int
    old_data_year: int
    new_data_year: int
    old_file: str
    new_file: str
    figures: list[FigureChange]
    table_summaries: list[TableSummary]  # [old, new]
    carried_over: list[CarriedOver]
    unmatched_carryover_rows: list[int]  # rows of the new carry-over table no person matched
    sections: list[SectionChange]
    sentences: list[SentenceChange]
    structure: list[StructuralChange]
    labels: dict[str, str] = field(default_factory=dict)
    #: how the profile names what was compared, for the renderers: table key -> printed label,
    #: the summarised table and what its rows are, the carry-over table, the narrative section
    table_labels: dict[str, str] = field(default_factory=dict)
    summary_table: str | None = None
    summary_subject: str = ""
    carryover_table: str | None = None
    narrative_section: str = ""

    def table_label(self, key: str | None) -> str:
        """The printed label of a table ("Table 4"), its key when the profile has none."""
        return self.table_labels.get(key or "", key or "")

    def counts(self) -> dict[str, int]:
        """Figures per agreement class (every class present, zero included)."""
        out = dict.fromkeys(AGREEMENTS, 0)
        for f in self.figures:
            out[f.agreement] += 1
        return out

    def table_change(self) -> dict[str, int]:
        """New summary of the trial table minus old, per column."""
        old, new = self.table_summaries
        return {k: new.counts[k] - old.counts.get(k, 0) for k in new.counts}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["table_summaries"] = [s.to_dict() for s in self.table_summaries]
        data["counts"] = self.counts()
        data["table_change"] = self.table_change()
        return {"schema": SCHEMA, **_jsonable(data)}


def _jsonable(obj: Any) -> Any:
    """Whole floats as ints, sets and tuples as lists: JSON that reads like the record's."""
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    return str(obj)


# -- figures ---------------------------------------------------------------------------------


def period_order(period: str | None) -> tuple[int, str]:
    """Sort key of a period: its last four-digit year, then the text ("FY2019" > "2018")."""
    years = re.findall(r"\d{4}", period or "")
    return (int(years[-1]) if years else -1, period or "")


def latest_figures(record: Record) -> dict[str, Figure]:
    """Per key, the figure of the latest period (the year the report covers, normally);
    within one period the first given, as the report's main statement of it."""
    out: dict[str, Figure] = {}
    for fig in record.figures:
        best = out.get(fig.key)
        if best is None or period_order(fig.period) > period_order(best.period):
            out[fig.key] = fig
    return out


def _agreement(stated: StatedChange, previous: float, current: float) -> str:
    """Whether the stated change matches the two values: a difference exactly, a relative
    change ("up 58.3%", "doubled") with the rounding the text prints."""
    if stated.delta is not None:
        return "agrees" if abs((current - previous) - stated.delta) < 1e-9 else "contradicts"
    if stated.relative is None:
        return "not stated"
    verdict, _ = relative_agreement(
        stated.relative, stated.relative_decimals, stated.bound, previous, current
    )
    return "contradicts" if verdict == "contradicts" else "agrees"


def compare_figure(
    key: str, old: Figure | None, new: Figure | None, old_record: Record
) -> FigureChange:
    """One key side by side, with the agreement of the stated change and the numbers."""
    fig = new or old
    assert fig is not None
    stated = new.stated_change if new is not None else None
    previous = old.value if old is not None else None
    current = new.value if new is not None else None
    change = current - previous if previous is not None and current is not None else None
    note = None
    if old is None:
        agreement = "new key"
    elif new is None:
        agreement = "dropped key"
    elif stated is None:
        agreement = "not stated"
    else:
        base = old
        if stated.reference_period and stated.reference_period != old.period:
            # The new report compares with another period than the old report's latest.
            base = old_record.figure(key, stated.reference_period)
        if base is None:
            agreement = "not stated"
            note = f"states a change against {stated.reference_period}, which the previous report does not give"
        else:
            agreement = _agreement(stated, base.value, current)
            if base is not old:
                note = f"compared with {base.period} ({base.value:g})"
    return FigureChange(
        key=key,
        period=fig.period,
        previous_period=old.period if old is not None else None,
        previous=previous,
        current=current,
        change=change,
        stated_change=stated.delta if stated is not None else None,
        stated_phrase=stated.phrase if stated is not None else None,
        reference_period=stated.reference_period if stated is not None else None,
        agreement=agreement,
        section=fig.section,
        unit=fig.unit,
        previous_page=old.page if old is not None else None,
        page=new.page if new is not None else None,
        quote=new.quote if new is not None else old.quote if old is not None else None,
        note=note,
    )


def compare_figures(old: Record, new: Record) -> list[FigureChange]:
    """Every key of either report, in the order of the report's sections, then by key."""
    olds, news = latest_figures(old), latest_figures(new)
    first_seen = {k: i for i, k in enumerate(dict.fromkeys([*news, *olds]))}
    changes = [compare_figure(k, olds.get(k), news.get(k), old) for k in first_seen]
    changes.sort(key=lambda c: (section_order(c.section)[:1], first_seen[c.key]))
    for c in changes:
        if c.quote:  # "…" where the quote was cut out of its sentence, as in the findings
            source = new if c.key in news else old
            page = c.page if c.key in news else c.previous_page
            c.quote = mark_cuts(c.quote, [p.text for p in source.paragraphs if p.page == page])
    return changes


# -- the whole -------------------------------------------------------------------------------


def diff_records(old: Record, new: Record, *, profile: Profile) -> ChangeReport:
    """The change report from `old` to `new` (normally consecutive years of one series), by
    the profile's `diff` part."""
    with stage("diff"):
        return _diff_records(old, new, profile)


def _diff_records(old: Record, new: Record, profile: Profile) -> ChangeReport:
    spec = profile.diff
    words = profile.figures
    persons, unmatched = carried_over(old, new, spec, profile.checks.offense_filler)
    return ChangeReport(
        old_year=old.report.report_year,
        new_year=new.report.report_year,
        old_data_year=old.report.data_year,
        new_data_year=new.report.data_year,
        old_file=old.source.file,
        new_file=new.source.file,
        figures=compare_figures(old, new),
        table_summaries=[
            summarise_table(old, spec.summary_table, spec.summary_rows),
            summarise_table(new, spec.summary_table, spec.summary_rows),
        ],
        carried_over=persons,
        unmatched_carryover_rows=unmatched,
        sections=compare_sections(old, new),
        sentences=compare_sentences(
            narrative_sentences(old, spec.narrative_section, words),
            narrative_sentences(new, spec.narrative_section, words),
        ),
        structure=compare_structure(old, new),
        labels=dict(spec.labels),
        table_labels={k.key: k.label for k in profile.tables.kinds},
        summary_table=spec.summary_table,
        summary_subject=profile.labels.summary_subject,
        carryover_table=spec.carryover_table,
        narrative_section=spec.narrative_section,
    )


__all__ = [
    "AGREEMENTS",
    "SCHEMA",
    "ChangeReport",
    "FigureChange",
    "diff_records",
    "period_order",
]
