"""breakdown-sum: parts of an exhaustive breakdown must add up to their total, for the year
and, for closed breakdowns, for the prior-year values that the stated changes imply.

A part the text does not mention is not zero: see `spec.Breakdown` for when a breakdown is
summed at all. Bounds (a part that cannot exceed a total) are checked under the same rule.
"""

from __future__ import annotations

from annualcheck.checks._common import ev_figure, finding, fmt, page_ref
from annualcheck.model.findings import Finding
from annualcheck.model.record import Figure, Record
from annualcheck.profiles.spec.checks import Bound, Breakdown, ChecksSpec

RULE = "breakdown-sum"


def _periods(record: Record, key: str) -> list[str]:
    seen: list[str] = []
    for fig in record.figures:
        if fig.key == key and fig.period not in seen:
            seen.append(fig.period)
    return seen


def _parts(record: Record, bd: Breakdown, period: str) -> tuple[list[Figure], list[str]]:
    """(figures of the parts present, names of required parts missing)."""
    if bd.prefix:
        keys: list[str] = []
        for fig in record.figures:
            rest = fig.key[len(bd.prefix) :] if fig.key.startswith(bd.prefix) else ""
            if rest and "." not in rest and fig.key not in bd.exclude and fig.key not in keys:
                keys.append(fig.key)
        required: list[str] = []
    else:
        keys = [*bd.parts, *bd.optional]
        required = list(bd.parts)
    present = [f for k in keys if (f := record.figure(k, period)) is not None]
    missing = [k for k in required if record.figure(k, period) is None]
    return present, missing


def _sum_text(parts: list[Figure], values: list[float]) -> str:
    return " + ".join(
        f"{fmt(v)} {p.key.rsplit('.', 1)[-1]}" for p, v in zip(parts, values, strict=True)
    )


def _check_one(record: Record, bd: Breakdown, period: str) -> list[Finding]:
    total = record.figure(bd.total, period)
    if total is None:
        return []
    parts, missing = _parts(record, bd, period)
    if not parts or (missing and not bd.closed):
        return []
    out: list[Finding] = []
    values = [p.value for p in parts]
    got = sum(values)
    unkeyed_optional = [k for k in bd.optional if record.figure(k, period) is None]
    if got < total.value and unkeyed_optional:
        return out  # e.g. "one has been acquitted" without a key: the rest may be there
    if abs(got - total.value) > 1e-9:
        short_open = bd.prefix is not None and not bd.closed and got < total.value
        severity = "warning" if short_open else "error"
        tail = " (a part the text does not state may make up the rest)" if short_open else ""
        out.append(finding(
            RULE, severity, record,
            f"{bd.name} ({period}): {_sum_text(parts, values)} = {fmt(got)}, but "
            f"{bd.total} is {fmt(total.value)}{tail}"
            f"{page_ref(*sorted({total.page, *(p.page for p in parts)}))}",
            key=bd.total, expected=total.value, actual=got,
            evidence=tuple(ev_figure(record, f) for f in [total, *parts]),
        ))  # fmt: skip
    if bd.implied and bd.closed and not missing:
        out.extend(_check_implied(record, bd, total, parts))
    return out


def _check_implied(record: Record, bd: Breakdown, total: Figure, parts: list[Figure]):
    """Closed breakdowns whose every part and total carry a stated change to the same period:
    the implied prior-year parts must add up to the implied prior-year total."""
    changed = [total, *parts]
    if any(f.stated_change is None for f in changed):
        return []
    periods = {f.stated_change.reference_period for f in changed}
    if len(periods) != 1:
        return []
    ref = periods.pop()
    implied_total = total.value - total.stated_change.delta
    implied = [p.value - p.stated_change.delta for p in parts]
    got = sum(implied)
    if abs(got - implied_total) <= 1e-9:
        return []
    return [finding(
        RULE, "error", record,
        f"{bd.name} ({ref}, implied by the stated changes): {_sum_text(parts, implied)} = "
        f"{fmt(got)}, but {bd.total} implies {fmt(implied_total)}"
        f"{page_ref(*sorted({f.page for f in changed}))}",
        key=bd.total, expected=implied_total, actual=got,
        evidence=tuple(ev_figure(record, f) for f in changed),
    )]  # fmt: skip


def _check_bound(record: Record, bound: Bound, period: str) -> list[Finding]:
    part = record.figure(bound.part, period)
    total = record.figure(bound.total, period)
    if part is None or total is None or part.value <= total.value:
        return []
    return [finding(
        RULE, "error", record,
        f"{bound.part} ({period}) is {fmt(part.value)}, more than {bound.total} "
        f"({fmt(total.value)}) it is part of{page_ref(*sorted({part.page, total.page}))}",
        key=bound.part, expected=total.value, actual=part.value,
        evidence=(ev_figure(record, part), ev_figure(record, total)),
    )]  # fmt: skip


def check_breakdowns(record: Record, spec: ChecksSpec) -> list[Finding]:
    out: list[Finding] = []
    for bd in spec.breakdowns:
        for period in _periods(record, bd.total):
            out.extend(_check_one(record, bd, period))
    for bound in spec.bounds:
        for period in _periods(record, bound.total):
            out.extend(_check_bound(record, bound, period))
    return out
