"""The command line: thin click commands over the library (after sqlite-utils).

Data goes to stdout, diagnostics to stderr. Bad input is one line on stderr naming the file
and the reason, exit status 2, and no traceback unless --debug. Heavy imports (pandas,
matplotlib, pdfplumber) happen inside the commands that need them.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from annualcheck.model.errors import AnnualcheckError
from annualcheck.model.timings import collecting, stage, wanted
from annualcheck.version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


# -- shared options -------------------------------------------------------------------------


def _resolve_profile(ctx: click.Context, param: click.Parameter, name: str) -> Any:
    """`--profile NAME` to the registered profile, once; an unknown name is one line on
    stderr that lists the known names, and exit status 2."""
    from annualcheck.profiles import UnknownProfileError, get_profile

    try:
        return get_profile(name)
    except UnknownProfileError as exc:
        _fail(f"--profile: {exc}")
        ctx.exit(EXIT_BAD_INPUT)


def profile_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--profile NAME`: the report series the inputs belong to (resolved to a `Profile`)."""
    from annualcheck.profiles import DEFAULT_PROFILE

    return click.option(
        "--profile",
        "profile",
        default=DEFAULT_PROFILE,
        show_default=True,
        metavar="NAME",
        callback=_resolve_profile,
        help="The report series the inputs belong to.",
    )(func)


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command that reads PDFs shares."""
    func = profile_option(func)
    func = click.option(
        "--password", default=None, help="Password of an encrypted PDF (applies to every input)."
    )(func)
    func = click.option(
        "--no-cache", is_flag=True, help="Do not read or write the cache of extracted records."
    )(func)
    func = click.option(
        "--ocr",
        is_flag=True,
        help="Read a scan (a PDF with no text layer) by OCR with OCRmyPDF and tesseract "
        "(pip install 'annualcheck[ocr]'); the OCR'd copy is cached.",
    )(func)
    func = click.option(
        "--jobs",
        type=click.IntRange(1, 64),
        default=None,
        help="Processes to extract reports in parallel (default: number of CPUs).",
    )(func)
    func = click.option(
        "--max-pages",
        type=click.IntRange(1),
        default=2000,
        show_default=True,
        help="Refuse PDFs with more pages than this.",
    )(func)
    func = click.option(
        "--timeout",
        type=click.FloatRange(0),
        default=300.0,
        show_default=True,
        metavar="SECONDS",
        help="Stop reading a report after this many seconds (0: no limit).",
    )(func)
    func = click.option(
        "--max-mb",
        type=click.FloatRange(0.001),
        default=200.0,
        show_default=True,
        help="Refuse PDFs larger than this many megabytes.",
    )(func)
    return func


def for_terminal(text: str, fmt: str) -> str:
    """Output with control characters shown as escapes (\\x1b), so no text of a PDF can
    drive the terminal (JSON escapes them itself)."""
    if fmt == "json":
        return text
    from annualcheck.model.safety import escape_controls

    return escape_controls(text)


def _fail(message: str) -> None:
    click.echo(f"annualcheck: {message}", err=True)


def guarded(func: Callable[..., int | None]) -> Callable[..., None]:
    """Turn our errors into one line and exit 2; anything else too, unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        from annualcheck.batch.limits import terminate_as_interrupt

        ctx = click.get_current_context()
        debug = (ctx.find_root().params or {}).get("debug", False)
        try:
            with terminate_as_interrupt(), collecting(wanted(), title=ctx.info_name or ""):
                code = func(*args, **kwargs)
        except AnnualcheckError as exc:
            if debug:
                raise
            _fail(exc.line())
            ctx.exit(EXIT_BAD_INPUT)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            _fail("interrupted")
            ctx.exit(130)
        except Exception as exc:  # a bug or an input we did not foresee: still one line
            if debug:
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
            ctx.exit(EXIT_BAD_INPUT)
        ctx.exit(code or EXIT_OK)

    return wrapper


def _load_options(kwargs: dict[str, Any]) -> Any:
    from annualcheck.batch.series import LoadOptions

    return LoadOptions(
        profile=kwargs["profile"],
        password=kwargs.get("password"),
        use_cache=not kwargs.get("no_cache", False),
        jobs=kwargs.get("jobs"),
        max_pages=kwargs.get("max_pages", 2000),
        max_bytes=int(kwargs.get("max_mb", 200.0) * 1024 * 1024),
        progress=sys.stderr.isatty(),
        timeout=kwargs.get("timeout", 300.0) or None,
        ocr=kwargs.get("ocr", False),
    )


