"""The shared builders build what the check tests rely on."""

from __future__ import annotations

from helpers.check_builders import real_2020


def test_builders_make_records():
    rec = real_2020()
    assert rec.value("victims.total", "2019") == 47
    assert len(rec.tables["table2"].rows) == 32
    assert any(p.repeated_from == "3 (2) ii)" for p in rec.paragraphs)
    assert any("accounting for approximately 70%" in p.text for p in rec.paragraphs)
