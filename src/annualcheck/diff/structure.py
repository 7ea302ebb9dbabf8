"""Everything else that changed between two records: a compact DeepDiff of the record.

Why apart: it is the catch-all part of the change report, so it first drops what the other
parts already cover (figures, paragraphs, sections) and what differs between any two reports
without saying anything (pages, quotes, boxes), and keys captions and contents entries by
their text with numbers masked so that one renumbering is one change, not a shift of all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annualcheck.diff.text import mask_numbers
from annualcheck.model.record import Record


@dataclass
class StructuralChange:
    kind: str  # DeepDiff's report type, e.g. "values_changed"
    path: str
    old: Any
    new: Any


#: Parts of the record the other sections of the change report already cover, and fields that
#: always differ between two reports (pages, quotes, boxes) and say nothing about the content.
_COVERED = ("figures", "paragraphs", "sections")


_EXCLUDE_RE = [
    r"\['(page|pages|printed_page|quote|bbox|toc_page|sha256|joined)'\]",
    # The header of every change report already names both years and files.
    r"root\['report'\]\['(report_year|data_year|published)'\]",
    r"root\['source'\]\['file'\]",
    r"root\['tables'\]\['[^']+'\]\['rows'\]",
]


def _keyed_by_text(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Captions or contents entries keyed by their text with numbers masked: a renumbered
    figure ("Figure 34" -> "Figure 28") or a changed count ("39 persons" -> "36 persons")
    is then one change of one entry, not a shift that touches every entry after it."""
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        key = mask_numbers(str(item.get("text", ""))) or str(item.get("label"))
        n, unique = 1, key
        while unique in out:
            n += 1
            unique = f"{key} ({n})"
        out[unique] = item
    return out


def structure_view(record: Record) -> dict[str, Any]:
    """The record as a dict for DeepDiff: covered parts dropped, captions and contents keyed
    by their masked text, tables by name with their row count."""
    data = record.to_dict()
    for name in _COVERED:
        data.pop(name, None)
    data["captions"] = _keyed_by_text(data.get("captions", []))
    data["toc"] = _keyed_by_text(data.get("toc", []))
    for table in data.get("tables", {}).values():
        table["row_count"] = len(table.get("rows", []))
    return data


def compare_structure(old: Record, new: Record) -> list[StructuralChange]:
    from deepdiff import DeepDiff

    diff = DeepDiff(
        structure_view(old), structure_view(new), exclude_regex_paths=_EXCLUDE_RE, view="tree"
    )
    out = []
    for kind, levels in diff.items():
        for level in levels:
            t1 = None if _is_missing(level.t1) else level.t1
            t2 = None if _is_missing(level.t2) else level.t2
            out.append(StructuralChange(kind, level.path(), t1, t2))
    out.sort(key=lambda c: c.path)
    return drop_toc_echoes(out)


def _gist(value: Any) -> Any:
    """A caption or contents entry reduced to what both share (label and text)."""
    if isinstance(value, dict):
        return (value.get("label"), value.get("text"))
    return value


def drop_toc_echoes(changes: list[StructuralChange]) -> list[StructuralChange]:
    """Leave out a change of the contents that only repeats the same change of the captions
    (a renumbered figure is renumbered in both): one line says it. A contents entry that
    changed otherwise than its caption stays, since that is news."""
    captions = {
        (c.kind, c.path[len("root['captions']") :], _gist(c.old), _gist(c.new))
        for c in changes
        if c.path.startswith("root['captions']")
    }
    return [
        c
        for c in changes
        if not (
            c.path.startswith("root['toc']")
            and (c.kind, c.path[len("root['toc']") :], _gist(c.old), _gist(c.new)) in captions
        )
    ]


def _is_missing(value: Any) -> bool:
    return type(value).__name__ == "NotPresent"
