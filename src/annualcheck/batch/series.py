"""From paths the user typed to an ordered series of records, with every bad input named.

Why here and not in the CLI: `check`, `diff`, `report` and `export` all take "PDFs and/or
folders", and all need the same answers: which files, which of them are bad and why, the
years in order, a duplicate year, a missing year. One bad file must not stop the others,
so each file's failure is carried back as a value (an AnnualcheckError), never raised
through the batch; extraction of a batch runs in parallel processes, and a single report in
a forked child process (batch.child) with the same bounds, never in this process (where fork
exists); the cache is asked first, in this process, so a warm run starts no process at all.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import annualcheck.batch.cache as cache
import annualcheck.batch.limits as limits
from annualcheck.batch.child import ChildDied, ChildTimedOut, call_in_child, can_fork
from annualcheck.batch.limits import (
    DEFAULT_TIMEOUT_S,
    init_worker,
    kill_workers,
    memory_error,
    time_limit,
    timeout_error,
)
from annualcheck.batch.progress import progress
from annualcheck.model.errors import (
    AnnualcheckError,
    DuplicateYearError,
    MissingPathError,
    NoPdfInFolderError,
    NoTextLayerError,
    TooLargeError,
    UnreadablePdfError,
)
from annualcheck.model.record import Record
from annualcheck.model.safety import printable_path
from annualcheck.model.timings import absorb, child_timer, stages_of
from annualcheck.pdf.quiet import quiet_loggers
from annualcheck.pdf.validate import check_bytes, check_document
from annualcheck.profiles.spec import Profile

#: Most processes one report's pages are read in when it is read alone: past a few, the
#: fork and the pickled pages cost more than the parts save on a report of ~60 pages.
MAX_PAGE_PARTS = 4


@dataclass(kw_only=True)
class LoadOptions:
    """How to load reports; built by the CLI from the shared input options. `profile` is the
    series the reports belong to (it travels to the worker processes with the options)."""

    profile: Profile
    password: str | None = None
    use_cache: bool = True
    jobs: int | None = None  # None: os.cpu_count()
    max_pages: int | None = 2000
    max_bytes: int | None = 200 * 1024 * 1024
    progress: bool = False
    cache_dir: Path | None = None  # None: cache.cache_dir() (environment)
    timeout: float | None = DEFAULT_TIMEOUT_S  # seconds per report; None or 0: no limit
    ocr: bool = False  # an image-only PDF is OCR'd (pdf/ocr.py) instead of refused
    page_parts: int = 1  # processes one report's pages are read in (set by _iter_loaded)


@dataclass
class SeriesResult:
    """Records sorted by report year, the bad inputs, notes for the user, missing years."""

    records: list[Record] = field(default_factory=list)
    errors: list[AnnualcheckError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    gaps: list[int] = field(default_factory=list)


# -- one file -------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def as_input_error(path: Path, exc: BaseException) -> AnnualcheckError:
    """Any failure while reading `path` as one AnnualcheckError naming it, on one line.

    Our own errors keep their type (with the path filled in when the raiser had none);
    anything else is a bug or an input we did not foresee and says so with its type.
    """
    if isinstance(exc, AnnualcheckError):
        if exc.path is not None and "\n" not in exc.detail:
            return exc
        return rebuild_error(type(exc), str(path) if exc.path is None else exc.path, exc.detail)
    if isinstance(exc, MemoryError):
        return memory_error(path)
    message = _one_line(str(exc))
    detail = f"could not be read: {type(exc).__name__}" + (f": {message}" if message else "")
    return UnreadablePdfError(path, detail[:500])


def rebuild_error(cls: type[AnnualcheckError], path: str | None, detail: str) -> AnnualcheckError:
    """An error of type `cls` with this path and detail, whatever `cls.__init__` takes
    (used for errors that crossed a process boundary, and to fix up foreign errors)."""
    error = cls.__new__(cls)
    AnnualcheckError.__init__(error, path, _one_line(detail))
    return error


def _cached(path: Path, options: LoadOptions) -> tuple[str | None, Record | None]:
    """Byte checks, then the cache: (sha256 or None, cached record or None)."""
    check_bytes(path, options.max_bytes)
    if not options.use_cache:
        return None, None
    sha = cache.file_sha256(path)
    record = cache.load_cached(sha, path, options.cache_dir, profile=options.profile)
    if record is not None and options.max_pages and record.source.pages > options.max_pages:
        raise TooLargeError(
            path,
            f"PDF has {record.source.pages} pages, over the limit of {options.max_pages} "
            "(raise it with --max-pages)",
        )
    return sha, record


#: Libraries that log (or warn) about damaged streams on stderr while they repair them; their
#: messages would break the one-line-per-bad-input rule, and the file's fate is reported anyway.
def _extract_fresh(path: Path, options: LoadOptions, sha: str | None) -> Record:
    """Full pre-checks, extraction, and a new cache entry."""
    facts = check_bytes(path, options.max_bytes)
    source = path
    try:
        from annualcheck.extract.pipeline import extract_record

        with time_limit(options.timeout, path):
            try:
                check_document(facts, options.password, options.max_pages)
            except NoTextLayerError:
                if not options.ocr:
                    raise
                from annualcheck.pdf.ocr import ocr_copy

                sha = sha or cache.file_sha256(path)
                source = ocr_copy(path, options.cache_dir or cache.cache_dir(), sha)
            with quiet_loggers():
                record = extract_record(
                    source,
                    password=options.password,
                    profile=options.profile,
                    page_parts=options.page_parts,
                )
        if source != path:
            record.source.file = path.name
            record.source.sha256 = sha or record.source.sha256
    except Exception as exc:  # noqa: BLE001 - every failure of one file is that file's error
        raise as_input_error(path, exc) from exc
    # An encrypted report is never cached: a later run without the password must not get
    # its contents from the cache.
    if options.use_cache and not facts.encrypted:
        cache.store(
            sha or cache.file_sha256(path), path, record, options.cache_dir, profile=options.profile
        )
    return record


#: Why a child that sent no value died, when it was not the memory limit.
CRASHED = "could not be read: the PDF library crashed on it (damaged file?)"


def _extract_bounded(path: Path, options: LoadOptions, sha: str | None) -> Record:
    """`_extract_fresh` in a forked child with a pool worker's bounds (memory limit, own
    process group, watchdog), killed at the time limit even inside a C call.

    Where fork does not exist (Windows) the report is read in this process, bounded by the
    SIGALRM time limit alone (which does not interrupt a long C call) and no memory limit.
    """
    if not can_fork():
        return _extract_fresh(path, options, sha)
    try:
        value = call_in_child(
            _fresh_value,
            (path, options, sha),
            seconds=options.timeout,
            memory_bytes=limits.WORKER_MEMORY_BYTES,
        )
    except ChildTimedOut:
        raise timeout_error(path, options.timeout or 0) from None
    except ChildDied as died:
        raise _died_error(path, died) from None
    absorb(value[-1])
    if value[0] == "ok":
        return value[1]
    _, cls, error_path, detail, cause, _ = value
    error = rebuild_error(cls, error_path, detail)
    raise error from cause


def _died_error(path: Path, died: ChildDied) -> AnnualcheckError:
    """A child that sent nothing: past the memory limit when it had used most of it (PDFium
    ends the process when an allocation is refused), else a crash in a C library."""
    limit = limits.WORKER_MEMORY_BYTES
    if limit and died.peak_rss_bytes >= limit // 2:
        return memory_error(path)
    return UnreadablePdfError(path, CRASHED)


def _fresh_value(path: Path, options: LoadOptions, sha: str | None) -> tuple[Any, ...]:
    """`_extract_fresh` as a value that pickles, for the child: ("ok", record, stages) or
    ("error", type, path, detail, cause, stages); the cause (for --debug) only when it
    pickles, with the child's traceback as a note."""
    with child_timer() as timer:
        try:
            record = _extract_fresh(path, options, sha)
        except AnnualcheckError as exc:
            cause = _portable_cause(exc.__cause__)
            return ("error", type(exc), exc.path, exc.detail, cause, stages_of(timer))
    return ("ok", record, stages_of(timer))


