"""Numbers and stated changes as English prose writes them.

Why a tokenizer and not a bare `\\d+` search: the reports write counts as digits ("9,454"),
as words ("seven", "zero", "none", "thirty-six"), with a scale ("two million"), as money
("US$130,000"), and mix them with years, dates, fiscal years, section numbers ("see 2 (1) ii)"),
article numbers, ages ("under 18 years of age") and durations ("2 years imprisonment"). The
tokenizer finds every number and says what kind it is, so the figure extractor only has to
decide which counts belong to which subject.

Stated changes ("(20 more than in 2018)", "(same as in 2018)", "an increase of 3 from the
previous year") are read here too: they contain numbers that must not be taken for counts,
so the figure extractor masks them before tokenizing.

Nothing here is specific to one report series: it is how English states numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

APPROXIMATE_BEFORE = re.compile(
    r"(?:approximately|approx\.|about|around|roughly|some|nearly|almost|circa|an estimated)\s+$",
    re.IGNORECASE,
)
PRELIMINARY_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,4}\((?:preliminary|provisional)(?: figures?| data| values?)?\)",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    """ "seven" -> 7, "2 million" -> 2000000, "9,454" -> 9454, "zero"/"none" -> 0,
    "US$130,000" -> 130000, "thirty-six" -> 36, "approximately 5,300" -> 5300; None if the
    text is not one number."""
    s = " ".join(text.strip().lower().replace("\u00a0", " ").split())
    s = re.sub(r"^(?:approximately|approx\.|about|around|roughly|nearly|almost|some)\s+", "", s)
    s = re.sub(r"^(?:us\$|usd\s?|\$|¥|jpy\s?)\s?", "", s)
    s = re.sub(r"\s*(?:yen|us dollars|dollars)$", "", s)
    if not s:
        return None
    m = re.fullmatch(rf"({DIGIT_NUMBER})(?: (hundred|thousand|million|billion))?", s)
    if m:
        value = float(m.group(1).replace(",", ""))
        return value * SCALES[m.group(2)] if m.group(2) else value
    words = re.split(r"[\s\-\u2010\u2011]+", s)
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


# Order matters: where several patterns match at the same start, the first one wins.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("code", r"https?://\S+|www\.\S+|\S+@\S+\.\w+"),
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
_SCANNER = re.compile(
    "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)), re.IGNORECASE
)
_NOT_A_QUANTITY = re.compile(r"\b(?:One|one)\s+(?:another|by one|of the fields)\b")
_AGE_AFTER = re.compile(r"^\s*(?:years?[ -]of[ -]age|years?[ -]old|-year-old)", re.IGNORECASE)
_DURATION_AFTER = re.compile(
    r"^\s*[-\u2010\u2011]?\s*(?:years?|months?|weeks?|days?|hours?|minutes?)\b", re.IGNORECASE
)


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in `text`, left to right, each with its kind and flags.

    Ages ("18 years of age") and durations ("2 years", "one year") are told apart from
    counts by the word that follows; "approximately"/"about" before a count sets
    `approximate`, "(preliminary figures)" after it sets `preliminary`.
    """
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
_OCR_BEFORE = re.compile(rf"(?:\d[{_OCR_DIGIT}]|[{_OCR_DIGIT}]\d|[\d{_OCR_DIGIT}])[,.]$")
_OCR_AFTER = re.compile(rf"^[,.][{_OCR_DIGIT}]")


def _ocr_fragment(text: str, token: NumberToken) -> bool:
    """A number that is only part of a digit group OCR misread ("3,O59", "1O,000 yen"):
    the digits next to a misread letter are no number of their own, so they are dropped
    rather than read as "3" or "0 yen". The misread group itself is a `code` (no value)."""
    if token.value is None:
        return False
    before = text[max(0, token.start - 3) : token.start]
    after = text[token.end : token.end + 2]
    return bool(_OCR_BEFORE.search(before)) or bool(_OCR_AFTER.match(after))


_ANCHOR = re.compile(
    r"\d+|[$\u00a5]|https?://|www\.|\b(?:"
    + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
    + r")\b"
)


def _anchors(text: str) -> list[int]:
    """Where a number may stand: digits, currency signs, links and number words. Trying the
    patterns only there (and at the words just before, for "March 31", "Article 3",
    "US$130,000") keeps the tokenizer fast on long paragraphs of plain prose."""
    return [m.start() for m in _ANCHOR.finditer(text.lower())]


def _starts(text: str, anchor: int, floor: int) -> list[int]:
    """Candidate starts of a number around `anchor`: up to two words before it, the start of
    its own word, the two characters before it, the anchor itself."""
    starts = {anchor, anchor - 1, anchor - 2}
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
    )


def _idiom(text: str, token: NumberToken) -> bool:
    """Number words that are not quantities: "one another", "one by one"."""
    if token.kind != "count" or token.text.lower() != "one":
        return False
    return bool(_NOT_A_QUANTITY.match(text, token.start))


def counts(tokens: list[NumberToken]) -> list[NumberToken]:
    """The tokens that state a quantity (counts and money)."""
    return [t for t in tokens if t.kind in ("count", "money")]


