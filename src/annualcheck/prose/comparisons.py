"""The grammar of comparisons: how English states that a count changed since another period.

Why a grammar of its own: a later report rewords every sentence, and a comparison can be
written as an absolute change ("(20 more than in 2018)", "(+14 year on year)", "an increase of
two"), as the prior value ("compared with five in 2018", "(2018: 27)", "rose to six from
three", "from 27 to 47"), or as a relative change ("up 58.3% year on year", "doubled", "half as
many as in 2018"). Each family is read here, in one place, into one `ChangeToken`:

- `kind` "absolute": `delta` as stated;
- `kind` "prior_value": `prior_value` as stated, and `delta` = count − prior, marked `derived`
  (the caller fills it in, it knows the count: see `with_count`);
- `kind` "relative": `relative` the factor of change, as the contract has it (1.741 for "up
  74.1%", 2.0 for "doubled", 0.5 for "halved"), with the decimals of the percentage the text
  prints (`decimals`, None for words), `delta` None.

`bound` keeps "more than", "at least", "nearly" as bounds ("more than doubled"). The span
covers the words of the comparison (and its parentheses), so the caller masks them: a
comparison's period words ("in 2018") never become the period of the count itself. Relative
references resolve against the data year ("the previous year" = data year − 1; "the previous
fiscal year" = FY(data year − 1)).

Nothing here is specific to one report series: it is how English compares numbers.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from annualcheck.compiled_patterns import compiled
from annualcheck.prose.numbers import ANY_NUMBER, DIGIT_NUMBER, fold_width, parse_number

KINDS = ("absolute", "prior_value", "relative")


@dataclass(frozen=True)
class ChangeToken:
    """A comparison the text states, with its span (parentheses included) and exact phrase.

    `precedes` is True when the comparison stands before the count it is about ("from 27 to
    47", "doubled to 54"): the caller attaches it to the next count instead of the last."""

    start: int
    end: int
    delta: float | None
    reference_period: str
    phrase: str
    kind: str = "absolute"
    prior_value: float | None = None
    relative: float | None = None
    decimals: int | None = None
    bound: str | None = None
    derived: bool = False
    precedes: bool = False

    def with_count(self, value: float | None) -> ChangeToken:
        """A prior-value comparison made an absolute change for the count it belongs to."""
        if self.kind != "prior_value" or self.prior_value is None or value is None:
            return self
        return replace(self, delta=float(value) - self.prior_value, derived=True)


# -- the words ---------------------------------------------------------------------------------

_YEAR = r"(?:FY\s?)?(?:19|20)\d{2}"
_RELATIVE_REF = (
    r"the (?:previous|preceding|prior) (?:fiscal )?year|last (?:fiscal )?year|the year before"
    r"|a year (?:earlier|before|ago)|the previous report|year[- ]on[- ]year|the previous"
    r" (?:fiscal )?year's (?:figure|total|number)"
)
REF = rf"(?P<ref>{_YEAR}(?!\d)|{_RELATIVE_REF})"
_IN = (
    r"(?:(?:in|for|that (?:in|of|for)|those (?:in|of|for)|the (?:number|figure|total|count)"
    r" (?:in|of|for))\s+)?"
)
_FROM = r"(?:from|over|on|against|compared\s+(?:to|with)|relative\s+to|since|versus|vs\.?)"
#: "from 2018", "compared with the previous year", "year on year": where a change is measured from
REF_TAIL = rf"(?:\s+{_FROM}\s+{_IN}{REF}|\s+(?P<yoy>year[- ]on[- ]year|y/y))"
#: The counted nouns that may follow a number ("20 persons more"); a series adds its own
#: (`FiguresProfile.counted_nouns`) where the placeholder stands.
_NOUNS = "<<nouns>>"
_UNIT = rf"(?:\s+(?:persons?|people|cases?|individuals{_NOUNS}))?"
N = rf"(?P<n>{ANY_NUMBER})"
#: a prior value: any count that is not a year
M = rf"(?P<m>(?!(?:19|20)\d{{2}}\b)(?:{ANY_NUMBER}))"
PCT = rf"(?P<pct>{DIGIT_NUMBER})\s?(?:%|percent\b|per cent\b)"
BOUND = (
    r"(?P<bound>more than|over|at least|nearly|almost|close to|roughly|about|approximately"
    r"|less than|under|at most|no more than|no less than|just over|just under)\s+"
)
_BOUNDS = {
    "more than": "more_than", "over": "more_than", "just over": "more_than",
    "at least": "at_least", "no less than": "at_least",
    "less than": "less_than", "under": "less_than", "just under": "less_than",
    "at most": "at_most", "no more than": "at_most",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "roughly": "about", "about": "about", "approximately": "about",
}  # fmt: skip
_NEGATIVE = {"fewer", "less", "lower", "decrease", "fall", "drop", "decline", "reduction", "down",
             "decreased", "fell", "dropped", "declined", "-", "\u2212", "\u2013"}  # fmt: skip
_FACTORS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_TIMES = {"twice": 2.0, "three times": 3.0, "four times": 4.0, "half": 0.5, "a third": 1 / 3}

_UP = r"increase|rise|growth|jump"
_DOWN = r"decrease|fall|drop|decline|reduction"
_VERB_UP = r"increased|rose|grew|climbed|jumped"
_VERB_DOWN = r"decreased|fell|dropped|declined"

# (kind, words one of which the pattern needs, pattern). Order matters: where two match
# overlapping spans, the first one wins. The words are a speed gate and must be necessary:
# every alternative of the pattern holds one of them (tests/test_comparisons.py compares the
# gated grammar with the ungated one on texts drawn from its vocabulary).
_GRAMMAR: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # relative first: "58.3% more than in 2018" must not read as "58.3 more"
    ("relative", ("%", "percent", "per cent"),
     rf"(?:{BOUND})?{PCT}\s+(?P<dir>more|fewer|less|higher|lower|greater)"
     rf"(?:\s+than\s+{_IN}{REF})?"),
    ("relative", ("%", "percent", "per cent"),
     rf"(?P<dir>up|down)\s+(?:by\s+)?(?:{BOUND})?{PCT}{REF_TAIL}?"),
    ("relative", ("%", "percent", "per cent"),
     rf"(?:an?\s+)?(?P<dir>{_UP}|{_DOWN})\s+of\s+(?:{BOUND})?{PCT}{REF_TAIL}?"),
    ("relative", ("%", "percent", "per cent"),
     rf"(?P<dir>{_VERB_UP}|{_VERB_DOWN})\s+(?:by\s+)?(?:{BOUND})?{PCT}{REF_TAIL}?"),
    ("relative", ("%", "percent", "per cent"),
     rf"(?<=\()\s*(?P<dir>[+\-\u2212\u2013])\s?{PCT}{REF_TAIL}?(?=\s*\))"),
    ("relative", ("doubled", "halved", "tripled", "trebled", "quadrupled"),
     rf"(?:{BOUND})?(?P<factor>doubled|halved|tripled|trebled|quadrupled){REF_TAIL}?"),
    ("relative", ("as many",),
     rf"(?:{BOUND})?(?P<times>twice|three times|four times|half|a third|(?P<tn>{ANY_NUMBER})"
     rf"\s+times)\s+as\s+many(?:\s+\w+)?\s+as\s+{_IN}{REF}"),
    # absolute
    ("absolute", ("than",),
     rf"{N}{_UNIT}\s+(?P<dir>more|fewer|less|higher|lower|greater)\s+than\s+{_IN}{REF}"),
    ("absolute", ("same", "unchanged", "no change"),
     rf"(?:(?:the\s+)?same(?:\s+(?:number|figure))?\s+as\s+{_IN}|unchanged\s+(?:from|since|on)"
     rf"\s+{_IN}|no\s+change\s+(?:from|since|on|compared\s+(?:to|with))\s+{_IN}){REF}"),
    ("absolute", ("unchanged", "no change", "same"),
     r"(?<=\()\s*(?:unchanged|no change|the same|same)(?=\s*\))"),
    ("absolute", ("as in",), rf"(?<=\()\s*as\s+in\s+{REF}(?=\s*\))"),
    ("absolute", (*_UP.split("|"), *_DOWN.split("|")),
     rf"(?:an?\s+)?(?P<dir>{_UP}|{_DOWN})\s+of\s+{N}{_UNIT}{REF_TAIL}?"),
    ("absolute", ("up ", "down "),
     rf"(?<![\w-])(?P<dir>up|down)\s+(?:by\s+)?{N}{_UNIT}{REF_TAIL}?"),
    ("absolute", ("up ", "down "),
     rf"{N}{_UNIT}\s+(?P<dir>up|down)\s+(?:on|from)\s+{_IN}{REF}"),
    ("absolute", (*_VERB_UP.split("|"), *_VERB_DOWN.split("|")),
     rf"(?P<dir>{_VERB_UP}|{_VERB_DOWN})\s+by\s+{N}{_UNIT}{REF_TAIL}?"),
    ("absolute", ("+", "-", "\u2212", "\u2013"),
     rf"(?<=\()\s*(?P<dir>[+\-\u2212\u2013])\s?(?P<n>{DIGIT_NUMBER}){_UNIT}{REF_TAIL}?(?=\s*\))"),
    # prior values
    ("prior_value", ("compared", "versus", "vs", "against"),
     rf"(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+{M}{_UNIT}(?:\s+(?:(?:in|for)\s+)?{REF})?"),
    ("prior_value", (":",), rf"(?<=\()\s*{REF}\s*:\s*{M}{_UNIT}(?=\s*\))"),
    ("prior_value", ("having been", "after"),
     rf"(?:having\s+been|after)\s+{M}{_UNIT}\s+(?:in|for)\s+{REF}"),
    ("prior_value", ("from",),
     rf"(?P<fromto>from\s+{M}{_UNIT}(?:\s+(?:in|for)\s+{REF})?\s+to)(?=\s+(?:{ANY_NUMBER})\b)"),
    ("prior_value", ("from",),
     rf"(?:(?P<dir>up|down)\s+)?from\s+{M}{_UNIT}(?:\s+(?:in|for)\s+{REF})?"),
    ("prior_value", ("in", "for"), rf"(?<=\()\s*{M}{_UNIT}\s+(?:in|for)\s+{REF}(?=\s*\))"),
)  # fmt: skip