def _portable_cause(cause: BaseException | None) -> BaseException | None:
    """The exception behind an error, if it survives pickling, with its traceback text."""
    if cause is None:
        return None
    import pickle  # here, in the child that failed: a run that reads nothing never needs them
    import traceback

    trace = "".join(traceback.format_exception(cause)).rstrip()
    try:
        cause = pickle.loads(pickle.dumps(cause))
    except Exception:  # noqa: BLE001 - an exception that does not pickle is left out
        return None
    cause.add_note(f"(raised in the child process that read the report)\n{trace}")
    return cause


def load_one(path: str | Path, options: LoadOptions) -> Record:
    """One report: validate, then the cached record or a fresh extraction (in a child process).

    Raises AnnualcheckError (one line, naming the file) for every kind of bad input,
    including failures nobody foresaw.
    """
    return _load(Path(path), read_alone(options), extract=_extract_bounded)


def read_alone(options: LoadOptions) -> LoadOptions:
    """The options for a report read while no other is: its pages are read in one part a
    core (`--jobs`, else every core), up to MAX_PAGE_PARTS."""
    cores = options.jobs or os.cpu_count() or 1
    return replace(options, page_parts=max(1, min(cores, MAX_PAGE_PARTS)))


def _load(path: Path, options: LoadOptions, *, extract) -> Record:
    try:
        sha, record = _cached(path, options)
        record = record if record is not None else extract(path, options, sha)
        # a file name that is not UTF-8 must not make the JSON writer fail later
        record.source.file = printable_path(record.source.file)
        return record
    except Exception as exc:  # noqa: BLE001
        error = as_input_error(path, exc)
        if error is exc:
            raise
        raise error from exc


