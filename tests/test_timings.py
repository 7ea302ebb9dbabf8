"""ANNUALCHECK_TIMINGS: stage times collected in a context-local timer and printed as a table."""

from __future__ import annotations

import io
import os

from annualcheck.model import timings
from annualcheck.model.timings import Timings, active, collecting, stage, wanted


def test_stages_without_a_timer_cost_nothing_and_record_nothing():
    assert not active()
    with stage("layout"):
        pass
    assert not active()


def test_collecting_prints_every_stage_once_per_name():
    out = io.StringIO()
    with collecting(title="2020.pdf", out=out) as timer:
        assert active()
        for _ in range(3):
            with stage("tables"):
                with stage("tables"):  # nested: counted once
                    pass
        with stage("checks"):
            pass
    assert not active()
    assert timer.calls == {"tables": 3, "checks": 1}
    lines = out.getvalue().splitlines()
    assert lines[0] == "timings (2020.pdf)"
    assert [line.split()[0] for line in lines[2:]] == ["tables", "checks", "total"]


def test_not_enabled_gives_no_timer_and_no_output():
    out = io.StringIO()
    with collecting(False, out=out) as timer:
        with stage("layout"):
            pass
    assert timer is None and out.getvalue() == ""


def test_a_forked_copy_of_the_timer_is_not_active(monkeypatch):
    out = io.StringIO()
    with collecting(out=out) as timer:
        other = os.getpid() + 1
        monkeypatch.setattr(timings.os, "getpid", lambda: other)
        assert not active()
        with stage("layout"):
            pass
        monkeypatch.undo()
    assert "layout" not in timer.seconds


def test_environment_switch(monkeypatch):
    monkeypatch.setenv("ANNUALCHECK_TIMINGS", "1")
    assert wanted()
    monkeypatch.setenv("ANNUALCHECK_TIMINGS", "0")
    assert not wanted()
    monkeypatch.delenv("ANNUALCHECK_TIMINGS")
    assert not wanted()


def test_table_shares_are_of_the_total():
    timer = Timings()
    timer.seconds, timer.calls = {"pdf open": 0.0}, {"pdf open": 1}
    assert "pdf open" in timer.table() and timer.table().splitlines()[-1].split()[0] == "total"
