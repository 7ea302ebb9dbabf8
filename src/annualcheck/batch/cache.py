"""A cache of extracted records, so re-checking a series reads JSON instead of PDFs.

Key: the PDF's SHA-256 (content, not name or mtime: a renamed or touched file is the same
report), the tool version, and a hash of the package's own source files, so that any code
change (a new figure key, a fixed parser) invalidates every entry without a manual flush.
Entries are written atomically; an entry that does not parse is ignored and rewritten.

Folder: $ANNUALCHECK_CACHE_DIR, else $XDG_CACHE_HOME/annualcheck, else ~/.cache/annualcheck.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from pathlib import Path

from annualcheck import __version__
from annualcheck.model.record import Record
from annualcheck.output.iosafe import atomic_write_text

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/annualcheck, not batch/
ENTRY_FORMAT = 1  # bump when the entry wrapper below changes


def cache_dir() -> Path:
    """The cache folder from the environment (not created here)."""
    override = os.environ.get("ANNUALCHECK_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "annualcheck"


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


def entry_path(pdf_sha256: str, folder: Path | None = None) -> Path:
    """Where the record of a PDF with this hash is cached for this version of the code."""
    folder = folder or cache_dir()
    return folder / f"{pdf_sha256}-{__version__}-{source_hash()[:16]}.json"


def _renamed(record: Record, stored_arg: str, path: Path) -> Record:
    """The cached record names the file it was extracted from; give it the current name,
    in the same form (full argument or base name) the extractor used."""
    if record.source.file == stored_arg:
        record.source.file = str(path)
    elif record.source.file == Path(stored_arg).name:
        record.source.file = path.name
    return record


def load_cached(pdf_sha256: str, path: Path, folder: Path | None = None) -> Record | None:
    """The cached record, or None when absent or unreadable (a corrupt entry is a miss)."""
    entry = entry_path(pdf_sha256, folder)
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        if data.get("format") != ENTRY_FORMAT or data.get("sha256") != pdf_sha256:
            return None
        record = Record.from_dict(data["record"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return _renamed(record, data.get("path", ""), path)


def store(pdf_sha256: str, path: Path, record: Record, folder: Path | None = None) -> bool:
    """Write the entry atomically; False (and no error) when the cache folder is unusable,
    because a cache must never make a run fail."""
    entry = entry_path(pdf_sha256, folder)
    payload = {
        "format": ENTRY_FORMAT,
        "sha256": pdf_sha256,
        "version": __version__,
        "path": str(path),
        "record": record.to_dict(),
    }
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(entry, json.dumps(payload, ensure_ascii=False))
    except OSError:
        return False
    prune_stale(pdf_sha256, entry)
    return True


def prune_stale(pdf_sha256: str, keep: Path) -> None:
    """Remove this PDF's entries written by other versions of the code: they can never be
    read again, and without this every edit of the package would leave a copy behind."""
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
    pdf_sha256s: list[str], gaps: list[int] | tuple[int, ...], folder: Path | None = None
) -> Path:
    folder = folder or cache_dir()
    key = hashlib.sha256(
        json.dumps([list(pdf_sha256s), sorted(gaps), __version__, source_hash()]).encode()
    ).hexdigest()
    return folder / f"findings-{key}.json"


def run_checks_cached(records: list[Record], gaps=(), folder: Path | None = None) -> list:
    """`checks.run_checks`, answered from the cache when the same series was checked before
    with the same code. A damaged or unwritable entry only costs the recomputation."""
    from annualcheck.checks import run_checks
    from annualcheck.model.findings import Finding

    entry = findings_entry_path([r.source.sha256 for r in records], list(gaps), folder)
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        if data.get("format") == ENTRY_FORMAT:
            return [Finding.from_dict(f) for f in data["findings"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    findings = run_checks(records, gaps=gaps)
    payload = {"format": ENTRY_FORMAT, "findings": [f.to_dict() for f in findings]}
    with contextlib.suppress(OSError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(entry, json.dumps(payload, ensure_ascii=False))
    return findings