def _load_value(path: Path, options: LoadOptions) -> tuple[Any, ...]:
    """`load_one` for a worker process (which is bounded already, so extracts in itself):
    ("ok", record) or ("error", type, path, detail).

    Errors travel as plain values because our exception types do not pickle back with
    their path and detail, and a traceback is no use to the user anyway.
    """
    try:
        return ("ok", _load(Path(path), options, extract=_extract_fresh))
    except AnnualcheckError as exc:
        return ("error", type(exc), exc.path, exc.detail)


def _from_value(value: tuple[Any, ...]) -> Record | AnnualcheckError:
    if value[0] == "ok":
        return value[1]
    return rebuild_error(value[1], value[2], value[3])


# -- paths ----------------------------------------------------------------------------------


def expand_paths(paths: Sequence[str | Path]) -> tuple[list[Path], list[AnnualcheckError]]:
    """Files and folders to PDF files (a folder gives its *.pdf, sorted, not recursive).

    The same file named twice (directly and through its folder) is loaded once.
    """
    files: list[Path] = []
    errors: list[AnnualcheckError] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        try:
            candidates = _candidates(path)
        except OSError as exc:  # a name too long, a folder we may not list: that path only
            errors.append(UnreadablePdfError(path, f"cannot be read: {exc.strerror or exc}"))
            continue
        if candidates is None:
            errors.append(MissingPathError(path))
            continue
        if not candidates and path.is_dir():
            errors.append(NoPdfInFolderError(path))
        for candidate in candidates:
            try:
                key = candidate.resolve()
            except OSError:
                key = candidate
            if key not in seen:
                seen.add(key)
                files.append(candidate)
    return files, errors


def _candidates(path: Path) -> list[Path] | None:
    """The PDFs a path names: itself, or a folder's *.pdf; None when it does not exist.
    Raises OSError for a path that cannot even be looked at (ENAMETOOLONG, EACCES)."""
    try:
        path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            return None
        raise
    if path.is_dir():
        return sorted(
            (p for p in path.iterdir() if p.suffix.lower() == ".pdf" and p.is_file()),
            key=lambda p: p.name,
        )
    return [path]


# -- the batch ------------------------------------------------------------------------------


def _fresh_or_error(path: Path, options: LoadOptions, sha: str | None) -> Record | AnnualcheckError:
    try:
        return _extract_bounded(path, options, sha)
    except Exception as exc:  # noqa: BLE001
        return as_input_error(path, exc)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _iter_pool(
    files: list[Path], options: LoadOptions, jobs: int
) -> Iterator[tuple[Path, Record | AnnualcheckError]]:
    """Extract `files` in `jobs` processes, yielding each result as it completes.

    A worker that dies (a crash inside a C library) breaks the whole pool; the files it
    took down with it are retried one pool each, so only the file that really kills a
    process is reported.
    """
    # Imported here: a warm run (all cache hits) never starts a process, so never pays for it.
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    broken: list[Path] = []
    pool = _new_pool(jobs)
    try:
        # Largest first: the long reports start at once and the short ones fill the gaps,
        # which shortens the batch when there are more reports than processes.
        by_size = sorted(files, key=_size, reverse=True)
        futures = {pool.submit(_load_value, f, options): f for f in by_size}
        for future in as_completed(futures):
            path = futures[future]
            try:
                yield path, _from_value(future.result())
            except BrokenProcessPool:
                broken.append(path)
            except Exception as exc:  # noqa: BLE001 - e.g. a record that does not pickle
                yield path, as_input_error(path, exc)
    except BaseException:  # Ctrl-C, SIGTERM, the consumer gone: no worker outlives this
        kill_workers(pool)
        raise
    pool.shutdown(wait=True)
    for path in broken:
        pool = _new_pool(1)
        try:
            value = _from_value(pool.submit(_load_value, path, options).result())
        except BrokenProcessPool:
            value = UnreadablePdfError(path, CRASHED)
        except BaseException:
            kill_workers(pool)
            raise
        pool.shutdown(wait=True)
        yield path, value