def _findings(result: Any, options: Any) -> list:
    """The series' findings, from the cache when this series was checked before."""
    if options.use_cache:
        from annualcheck.batch.cache import run_checks_cached

        return run_checks_cached(
            result.records, result.gaps, options.cache_dir, profile=options.profile
        )
    from annualcheck.checks import run_checks

    return run_checks(result.records, gaps=result.gaps, profile=options.profile)


def _report_load_errors(result: Any) -> None:
    for error in result.errors:
        _fail(error.line())
    for note in result.notes:
        click.echo(f"annualcheck: note: {note}", err=True)


def output_option(what: str) -> Callable[..., Any]:
    """`-o/--output PATH`: every command can write its result to a file instead of stdout."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        default=None,
        help=f"Write the {what} here instead of stdout; '-' is stdout.",
    )


#: File extensions and the format each one means, per kind of result.
FINDINGS_SUFFIXES = {".txt": "text", ".json": "json", ".md": "markdown", ".markdown": "markdown"}
DIFF_SUFFIXES = {".txt": "text", ".json": "json", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}  # fmt: skip
RECORD_SUFFIXES = {".json": "json", ".csv": "csv"}


def resolve_format(
    fmt: str | None, output: Path | None, suffixes: dict[str, str], default: str
) -> str:
    """The output format: --format if given, else the -o file's extension, else `default`.

    Why an error when both are given and disagree: `-o x.csv --format json` writing JSON into
    a file named .csv is a silent surprise for whoever opens the file next."""
    from_ext = None
    if output is not None and str(output) != "-":
        from_ext = suffixes.get(output.suffix.lower())
    if fmt is not None and from_ext is not None and fmt != from_ext:
        raise AnnualcheckError(
            output, f"--format {fmt} disagrees with the extension {output.suffix!r} ({from_ext})"
        )
    return fmt or from_ext or default


def check_output(output: Path | None, **kwargs: Any) -> None:
    """Refuse an unwritable -o path before any report is read (stdout needs no check)."""
    if output is not None and str(output) != "-":
        from annualcheck.output.iosafe import check_writable

        check_writable(output, **kwargs)


def _trials_if_any(records: list, profile: Any) -> Any:
    """The trial histories of the series, or None for a series whose profile reads no trial
    table (it gets no Trials page and no trials tables)."""
    if not any(kind.kind == "trial" for kind in profile.tables.kinds):
        return None
    from annualcheck.trials import build_trials

    return build_trials(records, profile=profile)


def emit(text: str, output: Path | None) -> None:
    """The result to stdout, or atomically to the -o file ('-' is stdout)."""
    if output is None or str(output) == "-":
        click.echo(text)
        return
    from annualcheck.output.iosafe import atomic_write_text

    atomic_write_text(output, text if text.endswith("\n") else text + "\n")


def file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's content (how `diff` tells which input became which record)."""
    import hashlib

    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def fails(findings: list, fail_on: str) -> bool:
    """Whether `findings` make `check` exit 1 under --fail-on."""
    if fail_on == "never":
        return False
    worst = {"error": ("error",), "warning": ("error", "warning")}[fail_on]
    return any(f.severity in worst for f in findings)


# -- the group ------------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annualcheck")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def cli(debug: bool) -> None:
    """Read a series of yearly report PDFs, show what changed, flag what does not add up.

    \b
    Example:
        annualcheck check reports/
        annualcheck report reports/ -o site/
    """


