"""OCR of an image-only PDF (a scan), on request only, cached by the input's hash.

Why on request: OCR takes seconds a page and its text is noisier than a text layer, so a
scan is still refused with the "no text layer" error by default; `--ocr` runs OCRmyPDF
(the optional extra `annualcheck[ocr]`; it needs the tesseract program from the system)
and reads the OCR'd copy. The copy is kept in the cache folder under the input's SHA-256,
so the next run reads it at once.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from annualcheck.model.errors import AnnualcheckError

INSTALL_HINT = (
    "install the OCR extra (pip install 'annualcheck[ocr]') and tesseract "
    "(e.g. apt-get install tesseract-ocr)"
)


class OcrUnavailableError(AnnualcheckError):
    reason = f"--ocr needs OCRmyPDF and tesseract: {INSTALL_HINT}"


class OcrFailedError(AnnualcheckError):
    reason = "OCR of the scan failed"


#: Producers whose PDFs carry an OCR text layer (PDF Producer/Creator, lower case).
OCR_PRODUCERS = ("tesseract", "ocrmypdf", "abbyy", "finereader", "omnipage", "readiris")


def is_ocr_output(metadata: dict[str, str]) -> bool:
    """Whether the PDF's text layer was made by OCR (its Producer or Creator says so)."""
    said = " ".join(metadata.get(k, "") for k in ("producer", "creator")).lower()
    return any(name in said for name in OCR_PRODUCERS)


def ocr_path(folder: Path, sha256: str) -> Path:
    """Where the OCR'd copy of the input with this hash is kept."""
    return folder / "ocr" / f"{sha256}.pdf"


def missing_ocr_tools() -> list[str]:
    """What --ocr needs and this machine lacks (empty when OCR can run)."""
    missing = []
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        missing.append("the Python package ocrmypdf (pip install 'annualcheck[ocr]')")
    if shutil.which("tesseract") is None:
        missing.append("the tesseract program (e.g. apt-get install tesseract-ocr)")
    return missing


def ocr_copy(path: Path, folder: Path, sha256: str) -> Path:
    """The OCR'd copy of a scan: from the cache folder, or made now with OCRmyPDF."""
    target = ocr_path(folder, sha256)
    if target.exists():
        return target
    missing = missing_ocr_tools()
    if missing:
        raise OcrUnavailableError(path, f"--ocr needs {' and '.join(missing)}")
    import ocrmypdf

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    try:
        ocrmypdf.ocr(
            str(path),
            str(partial),
            language=["eng"],
            output_type="pdf",
            optimize=0,
            progress_bar=False,
            rotate_pages=False,
        )
        os.replace(partial, target)
    except Exception as exc:  # noqa: BLE001 - any OCR failure is this file's one-line error
        raise OcrFailedError(path, f"OCR of the scan failed: {exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return target


__all__ = [
    "is_ocr_output",
    "INSTALL_HINT",
    "OcrFailedError",
    "OcrUnavailableError",
    "missing_ocr_tools",
    "ocr_copy",
]
