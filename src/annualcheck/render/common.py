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
    """Whitespace collapsed and long quotes cut at a word, the cut marked " …" (as the
    extractor and the checks mark theirs), so one quote stays a few lines at most."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:…") + " …"


def page_ref(page: int | None, printed: int | None = None) -> str:
    if page is None:
        return "p. ?"
    return f"p. {page}" + (f", printed {printed}" if printed not in (None, page) else "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


#: Characters CommonMark (and GFM tables and strikethrough) give a meaning anywhere in a line:
#: escapes, code spans, emphasis, links and images, raw HTML and autolinks, entities, cells.
MD_INLINE_SPECIAL = frozenset("\\`*_[]<>|&~!")
#: Characters that open a block when they start a line (headings, quotes, lists, rules,
#: setext underlines, fenced code, tables).
MD_LINE_START_SPECIAL = frozenset("#>-+=:`~|")


def md_escape(text: str, line_start: bool = True) -> str:
    """Text as CommonMark shows it literally: every character that could be markup is
    backslash-escaped (CommonMark allows that for any ASCII punctuation), newlines become
    spaces (a text is one line or one cell), and a line start that would open a block
    (a heading, a list item such as "1." ) is escaped too. What a PDF says can never become
    a link, an image, raw HTML or a way out of a code span. `line_start=False` for a table
    cell, whose content is inline only ("+20" needs no escape there)."""
    flat = text.replace("\r", " ").replace("\n", " ")
    out = "".join("\\" + ch if ch in MD_INLINE_SPECIAL else ch for ch in flat)
    if not line_start:
        return out
    if out[:1] in MD_LINE_START_SPECIAL:
        out = "\\" + out
    head = len(out) - len(out.lstrip("0123456789"))
    if 0 < head < len(out) and out[head] in ".)":
        out = out[:head] + "\\" + out[head:]
    return out


def md_code(text: str) -> str:
    """A CommonMark code span that holds `text` verbatim, whatever backticks it contains:
    the fence is one backtick longer than the longest run inside, padded with spaces when
    the text starts or ends with a backtick. Pipes are escaped (GFM splits table cells on
    them even inside code spans); newlines become spaces."""
    flat = text.replace("\r", " ").replace("\n", " ")
    longest = run = 0
    for ch in flat:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat.replace('|', chr(92) + '|')}{pad}{fence}"
