"""The cache can be trusted or is not used (issue 13, item 5): entries are checked against the
record schema on read, a bad entry is deleted and rebuilt, a deeply nested one cannot raise
RecursionError, and no home directory is needed."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

import annualcheck.batch.cache as cache
from annualcheck.profiles import get_profile
from helpers.builders import fig, record

PROFILE = get_profile("jp-tip")

SHA = "a" * 64


def stored(tmp_path: Path) -> Path:
    rec = record(2020, [fig("victims.total", 47, "2019", delta=20)])
    assert cache.store(SHA, Path("2020.pdf"), rec, tmp_path, profile=PROFILE)
    return cache.entry_path(SHA, tmp_path, profile=PROFILE)


def test_good_entry_reads_back(tmp_path):
    stored(tmp_path)
    rec = cache.load_cached(SHA, Path("2020.pdf"), tmp_path, profile=PROFILE)
    assert rec is not None and rec.figures[0].value == 47


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["record"]["figures"][0].update(page="nine"),
        lambda d: d["record"]["figures"][0].update(value=[1, 2]),
        lambda d: d["record"]["report"].update(report_year="2020"),
        lambda d: d["record"].update(paragraphs={"not": "a list"}),
        lambda d: d["record"]["source"].update(extra_field=1),
        lambda d: d.update(record=None),
    ],
)
def test_tampered_entry_is_deleted_and_rebuilt(tmp_path, tamper):
    entry = stored(tmp_path)
    data = json.loads(entry.read_text())
    tamper(data)
    entry.write_text(json.dumps(data))
    assert cache.load_cached(SHA, Path("2020.pdf"), tmp_path, profile=PROFILE) is None
    assert not entry.exists()
    stored(tmp_path)  # rebuilt
    assert cache.load_cached(SHA, Path("2020.pdf"), tmp_path, profile=PROFILE) is not None


def test_deeply_nested_entry_is_a_miss(tmp_path):
    entry = stored(tmp_path)
    entry.write_text("[" * 200_000 + "]" * 200_000)
    assert cache.load_cached(SHA, Path("2020.pdf"), tmp_path, profile=PROFILE) is None
    assert not entry.exists()


def test_deeply_nested_findings_entry_is_recomputed(tmp_path):
    rec = record(2020, [fig("victims.total", 47, "2019")])
    entry = cache.findings_entry_path([rec.source.sha256], [], tmp_path, profile=PROFILE)
    entry.write_text('{"format": 1, "findings": ' + "[" * 200_000 + "]" * 200_000 + "}")
    findings = cache.run_checks_cached([rec], [], tmp_path, profile=PROFILE)
    assert isinstance(findings, list)
    assert json.loads(entry.read_text())["format"] == 1  # rewritten


def no_home(monkeypatch, tmp_path):
    for name in ("ANNUALCHECK_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)

    def fail():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(fail))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(cache, "fallback_note", None)


def test_no_home_directory_uses_a_private_temporary_folder(monkeypatch, tmp_path):
    no_home(monkeypatch, tmp_path)
    folder = cache.cache_dir()
    assert folder == tmp_path / f"annualcheck-cache-{os.getuid()}"
    assert folder.is_dir() and not folder.stat().st_mode & 0o077
    assert "no home directory" in cache.fallback_note
    rec = record(2020, [fig("victims.total", 47, "2019")])
    assert cache.store(SHA, Path("2020.pdf"), rec, profile=PROFILE)
    assert cache.load_cached(SHA, Path("2020.pdf"), profile=PROFILE) is not None


def test_unsafe_temporary_folder_means_no_cache(monkeypatch, tmp_path):
    no_home(monkeypatch, tmp_path)
    planted = tmp_path / f"annualcheck-cache-{os.getuid()}"
    planted.mkdir()
    planted.chmod(0o777)
    assert cache.cache_dir() is None
    assert "cache is off" in cache.fallback_note
    rec = record(2020, [fig("victims.total", 47, "2019")])
    assert cache.store(SHA, Path("2020.pdf"), rec, profile=PROFILE) is False
    assert cache.load_cached(SHA, Path("2020.pdf"), profile=PROFILE) is None
    assert isinstance(cache.run_checks_cached([rec], [], profile=PROFILE), list)


def test_source_hash_covers_every_stage():
    files = {p.relative_to(cache.PACKAGE_DIR).parts[0] for p in cache.PACKAGE_DIR.rglob("*.py")}
    assert {"pdf", "layout", "prose", "extract", "checks", "cli.py"} <= files
