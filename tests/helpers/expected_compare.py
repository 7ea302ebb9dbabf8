"""Comparisons of a record with expected/<year>.json, as lists of what differs.

Each returns the differences as readable lines, so a test can assert none (the `assert_*`
of `helpers.expected`), or a bounded share for an OCR'd rendering (tests/test_producers.py).
"""

from __future__ import annotations

import json
import re
import unicodedata

from helpers.paths import EXPECTED, committed

SECTION2_PREFIXES = ("victims.", "cases.", "suspects.", "carryover.", "perpetrators.")


def load_expected(year: int) -> dict:
    """expected/<year>.json (a committed file: missing, the run fails naming it)."""
    return json.loads(committed(EXPECTED / f"{year}.json").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Compare words, not typography: quotes, apostrophes, dashes, spacing and case folded."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2018\u2019\u201c\u201d'\"`]", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _change(fig) -> tuple | None:
    if fig.stated_change is None:
        return None
    return (fig.stated_change.delta, fig.stated_change.reference_period)


def section2_differences(record, expected: dict) -> list[str]:
    """Every expected section-2 figure missing or different (value, stated change)."""
    wrong = []
    for exp in expected["figures"]:
        fig = record.figure(exp["key"], exp["period"])
        if fig is None:
            wrong.append(f"missing {exp['key']} ({exp['period']})")
            continue
        if fig.value != exp["value"]:
            wrong.append(f"{exp['key']}: value {fig.value} != {exp['value']}")
        want = exp["stated_change"]
        want = None if want is None else (want["delta"], want["reference_period"])
        if _change(fig) != want:
            wrong.append(f"{exp['key']}: stated change {_change(fig)} != {want}")
    return wrong


def section2_extra(record, expected: dict) -> list[str]:
    """Section-2 figures the record has and the expectations do not."""
    known = {(e["key"], e["period"]) for e in expected["figures"]}
    return [
        f"extra {f.key} ({f.period}) = {f.value}: {f.quote[:80]}"
        for f in record.figures
        if f.key.startswith(SECTION2_PREFIXES) and (f.key, f.period) not in known
    ]


def other_differences(record, expected: dict) -> list[str]:
    """Expected figures of sections 2 (2)-8 missing or different."""
    wrong = []
    for exp in expected.get("other_figures", []):
        fig = record.figure(exp["key"], exp.get("period"))
        if fig is None:
            wrong.append(f"missing {exp['key']} {exp.get('period', '')}")
        elif fig.value != exp["value"]:
            wrong.append(f"{exp['key']}: {fig.value} != {exp['value']}")
    return wrong


def table_differences(record, expected: dict, table: str) -> list[str]:
    """Rows of a trial table that differ from the expected rows (numbers, words, sentences)."""
    want = expected["tables"][table]["rows"]
    got = record.tables[table].rows
    if [r.no for r in got] != [e["no"] for e in want]:
        return [f"{table}: rows {[r.no for r in got]} != {[e['no'] for e in want]}"]
    wrong = []
    for row, exp in zip(got, want, strict=True):
        if norm(row.offense) != norm(exp["offense"]):
            wrong.append(f"{table} row {row.no} offense {row.offense!r}")
        if [norm(c) for c in row.charges] != [norm(c) for c in exp["charges"]]:
            wrong.append(f"{table} row {row.no} charges {row.charges!r}")
        if row.status != exp["status"]:
            wrong.append(f"{table} row {row.no} status {row.status}")
        sentence = None
        if row.sentence is not None:
            sentence = {
                "prison_months": row.sentence.prison_months,
                "suspended_years": row.sentence.suspended_years,
                "probation": row.sentence.probation,
                "fine_yen": row.sentence.fine_yen,
            }
        if sentence != exp["sentence"]:
            wrong.append(f"{table} row {row.no} sentence {sentence} != {exp['sentence']}")
    return wrong


def caption_differences(record, expected: dict) -> list[str]:
    """Captions missing or worded otherwise, contents labels out of order, the known
    contents-caption disagreement not read."""
    wrong = []
    captions = {c.label: c for c in record.captions}
    for exp in expected["captions"]:
        got = captions.get(exp["label"])
        if got is None:
            wrong.append(f"caption {exp['label']} missing")
        elif norm(got.text) != norm(exp["text"]):
            wrong.append(f"caption {exp['label']}: {got.text!r}")
    labels = [t.label for t in record.toc if t.label.startswith(("Figure", "Table"))]
    if labels != expected["toc_labels"]:
        wrong.append(f"contents labels {labels[:5]}… != expected")
    return wrong
