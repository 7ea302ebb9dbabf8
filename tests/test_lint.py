"""ruff keeps the code base to one style: lint rules and formatting (pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from helpers.paths import ROOT


def _ruff() -> list[str]:
    """The ruff of this environment (the test extra pins it), not whatever is on PATH."""
    try:
        import ruff  # noqa: F401
    except ImportError:
        exe = shutil.which("ruff")
        if exe is None:
            pytest.skip("ruff is not installed (it is in the 'test' extra)")
        return [exe]
    return [sys.executable, "-m", "ruff"]


@pytest.mark.parametrize(
    "args", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"]
)
def test_ruff_clean(args):
    result = subprocess.run([*_ruff(), *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
