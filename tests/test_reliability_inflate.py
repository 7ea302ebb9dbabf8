"""The per-page cap on inflated content (issue 13 item 2: "a cap on decompressed content ...
per page with a clear error"): a flate bomb is measured a chunk at a time, never held, and
refused naming its page; real reports pass, and their filter chains are decoded."""

from __future__ import annotations

import time
import tracemalloc
import zlib

import pytest

from annualcheck.model.errors import TooLargeError
from annualcheck.pdf.inflate import MAX_CONTENT_BYTES_PER_PAGE, check_content_sizes, inflated_size
from helpers.badpdfs import REPORT_2020, flate_bomb_pdf


def test_inflated_size_counts_and_stops_past_the_cap():
    data = zlib.compress(b"q Q\n" * 100_000)
    assert inflated_size(data, 10**9) == 400_000
    assert 1000 < inflated_size(data, 1000) <= 1000 + (1 << 20)
    assert inflated_size(b"not zlib at all", 10**9) is None


def test_a_flate_bomb_is_refused_naming_its_page_without_being_held(tmp_path):
    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf")  # 1 MB inflating to 1 GiB
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(TooLargeError, match="page 1's content inflates to more than 256 MB"):
            check_content_sizes(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 30
    assert peak < 64 * 1024**2  # chunks of 1 MiB, never the 256 MB reached


def test_a_bomb_under_the_cap_passes(tmp_path):
    pdf = flate_bomb_pdf(tmp_path / "small.pdf", inflated_bytes=4 * 1024**2)
    check_content_sizes(pdf)


def test_the_real_report_passes_and_its_filter_chain_is_decoded():
    """2020.pdf's pages are ASCII85 then Flate, each under 3 KB raw: far under the cap (not
    even decompressed); with a 4 KB cap the decoded text of a page is over it."""
    check_content_sizes(REPORT_2020)
    assert MAX_CONTENT_BYTES_PER_PAGE >= 64 * 1024**2
    with pytest.raises(
        TooLargeError, match=r"page \d+'s content inflates to more than 4,096 bytes"
    ):
        check_content_sizes(REPORT_2020, cap=4096)


def test_a_file_pdfminer_cannot_parse_is_left_to_the_readers(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    check_content_sizes(junk)


def test_what_pdfminer_repairs_is_not_printed(tmp_path, caplog):
    """A page without a MediaBox: pdfminer logs "MediaBox missing" on stderr, which would
    break the one line per bad input (found on the wild corpus)."""
    pdf = flate_bomb_pdf(tmp_path / "no-box.pdf", inflated_bytes=4096)
    data = pdf.read_bytes()
    box = b"/MediaBox [0 0 595 842] "
    pdf.write_bytes(data.replace(box, b" " * len(box)))  # same length: the xref still holds
    check_content_sizes(pdf, cap=8192)  # its 4 KB inflated (by the ratio it might exceed 8 KB)
    # without a handler of its own (the CLI), a warning record would go to stderr
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pdfminer")] == []
