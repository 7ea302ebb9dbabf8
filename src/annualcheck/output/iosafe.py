"""Safe output: refuse an unwritable destination before any work, and never leave a half file.

Why: extracting a series takes seconds to minutes; finding out afterwards that `-o` points
into a missing folder wastes that, and a run killed mid-write (Ctrl-C, OOM killer, full
disk) must leave either the old file or the new one, never a torn one. Every writer goes
through a temporary file in the destination's own folder (same filesystem, so `os.replace`
is atomic) that is renamed over the destination only once it is complete.

What an output may be: `-` is stdout; a symlink is written through (its target is replaced, the
link stays a link, so `-o link.json` never turns the link into a file); a device, FIFO or
socket is refused (an atomic rename would replace `/dev/stdout` itself), and so is a path that
is one of the inputs (same file by inode: `extract r.pdf -o r.pdf` would overwrite the report).
A failure while writing (a full disk) is one line naming the output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from annualcheck.compiled_patterns import compiled
from annualcheck.model.errors import OutputError

#: How a new temporary file is opened: what `tempfile.mkstemp` opens with (read-write, made
#: here or not at all, a link at its name never followed).
_NEW_FILE_FLAGS = (
    os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)
_NEW_FILE_TRIES = 100


def _new_file(folder: str | Path, prefix: str, suffix: str = "") -> tuple[int, str]:
    """(descriptor, absolute name) of a new empty file in `folder` that only this user may
    read (mode 0600), as `tempfile.mkstemp(suffix, prefix, folder)` gives: the same flags, a
    random name tried again only when taken. Why not tempfile itself: it imports shutil,
    random, bz2 and lzma, ~5 ms of every extract that writes a file, before its first page."""
    folder = os.path.abspath(folder)
    for _ in range(_NEW_FILE_TRIES):
        name = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(name, _NEW_FILE_FLAGS, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found")


#: The output name that means standard output.
STDOUT = "-"


def is_stdout(path: str | Path | None) -> bool:
    """True for `-o -`: write to stdout rather than to a file named `-`."""
    return path is not None and str(path) == STDOUT


def write_target(path: str | Path) -> Path:
    """The file a write to `path` really lands in: a symlink's final target (followed
    through every link), so that replacing it keeps the link; any other path as given."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


_DESCRIPTOR_NAME = compiled(r"/proc/[^/]{1,20}/fd/|/dev/fd/|/dev/std(?:in|out|err)$")


def _is_descriptor_alias(path: Path) -> bool:
    """True for names of an open file descriptor (/dev/stdout, /dev/fd/1, /proc/self/fd/1):
    whatever they point to now, replacing them by rename is never what the user meant."""
    current = os.path.abspath(path)
    for _ in range(40):
        if _DESCRIPTOR_NAME.match(current):
            return True
        if not os.path.islink(current):
            return False
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    return True


def _is_special(path: Path) -> bool:
    """A device, FIFO or socket (what exists and is neither a regular file nor a folder),
    or a file descriptor's name."""
    if _is_descriptor_alias(path):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """The files among the inputs, with the PDFs of folders (as the loader expands them)."""
    for raw in inputs:
        path = Path(raw)
        try:
            if path.is_dir():
                yield from (p for p in path.iterdir() if p.suffix.lower() == ".pdf")
            elif path.exists():
                yield path
        except OSError:
            continue


def same_file_as_input(path: Path, inputs: Iterable[str | Path]) -> Path | None:
    """The input that `path` (or its symlink target) is, by device and inode, or None."""
    try:
        out = os.stat(path)
    except OSError:
        return None
    for candidate in _input_files(inputs):
        with contextlib.suppress(OSError):
            st = os.stat(candidate)
            if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
                return candidate
    return None


def _probe_writable(folder: Path) -> str | None:
    """Why `folder` cannot take a new file, or None. A real probe, not `os.access`, because
    access() says yes to root on read-only mounts and ignores ACLs."""
    try:
        fd, probe = _new_file(folder, ".annualcheck-probe-")
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def check_writable(
    path: str | Path,
    folder_ok: bool = False,
    folder_only: bool = False,
    inputs: Iterable[str | Path] = (),
) -> None:
    """Raise OutputError unless `path` can be written: its folder exists and takes files,
    and it is not an existing folder (unless `folder_ok`, for outputs that may be folders),
    nor an existing file when `folder_only` (for outputs that must be folders: the site),
    nor a device/FIFO/socket, nor one of `inputs` (by inode). `-` (stdout) is always fine,
    except where a folder is required.

    Called by the CLI before any extraction, so a bad `-o` fails in milliseconds.
    """
    if is_stdout(path):
        if folder_only:
            raise OutputError(path, "output must be a folder; - (stdout) cannot take a site")
        return
    given = Path(path)
    same = same_file_as_input(given, inputs)
    if same is not None:
        raise OutputError(given, f"output path is the input {same}; give another output name")
    if _is_special(given):
        raise OutputError(
            given,
            "output path is a device, FIFO or socket, not a file (use -o - for stdout)",
        )
    path = write_target(given)
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
    named = Path(path)
    path = write_target(named)
    if _is_special(path):
        raise OutputError(named, "output path is a device, FIFO or socket, not a file")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = _new_file(folder, f".{path.name}.", ".tmp")
    except OSError as exc:
        raise OutputError(named, f"cannot write the output: {_reason(exc)}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a quota, a vanished folder: one line naming it
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(named, f"cannot write the output: {_reason(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _reason(exc: OSError) -> str:
    """An OSError's reason without its file names (the output is named by the error)."""
    return exc.strerror or type(exc).__name__


def _write_file(tmp: Path, data: bytes) -> None:
    """Write and sync `data` (a seam for tests that simulate a full disk)."""
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` all at once: complete and synced before it gets the name."""
    with atomic_path(path) as tmp:
        _write_file(tmp, data)


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Text version of `atomic_write_bytes` (UTF-8, newlines as given)."""
    atomic_write_bytes(path, text.encode(encoding))