# -- stated changes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeToken:
    """A change the text states, with its span (parentheses included) and exact phrase."""

    start: int
    end: int
    delta: float
    reference_period: str
    phrase: str


_REF = (
    r"(?P<ref>(?:FY\s?)?(?:19|20)\d{2}|the previous (?:fiscal )?year|the preceding (?:fiscal )?year"
    r"|last (?:fiscal )?year|the year before|the previous report)"
)
_IN = r"(?:(?:in|for|that (?:in|of|for)|those (?:in|of|for)|the number (?:in|for))\s+)?"
_CHANGE_PATTERNS = (
    # "20 more than in 2018", "one less than in 2018", "19 fewer than 2017"
    rf"(?P<n>{ANY_NUMBER})\s+(?:persons?\s+|people\s+|cases?\s+|victims?\s+)?"
    rf"(?P<dir>more|fewer|less|higher|lower|greater)\s+than\s+{_IN}{_REF}",
    # "same as in 2018", "the same number as in 2018", "unchanged from 2018", "no change from 2018"
    rf"(?P<same>(?:the\s+)?same(?:\s+number)?\s+as\s+{_IN}|unchanged\s+(?:from|since)\s+{_IN}"
    rf"|no\s+change\s+(?:from|since|compared\s+(?:to|with))\s+{_IN}){_REF}",
    # "an increase of 20 from 2018", "a decrease of 3 compared with the previous year"
    rf"(?:an?\s+)?(?P<dir>increase|decrease|rise|fall|drop|decline|reduction)\s+of\s+"
    rf"(?P<n>{ANY_NUMBER})\s+(?:persons?\s+|people\s+|cases?\s+)?"
    rf"(?:from|over|on|compared\s+(?:to|with)|since)\s+{_IN}{_REF}",
    # "up 3 from 2018", "down by two on the previous year"
    rf"(?P<dir>up|down)\s+(?:by\s+)?(?P<n>{ANY_NUMBER})\s+(?:from|on|over|compared\s+(?:to|with))"
    rf"\s+{_IN}{_REF}",
    # "increased by 20 from 2018", "decreased by one compared with 2018"
    rf"(?P<dir>increased|decreased|rose|fell|dropped|declined)\s+by\s+(?P<n>{ANY_NUMBER})\s+"
    rf"(?:from|on|over|compared\s+(?:to|with))\s+{_IN}{_REF}",
)
#: Words one of which each pattern needs, checked first as plain substrings: most sentences
#: state no change at all, and a substring test is much cheaper than the pattern.
_CHANGE_NEEDS = (
    ("than",),
    ("same", "unchanged", "no change"),
    ("increase", "decrease", "rise", "fall", "drop", "decline", "reduction"),
    ("up ", "down "),
    ("increased", "decreased", "rose", "fell", "dropped", "declined"),
)
_CHANGE_RES = tuple(
    (need, re.compile(p, re.IGNORECASE))
    for need, p in zip(_CHANGE_NEEDS, _CHANGE_PATTERNS, strict=True)
)
_NEGATIVE = {"fewer", "less", "lower", "decrease", "fall", "drop", "decline", "reduction", "down",
             "decreased", "fell", "dropped", "declined"}  # fmt: skip


def reference_period(ref: str, data_year: int | None) -> str:
    """ "2018" -> "2018", "FY 2017" -> "FY2017", "the previous year" -> str(data_year - 1)."""
    ref = " ".join(ref.split())
    m = re.fullmatch(r"(?i)(FY\s?)?((?:19|20)\d{2})", ref)
    if m:
        return ("FY" if m.group(1) else "") + m.group(2)
    if data_year is None:
        return ref
    fiscal = "fiscal" in ref.lower()
    return ("FY" if fiscal else "") + str(data_year - 1)


def find_stated_changes(text: str, data_year: int | None = None) -> list[ChangeToken]:
    """Every stated change in `text`, left to right.

    The span includes the surrounding parentheses when the change stands in them, so the
    caller can mask it out; `phrase` is the change as written, without the parentheses.
    Relative references ("the previous year") resolve against `data_year`.
    """
    found: list[ChangeToken] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    for need, pattern in _CHANGE_RES:
        if not any(word in lower for word in need):
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if m.groupdict().get("same"):
                delta = 0.0
            else:
                n = parse_number(m.group("n"))
                if n is None:
                    continue
                delta = -n if m.group("dir").lower() in _NEGATIVE else n
            phrase = m.group(0)
            ps, pe = start, end
            lead = text[:start]
            if lead.rstrip().endswith("(") and text[end:].lstrip().startswith(")"):
                ps = lead.rstrip().rfind("(")
                pe = end + (len(text[end:]) - len(text[end:].lstrip())) + 1
            taken.append((ps, pe))
            found.append(
                ChangeToken(ps, pe, delta, reference_period(m.group("ref"), data_year), phrase)
            )
    found.sort(key=lambda c: c.start)
    return found


__all__ = [
    "ANY_NUMBER",
    "ChangeToken",
    "NumberToken",
    "counts",
    "find_numbers",
    "find_stated_changes",
    "parse_number",
    "reference_period",
]
