"""Numbers and stated changes as English prose writes them.

Why a tokenizer and not a bare `\\d+` search: the reports write counts as digits ("9,454"),
as words ("seven", "zero", "none", "thirty-six"), with a scale ("two million"), as money
("US$130,000"), and mix them with years, dates, fiscal years, section numbers ("see 2 (1) ii)"),
article numbers, ages ("under 18 years of age") and durations ("2 years imprisonment"). The
tokenizer finds every number and says what kind it is, so the figure extractor only has to
decide which counts belong to which subject.

Stated changes ("(20 more than in 2018)", "compared with five in 2018", "up 58.3%") are read
by the grammar of comparisons (`annualcheck.prose.comparisons`): they contain numbers that
must not be taken for counts, so the figure extractor masks them before tokenizing.

Nothing here is specific to one report series: it is how English states numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from annualcheck.compiled_patterns import compiled
from annualcheck.model.safety import plausible_number

UNITS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

_UNIT_WORD = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORD = "|".join(TENS)
#: A number written in words: "seven", "thirty-six", "twenty", "two million", "one hundred".
WORD_NUMBER = (
    rf"(?:(?:{_TENS_WORD})(?:[-\u2010\u2011 ](?:{_UNIT_WORD}))?|(?:{_UNIT_WORD}))"
    rf"(?: (?:hundred|thousand|million|billion))?"
)
#: A number written in digits: "9,454", "47", "2.5", "2 million".
DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: Either, as one pattern (for phrases like "(N more than in 2018)").
ANY_NUMBER = rf"(?:{DIGIT_NUMBER})(?: (?:hundred|thousand|million|billion))?|{WORD_NUMBER}"

APPROXIMATE_BEFORE = compiled(
    r"(?:approximately|approx\.|about|around|roughly|some|nearly|almost|circa|an estimated)\s+$",
    re.IGNORECASE,
)
PRELIMINARY_AFTER = compiled(
    r"^\s*(?:[\w-]+\s+){0,4}\((?:preliminary|provisional)(?: figures?| data| values?)?\)",
    re.IGNORECASE,
)


def _fold_char(ch: str) -> str:
    if ch.isascii():
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


class _FoldTable(dict):
    """str.translate's table for fold_width, filled as characters are first met: the text
    of a report is translated in C, and each distinct character is folded once. It keeps
    at most FOLD_TABLE_MAX characters (a text of every Unicode character must not make it
    the size of Unicode); past that a new character is folded each time it is met."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < FOLD_TABLE_MAX:
            self[code] = folded
        return folded


FOLD_TABLE_MAX = 20_000


_FOLDS = _FoldTable()


def fold_width(text: str) -> str:
    """Full-width digits, letters and signs ("１２", "（", "＋") as ASCII (NFKC), character by
    character so every position in the result is the same position in `text`."""
    if text.isascii():
        return text
    return text.translate(_FOLDS)


def parse_number(text: str) -> float | None:
    """A number's value, never `inf` nor beyond any plausible count (model.safety)."""
    return plausible_number(_parse_number(text))


def _parse_number(text: str) -> float | None:
    """ "seven" -> 7, "2 million" -> 2000000, "9,454" -> 9454, "zero"/"none" -> 0,
    "US$130,000" -> 130000, "thirty-six" -> 36, "approximately 5,300" -> 5300; None if the
    text is not one number."""
    s = " ".join(fold_width(text).strip().lower().replace("\u00a0", " ").split())
    s = compiled(r"^(?:approximately|approx\.|about|around|roughly|nearly|almost|some)\s+").sub(
        "", s
    )
    s = compiled(r"^(?:us\$|usd\s?|\$|¥|jpy\s?)\s?").sub("", s)
    s = compiled(r"\s*(?:yen|us dollars|dollars)$").sub("", s)
    if not s:
        return None
    m = compiled(rf"({DIGIT_NUMBER})(?: (hundred|thousand|million|billion))?").fullmatch(s)
    if m:
        value = float(m.group(1).replace(",", ""))
        return value * SCALES[m.group(2)] if m.group(2) else value
    words = compiled(r"[\s\-\u2010\u2011]+").split(s)
    total, current, seen = 0, 0, False
    for word in words:
        if word == "and" and seen:
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES and seen:
            if word == "hundred":
                current *= 100
            else:
                total += current * SCALES[word]
                current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


@dataclass(frozen=True)
class NumberToken:
    """One number found in a text: where it stands, what it says and what kind it is.

    kind: "count" (a quantity: "47", "seven", "2 million"), "money", "percent", "year",
    "fiscal_year", "date", "time", "ordinal", "age", "duration", "ref" (section, article,
    figure or act numbers), "code" (phone numbers, codes such as "G7").
    """

    start: int
    end: int
    text: str
    value: float | None
    kind: str
    approximate: bool = False
    preliminary: bool = False
    currency: str | None = None
    #: a bound, not a value: "more_than", "at_least", "less_than", "at_most", "nearly"
    bound: str | None = None


