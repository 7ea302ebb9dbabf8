"""A document's pages read in parts, the parts after the first in forked processes.

Why: reading the pages (PDFium's characters with their boxes, grouped into lines) is most
of the time `extract` takes for one report, and it is the same work page after page; when
one report is read and the machine has cores to spare (`annualcheck extract`, a `check`
with one new report), its pages are split into contiguous parts, the parts after the
first are read by forked children while this process reads the first, and the parts come
back in page order. The result is the one a single pass gives (tests/test_page_split.py).

A child inherits this process as it is at the fork (the open document, its bounds: the
memory limit, the process group the time limit kills). A child that fails in any way (a
crash, a value that does not unpickle) costs only time: its part is read again here, as
if there had been no child. Where fork does not exist everything is read here.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
from collections.abc import Callable
from typing import Any

#: Fewest pages a part is worth a process for (a fork and a pickled part cost ~10 ms).
MIN_PAGES_PER_PART = 8
_READ_CHUNK = 1 << 20


def part_ranges(count: int, parts: int) -> list[range]:
    """`count` pages as at most `parts` contiguous ranges of nearly equal size, each of at
    least MIN_PAGES_PER_PART pages (one range when the document is short)."""
    parts = max(1, min(parts, count // MIN_PAGES_PER_PART))
    size, extra = divmod(count, parts)
    out, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        out.append(range(start, end))
        start = end
    return out


def read_in_parts(read_part: Callable[[range], Any], count: int, parts: int) -> list[Any]:
    """[read_part(r) for r in part_ranges(count, parts)], the ranges after the first read
    in forked children at the same time as the first is read here."""
    ranges = part_ranges(count, parts)
    if len(ranges) == 1 or not hasattr(os, "fork"):
        return [read_part(r) for r in ranges]
    children: list[tuple[int, int] | None] = []
    try:
        for pages in ranges[1:]:
            children.append(_fork_part(functools.partial(read_part, pages)))
        out = [read_part(ranges[0])]
        for index, pages in enumerate(ranges[1:]):
            child, children[index] = children[index], None  # _collect reaps it, or stops it
            value = _collect(child) if child is not None else None
            out.append(value[0] if value is not None else read_part(pages))
        return out
    finally:  # an error, the time limit's alarm, Ctrl-C: no child outlives the reading
        for child in children:
            if child is not None:
                _stop(child)


def start_call(call: Callable[[], Any]) -> tuple[int, int] | None:
    """`call()` started in a forked child (the way a part is read): a handle for
    `finish_call`, or None when no child could be started. For independent work of one
    report that can run while this process does the rest (its tables while its figures are
    read); the caller must `finish_call` or `stop_call` it."""
    return _fork_part(call) if hasattr(os, "fork") else None


def finish_call(child: tuple[int, int]) -> tuple[Any] | None:
    """The started call's value as a 1-tuple, or None when the child failed in any way (then
    the caller does the work itself). Reaps the child."""
    return _collect(child)


def stop_call(child: tuple[int, int]) -> None:
    """Kill and reap a started call that is no longer wanted (an error, an interruption)."""
    _stop(child)


def _fork_part(call: Callable[[], Any]) -> tuple[int, int] | None:
    """Fork a child that makes `call()` (a part's reading, or any started call) and writes
    the pickled result to a pipe: (pid, read end), or None when no child could be started
    (then the work is done here)."""
    try:
        read_fd, write_fd = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: never returns
        status = 1
        try:
            os.close(read_fd)
            data = pickle.dumps(call(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(data)
            status = 0
        except BaseException:  # noqa: BLE001 - the parent reads this part itself
            pass
        finally:
            os._exit(status)
    os.close(write_fd)
    return pid, read_fd


def _collect(child: tuple[int, int]) -> tuple[Any] | None:
    """The child's result as a 1-tuple, or None when it sent none that unpickles. Reaps the
    child; on an interruption while waiting, kills it first."""
    pid, read_fd = child
    chunks = []
    try:
        while chunk := os.read(read_fd, _READ_CHUNK):
            chunks.append(chunk)
    except BaseException:
        _stop(child)
        raise
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if status != 0 or not chunks:
        return None
    try:
        return (pickle.loads(b"".join(chunks)),)
    except Exception:  # noqa: BLE001 - a damaged value: the part is read again here
        return None


def _stop(child: tuple[int, int]) -> None:
    """Kill a child still running and reap it."""
    pid, read_fd = child
    with contextlib.suppress(OSError):
        os.close(read_fd)
    with contextlib.suppress(OSError):
        os.kill(pid, 9)
    with contextlib.suppress(OSError, ChildProcessError):
        os.waitpid(pid, 0)


__all__ = [
    "MIN_PAGES_PER_PART",
    "finish_call",
    "part_ranges",
    "read_in_parts",
    "start_call",
    "stop_call",
]
