"""The PDF libraries silenced while a file is read.

Why: pdfminer and pdfplumber log what they repair ("MediaBox missing …") and warn on
stderr, which would break the rule of one line per bad input; the tool reports each file's
fate itself.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator

#: The loggers of the libraries that read PDFs for us.
NOISY_LOGGERS = ("pdfminer", "pdfplumber", "PIL")


@contextlib.contextmanager
def quiet_loggers(names: tuple[str, ...] = NOISY_LOGGERS) -> Iterator[None]:
    """Loggers `names` at CRITICAL and warnings ignored for the duration, then restored."""
    import logging  # here: the libraries that log import it anyway, a cached run never does

    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