@cli.command()
@click.argument("report", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv"]),
    default=None,
    help="Output format (default: from the -o extension, else json).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write here instead of stdout (- is stdout); with --format csv a folder gets one CSV "
    "per table too.",
)
@input_options
@guarded
def extract(report: Path, fmt: str | None, output: Path | None, **kwargs: Any) -> int:
    """Extract one report into its normalized record.

    \b
    Example:
        annualcheck extract reports/2020.pdf > 2020.json
        annualcheck extract reports/2020.pdf --format csv -o out/2020/
    """
    from annualcheck.batch.series import load_one
    from annualcheck.output.iosafe import check_writable
    from annualcheck.output.record import write_record

    fmt = resolve_format(fmt, output, RECORD_SUFFIXES, default="json")
    if output is not None and str(output) == "-":
        output = None
    if output is not None:
        check_writable(output, folder_ok=(fmt == "csv"), inputs=[report])
    from annualcheck.batch.series import page_warnings

    record = load_one(report, _load_options(kwargs))
    for warning in page_warnings(report, record):
        click.echo(f"annualcheck: {warning}", err=True)
    with stage("render"):
        write_record(record, fmt, output, profile=kwargs["profile"])
    return EXIT_OK


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default=None,
    help="Output format (default: from the -o extension, else text).",
)
@click.option(
    "--min-severity",
    type=click.Choice(["info", "warning", "error"]),
    default="info",
    show_default=True,
    help="Show only findings of this severity or worse (the summary counts all).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding of this severity or worse is found; never: exit 0.",
)
@output_option("findings (.txt, .json, .md)")
@input_options
@guarded
def check(
    paths: tuple[Path, ...],
    fmt: str | None,
    min_severity: str,
    fail_on: str,
    output: Path | None,
    **kwargs: Any,
) -> int:
    """Check each report alone and each pair of consecutive years.

    Errors come first, then warnings, then info; a line of counts stands at the top and the
    bottom. Exit status 0 when no finding reaches --fail-on (default: error), 1 when one
    does, 2 when an input was bad.

    \b
    Example:
        annualcheck check reports/
        annualcheck check reports/ --min-severity warning --fail-on warning
        annualcheck check reports/2019.pdf reports/2020.pdf --format json -o findings.json
    """
    from annualcheck.batch.series import load_series
    from annualcheck.render.findings import render_findings

    fmt = resolve_format(fmt, output, FINDINGS_SUFFIXES, default="text")
    check_output(output, inputs=paths)
    options = _load_options(kwargs)
    with stage("load"):
        result = load_series(list(paths), options)
    _report_load_errors(result)
    if not result.records:
        return EXIT_BAD_INPUT  # no result: nothing on stdout, the reasons are on stderr
    findings = _findings(result, options)
    with stage("render"):
        text = render_findings(findings, result.records, fmt, min_severity=min_severity)
        emit(for_terminal(text, fmt), output)
    if result.errors:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if fails(findings, fail_on) else EXIT_OK


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html", "json"]),
    default=None,
    help="Output format (default: from the -o extension, else text).",
)
@output_option("change report (.txt, .md, .html, .json)")
@input_options
@guarded
def diff(old: Path, new: Path, fmt: str | None, output: Path | None, **kwargs: Any) -> int:
    """The change report between two years of the series.

    The older report is the one of the earlier year, read from the content; given the other
    way round, the two are swapped and a note on stderr says so.

    \b
    Example:
        annualcheck diff reports/2019.pdf reports/2020.pdf
        annualcheck diff reports/2020.pdf reports/2021.pdf -o change.html
    """
    from annualcheck.batch.series import load_series
    from annualcheck.diff.compare import diff_records
    from annualcheck.render.diff import render_diff

    fmt = resolve_format(fmt, output, DIFF_SUFFIXES, default="text")
    check_output(output, inputs=(old, new))
    with stage("load"):
        result = load_series([old, new], _load_options(kwargs))
    if result.errors:
        _report_load_errors(result)
        return EXIT_BAD_INPUT
    if len(result.records) != 2:
        raise AnnualcheckError(None, "diff needs two reports of different years")
    older, newer = result.records
    if older.source.sha256 != newer.source.sha256 and file_sha256(new) == older.source.sha256:
        click.echo(
            f"annualcheck: note: {new} (report {older.report.report_year}) is the older report; "
            f"comparing it with {old} (report {newer.report.report_year})",
            err=True,
        )
    change = diff_records(older, newer, profile=kwargs["profile"])
    with stage("render"):
        emit(for_terminal(render_diff(change, fmt), fmt), output)
    return EXIT_OK


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path))
@input_options
@guarded
def report(paths: tuple[Path, ...], outdir: Path, **kwargs: Any) -> int:
    """Write the whole series as a static HTML site (OUTDIR/index.html).

    \b
    Example:
        annualcheck report reports/ -o site/
    """
    from annualcheck.batch.series import expand_paths, load_series
    from annualcheck.output.iosafe import check_writable
    from annualcheck.output.site import write_site

    check_writable(outdir, folder_ok=True, folder_only=True, inputs=paths)
    options = _load_options(kwargs)
    with stage("load"):
        result = load_series(list(paths), options)
    _report_load_errors(result)
    if not result.records:
        return EXIT_BAD_INPUT
    findings = _findings(result, options)
    files, _ = expand_paths(list(paths))
    pdfs = {path.name: path for path in reversed(files)}  # the first of a name wins, as in load
    with stage("render"):
        index = write_site(
            result.records,
            findings,
            outdir,
            notes=result.notes,
            profile=options.profile,
            trials=_trials_if_any(result.records, options.profile),
            pdfs=pdfs,
        )
    click.echo(str(index))
    return EXIT_BAD_INPUT if result.errors else EXIT_OK


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "target",
    required=True,
    type=click.Path(),
    help="FILE.csv, FILE.parquet, FILE.sqlite or FILE.db; FOLDER/ for a data package; - for CSV on stdout",
)
@input_options
@guarded
def export(paths: tuple[Path, ...], target: str, **kwargs: Any) -> int:
    """Every figure of every report as one tidy table (.csv, .parquet), all tables in SQLite
    (.sqlite or .db: reports, figures, findings, table_rows), or a Frictionless Data Package
    (a folder: one CSV per table and datapackage.json).

    SQLite also gets the trial tables' rows and the trial histories (`trials`, one row a
    person; `trial_events`, one row a step); `annualcheck trials --format csv -o DIR/`
    writes the same as CSV.

    \b
    Example:
        annualcheck export reports/ -o figures.csv
        annualcheck export reports/ -o series.sqlite
        annualcheck export reports/ -o package/
        annualcheck export reports/ -o - | head
    """
    from annualcheck.batch.series import load_series
    from annualcheck.output.export import (
        EXPORT_FORMATS,
        export_series,
        figures_csv,
        is_folder_target,
    )
    from annualcheck.output.iosafe import check_writable

    output = Path(target)  # the text as given: "out/" (a folder) loses its slash in a Path
    to_stdout = target == "-"
    folder = not to_stdout and is_folder_target(target)
    if not (to_stdout or folder) and output.suffix.lower() not in EXPORT_FORMATS:
        raise AnnualcheckError(
            output,
            f"unknown export format {output.suffix!r}; use .csv, .parquet, .sqlite, .db, "
            "a folder/ or -",
        )
    if folder:
        check_writable(output.parent if not output.exists() else output, folder_ok=True)
    elif not to_stdout:
        check_writable(output, inputs=paths)
    options = _load_options(kwargs)
    with stage("load"):
        result = load_series(list(paths), options)
    _report_load_errors(result)
    if not result.records:
        return EXIT_BAD_INPUT
    labels = dict(options.profile.diff.labels)
    if to_stdout:
        click.echo(figures_csv(result.records, labels), nl=False)
    else:
        findings = _findings(result, options)
        trials = _trials_if_any(result.records, options.profile)
        with stage("render"):
            written = export_series(result.records, target, findings, labels, trials=trials)
        click.echo(str(written))
    return EXIT_BAD_INPUT if result.errors else EXIT_OK


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv", "markdown"]),
    default="text",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write here instead of stdout; with --format csv a folder gets trials.csv, "
    "trial_events.csv and trial_sentencing.csv.",
)
@input_options
@guarded
def trials(paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any) -> int:
    """Every person tried followed to a verdict, and how each report's persons were
    sentenced (prison, suspended, fine only, acquitted, pending).

    \b
    Example:
        annualcheck trials reports/
        annualcheck trials reports/ --format json -o trials.json
        annualcheck trials reports/ --format csv -o trials/
    """
    from annualcheck.batch.series import load_series
    from annualcheck.output.iosafe import check_writable
    from annualcheck.output.trials import write_trials
    from annualcheck.trials import build_trials

    if output is not None:
        check_writable(output, folder_ok=(fmt == "csv"))
    options = _load_options(kwargs)
    result = load_series(list(paths), options)
    _report_load_errors(result)
    if not result.records:
        return EXIT_BAD_INPUT
    write_trials(build_trials(result.records, profile=options.profile), fmt, output)
    return EXIT_BAD_INPUT if result.errors else EXIT_OK


