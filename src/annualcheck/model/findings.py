"""Findings: the small immutable values every check returns (after pandera's check results).

A check never raises on bad data; it returns every failure it sees, each with the words and
pages that prove it, so a user can act on a finding without opening the PDF blind.
"""

from __future__ import annotations

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

    def sort_key(self) -> tuple:
        return (
            self.report_year,
            _SEVERITY_ORDER[self.severity],
            self.page or 0,
            self.rule,
            self.key or "",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
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


def findings_document(findings: list[Finding]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "findings": [f.to_dict() for f in sorted(findings, key=Finding.sort_key)],
    }


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
