"""The shared builders build what the check tests rely on."""

from __future__ import annotations

from pathlib import Path

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


def _imported_modules(path) -> set[str]:
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_test_files_import_helpers_not_each_other():
    """Shared code lives in tests/helpers/ and testdata/; a test module or conftest used as
    a library would run its tests twice and tie unrelated files together."""
    offenders = {
        path.name: sorted(m for m in _imported_modules(path) if m.startswith(("test_", "conftest")))
        for path in (ROOT / "tests").rglob("*.py")
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def _edits_sys_path(source: str) -> bool:
    return any(f"sys.path.{verb}(" in source for verb in ("insert", "append", "extend"))


def test_no_sys_path_edits_in_tests_or_testdata():
    """pytest's `pythonpath` setting makes `helpers` and `testdata` importable."""
    edits = [
        path.relative_to(ROOT).as_posix()
        for folder in ("tests", "testdata")
        for path in (ROOT / folder).rglob("*.py")
        if path != Path(__file__) and _edits_sys_path(path.read_text(encoding="utf-8"))
    ]
    assert edits == []
