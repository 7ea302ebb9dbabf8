"""Cheap checks of one input file before extraction, each giving the right one-line reason.

Why a separate stage: the extractor can fail in many ways deep inside pdfplumber on a file
that is not a PDF at all, is cut short, or is a scan; those failures name the symptom
(a KeyError in an xref table), not the cause. These checks look at bytes and at what
pypdfium2 (fast, C) says, in order from cheapest to dearest, and stop at the first problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annualcheck.model.errors import (
    EmptyFileError,
    EncryptedPdfError,
    MissingPathError,
    NoTextLayerError,
    NotPdfError,
    TooLargeError,
    TruncatedPdfError,
    UnreadablePdfError,
    WrongPasswordError,
)
from annualcheck.pdf.inflate import check_content_sizes

#: Where the "%PDF-" header may stand (the spec allows leading junk; readers accept 1 KiB).
HEADER_WINDOW = 1024
#: Where the last "%%EOF" must stand (Acrobat accepts it within the last 1 KiB; be lenient).
EOF_WINDOW = 4096
#: Pages sampled for a text layer: all of them (the search stops at the first page with text,
#: so a real report costs one page; 30 blank pages before a report must not hide its text).
TEXT_SAMPLE_PAGES: int | None = None

#: Signatures of formats people rename to .pdf by mistake, for a better reason.
MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (a Word or Excel file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"<!DOCTYPE html", "an HTML page"),
    (b"<html", "an HTML page"),
    (b"{", "JSON or text"),
]


@dataclass
class FileFacts:
    """What the pre-checks learnt about a file that passed them."""

    path: Path
    size: int
    pages: int | None = None  # None when only the byte checks ran
    encrypted: bool = False  # opened only with a password (or an owner-only protection)


def special_file_kind(path: Path) -> str | None:
    """ "a FIFO", "a device", "a socket" for what is not a regular file (None for a file)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def describe_not_pdf(head: bytes) -> str:
    """A reason for a file without a %PDF- header that names what it looks like instead."""
    for magic, what in MAGIC:
        if head.lstrip().lower().startswith(magic.lower()):
            return f"not a PDF file (looks like {what})"
    sample = head[:512]
    if sample and all(b in b"\t\n\r\f" or 32 <= b < 127 or b >= 128 for b in sample):
        try:
            sample.decode("utf-8")
            return "not a PDF file (looks like plain text)"
        except UnicodeDecodeError:
            pass
    return "not a PDF file (no %PDF- header)"


def check_bytes(path: str | Path, max_bytes: int | None = None) -> FileFacts:
    """Existence, emptiness, size limit, %PDF- header and %%EOF trailer: no parsing."""
    path = Path(path)
    if not path.exists():
        raise MissingPathError(path)
    if path.is_dir():
        raise NotPdfError(path, "is a folder, not a PDF file")
    kind = special_file_kind(path)
    if kind:
        # checked before opening: opening a FIFO blocks until someone writes to it
        raise NotPdfError(path, f"is {kind}, not a PDF file")
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(HEADER_WINDOW)
            fh.seek(max(0, size - EOF_WINDOW))
            tail = fh.read(EOF_WINDOW)
    except OSError as exc:
        raise UnreadablePdfError(path, f"cannot be opened: {exc.strerror or exc}") from exc
    if size == 0:
        raise EmptyFileError(path)
    if max_bytes is not None and size > max_bytes:
        raise TooLargeError(
            path,
            f"file is {size / 1048576:.1f} MB, over the limit of {max_bytes / 1048576:.1f} MB "
            "(raise it with --max-mb)",
        )
    if b"%PDF-" not in head:
        raise NotPdfError(path, describe_not_pdf(head))
    if b"%%EOF" not in tail:
        raise TruncatedPdfError(path, "PDF is truncated (no %%EOF at the end of the file)")
    return FileFacts(path=path, size=size)


def _open_error(path: Path, exc: Exception, password: str | None) -> Exception:
    """Map pypdfium2's load error code to our error types."""
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return WrongPasswordError(path) if password else EncryptedPdfError(path)
    if code == raw.FPDF_ERR_SECURITY:
        return EncryptedPdfError(path, "PDF uses an unsupported security handler")
    if code == raw.FPDF_ERR_FORMAT:
        return TruncatedPdfError(path, "PDF is damaged and cannot be opened")
    if code == raw.FPDF_ERR_FILE:
        return UnreadablePdfError(path, "cannot be opened")
    return TruncatedPdfError(path, f"PDF is damaged and cannot be opened ({exc})")


def check_document(
    facts: FileFacts, password: str | None = None, max_pages: int | None = None
) -> FileFacts:
    """Open with pypdfium2: encryption and password, page count and limit, what each page's
    content inflates to (pdf.inflate), text layer."""
    import pypdfium2 as pdfium

    path = facts.path
    try:
        doc = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        raise _open_error(path, exc, password) from exc
    try:
        import pypdfium2.raw as raw

        facts.encrypted = raw.FPDF_GetSecurityHandlerRevision(doc.raw) != -1
        pages = len(doc)
        if pages == 0:
            raise TruncatedPdfError(path, "PDF has no pages")
        if max_pages is not None and pages > max_pages:
            raise TooLargeError(
                path,
                f"PDF has {pages} pages, over the limit of {max_pages} (raise it with --max-pages)",
            )
        # before any page is loaded: PDFium inflates a page's content whole to load it
        check_content_sizes(path, password)
        sample = pages if TEXT_SAMPLE_PAGES is None else min(pages, TEXT_SAMPLE_PAGES)
        if not _has_text(doc, path, sample):
            raise NoTextLayerError(
                path, "PDF has no text layer (scanned? run OCR on it first, e.g. ocrmypdf)"
            )
    finally:
        doc.close()
    facts.pages = pages
    return facts


def _has_text(doc, path: Path, sample: int) -> bool:
    """True when one of the first `sample` pages has a printable character.

    A page pdfium cannot load is passed over here (the reader skips it with a warning);
    a file none of whose pages can be read is damaged; a page of more objects than any
    report holds is refused (TooLargeError), before PDFium builds its text.
    """
    import pypdfium2 as pdfium

    from annualcheck.pdf.document import check_page_objects

    readable = 0
    for index in range(sample):
        try:
            page = doc[index]
        except pdfium.PdfiumError:
            continue
        try:
            check_page_objects(page, index + 1)  # a content bomb: refused before its text
            textpage = page.get_textpage()
            try:
                readable += 1
                if textpage.get_text_range().strip():
                    return True
            finally:
                textpage.close()
        except pdfium.PdfiumError:
            continue
        finally:
            page.close()
    if sample and not readable:
        raise TruncatedPdfError(path, "PDF is damaged: none of its pages can be read")
    return False


def validate_pdf(
    path: str | Path,
    password: str | None = None,
    max_bytes: int | None = None,
    max_pages: int | None = None,
) -> FileFacts:
    """All pre-checks in order; returns the facts or raises the first problem found."""
    facts = check_bytes(path, max_bytes)
    return check_document(facts, password, max_pages)
