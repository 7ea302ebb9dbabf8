"""Time, memory and process bounds (issue 13 item 2; `--timeout` of issue 11 item 1):
a per-report time limit enforced where the work runs, per-page content caps, no FIFO read
as a PDF, and workers that stop at once on Ctrl-C, on SIGTERM and when the parent dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from annualcheck.batch.limits import ReportTimeoutError, time_limit
from annualcheck.batch.series import LoadOptions, load_one, load_series
from annualcheck.cli import cli
from annualcheck.model.errors import NotPdfError, TooLargeError
from annualcheck.pdf.validate import check_bytes
from annualcheck.profiles import get_profile
from helpers.badpdfs import text_pdf

PROFILE = get_profile("jp-tip")

ROOT = Path(__file__).resolve().parents[1]


def spin(path, password=None, profile=None):
    """An extractor that never ends (in Python: the time limit's alarm reaches it)."""
    while True:
        sum(range(1000))


def use_extractor(monkeypatch, func) -> None:
    module = types.ModuleType("annualcheck.extract.pipeline")
    module.extract_record = func
    monkeypatch.setitem(sys.modules, "annualcheck.extract.pipeline", module)


def year_pdf(folder: Path, name: str, year: int) -> Path:
    return text_pdf(
        folder / name, ["Measures to Combat Trafficking in Persons", f"report_year={year}"]
    )


def test_time_limit_raises_one_line():
    started = time.monotonic()
    with pytest.raises(ReportTimeoutError) as info, time_limit(0.3, "slow.pdf"):
        spin("slow.pdf")
    assert time.monotonic() - started < 5
    line = info.value.line()
    assert line.startswith("slow.pdf: ") and "--timeout" in line and "\n" not in line


def test_time_limit_is_not_swallowed_by_except_exception():
    def careful():
        while True:
            try:
                spin("x")
            except Exception:  # noqa: BLE001 - what extraction code does with page failures
                continue

    with pytest.raises(ReportTimeoutError), time_limit(0.3, "x.pdf"):
        careful()


def test_timeout_in_this_process(monkeypatch, tmp_path):
    use_extractor(monkeypatch, spin)
    pdf = year_pdf(tmp_path, "r.pdf", 2020)
    with pytest.raises(ReportTimeoutError, match="limit of 0.5 s"):
        load_one(pdf, LoadOptions(profile=PROFILE, jobs=1, use_cache=False, timeout=0.5))


def test_timeout_in_workers_keeps_the_batch(monkeypatch, tmp_path):
    def spin_one(path, password=None, profile=None):
        if "slow" in Path(path).name:
            spin(path)
        from helpers.builders import fig, record

        return record(2021, [fig("victims.total", 47, "2020")])

    use_extractor(monkeypatch, spin_one)
    year_pdf(tmp_path, "slow.pdf", 2020)
    year_pdf(tmp_path, "fast.pdf", 2021)
    started = time.monotonic()
    result = load_series(
        [tmp_path], LoadOptions(profile=PROFILE, jobs=2, use_cache=False, timeout=1.0)
    )
    assert time.monotonic() - started < 30
    assert [r.report.report_year for r in result.records] == [2021]
    assert len(result.errors) == 1 and isinstance(result.errors[0], ReportTimeoutError)
    assert result.errors[0].path.endswith("slow.pdf")


def test_timeout_option_has_help_and_default():
    result = CliRunner().invoke(cli, ["check", "--help"])
    assert "--timeout SECONDS" in result.stdout and "300" in result.stdout


def test_fifo_is_not_read_as_a_pdf(tmp_path):
    fifo = tmp_path / "report.pdf"
    os.mkfifo(fifo)
    with pytest.raises(NotPdfError, match="FIFO"):
        check_bytes(fifo)
    result = CliRunner().invoke(cli, ["check", "--no-cache", str(fifo)])
    assert result.exit_code == 2 and "FIFO" in result.stderr


def test_device_is_not_read_as_a_pdf():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with pytest.raises(NotPdfError, match="device"):
        check_bytes(Path("/dev/zero"))


def test_page_with_too_many_characters_is_refused(tmp_path, monkeypatch):
    import annualcheck.pdf.document as document

    pdf = year_pdf(tmp_path, "r.pdf", 2020)
    monkeypatch.setattr(document, "MAX_CHARS_PER_PAGE", 10)
    with pytest.raises(TooLargeError, match="page 1 holds .* characters, over the limit of 10"):
        document.open_pdf(pdf)
    monkeypatch.setattr(document, "MAX_CHARS_PER_PAGE", 10**6)
    monkeypatch.setattr(document, "MAX_OBJECTS_PER_PAGE", 0)
    with pytest.raises(TooLargeError, match="objects, over the limit of 0"):
        document.open_pdf(pdf)


# -- processes ------------------------------------------------------------------------------

SCRIPT = textwrap.dedent(
    """
    import sys, types
    from pathlib import Path
    from helpers.badpdfs import text_pdf

    def spin(path, password=None, profile=None):
        while True:
            sum(range(1000))

    module = types.ModuleType("annualcheck.extract.pipeline")
    module.extract_record = spin
    sys.modules["annualcheck.extract.pipeline"] = module
    folder = Path(sys.argv[1])
    for year in (2019, 2020, 2021):
        text_pdf(folder / f"{year}.pdf",
                 ["Measures to Combat Trafficking in Persons", f"report_year={year}"])
    from annualcheck.cli import main
    sys.argv = ["annualcheck", "check", "--no-cache", "--jobs", "2", "--timeout", "0", str(folder)]
    main()
    """
)


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_batch(tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    if not Path("/proc/self/task").exists():
        pytest.skip("needs /proc to see the worker processes")
    script = tmp_path / "batch.py"
    script.write_text(SCRIPT)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
    }
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = children(proc.pid)
    if len(workers) < 2:
        proc.kill()
        pytest.fail(f"workers never started: {proc.communicate()[1].decode()[-500:]}")
    time.sleep(0.5)  # the workers are spinning on their reports
    return proc, workers


def wait_dead(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = [p for p in pids if alive(p)]
        if not left:
            return []
        time.sleep(0.1)
    return [p for p in pids if alive(p)]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_stops_the_batch_at_once(tmp_path, sig):
    proc, workers = start_batch(tmp_path)
    sent = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=20)
    assert time.monotonic() - sent < 10
    assert proc.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "annualcheck: interrupted"
    assert "Traceback" not in err.decode()
    assert wait_dead(workers, 10) == []


def test_workers_end_when_the_parent_dies(tmp_path):
    proc, workers = start_batch(tmp_path)
    proc.kill()
    proc.wait(timeout=10)
    assert wait_dead(workers, 15) == []
