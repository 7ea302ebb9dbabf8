"""Per-stage timings: where a run's time went, without a profiler.

Why: a slow stage (a page that draws too much, a table finder gone quadratic) should be
found by anyone running the tool: `ANNUALCHECK_TIMINGS=1 annualcheck check reports/` prints
a table of stage times to stderr. The timer is context-local (a `ContextVar`), not global
state: the command that wants timings opens `collecting()`, and each stage wraps its work
in `stage(name)`, which costs nothing when no timer is active. A report extracted in a worker
process (check of several reports) has no timer of its parent, so it prints its own table.

    ANNUALCHECK_TIMINGS=1 annualcheck extract reports/2020.pdf > /dev/null
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TextIO

#: The environment variable that turns timings on ("1").
ENV = "ANNUALCHECK_TIMINGS"

_CURRENT: ContextVar[Timings | None] = ContextVar("annualcheck_timings", default=None)


def wanted() -> bool:
    """Timings asked for in the environment."""
    return os.environ.get(ENV, "").strip() not in ("", "0")


@dataclass
class Timings:
    """Seconds and calls per stage, in the order the stages first ran."""

    title: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)
    pid: int = field(default_factory=os.getpid)  # a forked worker inherits it, but not its output
    _open: list[str] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if name in self._open:  # a stage inside itself (a nested call) counts once
            yield
            return
        self._open.append(name)
        start = time.perf_counter()
        try:
            yield
        finally:
            self._open.remove(name)
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            self.calls[name] = self.calls.get(name, 0) + 1

    def table(self) -> str:
        """The stages as an aligned table, with the whole run's wall time last."""
        total = time.perf_counter() - self.started
        rows = [(name, self.seconds[name], self.calls[name]) for name in self.seconds]
        width = max([len(name) for name, _, _ in rows] + [len("total")])
        head = f"timings{f' ({self.title})' if self.title else ''}"
        lines = [head, f"  {'stage':<{width}}  {'seconds':>8}  {'share':>6}  calls"]
        for name, seconds, calls in rows:
            share = seconds / total if total > 0 else 0.0
            lines.append(f"  {name:<{width}}  {seconds:8.3f}  {share:6.1%}  {calls:5d}")
        lines.append(f"  {'total':<{width}}  {total:8.3f}  {1:6.1%}")
        return "\n".join(lines)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the enclosed work as stage `name` of the current timer, if there is one."""
    timer = _CURRENT.get()
    if timer is None or timer.pid != os.getpid():
        yield
        return
    with timer.stage(name):
        yield


@contextmanager
def collecting(
    enabled: bool = True, title: str = "", out: TextIO | None = None
) -> Iterator[Timings | None]:
    """A timer for the enclosed work (None when not enabled); its table goes to `out`
    (stderr by default) at the end."""
    if not enabled:
        yield None
        return
    timer = Timings(title=title)
    token = _CURRENT.set(timer)
    try:
        yield timer
    finally:
        _CURRENT.reset(token)
        print(timer.table(), file=out or sys.stderr, flush=True)


def active() -> bool:
    """A timer is collecting in this context (and in this process: a forked worker's copy of
    its parent's timer would never be printed)."""
    timer = _CURRENT.get()
    return timer is not None and timer.pid == os.getpid()


@contextmanager
def child_timer() -> Iterator[Timings | None]:
    """In a forked child of a process that is timing: a timer of this process for the
    enclosed work (None otherwise), whose stages the parent adds to its own (`absorb`), so the
    child neither loses its stages nor prints a table of its own."""
    inherited = _CURRENT.get()
    if inherited is None or inherited.pid == os.getpid():
        yield None
        return
    timer = Timings(title=inherited.title)
    token = _CURRENT.set(timer)
    try:
        yield timer
    finally:
        _CURRENT.reset(token)


def stages_of(timer: Timings | None) -> tuple[dict[str, float], dict[str, int]] | None:
    """A timer's stages as plain values (they cross a process boundary)."""
    return None if timer is None else (dict(timer.seconds), dict(timer.calls))


def absorb(stages: tuple[dict[str, float], dict[str, int]] | None) -> None:
    """Add a child's stages (`stages_of`) to the current timer of this process, if any."""
    timer = _CURRENT.get()
    if not stages or timer is None or timer.pid != os.getpid():
        return
    seconds, calls = stages
    for name, value in seconds.items():
        timer.seconds[name] = timer.seconds.get(name, 0.0) + value
        timer.calls[name] = timer.calls.get(name, 0) + calls.get(name, 0)


__all__ = [
    "ENV",
    "Timings",
    "absorb",
    "active",
    "child_timer",
    "collecting",
    "stage",
    "stages_of",
    "wanted",
]
