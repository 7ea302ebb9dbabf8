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

import contextlib
import logging
import warnings
import zlib
from collections.abc import Iterator
from pathlib import Path

from annualcheck.model.errors import TooLargeError

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


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs what it repairs ("MediaBox missing …") on stderr, which would break the
    one line per bad input; the readers report the file's fate themselves."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _size(count: int) -> str:
    return f"{count // 1024**2:,} MB" if count >= 1024**2 else f"{count:,} bytes"


def check_content_sizes(path: Path, password: str | None = None, cap: int | None = None) -> None:
    """Raise TooLargeError naming the first page whose content inflates past the cap."""
    cap = MAX_CONTENT_BYTES_PER_PAGE if cap is None else cap
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import PDFStream, resolve1
    except ImportError:
        return
    with open(path, "rb") as fh, _quiet_pdfminer():
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


__all__ = ["MAX_CONTENT_BYTES_PER_PAGE", "check_content_sizes", "inflated_size"]
