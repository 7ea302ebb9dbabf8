"""bench/run.py takes the two sides of each ratio in turns, and computes each ratio from the
measurements taken beside each other (the script itself is run by hand, not here: it times
whole processes for minutes)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("annualcheck_bench_run", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while made
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_workloads_alternate_round_by_round(bench, monkeypatch):
    order: list[str] = []
    seconds = {"a": 1.0, "b": 2.0, "c": 3.0}

    def fake_run_once(command, env):
        order.append(command[0])
        return seconds[command[0]], seconds[command[0]] / 2, 10.0, 0

    monkeypatch.setattr(bench, "run_once", fake_run_once)
    done = bench.measure_together([("A", ["a"]), ("B", ["b"]), ("C", ["c"])], 4, {})
    assert order == list("abccbaabccba")
    assert [m.seconds for m in done] == [[1.0] * 4, [2.0] * 4, [3.0] * 4]
    assert [m.cpu_median for m in done] == [0.5, 1.0, 1.5]


def test_before_runs_before_every_run(bench, monkeypatch):
    log: list[str] = []
    monkeypatch.setattr(bench, "run_once", lambda command, env: (log.append("run"), 0, 0, 0, 0)[1:])
    bench.measure("A", ["a"], 3, {}, before=lambda: log.append("before"))
    assert log == ["before", "run"] * 3


def test_long_and_vector_are_compared_with_the_run_beside_them(bench):
    reports = [Path("2020.pdf")]
    med = {
        "extract:2020.pdf": 1.0,  # taken alone: not what the long and vector reports use
        "floor:2020.pdf": 0.5,
        "plumber:2020.pdf": 10.0,
        "cold": 1.0,
        "warm": 0.2,
        "extract:long": 8.0,
        "extract:long/beside": 2.0,
        "extract:vector": 2.5,
        "extract:vector/beside": 2.0,
    }
    ratios = bench.ratios_of(med, reports, [], {"long": 90, "short": 10}, 50.0)
    assert ratios["long_vs_short"] == 4.0
    assert ratios["vector_page_seconds"] == 0.5
    assert ratios["extract_vs_floor:2020.pdf"] == 2.0
    assert ratios["cold_check_vs_plumber"] == 0.1
    assert ratios["long_pages_vs_short_pages"] == 9.0