# Order matters: where several patterns match at the same start, the first one wins.
_PATTERNS: tuple[tuple[str, str], ...] = (
    # links and e-mail addresses, bounded (RFC 5321 lengths): `\S+@\S+\.\w+` was cubic
    ("code", r"https?://\S{1,2048}|www\.\S{1,2048}"
             r"|[\w.+%-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"),
    ("ref", r"\[(?:Figure|Table|Case)\s*\d+\]|\b(?:Figure|Table|Case)\s+\d+\b"),
    ("ref", r"\b(?:Articles?|Paragraphs?|Items?|Chapters?|Appendix|Annex)\s+\d+(?:-\d+)?"
            r"(?:(?:,\s*| to | and )\d+(?:-\d+)?)*"),
    ("ref", r"\bNo\.\s?\d+"),
    ("ref", r"\b\d\s?\(\d{1,2}\)(?:\s?[ivx]{1,4}\)?)?(?:\s?[a-h]\))?"),
    ("ref", r"\(\d{1,2}\)\s?[ivx]{1,4}\)"),
    ("fiscal_year", r"\bFY\s?\d{4}\b"),
    ("ordinal", r"\b\d+(?:st|nd|rd|th)\b"),
    ("code", r"\d+(?:-\d+){2,}|#\s?\d+|\b[A-Za-z]+\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]+\d*\b"),
    ("time", r"\b\d{1,2}:\d{2}\b"),
    ("money", r"(?:US\$|USD ?|\$|¥)\s?(?:" + DIGIT_NUMBER + r")(?: (?:thousand|million|billion))?"),
    ("money", r"\b(?:" + DIGIT_NUMBER + r")(?: (?:thousand|million|billion))? yen\b"),
    ("percent", r"\b(?:" + DIGIT_NUMBER + r")\s?(?:%|percent\b|per cent\b)"),
    ("date", rf"\b(?:{MONTHS})\s+\d{{1,2}},\s+\d{{4}}\b"),
    ("date", rf"\b\d{{1,2}}(?:\s+to\s+|\s*[-–]\s*)\d{{1,2}}\s+(?:{MONTHS})\b"),
    ("date", rf"\b\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?\b"),
    ("date", rf"\b(?:{MONTHS})\s+\d{{1,2}}(?!\d|,\s*\d{{3}})\b(?!\s*(?:years?|months?)\b)"),
    ("date", rf"\b(?:{MONTHS})\s+\d{{4}}\b"),
    ("year", r"(?<![\d,.$])\b(?:19|20)\d{2}\b(?![\d,]\d)"),
    ("count", rf"(?<![\w$.,])(?:{DIGIT_NUMBER})(?: (?:hundred|thousand|million|billion)\b)?"
              r"(?![\w])"),
    ("count", rf"(?<![\w-])(?:{WORD_NUMBER})\b(?![-\u2010\u2011][a-z])"),
)  # fmt: skip
# One scan, alternatives in priority order: at each position the first kind that matches wins.
_KINDS = tuple(kind for kind, _ in _PATTERNS)
_SCANNER = compiled("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)), re.IGNORECASE)
_NOT_A_QUANTITY = compiled(r"\b(?:One|one)\s+(?:another|by one|of the fields)\b")
_AGE_AFTER = compiled(r"^\s*+(?:years?[ -]of[ -]age|years?[ -]old|-year-old)", re.IGNORECASE)
_DURATION_AFTER = compiled(
    r"^\s*+(?:[-\u2010\u2011]\s*+)?(?:years?|months?|weeks?|days?|hours?|minutes?)\b", re.IGNORECASE
)


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in `text`, left to right, each with its kind and flags.

    Ages ("18 years of age") and durations ("2 years", "one year") are told apart from
    counts by the word that follows; "approximately"/"about" before a count sets
    `approximate`, "(preliminary figures)" after it sets `preliminary`.
    """
    text = fold_width(text)
    found = []
    pos = 0
    for anchor in _anchors(text):
        if anchor < pos:
            continue
        for start in _starts(text, anchor, pos):
            m = _SCANNER.match(text, start)
            if m is not None and m.end() > anchor:
                found.append(_token(text, m.group(0), m.start(), m.end(), _KINDS[_group(m)]))
                pos = m.end()
                break
    return [t for t in found if not _idiom(text, t) and not _ocr_fragment(text, t)]


#: A letter OCR reads for a digit (O for 0, l/I for 1, S for 5) standing in a digit group.
_OCR_DIGIT = "OolIS"
_OCR_BEFORE = compiled(rf"(?:\d[{_OCR_DIGIT}]|[{_OCR_DIGIT}]\d|[\d{_OCR_DIGIT}])[,.]$")
_OCR_AFTER = compiled(rf"^[,.][{_OCR_DIGIT}]")


def _ocr_fragment(text: str, token: NumberToken) -> bool:
    """A number that is only part of a digit group OCR misread ("3,O59", "1O,000 yen"):
    the digits next to a misread letter are no number of their own, so they are dropped
    rather than read as "3" or "0 yen". The misread group itself is a `code` (no value)."""
    if token.value is None:
        return False
    before = text[max(0, token.start - 3) : token.start]
    after = text[token.end : token.end + 2]
    return bool(_OCR_BEFORE.search(before)) or bool(_OCR_AFTER.match(after))


_ANCHOR = compiled(
    r"\d+|[$\u00a5]|https?://|www\.|\b(?:"
    + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
    + r")\b"
)


def _anchors(text: str) -> list[int]:
    """Where a number may stand: digits, currency signs, links and number words. Trying the
    patterns only there (and at the words just before, for "March 31", "Article 3",
    "US$130,000") keeps the tokenizer fast on long paragraphs of plain prose."""
    return [m.start() for m in _ANCHOR.finditer(text.lower())]


#: How far before an anchor a number's text may start ("Paragraphs 3", "US$ 1").
_LOOKBACK = 40


def _starts(text: str, anchor: int, floor: int) -> list[int]:
    """Candidate starts of a number around `anchor`: up to two words before it, the start of
    its own word, the two characters before it, the anchor itself."""
    starts = {anchor, anchor - 1, anchor - 2}
    # never look further back than a few words: a long run without spaces must not be
    # walked back from each of its anchors (that was quadratic)
    floor = max(floor, anchor - _LOOKBACK)
    k = anchor
    for _ in range(3):
        while k > floor and not text[k - 1].isspace():
            k -= 1
        starts.add(k)
        while k > floor and text[k - 1].isspace():
            k -= 1
        if anchor - k > 30:
            break
    return sorted(x for x in starts if floor <= x <= anchor)


def _group(m: re.Match[str]) -> int:
    return int(m.lastgroup[1:]) if m.lastgroup else 0


def _token(text: str, raw: str, start: int, end: int, kind: str) -> NumberToken:
    after = text[end : end + 40]
    before = text[max(0, start - 20) : start]
    value: float | None = None
    currency = None
    if kind == "money":
        currency = "JPY" if raw.lower().endswith("yen") or raw.startswith("¥") else "USD"
        value = parse_number(re.sub(r"(?i)\s*yen$", "", raw))
    elif kind in ("count", "percent"):
        value = parse_number(re.sub(r"(?i)\s*(?:%|percent|per cent)$", "", raw))
    elif kind == "year":
        value = float(raw)
    elif kind == "fiscal_year":
        value = float(re.sub(r"\D", "", raw))
    if kind == "count":
        if _AGE_AFTER.match(after):
            kind = "age"
        elif _DURATION_AFTER.match(after):
            kind = "duration"
    return NumberToken(
        start=start,
        end=end,
        text=raw,
        value=value,
        kind=kind,
        approximate=bool(APPROXIMATE_BEFORE.search(before)) and kind in ("count", "money"),
        preliminary=bool(PRELIMINARY_AFTER.match(after)),
        currency=currency,
        bound=_bound_before(before) if kind in ("count", "money", "percent") else None,
    )


_BOUND_BEFORE = compiled(
    r"\b(?P<w>more than|over|at least|no (?:fewer|less) than|nearly|almost|close to"
    r"|fewer than|less than|at most|no more than|up to)\s+$",
    re.IGNORECASE,
)
_BOUND_NAMES = {
    "more than": "more_than", "over": "more_than", "at least": "at_least",
    "no fewer than": "at_least", "no less than": "at_least", "nearly": "nearly",
    "almost": "nearly", "close to": "nearly", "fewer than": "less_than",
    "less than": "less_than", "at most": "at_most", "no more than": "at_most", "up to": "at_most",
}  # fmt: skip


def _bound_before(before: str) -> str | None:
    """ "more than 95%", "at least 47", "nearly 70%": the words that make a number a bound."""
    m = _BOUND_BEFORE.search(before)
    return _BOUND_NAMES[" ".join(m.group("w").lower().split())] if m else None


def _idiom(text: str, token: NumberToken) -> bool:
    """Number words that are not quantities: "one another", "one by one"."""
    if token.kind != "count" or token.text.lower() != "one":
        return False
    return bool(_NOT_A_QUANTITY.match(text, token.start))


def counts(tokens: list[NumberToken]) -> list[NumberToken]:
    """The tokens that state a quantity (counts and money)."""
    return [t for t in tokens if t.kind in ("count", "money")]


__all__ = [
    "ANY_NUMBER",
    "DIGIT_NUMBER",
    "NumberToken",
    "counts",
    "find_numbers",
    "fold_width",
    "parse_number",
]
