"""A cache of extracted records, so re-checking a series reads JSON instead of PDFs.

Key: the PDF's SHA-256 (content, not name or mtime: a renamed or touched file is the same
report), the tool version, a hash of the package's own source files, so that any code
change (a new figure key, a fixed parser) invalidates every entry without a manual flush, and
the profile's name, version and a hash of its values (as black keys its cache by `Mode`): the
same PDF read as another series, or by a changed profile defined outside the package, is
another entry.
Entries are written atomically; an entry that does not parse is ignored and rewritten.

Folder: $ANNUALCHECK_CACHE_DIR, else $XDG_CACHE_HOME/annualcheck, else ~/.cache/annualcheck;
without a home directory (HOME unset, a uid without a passwd entry), a private folder of this
user in the system's temporary folder, or no cache at all when that is not safe to use.

An entry is trusted only after it parsed (a deeply nested one raises RecursionError, caught)
and every field of the record it holds has its declared type (model.conform); anything else
is deleted and rebuilt.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
from pathlib import Path

from annualcheck.model.conform import conforms
from annualcheck.model.errors import AnnualcheckError
from annualcheck.model.record import Record
from annualcheck.output.iosafe import atomic_write_text
from annualcheck.profiles.spec import Profile
from annualcheck.version import __version__

#: The package root (this module is in batch/): every source file of the tool is in the key.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: What can go wrong reading an entry: all of it means "no entry".
_BAD_ENTRY = (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError, MemoryError)
#: Set when the cache had to move to the temporary folder or was switched off (a note).
fallback_note: str | None = None
ENTRY_FORMAT = 1  # bump when the entry wrapper below changes


def cache_dir() -> Path:
    """The cache folder from the environment (not created here)."""
    override = os.environ.get("ANNUALCHECK_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "annualcheck"
    try:
        return Path.home() / ".cache" / "annualcheck"
    except (RuntimeError, KeyError, OSError):  # no HOME and no passwd entry for this uid
        return _temporary_cache_dir()


def _temporary_cache_dir() -> Path | None:
    """A folder only this user can use in the temporary folder, or None (no cache) when it
    exists but is not ours or is open to others: another user could plant entries there."""
    global fallback_note
    import tempfile  # only here: a warm run never needs it

    folder = Path(tempfile.gettempdir()) / f"annualcheck-cache-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        st = os.lstat(folder)
        safe = stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077
    except OSError:
        safe = False
    if not safe:
        fallback_note = "no home directory and no safe temporary folder: the cache is off"
        return None
    fallback_note = (
        f"no home directory: the cache is in {folder} (set ANNUALCHECK_CACHE_DIR to choose)"
    )
    return folder


@functools.lru_cache(maxsize=1)
def source_hash() -> str:
    """SHA-256 over the package's .py files (relative name and bytes), in a stable order."""
    digest = hashlib.sha256()
    for file in sorted(PACKAGE_DIR.rglob("*.py")):
        if "__pycache__" in file.parts:
            continue
        digest.update(str(file.relative_to(PACKAGE_DIR)).encode())
        digest.update(b"\0")
        with contextlib.suppress(OSError):
            digest.update(file.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks (bounded memory for big PDFs)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def profile_key(profile: Profile) -> str:
    """The profile's part of a cache key: name, version and a hash of its values."""
    return f"{profile.name}-{profile.version}-{profile.fingerprint}"


def entry_path(pdf_sha256: str, folder: Path | None = None, *, profile: Profile) -> Path | None:
    """Where the record of a PDF with this hash is cached for this version of the code and
    this profile (None when there is no usable cache folder)."""
    folder = folder or cache_dir()
    if folder is None:
        return None
    return folder / f"{pdf_sha256}-{profile_key(profile)}-{__version__}-{source_hash()[:16]}.json"


def _discard(entry: Path) -> None:
    """Delete a bad entry so that the next store rebuilds it (and nothing reads it again)."""
    with contextlib.suppress(OSError):
        entry.unlink()


def _renamed(record: Record, stored_arg: str, path: Path) -> Record:
    """The cached record names the file it was extracted from; give it the current name,
    in the same form (full argument or base name) the extractor used."""
    if record.source.file == stored_arg:
        record.source.file = str(path)
    elif record.source.file == Path(stored_arg).name:
        record.source.file = path.name
    return record


def load_cached(
    pdf_sha256: str, path: Path, folder: Path | None = None, *, profile: Profile
) -> Record | None:
    """The cached record, or None when absent or unreadable (a corrupt entry is a miss)."""
    entry = entry_path(pdf_sha256, folder, profile=profile)
    if entry is None:
        return None
    try:
        text = entry.read_text(encoding="utf-8")
    except OSError:
        return None
    try:
        data = json.loads(text)
        if data.get("format") != ENTRY_FORMAT or data.get("sha256") != pdf_sha256:
            raise ValueError("entry of another format or file")
        record = Record.from_dict(data["record"])
        if not conforms(record) or not isinstance(data.get("path", ""), str):
            raise TypeError("entry does not match the record schema")
    except _BAD_ENTRY:
        _discard(entry)
        return None
    return _renamed(record, data.get("path", ""), path)


def store(
    pdf_sha256: str, path: Path, record: Record, folder: Path | None = None, *, profile: Profile
) -> bool:
    """Write the entry atomically; False (and no error) when the cache folder is unusable,
    because a cache must never make a run fail."""
    entry = entry_path(pdf_sha256, folder, profile=profile)
    if entry is None:
        return False
    payload = {
        "format": ENTRY_FORMAT,
        "sha256": pdf_sha256,
        "version": __version__,
        "profile": profile_key(profile),
        "path": str(path),
        "record": record.to_dict(),
    }
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(entry, json.dumps(payload, ensure_ascii=False))
    except (OSError, AnnualcheckError):
        return False
    prune_stale(pdf_sha256, entry)
    return True


def prune_stale(pdf_sha256: str, keep: Path) -> None:
    """Remove this PDF's entries written by other versions of the code or profile: they can
    never be read again, and without this every edit of the package would leave a copy
    behind (a PDF is a report of one series, so one profile's entry is all it needs)."""
    for old in keep.parent.glob(f"{pdf_sha256}-*.json"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


# -- findings of a whole series ------------------------------------------------------------
#
# A warm `check` re-reads three cached records in milliseconds but would still spend most of its
# time running the rules again. The findings depend only on the records (hence on the PDFs'
# hashes, in order), the gaps and the code, so they are cached under exactly that key.


def findings_entry_path(
    pdf_sha256s: list[str],
    gaps: list[int] | tuple[int, ...],
    folder: Path | None = None,
    *,
    profile: Profile,
) -> Path | None:
    folder = folder or cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(
        json.dumps(
            [list(pdf_sha256s), sorted(gaps), __version__, source_hash(), profile_key(profile)]
        ).encode()
    ).hexdigest()
    return folder / f"findings-{key}.json"


def _run_checks(records: list[Record], gaps, profile: Profile) -> list:
    """The rules, imported only on a miss: a warm run never loads them (~30 ms)."""
    from annualcheck.checks import run_checks

    return run_checks(records, gaps=gaps, profile=profile)


def run_checks_cached(
    records: list[Record], gaps=(), folder: Path | None = None, *, profile: Profile
) -> list:
    """`checks.run_checks`, answered from the cache when the same series was checked before
    with the same code. A damaged or unwritable entry only costs the recomputation."""
    from annualcheck.model.findings import Finding

    entry = findings_entry_path(
        [r.source.sha256 for r in records], list(gaps), folder, profile=profile
    )
    if entry is None:
        return _run_checks(records, gaps, profile)
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        if data.get("format") == ENTRY_FORMAT:
            findings = [Finding.from_dict(f) for f in data["findings"]]
            if all(conforms(f) for f in findings):
                return findings
            _discard(entry)
    except FileNotFoundError:
        pass
    except _BAD_ENTRY:
        _discard(entry)
    findings = _run_checks(records, gaps, profile)
    payload = {"format": ENTRY_FORMAT, "findings": [f.to_dict() for f in findings]}
    with contextlib.suppress(OSError, AnnualcheckError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(entry, json.dumps(payload, ensure_ascii=False))
    return findings