def _new_pool(jobs: int):
    """A process pool whose workers have their own process group, a memory limit and a
    watchdog on this process (batch.limits)."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=jobs,
        initializer=init_worker,
        initargs=(os.getpid(), limits.WORKER_MEMORY_BYTES),
    )


def _iter_loaded(
    files: list[Path], options: LoadOptions
) -> Iterator[tuple[Path, Record | AnnualcheckError]]:
    """Each file's record or error, as they become ready: cache hits first, in this
    process; then the misses, in parallel processes when there are several and jobs allows."""
    misses: list[Path] = []
    shas: dict[Path, str | None] = {}
    for path in files:
        try:
            shas[path], record = _cached(path, options)
        except Exception as exc:  # noqa: BLE001
            yield path, as_input_error(path, exc)
            continue
        if record is not None:
            yield path, record
        else:
            misses.append(path)
    cores = options.jobs or os.cpu_count() or 1
    jobs = max(1, min(cores, len(misses)))
    if jobs == 1:
        alone = read_alone(options)  # one report at a time: its pages in parts, if cores allow
        for path in misses:
            yield path, _fresh_or_error(path, alone, shas.get(path))
    else:
        # two parts a report: as the batch ends and its last reports are read, the cores
        # their neighbours freed read half of their pages (more parts would crowd the CPUs
        # while the pool is full)
        yield from _iter_pool(misses, replace(options, page_parts=min(cores, 2)), jobs)


def load_all(files: list[Path], options: LoadOptions) -> list[Record | AnnualcheckError]:
    """Each file's record or error, in the order given, with a progress line if asked."""
    loaded = progress(
        _iter_loaded(files, options), "annualcheck: reading", len(files), enabled=options.progress
    )
    results = dict(loaded)
    return [results[path] for path in files]


def page_warnings(path: Path | str, record: Record) -> list[str]:
    """One line per page that could not be read (kept as an empty page), naming the file."""
    skipped = getattr(record.source, "skipped_pages", None) or []
    if not skipped:
        return []
    pages = ", ".join(str(p) for p in skipped[:20]) + (" …" if len(skipped) > 20 else "")
    word = "page" if len(skipped) == 1 else "pages"
    return [
        f"{printable_path(str(path))}: warning: {word} {pages} cannot be read (damaged, or "
        "from another document) and {verb} skipped; the record lacks {what}".format(
            verb="was" if len(skipped) == 1 else "were",
            what="its content" if len(skipped) == 1 else "their content",
        )
    ]


def year_gaps(years: Sequence[int]) -> list[int]:
    """Years missing between the first and the last (2019, 2021 -> [2020])."""
    present = sorted(set(years))
    if not present:
        return []
    return [y for y in range(present[0], present[-1] + 1) if y not in set(present)]


def load_series(paths: Sequence[str | Path], options: LoadOptions) -> SeriesResult:
    """PDFs and folders of PDFs -> records sorted by report year, plus every bad input.

    A second report of a year already loaded is reported (naming both files) and left
    out; the first one given is kept. Missing years become notes and `gaps`.
    """
    files, errors = expand_paths(paths)
    result = SeriesResult(errors=errors)
    first_of_year: dict[int, Path] = {}
    for path, loaded in zip(files, load_all(files, options), strict=True):
        if isinstance(loaded, AnnualcheckError):
            result.errors.append(loaded)
            continue
        year = loaded.report.report_year
        if year in first_of_year:
            result.errors.append(
                DuplicateYearError(
                    path,
                    f"a second report of {year}: {first_of_year[year]} is of the same year "
                    f"(kept {first_of_year[year]}, skipped this one)",
                )
            )
            continue
        first_of_year[year] = path
        result.records.append(loaded)
        result.notes.extend(page_warnings(path, loaded))
    if options.use_cache and cache.fallback_note:
        result.notes.append(cache.fallback_note)
    result.records.sort(key=lambda r: r.report.report_year)
    result.gaps = year_gaps([r.report.report_year for r in result.records])
    if result.gaps:
        missing = ", ".join(str(y) for y in result.gaps)
        result.notes.append(
            f"no report for {missing}; comparisons across the gap are not made "
            "(stated changes that refer to a missing year are reported as info)"
        )
    return result
