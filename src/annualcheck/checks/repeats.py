"""repeated-passage and restated-figure: one number given twice must be the same number.

repeated-passage: a figure whose other occurrences (in "[Repeated from ...]" passages) give
another value; and, at text level, a paragraph marked as repeated from section X whose numbers
differ from the words they align with in section X (token alignment, so rewording and sentence
splits do not count, only a number put where the original has another number).

restated-figure: the same key and period given different values by two reports (a preliminary
figure revised later is a warning, not an error).
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from annualcheck.checks._common import (
    NUM_RE,
    ev_figure,
    ev_occurrence,
    ev_paragraph,
    finding,
    fmt,
    page_ref,
    parse_count,
)
from annualcheck.compiled_patterns import compiled
from annualcheck.model.findings import Finding
from annualcheck.model.record import Paragraph, Record

REPEAT_RULE = "repeated-passage"
RESTATE_RULE = "restated-figure"

_TOKEN = compiled(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+", re.UNICODE)


def section_id(label: str | None) -> tuple[str, ...]:
    """'3 (3) ii)', '3(3)ii', '2 (1) i' -> ('3', '3', 'ii'): the markers are printed loosely."""
    if not label:
        return ()
    return tuple(re.findall(r"\d+|[a-z]+", label.lower()))


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _number(token: str) -> int | float | None:
    if NUM_RE.fullmatch(token):
        return parse_count(token)
    return None


def _check_figure_occurrences(record: Record) -> list[Finding]:
    out = []
    for fig in record.figures:
        for occ in fig.occurrences:
            if occ.value == fig.value:
                continue
            where = f" (repeated from {occ.repeated_from})" if occ.repeated_from else ""
            out.append(finding(
                REPEAT_RULE, "error", record,
                f"{fig.key}: {fmt(fig.value)} in {fig.section or 'the text'}, but "
                f"{fmt(occ.value)} in {occ.section or 'another passage'}{where}"
                f"{page_ref(fig.page, occ.page)}",
                key=fig.key, expected=fig.value, actual=occ.value,
                evidence=(ev_figure(record, fig), ev_occurrence(record, occ)),
            ))  # fmt: skip
    return out


def _source_tokens(paras: list[Paragraph]) -> tuple[list[str], list[int]]:
    tokens: list[str] = []
    owner: list[int] = []
    for k, para in enumerate(paras):
        toks = _tokens(para.text)
        tokens += toks
        owner += [k] * len(toks)
    return tokens, owner


def _nearest(rep: list[str], source: list[Paragraph], words: list[Counter]) -> list[Paragraph]:
    """The source paragraph sharing most words with the repeat (`words`: each source
    paragraph's word counts), with its neighbours (a repeat may join or split the original's
    paragraphs): aligning against a window, not the whole section, keeps long sections cheap."""
    want = Counter(rep)
    scores = [sum((want & counted).values()) for counted in words]
    best = max(range(len(source)), key=scores.__getitem__)
    return source[max(0, best - 1) : best + 2]


def _check_text_repeats(record: Record) -> list[Finding]:
    out = []
    # The original paragraphs by section, each with its word counts, made once: a report
    # repeats dozens of passages, and each was compared against every paragraph again.
    by_section: dict[tuple[str, ...], list[Paragraph]] = {}
    for p in record.paragraphs:
        if not p.repeated_from:
            by_section.setdefault(section_id(p.section), []).append(p)
    words: dict[tuple[str, ...], list[Counter]] = {}
    for para in record.paragraphs:
        if not para.repeated_from:
            continue
        target = section_id(para.repeated_from)
        source = by_section.get(target)
        if not source:
            continue  # the section is not found: nothing to compare (the extractor says why)
        if target not in words:
            words[target] = [Counter(_tokens(p.text)) for p in source]
        rep = _tokens(para.text)
        source = _nearest(rep, source, words[target])
        src, owner = _source_tokens(source)
        sm = SequenceMatcher(None, rep, src, autojunk=False)
        matched = sum(b.size for b in sm.get_matching_blocks())
        if not rep or matched < 0.5 * len(rep):
            continue  # not the same passage: comparing its numbers would be noise
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "replace" or i2 - i1 > 3 or j2 - j1 > 3:
                continue
            new = [n for t in rep[i1:i2] if (n := _number(t)) is not None]
            old = [n for t in src[j1:j2] if (n := _number(t)) is not None]
            if not new or not old or new == old:
                continue
            orig = source[owner[j1]]
            context_rep = " ".join(rep[max(0, i1 - 4) : i2 + 4])
            context_src = " ".join(src[max(0, j1 - 4) : j2 + 4])
            out.append(finding(
                REPEAT_RULE, "error", record,
                f"Passage repeated from {para.repeated_from} gives {', '.join(map(fmt, new))} "
                f"where the original gives {', '.join(map(fmt, old))}: "
                f"'…{context_rep}…' vs '…{context_src}…'{page_ref(para.page, orig.page)}",
                key=None, expected=old[0] if len(old) == 1 else old,
                actual=new[0] if len(new) == 1 else new,
                evidence=(ev_paragraph(record, para), ev_paragraph(record, orig)),
            ))  # fmt: skip
    return out


def _same_numbers(value) -> tuple:
    """A finding's expected/actual as a set member: one number, or several as a tuple (a
    reworded repeat may hold more or fewer numbers than its original)."""
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def check_repeats(record: Record) -> list[Finding]:
    figure_level = _check_figure_occurrences(record)
    seen = {
        (_same_numbers(f.actual), _same_numbers(f.expected), f.evidence[1].page)
        for f in figure_level
    }
    text_level = [
        f
        for f in _check_text_repeats(record)
        if (_same_numbers(f.actual), _same_numbers(f.expected), f.evidence[0].page) not in seen
    ]
    return figure_level + text_level


def check_restated(records: list[Record]) -> list[Finding]:
    """Each report against the latest earlier report giving the same key and period."""
    out: list[Finding] = []
    latest: dict[tuple[str, str], tuple[Record, object]] = {}
    for record in records:
        given: dict[tuple[str, str], object] = {}
        for fig in record.figures:
            if fig.key.startswith("unkeyed."):
                continue
            given.setdefault((fig.key, fig.period), fig)
        for kp, fig in given.items():
            if kp in latest:
                prev_rec, prev_fig = latest[kp]
                if prev_fig.value != fig.value:
                    prelim = prev_fig.preliminary or fig.preliminary
                    note = " (preliminary figures revised)" if prelim else ""
                    out.append(finding(
                        RESTATE_RULE, "warning" if prelim else "error", record,
                        f"{fig.key} for {fig.period}: report {record.report.report_year} gives "
                        f"{fmt(fig.value)}, report {prev_rec.report.report_year} gave "
                        f"{fmt(prev_fig.value)}{note}{page_ref(fig.page, prev_fig.page)}",
                        key=fig.key, expected=prev_fig.value, actual=fig.value,
                        evidence=(ev_figure(record, fig), ev_figure(prev_rec, prev_fig)),
                    ))  # fmt: skip
            latest[kp] = (record, fig)
    return out
