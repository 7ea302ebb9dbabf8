"""The shared builders build what the check tests rely on."""

from __future__ import annotations

import pytest

from helpers.check_builders import real_2020
from helpers.paths import ROOT, committed


def test_builders_make_records():
    rec = real_2020()
    assert rec.value("victims.total", "2019") == 47
    assert len(rec.tables["table2"].rows) == 32
    assert any(p.repeated_from == "3 (2) ii)" for p in rec.paragraphs)
    assert any("accounting for approximately 70%" in p.text for p in rec.paragraphs)


def test_a_missing_committed_input_fails_instead_of_skipping():
    assert committed(ROOT / "pyproject.toml") == ROOT / "pyproject.toml"
    with pytest.raises(pytest.fail.Exception, match="missing"):
        committed(ROOT / "reports" / "1999.pdf")
