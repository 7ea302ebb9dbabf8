"""percentage and list-count: numbers stated in running text that the text itself can prove.

percentage: "34 were Japanese ..., accounting for approximately 70%" against the figures the
profile maps the sentence to (numerator / denominator). Tolerance from the wording:
"approximately/about/around/roughly/nearly/almost N%" holds within `approx_points` (5) points;
"more than/over N%" needs a share above N, "less than/under N%" below N, "at least N%" at
least N; a plain or "exactly" N% must round to N (half a unit of its last digit); "more than
half" / "the majority" is > 50%, "less than half" < 50%, "about half" within the tolerance of
50%. A percentage whose sentence the profile does not map is not checked at all (not a
finding); one that is mapped but whose figures are missing is `info`.

list-count: "N things (a, b, and c)" where the parenthesised list does not have N items.
Only plain lists count: a parenthetical holding a verb, starting with "having"/"as of"/"see"/
"hereinafter", or marked as examples ("e.g.", "etc.") is skipped, since a list of examples
is not meant to be complete. "(in addition to Japanese, and depending on the location,
English, ...)" counts Japanese and drops the qualifier. Years, numbers above 200 and numbers
after "Article", "No.", a month name etc. are not counts.
"""

from __future__ import annotations

import bisect
import functools
import re

from annualcheck.checks._common import (
    NUM_RE,
    ev_figure,
    ev_paragraph,
    finding,
    fmt,
    page_ref,
    parse_count,
    shorten,
)
from annualcheck.compiled_patterns import compiled
from annualcheck.model.findings import Finding
from annualcheck.model.record import Record
from annualcheck.profiles.spec.checks import ChecksSpec, ListVocabulary
from annualcheck.prose.comparisons import find_stated_changes

PCT_RULE = "percentage"
LIST_RULE = "list-count"

_APPROX = ("approximately", "about", "around", "roughly", "nearly", "almost", "some")
_QUAL = r"approximately|about|around|roughly|nearly|almost|some|more than|over|less than|under|fewer than|at least|exactly|just"
_PCT_RE = compiled(
    rf"(?:\b(?P<q>{_QUAL})\s++)?(?P<n>(?<!\d)\d++(?:\.\d++)?)\s?(?:%|per ?cent\b)", re.IGNORECASE
)
_HALF_RE = compiled(
    r"\b(?P<q>more than|over|less than|under|about|approximately|nearly|almost|exactly)\s+half\b"
    r"|\b(?P<maj>the majority)\b",
    re.IGNORECASE,
)
_SENT_END = compiled(r"(?<!\be\.g)(?<!\betc)(?<!\bNo)(?<!\bi\.e)[.!?](?=\s+[A-Z“\"(\[]|\s*$)")


def percentage_holds(
    share: float, qualifier: str | None, stated: float, approx: float = 5.0
) -> bool:
    """Whether a share (in percent) bears out "<qualifier> <stated>%"."""
    q = (qualifier or "").lower()
    if q in _APPROX:
        return abs(share - stated) <= approx + 1e-9
    if q in ("more than", "over"):
        return share > stated
    if q in ("less than", "under", "fewer than"):
        return share < stated
    if q == "at least":
        return share >= stated - 1e-9
    decimals = (
        len(str(stated).split(".")[1])
        if "." in str(stated) and not float(stated).is_integer()
        else 0
    )
    return abs(share - stated) <= 0.5 * 10 ** (-decimals) + 1e-9


@functools.lru_cache(maxsize=1024)
def _mentions(pattern: str, sentence: str) -> bool:
    """Whether a sentence names a percentage's base; asked once per sentence and base, not
    once per share stated in it."""
    return re.search(pattern, sentence, re.IGNORECASE) is not None


