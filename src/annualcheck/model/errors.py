"""Bad input, one type per kind, so the CLI can say in one line what is wrong with which file.

Every error carries the path it is about; `str(error)` is the one line the user sees.
"""

from __future__ import annotations

from pathlib import Path


class AnnualcheckError(Exception):
    """Base of every error the CLI turns into one line on stderr and exit status 2."""

    reason = "cannot be read"

    def __init__(self, path: str | Path | None, detail: str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.detail = detail or self.reason
        super().__init__(self.line())

    def line(self) -> str:
        return f"{self.path}: {self.detail}" if self.path else self.detail


class MissingPathError(AnnualcheckError):
    reason = "no such file or folder"


class NoPdfInFolderError(AnnualcheckError):
    reason = "folder holds no PDF files"


class NotPdfError(AnnualcheckError):
    reason = "not a PDF file"


class EmptyFileError(AnnualcheckError):
    reason = "file is empty"


class TruncatedPdfError(AnnualcheckError):
    reason = "PDF is truncated or damaged"


class EncryptedPdfError(AnnualcheckError):
    reason = "PDF is encrypted; give its password with --password"


class NoTextLayerError(AnnualcheckError):
    reason = "PDF has no text layer (a scan?); run OCR on it first"


class NotThisSeriesError(AnnualcheckError):
    reason = "not a report of this series"  # the raiser gives the profile's words


class DuplicateYearError(AnnualcheckError):
    reason = "two reports of the same year"


class NoSection2Error(AnnualcheckError):
    reason = "report lacks the section its series requires"  # the profile's words, as above


class TooLargeError(AnnualcheckError):
    reason = "PDF exceeds the configured size or page limit"


class OutputError(AnnualcheckError):
    reason = "output path cannot be written"


class WrongPasswordError(EncryptedPdfError):
    reason = "PDF is encrypted and the password given with --password does not open it"


class UnreadablePdfError(AnnualcheckError):
    """An unexpected failure while reading one file, turned into a one-line reason."""

    reason = "could not be read"
