"""One call in a forked child process with a worker's bounds, its value back through a pipe.

Why: a report read in the main process is bounded by nothing the main process can enforce.
RLIMIT_AS cannot be set there (it would bound the whole run, and could not be raised again),
so a flate bomb (a 1 MB PDF whose page content inflates to 1 GiB) takes gigabytes; and the
SIGALRM of `--timeout` runs its handler only between two Python steps, so a long call inside
PDFium (C) is never interrupted. A forked child gets what a pool worker gets
(`limits.init_worker`: its own process group, SIGINT ignored, the memory limit, a watchdog
on its parent); the parent waits on the pipe with a deadline and kills the child's process
group past it, whatever the child is doing. fork copies the parent as it is (modules loaded,
a test's monkeypatches), so the child starts in about a millisecond and runs the same code.

Where fork does not exist (Windows) the caller reads the report in its own process, bounded
by SIGALRM only (`can_fork`).
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import select
import signal
import time
from collections.abc import Callable
from typing import Any

from annualcheck.batch.limits import init_worker

#: Seconds the parent waits past the time limit before it kills the child: the child's own
#: alarm ends a Python step sooner and more gently; the kill is for a call that never returns.
KILL_GRACE_S = 1.0
_READ_CHUNK = 1 << 20


class ChildTimedOut(Exception):
    """The child was still running at the deadline and was killed."""


class ChildDied(Exception):
    """The child ended without sending a value (killed by a signal, a crash in a C library,
    an allocation refused by the memory limit outside Python)."""

    def __init__(self, status: int, peak_rss_bytes: int) -> None:
        super().__init__(f"child ended with status {status}")
        self.status = status
        self.peak_rss_bytes = peak_rss_bytes


def can_fork() -> bool:
    """Whether a child process can be forked here (POSIX)."""
    return hasattr(os, "fork") and hasattr(os, "killpg") and hasattr(os, "wait4")


def call_in_child(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    *,
    seconds: float | None,
    memory_bytes: int | None,
) -> Any:
    """`func(*args)` in a forked child; returns its value (pickled through a pipe).

    `func` should turn its own exceptions into values: an exception that escapes it ends the
    child without a value (ChildDied). Past `seconds` (plus a short grace) the child's process
    group is killed and ChildTimedOut raised. Ctrl-C, SIGTERM (as KeyboardInterrupt) or any
    other exception in the parent kills the child before it propagates.
    """
    import pickle  # before the fork, for both sides (a run answered from the cache never forks)

    read_fd, write_fd = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        _run_child(func, args, write_fd, parent, memory_bytes)
    os.close(write_fd)
    with contextlib.suppress(OSError):  # also done by the child; whoever comes first
        os.setpgid(pid, pid)
    deadline = None if not seconds or seconds <= 0 else time.monotonic() + seconds + KILL_GRACE_S
    try:
        data = _read_all(read_fd, deadline)
    except BaseException:
        _kill(pid)
        raise
    finally:
        os.close(read_fd)
    if data is None:
        _kill(pid)
        raise ChildTimedOut
    _, status, usage = _wait(pid)
    peak = usage.ru_maxrss * 1024 if usage is not None else 0  # Linux: kilobytes
    if not data or status != 0:
        raise ChildDied(status, peak)
    return pickle.loads(data)


def _run_child(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    write_fd: int,
    parent: int,
    memory_bytes: int | None,
) -> None:
    status = 1
    try:
        # A crash here (PDFium aborts when the memory limit refuses an allocation) is reported
        # by the parent in one line; a fault handler inherited from the parent (pytest, -X
        # faulthandler) would dump the child's stack on stderr as well.
        faulthandler.disable()
        init_worker(parent, memory_bytes)
        import pickle  # imported by the parent before the fork: a lookup here

        data = pickle.dumps(func(*args), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(write_fd, view) :]
        status = 0
    except BaseException:  # noqa: BLE001 - no value: the parent reports the child's death
        status = 1
    finally:
        os._exit(status)  # no atexit handlers, no flush of the parent's copied buffers


def _read_all(fd: int, deadline: float | None) -> bytes | None:
    """Everything the child writes until it closes the pipe; None at the deadline."""
    chunks: list[bytes] = []
    while True:
        wait = None if deadline is None else deadline - time.monotonic()
        if wait is not None and wait <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            continue
        chunk = os.read(fd, _READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _kill(pid: int) -> None:
    """SIGKILL the child's process group (and the child, had it not made its group yet),
    then reap it."""
    with contextlib.suppress(OSError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    _wait(pid)


def _wait(pid: int) -> tuple[int, int, Any]:
    """Reap the child: (pid, exit status (negative: the signal), resource usage)."""
    while True:
        try:
            got, raw, usage = os.wait4(pid, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            return pid, 1, None
        status = os.waitstatus_to_exitcode(raw)
        return got, status, usage


__all__ = ["KILL_GRACE_S", "ChildDied", "ChildTimedOut", "call_in_child", "can_fork"]