@functools.lru_cache(maxsize=16)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Where the sentences of a paragraph end, found once per paragraph (str caches its hash):
    scanning the paragraph again for each stated share was quadratic."""
    return tuple(m.end() for m in _SENT_END.finditer(text))


def _sentence_at(text: str, pos: int) -> str:
    ends = _sentence_ends(text)
    index = bisect.bisect_right(ends, pos)
    start = ends[index - 1] if index else 0
    return (text[start : ends[index]] if index < len(ends) else text[start:]).strip()


def _stated_shares(text: str):
    """(match start, qualifier, stated percent, phrase) for every share stated in the text.

    Each pattern is tried only on a text holding the word it cannot match without ("%" or
    "cent", "half" or "major": not "majority", whose "i" the case-blind pattern also
    matches as "ı" or "İ"): its optional leading qualifier makes every position of a
    paragraph a place to try, and most paragraphs state no share."""
    lower = text.lower()
    if "%" in text or "cent" in lower:
        for m in _PCT_RE.finditer(text):
            yield m.start(), m.group("q"), float(m.group("n")), m.group(0)
    if "half" not in lower and "major" not in lower:
        return
    for m in _HALF_RE.finditer(text):
        q = "more than" if m.group("maj") else m.group("q").lower()
        yield m.start(), q, 50.0, m.group(0)


def check_percentages(record: Record, spec: ChecksSpec) -> list[Finding]:
    out: list[Finding] = []
    period = str(record.report.data_year)
    for para in record.paragraphs:
        comparisons = None  # the paragraph's stated changes, found at its first share
        for pos, q, stated, phrase in _stated_shares(para.text):
            if comparisons is None:
                comparisons = [(c.start, c.end) for c in find_stated_changes(para.text)]
            if any(start <= pos < end for start, end in comparisons):
                continue  # "down 37.5% year on year" is a change, not a share (stated-change)
            sentence = _sentence_at(para.text, pos)
            base = next((b for b in spec.percentage_bases
                         if _mentions(b.pattern, sentence)), None)  # fmt: skip
            if base is None:
                continue
            num = record.figure(base.numerator, period) or record.figure(base.numerator)
            den = record.figure(base.denominator, period) or record.figure(base.denominator)
            ev = ev_paragraph(record, para, sentence)
            if num is None or den is None or den.value == 0:
                out.append(finding(
                    PCT_RULE, "info", record,
                    f"{phrase!r} not checked: {base.numerator} / {base.denominator} not both "
                    f"given{page_ref(para.page)}",
                    key=base.numerator, expected=None, actual=stated, evidence=(ev,),
                ))  # fmt: skip
                continue
            share = 100.0 * num.value / den.value
            if percentage_holds(share, q, stated, spec.approx_points):
                continue
            if (q or "").lower() in _APPROX:
                rule_text = f"within ±{fmt(spec.approx_points)} points of {fmt(stated)}%"
            else:
                rule_text = phrase.strip()
            out.append(finding(
                PCT_RULE, "error", record,
                f"{shorten(sentence, 160)!r}: {base.numerator} / {base.denominator} = "
                f"{fmt(num.value)}/{fmt(den.value)} = {share:.1f}%, not {rule_text}"
                f"{page_ref(para.page, num.page)}",
                key=base.numerator, expected=round(share, 1), actual=stated,
                evidence=(ev, ev_figure(record, num), ev_figure(record, den)),
            ))  # fmt: skip
    return out


# -- list-count -----------------------------------------------------------------------------


#: Characters before a parenthesis in which the count heading its list is looked for.
_BEFORE_REACH = 2000


def _closing_parens(text: str) -> dict[int, int]:
    """Position of each "(" -> position of the ")" that closes it, in one pass (what
    `_closing` finds for one parenthesis, for all of them)."""
    opens: list[int] = []
    pairs: dict[int, int] = {}
    for m in _PARENTHESES.finditer(text):  # the parentheses only, not every character
        i = m.start()
        if text[i] == "(":
            opens.append(i)
        elif opens:
            pairs[opens.pop()] = i
    return pairs


_PARENTHESES = compiled(r"[()]")


def _strip_nested(text: str) -> str:
    """The text without its balanced parenthesised groups, nested ones included; unmatched
    parentheses stay. One pass with a stack (removing the innermost group again and again
    was quadratic in the nesting depth)."""
    out: list[str] = []
    opens: list[int] = []
    for ch in text:
        if ch == "(":
            opens.append(len(out))
            out.append(ch)
        elif ch == ")" and opens:
            del out[opens.pop() :]
        else:
            out.append(ch)
    return "".join(out)


_BOUNDARY = compiled(r"(?:[;:()\[\]]|[.!?](?=\s)|,(?=\s))")


def _last_boundary_end(text: str) -> int:
    """End of the last clause boundary (what _BOUNDARY matches) in `text`, or 0, found from the
    end: only the last one matters, and a text of thousands of boundaries is not walked."""
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in ";:()[]":
            return i + 1
        if ch in ".!?," and i + 1 < len(text) and text[i + 1].isspace():
            return i + 1
    return 0


def _count_before(before: str, vocab: ListVocabulary) -> tuple[int, str] | None:
    """The count that heads the list: the last number within `window` words before "(",
    in the same clause; None when that number is no count (a year, "Article 3", "9,454")."""
    segment = before[_last_boundary_end(before) :]
    tokens = segment.split()
    window = " ".join(tokens[-(vocab.window + 1) :])
    matches = list(NUM_RE.finditer(window))
    if not matches:
        return None
    m = matches[-1]
    n = parse_count(m.group(0))
    prev_word = window[: m.start()].split()[-1:]
    prev = prev_word[0].lower() if prev_word else ""
    if n is None or n > 200 or n < 2 or (m.group(0).isdigit() and len(m.group(0)) == 4):
        return None
    if prev in vocab.not_counts_after or prev.endswith("$"):
        return None
    return n, window[m.start() :].strip()


def list_items(inner: str, vocab: ListVocabulary) -> list[str] | None:
    """The items of a parenthesised list, or None when the parenthetical is no plain list."""
    low = " ".join(inner.lower().split())
    if any(low.startswith(s) for s in vocab.skip_starts):
        return None
    flat = " ".join(_strip_nested(inner).split())
    low_flat = flat.lower()
    if any(re.search(rf"(?<![\w.]){re.escape(m)}(?!\w)", low_flat) for m in vocab.example_markers):
        return None
    if any(w in vocab.verbs for w in re.findall(r"[a-z]+", low_flat)):
        return None
    for lead in vocab.lead_ins:
        if low_flat.startswith(lead + " "):
            flat = flat[len(lead) + 1 :]
            break
    raw = [p.strip() for p in flat.split(",")]
    items: list[str] = []
    for k, part in enumerate(raw):
        had_conj = bool(re.match(r"(?:and|or)\s", part, re.IGNORECASE))
        part = re.sub(r"^(?:and|or)\s+", "", part, flags=re.IGNORECASE).strip()
        if not part or any(part.lower().startswith(q) for q in vocab.qualifiers):
            continue
        if k == len(raw) - 1 and not had_conj and re.search(r"\s(?:and|or)\s", part):
            head, tail = re.split(r"\s(?:and|or)\s(?!.*\s(?:and|or)\s)", part, maxsplit=1)
            items.extend(x for x in (head.strip(), tail.strip()) if x)
            continue
        items.append(part)
    return items


def check_lists(record: Record, spec: ChecksSpec) -> list[Finding]:
    vocab = spec.lists
    out: list[Finding] = []
    for para in record.paragraphs:
        text = para.text
        if "(" not in text:
            continue  # no list
        closing = _closing_parens(text)
        for m in re.finditer(r"\(", text):
            end = closing.get(m.start())
            if end is None:
                continue  # unbalanced: no list to count
            # the words just before the parenthesis (the whole prefix, for each of thousands
            # of parentheses, was quadratic); the count sits within a few words of it
            head = _count_before(text[max(0, m.start() - _BEFORE_REACH) : m.start()], vocab)
            if head is None:
                continue
            items = list_items(text[m.start() + 1 : end], vocab)
            if items is None or len(items) < 2:
                continue
            n, phrase = head
            if n == len(items):
                continue
            quote = f"{phrase} ({text[m.start() + 1 : end]})"
            out.append(finding(
                LIST_RULE, "error", record,
                f"{shorten(quote, 200)!r}: the text says {n}, the list has {len(items)} "
                f"items ({'; '.join(items)}){page_ref(para.page)}",
                key=None, expected=len(items), actual=n,
                evidence=(ev_paragraph(record, para, quote),),
            ))  # fmt: skip
    return out
