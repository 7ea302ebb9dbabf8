"""Regular expressions compiled once per Python build, not once per run.

Why: `re.compile` parses a pattern and turns it into the C matcher's code in pure Python
(0.1-3 ms a pattern; the comparison grammar alone ~25 ms). One short report's `extract`
compiles ~350 of the package's and its profile's patterns, ~80 ms of its CPU time, and
every run compiles the same ones again. What `re` makes of a pattern depends only on the
pattern, its flags and the Python build, so it is kept on disk the way Python keeps a
module's bytecode: in `__pycache__` beside this module (or under `sys.pycache_prefix`), in a
file whose name carries the build, written unless bytecode writing is off
(`PYTHONDONTWRITEBYTECODE`, `python -B`), and read back at the next start.

Exact, not approximate: an entry is written only after the pattern rebuilt from it compared
equal to `re.compile`'s (a compiled pattern's equality compares its source, flags and code);
a file written by another build is never opened (its name differs); an entry that does not
rebuild is compiled afresh. Where the `re` module's internals are not the ones read here
(another Python), every pattern is compiled by `re.compile` and nothing is kept.

For patterns fixed in the package and in its profiles, not ones made from a document's
text: the file stops growing at `MAX_ENTRIES` entries or `MAX_BYTES`.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import struct
import sys
import zlib
from pathlib import Path
from typing import Any

try:  # the re module's own compiler: private, so its absence only costs the keeping
    import _sre
    from re import _compiler as _sre_compiler
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another Python's layout
    _sre = _sre_compiler = _sre_parser = None  # type: ignore[assignment]

#: The file's layout; a change of it (or of the build) names a new file.
FORMAT = 1
MAX_ENTRIES = 4096
MAX_BYTES = 16 * 1024 * 1024

_Key = tuple[str, int]


class PatternStore:
    """Compiled patterns by (source, flags): made in this process, else rebuilt from the
    file of kept ones (read once, when first asked), else compiled and kept."""

    def __init__(
        self,
        path: Path | None,
        *,
        write: bool,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.path = path
        self.write = write and path is not None and _sre is not None
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._made: dict[_Key, re.Pattern[str]] = {}
        self._kept: dict[_Key, tuple[Any, ...]] | None = None
        self._kept_bytes = 0
        self._damaged = False

    def compiled(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(source, flags)`, from the file of kept patterns where it holds it."""
        key = (source, int(flags))
        pattern = self._made.get(key)
        if pattern is None:
            pattern = self._rebuilt(key)
            if pattern is None:
                pattern = self._fresh(key)
            self._made[key] = pattern
        return pattern

    def _rebuilt(self, key: _Key) -> re.Pattern[str] | None:
        if _sre is None or self.path is None:
            return None
        entry = self._entries().get(key)
        return None if entry is None else pattern_from_entry(key[0], entry)

    def _fresh(self, key: _Key) -> re.Pattern[str]:
        source, flags = key
        pattern = re.compile(source, flags)  # an invalid pattern raises here, as ever
        if self.write and isinstance(source, str) and not flags & re.DEBUG:
            entry = entry_of(source, flags)
            if entry is not None and pattern_from_entry(source, entry) == pattern:
                self._keep(key, entry)
        return pattern

    def _entries(self) -> dict[_Key, tuple[Any, ...]]:
        if self._kept is None:
            self._kept, self._kept_bytes, self._damaged = read_entries(self.path, self.max_bytes)
        return self._kept

    def _keep(self, key: _Key, entry: tuple[Any, ...]) -> None:
        kept = self._entries()
        if len(kept) >= self.max_entries or self._kept_bytes >= self.max_bytes:
            return
        kept[key] = entry
        try:
            assert self.path is not None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._damaged:  # the file's good records and this one, in place of it
                data = b"".join(record_of(k, e) for k, e in kept.items())
                replace_file(self.path, data)
                self._damaged, self._kept_bytes = False, len(data)
            else:
                data = record_of(key, entry)
                append_record(self.path, data)
                self._kept_bytes += len(data)
        except OSError:  # a folder we may not write: the patterns are compiled each run
            self.write = False


#: A record: its payload's length and CRC-32 (two little-endian 32-bit numbers), then the
#: payload, `marshal`'s bytes of (source, flags, entry) (marshal: the format Python's own
#: bytecode files are read with, and fast to read).
_HEADER = struct.Struct("<II")


