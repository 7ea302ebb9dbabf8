"""A progress line on stderr for work over several reports, and silence everywhere else.

Why no dependency (tqdm, rich): one \\r-updated line is all a run of a few reports needs, and
output that is piped, captured by a test or written to a log must stay free of control
characters, so the line appears only when stderr is a terminal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def progress_line(label: str, done: int, total: int | None, elapsed: float, width: int = 24) -> str:
    """The text of the line: "label [#####-----] 2/5 3.1s" (no bar when the total is unknown)."""
    if total:
        filled = min(width, round(width * done / total))
        return f"{label} [{'#' * filled}{'-' * (width - filled)}] {done}/{total} {elapsed:.1f}s"
    return f"{label} {done} {elapsed:.1f}s"


def progress(
    iterable: Iterable[T],
    label: str,
    total: int | None = None,
    stream: TextIO | None = None,
    enabled: bool | None = None,
) -> Iterator[T]:
    """Yield the items of `iterable`, updating one line on `stream` (stderr) after each.

    `enabled` defaults to whether the stream is a terminal; the line is cleared at the end
    (also when the loop is left early), so what follows starts on a clean line.
    """
    stream = stream if stream is not None else sys.stderr
    if enabled is None:
        enabled = bool(getattr(stream, "isatty", lambda: False)())
    if not enabled:
        yield from iterable
        return
    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)  # type: ignore[arg-type]
    start = time.monotonic()
    last = ""
    done = 0

    def show() -> None:
        nonlocal last
        line = progress_line(label, done, total, time.monotonic() - start)
        stream.write("\r" + line + " " * max(0, len(last) - len(line)))
        stream.flush()
        last = line

    try:
        show()
        for item in iterable:
            yield item
            done += 1
            show()
    finally:
        stream.write("\r" + " " * len(last) + "\r")
        stream.flush()
