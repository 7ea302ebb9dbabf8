"""The findings cache: a warm `check` answers from it, and it never changes the answer."""

from __future__ import annotations

from annualcheck.batch import cache
from annualcheck.checks import run_checks
from annualcheck.profiles import get_profile

PROFILE = get_profile("jp-tip")


def test_cached_findings_equal_computed(records, tmp_path):
    series = [records[2019], records[2020], records[2021]]
    computed = run_checks(series, profile=PROFILE)
    first = cache.run_checks_cached(series, (), tmp_path, profile=PROFILE)
    entries = list(tmp_path.glob("findings-*.json"))
    assert len(entries) == 1
    second = cache.run_checks_cached(series, (), tmp_path, profile=PROFILE)
    assert [f.to_dict() for f in first] == [f.to_dict() for f in computed]
    assert [f.to_dict() for f in second] == [f.to_dict() for f in computed]


def test_key_depends_on_the_series_and_gaps(records, tmp_path):
    shas = [records[y].source.sha256 for y in (2019, 2020, 2021)]
    a = cache.findings_entry_path(shas, [], tmp_path, profile=PROFILE)
    assert a != cache.findings_entry_path(shas[:2], [], tmp_path, profile=PROFILE)
    assert a != cache.findings_entry_path(shas, [2018], tmp_path, profile=PROFILE)


def test_damaged_entry_is_recomputed(records, tmp_path):
    series = [records[2020], records[2021]]
    cache.run_checks_cached(series, (), tmp_path, profile=PROFILE)
    (entry,) = tmp_path.glob("findings-*.json")
    entry.write_text("{not json", encoding="utf-8")
    again = cache.run_checks_cached(series, (), tmp_path, profile=PROFILE)
    assert [f.to_dict() for f in again] == [
        f.to_dict() for f in run_checks(series, profile=PROFILE)
    ]