def record_of(key: _Key, entry: tuple[Any, ...]) -> bytes:
    """One kept pattern as a record of the file."""
    payload = marshal.dumps((key[0], key[1], entry))
    return _HEADER.pack(len(payload), zlib.crc32(payload)) + payload


def append_record(path: Path, data: bytes) -> None:
    """One write at the file's end: processes that append at once never mix records."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def replace_file(path: Path, data: bytes) -> None:
    """The file's bytes replaced at once (a reader sees the old file or the new one)."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
    try:
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError:  # a disk full, a folder gone: no half-written file left behind
        temp.unlink(missing_ok=True)
        raise


def entry_of(source: str, flags: int) -> tuple[Any, ...] | None:
    """What `re` compiles `source` into: (flags, code, groups, group index, index group),
    the arguments of the C matcher's constructor as plain ints, strings and containers, or
    None where its compiler is not the one this reads."""
    try:
        parsed = _sre_parser.parse(source, flags)
        code = _sre_compiler._code(parsed, flags)
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        groupindex = {str(name): int(index) for name, index in state.groupdict.items()}
        code_ints = [int(op) for op in code]  # the opcodes are int subclasses
        return (
            int(flags | state.flags),
            code_ints,
            state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except Exception:  # noqa: BLE001 - another compiler: the pattern is not kept
        return None


def pattern_from_entry(source: str, entry: Any) -> re.Pattern[str] | None:
    """The compiled pattern an entry describes, or None for an entry that does not make one
    (a damaged line: the C matcher checks the code it is given)."""
    try:
        flags, code, groups, groupindex, indexgroup = entry
        if not (isinstance(groupindex, dict) and isinstance(indexgroup, tuple)):
            return None
        return _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001 - a damaged entry: compiled afresh
        return None


def read_entries(
    path: Path | None, max_bytes: int
) -> tuple[dict[_Key, tuple[Any, ...]], int, bool]:
    """The kept entries by (source, flags), the file's size, and whether it is damaged (a
    record cut short or spoilt: the records before it are read, none after). A missing,
    unreadable or oversized file holds none."""
    entries: dict[_Key, tuple[Any, ...]] = {}
    if path is None:
        return entries, 0, False
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError:
        return entries, 0, False
    if len(data) > max_bytes:
        return entries, len(data), False
    at, size = 0, _HEADER.size
    while at < len(data):
        if at + size > len(data):
            return entries, len(data), True
        length, checksum = _HEADER.unpack_from(data, at)
        payload = data[at + size : at + size + length]
        if len(payload) != length or zlib.crc32(payload) != checksum:
            return entries, len(data), True
        at += size + length
        try:
            source, flags, entry = marshal.loads(payload)
        except (ValueError, TypeError, EOFError):
            return entries, len(data), True
        if isinstance(source, str) and isinstance(flags, int) and isinstance(entry, tuple):
            entries[(source, flags)] = entry
    return entries, len(data), False


def store_path(folder: Path, build: str | None = None) -> Path:
    """The file of kept patterns in `folder` for this Python build (or `build`, a
    `sys.version`-like string): its name changes with the build and with FORMAT."""
    build = sys.version if build is None else build
    magic = getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None)
    digest = hashlib.sha256(f"{FORMAT}|{build}|{magic}".encode()).hexdigest()[:16]
    tag = sys.implementation.cache_tag or sys.implementation.name
    return folder / f"compiled_patterns.{tag}-{digest}.bin"


def pycache_folder(module_file: str) -> Path:
    """Where Python keeps the bytecode of the module at `module_file`: its `__pycache__`, or
    the mirror of its folder under `sys.pycache_prefix`."""
    folder = Path(module_file).resolve().parent
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix) / folder.relative_to(folder.anchor)
    return folder / "__pycache__"


_DEFAULT: list[PatternStore] = []  # the process's store, made at the first compile


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)` for a pattern fixed in the package or a profile, kept
    compiled across runs (see the module's docstring)."""
    if not _DEFAULT:
        _DEFAULT.append(
            PatternStore(store_path(pycache_folder(__file__)), write=not sys.dont_write_bytecode)
        )
    return _DEFAULT[0].compiled(source, flags)


__all__ = ["PatternStore", "compiled", "store_path"]
