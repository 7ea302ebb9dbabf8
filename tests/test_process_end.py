"""The console script ends the process without the interpreter's teardown (cli.main): its
output, its exit status and the exit handlers registered by the command must be what a
normal end gives; where it cannot know the status or flush the streams it ends normally."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import annualcheck.cli as cli_module

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _console(*args: str, script: str | None = None) -> subprocess.CompletedProcess:
    """`annualcheck ARGS` as the console script runs it (main()), in a fresh process."""
    code = script or "import annualcheck.cli as c; c.main()"
    command = [sys.executable, "-c", code, *args]
    return subprocess.run(command, capture_output=True, env=_env(), cwd=REPO, timeout=120)


@pytest.mark.parametrize(
    ("code", "status"),
    [(None, 0), (0, 0), (1, 1), (2, 2), (130, 130), (256 + 3, 3), (-1, 255), (True, 1),
     (False, 0), ("a message", 1), (1.5, 1)],
)  # fmt: skip
def test_exit_status_is_what_sys_exit_gives(code, status):
    assert cli_module._exit_status(code) == status
    if isinstance(code, int | type(None)):  # the interpreter itself agrees
        done = subprocess.run([sys.executable, "-c", f"import sys; sys.exit({code!r})"])
        assert done.returncode == status


def test_no_status_known_leaves_the_end_to_the_interpreter(monkeypatch):
    ended = []
    monkeypatch.setattr(os, "_exit", ended.append)
    cli_module._end_without_teardown([])
    assert ended == []


def test_a_failing_flush_leaves_the_end_to_the_interpreter(monkeypatch):
    class ClosedPipe:
        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    ended = []
    monkeypatch.setattr(os, "_exit", ended.append)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    cli_module._end_without_teardown([0])
    assert ended == []


def test_known_status_ends_the_process_after_flushing(monkeypatch):
    events = []

    class Stream:
        def __init__(self, name):
            self.name = name

        def flush(self):
            events.append(("flush", self.name))

    monkeypatch.setattr(sys, "stdout", Stream("out"))
    monkeypatch.setattr(sys, "stderr", Stream("err"))
    monkeypatch.setattr(os, "_exit", lambda status: events.append(("exit", status)))
    cli_module._end_without_teardown([1])
    assert events == [("flush", "out"), ("flush", "err"), ("exit", 1)]


def test_record_on_a_pipe_is_whole_and_the_same_as_in_process(report_pdfs):
    pdf_2020 = report_pdfs[2020]
    """200 KB of JSON through a pipe: every byte written before the process ends."""
    done = _console("extract", str(pdf_2020))
    assert done.returncode == 0, done.stderr.decode()
    in_process = CliRunner().invoke(cli_module.cli, ["extract", str(pdf_2020)])
    assert in_process.exit_code == 0
    assert done.stdout.decode() == in_process.stdout
    assert json.loads(done.stdout)["report"]["report_year"] == 2020


def test_statuses_and_diagnostics_survive_the_end(tmp_path):
    bad = tmp_path / "not-a-report.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not a PDF")
    done = _console("extract", str(bad))
    assert done.returncode == 2
    assert done.stderr.decode().startswith("annualcheck: ")
    assert done.stdout == b""
    usage = _console("extract")
    assert usage.returncode == 2 and b"Missing argument" in usage.stderr
    version = _console("--version")
    assert version.returncode == 0 and b"annualcheck" in version.stdout


def test_findings_exit_one_with_the_whole_text(report_pdfs):
    pdf_2020 = report_pdfs[2020]
    done = _console("check", str(pdf_2020))
    assert done.returncode == 1, done.stderr.decode()
    lines = done.stdout.decode().splitlines()
    assert "toc-caption" in done.stdout.decode()
    assert lines[0].endswith(" info") and lines[-1] == lines[0]  # the summary closes the text
    in_process = CliRunner().invoke(cli_module.cli, ["check", str(pdf_2020)])
    assert in_process.exit_code == 1 and done.stdout.decode() == in_process.stdout


def test_exit_handlers_of_the_command_still_run(tmp_path):
    """A handler registered while the command runs (as a library's temporary folder or
    process pool registers one) runs before the process ends."""
    marker = tmp_path / "handler-ran"
    script = (
        "import atexit, sys, click\n"
        "import annualcheck.cli as c\n"
        "echo = click.echo\n"
        "def echo_and_register(*a, **k):\n"
        f"    atexit.register(lambda: open({str(marker)!r}, 'w').write('ran'))\n"
        "    return echo(*a, **k)\n"
        "click.echo = echo_and_register\n"
        "c.main()\n"
    )
    done = _console("extract", str(tmp_path / "missing.pdf"), script=script)
    assert done.returncode == 2
    assert marker.read_text() == "ran"


def test_an_escaping_exception_ends_as_python_ends_it():
    """No status known (an exception other than SystemExit left main): the traceback and
    status 1 of a normal end."""
    script = (
        "import annualcheck.cli as c\n"
        "def broken(**kwargs):\n"
        "    raise RuntimeError('escaped')\n"
        "c.cli.main = broken\n"
        "c.main()\n"
    )
    done = _console(script=script)
    assert done.returncode == 1
    assert b"RuntimeError: escaped" in done.stderr
