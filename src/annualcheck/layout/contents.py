"""Contents pages and the numbering grammar of headings: "2 (1) i) a)" and "[Figure 8] ....11".

Headings may number their levels in any style ("2", "Chapter 2", "A.", "(1)", "i)", "(i)",
"(a)", "a)"); section labels are always written in one canonical style ("3 (1) i) a)"), so a
cross-reference "[Repeated from 3 (1) (a)]" and the heading "(a) ..." name the same section.

Why a module of its own: the contents are the document's own map (labels, titles, printed
pages), and layout.py checks every heading and caption against it. Parsing is by words and
numbering only: dot leaders, a page number in its own cell, entries that wrap over lines.
How a caption and the contents heading are written is the series' (`Profile.layout`).
"""

from __future__ import annotations

import re

from annualcheck.compiled_patterns import compiled
from annualcheck.model.record import TocEntry
from annualcheck.model.safety import bounded_int
from annualcheck.pdf.document import Line, PdfDocument
from annualcheck.profiles.spec.extract import LayoutGrammar

# Leaders are entered only at the start of their run (the lookbehinds) and read possessively:
# a line of 30,000 dots is read once, not once from every dot (which was quadratic).
LEADER_TAIL_RE = compiled(r"(?:(?<![\s.])\s*+(?:\.\s*+){2,}+|(?<![\s…])\s*+…++\s*+)(\d{1,3})\s*+$")
BARE_TAIL_RE = compiled(r"(?<!\s)\s++(\d{1,3})\s*+$")
#: Dot leaders at the end of a contents entry (removed); entered at their run's start.
TRAILING_LEADERS_RE = compiled(r"(?<![\s.])\s*+(?:\.\s*+){2,}+$")
PAGE_NUMBER_RE = compiled(
    r"^(?:[-–—]\s*)?(?:page\s+)?(\d{1,3})(?:\s*(?:of|/)\s*\d{1,3})?(?:\s*[-–—])?$", re.IGNORECASE
)
ROMAN_PAGE_RE = compiled(r"^(?:[-–—]\s*)?[ivxlc]{1,6}(?:\s*[-–—])?$", re.IGNORECASE)
ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
]
LETTERS = "abcdefghijklmnopqrstuvwxyz"

_ROMAN_ALT = "|".join(sorted(ROMAN, key=len, reverse=True))
# The numbering styles a heading may print, each with the levels it may stand for (most likely
# first): "2 Title", "2. Title", "Chapter 2", "A. Title", "(1)", "i)", "(i)", "(a)", "a)".
# A style names no level by itself ("(a)" is the third level in one report, the fourth in
# another): the walker takes the reading that continues the numbering it is in.
_STYLES: tuple[tuple[re.Pattern[str], str, tuple[int, ...]], ...] = (
    (compiled(r"^(\d{1,2})\.?\s+(?=\S)"), "digit", (0,)),
    (compiled(r"^Chapter\s+(\d{1,2})\s*[.:\u2014\u2013-]?\s+", re.IGNORECASE), "digit", (0,)),
    (compiled(r"^([A-H])\.\s+(?=[A-Z\u201c\"'\u2018])"), "letter", (0, 1)),
    (compiled(r"^\(\s*(\d{1,2})\s*\)\s*"), "digit", (1,)),
    (compiled(rf"^((?:{_ROMAN_ALT}))\s*\)\s*"), "roman", (2,)),
    (compiled(rf"^\(\s*((?:{_ROMAN_ALT}))\s*\)\s*"), "roman", (2,)),
    (compiled(r"^\(\s*([a-z])\s*\)\s*"), "letter", (2, 3)),
    (compiled(r"^([a-z])\s*\)\s*"), "letter", (3, 2)),
)

# -- numbering grammar ---------------------------------------------------------------------


def number_readings(text: str) -> list[tuple[tuple[int, ...], str]]:
    """Every way to read a leading section number off a heading or contents text, most likely
    first: "(a) Data" → [((0, 0, 1), "Data"), ((0, 0, 0, 1), "Data")]; "i) Data" →
    roman one (third level) before the letter i (fourth level). Zeros stand for the
    components the line does not print (headings print only their own component)."""
    text = text.strip()
    out: list[tuple[tuple[int, ...], str]] = []
    for pattern, style, levels in _STYLES:
        m = pattern.match(text)
        if not m:
            continue
        token, rest = m.group(1), text[m.end() :].strip()
        if style == "digit" and levels == (0,):
            raw = text[m.end() :]
            if not raw or not (raw[0].isupper() or raw[0] in "\u201c\"'\u2018"):
                continue
        if style == "digit":
            value = int(token)
        elif style == "roman":
            value = ROMAN.index(token.lower()) + 1
        else:
            value = LETTERS.index(token.lower()) + 1
        for level in levels:
            reading = (tuple([0] * level + [value]), rest)
            if reading not in out:
                out.append(reading)
    return out


