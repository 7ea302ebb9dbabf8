"""A document's pages, and a report's later work, shared with forked processes.

Why: reading the pages (PDFium's characters with their boxes, grouped into lines) is most
of the time `extract` takes for one report, and it is the same work page after page; when
one report is read and the machine has cores to spare (`annualcheck extract`, a `check`
with one new report), forked children read pages while this process, after work of its own
(the later stages' imports), reads pages too: each process takes the next page nobody has
taken from a queue they all read (`map_shared`), so none waits while pages are left, and
the pages come back in page order. After the layout, one child reads the tables and then
helps with the sections' figures the same way (`run_beside_child`). The results are the
ones a single pass gives (tests/test_page_split.py).

A child inherits this process as it is at the fork (the open document, its bounds: the
memory limit, the process group the time limit kills). A child that fails in any way (a
crash, a value that does not unpickle) costs only time: what it took is made again here, as
if there had been no child. Where fork does not exist everything is made here.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable, Iterator
from typing import Any

#: Fewest pages a process is worth (a fork and a pickled share cost ~10 ms).
MIN_PAGES_PER_PART = 8
_READ_CHUNK = 1 << 20
_LENGTH_BYTES = 8  # a frame's length, before its bytes


def map_shared(
    work: Callable[[int], Any],
    count: int,
    processes: int,
    *,
    meanwhile: Callable[[], Any] | None = None,
    stop: Callable[[Any], bool] | None = None,
) -> list[Any]:
    """[work(i) for i in range(count)], made by this process and up to `processes` - 1
    forked children at once (one per MIN_PAGES_PER_PART items at most), each taking the next
    item nobody has taken from a queue they all read, so that a process whose items cost
    more, or that starts later, takes fewer. This process first makes `meanwhile()`: work of
    its own that the children need not wait for (the later stages' imports). A value for
    which `stop(value)` holds ends the work: the items not yet made are left None, for a
    caller that starts again. An item a child took and never sent back is made here."""
    processes = min(processes, count // MIN_PAGES_PER_PART)
    size, blocks, make_block = _in_blocks(work, count, stop)

    def block_stops(values: list[Any]) -> bool:
        return stop is not None and any(stop(value) for value in values)

    queue = _item_queue(blocks) if processes > 1 and hasattr(os, "fork") else None
    if queue is None:
        if meanwhile is not None:
            meanwhile()
        made = _make_items(iter(range(blocks)), make_block, block_stops)
        return _flat(made, size, count)
    children: list[tuple[int, int] | None] = []
    try:
        for _ in range(processes - 1):
            children.append(_fork_part(lambda: _take_items(queue, make_block, block_stops)))
        if meanwhile is not None:
            meanwhile()
        made = _take_items(queue, make_block, block_stops)
        for index, child in enumerate(children):
            if child is None or _stopped(made, block_stops):
                continue
            children[index] = None  # _collect reaps it, or stops it
            theirs = _collect(child)
            made.update(theirs[0] if theirs is not None else {})
    finally:  # done, stopped, an error, the time limit, Ctrl-C: no child outlives the work
        for child in children:
            if child is not None:
                _stop(child)
        os.close(queue)
    if not _stopped(made, block_stops):
        made.update({block: make_block(block) for block in range(blocks) if block not in made})
    return _flat(made, size, count)


def _in_blocks(
    work: Callable[[int], Any], count: int, stop: Callable[[Any], bool] | None = None
) -> tuple[int, int, Callable[[int], list[Any]]]:
    """(items a block, blocks, a block's work): a queue holds at most MAX_SHARED_ITEMS
    numbers, and past that each stands for a block of consecutive items (a block's work
    ends at a value for which `stop` holds)."""
    size = max(1, -(-count // MAX_SHARED_ITEMS))

    def make_block(block: int) -> list[Any]:
        values = []
        for index in range(block * size, min(count, (block + 1) * size)):
            values.append(value := work(index))
            if stop is not None and stop(value):
                break
        return values

    return size, -(-count // size), make_block


def _flat(made: dict[int, list[Any]], size: int, count: int) -> list[Any]:
    """The blocks' values in item order, None where an item was not made (a stop)."""
    out: list[Any] = [None] * count
    for block, values in made.items():
        out[block * size : block * size + len(values)] = values
    return out


def _stopped(made: dict[int, Any], stop: Callable[[Any], bool]) -> bool:
    return any(stop(value) for value in made.values())


#: Most numbers a queue holds (past it, each stands for a block of items): they (4 bytes
#: each) must fit in a pipe before any child starts, and a pipe holds at least one page.
MAX_SHARED_ITEMS = 1024
_ITEM_BYTES = 4


def run_beside_child(
    child_first: Callable[[], Any],
    prepare: Callable[[], Any],
    work: Callable[[int], Any],
    count: int,
) -> tuple[Any, list[Any]]:
    """(child_first(), [work(i) for i in range(count)]), made by this process and a forked
    child at once. The child makes `child_first()` (a report's tables) and sends it; then,
    as this process does from the start, it makes `prepare()` (what every item needs) and
    takes the next item nobody has taken from a queue both read (a pipe of item numbers; a
    read of one number is atomic), so that neither waits while items are left, however long
    `child_first` takes. When this process has made every item, the child is not waited for
    (it is stopped). Each item is made once and the values come back in item order: the
    result is the one of making them in turn. An item the child took but never sent back,
    and `child_first()` when the child failed, are made here."""
    size, blocks, make_block = _in_blocks(work, count)
    queue = _item_queue(blocks) if hasattr(os, "fork") else None
    if queue is None:
        prepare()
        return child_first(), [work(i) for i in range(count)]

    def share() -> Iterator[Any]:
        yield child_first()
        prepare()
        yield _take_items(queue, make_block)

    child: tuple[int, int] | None = None
    try:
        child = _fork_frames(share)
        prepare()
        made = _take_items(queue, make_block)
        first = _next_frame(child) if child is not None else None
        if first is not None and len(made) < blocks:  # the child took some: wait for them
            theirs = _next_frame(child)
            made.update(theirs[0] if theirs is not None else {})
    finally:  # done, an error, the time limit, Ctrl-C: the child never outlives the work
        if child is not None:
            _stop(child)
        os.close(queue)
    made.update({block: make_block(block) for block in range(blocks) if block not in made})
    value = first[0] if first is not None else child_first()
    return value, _flat(made, size, count)


def _item_queue(count: int) -> int | None:
    """The read end of a pipe holding the numbers 0..count-1, or None when they do not fit
    (then there is nothing to share: the caller makes everything itself)."""
    if count > MAX_SHARED_ITEMS:
        return None
    data = b"".join(i.to_bytes(_ITEM_BYTES, "little") for i in range(count))
    try:
        read_fd, write_fd = os.pipe()
    except OSError:
        return None
    try:
        os.set_blocking(write_fd, False)  # a pipe smaller than the numbers refuses, not waits
        written = os.write(write_fd, data) if data else 0
    except OSError:
        written = -1
    finally:
        os.close(write_fd)
    if written != len(data):
        os.close(read_fd)
        return None
    return read_fd


def _take_items(
    queue: int, work: Callable[[int], Any], stop: Callable[[Any], bool] | None = None
) -> dict[int, Any]:
    """work(i) for each item number taken from the queue until it is empty (or a value
    for which `stop` holds)."""
    return _make_items(_queue_items(queue), work, stop)


def _queue_items(queue: int) -> Iterator[int]:
    while len(data := os.read(queue, _ITEM_BYTES)) == _ITEM_BYTES:
        yield int.from_bytes(data, "little")


def _make_items(
    numbers: Iterator[int], work: Callable[[int], Any], stop: Callable[[Any], bool] | None
) -> dict[int, Any]:
    made: dict[int, Any] = {}
    for number in numbers:
        made[number] = value = work(number)
        if stop is not None and stop(value):
            break
    return made


def _fork_part(call: Callable[[], Any]) -> tuple[int, int] | None:
    """Fork a child that makes `call()` (its share of items) and sends it as its one frame."""
    return _fork_frames(lambda: iter((call(),)))


def _fork_frames(frames: Callable[[], Iterator[Any]]) -> tuple[int, int] | None:
    """Fork a child that sends each value `frames()` yields, pickled, to a pipe, as a frame
    (its length in 8 bytes, then its bytes): (pid, read end), or None when no child could
    be started (then the work is done here). The child exits 0 only when all were sent."""
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
            with os.fdopen(write_fd, "wb") as pipe:
                for value in frames():
                    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                    pipe.write(len(data).to_bytes(_LENGTH_BYTES, "little"))
                    pipe.write(data)
                    pipe.flush()
            status = 0
        except BaseException:  # noqa: BLE001 - the parent makes what did not come itself
            pass
        finally:
            os._exit(status)
    os.close(write_fd)
    return pid, read_fd


def _next_frame(child: tuple[int, int]) -> tuple[Any] | None:
    """The child's next value as a 1-tuple, or None when it sent no whole frame that
    unpickles (it failed, or ended). On an interruption while waiting, kills it first."""
    _, read_fd = child
    try:
        head = _read_exactly(read_fd, _LENGTH_BYTES)
        data = _read_exactly(read_fd, int.from_bytes(head, "little")) if head else None
    except BaseException:
        _stop(child)
        raise
    if not data:
        return None
    try:
        return (pickle.loads(data),)
    except Exception:  # noqa: BLE001 - a damaged value: it is made again here
        return None


def _read_exactly(fd: int, size: int) -> bytes | None:
    """`size` bytes from the pipe, or None when it ends before them."""
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, min(left, _READ_CHUNK))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _collect(child: tuple[int, int]) -> tuple[Any] | None:
    """The child's one value as a 1-tuple, or None when it failed in any way. Reaps the
    child; on an interruption while waiting, kills it first."""
    value = _next_frame(child)
    pid, read_fd = child
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    return value if status == 0 else None


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
    "MAX_SHARED_ITEMS",
    "MIN_PAGES_PER_PART",
    "map_shared",
    "run_beside_child",
]
