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


def test_the_file_bound_settles_a_real_report_without_the_parser():
    """The byte scan's bound of every report and rendering is under the cap (so pdfminer is
    never imported for them), and at least the real size of the content PDFium reads."""
    import subprocess
    import sys

    code = (
        "import sys; from annualcheck.pdf.inflate import check_content_sizes;"
        f"check_content_sizes({str(REPORT_2020)!r}); print('pdfminer' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_file_bound_counts_the_bomb_and_an_indirect_length(tmp_path):
    from annualcheck.pdf.inflate import file_content_bound

    bomb = flate_bomb_pdf(tmp_path / "bomb.pdf")
    assert file_content_bound(bomb, MAX_CONTENT_BYTES_PER_PAGE) > MAX_CONTENT_BYTES_PER_PAGE
    # the same bomb with its /Length made indirect: the stream is found by its endstream
    data = bomb.read_bytes()
    head = data.index(b"/Length")
    digits = data[head + 8 : data.index(b"/", head + 8)].strip().split(b">")[0].strip()
    indirect = b"/Length 99 0 R".ljust(len(b"/Length ") + len(digits))
    (tmp_path / "indirect.pdf").write_bytes(
        data[:head] + indirect + data[head + len(b"/Length ") + len(digits) :]
    )
    bound = file_content_bound(tmp_path / "indirect.pdf", MAX_CONTENT_BYTES_PER_PAGE)
    assert bound > MAX_CONTENT_BYTES_PER_PAGE


def test_an_image_stream_is_not_content(tmp_path):
    from annualcheck.pdf.inflate import file_content_bound

    image = zlib.compress(b"\0" * 8_000_000)
    pdf = tmp_path / "image.pdf"
    pdf.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image /Filter /FlateDecode /Length "
        + str(len(image)).encode()
        + b" >>\nstream\n"
        + image
        + b"\nendstream\nendobj\n%%EOF\n"
    )
    assert file_content_bound(pdf, 1000) == 0
    pdf.write_bytes(pdf.read_bytes().replace(b"/Subtype /Image", b"/Subtype /Form "))
    assert file_content_bound(pdf, 1000) > 1000  # as a form it is content, over the cap
    assert 8_000_000 <= file_content_bound(pdf, 10**9) <= len(image) * 1100  # an upper bound