def parse_number(text: str) -> tuple[tuple[int, ...], str] | None:
    """Split a leading section number off a heading or contents text (its most likely
    reading, see `number_readings`).

    "2 (1) i) Data relating" → ((2, 1, 1), "Data relating"); "(3) Title" → ((0, 3), "Title");
    "iii) Cases" → ((0, 0, 3), "Cases"); "a) Police" → ((0, 0, 0, 1), "Police").
    """
    readings = number_readings(text)
    return readings[0] if readings else None


def reading_after(
    readings: list[tuple[tuple[int, ...], str]], current: list[int] | tuple[int, ...]
) -> tuple[tuple[int, ...], str] | None:
    """The reading that continues the numbering `current` ("(a)" after "3 (1)" is 3 (1) i),
    after "3 (1) ii)" it is 3 (1) ii) a)), else the most likely one."""
    candidates = next_numbers(list(current))
    for parts, title in readings:
        want = candidates.get(len(parts) - 1)
        if want is not None and want[-1] == parts[-1]:
            return parts, title
    return readings[0] if readings else None


def format_number(parts: tuple[int, ...] | list[int]) -> str:
    """(2, 1, 1) → "2 (1) i)"; (7, 3, 1, 1) → "7 (3) i) a)"."""
    out = []
    for level, value in enumerate(parts):
        if level == 0:
            out.append(str(value))
        elif level == 1:
            out.append(f"({value})")
        elif level == 2:
            out.append(f"{ROMAN[value - 1]})")
        else:
            out.append(f"{LETTERS[value - 1]})")
    return " ".join(out)


def canonical_section(text: str) -> str:
    """Normalise a cross-reference like "2 (1) i", "4(5)" or "3 (3) ii)" to "2 (1) i)"."""
    tokens = re.findall(r"\(\s*\d+\s*\)|\(\s*[a-z]+\s*\)|\d+|[ivx]+\)?|[a-z]\)", text)
    parts: list[int] = []
    for tok in tokens:
        tok = tok.replace(" ", "")
        if tok.startswith("(") and not tok[1:-1].isdigit():
            tok = tok[1:]  # "(a)", "(ii)": the letter or roman style, read as "a)", "ii)"
        if tok.startswith("("):
            parts.append(bounded_int(tok[1:-1]) or 0)
        elif tok.isdigit():
            if parts:
                break
            parts.append(bounded_int(tok) or 0)
        elif tok.rstrip(")") in ROMAN and len(parts) == 2:
            parts.append(ROMAN.index(tok.rstrip(")")) + 1)
        elif len(parts) == 2 and len(tok.rstrip(")")) == 1 and tok.rstrip(")") in LETTERS:
            parts.append(LETTERS.index(tok.rstrip(")")) + 1)  # "(a)" as the third level
        elif len(parts) == 3 and tok.rstrip(")") in LETTERS:
            parts.append(LETTERS.index(tok.rstrip(")")) + 1)
    return format_number(parts) if parts else text.strip()


def next_numbers(current: list[int]) -> dict[int, tuple[int, ...]]:
    """The numbers that may come next after `current`, by level (0-based)."""
    out: dict[int, tuple[int, ...]] = {}
    for level in range(4):
        if level > len(current):
            break
        prefix = current[:level]
        if level < len(current):
            value = current[level] + 1
        else:
            value = 1
        if level > 0 and len(prefix) < level:
            continue
        out[level] = tuple(prefix + [value])
    return out


# -- words ---------------------------------------------------------------------------------


#: What is not a compared word's letter or digit; digits, for `norm_words_nodigits`. Compiled
#: here, not looked up in re's cache at each call: norm_words runs on thousands of lines.
_NOT_WORD_RE = compiled(r"[^a-z0-9]+")
_DIGITS_RE = compiled(r"\d+")


