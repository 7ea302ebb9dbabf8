"""Steps 1 and 2 of figure extraction: a paragraph's sentences, and the counts each sentence
mentions with the words that say what they count.

Why apart: this is the part that knows English sentence structure only (where a sentence
ends, clauses, coordinated counts, "respectively", stated changes masked before counts are
read); keys, periods and merging (`figures`, `figures_merge`) work on its `Mention`s.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from annualcheck.compiled_patterns import compiled
from annualcheck.prose.comparisons import ChangeToken, find_stated_changes
from annualcheck.prose.numbers import NumberToken, find_numbers

if TYPE_CHECKING:
    from annualcheck.profiles.spec.extract import FiguresProfile


PLACEHOLDER = "#N#"


@dataclass(frozen=True)
class Mention:
    """A count in a sentence with the words that say what it counts."""

    token: NumberToken
    segment: str  # the count's own words, the count replaced by PLACEHOLDER
    clause: str
    seg_start: int
    seg_end: int
    change: ChangeToken | None = None
    period_hint: str | None = None  # set by "respectively"
    #: every number of the sentence, stated changes masked (years and dates for the period)
    numbers: tuple[NumberToken, ...] = ()
    masked: str = ""


# -- step 1: sentences -------------------------------------------------------------------------


def split_sentences(text: str, profile: FiguresProfile) -> list[tuple[int, int]]:
    """Spans of the sentences of `text`. A full stop ends a sentence when the next word starts
    with a capital or digit, unless it closes an abbreviation ("e.g.", "Mt.", but "etc." may
    end one); stops inside quotes or parentheses do not count."""
    spans: list[tuple[int, int]] = []
    start, paren, quote = 0, 0, False
    abbrevs = {a.lower() for a in profile.abbreviations}
    n = len(text)
    for m in _SENTENCE_MARKS.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch == "(":
            paren += 1
        elif ch == ")":
            paren = max(0, paren - 1)
        elif ch == "\u201c":
            quote = True
        elif ch == "\u201d":
            quote = False
        elif paren == 0 and not quote and i >= start:
            j = i + 1
            while j < n and text[j] in "\"'\u2019)":
                j += 1
            if j < n and not text[j].isspace():
                continue
            k = j
            while k < n and text[k].isspace():
                k += 1
            nxt = text[k + 1] if k + 1 < n and text[k] in '\u201c"([' else text[k] if k < n else ""
            if k < n and not (nxt.isupper() or (nxt.isdigit() and text[k] != "(")):
                continue
            word = re.search(r"([\w.]+)$", text[max(start, i - 12) : i])
            w = word.group(1).lower() if word else ""
            if ch == "." and w and w != "etc" and (w in abbrevs or len(w) == 1):
                continue
            spans.append((start, j))
            start = k
    if start < n and text[start:].strip():
        spans.append((start, n))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_SENTENCE_MARKS = compiled("[().!?\u201c\u201d]")


# -- step 2: mentions --------------------------------------------------------------------------

# Whitespace runs are entered only at their first character ((?<!\s)) and consumed
# possessively, so a long run of spaces costs its length once, not its square.
_BOUNDARY = compiled(
    r",\s++(?:and|while|whereas|but|or)\s+|;\s*+|:\s++|,\s++"
    r"|(?<!\s)\s++and\s+|(?<!\s)\s++while\s+"
)


_STRONG = compiled(r"(?:,\s++|(?<!\s)\s++)(?:while|whereas)\s+|;\s+")


_COORDINATED = compiled(r"(?<!\s)\s*+(?:,|,?\s*+and|,?\s*+or)\s*+")


def _depth_zero_matches(pattern: re.Pattern[str], text: str, blocked: list[bool]) -> list[tuple]:
    """Matches of `pattern` outside parentheses, quotes and number tokens."""
    events = []
    d, q = 0, False
    for m in _NESTING.finditer(text):
        ch = m.group(0)
        if ch == "(":
            d += 1
        elif ch == ")":
            d = max(0, d - 1)
        elif ch == "\u201c":
            q = True
        else:
            q = False
        events.append((m.start(), d + (1 if q else 0)))
    out = []
    for m in pattern.finditer(text):
        if any(blocked[m.start() : m.end()]):
            continue
        depth = 0
        for pos, dep in events:
            if pos >= m.start():
                break
            depth = dep
        if depth == 0:
            out.append(m.span())
    return out


_NESTING = compiled("[()\u201c\u201d]")


def find_mentions(sentence: str, data_year: int, profile: FiguresProfile) -> list[Mention]:
    """The counts of one sentence, each with its segment, clause and stated change.

    Stated changes are found first and masked, so their numbers are not taken for counts.
    A change belongs to the count before it (or, as in "16 (four more than in 2018) engaged
    in ...", right after it). A change with no count before it gets an implied one when the
    subject is singular ("The Brazilian national was ...").
    """
    changes = find_stated_changes(sentence, data_year, profile.counted_nouns)
    masked = list(sentence)
    for c in changes:
        masked[c.start : c.end] = " " * (c.end - c.start)
    masked_text = "".join(masked)
    numbers = tuple(find_numbers(masked_text))
    tokens = [t for t in numbers if t.kind in ("count", "money")]
    tokens += _implied_counts(masked_text, tokens, changes, profile)
    tokens.sort(key=lambda t: t.start)
    if not tokens:
        return []
    blocked = [False] * len(sentence)
    for t in numbers:
        for k in range(t.start, t.end):
            blocked[k] = True
    for c in changes:
        for k in range(c.start, c.end):
            blocked[k] = True
    bounds = _depth_zero_matches(_BOUNDARY, masked_text, blocked)
    strong = _depth_zero_matches(_STRONG, masked_text, blocked)
    first = [b for b in bounds if b[1] <= tokens[0].start]
    cuts = [first[-1][1] if first else 0]
    ends = []
    # Boundaries do not overlap and come in order, so the last one ending before the next
    # count is found by bisection: a sentence listing thousands of counts stays linear.
    bound_ends = [x[1] for x in bounds]
    for a, b in zip(tokens, tokens[1:], strict=False):
        index = bisect.bisect_right(bound_ends, b.start) - 1
        last = bounds[index] if index >= 0 and bounds[index][0] >= a.end else None
        ends.append(last[0] if last else b.start)
        cuts.append(last[1] if last else b.start)
    ends.append(len(sentence))
    change_starts = [c.start for c in changes]  # changes come sorted by start
    strong_starts, strong_ends = [s for s, _ in strong], [e for _, e in strong]
    mentions = []
    leading = _leading_changes(changes, tokens, masked_text)
    for k, tok in enumerate(tokens):
        seg_start, seg_end = cuts[k], ends[k]
        change = leading.get(k)
        if change is None:  # the first comparison after the count that does not precede another
            at = bisect.bisect_left(change_starts, tok.end)
            while at < len(changes) and changes[at].start < seg_end and changes[at].precedes:
                at += 1
            if at < len(changes) and changes[at].start < seg_end:
                change = changes[at]
        if change is not None:
            seg_end = max(seg_end, change.end)
            seg_start = min(seg_start, change.start) if change.precedes else seg_start
            change = change.with_count(tok.value)
        segment = masked_text[seg_start : tok.start] + PLACEHOLDER + masked_text[tok.end : seg_end]
        mentions.append(
            Mention(
                token=tok,
                segment=" ".join(segment.split()),
                clause=_clause_of(masked_text, tok.start, strong, strong_starts, strong_ends),
                seg_start=seg_start,
                seg_end=seg_end,
                change=change,
                numbers=numbers,
                masked=masked_text,
            )
        )
    return _coordinate(mentions, masked_text)


_LEADS_TO_COUNT = compiled(r"^\s*,?\s*(?:to|at|reaching|totall?ing)?\s*$", re.IGNORECASE)


def _leading_changes(
    changes: list[ChangeToken], tokens: list[NumberToken], text: str
) -> dict[int, ChangeToken]:
    """Comparisons written before their count ("from 27 to 47", "doubled to 54"): the index of
    the count each belongs to. A comparison after a count belongs to that count instead."""
    out: dict[int, ChangeToken] = {}
    starts = [t.start for t in tokens]  # sorted: found by bisection, linear in the sentence
    for c in changes:
        k = bisect.bisect_left(starts, c.end)
        if k >= len(tokens) or k in out:
            continue
        before = bool(tokens) and tokens[0].end <= c.start  # counts do not overlap
        gap = text[c.end : tokens[k].start]
        if c.precedes or (c.kind == "relative" and not before and _LEADS_TO_COUNT.match(gap)):
            out[k] = replace(c, precedes=True)
    return out


def _implied_counts(
    text: str, tokens: list[NumberToken], changes: list[ChangeToken], profile: FiguresProfile
) -> list[NumberToken]:
    """Counts a subject stands for ("The Brazilian national was ... (one more than in 2018)"),
    looked for only before a stated change that has no number before it."""
    out = []
    prev_end = 0
    starts = sorted(t.start for t in tokens)
    for c in changes:
        lo, hi = prev_end, c.start
        if c.precedes:
            prev_end = c.end
            continue
        at = bisect.bisect_left(starts, lo)
        if not (at < len(starts) and starts[at] < hi):  # no count in [lo, hi)
            found = [
                (m, value)
                for pattern, value in profile.implied_counts
                for m in re.finditer(pattern, text[lo:hi])
            ]
            if found:
                m, value = max(found, key=lambda f: f[0].start())
                s, e = lo + m.start(), lo + m.end()
                out.append(NumberToken(s, e, text[s:e], float(value), "count"))
        prev_end = c.end
    return out


#: Most characters of a clause on either side of its count. A real clause is a few hundred
#: characters; without a cap, a sentence of thousands of counts and no strong boundary gave
#: every count the whole sentence as its clause (quadratic time and memory).
CLAUSE_WINDOW = 600


def _clause_of(
    text: str, pos: int, strong: list[tuple[int, int]], starts: list[int], ends: list[int]
) -> str:
    """The words between the strong boundaries around `pos` (`starts`/`ends`: theirs, in
    order, computed once per sentence), at most CLAUSE_WINDOW characters either side."""
    before = bisect.bisect_right(ends, pos) - 1
    start = strong[before][1] if before >= 0 else 0
    after = bisect.bisect_left(starts, pos)
    end = strong[after][0] if after < len(strong) else len(text)
    start = max(start, pos - CLAUSE_WINDOW)
    end = min(end, pos + CLAUSE_WINDOW)
    return " ".join(text[start:end].split())


def _coordinate(mentions: list[Mention], text: str) -> list[Mention]:
    """ "433 and 285 reports ... in FY2017 and FY2018 respectively": coordinated counts share
    the words of the last one, and "respectively" hands out the periods in order."""
    out = list(mentions)
    k = 0
    while k < len(out):
        j = k
        while (
            j + 1 < len(out)
            and out[j].change is None
            and _COORDINATED.fullmatch(text[out[j].token.end : out[j + 1].token.start])
        ):
            j += 1
        if j > k:
            last = out[j]
            tail = text[last.token.end : last.seg_end]
            periods = []
            if re.search(r"\brespectively\b", tail):
                periods = [
                    _period_text(t) for t in find_numbers(tail) if t.kind in ("year", "fiscal_year")
                ]
            for idx in range(k, j + 1):
                hint = periods[idx - k] if len(periods) == j - k + 1 else None
                out[idx] = replace(out[idx], segment=last.segment, period_hint=hint)
        k = j + 1
    return out


def _period_text(token: NumberToken) -> str:
    digits = re.sub(r"\D", "", token.text)[-4:]
    return ("FY" if token.kind == "fiscal_year" else "") + digits
