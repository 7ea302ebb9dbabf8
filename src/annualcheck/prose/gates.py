"""Patterns gated by the words every match must contain: a substring test before the search.

Why: the figures stage searches a report's text with a profile's patterns some ten thousand
times, and most searches find nothing. Python's regular expressions scan case-blind text
position by position (`\\bcleared\\b` takes 2 ms over a report's 107 KB); `"cleared" in text`
takes microseconds. Each pattern is read once (its parse tree, from the `re` module's own
parser) for the literal words one of which any match must contain ("than in ", "compared
" or "year" for "\\bthan in (?:19|20)\\d\\d\\b|\\bcompared (?:with|to)\\b|\\byear[- ]on[- ]year\\b");
a text holding none of them cannot match, and is not searched.

Exact, not a heuristic: a word is taken only where the pattern's grammar makes it part of
every match (a run of literal characters, in a group that must occur, in every alternative
of a branch); lookarounds, optional parts, classes and back-references give no word. The
words are ASCII, and the test is made on the text folded as a case-blind pattern reads it:
lower case, and the four other characters such a pattern takes for an ASCII letter ("K",
the Kelvin sign, for k; "ſ" for s; "İ" and "ı" for i) replaced by that letter. Where the parse
tree is not understood, the pattern is searched ungated.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from annualcheck.compiled_patterns import compiled

try:  # the re module's own parser: private, so its absence only costs the gates
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another Python's layout
    _sre_parser = _sre_constants = None  # type: ignore[assignment]


@dataclass(frozen=True)
class GatedPattern:
    """A compiled pattern and the lower-case words one of which each match contains (None:
    no such words are known, every text is searched)."""

    pattern: re.Pattern[str]
    needs: tuple[str, ...] | None

    def search(self, text: str) -> re.Match[str] | None:
        """`pattern.search(text)`, skipped (None) when the text holds none of the words."""
        if self.needs is not None:
            folded = fold(text)
            if not any(word in folded for word in self.needs):
                return None
        return self.pattern.search(text)


#: The non-ASCII characters a case-blind pattern matches for an ASCII letter, to the letter
#: (all of them: tests/test_gates.py asks every code point). After them, `str.lower()` of a
#: text turns no other character into ASCII, and each matched letter stays in its place.
_CASE_BLIND_CHARS = "\u0130\u0131\u017f\u212a"
_CASE_BLIND_ASCII = str.maketrans(dict(zip(_CASE_BLIND_CHARS, "iisk", strict=True)))


def fold(text: str) -> str:
    """The text as the words are looked for in it: lower case, each character a case-blind
    pattern takes for an ASCII letter that letter."""
    if text.isascii() or not any(ch in text for ch in _CASE_BLIND_CHARS):
        return text.lower()
    return text.translate(_CASE_BLIND_ASCII).lower()


def gated(source: str, flags: int = 0) -> GatedPattern:
    """`source` compiled with `flags`, with the words its matches need."""
    return GatedPattern(compiled(source, flags), required_words(source, flags))


@functools.lru_cache(maxsize=4096)
def required_words(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case ASCII words one of which every match of the pattern contains, or None."""
    if _sre_parser is None:
        return None
    try:
        tree = _sre_parser.parse(source, flags)
        words = _needs(list(tree))
    except Exception:  # noqa: BLE001 - a tree not understood: searched ungated
        return None
    if not words or not all(word.isascii() and word for word in words):
        return None
    return tuple(sorted({word.lower() for word in words}))


def _needs(items: list) -> frozenset[str] | None:
    """Of a sequence of parse-tree items (each must match in turn), the best set of words
    one of which every match contains: the one whose shortest word is longest."""
    c = _sre_constants
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        inner: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            inner = _needs(list(av[-1]))
        elif op is c.ATOMIC_GROUP:
            inner = _needs(list(av))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _needs(list(av[2]))
        elif op is c.BRANCH:
            inner = _branch_needs(av[1])
        if inner:
            candidates.append(inner)
    if run:
        candidates.append(frozenset(["".join(run)]))
    candidates = [words for words in candidates if all(w.isascii() for w in words)]
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


def _branch_needs(alternatives: list) -> frozenset[str] | None:
    """Every alternative must give words, and then a match contains one of any of them."""
    out: set[str] = set()
    for alternative in alternatives:
        words = _needs(list(alternative))
        if not words:
            return None
        out |= words
    return frozenset(out)


__all__ = ["GatedPattern", "fold", "gated", "required_words"]
