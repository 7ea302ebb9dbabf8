"""Render the imaginary North Bay series (tests/fixtures/northbay-<year>.md) to PDFs.

Why it exists: the proof that a second report series is only a profile needs reports of
that series. They are written in the same source dialect as the real series
(reports/src/FORMAT.md) and rendered by the same renderer (`render_reports.render_source`),
so the only thing that differs between the two series is their words, never the layout
machinery. The PDFs are committed; run this after editing a source:

    python -m testdata.render_northbay
"""

from __future__ import annotations

import sys
from pathlib import Path

from testdata.render_reports import render_source

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def main(argv: list[str] | None = None) -> int:
    """Render every tests/fixtures/northbay-<year>.md beside itself."""
    for src in sorted(FIXTURES.glob("northbay-*.md")):
        out = render_source(src.read_text(encoding="utf-8"), src.with_suffix(".pdf"))
        print(f"{src.name} -> {out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
