"""Atomic output: a write that fails or is killed leaves the old file intact and no partial
file under the destination's name; an unwritable destination fails before any work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from annualcheck.cli import cli
from annualcheck.model.errors import OutputError
from annualcheck.model.record import Table
from annualcheck.output import iosafe
from annualcheck.output.iosafe import (
    atomic_path,
    atomic_write_bytes,
    atomic_write_text,
    check_writable,
)
from annualcheck.output.record import write_record
from annualcheck.profiles import get_profile
from helpers.badpdfs import REPORT_2020
from helpers.builders import fig, record

PROFILE = get_profile("jp-tip")

OLD = "old contents\n"


def leftovers(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != name)


def test_write_replaces_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "out.json"
    target.write_text(OLD)
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert leftovers(tmp_path, "out.json") == []


def test_new_file_gets_normal_permissions(tmp_path):
    target = tmp_path / "fresh.csv"
    atomic_write_bytes(target, b"a,b\n")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_existing_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.csv"
    target.write_text(OLD)
    target.chmod(0o640)
    atomic_write_text(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o640


def test_failing_rename_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text(OLD)

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(iosafe.os, "replace", refuse)
    with pytest.raises(OutputError, match="No space left"):
        atomic_write_text(target, "new contents that never arrive\n" * 1000)
    assert target.read_text() == OLD
    assert leftovers(tmp_path, "out.json") == []


def test_writer_exception_keeps_old_file(tmp_path):
    target = tmp_path / "figures.sqlite"
    target.write_text(OLD)
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half a database")
        raise RuntimeError("writer failed")
    assert target.read_text() == OLD
    assert leftovers(tmp_path, "figures.sqlite") == []


def test_interrupt_keeps_old_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text(OLD)
    with pytest.raises(KeyboardInterrupt), atomic_path(target) as tmp:
        tmp.write_text("partial")
        raise KeyboardInterrupt
    assert target.read_text() == OLD
    assert leftovers(tmp_path, "out.csv") == []


def test_sigkill_during_write_keeps_old_file(tmp_path):
    """A process killed with SIGKILL (no cleanup runs) in the middle of a large write:
    the destination still holds the old file, complete; the only trace is a hidden
    temporary file, never a partial file under the destination's name."""
    target = tmp_path / "export.csv"
    target.write_text(OLD)
    started = tmp_path / "started"
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from annualcheck.output.iosafe import atomic_path
        with atomic_path({str(target)!r}) as tmp:
            with open(tmp, "w") as fh:
                for n in range(10_000):
                    fh.write("row,%d,%s\\n" % (n, "x" * 200))
                    if n == 100:
                        fh.flush()
                        Path({str(started)!r}).write_text("1")
                    time.sleep(0.001)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while not started.exists():
            assert proc.poll() is None, "writer ended before it started writing"
            assert time.monotonic() < deadline, "writer never started"
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
    assert target.read_text() == OLD
    traces = [n for n in leftovers(tmp_path, "export.csv") if n != "started"]
    assert all(n.startswith(".export.csv.") and n.endswith(".tmp") for n in traces), traces
    assert len(traces) == 1  # the killed writer's temp file: proof the write was under way


def test_check_writable_accepts_new_file_and_existing_folder(tmp_path):
    check_writable(tmp_path / "new.json")
    check_writable(tmp_path, folder_ok=True)
    check_writable(tmp_path / "new-folder", folder_ok=True)
    assert leftovers(tmp_path, "") == []  # the probe leaves nothing behind


@pytest.mark.parametrize(
    "case, words",
    [
        ("missing-parent", "does not exist"),
        ("parent-is-file", "is not a folder"),
        ("is-folder", "existing folder"),
    ],
)
def test_check_writable_refuses(tmp_path, case, words):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    target = {
        "missing-parent": tmp_path / "no" / "such" / "out.json",
        "parent-is-file": blocker / "out.json",
        "is-folder": tmp_path,
    }[case]
    with pytest.raises(OutputError) as info:
        check_writable(target)
    assert words in info.value.line() and str(target) in info.value.line()


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_check_writable_refuses_unwritable_folder():
    """/proc takes no new files, even for root (chmod would not stop root)."""
    with pytest.raises(OutputError) as info:
        check_writable(Path("/proc/annualcheck-out.json"))
    assert "not writable" in info.value.line()


