"""annualcheck: read a series of yearly report PDFs, diff consecutive years, flag numbers
that do not add up. See README.md and docs/CONTRACT.md.

The Python entry point is `annualcheck.load(paths)` (defined in `annualcheck.api`)."""

from annualcheck.version import __version__


def load(paths, *, profile=None, ocr=False, **options):
    """`annualcheck.api.load`: PDFs and folders of PDFs -> a `Series` (imported on first
    use, so that `import annualcheck` stays as light as the CLI's start)."""
    from annualcheck.api import load as _load

    return _load(paths, profile=profile, ocr=ocr, **options)


__all__ = ["__version__", "load"]
