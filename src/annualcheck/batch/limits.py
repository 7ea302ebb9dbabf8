"""Bounds on one report's extraction: a time limit, a memory limit, and workers that never
outlive the run.

Why: a hostile or unlucky PDF (two million text operators, a flate bomb, a pattern that
backtracks) must cost a bounded time and memory and end with one clear line, and Ctrl-C,
SIGTERM or the death of the main process must stop every worker at once instead of leaving
them running (holding the caller's pipes) or deadlocking the pool.

- The time limit is enforced where the work happens (the worker, or the main process for a
  single report) with SIGALRM: the handler raises between two Python steps, which the
  extraction takes constantly (every pattern is linear, every page is bounded).
- The memory limit (RLIMIT_AS) is set in worker processes only (pool workers, and the child
  that reads a single report: batch.child), never in the main process, so it bounds what a
  report's decompressed content may grow to. It counts from the address space the worker
  inherited when it was forked: a main process that is already large (a notebook holding
  data frames) must not leave its workers no room at all.
- Workers start their own process group (the terminal's Ctrl-C goes to the main process
  alone, which then kills them; none is left in a futex wait), ignore SIGINT, and run a
  watchdog thread that ends the worker when its parent is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from annualcheck.model.errors import AnnualcheckError

#: Default time limit per report, in seconds (`--timeout`); a long real report takes ~10 s.
DEFAULT_TIMEOUT_S = 300.0
#: Address space a worker may add to what it inherited (RLIMIT_AS), in bytes: far above what
#: a real report takes (~100 MB; 2020.pdf reads in a 512 MB limit),
#: far below what a decompression bomb would take.
WORKER_MEMORY_BYTES = 4 * 1024**3
#: How often a worker checks that its parent is still alive.
WATCHDOG_PERIOD_S = 0.5


class ReportTimeoutError(AnnualcheckError):
    reason = "took longer than the time limit"


class ReportMemoryError(AnnualcheckError):
    reason = "needs more memory than the limit"


def timeout_error(path: str | Path | None, seconds: float) -> ReportTimeoutError:
    return ReportTimeoutError(
        path,
        f"reading took longer than the limit of {seconds:g} s; stopped "
        "(raise it with --timeout SECONDS if the file is genuine)",
    )


def memory_error(path: str | Path | None) -> ReportMemoryError:
    return ReportMemoryError(
        path,
        f"reading needs more than {WORKER_MEMORY_BYTES // 1024**2} MB of memory "
        "(a decompression bomb, or far more content than a report holds); stopped",
    )


class _Expired(BaseException):
    """Raised by the alarm handler; a BaseException so `except Exception` inside the
    extraction (which turns failures into warnings) cannot swallow it."""


def _can_use_alarm() -> bool:
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float | None, path: str | Path | None) -> Iterator[None]:
    """Run the body with a time limit; past it, raise the one-line ReportTimeoutError.

    Without SIGALRM (another thread, another OS) the body runs unbounded, as before.
    """
    if not seconds or seconds <= 0 or not _can_use_alarm():
        yield
        return

    def expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise timeout_error(path, seconds) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _watch_parent(parent: int) -> None:
    """End this worker as soon as its parent is gone (re-parented to init or a reaper)."""
    while True:
        time.sleep(WATCHDOG_PERIOD_S)
        if os.getppid() != parent:
            os._exit(1)


def inherited_address_space() -> int:
    """This process's address space in bytes (Linux: /proc/self/statm), 0 where unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def init_worker(parent: int, memory_bytes: int | None = WORKER_MEMORY_BYTES) -> None:
    """ProcessPoolExecutor initializer: own process group, SIGINT ignored (the main process
    handles Ctrl-C and kills the workers), memory limit, parent watchdog."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memory_bytes:
        with contextlib.suppress(ImportError, ValueError, OSError):
            import resource

            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            wanted = memory_bytes + inherited_address_space()
            limit = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
            if soft == resource.RLIM_INFINITY or soft > limit:
                resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


#: Seconds `kill_workers` waits for the pool's manager thread to see its killed workers and end.
MANAGER_JOIN_S = 2.0


def kill_workers(pool) -> None:
    """SIGKILL every process of a ProcessPoolExecutor at once (and its process group), so
    shutting the pool down never waits for a report to finish; then wait (briefly) for the
    pool's manager thread to end. Why wait: that thread closes its wake-up pipe when it sees
    the dead workers, and Python 3.11's exit handler for pools writes to the same pipe without
    a lock, so a run interrupted as it ends could print "OSError: [Errno 9] Bad file
    descriptor" after its one line (seen once in a test of Ctrl-C on a batch)."""
    processes = dict(getattr(pool, "_processes", None) or {})
    for pid in processes:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(Exception):
        pool.shutdown(wait=False, cancel_futures=True)
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None and manager is not threading.current_thread():
        manager.join(MANAGER_JOIN_S)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM (and SIGHUP) like Ctrl-C for the body, so the same cleanup runs: the
    workers are killed and the run ends with its one line and status."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):  # noqa: ARG001
        raise KeyboardInterrupt

    saved = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            saved[sig] = signal.signal(sig, interrupt)
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