@pytest.fixture
def no_loading(monkeypatch):
    """Fail the test if any report is read: proves an output error comes first."""
    import annualcheck.batch.series as series

    def forbidden(*args, **kwargs):
        raise AssertionError("a report was read before the output path was checked")

    monkeypatch.setattr(series, "load_one", forbidden)
    monkeypatch.setattr(series, "load_series", forbidden)


@pytest.mark.parametrize(
    "args",
    [
        ["extract", str(REPORT_2020), "-o", "{missing}/2020.json"],
        ["extract", str(REPORT_2020), "--format", "json", "-o", "{folder}"],
        ["export", str(REPORT_2020), "-o", "{missing}/figures.csv"],
        ["report", str(REPORT_2020), "-o", "{missing}/site"],
        ["report", str(REPORT_2020), "-o", "{file}"],
    ],
)
def test_unwritable_output_fails_before_any_work(tmp_path, no_loading, args):
    existing = tmp_path / "existing.html"
    existing.write_text("a file where the site folder should go")
    args = [a.format(missing=tmp_path / "absent", folder=tmp_path, file=existing) for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert args[-1] in lines[0]


def sample_record():
    rec = record(
        2020,
        [fig("victims.total", 47, "2019", delta=20), fig("suspects.arrested", 39, "2019")],
        table2=[("Extortion, extortion attempt", "Pending trial")],
        table3=[("Violation of the Anti-Prostitution Act", "2 years imprisonment")],
    )
    rec.tables["table1"] = Table("Table 1", "Initiatives", 30, [])
    return rec


def test_csv_folder_output(tmp_path):
    out = tmp_path / "out" / "2020"
    (tmp_path / "out").mkdir()
    written = write_record(sample_record(), "csv", out, profile=PROFILE)
    assert sorted(p.name for p in written) == [
        "figures.csv",
        "table1.csv",
        "table2.csv",
        "table3.csv",
    ]
    import pandas as pd

    figures = pd.read_csv(out / "figures.csv")
    assert list(figures["key"]) == ["victims.total", "suspects.arrested"]
    assert figures.loc[0, "stated_delta"] == 20
    table2 = pd.read_csv(out / "table2.csv")
    assert table2.loc[0, "status"] == "pending"
    assert table2.loc[0, "charges"] == "Extortion; extortion attempt"
    assert len(pd.read_csv(out / "table1.csv")) == 0
    assert leftovers(out, "") == ["figures.csv", "table1.csv", "table2.csv", "table3.csv"]


def test_csv_file_and_json_file(tmp_path):
    rec = sample_record()
    write_record(rec, "csv", tmp_path / "f.csv", profile=PROFILE)
    assert (
        (tmp_path / "f.csv")
        .read_text()
        .splitlines()[0]
        .startswith("report_year,data_year,key,period,value")
    )
    write_record(rec, "json", tmp_path / "r.json", profile=PROFILE)
    import json

    assert json.loads((tmp_path / "r.json").read_text())["figures"][0]["value"] == 47


# -- the temporary file every write goes through (iosafe._new_file, tempfile.mkstemp's promise) --


def test_a_new_temporary_file_is_empty_private_and_named_in_its_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fd, name = iosafe._new_file(".", ".out.json.", ".tmp")
    os.close(fd)
    made = Path(name)
    assert made.is_absolute() and made.parent == tmp_path
    assert made.name.startswith(".out.json.") and made.name.endswith(".tmp")
    assert made.stat().st_size == 0
    assert made.stat().st_mode & 0o777 == 0o600


def test_a_taken_name_is_never_opened_again(tmp_path, monkeypatch):
    monkeypatch.setattr(iosafe.os, "urandom", lambda n: b"\x01" * n)
    taken = tmp_path / f"p{'01' * 6}"
    taken.write_text("someone else's")
    with pytest.raises(FileExistsError):
        iosafe._new_file(tmp_path, "p")
    assert taken.read_text() == "someone else's"


def test_a_link_at_the_temporary_name_is_not_followed(tmp_path, monkeypatch):
    monkeypatch.setattr(iosafe.os, "urandom", lambda n: b"\x02" * n)
    target = tmp_path / "elsewhere"
    (tmp_path / f"p{'02' * 6}").symlink_to(target)
    with pytest.raises(FileExistsError):
        iosafe._new_file(tmp_path, "p")
    assert not target.exists()
