"""caption-count and toc-caption: what captions and the contents say against the body.

caption-count: a caption's count ("Nationalities of 39 persons") must equal the body figure
the profile says it counts; a table caption ("the 32 persons") is held against the body
figure, or against the table's rows when the body gives no figure (rows against the
narrative are table-count's and carryover's concern, so one wrong number gives one finding).

toc-caption: each Figure/Table entry of the contents against the caption with its label.
"""

from __future__ import annotations

import re

from annualcheck.checks._common import (
    ev_caption,
    ev_figure,
    finding,
    fmt,
    fold,
    numbers_in,
    page_ref,
    parse_count,
)
from annualcheck.model.findings import Finding
from annualcheck.model.record import Caption, Record
from annualcheck.profiles.spec.checks import ChecksSpec

COUNT_RULE = "caption-count"
TOC_RULE = "toc-caption"


def _captions(record: Record, spec: ChecksSpec) -> list[Caption]:
    """Captions of the record, plus table captions the caption list lacks."""
    caps = list(record.captions)
    labels = {c.label for c in caps}
    for table in record.tables.values():
        if table.label not in labels and table.caption:
            caps.append(Caption(table.label, table.caption, table.page, table.printed_page))
    return caps


def check_caption_counts(record: Record, spec: ChecksSpec) -> list[Finding]:
    out: list[Finding] = []
    period = str(record.report.data_year)
    for cap in _captions(record, spec):
        text = cap.text.lower()
        for subject in spec.caption_subjects:
            m, n = _first_count(subject.pattern, text)
            if m is None or n is None:
                continue  # "number of persons": no count
            phrase = cap.text[m.start() : m.end()]
            fig = record.figure(subject.key, period) or record.figure(subject.key)
            table = record.tables.get(subject.table) if subject.table else None
            if fig is not None:
                if n != fig.value:
                    out.append(finding(
                        COUNT_RULE, "error", record,
                        f"{cap.label}: caption says {phrase!r} ({fmt(n)}), the text gives "
                        f"{subject.key} = {fmt(fig.value)}{page_ref(cap.page, fig.page)}",
                        key=subject.key, expected=fig.value, actual=n,
                        evidence=(ev_caption(record, cap), ev_figure(record, fig)),
                    ))  # fmt: skip
            elif table is None:
                out.append(finding(
                    COUNT_RULE, "info", record,
                    f"{cap.label}: caption count {phrase!r} not checked: the text gives no "
                    f"{subject.key}{page_ref(cap.page)}",
                    key=subject.key, expected=None, actual=n,
                    evidence=(ev_caption(record, cap),),
                ))  # fmt: skip
            break  # the first subject that matches is the caption's
    return out


def _first_count(pattern: str, text: str):
    for m in re.finditer(pattern, text):
        n = parse_count(m.group("n"))
        if n is not None:
            return m, n
    return None, None


def _label_key(label: str) -> str:
    return " ".join(label.split()).title()


def _word_diff(a: list[str], b: list[str]) -> str:
    only_a = [w for w in a if w not in b]
    only_b = [w for w in b if w not in a]
    parts = []
    if only_a:
        parts.append("contents only: " + " ".join(only_a[:8]))
    if only_b:
        parts.append("caption only: " + " ".join(only_b[:8]))
    return "; ".join(parts) or "word order differs"


def check_toc(record: Record, spec: ChecksSpec) -> list[Finding]:
    entries = [e for e in record.toc if re.match(spec.figure_labels, _label_key(e.label))]
    if not entries:
        return []  # no contents of figures to hold captions against
    caps: dict[str, Caption] = {}
    for cap in _captions(record, spec):
        caps.setdefault(_label_key(cap.label), cap)
    out: list[Finding] = []
    seen: set[str] = set()
    for entry in entries:
        label = _label_key(entry.label)
        seen.add(label)
        ev_entry = _ev_entry(record, entry)
        cap = caps.get(label)
        if cap is None:
            out.append(finding(
                TOC_RULE, "warning", record,
                f"{label}: listed in the contents ({entry.text!r}, p. {entry.page}) but no "
                f"caption with this label was found",
                key=label, expected=None, actual=entry.text, evidence=(ev_entry,),
            ))  # fmt: skip
            continue
        ev_cap = ev_caption(record, cap)
        toc_numbers, cap_numbers = numbers_in(entry.text), numbers_in(cap.text)
        if toc_numbers != cap_numbers:
            out.append(finding(
                TOC_RULE, "error", record,
                f"{label}: contents say {entry.text!r}, caption says {cap.text!r} "
                f"(numbers {', '.join(map(fmt, toc_numbers)) or 'none'} vs "
                f"{', '.join(map(fmt, cap_numbers)) or 'none'})"
                f"{page_ref(entry.toc_page, cap.page)}",
                key=label, expected=cap.text, actual=entry.text, evidence=(ev_entry, ev_cap),
            ))  # fmt: skip
        elif fold(entry.text).split() != fold(cap.text).split():
            a, b = fold(entry.text).split(), fold(cap.text).split()
            out.append(finding(
                TOC_RULE, "warning", record,
                f"{label}: contents and caption differ in words ({_word_diff(a, b)}): "
                f"{entry.text!r} vs {cap.text!r}{page_ref(entry.toc_page, cap.page)}",
                key=label, expected=cap.text, actual=entry.text, evidence=(ev_entry, ev_cap),
            ))  # fmt: skip
        if (
            entry.page is not None
            and cap.printed_page is not None
            and entry.page != cap.printed_page
        ):
            out.append(finding(
                TOC_RULE, "error", record,
                f"{label}: contents give page {entry.page}, the caption stands on printed page "
                f"{cap.printed_page}{page_ref(entry.toc_page, cap.page)}",
                key=label, expected=cap.printed_page, actual=entry.page,
                evidence=(ev_entry, ev_cap),
            ))  # fmt: skip
    for label, cap in caps.items():
        if label not in seen and re.match(spec.figure_labels, label):
            out.append(finding(
                TOC_RULE, "warning", record,
                f"{label}: caption {cap.text!r} has no entry in the contents{page_ref(cap.page)}",
                key=label, expected=cap.text, actual=None, evidence=(ev_caption(record, cap),),
            ))  # fmt: skip
    return out


def _ev_entry(record: Record, entry):
    from annualcheck.model.findings import Evidence

    return Evidence(
        record.report.report_year,
        entry.toc_page,
        f"Contents: [{entry.label}] {entry.text} … {entry.page}",
    )
