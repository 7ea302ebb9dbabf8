"""Render the wording and structure variants of the real 2020 report to tests/fixtures/.

    python -m testdata.render_variants        # writes the .md sources and the .pdf files

Why: the tool must read a later report, not last year's sentences or layout. Two variants of
reports/src/2020.md, every value and change kept true:

- `2020-reworded`: section 2's sentences reworded as a later report might phrase them (one
  rewording per sentence from testdata/rewordings.py, those marked `in_report`);
- `2020-restructured`: a new section inserted before the statistics (which become section 3,
  every later section and cross-reference renumbered), "(a)" sub-numbering instead of "i)",
  the statistics headings retitled, and Table 3 printed before Table 2.

The sources are committed next to the PDFs so a reader can see what each PDF says.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "reports" / "src" / "2020.md"
FIXTURES = ROOT / "tests" / "fixtures"

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
LETTERS = "abcdefghijkl"

INSERTED = """# 2 Progress since the revision of the Action Plan

The Action Plan was revised so that the measures of the relevant ministries and agencies are reviewed each year against the situation the statistics show. This section summarizes how the review was carried out.

The Council for the Promotion of Measures to Combat Trafficking in Persons confirmed the review at its session and asked each ministry and agency to report on its initiatives in the annual report.
"""

RETITLED = {
    "# 2 Gaining a thorough understanding of trafficking in persons": "# 3 Understanding the situation",
    "## (1) Incidence of trafficking in persons in Japan": "## (1) The situation in figures",
    "### i) Data relating to victims of trafficking in persons": "### (a) Victims identified and protected",
    "### ii) Data relating to those accused of trafficking in persons": "### (b) Offenders: arrests, prosecutions and trials",
}  # fmt: skip


def reworded(text: str) -> str:
    """The 2020 source with section 2's sentences replaced by their rewordings (the first
    occurrence only: a "[Repeated from ...]" copy later keeps its old words, as a careless
    later report might)."""
    from testdata.rewordings import REWORDINGS

    start = text.index("# 2 Gaining")
    end = text.index("### iii) Cases")
    section = text[start:end]
    for entry in REWORDINGS:
        if entry.get("in_report"):
            if section.count(entry["original"]) != 1:
                raise SystemExit(f"not once in section 2: {entry['original']!r}")
            section = section.replace(entry["original"], entry["reworded"])
    return text[:start] + section + text[end:]


def _roman_to_letter(token: str) -> str:
    return f"({LETTERS[ROMAN.index(token)]})"


def _renumber_ref(m: re.Match[str]) -> str:
    """ "3 (3) ii)" -> "4 (3) (b)": sections from 2 on move one down; roman parts become letters."""
    top = int(m.group(1))
    top = top + 1 if top >= 2 else top
    out = f"{top} ({m.group(2)})"
    if m.group(3):
        out += " " + _roman_to_letter(m.group(3))
    return out


_REF = re.compile(r"(?<![\d.])\b([1-8]) \((\d)\)(?: ([ivx]+)(?:\)|(?=\])))?")


def restructured(text: str) -> str:
    """The 2020 source renumbered, re-lettered, retitled, with Table 3 before Table 2."""
    lines = text.split("\n")
    out = []
    for line in lines:
        if line in RETITLED:
            line = RETITLED[line]
        elif m := re.match(r"^# (\d+) (.*)$", line):
            n = int(m.group(1))
            line = f"# {n + 1 if n >= 2 else n} {m.group(2)}"
        elif m := re.match(r"^### ([ivx]+)\) (.*)$", line):
            line = f"### {_roman_to_letter(m.group(1))} {m.group(2)}"
        elif not line.startswith("#"):
            line = _REF.sub(_renumber_ref, line)
        out.append(line)
    text = "\n".join(out)
    text = text.replace(
        "# 3 Understanding the situation", INSERTED + "\n# 3 Understanding the situation"
    )
    # Table 3 (caption and rows) before Table 2
    t3 = text.index("[Table 3]")
    end = _table_end(text, t3)
    block3, rest = text[t3:end].rstrip("\n"), text[:t3] + text[end:]
    t2 = rest.index("[Table 2]")
    return rest[:t2] + block3 + "\n\n" + rest[t2:]


def _table_end(text: str, caption: int) -> int:
    """Where a table block ends: after its caption line, a blank line and its pipe rows, and
    the blank line after them."""
    lines = text[caption:].split("\n")
    k, seen_rows = 1, False
    while k < len(lines) and (lines[k].startswith("|") or (not lines[k] and not seen_rows)):
        seen_rows = seen_rows or lines[k].startswith("|")
        k += 1
    while k < len(lines) and not lines[k]:
        k += 1
    return caption + len("\n".join(lines[:k])) + 1


def main() -> int:
    from testdata.render_reports import render_source

    base = SOURCE.read_text(encoding="utf-8")
    for name, text in (
        ("2020-reworded", reworded(base)),
        ("2020-restructured", restructured(base)),
    ):
        src = FIXTURES / f"{name}.md"
        src.write_text(text, encoding="utf-8")
        pdf = render_source(text, FIXTURES / f"{name}.pdf")
        print(f"{src.relative_to(ROOT)} -> {pdf.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
