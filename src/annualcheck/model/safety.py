"""What a PDF may put into our values, made safe once, where it enters.

Why here: every stage reads text and numbers that came out of a file anyone could have made.
A font's ToUnicode map can yield lone surrogates (the JSON writer dies on them), ESC and BEL
(a terminal obeys them: an OSC title sequence), bidi overrides (a line that displays other
than it reads); a table cell can hold 8,000 digits (`int()` refuses beyond 4,300, a float
becomes `inf`, emitted as invalid JSON). Cleaning the text when a page is read, and bounding
every number where it is parsed, means no writer downstream has to know.

The model package is imported by every stage, so the helpers live beside the data model.
"""

from __future__ import annotations

import math

from annualcheck.compiled_patterns import compiled

#: Digits a count may have: 10**15 is far beyond anything a report counts (people, cases,
#: yen); a longer digit string is not a count (a serial number, or a hostile cell).
MAX_COUNT_DIGITS = 15

# C0 controls except tab/newline, DEL, C1 controls, lone surrogates, and the bidi embedding,
# override and isolate controls (U+202A-U+202E, U+2066-U+2069).
_UNSAFE = compiled("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Text with control characters, bidi overrides and lone surrogates removed (a lone
    surrogate becomes U+FFFD, so that a broken glyph still shows as one)."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: "\ufffd" if "\ud800" <= m.group(0) <= "\udfff" else "", text)


def bounded_int(text: str) -> int | None:
    """ "9,454" -> 9454; None for what is not ASCII digits (with thousands commas) or has more
    than MAX_COUNT_DIGITS digits ("²".isdigit() is True but int("²") fails)."""
    digits = text.strip().replace(",", "")
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) > MAX_COUNT_DIGITS:
        return None
    return int(digits)


def plausible_number(value: float | None) -> float | None:
    """The value when finite and below 10**MAX_COUNT_DIGITS in size, else None."""
    if value is None or not math.isfinite(value) or abs(value) >= 10.0**MAX_COUNT_DIGITS:
        return None
    return value


def printable_path(path: str) -> str:
    """A file name as it can be printed and written to JSON: bytes that are not UTF-8 (kept
    by Python as surrogate escapes) shown as \\xNN, control characters as escapes."""
    try:
        path.encode("utf-8")
        fixed = path
    except UnicodeEncodeError:
        fixed = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return escape_controls(fixed)


_CONTROLS = compiled("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """Control characters and bidi controls shown as escapes (\\x1b, \\u202e), for text bound
    for a terminal: what a PDF says must never drive the terminal."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
