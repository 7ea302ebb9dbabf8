"""Time, memory and process bounds (issue 13 item 2; `--timeout` of issue 11 item 1):
a per-report time limit enforced where the work runs, per-page content caps, no FIFO read
as a PDF, workers that stop at once on Ctrl-C, on SIGTERM and when the parent dies, and a
single report read in a child process with the same bounds (a flate bomb, a C call that
never returns)."""

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

import annualcheck.batch.limits as limits
from annualcheck.batch.child import call_in_child
from annualcheck.batch.limits import ReportMemoryError, ReportTimeoutError, time_limit
from annualcheck.batch.series import LoadOptions, load_one, load_series
from annualcheck.cli import cli
from annualcheck.model.errors import NotPdfError, TooLargeError, UnreadablePdfError
from annualcheck.pdf.validate import check_bytes
from annualcheck.profiles import get_profile
from helpers.badpdfs import flate_bomb_pdf, text_pdf

PROFILE = get_profile("jp-tip")

ROOT = Path(__file__).resolve().parents[1]


def spin(path, password=None, profile=None, page_parts=1):
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


def test_timeout_of_a_single_report(monkeypatch, tmp_path):
    use_extractor(monkeypatch, spin)
    pdf = year_pdf(tmp_path, "r.pdf", 2020)
    with pytest.raises(ReportTimeoutError, match="limit of 0.5 s"):
        load_one(pdf, LoadOptions(profile=PROFILE, jobs=1, use_cache=False, timeout=0.5))


