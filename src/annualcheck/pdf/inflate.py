"""A cap on what one page's content streams inflate to, measured without holding them.

Why: a flate bomb (a 1 MB PDF whose page content inflates to 1 GiB) passes the size limit
of the file, and PDFium and pdfminer each inflate it whole before reading a single
operator: 2.1 GB and 20-50 s for the 1 GiB bomb, ended by the memory limit only when it
is bigger still. Counting the inflated bytes of each page's content streams here costs one
streamed decompression (1 MiB at a time, stopped at the cap) and ~50 ms on a real report,
and refuses the bomb in about a second with a reason that names it; a page whose streams
are too small to reach the cap by any deflate ratio is not decompressed at all. The check is best
effort: a file pdfminer cannot parse, or a stream it cannot decode, is left to the readers
(still bounded by the memory and time limits of the process that reads the report).
"""

from __future__ import annotations

import base64
import mmap
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annualcheck.compiled_patterns import compiled
from annualcheck.model.errors import TooLargeError
from annualcheck.pdf.quiet import quiet_loggers

#: Most bytes one page's content streams may inflate to. A dense printed page draws ~10-300
#: KB of operators, a detailed vector map a few MB; beyond this a page is a decompression bomb.
MAX_CONTENT_BYTES_PER_PAGE = 256 * 1024**2
_CHUNK = 1 << 20
#: Deflate inflates at most ~1,032 times (a 258-byte match in a 2-bit code); ASCII filters
#: before it only shrink the data: a page whose streams are small cannot reach the cap.
MAX_DEFLATE_RATIO = 1100