def main() -> None:
    """The console script (and `python -m annualcheck.cli`): the command, then the end of the
    process without the interpreter's teardown.

    Why: after the command has written its output, Python's teardown (every module and
    object freed one by one) took 25-30 ms of a 0.4 s `extract`, for memory the system frees
    at once. The end is an exit handler registered here, before the command runs: exit
    handlers run last-registered first, so every handler the command's libraries register
    (temporary files, process pools, logging) runs before it, and the threads have been
    joined before any handler runs. It flushes stdout and stderr and ends the process with
    the command's status; where it cannot (no status known: an exception escaped; a flush
    failed, for example on a closed pipe) it returns, and the teardown runs as before.
    `CliRunner` tests call `cli` itself, which this leaves alone.
    """
    import atexit

    status: list[int] = []
    atexit.register(_end_without_teardown, status)
    try:
        cli(prog_name="annualcheck")
    except SystemExit as exc:
        status.append(_exit_status(exc.code))
        raise


def _exit_status(code: object) -> int:
    """The process status `sys.exit(code)` gives: None 0, an int (bools too) itself as the
    system keeps it (its low byte), anything else 1 (Python has printed it to stderr)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    return 1


def _end_without_teardown(status: list[int]) -> None:
    if not status:
        return
    import os

    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return  # the teardown reports or pacifies it, as it always did
    os._exit(status[0])


if __name__ == "__main__":
    main()