def stuck_in_c(path, password=None, profile=None, page_parts=1):
    """An extractor the alarm cannot reach, as inside a long PDFium call: SIGALRM blocked."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(600)


def test_timeout_stops_a_call_the_alarm_cannot_interrupt(monkeypatch, tmp_path):
    use_extractor(monkeypatch, stuck_in_c)
    pdf = year_pdf(tmp_path, "r.pdf", 2020)
    started = time.monotonic()
    with pytest.raises(ReportTimeoutError, match="limit of 0.5 s") as info:
        load_one(pdf, LoadOptions(profile=PROFILE, use_cache=False, timeout=0.5))
    assert time.monotonic() - started < 30
    assert info.value.path == str(pdf)


def test_single_report_is_read_in_a_child_process(monkeypatch, tmp_path):
    def whose_pid(path, password=None, profile=None, page_parts=1):
        from helpers.builders import fig, record

        year = 2021 if Path(path).name == "s.pdf" else 2020
        rec = record(year, [fig("victims.total", 47, str(year - 1))])
        rec.source.file = str(os.getpid())
        return rec

    use_extractor(monkeypatch, whose_pid)
    rec = load_one(year_pdf(tmp_path, "r.pdf", 2020), LoadOptions(profile=PROFILE, use_cache=False))
    assert rec.source.file.isdigit() and int(rec.source.file) != os.getpid()
    assert [f.value for f in rec.figures] == [47]
    # --jobs 1 over several reports: each in a child of its own, one after the other
    year_pdf(tmp_path, "s.pdf", 2021)
    result = load_series([tmp_path], LoadOptions(profile=PROFILE, use_cache=False, jobs=1))
    pids = {int(r.source.file) for r in result.records}
    assert len(result.records) == 2 and len(pids) == 2 and os.getpid() not in pids


def test_a_record_comes_back_through_the_pipe_intact(records):
    for rec in records.values():
        back = call_in_child(lambda r: r, (rec,), seconds=60, memory_bytes=None)
        assert back == rec and back.to_dict() == rec.to_dict()


@pytest.mark.parametrize("how", ["exit", "signal"])
def test_a_single_report_that_kills_its_process_is_that_files_error(monkeypatch, tmp_path, how):
    def crashing(path, password=None, profile=None, page_parts=1):
        if how == "exit":
            os._exit(1)
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel ends a crashed process

    use_extractor(monkeypatch, crashing)
    pdf = year_pdf(tmp_path, "crash.pdf", 2020)
    with pytest.raises(UnreadablePdfError, match="crashed") as info:
        load_one(pdf, LoadOptions(profile=PROFILE, use_cache=False))
    assert info.value.path == str(pdf)


def test_memory_limit_applies_to_a_single_report(monkeypatch, tmp_path):
    def greedy(path, password=None, profile=None, page_parts=1):
        return bytearray(1024**3)

    use_extractor(monkeypatch, greedy)
    monkeypatch.setattr(limits, "WORKER_MEMORY_BYTES", 256 * 1024**2)
    with pytest.raises(ReportMemoryError, match="more than 256 MB"):
        load_one(year_pdf(tmp_path, "r.pdf", 2020), LoadOptions(profile=PROFILE, use_cache=False))


def peak_rss_mb(who) -> float:
    import resource

    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


@pytest.mark.parametrize("stopped_by", ["content cap", "memory limit"])
def test_flate_bomb_is_one_line_in_bounded_memory(monkeypatch, tmp_path, stopped_by):
    """A 1 MB PDF whose page content inflates to 1 GiB: refused by the per-page content cap
    before any reader inflates it; without the cap, its child process is stopped by the
    memory limit (lowered here to keep the test light). This process never holds it."""
    import resource

    import annualcheck.pdf.inflate as inflate

    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf", text="Measures to Combat Trafficking in Persons")
    assert bomb.stat().st_size < 2 * 1024**2
    monkeypatch.setattr(limits, "WORKER_MEMORY_BYTES", 512 * 1024**2)
    if stopped_by == "memory limit":
        monkeypatch.setattr(inflate, "MAX_CONTENT_BYTES_PER_PAGE", 8 * 1024**3)
    before = peak_rss_mb(resource.RUSAGE_SELF)
    children_before = peak_rss_mb(resource.RUSAGE_CHILDREN)  # of earlier tests' processes
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["extract", "--no-cache", str(bomb)])
    assert time.monotonic() - started < 60
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"annualcheck: {bomb}: ")
    if stopped_by == "memory limit":
        assert "more than 512 MB of memory" in line
    else:
        assert "page 1's content inflates to more than 256 MB" in line
    assert peak_rss_mb(resource.RUSAGE_SELF) - before < 200  # 1 GiB never reached this process
    # nor the child past its limit, which counts from what it inherited (this process)
    child_bound = peak_rss_mb(resource.RUSAGE_SELF) + 512 + 64
    assert peak_rss_mb(resource.RUSAGE_CHILDREN) <= max(children_before, child_bound)


def test_timeout_in_workers_keeps_the_batch(monkeypatch, tmp_path):
    def spin_one(path, password=None, profile=None, page_parts=1):
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


def test_page_of_too_many_objects_is_refused_before_its_text_is_built(tmp_path, monkeypatch):
    """The text-layer check builds no text page for a content bomb (2M text operators: 5 s
    and 450 MB for PDFium's text page alone); the objects are counted first."""
    import annualcheck.pdf.document as document
    from annualcheck.pdf.validate import check_document

    pdf = year_pdf(tmp_path, "r.pdf", 2020)
    monkeypatch.setattr(document, "MAX_OBJECTS_PER_PAGE", 0)
    built = []
    real = document.pdfium.PdfPage.get_textpage
    monkeypatch.setattr(
        document.pdfium.PdfPage, "get_textpage", lambda page: built.append(1) or real(page)
    )
    with pytest.raises(TooLargeError, match="page 1 holds .* objects, over the limit of 0"):
        check_document(check_bytes(pdf))
    with pytest.raises(TooLargeError, match="objects, over the limit of 0"):
        document.open_pdf(pdf)
    assert built == []


# -- processes ------------------------------------------------------------------------------

SCRIPT = textwrap.dedent(
    """
    import sys, types
    from pathlib import Path
    from helpers.badpdfs import text_pdf

    def spin(path, password=None, profile=None, page_parts=1):
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
    sys.argv = ["annualcheck", *(a.replace("FOLDER", str(folder)) for a in sys.argv[2:])]
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


BATCH = ["check", "--no-cache", "--jobs", "2", "--timeout", "0", "FOLDER"]
SINGLE = ["extract", "--no-cache", "--timeout", "0", "FOLDER/2020.pdf"]


def _sigint_as_from_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_batch(
    tmp_path: Path, args: list[str] = BATCH, workers: int = 2
) -> tuple[subprocess.Popen, list[int]]:
    """The CLI with `args` in a process of its own, once its `workers` children spin."""
    if not Path("/proc/self/task").exists():
        pytest.skip("needs /proc to see the worker processes")
    script = tmp_path / "batch.py"
    script.write_text(SCRIPT)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")]),
    }
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # as from a terminal: a test run started in the background by a shell inherits
        # SIGINT ignored, and Python keeps an ignored SIGINT ignored (Ctrl-C would do nothing)
        preexec_fn=_sigint_as_from_a_terminal,
    )
    deadline = time.monotonic() + 60
    workers_wanted, workers = workers, []
    while time.monotonic() < deadline and len(workers) < workers_wanted:
        time.sleep(0.2)
        workers = children(proc.pid)
    if len(workers) < workers_wanted:
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


@pytest.mark.parametrize("single", [False, True], ids=["batch", "single"])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_stops_the_batch_at_once(tmp_path, sig, single):
    proc, workers = start_batch(tmp_path, *((SINGLE, 1) if single else (BATCH, 2)))
    sent = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=20)
    assert time.monotonic() - sent < 10
    assert proc.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "annualcheck: interrupted"
    assert "Traceback" not in err.decode()
    assert wait_dead(workers, 10) == []


@pytest.mark.parametrize("single", [False, True], ids=["batch", "single"])
def test_workers_end_when_the_parent_dies(tmp_path, single):
    proc, workers = start_batch(tmp_path, *((SINGLE, 1) if single else (BATCH, 2)))
    proc.kill()
    proc.wait(timeout=10)
    assert wait_dead(workers, 15) == []