def norm_words(text: str) -> str:
    """Words for comparing a heading with its contents entry: case, quotes, spacing away."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _NOT_WORD_RE.sub(" ", text).strip()


def norm_words_nodigits(text: str) -> str:
    return _DIGITS_RE.sub("#", norm_words(text))


# -- contents ------------------------------------------------------------------------------


def _toc_tail(line: Line) -> tuple[str, int | None]:
    """Split the printed page number (and dot leaders) off a contents line."""
    text = line.text
    m = LEADER_TAIL_RE.search(text)
    if m:
        head = text[: m.start()].rstrip(" .")
        if re.search(r"\betc$", head):  # the leaders swallowed the abbreviation's period
            head += "."
        return head, int(m.group(1))
    if len(line.cells) > 1 and bounded_int(line.cells[-1]) is not None:
        return " ".join(line.cells[:-1]).rstrip(" ."), int(line.cells[-1])
    return text, None


def _starts_entry(text: str, grammar: LayoutGrammar) -> bool:
    return bool(grammar.caption_re.match(text)) or parse_number(text) is not None


def parse_contents(lines: list[Line], grammar: LayoutGrammar) -> list[TocEntry]:
    """Contents lines → entries; an entry that wraps ends at the line carrying its page."""
    entries: list[TocEntry] = []
    pending: list[str] = []
    pending_page: int | None = None
    current: list[int] = []

    def flush(page_no: int | None) -> None:
        nonlocal pending, current
        text = " ".join(pending).strip()
        pending = []
        if not text:
            return
        text = TRAILING_LEADERS_RE.sub("", text)
        cap = grammar.caption_re.match(text)
        if cap:
            label = f"{cap.group('kind')} {cap.group('number')}"
            entries.append(TocEntry(label, cap.group("text").strip(), page_no, 0, pending_page))
            return
        parsed = reading_after(number_readings(text), current)
        if parsed is None:
            if entries:  # a stray continuation: attach to the previous entry
                entries[-1].text = (entries[-1].text + " " + text).strip()
            return
        parts, title = parsed
        level = len(parts)
        full = (current[: level - 1] + [parts[-1]]) if level > 1 else [parts[0]]
        if len(full) < level:
            full = full + [1] * (level - len(full))
        current = full
        entries.append(TocEntry(format_number(full), title, page_no, level, pending_page))

    lines = [
        ln for ln in lines if not ROMAN_PAGE_RE.match(ln.text) and not PAGE_NUMBER_RE.match(ln.text)
    ]
    for i, line in enumerate(lines):
        text, page_no = _toc_tail(line)
        if not pending:
            pending_page = line.page
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if pending and _starts_entry(text, grammar):
            # the previous entry never printed a page number (or had it without leaders)
            joined = " ".join(pending)
            tail = BARE_TAIL_RE.search(joined)
            if tail:
                pending = [joined[: tail.start()]]
                flush(int(tail.group(1)))
            else:
                flush(None)
            pending_page = line.page
        pending.append(text)
        if page_no is not None:
            flush(page_no)
        elif nxt is None:
            joined = " ".join(pending)
            tail = BARE_TAIL_RE.search(joined)
            if tail:
                pending = [joined[: tail.start()]]
                flush(int(tail.group(1)))
            else:
                flush(None)
    return entries


def find_contents(doc: PdfDocument, grammar: LayoutGrammar) -> tuple[int, int, int, int] | None:
    """(page, index) of the "Contents" line and of the first body line after the contents.

    The contents end where the first entry's heading is printed without a page number
    (e.g. "1 Introduction" as a heading after "1 Introduction.....1" in the contents)."""
    start = None
    for page in doc.pages:
        for idx, line in enumerate(page.lines):
            if grammar.contents_re.match(line.text.strip()):
                start = (page.number, idx)
                break
        if start:
            break
    if start is None:
        return None
    first_text: str | None = None
    run_start: tuple[int, int] | None = None  # first of the lines since the last page number
    run_length = 0
    for page in doc.pages[start[0] - 1 :]:
        begin = start[1] + 1 if page.number == start[0] else 0
        for idx in range(begin, len(page.lines)):
            line = page.lines[idx]
            text, page_no = _toc_tail(line)
            if first_text is None:
                if page_no is not None or _starts_entry(text, grammar):
                    first_text = norm_words(text)
                continue
            if (
                page_no is None
                and norm_words(line.text) == first_text
                and not LEADER_TAIL_RE.search(line.text)
            ):
                return start[0], start[1], page.number, idx
            if page_no is not None or ROMAN_PAGE_RE.match(text) or PAGE_NUMBER_RE.match(text):
                run_start, run_length = None, 0
            else:
                run_start = run_start or (page.number, idx)
                run_length += 1
                if run_length > 3:  # no entry's page for lines on end: the body has begun
                    return start[0], start[1], run_start[0], run_start[1]
    return None


__all__ = [
    "BARE_TAIL_RE",
    "LEADER_TAIL_RE",
    "PAGE_NUMBER_RE",
    "ROMAN_PAGE_RE",
    "canonical_section",
    "find_contents",
    "format_number",
    "next_numbers",
    "number_readings",
    "reading_after",
    "norm_words",
    "norm_words_nodigits",
    "parse_contents",
    "parse_number",
]
