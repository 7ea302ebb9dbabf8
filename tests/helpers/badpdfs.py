"""Build the bad inputs of the bad-input, series, fuzz and CLI tests, each in a few ms.

Why built, not committed: each file is the smallest thing that reproduces one kind of bad
input, and the code that makes it says what it is (a PNG renamed .pdf, a PDF of shapes
only) better than a binary in tests/fixtures would.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

from helpers.paths import ROOT

SOURCE_2020 = ROOT / "reports" / "src" / "2020.md"
REPORT_2020 = ROOT / "reports" / "2020.pdf"


def png_bytes(width: int = 4, height: int = 4) -> bytes:
    """A valid grey PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def text_pdf(path: Path, lines: list[str], encrypt: str | None = None) -> Path:
    """A one-page PDF with these lines of text (optionally with a user password)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    kwargs = {}
    if encrypt is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kwargs["encrypt"] = StandardEncryption(
            encrypt, ownerPassword=encrypt + "-owner", strength=128
        )
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, **kwargs)
    y = 800
    for line in lines:
        c.drawString(72, y, line)
        y -= 16
    c.showPage()
    c.save()
    return path


def shapes_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF of rectangles and lines only: what a scan without OCR looks like to a reader."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(pages):
        c.rect(72, 600 - 10 * n, 300, 120, fill=1)
        c.line(72, 500, 500, 400)
        c.circle(300, 300, 50)
        c.showPage()
    c.save()
    return path


def other_report_pdf(path: Path) -> Path:
    """A readable PDF of a different series (an annual report on something else)."""
    return text_pdf(
        path,
        [
            "Annual Report on Fisheries 2020",
            "Ministry of Agriculture, Forestry and Fisheries",
            "1 Overview",
            "The catch of sardines in 2019 was 556 thousand tonnes (34 thousand more than in 2018).",
            "2 Aquaculture",
            "Production of farmed oysters was 161 thousand tonnes.",
        ],
    )


def truncated_copy(src: Path, dst: Path, fraction: float = 0.5) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


def renderer():
    """testdata.render_reports's render_source (imported lazily: it loads reportlab)."""
    from testdata.render_reports import render_source

    return render_source


def without_section(text: str, number: str) -> str:
    """The source with level-1 section `number` (heading and body) removed."""
    out: list[str] = []
    skipping = False
    for line in text.splitlines():
        match = re.match(r"^# (\d+) ", line)
        if match:
            skipping = match.group(1) == number
        if not skipping:
            out.append(line)
    return "\n".join(out) + "\n"


def encrypted_render(text: str, path: Path, password: str) -> Path:
    """Render a source to a PDF protected by a user password.

    The renderer has no encryption option; reportlab's doc templates take `encrypt` from
    their default arguments, so it is set there for the duration of one render.
    """
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.platypus.doctemplate import BaseDocTemplate

    render_source = renderer()
    saved = BaseDocTemplate._initArgs.get("encrypt")
    BaseDocTemplate._initArgs["encrypt"] = StandardEncryption(
        password, ownerPassword=password + "-owner", strength=128
    )
    try:
        return render_source(text, path)
    finally:
        BaseDocTemplate._initArgs["encrypt"] = saved


def flate_bomb_pdf(
    path: Path, inflated_bytes: int = 1024**3, text: str = "report_year=2020"
) -> Path:
    """A valid one-page PDF of about 1 MB whose page content inflates to `inflated_bytes`:
    a line of text, then blanks (a decompression bomb, issue 13). Written by streaming zlib,
    so building it never holds more than one chunk of the inflated content."""
    stream = _inflating_to(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n".encode(), inflated_bytes)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def _inflating_to(head: bytes, inflated_bytes: int) -> bytes:
    """A zlib stream of `head` then blanks, `inflated_bytes` in all: one block of 1 MiB of
    blanks is deflated once (a full flush makes each block independent) and repeated, and
    the checksum is summed chunk by chunk, so this takes well under a second for 1 GiB."""
    chunk = b" " * (1 << 20)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = squeeze.compress(head) + squeeze.flush(zlib.Z_FULL_FLUSH)
    block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)
    count, rest = divmod(max(0, inflated_bytes - len(head)), len(chunk))
    tail = squeeze.compress(chunk[:rest]) + squeeze.flush()
    checksum = zlib.adler32(head)
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    checksum = zlib.adler32(chunk[:rest], checksum)
    return b"\x78\xda" + first + block * count + tail + struct.pack(">I", checksum)
