"""Small formatting helpers that findings and change reports share: numbers, changes, page
references, plurals, clipped quotes and markdown escaping.

Why apart: both renderers (`findings_render`, `diff_render`) and the static site must write a
number, a page or a quote the same way, so a reader sees one vocabulary everywhere.
"""

from __future__ import annotations

QUOTE_LIMIT = 400


def number(value: float | None) -> str:
    """47 -> "47", 2.5 -> "2.5", None -> "-"."""
    if value is None:
        return "-"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.4g}"


def signed(value: float | None) -> str:
    """A change: +20, -1, 0, or "-" when there is none."""
    if value is None:
        return "-"
    return "0" if value == 0 else ("+" if value > 0 else "-") + number(abs(value))


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Whitespace collapsed and long quotes cut, so one quote stays a few lines at most."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def page_ref(page: int | None, printed: int | None = None) -> str:
    if page is None:
        return "p. ?"
    return f"p. {page}" + (f", printed {printed}" if printed not in (None, page) else "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def md_escape(text: str) -> str:
    """Characters markdown would take as markup in running text."""
    out = text
    for ch in "\\`*_[]<>|":
        out = out.replace(ch, "\\" + ch)
    return out