@functools.cache
def _compiled(
    nouns: tuple[str, ...] = (),
) -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """The grammar compiled once per set of a series' counted nouns."""
    extra = "".join("|" + re.escape(n) for n in nouns)
    return tuple(
        (kind, need, compiled(pattern.replace(_NOUNS, extra), re.IGNORECASE))
        for kind, need, pattern in _GRAMMAR
    )


def compile_grammar(nouns: tuple[str, ...] = ()) -> None:
    """Compile the grammar for these counted nouns now, not at the first comparison read:
    for a process with time to spare before it reads figures (extract/pipeline.py), and the
    children it forks after, which inherit the patterns compiled (~25 ms of compiling)."""
    _compiled(tuple(nouns))


_CHANGE_VERB_BEFORE = compiled(
    rf"\b(?:{_VERB_UP}|{_VERB_DOWN}|went|changed|moved|up|down|increasing|decreasing|rising"
    r"|falling)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_TO_COUNT_BEFORE = compiled(rf"\bto\s+(?:{ANY_NUMBER})(?:\s+\w+)?\s*,?\s*$", re.IGNORECASE)


def reference_period(ref: str | None, data_year: int | None) -> str:
    """ "2018" -> "2018", "FY 2017" -> "FY2017", "the previous year" -> str(data_year - 1),
    "the previous fiscal year" -> "FY" + str(data_year - 1); no reference -> data_year - 1."""
    ref = " ".join((ref or "").split())
    m = re.fullmatch(r"(?i)(FY\s?)?((?:19|20)\d{2})", ref)
    if m:
        return ("FY" if m.group(1) else "") + m.group(2)
    if data_year is None:
        return ref
    fiscal = "fiscal" in ref.lower()
    return ("FY" if fiscal else "") + str(data_year - 1)


#: How far around a comparison its parentheses are looked for (white space between them).
_PAREN_REACH = 64


def _parenthesized(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span with its parentheses when the comparison fills them."""
    lead_from = max(0, start - _PAREN_REACH)  # nearby only: a copy of the text per match
    lead = text[lead_from:start].rstrip()  # would make a long paragraph quadratic
    tail = text[end : end + _PAREN_REACH]
    if lead.endswith("(") and tail.lstrip().startswith(")"):
        return lead_from + len(lead) - 1, end + (len(tail) - len(tail.lstrip())) + 1
    return None


def _decimals(number: str) -> int:
    return len(number.split(".", 1)[1]) if "." in number else 0


def _reading(kind: str, m: re.Match[str], text: str, paren: bool) -> dict | None:
    """What one match states, or None when the words do not make a comparison here."""
    g = m.groupdict()
    ref = g.get("ref")
    has_ref = bool(ref or g.get("yoy"))
    sign = -1.0 if (g.get("dir") or "").lower() in _NEGATIVE else 1.0
    bound = _BOUNDS.get((g.get("bound") or "").lower())
    out: dict = {"kind": kind, "ref": ref, "bound": bound}
    if kind == "relative":
        if g.get("pct"):
            if not (has_ref or paren or g.get("dir", "").lower() in ("more", "fewer", "less")):
                return None
            value = parse_number(g["pct"])
            if value is None:
                return None
            out.update(relative=factor_of_percent(sign * value), decimals=_decimals(g["pct"]))
        elif g.get("factor"):
            out.update(relative=_FACTORS[g["factor"].lower()])
        else:
            times = g["times"].lower()
            factor = parse_number(g["tn"]) if g.get("tn") else _TIMES.get(times)
            if factor is None:
                return None
            out.update(relative=float(factor))
        return out
    if kind == "absolute":
        if g.get("n") is None:
            out.update(delta=0.0)
            return out
        if not (has_ref or paren):
            return None
        value = parse_number(g["n"])
        if value is None:
            return None
        out.update(delta=sign * value)
        return out
    prior = parse_number(g["m"])
    if prior is None:
        return None
    before = text[: m.start()]
    if g.get("fromto"):
        if not _CHANGE_VERB_BEFORE.search(before):
            return None
        out.update(prior_value=prior, precedes=True)
        return out
    if re.match(r"(?i)(?:up|down)?\s*from", m.group(0)):
        if not (has_ref or g.get("dir") or _TO_COUNT_BEFORE.search(before)):
            return None
    elif not (has_ref or paren):
        return None
    out.update(prior_value=prior)
    return out


def find_stated_changes(
    text: str, data_year: int | None = None, nouns: tuple[str, ...] = ()
) -> list[ChangeToken]:
    """Every comparison in `text`, left to right (see the module docstring); `nouns` are the
    words a series counts that may follow the number ("20 vessels more than in 2018").

    The span includes the surrounding parentheses when the comparison stands in them, so the
    caller can mask it out; `phrase` is the comparison as written, without the parentheses.
    Full-width digits and signs read as their ASCII forms (NFKC), positions unchanged."""
    folded = fold_width(text)
    lower = folded.lower()
    found: list[ChangeToken] = []
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    for kind, need, pattern in _compiled(tuple(nouns)):
        for word in need:  # a word the pattern cannot match without (a loop: no generator
            if word in lower:  # made for each of the grammar's patterns and paragraphs)
                break
        else:
            continue
        for m in pattern.finditer(folded):
            start, end = m.span()
            if not folded[start:end].strip():
                continue
            paren = _parenthesized(folded, start, end)
            ps, pe = paren or (start, end)
            # taken spans do not overlap and are kept sorted: one bisection, not a scan
            at = bisect.bisect_left(taken_starts, pe)
            if at > 0 and taken_ends[at - 1] > ps:
                continue
            reading = _reading(kind, m, folded, paren is not None)
            if reading is None:
                continue
            at = bisect.bisect_left(taken_starts, ps)
            taken_starts.insert(at, ps)
            taken_ends.insert(at, pe)
            found.append(
                ChangeToken(
                    start=ps,
                    end=pe,
                    delta=reading.get("delta"),
                    reference_period=reference_period(reading["ref"], data_year),
                    phrase=text[start:end].strip(),
                    kind=reading["kind"],
                    prior_value=reading.get("prior_value"),
                    relative=reading.get("relative"),
                    decimals=reading.get("decimals"),
                    bound=reading["bound"],
                    precedes=reading.get("precedes", False),
                )
            )
    found.sort(key=lambda c: c.start)
    return found


# -- recomputing a relative change --------------------------------------------------------------


def factor_of_percent(percent: float) -> float:
    """ "up 74.1%" -> 1.741, "down 37.5%" -> 0.625: the factor the record stores."""
    return round(1 + percent / 100, 9)


def relative_agreement(
    relative: float,
    decimals: int | None,
    bound: str | None,
    prior: float,
    current: float,
) -> tuple[str, float | None]:
    """("agrees" | "ambiguous" | "contradicts" | "unknown", the change in percent) for a stated
    relative change (`relative`, a factor: 1.741, 2.0) from `prior` to `current`, recomputed
    with the rounding the text uses (`decimals` of the printed percentage; None for words).

    "58.3%" agrees with any change that rounds or truncates to 58.3; words ("doubled",
    "three times as many") agree within 5% of the ratio they name, and are only ambiguous up
        to 10% (a 74% rise is not "doubled"). Bounds are checked as bounds: "more than doubled"
    needs more than +100%, and "nearly" never contradicts (it can only be ambiguous)."""
    if prior == 0:
        return "unknown", None
    actual = (current - prior) / abs(prior) * 100
    percent = round((relative - 1) * 100, 6)
    if decimals is None:
        ratio, stated_ratio = 1 + actual / 100, relative
        tol, loose = 0.05 * abs(stated_ratio), 0.1 * abs(stated_ratio)
    else:
        tol = 10.0**-decimals + 1e-9
        loose, ratio, stated_ratio = tol, actual, percent
    diff = ratio - stated_ratio
    if bound in ("more_than", "at_least"):
        return ("agrees" if diff >= -tol else "contradicts"), actual
    if bound in ("less_than", "at_most"):
        return ("agrees" if diff <= tol else "contradicts"), actual
    if bound in ("nearly", "about"):
        near = max(0.1 * abs(stated_ratio), tol)
        return ("agrees" if abs(diff) <= near else "ambiguous"), actual
    if abs(diff) <= tol:
        return "agrees", actual
    if abs(diff) <= loose and decimals is None:
        return "ambiguous", actual
    return "contradicts", actual


__all__ = [
    "KINDS",
    "ChangeToken",
    "compile_grammar",
    "factor_of_percent",
    "find_stated_changes",
    "reference_period",
    "relative_agreement",
]
