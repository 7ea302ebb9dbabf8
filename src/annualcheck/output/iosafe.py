"""Safe output: refuse an unwritable destination before any work, and never leave a half file.

Why: extracting a series takes seconds to minutes; finding out afterwards that `-o` points
into a missing folder wastes that, and a run killed mid-write (Ctrl-C, OOM killer, full
disk) must leave either the old file or the new one, never a torn one. Every writer goes
through a temporary file in the destination's own folder (same filesystem, so `os.replace`
is atomic) that is renamed over the destination only once it is complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from annualcheck.model.errors import OutputError


def _probe_writable(folder: Path) -> str | None:
    """Why `folder` cannot take a new file, or None. A real probe, not `os.access`, because
    access() says yes to root on read-only mounts and ignores ACLs."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".annualcheck-probe-", dir=folder)
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def check_writable(path: str | Path, folder_ok: bool = False, folder_only: bool = False) -> None:
    """Raise OutputError unless `path` can be written: its folder exists and takes files,
    and it is not an existing folder (unless `folder_ok`, for outputs that may be folders),
    nor an existing file when `folder_only` (for outputs that must be folders: the site).

    Called by the CLI before any extraction, so a bad `-o` fails in milliseconds.
    """
    path = Path(path)
    if folder_only and path.exists() and not path.is_dir():
        raise OutputError(path, "output path is an existing file; give a folder")
    if path.is_dir():
        if not folder_ok:
            raise OutputError(path, "output path is an existing folder; give a file name")
        reason = _probe_writable(path)
        if reason:
            raise OutputError(path, f"output folder is not writable ({reason})")
        return
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(path, f"output folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(path, f"{parent} is not a folder")
    if path.exists() and not path.is_file():
        raise OutputError(path, "output path exists and is not a regular file")
    reason = _probe_writable(parent)
    if reason:
        raise OutputError(path, f"output folder {parent} is not writable ({reason})")


def _default_mode() -> int:
    """The mode a plain `open(path, "w")` would give: 0o666 minus the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`, on any failure
    (exception, KeyboardInterrupt) it is removed and `path` is left as it was.

    For writers that want a file name (pandas.to_parquet, sqlite3.connect).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` all at once: complete and synced before it gets the name."""
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Text version of `atomic_write_bytes` (UTF-8, newlines as given)."""
    atomic_write_bytes(path, text.encode(encoding))
