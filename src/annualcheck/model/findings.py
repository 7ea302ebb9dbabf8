"""Findings: the small immutable values every check returns (after pandera's check results).

A check never raises on bad data; it returns every failure it sees, each with the words and
pages that prove it, so a user can act on a finding without opening the PDF blind.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "annualcheck/findings@1"
SEVERITIES = ("error", "warning", "info")
RULES = (
    "stated-change",
    "breakdown-sum",
    "caption-count",
    "toc-caption",
    "table-count",
    "carryover",
    "percentage",
    "list-count",
    "repeated-passage",
    "restated-figure",
)
_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Evidence:
    report_year: int
    page: int | None
    quote: str
    printed_page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "report_year": self.report_year,
            "page": self.page,
            "quote": self.quote,
        }
        if self.printed_page is not None:
            out["printed_page"] = self.printed_page
        return out


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    report_year: int
    message: str
    key: str | None = None
    expected: Any = None
    actual: Any = None
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"unknown rule {self.rule!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def page(self) -> int | None:
        """The page of the first piece of evidence from the finding's own report."""
        for ev in self.evidence:
            if ev.report_year == self.report_year:
                return ev.page
        return self.evidence[0].page if self.evidence else None

    @property
    def pages(self) -> tuple[tuple[int, int], ...]:
        """(report year, page) of every piece of evidence that has a page, in order."""
        return tuple((e.report_year, e.page) for e in self.evidence if e.page is not None)

    @property
    def base_id(self) -> str:
        """The finding's id before duplicates are told apart: "2020-toc-caption-key-4".

        Why from the rule, year, key and page (not the message): the id must stay the same when
        the wording of a message or a quote improves, so a link or a note kept by a reader
        still finds the finding in the next run."""
        page = self.page if self.page is not None else "x"
        key = re.sub(r"[^\w.-]+", "_", self.key) if self.key else "report"
        return f"{self.report_year}-{self.rule}-{key}-{page}"

    def sort_key(self) -> tuple:
        return (
            self.report_year,
            _SEVERITY_ORDER[self.severity],
            self.page or 0,
            self.rule,
            self.key or "",
        )

    def to_dict(self, finding_id: str | None = None) -> dict[str, Any]:
        return {
            "id": finding_id or self.base_id,
            "rule": self.rule,
            "severity": self.severity,
            "report_year": self.report_year,
            "key": self.key,
            "message": self.message,
            "expected": self.expected,
            "actual": self.actual,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            rule=data["rule"],
            severity=data["severity"],
            report_year=data["report_year"],
            message=data.get("message", ""),
            key=data.get("key"),
            expected=data.get("expected"),
            actual=data.get("actual"),
            evidence=tuple(
                Evidence(
                    report_year=e["report_year"],
                    page=e.get("page"),
                    quote=e.get("quote", ""),
                    printed_page=e.get("printed_page"),
                )
                for e in data.get("evidence", [])
            ),
        )


def finding_ids(findings: Iterable[Finding]) -> dict[int, str]:
    """A stable, unique id per finding (keyed by `id(finding)`): the base id, and where two
    findings share it, a short hash of the pages of all their evidence, then a counter.

    Why not a running number: the id is an anchor on the site and a field of the JSON that
    readers keep; it must not change when another finding is added or removed."""
    findings = list(findings)
    bases: dict[str, int] = {}
    for f in findings:
        bases[f.base_id] = bases.get(f.base_id, 0) + 1
    out: dict[int, str] = {}
    seen: set[str] = set()
    for f in sorted(findings, key=Finding.sort_key):
        ident = f.base_id
        if bases[ident] > 1:
            pages = ";".join(f"{y}:{p}" for y, p in f.pages)
            digest = hashlib.sha1(f"{f.rule}|{f.report_year}|{f.key}|{pages}".encode()).hexdigest()
            ident = f"{ident}-{digest[:6]}"
        base, n = ident, 2
        while ident in seen:
            ident, n = f"{base}-{n}", n + 1
        seen.add(ident)
        out[id(f)] = ident
    return out


def findings_document(findings: list[Finding]) -> dict[str, Any]:
    ids = finding_ids(findings)
    return {
        "schema": SCHEMA,
        "findings": [f.to_dict(ids[id(f)]) for f in sorted(findings, key=Finding.sort_key)],
    }


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
