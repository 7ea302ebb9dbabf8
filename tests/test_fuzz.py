"""Corrupted reports: whatever happens to the bytes, the tool answers with a record or one
of its own errors (one line, naming the file), never with another exception.

Seeded, so a failure is reproducible: the seed names the mutation. The cheap stage (byte
checks and pdfium open, a few ms) runs for hundreds of seeds on the whole report; full
extraction runs for twenty seeds on an excerpt of the report (its first pages, which hold
the title, the contents and section 2), to keep the suite fast.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from annualcheck.batch.series import LoadOptions, load_one, load_series
from annualcheck.model.errors import AnnualcheckError
from annualcheck.model.record import Record
from annualcheck.pdf.validate import validate_pdf
from annualcheck.profiles import get_profile
from helpers.badpdfs import REPORT_2020

PROFILE = get_profile("jp-tip")

CHEAP_SEEDS = range(300)
FULL_SEEDS = range(20)
EXCERPT_PAGES = 15


def mutate(data: bytes, seed: int) -> bytes:
    """One of five corruptions, chosen and placed by `seed`."""
    rng = random.Random(seed)
    out = bytearray(data)
    n = len(out)
    kind = seed % 5
    if kind == 0:  # flip bytes
        for _ in range(rng.randint(1, 50)):
            out[rng.randrange(n)] ^= rng.randint(1, 255)
    elif kind == 1:  # truncate
        del out[rng.randrange(1, n) :]
    elif kind == 2:  # duplicate a range in place
        start = rng.randrange(n)
        chunk = out[start : start + rng.randint(1, 4096)]
        at = rng.randrange(n)
        out[at:at] = chunk
    elif kind == 3:  # zero a range
        start = rng.randrange(n)
        length = rng.randint(1, 8192)
        out[start : start + length] = bytes(len(out[start : start + length]))
    else:  # cut a range out of the middle, keep the tail (so %%EOF survives)
        start = rng.randrange(n // 2)
        del out[start : start + rng.randint(1, n // 4)]
    return bytes(out)


@pytest.fixture(scope="module")
def report_bytes() -> bytes:
    return REPORT_2020.read_bytes()


@pytest.fixture(scope="module")
def excerpt_bytes(tmp_path_factory) -> bytes:
    """The first pages of the real report as a PDF of their own (pdfium copies them)."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(REPORT_2020))
    new = pdfium.PdfDocument.new()
    new.import_pages(src, list(range(min(EXCERPT_PAGES, len(src)))))
    path = tmp_path_factory.mktemp("excerpt") / "excerpt.pdf"
    new.save(str(path))
    new.close()
    src.close()
    return path.read_bytes()


def assert_one_of_ours(error: BaseException, path: Path) -> None:
    assert isinstance(error, AnnualcheckError), f"{type(error).__name__}: {error}"
    line = error.line()
    assert "\n" not in line and str(path) in line


def test_mutations_change_the_bytes(report_bytes):
    assert all(mutate(report_bytes, seed) != report_bytes for seed in range(50))


def test_cheap_stage_raises_only_our_errors(report_bytes, tmp_path):
    """validate_pdf (bytes, pdfium open, page count, text layer) on 300 corruptions."""
    outcomes: dict[str, int] = {}
    for seed in CHEAP_SEEDS:
        path = tmp_path / f"seed-{seed}.pdf"
        path.write_bytes(mutate(report_bytes, seed))
        try:
            validate_pdf(path, max_bytes=200 << 20, max_pages=2000)
            outcome = "ok"
        except Exception as exc:  # noqa: BLE001 - the assertion is on its type
            assert_one_of_ours(exc, path)
            outcome = type(exc).__name__
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        path.unlink()
    # The corruptions must reach both sides: some files refused, some passed on.
    assert outcomes.get("ok", 0) > 0 and sum(outcomes.values()) - outcomes.get("ok", 0) > 0


@pytest.mark.slow
def test_full_extraction_gives_record_or_our_error(excerpt_bytes, tmp_path):
    """Twenty corruptions through the whole pipeline, two processes at a time: each file
    ends as a record or as one of our errors naming it, and no worker takes others down."""
    paths = []
    for seed in FULL_SEEDS:
        path = tmp_path / f"seed-{seed:02d}.pdf"
        path.write_bytes(mutate(excerpt_bytes, seed))
        paths.append(path)
    result = load_series(paths, LoadOptions(use_cache=False, jobs=2, profile=PROFILE))
    for error in result.errors:
        assert_one_of_ours(error, Path(error.path))
    named = {Path(e.path).name for e in result.errors}
    named |= {Path(r.source.file).name for r in result.records}
    assert named == {p.name for p in paths}
    assert result.records, "no mutant got through to extraction"


def test_load_one_raises_only_our_errors(excerpt_bytes, tmp_path):
    """load_one itself (not the batch) on mutants the cheap checks refuse or pass."""
    options = LoadOptions(use_cache=False, jobs=1, profile=PROFILE)
    for seed in (1, 6, 11):  # truncations: refused before extraction
        path = tmp_path / f"seed-{seed}.pdf"
        path.write_bytes(mutate(excerpt_bytes, seed))
        with pytest.raises(AnnualcheckError) as info:
            load_one(path, options)
        assert_one_of_ours(info.value, path)
    path = tmp_path / "intact.pdf"
    path.write_bytes(excerpt_bytes)
    assert isinstance(load_one(path, options), Record)
