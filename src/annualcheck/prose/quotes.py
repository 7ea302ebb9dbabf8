"""Quotes marked where they were cut: "… one was male (same as in 2017)."

Why: a figure's quote is the part of a long sentence around its count, so that it stays a few
lines; a reader (or a journalist quoting it on) must see at once that words stand before or
after it in the report. A quote that is a whole sentence is left as it is; one cut at the
start gets "… " in front, one cut at the end " …" behind. The extractor marks the cuts it
makes (`mark_cut`: it knows where it cut); for a quote that may not be marked yet (`mark_cuts`),
where the quote is found in the paragraph it came from, the paragraph decides; otherwise its
first and last characters do. A test that looks a quote up in the page's text strips the
marks first (`strip_marks`).
"""

from __future__ import annotations

from collections.abc import Iterable

from annualcheck.compiled_patterns import compiled

ELLIPSIS = "…"

#: Where a sentence ends: a full stop, question or exclamation mark, maybe a closing quote
#: or bracket after it.
_SENTENCE_END = compiled(r"[.!?][\"'\u201d\u2019)\]]*$")
#: Where a sentence may start: a capital, a digit, an opening quote or bracket, a bullet.
_SENTENCE_START = compiled(r"^[\"'\u201c\u2018(\[○•\-]*[A-Z0-9]")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def mark_cut(part: str, before: str, after: str) -> str:
    """`part` of a sentence, with "… " in front when words of the sentence stand `before` it
    and " …" behind when words stand `after` it (a full stop alone is no cut). For the one
    who cuts: it knows exactly where it cut, no guess from the context needed."""
    part = _squash(part)
    if not part:
        return part
    if _has_words(before) and not part.startswith(ELLIPSIS):
        part = f"{ELLIPSIS} {part}"
    if _has_words(after) and not part.endswith(ELLIPSIS):
        part = f"{part} {ELLIPSIS}"
    return part


def strip_marks(quote: str) -> str:
    """The quote without the marks of its cuts: the words as printed, for finding it in the
    text it came from."""
    q = _squash(quote)
    if q.startswith(ELLIPSIS):
        q = q[len(ELLIPSIS) :].lstrip()
    if q.endswith(ELLIPSIS):
        q = q[: -len(ELLIPSIS)].rstrip()
    return q


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def starts_sentence(text: str) -> bool:
    return bool(_SENTENCE_START.match(text.lstrip()))


def cut_sides(quote: str, contexts: Iterable[str] = ()) -> tuple[bool, bool]:
    """(cut at the start, cut at the end) of `quote`, judged from the first of `contexts`
    (paragraph texts) that holds it, else from the quote's own first and last characters.
    A quote that already carries a mark was marked by the one who cut it (`mark_cut`), who
    knew both sides: its marks are the answer."""
    q = _squash(quote)
    left_mark, right_mark = q.startswith(ELLIPSIS), q.endswith(ELLIPSIS)
    if left_mark or right_mark:
        return left_mark, right_mark
    return _cut_sides(q, contexts)


def _cut_sides(q: str, contexts: Iterable[str]) -> tuple[bool, bool]:
    for context in contexts:
        text = _squash(context)
        at = text.find(q)
        if at < 0:
            continue
        before, after = text[:at].rstrip(), text[at + len(q) :].strip()
        left = bool(before) and not ends_sentence(before)
        right = bool(after) and not ends_sentence(q)
        return left, right
    return (not starts_sentence(q), not ends_sentence(q))


def mark_cuts(quote: str, contexts: Iterable[str] = ()) -> str:
    """The quote with "…" wherever it was cut out of a longer sentence (never twice)."""
    q = _squash(quote)
    if not strip_marks(q):
        return q
    left, right = cut_sides(q, contexts)
    if left and not q.startswith(ELLIPSIS):
        q = f"{ELLIPSIS} {q}"
    if right and not q.endswith(ELLIPSIS):
        q = f"{q} {ELLIPSIS}"
    return q