def inflated_size(data: bytes, cap: int) -> int | None:
    """Bytes a zlib stream inflates to, counted a chunk at a time and stopped just past
    `cap` (then the count so far, which is over it); None when the data is not zlib."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        while data:
            total += len(inflater.decompress(data, _CHUNK))
            if total > cap:
                return total
            data = inflater.unconsumed_tail
    except zlib.error:
        return None
    return total


#: How far before a `stream` keyword its dictionary is looked for (a stream's dictionary is a
#: few hundred bytes; one further away is not read, and its stream counted at its worst).
_DICT_LOOKBACK = 4096
_LENGTH = compiled(rb"/Length\s+(\d+)(\s+\d+\s+R)?")
#: Filters of image data, which reading text never decodes.
_IMAGE_FILTERS = (b"/DCTDecode", b"/JPXDecode", b"/CCITTFaxDecode", b"/JBIG2Decode", b"/DCT")


def _is_image(dictionary: bytes) -> bool:
    return b"/Image" in dictionary or any(f in dictionary for f in _IMAGE_FILTERS)


def _worst(data: bytes, dictionary: bytes) -> int:
    """The most a stream could inflate to, from its size and filters alone."""
    if _is_image(dictionary):
        return 0
    return len(data) * MAX_DEFLATE_RATIO if b"/Filter" in dictionary else len(data)


def _stream_bound(data: bytes, dictionary: bytes, cap: int) -> int:
    """At least what one stream (raw bytes `data`, its `dictionary`) inflates to when read as
    content: its inflated size for Flate (after ASCII85, if wrapped); otherwise (encrypted,
    damaged, another filter) `_worst`."""
    worst = _worst(data, dictionary)
    if worst == len(data):  # an image, or no filter
        return worst
    if b"/ASCII85Decode" in dictionary or b"/A85" in dictionary:
        try:
            body = data.strip()
            data = base64.a85decode(body[:-2] if body.endswith(b"~>") else body, adobe=False)
        except ValueError:
            return worst
    if b"/FlateDecode" in dictionary or b"/Fl" in dictionary:
        size = inflated_size(data, cap)
        if size is not None:
            return size
    return worst


def _streams(data: Any) -> Iterator[tuple[int, int, bytes]]:
    """(start, end, dictionary) of every `stream ... endstream` in the bytes, in one pass."""
    at = data.find(b"stream")
    while at >= 0:
        head = data[at + 6 : at + 8]
        if data[max(0, at - 3) : at] != b"end" and head[:1] in (b"\r", b"\n"):
            start = at + 6 + (2 if head == b"\r\n" else 1)
            dictionary = data[max(0, at - _DICT_LOOKBACK) : at]
            dictionary = dictionary[dictionary.rfind(b"obj") + 1 :]
            length = _LENGTH.search(dictionary)  # direct; an indirect one is not followed
            if length and not length.group(2):
                end = start + int(length.group(1))
            else:
                end = data.find(b"endstream", start)
            end = len(data) if end < start else min(end, len(data))
            yield start, end, dictionary
            at = data.find(b"stream", end)
        else:
            at = data.find(b"stream", at + 6)


def file_content_bound(path: Path, cap: int) -> int:
    """An upper bound on what the content of any one page of the file inflates to: every
    stream of the file that is not an image, summed (a page's content is some of them).

    Found by scanning the bytes for `stream` keywords (no parser to import, linear in the
    file): first each stream's worst case from its size and filters; while their sum is over
    `cap`, the biggest are inflated (a chunk at a time) to their real size. A report is
    settled in a few milliseconds; a bomb, or a file too big to settle, is over the cap."""
    with open(path, "rb") as fh:
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            return 0
        with data:
            streams = [(_worst(data[a:b], d), a, b, d) for a, b, d in _streams(data)]
            total = sum(w for w, *_ in streams)
            streams.sort(key=lambda s: -s[0])
            for worst, a, b, dictionary in streams:
                if total <= cap or worst == 0:
                    break
                total -= worst - _stream_bound(data[a:b], dictionary, cap)
    return total


def _stream_size(stream, cap: int) -> int:
    """Inflated size of one content stream: deciphered, any ASCII filters decoded (they only
    shrink), the Flate filter counted; other filters or damage count as the raw size."""
    from pdfminer.psparser import LIT

    flate = {LIT("FlateDecode"), LIT("Fl")}
    data = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    filters = [name for name, _ in stream.get_filters()]
    if len(filters) == 2 and filters[1] in flate and filters[0] not in flate:
        from pdfminer.ascii85 import ascii85decode, asciihexdecode

        decoders = {LIT("ASCII85Decode"): ascii85decode, LIT("A85"): ascii85decode}
        decoders |= {LIT("ASCIIHexDecode"): asciihexdecode, LIT("AHx"): asciihexdecode}
        if filters[0] not in decoders:
            return len(data)
        data, filters = decoders[filters[0]](data), filters[1:]
    if filters and filters[0] in flate:
        size = inflated_size(data, cap)
        return len(data) if size is None else size
    return len(data)


def _size(count: int) -> str:
    return f"{count // 1024**2:,} MB" if count >= 1024**2 else f"{count:,} bytes"


def check_content_sizes(path: Path, password: str | None = None, cap: int | None = None) -> None:
    """Raise TooLargeError naming the first page whose content inflates past the cap.

    The file's bound comes first (`file_content_bound`): when all its content together is
    under the cap, so is every page's, and the parser that attributes streams to pages is
    never imported; a real report is settled that way in milliseconds."""
    cap = MAX_CONTENT_BYTES_PER_PAGE if cap is None else cap
    if file_content_bound(path, cap) <= cap:
        return
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import PDFStream, resolve1
    except ImportError:
        return
    with open(path, "rb") as fh, quiet_loggers(("pdfminer",)):
        try:
            document = PDFDocument(PDFParser(fh), password=password or "")
            pages = PDFPage.create_pages(document)
            for number, page in enumerate(pages, start=1):
                streams = [s for s in map(resolve1, page.contents) if isinstance(s, PDFStream)]
                if sum(len(s.rawdata or b"") for s in streams) * MAX_DEFLATE_RATIO <= cap:
                    continue  # cannot inflate past the cap: nothing to decompress
                total = 0
                for stream in streams:
                    total += _stream_size(stream, cap - total)
                    if total > cap:
                        raise TooLargeError(
                            path,
                            f"page {number}'s content inflates to more than {_size(cap)}, "
                            "the limit a page (a decompression bomb, not a report page)",
                        )
        except TooLargeError:
            raise
        except Exception:  # noqa: BLE001 - best effort: the readers report damage themselves
            return


__all__ = [
    "MAX_CONTENT_BYTES_PER_PAGE",
    "check_content_sizes",
    "file_content_bound",
    "inflated_size",
]
