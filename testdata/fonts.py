"""Fonts and programs the test-data renderers use, found without machine paths.

A fresh machine has only Python and pip, so nothing here may name a system folder:
the body font is the DejaVu Sans that matplotlib (a dependency of the package) ships in
its data folder; Japanese words use IPA Mincho when the system font index knows it and
reportlab's built-in CID font otherwise (same text layer); the second producer's serif is
measured with reportlab's standard Times, which Liberation Serif is metric-compatible with.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

DEJAVU_SANS = {
    "Body": "DejaVuSans.ttf",
    "Body-Bold": "DejaVuSans-Bold.ttf",
    "Body-Italic": "DejaVuSans-Oblique.ttf",
    "Body-BoldItalic": "DejaVuSans-BoldOblique.ttf",
}

# Liberation Serif (what the second producer's CSS asks for) has Times' advance widths.
SERIF_METRICS = {False: "Times-Roman", True: "Times-Bold"}

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def bundled_font(file: str) -> Path:
    """A TrueType file from matplotlib's bundled fonts (always installed with the package)."""
    import matplotlib

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / file
    if not path.is_file():
        raise FileNotFoundError(f"matplotlib does not ship {file} (looked in {path.parent})")
    return path


@cache
def system_font(family: str) -> Path | None:
    """The file of an installed font family, from matplotlib's font index, or None."""
    from matplotlib import font_manager

    try:
        found = font_manager.findfont(
            font_manager.FontProperties(family=family), fallback_to_default=False
        )
    except ValueError:
        return None
    return Path(found)


def chromium() -> str | None:
    """The headless Chromium (or Chrome) program on PATH, or None when none is installed."""
    return next((exe for name in CHROMIUM_NAMES if (exe := shutil.which(name))), None)
