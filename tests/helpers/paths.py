"""Where the committed test inputs live; a missing one fails the test that needs it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "reports"
EXPECTED = ROOT / "expected"
FIXTURES = ROOT / "tests" / "fixtures"


def committed(path: Path) -> Path:
    """The path of a committed input, or a failed test that names it: a fixture that is
    missing means a broken checkout, never a reason to skip."""
    if not path.exists():
        pytest.fail(
            f"{path.relative_to(ROOT)} is missing: it is committed to the repository "
            "(re-render it with `python -m testdata.render_reports` if you changed its source)",
            pytrace=False,
        )
    return path
