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

from annualcheck import __version__
from annualcheck.model.errors import AnnualcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


# -- shared options -------------------------------------------------------------------------


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command that reads PDFs shares."""
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
        "--max-mb",
        type=click.FloatRange(0.001),
        default=200.0,
        show_default=True,
        help="Refuse PDFs larger than this many megabytes.",
    )(func)
    return func


def _fail(message: str) -> None:
    click.echo(f"annualcheck: {message}", err=True)


def guarded(func: Callable[..., int | None]) -> Callable[..., None]:
    """Turn our errors into one line and exit 2; anything else too, unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        ctx = click.get_current_context()
        debug = (ctx.find_root().params or {}).get("debug", False)
        try:
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
        password=kwargs.get("password"),
        use_cache=not kwargs.get("no_cache", False),
        jobs=kwargs.get("jobs"),
        max_pages=kwargs.get("max_pages", 2000),
        max_bytes=int(kwargs.get("max_mb", 200.0) * 1024 * 1024),
        progress=sys.stderr.isatty(),
        ocr=kwargs.get("ocr", False),
    )


def _findings(result: Any, options: Any) -> list:
    """The series' findings, from the cache when this series was checked before."""
    if options.use_cache:
        from annualcheck.batch.cache import run_checks_cached

        return run_checks_cached(result.records, result.gaps, options.cache_dir)
    from annualcheck.checks import run_checks

    return run_checks(result.records, gaps=result.gaps)


def _report_load_errors(result: Any) -> None:
    for error in result.errors:
        _fail(error.line())
    for note in result.notes:
        click.echo(f"annualcheck: note: {note}", err=True)


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
    "--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write here instead of stdout; with --format csv a folder gets one CSV per table too.",
)
@input_options
@guarded
def extract(report: Path, fmt: str, output: Path | None, **kwargs: Any) -> int:
    """Extract one report into its normalized record.

    \b
    Example:
        annualcheck extract reports/2020.pdf > 2020.json
        annualcheck extract reports/2020.pdf --format csv -o out/2020/
    """
    from annualcheck.batch.series import load_one
    from annualcheck.output.iosafe import check_writable
    from annualcheck.output.record import write_record

    if output is not None:
        check_writable(output, folder_ok=(fmt == "csv"))
    record = load_one(report, _load_options(kwargs))
    write_record(record, fmt, output)
    return EXIT_OK


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@input_options
@guarded
def check(paths: tuple[Path, ...], fmt: str, **kwargs: Any) -> int:
    """Check each report alone and each pair of consecutive years.

    Exit status 0 when no finding is an error, 1 when one is, 2 when an input was bad.

    \b
    Example:
        annualcheck check reports/
        annualcheck check reports/2019.pdf reports/2020.pdf --format json
    """
    from annualcheck.batch.series import load_series
    from annualcheck.model.findings import has_errors
    from annualcheck.render.findings import render_findings

    options = _load_options(kwargs)
    result = load_series(list(paths), options)
    _report_load_errors(result)
    findings = _findings(result, options)
    click.echo(render_findings(findings, result.records, fmt))
    if result.errors:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html", "json"]),
    default="text",
    show_default=True,
)
@input_options
@guarded
def diff(old: Path, new: Path, fmt: str, **kwargs: Any) -> int:
    """The change report between two years of the series.

    \b
    Example:
        annualcheck diff reports/2019.pdf reports/2020.pdf
        annualcheck diff reports/2020.pdf reports/2021.pdf --format html > change.html
    """
    from annualcheck.batch.series import load_series
    from annualcheck.diff.compare import diff_records
    from annualcheck.render.diff import render_diff

    result = load_series([old, new], _load_options(kwargs))
    if result.errors:
        _report_load_errors(result)
        return EXIT_BAD_INPUT
    if len(result.records) != 2:
        raise AnnualcheckError(None, "diff needs two reports of different years")
    older, newer = result.records
    click.echo(render_diff(diff_records(older, newer), fmt))
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
    from annualcheck.batch.series import load_series
    from annualcheck.output.iosafe import check_writable
    from annualcheck.output.site import write_site

    check_writable(outdir, folder_ok=True, folder_only=True)
    options = _load_options(kwargs)
    result = load_series(list(paths), options)
    _report_load_errors(result)
    if not result.records:
        return EXIT_BAD_INPUT
    findings = _findings(result, options)
    index = write_site(result.records, findings, outdir, notes=result.notes)
    click.echo(str(index))
    return EXIT_BAD_INPUT if result.errors else EXIT_OK


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="FILE.csv, FILE.parquet or FILE.sqlite",
)
@input_options
@guarded
def export(paths: tuple[Path, ...], output: Path, **kwargs: Any) -> int:
    """Every figure of every report as one tidy table (.csv, .parquet or .sqlite).

    \b
    Example:
        annualcheck export reports/ -o figures.csv
        annualcheck export reports/ -o figures.sqlite
    """
    from annualcheck.batch.series import load_series
    from annualcheck.output.export import EXPORT_FORMATS, export_figures
    from annualcheck.output.iosafe import check_writable

    if output.suffix.lower() not in EXPORT_FORMATS:
        raise AnnualcheckError(
            output, f"unknown export format {output.suffix!r}; use .csv, .parquet or .sqlite"
        )
    check_writable(output)
    result = load_series(list(paths), _load_options(kwargs))
    _report_load_errors(result)
    if not result.records:
        return EXIT_BAD_INPUT
    export_figures(result.records, output)
    click.echo(str(output))
    return EXIT_BAD_INPUT if result.errors else EXIT_OK


def main() -> None:
    cli(prog_name="annualcheck")


if __name__ == "__main__":
    main()
